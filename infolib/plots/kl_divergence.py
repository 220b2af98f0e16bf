"""Notebook 03's figures and drawing pieces: KL's two directions, fits by KL, log-likelihood ratios."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from infolib.divergence_tools import LogitFit, log_likelihood_ratio_path
from infolib.gaussians import MIXTURE_GRID, fit_gaussian_to_mixture, gaussian_density, mixture_density
from infolib.measures import kl_divergence
from infolib.plots.common import new_figure
from infolib.style import COLORS, course_style
from infolib.units import unit_name

__all__ = [
    "draw_contribution_pairs",
    "draw_direction_bars",
    "draw_fit_curves",
    "plot_gaussian_fits",
    "plot_log_likelihood_ratio",
    "plot_logit_fits",
]


def draw_contribution_pairs(
    ax: Axes, n: int, labels: Sequence[str] = ("p log(p/q)", "q log(q/p)")
) -> tuple[BarContainer, BarContainer]:
    """Two bars per outcome, P's (blue) left and Q's (orange) right; heights 0.

    Returns the two containers for :func:`infolib.plots.set_bar_heights`. A
    zero line marks where contributions turn negative.

    Examples
    --------
    >>> fig, (ax,) = new_figure(4, 3)
    >>> forward, reverse = draw_contribution_pairs(ax, 4)
    >>> len(forward.patches), len(reverse.patches)
    (4, 4)
    """
    x = np.arange(n)
    forward = ax.bar(x - 0.2, np.zeros(n), width=0.4, color=COLORS["p"], label=labels[0])
    reverse = ax.bar(x + 0.2, np.zeros(n), width=0.4, color=COLORS["q"], label=labels[1])
    ax.axhline(0.0, color=COLORS["curve"], linewidth=1)
    ax.set_xticks(x, [str(i + 1) for i in x])
    ax.set_xlabel("outcome")
    return forward, reverse


def draw_direction_bars(ax: Axes) -> BarContainer:
    """Two bars, ``KL(P‖Q)`` (blue) and ``KL(Q‖P)`` (orange), heights 0.

    Examples
    --------
    >>> fig, (ax,) = new_figure(3, 3)
    >>> len(draw_direction_bars(ax).patches)
    2
    """
    bars = ax.bar([0, 1], [0.0, 0.0], width=0.6, color=[COLORS["p"], COLORS["q"]],
                  tick_label=["KL(P‖Q)", "KL(Q‖P)"], edgecolor="black", linewidth=0)
    ax.set_xlim(-0.6, 1.6)
    return bars


def draw_fit_curves(ax: Axes, x: np.ndarray, n_local: int = 3) -> dict[str, Line2D]:
    """Empty lines for a density P, its forward and reverse Gaussian fits and reverse local optima.

    Examples
    --------
    >>> fig, (ax,) = new_figure(4, 3)
    >>> sorted(draw_fit_curves(ax, MIXTURE_GRID))
    ['forward', 'local0', 'local1', 'local2', 'p', 'reverse']
    """
    empty = np.full(len(x), np.nan)
    (p_line,) = ax.plot(x, empty, color=COLORS["curve"], linewidth=3, label="P (two peaks)")
    lines = {"p": p_line}
    for k in range(n_local):
        (line,) = ax.plot(x, empty, color=COLORS["q"], linewidth=1, linestyle=":",
                          label="other local optima of KL(Q‖P)" if k == 0 else None)
        lines[f"local{k}"] = line
    (lines["forward"],) = ax.plot(x, empty, color=COLORS["p"], label="argmin KL(P‖Q): covers the mass")
    (lines["reverse"],) = ax.plot(x, empty, color=COLORS["q"], linestyle="--",
                                  label="argmin KL(Q‖P): seeks a mode")
    ax.set_xlabel("x")
    ax.set_ylabel("density")
    return lines


def plot_gaussian_fits(separation: float = 6.0, weight: float = 0.5, *, base: float = 2) -> Figure:
    """P = a two-peaked mixture; the Gaussians that minimise KL(P‖Q) and KL(Q‖P).

    Parameters
    ----------
    separation : float
        Distance between the two peaks (each has standard deviation 1).
    weight : float
        Weight of the left peak.

    Examples
    --------
    >>> fig = plot_gaussian_fits(6.0)
    >>> len(fig.axes)
    1
    """
    means, stds, weights = [-separation / 2, separation / 2], [1.0, 1.0], [weight, 1 - weight]
    x = MIXTURE_GRID
    figure, (ax,) = new_figure(7, 3.4)
    forward = fit_gaussian_to_mixture(means, stds, weights, "forward", base=base)
    reverse = fit_gaussian_to_mixture(means, stds, weights, "reverse", base=base)
    with course_style():
        lines = draw_fit_curves(ax, x, n_local=len(reverse.local_optima) - 1)
        lines["p"].set_ydata(mixture_density(x, means, stds, weights))
        lines["forward"].set_ydata(gaussian_density(x, forward.mean, forward.std))
        lines["reverse"].set_ydata(gaussian_density(x, reverse.mean, reverse.std))
        for k, other in enumerate(reverse.local_optima[1:]):
            lines[f"local{k}"].set_ydata(gaussian_density(x, other.mean, other.std))
        ax.set_xlim(-8, 8)
        ax.set_ylim(0, 0.6)
        ax.legend(loc="upper left", fontsize="small")
        unit = unit_name(base)
        ax.set_title(f"forward: KL(P‖Q) = {forward.divergence:.3f} {unit};  "
                     f"reverse: KL(Q‖P) = {reverse.divergence:.3f} {unit}")
    return figure


def plot_log_likelihood_ratio(p: ArrayLike, q: ArrayLike, n: int = 5000, *, seed: int = 0,
                              base: float = 2) -> Figure:
    """Running averages of ``log p(x)/q(x)`` over samples from P, against KL(P‖Q) and KL(Q‖P).

    Examples
    --------
    >>> fig = plot_log_likelihood_ratio([0.1, 0.2, 0.3, 0.4], [0.25] * 4, 100)
    >>> len(fig.axes[0].lines)
    5
    """
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    counts = np.arange(1, n + 1)
    forward = log_likelihood_ratio_path(p, q, n, seed=seed, base=base)
    other_way = log_likelihood_ratio_path(q, p, n, samples_from=p, seed=seed, base=base)
    kl_pq, kl_qp = kl_divergence(p, q, base=base), kl_divergence(q, p, base=base)
    figure, (ax,) = new_figure(7, 3.4)
    unit = unit_name(base)
    with course_style():
        ax.plot(counts, forward, color=COLORS["p"], label="average of log p(x)/q(x), x from P")
        ax.plot(counts, other_way, color=COLORS["q"], label="same x, scored log q(x)/p(x)")
        ax.axhline(kl_pq, color=COLORS["p"], linestyle="--", linewidth=1, label=f"KL(P‖Q) = {kl_pq:.4f}")
        ax.axhline(kl_qp, color=COLORS["q"], linestyle="--", linewidth=1, label=f"KL(Q‖P) = {kl_qp:.4f}")
        ax.axhline(0.0, color=COLORS["curve"], linewidth=1)
        ax.set_xscale("log")
        ax.set_xlabel("number of samples from P")
        ax.set_ylabel(f"average ({unit})")
        ax.legend(loc="lower right", fontsize="small")
    return figure


def plot_logit_fits(p: ArrayLike, fits: Sequence[LogitFit], labels: Sequence[str], *,
                    base: float = math.e) -> Figure:
    """Loss curves of logit fits (left) and the largest gradient difference between them (right).

    Examples
    --------
    >>> from infolib.divergence_tools import fit_logits
    >>> runs = [fit_logits([0.7, 0.3], [0.0, 0.0], steps=5, loss=loss)
    ...         for loss in ("cross_entropy", "kl_divergence")]
    >>> len(plot_logit_fits([0.7, 0.3], runs, ["CE", "KL"]).axes)
    2
    """
    figure, (left, right) = new_figure(9, 3.2, ncols=2)
    colors = [COLORS["p"], COLORS["q"], COLORS["gain"]]
    with course_style():
        for fit, label, color in zip(fits, labels, colors, strict=False):
            left.plot(np.arange(len(fit.loss)), fit.loss, color=color, label=label)
        left.set_xlabel("gradient step")
        left.set_ylabel(f"loss ({unit_name(base)})")
        left.legend()
        difference = np.abs(fits[0].gradient - fits[-1].gradient).max(axis=1)
        right.plot(np.arange(len(difference)), difference, color=COLORS["curve"])
        right.set_xlabel("gradient step")
        right.set_ylabel("max |gradient difference|")
        right.set_ylim(-1, 1)
    return figure

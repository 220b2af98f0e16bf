"""Notebook 01's figures: surprisal, the ``-p log p`` curve, a coin's entropy, units, the eps bias."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from infolib.measures import binary_entropy, entropy, surprisal
from infolib.plots.common import GRID, label_point, new_figure
from infolib.style import COLORS, course_style
from infolib.units import format_information, in_unit, unit_name

__all__ = [
    "draw_binary_entropy_curve",
    "draw_entropy_term_curve",
    "draw_surprisal_curve",
    "plot_binary_entropy",
    "plot_eps_bias",
    "plot_surprisal",
    "plot_units",
]


def draw_surprisal_curve(ax: Axes, base: float = 2) -> Line2D:
    """Draw ``-log p`` against ``p`` on ``ax``; return the curve.

    Examples
    --------
    >>> fig, (ax,) = new_figure(4, 3)
    >>> line = draw_surprisal_curve(ax)
    >>> float(line.get_ydata()[-1])  # -log2(1) = 0 bits
    0.0
    """
    (line,) = ax.plot(GRID, surprisal(GRID, base=base), color=COLORS["curve"])
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability of the event, p")
    ax.set_ylabel(f"surprisal −log p ({unit_name(base)})")
    return line


def draw_entropy_term_curve(ax: Axes, base: float = 2) -> Line2D:
    """Draw ``-p log p`` (one outcome's share of the entropy) against ``p``.

    Examples
    --------
    >>> fig, (ax,) = new_figure(4, 3)
    >>> line = draw_entropy_term_curve(ax)
    >>> round(float(line.get_ydata().max()), 2)  # peak at p = 1/e: 0.53 bits
    0.53
    """
    (line,) = ax.plot(GRID, GRID * surprisal(GRID, base=base), color=COLORS["curve"])
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability of an outcome, p")
    ax.set_ylabel(f"−p log p ({unit_name(base)})")
    return line


def draw_binary_entropy_curve(ax: Axes, base: float = 2) -> Line2D:
    """Draw the binary entropy ``h(p)`` of a coin against its bias ``p``.

    Examples
    --------
    >>> fig, (ax,) = new_figure(4, 3)
    >>> line = draw_binary_entropy_curve(ax)
    >>> float(line.get_ydata().max())  # 1 bit at p = 1/2
    1.0
    """
    grid = np.linspace(0.0, 1.0, 201)
    (line,) = ax.plot(grid, binary_entropy(grid, base=base), color=COLORS["curve"])
    ax.set_xlim(0, 1)
    ax.set_xlabel("P(heads)")
    ax.set_ylabel(f"entropy h(p) ({unit_name(base)})")
    return line


def plot_surprisal(events: Sequence[float] = (), base: float = 2, *, digits: int = 4) -> Figure:
    """The surprisal curve ``-log p``, with chosen events marked and labelled.

    Labels show ``digits`` decimals (default 4, so that the 99/1 coin's heads
    reads 0.0145 bits, as the text computes it, not a rounded 0.014).

    Examples
    --------
    >>> fig = plot_surprisal([0.99, 0.01])
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['p = 0.99: 0.0145 bits', 'p = 0.01: 6.6439 bits']
    """
    figure, (ax,) = new_figure(6, 3.5)
    with course_style():
        draw_surprisal_curve(ax, base)
        for p in events:
            s = surprisal(p, base=base)
            ax.plot([p], [s], "o", color=COLORS["highlight"])
            label_point(ax, p, s, f"p = {p:g}: {format_information(s, base, digits)}")
        ax.set_title("Rare events carry more information")
    return figure


def plot_binary_entropy(marks: Sequence[float] = (), base: float = 2, *, digits: int = 4) -> Figure:
    """The binary entropy curve with coins of chosen bias marked and labelled.

    The axis leaves room above the curve's peak, so the fair coin's label
    stays clear of the title.

    Examples
    --------
    >>> fig = plot_binary_entropy([0.5, 0.99])
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['p = 0.5: 1.0000 bits', 'p = 0.99: 0.0808 bits']
    """
    figure, (ax,) = new_figure(6, 3.5)
    with course_style():
        draw_binary_entropy_curve(ax, base)
        ax.set_ylim(0, in_unit(1.2, base))
        for p in marks:
            h = binary_entropy(p, base=base)
            ax.plot([p], [h], "o", color=COLORS["highlight"])
            label_point(ax, p, h, f"p = {p:g}: {format_information(h, base, digits)}")
        ax.set_title("A coin is most uncertain when fair")
    return figure


def plot_units(p: ArrayLike) -> Figure:
    """One entropy, three units: the same bar measured in bits, nats and bans.

    Examples
    --------
    >>> fig = plot_units([0.5, 0.5])
    >>> [round(float(r.get_height()), 4) for r in fig.axes[0].patches]
    [1.0, 0.6931, 0.301]
    """
    bases = {"bits (log₂)": 2, "nats (ln)": math.e, "bans (log₁₀)": 10}
    values = [entropy(p, base=b) for b in bases.values()]
    figure, (ax,) = new_figure(5, 3)
    with course_style():
        bars = ax.bar(list(bases), values, color=COLORS["p"])
        ax.bar_label(bars, labels=[f"{v:.4f}" for v in values])
        ax.set_xlabel("unit (base of the logarithm)")
        ax.set_ylabel("H(p) in that unit")
        ax.set_title("The same uncertainty in three units")
    return figure


def plot_eps_bias(p: ArrayLike, eps_values: ArrayLike, *, name: str = "") -> Figure:
    """How far the ``eps`` hack ``-sum p log2(p + eps)`` moves the entropy of ``p``.

    Both axes are logarithmic. For a uniform ``p`` (every ``p_i`` equal) the
    error is exactly ``log2(1 + eps / p_i)``, about ``eps / (p_i ln 2)`` for
    small eps: a straight line of slope 1, drawn dashed for comparison.

    Parameters
    ----------
    p : array_like
        The distribution whose entropy is computed with and without the hack.
    eps_values : array_like
        The values of eps to try (positive).
    name : str, optional
        What ``p`` is, for the title (e.g. ``"uniform over 10⁶ outcomes"``).

    Examples
    --------
    >>> fig = plot_eps_bias([0.5, 0.5], [1e-8, 1e-2], name="a fair coin")
    >>> fig.axes[0].get_title()
    'Error of the eps hack: a fair coin'
    >>> fig.axes[0].get_legend().get_texts()[1].get_text()
    'log₂(1 + eps/p), slope 1'
    """
    p = np.asarray(p, dtype=float)
    eps_values = np.asarray(eps_values, dtype=float)
    exact = entropy(p)
    hacked = np.array([-(p * np.log2(p + eps)).sum() for eps in eps_values])
    figure, (ax,) = new_figure(6, 3.2)
    with course_style():
        ax.loglog(eps_values, np.abs(exact - hacked), "o", color=COLORS["q"], label="error of the hack")
        if np.all(p == p.flat[0]):
            dense = np.geomspace(eps_values.min(), eps_values.max(), 50)
            ax.loglog(dense, np.log2(1 + dense / p.flat[0]), "--", color=COLORS["curve"], linewidth=1.2,
                      label="log₂(1 + eps/p), slope 1")
        ax.legend(loc="upper left")
        ax.set_xlabel("eps added inside the log")
        ax.set_ylabel("|error| of the entropy (bits)")
        ax.set_title(f"Error of the eps hack: {name}" if name else "The eps hack biases the answer")
    return figure

"""Notebook 02's figures: cross-entropy terms, code lengths measured on samples, loss shapes, training."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from infolib.classifier import TrainingRun, linear_penalty, squared_penalty
from infolib.codes import code_length_per_symbol, huffman_code_lengths, sample_outcomes
from infolib.measures import cross_entropy, entropy, surprisal
from infolib.plots.common import GRID, new_figure
from infolib.style import COLORS, course_style
from infolib.units import unit_name

__all__ = [
    "draw_loss_shapes",
    "draw_paired_bars",
    "plot_code_convergence",
    "plot_loss_shapes",
    "plot_training_run",
    "running_code_length",
]

#: Colours of the three losses compared in :func:`draw_loss_shapes`.
LOSS_COLORS = {"log": COLORS["q"], "linear": COLORS["gain"], "squared": COLORS["curve"]}


def draw_paired_bars(ax: Axes, n: int, labels: Sequence[str]) -> tuple[BarContainer, BarContainer]:
    """Two bars per outcome side by side: P's (left, blue) and Q's (right, orange), all height 0.

    Examples
    --------
    >>> fig, (ax,) = new_figure(4, 3)
    >>> left, right = draw_paired_bars(ax, 3, ["P", "Q"])
    >>> len(left.patches), [float(r.get_x() + r.get_width() / 2) for r in right.patches]
    (3, [0.2, 1.2, 2.2])
    """
    x = np.arange(n)
    left = ax.bar(x - 0.2, np.zeros(n), width=0.4, color=COLORS["p"], label=labels[0])
    right = ax.bar(x + 0.2, np.zeros(n), width=0.4, color=COLORS["q"], label=labels[1])
    ax.set_xticks(x, [str(i + 1) for i in range(n)])
    ax.set_xlabel("outcome")
    return left, right


def draw_loss_shapes(ax: Axes, base: float = math.e) -> dict[str, Line2D]:
    """Draw ``-log q``, ``1 - q`` and ``(1 - q)**2`` against the probability ``q`` of the true class.

    Examples
    --------
    >>> fig, (ax,) = new_figure(4, 3)
    >>> curves = draw_loss_shapes(ax, base=2)
    >>> float(curves["log"].get_ydata()[-1]), float(curves["linear"].get_ydata()[0])
    (0.0, 0.9999)
    """
    curves = {
        "log": ax.plot(GRID, surprisal(GRID, base=base), color=LOSS_COLORS["log"],
                       label=f"−log q ({unit_name(base)})")[0],
        "linear": ax.plot(GRID, linear_penalty(GRID), color=LOSS_COLORS["linear"], label="1 − q")[0],
        "squared": ax.plot(GRID, squared_penalty(GRID), color=LOSS_COLORS["squared"], linestyle="--",
                           label="(1 − q)²")[0],
    }
    ax.set_xlim(0, 1)
    ax.set_xlabel("predicted probability of the true class, q")
    ax.set_ylabel("loss")
    ax.legend(loc="upper right")
    return curves


def plot_loss_shapes(marks: Sequence[float] = (0.01, 0.5, 0.9), base: float = math.e) -> Figure:
    """The three losses of a prediction, with chosen probabilities of the true class marked.

    Examples
    --------
    >>> fig = plot_loss_shapes([0.01])
    >>> len(fig.axes[0].texts)
    1
    """
    figure, (ax,) = new_figure(6.5, 3.6)
    with course_style():
        draw_loss_shapes(ax, base)
        top = 5.0
        ax.set_ylim(0, top)
        for q in marks:
            values = (surprisal(q, base=base), linear_penalty(q), squared_penalty(q))
            for value, color in zip(values, LOSS_COLORS.values(), strict=True):
                ax.plot([q], [min(value, top)], "o", color=color)
            ax.annotate(f"q = {q:g}: {values[0]:.2f} / {values[1]:.2f} / {values[2]:.2f}",
                        (q, min(values[0], top)), xytext=(8, 4), textcoords="offset points")
        ax.set_title("Only −log q punishes a confident mistake without limit")
    return figure


def running_code_length(p: ArrayLike, q: ArrayLike, n: int, *, seed: int = 0) -> np.ndarray:
    """Bits per symbol after each of ``n`` symbols from ``p`` sent with the Huffman code for ``q``.

    Element ``m - 1`` equals :func:`infolib.sample_code_length` ``(p, q, m, seed=seed)``.

    Examples
    --------
    >>> running_code_length([0.5, 0.5], [0.5, 0.5], 4)
    array([1., 1., 1., 1.])
    """
    lengths = huffman_code_lengths(q)[sample_outcomes(p, n, seed=seed)]
    return np.cumsum(lengths) / np.arange(1, n + 1)


def plot_code_convergence(p: ArrayLike, q: ArrayLike, n: int = 5000, *, seed: int = 0) -> Figure:
    """Measured bits per symbol of P's data under the code for Q and the code for P, as samples accumulate.

    Examples
    --------
    >>> fig = plot_code_convergence([0.1, 0.2, 0.3, 0.4], [0.25] * 4, 100)
    >>> len(fig.axes[0].lines)
    6
    """
    figure, (ax,) = new_figure(6.5, 3.6)
    counts = np.arange(1, n + 1)
    with course_style():
        for code_for, color, name in ((q, COLORS["q"], "Q"), (p, COLORS["p"], "P")):
            average = running_code_length(p, code_for, n, seed=seed)
            ax.plot(counts, average, color=color, label=f"code built for {name}")
            ax.axhline(code_length_per_symbol(p, code_for), color=color, linestyle=":", linewidth=1.5)
        ax.axhline(cross_entropy(p, q), color=COLORS["q"], linestyle="--", linewidth=1,
                   label="H(P, Q)")
        ax.axhline(entropy(p), color=COLORS["p"], linestyle="--", linewidth=1, label="H(P)")
        ax.set_xscale("log")
        ax.set_xlabel("symbols sent")
        ax.set_ylabel("bits per symbol")
        ax.set_title("Counted bits settle at the code's expected length (dotted)")
        ax.legend(loc="upper right")
    return figure


def plot_training_run(run: TrainingRun, X: ArrayLike, y: ArrayLike, track: int = 0) -> Figure:
    """The data, the training loss (nats and bits) with its floor, and one point's prediction over time.

    Examples
    --------
    >>> from infolib.classifier import make_blobs, train_softmax_classifier
    >>> X, y = make_blobs(10)
    >>> fig = plot_training_run(train_softmax_classifier(X, y, epochs=5), X, y)
    >>> [ax.get_title() for ax in fig.axes][:2]
    ['training data', 'training loss']
    """
    points = np.asarray(X, dtype=float)
    labels = np.asarray(y)
    class_colors = [COLORS["p"], COLORS["q"], COLORS["gain"]]
    figure, (data_ax, loss_ax, track_ax) = new_figure(12, 3.6, ncols=3)
    with course_style():
        for c in range(run.targets.shape[1]):
            data_ax.scatter(*points[labels == c].T, s=14, color=class_colors[c % 3], label=f"class {c}")
        data_ax.scatter(*points[track], s=160, facecolors="none", edgecolors="black", linewidths=2,
                        label="tracked point")
        data_ax.set_title("training data")
        data_ax.legend(loc="best", fontsize="small")
        epochs = np.arange(len(run.losses))
        loss_ax.plot(epochs, run.losses, color=COLORS["q"], label="mean cross entropy")
        loss_ax.axhline(run.floor, color=COLORS["p"], linestyle="--", label=f"floor H(P) = {run.floor:.3f}")
        loss_ax.set_xlabel("gradient step")
        loss_ax.set_ylabel("loss (nats)")
        loss_ax.set_ylim(bottom=0)
        bits = loss_ax.secondary_yaxis("right", functions=(lambda v: v / math.log(2),
                                                           lambda v: v * math.log(2)))
        bits.set_ylabel("loss (bits)")
        loss_ax.legend(loc="upper right")
        loss_ax.set_title("training loss")
        for c in range(run.targets.shape[1]):
            track_ax.plot(epochs, run.tracked[:, c], color=class_colors[c % 3], label=f"q(class {c})")
            track_ax.axhline(run.targets[track, c], color=class_colors[c % 3], linestyle=":", linewidth=1)
        track_ax.set_ylim(0, 1.02)
        track_ax.set_xlabel("gradient step")
        track_ax.set_ylabel("predicted probability")
        track_ax.set_title(f"point {track} (label {int(labels[track])}): dotted = target")
        track_ax.legend(loc="center right", fontsize="small")
    return figure

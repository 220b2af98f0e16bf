"""Static figures of the course, and the drawing pieces the explorers reuse.

Two kinds of functions live here:

* ``draw_*`` functions draw one element on a given ``Axes`` and return the
  artists an explorer later updates in place (they never create figures);
* ``plot_*`` functions make a complete figure for a notebook and return it;
  a notebook shows it as the cell's result (``%matplotlib inline``).

No figure goes through pyplot, so none outlives the object that holds it.

Only matplotlib and :mod:`infolib`'s numeric core are used: no widgets.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from infolib.joint import joint_entropy, marginals
from infolib.measures import binary_entropy, entropy, surprisal
from infolib.style import COLORS, course_style, current_style
from infolib.units import format_information, unit_name

__all__ = [
    "draw_bars",
    "draw_binary_entropy_curve",
    "draw_entropy_term_curve",
    "draw_surprisal_curve",
    "new_figure",
    "plot_binary_entropy",
    "plot_eps_bias",
    "plot_joint_table",
    "plot_surprisal",
    "plot_units",
    "set_bar_heights",
]

#: Probabilities at which the reference curves are drawn: dense near 0,
#: where -log p and -p log p change fastest.
GRID = np.concatenate([np.geomspace(1e-4, 0.05, 120), np.linspace(0.05, 1.0, 200)[1:]])


def new_figure(width: float, height: float, ncols: int = 1) -> tuple[Figure, list[Axes]]:
    """A figure outside pyplot's registry with ``ncols`` axes, in the course style.

    Explorers use this: the figure lives exactly as long as its explorer, and
    closing one never touches another.

    Examples
    --------
    >>> fig, axes = new_figure(6, 3, ncols=2)
    >>> len(axes)
    2
    """
    scale = current_style().figure_scale
    with course_style():
        figure = Figure(figsize=(width * scale, height * scale), layout="constrained")
        axes = figure.subplots(1, ncols, squeeze=False)[0]
    return figure, list(axes)


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


def draw_bars(ax: Axes, heights: ArrayLike, labels: Sequence[str], color: str) -> BarContainer:
    """Draw one bar per outcome; return the bars for :func:`set_bar_heights`."""
    return ax.bar(range(len(labels)), heights, color=color, tick_label=list(labels))


def set_bar_heights(bars: BarContainer, heights: ArrayLike) -> None:
    """Move the tops of ``bars`` to ``heights`` (in place: no new artists)."""
    for rect, height in zip(bars.patches, np.asarray(heights, dtype=float), strict=True):
        rect.set_height(height)


def _label_point(ax: Axes, x: float, y: float, text: str) -> None:
    """Write ``text`` beside a marked point, on whichever side keeps it inside the axes."""
    right_half = x > 0.6
    ax.annotate(text, (x, y), xytext=(-8 if right_half else 8, 6), textcoords="offset points",
                ha="right" if right_half else "left")


def plot_surprisal(events: Sequence[float] = (), base: float = 2) -> Figure:
    """The surprisal curve ``-log p``, with chosen events marked and labelled.

    Examples
    --------
    >>> fig = plot_surprisal([0.99, 0.01])
    >>> len(fig.axes[0].texts)
    2
    """
    figure, (ax,) = new_figure(6, 3.5)
    with course_style():
        draw_surprisal_curve(ax, base)
        for p in events:
            s = surprisal(p, base=base)
            ax.plot([p], [s], "o", color=COLORS["highlight"])
            _label_point(ax, p, s, f"p = {p:g}: {format_information(s, base)}")
        ax.set_title("Rare events carry more information")
    return figure


def plot_binary_entropy(marks: Sequence[float] = (), base: float = 2) -> Figure:
    """The binary entropy curve with coins of chosen bias marked.

    Examples
    --------
    >>> fig = plot_binary_entropy([0.5, 0.99])
    """
    figure, (ax,) = new_figure(6, 3.5)
    with course_style():
        draw_binary_entropy_curve(ax, base)
        for p in marks:
            h = binary_entropy(p, base=base)
            ax.plot([p], [h], "o", color=COLORS["highlight"])
            _label_point(ax, p, h, f"p = {p:g}: {format_information(h, base)}")
        ax.set_title("A coin is most uncertain when fair")
    return figure


def plot_joint_table(
    pxy: ArrayLike, x_labels: Sequence, y_labels: Sequence, *, x_name: str = "X",
    y_name: str = "Y", base: float = 2
) -> Figure:
    """A joint table as a heat map with its cells written in, and H(X, Y) in the title.

    Examples
    --------
    >>> fig = plot_joint_table([[0.5, 0], [0, 0.5]], ["a", "b"], ["c", "d"])
    >>> fig.axes[0].get_title()
    'H(X, Y) = 1.000 bits = H(X) + H(Y) − I(X; Y)'
    """
    table = np.asarray(pxy, dtype=float)
    _, py = marginals(table)
    figure, (ax,) = new_figure(1.2 + 0.75 * len(y_labels), 1.0 + 0.6 * len(x_labels))
    with course_style():
        ax.grid(False)
        # Headroom above the largest cell keeps even a uniform table mid-blue and legible.
        top = 1.6 * table.max()
        ax.imshow(table, cmap="Blues", vmin=0, vmax=top)
        for (i, j), value in np.ndenumerate(table):
            ax.text(j, i, f"{value:.3f}", ha="center", va="center",
                    color="white" if value > 0.6 * top else "black")
        ax.set_xticks(range(len(y_labels)), [str(v) for v in y_labels])
        ax.set_yticks(range(len(x_labels)), [str(v) for v in x_labels])
        ax.set_xlabel(f"{y_name}   (P({y_name}) = " + ", ".join(f"{v:.3g}" for v in py) + ")")
        ax.set_ylabel(x_name)
        ax.set_title(f"H({x_name}, {y_name}) = {format_information(joint_entropy(table, base=base), base)}"
                     f" = H({x_name}) + H({y_name}) − I({x_name}; {y_name})")
    return figure


def plot_units(p: ArrayLike) -> Figure:
    """One entropy, three units: the same bar measured in bits, nats and bans.

    Examples
    --------
    >>> fig = plot_units([0.5, 0.5])
    >>> [round(float(r.get_height()), 4) for r in fig.axes[0].patches]
    [1.0, 0.6931, 0.301]
    """
    import math

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


def plot_eps_bias(p: ArrayLike, eps_values: ArrayLike) -> Figure:
    """How far the ``eps`` hack ``-sum p log2(p + eps)`` moves the entropy.

    Examples
    --------
    >>> fig = plot_eps_bias([0.5, 0.5], [1e-8, 1e-2])
    """
    p = np.asarray(p, dtype=float)
    eps_values = np.asarray(eps_values, dtype=float)
    exact = entropy(p)
    hacked = np.array([-(p * np.log2(p + eps)).sum() for eps in eps_values])
    figure, (ax,) = new_figure(6, 3.2)
    with course_style():
        ax.loglog(eps_values, np.abs(exact - hacked), "o-", color=COLORS["q"])
        ax.set_xlabel("eps added inside the log")
        ax.set_ylabel("|error| of the entropy (bits)")
        ax.set_title("The eps hack biases the answer")
    return figure

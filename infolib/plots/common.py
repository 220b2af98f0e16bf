"""Drawing pieces every notebook's figures and explorers share.

* :func:`new_figure` makes a figure outside pyplot, in the course style;
* ``draw_*`` functions draw one element on a given ``Axes`` and return the
  artists an explorer later updates in place (they never create figures).

Only matplotlib and :mod:`infolib`'s numeric core are used: no widgets.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from infolib.style import course_style, current_style

__all__ = ["GRID", "draw_bars", "label_point", "new_figure", "set_bar_heights"]

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


def draw_bars(ax: Axes, heights: ArrayLike, labels: Sequence[str], color: str) -> BarContainer:
    """Draw one bar per outcome; return the bars for :func:`set_bar_heights`."""
    return ax.bar(range(len(labels)), heights, color=color, tick_label=list(labels))


def set_bar_heights(bars: BarContainer, heights: ArrayLike) -> None:
    """Move the tops of ``bars`` to ``heights`` (in place: no new artists)."""
    for rect, height in zip(bars.patches, np.asarray(heights, dtype=float), strict=True):
        rect.set_height(height)


def label_point(ax: Axes, x: float, y: float, text: str) -> None:
    """Write ``text`` beside a marked point, on whichever side keeps it inside the axes."""
    right_half = x > 0.6
    ax.annotate(text, (x, y), xytext=(-8 if right_half else 8, 6), textcoords="offset points",
                ha="right" if right_half else "left")

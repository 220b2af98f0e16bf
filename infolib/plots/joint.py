"""Figures of joint tables: a heat map with its marginals in its margins (notebooks 01 and 04)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from numpy.typing import ArrayLike

from infolib.joint import joint_entropy, marginals
from infolib.plots.common import new_figure
from infolib.style import COLORS, course_style
from infolib.units import format_information

__all__ = ["plot_joint_table"]


def plot_joint_table(
    pxy: ArrayLike, x_labels: Sequence | None = None, y_labels: Sequence | None = None, *,
    x_name: str = "X", y_name: str = "Y", base: float = 2
) -> Figure:
    """A joint table as a heat map, its marginals written in its margins, and H(X, Y) in the title.

    Rows are the values of X, columns those of Y. The extra column on the
    right, named ``P(X)``, holds each row's sum; the extra row at the bottom,
    named ``P(Y)``, each column's sum; the corner their common total, 1. The
    tick labels are the values of X and Y only.

    ``pxy`` may be an :class:`infolib.JointTable` (from :func:`infolib.joint_distribution`):
    its labels are then used unless others are given. A plain array's rows and
    columns are labelled 0, 1, 2, ...

    Examples
    --------
    >>> fig = plot_joint_table([[0.5, 0], [0, 0.5]], ["a", "b"], ["c", "d"])
    >>> fig.axes[0].get_title()
    'H(X, Y) = 1.000 bits = H(X) + H(Y) − I(X; Y)'
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['c', 'd']
    >>> import infolib
    >>> fig = plot_joint_table(infolib.joint_distribution(["sun", "rain"], ["no", "yes"]))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['rain', 'sun']
    """
    table = np.asarray(pxy, dtype=float)
    px, py = marginals(table)
    if x_labels is None:
        x_labels = getattr(pxy, "x_labels", range(table.shape[0]))
    if y_labels is None:
        y_labels = getattr(pxy, "y_labels", range(table.shape[1]))
    n_x, n_y = table.shape
    figure, (ax,) = new_figure(1.4 + 0.75 * (n_y + 1), 1.1 + 0.55 * (n_x + 1))
    with course_style():
        ax.grid(False)
        # Headroom above the largest cell keeps even a uniform table mid-blue and legible.
        top = 1.6 * table.max()
        ax.imshow(table, cmap="Blues", vmin=0, vmax=top, extent=(-0.5, n_y - 0.5, n_x - 0.5, -0.5))
        for (i, j), value in np.ndenumerate(table):
            ax.text(j, i, f"{value:.3f}", ha="center", va="center",
                    color="white" if value > 0.6 * top else "black")
        # The margins, in a colour of their own: P(X) down the right, P(Y) along the bottom.
        margin = {"facecolor": COLORS["highlight"], "alpha": 0.3, "edgecolor": "none"}
        for i, value in enumerate(px):
            ax.add_patch(Rectangle((n_y - 0.5, i - 0.5), 1, 1, **margin))
            ax.text(n_y, i, f"{value:.3f}", ha="center", va="center", fontweight="bold")
        for j, value in enumerate(py):
            ax.add_patch(Rectangle((j - 0.5, n_x - 0.5), 1, 1, **margin))
            ax.text(j, n_x, f"{value:.3f}", ha="center", va="center", fontweight="bold")
        ax.text(n_y, n_x, f"{table.sum():.3f}", ha="center", va="center", color=COLORS["curve"])
        ax.axvline(n_y - 0.5, color=COLORS["curve"], linewidth=1.5)
        ax.axhline(n_x - 0.5, color=COLORS["curve"], linewidth=1.5)
        ax.set_xlim(-0.5, n_y + 0.5)
        ax.set_ylim(n_x + 0.5, -0.5)
        ax.set_xticks(range(n_y), [str(v) for v in y_labels])
        ax.set_yticks(range(n_x), [str(v) for v in x_labels])
        ax.tick_params(length=0)
        # The margins are named where a tick label would be; the ticks themselves stay the values.
        size = matplotlib.rcParams["xtick.labelsize"]
        ax.annotate(f"P({x_name})", (n_y, 0), xycoords=("data", "axes fraction"), xytext=(0, -4),
                    textcoords="offset points", ha="center", va="top", fontsize=size)
        ax.annotate(f"P({y_name})", (0, n_x), xycoords=("axes fraction", "data"), xytext=(-4, 0),
                    textcoords="offset points", ha="right", va="center", fontsize=size)
        ax.set_xlabel(y_name)
        ax.set_ylabel(x_name)
        ax.set_title(f"H({x_name}, {y_name}) = {format_information(joint_entropy(table, base=base), base)}"
                     f" = H({x_name}) + H({y_name}) − I({x_name}; {y_name})")
    return figure

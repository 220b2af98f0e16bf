"""Figures of joint tables: a heat map with its marginals (notebooks 01 and 04)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from infolib.joint import joint_entropy, marginals
from infolib.plots.common import new_figure
from infolib.style import course_style
from infolib.units import format_information

__all__ = ["plot_joint_table"]


def plot_joint_table(
    pxy: ArrayLike, x_labels: Sequence | None = None, y_labels: Sequence | None = None, *,
    x_name: str = "X", y_name: str = "Y", base: float = 2
) -> Figure:
    """A joint table as a heat map with its cells written in, and H(X, Y) in the title.

    ``pxy`` may be an :class:`infolib.JointTable` (from :func:`infolib.joint_distribution`):
    its labels are then used unless others are given. A plain array's rows and
    columns are labelled 0, 1, 2, ...

    Examples
    --------
    >>> fig = plot_joint_table([[0.5, 0], [0, 0.5]], ["a", "b"], ["c", "d"])
    >>> fig.axes[0].get_title()
    'H(X, Y) = 1.000 bits = H(X) + H(Y) − I(X; Y)'
    >>> import infolib
    >>> fig = plot_joint_table(infolib.joint_distribution(["sun", "rain"], ["no", "yes"]))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['rain', 'sun']
    """
    table = np.asarray(pxy, dtype=float)
    _, py = marginals(table)
    if x_labels is None:
        x_labels = getattr(pxy, "x_labels", range(table.shape[0]))
    if y_labels is None:
        y_labels = getattr(pxy, "y_labels", range(table.shape[1]))
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

"""Notebook 04 (mutual information)'s figures and drawing pieces.

Drawing pieces the explorers update in place: a joint table as a heat map
(:func:`draw_table_heatmap`), an information diagram of aligned bars whose
lengths are H(X|Y), I(X;Y) and H(Y|X) (:func:`draw_information_diagram`).
Static figures: the diagram of one table, channel capacity curves, MI against
correlation, the shuffle test, a feature ranking and the course map.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from infolib.joint import conditional_entropy, joint_entropy, marginals, mutual_information
from infolib.measures import binary_entropy, cross_entropy, entropy, kl_divergence
from infolib.plots.common import new_figure
from infolib.style import COLORS, course_style
from infolib.units import unit_name

__all__ = [
    "DIAGRAM_PARTS",
    "draw_information_diagram",
    "draw_table_heatmap",
    "plot_capacity_curves",
    "plot_course_map",
    "plot_feature_ranking",
    "plot_information_diagram",
    "plot_mi_vs_correlation",
    "plot_permutation_null",
    "set_information_diagram",
    "set_table_heatmap",
]

#: The segments of the information diagram: (key, label, colour).
DIAGRAM_PARTS = (
    ("x_given_y", "H(X|Y)", COLORS["p"]),
    ("shared", "I(X;Y)", COLORS["gain"]),
    ("y_given_x", "H(Y|X)", COLORS["q"]),
)
_ROWS = {"joint": 2, "x": 1, "y": 0}


def draw_table_heatmap(ax: Axes, n_rows: int, n_cols: int, *, x_name: str = "X",
                       y_name: str = "Y") -> dict:
    """A heat map for joint tables up to ``n_rows x n_cols``, with a number in each cell.

    Colours run from 0 to 1 (a fixed scale, so a redraw never rescales).
    Returns ``{"image": AxesImage, "texts": 2-D list of Text}`` for
    :func:`set_table_heatmap`.
    """
    ax.grid(False)
    image = ax.imshow(np.zeros((n_rows, n_cols)), cmap="Blues", vmin=0, vmax=1, aspect="equal")
    texts = [[ax.text(j, i, "", ha="center", va="center") for j in range(n_cols)]
             for i in range(n_rows)]
    ax.set_xticks(range(n_cols), [f"{y_name}={j}" for j in range(n_cols)])
    ax.set_yticks(range(n_rows), [f"{x_name}={i}" for i in range(n_rows)])
    return {"image": image, "texts": texts}


def set_table_heatmap(artists: dict, table: ArrayLike) -> None:
    """Show ``table`` in the top-left corner of a heat map; the other cells go blank."""
    table = np.asarray(table, dtype=float)
    full = np.full(artists["image"].get_array().shape, np.nan)
    full[: table.shape[0], : table.shape[1]] = table
    artists["image"].set_data(np.ma.masked_invalid(full))
    for i, row in enumerate(artists["texts"]):
        for j, text in enumerate(row):
            if i < table.shape[0] and j < table.shape[1]:
                text.set_text(f"{table[i, j]:.3f}")
                text.set_color("white" if table[i, j] > 0.55 else "black")
            else:
                text.set_text("")


def draw_information_diagram(ax: Axes) -> dict:
    """Aligned bars: H(X, Y) on top, H(X) and H(Y) below, overlapping by I(X; Y).

    Returns the bar segments by ``(row, part)`` (rows ``joint``, ``x``, ``y``;
    parts from :data:`DIAGRAM_PARTS`) for :func:`set_information_diagram`.
    """
    artists = {}
    for row, y in _ROWS.items():
        for key, label, color in DIAGRAM_PARTS:
            if (row, key) in (("x", "y_given_x"), ("y", "x_given_y")):
                continue
            (rect,) = ax.barh(y, 0.0, left=0.0, height=0.6, color=color, edgecolor="white",
                              label=label if row == "joint" else None)
            artists[row, key] = rect
    ax.set_yticks(list(_ROWS.values()), ["H(X, Y)", "H(X)", "H(Y)"])
    ax.set_ylim(-0.6, 3.2)
    ax.legend(loc="upper right", ncols=3, fontsize="small", frameon=False)
    return artists


def set_information_diagram(artists: dict, x_given_y: float, shared: float, y_given_x: float) -> None:
    """Set the three segments' lengths: ``H(X|Y)``, ``I(X;Y)`` and ``H(Y|X)``."""
    starts = {"x_given_y": 0.0, "shared": x_given_y, "y_given_x": x_given_y + shared}
    widths = {"x_given_y": x_given_y, "shared": shared, "y_given_x": y_given_x}
    for (_row, key), rect in artists.items():
        rect.set_x(starts[key])
        rect.set_width(widths[key])


def plot_information_diagram(pxy: ArrayLike, *, base: float = 2, title: str = "") -> Figure:
    """The information diagram of one joint table, with every segment's value written in.

    Examples
    --------
    >>> fig = plot_information_diagram([[0.5, 0], [0, 0.5]], title="a copy")
    >>> fig.axes[0].get_title()
    'a copy: I(X;Y) = 1.000 bits'
    """
    table = np.asarray(pxy, dtype=float)
    parts = (conditional_entropy(table.T, base=base), mutual_information(table, base=base),
             conditional_entropy(table, base=base))
    figure, (ax,) = new_figure(6.0, 2.4)
    with course_style():
        artists = draw_information_diagram(ax)
        set_information_diagram(artists, *parts)
        total = joint_entropy(table, base=base)
        ax.set_xlim(0, max(total, 1e-9) * 1.05)
        for (row, _part), rect in artists.items():
            width = rect.get_width()
            if row == "joint" and width > 0.04 * total:
                ax.text(rect.get_x() + width / 2, _ROWS[row], f"{width:.3f}", ha="center",
                        va="center", color="white")
        ax.set_xlabel(unit_name(base))
        ax.set_title(f"{title + ': ' if title else ''}I(X;Y) = {parts[1]:.3f} {unit_name(base)}")
    return figure


def plot_capacity_curves(bsc_point: float | None = None) -> Figure:
    """Capacity of the binary symmetric channel (``1 - h(e)``) and of the erasure channel (``1 - e``).

    Examples
    --------
    >>> fig = plot_capacity_curves(0.11)
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['symmetric (flips): 1 − h(e)', 'erasure (losses): 1 − e']
    """
    e = np.linspace(0, 1, 401)
    figure, (ax,) = new_figure(6.0, 3.2)
    with course_style():
        ax.plot(e, 1 - binary_entropy(e), color=COLORS["p"], label="symmetric (flips): 1 − h(e)")
        ax.plot(e, 1 - e, color=COLORS["q"], label="erasure (losses): 1 − e")
        if bsc_point is not None:
            c = 1 - binary_entropy(bsc_point)
            ax.plot([bsc_point], [c], "o", color=COLORS["highlight"])
            ax.annotate(f"e = {bsc_point:g}: C = {c:.3f} bits", (bsc_point, c), xytext=(8, 6),
                        textcoords="offset points")
        ax.set_xlabel("flip or erasure probability e")
        ax.set_ylabel("capacity (bits per use)")
        ax.set_ylim(0, 1.05)
        ax.legend(loc="upper center")
    return figure


def plot_mi_vs_correlation(datasets: Mapping[str, tuple[ArrayLike, ArrayLike]],
                           stats: Mapping[str, tuple[float, float]]) -> Figure:
    """Scatter plots of data sets, each titled with its correlation and mutual information.

    ``stats[name] = (correlation, mutual information in bits)``, computed by the caller.
    """
    figure, axes = new_figure(3.0 * len(datasets), 3.0, ncols=len(datasets))
    with course_style():
        for ax, (name, (x, y)) in zip(axes, datasets.items(), strict=True):
            ax.plot(x, y, ".", markersize=2, alpha=0.4, color=COLORS["p"])
            r, mi = stats[name]
            ax.set_title(f"{name}\nr = {r:+.3f}, I = {mi:.2f} bits", fontsize="medium")
            ax.set_xticks([])
            ax.set_yticks([])
    return figure


def plot_permutation_null(null: ArrayLike, statistic: float, *, bias: float | None = None,
                          title: str = "") -> Figure:
    """Histogram of shuffled-data estimates with the data's own estimate marked."""
    null = np.asarray(null, dtype=float)
    figure, (ax,) = new_figure(6.0, 3.0)
    with course_style():
        ax.hist(null, bins=30, color=COLORS["curve"], alpha=0.6, label="shuffled data (no dependence)")
        ax.axvline(statistic, color=COLORS["q"], label=f"the data: {statistic:.4f} bits")
        if bias is not None:
            ax.axvline(bias, color=COLORS["gain"], linestyle="--",
                       label=f"bias formula: {bias:.4f} bits")
        ax.set_xlabel("plug-in estimate of I (bits)")
        ax.set_ylabel("shuffles")
        ax.legend(loc="upper right", fontsize="small")
        if title:
            ax.set_title(title)
    return figure


def plot_feature_ranking(names: Sequence[str], scores: Mapping[str, ArrayLike]) -> Figure:
    """Side-by-side horizontal bars: one panel per scoring of the same features.

    Each panel is sorted by its own score, so a change of rank shows at a glance.
    """
    figure, axes = new_figure(3.3 * len(scores), 0.9 + 0.28 * len(names), ncols=len(scores))
    with course_style():
        for ax, (label, values) in zip(axes, scores.items(), strict=True):
            values = np.asarray(values, dtype=float)
            order = np.argsort(values)
            ax.barh(range(len(names)), values[order], color=COLORS["p"])
            ax.set_yticks(range(len(names)), [names[i] for i in order], fontsize="small")
            ax.set_title(label, fontsize="medium")
            ax.grid(axis="y", visible=False)
    return figure


def plot_course_map(p: ArrayLike, q: ArrayLike, pxy: ArrayLike, *, base: float = 2) -> Figure:
    """The course on one page: H, H(P, Q), KL and I as boxes, one line per identity.

    Every box shows its value on the example (``p``, ``q`` for the left half,
    the joint table ``pxy`` for the right half), so each identity on a line
    can be checked by adding the numbers.

    Examples
    --------
    >>> fig = plot_course_map([0.1, 0.2, 0.3, 0.4], [0.25] * 4, [[0.4, 0.1], [0.1, 0.4]])
    >>> len(fig.axes[0].texts) >= 8
    True
    """
    table = np.asarray(pxy, dtype=float)
    px, py = marginals(table)
    u = unit_name(base)
    values = {
        "H(P)": entropy(p, base=base),
        "H(P, Q)": cross_entropy(p, q, base=base),
        "KL(P‖Q)": kl_divergence(p, q, base=base),
        "H(X)": entropy(px, base=base),
        "H(Y)": entropy(py, base=base),
        "H(X, Y)": joint_entropy(table, base=base),
        "H(Y|X)": conditional_entropy(table, base=base),
        "I(X; Y)": mutual_information(table, base=base),
    }
    where = {
        "H(P)": (0.12, 0.8), "H(P, Q)": (0.12, 0.45), "KL(P‖Q)": (0.12, 0.1),
        "H(X)": (0.55, 0.8), "H(Y)": (0.85, 0.8), "H(X, Y)": (0.7, 0.45),
        "H(Y|X)": (0.85, 0.1), "I(X; Y)": (0.55, 0.1),
    }
    colors = {"H(P)": COLORS["p"], "H(P, Q)": COLORS["q"], "KL(P‖Q)": COLORS["q"],
              "I(X; Y)": COLORS["gain"]}
    links = [
        ("H(P)", "H(P, Q)", "H(P, Q) = H(P) + KL(P‖Q)\n(notebook 2)"),
        ("H(P, Q)", "KL(P‖Q)", "KL = H(P, Q) − H(P) ≥ 0\n(notebook 3)"),
        ("H(X)", "H(X, Y)", "H(X, Y) = H(X) + H(Y|X)"),
        ("H(Y)", "H(X, Y)", ""),
        ("H(X, Y)", "I(X; Y)", "I = H(X) + H(Y) − H(X, Y)"),
        ("H(X, Y)", "H(Y|X)", ""),
        ("KL(P‖Q)", "I(X; Y)", "I(X; Y) = KL(P_XY ‖ P_X P_Y)"),
        ("H(P)", "H(X)", "H(X) = H(P_X): entropy of a marginal (notebook 1)"),
    ]
    figure, (ax,) = new_figure(10.0, 5.2)
    with course_style():
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 0.95)
        for a, b, label in links:
            (xa, ya), (xb, yb) = where[a], where[b]
            ax.annotate("", (xb, yb), (xa, ya), arrowprops={"arrowstyle": "-", "color": COLORS["curve"],
                                                             "lw": 1.2, "shrinkA": 22, "shrinkB": 22})
            if label:
                ax.text((xa + xb) / 2, (ya + yb) / 2, label, ha="center", va="center", fontsize="small",
                        bbox={"boxstyle": "round", "fc": "white", "ec": "none", "alpha": 0.9})
        for name, (x, y) in where.items():
            value = values[name]
            text = f"{name}\n{'∞' if math.isinf(value) else f'{value:.3f}'} {u}"
            ax.text(x, y, text, ha="center", va="center", fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.5", "fc": "white",
                          "ec": colors.get(name, COLORS["p"]), "lw": 2})
        ax.set_title(f"One example, every identity: P = {np.round(np.asarray(p, float), 3).tolist()}, "
                     f"Q = {np.round(np.asarray(q, float), 3).tolist()}, "
                     f"P_XY = {np.round(table, 3).tolist()}", fontsize="small")
    return figure

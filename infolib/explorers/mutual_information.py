"""Notebook 04's explorers: a 2 x 2 table you shape, a table editor, a noisy channel, estimation.

Each shows the joint table and the information diagram (aligned bars whose
lengths are H(X|Y), I(X;Y) and H(Y|X)) and reads out every quantity with the
infolib call that recomputes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import numpy as np

from infolib.channels import (
    binary_erasure_channel,
    binary_symmetric_channel,
    channel_joint,
    channel_mutual_information,
    compose_channels,
)
from infolib.controls import Quantity, count_slider, probability_slider, unit_switch
from infolib.estimators import (
    dependent_table,
    mutual_information_bias,
    mutual_information_from_counts,
    sample_pairs,
)
from infolib.explorers.base import Explorer, recipe
from infolib.joint import conditional_entropy, joint_entropy, mutual_information
from infolib.measures import binary_entropy, entropy, kl_divergence
from infolib.plots import (
    draw_bars,
    draw_information_diagram,
    draw_table_heatmap,
    new_figure,
    set_bar_heights,
    set_information_diagram,
    set_table_heatmap,
)
from infolib.style import COLORS, course_style, current_style
from infolib.units import in_unit, unit_name

__all__ = [
    "TABLE_PRESETS",
    "TRUE_TABLES",
    "ChannelExplorer",
    "DependenceExplorer",
    "EstimationExplorer",
    "JointTableExplorer",
    "explore_channel",
    "explore_dependence",
    "explore_estimation",
    "explore_joint_table",
]


def _table_quantities(table: np.ndarray, base: float) -> list[Quantity]:
    """H(X), H(Y), H(X,Y), H(X|Y), H(Y|X), I and KL(P_XY || P_X P_Y), each with its recipe."""
    px, py = table.sum(axis=1), table.sum(axis=0)
    product = np.outer(px, py)
    return [
        Quantity("hx", "H(X)", entropy(px, base=base), base, recipe("entropy", px, base=base)),
        Quantity("hy", "H(Y)", entropy(py, base=base), base, recipe("entropy", py, base=base)),
        Quantity("hxy", "H(X,Y)", joint_entropy(table, base=base), base,
                 recipe("joint_entropy", table, base=base)),
        Quantity("hx_given_y", "H(X|Y)", conditional_entropy(table.T, base=base), base,
                 recipe("conditional_entropy", table.T, base=base)),
        Quantity("hy_given_x", "H(Y|X)", conditional_entropy(table, base=base), base,
                 recipe("conditional_entropy", table, base=base)),
        Quantity("mi", "I(X;Y)", mutual_information(table, base=base), base,
                 recipe("mutual_information", table, base=base)),
        Quantity("kl", "KL(P_XY‖P_X P_Y)", kl_divergence(table.ravel(), product.ravel(), base=base),
                 base, recipe("kl_divergence", table.ravel(), product.ravel(), base=base)),
    ]


def _diagram_keys(artists: dict) -> list[str]:
    return [k for k in artists if k.startswith("diagram:")]


def _add_diagram(artists: dict, ax) -> None:
    for (row, part), rect in draw_information_diagram(ax).items():
        artists[f"diagram:{row}:{part}"] = rect


def _set_diagram(artists: dict, values: Mapping[str, float]) -> None:
    rects = {tuple(k.split(":")[1:]): v for k, v in artists.items() if k.startswith("diagram:")}
    set_information_diagram(rects, values["hx_given_y"], values["mi"], values["hy_given_x"])


def _add_heatmap(artists: dict, ax, n_rows: int, n_cols: int) -> None:
    heat = draw_table_heatmap(ax, n_rows, n_cols)
    artists["image"] = heat["image"]
    for i, row in enumerate(heat["texts"]):
        for j, text in enumerate(row):
            artists[f"cell:{i}:{j}"] = text
    artists["_heat"] = heat


class DependenceExplorer(Explorer):
    """A 2 x 2 joint table from two marginals and a dependence, with all its entropies.

    Controls: ``dependence`` (main; -1 .. 1, 0 is independence), ``px1`` =
    P(X=1), ``py1`` = P(Y=1), ``unit``. Artists: the heat map ``image`` and its
    ``cell:i:j`` numbers, the marginal ``bars`` and the information diagram's
    ``diagram:row:part`` segments. Readout: ``hx``, ``hy``, ``hxy``,
    ``hx_given_y``, ``hy_given_x``, ``mi`` and ``kl`` (= I, the third reading).

    Examples
    --------
    >>> ex = DependenceExplorer(px1=0.5, py1=0.5, dependence=1.0, interactive=False)
    >>> ex.readout.values["mi"], ex.readout.values["hx"]
    (1.0, 1.0)
    >>> ex.controls["dependence"].value = 0.0
    >>> ex.readout.values["mi"]
    0.0
    >>> ex.close()
    """

    name = "dependence"
    title = "A 2 × 2 joint table: from independent to as dependent as the marginals allow"
    main_control = "dependence"

    def __init__(self, px1: float = 0.5, py1: float = 0.5, dependence: float = 0.5, *,
                 base: float = 2, interactive: bool = True):
        figure, (heat_ax, bar_ax, diagram_ax) = new_figure(11, 3.3, ncols=3)
        artists: dict = {}
        with course_style():
            _add_heatmap(artists, heat_ax, 2, 2)
            heat_ax.set_title("P(X = x, Y = y)")
            bars = draw_bars(bar_ax, np.zeros(4), ["X=0", "X=1", "Y=0", "Y=1"], COLORS["p"])
            for rect in bars.patches[2:]:
                rect.set_color(COLORS["q"])
            bar_ax.set_ylim(0, 1.05)
            bar_ax.set_title("marginals")
            _add_diagram(artists, diagram_ax)
        artists.update(bars=bars, diagram_ax=diagram_ax)
        controls = {
            "dependence": widgets.FloatSlider(
                value=dependence, min=-1.0, max=1.0, step=0.01, description="dependence",
                readout_format=".2f", continuous_update=True, style={"description_width": "initial"},
                layout=widgets.Layout(width=f"{current_style().slider_width_px}px")),
            "px1": probability_slider("P(X = 1)", px1, step=0.01),
            "py1": probability_slider("P(Y = 1)", py1, step=0.01),
            "unit": unit_switch(base),
        }
        animated = ["image", "bars", *[k for k in artists if k.startswith(("cell:", "diagram:"))]]
        super().__init__(figure, artists, controls, animated=animated, interactive=interactive)
        self._unit_shown = None
        self._finish([controls["dependence"], widgets.HBox([controls["px1"], controls["py1"]]),
                      controls["unit"]])

    @property
    def table(self) -> np.ndarray:
        """The joint table the controls describe."""
        a, b = self.controls["px1"].value, self.controls["py1"].value
        return dependent_table([1 - a, a], [1 - b, b], self.controls["dependence"].value)

    def update(self) -> None:
        base = self.base
        if self._unit_shown != base:
            ax = self.artists["diagram_ax"]
            ax.set_xlim(0, in_unit(2.05, base))
            ax.set_xlabel(unit_name(base))
            self._unit_shown = base
            self.live.invalidate()
        table = self.table
        set_table_heatmap(self.artists["_heat"], table)
        set_bar_heights(self.artists["bars"], [*table.sum(axis=1), *table.sum(axis=0)])
        quantities = _table_quantities(table, base)
        values = {q.key: q.value for q in quantities}
        _set_diagram(self.artists, values)
        self.readout.show(quantities)


#: Joint tables (weights) for the table editor, by the name a learner sees.
TABLE_PRESETS: dict[str, tuple[tuple[float, ...], ...]] = {
    "independent fair coins": ((0.25, 0.25), (0.25, 0.25)),
    "Y is a copy of X (4 values)": ((0.25, 0, 0, 0), (0, 0.25, 0, 0), (0, 0, 0.25, 0), (0, 0, 0, 0.25)),
    "noisy copy (3 values)": ((0.3, 0.02, 0.01), (0.02, 0.3, 0.02), (0.01, 0.02, 0.3)),
    "Y = X mod 2 (X uniform on 4)": ((0.25, 0), (0, 0.25), (0.25, 0), (0, 0.25)),
    "Y = X² for X in {-1, 0, 1}: uncorrelated": ((0, 1 / 3), (1 / 3, 0), (0, 1 / 3)),
    "weather and umbrella": ((0.25, 0.25), (0.5, 0.0)),
}


class JointTableExplorer(Explorer):
    """Edit any joint table up to 4 x 4 with one weight per cell; every quantity follows.

    Controls: ``w11`` .. ``w44`` (cell weights, normalised to a table; ``w11`` is
    the main one), ``rows``, ``cols``, ``preset``, ``reset``, ``unit``. Artists:
    the heat map (``image``, ``cell:i:j``), the marginal ``bars`` (P(X = i)
    then P(Y = j), 0 beyond the table's size) and the information diagram. A preset
    moves many sliders and renders once. If every weight is 0 the last valid
    table stays (the status line says why).

    Examples
    --------
    >>> ex = JointTableExplorer(interactive=False)
    >>> ex.controls["preset"].value = "Y is a copy of X (4 values)"
    >>> ex.readout.values["mi"], ex.readout.values["hx"]
    (2.0, 2.0)
    >>> ex.close()
    """

    name = "joint-table"
    title = "Any small joint table: edit the cells, watch every quantity"
    main_control = "w11"
    MAX = 4

    def __init__(self, weights: Sequence[Sequence[float]] = ((0.3, 0.1, 0.1), (0.05, 0.3, 0.15)), *,
                 base: float = 2, interactive: bool = True):
        self.initial = tuple(tuple(float(w) for w in row) for row in weights)
        figure, (heat_ax, bar_ax, diagram_ax) = new_figure(11, 3.4, ncols=3)
        artists: dict = {}
        labels = [f"X={i}" for i in range(self.MAX)] + [f"Y={j}" for j in range(self.MAX)]
        with course_style():
            _add_heatmap(artists, heat_ax, self.MAX, self.MAX)
            heat_ax.set_title("P(X = x, Y = y)")
            bars = draw_bars(bar_ax, np.zeros(2 * self.MAX), labels, COLORS["p"])
            for rect in bars.patches[self.MAX:]:
                rect.set_color(COLORS["q"])
            bar_ax.set_ylim(0, 1.05)
            bar_ax.tick_params(axis="x", labelrotation=90)
            bar_ax.set_title("marginals")
            _add_diagram(artists, diagram_ax)
        artists.update(bars=bars, heat_ax=heat_ax, diagram_ax=diagram_ax)
        controls: dict = {}
        for i in range(self.MAX):
            for j in range(self.MAX):
                controls[f"w{i + 1}{j + 1}"] = widgets.FloatSlider(
                    value=0.0, min=0.0, max=1.0, step=0.01, description=f"({i},{j})",
                    readout_format=".2f", continuous_update=True,
                    layout=widgets.Layout(width="200px"), style={"description_width": "40px"})
        controls["rows"] = count_slider("rows (X values)", len(self.initial), 1, self.MAX)
        controls["cols"] = count_slider("columns (Y values)", len(self.initial[0]), 1, self.MAX)
        controls["preset"] = widgets.Dropdown(options=["(your own)", *TABLE_PRESETS], value="(your own)",
                                              description="preset")
        controls["reset"] = widgets.Button(description="reset", icon="undo")
        controls["unit"] = unit_switch(base)
        self.status = widgets.HTML()
        animated = ["image", "bars", *[k for k in artists if k.startswith(("cell:", "diagram:"))]]
        super().__init__(figure, artists, controls, animated=animated, interactive=interactive)
        self._holding = False
        self._unit_shown = None
        self._table = np.array([[1.0]])
        self.set_weights(self.initial, notify=False)
        for key in [*self._cell_keys(), "rows", "cols"]:
            controls[key].observe(self._on_edit, names="value")
        controls["preset"].observe(self._on_preset, names="value")
        controls["reset"].on_click(lambda _b: self.reset())
        grid = widgets.VBox([widgets.HBox([controls[f"w{i + 1}{j + 1}"] for j in range(self.MAX)])
                             for i in range(self.MAX)])
        self._finish([widgets.HBox([controls["preset"], controls["reset"]]),
                      widgets.HBox([controls["rows"], controls["cols"]]), grid, self.status,
                      controls["unit"]])

    def _cell_keys(self) -> list[str]:
        return [f"w{i + 1}{j + 1}" for i in range(self.MAX) for j in range(self.MAX)]

    def _directly_observed(self) -> list[widgets.ValueWidget]:
        # Cells, sizes and presets report through _on_edit / _on_preset (once per change).
        return [self.controls["unit"]]

    def set_weights(self, weights: Sequence[Sequence[float]], *, notify: bool = True) -> None:
        """Load a table of weights (its shape sets rows and columns); one render."""
        arr = np.asarray(weights, dtype=float)
        if arr.ndim != 2 or arr.shape[0] > self.MAX or arr.shape[1] > self.MAX:
            raise ValueError(f"weights must be a table of at most {self.MAX} x {self.MAX}, got {arr.shape}")
        top = max(1.0, float(arr.max()))
        self._holding = True
        try:
            self.controls["rows"].value, self.controls["cols"].value = arr.shape
            for i in range(self.MAX):
                for j in range(self.MAX):
                    inside = i < arr.shape[0] and j < arr.shape[1]
                    self.controls[f"w{i + 1}{j + 1}"].value = arr[i, j] / top if inside else 0.0
        finally:
            self._holding = False
        self._refresh()
        if notify:
            self._on_change()

    def reset(self) -> None:
        """Go back to the starting table."""
        self._holding = True
        self.controls["preset"].value = "(your own)"
        self._holding = False
        self.set_weights(self.initial)

    def _on_edit(self, _change) -> None:
        if self._holding:
            return
        self._holding = True
        self.controls["preset"].value = "(your own)"
        self._holding = False
        self._refresh()
        self._on_change()

    def _on_preset(self, change) -> None:
        if not self._holding and change["new"] in TABLE_PRESETS:
            self.set_weights(TABLE_PRESETS[change["new"]])

    def _refresh(self) -> None:
        rows, cols = self.controls["rows"].value, self.controls["cols"].value
        for i in range(self.MAX):
            for j in range(self.MAX):
                shown = i < rows and j < cols
                self.controls[f"w{i + 1}{j + 1}"].layout.visibility = None if shown else "hidden"
        weights = np.array([[self.controls[f"w{i + 1}{j + 1}"].value for j in range(cols)]
                            for i in range(rows)])
        total = weights.sum()
        if total <= 0:
            self.status.value = "<b>All weights are zero.</b> Give some cell a positive weight."
            return
        self._table = weights / total
        self.status.value = f"cells are weights / {total:.2f}"

    @property
    def table(self) -> np.ndarray:
        """The (normalised) joint table shown."""
        return self._table

    def update(self) -> None:
        base = self.base
        if self._unit_shown != base:
            ax = self.artists["diagram_ax"]
            ax.set_xlim(0, in_unit(4.1, base))
            ax.set_xlabel(unit_name(base))
            self._unit_shown = base
            self.live.invalidate()
        table = self._table
        set_table_heatmap(self.artists["_heat"], table)
        px, py = np.zeros(self.MAX), np.zeros(self.MAX)
        px[: table.shape[0]], py[: table.shape[1]] = table.sum(axis=1), table.sum(axis=0)
        set_bar_heights(self.artists["bars"], [*px, *py])
        quantities = _table_quantities(table, base)
        _set_diagram(self.artists, {q.key: q.value for q in quantities})
        self.readout.show(quantities)


_CHANNELS = {"symmetric (flips)": binary_symmetric_channel, "erasure (losses)": binary_erasure_channel}


def _second_channel(kind: str, e2: float) -> np.ndarray:
    """The channel after the first: more flips, or more erasures (an erasure stays one)."""
    if kind == "symmetric (flips)":
        return binary_symmetric_channel(e2)
    return np.array([[1.0 - e2, e2, 0.0], [0.0, 1.0, 0.0], [0.0, e2, 1.0 - e2]])


class ChannelExplorer(Explorer):
    """A binary channel: flip (or erasure) probability and input bias against I(X;Y) and capacity.

    Controls: ``e`` (main), ``bias`` = P(X = 1), ``channel`` (symmetric or
    erasure), ``e2`` (a second channel of the same kind after the first, for
    the data processing inequality; 0 means none), ``unit``. Artists:
    ``capacity`` curve (1 − h(e) or 1 − e), ``info_curve`` (I(X;Y) over e at
    this bias), markers ``point``, ``capacity_point`` and ``chain_point``
    (I(X;Z) after both channels), and the information diagram of input and
    output. Readout: ``mi``, ``capacity`` (I at the uniform input, optimal
    for both channels), ``chain`` = I(X;Z), ``hx``, ``hy``.

    Examples
    --------
    >>> ex = ChannelExplorer(e=0.11, interactive=False)
    >>> round(ex.readout.values["capacity"], 4)
    0.5001
    >>> ex.controls["e"].value = 0.5
    >>> ex.readout.values["mi"]
    0.0
    >>> ex.close()
    """

    name = "channel"
    title = "A noisy binary channel: information through it and its capacity"
    main_control = "e"
    E_GRID = np.linspace(0.0, 1.0, 201)

    def __init__(self, e: float = 0.1, bias: float = 0.5, *, e2: float = 0.0,
                 channel: str = "symmetric (flips)",
                 base: float = 2, interactive: bool = True):
        figure, (curve_ax, diagram_ax) = new_figure(10, 3.4, ncols=2)
        artists: dict = {}
        with course_style():
            (capacity,) = curve_ax.plot(self.E_GRID, np.zeros_like(self.E_GRID), color=COLORS["curve"],
                                        label="capacity C")
            (info_curve,) = curve_ax.plot(self.E_GRID, np.zeros_like(self.E_GRID), color=COLORS["gain"],
                                          linestyle="--", label="I(X;Y) at this input bias")
            (capacity_point,) = curve_ax.plot([], [], "o", color=COLORS["curve"], clip_on=False)
            (point,) = curve_ax.plot([], [], "o", color=COLORS["highlight"], clip_on=False,
                                     label="I(X;Y), this input")
            (chain_point,) = curve_ax.plot([], [], "v", color=COLORS["q"], clip_on=False,
                                           label="I(X;Z) after a second channel")
            curve_ax.set_xlabel("flip / erasure probability e")
            curve_ax.set_xlim(0, 1)
            curve_ax.legend(loc="upper center", fontsize="small")
            _add_diagram(artists, diagram_ax)
            diagram_ax.set_title("input X and output Y")
        artists.update(capacity=capacity, info_curve=info_curve, point=point, chain_point=chain_point,
                       capacity_point=capacity_point, curve_ax=curve_ax, diagram_ax=diagram_ax)
        controls = {
            "e": probability_slider("e", e),
            "bias": probability_slider("P(X = 1)", bias),
            "e2": probability_slider("second channel e₂", e2),
            "channel": widgets.ToggleButtons(options=list(_CHANNELS), value=channel, description="channel",
                                             style={"description_width": "initial"}),
            "unit": unit_switch(base),
        }
        animated = ["info_curve", "point", "capacity_point", "chain_point", *_diagram_keys(artists)]
        super().__init__(figure, artists, controls, animated=animated, interactive=interactive)
        self._static_for = None
        self._curve_for = None
        self._finish([controls["channel"], controls["e"], controls["bias"], controls["e2"],
                      controls["unit"]])

    def _info_over_grid(self, bias: float, base: float) -> np.ndarray:
        make = _CHANNELS[self.controls["channel"].value]
        px = np.array([1 - bias, bias])
        tables = np.stack([px[:, None] * make(e) for e in self.E_GRID])
        return mutual_information(tables, base=base)

    def update(self) -> None:
        base, kind = self.base, self.controls["channel"].value
        e, bias = self.controls["e"].value, self.controls["bias"].value
        make = _CHANNELS[kind]
        if self._static_for != (kind, base):
            scale = in_unit(1.0, base)
            if kind == "symmetric (flips)":
                curve = (1 - binary_entropy(self.E_GRID)) * scale
            else:
                curve = (1 - self.E_GRID) * scale
            self.artists["capacity"].set_ydata(curve)
            self.artists["curve_ax"].set_ylim(0, 1.08 * scale)
            self.artists["curve_ax"].set_ylabel(f"bits per use ({unit_name(base)})"
                                                if base != 2 else "bits per use")
            self.artists["diagram_ax"].set_xlim(0, 2.05 * scale)
            self.artists["diagram_ax"].set_xlabel(unit_name(base))
            self._static_for = (kind, base)
            self._curve_for = None
            self.live.invalidate()
        if self._curve_for != (kind, base, bias):  # only when the bias (or channel) moves
            self.artists["info_curve"].set_ydata(self._info_over_grid(bias, base))
            self._curve_for = (kind, base, bias)
        W = make(e)
        px = np.array([1 - bias, bias])
        uniform = np.array([0.5, 0.5])
        joint = channel_joint(px, W)
        py = joint.sum(axis=0)
        mi = channel_mutual_information(px, W, base=base)
        capacity = channel_mutual_information(uniform, W, base=base)
        self.artists["point"].set_data([e], [mi])
        self.artists["capacity_point"].set_data([e], [capacity])
        chain = compose_channels(W, _second_channel(kind, self.controls["e2"].value))
        chain_mi = channel_mutual_information(px, chain, base=base)
        self.artists["chain_point"].set_data([e], [chain_mi])
        _set_diagram(self.artists, {"hx_given_y": conditional_entropy(joint.T, base=base), "mi": mi,
                                    "hy_given_x": conditional_entropy(joint, base=base)})
        self.readout.show([
            Quantity("mi", "I(X;Y)", mi, base, recipe("channel_mutual_information", px, W, base=base)),
            Quantity("capacity", "capacity C (uniform input)", capacity, base,
                     recipe("channel_mutual_information", uniform, W, base=base)),
            Quantity("chain", "I(X;Z) after both", chain_mi, base,
                     recipe("channel_mutual_information", px, chain, base=base)),
            Quantity("hx", "H(X)", entropy(px, base=base), base, recipe("entropy", px, base=base)),
            Quantity("hy", "H(Y)", entropy(py, base=base), base, recipe("entropy", py, base=base)),
        ])


#: True joint tables for the estimation explorer (4 x 4 each).
TRUE_TABLES: dict[str, np.ndarray] = {
    "independent (uniform 4 × 4)": np.full((4, 4), 1 / 16),
    "weak dependence": 0.8 * np.full((4, 4), 1 / 16) + 0.2 * np.eye(4) / 4,
    "strong dependence (noisy copy)": 0.2 * np.full((4, 4), 1 / 16) + 0.8 * np.eye(4) / 4,
}


class EstimationExplorer(Explorer):
    """The plug-in estimate of I from N samples against the truth, and its bias.

    Samples are drawn once per ``truth`` and ``redraw`` (seeded); the
    sample-size slider ``n`` (main) uses the first N of them, so dragging
    shows one data set growing. Curves: plug-in and Miller-Madow estimates
    over N, the true I and "true I + (|X|−1)(|Y|−1)/(2N ln 2)". Readout:
    ``plug_in``, ``miller_madow``, ``true`` and ``bias`` (the formula).

    Examples
    --------
    >>> ex = EstimationExplorer(n=100, interactive=False)
    >>> ex.readout.values["true"]
    0.0
    >>> round(ex.readout.values["bias"], 4)   # 9 / (200 ln 2) bits
    0.0649
    >>> ex.close()
    """

    name = "estimation"
    title = "Estimating I from samples: the plug-in estimate is biased upwards"
    main_control = "n"
    MAX_N = 4000
    N_GRID = np.unique(np.geomspace(10, MAX_N, 60).astype(int))

    def __init__(self, n: int = 100, *, truth: str = "independent (uniform 4 × 4)", seed: int = 0,
                 base: float = 2, interactive: bool = True):
        figure, (curve_ax, heat_ax) = new_figure(10, 3.4, ncols=2)
        artists: dict = {}
        with course_style():
            lines = {}
            for key, label, color, style in [
                ("plug_in_curve", "plug-in estimate", COLORS["q"], "-"),
                ("mm_curve", "Miller-Madow corrected", COLORS["p"], "-"),
                ("true_line", "true I", COLORS["curve"], "-"),
                ("bias_curve", "true I + bias formula", COLORS["gain"], "--"),
            ]:
                (lines[key],) = curve_ax.plot(self.N_GRID, np.zeros(len(self.N_GRID)), color=color,
                                              linestyle=style, label=label)
            (plug_point,) = curve_ax.plot([], [], "o", color=COLORS["q"])
            (mm_point,) = curve_ax.plot([], [], "o", color=COLORS["p"])
            curve_ax.set_xscale("log")
            curve_ax.set_xlabel("sample size N")
            curve_ax.legend(loc="upper right", fontsize="small")
            _add_heatmap(artists, heat_ax, 4, 4)
            heat_ax.set_title("sample frequencies")
        artists.update(lines, plug_point=plug_point, mm_point=mm_point, curve_ax=curve_ax)
        controls = {
            "n": widgets.IntSlider(value=n, min=10, max=self.MAX_N, step=10, description="sample size N",
                                   continuous_update=True, style={"description_width": "initial"},
                                   layout=widgets.Layout(width=f"{current_style().slider_width_px}px")),
            "truth": widgets.Dropdown(options=list(TRUE_TABLES), value=truth, description="truth"),
            "redraw": widgets.Button(description="new sample", icon="refresh"),
            "unit": unit_switch(base),
        }
        animated = ["plug_point", "mm_point", "image", *[k for k in artists if k.startswith("cell:")]]
        super().__init__(figure, artists, controls, animated=animated, interactive=interactive)
        self.seed = seed
        self._sample_for = None
        controls["redraw"].on_click(lambda _b: self.redraw())
        self._finish([widgets.HBox([controls["truth"], controls["redraw"]]), controls["n"],
                      controls["unit"]])

    def redraw(self) -> None:
        """Draw a new sample (the next seed) and show it: one render."""
        self.seed += 1
        self._on_change()

    def _counts(self, n: int) -> np.ndarray:
        return np.bincount(self._cells[:n], minlength=16).reshape(4, 4)

    def update(self) -> None:
        base, truth, n = self.base, self.controls["truth"].value, int(self.controls["n"].value)
        table = TRUE_TABLES[truth]
        if self._sample_for != (truth, self.seed, base):  # new data or unit: redraw the curves
            x, y = sample_pairs(table, self.MAX_N, seed=self.seed)
            self._cells = x * 4 + y
            grid = [self._counts(int(k)) for k in self.N_GRID]
            plug = [mutual_information_from_counts(c, base=base) for c in grid]
            mm = [mutual_information_from_counts(c, base=base, correction="miller-madow") for c in grid]
            true = mutual_information(table, base=base)
            bias = [true + mutual_information_bias(4, 4, int(k), base=base) for k in self.N_GRID]
            self.artists["plug_in_curve"].set_ydata(plug)
            self.artists["mm_curve"].set_ydata(mm)
            self.artists["true_line"].set_ydata(np.full(len(self.N_GRID), true))
            self.artists["bias_curve"].set_ydata(bias)
            low = min(min(mm), 0.0)
            high = max(max(plug), max(bias), true) * 1.1 + 1e-3
            ax = self.artists["curve_ax"]
            ax.set_ylim(low - 0.02 * (high - low), high)
            ax.set_ylabel(f"estimate of I ({unit_name(base)})")
            self._sample_for = (truth, self.seed, base)
            self.live.invalidate()
        counts = self._counts(n)
        plug_in = mutual_information_from_counts(counts, base=base)
        mm = mutual_information_from_counts(counts, base=base, correction="miller-madow")
        self.artists["plug_point"].set_data([n], [plug_in])
        self.artists["mm_point"].set_data([n], [mm])
        set_table_heatmap(self.artists["_heat"], counts / n)
        self.readout.show([
            Quantity("plug_in", "plug-in", plug_in, base,
                     recipe("mutual_information_from_counts", counts, base=base)),
            Quantity("miller_madow", "Miller-Madow", mm, base,
                     recipe("mutual_information_from_counts", counts, base=base,
                            correction="miller-madow")),
            Quantity("true", "true I", mutual_information(table, base=base), base,
                     recipe("mutual_information", table, base=base)),
            Quantity("bias", "bias formula", mutual_information_bias(4, 4, n, base=base), base,
                     recipe("mutual_information_bias", 4, 4, n, base=base)),
        ], note=f"seed {self.seed}, N = {n}")


def explore_dependence(px1: float = 0.5, py1: float = 0.5, dependence: float = 0.5,
                       **kwargs) -> DependenceExplorer:
    """Show a :class:`DependenceExplorer` (drag the dependence, watch the diagram)."""
    return DependenceExplorer(px1, py1, dependence, **kwargs)


def explore_joint_table(weights: Sequence[Sequence[float]] = ((0.3, 0.1, 0.1), (0.05, 0.3, 0.15)),
                        **kwargs) -> JointTableExplorer:
    """Show a :class:`JointTableExplorer` (edit a table up to 4 x 4)."""
    return JointTableExplorer(weights, **kwargs)


def explore_channel(e: float = 0.1, bias: float = 0.5, **kwargs) -> ChannelExplorer:
    """Show a :class:`ChannelExplorer` (drag the noise, watch I and the capacity)."""
    return ChannelExplorer(e, bias, **kwargs)


def explore_estimation(n: int = 100, **kwargs) -> EstimationExplorer:
    """Show an :class:`EstimationExplorer` (drag N, watch the bias shrink)."""
    return EstimationExplorer(n, **kwargs)

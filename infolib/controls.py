"""Reusable controls for the explorers: sliders, editors for one distribution and for
a pair of them (P and Q), a unit switch and a readout that prints values with their units.

Every control is an ordinary ipywidgets widget (or, for the distribution
editor, a small object holding them), so tests and learners drive them the
same way: ``control.value = ...``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from infolib.style import current_style, is_lecture_mode
from infolib.units import BASES, format_information

__all__ = [
    "SEED_DISTRIBUTIONS",
    "TWO_DISTRIBUTION_PRESETS",
    "DistributionEditor",
    "Quantity",
    "Readout",
    "TwoDistributionEditor",
    "count_slider",
    "probability_slider",
    "temperature_slider",
    "unit_switch",
]

#: Distributions from the course's examples, by the name a learner sees.
SEED_DISTRIBUTIONS: dict[str, tuple[float, ...]] = {
    "uniform (4 outcomes)": (0.25, 0.25, 0.25, 0.25),
    "one-hot (certain outcome)": (1.0, 0.0, 0.0, 0.0),
    "fair coin": (0.5, 0.5),
    "biased coin 0.1 / 0.9": (0.1, 0.9),
    "99 / 1 coin": (0.99, 0.01),
    "fair die": (1 / 6,) * 6,
    "confident policy (0.9, 0.05, 0.025, 0.025)": (0.9, 0.05, 0.025, 0.025),
    "uncertain policy (0.3, 0.2, 0.25, 0.25)": (0.3, 0.2, 0.25, 0.25),
    "skewed (0.1, 0.2, 0.3, 0.4)": (0.1, 0.2, 0.3, 0.4),
}


#: Pairs (P, Q) from the course's examples: the truth P and a model Q over the same outcomes.
TWO_DISTRIBUTION_PRESETS: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "skewed P, uniform Q (seed 000)": ((0.1, 0.2, 0.3, 0.4), (0.25, 0.25, 0.25, 0.25)),
    "uniform P, skewed Q": ((0.25, 0.25, 0.25, 0.25), (0.1, 0.2, 0.3, 0.4)),
    "label [1, 0], prediction [0.1, 0.9]": ((1.0, 0.0), (0.1, 0.9)),
    "label [1, 0], prediction [0.5, 0.5]": ((1.0, 0.0), (0.5, 0.5)),
    "label [1, 0], prediction [0.9, 0.1]": ((1.0, 0.0), (0.9, 0.1)),
    "Q misses an outcome P can produce": ((0.5, 0.3, 0.2), (0.5, 0.5, 0.0)),
    "Q = P": ((0.1, 0.2, 0.3, 0.4), (0.1, 0.2, 0.3, 0.4)),
}


def _slider_layout() -> widgets.Layout:
    return widgets.Layout(width=f"{current_style().slider_width_px}px")


_WIDE_LABELS = {"description_width": "initial"}


def probability_slider(description: str, value: float = 0.5, *, step: float = 0.001) -> widgets.FloatSlider:
    """A slider for one probability in [0, 1], updating continuously while dragged.

    Examples
    --------
    >>> probability_slider("P(heads)", 0.99).value
    0.99
    """
    return widgets.FloatSlider(
        value=value, min=0.0, max=1.0, step=step, description=description,
        readout_format=".3f", continuous_update=True, layout=_slider_layout(), style=_WIDE_LABELS,
    )


def count_slider(description: str, value: int, low: int, high: int) -> widgets.IntSlider:
    """An integer slider (number of outcomes, say), updating while dragged."""
    return widgets.IntSlider(
        value=value, min=low, max=high, description=description, continuous_update=True,
        layout=_slider_layout(), style=_WIDE_LABELS,
    )


def temperature_slider(value: float = 1.0) -> widgets.FloatLogSlider:
    """A log-scale slider for a softmax temperature from about 0.05 to 20.

    The exponent's range and step are chosen so that 0.1, 1 and 10 sit exactly
    on the slider's grid (a browser snaps every position to that grid).

    Examples
    --------
    >>> temperature_slider().value
    1.0
    """
    return widgets.FloatLogSlider(
        value=value, base=10, min=-1.3, max=1.3, step=0.01,
        description="temperature T", readout_format=".3g", continuous_update=True,
        layout=_slider_layout(), style=_WIDE_LABELS,
    )


def unit_switch(base: float = 2) -> widgets.ToggleButtons:
    """Buttons to choose bits, nats or bans; ``value`` is the logarithm's base.

    Examples
    --------
    >>> unit_switch().value
    2.0
    """
    return widgets.ToggleButtons(
        options=list(BASES.items()), value=float(base), description="unit",
        style={"button_width": "70px", **_WIDE_LABELS},
    )


def _weight_slider(description: str) -> widgets.FloatSlider:
    """One non-negative weight in [0, 1] (an editor normalises the weights it holds)."""
    return widgets.FloatSlider(
        value=0.0, min=0.0, max=1.0, step=0.001, description=description,
        readout_format=".3f", continuous_update=True, layout=_slider_layout(),
    )


def _scaled_weights(weights: Sequence[float]) -> list[float]:
    """Probabilities load as they are; larger weights (counts) are scaled so the largest is 1."""
    top = max(1.0, max(weights))
    return [float(w) / top for w in weights]


class _WeightEditor:
    """What both editors share: columns of weight sliders over one number of outcomes.

    A column is one distribution's sliders. Subclasses build their columns and
    layout, then call :meth:`_start`; they read their columns in :meth:`_read`.
    Presets, reset, hiding unused sliders and the once-per-change notification
    live here.
    """

    def _start(self, columns: list[list[widgets.FloatSlider]], initial: tuple[Sequence[float], ...],
               presets: Mapping[str, tuple[Sequence[float], ...]]) -> None:
        self._columns = columns
        self._initial_columns = tuple(tuple(float(w) for w in c) for c in initial)
        self._preset_columns = presets
        self._observers: list[Callable[..., None]] = []
        self._holding = False
        self._load(self._initial_columns, notify=False)
        for control in (*(s for column in columns for s in column), self.outcomes):
            control.observe(self._on_slider, names="value")
        self.preset.observe(self._on_preset, names="value")
        self.reset_button.on_click(lambda _button: self.reset())

    def _controls(self, max_outcomes: int, n: int, preset_names) -> None:
        self.outcomes = count_slider("outcomes", n, 1, max_outcomes)
        self.preset = widgets.Dropdown(
            options=["(your own)", *preset_names], value="(your own)", description="preset",
            layout=_slider_layout(),
        )
        self.reset_button = widgets.Button(description="reset", icon="undo")

    def _load(self, columns_weights: Sequence[Sequence[float]], notify: bool = True) -> None:
        """Put each column's weights (and their number of outcomes) on the sliders; notify once."""
        self._holding = True
        try:
            self.outcomes.value = len(columns_weights[0])
            for sliders, weights in zip(self._columns, columns_weights, strict=True):
                scaled = _scaled_weights(weights)
                for i, slider in enumerate(sliders):
                    slider.value = scaled[i] if i < len(scaled) else 0.0
        finally:
            self._holding = False
        self._refresh(notify)

    def _column_weights(self, k: int) -> np.ndarray:
        return np.array([s.value for s in self._columns[k][: self.outcomes.value]])

    def observe(self, callback: Callable[..., None]) -> None:
        """Call ``callback`` with the new value(s) after each change, once per change."""
        self._observers.append(callback)

    def reset(self) -> None:
        """Go back to the starting weights."""
        self.preset.value = "(your own)"
        self._load(self._initial_columns)

    def _on_slider(self, _change) -> None:
        if not self._holding:
            # The learner's own edit: the menu no longer names the distribution
            # (and picking the same preset again must reload it).
            self.preset.value = "(your own)"
            self._refresh(True)

    def _on_preset(self, change) -> None:
        if change["new"] in self._preset_columns:
            self._load(self._preset_columns[change["new"]])

    def _refresh(self, notify: bool) -> None:
        for column in self._columns:
            for i, slider in enumerate(column):
                slider.layout.display = None if i < self.outcomes.value else "none"
        values = self._read()
        if values is None:
            return  # no valid distribution: keep the last one; the status line says why
        if notify:
            for callback in self._observers:
                callback(*values)

    def _read(self) -> tuple | None:
        """Store the columns' normalised probabilities; return them, or None if one is all zeros."""
        raise NotImplementedError


def _probabilities(weights: np.ndarray) -> tuple[float, ...] | None:
    total = weights.sum()
    return tuple((weights / total).tolist()) if total > 0 else None


class DistributionEditor(_WeightEditor):
    """Sliders that always describe a valid distribution over up to ``max_outcomes``.

    The learner edits non-negative *weights*; the editor shows and reports the
    normalised *probabilities*. A preset menu loads the course's examples and
    a reset button restores the starting weights. However many sliders a
    preset moves, observers are told once.

    Parameters
    ----------
    weights : sequence of float
        Starting weights (their count is the starting number of outcomes).
    max_outcomes : int, optional
        How many sliders exist; presets may use up to this many outcomes.
    presets : mapping, optional
        Name -> weights; defaults to :data:`SEED_DISTRIBUTIONS`.

    Examples
    --------
    >>> editor = DistributionEditor([0.25, 0.25])
    >>> editor.sliders[0].value = 0.75
    >>> editor.value
    (0.75, 0.25)
    >>> editor.preset.value = "fair die"; len(editor.value)
    6
    """

    def __init__(
        self,
        weights: Sequence[float] = (0.25, 0.25, 0.25, 0.25),
        *,
        max_outcomes: int = 8,
        presets: Mapping[str, Sequence[float]] | None = None,
    ):
        self.presets = dict(SEED_DISTRIBUTIONS if presets is None else presets)
        too_long = [name for name, w in self.presets.items() if len(w) > max_outcomes]
        if len(weights) > max_outcomes or too_long:
            raise ValueError(
                f"max_outcomes={max_outcomes} is smaller than the starting weights or the "
                f"presets {too_long}; raise max_outcomes"
            )
        self.initial = tuple(float(w) for w in weights)
        self.sliders = [_weight_slider(f"weight {i + 1}") for i in range(max_outcomes)]
        self._controls(max_outcomes, len(weights), self.presets)
        self.status = widgets.HTML()
        self.widget = widgets.VBox(
            [widgets.HBox([self.preset, self.reset_button]), self.outcomes, *self.sliders, self.status]
        )
        self.value: tuple[float, ...] = ()
        self._start([self.sliders], (self.initial,), {k: (w,) for k, w in self.presets.items()})

    @property
    def controls(self) -> dict[str, widgets.Widget]:
        """The editor's widgets by the names explorers use: ``w1``.., ``outcomes``, ``preset``, ``reset``."""
        named = {f"w{i + 1}": s for i, s in enumerate(self.sliders)}
        return {**named, "outcomes": self.outcomes, "preset": self.preset, "reset": self.reset_button}

    def set_weights(self, weights: Sequence[float], *, notify: bool = True) -> None:
        """Load ``weights`` (and their number of outcomes) into the sliders."""
        self._load((weights,), notify)

    @property
    def weights(self) -> np.ndarray:
        """The weights of the outcomes in use, as the sliders show them."""
        return self._column_weights(0)

    def _read(self) -> tuple | None:
        weights = self.weights
        value = _probabilities(weights)
        if value is None:
            self.status.value = "<b>All weights are zero.</b> Give some outcome a positive weight."
            return None
        self.value = value
        shown = ", ".join(f"{p:.3f}" for p in value)
        self.status.value = f"probabilities (weights / {weights.sum():.2f}): [{shown}]"
        return (value,)


class TwoDistributionEditor(_WeightEditor):
    """Two distributions P and Q over the same outcomes, edited side by side.

    P (the truth, the data) and Q (the model, the code) share one outcome count
    and one preset menu; each has its own column of weight sliders. The learner
    edits non-negative weights; the editor reports normalised probabilities.
    A "Q = P" button copies P into Q (every divergence then drops to 0), and a
    reset button restores the starting pair. A weight may be 0: a zero in Q
    where P is positive is allowed (the divergence is then infinite), and a
    column whose weights are all 0 keeps its last distribution and says why.
    However many sliders a change moves, observers are told once.

    Parameters
    ----------
    p, q : sequence of float
        Starting weights of P and Q, of the same length (the starting number of outcomes).
    max_outcomes : int, optional
        How many sliders each column has; presets may use up to this many outcomes.
    presets : mapping, optional
        Name -> (P weights, Q weights); defaults to :data:`TWO_DISTRIBUTION_PRESETS`.

    Examples
    --------
    >>> editor = TwoDistributionEditor([0.5, 0.5], [0.9, 0.1])
    >>> editor.q_sliders[1].value = 0.9
    >>> editor.value
    ((0.5, 0.5), (0.5, 0.5))
    >>> editor.preset.value = "skewed P, uniform Q (seed 000)"; editor.p
    (0.1, 0.2, 0.3, 0.4)
    >>> editor.copy_p_to_q(); editor.q
    (0.1, 0.2, 0.3, 0.4)
    """

    def __init__(
        self,
        p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
        q: Sequence[float] = (0.25, 0.25, 0.25, 0.25),
        *,
        max_outcomes: int = 8,
        presets: Mapping[str, tuple[Sequence[float], Sequence[float]]] | None = None,
    ):
        self.presets = dict(TWO_DISTRIBUTION_PRESETS if presets is None else presets)
        for name, (p_w, q_w) in self.presets.items():
            if len(p_w) != len(q_w):
                raise ValueError(
                    f"preset {name!r} gives P {len(p_w)} outcomes and Q {len(q_w)}; "
                    f"P and Q must have the same outcomes"
                )
        too_long = [name for name, (p_w, _) in self.presets.items() if len(p_w) > max_outcomes]
        if too_long:
            raise ValueError(f"max_outcomes={max_outcomes} is smaller than the presets {too_long}; "
                             f"raise max_outcomes")
        self._check_pair(p, q, max_outcomes)
        self.initial = (tuple(float(w) for w in p), tuple(float(w) for w in q))
        self.p_sliders = [_weight_slider(f"P weight {i + 1}") for i in range(max_outcomes)]
        self.q_sliders = [_weight_slider(f"Q weight {i + 1}") for i in range(max_outcomes)]
        self._controls(max_outcomes, len(p), self.presets)
        self.copy_button = widgets.Button(description="Q = P", icon="clone",
                                          tooltip="copy P into Q: the divergence becomes 0")
        self.p_status, self.q_status = widgets.HTML(), widgets.HTML()
        columns = widgets.HBox([
            widgets.VBox([widgets.HTML("<b>P</b> (the truth)"), *self.p_sliders, self.p_status]),
            widgets.VBox([widgets.HTML("<b>Q</b> (the model)"), *self.q_sliders, self.q_status]),
        ])
        self.widget = widgets.VBox([
            widgets.HBox([self.preset, self.copy_button, self.reset_button]), self.outcomes, columns,
        ])
        self.p: tuple[float, ...] = ()
        self.q: tuple[float, ...] = ()
        self._start([self.p_sliders, self.q_sliders], self.initial, self.presets)
        self.copy_button.on_click(lambda _button: self.copy_p_to_q())

    @staticmethod
    def _check_pair(p: Sequence[float], q: Sequence[float], max_outcomes: int) -> None:
        if len(p) != len(q):
            raise ValueError(f"p has {len(p)} weights but q has {len(q)}; P and Q must give "
                             f"weights for the same outcomes")
        if len(p) > max_outcomes:
            raise ValueError(f"p and q have {len(p)} outcomes, more than max_outcomes={max_outcomes}; "
                             f"raise max_outcomes")

    @property
    def value(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """The pair ``(P, Q)`` of normalised probabilities."""
        return self.p, self.q

    @property
    def controls(self) -> dict[str, widgets.Widget]:
        """The editor's widgets by the names explorers use: ``p1``.., ``q1``.., ``outcomes``,
        ``preset``, ``reset`` and ``copy`` (the "Q = P" button)."""
        named = {f"p{i + 1}": s for i, s in enumerate(self.p_sliders)}
        named.update({f"q{i + 1}": s for i, s in enumerate(self.q_sliders)})
        return {**named, "outcomes": self.outcomes, "preset": self.preset, "reset": self.reset_button,
                "copy": self.copy_button}

    def set_weights(self, p: Sequence[float], q: Sequence[float], *, notify: bool = True) -> None:
        """Load the weights of P and Q (and their number of outcomes) into the sliders."""
        self._check_pair(p, q, len(self.p_sliders))
        self._load((p, q), notify)

    def copy_p_to_q(self) -> None:
        """Make Q equal to P (one notification)."""
        self.preset.value = "(your own)"
        p_weights = self._column_weights(0)
        self._load((p_weights, p_weights))

    def _read(self) -> tuple | None:
        pair = []
        for name, k, status in (("P", 0, self.p_status), ("Q", 1, self.q_status)):
            value = _probabilities(self._column_weights(k))
            if value is None:
                status.value = f"<b>All weights of {name} are zero.</b> Give some outcome a positive weight."
            else:
                status.value = f"{name} = [" + ", ".join(f"{v:.3f}" for v in value) + "]"
            pair.append(value)
        if None in pair:
            return None
        self.p, self.q = pair
        return self.p, self.q


@dataclass(frozen=True)
class Quantity:
    """One value on a readout, with the infolib call that reproduces it.

    ``recipe`` is ``(function_name, args, kwargs)``: a test (or a curious
    learner) can recompute the value with ``getattr(infolib, name)(*args, **kwargs)``.
    """

    key: str
    label: str
    value: float
    base: float | None
    recipe: tuple[str, tuple, dict]

    def text(self) -> str:
        if self.base is None:
            return f"{self.value:.3f}"
        return format_information(self.value, self.base)


class Readout:
    """An HTML line of labelled values with units, the same format everywhere.

    ``values`` holds the numbers last shown, by key, for tests to read.

    Examples
    --------
    >>> r = Readout()
    >>> r.show([Quantity("H", "H(p)", 1.0, 2, ("entropy", ([0.5, 0.5],), {"base": 2}))])
    >>> r.values
    {'H': 1.0}
    >>> "1.000 bits" in r.widget.value
    True
    """

    def __init__(self):
        style = {"font_size": f"{current_style().widget_font_px + 2}px"}
        self.widget = widgets.HTML(style=style)
        self.widget.add_class("infolib-readout")
        self.values: dict[str, float] = {}

    def show(self, quantities: Sequence[Quantity], note: str = "") -> None:
        """Display ``quantities`` (and an optional note) in place of the last ones."""
        self.values = {q.key: q.value for q in quantities}
        parts = []
        for q in quantities:
            name, args, kwargs = q.recipe
            recipe = html.escape(json.dumps({"function": name, "args": list(args), "kwargs": kwargs}))
            parts.append(
                f"{html.escape(q.label)} = <span class='infolib-value' data-quantity='{q.key}' "
                f"data-value='{float(q.value)!r}' data-expected-from='{recipe}'><b>{q.text()}</b></span>"
            )
        note_html = f"<br><span style='opacity:0.8'>{note}</span>" if note else ""
        self.widget.value = " &nbsp;·&nbsp; ".join(parts) + note_html


def stylesheet() -> widgets.HTML:
    """CSS for the explorers; larger controls in lecture mode."""
    style = current_style()
    lecture = (
        f".infolib-lecture .widget-label, .infolib-lecture .widget-readout, "
        f".infolib-lecture .widget-dropdown select, .infolib-lecture button "
        f"{{font-size: {style.widget_font_px}px !important; height: auto;}}"
        f".infolib-lecture .widget-slider {{min-height: 40px;}}"
        if is_lecture_mode() else ""
    )
    return widgets.HTML(
        "<style>.infolib-explorer {gap: 4px;} .infolib-explorer h3 {margin: 4px 0;}"
        f"{lecture}</style>"
    )

"""Notebook 01's explorers: surprisal, entropy, uniform distributions, a softmax policy.

:class:`CoinExplorer` (a coin's ``h(p)`` with its two bars) is not in the notebook any more, whose
static binary-entropy figure and the surprisal explorer's entropy readout show the same; it stays
for lecturers who want the coin on its own (``explore_coin()``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np

from infolib.controls import (
    DistributionEditor,
    Quantity,
    count_slider,
    probability_slider,
    temperature_slider,
    unit_switch,
)
from infolib.explorers.base import Explorer, recipe
from infolib.measures import binary_entropy, entropy, entropy_contributions, surprisal
from infolib.plots import (
    draw_bars,
    draw_binary_entropy_curve,
    draw_entropy_term_curve,
    draw_surprisal_curve,
    new_figure,
    set_bar_heights,
)
from infolib.softmax import softmax
from infolib.style import COLORS, course_style
from infolib.units import in_unit, unit_name

__all__ = [
    "POLICY_LOGITS",
    "CoinExplorer",
    "EntropyExplorer",
    "SoftmaxExplorer",
    "SurprisalExplorer",
    "UniformExplorer",
    "explore_coin",
    "explore_entropy",
    "explore_softmax",
    "explore_surprisal",
    "explore_uniform",
]


class SurprisalExplorer(Explorer):
    """A coin with ``P(heads) = p``: the surprisal of each face on the ``-log p`` curve.

    Controls: ``p`` (main) and ``unit``. Artists: ``curve``, ``heads`` and
    ``tails`` markers. Readout: ``heads``, ``tails`` surprisal and their
    average, the ``entropy``.

    Examples
    --------
    >>> ex = SurprisalExplorer(p=0.99, interactive=False)
    >>> round(ex.readout.values["tails"], 3)
    6.644
    >>> ex.close()
    """

    name = "surprisal"
    title = "Surprisal: rare events carry more information"
    main_control = "p"
    Y_MAX_BITS = 10.0

    def __init__(self, p: float = 0.99, *, base: float = 2, interactive: bool = True):
        figure, (ax,) = new_figure(6.5, 3.4)
        with course_style():
            curve = draw_surprisal_curve(ax, base)
            # Markers may sit on the frame (p = 0 or 1): draw them whole, unclipped.
            (heads,) = ax.plot([], [], "o", color=COLORS["p"], label="heads (p)", clip_on=False)
            (tails,) = ax.plot([], [], "s", color=COLORS["q"], label="tails (1 − p)", clip_on=False)
            ax.legend(loc="upper right")
        controls = {"p": probability_slider("P(heads) = p", p), "unit": unit_switch(base)}
        super().__init__(figure, {"curve": curve, "heads": heads, "tails": tails, "axes": ax},
                         controls, animated=["heads", "tails"], interactive=interactive)
        self._unit_shown = None
        self._finish([controls["p"], controls["unit"]])

    def update(self) -> None:
        p, base = self.controls["p"].value, self.base
        ax = self.artists["axes"]
        if self._unit_shown != base:  # rare: only when the unit changes
            self.artists["curve"].set_ydata(surprisal(self.artists["curve"].get_xdata(), base=base))
            ax.set_ylabel(f"surprisal −log p ({unit_name(base)})")
            top = in_unit(self.Y_MAX_BITS, base)
            # A little room below 0 lifts a likely face's marker off the axis and its "1.0" tick label.
            ax.set_ylim(-0.05 * top, top)
            self._unit_shown = base
            self.live.invalidate()
        top = ax.get_ylim()[1]
        values = {}
        for key, prob in (("heads", p), ("tails", 1.0 - p)):
            s = surprisal(prob, base=base)
            values[key] = s
            # An impossible face has infinite surprisal: pin its marker to the top.
            self.artists[key].set_data([prob], [min(s, top)])
        h = binary_entropy(p, base=base)
        self.readout.show([
            Quantity("heads", "−log p(heads)", values["heads"], base, recipe("surprisal", p, base=base)),
            Quantity("tails", "−log p(tails)", values["tails"], base,
                     recipe("surprisal", 1.0 - p, base=base)),
            Quantity("entropy", "average (entropy)", h, base, recipe("binary_entropy", p, base=base)),
        ])


class EntropyExplorer(Explorer):
    """Entropy as expected surprisal: each outcome's ``-p log p`` on the curve and as a bar.

    Controls: the weight sliders ``w1``..``wN`` (``w1`` is the main one),
    ``outcomes``, ``preset``, ``reset`` and ``unit``. Artists: ``curve``,
    ``points`` (one per outcome on the ``-p log p`` curve) and ``bars``
    (their heights are the contributions, summing to H). Readout: ``entropy``
    in the chosen unit, ``bits``, ``nats`` and the maximum ``log n``.

    Examples
    --------
    >>> ex = EntropyExplorer([0.1, 0.9], interactive=False)
    >>> round(ex.readout.values["bits"], 3)
    0.469
    >>> ex.controls["preset"].value = "fair die"
    >>> round(ex.readout.values["bits"], 3)
    2.585
    >>> ex.close()
    """

    name = "entropy"
    title = "Entropy: the average surprisal of a distribution"
    main_control = "w1"

    def __init__(self, weights: Sequence[float] = (0.1, 0.2, 0.3, 0.4), *, base: float = 2,
                 max_outcomes: int = 8, interactive: bool = True):
        self.editor = DistributionEditor(weights, max_outcomes=max_outcomes)
        figure, (left, right) = new_figure(8, 3.4, ncols=2)
        labels = [str(i + 1) for i in range(max_outcomes)]
        with course_style():
            curve = draw_entropy_term_curve(left, base)
            (points,) = left.plot([], [], "o", color=COLORS["p"])
            bars = draw_bars(right, np.zeros(max_outcomes), labels, COLORS["p"])
            right.set_xlabel("outcome")
            title = right.set_title("")
        controls = {**self.editor.controls, "unit": unit_switch(base)}
        artists = {"curve": curve, "points": points, "bars": bars, "title": title,
                   "left": left, "right": right}
        super().__init__(figure, artists, controls, animated=["points", "bars", "title"],
                         interactive=interactive)
        self._unit_shown = None
        self._n_shown = None
        self._finish([self.editor.widget, controls["unit"]])

    def update(self) -> None:
        p = np.array(self.editor.value)
        base = self.base
        left, right = self.artists["left"], self.artists["right"]
        if self._unit_shown != base:
            curve = self.artists["curve"]
            curve.set_ydata(curve.get_xdata() * surprisal(curve.get_xdata(), base=base))
            peak = in_unit(math.log2(math.e) / math.e, base)  # max of -p log p, at p = 1/e
            left.set_ylim(0, 1.15 * peak)
            left.set_ylabel(f"−p log p ({unit_name(base)})")
            right.set_ylabel(f"contribution ({unit_name(base)})")
            right.set_ylim(0, 1.15 * peak)
            self._unit_shown = base
            self.live.invalidate()
        terms = entropy_contributions(p, base=base)
        self.artists["points"].set_data(p, terms)
        n = len(p)
        set_bar_heights(self.artists["bars"], np.pad(terms, (0, len(self.editor.sliders) - n)))
        for i, rect in enumerate(self.artists["bars"].patches):
            rect.set_visible(i < n)
        if n != self._n_shown:
            right.set_xlim(-0.6, n - 0.4)
            self._n_shown = n
            self.live.invalidate()
        h = entropy(p, base=base)
        self.artists["title"].set_text(f"bar heights add up to H = {h:.3f} {unit_name(base)}")
        self.readout.show([
            Quantity("entropy", "H(p)", h, base, recipe("entropy", p, base=base)),
            Quantity("bits", "in bits", entropy(p), 2, recipe("entropy", p, base=2)),
            Quantity("nats", "in nats", entropy(p, base=math.e), math.e,
                     recipe("entropy", p, base=math.e)),
            Quantity("max", f"max for {n} outcomes, log n", math.log(n) / math.log(base), base,
                     recipe("entropy", np.full(n, 1 / n), base=base)),
        ])


class CoinExplorer(Explorer):
    """A coin's entropy ``h(p)`` as its bias moves: zero when certain, one bit when fair.

    Examples
    --------
    >>> ex = CoinExplorer(0.5, interactive=False)
    >>> ex.readout.values["entropy"]
    1.0
    >>> ex.controls["p"].value = 0.99
    >>> round(ex.readout.values["entropy"], 4)
    0.0808
    >>> ex.close()
    """

    name = "coin"
    title = "A coin: how uncertain is a toss?"
    main_control = "p"

    def __init__(self, p: float = 0.5, *, base: float = 2, interactive: bool = True):
        figure, (left, right) = new_figure(8, 3.2, ncols=2)
        with course_style():
            curve = draw_binary_entropy_curve(left, base)
            (marker,) = left.plot([], [], "o", color=COLORS["highlight"])
            bars = draw_bars(right, [0.5, 0.5], ["heads", "tails"], COLORS["p"])
            right.set_ylim(0, 1.05)
            right.set_ylabel("probability")
        controls = {"p": probability_slider("P(heads) = p", p), "unit": unit_switch(base)}
        super().__init__(figure, {"curve": curve, "marker": marker, "bars": bars, "left": left},
                         controls, animated=["marker", "bars"], interactive=interactive)
        self._unit_shown = None
        self._finish([controls["p"], controls["unit"]])

    def update(self) -> None:
        p, base = self.controls["p"].value, self.base
        if self._unit_shown != base:
            curve = self.artists["curve"]
            curve.set_ydata(binary_entropy(curve.get_xdata(), base=base))
            self.artists["left"].set_ylim(0, in_unit(1.1, base))
            self.artists["left"].set_ylabel(f"entropy h(p) ({unit_name(base)})")
            self._unit_shown = base
            self.live.invalidate()
        h = binary_entropy(p, base=base)
        self.artists["marker"].set_data([p], [h])
        set_bar_heights(self.artists["bars"], [p, 1 - p])
        self.readout.show([Quantity("entropy", "h(p)", h, base, recipe("binary_entropy", p, base=base))])


class UniformExplorer(Explorer):
    """n equally likely outcomes: ``H = log2 n``, growing ever more slowly with n.

    Examples
    --------
    >>> ex = UniformExplorer(6, interactive=False)
    >>> round(ex.readout.values["entropy"], 3)
    2.585
    >>> ex.close()
    """

    name = "uniform"
    title = "Uniform distributions: H = log n"
    main_control = "n"
    MAX_N = 32

    def __init__(self, n: int = 6, *, base: float = 2, interactive: bool = True):
        figure, (left, right) = new_figure(8, 3.2, ncols=2)
        ns = np.arange(1, self.MAX_N + 1)
        with course_style():
            bars = left.bar(ns, np.zeros(self.MAX_N), color=COLORS["p"])
            left.set_xlabel("outcome")
            left.set_ylabel("probability 1/n")
            left.set_ylim(0, 1.05)
            left.set_xlim(0.4, self.MAX_N + 0.6)
            (curve,) = right.plot(ns, np.log2(ns), "o-", color=COLORS["curve"], markersize=3)
            (marker,) = right.plot([], [], "o", color=COLORS["highlight"])
            right.set_xlabel("number of outcomes n")
        controls = {"n": count_slider("outcomes n", n, 1, self.MAX_N), "unit": unit_switch(base)}
        artists = {"bars": bars, "curve": curve, "marker": marker, "left": left, "right": right}
        super().__init__(figure, artists, controls, animated=["bars", "marker"],
                         interactive=interactive)
        self._unit_shown = None
        self._finish([controls["n"], controls["unit"]])

    def update(self) -> None:
        n, base = int(self.controls["n"].value), self.base
        right = self.artists["right"]
        if self._unit_shown != base:
            ns = self.artists["curve"].get_xdata()
            self.artists["curve"].set_ydata(np.log(ns) / math.log(base))
            right.set_ylim(0, 1.1 * math.log(self.MAX_N) / math.log(base))
            right.set_ylabel(f"H = log n ({unit_name(base)})")
            self._unit_shown = base
            self.live.invalidate()
        set_bar_heights(self.artists["bars"], np.where(np.arange(self.MAX_N) < n, 1 / n, 0.0))
        h = entropy(np.full(n, 1 / n), base=base)
        self.artists["marker"].set_data([n], [h])
        self.readout.show([Quantity("entropy", f"H(uniform over {n})", h, base,
                                    recipe("entropy", np.full(n, 1 / n), base=base))])


#: Logits whose softmax at T = 1 is each of the seeds' two policies.
POLICY_LOGITS = {
    "confident policy (0.9, 0.05, 0.025, 0.025)": tuple(np.log([0.9, 0.05, 0.025, 0.025]).tolist()),
    "uncertain policy (0.3, 0.2, 0.25, 0.25)": tuple(np.log([0.3, 0.2, 0.25, 0.25]).tolist()),
    "logits (2, 1, 0, -1)": (2.0, 1.0, 0.0, -1.0),
}


class SoftmaxExplorer(Explorer):
    """A softmax policy over actions: temperature moves its entropy.

    High temperature flattens the policy (more exploration, more entropy);
    low temperature makes it greedy (less entropy).

    Examples
    --------
    >>> ex = SoftmaxExplorer(interactive=False)
    >>> round(ex.readout.values["entropy"], 3)   # the confident policy at T = 1
    0.619
    >>> ex.controls["logits"].value = "uncertain policy (0.3, 0.2, 0.25, 0.25)"
    >>> round(ex.readout.values["entropy"], 3)
    1.985
    >>> ex.close()
    """

    name = "softmax"
    title = "A softmax policy: temperature controls exploration"
    main_control = "temperature"
    T_GRID = np.geomspace(0.05, 20, 160)

    def __init__(self, logits: str = "confident policy (0.9, 0.05, 0.025, 0.025)",
                 temperature: float = 1.0, *, base: float = 2, interactive: bool = True):
        figure, (left, right) = new_figure(8, 3.2, ncols=2)
        actions = ["action 1", "action 2", "action 3", "action 4"]
        with course_style():
            bars = draw_bars(left, np.zeros(4), actions, COLORS["p"])
            left.set_ylim(0, 1.05)
            left.set_ylabel("probability")
            (curve,) = right.plot(self.T_GRID, np.zeros_like(self.T_GRID), color=COLORS["curve"])
            (marker,) = right.plot([], [], "o", color=COLORS["highlight"])
            right.set_xscale("log")
            right.set_xlabel("temperature T")
        controls = {
            "temperature": temperature_slider(temperature),
            "logits": widgets.Dropdown(options=list(POLICY_LOGITS), value=logits, description="logits"),
            "unit": unit_switch(base),
        }
        artists = {"bars": bars, "curve": curve, "marker": marker, "left": left, "right": right}
        super().__init__(figure, artists, controls, animated=["bars", "marker"],
                         interactive=interactive)
        self._curve_for = None
        self._finish([controls["logits"], controls["temperature"], controls["unit"]])

    def update(self) -> None:
        logits = np.array(POLICY_LOGITS[self.controls["logits"].value])
        t, base = self.controls["temperature"].value, self.base
        right = self.artists["right"]
        if self._curve_for != (tuple(logits), base):  # only when logits or unit change
            policies = softmax(logits / self.T_GRID[:, None])
            self.artists["curve"].set_ydata(entropy(policies, base=base))
            right.set_ylim(0, 1.1 * math.log(4) / math.log(base))
            right.set_ylabel(f"entropy of the policy ({unit_name(base)})")
            self._curve_for = (tuple(logits), base)
            self.live.invalidate()
        policy = softmax(logits, temperature=t)
        set_bar_heights(self.artists["bars"], policy)
        h = entropy(policy, base=base)
        self.artists["marker"].set_data([t], [h])
        self.readout.show(
            [Quantity("entropy", "H(policy)", h, base,
                      recipe("entropy", policy, base=base))],
            note="policy: [" + ", ".join(f"{v:.3f}" for v in policy) + "]",
        )


def explore_surprisal(p: float = 0.99, **kwargs) -> SurprisalExplorer:
    """Show a :class:`SurprisalExplorer` (drag ``P(heads)``)."""
    return SurprisalExplorer(p, **kwargs)


def explore_entropy(weights: Sequence[float] = (0.1, 0.2, 0.3, 0.4), **kwargs) -> EntropyExplorer:
    """Show an :class:`EntropyExplorer` (edit a distribution, watch H)."""
    return EntropyExplorer(weights, **kwargs)


def explore_coin(p: float = 0.5, **kwargs) -> CoinExplorer:
    """Show a :class:`CoinExplorer` (drag the bias, watch h(p))."""
    return CoinExplorer(p, **kwargs)


def explore_uniform(n: int = 6, **kwargs) -> UniformExplorer:
    """Show a :class:`UniformExplorer` (drag n, watch log n)."""
    return UniformExplorer(n, **kwargs)


def explore_softmax(**kwargs) -> SoftmaxExplorer:
    """Show a :class:`SoftmaxExplorer` (drag the temperature, watch the policy's entropy)."""
    return SoftmaxExplorer(**kwargs)

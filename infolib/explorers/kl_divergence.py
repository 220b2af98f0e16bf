"""Notebook 03's explorers: KL's two directions, the extra bits, log-likelihood ratios, fits by KL."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import numpy as np

from infolib._kernels import p_log_ratio
from infolib._validation import log_function
from infolib.controls import Quantity, TwoDistributionEditor, unit_switch
from infolib.divergence_tools import fit_logits, kl_gap, log_likelihood_ratio_path
from infolib.explorers.base import Explorer, recipe
from infolib.gaussians import MIXTURE_GRID, fit_gaussian_to_mixture, gaussian_density, mixture_density
from infolib.measures import cross_entropy, entropy, kl_divergence, surprisal
from infolib.plots import new_figure, set_bar_heights
from infolib.plots.kl_divergence import (
    draw_contribution_pairs,
    draw_direction_bars,
    draw_fit_curves,
)
from infolib.softmax import softmax
from infolib.style import COLORS, course_style, current_style
from infolib.units import format_information, in_unit, unit_name

__all__ = [
    "KL_PRESETS",
    "ExtraBitsExplorer",
    "GaussianFitExplorer",
    "KLAsymmetryExplorer",
    "LikelihoodRatioExplorer",
    "LogitFitExplorer",
    "explore_extra_bits",
    "explore_gaussian_fit",
    "explore_kl_asymmetry",
    "explore_likelihood_ratio",
    "explore_logit_fit",
]

#: Pairs (P, Q) for notebook 03: the seed's example, a lopsided pair, zeros, equality.
KL_PRESETS: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "skewed P, uniform Q (seed 000)": ((0.1, 0.2, 0.3, 0.4), (0.25, 0.25, 0.25, 0.25)),
    "uniform P, skewed Q (the seed, swapped)": ((0.25, 0.25, 0.25, 0.25), (0.1, 0.2, 0.3, 0.4)),
    # Q gives outcome 2 one chance in a million, P one in ten: KL(P||Q) is ten times KL(Q||P).
    "Q almost rules out what P often does (×10)": ((0.9, 0.1), (0.999999, 0.000001)),
    "Q rules out what P can do (∞)": ((0.5, 0.3, 0.2), (0.5, 0.5, 0.0)),
    "P rules out what Q can do (∞ the other way)": ((0.5, 0.5, 0.0), (0.5, 0.3, 0.2)),
    "negative contributions": ((0.6, 0.3, 0.1), (0.3, 0.3, 0.4)),
    "Q = P": ((0.1, 0.2, 0.3, 0.4), (0.1, 0.2, 0.3, 0.4)),
}

def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 times a power of ten that is >= ``value`` (> 0)."""
    exponent = math.floor(math.log10(value))
    for step in (1.0, 2.0, 5.0, 10.0):
        if step * 10**exponent >= value * (1 - 1e-12):
            return step * 10**exponent
    return 10.0 ** (exponent + 1)  # pragma: no cover - the loop always returns


def _axis_top(needed: float, current: float | None, floor: float) -> float:
    """A round axis top for ``needed``; keep ``current`` unless it is too small or 6x too large.

    Keeping the top while it still fits saves a full redraw on most slider moves, and a new
    top leaves room to grow.
    """
    needed = max(needed, floor)
    if current is not None and needed <= current and needed > current / 6:
        return current
    return _nice_ceiling(needed * 1.5)


def _text(value: float, base: float) -> str:
    return format_information(value, base)


class KLAsymmetryExplorer(Explorer):
    """P and Q side by side; each outcome's share of KL(P‖Q) and of KL(Q‖P); the two totals.

    The course's showpiece. Left: the probabilities of P and Q. Middle: the
    contributions ``p log(p/q)`` (blue, they add up to KL(P‖Q)) and
    ``q log(q/p)`` (orange, adding up to KL(Q‖P)); single contributions can be
    negative, their sums cannot. Right: the two divergences, the larger one
    outlined, with the gap in the title. An infinite contribution or total is
    drawn to the top of its axes and labelled ∞.

    Controls: the editor's ``p1``..``p8`` (``p1`` is the main one), ``q1``..``q8``,
    ``outcomes``, ``preset`` (:data:`KL_PRESETS`), ``reset``, ``copy`` (Q = P) and
    ``unit``. Artists: ``p_bars``, ``q_bars``, ``forward_terms``,
    ``reverse_terms``, ``term_marks`` (∞ labels), ``totals``, ``total_labels``,
    ``verdict``. Readout: ``forward`` KL(P‖Q), ``reverse`` KL(Q‖P) and ``gap``
    (their difference; left out when both are infinite).

    Examples
    --------
    >>> ex = KLAsymmetryExplorer(interactive=False)
    >>> round(ex.readout.values["forward"], 4), round(ex.readout.values["reverse"], 4)
    (0.1536, 0.1757)
    >>> ex.controls["copy"].click(); ex.readout.values
    {'forward': 0.0, 'reverse': 0.0, 'gap': 0.0}
    >>> ex.close()
    """

    name = "kl-asymmetry"
    title = "KL divergence has a direction: KL(P‖Q) against KL(Q‖P)"
    main_control = "p1"

    def __init__(self, p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                 q: Sequence[float] = (0.25, 0.25, 0.25, 0.25), *, base: float = 2,
                 max_outcomes: int = 8, presets: Mapping | None = None, interactive: bool = True):
        self.editor = TwoDistributionEditor(p, q, max_outcomes=max_outcomes,
                                            presets=KL_PRESETS if presets is None else presets)
        figure, (probs, terms, totals_ax) = new_figure(9.6, 3.6, ncols=3)
        with course_style():
            p_bars, q_bars = draw_contribution_pairs(probs, max_outcomes, ("P", "Q"))
            probs.set_ylim(0, 1.05)
            probs.set_ylabel("probability")
            probs.legend(loc="upper right")
            probs.set_title("the two distributions", fontsize="medium")
            forward_terms, reverse_terms = draw_contribution_pairs(terms, max_outcomes)
            # Below the axes: inside, it would hide a share that grows to the top.
            terms.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, fontsize="small",
                         frameon=False)
            terms.set_title("each outcome's share (can be < 0)", fontsize="medium")
            # "∞" on a white patch at the top of a bar that would go on for ever.
            marks = [terms.text(i + dx, 0, "", ha="center", va="top", fontweight="bold", fontsize="large",
                                bbox={"facecolor": "white", "edgecolor": COLORS[key], "pad": 1})
                     for key, dx in (("p", -0.2), ("q", 0.2)) for i in range(max_outcomes)]
            totals = draw_direction_bars(totals_ax)
            labels = [totals_ax.text(i, 0, "", ha="center", va="bottom", fontweight="bold", fontsize="large")
                      for i in range(2)]
            verdict = totals_ax.set_title("", fontsize="medium")
        controls = dict(self.editor.controls)
        controls["unit"] = unit_switch(base)
        artists = {"p_bars": p_bars, "q_bars": q_bars, "forward_terms": forward_terms,
                   "reverse_terms": reverse_terms, "term_marks": marks, "totals": totals,
                   "total_labels": labels, "verdict": verdict,
                   "probs": probs, "terms": terms, "totals_axes": totals_ax}
        super().__init__(figure, artists, controls,
                         animated=["p_bars", "q_bars", "forward_terms", "reverse_terms", "totals",
                                   "verdict"],
                         interactive=interactive)
        for text in (*marks, *labels):
            text.set_animated(True)
            self.live.animated.append(text)
        self._shown = {}
        self._finish([self.editor.widget, controls["unit"]])

    def _static(self, key, value) -> bool:
        """Remember a static setting; True (and a full redraw next) when it changed."""
        if self._shown.get(key) == value:
            return False
        self._shown[key] = value
        self.live.invalidate()
        return True

    def update(self) -> None:
        p, q = (np.array(d) for d in self.editor.value)
        base, n, size = self.base, len(p), len(self.editor.p_sliders)
        unit = unit_name(base)
        log = log_function(base)
        forward_terms = p_log_ratio(p, q, log)
        reverse_terms = p_log_ratio(q, p, log)
        forward, reverse = kl_divergence(p, q, base=base), kl_divergence(q, p, base=base)
        terms_ax, totals_ax = self.artists["terms"], self.artists["totals_axes"]
        if self._static("unit", base):
            terms_ax.set_ylabel(f"contribution ({unit})")
            totals_ax.set_ylabel(unit)
        if self._static("n", n):
            for ax in (self.artists["probs"], terms_ax):
                ax.set_xlim(-0.6, n - 0.4)
        # Axis ranges follow the values (with slack, so most moves keep them).
        finite = np.concatenate([forward_terms, reverse_terms])
        finite = finite[np.isfinite(finite)]
        floor = in_unit(0.1, base)
        high = _axis_top(max(finite.max(initial=0.0), 0.0), self._shown.get("terms_high"), floor)
        # A share is never below -q/e nats (the minimum of x log(x/q)), so this floor is fixed.
        low = -1.1 / (math.e * math.log(base))
        if self._static("terms_high", high) | self._static("terms_low", low):
            terms_ax.set_ylim(low, high)
        finite_totals = [v for v in (forward, reverse) if math.isfinite(v)]
        top = _axis_top(max(finite_totals, default=0.0), self._shown.get("totals_top"), floor)
        if self._static("totals_top", top):
            totals_ax.set_ylim(0, top * 1.12)
        pad = size - n
        set_bar_heights(self.artists["p_bars"], np.pad(p, (0, pad)))
        set_bar_heights(self.artists["q_bars"], np.pad(q, (0, pad)))
        for key, values in (("forward_terms", forward_terms), ("reverse_terms", reverse_terms)):
            set_bar_heights(self.artists[key], np.pad(np.minimum(values, high), (0, pad)))
        for key in ("p_bars", "q_bars", "forward_terms", "reverse_terms"):
            for i, rect in enumerate(self.artists[key].patches):
                rect.set_visible(i < n)
        for k, text in enumerate(self.artists["term_marks"]):
            values = forward_terms if k < size else reverse_terms
            i = k % size
            infinite = i < n and math.isinf(values[i])
            text.set_text("∞" if infinite else "")
            text.set_y(high)
        heights = [min(v, top) for v in (forward, reverse)]
        set_bar_heights(self.artists["totals"], heights)
        larger = None if forward == reverse else (0 if forward > reverse else 1)
        for i, (rect, label, value) in enumerate(zip(self.artists["totals"].patches,
                                                     self.artists["total_labels"], (forward, reverse),
                                                     strict=True)):
            rect.set_linewidth(3 * current_style().line_width / 2 if i == larger else 0)
            label.set_position((i, heights[i]))
            label.set_text("∞" if math.isinf(value) else f"{value:.3f}")
        self.artists["verdict"].set_text(self._verdict(forward, reverse, unit))
        quantities = [
            Quantity("forward", "KL(P‖Q)", forward, base, recipe("kl_divergence", p, q, base=base)),
            Quantity("reverse", "KL(Q‖P)", reverse, base, recipe("kl_divergence", q, p, base=base)),
        ]
        both_infinite = math.isinf(forward) and math.isinf(reverse)
        if not both_infinite:
            quantities.append(Quantity("gap", "KL(Q‖P) − KL(P‖Q)", kl_gap(p, q, base=base), base,
                                       recipe("kl_gap", p, q, base=base)))
        self.readout.show(quantities, note=self._note(p, q, forward_terms, reverse_terms, both_infinite))

    @staticmethod
    def _verdict(forward: float, reverse: float, unit: str) -> str:
        if math.isinf(forward) and math.isinf(reverse):
            return "both directions are infinite"
        if forward == reverse:
            return "both directions equal" + ("\n(P = Q)" if forward == 0 else "")
        names = ("KL(P‖Q)", "KL(Q‖P)")
        big, small = (0, 1) if forward > reverse else (1, 0)
        values = (forward, reverse)
        if math.isinf(values[big]):
            return f"{names[big]} is infinite,\n{names[small]} is not"
        ratio = f", ×{values[big] / values[small]:.2f}" if values[small] > 0 else ""
        return f"{names[big]} is larger\nby {values[big] - values[small]:.3f} {unit}{ratio}"

    @staticmethod
    def _note(p, q, forward_terms, reverse_terms, both_infinite) -> str:
        parts = []
        missing_q = [str(i + 1) for i in range(len(p)) if p[i] > 0 and q[i] == 0]
        missing_p = [str(i + 1) for i in range(len(p)) if q[i] > 0 and p[i] == 0]
        if missing_q:
            parts.append(f"Q gives outcome {', '.join(missing_q)} probability 0 but P does not: "
                         f"KL(P‖Q) = ∞")
        if missing_p:
            parts.append(f"P gives outcome {', '.join(missing_p)} probability 0 but Q does not: "
                         f"KL(Q‖P) = ∞")
        if both_infinite:
            parts.append("both are infinite, so their gap is undefined")
        negative = [str(i + 1) for i in range(len(p)) if forward_terms[i] < 0]
        if negative:
            parts.append(f"blue shares below 0 (outcome {', '.join(negative)}: q > p), yet the sum is ≥ 0")
        return "; ".join(parts)


class ExtraBitsExplorer(Explorer):
    """Cross entropy = entropy + KL: the bits of P's own code plus the extra bits of Q's code.

    Left: each outcome's code length with P's ideal code, ``−log p``, and with
    Q's, ``−log q`` (notebook 02's bits). Right: two stacked bars, ``H(P)`` plus
    ``KL(P‖Q)`` on top, which is ``H(P, Q)``: data from P coded for Q; and the
    other way round, ``H(Q) + KL(Q‖P) = H(Q, P)``.

    Controls: as :class:`KLAsymmetryExplorer` (``q1`` is the main one).
    Artists: ``own_lengths``, ``model_lengths``, ``entropy_bars``, ``kl_bars``,
    ``title``. Readout: ``entropy`` H(P), ``kl`` KL(P‖Q), ``cross`` H(P, Q).

    Examples
    --------
    >>> ex = ExtraBitsExplorer(interactive=False)
    >>> v = ex.readout.values
    >>> round(v["entropy"], 4), round(v["kl"], 4), round(v["cross"], 4)
    (1.8464, 0.1536, 2.0)
    >>> ex.close()
    """

    name = "kl-extra-bits"
    title = "H(P, Q) = H(P) + KL(P‖Q): the extra bits of the wrong code"
    main_control = "q1"
    LENGTH_TOP_BITS = 8.0
    TOTAL_TOP_BITS = 4.0

    def __init__(self, p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                 q: Sequence[float] = (0.25, 0.25, 0.25, 0.25), *, base: float = 2,
                 max_outcomes: int = 8, presets: Mapping | None = None, interactive: bool = True):
        self.editor = TwoDistributionEditor(p, q, max_outcomes=max_outcomes,
                                            presets=KL_PRESETS if presets is None else presets)
        figure, (left, right) = new_figure(9, 3.6, ncols=2)
        with course_style():
            own, model = draw_contribution_pairs(left, max_outcomes,
                                                 ("−log p: P's own code", "−log q: Q's code"))
            left.legend(loc="upper left", fontsize="small")
            left.set_title("code length of each outcome")
            entropy_bars = right.bar([0, 1], [0.0, 0.0], width=0.6, color=COLORS["curve"],
                                     tick_label=["data P, code Q", "data Q, code P"],
                                     label="entropy (own code)")
            kl_bars = right.bar([0, 1], [0.0, 0.0], width=0.6, color=[COLORS["p"], COLORS["q"]],
                                label="KL: extra bits")
            right.set_xlim(-0.6, 1.6)
            right.legend(loc="upper right", fontsize="small")
            title = right.set_title("")
        controls = dict(self.editor.controls)
        controls["unit"] = unit_switch(base)
        artists = {"own_lengths": own, "model_lengths": model, "entropy_bars": entropy_bars,
                   "kl_bars": kl_bars, "title": title, "left": left, "right": right}
        super().__init__(figure, artists, controls,
                         animated=["own_lengths", "model_lengths", "entropy_bars", "kl_bars", "title"],
                         interactive=interactive)
        self._unit_shown = None
        self._n_shown = None
        self._finish([self.editor.widget, controls["unit"]])

    def update(self) -> None:
        p, q = (np.array(d) for d in self.editor.value)
        base, n, size = self.base, len(p), len(self.editor.p_sliders)
        left, right = self.artists["left"], self.artists["right"]
        scale = in_unit(1.0, base)
        if self._unit_shown != base:
            unit = unit_name(base)
            left.set_ylim(0, self.LENGTH_TOP_BITS * scale)
            left.set_ylabel(f"code length ({unit})")
            right.set_ylim(0, self.TOTAL_TOP_BITS * scale)
            right.set_ylabel(unit)
            self._unit_shown = base
            self.live.invalidate()
        if n != self._n_shown:
            left.set_xlim(-0.6, n - 0.4)
            self._n_shown = n
            self.live.invalidate()
        length_top, total_top = left.get_ylim()[1], right.get_ylim()[1]
        pad = size - n
        set_bar_heights(self.artists["own_lengths"], np.pad(np.minimum(surprisal(p, base=base), length_top),
                                                            (0, pad)))
        set_bar_heights(self.artists["model_lengths"],
                        np.pad(np.minimum(surprisal(q, base=base), length_top), (0, pad)))
        for key in ("own_lengths", "model_lengths"):
            for i, rect in enumerate(self.artists[key].patches):
                rect.set_visible(i < n)
        h_p, h_q = entropy(p, base=base), entropy(q, base=base)
        kl_pq, kl_qp = kl_divergence(p, q, base=base), kl_divergence(q, p, base=base)
        h_pq = cross_entropy(p, q, base=base)
        bottoms = [min(h_p, total_top), min(h_q, total_top)]
        set_bar_heights(self.artists["entropy_bars"], bottoms)
        for rect, bottom, kl in zip(self.artists["kl_bars"].patches, bottoms, (kl_pq, kl_qp), strict=True):
            rect.set_y(bottom)
            rect.set_height(min(kl, total_top - bottom))
        unit = unit_name(base)
        self.artists["title"].set_text(
            f"H(P) + KL(P‖Q) = {h_p:.3f} + {kl_pq:.3f} = {_text(h_pq, base)}" if math.isfinite(h_pq)
            else f"Q's code has no word for an outcome of P: H(P, Q) = ∞ {unit}")
        self.readout.show([
            Quantity("entropy", "H(P)", h_p, base, recipe("entropy", p, base=base)),
            Quantity("kl", "KL(P‖Q)", kl_pq, base, recipe("kl_divergence", p, q, base=base)),
            Quantity("cross", "H(P, Q)", h_pq, base, recipe("cross_entropy", p, q, base=base)),
        ])


#: Pairs for the sampler: both directions finite, so both averages converge.
SAMPLER_PAIRS: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "skewed P, uniform Q (seed 000)": ((0.1, 0.2, 0.3, 0.4), (0.25, 0.25, 0.25, 0.25)),
    "a fair coin against a 0.9 / 0.1 coin": ((0.5, 0.5), (0.9, 0.1)),
    "a 0.9 / 0.1 coin against a fair coin": ((0.9, 0.1), (0.5, 0.5)),
    "close: (0.5, 0.5) against (0.55, 0.45)": ((0.5, 0.5), (0.55, 0.45)),
}


class LikelihoodRatioExplorer(Explorer):
    """KL(P‖Q) as the average log-likelihood ratio ``log p(x)/q(x)`` of samples from P.

    The blue curve averages ``log p(x)/q(x)`` over the first ``n`` samples drawn
    from P and converges to KL(P‖Q) (dashed blue). The orange curve scores the
    same samples the other way, ``log q(x)/p(x)``: it converges to −KL(P‖Q), not
    to KL(Q‖P) (dashed orange). Samples are redrawn only by "new sample".

    Controls: ``n`` (main), ``pair``, ``resample`` (a button) and ``unit``.
    Artists: ``forward``, ``other_way`` (the running averages), ``forward_marker``,
    ``other_marker``, ``cursor``. Readout: ``average``, ``kl``, ``other_way``, ``reverse``.

    Examples
    --------
    >>> ex = LikelihoodRatioExplorer(interactive=False)
    >>> ex.controls["n"].value = 5000
    >>> abs(ex.readout.values["average"] - ex.readout.values["kl"]) < 0.02
    True
    >>> ex.close()
    """

    name = "kl-sampler"
    title = "KL(P‖Q) is the average log-likelihood ratio of samples from P"
    main_control = "n"
    MAX_N = 5000

    def __init__(self, pair: str = "skewed P, uniform Q (seed 000)", n: int = 100, *, seed: int = 0,
                 base: float = 2, interactive: bool = True):
        figure, (ax,) = new_figure(8, 3.6)
        counts = np.arange(1, self.MAX_N + 1)
        empty = np.zeros(self.MAX_N)
        with course_style():
            (forward,) = ax.plot(counts, empty, color=COLORS["p"], label="average log p(x)/q(x), x ~ P")
            (other,) = ax.plot(counts, empty, color=COLORS["q"], label="same x: average log q(x)/p(x)")
            kl_line = ax.axhline(0, color=COLORS["p"], linestyle="--", linewidth=1, label="KL(P‖Q)")
            reverse_line = ax.axhline(0, color=COLORS["q"], linestyle="--", linewidth=1, label="KL(Q‖P)")
            minus_line = ax.axhline(0, color=COLORS["p"], linestyle=":", linewidth=1, label="−KL(P‖Q)")
            ax.axhline(0, color=COLORS["curve"], linewidth=1)
            (forward_marker,) = ax.plot([], [], "o", color=COLORS["p"])
            (other_marker,) = ax.plot([], [], "s", color=COLORS["q"])
            cursor = ax.axvline(n, color=COLORS["highlight"], linewidth=1.5)
            ax.set_xscale("log")
            ax.set_xlim(1, self.MAX_N)
            ax.set_xlabel("number of samples n from P")
            ax.legend(loc="lower right", fontsize="small", ncols=2)
        controls = {
            "n": widgets.IntSlider(value=n, min=1, max=self.MAX_N, description="samples n",
                                   continuous_update=True, style={"description_width": "initial"},
                                   layout=widgets.Layout(width=f"{current_style().slider_width_px}px")),
            "pair": widgets.Dropdown(options=list(SAMPLER_PAIRS), value=pair, description="P, Q"),
            "resample": widgets.Button(description="new sample", icon="random"),
            "unit": unit_switch(base),
        }
        artists = {"forward": forward, "other_way": other, "kl_line": kl_line, "reverse_line": reverse_line,
                   "minus_line": minus_line,
                   "forward_marker": forward_marker, "other_marker": other_marker, "cursor": cursor,
                   "axes": ax}
        super().__init__(figure, artists, controls, animated=["cursor", "forward_marker", "other_marker"],
                         interactive=interactive)
        self.seed = seed
        self._paths_for = None
        controls["resample"].on_click(lambda _button: self.resample())
        self._finish([widgets.HBox([controls["pair"], controls["resample"]]), controls["n"],
                      controls["unit"]])

    def resample(self) -> None:
        """Draw a new sample (the next seed) and show it."""
        self.seed += 1
        self._on_change()

    def update(self) -> None:
        p, q = (np.array(d) for d in SAMPLER_PAIRS[self.controls["pair"].value])
        n, base = int(self.controls["n"].value), self.base
        ax = self.artists["axes"]
        kl_pq, kl_qp = kl_divergence(p, q, base=base), kl_divergence(q, p, base=base)
        if self._paths_for != (tuple(p), tuple(q), self.seed, base):
            # Only a new pair, sample or unit recomputes the curves (a full redraw).
            self._forward = log_likelihood_ratio_path(p, q, self.MAX_N, seed=self.seed, base=base)
            self._other = log_likelihood_ratio_path(q, p, self.MAX_N, samples_from=p, seed=self.seed,
                                                    base=base)
            self.artists["forward"].set_ydata(self._forward)
            self.artists["other_way"].set_ydata(self._other)
            self.artists["kl_line"].set_ydata([kl_pq, kl_pq])
            self.artists["reverse_line"].set_ydata([kl_qp, kl_qp])
            self.artists["minus_line"].set_ydata([-kl_pq, -kl_pq])
            values = np.concatenate([self._forward, self._other, [kl_qp, -kl_pq]])
            low, high = values.min(), values.max()
            margin = 0.08 * (high - low)
            ax.set_ylim(low - margin, high + margin)
            ax.set_ylabel(f"average ({unit_name(base)})")
            self._paths_for = (tuple(p), tuple(q), self.seed, base)
            self.live.invalidate()
        average, other = float(self._forward[n - 1]), float(self._other[n - 1])
        self.artists["forward_marker"].set_data([n], [average])
        self.artists["other_marker"].set_data([n], [other])
        self.artists["cursor"].set_xdata([n, n])
        self.readout.show([
            Quantity("average", f"average of log p/q over {n}", average, base,
                     recipe("mean_log_likelihood_ratio", p, q, n, seed=self.seed, base=base)),
            Quantity("kl", "KL(P‖Q)", kl_pq, base, recipe("kl_divergence", p, q, base=base)),
            Quantity("other_way", "same samples, log q/p", other, base,
                     recipe("mean_log_likelihood_ratio", q, p, n, samples_from=p.tolist(),
                            seed=self.seed, base=base)),
            Quantity("reverse", "KL(Q‖P)", kl_qp, base, recipe("kl_divergence", q, p, base=base)),
        ], note=f"sample seed {self.seed}; the sum of n log-ratios, n × average = {n * average:.2f}, "
                f"is the log of how many times likelier the whole sample is under P than under Q")


class GaussianFitExplorer(Explorer):
    """Fit one Gaussian Q to a two-peaked P: by KL(P‖Q) it covers both peaks, by KL(Q‖P) it picks one.

    Controls: ``separation`` of the peaks (main), ``weight`` of the left peak,
    ``unit``. Artists: ``p`` (the mixture), ``forward`` and ``reverse`` (the
    fits), ``local0``.. (other local optima of the reverse fit). Readout:
    ``forward`` (the smallest KL(P‖Q)) and ``reverse`` (the smallest KL(Q‖P)).

    Examples
    --------
    >>> ex = GaussianFitExplorer(separation=6.0, interactive=False)
    >>> round(ex.fits["forward"].std, 3)   # sqrt(1 + 3²)
    3.162
    >>> round(abs(ex.fits["reverse"].mean), 1)
    3.0
    >>> ex.close()
    """

    name = "kl-fit"
    title = "Which way to fit: minimise KL(P‖Q) or KL(Q‖P)?"
    main_control = "separation"
    N_LOCAL = 3
    SHOWN = (-8.0, 8.0)

    def __init__(self, separation: float = 6.0, weight: float = 0.5, *, base: float = 2,
                 interactive: bool = True):
        figure, (ax,) = new_figure(8, 3.6)
        with course_style():
            lines = draw_fit_curves(ax, MIXTURE_GRID, self.N_LOCAL)
            ax.set_xlim(*self.SHOWN)
            ax.set_ylim(0, 0.55)
            ax.legend(loc="upper left", fontsize="small")
        layout = widgets.Layout(width=f"{current_style().slider_width_px}px")
        style = {"description_width": "initial"}
        controls = {
            "separation": widgets.FloatSlider(value=separation, min=0.0, max=8.0, step=0.1,
                                              description="separation of the peaks", readout_format=".1f",
                                              continuous_update=True, layout=layout, style=style),
            "weight": widgets.FloatSlider(value=weight, min=0.05, max=0.95, step=0.01,
                                          description="weight of the left peak", readout_format=".2f",
                                          continuous_update=True, layout=layout, style=style),
            "unit": unit_switch(base),
        }
        super().__init__(figure, {**lines, "axes": ax}, controls, animated=list(lines),
                         interactive=interactive)
        self.fits = {}
        # The reverse fit is a grid search plus refinement (about 10 ms); the sliders move in
        # steps, so a drag back and forth revisits the same settings: fit each one only once.
        self._fit_cache: dict[tuple, tuple[dict, np.ndarray, list[np.ndarray]]] = {}
        self._finish([controls["separation"], controls["weight"], controls["unit"]])

    def mixture(self) -> tuple[list[float], list[float], list[float]]:
        """Means, standard deviations and weights of P's two peaks."""
        s, w = float(self.controls["separation"].value), float(self.controls["weight"].value)
        return [-s / 2, s / 2], [1.0, 1.0], [w, 1 - w]

    def _fitted(self, means, stds, weights, base) -> tuple[dict, np.ndarray, list[np.ndarray]]:
        """Both fits and the curves to draw for one setting of the sliders (cached)."""
        key = (tuple(means), tuple(weights), base)
        if key not in self._fit_cache:
            x = MIXTURE_GRID
            fits = {d: fit_gaussian_to_mixture(means, stds, weights, d, base=base)
                    for d in ("forward", "reverse")}
            others = fits["reverse"].local_optima[1:]
            curves = [gaussian_density(x, fits[d].mean, fits[d].std) for d in ("forward", "reverse")]
            curves += [gaussian_density(x, o.mean, o.std) if k < len(others) else np.full(len(x), np.nan)
                       for k, o in enumerate(list(others) + [None] * self.N_LOCAL) if k < self.N_LOCAL]
            if len(self._fit_cache) > 4000:  # every slider setting twice over; never grow unbounded
                self._fit_cache.clear()
            self._fit_cache[key] = (fits, mixture_density(x, means, stds, weights), curves)
        return self._fit_cache[key]

    def update(self) -> None:
        means, stds, weights = self.mixture()
        base = self.base
        self.fits, density, curves = self._fitted(means, stds, weights, base)
        forward, reverse = self.fits["forward"], self.fits["reverse"]
        self.artists["p"].set_ydata(density)
        self.artists["forward"].set_ydata(curves[0])
        self.artists["reverse"].set_ydata(curves[1])
        for k in range(self.N_LOCAL):
            self.artists[f"local{k}"].set_ydata(curves[2 + k])
        self.readout.show([
            Quantity("forward", "min KL(P‖Q)", forward.divergence, base,
                     recipe("mixture_fit_divergence", means, stds, weights, "forward", base=base)),
            Quantity("reverse", "min KL(Q‖P)", reverse.divergence, base,
                     recipe("mixture_fit_divergence", means, stds, weights, "reverse", base=base)),
        ], note=(f"forward fit: mean {forward.mean:+.2f}, std {forward.std:.2f}; "
                 f"reverse fit: mean {reverse.mean:+.2f}, std {reverse.std:.2f}; "
                 f"KL(Q‖P) has {len(reverse.local_optima)} local optima"))


#: Targets for :class:`LogitFitExplorer`: a soft target, a flatter one, and a one-hot label.
FIT_TARGETS: dict[str, tuple[float, ...]] = {
    "P = (0.6, 0.25, 0.1, 0.05)": (0.6, 0.25, 0.1, 0.05),
    "P = (0.4, 0.3, 0.2, 0.1)": (0.4, 0.3, 0.2, 0.1),
    "one-hot P = (0, 1, 0, 0)": (0.0, 1.0, 0.0, 0.0),
}


class LogitFitExplorer(Explorer):
    """Gradient descent on Q's logits with cross entropy and with KL: the same steps, curves H(P) apart.

    Both runs start from equal logits and use the same learning rate; the
    slider scrubs through the steps. Left: the two loss curves with markers at
    the current step. Right: P and the current Q (identical for both runs).

    Controls: ``step`` (main), ``target`` and ``unit``. Artists: ``ce_curve``,
    ``kl_curve``, ``ce_marker``, ``kl_marker``, ``cursor``, ``p_bars``, ``q_bars``.
    Readout: ``cross`` H(P, Q), ``kl`` KL(P‖Q) and ``entropy`` H(P), their difference.

    Examples
    --------
    >>> ex = LogitFitExplorer(interactive=False)
    >>> v = ex.readout.values
    >>> bool(abs(v["cross"] - v["kl"] - v["entropy"]) < 1e-12)
    True
    >>> ex.close()
    """

    name = "kl-training"
    title = "Training Q with cross entropy or with KL: the same steps"
    main_control = "step"
    STEPS = 80
    LEARNING_RATE = 0.5

    def __init__(self, target: str = "P = (0.6, 0.25, 0.1, 0.05)", step: int = 0, *,
                 base: float = math.e, interactive: bool = True):
        figure, (left, right) = new_figure(9, 3.4, ncols=2)
        steps = np.arange(self.STEPS + 1)
        with course_style():
            (ce_curve,) = left.plot(steps, np.zeros_like(steps, dtype=float), color=COLORS["p"],
                                    label="cross entropy H(P, Q)")
            (kl_curve,) = left.plot(steps, np.zeros_like(steps, dtype=float), color=COLORS["q"],
                                    label="KL(P‖Q)")
            (ce_marker,) = left.plot([], [], "o", color=COLORS["p"])
            (kl_marker,) = left.plot([], [], "s", color=COLORS["q"])
            cursor = left.axvline(step, color=COLORS["highlight"], linewidth=1.5)
            left.set_xlim(0, self.STEPS)
            left.set_xlabel("gradient step")
            left.legend(loc="upper right", fontsize="small")
            p_bars, q_bars = draw_contribution_pairs(right, 4, ("P (target)", "Q (model)"))
            right.set_ylim(0, 1.05)
            right.set_ylabel("probability")
            right.legend(loc="upper right", fontsize="small")
        layout = widgets.Layout(width=f"{current_style().slider_width_px}px")
        controls = {
            "step": widgets.IntSlider(value=step, min=0, max=self.STEPS, description="gradient step",
                                      continuous_update=True, layout=layout,
                                      style={"description_width": "initial"}),
            "target": widgets.Dropdown(options=list(FIT_TARGETS), value=target, description="target"),
            "unit": unit_switch(base),
        }
        artists = {"ce_curve": ce_curve, "kl_curve": kl_curve, "ce_marker": ce_marker,
                   "kl_marker": kl_marker, "cursor": cursor, "p_bars": p_bars, "q_bars": q_bars,
                   "left": left}
        super().__init__(figure, artists, controls,
                         animated=["cursor", "ce_marker", "kl_marker", "p_bars", "q_bars"],
                         interactive=interactive)
        self._runs_for = None
        self.runs = {}
        self._finish([controls["target"], controls["step"], controls["unit"]])

    def update(self) -> None:
        p = np.array(FIT_TARGETS[self.controls["target"].value])
        step, base = int(self.controls["step"].value), self.base
        left = self.artists["left"]
        if self._runs_for != (tuple(p), base):
            # Only a new target or unit reruns the two descents (a full redraw).
            start = np.zeros(len(p))
            self.runs = {loss: fit_logits(p, start, steps=self.STEPS, learning_rate=self.LEARNING_RATE,
                                          loss=loss, base=base)
                         for loss in ("cross_entropy", "kl_divergence")}
            self.artists["ce_curve"].set_ydata(self.runs["cross_entropy"].loss)
            self.artists["kl_curve"].set_ydata(self.runs["kl_divergence"].loss)
            left.set_ylim(0, 1.1 * float(self.runs["cross_entropy"].loss.max()))
            left.set_ylabel(f"loss ({unit_name(base)})")
            set_bar_heights(self.artists["p_bars"], p)
            self._runs_for = (tuple(p), base)
            self.live.invalidate()
        q = softmax(self.runs["cross_entropy"].logits[step])
        ce, kl, h = cross_entropy(p, q, base=base), kl_divergence(p, q, base=base), entropy(p, base=base)
        self.artists["ce_marker"].set_data([step], [ce])
        self.artists["kl_marker"].set_data([step], [kl])
        self.artists["cursor"].set_xdata([step, step])
        set_bar_heights(self.artists["q_bars"], q)
        same = np.array_equal(self.runs["cross_entropy"].logits[step],
                              self.runs["kl_divergence"].logits[step])
        self.readout.show([
            Quantity("cross", "H(P, Q)", ce, base, recipe("cross_entropy", p, q, base=base)),
            Quantity("kl", "KL(P‖Q)", kl, base, recipe("kl_divergence", p, q, base=base)),
            Quantity("entropy", "their difference, H(P)", h, base, recipe("entropy", p, base=base)),
        ], note=f"Q after {step} steps: [" + ", ".join(f"{v:.3f}" for v in q) + "]; the KL run's Q is "
                + ("the same, bit for bit" if same else "different"))


def explore_kl_asymmetry(p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                         q: Sequence[float] = (0.25, 0.25, 0.25, 0.25), **kwargs) -> KLAsymmetryExplorer:
    """Show a :class:`KLAsymmetryExplorer` (edit P and Q, compare the two directions)."""
    return KLAsymmetryExplorer(p, q, **kwargs)


def explore_extra_bits(p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                       q: Sequence[float] = (0.25, 0.25, 0.25, 0.25), **kwargs) -> ExtraBitsExplorer:
    """Show an :class:`ExtraBitsExplorer` (cross entropy = entropy + KL, live)."""
    return ExtraBitsExplorer(p, q, **kwargs)


def explore_likelihood_ratio(pair: str = "skewed P, uniform Q (seed 000)", n: int = 100,
                             **kwargs) -> LikelihoodRatioExplorer:
    """Show a :class:`LikelihoodRatioExplorer` (drag n, watch the average reach KL)."""
    return LikelihoodRatioExplorer(pair, n, **kwargs)


def explore_gaussian_fit(separation: float = 6.0, weight: float = 0.5, **kwargs) -> GaussianFitExplorer:
    """Show a :class:`GaussianFitExplorer` (move the peaks, watch the two fits)."""
    return GaussianFitExplorer(separation, weight, **kwargs)


def explore_logit_fit(target: str = "P = (0.6, 0.25, 0.1, 0.05)", step: int = 0,
                      **kwargs) -> LogitFitExplorer:
    """Show a :class:`LogitFitExplorer` (scrub through training with CE and with KL)."""
    return LogitFitExplorer(target, step, **kwargs)

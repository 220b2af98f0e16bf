"""Notebook 02's explorers: P against Q, bits counted on samples, loss shapes, logits and gradients."""

from __future__ import annotations

import math
from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np

from infolib.classifier import linear_penalty, smooth_labels, squared_penalty
from infolib.codes import (
    block_distribution,
    expected_code_length,
    huffman_code,
    huffman_code_lengths,
    sample_outcomes,
    shannon_code_lengths,
)
from infolib.controls import Quantity, TwoDistributionEditor, count_slider, probability_slider, unit_switch
from infolib.explorers.base import Explorer, recipe
from infolib.losses import categorical_cross_entropy
from infolib.measures import cross_entropy, entropy, entropy_contributions, kl_divergence, surprisal
from infolib.plots import draw_bars, new_figure, set_bar_heights
from infolib.plots.cross_entropy import LOSS_COLORS, draw_loss_shapes, draw_paired_bars
from infolib.softmax import softmax
from infolib.style import COLORS, course_style
from infolib.units import in_unit, unit_name

__all__ = [
    "CodeLengthExplorer",
    "CrossEntropyExplorer",
    "LogitsExplorer",
    "LossShapeExplorer",
    "explore_code_length",
    "explore_cross_entropy",
    "explore_logits",
    "explore_loss_shape",
]

def _cross_terms(p: np.ndarray, q: np.ndarray, base: float) -> np.ndarray:
    """``-p_i log q_i`` per outcome: 0 where ``p_i = 0``, ``inf`` where ``q_i = 0 < p_i``."""
    terms = np.zeros(len(p))
    used = p > 0
    terms[used] = p[used] * surprisal(q[used], base=base)
    return terms


class CrossEntropyExplorer(Explorer):
    """P (the truth) and Q (the model) side by side: each outcome's ``-p log q`` next to ``-p log p``.

    Controls: the editor's ``p1``..``p8`` and ``q1``..``q8`` (``q1`` is the main one),
    ``outcomes``, ``preset``, ``reset``, ``copy`` (Q = P) and ``unit``. Artists:
    ``self_bars`` (``-p log p``, summing to H(P)), ``cross_bars`` (``-p log q``,
    summing to H(P, Q)), ``totals`` (three bars: H(P), H(P, Q), H(Q, P)) and
    ``title``. Readout: ``entropy``, ``cross``, ``gap`` (= KL divergence) and ``reverse``.
    An infinite term or total is drawn up to the top of its axes.

    Examples
    --------
    >>> ex = CrossEntropyExplorer(interactive=False)
    >>> round(ex.readout.values["cross"], 4), round(ex.readout.values["entropy"], 4)
    (2.0, 1.8464)
    >>> ex.controls["copy"].click(); ex.readout.values["gap"]
    0.0
    >>> ex.close()
    """

    name = "cross-entropy"
    title = "Cross entropy: the truth P scored by the model Q"
    main_control = "q1"
    TERM_TOP_BITS = 3.0
    TOTAL_TOP_BITS = 6.0

    def __init__(self, p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                 q: Sequence[float] = (0.25, 0.25, 0.25, 0.25), *,
                 base: float = 2, max_outcomes: int = 8, interactive: bool = True):
        self.editor = TwoDistributionEditor(p, q, max_outcomes=max_outcomes)
        figure, (left, right) = new_figure(9, 3.4, ncols=2)
        with course_style():
            self_bars, cross_bars = draw_paired_bars(left, max_outcomes, ["−p log p", "−p log q"])
            left.legend(loc="upper right")
            title = left.set_title("")
            totals = draw_bars(right, np.zeros(3), ["H(P)", "H(P, Q)", "H(Q, P)"], COLORS["p"])
            for rect, color in zip(totals.patches, (COLORS["p"], COLORS["q"], COLORS["curve"]), strict=True):
                rect.set_color(color)
        controls = dict(self.editor.controls)
        controls["unit"] = unit_switch(base)
        artists = {"self_bars": self_bars, "cross_bars": cross_bars, "totals": totals, "title": title,
                   "left": left, "right": right}
        super().__init__(figure, artists, controls, animated=["self_bars", "cross_bars", "totals", "title"],
                         interactive=interactive)
        self._unit_shown = None
        self._n_shown = None
        self._finish([self.editor.widget, controls["unit"]])

    def update(self) -> None:
        p, q = (np.array(d) for d in self.editor.value)
        base, n = self.base, len(p)
        left, right = self.artists["left"], self.artists["right"]
        if self._unit_shown != base:
            left.set_ylim(0, in_unit(self.TERM_TOP_BITS, base))
            left.set_ylabel(f"term ({unit_name(base)})")
            right.set_ylim(0, in_unit(self.TOTAL_TOP_BITS, base))
            right.set_ylabel(unit_name(base))
            self._unit_shown = base
            self.live.invalidate()
        if n != self._n_shown:
            left.set_xlim(-0.6, n - 0.4)
            self._n_shown = n
            self.live.invalidate()
        term_top, total_top = left.get_ylim()[1], right.get_ylim()[1]
        pad = len(self.editor.p_sliders) - n
        self_terms = np.pad(entropy_contributions(p, base=base), (0, pad))
        cross_terms = np.pad(_cross_terms(p, q, base), (0, pad))
        set_bar_heights(self.artists["self_bars"], np.minimum(self_terms, term_top))
        set_bar_heights(self.artists["cross_bars"], np.minimum(cross_terms, term_top))
        for bars in (self.artists["self_bars"], self.artists["cross_bars"]):
            for i, rect in enumerate(bars.patches):
                rect.set_visible(i < n)
        h, h_pq = entropy(p, base=base), cross_entropy(p, q, base=base)
        gap, h_qp = kl_divergence(p, q, base=base), cross_entropy(q, p, base=base)
        set_bar_heights(self.artists["totals"], np.minimum([h, h_pq, h_qp], total_top))
        unit = unit_name(base)
        self.artists["title"].set_text(f"orange bars add up to H(P, Q) = {h_pq:.3f} {unit}")
        self.readout.show([
            Quantity("entropy", "H(P)", h, base, recipe("entropy", p, base=base)),
            Quantity("cross", "H(P, Q)", h_pq, base, recipe("cross_entropy", p, q, base=base)),
            Quantity("gap", "H(P, Q) − H(P)", gap, base, recipe("kl_divergence", p, q, base=base)),
            Quantity("reverse", "H(Q, P)", h_qp, base, recipe("cross_entropy", q, p, base=base)),
        ])


class CodeLengthExplorer(Explorer):
    """Bits you can count: symbols drawn from P, sent with a prefix code built for Q.

    Controls: the editor (``p1``..., ``q1``..., ``outcomes``, ``preset``, ``reset``,
    ``copy``), ``n`` (main: how many symbols are sent), ``code`` (Huffman or
    Shannon), ``block`` (symbols per codeword) and ``resample`` (new seed).
    Artists: ``running`` (bits per symbol after each symbol), ``marker`` (at
    ``n``), and horizontal lines ``cross`` (H(P, Q)), ``entropy`` (H(P)) and
    ``expected`` (the code's expected length). Readout (bits): ``measured``,
    ``expected``, ``cross``, ``entropy``; the note shows the first codewords sent.

    Samples come from fixed uniform numbers (see :func:`infolib.sample_outcomes`):
    moving P shifts them smoothly, and only ``resample`` draws new ones.

    Examples
    --------
    >>> ex = CodeLengthExplorer([0.5, 0.25, 0.25], [0.5, 0.25, 0.25], interactive=False)
    >>> ex.readout.values["expected"], ex.readout.values["entropy"]
    (1.5, 1.5)
    >>> ex.close()
    """

    name = "code-length"
    title = "Cross entropy as bits you can count"
    main_control = "n"
    MAX_N = 4000
    SHOWN = 8

    def __init__(self, p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                 q: Sequence[float] = (0.4, 0.3, 0.2, 0.1), *,
                 n: int = 200, seed: int = 0, max_outcomes: int = 6, interactive: bool = True):
        self.editor = TwoDistributionEditor(p, q, max_outcomes=max_outcomes)
        self.seed = seed
        figure, (ax,) = new_figure(8, 3.4)
        with course_style():
            (running,) = ax.plot([], [], color=COLORS["q"], label="measured bits per symbol")
            (marker,) = ax.plot([], [], "o", color=COLORS["highlight"])
            cross = ax.axhline(0, color=COLORS["q"], linestyle="--", linewidth=1.2, label="H(P, Q)")
            h = ax.axhline(0, color=COLORS["p"], linestyle="--", linewidth=1.2, label="H(P)")
            expected = ax.axhline(0, color=COLORS["curve"], linestyle=":", linewidth=2,
                                  label="expected length of the code")
            ax.set_xscale("log")
            ax.set_xlim(1, self.MAX_N)
            ax.set_xlabel("symbols sent")
            ax.set_ylabel("bits per symbol")
            ax.legend(loc="upper right")
        controls = dict(self.editor.controls)
        controls.update(
            n=count_slider("symbols sent n", n, 3, self.MAX_N),
            code=widgets.ToggleButtons(options=[("Huffman", "huffman"), ("Shannon", "shannon")],
                                       value="huffman", description="code"),
            block=widgets.ToggleButtons(options=[1, 2, 3], value=1, description="block",
                                        style={"button_width": "40px"}),
            resample=widgets.Button(description="new samples", icon="refresh"),
        )
        controls["resample"].on_click(lambda _b: self.resample())
        artists = {"running": running, "marker": marker, "cross": cross, "entropy": h,
                   "expected": expected, "axes": ax}
        super().__init__(figure, artists, controls,
                         animated=["running", "marker", "cross", "entropy", "expected"],
                         interactive=interactive)
        self._top_shown = None
        self._curve_for = None
        self._finish([self.editor.widget, controls["n"],
                      widgets.HBox([controls["code"], controls["block"], controls["resample"]])])

    def resample(self) -> None:
        """Draw new symbols (the next seed) and redraw."""
        self.seed += 1
        self._on_change()

    def _lengths(self, q: np.ndarray, code: str, block: int) -> np.ndarray:
        blocks = block_distribution(q, block)
        return shannon_code_lengths(blocks) if code == "shannon" else huffman_code_lengths(blocks)

    def _curve(self, p, q, code, block):
        """Running bits per symbol (and what goes with it) for the current P, Q, code, block, seed."""
        key = (tuple(p), tuple(q), code, block, self.seed)
        if self._curve_for != key:
            lengths = self._lengths(q, code, block)
            blocks = self.MAX_N // block
            samples = sample_outcomes(p, blocks * block, seed=self.seed).reshape(blocks, block)
            index = samples @ (len(p) ** np.arange(block - 1, -1, -1))
            cost = lengths[index]
            self._cache = (np.cumsum(cost), np.arange(1, blocks + 1) * block, lengths, samples)
            self._curve_for = key
        return self._cache

    def update(self) -> None:
        p, q = (np.array(d) for d in self.editor.value)
        code, block = self.controls["code"].value, int(self.controls["block"].value)
        n = int(self.controls["n"].value)
        ax = self.artists["axes"]
        total_bits, symbols, lengths, samples = self._curve(p, q, code, block)
        average = total_bits / symbols
        blocks = n // block
        measured = float(total_bits[blocks - 1]) / (blocks * block)
        expected = _expected(p, lengths, block)
        h, h_pq = entropy(p), cross_entropy(p, q)
        finite = [v for v in (h, h_pq, expected) if math.isfinite(v)]
        top = float(max(3, math.ceil(1.25 * max(finite, default=0.0))))
        if top != self._top_shown:
            ax.set_ylim(0, top)
            self._top_shown = top
            self.live.invalidate()
        # An infinite average (a symbol without codeword was sent) is left out of the curve.
        shown = np.where(np.isfinite(average), average, np.nan)
        self.artists["running"].set_data(symbols, shown)
        self.artists["marker"].set_data([blocks * block], [min(measured, top)])
        for key, value in (("cross", h_pq), ("entropy", h), ("expected", expected)):
            self.artists[key].set_ydata([min(value, top)] * 2)
        code_kwargs = {"seed": self.seed, "code": code, "block": block}
        self.readout.show([
            Quantity("measured", f"measured after {blocks * block} symbols", measured, 2,
                     recipe("sample_code_length", p, q, n, **code_kwargs)),
            Quantity("expected", "expected length", expected, 2,
                     recipe("code_length_per_symbol", p, q, code=code, block=block)),
            Quantity("cross", "H(P, Q)", h_pq, 2, recipe("cross_entropy", p, q, base=2)),
            Quantity("entropy", "H(P)", h, 2, recipe("entropy", p, base=2)),
        ], note=self._first_codewords(q, code, block, samples))

    def _first_codewords(self, q: np.ndarray, code: str, block: int, samples: np.ndarray) -> str:
        if code != "huffman":
            return "Shannon's code: lengths ceil(−log₂ q); the bits are counted, not shown"
        words = huffman_code(block_distribution(q, block))
        shown = samples[: max(1, self.SHOWN // block)]
        parts = []
        for row in shown:
            index = int(row @ (len(q) ** np.arange(block - 1, -1, -1)))
            symbol = "".join(str(int(s) + 1) for s in row)
            parts.append(f"{symbol}→{words.get(index, '(no codeword)')}")
        return "first symbols sent: " + "  ".join(parts)


def _expected(p: np.ndarray, lengths: np.ndarray, block: int) -> float:
    return expected_code_length(block_distribution(p, block), lengths) / block


class LossShapeExplorer(Explorer):
    """Why the log: ``-log q``, ``1 - q`` and ``(1 - q)**2`` against the probability ``q`` of the true class.

    Controls: ``q`` (main) and ``unit`` (for ``-log q``). Artists: the three
    ``curves`` and a marker on each (``log``, ``linear``, ``squared``). Readout:
    the three losses at ``q``.

    Examples
    --------
    >>> ex = LossShapeExplorer(0.5, interactive=False)
    >>> ex.readout.values
    {'log': 1.0, 'linear': 0.5, 'squared': 0.25}
    >>> ex.close()
    """

    name = "loss-shape"
    title = "Why the log: how hard each loss punishes a confident mistake"
    main_control = "q"
    TOP = 8.0

    def __init__(self, q: float = 0.1, *, base: float = 2, interactive: bool = True):
        figure, (ax,) = new_figure(7, 3.6)
        with course_style():
            curves = draw_loss_shapes(ax, base)
            markers = {key: ax.plot([], [], "o", color=color, clip_on=False)[0]
                       for key, color in LOSS_COLORS.items()}
            ax.set_ylim(0, self.TOP)
        controls = {"q": probability_slider("q (true class)", q), "unit": unit_switch(base)}
        artists = {"curves": curves, **markers, "axes": ax}
        super().__init__(figure, artists, controls, animated=list(markers), interactive=interactive)
        self._unit_shown = None
        self._finish([controls["q"], controls["unit"]])

    def update(self) -> None:
        q, base = self.controls["q"].value, self.base
        if self._unit_shown != base:
            curve = self.artists["curves"]["log"]
            curve.set_ydata(surprisal(curve.get_xdata(), base=base))
            label = f"−log q ({unit_name(base)})"
            curve.set_label(label)
            self.artists["axes"].get_legend().get_texts()[0].set_text(label)  # relabel, no new legend
            self._unit_shown = base
            self.live.invalidate()
        values = {"log": surprisal(q, base=base), "linear": linear_penalty(q), "squared": squared_penalty(q)}
        for key, value in values.items():
            self.artists[key].set_data([q], [min(value, self.TOP)])
        self.readout.show([
            Quantity("log", "−log q", values["log"], base, recipe("surprisal", q, base=base)),
            Quantity("linear", "1 − q", values["linear"], None, recipe("linear_penalty", q)),
            Quantity("squared", "(1 − q)²", values["squared"], None, recipe("squared_penalty", q)),
        ])


class LogitsExplorer(Explorer):
    """Logits in, softmax out: the loss and its gradient ``q - p`` with respect to the logits.

    Controls: ``z1``..``z4`` (logits; ``z1`` is the main one), ``label`` (the
    true class), ``smoothing`` (label smoothing) and ``unit``. Artists:
    ``target_bars`` (p), ``softmax_bars`` (q) and ``gradient_bars`` (the
    gradient of the loss in the chosen unit: q − p in nats, (q − p)/ln 2 in
    bits; the note under the figure says which). Readout: ``loss`` H(p, q), ``floor`` H(p) and ``gap``
    (KL, what training can still remove).

    Examples
    --------
    >>> ex = LogitsExplorer((0.0, 0.0, 0.0, 0.0), interactive=False)
    >>> ex.readout.values["loss"]   # uniform q, one-hot p: log2 4 bits
    2.0
    >>> ex.close()
    """

    name = "logits"
    title = "Logits, softmax and the gradient q − p"
    main_control = "z1"
    N = 4
    Z_RANGE = 6.0

    def __init__(self, logits: Sequence[float] = (2.0, 1.0, 0.0, -1.0), *, label: int = 0,
                 smoothing: float = 0.0, base: float = 2, interactive: bool = True):
        figure, (left, right) = new_figure(9, 3.4, ncols=2)
        with course_style():
            target_bars, softmax_bars = draw_paired_bars(left, self.N, ["target p", "softmax q"])
            left.set_ylim(0, 1.05)
            left.set_ylabel("probability")
            left.legend(loc="upper right")
            gradient_bars = draw_bars(right, np.zeros(self.N), [str(i + 1) for i in range(self.N)],
                                      COLORS["highlight"])
            right.axhline(0, color=COLORS["curve"], linewidth=1)
            right.set_xlabel("logit")
        controls = {
            f"z{i + 1}": widgets.FloatSlider(value=float(z), min=-self.Z_RANGE, max=self.Z_RANGE, step=0.01,
                                             description=f"logit z{i + 1}", continuous_update=True,
                                             readout_format=".2f")
            for i, z in enumerate(logits)
        }
        controls.update(
            label=widgets.Dropdown(options=[(f"class {i + 1}", i) for i in range(self.N)], value=label,
                                   description="true class"),
            smoothing=widgets.FloatSlider(value=smoothing, min=0.0, max=0.5, step=0.01,
                                          description="label smoothing", continuous_update=True,
                                          style={"description_width": "initial"}),
            unit=unit_switch(base),
        )
        artists = {"target_bars": target_bars, "softmax_bars": softmax_bars, "gradient_bars": gradient_bars,
                   "left": left, "right": right}
        super().__init__(figure, artists, controls, animated=["target_bars", "softmax_bars", "gradient_bars"],
                         interactive=interactive)
        self._unit_shown = None
        self._finish([widgets.HBox([widgets.VBox([controls[f"z{i + 1}"] for i in range(self.N)]),
                                    widgets.VBox([controls["label"], controls["smoothing"]])]),
                      controls["unit"]])

    def update(self) -> None:
        z = np.array([self.controls[f"z{i + 1}"].value for i in range(self.N)])
        base = self.base
        right = self.artists["right"]
        if self._unit_shown != base:
            scale = 1 / math.log(base)
            right.set_ylim(-1.05 * scale, 1.05 * scale)
            right.set_ylabel(f"∂ loss / ∂ z ({unit_name(base)})")
            self._unit_shown = base
            self.live.invalidate()
        p = smooth_labels([self.controls["label"].value], self.N, self.controls["smoothing"].value)[0]
        q = softmax(z)
        gradient = (q - p) / math.log(base)
        set_bar_heights(self.artists["target_bars"], p)
        set_bar_heights(self.artists["softmax_bars"], q)
        set_bar_heights(self.artists["gradient_bars"], gradient)
        loss = categorical_cross_entropy(p, z, from_logits=True, base=base)
        floor = entropy(p, base=base)
        self.readout.show([
            Quantity("loss", "loss H(p, q)", loss, base,
                     recipe("categorical_cross_entropy", p, z, from_logits=True, base=base)),
            Quantity("floor", "floor H(p)", floor, base, recipe("entropy", p, base=base)),
            Quantity("gap", "H(p, q) − H(p)", kl_divergence(p, q, base=base), base,
                     recipe("kl_divergence", p, q, base=base)),
        ], note=f"{self._gradient_label(base)}: [" + ", ".join(f"{g:+.3f}" for g in gradient) + "]")

    @staticmethod
    def _gradient_label(base: float) -> str:
        """What the gradient bars show: q − p in nats, divided by ln ``base`` in other units.

        Examples
        --------
        >>> LogitsExplorer._gradient_label(math.e), LogitsExplorer._gradient_label(2)
        ('gradient q − p (nats)', 'gradient (q − p)/ln 2 (bits)')
        """
        if base == math.e:
            return "gradient q − p (nats)"
        return f"gradient (q − p)/ln {base:g} ({unit_name(base)})"


def explore_cross_entropy(p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                          q: Sequence[float] = (0.25, 0.25, 0.25, 0.25), **kwargs) -> CrossEntropyExplorer:
    """Show a :class:`CrossEntropyExplorer` (edit P and Q, watch H(P), H(P, Q) and H(Q, P))."""
    return CrossEntropyExplorer(p, q, **kwargs)


def explore_code_length(p: Sequence[float] = (0.1, 0.2, 0.3, 0.4),
                        q: Sequence[float] = (0.4, 0.3, 0.2, 0.1), **kwargs) -> CodeLengthExplorer:
    """Show a :class:`CodeLengthExplorer` (send symbols from P with a code for Q, count the bits)."""
    return CodeLengthExplorer(p, q, **kwargs)


def explore_loss_shape(q: float = 0.1, **kwargs) -> LossShapeExplorer:
    """Show a :class:`LossShapeExplorer` (drag q, compare −log q with 1 − q and (1 − q)²)."""
    return LossShapeExplorer(q, **kwargs)


def explore_logits(logits: Sequence[float] = (2.0, 1.0, 0.0, -1.0), **kwargs) -> LogitsExplorer:
    """Show a :class:`LogitsExplorer` (move logits, watch softmax, loss and gradient)."""
    return LogitsExplorer(logits, **kwargs)

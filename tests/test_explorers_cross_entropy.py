"""Notebook 02's explorers, headless: artists and readouts after driving the controls.

Expected values are computed here by hand with math/numpy (Huffman lengths of
small examples are worked out in comments); every readout is also recomputed
from its recipe with the infolib function it names. Every explorer a test
creates is closed by the ``make`` fixture.
"""

from __future__ import annotations

import html as html_lib
import json
import math
import re

import numpy as np
import pytest

import infolib
from infolib.explorers import CodeLengthExplorer, CrossEntropyExplorer, LogitsExplorer, LossShapeExplorer
from infolib.explorers.base import Explorer


def bar_heights(bars, n=None):
    heights = [rect.get_height() for rect in bars.patches]
    return heights if n is None else heights[:n]


def marker_xy(line):
    x, y = line.get_data()
    return float(x[0]), float(y[0])


def h_by_hand(p, q=None, log=math.log2):
    q = p if q is None else q
    total = 0.0
    for a, b in zip(p, q, strict=True):
        if a > 0:
            total += math.inf if b == 0 else -a * log(b)
    return total


def recipes(ex: Explorer):
    """(key, value, recomputed) for every quantity on the readout, parsed back from its HTML."""
    found = []
    pattern = r"data-quantity='([^']+)' data-value='([^']+)' data-expected-from='([^']+)'"
    for key, value, recipe in re.findall(pattern, ex.readout.widget.value):
        spec = json.loads(html_lib.unescape(recipe))
        recomputed = getattr(infolib, spec["function"])(*spec["args"], **spec["kwargs"])
        found.append((key, float(value), recomputed))
    return found


def assert_readout_matches_recipes(ex: Explorer):
    rows = recipes(ex)
    assert {key for key, _, _ in rows} == set(ex.readout.values)
    for key, value, recomputed in rows:
        assert not math.isnan(value), key
        assert value == recomputed or (math.isinf(value) and value == recomputed), (key, value, recomputed)


# --- CrossEntropyExplorer ------------------------------------------------------------------------

P, Q = (0.1, 0.2, 0.3, 0.4), (0.25, 0.25, 0.25, 0.25)


def test_cross_entropy_readout_of_seed_pair(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    assert ex.readout.values["cross"] == pytest.approx(2.0, rel=1e-12)  # -log2 1/4 for every outcome
    assert ex.readout.values["entropy"] == pytest.approx(h_by_hand(P), rel=1e-12)
    assert ex.readout.values["gap"] == pytest.approx(2.0 - h_by_hand(P), rel=1e-9)
    assert ex.readout.values["reverse"] == pytest.approx(h_by_hand(Q, P), rel=1e-12)
    assert ex.readout.values["reverse"] != pytest.approx(ex.readout.values["cross"])
    assert_readout_matches_recipes(ex)


def test_cross_entropy_bars_are_the_terms(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    np.testing.assert_allclose(bar_heights(ex.artists["cross_bars"], 4), [p * 2 for p in P], rtol=1e-12)
    np.testing.assert_allclose(bar_heights(ex.artists["self_bars"], 4), [-p * math.log2(p) for p in P],
                               rtol=1e-12)
    assert [r.get_visible() for r in ex.artists["cross_bars"].patches] == [True] * 4 + [False] * 4


def test_cross_entropy_totals_bars_are_h_p_h_pq_h_qp(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    np.testing.assert_allclose(bar_heights(ex.artists["totals"]), [h_by_hand(P), 2.0, h_by_hand(Q, P)],
                               rtol=1e-12)


def test_cross_entropy_copy_button_closes_the_gap(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    ex.controls["copy"].click()
    assert ex.readout.values["gap"] == 0.0
    assert ex.readout.values["cross"] == pytest.approx(ex.readout.values["entropy"], rel=1e-12)
    assert ex.readout.values["reverse"] == pytest.approx(ex.readout.values["entropy"], rel=1e-12)


def test_cross_entropy_editing_q_moves_the_readout(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    ex.controls["q1"].value = 0.75  # weights (0.75, 0.25, 0.25, 0.25) -> q = (0.5, 1/6, 1/6, 1/6)
    q = (0.5, 1 / 6, 1 / 6, 1 / 6)
    assert ex.readout.values["cross"] == pytest.approx(h_by_hand(P, q), rel=1e-12)
    assert_readout_matches_recipes(ex)


def test_cross_entropy_zero_in_q_where_p_is_positive_is_infinite_without_warning(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    ex.controls["q1"].value = 0.0
    assert ex.readout.values["cross"] == math.inf
    assert ex.readout.values["gap"] == math.inf
    assert math.isfinite(ex.readout.values["reverse"])
    top = ex.artists["left"].get_ylim()[1]
    assert bar_heights(ex.artists["cross_bars"])[0] == top  # the infinite term is drawn to the top
    assert "∞ bits" in ex.readout.widget.value
    assert_readout_matches_recipes(ex)


def test_cross_entropy_in_nats(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    ex.controls["unit"].value = math.e
    assert ex.readout.values["cross"] == pytest.approx(math.log(4), rel=1e-12)
    assert "nats" in ex.artists["left"].get_ylabel()
    assert ex.artists["right"].get_ylim()[1] == pytest.approx(6 * math.log(2))


def test_cross_entropy_preset_is_one_render(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    before = ex.live.render_count
    ex.controls["preset"].value = "label [1, 0], prediction [0.1, 0.9]"
    assert ex.live.render_count == before + 1
    assert ex.readout.values["cross"] == pytest.approx(-math.log2(0.1), rel=1e-12)
    assert ex.readout.values["entropy"] == 0.0


def test_cross_entropy_slider_change_is_one_render(make):
    ex = make(CrossEntropyExplorer, P, Q, interactive=False)
    before = ex.live.render_count
    ex.controls["q2"].value = 0.5
    assert ex.live.render_count == before + 1


# --- CodeLengthExplorer ----------------------------------------------------------------------------

REVERSED = (0.4, 0.3, 0.2, 0.1)


def test_code_length_expected_length_by_hand(make):
    # Huffman for Q = (0.4, 0.3, 0.2, 0.1): lengths 1, 2, 3, 3; on P = (0.1, 0.2, 0.3, 0.4):
    # 0.1 + 0.4 + 0.9 + 1.2 = 2.6 bits per symbol.
    ex = make(CodeLengthExplorer, P, REVERSED, interactive=False)
    assert ex.readout.values["expected"] == pytest.approx(2.6, rel=1e-12)
    assert ex.readout.values["cross"] == pytest.approx(h_by_hand(P, REVERSED), rel=1e-12)
    assert ex.artists["expected"].get_ydata()[0] == pytest.approx(2.6)


def test_code_length_measured_counts_the_bits_of_the_samples(make):
    ex = make(CodeLengthExplorer, P, REVERSED, n=500, seed=3, interactive=False)
    samples = infolib.sample_outcomes(P, 500, seed=3)
    lengths = np.array([1, 2, 3, 3])
    assert ex.readout.values["measured"] == lengths[samples].sum() / 500
    assert_readout_matches_recipes(ex)


def test_code_length_running_curve_ends_at_the_marker(make):
    ex = make(CodeLengthExplorer, P, REVERSED, n=1000, interactive=False)
    x, y = ex.artists["running"].get_data()
    assert x[999] == 1000
    assert y[999] == pytest.approx(ex.readout.values["measured"], rel=1e-15)
    assert marker_xy(ex.artists["marker"]) == pytest.approx((1000, ex.readout.values["measured"]))


def test_code_length_dragging_n_changes_the_measured_bits(make):
    ex = make(CodeLengthExplorer, P, REVERSED, n=10, interactive=False)
    first = ex.readout.values["measured"]
    ex.controls["n"].value = 4000
    assert ex.readout.values["measured"] != first
    assert ex.readout.values["measured"] == pytest.approx(2.6, abs=0.05)


def test_code_length_code_for_p_approaches_entropy(make):
    ex = make(CodeLengthExplorer, P, REVERSED, n=4000, interactive=False)
    ex.controls["copy"].click()
    # Huffman for P = (0.1, 0.2, 0.3, 0.4): lengths 3, 3, 2, 1 -> 0.3 + 0.6 + 0.6 + 0.4 = 1.9 bits.
    assert ex.readout.values["expected"] == pytest.approx(1.9, rel=1e-12)
    assert h_by_hand(P) <= ex.readout.values["expected"] < h_by_hand(P) + 1


def test_code_length_shannon_code_uses_ceil_of_surprisal(make):
    ex = make(CodeLengthExplorer, P, REVERSED, interactive=False)
    ex.controls["code"].value = "shannon"
    # ceil(-log2 q) for q = (0.4, 0.3, 0.2, 0.1): 2, 2, 3, 4 -> on P: 0.2 + 0.4 + 0.9 + 1.6 = 3.1.
    assert ex.readout.values["expected"] == pytest.approx(3.1, rel=1e-12)
    assert_readout_matches_recipes(ex)


def test_code_length_blocks_bring_the_expected_length_within_one_over_k(make):
    ex = make(CodeLengthExplorer, (0.9, 0.1), (0.9, 0.1), interactive=False)
    assert ex.readout.values["expected"] == 1.0
    ex.controls["block"].value = 3
    h = h_by_hand((0.9, 0.1))
    assert h <= ex.readout.values["expected"] < h + 1 / 3
    assert_readout_matches_recipes(ex)


def test_code_length_samples_change_only_on_request(make):
    ex = make(CodeLengthExplorer, P, REVERSED, n=300, interactive=False)
    before = ex.readout.values["measured"]
    for n in (3, 4000, 301, 300):  # slider events reuse the same symbols
        ex.controls["n"].value = n
    assert ex.readout.values["measured"] == before
    ex.controls["resample"].click()
    assert ex.seed == 1
    assert ex.readout.values["measured"] == infolib.sample_code_length(P, REVERSED, 300, seed=1)


def test_code_length_note_shows_the_first_codewords(make):
    ex = make(CodeLengthExplorer, (0.5, 0.5), (0.5, 0.5), interactive=False)
    first = infolib.sample_outcomes([0.5, 0.5], 2)
    code = infolib.huffman_code([0.5, 0.5])
    assert f"{first[0] + 1}→{code[int(first[0])]}" in ex.readout.widget.value


def test_code_length_missing_codeword_gives_infinite_bits_and_no_nan(make):
    ex = make(CodeLengthExplorer, P, REVERSED, n=100, interactive=False)
    ex.controls["q4"].value = 0.0  # Q gives outcome 4 probability 0 but P sends it 40% of the time
    assert ex.readout.values["expected"] == math.inf
    assert ex.readout.values["measured"] == math.inf
    assert ex.readout.values["cross"] == math.inf
    assert 3 in infolib.sample_outcomes(P, 8)  # outcome 4 is among the first symbols shown
    assert "4→(no codeword)" in ex.readout.widget.value
    assert_readout_matches_recipes(ex)


def test_code_length_each_change_is_one_render(make):
    ex = make(CodeLengthExplorer, P, REVERSED, interactive=False)
    for control, value in (("n", 50), ("q2", 0.9), ("block", 2), ("code", "shannon")):
        before = ex.live.render_count
        ex.controls[control].value = value
        assert ex.live.render_count == before + 1, control


# --- LossShapeExplorer -------------------------------------------------------------------------------


@pytest.mark.parametrize("q", [0.01, 0.1, 0.5, 0.9])
def test_loss_shape_markers_sit_on_the_three_curves(make, q):
    ex = make(LossShapeExplorer, 0.3, interactive=False)
    ex.controls["q"].value = q
    assert marker_xy(ex.artists["log"]) == pytest.approx((q, -math.log2(q)), rel=1e-12)
    assert marker_xy(ex.artists["linear"]) == pytest.approx((q, 1 - q), rel=1e-12)
    assert marker_xy(ex.artists["squared"]) == pytest.approx((q, (1 - q) ** 2), rel=1e-12)
    assert_readout_matches_recipes(ex)


def test_loss_shape_confident_mistake_costs_6_64_bits_but_at_most_1_otherwise(make):
    ex = make(LossShapeExplorer, 0.01, interactive=False)
    assert ex.readout.values == pytest.approx({"log": math.log2(100), "linear": 0.99, "squared": 0.9801})


def test_loss_shape_at_zero_is_infinite_pinned_and_at_one_is_zero(make):
    ex = make(LossShapeExplorer, 0.5, interactive=False)
    ex.controls["q"].value = 0.0
    assert ex.readout.values == {"log": math.inf, "linear": 1.0, "squared": 1.0}
    assert marker_xy(ex.artists["log"]) == (0.0, LossShapeExplorer.TOP)
    ex.controls["q"].value = 1.0
    assert ex.readout.values == {"log": 0.0, "linear": 0.0, "squared": 0.0}


def test_loss_shape_in_nats_rescales_the_log_curve(make):
    ex = make(LossShapeExplorer, 0.5, interactive=False)
    ex.controls["unit"].value = math.e
    curve = ex.artists["curves"]["log"]
    np.testing.assert_allclose(curve.get_ydata(), -np.log(curve.get_xdata()), rtol=1e-12)
    assert ex.readout.values["log"] == pytest.approx(math.log(2), rel=1e-12)


# --- LogitsExplorer ------------------------------------------------------------------------------------


def softmax_by_hand(z):
    e = np.exp(np.asarray(z) - max(z))
    return e / e.sum()


def test_logits_bars_are_softmax_and_one_hot_target(make):
    ex = make(LogitsExplorer, (2.0, 1.0, 0.0, -1.0), interactive=False)
    np.testing.assert_allclose(bar_heights(ex.artists["softmax_bars"]), softmax_by_hand([2, 1, 0, -1]),
                               rtol=1e-12)
    assert bar_heights(ex.artists["target_bars"]) == [1.0, 0.0, 0.0, 0.0]


def test_logits_gradient_bars_are_q_minus_p_in_bits(make):
    ex = make(LogitsExplorer, (2.0, 1.0, 0.0, -1.0), label=2, interactive=False)
    expected = (softmax_by_hand([2, 1, 0, -1]) - [0, 0, 1, 0]) / math.log(2)
    np.testing.assert_allclose(bar_heights(ex.artists["gradient_bars"]), expected, rtol=1e-12)


def test_logits_in_nats_draws_the_plain_gradient_q_minus_p_and_says_so(make):
    ex = make(LogitsExplorer, (2.0, 1.0, 0.0, -1.0), base=math.e, interactive=False)
    q = softmax_by_hand([2, 1, 0, -1])
    expected = q - [1, 0, 0, 0]
    np.testing.assert_allclose(bar_heights(ex.artists["gradient_bars"]), expected, rtol=1e-12)
    note = ex.readout.widget.value
    assert "gradient q − p (nats)" in note and "ln 2" not in note
    assert f"{expected[0]:+.3f}" in note  # -0.356, the value the notebook prints as q - p
    assert ex.artists["right"].get_ylabel() == "∂ loss / ∂ z (nats)"


def test_logits_in_bits_note_says_the_bars_are_q_minus_p_over_ln_2(make):
    ex = make(LogitsExplorer, (2.0, 1.0, 0.0, -1.0), interactive=False)
    first = (softmax_by_hand([2, 1, 0, -1])[0] - 1) / math.log(2)  # -0.514
    note = ex.readout.widget.value
    assert "gradient (q − p)/ln 2 (bits)" in note
    assert f"{first:+.3f}" in note
    ex.controls["unit"].value = math.e
    assert "gradient q − p (nats)" in ex.readout.widget.value


def test_logits_gradient_bars_match_finite_differences(make):
    ex = make(LogitsExplorer, (0.5, -1.0, 2.0, 0.0), label=1, interactive=False)
    ex.controls["unit"].value = math.e
    p = np.array([0.0, 1.0, 0.0, 0.0])

    def loss(z):
        return float(-np.log(softmax_by_hand(z)) @ p)

    numeric = infolib.finite_difference_gradient(loss, [0.5, -1.0, 2.0, 0.0])
    np.testing.assert_allclose(bar_heights(ex.artists["gradient_bars"]), numeric, atol=1e-6)


def test_logits_one_hot_loss_is_minus_log_q_true(make):
    ex = make(LogitsExplorer, (2.0, 1.0, 0.0, -1.0), interactive=False)
    q = softmax_by_hand([2, 1, 0, -1])
    assert ex.readout.values["loss"] == pytest.approx(-math.log2(q[0]), rel=1e-12)
    assert ex.readout.values["floor"] == 0.0
    assert_readout_matches_recipes(ex)


def test_logits_smoothing_raises_the_floor_to_the_targets_entropy(make):
    ex = make(LogitsExplorer, (2.0, 1.0, 0.0, -1.0), interactive=False)
    ex.controls["smoothing"].value = 0.2  # target (0.85, 0.05, 0.05, 0.05)
    target = [0.85, 0.05, 0.05, 0.05]
    assert ex.readout.values["floor"] == pytest.approx(h_by_hand(target), rel=1e-12)
    q = softmax_by_hand([2, 1, 0, -1])
    assert ex.readout.values["loss"] == pytest.approx(h_by_hand(target, q), rel=1e-12)
    assert ex.readout.values["loss"] > ex.readout.values["floor"]
    assert_readout_matches_recipes(ex)


def test_logits_reaching_the_smoothed_target_leaves_exactly_the_floor(make):
    target = np.array([0.85, 0.05, 0.05, 0.05])
    ex = make(LogitsExplorer, tuple(np.log(target / 0.05)), smoothing=0.2, interactive=False)
    assert ex.readout.values["gap"] == pytest.approx(0.0, abs=1e-12)
    assert ex.readout.values["loss"] == pytest.approx(ex.readout.values["floor"], rel=1e-12)


def test_logits_each_change_is_one_render(make):
    ex = make(LogitsExplorer, interactive=False)
    for control, value in (("z1", -3.0), ("label", 3), ("smoothing", 0.3), ("unit", math.e)):
        before = ex.live.render_count
        ex.controls[control].value = value
        assert ex.live.render_count == before + 1, control


# --- extremes of every main control: no warning (warnings are errors), never nan ----------------------

EXTREMES = [
    (CrossEntropyExplorer, "q1", 0.0),
    (CrossEntropyExplorer, "q1", 1.0),
    (CodeLengthExplorer, "n", 3),
    (CodeLengthExplorer, "n", CodeLengthExplorer.MAX_N),
    (LossShapeExplorer, "q", 0.0),
    (LossShapeExplorer, "q", 1.0),
    (LogitsExplorer, "z1", -LogitsExplorer.Z_RANGE),
    (LogitsExplorer, "z1", LogitsExplorer.Z_RANGE),
]


@pytest.mark.parametrize(("cls", "control", "value"), EXTREMES,
                         ids=[f"{c.__name__}-{v}" for c, _, v in EXTREMES])
def test_main_controls_at_their_ends_give_readouts_that_match_recipes(make, cls, control, value):
    ex = make(cls, interactive=False)
    assert cls.main_control == control
    ex.controls[control].value = value
    assert not any(math.isnan(v) for v in ex.readout.values.values())
    assert_readout_matches_recipes(ex)


@pytest.mark.parametrize("cls", [CrossEntropyExplorer, CodeLengthExplorer, LossShapeExplorer, LogitsExplorer])
def test_main_control_exists_and_figure_saves_as_png(make, cls):
    ex = make(cls, interactive=False)
    assert ex.main_control in ex.controls
    assert ex.live.png()[:4] == b"\x89PNG"


def test_explorer_names_do_not_repeat():
    names = [c.name for c in (CrossEntropyExplorer, CodeLengthExplorer, LossShapeExplorer, LogitsExplorer)]
    assert len(set(names)) == len(names)


# --- the live layer's contracts, for this notebook's explorers ---------------------------------------

SWEEPS = {
    CrossEntropyExplorer: ("q1", [0.9, 0.5, 0.0, 1.0, 0.3]),
    CodeLengthExplorer: ("n", [3, 50, 4000, 700, 10]),
    LossShapeExplorer: ("q", [0.9, 0.01, 0.0, 1.0, 0.4]),
    LogitsExplorer: ("z1", [-6.0, 0.0, 6.0, 1.5]),
}
LIVE = list(SWEEPS)
LIVE_IDS = [cls.__name__ for cls in LIVE]


def pixels(explorer) -> np.ndarray:
    return np.asarray(explorer.live.canvas.get_renderer().buffer_rgba()).copy()


def artist_ids(figure) -> list[int]:
    found = list(figure.get_children())
    for ax in figure.axes:
        found.extend(ax.get_children())
    return [id(artist) for artist in found]


@pytest.mark.parametrize("cls", LIVE, ids=LIVE_IDS)
def test_each_main_control_change_renders_exactly_once(make, cls):
    ex = make(cls)
    name, values = SWEEPS[cls]
    counts = []
    for value in values:
        before = ex.live.render_count
        ex.controls[name].value = value
        counts.append(ex.live.render_count - before)
    assert counts == [1] * len(values)


@pytest.mark.parametrize("cls", [CrossEntropyExplorer, LossShapeExplorer, LogitsExplorer],
                         ids=["CrossEntropyExplorer", "LossShapeExplorer", "LogitsExplorer"])
def test_dragging_after_first_draw_never_redraws_the_whole_figure(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()  # the browser's first draw
    name, values = SWEEPS[cls]
    for value in values:
        ex.controls[name].value = value
    assert (ex.live.render_count, ex.live.full_render_count) == (len(values), 0)


def test_code_length_dragging_n_after_first_draw_never_redraws_the_whole_figure(make):
    # n only moves the marker along a cached curve; the axis limits depend on P and Q alone.
    ex = make(CodeLengthExplorer)
    ex.live.canvas.draw()
    for value in SWEEPS[CodeLengthExplorer][1]:
        ex.controls["n"].value = value
    assert ex.live.full_render_count == 0


@pytest.mark.parametrize("cls", LIVE, ids=LIVE_IDS)
def test_blitted_frame_equals_a_full_redraw(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()
    name, values = SWEEPS[cls]
    for value in values:
        ex.controls[name].value = value
    blitted = pixels(ex)
    ex.live.canvas.draw()
    np.testing.assert_array_equal(blitted, pixels(ex))


@pytest.mark.parametrize("cls", LIVE, ids=LIVE_IDS)
def test_figure_and_artists_are_kept_across_changes(make, cls):
    ex = make(cls)
    figure, before, named = ex.figure, artist_ids(ex.figure), dict(ex.artists)
    name, values = SWEEPS[cls]
    for value in values * 2:
        ex.controls[name].value = value
    if "unit" in ex.controls:
        ex.controls["unit"].value = math.e
        ex.controls["unit"].value = 2.0
    assert ex.figure is figure and artist_ids(ex.figure) == before
    assert all(ex.artists[key] is artist for key, artist in named.items())

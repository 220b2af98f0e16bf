"""What each explorer shows: artists and readouts after driving its controls.

Headless: the explorers build their ipympl canvas but nothing is connected.
Expected values are computed here by hand with ``math``/numpy; every explorer
a test creates is closed by the ``make`` fixture.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from infolib.controls import SEED_DISTRIBUTIONS
from infolib.explorers import (
    POLICY_LOGITS,
    CoinExplorer,
    EntropyExplorer,
    SoftmaxExplorer,
    SurprisalExplorer,
    UniformExplorer,
)

CONFIDENT = "confident policy (0.9, 0.05, 0.025, 0.025)"
# The temperature slider's ends: exponents -1.3 and 1.3 of 10 (about 0.05 and 20).
T_MIN, T_MAX = 10**-1.3, 10**1.3
UNCERTAIN = "uncertain policy (0.3, 0.2, 0.25, 0.25)"


def h_by_hand(p, log=math.log2):
    """-sum p log p over the positive entries, by hand."""
    return -sum(x * log(x) for x in p if x > 0)


def marker_xy(line):
    x, y = line.get_data()
    return float(x[0]), float(y[0])


def bar_heights(bars):
    return [rect.get_height() for rect in bars.patches]


# --- SurprisalExplorer ---------------------------------------------------------------


@pytest.mark.parametrize("p", [0.99, 0.5, 0.1, 0.01])
def test_surprisal_heads_marker_sits_at_p_and_minus_log2_p(make, p):
    ex = make(SurprisalExplorer, 0.3)
    ex.controls["p"].value = p
    assert marker_xy(ex.artists["heads"]) == pytest.approx((p, -math.log2(p)), rel=1e-12)


@pytest.mark.parametrize("p", [0.99, 0.5, 0.1, 0.01])
def test_surprisal_tails_marker_sits_at_one_minus_p(make, p):
    ex = make(SurprisalExplorer, 0.3)
    ex.controls["p"].value = p
    assert marker_xy(ex.artists["tails"]) == pytest.approx((1 - p, -math.log2(1 - p)), rel=1e-12)


def test_surprisal_impossible_heads_is_infinite_and_pinned_to_axis_top(make):
    ex = make(SurprisalExplorer, 0.5)
    ex.controls["p"].value = 0.0
    assert ex.readout.values["heads"] == math.inf
    assert ex.artists["axes"].get_ylim()[1] == 10.0
    assert marker_xy(ex.artists["heads"]) == (0.0, 10.0)


def test_surprisal_impossible_tails_is_infinite_and_pinned_to_axis_top(make):
    ex = make(SurprisalExplorer, 0.5)
    ex.controls["p"].value = 1.0
    assert ex.readout.values == {"heads": 0.0, "tails": math.inf, "entropy": 0.0}
    assert marker_xy(ex.artists["tails"]) == (0.0, 10.0)


def test_surprisal_axis_starts_below_zero_so_a_likely_face_clears_the_tick_labels(make):
    ex = make(SurprisalExplorer, 0.99)
    bottom, top = ex.artists["axes"].get_ylim()
    assert (bottom, top) == pytest.approx((-0.5, 10.0))
    # heads sits at -log2 0.99 = 0.0145 bits: half a bit above the frame's bottom edge.
    assert marker_xy(ex.artists["heads"])[1] - bottom == pytest.approx(0.5 - math.log2(0.99), rel=1e-12)


def test_surprisal_readout_values_are_both_surprisals_and_their_average(make):
    ex = make(SurprisalExplorer, 0.5)
    ex.controls["p"].value = 0.2
    expected = {
        "heads": -math.log2(0.2),
        "tails": -math.log2(0.8),
        "entropy": 0.2 * -math.log2(0.2) + 0.8 * -math.log2(0.8),
    }
    assert ex.readout.values == pytest.approx(expected, rel=1e-12)


def test_surprisal_in_nats_converts_readout_and_relabels_axis(make):
    ex = make(SurprisalExplorer, 0.25)
    ex.controls["unit"].value = math.e
    assert ex.readout.values["heads"] == pytest.approx(-math.log(0.25), rel=1e-12)
    assert "nats" in ex.artists["axes"].get_ylabel()
    assert "<b>1.386 nats</b>" in ex.readout.widget.value


def test_surprisal_in_nats_rescales_curve_and_axis_top(make):
    ex = make(SurprisalExplorer, 0.25)
    ex.controls["unit"].value = math.e
    curve = ex.artists["curve"]
    np.testing.assert_allclose(curve.get_ydata(), -np.log(curve.get_xdata()), rtol=1e-12)
    assert ex.artists["axes"].get_ylim() == pytest.approx((-0.5 * math.log(2), 10 * math.log(2)))


# --- EntropyExplorer -----------------------------------------------------------------------


def test_entropy_points_are_probabilities_and_their_terms(make):
    ex = make(EntropyExplorer, (1.0, 0.5, 0.5))
    p = [0.5, 0.25, 0.25]
    x, y = ex.artists["points"].get_data()
    np.testing.assert_allclose(x, p, rtol=1e-12)
    np.testing.assert_allclose(y, [0.5, 0.5, 0.5], rtol=1e-12)


def test_entropy_bar_heights_are_contributions(make):
    ex = make(EntropyExplorer, (0.1, 0.2, 0.3, 0.4))
    ex.controls["w2"].value = 0.6  # weights 0.1, 0.6, 0.3, 0.4 -> total 1.4
    p = np.array([0.1, 0.6, 0.3, 0.4]) / 1.4
    expected = [-x * math.log2(x) for x in p] + [0.0] * 4
    np.testing.assert_allclose(bar_heights(ex.artists["bars"]), expected, rtol=1e-12, atol=0)


def test_entropy_bar_heights_sum_to_readout_entropy(make):
    ex = make(EntropyExplorer, (0.1, 0.2, 0.3, 0.4))
    ex.controls["w3"].value = 0.9
    total = sum(bar_heights(ex.artists["bars"]))
    p = np.array([0.1, 0.2, 0.9, 0.4]) / 1.6
    assert total == pytest.approx(h_by_hand(p), rel=1e-12)
    assert ex.readout.values["bits"] == pytest.approx(h_by_hand(p), rel=1e-12)


def test_entropy_bars_beyond_n_outcomes_are_hidden(make):
    ex = make(EntropyExplorer, (0.5, 0.25, 0.25))
    assert [r.get_visible() for r in ex.artists["bars"].patches] == [True] * 3 + [False] * 5


def test_entropy_fair_die_preset_has_six_outcomes_and_log2_6_bits(make):
    ex = make(EntropyExplorer)
    ex.controls["preset"].value = "fair die"
    assert ex.editor.value == pytest.approx([1 / 6] * 6)
    assert ex.controls["outcomes"].value == 6
    assert ex.readout.values["bits"] == pytest.approx(math.log2(6), rel=1e-12)


def test_entropy_confident_policy_preset_is_0_619_bits(make):
    ex = make(EntropyExplorer)
    ex.controls["preset"].value = CONFIDENT
    by_hand = h_by_hand([0.9, 0.05, 0.025, 0.025])
    assert ex.readout.values["bits"] == pytest.approx(by_hand, rel=1e-12)
    assert round(ex.readout.values["bits"], 3) == 0.619


def test_entropy_reset_restores_initial_weights(make):
    ex = make(EntropyExplorer, (0.1, 0.2, 0.3, 0.4))
    ex.controls["preset"].value = "fair die"
    ex.controls["w1"].value = 0.9
    ex.controls["reset"].click()
    assert [s.value for s in ex.editor.sliders] == [0.1, 0.2, 0.3, 0.4, 0, 0, 0, 0]
    assert ex.editor.value == pytest.approx([0.1, 0.2, 0.3, 0.4])
    assert ex.readout.values["bits"] == pytest.approx(h_by_hand([0.1, 0.2, 0.3, 0.4]), rel=1e-12)


def test_entropy_dragging_after_a_preset_lets_the_same_preset_reload(make):
    ex = make(EntropyExplorer)
    ex.controls["preset"].value = "fair die"
    ex.controls["w1"].value = 0.0
    assert ex.controls["preset"].value == "(your own)"
    ex.controls["preset"].value = "fair die"
    assert ex.editor.value == pytest.approx([1 / 6] * 6)


def test_entropy_outcomes_slider_drops_the_last_outcomes(make):
    ex = make(EntropyExplorer, (0.1, 0.2, 0.3, 0.4))
    ex.controls["outcomes"].value = 2
    assert ex.editor.value == pytest.approx([1 / 3, 2 / 3])
    assert [r.get_visible() for r in ex.artists["bars"].patches] == [True] * 2 + [False] * 6
    assert ex.artists["right"].get_xlim() == pytest.approx((-0.6, 1.6))
    assert ex.readout.values["max"] == pytest.approx(1.0)


def test_entropy_is_zero_when_one_weight_remains(make):
    ex = make(EntropyExplorer, (0.1, 0.2, 0.3, 0.4))
    for name in ("w1", "w2", "w4"):
        ex.controls[name].value = 0.0
    assert ex.editor.value == (0.0, 0.0, 1.0, 0.0)
    assert ex.readout.values["bits"] == 0.0
    assert bar_heights(ex.artists["bars"]) == [0.0] * 8


def test_entropy_all_weights_zero_keeps_last_distribution_and_says_so(make):
    ex = make(EntropyExplorer, (0.5, 0.5))
    ex.controls["w1"].value = 0.0
    ex.controls["w2"].value = 0.0
    assert ex.editor.value == (0.0, 1.0)
    assert ex.readout.values["bits"] == 0.0
    assert "All weights are zero" in ex.editor.status.value


def test_entropy_in_nats_converts_readout_and_relabels_both_axes(make):
    ex = make(EntropyExplorer, (0.5, 0.25, 0.25))
    ex.controls["unit"].value = math.e
    assert ex.readout.values["entropy"] == pytest.approx(1.5 * math.log(2), rel=1e-12)
    assert "nats" in ex.artists["left"].get_ylabel()
    assert "nats" in ex.artists["right"].get_ylabel()
    np.testing.assert_allclose(bar_heights(ex.artists["bars"])[:3], [0.5 * math.log(2)] * 3, rtol=1e-12)


def test_entropy_title_states_the_sum_of_the_bars(make):
    ex = make(EntropyExplorer, (0.5, 0.5))
    assert ex.artists["title"].get_text() == "bar heights add up to H = 1.000 bits"


# --- CoinExplorer ---------------------------------------------------------------------


@pytest.mark.parametrize("p", [0.5, 0.99, 0.2])
def test_coin_marker_sits_on_binary_entropy_curve(make, p):
    ex = make(CoinExplorer, 0.3)
    ex.controls["p"].value = p
    h = -p * math.log2(p) - (1 - p) * math.log2(1 - p)
    assert marker_xy(ex.artists["marker"]) == pytest.approx((p, h), rel=1e-12)
    assert ex.readout.values["entropy"] == pytest.approx(h, rel=1e-12)


def test_coin_bars_are_heads_and_tails_probabilities(make):
    ex = make(CoinExplorer, 0.5)
    ex.controls["p"].value = 0.3
    assert bar_heights(ex.artists["bars"]) == pytest.approx([0.3, 0.7])


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_coin_certain_outcome_has_zero_entropy(make, p):
    ex = make(CoinExplorer, 0.5)
    ex.controls["p"].value = p
    assert ex.readout.values["entropy"] == 0.0
    assert marker_xy(ex.artists["marker"]) == (p, 0.0)


def test_coin_in_nats_fair_coin_is_ln_2(make):
    ex = make(CoinExplorer, 0.5)
    ex.controls["unit"].value = math.e
    assert ex.readout.values["entropy"] == pytest.approx(math.log(2), rel=1e-12)
    assert "nats" in ex.artists["left"].get_ylabel()


# --- UniformExplorer --------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 6, 17, 32])
def test_uniform_entropy_is_log2_n(make, n):
    ex = make(UniformExplorer, 3)
    ex.controls["n"].value = n
    assert ex.readout.values["entropy"] == pytest.approx(math.log2(n), rel=1e-12, abs=1e-15)
    assert marker_xy(ex.artists["marker"]) == pytest.approx((n, math.log2(n)), rel=1e-12, abs=1e-15)


def test_uniform_extremes_are_zero_and_five_bits(make):
    ex = make(UniformExplorer, 6)
    ex.controls["n"].value = 1
    assert ex.readout.values["entropy"] == 0.0
    ex.controls["n"].value = 32
    assert ex.readout.values["entropy"] == pytest.approx(5.0, rel=1e-14)


def test_uniform_bars_are_one_over_n_for_the_first_n(make):
    ex = make(UniformExplorer, 6)
    ex.controls["n"].value = 5
    assert bar_heights(ex.artists["bars"]) == pytest.approx([0.2] * 5 + [0.0] * 27)


def test_uniform_in_nats_is_ln_n(make):
    ex = make(UniformExplorer, 8)
    ex.controls["unit"].value = math.e
    assert ex.readout.values["entropy"] == pytest.approx(math.log(8), rel=1e-12)
    assert "nats" in ex.artists["right"].get_ylabel()


# --- SoftmaxExplorer -------------------------------------------------------------------------


def softmax_by_hand(logits, t):
    z = np.asarray(logits) / t
    e = np.exp(z - z.max())
    return e / e.sum()


@pytest.mark.parametrize(("name", "bits"), [(CONFIDENT, 0.619), (UNCERTAIN, 1.985)])
def test_softmax_seed_policies_at_t_1(make, name, bits):
    ex = make(SoftmaxExplorer, name)
    policy = SEED_DISTRIBUTIONS[name]
    assert ex.readout.values["entropy"] == pytest.approx(h_by_hand(policy), rel=1e-9)
    assert round(ex.readout.values["entropy"], 3) == bits


@pytest.mark.parametrize("t", [T_MIN, 0.3, 1.0, 4.0, T_MAX])
def test_softmax_bars_are_the_policy_at_temperature(make, t):
    ex = make(SoftmaxExplorer, "logits (2, 1, 0, -1)", temperature=2.0)
    ex.controls["temperature"].value = t
    policy = softmax_by_hand([2, 1, 0, -1], t)
    np.testing.assert_allclose(bar_heights(ex.artists["bars"]), policy, rtol=1e-9, atol=1e-300)
    assert marker_xy(ex.artists["marker"]) == pytest.approx((t, h_by_hand(policy)), rel=1e-9)


def test_softmax_lowest_temperature_is_almost_greedy(make):
    ex = make(SoftmaxExplorer, CONFIDENT)
    ex.controls["temperature"].value = T_MIN
    policy = softmax_by_hand(POLICY_LOGITS[CONFIDENT], T_MIN)
    assert ex.readout.values["entropy"] == pytest.approx(h_by_hand(policy), rel=1e-6)
    assert 0 < ex.readout.values["entropy"] < 1e-20


def test_softmax_highest_temperature_is_almost_uniform(make):
    ex = make(SoftmaxExplorer, CONFIDENT)
    ex.controls["temperature"].value = T_MAX
    policy = softmax_by_hand(POLICY_LOGITS[CONFIDENT], T_MAX)
    assert ex.readout.values["entropy"] == pytest.approx(h_by_hand(policy), rel=1e-12)
    assert 1.9 < ex.readout.values["entropy"] < 2.0


def test_softmax_curve_is_entropy_against_temperature(make):
    ex = make(SoftmaxExplorer, UNCERTAIN)
    curve = ex.artists["curve"]
    expected = [h_by_hand(softmax_by_hand(POLICY_LOGITS[UNCERTAIN], t)) for t in curve.get_xdata()]
    np.testing.assert_allclose(curve.get_ydata(), expected, rtol=1e-9)


def test_softmax_in_nats_converts_readout_and_relabels_axis(make):
    ex = make(SoftmaxExplorer, UNCERTAIN)
    ex.controls["unit"].value = math.e
    by_hand = h_by_hand([0.3, 0.2, 0.25, 0.25], log=math.log)
    assert ex.readout.values["entropy"] == pytest.approx(by_hand, rel=1e-9)
    assert "nats" in ex.artists["right"].get_ylabel()
    assert ex.artists["right"].get_ylim()[1] == pytest.approx(1.1 * math.log(4))


# --- extremes: no warning (warnings are errors), finite or inf as appropriate ------------------

EXTREMES = [
    (SurprisalExplorer, "p", 0.0, {"heads": math.inf, "tails": 0.0, "entropy": 0.0}),
    (SurprisalExplorer, "p", 1.0, {"heads": 0.0, "tails": math.inf, "entropy": 0.0}),
    (CoinExplorer, "p", 0.0, {"entropy": 0.0}),
    (CoinExplorer, "p", 1.0, {"entropy": 0.0}),
    (UniformExplorer, "n", 1, {"entropy": 0.0}),
    (UniformExplorer, "n", 32, {"entropy": 5.0}),
    (SoftmaxExplorer, "temperature", T_MIN, None),
    (SoftmaxExplorer, "temperature", T_MAX, None),
]


@pytest.mark.parametrize(("cls", "control", "value", "expected"), EXTREMES,
                         ids=[f"{c.__name__}-{v}" for c, _, v, _ in EXTREMES])
def test_extreme_control_values_give_exact_limits(make, cls, control, value, expected):
    ex = make(cls)
    ex.controls[control].value = value
    if expected is None:  # softmax: finite, within [0, log2 4]
        (h,) = ex.readout.values.values()
        assert math.isfinite(h) and 0 <= h <= 2
    else:
        assert ex.readout.values == pytest.approx(expected, rel=1e-14)


def test_one_hot_preset_has_zero_entropy_and_finite_readouts(make):
    ex = make(EntropyExplorer)
    ex.controls["preset"].value = "one-hot (certain outcome)"
    assert ex.readout.values == pytest.approx({"entropy": 0.0, "bits": 0.0, "nats": 0.0, "max": 2.0})

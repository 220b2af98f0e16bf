"""Notebook 03's explorers, headless: artists and readouts against values computed here by hand.

Expected values use ``math`` directly (``p log2(p/q)`` term by term), scipy for the Gaussian
densities, and brute force where an optimum is involved.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from infolib.explorers import (
    KL_PRESETS,
    ExtraBitsExplorer,
    GaussianFitExplorer,
    KLAsymmetryExplorer,
    LikelihoodRatioExplorer,
    LogitFitExplorer,
)
from infolib.explorers.kl_divergence import FIT_TARGETS
from infolib.sampling import sample_outcomes

SEED_P, UNIFORM = [0.1, 0.2, 0.3, 0.4], [0.25] * 4


def terms_by_hand(p, q, log=math.log2):
    """p log(p/q) per outcome: 0 where p = 0, inf where q = 0 < p."""
    return [0.0 if a == 0 else (math.inf if b == 0 else a * log(a / b)) for a, b in zip(p, q, strict=True)]


def kl_by_hand(p, q, log=math.log2):
    return sum(terms_by_hand(p, q, log))


def heights(bars, n=None):
    values = [rect.get_height() for rect in bars.patches]
    return values[:n] if n is not None else values


# --- KLAsymmetryExplorer ------------------------------------------------------------------


def test_asymmetry_readouts_are_both_directions_of_seed_000(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    values = ex.readout.values
    assert values["forward"] == pytest.approx(kl_by_hand(SEED_P, UNIFORM), rel=1e-12)
    assert values["reverse"] == pytest.approx(kl_by_hand(UNIFORM, SEED_P), rel=1e-12)
    assert values["gap"] == pytest.approx(kl_by_hand(UNIFORM, SEED_P) - kl_by_hand(SEED_P, UNIFORM), rel=1e-9)
    assert round(values["forward"], 4) == 0.1536 and round(values["reverse"], 4) == 0.1757


def test_asymmetry_contribution_bars_are_the_terms_and_some_are_negative(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    forward = heights(ex.artists["forward_terms"], 4)
    reverse = heights(ex.artists["reverse_terms"], 4)
    np.testing.assert_allclose(forward, terms_by_hand(SEED_P, UNIFORM), rtol=1e-12)
    np.testing.assert_allclose(reverse, terms_by_hand(UNIFORM, SEED_P), rtol=1e-12)
    assert min(forward) < 0 and min(reverse) < 0
    assert sum(forward) == pytest.approx(ex.readout.values["forward"], rel=1e-12)
    assert sum(reverse) == pytest.approx(ex.readout.values["reverse"], rel=1e-12)


def test_asymmetry_probability_bars_show_p_and_q(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    ex.controls["p2"].value = 0.6  # P weights 0.1, 0.6, 0.3, 0.4 -> total 1.4
    np.testing.assert_allclose(heights(ex.artists["p_bars"], 4), np.array([0.1, 0.6, 0.3, 0.4]) / 1.4)
    np.testing.assert_allclose(heights(ex.artists["q_bars"], 4), UNIFORM)
    assert [r.get_visible() for r in ex.artists["p_bars"].patches] == [True] * 4 + [False] * 4


def test_asymmetry_total_bars_and_the_larger_one_is_outlined(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    forward, reverse = heights(ex.artists["totals"])
    assert (forward, reverse) == pytest.approx((kl_by_hand(SEED_P, UNIFORM), kl_by_hand(UNIFORM, SEED_P)))
    widths = [rect.get_linewidth() for rect in ex.artists["totals"].patches]
    assert widths[0] == 0 and widths[1] > 0
    assert ex.artists["verdict"].get_text().startswith("KL(Q‖P) is larger\nby 0.022 bits")


def test_asymmetry_identical_p_and_q_give_exactly_zero(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    ex.controls["copy"].click()
    assert ex.readout.values == {"forward": 0.0, "reverse": 0.0, "gap": 0.0}
    assert heights(ex.artists["forward_terms"], 4) == [0.0] * 4
    assert "equal" in ex.artists["verdict"].get_text()


def test_asymmetry_zero_in_q_gives_infinity_shown_as_such(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    ex.controls["preset"].value = "Q rules out what P can do (∞)"
    p, q = KL_PRESETS["Q rules out what P can do (∞)"]
    assert ex.readout.values["forward"] == math.inf
    assert ex.readout.values["reverse"] == pytest.approx(kl_by_hand(q, p), rel=1e-12)
    assert ex.readout.values["gap"] == -math.inf
    assert "∞ bits" in ex.readout.widget.value and "nan" not in ex.readout.widget.value
    top = ex.artists["terms"].get_ylim()[1]
    assert heights(ex.artists["forward_terms"])[2] == top
    assert ex.artists["term_marks"][2].get_text() == "∞"
    assert ex.artists["total_labels"][0].get_text() == "∞"
    assert "probability 0" in ex.readout.widget.value


def test_asymmetry_both_infinite_leaves_out_the_undefined_gap(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    ex.editor.set_weights([1.0, 0.0], [0.0, 1.0])
    assert ex.readout.values == {"forward": math.inf, "reverse": math.inf}
    assert "undefined" in ex.readout.widget.value
    assert ex.artists["verdict"].get_text() == "both directions are infinite"


def test_asymmetry_factor_ten_preset_differs_tenfold(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    ex.controls["preset"].value = "Q almost rules out what P often does (×10)"
    p, q = KL_PRESETS["Q almost rules out what P often does (×10)"]
    forward, reverse = ex.readout.values["forward"], ex.readout.values["reverse"]
    assert forward == pytest.approx(kl_by_hand(p, q), rel=1e-9)
    assert forward >= 10 * reverse


def test_asymmetry_in_nats(make):
    ex = make(KLAsymmetryExplorer, interactive=False)
    ex.controls["unit"].value = math.e
    assert ex.readout.values["forward"] == pytest.approx(kl_by_hand(SEED_P, UNIFORM, math.log), rel=1e-12)
    assert "nats" in ex.artists["terms"].get_ylabel()


@pytest.mark.parametrize("control, value", [("p1", 0.9), ("q3", 0.05), ("preset", "negative contributions"),
                                            ("outcomes", 3), ("unit", math.e)])
def test_asymmetry_one_render_per_change(make, control, value):
    ex = make(KLAsymmetryExplorer, interactive=False)
    before = ex.live.render_count
    ex.controls[control].value = value
    assert ex.live.render_count == before + 1


@pytest.mark.parametrize("end", [0.0, 1.0])
def test_asymmetry_main_slider_at_its_ends_gives_no_nan(make, end):
    ex = make(KLAsymmetryExplorer, interactive=False)
    ex.controls["q1"].value = 0.0
    ex.controls[ex.main_control].value = end
    assert not any(math.isnan(v) for v in ex.readout.values.values())
    assert "nan" not in ex.readout.widget.value


# --- ExtraBitsExplorer --------------------------------------------------------------------


def test_extra_bits_readouts_add_up(make):
    ex = make(ExtraBitsExplorer, interactive=False)
    h = -sum(x * math.log2(x) for x in SEED_P)
    values = ex.readout.values
    assert values["entropy"] == pytest.approx(h, rel=1e-12)
    assert values["kl"] == pytest.approx(kl_by_hand(SEED_P, UNIFORM), rel=1e-12)
    assert values["cross"] == pytest.approx(2.0, rel=1e-12)  # -sum p log2(1/4) = 2 bits
    assert values["entropy"] + values["kl"] == pytest.approx(values["cross"], rel=1e-12)


def test_extra_bits_stacked_bar_sits_on_the_entropy(make):
    ex = make(ExtraBitsExplorer, interactive=False)
    ex.controls["q2"].value = 0.7  # Q weights 0.25, 0.7, 0.25, 0.25 -> total 1.45
    q = np.array([0.25, 0.7, 0.25, 0.25]) / 1.45
    h_p = -sum(x * math.log2(x) for x in SEED_P)
    h_q = -sum(x * math.log2(x) for x in q)
    bottoms = heights(ex.artists["entropy_bars"])
    assert bottoms == pytest.approx([h_p, h_q], rel=1e-12)
    kl_rects = ex.artists["kl_bars"].patches
    assert [r.get_y() for r in kl_rects] == pytest.approx([h_p, h_q], rel=1e-12)
    assert [r.get_height() for r in kl_rects] == pytest.approx([kl_by_hand(SEED_P, q), kl_by_hand(q, SEED_P)],
                                                               rel=1e-12)


def test_extra_bits_code_lengths_are_surprisals(make):
    ex = make(ExtraBitsExplorer, interactive=False)
    np.testing.assert_allclose(heights(ex.artists["own_lengths"], 4), [-math.log2(x) for x in SEED_P])
    np.testing.assert_allclose(heights(ex.artists["model_lengths"], 4), [2.0] * 4)


def test_extra_bits_missing_code_word_is_infinite_without_warning(make):
    ex = make(ExtraBitsExplorer, interactive=False)
    ex.controls["q1"].value = 0.0
    assert ex.readout.values["kl"] == math.inf and ex.readout.values["cross"] == math.inf
    top = ex.artists["right"].get_ylim()[1]
    rect = ex.artists["kl_bars"].patches[0]
    assert rect.get_y() + rect.get_height() == pytest.approx(top)
    assert "∞" in ex.artists["title"].get_text()


def test_extra_bits_one_render_per_change(make):
    ex = make(ExtraBitsExplorer, interactive=False)
    for control, value in (("q1", 0.5), ("p3", 0.1), ("preset", "Q = P"), ("unit", 10.0)):
        before = ex.live.render_count
        ex.controls[control].value = value
        assert ex.live.render_count == before + 1, control


# --- LikelihoodRatioExplorer --------------------------------------------------------------


def average_by_hand(p, q, n, seed):
    x = sample_outcomes(p, n, seed=seed)
    return sum(math.log2(p[i] / q[i]) for i in x) / n


def test_sampler_average_is_the_mean_log_ratio_of_the_samples(make):
    ex = make(LikelihoodRatioExplorer, interactive=False)
    ex.controls["n"].value = 250
    assert ex.readout.values["average"] == pytest.approx(average_by_hand(SEED_P, UNIFORM, 250, 0), rel=1e-12)
    assert ex.readout.values["other_way"] == pytest.approx(-ex.readout.values["average"], rel=1e-12)
    assert ex.readout.values["kl"] == pytest.approx(kl_by_hand(SEED_P, UNIFORM), rel=1e-12)
    assert ex.readout.values["reverse"] == pytest.approx(kl_by_hand(UNIFORM, SEED_P), rel=1e-12)


def test_sampler_markers_sit_on_the_curves_at_n(make):
    ex = make(LikelihoodRatioExplorer, interactive=False)
    ex.controls["n"].value = 1234
    x, y = ex.artists["forward_marker"].get_data()
    assert (x[0], y[0]) == pytest.approx((1234, ex.readout.values["average"]))
    assert ex.artists["forward"].get_ydata()[1233] == ex.readout.values["average"]


def test_sampler_converges_to_kl_and_the_other_way_does_not_estimate_the_reverse(make):
    ex = make(LikelihoodRatioExplorer, interactive=False)
    ex.controls["n"].value = ex.MAX_N
    values = ex.readout.values
    assert values["average"] == pytest.approx(values["kl"], abs=0.02)
    assert abs(values["other_way"] - values["reverse"]) > 0.25


def test_sampler_moving_n_does_not_redraw_the_curves(make):
    ex = make(LikelihoodRatioExplorer, interactive=False)
    ex.controls["n"].value = 10
    full = ex.live.full_render_count
    for n in (20, 400, 4000):
        before = ex.live.render_count
        ex.controls["n"].value = n
        assert ex.live.render_count == before + 1
    assert ex.live.full_render_count == full


def test_sampler_new_sample_changes_the_seed_and_the_average(make):
    ex = make(LikelihoodRatioExplorer, interactive=False)
    before = ex.readout.values["average"]
    ex.controls["resample"].click()
    assert ex.seed == 1
    assert ex.readout.values["average"] == pytest.approx(average_by_hand(SEED_P, UNIFORM, 100, 1), rel=1e-12)
    assert ex.readout.values["average"] != before


def test_sampler_other_pair(make):
    ex = make(LikelihoodRatioExplorer, interactive=False)
    ex.controls["pair"].value = "a fair coin against a 0.9 / 0.1 coin"
    assert ex.readout.values["kl"] == pytest.approx(kl_by_hand([0.5, 0.5], [0.9, 0.1]), rel=1e-12)


@pytest.mark.parametrize("n", [1, LikelihoodRatioExplorer.MAX_N])
def test_sampler_ends_of_n_give_finite_values(make, n):
    ex = make(LikelihoodRatioExplorer, interactive=False)
    ex.controls["n"].value = n
    assert all(math.isfinite(v) for v in ex.readout.values.values())


# --- GaussianFitExplorer ------------------------------------------------------------------


def test_fit_forward_is_the_mixture_moments(make):
    ex = make(GaussianFitExplorer, separation=4.0, weight=0.7, interactive=False)
    mean = 0.7 * -2 + 0.3 * 2
    std = math.sqrt(0.7 * (1 + 4) + 0.3 * (1 + 4) - mean**2)
    assert (ex.fits["forward"].mean, ex.fits["forward"].std) == pytest.approx((mean, std), abs=1e-6)


def test_fit_curves_are_the_densities(make):
    ex = make(GaussianFitExplorer, separation=6.0, weight=0.5, interactive=False)
    x = ex.artists["p"].get_xdata()
    expected_p = 0.5 * stats.norm.pdf(x, -3, 1) + 0.5 * stats.norm.pdf(x, 3, 1)
    np.testing.assert_allclose(ex.artists["p"].get_ydata(), expected_p, rtol=1e-9, atol=1e-300)
    fit = ex.fits["reverse"]
    np.testing.assert_allclose(ex.artists["reverse"].get_ydata(), stats.norm.pdf(x, fit.mean, fit.std),
                               rtol=1e-9, atol=1e-300)


def test_fit_reverse_picks_one_peak_when_apart_and_shows_the_other(make):
    ex = make(GaussianFitExplorer, separation=6.0, weight=0.5, interactive=False)
    reverse = ex.fits["reverse"]
    assert abs(reverse.mean) == pytest.approx(3.0, abs=0.05) and reverse.std == pytest.approx(1.0, abs=0.05)
    other = ex.artists["local0"].get_ydata()
    assert np.isfinite(other).all()
    assert ex.readout.values["reverse"] == pytest.approx(1.0, abs=0.01)  # one peak of two: about 1 bit


def test_fit_reverse_has_one_optimum_when_peaks_merge(make):
    ex = make(GaussianFitExplorer, separation=1.0, weight=0.5, interactive=False)
    assert len(ex.fits["reverse"].local_optima) == 1
    assert np.isnan(ex.artists["local0"].get_ydata()).all()


def test_fit_one_render_per_change(make):
    ex = make(GaussianFitExplorer, interactive=False)
    for control, value in (("separation", 3.0), ("weight", 0.8), ("unit", math.e)):
        before = ex.live.render_count
        ex.controls[control].value = value
        assert ex.live.render_count == before + 1, control


@pytest.mark.parametrize("end", [0.0, 8.0])
def test_fit_separation_ends_give_finite_readouts(make, end):
    ex = make(GaussianFitExplorer, interactive=False)
    ex.controls["separation"].value = end
    assert all(math.isfinite(v) for v in ex.readout.values.values())
    if end == 0.0:
        assert ex.readout.values["forward"] == pytest.approx(0.0, abs=1e-9)


# --- LogitFitExplorer ---------------------------------------------------------------------


def descend_by_hand(p, steps, rate):
    """Logits after each plain gradient step on -sum p log softmax(z), from zeros."""
    z = np.zeros(len(p))
    history = [z.copy()]
    for _ in range(steps):
        q = np.exp(z - z.max())
        q /= q.sum()
        z = z - rate * (q - np.asarray(p))
        history.append(z.copy())
    return history


def test_training_q_at_a_step_is_the_hand_descent(make):
    ex = make(LogitFitExplorer, interactive=False)
    ex.controls["step"].value = 7
    p = FIT_TARGETS["P = (0.6, 0.25, 0.1, 0.05)"]
    z = descend_by_hand(p, 7, ex.LEARNING_RATE)[-1]
    q = np.exp(z) / np.exp(z).sum()
    np.testing.assert_allclose(heights(ex.artists["q_bars"]), q, rtol=1e-12)
    ce = -sum(a * math.log(b) for a, b in zip(p, q, strict=True))
    assert ex.readout.values["cross"] == pytest.approx(ce, rel=1e-12)
    assert ex.readout.values["kl"] == pytest.approx(ce - ex.readout.values["entropy"], rel=1e-9)


def test_training_curves_differ_by_the_entropy_of_p_at_every_step(make):
    ex = make(LogitFitExplorer, interactive=False)
    p = FIT_TARGETS["P = (0.6, 0.25, 0.1, 0.05)"]
    h = -sum(a * math.log(a) for a in p)
    gap = ex.artists["ce_curve"].get_ydata() - ex.artists["kl_curve"].get_ydata()
    np.testing.assert_allclose(gap, h, rtol=1e-12)
    assert "bit for bit" in ex.readout.widget.value


def test_training_one_hot_target_makes_the_two_losses_equal(make):
    ex = make(LogitFitExplorer, interactive=False)
    ex.controls["target"].value = "one-hot P = (0, 1, 0, 0)"
    ex.controls["step"].value = ex.STEPS
    assert ex.readout.values["entropy"] == 0.0
    assert ex.readout.values["cross"] == ex.readout.values["kl"]


def test_training_moving_the_step_is_one_blit(make):
    ex = make(LogitFitExplorer, interactive=False)
    ex.controls["step"].value = 3
    full = ex.live.full_render_count
    for step in (10, 0, ex.STEPS):
        before = ex.live.render_count
        ex.controls["step"].value = step
        assert ex.live.render_count == before + 1
    assert ex.live.full_render_count == full


def test_fit_revisited_setting_is_not_refitted_and_draws_the_same(make, monkeypatch):
    import infolib.explorers.kl_divergence as module

    calls = []
    real = module.fit_gaussian_to_mixture
    monkeypatch.setattr(module, "fit_gaussian_to_mixture",
                        lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    ex = make(GaussianFitExplorer, separation=6.0, weight=0.5, interactive=False)
    first = ex.artists["reverse"].get_ydata().copy()
    ex.controls["separation"].value = 2.0
    ex.controls["separation"].value = 6.0
    assert len(calls) == 4  # two settings, two directions each; the return to 6.0 is cached
    np.testing.assert_array_equal(ex.artists["reverse"].get_ydata(), first)
    assert ex.readout.values["reverse"] == pytest.approx(1.0, abs=0.01)
    ex.controls["unit"].value = math.e  # another unit is another setting: refitted in nats
    assert len(calls) == 6
    assert ex.readout.values["reverse"] == pytest.approx(math.log(2), abs=0.01)

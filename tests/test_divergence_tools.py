"""KL as an expected log-likelihood ratio, and KL's failure of the triangle inequality."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import infolib
from infolib import (
    find_kl_triangle_violation,
    fit_logits,
    kl_gap,
    kl_triangle_excess,
    log_likelihood_ratio_path,
    mean_log_likelihood_ratio,
)
from infolib.sampling import sample_outcomes

P = [0.1, 0.2, 0.3, 0.4]
Q = [0.25, 0.25, 0.25, 0.25]


def test_samples_follow_the_distribution():
    x = sample_outcomes(P, 200_000, seed=3)
    np.testing.assert_allclose(np.bincount(x, minlength=4) / len(x), P, atol=0.005)


def test_samples_of_a_shorter_run_are_a_prefix_of_the_longer_run():
    np.testing.assert_array_equal(sample_outcomes(P, 50, seed=7), sample_outcomes(P, 500, seed=7)[:50])


def test_impossible_outcomes_are_never_drawn():
    assert not (sample_outcomes([0.5, 0.0, 0.5, 0.0], 10_000, seed=0) % 2).any()


def test_path_is_the_running_mean_of_log_ratios_by_hand():
    x = sample_outcomes(P, 20, seed=5)
    scores = [math.log2(P[i] / Q[i]) for i in x]
    expected = np.cumsum(scores) / np.arange(1, 21)
    np.testing.assert_allclose(log_likelihood_ratio_path(P, Q, 20, seed=5), expected, rtol=1e-12)


def test_average_converges_to_kl_p_q():
    assert mean_log_likelihood_ratio(P, Q, 200_000, seed=1) == pytest.approx(infolib.kl_divergence(P, Q),
                                                                           abs=0.005)


def test_same_samples_scored_the_other_way_estimate_minus_kl_p_q_not_kl_q_p():
    other_way = mean_log_likelihood_ratio(Q, P, 200_000, samples_from=P, seed=1)
    assert other_way == pytest.approx(-infolib.kl_divergence(P, Q), abs=0.005)
    assert abs(other_way - infolib.kl_divergence(Q, P)) > 0.3


def test_samples_from_q_scored_with_log_q_over_p_estimate_kl_q_p():
    estimate = mean_log_likelihood_ratio(Q, P, 200_000, seed=2)
    assert estimate == pytest.approx(infolib.kl_divergence(Q, P), abs=0.005)


def test_a_sample_q_calls_impossible_makes_the_average_infinite_without_warning():
    path = log_likelihood_ratio_path([0.5, 0.5], [1.0, 0.0], 50, seed=0)
    first_bad = int(np.argmax(sample_outcomes([0.5, 0.5], 50, seed=0) == 1))
    assert np.isfinite(path[:first_bad]).all()
    assert (path[first_bad:] == math.inf).all()


def test_mean_is_last_value_of_path():
    assert mean_log_likelihood_ratio(P, Q, 37, seed=9) == log_likelihood_ratio_path(P, Q, 37, seed=9)[-1]


def test_count_must_be_a_positive_integer():
    with pytest.raises(ValueError, match="n must be a whole number"):
        mean_log_likelihood_ratio(P, Q, 0)


def test_triangle_excess_by_hand():
    p, q, r = [0.9, 0.1], [0.5, 0.5], [0.1, 0.9]

    def kl(a, b):
        return sum(x * math.log2(x / y) for x, y in zip(a, b, strict=True))

    assert kl_triangle_excess(p, q, r) == pytest.approx(kl(p, r) - kl(p, q) - kl(q, r), rel=1e-12)


def test_search_finds_the_largest_excess_among_all_coin_triples():
    p, q, r, excess = find_kl_triangle_violation(2, 10)
    coins = [np.array([k / 10, 1 - k / 10]) for k in range(1, 10)]
    brute = max(kl_triangle_excess(a, b, c) for a, b, c in itertools.product(coins, repeat=3))
    assert excess == pytest.approx(brute, rel=1e-12)
    assert excess > 0
    assert kl_triangle_excess(p, q, r) == pytest.approx(excess, rel=1e-12)


def test_search_over_three_outcomes_returns_a_real_counterexample():
    p, q, r, excess = find_kl_triangle_violation(3, 6)
    assert excess > 0
    assert infolib.kl_divergence(p, r) > infolib.kl_divergence(p, q) + infolib.kl_divergence(q, r)


def test_search_rejects_too_coarse_a_grid():
    with pytest.raises(ValueError, match="too coarse"):
        find_kl_triangle_violation(4, 3)


coin = st.floats(0.01, 0.99).map(lambda a: [a, 1 - a])


@settings(max_examples=80, deadline=None)
@given(coin, coin, coin)
def test_square_root_of_js_satisfies_the_triangle_inequality(p, q, r):
    d = lambda a, b: math.sqrt(infolib.js_divergence(a, b))  # noqa: E731
    assert d(p, r) <= d(p, q) + d(q, r) + 1e-12


def test_kl_gap_is_reverse_minus_forward_by_hand():
    p, q = [0.1, 0.2, 0.3, 0.4], [0.25] * 4
    forward = sum(a * math.log2(a / b) for a, b in zip(p, q, strict=True))
    reverse = sum(b * math.log2(b / a) for a, b in zip(p, q, strict=True))
    assert kl_gap(p, q) == pytest.approx(reverse - forward, rel=1e-9)


def test_kl_gap_is_infinite_when_one_direction_is():
    assert kl_gap([0.5, 0.5], [1.0, 0.0]) == -math.inf
    assert kl_gap([1.0, 0.0], [0.5, 0.5]) == math.inf


def test_kl_gap_of_two_infinite_directions_is_refused():
    with pytest.raises(ValueError, match="undefined"):
        kl_gap([1.0, 0.0], [0.0, 1.0])


def loss_by_hand(p, z, loss):
    q = np.exp(z - z.max())
    q /= q.sum()
    ce = -sum(a * math.log(b) for a, b in zip(p, q, strict=True))
    h = -sum(a * math.log(a) for a in p if a > 0)
    return ce if loss == "cross_entropy" else ce - h


@pytest.mark.parametrize("loss", ["cross_entropy", "kl_divergence"])
def test_fit_logits_gradient_matches_finite_differences(loss):
    p = [0.6, 0.3, 0.1]
    fit = fit_logits(p, [0.5, -0.2, 1.0], steps=3, learning_rate=0.5, loss=loss)
    for z, grad in zip(fit.logits, fit.gradient, strict=True):
        numeric = []
        for i in range(3):
            up, down = z.copy(), z.copy()
            up[i] += 1e-6
            down[i] -= 1e-6
            numeric.append((loss_by_hand(p, up, loss) - loss_by_hand(p, down, loss)) / 2e-6)
        np.testing.assert_allclose(grad, numeric, atol=1e-8)


def test_fit_logits_records_the_loss_by_hand_and_both_losses_take_the_same_steps():
    p = [0.6, 0.3, 0.1]
    ce = fit_logits(p, [0.0, 0.0, 0.0], steps=30, loss="cross_entropy")
    kl = fit_logits(p, [0.0, 0.0, 0.0], steps=30, loss="kl_divergence")
    np.testing.assert_array_equal(ce.logits, kl.logits)
    np.testing.assert_allclose(ce.loss, [loss_by_hand(p, z, "cross_entropy") for z in ce.logits], rtol=1e-12)
    np.testing.assert_allclose(kl.loss, [loss_by_hand(p, z, "kl_divergence") for z in kl.logits],
                               rtol=1e-9, atol=1e-15)
    assert kl.loss[-1] < kl.loss[0] / 10


def test_fit_logits_rejects_an_unknown_loss():
    with pytest.raises(ValueError, match="loss"):
        fit_logits([0.5, 0.5], [0.0, 0.0], loss="mse")


@settings(max_examples=60, deadline=None)
@given(coin, coin)
def test_kl_gap_changes_sign_when_p_and_q_swap(p, q):
    assert kl_gap(p, q) == pytest.approx(-kl_gap(q, p), rel=1e-12, abs=1e-15)

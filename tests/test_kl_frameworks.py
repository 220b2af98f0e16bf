"""numpy replicas of PyTorch's kl_div and Keras' KLDivergence, against their documented behaviour.

Keras' documentation gives concrete values for ``KLDivergence`` (y_true = [[0, 1], [0, 0]],
y_pred = [[0.6, 0.4], [0.4, 0.6]]: 0.458 mean, 0.366 with sample weights [0.8, 0.2], 0.916 sum,
[0.916, -3.08e-06] per sample). PyTorch's documentation gives the formula
(``target * (log target - input)``) and the reductions but only random examples, so the
PyTorch tests use values derived by hand from that formula and scipy's ``rel_entr``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import log_softmax as scipy_log_softmax
from scipy.special import rel_entr
from scipy.special import softmax as scipy_softmax

import infolib
from infolib import keras_kl_divergence, torch_kl_div

Y_TRUE = [[0, 1], [0, 0]]
Y_PRED = [[0.6, 0.4], [0.4, 0.6]]

# --- Keras -----------------------------------------------------------------------------------


def test_keras_documented_mean():
    assert keras_kl_divergence(Y_TRUE, Y_PRED) == pytest.approx(0.458, abs=5e-4)


def test_keras_documented_sample_weight():
    # The page prints 0.366; by hand (0.8 * 0.91629 + 0.2 * -3.08e-06) / 2 = 0.36652: the
    # documentation's values are checked only to about three digits.
    assert keras_kl_divergence(Y_TRUE, Y_PRED, sample_weight=[0.8, 0.2]) == pytest.approx(0.366, abs=1e-3)
    expected = (0.8 * (math.log(1 / 0.4) + 1e-7 * math.log(1e-7 / 0.6))
                + 0.2 * 1e-7 * (math.log(1e-7 / 0.4) + math.log(1e-7 / 0.6))) / 2
    assert keras_kl_divergence(Y_TRUE, Y_PRED, sample_weight=[0.8, 0.2]) == pytest.approx(expected, rel=1e-12)


def test_keras_documented_sum():
    assert keras_kl_divergence(Y_TRUE, Y_PRED, reduction="sum") == pytest.approx(0.916, abs=5e-4)


def test_keras_documented_per_sample_values_including_the_negative_one():
    per_sample = keras_kl_divergence(Y_TRUE, Y_PRED, reduction="none")
    np.testing.assert_allclose(per_sample, [0.916, -3.08e-06], rtol=2e-3)


def test_keras_row_is_clipped_formula_by_hand():
    # 1e-7 * log(1e-7 / 0.6) + 1 * log(1 / 0.4): the zero becomes 1e-7, nothing renormalised
    expected = 1e-7 * math.log(1e-7 / 0.6) + math.log(1 / 0.4)
    assert keras_kl_divergence([0, 1], [0.6, 0.4]) == pytest.approx(expected, rel=1e-14)


def test_keras_caps_an_impossible_prediction_near_16_nats_instead_of_infinity():
    assert infolib.kl_divergence([1, 0], [0, 1], base=math.e) == math.inf
    expected = math.log(1 / 1e-7) + 1e-7 * math.log(1e-7)
    assert keras_kl_divergence([1, 0], [0, 1]) == pytest.approx(expected, rel=1e-12)


def test_keras_agrees_with_infolib_for_distributions_without_tiny_entries():
    p, q = np.array([0.1, 0.2, 0.3, 0.4]), np.full(4, 0.25)
    assert keras_kl_divergence(p, q) == pytest.approx(infolib.kl_divergence(p, q, base=math.e), rel=1e-14)


def test_keras_rejects_unknown_reduction_and_mismatched_shapes():
    with pytest.raises(ValueError, match="reduction"):
        keras_kl_divergence(Y_TRUE, Y_PRED, reduction="mean")
    with pytest.raises(ValueError, match="same shape"):
        keras_kl_divergence([0, 1], [0.2, 0.3, 0.5])


# --- PyTorch ---------------------------------------------------------------------------------

LOGITS_Q = np.array([[1.0, 0.0, -1.0, 0.5, 2.0], [0.0, 0.3, 0.2, -0.4, 1.0], [2.0, 2.0, 0.0, 0.0, 1.0]])
LOGITS_P = np.array([[0.2, 0.1, 0.9, 0.4, 0.5], [0.7, 0.3, 0.2, 0.6, 0.0], [0.1, 0.5, 0.5, 0.3, 0.8]])


def batch():
    """The shape of PyTorch's documented example: log_softmax input, softmax target, 3 x 5."""
    return scipy_log_softmax(LOGITS_Q, axis=1), scipy_softmax(LOGITS_P, axis=1)


def test_torch_batchmean_is_the_mean_kl_per_sample():
    log_q, p = batch()
    expected = rel_entr(p, np.exp(log_q)).sum(axis=1).mean()
    assert torch_kl_div(log_q, p, reduction="batchmean") == pytest.approx(expected, rel=1e-12)


def test_torch_default_mean_divides_by_all_elements():
    log_q, p = batch()
    expected = rel_entr(p, np.exp(log_q)).sum() / 15
    assert torch_kl_div(log_q, p) == pytest.approx(expected, rel=1e-12)
    batchmean = torch_kl_div(log_q, p, reduction="batchmean")
    assert batchmean == pytest.approx(5 * torch_kl_div(log_q, p), rel=1e-12)


def test_torch_sum_and_none():
    log_q, p = batch()
    terms = torch_kl_div(log_q, p, reduction="none")
    np.testing.assert_allclose(terms, p * (np.log(p) - log_q), rtol=1e-12)
    assert torch_kl_div(log_q, p, reduction="sum") == pytest.approx(terms.sum(), rel=1e-12)


def test_torch_log_target_gives_the_same_value():
    log_q, p = batch()
    assert torch_kl_div(log_q, np.log(p), reduction="batchmean", log_target=True) == pytest.approx(
        torch_kl_div(log_q, p, reduction="batchmean"), rel=1e-12)


def test_torch_argument_order_is_log_q_then_p_for_kl_p_q():
    p, q = np.array([0.1, 0.2, 0.3, 0.4]), np.full(4, 0.25)
    assert torch_kl_div(np.log(q), p, reduction="sum") == pytest.approx(
        infolib.kl_divergence(p, q, base=math.e), rel=1e-14)  # 0.1064 nats = 0.1536 bits
    # the order of kl_divergence(p, q) by mistake gives the other direction
    assert torch_kl_div(np.log(p), q, reduction="sum") == pytest.approx(
        infolib.kl_divergence(q, p, base=math.e), rel=1e-14)


def test_torch_batchmean_on_one_unbatched_distribution_divides_by_the_classes():
    p, q = np.array([0.1, 0.2, 0.3, 0.4]), np.full(4, 0.25)
    exact = infolib.kl_divergence(p, q, base=math.e)
    assert torch_kl_div(np.log(q), p, reduction="batchmean") == pytest.approx(exact / 4, rel=1e-14)


def test_torch_zero_target_terms_are_zero_and_zero_model_probability_is_infinite():
    assert torch_kl_div(np.log([0.5, 0.5]), [1.0, 0.0], reduction="sum") == pytest.approx(math.log(2))
    with np.errstate(divide="ignore"):
        log_q = np.log([1.0, 0.0])
    assert torch_kl_div(log_q, [0.5, 0.5], reduction="sum") == math.inf
    assert torch_kl_div(log_q, [1.0, 0.0], reduction="sum") == 0.0


def test_torch_rejects_mismatched_shapes_and_negative_targets():
    with pytest.raises(ValueError, match="same shape"):
        torch_kl_div([-1.0, -1.0], [0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match="target"):
        torch_kl_div([-1.0, -1.0], [-0.2, 1.2])
    with pytest.raises(ValueError, match="reduction"):
        torch_kl_div([-1.0, -1.0], [0.5, 0.5], reduction="batch")


# --- properties ------------------------------------------------------------------------------

weights = st.lists(st.floats(0.01, 1.0), min_size=2, max_size=6)


@settings(max_examples=60, deadline=None)
@given(weights, st.data())
def test_torch_sum_of_log_q_and_p_is_infolib_kl_in_nats(w_p, data):
    w_q = data.draw(st.lists(st.floats(0.01, 1.0), min_size=len(w_p), max_size=len(w_p)))
    p, q = np.array(w_p) / sum(w_p), np.array(w_q) / sum(w_q)
    assert torch_kl_div(np.log(q), p, reduction="sum") == pytest.approx(
        infolib.kl_divergence(p, q, base=math.e), rel=1e-9, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(weights, st.data())
def test_keras_equals_infolib_when_nothing_is_clipped(w_p, data):
    w_q = data.draw(st.lists(st.floats(0.01, 1.0), min_size=len(w_p), max_size=len(w_p)))
    p, q = np.array(w_p) / sum(w_p), np.array(w_q) / sum(w_q)
    assert keras_kl_divergence(p, q) == pytest.approx(infolib.kl_divergence(p, q, base=math.e),
                                                      rel=1e-9, abs=1e-12)

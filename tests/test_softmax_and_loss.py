"""Softmax, log-softmax and the categorical cross-entropy training loss."""

import math

import numpy as np
import pytest

from infolib import (
    KERAS_EPSILON,
    InvalidDistributionError,
    categorical_cross_entropy,
    cross_entropy,
    entropy,
    log_softmax,
    softmax,
)

KERAS_TRUE = [[0, 1, 0], [0, 0, 1]]
KERAS_PRED = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
MNIST_Q = [0.01, 0.02, 0.75, 0.05, 0.02, 0.1, 0.001, 0.02, 0.009, 0.02]


def ref_softmax(z, t=1.0):
    m = max(z)
    e = [math.exp((v - m) / t) for v in z]
    s = math.fsum(e)
    return [v / s for v in e]


# --- softmax -----------------------------------------------------------------------


def test_softmax_matches_definition():
    z = [1.0, 2.0, 0.5, -1.0]
    np.testing.assert_allclose(softmax(z), ref_softmax(z), rtol=1e-14, atol=0)


def test_softmax_sums_to_one_per_row():
    z = np.random.default_rng(1).normal(size=(5, 7)) * 10
    np.testing.assert_allclose(softmax(z).sum(axis=-1), 1.0, rtol=0, atol=1e-14)


def test_softmax_axis_0_normalizes_columns():
    z = np.array([[1.0, 0.0], [1.0, 2.0]])
    out = softmax(z, axis=0)
    np.testing.assert_allclose(out[:, 1], ref_softmax([0.0, 2.0]), rtol=1e-14)
    np.testing.assert_allclose(out.sum(axis=0), 1.0, atol=1e-15)


def test_softmax_of_huge_logits_is_finite_and_correct():
    out = softmax([1e4, 1e4 - 1.0, -1e4])
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out, ref_softmax([1.0, 0.0, -2e4]), rtol=1e-14, atol=0)


def test_log_softmax_of_huge_logits_is_finite_and_exact():
    out = log_softmax([1e4, 0.0, -1e4])
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out, [0.0, -1e4, -2e4], rtol=1e-15, atol=0)


def test_log_softmax_is_log_of_softmax():
    z = [0.3, -1.2, 2.5, 0.0]
    np.testing.assert_allclose(log_softmax(z), np.log(ref_softmax(z)), rtol=1e-13, atol=1e-15)


def test_high_temperature_raises_entropy():
    z = [3.0, 1.0, 0.2]
    assert entropy(softmax(z, temperature=5.0)) > entropy(softmax(z)) > entropy(
        softmax(z, temperature=0.2)
    )


def test_temperature_divides_logits():
    z = [3.0, 1.0, 0.2]
    np.testing.assert_allclose(
        softmax(z, temperature=2.0), ref_softmax([v / 2 for v in z]), rtol=1e-14
    )


def test_tiny_temperature_gives_one_hot_without_warning():
    np.testing.assert_array_equal(softmax([1.0, 0.0, 0.5], temperature=1e-310), [1.0, 0.0, 0.0])


def test_logits_spanning_beyond_float_range_give_one_hot():
    np.testing.assert_array_equal(softmax([1e308, -1e308]), [1.0, 0.0])


@pytest.mark.parametrize("t", [0, -1.0, math.inf, math.nan])
def test_softmax_rejects_non_positive_or_non_finite_temperature(t):
    with pytest.raises(ValueError, match=r"temperature must be a finite number > 0"):
        softmax([1.0, 2.0], temperature=t)


def test_softmax_rejects_string_temperature():
    with pytest.raises(TypeError, match=r"temperature must be a positive number"):
        softmax([1.0, 2.0], temperature="hot")


def test_softmax_rejects_nan_logit_by_index():
    with pytest.raises(InvalidDistributionError, match=r"logits\[1\] = nan is nan; logits must be"):
        softmax([1.0, math.nan])


def test_softmax_rejects_infinite_logit_by_index():
    with pytest.raises(InvalidDistributionError, match=r"logits\[0\] = inf is infinite"):
        log_softmax([math.inf, 0.0])


def test_softmax_rejects_empty_logits():
    with pytest.raises(ValueError, match=r"logits must be a non-empty array"):
        softmax([])


def test_softmax_rejects_scalar_logits():
    with pytest.raises(ValueError, match=r"logits must be a non-empty array of scores"):
        softmax(3.0)


# --- categorical cross entropy ---------------------------------------------------------


def test_keras_example_mean_loss():
    expected = (-math.log(0.95) - math.log(0.1)) / 2
    loss = categorical_cross_entropy(KERAS_TRUE, KERAS_PRED)
    assert loss == pytest.approx(expected, abs=1e-12)
    assert round(loss, 7) == 1.1769392


def test_keras_example_per_sample_loss():
    per = categorical_cross_entropy(KERAS_TRUE, KERAS_PRED, reduction="none")
    np.testing.assert_allclose(per, [0.05129331, 2.3025851], rtol=0, atol=5e-8)
    np.testing.assert_allclose(per, [-math.log(0.95), -math.log(0.1)], rtol=1e-14)


def test_keras_example_sum_reduction():
    assert categorical_cross_entropy(KERAS_TRUE, KERAS_PRED, reduction="sum") == pytest.approx(
        -math.log(0.95) - math.log(0.1), abs=1e-12
    )


def test_keras_example_with_keras_clipping_is_unchanged():
    assert categorical_cross_entropy(
        KERAS_TRUE, KERAS_PRED, keras_epsilon=KERAS_EPSILON
    ) == pytest.approx(1.1769392, abs=5e-8)


def test_mnist_one_hot_loss_is_0_2877_nats():
    label = [0] * 10
    label[2] = 1
    loss = categorical_cross_entropy(label, MNIST_Q)
    assert loss == pytest.approx(-math.log(0.75), abs=1e-12)
    assert loss == pytest.approx(cross_entropy(label, MNIST_Q, base=math.e), abs=1e-15)
    assert round(loss, 4) == 0.2877


def test_integer_label_equals_one_hot_label():
    assert categorical_cross_entropy(2, MNIST_Q) == pytest.approx(-math.log(0.75), abs=1e-12)
    assert categorical_cross_entropy([1, 2], KERAS_PRED) == pytest.approx(1.1769392, abs=5e-8)


def test_zero_on_true_class_is_infinite_in_exact_mode():
    assert categorical_cross_entropy([0, 1], [1.0, 0.0]) == math.inf


def test_zero_on_true_class_with_keras_epsilon_is_minus_ln_1e_minus_7():
    loss = categorical_cross_entropy([0, 1], [1.0, 0.0], keras_epsilon=1e-7)
    assert loss == pytest.approx(-math.log(1e-7), rel=1e-12)


def test_keras_mode_rescales_predictions_that_do_not_sum_to_one():
    loss = categorical_cross_entropy([0, 1], [1.0, 3.0], keras_epsilon=KERAS_EPSILON)
    assert loss == pytest.approx(-math.log(0.75), rel=1e-12)


def test_loss_in_bits():
    assert categorical_cross_entropy([0, 1], [0.5, 0.5], base=2) == pytest.approx(1.0, abs=1e-15)


def test_from_logits_equals_loss_on_softmax():
    logits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]]
    expected = -(math.log(ref_softmax(logits[0])[0]) + math.log(ref_softmax(logits[1])[1])) / 2
    assert categorical_cross_entropy(
        [[1, 0, 0], [0, 1, 0]], logits, from_logits=True
    ) == pytest.approx(expected, rel=1e-13)


def test_from_logits_stays_finite_for_huge_wrong_logits():
    loss = categorical_cross_entropy([1, 0], [0.0, 1e4], from_logits=True)
    assert loss == pytest.approx(1e4, rel=1e-15)


def test_loss_returns_python_float_when_reduced():
    assert type(categorical_cross_entropy(KERAS_TRUE, KERAS_PRED)) is float


def test_loss_rejects_unknown_reduction():
    with pytest.raises(ValueError, match=r"reduction must be one of .*'mean'.*got 'avg'"):
        categorical_cross_entropy(KERAS_TRUE, KERAS_PRED, reduction="avg")


def test_loss_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"y_true has shape \(2, 3\) but y_pred has shape \(2, 4\)"):
        categorical_cross_entropy(KERAS_TRUE, [[0.25] * 4] * 2)


def test_loss_rejects_out_of_range_integer_labels():
    with pytest.raises(ValueError, match=r"y_true .*outside 0\.\.2.*integer labels or one-hot"):
        categorical_cross_entropy([1, 3], KERAS_PRED)


def test_loss_rejects_negative_integer_labels():
    with pytest.raises(ValueError, match=r"outside 0\.\.2"):
        categorical_cross_entropy([-1, 0], KERAS_PRED)


def test_loss_rejects_fractional_class_indices():
    with pytest.raises(ValueError, match=r"non-integers"):
        categorical_cross_entropy([0.5, 1], KERAS_PRED)


def test_loss_rejects_predictions_that_do_not_sum_to_one_in_exact_mode():
    with pytest.raises(InvalidDistributionError, match=r"y_pred\[0\] sums to 1\.5, not 1"):
        categorical_cross_entropy([[1, 0]], [[1.0, 0.5]])


def test_loss_rejects_scalar_prediction():
    with pytest.raises(ValueError, match=r"y_pred must have the classes along its last axis"):
        categorical_cross_entropy(1, 0.5)


def test_loss_rejects_large_keras_epsilon():
    with pytest.raises(ValueError, match=r"keras_epsilon must be None .* in \[0, 0\.5\)"):
        categorical_cross_entropy([0, 1], [0.5, 0.5], keras_epsilon=0.7)


def test_loss_of_empty_batch_has_clear_message():
    with pytest.raises(InvalidDistributionError, match=r"y_true has shape \(0, 3\) and holds no"):
        categorical_cross_entropy(np.zeros(0, dtype=int), np.zeros((0, 3)))


def test_keras_epsilon_does_not_clip_logits_as_keras_does_not():
    # A confidently wrong prediction from logits: the exact loss is 50 nats;
    # clipping softmax at 1e-7 would cap it near 16.1.
    logits = [[50.0, 0.0]]
    exact = categorical_cross_entropy([[0, 1]], logits, from_logits=True)
    keras = categorical_cross_entropy([[0, 1]], logits, from_logits=True, keras_epsilon=KERAS_EPSILON)
    assert exact == pytest.approx(50.0, rel=1e-12)
    assert keras == exact

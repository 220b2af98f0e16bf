"""Numpy replicas of PyTorch's and Keras' cross-entropy losses, against their documentation.

Keras: the documentation of ``keras.losses.CategoricalCrossentropy`` prints its
example's values (1.177 mean; 0.814 with sample weights (0.3, 0.7); 2.354 summed;
(0.0513, 2.303) per sample), and the page of the matching metric
``keras.metrics.CategoricalCrossentropy`` prints the mean to 1.1769392. PyTorch:
the ``CrossEntropyLoss`` page's examples use random tensors and print no values,
so the PyTorch expectations below are derived by hand from its documented
formula (log-softmax of the logits, targets mixed with the uniform distribution
by ``label_smoothing``) and written out in each test.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolib import (
    InvalidDistributionError,
    categorical_cross_entropy,
    double_softmax_floor,
    keras_categorical_crossentropy,
    smooth_labels,
    softmax,
    torch_cross_entropy,
)
from infolib.frameworks import KERAS_CATEGORICAL_CROSSENTROPY_URL, TORCH_CROSS_ENTROPY_URL

Y_TRUE = [[0, 1, 0], [0, 0, 1]]
Y_PRED = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]


def test_documentation_urls_are_cited():
    assert TORCH_CROSS_ENTROPY_URL.startswith("https://pytorch.org/docs/")
    assert KERAS_CATEGORICAL_CROSSENTROPY_URL.startswith("https://keras.io/api/losses/")


# --- Keras: the documented example ------------------------------------------------------------


def test_keras_documented_mean_is_1_177():
    assert keras_categorical_crossentropy(Y_TRUE, Y_PRED) == pytest.approx(1.1769392, abs=1e-7)


def test_keras_documented_sample_weight_value_is_0_814():
    assert keras_categorical_crossentropy(Y_TRUE, Y_PRED, sample_weight=[0.3, 0.7]) == pytest.approx(
        0.814, abs=5e-4)


def test_keras_documented_sum_is_2_354():
    assert keras_categorical_crossentropy(Y_TRUE, Y_PRED, reduction="sum") == pytest.approx(2.354, abs=5e-4)


def test_keras_documented_per_sample_values():
    np.testing.assert_allclose(keras_categorical_crossentropy(Y_TRUE, Y_PRED, reduction="none"),
                               [0.0513, 2.303], atol=5e-4)


def test_keras_per_sample_values_by_hand():
    # -ln 0.95 and -ln 0.1: the clipping of the 0 in the first row never touches its true class.
    np.testing.assert_allclose(keras_categorical_crossentropy(Y_TRUE, Y_PRED, reduction="none"),
                               [-math.log(0.95), -math.log(0.1)], rtol=1e-12)


def test_keras_clips_a_predicted_zero_to_1e_7():
    assert keras_categorical_crossentropy([0, 1], [1.0, 0.0]) == pytest.approx(-math.log(1e-7), rel=1e-12)
    assert -math.log(1e-7) == pytest.approx(16.118, abs=1e-3)


def test_keras_clips_a_certain_prediction_to_one_minus_1e_7():
    assert keras_categorical_crossentropy([1, 0], [1.0, 0.0]) == pytest.approx(-math.log1p(-1e-7), rel=1e-9)


def test_keras_rescales_rows_that_do_not_sum_to_one():
    # (2, 6, 2) is rescaled to (0.2, 0.6, 0.2) before the log.
    assert keras_categorical_crossentropy([0, 1, 0], [2.0, 6.0, 2.0]) == pytest.approx(-math.log(0.6))


def test_keras_label_smoothing_mixes_in_uniform():
    # Smoothing 0.3 over 3 classes: target (0.1, 0.8, 0.1) against (0.2, 0.6, 0.2).
    expected = -(0.1 * math.log(0.2) + 0.8 * math.log(0.6) + 0.1 * math.log(0.2))
    assert keras_categorical_crossentropy([0, 1, 0], [0.2, 0.6, 0.2], label_smoothing=0.3) == pytest.approx(
        expected, rel=1e-12)


def test_keras_from_logits_uses_log_softmax_without_clipping():
    logits = [[30.0, 0.0]]
    loss = keras_categorical_crossentropy([[0, 1]], logits, from_logits=True)
    assert loss == pytest.approx(30.0, rel=1e-12)


def test_keras_agrees_with_infolib_in_keras_mode():
    assert keras_categorical_crossentropy(Y_TRUE, Y_PRED) == pytest.approx(
        categorical_cross_entropy(Y_TRUE, Y_PRED, keras_epsilon=1e-7), rel=1e-15)


def test_keras_rejects_integer_labels_and_points_to_the_sparse_loss():
    with pytest.raises(ValueError, match="SparseCategoricalCrossentropy"):
        keras_categorical_crossentropy([1, 2], Y_PRED)


def test_keras_rejects_unknown_reduction():
    with pytest.raises(ValueError, match="reduction must be one of"):
        keras_categorical_crossentropy(Y_TRUE, Y_PRED, reduction="mean")


def test_keras_rejects_negative_predictions():
    with pytest.raises(InvalidDistributionError, match=r"y_pred\[0\] = -0\.1 is negative"):
        keras_categorical_crossentropy([1, 0], [-0.1, 1.1])


# --- PyTorch ------------------------------------------------------------------------------------


def test_torch_takes_logits_by_hand():
    # softmax(2, 1, 0)_0 = e^2 / (e^2 + e + 1); the loss is minus its log.
    expected = -math.log(math.e**2 / (math.e**2 + math.e + 1))
    assert torch_cross_entropy([2.0, 1.0, 0.0], 0) == pytest.approx(expected, rel=1e-12)


def test_torch_batch_mean_sum_and_none():
    logits = [[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]]
    first = math.log(1 + math.exp(-1) + math.exp(-2))
    per_sample = [first, math.log(3)]
    np.testing.assert_allclose(torch_cross_entropy(logits, [0, 2], reduction="none"), per_sample, rtol=1e-12)
    assert torch_cross_entropy(logits, [0, 2]) == pytest.approx(sum(per_sample) / 2, rel=1e-12)
    assert torch_cross_entropy(logits, [0, 2], reduction="sum") == pytest.approx(sum(per_sample), rel=1e-12)


def test_torch_class_indices_equal_one_hot_probabilities():
    logits = [[0.5, -1.0, 2.0], [1.0, 1.0, 0.0]]
    assert torch_cross_entropy(logits, [2, 0]) == pytest.approx(
        torch_cross_entropy(logits, [[0, 0, 1], [1, 0, 0]]), rel=1e-15)


def test_torch_label_smoothing_by_hand():
    # eps = 0.1, C = 3: target (0.9333, 0.0333, 0.0333); -log softmax(2, 1, 0) = (a, a + 1, a + 2).
    a = math.log(1 + math.exp(-1) + math.exp(-2))
    expected = (0.9 + 0.1 / 3) * a + (0.1 / 3) * (a + 1) + (0.1 / 3) * (a + 2)
    assert torch_cross_entropy([2.0, 1.0, 0.0], 0, label_smoothing=0.1) == pytest.approx(expected, rel=1e-12)


def test_torch_label_smoothing_of_probability_targets():
    # Probability target (0.5, 0.5, 0) with eps = 0.3 becomes (0.45, 0.45, 0.1).
    logits = np.array([1.0, 0.0, -1.0])
    log_q = logits - np.log(np.exp(logits).sum())
    expected = -(np.array([0.45, 0.45, 0.1]) @ log_q)
    loss = torch_cross_entropy(logits, [0.5, 0.5, 0.0], label_smoothing=0.3)
    assert loss == pytest.approx(expected, rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-10, 10), min_size=2, max_size=6), st.floats(0, 1), st.data())
def test_torch_smoothing_equals_cross_entropy_with_smoothed_labels(logits, eps, data):
    label = data.draw(st.integers(0, len(logits) - 1))
    target = smooth_labels([label], len(logits), eps)[0]
    q = softmax(logits)
    by_formula = -(target * np.log(q, where=q > 0, out=np.full(len(q), -np.inf))).sum()
    assert torch_cross_entropy(logits, label, label_smoothing=eps) == pytest.approx(by_formula, rel=1e-9)


def test_torch_agrees_with_infolib_from_logits():
    logits = [[0.5, -1.0, 2.0], [1.0, 1.0, 0.0]]
    assert torch_cross_entropy(logits, [2, 0]) == pytest.approx(
        categorical_cross_entropy([2, 0], logits, from_logits=True), rel=1e-15)


def test_torch_huge_logits_stay_finite():
    assert torch_cross_entropy([1000.0, -1000.0], 1) == pytest.approx(2000.0, rel=1e-12)


def test_double_softmax_floor_for_three_classes_is_0_551():
    assert double_softmax_floor(3) == pytest.approx(math.log(1 + 2 / math.e), rel=1e-15)
    assert round(double_softmax_floor(3), 3) == 0.551
    # The replica fed a perfect one-hot "prediction" as logits lands exactly there.
    assert torch_cross_entropy([0.0, 1.0, 0.0], 1) == pytest.approx(double_softmax_floor(3), rel=1e-12)


@pytest.mark.parametrize("c", [2, 10, 1000])
def test_double_softmax_floor_grows_with_the_number_of_classes(c):
    one_hot = np.eye(c)[0]
    assert torch_cross_entropy(one_hot, 0) == pytest.approx(double_softmax_floor(c), rel=1e-12)


def test_torch_rejects_out_of_range_class_index():
    with pytest.raises(ValueError, match=r"whole numbers in \[0, 3\)"):
        torch_cross_entropy([0.0, 0.0, 0.0], 3)


def test_torch_rejects_target_of_wrong_shape():
    with pytest.raises(ValueError, match="target must be class indices of shape"):
        torch_cross_entropy([[0.0, 0.0, 0.0]], [[1.0, 0.0]])


def test_torch_rejects_nan_logits():
    with pytest.raises(InvalidDistributionError, match="is nan; logits must be finite"):
        torch_cross_entropy([0.0, float("nan")], 0)


@pytest.mark.parametrize("eps", [-0.1, 1.1, True])
def test_label_smoothing_outside_0_1_is_rejected(eps):
    with pytest.raises(ValueError, match=r"label_smoothing must be a number in \[0, 1\]"):
        torch_cross_entropy([0.0, 0.0], 0, label_smoothing=eps)

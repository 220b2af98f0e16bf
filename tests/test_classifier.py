"""The numpy softmax classifier: data, label smoothing, the gradient q - p, and training.

Independent checks: finite differences of the loss computed here with numpy,
scikit-learn's log_loss for the loss curve, and entropies worked out by hand.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import log_loss

from infolib import (
    cross_entropy_gradient,
    finite_difference_gradient,
    linear_penalty,
    make_blobs,
    smooth_labels,
    squared_penalty,
    train_softmax_classifier,
)
from infolib.classifier import BLOB_CENTERS

SETTINGS = settings(max_examples=100, deadline=None)


def loss_by_hand(z, p):
    """-sum p log softmax(z) in nats, written out with numpy."""
    z = np.asarray(z, dtype=float)
    log_q = z - z.max() - np.log(np.exp(z - z.max()).sum())
    return float(-(np.asarray(p) * log_q).sum())


# --- data -----------------------------------------------------------------------------------


def test_blobs_are_reproducible_from_the_seed():
    a, ya = make_blobs(10, seed=3)
    b, yb = make_blobs(10, seed=3)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    assert not np.array_equal(a, make_blobs(10, seed=4)[0])


def test_blobs_sit_around_their_class_centres():
    X, y = make_blobs(2000, spread=0.5, seed=0)
    for c, centre in enumerate(BLOB_CENTERS):
        np.testing.assert_allclose(X[y == c].mean(axis=0), centre, atol=0.05)
        np.testing.assert_allclose(X[y == c].std(axis=0), [0.5, 0.5], atol=0.05)


@pytest.mark.parametrize("n", [0, -1, 2.5])
def test_blobs_reject_bad_counts(n):
    with pytest.raises(ValueError, match="n_per_class must be a whole number"):
        make_blobs(n)


# --- label smoothing -----------------------------------------------------------------------------


def test_smoothed_label_by_hand():
    # eps = 0.1 over 4 classes: 0.9 + 0.025 on the true class, 0.025 elsewhere.
    np.testing.assert_allclose(smooth_labels([1], 4, 0.1), [[0.025, 0.925, 0.025, 0.025]], rtol=1e-15)


def test_zero_smoothing_is_one_hot():
    np.testing.assert_array_equal(smooth_labels([0, 2], 3), [[1, 0, 0], [0, 0, 1]])


def test_full_smoothing_is_uniform():
    np.testing.assert_allclose(smooth_labels([0, 2], 4, 1.0), np.full((2, 4), 0.25))


@pytest.mark.parametrize("bad", [-0.1, 1.5, "0.1"])
def test_smoothing_outside_0_1_is_rejected(bad):
    with pytest.raises(ValueError, match=r"smoothing must be a number in \[0, 1\]"):
        smooth_labels([0], 3, bad)


def test_labels_outside_the_classes_are_rejected():
    with pytest.raises(ValueError, match=r"class indices 0\.\.2"):
        smooth_labels([3], 3)


# --- gradient ---------------------------------------------------------------------------------


def test_gradient_at_equal_logits_by_hand():
    # q = (1/3, 1/3, 1/3), p = one-hot on class 1: q - p = (1/3, -2/3, 1/3).
    np.testing.assert_allclose(cross_entropy_gradient([0.0, 0.0, 0.0], [0, 1, 0]), [1 / 3, -2 / 3, 1 / 3])


def test_gradient_in_bits_is_divided_by_ln_2():
    nats = cross_entropy_gradient([1.0, 0.0], [0.3, 0.7])
    np.testing.assert_allclose(cross_entropy_gradient([1.0, 0.0], [0.3, 0.7], base=2), nats / math.log(2))


logit = st.floats(min_value=-8, max_value=8, allow_nan=False)


@SETTINGS
@given(st.lists(logit, min_size=2, max_size=6), st.data())
def test_gradient_matches_finite_differences_to_1e_6(z, data):
    weights = data.draw(st.lists(st.floats(0, 1), min_size=len(z), max_size=len(z)))
    p = np.array(weights) + 1e-3
    p /= p.sum()
    numeric = finite_difference_gradient(lambda v: loss_by_hand(v, p), z)
    np.testing.assert_allclose(cross_entropy_gradient(z, p), numeric, atol=1e-6)


@SETTINGS
@given(st.lists(logit, min_size=2, max_size=6))
def test_gradient_entries_sum_to_zero(z):
    p = np.eye(len(z))[0]
    assert abs(cross_entropy_gradient(z, p).sum()) < 1e-12


def test_gradient_rejects_mismatched_target():
    with pytest.raises(ValueError, match="one target probability per logit"):
        cross_entropy_gradient([0.0, 0.0, 0.0], [1.0, 0.0])


def test_finite_differences_of_a_quadratic_are_exact_to_rounding():
    np.testing.assert_allclose(finite_difference_gradient(lambda v: float(v @ v), [3.0, -1.0]), [6, -2],
                               atol=1e-8)


def test_finite_difference_step_must_be_positive():
    with pytest.raises(ValueError, match="step must be a small float"):
        finite_difference_gradient(lambda v: 0.0, [1.0], step=0.0)


# --- penalties compared with -log q ---------------------------------------------------------------


def test_penalties_by_hand():
    assert linear_penalty(0.1) == pytest.approx(0.9)
    assert squared_penalty(0.1) == pytest.approx(0.81)
    np.testing.assert_allclose(squared_penalty([0.0, 1.0]), [1.0, 0.0])


def test_penalties_reject_non_probabilities():
    with pytest.raises(ValueError, match=r"q_true = 1\.5"):
        linear_penalty(1.5)


# --- training -------------------------------------------------------------------------------------


def test_training_starts_at_ln_3_with_zero_parameters():
    X, y = make_blobs(20, seed=0)
    run = train_softmax_classifier(X, y, epochs=0)
    assert run.losses.tolist() == [pytest.approx(math.log(3), rel=1e-15)]
    np.testing.assert_allclose(run.tracked[0], [1 / 3] * 3)


def test_training_loss_decreases_at_every_step():
    X, y = make_blobs(30, seed=1)
    losses = train_softmax_classifier(X, y, epochs=200).losses
    assert (np.diff(losses) < 0).all()
    assert losses[-1] < 0.1


def test_loss_curve_agrees_with_scikit_learn_log_loss():
    X, y = make_blobs(30, seed=2)
    run = train_softmax_classifier(X, y, epochs=50)
    assert run.losses[-1] == pytest.approx(log_loss(y, run.predict_proba(X)), rel=1e-12)


def test_tracked_point_moves_towards_its_label():
    X, y = make_blobs(30, seed=1)
    run = train_softmax_classifier(X, y, epochs=200, track=35)
    true_class = y[35]
    assert run.tracked[0, true_class] == pytest.approx(1 / 3)
    assert run.tracked[0, true_class] < run.tracked[20, true_class] < run.tracked[-1, true_class]
    assert run.tracked[-1, true_class] > 0.9


def test_training_is_deterministic():
    X, y = make_blobs(30, seed=1)
    a = train_softmax_classifier(X, y, epochs=20, smoothing=0.1)
    b = train_softmax_classifier(X, y, epochs=20, smoothing=0.1)
    np.testing.assert_array_equal(a.losses, b.losses)


def test_smoothed_loss_never_goes_below_the_targets_entropy():
    X, y = make_blobs(30, seed=1)
    run = train_softmax_classifier(X, y, epochs=300, smoothing=0.1)
    # Targets (0.9333, 0.0333, 0.0333): H = -(0.9333 ln 0.9333 + 2 * 0.0333 ln 0.0333) nats.
    h = -(14 / 15 * math.log(14 / 15) + 2 / 30 * math.log(1 / 30))
    assert run.floor == pytest.approx(h, rel=1e-12)
    assert (run.losses >= h).all()


def test_smoothed_loss_reaches_its_floor_when_the_model_can_fit_the_targets():
    # All points of a class coincide: a linear model can output the smoothed targets exactly.
    X = np.repeat(np.array(BLOB_CENTERS), 5, axis=0)
    y = np.repeat([0, 1, 2], 5)
    run = train_softmax_classifier(X, y, epochs=3000, smoothing=0.2, learning_rate=1.0)
    assert run.losses[-1] == pytest.approx(run.floor, abs=1e-6)
    assert run.floor > 0.4


def test_one_hot_floor_is_zero():
    X, y = make_blobs(5, seed=0)
    assert train_softmax_classifier(X, y, epochs=1).floor == 0.0


def test_training_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"X must have shape \(N, d\)"):
        train_softmax_classifier(np.zeros((4, 2)), [0, 1, 2])


def test_training_rejects_bad_learning_rate():
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0"):
        train_softmax_classifier(np.zeros((3, 2)), [0, 1, 2], learning_rate=-1.0)

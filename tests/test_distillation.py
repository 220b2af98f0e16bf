"""Distillation loss: T² · KL between the teacher's and the student's softened softmax."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import rel_entr
from scipy.special import softmax as scipy_softmax

from infolib import distillation_gradient, distillation_loss

TEACHER = np.array([[3.0, 1.0, 0.2], [0.5, 2.5, -1.0]])
STUDENT = np.array([[2.0, 1.5, 0.1], [1.0, 1.0, 0.0]])


def direct(teacher, student, t):
    """T² times the mean over rows of KL(softmax(t/T) || softmax(s/T)), with scipy."""
    p = scipy_softmax(teacher / t, axis=-1)
    q = scipy_softmax(student / t, axis=-1)
    return t**2 * rel_entr(p, q).sum(axis=-1).mean()


@pytest.mark.parametrize("t", [0.5, 1.0, 2.0, 4.0, 10.0])
def test_loss_matches_direct_computation_with_scipy(t):
    assert distillation_loss(TEACHER, STUDENT, temperature=t) == pytest.approx(direct(TEACHER, STUDENT, t),
                                                                               rel=1e-12)


def test_loss_without_scale_is_the_plain_kl():
    t = 3.0
    expected = direct(TEACHER, STUDENT, t) / t**2
    value = distillation_loss(TEACHER, STUDENT, temperature=t, scale=False)
    assert value == pytest.approx(expected, rel=1e-12)


def test_loss_reductions_sum_and_none():
    per_sample = distillation_loss(TEACHER, STUDENT, temperature=2.0, reduction="none")
    assert per_sample.shape == (2,)
    assert distillation_loss(TEACHER, STUDENT, temperature=2.0, reduction="sum") == pytest.approx(
        per_sample.sum(), rel=1e-14)
    assert distillation_loss(TEACHER, STUDENT, temperature=2.0) == pytest.approx(per_sample.mean(), rel=1e-14)


def test_loss_in_bits_is_nats_over_ln2():
    nats = distillation_loss(TEACHER, STUDENT, temperature=2.0)
    assert distillation_loss(TEACHER, STUDENT, temperature=2.0, base=2) == pytest.approx(nats / math.log(2))


def test_loss_is_zero_when_student_logits_are_teacher_logits_plus_a_constant():
    assert distillation_loss(TEACHER, TEACHER + 5.0, temperature=3.0) == 0.0


def test_loss_of_huge_logits_is_finite_and_warning_free():
    value = distillation_loss([1000.0, 0.0], [0.0, 1000.0], temperature=1.0)
    assert value == pytest.approx(1000.0, rel=1e-12)  # KL of two near one-hot softmaxes: the logit gap


@pytest.mark.parametrize("t", [1.0, 4.0])
@pytest.mark.parametrize("scale", [True, False])
def test_gradient_matches_central_finite_differences(t, scale):
    grad = distillation_gradient(TEACHER, STUDENT, temperature=t, scale=scale)
    h = 1e-6
    numeric = np.zeros_like(STUDENT)
    for index in np.ndindex(STUDENT.shape):
        up, down = STUDENT.copy(), STUDENT.copy()
        up[index] += h
        down[index] -= h
        numeric[index] = (distillation_loss(TEACHER, up, temperature=t, scale=scale)
                          - distillation_loss(TEACHER, down, temperature=t, scale=scale)) / (2 * h)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)


def test_t_squared_keeps_gradient_size_roughly_constant_at_high_temperature():
    # Without T², the gradient shrinks like 1/T²: going from T = 10 to T = 20 divides it by about 4.
    plain = [np.abs(distillation_gradient(TEACHER, STUDENT, temperature=t, scale=False)).sum()
             for t in (10, 20)]
    scaled = [np.abs(distillation_gradient(TEACHER, STUDENT, temperature=t)).sum() for t in (10, 20)]
    assert plain[0] / plain[1] == pytest.approx(4.0, rel=0.05)
    assert scaled[0] / scaled[1] == pytest.approx(1.0, rel=0.05)


def test_mismatched_shapes_raise_value_error():
    with pytest.raises(ValueError, match="same samples and classes"):
        distillation_loss([1.0, 2.0], [1.0, 2.0, 3.0])


def test_unknown_reduction_raises_value_error():
    with pytest.raises(ValueError, match="reduction"):
        distillation_loss([1.0, 2.0], [1.0, 2.0], reduction="mean")


def test_non_positive_temperature_raises_value_error():
    with pytest.raises(ValueError, match="temperature"):
        distillation_loss([1.0, 2.0], [1.0, 2.0], temperature=0.0)

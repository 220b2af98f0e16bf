"""The notebooks' self-checks: right answers pass, usual mistakes are named."""

import math

import numpy as np
import pytest

from infolib.exercises import EXERCISES, check, check_entropy_function

RIGHT_ANSWERS = {
    "01-octahedral-die": 3.0,
    "01-one-in-1024": 10.0,
    "01-which-coin": 0.7,
    "01-policy-ratio": (
        -sum(p * math.log2(p) for p in [0.3, 0.2, 0.25, 0.25])
        / -sum(p * math.log2(p) for p in [0.9, 0.05, 0.025, 0.025])
    ),
}


def test_every_exercise_has_a_right_answer_here():
    assert set(RIGHT_ANSWERS) == set(EXERCISES)


@pytest.mark.parametrize("key", sorted(RIGHT_ANSWERS))
def test_right_answer_is_accepted(key):
    feedback = check(key, RIGHT_ANSWERS[key])
    assert feedback.correct and repr(feedback).startswith("✓ Correct")


@pytest.mark.parametrize(
    ("key", "answer", "named"),
    [
        ("01-octahedral-die", math.log(8), "nats"),
        ("01-octahedral-die", 8, "number of faces"),
        ("01-octahedral-die", -3, "sign"),
        ("01-one-in-1024", -10, "sign"),
        ("01-one-in-1024", 10 * math.log(2), "nats"),
        ("01-one-in-1024", 1 / 1024, "probability itself"),
        ("01-which-coin", 0.2, "distance from 1/2"),
    ],
)
def test_usual_mistake_is_named(key, answer, named):
    feedback = check(key, answer)
    assert not feedback.correct and named in feedback.message


def test_other_wrong_answer_gets_generic_hint():
    feedback = check("01-octahedral-die", 5)
    assert not feedback.correct and "base of the logarithm" in feedback.message


def test_missing_answer_asks_for_a_number():
    assert check("01-octahedral-die", None).message == "give a number, not None"


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(KeyError, match="01-octahedral-die"):
        check("no-such-exercise", 1)


def _entropy_skipping_zeros(p):
    nz = p[p > 0]
    return -np.sum(nz * np.log2(nz))


@pytest.mark.parametrize(
    ("function", "named"),
    [
        (lambda p: -np.sum(p * np.log2(p)), "nan"),
        (lambda p: -np.sum(p * np.log2(p + 1e-8)), "eps"),
        (lambda p: -np.sum(p[p > 0] * np.log(p[p > 0])), "nats"),
        (lambda p: np.sum(p[p > 0] * np.log2(p[p > 0])), "sign"),
        (lambda p: 1 / 0, "ZeroDivisionError"),
    ],
)
def test_entropy_function_mistakes_are_named(function, named):
    feedback = check_entropy_function(function)
    assert not feedback.correct and named in feedback.message


def test_correct_entropy_function_is_accepted():
    assert check_entropy_function(_entropy_skipping_zeros).correct

"""Notebook 02's self-checks: right answers (computed here by hand) pass, usual mistakes are named."""

import math

import pytest

from infolib.exercises import EXERCISES, check

Q_TRUE = math.e**2 / (math.e**2 + math.e + 1)  # softmax(2, 1, 0) of the first class

SMOOTHED_FLOOR = -(0.84 * math.log(0.84) + 4 * 0.04 * math.log(0.04))  # smoothing 0.2 over 5 classes

RIGHT_ANSWERS = {
    "02-mnist-bits": -math.log2(0.6),
    "02-huffman-length": 0.5 * 1 + 0.25 * 2 + 0.15 * 3 + 0.1 * 3,
    "02-wrong-code": 0.5 * 3 + 0.25 * 3 + 0.15 * 2 + 0.1 * 1,
    "02-smoothing-floor": SMOOTHED_FLOOR,
    "02-gradient": Q_TRUE - 1,
    "02-double-softmax": math.log(1 + 9 / math.e),
}


def test_every_exercise_of_notebook_02_has_a_right_answer_here():
    assert set(RIGHT_ANSWERS) == {key for key in EXERCISES if key.startswith("02-")}


def test_notebook_02_has_at_least_four_exercises():
    assert len(RIGHT_ANSWERS) >= 4


@pytest.mark.parametrize("key", sorted(RIGHT_ANSWERS))
def test_right_answer_is_accepted(key):
    feedback = check(key, RIGHT_ANSWERS[key])
    assert feedback.correct and repr(feedback).startswith("✓ Correct")


@pytest.mark.parametrize(
    ("key", "answer", "named"),
    [
        ("02-mnist-bits", -math.log(0.6), "nats"),
        ("02-mnist-bits", math.log2(0.6), "sign"),
        ("02-mnist-bits", 0.6, "probability itself"),
        ("02-mnist-bits", -math.log10(0.6), "bans"),
        ("02-mnist-bits", -math.log2(0.4), "wrong digits"),
        ("02-huffman-length", 1.7427, "entropy"),
        ("02-huffman-length", 2, "fixed-length"),
        ("02-huffman-length", 0.5 * 1 + 0.25 * 2 + 0.15 * 3 + 0.1 * 4, "Shannon"),
        ("02-huffman-length", (1 + 2 + 3 + 3) / 4, "plain average"),
        ("02-wrong-code", 1.75, "built for P"),
        ("02-wrong-code", 2.7453, "H(P, Q)"),
        ("02-wrong-code", 2.65 - 1.75, "extra cost"),
        ("02-smoothing-floor", 0, "cannot reach 0"),
        ("02-smoothing-floor", SMOOTHED_FLOOR / math.log(2), "bits"),
        ("02-smoothing-floor", -math.log(0.84), "true class's term"),
        ("02-smoothing-floor", -(0.8 * math.log(0.8) + 4 * 0.05 * math.log(0.05)), "4 wrong classes"),
        ("02-gradient", Q_TRUE, "q itself"),
        ("02-gradient", 1 - Q_TRUE, "sign"),
        ("02-gradient", (Q_TRUE - 1) / math.log(2), "bits"),
        ("02-double-softmax", 0, "logits"),
        ("02-double-softmax", math.log(1 + 2 / math.e), "3 classes"),
        ("02-double-softmax", math.log(10), "uniform guess"),
    ],
)
def test_usual_mistake_is_named(key, answer, named):
    feedback = check(key, answer)
    assert not feedback.correct
    assert named in feedback.message


def test_no_answer_is_a_number_printed_earlier_in_notebook_02():
    # the notebook prints 0.4150 (-log2 0.75), 1.9, 2.6 and 0.5003 before the exercises; the
    # exercises must ask for something else, so copying a printed number cannot pass
    for key, printed in [("02-mnist-bits", 0.4150), ("02-huffman-length", 1.9), ("02-wrong-code", 2.6),
                         ("02-smoothing-floor", 0.5003)]:
        assert not check(key, printed).correct


def test_unrelated_answer_gets_generic_advice():
    feedback = check("02-huffman-length", 7.0)
    assert not feedback.correct and "Check the formula" in feedback.message

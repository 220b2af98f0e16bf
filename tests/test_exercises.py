"""The notebooks' self-checks: right answers pass, usual mistakes are named."""

import math

import numpy as np
import pytest
from scipy.optimize import brentq

from infolib.exercises import EXERCISES, check, check_entropy_function, check_which_coin


def h2(p):
    """Binary entropy in bits, by hand."""
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def policy_entropy_at(t, policy=(0.9, 0.05, 0.025, 0.025)):
    """Entropy in bits of softmax(log(policy) / t), by hand: the policy's probabilities to the power 1/t."""
    weights = [x ** (1 / t) for x in policy]
    total = sum(weights)
    return -sum(w / total * math.log2(w / total) for w in weights)


UNCERTAIN_BITS = -sum(p * math.log2(p) for p in [0.3, 0.2, 0.25, 0.25])
# Independent roots: scipy's brentq on the by-hand formulas.
HALF_BIT_BIAS = brentq(lambda p: h2(p) - 0.5, 1e-9, 0.5, xtol=1e-15)
MATCHING_T = brentq(lambda t: policy_entropy_at(t) - UNCERTAIN_BITS, 1.0, 100.0, xtol=1e-13)

RIGHT_ANSWERS = {
    "01-three-bit-heads": 0.125,
    "01-max-three-outcomes": math.log2(3),
    "01-outcomes-for-4-bits": 16,
    "01-matching-temperature": MATCHING_T,
    "01-octahedral-die": 3.0,
    "01-one-in-1024": 10.0,
    "01-half-bit-coin": HALF_BIT_BIAS,
}


def test_every_exercise_of_notebook_01_has_a_right_answer_here():
    assert set(RIGHT_ANSWERS) == {key for key in EXERCISES if key.startswith("01-")}


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
        ("01-three-bit-heads", 0.875, "tails"),
        ("01-three-bit-heads", 3, "the probability p"),
        ("01-three-bit-heads", 1 / 3, "not 1/p"),
        ("01-three-bit-heads", math.exp(-3), "nats"),
        ("01-max-three-outcomes", 1.5, "(1/2, 1/4, 1/4)"),
        ("01-max-three-outcomes", 2.0, "four outcomes"),
        ("01-max-three-outcomes", math.log(3), "nats"),
        ("01-max-three-outcomes", math.log10(3), "bans"),
        ("01-max-three-outcomes", 3, "number of outcomes"),
        ("01-outcomes-for-4-bits", 4, "2 bits"),
        ("01-outcomes-for-4-bits", 8, "3 bits"),
        ("01-outcomes-for-4-bits", 32, "5 bits"),
        ("01-outcomes-for-4-bits", math.exp(4), "nats"),
        ("01-matching-temperature", UNCERTAIN_BITS, "the entropy to match"),
        ("01-matching-temperature", 1.0, "0.619 bits"),
        ("01-matching-temperature", 1 / MATCHING_T, "1/T"),
        ("01-half-bit-coin", 1 - HALF_BIT_BIAS, "other solution"),
        ("01-half-bit-coin", 0.25, "not a straight line"),
        ("01-half-bit-coin", 0.5, "fair coin"),
        ("01-half-bit-coin", brentq(lambda p: h2(p) * math.log(2) - 0.5, 1e-9, 0.5), "nats"),
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


@pytest.mark.parametrize("eps", [1e-8, 1e-12, 1e-14, 1e-16, 1e-17])
def test_entropy_function_with_any_eps_in_the_log_is_rejected_and_named(eps):
    feedback = check_entropy_function(lambda p: -np.sum(p * np.log2(p + eps)))
    assert not feedback.correct and "eps" in feedback.message


def test_eps_bias_on_a_fair_coin_is_reported_as_a_difference():
    feedback = check_entropy_function(lambda p: -np.sum(p * np.log2(p + 1e-8)))
    gap = -(math.log2(0.5 + 1e-8)) - 1  # what the hack gets wrong on a fair coin, by hand
    assert f"off by {gap:+.2g} from 1" in feedback.message and "gives 1, not 1" not in feedback.message


def test_certain_outcome_must_give_exactly_zero():
    # eps = 1e-14 agrees with the right answer to 13 digits on every case but [1, 0],
    # where it gives -log2(1 + 1e-14) < 0 instead of exactly 0.
    feedback = check_entropy_function(lambda p: -np.sum(p * np.log2(p + 1e-14)))
    assert not feedback.correct and "certain outcome" in feedback.message
    assert "not exactly 0" in feedback.message


def test_scipy_entropy_is_accepted_as_a_correct_function():
    from scipy.stats import entropy as scipy_entropy

    assert check_entropy_function(lambda p: scipy_entropy(p, base=2)).correct


# --- exercise 3: a choice between two coins -----------------------------------------------------------


def test_which_coin_accepts_the_coin_nearer_one_half():
    assert h2(0.7) > h2(0.2)  # the premise, by hand
    feedback = check_which_coin(0.7)
    assert feedback.correct and f"{h2(0.7):.3f}" in feedback.message


@pytest.mark.parametrize(
    ("answer", "named"),
    [
        (0.2, "distance from 1/2"),
        (h2(0.7), "entropy of the more uncertain coin"),
        (0.881, "answer with its bias, 0.7"),
        (h2(0.2), "entropy of the 0.2 coin"),
        (0.3, "P(tails)"),
        (0.8, "P(tails)"),
        (0.5, "one of the two biases"),
        (42, "one of the two biases"),
        (None, "give a number"),
    ],
)
def test_which_coin_names_the_mistake_without_talking_about_log_bases(answer, named):
    feedback = check_which_coin(answer)
    assert not feedback.correct and named in feedback.message
    assert "base" not in feedback.message


def test_which_coin_is_a_checker_of_its_own_not_a_numeric_exercise():
    assert "01-which-coin" not in EXERCISES


# --- the harder exercises: values and tolerances ------------------------------------------------------


def test_half_bit_coin_answer_has_half_a_bit():
    assert h2(EXERCISES["01-half-bit-coin"].expected) == pytest.approx(0.5, rel=1e-12)


def test_half_bit_coin_accepts_the_three_decimals_a_slider_gives():
    assert check("01-half-bit-coin", 0.110).correct
    assert not check("01-half-bit-coin", 0.105).correct


def test_matching_temperature_equalises_the_two_policies_entropies():
    t = EXERCISES["01-matching-temperature"].expected
    assert policy_entropy_at(t) == pytest.approx(UNCERTAIN_BITS, rel=1e-12)


@pytest.mark.parametrize(("exponent", "accepted"), [(1.02, False), (1.03, True), (1.04, True), (1.05, False)])
def test_matching_temperature_accepts_the_slider_steps_next_to_the_answer(exponent, accepted):
    # The temperature slider sits on 10**(k / 100); the answer lies between 10**1.03 and 10**1.04.
    assert 10**1.03 < MATCHING_T < 10**1.04
    assert check("01-matching-temperature", 10**exponent).correct is accepted


def test_max_three_outcomes_accepts_log2_3_read_to_two_decimals():
    # The readout shows 1.585; a learner who writes 1.58 has found the maximum.
    assert check("01-max-three-outcomes", 1.58)
    assert not check("01-max-three-outcomes", 1.57)

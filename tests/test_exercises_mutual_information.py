"""Notebook 04's self-checks: right answers (computed here by hand) pass, usual mistakes are named."""

from __future__ import annotations

import math

import pytest

from infolib.exercises import EXERCISES, check


def h2(p):
    """Binary entropy in bits, by hand."""
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


# Weather table [[0.15, 0.35], [0.45, 0.05]]: rows sum to 0.5 each, so H(weather) = 1 bit;
# columns sum to 0.6 and 0.4, so H(umbrella) = h(0.4); H(X, Y) from the four cells.
WEATHER_CELLS = (0.15, 0.35, 0.45, 0.05)
WEATHER_HXY = -sum(p * math.log2(p) for p in WEATHER_CELLS)
WEATHER_I = 1 + h2(0.4) - WEATHER_HXY
# H(umbrella | weather): each weather row, normalised, is (0.3, 0.7) or (0.9, 0.1).
WEATHER_HY_GIVEN_X = 0.5 * h2(0.3) + 0.5 * h2(0.1)
# H(weather | umbrella): columns (0.15, 0.45) / 0.6 = (1/4, 3/4) and (0.35, 0.05) / 0.4 = (7/8, 1/8).
WEATHER_HX_GIVEN_Y = 0.6 * h2(0.25) + 0.4 * h2(0.125)
# Two symmetric channels, e = 0.05 then e = 0.2: a bit arrives flipped if exactly one flips it.
NET_FLIP = 0.05 * 0.8 + 0.95 * 0.2

RIGHT_ANSWERS = {
    "04-copy": 3.0,
    "04-weather": WEATHER_I,
    "04-bsc-capacity": 1 - h2(0.3),
    "04-information-gain": 1 - h2(0.25),
    "04-two-channels": 1 - h2(NET_FLIP),
    "04-plug-in-bias": 16 / (400 * math.log(2)),
}


def test_every_exercise_of_notebook_04_has_a_right_answer_here():
    assert set(RIGHT_ANSWERS) == {key for key in EXERCISES if key.startswith("04-")}


@pytest.mark.parametrize("key", sorted(RIGHT_ANSWERS))
def test_right_answer_is_accepted(key):
    feedback = check(key, RIGHT_ANSWERS[key])
    assert feedback.correct and repr(feedback).startswith("✓ Correct")


@pytest.mark.parametrize("key", sorted(RIGHT_ANSWERS))
def test_expected_value_matches_the_hand_computation(key):
    assert EXERCISES[key].expected == pytest.approx(RIGHT_ANSWERS[key], rel=1e-12)


@pytest.mark.parametrize(
    ("key", "answer", "named"),
    [
        ("04-copy", 6, "H(X) + H(Y)"),
        ("04-copy", 0, "independent"),
        ("04-copy", math.log(8), "nats"),
        ("04-weather", WEATHER_HXY, "joint entropy"),
        ("04-weather", 1 + h2(0.4), "subtract H(X, Y)"),
        ("04-weather", h2(0.4), "that is H(umbrella); subtract H(umbrella | weather)"),
        ("04-weather", 1.0, "that is H(weather)"),
        ("04-weather", WEATHER_HY_GIVEN_X, "H(umbrella | weather), what is left unknown"),
        ("04-weather", WEATHER_HX_GIVEN_Y, "H(weather | umbrella), what is left unknown"),
        ("04-weather", WEATHER_I * math.log(2), "nats"),
        ("04-bsc-capacity", h2(0.3), "information lost"),
        ("04-bsc-capacity", 0.7, "erasure"),
        ("04-bsc-capacity", (1 - h2(0.3)) * math.log(2), "nats"),
        ("04-information-gain", h2(0.25), "entropy left after the split"),
        ("04-information-gain", 1.0, "before the split"),
        ("04-two-channels", 1 - h2(0.05), "first channel only"),
        ("04-two-channels", 1 - h2(0.2), "second channel alone"),
        ("04-two-channels", (1 - h2(0.05)) * (1 - h2(0.2)), "does not multiply"),
        ("04-two-channels", 1 - h2(0.25), "two flips cancel"),
        ("04-two-channels", (1 - h2(NET_FLIP)) * math.log(2), "nats"),
        ("04-plug-in-bias", 16 / 400, "nats"),
        ("04-plug-in-bias", 25 / (400 * math.log(2)), "degrees of freedom"),
        ("04-plug-in-bias", 32 / (400 * math.log(2)), "2N"),
        ("04-plug-in-bias", 0, "biased upwards"),
    ],
)
def test_usual_mistake_is_named(key, answer, named):
    feedback = check(key, answer)
    assert not feedback.correct
    assert named in feedback.message


@pytest.mark.parametrize("key", sorted(RIGHT_ANSWERS))
def test_no_diagnosed_mistake_is_accepted_as_right(key):
    exercise = EXERCISES[key]
    for wrong, _why in exercise.diagnoses:
        assert not math.isclose(wrong, exercise.expected, rel_tol=exercise.rel_tol)


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        # I of section 4.1's table [[0.25, 0.25], [0.5, 0]], printed in 4.3.
        ("04-weather", 1 + h2(0.25) - 1.5),
        # I of the noisy copy [[0.4, 0.1], [0.1, 0.4]] on the course map: 1 - h(0.2).
        ("04-bsc-capacity", 1 - h2(0.2)),
        # Two channels with e = 0.1, printed in 4.5: 1 - h(0.18).
        ("04-two-channels", 1 - h2(0.18)),
    ],
)
def test_a_number_printed_in_the_notebook_does_not_answer_the_exercise(key, printed):
    assert not check(key, printed).correct


def test_an_unrelated_number_gets_generic_advice():
    feedback = check("04-weather", 42)
    assert not feedback.correct and "base of the logarithm" in feedback.message

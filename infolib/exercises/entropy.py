"""Notebook 01's exercises: surprisal, entropy of dice and coins, a learner's own entropy function."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np

from infolib.exercises.core import Exercise, Feedback
from infolib.measures import binary_entropy, entropy, surprisal

__all__ = ["EXERCISES", "check_entropy_function"]

EXERCISES: dict[str, Exercise] = {
    "01-octahedral-die": Exercise(
        question="Entropy in bits of a fair eight-sided die",
        expected=entropy(np.full(8, 1 / 8)),
        explanation="eight equally likely faces need log2 8 = 3 yes/no questions",
        diagnoses=(
            (math.log(8), "that is ln 8, the entropy in nats; use base 2 for bits"),
            (8.0, "that is the number of faces; entropy is the log of it for a uniform die"),
            (-3.0, "the sign is off: entropy is -sum p log p, which is never negative"),
        ),
    ),
    "01-one-in-1024": Exercise(
        question="Surprisal in bits of an event with probability 1/1024",
        expected=surprisal(1 / 1024),
        explanation="each halving of the probability adds one bit, and 1024 = 2**10",
        diagnoses=(
            (-surprisal(1 / 1024), "the sign is off: surprisal is -log p, positive for p < 1"),
            (surprisal(1 / 1024, base=math.e), "that is in nats; use math.log2 for bits"),
            (1 / 1024, "that is the probability itself; surprisal is -log2 of it"),
        ),
    ),
    "01-which-coin": Exercise(
        question="Bias (0.7 or 0.2) of the coin whose toss is more uncertain",
        expected=0.7,
        explanation=(
            f"h(0.7) = {binary_entropy(0.7):.3f} bits > h(0.2) = {binary_entropy(0.2):.3f} bits: "
            "0.7 is closer to the fair 0.5"
        ),
        diagnoses=((0.2, "h(p) depends on the distance from 1/2: 0.2 is 0.3 away, 0.7 only 0.2"),),
        rel_tol=1e-9,
    ),
    "01-policy-ratio": Exercise(
        question="How many times larger the uncertain policy's entropy is than the confident one's",
        expected=entropy([0.3, 0.2, 0.25, 0.25]) / entropy([0.9, 0.05, 0.025, 0.025]),
        explanation="1.985 bits / 0.619 bits: the ratio does not depend on the unit",
        diagnoses=(
            (1.98 / 0.61, "close: that uses the rounded 1.98 and 0.61; compute with infolib.entropy"),
        ),
    ),
}



#: Distributions an entropy function must get right, with why each one matters.
_ENTROPY_CASES = (
    ([0.5, 0.5], "a fair coin (1 bit)"),
    ([1 / 6] * 6, "a fair die (log2 6 bits)"),
    ([0.1, 0.9], "a biased coin"),
    ([1.0, 0.0], "a certain outcome next to an impossible one (0 log 0 must count as 0)"),
    ([0.5, 0.25, 0.25, 0.0], "a distribution with a zero"),
)


def check_entropy_function(function: Callable) -> Feedback:
    """Check a learner's own ``function(p) -> entropy in bits`` against infolib.

    Examples
    --------
    >>> import numpy as np
    >>> check_entropy_function(lambda p: -np.sum(np.asarray(p) * np.log(p)))
    ✗ Not yet: on a fair coin (1 bit) it gives 0.693147, not 1: that is in nats; use np.log2
    """
    for p, name in _ENTROPY_CASES:
        expected = entropy(p)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the learner's 0 * log(0) may warn; we explain it
            try:
                got = float(function(np.array(p)))
            except Exception as err:  # any failure of the learner's code is feedback
                return Feedback(False, f"on {name} it raised {type(err).__name__}: {err}")
        if math.isnan(got):
            return Feedback(False, f"on {name} it gives nan: 0 * log(0) is nan in numpy; "
                                   "skip the zero probabilities (0 log 0 = 0)")
        if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
            hint = "check the formula"
            if expected and math.isclose(got, expected * math.log(2), rel_tol=1e-6):
                hint = "that is in nats; use np.log2"
            elif math.isclose(got, -expected, rel_tol=1e-9):
                hint = "the sign is off: H = -sum p log p"
            elif abs(got - expected) < 1e-5:
                hint = "close but biased: an eps added inside the log shifts the answer"
            return Feedback(False, f"on {name} it gives {got:.6g}, not {expected:.6g}: {hint}")
    return Feedback(True, f"it matches infolib.entropy on all {len(_ENTROPY_CASES)} test distributions")

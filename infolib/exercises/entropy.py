"""Notebook 01's exercises: surprisal, entropy of dice and coins, a learner's own entropy function.

Most are numeric answers checked with :func:`infolib.exercises.check`; two
need a checker of their own: :func:`check_which_coin` (a choice between two
biases, where "check the base of the logarithm" would be no help) and
:func:`check_entropy_function` (the learner's code, run on test distributions).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np

from infolib.exercises.core import Exercise, Feedback
from infolib.measures import binary_entropy, entropy, surprisal
from infolib.softmax import softmax

__all__ = ["EXERCISES", "check_entropy_function", "check_which_coin"]


def _bisect(function: Callable[[float], float], low: float, high: float) -> float:
    """The root of an increasing ``function`` between ``low`` and ``high``, to machine precision."""
    for _ in range(200):
        middle = 0.5 * (low + high)
        if middle in (low, high):
            break
        if function(middle) < 0:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


#: The seed post's two policies over four actions.
_CONFIDENT = (0.9, 0.05, 0.025, 0.025)
_UNCERTAIN = (0.3, 0.2, 0.25, 0.25)

# The bias below 1/2 at which a coin carries half a bit; h is increasing on [0, 1/2].
_HALF_BIT_BIAS = _bisect(lambda p: binary_entropy(p) - 0.5, 0.0, 0.5)
# The temperature at which the confident policy is as uncertain as the uncertain one;
# the entropy of softmax(logits / T) grows with T.
_MATCHING_T = _bisect(
    lambda t: entropy(softmax(np.log(_CONFIDENT) / t)) - entropy(_UNCERTAIN), 1.0, 100.0
)

EXERCISES: dict[str, Exercise] = {
    # Tasks beside the explorers.
    "01-three-bit-heads": Exercise(
        question="The bias p at which heads carries 3 bits of surprisal",
        expected=1 / 8,
        explanation="−log2 p = 3 means p = 2**−3 = 1/8: three halvings of a certain event",
        diagnoses=(
            (7 / 8, "at p = 0.875 it is tails (probability 1 − p = 1/8) that carries 3 bits; "
                    "heads needs probability 1/8"),
            (3.0, "3 bits is the surprisal to reach; the answer is the probability p that gives it"),
            (1 / 3, "surprisal is −log2 p, not 1/p: p = 1/3 carries log2 3 = 1.585 bits"),
            (math.exp(-3), "that is e**−3, which carries 3 nats; in bits the answer is 2**−3"),
        ),
    ),
    "01-max-three-outcomes": Exercise(
        question="The largest entropy in bits of a distribution over three outcomes",
        expected=math.log2(3),
        explanation="equal weights give the most: log2 3 = 1.585 bits, every outcome 1/3",
        diagnoses=(
            (1.5, "1.5 bits is (1/2, 1/4, 1/4); make the three weights equal"),
            (2.0, "2 bits is the most for four outcomes; set the outcomes slider to 3"),
            (math.log(3), "that is ln 3, the maximum in nats; switch the unit to bits"),
            (math.log10(3), "that is log10 3, the maximum in bans; switch the unit to bits"),
            (3.0, "3 is the number of outcomes; the maximum entropy is its logarithm"),
        ),
        # 1.58, log2 3 read off the readout to two decimals, is right.
        rel_tol=5e-3,
    ),
    "01-outcomes-for-4-bits": Exercise(
        question="How many equally likely outcomes carry exactly 4 bits",
        expected=16.0,
        explanation="log2 16 = 4: each doubling of the outcomes adds one bit (2, 4, 8, 16)",
        diagnoses=(
            (4.0, "4 outcomes carry log2 4 = 2 bits; you need two more doublings"),
            (8.0, "8 outcomes carry 3 bits; one more doubling"),
            (32.0, "32 outcomes carry 5 bits; one doubling fewer"),
            (math.exp(4), "e**4 outcomes would carry 4 nats; in bits it is 2**4"),
        ),
    ),
    "01-matching-temperature": Exercise(
        question="The temperature at which the confident policy has the uncertain policy's entropy",
        expected=_MATCHING_T,
        explanation=(
            f"T = {_MATCHING_T:.2f} brings the confident policy to {entropy(_UNCERTAIN):.3f} bits; "
            "the curve is flat there, so answers within 2.5% count"
        ),
        diagnoses=(
            (entropy(_UNCERTAIN), "that is the entropy to match; the answer is the temperature T"),
            (1.0, f"at T = 1 the confident policy has only {entropy(_CONFIDENT):.3f} bits; raise T"),
            (1 / _MATCHING_T, "that is 1/T; the logits are divided by T, and T > 1 flattens the policy"),
        ),
        # The slider moves T in steps of about 2.3% and the entropy barely changes near the answer.
        rel_tol=0.025,
    ),
    # The exercises of section 1.9.
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
    "01-half-bit-coin": Exercise(
        question="The bias p below 1/2 of a coin whose toss carries half a bit",
        expected=_HALF_BIT_BIAS,
        explanation=f"h({_HALF_BIT_BIAS:.4f}) = 0.5 bits: a coin that lands heads about one toss in nine",
        diagnoses=(
            (1 - _HALF_BIT_BIAS, "that is the other solution, 1 − p (h(p) = h(1 − p)); "
                                 "give the one below 1/2"),
            (0.25, f"h(0.25) = {binary_entropy(0.25):.3f} bits, not 0.5: h is not a straight line in p"),
            (0.5, "p = 0.5 is the fair coin, with a whole bit; half a bit needs a biased coin"),
            (_bisect(lambda p: binary_entropy(p, base=math.e) - 0.5, 0.0, 0.5),
             "that coin carries 0.5 nats, not 0.5 bits; use base 2"),
        ),
    ),
}


_WHICH_COIN = (0.7, 0.2)


def check_which_coin(bias: float) -> Feedback:
    """Check the answer to "which coin is more uncertain, P(heads) = 0.7 or 0.2?".

    The answer is one of the two biases; the feedback names the usual slips
    (the other coin, an entropy instead of a bias, P(tails) instead of P(heads)).

    Examples
    --------
    >>> check_which_coin(0.7)
    ✓ Correct: h(0.7) = 0.881 bits > h(0.2) = 0.722 bits: 0.7 is closer to the fair 0.5
    >>> check_which_coin(0.881)
    ✗ Not yet: 0.881 bits is h(0.7), the entropy of the more uncertain coin: answer with its bias, 0.7
    """
    try:
        value = float(bias)
    except (TypeError, ValueError):
        return Feedback(False, f"give a number, not {bias!r}")
    right, wrong = _WHICH_COIN
    h_right, h_wrong = binary_entropy(right), binary_entropy(wrong)

    def near(x: float) -> bool:
        return math.isclose(value, x, rel_tol=1e-3)

    if near(right):
        return Feedback(True, f"h({right}) = {h_right:.3f} bits > h({wrong}) = {h_wrong:.3f} bits: "
                              f"{right} is closer to the fair 0.5")
    if near(wrong):
        return Feedback(False, f"h(p) depends on the distance from 1/2: {wrong} is "
                               f"{0.5 - wrong:.1f} away, {right} only {right - 0.5:.1f}")
    if near(h_right):
        return Feedback(False, f"{h_right:.3f} bits is h({right}), the entropy of the more uncertain "
                               f"coin: answer with its bias, {right}")
    if near(h_wrong):
        return Feedback(False, f"{h_wrong:.3f} bits is h({wrong}), the entropy of the {wrong} coin; "
                               f"compare it with h({right}) and answer with a bias")
    if near(1 - right) or near(1 - wrong):
        return Feedback(False, f"{value:g} is P(tails) of one of the coins; answer with P(heads), "
                               f"{right} or {wrong}")
    return Feedback(False, f"answer with one of the two biases, {right} or {wrong}")


#: Distributions an entropy function must get right, with why each one matters.
_ENTROPY_CASES = (
    ([0.5, 0.5], "a fair coin (1 bit)"),
    ([1 / 6] * 6, "a fair die (log2 6 bits)"),
    ([0.1, 0.9], "a biased coin"),
    ([1.0, 0.0], "a certain outcome next to an impossible one (exactly 0 bits: 0 log 0 counts as 0)"),
    ([0.5, 0.25, 0.25, 0.0], "a distribution with a zero"),
    ([1e-20, 1.0], "an outcome with probability 1e-20 (rare, but possible)"),
)


def _hint(got: float, expected: float) -> str:
    """Which usual mistake a wrong entropy ``got`` (instead of ``expected``) looks like."""
    if expected and math.isclose(got, expected * math.log(2), rel_tol=1e-6):
        return "that is in nats; use np.log2"
    if expected and math.isclose(got, -expected, rel_tol=1e-9):
        return "the sign is off: H = -sum p log p"
    if abs(got - expected) < 1e-5:
        return ("close but biased: an eps added inside the log shifts the answer (log2(p + eps) "
                "is not log2 p); skip the zero probabilities instead")
    return "check the formula"


def check_entropy_function(function: Callable) -> Feedback:
    """Check a learner's own ``function(p) -> entropy in bits`` against infolib.

    A certain outcome must give exactly 0 bits, and every other case must
    agree to 9 significant digits: an ``eps`` inside the logarithm, however
    small, fails one of them.

    Examples
    --------
    >>> import numpy as np
    >>> check_entropy_function(lambda p: np.sum(p[p > 0] * np.log2(p[p > 0])))
    ✗ Not yet: on a fair coin (1 bit) it gives -1, off by -2 from 1: the sign is off: H = -sum p log p
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
        if expected == 0:
            if got != 0:
                return Feedback(False, f"on {name} it gives {got:.3g}, not exactly 0: {_hint(got, 0.0)}")
            continue
        if not math.isclose(got, expected, rel_tol=1e-9):
            gap = got - expected
            return Feedback(False, f"on {name} it gives {got:.10g}, off by {gap:+.2g} from {expected:.10g}: "
                                   f"{_hint(got, expected)}")
    return Feedback(True, f"it matches infolib.entropy on all {len(_ENTROPY_CASES)} test distributions")

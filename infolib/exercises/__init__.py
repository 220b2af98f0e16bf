"""Self-checks for the notebooks' exercises: feedback that explains a wrong answer.

A learner computes an answer, then calls ``check("exercise-key", answer)``.
A right answer is confirmed; a wrong one is compared with the usual mistakes
(bits vs nats, a missing minus sign, forgetting ``0 log 0 = 0``) and the
feedback says which one it looks like.

Each notebook's exercises live in a module of their own
(:mod:`~infolib.exercises.entropy` for notebook 01, then ``cross_entropy``,
``kl_divergence`` and ``mutual_information``) as a dict ``EXERCISES`` whose
keys start with the notebook's number; :data:`EXERCISES` here merges them,
and each module's other checkers are re-exported here.
"""

from __future__ import annotations

import math

from infolib.exercises import cross_entropy, entropy, kl_divergence, mutual_information
from infolib.exercises.core import Exercise as Exercise
from infolib.exercises.core import Feedback as Feedback
from infolib.exercises.cross_entropy import *  # noqa: F403
from infolib.exercises.entropy import *  # noqa: F403
from infolib.exercises.kl_divergence import *  # noqa: F403
from infolib.exercises.mutual_information import *  # noqa: F403

_NOTEBOOKS = (entropy, cross_entropy, kl_divergence, mutual_information)

#: Every exercise of the course, by key ("01-...", "02-...", ...).
EXERCISES = {key: ex for module in _NOTEBOOKS for key, ex in module.EXERCISES.items()}

__all__ = sorted({"EXERCISES", "Exercise", "Feedback", "check",
                  *(name for module in _NOTEBOOKS for name in module.__all__)})


def check(key: str, answer: float) -> Feedback:
    """Check a numeric answer to the exercise ``key`` of :data:`EXERCISES`.

    Examples
    --------
    >>> check("01-octahedral-die", 3.0)
    ✓ Correct: eight equally likely faces need log2 8 = 3 yes/no questions
    >>> check("01-octahedral-die", 2.0794)
    ✗ Not yet: that is ln 8, the entropy in nats; use base 2 for bits
    """
    if key not in EXERCISES:
        raise KeyError(f"no exercise {key!r}; the exercises are {sorted(EXERCISES)}")
    exercise = EXERCISES[key]
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return Feedback(False, f"give a number, not {answer!r}")
    if math.isclose(value, exercise.expected, rel_tol=exercise.rel_tol):
        return Feedback(True, exercise.explanation)
    for wrong, why in exercise.diagnoses:
        if math.isclose(value, wrong, rel_tol=1e-3):
            return Feedback(False, why)
    return Feedback(False, f"{value:g} is not it; {exercise.question.lower()} is not {value:g}. "
                           f"{exercise.fallback}")



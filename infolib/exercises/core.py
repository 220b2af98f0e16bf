"""The records behind the exercises' self-checks: an exercise and the verdict on one answer."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Exercise", "Feedback"]


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer; prints as one readable line."""

    correct: bool
    message: str

    def __repr__(self) -> str:
        return f"{'✓ Correct' if self.correct else '✗ Not yet'}: {self.message}"

    def __bool__(self) -> bool:
        return self.correct


@dataclass(frozen=True)
class Exercise:
    """A numeric exercise: the expected value and the wrong values worth explaining."""

    question: str
    expected: float
    explanation: str
    #: (wrong value, what it suggests) pairs, checked in order.
    diagnoses: tuple[tuple[float, str], ...] = field(default=())
    rel_tol: float = 1e-3
    #: What to say to a wrong answer that matches no diagnosis (a numeric hint by default;
    #: a choice question says what to compare instead).
    fallback: str = "Check the formula and the base of the logarithm."



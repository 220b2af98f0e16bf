"""Input checks shared by every measure.

Every public function converts its inputs here, so that a learner who passes
something that is not a distribution gets the same kind of message everywhere:
the argument's name, what is wrong (with the offending value and index) and how
to fix it. The checks cost two reductions (``min`` and ``sum``) on valid input;
the slow search for *where* the problem is runs only when something is wrong.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = [
    "SUM_TOLERANCE",
    "InvalidDistributionError",
    "as_distribution",
    "as_probabilities",
    "check_base",
    "log_function",
]

#: Largest allowed ``|sum(p) - 1|`` for float64 input. Lower-precision input
#: (float32, float16) gets ``64 * eps`` of its own type when that is larger.
SUM_TOLERANCE = 1e-6


class InvalidDistributionError(ValueError):
    """An argument is not a probability distribution (or table of them).

    A subclass of :class:`ValueError`, so ``except ValueError`` catches it too.

    Examples
    --------
    >>> import infolib
    >>> try:
    ...     infolib.entropy([0.5, 0.7])
    ... except infolib.InvalidDistributionError as err:
    ...     print(err)
    p sums to 1.2, not 1; pass normalize=True to rescale weights into probabilities
    """


def as_float_array(x, name: str) -> tuple[np.ndarray, np.dtype]:
    """Convert an array-like of real numbers to float64; also return its original dtype."""
    if isinstance(x, (str, bytes)):
        raise TypeError(
            f"{name} must be numbers (a list, tuple or numpy array), not the string {x!r}"
        )
    try:
        arr = np.asarray(x)
    except ValueError as err:  # ragged nested lists
        raise TypeError(
            f"{name} must be a rectangular array of numbers; numpy could not convert it ({err})"
        ) from None
    if arr.dtype.kind in "biuf":
        return arr.astype(np.float64, copy=False), arr.dtype
    if arr.dtype.kind == "c":
        raise TypeError(f"{name} has complex values; probabilities are real numbers")
    if arr.dtype.kind in "US":
        raise TypeError(f"{name} contains strings; convert them to numbers first")
    raise TypeError(
        f"{name} must be an array of real numbers, got {type(x).__name__} "
        f"with dtype {arr.dtype} (is it ragged or does it hold non-numbers?)"
    )


def _index_text(name: str, index: tuple[int, ...]) -> str:
    return f"{name}[{', '.join(str(i) for i in index)}]"


def _row_text(name: str, row: tuple[int, ...], axis: int, ndim: int) -> str:
    """Name one distribution of a batch, e.g. ``p[1]`` or ``p[:, 1]`` when ``axis=0``."""
    if not row:
        return name
    parts = [str(i) for i in row]
    if axis % ndim != ndim - 1:
        parts.insert(axis % ndim, ":")
    return f"{name}[{', '.join(parts)}]"


def raise_bad_value(
    arr: np.ndarray, name: str, upper: float | None = None, noun: str = "probabilities"
) -> None:
    """Find the first NaN, infinite, negative (or too large) entry and explain it."""
    checks = [
        (np.isnan(arr), f"is nan; {noun} must be finite numbers"),
        (np.isinf(arr), f"is infinite; {noun} must be finite numbers"),
        (arr < 0, "is negative; probabilities must be >= 0"),
    ]
    if upper is not None:
        checks.append((arr > upper, f"is greater than {upper:g}; a probability is at most 1"))
    for mask, problem in checks:
        if mask.any():
            index = tuple(int(i) for i in np.argwhere(mask)[0])
            where = _index_text(name, index) if arr.ndim else name
            raise InvalidDistributionError(f"{where} = {float(arr[index])!r} {problem}")


def _sum_tolerance(dtype: np.dtype) -> float:
    if dtype.kind == "f":
        return max(SUM_TOLERANCE, 64 * float(np.finfo(dtype).eps))
    return SUM_TOLERANCE


def as_distribution(p, name: str = "p", *, axis: int = -1, normalize: bool = False) -> np.ndarray:
    """Check that ``p`` holds probability distributions along ``axis``.

    Parameters
    ----------
    p : array_like
        Probabilities (or, with ``normalize=True``, non-negative weights).
    name : str
        The argument's name, used in error messages.
    axis : int
        The axis that indexes outcomes; it is moved to the end of the result.
    normalize : bool
        Rescale each slice to sum to 1 instead of requiring it.

    Returns
    -------
    numpy.ndarray
        A float64 array with the outcomes along the last axis.

    Raises
    ------
    TypeError
        For strings, complex numbers, ragged lists and other non-numbers.
    InvalidDistributionError
        For an empty or scalar input, NaN, infinite or negative entries, or a
        slice that does not sum to 1 within :data:`SUM_TOLERANCE`.

    Examples
    --------
    >>> as_distribution([1, 3], normalize=True)
    array([0.25, 0.75])
    """
    arr, original_dtype = as_float_array(p, name)
    if arr.ndim == 0:
        raise InvalidDistributionError(
            f"{name} is the single number {float(arr)!r}; a distribution is a sequence "
            f"of probabilities such as [0.5, 0.5] (for one event's probability use surprisal)"
        )
    original, ndim = arr, arr.ndim  # bad entries are reported by their index in p as given
    try:
        arr = np.moveaxis(arr, axis, -1)
    except np.exceptions.AxisError:
        raise ValueError(f"axis={axis} is out of range for {name} with {arr.ndim} dimension(s)") from None
    if arr.shape[-1] == 0:
        raise InvalidDistributionError(f"{name} is empty; a distribution needs at least one outcome")
    if arr.size == 0:
        raise InvalidDistributionError(f"{name} has shape {arr.shape} and holds no distributions")
    # min() propagates NaN, so one comparison screens NaN and negatives at once.
    if not arr.min() >= 0:
        raise_bad_value(original, name)
    with np.errstate(over="ignore"):  # finite weights near 1e308 can sum past the float range
        total = arr.sum(axis=-1)
    if not np.isfinite(total).all():
        raise_bad_value(original, name)  # an infinite entry; otherwise the sum overflowed
        if normalize:
            arr = arr / arr.max(axis=-1, keepdims=True)
            total = arr.sum(axis=-1)
    if normalize:
        if (total == 0).any():
            row = tuple(int(i) for i in np.argwhere(total == 0)[0])
            where = _row_text(name, row, axis, ndim)
            raise InvalidDistributionError(
                f"{where} has all weights zero, so it cannot be normalized; "
                f"give some outcome a positive weight"
            )
        return arr / total[..., np.newaxis]
    tolerance = _sum_tolerance(original_dtype)
    off = np.abs(total - 1.0) > tolerance
    if off.any():
        row = tuple(int(i) for i in np.argwhere(off)[0]) if off.ndim else ()
        where = _row_text(name, row, axis, ndim)
        value = float(total[row]) if row else float(total)
        raise InvalidDistributionError(
            f"{where} sums to {value:.10g}, not 1; pass normalize=True to rescale "
            f"weights into probabilities"
        )
    return arr


def as_probabilities(p, name: str = "p") -> np.ndarray:
    """Check that every entry of ``p`` is a probability in [0, 1] (elementwise use).

    Examples
    --------
    >>> as_probabilities([0.0, 0.5, 1.0])
    array([0. , 0.5, 1. ])
    """
    arr, _ = as_float_array(p, name)
    if arr.size and not (arr.min() >= 0 and arr.max() <= 1):
        raise_bad_value(arr, name, upper=1.0)
    return arr


def check_base(base) -> float:
    """Return ``base`` as a float after checking it can be a logarithm's base.

    Examples
    --------
    >>> check_base(2)
    2.0
    """
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise TypeError(
            f"base must be a number (2 for bits, math.e for nats, 10 for bans), got {base!r}"
        )
    value = float(base)
    if not math.isfinite(value) or value <= 0 or value == 1:
        raise ValueError(
            f"base must be a finite number > 0 and != 1 (2 for bits, math.e for nats, "
            f"10 for bans), got {base!r}"
        )
    return value


def log_function(base: float):
    """The numpy ufunc-like logarithm for ``base``.

    Bases 2, e and 10 use numpy's own ``log2``, ``log`` and ``log10`` so that
    exact cases stay exact (the entropy of a fair coin is exactly 1.0 bit).
    """
    if base == 2:
        return np.log2
    if base == math.e:
        return np.log
    if base == 10:
        return np.log10
    scale = 1.0 / math.log(base)

    def log_base(x, out=None, where=True):
        result = np.log(x, out=out, where=where)
        np.multiply(result, scale, out=result, where=where)
        return result

    return log_base

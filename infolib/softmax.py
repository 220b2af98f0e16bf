"""Softmax and log-softmax: turning a network's scores (logits) into a distribution."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from infolib._validation import as_float_array, raise_bad_value

__all__ = ["log_softmax", "softmax"]


def _shifted_logits(logits: ArrayLike, temperature: float, axis: int) -> np.ndarray:
    """Logits divided by the temperature, minus their maximum along ``axis``."""
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float, np.floating)):
        raise TypeError(f"temperature must be a positive number, got {temperature!r}")
    if not (math.isfinite(temperature) and temperature > 0):
        raise ValueError(
            f"temperature must be a finite number > 0 (1 leaves the logits as they are), "
            f"got {temperature!r}"
        )
    z, _ = as_float_array(logits, "logits")
    if z.ndim == 0 or z.size == 0:
        raise ValueError(f"logits must be a non-empty array of scores, got shape {z.shape}")
    if not np.isfinite(z).all():
        raise_bad_value(z, "logits", noun="logits")
    # Subtracting the maximum leaves softmax unchanged and keeps exp() from
    # overflowing: the largest exponent becomes exp(0) = 1. Shifting before
    # dividing by T means an overflow can only give -inf (probability 0, the
    # right limit for a tiny T or logits spanning more than the float range).
    with np.errstate(over="ignore"):
        z = z - z.max(axis=axis, keepdims=True)
        z /= temperature
    return z


def softmax(logits: ArrayLike, *, temperature: float = 1.0, axis: int = -1) -> np.ndarray:
    """Softmax ``exp(z_i / T) / sum_j exp(z_j / T)``, stable for huge logits.

    Parameters
    ----------
    logits : array_like
        Real-valued scores, one per outcome along ``axis``.
    temperature : float, optional
        ``T > 0``. Large ``T`` flattens the distribution towards uniform
        (more entropy); small ``T`` sharpens it towards the arg-max (less).
    axis : int, optional
        The axis that indexes outcomes (default: the last).

    Returns
    -------
    numpy.ndarray
        Probabilities along ``axis`` that sum to 1.

    Examples
    --------
    >>> softmax([1.0, 1.0])
    array([0.5, 0.5])
    >>> softmax([10_000.0, 0.0])      # no overflow
    array([1., 0.])
    >>> softmax([2.0, 0.0], temperature=1e9).round(6)
    array([0.5, 0.5])
    """
    z = _shifted_logits(logits, temperature, axis)
    np.exp(z, out=z)
    z /= z.sum(axis=axis, keepdims=True)
    return z


def log_softmax(logits: ArrayLike, *, temperature: float = 1.0, axis: int = -1) -> np.ndarray:
    """Natural log of :func:`softmax`, computed without forming tiny probabilities.

    Returns
    -------
    numpy.ndarray
        ``z_i / T - logsumexp(z / T)``: finite even where ``softmax`` underflows to 0.

    Examples
    --------
    >>> log_softmax([10_000.0, 0.0])
    array([     0., -10000.])
    """
    z = _shifted_logits(logits, temperature, axis)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))

"""Elementwise kernels behind the measures, with the conventions defined once.

``p log q`` terms follow the limits that make information measures continuous:
``0 log q = 0`` for every ``q`` (including 0), and ``p log 0 = -inf`` for ``p > 0``.
The summing kernels first run the bare numpy expression (no masks, no extra
pass to look for zeros) and fall back to the masked, exact kernels only when
that sum is not finite, which is how a zero shows itself (``0 * log 0`` is
NaN in numpy). A finite fast sum is exactly what the masked kernel computes.
"""

from __future__ import annotations

import numpy as np

# Below this, p / q can overflow for p <= 1, so the ratio kernel subtracts logs instead.
_TINY = np.finfo(np.float64).tiny


def _multiply_into(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return ``values * weights``, in place when the shapes allow it."""
    if values.shape == np.broadcast_shapes(values.shape, weights.shape):
        values *= weights
        return values
    return values * weights


def p_log_q(p: np.ndarray, q: np.ndarray, log) -> np.ndarray:
    """Elementwise ``p * log(q)`` with ``0 log q = 0`` and ``p log 0 = -inf`` (p > 0)."""
    if q.min() > 0:
        return _multiply_into(log(q), p)
    p, q = np.broadcast_arrays(p, q)
    used = p > 0
    terms = np.zeros(p.shape)
    log(q, out=terms, where=used & (q > 0))
    terms *= p
    terms[used & (q == 0)] = -np.inf
    return terms


def p_log_ratio(p: np.ndarray, q: np.ndarray, log) -> np.ndarray:
    """Elementwise ``p * log(p / q)`` with ``0 log(0/q) = 0`` and ``p log(p/0) = +inf``."""
    if p.min() > 0 and q.min() >= _TINY:
        ratio = np.divide(p, q)
        log(ratio, out=ratio)
        return _multiply_into(ratio, p)
    p, q = np.broadcast_arrays(p, q)
    used = p > 0
    finite = used & (q > 0)
    terms = np.zeros(p.shape)
    log_q = np.zeros(p.shape)
    # log p - log q rather than log(p / q): the ratio overflows for subnormal q.
    log(p, out=terms, where=finite)
    log(q, out=log_q, where=finite)
    terms -= log_q
    terms *= p
    terms[used & (q == 0)] = np.inf
    return terms


def sum_p_log_q(p: np.ndarray, q: np.ndarray, log, axis=-1) -> np.ndarray:
    """``sum p log q`` over ``axis`` with the conventions of :func:`p_log_q`."""
    with np.errstate(divide="ignore", invalid="ignore"):
        total = _multiply_into(log(q), p).sum(axis=axis)
    if np.isfinite(total).all():
        return total
    return p_log_q(p, q, log).sum(axis=axis)


def sum_p_log_ratio(p: np.ndarray, q: np.ndarray, log, axis=-1) -> np.ndarray:
    """``sum p log(p / q)`` over ``axis`` with the conventions of :func:`p_log_ratio`."""
    with np.errstate(all="ignore"):  # zeros and overflowing ratios go to the exact kernel
        ratio = np.divide(p, q)
        log(ratio, out=ratio)
        total = _multiply_into(ratio, p).sum(axis=axis)
    if np.isfinite(total).all():
        return total
    return p_log_ratio(p, q, log).sum(axis=axis)


def finish(value):
    """Turn a 0-d result into a Python float and ``-0.0`` into ``0.0``."""
    value = value + 0.0  # -0.0 + 0.0 == +0.0: a certain outcome has entropy 0, not -0
    if np.ndim(value) == 0:
        return float(value)
    return value

"""Measures of two variables from their joint distribution or paired samples.

A joint table is a 2-D array with ``pxy[i, j] = P(X = x_i, Y = y_j)``: rows
index X, columns index Y. Extra leading axes are a batch of tables.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
from numpy.typing import ArrayLike

from infolib._joint_table import JointTable
from infolib._kernels import finish, p_log_ratio, sum_p_log_q, sum_p_log_ratio
from infolib._validation import (
    InvalidDistributionError,
    as_distribution,
    as_float_array,
    check_base,
    log_function,
    raise_bad_value,
)

__all__ = [
    "JointTable",
    "conditional_entropy",
    "joint_distribution",
    "joint_entropy",
    "marginals",
    "mutual_information",
    "mutual_information_from_samples",
    "product_distribution",
]


def _as_joint(pxy, normalize: bool = False) -> np.ndarray:
    arr, _ = as_float_array(pxy, "pxy")
    if arr.ndim < 2:
        raise InvalidDistributionError(
            f"pxy must be a 2-D joint table with pxy[i, j] = P(X=x_i, Y=y_j), got a "
            f"{arr.ndim}-D array of shape {arr.shape}; for one variable use entropy(p), "
            f"for two independent ones build the table with product_distribution(px, py)"
        )
    if arr.size and not arr.min() >= 0:
        raise_bad_value(arr, "pxy")  # names the entry as pxy[i, j]
    flat = arr.reshape((*arr.shape[:-2], -1))
    return as_distribution(flat, "pxy", normalize=normalize).reshape(arr.shape)


def marginals(pxy: ArrayLike, *, normalize: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The marginal distributions ``(p_x, p_y)`` of a joint table.

    Parameters
    ----------
    pxy : array_like
        Joint table, ``pxy[i, j] = P(X = x_i, Y = y_j)``.
    normalize : bool, optional
        Rescale a table of counts to probabilities first.

    Returns
    -------
    px, py : numpy.ndarray
        Row sums ``P(X = x_i)`` and column sums ``P(Y = y_j)``.

    Examples
    --------
    >>> px, py = marginals([[0.1, 0.2], [0.3, 0.4]])
    >>> px.round(3), py.round(3)
    (array([0.3, 0.7]), array([0.4, 0.6]))
    """
    pxy = _as_joint(pxy, normalize)
    return pxy.sum(axis=-1), pxy.sum(axis=-2)


def product_distribution(px: ArrayLike, py: ArrayLike) -> np.ndarray:
    """The joint table of independent X and Y: ``pxy[i, j] = px[i] * py[j]``.

    Examples
    --------
    >>> product_distribution([0.5, 0.5], [0.25, 0.75])
    array([[0.125, 0.375],
           [0.125, 0.375]])
    """
    px = as_distribution(px, "px")
    py = as_distribution(py, "py")
    return px[..., :, np.newaxis] * py[..., np.newaxis, :]


def joint_entropy(pxy: ArrayLike, *, base: float = 2, normalize: bool = False) -> float | np.ndarray:
    """Joint entropy ``H(X, Y) = -sum_ij pxy[i, j] log pxy[i, j]``.

    Parameters
    ----------
    pxy : array_like
        Joint table, ``pxy[i, j] = P(X = x_i, Y = y_j)``.
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    normalize : bool, optional
        Rescale a table of counts to probabilities first.

    Returns
    -------
    float or numpy.ndarray
        ``H(X, Y)``; equals ``H(X) + H(Y)`` exactly when X and Y are independent.

    Examples
    --------
    A fair coin and a fair die, independent: log2 12 bits.

    >>> import math
    >>> pxy = product_distribution([1/2] * 2, [1/6] * 6)
    >>> math.isclose(joint_entropy(pxy), math.log2(12))
    True
    """
    log = log_function(check_base(base))
    pxy = _as_joint(pxy, normalize)
    return finish(-sum_p_log_q(pxy, pxy, log, axis=(-2, -1)))


def conditional_entropy(
    pxy: ArrayLike, *, base: float = 2, normalize: bool = False
) -> float | np.ndarray:
    """Conditional entropy ``H(Y | X)``: what is left unknown about Y once X is known.

    Parameters
    ----------
    pxy : array_like
        Joint table, ``pxy[i, j] = P(X = x_i, Y = y_j)`` (rows index X).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    normalize : bool, optional
        Rescale a table of counts to probabilities first.

    Returns
    -------
    float or numpy.ndarray
        ``H(Y | X) = -sum_ij pxy[i, j] log(pxy[i, j] / px[i]) = H(X, Y) - H(X)``.

    Notes
    -----
    The conditioning variable is the one that indexes rows. For ``H(X | Y)``
    transpose the table: ``conditional_entropy(np.transpose(pxy))``.
    Each term is non-negative because ``pxy[i, j] <= px[i]``, so the result
    is never negative, even after rounding.

    Examples
    --------
    If Y is a copy of X, knowing X leaves nothing to learn about Y:

    >>> conditional_entropy([[0.5, 0.0], [0.0, 0.5]])
    0.0
    >>> conditional_entropy([[0.25, 0.25], [0.25, 0.25]])  # independent fair coins
    1.0
    """
    log = log_function(check_base(base))
    pxy = _as_joint(pxy, normalize)
    px = pxy.sum(axis=-1, keepdims=True)
    return finish(-sum_p_log_ratio(pxy, px, log, axis=(-2, -1)))


def mutual_information(
    pxy: ArrayLike, *, base: float = 2, normalize: bool = False
) -> float | np.ndarray:
    """Mutual information ``I(X; Y)``: how much knowing one variable tells about the other.

    Parameters
    ----------
    pxy : array_like
        Joint table, ``pxy[i, j] = P(X = x_i, Y = y_j)``.
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    normalize : bool, optional
        Rescale a table of counts to probabilities first.

    Returns
    -------
    float or numpy.ndarray
        ``I(X; Y) = D_KL(pxy || px py) = H(X) + H(Y) - H(X, Y)``; symmetric,
        ``>= 0``, 0 iff X and Y are independent, at most ``min(H(X), H(Y))``.

    Notes
    -----
    Computed as the KL divergence from the product of the marginals, term by
    term, which stays accurate when I is tiny (the difference of entropies
    would cancel). Rounding below 0 is clipped, as in :func:`kl_divergence`.

    Examples
    --------
    >>> mutual_information([[0.5, 0.0], [0.0, 0.5]])    # Y = X, a fair bit
    1.0
    >>> mutual_information([[0.25, 0.25], [0.25, 0.25]])  # independent
    0.0
    """
    log = log_function(check_base(base))
    pxy = _as_joint(pxy, normalize)
    px = pxy.sum(axis=-1, keepdims=True)
    py = pxy.sum(axis=-2, keepdims=True)
    # pxy log(pxy / (px py)) = px * [p(y|x) log(p(y|x) / py)]: forming px * py
    # could underflow to 0 for tiny marginals (1e-200 * 1e-200) and give inf.
    y_given_x = np.divide(pxy, px, out=np.zeros(pxy.shape), where=px > 0)
    terms = px * p_log_ratio(y_given_x, py, log)
    return finish(np.maximum(terms.sum(axis=(-2, -1)), 0.0))


def _factorize(values: Sequence[Hashable], name: str) -> tuple[np.ndarray, tuple]:
    """Integer codes for samples and the labels they stand for (sorted when sortable)."""
    arr = np.asarray(values)
    if arr.dtype.kind in "US" and not isinstance(values, np.ndarray):
        # numpy would turn [1, "a"] into ["1", "a"]: keep the labels as given.
        if not all(isinstance(v, (str, bytes)) for v in values):
            arr = np.asarray(values, dtype=object)
    if isinstance(values, (str, bytes)) or arr.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D sequence of samples (one label per sample), "
            f"got {type(values).__name__} with shape {np.shape(arr)}"
        )
    if arr.dtype.kind in "iu" and arr.size:
        low, high = int(arr.min()), int(arr.max())
        # Counting small integer labels is linear time; sorting them is not.
        if high - low <= 4 * arr.size + 1024:
            # Subtract in a type that cannot wrap: int8 [-100, 100] - (-100) overflows
            # int8, and uint64 labels above 2**63 do not fit in intp before the shift.
            if arr.dtype == np.uint64:
                offset = (arr - np.uint64(low)).astype(np.intp)
            else:
                offset = arr.astype(np.intp, copy=False)
                if low:
                    offset = offset - low
            present = np.flatnonzero(np.bincount(offset))
            lookup = np.empty(high - low + 1, dtype=np.intp)
            lookup[present] = np.arange(present.size)
            return lookup[offset], tuple(low + i for i in present.tolist())
    try:
        labels, codes = np.unique(arr, return_inverse=True)
        return codes.reshape(-1), tuple(labels.tolist())
    except TypeError:  # labels of mixed types cannot be sorted: keep first-seen order
        index: dict = {}
        codes = np.fromiter((index.setdefault(v, len(index)) for v in arr), np.intp, arr.size)
        return codes, tuple(index)


def joint_distribution(x: Sequence[Hashable], y: Sequence[Hashable]) -> JointTable:
    """The empirical joint distribution of paired samples ``(x[k], y[k])``.

    Parameters
    ----------
    x, y : sequence
        Paired observations of equal length; labels may be any hashable values
        (numbers, strings, ...).

    Returns
    -------
    JointTable
        ``(table, x_labels, y_labels)``: rows follow ``x_labels`` and columns
        ``y_labels``, each sorted when the labels can be sorted (else in order
        of first appearance).

    Examples
    --------
    >>> weather = ["sun", "sun", "rain", "rain"]
    >>> umbrella = ["no", "no", "yes", "no"]
    >>> table, xs, ys = joint_distribution(weather, umbrella)
    >>> xs, ys
    (('rain', 'sun'), ('no', 'yes'))
    >>> table
    array([[0.25, 0.25],
           [0.5 , 0.  ]])
    """
    x_len, y_len = len(x), len(y)
    if x_len != y_len:
        raise ValueError(
            f"x has {x_len} samples but y has {y_len}; joint samples come in pairs, "
            f"so x and y must have the same length"
        )
    if x_len == 0:
        raise ValueError("x and y are empty; an empirical distribution needs at least one sample")
    x_codes, x_labels = _factorize(x, "x")
    y_codes, y_labels = _factorize(y, "y")
    n_y = len(y_labels)
    counts = np.bincount(x_codes * n_y + y_codes, minlength=len(x_labels) * n_y)
    return JointTable(counts.reshape(len(x_labels), n_y) / x_len, x_labels, y_labels)


def mutual_information_from_samples(
    x: Sequence[Hashable], y: Sequence[Hashable], *, base: float = 2
) -> float:
    """Mutual information of the empirical joint distribution of paired samples.

    This is the plug-in estimate: it treats sample frequencies as the true
    probabilities, so it is biased upwards for small samples (independent
    variables rarely give exactly 0).

    Examples
    --------
    >>> mutual_information_from_samples([0, 0, 1, 1], [0, 0, 1, 1])
    1.0
    >>> mutual_information_from_samples([0, 1, 0, 1], [0, 0, 1, 1])
    0.0
    """
    check_base(base)
    return mutual_information(joint_distribution(x, y).table, base=base)

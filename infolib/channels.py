"""Noisy channels as matrices, the information they carry and their capacity.

A channel is a matrix ``W[x, y] = P(Y = y | X = x)``: one row per input
value, one column per output value, and every row is a distribution (it sums
to 1). An input distribution ``px`` and a channel make a joint table
``pxy[x, y] = px[x] * W[x, y]`` (:func:`channel_joint`), so every measure of
:mod:`infolib.joint` applies.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from infolib._kernels import finish, p_log_ratio
from infolib._validation import (
    SUM_TOLERANCE,
    InvalidDistributionError,
    as_distribution,
    as_float_array,
    as_probabilities,
    check_base,
    raise_bad_value,
)
from infolib.joint import mutual_information

__all__ = [
    "ChannelCapacity",
    "binary_erasure_channel",
    "binary_symmetric_channel",
    "channel_capacity",
    "channel_joint",
    "channel_mutual_information",
    "compose_channels",
]


def as_channel(W: ArrayLike, name: str = "W") -> np.ndarray:
    """Check that ``W`` is a channel matrix (2-D, entries >= 0, rows summing to 1).

    Examples
    --------
    >>> as_channel([[0.9, 0.1], [0.2, 0.8]])
    array([[0.9, 0.1],
           [0.2, 0.8]])
    """
    arr, _ = as_float_array(W, name)
    if arr.ndim != 2 or arr.size == 0:
        raise InvalidDistributionError(
            f"{name} must be a non-empty 2-D channel matrix with {name}[x, y] = P(Y=y | X=x) "
            f"(one row per input), got shape {arr.shape}"
        )
    if not arr.min() >= 0:
        raise_bad_value(arr, name)
    with np.errstate(over="ignore"):
        sums = arr.sum(axis=1)
    off = ~(np.abs(sums - 1.0) <= SUM_TOLERANCE)
    if off.any():
        row = int(np.flatnonzero(off)[0])
        raise InvalidDistributionError(
            f"row {name}[{row}] (input x = {row}) sums to {sums[row]:.10g}, not 1; each row of a "
            f"channel matrix is the distribution P(Y | X = {row}) of the output for that input"
        )
    return arr


def binary_symmetric_channel(e: float) -> np.ndarray:
    """The binary symmetric channel: each bit is flipped with probability ``e``.

    Parameters
    ----------
    e : float
        Flip (crossover) probability, in [0, 1].

    Returns
    -------
    numpy.ndarray
        ``[[1 - e, e], [e, 1 - e]]``; its capacity is ``1 - h(e)`` bits.

    Examples
    --------
    >>> binary_symmetric_channel(0.1)
    array([[0.9, 0.1],
           [0.1, 0.9]])
    """
    e = float(as_probabilities(e, "e"))
    return np.array([[1.0 - e, e], [e, 1.0 - e]])


def binary_erasure_channel(e: float) -> np.ndarray:
    """The binary erasure channel: each bit is lost (received as "?") with probability ``e``.

    Parameters
    ----------
    e : float
        Erasure probability, in [0, 1].

    Returns
    -------
    numpy.ndarray
        A 2 x 3 matrix with outputs ``(0, ?, 1)``: ``[[1 - e, e, 0], [0, e, 1 - e]]``;
        its capacity is ``1 - e`` bits.

    Examples
    --------
    >>> binary_erasure_channel(0.25)
    array([[0.75, 0.25, 0.  ],
           [0.  , 0.25, 0.75]])
    """
    e = float(as_probabilities(e, "e"))
    return np.array([[1.0 - e, e, 0.0], [0.0, e, 1.0 - e]])


def _input_and_channel(px: ArrayLike, W: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    px = as_distribution(px, "px")
    W = as_channel(W)
    if px.ndim != 1:
        raise InvalidDistributionError(f"px must be one input distribution (1-D), got shape {px.shape}")
    if px.shape[0] != W.shape[0]:
        raise ValueError(
            f"px has {px.shape[0]} input probabilities but the channel W has {W.shape[0]} rows; "
            f"W needs one row per input value (W[x, y] = P(Y=y | X=x)), so they must match"
        )
    return px, W


def channel_joint(px: ArrayLike, W: ArrayLike) -> np.ndarray:
    """The joint table of input and output: ``pxy[x, y] = px[x] * W[x, y]``.

    Parameters
    ----------
    px : array_like
        Input distribution, one probability per row of ``W``.
    W : array_like
        Channel matrix, ``W[x, y] = P(Y = y | X = x)``.

    Returns
    -------
    numpy.ndarray
        The joint table (rows index X); its column sums are the output distribution.

    Examples
    --------
    >>> channel_joint([0.5, 0.5], binary_symmetric_channel(0.25))
    array([[0.375, 0.125],
           [0.125, 0.375]])
    """
    px, W = _input_and_channel(px, W)
    return px[:, np.newaxis] * W


def channel_mutual_information(px: ArrayLike, W: ArrayLike, *, base: float = 2) -> float:
    """``I(X; Y)`` between the input and the output of a channel for input distribution ``px``.

    Examples
    --------
    >>> channel_mutual_information([0.5, 0.5], [[1, 0], [0, 1]])  # a noiseless bit
    1.0
    >>> channel_mutual_information([0.5, 0.5], binary_symmetric_channel(0.5))  # a coin toss
    0.0
    """
    return mutual_information(channel_joint(px, W), base=base)


def compose_channels(W1: ArrayLike, W2: ArrayLike) -> np.ndarray:
    """Two channels in a row, X -> Y -> Z: ``P(Z = z | X = x) = sum_y W1[x, y] W2[y, z]``.

    Examples
    --------
    >>> bsc = binary_symmetric_channel(0.1)
    >>> compose_channels(bsc, bsc).round(3)   # two 10% flips: 18% net flips
    array([[0.82, 0.18],
           [0.18, 0.82]])
    """
    W1 = as_channel(W1, "W1")
    W2 = as_channel(W2, "W2")
    if W1.shape[1] != W2.shape[0]:
        raise ValueError(
            f"W1 has {W1.shape[1]} outputs (columns) but W2 has {W2.shape[0]} inputs (rows); "
            f"the first channel's output is the second one's input, so these must match"
        )
    return W1 @ W2


class ChannelCapacity(NamedTuple):
    """The result of :func:`channel_capacity`.

    ``capacity`` is ``I(X; Y)`` at ``input_distribution``; the true capacity lies
    in ``[capacity, capacity + gap]``.
    """

    capacity: float
    input_distribution: np.ndarray
    gap: float
    iterations: int


def _divergences(r: np.ndarray, W: np.ndarray) -> np.ndarray:
    """``D[x] = KL(W[x] || r W)`` in nats: what input x adds over the average output."""
    py = r @ W
    return p_log_ratio(W, py[np.newaxis, :], np.log).sum(axis=1)


def channel_capacity(
    W: ArrayLike, *, base: float = 2, tol: float = 1e-12, max_iterations: int = 10_000
) -> ChannelCapacity:
    """The capacity ``C = max_px I(X; Y)`` of a channel, by the Blahut-Arimoto algorithm.

    Parameters
    ----------
    W : array_like
        Channel matrix, ``W[x, y] = P(Y = y | X = x)``.
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    tol : float, optional
        Stop once the capacity is known within ``tol`` (in the unit of
        ``base``): the returned value is at most ``tol`` below the true one.
    max_iterations : int, optional
        Stop after this many updates even if ``tol`` is not reached; the
        ``gap`` field then says how far from the capacity the answer may be.

    Returns
    -------
    ChannelCapacity
        ``(capacity, input_distribution, gap, iterations)``: ``capacity`` is
        ``I(X; Y)`` at the returned input distribution, and the true
        capacity lies in ``[capacity, capacity + gap]``.

    Notes
    -----
    Each step reweights the inputs, ``r[x] <- r[x] exp(D[x]) / Z`` with
    ``D[x] = KL(W[x] || r W)`` (nats). For every ``r``,
    ``I(r) = sum_x r[x] D[x] <= C <= max_x D[x]`` (Cover & Thomas, ch. 10.8),
    so ``gap = max_x D[x] - I(r)`` is a certified bound. It starts from the
    uniform input, which is already optimal for symmetric channels (then
    ``gap = 0`` after no update). Convergence is slow when some inputs
    should get probability 0; ``max_iterations`` bounds the work.

    References
    ----------
    R. Blahut, "Computation of channel capacity and rate-distortion functions",
    IEEE Trans. Inf. Theory 18(4), 1972; S. Arimoto, same journal and issue.

    Examples
    --------
    >>> result = channel_capacity(binary_symmetric_channel(0.11))
    >>> round(result.capacity, 4), result.input_distribution
    (0.5001, array([0.5, 0.5]))
    >>> channel_capacity(np.eye(4)).capacity   # a noiseless channel: log2 4 bits
    2.0
    >>> z = channel_capacity([[1, 0], [0.5, 0.5]])  # the Z channel: a skewed optimal input
    >>> round(z.capacity, 4), z.input_distribution.round(3)
    (0.3219, array([0.6, 0.4]))
    """
    scale = 1.0 / math.log(check_base(base))
    W = as_channel(W)
    if not (isinstance(tol, (int, float)) and tol > 0):
        raise ValueError(f"tol must be a positive number (a gap in the unit of base), got {tol!r}")
    if isinstance(max_iterations, bool) or not isinstance(max_iterations, int) or max_iterations < 0:
        raise ValueError(f"max_iterations must be an integer >= 0, got {max_iterations!r}")
    r = np.full(W.shape[0], 1.0 / W.shape[0])
    iterations = 0
    while True:
        d = _divergences(r, W)
        gap = (d.max() - r @ d) * scale
        if gap <= tol or iterations >= max_iterations:
            break
        # Shifting D by its maximum keeps exp() in range; it cancels on normalising.
        r = r * np.exp(d - d.max())
        r /= r.sum()
        iterations += 1
    capacity = channel_mutual_information(r, W, base=base)
    return ChannelCapacity(capacity, r, finish(max(gap, 0.0)), iterations)

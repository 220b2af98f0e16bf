"""Information measures of one or two distributions over the same outcomes.

All functions take probabilities along the last axis (``axis=-1``), so a 2-D
array is a batch of distributions, and a ``base`` for the logarithm: 2 gives
bits (the default), ``math.e`` gives nats, 10 gives bans (hartleys).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from infolib._joint_table import flatten_joint_tables
from infolib._kernels import finish, p_log_q, sum_p_log_q, sum_p_log_ratio
from infolib._validation import as_distribution, as_probabilities, check_base, log_function

__all__ = [
    "binary_entropy",
    "cross_entropy",
    "entropy",
    "entropy_contributions",
    "js_divergence",
    "kl_divergence",
    "surprisal",
]


def surprisal(p: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    """Information content ``-log p`` of events with probability ``p``.

    Parameters
    ----------
    p : array_like
        Probabilities of events, each in [0, 1]; any shape (elementwise).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).

    Returns
    -------
    float or numpy.ndarray
        ``-log_base(p)``, in the unit of ``base``; ``inf`` for ``p = 0``
        (an impossible event would be infinitely surprising).

    Notes
    -----
    Rare events carry more information: halving an event's probability adds
    exactly one bit of surprisal.

    Examples
    --------
    A coin that lands heads 99% of the time (the seed posts' example):

    >>> round(surprisal(0.99), 4), round(surprisal(0.01), 3)
    (0.0145, 6.644)
    >>> surprisal([1.0, 0.5, 0.25])
    array([0., 1., 2.])
    """
    log = log_function(check_base(base))
    p = as_probabilities(p, "p")
    result = np.full(p.shape, np.inf)
    positive = p > 0
    log(p, out=result, where=positive)
    np.negative(result, out=result, where=positive)
    return finish(result)


def entropy(
    p: ArrayLike, *, base: float = 2, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    """Shannon entropy ``H(p) = -sum_i p_i log p_i``: the expected surprisal.

    Parameters
    ----------
    p : array_like
        A probability distribution (or a batch of them along ``axis``).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    axis : int, optional
        The axis that indexes outcomes (default: the last).
    normalize : bool, optional
        If True, ``p`` may be any non-negative weights (counts, say); they are
        rescaled to sum to 1. If False (default), ``p`` must already sum to 1
        within :data:`infolib.SUM_TOLERANCE`.

    Returns
    -------
    float or numpy.ndarray
        The entropy in the unit of ``base``; a float for one distribution, an
        array for a batch.

    Raises
    ------
    InvalidDistributionError
        If ``p`` is not a distribution (message says where and how to fix it).
    TypeError, ValueError
        For non-numeric input or an invalid ``base``.

    Notes
    -----
    Outcomes with probability 0 contribute nothing (``0 log 0 = 0``, the
    limit of ``x log x`` as ``x -> 0``). ``0 <= H(p) <= log n`` for ``n``
    outcomes, with equality on the right only for the uniform distribution.

    Examples
    --------
    >>> entropy([0.5, 0.5])          # a fair coin: one bit
    1.0
    >>> round(entropy([1/6] * 6), 3)  # a fair die: log2 6 bits
    2.585
    >>> entropy([1.0, 0.0])          # a certain outcome: no uncertainty
    0.0
    >>> round(entropy([0.5, 0.5], base=math.e), 4)  # the same coin in nats
    0.6931
    >>> entropy([3, 1], normalize=True) == entropy([0.75, 0.25])
    True
    """
    log = log_function(check_base(base))
    (p,) = flatten_joint_tables(p)
    p = as_distribution(p, "p", axis=axis, normalize=normalize)
    return finish(-sum_p_log_q(p, p, log))


def entropy_contributions(
    p: ArrayLike, *, base: float = 2, axis: int = -1, normalize: bool = False
) -> np.ndarray:
    """Each outcome's share ``-p_i log p_i`` of the entropy (they sum to ``H(p)``).

    Parameters
    ----------
    p : array_like
        A probability distribution (or a batch of them along ``axis``).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    axis : int, optional
        The axis that indexes outcomes (default: the last).
    normalize : bool, optional
        Rescale non-negative weights to probabilities first.

    Returns
    -------
    numpy.ndarray
        ``-p_i log p_i`` with the outcomes along the last axis; 0 where ``p_i = 0``.

    Examples
    --------
    >>> entropy_contributions([0.5, 0.25, 0.25, 0.0])
    array([0.5, 0.5, 0.5, 0. ])
    """
    log = log_function(check_base(base))
    (p,) = flatten_joint_tables(p)
    p = as_distribution(p, "p", axis=axis, normalize=normalize)
    return finish(-p_log_q(p, p, log))


def binary_entropy(p: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    """Entropy of a coin that lands heads with probability ``p`` (elementwise).

    Parameters
    ----------
    p : array_like
        Bias of the coin(s), each in [0, 1]; any shape.
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).

    Returns
    -------
    float or numpy.ndarray
        ``h(p) = -p log p - (1 - p) log(1 - p)``; 0 at ``p = 0`` and ``p = 1``,
        maximal (1 bit) at ``p = 1/2``.

    Examples
    --------
    >>> binary_entropy(0.5)
    1.0
    >>> binary_entropy([0.0, 1.0])
    array([0., 0.])
    >>> round(binary_entropy(0.01), 4)  # a 99/1 coin
    0.0808
    """
    scale = 1.0 / math.log(check_base(base))
    p = as_probabilities(p, "p")
    inside = (p > 0) & (p < 1)
    heads = np.zeros(p.shape)
    tails = np.zeros(p.shape)
    np.log(p, out=heads, where=inside)
    # log1p(-p) keeps full precision for the tails term when p is tiny.
    np.log1p(-p, out=tails, where=inside)
    nats = -(p * heads + (1 - p) * tails)
    return finish(nats * scale)


def cross_entropy(
    p: ArrayLike, q: ArrayLike, *, base: float = 2, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    """Cross entropy ``H(p, q) = -sum_i p_i log q_i``.

    The expected surprisal of outcomes drawn from ``p`` when you believe ``q``:
    the average code length (in bits, for base 2) of a code built for ``q``
    used on data from ``p``.

    Parameters
    ----------
    p : array_like
        The true distribution (for classification: the label, often one-hot).
    q : array_like
        The model's distribution over the same outcomes (the prediction).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    axis : int, optional
        The axis that indexes outcomes (default: the last). Other axes broadcast.
    normalize : bool, optional
        Rescale ``p`` and ``q`` from non-negative weights to probabilities.

    Returns
    -------
    float or numpy.ndarray
        ``H(p, q)`` in the unit of ``base``; ``inf`` if ``q_i = 0`` for some
        ``i`` with ``p_i > 0`` (the model called possible data impossible).

    Notes
    -----
    ``H(p, q) = H(p) + D_KL(p || q) >= H(p)``, with equality iff ``q = p``.
    It is not symmetric: ``H(p, q) != H(q, p)`` in general.

    Examples
    --------
    A label ``[1, 0]`` against a confident wrong and a confident right guess:

    >>> round(cross_entropy([1, 0], [0.1, 0.9]), 4)
    3.3219
    >>> round(cross_entropy([1, 0], [0.9, 0.1]), 4)
    0.152
    >>> cross_entropy([1, 0], [0.0, 1.0])
    inf
    """
    log = log_function(check_base(base))
    p, q = flatten_joint_tables(p, q)
    p = as_distribution(p, "p", axis=axis, normalize=normalize)
    q = as_distribution(q, "q", axis=axis, normalize=normalize)
    _check_same_outcomes(p, q)
    return finish(-sum_p_log_q(p, q, log))


def kl_divergence(
    p: ArrayLike, q: ArrayLike, *, base: float = 2, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    """Kullback-Leibler divergence ``D_KL(p || q) = sum_i p_i log(p_i / q_i)``.

    The extra bits per outcome paid for coding data from ``p`` with a code
    built for ``q``; also the expected log-likelihood ratio of ``p`` to ``q``.

    Parameters
    ----------
    p, q : array_like
        Distributions over the same outcomes (batches along ``axis`` broadcast).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    axis : int, optional
        The axis that indexes outcomes (default: the last).
    normalize : bool, optional
        Rescale ``p`` and ``q`` from non-negative weights to probabilities.

    Returns
    -------
    float or numpy.ndarray
        The divergence in the unit of ``base``: ``>= 0``, ``0`` iff ``p = q``,
        and ``inf`` if ``q_i = 0`` where ``p_i > 0``.

    Notes
    -----
    Terms follow ``0 log(0/q) = 0`` and ``p log(p/0) = inf`` for ``p > 0``.
    Rounding can make a sum of terms that cancel come out a few ulp below
    zero; the result is clipped at 0 because the true value never is.
    ``D_KL`` is not a distance: it is not symmetric and breaks the triangle
    inequality.

    Examples
    --------
    >>> p, q = [0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25]
    >>> round(kl_divergence(p, q), 4), round(kl_divergence(q, p), 4)
    (0.1536, 0.1757)
    >>> import math
    >>> math.isclose(kl_divergence(p, q), cross_entropy(p, q) - entropy(p))
    True
    """
    log = log_function(check_base(base))
    p, q = flatten_joint_tables(p, q)
    p = as_distribution(p, "p", axis=axis, normalize=normalize)
    q = as_distribution(q, "q", axis=axis, normalize=normalize)
    _check_same_outcomes(p, q)
    return finish(np.maximum(sum_p_log_ratio(p, q, log), 0.0))


def js_divergence(
    p: ArrayLike, q: ArrayLike, *, base: float = 2, axis: int = -1, normalize: bool = False
) -> float | np.ndarray:
    """Jensen-Shannon divergence: the mean KL divergence to the midpoint.

    ``JS(p, q) = (D_KL(p || m) + D_KL(q || m)) / 2`` with ``m = (p + q) / 2``.

    Parameters
    ----------
    p, q : array_like
        Distributions over the same outcomes (batches along ``axis`` broadcast).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    axis : int, optional
        The axis that indexes outcomes (default: the last).
    normalize : bool, optional
        Rescale ``p`` and ``q`` from non-negative weights to probabilities.

    Returns
    -------
    float or numpy.ndarray
        Symmetric and always finite: between 0 and ``log_base 2`` (1 bit).
        Its square root is a metric (``scipy.spatial.distance.jensenshannon``
        returns that square root).

    Examples
    --------
    >>> js_divergence([1, 0], [0, 1])   # disjoint supports: the maximum, 1 bit
    1.0
    >>> js_divergence([0.2, 0.8], [0.2, 0.8])
    0.0
    """
    checked_base = check_base(base)
    log = log_function(checked_base)
    p, q = flatten_joint_tables(p, q)
    p = as_distribution(p, "p", axis=axis, normalize=normalize)
    q = as_distribution(q, "q", axis=axis, normalize=normalize)
    _check_same_outcomes(p, q)
    m = 0.5 * (p + q)
    js = 0.5 * (sum_p_log_ratio(p, m, log) + sum_p_log_ratio(q, m, log))
    return finish(np.clip(js, 0.0, math.log(2) / math.log(checked_base)))


def _check_same_outcomes(p: np.ndarray, q: np.ndarray) -> None:
    """Raise a ValueError unless p and q describe the same outcomes and broadcast."""
    if p.shape[-1] != q.shape[-1]:
        raise ValueError(
            f"p has {p.shape[-1]} outcomes but q has {q.shape[-1]}; both must give "
            f"probabilities for the same outcomes, in the same order"
        )
    try:
        np.broadcast_shapes(p.shape, q.shape)
    except ValueError:
        raise ValueError(
            f"p has shape {p.shape} and q has shape {q.shape}; batches of distributions "
            f"must have the same shape (or shapes that broadcast)"
        ) from None

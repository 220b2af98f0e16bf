"""KL divergence seen two more ways: as an average over samples, and as a non-distance.

* KL(P || Q) is the expected log-likelihood ratio ``log(p(x) / q(x))`` for ``x``
  drawn from P, so the average over a sample from P converges to it
  (:func:`log_likelihood_ratio_path`, :func:`mean_log_likelihood_ratio`).
* KL breaks the triangle inequality: :func:`kl_triangle_excess` measures by how
  much, and :func:`find_kl_triangle_violation` searches small distributions for
  the worst case.
"""

from __future__ import annotations

import itertools
import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from infolib._kernels import p_log_ratio
from infolib._validation import as_distribution, as_float_array, check_base, log_function
from infolib.measures import _check_same_outcomes, cross_entropy, kl_divergence
from infolib.sampling import sample_outcomes
from infolib.softmax import softmax

__all__ = [
    "LogitFit",
    "find_kl_triangle_violation",
    "fit_logits",
    "kl_gap",
    "kl_triangle_excess",
    "log_likelihood_ratio_path",
    "mean_log_likelihood_ratio",
]


def _check_count(n, name: str = "n") -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"{name} must be a whole number >= 1 (how many samples), got {n!r}")
    return int(n)


def log_likelihood_ratio_path(
    p: ArrayLike, q: ArrayLike, n: int, *, samples_from: ArrayLike | None = None, seed: int = 0,
    base: float = 2,
) -> np.ndarray:
    """Running averages of ``log(p(x) / q(x))`` over ``n`` samples ``x``.

    Parameters
    ----------
    p, q : array_like
        The two distributions compared (numerator and denominator).
    n : int
        Number of samples.
    samples_from : array_like, optional
        The distribution the samples are drawn from (default: ``p``, so the
        averages converge to ``KL(p || q)``).
    seed : int, optional
        Seed of the random generator (the first ``k`` samples of ``n`` are the sample of size ``k``).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats).

    Returns
    -------
    numpy.ndarray
        ``n`` values: the average over the first 1, 2, ..., ``n`` samples.
        ``inf`` from the first sample ``x`` with ``q(x) = 0`` on (P can produce
        what Q calls impossible), ``-inf`` for a sample with ``p(x) = 0``.

    Examples
    --------
    >>> path = log_likelihood_ratio_path([0.5, 0.5], [0.25, 0.75], 4, seed=0)
    >>> path.round(3)
    array([-0.585,  0.208,  0.472,  0.604])
    """
    log = log_function(check_base(base))
    p = as_distribution(p, "p")
    q = as_distribution(q, "q")
    _check_same_outcomes(p, q)
    source = p if samples_from is None else as_distribution(samples_from, "samples_from")
    _check_same_outcomes(p, source)
    x = sample_outcomes(source, _check_count(n), seed=seed)
    log_p = np.full(p.shape, -np.inf)
    log_q = np.full(q.shape, -np.inf)
    log(p, out=log_p, where=p > 0)
    log(q, out=log_q, where=q > 0)
    with np.errstate(invalid="ignore"):  # -inf - -inf: an outcome neither can produce, never drawn
        ratio = log_p - log_q
    scores = ratio[x]
    with np.errstate(invalid="ignore"):  # inf + -inf cannot happen: a drawn x has p or q > 0
        return np.cumsum(scores) / np.arange(1, len(x) + 1)


def mean_log_likelihood_ratio(
    p: ArrayLike, q: ArrayLike, n: int, *, samples_from: ArrayLike | None = None, seed: int = 0,
    base: float = 2,
) -> float:
    """The average of ``log(p(x) / q(x))`` over ``n`` seeded samples (the last value of the path).

    Examples
    --------
    >>> import infolib
    >>> p, q = [0.1, 0.2, 0.3, 0.4], [0.25] * 4
    >>> estimate = mean_log_likelihood_ratio(p, q, 100_000, seed=0)
    >>> abs(estimate - infolib.kl_divergence(p, q)) < 0.01
    True
    """
    return float(log_likelihood_ratio_path(p, q, n, samples_from=samples_from, seed=seed, base=base)[-1])


def kl_triangle_excess(p: ArrayLike, q: ArrayLike, r: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    """``KL(p || r) - KL(p || q) - KL(q || r)``: positive where the triangle inequality fails.

    A distance ``d`` has ``d(p, r) <= d(p, q) + d(q, r)``; KL does not.

    Examples
    --------
    >>> round(kl_triangle_excess([0.9, 0.1], [0.5, 0.5], [0.1, 0.9]), 3)
    1.268
    """
    return kl_divergence(p, r, base=base) - kl_divergence(p, q, base=base) - kl_divergence(q, r, base=base)


def find_kl_triangle_violation(
    n_outcomes: int = 2, steps: int = 10, *, base: float = 2
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Search all triples of distributions on a grid for the largest :func:`kl_triangle_excess`.

    Parameters
    ----------
    n_outcomes : int, optional
        Number of outcomes (2 = coins).
    steps : int, optional
        Probabilities are multiples of ``1 / steps``; only distributions with
        every probability > 0 are searched (so every KL is finite).
    base : float, optional
        Unit of the excess.

    Returns
    -------
    p, q, r : numpy.ndarray
        The triple with the largest excess (the first found, in grid order).
    excess : float
        ``KL(p || r) - KL(p || q) - KL(q || r)``; > 0 is a counterexample.

    Examples
    --------
    >>> p, q, r, excess = find_kl_triangle_violation(2, 10)
    >>> p, q, r, round(excess, 3)
    (array([0.1, 0.9]), array([0.6, 0.4]), array([0.9, 0.1]), 1.292)
    """
    n_outcomes = _check_count(n_outcomes, "n_outcomes")
    steps = _check_count(steps, "steps")
    if steps < n_outcomes:
        raise ValueError(f"steps={steps} is too coarse for {n_outcomes} outcomes all > 0; use more steps")
    log = log_function(check_base(base))
    grid = np.array([c for c in itertools.product(range(1, steps), repeat=n_outcomes) if sum(c) == steps],
                    dtype=float) / steps
    # kl[i, j] = KL(grid[i] || grid[j]); every entry is positive, so every KL is finite.
    kl = p_log_ratio(grid[:, None, :], grid[None, :, :], log).sum(axis=-1)
    excess = kl[:, None, :] - kl[:, :, None] - kl[None, :, :]
    # excess[i, j, k] = KL(i || k) - KL(i || j) - KL(j || k)
    i, j, k = np.unravel_index(int(np.argmax(excess)), excess.shape)
    return grid[i], grid[j], grid[k], float(excess[i, j, k])



def kl_gap(p: ArrayLike, q: ArrayLike, *, base: float = 2) -> float:
    """``KL(Q || P) - KL(P || Q)``: how much larger the reverse direction is.

    Returns
    -------
    float
        Positive when ``KL(Q || P)`` is the larger; ``inf`` or ``-inf`` when only
        one direction is infinite.

    Raises
    ------
    ValueError
        When both directions are infinite (each distribution gives zero
        probability to an outcome the other can produce): the gap is undefined.

    Examples
    --------
    >>> round(kl_gap([0.1, 0.2, 0.3, 0.4], [0.25] * 4), 4)   # 0.1757 - 0.1536
    0.0221
    >>> kl_gap([0.5, 0.5], [1.0, 0.0])
    -inf
    """
    forward, reverse = kl_divergence(p, q, base=base), kl_divergence(q, p, base=base)
    if math.isinf(forward) and math.isinf(reverse):
        raise ValueError(
            "KL(P || Q) and KL(Q || P) are both infinite (each gives probability 0 to an outcome "
            "the other can produce), so their gap is undefined"
        )
    return float(reverse - forward)


class LogitFit(NamedTuple):
    """The history of a gradient-descent fit of ``Q = softmax(logits)`` to a fixed ``P``."""

    logits: np.ndarray  #: (steps + 1, n) logits, the start first
    loss: np.ndarray  #: the loss at each of those logits
    gradient: np.ndarray  #: (steps + 1, n) gradient of the loss (in nats) with respect to the logits


def fit_logits(
    p: ArrayLike, logits: ArrayLike, *, steps: int = 100, learning_rate: float = 1.0,
    loss: str = "cross_entropy", base: float = math.e,
) -> LogitFit:
    """Fit ``Q = softmax(logits)`` to ``P`` by gradient descent on cross entropy or on KL.

    Parameters
    ----------
    p : array_like
        The fixed target distribution.
    logits : array_like
        Starting logits of ``Q``.
    steps : int, optional
        Number of gradient steps.
    learning_rate : float, optional
        Step size.
    loss : {"cross_entropy", "kl_divergence"}, optional
        The loss minimised: ``H(P, Q)`` or ``KL(P || Q)``.
    base : float, optional
        Unit of the recorded loss (the gradient is in nats).

    Returns
    -------
    LogitFit
        Logits, loss and gradient after 0, 1, ..., ``steps`` steps.

    Notes
    -----
    The two losses differ by ``H(P)``, which does not depend on ``Q``: their
    gradients are the same, ``softmax(logits) - P``, so both runs take exactly
    the same steps and end at the same model; only the loss curves differ, by
    the constant ``H(P)``.

    Examples
    --------
    >>> import infolib
    >>> p = [0.7, 0.2, 0.1]
    >>> ce = fit_logits(p, [0.0, 0.0, 0.0], steps=50, loss="cross_entropy")
    >>> kl = fit_logits(p, [0.0, 0.0, 0.0], steps=50, loss="kl_divergence")
    >>> bool(np.array_equal(ce.logits, kl.logits))
    True
    >>> bool(np.allclose(ce.loss - kl.loss, infolib.entropy(p, base=math.e)))  # H(P) at every step
    True
    """
    if loss not in ("cross_entropy", "kl_divergence"):
        raise ValueError(f"loss must be 'cross_entropy' or 'kl_divergence', got {loss!r}")
    p = as_distribution(p, "p")
    if p.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D), got shape {p.shape}")
    z, _ = as_float_array(logits, "logits")
    _check_same_outcomes(p, z)
    steps = _check_count(steps, "steps")
    history = [z.copy()]
    for _ in range(steps):
        # -sum p log softmax(z) has gradient softmax(z) - p; KL = that - H(P), the same gradient.
        z = z - learning_rate * (softmax(z) - p)
        history.append(z.copy())
    all_logits = np.array(history)
    qs = softmax(all_logits)
    measure = cross_entropy if loss == "cross_entropy" else kl_divergence
    return LogitFit(all_logits, measure(p, qs, base=base), qs - p)

"""Gaussians and KL divergence: the closed form, mixtures, and fitting one Gaussian by KL.

A Gaussian fitted to a two-peaked density shows the two directions of KL at
their most different: minimising ``KL(P || Q)`` (forward) spreads ``Q`` over
both peaks, minimising ``KL(Q || P)`` (reverse) makes ``Q`` pick one peak.

Densities live on a grid of equally spaced points ``x``; integrals over the
grid are Riemann sums ``sum(f(x)) * dx``, and a density on the grid is
rescaled so that its Riemann sum is 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from infolib._kernels import finish
from infolib._validation import as_float_array, check_base, raise_bad_value

__all__ = [
    "MIXTURE_GRID",
    "GaussianFit",
    "fit_gaussian",
    "fit_gaussian_to_mixture",
    "gaussian_density",
    "gaussian_kl",
    "grid_kl_divergence",
    "mixture_density",
    "mixture_fit_divergence",
]

#: The grid on which :func:`fit_gaussian_to_mixture` works: wide enough for
#: peaks within ±5 with standard deviations up to 1.5.
MIXTURE_GRID = np.linspace(-12.0, 12.0, 481)

_HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def _positive(value: ArrayLike, name: str) -> np.ndarray:
    arr, _ = as_float_array(value, name)
    if not (np.isfinite(arr).all() and (arr > 0).all()):
        bad = arr[~(np.isfinite(arr) & (arr > 0))].flat[0]
        raise ValueError(f"{name} must be finite and > 0 (a standard deviation), got {bad!r}")
    return arr


def _finite(value: ArrayLike, name: str) -> np.ndarray:
    arr, _ = as_float_array(value, name)
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite numbers, got {arr[~np.isfinite(arr)].flat[0]!r}")
    return arr


def gaussian_kl(
    mean_p: ArrayLike, std_p: ArrayLike, mean_q: ArrayLike = 0.0, std_q: ArrayLike = 1.0,
    *, base: float = 2,
) -> float | np.ndarray:
    """``KL(N(mean_p, std_p²) || N(mean_q, std_q²))`` in closed form.

    Parameters
    ----------
    mean_p, std_p : array_like
        Mean and standard deviation (> 0) of the first Gaussian, ``P``.
    mean_q, std_q : array_like, optional
        Mean and standard deviation of the second, ``Q`` (default: the
        standard normal, the prior of a variational autoencoder).
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).

    Returns
    -------
    float or numpy.ndarray
        ``log(std_q / std_p) + (std_p² + (mean_p - mean_q)²) / (2 std_q²) - 1/2``
        (in nats; divided by ``ln base``), elementwise. For a diagonal Gaussian
        over several latent dimensions (a VAE's encoder) the KL term is the
        sum over dimensions.

    Notes
    -----
    This is what ``torch.distributions.kl_divergence(Normal(m1, s1), Normal(m2, s2))``
    returns, with the arguments in mathematical order (P first), in nats.
    It is 0 only for equal Gaussians and not symmetric:
    ``gaussian_kl(0, 1, 0, 2) != gaussian_kl(0, 2, 0, 1)``.

    Examples
    --------
    >>> gaussian_kl(0.0, 1.0, 0.0, 1.0)
    0.0
    >>> round(gaussian_kl(1.0, 1.0, 0.0, 1.0, base=math.e), 4)  # a shift by one std: 1/2 nat
    0.5
    >>> round(gaussian_kl(0, 1, 0, 2, base=math.e), 4), round(gaussian_kl(0, 2, 0, 1, base=math.e), 4)
    (0.3181, 0.8069)
    """
    log_base = math.log(check_base(base))
    mp, mq = _finite(mean_p, "mean_p"), _finite(mean_q, "mean_q")
    sp, sq = _positive(std_p, "std_p"), _positive(std_q, "std_q")
    ratio = sp / sq
    # log(sq/sp) + (r² - 1)/2 written with r = sp/sq; the mean term separately.
    nats = -np.log(ratio) + 0.5 * (ratio**2 - 1.0) + 0.5 * ((mp - mq) / sq) ** 2
    return finish(np.maximum(nats, 0.0) / log_base)


def gaussian_density(x: ArrayLike, mean: float = 0.0, std: float = 1.0) -> np.ndarray:
    """The normal density ``exp(-(x - mean)² / (2 std²)) / (std sqrt(2 pi))`` at ``x``.

    Examples
    --------
    >>> round(float(gaussian_density(0.0)), 4)
    0.3989
    """
    x = _finite(x, "x")
    std = float(_positive(std, "std"))
    z = (x - float(_finite(mean, "mean"))) / std
    return np.exp(-0.5 * z * z - _HALF_LOG_2PI) / std


def mixture_density(
    x: ArrayLike, means: Sequence[float], stds: Sequence[float], weights: Sequence[float]
) -> np.ndarray:
    """The density of a mixture of Gaussians, ``sum_k w_k N(x; m_k, s_k²)``, at ``x``.

    Parameters
    ----------
    x : array_like
        Where to evaluate the density.
    means, stds, weights : sequence of float
        One entry per component; the weights are non-negative and are
        rescaled to sum to 1.

    Examples
    --------
    >>> x = np.linspace(-10, 10, 2001)
    >>> p = mixture_density(x, [-2, 2], [1, 1], [0.5, 0.5])
    >>> round(float(p.sum() * (x[1] - x[0])), 6)  # a density: integrates to 1
    1.0
    """
    means = _finite(means, "means").ravel()
    stds = _positive(stds, "stds").ravel()
    weights, _ = as_float_array(weights, "weights")
    weights = weights.ravel()
    if not len(means) == len(stds) == len(weights):
        raise ValueError(
            f"means, stds and weights must have one entry per component; got "
            f"{len(means)}, {len(stds)} and {len(weights)}"
        )
    if not (np.isfinite(weights).all() and weights.min() >= 0 and weights.sum() > 0):
        raise ValueError(f"weights must be non-negative numbers, not all 0; got {weights.tolist()}")
    weights = weights / weights.sum()
    x = _finite(x, "x")
    return sum(w * gaussian_density(x, m, s) for m, s, w in zip(means, stds, weights, strict=True))


def _check_grid(x: ArrayLike) -> tuple[np.ndarray, float]:
    x = _finite(x, "x")
    if x.ndim != 1 or len(x) < 3:
        raise ValueError(f"x must be a 1-D grid of at least 3 points, got shape {x.shape}")
    steps = np.diff(x)
    dx = float(steps.mean())
    if not (dx > 0 and np.allclose(steps, dx, rtol=1e-6, atol=0)):
        raise ValueError("x must be increasing and equally spaced (use np.linspace)")
    return x, dx


def _check_density(density: ArrayLike, x: np.ndarray, dx: float, name: str) -> np.ndarray:
    p, _ = as_float_array(density, name)
    if p.shape != x.shape:
        raise ValueError(f"{name} has shape {p.shape} but x has shape {x.shape}; give one value per point")
    if not (np.isfinite(p).all() and p.min() >= 0):
        raise_bad_value(p, name, noun="density values")
    total = p.sum() * dx
    if total <= 0:
        raise ValueError(f"{name} is 0 everywhere on the grid; it must be positive somewhere")
    return p / total


def _grid_kl_nats(p: np.ndarray, log_p: np.ndarray, log_q: np.ndarray, dx: float) -> float:
    """``sum p (log p - log q) dx`` with ``0 log 0 = 0`` and ``p log(p/0) = inf``."""
    used = p > 0
    if np.isneginf(log_q[used]).any():
        return math.inf
    return float(np.sum(p[used] * (log_p[used] - log_q[used])) * dx)


def _log(density: np.ndarray) -> np.ndarray:
    out = np.full(density.shape, -np.inf)
    np.log(density, out=out, where=density > 0)
    return out


def grid_kl_divergence(x: ArrayLike, p: ArrayLike, q: ArrayLike, *, base: float = 2) -> float:
    """``KL(P || Q) = ∫ p log(p / q) dx`` for two densities on the grid ``x``.

    Both densities are rescaled to integrate to 1 over the grid (a Riemann sum).

    Examples
    --------
    >>> x = np.linspace(-12, 12, 4001)
    >>> value = grid_kl_divergence(x, gaussian_density(x, 1, 1), gaussian_density(x, 0, 1), base=math.e)
    >>> round(value, 6)  # the closed form: 1/2 nat
    0.5
    """
    log_base = math.log(check_base(base))
    x, dx = _check_grid(x)
    p = _check_density(p, x, dx, "p")
    q = _check_density(q, x, dx, "q")
    return max(_grid_kl_nats(p, _log(p), _log(q), dx), 0.0) / log_base


class GaussianFit(NamedTuple):
    """The Gaussian ``N(mean, std²)`` that minimises a KL divergence, and that divergence.

    ``local_optima`` lists every local minimum found (the fit itself first),
    each as a ``GaussianFit`` with an empty ``local_optima``.
    """

    mean: float
    std: float
    divergence: float
    local_optima: tuple[GaussianFit, ...] = ()


_DIRECTIONS = ("forward", "reverse")


def _log_gaussian(x: np.ndarray, mean, std) -> np.ndarray:
    z = (x - mean) / std
    return -0.5 * z * z - _HALF_LOG_2PI - np.log(std)


def _log_q_on_grid(x, dx, means, log_stds) -> np.ndarray:
    """Log-densities of Gaussians on the grid, rescaled to integrate to 1 over it."""
    log_q = _log_gaussian(x, means[..., None], np.exp(log_stds)[..., None])
    top = log_q.max(axis=-1, keepdims=True)
    return log_q - top - np.log(np.exp(log_q - top).sum(axis=-1, keepdims=True) * dx)


def _reverse_objective(x, dx, log_p, means, log_stds) -> np.ndarray:
    """``sum q (log q - log p) dx`` for Gaussians ``q`` (broadcast over means and log-stds)."""
    log_q = _log_q_on_grid(x, dx, means, log_stds)
    q = np.exp(log_q)
    with np.errstate(invalid="ignore"):  # q = 0 where log p = -inf: that term is 0
        terms = q * (log_q - log_p)
    terms = np.where(q > 0, terms, 0.0)
    return terms.sum(axis=-1) * dx


_CANDIDATES: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}


def _candidate_table(x, dx, means, log_stds) -> tuple[np.ndarray, np.ndarray]:
    """Grid densities ``q`` of the candidate Gaussians (one row each) and their ``sum q log q dx``."""
    key = (float(x[0]), float(x[-1]), len(x), float(means[0]), float(means[-1]), len(means),
           float(log_stds[0]), float(log_stds[-1]), len(log_stds))
    if key not in _CANDIDATES:
        log_q = _log_q_on_grid(x, dx, means[:, None], log_stds[None, :]).reshape(-1, len(x))
        q = np.exp(log_q)
        neg_entropy = np.where(q > 0, q * log_q, 0.0).sum(axis=-1) * dx
        if len(_CANDIDATES) > 8:  # a few grids at most; never grow without bound
            _CANDIDATES.clear()
        _CANDIDATES[key] = (q, neg_entropy)
    return _CANDIDATES[key]


def _refine(x, dx, log_p, start, steps, bounds, tolerance) -> tuple[float, float, float]:
    """Pattern search from a grid point: try the 8 neighbours, move or halve the steps.

    ``start``, ``steps`` and ``bounds`` are for (mean, log std); the search stays in the bounds.
    """
    point = np.array(start, dtype=float)
    steps = np.array(steps, dtype=float)
    low, high = np.array(bounds, dtype=float).T
    best = float(_reverse_objective(x, dx, log_p, point[:1], point[1:])[0])
    offsets = np.array([(i, j) for i in (-1, 0, 1) for j in (-1, 0, 1) if i or j], dtype=float)
    while steps.max() > tolerance:
        candidates = np.clip(point + offsets * steps, low, high)
        values = _reverse_objective(x, dx, log_p, candidates[:, 0], candidates[:, 1])
        k = int(np.argmin(values))
        if values[k] < best:
            best, point = float(values[k]), candidates[k]
        else:
            steps /= 2
    return float(point[0]), float(point[1]), best


def fit_gaussian(
    x: ArrayLike, density: ArrayLike, direction: str = "forward", *, base: float = 2,
    tolerance: float = 1e-6,
) -> GaussianFit:
    """The Gaussian ``Q`` closest to the density ``P`` on a grid, by forward or reverse KL.

    Parameters
    ----------
    x : array_like
        Equally spaced grid points (``np.linspace``), wide enough to hold ``P``.
    density : array_like
        ``P``'s density at ``x`` (non-negative; rescaled to integrate to 1).
    direction : {"forward", "reverse"}
        ``"forward"`` minimises ``KL(P || Q)`` (maximum likelihood: ``Q`` covers
        all of ``P``'s mass); ``"reverse"`` minimises ``KL(Q || P)`` (variational
        inference: ``Q`` seeks one mode).
    base : float, optional
        Unit of the reported divergence: 2 (default, bits), ``math.e`` (nats).
    tolerance : float, optional
        For the reverse fit: how precisely the mean and ``log std`` are located.

    Returns
    -------
    GaussianFit
        ``mean``, ``std``, the minimal ``divergence`` and ``local_optima``.
        The forward fit has one optimum, in closed form: the mean and standard
        deviation of ``P`` (moment matching). The reverse fit is found by a
        search over a grid of means and standard deviations, each local
        minimum refined by a pattern search; the global one is returned, and
        all of them (best first) are in ``local_optima``. Every candidate ``Q``
        is restricted to the grid and rescaled to integrate to 1 there, so
        ``divergence`` is :func:`grid_kl_divergence` of the fitted Gaussian
        (the moments are the exact forward optimum when that Gaussian fits
        on the grid; its tails beyond the grid are what is lost).

    Notes
    -----
    Forward: ``KL(P || Q) = -H(P) - ∫ p log q``, and ``-∫ p log q`` over Gaussians
    ``q`` is smallest at ``q``'s mean and variance equal to ``P``'s.
    Reverse: ``KL(Q || P) = ∫ q log q - ∫ q log p`` is infinite if ``Q`` puts
    mass where ``P`` has none, so ``Q`` hides inside one peak.

    Examples
    --------
    Two equal peaks at -4 and 4 with standard deviation 1:

    >>> x = np.linspace(-12, 12, 801)
    >>> p = mixture_density(x, [-4, 4], [1, 1], [0.5, 0.5])
    >>> fit = fit_gaussian(x, p, "forward")
    >>> round(fit.mean, 3), round(fit.std, 3)  # variance 1 + 4² = 17
    (0.0, 4.123)
    >>> fit = fit_gaussian(x, p, "reverse")  # one peak (ties go to the left one)
    >>> round(fit.mean, 2), round(fit.std, 2), round(fit.divergence, 2)
    (-4.0, 1.0, 1.0)
    >>> [round(o.mean, 2) for o in fit.local_optima]  # the other peak, and a broad local optimum
    [-4.0, 4.0, 0.0]
    """
    if direction not in _DIRECTIONS:
        raise ValueError(f"direction must be 'forward' (KL(P||Q)) or 'reverse' (KL(Q||P)), got {direction!r}")
    log_base = math.log(check_base(base))
    x, dx = _check_grid(x)
    p = _check_density(density, x, dx, "density")
    log_p = _log(p)
    if direction == "forward":
        mean = float(np.sum(p * x) * dx)
        std = float(np.sqrt(np.sum(p * (x - mean) ** 2) * dx))
        if std <= 0:
            raise ValueError("density has all its mass on one grid point; no Gaussian fits it")
        log_q = _log_q_on_grid(x, dx, np.array(mean), np.array(math.log(std)))
        kl = max(_grid_kl_nats(p, log_p, log_q, dx), 0.0)
        fit = GaussianFit(mean, std, kl / log_base)
        return fit._replace(local_optima=(fit,))
    # Means anywhere on the grid; standard deviations from two grid steps to a quarter of
    # the grid's width, so that every candidate Q fits on the grid.
    bounds = ((float(x[0]), float(x[-1])), (math.log(2 * dx), math.log(float(x[-1] - x[0]) / 4)))
    means = np.linspace(*bounds[0], 61)
    log_stds = np.linspace(*bounds[1], 30)
    if np.isfinite(log_p).all():
        # The candidates depend only on the grid: tabulate them once, then each P costs one
        # matrix-vector product (an explorer refits on every slider move).
        table, neg_entropy = _candidate_table(x, dx, means, log_stds)
        values = (neg_entropy - (table @ log_p) * dx).reshape(len(means), len(log_stds))
    else:
        values = _reverse_objective(x, dx, log_p, means[:, None], log_stds[None, :])
    steps = (means[1] - means[0], log_stds[1] - log_stds[0])
    optima: list[tuple[float, float, float]] = []
    # Grid points no larger than any of their 8 neighbours (vectorised: an explorer calls this
    # on every slider move, and a Python loop over the 61 x 30 points cost half of the fit).
    padded = np.pad(values, 1, constant_values=np.inf)
    neighbourhood_min = np.lib.stride_tricks.sliding_window_view(padded, (3, 3)).min(axis=(-2, -1))
    for i, j in zip(*np.nonzero(np.isfinite(values) & (values <= neighbourhood_min)), strict=True):
        mean, log_std, best = _refine(x, dx, log_p, (means[i], log_stds[j]), steps, bounds, tolerance)
        if not any(abs(mean - m) < 1e-3 and abs(log_std - s) < 1e-3 for m, s, _ in optima):
            optima.append((mean, log_std, best))
    if not optima:
        raise ValueError(
            "no Gaussian on the grid has a finite KL(Q || P): P is zero almost everywhere; "
            "use a finer grid"
        )
    # Equal divergences up to rounding (a symmetric P) go to the leftmost mean.
    optima.sort(key=lambda o: (round(o[2], 10), o[0]))
    fits = tuple(GaussianFit(m, math.exp(s), max(v, 0.0) / log_base) for m, s, v in optima)
    return fits[0]._replace(local_optima=fits)


def fit_gaussian_to_mixture(
    means: Sequence[float], stds: Sequence[float], weights: Sequence[float], direction: str = "forward",
    *, base: float = 2,
) -> GaussianFit:
    """:func:`fit_gaussian` applied to a Gaussian mixture on :data:`MIXTURE_GRID`.

    Examples
    --------
    >>> fit = fit_gaussian_to_mixture([-2, 2], [1, 1], [0.5, 0.5])
    >>> round(fit.mean, 6), round(fit.std, 4)   # variance 1 + 2² = 5
    (0.0, 2.2361)
    """
    return fit_gaussian(MIXTURE_GRID, mixture_density(MIXTURE_GRID, means, stds, weights), direction,
                        base=base)


def mixture_fit_divergence(
    means: Sequence[float], stds: Sequence[float], weights: Sequence[float], direction: str = "forward",
    *, base: float = 2,
) -> float:
    """The smallest KL divergence between a Gaussian mixture and one Gaussian, in ``direction``.

    ``KL(P || Q)`` at the forward fit, ``KL(Q || P)`` at the reverse one (see
    :func:`fit_gaussian_to_mixture`).

    Examples
    --------
    >>> round(mixture_fit_divergence([-4, 4], [1, 1], [0.5, 0.5], "reverse"), 2)  # one peak of two: 1 bit
    1.0
    """
    return fit_gaussian_to_mixture(means, stds, weights, direction, base=base).divergence

"""Mutual information from data: counts, bias, a bias correction and a permutation test.

The plug-in estimate (:func:`infolib.mutual_information_from_samples`) treats
sample frequencies as probabilities. It is biased upwards: independent
variables almost never give exactly 0. This module measures that bias,
corrects its first-order term (Miller-Madow), and tells real dependence from
bias with a shuffle test. Also here: sampling pairs from a known joint table,
binning continuous values, and a 2 x 2 table with a chosen dependence.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from infolib._validation import (
    InvalidDistributionError,
    as_distribution,
    as_float_array,
    check_base,
    raise_bad_value,
)
from infolib.joint import _as_joint, _factorize, mutual_information

__all__ = [
    "PermutationTest",
    "count_table",
    "dependence_range",
    "dependent_table",
    "discretize",
    "miller_madow_mutual_information",
    "mutual_information_bias",
    "mutual_information_from_counts",
    "permutation_test",
    "sample_pairs",
]


def _pair_codes(x: Sequence[Hashable], y: Sequence[Hashable]):
    if len(x) != len(y):
        raise ValueError(
            f"x has {len(x)} samples but y has {len(y)}; joint samples come in pairs, "
            f"so x and y must have the same length"
        )
    if len(x) == 0:
        raise ValueError("x and y are empty; an estimate needs at least one sample")
    x_codes, x_labels = _factorize(x, "x")
    y_codes, y_labels = _factorize(y, "y")
    return x_codes, x_labels, y_codes, y_labels


def count_table(x: Sequence[Hashable], y: Sequence[Hashable]) -> np.ndarray:
    """How many times each pair ``(x_i, y_j)`` occurs, as an integer table.

    Rows and columns follow the sorted labels, as in :func:`infolib.joint_distribution`.

    Examples
    --------
    >>> count_table(["a", "a", "b", "b", "b"], [0, 1, 1, 1, 0])
    array([[1, 1],
           [1, 2]])
    """
    x_codes, x_labels, y_codes, y_labels = _pair_codes(x, y)
    n_y = len(y_labels)
    counts = np.bincount(x_codes * n_y + y_codes, minlength=len(x_labels) * n_y)
    return counts.reshape(len(x_labels), n_y)


def _as_counts(counts: ArrayLike) -> np.ndarray:
    arr, _ = as_float_array(counts, "counts")
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"counts must be a non-empty 2-D table of counts, got shape {arr.shape}")
    if not arr.min() >= 0:
        raise_bad_value(arr, "counts", noun="counts")
    if not np.all(arr == np.round(arr)):
        index = tuple(int(i) for i in np.argwhere(arr != np.round(arr))[0])
        raise ValueError(
            f"counts[{index[0]}, {index[1]}] = {float(arr[index])!r} is not a whole number; pass "
            f"counts of samples (for probabilities use infolib.mutual_information)"
        )
    if arr.sum() == 0:
        raise ValueError("counts are all zero; an estimate needs at least one sample")
    return arr


def mutual_information_from_counts(
    counts: ArrayLike, *, base: float = 2, correction: str = "none"
) -> float:
    """Mutual information estimated from a table of pair counts.

    Parameters
    ----------
    counts : array_like
        ``counts[i, j]``: how many samples had ``x = x_i`` and ``y = y_j``.
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).
    correction : {"none", "miller-madow"}, optional
        "none" gives the plug-in estimate; "miller-madow" subtracts its
        first-order bias (see Notes).

    Returns
    -------
    float
        The estimate. With the correction it can be slightly negative for
        independent data: it is an estimate, not a mutual information.

    Notes
    -----
    The plug-in entropy of ``m`` occupied cells from ``N`` samples is low by
    about ``(m - 1) / (2 N)`` nats (Miller 1955). Writing
    ``I = H(X) + H(Y) - H(X, Y)`` and correcting each term gives
    ``I_MM = I_plugin - (m_xy - m_x - m_y + 1) / (2 N)`` nats, with ``m_x``,
    ``m_y`` and ``m_xy`` the occupied rows, columns and cells. When every
    cell is occupied the correction is ``(|X| - 1)(|Y| - 1) / (2 N)``,
    :func:`mutual_information_bias`.

    Examples
    --------
    >>> counts = [[30, 20], [20, 30]]
    >>> round(mutual_information_from_counts(counts), 4)
    0.029
    >>> round(mutual_information_from_counts(counts, correction="miller-madow"), 4)
    0.0218
    """
    scale = 1.0 / math.log(check_base(base))
    arr = _as_counts(counts)
    plug_in = mutual_information(arr, base=base, normalize=True)
    if correction == "none":
        return plug_in
    if correction != "miller-madow":
        raise ValueError(f"correction must be 'none' or 'miller-madow', got {correction!r}")
    n = arr.sum()
    m_xy = np.count_nonzero(arr)
    m_x = np.count_nonzero(arr.sum(axis=1))
    m_y = np.count_nonzero(arr.sum(axis=0))
    return float(plug_in - (m_xy - m_x - m_y + 1) / (2 * n) * scale)


def miller_madow_mutual_information(
    x: Sequence[Hashable], y: Sequence[Hashable], *, base: float = 2
) -> float:
    """The plug-in mutual information of paired samples minus its first-order bias.

    See :func:`mutual_information_from_counts` for the correction.

    Examples
    --------
    >>> x = [0, 0, 1, 1, 0, 1, 0, 1]
    >>> y = [0, 1, 0, 1, 1, 0, 0, 1]
    >>> mutual_information_from_counts(count_table(x, y))   # plug-in: independent-looking sample
    0.0
    >>> round(miller_madow_mutual_information(x, y), 4)   # 1 / (2 * 8) nats below it
    -0.0902
    """
    return mutual_information_from_counts(count_table(x, y), base=base, correction="miller-madow")


def mutual_information_bias(n_x: int, n_y: int, n_samples: int, *, base: float = 2) -> float:
    """First-order bias of the plug-in mutual information: ``(n_x - 1)(n_y - 1) / (2 N)`` nats.

    The expected plug-in estimate for *independent* variables with ``n_x`` and
    ``n_y`` values (all seen) from ``N`` samples is about this much above 0.

    Examples
    --------
    >>> round(mutual_information_bias(4, 4, 100), 5)   # 9 / (200 ln 2) bits
    0.06492
    """
    scale = 1.0 / math.log(check_base(base))
    for name, value in (("n_x", n_x), ("n_y", n_y), ("n_samples", n_samples)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    return (n_x - 1) * (n_y - 1) / (2 * n_samples) * scale


class PermutationTest(NamedTuple):
    """The result of :func:`permutation_test`."""

    statistic: float
    null: np.ndarray
    p_value: float


def permutation_test(
    x: Sequence[Hashable], y: Sequence[Hashable], *, n_permutations: int = 1000,
    seed: int = 0, base: float = 2
) -> PermutationTest:
    """Is the plug-in mutual information of ``(x, y)`` more than chance? A shuffle test.

    Shuffling ``y`` keeps both marginals but breaks any dependence, so the
    estimates on shuffled data show how large the plug-in value gets from
    bias alone (the null distribution).

    Parameters
    ----------
    x, y : sequence
        Paired samples (any hashable labels).
    n_permutations : int, optional
        How many shuffles.
    seed : int, optional
        Seed of the random generator: the same seed gives the same result.
    base : float, optional
        Base of the logarithm: 2 (default, bits), ``math.e`` (nats), 10 (bans).

    Returns
    -------
    PermutationTest
        ``(statistic, null, p_value)``: the plug-in estimate on the data, the
        estimates on the shuffles, and ``(1 + #{null >= statistic}) / (1 +
        n_permutations)``, which is never 0 (Phipson & Smyth 2010).

    Examples
    --------
    >>> x = [0, 1] * 50
    >>> result = permutation_test(x, x, n_permutations=99)   # y = x: clearly dependent
    >>> result.statistic, result.p_value
    (1.0, 0.01)
    """
    check_base(base)
    if isinstance(n_permutations, bool) or not isinstance(n_permutations, int) or n_permutations < 1:
        raise ValueError(f"n_permutations must be a whole number >= 1, got {n_permutations!r}")
    x_codes, x_labels, y_codes, y_labels = _pair_codes(x, y)
    n_x, n_y = len(x_labels), len(y_labels)

    def estimate(codes: np.ndarray) -> float:
        counts = np.bincount(x_codes * n_y + codes, minlength=n_x * n_y).reshape(n_x, n_y)
        return mutual_information(counts, base=base, normalize=True)

    rng = np.random.default_rng(seed)
    statistic = estimate(y_codes)
    null = np.array([estimate(rng.permutation(y_codes)) for _ in range(n_permutations)])
    # A shuffle that reproduces the data's own table gives the same float; allow for
    # rounding so that it counts as ">=" (as it should).
    exceed = int(np.count_nonzero(null >= statistic - 1e-12 * max(1.0, statistic)))
    return PermutationTest(statistic, null, (1 + exceed) / (1 + n_permutations))


def sample_pairs(pxy: ArrayLike, n: int, *, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n`` pairs ``(x, y)`` of row and column indices from a joint table.

    Examples
    --------
    >>> x, y = sample_pairs([[0.5, 0.0], [0.0, 0.5]], 6, seed=1)
    >>> bool((x == y).all())   # a copy: x and y always agree
    True
    """
    table = _as_joint(pxy)
    if table.ndim != 2:
        raise InvalidDistributionError(f"pxy must be one 2-D joint table, got shape {table.shape}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a whole number >= 1, got {n!r}")
    rng = np.random.default_rng(seed)
    flat = table.ravel()
    cells = rng.choice(flat.size, size=int(n), p=flat / flat.sum())
    return np.divmod(cells, table.shape[1])


def discretize(values: ArrayLike, bins: int = 8, *, strategy: str = "quantile") -> np.ndarray:
    """Bin continuous values into ``bins`` integer codes ``0 .. bins - 1``.

    Parameters
    ----------
    values : array_like
        1-D real values.
    bins : int, optional
        Number of bins.
    strategy : {"quantile", "uniform"}, optional
        "quantile": bins with (nearly) equal counts; "uniform": equal widths
        between the smallest and the largest value.

    Examples
    --------
    >>> discretize([0.1, 0.5, 0.2, 0.9], bins=2)
    array([0, 1, 0, 1])
    >>> discretize([0.0, 1.0, 2.0, 10.0], bins=2, strategy="uniform")
    array([0, 0, 0, 1])
    """
    arr, _ = as_float_array(values, "values")
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"values must be a non-empty 1-D array, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise_bad_value(arr, "values", noun="values")
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 1:
        raise ValueError(f"bins must be a whole number >= 1, got {bins!r}")
    if strategy == "quantile":
        edges = np.quantile(arr, np.linspace(0, 1, bins + 1)[1:-1])
    elif strategy == "uniform":
        edges = np.linspace(arr.min(), arr.max(), bins + 1)[1:-1]
    else:
        raise ValueError(f"strategy must be 'quantile' or 'uniform', got {strategy!r}")
    return np.searchsorted(edges, arr, side="right")


def dependence_range(px: ArrayLike, py: ArrayLike) -> tuple[float, float]:
    """How far ``P(X=0, Y=0)`` can move from ``px[0] py[0]`` with the marginals fixed.

    Returns ``(low, high)``: the most negative and most positive shifts
    (the Frechet bounds minus the independent value).

    Examples
    --------
    >>> dependence_range([0.5, 0.5], [0.5, 0.5])
    (-0.25, 0.25)
    """
    px = _binary(px, "px")
    py = _binary(py, "py")
    independent = px[0] * py[0]
    low = max(0.0, px[0] + py[0] - 1.0) - independent
    high = min(px[0], py[0]) - independent
    return float(min(low, 0.0)), float(max(high, 0.0))


def _binary(p: ArrayLike, name: str) -> np.ndarray:
    p = as_distribution(p, name)
    if p.shape != (2,):
        raise InvalidDistributionError(f"{name} must be a distribution over 2 values, got shape {p.shape}")
    return p


def dependent_table(px: ArrayLike, py: ArrayLike, dependence: float) -> np.ndarray:
    """A 2 x 2 joint table with marginals ``px``, ``py`` and a chosen dependence.

    Parameters
    ----------
    px, py : array_like
        The two marginal distributions, two values each.
    dependence : float
        In [-1, 1]: 0 gives the independent table ``px py``; 1 moves as
        much probability onto the diagonal (X = Y) as the marginals allow;
        -1 as much onto the off-diagonal. In between, ``P(X=0, Y=0)`` moves
        linearly.

    Returns
    -------
    numpy.ndarray
        The table, rows indexing X.

    Examples
    --------
    >>> dependent_table([0.5, 0.5], [0.5, 0.5], 1.0)    # Y is a copy of X
    array([[0.5, 0. ],
           [0. , 0.5]])
    >>> dependent_table([0.5, 0.5], [0.5, 0.5], 0.0)    # independent
    array([[0.25, 0.25],
           [0.25, 0.25]])
    """
    px = _binary(px, "px")
    py = _binary(py, "py")
    if isinstance(dependence, bool) or not isinstance(dependence, (int, float, np.floating)):
        raise TypeError(f"dependence must be a number in [-1, 1], got {dependence!r}")
    if not -1.0 <= dependence <= 1.0:
        raise ValueError(
            f"dependence must be in [-1, 1] (0: independent, 1: as aligned as the marginals "
            f"allow, -1: as opposed as they allow), got {dependence!r}"
        )
    low, high = dependence_range(px, py)
    shift = dependence * high if dependence >= 0 else -dependence * low
    a = px[0] * py[0] + shift
    # The other three cells follow from the marginals; clip rounding below 0.
    table = np.array([[a, px[0] - a], [py[0] - a, px[1] - py[0] + a]])
    return np.maximum(table, 0.0)

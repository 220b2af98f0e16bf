"""Seeded draws from a distribution, shared by the notebooks that count or average over samples.

:func:`sample_outcomes` is what the code-length experiment (notebook 02) encodes
and what the log-likelihood-ratio average (notebook 03) scores.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from infolib._validation import as_distribution

__all__ = ["sample_outcomes"]


def check_count(n, name: str) -> int:
    """``n`` as a whole number >= 0 (how many samples), or a ValueError naming ``name``."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {n!r}")
    return int(n)


def sample_outcomes(p: ArrayLike, n: int, *, seed: int = 0) -> np.ndarray:
    """Draw ``n`` outcome indices from ``p`` with a seeded generator, by inverse CDF.

    The same seed uses the same uniform numbers for every ``p`` and every ``n``:
    the first ``m`` of ``n`` samples are the ``m`` samples, and a small change
    of ``p`` moves only the samples near a boundary (an explorer's samples
    then change smoothly instead of flickering).

    Examples
    --------
    >>> sample_outcomes([0.5, 0.5], 6, seed=1)
    array([1, 1, 0, 1, 0, 0])
    >>> sample_outcomes([0.0, 1.0, 0.0], 3)
    array([1, 1, 1])
    """
    p = as_distribution(p, "p")
    if p.ndim != 1:
        raise ValueError(f"p must be one distribution (a 1-D sequence), got shape {p.shape}")
    n = check_count(n, "n")
    u = np.random.default_rng(seed).random(n)
    cdf = np.cumsum(p)
    last = int(np.flatnonzero(p > 0)[-1])  # rounding can leave cdf[-1] a hair under 1
    return np.minimum(np.searchsorted(cdf, u * cdf[-1], side="right"), last)

"""Gaussians: the closed-form KL, mixtures, and fitting one Gaussian by forward or reverse KL.

References are independent of the code under test: numeric integration with
scipy, the multivariate formula with numpy's linear algebra, the moments of a
mixture by hand, and brute-force searches over a grid of Gaussians.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from infolib import (
    fit_gaussian,
    gaussian_density,
    gaussian_kl,
    grid_kl_divergence,
    mixture_density,
)

X = np.linspace(-15, 15, 1201)
DX = X[1] - X[0]


def kl_by_quad(m1, s1, m2, s2):
    """KL(N1 || N2) in nats by numeric integration of p log(p / q)."""
    def integrand(x):
        return stats.norm.pdf(x, m1, s1) * (stats.norm.logpdf(x, m1, s1) - stats.norm.logpdf(x, m2, s2))
    value, _ = integrate.quad(integrand, m1 - 30 * s1, m1 + 30 * s1, limit=200)
    return value


# --- gaussian_kl -------------------------------------------------------------------------


@pytest.mark.parametrize("m1, s1, m2, s2", [(0, 1, 0, 1), (1, 1, 0, 1), (0, 1, 0, 2), (0, 2, 0, 1),
                                            (-1.5, 0.3, 2.0, 1.7), (3, 2.5, -1, 0.8)])
def test_gaussian_kl_matches_numeric_integration(m1, s1, m2, s2):
    assert gaussian_kl(m1, s1, m2, s2, base=math.e) == pytest.approx(kl_by_quad(m1, s1, m2, s2),
                                                                     rel=1e-7, abs=1e-10)


def test_gaussian_kl_in_bits_is_nats_over_ln2():
    assert gaussian_kl(1, 2, 0, 1) == pytest.approx(gaussian_kl(1, 2, 0, 1, base=math.e) / math.log(2),
                                                    rel=1e-14)


def test_gaussian_kl_of_equal_gaussians_is_exactly_zero():
    assert gaussian_kl(0.7, 1.3, 0.7, 1.3) == 0.0


def test_gaussian_kl_is_not_symmetric_in_the_spread():
    # log 2 + 1/8 - 1/2 versus -log 2 + 2 - 1/2, by hand
    assert gaussian_kl(0, 1, 0, 2, base=math.e) == pytest.approx(math.log(2) - 0.375, rel=1e-14)
    assert gaussian_kl(0, 2, 0, 1, base=math.e) == pytest.approx(1.5 - math.log(2), rel=1e-14)


def test_gaussian_kl_to_standard_normal_defaults_is_the_vae_term():
    mu, sigma = np.array([0.5, -1.0, 0.0]), np.array([0.8, 1.2, 1.0])
    vae = 0.5 * np.sum(mu**2 + sigma**2 - 1 - np.log(sigma**2))  # the VAE paper's formula, in nats
    assert np.sum(gaussian_kl(mu, sigma, base=math.e)) == pytest.approx(vae, rel=1e-13)


def test_gaussian_kl_summed_over_dimensions_matches_multivariate_formula():
    mu_p, s_p = np.array([0.5, -1.0]), np.array([0.8, 1.5])
    mu_q, s_q = np.array([0.1, 0.3]), np.array([1.2, 0.7])
    cov_p, cov_q = np.diag(s_p**2), np.diag(s_q**2)
    inv_q = np.linalg.inv(cov_q)
    diff = mu_q - mu_p
    multivariate = 0.5 * (np.trace(inv_q @ cov_p) + diff @ inv_q @ diff - 2
                          + math.log(np.linalg.det(cov_q) / np.linalg.det(cov_p)))
    assert np.sum(gaussian_kl(mu_p, s_p, mu_q, s_q, base=math.e)) == pytest.approx(multivariate, rel=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.floats(-5, 5), st.floats(0.1, 5), st.floats(-5, 5), st.floats(0.1, 5))
def test_gaussian_kl_is_never_negative(m1, s1, m2, s2):
    assert gaussian_kl(m1, s1, m2, s2) >= 0


@pytest.mark.parametrize("kwargs, match", [
    ({"std_p": 0.0}, "std_p"), ({"std_q": -1.0}, "std_q"), ({"mean_p": math.nan}, "mean_p"),
])
def test_gaussian_kl_rejects_bad_parameters_by_name(kwargs, match):
    args = {"mean_p": 0.0, "std_p": 1.0, "mean_q": 0.0, "std_q": 1.0, **kwargs}
    with pytest.raises(ValueError, match=match):
        gaussian_kl(**args)


# --- densities ---------------------------------------------------------------------------


def test_gaussian_density_matches_scipy():
    np.testing.assert_allclose(gaussian_density(X, 1.5, 0.7), stats.norm.pdf(X, 1.5, 0.7), rtol=1e-12)


def test_mixture_density_is_the_weighted_sum_of_scipy_normals():
    expected = 0.25 * stats.norm.pdf(X, -2, 1) + 0.75 * stats.norm.pdf(X, 3, 0.5)
    np.testing.assert_allclose(mixture_density(X, [-2, 3], [1, 0.5], [1, 3]), expected, rtol=1e-12)


def test_mixture_density_rejects_mismatched_components():
    with pytest.raises(ValueError, match="one entry per component"):
        mixture_density(X, [0, 1], [1], [0.5, 0.5])


def test_mixture_density_rejects_all_zero_weights():
    with pytest.raises(ValueError, match="weights"):
        mixture_density(X, [0, 1], [1, 1], [0, 0])


def test_grid_kl_divergence_matches_closed_form_for_gaussians():
    value = grid_kl_divergence(X, gaussian_density(X, 1, 0.8), gaussian_density(X, -0.5, 1.3), base=math.e)
    assert value == pytest.approx(gaussian_kl(1, 0.8, -0.5, 1.3, base=math.e), rel=1e-8)


def test_grid_kl_divergence_is_infinite_where_q_is_zero_and_p_is_not():
    p = np.where(np.abs(X) < 2, 1.0, 0.0)
    q = np.where(X > 0, 1.0, 0.0)
    assert grid_kl_divergence(X, p, q) == math.inf
    assert math.isfinite(grid_kl_divergence(X, q * p, p))


def test_grid_kl_divergence_rejects_unequal_spacing():
    with pytest.raises(ValueError, match="equally spaced"):
        grid_kl_divergence(np.array([0.0, 1.0, 3.0]), [1, 1, 1], [1, 1, 1])


# --- fitting -------------------------------------------------------------------------------


MIXTURES = {
    "one peak": ([0.0, 0.0], [1.0, 1.0], [0.5, 0.5]),
    "two close peaks": ([-1.0, 1.0], [1.0, 1.0], [0.5, 0.5]),
    "two far peaks, unequal": ([-3.0, 3.0], [1.0, 1.0], [0.7, 0.3]),
    "two far peaks, equal": ([-3.0, 3.0], [1.0, 1.0], [0.5, 0.5]),
}


def mixture_moments(means, stds, weights):
    """Mean and standard deviation of a Gaussian mixture, by hand."""
    w = np.asarray(weights) / np.sum(weights)
    m, s = np.asarray(means), np.asarray(stds)
    mean = np.sum(w * m)
    return mean, math.sqrt(np.sum(w * (s**2 + m**2)) - mean**2)


@pytest.mark.parametrize("name", MIXTURES)
def test_forward_fit_matches_the_mixture_moments(name):
    means, stds, weights = MIXTURES[name]
    fit = fit_gaussian(X, mixture_density(X, means, stds, weights), "forward")
    assert (fit.mean, fit.std) == pytest.approx(mixture_moments(means, stds, weights), abs=1e-9)


def brute_force(p, direction, mean_grid, std_grid):
    """The (divergence, mean, std) of the best Gaussian on a grid, by trying them all."""
    best = (math.inf, None, None)
    for m in mean_grid:
        for s in std_grid:
            q = gaussian_density(X, m, s)
            value = grid_kl_divergence(X, p, q) if direction == "forward" else grid_kl_divergence(X, q, p)
            best = min(best, (value, m, s), key=lambda b: b[0])
    return best


@pytest.mark.parametrize("name", MIXTURES)
def test_forward_fit_is_no_worse_than_a_brute_force_grid_search(name):
    p = mixture_density(X, *MIXTURES[name])
    fit = fit_gaussian(X, p, "forward")
    value, m, s = brute_force(p, "forward", np.linspace(-3, 3, 61), np.linspace(0.5, 4, 71))
    assert fit.divergence <= value + 1e-12
    assert abs(fit.mean - m) <= 0.05 and abs(fit.std - s) <= 0.05


@pytest.mark.parametrize("name", MIXTURES)
def test_reverse_fit_is_no_worse_than_a_brute_force_grid_search(name):
    p = mixture_density(X, *MIXTURES[name])
    fit = fit_gaussian(X, p, "reverse")
    value, m, s = brute_force(p, "reverse", np.linspace(-4, 4, 81), np.linspace(0.5, 4, 71))
    assert fit.divergence <= value + 1e-9
    assert abs(fit.std - s) <= 0.05
    # A symmetric mixture has two equally good fits, one on each peak.
    assert abs(abs(fit.mean) - abs(m)) <= 0.05


def test_reverse_fit_of_unequal_far_peaks_sits_on_the_heavier_peak():
    fit = fit_gaussian(X, mixture_density(X, *MIXTURES["two far peaks, unequal"]), "reverse")
    assert fit.mean == pytest.approx(-3.0, abs=0.05)
    assert fit.std == pytest.approx(1.0, abs=0.05)


def test_reverse_fit_of_far_peaks_lists_a_local_optimum_on_each_peak():
    fit = fit_gaussian(X, mixture_density(X, *MIXTURES["two far peaks, unequal"]), "reverse")
    peaks = sorted(o.mean for o in fit.local_optima if o.std < 1.5)
    assert peaks == pytest.approx([-3.0, 3.0], abs=0.1)
    assert fit.local_optima[0] == fit._replace(local_optima=())
    assert [o.divergence for o in fit.local_optima] == sorted(o.divergence for o in fit.local_optima)


def test_fits_of_a_single_gaussian_recover_it_in_both_directions():
    p = gaussian_density(X, 1.2, 0.9)
    for direction in ("forward", "reverse"):
        fit = fit_gaussian(X, p, direction)
        assert (fit.mean, fit.std) == pytest.approx((1.2, 0.9), abs=1e-4)
        assert fit.divergence == pytest.approx(0.0, abs=1e-8)


def test_reverse_fit_is_narrower_than_forward_fit_on_two_peaks():
    p = mixture_density(X, *MIXTURES["two far peaks, equal"])
    assert fit_gaussian(X, p, "reverse").std < fit_gaussian(X, p, "forward").std / 2


def test_fit_divergence_is_the_grid_kl_of_the_fitted_gaussian():
    p = mixture_density(X, *MIXTURES["two far peaks, unequal"])
    forward = fit_gaussian(X, p, "forward")
    reverse = fit_gaussian(X, p, "reverse")
    assert forward.divergence == pytest.approx(
        grid_kl_divergence(X, p, gaussian_density(X, forward.mean, forward.std)), rel=1e-9)
    assert reverse.divergence == pytest.approx(
        grid_kl_divergence(X, gaussian_density(X, reverse.mean, reverse.std), p), rel=1e-9)


def test_fit_rejects_an_unknown_direction():
    with pytest.raises(ValueError, match="direction"):
        fit_gaussian(X, gaussian_density(X), "backward")


def test_fit_rejects_a_negative_density():
    with pytest.raises(ValueError, match="density"):
        fit_gaussian(X, gaussian_density(X) - 0.01)

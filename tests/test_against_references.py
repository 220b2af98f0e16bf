"""Differential tests: infolib against scipy and scikit-learn on seeded random input."""

import math

import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy as scipy_entropy
from sklearn.metrics import mutual_info_score

from infolib import entropy, js_divergence, kl_divergence, mutual_information_from_samples

SEEDS = [0, 1, 2, 3, 4]
SIZES = [1, 2, 3, 10, 257, 10_000]


def random_distribution(rng, n, zero_fraction=0.0):
    w = rng.random(n)
    if zero_fraction:
        w[rng.random(n) < zero_fraction] = 0.0
        if not w.any():
            w[rng.integers(n)] = 1.0
    return w / w.sum()


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("zeros", [0.0, 0.3])
def test_entropy_matches_scipy(seed, n, zeros):
    p = random_distribution(np.random.default_rng(seed), n, zeros)
    assert entropy(p) == pytest.approx(scipy_entropy(p, base=2), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("base", [math.e, 10, 3])
def test_entropy_in_other_bases_matches_scipy(seed, base):
    p = random_distribution(np.random.default_rng(seed), 50, 0.2)
    assert entropy(p, base=base) == pytest.approx(scipy_entropy(p, base=base), rel=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", SIZES)
def test_kl_matches_summed_rel_entr(seed, n):
    rng = np.random.default_rng(seed)
    p, q = random_distribution(rng, n, 0.3), random_distribution(rng, n)
    expected = rel_entr(p, q).sum() / math.log(2)
    assert kl_divergence(p, q) == pytest.approx(expected, rel=1e-10, abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_kl_matches_scipy_entropy_of_two_arguments(seed):
    rng = np.random.default_rng(seed)
    p, q = random_distribution(rng, 100, 0.3), random_distribution(rng, 100)
    assert kl_divergence(p, q) == pytest.approx(scipy_entropy(p, q, base=2), rel=1e-10)


@pytest.mark.parametrize("seed", SEEDS)
def test_kl_is_infinite_where_scipy_is(seed):
    rng = np.random.default_rng(seed)
    p, q = random_distribution(rng, 20), random_distribution(rng, 20, 0.3)
    assert math.isinf(kl_divergence(p, q)) == math.isinf(rel_entr(p, q).sum())


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", SIZES)
def test_js_matches_squared_scipy_jensenshannon(seed, n):
    rng = np.random.default_rng(seed)
    p, q = random_distribution(rng, n, 0.3), random_distribution(rng, n, 0.3)
    expected = jensenshannon(p, q, base=2) ** 2
    assert js_divergence(p, q) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_batched_entropy_matches_scipy_per_row(seed):
    rng = np.random.default_rng(seed)
    batch = np.stack([random_distribution(rng, 12, 0.25) for _ in range(6)])
    np.testing.assert_allclose(entropy(batch), scipy_entropy(batch, base=2, axis=-1), rtol=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("n", "kx", "ky"), [(10, 2, 2), (200, 5, 3), (5000, 10, 10), (30, 40, 7)])
def test_mutual_information_from_samples_matches_sklearn(seed, n, kx, ky):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, kx, n)
    y = (x + rng.integers(0, 2, n)) % ky  # dependent on x
    expected_nats = mutual_info_score(x, y)
    assert mutual_information_from_samples(x, y, base=math.e) == pytest.approx(
        expected_nats, rel=1e-9, abs=1e-12
    )
    assert mutual_information_from_samples(x, y) == pytest.approx(
        expected_nats / math.log(2), rel=1e-9, abs=1e-12
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_mutual_information_from_string_samples_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    words = np.array(["red", "green", "blue", "cyan"])
    x = words[rng.integers(0, 4, 300)]
    y = np.where(rng.random(300) < 0.7, x, words[rng.integers(0, 4, 300)])
    assert mutual_information_from_samples(list(x), list(y), base=math.e) == pytest.approx(
        mutual_info_score(x, y), rel=1e-9, abs=1e-12
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_mutual_information_from_negative_and_sparse_int_samples_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    x = rng.choice([-(10**9), -3, 0, 10**9], 500)  # wide range: the sorting code path
    y = rng.choice([-5, -1, 7], 500)
    assert mutual_information_from_samples(x, y, base=math.e) == pytest.approx(
        mutual_info_score(x, y), rel=1e-9, abs=1e-12
    )

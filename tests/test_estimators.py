"""Estimating mutual information from samples: counts, Miller-Madow, permutation test, helpers.

References: scikit-learn's ``mutual_info_score`` (nats, plug-in) and hand
computations of the correction terms; calibration of the permutation test by
simulation on independent data.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import mutual_info_score

import infolib
from infolib import (
    InvalidDistributionError,
    count_table,
    dependence_range,
    dependent_table,
    discretize,
    miller_madow_mutual_information,
    mutual_information_bias,
    mutual_information_from_counts,
    permutation_test,
    sample_pairs,
)

# --- counts and the plug-in estimate ----------------------------------------------------------


def test_count_table_counts_each_pair_in_sorted_label_order():
    x = ["b", "a", "a", "b", "b"]
    y = [2, 1, 2, 2, 2]
    np.testing.assert_array_equal(count_table(x, y), [[1, 1], [0, 3]])


@pytest.mark.parametrize("seed", range(5))
def test_plug_in_from_counts_agrees_with_sklearn_mutual_info_score(seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 4, 300)
    y = (x + rng.integers(0, 3, 300)) % 5
    ours = mutual_information_from_counts(count_table(x, y), base=math.e)
    assert ours == pytest.approx(mutual_info_score(x, y), abs=1e-12)


def test_plug_in_from_counts_equals_plug_in_from_samples():
    rng = np.random.default_rng(7)
    x, y = rng.integers(0, 3, 50), rng.integers(0, 4, 50)
    assert mutual_information_from_counts(count_table(x, y)) == pytest.approx(
        infolib.mutual_information_from_samples(x, y), abs=1e-14)


# --- Miller-Madow ---------------------------------------------------------------------------------


def test_miller_madow_with_all_cells_seen_subtracts_the_bias_formula():
    counts = np.array([[10, 5, 3], [2, 8, 12]])
    n = counts.sum()
    plug_in = mutual_info_score(None, None, contingency=counts) / math.log(2)
    expected = plug_in - (2 - 1) * (3 - 1) / (2 * n * math.log(2))
    assert mutual_information_from_counts(counts, correction="miller-madow") == pytest.approx(expected,
                                                                                             abs=1e-12)


def test_miller_madow_counts_only_occupied_cells_rows_and_columns():
    # Occupied: 3 cells, 2 rows, 3 columns (the empty third row is ignored).
    counts = np.array([[4, 0, 1], [0, 5, 0], [0, 0, 0]])
    n = 10
    plug_in = mutual_info_score(None, None, contingency=counts[:2])
    expected = plug_in - (3 - 2 - 3 + 1) / (2 * n)  # nats
    got = mutual_information_from_counts(counts, base=math.e, correction="miller-madow")
    assert got == pytest.approx(expected, abs=1e-12)


def test_miller_madow_from_samples_equals_from_counts():
    rng = np.random.default_rng(1)
    x, y = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
    assert miller_madow_mutual_information(x, y) == mutual_information_from_counts(
        count_table(x, y), correction="miller-madow")


def test_miller_madow_reduces_the_average_bias_on_independent_data():
    rng = np.random.default_rng(2)
    plug, corrected = [], []
    for _ in range(300):
        x, y = rng.integers(0, 4, 200), rng.integers(0, 4, 200)
        counts = count_table(x, y)
        plug.append(mutual_information_from_counts(counts))
        corrected.append(mutual_information_from_counts(counts, correction="miller-madow"))
    bias = mutual_information_bias(4, 4, 200)
    assert np.mean(plug) == pytest.approx(bias, rel=0.15)  # the formula predicts the bias
    assert abs(np.mean(corrected)) < 0.15 * bias


def test_bias_formula_by_hand_in_bits_and_nats():
    assert mutual_information_bias(3, 5, 40) == pytest.approx(2 * 4 / 80 / math.log(2), rel=1e-15)
    assert mutual_information_bias(3, 5, 40, base=math.e) == pytest.approx(0.1, rel=1e-15)


def test_unknown_correction_is_rejected_with_the_choices():
    with pytest.raises(ValueError, match="'none' or 'miller-madow'"):
        mutual_information_from_counts([[1, 2], [3, 4]], correction="jackknife")


@pytest.mark.parametrize(("counts", "match"), [
    ([[1, 2.5], [3, 4]], r"counts\[0, 1\] = 2.5 is not a whole number"),
    ([[0, 0], [0, 0]], "all zero"),
    ([[1, -1], [3, 4]], r"counts\[0, 1\] = -1.0 is negative"),
    ([1, 2, 3], "2-D table"),
])
def test_bad_counts_are_explained(counts, match):
    with pytest.raises(ValueError, match=match):
        mutual_information_from_counts(counts)


# --- permutation test --------------------------------------------------------------------------


def test_permutation_test_is_reproducible_with_a_seed():
    rng = np.random.default_rng(0)
    x, y = rng.integers(0, 3, 100), rng.integers(0, 3, 100)
    a = permutation_test(x, y, n_permutations=50, seed=11)
    b = permutation_test(x, y, n_permutations=50, seed=11)
    np.testing.assert_array_equal(a.null, b.null)
    assert a.p_value == b.p_value


def test_permutation_null_keeps_the_marginals_and_statistic_is_the_plug_in():
    rng = np.random.default_rng(1)
    x, y = rng.integers(0, 3, 80), rng.integers(0, 2, 80)
    result = permutation_test(x, y, n_permutations=20)
    assert result.statistic == pytest.approx(infolib.mutual_information_from_samples(x, y), abs=1e-14)
    assert result.null.shape == (20,) and (result.null >= 0).all()


def test_permutation_p_value_is_small_for_strong_dependence():
    rng = np.random.default_rng(3)
    x = rng.integers(0, 4, 200)
    y = np.where(rng.random(200) < 0.7, x, rng.integers(0, 4, 200))
    assert permutation_test(x, y, n_permutations=199).p_value == pytest.approx(1 / 200)


def test_permutation_p_values_of_independent_data_are_calibrated():
    rng = np.random.default_rng(4)
    p_values = []
    for seed in range(200):
        x, y = rng.integers(0, 3, 60), rng.integers(0, 3, 60)
        p_values.append(permutation_test(x, y, n_permutations=99, seed=seed).p_value)
    p_values = np.array(p_values)
    # Under independence p is (nearly) uniform: about 5% below 0.05, mean near 1/2.
    assert np.mean(p_values <= 0.05) < 0.12
    assert np.mean(p_values <= 0.5) == pytest.approx(0.5, abs=0.12)
    assert np.mean(p_values) == pytest.approx(0.5, abs=0.08)


def test_permutation_p_value_is_never_zero():
    x = [0, 1] * 50
    assert permutation_test(x, x, n_permutations=9).p_value == pytest.approx(0.1)


def test_all_distinct_labels_make_every_shuffle_as_informative_as_the_data():
    # Each x value seen once: the plug-in MI is log2 10 for the data and every shuffle.
    x = list(range(10))
    result = permutation_test(x, x, n_permutations=9)
    np.testing.assert_allclose(result.null, math.log2(10), rtol=1e-14)
    assert result.p_value == 1.0


def test_permutation_test_rejects_a_bad_count():
    with pytest.raises(ValueError, match="n_permutations must be"):
        permutation_test([0, 1], [0, 1], n_permutations=0)


# --- sampling, binning, the 2 x 2 dependence table ---------------------------------------------


def test_sample_pairs_frequencies_approach_the_table():
    table = np.array([[0.1, 0.2], [0.3, 0.4]])
    x, y = sample_pairs(table, 200_000, seed=3)
    counts = np.bincount(x * 2 + y, minlength=4).reshape(2, 2) / 200_000
    np.testing.assert_allclose(counts, table, atol=0.005)


def test_sample_pairs_never_draws_an_impossible_cell():
    x, y = sample_pairs([[0.5, 0.0], [0.0, 0.5]], 1000, seed=0)
    assert (x == y).all()


def test_discretize_quantile_bins_hold_equal_counts():
    codes = discretize(np.arange(100.0), bins=4)
    np.testing.assert_array_equal(np.bincount(codes), [25, 25, 25, 25])


def test_discretize_uniform_bins_have_equal_widths():
    np.testing.assert_array_equal(discretize([0, 1, 2, 3, 4, 5, 6, 7, 8], bins=4, strategy="uniform"),
                                  [0, 0, 1, 1, 2, 2, 3, 3, 3])


def test_discretize_names_a_nan():
    with pytest.raises(InvalidDistributionError, match=r"values\[1\] = nan"):
        discretize([0.0, math.nan])


@pytest.mark.parametrize(("px", "py"), [([0.5, 0.5], [0.5, 0.5]), ([0.3, 0.7], [0.6, 0.4]),
                                        ([0.9, 0.1], [0.2, 0.8])])
@pytest.mark.parametrize("dependence", [-1.0, -0.4, 0.0, 0.5, 1.0])
def test_dependent_table_keeps_both_marginals(px, py, dependence):
    table = dependent_table(px, py, dependence)
    assert (table >= 0).all()
    np.testing.assert_allclose(table.sum(axis=1), px, atol=1e-15)
    np.testing.assert_allclose(table.sum(axis=0), py, atol=1e-15)


def test_dependent_table_at_zero_is_the_product_and_has_zero_information():
    table = dependent_table([0.3, 0.7], [0.6, 0.4], 0.0)
    np.testing.assert_allclose(table, np.outer([0.3, 0.7], [0.6, 0.4]), rtol=1e-15)
    assert infolib.mutual_information(table) == pytest.approx(0.0, abs=1e-15)


def test_dependent_table_at_one_with_equal_marginals_is_a_copy():
    table = dependent_table([0.3, 0.7], [0.3, 0.7], 1.0)
    np.testing.assert_allclose(table, [[0.3, 0.0], [0.0, 0.7]], atol=1e-16)
    assert infolib.mutual_information(table) == pytest.approx(infolib.entropy([0.3, 0.7]), rel=1e-14)


def test_dependent_table_at_minus_one_is_a_negated_copy():
    table = dependent_table([0.5, 0.5], [0.5, 0.5], -1.0)
    np.testing.assert_array_equal(table, [[0.0, 0.5], [0.5, 0.0]])


def test_dependence_range_is_the_frechet_bounds():
    low, high = dependence_range([0.3, 0.7], [0.6, 0.4])
    assert low == pytest.approx(max(0, 0.3 + 0.6 - 1) - 0.18) and high == pytest.approx(0.3 - 0.18)


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(-1, 1))
def test_information_grows_with_the_size_of_the_dependence(a, b, t):
    px, py = [a, 1 - a], [b, 1 - b]
    i_t = infolib.mutual_information(dependent_table(px, py, t))
    i_more = infolib.mutual_information(dependent_table(px, py, math.copysign(min(1.0, abs(t) + 0.1), t)))
    assert i_t <= i_more + 1e-12


@pytest.mark.parametrize("bad", [1.5, -2.0, math.nan])
def test_dependence_outside_minus_one_one_is_rejected(bad):
    with pytest.raises(ValueError, match=r"dependence must be in \[-1, 1\]"):
        dependent_table([0.5, 0.5], [0.5, 0.5], bad)

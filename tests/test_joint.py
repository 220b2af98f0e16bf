"""Joint tables, marginals, conditional entropy, mutual information and samples."""

import math

import numpy as np
import pytest

from infolib import (
    InvalidDistributionError,
    JointTable,
    conditional_entropy,
    entropy,
    joint_distribution,
    joint_entropy,
    marginals,
    mutual_information,
    mutual_information_from_samples,
    product_distribution,
)

# X = weather (rows: sun, rain), Y = umbrella (cols: no, yes)
PXY = np.array([[0.4, 0.1], [0.2, 0.3]])
PX = [0.5, 0.5]
PY = [0.6, 0.4]


def h(p):
    return -math.fsum(x * math.log2(x) for x in p if x > 0)


H_XY = h(PXY.ravel().tolist())


def test_marginals_are_row_and_column_sums():
    px, py = marginals(PXY)
    np.testing.assert_allclose(px, PX, rtol=0, atol=1e-15)
    np.testing.assert_allclose(py, PY, rtol=0, atol=1e-15)


def test_marginals_normalize_counts():
    px, py = marginals([[4, 1], [2, 3]], normalize=True)
    np.testing.assert_allclose(px, PX, rtol=0, atol=1e-15)
    np.testing.assert_allclose(py, PY, rtol=0, atol=1e-15)


def test_product_distribution_is_outer_product():
    np.testing.assert_allclose(
        product_distribution([0.5, 0.5], [0.25, 0.75]), [[0.125, 0.375], [0.125, 0.375]], atol=0
    )


def test_joint_entropy_of_table_matches_definition():
    assert joint_entropy(PXY) == pytest.approx(H_XY, abs=1e-12)


def test_joint_entropy_of_two_independent_fair_coins_is_two_bits():
    assert joint_entropy([[0.25, 0.25], [0.25, 0.25]]) == 2.0


def test_conditional_entropy_is_h_of_y_given_x():
    # H(Y|X) = sum_x p(x) H(Y | X=x)
    expected = 0.5 * h([0.8, 0.2]) + 0.5 * h([0.4, 0.6])
    assert conditional_entropy(PXY) == pytest.approx(expected, abs=1e-12)


def test_conditional_entropy_of_x_given_y_via_transpose():
    expected = 0.6 * h([4 / 6, 2 / 6]) + 0.4 * h([0.25, 0.75])
    assert conditional_entropy(PXY.T) == pytest.approx(expected, abs=1e-12)


def test_conditional_entropy_equals_joint_minus_marginal():
    assert conditional_entropy(PXY) == pytest.approx(H_XY - h(PX), abs=1e-12)


def test_conditional_entropy_of_a_copy_is_zero():
    assert conditional_entropy([[0.5, 0.0], [0.0, 0.5]]) == 0.0


def test_conditional_entropy_ignores_zero_rows():
    assert conditional_entropy([[0.0, 0.0], [0.5, 0.5]]) == pytest.approx(1.0, abs=1e-15)


def test_mutual_information_matches_entropy_identity():
    assert mutual_information(PXY) == pytest.approx(h(PX) + h(PY) - H_XY, abs=1e-12)


def test_mutual_information_of_copied_fair_bit_is_one_bit():
    assert mutual_information([[0.5, 0.0], [0.0, 0.5]]) == 1.0


def test_mutual_information_of_independent_table_is_zero():
    pxy = product_distribution([0.3, 0.7], [0.2, 0.5, 0.3])
    assert mutual_information(pxy) == pytest.approx(0.0, abs=1e-14)


def test_mutual_information_in_nats():
    assert mutual_information([[0.5, 0.0], [0.0, 0.5]], base=math.e) == pytest.approx(
        math.log(2), abs=1e-15
    )


def test_mutual_information_with_tiny_marginals_is_finite():
    eps = 1e-200  # px * py = 1e-400 underflows; the true value is finite
    pxy = [[1 - eps, 0.0], [0.0, eps]]
    expected = -(1 - eps) * math.log2(1 - eps) - eps * math.log2(eps)
    assert mutual_information(pxy) == pytest.approx(expected, rel=1e-12)


def test_joint_measures_accept_a_batch_of_tables():
    batch = [[[0.5, 0.0], [0.0, 0.5]], [[0.25, 0.25], [0.25, 0.25]]]
    np.testing.assert_allclose(mutual_information(batch), [1.0, 0.0], atol=1e-15)
    np.testing.assert_allclose(joint_entropy(batch), [1.0, 2.0], atol=1e-15)
    np.testing.assert_allclose(conditional_entropy(batch), [0.0, 1.0], atol=1e-15)


# --- joint_distribution from samples ------------------------------------------------


def test_joint_distribution_with_string_labels_sorts_them():
    table, xs, ys = joint_distribution(["sun", "sun", "rain", "rain"], ["no", "no", "yes", "no"])
    assert xs == ("rain", "sun")
    assert ys == ("no", "yes")
    np.testing.assert_array_equal(table, [[0.25, 0.25], [0.5, 0.0]])


def test_joint_distribution_returns_named_tuple():
    result = joint_distribution([0, 1], [1, 0])
    assert isinstance(result, JointTable)
    assert result.x_labels == (0, 1)


def test_joint_distribution_with_small_ints():
    table, xs, ys = joint_distribution([3, 1, 3, 3], [0, 0, 1, 1])
    assert xs == (1, 3)
    assert ys == (0, 1)
    np.testing.assert_array_equal(table, [[0.25, 0.0], [0.25, 0.5]])


def test_joint_distribution_with_negative_ints():
    table, xs, _ = joint_distribution([-2, 5, -2, -7], [0, 0, 0, 0])
    assert xs == (-7, -2, 5)
    np.testing.assert_array_equal(table[:, 0], [0.25, 0.5, 0.25])


def test_joint_distribution_with_widely_spread_ints():
    # a range far wider than the sample count takes the sorting path
    table, xs, _ = joint_distribution([10**12, -(10**12), 10**12], ["a", "b", "a"])
    assert xs == (-(10**12), 10**12)
    assert all(type(v) is int for v in xs)
    np.testing.assert_allclose(table, [[0.0, 1 / 3], [2 / 3, 0.0]], atol=1e-15)


def test_joint_distribution_with_int8_samples_spanning_the_type():
    x = np.array([-100, 100, 100, -128, 127], dtype=np.int8)
    table, xs, _ = joint_distribution(x, [0, 0, 0, 0, 0])
    assert xs == (-128, -100, 100, 127)
    np.testing.assert_allclose(table[:, 0], [0.2, 0.2, 0.4, 0.2], atol=1e-15)


def test_joint_distribution_with_uint64_above_2_to_63():
    x = np.array([2**63 + 1, 2**63, 2**63 + 1], dtype=np.uint64)
    _, xs, _ = joint_distribution(x, [0, 1, 0])
    assert xs == (2**63, 2**63 + 1)


def test_joint_distribution_with_bools():
    table, xs, _ = joint_distribution([True, False, True, True], [1, 1, 1, 1])
    assert xs == (False, True)
    np.testing.assert_array_equal(table[:, 0], [0.25, 0.75])


def test_joint_distribution_with_mixed_labels_keeps_first_seen_order():
    table, xs, _ = joint_distribution([2, "b", 2, None], [0, 0, 0, 0])
    assert xs == (2, "b", None)
    np.testing.assert_array_equal(table[:, 0], [0.5, 0.25, 0.25])


def test_joint_distribution_table_sums_to_one():
    rng = np.random.default_rng(0)
    table, _, _ = joint_distribution(rng.integers(0, 5, 101), rng.integers(0, 3, 101))
    assert table.sum() == pytest.approx(1.0, abs=1e-12)


def test_mutual_information_from_identical_samples_is_their_entropy():
    x = [0, 0, 1, 2, 2, 2, 3, 3]
    assert mutual_information_from_samples(x, x) == pytest.approx(
        h([2 / 8, 1 / 8, 3 / 8, 2 / 8]), abs=1e-12
    )


def test_mutual_information_from_balanced_independent_samples_is_zero():
    assert mutual_information_from_samples([0, 1, 0, 1], [0, 0, 1, 1]) == 0.0


def test_mutual_information_from_samples_in_nats():
    assert mutual_information_from_samples(["a", "b"], ["x", "y"], base=math.e) == pytest.approx(
        math.log(2), abs=1e-15
    )


def test_mutual_information_from_samples_matches_table_route():
    x = ["r", "s", "s", "r", "s", "c"]
    y = [1, 0, 0, 1, 1, 0]
    assert mutual_information_from_samples(x, y) == pytest.approx(
        mutual_information(joint_distribution(x, y).table), abs=1e-15
    )


# --- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "func", [joint_entropy, conditional_entropy, mutual_information, marginals]
)
def test_joint_functions_reject_1d_input(func):
    with pytest.raises(InvalidDistributionError, match=r"pxy must be a 2-D joint table.*entropy\(p\)"):
        func([0.5, 0.5])


def test_joint_table_must_sum_to_one():
    with pytest.raises(InvalidDistributionError, match=r"pxy sums to 0\.9, not 1; pass normalize=True"):
        joint_entropy([[0.4, 0.1], [0.2, 0.2]])


def test_joint_table_negative_entry_named_by_row_and_column():
    with pytest.raises(InvalidDistributionError, match=r"pxy\[1, 0\] = -0\.1 is negative"):
        mutual_information([[0.6, 0.5], [-0.1, 0.0]])


def test_samples_of_unequal_length_are_rejected():
    with pytest.raises(ValueError, match=r"x has 3 samples but y has 2.*same length"):
        joint_distribution([1, 2, 3], [1, 2])


def test_empty_samples_are_rejected():
    with pytest.raises(ValueError, match=r"x and y are empty.*at least one sample"):
        mutual_information_from_samples([], [])


def test_two_dimensional_samples_are_rejected():
    with pytest.raises(ValueError, match=r"x must be a 1-D sequence of samples"):
        joint_distribution([[1, 2], [3, 4]], [0, 1])


def test_string_as_samples_is_rejected():
    with pytest.raises(ValueError, match=r"y must be a 1-D sequence of samples"):
        joint_distribution(["a", "b"], "ab")


def test_bad_base_rejected_for_samples():
    with pytest.raises(ValueError, match=r"base must be a finite number > 0 and != 1"):
        mutual_information_from_samples([0, 1], [0, 1], base=1)


def test_product_distribution_rejects_non_distribution():
    with pytest.raises(InvalidDistributionError, match=r"py sums to 2, not 1"):
        product_distribution([0.5, 0.5], [1.0, 1.0])


def test_entropy_of_x_from_joint_equals_entropy_of_marginal():
    px, _ = marginals(PXY)
    assert entropy(px) == pytest.approx(h(PX), abs=1e-12)

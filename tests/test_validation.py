"""Bad input: every message names the argument, the problem and the fix."""

import math

import numpy as np
import pytest

import infolib
from infolib import (
    InvalidDistributionError,
    binary_entropy,
    cross_entropy,
    entropy,
    format_information,
    js_divergence,
    kl_divergence,
    surprisal,
    unit_name,
)


def test_invalid_distribution_error_is_a_value_error():
    assert issubclass(InvalidDistributionError, ValueError)


def test_sum_not_one_names_argument_value_and_fix():
    with pytest.raises(
        InvalidDistributionError,
        match=r"^q sums to 1\.2, not 1; pass normalize=True to rescale weights into probabilities$",
    ):
        kl_divergence([0.5, 0.5], [0.5, 0.7])


def test_sum_not_one_names_the_row_of_a_batch():
    with pytest.raises(InvalidDistributionError, match=r"^p\[1\] sums to 0\.5, not 1"):
        entropy([[0.5, 0.5], [0.25, 0.25]])


def test_sum_not_one_along_axis_0_names_the_column():
    with pytest.raises(InvalidDistributionError, match=r"^p\[:, 1\] sums to 1\.2, not 1"):
        entropy([[0.5, 0.1], [0.5, 1.1]], axis=0)


def test_sum_within_tolerance_is_accepted():
    assert entropy([0.5, 0.5 + 1e-9]) == pytest.approx(1.0, abs=1e-8)


def test_sum_just_outside_tolerance_is_rejected():
    with pytest.raises(InvalidDistributionError, match=r"sums to"):
        entropy([0.5, 0.5 + 1e-5])


def test_float32_rounding_of_a_distribution_is_accepted():
    p = np.array([0.1, 0.2, 0.3, 0.4], dtype=np.float32)
    assert entropy(p) == pytest.approx(1.8464393446710154, abs=1e-6)


def test_normalize_rescales_counts_to_probabilities():
    assert entropy([2, 2, 4], normalize=True) == pytest.approx(1.5, abs=1e-15)


def test_normalize_rejects_all_zero_weights():
    with pytest.raises(InvalidDistributionError, match=r"^p has all weights zero.*positive weight"):
        entropy([0, 0], normalize=True)


def test_normalize_names_the_all_zero_row():
    with pytest.raises(InvalidDistributionError, match=r"^p\[1\] has all weights zero"):
        entropy([[1, 2], [0, 0]], normalize=True)


def test_negative_entry_is_named_by_index():
    message = r"^p\[2\] = -0\.1 is negative; probabilities must be >= 0$"
    with pytest.raises(InvalidDistributionError, match=message):
        entropy([0.6, 0.5, -0.1])


def test_negative_entry_along_axis_0_is_named_by_its_original_index():
    with pytest.raises(InvalidDistributionError, match=r"^p\[0, 1\] = -0\.1 is negative"):
        entropy([[0.5, -0.1], [0.5, 1.1]], axis=0)


def test_nan_entry_is_named_by_index():
    with pytest.raises(InvalidDistributionError, match=r"^q\[1\] = nan is nan; probabilities must be finite"):
        cross_entropy([0.5, 0.5], [0.5, math.nan])


def test_inf_entry_is_named_by_index():
    with pytest.raises(InvalidDistributionError, match=r"^p\[0\] = inf is infinite"):
        entropy([math.inf, 0.0])


def test_empty_distribution_is_rejected():
    message = r"^p is empty; a distribution needs at least one outcome$"
    with pytest.raises(InvalidDistributionError, match=message):
        entropy([])


def test_batch_of_zero_distributions_is_rejected():
    with pytest.raises(InvalidDistributionError, match=r"has shape \(0, 2\) and holds no distributions"):
        entropy(np.zeros((0, 2)))


def test_scalar_where_distribution_needed_points_to_surprisal():
    with pytest.raises(InvalidDistributionError, match=r"^p is the single number 0\.5; .*use surprisal"):
        entropy(0.5)


def test_string_is_rejected_with_type_error():
    with pytest.raises(TypeError, match=r"^p must be numbers .*not the string '0\.5, 0\.5'"):
        entropy("0.5, 0.5")


def test_list_of_strings_is_rejected():
    with pytest.raises(TypeError, match=r"^q contains strings; convert them to numbers first$"):
        kl_divergence([0.5, 0.5], ["0.5", "0.5"])


def test_ragged_list_is_rejected():
    with pytest.raises(TypeError, match=r"^p must be a rectangular array of numbers"):
        entropy([[0.5, 0.5], [1.0]])


def test_complex_values_are_rejected():
    with pytest.raises(TypeError, match=r"^p has complex values; probabilities are real numbers$"):
        entropy([0.5 + 0j, 0.5])


def test_object_array_is_rejected():
    with pytest.raises(TypeError, match=r"^p must be an array of real numbers"):
        entropy([None, 1.0])


def test_axis_out_of_range_is_rejected():
    with pytest.raises(ValueError, match=r"^axis=2 is out of range for p with 1 dimension"):
        entropy([0.5, 0.5], axis=2)


def test_mismatched_outcome_counts_are_rejected():
    with pytest.raises(ValueError, match=r"^p has 2 outcomes but q has 3; .*same outcomes"):
        kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5])


def test_batches_that_do_not_broadcast_are_rejected():
    with pytest.raises(ValueError, match=r"p has shape \(2, 2\) and q has shape \(3, 2\)"):
        js_divergence([[0.5, 0.5]] * 2, [[0.5, 0.5]] * 3)


@pytest.mark.parametrize("base", [0, -2, 1, 1.0, math.nan, math.inf])
def test_base_must_be_positive_finite_and_not_one(base):
    with pytest.raises(ValueError, match=r"^base must be a finite number > 0 and != 1 .*2 for bits"):
        entropy([0.5, 0.5], base=base)


@pytest.mark.parametrize("base", ["2", True, None, [2]])
def test_base_must_be_a_number(base):
    with pytest.raises(TypeError, match=r"^base must be a number \(2 for bits"):
        entropy([0.5, 0.5], base=base)


@pytest.mark.parametrize(
    "func", [kl_divergence, cross_entropy, js_divergence], ids=lambda f: f.__name__
)
def test_two_argument_measures_check_base(func):
    with pytest.raises(ValueError, match=r"base must be"):
        func([0.5, 0.5], [0.5, 0.5], base=1)


@pytest.mark.parametrize("value", [1.5, -0.2])
def test_surprisal_rejects_probability_outside_unit_interval(value):
    with pytest.raises(InvalidDistributionError, match=r"^p = .* (greater than 1|negative)"):
        surprisal(value)


def test_binary_entropy_rejects_probability_above_one_by_index():
    message = r"^p\[1\] = 1\.1 is greater than 1; a probability is at most 1$"
    with pytest.raises(InvalidDistributionError, match=message):
        binary_entropy([0.5, 1.1])


def test_binary_entropy_rejects_nan():
    with pytest.raises(InvalidDistributionError, match=r"is nan"):
        binary_entropy(math.nan)


def test_surprisal_rejects_string():
    with pytest.raises(TypeError, match=r"not the string"):
        surprisal("0.5")


def test_units_are_named():
    assert (unit_name(2), unit_name(math.e), unit_name(10), unit_name(3)) == (
        "bits",
        "nats",
        "bans",
        "log-3 units",
    )


def test_format_information_shows_unit_and_infinity():
    assert format_information(1.0) == "1.000 bits"
    assert format_information(math.inf, base=math.e) == "∞ nats"


def test_unit_name_rejects_bad_base():
    with pytest.raises(ValueError, match=r"base must be"):
        unit_name(1)


def test_sum_tolerance_is_documented_value():
    assert infolib.SUM_TOLERANCE == 1e-6

"""Values and conventions of the single- and two-distribution measures.

Expected values are computed independently with ``math.log2``/``math.log``
from the definitions, never with infolib itself.
"""

import math
import warnings

import numpy as np
import pytest

import infolib
from infolib import (
    binary_entropy,
    cross_entropy,
    entropy,
    entropy_contributions,
    js_divergence,
    kl_divergence,
    surprisal,
)


def shannon(p, log=math.log2):
    """Reference entropy from the definition, skipping zero terms."""
    return -math.fsum(x * log(x) for x in p if x > 0)


def kl_ref(p, q, log=math.log2):
    return math.fsum(a * log(a / b) for a, b in zip(p, q, strict=True) if a > 0)


# --- the seeds' numbers -----------------------------------------------------


def test_fair_coin_has_exactly_one_bit():
    assert entropy([0.5, 0.5]) == 1.0


def test_fair_die_has_log2_6_bits():
    h = entropy([1 / 6] * 6)
    assert h == pytest.approx(math.log2(6), abs=1e-12)
    assert round(h, 3) == 2.585


def test_biased_coin_0_1_has_0_469_bits():
    h = entropy([0.1, 0.9])
    assert h == pytest.approx(-(0.1 * math.log2(0.1) + 0.9 * math.log2(0.9)), abs=1e-12)
    assert round(h, 3) == 0.469


def test_coin_99_1_has_0_0808_bits():
    h = entropy([0.99, 0.01])
    assert h == pytest.approx(shannon([0.99, 0.01]), abs=1e-12)
    assert round(h, 4) == 0.0808


def test_surprisal_of_99_and_1_percent_events():
    assert surprisal(0.99) == pytest.approx(-math.log2(0.99), abs=1e-12)
    assert surprisal(0.01) == pytest.approx(-math.log2(0.01), abs=1e-12)
    assert round(surprisal(0.99), 4) == 0.0145
    assert round(surprisal(0.01), 3) == 6.644


def test_peaked_four_outcome_distribution_has_0_619_bits():
    p = [0.9, 0.05, 0.025, 0.025]
    assert entropy(p) == pytest.approx(shannon(p), abs=1e-12)
    assert round(entropy(p), 3) == 0.619


def test_flat_four_outcome_distribution_has_1_985_bits():
    p = [0.3, 0.2, 0.25, 0.25]
    assert entropy(p) == pytest.approx(shannon(p), abs=1e-12)
    assert round(entropy(p), 3) == 1.985


def test_coin_and_die_together_have_log2_12_bits():
    coin, die = [0.5] * 2, [1 / 6] * 6
    h_joint = infolib.joint_entropy(infolib.product_distribution(coin, die))
    assert h_joint == pytest.approx(math.log2(12), abs=1e-12)
    assert h_joint == pytest.approx(entropy(coin) + entropy(die), abs=1e-12)


@pytest.mark.parametrize(
    ("prediction", "expected"),
    [([0.1, 0.9], 3.3219), ([0.5, 0.5], 1.0), ([0.9, 0.1], 0.1520), ([1.0, 0.0], 0.0)],
)
def test_cross_entropy_of_label_1_0_against_predictions(prediction, expected):
    h = cross_entropy([1, 0], prediction)
    assert h == pytest.approx(-math.log2(prediction[0]), abs=1e-12)
    assert h == pytest.approx(expected, abs=5e-5)


@pytest.mark.parametrize(
    ("prediction", "expected"),
    [
        ([0.05, 0.05, 0.05, 0.05, 0.8], 4.3219),
        ([0.2] * 5, 2.3219),
        ([0.05, 0.05, 0.8, 0.05, 0.05], 0.3219),
        ([0, 0, 1, 0, 0], 0.0),
    ],
)
def test_cross_entropy_of_five_class_one_hot_label(prediction, expected):
    label = [0, 0, 1, 0, 0]
    h = cross_entropy(label, prediction)
    assert h == pytest.approx(-math.log2(prediction[2]), abs=1e-12)
    assert h == pytest.approx(expected, abs=5e-5)


P4 = [0.1, 0.2, 0.3, 0.4]
U4 = [0.25] * 4


def test_kl_of_p_from_uniform_is_0_1536_bits():
    d = kl_divergence(P4, U4)
    assert d == pytest.approx(kl_ref(P4, U4), abs=1e-12)
    assert round(d, 4) == 0.1536


def test_kl_of_uniform_from_p_is_0_1757_bits():
    d = kl_divergence(U4, P4)
    assert d == pytest.approx(kl_ref(U4, P4), abs=1e-12)
    assert round(d, 4) == 0.1757


@pytest.mark.parametrize(("p", "q"), [(P4, U4), (U4, P4)])
def test_cross_entropy_equals_entropy_plus_kl(p, q):
    assert cross_entropy(p, q) == pytest.approx(entropy(p) + kl_divergence(p, q), abs=1e-12)


MNIST_Q = [0.01, 0.02, 0.75, 0.05, 0.02, 0.1, 0.001, 0.02, 0.009, 0.02]


def test_mnist_one_hot_cross_entropy_in_nats_is_0_2877():
    label = [0] * 10
    label[2] = 1
    h = cross_entropy(label, MNIST_Q, base=math.e)
    assert h == pytest.approx(-math.log(0.75), abs=1e-12)
    assert round(h, 4) == 0.2877


# --- conventions -------------------------------------------------------------


def test_zero_probabilities_do_not_change_entropy():
    assert entropy([0.5, 0.0, 0.25, 0.0, 0.25]) == pytest.approx(
        entropy([0.5, 0.25, 0.25]), abs=1e-15
    )


def test_certain_outcome_has_positive_zero_entropy():
    h = entropy([0.0, 1.0, 0.0])
    assert h == 0.0
    assert math.copysign(1, h) == 1


def test_certain_outcome_surprisal_is_positive_zero():
    s = surprisal(1.0)
    assert s == 0.0
    assert math.copysign(1, s) == 1


def test_identical_distributions_have_positive_zero_kl():
    d = kl_divergence([0.0, 1.0], [0.0, 1.0])
    assert d == 0.0
    assert math.copysign(1, d) == 1


def test_kl_is_infinite_when_q_misses_an_outcome_of_p():
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf


def test_cross_entropy_is_infinite_when_q_misses_an_outcome_of_p():
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf


def test_outcome_impossible_under_both_contributes_nothing():
    assert kl_divergence([0.5, 0.5, 0.0], [0.25, 0.75, 0.0]) == pytest.approx(
        kl_ref([0.5, 0.5], [0.25, 0.75]), abs=1e-12
    )
    assert cross_entropy([0.5, 0.5, 0.0], [0.25, 0.75, 0.0]) == pytest.approx(
        -(0.5 * math.log2(0.25) + 0.5 * math.log2(0.75)), abs=1e-12
    )


def test_outcome_only_q_allows_adds_no_infinity():
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(1.0, abs=1e-15)


def test_surprisal_of_impossible_event_is_infinite():
    assert surprisal(0.0) == math.inf


@pytest.mark.parametrize(
    "call",
    [
        lambda: entropy([0.0, 0.0, 1.0, 0.0]),
        lambda: entropy([[0.0, 1.0], [0.5, 0.5]]),
        lambda: cross_entropy([0.0, 1.0], [0.0, 1.0]),
        lambda: cross_entropy([1.0, 0.0], [0.0, 1.0]),
        lambda: kl_divergence([0.0, 1.0, 0.0], [0.0, 0.5, 0.5]),
        lambda: kl_divergence([1.0, 0.0], [0.0, 1.0]),
        lambda: js_divergence([1.0, 0.0, 0.0], [0.0, 0.0, 1.0]),
        lambda: surprisal([0.0, 1.0]),
        lambda: binary_entropy([0.0, 1.0]),
        lambda: entropy_contributions([0.0, 1.0]),
        lambda: infolib.mutual_information([[0.0, 0.0], [0.0, 1.0]]),
        lambda: infolib.conditional_entropy([[0.0, 0.0], [0.5, 0.5]]),
    ],
)
def test_zero_heavy_inputs_raise_no_runtime_warning(call):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        call()


# --- units ---------------------------------------------------------------------


def test_fair_coin_is_ln2_nats():
    assert entropy([0.5, 0.5], base=math.e) == pytest.approx(math.log(2), abs=1e-15)


def test_fair_coin_is_log10_2_bans():
    assert entropy([0.5, 0.5], base=10) == pytest.approx(math.log10(2), abs=1e-15)


def test_uniform_over_three_is_one_log3_unit():
    assert entropy([1 / 3] * 3, base=3) == pytest.approx(1.0, abs=1e-12)


def test_base_4_halves_bits():
    p = [0.7, 0.2, 0.1]
    assert entropy(p, base=4) == pytest.approx(shannon(p) / 2, abs=1e-12)


def test_kl_in_nats_matches_natural_log_definition():
    assert kl_divergence(P4, U4, base=math.e) == pytest.approx(kl_ref(P4, U4, math.log), abs=1e-12)


def test_surprisal_in_base_10():
    assert surprisal(0.001, base=10) == pytest.approx(3.0, abs=1e-12)


def test_binary_entropy_in_nats():
    assert binary_entropy(0.3, base=math.e) == pytest.approx(shannon([0.3, 0.7], math.log), abs=1e-12)


def test_numpy_scalar_base_is_accepted():
    assert entropy([0.5, 0.5], base=np.float64(2)) == 1.0


# --- batches, axis, broadcasting, return types -------------------------------------


def test_entropy_of_2d_array_is_per_row():
    h = entropy([[0.5, 0.5], [1.0, 0.0], [0.1, 0.9]])
    assert isinstance(h, np.ndarray)
    np.testing.assert_allclose(h, [1.0, 0.0, shannon([0.1, 0.9])], rtol=0, atol=1e-12)


def test_entropy_axis_0_treats_columns_as_distributions():
    table = np.array([[0.5, 1.0], [0.5, 0.0]])
    np.testing.assert_allclose(entropy(table, axis=0), [1.0, 0.0], rtol=0, atol=1e-15)


def test_entropy_of_3d_batch_has_batch_shape():
    batch = np.full((2, 3, 4), 0.25)
    h = entropy(batch)
    assert h.shape == (2, 3)
    np.testing.assert_allclose(h, 2.0, rtol=0, atol=1e-15)


def test_one_p_broadcasts_against_a_batch_of_q():
    qs = [[0.5, 0.5], [0.9, 0.1], [0.25, 0.75]]
    expected = [kl_ref([0.5, 0.5], q) for q in qs]
    np.testing.assert_allclose(kl_divergence([0.5, 0.5], qs), expected, rtol=0, atol=1e-12)


def test_batch_of_p_broadcasts_against_one_q():
    ps = [[0.5, 0.5], [0.9, 0.1]]
    expected = [-(p[0] * math.log2(0.25) + p[1] * math.log2(0.75)) for p in ps]
    np.testing.assert_allclose(cross_entropy(ps, [0.25, 0.75]), expected, rtol=0, atol=1e-12)


def test_batched_kl_with_zeros_uses_conventions_per_row():
    d = kl_divergence([[1.0, 0.0], [0.5, 0.5]], [[0.5, 0.5], [1.0, 0.0]])
    assert d[0] == pytest.approx(1.0, abs=1e-15)
    assert d[1] == math.inf


@pytest.mark.parametrize(
    "value",
    [
        entropy([0.25, 0.75]),
        cross_entropy([0.25, 0.75], [0.5, 0.5]),
        kl_divergence([0.25, 0.75], [0.5, 0.5]),
        js_divergence([0.25, 0.75], [0.5, 0.5]),
        surprisal(0.5),
        binary_entropy(0.5),
    ],
)
def test_one_distribution_gives_a_python_float(value):
    assert type(value) is float


def test_surprisal_is_elementwise_over_arrays():
    np.testing.assert_array_equal(surprisal([1.0, 0.5, 0.25, 0.0]), [0.0, 1.0, 2.0, math.inf])


def test_surprisal_halving_probability_adds_one_bit():
    assert surprisal(0.05) - surprisal(0.1) == pytest.approx(1.0, abs=1e-12)


# --- binary entropy, JS, contributions, normalize ----------------------------------


def test_binary_entropy_matches_two_outcome_entropy():
    for p in (0.01, 0.1, 0.3, 0.5, 0.77):
        assert binary_entropy(p) == pytest.approx(shannon([p, 1 - p]), abs=1e-12)


def test_binary_entropy_is_exactly_one_bit_at_one_half():
    assert binary_entropy(0.5) == 1.0


def test_binary_entropy_of_tiny_bias_keeps_precision():
    p = 1e-20
    # -p log2 p - (1-p) log2(1-p) ~ p (log2(1/p) + 1/ln 2)
    expected = p * (-math.log2(p) + 1 / math.log(2))
    assert binary_entropy(p) == pytest.approx(expected, rel=1e-12)


def test_js_of_disjoint_distributions_is_one_bit():
    assert js_divergence([1, 0], [0, 1]) == 1.0


def test_js_of_disjoint_distributions_is_ln2_nats():
    assert js_divergence([1, 0], [0, 1], base=math.e) == pytest.approx(math.log(2), abs=1e-15)


def test_js_matches_its_definition_through_the_midpoint():
    p, q = [0.1, 0.6, 0.3], [0.5, 0.0, 0.5]
    m = [(a + b) / 2 for a, b in zip(p, q, strict=True)]
    expected = (kl_ref(p, m) + kl_ref(q, m)) / 2
    assert js_divergence(p, q) == pytest.approx(expected, abs=1e-12)


def test_entropy_contributions_sum_to_entropy():
    p = [0.5, 0.3, 0.2, 0.0]
    c = entropy_contributions(p)
    np.testing.assert_allclose(c, [-x * math.log2(x) if x else 0.0 for x in p], atol=1e-15)
    assert c.sum() == pytest.approx(entropy(p), abs=1e-12)


def test_normalize_rescales_counts():
    assert entropy([3, 1], normalize=True) == pytest.approx(shannon([0.75, 0.25]), abs=1e-12)


def test_normalize_rescales_both_arguments_of_kl():
    assert kl_divergence([1, 2, 3, 4], [5, 5, 5, 5], normalize=True) == pytest.approx(
        kl_ref(P4, U4), abs=1e-12
    )


def test_normalize_handles_weights_whose_sum_overflows():
    assert entropy([1e308, 1e308], normalize=True) == pytest.approx(1.0, abs=1e-15)


# --- extremes ----------------------------------------------------------------------


def test_entropy_with_probability_1e_minus_300_is_finite_and_correct():
    h = entropy([1e-300, 1 - 1e-300])
    assert math.isfinite(h)
    assert h == pytest.approx(-1e-300 * math.log2(1e-300), rel=1e-12)


def test_surprisal_of_1e_minus_300_is_finite():
    assert surprisal(1e-300) == pytest.approx(300 * math.log2(10), rel=1e-14)


def test_cross_entropy_with_q_1e_minus_300():
    assert cross_entropy([1.0, 0.0], [1e-300, 1.0]) == pytest.approx(
        -math.log2(1e-300), rel=1e-14
    )


def test_kl_with_tiny_p_and_q_is_finite_and_correct():
    p, q = [1e-300, 0.5, 0.5 - 1e-300], [1e-301, 0.25, 0.75 - 1e-301]
    d = kl_divergence(p, q)
    assert math.isfinite(d)
    assert d == pytest.approx(kl_ref(p, q), rel=1e-12)


def test_kl_with_subnormal_q_does_not_overflow():
    q_small = 5e-320  # subnormal: 0.5 / q_small would overflow to inf
    assert q_small < np.finfo(float).tiny
    d = kl_divergence([0.5, 0.5], [q_small, 1 - q_small])
    expected = 0.5 * (math.log2(0.5) - math.log2(q_small)) + 0.5 * math.log2(0.5 / (1 - q_small))
    assert math.isfinite(d)
    assert d == pytest.approx(expected, rel=1e-12)


def test_uniform_over_a_million_outcomes_has_log2_1e6_bits():
    n = 10**6
    assert entropy(np.full(n, 1 / n)) == pytest.approx(math.log2(n), rel=1e-12)


def test_kl_of_uniform_million_from_itself_is_zero():
    u = np.full(10**6, 1e-6)
    assert kl_divergence(u, u) == 0.0

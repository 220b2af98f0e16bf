"""Channels: closed-form capacities, Blahut-Arimoto, identities of I over a channel, errors.

Expected values come from closed forms (BSC 1 - h(e), BEC 1 - e, Z channel,
log n for a noiseless channel) computed here with ``math``, and from a brute
force search over input distributions.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import infolib
from infolib import (
    InvalidDistributionError,
    binary_erasure_channel,
    binary_symmetric_channel,
    channel_capacity,
    channel_joint,
    channel_mutual_information,
    compose_channels,
)


def h2(e):
    return 0.0 if e in (0.0, 1.0) else -e * math.log2(e) - (1 - e) * math.log2(1 - e)


def random_channel(rng, n_in, n_out):
    w = rng.random((n_in, n_out)) ** 3  # cubes: some rows nearly deterministic
    return w / w.sum(axis=1, keepdims=True)


# --- the channel matrices ------------------------------------------------------------------


def test_bsc_rows_flip_with_probability_e():
    np.testing.assert_array_equal(binary_symmetric_channel(0.2), [[0.8, 0.2], [0.2, 0.8]])


def test_bec_erases_with_probability_e_and_never_flips():
    np.testing.assert_array_equal(binary_erasure_channel(0.3), [[0.7, 0.3, 0.0], [0.0, 0.3, 0.7]])


@pytest.mark.parametrize("make_channel", [binary_symmetric_channel, binary_erasure_channel])
@pytest.mark.parametrize("e", [-0.1, 1.5, math.nan])
def test_channel_probability_outside_0_1_is_rejected_by_name(make_channel, e):
    with pytest.raises(InvalidDistributionError, match=r"^e = "):
        make_channel(e)


def test_channel_joint_is_input_times_rows():
    joint = channel_joint([0.25, 0.75], binary_symmetric_channel(0.1))
    np.testing.assert_allclose(joint, [[0.225, 0.025], [0.075, 0.675]], rtol=1e-15)


def test_compose_two_bscs_flips_when_exactly_one_flips():
    w = compose_channels(binary_symmetric_channel(0.1), binary_symmetric_channel(0.2))
    net = 0.1 * 0.8 + 0.9 * 0.2
    np.testing.assert_allclose(w, [[1 - net, net], [net, 1 - net]], rtol=1e-15)


# --- closed forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("e", [0.0, 0.01, 0.11, 0.3, 0.5, 0.7, 0.99, 1.0])
def test_bsc_capacity_is_one_minus_binary_entropy(e):
    result = channel_capacity(binary_symmetric_channel(e))
    assert result.capacity == pytest.approx(1 - h2(e), abs=1e-12)
    np.testing.assert_allclose(result.input_distribution, [0.5, 0.5], rtol=1e-12)


@pytest.mark.parametrize("e", [0.0, 0.5, 1.0])
def test_bsc_edges_are_exact_without_iterating(e):
    result = channel_capacity(binary_symmetric_channel(e))
    assert result.capacity == {0.0: 1.0, 0.5: 0.0, 1.0: 1.0}[e]
    assert result.iterations == 0 and result.gap == 0.0


@pytest.mark.parametrize("e", [0.0, 0.2, 0.5, 0.9, 1.0])
def test_bec_capacity_is_one_minus_e(e):
    assert channel_capacity(binary_erasure_channel(e)).capacity == pytest.approx(1 - e, abs=1e-12)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_noiseless_channel_capacity_is_log2_n(n):
    assert channel_capacity(np.eye(n)).capacity == pytest.approx(math.log2(n), abs=1e-12)


def test_useless_channel_with_identical_rows_has_zero_capacity():
    w = np.tile([0.2, 0.5, 0.3], (4, 1))
    assert channel_capacity(w).capacity == 0.0


def test_z_channel_capacity_and_input_match_the_closed_form():
    # Z channel: 0 -> 0 always, 1 -> 0 with probability s. C = log2(1 + (1 - s) s^(s / (1 - s))).
    s = 0.3
    result = channel_capacity([[1.0, 0.0], [s, 1 - s]], tol=1e-13)
    assert result.capacity == pytest.approx(math.log2(1 + (1 - s) * s ** (s / (1 - s))), abs=1e-12)
    grid = np.linspace(0, 1, 20001)
    brute = [channel_mutual_information([1 - a, a], [[1, 0], [s, 1 - s]]) for a in grid]
    assert result.input_distribution[1] == pytest.approx(grid[int(np.argmax(brute))], abs=1e-4)


def test_capacity_in_nats_is_bits_times_ln_2():
    w = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]
    assert channel_capacity(w, base=math.e).capacity == pytest.approx(
        channel_capacity(w).capacity * math.log(2), abs=1e-11)


def test_capacity_beats_a_brute_force_search_over_binary_inputs():
    w = np.array([[0.6, 0.3, 0.1], [0.05, 0.15, 0.8]])
    brute = max(channel_mutual_information([1 - a, a], w) for a in np.linspace(0, 1, 10001))
    result = channel_capacity(w)
    assert brute - 1e-9 <= result.capacity <= brute + result.gap + 1e-9


def test_gap_bounds_the_distance_to_the_capacity_when_stopped_early():
    w = [[1.0, 0.0], [0.3, 0.7]]
    early = channel_capacity(w, max_iterations=2)
    exact = channel_capacity(w, tol=1e-14).capacity
    assert early.iterations == 2
    assert early.capacity <= exact + 1e-12 <= early.capacity + early.gap + 2e-12


def test_capacity_recipe_recomputes_exactly_from_the_input_distribution():
    w = [[0.9, 0.1, 0.0], [0.2, 0.2, 0.6], [0.0, 0.5, 0.5]]
    result = channel_capacity(w)
    assert channel_mutual_information(result.input_distribution, w) == result.capacity


# --- identities of I over a channel (random channels, by hand) -------------------------------


def test_mutual_information_over_a_channel_matches_the_entropy_identity():
    rng = np.random.default_rng(3)
    for _ in range(20):
        w = random_channel(rng, 3, 4)
        px = rng.dirichlet(np.ones(3))
        joint = px[:, None] * w
        py = joint.sum(axis=0)
        hy = -sum(v * math.log2(v) for v in py if v > 0)
        hy_given_x = -sum(px[i] * w[i, j] * math.log2(w[i, j])
                          for i in range(3) for j in range(4) if w[i, j] > 0)
        assert channel_mutual_information(px, w) == pytest.approx(hy - hy_given_x, abs=1e-12)


def test_mutual_information_is_symmetric_in_the_joint_table():
    rng = np.random.default_rng(4)
    joint = channel_joint(rng.dirichlet(np.ones(4)), random_channel(rng, 4, 3))
    assert infolib.mutual_information(joint) == pytest.approx(infolib.mutual_information(joint.T),
                                                              abs=1e-14)


def test_data_processing_inequality_for_random_pairs_of_channels():
    rng = np.random.default_rng(5)
    for _ in range(200):
        n_x, n_y, n_z = rng.integers(2, 5, size=3)
        w1, w2 = random_channel(rng, n_x, n_y), random_channel(rng, n_y, n_z)
        px = rng.dirichlet(np.ones(n_x))
        i_xy = channel_mutual_information(px, w1)
        i_xz = channel_mutual_information(px, compose_channels(w1, w2))
        assert i_xz <= i_xy + 1e-12


# --- hypothesis: properties over random channel matrices -------------------------------------


def channels(max_in=4, max_out=4):
    return st.tuples(st.integers(1, max_in), st.integers(1, max_out)).flatmap(
        lambda shape: arrays(np.float64, shape, elements=st.floats(0, 1)).filter(
            lambda w: (w.sum(axis=1) > 1e-3).all()
        ).map(lambda w: w / w.sum(axis=1, keepdims=True))
    )


@settings(max_examples=60, deadline=None)
@given(channels())
def test_capacity_lies_between_0_and_log_of_the_smaller_alphabet(w):
    result = channel_capacity(w, max_iterations=2000)
    assert -1e-12 <= result.capacity <= math.log2(min(w.shape)) + 1e-12
    assert result.gap >= 0
    assert np.isclose(result.input_distribution.sum(), 1.0)


@settings(max_examples=60, deadline=None)
@given(channels(), st.integers(0, 2**32 - 1))
def test_mutual_information_is_at_most_each_entropy(w, seed):
    px = np.random.default_rng(seed).dirichlet(np.ones(w.shape[0]))
    joint = channel_joint(px, w)
    i = infolib.mutual_information(joint)
    assert i <= min(infolib.entropy(px), infolib.entropy(joint.sum(axis=0))) + 1e-12


@settings(max_examples=40, deadline=None)
@given(channels(), st.integers(0, 2**32 - 1))
def test_no_input_distribution_beats_the_capacity(w, seed):
    px = np.random.default_rng(seed).dirichlet(np.ones(w.shape[0]))
    result = channel_capacity(w)
    assert channel_mutual_information(px, w) <= result.capacity + result.gap + 1e-12


# --- errors that say what is wrong --------------------------------------------------------------


def test_row_that_does_not_sum_to_one_is_named():
    with pytest.raises(InvalidDistributionError, match=r"row W\[1\] \(input x = 1\) sums to 0\.9, not 1"):
        channel_capacity([[0.5, 0.5], [0.6, 0.3]])


def test_negative_entry_is_named_by_its_index():
    with pytest.raises(InvalidDistributionError, match=r"W\[0, 1\] = -0\.1 is negative"):
        channel_joint([0.5, 0.5], [[1.1, -0.1], [0.5, 0.5]])


def test_input_and_channel_size_mismatch_says_which_is_which():
    with pytest.raises(ValueError, match=r"px has 3 input probabilities but the channel W has 2 rows"):
        channel_joint([0.2, 0.3, 0.5], binary_symmetric_channel(0.1))


def test_composing_mismatched_channels_names_both_sizes():
    with pytest.raises(ValueError, match=r"W1 has 3 outputs \(columns\) but W2 has 2 inputs \(rows\)"):
        compose_channels(binary_erasure_channel(0.1), binary_symmetric_channel(0.1))


def test_a_vector_is_not_a_channel():
    with pytest.raises(InvalidDistributionError, match=r"2-D channel matrix"):
        channel_capacity([0.5, 0.5])


@pytest.mark.parametrize(("kwargs", "match"), [({"tol": 0}, "tol must be"),
                                               ({"max_iterations": -1}, "max_iterations must be"),
                                               ({"base": 1}, "base must be")])
def test_bad_options_are_rejected(kwargs, match):
    with pytest.raises(ValueError, match=match):
        channel_capacity(np.eye(2), **kwargs)

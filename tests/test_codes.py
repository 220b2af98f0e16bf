"""Prefix codes: Huffman and Shannon lengths, Kraft sums, encoding, and bits measured on samples.

Expected values are worked out by hand in the comments, or come from identities
that do not use infolib.codes (the expected Huffman length is the sum of the
weights of the merged nodes; H(p) and H(p, q) come from infolib.measures).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from infolib import (
    InvalidDistributionError,
    block_distribution,
    code_length_per_symbol,
    cross_entropy,
    decode,
    encode,
    entropy,
    expected_code_length,
    huffman_code,
    huffman_code_lengths,
    is_prefix_free,
    kraft_sum,
    sample_code_length,
    sample_outcomes,
    shannon_code_lengths,
)

SETTINGS = settings(max_examples=150, deadline=None)

weight = st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=1.0, allow_nan=False))


@st.composite
def distributions(draw, min_size=1, max_size=9):
    weights = draw(st.lists(weight, min_size=min_size, max_size=max_size))
    assume(sum(weights) > 0)
    arr = np.array(weights)
    return arr / arr.sum()


def merged_weight_sum(p):
    """Expected Huffman length by the textbook identity: the sum of all merged weights."""
    pool = sorted(x for x in p if x > 0)
    total = 0.0
    while len(pool) > 1:
        a, b = pool[0], pool[1]
        pool = sorted([*pool[2:], a + b])
        total += a + b
    return total


# --- Huffman ---------------------------------------------------------------------------


def test_huffman_dyadic_code_has_lengths_minus_log2_p():
    code = huffman_code([0.5, 0.25, 0.125, 0.125])
    assert {s: len(w) for s, w in code.items()} == {0: 1, 1: 2, 2: 3, 3: 3}


def test_huffman_textbook_example_has_expected_length_1_9_bits():
    # (0.4, 0.3, 0.2, 0.1): merge 0.1+0.2, then 0.3+0.3, then 0.4+0.6 -> lengths 1, 2, 3, 3.
    assert list(huffman_code_lengths([0.4, 0.3, 0.2, 0.1])) == [1, 2, 3, 3]
    assert expected_code_length([0.4, 0.3, 0.2, 0.1], [1, 2, 3, 3]) == pytest.approx(1.9, rel=1e-15)


def test_huffman_zero_probability_outcome_gets_no_codeword():
    code = huffman_code([0.5, 0.0, 0.5])
    assert set(code) == {0, 2}
    assert list(huffman_code_lengths([0.5, 0.0, 0.5])) == [1, math.inf, 1]


def test_huffman_one_possible_outcome_costs_zero_bits():
    assert huffman_code([0.0, 1.0, 0.0]) == {1: ""}
    assert code_length_per_symbol([0.0, 1.0, 0.0]) == 0.0


def test_huffman_ties_are_broken_the_same_way_every_time():
    p = [0.25, 0.25, 0.25, 0.25]
    assert huffman_code(p) == huffman_code(list(p)) == {0: "00", 1: "01", 2: "10", 3: "11"}


def test_huffman_uses_given_symbols():
    assert huffman_code([0.9, 0.1], symbols=["sun", "rain"]) == {"sun": "1", "rain": "0"}


def test_huffman_rejects_wrong_number_of_symbols():
    with pytest.raises(ValueError, match="symbols has 1 names but p has 2 outcomes"):
        huffman_code([0.5, 0.5], symbols=["a"])


def test_huffman_rejects_repeated_symbols():
    with pytest.raises(ValueError, match="distinct"):
        huffman_code([0.5, 0.5], symbols=["a", "a"])


def test_huffman_rejects_non_distribution():
    with pytest.raises(InvalidDistributionError, match=r"p sums to 1\.2"):
        huffman_code([0.5, 0.7])


def test_huffman_rejects_a_batch():
    with pytest.raises(ValueError, match="one distribution"):
        huffman_code([[0.5, 0.5], [0.5, 0.5]])


@SETTINGS
@given(distributions())
def test_huffman_length_equals_sum_of_merged_weights(p):
    assert expected_code_length(p, huffman_code_lengths(p)) == pytest.approx(merged_weight_sum(p), abs=1e-12)


@SETTINGS
@given(distributions(min_size=2))
def test_huffman_kraft_sum_is_one_with_two_or_more_possible_outcomes(p):
    assume((p > 0).sum() >= 2)
    assert kraft_sum(huffman_code_lengths(p)) == 1.0


@SETTINGS
@given(distributions())
def test_huffman_code_is_prefix_free(p):
    assert is_prefix_free(huffman_code(p))


@SETTINGS
@given(distributions())
def test_huffman_length_is_within_one_bit_above_entropy(p):
    length = code_length_per_symbol(p)
    assert entropy(p) - 1e-12 <= length < entropy(p) + 1


@SETTINGS
@given(distributions())
def test_huffman_is_never_longer_than_shannon(p):
    huffman = expected_code_length(p, huffman_code_lengths(p))
    shannon = expected_code_length(p, shannon_code_lengths(p))
    assert huffman <= shannon + 1e-12


@SETTINGS
@given(distributions(), st.lists(st.integers(0, 8), max_size=40))
def test_decode_inverts_encode(p, raw):
    code = huffman_code(p)
    symbols = sorted(code)
    samples = [symbols[i % len(symbols)] for i in raw]
    bits = encode(samples, code)
    assert decode(bits, code, count=len(samples)) == samples


# --- Shannon lengths and Kraft -------------------------------------------------------------


def test_shannon_lengths_are_ceil_of_surprisal():
    # -log2 of 0.4, 0.3, 0.2, 0.1 = 1.32, 1.74, 2.32, 3.32 -> 2, 2, 3, 4.
    assert list(shannon_code_lengths([0.4, 0.3, 0.2, 0.1])) == [2, 2, 3, 4]


def test_shannon_length_of_a_power_of_two_is_exact():
    assert list(shannon_code_lengths([0.5, 0.25, 0.25])) == [1, 2, 2]


def test_shannon_length_of_certain_outcome_is_zero_not_minus_zero():
    lengths = shannon_code_lengths([1.0, 0.0])
    assert lengths[0] == 0.0 and math.copysign(1, lengths[0]) == 1 and lengths[1] == math.inf


@SETTINGS
@given(distributions())
def test_shannon_lengths_satisfy_kraft_and_stay_within_one_bit(p):
    lengths = shannon_code_lengths(p)
    assert kraft_sum(lengths) <= 1.0
    length = expected_code_length(p, lengths)
    assert entropy(p) - 1e-12 <= length < entropy(p) + 1


def test_kraft_sum_by_hand():
    assert kraft_sum([2, 2, 3, 4]) == 0.25 + 0.25 + 0.125 + 0.0625


def test_kraft_sum_above_one_means_no_prefix_code():
    assert kraft_sum([1, 1, 1]) == 1.5


@pytest.mark.parametrize("bad", [[1.5, 2], [-1, 2], [float("nan")]])
def test_kraft_sum_rejects_non_whole_lengths(bad):
    with pytest.raises(ValueError, match="whole number of bits"):
        kraft_sum(bad)


# --- expected lengths -------------------------------------------------------------------------


def test_expected_length_of_impossible_outcome_without_codeword_is_zero_no_warning():
    assert expected_code_length([0.5, 0.5, 0.0], [1, 1, math.inf]) == 1.0


def test_expected_length_is_inf_when_a_possible_outcome_has_no_codeword():
    assert expected_code_length([0.5, 0.5], [1, math.inf]) == math.inf


def test_expected_length_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="p has 2 outcomes but lengths has 3"):
        expected_code_length([0.5, 0.5], [1, 1, 1])


def test_code_for_q_on_p_by_hand():
    # Code for q = (1/4, 1/4, 1/2): lengths 2, 2, 1. Data from p = (1/2, 1/4, 1/4): 1 + 0.5 + 0.25.
    assert code_length_per_symbol([0.5, 0.25, 0.25], [0.25, 0.25, 0.5]) == 1.75
    assert cross_entropy([0.5, 0.25, 0.25], [0.25, 0.25, 0.5]) == 1.75


def test_code_for_q_missing_an_outcome_of_p_costs_infinite_bits():
    assert code_length_per_symbol([0.5, 0.5], [1.0, 0.0]) == math.inf


def test_huffman_for_q_can_beat_the_cross_entropy_but_never_the_entropy():
    # q = (0.9, 0.1): Huffman gives both outcomes 1 bit, so on a fair coin L = 1 < H(p, q) = 1.737.
    p, q = [0.5, 0.5], [0.9, 0.1]
    assert code_length_per_symbol(p, q) == 1.0
    assert cross_entropy(p, q) == pytest.approx(0.5 * (math.log2(1 / 0.9) + math.log2(10)))


@SETTINGS
@given(distributions(min_size=2, max_size=5), st.data())
def test_shannon_code_for_q_costs_between_cross_entropy_and_one_bit_more(p, data):
    q = data.draw(distributions(min_size=len(p), max_size=len(p)))
    h_pq = cross_entropy(p, q)
    length = code_length_per_symbol(p, q, code="shannon")
    if math.isinf(h_pq):
        assert length == math.inf
    else:
        assert h_pq - 1e-9 <= length < h_pq + 1


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_block_codes_shrink_the_overhead_to_one_over_k(k):
    p = [0.9, 0.1]
    length = code_length_per_symbol(p, block=k)
    assert entropy(p) <= length < entropy(p) + 1 / k


def test_block_distribution_is_the_product_in_base_n_order():
    np.testing.assert_allclose(block_distribution([0.9, 0.1], 2), [0.81, 0.09, 0.09, 0.01], rtol=1e-15)
    assert block_distribution([0.2, 0.3, 0.5], 3)[0b0] == pytest.approx(0.2**3)
    assert block_distribution([0.2, 0.3, 0.5], 3)[1 * 9 + 2 * 3 + 0] == pytest.approx(0.3 * 0.5 * 0.2)


def test_block_distribution_refuses_huge_blocks():
    with pytest.raises(ValueError, match="use a smaller block"):
        block_distribution([0.125] * 8, 5)


@pytest.mark.parametrize("block", [0, -1, 1.5, True])
def test_block_must_be_a_positive_whole_number(block):
    with pytest.raises(ValueError, match="block must be a whole number >= 1"):
        code_length_per_symbol([0.5, 0.5], block=block)


def test_unknown_code_name_is_rejected():
    with pytest.raises(ValueError, match="code must be one of"):
        code_length_per_symbol([0.5, 0.5], code="arithmetic")


# --- encode / decode --------------------------------------------------------------------------


def test_encode_by_hand():
    assert encode([0, 1, 0, 2], {0: "0", 1: "10", 2: "11"}) == "010011"


def test_encode_rejects_symbol_without_codeword():
    with pytest.raises(ValueError, match="sample 1 has no codeword"):
        encode([0, 1], huffman_code([1.0, 0.0, 0.0]) | {2: "1"})


def test_decode_by_hand():
    assert decode("010011", {0: "0", 1: "10", 2: "11"}) == [0, 1, 0, 2]


def test_decode_rejects_unfinished_codeword():
    with pytest.raises(ValueError, match="unfinished codeword"):
        decode("0101", {0: "0", 1: "10", 2: "11"})


def test_decode_rejects_bits_that_start_no_codeword():
    with pytest.raises(ValueError, match="start no codeword"):
        decode("0111", {0: "0", 1: "10", 2: "110"})


def test_decode_rejects_code_that_is_not_prefix_free():
    with pytest.raises(ValueError, match="not prefix-free"):
        decode("01", {0: "0", 1: "01"})


def test_decode_rejects_non_bits():
    with pytest.raises(ValueError, match="string of '0' and '1'"):
        decode("012", {0: "0", 1: "1"})


def test_one_outcome_code_sends_no_bits_and_needs_a_count():
    assert encode([5, 5, 5], {5: ""}) == ""
    assert decode("", {5: ""}, count=3) == [5, 5, 5]
    with pytest.raises(ValueError, match="pass count="):
        decode("", {5: ""})


def test_prefix_free_check_by_hand():
    assert is_prefix_free({0: "0", 1: "10", 2: "11"})
    assert not is_prefix_free({0: "1", 1: "10"})


def test_codewords_must_be_bit_strings():
    with pytest.raises(ValueError, match="codewords are strings of '0' and '1'"):
        is_prefix_free({0: "0", 1: "2"})


def test_code_must_be_a_mapping():
    with pytest.raises(TypeError, match="mapping symbol -> codeword"):
        encode([0], ["0", "1"])


# --- sampling and measured bits -----------------------------------------------------------------


def test_samples_follow_p():
    samples = sample_outcomes([0.2, 0.0, 0.8], 20000, seed=1)
    counts = np.bincount(samples, minlength=3) / 20000
    assert counts[1] == 0
    assert counts == pytest.approx([0.2, 0.0, 0.8], abs=0.01)


def test_samples_of_a_smaller_n_are_a_prefix():
    many = sample_outcomes([0.3, 0.7], 100, seed=4)
    np.testing.assert_array_equal(sample_outcomes([0.3, 0.7], 10, seed=4), many[:10])


def test_samples_are_reproducible_from_the_seed():
    a = sample_outcomes([0.1, 0.2, 0.7], 50, seed=7)
    np.testing.assert_array_equal(a, sample_outcomes([0.1, 0.2, 0.7], 50, seed=7))
    assert not np.array_equal(a, sample_outcomes([0.1, 0.2, 0.7], 50, seed=8))


def test_sample_count_must_be_a_whole_number():
    with pytest.raises(ValueError, match="n must be a whole number"):
        sample_outcomes([0.5, 0.5], 2.5)


def test_measured_bits_count_the_encoded_string():
    p, q = [0.5, 0.3, 0.2], [0.2, 0.3, 0.5]
    samples = sample_outcomes(p, 500, seed=2)
    bits = encode(samples.tolist(), huffman_code(q))
    assert sample_code_length(p, q, 500, seed=2) == len(bits) / 500


def test_measured_bits_approach_the_expected_length():
    p, q = [0.5, 0.3, 0.2], [0.2, 0.3, 0.5]
    expected = code_length_per_symbol(p, q)
    assert sample_code_length(p, q, 100_000, seed=0) == pytest.approx(expected, abs=0.01)


def test_measured_bits_with_blocks_count_block_codewords():
    p = [0.9, 0.1]
    samples = sample_outcomes(p, 999, seed=5).reshape(333, 3)
    blocks = (samples * [4, 2, 1]).sum(axis=1)
    bits = encode(blocks.tolist(), huffman_code(block_distribution(p, 3)))
    assert sample_code_length(p, None, 1000, seed=5, block=3) == len(bits) / 999


def test_measured_bits_are_infinite_when_a_drawn_symbol_has_no_codeword():
    assert sample_code_length([0.5, 0.5], [1.0, 0.0], 100) == math.inf


def test_measured_bits_need_one_complete_block():
    with pytest.raises(ValueError, match="no complete block"):
        sample_code_length([0.5, 0.5], None, 2, block=3)

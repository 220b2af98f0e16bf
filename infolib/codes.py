"""Prefix codes: cross entropy as bits you can count.

A *prefix code* gives each outcome a codeword (a string of ``'0'`` and ``'1'``)
so that no codeword starts another one: a stream of codewords then decodes
without separators. A code built for a distribution ``q`` gives outcome ``i``
about ``-log2 q_i`` bits; used on data from ``p`` it costs about
``-sum p_i log2 q_i = H(p, q)`` bits per symbol, the cross entropy.

Conventions, the same everywhere in this module:

* Code lengths are floats; an outcome of probability 0 gets **no codeword**,
  written as length ``inf`` (so ``2**-inf = 0`` drops out of the Kraft sum and
  an outcome that has no codeword but occurs costs ``inf`` bits, exactly as
  ``H(p, q) = inf`` when ``q_i = 0 < p_i``).
* Expected lengths use ``0 * inf = 0``: an outcome that never occurs costs nothing.
* A source with a single possible outcome needs 0 bits: its codeword is ``''``.
* Huffman's ties are broken deterministically (see :func:`huffman_code`).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike

from infolib._validation import as_distribution, as_float_array
from infolib.sampling import check_count, sample_outcomes

__all__ = [
    "block_distribution",
    "code_length_per_symbol",
    "decode",
    "encode",
    "expected_code_length",
    "huffman_code",
    "huffman_code_lengths",
    "is_prefix_free",
    "kraft_sum",
    "sample_code_length",
    "shannon_code_lengths",
]

#: Largest number of outcomes a block distribution may have (a Huffman code is built over them).
MAX_BLOCK_OUTCOMES = 4096

_CODES = ("huffman", "shannon")


def _one_distribution(p: ArrayLike, name: str) -> np.ndarray:
    arr = as_distribution(p, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one distribution (a 1-D sequence), got shape {arr.shape}")
    return arr


def huffman_code(p: ArrayLike, symbols: Sequence[Hashable] | None = None) -> dict[Hashable, str]:
    """An optimal binary prefix code for the distribution ``p`` (Huffman, 1952).

    Parameters
    ----------
    p : array_like
        Probabilities of the outcomes (1-D, summing to 1).
    symbols : sequence, optional
        A name for each outcome; by default the indices ``0 .. n-1``.

    Returns
    -------
    dict
        Symbol -> codeword (a ``str`` of ``'0'`` and ``'1'``). Outcomes with
        probability 0 get no codeword (they never need encoding). A source with
        one possible outcome gets the empty codeword ``''``: it costs 0 bits.

    Notes
    -----
    The two least likely subtrees are merged until one tree is left; the
    lighter one gets ``'0'``, the other ``'1'``. Ties are broken by age:
    outcomes in index order come before merged subtrees, and older subtrees
    before newer ones, so the same ``p`` always gives the same code. The
    expected length ``L`` satisfies ``H(p) <= L < H(p) + 1`` and no prefix
    code has a smaller ``L``.

    Examples
    --------
    >>> huffman_code([0.5, 0.25, 0.125, 0.125])
    {0: '0', 1: '10', 2: '110', 3: '111'}
    >>> huffman_code([0.9, 0.1], symbols=["sun", "rain"])
    {'sun': '1', 'rain': '0'}
    >>> huffman_code([1.0, 0.0])   # a certain outcome costs nothing
    {0: ''}
    """
    p = _one_distribution(p, "p")
    n = len(p)
    if symbols is None:
        symbols = list(range(n))
    else:
        symbols = list(symbols)
        if len(symbols) != n:
            raise ValueError(f"symbols has {len(symbols)} names but p has {n} outcomes; "
                             f"give one symbol per outcome")
        if len(set(symbols)) != n:
            raise ValueError("symbols must be distinct: two outcomes with one name could not be decoded")
    support = [i for i in range(n) if p[i] > 0]
    if len(support) == 1:
        return {symbols[support[0]]: ""}
    # Heap entries: (weight, age, tree); a tree is an outcome index or a (left, right) pair.
    heap = [(float(p[i]), i, i) for i in support]
    heapq.heapify(heap)
    age = n
    while len(heap) > 1:
        w0, _, t0 = heapq.heappop(heap)
        w1, _, t1 = heapq.heappop(heap)
        heapq.heappush(heap, (w0 + w1, age, (t0, t1)))
        age += 1
    words: dict[int, str] = {}
    stack = [(heap[0][2], "")]
    while stack:
        tree, prefix = stack.pop()
        if isinstance(tree, tuple):
            stack.append((tree[1], prefix + "1"))
            stack.append((tree[0], prefix + "0"))
        else:
            words[tree] = prefix
    return {symbols[i]: words[i] for i in support}


def huffman_code_lengths(p: ArrayLike) -> np.ndarray:
    """Codeword lengths of :func:`huffman_code` for ``p``, ``inf`` where ``p_i = 0``.

    Examples
    --------
    >>> huffman_code_lengths([0.4, 0.3, 0.2, 0.1, 0.0])
    array([ 1.,  2.,  3.,  3., inf])
    """
    p = _one_distribution(p, "p")
    lengths = np.full(len(p), np.inf)
    for i, word in huffman_code(p).items():
        lengths[i] = len(word)
    return lengths


def shannon_code_lengths(p: ArrayLike) -> np.ndarray:
    """Shannon's code lengths ``ceil(-log2 p_i)``: whole bits, never more than 1 over ``-log2 p_i``.

    Parameters
    ----------
    p : array_like
        Probabilities of the outcomes (1-D, summing to 1).

    Returns
    -------
    numpy.ndarray
        Lengths as floats; ``inf`` (no codeword) where ``p_i = 0``. They satisfy
        the Kraft inequality, so a prefix code with these lengths exists, and
        the expected length is below ``H(p) + 1``.

    Examples
    --------
    >>> shannon_code_lengths([0.4, 0.3, 0.2, 0.1])
    array([2., 2., 3., 4.])
    >>> shannon_code_lengths([0.5, 0.5, 0.0])
    array([ 1.,  1., inf])
    """
    p = _one_distribution(p, "p")
    lengths = np.full(len(p), np.inf)
    positive = p > 0
    np.log2(p, out=lengths, where=positive)
    np.negative(lengths, out=lengths, where=positive)
    # -log2 of an exact power of two is exact, so ceil never adds a spurious bit there.
    np.ceil(lengths, out=lengths, where=positive)
    return lengths + 0.0  # -0.0 (p = 1) becomes 0.0


def _as_lengths(lengths: ArrayLike, name: str = "lengths") -> np.ndarray:
    arr, _ = as_float_array(lengths, name)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence of codeword lengths, "
                         f"got shape {arr.shape}")
    finite = np.isfinite(arr)
    bad = np.isnan(arr) | (arr < 0) | (finite & (arr != np.round(arr)))
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"{name}[{i}] = {float(arr[i])!r}: a codeword length is a whole number of "
                         f"bits >= 0 (or inf for an outcome with no codeword)")
    return arr


def kraft_sum(lengths: ArrayLike) -> float:
    """Kraft sum ``sum_i 2**-l_i`` of binary codeword lengths.

    A prefix code with these lengths exists if and only if the sum is at most 1
    (Kraft's inequality); a Huffman code for two or more outcomes reaches exactly 1.

    Examples
    --------
    >>> kraft_sum([1, 2, 3, 3])
    1.0
    >>> kraft_sum([2, 2, 3, 4])   # Shannon's lengths for (0.4, 0.3, 0.2, 0.1): room to spare
    0.6875
    >>> kraft_sum([1, 1, float("inf")])   # no codeword: takes no room
    1.0
    """
    arr = _as_lengths(lengths)
    return float(np.exp2(-arr).sum())


def expected_code_length(p: ArrayLike, lengths: ArrayLike) -> float:
    """Average codeword length ``sum_i p_i l_i`` in bits per symbol for data from ``p``.

    Parameters
    ----------
    p : array_like
        The distribution the data come from.
    lengths : array_like
        One codeword length per outcome (``inf`` for an outcome without codeword).

    Returns
    -------
    float
        Bits per symbol: ``inf`` if an outcome with ``p_i > 0`` has no codeword;
        outcomes with ``p_i = 0`` cost nothing whatever their length.

    Examples
    --------
    >>> round(expected_code_length([0.4, 0.3, 0.2, 0.1], [1, 2, 3, 3]), 12)
    1.9
    >>> expected_code_length([0.5, 0.5, 0.0], [1, 1, float("inf")])
    1.0
    >>> expected_code_length([0.5, 0.5], [1, float("inf")])
    inf
    """
    p = _one_distribution(p, "p")
    arr = _as_lengths(lengths)
    if arr.shape != p.shape:
        raise ValueError(f"p has {len(p)} outcomes but lengths has {len(arr)}; give one length per outcome")
    terms = np.zeros(len(p))
    np.multiply(p, arr, out=terms, where=p > 0)  # 0 * inf = 0: an outcome that never occurs is free
    return float(terms.sum())


def is_prefix_free(code: Mapping[Hashable, str]) -> bool:
    """Whether no codeword of ``code`` is the start of another (so a bit stream decodes uniquely).

    Examples
    --------
    >>> is_prefix_free({"a": "0", "b": "10", "c": "11"})
    True
    >>> is_prefix_free({"a": "0", "b": "01"})
    False
    """
    words = sorted(_checked_words(code).values())
    # After sorting, a word that starts another one sits right before some word it starts.
    return all(not b.startswith(a) for a, b in itertools.pairwise(words))


def _checked_words(code: Mapping[Hashable, str]) -> Mapping[Hashable, str]:
    if not isinstance(code, Mapping):
        raise TypeError(f"code must be a mapping symbol -> codeword such as huffman_code returns, "
                        f"got {type(code).__name__}")
    for symbol, word in code.items():
        if not isinstance(word, str) or set(word) - {"0", "1"}:
            raise ValueError(f"the codeword of {symbol!r} is {word!r}; codewords are strings of '0' and '1'")
    return code


def encode(samples: Iterable[Hashable], code: Mapping[Hashable, str]) -> str:
    """Concatenate the codewords of ``samples``: the bit string a sender transmits.

    Examples
    --------
    >>> code = huffman_code([0.5, 0.25, 0.25])
    >>> code
    {0: '0', 1: '10', 2: '11'}
    >>> encode([0, 1, 0, 2], code)
    '010011'
    """
    code = _checked_words(code)
    try:
        return "".join(code[s] for s in samples)
    except KeyError as err:
        raise ValueError(
            f"sample {err.args[0]!r} has no codeword in this code (was its probability 0 "
            f"when the code was built?); build the code from a distribution that allows it"
        ) from None


def decode(bits: str, code: Mapping[Hashable, str], *, count: int | None = None) -> list[Hashable]:
    """Read a bit string back into symbols with a prefix code.

    Parameters
    ----------
    bits : str
        A string of ``'0'`` and ``'1'``, as :func:`encode` returns.
    code : mapping
        Symbol -> codeword; must be prefix-free.
    count : int, optional
        How many symbols to return. Needed only for a one-outcome code, whose
        codeword is empty (such a source sends no bits at all).

    Returns
    -------
    list
        The decoded symbols, in order.

    Examples
    --------
    >>> code = huffman_code([0.5, 0.25, 0.25])
    >>> decode("010011", code)
    [0, 1, 0, 2]
    >>> decode("", {7: ""}, count=3)
    [7, 7, 7]
    """
    code = _checked_words(code)
    if not isinstance(bits, str) or set(bits) - {"0", "1"}:
        raise ValueError(f"bits must be a string of '0' and '1', got {bits!r:.60}")
    if not is_prefix_free(code):
        raise ValueError("code is not prefix-free: some codeword starts another, so the bits are ambiguous")
    if "" in code.values():
        if bits or count is None:
            raise ValueError("a one-outcome code sends no bits: pass count= (how many symbols) "
                             "and an empty bit string")
        (symbol,) = code
        return [symbol] * count
    reverse = {word: symbol for symbol, word in code.items()}
    longest = max(map(len, reverse))
    decoded, start = [], 0
    for end in range(1, len(bits) + 1):
        word = bits[start:end]
        if word in reverse:
            decoded.append(reverse[word])
            start = end
        elif end - start >= longest:
            raise ValueError(f"bits {word!r} at position {start} start no codeword of this code")
    if start != len(bits):
        raise ValueError(f"the last {len(bits) - start} bit(s) {bits[start:]!r} are an unfinished codeword")
    if count is not None and count != len(decoded):
        raise ValueError(f"count={count} but the bits hold {len(decoded)} symbols")
    return decoded


def _check_block(block) -> int:
    if isinstance(block, bool) or not isinstance(block, (int, np.integer)) or block < 1:
        raise ValueError(f"block must be a whole number >= 1 (symbols per block), got {block!r}")
    return int(block)


def block_distribution(p: ArrayLike, k: int) -> np.ndarray:
    """The distribution of ``k`` independent draws from ``p``, as one outcome per block.

    Block ``(i_1, ..., i_k)`` is outcome ``i_1 n^(k-1) + ... + i_k`` (the
    digits of a base-``n`` number), with probability ``p_i1 * ... * p_ik``.

    Examples
    --------
    >>> block_distribution([0.9, 0.1], 2)
    array([0.81, 0.09, 0.09, 0.01])
    """
    p = _one_distribution(p, "p")
    k = _check_block(k)
    if len(p) ** k > MAX_BLOCK_OUTCOMES:
        raise ValueError(f"blocks of {k} symbols from {len(p)} outcomes give {len(p) ** k} block "
                         f"outcomes, more than {MAX_BLOCK_OUTCOMES}; use a smaller block")
    blocks = p
    for _ in range(k - 1):
        blocks = np.multiply.outer(blocks, p).ravel()
    return blocks


def _lengths_for(q: np.ndarray, code: str) -> np.ndarray:
    if code == "huffman":
        return huffman_code_lengths(q)
    if code == "shannon":
        return shannon_code_lengths(q)
    raise ValueError(f"code must be one of {_CODES}, got {code!r}")


def code_length_per_symbol(p: ArrayLike, q: ArrayLike | None = None, *, code: str = "huffman",
                           block: int = 1) -> float:
    """Expected bits per symbol when data from ``p`` are sent with a code built for ``q``.

    Parameters
    ----------
    p : array_like
        The distribution the data come from.
    q : array_like, optional
        The distribution the code was built for (default: ``p`` itself).
    code : {"huffman", "shannon"}, optional
        Huffman's optimal code or Shannon's lengths ``ceil(-log2 q)``.
    block : int, optional
        Code blocks of this many symbols at once (a code for ``q``'s block
        distribution); the result is still per symbol.

    Returns
    -------
    float
        For Shannon's code, ``H(p, q) <= L < H(p, q) + 1/block``. Huffman's code
        for ``q = p`` has ``H(p) <= L < H(p) + 1/block``; for ``q != p`` it can
        even dip below ``H(p, q)`` (never below ``H(p)``). ``inf`` if ``q`` gives
        probability 0 to an outcome ``p`` can produce.

    Examples
    --------
    >>> p, q = [0.5, 0.25, 0.25], [0.25, 0.25, 0.5]
    >>> code_length_per_symbol(p), code_length_per_symbol(p, q)
    (1.5, 1.75)
    >>> code_length_per_symbol([0.9, 0.1], block=1), round(code_length_per_symbol([0.9, 0.1], block=3), 4)
    (1.0, 0.5327)
    """
    p = _one_distribution(p, "p")
    q = p if q is None else _one_distribution(q, "q")
    if q.shape != p.shape:
        raise ValueError(f"p has {len(p)} outcomes but q has {len(q)}; both must cover the same outcomes")
    block = _check_block(block)
    lengths = _lengths_for(block_distribution(q, block), code)
    return expected_code_length(block_distribution(p, block), lengths) / block


def sample_code_length(p: ArrayLike, q: ArrayLike | None, n: int, *, seed: int = 0,
                       code: str = "huffman", block: int = 1) -> float:
    """Measured bits per symbol: draw ``n`` symbols from ``p``, encode them with a code for ``q``, count.

    Parameters
    ----------
    p : array_like
        The distribution the data come from.
    q : array_like or None
        The distribution the code is built for (None: ``p``).
    n : int
        Number of symbols drawn with :func:`sample_outcomes` (same ``seed``, same symbols).
    seed : int, optional
        Seed of the generator.
    code : {"huffman", "shannon"}, optional
        Which code to build for ``q``.
    block : int, optional
        Encode consecutive blocks of this many symbols with one codeword each
        (a trailing incomplete block is not sent).

    Returns
    -------
    float
        Total codeword bits divided by the number of symbols sent; ``inf`` if a
        drawn symbol has no codeword (``q`` gave it probability 0), ``nan``-free.
        As ``n`` grows this approaches :func:`code_length_per_symbol`.

    Examples
    --------
    >>> sample_code_length([0.5, 0.5], [0.5, 0.5], 1000)   # one bit per fair coin toss, exactly
    1.0
    >>> round(sample_code_length([0.5, 0.25, 0.25], [0.25, 0.25, 0.5], 20000, seed=3), 2)
    1.75
    """
    p = _one_distribution(p, "p")
    q = p if q is None else _one_distribution(q, "q")
    if q.shape != p.shape:
        raise ValueError(f"p has {len(p)} outcomes but q has {len(q)}; both must cover the same outcomes")
    n = check_count(n, "n")
    block = _check_block(block)
    blocks = n // block
    if blocks == 0:
        raise ValueError(f"n={n} symbols make no complete block of {block}; draw at least {block}")
    samples = sample_outcomes(p, blocks * block, seed=seed).reshape(blocks, block)
    # Block (i_1, ..., i_k) is the base-n number i_1 ... i_k (see block_distribution).
    index = samples @ (len(p) ** np.arange(block - 1, -1, -1))
    lengths = _lengths_for(block_distribution(q, block), code)
    return float(lengths[index].sum()) / (blocks * block)


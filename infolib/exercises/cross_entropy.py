"""Notebook 02's exercises: cross entropy in bits, prefix codes, label smoothing, gradients, pitfalls."""

from __future__ import annotations

import math

import numpy as np

from infolib.classifier import smooth_labels
from infolib.codes import code_length_per_symbol
from infolib.exercises.core import Exercise
from infolib.frameworks import double_softmax_floor
from infolib.measures import cross_entropy, entropy
from infolib.softmax import softmax

__all__ = ["EXERCISES"]

_DIGIT_7 = np.eye(10)[7]
_Q_SEVEN = np.full(10, 0.4 / 9)  # 0.6 on the digit 7, the rest spread over the other nine digits
_Q_SEVEN[7] = 0.6
_P_CODE = [0.5, 0.25, 0.15, 0.1]
_Q_CODE = _P_CODE[::-1]
_SMOOTHED = smooth_labels([0], 5, 0.2)[0]  # (0.84, 0.04, 0.04, 0.04, 0.04)
_SMOOTHED_OVER_OTHERS = np.array([0.8, 0.05, 0.05, 0.05, 0.05])  # eps spread over the wrong classes only
_Q_TRUE = float(softmax([2.0, 1.0, 0.0])[0])

EXERCISES: dict[str, Exercise] = {
    "02-mnist-bits": Exercise(
        question="Cross entropy in bits of a one-hot label on digit 7 against a prediction giving it 0.6",
        expected=cross_entropy(_DIGIT_7, _Q_SEVEN),
        explanation="with a one-hot label only the true class counts: -log2 0.6 = 0.7370 bits",
        diagnoses=(
            (cross_entropy(_DIGIT_7, _Q_SEVEN, base=math.e), "that is in nats (-ln 0.6); use log2 for bits"),
            (-cross_entropy(_DIGIT_7, _Q_SEVEN),
             "the sign is off: cross entropy is -sum p log q, never negative"),
            (0.6, "that is the predicted probability itself; the loss is -log2 of it"),
            (cross_entropy(_DIGIT_7, _Q_SEVEN, base=10), "that is in bans (log10); use log2 for bits"),
            (-math.log2(0.4), "that is -log2 of the probability of the wrong digits; the loss uses the "
                              "true class's 0.6"),
        ),
    ),
    "02-huffman-length": Exercise(
        question="Expected Huffman code length in bits per symbol for p = (0.5, 0.25, 0.15, 0.1)",
        expected=code_length_per_symbol(_P_CODE),
        explanation="lengths 1, 2, 3, 3: 0.5 + 0.5 + 0.45 + 0.3 = 1.75 bits, within 1 bit of H = 1.743",
        diagnoses=(
            (entropy(_P_CODE), "that is the entropy, the lower bound; a code spends whole bits per symbol"),
            (2.0, "that is a fixed-length code (2 bits for each of 4 outcomes); Huffman gives the likeliest "
                  "outcome a 1-bit codeword"),
            (code_length_per_symbol(_P_CODE, code="shannon"),
             "that is Shannon's code, lengths ceil(-log2 p) = 1, 2, 3, 4; Huffman's code is shorter"),
            (float(np.mean([1, 2, 3, 3])),
             "that is the plain average of the lengths; weight each length by its probability"),
        ),
    ),
    "02-wrong-code": Exercise(
        question="Bits per symbol for data from P = (0.5, 0.25, 0.15, 0.1) sent with the Huffman code for "
                 "Q = (0.1, 0.15, 0.25, 0.5)",
        expected=code_length_per_symbol(_P_CODE, _Q_CODE),
        explanation="Q's code gives lengths 3, 3, 2, 1, so P pays 1.5 + 0.75 + 0.3 + 0.1 = 2.65 bits: "
                    "0.9 more than P's own code",
        diagnoses=(
            (code_length_per_symbol(_P_CODE), "that is the code built for P (1.75 bits); the question uses "
                                              "the code built for Q"),
            (cross_entropy(_P_CODE, _Q_CODE),
             "that is H(P, Q), with fractional bits; count the whole bits of the codewords"),
            (code_length_per_symbol(_P_CODE, _Q_CODE) - code_length_per_symbol(_P_CODE),
             "that is only the extra cost over P's own code; the question asks the total"),
        ),
    ),
    "02-smoothing-floor": Exercise(
        question="Lowest possible loss (nats) with label smoothing 0.2 over 5 classes",
        expected=entropy(_SMOOTHED, base=math.e),
        explanation="the target (0.84, 0.04, 0.04, 0.04, 0.04) has entropy 0.6615 nats; no prediction "
                    "scores below H(p)",
        diagnoses=(
            (0.0, "with soft labels every class counts: the loss cannot reach 0, its floor is H(p)"),
            (entropy(_SMOOTHED), "that is in bits; the question asks nats (frameworks' unit)"),
            (-math.log(_SMOOTHED[0]), "that is only the true class's term; with soft labels all five terms "
                                      "count"),
            (entropy(_SMOOTHED_OVER_OTHERS, base=math.e),
             "that spreads 0.2 over the 4 wrong classes only (0.8, 0.05, ...); label smoothing gives every "
             "class 0.2 / 5, so the true class keeps 1 - 0.2 + 0.04 = 0.84"),
        ),
    ),
    "02-gradient": Exercise(
        question="Gradient (nats) of the loss with respect to the true class's logit, logits (2, 1, 0), "
                 "true class 1st",
        expected=_Q_TRUE - 1.0,
        explanation=f"q - p = {_Q_TRUE:.4f} - 1: negative, so raising the true logit lowers the loss",
        diagnoses=(
            (_Q_TRUE, "that is q itself; the gradient is q - p, and p = 1 for the true class"),
            (1.0 - _Q_TRUE, "the sign is off: raising the true class's logit lowers the loss"),
            ((_Q_TRUE - 1.0) / math.log(2),
             "that is the gradient of the loss in bits; the question asks nats"),
        ),
    ),
    "02-double-softmax": Exercise(
        question="Lowest loss (nats) of PyTorch's cross_entropy fed a perfect one-hot probability vector "
                 "over 10 classes",
        expected=double_softmax_floor(10),
        explanation="the probabilities are softmaxed again: -ln(e / (e + 9)) = ln(1 + 9/e) = 1.46 nats",
        diagnoses=(
            (0.0, "that is what it would be with logits; cross_entropy softmaxes its input again"),
            (double_softmax_floor(3), "that is the floor for 3 classes; use C = 10"),
            (math.log(10), "that is the loss of a uniform guess; the doubly softmaxed prediction still "
                           "favours the true class a little"),
        ),
    ),
}

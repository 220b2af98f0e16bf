"""Notebook 04 (mutual information)'s exercises: tables, channels, information gain, bias."""

from __future__ import annotations

import math

import numpy as np

from infolib.channels import binary_symmetric_channel, channel_mutual_information, compose_channels
from infolib.estimators import mutual_information_bias
from infolib.exercises.core import Exercise
from infolib.joint import conditional_entropy, joint_entropy, mutual_information
from infolib.measures import binary_entropy, entropy

__all__ = ["EXERCISES"]

#: Weather (rows: rain, sun) and umbrella (columns: no, yes); deliberately not the table of the
#: notebook's section 4.1, so that no value printed there answers the exercise.
_WEATHER = np.array([[0.15, 0.35], [0.45, 0.05]])
_FIRST, _SECOND = binary_symmetric_channel(0.05), binary_symmetric_channel(0.2)

EXERCISES: dict[str, Exercise] = {
    "04-copy": Exercise(
        question="I(X; Y) in bits when X is uniform on 8 values and Y = X",
        expected=mutual_information(np.eye(8) / 8),
        explanation="a copy shares everything: I(X; Y) = H(X) = log2 8 = 3 bits",
        diagnoses=(
            (6.0, "that is H(X) + H(Y); subtract H(X, Y) = 3 bits, counted twice otherwise"),
            (0.0, "0 is for independent variables; a copy is as dependent as it gets"),
            (math.log(8), "that is in nats; use base 2 for bits"),
        ),
    ),
    "04-weather": Exercise(
        question="I(weather; umbrella) in bits for the table [[0.15, 0.35], [0.45, 0.05]]",
        expected=mutual_information(_WEATHER),
        explanation=(f"H(umbrella) − H(umbrella | weather) = {entropy(_WEATHER.sum(axis=0)):.4f} − "
                     f"{conditional_entropy(_WEATHER):.4f} bits: knowing the weather removes that "
                     "much uncertainty about the umbrella"),
        diagnoses=(
            (joint_entropy(_WEATHER), "that is H(X, Y), the joint entropy; I = H(X) + H(Y) − H(X, Y)"),
            (entropy(_WEATHER.sum(axis=1)) + entropy(_WEATHER.sum(axis=0)),
             "that is H(X) + H(Y); subtract H(X, Y)"),
            (entropy(_WEATHER.sum(axis=0)), "that is H(umbrella); subtract H(umbrella | weather)"),
            (entropy(_WEATHER.sum(axis=1)), "that is H(weather); subtract H(weather | umbrella)"),
            (conditional_entropy(_WEATHER),
             "that is H(umbrella | weather), what is left unknown; I is what is removed: H(Y) − H(Y|X)"),
            (conditional_entropy(_WEATHER.T),
             "that is H(weather | umbrella), what is left unknown; I is what is removed: H(X) − H(X|Y)"),
            (mutual_information(_WEATHER, base=math.e), "that is in nats; use base 2 for bits"),
        ),
    ),
    "04-bsc-capacity": Exercise(
        question="Capacity in bits of a binary symmetric channel that flips 30% of the bits",
        expected=1 - binary_entropy(0.3),
        explanation="C = 1 − h(0.3): a flip probability of 0.3 costs h(0.3) of each bit",
        diagnoses=(
            (binary_entropy(0.3), "that is h(0.3), the information lost; the capacity is 1 − h(e)"),
            (0.7, "1 − e is the capacity of the erasure channel; at e = 0.3 flips cost more than "
                  "erasures: 1 − h(e)"),
            ((1 - binary_entropy(0.3)) * math.log(2), "that is in nats; use base 2 for bits"),
        ),
    ),
    "04-information-gain": Exercise(
        question=("Information gain in bits of a split of 4 'yes' and 4 'no' into a branch with "
                  "3 yes / 1 no and a branch with 1 yes / 3 no"),
        expected=1 - binary_entropy(0.25),
        explanation=("H(label) − H(label | branch) = 1 − h(1/4): the mutual information between "
                     "the label and the branch"),
        diagnoses=(
            (binary_entropy(0.25), "that is H(label | branch), the entropy left after the split; "
                                   "the gain is H(label) minus it"),
            ((1 - binary_entropy(0.25)) * math.log(2), "that is in nats; use base 2 for bits"),
            (1.0, "that is H(label) before the split; subtract the weighted entropy of the branches"),
        ),
    ),
    "04-two-channels": Exercise(
        question="I(X; Z) in bits for a uniform bit X sent through a binary symmetric channel "
                 "with e = 0.05 and then one with e = 0.2",
        expected=channel_mutual_information([0.5, 0.5], compose_channels(_FIRST, _SECOND)),
        explanation=("the net flip probability is 0.05·0.8 + 0.95·0.2 = 0.23, so I = 1 − h(0.23), "
                     "less than either channel alone: data processing never adds information"),
        diagnoses=(
            (1 - binary_entropy(0.05), "that is I(X; Y) after the first channel only; the second loses more"),
            (1 - binary_entropy(0.2), "that is the second channel alone; the first one's flips come on top"),
            ((1 - binary_entropy(0.05)) * (1 - binary_entropy(0.2)),
             "information does not multiply; compose the channels: the net flip probability is 0.23"),
            (1 - binary_entropy(0.25), "close: flips add to 0.25 only if both cannot happen at once; "
                                       "two flips cancel, so the net flip probability is 0.23"),
            ((1 - binary_entropy(0.23)) * math.log(2), "that is in nats; use base 2 for bits"),
        ),
    ),
    "04-plug-in-bias": Exercise(
        question=("Expected plug-in estimate of I in bits for two independent variables with 5 values "
                  "each, from N = 200 samples (first-order formula)"),
        expected=mutual_information_bias(5, 5, 200),
        explanation="(5 − 1)(5 − 1) / (2 · 200 · ln 2) bits: bias, although the true I is 0",
        diagnoses=(
            (mutual_information_bias(5, 5, 200, base=math.e), "that is in nats; divide by ln 2 for bits"),
            (25 / (400 * math.log(2)), "use (|X| − 1)(|Y| − 1), the degrees of freedom, not |X||Y|"),
            (2 * mutual_information_bias(5, 5, 200), "the formula has 2N in the denominator"),
            (0.0, "the true I is 0, but the plug-in estimate is biased upwards"),
        ),
    ),
}

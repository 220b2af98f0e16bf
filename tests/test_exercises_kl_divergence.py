"""Notebook 03's self-checks: right answers (computed here by hand) pass, usual mistakes are named."""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from infolib.exercises import EXERCISES, check, check_kl_function


def kl_bits(p, q):
    return sum(a * math.log2(a / b) for a, b in zip(p, q, strict=True) if a > 0)


def h_bits(p):
    return -sum(a * math.log2(a) for a in p if a > 0)


UNIFORM3 = [1 / 3] * 3

RIGHT_ANSWERS = {
    "03-coin-kl": 0.5 * math.log2(0.5 / 0.75) + 0.5 * math.log2(0.5 / 0.25),
    "03-kl-to-uniform": 2 - (-(0.6 * math.log2(0.6) + 0.2 * math.log2(0.2) + 2 * 0.1 * math.log2(0.1))),
    "03-vae-kl": math.log(1 / 2) + (4 + 0.25) / 2 - 0.5,
    "03-torch-mean": (0.6 * math.log(0.6 / 0.2) + 0.3 * math.log(1) + 0.1 * math.log(0.1 / 0.5)) / 3,
    "03-direction-gap": kl_bits(UNIFORM3, [0.8, 0.1, 0.1]) - (math.log2(3) - h_bits([0.8, 0.1, 0.1])),
}


def test_exercise_answers_are_the_hand_values():
    # Pins the data: a silent change of an exercise's numbers would break these.
    assert RIGHT_ANSWERS["03-coin-kl"] == pytest.approx(0.5 - 0.5 * math.log2(1.5))
    assert RIGHT_ANSWERS["03-kl-to-uniform"] == pytest.approx(0.42905, abs=1e-5)
    assert RIGHT_ANSWERS["03-vae-kl"] == pytest.approx(1.625 - math.log(2))
    assert RIGHT_ANSWERS["03-torch-mean"] == pytest.approx((0.6 * math.log(3) - 0.1 * math.log(5)) / 3)
    assert RIGHT_ANSWERS["03-direction-gap"] == pytest.approx(0.07394, abs=1e-5)


def test_every_exercise_of_notebook_03_has_a_right_answer_here():
    assert sorted(k for k in EXERCISES if k.startswith("03-")) == sorted(RIGHT_ANSWERS)


@pytest.mark.parametrize("key", sorted(RIGHT_ANSWERS))
def test_right_answer_is_confirmed(key):
    assert check(key, RIGHT_ANSWERS[key]).correct


def numbers_printed_before_the_exercises():
    notebook = json.loads((Path(__file__).parents[1] / "notebooks" / "03_kl_divergence.ipynb").read_text())
    numbers = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown" and "".join(cell["source"]).startswith("## 3.10 Exercises"):
            return numbers
        for output in cell.get("outputs", []):
            text = "".join(output.get("text", ""))
            numbers += [float(x) for x in re.findall(r"[-+]?\d+\.\d+(?:e[-+]?\d+)?", text)]
    raise AssertionError("the notebook has no section '## 3.10 Exercises'")


def test_no_answer_can_be_copied_from_a_number_printed_earlier_in_the_notebook():
    printed = numbers_printed_before_the_exercises()
    assert len(printed) > 100  # the worked examples print plenty; the parse found them
    assert any(math.isclose(x, 0.1536) for x in printed)  # seed 000's KL is among them
    for key, answer in RIGHT_ANSWERS.items():
        copied = [x for x in printed if math.isclose(abs(x), answer, rel_tol=1e-2)]
        assert not copied, f"{key}: the answer {answer:.4f} is printed before the exercise as {copied}"


@pytest.mark.parametrize("key, wrong, phrase", [
    ("03-coin-kl", kl_bits([0.75, 0.25], [0.5, 0.5]), "other direction"),
    ("03-coin-kl", RIGHT_ANSWERS["03-coin-kl"] * math.log(2), "nats"),
    ("03-coin-kl", RIGHT_ANSWERS["03-coin-kl"] + 1.0, "cross entropy"),
    ("03-coin-kl", -RIGHT_ANSWERS["03-coin-kl"], "sign"),
    ("03-kl-to-uniform", kl_bits([0.25] * 4, [0.6, 0.2, 0.1, 0.1]), "other direction"),
    ("03-kl-to-uniform", 2 - RIGHT_ANSWERS["03-kl-to-uniform"], "H(P) itself"),
    ("03-vae-kl", RIGHT_ANSWERS["03-vae-kl"] + 0.5, "-1/2"),
    ("03-vae-kl", math.log(1 / 4) + 4.25 / 2 - 0.5, "standard deviations"),
    ("03-vae-kl", math.log(2) + (1 + 0.25) / (2 * 4) - 0.5, "other direction"),
    ("03-vae-kl", RIGHT_ANSWERS["03-vae-kl"] / math.log(2), "bits"),
    ("03-torch-mean", RIGHT_ANSWERS["03-torch-mean"] * 3, "reduction='sum'"),
    ("03-torch-mean", (0.2 * math.log(0.2 / 0.6) + 0.5 * math.log(0.5 / 0.1)) / 3, "swapped"),
    ("03-torch-mean", RIGHT_ANSWERS["03-torch-mean"] / math.log(2), "nats"),
    ("03-direction-gap", -RIGHT_ANSWERS["03-direction-gap"], "sign"),
    ("03-direction-gap", RIGHT_ANSWERS["03-direction-gap"] * math.log(2), "nats"),
    ("03-direction-gap", 0.0, "not symmetric"),
])
def test_usual_mistake_is_named(key, wrong, phrase):
    feedback = check(key, wrong)
    assert not feedback.correct
    assert phrase in feedback.message


def test_kl_function_done_right_passes():
    def kl(p, q):
        used = p > 0
        if np.any(q[used] == 0):
            return math.inf
        return float(np.sum(p[used] * np.log2(p[used] / q[used])))

    assert check_kl_function(kl).correct


@pytest.mark.parametrize("function, phrase", [
    (lambda p, q: np.sum(p * np.log2(p / q)), "nan"),
    (lambda p, q: np.sum(p * np.log2((p + 1e-8) / (q + 1e-8))), "eps"),
    (lambda p, q: np.sum(p[p > 0] * np.log2(p[p > 0] / (q[p > 0] + 1e-300))), "should be inf"),
    (lambda p, q: np.sum(q * np.log2(q / p)), "KL(q || p)"),
    (lambda p, q: np.sum(p * np.log(p / q)), "nats"),
    (lambda p, q: 1 / 0, "ZeroDivisionError"),
])
def test_kl_function_mistakes_are_named(function, phrase):
    feedback = check_kl_function(function)
    assert not feedback.correct
    assert phrase in feedback.message

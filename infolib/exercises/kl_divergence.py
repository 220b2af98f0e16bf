"""Notebook 03's exercises: KL in both directions, KL to the uniform, a VAE's KL term, PyTorch's
default reduction, and a learner's own KL function."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np

from infolib.exercises.core import Exercise, Feedback
from infolib.gaussians import gaussian_kl
from infolib.measures import cross_entropy, entropy, kl_divergence

__all__ = ["EXERCISES", "check_kl_function"]

_SEED_P, _UNIFORM = (0.1, 0.2, 0.3, 0.4), (0.25, 0.25, 0.25, 0.25)
# The exercises use fresh numbers: none of their answers is printed anywhere in the notebook.
_FAIR, _BIASED = (0.5, 0.5), (0.75, 0.25)
_PEAKED = (0.6, 0.2, 0.1, 0.1)
_VAE_MU, _VAE_SIGMA = -0.5, 2.0
_TORCH_P, _TORCH_Q = (0.6, 0.3, 0.1), (0.2, 0.3, 0.5)
_GAP_P, _GAP_Q = (0.8, 0.1, 0.1), (1 / 3, 1 / 3, 1 / 3)

EXERCISES: dict[str, Exercise] = {
    "03-coin-kl": Exercise(
        question="KL(P || Q) in bits for a fair coin P and a 0.75 / 0.25 coin Q",
        expected=kl_divergence(_FAIR, _BIASED),
        explanation=(
            f"0.5 log2(0.5/0.75) + 0.5 log2(0.5/0.25) = {kl_divergence(_FAIR, _BIASED):.4f} bits: "
            "the tails term, where Q is too sure, dominates"
        ),
        diagnoses=(
            (kl_divergence(_BIASED, _FAIR), "that is KL(Q || P), the other direction: weight by P, "
                                            "the distribution written first"),
            (kl_divergence(_FAIR, _BIASED, base=math.e), "that is in nats; use log2 for bits"),
            (cross_entropy(_FAIR, _BIASED), "that is the cross entropy H(P, Q); subtract H(P) = 1 bit"),
            (-kl_divergence(_FAIR, _BIASED), "the sign is off: KL = sum p log(p / q), never negative"),
        ),
    ),
    "03-kl-to-uniform": Exercise(
        question="KL(P || uniform) in bits for P = (0.6, 0.2, 0.1, 0.1)",
        expected=kl_divergence(_PEAKED, _UNIFORM),
        explanation=(
            f"log2 4 - H(P) = 2 - {entropy(_PEAKED):.4f} = {kl_divergence(_PEAKED, _UNIFORM):.4f} bits: "
            "how far P is from having the most entropy possible"
        ),
        diagnoses=(
            (kl_divergence(_UNIFORM, _PEAKED), "that is KL(uniform || P), the other direction"),
            (entropy(_PEAKED), "that is H(P) itself; KL(P || uniform) = log2 n - H(P)"),
            (kl_divergence(_PEAKED, _UNIFORM, base=math.e), "that is in nats; use log2 for bits"),
        ),
    ),
    "03-vae-kl": Exercise(
        question="KL(N(-0.5, 2²) || N(0, 1)) in nats, the KL term of a VAE",
        expected=gaussian_kl(_VAE_MU, _VAE_SIGMA, 0.0, 1.0, base=math.e),
        explanation=(
            "log(1 / 2) + (2² + 0.5²) / 2 - 1/2 = "
            f"{gaussian_kl(_VAE_MU, _VAE_SIGMA, base=math.e):.4f} nats"
        ),
        diagnoses=(
            (gaussian_kl(0.0, 1.0, _VAE_MU, _VAE_SIGMA, base=math.e),
             "that is KL(N(0, 1) || N(-0.5, 2²)), the other direction: the encoder's Gaussian comes first"),
            (gaussian_kl(_VAE_MU, _VAE_SIGMA, base=math.e) + 0.5, "you left out the -1/2"),
            (gaussian_kl(_VAE_MU, _VAE_SIGMA, base=math.e) + math.log(1 / _VAE_SIGMA),
             "the log term uses the standard deviations, log(1 / 2), not the variances"),
            (gaussian_kl(_VAE_MU, _VAE_SIGMA), "that is in bits; a VAE's loss is in nats (natural log)"),
        ),
    ),
    "03-torch-mean": Exercise(
        question=("What F.kl_div(log Q, P) prints, in nats, with the default reduction='mean' for "
                  "P = (0.6, 0.3, 0.1) and Q = (0.2, 0.3, 0.5) (one unbatched distribution)"),
        expected=kl_divergence(_TORCH_P, _TORCH_Q, base=math.e) / 3,
        explanation=(
            f"KL(P || Q) = {kl_divergence(_TORCH_P, _TORCH_Q, base=math.e):.4f} nats, divided by the "
            "3 elements: 'mean' averages over every element; use reduction='sum' here "
            "(or 'batchmean' for a batch of rows)"
        ),
        diagnoses=(
            (kl_divergence(_TORCH_P, _TORCH_Q, base=math.e),
             "that is the true KL in nats, what reduction='sum' gives; 'mean' divides by the elements"),
            (kl_divergence(_TORCH_Q, _TORCH_P, base=math.e) / 3,
             "that has P and Q swapped: kl_div(input, target) computes KL(target || exp(input))"),
            (kl_divergence(_TORCH_P, _TORCH_Q) / 3, "right reduction, but PyTorch works in nats"),
        ),
    ),
    "03-direction-gap": Exercise(
        question="KL(Q || P) - KL(P || Q) in bits for P = (0.8, 0.1, 0.1) and Q uniform over 3 outcomes",
        expected=kl_divergence(_GAP_Q, _GAP_P) - kl_divergence(_GAP_P, _GAP_Q),
        explanation=(
            f"{kl_divergence(_GAP_Q, _GAP_P):.4f} - {kl_divergence(_GAP_P, _GAP_Q):.4f} bits: "
            "not zero: KL has a direction"
        ),
        diagnoses=(
            (kl_divergence(_GAP_P, _GAP_Q) - kl_divergence(_GAP_Q, _GAP_P),
             "the sign is off: the reverse direction, KL(Q || P), is the larger one here"),
            (kl_divergence(_GAP_Q, _GAP_P, base=math.e) - kl_divergence(_GAP_P, _GAP_Q, base=math.e),
             "that is in nats; use log2 for bits"),
            (0.0, "KL is not symmetric: compute both directions"),
        ),
    ),
}


#: Pairs a KL function must get right, with why each one matters.
_KL_CASES = (
    (_SEED_P, _UNIFORM, "seed 000's pair"),
    (_SEED_P, _SEED_P, "P = Q (KL must be exactly 0)"),
    ((0.5, 0.5, 0.0), (0.25, 0.25, 0.5), "a P with a zero (0 log 0/q = 0)"),
    ((0.5, 0.5), (1.0, 0.0), "a Q that rules out what P can do (KL must be inf)"),
)


def check_kl_function(function: Callable) -> Feedback:
    """Check a learner's ``function(p, q) -> KL(p || q) in bits`` against infolib.

    Examples
    --------
    >>> import numpy as np
    >>> check_kl_function(lambda p, q: np.sum(q * np.log2(q / p)))
    ✗ Not yet: on seed 000's pair it gives 0.17568747, not 0.153560655: that is KL(q || p); weight by p
    """
    for p, q, name in _KL_CASES:
        expected = kl_divergence(p, q)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the learner's 0 * log(0) may warn; we explain it
            try:
                got = float(function(np.array(p), np.array(q)))
            except Exception as err:  # any failure of the learner's code is feedback
                return Feedback(False, f"on {name} it raised {type(err).__name__}: {err}")
        if math.isnan(got):
            return Feedback(False, f"on {name} it gives nan: 0 * log(0) is nan in numpy; "
                                   "skip the outcomes with p = 0")
        if got == expected or math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
            continue
        hint = "check the formula"
        if math.isinf(expected):
            hint = "it should be inf: Q gives probability 0 to an outcome P can produce (no eps!)"
        elif math.isclose(got, kl_divergence(q, p), rel_tol=1e-9):
            hint = "that is KL(q || p); weight by p"
        elif math.isclose(got, expected * math.log(2), rel_tol=1e-6):
            hint = "that is in nats; use np.log2"
        elif math.isclose(got, -expected, rel_tol=1e-9):
            hint = "the sign is off: KL = sum p log(p / q)"
        elif abs(got - expected) < 1e-4:
            hint = "close but biased: an eps inside the log shifts the answer"
        return Feedback(False, f"on {name} it gives {got:.9g}, not {expected:.9g}: {hint}")
    return Feedback(True, f"it matches infolib.kl_divergence on all {len(_KL_CASES)} test pairs")

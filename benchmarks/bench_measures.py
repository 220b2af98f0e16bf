"""Speed of infolib's checked measures against scipy, scikit-learn and bare numpy.

Run from the repository root::

    python benchmarks/bench_measures.py

What it measures (median wall time of several runs, ``time.perf_counter``):

* entropy of 10**7 strictly positive probabilities: ``infolib.entropy`` vs
  ``scipy.stats.entropy(p, base=2)`` vs the bare, unchecked numpy expression
  ``-(p * np.log2(p)).sum()``;
* KL divergence of two such distributions: ``infolib.kl_divergence`` vs
  ``scipy.stats.entropy(p, q, base=2)`` vs ``(p * np.log2(p / q)).sum()``;
* mutual information of 10**6 paired integer samples (x in 0..9, y correlated
  with x): ``infolib.mutual_information_from_samples`` vs
  ``sklearn.metrics.mutual_info_score`` (which works in nats).

It prints the values (they must agree), times in ms and ratios, and checks them
against the targets: entropy and KL faster than scipy and within 1.5x of the
bare expression; mutual information at most 0.4x sklearn's time. The exit status
is 1 if a value disagrees or a target is missed.
"""

from __future__ import annotations

import math
import statistics
import sys
import time

import numpy as np
from scipy.stats import entropy as scipy_entropy
from sklearn.metrics import mutual_info_score

import infolib

N_PROBS = 10**7
N_SAMPLES = 10**6
REPEATS = 7
SEED = 20240601


def median_ms(func, repeats: int = REPEATS) -> tuple[float, object]:
    """Median time of ``func()`` in milliseconds (after one warm-up call) and its value."""
    value = func()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times), value


def main() -> int:
    rng = np.random.default_rng(SEED)
    p = rng.random(N_PROBS) + 1e-3  # strictly positive
    p /= p.sum()
    q = rng.random(N_PROBS) + 1e-3
    q /= q.sum()
    x = rng.integers(0, 10, N_SAMPLES)
    y = np.where(rng.random(N_SAMPLES) < 0.6, x, rng.integers(0, 10, N_SAMPLES))

    ok = True
    print(f"numpy {np.__version__}, infolib {infolib.__version__}, median of {REPEATS} runs\n")

    # --- entropy ---------------------------------------------------------------
    t_il, h_il = median_ms(lambda: infolib.entropy(p))
    t_sp, h_sp = median_ms(lambda: scipy_entropy(p, base=2))
    t_np, h_np = median_ms(lambda: -(p * np.log2(p)).sum())
    print(f"entropy of {N_PROBS:.0e} probabilities (bits)")
    print(f"  infolib.entropy          {t_il:8.1f} ms   H = {h_il:.12f}")
    print(f"  scipy.stats.entropy      {t_sp:8.1f} ms   H = {h_sp:.12f}")
    print(f"  bare numpy               {t_np:8.1f} ms   H = {h_np:.12f}")
    ok &= report_ratios(t_il, {"scipy": (t_sp, 1.0), "bare": (t_np, 1.5)})
    ok &= agree(h_il, [h_sp, h_np])

    # --- KL divergence -------------------------------------------------------------
    t_il, d_il = median_ms(lambda: infolib.kl_divergence(p, q))
    t_sp, d_sp = median_ms(lambda: scipy_entropy(p, q, base=2))
    t_np, d_np = median_ms(lambda: (p * np.log2(p / q)).sum())
    print(f"\nKL divergence of {N_PROBS:.0e} probabilities (bits)")
    print(f"  infolib.kl_divergence    {t_il:8.1f} ms   D = {d_il:.12f}")
    print(f"  scipy.stats.entropy(p,q) {t_sp:8.1f} ms   D = {d_sp:.12f}")
    print(f"  bare numpy               {t_np:8.1f} ms   D = {d_np:.12f}")
    ok &= report_ratios(t_il, {"scipy": (t_sp, 1.0), "bare": (t_np, 1.5)})
    ok &= agree(d_il, [d_sp, d_np])

    # --- mutual information from samples --------------------------------------------
    t_il, i_il = median_ms(lambda: infolib.mutual_information_from_samples(x, y, base=math.e))
    t_sk, i_sk = median_ms(lambda: mutual_info_score(x, y))
    print(f"\nmutual information of {N_SAMPLES:.0e} paired samples (nats)")
    print(f"  infolib.mutual_information_from_samples {t_il:8.1f} ms   I = {i_il:.12f}")
    print(f"  sklearn.metrics.mutual_info_score       {t_sk:8.1f} ms   I = {i_sk:.12f}")
    ok &= report_ratios(t_il, {"sklearn": (t_sk, 0.4)})
    ok &= agree(i_il, [i_sk])

    print("\nall targets met" if ok else "\nSOME TARGETS MISSED")
    return 0 if ok else 1


def report_ratios(t_infolib: float, others: dict[str, tuple[float, float]]) -> bool:
    """Print infolib/other time ratios next to their targets; True if all are met."""
    met = True
    for name, (t_other, target) in others.items():
        ratio = t_infolib / t_other
        verdict = "ok" if ratio <= target else "MISSED"
        print(f"  infolib/{name:<7} = {ratio:5.2f}x   (target <= {target:g}x)  {verdict}")
        met &= ratio <= target
    return met


def agree(value: float, references: list[float], rel: float = 1e-9) -> bool:
    good = all(math.isclose(value, r, rel_tol=rel) for r in references)
    if not good:
        print(f"  VALUES DISAGREE beyond rel {rel:g}: {value!r} vs {references!r}")
    return good


if __name__ == "__main__":
    sys.exit(main())

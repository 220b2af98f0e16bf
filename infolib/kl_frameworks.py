"""KL divergence as PyTorch and Keras compute it, replicated in numpy.

The frameworks are not needed to run the course; these replicas follow the
formulas in their documentation, so a learner can see what a call would print
and where it differs from :func:`infolib.kl_divergence`:

* ``torch.nn.functional.kl_div(input, target)`` / ``torch.nn.KLDivLoss`` take the
  model's **log**-probabilities first and the target distribution second, and
  compute ``KL(target || model)``; the default ``reduction='mean'`` divides by
  the number of *elements*, not of samples
  (https://pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html,
  https://pytorch.org/docs/stable/generated/torch.nn.functional.kl_div.html).
* ``keras.losses.KLDivergence`` / ``keras.losses.kl_divergence`` clip both
  arguments to ``[1e-7, 1]`` and do not renormalise
  (https://keras.io/api/losses/probabilistic_losses/#kldivergence-class,
  https://www.tensorflow.org/api_docs/python/tf/keras/losses/KLDivergence).

Both work in nats (natural logarithms), like every deep-learning framework.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from infolib._kernels import finish
from infolib._validation import as_float_array, raise_bad_value
from infolib.losses import KERAS_EPSILON

__all__ = ["keras_kl_divergence", "torch_kl_div"]

_TORCH_REDUCTIONS = ("mean", "batchmean", "sum", "none")
_KERAS_REDUCTIONS = ("sum_over_batch_size", "sum", "none")


def torch_kl_div(
    input: ArrayLike,  # PyTorch's own parameter name, shadowing the builtin on purpose
    target: ArrayLike,
    *,
    reduction: str = "mean",
    log_target: bool = False,
) -> float | np.ndarray:
    """``torch.nn.functional.kl_div(input, target, reduction=..., log_target=...)`` in numpy.

    Parameters
    ----------
    input : array_like
        The model's distribution ``Q`` as **log**-probabilities (``log_softmax``
        output), any shape; a batch has samples along the first axis.
    target : array_like
        The target distribution ``P`` (probabilities), same shape; with
        ``log_target=True``, its log-probabilities.
    reduction : {"mean", "batchmean", "sum", "none"}, optional
        PyTorch's default ``"mean"`` averages over **all elements** (samples
        times classes), which is not a KL divergence; ``"batchmean"`` sums and
        divides by ``input.shape[0]``, the number of samples, which is the mean
        KL per sample for a batch (for one unbatched distribution use ``"sum"``:
        ``"batchmean"`` would divide by the number of classes).
    log_target : bool, optional
        Whether ``target`` holds log-probabilities.

    Returns
    -------
    float or numpy.ndarray
        The pointwise terms ``target * (log target - input)`` (``exp(target) *
        (target - input)`` with ``log_target``), reduced, in nats. Terms with
        ``target = 0`` are 0 (PyTorch uses ``xlogy``; it would give ``nan`` if
        ``input`` were ``-inf`` there).

    Examples
    --------
    One distribution, ``P = [0.1, 0.2, 0.3, 0.4]`` against the uniform ``Q``:

    >>> import math, infolib
    >>> p, q = np.array([0.1, 0.2, 0.3, 0.4]), np.full(4, 0.25)
    >>> exact = infolib.kl_divergence(p, q, base=math.e)
    >>> math.isclose(torch_kl_div(np.log(q), p, reduction="sum"), exact)
    True
    >>> math.isclose(torch_kl_div(np.log(q), p), exact / 4)   # 'mean' divides by 4 elements
    True
    """
    if reduction not in _TORCH_REDUCTIONS:
        raise ValueError(f"reduction must be one of {_TORCH_REDUCTIONS}, got {reduction!r}")
    log_q, _ = as_float_array(input, "input")
    target_arr, _ = as_float_array(target, "target")
    if log_q.shape != target_arr.shape:
        raise ValueError(
            f"input has shape {log_q.shape} but target has shape {target_arr.shape}; "
            f"PyTorch wants them the same shape (input = log Q, target = P)"
        )
    if log_q.ndim == 0:
        raise ValueError("input must hold log-probabilities of at least one outcome, not a single number")
    if np.isnan(log_q).any() or np.isposinf(log_q).any():
        raise ValueError("input must be log-probabilities (<= 0, -inf allowed), not nan or +inf")
    if log_target:
        if np.isnan(target_arr).any() or np.isposinf(target_arr).any():
            raise ValueError("target holds log-probabilities with log_target=True: no nan or +inf")
        p = np.exp(target_arr)
        log_p = target_arr
    else:
        if not (np.isfinite(target_arr).all() and target_arr.min() >= 0):
            raise_bad_value(target_arr, "target")
        p = target_arr
        log_p = np.zeros_like(p)
        np.log(p, out=log_p, where=p > 0)
    used = p > 0
    terms = np.zeros(p.shape)
    with np.errstate(invalid="ignore"):  # -inf - -inf where both are impossible: masked below
        np.multiply(p, log_p - log_q, out=terms, where=used)
    if reduction == "none":
        return finish(terms)
    if reduction == "sum":
        return finish(terms.sum())
    if reduction == "batchmean":
        return finish(terms.sum() / terms.shape[0])
    return finish(terms.mean())


def keras_kl_divergence(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    reduction: str = "sum_over_batch_size",
    sample_weight: ArrayLike | None = None,
    epsilon: float = KERAS_EPSILON,
) -> float | np.ndarray:
    """``keras.losses.KLDivergence()(y_true, y_pred)`` in numpy.

    Parameters
    ----------
    y_true : array_like
        The target distribution(s) ``P``, classes along the last axis.
    y_pred : array_like
        The model's distribution(s) ``Q`` (probabilities, not logs).
    reduction : {"sum_over_batch_size", "sum", "none"}, optional
        Keras' default averages the per-sample losses over the batch.
    sample_weight : array_like, optional
        One weight per sample; the weighted losses are then reduced as above.
    epsilon : float, optional
        Keras' fuzz factor (``keras.config.epsilon()``, ``1e-7``).

    Returns
    -------
    float or numpy.ndarray
        ``sum(t * log(t / p))`` over the last axis with ``t`` and ``p`` clipped
        to ``[epsilon, 1]``, in nats. Clipping without renormalising means a
        row of zeros is no longer "nothing": it can give a small *negative*
        "divergence", and a zero in ``y_pred`` costs ``log(1 / 1e-7)``, about
        16 nats, instead of infinity.

    Examples
    --------
    The Keras documentation's example:

    >>> y_true, y_pred = [[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]
    >>> round(keras_kl_divergence(y_true, y_pred), 3)
    0.458
    >>> keras_kl_divergence(y_true, y_pred, reduction="none")
    array([ 9.16289171e-01, -3.08090749e-06])
    """
    if reduction not in _KERAS_REDUCTIONS:
        raise ValueError(f"reduction must be one of {_KERAS_REDUCTIONS}, got {reduction!r}")
    if not 0 < epsilon < 1:
        raise ValueError(f"epsilon must be a small positive number such as 1e-7, got {epsilon!r}")
    t, _ = as_float_array(y_true, "y_true")
    p, _ = as_float_array(y_pred, "y_pred")
    if t.shape != p.shape or t.ndim == 0:
        raise ValueError(
            f"y_true has shape {t.shape} and y_pred has shape {p.shape}; give one row of "
            f"probabilities per sample in each, with the same shape"
        )
    for arr, name in ((t, "y_true"), (p, "y_pred")):
        if not np.isfinite(arr).all():
            raise_bad_value(arr, name)
    t = np.clip(t, epsilon, 1.0)
    p = np.clip(p, epsilon, 1.0)
    per_sample = np.sum(t * np.log(t / p), axis=-1)
    if sample_weight is not None:
        weights, _ = as_float_array(sample_weight, "sample_weight")
        per_sample = per_sample * weights
    if reduction == "none":
        return finish(per_sample)
    if reduction == "sum":
        return finish(np.sum(per_sample))
    return finish(np.sum(per_sample) / max(per_sample.size, 1))

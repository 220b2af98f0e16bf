"""Numpy replicas of deep-learning frameworks' losses, written from their documentation.

PyTorch and TensorFlow/Keras are not needed to run the course, yet learners
meet their losses every day. Each function here reproduces one documented
formula step by step, cites the page it follows, and is tested against the
example values that page prints (or, where the page prints none, against
values derived by hand from its formula, as the tests say).

* :func:`torch_cross_entropy`: ``torch.nn.functional.cross_entropy``, which
  takes **logits**, class indices or class probabilities as targets, and
  ``label_smoothing``.
* :func:`keras_categorical_crossentropy`: ``keras.losses.CategoricalCrossentropy``,
  which **rescales** each predicted row to sum to 1, then **clips** it to
  ``[1e-7, 1 - 1e-7]``, then takes the log.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from infolib._validation import as_distribution, as_float_array, raise_bad_value
from infolib.losses import KERAS_EPSILON
from infolib.softmax import log_softmax

__all__ = [
    "KERAS_CATEGORICAL_CROSSENTROPY_URL",
    "TORCH_CROSS_ENTROPY_URL",
    "double_softmax_floor",
    "keras_categorical_crossentropy",
    "torch_cross_entropy",
]

#: The documentation :func:`torch_cross_entropy` follows.
TORCH_CROSS_ENTROPY_URL = "https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html"
#: The documentation :func:`keras_categorical_crossentropy` follows.
KERAS_CATEGORICAL_CROSSENTROPY_URL = "https://keras.io/api/losses/probabilistic_losses/#categoricalcrossentropy-class"


def _check_smoothing(label_smoothing: float) -> float:
    if isinstance(label_smoothing, bool) or not isinstance(label_smoothing, (int, float)) or not (
        0.0 <= label_smoothing <= 1.0
    ):
        raise ValueError(f"label_smoothing must be a number in [0, 1] (0: no smoothing), "
                         f"got {label_smoothing!r}")
    return float(label_smoothing)


def _reduce(per_sample: np.ndarray, reduction: str, allowed: tuple[str, ...]):
    if reduction not in allowed:
        raise ValueError(f"reduction must be one of {allowed}, got {reduction!r}")
    if reduction == "none":
        return per_sample + 0.0
    total = per_sample.sum() if reduction == "sum" else per_sample.mean()
    return float(total) + 0.0


def torch_cross_entropy(input: ArrayLike, target: ArrayLike, *, reduction: str = "mean",
                        label_smoothing: float = 0.0) -> float | np.ndarray:
    """PyTorch's ``cross_entropy(input, target)``: log-softmax of logits, then the cross entropy, in nats.

    Follows the documentation of ``torch.nn.CrossEntropyLoss`` and
    ``torch.nn.functional.cross_entropy`` (:data:`TORCH_CROSS_ENTROPY_URL`);
    class ``weight`` and ``ignore_index`` are left out.

    Parameters
    ----------
    input : array_like
        **Logits** (unnormalised scores), shape ``(C,)`` or ``(N, C)``. Passing
        probabilities here is the classic "double softmax" mistake: see
        :func:`double_softmax_floor`.
    target : array_like
        Either class indices (shape ``()`` or ``(N,)``, integers in ``[0, C)``)
        or class probabilities (the same shape as ``input``).
    reduction : {"mean", "sum", "none"}, optional
        As in PyTorch: mean over the batch (default), sum, or per sample.
    label_smoothing : float, optional
        ``eps`` in [0, 1]: the target becomes ``(1 - eps) * target + eps / C``
        (for class indices, ``target`` is first made one-hot).

    Returns
    -------
    float or numpy.ndarray
        ``-sum_c target_c * log_softmax(input)_c`` per sample, reduced.

    Examples
    --------
    Logits (2, 1, 0) with true class 0: ``-log softmax = log(1 + e^-1 + e^-2)``.

    >>> round(torch_cross_entropy([2.0, 1.0, 0.0], 0), 4)
    0.4076
    >>> round(torch_cross_entropy([[2.0, 1.0, 0.0]], [[1.0, 0.0, 0.0]]), 4)   # probabilities as target
    0.4076
    >>> round(torch_cross_entropy([2.0, 1.0, 0.0], 0, label_smoothing=0.1), 4)
    0.5076
    """
    eps = _check_smoothing(label_smoothing)
    logits, _ = as_float_array(input, "input")
    if logits.ndim not in (1, 2) or logits.shape[-1] == 0:
        raise ValueError(f"input must be logits of shape (C,) or (N, C), got shape {logits.shape}")
    if not np.isfinite(logits).all():
        raise_bad_value(logits, "input", noun="logits")
    n_classes = logits.shape[-1]
    labels, _ = as_float_array(target, "target")
    if labels.shape == logits.shape[:-1]:
        if labels.size and (not np.array_equal(labels, np.round(labels)) or labels.min() < 0
                            or labels.max() >= n_classes):
            raise ValueError(f"target holds class indices, which must be whole numbers in "
                             f"[0, {n_classes}), got {labels.tolist()!r}")
        probabilities = np.eye(n_classes)[labels.astype(np.intp)]
    elif labels.shape == logits.shape:
        probabilities = as_distribution(labels, "target")
    else:
        raise ValueError(f"target must be class indices of shape {logits.shape[:-1]} or probabilities "
                         f"of shape {logits.shape}, got shape {labels.shape}")
    probabilities = (1.0 - eps) * probabilities + eps / n_classes
    # Targets may be 0 but log_softmax is finite: no 0 * inf can appear.
    per_sample = -(probabilities * log_softmax(logits)).sum(axis=-1)
    return _reduce(per_sample, reduction, ("mean", "sum", "none"))


def double_softmax_floor(n_classes: int) -> float:
    """Lowest loss of PyTorch's ``cross_entropy`` when it is fed probabilities instead of logits.

    A perfect one-hot prediction ``(1, 0, ..., 0)`` passed as "logits" is
    softmaxed again into ``(e, 1, ..., 1) / (e + C - 1)``, so its loss is
    ``ln(1 + (C - 1)/e)`` nats, not 0: the model still trains, but its loss
    can never reach 0 and its gradients are squashed.

    Examples
    --------
    >>> round(double_softmax_floor(3), 4)
    0.5514
    >>> round(torch_cross_entropy([1.0, 0.0, 0.0], 0), 4)   # the same, from the replica
    0.5514
    """
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) or n_classes < 1:
        raise ValueError(f"n_classes must be a whole number >= 1, got {n_classes!r}")
    return math.log1p((n_classes - 1) / math.e)


def keras_categorical_crossentropy(y_true: ArrayLike, y_pred: ArrayLike, *, from_logits: bool = False,
                                   label_smoothing: float = 0.0, sample_weight: ArrayLike | None = None,
                                   reduction: str = "sum_over_batch_size",
                                   epsilon: float = KERAS_EPSILON) -> float | np.ndarray:
    """Keras' ``CategoricalCrossentropy()(y_true, y_pred)``, step by step, in nats.

    Follows the Keras documentation (:data:`KERAS_CATEGORICAL_CROSSENTROPY_URL`)
    and its backend function ``keras.ops.categorical_crossentropy``:

    1. ``y_true = y_true * (1 - label_smoothing) + label_smoothing / C``;
    2. without ``from_logits``: ``y_pred = y_pred / sum(y_pred)`` per row (a row
       that does not sum to 1 is silently **rescaled**), then
       ``clip(y_pred, epsilon, 1 - epsilon)`` (a predicted 0 becomes ``1e-7``, so
       the loss is capped near ``-ln 1e-7 = 16.1`` nats instead of ``inf``);
       with ``from_logits``: ``log_softmax(y_pred)``, no clipping;
    3. ``-sum(y_true * log(y_pred))`` per sample, weighted by ``sample_weight``;
    4. ``"sum_over_batch_size"`` (the default) sums and divides by the batch size.

    Parameters
    ----------
    y_true : array_like
        One-hot (or soft) targets, shape ``(N, C)`` or ``(C,)``.
    y_pred : array_like
        Predicted probabilities (or logits with ``from_logits=True``), same shape.
    from_logits, label_smoothing, sample_weight, reduction, epsilon
        As in Keras; ``reduction`` is ``"sum_over_batch_size"``, ``"sum"`` or ``"none"``.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    The documentation's example (the loss page prints ``1.177``, the metric's page ``1.1769392``):

    >>> y_true = [[0, 1, 0], [0, 0, 1]]
    >>> y_pred = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
    >>> round(keras_categorical_crossentropy(y_true, y_pred), 7)
    1.1769392
    >>> round(keras_categorical_crossentropy(y_true, y_pred, sample_weight=[0.3, 0.7]), 3)
    0.814
    >>> keras_categorical_crossentropy(y_true, y_pred, reduction="none").round(3)
    array([0.051, 2.303])
    """
    eps = _check_smoothing(label_smoothing)
    if not (isinstance(epsilon, float) and 0 < epsilon < 0.5):
        raise ValueError(f"epsilon must be a small float in (0, 0.5) such as 1e-7, got {epsilon!r}")
    pred, _ = as_float_array(y_pred, "y_pred")
    if pred.ndim not in (1, 2) or pred.shape[-1] == 0:
        raise ValueError(f"y_pred must have shape (C,) or (N, C), got shape {pred.shape}")
    true, _ = as_float_array(y_true, "y_true")
    if true.shape != pred.shape:
        raise ValueError(f"y_true has shape {true.shape} but y_pred has shape {pred.shape}; Keras "
                         f"expects one-hot targets of the same shape (integer labels go to "
                         f"SparseCategoricalCrossentropy)")
    true = as_distribution(true, "y_true") * (1.0 - eps) + eps / true.shape[-1]
    if from_logits:
        if not np.isfinite(pred).all():
            raise_bad_value(pred, "y_pred", noun="logits")
        log_q = log_softmax(pred)
    else:
        q = as_distribution(pred, "y_pred", normalize=True)  # Keras divides by the row sum
        log_q = np.log(np.clip(q, epsilon, 1.0 - epsilon))
    per_sample = -(true * log_q).sum(axis=-1)
    if sample_weight is not None:
        weights, _ = as_float_array(sample_weight, "sample_weight")
        if weights.shape not in ((), per_sample.shape):
            raise ValueError(f"sample_weight must be one number or one per sample {per_sample.shape}, "
                             f"got shape {weights.shape}")
        per_sample = per_sample * weights
    if reduction == "sum_over_batch_size":
        return float(per_sample.sum() / max(per_sample.size, 1)) + 0.0
    return _reduce(per_sample, reduction, ("sum_over_batch_size", "sum", "none"))

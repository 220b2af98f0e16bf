"""Cross entropy as a training loss, defined the way deep-learning frameworks define it."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from infolib._kernels import finish, sum_p_log_q
from infolib._validation import (
    as_distribution,
    as_float_array,
    check_base,
    log_function,
)
from infolib.softmax import log_softmax

__all__ = ["KERAS_EPSILON", "categorical_cross_entropy"]

#: The fuzz factor Keras clips predictions with (``keras.config.epsilon()``).
KERAS_EPSILON = 1e-7

_REDUCTIONS = ("mean", "sum", "none")


def _labels_to_one_hot(y_true: np.ndarray, n_classes: int) -> np.ndarray:
    if y_true.size and (
        not np.array_equal(y_true, np.round(y_true))
        or y_true.min() < 0
        or y_true.max() >= n_classes
    ):
        raise ValueError(
            f"y_true looks like class indices (one per sample) but holds values outside "
            f"0..{n_classes - 1} or non-integers; pass integer labels or one-hot rows"
        )
    return np.eye(n_classes)[y_true.astype(np.intp)]


def categorical_cross_entropy(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    from_logits: bool = False,
    keras_epsilon: float | None = None,
    reduction: str = "mean",
    base: float = math.e,
) -> float | np.ndarray:
    """Categorical cross-entropy loss, averaged over a batch, in nats by default.

    Parameters
    ----------
    y_true : array_like
        Targets: one distribution per sample along the last axis (one-hot or
        soft labels), or integer class indices with one axis fewer than ``y_pred``.
    y_pred : array_like
        Predicted probabilities per sample, or logits if ``from_logits``.
    from_logits : bool, optional
        Treat ``y_pred`` as logits and apply a stable log-softmax.
    keras_epsilon : float or None, optional
        ``None`` (default) computes the exact loss, ``inf`` when the true class
        gets probability 0. A number reproduces Keras: predictions are rescaled
        to sum to 1 and clipped to ``[eps, 1 - eps]`` before the log, so a
        learner can match what ``keras.losses.CategoricalCrossentropy()`` prints
        (Keras uses ``KERAS_EPSILON = 1e-7``). Ignored with ``from_logits``,
        where Keras does not clip either.
    reduction : {"mean", "sum", "none"}, optional
        Mean over the batch (Keras' and PyTorch's default), sum, or per sample.
    base : float, optional
        Base of the logarithm: ``math.e`` (default, nats, as frameworks do), 2 for bits.

    Returns
    -------
    float or numpy.ndarray
        The loss: ``-sum_i y_true[i] log y_pred[i]`` per sample, then reduced.

    Notes
    -----
    For one sample this is :func:`infolib.cross_entropy` in nats. With one-hot
    labels only the predicted probability of the true class matters:
    the loss is ``-log q_true``.

    Examples
    --------
    The Keras documentation's example (two samples, three classes):

    >>> y_true = [[0, 1, 0], [0, 0, 1]]
    >>> y_pred = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
    >>> round(categorical_cross_entropy(y_true, y_pred), 7)
    1.1769392
    >>> categorical_cross_entropy(y_true, y_pred, reduction="none").round(7)
    array([0.0512933, 2.3025851])

    An MNIST-style one-hot label for digit 2 against a prediction with 0.75 on it:

    >>> round(categorical_cross_entropy(2, [0.01, 0.02, 0.75, 0.05, 0.02, 0.1, 0.001, 0.02, 0.009, 0.02]), 4)
    0.2877
    """
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    checked_base = check_base(base)
    log = log_function(checked_base)
    nats_to_base = 1.0 / math.log(checked_base)
    if keras_epsilon is not None and not (0 <= keras_epsilon < 0.5):
        raise ValueError(
            f"keras_epsilon must be None (exact loss) or a small number in [0, 0.5) such as "
            f"KERAS_EPSILON = 1e-7, got {keras_epsilon!r}"
        )
    pred, _ = as_float_array(y_pred, "y_pred")
    if pred.ndim == 0 or pred.shape[-1] == 0:
        raise ValueError(f"y_pred must have the classes along its last axis, got shape {pred.shape}")
    true, _ = as_float_array(y_true, "y_true")
    if true.ndim == pred.ndim - 1:
        true = _labels_to_one_hot(true, pred.shape[-1])
    true = as_distribution(true, "y_true")
    if true.shape != pred.shape:
        raise ValueError(
            f"y_true has shape {true.shape} but y_pred has shape {pred.shape}; give one "
            f"target row per prediction row, with the same number of classes"
        )
    if from_logits:
        # Keras clips probabilities only; from logits it uses the exact
        # log-softmax, so keras_epsilon changes nothing here either.
        log_q = log_softmax(pred)
        per_sample = -(true * log_q).sum(axis=-1) * nats_to_base
    elif keras_epsilon is not None:
        # Keras: y_pred / sum(y_pred), then clip to [eps, 1 - eps], then log.
        q = np.clip(as_distribution(pred, "y_pred", normalize=True), keras_epsilon, 1 - keras_epsilon)
        per_sample = -sum_p_log_q(true, q, log)
    else:
        q = as_distribution(pred, "y_pred")
        per_sample = -sum_p_log_q(true, q, log)
    if reduction == "none":
        return finish(per_sample)
    total = per_sample.sum() if reduction == "sum" else per_sample.mean()
    return finish(total)

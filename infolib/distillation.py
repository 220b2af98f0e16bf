"""Knowledge distillation: a student matches a teacher's softened softmax by KL divergence.

Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural Network"
(2015, https://arxiv.org/abs/1503.02531): both networks' logits are divided by
a temperature ``T`` before the softmax, and the loss is
``T² · KL(softmax(teacher / T) || softmax(student / T))``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from infolib._kernels import finish
from infolib._validation import check_base
from infolib.softmax import log_softmax

__all__ = ["distillation_gradient", "distillation_loss"]

_REDUCTIONS = ("batchmean", "sum", "none")


def _softened(teacher_logits, student_logits, temperature):
    log_p = log_softmax(teacher_logits, temperature=temperature)
    log_q = log_softmax(student_logits, temperature=temperature)
    if log_p.shape != log_q.shape:
        raise ValueError(
            f"teacher_logits has shape {log_p.shape} but student_logits has shape {log_q.shape}; "
            f"give both networks' scores for the same samples and classes"
        )
    return log_p, log_q


def _reduce(per_sample: np.ndarray, reduction: str):
    if reduction == "none":
        return finish(per_sample)
    if reduction == "sum":
        return finish(per_sample.sum())
    return finish(per_sample.mean() if per_sample.ndim else per_sample)


def distillation_loss(
    teacher_logits: ArrayLike,
    student_logits: ArrayLike,
    *,
    temperature: float = 1.0,
    scale: bool = True,
    reduction: str = "batchmean",
    base: float = math.e,
) -> float | np.ndarray:
    """The distillation loss ``T² · KL(softmax(t / T) || softmax(s / T))``.

    Parameters
    ----------
    teacher_logits, student_logits : array_like
        Scores with the classes along the last axis (one row per sample).
    temperature : float, optional
        ``T > 0``; higher ``T`` softens both distributions, so the student
        also learns how the teacher ranks the wrong classes.
    scale : bool, optional
        Multiply by ``T²`` (default), as Hinton et al. do, so that the
        gradients keep their size when ``T`` changes.
    reduction : {"batchmean", "sum", "none"}, optional
        Mean over samples (default; PyTorch's ``reduction='batchmean'``), sum,
        or one value per sample.
    base : float, optional
        Base of the logarithm: ``math.e`` (default, nats, as frameworks do), 2 for bits.

    Returns
    -------
    float or numpy.ndarray
        The loss; 0 exactly when the student's logits equal the teacher's up to
        a constant per sample.

    Notes
    -----
    The gradient of ``KL(p_T || q_T)`` with respect to the student's logits is
    ``(q_T - p_T) / T``, and for large ``T`` the difference ``q_T - p_T`` itself
    shrinks like ``1 / T``; the gradient is then of order ``1 / T²``. The ``T²``
    factor undoes that (see :func:`distillation_gradient`).

    Examples
    --------
    >>> teacher, student = [3.0, 1.0, 0.2], [2.0, 1.5, 0.1]
    >>> round(distillation_loss(teacher, student), 4)
    0.1685
    >>> round(distillation_loss(teacher, teacher, temperature=4.0), 12)
    0.0
    """
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    log_base = math.log(check_base(base))
    log_p, log_q = _softened(teacher_logits, student_logits, temperature)
    p = np.exp(log_p)
    per_sample = np.maximum((p * (log_p - log_q)).sum(axis=-1), 0.0) / log_base
    if scale:
        per_sample = per_sample * temperature**2
    return _reduce(per_sample, reduction)


def distillation_gradient(
    teacher_logits: ArrayLike,
    student_logits: ArrayLike,
    *,
    temperature: float = 1.0,
    scale: bool = True,
    reduction: str = "batchmean",
) -> np.ndarray:
    """Gradient of :func:`distillation_loss` (in nats) with respect to the student's logits.

    Returns
    -------
    numpy.ndarray
        ``T (q_T - p_T)`` per sample with ``scale`` (``(q_T - p_T) / T``
        without), divided by the number of samples for ``"batchmean"``;
        the shape of ``student_logits``.

    Examples
    --------
    >>> teacher, student = [3.0, 1.0, 0.2], [2.0, 1.5, 0.1]
    >>> distillation_gradient(teacher, student, temperature=2.0).round(4)
    array([-0.3152,  0.2635,  0.0517])
    """
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    log_p, log_q = _softened(teacher_logits, student_logits, temperature)
    grad = (np.exp(log_q) - np.exp(log_p)) / temperature
    if scale:
        grad = grad * temperature**2
    if reduction == "batchmean" and grad.ndim > 1:
        grad = grad / np.prod(grad.shape[:-1])
    return grad


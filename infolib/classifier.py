"""A small softmax classifier in numpy: cross entropy as the loss a model learns with.

Three classes of seeded 2-D points, a linear model ``logits = x W + b``, and
full-batch gradient descent on the mean cross entropy. The gradient of the
cross entropy of a softmax with respect to its logits is ``softmax(z) - p``
(:func:`cross_entropy_gradient`), which :func:`finite_difference_gradient`
checks numerically. :func:`smooth_labels` makes soft targets: the loss then
cannot go below their entropy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from infolib._validation import as_distribution, as_float_array, as_probabilities, check_base
from infolib.softmax import log_softmax, softmax

__all__ = [
    "TrainingRun",
    "cross_entropy_gradient",
    "finite_difference_gradient",
    "linear_penalty",
    "make_blobs",
    "smooth_labels",
    "squared_penalty",
    "train_softmax_classifier",
]

#: Centres of the three classes of :func:`make_blobs` (corners of a triangle).
BLOB_CENTERS = ((0.0, 2.0), (-1.8, -1.0), (1.8, -1.0))


def make_blobs(n_per_class: int = 50, *, spread: float = 0.8, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Seeded 2-D points in three Gaussian clouds, one per class.

    Parameters
    ----------
    n_per_class : int, optional
        Points per class.
    spread : float, optional
        Standard deviation of each cloud (the centres are about 3.6 apart).
    seed : int, optional
        Seed of the generator: the same seed gives the same points.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(3 * n_per_class, 2)``.
    y : numpy.ndarray
        Class index 0, 1 or 2 of each point (integers).

    Examples
    --------
    >>> X, y = make_blobs(4, seed=1)
    >>> X.shape, y.tolist()
    ((12, 2), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
    """
    if isinstance(n_per_class, bool) or not isinstance(n_per_class, (int, np.integer)) or n_per_class < 1:
        raise ValueError(f"n_per_class must be a whole number >= 1, got {n_per_class!r}")
    if not (isinstance(spread, (int, float)) and math.isfinite(spread) and spread > 0):
        raise ValueError(f"spread must be a finite number > 0 (the clouds' standard deviation), "
                         f"got {spread!r}")
    rng = np.random.default_rng(seed)
    centers = np.array(BLOB_CENTERS)
    y = np.repeat(np.arange(len(centers)), n_per_class)
    X = centers[y] + spread * rng.standard_normal((len(y), 2))
    return X, y


def smooth_labels(y: ArrayLike, n_classes: int, smoothing: float = 0.0) -> np.ndarray:
    """One-hot targets mixed with the uniform distribution: ``(1 - eps) * onehot + eps / C``.

    This is label smoothing as PyTorch (``label_smoothing``) and Keras define it.

    Parameters
    ----------
    y : array_like
        Class indices (integers in ``0 .. n_classes - 1``).
    n_classes : int
        Number of classes ``C``.
    smoothing : float, optional
        ``eps`` in [0, 1]; 0 gives one-hot targets.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(y), C)``; every row is a distribution.

    Examples
    --------
    >>> smooth_labels([2], 4, 0.1)
    array([[0.025, 0.025, 0.925, 0.025]])
    """
    labels, _ = as_float_array(y, "y")
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) or n_classes < 1:
        raise ValueError(f"n_classes must be a whole number >= 1, got {n_classes!r}")
    if labels.size and (not np.array_equal(labels, np.round(labels)) or labels.min() < 0
                        or labels.max() >= n_classes):
        raise ValueError(f"y must hold class indices 0..{n_classes - 1} (whole numbers), got {labels!r}")
    if not (isinstance(smoothing, (int, float)) and 0 <= smoothing <= 1):
        raise ValueError(f"smoothing must be a number in [0, 1] (0: one-hot labels), got {smoothing!r}")
    one_hot = np.eye(n_classes)[labels.astype(np.intp)]
    return (1 - smoothing) * one_hot + smoothing / n_classes


def cross_entropy_gradient(logits: ArrayLike, p: ArrayLike, *, base: float = math.e) -> np.ndarray:
    """Gradient of ``H(p, softmax(z))`` with respect to the logits ``z``: ``softmax(z) - p``.

    Parameters
    ----------
    logits : array_like
        Scores ``z`` (classes along the last axis; a 2-D array is a batch).
    p : array_like
        Target distribution(s), one-hot or soft, same shape as ``logits``.
    base : float, optional
        Unit of the loss being differentiated: ``math.e`` (default, nats) or 2 (bits,
        which divides the gradient by ``ln 2``).

    Returns
    -------
    numpy.ndarray
        ``(softmax(z) - p) / ln(base)``, per sample (not averaged over a batch).

    Notes
    -----
    With ``q = softmax(z)``, ``-log q_i = -z_i + log sum_j exp(z_j)``, so
    ``d/dz_k H(p, q) = -p_k + q_k sum_i p_i = q_k - p_k``. The entries sum to 0:
    raising every logit by the same amount changes nothing.

    Examples
    --------
    >>> cross_entropy_gradient([0.0, 0.0], [1.0, 0.0])
    array([-0.5,  0.5])
    """
    z, _ = as_float_array(logits, "logits")
    target = as_distribution(p, "p")
    if target.shape != z.shape:
        raise ValueError(f"logits has shape {z.shape} but p has shape {target.shape}; give one "
                         f"target probability per logit")
    return (softmax(z) - target) / math.log(check_base(base))


def finite_difference_gradient(function: Callable[[np.ndarray], float], x: ArrayLike, *,
                               step: float = 1e-6) -> np.ndarray:
    """Numerical gradient of a scalar ``function`` at ``x`` by central differences.

    Each coordinate is moved by ``+step`` and ``-step``; the slope between the two
    values has an error of order ``step**2`` (plus rounding of order ``1e-16 / step``).

    Examples
    --------
    >>> finite_difference_gradient(lambda v: float((v ** 2).sum()), [1.0, -2.0]).round(6)
    array([ 2., -4.])
    """
    point, _ = as_float_array(x, "x")
    if not (isinstance(step, float) and step > 0):
        raise ValueError(f"step must be a small float > 0 such as 1e-6, got {step!r}")
    gradient = np.zeros(point.shape)
    for index in np.ndindex(point.shape):
        up, down = point.copy(), point.copy()
        up[index] += step
        down[index] -= step
        gradient[index] = (function(up) - function(down)) / (2 * step)
    return gradient


def linear_penalty(q_true: ArrayLike) -> float | np.ndarray:
    """The loss ``1 - q`` of a prediction that gives the true class probability ``q``.

    For comparison with ``-log q``: it is at most 1, however confident the mistake.

    Examples
    --------
    >>> linear_penalty(0.25)
    0.75
    """
    q = as_probabilities(q_true, "q_true")
    result = 1.0 - q
    return float(result) if result.ndim == 0 else result


def squared_penalty(q_true: ArrayLike) -> float | np.ndarray:
    """The loss ``(1 - q)**2`` of a prediction that gives the true class probability ``q``.

    Examples
    --------
    >>> squared_penalty(0.5)
    0.25
    """
    q = as_probabilities(q_true, "q_true")
    result = (1.0 - q) ** 2
    return float(result) if result.ndim == 0 else result


@dataclass(frozen=True)
class TrainingRun:
    """What :func:`train_softmax_classifier` returns.

    Attributes
    ----------
    weights, bias : numpy.ndarray
        The trained model: ``logits = X @ weights + bias``.
    losses : numpy.ndarray
        Mean cross entropy (nats) over the training set before each step and
        after the last one (``epochs + 1`` values).
    tracked : numpy.ndarray
        Predicted distribution of the tracked point at the same times, shape ``(epochs + 1, C)``.
    targets : numpy.ndarray
        The (possibly smoothed) target distributions trained on.
    floor : float
        The lowest mean loss any model could reach on these targets: their mean
        entropy in nats (0 for one-hot targets).
    """

    weights: np.ndarray
    bias: np.ndarray
    losses: np.ndarray
    tracked: np.ndarray
    targets: np.ndarray
    floor: float

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Predicted distributions ``softmax(X @ weights + bias)`` for points ``X``."""
        points, _ = as_float_array(X, "X")
        return softmax(points @ self.weights + self.bias)


def _mean_loss(targets: np.ndarray, log_q: np.ndarray) -> float:
    # Targets are never 0 where log_q is -inf (log_softmax is finite), so no 0 * inf here.
    return float(-(targets * log_q).sum(axis=1).mean())


def train_softmax_classifier(X: ArrayLike, y: ArrayLike, *, epochs: int = 300, learning_rate: float = 0.5,
                             smoothing: float = 0.0, track: int = 0) -> TrainingRun:
    """Train ``softmax(X W + b)`` by full-batch gradient descent on the mean cross entropy.

    Parameters
    ----------
    X : array_like
        Points, shape ``(N, d)``.
    y : array_like
        Class indices, shape ``(N,)``; the number of classes is ``max(y) + 1``.
    epochs : int, optional
        Gradient steps.
    learning_rate : float, optional
        Step size.
    smoothing : float, optional
        Label smoothing ``eps`` (see :func:`smooth_labels`).
    track : int, optional
        Index of the point whose predicted distribution is recorded at every step.

    Returns
    -------
    TrainingRun
        Parameters, loss curve (nats), the tracked point's predictions, targets
        and the loss floor (the targets' mean entropy).

    Notes
    -----
    The gradient of the mean loss is ``X.T @ (Q - P) / N`` for the weights and
    the column means of ``Q - P`` for the bias: :func:`cross_entropy_gradient`
    per sample, chained through the linear layer. The parameters start at 0
    (every class equally likely), so training is deterministic.

    Examples
    --------
    >>> X, y = make_blobs(20, seed=0)
    >>> run = train_softmax_classifier(X, y, epochs=100)
    >>> round(float(run.losses[0]), 4), bool(run.losses[-1] < 0.1)   # starts at ln 3
    (1.0986, True)
    """
    points, _ = as_float_array(X, "X")
    labels, _ = as_float_array(y, "y")
    if points.ndim != 2 or labels.shape != (len(points),) or len(points) == 0:
        raise ValueError(f"X must have shape (N, d) and y shape (N,), got {points.shape} and {labels.shape}")
    if not np.isfinite(points).all():
        raise ValueError("X holds nan or inf; the points must be finite numbers")
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 0:
        raise ValueError(f"epochs must be a whole number >= 0, got {epochs!r}")
    if not (isinstance(learning_rate, (int, float)) and math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a finite number > 0, got {learning_rate!r}")
    if isinstance(track, bool) or not isinstance(track, (int, np.integer)) or not 0 <= track < len(points):
        raise ValueError(f"track must be the index of a point, 0..{len(points) - 1}, got {track!r}")
    n_classes = int(labels.max()) + 1 if labels.size else 1
    targets = smooth_labels(labels, n_classes, smoothing)
    positive = targets > 0
    target_log = np.zeros(targets.shape)
    np.log(targets, out=target_log, where=positive)
    floor = float(-(targets * target_log).sum(axis=1).mean()) + 0.0  # one-hot: 0.0, not -0.0
    weights = np.zeros((points.shape[1], n_classes))
    bias = np.zeros(n_classes)
    losses, tracked = [], []
    for step in range(epochs + 1):
        logits = points @ weights + bias
        log_q = log_softmax(logits)
        q = np.exp(log_q)
        losses.append(_mean_loss(targets, log_q))
        tracked.append(q[track])
        if step == epochs:
            break
        residual = (q - targets) / len(points)  # d(mean loss)/d(logits), one row per point
        weights -= learning_rate * (points.T @ residual)
        bias -= learning_rate * residual.sum(axis=0)
    return TrainingRun(weights, bias, np.array(losses), np.array(tracked), targets, floor)

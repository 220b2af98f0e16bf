"""One look for every figure and widget of the course, and a lecture mode.

Sizes live here so that :func:`lecture_mode` can scale fonts, lines, figures
and widgets together: a lecturer makes one call and every explorer created
afterwards is readable from the back of a room.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

__all__ = ["COLORS", "Style", "current_style", "is_lecture_mode", "lecture_mode"]

#: Colour-blind safe (Okabe-Ito) colours, one role each across the course.
COLORS = {
    "p": "#0072B2",  # the true distribution / the quantity being explored
    "q": "#D55E00",  # a model's distribution
    "curve": "#555555",  # reference curves (-log p, -p log p, h(p))
    "highlight": "#E69F00",  # the current point on a curve
    "gain": "#009E73",  # information shared or gained
}


@dataclass(frozen=True)
class Style:
    """Sizes for one mode (normal or lecture)."""

    font_size: float
    line_width: float
    marker_size: float
    figure_scale: float
    widget_font_px: int
    slider_width_px: int


_NORMAL = Style(font_size=10, line_width=2.0, marker_size=8, figure_scale=1.0,
                widget_font_px=14, slider_width_px=420)
_LECTURE = Style(font_size=16, line_width=3.5, marker_size=13, figure_scale=1.45,
                 widget_font_px=22, slider_width_px=620)
_state = {"lecture": False}


def lecture_mode(on: bool = True) -> None:
    """Make every explorer created afterwards big enough for a projector.

    Parameters
    ----------
    on : bool, optional
        True (default) for large fonts, thick lines, bigger figures and
        widgets; False to go back to the normal sizes.

    Examples
    --------
    >>> lecture_mode()
    >>> current_style().font_size > 12
    True
    >>> lecture_mode(False)
    """
    _state["lecture"] = bool(on)


def is_lecture_mode() -> bool:
    """Whether :func:`lecture_mode` is on."""
    return _state["lecture"]


def current_style() -> Style:
    """The sizes in force: lecture sizes when lecture mode is on."""
    return _LECTURE if _state["lecture"] else _NORMAL


def rc_params() -> dict:
    """matplotlib settings for the current style."""
    style = current_style()
    return {
        "font.size": style.font_size,
        "axes.titlesize": style.font_size * 1.1,
        "axes.labelsize": style.font_size,
        "xtick.labelsize": style.font_size * 0.9,
        "ytick.labelsize": style.font_size * 0.9,
        "legend.fontsize": style.font_size * 0.9,
        "lines.linewidth": style.line_width,
        "lines.markersize": style.marker_size,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "figure.dpi": 100,
        "savefig.dpi": 100,
    }


@contextlib.contextmanager
def course_style():
    """Context in which new matplotlib artists take the course's look."""
    import matplotlib

    with matplotlib.rc_context(rc_params()):
        yield

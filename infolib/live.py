"""A live figure: one persistent matplotlib figure whose artists change in place.

Explorers draw their figure once, keep handles to the artists, and on every
control change only move those artists and ask for one render. Nothing is
created per event, so a drag costs a re-render and never a new figure.

In Jupyter the figure is shown by an ipympl canvas widget (created directly,
outside pyplot, so that an explorer owns its figure and nothing else does).
Without ipympl the figure falls back to matplotlib's Agg canvas: explorers
still work headlessly (tests, benchmarks), they just have nothing to show.
"""

from __future__ import annotations

import base64
import io
import warnings

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["LiveFigure"]


def _ipympl_canvas(figure: Figure):
    """Attach an ipympl canvas (a widget) to ``figure``, or return None."""
    try:
        from ipympl.backend_nbagg import Canvas, FigureManager
    except ImportError:  # pragma: no cover - ipympl is a dependency
        return None
    canvas = Canvas(figure)
    # A manager is what ipympl's canvas talks to the browser through; number 0
    # is never registered with pyplot, so pyplot.close("all") leaves it alone.
    with warnings.catch_warnings():
        # ipympl's toolbar passes its canvas on to traitlets, which warns about
        # it (a known ipympl quirk, harmless); learners should not see it.
        warnings.filterwarnings("ignore", "Passing unrecognized arguments", DeprecationWarning)
        FigureManager(canvas, 0)
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.resizable = False
    canvas.toolbar_visible = "fade-in-fade-out"
    canvas.toolbar_position = "right"
    return canvas


class LiveFigure:
    """A persistent figure that is re-rendered, never rebuilt.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure made outside pyplot (see :func:`infolib.plots.new_figure`).
    interactive : bool, optional
        Attach an ipympl canvas widget (default). False keeps Agg only.

    Attributes
    ----------
    render_count : int
        How many renders were requested: exactly one per control change.

    Examples
    --------
    >>> from infolib.plots import new_figure
    >>> fig, (ax,) = new_figure(3, 2)
    >>> (line,) = ax.plot([0, 1], [0, 1])
    >>> live = LiveFigure(fig, interactive=False)
    >>> line.set_ydata([1, 0]); live.render(); live.render_count
    1
    >>> live.close()
    """

    def __init__(self, figure: Figure, *, interactive: bool = True):
        self.figure = figure
        self.canvas = _ipympl_canvas(figure) if interactive else None
        if self.canvas is None:
            self.canvas = FigureCanvasAgg(figure)
        self.render_count = 0

    @property
    def widget(self):
        """The canvas widget to place in a layout, or None without ipympl."""
        from ipywidgets import DOMWidget

        return self.canvas if isinstance(self.canvas, DOMWidget) else None

    def render(self) -> None:
        """Ask for one render of the figure as it now is.

        With ipympl the browser then pulls a single new frame; requests that
        arrive while it is busy are merged, so a fast drag never queues up.
        """
        self.render_count += 1
        self.canvas.draw_idle()

    def png(self) -> bytes:
        """The figure as PNG bytes (a static snapshot for saved notebooks)."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png")
        return buffer.getvalue()

    def png_base64(self) -> str:
        """:meth:`png` encoded for a notebook's ``image/png`` output."""
        return base64.b64encode(self.png()).decode("ascii")

    def close(self) -> None:
        """Free the figure and its widget; the explorer stops updating."""
        widget = self.widget
        if widget is not None:
            widget.close()
        self.figure.clear()

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
import functools
import io
import warnings
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["LiveFigure", "encode_diff_frame"]


def encode_diff_frame(current: np.ndarray, previous: np.ndarray) -> bytes:
    """The pixels of ``current`` that differ from ``previous``, as a PNG for ipympl's diff mode.

    ipympl draws a diff frame at the canvas's top-left corner over the previous frame, and its
    fully transparent pixels (0) leave the previous frame showing. So the frame can stop after
    the last changed row and column (a blit changes one region; the rest need not be sent), and
    it is mostly zeros, which zlib's run-length strategy encodes about twice as fast as the
    default one, and smaller.

    Parameters
    ----------
    current, previous : numpy.ndarray
        Two frames of the same shape (rows, columns) as ``uint32`` RGBA pixels.

    Examples
    --------
    >>> old = np.zeros((4, 6), dtype=np.uint32)
    >>> new = old.copy(); new[1, 2] = 0xFF0000FF
    >>> from PIL import Image; import io
    >>> Image.open(io.BytesIO(encode_diff_frame(new, old))).size  # (width, height)
    (3, 2)
    """
    changed = current != previous
    rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
    bottom, right = (rows[-1] + 1, cols[-1] + 1) if rows.size else (1, 1)
    diff = np.where(changed[:bottom, :right], current[:bottom, :right], 0).astype(np.uint32, copy=False)
    return _png(diff)


def _png(pixels: np.ndarray) -> bytes:
    from PIL import Image

    rgba = np.ascontiguousarray(pixels).view(np.uint8).reshape(*pixels.shape, 4)
    with io.BytesIO() as buffer:
        # compress_type 3 is zlib's Z_RLE strategy: fast on frames that are mostly zeros.
        Image.fromarray(rgba).save(buffer, format="png", compress_level=1, compress_type=3)
        return buffer.getvalue()


@functools.cache
def _live_canvas_class():
    """ipympl's canvas widget with :func:`encode_diff_frame` for the frames it sends."""
    from ipympl.backend_nbagg import Canvas

    class LiveCanvas(Canvas):
        def get_diff_image(self):
            # Same protocol as matplotlib's webagg canvas (full frame on a refresh, a resize or
            # transparency; otherwise a diff frame), with a smaller, faster diff frame.
            if not self._png_is_old:
                return None
            pixels = np.asarray(self.get_renderer().buffer_rgba())
            frame = pixels.view(np.uint32).squeeze(2)
            previous = self._last_buff
            full = (self._force_full or frame.shape != previous.shape
                    or bool((pixels[:, :, 3] != 255).any()))
            self.set_image_mode("full" if full else "diff")
            png = _png(frame) if full else encode_diff_frame(frame, previous)
            self._last_buff = frame.copy()
            self._force_full = False
            self._png_is_old = False
            return png

    return LiveCanvas


def _ipympl_canvas(figure: Figure):
    """Attach an ipympl canvas (a widget) to ``figure``, or return None."""
    import matplotlib

    # `import ipympl` also runs matplotlib.use(ipympl), like `%matplotlib widget`:
    # pyplot's backend would change for the whole kernel (later plt figures become
    # widgets instead of inline images). Explorers only need its classes.
    use = matplotlib.use
    matplotlib.use = lambda *args, **kwargs: None
    try:
        from ipympl.backend_nbagg import FigureManager

        canvas_class = _live_canvas_class()
    except ImportError:  # pragma: no cover - ipympl is a dependency
        return None
    finally:
        matplotlib.use = use
    canvas = canvas_class(figure)
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

    Artists that move on every change are *animated*: the rest of the figure
    (axes, ticks, labels, reference curves) is rendered once and kept as a
    background bitmap, and each change only restores that bitmap, draws the
    moving artists and sends the result (blitting). Changes to the static
    part (a new unit, new axis limits) call :meth:`invalidate`, and the next
    render redraws everything once.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure made outside pyplot (see :func:`infolib.plots.new_figure`).
    animated : sequence of matplotlib artists
        The artists that change on every control change.
    interactive : bool, optional
        Attach an ipympl canvas widget (default). False keeps Agg only.

    Attributes
    ----------
    render_count : int
        How many renders were requested: exactly one per control change.
    full_render_count : int
        How many of them redrew the whole figure.

    Examples
    --------
    >>> from infolib.plots import new_figure
    >>> fig, (ax,) = new_figure(3, 2)
    >>> (line,) = ax.plot([0, 1], [0, 1])
    >>> live = LiveFigure(fig, [line], interactive=False)
    >>> line.set_ydata([1, 0]); live.render(); live.render_count
    1
    >>> live.close()
    """

    def __init__(self, figure: Figure, animated: Sequence[Artist] = (), *, interactive: bool = True):
        self.figure = figure
        self.canvas = _ipympl_canvas(figure) if interactive else None
        if self.canvas is None:
            self.canvas = FigureCanvasAgg(figure)
        # The first full draw lays the figure out; freezing the layout then
        # keeps later draws from re-solving it (the slowest part of a draw).
        self._freeze_layout = figure.get_layout_engine() is not None
        self.animated = list(animated)
        for artist in self.animated:
            artist.set_animated(True)
        self._background = None
        self.render_count = 0
        self.full_render_count = 0
        self.canvas.mpl_connect("draw_event", self._after_full_draw)

    @property
    def widget(self):
        """The canvas widget to place in a layout, or None without ipympl."""
        from ipywidgets import DOMWidget

        return self.canvas if isinstance(self.canvas, DOMWidget) else None

    def invalidate(self) -> None:
        """Say that the static part changed: the next render redraws it all."""
        self._background = None

    def render(self) -> None:
        """Show the figure as it now is: one render per call.

        With a cached background only the animated artists are drawn and
        blitted; otherwise the whole figure is drawn (with ipympl, the browser
        pulls that frame when ready, so a fast drag never queues frames up).
        """
        self.render_count += 1
        if self._background is None:
            self.full_render_count += 1
            self.canvas.draw_idle()
            return
        self.canvas.restore_region(self._background)
        self._draw_animated()
        self.canvas.blit(self.figure.bbox)

    def _after_full_draw(self, _event) -> None:
        if self._freeze_layout:
            self.figure.set_layout_engine("none")
            self._freeze_layout = False
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def _draw_animated(self) -> None:
        for artist in self.animated:
            self.figure.draw_artist(artist)

    def png(self) -> bytes:
        """The whole figure, moving artists included, as PNG bytes."""
        buffer = io.BytesIO()
        for artist in self.animated:
            artist.set_animated(False)
        try:
            self.figure.savefig(buffer, format="png")
        finally:
            for artist in self.animated:
                artist.set_animated(True)
        # savefig drew on a renderer of its own; the live bitmap needs a redraw.
        self.invalidate()
        return buffer.getvalue()

    def png_base64(self) -> str:
        """:meth:`png` encoded for a notebook's ``image/png`` output."""
        return base64.b64encode(self.png()).decode("ascii")

    def close(self) -> None:
        """Free the figure and its widget; the explorer stops updating."""
        widget = self.widget
        if widget is not None:
            widget.close()
        self.animated.clear()
        self._background = None
        self.figure.clear()

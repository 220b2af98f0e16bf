"""Timestamps inside the kernel for ``frame_profile.py``: sent to a running kernel as cell source.

Wraps, without changing what they do, the steps a slider change goes through in the kernel:
the comm message handler (which sets the trait and runs the observers), every explorer's
``update``, ``LiveFigure.render``, the PNG diff image ipympl encodes, the frame handed to the
IOPub thread, and the busy/idle status the kernel publishes. Each event is
``(name, epoch ms, parent msg_id, extra)``; ``__frame_probe_dump(path)`` writes them as JSON.
"""

import json as _json
import time as _time

from ipympl.backend_nbagg import Canvas as _Canvas
from IPython import get_ipython as _get_ipython
from matplotlib.backends.backend_webagg_core import FigureCanvasWebAggCore as _WebAggCanvas

import infolib.explorers.base as _base
import infolib.live as _live

__frame_events = []


def __frame_probe_install():
    kernel = _get_ipython().kernel
    events = __frame_events

    def now():
        return _time.time() * 1000.0

    def parent_id():
        return ((kernel.get_parent() or {}).get("header") or {}).get("msg_id")

    def timed(name, function, extra=None):
        def wrapper(*args, **kwargs):
            t0 = now()
            try:
                result = function(*args, **kwargs)
            finally:
                events.append((name, t0, parent_id(), None))
                events.append((name + "_end", now(), parent_id(), extra(result) if extra else None))
            return result

        wrapper.__wrapped_probe__ = function
        return wrapper

    handler = kernel.shell_handlers["comm_msg"]
    kernel.shell_handlers["comm_msg"] = timed("handler", getattr(handler, "__wrapped_probe__", handler))

    def classes(cls):
        yield cls
        for sub in cls.__subclasses__():
            yield from classes(sub)

    for cls in classes(_base.Explorer):
        if "update" in vars(cls):
            original = getattr(cls.update, "__wrapped_probe__", cls.update)
            cls.update = timed("update", original)
    render = getattr(_live.LiveFigure.render, "__wrapped_probe__", _live.LiveFigure.render)
    timed_render = timed("render", render)

    def render_and_note_full(live):
        # A render without a cached background redraws the whole figure (a full render).
        if live._background is None:
            events.append(("full_render", now(), parent_id(), None))
        return timed_render(live)

    render_and_note_full.__wrapped_probe__ = render
    _live.LiveFigure.render = render_and_note_full
    draw = getattr(_WebAggCanvas.draw, "__wrapped_probe__", _WebAggCanvas.draw)
    _WebAggCanvas.draw = timed("full_draw", draw)
    diff = getattr(_WebAggCanvas.get_diff_image, "__wrapped_probe__", _WebAggCanvas.get_diff_image)
    _WebAggCanvas.get_diff_image = timed("png", diff, extra=lambda b: len(b) if b else 0)
    send = getattr(_Canvas.send_binary, "__wrapped_probe__", _Canvas.send_binary)
    _Canvas.send_binary = timed("send", send)

    publish = getattr(kernel._publish_status, "__wrapped_probe__", kernel._publish_status)

    def publish_status(status, channel, parent=None):
        header = (parent or kernel.get_parent(channel) or {}).get("header") or {}
        events.append((status, now(), header.get("msg_id"), None))
        return publish(status, channel, parent)

    publish_status.__wrapped_probe__ = publish
    kernel._publish_status = publish_status


def __frame_probe_dump(path):
    with open(path, "w") as f:
        _json.dump(__frame_events, f)
    __frame_events.clear()


__frame_probe_install()

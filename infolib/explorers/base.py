"""What every explorer shares: the :class:`Explorer` base class and readout recipes.

Each explorer is a small object with

* ``controls``: a dict of the widgets a learner moves (``controls[name].value = ...``),
* ``figure`` and ``artists``: a persistent matplotlib figure and the artists
  that change, updated in place by
* ``update()``: the one method that maps control values to artist changes,
* ``readout``: the values shown with their units (``readout.values``),
* ``widget``: everything laid out, shown when the explorer is a cell's result.

In a saved notebook an explorer's output also carries a PNG of its figure,
so GitHub and nbviewer show it without a kernel.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import ClassVar

import ipywidgets as widgets
import numpy as np

from infolib.controls import Readout, stylesheet
from infolib.live import LiveFigure
from infolib.style import is_lecture_mode

__all__ = ["Explorer", "recipe"]


def _enable_colab_widgets() -> None:
    """Colab shows third-party widgets (ipympl) only after this call."""
    if "google.colab" in sys.modules:  # pragma: no cover - only on Colab
        from google.colab import output

        output.enable_custom_widget_manager()


def _current_cell_run() -> tuple[str | None, str | None]:
    """The id of the notebook cell being run (when the front end sends one) and of this run."""
    try:
        from IPython import get_ipython

        kernel = getattr(get_ipython(), "kernel", None)
        parent = kernel.get_parent() if kernel is not None else None
    except Exception:  # no IPython, or an old ipykernel without get_parent
        return None, None
    parent = parent or {}
    cell = (parent.get("metadata") or {}).get("cellId")
    return cell, (parent.get("header") or {}).get("msg_id")


class Explorer:
    """Base class: a persistent figure, its controls, a readout and one ``update``.

    Subclasses build their figure and controls in ``__init__``, then call
    :meth:`_finish`; they implement :meth:`update`.
    """

    #: Shown above the figure and used as a CSS class ``infolib-explorer-<name>``.
    name = "explorer"
    title = ""
    #: The control a lecturer drags first (the browser test drags it too).
    main_control = ""
    #: A distribution editor (:class:`~infolib.controls.DistributionEditor` or
    #: :class:`~infolib.controls.TwoDistributionEditor`) whose sliders report through it,
    #: once per change however many sliders a preset moves; None when there is none.
    editor = None

    # Cell id -> (id of the run, explorers that run made): running the cell again
    # closes what its previous run made, so a re-run never leaves two live figures.
    _by_cell: ClassVar[dict[str, tuple[str | None, list[Explorer]]]] = {}

    def __init__(self, figure, artists: dict, controls: dict, *, animated: Sequence[str],
                 interactive: bool = True):
        _enable_colab_widgets()
        self.figure = figure
        self.artists = artists
        self.controls = controls
        # Only the artists named in `animated` move on every change; the rest
        # of the figure is a cached background (see LiveFigure).
        moving = []
        for key in animated:
            artist = artists[key]
            moving.extend(artist.patches if hasattr(artist, "patches") else [artist])
        self.live = LiveFigure(figure, moving, interactive=interactive)
        self.readout = Readout()

    def _finish(self, control_rows: Sequence[widgets.Widget]) -> None:
        """Lay out the widgets, wire the controls and draw the first state."""
        header = widgets.HTML(f"<h3>{self.title}</h3>")
        children = [stylesheet(), header, *control_rows]
        if self.live.widget is not None:
            children.append(self.live.widget)
        children.append(self.readout.widget)
        self.widget = widgets.VBox(children)
        self.widget.add_class("infolib-explorer")
        self.widget.add_class(f"infolib-explorer-{self.name}")
        if is_lecture_mode():
            self.widget.add_class("infolib-lecture")
        self.controls[self.main_control].add_class("infolib-main-control")
        if self.editor is not None:
            self.editor.observe(lambda *_values: self._on_change())
        for control in self._directly_observed():
            control.observe(self._on_change, names="value")
        self.update()
        self._replace_previous_in_cell()

    def _directly_observed(self) -> list[widgets.ValueWidget]:
        """The controls whose every change calls :meth:`update`: all but the editor's."""
        through_editor = {id(c) for c in self.editor.controls.values()} if self.editor is not None else set()
        return [c for c in self.controls.values()
                if isinstance(c, widgets.ValueWidget) and id(c) not in through_editor]

    def _replace_previous_in_cell(self) -> None:
        cell, run = _current_cell_run()
        if cell is None:
            return
        previous_run, explorers = Explorer._by_cell.get(cell, (None, []))
        if previous_run != run:
            for old in explorers:
                old.close()
            explorers = []
        Explorer._by_cell[cell] = (run, [*explorers, self])

    def _on_change(self, _change=None) -> None:
        self.update()
        self.live.render()

    def update(self) -> None:
        """Move the artists and the readout to match the controls."""
        raise NotImplementedError

    @property
    def base(self) -> float:
        """The logarithm base chosen with the unit switch."""
        return float(self.controls["unit"].value)

    def close(self) -> None:
        """Stop the explorer and free its figure and widgets."""
        self.live.close()
        # Close every widget of the layout (controls, readout, editor rows), not
        # only the outer box: each open widget keeps a model in kernel and page.
        stack = [self.widget]
        while stack:
            widget = stack.pop()
            stack.extend(getattr(widget, "children", ()))
            widget.close()

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"{self.title} (interactive: run the notebook to use the controls)"
        bundle["image/png"] = self.live.png_base64()
        return bundle

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.title}>"


def recipe(function: str, *args, **kwargs) -> tuple[str, tuple, dict]:
    """How to recompute a readout value with infolib, in a JSON-friendly form.

    ``function`` names a top-level :mod:`infolib` function; the browser tests (and a
    curious learner) recompute the value as ``getattr(infolib, function)(*args, **kwargs)``.

    Examples
    --------
    >>> recipe("entropy", np.array([0.5, 0.5]), base=2)
    ('entropy', ([0.5, 0.5],), {'base': 2})
    """
    return function, tuple(np.asarray(a).tolist() for a in args), kwargs

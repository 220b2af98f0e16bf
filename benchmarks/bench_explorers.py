"""Time from a control change to a frame ready to send: in-place explorers vs rebuilding the figure.

Run from the repository root::

    python benchmarks/bench_explorers.py

What it measures, in this process (``time.perf_counter``), for each explorer,
median over ``CHANGES`` changes that sweep its main control:

* **in place**: ``explorer.controls[main].value = v`` on an explorer with its
  ipympl canvas, after the first full draw (``explorer.live.canvas.draw()``,
  which the browser would have asked for). That one assignment runs
  everything the kernel does for a frame: ``update()`` (numerics, artists,
  readout HTML), ``restore_region`` of the cached background, drawing the
  animated artists, ``blit``, and ipympl's ``manager.refresh_all()``, which
  encodes the changed pixels as a PNG (``canvas.get_diff_image()``) and hands
  it to the widget's comm (a no-op here: nothing is connected). The script
  checks that every change produced exactly one PNG frame and no full redraw.
* **naive**: the usual notebook pattern: per change, ``update()`` for the
  same numbers, then a brand-new figure through pyplot with the same content
  (same size, axes, curves, markers, bars, labels, limits, legend, constrained
  layout), ``draw``, PNG encoding with ``savefig`` into a ``BytesIO``, and
  ``plt.close``.

It prints one row per explorer: milliseconds per frame both ways, their ratio
and the implied maximum frame rate of the in-place path (1000 / ms). The exit
status is 1 if a change caused a full redraw or produced no frame.

These are kernel-side costs only. The frame rate a learner sees also depends on
the network and on the browser decoding and painting each PNG; the browser
harness (``tests/browser``) measures that in JupyterLab separately.
"""

from __future__ import annotations

import io
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")  # pyplot for the naive pattern; explorers make their own ipympl canvases

import matplotlib.pyplot as plt
import numpy as np

from infolib.explorers import (
    CoinExplorer,
    EntropyExplorer,
    SoftmaxExplorer,
    SurprisalExplorer,
    UniformExplorer,
)
from infolib.style import course_style

CHANGES = 30

#: Explorer -> values swept on its main control (each differs from the one before).
SWEEPS = {
    SurprisalExplorer: np.linspace(0.02, 0.98, CHANGES).round(3).tolist(),
    EntropyExplorer: np.linspace(0.05, 0.95, CHANGES).round(3).tolist(),
    CoinExplorer: np.linspace(0.02, 0.98, CHANGES).round(3).tolist(),
    UniformExplorer: [2 + (i % 31) for i in range(CHANGES)],
    SoftmaxExplorer: np.geomspace(0.05, 20, CHANGES).tolist(),
}


def naive_frame(explorer) -> bytes:
    """Rebuild the explorer's current figure from scratch with pyplot, draw it, encode a PNG."""
    source = explorer.figure
    with course_style():
        figure, axes = plt.subplots(1, len(source.axes), figsize=source.get_size_inches(),
                                    dpi=source.dpi, layout="constrained", squeeze=False)
        for old, ax in zip(source.axes, axes[0], strict=True):
            ax.set_xscale(old.get_xscale())
            for line in old.lines:
                ax.plot(line.get_xdata(), line.get_ydata(), color=line.get_color(),
                        marker=line.get_marker(), linestyle=line.get_linestyle(),
                        markersize=line.get_markersize(), label=line.get_label())
            rects = [r for r in old.patches if r.get_visible()]
            if rects:
                ax.bar([r.get_x() + r.get_width() / 2 for r in rects], [r.get_height() for r in rects],
                       width=rects[0].get_width(), color=rects[0].get_facecolor())
            if isinstance(old.xaxis.get_major_formatter(), matplotlib.ticker.FixedFormatter):
                ax.set_xticks(old.get_xticks(), [t.get_text() for t in old.get_xticklabels()])
            ax.set_xlabel(old.get_xlabel())
            ax.set_ylabel(old.get_ylabel())
            ax.set_title(old.get_title())
            ax.set_xlim(old.get_xlim())
            ax.set_ylim(old.get_ylim())
            if old.get_legend() is not None:
                ax.legend(loc="upper right")
        figure.canvas.draw()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        plt.close(figure)
    return buffer.getvalue()


def bench(cls) -> tuple[float, float, int]:
    """Median ms per frame in place and naive, and the number of problems seen."""
    explorer = cls()
    name = cls.main_control
    canvas = explorer.live.canvas
    frames = []
    encode = canvas.get_diff_image

    def counted_encode():
        png = encode()
        frames.append(png)
        return png

    canvas.get_diff_image = counted_encode
    # A connected browser sends ipympl "initialized", which stops it from also
    # re-encoding every frame as a data URL for the saved widget state.
    canvas.syncing_data_url = False
    try:
        canvas.draw()  # the browser's first full draw: lays out and caches the background
        naive_frame(explorer)  # warm-up (fonts, caches) for both paths
        explorer.controls[name].value = SWEEPS[cls][-1]
        full_before, frames_before = explorer.live.full_render_count, len(frames)
        in_place, naive = [], []
        for value in SWEEPS[cls]:
            start = time.perf_counter()
            explorer.controls[name].value = value
            in_place.append(time.perf_counter() - start)

            start = time.perf_counter()
            explorer.update()
            png = naive_frame(explorer)
            naive.append(time.perf_counter() - start)
            assert png.startswith(b"\x89PNG")
        problems = explorer.live.full_render_count - full_before
        produced = [f for f in frames[frames_before:] if f is not None]
        problems += abs(len(produced) - len(SWEEPS[cls]))
    finally:
        explorer.close()
    return 1e3 * statistics.median(in_place), 1e3 * statistics.median(naive), problems


def main() -> int:
    print(f"matplotlib {matplotlib.__version__}, median of {CHANGES} changes of each main control\n")
    header = f"{'explorer':<20}{'in-place ms/frame':>19}{'naive ms/frame':>16}{'ratio':>8}{'max fps':>9}"
    print(header)
    print("-" * len(header))
    ok = True
    for cls in SWEEPS:
        t_live, t_naive, problems = bench(cls)
        print(f"{cls.__name__:<20}{t_live:>19.2f}{t_naive:>16.2f}{t_naive / t_live:>7.1f}x"
              f"{1e3 / t_live:>9.0f}")
        if problems:
            print(f"  !! {problems} change(s) redrew the whole figure or sent no frame")
            ok = False
    print("\nratio = naive / in place; max fps = 1000 / in-place ms (kernel side only, "
          "see the docstring)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

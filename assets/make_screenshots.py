"""Real browser screenshots for the README: ``python assets/make_screenshots.py``.

Run by hand (not part of pytest), from the repository root, in the project's virtual
environment with the ``test`` extra installed and Debian's Chromium at ``/usr/bin/chromium``
(``apt-get install -y chromium``; never ``playwright install``)::

    .venv/bin/python assets/make_screenshots.py            # both README figures (below)
    .venv/bin/python assets/make_screenshots.py --only asymmetry --out shot.png --width 1280

It reuses the browser-test harness (``tests/browser/lab_harness.py``): a private JupyterLab on
127.0.0.1 serving a temporary copy of the repo, headless Chromium with every non-local request
blocked. For each figure of :data:`SHOTS` it opens the notebook, runs all cells (Run > Run All
Cells), waits for the explorer's figure to be drawn and settled, collapses JupyterLab's side
areas (the file browser) and saves an element screenshot of ``.infolib-explorer-<name>`` (title,
controls, live figure, readout) in its starting state, at a 1280 px wide viewport and device
scale factor 1. Nothing is written if a cell fails, a widget does
not display or the figure never appears (exit status 1).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))  # the repository root, for the browser-test harness
from tests.browser import lab_harness as H  # noqa: E402

#: README figure -> (notebook, explorer name, where the screenshot goes).
SHOTS = {
    "entropy": (REPO / "notebooks" / "01_entropy.ipynb", "entropy", HERE / "01_entropy_explorer.png"),
    "asymmetry": (
        REPO / "notebooks" / "03_kl_divergence.ipynb", "kl-asymmetry", HERE / "03_kl_asymmetry.png"
    ),
}


def screenshot_explorer(out: Path, notebook: Path, explorer: str, width: int = 1280,
                        height: int = 1000) -> Path:
    """Run ``notebook`` in JupyterLab in headless Chromium and save one explorer's screenshot."""
    if not H.chromium_available():
        raise SystemExit(f"{H.CHROMIUM} is missing: apt-get install -y chromium")
    with H.lab_server([notebook]) as lab, H.chromium_browser() as browser:
        page = H.NotebookPage(browser, lab, H.lab_relative_path(notebook), viewport=(width, height))
        try:
            page.open()
            page.run_all()
            errors = page.error_outputs()
            if errors or page.widget_display_errors():
                raise SystemExit(f"{notebook.name} did not run cleanly:\n" + "\n---\n".join(errors))
            drawn = H.poll(
                lambda: explorer in page.explorer_names() and page.canvas_has_image(explorer),
                60,
                page=page.page,
            )
            if not drawn:
                raise SystemExit(f"the {explorer!r} explorer's figure never appeared")
            # The file browser would take ~250 px: with it open the 900 px figure overflows
            # the output area at 1280 px. Collapse both side areas, as a lecturer would.
            page.page.evaluate(
                """() => { const s = window.jupyterapp.shell;
                           if (s.collapseLeft) s.collapseLeft();
                           if (s.collapseRight) s.collapseRight(); }"""
            )
            page.page.wait_for_timeout(1000)
            box = page.page.locator(page.explorer_selector(explorer)).first
            overflow = box.evaluate(
                """(el) => { const c = el.querySelector('.jupyter-matplotlib-canvas-div canvas');
                             const b = el.getBoundingClientRect();
                             const r = c ? c.getBoundingClientRect() : b;
                             return Math.max(0, r.right - b.right, el.scrollWidth - el.clientWidth); }"""
            )
            if overflow > 1:
                raise SystemExit(
                    f"the figure is {overflow:.0f} px wider than the explorer box at {width} px; "
                    "pass a larger --width"
                )
            box.scroll_into_view_if_needed()
            page.page.mouse.move(0, 0)  # no hover: keeps ipympl's fade-in toolbar hidden
            page.wait_canvas_settled(explorer, quiet_s=1.0, timeout_s=60)
            page.page.wait_for_timeout(500)
            out.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(suffix=".png", dir=out.parent, delete=False) as tmp:
                tmp_path = Path(tmp.name)
            try:
                box.screenshot(path=str(tmp_path), animations="disabled")
                tmp_path.replace(out)
            finally:
                tmp_path.unlink(missing_ok=True)
        finally:
            page.close()
            lab.shutdown_kernels()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=sorted(SHOTS), help="one figure (default: all)")
    ap.add_argument("--out", type=Path, help="with --only: where to write it (default: assets/...)")
    ap.add_argument("--width", type=int, default=1280, help="viewport width in CSS px (1280)")
    args = ap.parse_args(argv)
    for name in [args.only] if args.only else sorted(SHOTS):
        notebook, explorer, default_out = SHOTS[name]
        out = screenshot_explorer((args.out or default_out).resolve(), notebook, explorer, width=args.width)
        print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

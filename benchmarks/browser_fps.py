"""Frames per second of each explorer while its main slider is dragged, in real Chromium.

    python benchmarks/browser_fps.py                      # every notebooks/*.ipynb
    python benchmarks/browser_fps.py --fixtures           # + tests/browser/fixtures demo notebook
    python benchmarks/browser_fps.py notebooks/01_entropy.ipynb --seconds 5 --enforce

Starts a private JupyterLab on a temporary copy of the notebooks, opens each notebook in headless
/usr/bin/chromium, runs all cells, then for each ``.infolib-explorer`` presses the mouse on its
``.infolib-main-control`` slider and drags it back and forth for ``--seconds`` with one pointer
move per animation frame (about 60 per second, like a hand), and counts the frames the figure
really displayed (each new image ipympl paints onto the visible canvas). With ``--fixtures`` the
same run also measures the demo notebook's patterns for comparison: an in-place update with
``draw_idle``, one with a synchronous draw, and the naive new-figure-per-change pattern.
After the drag it also waits for the figure to settle and reports the time from the last pointer
move to the last frame painted. Prints a table and the targets (every explorer >= 20 fps, the
median >= 24, each >= 3x the naive fixture measured in the same run, the final frame within 150 ms
of the last move; ``--enforce`` exits 1 when one is missed), and writes
test-artifacts/browser_fps.json. Numbers depend on the machine: compare rows of the same run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
from tests.browser import lab_harness as H


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    ap.add_argument("--fixtures", action="store_true", help="also the harness's demo notebook")
    ap.add_argument("--windowing", default="contentVisibility",
                    help="JupyterLab's notebook windowing mode: contentVisibility (its default, what"
                         " learners get) or none (every cell laid out, as the browser tests use)")
    ap.add_argument("--seconds", type=float, default=3.0, help="drag length per explorer (3)")
    ap.add_argument("--enforce", action="store_true", help="exit 1 when a target is not met")
    args = ap.parse_args(argv)

    if not H.chromium_available():
        print(f"{H.CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    notebooks = [p.resolve() for p in args.notebooks] or H.repo_notebooks()
    if args.fixtures:
        notebooks += H.fixture_notebooks()
    if not notebooks:
        print("no notebooks to measure (try --fixtures)", file=sys.stderr)
        return 2

    results = []
    with (
        H.lab_server(
            notebooks,
            windowing_mode=args.windowing,
            keep_log_to=H.ARTIFACTS_DIR / "browser" / "jupyterlab-fps.log",
        ) as lab,
        H.chromium_browser() as browser,
    ):
        for nb in notebooks:
            page = H.NotebookPage(browser, lab, H.lab_relative_path(nb))
            try:
                page.open()
                page.run_all()
                for name in page.explorer_names():
                    page.page.wait_for_timeout(1000)
                    r = page.measure_drag_fps(name, duration_s=args.seconds)
                    r["notebook"] = H.lab_relative_path(nb)
                    results.append(r)
                    print(f"  {r['notebook']} {name}: {r['fps']:.1f} fps", flush=True)
            finally:
                page.close()
                lab.shutdown_kernels()

    path = H.write_fps_results(results)
    print()
    print(H.fps_table(results))
    lines, met = H.target_report(results)
    print()
    print("\n".join(lines))
    print(f"\nwritten to {path}")
    return 1 if args.enforce and not met else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fixtures for the real-browser tests (marker ``browser``).

Which notebooks: every ``notebooks/*.ipynb``, plus the harness's own demo notebook(s) under
``tests/browser/fixtures/`` when ``INFOLIB_BROWSER_FIXTURES=1``. ``INFOLIB_BROWSER_ONLY=<substring>``
narrows the list. One JupyterLab server and one Chromium serve the whole session; each notebook
gets a fresh browser context and kernel, shared by the tests of that notebook (run once, then
checked, dragged and timed).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import lab_harness as H


def _selected_notebooks() -> list[Path]:
    notebooks = H.repo_notebooks()
    if os.environ.get("INFOLIB_BROWSER_FIXTURES") == "1":
        notebooks += H.fixture_notebooks()
    only = os.environ.get("INFOLIB_BROWSER_ONLY")
    if only:
        notebooks = [nb for nb in notebooks if only in nb.as_posix()]
    return notebooks


SELECTED = _selected_notebooks()

# The demo notebook is the harness's own fixture: not a course notebook for nbval to check.
collect_ignore_glob = ["fixtures/*"]


def pytest_generate_tests(metafunc):
    if "notebook" in metafunc.fixturenames:
        if SELECTED:
            params = [pytest.param(nb, id=H.lab_relative_path(nb)) for nb in SELECTED]
        else:
            params = [
                pytest.param(
                    None,
                    id="no-notebooks",
                    marks=pytest.mark.skip(
                        reason="no notebooks/*.ipynb yet; INFOLIB_BROWSER_FIXTURES=1 adds the demo fixture"
                    ),
                )
            ]
        metafunc.parametrize("notebook", params, scope="module")


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = H.ARTIFACTS_DIR / "browser"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _skip_without_chromium() -> None:
    if not H.chromium_available():
        pytest.skip(f"{H.CHROMIUM} is missing (apt-get install -y chromium); .ci/run installs it")
    pytest.importorskip("playwright", reason="playwright (Python) is not installed")


@pytest.fixture(scope="session")
def lab(artifacts_dir):
    _skip_without_chromium()
    with H.lab_server(SELECTED, keep_log_to=artifacts_dir / "jupyterlab.log") as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session (JupyterLab and Voila tests alike; Playwright's sync API
    allows only one running instance per thread, so every browser test shares this one)."""
    _skip_without_chromium()
    with H.chromium_browser() as b:
        yield b


@pytest.fixture(scope="module")
def executed(notebook, lab, browser, artifacts_dir):
    """The notebook opened in JupyterLab with all cells run (menu Run > Run All Cells)."""
    with H.run_all_page(browser, lab, notebook, artifacts_dir, notebook.stem) as page:
        yield page

"""Drive JupyterLab in headless Chromium: shared by the browser tests and benchmarks/browser_fps.py.

Nothing here imports playwright at module level, so ``pytest --doctest-modules`` can import
this file on a machine without it.

The DOM contract with the explorers (``infolib.explorers``) that this relies on:

* each explorer's top widget has the classes ``infolib-explorer`` and ``infolib-explorer-<name>``;
* its main slider (an ipywidgets ``FloatSlider``/``IntSlider``) has ``infolib-main-control``;
* its readout (an ipywidgets ``HTML``) has ``infolib-readout`` and holds
  ``<span class="infolib-value" data-quantity=... data-value=... data-expected-from=...>``
  where ``data-expected-from`` is JSON ``{"function": ..., "args": [...], "kwargs": {...}}``
  naming the ``infolib`` function whose result is ``data-value``;
* its figure is an ipympl canvas inside the box.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"
CHROMIUM = os.environ.get("INFOLIB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
# Frame-rate targets for the explorers during a drag (benchmarks/browser_fps.py reports them).
FPS_TARGET = 20.0  # every explorer
MEDIAN_FPS_TARGET = 24.0  # the median explorer
NAIVE_RATIO_TARGET = 3.0  # every explorer against the naive new-figure-per-change fixture
FINAL_FRAME_MS_TARGET = 150.0  # last pointer move -> last frame painted

# Every timeout is generous: CI runs this on a 2-core machine next to a kernel and a server.
SERVER_START_TIMEOUT_S = 180
PAGE_LOAD_TIMEOUT_MS = 180_000
RUN_ALL_TIMEOUT_S = 300
UPDATE_TIMEOUT_MS = 60_000

# Top-level entries of the repo copied into the throwaway JupyterLab root (so that a notebook's
# relative paths such as ../assets/x.png still resolve, while the repo's files are never touched).
_NOT_COPIED = {
    ".git",
    ".pytest_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
    "__pycache__",
    ".venv",
    "test-artifacts",
    "build",
    "dist",
    "infolib",
    "tests",
    "benchmarks",
}

# JupyterLab user settings for the test profile: no internet (news, update checks), no autosave,
# and every cell laid out ("none"; JupyterLab's default, "contentVisibility", skips the layout of
# cells out of view, which tests that read or screenshot every cell cannot have).
_LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def repo_notebooks() -> list[Path]:
    return sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))


def fixture_notebooks() -> list[Path]:
    return sorted(FIXTURES_DIR.glob("*.ipynb"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lab_relative_path(notebook: Path) -> str:
    """Where ``notebook`` (a repo file) sits inside the lab root (a mirror of the repo layout)."""
    return notebook.resolve().relative_to(REPO_ROOT).as_posix()


def make_lab_root(dest: Path, notebooks: list[Path]) -> Path:
    """Copy the repo's non-code top-level entries and ``notebooks`` (repo paths) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in REPO_ROOT.iterdir():
        if entry.name in _NOT_COPIED or entry.name.endswith(".egg-info"):
            continue
        if entry.is_dir():
            shutil.copytree(
                entry, dest / entry.name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
            )
        else:
            shutil.copy2(entry, dest / entry.name)
    for nb in notebooks:
        target = dest / lab_relative_path(nb)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(nb, target)
    return dest


class _ServerProcess:
    """A Jupyter-family server run as a subprocess with a throwaway profile and a log file.

    Subclasses give the ``NAME``, ``START_TIMEOUT_S``, ``command()`` and ``_ready()``;
    ``start`` retries on a fresh free port, ``stop`` ends the process.
    """

    NAME = "server"
    START_TIMEOUT_S = 120.0

    def __init__(self, root_dir: Path, workdir: Path, log_path: Path):
        self.root_dir = Path(root_dir)
        self.workdir = Path(workdir)
        self.port: int | None = None
        self.proc: subprocess.Popen | None = None
        self.log_path = log_path
        self._log = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def _ready(self) -> bool:
        raise NotImplementedError

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("config", "data", "runtime", "ipython"):
            (self.workdir / name).mkdir(parents=True, exist_ok=True)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.workdir / "config"),
            JUPYTER_DATA_DIR=str(self.workdir / "data"),  # the venv's share/jupyter is still searched
            JUPYTER_RUNTIME_DIR=str(self.workdir / "runtime"),
            IPYTHONDIR=str(self.workdir / "ipython"),
            JUPYTER_PLATFORM_DIRS="1",
            PYTHONUNBUFFERED="1",
        )
        env.pop("JUPYTER_TOKEN", None)
        env.pop("MPLBACKEND", None)
        return env

    def start(self, attempts: int = 3):
        last_error = ""
        self.workdir.mkdir(parents=True, exist_ok=True)
        for _ in range(attempts):
            self.port = _free_port()
            self._log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(
                self.command(),
                cwd=self.root_dir,
                env=self._env(),
                stdout=self._log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + self.START_TIMEOUT_S
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    last_error = f"{self.NAME} exited with code {self.proc.returncode}"
                    break
                if self._ready():
                    return self
                time.sleep(0.5)
            else:
                last_error = f"{self.NAME} was not ready within {self.START_TIMEOUT_S} s"
            self.stop()
        tail = self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""
        raise RuntimeError(f"could not start {self.NAME}: {last_error}\n--- log tail ---\n{tail}")

    def _request_shutdown(self, proc: subprocess.Popen) -> None:
        """Ask the server to shut down cleanly (default: SIGTERM)."""
        proc.terminate()

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            self._request_shutdown(proc)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=15)
        if self._log is not None:
            self._log.close()
            self._log = None


class LabServer(_ServerProcess):
    """A private JupyterLab server on 127.0.0.1 with a random token and a throwaway profile."""

    NAME = "jupyter lab"
    START_TIMEOUT_S = SERVER_START_TIMEOUT_S
    APP = "lab"  # ``jupyter <APP>``
    APP_CLASS = "LabApp"  # the app's traitlets class, for its own options
    # Nothing may reach the internet: no news feed, no update check, no PyPI lookups.
    APP_OPTIONS = (
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    )

    def __init__(self, root_dir: Path, workdir: Path, log_path: Path | None = None,
                 windowing_mode: str = "none"):
        super().__init__(root_dir, workdir, log_path or Path(workdir) / "jupyterlab.log")
        self.token = secrets.token_hex(24)
        self.windowing_mode = windowing_mode

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{sep}token={self.token}"

    def _write_settings(self) -> Path:
        settings = self.workdir / "user-settings"
        for rel, content in _LAB_SETTINGS.items():
            if rel.endswith("tracker.jupyterlab-settings"):
                content = {**content, "windowingMode": self.windowing_mode}
            path = settings / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content))
        return settings

    def command(self) -> list[str]:
        settings = self._write_settings()
        app = self.APP_CLASS
        return [
            sys.executable,
            "-m",
            "jupyter",
            self.APP,
            "--no-browser",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            *self.APP_OPTIONS,
            f"--{app}.expose_app_in_browser=True",  # window.jupyterapp: a fallback for commands
            f"--{app}.user_settings_dir={settings}",
            f"--{app}.workspaces_dir={self.workdir / 'workspaces'}",
        ]

    def document_path(self, lab_path: str) -> str:
        """The URL path that opens ``lab_path`` (a notebook inside the root) in this app.

        A workspace of its own per page: the default one would reopen the previous notebooks'
        tabs (workspaces live on the server), and their explorers would share the DOM.
        """
        return f"lab/workspaces/infolib-test-{secrets.token_hex(4)}/tree/{lab_path}"

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.url("api/status"), timeout=5) as r:
                return r.status == 200
        except (OSError, urllib.error.URLError):
            return False

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
        return json.loads(body) if body else None

    def kernels_idle(self) -> bool:
        """True when every running kernel reports execution_state 'idle'."""
        try:
            kernels = self.api("api/kernels")
        except (OSError, urllib.error.URLError, ValueError):
            return False
        return bool(kernels) and all(k.get("execution_state") == "idle" for k in kernels)

    def shutdown_kernels(self) -> None:
        """Delete every session (and so its kernel): a closed page leaves its kernel running."""
        with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
            for session in self.api("api/sessions") or []:
                self.api(f"api/sessions/{session['id']}", method="DELETE")

    def _request_shutdown(self, proc: subprocess.Popen) -> None:
        with contextlib.suppress(OSError, urllib.error.URLError):
            self.api("api/shutdown", method="POST")  # also shuts the kernels down


def notebook7_available() -> bool:
    """True when Jupyter Notebook 7 (the ``notebook`` package, >= 7) is installed here."""
    import importlib.metadata

    try:
        return int(importlib.metadata.version("notebook").split(".")[0]) >= 7
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False


class NotebookServer(LabServer):
    """Jupyter Notebook 7 (``jupyter notebook``): the same server, settings and extensions as
    JupyterLab, one document per browser tab at ``/notebooks/<path>``."""

    NAME = "jupyter notebook"
    APP = "notebook"
    APP_CLASS = "JupyterNotebookApp"
    APP_OPTIONS = ()

    def document_path(self, lab_path: str) -> str:
        return f"notebooks/{lab_path}"


@contextlib.contextmanager
def _server_on_a_copy(prefix: str, notebooks: list[Path], make_server, keep_log_to: Path | None):
    """``make_server(root, workdir)`` started on a temporary copy of the repo with ``notebooks``;
    on exit it is stopped and its log copied to ``keep_log_to``."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        tmp = Path(tmp)
        server = make_server(make_lab_root(tmp / "root", notebooks), tmp / "profile-work")
        try:
            yield server.start()
        finally:
            server.stop()
            if keep_log_to is not None and server.log_path.exists():
                keep_log_to.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(server.log_path, keep_log_to)


@contextlib.contextmanager
def lab_server(notebooks: list[Path], keep_log_to: Path | None = None, server_class=None,
               windowing_mode: str = "none"):
    """A started LabServer (or ``server_class``, e.g. NotebookServer) whose root is a temporary
    copy of the repo's notebooks.

    ``windowing_mode`` is JupyterLab's notebook setting: the tests keep every cell laid out
    (``"none"``); ``"contentVisibility"`` is JupyterLab's default, what a learner gets."""

    def make_server(root: Path, workdir: Path) -> LabServer:
        return (server_class or LabServer)(root, workdir, windowing_mode=windowing_mode)

    with _server_on_a_copy("infolib-lab-", notebooks, make_server, keep_log_to) as server:
        yield server


# --------------------------------------------------------------------------- Voila

VOILA_READY_TIMEOUT_S = 120


def voila_available() -> bool:
    """True when the ``voila`` package (the ``present`` extra) is installed in this Python."""
    import importlib.util

    return importlib.util.find_spec("voila") is not None


class VoilaServer(_ServerProcess):
    """``voila <notebook>`` on 127.0.0.1 (a free port), run from a throwaway copy of the repo.

    The command is the one a lecturer types, plus the port and a test-only profile:

        voila notebooks/01_entropy.ipynb --no-browser --port=8866 --Voila.ip=127.0.0.1

    Voila needs no ``--allow-root`` (it is not a Jupyter Server app) and fetches nothing at
    start. It executes the notebook in a new kernel on *every* page load, so readiness is read
    from its log and a TCP connect, never from a GET of the page.
    """

    NAME = "voila"
    START_TIMEOUT_S = VOILA_READY_TIMEOUT_S
    # stop() sends SIGTERM; Voila then shuts down every kernel it started (one per page load).

    def __init__(self, root_dir: Path, notebook_rel: str, workdir: Path, log_path: Path | None = None):
        super().__init__(root_dir, workdir, log_path or Path(workdir) / "voila.log")
        self.notebook_rel = notebook_rel

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "voila",
            self.notebook_rel,
            "--no-browser",
            f"--port={self.port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
            "--VoilaConfiguration.show_tracebacks=True",  # a traceback in the page, not a bare "error"
        ]

    def _listening(self) -> bool:
        with socket.socket() as s:
            s.settimeout(1)
            return s.connect_ex(("127.0.0.1", self.port)) == 0

    def _ready(self) -> bool:
        log = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "is running at" in log and self._listening()


@contextlib.contextmanager
def voila_server(notebook: Path, keep_log_to: Path | None = None):
    """A started VoilaServer for ``notebook`` (a repo path), served from a temporary copy."""

    def make_server(root: Path, workdir: Path) -> VoilaServer:
        return VoilaServer(root, lab_relative_path(notebook), workdir)

    with _server_on_a_copy("infolib-voila-", [notebook], make_server, keep_log_to) as server:
        yield server


# --------------------------------------------------------------------------- browser side


@contextlib.contextmanager
def chromium_browser():
    """Headless Debian Chromium via Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclasses.dataclass
class DragResult:
    """What a drag of an explorer's main slider changed (``NotebookPage.drag_main_slider``)."""

    name: str
    before_state: str | None
    after_state: str | None
    before_values: list[dict]
    after_values: list[dict]
    readout_changed: bool
    canvas_changed: bool

    def check(self, context: str = "") -> None:
        """Assert that the readout changed, the slider moved, the readout's recipe changed and
        still equals infolib's result, and the canvas pixels changed. ``context`` ends the
        readout message, e.g. ``" in Voila"``."""
        name = f"explorer {self.name!r}"
        assert self.readout_changed, f"{name}: readout did not change after the drag{context}"
        assert self.after_state != self.before_state, f"{name}: the slider did not move"
        recipes_before = [v["expectedFrom"] for v in self.before_values]
        assert [v["expectedFrom"] for v in self.after_values] != recipes_before, (
            f"{name}: the readout's recipe (the explorer's state) did not change"
        )
        bad = readout_mismatches(self.after_values)
        assert not bad, f"{name} after the drag: " + "; ".join(bad)
        assert self.canvas_changed, f"{name}: canvas pixels did not change after the drag"


class NotebookPage:
    """One notebook opened in JupyterLab in a fresh browser context (localhost only)."""

    def __init__(self, browser, server: LabServer, lab_path: str, viewport=(1400, 1000)):
        self.server = server
        self.lab_path = lab_path
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.context.set_default_timeout(UPDATE_TIMEOUT_MS)
        self.blocked_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.run_how: str | None = None  # "menu" or "command", once run_all ran the cells
        self.context.route("**/*", self._only_localhost)
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))

    def _only_localhost(self, route):
        url = route.request.url
        host = url.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
        if url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost", "[::1]"):
            route.continue_()
        else:
            self.blocked_requests.append(url)
            route.abort()

    def _on_console(self, msg):
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def close(self) -> None:
        self.context.close()

    def write_browser_log(self, path: Path) -> None:
        """Save how Run All ran (if it did), blocked non-localhost requests, console errors and
        page errors as JSON."""
        log = {"run_all_via": self.run_how} if self.run_how else {}
        log.update(
            blocked_non_localhost_requests=self.blocked_requests,
            console_errors=self.console_errors,
            page_errors=self.page_errors,
        )
        path.write_text(json.dumps(log, indent=2))

    # -- opening and running ---------------------------------------------------------------
    def open(self) -> None:
        page = self.page
        page.goto(self.server.url(self.server.document_path(self.lab_path)), timeout=PAGE_LOAD_TIMEOUT_MS)
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=PAGE_LOAD_TIMEOUT_MS)
        # The kernel must be connected before Run All (else cells queue behind "Connecting").
        page.wait_for_function(
            """() => {
                const app = window.jupyterapp;
                const w = app && app.shell.currentWidget;
                const k = w && w.sessionContext && w.sessionContext.session
                    && w.sessionContext.session.kernel;
                return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
            }""",
            timeout=PAGE_LOAD_TIMEOUT_MS,
            polling=500,
        )
        self._dismiss_dialogs()

    def _dismiss_dialogs(self) -> None:
        # e.g. "Select Kernel" for a notebook without kernelspec metadata: accept the default.
        dialog = self.page.locator(".jp-Dialog .jp-mod-accept")
        if dialog.count():
            dialog.first.click()

    def run_all(self) -> str:
        """Run > Run All Cells through the menu bar (falls back to the command). Returns how."""
        page = self.page
        page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        try:
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click(timeout=10_000)
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click(timeout=10_000)
            how = "menu"
        except Exception:
            page.keyboard.press("Escape")
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            how = "command"
        self.run_how = how
        self.wait_until_executed()
        return how

    def wait_until_executed(self, timeout_s: float = RUN_ALL_TIMEOUT_S) -> None:
        """Wait for Run All to finish.

        Done = no cell shows ``[*]``, the kernel says idle both in the page (the session's
        kernel status) and on the server (``/api/kernels``), and every code cell shows an
        execution count, all stable for a second. A cell that raised makes JupyterLab drop the
        rest of the queue (their prompts go back to ``[ ]``), so "idle with nothing queued" for
        5 s also ends the wait; the caller then sees the error output / unexecuted cells.
        """
        deadline = time.monotonic() + timeout_s
        stable_since = None
        state = {}
        while time.monotonic() < deadline:
            state = self.cell_prompts_and_kernel()
            prompts = state["prompts"]
            idle = (
                state["kernel"] == "idle"
                and not any("*" in p for p in prompts)
                and self.server.kernels_idle()
            )
            if idle:
                stable_since = stable_since or time.monotonic()
                quiet = time.monotonic() - stable_since
                if (quiet >= 1.0 and not self.unexecuted_cells(prompts)) or quiet >= 5.0:
                    return
            else:
                stable_since = None
            time.sleep(0.5)
        raise TimeoutError(f"notebook did not finish executing in {timeout_s} s: {state}")

    def cell_prompts_and_kernel(self) -> dict:
        return self.page.evaluate(
            """() => {
                const prompts = [...document.querySelectorAll(
                    '.jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt')]
                    .map(p => p.textContent.trim());
                const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                const k = w && w.sessionContext && w.sessionContext.session
                    && w.sessionContext.session.kernel;
                return {prompts, kernel: k ? k.status : null};
            }"""
        )

    @staticmethod
    def unexecuted_cells(prompts: list[str]) -> list[int]:
        """Indices (among code cells) whose prompt has no execution count."""
        return [i for i, p in enumerate(prompts) if not any(ch.isdigit() for ch in p)]

    # -- single cells ------------------------------------------------------------------------
    def cell_index(self, source_contains: str) -> int | None:
        """Index (among all cells) of the first code cell whose source contains the text."""
        return self.page.evaluate(
            """(text) => {
                const panel = window.jupyterapp.shell.currentWidget;
                const i = panel.content.widgets.findIndex(c => c.model.type === 'code'
                    && c.model.sharedModel.getSource().includes(text));
                return i < 0 ? null : i;
            }""",
            source_contains,
        )

    def cell_execution_count(self, index: int) -> int | None:
        return self.page.evaluate(
            "(i) => window.jupyterapp.shell.currentWidget.content.widgets[i].model.executionCount",
            index,
        )

    def shift_enter_cell(self, index: int) -> None:
        """Click into the cell's editor (as a learner does) and press Shift-Enter."""
        editor = (
            self.page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")
            .nth(index)
            .locator(".jp-InputArea-editor")
        )
        editor.scroll_into_view_if_needed()
        editor.click()
        self.page.keyboard.press("Shift+Enter")

    def append_and_run_cell(self, source: str, timeout_s: float = 120) -> str:
        """Add a code cell at the end of the notebook (in the page only: never saved), run it,
        wait for the kernel and return the text of its outputs."""
        index = self.page.evaluate(
            """(src) => {
                const app = window.jupyterapp;
                const panel = app.shell.currentWidget;
                const nb = panel.content;
                nb.activeCellIndex = nb.widgets.length - 1;
                nb.mode = 'command';
                return app.commands.execute('notebook:insert-cell-below').then(() => {
                    const cell = nb.activeCell;
                    cell.model.sharedModel.setSource(src);
                    return nb.activeCellIndex;
                });
            }""",
            source,
        )
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-cell')")
        poll(lambda: self.cell_execution_count(index), 30, page=self.page)
        self.wait_until_executed(timeout_s)
        return self.page.evaluate(
            """(i) => [...window.jupyterapp.shell.currentWidget.content.widgets[i].node
                .querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText).join('\\n')""",
            index,
        )

    # -- inspecting -------------------------------------------------------------------------
    def error_outputs(self) -> list[str]:
        """Text of every stderr output (JupyterLab 4 renders tracebacks as stderr too), except in
        cells tagged ``raises-exception`` (the tag nbval and JupyterLab honour for deliberate
        errors). Printed text that merely mentions an exception does not count."""
        return self.page.evaluate(
            """() => {
                const sel = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
                const text = el => (el.innerText || '').slice(0, 3000);
                const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                if (!panel || !panel.content || !panel.content.widgets)
                    return [...document.querySelectorAll(sel)].map(text);
                const found = [];
                panel.content.widgets.forEach((cell, i) => {
                    const tags = (cell.model.getMetadata && cell.model.getMetadata('tags')) || [];
                    if (tags.includes('raises-exception')) return;
                    for (const el of cell.node.querySelectorAll(sel))
                        found.push(`cell ${i}: ` + text(el));
                });
                return found;
            }"""
        )

    def widget_display_errors(self) -> list[str]:
        return self.page.evaluate(
            """() => [...document.querySelectorAll('.jp-OutputArea-output, .jp-Notebook')]
                .filter(el => (el.innerText || '').includes('Error displaying widget'))
                .map(el => el.innerText.slice(0, 500)).slice(0, 5)"""
        )

    def explorer_names(self) -> list[str]:
        return self.page.evaluate(
            """() => [...document.querySelectorAll('.infolib-explorer')].map(el =>
                ([...el.classList].find(c => c.startsWith('infolib-explorer-')) || '')
                    .slice('infolib-explorer-'.length))"""
        )

    def explorer_selector(self, name: str) -> str:
        return f".infolib-explorer.infolib-explorer-{name}"

    def canvas_info(self, name: str) -> dict:
        """Size and visibility of the explorer's ipympl canvas (the bottom, image-bearing one)."""
        return self.page.evaluate(
            """(sel) => {
                const box = document.querySelector(sel);
                const c = box && box.querySelector('.jupyter-matplotlib-canvas-div canvas');
                if (!c) return {found: false};
                const r = c.getBoundingClientRect();
                const st = getComputedStyle(c);
                return {found: true, width: c.width, height: c.height, cssWidth: r.width,
                        cssHeight: r.height, visible: st.visibility !== 'hidden'
                        && st.display !== 'none' && r.width > 0 && r.height > 0};
            }""",
            self.explorer_selector(name),
        )

    def canvas_data_url(self, name: str) -> str | None:
        return self.page.evaluate(
            """(sel) => {
                const c = document.querySelector(sel + ' .jupyter-matplotlib-canvas-div canvas');
                return c ? c.toDataURL() : null;
            }""",
            self.explorer_selector(name),
        )

    def wait_canvas_settled(self, name: str, quiet_s: float = 1.0, timeout_s: float = 60) -> bool:
        """Wait until the canvas image has not changed for ``quiet_s``."""
        deadline = time.monotonic() + timeout_s
        last, since = None, time.monotonic()
        while time.monotonic() < deadline:
            now = self.canvas_data_url(name)
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet_s:
                return True
            self.page.wait_for_timeout(200)
        return False

    def readout_values(self, name: str) -> list[dict]:
        return self.page.evaluate(
            """(sel) => [...document.querySelectorAll(sel + ' .infolib-readout .infolib-value')]
                .map(s => ({quantity: s.dataset.quantity, value: s.dataset.value,
                            expectedFrom: s.dataset.expectedFrom, text: s.innerText}))""",
            self.explorer_selector(name),
        )

    def slider_state(self, name: str) -> str | None:
        """The slider's readout text (ipywidgets shows the value next to the track)."""
        return self.page.evaluate(
            """(sel) => {
                const s = document.querySelector(sel + ' .infolib-main-control');
                if (!s) return null;
                const r = s.querySelector('.widget-readout');
                const h = s.querySelector('.noUi-handle');
                return (r ? r.innerText || r.value : '') + '|' + (h ? h.getAttribute('aria-valuenow') : '');
            }""",
            self.explorer_selector(name),
        )

    def slider_aria(self, name: str) -> dict | None:
        """The main slider's noUiSlider handle: aria-valuemin/-max/-now (numbers; for a
        ``FloatLogSlider`` they are exponents) and the readout text next to the track."""
        return self.page.evaluate(
            """(sel) => {
                const s = document.querySelector(sel + ' .infolib-main-control');
                const h = s && s.querySelector('.noUi-handle');
                if (!h) return null;
                const r = s.querySelector('.widget-readout');
                const num = a => parseFloat(h.getAttribute(a));
                return {min: num('aria-valuemin'), max: num('aria-valuemax'),
                        now: num('aria-valuenow'), readout: r ? (r.innerText || r.value || '') : ''};
            }""",
            self.explorer_selector(name),
        )

    def canvas_has_image(self, name: str) -> bool:
        """True when the explorer's visible ipympl canvas has at least one non-transparent pixel."""
        return self.page.evaluate(
            """(sel) => {
                const c = document.querySelector(sel + ' .jupyter-matplotlib-canvas-div canvas');
                if (!c || !c.width || !c.height) return false;
                const d = c.getContext('2d', {willReadFrequently: true})
                    .getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
                return false;
            }""",
            self.explorer_selector(name),
        )

    def wait_kernel_quiet(self, quiet_s: float = 1.0, timeout_s: float = 60) -> bool:
        """Wait until the kernel has been idle (page and server agree) for ``quiet_s``: every
        widget message a drag sent has been handled."""
        deadline = time.monotonic() + timeout_s
        since = None
        while time.monotonic() < deadline:
            idle = self.cell_prompts_and_kernel()["kernel"] == "idle" and self.server.kernels_idle()
            if idle:
                since = since or time.monotonic()
                if time.monotonic() - since >= quiet_s:
                    return True
            else:
                since = None
            self.page.wait_for_timeout(200)
        return False

    # -- dragging ---------------------------------------------------------------------------
    def handle_and_track(self, name: str):
        """Bounding boxes of the main slider's draggable handle and of its track."""
        sel = self.explorer_selector(name)
        control = self.page.locator(f"{sel} .infolib-main-control").first
        handle = control.locator(".noUi-handle").first
        track = control.locator(".noUi-base, .noUi-target").first
        # Scrolling lays out cells that were out of view (JupyterLab's default windowing skips
        # them), which can move the slider again: scroll until its box stays put.
        box = None
        for _ in range(20):
            control.scroll_into_view_if_needed()
            self.page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
            )
            previous, box = box, (handle.bounding_box(), track.bounding_box())
            if box == previous:
                break
        return handle, box[0], box[1]

    def _drag_handle_to(self, hb: dict, x1: float, steps: int) -> None:
        """Press the mouse on the handle (bounding box ``hb``), move it to ``x1``, release."""
        x0, y0 = hb["x"] + hb["width"] / 2, hb["y"] + hb["height"] / 2
        m = self.page.mouse
        m.move(x0, y0)
        m.down()
        m.move(x1, y0, steps=steps)
        m.up()

    def drag_slider(self, name: str, fraction: float, steps: int = 20) -> None:
        """Drag the handle with the mouse to ``fraction`` (0..1) of the track."""
        _, hb, tb = self.handle_and_track(name)
        self._drag_handle_to(hb, tb["x"] + fraction * tb["width"], steps)

    def drag_main_slider(self, name: str, settle_s: float) -> DragResult:
        """Drag the main slider to 0.8 or 0.2 of its track (whichever is farther from the
        handle), then wait up to ``settle_s`` each for the readout to change, the canvas to
        change, the kernel (when there is a server to ask) and the canvas to be quiet for 1 s.
        Returns what changed; the caller asserts."""
        before_state = self.slider_state(name)
        before_values = self.readout_values(name)
        before_canvas = self.canvas_data_url(name)
        _, hb, tb = self.handle_and_track(name)
        at = (hb["x"] + hb["width"] / 2 - tb["x"]) / tb["width"]
        self.drag_slider(name, 0.8 if at < 0.5 else 0.2)

        old = [v["value"] for v in before_values]
        readout_changed = bool(
            poll(
                lambda: (v := self.readout_values(name)) and [a["value"] for a in v] != old,
                settle_s,
                page=self.page,
            )
        )
        if readout_changed:  # else the caller fails at once: no need to wait for the figure
            # The figure follows the readout; let it settle (same image for 1 s) before comparing.
            poll(lambda: self.canvas_data_url(name) != before_canvas, settle_s, page=self.page)
            if self.server is not None:  # Voila: no kernel API to ask
                self.wait_kernel_quiet(quiet_s=1.0, timeout_s=settle_s)
            self.wait_canvas_settled(name, quiet_s=1.0, timeout_s=settle_s)
        return DragResult(
            name=name,
            before_state=before_state,
            after_state=self.slider_state(name),
            before_values=before_values,
            after_values=self.readout_values(name),  # final values, after the last update landed
            readout_changed=readout_changed,
            canvas_changed=self.canvas_data_url(name) != before_canvas,
        )

    def drag_slider_beyond(self, name: str, end: str, overshoot_px: float = 60, steps: int = 20) -> None:
        """Drag the handle with the mouse past the track's ``"min"`` or ``"max"`` end (by
        ``overshoot_px``, kept inside the viewport), as a learner flinging it to the end does."""
        _, hb, tb = self.handle_and_track(name)
        width = (self.page.viewport_size or {"width": 1400})["width"]
        if end == "min":
            x1 = max(1.0, tb["x"] - overshoot_px)
        elif end == "max":
            x1 = min(width - 1.0, tb["x"] + tb["width"] + overshoot_px)
        else:
            raise ValueError(f"end must be 'min' or 'max', not {end!r}")
        self._drag_handle_to(hb, x1, steps)

    def install_frame_counter(self, name: str) -> None:
        """Count the frames ipympl paints on the explorer's visible canvas.

        ipympl 0.10 receives each render as a PNG (or a diff PNG) over the comm, decodes it onto
        an offscreen canvas and copies that onto the view's visible <canvas> (the first canvas in
        .jupyter-matplotlib-canvas-div; the second is the rubber-band overlay) with one
        ``drawImage``. Explorers send a frame only when a control moved the plot, so each such
        ``drawImage`` is one displayed, changed frame. Hooking it costs nothing per frame, unlike
        hashing the canvas pixels on every animation frame, which would compete with the very
        rendering being measured on a 2-core machine. The canvas is re-queried on each call
        because a new-figure-per-change explorer replaces it.
        """
        self.page.evaluate(
            """(sel) => {
                if (window.__infolibFps) window.__infolibFps.stop = true;
                const st = {frames: 0, ticks: 0, stop: false, running: false, times: [],
                            painted: [], lastMove: null};
                window.__infolibFps = st;
                const target = () => document.querySelector(
                    sel + ' .jupyter-matplotlib-canvas-div canvas');
                const proto = CanvasRenderingContext2D.prototype;
                if (!proto.__infolibOriginalDrawImage) {
                    proto.__infolibOriginalDrawImage = proto.drawImage;
                }
                const original = proto.__infolibOriginalDrawImage;
                proto.drawImage = function (...args) {
                    const s = window.__infolibFps;
                    if (s && !s.stop && this.canvas === target()) {
                        if (s.running) {
                            s.frames++;
                            s.times.push(performance.now());
                        }
                        s.painted.push(performance.now());  // during and after the drag
                    }
                    return original.apply(this, args);
                };
                const loop = () => {
                    if (st.stop) return;
                    if (st.running) st.ticks++;
                    requestAnimationFrame(loop);
                };
                requestAnimationFrame(loop);
            }""",
            self.explorer_selector(name),
        )

    def measure_drag_fps(self, name: str, duration_s: float = 3.0, step_px: float = 4.0) -> dict:
        """Drag the main slider back and forth for ``duration_s`` and count displayed frames.

        The mouse goes down on the handle through Playwright (a real press), then the page
        itself moves the pointer once per animation frame (~60 events per second, like a hand
        drag) by dispatching ``pointermove`` events; driving each move from Python would cost a
        round trip to the browser per event and cap the drag at about 20 events per second,
        measuring the harness instead of the explorer. Frames are counted as in
        :meth:`install_frame_counter`.
        """
        page = self.page
        self.install_frame_counter(name)
        _, hb, tb = self.handle_and_track(name)
        y = hb["y"] + hb["height"] / 2
        x = hb["x"] + hb["width"] / 2
        lo, hi = tb["x"] + 0.05 * tb["width"], tb["x"] + 0.95 * tb["width"]
        # A discrete slider (integers) changes value only every track_width / n_values pixels:
        # move at least that far per event, as a quick hand drag does, so every event is a change.
        aria = self.slider_aria(name) or {}
        span = (aria.get("max") or 0) - (aria.get("min") or 0)
        if span and "." not in str(aria.get("readout", "")):
            step_px = max(step_px, 1.05 * 0.9 * tb["width"] / span)
        m = page.mouse
        m.move(x, y)
        m.down()
        result = page.evaluate(
            """async ([x, y, lo, hi, step, seconds]) => {
                const st = window.__infolibFps;
                st.running = true;
                let direction = 1, moves = 0;
                const t0 = performance.now();
                await new Promise((done) => {
                    const tick = (t) => {
                        if (t - t0 >= seconds * 1000) { done(); return; }
                        x += direction * step;
                        if (x >= hi || x <= lo) { direction = -direction; x = Math.min(Math.max(x, lo), hi); }
                        const init = {clientX: x, clientY: y, bubbles: true, cancelable: true,
                                      pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: 1};
                        const el = document.elementFromPoint(x, y) || document.body;
                        el.dispatchEvent(new PointerEvent('pointermove', init));
                        el.dispatchEvent(new MouseEvent('mousemove', init));
                        st.lastMove = performance.now();
                        moves++;
                        requestAnimationFrame(tick);
                    };
                    requestAnimationFrame(tick);
                });
                st.running = false;
                return {frames: st.frames, ticks: st.ticks, moves,
                        seconds: (performance.now() - t0) / 1000, x};
            }""",
            [x, y, lo, hi, step_px, duration_s],
        )
        m.move(result["x"], y)
        m.up()
        final_ms = self._final_frame_delay()
        page.evaluate("() => { window.__infolibFps.stop = true; }")
        frames, elapsed = result["frames"], result["seconds"]
        return {
            "final_frame_ms": final_ms,
            "explorer": name,
            "frames": frames,
            "seconds": round(elapsed, 3),
            "fps": round(frames / elapsed, 2),
            "animation_frames": result["ticks"],
            "mouse_moves": result["moves"],
        }

    def _final_frame_delay(self, quiet_ms: float = 1000, timeout_ms: float = 10_000) -> float | None:
        """After a drag measured by :meth:`measure_drag_fps`: once no frame has been painted for
        ``quiet_ms``, the time from the last pointer move to the last frame painted, in ms (0 when
        the last frame came before the last move, which then changed nothing on the figure)."""
        state = self.page.evaluate(
            """async ([quiet, timeout]) => {
                const st = window.__infolibFps, t0 = performance.now();
                const last = () => st.painted.length ? st.painted[st.painted.length - 1] : -Infinity;
                while (performance.now() - t0 < timeout
                       && performance.now() - Math.max(last(), st.lastMove) < quiet) {
                    await new Promise(r => setTimeout(r, 50));
                }
                return {lastMove: st.lastMove, lastPaint: last()};
            }""",
            [quiet_ms, timeout_ms],
        )
        if state["lastMove"] is None or not math.isfinite(state["lastPaint"]):
            return None
        return round(max(0.0, state["lastPaint"] - state["lastMove"]), 1)

    def screenshot_full(self, path: Path) -> None:
        """JupyterLab scrolls inside the notebook panel, so a "full page" screenshot needs a
        viewport as tall as the notebook: grow it, shoot, restore."""
        path.parent.mkdir(parents=True, exist_ok=True)
        vp = self.page.viewport_size
        height = self.page.evaluate(
            """() => {
                const nb = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')
                    || document.querySelector('.jp-NotebookPanel .jp-Notebook');
                return nb ? nb.scrollHeight + 200 : document.body.scrollHeight;
            }"""
        )
        tall = int(min(max(height, vp["height"]), 12000))
        self.page.set_viewport_size({"width": vp["width"], "height": tall})
        self.page.evaluate(
            """() => { for (const el of document.querySelectorAll(
                '.jp-NotebookPanel .jp-WindowedPanel-outer, .jp-NotebookPanel .jp-Notebook'))
                el.scrollTop = 0; }"""
        )
        self.page.wait_for_timeout(500)
        try:
            self.page.screenshot(path=str(path), full_page=True)
        finally:
            self.page.set_viewport_size(vp)


@contextlib.contextmanager
def run_all_page(browser, server: LabServer, notebook: Path, artifacts_dir: Path, stem: str):
    """A NotebookPage of ``notebook`` (a repo path) on ``server`` with all cells run (menu Run >
    Run All Cells). On exit: ``<stem>.png`` (the whole notebook) and ``<stem>.browser-log.json``
    in ``artifacts_dir``, the page closed and the server's kernels shut down."""
    page = NotebookPage(browser, server, lab_relative_path(notebook))
    try:
        page.open()
        page.run_all()
        yield page
    finally:
        try:
            page.screenshot_full(artifacts_dir / f"{stem}.png")
        except Exception as exc:
            print(f"[browser] screenshot of {stem} failed: {exc}")
        page.write_browser_log(artifacts_dir / f"{stem}.browser-log.json")
        if page.blocked_requests:
            print(f"[browser] {stem}: blocked non-localhost requests: {page.blocked_requests}")
        page.close()
        server.shutdown_kernels()


def expected_value(recipe_json: str) -> float:
    """Evaluate a ``data-expected-from`` recipe with the test process's own infolib."""
    import infolib

    recipe = json.loads(recipe_json)
    func = getattr(infolib, recipe["function"])
    return float(func(*recipe.get("args", []), **recipe.get("kwargs", {})))


def readout_mismatches(values: list[dict]) -> list[str]:
    """The readout values (from ``NotebookPage.readout_values``) that differ from their recipe."""
    import math

    bad = []
    for v in values:
        expected = expected_value(v["expectedFrom"])
        shown = float(v["value"])
        if not math.isclose(shown, expected, rel_tol=1e-9, abs_tol=1e-12):
            bad.append(f"{v['quantity']} shows {shown!r} but {v['expectedFrom']} gives {expected!r}")
    return bad


def write_fps_results(results: list[dict], path: Path | None = None) -> Path:
    path = path or ARTIFACTS_DIR / "browser_fps.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = []
    if path.exists():
        with contextlib.suppress(ValueError):
            existing = json.loads(path.read_text()).get("results", [])
    keys = {(r["notebook"], r["explorer"]) for r in results}
    merged = [r for r in existing if (r.get("notebook"), r.get("explorer")) not in keys] + results
    path.write_text(json.dumps({"target_fps": FPS_TARGET, "results": merged}, indent=2) + "\n")
    return path


def fps_table(results: list[dict]) -> str:
    rows = [f"{'notebook':40} {'explorer':24} {'fps':>7} {'frames':>7} {'secs':>6} {'final ms':>9}"]
    for r in results:
        final = r.get("final_frame_ms")
        rows.append(
            f"{r['notebook']:40} {r['explorer']:24} {r['fps']:7.2f} {r['frames']:7d} "
            f"{r['seconds']:6.2f} {'-' if final is None else f'{final:.0f}':>9}"
        )
    return "\n".join(rows)


def target_report(results: list[dict], naive: str = "demo-naive") -> tuple[list[str], bool]:
    """Check the explorers' results against the frame-rate targets; fixtures (the harness's demo
    notebook) are context, not explorers. The naive-pattern ratio needs the naive fixture in the
    same run. Returns the report's lines and whether every target was met."""
    import statistics

    explorers = [r for r in results if "fixtures/" not in r["notebook"]]
    naive_fps = next((r["fps"] for r in results if r["explorer"] == naive), None)
    if not explorers:
        return ["no explorers measured"], False
    fps = [r["fps"] for r in explorers]
    finals = [r.get("final_frame_ms") for r in explorers]
    slowest = min(explorers, key=lambda r: r["fps"])
    checks = [
        (f"every explorer >= {FPS_TARGET:g} fps", min(fps) >= FPS_TARGET,
         f"slowest {slowest['explorer']} {slowest['fps']:.1f}"),
        (f"median explorer >= {MEDIAN_FPS_TARGET:g} fps", statistics.median(fps) >= MEDIAN_FPS_TARGET,
         f"median {statistics.median(fps):.1f}"),
    ]
    if naive_fps:
        checks.append((f"every explorer >= {NAIVE_RATIO_TARGET:g}x the naive pattern",
                       min(fps) >= NAIVE_RATIO_TARGET * naive_fps,
                       f"naive {naive_fps:.1f} fps; slowest is {min(fps) / naive_fps:.1f}x"))
    measured = [f for f in finals if f is not None]
    checks.append((f"last move -> final frame < {FINAL_FRAME_MS_TARGET:g} ms",
                   bool(measured) and len(measured) == len(finals) and max(measured) < FINAL_FRAME_MS_TARGET,
                   f"worst {max(measured):.0f} ms" if measured else "not measured"))
    lines = [f"{'met' if ok else 'NOT met':8} {name}: {detail}" for name, ok, detail in checks]
    return lines, all(ok for _, ok, _ in checks)


def poll(fn, timeout_s: float, interval_s: float = 0.25, page=None):
    """Call ``fn`` until it returns a truthy value or ``timeout_s`` passes; return the last value.
    With ``page``, sleep through ``page.wait_for_timeout`` so Playwright keeps pumping events."""
    deadline = time.monotonic() + timeout_s
    value = fn()
    while not value and time.monotonic() < deadline:
        if page is not None:
            page.wait_for_timeout(interval_s * 1000)
        else:
            time.sleep(interval_s)
        value = fn()
    return value

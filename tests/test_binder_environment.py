"""requirements.txt alone (what Binder's repo2docker installs) must give a working course setup.

Slow (a fresh venv and a full ``pip install -r requirements.txt``), so it runs only when
``INFOLIB_BINDER_CHECK=1`` (``.ci/run`` sets it):

    INFOLIB_BINDER_CHECK=1 python -m pytest tests/test_binder_environment.py -q

Checks: the pinned JupyterLab lists the front-end extensions the notebooks' widgets need,
``@jupyter-widgets/jupyterlab-manager`` (ipywidgets) and ``jupyter-matplotlib`` (ipympl), as
"enabled" and "OK"; Jupyter Server loads ``infolib.server_extension`` (kernel messages without
Nagle's delay); the kernel side imports ``infolib``, ``ipympl``, ``ipywidgets`` and the
libraries the notebooks call (scipy, scikit-learn); and every notebook, re-run by nbval in that
environment, still prints its stored outputs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
REQUIRED_EXTENSIONS = ["@jupyter-widgets/jupyterlab-manager", "jupyter-matplotlib"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = pytest.mark.skipif(
    os.environ.get("INFOLIB_BINDER_CHECK") != "1",
    reason="slow (fresh venv + pip install -r requirements.txt); set INFOLIB_BINDER_CHECK=1",
)


@pytest.fixture(scope="module")
def binder_venv(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("binder")
    venv = root / "venv"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV")
    }
    for name in ("config", "data", "runtime"):
        (root / name).mkdir()
    env.update(
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        # A private Jupyter profile: only what the venv itself installed may count.
        JUPYTER_CONFIG_DIR=str(root / "config"),
        JUPYTER_DATA_DIR=str(root / "data"),
        JUPYTER_RUNTIME_DIR=str(root / "runtime"),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONNOUSERSITE="1",
    )
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env, timeout=300)
    # `-e .` in requirements.txt is relative to the working directory, as on Binder (repo root).
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-r", "requirements.txt"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert install.returncode == 0, f"pip install -r requirements.txt failed:\n{install.stderr[-4000:]}"
    return venv, env


def _jupyter_listing(binder_venv, *command: str) -> str:
    """``jupyter <command>`` run in the Binder venv: its output without colour codes.

    Jupyter prints these listings on stderr (its logger) or, in older versions, on stdout."""
    venv, env = binder_venv
    run = subprocess.run(
        [str(venv / "bin" / "jupyter"), *command],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    listing = ANSI.sub("", run.stdout + run.stderr)
    assert run.returncode == 0, listing
    return listing


def test_labextensions_installed_and_enabled(binder_venv):
    listing = _jupyter_listing(binder_venv, "labextension", "list")
    for ext in REQUIRED_EXTENSIONS:
        lines = [ln for ln in listing.splitlines() if ln.split() and ln.split()[0] == ext]
        assert lines, f"{ext} not listed by `jupyter labextension list`:\n{listing}"
        words = lines[0].split()
        assert "enabled" in words and "OK" in words, f"{ext} is not 'enabled OK': {lines[0]!r}"
    assert "disabled" not in " ".join(
        ln for ln in listing.splitlines() if any(e in ln for e in REQUIRED_EXTENSIONS)
    ), listing


def test_server_extension_enabled(binder_venv):
    listing = _jupyter_listing(binder_venv, "server", "extension", "list")
    lines = [ln for ln in listing.splitlines() if "infolib.server_extension" in ln]
    assert any("enabled" in ln.split() for ln in lines), listing
    assert any("OK" in ln.split() for ln in lines), listing


def test_kernel_side_imports(binder_venv, tmp_path):
    venv, env = binder_venv
    run = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import infolib, ipympl, ipywidgets, scipy, sklearn; "
            "print(infolib.__file__, ipympl.__version__, ipywidgets.__version__)",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # not the repo root
    )
    assert run.returncode == 0, run.stderr
    assert str(REPO_ROOT / "infolib") in run.stdout, f"infolib is not the editable repo copy: {run.stdout}"


def test_every_notebook_runs_with_requirements_txt_alone(binder_venv):
    # Only what requirements.txt installs: no test extras (hypothesis, playwright, ...).
    venv, env = binder_venv
    run = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pytest", "notebooks", "-q", "-p", "no:randomly"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]

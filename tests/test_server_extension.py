"""infolib.server_extension: kernel websockets without Nagle's delay, enabled by ./jupyter-config."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("jupyter_server")

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

from infolib import server_extension
from infolib.server_extension import NoDelayKernelWebsocketConnection

REPO_ROOT = Path(__file__).resolve().parents[1]


class _Log:
    def __init__(self):
        self.messages = []

    def info(self, message, *args):
        self.messages.append(message % args if args else message)


def _serverapp(connection_class):
    return SimpleNamespace(
        web_app=SimpleNamespace(settings={"kernel_websocket_connection_class": connection_class}),
        log=_Log(),
    )


def test_replaces_the_default_connection_class():
    app = _serverapp(ZMQChannelsWebsocketConnection)
    server_extension._load_jupyter_server_extension(app)
    assert app.web_app.settings["kernel_websocket_connection_class"] is NoDelayKernelWebsocketConnection
    assert "TCP_NODELAY" in app.log.messages[0]


def test_keeps_a_connection_class_configured_otherwise():
    class GatewayLike(ZMQChannelsWebsocketConnection):
        pass

    app = _serverapp(GatewayLike)
    server_extension._load_jupyter_server_extension(app)
    assert app.web_app.settings["kernel_websocket_connection_class"] is GatewayLike
    assert "kept" in app.log.messages[0]


def test_connect_turns_nagle_off_before_connecting(monkeypatch):
    calls = []
    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: calls.append("connect"))
    connection = NoDelayKernelWebsocketConnection.__new__(NoDelayKernelWebsocketConnection)
    handler = SimpleNamespace(set_nodelay=lambda value: calls.append(("set_nodelay", value)))
    # Bypass the traitlets machinery: only the handler's set_nodelay matters here.
    monkeypatch.setattr(NoDelayKernelWebsocketConnection, "websocket_handler", handler, raising=False)
    connection.connect()
    assert calls == [("set_nodelay", True), "connect"]


def test_extension_points_name_this_module():
    assert server_extension._jupyter_server_extension_points() == [{"module": "infolib.server_extension"}]


def test_config_file_enables_this_module():
    config = json.loads((REPO_ROOT / "jupyter-config" / "infolib.json").read_text())
    assert config == {"ServerApp": {"jpserver_extensions": {"infolib.server_extension": True}}}


def test_installed_server_lists_the_extension_enabled():
    # requirements.txt installs ./jupyter-config, which puts infolib.json where this
    # environment's Jupyter Server looks for configuration.
    run = subprocess.run(
        [sys.executable, "-m", "jupyter", "server", "extension", "list"],
        capture_output=True, text=True, timeout=300,
    )
    listing = run.stdout + run.stderr
    lines = [ln for ln in listing.splitlines() if "infolib.server_extension" in ln]
    assert any("enabled" in ln for ln in lines), listing
    assert any("OK" in ln for ln in lines), listing


def test_voila_config_names_the_connection_class():
    config = json.loads((REPO_ROOT / "jupyter-config" / "voila.json").read_text())
    name = config["Voila"]["kernel_websocket_connection_class"]
    module, _, attribute = name.rpartition(".")
    assert getattr(__import__(module, fromlist=[attribute]), attribute) is NoDelayKernelWebsocketConnection


def test_voila_app_loads_the_connection_class():
    voila_app = pytest.importorskip("voila.app")
    app = voila_app.Voila()
    app.load_config_file("voila", path=app.config_file_paths)
    assert app.kernel_websocket_connection_class is NoDelayKernelWebsocketConnection

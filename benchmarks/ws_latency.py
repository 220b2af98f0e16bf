"""Kernel -> client latency through Jupyter Server's kernel websocket, with and without TCP_NODELAY.

    python benchmarks/ws_latency.py

Starts ``jupyter server`` twice from this environment, once as installed (``infolib.server_extension``
on: Nagle's algorithm off for kernel websockets) and once with the extension disabled in a private
config directory, then, with a plain websocket client (no browser), sends ``ROUNDS`` small
``execute_request`` messages one after another, as ipywidgets sends slider values. For each it
records the round trip and how long the kernel's idle status took from the kernel (its header's
date) to the client. Prints the medians. With Nagle on, the server holds every message after the
first of a burst until the client acknowledges that one, and clients delay acknowledgements by
up to 40 ms.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import datetime
from pathlib import Path

ROUNDS = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _rounds(url: str) -> tuple[float, float]:
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(url)
    round_trips, idle_delays = [], []
    for _ in range(ROUNDS):
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "username": "bench", "session": "bench",
                  "msg_type": "execute_request", "version": "5.3", "date": ""}
        content = {"code": "x = 1", "silent": False, "store_history": False,
                   "user_expressions": {}, "allow_stdin": False}
        t0 = time.time()
        await ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                           "content": content, "channel": "shell", "buffers": []}))
        while True:
            reply = await ws.read_message()
            if isinstance(reply, bytes):
                continue
            reply = json.loads(reply)
            if (reply.get("parent_header", {}).get("msg_id") == msg_id and reply["msg_type"] == "status"
                    and reply["content"]["execution_state"] == "idle"):
                now = time.time()
                sent = datetime.fromisoformat(reply["header"]["date"].replace("Z", "+00:00")).timestamp()
                round_trips.append((now - t0) * 1000)
                idle_delays.append((now - sent) * 1000)
                break
    ws.close()
    return statistics.median(round_trips), statistics.median(idle_delays)


def measure(extension_on: bool) -> tuple[float, float]:
    port, token = _free_port(), secrets.token_hex(8)
    with tempfile.TemporaryDirectory() as config:
        if not extension_on:  # the user config directory overrides the environment's
            Path(config, "jupyter_server_config.json").write_text(
                json.dumps({"ServerApp": {"jpserver_extensions": {"infolib.server_extension": False}}}))
        env = {**os.environ, "JUPYTER_CONFIG_DIR": config}
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root",
             f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
             f"--ServerApp.root_dir={config}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            request = urllib.request.Request(f"{base}/api/kernels?token={token}", data=b"{}", method="POST")
            kernel = json.loads(urllib.request.urlopen(request, timeout=60).read())["id"]
            url = f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?token={token}"
            return asyncio.run(_rounds(url))
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> int:
    print(f"{'kernel websocket':34} {'round trip (ms)':>16} {'kernel idle -> client (ms)':>27}")
    for on in (True, False):
        trip, idle = measure(on)
        label = "TCP_NODELAY (infolib extension)" if on else "Nagle on (Jupyter Server default)"
        print(f"{label:34} {trip:16.1f} {idle:27.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

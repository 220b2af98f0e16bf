"""A Jupyter Server extension: kernel messages reach the browser without Nagle's 40 ms wait.

Jupyter Server relays every kernel message to the browser over one websocket per kernel and
leaves Nagle's algorithm on for it. During a slider drag the kernel answers each value with a
few small messages (busy, the trait echo, the new frame, idle); with Nagle on, every message
after the first waits in the server's TCP buffer until the browser acknowledges the first one,
and browsers delay that acknowledgement by up to 40 ms. ipywidgets sends the next slider value
only once the kernel's idle status has arrived, so each frame of a drag paid those 40 ms:
measured with ``benchmarks/frame_profile.py``, the idle status took a median 47 ms from kernel
to page, against 3 ms the other way. This extension turns Nagle off (``TCP_NODELAY``) for
kernel websockets, as Tornado's documentation advises for latency-sensitive websockets.

``requirements.txt`` installs ``./jupyter-config``, which enables it through
``etc/jupyter/jupyter_server_config.d/infolib.json`` and gives Voila, which runs a server of its
own, the same connection class through ``etc/jupyter/voila.json``. The extension replaces only
Jupyter Server's default connection class; a server configured with another one (a kernel
gateway, say) is left as it is. To switch it off::

    jupyter server extension disable infolib.server_extension

Nothing here is imported by ``import infolib``.
"""

from __future__ import annotations

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

__all__ = ["NoDelayKernelWebsocketConnection"]

_SETTING = "kernel_websocket_connection_class"


class NoDelayKernelWebsocketConnection(ZMQChannelsWebsocketConnection):
    """Jupyter Server's kernel websocket connection, with Nagle's algorithm off."""

    def connect(self):
        # The websocket is open by now (the handler's open() calls connect()).
        self.websocket_handler.set_nodelay(True)
        return super().connect()


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "infolib.server_extension"}]


def _load_jupyter_server_extension(serverapp) -> None:
    settings = serverapp.web_app.settings
    current = settings.get(_SETTING)
    if current is ZMQChannelsWebsocketConnection:
        settings[_SETTING] = NoDelayKernelWebsocketConnection
        serverapp.log.info("infolib: kernel websockets send without Nagle's delay (TCP_NODELAY)")
    else:
        serverapp.log.info("infolib: kernel websocket class %r kept as configured", current)

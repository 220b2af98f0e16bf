"""Where one frame's time goes: a slider drag profiled end to end, in the page and in the kernel.

    python benchmarks/frame_profile.py --fixtures                         # the harness's demos
    python benchmarks/frame_profile.py notebooks/01_entropy.ipynb --only entropy,surprisal
    python benchmarks/frame_profile.py notebooks/*.ipynb --seconds 3

Runs every cell of each notebook in JupyterLab in headless /usr/bin/chromium, then, per explorer,
drags the main slider as ``browser_fps.py`` does while two probes take timestamps on one clock
(epoch milliseconds; page and kernel run on the same machine):

* in the page, on the notebook's kernel connection (``kernel.anyMessage``): each slider value
  sent, and each message received for it (the frame's image, the kernel's idle status); plus
  when ipympl paints each frame on the visible canvas;
* in the kernel (``_kernel_probe.py``, sent as a cell): the comm handler, ``update``,
  ``LiveFigure.render``, ipympl's PNG encoding, the hand-off to the IOPub thread, and the
  busy/idle statuses.

Each slider message is one cycle: ipywidgets keeps one message in flight per widget and sends
the latest value only when the kernel reports idle for the previous one. The table splits a
cycle into its parts (medians over the drag); writes test-artifacts/frame_profile.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
from tests.browser import lab_harness as H

PROBE_SOURCE = Path(__file__).with_name("_kernel_probe.py")

PAGE_PROBE = """(sel) => {
    const panel = window.jupyterapp.shell.currentWidget;
    const kernel = panel.sessionContext.session.kernel;
    const now = () => performance.timeOrigin + performance.now();
    if (window.__frameProbe) window.__frameProbe.stop = true;
    const log = {msgs: [], paints: [], dataurl: [], arrivals: [], stop: false, on: false};
    window.__frameProbe = log;
    // When each raw websocket message arrived, before JupyterLab deserialises and dispatches
    // it: messages are dispatched in arrival order, so the n-th received message is the n-th
    // arrival.
    const ws = kernel._ws;
    if (ws && !ws.__probed) {
        const onmessage = ws.onmessage;
        ws.onmessage = function (ev) {
            const s = window.__frameProbe;
            if (s && s.on && !s.stop) s.arrivals.push(now());
            return onmessage.call(this, ev);
        };
        ws.__probed = true;
    }
    kernel.anyMessage.connect((_, args) => {
        if (log.stop || !log.on) return;
        const m = args.msg, h = m.header, c = m.content || {};
        const e = {t: now(), arrived: args.direction === 'recv' ? log.arrivals.shift() : null,
                   dir: args.direction, type: h.msg_type, id: h.msg_id,
                   parent: (m.parent_header || {}).msg_id, date: h.date, comm: c.comm_id,
                   state: c.execution_state};
        if (h.msg_type === 'comm_msg') {
            const d = c.data || {};
            e.method = d.method;
            e.keys = d.state ? Object.keys(d.state) : null;
            e.bytes = (m.buffers || []).reduce((s, b) => s + (b.byteLength || 0), 0);
            if (typeof d.data === 'string') e.mpl = d.data.slice(0, 30);
        }
        log.msgs.push(e);
    });
    const target = () => document.querySelector(sel + ' .jupyter-matplotlib-canvas-div canvas');
    const proto = CanvasRenderingContext2D.prototype;
    if (!proto.__probeDrawImage) proto.__probeDrawImage = proto.drawImage;
    const drawImage = proto.__probeDrawImage;
    proto.drawImage = function (...args) {
        const s = window.__frameProbe;
        if (s && s.on && !s.stop && this.canvas === target()) s.paints.push(now());
        return drawImage.apply(this, args);
    };
    const cproto = HTMLCanvasElement.prototype;
    if (!cproto.__probeToDataURL) cproto.__probeToDataURL = cproto.toDataURL;
    const toDataURL = cproto.__probeToDataURL;
    cproto.toDataURL = function (...args) {
        const t0 = now();
        const out = toDataURL.apply(this, args);
        const s = window.__frameProbe;
        if (s && s.on && !s.stop) s.dataurl.push([t0, now() - t0]);
        return out;
    };
}"""


def _epoch_ms(date: str | None) -> float | None:
    """A message header's ISO date (kernel clock) as epoch milliseconds."""
    if not date:
        return None
    from datetime import datetime

    return datetime.fromisoformat(date.replace("Z", "+00:00")).timestamp() * 1000.0


def analyse(page_log: dict, kernel_events: list) -> dict:
    """Split each slider cycle into its parts; medians in ms (see the module docstring)."""
    by_parent: dict[str, dict[str, list]] = {}
    for name, t, parent, extra in kernel_events:
        by_parent.setdefault(parent, {}).setdefault(name, []).append((t, extra))

    msgs = page_log["msgs"]
    sends = [m for m in msgs if m["dir"] == "send" and m["type"] == "comm_msg"
             and m.get("method") == "update" and "value" in (m.get("keys") or [])]
    slider_comm = max({m["comm"] for m in sends}, key=lambda c: sum(m["comm"] == c for m in sends),
                      default=None)
    sends = [m for m in sends if m["comm"] == slider_comm]
    recv_by_parent: dict[str, list] = {}
    for m in msgs:
        if m["dir"] == "recv":
            recv_by_parent.setdefault(m["parent"], []).append(m)
    paints = sorted(page_log["paints"])

    parts: dict[str, list[float]] = {}

    def add(key, value):
        if value is not None:
            parts.setdefault(key, []).append(value)

    def first(events, name):
        return events.get(name, [(None, None)])[0][0]

    def total(events, name):
        starts, ends = events.get(name, []), events.get(name + "_end", [])
        return sum(e[0] - s[0] for s, e in zip(starts, ends, strict=False)) if starts else None

    image_bytes = []
    for i, s in enumerate(sends):
        k = by_parent.get(s["id"], {})
        recv = recv_by_parent.get(s["id"], [])
        idle_recv = next((m for m in recv if m["type"] == "status" and m["state"] == "idle"), None)
        image = next((m for m in recv if m["type"] == "comm_msg" and m.get("bytes")), None)
        busy, idle = first(k, "busy"), first(k, "idle")
        handler, handler_end = first(k, "handler"), first(k, "handler_end")
        update = first(k, "update")
        if busy is None or idle is None or idle_recv is None:
            continue
        nxt = sends[i + 1]["t"] if i + 1 < len(sends) else None
        add("page -> kernel (ws, server, zmq)", busy - s["t"])
        add("kernel: busy -> handler", handler - busy if handler else None)
        add("kernel: trait set -> update", update - handler if update and handler else None)
        add("kernel: update", total(k, "update"))
        png, send = total(k, "png"), total(k, "send")
        r = total(k, "render")
        add("kernel: render (draw, blit)", r - (png or 0) - (send or 0) if r is not None else None)
        add("kernel: PNG encode", png)
        add("kernel: send frame to IOPub", send)
        rend = first(k, "render_end")
        add("kernel: after render -> idle", idle - rend if rend else idle - handler_end)
        add("kernel -> page: idle status", idle_recv["t"] - idle)
        if idle_recv.get("arrived"):
            add("kernel -> page websocket: idle status", idle_recv["arrived"] - idle)
            add("page: idle arrived -> dispatched", idle_recv["t"] - idle_recv["arrived"])
        if image is not None:
            image_bytes.append(image["bytes"])
            img_stamp = _epoch_ms(image["date"])
            add("kernel -> page: image message", image["t"] - img_stamp if img_stamp else None)
            paint = next((p for p in paints if p >= image["t"]), None)
            add("page: image received -> painted", paint - image["t"] if paint else None)
        if nxt is not None:
            add("page: idle received -> next value sent", nxt - idle_recv["t"])
            add("cycle (value sent -> next value sent)", nxt - s["t"])
        add("kernel busy (busy -> idle)", idle - busy)
    med = {k: round(statistics.median(v), 2) for k, v in parts.items()}
    dataurl = [d for _, d in page_log["dataurl"]]
    if dataurl:
        med["page: ipympl toDataURL per frame"] = round(statistics.median(dataurl), 2)
    med["full renders (whole figure redrawn)"] = sum(name == "full_render" for name, *_ in kernel_events)
    full_draws = [t for name, t, *_ in kernel_events if name == "full_draw"]
    full_draw_ends = [t for name, t, *_ in kernel_events if name == "full_draw_end"]
    if full_draws:
        med["full draw (median ms)"] = round(statistics.median(
            e - s for s, e in zip(sorted(full_draws), sorted(full_draw_ends), strict=False)), 2)
    med["frames painted"] = len(paints)
    med["values sent"] = len(sends)
    med["image bytes (median)"] = statistics.median(image_bytes) if image_bytes else 0
    return med


def profile_explorer(page: H.NotebookPage, name: str, seconds: float, dump: Path) -> dict:
    page.page.evaluate(PAGE_PROBE, page.explorer_selector(name))
    page.page.evaluate("() => { window.__frameProbe.on = true; }")
    fps = page.measure_drag_fps(name, duration_s=seconds)
    page.page.wait_for_timeout(1500)  # let the last frame land
    page.page.evaluate("() => { window.__frameProbe.on = false; }")
    page_log = page.page.evaluate(
        "() => ({msgs: window.__frameProbe.msgs,"
        " dataurl: window.__frameProbe.dataurl,"
        " paints: window.__infolibFps.times.map(t => performance.timeOrigin + t)})"
    )
    page.append_and_run_cell(f"__frame_probe_dump({str(dump)!r})")
    kernel_events = json.loads(dump.read_text())
    result = analyse(page_log, kernel_events)
    result["fps"] = fps["fps"]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path)
    ap.add_argument("--fixtures", action="store_true", help="also the harness's demo notebook")
    ap.add_argument("--only", default="", help="comma-separated explorer names")
    ap.add_argument("--windowing", default="contentVisibility",
                    help="JupyterLab's notebook windowing mode: contentVisibility (its default, what"
                         " learners get) or none (every cell laid out, as the browser tests use)")
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args(argv)
    notebooks = [p.resolve() for p in args.notebooks]
    if args.fixtures:
        notebooks += H.fixture_notebooks()
    only = {n for n in args.only.split(",") if n}
    results = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        H.lab_server(notebooks, windowing_mode=args.windowing) as lab,
        H.chromium_browser() as browser,
    ):
        dump = Path(tmp) / "kernel_events.json"
        for nb in notebooks:
            page = H.NotebookPage(browser, lab, H.lab_relative_path(nb))
            try:
                page.open()
                page.run_all()
                page.append_and_run_cell(PROBE_SOURCE.read_text())
                for name in page.explorer_names():
                    if only and name not in only:
                        continue
                    page.page.wait_for_timeout(1000)
                    r = profile_explorer(page, name, args.seconds, dump)
                    r["explorer"], r["notebook"] = name, H.lab_relative_path(nb)
                    results.append(r)
                    print(f"{r['notebook']} {name}: {r['fps']:.1f} fps", flush=True)
            finally:
                page.close()
                lab.shutdown_kernels()
    out = H.ARTIFACTS_DIR / "frame_profile.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    keys = [k for k in results[0] if k not in ("explorer", "notebook")] if results else []
    print()
    print(f"{'part (median ms)':42}" + "".join(f"{r['explorer'][:14]:>15}" for r in results))
    for k in keys:
        print(f"{k[:42]:42}" + "".join(f"{r.get(k, float('nan')):15.2f}" for r in results))
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

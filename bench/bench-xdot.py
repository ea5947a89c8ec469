#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time xdot.py's frames on a laid-out graph, for comparison with bench-canvas-frames.

xdot.py (Debian's `xdot` package) draws its whole visible graph with cairo on every
frame, and hit-tests a pointer motion by scanning every node and edge.  This script
drives its own code the way its DotWidget does, on an offscreen 1920 x 1080 image
surface: XDotParser parses the -Txdot file, then

  full / pan     graph.draw() at the fitted zoom, moved by a few pixels per frame
                 (xdot has no cached picture: a pan frame is a full draw);
  zoom gesture   graph.draw() at 1.1x the previous zoom (ZOOM_INCREMENT steps);
  hover          DotWidget's motion handler's work: get_url() and get_jump() (a scan
                 of every node and edge), then a frame with the item highlighted;

at the fitted zoom and at 4x it.  Times are CPU time of the (only) thread, in ms.
Needs a display (xdot.ui opens GTK at import): run under xvfb-run.

usage: bench-xdot.py GRAPH.xdot [FRAMES]
"""
import statistics
import sys
import time

import cairo
import gi

gi.require_version("Gtk", "3.0")
from xdot.dot.parser import XDotParser  # noqa: E402

WIDTH, HEIGHT = 1920, 1080
MARGIN = 12  # DotWidget.ZOOM_TO_FIT_MARGIN


def frame(surface, graph, x, y, ratio, highlight=None):
    """DotWidget.on_draw(): background, then _draw_graph()."""
    cr = cairo.Context(surface)
    cr.set_source_rgb(1, 1, 1)
    cr.paint()
    cx, cy = WIDTH / 2, HEIGHT / 2
    x0, y0 = x - cx / ratio, y - cy / ratio
    bounding = (x0, y0, x0 + WIDTH / ratio, y0 + HEIGHT / ratio)
    cr.translate(cx, cy)
    cr.scale(ratio, ratio)
    cr.translate(-x, -y)
    graph.draw(cr, highlight_items=highlight, bounding=bounding)
    surface.flush()


def timed(fn):
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def report(name, times):
    times = sorted(times)
    p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
    print(f"| xdot.py | {name} | {statistics.median(times):.1f} | {p90:.1f} |", flush=True)


def main():
    path = sys.argv[1]
    frames = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path, "rb") as f:
        code = f.read()

    start = time.process_time()
    graph = XDotParser(code).parse()
    print(f"{path}: {len(graph.nodes)} nodes, {len(graph.edges)} edges, "
          f"parsed in {time.process_time() - start:.1f} s CPU", flush=True)

    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, WIDTH, HEIGHT)
    fit = min((WIDTH - 2 * MARGIN) / graph.width, (HEIGHT - 2 * MARGIN) / graph.height)
    cx, cy = graph.width / 2, graph.height / 2

    # The hovered item: a node near the centre, found as the motion handler finds it.
    node = min(graph.nodes, key=lambda n: (n.x - cx) ** 2 + (n.y - cy) ** 2)

    for label, ratio in (("fit", fit), ("4x fit", 4 * fit)):
        x, y = (cx, cy) if ratio == fit else (node.x, node.y)
        report(f"full render, {label}", [timed(lambda: frame(surface, graph, x, y, ratio))
                                         for _ in range(max(1, frames // 2))])
        report(f"pan, {label}",
               [timed(lambda i=i: frame(surface, graph, x + 4 * i / ratio, y, ratio))
                for i in range(frames)])
        report(f"zoom gesture, {label}",
               [timed(lambda i=i: frame(surface, graph, x, y, ratio * 1.1 ** (i % 3 + 1)))
                for i in range(frames)])

        def hover():
            item = graph.get_url(node.x, node.y)
            if item is None:
                item = graph.get_jump(node.x, node.y)
            frame(surface, graph, x, y, ratio, item.highlight if item is not None else None)
        report(f"hover, {label}", [timed(hover) for _ in range(frames)])


if __name__ == "__main__":
    main()

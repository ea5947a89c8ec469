#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open to first sharp picture: how long the window takes to show a map.

Starts `actormap MODEL` RUNS times, each with a fresh state, configuration and cache
directory, and times from the start of the process to the canvas's first rendered base
(its debug line "Rendered the canvas base"), which is the first sharp picture of the
map.  Prints each run and the median.  Needs a display: run it under xvfb-run, e.g.

    xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \\
        python3 bench/open-to-picture.py --build build --runs 5 model-20000.json
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

MARK = "Rendered the canvas base"


def one_run(build, model, timeout):
    with tempfile.TemporaryDirectory(prefix="am-open-") as home:
        env = dict(os.environ)
        env.update({
            "GDK_BACKEND": "x11",
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "AM_LAYOUT_HELPER": os.path.join(build, "src", "layout", "actormap-layout-helper"),
            "G_MESSAGES_DEBUG": "am-ui",
        })
        start = time.monotonic()
        # A session of its own: dbus-run-session does not pass a SIGTERM on to the app or
        # to the bus daemons it started, so the whole group is stopped at the end.
        proc = subprocess.Popen(["dbus-run-session", "--", os.path.join(build, "src", "actormap"),
                                 model], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, errors="replace",
                                start_new_session=True)
        seconds = None
        try:
            for line in proc.stderr:
                if MARK in line:
                    seconds = time.monotonic() - start
                    break
                if time.monotonic() - start > timeout:
                    break
        finally:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            except ProcessLookupError:
                proc.wait()
        return seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("model")
    args = ap.parse_args()
    if "DISPLAY" not in os.environ:
        sys.exit("open-to-picture: no DISPLAY; run it under xvfb-run")

    times = []
    for i in range(args.runs):
        t = one_run(os.path.abspath(args.build), os.path.abspath(args.model), args.timeout)
        load = os.getloadavg()[0]
        if t is None:
            print(f"run {i + 1}: no picture within {args.timeout:.0f} s (load {load:.1f})")
        else:
            print(f"run {i + 1}: {t:.2f} s (load {load:.1f})")
            times.append(t)
    if not times:
        sys.exit(1)
    print(f"median of {len(times)}: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()

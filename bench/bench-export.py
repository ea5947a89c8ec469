#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time `actormap --export x.svg --layout=E` against Graphviz's `E -Tsvg` on the same graph.

For every size N and engine E it generates the model (gen-model.py), runs each command
--runs times, and prints the median wall-clock times and their ratio as a Markdown table.
A ratio below 1 means Actormap's whole pipeline (load JSON, measure text, lay out in the
isolated helper, draw, write atomically) was faster than Graphviz's own CLI.

usage: bench-export.py [--binary build/src/actormap] [--runs 3] [--out bench/out]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# (N, engine): neato and dot stop at their practical sizes (performance.md).
PLAN = [
    (100, "dot"), (100, "neato"), (100, "sfdp"),
    (1000, "dot"), (1000, "neato"), (1000, "sfdp"),
    (5000, "sfdp"),
]


def timed(cmd, env=None, timeout=600):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=env, timeout=timeout)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[:500]}")
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(HERE, "..", "build", "src", "actormap"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--only", help="comma-separated N:engine pairs, e.g. 100:dot,5000:sfdp")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    plan = PLAN
    if args.only:
        plan = [(int(p.split(":")[0]), p.split(":")[1]) for p in args.only.split(",")]

    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)

    print(f"actormap: {os.path.realpath(args.binary)}; Graphviz: "
          f"{subprocess.run(['dot', '-V'], capture_output=True, text=True).stderr.strip()}; "
          f"{args.runs} runs each, median wall-clock seconds\n")
    print("| N | engine | Graphviz CLI (s) | actormap (s) | ratio |")
    print("|---:|---|---:|---:|---:|")
    for n, engine in plan:
        model = os.path.join(args.out, f"model-{n}.json")
        dot = os.path.join(args.out, f"model-{n}.gv")
        if not os.path.exists(model):
            subprocess.run([sys.executable, os.path.join(HERE, "gen-model.py"), str(n), model, dot],
                           check=True)
        cli_out = os.path.join(args.out, f"cli-{n}-{engine}.svg")
        am_out = os.path.join(args.out, f"am-{n}-{engine}.svg")
        cli, ours = [], []
        for _ in range(args.runs):
            # Alternate the two so that drift in machine load hits both alike.
            cli.append(timed([shutil.which(engine) or engine, "-Tsvg", dot, "-o", cli_out]))
            ours.append(timed([args.binary, f"--export={am_out}", f"--layout={engine}", model],
                              env=env))
        c, o = statistics.median(cli), statistics.median(ours)
        print(f"| {n} | {engine} | {c:.3f} | {o:.3f} | {o / c:.2f} |", flush=True)


if __name__ == "__main__":
    main()

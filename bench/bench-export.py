#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time `actormap --export x.svg --layout=E` against Graphviz's `E -Tsvg` on the same graph.

For every size N and engine E it generates the model (gen-model.py), runs each command
--runs times, and prints the median wall-clock times and their ratio as a Markdown table.
A ratio below 1 means Actormap's whole pipeline (load JSON, measure text, lay out in the
isolated helper, draw, write atomically) was faster than Graphviz's own CLI.

Both sides lay out the same graph: gen-model.py writes the attributes every request
sets, and graphviz_args() below gives the CLI the ones that depend on the engine and the
size, as src/layout/am-graphviz.c sets them.  actormap gets --timeout=3600 so that its
default 15 s limit does not stop the large cases (the limit changes no work).  Besides
wall-clock time the table gives CPU time (user + system of the command and its
children), which is steadier on a shared machine.

usage: bench-export.py [--binary build/src/actormap] [--runs 3] [--out bench/out]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# (N, engine): neato and dot stop at their practical sizes (performance.md).  "P2000" is
# two actors with 2 000 relations between them (gen-model.py --parallel 2000); "auto"
# runs actormap without --layout (its automatic choice) against the CLI with the engine
# that choice makes (AUTO below).
PLAN = [
    (100, "dot"), (100, "neato"), (100, "sfdp"), (100, "auto"),
    (1000, "dot"), (1000, "neato"), (1000, "sfdp"),
    (5000, "sfdp"), (5000, "auto"),
    (20000, "sfdp"),
    ("P2000", "neato"), ("P2000", "dot"), ("P2000", "auto"),
]

# What am_layout_engine_for_counts() picks for these models (src/layout/am-layout.c).
AUTO = {100: "neato", 1000: "sfdp", 5000: "sfdp", 20000: "sfdp", "P2000": "neato"}


# Mirrors build_graph() in src/layout/am-graphviz.c.
SPLINES_MAX_NODES = 60
DOT_LIMITS_ABOVE_NODES = 1000


def graphviz_args(engine, n):
    if isinstance(n, str):
        n = 2                   # the parallel-relations model: two nodes
    args = []
    if engine in ("neato", "fdp", "sfdp"):
        args += [f"-Gsplines={'true' if n <= SPLINES_MAX_NODES else 'false'}", "-Gstart=random1"]
    if engine == "neato":
        args += ["-Gmaxiter=1000"]
    if engine == "dot" and n > DOT_LIMITS_ABOVE_NODES:
        args += ["-Gnslimit=2", "-Gnslimit1=2", "-Gmclimit=0.1", "-Gsearchsize=10"]
    return args


def timed(cmd, env=None, timeout=3600):
    """Wall-clock and CPU (user + system, children included) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=env, timeout=timeout)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(HERE, "..", "build", "src", "actormap"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--only", help="comma-separated N:engine pairs, e.g. 100:dot,5000:sfdp,P2000:auto")
    ap.add_argument("--cli-runs", type=int,
                    help="runs of the CLI where it takes minutes (N >= 20000, P2000); default --runs")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    plan = PLAN
    if args.only:
        plan = [(p.split(":")[0], p.split(":")[1]) for p in args.only.split(",")]
        plan = [(n if n.startswith("P") else int(n), e) for n, e in plan]

    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)

    print(f"actormap: {os.path.realpath(args.binary)}; Graphviz: "
          f"{subprocess.run(['dot', '-V'], capture_output=True, text=True).stderr.strip()}; "
          f"{args.runs} runs each, median wall-clock seconds\n")
    print("| N | engine | Graphviz CLI (s) | actormap (s) | ratio | CPU CLI (s) | CPU actormap (s) | CPU ratio |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for n, engine in plan:
        model = os.path.join(args.out, f"model-{n}.json")
        dot = os.path.join(args.out, f"model-{n}.gv")
        # Always regenerated: a model left by an older generator would not match.
        if (n, engine) == next(p for p in plan if p[0] == n):
            gen = [sys.executable, os.path.join(HERE, "gen-model.py"), str(n), model, dot]
            if isinstance(n, str):
                gen = [sys.executable, os.path.join(HERE, "gen-model.py"), "2", model, dot,
                       "--parallel", n[1:]]
            subprocess.run(gen, check=True)
        cli_engine = AUTO[n] if engine == "auto" else engine
        layout = [] if engine == "auto" else [f"--layout={engine}"]
        cli_out = os.path.join(args.out, f"cli-{n}-{engine}.svg")
        am_out = os.path.join(args.out, f"am-{n}-{engine}.svg")
        slow = isinstance(n, str) or n >= 20000
        cli_runs = args.cli_runs if (slow and args.cli_runs) else args.runs
        cli, ours = [], []
        for k in range(args.runs):
            # Alternate the two so that drift in machine load hits both alike.
            if k < cli_runs:
                cli.append(timed([shutil.which(cli_engine) or cli_engine, "-Tsvg",
                                  *graphviz_args(cli_engine, n), dot, "-o", cli_out]))
            ours.append(timed([args.binary, f"--export={am_out}", *layout,
                               "--timeout=3600", model], env=env))
        c = statistics.median(t for t, _ in cli)
        o = statistics.median(t for t, _ in ours)
        cc = statistics.median(u for _, u in cli)
        oc = statistics.median(u for _, u in ours)
        name = f"{engine} ({cli_engine})" if engine == "auto" else engine
        print(f"| {n} | {name} | {c:.3f} | {o:.3f} | {o / c:.2f} "
              f"| {cc:.3f} | {oc:.3f} | {oc / cc:.2f} |", flush=True)


if __name__ == "__main__":
    main()

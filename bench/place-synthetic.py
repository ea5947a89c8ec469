#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Give gen-model.py's DOT graph a deterministic synthetic placement, fast.

For canvas benchmarks at sizes where running a layout engine takes too long on a shared
machine: each node gets a fixed position (pos="x,y!" in points) on a jittered grid,
nodes placed in breadth-first order from the busiest hub so that most edges stay short,
as in a force-directed drawing.  Graphviz then only routes and draws:

    place-synthetic.py IN.gv OUT.gv
    neato -n2 -Goverlap=true -Gsplines=false -Tplain -o OUT.plain -Txdot -o OUT.xdot OUT.gv

usage: place-synthetic.py IN.gv OUT.gv [--seed S]
"""
import argparse
import collections
import math
import random
import re

NODE = re.compile(r'^\s*(e\d+) \[(.*)\];$')
EDGE = re.compile(r'^\s*(e\d+) -> (e\d+) ')
CELL_X, CELL_Y = 150.0, 70.0  # points; a node is about 100 x 36


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    with open(args.src, encoding="utf-8") as f:
        lines = f.read().splitlines()

    nodes, adjacency = [], collections.defaultdict(list)
    for line in lines:
        m = NODE.match(line)
        if m:
            nodes.append(m.group(1))
            continue
        m = EDGE.match(line)
        if m:
            adjacency[m.group(1)].append(m.group(2))
            adjacency[m.group(2)].append(m.group(1))

    # Breadth-first from the busiest node, filling a square spiral of cells outwards.
    order, seen = [], set()
    for start in sorted(nodes, key=lambda n: (-len(adjacency[n]), n)):
        if start in seen:
            continue
        queue = collections.deque([start])
        seen.add(start)
        while queue:
            n = queue.popleft()
            order.append(n)
            for m in adjacency[n]:
                if m not in seen:
                    seen.add(m)
                    queue.append(m)

    side = math.ceil(math.sqrt(len(order)))
    cells = sorted(((x, y) for x in range(side) for y in range(side)),
                   key=lambda c: (max(abs(c[0] - side / 2), abs(c[1] - side / 2)),
                                  math.atan2(c[1] - side / 2, c[0] - side / 2)))
    pos = {}
    for n, (x, y) in zip(order, cells):
        pos[n] = (x * CELL_X + rng.uniform(-20, 20), y * CELL_Y + rng.uniform(-12, 12))

    with open(args.dst, "w", encoding="utf-8") as f:
        for line in lines:
            m = NODE.match(line)
            if m:
                x, y = pos[m.group(1)]
                f.write(f'  {m.group(1)} [{m.group(2)}, pos="{x:.1f},{y:.1f}!"];\n')
            else:
                f.write(line + "\n")


if __name__ == "__main__":
    main()

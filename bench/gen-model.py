#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate a synthetic actor network of N entities (about 2N relations).

Writes the same graph twice: as an Actormap JSON model and as DOT, so that
`actormap --export` and Graphviz's own CLI can be timed on identical input.

The graph is "actor-like" rather than uniform random: relations attach
preferentially to well-connected actors (a few hubs, many leaves), which is the
shape of news networks and the case Graphviz's engines are meant for.  The
generator is deterministic for a given N and --seed.

The DOT carries the graph attributes Actormap's layout request sets for every
engine (src/layout/am-graphviz.c: overlap=false, sep="+6", nodesep, ranksep), the
node shape Actormap draws each kind with, and the edge font; the attributes that
depend on the engine or the size (splines, start, maxiter, dot's limits) are
given on the Graphviz command line by bench-export.py, as -G options.  So both
sides lay out the same graph.  Graphviz's CLI sizes each node from its label with
Pango, as Actormap does before layout.

With --parallel K the model is instead two actors and K labelled relations between
them (every third one the other way round, every fifth undirected): the case issue 10
measured at 71 s with neato, when every relation was a Graphviz edge of its own.

usage: gen-model.py N OUT.json OUT.gv [--seed S] [--parallel K]
"""
import argparse
import json
import random

KINDS = ["state", "organization", "person", "person", "person", "event", "place", "media"]
# am_node_shape_for_kind() in src/layout/am-text-metrics.c
SHAPES = {"state": "hexagon", "person": "ellipse", "event": "diamond", "place": "octagon"}
TYPES = ["role", "alliance", "hostility", "meeting", "visit", "negotiation", "reports", "advises"]
SYLLABLES = ["ka", "min", "so", "ra", "tel", "vo", "an", "ji", "lu", "mar", "ne", "to", "ha", "zen"]


def name(rng, i):
    parts = [rng.choice(SYLLABLES).capitalize() + rng.choice(SYLLABLES) for _ in range(2)]
    return f"{' '.join(parts)} {i}"


def dot_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("json_out")
    ap.add_argument("dot_out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--parallel", type=int, default=0,
                    help="two actors and this many relations between them (N is ignored)")
    args = ap.parse_args()
    if args.parallel:
        args.n = 2
    rng = random.Random(args.seed * 1000003 + args.n)

    entities = []
    for i in range(args.n):
        entities.append({"id": f"e{i}", "name": name(rng, i), "kind": rng.choice(KINDS)})

    relations = []
    if args.parallel:
        relations = [(1, 0) if k % 3 == 2 else (0, 1) for k in range(args.parallel)]
    targets = [0]  # degree-weighted pool for preferential attachment
    for i in range(1, args.n):
        for _ in range(2):
            j = rng.choice(targets)
            if j == i:
                continue
            relations.append((i, j))
            targets.append(j)
        targets.append(i)
    while not args.parallel and len(relations) < 2 * args.n - 2:
        a, b = rng.randrange(args.n), rng.randrange(args.n)
        if a != b:
            relations.append((a, b))

    rel_objs = []
    for k, (a, b) in enumerate(relations):
        t = rng.choice(TYPES)
        label = f"{t} {k}" if args.parallel else t
        rel_objs.append({"id": f"r{k}", "source": f"e{a}", "target": f"e{b}",
                         "label": label, "type": t,
                         "directed": not (args.parallel and k % 5 == 4)})

    model = {"format": "actormap", "version": 1,
             "article": {"title": f"Synthetic network of {args.n} actors",
                         "publisher": "bench/gen-model.py", "date": "2021-03-18",
                         "paragraphs": []},
             "entities": entities, "relations": rel_objs, "statements": []}
    with open(args.json_out, "w", encoding="utf-8") as f:
        json.dump(model, f, ensure_ascii=False)

    with open(args.dot_out, "w", encoding="utf-8") as f:
        f.write('digraph actormap {\n  overlap=false; sep="+6"; nodesep=0.35; ranksep=0.6;\n')
        f.write('  node [shape=box, fontname="DejaVu Sans", fontsize=11];\n')
        f.write('  edge [fontname="DejaVu Sans", fontsize=9];\n')
        for e in entities:
            shape = SHAPES.get(e["kind"])
            extra = f", shape={shape}" if shape else ""
            f.write(f"  {e['id']} [label={dot_quote(e['name'])}{extra}];\n")
        for r in rel_objs:
            undirected = "" if r["directed"] else ", dir=none"
            f.write(f"  {r['source']} -> {r['target']} [label={dot_quote(r['label'])}{undirected}];\n")
        f.write("}\n")


if __name__ == "__main__":
    main()

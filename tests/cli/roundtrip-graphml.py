#!/usr/bin/env python3
# roundtrip-graphml.py — GraphML with real clients: NetworkX and igraph from Debian
#
# Usage: roundtrip-graphml.py ACTORMAP MODEL.json
#
# 1. actormap --export=model.graphml MODEL.json
# 2. NetworkX (read_graphml, as a MultiDiGraph) and igraph (Graph.Read_GraphML) read it
#    whole: every actor by its label and kind, every relation, parallel ones included,
#    counted per ordered pair of actors.
# 3. Both write GraphML of what they read; actormap --check opens each file and must print
#    the model's counts, and actormap --export=back.json turns each into a model whose
#    actors have the same names and kinds.
#
# Exit 0 on success, 77 (skipped) when a client is not installed, 1 on any failure.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import networkx
    import igraph
except ImportError as e:
    print(f"SKIP: {e} (apt-get install python3-networkx python3-igraph)")
    sys.exit(77)


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def run(actormap, *args):
    result = subprocess.run([actormap, *args], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        fail(f"actormap {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def check_counts(actormap, path, n_entities, n_relations):
    out = run(actormap, "--check", path)
    m = re.search(r"ok: (\d+) entities, (\d+) relations, (\d+) statements", out)
    expect(m is not None, f"--check {path} printed {out!r}")
    got = (int(m.group(1)), int(m.group(2)))
    expect(got == (n_entities, n_relations),
           f"--check {os.path.basename(path)}: {got}, expected {(n_entities, n_relations)}")
    print(f"ok: actormap --check {os.path.basename(path)}: {got[0]} actors, {got[1]} relations")


def check_back(actormap, path, tmp, names, n_undirected):
    """The file made by another program, turned back into an Actormap model: the same
    actors, and the undirected relations still undirected."""
    back = os.path.join(tmp, os.path.basename(path) + ".json")
    run(actormap, f"--export={back}", path)
    with open(back, encoding="utf-8") as f:
        model = json.load(f)
    got = sorted((e["name"], e.get("kind")) for e in model["entities"])
    expect(got == names, f"{os.path.basename(path)}: actors {got} != {names}")
    got = sum(1 for r in model["relations"] if r.get("directed") is False)
    expect(got == n_undirected, f"{os.path.basename(path)}: {got} undirected relations, "
           f"expected {n_undirected}")


def main():
    actormap, model_path = sys.argv[1], sys.argv[2]
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    entities = model["entities"]
    relations = model["relations"]
    names = sorted((e["name"], e["kind"]) for e in entities)
    name_of = {e["id"]: e["name"] for e in entities}
    pairs = collections.Counter((name_of[r["source"]], name_of[r["target"]]) for r in relations)
    n_parallel = sum(n - 1 for n in pairs.values() if n > 1)
    n_undirected = sum(1 for r in relations if r.get("directed") is False)
    print(f"model: {len(entities)} actors, {len(relations)} relations "
          f"({n_parallel} parallel, {n_undirected} undirected), {len(model.get('statements', []))} statements (not in GraphML)")

    with tempfile.TemporaryDirectory(prefix="am-graphml-") as tmp:
        exported = os.path.join(tmp, "model.graphml")
        run(actormap, f"--export={exported}", model_path)

        # NetworkX
        g = networkx.read_graphml(exported, force_multigraph=True)
        expect(isinstance(g, networkx.MultiDiGraph), f"NetworkX read a {type(g).__name__}")
        expect(g.number_of_nodes() == len(entities),
               f"NetworkX: {g.number_of_nodes()} nodes, expected {len(entities)}")
        expect(g.number_of_edges() == len(relations),
               f"NetworkX: {g.number_of_edges()} edges, expected {len(relations)}")
        got = sorted((d["label"], d["kind"]) for _, d in g.nodes(data=True))
        expect(got == names, f"NetworkX: actors {got} != {names}")
        got_pairs = collections.Counter((g.nodes[u]["label"], g.nodes[v]["label"])
                                        for u, v in g.edges())
        expect(got_pairs == pairs, f"NetworkX: relations per pair differ: {got_pairs - pairs}")
        undirected = sum(1 for _, _, d in g.edges(data=True) if d.get("directed") is False)
        expect(undirected == n_undirected, f"NetworkX: {undirected} undirected relations")
        print(f"ok: NetworkX {networkx.__version__} read {g.number_of_nodes()} actors, "
              f"{g.number_of_edges()} relations")

        # igraph
        ig = igraph.Graph.Read_GraphML(exported)
        expect(ig.is_directed(), "igraph: not directed")
        expect(ig.vcount() == len(entities), f"igraph: {ig.vcount()} vertices")
        expect(ig.ecount() == len(relations), f"igraph: {ig.ecount()} edges")
        got = sorted(zip(ig.vs["label"], ig.vs["kind"]))
        expect(got == names, f"igraph: actors {got} != {names}")
        labels = ig.vs["label"]
        got_pairs = collections.Counter((labels[e.source], labels[e.target]) for e in ig.es)
        expect(got_pairs == pairs, f"igraph: relations per pair differ: {got_pairs - pairs}")
        print(f"ok: igraph {igraph.__version__} read {ig.vcount()} actors, {ig.ecount()} relations")

        # Written by them, read by Actormap.
        nx_path = os.path.join(tmp, "networkx.graphml")
        networkx.write_graphml(g, nx_path)
        check_counts(actormap, nx_path, len(entities), len(relations))
        check_back(actormap, nx_path, tmp, names, n_undirected)

        ig_path = os.path.join(tmp, "igraph.graphml")
        ig.write_graphml(ig_path)
        check_counts(actormap, ig_path, len(entities), len(relations))
        check_back(actormap, ig_path, tmp, names, n_undirected)

    print(f"PASS: GraphML round trips: {len(entities)} actors, {len(relations)} relations")


if __name__ == "__main__":
    main()

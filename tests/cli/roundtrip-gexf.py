#!/usr/bin/env python3
# roundtrip-gexf.py — GEXF between Actormap and NetworkX, both ways, with the real binary
#
# Usage: roundtrip-gexf.py ACTORMAP MODEL.json
#
# 1. `actormap --export=map.gexf MODEL.json` writes GEXF 1.3; NetworkX's read_gexf()
#    reads it whole: every actor by its label and kind, every relation (parallel ones
#    too) by its id with its label, type and date, every node with a viz position.
# 2. NetworkX writes that graph back with write_gexf() (its default, 1.2draft, and
#    1.1draft); `actormap --check` opens each and must print the counts expected.
# 3. `actormap --check map.gexf` gives the model's own counts.
#
# igraph (python3-igraph) reads GraphML but has no GEXF reader or writer, so GEXF is
# checked with NetworkX only.  NetworkX before 3.0 (Debian 12 has 2.8.8) predates GEXF
# 1.3: its reader knows only the 1.1draft and 1.2draft namespaces.  For it, the 1.3
# namespaces are registered with its 1.2draft reader (the elements this file uses are
# the same in both); newer NetworkX reads 1.3 itself.  The figures are printed as TAP
# comments.  Exit 77 (skipped) when NetworkX is not installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    from networkx.readwrite import gexf as nx_gexf
except ImportError:
    print("1..0 # SKIP python3-networkx is not installed")
    sys.exit(77)

tests = []


def check(condition, what):
    tests.append((bool(condition), what))
    if not condition:
        print(f"not ok {len(tests)} - {what}")
    else:
        print(f"ok {len(tests)} - {what}")
    sys.stdout.flush()


def run(args):
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        print(f"# {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def check_counts(actormap, path, entities, relations, what):
    result = run([actormap, "--check", path])
    expected = f"ok: {entities} entities, {relations} relations, 0 statements"
    print(f"# actormap --check {os.path.basename(path)}: {result.stdout.strip()}")
    check(result.returncode == 0 and result.stdout.strip() == expected,
          f"{what}: actormap --check prints '{expected}'")


def main():
    actormap, model_path = sys.argv[1], sys.argv[2]
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    entities = model["entities"]
    relations = model["relations"]
    n_undirected = sum(1 for r in relations if not r.get("directed", True))
    pairs = {}
    for r in relations:
        pairs.setdefault((r["source"], r["target"]), []).append(r["id"])
    parallel = {k: v for k, v in pairs.items() if len(v) > 1}

    print(f"# NetworkX {nx.__version__}; model {os.path.basename(model_path)}: "
          f"{len(entities)} actors, {len(relations)} relations "
          f"({n_undirected} undirected, {sum(len(v) for v in parallel.values())} in "
          f"{len(parallel)} parallel groups)")

    if "1.3" not in nx_gexf.GEXF.versions:
        v13 = dict(nx_gexf.GEXF.versions["1.2draft"])
        v13.update({
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        })
        nx_gexf.GEXF.versions["1.3"] = v13
        print("# this NetworkX predates GEXF 1.3: its 1.2draft reader given the 1.3 namespaces")

    with tempfile.TemporaryDirectory() as tmp:
        ours = os.path.join(tmp, "map.gexf")
        result = run([actormap, f"--export={ours}", model_path])
        check(result.returncode == 0 and os.path.getsize(ours) > 0,
              "actormap --export writes map.gexf")
        with open(ours, encoding="utf-8") as f:
            text = f.read()
        check('xmlns="http://gexf.net/1.3"' in text and 'version="1.3"' in text,
              "the file is GEXF 1.3")
        print(f"# map.gexf: {len(text.encode())} bytes")

        check_counts(actormap, ours, len(entities), len(relations), "our own GEXF")

        G = nx.read_gexf(ours)
        check(G.is_directed() and G.is_multigraph(),
              "NetworkX reads a directed multigraph (there are parallel relations)")
        check(G.number_of_nodes() == len(entities),
              f"NetworkX: {G.number_of_nodes()} nodes == {len(entities)} actors")

        ok = True
        for e in entities:
            data = G.nodes.get(e["id"])
            if data is None or data.get("label") != e["name"] or data.get("kind") != e["kind"]:
                print(f"# actor {e['id']}: {data}")
                ok = False
            elif "position" not in data.get("viz", {}) or "color" not in data["viz"]:
                print(f"# actor {e['id']} has no viz position or colour: {data}")
                ok = False
        check(ok, "every actor by its id, label and kind, with a viz position and colour")

        # An undirected relation is written as mutual: NetworkX adds it both ways.
        expected_edges = len(relations) + n_undirected
        check(G.number_of_edges() == expected_edges,
              f"NetworkX: {G.number_of_edges()} edges == {len(relations)} relations + "
              f"{n_undirected} reverse halves of the undirected ones")

        ok = True
        for r in relations:
            ends = [(r["source"], r["target"])]
            if not r.get("directed", True):
                ends.append((r["target"], r["source"]))
            for s, t in ends:
                data = G.get_edge_data(s, t, key=r["id"])
                if (data is None or data.get("label", "") != r.get("label", "")
                        or data.get("type") != r.get("type")
                        or data.get("date") != r.get("date")
                        or (r.get("date") is not None and "start" not in data)):
                    print(f"# relation {r['id']} {s}->{t}: {data}")
                    ok = False
        check(ok, "every relation by its id, with its label, type and date (as start too)")

        ok = True
        for (s, t), ids in parallel.items():
            keys = set(G[s][t].keys())
            if not set(ids) <= keys:
                print(f"# parallel {s}->{t}: {sorted(ids)} not in {sorted(keys)}")
                ok = False
        check(ok and parallel, f"the {len(parallel)} groups of parallel relations are all there")

        # NetworkX writes GEXF; Actormap opens it with the right counts.  The mutual
        # halves are separate directed edges for NetworkX, and so for Actormap.
        for version in (None, "1.2draft", "1.1draft"):
            name = f"networkx-{version or 'default'}.gexf"
            path = os.path.join(tmp, name)
            if version is None:
                nx.write_gexf(G, path)
            else:
                nx.write_gexf(G, path, version=version)
            check_counts(actormap, path, len(entities), expected_edges,
                         f"NetworkX write_gexf ({version or 'default'})")

        # A graph made in NetworkX itself, undirected with parallel edges.
        M = nx.MultiGraph()
        M.add_node("a", label="Alpha", kind="person")
        M.add_node("b", label="Beta", kind="state")
        M.add_edge("a", "b", label="meets")
        M.add_edge("a", "b", label="meets again")
        M.add_edge("b", "c")
        path = os.path.join(tmp, "networkx-multigraph.gexf")
        nx.write_gexf(M, path)
        check_counts(actormap, path, 3, 3, "a NetworkX MultiGraph")

    print(f"1..{len(tests)}")
    return 0 if all(ok for ok, _ in tests) else 1


if __name__ == "__main__":
    sys.exit(main())

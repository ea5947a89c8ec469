#!/usr/bin/python3
# test-csv-python.py — Actormap's CSV with real clients: Python's csv module, NetworkX
# and igraph read our edge list and nodes table whole, and an edge list written with
# NetworkX is read back by `actormap --check` with the right counts.
#
# Usage: test-csv-python.py ACTORMAP MODEL.json
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("python3-networkx is not installed", file=sys.stderr)
    sys.exit(77)

actormap, model = sys.argv[1], sys.argv[2]


def run(*args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    p = subprocess.run([actormap, *args], capture_output=True, text=True, env=env,
                       timeout=120)
    if p.returncode != 0:
        sys.exit(f"actormap {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p.stdout


def check_counts(path, entities, relations):
    out = run("--check", path)
    expected = f"ok: {entities} entities, {relations} relations, 0 statements\n"
    if out != expected:
        sys.exit(f"--check {path}: {out!r}, expected {expected!r}")
    print(f"ok - --check {os.path.basename(path)}: {entities} actors, {relations} relations")


with tempfile.TemporaryDirectory() as tmp:
    # 1. Our export, read by the csv module into a NetworkX multigraph.
    edges_path = os.path.join(tmp, "map.csv")
    nodes_path = os.path.join(tmp, "map.nodes.csv")
    run(f"--export={edges_path}", model)

    with open(nodes_path, newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(edges_path, newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    with open(edges_path, "rb") as f:
        raw = f.read()
    assert raw.endswith(b"\r\n") and b"\r\n" in raw, "records end with CRLF"
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"

    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["id"], label=n["name"], kind=n["kind"])
    for e in edges:
        assert e["source"] in g and e["target"] in g, f"edge {e['id']} names an unknown node"
        g.add_edge(e["source"], e["target"], key=e["id"], label=e["label"],
                   type=e["type"], directed=e["directed"])
    assert g.number_of_nodes() == 29, g.number_of_nodes()
    assert g.number_of_edges() == 53, g.number_of_edges()
    assert len({e["id"] for e in edges}) == 53, "edge ids unique"
    assert all(e["directed"] in ("true", "false") for e in edges)
    print(f"ok - networkx read map.csv: {g.number_of_nodes()} nodes, "
          f"{g.number_of_edges()} edges")

    check_counts(edges_path, 29, 53)

    # 2. igraph reads the same tables.
    try:
        import igraph
    except ImportError:
        igraph = None
        print("# python3-igraph is not installed: igraph checks skipped")
    if igraph is not None:
        ig = igraph.Graph.DictList(vertices=nodes, edges=edges, directed=True,
                                   vertex_name_attr="id", edge_foreign_keys=("source", "target"))
        assert ig.vcount() == 29 and ig.ecount() == 53, (ig.vcount(), ig.ecount())
        names = set(ig.vs["name"])
        assert names == {n["name"] for n in nodes}, "igraph kept every actor's name"
        print(f"ok - igraph read map.csv: {ig.vcount()} vertices, {ig.ecount()} edges")

    # 3. Edge lists written by NetworkX's write_edgelist (with the header it does not
    #    write itself): a multigraph with parallel edges and a self-loop, and a classic
    #    data set.  Then one written by the csv module, with a quoted name.
    m = nx.MultiDiGraph()
    m.add_edges_from([("Ann", "Bob"), ("Ann", "Bob"), ("Bob", "Cy"), ("Cy", "Cy"),
                      ("Dee", "Ann")])
    karate = nx.karate_club_graph()
    for name, graph, n_nodes, n_edges in (("multi.csv", m, 4, 5),
                                           ("karate.csv", karate, 34, 78)):
        path = os.path.join(tmp, name)
        body = os.path.join(tmp, name + ".body")
        nx.write_edgelist(graph, body, delimiter=",", data=False)
        with open(body, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
            dst.write("source,target\n")
            dst.write(src.read())
        check_counts(path, n_nodes, n_edges)

        # And on to the model: the same counts.
        out = os.path.join(tmp, name + ".json")
        run(f"--export={out}", path)
        check_counts(out, n_nodes, n_edges)

    path = os.path.join(tmp, "quoted.csv")
    with open(path, "w", newline="", encoding="utf-8") as dst:
        w = csv.writer(dst, delimiter=";")
        w.writerow(["Source", "Target", "label"])
        w.writerow(["Dee; Jr.", "Ann", 'said "hi"\nthen left'])
        w.writerow(["Ann", "Dee; Jr.", ""])
    check_counts(path, 2, 2)

print("all ok")

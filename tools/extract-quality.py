#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures the extractor against hand-made expectations.

For every sidecar ARTICLE.json (expected actors and direct quotes) in the directories
given, runs `actormap --extract=OUT.json ARTICLE.txt` (or the sidecar's "article" path)
and prints, per article and overall:

  actor recall     expected actors found / expected actors
  actor precision  suggested actors that are expected / suggested actors
  quote speakers   expected direct quotes found with the right speaker / expected quotes

Matching: an expected actor is found when its name or one of its aliases equals the
suggested actor's name or one of its aliases, after case folding and collapsing white
space.  A suggested actor that matches no expected actor counts against precision.  An
expected quote is found when a suggested quoted statement's text starts with (or
contains) the expected start, after the same folding, and its speaker matches the
expected speaker as above.

  tools/extract-quality.py --actormap build/src/actormap tests/data/articles
  tools/extract-quality.py --check 0.9,0.8,0.8 ...   exit 1 when the overall figures are lower
  tools/extract-quality.py --json ...                the table as JSON
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def fold(text):
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def names_of(entity):
    return {fold(entity["name"])} | {fold(a) for a in entity.get("aliases", [])}


def extract(actormap, article):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "draft.json")
        if actormap.endswith("extract-dump"):
            proc = subprocess.run([actormap, article, "--json"], capture_output=True, text=True)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr)
            return json.loads(proc.stdout)
        proc = subprocess.run([actormap, "--extract=" + out, article],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError("%s: %s" % (article, proc.stderr.strip()))
        with open(out, encoding="utf-8") as f:
            return json.load(f)


def score(expected, draft):
    entities = draft.get("entities", [])
    by_id = {e["id"]: e for e in entities}
    found = 0
    matched = set()
    for actor in expected["actors"]:
        keys = names_of(actor)
        hit = [e["id"] for e in entities if names_of(e) & keys]
        if hit:
            found += 1
            matched.update(hit)
    missed = [a["name"] for a in expected["actors"]
              if not any(names_of(e) & names_of(a) for e in entities)]
    extra = [e["name"] for e in entities if e["id"] not in matched]
    expected_by_name = {}
    for actor in expected["actors"]:
        expected_by_name[fold(actor["name"])] = names_of(actor)
    right = 0
    wrong = []
    for quote in expected["quotes"]:
        start = fold(quote["start"])
        speaker_keys = expected_by_name.get(fold(quote["speaker"]), {fold(quote["speaker"])})
        ok = False
        for statement in draft.get("statements", []):
            if not statement.get("quoted"):
                continue
            text = fold(statement["text"]).lstrip("\"'\u201c ")
            if text.startswith(start) or start in text:
                speaker = by_id.get(statement["speaker"])
                if speaker is not None and names_of(speaker) & speaker_keys:
                    ok = True
                    break
        if ok:
            right += 1
        else:
            wrong.append(quote["start"])
    return {
        "expected_actors": len(expected["actors"]),
        "found_actors": found,
        "suggested_actors": len(entities),
        "true_suggested": len(matched),
        "expected_quotes": len(expected["quotes"]),
        "right_quotes": right,
        "missed": missed,
        "extra": extra,
        "wrong_quotes": wrong,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actormap", default="build/src/actormap")
    parser.add_argument("--check", help="minimum recall,precision,quote accuracy")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()

    rows = []
    for directory in args.dirs:
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".json"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as f:
                expected = json.load(f)
            article = expected.get("article")
            article = (os.path.join(directory, article) if article
                       else path[:-len(".json")] + ".txt")
            row = score(expected, extract(args.actormap, article))
            row["article"] = os.path.basename(article)
            rows.append(row)

    total = {k: sum(r[k] for r in rows) for k in
             ("expected_actors", "found_actors", "suggested_actors", "true_suggested",
              "expected_quotes", "right_quotes")}

    def figures(r):
        recall = r["found_actors"] / r["expected_actors"] if r["expected_actors"] else 1.0
        precision = r["true_suggested"] / r["suggested_actors"] if r["suggested_actors"] else 1.0
        quotes = r["right_quotes"] / r["expected_quotes"] if r["expected_quotes"] else 1.0
        return recall, precision, quotes

    if args.json:
        out = []
        for r in rows + [dict(total, article="overall")]:
            recall, precision, quotes = figures(r)
            out.append(dict(r, recall=recall, precision=precision, quote_accuracy=quotes))
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print("| Article | Actor recall | Actor precision | Quotes with right speaker |")
        print("|---|---:|---:|---:|")
        for r in rows + [dict(total, article="**overall**")]:
            recall, precision, quotes = figures(r)
            print("| %s | %.2f (%d/%d) | %.2f (%d/%d) | %.2f (%d/%d) |" % (
                r["article"], recall, r["found_actors"], r["expected_actors"],
                precision, r["true_suggested"], r["suggested_actors"],
                quotes, r["right_quotes"], r["expected_quotes"]))
        if args.verbose:
            for r in rows:
                print("\n%s\n  missed: %s\n  extra: %s\n  wrong quotes: %s" % (
                    r["article"], r["missed"], r["extra"], r["wrong_quotes"]))

    if args.check:
        need = [float(x) for x in args.check.split(",")]
        got = figures(total)
        if any(g < n for g, n in zip(got, need)):
            print("below the goal: recall %.2f, precision %.2f, quotes %.2f (need %s)"
                  % (got + (args.check,)), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check an Actormap article model against the rules of docs/article-model.md.

Usage:
  tools/check-model.py MODEL.json [--article ARTICLE.txt]
  tools/check-model.py --self-test [MODEL.json]
  tools/check-model.py --counts MODEL.json

--counts prints, after a clean check, the Markdown tables of entities by kind and
relations by type that docs/article-model.md shows.

The article text defaults to the .txt file next to MODEL.json with the same stem.
On success one line is printed on stdout, "ok: N entities, N relations, N statements",
and the exit status is 0.  Otherwise every problem found is printed on stderr, each
naming the JSON location, and the exit status is 1.

This is stricter than the application's loader on purpose: the loader must accept
any network, while the bundled article model must be complete, evidenced and
spelled exactly as the format says.  Standard library only.
"""

import argparse
import copy
import datetime
import json
import os
import re
import sys

ENTITY_KINDS = (
    "state", "organization", "person", "event", "place", "media", "other",
)

# The relation-type vocabulary of docs/article-model.md.  Keep the two in step.
RELATION_TYPES = (
    "role", "membership", "family", "advises", "succession",
    "visit", "meeting", "participation", "negotiation",
    "alliance", "hostility", "sanctions", "exercise", "reports", "location",
)

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

TOP_KEYS = {"format", "version", "article", "entities", "relations", "statements"}
ARTICLE_KEYS = {"title", "date", "publisher", "source", "url", "paragraphs"}
ENTITY_KEYS = {"id", "name", "kind", "role", "description", "affiliation",
               "aliases", "evidence"}
RELATION_KEYS = {"id", "source", "target", "label", "type", "directed", "date",
                 "evidence"}
STATEMENT_KEYS = {"id", "speaker", "text", "quoted", "date", "about", "addressees",
                  "reported_by", "evidence"}
EVIDENCE_KEYS = {"paragraph", "text"}


class ModelError(Exception):
    pass


def split_paragraphs(text):
    """Paragraphs are runs of non-blank lines.

    A line is blank when it holds nothing but ASCII spaces, tabs or a CR.  U+00A0 is
    deliberately not whitespace here (Python's str.strip() would remove it): the
    article starts and ends paragraphs with it and the model keeps them verbatim.
    """
    paragraphs = []
    current = []
    for line in text.split("\n"):
        if line.strip(" \t\r") == "":
            if current:
                paragraphs.append("\n".join(current))
                current = []
        else:
            current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def read_article(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ModelError("%s: cannot read the article: %s" % (path, e.strerror))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ModelError("%s: not UTF-8 at byte %d" % (path, e.start))
    return split_paragraphs(text)


def _no_duplicate_keys(pairs):
    # json-glib keeps the last of two equal keys without a word; refuse them here.
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError("duplicate key '%s'" % key)
        obj[key] = value
    return obj


def _no_constants(name):
    raise ValueError("'%s' is not JSON" % name)


def load_model(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ModelError("%s: cannot read: %s" % (path, e.strerror))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ModelError("%s: starts with a UTF-8 byte order mark" % path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ModelError("%s: not UTF-8 at byte %d" % (path, e.start))
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys,
                          parse_constant=_no_constants)
    except ValueError as e:
        raise ModelError("%s: bad JSON: %s" % (path, e))


def describe(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def valid_date(value):
    m = DATE_RE.match(value)
    if not m:
        return False
    year, month, day = m.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


class Checker:
    def __init__(self, model, article_paragraphs):
        self.model = model
        self.article_paragraphs = article_paragraphs
        self.errors = []
        self.paragraphs = []

    def error(self, where, message):
        self.errors.append("%s: %s" % (where, message))

    # -- small typed readers; each reports and returns None on a wrong type

    def string(self, obj, key, where, required=True, nonempty=True):
        if key not in obj:
            if required:
                self.error(where, "missing '%s'" % key)
            return None
        value = obj[key]
        if not isinstance(value, str):
            self.error(where, "'%s' must be a string, not %s" % (key, describe(value)))
            return None
        if nonempty and value.strip() == "":
            self.error(where, "'%s' is empty" % key)
            return None
        return value

    def boolean(self, obj, key, where):
        if key not in obj:
            self.error(where, "missing '%s'" % key)
            return None
        value = obj[key]
        if not isinstance(value, bool):
            self.error(where, "'%s' must be true or false, not %s" % (key, describe(value)))
            return None
        return value

    def array(self, obj, key, where, required=True):
        if key not in obj:
            if required:
                self.error(where, "missing '%s'" % key)
            return None
        value = obj[key]
        if not isinstance(value, list):
            self.error(where, "'%s' must be an array, not %s" % (key, describe(value)))
            return None
        return value

    def date(self, obj, key, where, required=False):
        value = self.string(obj, key, where, required=required)
        if value is not None and not valid_date(value):
            self.error(where, "'%s' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): '%s'"
                       % (key, value))
        return value

    def unknown_keys(self, obj, allowed, where):
        for key in obj:
            if key not in allowed:
                self.error(where, "unknown member '%s'" % key)

    # -- the document

    def run(self):
        m = self.model
        if not isinstance(m, dict):
            self.error("(root)", "must be an object, not %s" % describe(m))
            return self.errors
        self.unknown_keys(m, TOP_KEYS, "(root)")
        if m.get("format") != "actormap":
            self.error("(root)", "'format' must be \"actormap\"")
        version = m.get("version")
        if isinstance(version, bool) or version != 1:
            self.error("(root)", "'version' must be the number 1")

        self.check_article()
        entities = self.collection("entities")
        relations = self.collection("relations")
        statements = self.collection("statements")

        ids = {}
        for name, items in (("entities", entities), ("relations", relations),
                            ("statements", statements)):
            for i, item in enumerate(items):
                where = "%s[%d]" % (name, i)
                ident = self.string(item, "id", where)
                if ident is None:
                    continue
                if not ID_RE.match(ident):
                    self.error(where, "id '%s' is not a lower-case slug" % ident)
                if ident in ids:
                    self.error(where, "duplicate id '%s' (first used at %s)"
                               % (ident, ids[ident]))
                else:
                    ids[ident] = where

        entity_ids = {e["id"] for e in entities if isinstance(e.get("id"), str)}
        used = set()
        for i, e in enumerate(entities):
            self.check_entity(e, self.where("entities", i, e))
        seen_relations = {}
        for i, r in enumerate(relations):
            where = self.where("relations", i, r)
            self.check_relation(r, where, entity_ids, used)
            key = (r.get("source"), r.get("target"), r.get("type"), r.get("label"))
            if all(isinstance(k, str) for k in key):
                if key in seen_relations:
                    self.error(where, "repeats %s (same source, target, type and label)"
                               % seen_relations[key])
                else:
                    seen_relations[key] = where
        for i, s in enumerate(statements):
            self.check_statement(s, self.where("statements", i, s), entity_ids, used)

        for i, e in enumerate(entities):
            ident = e.get("id")
            if isinstance(ident, str) and ident not in used:
                self.error(self.where("entities", i, e),
                           "floats unconnected: no relation or statement refers to it")
        return self.errors

    @staticmethod
    def where(name, i, item):
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str):
            return "%s[%d] (%s)" % (name, i, ident)
        return "%s[%d]" % (name, i)

    def collection(self, name):
        items = self.array(self.model, name, "(root)")
        if items is None:
            return []
        good = []
        for i, item in enumerate(items):
            if isinstance(item, dict):
                good.append(item)
            else:
                self.error("%s[%d]" % (name, i), "must be an object, not %s" % describe(item))
        return good

    def check_article(self):
        where = "article"
        art = self.model.get("article")
        if not isinstance(art, dict):
            self.error("(root)", "'article' must be an object, not %s" % describe(art))
            return
        self.unknown_keys(art, ARTICLE_KEYS, where)
        title = self.string(art, "title", where)
        self.date(art, "date", where, required=True)
        publisher = self.string(art, "publisher", where, required=False)
        source = self.string(art, "source", where, required=False)
        if publisher is None and source is None:
            self.error(where, "needs 'publisher' or 'source'")
        self.string(art, "url", where, required=False)
        paragraphs = self.array(art, "paragraphs", where)
        if paragraphs is None:
            return
        for i, p in enumerate(paragraphs):
            if not isinstance(p, str):
                self.error("article.paragraphs[%d]" % i,
                           "must be a string, not %s" % describe(p))
                paragraphs = [p if isinstance(p, str) else "" for p in paragraphs]
        self.paragraphs = paragraphs
        if title is not None and (not paragraphs or paragraphs[0] != title):
            self.error(where, "'title' must also be paragraph 0 (see docs/article-model.md)")
        self.compare_with_article(paragraphs)

    def compare_with_article(self, paragraphs):
        expected = self.article_paragraphs
        if expected is None:
            return
        for i in range(max(len(paragraphs), len(expected))):
            where = "article.paragraphs[%d]" % i
            if i >= len(paragraphs):
                self.error(where, "missing; the article has %d paragraphs, the model %d"
                           % (len(expected), len(paragraphs)))
                return
            if i >= len(expected):
                self.error(where, "extra; the article has only %d paragraphs"
                           % len(expected))
                return
            if paragraphs[i] != expected[i]:
                self.error(where, "differs from the article's paragraph: %s"
                           % first_difference(paragraphs[i], expected[i]))

    def check_evidence(self, obj, where, required):
        items = self.array(obj, "evidence", where, required=required)
        if items is None:
            return
        if required and not items:
            self.error(where, "has no evidence")
        for i, ev in enumerate(items):
            ew = "%s.evidence[%d]" % (where, i)
            if not isinstance(ev, dict):
                self.error(ew, "must be an object, not %s" % describe(ev))
                continue
            self.unknown_keys(ev, EVIDENCE_KEYS, ew)
            p = ev.get("paragraph")
            if isinstance(p, bool) or not isinstance(p, int):
                self.error(ew, "'paragraph' must be an integer, not %s" % describe(p))
                continue
            text = self.string(ev, "text", ew)
            if not 0 <= p < len(self.paragraphs):
                self.error(ew, "paragraph %d is out of range (0..%d)"
                           % (p, len(self.paragraphs) - 1))
                continue
            if text is not None and text not in self.paragraphs[p]:
                self.error(ew, "text is not in paragraph %d verbatim: %s"
                           % (p, json.dumps(text, ensure_ascii=True)))

    def check_refs(self, values, key, where, entity_ids, used):
        for v in values:
            if not isinstance(v, str):
                self.error(where, "'%s' holds %s, not an entity id" % (key, describe(v)))
            elif v not in entity_ids:
                self.error(where, "'%s' refers to unknown entity '%s'" % (key, v))
            else:
                used.add(v)

    def string_array(self, obj, key, where):
        values = self.array(obj, key, where)
        if values is None:
            return []
        for v in values:
            if not isinstance(v, str) or not v.strip():
                self.error(where, "'%s' must hold non-empty strings" % key)
                return []
        if len(set(values)) != len(values):
            self.error(where, "'%s' repeats a value" % key)
        return values

    def check_entity(self, e, where):
        self.unknown_keys(e, ENTITY_KEYS, where)
        self.string(e, "name", where)
        kind = self.string(e, "kind", where)
        if kind is not None and kind not in ENTITY_KINDS:
            self.error(where, "unknown kind '%s' (expected one of %s)"
                       % (kind, ", ".join(ENTITY_KINDS)))
        self.string(e, "role", where)
        self.string(e, "description", where)
        self.string(e, "affiliation", where, required=False)
        self.string_array(e, "aliases", where)
        self.check_evidence(e, where, required=True)

    def check_relation(self, r, where, entity_ids, used):
        self.unknown_keys(r, RELATION_KEYS, where)
        source = self.string(r, "source", where)
        target = self.string(r, "target", where)
        refs = [x for x in (source, target) if x is not None]
        for key, value in (("source", source), ("target", target)):
            if value is not None:
                self.check_refs([value], key, where, entity_ids, used)
        if len(refs) == 2 and source == target:
            self.error(where, "source and target are the same entity")
        self.string(r, "label", where)
        rtype = self.string(r, "type", where)
        if rtype is not None and rtype not in RELATION_TYPES:
            self.error(where, "type '%s' is not in the vocabulary (%s)"
                       % (rtype, ", ".join(RELATION_TYPES)))
        self.boolean(r, "directed", where)
        self.date(r, "date", where)
        self.check_evidence(r, where, required=True)

    def check_statement(self, s, where, entity_ids, used):
        self.unknown_keys(s, STATEMENT_KEYS, where)
        speaker = self.string(s, "speaker", where)
        if speaker is not None:
            self.check_refs([speaker], "speaker", where, entity_ids, used)
        text = self.string(s, "text", where)
        quoted = self.boolean(s, "quoted", where)
        self.date(s, "date", where, required=True)
        self.check_refs(self.string_array(s, "about", where), "about", where,
                        entity_ids, used)
        self.check_refs(self.string_array(s, "addressees", where), "addressees", where,
                        entity_ids, used)
        reporter = self.string(s, "reported_by", where, required=False)
        if reporter is not None:
            self.check_refs([reporter], "reported_by", where, entity_ids, used)
        self.check_evidence(s, where, required=True)
        # A direct quote must be the article's own words, found in a paragraph the
        # statement cites.
        if quoted and text is not None and isinstance(s.get("evidence"), list):
            cited = {ev.get("paragraph") for ev in s["evidence"] if isinstance(ev, dict)}
            if not any(isinstance(p, int) and not isinstance(p, bool)
                       and 0 <= p < len(self.paragraphs) and text in self.paragraphs[p]
                       for p in cited):
                self.error(where, "quoted text is not verbatim in any paragraph its "
                           "evidence cites")


def first_difference(got, expected):
    n = 0
    while n < len(got) and n < len(expected) and got[n] == expected[n]:
        n += 1
    return ("first difference at character %d: model has %s, article has %s"
            % (n, json.dumps(got[n:n + 12], ensure_ascii=True),
               json.dumps(expected[n:n + 12], ensure_ascii=True)))


def summary(model):
    return "ok: %d entities, %d relations, %d statements" % (
        len(model["entities"]), len(model["relations"]), len(model["statements"]))


def count_tables(model):
    kinds = {}
    for e in model["entities"]:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    types = {}
    for r in model["relations"]:
        types[r["type"]] = types.get(r["type"], 0) + 1
    lines = ["| Entity kind | Count |", "|---|---:|"]
    lines += ["| `%s` | %d |" % (k, kinds[k]) for k in ENTITY_KINDS if k in kinds]
    lines += ["| **total** | **%d** |" % len(model["entities"]), "",
              "| Relation type | Count |", "|---|---:|"]
    lines += ["| `%s` | %d |" % (t, types[t]) for t in RELATION_TYPES if t in types]
    lines += ["| **total** | **%d** |" % len(model["relations"])]
    quoted = sum(1 for s in model["statements"] if s["quoted"])
    lines += ["", "| Statements | Count |", "|---|---:|",
              "| direct quotes (`quoted: true`) | %d |" % quoted,
              "| reported positions (`quoted: false`) | %d |"
              % (len(model["statements"]) - quoted),
              "| **total** | **%d** |" % len(model["statements"])]
    return "\n".join(lines)


def default_article(model_path):
    return os.path.splitext(model_path)[0] + ".txt"


# -- self-test: each mutation of a clean model must be caught

def _mutations():
    def drop_nbsp(m):
        m["article"]["paragraphs"] = [p.replace("\u00a0", " ")
                                      for p in m["article"]["paragraphs"]]

    def drop_nbsp_in_evidence(m):
        for s in m["statements"]:
            for ev in s["evidence"]:
                if "\u00a0" in ev["text"]:
                    ev["text"] = ev["text"].replace("\u00a0", " ")
                    return
        raise AssertionError("no evidence with U+00A0 to break")

    def duplicate_id(m):
        m["statements"][0]["id"] = m["entities"][0]["id"]

    def unknown_target(m):
        m["relations"][0]["target"] = "nobody"

    def unknown_about(m):
        m["statements"][0]["about"].append("nobody")

    def evidence_not_verbatim(m):
        ev = m["relations"][0]["evidence"][0]
        ev["text"] = ev["text"] + " (sic)"

    def evidence_out_of_range(m):
        m["relations"][0]["evidence"][0]["paragraph"] = len(m["article"]["paragraphs"])

    def no_evidence(m):
        m["statements"][0]["evidence"] = []

    def floating_entity(m):
        m["entities"].append({"id": "floating", "name": "Floating", "kind": "other",
                              "role": "x", "description": "x", "aliases": [],
                              "evidence": copy.deepcopy(m["entities"][0]["evidence"])})

    def bad_kind(m):
        m["entities"][0]["kind"] = "country"

    def bad_type(m):
        m["relations"][0]["type"] = "friendship"

    def bad_date(m):
        m["relations"][0]["date"] = "2021-02-30"

    def directed_as_string(m):
        m["relations"][0]["directed"] = "true"

    def misspelled_key(m):
        m["statements"][0]["adressees"] = m["statements"][0].pop("addressees")

    def paragraph_missing(m):
        m["article"]["paragraphs"].pop()

    def quote_not_verbatim(m):
        for s in m["statements"]:
            if s["quoted"]:
                s["text"] = s["text"].replace("ignore", "disregard").replace(
                    "spread", "spreading") + "!"
                return
        raise AssertionError("no quoted statement")

    # Each mutation with a piece of the message that must report it, so that a
    # mutation caught for the wrong reason still fails the self-test.
    return [(drop_nbsp, "differs from the article's paragraph"),
            (drop_nbsp_in_evidence, "is not in paragraph"),
            (duplicate_id, "duplicate id"),
            (unknown_target, "'target' refers to unknown entity 'nobody'"),
            (unknown_about, "'about' refers to unknown entity 'nobody'"),
            (evidence_not_verbatim, "is not in paragraph"),
            (evidence_out_of_range, "is out of range"),
            (no_evidence, "has no evidence"),
            (floating_entity, "(floating): floats unconnected"),
            (bad_kind, "unknown kind 'country'"),
            (bad_type, "type 'friendship' is not in the vocabulary"),
            (bad_date, "is not an ISO date"),
            (directed_as_string, "'directed' must be true or false"),
            (misspelled_key, "unknown member 'adressees'"),
            (paragraph_missing, ": missing; the article has"),
            (quote_not_verbatim, "quoted text is not verbatim")]


def self_test(model_path, article_path):
    model = load_model(model_path)
    paragraphs = read_article(article_path)
    errors = Checker(model, paragraphs).run()
    if errors:
        raise ModelError("self-test needs a clean model, but:\n  " + "\n  ".join(errors))
    failed = 0
    for mutate, expected in _mutations():
        broken = copy.deepcopy(model)
        mutate(broken)
        errors = Checker(broken, paragraphs).run()
        if any(expected in e for e in errors):
            print("ok: %s is caught" % mutate.__name__)
        else:
            print("not ok: %s: expected an error with %s, got %s"
                  % (mutate.__name__, json.dumps(expected), errors or "none"))
            failed += 1
    return failed


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    bundled = os.path.join(here, os.pardir, "data",
                           "north-korea-ignores-us-dialogue-offer.json")
    parser = argparse.ArgumentParser(description="Check an Actormap article model.")
    parser.add_argument("model", nargs="?", help="the model (JSON)")
    parser.add_argument("--article", help="the article text (default: MODEL with .txt)")
    parser.add_argument("--self-test", action="store_true",
                        help="check that broken copies of MODEL are all refused")
    parser.add_argument("--counts", action="store_true",
                        help="also print the count tables of docs/article-model.md")
    args = parser.parse_args(argv)

    if args.model is None:
        if not args.self_test:
            parser.error("a MODEL.json is required")
        args.model = os.path.normpath(bundled)
    article = args.article or default_article(args.model)
    prog = os.path.basename(sys.argv[0])

    try:
        if args.self_test:
            failed = self_test(args.model, article)
            return 1 if failed else 0
        model = load_model(args.model)
        if not os.path.exists(article) and args.article is None:
            raise ModelError("%s: no article text next to it (%s); pass --article"
                             % (args.model, article))
        errors = Checker(model, read_article(article)).run()
    except ModelError as e:
        print("%s: %s" % (prog, e), file=sys.stderr)
        return 1
    if errors:
        for e in errors:
            print("%s: %s: %s" % (prog, args.model, e), file=sys.stderr)
        print("%s: %s: %d problem%s" % (prog, args.model, len(errors),
                                        "" if len(errors) == 1 else "s"),
              file=sys.stderr)
        return 1
    print(summary(model))
    if args.counts:
        print()
        print(count_tables(model))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

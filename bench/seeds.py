"""Score the graph of the sample articles against hand-made reference annotations.

    python -m bench.seeds [--gold ../shared/gold/seeds-dev.json] [--seeds seeds/] [--verbose]

Loads every article in --seeds into a fresh graph (resolution is corpus-wide) and scores the
documents the gold file covers:
- actors: recall (a gold actor is found when one node carries any of its names) and precision,
  counting duplicates (a second node for the same gold actor), listed noise (photo credits...)
  and, in the strict figure, every actor the gold does not list;
- events: recall of core (and all) gold events: a node described by a gold document whose
  evidence contains a keyword and whose date value starts with an acceptable date; of the
  gold events several documents tell, those one such node holds for all of them; and the
  nodes that match two gold events (different events merged);
- claims: recall of gold claims with a matching keyword and the right speaker;
- source metadata: exact matches of every field the gold states;
- contradictions: gold pairs joined by a CONTRADICTS edge.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

from graph.pipeline import load
from graph.store import read_saved

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared/gold/seeds-dev.json")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--graph", type=Path, help="Score this saved graph instead of loading.")
    parser.add_argument("--verbose", "-v", action="store_true", help="List misses and noise.")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"{args.gold}: gold file not found; pass --gold PATH", file=sys.stderr)
        return 2
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    if args.graph:
        graph = read_saved(args.graph, missing_ok=False).graph
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "seeds.graph.db"
            load([str(args.seeds)], path, jobs=2)
            graph = read_saved(path).graph
    rows, misses = score(graph, gold)
    print(f"{'measure':<42} {'value':>8}  detail")
    for name, value, detail in rows:
        print(f"{name:<42} {value:>8.3f}  {detail}")
    if args.verbose:
        for line in misses:
            print("  " + line)
    return 0


def _norm(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return re.sub(r"['’]s$", "", text).casefold()


def score(
    graph: nx.MultiDiGraph, gold: dict[str, Any]
) -> tuple[list[tuple[str, float, str]], list[str]]:
    nodes = graph.nodes
    docs = {Path(d["path"]).name: n for n, d in nodes(data=True) if d["kind"] == "Source"}
    gold_docs = [docs[name] for name in gold["sources"] if name in docs]
    misses: list[str] = []
    rows: list[tuple[str, float, str]] = []

    def out_targets(source: str, edge_type: str) -> set[str]:
        return {v for _, v, d in graph.out_edges(source, data=True) if d["type"] == edge_type}

    # ---- actors
    actors = set().union(*(out_targets(s, "MENTIONS") for s in gold_docs))
    names = {a: {_norm(nodes[a]["name"]), *(_norm(x) for x in nodes[a]["aliases"])} for a in actors}
    matched: dict[str, list[str]] = {}
    for key, entry in gold["actors"].items():
        wanted = {_norm(n) for n in entry["names"]}
        matched[key] = sorted(a for a in actors if names[a] & wanted)
    found = [k for k, v in matched.items() if v]
    duplicates = sum(len(v) - 1 for v in matched.values() if len(v) > 1)
    noise_names = {_norm(n) for n in gold.get("noise_actors", [])}
    noise = [a for a in actors if names[a] & noise_names]
    claimed = set().union(*matched.values())
    unlisted = [a for a in actors if a not in claimed and a not in noise]
    correct = len(found)
    rows.append(
        ("actors: recall", correct / len(gold["actors"]), f"{correct}/{len(gold['actors'])}")
    )
    lenient = correct / max(1, correct + duplicates + len(noise))
    rows.append(
        (
            "actors: precision (duplicates, noise)",
            lenient,
            f"{correct} right, {duplicates} duplicates, {len(noise)} noise",
        )
    )
    strict = correct / max(1, correct + duplicates + len(noise) + len(unlisted))
    rows.append(
        ("actors: precision (strict, unlisted = wrong)", strict, f"{len(unlisted)} unlisted")
    )
    misses += [f"actor missed: {k}" for k, v in matched.items() if not v]
    misses += [
        f"actor split: {k} -> {[nodes[a]['name'] for a in v]}"
        for k, v in matched.items()
        if len(v) > 1
    ]
    misses += [f"actor noise: {nodes[a]['name']}" for a in noise]
    misses += [
        f"actor unlisted: {nodes[a]['name']} ({nodes[a]['actor_type']})" for a in sorted(unlisted)
    ]

    # ---- events
    def event_evidence(event: str, allowed_docs: list[str]) -> str:
        spans = [
            s
            for _, _, d in graph.in_edges(event, data=True)
            if d["type"] == "DESCRIBES"
            for s in d["spans"]
            if s["source_id"] in allowed_docs
        ]
        label: str = nodes[event]["label"]
        return " ".join(s["text"] for s in spans) + " " + label

    events_by_doc = {s: out_targets(s, "DESCRIBES") for s in gold_docs}
    for core_only in (True, False):
        events = {k: e for k, e in gold["events"].items() if e["core"] or not core_only}
        hits = 0
        for key, entry in events.items():
            allowed = [docs[name] for name in entry["docs"] if name in docs]
            candidates = set().union(*(events_by_doc.get(s, set()) for s in allowed))
            ok = False
            for event in candidates:
                date = nodes[event].get("date")
                text = event_evidence(event, allowed).casefold()
                if (
                    date
                    and any(date["value"].startswith(p) for p in entry["dates"])
                    and any(k.casefold() in text for k in entry["keywords"])
                ):
                    ok = True
                    break
            hits += ok
            if not ok and (core_only or not entry["core"]):
                misses.append(f"{'core ' if entry['core'] else ''}event missed: {key}")
        label = (
            "events: core recall (keyword + date)"
            if core_only
            else "events: all recall (keyword + date)"
        )
        rows.append((label, hits / max(1, len(events)), f"{hits}/{len(events)}"))

    # One node per real event: a gold event that several documents tell is merged when one
    # node matching it (keyword + date) is described by every one of them; a node matching
    # two gold events merges different events.
    def matches(event: str, entry: dict[str, Any], allowed: list[str]) -> bool:
        date = nodes[event].get("date")
        text = event_evidence(event, allowed).casefold()
        return bool(
            date
            and any(date["value"].startswith(p) for p in entry["dates"])
            and any(k.casefold() in text for k in entry["keywords"])
        )

    told_by = {e: {s for s in gold_docs if e in events_by_doc[s]} for e in nodes}
    several = {k: e for k, e in gold["events"].items() if len(e["docs"]) > 1}
    merged = 0
    for key, entry in several.items():
        allowed = [docs[name] for name in entry["docs"] if name in docs]
        best = max(
            (
                len(told_by[e] & set(allowed))
                for e in set().union(*told_by.values()) | set(nodes)
                if e in told_by and told_by[e] & set(allowed) and matches(e, entry, allowed)
            ),
            default=0,
        )
        merged += best == len(allowed)
        if best < len(allowed):
            misses.append(f"event not merged: {key} ({best} of {len(allowed)} documents)")
    rows.append(
        (
            "events: told by several documents, one node",
            merged / max(1, len(several)),
            f"{merged}/{len(several)}",
        )
    )
    # A node merges different events when two of its reports each match gold events (a
    # keyword in the sentence, the node's date) and no gold event is matched by both.
    wrong = 0
    names_of = {n: name for name, n in docs.items()}
    for event in set().union(*events_by_doc.values()):
        date = nodes[event].get("date")
        spans = [
            sp
            for _, _, d in graph.in_edges(event, data=True)
            if d["type"] == "DESCRIBES"
            for sp in d["spans"]
            if sp["source_id"] in gold_docs
        ]
        sets = []
        for sp in spans:
            held = {
                k
                for k, entry in gold["events"].items()
                if names_of[sp["source_id"]] in entry["docs"]
                and date
                and any(date["value"].startswith(p) for p in entry["dates"])
                and any(w.casefold() in sp["text"].casefold() for w in entry["keywords"])
            }
            if held:
                sets.append(held)
        if any(not (a & b) for a in sets for b in sets):
            wrong += 1
            misses.append(
                f"events merged into one node: {sorted(set().union(*sets))}"
                f" ({nodes[event]['label']})"
            )
    rows.append(("events: nodes holding two gold events", float(wrong), f"{wrong}"))
    per_doc = [len(events_by_doc[s]) for s in gold_docs]
    rows.append(
        ("events: nodes per document (dev docs)", sum(per_doc) / max(1, len(per_doc)), f"{per_doc}")
    )

    # ---- claims
    hits = 0
    for key, entry in gold["claims"].items():
        source = docs.get(entry["doc"])
        claims = out_targets(source, "REPORTS") if source else set()
        wanted_names = (
            {_norm(n) for n in gold["actors"][entry["claimant"]]["names"]}
            if entry["claimant"]
            else None
        )
        ok = False
        for claim in claims:
            text = (nodes[claim]["text"] + " " + nodes[claim]["span"]["text"]).casefold()
            if not any(k.casefold() in text for k in entry["keywords"]):
                continue
            # The gold names the outlet as claimant where it relays an unnamed source, so a
            # RELAYED edge from the claimant counts like CLAIMED.
            speakers = [
                u
                for u, _, d in graph.in_edges(claim, data=True)
                if d["type"] in {"CLAIMED", "RELAYED"}
            ]
            if wanted_names is None:
                ok = True
            else:
                ok = any(names.get(s, {_norm(nodes[s]["name"])}) & wanted_names for s in speakers)
            if ok:
                break
        hits += ok
        if not ok:
            misses.append(f"claim missed: {key}")
    rows.append(
        (
            "claims: recall with right speaker",
            hits / len(gold["claims"]),
            f"{hits}/{len(gold['claims'])}",
        )
    )

    # ---- source metadata
    exact = total = 0
    for name, entry in gold["sources"].items():
        if name not in docs:
            continue
        data = nodes[docs[name]]
        for field in ("title", "published", "url", "authors", "publisher"):
            if field not in entry:
                continue
            expected = entry[field]
            got: Any = data.get(field)
            if field == "published":
                got = got["value"] if got and got.get("basis") == "stated" else None
            if field == "authors":
                got = list(got or [])
            total += 1
            if got == expected:
                exact += 1
            else:
                misses.append(f"metadata {name} {field}: expected {expected!r}, got {got!r}")
    rows.append(("sources: metadata exact", exact / max(1, total), f"{exact}/{total}"))

    # ---- contradictions
    contradicts = {(u, v) for u, v, d in graph.edges(data=True) if d["type"] == "CONTRADICTS"}
    found_pairs = 0
    for left, right in gold.get("contradictions", []):

        def claim_nodes(keys: list[str]) -> set[str]:
            result = set()
            for key in keys:
                entry = gold["claims"][key]
                source = docs.get(entry["doc"])
                for claim in out_targets(source, "REPORTS") if source else set():
                    text = nodes[claim]["text"].casefold()
                    if any(k.casefold() in text for k in entry["keywords"]):
                        result.add(claim)
            return result

        a, b = claim_nodes(left), claim_nodes(right)
        if any((x, y) in contradicts or (y, x) in contradicts for x in a for y in b):
            found_pairs += 1
    n_pairs = len(gold.get("contradictions", []))
    rows.append(("contradictions found", found_pairs / max(1, n_pairs), f"{found_pairs}/{n_pairs}"))
    return rows, misses


if __name__ == "__main__":
    raise SystemExit(main())

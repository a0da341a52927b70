"""SemEval-2015 Task 4 TimeLine, Track A: the whole product scored on gold timelines.

    python -m bench.timeline [DATA_DIR] [--readers PATH] [--out DIR] [--graph FILE] [--verbose]

DATA_DIR is a Track A corpus (default ../shared/eval-data/timeline-apple next to the
repository): `corpus_trackA_CAT/` (the articles as tokens, with their creation time),
`TimeLines_Gold_Standard/` (one gold timeline per target entity) and
`list_target_entities.txt`. The benchmark skips with a message when the folder is absent.

What it does, through the product only:
1. each article (text rebuilt from the tokens by `readers.read_timeline_documents`) is
   written as a `.txt` file whose first line opens with `date YYYY-MM-DD` (the creation
   time, which `load` reads as the publication date) and the folder is loaded with
   `graph.pipeline.load` into a fresh graph;
2. each target entity's actors are found by name in the saved graph (`graph.views`): the
   actors whose name or alias is the entity's name, else those `find_actors` gives, else
   those of the longest run of the entity's words that names one;
3. its timeline is `graph.views.timeline` with statements, kept to the events those actors
   take part in and the statements they made, in the timeline's order: one rank per date,
   every mention of one Event node on one line (co-reference), undated ones at rank 0;
4. each mention's trigger (`LocalEvent.trigger_span`; a statement's reporting word,
   `LocalClaim.cue_span`, in the saved extractions) maps back to the task's id
   `docid-sentence-token`, and the answer files are scored by the evaluation
   data's `timeline_score.py` (the task's measure, with and without time anchors; a missing
   timeline scores 0).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from bench.corpora import ROOT, CorpusDocument, load_readers
from graph.errors import QueryError
from graph.model import EdgeType, LocalEvent, NodeKind
from graph.pipeline import load
from graph.store import read_saved
from graph.views import find_actors, timeline

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data" / "timeline-apple"
UNDATED = "XXXX-XX-XX"
PUBLISHED = "published: best Track A run F1 7.85 (test corpora); Track B (gold events) 17-29"


@dataclass(frozen=True)
class Article:
    """One corpus article as written for `load`: its id, file prefix and tokens."""

    doc_id: str
    prefix: int  # characters written before the corpus text (the date token)
    tokens: list[dict[str, Any]]  # t_id, sentence, number, text, start, end (corpus offsets)


@dataclass(frozen=True)
class Line:
    """One line of a system timeline."""

    rank: int
    anchor: str
    mentions: tuple[str, ...]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--readers", help="Path to readers.py (default: found near DATA).")
    parser.add_argument("--out", type=Path, help="Keep the answer files (and graph) here.")
    parser.add_argument("--graph", type=Path, help="Score this saved graph instead of loading.")
    parser.add_argument("--verbose", "-v", action="store_true", help="Show each entity's actors.")
    args = parser.parse_args()
    if not (args.data / "corpus_trackA_CAT").is_dir():
        print(f"{args.data}: no Track A corpus (corpus_trackA_CAT/) here; skipped")
        return 0
    readers = load_readers(args.readers, args.data)
    documents: list[CorpusDocument] = list(readers.read_timeline_documents(str(args.data)))
    with tempfile.TemporaryDirectory() as tmp:
        work = args.out or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        articles = write_articles(documents, work / "articles")
        graph_path = args.graph or work / "timeline.graph.db"
        if args.graph is None:
            graph_path.unlink(missing_ok=True)
            load([str(work / "articles")], graph_path, jobs=2)
        saved = read_saved(graph_path, missing_ok=False)
        answers = work / "system"
        answers.mkdir(exist_ok=True)
        gold = args.data / "TimeLines_Gold_Standard"
        entities = gold_entities(args.data)
        mentions = event_mentions(saved.graph, saved.extractions, articles)
        for entity, file_name in entities:
            actors = entity_actors(saved.graph, entity)
            if args.verbose:
                names = sorted(saved.graph.nodes[a]["name"] for a in actors)
                print(f"{entity}: {', '.join(names) or '(no actor)'}")
            lines = entity_timeline(saved.graph, actors, mentions)
            write_timeline(answers / file_name, entity, lines)
        scores = {
            anchors: score(args.data, gold, answers, anchors=anchors) for anchors in (True, False)
        }
    print_scores(scores, len(documents))
    return 0


def write_articles(documents: Iterable[CorpusDocument], folder: Path) -> dict[str, Article]:
    """Write each article as `<doc_id>.txt`, dated by a leading `date` token."""
    folder.mkdir(parents=True, exist_ok=True)
    articles: dict[str, Article] = {}
    for doc in documents:
        prefix = f"date {doc['dct'][:10]} " if doc.get("dct") else ""
        (folder / f"{doc['doc_id']}.txt").write_text(prefix + doc["text"], encoding="utf-8")
        articles[doc["doc_id"]] = Article(doc["doc_id"], len(prefix), doc["tokens"])
    return articles


def gold_entities(data: Path) -> list[tuple[str, str]]:
    """(entity, answer file name) of each target entity, named as its gold file."""
    names = [
        line.strip()
        for line in (data / "list_target_entities.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    files = {
        path.read_text(encoding="utf-8").split("\n", 1)[0].strip().lower(): path.name
        for path in (data / "TimeLines_Gold_Standard").glob("*.txt")
    }
    return [(name, files.get(name.lower(), _file_name(name))) for name in names]


def _file_name(entity: str) -> str:
    return re.sub(r"\W+", "_", entity.lower()).strip("_") + ".txt"


def entity_actors(graph: nx.MultiDiGraph, entity: str) -> set[str]:
    """The actors that stand for `entity`: those named exactly so (name or alias), else the
    ones `graph.views.find_actors` matches, else those of the longest run of two or more of
    its words that names one ("Apple Corps" for "Beatles Apple Corps"; a single word such as
    "store" would name too much)."""
    wanted = entity.lower()
    exact = {
        node
        for node, data in graph.nodes(data=True)
        if data.get("kind") == NodeKind.ACTOR.value
        and wanted in {data["name"].lower(), *(a.lower() for a in data["aliases"])}
    }
    if exact:
        return exact
    words = entity.split()
    for size in range(len(words), min(2, len(words)) - 1, -1):
        for start in range(len(words) - size + 1):
            try:
                return find_actors(graph, " ".join(words[start : start + size]))
            except QueryError:
                continue
    return set()


def event_mentions(
    graph: nx.MultiDiGraph, extractions: Iterable[Any], articles: dict[str, Article]
) -> dict[str, list[str]]:
    """Event and Claim node id -> the task ids of its mentions' triggers (a claim's: its
    reporting word), in document order.

    A local event is found in the graph by the sentence its source DESCRIBES it with; when
    one sentence describes several nodes, by its trigger and date. A local claim is found by
    the attribution its source REPORTS.
    """
    by_sentence: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    reported: dict[tuple[str, int, int], str] = {}
    for source, node, data in graph.edges(data=True):
        for span in data.get("spans") or ():
            where = (source, span["start"], span["end"])
            if data["type"] == EdgeType.DESCRIBES.value:
                by_sentence[where].append(node)
            elif data["type"] == EdgeType.REPORTS.value:
                reported[where] = node
    found: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for extraction in extractions:
        doc_id = Path(extraction.source.path).stem
        article = articles.get(doc_id)
        if article is None:
            continue
        for local in extraction.events:
            span = local.span
            candidates = sorted(set(by_sentence.get((span.source_id, span.start, span.end), [])))
            node = _pick(graph, candidates, local)
            task_id = _task_id(article, local.trigger_span.start, local.trigger_span.end)
            if node is not None and task_id is not None:
                found[node].append((doc_id, local.trigger_span.start, task_id))
        for claim in extraction.claims:
            span, cue = claim.span, claim.cue_span
            claim_node = reported.get((span.source_id, span.start, span.end))
            task_id = _task_id(article, cue.start, cue.end) if cue else None
            if claim_node is not None and cue is not None and task_id is not None:
                found[claim_node].append((doc_id, cue.start, task_id))
    return {node: [m for _, _, m in sorted(set(items))] for node, items in found.items()}


def _pick(graph: nx.MultiDiGraph, candidates: list[str], local: LocalEvent) -> str | None:
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    value = local.date.value if local.date else None

    def fit(node: str) -> tuple[bool, bool]:
        data = graph.nodes[node]
        date = (data.get("date") or {}).get("value")
        return data.get("trigger") == local.trigger, value is None or date == value

    return max(candidates, key=fit)


def _task_id(article: Article, start: int, end: int) -> str | None:
    """`docid-sentence-token` of the tokens a trigger covers (file offsets)."""
    start, end = start - article.prefix, end - article.prefix
    tokens = [t for t in article.tokens if t["start"] < end and start < t["end"]]
    if not tokens:
        return None
    return f"{article.doc_id}-{tokens[0]['sentence']}-{'_'.join(t['text'] for t in tokens)}"


def entity_timeline(
    graph: nx.MultiDiGraph, actors: set[str], mentions: dict[str, list[str]]
) -> list[Line]:
    """The entity's events and statements in the product's timeline order, one rank per
    date."""
    lines: list[Line] = []
    rank = 0
    previous: str | None = None
    for row in timeline(graph, statements=True):
        if row.event_id not in mentions or not {a.actor_id for a in row.actors} & actors:
            continue
        if row.start is None:
            lines.append(Line(0, UNDATED, tuple(mentions[row.event_id])))
            continue
        anchor = _anchor(row.date or "", row.precision or "", row.start, row.end)
        if anchor != previous:
            rank += 1
            previous = anchor
        lines.append(Line(rank, anchor, tuple(mentions[row.event_id])))
    return lines


def _anchor(value: str, precision: str, start: Any, end: Any) -> str:
    """The task's anchor: a day, a month or a year; XXXX-XX-XX when coarser."""
    if precision == "day":
        return str(start)
    if precision == "month" or (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if start.year == end.year:
        return f"{start.year:04d}"
    return UNDATED


def write_timeline(path: Path, entity: str, lines: list[Line]) -> None:
    rows = [entity] + [f"{ln.rank}\t{ln.anchor}\t" + "\t".join(ln.mentions) for ln in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def score(data: Path, gold: Path, answers: Path, *, anchors: bool) -> dict[str, Any]:
    """The evaluation data's scorer over the answer files, per file and micro-averaged."""
    scorer = data.parent / "timeline_score.py"
    if not scorer.is_file():
        sys.exit(f"{scorer}: the task's scorer is not there; it ships with the evaluation data")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        command = [sys.executable, str(scorer), str(gold), str(answers), "--json", str(out)]
        subprocess.run(command + ([] if anchors else ["--ord"]), check=True, capture_output=True)
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def print_scores(scores: dict[bool, dict[str, Any]], documents: int) -> None:
    print(f"SemEval-2015 Task 4 TimeLine, Track A: {documents} documents")
    print(f"{'timeline':<26} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}")
    print(f"{'':<26} {'with time anchors':>20}   {'ordering only':>20}")
    with_anchors, ordering = scores[True], scores[False]
    for row, other in zip(with_anchors["files"], ordering["files"], strict=True):
        print(
            f"{row['file']:<26} {100 * row['p']:6.1f} {100 * row['r']:6.1f} {100 * row['f']:6.1f}"
            f"   {100 * other['p']:6.1f} {100 * other['r']:6.1f} {100 * other['f']:6.1f}"
        )
    a, o = with_anchors["official_rounding"], ordering["official_rounding"]
    print(
        f"{'micro-average':<26} {a['p']:6.1f} {a['r']:6.1f} {a['f1']:6.1f}"
        f"   {o['p']:6.1f} {o['r']:6.1f} {o['f1']:6.1f}"
    )
    print(PUBLISHED)


if __name__ == "__main__":
    raise SystemExit(main())

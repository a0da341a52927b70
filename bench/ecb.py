"""Cross-document event coreference on ECB+ gold event mentions with `cluster_mentions`.

    python -m bench.ecb [ECB_DIR] [--topics 2 5 12 18 21 23 34 35] [--errors] [--readers PATH]

ECB_DIR is the ECB+ folder of the evaluation data (default ../shared/eval-data/ecbplus-dev
next to the repository; it holds `ECB+/<topic>/*.xml` and
`ECBplus_coreference_sentences.csv`); readers.py is looked for in it and its parents. The
default topics are the development topics.

Setting: gold event mentions (ACTION_* and NEG_ACTION_*) of the sentences the corpus authors
selected for evaluation, clustered across documents within each gold topic (the standard
ECB+ setting). Gold clusters are the coreference chains (a mention without a chain is a
singleton); chain ids are used for scoring only, never as features.

Each mention's features are the product's, as `load` computes them for the events it finds:
every document is parsed once, its dates, quantities and actors read
(`graph.extract.read_anchors`), and each gold mention's span handed to
`graph.extract.events.describe_event` (lemma, type, date, quantities, participants,
negation, the words around it); the document's context is `document_context`, its actors are
resolved by `graph.resolve.actors.merge_actors`, and `graph.resolve.events.mention_of` makes
the matcher's mention. Relative dates resolve against the corpus's creation time when it
gives one, else against the date the text states in its first lines (its dateline), as
`load` reads a plain-text article.

Printed: MUC, B3 and CEAF-e (R, P, F1) and the CoNLL F1 (their mean) for the same-head-lemma
baseline and for the matcher, the published figures, the run time; with --errors, the
commonest wrong and missed links by lemma pair.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from bench.coref_metrics import Score, conll
from bench.corpora import Annotation, CorpusDocument, load_readers
from graph.extract import read_anchors
from graph.extract.events import describe_event, document_context
from graph.extract.nlp import load_pipeline
from graph.ingest import read_document
from graph.lang import get as get_lexicon
from graph.model import DocExtraction, Document
from graph.resolve.actors import merge_actors
from graph.resolve.events import Mention, cluster_mentions, context_items, mention_of
from graph.resolve.sources import publication_bounds
from graph.temporal import parse_publication_date

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data" / "ecbplus-dev"
DEV_TOPICS = ["2", "5", "12", "18", "21", "23", "34", "35"]
PUBLISHED = "published (test topics 36-45): same-lemma 76.4, Barhom et al. 2019 79.5"

# ECB+ text is tokens joined by spaces; spaCy parses (and find_dates reads) better prose.
_NO_SPACE_BEFORE = re.compile(
    r"^(?:[,.;:!?%)\]}]|''|'s|’s|n't|n’t|'re|'ve|'ll|'d|'m|’re|’ve|’ll|’d)"
)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "``", "#"}


def detokenize(text: str) -> tuple[str, list[int]]:
    """Drop the spaces a tokeniser put around punctuation; map old offsets to new ones."""
    out: list[str] = []
    offsets = [0] * (len(text) + 1)
    tokens = list(re.finditer(r"[^ \n]+", text))
    drop = set()
    for n, (left, right) in enumerate(zip(tokens, tokens[1:], strict=False)):
        gap = text[left.end() : right.start()]
        a, b = left.group(), right.group()
        joined = _NO_SPACE_BEFORE.match(b) or a in _NO_SPACE_AFTER
        # "co - hosting", "hit - and - run": a hyphen between word characters joins them.
        joined = joined or (b == "-" and a[-1].isalnum()) or (a == "-" and b[0].isalnum())
        # "08 : 06AM": a clock time.
        before = tokens[n - 1].group() if n else ""
        joined = joined or (a == ":" and before[-1:].isdigit() and b[0].isdigit())
        if gap == " " and joined:
            drop.add(left.end())
    for i, ch in enumerate(text):
        offsets[i] = len(out)
        if i not in drop:
            out.append(ch)
    offsets[len(text)] = len(out)
    return "".join(out), offsets


def read_as_loaded(doc_id: str, text: str, dct: str | None, folder: Path) -> Document:
    """The detokenised text read as `load` reads a plain-text article (cleaned, its metadata
    taken from its lines), published on the corpus's creation time when it gives one."""
    path = folder / f"{doc_id}.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    published = parse_publication_date(dct, fallback=False) if dct else None
    if published is None:
        return document
    source = document.source.model_copy(update={"published": published})
    return document.model_copy(update={"source": source})


def to_clean(document: Document, offset: int) -> int:
    """The cleaned-text offset of an offset into the file's text (the nearest kept one)."""
    for segment in document.segments:
        if offset < segment.original + segment.length or segment is document.segments[-1]:
            return segment.clean + max(0, min(offset - segment.original, segment.length))
    return len(document.text)


def document_mentions(
    nlp: Language, doc: CorpusDocument, folder: Path
) -> list[tuple[Mention, Annotation]]:
    """The matcher features of every selected gold event mention of one ECB+ document, as
    the product describes the event each names (`describe_event`, `mention_of`)."""
    selected = [
        m for m in doc["events"] if m.get("in_selected_sentence") and m["start"] is not None
    ]
    if not selected:
        return []
    lexicon = get_lexicon(nlp.lang)
    text, offsets = detokenize(doc["text"])
    document = read_as_loaded(doc["doc_id"], text, doc.get("dct"), folder)
    parsed = nlp(document.text)
    anchors = read_anchors(parsed, document, lexicon)
    # The document's actors resolved as `load` resolves them, on a corpus of this one document.
    alone = DocExtraction(extractor="", source=document.source, actors=tuple(anchors.actors.actors))
    _, actor_ids = merge_actors([alone], vocab=lexicon.actors)
    context = context_items(document_context(parsed))
    published = publication_bounds(alone)
    out = []
    for gold in selected:
        start = to_clean(document, offsets[gold["start"]])
        end = to_clean(document, offsets[gold["end"]])
        span = parsed.char_span(start, end, alignment_mode="expand")
        assert span is not None, f"{doc['doc_id']}: mention {gold['id']} outside the text"
        event = describe_event(span, anchors)
        ids = [actor_ids[(0, p.actor)] for p in event.participants]
        mention = mention_of(event, (doc["doc_id"], gold["id"]), ids, context, published)
        out.append((replace(mention, document=doc["doc_id"]), gold))
    return out


def same_lemma(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The baseline: mentions with the same head lemma form one cluster."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.lemma.split("_")[0]].append(m)
    return list(groups.values())


def same_lemma_by_half(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The baseline within each half of a topic (ECB and ECB+ files, two different events of
    one kind): a reference for published figures whose setting splits topics so, not a
    system (it reads the split from the file names)."""
    halves: dict[bool, list[Mention]] = defaultdict(list)
    for m in mentions:
        halves[m.document.endswith("plus")].append(m)
    return [c for half in halves.values() for c in same_lemma(half)]


def gold_clusters(golds: Sequence[tuple[Mention, Annotation]]) -> list[list[Hashable]]:
    chains: dict[Hashable, list[Hashable]] = defaultdict(list)
    for mention, gold in golds:
        chains[gold["coref_chain_id"] or ("singleton", mention.key)].append(mention.key)
    return list(chains.values())


def table_row(name: str, scores: dict[str, Score | float]) -> str:
    cells = []
    for metric in ("MUC", "B3", "CEAF-e"):
        s = scores[metric]
        assert isinstance(s, Score)
        cells.append(f"{100 * s.recall:5.1f} {100 * s.precision:5.1f} {100 * s.f1:5.1f}")
    f1 = scores["CoNLL"]
    assert isinstance(f1, float)
    return f"{name:<22}" + "  ".join(cells) + f"  {100 * f1:5.1f}"


def link_errors(
    golds: Sequence[tuple[Mention, Annotation]], response: list[list[Mention]]
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Wrong links (merged, not gold) and missed links (gold, not merged) by lemma pair."""
    chain = {m.key: gold["coref_chain_id"] or ("singleton", m.key) for m, gold in golds}
    system = {m.key: i for i, cluster in enumerate(response) for m in cluster}
    mentions = [m for m, _ in golds]
    wrong: Counter[tuple[str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            same_gold, same_system = chain[a.key] == chain[b.key], system[a.key] == system[b.key]
            pair = (min(a.lemma, b.lemma), max(a.lemma, b.lemma))
            if same_system and not same_gold:
                wrong[pair] += 1
            elif same_gold and not same_system:
                missed[pair] += 1
    return wrong, missed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), type=Path)
    parser.add_argument("--topics", nargs="+", default=DEV_TOPICS, help="ECB+ topic numbers")
    parser.add_argument("--errors", action="store_true", help="print the commonest link errors")
    parser.add_argument("--readers", default=None, help="path to eval-data/readers.py")
    args = parser.parse_args(argv)

    data_dir: Path = args.data_dir
    corpus = data_dir / "ECB+"
    sentences = data_dir / "ECBplus_coreference_sentences.csv"
    if not corpus.is_dir() or not sentences.is_file():
        sys.exit(
            f"{data_dir}: expected ECB+/ and ECBplus_coreference_sentences.csv inside; "
            "pass the ecbplus-dev folder"
        )
    readers = load_readers(args.readers, data_dir)
    began = time.perf_counter()
    nlp = load_pipeline()
    by_topic: dict[str, list[tuple[Mention, Annotation]]] = {}
    documents = 0
    with tempfile.TemporaryDirectory(prefix="ecb-") as files:
        for topic in args.topics:
            folder = corpus / topic
            if not folder.is_dir():
                sys.exit(f"{folder}: no such topic folder")
            by_topic[topic] = []
            for doc in readers.read_ecbplus(str(folder), str(sentences)):
                documents += 1
                by_topic[topic].extend(document_mentions(nlp, doc, Path(files)))
    featured = time.perf_counter()

    key: list[list[Hashable]] = []
    baseline: list[list[Hashable]] = []
    by_half: list[list[Hashable]] = []
    ours: list[list[Hashable]] = []
    wrong: Counter[tuple[str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    for golds in by_topic.values():
        mentions = [m for m, _ in golds]
        key.extend(gold_clusters(golds))
        baseline.extend([m.key for m in c] for c in same_lemma(mentions))
        by_half.extend([m.key for m in c] for c in same_lemma_by_half(mentions))
        clusters = cluster_mentions(mentions)
        ours.extend([m.key for m in c] for c in clusters)
        w, m = link_errors(golds, clusters)
        wrong.update(w)
        missed.update(m)
    clustered = time.perf_counter()

    n_mentions = sum(len(g) for g in by_topic.values())
    print(
        f"ECB+ topics {' '.join(args.topics)}: {documents} documents, {n_mentions} gold event "
        f"mentions in the evaluation sentences, {len(key)} gold clusters"
    )
    print("setting: gold mentions, cross-document clustering within each gold topic")
    print(f"{'':<22}{'MUC R/P/F1':<19}{'B3 R/P/F1':<19}{'CEAF-e R/P/F1':<19}CoNLL F1")
    print(table_row("same lemma", conll(key, baseline)))
    print(table_row("matcher", conll(key, ours)))
    print(table_row("(same lemma by half)", conll(key, by_half)))
    print("(same lemma by half: the baseline within the ECB and ECB+ files of each topic")
    print(" apart, as document clustering does in published setups; reads file names)")
    print(PUBLISHED)
    print(
        f"time: {clustered - began:.1f}s ({featured - began:.1f}s parsing and features, "
        f"{clustered - featured:.2f}s clustering)"
    )
    if args.errors:
        for title, counter in (("wrong links", wrong), ("missed links", missed)):
            print(f"\n{title} (pairs of mentions, by lemma pair): {sum(counter.values())}")
            for (a, b), n in counter.most_common(40):
                print(f"  {n:5d}  {a} / {b}")


if __name__ == "__main__":
    main()

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

Each mention's features come from the text alone, spaCy parsing every document once:
- lemma: of the mention's head, with a particle or noun object the mention includes
  ("opened fire" -> open_fire); event type from the product lexicon where it applies;
- date: from `graph.temporal.find_dates` when the date modifies the head; relative dates are
  resolved against a dateline date in the first lines (ECB+ has no creation time);
- participants: PERSON/ORG/GPE names of the sentence (short forms resolved to the full name
  of the document) and the head's noun subject; quantities attached to the head;
- negation for NEG_ACTION; words: content words within 6 tokens of the head;
- context: the document's content words (nouns, names, verbs), to group documents into stories.

Printed: MUC, B3 and CEAF-e (R, P, F1) and the CoNLL F1 (their mean) for the same-head-lemma
baseline and for the matcher, the published figures, the run time; with --errors, the
commonest wrong and missed links by lemma pair.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bench.coref_metrics import Score, conll
from bench.corpora import Annotation, CorpusDocument, load_readers
from graph.extract.nlp import load_pipeline
from graph.extract.quantities import find_quantities
from graph.lang import get as _lexicon
from graph.model import DateValue
from graph.resolve.actors import name_key
from graph.resolve.events import Mention, cluster_mentions
from graph.temporal import DateMention, find_dates, parse_publication_date

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data" / "ecbplus-dev"
DEV_TOPICS = ["2", "5", "12", "18", "21", "23", "34", "35"]
PUBLISHED = "published (test topics 36-45): same-lemma 76.4, Barhom et al. 2019 79.5"
_NAME_LABELS = {"PERSON", "ORG", "GPE"}

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
    for left, right in zip(tokens, tokens[1:], strict=False):
        gap = text[left.end() : right.start()]
        a, b = left.group(), right.group()
        joined = _NO_SPACE_BEFORE.match(b) or a in _NO_SPACE_AFTER
        # "co - hosting", "hit - and - run": a hyphen between word characters joins them.
        joined = joined or (b == "-" and a[-1].isalnum()) or (a == "-" and b[0].isalnum())
        if gap == " " and joined:
            drop.add(left.end())
    for i, ch in enumerate(text):
        offsets[i] = len(out)
        if i not in drop:
            out.append(ch)
    offsets[len(text)] = len(out)
    return "".join(out), offsets


def head_of(span: Span) -> Token:
    """The span's syntactic head, or its main content word when the head is a preposition or
    a light verb ("on suspicion", "took place"); the last one if several."""
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    content = [
        t
        for t in span
        if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")
        and t.lemma_.lower() not in _lexicon().events.light_verbs
    ]
    main = [t for t in heads if t in content]
    return (main or content or heads or list(span))[-1]


def lemma_of(token: Token) -> str:
    """Lower-cased lemma; a capitalised headline word tagged as a name keeps its form."""
    return (token.lower_ if token.pos_ == "PROPN" else token.lemma_).lower()


def phrase_of(head: Token, span: Span) -> str:
    """The head's lemma, joined by "_" to a particle or noun object the mention includes:
    "opened fire" -> open_fire, "passed away" -> pass_away, "laid off" -> lay_off."""
    for child in head.children:
        inside = span.start <= child.i < span.end
        if inside and (child.dep_ == "prt" or (child.dep_ == "dobj" and child.pos_ == "NOUN")):
            return f"{lemma_of(head)}_{lemma_of(child)}"
    return lemma_of(head)


def _date_range(value: DateValue | None) -> tuple[dt.date | None, dt.date | None]:
    return (value.start, value.end) if value is not None else (None, None)


def document_mentions(nlp: Language, doc: CorpusDocument) -> list[tuple[Mention, Annotation]]:
    """The matcher features of every selected gold event mention of one ECB+ document."""
    selected = [
        m for m in doc["events"] if m.get("in_selected_sentence") and m["start"] is not None
    ]
    if not selected:
        return []
    text, offsets = detokenize(doc["text"])
    parsed = nlp(text)
    lines: list[tuple[int, int]] = []
    position = 0
    for written in text.split("\n"):
        lines.append((position, position + len(written)))
        position += len(written) + 1

    def line_of(char: int) -> int:
        return next(i for i, (s, e) in enumerate(lines) if s <= char <= e)

    dates_by_line: dict[int, list[DateMention]] = defaultdict(list)
    for date in find_dates(parsed, _anchor(doc.get("dct")) or _dateline(parsed, lines)):
        if date.value is not None:
            dates_by_line[line_of(date.start)].append(date)
    names = [
        (line_of(e.start_char), name_key(e.text)) for e in parsed.ents if e.label_ in _NAME_LABELS
    ]
    full = full_names({key for _, key in names if key})
    names_by_line: dict[int, set[str]] = defaultdict(set)
    for line, key in names:
        if key:
            names_by_line[line].add(full[key])
    # What the article is about: its content words (names included), compared across articles.
    content = tuple(
        t.lemma_.lower()
        for t in parsed
        if t.pos_ in ("NOUN", "PROPN", "VERB") and t.is_alpha and not t.is_stop
    )

    out = []
    for gold in selected:
        start, end = offsets[gold["start"]], offsets[gold["end"]]
        span = parsed.char_span(start, end, alignment_mode="expand")
        assert span is not None, f"{doc['doc_id']}: mention {gold['id']} outside the text"
        head = head_of(span)
        line = line_of(start)
        lemma = phrase_of(head, span)
        event_type = _lexicon().events.type_of(lemma)
        dates = dates_by_line.get(line, [])
        governing = next((d for d in dates if _governs(parsed, d, head)), None)
        first, last = _date_range(governing.value if governing else None)
        sentence = parsed[head.i].sent
        words = frozenset(
            t.lemma_.lower()
            for t in parsed[max(sentence.start, head.i - 6) : min(sentence.end, head.i + 7)]
            if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop and t != head
        )
        quantities = frozenset(
            (q.quantity.value, q.quantity.unit)
            for q in find_quantities(sentence)
            if _attached(parsed, q.start, q.end, head)
        )
        mention = Mention(
            key=(doc["doc_id"], gold["id"]),
            document=doc["doc_id"],
            lemma=lemma,
            event_type=event_type.value if event_type else "",
            start=first,
            end=last,
            quantities=quantities,
            participants=frozenset(names_by_line.get(line, set())) | subjects(head, full),
            negated=gold["tag"].startswith("NEG_"),
            context=content,
            words=words,
        )
        out.append((mention, gold))
    return out


def subjects(head: Token, full: dict[str, str]) -> frozenset[str]:
    """The head's subject when a noun ("police said", "the coach was fired"): who acted."""
    out = set()
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "agent") and child.pos_ in ("NOUN", "PROPN"):
            key = name_key(child.text) if child.pos_ == "PROPN" else child.lemma_.lower()
            out.add(full.get(key, key))
    return frozenset(out)


def full_names(keys: set[str]) -> dict[str, str]:
    """Each name, or the one longer name of the document it shortens ("Jackson" -> "Vincent
    Jackson"), as the product's actor resolution does."""
    out = {}
    for key in keys:
        longer = {k for k in keys if k != key and k.split()[-1] == key.split()[-1]}
        longer = {k for k in longer if len(k.split()) > len(key.split())}
        out[key] = longer.pop() if len(longer) == 1 else key
    return out


def _anchor(dct: str | None) -> dt.date | None:
    """The document creation time the corpus gives, read as the product reads a publication
    date (without the slow `dateparser` fallback)."""
    published = parse_publication_date(dct, fallback=False) if dct else None
    return published.start if published else None


def _dateline(parsed: Doc, lines: list[tuple[int, int]]) -> dt.date | None:
    """A day written in full in the first lines: the date the article is about to report from.

    ECB+ carries no document creation time, so relative dates ("on Sunday") are resolved
    against this, as a reader of the article would.
    """
    top = parsed.char_span(0, lines[min(len(lines), 5) - 1][1], alignment_mode="expand")
    if top is None:
        return None
    for date in find_dates(parsed[: top.end].as_doc(), None):
        if (
            date.value is not None
            and date.value.precision == "day"
            and date.value.basis == "stated"
        ):
            return date.value.start
    return None


def _governs(parsed: Doc, date: DateMention, head: Token) -> bool:
    """The date modifies the event word itself: the first verb or noun above it is the head."""
    span = parsed.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == head.i:
            return True
        if token.pos_ in ("VERB", "NOUN", "PROPN", "AUX"):
            return False
    return False


def _attached(parsed: Doc, start: int, end: int, head: Token) -> bool:
    """The quantity counts the event's head or one of its arguments ("killed 5 people")."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    counted = span.root.head if span.root.dep_ in ("nummod", "quantmod") else span.root
    near = {head.i, *(t.i for t in head.children)}
    return counted.i in near or counted.head.i == head.i


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
    for topic in args.topics:
        folder = corpus / topic
        if not folder.is_dir():
            sys.exit(f"{folder}: no such topic folder")
        by_topic[topic] = []
        for doc in readers.read_ecbplus(str(folder), str(sentences)):
            documents += 1
            by_topic[topic].extend(document_mentions(nlp, doc))
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

"""Pronouns and definite descriptions resolved within a document, scored on MEANTIME.

    python -m bench.references [DATA_DIR] [--readers PATH] [--verbose]

DATA_DIR is the MEANTIME English Apple corpus (default ../shared/eval-data/meantime-apple
next to the repository); the benchmark skips with a message when it is absent.

Each document's text (rebuilt from its tokens by `readers.read_meantime`) is written as a
`.txt` file and extracted by the product (`graph.extract.extract_documents`). A system actor
stands for the gold coreference chains its name mentions fall in (the smallest gold named
mention over each). The gold anaphors are the pronouns and definite noun phrases ("the
company") whose chain has a named mention earlier in the document:
- recall: anaphors that a reference of the right actor covers (`LocalActor.references`);
- precision: references whose actor stands for the chain of the gold mention they cover;
  a reference over no gold mention counts as wrong (strict) and is left out (lenient);
  MEANTIME annotates the first sentences of an article, so references after its last gold
  mention are not scored.
"Before" is the same extraction without references (what extraction gave before the
resolver: no pronoun or description is a mention); "after" counts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bench.corpora import Annotation, CorpusDocument, extract_meantime, meantime_arguments, prf
from graph.lang import get
from graph.model import DocExtraction

_NAMED = {"NAM", "PRE.NAM"}
_DEFINITE = ("the ", "this ")


@dataclass
class Tally:
    """Counts for one kind of reference (pronouns or descriptions)."""

    gold: int = 0
    found: int = 0  # gold anaphors covered by a reference of the right actor
    system: int = 0  # references made
    right: int = 0  # references whose actor stands for the chain of the gold mention
    unannotated: int = 0  # references over no gold mention


def main() -> int:
    args = meantime_arguments(__doc__, "List each reference.").parse_args()
    corpus = extract_meantime(args.data, args.readers)
    if corpus is None:
        return 0
    documents, extractions = corpus
    stages: dict[str, dict[str, Tally]] = {"before": {}, "after": {}}
    for doc, extraction in zip(documents, extractions, strict=True):
        for stage, kinds in stages.items():
            score(doc, extraction, kinds, with_references=stage == "after", show=args.verbose)
    print(f"MEANTIME apple: {len(documents)} documents; gold anaphors = pronouns and definite")
    print("noun phrases whose chain is named earlier in the document")
    header = ("", "kind", "gold", "refs", "P", "P lenient", "R", "F1")
    print("{:8} {:<12} {:>5} {:>5} {:>6} {:>10} {:>6} {:>6}".format(*header))
    for stage, kinds in stages.items():
        for kind, tally in [*sorted(kinds.items()), ("all", _sum(kinds.values()))]:
            p, _, _ = prf(tally.right, tally.gold, tally.system)
            lenient, _, _ = prf(tally.right, tally.gold, tally.system - tally.unannotated)
            _, r, _ = prf(tally.found, tally.gold, tally.system)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(
                f"{stage:8} {kind:<12} {tally.gold:>5} {tally.system:>5} {p:>6.3f}"
                f" {lenient:>10.3f} {r:>6.3f} {f1:>6.3f}"
            )
    return 0


def score(
    doc: CorpusDocument,
    extraction: DocExtraction,
    tallies: dict[str, Tally],
    *,
    with_references: bool,
    show: bool = False,
) -> None:
    """Add one document's counts to `tallies`, by kind of reference."""
    entities: list[Annotation] = [e for e in doc["entities"] if e["chain_id"] is not None]
    named = [e for e in entities if e["syntactic_type"] in _NAMED]
    chains_of: list[set[str]] = []  # per actor, the gold chains its names fall in
    references: list[tuple[int, int, int]] = []  # start, end, actor
    for index, actor in enumerate(extraction.actors):
        refs = {(s.start, s.end) for s in actor.references}
        spans = [(s.start, s.end) for s in actor.mentions if (s.start, s.end) not in refs]
        smallest = [_smallest(named, start, end) for start, end in spans]
        chains_of.append({str(e["chain_id"]) for e in smallest if e is not None})
        if with_references:
            references += [(start, end, index) for start, end in sorted(refs)]
    chain_name = {e["chain_id"]: e["text"] for e in reversed(named)}
    first_named: dict[str, int] = {}
    for e in named:
        first_named[e["chain_id"]] = min(first_named.get(e["chain_id"], e["start"]), e["start"])
    for e in entities:
        if not _anaphor(e) or first_named.get(e["chain_id"], e["start"]) >= e["start"]:
            continue
        tally = tallies.setdefault(_kind(e), Tally())
        tally.gold += 1
        if any(
            start < e["end"] and e["start"] < end and e["chain_id"] in chains_of[who]
            for start, end, who in references
        ):
            tally.found += 1
        elif show and with_references:
            meant = chain_name.get(e["chain_id"], "?")
            print(f"{doc['doc_id']}: missed {e['text']!r} ({meant}) {_context(doc, e)}")
    # MEANTIME annotates the first sentences of each article only: references after the
    # last gold mention are not scored.
    extent = max((m["end"] for key in ("entities", "events") for m in doc[key]), default=0)
    pronouns = get().references.pronouns
    for start, end, who in references:
        if start >= extent:
            continue
        text = doc["text"][start:end]
        tally = tallies.setdefault(
            "pronoun" if text.lower() in pronouns else "description", Tally()
        )
        tally.system += 1
        gold = _smallest(entities, start, end)
        if gold is None:
            tally.unannotated += 1
            verdict = "unannotated"
        elif gold["chain_id"] in chains_of[who]:
            tally.right += 1
            verdict = "right"
        else:
            verdict = f"wrong, gold: {chain_name.get(gold['chain_id'], '?')}"
        if show:
            name = extraction.actors[who].name
            span = {"start": start, "end": end}
            print(f"{doc['doc_id']}: {text!r} -> {name} ({verdict}) {_context(doc, span)}")


def _smallest(pool: list[Annotation], start: int, end: int) -> Annotation | None:
    """The shortest annotation of `pool` over the range: the most specific mention."""
    over = [e for e in pool if e["start"] < end and start < e["end"]]
    return min(over, key=lambda e: int(e["end"]) - int(e["start"]), default=None)


def _context(doc: CorpusDocument, span: Annotation) -> str:
    text = str(doc["text"])
    return "..." + text[max(0, span["start"] - 60) : span["end"] + 20].replace("\n", " ") + "..."


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        for name in vars(total):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    return total


def _anaphor(entity: Annotation) -> bool:
    kind = entity["syntactic_type"]
    text = str(entity["text"]).lower()
    return kind == "PRO" or (kind == "NOM" and text.startswith(_DEFINITE))


def _kind(entity: Annotation) -> str:
    return "pronoun" if entity["syntactic_type"] == "PRO" else "description"


if __name__ == "__main__":
    raise SystemExit(main())

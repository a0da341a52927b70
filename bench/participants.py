"""Event participants and their roles, scored on MEANTIME's HAS_PARTICIPANT links.

    python -m bench.participants [DATA_DIR] [--readers PATH] [--verbose]

DATA_DIR is the MEANTIME English Apple corpus (default ../shared/eval-data/meantime-apple
next to the repository); the benchmark skips with a message when it is absent.

Each document's text (rebuilt from its tokens by `readers.read_meantime`) is written as a
`.txt` file and extracted by the product (`graph.extract.extract_documents`). A gold link
joins an event mention to an entity mention with a PropBank role (`sem_role`); a system link
is a `Participant` of a `LocalEvent`. They match when the event's word (`trigger_span`)
overlaps the gold event mention and the participant's span (a name, or a pronoun or
description resolved to the actor) overlaps the gold entity mention; each gold link is
matched once. Only events whose word overlaps a gold event mention are scored: MEANTIME
annotates the first sentences of an article, and not every event in them.
- P: matched system links over the system links of scored events;
- R: matched gold links over all gold links to entity mentions; "R actors" over the gold
  links whose entity mention overlaps a mention of one of the product's actors (names and
  resolved references: the product links no common noun such as "applications");
  "R found" over those whose event mention is also one the product found as an event;
- role accuracy: matched links whose role is the one the gold role maps to:

  | gold (PropBank) | product role |
  |---|---|
  | Arg0 (proto-agent) | agent |
  | Arg1 (proto-patient, theme) | patient |
  | Arg2, Arg3, Arg4 (recipient, beneficiary, instrument) | recipient, beneficiary, instrument |
  | ArgM-LOC | location |

  Argm-OTHER links count for P/R but have no role to compare.

The figures of the extraction before roles beyond agent, patient and location (the `main`
branch, measured with this script before the change) are printed with the current ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bench.corpora import Annotation, CorpusDocument, extract_meantime, meantime_arguments, prf
from graph.model import DocExtraction

_OBLIQUE = frozenset({"recipient", "beneficiary", "instrument"})
# Gold PropBank role -> the values of `graph.model.Role` that are right for it.
_ROLES: dict[str, frozenset[str]] = {
    "arg0": frozenset({"agent"}),
    "arg1": frozenset({"patient"}),
    "arg2": _OBLIQUE,
    "arg3": _OBLIQUE,
    "arg4": _OBLIQUE,
    "argm-loc": frozenset({"location"}),
}

# Measured with this script on the extraction of the `main` branch before roles beyond
# agent, patient and location: gold, reachable, system, matched, role-scored, role-right.
BEFORE: dict[str, int] = {
    "gold": 493,
    "reachable": 318,
    "found": 111,
    "system": 272,
    "matched": 104,
    "scored": 97,
    "right": 82,
}


@dataclass
class Tally:
    gold: int = 0  # gold links to entity mentions
    reachable: int = 0  # of them, over a mention of one of the product's actors
    found: int = 0  # of those, of a gold event mention the product found as an event
    system: int = 0  # system links of events over a gold event mention
    matched: int = 0
    scored: int = 0  # matched links whose gold role maps to a product role
    right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


def main() -> int:
    args = meantime_arguments(__doc__, "List each miss.").parse_args()
    corpus = extract_meantime(args.data, args.readers)
    if corpus is None:
        return 0
    documents, extractions = corpus
    tally = Tally()
    for doc, extraction in zip(documents, extractions, strict=True):
        score(doc, extraction, tally, show=args.verbose)
    print(f"MEANTIME apple: {len(documents)} documents, HAS_PARTICIPANT links to entity mentions")
    header = ("", "gold", "system", "P", "R", "F1", "R actors", "R found", "role acc")
    print("{:8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>9} {:>9}".format(*header))
    for name, counts in (("before", Tally(**BEFORE, confusion=Counter())), ("now", tally)):
        p, r, f1 = prf(counts.matched, counts.gold, counts.system)
        _, reach, _ = prf(counts.matched, counts.reachable, counts.system)
        _, found, _ = prf(counts.matched, counts.found, counts.system)
        accuracy = counts.right / counts.scored if counts.scored else 0.0
        print(
            f"{name:8} {counts.gold:>6} {counts.system:>6} {p:>6.3f} {r:>6.3f} {f1:>6.3f}"
            f" {reach:>9.3f} {found:>9.3f} {accuracy:>9.3f}"
        )
    print(
        f"now: {tally.reachable} gold links over an actor's mention, {tally.matched} matched,"
        f" {tally.right}/{tally.scored} with the right role"
    )
    if args.verbose:
        for (gold, system), count in tally.confusion.most_common():
            print(f"  gold {gold:10} -> {system:12} {count}")
    return 0


def score(doc: CorpusDocument, extraction: DocExtraction, tally: Tally, show: bool = False) -> None:
    """Add one document's counts to `tally`."""
    entities = {e["id"]: e for e in doc["entities"] if e["start"] is not None}
    events = {e["id"]: e for e in doc["events"] if e["start"] is not None}
    gold: list[tuple[Annotation, Annotation, str]] = []  # event, entity, role
    for relation in doc["relations"]:
        if relation["type"] != "HAS_PARTICIPANT":
            continue
        for source in relation["sources"]:
            for target in relation["targets"]:
                if source in events and target in entities:
                    role = str(relation.get("sem_role") or "").lower()
                    gold.append((events[source], entities[target], role))
    actor_spans = [(s.start, s.end) for a in extraction.actors for s in a.mentions]
    tally.gold += len(gold)
    tally.reachable += sum(
        1 for _, entity, _ in gold if any(_overlap(entity, s, e) for s, e in actor_spans)
    )
    unmatched = list(range(len(gold)))
    triggers = [(e.trigger_span.start, e.trigger_span.end) for e in extraction.events]
    tally.found += sum(
        1
        for event_mention, entity, _ in gold
        if any(_overlap(entity, s, e) for s, e in actor_spans)
        and any(_overlap(event_mention, s, e) for s, e in triggers)
    )
    for event in extraction.events:
        trigger = (event.trigger_span.start, event.trigger_span.end)
        if not any(_overlap(g, *trigger) for g in events.values()):
            continue
        for participant in event.participants:
            tally.system += 1
            span = (participant.span.start, participant.span.end)
            hit = next(
                (
                    i
                    for i in unmatched
                    if _overlap(gold[i][0], *trigger) and _overlap(gold[i][1], *span)
                ),
                None,
            )
            if hit is None:
                if show:
                    print(
                        f"{doc['doc_id']}: extra {event.trigger}/{participant.role}"
                        f" {participant.span.text!r}"
                    )
                continue
            unmatched.remove(hit)
            tally.matched += 1
            role = gold[hit][2]
            if role in _ROLES:
                tally.scored += 1
                tally.right += participant.role.value in _ROLES[role]
                tally.confusion[(role, participant.role.value)] += 1
                if show and participant.role.value not in _ROLES[role]:
                    print(
                        f"{doc['doc_id']}: role {event.trigger}/{participant.role}"
                        f" {participant.span.text!r}, gold {role} {gold[hit][1]['text']!r}"
                    )
    if show:
        for i in unmatched:
            event_mention, entity, role = gold[i]
            print(f"{doc['doc_id']}: missed {event_mention['text']!r} {role} {entity['text']!r}")


def _overlap(annotation: Annotation, start: int, end: int) -> bool:
    return bool(annotation["start"] < end and start < annotation["end"])


if __name__ == "__main__":
    raise SystemExit(main())

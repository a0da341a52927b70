"""What the benchmarks share: finding the evaluation corpora's reader."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from graph.model import DocExtraction

ROOT = Path(__file__).resolve().parent.parent

CorpusDocument = dict[str, Any]
"""One document as the reader yields it: `doc_id`, `text`, `dct`, annotation lists, extras."""
Annotation = dict[str, Any]
"""One gold annotation of a document (a timex, event mention, attribution...): `id`, `text`,
character offsets `start` and `end`, and the corpus' own attributes."""


Scores = tuple[float, float, float]


def prf(hits: int, gold: int, system: int) -> Scores:
    """Precision, recall and F1 of `hits` found among `system` answers for `gold` ones."""
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Readers(Protocol):
    """The part of the evaluation data's `readers.py` that the benchmarks call."""

    def read_timeml(self, path: str) -> Iterator[CorpusDocument]: ...

    def read_ecbplus(
        self, root: str, sentences_csv: str | None = None
    ) -> Iterator[CorpusDocument]: ...

    def read_polnear(
        self, root: str, split: str = "test", one_per_doc: bool = True
    ) -> Iterator[CorpusDocument]: ...

    def read_timeline_documents(self, corpus_dir: str) -> Iterator[CorpusDocument]: ...

    def read_meantime(self, root: str) -> Iterator[CorpusDocument]: ...


def load_readers(path: str | None, data_dir: Path) -> Readers:
    """Load `readers.py` from --readers, or from the data folder or one of its parents."""
    candidates = [Path(path)] if path else [d / "readers.py" for d in (data_dir, *data_dir.parents)]
    for candidate in candidates:
        if candidate.is_file():
            return _load_module(candidate.resolve())
    sys.exit(f"readers.py not found near {data_dir}; pass --readers PATH/TO/readers.py")


@cache
def _load_module(path: Path) -> Readers:
    """The module of one file, loaded once; the evaluation data is not a package to import."""
    spec = importlib.util.spec_from_file_location("readers", path)
    if spec is None or spec.loader is None:
        sys.exit(f"{path}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast(Readers, module)


def write_ecbplus_texts(readers: Readers, data: Path, folder: Path, limit: int) -> tuple[int, int]:
    """Write up to `limit` ECB+ documents (text rebuilt by the reader) as .txt files.

    Returns:
        The number of documents and of words written.
    """
    count = words = 0
    for doc in readers.read_ecbplus(str(data)):
        if count >= limit:
            break
        (folder / f"{doc['doc_id'].replace('/', '_')}.txt").write_text(
            doc["text"], encoding="utf-8"
        )
        words += len(doc["text"].split())
        count += 1
    return count, words


def ecbplus_arguments(description: str | None) -> argparse.ArgumentParser:
    """A parser with the ECB+ folder, --readers and --limit that the speed benches share."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "data", nargs="?", type=Path, default=ROOT.parent / "shared/eval-data/ecbplus-dev"
    )
    parser.add_argument("--readers", help="Path to readers.py (default: found near DATA).")
    parser.add_argument("--limit", type=int, default=300, help="Number of ECB+ documents.")
    return parser


def ecbplus_readers(args: argparse.Namespace) -> Readers:
    """The corpus reader for `args.data`; exits with a clear line when the folder is absent."""
    if not args.data.exists():
        sys.exit(f"{args.data}: ECB+ folder not found; pass its path")
    return load_readers(args.readers, args.data)


MEANTIME = ROOT.parent / "shared" / "eval-data" / "meantime-apple"


def meantime_arguments(description: str | None, verbose: str) -> argparse.ArgumentParser:
    """The arguments of a MEANTIME benchmark: DATA, --readers, --verbose (`verbose` says
    what it lists)."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", type=Path, default=MEANTIME)
    parser.add_argument("--readers", help="Path to readers.py (default: found near DATA).")
    parser.add_argument("--verbose", "-v", action="store_true", help=verbose)
    return parser


def extract_meantime(
    data: Path, readers_path: str | None
) -> tuple[list[CorpusDocument], list[DocExtraction]] | None:
    """MEANTIME's documents at `data` and the product's extraction of each (their texts
    written as `.txt` files and read and extracted as `load` would); None, with a message,
    when `data` holds none."""
    from graph.extract import extract_documents  # the language stack, only here
    from graph.ingest import read_document

    if not data.is_dir() or not any(data.rglob("*.xml")):
        print(f"{data}: no MEANTIME documents (*.xml) here; skipped")
        return None
    readers = load_readers(readers_path, data)
    documents: list[CorpusDocument] = list(readers.read_meantime(str(data)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for number, doc in enumerate(documents):
            (folder / f"{number:03}.txt").write_text(doc["text"], encoding="utf-8")
        parsed = [read_document(folder / f"{n:03}.txt") for n in range(len(documents))]
        extractions, problems = extract_documents(parsed, jobs=2)
    if problems:
        print(f"{len(problems)} documents failed: {problems[0]}")
    return documents, extractions

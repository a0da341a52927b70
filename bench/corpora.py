"""What the benchmark scripts share: finding the evaluation corpora's reader."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load_readers(path: str | None, data_dir: Path) -> Any:
    """Import `readers.py` from --readers, or from the data folder or one of its parents."""
    candidates = [Path(path)] if path else [d / "readers.py" for d in (data_dir, *data_dir.parents)]
    for candidate in candidates:
        if candidate.is_file():
            sys.path.insert(0, str(candidate.parent))
            import readers  # type: ignore[import-not-found]

            return readers
    sys.exit(f"readers.py not found near {data_dir}; pass --readers PATH/TO/readers.py")


def write_ecbplus_texts(readers: Any, data: Path, folder: Path, limit: int) -> tuple[int, int]:
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


def ecbplus_readers(args: argparse.Namespace) -> Any:
    """The corpus reader for `args.data`; exits with a clear line when the folder is absent."""
    if not args.data.exists():
        sys.exit(f"{args.data}: ECB+ folder not found; pass its path")
    return load_readers(args.readers, args.data)

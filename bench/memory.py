"""Peak memory of loading one large article: memory per document must not grow with its size.

    python -m bench.memory [--mb 0.25 1] [--jobs 1]

For each size, writes a text file of one dated sentence repeated to that many megabytes
(every line an event, all of them alike: the worst case for matching events), then runs
`load FILE` into a new graph in a fresh process and prints its peak resident memory (the
process and its workers), the time taken and what came out. "MB per MB" is how much the
peak grew per megabyte of text since the size before: memory bounded per document keeps it
near zero.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.speed import measure_load

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "On March 3, 2024 the army mobilized 10,000 troops in the region.\n"


def write_repeated(path: Path, megabytes: float) -> int:
    """Write `SENTENCE` repeated to about `megabytes` MB at `path`; returns the line count."""
    lines = max(1, int(megabytes * 2**20) // len(SENTENCE))
    path.write_text(SENTENCE * lines, encoding="utf-8")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[0.25, 1.0], help="file sizes")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    print(
        f"{'MB':>6} {'lines':>7} {'seconds':>8} {'peak MB':>8} {'worker MB':>9} {'events':>6} "
        f"{'MB per MB':>9}"
    )
    before: tuple[float, float] | None = None  # size and peak of the size before
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in args.mb:
            article = Path(tmp) / f"repeated-{megabytes:g}mb.txt"
            lines = write_repeated(article, megabytes)
            graph = Path(tmp) / "bench.graph.db"
            graph.unlink(missing_ok=True)
            figures = measure_load(article, graph, args.jobs, max_document_mb=1024)
            if figures is None:
                return 1
            peak = figures["main_mb"] + figures["worker_mb"]
            growth = (
                f"{(peak - before[1]) / (megabytes - before[0]):>9.1f}"
                if before is not None and megabytes > before[0]
                else f"{'-':>9}"
            )
            before = (megabytes, peak)
            print(
                f"{megabytes:>6g} {lines:>7} {figures['seconds']:>8.1f} "
                f"{figures['main_mb']:>8.0f} {figures['worker_mb']:>9.0f} {figures['events']:>6} "
                f"{growth}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Loading speed and memory: documents/s, words/s and peak memory for --jobs 1 and 2.

    python -m bench.speed [ECBPLUS_DIR] [--limit 300] [--jobs 1 2] [--readers PATH]

Writes the ECB+ documents (text rebuilt by the corpus reader) plus the sample articles to a
temporary folder, then runs a full `load` (read, extract, resolve, save) into a new graph in
a fresh process per setting, so model loading and worker start-up are counted.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpora import ecbplus_arguments, ecbplus_readers, write_ecbplus_texts
from graph.ingest import MAX_DOCUMENT_MB
from graph.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
# Given as the first argument, this runs one measured load in the current process (a child
# started by `main`, so that each setting pays for its own interpreter and model loading).
_LOAD_ONCE = "--load-once"


def load_once(
    path: str, graph: Path, jobs: int, max_document_mb: float = MAX_DOCUMENT_MB
) -> dict[str, float]:
    """Load `path` (a file or folder) into a new graph at `graph` and measure it: seconds,
    documents, peak memory of this process and of its workers (MB), nodes, edges, events."""
    started = time.perf_counter()
    report = load([path], graph, jobs=jobs, max_document_mb=max_document_mb)
    elapsed = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seconds": elapsed,
        "documents": len(report.loaded),
        "main_mb": own / 1024,
        "worker_mb": workers / 1024,
        "nodes": sum(report.nodes.values()),
        "edges": sum(report.edges.values()),
        "events": report.nodes.get("Event", 0),
    }


def measure_load(
    path: Path, graph: Path, jobs: int, max_document_mb: float = MAX_DOCUMENT_MB
) -> dict[str, float] | None:
    """`load_once` in a fresh interpreter, so that model loading, worker start-up and the
    peak memory are the load's alone; None (its error printed) when the load fails."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.speed", _LOAD_ONCE, str(path), str(graph), str(jobs),
         str(max_document_mb)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return None
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [_LOAD_ONCE]:
        print(json.dumps(load_once(argv[1], Path(argv[2]), int(argv[3]), float(argv[4]))))
        return 0
    parser = ecbplus_arguments(__doc__)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    readers = ecbplus_readers(args)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        count, words = write_ecbplus_texts(readers, args.data, folder, args.limit)
        for seed in sorted((ROOT / "seeds").glob("*")):
            text = seed.read_text(encoding="utf-8")
            (folder / seed.name).write_text(text, encoding="utf-8")
            words += len(text.split())
            count += 1
        print(f"{count} documents, {words} words ({words / count:.0f} words/document)")
        print(
            f"{'jobs':>4} {'seconds':>8} {'docs/s':>7} {'words/s':>8} {'main MB':>8} "
            f"{'worker MB':>9} {'nodes':>6} {'edges':>6}"
        )
        for jobs in args.jobs:
            graph = Path(tmp) / f"bench-{jobs}.graph.db"
            started = time.perf_counter()
            figures = measure_load(folder, graph, jobs)
            if figures is None:
                return 1
            seconds = figures["seconds"]
            print(
                f"{jobs:>4} {seconds:>8.1f} {count / seconds:>7.2f} {words / seconds:>8.0f} "
                f"{figures['main_mb']:>8.0f} {figures['worker_mb']:>9.0f} "
                f"{figures['nodes']:>6} {figures['edges']:>6}"
                f"   (wall {time.perf_counter() - started:.1f}s with interpreter start)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

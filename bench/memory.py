"""Peak memory of loading one large article: memory per document must not grow with its size.

    python -m bench.memory [--mb 0.25 1] [--jobs 1]

For each size, writes a text file of one dated sentence repeated to that many megabytes
(every line an event, all of them alike: the worst case for matching events), then runs
`load FILE` into a new graph in a fresh process and prints its peak resident memory (the
process and its workers), the time taken and what came out.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "On March 3, 2024 the army mobilized 10,000 troops in the region.\n"
# Given as the first argument, this runs one measured load in the current process (a child
# started by `main`, so that its peak memory is the load's alone).
_LOAD_ONCE = "--load-once"


def write_repeated(path: Path, megabytes: float) -> int:
    """Write `SENTENCE` repeated to about `megabytes` MB at `path`; returns the line count."""
    lines = max(1, int(megabytes * 2**20) // len(SENTENCE))
    path.write_text(SENTENCE * lines, encoding="utf-8")
    return lines


def load_once(article: str, graph: Path, jobs: int) -> dict[str, float]:
    """Load `article` into a new graph at `graph`: seconds, peak MB, events in the graph."""
    started = time.perf_counter()
    report = load([article], graph, jobs=jobs, max_document_mb=1024)
    return {
        "seconds": time.perf_counter() - started,
        "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "events": report.nodes.get("Event", 0),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [_LOAD_ONCE]:
        print(json.dumps(load_once(argv[1], Path(argv[2]), int(argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[0.25, 1.0], help="file sizes")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    print(f"{'MB':>6} {'lines':>7} {'seconds':>8} {'peak MB':>8} {'worker MB':>9} {'events':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in args.mb:
            article = Path(tmp) / f"repeated-{megabytes:g}mb.txt"
            lines = write_repeated(article, megabytes)
            graph = Path(tmp) / "bench.graph.json"
            graph.unlink(missing_ok=True)
            child = [sys.executable, "-m", "bench.memory", _LOAD_ONCE]
            result = subprocess.run(
                [*child, str(article), str(graph), str(args.jobs)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            print(
                f"{megabytes:>6g} {lines:>7} {figures['seconds']:>8.1f} "
                f"{figures['main_mb']:>8.0f} {figures['worker_mb']:>9.0f} {figures['events']:>6}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

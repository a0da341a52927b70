"""Extraction throughput: the local process pool against a Dask cluster of 1 and 2 workers.

    python -m bench.executor [FOLDER] [--rounds 1] [--jobs 1 2] [--workers 1 2]

Reads the texts of FOLDER (default seeds/) once, then extracts them `--rounds` times over
with `graph.extract.extract_documents`: in `--jobs` local processes, then on a loopback
`distributed.LocalCluster` of `--workers` worker processes of one thread each (its start-up
is printed apart, not counted). Each figure includes starting the workers and loading the
spaCy pipeline in them (forked local workers inherit it; Dask workers load it once each).
Needs `pip install 'timeline-graph[dask]'`.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from graph.extract import extract_documents
from graph.ingest import read_documents
from graph.model import Document

ROOT = Path(__file__).resolve().parent.parent


def timed(documents: Sequence[Document], jobs: int, executor: str | None = None) -> float:
    """Seconds to extract `documents`; fails if any document fails."""
    started = time.perf_counter()
    _, problems = extract_documents(documents, jobs=jobs, executor=executor)
    assert not problems, problems
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "seeds")
    parser.add_argument("--rounds", type=int, default=1, help="extract the texts this often")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="local processes")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask workers")
    args = parser.parse_args(argv)
    import distributed

    read, problems = read_documents([str(args.folder)])
    for problem in problems:
        print(f"skipped {problem}")
    documents = read * args.rounds
    words = sum(d.source.words for d in documents)
    print(f"{len(documents)} documents ({len(read)} x {args.rounds}), {words} words")
    print(f"{'executor':<24} {'seconds':>8} {'docs/s':>7} {'words/s':>8}")

    def row(name: str, seconds: float) -> None:
        print(
            f"{name:<24} {seconds:>8.1f} {len(documents) / seconds:>7.2f} {words / seconds:>8.0f}"
        )

    timed(documents[:1], 1)  # the pipeline loaded here first, as `load` does
    for jobs in args.jobs:
        row(f"local pool, jobs {jobs}", timed(documents, jobs))
    for workers in args.workers:
        started = time.perf_counter()
        with distributed.LocalCluster(  # type: ignore[no-untyped-call]  # untyped __init__
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster:
            up = time.perf_counter() - started
            row(f"dask, {workers} worker(s)", timed(documents, 1, cluster.scheduler_address))
        print(f"{'':<24} (cluster start-up {up:.1f} s, not counted)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Loading speed and memory: documents/s, words/s and peak memory for --jobs 1 and 2.

    python bench/speed.py [ECBPLUS_DIR] [--limit 300] [--jobs 1 2] [--readers PATH]

Writes the ECB+ documents (text rebuilt by the corpus reader) plus the sample articles to a
temporary folder, then runs a full `load` (read, extract, resolve, save) into a new graph in
a fresh process per setting, so model loading and worker start-up are counted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ecbplus_arguments, ecbplus_readers, write_ecbplus_texts  # noqa: E402

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from graph.pipeline import load
t = time.perf_counter()
report = load([sys.argv[1]], Path(sys.argv[2]), jobs=int(sys.argv[3]))
elapsed = time.perf_counter() - t
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "documents": len(report.loaded),
                  "main_mb": own / 1024, "worker_mb": workers / 1024,
                  "nodes": sum(report.nodes.values()), "edges": sum(report.edges.values())}))
"""


def main() -> int:
    parser = ecbplus_arguments(__doc__)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
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
            graph = Path(tmp) / f"bench-{jobs}.graph.json"
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-c", _CHILD, str(folder), str(graph), str(jobs)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1
            figures = json.loads(result.stdout.strip().splitlines()[-1])
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

"""Push speed and idempotence into the local engine (FalkorDB) through the Neo4j write path.

    python -m bench.push [ECBPLUS_DIR] [--limit 300] [--batch-size 500 1000] [--readers PATH]

Loads the ECB+ documents (text rebuilt by the corpus reader) into a new saved graph, then for
each batch size pushes it twice into a fresh FalkorDB started for the run: batches, rows,
seconds and rows/s of the first push, and what the second push created (it should be 0).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.corpora import ecbplus_arguments, ecbplus_readers, write_ecbplus_texts
from graph.pipeline import load
from graph.store import read_saved
from graph.store.falkordb import FalkorDBStore
from graph.store.push import push


def main() -> int:
    parser = ecbplus_arguments(__doc__)
    parser.add_argument("--batch-size", type=int, nargs="+", default=[500, 1000])
    args = parser.parse_args()
    readers = ecbplus_readers(args)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        write_ecbplus_texts(readers, args.data, folder, args.limit)
        path = Path(tmp) / "ecb.graph.db"
        report = load([str(folder)], path, jobs=2)
        graph = read_saved(path).graph
        print(
            f"{len(report.loaded)} documents -> {graph.number_of_nodes()} nodes, "
            f"{graph.number_of_edges()} relationships"
        )
        print(
            f"{'batch size':>10} {'batches':>8} {'rows':>7} {'seconds':>8} {'rows/s':>8} "
            f"{'created':>8} {'again: nodes':>13} {'relationships':>14}"
        )
        for size in args.batch_size:
            with FalkorDBStore.start(graph_name=f"bench_{size}") as store:
                first = push(graph, store, batch_size=size)
                second = push(graph, store, batch_size=size)
            stats = first.stats
            created = stats.nodes_created + stats.relationships_created
            print(
                f"{size:>10} {stats.batches:>8} {stats.rows:>7} {first.seconds:>8.2f} "
                f"{first.rows_per_second:>8.0f} {created:>8} "
                f"{second.stats.nodes_created:>13} {second.stats.relationships_created:>14}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

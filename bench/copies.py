"""What copies of one article cost: the same seed loaded many times, each copy re-posted with
a first line of its own (as a syndicated wire story or a re-post is).

    python -m bench.copies [--copies 40] [--seed seeds/002_602c565088e6d22f.txt] [--jobs 1]

Writes the copies to a temporary folder, loads them into a new graph and prints the sources,
copies recorded, events, SUPPORTS edges and the size of the saved file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from graph.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_602c565088e6d22f.txt"


def write_copies(seed: Path, folder: Path, copies: int) -> list[Path]:
    """`copies` files of `seed`, each opening with a line naming its own outlet."""
    text = seed.read_text(encoding="utf-8")
    paths = []
    for n in range(copies):
        path = folder / f"copy{n:03d}.txt"
        path.write_text(f"Republished by Outlet {n} under licence.\n\n{text}", encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=40, help="how many copies")
    parser.add_argument("--seed", type=Path, default=SEED, help="the article copied")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "copies")
        folder.mkdir()
        write_copies(args.seed, folder, args.copies)
        graph = Path(tmp, "copies.graph.db")
        started = time.perf_counter()
        report = load([str(folder)], graph, jobs=args.jobs)
        seconds = time.perf_counter() - started
        print(f"copies loaded      {len(report.loaded)}")
        print(f"Source nodes       {report.nodes.get('Source', 0)}")
        print(f"COPY_OF edges      {report.edges.get('COPY_OF', 0)}")
        print(f"Event nodes        {report.nodes.get('Event', 0)}")
        print(f"Claim nodes        {report.nodes.get('Claim', 0)}")
        print(f"SUPPORTS edges     {report.edges.get('SUPPORTS', 0)}")
        print(f"all edges          {sum(report.edges.values())}")
        print(f"file size          {graph.stat().st_size / 2**20:.1f} MB")
        print(f"seconds            {seconds:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

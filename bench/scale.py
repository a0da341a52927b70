"""Scale: loading 1k, 3k and 10k news articles, adding one, reloading, querying.

    python -m bench.scale [DATA_DIR] [--sizes 1000 3000 10000] [--jobs 2] [--readers PATH]
                          [--keep DIR]

Builds each corpus from the real news texts of the shared evaluation data (TimeBank and
AQUAINT, ECB+ development topics, MEANTIME, PolNeAR training and development parts, the
TimeLine development articles). Where there are fewer articles than asked, the rest are
made by recombining their paragraphs into new articles (real sentences, new mixes; a fixed
seed, so every run builds the same corpora). Then, per size, each step runs the product's
own command in a fresh process, as a user would:

- `load FOLDER --jobs N` into a new store: seconds, documents/s, peak memory of the process
  and its workers together (sampled from /proc), store size. Memory is given two ways: the
  sum of their resident sizes (RSS), which counts the pages forked workers share with the
  loading process once per process, and their proportional set sizes (PSS, each shared
  page split among its sharers), the memory they take from the machine together. Resident
  sizes are read every quarter second, proportional ones every two seconds (the kernel
  walks every page of a process to sum them: read four times a second, they took about a
  fifth of a core from the load);
- `load ONE_NEW_ARTICLE`: seconds to add one article;
- `load FOLDER` again, nothing changed: documents/s;
- `timeline --actor NAME` for the actor in most events: seconds;
- `export --format json`: seconds;

and spaCy alone (`nlp.pipe` over the same texts with N processes), as the speed to compare
the load with. `--keep DIR` leaves the corpora and stores in DIR (created if missing) for
a closer look; by default they go in a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

from bench.corpora import CorpusDocument, load_readers

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval-data"


def real_texts(data: Path, readers_path: str | None) -> list[str]:
    """Every news text of the shared corpora's training and development parts."""
    readers = load_readers(readers_path, data)
    texts: list[str] = []
    sources: list[Callable[[], Iterator[CorpusDocument]]] = [
        lambda: readers.read_timeml(str(data / "timebank-aquaint")),
        lambda: readers.read_ecbplus(str(data / "ecbplus-dev")),
        lambda: readers.read_timeline_documents(str(data / "timeline-apple")),
        lambda: readers.read_polnear(str(data / "polnear"), split="train"),
        lambda: readers.read_polnear(str(data / "polnear"), split="dev"),
    ]
    for source in sources:
        try:
            texts += [d["text"] for d in source() if len(d["text"].split()) >= 40]
        except (OSError, FileNotFoundError, KeyError, ValueError) as error:
            print(f"skipped a corpus ({error})", file=sys.stderr)
    return list(dict.fromkeys(texts))


def paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 8]
    return parts or [text.strip()]


def build_corpus(texts: list[str], size: int, folder: Path) -> None:
    """`size` articles in `folder`: the real ones first, then recombined ones."""
    folder.mkdir(parents=True)
    rng = random.Random(size)
    pool = [p for t in texts for p in paragraphs(t)]
    for i in range(size):
        mixed = i >= len(texts)
        text = "\n\n".join(rng.sample(pool, rng.randint(4, 10))) if mixed else texts[i]
        (folder / f"{i:05d}.txt").write_text(text + "\n", encoding="utf-8")


def run(*args: str) -> tuple[float, tuple[int, int], str]:
    """Run the CLI; seconds, peak memory in MB of it and its children together (RSS summed,
    PSS summed), stdout."""
    command = [sys.executable, "-m", "graph.cli", *args]
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out_file, stderr=err_file, text=True)
        peak = [0, 0]
        last_pss = 0.0
        while process.poll() is None:
            # Resident sizes every quarter second; proportional sizes every two seconds only:
            # the kernel walks every page of a process to sum them, time taken from the load.
            with_pss = time.perf_counter() - last_pss >= _PSS_EVERY
            if with_pss:
                last_pss = time.perf_counter()
            now = _tree_memory(process.pid, pss=with_pss)
            peak = [max(p, m) for p, m in zip(peak, now, strict=True)]
            time.sleep(0.25)
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(args)}\n{err[-2000:]}")
    return time.perf_counter() - started, (peak[0] // 2**20, peak[1] // 2**20), out


_PSS_EVERY = 2.0  # seconds between two readings of the proportional set sizes


def _tree_memory(root: int, pss: bool = True) -> tuple[int, int]:
    """Resident and proportional bytes (0 unless `pss`) of `root` and every process below
    it, summed."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
            pages = int((entry / "statm").read_text(encoding="ascii").split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry.name)] = int(stat[1])
        rss[int(entry.name)] = pages * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [p for p, parent in parents.items() if parent == pid]
        tree.update(children)
        frontier += children
    return sum(rss.get(p, 0) for p in tree), sum(_pss(p) for p in tree) if pss else 0


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def spacy_alone(folder: Path, jobs: int) -> float:
    """Documents/s of the spaCy pipeline alone over the folder's texts, in `jobs` processes
    (its start-up included, as in a load)."""
    code = (
        "import sys, pathlib, spacy\n"
        "from graph.extract.nlp import load_pipeline\n"
        "nlp = load_pipeline(None)\n"
        "texts = [p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]\n"
        "for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=16): pass\n"
    )
    count = len(list(folder.glob("*.txt")))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(folder), str(jobs)], cwd=ROOT, check=True)
    return count / (time.perf_counter() - started)


def busiest_actor(store: Path) -> str:
    with closing(sqlite3.connect(store)) as db:
        row = db.execute(
            "SELECT source FROM edges WHERE type = 'PARTICIPATED_IN' GROUP BY source"
            " ORDER BY count(*) DESC, source LIMIT 1"
        ).fetchone()
    return str(row[0])


def measure(texts: list[str], size: int, jobs: int, tmp: Path) -> dict[str, float]:
    folder = tmp / f"corpus-{size}"
    build_corpus(texts, size, folder)
    store = tmp / f"scale-{size}.db"
    seconds, peak, _ = run("--quiet", "load", str(folder), "--graph", str(store), "-j", str(jobs))
    figures: dict[str, float] = {"load_s": seconds, "docs_per_s": size / seconds}
    figures["peak_mb"], figures["peak_pss_mb"] = peak
    figures["store_mb"] = sum(p.stat().st_size for p in tmp.glob(f"scale-{size}.db*")) / 2**20
    extra = tmp / f"extra-{size}"  # a new article: paragraphs in a mix no article has
    extra.mkdir()
    rng = random.Random(-size)
    pool = [p for t in texts for p in paragraphs(t)]
    (extra / "new.txt").write_text("\n\n".join(rng.sample(pool, 8)) + "\n", encoding="utf-8")
    figures["add_one_s"], _, _ = run("--quiet", "load", str(extra), "--graph", str(store))
    again, _, _ = run("--quiet", "load", str(folder), "--graph", str(store))
    figures["reload_docs_per_s"] = size / again
    actor = busiest_actor(store)
    figures["timeline_s"], _, _ = run("timeline", "--graph", str(store), "--actor", actor)
    figures["export_s"], _, _ = run(
        "export", "--graph", str(store), "--out", str(tmp / f"export-{size}.json")
    )
    figures["spacy_docs_per_s"] = spacy_alone(folder, jobs)
    figures["ratio"] = figures["docs_per_s"] / figures["spacy_docs_per_s"]
    return figures


COLUMNS = [
    ("docs", "{:>6}"),
    ("load_s", "{:>8.0f}"),
    ("docs_per_s", "{:>7.1f}"),
    ("spacy_docs_per_s", "{:>8.1f}"),
    ("ratio", "{:>6.0%}"),
    ("peak_mb", "{:>8.0f}"),
    ("peak_pss_mb", "{:>8.0f}"),
    ("store_mb", "{:>9.0f}"),
    ("add_one_s", "{:>8.1f}"),
    ("reload_docs_per_s", "{:>9.0f}"),
    ("timeline_s", "{:>9.1f}"),
    ("export_s", "{:>8.1f}"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--readers", default=None)
    parser.add_argument("--keep", type=Path, default=None, help="keep corpora and stores here")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not args.data.is_dir():
        print(f"{args.data}: no evaluation data here; pass the eval-data folder")
        return 0
    texts = real_texts(args.data, args.readers)
    print(f"{len(texts)} real articles; jobs {args.jobs}")
    print(
        f"{'docs':>6} {'load s':>8} {'docs/s':>7} {'spaCy/s':>8} {'ratio':>6} {'RSS MB':>8}"
        f" {'PSS MB':>8}"
        f" {'store MB':>9} {'add 1 s':>8} {'reload/s':>9} {'timeline':>9} {'export':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) if args.keep is None else args.keep
        if args.keep is not None:
            if any(args.keep.glob("scale-*.db")):
                print(f"{args.keep}: holds stores of an earlier run; pass an empty folder")
                return 2
            args.keep.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            figures = {"docs": size, **measure(texts, size, args.jobs, work)}
            print(" ".join(fmt.format(figures[name]) for name, fmt in COLUMNS), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Managing the corpus: listing sources, removing some, the graph's figures."""

from __future__ import annotations

import csv
import io
import shutil
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import corpus
from graph.cli import app
from graph.errors import QueryError
from graph.pipeline import load
from graph.store import read_saved
from graph.store.file import locked

from .conftest import SEEDS, graph_by_mentions

SEED = SEEDS / "002_602c565088e6d22f.txt"


@pytest.fixture(scope="module")
def with_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds and a re-post of one of them, saved."""
    folder = tmp_path_factory.mktemp("corpus")
    repost = folder / "wire-a.txt"
    repost.write_text(
        "Republished by Wire A under licence.\n\n" + SEED.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    path = folder / "with-copy.graph.db"
    load([str(SEEDS), str(repost)], path)
    return path


def test_sources_lists_dates_titles_events_and_copies(with_copy: Path) -> None:
    graph = read_saved(with_copy).graph
    rows = corpus.sources(graph)
    assert len(rows) == 6
    starts = [(graph.nodes[r.source_id].get("published") or {}).get("start") for r in rows]
    dated = [s for s in starts if s]
    assert dated == sorted(dated) and starts[: len(dated)] == dated  # undated last
    (copy,) = [r for r in rows if r.copy_of]
    primary = next(r for r in rows if r.source_id == copy.copy_of)
    assert primary.path == str(SEED) and copy.path.endswith("wire-a.txt")
    assert (copy.status, primary.status) == (f"copy of {primary.source_id}", "1 copy")
    assert copy.events == copy.claims == 0 and primary.events > 0
    assert (
        primary.title
        == "Anything But More Mobilization: Russia's Stealthy Push to Find More Soldiers"
    )
    assert {r.basis for r in rows} == {"stated", "inferred"}
    # a date that only bounds the day says so ("after 2022-02": its latest past date)
    bounded = {
        r.published for r in rows if (graph.nodes[r.source_id].get("published") or {}).get("mod")
    }
    assert bounded and all(p and p.split()[0] in {"after", "before"} for p in bounded)
    described = Counter(u for u, _, d in graph.edges(data=True) if d["type"] == "DESCRIBES")
    assert {r.source_id: r.events for r in rows} == {
        r.source_id: described[r.source_id] for r in rows
    }


def test_removing_a_primary_leaves_its_copy_standing_for_it(
    with_copy: Path, tmp_path: Path
) -> None:
    path = tmp_path / "g.db"
    shutil.copy(with_copy, path)
    before = {r.path: r for r in corpus.sources(read_saved(path).graph)}
    report = corpus.remove(path, [str(SEED)])
    assert [r.path for r in report.removed] == [str(SEED)]
    after = {r.path: r for r in corpus.sources(read_saved(path).graph)}
    assert set(after) == set(before) - {str(SEED)}
    (repost,) = [r for p, r in after.items() if p.endswith("wire-a.txt")]
    assert repost.copy_of is None and repost.events == before[str(SEED)].events


def test_removing_a_source_gives_the_graph_of_the_others(seeds_graph: Path, tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    shutil.copy(seeds_graph, path)
    gone = sorted(SEEDS.glob("*.txt"))[1]
    source_id = next(
        r.source_id for r in corpus.sources(read_saved(path).graph) if r.path == str(gone)
    )
    corpus.remove(path, [source_id])  # by id
    others = tmp_path / "others.db"
    load([str(p) for p in sorted(SEEDS.glob("*.txt")) if p != gone], others)
    assert graph_by_mentions(path) == graph_by_mentions(others)


def test_an_unknown_name_changes_nothing(seeds_graph: Path, tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    shutil.copy(seeds_graph, path)
    before = path.read_bytes()
    with pytest.raises(QueryError) as info:
        corpus.remove(path, [str(SEEDS / "000_f7e02dd5e2c3f863.txt"), "nope.txt"])
    assert str(info.value) == (
        "no source is 'nope.txt'; name a source by its id, path or url (`timeline-graph sources`"
        " lists them); nothing was removed"
    )
    assert path.read_bytes() == before


def test_remove_waits_for_a_load_of_the_same_graph(seeds_graph: Path, tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    shutil.copy(seeds_graph, path)
    phases: list[str] = []
    held = threading.Event()

    def hold() -> None:
        with locked(path):
            held.set()
            time.sleep(1.0)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    started = time.monotonic()
    corpus.remove(path, [str(SEEDS / "000_f7e02dd5e2c3f863.txt")], on_phase=phases.append)
    holder.join()
    assert time.monotonic() - started >= 0.5
    assert phases[0] == f"waiting for another load of {path}"
    assert len(corpus.sources(read_saved(path).graph)) == 4


def test_stats_count_what_the_graph_holds(with_copy: Path) -> None:
    graph = read_saved(with_copy).graph
    figures = corpus.stats(graph, top=5)
    kinds = Counter(d["kind"] for _, d in graph.nodes(data=True))
    assert figures.nodes == {k: kinds[k] for k in ("Source", "Actor", "Event", "Claim")}
    assert figures.edges == dict(Counter(d["type"] for *_, d in graph.edges(data=True)))
    assert (figures.documents, figures.copies) == (6, 1)
    events = [d for _, d in graph.nodes(data=True) if d["kind"] == "Event"]
    dated = [d["date"] for d in events if d.get("date")]
    assert str(figures.first_event) == min(d["start"] for d in dated)
    assert str(figures.last_event) == max(d["end"] for d in dated)
    assert figures.undated_events == len(events) - len(dated)
    assert len(figures.top_actors) == 5
    ranked = [(-a.events, -a.sources) for a in figures.top_actors]
    assert ranked == sorted(ranked)
    assert all(a.sources <= 5 for a in figures.top_actors)  # the copy is not a sixth source


def test_the_commands(with_copy: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["sources", "-g", str(with_copy), "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    rows = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert list(rows[0]) == [
        "source",
        "published",
        "basis",
        "title",
        "publisher",
        "path",
        "url",
        "events",
        "claims",
        "status",
    ]
    assert sum(r["status"].startswith("copy of src_") for r in rows) == 1

    stats = runner.invoke(app, ["stats", "-g", str(with_copy)])
    assert stats.exit_code == 0, stats.output
    assert "documents     6 (1 copies of another)" in stats.stdout
    assert "top actors" in stats.stdout and "COPY_OF" in stats.stdout

    path = tmp_path / "g.db"
    shutil.copy(with_copy, path)
    missing = runner.invoke(app, ["remove", "nope", "-g", str(path)])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: no source is 'nope';")
    removed = runner.invoke(app, ["remove", str(SEED), "-g", str(path)])
    assert removed.exit_code == 0, removed.output
    assert removed.stdout.splitlines()[-1].startswith(f"1 sources removed -> {path}: ")
    none = runner.invoke(app, ["sources", "-g", str(tmp_path / "none.json")])
    assert none.exit_code == 1 and "no saved graph here" in none.stderr

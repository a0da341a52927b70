from __future__ import annotations

import json
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph import views
from graph.errors import GraphFileError, QueryError
from graph.pipeline import load
from graph.store import migrate, read_around_actor, read_saved, resolve_alias
from graph.store.file import write_json
from graph.store.sqlite import CACHE_KB, SCHEMA_VERSION, open_store
from graph.views import find_actor

from .conftest import graph_json


def test_failed_json_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "graph.json"
    write_json(path, nx.MultiDiGraph(), [])
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_json(path, nx.MultiDiGraph(), [])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_missing_graph_is_empty_or_an_error(tmp_graph: Path) -> None:
    assert read_saved(tmp_graph).extractions == []
    with pytest.raises(GraphFileError, match="no saved graph here"):
        read_saved(tmp_graph, missing_ok=False)


def test_wrong_format_is_reported(tmp_graph: Path) -> None:
    tmp_graph.write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(GraphFileError, match="not a timeline-graph file"):
        read_saved(tmp_graph)


def _seeds_file(seeds_graph: Path) -> dict[str, Any]:
    """The seeds' graph in the JSON file format."""
    path = seeds_graph.parent / f"{os.getpid()}-seeds.json"
    if not path.exists():
        migrate(seeds_graph, path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _damaged(tmp_graph: Path, data: dict[str, Any]) -> str:
    tmp_graph.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GraphFileError) as error:
        read_saved(tmp_graph)
    message = str(error.value)
    assert "delete" not in message  # never advise deleting a user's data
    return message


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(graph=[]), "'graph' is not an object"),
        (lambda d: d["graph"].update(nodes="abc"), "'graph.nodes' or 'graph.edges' is not a list"),
        (lambda d: d["graph"].update(directed=False), "'graph' is not a directed multigraph"),
        (lambda d: d["graph"].update(multigraph=False), "'graph' is not a directed multigraph"),
        (lambda d: d["graph"]["nodes"][0].pop("id"), "graph.nodes[0]: "),
        (lambda d: d["documents"][0].update(extra=1), "documents[0]: extra: Extra inputs"),
        (lambda d: d["graph"]["edges"][0].update(target="nowhere"), "graph.edges[0]: an end"),
    ],
)
def test_damaged_graph_names_the_first_problem(
    seeds_graph: Path, tmp_graph: Path, change: Any, problem: str
) -> None:
    data = _seeds_file(seeds_graph)
    change(data)
    message = _damaged(tmp_graph, data)
    assert message.startswith(f"{tmp_graph}: damaged graph file: {problem}")
    assert message.endswith(
        "restore it from a backup, or load the documents into a new --graph file"
    )


def test_a_bad_event_date_is_found_before_any_view(seeds_graph: Path, tmp_graph: Path) -> None:
    data = _seeds_file(seeds_graph)
    event = next(n for n in data["graph"]["nodes"] if n["kind"] == "Event" and n.get("date"))
    index = data["graph"]["nodes"].index(event)
    event["date"] = {"value": "2024"}
    message = _damaged(tmp_graph, data)
    assert message.startswith(f"{tmp_graph}: damaged graph file: graph.nodes[{index}]: ")


@pytest.mark.parametrize(
    ("version", "problem", "fix"),
    [
        ("1", "format version '1' is not a version number", "restore the file from a backup"),
        (2, "written by a newer timeline-graph (format version 2; this one reads 1)",
         "upgrade timeline-graph (pip install -U timeline-graph)"),
        (0, "format version 0 is older than this program reads (1)", "load the documents"),
    ],
)  # fmt: skip
def test_versions_say_what_to_do(
    seeds_graph: Path, tmp_graph: Path, version: Any, problem: str, fix: str
) -> None:
    data = _seeds_file(seeds_graph)
    data["version"] = version
    message = _damaged(tmp_graph, data)
    assert message.startswith(f"{tmp_graph}: {problem}; {fix}")


_DIGITS = b"9" * 5000


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b'{"format": "timeline-graph", "version": ' + _DIGITS + b"}"],
    ids=["nested too deep", "integer too long"],
)
def test_json_the_parser_cannot_hold_is_a_damaged_graph(tmp_graph: Path, content: bytes) -> None:
    # Found by fuzzing: RecursionError and ValueError escaped the reader.
    tmp_graph.write_bytes(content)
    with pytest.raises(GraphFileError, match="not a readable graph file"):
        read_saved(tmp_graph)


# --------------------------------------------------------------------------- the store


def test_a_json_graph_is_read_but_converted_before_loading(
    seeds_graph: Path, tmp_path: Path, seed_docs: Path
) -> None:
    old = tmp_path / "old.json"
    migrate(seeds_graph, old)
    assert graph_json(old) == graph_json(seeds_graph)  # views read it as it is
    before = old.read_bytes()
    with pytest.raises(GraphFileError) as error:
        load([str(seed_docs)], old)
    assert str(error.value) == (
        f"{old}: a graph in the JSON file format of timeline-graph 0.1; convert it with"
        f" `timeline-graph migrate {old} NEW.db`, then load with --graph NEW.db"
    )
    assert old.read_bytes() == before
    new = tmp_path / "new.db"
    assert migrate(old, new) == 5
    assert graph_json(new) == graph_json(seeds_graph)
    report = load([str(seed_docs)], new)
    assert report.loaded == [] and len(report.unchanged) == 5
    assert graph_json(new) == graph_json(seeds_graph)


def test_migrate_never_overwrites(seeds_graph: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.db"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(GraphFileError, match="already exists; pass a new file name"):
        migrate(seeds_graph, target)
    assert target.read_text(encoding="utf-8") == "mine"


def _sql(path: Path, statement: str) -> None:
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(statement)


def test_a_store_without_some_extractions_is_not_shrunk(
    seeds_graph: Path, tmp_graph: Path, seed_docs: Path
) -> None:
    shutil.copy(seeds_graph, tmp_graph)
    _sql(tmp_graph, "DELETE FROM documents")
    before = graph_json(tmp_graph)
    with pytest.raises(GraphFileError) as error:
        load([str(sorted(seed_docs.iterdir())[0])], tmp_graph)
    assert "the graph holds 5 sources whose extractions the store does not keep" in str(error.value)
    assert graph_json(tmp_graph) == before


def test_a_newer_store_asks_for_an_upgrade(seeds_graph: Path, tmp_graph: Path) -> None:
    shutil.copy(seeds_graph, tmp_graph)
    _sql(tmp_graph, "PRAGMA user_version = 99")
    with pytest.raises(GraphFileError) as error:
        read_saved(tmp_graph)
    assert str(error.value) == (
        f"{tmp_graph}: written by a newer timeline-graph (store version 99; this one reads"
        f" {SCHEMA_VERSION});"
        " upgrade timeline-graph (pip install -U timeline-graph)"
    )


def test_another_database_is_not_taken_for_a_store(tmp_graph: Path, seed_docs: Path) -> None:
    _sql(tmp_graph, "CREATE TABLE mine (x)")
    with pytest.raises(GraphFileError, match="a SQLite database but not a timeline-graph store"):
        load([str(seed_docs)], tmp_graph)
    with closing(sqlite3.connect(tmp_graph)) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["mine"]


def test_a_damaged_row_names_the_store_and_what_to_do(seeds_graph: Path, tmp_graph: Path) -> None:
    shutil.copy(seeds_graph, tmp_graph)
    _sql(tmp_graph, "UPDATE nodes SET data = '{not json' WHERE kind = 'Event'")
    with pytest.raises(GraphFileError) as error:
        read_saved(tmp_graph)
    assert str(error.value).startswith(f"{tmp_graph}: damaged graph store: a node or edge row")
    assert str(error.value).endswith(
        "restore it from a backup, or load the documents into a new --graph file"
    )


def test_an_actors_slice_holds_its_whole_timeline(seeds_graph: Path) -> None:
    """Every actor's slice gives its timeline as the whole graph does, statements (and who
    else made them) included."""
    whole = read_saved(seeds_graph).graph
    actors = sorted(n for n, d in whole.nodes(data=True) if d["kind"] == "Actor")
    for actor in actors:
        for statements in (False, True):
            part, _ = read_around_actor(seeds_graph, actor, statements=statements)
            assert part.number_of_nodes() < whole.number_of_nodes()
            assert views.timeline(part, actor, statements=statements) == views.timeline(
                whole, actor, statements=statements
            ), (actor, statements)


def test_a_retired_id_still_finds_its_actor(seeds_graph: Path, tmp_graph: Path) -> None:
    shutil.copy(seeds_graph, tmp_graph)
    whole = read_saved(tmp_graph).graph
    actor = min(n for n, d in whole.nodes(data=True) if d["kind"] == "Actor")
    _sql(tmp_graph, f"INSERT INTO aliases VALUES ('act_0000000000000000', '{actor}')")
    assert resolve_alias(tmp_graph, "act_0000000000000000") == actor
    part, found = read_around_actor(tmp_graph, "act_0000000000000000")
    assert found == actor and actor in part


def _load_one_more(graph: Path, tmp_path: Path) -> list[str]:
    """Load one new article into `graph`; the phases the load went through."""
    extra = tmp_path / "extra.md"
    extra.write_text("# Talks\n\nOn 3 May 2024 the two governments held talks in Geneva.\n")
    phases: list[str] = []
    load([str(extra)], graph, on_phase=phases.append)
    return phases


def _as_version_4(db: sqlite3.Connection) -> None:
    """Undo what version 5 added to a store's schema."""
    db.execute("DROP INDEX documents_state")
    db.execute("DROP INDEX nodes_by_kind_id")
    db.execute("CREATE INDEX nodes_by_kind ON nodes (kind)")


@pytest.mark.parametrize("version", [3, 4])
def test_a_version_3_or_4_store_is_read_as_it_is_and_upgraded_by_a_load(
    seeds_graph: Path, tmp_graph: Path, tmp_path: Path, version: int
) -> None:
    shutil.copy(seeds_graph, tmp_graph)
    with closing(sqlite3.connect(tmp_graph)) as db, db:
        _as_version_4(db)
        if version == 3:
            db.execute("DROP INDEX sketches_by_source")
        db.execute(f"PRAGMA user_version = {version}")
    assert read_saved(tmp_graph).graph.number_of_nodes() > 0  # views read it as it is
    phases = _load_one_more(tmp_graph, tmp_path)
    assert any(p.startswith("attaching 1 new document") for p in phases), phases
    with closing(sqlite3.connect(tmp_graph)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"sketches_by_source", "documents_state", "nodes_by_kind_id"} <= indexes
        assert "nodes_by_kind" not in indexes
        plan = " ".join(
            r[3]
            for r in db.execute("EXPLAIN QUERY PLAN SELECT content_hash, extractor FROM documents")
        )
        assert "COVERING INDEX documents_state" in plan  # not the rows and their extractions


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_store_is_upgraded_and_resolved_anew(
    seeds_graph: Path, tmp_graph: Path, tmp_path: Path, version: int
) -> None:
    shutil.copy(seeds_graph, tmp_graph)
    with closing(sqlite3.connect(tmp_graph)) as db, db:  # as that version wrote it
        _as_version_4(db)
        db.execute("DROP INDEX sketches_by_source")
        db.execute("DROP TABLE event_dates")
        db.execute("DROP INDEX edges_by_type_source")
        db.execute("DROP INDEX edges_by_type_target")
        for name in ("last", "initials", "id"):
            db.execute(f"DROP INDEX actor_keys_by_{name}")
        db.execute("ALTER TABLE actor_keys DROP COLUMN last")
        db.execute("ALTER TABLE actor_keys DROP COLUMN initials")
        if version == 1:
            for table in ("actor_keys", "event_mentions", "event_keys", "contexts"):
                db.execute(f"DROP TABLE {table}")
            for table in ("context_items", "sketches", "claim_words"):
                db.execute(f"DROP TABLE {table}")
            db.execute("DELETE FROM meta WHERE key = 'resolver'")
        db.execute(f"PRAGMA user_version = {version}")
    phases = _load_one_more(tmp_graph, tmp_path)
    assert any(p.startswith("resolving 6 documents") for p in phases), phases
    with closing(sqlite3.connect(tmp_graph)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM contexts").fetchone()[0] == 6
        dated = (
            "SELECT count(*) FROM nodes WHERE kind = 'Event'"
            " AND json_extract(data, '$.date') IS NOT NULL"
        )
        assert (
            db.execute("SELECT count(*) FROM event_dates").fetchone()
            == db.execute(dated).fetchone()
        )
        assert db.execute("SELECT count(*) FROM actor_keys WHERE last = ''").fetchone()[0] == 0
    phases.clear()
    again = tmp_path / "again.md"
    again.write_text("# More talks\n\nOn 4 May 2024 the talks in Geneva went on.\n")
    load([str(again)], tmp_graph, on_phase=phases.append)  # now indexed: attached
    assert "attaching 1 new documents to the graph" in phases, phases


def test_an_actor_is_found_by_its_fields_as_among_all_actors(seeds_graph: Path) -> None:
    """The store looks a name up among the actors whose fields hold it; the answer is the
    one all actors give: by name, alias, a part of a name, or an id."""
    whole = read_saved(seeds_graph).graph
    actors = [(n, d) for n, d in whole.nodes(data=True) if d["kind"] == "Actor"]
    asked = [n for n, _ in actors] + [d["name"].upper() for _, d in actors]
    asked += [a for _, d in actors for a in d.get("aliases") or ()]
    asked += [d["name"].split()[-1] for _, d in actors]
    for text in asked:
        try:
            expected: str | type[Exception] = find_actor(whole, text)
        except QueryError as error:
            expected = type(error)
        try:
            found: str | type[Exception] = read_around_actor(seeds_graph, text)[1]
        except QueryError as error:
            found = type(error)
        assert found == expected, text


def test_a_store_keeps_its_pages_in_memory_beyond_sqlites_default(seeds_graph: Path) -> None:
    # SQLite keeps 2 MB of pages by default; a step of a long load reads a gigabyte's indexes.
    with open_store(seeds_graph) as store:
        kept = store._db.execute("PRAGMA cache_size").fetchone()[0]
    assert kept == -CACHE_KB and CACHE_KB >= 32_768

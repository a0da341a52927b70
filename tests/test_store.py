from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from graph.errors import GraphFileError
from graph.model import GraphRecord
from graph.pipeline import load
from graph.store import read_saved, write_saved


def test_failed_write_keeps_the_old_file(tmp_graph: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_saved(tmp_graph, GraphRecord(nodes=(), edges=()), [])
    before = tmp_graph.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_saved(tmp_graph, GraphRecord(nodes=(), edges=()), [])
    assert tmp_graph.read_bytes() == before
    assert [p.name for p in tmp_graph.parent.iterdir()] == [tmp_graph.name]


def test_missing_graph_is_empty_or_an_error(tmp_graph: Path) -> None:
    assert read_saved(tmp_graph).extractions == []
    with pytest.raises(GraphFileError, match="no saved graph here"):
        read_saved(tmp_graph, missing_ok=False)


def test_wrong_format_is_reported(tmp_graph: Path) -> None:
    tmp_graph.write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(GraphFileError, match="not a timeline-graph file"):
        read_saved(tmp_graph)


def _seeds_file(seeds_graph: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(seeds_graph.read_text(encoding="utf-8"))
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


def test_a_graph_without_its_extractions_is_not_shrunk(
    seeds_graph: Path, tmp_graph: Path, seed_docs: Path
) -> None:
    data = _seeds_file(seeds_graph)
    data["documents"] = []
    tmp_graph.write_text(json.dumps(data), encoding="utf-8")
    before = tmp_graph.read_bytes()
    assert read_saved(tmp_graph).graph.number_of_nodes() > 0  # still readable for views
    with pytest.raises(GraphFileError) as error:
        load([str(sorted(seed_docs.iterdir())[0])], tmp_graph)
    assert "the graph holds 5 sources whose extractions the file does not keep" in str(error.value)
    assert tmp_graph.read_bytes() == before


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

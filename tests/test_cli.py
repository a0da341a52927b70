from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph import views
from graph.cli import app
from graph.store import read_saved

runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["load"], ["timeline"], ["export"], ["schema"]])
def test_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_load_prints_a_summary(seed_docs: Path, tmp_graph: Path) -> None:
    result = runner.invoke(app, ["load", str(seed_docs), "--graph", str(tmp_graph)])
    assert result.exit_code == 0, result.output
    assert f"5 documents read, 0 already in the graph, 0 skipped -> {tmp_graph}" in result.output
    for kind in ("Source", "Actor", "Event", "Claim"):
        assert kind in result.output


def test_load_missing_path(tmp_graph: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = runner.invoke(app, ["load", str(missing), "--graph", str(tmp_graph)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {missing}: no such file or folder")
    assert not tmp_graph.exists()


def test_load_folder_without_articles(tmp_graph: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG")
    result = runner.invoke(app, ["load", str(folder), "--graph", str(tmp_graph)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {folder}: ")
    assert not tmp_graph.exists()


def test_load_undecodable_file(tmp_graph: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cp1252.txt"
    bad.write_bytes(b"The minister\x92s statement")
    result = runner.invoke(app, ["load", str(bad), "--graph", str(tmp_graph)])
    assert result.exit_code == 1
    assert f"{bad}: not UTF-8 (byte 0x92 at offset 12)" in result.output


def test_load_corrupt_graph(seed_docs: Path, tmp_graph: Path) -> None:
    tmp_graph.write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["load", str(seed_docs), "--graph", str(tmp_graph)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {tmp_graph}: not a timeline-graph file")
    assert tmp_graph.read_text(encoding="utf-8") == "[]"


def test_timeline_lists_events_in_order(seeds_graph: Path) -> None:
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph)])
    assert result.exit_code == 0, result.output
    dates = re.findall(r"^\s*(\d{4}(?:-\d\d)?)", result.output, flags=re.M)
    assert len(dates) > 5 and dates == sorted(dates, key=lambda d: d[:4])
    assert re.search(r"^\d+ events$", result.output, flags=re.M)


def test_timeline_filters(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    rows = views.timeline(graph, actor="Putin", date_from=dt.date(2022, 1, 1))
    assert rows
    for row in rows:
        assert "Vladimir Putin" in row.participants
        assert row.end is not None and row.end >= dt.date(2022, 1, 1)
    everything = views.timeline(graph)
    assert len(everything) > len(rows)
    dated = [r.start for r in everything if r.start]
    assert dated == sorted(dated)


def test_timeline_bad_date(seeds_graph: Path) -> None:
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph), "--from", "March"])
    assert result.exit_code == 2
    assert "error: --from 'March' is not a date; write it as YYYY-MM-DD" in result.output


def test_timeline_without_graph(tmp_graph: Path) -> None:
    result = runner.invoke(app, ["timeline", "--graph", str(tmp_graph)])
    assert result.exit_code == 1
    assert f"error: {tmp_graph}: no saved graph here" in result.output


def test_export_json_node_link(seeds_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    result = runner.invoke(
        app, ["export", "--graph", str(seeds_graph), "--format", "json", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all({"id", "kind"} <= node.keys() for node in data["nodes"])
    assert all({"source", "target", "type"} <= edge.keys() for edge in data["edges"])


def test_export_graphml_is_flat(seeds_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    result = runner.invoke(
        app, ["export", "--graph", str(seeds_graph), "-f", "graphml", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    values = [v for _, d in graph.nodes(data=True) for v in d.values()]
    assert values and all(isinstance(v, str | int | float | bool) for v in values)
    events = [d for _, d in graph.nodes(data=True) if d["kind"] == "Event" and "date_start" in d]
    assert events and all("date_precision" in d for d in events)


def test_schema_prints_json_schema_and_constraints() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert '"title": "timeline-graph"' in result.output
    assert (
        "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;"
        in result.output
    )

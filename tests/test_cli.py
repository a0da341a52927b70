from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph import views
from graph.cli import app
from graph.lazy import lazy_module
from graph.model import Role
from graph.store import read_saved

runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["load"], ["timeline"], ["export"], ["view"], ["schema"]])
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
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    starts = [e["start"] for e in events]
    dated = [s for s in starts if s]
    assert len(dated) > 5 and dated == sorted(dated)
    assert starts == dated + [None] * (len(starts) - len(dated))  # undated last


def test_timeline_table(seeds_graph: Path) -> None:
    rows = views.timeline(read_saved(seeds_graph).graph)
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph), "-f", "table"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "id", "date", "precision", "type", "event", "told", "as", "participants", "sources",
        "contested",
    ]  # fmt: skip
    assert lines[-1] == f"{len(rows)} events"
    for row in rows:
        line = next(line for line in lines if line.startswith(row.event_id + " "))
        after_id = line[len(row.event_id) :]
        assert after_id.startswith("  ") and after_id.lstrip().startswith(f"{row.date_words} ")
    assert any(row.date_words == "since February 2022" for row in rows)
    assert any(row.date_words == "winter 2022-23" for row in rows)


def test_timeline_csv_is_the_default_off_a_terminal(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    rows = views.timeline(graph)
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph)])
    assert result.exit_code == 0, result.output
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == [
        "id", "date", "timex", "precision", "type", "event", "told as", "participants",
        "sources", "contested",
    ]  # fmt: skip
    assert len(table) == len(rows) + 1  # no summary line after the rows
    for cells, row in zip(table[1:], rows, strict=True):
        assert cells[:4] == [row.event_id, row.date_words, row.date or "", row.precision or ""]
        assert cells[5] == row.label
        assert cells[-1] == ("true" if row.contested else "false")
    dated = next(c for c in table[1:] if c[2])
    assert dated[2] == graph.nodes[dated[0]]["date"]["value"]


def test_timeline_json(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph), "-f", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert len(events) == len(views.timeline(graph))
    assert set(events[0]) == {
        "id", "date", "timex", "start", "end", "precision", "mod", "basis", "expression",
        "type", "category", "label", "modality", "participants", "sources", "contested",
    }  # fmt: skip
    for event in events:
        node = graph.nodes[event["id"]]
        date = node.get("date")
        assert event["timex"] == (date["value"] if date else None)
        assert event["start"] == (date["start"] if date else None)
        assert event["category"] == node["category"]
        assert event["date"] != "" and (date is not None or event["date"] == "undated")
        for person in event["participants"]:
            assert graph.nodes[person["id"]]["name"] == person["name"]
            assert person["role"] in {r.value for r in Role}
    since = next(e for e in events if e["date"] == "since February 2022")
    assert (since["timex"], since["mod"], since["precision"]) == ("2022-02", "after", "month")


def test_timeline_prints_article_text_literally(seeds_graph: Path, tmp_path: Path) -> None:
    marked = tmp_path / "marked.graph.db"
    shutil.copy(seeds_graph, marked)
    with closing(sqlite3.connect(marked)) as db, db:
        db.execute(
            "UPDATE nodes SET data = json_set(data, '$.label', ?) WHERE id ="
            " (SELECT min(id) FROM nodes WHERE kind = 'Event')",
            ("[bold]drafted[/bold] :x:",),
        )
    result = runner.invoke(app, ["timeline", "--graph", str(marked), "-f", "table"])
    assert result.exit_code == 0, result.output
    assert "[bold]drafted[/bold] :x:" in result.stdout


@pytest.mark.parametrize(
    "actor", ["Vladimir Putin", "vladimir putin", "Putin", "act_a3a688d62e9e95af"]
)
def test_timeline_actor_by_name_alias_or_id(seeds_graph: Path, actor: str) -> None:
    graph = read_saved(seeds_graph).graph
    expected = [r.event_id for r in views.timeline(graph, "act_a3a688d62e9e95af")]
    result = runner.invoke(
        app, ["timeline", "--graph", str(seeds_graph), "--actor", actor, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert expected and [e["id"] for e in json.loads(result.stdout)] == expected


def test_timeline_actor_by_a_part_of_its_name(seeds_graph: Path) -> None:
    result = runner.invoke(
        app, ["timeline", "--graph", str(seeds_graph), "--actor", "Mitrokhin", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert events
    assert all(
        "act_af12a3a2b2401600" in {p["id"] for p in e["participants"]} for e in events
    )  # Nikolai Mitrokhin


def test_timeline_ambiguous_actor(seeds_graph: Path) -> None:
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph), "--actor", "Dmitry"])
    assert result.exit_code == 1
    assert result.output == (
        f'error: "Dmitry" names 2 actors in {seeds_graph}: '
        '"Dmitry Medvedev" (act_92a644c36a5ba84d), "Dmitry Peskov" (act_662a910f2fe51b59); '
        "pass the full name or the actor id\n"
    )


def test_timeline_unknown_actor(seeds_graph: Path) -> None:
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph), "--actor", "Putn"])
    assert result.exit_code == 1
    assert result.output == (
        f'error: no actor named "Putn" in {seeds_graph}; did you mean "Vladimir Putin"? '
        "(`timeline-graph query actor_ranking` lists the actors)\n"
    )
    result = runner.invoke(app, ["timeline", "--graph", str(seeds_graph), "--actor", "Zzyzx"])
    assert result.exit_code == 1
    assert result.output == (
        f'error: no actor named "Zzyzx" in {seeds_graph}; pass an actor\'s name, an alias or '
        "its id (`timeline-graph query actor_ranking` lists the actors)\n"
    )


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
    assert (
        "error: --from 'March' is not a date; write a day, month or year (2024-03-29, 2024-03 or"
        " 2024)" in result.output
    )


@pytest.mark.parametrize(
    ("flag", "value", "day"),
    [
        ("--from", "2024", "2024-01-01"),
        ("--to", "2024", "2024-12-31"),
        ("--from", "2024-02", "2024-02-01"),
        ("--to", "2024-02", "2024-02-29"),
        ("--to", "2024-02-10", "2024-02-10"),
    ],
)
def test_timeline_takes_years_and_months(
    seeds_graph: Path, flag: str, value: str, day: str
) -> None:
    graph = read_saved(seeds_graph).graph
    bound = dt.date.fromisoformat(day)
    expected = views.timeline(
        graph,
        date_from=bound if flag == "--from" else None,
        date_to=bound if flag == "--to" else None,
    )
    result = runner.invoke(
        app, ["timeline", "--graph", str(seeds_graph), flag, value, "-f", "table"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith(f"\n{len(expected)} events")


def test_name_matches_whole_words_and_aliases() -> None:
    assert views.name_matches("Peskov", "Dmitry Peskov")
    assert views.name_matches("dmitry peskov", "Dmitry Peskov")
    assert not views.name_matches("Pesk", "Dmitry Peskov")
    assert views.name_matches("MoD", "Ministry of Defence", ["MoD"])
    assert not views.name_matches("", "Dmitry Peskov")


def test_timeline_wraps_labels_instead_of_cutting_them(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    longest = max(views.timeline(graph), key=lambda r: len(r.label)).label
    result = runner.invoke(
        app, ["timeline", "--graph", str(seeds_graph), "-f", "table"], terminal_width=80
    )
    assert result.exit_code == 0
    assert "…" not in result.output
    words = " ".join(result.output.split())
    assert all(word in words for word in longest.split())


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


def test_schema_prints_one_part_at_a_time() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "timeline-graph"  # parseable: JSON alone
    result = runner.invoke(app, ["schema", "constraints"])
    assert result.exit_code == 0
    assert (
        "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;"
        in result.stdout.splitlines()
    )
    result = runner.invoke(app, ["schema", "style"])
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("node")


def test_export_creates_missing_folders(seeds_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "dir" / "g.json"
    result = runner.invoke(app, ["export", "-g", str(seeds_graph), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["nodes"]


def test_export_to_an_unwritable_place(seeds_graph: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "g.json"
    result = runner.invoke(app, ["export", "-g", str(seeds_graph), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"error: {out}: cannot write here (File exists); pass a writable --out PATH\n"
    )


def test_nothing_loaded_lists_each_reason(tmp_graph: Path, tmp_path: Path) -> None:
    binary, empty = tmp_path / "bin.txt", tmp_path / "empty.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["load", str(binary), str(empty), "--graph", str(tmp_graph)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"skipped {binary}: ")
    assert lines[1].startswith(f"skipped {empty}: empty file")
    assert lines[2].startswith("error: nothing to load from") and "listed above" in lines[2]
    assert not tmp_graph.exists()


def test_rewritten_graph_keeps_its_permissions(seed_docs: Path, tmp_graph: Path) -> None:
    first = sorted(seed_docs.iterdir())[0]
    assert runner.invoke(app, ["load", str(first), "-g", str(tmp_graph)]).exit_code == 0
    tmp_graph.chmod(0o644)
    assert runner.invoke(app, ["load", str(seed_docs), "-g", str(tmp_graph)]).exit_code == 0
    assert tmp_graph.stat().st_mode & 0o777 == 0o644
    tmp_graph.chmod(0o640)
    assert runner.invoke(app, ["load", str(seed_docs), "-g", str(tmp_graph)]).exit_code == 0
    assert tmp_graph.stat().st_mode & 0o777 == 0o640


def test_unknown_model_names_itself(seed_docs: Path, tmp_graph: Path) -> None:
    result = runner.invoke(
        app, ["load", str(seed_docs), "-g", str(tmp_graph), "--model", "en_core_web_xx"]
    )
    assert result.exit_code == 1
    assert result.output == (
        "error: spaCy pipeline 'en_core_web_xx' is not installed; install the Python package"
        " that provides it (for spaCy's own pipelines: `pip install en-core-web-xx`), or leave"
        " out --model to use the default English pipeline\n"
    )


def test_push_checks_the_graph_file_before_the_server(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = runner.invoke(
        app, ["push", "--graph", str(missing), "--uri", "bolt://127.0.0.1:9", "--password", "x"]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {missing}: no saved graph here")


def test_version_short_help_and_quiet(seed_docs: Path, tmp_graph: Path) -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"timeline-graph {version('timeline-graph')}\n")
    assert runner.invoke(app, ["load", "-h"]).exit_code == 0
    result = runner.invoke(app, ["--quiet", "load", str(seed_docs), "-g", str(tmp_graph)])
    assert (result.exit_code, result.output) == (0, "")
    assert tmp_graph.exists()


def test_schema_out_onto_a_file(tmp_path: Path) -> None:
    target = tmp_path / "schema"
    target.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(target)])
    assert result.exit_code == 1
    assert result.output == (
        f"error: {target}: cannot write the schema here (File exists); pass a folder with"
        " --out DIR\n"
    )
    assert target.read_text(encoding="utf-8") == "mine"


def test_load_reads_an_article_from_standard_input(seed_docs: Path, tmp_graph: Path) -> None:
    article = sorted(seed_docs.iterdir())[0].read_text(encoding="utf-8")
    result = runner.invoke(app, ["load", "-", "-g", str(tmp_graph)], input=article)
    assert result.exit_code == 0, result.output
    assert "1 documents read" in result.output
    (source,) = [x.source for x in read_saved(tmp_graph).extractions]
    assert source.path == "<stdin>" and source.format == "markdown"
    result = runner.invoke(app, ["load", "-", "-g", str(tmp_graph)], input="  \n")
    assert result.exit_code == 1
    assert result.output == (
        "error: <stdin>: empty file; add the article text, or leave the file out\n"
    )


def test_html_from_standard_input(tmp_graph: Path) -> None:
    page = (
        "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
        "<p>The two delegations met in Geneva on Monday, the foreign ministry said.</p>"
        "</article></body></html>"
    )
    result = runner.invoke(app, ["load", "-", "-g", str(tmp_graph)], input=page)
    assert result.exit_code == 0, result.output
    (source,) = [x.source for x in read_saved(tmp_graph).extractions]
    assert source.format == "html"


def test_export_timelinejs_counts_the_undated_events(seeds_graph: Path, tmp_path: Path) -> None:
    graph = read_saved(seeds_graph).graph
    undated = sum(1 for r in views.timeline(graph) if r.date is None)
    out = tmp_path / "timeline.json"
    result = runner.invoke(
        app, ["export", "--graph", str(seeds_graph), "-f", "timelinejs", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"left out {undated} undated events (TimelineJS places every event on a date)\n"
        f"wrote {out}\n"
    )
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert len(events) == len(views.timeline(graph)) - undated


def test_commands_that_read_a_graph_start_without_the_language_stack() -> None:
    code = (
        "import sys, graph.cli\n"
        "print(sorted(m for m in ('spacy', 'trafilatura', 'dateparser') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_timeline_with_the_statements_an_actor_made(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    actor = "act_a3a688d62e9e95af"
    expected = [r.record() for r in views.timeline(graph, actor, statements=True)]
    args = ["timeline", "-g", str(seeds_graph), "--actor", "Putin", "--statements", "-f", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows == json.loads(json.dumps(expected))  # the store's slice holds them all
    said = [r for r in rows if r["type"] == "statement"]
    assert said and all(r["id"].startswith("clm_") for r in said)
    assert all(r["label"].startswith("Vladimir Putin ") for r in said)


def test_commands_start_without_the_neo4j_driver() -> None:
    """The driver is loaded only by the commands that reach Neo4j, so `timeline`, `query`
    and the others start faster."""
    code = "import sys, graph.cli; print('neo4j.api' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_lazy_module_that_is_not_installed_fails_at_once() -> None:
    with pytest.raises(ModuleNotFoundError):
        lazy_module("no_such_module_here")

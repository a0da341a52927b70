from __future__ import annotations

import csv
import datetime as dt
import html
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import ExportError
from graph.export import (
    ARRAY_DELIMITER,
    node_label,
    timelinejs_dates,
    to_graphml,
    to_json,
    to_neo4j_import,
    to_timelinejs,
)
from graph.model import NodeKind
from graph.schema import json_schema, node_properties
from graph.store.push import node_row, relationship_row
from graph.store.saved import read_saved

runner = CliRunner()

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _graphml(seeds_graph: Path) -> ET.Element:
    return ET.fromstring(to_graphml(read_saved(seeds_graph).graph).encode("utf-8"))


def test_graphml_booleans_are_xml_schema_booleans(seeds_graph: Path) -> None:
    root = _graphml(seeds_graph)
    booleans = {k.get("id") for k in root.iter(f"{GRAPHML}key") if k.get("attr.type") == "boolean"}
    assert {"direct", "hedged", "negated"} <= booleans
    values = {d.text for d in root.iter(f"{GRAPHML}data") if d.get("key") in booleans}
    assert values == {"true", "false"}


def test_graphml_reads_back_with_booleans(seeds_graph: Path, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    path.write_text(to_graphml(read_saved(seeds_graph).graph), encoding="utf-8")
    graph = nx.read_graphml(path)
    claims = [d for _, d in graph.nodes(data=True) if d["kind"] == "Claim"]
    assert claims and all(isinstance(d["direct"], bool) for d in claims)


def test_every_graphml_node_has_a_readable_label(seeds_graph: Path) -> None:
    saved = read_saved(seeds_graph).graph
    root = _graphml(seeds_graph)
    labels = {
        node.get("id"): data.text
        for node in root.iter(f"{GRAPHML}node")
        for data in node.iter(f"{GRAPHML}data")
        if data.get("key") == "label"
    }
    assert labels.keys() == set(saved.nodes)
    assert all(labels.values())
    for node, data in saved.nodes(data=True):
        if data["kind"] == "Actor":
            assert labels[node] == data["name"]
        elif data["kind"] == "Event":
            assert labels[node] == data["label"]
        elif data["kind"] == "Source":
            assert labels[node] == (data["title"] or Path(data["path"]).name)
        else:
            assert len(labels[node]) <= 80
    claimed = [
        (saved.nodes[u]["name"], v) for u, v, t in saved.edges(data="type") if t == "CLAIMED"
    ]
    assert claimed and all(labels[claim].startswith(f"{name}: ") for name, claim in claimed)


def test_claim_label_quotes_a_direct_quote_and_shortens_it() -> None:
    claim = {"kind": "Claim", "text": "We will win. " * 20, "direct": True, "speaker": "he"}
    label = node_label(claim, "Olaf Scholz")
    assert label.startswith("Olaf Scholz: \u201cWe will win. We will win.")
    assert label.endswith("\u2026\u201d") and len(label) <= 80
    paraphrase = {"kind": "Claim", "text": "talks failed", "direct": False, "speaker": "he"}
    assert node_label(paraphrase) == "he: talks failed"
    assert node_label({"kind": "Claim", "text": "talks failed", "direct": False}) == (
        "talks failed"
    )


def test_json_export_validates_as_a_whole(seeds_graph: Path) -> None:
    data = json.loads(to_json(read_saved(seeds_graph).graph))
    jsonschema.Draft202012Validator(json_schema()).validate(data)
    assert data["directed"] is True and data["multigraph"] is True
    assert data["nodes"] and data["edges"]


def test_json_export_reads_back_into_networkx(seeds_graph: Path) -> None:
    saved = read_saved(seeds_graph).graph
    graph = nx.node_link_graph(json.loads(to_json(saved)), edges="edges")
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.number_of_nodes() == saved.number_of_nodes()
    assert graph.number_of_edges() == saved.number_of_edges()


@pytest.mark.parametrize(
    ("precision", "start", "end", "first", "last"),
    [
        ("day", "2024-03-29", "2024-03-29", {"year": 2024, "month": 3, "day": 29}, None),
        ("day", "2024-04-01", "2024-07-15", {"year": 2024, "month": 4, "day": 1},
         {"year": 2024, "month": 7, "day": 15}),
        ("week", "2024-04-01", "2024-04-07", {"year": 2024, "month": 4}, None),
        ("week", "2024-04-29", "2024-05-05", {"year": 2024, "month": 4},
         {"year": 2024, "month": 5}),
        ("month", "2024-03-01", "2024-03-31", {"year": 2024, "month": 3}, None),
        ("season", "2022-12-01", "2023-02-28", {"year": 2022, "month": 12},
         {"year": 2023, "month": 2}),
        ("quarter", "2024-01-01", "2024-03-31", {"year": 2024, "month": 1},
         {"year": 2024, "month": 3}),
        ("year", "2022-01-01", "2022-12-31", {"year": 2022}, None),
        ("decade", "1990-01-01", "1999-12-31", {"year": 1990}, {"year": 1999}),
    ],
)  # fmt: skip
def test_timelinejs_dates_never_finer_than_the_precision(
    precision: str, start: str, end: str, first: dict[str, int], last: dict[str, int] | None
) -> None:
    date = {"precision": precision, "start": start, "end": end}
    assert timelinejs_dates(date) == (first, last)


def test_timelinejs_export_of_the_seeds(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    text, undated = to_timelinejs(graph)
    events = json.loads(text)["events"]
    event_nodes = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "Event"}
    assert undated == sum(1 for d in event_nodes.values() if d.get("date") is None) > 0
    assert len(events) + undated == len(event_nodes)
    for event in events:
        node = event_nodes[event["unique_id"]]
        assert event["group"] == node["event_type"]
        assert event["text"]["headline"] == html.escape(node["label"])
        assert ("day" in event["start_date"]) == (node["date"]["precision"] == "day")
        assert "<p>" in event["text"]["text"] and "<cite>" in event["text"]["text"]
    starts = [tuple(e["start_date"].get(f, 0) for f in ("year", "month", "day")) for e in events]
    assert [s[0] for s in starts] == sorted(s[0] for s in starts)


def test_timelinejs_escapes_article_text() -> None:
    graph = nx.MultiDiGraph()
    sentence = 'Troops moved <script>alert("x")</script> & more.'
    graph.add_node(
        "src_1",
        kind="Source",
        title="<b>Title</b>",
        path="a.txt",
        url="javascript:alert(1)",
        publisher=None,
        published=None,
    )
    graph.add_node(
        "evt_1",
        kind="Event",
        label="<img src=x onerror=alert(1)>",
        event_type="deployment",
        date={
            "value": "2024-03",
            "precision": "month",
            "start": "2024-03-01",
            "end": "2024-03-31",
            "mod": None,
        },
    )
    graph.add_edge(
        "src_1", "evt_1", key="rel_1", type="DESCRIBES",
        spans=[{"source_id": "src_1", "start": 0, "end": 10, "text": sentence}],
    )  # fmt: skip
    (event,) = json.loads(to_timelinejs(graph)[0])["events"]
    assert event["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert event["text"]["text"] == (
        "<p>Troops moved &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more.</p>"
        "<p><cite>&lt;b&gt;Title&lt;/b&gt;</cite></p>"
    )


# --------------------------------------------------------------------------- neo4j-import
# Neo4j (and so neo4j-admin) cannot be installed on the test machines: these tests check the
# files against the importer's documented header and CSV conventions, and against the rows
# `graph.store.push` sends, without running `neo4j-admin database import`.

HEADER_FIELD = re.compile(r"^[a-z][a-z_]*:(string|long|double|boolean|date)(\[\])?$")


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    return header, rows


def _parsed(column: str, cell: str) -> Any:
    """A cell as neo4j-admin reads it under `column`'s type (None: no property)."""
    kind = column.partition(":")[2]
    if cell == "":
        return None
    if kind == "string[]":  # an element may be empty text
        return cell.split(ARRAY_DELIMITER)
    if kind.endswith("[]"):
        return [_parsed(f"x:{kind[:-2]}", item) for item in cell.split(ARRAY_DELIMITER)]
    if kind == "long":
        return int(cell)
    if kind == "double":
        return float(cell)
    if kind == "boolean":
        assert cell in ("true", "false")
        return cell == "true"
    if kind == "date":
        return dt.date.fromisoformat(cell).isoformat()
    return cell


def _pushed(value: Any) -> Any:
    """A value of a push row as the importer can write it: an empty list, a list of one
    empty text and an empty text are no property (an empty CSV field)."""
    return None if value in ([], [""], "") else value


@pytest.fixture(scope="module")
def neo4j_import(seeds_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "neo4j-import"
    to_neo4j_import(read_saved(seeds_graph).graph, folder)
    return folder


def test_neo4j_import_headers_are_what_neo4j_admin_reads(neo4j_import: Path) -> None:
    for kind in NodeKind:
        header, _ = _read_csv(neo4j_import / f"nodes-{kind.value}.csv")
        assert header[:2] == ["id:ID", ":LABEL"]
        assert all(HEADER_FIELD.match(field) for field in header[2:]), header
        # the properties a push writes, in its order (id is the :ID column)
        assert [f.partition(":")[0] for f in header[2:]] == [
            p.name for p in node_properties()[kind] if p.name != "id"
        ]
    source, _ = _read_csv(neo4j_import / "nodes-Source.csv")
    event, _ = _read_csv(neo4j_import / "nodes-Event.csv")
    claim, _ = _read_csv(neo4j_import / "nodes-Claim.csv")
    assert {"published_start:date", "published_day:date", "authors:string[]", "words:long"} <= (
        set(source)
    )
    assert {"date_start:date", "date_end:date", "date_day:date", "negated:boolean"} <= set(event)
    assert {"quantities_value:double[]", "mentions_start:long[]", "quantities_count:long"} <= (
        set(event)
    )
    assert {"direct:boolean", "hedged:boolean", "span_start:long", "text:string"} <= set(claim)
    relationships = sorted(neo4j_import.glob("relationships-*.csv"))
    assert relationships
    for path in relationships:
        header, _ = _read_csv(path)
        assert header == [
            ":START_ID", ":END_ID", ":TYPE", "id:string", "role:string", "evidence:string",
            "spans:string", "spans_count:long", "spans_source_id:string[]", "spans_start:long[]",
            "spans_end:long[]", "spans_text:string[]",
        ]  # fmt: skip


def test_neo4j_import_has_one_row_per_node_and_edge(seeds_graph: Path, neo4j_import: Path) -> None:
    graph = read_saved(seeds_graph).graph
    ids: set[str] = set()
    for kind in NodeKind:
        _, rows = _read_csv(neo4j_import / f"nodes-{kind.value}.csv")
        assert {r[1] for r in rows} <= {kind.value}
        assert sorted(r[0] for r in rows) == sorted(
            n for n, k in graph.nodes(data="kind") if k == kind.value
        )
        ids.update(r[0] for r in rows)
    edges: list[tuple[str, str, str, str]] = []
    for path in neo4j_import.glob("relationships-*.csv"):
        _, rows = _read_csv(path)
        assert {r[2] for r in rows} == {path.stem.removeprefix("relationships-")}
        edges += [(r[0], r[1], r[2], r[3]) for r in rows]
    assert sorted(edges) == sorted(
        (u, v, data["type"], data.get("id", key))
        for u, v, key, data in graph.edges(keys=True, data=True)
    )
    assert {u for u, *_ in edges} | {v for _, v, *_ in edges} <= ids  # every end is a node


def test_neo4j_import_values_are_those_a_push_writes(seeds_graph: Path, neo4j_import: Path) -> None:
    graph = read_saved(seeds_graph).graph
    arrays = dates = 0
    for kind in NodeKind:
        header, rows = _read_csv(neo4j_import / f"nodes-{kind.value}.csv")
        for row in rows:
            pushed = node_row(kind, row[0], graph.nodes[row[0]])
            expected = pushed["props"] | pushed["dates"]
            for column, cell in zip(header[2:], row[2:], strict=True):
                name = column.partition(":")[0]
                assert _parsed(column, cell) == _pushed(expected[name]), (row[0], name)
                arrays += column.endswith("[]") and ARRAY_DELIMITER in cell
                dates += column.endswith(":date") and bool(cell)
    assert arrays and dates  # the seeds have multi-element arrays and dates
    for path in neo4j_import.glob("relationships-*.csv"):
        header, rows = _read_csv(path)
        by_id = {d["id"]: (u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)}
        for row in rows:
            expected = relationship_row(*by_id[row[3]])["props"]
            for column, cell in zip(header[3:], row[3:], strict=True):
                assert _parsed(column, cell) == _pushed(expected[column.partition(":")[0]])


def test_neo4j_import_quotes_commas_quotes_and_line_breaks(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    text = 'He said, "no";\nthen\r\nleft \x1f here'
    graph.add_node(
        "act_1", kind="Actor", name=text, actor_type="person", aliases=["A, B", 'say "x"'],
        titles=[], mentions=[],
    )  # fmt: skip
    folder = tmp_path / "out"
    to_neo4j_import(graph, folder)
    header, rows = _read_csv(folder / "nodes-Actor.csv")
    (row,) = rows
    values = dict(zip(header, row, strict=True))
    assert values["name:string"] == text
    assert values["aliases:string[]"].split(ARRAY_DELIMITER) == ["A, B", 'say "x"']
    assert values["titles_count:long"] == "0" and values["titles:string"] == "[]"
    assert not list(folder.glob("relationships-*.csv"))  # no edges, no relationship files


def test_neo4j_import_script_names_every_file(neo4j_import: Path) -> None:
    script = (neo4j_import / "import.sh").read_text(encoding="utf-8")
    assert os.access(neo4j_import / "import.sh", os.X_OK)
    assert 'neo4j-admin database import full "${1:-neo4j}"' in script
    for path in sorted(neo4j_import.glob("*.csv")):
        option = "--nodes" if path.name.startswith("nodes-") else "--relationships"
        assert f'{option}="$here/{path.name}"' in script
    assert "--array-delimiter=U+001F" in script and "--multiline-fields=true" in script


def test_export_neo4j_import_cli(seeds_graph: Path, tmp_path: Path) -> None:
    folder = tmp_path / "import"
    result = runner.invoke(app, ["export", "-g", str(seeds_graph), "-f", "neo4j-import"])
    assert result.exit_code == 2
    assert result.output == (
        "error: --format neo4j-import writes a folder of CSV files, not one stream; "
        "pass --out FOLDER\n"
    )
    args = ["export", "-g", str(seeds_graph), "-f", "neo4j-import", "-o", str(folder)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"wrote 13 CSV files and import.sh to {folder}; sh {folder}/import.sh imports them "
        "with neo4j-admin\n"
    )
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert runner.invoke(app, args).exit_code == 0  # an earlier export is replaced
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["import"]  # nothing left beside it


def test_export_neo4j_import_refuses_a_file_or_a_folder_of_other_files(
    seeds_graph: Path, tmp_path: Path
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    result = runner.invoke(
        app, ["export", "-g", str(seeds_graph), "-f", "neo4j-import", "-o", str(target)]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"error: {target}: is a file; --format neo4j-import writes a folder of CSV files; "
        "pass --out a folder path (created if missing)\n"
    )
    result = runner.invoke(
        app, ["export", "-g", str(seeds_graph), "-f", "neo4j-import", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"error: {tmp_path}: the folder holds other files, not an earlier neo4j-import "
        "export; pass --out a new or empty folder\n"
    )
    (tmp_path / "import.sh").write_text("mine too", encoding="utf-8")  # not only an export
    result = runner.invoke(
        app, ["export", "-g", str(seeds_graph), "-f", "neo4j-import", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["import.sh", "notes.txt"]
    assert target.read_text(encoding="utf-8") == "mine"


def test_neo4j_import_of_a_graph_it_cannot_write_leaves_no_folder(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("x_1", kind="Place")
    with pytest.raises(ExportError, match=r"^the graph: node x_1: of no kind or type"):
        to_neo4j_import(graph, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import networkx as nx
import pytest

from graph.export import node_label, timelinejs_dates, to_graphml, to_json, to_timelinejs
from graph.schema import json_schema
from graph.store.saved import read_saved

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

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import networkx as nx

from graph.export import node_label, to_graphml, to_json
from graph.schema import json_schema
from graph.store.file import read_saved

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

from __future__ import annotations

import base64
import hashlib
import json
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from graph import views
from graph.cli import app
from graph.store import read_saved
from graph.viewer import page_data, render_page

from .conftest import ROOT

HOSTILE = '</script><script>window.pwned = 1</script><!-- <img src=x onerror="alert(1)"> &amp;'


def hostile_graph() -> nx.MultiDiGraph:
    """One event whose every text is markup: label, type, modality, date, actor, source."""
    graph = nx.MultiDiGraph()
    graph.add_node(
        "src_1",
        kind="Source",
        title=HOSTILE,
        path="a.txt",
        url=f"javascript:{HOSTILE}",
        publisher=HOSTILE,
        published=None,
    )
    graph.add_node("act_1", kind="Actor", name=HOSTILE, aliases=[HOSTILE], actor_type="person")
    graph.add_node(
        "evt_1",
        kind="Event",
        label=HOSTILE,
        event_type="attack",
        modality=HOSTILE,
        date={
            "value": "2024-03",
            "precision": "month",
            "start": "2024-03-01",
            "end": "2024-03-31",
            "mod": None,
            "text": HOSTILE,
            "basis": "stated",
        },
    )
    graph.add_edge(
        "src_1",
        "evt_1",
        key="rel_1",
        type="DESCRIBES",
        spans=[{"source_id": "src_1", "start": 0, "end": 9, "text": HOSTILE}],
    )
    graph.add_edge("act_1", "evt_1", key="rel_2", type="PARTICIPATED_IN", role="agent")
    return graph  # fmt: skip


def embedded(page: str) -> object:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page)
    assert match
    return json.loads(match[1])


def test_article_text_stays_inside_the_data() -> None:
    page = render_page(hostile_graph(), title=HOSTILE)
    assert page.count("<script") == 2 and page.lower().count("</script") == 2
    assert "<!--" not in page and "<img" not in page
    assert embedded(page) == page_data(hostile_graph())  # and reads back unchanged
    assert "<title>&lt;/script&gt;&lt;script&gt;window.pwned" in page


def test_the_page_fetches_nothing(seeds_graph: Path) -> None:
    page = render_page(read_saved(seeds_graph).graph)
    assert not re.search(r"<(link|iframe|img|object|embed)\b", page)
    assert not re.search(r"\s(src|href)\s*=\s*[\"']", page)
    assert not re.search(r"\b(fetch|XMLHttpRequest|import)\s*\(", page)
    script = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    (inline,) = script
    digest = base64.b64encode(hashlib.sha256(inline.encode("utf-8")).digest()).decode("ascii")
    (policy,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert "default-src 'none'" in policy and f"script-src 'sha256-{digest}'" in policy


def test_the_page_shows_the_timeline_events(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    data = page_data(graph)
    rows = views.timeline(graph)
    assert [e["id"] for e in data["events"]] == [r.event_id for r in rows]
    assert [e["sources"] for e in data["events"]] == [r.sources for r in rows]
    assert [e["contested"] for e in data["events"]] == [r.contested for r in rows]
    assert any(e["contested"] for e in data["events"])
    assert all(e["evidence"] and e["evidence"][0]["sentences"] for e in data["events"])
    kinds = {d["kind"] for _, d in graph.nodes(data=True)}
    assert kinds == {"Source", "Actor", "Event", "Claim"}
    ids = {n["id"] for kind in ("events", "actors", "claims") for n in data[kind]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])


def test_view_command_writes_the_page(seeds_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages" / "timeline.html"
    result = CliRunner().invoke(
        app, ["view", "--graph", str(seeds_graph), "--out", str(out), "--title", "Drafts"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    assert "<h1>Drafts</h1>" in out.read_text(encoding="utf-8")


def test_the_wheel_ships_the_page_assets() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["graph.viewer"]
    assets = [p.name for p in (ROOT / "graph" / "viewer").iterdir() if p.suffix != ".py"]
    assert assets and all(any(fnmatch(a, p) for p in patterns) for a in assets if a[0] != ".")

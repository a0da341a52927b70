"""Copies and near-copies of one article: found at load, recorded, never counted twice."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from graph import views
from graph.extract.fingerprint import fingerprint
from graph.ids import make_id
from graph.model import DocExtraction, NodeKind, Source
from graph.pipeline import load
from graph.resolve.copies import THRESHOLD, find_copies, similarity
from graph.store import read_saved
from graph.temporal import parse_publication_date

from .conftest import SEEDS

SEED = SEEDS / "002_602c565088e6d22f.txt"
OTHER = SEEDS / "000_f7e02dd5e2c3f863.txt"


def repost(text: str, outlet: str) -> str:
    """The article as another outlet re-posts it: a header and a footer of its own."""
    return f"Republished by {outlet} under licence.\n\n{text}\n\n(c) {outlet}. Share this story.\n"


def test_a_repost_is_alike_and_another_article_is_not() -> None:
    text, other = SEED.read_text(encoding="utf-8"), OTHER.read_text(encoding="utf-8")
    assert similarity(fingerprint(text), fingerprint(repost(text, "Daily Wire Service"))) > 0.9
    assert similarity(fingerprint(text), fingerprint(other)) < 0.1
    # Case and punctuation are not what makes two texts differ.
    assert fingerprint(text.replace(", ", " ").replace("Russia", "RUSSIA")) == fingerprint(text)


def extraction(name: str, text: str, published: str | None = None) -> DocExtraction:
    source = Source(
        id=make_id("Source", name),
        path=f"{name}.txt",
        content_hash=name,
        published=parse_publication_date(published) if published else None,
        format="text",
        words=len(text.split()),
    )
    return DocExtraction(extractor="test", source=source, fingerprint=fingerprint(text))


def test_the_earliest_published_copy_is_the_primary_in_any_order() -> None:
    text = SEED.read_text(encoding="utf-8")
    docs = [
        extraction("late", repost(text, "Late Post"), "2023-04-09"),
        extraction("first", text, "2023-04-06"),
        extraction("undated", repost(text, "Aggregator")),
        extraction("other", OTHER.read_text(encoding="utf-8"), "2023-04-01"),
    ]
    first = make_id("Source", "first")
    expected = {make_id("Source", "late"): first, make_id("Source", "undated"): first}
    for order in (docs, docs[::-1]):
        copies = find_copies(order)
        assert {k: v.primary for k, v in copies.items()} == expected
        assert all(c.similarity >= THRESHOLD for c in copies.values())


def test_documents_without_a_fingerprint_are_never_copies() -> None:
    text = SEED.read_text(encoding="utf-8")
    bare = extraction("old", text).model_copy(update={"fingerprint": ()})
    assert find_copies([bare, extraction("new", text)]) == {}


@pytest.fixture(scope="module")
def alone_and_copied(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The saved graphs of the seed alone, and of the seed with two re-posts of it."""
    folder = tmp_path_factory.mktemp("copies")
    text = SEED.read_text(encoding="utf-8")
    (folder / "docs").mkdir()
    (folder / "docs" / "a-wire.txt").write_text(repost(text, "Wire A"), encoding="utf-8")
    (folder / "docs" / "b-wire.txt").write_text(repost(text, "Wire B"), encoding="utf-8")
    alone, copied = folder / "alone.graph.db", folder / "copied.graph.db"
    load([str(SEED)], alone)
    load([str(SEED), str(folder / "docs")], copied)
    return alone, copied


def test_reposts_are_recorded_as_copies_of_one_source(
    alone_and_copied: tuple[Path, Path],
) -> None:
    graph = read_saved(alone_and_copied[1]).graph
    sources = {n: d for n, d in graph.nodes(data=True) if d["kind"] == NodeKind.SOURCE.value}
    assert len(sources) == 3  # every copy stays a Source: who published it is worth knowing
    primaries = [n for n, d in sources.items() if d["copy_of"] is None]
    assert len(primaries) == 1
    copies = sorted(n for n in sources if n not in primaries)
    edges = sorted(
        (u, v, d["evidence"]) for u, v, d in graph.edges(data=True) if d["type"] == "COPY_OF"
    )
    assert [(u, v) for u, v, _ in edges] == [(c, primaries[0]) for c in copies]
    assert all(f"of its word 5-grams with {primaries[0]}" in e for *_, e in edges)


def test_copies_add_no_events_claims_or_support(alone_and_copied: tuple[Path, Path]) -> None:
    alone, copied = (read_saved(p).graph for p in alone_and_copied)

    def kinds(graph: nx.MultiDiGraph) -> Counter[str]:
        nodes = Counter(d["kind"] for _, d in graph.nodes(data=True))
        return nodes + Counter(d["type"] for *_, d in graph.edges(data=True))

    expected = kinds(alone) + Counter({"Source": 2, "COPY_OF": 2})
    assert kinds(copied) == expected  # same events, claims, SUPPORTS as the seed alone
    assert {r.sources for r in views.timeline(copied)} == {1}


def test_a_repost_loaded_later_is_attached_as_a_copy(
    alone_and_copied: tuple[Path, Path], tmp_path: Path
) -> None:
    graph = tmp_path / "later.db"
    load([str(SEED)], graph)
    repost_file = tmp_path / "c-wire.txt"
    repost_file.write_text(repost(SEED.read_text(encoding="utf-8"), "Wire C"), encoding="utf-8")
    phases: list[str] = []
    load([str(repost_file)], graph, on_phase=phases.append)
    assert "attaching 1 new documents to the graph" in phases
    later, alone = read_saved(graph).graph, read_saved(alone_and_copied[0]).graph
    primary = next(n for n, d in alone.nodes(data=True) if d["kind"] == NodeKind.SOURCE.value)
    copied = [n for n, d in later.nodes(data=True) if d.get("copy_of") == primary]
    assert len(copied) == 1
    counts = Counter(d["kind"] for _, d in later.nodes(data=True))
    assert counts == Counter(d["kind"] for _, d in alone.nodes(data=True)) + Counter({"Source": 1})


def test_the_timeline_counts_one_source_per_copy_group() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("evt_1", kind="Event", event_type="other", label="x", date=None)
    graph.add_node("src_a", kind="Source")
    graph.add_node("src_b", kind="Source", copy_of="src_a")
    graph.add_node("src_c", kind="Source")
    for source in ("src_a", "src_b", "src_c"):
        graph.add_edge(source, "evt_1", key=source, type="DESCRIBES")
    assert [r.sources for r in views.timeline(graph)] == [2]

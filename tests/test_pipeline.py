from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import networkx as nx
import pytest

import graph.extract
from graph.errors import GraphFileError, NoDocumentsError
from graph.extract import extract_each
from graph.ingest import read_documents
from graph.ingest.files import read_bytes
from graph.model import Document, NodeKind
from graph.pipeline import load
from graph.schema import json_schema
from graph.store import read_saved

from .conftest import SEEDS, graph_json, restore


def test_seeds_give_all_four_node_kinds(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert kinds == {k.value for k in NodeKind}
    edge_types = {data["type"] for *_, data in graph.edges(data=True)}
    assert {
        "REPORTS",
        "DESCRIBES",
        "MENTIONS",
        "CLAIMED",
        "ABOUT",
        "PARTICIPATED_IN",
        "PRECEDES",
    } <= edge_types


def test_every_node_and_edge_validates_against_the_schema(seeds_graph: Path) -> None:
    schema = json_schema()
    defs = schema["$defs"]
    data = json.loads(graph_json(seeds_graph))
    for node in data["nodes"]:
        jsonschema.validate(node, {"$defs": defs, "$ref": f"#/$defs/{node['kind']}"})
    for edge in data["edges"]:
        record = {k: v for k, v in edge.items() if k != "key"}
        jsonschema.validate(record, {"$defs": defs, "$ref": "#/$defs/Edge"})


def test_every_span_points_into_its_original_file(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph
    files = {
        node: (SEEDS / Path(data["path"]).name).read_text(encoding="utf-8")
        for node, data in graph.nodes(data=True)
        if data["kind"] == "Source"
    }
    checked = 0
    for _, _, data in graph.edges(data=True):
        for span in data["spans"]:
            original = files[span["source_id"]][span["start"] : span["end"]]
            # The cleaned text drops Markdown syntax; its words all come from the file.
            assert span["text"].split()[0] in original or span["text"] in original
            checked += 1
    assert checked > 100


def test_second_load_is_byte_identical(seed_docs: Path, tmp_graph: Path) -> None:
    load([str(seed_docs)], tmp_graph)
    first = tmp_graph.read_bytes()
    report = load([str(seed_docs)], tmp_graph)
    assert tmp_graph.read_bytes() == first
    assert report.loaded == [] and len(report.unchanged) == 5


def test_loading_new_documents_adds_to_the_graph(seed_docs: Path, tmp_graph: Path) -> None:
    files = sorted(seed_docs.iterdir())
    load([str(f) for f in files[:2]], tmp_graph)
    before = read_saved(tmp_graph).graph
    report = load([str(f) for f in files[2:]], tmp_graph)
    after = read_saved(tmp_graph).graph
    sources = [n for n, d in after.nodes(data=True) if d["kind"] == "Source"]
    assert len(sources) == 5 and len(report.loaded) == 3
    assert after.number_of_nodes() > before.number_of_nodes()


def test_nothing_loadable_leaves_the_graph_untouched(
    seed_docs: Path, tmp_graph: Path, tmp_path: Path
) -> None:
    load([str(seed_docs)], tmp_graph)
    before = tmp_graph.read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(NoDocumentsError, match="empty.txt: empty file"):
        load([str(empty)], tmp_graph)
    assert tmp_graph.read_bytes() == before


def test_good_files_load_beside_bad_ones(seed_docs: Path, tmp_graph: Path) -> None:
    (seed_docs / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    report = load([str(seed_docs)], tmp_graph)
    assert len(report.loaded) == 5
    assert len(report.problems) == 1
    assert str(report.problems[0]).startswith(
        f"{seed_docs / 'binary.txt'}: binary file, not text; "
    )


def test_corrupt_saved_graph_is_reported_and_kept(seed_docs: Path, tmp_graph: Path) -> None:
    tmp_graph.write_text("{not json", encoding="utf-8")
    with pytest.raises(GraphFileError, match="not a readable graph file"):
        load([str(seed_docs)], tmp_graph)
    assert tmp_graph.read_text(encoding="utf-8") == "{not json"


def _sources_by_file(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    return {
        Path(d["path"]).name[:3]: d | {"id": n}
        for n, d in graph.nodes(data=True)
        if d["kind"] == "Source"
    }


def test_undated_sources_get_inferred_dates_that_fit_their_content(seeds_graph: Path) -> None:
    sources = _sources_by_file(read_saved(seeds_graph).graph)
    for name, truth in [("001", "2023-03-15"), ("004", "2025-04-01")]:
        published = sources[name]["published"]
        assert published["basis"] == "inferred" and sources[name]["published_evidence"]
        assert published["start"] <= truth <= published["end"] or published["mod"] == "after"
    assert sources["000"]["published"]["basis"] == "stated"


def test_one_event_per_real_world_event(seeds_graph: Path) -> None:
    graph = read_saved(seeds_graph).graph

    def reporting(value: float) -> list[int]:
        counts = []
        for node, data in graph.nodes(data=True):
            if data["kind"] == "Event" and any(q["value"] == value for q in data["quantities"]):
                describes = [
                    u for u, _, d in graph.in_edges(node, data=True) if d["type"] == "DESCRIBES"
                ]
                counts.append(len(describes))
        return counts

    assert max(reporting(300000)) == 3  # the 2022 mobilisation, in three articles
    assert max(reporting(160000)) == 2  # the 160,000-man call-up, in two


def test_a_document_whose_extraction_fails_is_reported_and_the_rest_load(
    seed_docs: Path, tmp_graph: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.extract as extract

    real = extract.extract_document

    def fails_on_one(document: Any, model: str | None = None, *, parse: Any = None) -> Any:
        if document.source.path.endswith("001_e0ab7d2e9db2baad.txt"):
            raise ValueError("unexpected parse")
        return real(document, model, parse=parse)

    monkeypatch.setattr(extract, "extract_document", fails_on_one)
    report = load([str(seed_docs)], tmp_graph)
    assert len(report.loaded) == 4
    (problem,) = report.problems
    assert str(problem).endswith(
        "001_e0ab7d2e9db2baad.txt: extraction failed (ValueError: unexpected parse); "
        "the other documents were loaded; please report this file"
    )


def test_worker_processes_give_the_same_graph(seeds_graph: Path, tmp_graph: Path) -> None:
    load([str(SEEDS)], tmp_graph, jobs=2)
    assert graph_json(tmp_graph) == graph_json(seeds_graph)


def test_a_document_that_breaks_a_reader_is_skipped(
    seed_docs: Path, tmp_graph: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library failing on one file (as lxml without lxml_html_clean did on HTML) costs
    that file only: the other documents load and the graph is saved."""
    import graph.ingest

    def broken(*_: object, **__: object) -> None:
        raise ImportError("lxml.html.clean module is now a separate project")

    monkeypatch.setattr(graph.ingest, "extract_html", broken)
    page = seed_docs / "page.html"
    page.write_text("<html><body><p>Text.</p></body></html>", encoding="utf-8")
    report = load([str(seed_docs)], tmp_graph)
    assert len(report.loaded) == 5
    assert [str(p) for p in report.problems] == [
        f"{page}: could not be read (ImportError: lxml.html.clean module is now a separate"
        " project); the other documents were loaded; please report this file"
    ]
    assert tmp_graph.exists()


def _cli(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", "from graph.cli import app; app()", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_concurrent_loads_keep_each_others_documents(seed_docs: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, doc in enumerate(sorted(seed_docs.iterdir())):
        doc.rename((first if i < 3 else second) / doc.name)
    graph = tmp_path / "race.db"
    runs = [_cli("load", str(folder), "--graph", str(graph)) for folder in (first, second)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    sources = [x.source.path for x in read_saved(graph).extractions]
    assert len(sources) == 5


def test_a_killed_writer_leaves_no_temporary_file_behind(seed_docs: Path, tmp_graph: Path) -> None:
    stale = tmp_graph.parent / f".{tmp_graph.name}.k3y8ab.tmp"
    stale.write_text("half a graph", encoding="utf-8")
    load([str(sorted(seed_docs.iterdir())[0])], tmp_graph)
    assert not stale.exists()
    assert sorted(p.name for p in tmp_graph.parent.iterdir() if p.name.startswith(".")) == [
        f".{tmp_graph.name}.lock"
    ]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="ascii")
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_load_leaves_no_workers(seed_docs: Path, tmp_graph: Path) -> None:
    run = _cli("load", str(seed_docs), "--graph", str(tmp_graph), "--jobs", "2")
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the load never started its workers"
    run.kill()
    run.communicate()
    for _ in range(100):
        if not any(_alive(w) for w in workers):
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"workers {workers} outlived the killed load")


def test_a_named_pipe_is_refused_not_waited_on(seed_docs: Path, tmp_graph: Path) -> None:
    pipe = seed_docs / "fifo.txt"
    os.mkfifo(pipe)
    run = _cli("load", str(pipe), str(seed_docs), "--graph", str(tmp_graph))
    _, err = run.communicate(timeout=120)  # before the fix this never returned
    assert run.returncode == 0, err
    assert f"skipped {pipe}: not a regular file (a named pipe, socket or device)" in err
    assert len(read_saved(tmp_graph).extractions) == 5


def test_a_device_is_not_a_graph(seed_docs: Path) -> None:
    with pytest.raises(GraphFileError, match="/dev/zero: not a regular file"):
        load([str(seed_docs)], Path("/dev/zero"))


def test_documents_above_the_size_limit_say_how_to_raise_it(
    seed_docs: Path, tmp_graph: Path
) -> None:
    big = seed_docs / "big.txt"
    big.write_text("The minister spoke on Monday. " * 40_000, encoding="utf-8")  # 1.1 MB
    report = load([str(seed_docs)], tmp_graph, max_document_mb=1)
    assert [str(p) for p in report.problems] == [
        f"{big}: 1.1 MB, more than the 1 MB a document may have; split it into articles, or"
        " raise the limit with --max-size 2"
    ]
    assert len(report.loaded) == 5
    assert len(read_bytes(big, max_mb=2)) == big.stat().st_size


def test_the_same_content_under_two_names_is_one_source(seed_docs: Path, tmp_graph: Path) -> None:
    original = sorted(seed_docs.iterdir())[0]
    copy = seed_docs / "zz-copy.txt"
    copy.write_bytes(original.read_bytes())
    report = load([str(seed_docs)], tmp_graph)
    assert len(report.loaded) == 5
    assert [str(p) for p in report.problems] == [
        f"{copy}: the same content as {original}; it is loaded once, as that file"
    ]
    assert report.nodes["Source"] == 5


def test_a_load_killed_at_any_moment_leaves_the_graph_before_or_after(
    seed_docs: Path, tmp_path: Path
) -> None:
    """Kill -9 a load at spread-out moments (model loading, extraction in two workers,
    resolution, writing): the graph is always the one before or the one after, and neither
    a process nor a temporary file is left behind."""
    docs = sorted(seed_docs.iterdir())
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir()
    rest.mkdir()
    for i, doc in enumerate(docs):
        doc.rename((first if i < 3 else rest) / doc.name)
    graph = tmp_path / "g.db"
    load([str(first)], graph)
    saved = graph.read_bytes()
    before = graph_json(graph)
    done = tmp_path / "done.db"
    done.write_bytes(saved)
    load([str(rest)], done)
    after = graph_json(done)
    for delay in (0.3, 1.0, 1.8, 2.6, 3.4, 4.5):
        restore(graph, saved)
        run = _cli("load", str(rest), "--graph", str(graph), "--jobs", "2")
        time.sleep(delay)
        workers = _children(run.pid)
        run.kill()
        run.communicate()
        assert graph_json(graph) in (before, after), f"killed after {delay} s"
        for _ in range(100):
            if not any(_alive(w) for w in workers):
                break
            time.sleep(0.05)
        else:
            pytest.fail(f"workers {workers} outlived a load killed after {delay} s")
        load([str(rest)], graph)  # the next load completes what the killed one began
        assert graph_json(graph) == after
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("g.")) == ["g.db"]


def test_documents_are_read_as_the_workers_take_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction draws documents from a generator a window at a time, so a load of any
    size holds a bounded number of documents in memory, and yields them in input order."""
    monkeypatch.setattr(graph.extract, "IN_FLIGHT", 4)  # a window smaller than the input
    documents, _ = read_documents([str(SEEDS)])
    many = documents * 6  # 30 documents, more than the window of two workers
    drawn: list[int] = []

    def source() -> Iterator[Document]:
        for n, document in enumerate(many):
            drawn.append(n)
            yield document

    outcomes = extract_each(source(), jobs=2)
    first, _ = next(outcomes)
    assert first is many[0]
    assert len(drawn) <= 2 * graph.extract.IN_FLIGHT + 1 < len(many)
    rest = [document for document, _ in outcomes]
    assert rest == many[1:]


def test_documents_parsed_together_extract_as_one_at_a_time() -> None:
    from graph.extract import _extract_group, extract_document
    from graph.model import ExtractionText

    documents, _ = read_documents([str(SEEDS)])
    together = _extract_group(documents, None)
    assert all(isinstance(sent, ExtractionText) for sent in together)
    assert [sent.read() for sent in together] == [extract_document(d) for d in documents]  # type: ignore[union-attr]


def _niceness() -> int:
    return os.nice(0)


def test_workers_leave_the_cpu_to_the_loading_process_first() -> None:
    from concurrent.futures import ProcessPoolExecutor

    from graph.extract import _WORKER_NICENESS, _init_worker

    with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(None,)) as pool:
        worker = pool.submit(_niceness).result()
    assert worker == min(19, os.nice(0) + _WORKER_NICENESS) > os.nice(0)

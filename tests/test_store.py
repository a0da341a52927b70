from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.errors import GraphFileError
from graph.model import GraphRecord
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

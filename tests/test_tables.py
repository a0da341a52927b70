"""Files of articles, one a row: JSON Lines and CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import DocumentError
from graph.ingest import read_documents
from graph.pipeline import load
from graph.store import read_saved

DRAFT = "Russia will begin its spring conscription next week, the Defense Ministry said on Friday."
DECREE = 'Putin signed a decree on April 1, 2024. "No one will be forced," Peskov said.'
NEED = (
    "an article file needs a 'text' column with each article's text (and may have title, url,"
    " published, authors, publisher)"
)


def jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_rows_are_documents_with_their_columns(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "articles.jsonl",
        [
            {
                "text": DRAFT,
                "title": "Spring draft",
                "url": "https://example.com/draft",
                "published": "2024-03-29",
                "authors": ["Jane Roe", "John Doe"],
                "publisher": "Example News",
                "section": "World",  # other columns are ignored
            },
            {"text": DECREE, "authors": "Ann Lee; Bo Chan", "published": "2024-04-01T09:30:00Z"},
        ],
    )
    documents, errors = read_documents([path.as_posix()])
    assert errors == []
    first, second = (d.source for d in documents)
    assert (first.path, first.title, first.url, first.publisher, first.authors) == (
        f"{path.as_posix()}#1",
        "Spring draft",
        "https://example.com/draft",
        "Example News",
        ("Jane Roe", "John Doe"),
    )
    assert first.published is not None and first.published.value == "2024-03-29"
    assert second.path == f"{path.as_posix()}#2" and second.authors == ("Ann Lee", "Bo Chan")
    assert second.published is not None and second.published.value == "2024-04-01"
    assert [d.text for d in documents] == [DRAFT, DECREE]


def test_bad_rows_are_reported_with_file_and_row_and_never_stop_the_others(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": DRAFT}),
                json.dumps({"title": "no text"}),
                "",  # blank lines are skipped, but counted
                '"a string"',
                "{broken",
                json.dumps({"text": DECREE, "published": "yesterday"}),
                json.dumps({"text": "  "}),
                json.dumps({"text": DECREE, "title": 7}),
                json.dumps({"text": DECREE}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    documents, errors = read_documents([path.as_posix()])
    name = path.as_posix()
    assert [d.source.path for d in documents] == [f"{name}#1", f"{name}#9"]
    assert [str(e) for e in errors] == [
        f"{name}#2: no 'text'; give each row the article's text as a string",
        f'{name}#4: a JSON str, not an object; write one object per line, e.g. {{"text": "...",'
        ' "title": "..."}',
        f"{name}#5: not JSON (Expecting property name enclosed in double quotes: line 1 column"
        " 2 (char 1)); write one JSON object per line",
        f"{name}#6: published 'yesterday' is not a date; write the day it was published, e.g."
        " 2024-03-29",
        f"{name}#7: an empty 'text'; give each row the article's text as a string",
        f"{name}#8: 'title' is a int, not text; write it as a string",
    ]


def test_csv_rows_are_numbered_as_lines_and_quoted_cells_may_span_lines(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Title", "text", "published", "authors"])
        writer.writerow(["Two paragraphs", f"{DRAFT}\n\n{DECREE}", "2024-03-29", "Jane Roe"])
        writer.writerow(["Empty", "", "", ""])
        writer.writerow(["Decree", DECREE, "2024-04-01", ""])
    documents, errors = read_documents([path.as_posix()])
    name = path.as_posix()
    assert [d.source.path for d in documents] == [f"{name}#2", f"{name}#6"]
    assert [d.source.title for d in documents] == ["Two paragraphs", "Decree"]
    assert [str(e) for e in errors] == [
        f"{name}#5: an empty 'text'; give each row the article's text as a string"
    ]


@pytest.mark.parametrize(
    ("name", "content", "columns"),
    [
        ("data.csv", "id,value\n1,2\n", "columns: id, value"),
        ("data.jsonl", '{"id": 1, "value": 2}\n{"id": 2}\n', "keys: id, value"),
    ],
)
def test_a_data_file_without_a_text_column_is_one_error_that_says_what_is_needed(
    tmp_path: Path, name: str, content: str, columns: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "article.txt").write_text(DRAFT, encoding="utf-8")
    documents, errors = read_documents([tmp_path.as_posix()])  # found in a folder
    assert [d.source.path for d in documents] == [f"{tmp_path.as_posix()}/article.txt"]
    assert [str(e) for e in errors] == [
        f"{tmp_path.as_posix()}/{name}: no 'text' column ({columns}); {NEED}"
    ]


def test_a_row_loads_with_spans_into_its_own_text_and_reloads_unchanged(
    tmp_path: Path,
) -> None:
    rows = [{"text": DRAFT, "published": "2024-03-29"}, {"text": DECREE}]
    path = jsonl(tmp_path / "articles.jsonl", rows)
    graph_path = tmp_path / "g.json"
    report = load([path.as_posix()], graph_path)
    assert report.loaded == [f"{path.as_posix()}#1", f"{path.as_posix()}#2"]
    graph = read_saved(graph_path).graph
    texts = {
        n: rows[int(d["path"].rsplit("#", 1)[1]) - 1]["text"]
        for n, d in graph.nodes(data=True)
        if d["kind"] == "Source"
    }
    spans = [s for *_, d in graph.edges(data=True) for s in d["spans"]]
    assert spans and {s["source_id"] for s in spans} == set(texts)
    for span in spans:  # the offsets point into that row's text
        assert texts[span["source_id"]][span["start"] : span["end"]] == span["text"]
    before = graph_path.read_bytes()
    again = load([path.as_posix()], graph_path)
    assert again.loaded == [] and len(again.unchanged) == 2
    assert graph_path.read_bytes() == before


def test_a_jsonl_file_named_on_the_command_line_loads(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.ndjson", [{"text": DRAFT}, {"nope": 1}])
    result = CliRunner().invoke(app, ["load", path.as_posix(), "-g", str(tmp_path / "g.json")])
    assert result.exit_code == 0, result.output
    assert f"skipped {path.as_posix()}#2: no 'text'" in result.stderr
    assert "1 documents read" in result.stdout


def test_load_help_names_the_columns() -> None:
    result = CliRunner().invoke(app, ["load", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.replace("│", " ").split())
    assert ".jsonl" in text and ".csv" in text
    assert "text (required), title, url, published, authors, publisher" in text


def test_a_table_is_not_one_document() -> None:
    from graph.ingest import read_document

    with pytest.raises(DocumentError, match="a file of many articles"):
        read_document(Path("x.csv"))

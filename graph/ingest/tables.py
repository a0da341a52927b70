"""Files of many articles: JSON Lines (`.jsonl`, `.ndjson`) and CSV (`.csv`), one article a row.

A row is an article when it has a `text`; `title`, `url`, `published`, `authors` and
`publisher` are optional (`COLUMNS`) and override what the text itself states. Other columns
are ignored. A `.jsonl` or `.csv` file is read as articles only when it has a `text` column
(every JSON row an object with a `text` key; a CSV header naming `text`); another data file is
reported as such, with the columns it has.

Each row is one Document whose Source path is `FILE#ROW`: ROW is the line number the row
starts on (in a CSV the header is line 1, so the first article is `#2`, as a spreadsheet
numbers it). Its provenance offsets are offsets into that row's `text` value, as if the
text were a file of its own; its Source id comes from the row's article fields, so the same
row gives the same id in any file. A bad row (no text, a date that is not one, broken JSON)
is reported with its file and row and the other rows still load.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Container, Iterator, Mapping
from pathlib import Path
from typing import Any

from graph.errors import DocumentError
from graph.ids import content_hash, make_id
from graph.ingest.files import (
    TableFormat,
    decode,
    display_path,
    known_document,
    read_bytes,
    table_format,
)
from graph.lang import Lexicon
from graph.model import Document
from graph.temporal import parse_publication_date

COLUMNS = ("text", "title", "url", "published", "authors", "publisher")
"""The columns (JSON keys) an article row may have; only `text` is required."""

_NEED = (
    "an article file needs a 'text' column with each article's text (and may have title, "
    "url, published, authors, publisher)"
)


Build = Callable[[bytes, str, Lexicon], Document]
"""Reads one article's text: `(raw, name, lexicon) -> Document`."""


def read_table(
    path: Path, *, lexicon: Lexicon, max_mb: float, build: Build, skip: Container[str] = ()
) -> tuple[list[Document], list[DocumentError]]:
    """The articles of a JSONL or CSV file, one per row, and one error per bad row.

    Args:
        path: the file.
        lexicon: the language's page words, for metadata the text states.
        max_mb: the largest article (a row's text), in megabytes.
        build: reads one article's text into a Document.
        skip: content hashes of rows already read: they come back unread
            (`graph.ingest.files.known_document`).

    Raises:
        DocumentError: the file cannot be read at all, or it is not a file of articles.
    """
    name = display_path(path)
    fmt = table_format(path)
    raw = read_bytes(path, max_mb=float("inf"))  # the limit is per article, below
    text = decode(path, raw)
    rows = _jsonl_rows(name, text) if fmt == "jsonl" else _csv_rows(name, text)
    documents: list[Document] = []
    errors: list[DocumentError] = []
    objects = with_text = 0
    for line, row in rows:
        if isinstance(row, DocumentError):
            errors.append(row)
            continue
        objects += 1
        with_text += "text" in row
        try:
            documents.append(_row_document(f"{name}#{line}", row, lexicon, max_mb, build, skip))
        except DocumentError as error:
            errors.append(error)
    if (objects and not with_text) or (fmt == "csv" and "text" not in _header(text)):
        # Not a file of articles: one line for the file rather than one per row.
        columns = _columns_seen(fmt, text)
        raise DocumentError(
            name, f"no 'text' column ({columns})" if columns else "no 'text' column", _NEED
        )
    if not documents and not errors:
        raise DocumentError(name, "no article rows", "add one row per article under the header")
    return documents, errors


def _jsonl_rows(name: str, text: str) -> Iterator[tuple[int, Mapping[str, Any] | DocumentError]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}#{number}"
        try:
            row = json.loads(line)
        except ValueError as error:
            yield (
                number,
                DocumentError(where, f"not JSON ({error})", "write one JSON object per line"),
            )
            continue
        if not isinstance(row, dict):
            yield (
                number,
                DocumentError(
                    where,
                    f"a JSON {type(row).__name__}, not an object",
                    'write one object per line, e.g. {"text": "...", "title": "..."}',
                ),
            )
            continue
        yield number, row


def _header(text: str) -> list[str]:
    """A CSV's column names, stripped and in lower case."""
    try:
        return [h.strip().lower() for h in next(csv.reader(io.StringIO(text, newline="")), [])]
    except csv.Error:
        return []


def _csv_rows(name: str, text: str) -> Iterator[tuple[int, Mapping[str, Any] | DocumentError]]:
    header = _header(text)
    if "text" not in header:
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield (
                start,
                DocumentError(
                    f"{name}#{start}", f"not CSV ({error})", "check the quotes of this row"
                ),
            )
            return
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            yield (
                line,
                DocumentError(
                    f"{name}#{line}",
                    f"{len(cells)} cells under a header of {len(header)} columns",
                    "quote cells that hold commas",
                ),
            )
            continue
        yield line, {h: c for h, c in zip(header, cells, strict=False) if h}


def _columns_seen(fmt: TableFormat | None, text: str) -> str:
    if fmt == "csv":
        names = [h for h in _header(text) if h]
        return f"columns: {', '.join(names)}" if names else ""
    keys: dict[str, None] = {}
    for line in text.splitlines()[:100]:
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict):
            keys.update(dict.fromkeys(map(str, row)))
    return f"keys: {', '.join(keys)}" if keys else ""


def _row_document(
    where: str,
    row: Mapping[str, Any],
    lexicon: Lexicon,
    max_mb: float,
    build: Build,
    skip: Container[str] = (),
) -> Document:
    body = row.get("text")
    if not isinstance(body, str) or not body.strip():
        if body is None:
            problem = "no 'text'"
        elif isinstance(body, str):
            problem = "an empty 'text'"
        else:
            problem = f"'text' is a {type(body).__name__}, not text"
        raise DocumentError(where, problem, "give each row the article's text as a string")
    fields = {c: _value(where, c, row.get(c)) for c in COLUMNS if c != "text"}
    raw = body.encode("utf-8")
    if len(raw) > max_mb * 2**20:
        raise DocumentError(
            where,
            f"a text of {len(raw) / 2**20:.1f} MB, more than the {max_mb:g} MB a document may have",
            "split it into articles, or raise the limit with --max-size",
        )
    authors = _authors(fields["authors"])
    key = json.dumps(
        {"text": body, **fields, "authors": list(authors)}, sort_keys=True, ensure_ascii=False
    )
    digest = content_hash(key.encode("utf-8"))
    if digest in skip:
        return known_document(where, digest, "html" if raw.lstrip()[:1] == b"<" else "text")
    document = build(raw, where, lexicon)
    published = None
    if fields["published"]:
        published = parse_publication_date(str(fields["published"]), fallback=False)
        if published is None:
            raise DocumentError(
                where,
                f"published {fields['published']!r} is not a date",
                "write the day it was published, e.g. 2024-03-29",
            )
    stated = document.source
    source = stated.model_copy(
        update={
            "id": make_id("Source", digest),
            "content_hash": digest,
            "title": fields["title"] or stated.title,
            "url": fields["url"] or stated.url,
            "publisher": fields["publisher"] or stated.publisher,
            "authors": authors or stated.authors,
            "published": published or stated.published,
        }
    )
    return document.model_copy(update={"source": source})


def _value(where: str, column: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if column == "authors" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if isinstance(value, str):
        return value.strip()
    raise DocumentError(
        where,
        f"'{column}' is a {type(value).__name__}, not text",
        "write it as a string" + (" or a list of names" if column == "authors" else ""),
    )


def _authors(value: Any) -> tuple[str, ...]:
    """Authors as a JSON list, or one string of names separated by `;`."""
    if not value:
        return ()
    names = value if isinstance(value, list) else str(value).split(";")
    return tuple(n.strip() for n in names if n.strip())

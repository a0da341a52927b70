"""Fuzzing: hostile input to the readers, the date finder and the saved-graph reader.

Each test feeds generated input (random bytes, other encodings, Markdown and HTML built
from pieces, date-like phrases, JSON of any shape) and checks that nothing escapes but the
project's own errors (`graph.errors`), and that what is read keeps its promises (offsets
into the original text). The budget is the `bounded` profile of `conftest.py`; run deeper
with `pytest tests/test_fuzz.py --hypothesis-profile=deep`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from graph.errors import DocumentError, GraphFileError
from graph.ingest import read_stream
from graph.ingest.clean import Cleaned, clean_text
from graph.ingest.html import extract_html
from graph.ingest.metadata import text_metadata
from graph.model import Document
from graph.store.file import FORMAT, VERSION
from graph.store.saved import migrate, read_saved
from graph.temporal import find_dates, normalize_date, parse_publication_date

# --------------------------------------------------------------------------- strategies

_WORDS = (
    "Russia Ukraine Putin said troops mobilized the army on in by of and 10,000 300 men "
    "said: according to officials President Minister « » “ ” ' \" -- — ... ! ? ; , . "
    "é ß 中文 العربية 🙂 \u200b \u00a0 \t"
).split(" ")
_MARKDOWN = [
    "# ", "## ", "> ", "- ", "* ", "1. ", "**", "__", "_", "*", "`", "```", "~~~", "~~",
    "[", "](", ")", "![", "<!--", "-->", "<b>", "</b>", "<https://x.org>", "|", "|---|",
    " | ", ":--", "---", "===", "\\", "By ", "Published: ", "Original url: ", "(Photo by ",
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\x0c",
]  # fmt: skip
_HTML = [
    "<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "</body>", "<article>",
    "</article>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->",
    "<br>", "<table><tr><td>", "</td></tr></table>", "&amp;", "&#x1F642;", "&nbsp;", "&bogus;",
    '<meta name="author" content="', '<meta property="article:published_time" content="',
    '">', "<a href='", "'>", "</a>", "<![CDATA[", "]]>", "<?xml ?>", "<",
]  # fmt: skip
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"]

words = st.sampled_from(_WORDS)
markdown = st.lists(st.one_of(words, st.sampled_from(_MARKDOWN), st.text(max_size=5)), max_size=60)
html = st.lists(st.one_of(words, st.sampled_from(_HTML), st.text(max_size=5)), max_size=60)


def _checked(original: str, cleaned: Cleaned) -> None:
    """Every copied run of the cleaned text is the original text at its offset."""
    for s in cleaned.segments:
        copied = cleaned.text[s.clean : s.clean + s.length]
        assert copied == original[s.original : s.original + s.length]


def _read(raw: bytes, name: str = "fuzz.md") -> Document | None:
    try:
        return read_stream(io.BytesIO(raw), name)
    except DocumentError as error:
        assert error.path == name and str(error).startswith(name)
        return None


# --------------------------------------------------------------------------- ingest


@given(st.binary(max_size=2000))
def test_any_bytes_read_as_a_document_or_refused(raw: bytes) -> None:
    _read(raw)


@given(st.text(max_size=400), st.sampled_from(_ENCODINGS))
def test_any_text_in_any_encoding_read_or_refused(text: str, encoding: str) -> None:
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    _read(raw)


@given(markdown)
def test_markdown_structures_clean_with_exact_offsets(parts: list[str]) -> None:
    text = "".join(parts)
    _checked(text, clean_text(text))
    text_metadata(text)
    document = _read(text.encode("utf-8"))
    if document is not None:
        _checked(text.removeprefix("\ufeff"), Cleaned(document.text, document.segments))


@given(html)
def test_html_structures_extract_with_exact_offsets(parts: list[str]) -> None:
    page = "".join(parts)
    cleaned, _ = extract_html(page)
    _checked(page, cleaned)
    _read(("<" + page).encode("utf-8"), "fuzz.html")


# --------------------------------------------------------------------------- dates

_DATE_WORDS = (
    "on in at by since until before after from to between and the of this last next "
    "coming past previous early mid late end beginning first second third fourth quarter "
    "half week month year decade century day today yesterday tomorrow ago later earlier "
    "Monday Friday Sunday January February March May June September December Jan. Sept "
    "spring summer autumn winter Q1 Q4 H1 H2 1990s '90s 2024 1999 0 00 31 29 30 13 99 "
    "9999 10000 1st 2nd 23rd 31st two three twelve hundred thousand - – / , . : "
    "2024-03-05 05/03/2024 3/5 24.02.2022 2024-W14 FY2024 AD BC a few several some about "
    "nearly at least more than"
).split()
anchors = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))


@cache
def _nlp() -> Any:
    from graph.extract.nlp import load_pipeline

    return load_pipeline()


@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=12), anchors)
def test_date_phrases_normalise_or_give_none(phrase: list[str], anchor: dt.date | None) -> None:
    text = " ".join(phrase)
    value = normalize_date(text, anchor)
    if value is not None:
        assert value.start <= value.end
    parse_publication_date(text)


@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=12), anchors)
def test_dates_found_in_sentences_have_exact_spans(
    phrase: list[str], anchor: dt.date | None
) -> None:
    text = "The army said it would mobilize " + " ".join(phrase) + "."
    doc = _nlp()(text)
    for mention in find_dates(doc, anchor):
        assert text[mention.start : mention.end] == mention.text
        if mention.value is not None:
            assert mention.value.start <= mention.value.end


# --------------------------------------------------------------------------- saved graphs

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
_KEYS = [
    "format", "version", "graph", "documents", "directed", "multigraph", "nodes", "edges",
    "graph", "id", "kind", "source", "target", "key", "type", "name", "date", "start", "end",
    "mentions", "extractor", "actors", "events", "claims", "path", "content_hash",
]  # fmt: skip


def _valid() -> dict[str, Any]:
    """A small saved graph of the shape `write_saved` gives."""
    node = {"id": "src_1", "kind": "Source", "path": "a.md", "content_hash": "0",
            "format": "markdown", "words": 1}  # fmt: skip
    return {
        "format": FORMAT,
        "version": VERSION,
        "graph": {
            "directed": True,
            "multigraph": True,
            "graph": {},
            "nodes": [node],
            "edges": [],
        },  # fmt: skip
        "documents": [],
    }


@st.composite
def damaged(draw: st.DrawFn) -> Any:
    """A valid saved graph with one value somewhere replaced by another of any shape."""
    data = _valid()
    holder: Any = data
    for _ in range(draw(st.integers(0, 4))):
        if isinstance(holder, dict) and holder:
            key = draw(st.sampled_from(sorted(holder)))
            if draw(st.booleans()) and isinstance(holder[key], dict | list) and holder[key]:
                holder = holder[key]
                continue
            holder[key] = draw(json_values)
            break
        if isinstance(holder, list) and holder:
            holder[draw(st.integers(0, len(holder) - 1))] = draw(json_values)
            break
    if isinstance(holder, dict) and draw(st.booleans()):
        holder[draw(st.sampled_from(_KEYS))] = draw(json_values)
    return data


def _read_saved(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.json"
        path.write_bytes(content)
        try:
            read_saved(path)
        except GraphFileError as error:
            assert str(error).startswith(str(path))


@given(st.one_of(json_values, damaged()))
def test_saved_graphs_of_any_shape_read_or_refused(data: Any) -> None:
    _read_saved(json.dumps(data).encode("utf-8"))


@given(st.binary(max_size=300))
def test_saved_graph_bytes_read_or_refused(raw: bytes) -> None:
    _read_saved(raw)


@cache
def _store_bytes() -> bytes:
    """A small store (the graph of `_valid()` converted by `migrate`), as bytes."""
    with tempfile.TemporaryDirectory() as folder:
        source, store = Path(folder) / "graph.json", Path(folder) / "graph.db"
        source.write_text(json.dumps(_valid()), encoding="utf-8")
        migrate(source, store)
        return store.read_bytes()


@given(st.lists(st.tuples(st.integers(0, 2**16), st.binary(min_size=1, max_size=8)), max_size=6))
def test_damaged_store_bytes_read_or_refused(changes: list[tuple[int, bytes]]) -> None:
    content = bytearray(_store_bytes())
    for at, value in changes:
        at %= len(content)
        content[at : at + len(value)] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.db"
        path.write_bytes(bytes(content))
        try:
            read_saved(path).extractions  # noqa: B018 - reading them is the test
        except GraphFileError as error:
            assert str(error).startswith(str(path))

"""Ingestion: article files in, cleaned `Document`s with offset maps and stated metadata out.

    find_files(paths)       files, folders and glob patterns -> supported files + errors
    read_document(path)     one file -> Document (raises DocumentError)
    read_documents(paths)   both of the above, and files of many articles (JSONL, CSV, one a
                            row); bad files and rows are collected, good ones still load
    find_inputs(paths)      what read_documents would read, without reading it
    iter_documents(inputs)  the same documents one at a time, as they are read

Modules: `files` (finding, reading, decoding), `tables` (JSONL and CSV files of articles),
`web` (pages fetched from http(s) addresses),
`clean` (plain text and Markdown), `html`
(trafilatura), `metadata` (title, date, url, authors, publisher stated in the text),
`markup` and `boilerplate` (the line rules `clean` and `metadata` share), `words` (the
alternations those rules build from the language's `PageWords`, see `graph.lang.page`).
"""

from __future__ import annotations

import sys
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from graph.defaults import MAX_DOCUMENT_MB, URL_TIMEOUT
from graph.errors import DocumentError
from graph.ids import content_hash, make_id
from graph.ingest.clean import clean_text
from graph.ingest.files import (
    Format,
    decode,
    display_path,
    find_files,
    format_of,
    known_document,
    read_bytes,
    table_format,
    unsupported_error,
)
from graph.ingest.html import extract_html
from graph.ingest.metadata import publisher_from_url, text_metadata
from graph.ingest.tables import read_table
from graph.ingest.web import fetch, is_url, read_url_list
from graph.lang import Lexicon, get
from graph.model import Document, Source

__all__ = [
    "MAX_DOCUMENT_MB",
    "STDIN",
    "URL_TIMEOUT",
    "Inputs",
    "find_files",
    "find_inputs",
    "iter_documents",
    "read_document",
    "read_documents",
    "read_stream",
    "read_url",
]

STDIN = "-"
"""The path that means standard input."""
STDIN_NAME = "<stdin>"


def read_document(
    path: Path,
    *,
    lexicon: Lexicon | None = None,
    max_mb: float = MAX_DOCUMENT_MB,
    skip: Container[str] = (),
) -> Document:
    """Read, decode and clean one article file.

    The Source id is derived from the file's bytes only, so the same article gets the same
    id whatever its path and on every machine.

    Args:
        path: A .txt, .md, .markdown, .html or .htm file.
        lexicon: The language whose page words (bylines, datelines, page furniture) are
            read (default: `graph.lang.get()`).
        max_mb: the largest file read, in megabytes.
        skip: content hashes of documents already read: such a file is not decoded or
            cleaned (see `known_document`).

    Returns:
        The document: cleaned text, segments mapping it to the decoded file text, and a
        `Source` with the metadata the file states.

    Raises:
        DocumentError: The file cannot be read, is empty, binary, not UTF-8, of an
            unsupported type, or holds no article text.

    Example:
        >>> doc = read_document(Path("article.md"))  # bylined "By Jane Roe and John Doe"
        >>> doc.source.authors
        ('Jane Roe', 'John Doe')
    """
    name = display_path(path)
    fmt = format_of(path)
    if table_format(path) is not None:
        raise DocumentError(
            name, "a file of many articles, one a row", "read it with read_documents"
        )
    if fmt is None:
        raise unsupported_error(name, path)
    return _document(read_bytes(path, max_mb), name, fmt, lexicon or get(), skip)


def read_stream(
    stream: BinaryIO,
    name: str = STDIN_NAME,
    *,
    lexicon: Lexicon | None = None,
    max_mb: float = MAX_DOCUMENT_MB,
) -> Document:
    """Read one article from a stream (standard input for `load -`): HTML when it opens with
    a tag, else plain text or Markdown.

    Raises:
        DocumentError: more than `max_mb` megabytes, or text `read_document` would refuse.
    """
    limit = int(max_mb * 2**20)
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise DocumentError(
            name,
            f"more than the {max_mb:g} MB a document may have",
            "split it into articles, or raise the limit with --max-size",
        )
    fmt: Format = "html" if raw.lstrip()[:1] == b"<" else "markdown"
    return _document(raw, name, fmt, lexicon or get())


def _row(raw: bytes, name: str, lexicon: Lexicon) -> Document:
    """One article of a JSONL or CSV file: HTML when it opens with a tag, else plain text."""
    return _document(raw, name, row_format(raw), lexicon)


def row_format(raw: bytes) -> Format:
    """The format of one row's text: HTML when it opens with a tag, else plain text."""
    return "html" if raw.lstrip()[:1] == b"<" else "text"


def _document(
    raw: bytes, name: str, fmt: Format, lexicon: Lexicon, skip: Container[str] = ()
) -> Document:
    if (digest := content_hash(raw)) in skip:
        return known_document(name, digest, fmt)
    text = decode(name, raw)
    if fmt == "html":
        cleaned, meta = extract_html(text, lexicon=lexicon)
    else:
        cleaned = clean_text(text, lexicon=lexicon)
        meta = text_metadata(text, lexicon=lexicon)
    if not cleaned.text.strip():
        raise DocumentError(
            name,
            "no article text found (only markup or page boilerplate)",
            "check that the file holds the article body",
        )
    source = Source(
        id=make_id("Source", digest),
        path=name,
        content_hash=digest,
        title=meta.title,
        publisher=meta.publisher,
        url=meta.url,
        authors=meta.authors,
        published=meta.published,
        format=fmt,
        words=len(cleaned.text.split()),
    )
    return Document(source=source, text=cleaned.text, segments=cleaned.segments)


@dataclass
class Inputs:
    """What `iter_documents` reads: the files found under the paths given, the addresses, and
    whether standard input is read; `errors` are the paths that could not be used."""

    files: list[Path] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    stdin: bool = False
    errors: list[DocumentError] = field(default_factory=list)

    def expected(self) -> int | None:
        """How many documents reading gives at most; None when a file of many articles
        (JSONL, CSV) is among them, whose rows are only counted by reading it."""
        if any(table_format(path) is not None for path in self.files):
            return None
        return len(self.files) + len(self.urls) + self.stdin


def find_inputs(paths: Sequence[str], url_lists: Sequence[str] = ()) -> Inputs:
    """The files, addresses and standard input that `paths` and the address lists in
    `url_lists` name (see `read_documents`); nothing is read but the lists."""
    urls = [p for p in paths if is_url(p)]
    files, errors = find_files([p for p in paths if p != STDIN and not is_url(p)])
    for listing in url_lists:
        try:
            listed, bad = read_url_list(Path(listing))
        except DocumentError as exc:
            errors.append(exc)
            continue
        urls += listed
        errors += bad
    return Inputs(list(files), list(dict.fromkeys(urls)), STDIN in paths, errors)


def iter_documents(
    inputs: Inputs,
    *,
    lexicon: Lexicon | None = None,
    max_mb: float = MAX_DOCUMENT_MB,
    timeout: float = URL_TIMEOUT,
    skip: Container[str] = (),
) -> Iterator[Document | DocumentError]:
    """Each document of `inputs` as it is read, or the error saying why a path, file, row
    or address could not be used (standard input first, then files, then addresses); one
    bad file never stops the others. Arguments as for `read_documents`."""
    lexicon = lexicon or get()
    yield from inputs.errors
    if inputs.stdin:
        try:
            yield read_stream(sys.stdin.buffer, lexicon=lexicon, max_mb=max_mb)
        except DocumentError as exc:
            yield exc
    for path in inputs.files:
        try:
            if table_format(path) is not None:
                rows, bad = read_table(path, lexicon=lexicon, max_mb=max_mb, build=_row, skip=skip)
                yield from rows
                yield from bad
            else:
                yield read_document(path, lexicon=lexicon, max_mb=max_mb, skip=skip)
        except DocumentError as exc:
            yield exc
        except Exception as exc:  # a bug or a broken library must not sink the other files
            yield _unexpected(str(path), exc)
    for url in inputs.urls:
        try:
            yield read_url(url, lexicon=lexicon, max_mb=max_mb, timeout=timeout)
        except DocumentError as exc:
            yield exc
        except Exception as exc:
            yield _unexpected(url, exc)


def read_documents(
    paths: Sequence[str],
    *,
    lexicon: Lexicon | None = None,
    max_mb: float = MAX_DOCUMENT_MB,
    url_lists: Sequence[str] = (),
    timeout: float = URL_TIMEOUT,
    skip: Container[str] = (),
) -> tuple[list[Document], list[DocumentError]]:
    """Find and read every article under `paths`; one bad file never stops the others.

    Args:
        paths: Files, folders (searched recursively), glob patterns and http(s) addresses;
            "-" reads one article from standard input. A .jsonl, .ndjson or .csv file gives
            one article per row (see `graph.ingest.tables`); an address is fetched (see
            `graph.ingest.web`).
        lexicon: The language of the articles' page words (default: `graph.lang.get()`).
        max_mb: The largest file or page read, in megabytes; larger ones are reported.
        url_lists: Text files listing addresses to fetch, one a line.
        timeout: Seconds each address may take.
        skip: content hashes of documents already read (a saved graph's): those files and
            rows come back unread, as `known_document` gives them, which makes reading an
            unchanged corpus again fast.

    Returns:
        The documents in file order (then addresses in the order given), and one error per
        path, file, row or address that could not be used. `find_inputs` and
        `iter_documents` do the same one document at a time.

    Example:
        >>> docs, errors = read_documents(["seeds", "https://example.com/news/1"])
    """
    documents: list[Document] = []
    errors: list[DocumentError] = []
    stream = iter_documents(
        find_inputs(paths, url_lists), lexicon=lexicon, max_mb=max_mb, timeout=timeout, skip=skip
    )
    for item in stream:
        (errors if isinstance(item, DocumentError) else documents).append(item)  # type: ignore[arg-type]
    return documents, errors


def read_url(
    url: str,
    *,
    lexicon: Lexicon | None = None,
    max_mb: float = MAX_DOCUMENT_MB,
    timeout: float = URL_TIMEOUT,
) -> Document:
    """Fetch the page at `url` and read its article; the Source keeps `url` as its path and url.

    Raises:
        DocumentError: the page cannot be fetched (see `graph.ingest.web.fetch`), or holds
            text `read_document` would refuse.
    """
    raw, fmt = fetch(url, max_mb=max_mb, timeout=timeout)
    document = _document(raw, url, "html" if fmt == "html" else "text", lexicon or get())
    publisher = document.source.publisher or publisher_from_url(url)
    source = document.source.model_copy(update={"url": url, "publisher": publisher})
    return document.model_copy(update={"source": source})


def _unexpected(name: str, exc: Exception) -> DocumentError:
    return DocumentError(
        name,
        f"could not be read ({type(exc).__name__}: {exc})".replace("\n", " "),
        "the other documents were loaded; please report this file",
    )

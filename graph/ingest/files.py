"""Finding article files, reading their bytes and decoding them, with one clear error each."""

from __future__ import annotations

import glob
import os
import stat
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from graph.defaults import MAX_DOCUMENT_MB
from graph.errors import DocumentError
from graph.ids import make_id
from graph.model import Document, Source

Format = Literal["text", "markdown", "html"]

FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
"""Supported file suffixes (lower case) and the format each is read as."""

TableFormat = Literal["jsonl", "csv"]

TABLE_FORMATS: dict[str, TableFormat] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
"""Suffixes (lower case) of files of many articles, one a row (see `graph.ingest.tables`)."""

_SUFFIXES = ", ".join(FORMATS)
_READABLE = ", ".join([*FORMATS, *TABLE_FORMATS])
_GLOB_CHARS = frozenset("*?[")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.1  # above this share of control bytes a file is binary, not text
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def format_of(path: Path) -> Format | None:
    """The format an article file is read as, from its suffix; None when unsupported."""
    return FORMATS.get(path.suffix.lower())


def table_format(path: Path) -> TableFormat | None:
    """How a file of articles (one a row) is read, from its suffix; None when not one."""
    return TABLE_FORMATS.get(path.suffix.lower())


def readable(path: Path) -> bool:
    """Whether `load` reads a file of this suffix: an article, or a file of articles."""
    return format_of(path) is not None or table_format(path) is not None


def find_files(paths: Sequence[str]) -> tuple[list[Path], list[DocumentError]]:
    """Expand files, folders (recursively) and glob patterns into article files and files of
    articles (JSONL, CSV).

    Files inside folders or matched by a pattern are skipped quietly when their suffix is not
    supported; a file named explicitly with such a suffix is an error. Hidden files and
    folders (".name") inside a folder are skipped.

    Args:
        paths: Paths as given by the user; relative paths stay relative in the result.

    Returns:
        The files sorted by resolved path with duplicates removed, and one error per path
        that yields nothing (missing, unsupported, or a folder/pattern without articles).

    Example:
        >>> files, errors = find_files(["seeds", "notes/*.md"])
    """
    found: list[Path] = []
    errors: list[DocumentError] = []
    for given in paths:
        path = Path(given)
        if not given.strip():
            errors.append(DocumentError(repr(given), "empty path", "give a file or folder name"))
        elif path.is_dir():
            files, others = _walk(path)
            if files and others:
                errors.append(_others_skipped(given, others))
            if not files:
                errors.append(
                    DocumentError(
                        given,
                        f"no {_READABLE} files in this folder",
                        "point to a folder that holds articles, or name the files",
                    )
                )
            found += files
        elif path.exists():
            if not readable(path):
                errors.append(unsupported_error(given, path))
            else:
                found.append(path)
        elif _GLOB_CHARS & set(given):
            matches = [Path(m) for m in glob.glob(given, recursive=True)]
            files = [m for m in matches if m.is_file() and readable(m)]
            for folder in (m for m in matches if m.is_dir()):
                files += _walk(folder)[0]
            if not files:
                errors.append(
                    DocumentError(
                        given,
                        f"no {_READABLE} files match this pattern",
                        "check the pattern (quote it so the shell does not expand it)",
                    )
                )
            found += files
        else:
            errors.append(
                DocumentError(given, "no such file or folder", "check the path and try again")
            )
    return _unique(found), errors


def _walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """The article files below `folder`, and the other visible files (data, pictures...)."""
    # os.walk does not follow symlinked folders, so a link loop cannot recurse forever.
    files, others = [], []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(root, name)
            if name.startswith("."):
                continue
            if readable(path) and path.is_file():
                files.append(path)
            elif path.is_file():
                others.append(path)
    return files, others


def _others_skipped(given: str, others: list[Path]) -> DocumentError:
    """One line for the files of other types a folder holds: never skipped without a word."""
    kinds = Counter(p.suffix.lower() or "(no suffix)" for p in others)
    listed = ", ".join(f"{n} {suffix}" for suffix, n in sorted(kinds.items()))
    return DocumentError(
        given,
        f"other files not read ({listed})",
        f"only {_READABLE} files are read as articles; convert the others to text to load them",
    )


def _unique(paths: list[Path]) -> list[Path]:
    by_resolved: dict[Path, Path] = {}
    for path in paths:
        by_resolved.setdefault(path.resolve(), path)
    return [by_resolved[key] for key in sorted(by_resolved)]


def unsupported_error(given: str, path: Path) -> DocumentError:
    """The error for a file named explicitly whose suffix is not supported."""
    suffix = path.suffix or "(no suffix)"
    return DocumentError(
        given,
        f"unsupported file type {suffix!r}",
        f"give a {_READABLE} file (convert other formats to text first)",
    )


def read_bytes(path: Path, max_mb: float = MAX_DOCUMENT_MB) -> bytes:
    """The file's bytes; any problem opening or reading it becomes a `DocumentError`.

    Only regular files are read (a named pipe or a device would block or never end), and
    none larger than `max_mb` megabytes.
    """
    name = display_path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(
                name,
                "not a regular file (a named pipe, socket or device)",
                "save the article to a file and load that",
            )
        if info.st_size > max_mb * 2**20:
            raise DocumentError(
                name,
                f"{info.st_size / 2**20:.1f} MB, more than the {max_mb:g} MB a document may have",
                f"split it into articles, or raise the limit with --max-size {_above(info)}",
            )
        with path.open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise DocumentError(name, "no such file", "check the path and try again") from None
    except IsADirectoryError:
        raise DocumentError(
            name, "is a folder, not a file", "pass the folder itself to read every article in it"
        ) from None
    except PermissionError:
        raise DocumentError(
            name, "permission denied", "make the file readable (chmod +r) or leave it out"
        ) from None
    except OSError as exc:
        raise DocumentError(
            name, f"cannot be read ({exc.strerror or exc})", "check the file and try again"
        ) from None


def _above(info: os.stat_result) -> int:
    return int(info.st_size / 2**20) + 1


def decode(path: Path | str, raw: bytes) -> str:
    """Decode a file's bytes as UTF-8 (a byte-order mark selects UTF-8 or UTF-16).

    Raises:
        DocumentError: The file is empty or only whitespace, binary, or not valid UTF-8; the
            message names the first bad byte and its offset.

    Example:
        >>> decode(Path("a.txt"), b"\\xef\\xbb\\xbfHello")
        'Hello'
    """
    name = path if isinstance(path, str) else display_path(path)
    if not raw:
        raise DocumentError(name, "empty file", "add the article text, or leave the file out")
    encoding, start = "utf-8", 0
    for bom, bom_encoding in _BOMS:
        if raw.startswith(bom):
            encoding, start = bom_encoding, len(bom)
            break
    body = raw[start:]
    if encoding == "utf-8" and _is_binary(body):
        raise DocumentError(
            name, "binary file, not text", f"give a {_SUFFIXES} file with the article text"
        )
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        raise DocumentError(
            name,
            f"not {encoding.upper()} (byte 0x{raw[offset]:02x} at offset {offset})",
            "re-save as UTF-8",
        ) from None
    if not text.strip():
        raise DocumentError(name, "empty file", "add the article text, or leave the file out")
    return text


def _is_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def display_path(path: Path) -> str:
    """The path as given (relative stays relative), with forward slashes on every system."""
    return path.as_posix()


def known_document(name: str, digest: str, fmt: Format) -> Document:
    """A document already read before (its content hash is known), left unread: its Source
    has the id, path, content hash and format only, and it has no text."""
    source = Source(
        id=make_id("Source", digest), path=name, content_hash=digest, format=fmt, words=0
    )
    return Document(source=source, text="", segments=())

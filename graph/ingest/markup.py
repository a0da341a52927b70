"""Inline Markdown removal that remembers where every kept character came from.

A `Line` is one line of the original text with its markup deleted: link syntax, images,
autolinks, emphasis markers, heading and list markers, inline HTML tags and photo credits.
Markup is only ever *deleted*, never rewritten, so each kept character is still the
character at `offsets[i]` in the original text; that is what keeps provenance exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from graph.ingest.words import any_of
from graph.lang import Lexicon, get
from graph.lang.page import PageWords

# Block prefixes (applied once, at the start of the line).
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_BULLET = re.compile(r"^[ \t]{0,3}[-*+\u2022][ \t]+(?=\S)")
_NUMBERED = re.compile(r"^[ \t]{0,3}\d{1,3}[.)][ \t]+(?=\S)")

# Inline constructs. The url part allows one level of parentheses (Wikipedia-style urls).
_URL_PART = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
_IMAGE = re.compile(r"!\[[^\]]*\]" + _URL_PART)
_LINK = re.compile(r"(\[)([^\[\]]*)(\]" + _URL_PART + r")")
_REF_LINK = re.compile(r"(\[)([^\[\]]+)(\]\[[^\[\]]*\])")
_AUTOLINK = re.compile(r"[ \t]*<(?:https?|ftp|mailto):[^<>\s]*>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# "Caption text. **Name / Agency**": a bold "X / Y" credit closing a caption line.
_TRAILING_CREDIT = re.compile(r"(?<=\S)[ \t]+(\*\*|__)[^*_/]{1,80}?\s/\s[^*_/]{1,80}?\1[ \t]*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1$")
_EMPHASIS = (
    re.compile(r"(?<![\\\w*])(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*\\])(\1)(?!\*)"),
    re.compile(r"(?<![\\\w_])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_\\])(\1)(?![\w_])"),
    re.compile(r"(?<![\\~])(~~)(?=\S)(.+?)(?<=\S)(~~)"),
    re.compile(r"(?<![\\`])(`+)(?=[^`])(.+?)(?<=[^`])(\1)(?!`)"),
)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_RULE = re.compile(r"^[ \t]{0,3}([-=*_])(?:[ \t]*\1){2,}[ \t]*$")


@cache
def _paren_credit(words: PageWords) -> re.Pattern[str]:
    """A parenthesised credit inside a caption or sentence: "(Photo by X/Agency)"."""
    links = any_of(link.split()[0] for link in words.credit_links if link.strip())
    return re.compile(
        rf"[ \t]*\({any_of(words.picture_words)}\s*(?:{links}\b|:)[^()]*\)", re.IGNORECASE
    )


@dataclass(frozen=True, slots=True)
class Line:
    """One original line with its markup removed.

    Attributes:
        start: Offset of the line's first character in the original text.
        end: Offset just past its last character (line break excluded).
        plain: The kept characters, stripped of surrounding whitespace.
        offsets: Original offset of each character in `plain`: a `range` when they run
            without a gap (most lines), which costs the same for any length of line.
        heading: Heading level (1-6) of an ATX heading (`# Title`), 0 for other lines.
        bold: The whole line was strong emphasis (`**Title**`).
        rule: The line is a horizontal rule or a setext underline (`---`, `===`).
    """

    start: int
    end: int
    plain: str
    offsets: Sequence[int]
    heading: int = 0
    bold: bool = False
    rule: bool = False


class _Tracked:
    """A string whose characters remember their original offsets."""

    def __init__(self, text: str, offsets: Sequence[int]) -> None:
        self.text, self.offsets = text, offsets

    def delete(self, spans: Sequence[tuple[int, int]]) -> None:
        if not spans:
            return
        drop = bytearray(len(self.text))
        for a, b in spans:
            drop[a:b] = b"\x01" * (b - a)
        if not any(drop):
            return
        keep = [i for i in range(len(self.text)) if not drop[i]]
        self.text = "".join(self.text[i] for i in keep)
        self.offsets = [self.offsets[i] for i in keep]

    def sub_markers(self, pattern: re.Pattern[str]) -> bool:
        """Delete groups 1 and 3 of every match (the markers), keeping group 2."""
        spans: list[tuple[int, int]] = []
        for m in pattern.finditer(self.text):
            spans += [m.span(1), m.span(3)]
        self.delete(spans)
        return bool(spans)

    def remove(self, pattern: re.Pattern[str]) -> bool:
        spans = [m.span() for m in pattern.finditer(self.text)]
        self.delete(spans)
        return bool(spans)


def comment_spans(text: str) -> list[tuple[int, int]]:
    """Spans of HTML comments (`<!-- ... -->`), which may cover several lines."""
    spans = []
    for m in re.finditer(r"<!--.*?(?:-->|\Z)", text, re.DOTALL):
        spans.append(m.span())
    return spans


_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)


def fence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks (```...``` or ~~~...~~~, fences included): code, not prose.

    A block runs to the next fence of the same character at least as long (CommonMark), or
    to the end of the text when none closes it.
    """
    spans = []
    pos = 0
    while opening := _FENCE.search(text, pos):
        fence = opening[1]
        close = re.compile(rf"^[ \t]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        closing = close.search(text, opening.end())
        end = closing.end() if closing else len(text)
        spans.append((opening.start(), end))
        pos = end
    return spans


# A pipe table (GitHub Flavored Markdown): a header row, a delimiter row of dashes with
# optional alignment colons, then body rows.
_DELIMITER_ROW = re.compile(r"^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"\w*[^\W\d_]\w*")  # holds a letter: "2024" and "10,000" are no words
_PROSE_WORDS = 4


def table_spans(text: str) -> list[tuple[int, int]]:
    """Spans of pipe tables that are not prose: delimiter rows, the pipes, and every cell
    that is not a sentence (numbers, dates, short labels).

    A cell is prose when it holds at least four words and ends like a sentence (. ! ?); such
    cells stay, each row's on one line, so a table of sentences still reads as text while a
    date in one cell never dates the words of another. A table is a row holding a pipe over
    a delimiter row (`|---|:--:|`) with as many cells, then the lines holding a pipe below.

    Example:
        >>> text = "| Date | Event |\\n|---|---|\\n| 2022-02-24 | Troops crossed at dawn. |\\n"
        >>> hidden = {i for a, b in table_spans(text) for i in range(a, b)}
        >>> "".join(c for i, c in enumerate(text) if i not in hidden).split()
        ['Troops', 'crossed', 'at', 'dawn.']
    """
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        lines.append((pos, pos + len(raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))))
        pos += len(raw)
    spans: list[tuple[int, int]] = []
    i = 0
    while i + 1 < len(lines):
        head, delimiter = (text[a:b] for a, b in lines[i : i + 2])
        if not (
            "|" in head
            and "|" in delimiter
            and _DELIMITER_ROW.match(delimiter)
            and len(_cells(head)) == len(_cells(delimiter))
        ):
            i += 1
            continue
        spans.append(lines[i + 1])
        rows = [lines[i]]
        i += 2
        while i < len(lines) and "|" in text[lines[i][0] : lines[i][1]]:
            rows.append(lines[i])
            i += 1
        for start, end in rows:
            spans += _unread_cells(text, start, end)
    return spans


def _cells(row: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row; the outer pipes are optional."""
    pipes = [m.start() for m in _PIPE.finditer(row)]
    edges = [-1, *pipes, len(row)]
    cells = [(a + 1, b) for a, b in zip(edges, edges[1:], strict=False)]
    if pipes and not row[: pipes[0]].strip():
        cells.pop(0)
    if pipes and not row[pipes[-1] + 1 :].strip():
        cells.pop()
    return cells


def _unread_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pipes of one table row and its cells that are not prose, as spans of `text`."""
    row = text[start:end]
    spans = [(start + m.start(), start + m.end()) for m in _PIPE.finditer(row)]
    for a, b in _cells(row):
        cell = row[a:b].strip()
        words = len(_WORD.findall(cell))
        if words < _PROSE_WORDS or not _SENTENCE_END.search(cell):
            spans.append((start + a, start + b))
    return spans


def strip_line(
    text: str,
    start: int,
    end: int,
    hidden: bytearray | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> Line:
    """Remove the Markdown markup of `text[start:end]`, one line without its line break.

    Args:
        text: The whole original text.
        start: Offset of the line in `text`.
        end: Offset just past the line.
        hidden: Optional mask over `text`; characters marked non-zero (comments) are dropped.
        lexicon: The language's words, for photo credits (default: `graph.lang.get()`).

    Returns:
        The line's plain text with the original offset of every kept character.

    Example:
        >>> strip_line("## A [b](u) **c**", 0, 17).plain
        'A b c'
    """
    if hidden is None or not any(hidden[start:end]):
        line = _Tracked(text[start:end], range(start, end))
    else:
        offsets = [i for i in range(start, end) if not hidden[i]]
        line = _Tracked("".join(text[i] for i in offsets), offsets)
    if _RULE.match(line.text):
        return Line(start, end, "", (), rule=True)

    found = _HEADING.match(line.text)
    heading = len(found[1]) if found else 0
    if found:
        line.delete([found.span()])
        line.remove(_HEADING_CLOSE)
    line.remove(_QUOTE)
    if not line.remove(_BULLET):
        line.remove(_NUMBERED)

    line.remove(_IMAGE)
    # An image inside a link leaves "[](url)"; the link pattern then deletes it whole.
    line.sub_markers(_LINK)
    line.sub_markers(_REF_LINK)
    line.remove(_AUTOLINK)
    line.remove(_HTML_TAG)
    line.remove(_paren_credit((lexicon or get()).page))
    line.remove(_TRAILING_CREDIT)

    bold = bool(_BOLD_LINE.match(line.text.strip()))
    for _ in range(3):  # nested emphasis: **bold _italic_** needs more than one pass
        changed = False
        for pattern in _EMPHASIS:
            changed |= line.sub_markers(pattern)
        if not changed:
            break
    line.remove(_ESCAPE)
    plain, kept = _squeeze(line.text, line.offsets)
    return Line(start, end, plain, kept, heading=heading, bold=bold)


def _squeeze(text: str, offsets: Sequence[int]) -> tuple[str, Sequence[int]]:
    # Trim the ends, and where a deletion left two spaces side by side keep only the first.
    if isinstance(offsets, range):  # nothing deleted (most lines): only the ends to trim
        plain = text.strip()
        first = len(text) - len(text.lstrip())
        return plain, offsets[first : first + len(plain)]
    keep: list[int] = []
    for i, ch in enumerate(text):
        previous = keep[-1] if keep else -1
        joined = previous >= 0 and offsets[i] != offsets[previous] + 1
        if ch.isspace() and joined and text[previous].isspace():
            continue
        keep.append(i)
    while keep and text[keep[0]].isspace():
        keep.pop(0)
    while keep and text[keep[-1]].isspace():
        keep.pop()
    return "".join(text[i] for i in keep), compact([offsets[i] for i in keep])


def compact(offsets: Sequence[int]) -> Sequence[int]:
    """Increasing `offsets` as a `range` when they run without a gap: a line of a long file
    then costs a few bytes, not one number per character."""
    if offsets and offsets[-1] - offsets[0] == len(offsets) - 1:
        return range(offsets[0], offsets[-1] + 1)
    return tuple(offsets)

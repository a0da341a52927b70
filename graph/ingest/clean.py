"""Clean plain-text and Markdown articles into the text the NLP sees, with an offset map.

The cleaned text is built only from runs copied verbatim from the original text, plus
inserted line breaks between blocks. Every copied run is recorded as a `Segment`, so
`Document.to_original()` maps any cleaned offset back to the file.

What goes: Markdown syntax (links, images, autolinks, emphasis, heading and list markers,
HTML comments and tags), page furniture (see `boilerplate`), photo credits, and metadata
lines that `metadata` reads instead (the leading `date ...` token, `Original url:` lines,
the byline and a dateline near the top). Headings and headline-like lines become paragraphs
of their own, so the sentence splitter never glues them to the next line. Nothing inside
running text is normalised: quotes, dashes and spacing stay as written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.ingest.boilerplate import is_boilerplate
from graph.ingest.markup import Line, compact
from graph.ingest.metadata import (
    TOP_LINES,
    bare_url,
    byline,
    date_token,
    dateline,
    looks_like_headline,
    read_lines,
    url_line,
)
from graph.lang import Lexicon, get
from graph.model import Segment

PARAGRAPH_BREAK = "\n\n"
LINE_BREAK = "\n"
_REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+")
_SETEXT = re.compile(r"^[ \t]{0,3}(?:(=+)|-+)[ \t]*$")


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and the runs of it copied from the original text."""

    text: str
    segments: tuple[Segment, ...]


class TextBuilder:
    """Builds cleaned text from copied runs and inserted separators.

    Example:
        >>> b = TextBuilder("Hello, world")
        >>> b.copy([0, 1, 2, 3, 4]); b.insert("!"); b.build().text
        'Hello!'
    """

    def __init__(self, original: str) -> None:
        self._original = original
        self._parts: list[str] = []
        self._segments: list[list[int]] = []  # [clean start, original start, length]
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, offsets: Sequence[int]) -> None:
        """Append the original characters at `offsets`, recording their positions."""
        if isinstance(offsets, range) and offsets.step == 1:  # a run: copied in one go
            if offsets:
                self._append_run(offsets.start, len(offsets))
            return
        for offset in offsets:
            self._append(self._original[offset], offset)

    def copy_char(self, char: str, offset: int) -> None:
        """Append `char`, which must equal the original character at `offset`."""
        if self._original[offset] != char:
            raise ValueError(f"{char!r} is not the original character at {offset}")
        self._append(char, offset)

    def insert(self, text: str) -> None:
        """Append text that is not in the original (it maps to no segment)."""
        self._parts.append(text)
        self._length += len(text)

    def _append(self, char: str, offset: int) -> None:
        self._append_run(offset, 1, char)

    def _append_run(self, offset: int, length: int, text: str | None = None) -> None:
        """Append the `length` original characters from `offset` (`text`, when given)."""
        last = self._segments[-1] if self._segments else None
        if last is not None and last[0] + last[2] == self._length and last[1] + last[2] == offset:
            last[2] += length
        else:
            self._segments.append([self._length, offset, length])
        self._parts.append(self._original[offset : offset + length] if text is None else text)
        self._length += length

    def build(self) -> Cleaned:
        segments = tuple(Segment(clean=c, original=o, length=n) for c, o, n in self._segments)
        return Cleaned("".join(self._parts), segments)


def clean_text(text: str, *, lexicon: Lexicon | None = None) -> Cleaned:
    """Clean a plain-text or Markdown article (see the module docstring for the rules).

    Args:
        text: The decoded file text; segment offsets refer to it.
        lexicon: The language's words, for page furniture (default: `graph.lang.get()`).

    Returns:
        The cleaned text, paragraphs separated by a blank line, and its segments.

    Example:
        >>> clean_text("# Title\\n\\nSee [the report](https://x.org), **now**.").text
        'Title\\n\\nSee the report, now.'
    """
    lexicon = lexicon or get()
    lines = read_lines(text, lexicon=lexicon)
    kept = _select(text, lines, lexicon)
    builder = TextBuilder(text)
    previous = ""
    for paragraph in _paragraphs(kept, lexicon):
        joined = LINE_BREAK.join(line.plain for line in paragraph)
        if joined == previous:
            continue  # a headline repeated right below itself
        previous = joined
        if len(builder):
            builder.insert(PARAGRAPH_BREAK)
        for i, line in enumerate(paragraph):
            if i:
                builder.insert(LINE_BREAK)
            builder.copy(line.offsets)
    return builder.build()


def _select(text: str, lines: list[Line], lexicon: Lexicon) -> list[Line | None]:
    """The lines to keep; None marks a paragraph break (a blank or dropped line)."""
    raws = [text[line.start : line.end] for line in lines]
    for i, line in enumerate(lines):
        # A setext underline ("Title" over "=====") makes the line above a heading.
        if line.rule and i and raws[i - 1].strip() and (m := _SETEXT.match(raws[i])):
            level = 1 if m[1] else 2
            lines[i - 1] = dataclasses.replace(lines[i - 1], heading=level)

    first = next((i for i, line in enumerate(lines) if line.plain), None)
    if first is not None and (token := date_token(raws[first], lexicon=lexicon)):
        lines[first] = _drop_before(text, lines[first], lines[first].start + token.end())

    kept: list[Line | None] = []
    content_seen = 0
    skip_url = False
    for line, raw in zip(lines, raws, strict=True):
        if not raw.strip():
            kept.append(None)
            continue
        if skip_url and bare_url(raw):
            skip_url = False
            kept.append(None)
            continue
        skip_url = False
        top = content_seen < TOP_LINES
        if line.plain:
            content_seen += 1
        url = url_line(raw, lexicon=lexicon)
        if url is not None:
            skip_url = url == ""  # the value may sit on the next line
            kept.append(None)
        elif _drop(line, raw, top, lexicon):
            kept.append(None)
        else:
            kept.append(line)
    return kept


def _drop(line: Line, raw: str, top: bool, lexicon: Lexicon) -> bool:
    plain = line.plain
    if not plain or bare_url(raw) or _REFERENCE_DEFINITION.match(raw):
        return True
    if is_boilerplate(plain, bold=line.bold, lexicon=lexicon):
        return True
    if byline(plain, labelled_only=not top, lexicon=lexicon):
        return True
    return top and dateline(plain, lexicon=lexicon) is not None


def _drop_before(text: str, line: Line, cut: int) -> Line:
    offsets = [o for o in line.offsets if o >= cut]
    while offsets and text[offsets[0]].isspace():
        offsets.pop(0)
    plain = "".join(text[o] for o in offsets)
    return dataclasses.replace(line, plain=plain, offsets=compact(offsets))


def _paragraphs(kept: list[Line | None], lexicon: Lexicon) -> list[list[Line]]:
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in kept:
        if line is None:
            if current:
                paragraphs.append(current)
            current = []
        elif _stands_alone(line, lexicon):
            if current:
                paragraphs.append(current)
            paragraphs.append([line])
            current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _stands_alone(line: Line, lexicon: Lexicon) -> bool:
    # Headings and headline-like lines end no sentence of their own; a paragraph break is
    # what tells the sentence splitter that they are not the start of the next line's sentence.
    return bool(line.heading) or line.bold or looks_like_headline(line.plain, lexicon=lexicon)

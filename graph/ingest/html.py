"""HTML articles: body text and metadata with trafilatura, offsets aligned back to the HTML.

trafilatura's text is not a substring of the page: tags are gone, entities decoded and
whitespace collapsed. To keep provenance, each extracted paragraph is searched for, forward
from the previous one, in the page's *visible* text (tags dropped, entities decoded, each
character remembering its offset in the HTML). Characters that are verbatim in the HTML
become segments; decoded entities and collapsed whitespace are inserted text, which
`Document.to_original()` maps to the nearest copied character.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from typing import Any

from graph.ingest.boilerplate import is_boilerplate
from graph.ingest.clean import PARAGRAPH_BREAK, Cleaned, TextBuilder
from graph.ingest.metadata import Metadata, metadata_from_lines, parse_date, read_lines
from graph.lang import Lexicon, get

_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<skip>script|style|noscript|template|svg|head)\b.*?(?:</(?P=skip)\s*>|\Z)"
    r"|<![^>]*>|<\?[^>]*>"
    r"|</?(?P<tag>[A-Za-z][\w:-]*)(?:\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)?/?>"
    r"|(?P<entity>&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?)",
    re.DOTALL | re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table"),
        *("tbody", "td", "th", "thead", "title", "tr", "ul"),
    }
)
_WINDOW = 300  # how far past the last aligned word a word may be found when realigning
_ANCHOR_WORDS = 3
# Fixed rather than "today", so that the same page gives the same metadata on every run.
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "max_date": "2999-12-31",
}


@dataclass(frozen=True)
class _Visible:
    """The visible text of a page; `offsets[i]` is the HTML offset of `text[i]`, -1 if none."""

    text: str
    offsets: list[int]


def extract_html(page: str, *, lexicon: Lexicon | None = None) -> tuple[Cleaned, Metadata]:
    """Extract an HTML article's text (navigation, footers and comments dropped) and metadata.

    Metadata comes from the page (title, author, published date, canonical url, site name)
    and, for fields the page lacks, from the article text by the rules of `metadata`.

    Args:
        page: The decoded HTML; segment offsets refer to it.
        lexicon: The language's words, for page furniture and metadata read from the text
            (default: `graph.lang.get()`).

    Returns:
        The cleaned text (empty when the page holds no article text) and the metadata.

    Example:
        >>> cleaned, meta = extract_html(open("article.html").read())
    """
    # Imported here: trafilatura is slow to import and only HTML input needs it.
    import trafilatura

    lexicon = lexicon or get()
    try:
        extracted = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception:  # a page the HTML parser chokes on is one bad file, not a failed run
        extracted = None
    if extracted is None:
        return Cleaned("", ()), Metadata()
    fields = extracted if isinstance(extracted, dict) else extracted.as_dict()
    paragraphs = _paragraphs(str(fields.get("text") or ""), lexicon)
    cleaned = _align(page, paragraphs)
    lines = read_lines(cleaned.text, lexicon=lexicon)
    from_text = metadata_from_lines(cleaned.text, lines, lexicon=lexicon)

    date = fields.get("date")
    published = parse_date(date, lexicon=lexicon) if isinstance(date, str) else None
    authors = tuple(a.strip() for a in str(fields.get("author") or "").split(";") if a.strip())
    metadata = Metadata(
        title=_text(fields.get("title")) or from_text.title,
        published=published or from_text.published,
        url=_text(fields.get("url")) or from_text.url,
        authors=authors or from_text.authors,
        publisher=_text(fields.get("sitename")) or from_text.publisher,
    )
    return cleaned, metadata


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _paragraphs(text: str, lexicon: Lexicon) -> list[str]:
    paragraphs: list[str] = []
    for line in text.splitlines():
        # trafilatura writes list items as "- item"; the dash is not in the page.
        line = line.strip().removeprefix("- ").strip()
        if not line or (paragraphs and paragraphs[-1] == line):
            continue
        if not is_boilerplate(line, lexicon=lexicon):
            paragraphs.append(line)
    return paragraphs


def visible_text(page: str) -> _Visible:
    """The page's text as a browser would show it, each character mapped to its HTML offset."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(page):
        chars.extend(page[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
        if m["entity"]:
            decoded = html_lib.unescape(m["entity"])
            if decoded == m["entity"]:  # not an entity after all: keep it as written
                chars.extend(decoded)
                offsets.extend(range(m.start(), m.end()))
            else:
                chars.extend(decoded)
                offsets.extend([m.start()] * len(decoded))
        elif m["tag"] and m["tag"].lower() in _BLOCK_TAGS:
            chars.append("\n")
            offsets.append(-1)
    chars.extend(page[pos:])
    offsets.extend(range(pos, len(page)))
    return _Visible("".join(chars), offsets)


def _align(page: str, paragraphs: list[str]) -> Cleaned:
    visible = visible_text(page)
    builder = TextBuilder(page)
    cursor = 0
    for paragraph in paragraphs:
        if len(builder):
            builder.insert(PARAGRAPH_BREAK)
        words = paragraph.split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        m = re.compile(pattern).search(visible.text, cursor)
        if m:
            cursor = _copy_match(page, visible, builder, paragraph, m.start())
        else:
            cursor = _copy_words(page, visible, builder, words, cursor)
    return builder.build()


def _copy_match(page: str, visible: _Visible, builder: TextBuilder, paragraph: str, at: int) -> int:
    # `paragraph` matched at `at` word for word; whitespace may differ in length and kind.
    j = at
    for piece in re.finditer(r"\S+|\s+", paragraph):
        run = piece[0]
        if not run.isspace():
            for ch in run:
                _put(page, visible, builder, ch, j)
                j += 1
            continue
        end = j
        while end < len(visible.text) and visible.text[end].isspace():
            end += 1
        if visible.text[j:end] == run and all(_verbatim(page, visible, k) for k in range(j, end)):
            builder.copy(visible.offsets[j:end])
        else:
            builder.insert(run)
        j = end
    return j


def _copy_words(
    page: str, visible: _Visible, builder: TextBuilder, words: list[str], cursor: int
) -> int:
    # The paragraph is not in the page as a whole (trafilatura changed something inside it):
    # anchor on its first words, then align word by word, inserting words that cannot be found.
    anchor = r"\s+".join(re.escape(w) for w in words[:_ANCHOR_WORDS])
    m = re.compile(anchor).search(visible.text, cursor)
    if m is None:
        builder.insert(" ".join(words))
        return cursor
    position = m.start()
    for i, word in enumerate(words):
        if i:
            builder.insert(" ")
        found = visible.text.find(word, position, position + _WINDOW + len(word))
        if found < 0:
            builder.insert(word)
            continue
        for k, ch in enumerate(word):
            _put(page, visible, builder, ch, found + k)
        position = found + len(word)
    return position


def _put(page: str, visible: _Visible, builder: TextBuilder, ch: str, k: int) -> None:
    if _verbatim(page, visible, k):
        builder.copy_char(ch, visible.offsets[k])
    else:
        builder.insert(ch)


def _verbatim(page: str, visible: _Visible, k: int) -> bool:
    offset = visible.offsets[k]
    return offset >= 0 and page[offset] == visible.text[k]

"""Source metadata stated in an article's text: title, publication date, url, authors, publisher.

Nothing here is inferred: a field is filled only when the text states it, else it stays None.
Rules, in order of precedence (the first that matches wins):

- title: a level-1 Markdown heading among the first lines; else, among the lines above the
  first line of body prose, a heading, then a bold line that reads as a headline, then a
  plain line that reads as one (short, title case, no final period). A document that
  starts straight with prose has no title.
- published: a leading `date 2024-03-29` token; a dateline (`April 06, 2023` alone on a line)
  near the top; a date in the url path (`/2023/04/06/`).
- url: an `Original url:` / `Source:` / `URL:` line (the value may sit on the next line, in
  `<...>`).
- authors: a byline near the top (`By A, B and C`) or an `Author:` line.
- publisher: a disclaimer naming it ("... do not necessarily reflect the position of X"); a
  copyright line ("© 2024 X"); else the url's domain without `www.`.

HTML pages add the page's own metadata first (see `graph.ingest.html`). The labels and words
these rules look for come from the language's `PageWords` (`graph.lang.page`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from graph.ingest.boilerplate import is_boilerplate
from graph.ingest.markup import Line, comment_spans, fence_spans, strip_line, table_spans
from graph.ingest.words import any_of, any_pattern, dotted
from graph.lang import Lexicon, get
from graph.lang.page import PageWords
from graph.model import DateValue, Precision
from graph.temporal import parse_publication_date

TOP_LINES = 10
"""How many non-blank lines count as "the top" of a document (title, byline, dateline)."""

_HAS_YEAR = re.compile(r"\b\d{4}\b")
_LONGEST_DATE = 48
_CLOCK = re.compile(r"(?:[T ][\d:.+\-Z]*)?")
_URL_PATH_DATE = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?=/|$)")
# Urls are read from the raw line: Markdown removal deletes `<https://...>` autolinks.
_URL = re.compile(r"^(?:<(https?://[^\s<>]+)>|(https?://\S+)|\[[^\]]*\]\((https?://[^\s()]+)\))$")


@dataclass(frozen=True)
class _Rules:
    """The line rules of one language, compiled from its `PageWords`."""

    weekday: re.Pattern[str]  # a stated day may open with its weekday; nothing else
    dateline_label: re.Pattern[str]
    trailing_time: re.Pattern[str]
    date_token: re.Pattern[str]
    url_label: re.Pattern[str]
    byline: re.Pattern[str]
    author_line: re.Pattern[str]
    name_split: re.Pattern[str]
    publisher_disclaimer: re.Pattern[str]
    copyright: re.Pattern[str]


@cache
def _rules(words: PageWords) -> _Rules:
    i = re.IGNORECASE
    labels = any_of((*words.published_labels, *words.updated_labels))
    clock = any_of(words.clock_links)
    suffix = any_pattern(dotted(s) for s in sorted(set(words.clock_suffixes)))
    conjunction = any_of(words.name_conjunctions)
    url_labels = any_of(words.url_labels, space=r"\s+")
    byline_openings = any_of(words.byline_openings, space=r"\s+")
    return _Rules(
        weekday=re.compile(rf"^(?:{any_of(words.weekdays)}\.?,?\s+)?", i),
        dateline_label=re.compile(
            rf"^(?:(?P<label>{labels})(?:\s+{any_of(words.dateline_links)})?\s*:?\s*)?", i
        ),
        trailing_time=re.compile(
            rf"\s*(?:,|{clock}|-|\||\u2013|\u2014)?\s*\d{{1,2}}[:.]\d{{2}}"
            rf"(?:\s*{suffix})?(?:\s+[A-Z]{{2,5}})?$",
            i,
        ),
        date_token=re.compile(
            rf"^[ \t]*{any_of(words.date_token_labels)}:?[ \t]+(\d{{4}}-\d{{2}}-\d{{2}})"
            r"(?=\s|$)[ \t]*",
            i,
        ),
        url_label=re.compile(rf"^[*_]{{0,3}}{url_labels}\s*:[*_]{{0,3}}\s*(?P<value>.*)$", i),
        byline=re.compile(rf"^{byline_openings}\s*:?\s+(?P<names>.+)$", i),
        author_line=re.compile(rf"^{any_of(words.author_labels)}\s*:\s*(?P<names>.+)$", i),
        name_split=re.compile(
            rf"\s*(?:,\s*(?:{conjunction}\s+)?|\s+{conjunction}\s+|\s*&\s*|;\s*)", i
        ),
        publisher_disclaimer=re.compile(
            rf"\b{any_pattern(words.publisher_patterns)}\s+(?P<name>.+?)[\s.]*$", i
        ),
        copyright=re.compile(
            rf"^(?:©|\(c\)|{any_of(words.copyright_words)})\s*(?:©\s*)?"
            r"(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*,?\s*)?"
            rf"(?P<name>.+?)(?:[\s.,]*{any_of(words.rights_reserved)}.*)?[\s.]*$",
            i,
        ),
    )


def _page(lexicon: Lexicon | None) -> PageWords:
    return (lexicon or get()).page


@dataclass(frozen=True)
class Metadata:
    """Metadata fields stated in a document; each None (or empty) when not stated."""

    title: str | None = None
    published: DateValue | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None


def parse_date(text: str, *, lexicon: Lexicon | None = None) -> DateValue | None:
    """Parse a string that is exactly one calendar day: ISO, `2023/04/06`, or with a month name.

    Args:
        text: The date as written, e.g. "April 06, 2023", "6 April 2023", "2023-04-06".
        lexicon: The language's words, for a leading weekday (default: `graph.lang.get()`).

    Returns:
        A day-precision `DateValue` with basis STATED and `text` as written, or None.

    Example:
        >>> parse_date("April 06, 2023").value
        '2023-04-06'
    """
    written = text.strip()
    if len(written) > _LONGEST_DATE or not _HAS_YEAR.search(written):
        return None  # cheap refusal: most lines tried here are not dates at all
    value = parse_publication_date(written, fallback=False)
    # The whole string must be the date (a trailing clock time aside): a sentence that
    # merely contains a date is not a dateline.
    if value is None or value.precision is not Precision.DAY:
        return None
    day = _rules(_page(lexicon)).weekday.sub("", written, count=1)
    if not (day.startswith(value.text) and _CLOCK.fullmatch(day[len(value.text) :])):
        return None
    return value.model_copy(update={"text": written})


def date_token(line: str, *, lexicon: Lexicon | None = None) -> re.Match[str] | None:
    """The leading `date 2024-03-29` token of a document's first line, if any."""
    m = _rules(_page(lexicon)).date_token.match(line)
    return m if m and parse_date(m[1], lexicon=lexicon) else None


def dateline(plain: str, *, lexicon: Lexicon | None = None) -> tuple[str, DateValue] | None:
    """A line that is only a date, optionally labelled ("Published: ...") and timed.

    Returns:
        The label in lower case ("" when unlabelled) and the date, or None.
    """
    rules = _rules(_page(lexicon))
    text = plain.strip()
    m = rules.dateline_label.match(text)
    rest = text[m.end() :] if m else text
    value = parse_date(rest, lexicon=lexicon) or parse_date(
        rules.trailing_time.sub("", rest), lexicon=lexicon
    )
    if value is None:
        return None
    return ((m["label"] if m else None) or "").lower(), value


def url_line(raw: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The url of an `Original url:` / `Source:` / `URL:` line; "" when the value is missing.

    Args:
        raw: The line as written (with its Markdown), since autolinks are markup.
        lexicon: The language's words, for the labels (default: `graph.lang.get()`).

    Returns:
        The url, "" when the label has no value (it may follow on the next line), or None
        when the line is not such a line or its value is not a url.
    """
    m = _rules(_page(lexicon)).url_label.match(raw.strip())
    if m is None:
        return None
    value = m["value"].strip()
    return bare_url(value) if value else ""


def bare_url(raw: str) -> str | None:
    """The url when a line holds nothing but one: `https://...`, `<https://...>`, `[x](url)`."""
    m = _URL.match(raw.strip())
    return next((g for g in m.groups() if g), None) if m else None


def byline(
    plain: str, *, labelled_only: bool = False, lexicon: Lexicon | None = None
) -> tuple[str, ...] | None:
    """Author names from a byline ("By A, B and C") or an "Author: A" line.

    With `labelled_only`, only "Author: ..." lines count (a "By ..." line is only a byline
    near the top of a document). Every name must look like a personal name (capitalised
    words), so a sentence that happens to start with "By" is not taken for a byline.

    Example:
        >>> byline("By Jane Roe and John Doe")
        ('Jane Roe', 'John Doe')
    """
    words = _page(lexicon)
    rules = _rules(words)
    text = plain.strip()
    m = rules.author_line.match(text)
    if m is None and not labelled_only:
        m = rules.byline.match(text)
    if m is None or len(text.split()) > 16:
        return None
    split = rules.name_split.split(m["names"].strip())
    names = tuple(n.strip(" .") for n in split if n.strip(" ."))
    if not names or not all(_is_name(n, words.name_particles) for n in names):
        return None
    return names


def _is_name(name: str, particles: frozenset[str]) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or not _is_name_word(words[0]):
        return False
    return all(_is_name_word(w) or w in particles for w in words)


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and all(c.isalpha() or c in "'\u2019.-" for c in word)


def looks_like_headline(plain: str, *, lexicon: Lexicon | None = None) -> bool:
    """Short, no final period or comma, and in title case ("Putin Signs Draft Decree").

    Lower-case words are allowed when short ("to", "of", "amid"), as headline style has them;
    how short is the language's `headline_small_word_max`.
    """
    words = plain.split()
    if not 2 <= len(words) < 20 or plain.rstrip().endswith((".", ",", ";", ":")):
        return False
    small_word_max = _page(lexicon).headline_small_word_max
    capitals = 0
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if not letters:
            capitals += 1  # numbers such as "160,000" and "400 000+"
        elif letters[0].isupper():
            capitals += 1
        elif len(letters) > small_word_max:
            return False
    return capitals * 2 >= len(words)


def publisher_from_url(url: str) -> str | None:
    """The url's domain without `www.`: "https://www.example.com/a" -> "example.com"."""
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def date_from_url(url: str, *, lexicon: Lexicon | None = None) -> DateValue | None:
    """A date written in the url path, such as `/2023/04/06/`."""
    m = _URL_PATH_DATE.search(urlsplit(url).path)
    if m is None:
        return None
    value = parse_date(f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", lexicon=lexicon)
    return value.model_copy(update={"text": m[0].strip("/")}) if value else None


def text_metadata(text: str, *, lexicon: Lexicon | None = None) -> Metadata:
    """Metadata stated in a plain-text or Markdown article (see the module docstring).

    Args:
        text: The whole original text of the file.
        lexicon: The language's words (default: `graph.lang.get()`).

    Example:
        >>> text_metadata("# Putin Signs Draft Decree\\n\\nBy Jane Roe\\n\\nText.").authors
        ('Jane Roe',)
    """
    return metadata_from_lines(text, read_lines(text, lexicon=lexicon), lexicon=lexicon)


def read_lines(text: str, *, lexicon: Lexicon | None = None) -> list[Line]:
    """Every line of `text` (line breaks excluded) with its Markdown removed."""
    hidden = bytearray(len(text))
    for a, b in [*comment_spans(text), *fence_spans(text), *table_spans(text)]:
        hidden[a:b] = b"\x01" * (b - a)
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(strip_line(text, pos, pos + len(body), hidden, lexicon=lexicon))
        pos += len(raw)
    return lines


def metadata_from_lines(
    text: str, lines: Sequence[Line], *, lexicon: Lexicon | None = None
) -> Metadata:
    """`text_metadata` over lines already read with `read_lines`."""
    lexicon = lexicon or get()
    content = [line for line in lines if line.plain]
    top = content[:TOP_LINES]
    first = top[0] if top else None
    token = date_token(text[first.start : first.end], lexicon=lexicon) if first else None

    url = _find_url([text[line.start : line.end] for line in lines], lexicon)
    published = parse_date(token[1], lexicon=lexicon) if token else None
    for line in top:
        if published is None and (found := dateline(line.plain, lexicon=lexicon)):
            label, value = found
            if not label or label in lexicon.page.published_labels:
                published = value
    if published is None and url:
        published = date_from_url(url, lexicon=lexicon)

    authors: tuple[str, ...] = ()
    for line in top:
        if names := byline(line.plain, lexicon=lexicon):
            authors = names
            break
    if not authors:
        for line in content:
            if names := byline(line.plain, labelled_only=True, lexicon=lexicon):
                authors = names
                break

    return Metadata(
        title=_find_title(text, top, token, lexicon),
        published=published,
        url=url,
        authors=authors,
        publisher=_find_publisher(content, lexicon) or (publisher_from_url(url) if url else None),
    )


def _find_url(raw_lines: Sequence[str], lexicon: Lexicon) -> str | None:
    nonblank = [raw for raw in raw_lines if raw.strip()]
    for i, raw in enumerate(nonblank):
        value = url_line(raw, lexicon=lexicon)
        if value:
            return value
        if value == "" and i + 1 < len(nonblank) and (found := bare_url(nonblank[i + 1])):
            return found
    return None


def _find_title(
    text: str, top: Sequence[Line], token: re.Match[str] | None, lexicon: Lexicon
) -> str | None:
    for line in top:
        if line.heading == 1:
            return line.plain
    # The head: what comes before the first line of body prose. A bold lead sentence, a
    # section label ("World") or a byline may sit above the headline; prose may not.
    head: list[tuple[Line, str]] = []
    for i, line in enumerate(top):
        plain = line.plain
        if i == 0 and token:
            plain = text[line.start + token.end() : line.end].strip()
        if not plain or _is_furniture(plain, line.bold, lexicon):
            continue
        if (
            line.heading
            or line.bold
            or len(plain.split()) == 1
            or looks_like_headline(plain, lexicon=lexicon)
        ):
            head.append((line, plain))
            continue
        break
    for rule in (_is_heading, _is_bold_headline, _is_plain_headline):
        for line, plain in head:
            if rule(line, plain, lexicon):
                return plain
    return None


def _is_heading(line: Line, plain: str, lexicon: Lexicon) -> bool:
    return bool(line.heading)


def _is_bold_headline(line: Line, plain: str, lexicon: Lexicon) -> bool:
    words = plain.split()
    return line.bold and 2 <= len(words) < 20 and not plain.endswith((".", ",", ";", ":"))


def _is_plain_headline(line: Line, plain: str, lexicon: Lexicon) -> bool:
    return looks_like_headline(plain, lexicon=lexicon)


def _is_furniture(plain: str, bold: bool, lexicon: Lexicon) -> bool:
    return (
        is_boilerplate(plain, bold=bold, lexicon=lexicon)
        or byline(plain, lexicon=lexicon) is not None
        or dateline(plain, lexicon=lexicon) is not None
        or url_line(plain, lexicon=lexicon) is not None
        or bare_url(plain) is not None
    )


def _find_publisher(content: Sequence[Line], lexicon: Lexicon) -> str | None:
    rules = _rules(lexicon.page)
    for pattern in (rules.publisher_disclaimer, rules.copyright):
        for line in content:
            m = pattern.search(line.plain)
            if m and _is_publisher_name(m["name"]):
                return m["name"].strip()
    return None


def _is_publisher_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 8 and words[0][:1].isupper()

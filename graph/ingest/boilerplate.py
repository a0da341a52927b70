"""Page furniture that is not part of an article: general line patterns, never site names.

Each rule matches a whole line of plain text (markup already removed, see `markup`).
Rules that could also match a sentence of prose only apply to short lines. The words come
from the language's `PageWords` (`graph.lang.page`); the shapes of the rules live here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.ingest.words import any_of, any_pattern
from graph.lang import Lexicon, get
from graph.lang.page import PageWords

_I = re.IGNORECASE

# Lines dropped only when short (at most _SHORT words): labels, buttons and credits.
_SHORT = 12
# "Name / Agency" standing alone in bold after a caption.
_BOLD_CREDIT = re.compile(r"^[^/.!?]{2,60}\s/\s[^/.!?]{2,60}$")


@dataclass(frozen=True)
class _Rules:
    always: tuple[re.Pattern[str], ...]  # lines that never occur as article prose
    short: tuple[re.Pattern[str], ...]  # lines that are furniture when short
    credit_by: re.Pattern[str]  # "Russian Army Picture by X on Y"


@cache
def _rules(words: PageWords) -> _Rules:
    pictures = any_of(words.picture_words)
    always = (
        rf"^{any_of(words.furniture_lines)}$",
        rf"^{any_of(words.furniture_openings)}\b",
        rf"^{any_of(words.related_labels)}(?: {any_of(words.related_nouns)})?\s*:",
        rf"^{any_of(words.disclaimer_openings)}\b.*\b{any_of(words.disclaimer_denials)}\b",
        rf"^(?:©|\(c\)|{any_of(words.copyright_words)}\s*(?:©|\(c\)|\d{{4}}))",
        rf"^{any_of(words.rights_reserved)}\.?$",
        rf"^{any_of(words.index_labels)}\s*:",
    )
    short = (
        rf"^{any_pattern(words.button_patterns)}\s*:?$",
        rf"^{any_of(words.advert_lines)}$",
        rf"^{any_of(words.short_openings)}\b",
        rf"^(?:\d+\s+)?{any_of(words.comment_words)}$",
        rf"^{any_of((*words.picture_words, *words.media_words))}"
        rf"(?:\s+{any_of(words.credit_words)})?\s*[:/]",
        rf"^{any_of(words.credit_labels)}\s*:\s*\S+(?:\s+\S+){{0,6}}\s*$",
        rf"\b{any_of(words.credit_endings)}$",
        rf"^{any_of(words.credit_names)}$",
    )
    return _Rules(
        always=tuple(re.compile(p, _I) for p in always),
        short=tuple(re.compile(p, _I) for p in short),
        credit_by=re.compile(rf"\b{pictures}\s+{any_of(words.credit_links)}\b", _I),
    )


def is_boilerplate(plain: str, *, bold: bool = False, lexicon: Lexicon | None = None) -> bool:
    """True when a line is page furniture (sharing buttons, comment forms, photo credits).

    Args:
        plain: The line without markup, stripped.
        bold: The whole line was bold in the original (a lone bold "Name / Agency" is a credit).
        lexicon: The language's words (default: `graph.lang.get()`).

    Example:
        >>> is_boilerplate("Photo: JANE ROE/AFP via Getty Images")
        True
    """
    rules = _rules((lexicon or get()).page)
    if any(rule.search(plain) for rule in rules.always):
        return True
    if len(plain.split()) > _SHORT:
        return False
    if bold and _BOLD_CREDIT.match(plain):
        return True
    if rules.credit_by.search(plain) and not plain.endswith((".", "!", "?")):
        return True
    return any(rule.search(plain) for rule in rules.short)

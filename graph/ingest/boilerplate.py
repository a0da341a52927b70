"""Page furniture that is not part of an article: general line patterns, never site names.

Each rule matches a whole line of plain text (markup already removed, see `markup`).
Rules that could also match a sentence of prose only apply to short lines.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Lines dropped whatever their length: they never occur as article prose.
_ALWAYS = [
    re.compile(p, _I)
    for p in (
        r"^(?:top|bottom|back to top) of (?:the )?page$",
        r"^(?:back to top|skip to (?:main )?content|jump to (?:main )?content)$",
        r"^leave a (?:reply|comment)(?: cancel reply)?$",
        r"^your email address will not be published\b",
        r"^required fields are marked\b",
        r"^(?:related|recommended|more|further|suggested)"
        r"(?: articles?| stories| story| posts?| content| reading| coverage)?\s*:",
        r"^the views (?:and opinions )?expressed\b.*\bnot necessarily reflect\b",
        r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))",
        r"^all rights reserved\.?$",
        r"^(?:tags?|topics?|filed under|categories|category)\s*:",
    )
]

# Lines dropped only when short (at most _SHORT words): labels, buttons and credits.
_SHORT = 12
_SHORT_RULES = [
    re.compile(p, _I)
    for p in (
        r"^(?:share(?: this)?(?: article| story| post| page)?(?: on \w+)?|tweet(?: this)?"
        r"|print(?: this)?(?: article| page)?|e-?mail(?: this)?(?: article| story)?)\s*:?$",
        r"^(?:advertisement|advertising|sponsored(?: content)?|promoted(?: content)?|ad)$",
        r"^(?:read|see|click here to read) (?:more|also|next|the full)\b",
        r"^continue reading\b",
        r"^(?:subscribe|sign up|follow us|join us)\b",
        r"^(?:\d+\s+)?comments?$",
        r"^(?:photo|picture|image|photograph|illustration|pic|video|graphic)s?"
        r"(?:\s+credit)?\s*[:/]",
        r"^(?:credits?|source|image source)\s*:\s*\S+(?:\s+\S+){0,6}\s*$",
        r"\bvia (?:getty images|shutterstock|reuters|ap|afp|wikimedia(?: commons)?)$",
        r"\bon (?:wikimedia(?: commons)?|unsplash|flickr|pexels)$",
        r"^(?:getty images|shutterstock|reuters|ap|afp|epa|tass|alamy)$",
    )
]
# "Russian Army Picture by X on Y": a credit, unless it reads as a finished sentence.
_CREDIT_BY = re.compile(
    r"\b(?:photo|picture|image|photograph|illustration|pic)s?\s+(?:by|courtesy of|credit)\b", _I
)
# "Name / Agency" standing alone in bold after a caption.
_BOLD_CREDIT = re.compile(r"^[^/.!?]{2,60}\s/\s[^/.!?]{2,60}$")


def is_boilerplate(plain: str, *, bold: bool = False) -> bool:
    """True when a line is page furniture (sharing buttons, comment forms, photo credits).

    Args:
        plain: The line without markup, stripped.
        bold: The whole line was bold in the original (a lone bold "Name / Agency" is a credit).

    Example:
        >>> is_boilerplate("Photo: JANE ROE/AFP via Getty Images")
        True
    """
    if any(rule.search(plain) for rule in _ALWAYS):
        return True
    if len(plain.split()) > _SHORT:
        return False
    if bold and _BOLD_CREDIT.match(plain):
        return True
    if _CREDIT_BY.search(plain) and not plain.endswith((".", "!", "?")):
        return True
    return any(rule.search(plain) for rule in _SHORT_RULES)

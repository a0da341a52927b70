"""The words of a news page around its article: furniture, credits, bylines, datelines, labels.

Ingestion (`graph.ingest`) builds its line rules from these words: the regular-expression
syntax stays there, the language's words live here. Words and phrases are lower case and
matched without regard to case; a phrase's words are separated by single spaces. Fields named
`..._patterns` hold regular expressions instead, for phrases with optional parts too many to
list one by one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class PageWords:
    """Vocabulary of page furniture and stated source metadata.

    Attributes:
        furniture_lines: lines that are page furniture whatever else the page says: navigation
            ("back to top") and comment forms ("leave a reply").
        furniture_openings: openings of lines that are furniture at any length ("your email
            address will not be published ...").
        related_labels: first words of a label over links to other stories ("related",
            "more"), alone or followed by one of `related_nouns`, then a colon.
        related_nouns: what such a label lists ("articles", "stories", "coverage").
        index_labels: labels of a list of tags or categories, followed by a colon
            ("tags", "filed under").
        disclaimer_openings: openings of an opinion disclaimer ("the views expressed").
        disclaimer_denials: what such a disclaimer goes on to say ("not necessarily reflect").
        copyright_words: words that open a copyright line, before a year or a © sign.
        rights_reserved: the reservation that may close a copyright line, or stand alone.
        button_patterns: regular expressions of sharing and printing buttons ("share this
            article", "tweet", "e-mail"); a short line that is one of them, with an optional
            final colon, is furniture.
        advert_lines: short lines that label an advertisement ("advertisement", "sponsored").
        short_openings: openings of short lines that invite to read on or sign up
            ("read more", "continue reading", "subscribe").
        comment_words: "comments" as a line of its own, possibly after a count.
        picture_words: words for a picture, singular and plural ("photo", "photos"); they
            open a credit ("Photo: X", "(Picture by X)").
        media_words: other media whose label opens a credit line ("video: X"), singular and
            plural.
        credit_words: the word that may follow a picture word in a credit label
            ("photo credit: X").
        credit_links: what joins a picture word to the credited name ("by", "courtesy of");
            the first word of each is enough inside parentheses ("(photo courtesy X)").
        credit_labels: labels of a short credit line ("credits: X", "image source: X").
        credit_endings: how a short credit line ends ("via getty images", "on unsplash").
        credit_names: picture agencies and libraries named alone on a line ("reuters").
        weekdays: weekday names and their abbreviations, which may open a dateline.
        published_labels: labels of a dateline that states when a story was published
            ("published", "posted").
        updated_labels: labels of a dateline that states a later change ("updated"); such a
            date is not the publication date.
        dateline_links: words between a dateline's label and its date ("published on").
        clock_links: words between a date and its clock time ("April 6, 2023 at 10:30").
        clock_suffixes: the halves of a twelve-hour clock, without dots ("am", "pm"); each
            letter may be followed by a dot.
        date_token_labels: the label of a leading `date 2024-03-29` token.
        url_labels: labels of a line giving the article's url ("original url", "source").
        byline_openings: openings of a byline, before the names ("by", "written by").
        author_labels: labels of a line naming the authors ("author", "writers").
        name_conjunctions: words that join the last two names of a list ("A, B and C").
        name_particles: lower-case words inside personal names ("de", "van", "bin").
        publisher_patterns: regular expressions of what precedes a publisher's name in a
            disclaimer ("... reflects the views of X").
        headline_small_word_max: the longest lower-case word a title-case headline may hold
            ("to", "be", "amid"); a longer one means the line is prose.
    """

    furniture_lines: tuple[str, ...]
    furniture_openings: tuple[str, ...]
    related_labels: tuple[str, ...]
    related_nouns: tuple[str, ...]
    index_labels: tuple[str, ...]
    disclaimer_openings: tuple[str, ...]
    disclaimer_denials: tuple[str, ...]
    copyright_words: tuple[str, ...]
    rights_reserved: tuple[str, ...]
    button_patterns: tuple[str, ...]
    advert_lines: tuple[str, ...]
    short_openings: tuple[str, ...]
    comment_words: tuple[str, ...]
    picture_words: tuple[str, ...]
    media_words: tuple[str, ...]
    credit_words: tuple[str, ...]
    credit_links: tuple[str, ...]
    credit_labels: tuple[str, ...]
    credit_endings: tuple[str, ...]
    credit_names: tuple[str, ...]
    weekdays: tuple[str, ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    dateline_links: tuple[str, ...]
    clock_links: tuple[str, ...]
    clock_suffixes: tuple[str, ...]
    date_token_labels: tuple[str, ...]
    url_labels: tuple[str, ...]
    byline_openings: tuple[str, ...]
    author_labels: tuple[str, ...]
    name_conjunctions: tuple[str, ...]
    name_particles: frozenset[str]
    publisher_patterns: tuple[str, ...]
    headline_small_word_max: int

"""English words of a news page around its article: furniture, credits, bylines, datelines."""

from graph.lang.page import PageWords


def _phrases(text: str) -> tuple[str, ...]:
    """One phrase per line of `text`, blank lines skipped."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


WORDS = PageWords(
    furniture_lines=_phrases(
        """
        top of page
        top of the page
        bottom of page
        bottom of the page
        back to top of page
        back to top of the page
        back to top
        skip to content
        skip to main content
        jump to content
        jump to main content
        leave a reply
        leave a comment
        leave a reply cancel reply
        leave a comment cancel reply
        """
    ),
    furniture_openings=(
        "your email address will not be published",
        "required fields are marked",
    ),
    related_labels=("related", "recommended", "more", "further", "suggested"),
    related_nouns=(
        "article", "articles", "story", "stories", "post", "posts", "content", "reading",
        "coverage",
    ),
    index_labels=("tag", "tags", "topic", "topics", "filed under", "categories", "category"),
    disclaimer_openings=("the views expressed", "the views and opinions expressed"),
    disclaimer_denials=("not necessarily reflect",),
    copyright_words=("copyright",),
    rights_reserved=("all rights reserved",),
    button_patterns=(
        r"share(?: this)?(?: article| story| post| page)?(?: on \w+)?",
        r"tweet(?: this)?",
        r"print(?: this)?(?: article| page)?",
        r"e-?mail(?: this)?(?: article| story)?",
    ),
    advert_lines=(
        "advertisement", "advertising", "sponsored", "sponsored content", "promoted",
        "promoted content", "ad",
    ),
    short_openings=_phrases(
        """
        read more
        read also
        read next
        read the full
        see more
        see also
        see next
        see the full
        click here to read more
        click here to read also
        click here to read next
        click here to read the full
        continue reading
        subscribe
        sign up
        follow us
        join us
        """
    ),
    comment_words=("comment", "comments"),
    picture_words=(
        "photo", "photos", "picture", "pictures", "image", "images", "photograph",
        "photographs", "illustration", "illustrations", "pic", "pics",
    ),
    media_words=("video", "videos", "graphic", "graphics"),
    credit_words=("credit",),
    credit_links=("by", "courtesy of", "credit"),
    credit_labels=("credit", "credits", "source", "image source"),
    credit_endings=_phrases(
        """
        via getty images
        via shutterstock
        via reuters
        via ap
        via afp
        via wikimedia
        via wikimedia commons
        on wikimedia
        on wikimedia commons
        on unsplash
        on flickr
        on pexels
        """
    ),
    credit_names=(
        "getty images", "shutterstock", "reuters", "ap", "afp", "epa", "tass", "alamy",
    ),
    weekdays=(
        "monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday", "thurs",
        "thur", "thu", "friday", "fri", "saturday", "sat", "sunday", "sun",
    ),
    published_labels=("published", "posted", "first published", "date"),
    updated_labels=("updated", "last updated", "modified"),
    dateline_links=("on",),
    clock_links=("at",),
    clock_suffixes=("am", "pm"),
    date_token_labels=("date",),
    url_labels=(
        "original url", "original link", "original article", "source", "source url", "url",
        "link", "canonical", "canonical url",
    ),
    byline_openings=("by", "written by", "words by"),
    author_labels=("author", "authors", "writer", "writers"),
    name_conjunctions=("and",),
    name_particles=frozenset(
        {"de", "da", "del", "della", "der", "van", "von", "bin", "ibn", "al", "le", "la"}
    ),
    publisher_patterns=(
        r"reflects?\s+the\s+(?:official\s+|editorial\s+)?"
        r"(?:views?|positions?|opinions?|polic(?:y|ies)|stance)\s+of",
    ),
    headline_small_word_max=4,
)  # fmt: skip

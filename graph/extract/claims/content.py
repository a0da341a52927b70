"""What was said: quotations, the clause or object a cue reports, and its trimming."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from graph.extract.claims.context import Quote, end
from graph.extract.events import EventTable
from graph.lang.attribution import AttributionWords
from graph.model import DateValue
from graph.temporal import DateMention

# Opening and closing marks must pair up; an opening mark inside stops the match, so an
# unclosed paragraph-continuation quote cannot swallow the text up to the next closing one.
_QUOTE = re.compile(r"“[^”“]{2,}”|''(?:[^'\n]|'(?!'))+''|\"[^\"\n]{2,}\"|‘[^’‘\n]{12,}’")
# Between a cue and the quote it opens: nothing, a comma or colon, or a short frame
# ("said in a statement:").
_OPENS_QUOTE = re.compile(r"\s*(?:[,:]|[^\n“\".!?]{0,40}[,:])?\s*")
LEAD_MARKS = " \t\n“”\"'‘’([—–-"  # what may precede a quotation that opens a sentence
CLAUSE_DEPS = {"ccomp", "xcomp"}
_OBJECT_DEPS = {"dobj", "attr", "oprd", "dative"}


def find_quotes(text: str) -> list[Quote]:
    """The quotations of a text, in order: the text inside each pair of quote marks."""
    quotes = []
    for match in _QUOTE.finditer(text):
        mark = 2 if match.group().startswith("''") else 1
        quotes.append(Quote(match.start() + mark, match.end() - mark))
    return quotes


def strip_quote(quote: Quote, text: str) -> tuple[int, int]:
    """The quotation without the comma or colon that hands it to the cue."""
    stop = quote.end
    while stop > quote.start + 1 and (text[stop - 1].isspace() or text[stop - 1] in ",;:—–-"):
        stop -= 1
    return quote.start, stop


def quotes_around(
    cue: Token, sentence: Span, quotes: list[Quote], text: str
) -> tuple[Quote | None, Quote | None]:
    """The quotation this cue closes (`"...," X said`) and the one it opens (`X said: "..."`,
    `"...," X said, "..."`)."""
    before: Quote | None = None
    for quote in quotes:
        if quote.start <= cue.idx < quote.end:
            continue  # the cue is quoted itself
        if quote.end < cue.idx:
            # closes: the quote opens the sentence (or began before it) and ends in it, with
            # only the speaker (and maybe a date) between it and the cue
            between = text[quote.end + 1 : cue.idx]
            line = max(sentence.start_char, text.rfind("\n", 0, quote.start) + 1)
            lead = text[line : max(line, quote.start - 1)]
            if (
                quote.end >= sentence.start_char - 2
                and len(between) <= 150
                and "\n" not in between
                and (not lead.strip(LEAD_MARKS) or lead.rstrip(LEAD_MARKS).endswith(":"))
            ):
                before = quote
        elif quote.start > end(cue):
            between = text[end(cue) : quote.start - 1]
            opens = len(between) <= 60 and _OPENS_QUOTE.fullmatch(between)
            # across a line break only after a colon: `said:\n\n"..."`
            if opens and ("\n" not in between or between.rstrip().endswith(":")):
                return before, quote
            break
    return before, None


def continuation(
    cue: Token, sentence: Span, content: tuple[int, int], quotes: list[Quote], text: str
) -> tuple[int, int] | None:
    """`"A," he said. "B."`: a quote right after the cue's sentence goes on with the same words."""
    if content[1] > sentence.end_char or content[1] < cue.idx - 120:
        return None
    for quote in quotes:
        if quote.start > sentence.end_char:
            gap = text[sentence.end_char : quote.start - 1]
            if gap.strip() == "" and "\n" not in gap:
                return quote.start, quote.end
            return None
    return None


def quotes_clause(quote: Quote, clause: list[Token]) -> bool:
    """The quotation is the content: it holds most of the cue's clause."""
    words = [t for t in clause if not t.is_punct]
    inside = sum(quote.start <= t.idx < quote.end for t in words)
    return bool(words) and inside >= 0.6 * len(words)


def _touches(tokens: list[Token], quote: Quote) -> bool:
    return any(quote.start <= t.idx < quote.end for t in tokens if not t.is_punct)


def trim(tokens: list[Token], words: AttributionWords) -> list[Token]:
    """Content without the punctuation, "that" and conjunctions at its edges."""
    while tokens and (
        tokens[0].is_punct
        or tokens[0].lower_ in words.statement_marks
        or tokens[0].lower_ in words.conjunctions
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct
        and tokens[-1].text not in {"”", '"', ")", "’"}
        or tokens[-1].lower_ in words.conjunctions
    ):
        tokens = tokens[:-1]
    return tokens


def is_wh_question(tokens: list[Token], words: AttributionWords) -> bool:
    return tokens[0].lower_ in words.wh_words


def substantial(tokens: list[Token]) -> bool:
    """Content worth a claim: more than a lone pronoun, adverb or date ('it', 'In July')."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or all(t.ent_type_ in {"DATE", "TIME"} or t.pos_ == "ADP" for t in words):
        return False
    return len(words) > 1 or words[0].pos_ in {"NOUN", "PROPN"}


def without_participles(clause: list[Token], words: AttributionWords) -> list[Token]:
    """'said he doubted it, arguing that ...': the participle is a claim of its own."""
    cut: set[int] = set()
    for token in clause:
        lemma = token.lemma_.lower()
        if (
            token.tag_ == "VBG"
            and token.dep_ in {"advcl", "conj", "xcomp"}
            and lemma in words.reporting_verbs
            and lemma not in words.relay_verbs
            and token.i > 0
            and token.doc[token.i - 1].text == ","
        ):
            cut.update(t.i for t in token.subtree)
            cut.add(token.i - 1)
    return [t for t in clause if t.i not in cut] if cut else clause


def in_paragraph(content: tuple[int, int], cue: Token, text: str) -> tuple[int, int] | None:
    """Reported speech stays in the cue's paragraph: the parser sometimes runs a sentence
    over a paragraph break, and a quotation mark is what carries speech across one."""
    start = text.rfind("\n", 0, cue.idx) + 1
    stop = text.find("\n", cue.idx)
    stop = len(text) if stop < 0 else stop
    lo, hi = max(content[0], start), min(content[1], stop)
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:—–-"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:—–-"):
        hi -= 1
    return (lo, hi) if hi > lo else None


def through_semicolon(content: tuple[int, int], sentence: Span, text: str) -> tuple[int, int]:
    """'... will focus on volunteers; no one will be forced ...': the statement goes on."""
    rest = text[content[1] : sentence.end_char]
    if not rest.lstrip().startswith(";"):
        return content
    stop = sentence.end_char
    while stop > content[1] and (text[stop - 1].isspace() or text[stop - 1] in ".!?"):
        stop -= 1
    return content[0], stop


def one_side(
    clause: list[Token], cue: Token, before: Quote | None, after: Quote | None
) -> list[Token]:
    """Clauses on both sides of the cue (a quote before it, a misparse after): keep the side
    with the quotation, else the longer one. Content never spans its own cue."""
    left = [t for t in clause if t.i < cue.i]
    right = [t for t in clause if t.i > cue.i]
    if not (left and right):
        return clause
    if before is not None and _touches(left, before):
        return left
    if after is not None and _touches(right, after):
        return right
    return max(left, right, key=len)


def clause_content(cue: Token, speaker: list[Token], words: AttributionWords) -> list[Token]:
    """The reported clause: ccomp/xcomp, with a recipient or object before it when needed."""
    lemma = cue.lemma_.lower()
    skip = {t.i for t in speaker}
    marks = words.statement_marks | words.question_marks
    clauses = [
        c
        for c in cue.children
        if c.i not in skip
        and (
            c.dep_ in CLAUSE_DEPS
            # "questions whether ...", parsed as an adverbial clause
            or (c.dep_ == "advcl" and any(m.lower_ in marks for m in c.children))
        )
    ]
    if not clauses:
        # "the plan, he said, will fail": the cue is a parenthetical inside its content;
        # the content is the part of the sentence on the side of the main verb
        head = cue.head
        if cue.dep_ in {"parataxis", "advcl", "ccomp"} and head.pos_ in {"VERB", "AUX"}:
            own = {t.i for t in cue.subtree}
            lo = min(own)
            outside = [t for t in head.subtree if t.i not in own]
            side = [t for t in outside if (t.i < lo) == (head.i < lo)]
            if side and (cue.dep_ == "parataxis" or head.i < lo):
                return [] if has_own_attribution(side, words) else side
        return []
    tokens: list[Token] = []
    for clause in clauses:
        tokens += list(clause.subtree)
    if lemma not in words.recipient_verbs and any(c.dep_ == "xcomp" for c in clauses):
        # "urged supporters to vote": the object is part of what was urged
        for child in cue.children:
            if child.dep_ in {"dobj"} and child.i not in skip:
                tokens += list(child.subtree)
    return sorted((t for t in tokens if t.i not in skip), key=lambda t: t.i)


def object_content(cue: Token, speaker: list[Token], words: AttributionWords) -> list[Token]:
    """'dismissed reports of a second wave': the object (or 'about ...') is the content."""
    skip = {t.i for t in speaker}
    tokens: list[Token] = []
    for child in cue.children:
        if child.i in skip:
            continue
        if (
            child.dep_ in _OBJECT_DEPS
            and cue.lemma_.lower() not in words.recipient_verbs
            or (
                child.dep_ == "prep"
                and child.lower_ in words.content_prepositions
                and child.i > cue.i
                and not _dated(child)
            )
        ):
            tokens += list(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def trailing_content(
    cue: Token, speaker: list[Token], sentence: Span, words: AttributionWords
) -> list[Token]:
    """'Soldiers have the freedom to choose, our source believes.': when the parser hangs a
    final "X said" off the clause it reports, the content is what precedes ", X said"."""
    first = speaker[0]
    if not (sentence.start < first.i and first.i < cue.i):
        return []
    comma = sentence.doc[first.i - 1]
    if comma.text not in {",", "—", "–"}:
        return []
    if any(t.i > cue.i and t.dep_ in {"dobj", "ccomp", "xcomp"} for t in cue.children):
        return []
    tail = [t for t in sentence if t.i > cue.i]
    own = {t.i for t in cue.subtree}
    if not all(t.is_punct or t.is_space or t.i in own for t in tail):
        return []
    content = [t for t in sentence if t.i < comma.i]
    return [] if has_own_attribution(content, words) else content


def has_own_attribution(tokens: list[Token], words: AttributionWords) -> bool:
    """'..., White House spokesman Josh Earnest said Monday, calling ...': the words around
    a cue hold another speaker's reporting verb, so they are not this cue's content."""
    return any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in words.reporting_verbs
        and any(c.dep_ == "nsubj" for c in t.children)
        for t in tokens
    )


def weak_content(cue: Token, words: AttributionWords) -> bool:
    """'called the plan a failure', 'called for talks', 'described it as a failure'."""
    return any(
        c.dep_ == "oprd"
        or (
            c.dep_ == "prep"
            and c.lower_ in words.weak_content_prepositions
            and (c.i == cue.i + 1 or c.lower_ in words.predicative_prepositions)
            and not _dated(c)
        )
        for c in cue.children
    )


def _dated(token: Token) -> bool:
    return any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree)


def about(
    events: EventTable, doc: Doc, start: int, stop: int, cue: Token, sentence: Span
) -> int | None:
    """The event the content is about, else one in the cue's sentence."""
    span = doc.char_span(start, stop, alignment_mode="expand")
    found = events.event_in(list(span)) if span is not None else None
    if found is not None:
        return found
    return events.event_in([t for t in sentence if t.i != cue.i])


def statement_date(
    cue: Token,
    sentence: Span,
    dates: list[DateMention],
    content: tuple[int, int],
    words: AttributionWords,
) -> DateValue | None:
    """A date on the cue itself: 'said Friday', 'told reporters on March 3'. A date inside
    the statement, or in a phrase such as 'said of the 2016 election', dates something else."""
    for date in dates:
        if date.value is None or not sentence.start_char <= date.start < sentence.end_char:
            continue
        if content[0] <= date.start < content[1]:
            continue
        tokens = [t for t in sentence if date.start <= t.idx < date.end]
        root = next((t for t in tokens if t.head not in tokens or t.head.i == t.i), None)
        if root is None:
            continue
        head = root.head
        if head.i == cue.i or (
            head.dep_ == "prep" and head.lower_ in words.date_prepositions and head.head.i == cue.i
        ):
            return date.value
    return None

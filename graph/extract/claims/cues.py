"""Cue forms: the ways a sentence attributes a statement, one function each.

`CUE_FORMS` is tried in order on every token; the first form that fits a token decides
whether it is a cue, and the later ones are not tried ("according" is also a verb, "made
clear" is also "made"). Signed quotations (`"..." ― Name`) are found from the quotes, after
the sentences: `dash_attributions`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorTable
from graph.extract.claims.content import (
    clause_content,
    continuation,
    in_paragraph,
    is_wh_question,
    object_content,
    one_side,
    quotes_around,
    quotes_clause,
    strip_quote,
    substantial,
    through_semicolon,
    trailing_content,
    trim,
    weak_content,
    without_participles,
)
from graph.extract.claims.context import Context, Found, Quote, end
from graph.extract.claims.speakers import (
    after_break,
    cited_source,
    inverted_speaker,
    nested_speaker,
    passive,
    relayed_by,
    speaker_tokens,
    subject,
)
from graph.extract.claims.stance import cue_negated
from graph.lang.attribution import AttributionWords
from graph.model import ActorKind

# "SMITH: ..." (transcripts) and "Smith: ..." (headlines): a short capitalised name at the
# start of a line, a colon, then at least a few words.
_LINE_SPEAKER = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): +(\S[^\n]{10,})$", re.M)
# `"..." ― Name`: an attribution line under a quote.
_DASH_SPEAKER = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*(?=[A-Z])")


@dataclass(frozen=True)
class CueForm:
    """One way of attributing a statement: which tokens it claims, and what it finds there.

    Attributes:
        name: what the form is called in tests and reports.
        fits: whether the token is this form's to read; a fitting form that finds nothing
            still keeps the later forms from reading the token.
        find: the attribution the token cues in its sentence, if any.
    """

    name: str
    fits: Callable[[Token, Context], bool]
    find: Callable[[Token, Span, Context], Found | None]


def cue_form(token: Token, ctx: Context) -> CueForm | None:
    """The first form of `CUE_FORMS` that fits the token."""
    return next((form for form in CUE_FORMS if form.fits(token, ctx)), None)


def sentence_claims(sentence: Span, ctx: Context) -> list[Found]:
    """The attributions cued inside one sentence, in token order."""
    found: list[Found] = []
    for token in sentence:
        form = cue_form(token, ctx)
        item = form.find(token, sentence, ctx) if form is not None else None
        if item is not None:
            item.sentence = sentence
            found.append(item)
    return found


# --------------------------------------------------------------------------- line speakers


def line_speakers(
    doc: Doc, text: str, actors: ActorTable, words: AttributionWords
) -> dict[int, tuple[int, int]]:
    """'SMITH: Well, look ...' or 'Smith: No Need for a Draft': first token of the name ->
    (name end, line end). A capitalised name must be a person; labels ('UPDATE:') are not."""
    found: dict[int, tuple[int, int]] = {}
    for match in _LINE_SPEAKER.finditer(text):
        name = match.group(1)
        if name.lower() in words.line_labels or len(match.group(2).split()) < 3:
            continue
        span = doc.char_span(match.start(1), match.end(1))
        if span is None:
            continue
        people = [actors.by_token[t.i] for t in span if t.i in actors.by_token]
        if not (
            name.isupper() or any(actors.actors[a].actor_type is ActorKind.PERSON for a in people)
        ):
            continue
        found[span[0].i] = (match.end(1), match.end(2))
    return found


def _opens_line(token: Token, ctx: Context) -> bool:
    return token.i in ctx.lines


def line_claim(token: Token, sentence: Span, ctx: Context) -> Found | None:
    """'SMITH: Well, look ...': the line after the name's colon, quoted."""
    doc = token.doc
    name_end, line_end = ctx.lines[token.i]
    speaker = [t for t in doc[token.i :] if t.idx < name_end]
    colon = doc[speaker[-1].i + 1] if speaker[-1].i + 1 < len(doc) else None
    if colon is None or colon.text != ":":
        return None
    content_start = end(colon)
    while content_start < line_end and ctx.text[content_start].isspace():
        content_start += 1
    return Found(
        cue=colon,
        cue_text=":",
        speaker=speaker,
        content=(content_start, line_end),
        direct=True,
    )


# --------------------------------------------------------------------------- according to


def _opens_source_phrase(token: Token, ctx: Context) -> bool:
    phrase = ctx.words.source_phrase
    return token.lower_ == phrase[0] and token.i + len(phrase) - 1 < len(token.doc)


def according_to(token: Token, sentence: Span, ctx: Context) -> Found | None:
    """'..., according to the United Nations': the longer side of the phrase is the content."""
    phrase = ctx.words.source_phrase
    if any(token.nbor(n).lower_ != word for n, word in enumerate(phrase[1:], 1)):
        return None
    to = token.nbor(len(phrase) - 1)
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    if not objects:
        return None
    speaker = speaker_tokens(objects[0])
    covered = {token.i, to.i} | {t.i for t in objects[0].subtree}
    # The content is the sentence on the longer side of the "according to X" phrase.
    before = trim([t for t in sentence if t.i < token.i], ctx.words)
    after = trim([t for t in sentence if t.i > max(covered)], ctx.words)
    content = max(before, after, key=lambda side: sum(not t.is_punct for t in side))
    if not content:
        return None
    return Found(
        cue=token,
        cue_text=" ".join(phrase),
        speaker=speaker,
        content=(content[0].idx, end(content[-1])),
        direct=False,
    )


# --------------------------------------------------------------------------- idioms


def _idiom_verb(token: Token, ctx: Context) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in ctx.words.idiom_verbs


def idiom_claim(cue: Token, sentence: Span, ctx: Context) -> Found | None:
    """'X made clear that ...', 'let slip that ...', 'made it known that ...'."""
    words = ctx.words
    word = next((c for c in cue.children if c.lower_ in words.idiom_words), None)
    speaker = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if word is None or speaker is None or speaker.lower_ in words.non_speakers:
        return None
    clause = next(
        (
            t
            for t in cue.subtree
            if t.i > word.i
            and any(m.dep_ == "mark" and m.lower_ in words.statement_marks for m in t.children)
        ),
        None,
    )
    if clause is None:
        return None
    content = trim(list(clause.subtree), words)
    if not content:
        return None
    return Found(
        cue=cue,
        cue_text=f"{cue.text} {word.text}",
        speaker=speaker_tokens(speaker),
        content=(content[0].idx, end(content[-1])),
        direct=False,
    )


# --------------------------------------------------------------------------- reporting verbs


def _is_verb(token: Token, ctx: Context) -> bool:
    return token.pos_ == "VERB"


def verb_claim(cue: Token, sentence: Span, ctx: Context) -> Found | None:
    """'X said (that) ...', `"...," X said`, 'X dismissed ...', 'X urged ... to ...',
    participles and coordinated verbs that borrow the subject ('..., adding that ...'), and
    any verb framed by a statement ('In a statement, X called ...')."""
    words = ctx.words
    lemma = cue.lemma_.lower()
    framed = lemma not in ctx.lexicon.events.light_verbs and _framed_by_statement(cue, words)
    clause_only = lemma in words.evidence_verbs and lemma not in words.reporting_verbs
    if lemma not in words.reporting_verbs and not clause_only and not framed:
        return None
    if cue_negated(cue, words) and lemma not in words.denial_verbs:
        return None  # "did not say how many", "declined to say whether": nothing was said
    before, after = quotes_around(cue, sentence, ctx.quotes, ctx.text)
    quote = before or after
    head = subject(cue, words)
    if head is not None:
        speaker = speaker_tokens(head)
    elif quote is not None and quote.end < cue.idx and not passive(cue):
        # `"...," X said, adding ...`: a participle shares the inverted speaker of its verb
        anchor = cue
        while anchor.dep_ in {"advcl", "conj", "xcomp"} and anchor.head.i < anchor.i:
            anchor = anchor.head
        speaker = inverted_speaker(anchor, sentence, quote)
    else:
        return None
    speaker = after_break(speaker, cue) if speaker else []
    if not speaker:
        return None
    via: int | None = None
    nested = nested_speaker(cue, words)
    clause: list[Token]
    if nested is not None:
        via = ctx.actors.actor_in(speaker)
        speaker = speaker_tokens(nested[0])
        clause = list(nested[1].subtree)
    else:
        clause = one_side(clause_content(cue, speaker, words), cue, before, after)
        clause = without_participles(clause, words)
        cited = cited_source(cue, clause, words)
        if cited is not None:
            citing = cited.head
            relay = {t.i for t in citing.subtree}
            clause = [t for t in clause if t.i not in relay] or [
                t for c in citing.children if c.dep_ == "ccomp" for t in c.subtree
            ]
        elif lemma in words.relay_verbs and relayed_by(cue, words) is not None:
            return None  # "Outlet reported, citing officials, that ...": the outer cue's claim
        elif lemma in words.relay_verbs and clause:
            # "Outlet reported, citing officials, that ...", the clause hung on "citing"
            cited = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if cited is not None:
            via = ctx.actors.actor_in(speaker)
            speaker = speaker_tokens(cited)
    # a reported clause of the cue's own, not an infinitive ("added to the pile") nor the
    # sentence around a parenthetical cue, which only strong cues or quotes can claim
    has_clause = bool(clause) and (
        nested is not None or any(c.dep_ == "ccomp" for c in cue.children)
    )
    if not clause:
        clause = trailing_content(cue, speaker, sentence, words)
    if clause_only and not has_clause:
        return None
    if quote is not None and clause:
        if before is not None and after is not None and quotes_clause(after, clause):
            quote = before  # `"A," he added, "B."`: one quotation split by the cue
        elif not quotes_clause(quote, clause):
            quote = None  # the cue's own clause, with at most a phrase quoted inside it
    if lemma in words.weak_reporting_verbs and not (
        has_clause or before or after or framed or weak_content(cue, words)
    ):
        return None
    if quote is not None:
        content = strip_quote(quote, ctx.text)
        direct = True
    else:
        if not clause:
            clause = object_content(cue, speaker, words)
        clause = trim(clause, words)
        if not substantial(clause):
            return None
        if is_wh_question(clause, words) and lemma not in words.question_verbs and not has_clause:
            return None
        span = (clause[0].idx, end(clause[-1]))
        clipped = in_paragraph(through_semicolon(span, sentence, ctx.text), cue, ctx.text)
        if clipped is None:
            return None
        content = clipped
        direct = False
    extra: tuple[int, int] | None = None
    if direct and quote is before and after is not None:
        extra = strip_quote(after, ctx.text)  # `"A," X said, "B."`
    elif direct:
        extra = continuation(cue, sentence, content, ctx.quotes, ctx.text)
    return Found(
        cue=cue,
        cue_text=cue.text,
        speaker=speaker,
        content=content,
        direct=direct,
        via=via,
        denial=lemma in words.denial_verbs,
        hedging_cue=lemma in words.hedging_verbs,
        extra=extra,
    )


def _framed_by_statement(cue: Token, words: AttributionWords) -> bool:
    """'In a statement, X called ...': the frame makes any verb with an object a cue."""
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in words.frame_prepositions:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in words.frame_nouns:
                    return True
    return False


# --------------------------------------------------------------------------- statement nouns


def _statement_noun(token: Token, ctx: Context) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in ctx.words.statement_nouns


def noun_claim(noun: Token, sentence: Span, ctx: Context) -> Found | None:
    """'X's claim that ...', 'a statement by X saying ...', 'X's warning: "..."'."""
    words = ctx.words
    lemma = noun.lemma_.lower()
    speaker_head = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker_head is None:
        for prep in (
            c for c in noun.children if c.dep_ == "prep" and c.lower_ in words.speaker_prepositions
        ):
            speaker_head = next((c for c in prep.children if c.dep_ == "pobj"), None)
    unattributed = speaker_head is None and lemma in words.unattributed_nouns
    if not unattributed and (
        speaker_head is None or speaker_head.lower_ in words.relative_pronouns
    ):
        return None
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "ccomp", "appos"}
            and c.i > noun.i
            and any(g.dep_ == "mark" and g.lower_ in words.statement_marks for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    tokens = trim(list(clause.subtree), words)
    if not tokens:
        return None
    return Found(
        cue=noun,
        cue_text=noun.text,
        # "numerous allegations that ...": no speaker is named; the phrase stands for one
        speaker=(
            [*(t for t in noun.lefts if not t.is_punct), noun]
            if speaker_head is None
            else speaker_tokens(speaker_head)
        ),
        content=(tokens[0].idx, end(tokens[-1])),
        direct=False,
        denial=lemma in words.denial_nouns,
        hedging_cue=lemma in words.hedging_nouns,
    )


# --------------------------------------------------------------------------- mistagged verbs


def _mistagged_verb(token: Token, ctx: Context) -> bool:
    return token.tag_ == "NNS" and token.lemma_.lower() in ctx.words.reporting_verbs


def mistagged_cue(token: Token, sentence: Span, ctx: Context) -> Found | None:
    """'Smith questions whether ...': a reporting verb the tagger read as a plural noun,
    between a name and a complement clause."""
    words = ctx.words
    doc = token.doc
    if token.i == sentence.start or token.i + 1 >= sentence.end:
        return None
    name, mark = doc[token.i - 1], doc[token.i + 1]
    marks = words.statement_marks | words.question_marks | words.conditional_marks
    if name.pos_ != "PROPN" or mark.lower_ not in marks:
        return None
    start = name.i
    while start > sentence.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    content = trim([t for t in sentence if t.i > token.i], words)
    if not content:
        return None
    return Found(
        cue=token,
        cue_text=token.text,
        speaker=list(doc[start : name.i + 1]),
        content=(content[0].idx, end(content[-1])),
        direct=False,
        hedging_cue=token.lemma_.lower() in words.hedging_verbs,
    )


# The order matters where two forms fit one token: a line speaker's name may be tagged a verb,
# "according" and "made" (of "made clear") are verbs.
CUE_FORMS: tuple[CueForm, ...] = (
    CueForm("line speaker", _opens_line, line_claim),
    CueForm("according to", _opens_source_phrase, according_to),
    CueForm("idiom", _idiom_verb, idiom_claim),
    CueForm("reporting verb", _is_verb, verb_claim),
    CueForm("statement noun", _statement_noun, noun_claim),
    CueForm("mistagged verb", _mistagged_verb, mistagged_cue),
)


# --------------------------------------------------------------------------- signed quotes


def dash_attributions(
    doc: Doc,
    text: str,
    sentences: list[Span],
    quotes: list[Quote],
    taken: set[tuple[int, int]],
) -> list[tuple[int, Found]]:
    """`"..." ― Name`: a quotation signed on its own line or after a dash."""
    found = []
    for quote in quotes:
        if (quote.start, quote.end) in taken:
            continue
        after = _DASH_SPEAKER.match(text, quote.end + 1)
        if after is None:
            continue
        dash = doc.char_span(after.start(), after.end(), alignment_mode="expand")
        first = doc.char_span(after.end(), after.end() + 1, alignment_mode="expand")
        if dash is None or first is None:
            continue
        speaker = []
        for token in doc[first.start :]:
            if token.is_space or token.text in {",", "(", "\n"} or "\n" in token.text:
                break
            if not (token.is_title or token.pos_ == "PROPN" or token.text == "."):
                break
            speaker.append(token)
        if speaker:
            cue = dash[-1] if dash[-1].i < speaker[0].i else dash[0]
            item = Found(
                cue=cue,
                cue_text=text[after.start() : after.end()].strip(),
                speaker=speaker,
                content=(quote.start, quote.end),
                direct=True,
            )
            index = bisect_right([sent.start for sent in sentences], cue.i) - 1
            item.sentence = sentences[index]
            found.append((index, item))
    return found

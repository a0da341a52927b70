"""Claims in one document: who said what, quoted or paraphrased.

Forms handled, all from general English syntax and punctuation:

- a reporting verb with a subject and a clause, object or quote: "X said ...", "X reports
  that ...", "X dismissed ...", "X urged ... to ...", "X questions whether ...";
- inverted and quote-first forms: `"...," X said`, `"...," said one well-placed source`,
  `X said: "..."` (the quote may run over several sentences, continue after the cue in a
  second quote, or open in the next paragraph);
- participles and coordination that borrow the subject: "..., adding that ...", "and warned";
- "according to X", noun cues ("X's claim that ...", "a statement by X that ...") and
  verbs framed by a statement ("In a statement, X called ...");
- transcript lines ("SMITH: ...");
- pronoun speakers ("he added") resolved to the previous compatible speaker or actor;
- nested attribution ("Outlet claimed officials as saying ...", "Outlet, citing officials,
  reported ..."): the original speaker is the speaker, the outlet is `via_actor`.

A negated reporting verb ("did not say how many", "declined to say whether") reports nothing
and is not a claim. Polarity comes from the content's main clause, flipped by denial cues;
hedging from hedge words and belief cues.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorTable
from graph.extract.events import EventTable
from graph.lang import get as _lexicon
from graph.model import ActorKind, DateValue, Document, LocalClaim, Polarity
from graph.temporal import DateMention

_EN = _lexicon("en")
DENIAL_VERBS = _EN.attribution.denial_verbs
HEDGE_WORDS = _EN.attribution.hedge_words
LIGHT_VERBS = _EN.events.light_verbs
NEGATION_WORDS = _EN.attribution.negation_words
ORG_HEAD_NOUNS = _EN.actors.org_head_nouns
REPORTING_VERBS = _EN.attribution.reporting_verbs
TITLE_WORDS = _EN.actors.title_words
WEAK_REPORTING_VERBS = _EN.attribution.weak_reporting_verbs

# Opening and closing marks must pair up; an opening mark inside stops the match, so an
# unclosed paragraph-continuation quote cannot swallow the text up to the next closing one.
_QUOTE = re.compile(r"“[^”“]{2,}”|''(?:[^'\n]|'(?!'))+''|\"[^\"\n]{2,}\"|‘[^’‘\n]{12,}’")
# Between a cue and the quote it opens: nothing, a comma or colon, or a short frame
# ("said in a statement:").
_OPENS_QUOTE = re.compile(r"\s*(?:[,:]|[^\n“\".!?]{0,40}[,:])?\s*")
# "SMITH: ..." (transcripts) and "Smith: ..." (headlines): a short capitalised name at the
# start of a line, a colon, then at least a few words.
_LINE_SPEAKER = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): +(\S[^\n]{10,})$", re.M)
# `"..." ― Name`: an attribution line under a quote.
_DASH_SPEAKER = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*(?=[A-Z])")
# Line labels that look like a speaker but are page furniture.
_LABELS = {
    "update", "updated", "note", "editor's note", "editor’s note", "watch", "photo", "photos",
    "video", "related", "read more", "correction", "clarification", "source", "sources",
    "credit", "caption", "warning", "breaking", "exclusive", "live", "see also", "listen",
}  # fmt: skip

_LEAD_MARKS = " \t\n“”\"'‘’([—–-"  # what may precede a quotation that opens a sentence
_CLAUSE_DEPS = {"ccomp", "xcomp"}
_DATE_PREPS = {"on", "in", "at", "during", "since", "by", "earlier", "last", "this"}
_OBJECT_DEPS = {"dobj", "attr", "oprd", "dative"}
_CONTENT_PREPS = {"about", "on", "that", "for", "of", "as"}
# Weak cues report with one of these ("called for talks", "described it as a failure").
_WEAK_CONTENT_PREPS = {"for", "on", "as"}
_RECIPIENT_CUES = {"tell", "inform", "assure", "reassure", "warn", "remind", "promise", "ask"}
_QUESTION_CUES = {"question", "ask", "wonder", "doubt", "query"}
_REFUSALS = {"decline", "refuse", "fail", "neglect"}
_HEDGING_CUES = {"believe", "suggest", "estimate", "claim", "allege", "speculate", "think"}
# Evidence verbs report a finding only with a clause ("a poll shows that ..."); they stay out
# of the shared reporting lexicon because events use it to skip speech verbs ("found bodies").
_CLAUSE_ONLY_CUES = {"show", "find", "agree", "conclude", "learn", "acknowledge", "indicate"}
# Nouns that carry a statement: "X's claim that ...", "in a statement, X ...".
_STATEMENT_NOUNS = {
    "claim", "statement", "assertion", "allegation", "argument", "warning", "belief",
    "suggestion", "insistence", "promise", "pledge", "denial", "remark", "comment",
    "contention", "accusation", "charge", "prediction", "estimate", "view", "position",
    "interview", "tweet", "post", "letter", "speech", "op-ed", "memo", "release", "email",
    "message", "testimony", "announcement", "remarks", "comments", "statements", "report",
}  # fmt: skip
_FRAME_NOUNS = {
    "statement", "interview", "tweet", "post", "letter", "speech", "op-ed", "memo", "release",
    "email", "message", "testimony", "announcement", "remarks", "comments", "address",
    "briefing", "conference", "video", "appearance",
}  # fmt: skip
_RELAY_CUES = {"cite", "quote"}
# "made clear that", "let slip that", "made it known that": idioms that report a statement.
_IDIOM_VERBS = {"make", "let"}
_IDIOM_WORDS = {"clear", "slip", "known", "plain", "public"}
# Nouns for someone speaking on an organisation's behalf (besides the title lexicon).
_ROLE_NOUNS = {"representative", "source", "sources", "member", "members", "officials"}
_RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
_THING_PRONOUNS = {"it"}
_GROUP_PRONOUNS = {"they", "we"}
_PRONOUNS = _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS
# Subjects that name nobody in particular: "Who would have believed", "if you think".
_NOT_SPEAKERS = {
    "that", "which", "this", "there", "what", "who", "whoever", "anyone", "anybody",
    "everyone", "everybody", "nobody", "someone", "somebody", "you", "one",
}  # fmt: skip
_WH_WORDS = {"how", "what", "whether", "why", "when", "who", "which", "where", "if"}
_MAX_SPEAKER_WORDS = 12
_SPEAKER_MEMORY = 4  # sentences a previous speaker stays available to "he said"


@dataclass(frozen=True)
class _Quote:
    start: int  # character offsets of the text inside the quote marks
    end: int


@dataclass
class _Found:
    """One attribution before it becomes a `LocalClaim`."""

    cue: Token
    cue_text: str
    speaker: list[Token]
    content: tuple[int, int]
    direct: bool
    via: int | None = None
    denial: bool = False
    hedging_cue: bool = False
    extra: tuple[int, int] | None = None  # a continuation quote after the cue
    sentence: Span | None = None  # the cue's sentence (Token.sent walks the whole document)
    span_start: int | None = None  # where the attribution starts, if before the sentence


@dataclass
class _Context:
    text: str  # Doc.text joins every token on each access: read it once
    document: Document
    actors: ActorTable
    events: EventTable
    dates: list[DateMention]
    quotes: list[_Quote]
    last_speaker: int | None = None
    last_speaker_at: int = -1  # token index of the last resolved speaker's cue
    last_speaker_sentence: int = -1
    sentence_index: int = 0
    pronoun_of: dict[int, str] = field(default_factory=dict)  # actor -> "he"/"she" seen


def find_claims(
    doc: Doc,
    document: Document,
    actors: ActorTable,
    events: EventTable,
    dates: list[DateMention],
) -> list[LocalClaim]:
    """Attributed statements of a parsed document, in text order."""
    text = doc.text
    quotes = [_quote(m) for m in _QUOTE.finditer(text)]
    ctx = _Context(text, document, actors, events, dates, quotes)
    lines = _line_speakers(doc, text, actors)
    sentences = list(doc.sents)
    found: list[tuple[int, _Found]] = []
    for index, sentence in enumerate(sentences):
        found += [(index, item) for item in _sentence_claims(sentence, ctx, lines)]
    taken = {item.content for _, item in found}
    found += _dash_attributions(doc, text, sentences, quotes, taken)
    found.sort(key=lambda pair: (pair[0], pair[1].cue.i))
    kept = _drop_nested(found, actors)
    _check_continuations([item for _, item in kept])
    kept = _follow_ups(kept, sentences, quotes, text)
    claims: list[LocalClaim] = []
    for index, item in kept:
        ctx.sentence_index = index
        claim = _to_claim(item, ctx)
        claims.append(claim)
        if claim.speaker_actor is not None:
            ctx.last_speaker = claim.speaker_actor
            ctx.last_speaker_at = item.cue.i
            ctx.last_speaker_sentence = index
    return claims


def _follow_ups(
    kept: list[tuple[int, _Found]], sentences: list[Span], quotes: list[_Quote], text: str
) -> list[tuple[int, _Found]]:
    """'Smith said the army was ready. "We have trained for months."': a quotation standing
    alone right after a claim is the same speaker going on."""
    starts = [sentence.start_char for sentence in sentences]
    taken = [(item.content, item.extra) for _, item in kept]
    by_sentence = {index: item for index, item in kept}
    cued = {index for index, _ in kept}
    added: list[tuple[int, _Found]] = []
    for quote in quotes:
        first = bisect_right(starts, quote.start - 1) - 1
        last = bisect_right(starts, quote.end) - 1
        if (
            first in cued
            or first < 1
            or any(
                _overlaps((quote.start, quote.end), span) for pair in taken for span in pair if span
            )
        ):
            continue
        opening = sentences[first]
        lead = text[opening.start_char : quote.start - 1]
        stop = text.find("\n", quote.end + 1, sentences[last].end_char)
        tail = text[quote.end + 1 : stop if stop >= 0 else sentences[last].end_char]
        previous = by_sentence.get(first - 1)
        if lead.strip(_LEAD_MARKS) or any(c.isalnum() for c in tail) or previous is None:
            continue
        item = _Found(
            cue=previous.cue,
            cue_text=previous.cue_text,
            speaker=previous.speaker,
            content=_strip_quote(quote, text),
            direct=True,
            via=previous.via,
            sentence=opening,
            span_start=(previous.sentence or opening).start_char,
        )
        added.append((first, item))
        by_sentence[last] = item
    return sorted(kept + added, key=lambda pair: (pair[0], pair[1].content[0]))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quote(match: re.Match[str]) -> _Quote:
    mark = 2 if match.group().startswith("''") else 1
    return _Quote(match.start() + mark, match.end() - mark)


def _sentence_claims(
    sentence: Span, ctx: _Context, lines: dict[int, tuple[int, int]]
) -> list[_Found]:
    found: list[_Found] = []
    for token in sentence:
        item: _Found | None = None
        if token.i in lines:
            item = _line_claim(token, lines[token.i], ctx.text)
        elif token.lower_ == "according" and token.i + 1 < len(token.doc):
            if token.nbor(1).lower_ == "to":
                item = _according_to(token, sentence)
        elif token.pos_ == "VERB" and token.lemma_.lower() in _IDIOM_VERBS:
            item = _idiom_claim(token, sentence)
        elif token.pos_ == "VERB":
            item = _verb_claim(token, sentence, ctx)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in _STATEMENT_NOUNS:
            item = _noun_claim(token)
        elif token.tag_ == "NNS" and token.lemma_.lower() in REPORTING_VERBS:
            item = _mistagged_cue(token, sentence)
        if item is not None:
            item.sentence = sentence
            found.append(item)
    return found


def _drop_nested(found: list[tuple[int, _Found]], actors: ActorTable) -> list[tuple[int, _Found]]:
    """Cues inside another claim's content. Inside a quotation, or by the same speaker (or
    by "I", "he", no one), they are part of that statement ("I think ..."): only the outer
    claim stays. Otherwise the outer speaker relays the inner one ("the source said Smith
    told police that ..."), which keeps its own speaker and gets the relay as `via`."""
    kept = []
    for index, item in found:
        outer = next((o for _, o in found if o is not item and _contains(o, item.cue.idx)), None)
        if outer is None:
            kept.append((index, item))
        elif not (outer.direct or not item.speaker or _same_speaker(outer, item)):
            if item.via is None:
                item.via = actors.actor_in(outer.speaker)
            kept.append((index, item))
    return kept


def _contains(item: _Found, char: int) -> bool:
    if item.content[0] <= char < item.content[1]:
        return True
    return item.extra is not None and item.extra[0] <= char < item.extra[1]


def _check_continuations(items: list[_Found]) -> None:
    """A quote after `"A," he said.` continues A only when no other cue claims it."""
    for item in items:
        if item.extra is None:
            continue
        start, end = item.extra
        if any(o is not item and o.content[0] < end and start < o.content[1] for o in items):
            item.extra = None


def _same_speaker(a: _Found, b: _Found) -> bool:
    if not a.speaker or not b.speaker:
        return False
    text_a = " ".join(t.lower_ for t in a.speaker)
    text_b = " ".join(t.lower_ for t in b.speaker)
    return text_a == text_b or (len(b.speaker) == 1 and b.speaker[0].lower_ in _PRONOUNS)


# --------------------------------------------------------------------------- cue forms


def _verb_claim(cue: Token, sentence: Span, ctx: _Context) -> _Found | None:
    lemma = cue.lemma_.lower()
    framed = lemma not in LIGHT_VERBS and _framed_by_statement(cue)
    clause_only = lemma in _CLAUSE_ONLY_CUES and lemma not in REPORTING_VERBS
    if lemma not in REPORTING_VERBS and not clause_only and not framed:
        return None
    if _cue_negated(cue) and lemma not in DENIAL_VERBS:
        return None  # "did not say how many", "declined to say whether": nothing was said
    before, after = _quotes_around(cue, sentence, ctx.quotes, ctx.text)
    quote = before or after
    subject = _subject(cue)
    if subject is not None:
        speaker = _speaker_tokens(subject)
    elif quote is not None and quote.end < cue.idx and not _passive(cue):
        # `"...," X said, adding ...`: a participle shares the inverted speaker of its verb
        anchor = cue
        while anchor.dep_ in {"advcl", "conj", "xcomp"} and anchor.head.i < anchor.i:
            anchor = anchor.head
        speaker = _inverted_speaker(anchor, sentence, quote)
    else:
        return None
    speaker = _after_break(speaker, cue) if speaker else []
    if not speaker:
        return None
    via: int | None = None
    nested = _nested_speaker(cue)
    clause: list[Token]
    if nested is not None:
        via = ctx.actors.actor_in(speaker)
        speaker = _speaker_tokens(nested[0])
        clause = list(nested[1].subtree)
    else:
        clause = _one_side(_clause_content(cue, speaker), cue, before, after)
        clause = _without_participles(clause)
        cited = _cited_source(cue, clause)
        if cited is not None:
            citing = cited.head
            relay = {t.i for t in citing.subtree}
            clause = [t for t in clause if t.i not in relay] or [
                t for c in citing.children if c.dep_ == "ccomp" for t in c.subtree
            ]
        elif lemma in _RELAY_CUES and _relayed_by(cue) is not None:
            return None  # "Outlet reported, citing officials, that ...": the outer cue's claim
        elif lemma in _RELAY_CUES and clause:
            # "Outlet reported, citing officials, that ...", the clause hung on "citing"
            cited = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if cited is not None:
            via = ctx.actors.actor_in(speaker)
            speaker = _speaker_tokens(cited)
    # a reported clause of the cue's own, not an infinitive ("added to the pile") nor the
    # sentence around a parenthetical cue, which only strong cues or quotes can claim
    has_clause = bool(clause) and (
        nested is not None or any(c.dep_ == "ccomp" for c in cue.children)
    )
    if not clause:
        clause = _trailing_content(cue, speaker, sentence)
    if clause_only and not has_clause:
        return None
    if quote is not None and clause:
        if before is not None and after is not None and _quotes_clause(after, clause):
            quote = before  # `"A," he added, "B."`: one quotation split by the cue
        elif not _quotes_clause(quote, clause):
            quote = None  # the cue's own clause, with at most a phrase quoted inside it
    if lemma in WEAK_REPORTING_VERBS and not (
        has_clause or before or after or framed or _weak_content(cue)
    ):
        return None
    if quote is not None:
        content = _strip_quote(quote, ctx.text)
        direct = True
    else:
        if not clause:
            clause = _object_content(cue, speaker)
        clause = _trim(clause)
        if not _substantial(clause):
            return None
        if _is_wh_question(clause) and lemma not in _QUESTION_CUES and not has_clause:
            return None
        span = (clause[0].idx, _end(clause[-1]))
        clipped = _in_paragraph(_through_semicolon(span, sentence, ctx.text), cue, ctx.text)
        if clipped is None:
            return None
        content = clipped
        direct = False
    extra: tuple[int, int] | None = None
    if direct and quote is before and after is not None:
        extra = _strip_quote(after, ctx.text)  # `"A," X said, "B."`
    elif direct:
        extra = _continuation(cue, sentence, content, ctx.quotes, ctx.text)
    return _Found(
        cue=cue,
        cue_text=cue.text,
        speaker=speaker,
        content=content,
        direct=direct,
        via=via,
        denial=lemma in DENIAL_VERBS,
        hedging_cue=lemma in _HEDGING_CUES,
        extra=extra,
    )


def _strip_quote(quote: _Quote, text: str) -> tuple[int, int]:
    """The quotation without the comma or colon that hands it to the cue."""
    end = quote.end
    while end > quote.start + 1 and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return quote.start, end


def _without_participles(clause: list[Token]) -> list[Token]:
    """'said he doubted it, arguing that ...': the participle is a claim of its own."""
    cut: set[int] = set()
    for token in clause:
        if (
            token.tag_ == "VBG"
            and token.dep_ in {"advcl", "conj", "xcomp"}
            and token.lemma_.lower() in REPORTING_VERBS - _RELAY_CUES
            and token.i > 0
            and token.doc[token.i - 1].text == ","
        ):
            cut.update(t.i for t in token.subtree)
            cut.add(token.i - 1)
    return [t for t in clause if t.i not in cut] if cut else clause


def _in_paragraph(content: tuple[int, int], cue: Token, text: str) -> tuple[int, int] | None:
    """Reported speech stays in the cue's paragraph: the parser sometimes runs a sentence
    over a paragraph break, and a quotation mark is what carries speech across one."""
    start = text.rfind("\n", 0, cue.idx) + 1
    end = text.find("\n", cue.idx)
    end = len(text) if end < 0 else end
    lo, hi = max(content[0], start), min(content[1], end)
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:—–-"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:—–-"):
        hi -= 1
    return (lo, hi) if hi > lo else None


def _one_side(
    clause: list[Token], cue: Token, before: _Quote | None, after: _Quote | None
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


def _after_break(speaker: list[Token], cue: Token) -> list[Token]:
    """A line break between the speaker and the cue ('Fresh concerns\n\nRussia says'): the
    parser ran a heading into the sentence; the speaker is what follows the break."""
    doc = cue.doc
    lo, hi = min(speaker[0].i, cue.i), max(speaker[-1].i, cue.i)
    breaks = [t.i for t in doc[lo:hi] if t.is_space and "\n" in t.text]
    if not breaks or cue.i < breaks[-1]:
        return speaker
    words = [t for t in doc[breaks[-1] + 1 : cue.i] if not (t.is_punct or t.is_space)]
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return []
    return words


def _idiom_claim(cue: Token, sentence: Span) -> _Found | None:
    word = next((c for c in cue.children if c.lower_ in _IDIOM_WORDS), None)
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if word is None or subject is None or subject.lower_ in _NOT_SPEAKERS:
        return None
    clause = next(
        (
            t
            for t in cue.subtree
            if t.i > word.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)
        ),
        None,
    )
    if clause is None:
        return None
    content = _trim(list(clause.subtree))
    if not content:
        return None
    return _Found(
        cue=cue,
        cue_text=f"{cue.text} {word.text}",
        speaker=_speaker_tokens(subject),
        content=(content[0].idx, _end(content[-1])),
        direct=False,
    )


def _mistagged_cue(token: Token, sentence: Span) -> _Found | None:
    """'Smith questions whether ...': a reporting verb the tagger read as a plural noun,
    between a name and a complement clause."""
    doc = token.doc
    if token.i == sentence.start or token.i + 1 >= sentence.end:
        return None
    name, mark = doc[token.i - 1], doc[token.i + 1]
    if name.pos_ != "PROPN" or mark.lower_ not in {"that", "whether", "if"}:
        return None
    start = name.i
    while start > sentence.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    content = _trim([t for t in sentence if t.i > token.i])
    if not content:
        return None
    return _Found(
        cue=token,
        cue_text=token.text,
        speaker=list(doc[start : name.i + 1]),
        content=(content[0].idx, _end(content[-1])),
        direct=False,
        hedging_cue=token.lemma_.lower() in _HEDGING_CUES,
    )


def _passive(cue: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in cue.children)


def _inverted_speaker(cue: Token, sentence: Span, quote: _Quote) -> list[Token]:
    """`"...," deputy head X said` / `"...," explained one source` when the parser missed the
    subject: the words between the quote and the cue, or the noun right after the cue."""
    between = [
        t for t in sentence if t.idx > quote.end and t.i < cue.i and not (t.is_punct or t.is_space)
    ]
    if any(t.pos_ in {"VERB", "AUX"} for t in between):
        return []
    if between:
        return list(sentence.doc[between[0].i : between[-1].i + 1])[-2 * _MAX_SPEAKER_WORDS :]
    after = next(
        (
            c
            for c in cue.children
            if c.i > cue.i
            and c.dep_ in {"dobj", "attr", "npadvmod", "dative", "nsubj"}
            and c.pos_ in {"NOUN", "PROPN"}
        ),
        None,
    )
    return _speaker_tokens(after) if after is not None else []


def _trailing_content(cue: Token, speaker: list[Token], sentence: Span) -> list[Token]:
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
    return [] if _has_own_attribution(content) else content


def _has_own_attribution(tokens: list[Token]) -> bool:
    """'..., White House spokesman Josh Earnest said Monday, calling ...': the words around
    a cue hold another speaker's reporting verb, so they are not this cue's content."""
    return any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in REPORTING_VERBS
        and any(c.dep_ == "nsubj" for c in t.children)
        for t in tokens
    )


def _substantial(tokens: list[Token]) -> bool:
    """Content worth a claim: more than a lone pronoun, adverb or date ('it', 'In July')."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or all(t.ent_type_ in {"DATE", "TIME"} or t.pos_ == "ADP" for t in words):
        return False
    return len(words) > 1 or words[0].pos_ in {"NOUN", "PROPN"}


def _quotes_clause(quote: _Quote, clause: list[Token]) -> bool:
    """The quotation is the content: it holds most of the cue's clause."""
    words = [t for t in clause if not t.is_punct]
    inside = sum(quote.start <= t.idx < quote.end for t in words)
    return bool(words) and inside >= 0.6 * len(words)


def _through_semicolon(content: tuple[int, int], sentence: Span, text: str) -> tuple[int, int]:
    """'... will focus on volunteers; no one will be forced ...': the statement goes on."""
    rest = text[content[1] : sentence.end_char]
    if not rest.lstrip().startswith(";"):
        return content
    end = sentence.end_char
    while end > content[1] and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    return content[0], end


def _according_to(token: Token, sentence: Span) -> _Found | None:
    to = token.nbor(1)
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    if not objects:
        return None
    speaker = _speaker_tokens(objects[0])
    phrase = {token.i, to.i} | {t.i for t in objects[0].subtree}
    # The content is the sentence on the longer side of the "according to X" phrase.
    before = _trim([t for t in sentence if t.i < token.i])
    after = _trim([t for t in sentence if t.i > max(phrase)])
    content = max(before, after, key=lambda side: sum(not t.is_punct for t in side))
    if not content:
        return None
    return _Found(
        cue=token,
        cue_text="according to",
        speaker=speaker,
        content=(content[0].idx, _end(content[-1])),
        direct=False,
    )


# Nouns that carry a statement even when no speaker is named ("official statements that ...").
_UNATTRIBUTED_NOUNS = frozenset({"allegation", "statement", "report", "claim", "assertion"})


def _noun_claim(noun: Token) -> _Found | None:
    """'X's claim that ...', 'a statement by X saying ...', 'X's warning: "..."'."""
    speaker_head = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker_head is None:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}):
            speaker_head = next((c for c in prep.children if c.dep_ == "pobj"), None)
    unattributed = speaker_head is None and noun.lemma_.lower() in _UNATTRIBUTED_NOUNS
    if not unattributed and (speaker_head is None or speaker_head.lower_ in _RELATIVE_PRONOUNS):
        return None
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "ccomp", "appos"}
            and c.i > noun.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    tokens = _trim(list(clause.subtree))
    if not tokens:
        return None
    return _Found(
        cue=noun,
        cue_text=noun.text,
        # "numerous allegations that ...": no speaker is named; the phrase stands for one
        speaker=(
            [*(t for t in noun.lefts if not t.is_punct), noun]
            if speaker_head is None
            else _speaker_tokens(speaker_head)
        ),
        content=(tokens[0].idx, _end(tokens[-1])),
        direct=False,
        denial=noun.lemma_.lower() == "denial",
        hedging_cue=noun.lemma_.lower() in {"claim", "allegation", "belief", "estimate"},
    )


def _line_speakers(doc: Doc, text: str, actors: ActorTable) -> dict[int, tuple[int, int]]:
    """'SMITH: Well, look ...' or 'Smith: No Need for a Draft': first token of the name ->
    (name end, line end). A capitalised name must be a person; labels ('UPDATE:') are not."""
    found: dict[int, tuple[int, int]] = {}
    for match in _LINE_SPEAKER.finditer(text):
        name = match.group(1)
        if name.lower() in _LABELS or len(match.group(2).split()) < 3:
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


def _line_claim(token: Token, bounds: tuple[int, int], text: str) -> _Found | None:
    doc = token.doc
    name_end, line_end = bounds
    speaker = [t for t in doc[token.i :] if t.idx < name_end]
    colon = doc[speaker[-1].i + 1] if speaker[-1].i + 1 < len(doc) else None
    if colon is None or colon.text != ":":
        return None
    content_start = _end(colon)
    while content_start < line_end and text[content_start].isspace():
        content_start += 1
    return _Found(
        cue=colon,
        cue_text=":",
        speaker=speaker,
        content=(content_start, line_end),
        direct=True,
    )


def _dash_attributions(
    doc: Doc,
    text: str,
    sentences: list[Span],
    quotes: list[_Quote],
    taken: set[tuple[int, int]],
) -> list[tuple[int, _Found]]:
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
            item = _Found(
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


# --------------------------------------------------------------------------- syntax helpers


def _cue_negated(cue: Token) -> bool:
    # "did not say", "has never said"; a "not" further back belongs to a quote the parser
    # hung on the cue ('"Probably not," she said')
    if any(
        (c.dep_ == "neg" or c.lower_ == "never") and cue.i - 4 < c.i < cue.i for c in cue.children
    ):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and (
        head.lemma_.lower() in _REFUSALS or any(c.dep_ == "neg" for c in head.children)
    )


def _subject(cue: Token) -> Token | None:
    """The speaker's head token: the cue's subject, or one it borrows from its governor."""
    token = cue
    if cue.tag_ == "VBG" and cue.i > 0 and not any(c.dep_ == "nsubj" for c in cue.children):
        before = cue.doc[cue.i - 1]
        if before.pos_ in {"NOUN", "PROPN"} and before.head.i != cue.i:
            return before  # "with the ministry saying it would ..."
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None and token.i == cue.i:
            # "Smith questions whether ...": the tagger took the name for a modifier
            subject = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in {"compound", "npadvmod"} and c.i == cue.i - 1 and c.pos_ == "PROPN"
                ),
                None,
            )
        if subject is None and _quoted_passive(token):
            subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return subject  # "the official, who said ...": resolved through the noun
            if subject.lower_ in _NOT_SPEAKERS:
                return None
            return subject
        if any(c.dep_ == "nsubjpass" for c in token.children):
            return None  # "it was reported that ...": no speaker stated
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head  # "a statement saying ...", "officials speaking on condition ..."
        if token.dep_ not in {"conj", "xcomp", "advcl", "pcomp"} or token.head.i == token.i:
            return None
        token = token.head
    return None


def _quoted_passive(token: Token) -> bool:
    """'X was quoted as saying' / 'X is said to have ...' keep X as the speaker."""
    return token.lemma_.lower() == "quote" and any(c.lower_ == "as" for c in token.children)


def _speaker_tokens(head: Token) -> list[Token]:
    """The speaker phrase: the subject without appositions, relative clauses or a line break
    before it ("12:15 p.m.\n\nTrump says" is Trump)."""
    cut: set[int] = set()
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "appos"} and child.i > head.i:
            cut.update(t.i for t in child.subtree)
    words: list[Token] = []
    for token in head.subtree:
        if token.i in cut or (token.i > head.i and token.text in {",", "(", "—", "–", ";"}):
            if token.i > head.i:
                break
            continue
        if token.is_space or (token.i < head.i and token.text == ":"):
            if token.i < head.i:
                words = []  # a break or a headline colon before the head starts the phrase
            continue
        words.append(token)
    while words and (words[-1].is_punct or words[-1].dep_ == "case"):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    if len(words) > _MAX_SPEAKER_WORDS:
        at = next((n for n, t in enumerate(words) if t.i == head.i), len(words) - 1)
        words = words[max(0, at + 1 - _MAX_SPEAKER_WORDS) : at + 1]
    return words


def _weak_content(cue: Token) -> bool:
    """'called the plan a failure', 'called for talks', 'described it as a failure'."""
    return any(
        c.dep_ == "oprd"
        or (
            c.dep_ == "prep"
            and c.lower_ in _WEAK_CONTENT_PREPS
            and (c.i == cue.i + 1 or c.lower_ == "as")
            and not _dated(c)
        )
        for c in cue.children
    )


def _dated(token: Token) -> bool:
    return any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree)


def _framed_by_statement(cue: Token) -> bool:
    """'In a statement, X called ...': the frame makes any verb with an object a cue."""
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "during", "on"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _FRAME_NOUNS:
                    return True
    return False


def _clause_content(cue: Token, speaker: list[Token]) -> list[Token]:
    """The reported clause: ccomp/xcomp, with a recipient or object before it when needed."""
    lemma = cue.lemma_.lower()
    skip = {t.i for t in speaker}
    clauses = [
        c
        for c in cue.children
        if c.i not in skip
        and (
            c.dep_ in _CLAUSE_DEPS
            # "questions whether ...", parsed as an adverbial clause
            or (c.dep_ == "advcl" and any(m.lower_ in {"whether", "that"} for m in c.children))
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
                return [] if _has_own_attribution(side) else side
        return []
    tokens: list[Token] = []
    for clause in clauses:
        tokens += list(clause.subtree)
    if lemma not in _RECIPIENT_CUES and any(c.dep_ == "xcomp" for c in clauses):
        # "urged supporters to vote": the object is part of what was urged
        for child in cue.children:
            if child.dep_ in {"dobj"} and child.i not in skip:
                tokens += list(child.subtree)
    return sorted((t for t in tokens if t.i not in skip), key=lambda t: t.i)


def _object_content(cue: Token, speaker: list[Token]) -> list[Token]:
    """'dismissed reports of a second wave': the object (or 'about ...') is the content."""
    skip = {t.i for t in speaker}
    tokens: list[Token] = []
    for child in cue.children:
        if child.i in skip:
            continue
        if (
            child.dep_ in _OBJECT_DEPS
            and cue.lemma_.lower() not in _RECIPIENT_CUES
            or (
                child.dep_ == "prep"
                and child.lower_ in _CONTENT_PREPS
                and child.i > cue.i
                and not _dated(child)
            )
        ):
            tokens += list(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def _nested_speaker(cue: Token) -> tuple[Token, Token] | None:
    """'claimed officials as saying that ...' -> (officials, the clause they are quoted on)."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for prep in (c for c in cue.children if c.lower_ == "as"):
        for saying in prep.children:
            if saying.lemma_.lower() in REPORTING_VERBS:
                content = next((c for c in saying.children if c.dep_ in _CLAUSE_DEPS), None)
                if content is not None:
                    return obj, content
    return None


def _cited_source(cue: Token, clause: list[Token]) -> Token | None:
    """'Outlet reported, citing officials, that ...' -> officials (the parser may hang
    "citing" on the cue or inside the reported clause)."""
    for token in [*cue.children, *clause]:
        if token.dep_ == "advcl" and token.lemma_.lower() in _RELAY_CUES:
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def _relayed_by(cue: Token) -> Token | None:
    """The reporting verb a "citing ..." participle belongs to, directly or via its clause."""
    head = cue.head
    for candidate in (head, head.head):
        reporting = candidate.i != cue.i and candidate.lemma_.lower() in REPORTING_VERBS
        if reporting and (candidate is head or head.dep_ in _CLAUSE_DEPS):
            return candidate
    return None


def _quotes_around(
    cue: Token, sentence: Span, quotes: list[_Quote], text: str
) -> tuple[_Quote | None, _Quote | None]:
    """The quotation this cue closes (`"...," X said`) and the one it opens (`X said: "..."`,
    `"...," X said, "..."`)."""
    before: _Quote | None = None
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
                and (not lead.strip(_LEAD_MARKS) or lead.rstrip(_LEAD_MARKS).endswith(":"))
            ):
                before = quote
        elif quote.start > _end(cue):
            between = text[_end(cue) : quote.start - 1]
            opens = len(between) <= 60 and _OPENS_QUOTE.fullmatch(between)
            # across a line break only after a colon: `said:\n\n"..."`
            if opens and ("\n" not in between or between.rstrip().endswith(":")):
                return before, quote
            break
    return before, None


def _continuation(
    cue: Token, sentence: Span, content: tuple[int, int], quotes: list[_Quote], text: str
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


def _touches(tokens: list[Token], quote: _Quote) -> bool:
    return any(quote.start <= t.idx < quote.end for t in tokens if not t.is_punct)


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"that", "and", "but"}):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct
        and tokens[-1].text not in {"”", '"', ")", "’"}
        or tokens[-1].lower_ in {"and", "but"}
    ):
        tokens = tokens[:-1]
    return tokens


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _is_wh_question(tokens: list[Token]) -> bool:
    return tokens[0].lower_ in _WH_WORDS


# --------------------------------------------------------------------------- the claim


def _to_claim(item: _Found, ctx: _Context) -> LocalClaim:
    doc = item.cue.doc
    document = ctx.document
    c_start, c_end = item.content
    text = ctx.text[c_start:c_end]
    # A continuation quote joins the text; content_span stays on the first quote so that
    # the span never covers the cue and speaker between the two.
    if item.extra is not None:
        text = f"{text} {ctx.text[item.extra[0] : item.extra[1]]}"
        c_end = item.extra[1]
    sentence = item.sentence if item.sentence is not None else item.cue.sent
    speaker_actor = _speaker_actor(item.speaker, ctx)
    speaker_text = ctx.text[item.speaker[0].idx : _end(item.speaker[-1])] if item.speaker else None
    negated = _negated(doc, c_start, c_end)
    return LocalClaim(
        text=text,
        direct=item.direct,
        speaker=speaker_text,
        speaker_actor=speaker_actor,
        via_actor=item.via if item.via != speaker_actor else None,
        cue=item.cue_text,
        date=_statement_date(item.cue, sentence, ctx.dates, item.content),
        polarity=Polarity.NEGATIVE if item.denial != negated else Polarity.POSITIVE,
        hedged=item.hedging_cue or _hedged(doc, sentence, c_start, c_end),
        about_event=_about(ctx.events, doc, c_start, c_end, item.cue, sentence),
        span=document.span(
            min(sentence.start_char, c_start, item.span_start or c_start),
            max(sentence.end_char, c_end),
        ),
        content_span=document.span(*item.content),
        speaker_span=(
            document.span(item.speaker[0].idx, _end(item.speaker[-1])) if item.speaker else None
        ),
        cue_span=document.span(item.cue.idx, _end(item.cue)),
    )


def _speaker_actor(tokens: list[Token], ctx: _Context) -> int | None:
    if not tokens:
        return None
    actors = ctx.actors
    head = next((t for t in tokens if t.head.i == t.i or t.head not in tokens), tokens[-1])
    if len(tokens) == 1 and head.lower_ in _PRONOUNS:
        return _resolve_pronoun(head, ctx)
    if len(tokens) == 1 and head.lower_ in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return _speaker_actor(_speaker_tokens(head.head.head), ctx)
    # The head and what names it ("Defense Minister X", "the ministry's spokesman, X"), not
    # a possessor or a prepositional object: "Trump's doctor" is not Trump.
    named = [head] + [
        t
        for t in tokens
        if t.i != head.i and not any(a.dep_ in {"poss", "prep"} for a in _path(t, head))
    ]
    found = actors.actor_in(named)
    if found is None and (head.pos_ == "NOUN" or head.lower_ in TITLE_WORDS):
        found = _apposed_person(tokens, ctx)  # "the deputy chairman of X, Yury Y, said"
    if found is None and head.lower_ in TITLE_WORDS | _ROLE_NOUNS:
        # "a representative of the General Staff", "the ministry's spokesman": the role
        # speaks for the organisation it belongs to
        found = actors.actor_in(
            [
                t
                for t in tokens
                if t.i in actors.by_token
                and actors.actors[actors.by_token[t.i]].actor_type is not ActorKind.PERSON
            ]
        )
    if found is None and _definite(tokens, head) and head.lemma_.lower() in ORG_HEAD_NOUNS:
        found = _antecedent(head, ctx)  # "the ministry" after "the Defense Ministry"
    if found is None and all(t.pos_ == "PROPN" for t in tokens):
        found = _named(tokens, ctx)  # a surname the entity tagger missed
    return found


def _named(tokens: list[Token], ctx: _Context) -> int | None:
    words = [t.lower_ for t in tokens]
    matches = {
        index
        for index, actor in enumerate(ctx.actors.actors)
        for name in (actor.name, *actor.aliases)
        if name.lower().split()[-len(words) :] == words
    }
    return matches.pop() if len(matches) == 1 else None


def _apposed_person(tokens: list[Token], ctx: _Context) -> int | None:
    doc = tokens[0].doc
    at = tokens[-1].i + 1
    if at + 1 >= len(doc) or doc[at].text != ",":
        return None
    actor = ctx.actors.by_token.get(at + 1)
    if actor is None or ctx.actors.actors[actor].actor_type is not ActorKind.PERSON:
        return None
    return actor


def _definite(tokens: list[Token], head: Token) -> bool:
    return len(tokens) == 2 and tokens[0].lower_ == "the" and tokens[1].i == head.i


def _antecedent(head: Token, ctx: _Context) -> int | None:
    """The organisation whose name holds the noun: 'the ministry' -> Defense Ministry; the
    latest one named before, else the only one in the document."""
    word = head.lemma_.lower()
    actors = ctx.actors
    matching = [
        m
        for m in actors.mentions
        if actors.actors[m.actor].actor_type is ActorKind.ORGANIZATION
        and word in actors.actors[m.actor].name.lower().split()
    ]
    before = [m for m in matching if m.start < head.i]
    if before:
        return before[-1].actor
    return matching[0].actor if len({m.actor for m in matching}) == 1 else None


def _path(token: Token, head: Token) -> list[Token]:
    """Tokens from `token` up to (not including) `head`."""
    path = []
    while token.i != head.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _resolve_pronoun(pronoun: Token, ctx: _Context) -> int | None:
    """'he added': the previous speaker or the latest subject that fits, whichever is nearer.
    A person once called "she" is not "he" later on."""
    actors = ctx.actors
    word = {"him": "he", "her": "she"}.get(pronoun.lower_, pronoun.lower_)

    def fits(index: int) -> bool:
        kind = actors.actors[index].actor_type
        if word in _PERSON_PRONOUNS:
            return kind is ActorKind.PERSON and ctx.pronoun_of.get(index, word) == word
        if word in _THING_PRONOUNS:
            return kind is not ActorKind.PERSON
        return True

    doc = pronoun.doc
    candidates: list[tuple[int, int]] = []  # (token position, actor)
    recent = ctx.sentence_index - ctx.last_speaker_sentence <= _SPEAKER_MEMORY
    if ctx.last_speaker is not None and recent and fits(ctx.last_speaker):
        candidates.append((ctx.last_speaker_at, ctx.last_speaker))
    before = [m for m in actors.mentions if m.end <= pronoun.i and fits(m.actor)]
    subjects = [m for m in before if doc[m.end - 1].dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        candidates.append((subjects[-1].start, subjects[-1].actor))
    elif before and not candidates:
        candidates.append((before[-1].start, before[-1].actor))
    if not candidates:
        return None
    actor = max(candidates)[1]
    if word in {"he", "she"}:
        ctx.pronoun_of.setdefault(actor, word)
    return actor


def _negated(doc: Doc, start: int, end: int) -> bool:
    """True when the content's main clause is negated ('will not be sent', 'no need')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if t.head.i == t.i or not (start <= t.head.idx < end)]
    for root in roots[:3]:
        if root.dep_ == "neg":
            return True  # '"Probably not," she said': the parser hung the "not" on the cue
        for child in root.children:
            if child.dep_ == "neg" or child.lower_ in NEGATION_WORDS:
                return True
            if child.dep_ in {"nsubj", "nsubjpass", "attr", "dobj"} and any(
                g.lower_ in {"no", "none"} and g.dep_ == "det" for g in child.children
            ):
                return True
            if child.lower_ in {"nobody", "none", "nothing"} or (
                child.dep_ in {"nsubj", "nsubjpass"}
                and child.lower_ == "one"
                and any(g.lower_ == "no" for g in child.children)
            ):
                return True
    return False


def _hedged(doc: Doc, sentence: Span, start: int, end: int) -> bool:
    # Hedge verbs ("suggests") count inside the content only; adverbs and nouns anywhere
    # in the sentence ("reportedly", "allegations").
    tokens = list(sentence)
    if end > sentence.end_char or start < sentence.start_char:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens += list(span or [])
    return any(
        t.lower_ in HEDGE_WORDS and (t.pos_ != "VERB" or start <= t.idx < end) for t in tokens
    )


def _about(
    events: EventTable, doc: Doc, start: int, end: int, cue: Token, sentence: Span
) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    found = events.event_in(list(span)) if span is not None else None
    if found is not None:
        return found
    return events.event_in([t for t in sentence if t.i != cue.i])


def _statement_date(
    cue: Token, sentence: Span, dates: list[DateMention], content: tuple[int, int]
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
            head.dep_ == "prep" and head.lower_ in _DATE_PREPS and head.head.i == cue.i
        ):
            return date.value
    return None

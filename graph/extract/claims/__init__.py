"""Claims in one document: who said what, quoted or paraphrased.

Forms handled, all from general syntax and punctuation, with the words from the language's
`Lexicon` (`graph.lang`):

- a reporting verb with a subject and a clause, object or quote: "X said ...", "X reports
  that ...", "X dismissed ...", "X urged ... to ...", "X questions whether ...";
- inverted and quote-first forms: `"...," X said`, `"...," said one well-placed source`,
  `X said: "..."` (the quote may run over several sentences, continue after the cue in a
  second quote, or open in the next paragraph);
- participles and coordination that borrow the subject: "..., adding that ...", "and warned";
- "according to X", noun cues ("X's claim that ...", "a statement by X that ...") and
  verbs framed by a statement ("In a statement, X called ...");
- transcript lines ("SMITH: ...") and signed quotations (`"..." ― Name`);
- pronoun speakers ("he added") resolved to the previous compatible speaker or actor;
- nested attribution ("Outlet claimed officials as saying ...", "Outlet, citing officials,
  reported ..."): the original speaker is the speaker, the outlet is `via_actor`.

The package's modules: `cues` (the cue forms, tried in order on each token), `content` (what
was said), `speakers` (who said it), `stance` (polarity and hedging).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from graph.extract.actors import ActorTable
from graph.extract.claims.content import (
    LEAD_MARKS,
    about,
    find_quotes,
    statement_date,
    strip_quote,
)
from graph.extract.claims.context import Context, Found, Quote, end
from graph.extract.claims.cues import dash_attributions, line_speakers, sentence_claims
from graph.extract.claims.speakers import same_speaker, speaker_actor
from graph.extract.claims.stance import hedged, polarity
from graph.extract.events import EventTable
from graph.extract.nlp import sentences as sentences_of
from graph.extract.nlp import text_of
from graph.lang import Lexicon
from graph.lang import get as get_lexicon
from graph.lang.attribution import AttributionWords
from graph.model import Document, LocalClaim
from graph.temporal import DateMention

__all__ = ["find_claims"]


def find_claims(
    doc: Doc,
    document: Document,
    actors: ActorTable,
    events: EventTable,
    dates: list[DateMention],
    *,
    lexicon: Lexicon | None = None,
) -> list[LocalClaim]:
    """Attributed statements of a parsed document, in text order.

    Args:
        doc: the document parsed by spaCy.
        document: the document itself, for spans.
        actors: the document's actors, that speakers resolve to.
        events: the document's events, that claims are about.
        dates: the document's dates, that date statements.
        lexicon: the words of the document's language; None for `graph.lang.get()`.

    Example:
        >>> [c.text for c in find_claims(doc, document, actors, events, dates)]
        ['the army would grow']
    """
    text = text_of(doc)
    quotes = find_quotes(text)
    lexicon = get_lexicon() if lexicon is None else lexicon
    ctx = Context(text, document, actors, events, dates, quotes, lexicon)
    ctx.lines = line_speakers(doc, text, actors, ctx.words)
    sentences = sentences_of(doc)
    found: list[tuple[int, Found]] = []
    for index, sentence in enumerate(sentences):
        found += [(index, item) for item in sentence_claims(sentence, ctx)]
    taken = {item.content for _, item in found}
    found += dash_attributions(doc, text, sentences, quotes, taken)
    found.sort(key=lambda pair: (pair[0], pair[1].cue.i))
    kept = _drop_nested(found, actors, ctx.words)
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
    kept: list[tuple[int, Found]], sentences: list[Span], quotes: list[Quote], text: str
) -> list[tuple[int, Found]]:
    """'Smith said the army was ready. "We have trained for months."': a quotation standing
    alone right after a claim is the same speaker going on."""
    starts = [sentence.start_char for sentence in sentences]
    taken = [(item.content, item.extra) for _, item in kept]
    by_sentence = {index: item for index, item in kept}
    cued = {index for index, _ in kept}
    added: list[tuple[int, Found]] = []
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
        if lead.strip(LEAD_MARKS) or any(c.isalnum() for c in tail) or previous is None:
            continue
        item = Found(
            cue=previous.cue,
            cue_text=previous.cue_text,
            speaker=previous.speaker,
            content=strip_quote(quote, text),
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


def _drop_nested(
    found: list[tuple[int, Found]], actors: ActorTable, words: AttributionWords
) -> list[tuple[int, Found]]:
    """Cues inside another claim's content. Inside a quotation, or by the same speaker (or
    by "I", "he", no one), they are part of that statement ("I think ..."): only the outer
    claim stays. Otherwise the outer speaker relays the inner one ("the source said Smith
    told police that ..."), which keeps its own speaker and gets the relay as `via`."""
    kept = []
    for index, item in found:
        outer = next((o for _, o in found if o is not item and _contains(o, item.cue.idx)), None)
        if outer is None:
            kept.append((index, item))
        elif not (outer.direct or not item.speaker or same_speaker(outer, item, words)):
            if item.via is None:
                item.via = actors.actor_in(outer.speaker)
            kept.append((index, item))
    return kept


def _contains(item: Found, char: int) -> bool:
    if item.content[0] <= char < item.content[1]:
        return True
    return item.extra is not None and item.extra[0] <= char < item.extra[1]


def _check_continuations(items: list[Found]) -> None:
    """A quote after `"A," he said.` continues A only when no other cue claims it."""
    for item in items:
        if item.extra is None:
            continue
        start, stop = item.extra
        if any(o is not item and o.content[0] < stop and start < o.content[1] for o in items):
            item.extra = None


def _to_claim(item: Found, ctx: Context) -> LocalClaim:
    doc = item.cue.doc
    document = ctx.document
    words = ctx.words
    c_start, c_end = item.content
    text = ctx.text[c_start:c_end]
    # A continuation quote joins the text; content_span stays on the first quote so that
    # the span never covers the cue and speaker between the two.
    if item.extra is not None:
        text = f"{text} {ctx.text[item.extra[0] : item.extra[1]]}"
        c_end = item.extra[1]
    sentence = item.sentence if item.sentence is not None else item.cue.sent
    actor = speaker_actor(item.speaker, ctx)
    speaker_text = ctx.text[item.speaker[0].idx : end(item.speaker[-1])] if item.speaker else None
    return LocalClaim(
        text=text,
        direct=item.direct,
        speaker=speaker_text,
        speaker_actor=actor,
        via_actor=item.via if item.via != actor else None,
        cue=item.cue_text,
        date=statement_date(item.cue, sentence, ctx.dates, item.content, words),
        polarity=polarity(item.denial, doc, c_start, c_end, words),
        hedged=item.hedging_cue or hedged(doc, sentence, c_start, c_end, words),
        about_event=about(ctx.events, doc, c_start, c_end, item.cue, sentence),
        span=document.span(
            min(sentence.start_char, c_start, item.span_start or c_start),
            max(sentence.end_char, c_end),
        ),
        content_span=document.span(*item.content),
        speaker_span=(
            document.span(item.speaker[0].idx, end(item.speaker[-1])) if item.speaker else None
        ),
        cue_span=document.span(item.cue.idx, end(item.cue)),
    )

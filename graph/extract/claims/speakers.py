"""Who said it: the speaker phrase of a cue, the actor it names (through pronouns, roles and
definite descriptions), and relayed speakers ("Outlet, citing officials, reported ...")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.actors import ActorTable
from graph.extract.claims.content import CLAUSE_DEPS
from graph.extract.claims.context import Context, Found, Quote
from graph.lang.attribution import AttributionWords
from graph.model import ActorKind

MAX_SPEAKER_WORDS = 12
_SPEAKER_MEMORY = 4  # sentences a previous speaker stays available to "he said"


# --------------------------------------------------------------------------- speaker phrases


def subject(cue: Token, words: AttributionWords) -> Token | None:
    """The speaker's head token: the cue's subject, or one it borrows from its governor."""
    token = cue
    if cue.tag_ == "VBG" and cue.i > 0 and not any(c.dep_ == "nsubj" for c in cue.children):
        before = cue.doc[cue.i - 1]
        if before.pos_ in {"NOUN", "PROPN"} and before.head.i != cue.i:
            return before  # "with the ministry saying it would ..."
    for _ in range(3):
        found = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if found is None and token.i == cue.i:
            # "Smith questions whether ...": the tagger took the name for a modifier
            found = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in {"compound", "npadvmod"} and c.i == cue.i - 1 and c.pos_ == "PROPN"
                ),
                None,
            )
        if found is None and _quoted_passive(token, words):
            found = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if found is not None:
            if found.lower_ in words.relative_pronouns and token.dep_ == "relcl":
                return found  # "the official, who said ...": resolved through the noun
            if found.lower_ in words.non_speakers:
                return None
            return found
        if any(c.dep_ == "nsubjpass" for c in token.children):
            return None  # "it was reported that ...": no speaker stated
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head  # "a statement saying ...", "officials speaking on condition ..."
        if token.dep_ not in {"conj", "xcomp", "advcl", "pcomp"} or token.head.i == token.i:
            return None
        token = token.head
    return None


def _quoted_passive(token: Token, words: AttributionWords) -> bool:
    """'X was quoted as saying' / 'X is said to have ...' keep X as the speaker."""
    return token.lemma_.lower() in words.passive_reporting_verbs and any(
        c.lower_ in words.predicative_prepositions for c in token.children
    )


def passive(cue: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in cue.children)


def speaker_tokens(head: Token) -> list[Token]:
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
    if len(words) > MAX_SPEAKER_WORDS:
        at = next((n for n, t in enumerate(words) if t.i == head.i), len(words) - 1)
        words = words[max(0, at + 1 - MAX_SPEAKER_WORDS) : at + 1]
    return words


def inverted_speaker(cue: Token, sentence: Span, quote: Quote) -> list[Token]:
    """`"...," deputy head X said` / `"...," explained one source` when the parser missed the
    subject: the words between the quote and the cue, or the noun right after the cue."""
    between = [
        t for t in sentence if t.idx > quote.end and t.i < cue.i and not (t.is_punct or t.is_space)
    ]
    if any(t.pos_ in {"VERB", "AUX"} for t in between):
        return []
    if between:
        return list(sentence.doc[between[0].i : between[-1].i + 1])[-2 * MAX_SPEAKER_WORDS :]
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
    return speaker_tokens(after) if after is not None else []


def after_break(speaker: list[Token], cue: Token) -> list[Token]:
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


def same_speaker(a: Found, b: Found, words: AttributionWords) -> bool:
    """Both name the same speaker, or the inner one is only a pronoun."""
    if not a.speaker or not b.speaker:
        return False
    text_a = " ".join(t.lower_ for t in a.speaker)
    text_b = " ".join(t.lower_ for t in b.speaker)
    return text_a == text_b or (len(b.speaker) == 1 and b.speaker[0].lower_ in words.pronouns)


# --------------------------------------------------------------------------- relayed speakers


def nested_speaker(cue: Token, words: AttributionWords) -> tuple[Token, Token] | None:
    """'claimed officials as saying that ...' -> (officials, the clause they are quoted on)."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for prep in (c for c in cue.children if c.lower_ in words.predicative_prepositions):
        for saying in prep.children:
            if saying.lemma_.lower() in words.reporting_verbs:
                content = next((c for c in saying.children if c.dep_ in CLAUSE_DEPS), None)
                if content is not None:
                    return obj, content
    return None


def cited_source(cue: Token, clause: list[Token], words: AttributionWords) -> Token | None:
    """'Outlet reported, citing officials, that ...' -> officials (the parser may hang
    "citing" on the cue or inside the reported clause)."""
    for token in [*cue.children, *clause]:
        if token.dep_ == "advcl" and token.lemma_.lower() in words.relay_verbs:
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def relayed_by(cue: Token, words: AttributionWords) -> Token | None:
    """The reporting verb a "citing ..." participle belongs to, directly or via its clause."""
    head = cue.head
    for candidate in (head, head.head):
        reporting = candidate.i != cue.i and candidate.lemma_.lower() in words.reporting_verbs
        if reporting and (candidate is head or head.dep_ in CLAUSE_DEPS):
            return candidate
    return None


# --------------------------------------------------------------------------- speaker actors


def speaker_actor(tokens: list[Token], ctx: Context) -> int | None:
    """The actor a speaker phrase names, directly or through a pronoun, role or description."""
    if not tokens:
        return None
    actors = ctx.actors
    words = ctx.words
    titles = ctx.lexicon.actors.title_words
    head = next((t for t in tokens if t.head.i == t.i or t.head not in tokens), tokens[-1])
    if len(tokens) == 1 and head.lower_ in words.pronouns:
        return _resolve_pronoun(head, ctx)
    if len(tokens) == 1 and head.lower_ in words.relative_pronouns and head.head.dep_ == "relcl":
        return speaker_actor(speaker_tokens(head.head.head), ctx)
    # The head and what names it ("Defense Minister X", "the ministry's spokesman, X"), not
    # a possessor or a prepositional object: "Trump's doctor" is not Trump.
    named = [head] + [
        t
        for t in tokens
        if t.i != head.i and not any(a.dep_ in {"poss", "prep"} for a in _path(t, head))
    ]
    found = actors.actor_in(named)
    if found is None and (head.pos_ == "NOUN" or head.lower_ in titles):
        found = _apposed_person(tokens, actors)  # "the deputy chairman of X, Yury Y, said"
    if found is None and (head.lower_ in titles or head.lower_ in words.role_nouns):
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
    if (
        found is None
        and _definite(tokens, head, words)
        and head.lemma_.lower() in ctx.lexicon.actors.org_head_nouns
    ):
        found = _antecedent(head, actors)  # "the ministry" after "the Defense Ministry"
    if found is None and all(t.pos_ == "PROPN" for t in tokens):
        found = _named(tokens, actors)  # a surname the entity tagger missed
    return found


def _named(tokens: list[Token], actors: ActorTable) -> int | None:
    words = [t.lower_ for t in tokens]
    matches = {
        index
        for index, actor in enumerate(actors.actors)
        for name in (actor.name, *actor.aliases)
        if name.lower().split()[-len(words) :] == words
    }
    return matches.pop() if len(matches) == 1 else None


def _apposed_person(tokens: list[Token], actors: ActorTable) -> int | None:
    doc = tokens[0].doc
    at = tokens[-1].i + 1
    if at + 1 >= len(doc) or doc[at].text != ",":
        return None
    actor = actors.by_token.get(at + 1)
    if actor is None or actors.actors[actor].actor_type is not ActorKind.PERSON:
        return None
    return actor


def _definite(tokens: list[Token], head: Token, words: AttributionWords) -> bool:
    return (
        len(tokens) == 2 and tokens[0].lower_ in words.definite_articles and tokens[1].i == head.i
    )


def _antecedent(head: Token, actors: ActorTable) -> int | None:
    """The organisation whose name holds the noun: 'the ministry' -> Defense Ministry; the
    latest one named before, else the only one in the document."""
    word = head.lemma_.lower()
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


def _resolve_pronoun(pronoun: Token, ctx: Context) -> int | None:
    """'he added': the previous speaker or the latest subject that fits, whichever is nearer.
    A person once called "she" is not "he" later on."""
    actors = ctx.actors
    words = ctx.words
    word = words.pronoun_subjects.get(pronoun.lower_, pronoun.lower_)

    def fits(index: int) -> bool:
        kind = actors.actors[index].actor_type
        if word in words.person_pronouns:
            return kind is ActorKind.PERSON and ctx.pronoun_of.get(index, word) == word
        if word in words.thing_pronouns:
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
    if word in words.gendered_pronouns:
        ctx.pronoun_of.setdefault(actor, word)
    return actor

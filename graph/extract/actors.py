"""Actors in one document: persons, organisations, countries and named things, mentions grouped.

The small English model's entities are the candidates. General rules correct its systematic
errors: titles before names are kept as attributes ("Rear Adm.", "Defense Minister"), not as
part of the name or as separate organisations; possessives and leading articles are dropped;
a capital city acting as a subject stands for its country ("Moscow says"); cities tagged as
persons and headline fragments tagged as places are not actors; an apposition decides the
kind ("X, an independent news site" is an organisation).

Named things that events are about are actors too, with their own kind: products, facilities,
laws, named events, market indices and works. The model's labels for them (PRODUCT, FAC,
LAW, EVENT, WORK_OF_ART) are taken as they are; it often calls a product an organisation,
and general evidence corrects that: a noun of a kind that ends the name ("Dow Jones
Industrial Average"), heads its apposition ("Healthcare.gov, the portal") or follows it ("the
Nikkei index"); the words a product takes and an organisation does not ("an iPod", "the new
iPhone", "Apple's iPod", "three million iPods" next to "iPod"). A coined word with a capital
inside ("iPod", "eBay") is a name, and so is a model number after one ("iPhone 4").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from graph.extract.nlp import text_of
from graph.lang import Lexicon, get
from graph.lang.actors import ActorWords, capitals, countries, places
from graph.model import ActorKind, Document, LocalActor
from graph.model import Span as SpanModel

_THING_LABELS = {
    "PRODUCT": ActorKind.PRODUCT,
    "FAC": ActorKind.FACILITY,
    "LAW": ActorKind.LAW,
    "EVENT": ActorKind.EVENT,
    "WORK_OF_ART": ActorKind.WORK,
}
_LABELS = {"PERSON", "ORG", "GPE", "NORP", *_THING_LABELS}
# Kinds that act (and may speak); the others are things events are about.
ACTING = frozenset({ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY})
# Kinds the model confuses with one another: an unknown name is often called an organisation.
_NAMED_THINGS = frozenset(ActorKind) - {ActorKind.PERSON, ActorKind.COUNTRY}
_AFFILIATION = re.compile(r"^(?P<country>.+?)-(?:based|led|backed|funded|run|made|owned)$", re.I)
_POSSESSIVE = {"'s", "’s", "'", "’"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "poss"}
_NAME_CHARS = re.compile(r"^[A-Z][\w.'’&-]*$")
_COINED = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z0-9][\w.'’&-]*$")  # "iPod", "eBay": a capital inside
_MODEL_NUMBER = re.compile(r"^(?=[\w.-]*\d)[\w.-]+$")  # "4", "3G", "737-800" after a name


@dataclass
class _Group:
    kind: ActorKind
    name: str
    names: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token start, end


@dataclass(frozen=True)
class ActorMention:
    """One mention in the parse: token range and the actor it belongs to."""

    start: int
    end: int
    actor: int


@dataclass
class ActorTable:
    """The document's actors and where each is mentioned."""

    actors: list[LocalActor]
    mentions: list[ActorMention]
    by_token: dict[int, int]  # token index -> actor index
    locations: dict[int, str]  # token index -> place name (GPEs that are not actors)

    def actor_at(self, token: Token) -> int | None:
        return self.by_token.get(token.i)

    def actor_in(self, tokens: Span | list[Token]) -> int | None:
        """The first actor mentioned among `tokens`, preferring the syntactic head."""
        for token in sorted(tokens, key=lambda t: (t.head.i != t.i and t.head in tokens, t.i)):
            if token.i in self.by_token:
                return self.by_token[token.i]
        return None


def find_actors(doc: Doc, document: Document, *, lexicon: Lexicon | None = None) -> ActorTable:
    """Group the document's mentions of persons, organisations, countries and named things
    into actors."""
    lexicon = lexicon or get()
    vocab = lexicon.actors
    groups: dict[tuple[ActorKind, str], _Group] = {}
    locations: dict[int, str] = {}
    for ent in (part for whole in doc.ents for part in _people_apart(whole)):
        if ent.label_ not in _LABELS or _is_holiday(ent, lexicon):
            continue
        if (
            ent.label_ in {"ORG", "PRODUCT", "NORP"}
            and ent.end < len(doc)
            and _is_model_number_after(doc[ent.end])
        ):
            ent = Span(doc, ent.start, ent.end + 1, label=ent.label_)  # "iPhone" + "4"
        found = _classify(ent, vocab)
        if found is None:
            if ent.label_ in {"GPE", "LOC"}:
                for token in ent:
                    locations[token.i] = ent.text
            continue
        kind, name, start, end, titles = found
        _add(groups, kind, name, start, end, titles)
        if kind is ActorKind.ORGANIZATION:
            _add_country_prefix(groups, doc[start:end], vocab)
    for token in doc:
        # "U.S.-based think tank": the country is named inside an adjective
        match = _AFFILIATION.match(token.text)
        country = countries(vocab).get(match["country"].lower()) if match else None
        if country and not token.ent_type_:
            _add(groups, ActorKind.COUNTRY, country, token.i, token.i + 1, ())
    for kind, tokens in _unlabelled_names(doc, vocab):
        _add(groups, kind, _join(tokens), tokens[0].i, tokens[-1].i + 1, ())
    groups = _settle_kinds(groups)
    authors = {a.lower() for a in document.source.authors}
    headlines = _headline_ranges(text_of(doc))
    body = [
        g
        for g in groups.values()
        if not _only_in(g, doc, headlines) and g.name.lower() not in authors
    ]
    body_words = {w for g in body for w in g.name.lower().split()}
    kept = body + [
        g
        for g in groups.values()
        if _only_in(g, doc, headlines)
        and g.name.lower() not in authors
        and (g.kind is ActorKind.COUNTRY or g.name.lower().split()[-1] in body_words)
    ]
    merged = _merge_within_document(kept, vocab)
    actors: list[LocalActor] = []
    mentions: list[ActorMention] = []
    by_token: dict[int, int] = {}
    for index, group in enumerate(merged):
        spans = []
        for start, end in sorted(group.mentions):
            span = doc[start:end]
            spans.append(document.span(span.start_char, span.end_char))
            mentions.append(ActorMention(start, end, index))
            for i in range(start, end):
                by_token[i] = index
        actors.append(
            LocalActor(
                name=group.name,
                actor_type=group.kind,
                aliases=tuple(sorted(group.names - {group.name})),
                titles=tuple(group.titles),
                mentions=tuple(spans),
            )
        )
    return ActorTable(actors, sorted(mentions, key=lambda m: m.start), by_token, locations)


def merge_piece_actors(
    pieces: Sequence[Sequence[LocalActor]], *, lexicon: Lexicon | None = None
) -> tuple[list[LocalActor], list[list[int]]]:
    """The actors of one document read in pieces, merged as `find_actors` merges names
    within a document: the same kind and name are one actor, and a shorter name joins the
    one longer name it fits ('Merkel' in one piece, 'Angela Merkel' in another).

    Args:
        pieces: each piece's actors, pieces in text order.
        lexicon: the language's words (default: `graph.lang.get()`).

    Returns:
        The document's actors in order of first mention, and for each piece the index of
        each of its actors among them.
    """
    vocab = (lexicon or get()).actors
    groups: dict[tuple[ActorKind, str], _Group] = {}
    for p, piece in enumerate(pieces):
        for a, actor in enumerate(piece):
            group = groups.setdefault(
                (actor.actor_type, actor.name.lower()), _Group(actor.actor_type, actor.name)
            )
            group.names |= {actor.name, *actor.aliases}
            group.titles += [t for t in actor.titles if t not in group.titles]
            # (piece, actor) pairs stand for mentions: they order groups by first mention.
            group.mentions.append((p, a))
    merged = _merge_within_document(list(groups.values()), vocab)
    renumber = [[0] * len(piece) for piece in pieces]
    actors: list[LocalActor] = []
    for index, group in enumerate(merged):
        members = sorted(group.mentions)
        for p, a in members:
            renumber[p][a] = index
        actors.append(
            LocalActor(
                name=group.name,
                actor_type=group.kind,
                aliases=tuple(sorted(group.names - {group.name})),
                titles=tuple(group.titles),
                mentions=_piece_spans(pieces, members, "mentions"),
                references=_piece_spans(pieces, members, "references"),
            )
        )
    return actors, renumber


def _piece_spans(
    pieces: Sequence[Sequence[LocalActor]],
    members: list[tuple[int, int]],
    attribute: Literal["mentions", "references"],
) -> tuple[SpanModel, ...]:
    """The spans of one kind that the (piece, actor) `members` hold, in text order."""
    return tuple(
        span
        for p in sorted({p for p, _ in members})
        for span in sorted(
            (s for q, a in members if q == p for s in getattr(pieces[p][a], attribute)),
            key=lambda s: (s.start, s.end),
        )
    )


def _add(
    groups: dict[tuple[ActorKind, str], _Group],
    kind: ActorKind,
    name: str,
    start: int,
    end: int,
    titles: tuple[str, ...],
) -> None:
    group = groups.setdefault((kind, name.lower()), _Group(kind, name))
    group.names.add(name)
    group.mentions.append((start, end))
    group.titles += [t for t in titles if t not in group.titles]


def _add_country_prefix(
    groups: dict[tuple[ActorKind, str], _Group], name: Span, vocab: ActorWords
) -> None:
    """'U.S. State Department' also mentions the United States."""
    for size in (3, 2, 1):
        if len(name) > size:
            country = countries(vocab).get(name[:size].text.lower())
            if country:
                _add(groups, ActorKind.COUNTRY, country, name.start, name.start + size, ())
                return


def _classify(
    ent: Span, vocab: ActorWords
) -> tuple[ActorKind, str, int, int, tuple[str, ...]] | None:
    """Decide whether an entity is an actor: its kind, clean name, token range, title."""
    tokens = list(ent)
    while tokens and (tokens[-1].text in _POSSESSIVE or tokens[-1].is_punct):
        tokens.pop()
    while tokens and (tokens[0].lower_ in vocab.articles or tokens[0].is_punct):
        tokens.pop(0)
    label = ent.label_
    named = _after_dateline(tokens)
    if len(named) < len(tokens) and label == "ORG" and _looks_like_person_name(named, vocab):
        label = "PERSON"  # the capitals of the dateline made the name look like a firm's
    tokens = _before_the_name(named) if label == "PERSON" else named
    if not tokens:
        return None
    if label == "NORP":
        if not _COINED.match(tokens[0].text):
            return None  # a nationality or group ("American"), not an actor
        label = "ORG"  # a coined name the model took for a people ("iTunes")
    inner_title: list[Token] = []
    if all(_is_title_token(t, vocab) for t in tokens) and label in {"PERSON", "ORG"}:
        return None  # "Rear Adm." tagged as an organisation: a title, not an actor
    if label == "PERSON" or (
        label == "ORG" and _looks_like_person_name(_strip_titles(tokens, vocab), vocab)
    ):
        while len(tokens) > 1 and _is_title_token(tokens[0], vocab):
            inner_title.append(tokens.pop(0))
    name = _join(tokens)
    start, end = tokens[0].i, tokens[-1].i + 1
    lower = name.lower()
    if _is_credit(ent):
        return None
    country = countries(vocab).get(lower) or countries(vocab).get(lower.removeprefix("the "))
    if country:
        return ActorKind.COUNTRY, country, start, end, ()
    if (
        label in {"GPE", *_THING_LABELS}
        and tokens[-1].lower_ in vocab.org_head_nouns
        and len(tokens) > 1
    ):
        return ActorKind.ORGANIZATION, name, start, end, ()  # "Moscow City Hall"
    if label == "GPE":
        capital_of = capitals().get(lower)
        if capital_of and any(t.dep_ in _SUBJECT_DEPS for t in tokens):
            return ActorKind.COUNTRY, capital_of, start, end, ()
        return None
    if not _is_name(tokens, vocab):
        return None  # lower-case words inside: a phrase, not a name
    if label in _THING_LABELS:
        return _kind_by_nouns(tokens, vocab) or _THING_LABELS[label], name, start, end, ()
    title = _title_before(ent.doc, start, inner_title, vocab)
    titles = tuple(t for t in (title, _apposition(tokens, vocab)) if t)
    kind = ActorKind.PERSON if label == "PERSON" else ActorKind.ORGANIZATION
    appos_head = _apposition_head(tokens, vocab)
    if kind is ActorKind.PERSON:
        appos_lemma = appos_head.lemma_.lower() if appos_head is not None else ""
        if appos_lemma in vocab.org_head_nouns:
            kind = ActorKind.ORGANIZATION
        elif (thing := _appos_kind(tokens, vocab)) and not title:
            kind = thing  # "Healthcare.gov, the public insurance portal"
        elif len(tokens) == 1 and lower in places() and not title:
            return None  # a city the model took for a surname
        elif any(t.lower_ in vocab.org_head_nouns for t in tokens[1:]):
            kind = ActorKind.ORGANIZATION
    elif _looks_like_person_name(tokens, vocab) and title:
        kind = ActorKind.PERSON
    elif tokens[-1].lower_ not in vocab.org_head_nouns:
        kind = _thing_kind(tokens, vocab) or kind
    return kind, name, start, end, titles


def _is_name(tokens: list[Token], vocab: ActorWords) -> bool:
    """Capitalised or coined words, joined by connectors, with model numbers after them."""
    return bool(_NAME_CHARS.match(tokens[0].text) or _COINED.match(tokens[0].text)) and all(
        _NAME_CHARS.match(t.text)
        or _COINED.match(t.text)
        or _MODEL_NUMBER.match(t.text)
        or t.is_punct
        or t.lower_ in vocab.name_connectors
        for t in tokens[1:]
    )


def _kind_by_nouns(tokens: list[Token], vocab: ActorWords) -> ActorKind | None:
    """The kind a noun of the name or around it gives: the name's last word ("Patriot Act";
    not a product noun),
    the one noun it modifies ("the Nikkei index") or its apposition (`_appos_kind`)."""
    last = vocab.kind_nouns.get(tokens[-1].lower_)
    if len(tokens) > 1 and last is not None and last is not ActorKind.PRODUCT:
        return last  # a company is often named for what it makes: "Apple Computer"
    head = _head_of(tokens)
    noun = head.head
    # "the iPod player" names a player; "Apple devices" are many devices of one maker.
    if (
        head.dep_ == "compound"
        and noun.i > tokens[-1].i
        and noun.tag_ == "NN"
        and all(c.lower_ == "the" for c in noun.children if c.dep_ == "det")
        and noun.lemma_.lower() in vocab.kind_nouns
    ):
        return vocab.kind_nouns[noun.lemma_.lower()]
    return _appos_kind(tokens, vocab)


def _appos_kind(tokens: list[Token], vocab: ActorWords) -> ActorKind | None:
    """The kind the noun in apposition gives: "Healthcare.gov, the portal", "the portal,
    Healthcare.gov" (the model often tags such a noun as a proper noun)."""
    head = _head_of(tokens)
    nouns = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    if head.dep_ == "appos" and head.head.i < tokens[0].i:
        nouns.append(head.head)
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if (noun.text[:1].islower() or noun.pos_ == "NOUN") and lemma in vocab.kind_nouns:
            return vocab.kind_nouns[lemma]
    return None


def _thing_kind(tokens: list[Token], vocab: ActorWords) -> ActorKind | None:
    """What a name the model took for an organisation really names, if the words around it
    tell: a noun of a kind (`_kind_by_nouns`), or what only a product takes: a counting
    determiner or a number ("an iPod", "three million iPods"), a product adjective ("the new
    iPhone") or a model number ("iPhone 4", "Airbus A380"; a large round number names an
    index or a list: "FTSE 100"). An acronym ("IBM", "USD") takes no such evidence, and
    neither does an owner ("the Beatles' Apple Corps" as much as "Apple's iPod")."""
    kind = _kind_by_nouns(tokens, vocab)
    if kind is not None:
        return kind
    if len(tokens) > 1 and _is_model_number(tokens[-1].text):
        return ActorKind.PRODUCT
    if all(t.text.isupper() or not t.is_alpha for t in tokens):
        return None
    head = _head_of(tokens)
    inside = {t.i for t in tokens}
    for child in head.children:
        if child.i in inside or child.i > head.i:
            continue
        if (
            (child.dep_ == "det" and child.lower_ in vocab.count_determiners)
            or child.dep_ == "nummod"
            or (child.dep_ == "amod" and child.lower_ in vocab.product_modifiers)
        ):
            return ActorKind.PRODUCT
    return None


def _settle_kinds(
    groups: dict[tuple[ActorKind, str], _Group],
) -> dict[tuple[ActorKind, str], _Group]:
    """One kind per name in a document: a name the words around one of its mentions show to
    be a thing is that thing wherever the model called it an organisation; a plural name
    ("iPods") next to its singular ("iPod") is a mention of it, and both are a product; a
    one-word name the model also took for a person, without a title, is the thing too
    ("Healthcare.gov, the portal" and then "their Healthcare.gov account")."""
    things = {name: kind for kind, name in groups if kind not in ACTING}
    plurals = {
        name: name[:-1]
        for kind, name in groups
        if kind in _NAMED_THINGS
        and name.endswith("s")
        and len(name) > 3
        and name[-2].isalpha()  # "iPhone 4s" is a model of its own
        and any(name[:-1] == other for k, other in groups if k in _NAMED_THINGS)
    }
    for singular in plurals.values():
        things.setdefault(singular, ActorKind.PRODUCT)
    settled: dict[tuple[ActorKind, str], _Group] = {}
    for (kind, name), group in groups.items():
        if kind in _NAMED_THINGS:
            if name in plurals:
                name = plurals[name]
                group.name = group.name[: len(name)]
            kind = things.get(name, kind)
        elif kind is ActorKind.PERSON and " " not in name and not group.titles:
            kind = things.get(name, kind)
        target = settled.setdefault((kind, name), group)
        group.kind = kind
        if target is not group:
            target.names |= group.names
            target.mentions += group.mentions
            target.titles += [t for t in group.titles if t not in target.titles]
    return settled


def _unlabelled_names(doc: Doc, vocab: ActorWords) -> list[tuple[ActorKind, list[Token]]]:
    """Names the model left untagged: a run of name words outside its entities that holds a
    coined word ("iPhone 4", "iPods"), or that ends in a noun of a kind ("Dow Jones
    Industrial Average"). A coined name is an organisation unless the words around it say
    otherwise (`_thing_kind`), as the model would call it."""
    found: list[tuple[ActorKind, list[Token]]] = []
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and _is_name_word(token, first=not run):
            run.append(token)
            continue
        while run and (run[-1].is_punct or run[-1].text in _POSSESSIVE):
            run.pop()
        while run and run[0].lower_ in vocab.articles:
            run.pop(0)
        coined = next((i for i, t in enumerate(run) if _COINED.match(t.text)), None)
        if coined is not None:
            run = run[coined:]  # "8 GB iPod": the name starts at the coined word
            found.append((_thing_kind(run, vocab) or ActorKind.ORGANIZATION, run))
        elif len(run) > 1 and run[-1].lower_ in vocab.kind_nouns and _is_name(run, vocab):
            found.append((vocab.kind_nouns[run[-1].lower_], run))
        run = []
    return found


def _is_model_number(text: str) -> bool:
    return bool(_MODEL_NUMBER.match(text)) and (not text.isdigit() or int(text) < 100)


def _is_name_word(token: Token, first: bool) -> bool:
    """A word of a name outside the model's entities (a number it calls a cardinal may
    still be a model number: "iPhone 4")."""
    if _is_model_number_after(token) or _glued_to_number(token):
        return not first
    if _COINED.match(token.text):
        return token.ent_type_ not in _LABELS  # "zPads" is no date, whatever the model says
    if token.ent_type_:
        return False
    return (token.pos_ == "PROPN" and bool(_NAME_CHARS.match(token.text))) or (
        not first and token.text in _POSSESSIVE
    )


def _is_model_number_after(token: Token) -> bool:
    return (
        token.i > 0
        and token.ent_type_ in {"", "CARDINAL"}
        and token.pos_ in {"NUM", "PROPN"}
        and _is_model_number(token.text)
        and not token.is_sent_start
    )


def _glued_to_number(token: Token) -> bool:
    """Letters the tokenizer split from the number before them: "3G" -> "3" + "G", "5S"."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        before is not None
        and not before.whitespace_
        and before.text[-1:].isdigit()
        and token.text.isalpha()
        and len(token.text) <= 3
    )


def _is_holiday(ent: Span, lexicon: Lexicon) -> bool:
    """A holiday the model tagged as an event ("New Year"): a date, read by the date rules."""
    text = ent.text.lower().removeprefix("the ")
    return ent.label_ == "EVENT" and any(
        t in lexicon.time.holidays for t in (text, f"{text}'s", f"{text} day")
    )


def _headline_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of Title Case lines: the model reads their capitals as names."""
    ranges = []
    for match in re.finditer(r"[^\n]+", text):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", match.group()) if len(w) > 3]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            ranges.append((match.start(), match.end()))
    return ranges


def _only_in(group: _Group, doc: Doc, ranges: list[tuple[int, int]]) -> bool:
    return all(any(lo <= doc[start].idx < hi for lo, hi in ranges) for start, _ in group.mentions)


def _strip_titles(tokens: list[Token], vocab: ActorWords) -> list[Token]:
    rest = list(tokens)
    while len(rest) > 1 and _is_title_token(rest[0], vocab):
        rest.pop(0)
    return rest if len(rest) < len(tokens) else []


def _people_apart(ent: Span) -> list[Span]:
    """A name the model ran over a conjunction, two full names ("Ivan Orlov and Petr
    Ilyin", "Goldman Sachs and Morgan Stanley"), as two; a firm or duo named by two words
    ("Simon and Garfunkel", "Ernst & Young") stays whole."""
    if ent.label_ not in {"PERSON", "ORG"}:
        return [ent]
    cut = next((t.i for t in ent if t.pos_ == "CCONJ"), None)
    if cut is None:
        return [ent]
    sides = [ent.doc[ent.start : cut], ent.doc[cut + 1 : ent.end]]
    if not all(
        2 <= len(side) <= 3 and all(t.is_alpha and t.is_title for t in side) for side in sides
    ):
        return [ent]
    return [Span(ent.doc, side.start, side.end, label=ent.label_) for side in sides]


def _after_dateline(tokens: list[Token]) -> list[Token]:
    """A name without the dateline the model ran it into: "BERLIN - Donald Trump"."""
    for n, token in enumerate(tokens):
        if token.text in _DASHES and 0 < n < len(tokens) - 1:
            if all(t.is_upper or t.is_punct for t in tokens[:n]):
                return tokens[n + 1 :]
            break
    return tokens


_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _before_the_name(tokens: list[Token]) -> list[Token]:
    """A person's name without the word the model ran into it at the start of a sentence or
    a headline, a verb or a plural ("Telling Jeb Bush to drop out", "Floridians Jeb Bush,
    Rubio collide"): a full name of proper nouns follows it."""
    if (
        len(tokens) >= 3
        and (tokens[0].tag_.startswith("VB") or tokens[0].tag_ in {"NNS", "NNPS"})
        and all(t.tag_ == "NNP" for t in tokens[1:])
    ):
        return tokens[1:]
    return tokens


def _is_title_token(token: Token, vocab: ActorWords) -> bool:
    return token.lower_ in vocab.title_words or token.lower_ in vocab.title_qualifiers


def _title_before(doc: Doc, start: int, inner: list[Token], vocab: ActorWords) -> str | None:
    """Title words right before a name: 'Defense Minister', 'Human rights lawyer'."""
    i = start - 1
    words: list[Token] = list(inner)
    collected: list[Token] = []
    while i >= 0:
        token = doc[i]
        if token.is_punct or token.pos_ in {"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ"}:
            break
        if not (
            _is_title_token(token, vocab)
            or (token.dep_ in {"compound", "amod", "nmod"} and token.head.i >= i)
        ):
            break
        collected.insert(0, token)
        i -= 1
    words = collected + words
    if not any(t.lower_ in vocab.title_words for t in words):
        return None
    # Keep the title from its first title-ish or capitalised word: drops stray left context.
    return _join(words) or None


def _apposition(tokens: list[Token], vocab: ActorWords) -> str | None:
    """'Anna Ivanova, a former speechwriter ...' -> 'former speechwriter ...'."""
    head = _apposition_head(tokens, vocab)
    if head is None or not _titles_one(head, vocab):
        return None
    name_head = _head_of(tokens)
    if head.i > name_head.i:
        words = list(head.subtree)
    else:  # "the deputy head of X, Rear Adm. Y": the name hangs off the title noun
        inside = {t.i for t in name_head.subtree}
        words = [t for t in head.subtree if t.i not in inside]
    while words and (words[0].pos_ == "DET" or words[0].is_punct):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].pos_ in _LOOSE_ENDS):
        words.pop()
    if any(t.is_space and "\n" in t.text for t in words):
        return None  # a headline or the next paragraph the parse hung on the name
    return _join(words) if 0 < len(words) <= 12 else None


_LOOSE_ENDS = frozenset({"DET", "CCONJ"})


def _titles_one(head: Token, vocab: ActorWords) -> bool:
    """Whether an apposition's head noun can title one actor: not a name ("Sanders, Trump"),
    a plural ("Clinton, Sanders, the Democratic candidates") or a count ("Trump, 57 percent
    to 22 percent")."""
    if head.pos_ == "PROPN" and head.lower_ not in vocab.title_words:
        return False
    if head.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in head.children):
        return False
    return head.is_alpha and len(head.text) > 1


def _head_of(tokens: list[Token]) -> Token:
    head = tokens[-1]
    while head.head in tokens and head.head.i != head.i:
        head = head.head
    return head


def _apposition_head(tokens: list[Token], vocab: ActorWords) -> Token | None:
    head = _head_of(tokens)
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and child.i > head.i:
            return child
    if (
        head.dep_ == "appos"
        and head.head.pos_ in {"NOUN", "PROPN"}
        and head.head.i < tokens[0].i
        and (head.head.pos_ == "NOUN" or head.head.lower_ in vocab.title_words)
    ):
        return head.head
    return None


def _looks_like_person_name(tokens: list[Token], vocab: ActorWords) -> bool:
    return 2 <= len(tokens) <= 3 and all(
        t.text[:1].isupper() and t.lower_ not in vocab.org_head_nouns and t.is_alpha for t in tokens
    )


def _is_credit(ent: Span) -> bool:
    """All-capital multiword names are photo credits ('OLGA MALTSEVA/AFP'), not actors."""
    words = [t.text for t in ent if t.is_alpha]
    return len(words) >= 2 and all(w.isupper() for w in words)


def _join(tokens: list[Token] | Span) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _merge_within_document(groups: list[_Group], vocab: ActorWords) -> list[_Group]:
    """'Merkel' joins 'Angela Merkel'; 'State Department' joins 'U.S. State Department'."""
    groups.sort(key=lambda g: (-len(g.name.split()), g.name))
    kept: list[_Group] = []
    for group in groups:
        target = _find_longer(group, kept, vocab)
        if target is None:
            kept.append(group)
            continue
        target.names |= group.names
        target.mentions += group.mentions
        target.titles += [t for t in group.titles if t not in target.titles]
    kept.sort(key=lambda g: min(g.mentions))
    return kept


def _find_longer(group: _Group, kept: list[_Group], vocab: ActorWords) -> _Group | None:
    words = group.name.lower().split()
    candidates = []
    for other in kept:
        other_words = other.name.lower().split()
        if other.kind is not group.kind and not (
            {other.kind, group.kind} == {ActorKind.PERSON, ActorKind.ORGANIZATION}
            and len(words) == 1
        ):
            continue
        if other_words == words and other.kind is not group.kind:
            candidates.append(other)  # one name tagged both ways: the model hesitated
            continue
        if len(other_words) <= len(words):
            continue
        if (
            group.kind is ActorKind.ORGANIZATION
            and other.kind is ActorKind.PERSON
            and words == other_words[-1:]
        ):
            candidates.append(other)  # "Dmitriev's visit" tagged as an organisation
            continue
        tail = words == other_words[-len(words) :]
        head = words == other_words[: len(words)]
        if (
            head
            and group.kind is ActorKind.ORGANIZATION
            and all(w.rstrip(".") in vocab.corporate_designators for w in other_words[len(words) :])
        ):
            candidates.append(other)  # "Apple" and "Apple Inc.": the designator says nothing
            continue
        if group.kind is ActorKind.PERSON:
            # "Merkel" -> "Angela Merkel"; "Acme" (as a person) -> "Acme Group"
            fits = tail if other.kind is ActorKind.PERSON else head
        else:
            # "Acme" -> "Acme Group", unless the short name is the more used one: then
            # the long one names something of its own ("Apple" and "Apple TV")
            fits = tail or (
                head
                and other_words[-1] in vocab.org_head_nouns
                and len(group.mentions) <= len(other.mentions)
            )
        if fits:
            candidates.append(other)
    return candidates[0] if len(candidates) == 1 else None

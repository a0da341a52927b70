"""The data contract: pydantic models for every node, edge and intermediate product.

Node kinds are `Source`, `Actor`, `Event` and `Claim`; edges are `Edge` with a type from
`EdgeType`. Labels and relationship types always come from these Enums, never from free
text, because they end up inside Cypher. `schema/graph.schema.json` is generated from
`GraphRecord` (see `graph.schema`), and a test fails when it drifts.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base for every model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --------------------------------------------------------------------------- provenance


class Span(Model):
    """Where a piece of evidence sits: a source document and a character range in it."""

    source_id: str = Field(description="Id of the Source node (the document) holding the text.")
    start: int = Field(ge=0, description="Start character offset into the original file text.")
    end: int = Field(ge=0, description="End character offset (exclusive) into the original file.")
    text: str = Field(description="The evidence text as it appears in the cleaned document.")

    def moved(self, by: int) -> Span:
        """The same text `by` characters further into the file (itself when `by` is 0)."""
        if not by:
            return self
        return Span.model_construct(
            source_id=self.source_id, start=self.start + by, end=self.end + by, text=self.text
        )


# --------------------------------------------------------------------------- dates


class Precision(StrEnum):
    """How precisely a date is known; never finer than the text states."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class DateBasis(StrEnum):
    """Where a date comes from."""

    STATED = "stated"  # an absolute date written in the text ("April 6, 2023")
    RELATIVE = "relative"  # resolved against the publication date ("next week")
    PUBLICATION = "publication"  # none written: news told in the past, by its publication
    INFERRED = "inferred"  # not written: reasoned from other evidence


class DateMod(StrEnum):
    """TimeML-style modifier for open or fuzzy bounds."""

    BEFORE = "before"  # "before March", "until July 15" (end bound only)
    AFTER = "after"  # "after March", "since 2022" (start bound only)
    APPROX = "approx"  # "about two years ago"
    START = "start"  # "early 2024"
    MID = "mid"  # "mid-2024"
    END = "end"  # "late 2024", "by the end of the year"


class DateValue(Model):
    """A normalised date: an inclusive interval with the precision the text supports.

    `value` is the TIMEX3-style value ("2024-03", "2024-W14", "2024-SP", "2024-04-01/2024-07-15");
    `start` and `end` bound it in days so that sorting and overlap tests need no parsing.
    """

    value: str = Field(
        description="TIMEX3-style normalised value, e.g. 2024-03, 2024-W14, 2024-SP."
    )
    start: dt.date = Field(description="First day the date can refer to (inclusive).")
    end: dt.date = Field(description="Last day the date can refer to (inclusive).")
    precision: Precision = Field(description="Granularity of the date as stated or inferred.")
    text: str = Field(description="The original text of the expression, e.g. 'next week'.")
    basis: DateBasis = Field(
        description="Stated in the text, relative to publication, or inferred."
    )
    mod: DateMod | None = Field(default=None, description="Open-bound or fuzzy modifier, if any.")
    is_range: bool = Field(
        default=False, description="True for explicit ranges such as 'April 1 - July 15'."
    )


# --------------------------------------------------------------------------- vocabularies


class NodeKind(StrEnum):
    """Node labels; also the Neo4j labels."""

    SOURCE = "Source"
    ACTOR = "Actor"
    EVENT = "Event"
    CLAIM = "Claim"


class EdgeType(StrEnum):
    """Relationship types; also the Neo4j relationship types."""

    REPORTS = "REPORTS"  # Source -> Claim
    DESCRIBES = "DESCRIBES"  # Source -> Event
    MENTIONS = "MENTIONS"  # Source -> Actor
    CLAIMED = "CLAIMED"  # Actor -> Claim (the speaker)
    RELAYED = "RELAYED"  # Actor -> Claim (an outlet passing on someone else's statement)
    ABOUT = "ABOUT"  # Claim -> Event
    PARTICIPATED_IN = "PARTICIPATED_IN"  # Actor -> Event, with a role
    PRECEDES = "PRECEDES"  # Event -> Event, consecutive on the timeline
    SUPPORTS = "SUPPORTS"  # Claim -> Claim
    CONTRADICTS = "CONTRADICTS"  # Claim -> Claim
    COPY_OF = "COPY_OF"  # Source -> Source, a copy or near-copy -> the primary it repeats


class ActorKind(StrEnum):
    """What an actor is: who acts (person, organisation, country) or a named thing that events
    are about (a product, a facility, a law, a named event, a market index, a work)."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    PRODUCT = "product"  # "iPhone 4", "iPod", the Healthcare.gov portal
    FACILITY = "facility"  # a building, plant, airport, venue: "Moscone Center"
    LAW = "law"  # a law, bill, treaty or directive: "the Patriot Act"
    EVENT = "event"  # a named occurrence: "World War II", "Worldwide Developers Conference"
    INDEX = "index"  # a market index: "Dow Jones Industrial Average", "Nasdaq Composite"
    WORK = "work"  # a book, film, song, album: "Abbey Road"


class EventType(StrEnum):
    """The event types: fine types grouped into general categories (see `EVENT_ONTOLOGY`)."""

    # conflict and armed forces
    INVASION = "invasion"
    ANNEXATION = "annexation"
    ATTACK = "attack"
    MOBILIZATION = "mobilization"
    CONSCRIPTION = "conscription"
    RECRUITMENT = "recruitment"
    DEPLOYMENT = "deployment"
    MILITARY_BUILDUP = "military_buildup"
    CASUALTIES = "casualties"
    # politics, law and diplomacy
    ELECTION = "election"
    DECREE = "decree"
    LEGISLATION = "legislation"
    DIPLOMACY = "diplomacy"
    AGREEMENT = "agreement"
    SANCTION = "sanction"
    THREAT = "threat"
    AID = "aid"
    PROTEST = "protest"
    # justice
    ARREST = "arrest"
    CHARGE = "charge"
    TRIAL = "trial"
    SENTENCE = "sentence"
    LAWSUIT = "lawsuit"
    # business and markets
    PRODUCT_LAUNCH = "product_launch"
    ACQUISITION = "acquisition"
    MERGER = "merger"
    TRADE = "trade"
    INVESTMENT = "investment"
    BANKRUPTCY = "bankruptcy"
    FOUNDING = "founding"
    MARKET_MOVE = "market_move"
    # personnel
    APPOINTMENT = "appointment"
    RESIGNATION = "resignation"
    DISMISSAL = "dismissal"
    # life and disasters
    DISASTER = "disaster"
    ACCIDENT = "accident"
    # any domain
    ANNOUNCEMENT = "announcement"
    STATEMENT = "statement"  # a dated public appeal, pledge or warning
    OTHER = "other"


class EventCategory(StrEnum):
    """The general category of an event type."""

    CONFLICT = "conflict"
    POLITICS = "politics"
    JUSTICE = "justice"
    BUSINESS = "business"
    PERSONNEL = "personnel"
    LIFE = "life"
    COMMUNICATION = "communication"
    OTHER = "other"


_C = EventCategory
# Each type's category and its counterpart in a published ontology: PLOVER (the event
# ontology of POLECAT, successor of CAMEO) for political and conflict events, ACE 2005 / ERE
# for business, personnel, justice and life events. "-" where neither has one.
EVENT_ONTOLOGY: dict[EventType, tuple[EventCategory, str]] = {
    EventType.INVASION: (_C.CONFLICT, "PLOVER:ASSAULT"),
    EventType.ANNEXATION: (_C.CONFLICT, "PLOVER:COERCE"),
    EventType.ATTACK: (_C.CONFLICT, "PLOVER:ASSAULT; ACE:Conflict.Attack"),
    EventType.MOBILIZATION: (_C.CONFLICT, "PLOVER:MOBILIZE"),
    EventType.CONSCRIPTION: (_C.CONFLICT, "PLOVER:MOBILIZE"),
    EventType.RECRUITMENT: (_C.CONFLICT, "PLOVER:MOBILIZE"),
    EventType.DEPLOYMENT: (_C.CONFLICT, "PLOVER:MOBILIZE"),
    EventType.MILITARY_BUILDUP: (_C.CONFLICT, "PLOVER:MOBILIZE"),
    EventType.CASUALTIES: (_C.LIFE, "ACE:Life.Die; ACE:Life.Injure"),
    EventType.ELECTION: (_C.POLITICS, "ACE:Personnel.Elect"),
    EventType.DECREE: (_C.POLITICS, "-"),
    EventType.LEGISLATION: (_C.POLITICS, "-"),
    EventType.DIPLOMACY: (_C.POLITICS, "PLOVER:CONSULT; ACE:Contact.Meet"),
    EventType.AGREEMENT: (_C.POLITICS, "PLOVER:AGREE"),
    EventType.SANCTION: (_C.POLITICS, "PLOVER:SANCTION"),
    EventType.THREAT: (_C.POLITICS, "PLOVER:THREATEN"),
    EventType.AID: (_C.POLITICS, "PLOVER:AID"),
    EventType.PROTEST: (_C.POLITICS, "PLOVER:PROTEST; ACE:Conflict.Demonstrate"),
    EventType.ARREST: (_C.JUSTICE, "ACE:Justice.Arrest-Jail; PLOVER:COERCE"),
    EventType.CHARGE: (_C.JUSTICE, "ACE:Justice.Charge-Indict; PLOVER:ACCUSE"),
    EventType.TRIAL: (_C.JUSTICE, "ACE:Justice.Trial-Hearing"),
    EventType.SENTENCE: (_C.JUSTICE, "ACE:Justice.Sentence; ACE:Justice.Convict"),
    EventType.LAWSUIT: (_C.JUSTICE, "ACE:Justice.Sue"),
    EventType.PRODUCT_LAUNCH: (_C.BUSINESS, "-"),
    EventType.ACQUISITION: (_C.BUSINESS, "ACE:Transaction.Transfer-Ownership"),
    EventType.MERGER: (_C.BUSINESS, "ACE:Business.Merge-Org"),
    EventType.TRADE: (_C.BUSINESS, "ACE:Transaction.Transfer-Ownership"),
    EventType.INVESTMENT: (_C.BUSINESS, "ACE:Transaction.Transfer-Money"),
    EventType.BANKRUPTCY: (_C.BUSINESS, "ACE:Business.Declare-Bankruptcy"),
    EventType.FOUNDING: (_C.BUSINESS, "ACE:Business.Start-Org"),
    EventType.MARKET_MOVE: (_C.BUSINESS, "-"),
    EventType.APPOINTMENT: (_C.PERSONNEL, "ACE:Personnel.Start-Position; Personnel.Nominate"),
    EventType.RESIGNATION: (_C.PERSONNEL, "ACE:Personnel.End-Position"),
    EventType.DISMISSAL: (_C.PERSONNEL, "ACE:Personnel.End-Position"),
    EventType.DISASTER: (_C.LIFE, "-"),
    EventType.ACCIDENT: (_C.LIFE, "-"),
    EventType.ANNOUNCEMENT: (_C.COMMUNICATION, "-"),
    EventType.STATEMENT: (_C.COMMUNICATION, "PLOVER:REQUEST (appeals)"),
    EventType.OTHER: (_C.OTHER, "-"),
}


Modality = Literal["actual", "planned", "possible", "negated", "reported"]
MODALITY_DESCRIPTION = (
    "How the text tells it: actual (asserted as fact), planned (announced or future),"
    " possible (hedged), negated (denied or said not to happen), reported (only relayed"
    " from a named or unnamed speaker)."
)


class Role(StrEnum):
    """Role of an actor in an event, read from the dependency structure of its sentence.

    A small set, close to PropBank's numbered arguments: agent ~ Arg0, patient ~ Arg1,
    recipient, beneficiary and instrument ~ Arg2-Arg4, location ~ ArgM-LOC.
    """

    AGENT = "agent"  # who did it: "Apple launched", "launched by Apple", "Apple's launch"
    PATIENT = "patient"  # who or what it was done to: "launched the iPhone", "the iPhone's launch"
    RECIPIENT = "recipient"  # to whom or where it went: "sold to Google", "sent troops to Ukraine"
    BENEFICIARY = "beneficiary"  # for whom it was done: "built for the company"
    INSTRUMENT = "instrument"  # the thing it was done with: "with the iPhone", "using Siri"
    LOCATION = "location"  # where it happened: "in Russia", "at Moscone Center"
    PARTICIPANT = "participant"  # involved, role unclear


class Polarity(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


# --------------------------------------------------------------------------- values


class Quantity(Model):
    """A number with its unit, as stated: '160,000 men' -> 160000 men."""

    value: float = Field(description="The normalised number (160000, 1320000.0).")
    unit: str = Field(description="What is counted, lemmatised: 'man', 'troop', 'region'.")
    modifier: Literal["exact", "approx", "at_least", "at_most", "more_than", "less_than"] = Field(
        default="exact", description="Qualifier in the text: 'over', 'at least', 'up to', 'some'."
    )
    text: str = Field(description="The quantity as written, e.g. 'more than 300,000'.")
    upper: float | None = Field(
        default=None, description="Upper value for ranges such as 'between 170,000 and 200,000'."
    )
    change: bool = Field(
        default=False,
        description="A difference, not a count: 'up 10,000 on last spring', 'a rise of 5%'.",
    )


class TitleRecord(Model):
    """A title or role held by an actor according to one source, with that source's date."""

    title: str = Field(description="Title or role as written, e.g. 'Rear Adm.', 'spokesman'.")
    source_id: str = Field(description="Source that gives this title.")
    date: str | None = Field(
        default=None, description="Publication date (TIMEX3 value) of that source, if known."
    )


# --------------------------------------------------------------------------- nodes


class Source(Model):
    """One article: metadata stated in it, or inferred and marked so."""

    kind: Literal[NodeKind.SOURCE] = Field(default=NodeKind.SOURCE, description="Node label.")
    id: str = Field(description="Content-derived id: 'src_' + hash of the file's bytes.")
    path: str = Field(description="Path of the file as it was given to `load`.")
    content_hash: str = Field(description="SHA-256 of the file's bytes.")
    title: str | None = Field(default=None, description="Headline, if stated.")
    publisher: str | None = Field(default=None, description="Publisher, from the url or text.")
    url: str | None = Field(default=None, description="Original url, if stated.")
    authors: tuple[str, ...] = Field(default=(), description="Bylined authors, in order.")
    published: DateValue | None = Field(
        default=None, description="Publication date; basis says whether stated or inferred."
    )
    published_evidence: str | None = Field(
        default=None, description="Why an inferred publication date was chosen."
    )
    format: Literal["text", "markdown", "html"] = Field(description="Input format of the file.")
    words: int = Field(ge=0, description="Number of words in the cleaned text.")
    copy_of: str | None = Field(
        default=None,
        description="Id of the primary Source this article is a copy or near-copy of; its"
        " events and claims are the primary's, never independent corroboration.",
    )


class Actor(Model):
    """A person, organisation, country or named thing, resolved across documents."""

    kind: Literal[NodeKind.ACTOR] = Field(default=NodeKind.ACTOR, description="Node label.")
    id: str = Field(
        description="Id first given: 'act_' + hash of kind and canonical name when created;"
        " kept when later documents join it."
    )
    former_ids: tuple[str, ...] = Field(
        default=(),
        description="Ids it had before a merge folded them into it (in the order first given);"
        " lookups, pushes and queries by them find it.",
    )
    name: str = Field(description="Canonical name: the fullest form seen.")
    actor_type: ActorKind = Field(
        description="person, organization, country, product, facility, law, event, index or work."
    )
    aliases: tuple[str, ...] = Field(default=(), description="Other names seen, sorted.")
    titles: tuple[TitleRecord, ...] = Field(
        default=(), description="Titles and roles, each with the source and its date."
    )
    mentions: tuple[Span, ...] = Field(default=(), description="Every mention, with provenance.")


class Event(Model):
    """Something that happened, was decided, announced or planned."""

    kind: Literal[NodeKind.EVENT] = Field(default=NodeKind.EVENT, description="Node label.")
    id: str = Field(
        description="Id first given: 'evt_' + hash of its defining evidence when created;"
        " kept when later documents join it."
    )
    former_ids: tuple[str, ...] = Field(
        default=(),
        description="Ids it had before a merge folded them into it (in the order first given);"
        " lookups, pushes and queries by them find it.",
    )
    label: str = Field(description="Short description: the predicate with its core arguments.")
    event_type: EventType = Field(description="Type from the event vocabulary.")
    category: EventCategory = Field(
        default=EventCategory.OTHER,
        description="General category of the type: conflict, politics, business, ...",
    )
    trigger: str = Field(description="Lemma of the word that names the event ('mobilize').")
    date: DateValue | None = Field(default=None, description="When it happened; None if undated.")
    quantities: tuple[Quantity, ...] = Field(default=(), description="Numbers stated about it.")
    location: str | None = Field(default=None, description="Place, where stated.")
    negated: bool = Field(default=False, description="True when the text says it did not happen.")
    modality: Modality = Field(default="actual", description=MODALITY_DESCRIPTION)
    mentions: tuple[Span, ...] = Field(default=(), description="Every sentence describing it.")


class Claim(Model):
    """An attributed statement: who said what, when, reported by which source."""

    kind: Literal[NodeKind.CLAIM] = Field(default=NodeKind.CLAIM, description="Node label.")
    id: str = Field(description="Content-derived id: 'clm_' + hash of source and span.")
    text: str = Field(description="The quote or the paraphrased content.")
    direct: bool = Field(description="True for a direct quotation.")
    speaker: str | None = Field(
        default=None, description="Speaker as written ('he', 'a source'); None if unstated."
    )
    cue: str = Field(description="Reporting expression: 'said', 'according to', 'dismissed'.")
    date: DateValue | None = Field(default=None, description="When the statement was made.")
    polarity: Polarity = Field(default=Polarity.POSITIVE, description="Negated or affirmed.")
    hedged: bool = Field(default=False, description="Marked uncertain: reportedly, may, alleged.")
    span: Span = Field(description="The whole attribution in the source text.")


Node = Annotated[Source | Actor | Event | Claim, Field(discriminator="kind")]


# --------------------------------------------------------------------------- edges


class Edge(Model):
    """A typed edge; its id is derived from its ends and type."""

    id: str = Field(description="Content-derived id of the edge.")
    source: str = Field(description="Id of the start node.")
    target: str = Field(description="Id of the end node.")
    type: EdgeType = Field(description="Relationship type.")
    role: Role | None = Field(default=None, description="PARTICIPATED_IN only: the actor's role.")
    evidence: str | None = Field(
        default=None, description="Why the edge exists (SUPPORTS, CONTRADICTS, PRECEDES)."
    )
    spans: tuple[Span, ...] = Field(default=(), description="Text evidence, with provenance.")


class GraphRecord(Model):
    """The whole graph as plain records: what the schema describes and stores exchange."""

    nodes: tuple[Node, ...] = Field(description="All nodes, sorted by id.")
    edges: tuple[Edge, ...] = Field(description="All edges, sorted by id.")


# --------------------------------------------------------------------------- stage products


class Segment(Model):
    """A run of cleaned text copied unchanged from the original file."""

    clean: int = Field(ge=0, description="Start offset in the cleaned text.")
    original: int = Field(ge=0, description="Start offset in the original file text.")
    length: int = Field(ge=0, description="Number of characters in the run.")


class Document(Model):
    """A read and cleaned document: what ingestion hands to extraction."""

    source: Source = Field(description="The Source node, with the metadata stated in the text.")
    text: str = Field(description="Cleaned text that the NLP sees.")
    segments: tuple[Segment, ...] = Field(
        description="Runs mapping cleaned offsets back to the original file, sorted by `clean`."
    )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text range to the original file's offsets."""
        return _map_offset(self.segments, start, False), _map_offset(self.segments, end, True)

    def span(self, start: int, end: int) -> Span:
        """A provenance `Span` for cleaned-text offsets `start:end`."""
        o_start, o_end = self.to_original(start, end)
        return Span(source_id=self.source.id, start=o_start, end=o_end, text=self.text[start:end])


def _map_offset(segments: tuple[Segment, ...], pos: int, is_end: bool) -> int:
    # Binary search for the segment holding `pos`; positions in inserted text (between
    # segments) snap to the nearest copied character so spans never point outside the file.
    lo, hi = 0, len(segments) - 1
    if hi < 0:
        return pos
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if segments[mid].clean <= pos:
            lo = mid
        else:
            hi = mid - 1
    seg = segments[lo]
    if pos < seg.clean:
        return seg.original
    if is_end and pos == seg.clean and lo > 0:
        prev = segments[lo - 1]
        return prev.original + prev.length
    return seg.original + min(pos - seg.clean, seg.length)


class LocalActor(Model):
    """An actor as seen inside one document, its mentions already grouped."""

    name: str = Field(description="Fullest name seen in the document, titles and 's removed.")
    actor_type: ActorKind = Field(
        description="person, organization, country, product, facility, law, event, index or work."
    )
    aliases: tuple[str, ...] = Field(default=(), description="Other names used in the document.")
    titles: tuple[str, ...] = Field(default=(), description="Titles and roles given to it.")
    mentions: tuple[Span, ...] = Field(
        description="Mentions in the document, by name and by reference, in text order."
    )
    references: tuple[Span, ...] = Field(
        default=(),
        description=(
            "The mentions that refer back to it by a pronoun or a description ('it', 'the"
            " company'), resolved within the document; never a name or an alias."
        ),
    )


class DateExpression(Model):
    """A relative date expression left unresolved because the publication date is unknown."""

    text: str = Field(description="The expression as written, e.g. '13 months ago'.")
    tense: Literal["past", "present", "future", "unknown"] = Field(
        description="Tense of the governing verb, which places it before or after the anchor."
    )


class Participant(Model):
    """An actor taking part in an event, by index into `DocExtraction.actors`."""

    actor: int = Field(ge=0, description="Index into DocExtraction.actors.")
    role: Role = Field(description="Role in the event.")
    span: Span = Field(description="The mention that links the actor to the event.")


class LocalEvent(Model):
    """An event as described in one document."""

    label: str = Field(description="Short description: predicate with its core arguments.")
    event_type: EventType = Field(description="Type from the event vocabulary.")
    trigger: str = Field(description="Lemma of the event word.")
    date: DateValue | None = Field(default=None, description="Normalised date, if any.")
    date_expression: DateExpression | None = Field(
        default=None,
        description="Relative date kept for later anchoring when the publication date is unknown.",
    )
    quantities: tuple[Quantity, ...] = Field(default=(), description="Numbers stated about it.")
    location: str | None = Field(default=None, description="Place, where stated.")
    negated: bool = Field(default=False, description="Said not to have happened.")
    modality: Modality = Field(default="actual", description=MODALITY_DESCRIPTION)
    again: bool = Field(
        default=False,
        description="Told as another occurrence of its kind ('a second wave of mobilization',"
        " 'a new offensive'): not the one named without such a word.",
    )
    participants: tuple[Participant, ...] = Field(default=(), description="Actors with roles.")
    told_back: bool = Field(
        default=False,
        description="Named with a demonstrative ('this draft', 'that attack') or, undated, as"
        " a name's ('Dmitriev's visit'): an event the document has likely named before.",
    )
    news: bool = Field(
        default=False,
        description="Told as the article's news (a main clause in the past or present perfect):"
        " with no date of its own it took place by the publication date.",
    )
    span: Span = Field(description="The sentence describing the event.")
    trigger_span: Span = Field(description="The event word itself.")
    words: tuple[str, ...] = Field(
        default=(),
        description="Content words (lemmas) within a few words of the event word in its"
        " sentence, sorted: its arguments and modifiers, which tell events of one story apart.",
    )
    repeats: tuple[int, ...] = Field(
        default=(),
        description="Where the document tells it again in the same sentence, word for word:"
        " for each repeat, how many characters further into the original file it stands. A"
        " repeat's sentence, event word and participants are these spans moved that far.",
    )

    def tellings(self, span: Span) -> tuple[Span, ...]:
        """`span`, one of this event's spans, and where each repeat has it, in text order."""
        return (span, *(span.moved(by) for by in self.repeats))


class LocalClaim(Model):
    """An attributed statement found in one document."""

    text: str = Field(description="Quote or paraphrased content.")
    direct: bool = Field(description="True for a direct quotation.")
    speaker: str | None = Field(default=None, description="Speaker as written.")
    speaker_actor: int | None = Field(default=None, description="Index into actors, if resolved.")
    via_actor: int | None = Field(
        default=None, description="Index of an outlet relaying the statement (nested attribution)."
    )
    cue: str = Field(description="Reporting expression.")
    date: DateValue | None = Field(default=None, description="When the statement was made.")
    polarity: Polarity = Field(default=Polarity.POSITIVE, description="Negated or affirmed.")
    hedged: bool = Field(default=False, description="Marked as uncertain.")
    about_event: int | None = Field(default=None, description="Index into events, if any.")
    span: Span = Field(description="The whole attribution.")
    content_span: Span = Field(description="The content (quote or paraphrase) only.")
    speaker_span: Span | None = Field(default=None, description="The speaker as written.")
    cue_span: Span | None = Field(default=None, description="The reporting word (cue).")


class DocExtraction(Model):
    """Everything extracted from one document; pure function of its text and metadata."""

    extractor: str = Field(description="Extractor version that produced this record.")
    source: Source = Field(description="The document's Source node.")
    actors: tuple[LocalActor, ...] = Field(default=(), description="Actors in the document.")
    events: tuple[LocalEvent, ...] = Field(default=(), description="Events in the document.")
    claims: tuple[LocalClaim, ...] = Field(default=(), description="Claims in the document.")
    fingerprint: tuple[int, ...] = Field(
        default=(),
        description="Sketch of the cleaned text's word 5-grams (the smallest hashes), by which"
        " copies and near-copies of an article are found.",
    )
    context: dict[str, int] = Field(
        default_factory=dict,
        description="What the document is about: its content words (nouns, names, verbs) as"
        " lemmas with their counts, the most frequent few hundred; documents with similar"
        " contexts tell one story.",
    )


class ExtractionText(NamedTuple):
    """A document's extraction as the JSON text a store keeps, with the fields it is filed
    under: what extraction workers send back. Cheaper to send, hold and keep than the objects
    (`DocExtraction`), which a load reads only when it resolves."""

    source_id: str
    content_hash: str
    path: str
    extractor: str
    json: str

    @classmethod
    def of(cls, extraction: DocExtraction) -> ExtractionText:
        source = extraction.source
        return cls(
            source.id,
            source.content_hash,
            source.path,
            extraction.extractor,
            extraction.model_dump_json(),
        )

    def read(self) -> DocExtraction:
        return DocExtraction.model_validate_json(self.json)

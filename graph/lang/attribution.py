"""The words a language uses to attribute statements: who said what, how, how surely."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class AttributionWords:
    """Vocabulary of attribution.

    Words are lower-cased; verbs and nouns are lemmas unless said otherwise.

    Attributes:
        reporting_verbs: lemmas that introduce an attributed statement ("say", "deny").
        weak_reporting_verbs: reporting verbs that report only with a clause or a quote
            ("call" reports in "called it a lie", not in "call up").
        statement_verbs: reporting verbs whose dated use is itself an event: a public
            appeal, pledge or warning.
        denial_verbs: cues that deny or reject their content.
        hedge_words: words that mark a statement or an event as uncertain.
        negation_words: words that negate the clause they sit in.
        evidence_verbs: verbs that report a finding only with a clause ("a poll shows that
            ..."); kept out of `reporting_verbs`, which events read to skip speech verbs
            ("found bodies").
        recipient_verbs: reporting verbs whose object is the listener, not the content
            ("told reporters that ...").
        question_verbs: reporting verbs that may report a question ("asked how many").
        hedging_verbs: reporting verbs that make their content uncertain ("believes").
        refusal_verbs: verbs that say a statement was withheld ("declined to say").
        relay_verbs: verbs by which one speaker relays another ("citing officials").
        passive_reporting_verbs: reporting verbs whose passive subject is still the speaker
            ("X was quoted as saying").
        idiom_verbs: verbs of idioms that report a statement ("made clear that").
        idiom_words: the words that complete those idioms ("clear", "slip", "known").
        statement_nouns: nouns that carry a statement ("X's claim that ...").
        unattributed_nouns: statement nouns that make a claim even when no speaker is named
            ("official statements that ...").
        denial_nouns: statement nouns that deny their content ("X's denial that ...").
        hedging_nouns: statement nouns that make their content uncertain ("X's belief that").
        frame_nouns: nouns of the occasion of a statement ("In a statement, X called ...").
        source_phrase: the words, in order, that introduce a source ("according to X").
        statement_marks: subordinators of a reported statement ("said that ...").
        question_marks: subordinators of a reported question ("questions whether ...").
        conditional_marks: subordinators of a reported question right after a cue ("asks
            if ...") that elsewhere open a condition.
        wh_words: words that open a question, direct or reported ("how many", "whether").
        conjunctions: coordinating conjunctions trimmed from the edges of content.
        content_prepositions: prepositions whose object is what was said ("spoke about X").
        weak_content_prepositions: prepositions by which a weak reporting verb reports
            ("called for talks", "described it as a failure").
        predicative_prepositions: prepositions that introduce what something is called or
            said to do ("described it as a failure", "quoted officials as saying").
        frame_prepositions: prepositions that attach a frame noun ("in a statement").
        date_prepositions: words that attach a date to a cue ("said on Friday").
        speaker_prepositions: prepositions that name a statement's speaker ("a statement by
            X", "a letter from X").
        role_nouns: nouns for someone speaking on an organisation's behalf, besides the
            actor title words ("a representative of the General Staff").
        non_speakers: subjects that name nobody in particular ("Who would have believed",
            "if you think").
        relative_pronouns: pronouns that open a relative clause ("the official, who said").
        person_pronouns: pronouns (subject and object forms) that stand for a person.
        thing_pronouns: pronouns that stand for a thing or an organisation.
        group_pronouns: pronouns that stand for a group, of people or organisations.
        gendered_pronouns: subject pronouns that tell a person's gender; a person once
            called by one is not called by another.
        pronoun_subjects: object form of a pronoun -> its subject form ("him" -> "he").
        definite_articles: articles that make a noun refer back ("the ministry").
        line_labels: line labels that look like a speaker ("UPDATE: ...") but are page
            furniture.
        negation_adverbs: adverbs that negate a cue without being parsed as negation
            ("has never said").
        negative_determiners: determiners that negate their noun ("no need").
        negative_pronouns: pronouns that negate the clause ("nothing has changed").
        negative_phrases: (modifier, head) pairs that negate a clause as its subject
            ("no one").
    """

    reporting_verbs: frozenset[str]
    weak_reporting_verbs: frozenset[str]
    statement_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    hedge_words: frozenset[str]
    negation_words: frozenset[str]
    evidence_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    question_verbs: frozenset[str]
    hedging_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    relay_verbs: frozenset[str]
    passive_reporting_verbs: frozenset[str]
    idiom_verbs: frozenset[str]
    idiom_words: frozenset[str]
    statement_nouns: frozenset[str]
    unattributed_nouns: frozenset[str]
    denial_nouns: frozenset[str]
    hedging_nouns: frozenset[str]
    frame_nouns: frozenset[str]
    source_phrase: tuple[str, ...]
    statement_marks: frozenset[str]
    question_marks: frozenset[str]
    conditional_marks: frozenset[str]
    wh_words: frozenset[str]
    conjunctions: frozenset[str]
    content_prepositions: frozenset[str]
    weak_content_prepositions: frozenset[str]
    predicative_prepositions: frozenset[str]
    frame_prepositions: frozenset[str]
    date_prepositions: frozenset[str]
    speaker_prepositions: frozenset[str]
    role_nouns: frozenset[str]
    non_speakers: frozenset[str]
    relative_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    gendered_pronouns: frozenset[str]
    pronoun_subjects: Mapping[str, str]
    definite_articles: frozenset[str]
    line_labels: frozenset[str]
    negation_adverbs: frozenset[str]
    negative_determiners: frozenset[str]
    negative_pronouns: frozenset[str]
    negative_phrases: frozenset[tuple[str, str]]

    @property
    def pronouns(self) -> frozenset[str]:
        """Every pronoun that may stand for a speaker."""
        return self.person_pronouns | self.thing_pronouns | self.group_pronouns

"""The words a language uses to attribute statements: who said what, how, how surely."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class AttributionWords:
    """Vocabulary of attribution.

    Attributes:
        reporting_verbs: lemmas that introduce an attributed statement ("say", "deny").
        weak_reporting_verbs: reporting verbs that report only with a clause or a quote
            ("call" reports in "called it a lie", not in "call up").
        statement_verbs: reporting verbs whose dated use is itself an event: a public
            appeal, pledge or warning.
        denial_verbs: cues that deny or reject their content.
        hedge_words: words that mark a statement or an event as uncertain.
        negation_words: words that negate the clause they sit in.
    """

    reporting_verbs: frozenset[str]
    weak_reporting_verbs: frozenset[str]
    statement_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    hedge_words: frozenset[str]
    negation_words: frozenset[str]

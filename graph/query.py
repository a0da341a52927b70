"""The query library: the Cypher files in `cypher/`, their parameters, and running them.

Every library file opens with a comment that gives its purpose, its parameters and an
example call; the parameter lines are also what `bind` checks and converts `--param`
values against:

    // Parameters:
    //   $actor (string, optional): only events this actor took part in
    //   $min_sources (integer, default 2): the least number of sources

Types are string, integer, float, boolean and date (ISO text; the query applies `date()`).
A query runs on any `GraphStore`: Neo4j when one is configured, else a local FalkorDB
loaded from the saved graph through the same write path as `push`.

Example:
    >>> result = run("timeline", {"actor": "Putin"}, Path("timeline.graph.db"))
    >>> result.columns[:3]
    ['event', 'date', 'precision']
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from graph.errors import QueryError
from graph.resources import folder
from graph.store.neo4j import Neo4jSettings
from graph.store.protocol import GraphStore, ReadResult
from graph.store.push import push
from graph.views import find_actors

ParameterType = Literal["string", "integer", "float", "boolean", "date"]
_PARAMETER = re.compile(
    r"^//\s+\$(\w+)\s+\((string|integer|float|boolean|date)"
    r"(?:,\s*(optional|default\s+[^)]*))?\):\s*(.*)$"
)
_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0"}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Parameters that name an actor (see `graph.views.name_matches` for the rule).
_ACTOR_PARAMETERS = ("actor", "actor_a", "actor_b")


@dataclass(frozen=True)
class Parameter:
    """One `$parameter` of a query, as declared in its header comment."""

    name: str
    type: ParameterType
    required: bool
    default: Any  # already converted to `type`; None when optional without a default
    description: str


@dataclass(frozen=True)
class Query:
    """A Cypher query with its header: purpose, declared parameters, example."""

    name: str
    text: str
    purpose: str
    parameters: tuple[Parameter, ...]
    example: str
    declared: bool  # False for a file without a `// Parameters:` header: any --param passes

    @property
    def statement(self) -> str:
        """The text as sent to a database: one statement, without its closing semicolon."""
        return self.text.strip().removesuffix(";").rstrip()


def library() -> list[Query]:
    """Every query shipped in `cypher/`, by name."""
    files = [f for f in folder("cypher").iterdir() if f.name.endswith(".cypher")]
    files.sort(key=lambda f: f.name)
    return [parse(f.name.removesuffix(".cypher"), f.read_text("utf-8")) for f in files]


def load_query(name_or_file: str) -> Query:
    """A library query by name (`timeline`), or any `.cypher` file by path.

    Raises:
        QueryError: no such query or file.
    """
    names = {q.name: q for q in library()}
    if name_or_file in names:
        return names[name_or_file]
    path = Path(name_or_file)
    if path.exists() and path.suffix != ".cypher":
        raise QueryError(
            f"{path}: not a .cypher file; name a query of the library or a file ending in .cypher"
        )
    if path.suffix == ".cypher":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{path}: cannot read the query ({error})") from None
        return parse(path.stem, text)
    raise QueryError(
        f"no query named {name_or_file!r} and no such file; the library has: "
        f"{', '.join(sorted(names))}"
    )


def parse(name: str, text: str) -> Query:
    """Read a query's header comment: purpose, `$parameter` declarations, example."""
    purpose: list[str] = []
    example = ""
    parameters: list[Parameter] = []
    declared = False
    section = ""
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.startswith("Purpose:"):
            section, body = "purpose", body.removeprefix("Purpose:").strip()
        elif body.startswith("Parameters:"):
            section, declared = "parameters", True
            continue
        elif body.startswith("Example:"):
            section, example = "example", body.removeprefix("Example:").strip()
            continue
        if section == "purpose":
            purpose.append(body)
        elif section == "parameters" and (match := _PARAMETER.match(line)):
            param_name, kind, qualifier, description = match.groups()
            default = None
            if qualifier and qualifier.startswith("default"):
                default = _convert(
                    name, param_name, kind, qualifier.removeprefix("default").strip()
                )
            parameters.append(
                Parameter(
                    param_name,
                    cast(ParameterType, kind),
                    qualifier is None,
                    default,
                    description.strip(),
                )
            )
    return Query(name, text, " ".join(purpose), tuple(parameters), example, declared)


def parse_assignments(pairs: Sequence[str]) -> dict[str, str]:
    """`["actor=Putin", "from=2023-01-01"]` -> `{"actor": "Putin", "from": "2023-01-01"}`."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r} is not KEY=VALUE; write e.g. --param actor=Putin")
        name = key.strip().lstrip("$")
        if not _NAME.fullmatch(name):
            raise QueryError(
                f"--param {pair!r}: {name!r} is not a parameter name; names are letters, digits"
                " and underscores, e.g. --param actor=Putin"
            )
        values[name] = value
    return values


def bind(query: Query, arguments: Mapping[str, str]) -> dict[str, Any]:
    """Check `--param` strings against the query's declarations and convert them.

    Raises:
        QueryError: an unknown or missing parameter, or a value of the wrong type.
    """
    if not query.declared:
        return dict(arguments)
    known = {p.name: p for p in query.parameters}
    for key in arguments:
        if key not in known:
            takes = ", ".join(known) if known else "no parameters"
            raise QueryError(f"query {query.name} has no parameter {key!r}; it takes: {takes}")
    values: dict[str, Any] = {}
    for param in query.parameters:
        if param.name in arguments:
            values[param.name] = _convert(query.name, param.name, param.type, arguments[param.name])
        elif param.required:
            raise QueryError(
                f"query {query.name} needs --param {param.name}=... ({param.description})"
            )
        else:
            values[param.name] = param.default
    return values


def run_on(store: GraphStore, query: Query, parameters: Mapping[str, Any]) -> ReadResult:
    """Run a bound query on a store; values come back JSON-ready (dates as ISO text)."""
    result = store.read(query.statement, parameters)
    return ReadResult(result.columns, [[_json_ready(v) for v in row] for row in result.rows])


def run(
    name_or_file: str,
    arguments: Mapping[str, str],
    graph_path: Path,
    neo4j: Neo4jSettings | None = None,
) -> ReadResult:
    """Load, bind and run a query: on Neo4j when `neo4j` is given, else on a local FalkorDB.

    The query and its parameters are checked before any database is touched. The local
    engine is started for this call, loaded from the saved graph at `graph_path` through the
    same write path as `push`, and stopped before returning.

    Raises:
        QueryError: unknown query, bad parameters, an actor parameter that names no actor
            of the saved graph (local engine only; the message suggests similar names).
        GraphFileError: no saved graph at `graph_path` (local engine only).
        StoreError: the database cannot be used, or failed or rejected the query.
    """
    query = load_query(name_or_file)
    parameters = bind(query, arguments)
    if neo4j is not None:
        with neo4j.connect() as store:
            return run_on(store, query, parameters)
    from graph.store.falkordb import FalkorDBStore
    from graph.store.saved import read_saved

    saved = read_saved(graph_path, missing_ok=False)
    for name in _ACTOR_PARAMETERS:
        if isinstance(parameters.get(name), str):
            find_actors(saved.graph, parameters[name])  # an unknown actor is an error, not 0 rows
    with FalkorDBStore.start() as local:
        push(saved.graph, local)
        return run_on(local, query, parameters)


def to_json(result: ReadResult) -> str:
    """Rows as a JSON array of objects keyed by column."""
    return json.dumps(result.records(), ensure_ascii=False, indent=1) + "\n"


def to_csv(result: ReadResult) -> str:
    """Rows as CSV with a header; lists and maps as JSON, null as an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell_text(v) for v in row])
    return buffer.getvalue()


def cell_text(value: Any, *, joined: bool = False) -> str:
    """One value as text for a table or CSV cell.

    Lists and maps are JSON, or with `joined` (for people, not programs) "a, b" and
    "key: value" text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if joined and isinstance(value, list):
        return ", ".join(cell_text(v, joined=True) for v in value)
    if joined and isinstance(value, dict):
        return ", ".join(f"{k}: {cell_text(v, joined=True)}" for k, v in value.items())
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# Integer parameters count things (limits, sources, days); both engines store 64 bits, and
# FalkorDB reads LIMIT as 32, so a larger value would be clamped or silently give no rows.
_INT_RANGE = 2**31 - 1


def _convert(query: str, name: str, kind: str, text: str) -> Any:
    try:
        if kind == "integer":
            number = int(text)
            if abs(number) > _INT_RANGE:
                raise QueryError(
                    f"query {query}: --param {name}={text} is out of range; "
                    f"write a whole number between -{_INT_RANGE} and {_INT_RANGE}"
                )
            return number
        if kind == "float":
            real = float(text)
            if not math.isfinite(real):
                raise QueryError(
                    f"query {query}: --param {name}={text!r} is not a finite number; "
                    f"write e.g. --param {name}=0.5"
                )
            return real
        if kind == "boolean":
            if text.lower() in _TRUE | _FALSE:
                return text.lower() in _TRUE
            raise ValueError(text)
        if kind == "date":
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        example = {"integer": "2", "float": "0.5", "boolean": "true", "date": "2024-03-29"}
        article = "an" if kind == "integer" else "a"
        raise QueryError(
            f"query {query}: --param {name}={text!r} is not {article} {kind}; "
            f"write e.g. --param {name}={example[kind]}"
        ) from None
    return text


def _json_ready(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    return value


__all__ = [
    "Parameter",
    "Query",
    "bind",
    "library",
    "load_query",
    "parse",
    "parse_assignments",
    "run",
    "run_on",
    "to_csv",
    "to_json",
]

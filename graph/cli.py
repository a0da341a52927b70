"""The `timeline-graph` command: a thin shell over the library.

Each command parses its arguments, calls one library function and prints the result. Errors
from the library (`GraphError`) become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from graph import corpus, export, query, schema, viewer, views
from graph.defaults import DEFAULT_GRAPH, MAX_DOCUMENT_MB, URL_TIMEOUT
from graph.errors import GraphError, NoDocumentsError
from graph.model import Document, NodeKind
from graph.store import PushReport, ReadResult, migrate, read_around_actor, read_saved
from graph.store.file import check_saved
from graph.store.neo4j import DEFAULT_URI, DEFAULT_USER, Neo4jSettings
from graph.store.push import DEFAULT_BATCH_SIZE, push_saved

if TYPE_CHECKING:
    from graph import pipeline

app = typer.Typer(
    help="Turn news articles into a timeline-event knowledge graph (sources, actors, events, "
    "claims) with provenance. Runs offline; the graph is saved in one SQLite file.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# Text from articles reaches the screen: never read it as markup or emoji codes.
out = Console(soft_wrap=True, emoji=False, highlight=False)
if not out.is_terminal:
    out = Console(soft_wrap=True, emoji=False, highlight=False, width=200)  # piped: no wrapping
err = Console(stderr=True, soft_wrap=True, emoji=False, highlight=False)

GraphOption = Annotated[
    Path, typer.Option("--graph", "-g", help="Saved graph file.", show_default=True)
]
UriOption = Annotated[
    str | None,
    typer.Option("--uri", envvar="NEO4J_URI", help=f"Neo4j address (default {DEFAULT_URI})."),
]
UserOption = Annotated[str, typer.Option("--user", envvar="NEO4J_USERNAME", help="Neo4j user.")]
PasswordOption = Annotated[
    str | None, typer.Option("--password", envvar="NEO4J_PASSWORD", help="Neo4j password.")
]
DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database", envvar="NEO4J_DATABASE", help="Neo4j database (default: the server's)."
    ),
]
T = TypeVar("T")
_quiet = False  # --quiet: no progress, no summaries; results and errors only


def _version(value: bool) -> None:
    if value:
        out.print(f"timeline-graph {metadata.version('timeline-graph')}", highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress or summaries; errors still show.")
    ] = False,
) -> None:
    """Turn news articles into a timeline-event knowledge graph."""
    global _quiet
    _quiet = quiet


def _on_screen(stream: TextIO) -> bool:
    """Whether a person reads `stream`: a terminal that can redraw, not a pipe or a file
    (whatever FORCE_COLOR says: colour is a choice, a pipe is a fact)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM", "") not in ("dumb", "unknown")


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except GraphError as error:
        _fail(error)


def _fail(error: GraphError) -> NoReturn:
    err.print(f"error: {error}", markup=False, highlight=False)
    raise typer.Exit(1) from None


class QueryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class ExportFormat(StrEnum):
    JSON = "json"
    GRAPHML = "graphml"
    TIMELINEJS = "timelinejs"
    NEO4J_IMPORT = "neo4j-import"


@app.command("load")
def load_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (recursive) or globs of .txt, .md, .html articles, and of "
            ".jsonl or .csv files of one article a row with the columns text (required), title, "
            "url, published, authors, publisher; http(s) addresses; - for standard input."
        ),
    ] = None,
    urls: Annotated[
        list[Path] | None,
        typer.Option(
            "--urls",
            help="A text file of web addresses to fetch, one a line (# starts a comment); "
            "repeat for more.",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(min=0.1, help="Seconds each web address may take.", show_default=True),
    ] = URL_TIMEOUT,
    graph: GraphOption = DEFAULT_GRAPH,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    executor: Annotated[
        str | None,
        typer.Option(
            "--executor",
            metavar="ADDRESS",
            help="Extract on the workers of a Dask scheduler at this address "
            "(tcp://host:8786 or dask://host:8786) instead of local processes; every worker "
            "needs timeline-graph installed, with pip install 'timeline-graph[dask]' here. "
            "Reading and resolution stay on this machine.",
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline (default: en_core_web_sm if installed).")
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Resolve the whole graph anew, naming every actor and event by its content as "
            "a first load would; ids given by earlier loads are not kept.",
        ),
    ] = False,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size",
            min=0.001,
            help="Largest article (file, row or web page) read, in MB.",
            show_default=True,
        ),
    ] = MAX_DOCUMENT_MB,
    neo4j: Annotated[
        bool,
        typer.Option(
            "--neo4j",
            help="Then push the graph to Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, "
            "NEO4J_DATABASE); the server is checked before loading.",
        ),
    ] = False,
) -> None:
    """Read articles, extract sources, actors, events and claims, and save the graph.

    Loading the same documents again changes nothing; new documents are added and resolved
    together with those already in the graph.

    A web address (http://, https://) is fetched and its article extracted; --urls reads
    addresses from a file. A .jsonl or .csv file holds one article a row, with the columns
    (JSON keys) text (required), title, url, published (a day, 2024-03-29), authors (a JSON
    list, or names separated by ;) and publisher; a bad row is skipped with its file and row
    (FILE#LINE).
    """
    if not paths and not urls:
        err.print(
            "error: name files, folders or web addresses to load, or a list of addresses with "
            "--urls FILE",
            markup=False,
        )
        raise typer.Exit(2)
    if executor is not None and jobs != 1:
        err.print(
            "error: --jobs sets local worker processes and --executor sends the work to a "
            "cluster; pass one of them",
            markup=False,
        )
        raise typer.Exit(2)
    # With --neo4j the server is checked first, so a wrong password costs no extraction.
    store = _run(lambda: _neo4j_from_environment().connect()) if neo4j else None
    progress = _LoadProgress(enabled=not _quiet and _on_screen(sys.stderr))
    with store or contextlib.nullcontext():
        try:
            with progress:
                from graph.pipeline import load  # the language stack, only when loading

                report = load(
                    paths or [],
                    graph,
                    jobs,
                    model,
                    on_start=progress.started,
                    on_document=progress.advanced,
                    on_phase=progress.phase,
                    max_document_mb=max_size,
                    url_lists=[u.as_posix() for u in urls or []],
                    timeout=timeout,
                    executor=executor,
                    full=full,
                )
        except NoDocumentsError as error:
            if len(error.problems) > 1:  # one problem is the message itself
                for problem in error.problems:
                    err.print(f"skipped {problem}", markup=False, highlight=False)
            _fail(error)
        except GraphError as error:
            _fail(error)
        _print_report(report)
        if report.problems and not report.loaded and not report.unchanged:
            raise typer.Exit(1)
        if store is not None:
            _print_push(_run(lambda: push_saved(graph, store)))


class _LoadProgress:
    """What `load` is doing, on stderr: a spinner per phase, a bar while extracting. Nothing
    at all (not even a blank line) unless a person watches a terminal."""

    def __init__(self, enabled: bool) -> None:
        self._bar = (
            Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=True,
            )
            if enabled
            else None
        )
        self._task = self._bar.add_task("starting", total=None) if self._bar else None
        self._extracting = False

    def __enter__(self) -> _LoadProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def phase(self, text: str) -> None:
        """A step; once extraction has begun, the bar keeps its count through the steps of
        a long load."""
        if self._bar is not None and self._task is not None:
            if self._extracting:
                self._bar.update(self._task, description=text)
            else:
                self._bar.update(self._task, description=text, total=None, completed=0)

    def started(self, total: int | None) -> None:
        self._extracting = True
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, description="extracting", total=total, completed=0)

    def advanced(self, _: Document) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task)


def _neo4j_from_environment() -> Neo4jSettings:
    env = os.environ
    return Neo4jSettings(
        uri=env.get("NEO4J_URI") or DEFAULT_URI,
        user=env.get("NEO4J_USERNAME") or DEFAULT_USER,
        password=env.get("NEO4J_PASSWORD"),
        database=env.get("NEO4J_DATABASE") or None,
    )


def _print_report(report: pipeline.LoadReport) -> None:
    for problem in report.problems:
        err.print(f"skipped {problem}", markup=False, highlight=False)
    if _quiet:
        return
    out.print(
        f"{len(report.loaded)} documents read, {len(report.unchanged)} already in the graph, "
        f"{len(report.problems)} skipped -> {report.graph_path}",
        markup=False,
        highlight=False,
    )
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("nodes")
    table.add_column("count", justify="right")
    table.add_column("edges")
    table.add_column("count", justify="right")
    nodes, edges = sorted(report.nodes.items()), sorted(report.edges.items())
    for i in range(max(len(nodes), len(edges))):
        n = nodes[i] if i < len(nodes) else ("", "")
        e = edges[i] if i < len(edges) else ("", "")
        table.add_row(n[0], str(n[1]), e[0], str(e[1]))
    out.print(table)


@app.command("timeline")
def timeline_command(
    graph: GraphOption = DEFAULT_GRAPH,
    actor: Annotated[
        str | None,
        typer.Option(
            help="Only events this actor took part in: its name, an alias, a part of one that "
            "names no other actor (Peskov), or its id (act_...).",
        ),
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Only events on or after this day, month or year (2024-03-29, 2024-03, 2024).",
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Only events on or before this day, month or year (2024-03-29, 2024-03, 2024).",
        ),
    ] = None,
    format: Annotated[
        QueryFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: table on a terminal, else csv)."
        ),
    ] = None,
    statements: Annotated[
        bool,
        typer.Option(
            "--statements",
            help="Also the statements made (the actor's, or everyone's): who said what, when.",
        ),
    ] = False,
) -> None:
    """Events in chronological order, undated last: id, date in words ("early March 2024"),
    precision, type, event, how the articles tell it, participants, sources, contested.

    csv adds the TIMEX3 value of each date (2024-03); json gives every event as an object with
    its date in words and its machine values (timex, start, end, precision, mod, basis),
    category, and participants with ids and roles.
    """
    start, end = _date_option("--from", date_from), _date_option("--to", date_to, last=True)

    def events() -> list[views.TimelineRow]:
        if actor is None:
            whole = read_saved(graph, missing_ok=False).graph
            return views.timeline(whole, None, start, end, statements=statements)
        part, wanted = read_around_actor(graph, actor, statements=statements)
        return views.timeline(part, wanted, start, end, statements=statements)

    rows = _run(events)
    format = format or (QueryFormat.TABLE if _on_screen(sys.stdout) else QueryFormat.CSV)
    if format is QueryFormat.JSON:
        records = [row.record() for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
        return
    columns = ["id", "date", "precision", "type", "event", "told as", "participants"]
    columns += ["sources", "contested"]
    cells = [
        [
            row.event_id,
            row.date_words,
            row.precision or "",
            row.event_type,
            row.label,
            row.modality,
            ", ".join(row.participants),
            str(row.sources),
            "yes" if row.contested else "",
        ]
        for row in rows
    ]
    if format is QueryFormat.CSV:
        with_timex = [
            [*c[:2], row.date, *c[2:-1], row.contested] for c, row in zip(cells, rows, strict=True)
        ]
        result = ReadResult([*columns[:2], "timex", *columns[2:]], with_timex)
        sys.stdout.write(query.to_csv(result))
        return
    _print_table(columns, cells)
    told = "events and statements" if statements else "events"
    out.print(f"{len(rows)} {told}", markup=False, highlight=False)


@app.command("sources")
def sources_command(
    graph: GraphOption = DEFAULT_GRAPH,
    format: Annotated[
        QueryFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: table on a terminal, else csv)."
        ),
    ] = None,
) -> None:
    """The graph's sources, earliest first: id, date (stated or inferred), title, publisher,
    path or url, events and claims, and copies (`copy of src_...`)."""
    saved = _run(lambda: read_saved(graph, missing_ok=False))
    rows = corpus.sources(saved.graph)
    columns = ["source", "published", "basis", "title", "publisher", "path", "url", "events"]
    columns += ["claims", "status"]
    result = ReadResult(
        columns,
        [
            [
                r.source_id,
                r.published,
                r.basis,
                r.title,
                r.publisher,
                r.path,
                r.url,
                r.events,
                r.claims,
                r.status,
            ]
            for r in rows
        ],
    )
    format = format or (QueryFormat.TABLE if _on_screen(sys.stdout) else QueryFormat.CSV)
    if format is QueryFormat.JSON:
        sys.stdout.write(query.to_json(result))
    elif format is QueryFormat.CSV:
        sys.stdout.write(query.to_csv(result))
    else:
        shown = ["source", "published", "title", "publisher", "path", "events", "status"]
        _print_table(
            shown,
            [
                [
                    r.source_id,
                    f"{r.published} ({r.basis})" if r.published else "undated",
                    r.title,
                    r.publisher or "",
                    r.url if r.url and r.url == r.path else r.path,
                    str(r.events),
                    r.status,
                ]
                for r in rows
            ],
        )
        copies = sum(1 for r in rows if r.copy_of)
        out.print(f"{len(rows)} sources, {copies} of them copies", markup=False, highlight=False)


@app.command("remove")
def remove_command(
    names: Annotated[
        list[str],
        typer.Argument(metavar="SOURCE...", help="Source ids, paths or urls (see `sources`)."),
    ],
    graph: GraphOption = DEFAULT_GRAPH,
) -> None:
    """Take sources out of the graph; the rest is resolved again as if they were never loaded.

    The graph changes in one transaction, under the same lock as `load`; actors and events
    keep their ids. A name that matches no source changes nothing.
    """
    progress = _LoadProgress(enabled=not _quiet and _on_screen(sys.stderr))
    with progress:
        report = _run(lambda: corpus.remove(graph, names, on_phase=progress.phase))
    if _quiet:
        return
    for row in report.removed:
        out.print(f"removed {row.source_id} {row.path}", markup=False, highlight=False)
    nodes = ", ".join(f"{n} {k}" for k, n in sorted(report.nodes.items()))
    out.print(
        f"{len(report.removed)} sources removed -> {report.graph_path}: {nodes or 'empty'}",
        markup=False,
        highlight=False,
    )


@app.command("migrate")
def migrate_command(
    source: Annotated[Path, typer.Argument(help="The saved graph to convert.")],
    target: Annotated[
        Path, typer.Argument(help="The new file: a store, or a JSON file if it ends in .json.")
    ],
) -> None:
    """Convert a saved graph: a JSON graph file of version 0.1 into a store that `load` can
    add to, or a store into one portable JSON file (graph and extractions)."""
    documents = _run(lambda: migrate(source, target))
    if not _quiet:
        out.print(f"{source} -> {target}: {documents} documents", markup=False, highlight=False)


@app.command("stats")
def stats_command(graph: GraphOption = DEFAULT_GRAPH) -> None:
    """Figures of the graph: nodes by kind, edges by type, documents, date ranges, top actors."""
    saved = _run(lambda: read_saved(graph, missing_ok=False))
    figures = corpus.stats(saved.graph)

    def span(first: dt.date | None, last: dt.date | None) -> str:
        return f"{first} to {last}" if first and last else "none"

    lines = [
        f"documents     {figures.documents} ({figures.copies} copies of another)",
        f"published     {span(figures.first_published, figures.last_published)}",
        f"events dated  {span(figures.first_event, figures.last_event)}"
        f" ({figures.undated_events} undated)",
    ]
    for line in lines:
        out.print(line, markup=False, highlight=False)
    _print_table(["nodes", "count"], [[k, str(n)] for k, n in figures.nodes.items()])
    _print_table(["edges", "count"], [[k, str(n)] for k, n in figures.edges.items()])
    _print_table(
        ["top actors", "events", "sources"],
        [[a.name, str(a.events), str(a.sources)] for a in figures.top_actors],
    )


def _date_option(flag: str, value: str | None, *, last: bool = False) -> dt.date | None:
    """A day, a month (YYYY-MM) or a year (YYYY): its first day, or with `last` its last."""
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 12, 31) if last else dt.date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = map(int, value.split("-"))
            day = calendar.monthrange(year, month)[1] if last else 1
            return dt.date(year, month, day)
        return dt.date.fromisoformat(value)
    except ValueError:
        err.print(
            f"error: {flag} {value!r} is not a date; write a day, month or year "
            "(2024-03-29, 2024-03 or 2024)",
            markup=False,
        )
        raise typer.Exit(2) from None


@app.command("export")
def export_command(
    graph: GraphOption = DEFAULT_GRAPH,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.JSON
    ),
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write here instead of stdout; for neo4j-import, the folder to write.",
        ),
    ] = None,
) -> None:
    """Export the graph: node-link JSON (networkx), GraphML (Gephi, yEd), TimelineJS JSON
    (the dated events) or neo4j-import (a folder of CSV files and import.sh for
    neo4j-admin database import full)."""
    if format is ExportFormat.NEO4J_IMPORT and out_path is None:
        err.print(
            "error: --format neo4j-import writes a folder of CSV files, not one stream; "
            "pass --out FOLDER",
            markup=False,
        )
        raise typer.Exit(2)
    saved = _run(lambda: read_saved(graph, missing_ok=False))
    if format is ExportFormat.NEO4J_IMPORT:
        assert out_path is not None
        folder = out_path
        files = _run(lambda: export.to_neo4j_import(saved.graph, folder))
        if not _quiet:
            err.print(
                f"wrote {len(files) - 1} CSV files and {export.IMPORT_SCRIPT} to {folder}; "
                f"sh {folder / export.IMPORT_SCRIPT} imports them with neo4j-admin",
                markup=False,
                highlight=False,
            )
        return
    undated = 0
    if format is ExportFormat.JSON:
        text = export.to_json(saved.graph)
    elif format is ExportFormat.GRAPHML:
        text = export.to_graphml(saved.graph)
    else:
        text, undated = export.to_timelinejs(saved.graph)
    if undated and not _quiet:
        err.print(
            f"left out {undated} undated events (TimelineJS places every event on a date)",
            markup=False,
            highlight=False,
        )
    if out_path is None:
        sys.stdout.write(text)
    else:
        _write_out(out_path, text)


def _write_out(path: Path, text: str) -> None:
    """Write `text` to an --out file, creating its folders; one line on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        err.print(
            f"error: {path}: cannot write here ({error.strerror}); pass a writable --out PATH",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(1) from None
    if not _quiet:
        err.print(f"wrote {path}", markup=False, highlight=False)


@app.command("view")
def view_command(
    graph: GraphOption = DEFAULT_GRAPH,
    out_path: Annotated[
        Path, typer.Option("--out", "-o", help="The HTML file to write.", show_default=True)
    ] = Path("timeline.html"),
    title: Annotated[str, typer.Option(help="The page's title.")] = "timeline-graph",
) -> None:
    """Write the graph as one offline HTML page: timeline, graph, filters, evidence.

    The page needs no network: its script, style and data are inside the file.
    """
    saved = _run(lambda: read_saved(graph, missing_ok=False))
    _write_out(out_path, viewer.render_page(saved.graph, title))


class SchemaPart(StrEnum):
    JSON = "json"
    CONSTRAINTS = "constraints"
    STYLE = "style"


@app.command("schema")
def schema_command(
    part: Annotated[
        SchemaPart,
        typer.Argument(
            help="What to print: the JSON Schema, the Neo4j constraints (Cypher) or the "
            "Neo4j Browser style."
        ),
    ] = SchemaPart.JSON,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write all three files into this folder instead."),
    ] = None,
) -> None:
    """Print one part of the graph's schema (JSON Schema by default), or write all parts."""
    if out_dir is None:
        if part is SchemaPart.JSON:
            sys.stdout.write(json.dumps(schema.json_schema(), indent=2, sort_keys=True) + "\n")
        elif part is SchemaPart.CONSTRAINTS:
            sys.stdout.write("\n".join(schema.constraints()) + "\n")
        else:
            sys.stdout.write(schema.browser_style())
        return
    try:
        written = schema.write_schema(out_dir)
    except OSError as error:
        err.print(
            f"error: {out_dir}: cannot write the schema here ({error.strerror}); "
            "pass a folder with --out DIR",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(1) from None
    for path in written:
        if not _quiet:
            err.print(f"wrote {path}", markup=False, highlight=False)


@app.command("push")
def push_command(
    graph: GraphOption = DEFAULT_GRAPH,
    uri: UriOption = None,
    user: UserOption = DEFAULT_USER,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Rows per transaction.")
    ] = DEFAULT_BATCH_SIZE,
    wipe: Annotated[
        bool, typer.Option("--wipe", help="First delete every Source, Actor, Event, Claim node.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Confirm --wipe.")] = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune/--no-prune",
            help="Delete Source/Actor/Event/Claim nodes and their relationships that the graph "
            "no longer has (ids that re-resolution replaced).",
        ),
    ] = True,
) -> None:
    """Push the saved graph to Neo4j: constraints first, then nodes and relationships.

    Pushing the same graph again creates nothing; after loading more documents it adds only
    what is new. The counters printed are Neo4j's own.
    """
    if wipe and not yes:
        labels = ", ".join(kind.value for kind in NodeKind)
        err.print(
            f"error: --wipe deletes every {labels} node in the target database; "
            "add --yes to confirm",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(2)
    settings = Neo4jSettings(uri or DEFAULT_URI, user, password, database or None)
    _run(lambda: check_saved(graph, missing_ok=False))  # a missing file before any server

    def pushed() -> PushReport:
        with settings.connect() as store:
            return push_saved(graph, store, batch_size, wipe, prune=prune)

    _print_push(_run(pushed))


def _print_push(report: PushReport) -> None:
    stats = report.stats
    if report.wiped:
        out.print(f"wiped {report.wiped} nodes first", markup=False, highlight=False)
    out.print(
        f"pushed {stats.rows} rows in {stats.batches} batches to {report.target} "
        f"({report.seconds:.1f} s, {report.rows_per_second:,.0f} rows/s): created "
        f"{stats.nodes_created} nodes and {stats.relationships_created} relationships, "
        f"set {stats.properties_set} properties, deleted {stats.nodes_deleted} stale nodes and "
        f"{stats.relationships_deleted} stale relationships",
        markup=False,
        highlight=False,
    )


@app.command("query")
def query_command(
    name: Annotated[
        str | None,
        typer.Argument(metavar="NAME_OR_FILE", help="A query of the library or a .cypher file."),
    ] = None,
    list_queries: Annotated[
        bool, typer.Option("--list", "-l", help="List the library's queries and exit.")
    ] = False,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="KEY=VALUE for a $parameter; repeat for more."),
    ] = None,
    format: Annotated[
        QueryFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: table on a terminal, else csv)."
        ),
    ] = None,
    graph: GraphOption = DEFAULT_GRAPH,
    uri: UriOption = None,
    user: UserOption = DEFAULT_USER,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    local: Annotated[
        bool, typer.Option("--local", help="Use the local engine even if NEO4J_URI is set.")
    ] = False,
) -> None:
    """Run a query of the library (cypher/) on Neo4j when --uri/NEO4J_URI is set, else locally.

    The local engine is FalkorDB (pip install 'timeline-graph\\[local]'), started for the query
    and loaded from the saved graph. A query missing a parameter says which it needs.
    """
    if list_queries or name is None:
        if name is None and not list_queries:
            err.print("error: name a query or a .cypher file; the library:", markup=False)
        for q in query.library():
            names = ", ".join(f"{p.name}{'' if p.required else '?'}" for p in q.parameters)
            out.print(f"{q.name}({names})\n    {q.purpose}", markup=False, highlight=False)
        if name is None and not list_queries:
            raise typer.Exit(2)
        return
    arguments = _run(lambda: query.parse_assignments(param or []))
    settings = None if local or not uri else Neo4jSettings(uri, user, password, database or None)
    result = _run(lambda: query.run(name, arguments, graph, settings))
    format = format or (QueryFormat.TABLE if _on_screen(sys.stdout) else QueryFormat.CSV)
    if format is QueryFormat.JSON:
        sys.stdout.write(query.to_json(result))
    elif format is QueryFormat.CSV:
        sys.stdout.write(query.to_csv(result))
    else:
        _print_table(
            result.columns, [[query.cell_text(v, joined=True) for v in r] for r in result.rows]
        )
        out.print(f"{len(result.rows)} rows", markup=False, highlight=False)


_ID = re.compile(r"^[a-z]{3}_[0-9a-f]{6,}$")


def _print_table(columns: list[str], rows: list[list[str]]) -> None:
    """A table that wraps long text and folds what has no spaces, but never cuts an id."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for c, column in enumerate(columns):
        cells = [row[c] for row in rows]
        if cells and all(_ID.match(cell) or not cell for cell in cells):
            table.add_column(column, no_wrap=True, min_width=max(map(len, cells)))
        else:
            table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # data is never read as markup or emoji
    out.print(table)


def main() -> None:  # pragma: no cover - console script entry
    app()


if __name__ == "__main__":  # python -m graph.cli
    main()

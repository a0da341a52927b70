"""The `timeline-graph` command: a thin shell over the library.

Each command parses its arguments, calls one library function and prints the result. Errors
from the library (`GraphError`) become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from graph import export, schema, views
from graph.errors import GraphError
from graph.model import Document
from graph.pipeline import DEFAULT_GRAPH, LoadReport, load
from graph.store import read_saved

app = typer.Typer(
    help="Turn news articles into a timeline-event knowledge graph (sources, actors, events, "
    "claims) with provenance. Runs offline; the graph is saved as JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
if not out.is_terminal:
    out = Console(soft_wrap=True, width=200)  # piped output: long rows, no wrapping
err = Console(stderr=True, soft_wrap=True)

GraphOption = Annotated[
    Path, typer.Option("--graph", "-g", help="Saved graph file.", show_default=True)
]
T = TypeVar("T")


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except GraphError as error:
        err.print(f"error: {error}", markup=False, highlight=False)
        raise typer.Exit(1) from None


class ExportFormat(StrEnum):
    JSON = "json"
    GRAPHML = "graphml"


@app.command("load")
def load_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive) or globs of .txt, .md, .html.")
    ],
    graph: GraphOption = DEFAULT_GRAPH,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline (default: en_core_web_sm if installed).")
    ] = None,
) -> None:
    """Read articles, extract sources, actors, events and claims, and save the graph.

    Loading the same documents again changes nothing; new documents are added and resolved
    together with those already in the graph.
    """
    progress = Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("extract", total=0)

    def started(total: int) -> None:
        progress.update(task, total=total)
        progress.start()

    def advanced(_: Document) -> None:
        progress.advance(task)

    try:
        report = _run(
            lambda: load(paths, graph, jobs, model, on_start=started, on_document=advanced)
        )
    finally:
        progress.stop()
    _print_report(report)
    if report.problems and not report.loaded and not report.unchanged:
        raise typer.Exit(1)


def _print_report(report: LoadReport) -> None:
    for problem in report.problems:
        err.print(f"skipped {problem}", markup=False, highlight=False)
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
    actor: Annotated[str | None, typer.Option(help="Only events this actor took part in.")] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Only events on or after this date (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Only events on or before this date (YYYY-MM-DD).")
    ] = None,
) -> None:
    """Events in chronological order with date, precision, participants and source count."""
    start, end = _date_option("--from", date_from), _date_option("--to", date_to)
    saved = _run(lambda: read_saved(graph, missing_ok=False))
    rows = views.timeline(saved.graph, actor, start, end)
    table = Table(box=None, header_style="bold")
    for column, width in [
        ("date", 23),
        ("precision", 9),
        ("type", 16),
        ("event", 60),
        ("participants", 40),
        ("sources", 7),
        ("contested", 9),
    ]:
        table.add_column(column, max_width=width, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(
            row.date or "undated",
            row.precision or "",
            row.event_type,
            row.label,
            ", ".join(row.participants),
            str(row.sources),
            "yes" if row.contested else "",
        )
    out.print(table)
    out.print(f"{len(rows)} events", markup=False, highlight=False)


def _date_option(flag: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err.print(f"error: {flag} {value!r} is not a date; write it as YYYY-MM-DD", markup=False)
        raise typer.Exit(2) from None


@app.command("export")
def export_command(
    graph: GraphOption = DEFAULT_GRAPH,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.JSON
    ),
    out_path: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export the graph: node-link JSON (networkx) or GraphML (Gephi, yEd)."""
    saved = _run(lambda: read_saved(graph, missing_ok=False))
    text = (
        export.to_json(saved.graph)
        if format is ExportFormat.JSON
        else export.to_graphml(saved.graph)
    )
    if out_path is None:
        sys.stdout.write(text)
    else:
        out_path.write_text(text, encoding="utf-8")
        err.print(f"wrote {out_path}", markup=False, highlight=False)


@app.command("schema")
def schema_command(
    out_dir: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the schema files into this folder.")
    ] = None,
) -> None:
    """Print the graph's JSON Schema and Neo4j constraints, or write them to a folder."""
    if out_dir is None:
        sys.stdout.write(json.dumps(schema.json_schema(), indent=2, sort_keys=True) + "\n")
        sys.stdout.write("\n".join(schema.constraints()) + "\n")
        return
    for path in schema.write_schema(out_dir):
        err.print(f"wrote {path}", markup=False, highlight=False)


def main() -> None:  # pragma: no cover - console script entry
    app()

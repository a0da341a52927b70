"""Every Cypher text this project sends passes Neo4j's own linter.

`tests/lint_cypher.mjs` runs `lintCypherQuery` from @neo4j-cypher/language-support (pinned in
package.json) with the schema's labels, relationship types (and which labels they join),
property keys and each statement's parameters. Node.js with npm is required; the first run
installs the pinned linter with `npm ci`, and these tests fail (not skip) when it cannot.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from typing import Any

import pytest

from graph import query, schema
from graph.store.neo4j import wipe_statement
from graph.store.push import schema_statements, write_statements

from .conftest import ROOT

LINTER = ROOT / "tests" / "lint_cypher.mjs"
PACKAGE = ROOT / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
PINNED = "2.0.0-next.38"
SAMPLE: dict[str, Any] = {
    "string": "x",
    "integer": 1,
    "float": 0.5,
    "boolean": True,
    "date": "2024-03-29",
}
SAMPLE_ROW = {"id": "x", "source": "a", "target": "b", "props": {}, "dates": {}}


def lint_schema() -> dict[str, Any]:
    # The linter checks map keys against property keys too, so the keys of the pusher's
    # $rows maps (`row.source`, ...) are listed with the stored properties.
    return {
        "labels": [kind.value for kind in schema.NODE_MODELS],
        "relationshipTypes": [t.value for t in schema.RELATIONSHIP_ENDS],
        "propertyKeys": sorted({*schema.property_keys(), *SAMPLE_ROW}),
        "graphSchema": [
            {"from": start.value, "to": end.value, "relType": t.value}
            for t, (start, end) in schema.RELATIONSHIP_ENDS.items()
        ],
    }


def _install_linter() -> None:
    """The test setup installs the pinned linter (package-lock.json) the first time."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed: install Node.js 20+ with npm")
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not PACKAGE.exists():
        pytest.fail(f"`npm ci` could not install the Cypher linter: {result.stderr.strip()}")


def lint(statements: list[tuple[str, str, dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """name -> diagnostics for each (name, text, parameters)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: install Node.js 20+ and run `npm ci` (CI does both)")
    if not PACKAGE.exists():
        _install_linter()
    payload = {
        "schema": lint_schema(),
        "statements": [{"name": n, "text": t, "parameters": p} for n, t, p in statements],
    }
    result = subprocess.run(
        [node, str(LINTER)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["version"] == PINNED, f"linter {output['version']} is not the pinned {PINNED}"
    return {r["name"]: r["diagnostics"] for r in output["results"]}


def project_statements() -> list[tuple[str, str, dict[str, Any]]]:
    """Every statement: the library, the pusher's writes and schema, wipe, awaitIndexes."""
    statements = [
        (f"cypher/{q.name}.cypher", q.text, {p.name: SAMPLE[p.type] for p in q.parameters})
        for q in query.library()
    ]
    statements += [
        (name, text, {"rows": [SAMPLE_ROW]}) for name, text in write_statements().items()
    ]
    statements += [(f"schema: {s}", s, {}) for s in schema_statements()]
    statements += [("wipe", wipe_statement(), {"limit": 1000})]
    statements += [("await indexes", "CALL db.awaitIndexes(300)", {})]
    return statements


@cache
def project_diagnostics() -> dict[str, list[dict[str, Any]]]:
    return lint(project_statements())


@pytest.mark.parametrize("name", [name for name, _, _ in project_statements()])
def test_statement_passes_the_neo4j_linter(name: str) -> None:
    diagnostics = project_diagnostics()[name]
    assert diagnostics == [], "\n".join(
        f"{name}:{d['line']}:{d['column']}: {d['message']}" for d in diagnostics
    )


def test_the_linter_catches_what_it_must() -> None:
    """The checks above are only as good as the linter's schema: prove it bites."""
    bad = {
        "label": ("MATCH (e:Evnt) RETURN e.id", {}),
        "relationship type": ("MATCH (a:Actor)-[:PARTICIPATES]->(e:Event) RETURN e.id", {}),
        "direction": ("MATCH (e:Event)-[:PARTICIPATED_IN]->(a:Actor) RETURN a.id", {}),
        "property": ("MATCH (e:Event) RETURN e.date_begin", {}),
        "parameter": ("MATCH (e:Event) WHERE e.id = $event RETURN e.id", {}),
        "function": ("MATCH (e:Event) RETURN algo.pageRank(e)", {}),
        "aggregation scope": (
            "MATCH (e:Event) RETURN count(e) AS n ORDER BY e.date_start",
            {},
        ),
        "syntax": ("MATCH (e:Event RETURN e", {}),
    }
    diagnostics = lint([(name, text, params) for name, (text, params) in bad.items()])
    for name, found in diagnostics.items():
        assert found, f"the linter let a wrong {name} through"


def test_library_headers_declare_what_the_queries_use() -> None:
    queries = query.library()
    assert len(queries) >= 12
    for q in queries:
        assert q.text.startswith("// Purpose: "), q.name
        assert q.purpose and q.declared, f"{q.name}: header needs Purpose and Parameters"
        assert q.example.startswith(f"timeline-graph query {q.name}"), q.name
        used = set(re.findall(r"\$(\w+)", q.text.split("\n//", 1)[0] + _body(q.text)))
        assert used == {p.name for p in q.parameters}, f"{q.name}: declared vs used"


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("//"))


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Neo4j Browser's own GraSS parser (GraphStyle.ts `parse`), line for line."""
    rules: dict[str, str] = {}
    inside_string = inside_props = False
    keyword = props = ""
    for c in text:
        if c == "{" and not inside_string:
            inside_props = True
            continue
        if c == "}" and not inside_string:
            inside_props, rules[keyword], keyword, props = False, props, "", ""
            continue
        if c == "'":
            inside_string = not inside_string
            continue
        if inside_props:
            props += c
        elif not c.isspace():
            keyword += c
    parsed: dict[str, dict[str, str]] = {}
    for key, body in rules.items():
        parsed[key] = {}
        for prop in body.split(";"):
            name, _, value = prop.partition(":")
            if name.strip() and value.strip():
                parsed[key][name.strip()] = value.strip()
    return parsed


def test_browser_style_reads_as_the_browser_reads_it() -> None:
    rules = parse_grass((ROOT / "schema" / schema.STYLE_FILE).read_text(encoding="utf-8"))
    labels = [f"node.{kind.value}" for kind in schema.NODE_MODELS]
    types = [f"relationship.{t.value}" for t in schema.RELATIONSHIP_ENDS]
    assert set(rules) == {"node", "relationship", *labels, *types}
    colours = {rules[label]["color"] for label in labels}
    assert len(colours) == len(labels), "each label needs its own colour"
    for label in labels:
        assert rules[label]["caption"] == "{caption}"
    assert rules["relationship.PARTICIPATED_IN"]["caption"] == "{role}"
    assert all(rules[t]["caption"] for t in types)

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema

from graph.schema import constraints, json_schema, packaged, render

from .conftest import ROOT


def test_checked_in_schema_matches_the_models() -> None:
    for name, content in render().items():
        on_disk = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert on_disk == content, (
            f"schema/{name} drifted: run `timeline-graph schema --out schema/`"
        )


def test_schema_ships_with_the_package() -> None:
    assert packaged("constraints.cypher") == render()["constraints.cypher"]


def test_constraints_are_idempotent_and_cover_every_label() -> None:
    statements = constraints()
    assert all("IF NOT EXISTS" in s for s in statements)
    for label in ("Source", "Actor", "Event", "Claim"):
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;" in "\n".join(statements)


def test_wheel_ships_schema_and_cypher(tmp_path: Path) -> None:
    """A non-editable install must find schema/ and cypher/ inside the package."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"graph/_schema/graph.schema.json", "graph/_schema/constraints.cypher"} <= names
    assert "graph/_cypher/timeline.cypher" in names


def test_schema_is_standard_json_schema() -> None:
    """No OpenAPI `discriminator`; valid under the Draft 2020-12 metaschema."""
    schema = json.loads(render()["graph.schema.json"])
    assert "discriminator" not in json.dumps(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_picks_the_node_model_by_kind() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    actor = {"kind": "Actor", "id": "act_1", "name": "Germany", "actor_type": "country"}
    assert validator.is_valid({"nodes": [actor], "edges": []})
    assert not validator.is_valid({"nodes": [{**actor, "kind": "Event"}], "edges": []})
    assert not validator.is_valid({"nodes": [], "edges": [], "directed": False})

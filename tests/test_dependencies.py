"""The dependency floors in pyproject.toml are the versions `.ci/run` tests."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from .conftest import ROOT

CONSTRAINTS = ROOT / ".ci" / "lowest-constraints.txt"


def _floors(group: str | None = None) -> dict[str, Version]:
    """Each direct dependency's lowest allowed version (`>=X` or `==X`); of the optional
    dependencies `group` (an extra of pyproject.toml) when given."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = project["optional-dependencies"][group] if group else project["dependencies"]
    floors = {}
    for line in lines:
        requirement = Requirement(line)
        lows = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==")]
        assert len(lows) == 1, f"{line}: declare one floor (>=X or ==X)"
        floors[canonicalize_name(requirement.name)] = lows[0]
    return floors


# Test tools pinned at their floor too: their behaviour, not only their presence, decides
# what the tests find (hypothesis generates the fuzz examples, selenium drives the browser).
TESTED_TOOLS = {"hypothesis", "selenium"}
# Extras whose dependencies are pinned like the required ones (the test extra installs them).
PINNED_EXTRAS = ("dask",)


def _pins() -> dict[str, Version]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"{CONSTRAINTS.name}: pin {line} with =="
            pins[canonicalize_name(requirement.name)] = Version(spec.version)
    return pins


def test_lowest_constraints_pin_every_floor_of_pyproject() -> None:
    tools = {name: v for name, v in _floors("test").items() if name in TESTED_TOOLS}
    assert tools.keys() == TESTED_TOOLS, "a tool of TESTED_TOOLS is missing from the test extra"
    extras = {name: v for group in PINNED_EXTRAS for name, v in _floors(group).items()}
    test_extra = _floors("test")
    assert all(test_extra.get(name) == v for name, v in extras.items()), (
        f"the test extra must install the pinned extras {PINNED_EXTRAS} at their floors"
    )
    floors, pins = _floors() | extras | tools, _pins()
    assert pins.keys() == floors.keys(), (
        f"{CONSTRAINTS.name} and pyproject.toml name different packages: "
        f"{sorted(pins.keys() ^ floors.keys())}"
    )
    disagree = {
        name: (str(floors[name]), str(pins[name])) for name in floors if floors[name] != pins[name]
    }
    assert not disagree, f"floor in pyproject.toml vs pin in {CONSTRAINTS.name}: {disagree}"


def test_every_pin_is_allowed_by_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = _pins()
    extras = [line for group in PINNED_EXTRAS for line in project["optional-dependencies"][group]]
    for line in [*project["dependencies"], *extras]:
        requirement = Requirement(line)
        assert pins[canonicalize_name(requirement.name)] in requirement.specifier, line


def test_the_wheel_lists_every_package() -> None:
    """`pip install .` (not editable) ships only the packages pyproject.toml names."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(setuptools["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "graph").rglob("__init__.py")
    }
    assert found - listed == set()

"""The dependency floors in pyproject.toml are the versions `.ci/run` tests."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from .conftest import ROOT

CONSTRAINTS = ROOT / ".ci" / "lowest-constraints.txt"


def _floors(optional: bool = False) -> dict[str, Version]:
    """Each direct dependency's lowest allowed version (`>=X` or `==X`); with `optional`,
    each optional dependency's (the extras') instead."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = (
        [line for extra in project["optional-dependencies"].values() for line in extra]
        if optional
        else project["dependencies"]
    )
    floors = {}
    for line in lines:
        requirement = Requirement(line)
        lows = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==")]
        assert len(lows) == 1, f"{line}: declare one floor (>=X or ==X)"
        floors[canonicalize_name(requirement.name)] = lows[0]
    return floors


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
    floors, pins = _floors(), _pins()
    assert floors.keys() <= pins.keys(), (
        f"{CONSTRAINTS.name} does not pin {sorted(floors.keys() - pins.keys())}"
    )
    extras = {n: v for n, v in _floors(optional=True).items() if n in pins and n not in floors}
    unknown = pins.keys() - floors.keys() - extras.keys()
    assert not unknown, f"{CONSTRAINTS.name} pins what pyproject.toml does not name: {unknown}"
    floors |= extras
    disagree = {
        name: (str(floors[name]), str(pins[name])) for name in floors if floors[name] != pins[name]
    }
    assert not disagree, f"floor in pyproject.toml vs pin in {CONSTRAINTS.name}: {disagree}"


def test_every_pin_is_allowed_by_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [line for extra in project["optional-dependencies"].values() for line in extra]
    pins = _pins()
    for line in [*project["dependencies"], *extras]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name not in pins or pins[name] in requirement.specifier, line


def test_the_wheel_lists_every_package() -> None:
    """`pip install .` (not editable) ships only the packages pyproject.toml names."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(setuptools["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "graph").rglob("__init__.py")
    }
    assert found - listed == set()

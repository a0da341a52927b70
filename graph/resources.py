"""Files shipped beside the code: `schema/` and `cypher/`.

An installed wheel carries them as the packages `graph._schema` and `graph._cypher`; in a
source checkout (editable install, tests) they are the repository's top-level folders.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_REPOSITORY = Path(__file__).resolve().parent.parent


def folder(name: str) -> Traversable:
    """The shipped folder `name` ('schema' or 'cypher')."""
    try:
        return resources.files(f"graph._{name}")
    except ModuleNotFoundError:
        return _REPOSITORY / name

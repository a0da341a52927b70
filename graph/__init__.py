"""timeline-graph: news articles in, a timeline-event knowledge graph out.

    >>> from graph import load
    >>> report = load(["seeds/"])          # writes timeline.graph.db
    >>> report.nodes["Event"]

The flow is in `graph.pipeline.load`; the data contract in `graph.model`.
"""

from graph.errors import GraphError
from graph.model import (
    Actor,
    Claim,
    DateValue,
    Edge,
    EdgeType,
    Event,
    GraphRecord,
    NodeKind,
    Source,
    Span,
)


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy; import it only when asked for.
    if name in {"load", "LoadReport"}:
        from graph import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Claim",
    "DateValue",
    "Edge",
    "EdgeType",
    "Event",
    "GraphError",
    "GraphRecord",
    "LoadReport",
    "NodeKind",
    "Source",
    "Span",
    "load",
]

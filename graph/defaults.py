"""Defaults the commands and the library share, in a module of their own so that commands
that only read a graph start without importing the language stack (spaCy, trafilatura)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_GRAPH = Path("timeline.graph.db")
"""Where `load` keeps the graph, and every command reads it, unless --graph says otherwise."""

MAX_DOCUMENT_MB = 16
"""The largest article file `load` reads by default, in MB (`--max-size` raises it)."""

URL_TIMEOUT = 20.0
"""Seconds an address may take to answer and send its page, by default (`--timeout`)."""

"""Where graphs are kept: the saved file (the embedded default)."""

from graph.store.file import SavedGraph, read_saved, write_saved

__all__ = ["SavedGraph", "read_saved", "write_saved"]

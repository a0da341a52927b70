from __future__ import annotations

import pickle

import pytest

from graph.errors import (
    DocumentError,
    ExecutorError,
    ExportError,
    GraphError,
    GraphFileError,
    StoreError,
)


@pytest.mark.parametrize(
    "error_type", [DocumentError, GraphFileError, StoreError, ExecutorError, ExportError]
)
def test_errors_survive_pickling(error_type: type[GraphError]) -> None:
    """Worker processes (local or on a cluster) send a document's error back pickled."""
    error = error_type("seeds/x.txt", "extraction failed", "please report this file")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is error_type
    assert str(copy) == str(error) == "seeds/x.txt: extraction failed; please report this file"
    assert vars(copy) == vars(error)

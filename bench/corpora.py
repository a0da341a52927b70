"""What the benchmark scripts share: finding the evaluation corpora's reader."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def load_readers(path: str | None, data_dir: Path) -> Any:
    """Import `readers.py` from --readers, or from the data folder or one of its parents."""
    candidates = [Path(path)] if path else [d / "readers.py" for d in (data_dir, *data_dir.parents)]
    for candidate in candidates:
        if candidate.is_file():
            sys.path.insert(0, str(candidate.parent))
            import readers  # type: ignore[import-not-found]

            return readers
    sys.exit(f"readers.py not found near {data_dir}; pass --readers PATH/TO/readers.py")

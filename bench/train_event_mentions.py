"""Train the event mention tagger of `graph.extract.mentions` on TimeBank + AQUAINT.

    python -m bench.train_event_mentions [DATA_DIR] [--out PATH] [--epochs N] [--readers PATH]

DATA_DIR holds the TempEval-3 .tml files (default ../shared/eval-data/timebank-aquaint next
to the repository). Documents are split by a stable hash of their id: one in five is held
out (`held_out`) for `python -m bench.events` and never seen here. Every candidate token of
the other documents (see `CANDIDATE_POS`) is labelled with the TimeML class of the gold
EVENT it heads, or O, and an averaged perceptron learns the weights, visiting the
documents in an order drawn from a fixed seed. The same data gives the same file byte for
byte: graph/lang/en/event_mentions.json.gz by default.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpora import Annotation, CorpusDocument, load_readers
from graph.extract.mentions import (
    CANDIDATE_POS,
    MODEL_FILE,
    MODEL_FORMAT,
    NO_EVENT,
    TimeMLClass,
    token_features,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval-data" / "timebank-aquaint"
DEFAULT_OUT = ROOT / "graph" / "lang" / "en" / MODEL_FILE
LABELS = [NO_EVENT, *(c.value for c in TimeMLClass)]
HELD_OUT_SHARE = 5  # one document in five
EPOCHS = 10
SEED = 7
SCALE = 100  # weights are stored as integers, in hundredths

Example = tuple[list[str], int]


def held_out(doc_id: str) -> bool:
    """Whether document `doc_id` belongs to the held-out part (about one in five)."""
    digest = hashlib.sha256(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % HELD_OUT_SHARE == 0


def gold_labels(doc: Any, events: Iterable[Annotation]) -> dict[int, str]:
    """Token index -> TimeML class of each gold event, on the token that heads its span."""
    labels = {}
    for event in events:
        span = doc.char_span(event["start"], event["end"], alignment_mode="expand")
        if span is not None and len(span):
            labels[span.root.i] = event["class"]
    return labels


def examples(doc: Any, events: Iterable[Annotation]) -> list[Example]:
    """(features, label index) of every candidate token of one parsed document."""
    labels = gold_labels(doc, events)
    return [
        (token_features(t), LABELS.index(labels.get(t.i, NO_EVENT)))
        for t in doc
        if t.pos_ in CANDIDATE_POS
    ]


def train(docs: Sequence[list[Example]], epochs: int = EPOCHS, seed: int = SEED) -> dict[str, Any]:
    """Averaged perceptron weights over the examples of `docs`, as the shipped JSON."""
    names = sorted({f for doc in docs for feats, _ in doc for f in feats})
    index = {f: i + 1 for i, f in enumerate(names)}  # row 0 is the bias
    encoded = [
        [(np.array([0, *sorted({index[f] for f in feats})]), y) for feats, y in doc] for doc in docs
    ]
    weights = np.zeros((len(names) + 1, len(LABELS)))
    totals = np.zeros_like(weights)  # sum of step x update, for the average
    order = list(range(len(encoded)))
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for d in order:
            for rows, gold in encoded[d]:
                guess = int(weights[rows].sum(axis=0).argmax())
                if guess != gold:
                    weights[rows, gold] += 1
                    weights[rows, guess] -= 1
                    totals[rows, gold] += step
                    totals[rows, guess] -= step
                step += 1
    average = weights - totals / step
    stored = np.rint(average * SCALE).astype(int)
    rows_out = {"": stored[0].tolist()}
    for name, i in index.items():
        if stored[i].any():
            rows_out[name] = stored[i].tolist()
    return {"format": MODEL_FORMAT, "labels": LABELS, "scale": SCALE, "weights": rows_out}


def write_model(model: dict[str, Any], path: Path) -> None:
    """Write the model as gzipped JSON that depends only on its content (no time stamp)."""
    text = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as out:
        out.write(text)


def read_corpus(data_dir: Path, readers_path: str | None = None) -> list[CorpusDocument]:
    """The TimeML documents of `data_dir`, sorted by id; exits with a message when absent."""
    if not data_dir.is_dir():
        sys.exit(f"{data_dir}: not a folder; pass the folder holding the TimeBank .tml files")
    readers = load_readers(readers_path, data_dir)
    docs = sorted(readers.read_timeml(str(data_dir)), key=lambda d: str(d["doc_id"]))
    if not docs:
        sys.exit(f"{data_dir}: no .tml files found")
    return docs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), type=Path)
    parser.add_argument("--out", default=DEFAULT_OUT, type=Path, help="where to write weights")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--readers", default=None, help="path to eval-data/readers.py")
    args = parser.parse_args(argv)

    docs = [d for d in read_corpus(args.data_dir, args.readers) if not held_out(d["doc_id"])]
    from graph.extract.nlp import load_pipeline

    nlp = load_pipeline()
    started = time.perf_counter()
    training = [examples(nlp(d["text"]), d["events"]) for d in docs]
    print(f"parsed {len(docs)} training documents in {time.perf_counter() - started:.0f} s")
    model = train(training, args.epochs)
    write_model(model, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {len(model['weights'])} features, {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()

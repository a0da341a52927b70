"""Event mentions: the shipped tagger, its file, the held-out split and the Task B scorer."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from bench.events import score
from bench.train_event_mentions import held_out
from graph.errors import ModelError
from graph.extract import extraction_sources
from graph.extract.mentions import (
    MODEL_FILE,
    EventMention,
    TimeMLClass,
    find_event_mentions,
    load_mention_model,
    read_mention_model,
)

ROOT = Path(__file__).resolve().parent.parent
TIMEBANK = ROOT.parent / "shared" / "eval-data" / "timebank-aquaint"


def classes(mentions: list[EventMention]) -> dict[str, TimeMLClass]:
    return {m.text: m.event_class for m in mentions}


def test_the_shipped_model_loads_once() -> None:
    model = load_mention_model("en")
    assert model is load_mention_model("en")
    assert model.labels[0] == "O"
    assert set(model.labels[1:]) == set(TimeMLClass)


def test_verbs_of_news_are_occurrences(nlp: Any) -> None:
    text = "Apple unveiled the iPhone 4 on Monday and sales fell 5%."
    mentions = find_event_mentions(nlp(text))
    assert classes(mentions) == {"unveiled": "OCCURRENCE", "fell": "OCCURRENCE"}
    unveiled = mentions[0]
    assert (unveiled.token, unveiled.start, unveiled.end) == (1, 6, 14)
    assert text[unveiled.start : unveiled.end] == "unveiled"
    assert unveiled.score > 0


def test_saying_is_reporting(nlp: Any) -> None:
    found = classes(find_event_mentions(nlp("The company said sales fell.")))
    assert found == {"said": "REPORTING", "fell": "OCCURRENCE"}


def test_a_hyphenated_word_is_one_mention(nlp: Any) -> None:
    text = "The bank took write-downs on its loans."
    found = [m for m in find_event_mentions(nlp(text)) if "write" in m.text]
    assert [text[m.start : m.end] for m in found] == ["write-downs"]


def test_a_missing_model_file_says_how_to_fix_it(tmp_path: Path) -> None:
    path = tmp_path / MODEL_FILE
    with pytest.raises(ModelError) as error:
        read_mention_model(path)
    assert str(error.value).startswith(f"{path}: event mention model cannot be read (")
    assert str(error.value).endswith("`python -m bench.train_event_mentions`")


@pytest.mark.parametrize(
    "content",
    [
        b"not gzip at all",
        gzip.compress(b"{ truncated"),
        gzip.compress(b'{"format": 1}'),
        gzip.compress(json.dumps({"format": 99}).encode()),
        gzip.compress(
            json.dumps(
                {"format": 1, "labels": ["O", "STATE"], "scale": 100, "weights": {"": [1]}}
            ).encode()
        ),
    ],
    ids=["not-gzip", "bad-json", "no-fields", "other-format", "wrong-shape"],
)
def test_a_damaged_model_file_is_a_model_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / MODEL_FILE
    path.write_bytes(content)
    with pytest.raises(ModelError) as error:
        read_mention_model(path)
    assert str(error.value).startswith(f"{path}: damaged event mention model (")


def test_a_language_without_a_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="no event mention model for language 'xx'"):
        load_mention_model("xx")


def test_the_extractor_version_covers_the_model_file() -> None:
    files = {p.resolve().relative_to(ROOT).as_posix() for p in extraction_sources()}
    assert f"graph/lang/en/{MODEL_FILE}" in files


def test_the_held_out_split_is_stable() -> None:
    # Fixed forever: the shipped weights were trained without the held-out documents.
    assert [held_out(d) for d in ("wsj_0006", "XIE19980808.0188")] == [True, True]
    assert not any(held_out(d) for d in ("APW19980807.0261", "wsj_1073", "wsj_0135"))


@pytest.mark.skipif(not TIMEBANK.is_dir(), reason="TimeBank + AQUAINT not in ../shared/eval-data")
def test_the_held_out_part_is_a_fifth_of_the_corpus() -> None:
    ids = sorted(p.stem for p in TIMEBANK.rglob("*.tml"))
    test = {d for d in ids if held_out(d)}
    train = {d for d in ids if not held_out(d)}
    assert test.isdisjoint(train) and test | train == set(ids)
    assert 0.15 < len(test) / len(ids) < 0.25


def test_task_b_scores_of_a_small_example() -> None:
    gold = [(0, 4, "OCCURRENCE"), (10, 16, "REPORTING"), (20, 31, "STATE"), (40, 45, "I_STATE")]
    system = [
        (0, 4, "OCCURRENCE"),  # exact, right class
        (10, 16, "OCCURRENCE"),  # exact, wrong class
        (20, 25, "STATE"),  # overlapping only, right class
        (50, 55, "OCCURRENCE"),  # spurious
    ]
    tally = score(gold, system)
    assert tally.prf(tally.strict) == (0.5, 0.5, 0.5)
    assert tally.prf(tally.relaxed) == (0.75, 0.75, 0.75)
    assert tally.class_f1 == pytest.approx(0.5)  # 2 of 3 classes right x 0.75
    assert tally.of_class("OCCURRENCE") == pytest.approx((1 / 3, 1.0, 0.5))
    assert tally.of_class("I_STATE") == (0.0, 0.0, 0.0)

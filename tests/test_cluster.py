"""Extraction on a Dask cluster (`load --executor`): a real scheduler and worker processes on
loopback, started by distributed's LocalCluster."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import DocumentError, ExecutorError
from graph.extract import extract_documents
from graph.extract.cluster import extract_on_cluster, scheduler_address
from graph.ingest import read_documents
from graph.pipeline import load
from graph.store import read_saved

from .conftest import SEEDS

distributed = pytest.importorskip("distributed")
runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a scheduler with two worker processes of one thread each."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,  # no web server, no port to collide on
    ) as cluster:
        yield cluster.scheduler_address


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _edges(path: Path) -> list[tuple[str, str, str, dict[str, object]]]:
    graph = read_saved(path).graph
    return sorted(graph.edges(keys=True, data=True), key=lambda edge: edge[2])


def test_a_load_on_the_cluster_saves_the_graph_of_a_local_load(
    scheduler: str, seeds_graph: Path, tmp_graph: Path
) -> None:
    done: list[str] = []
    report = load(
        [str(SEEDS)],
        tmp_graph,
        executor=scheduler.replace("tcp://", "dask://"),
        on_document=lambda document: done.append(document.source.path),
    )
    assert not report.problems
    assert sorted(done) == sorted(report.loaded) and len(done) == 5
    local, remote = read_saved(seeds_graph).graph, read_saved(tmp_graph).graph
    assert dict(remote.nodes(data=True)) == dict(local.nodes(data=True))
    assert _edges(tmp_graph) == _edges(seeds_graph)


def test_outcomes_in_input_order_and_a_failure_as_a_document_error(scheduler: str) -> None:
    documents, _ = read_documents([str(SEEDS)])
    broken = documents[0].model_copy(update={"segments": None})  # extraction raises TypeError
    given = [documents[2], broken, documents[4], documents[1]]
    arrived = list(extract_on_cluster(given, scheduler))
    assert sorted(d.source.path for d, _ in arrived) == sorted(d.source.path for d in given)
    outcomes = [next(o for d, o in arrived if d is g) for g in given]
    assert isinstance(outcomes[1], DocumentError)
    assert str(outcomes[1]).startswith(f"{broken.source.path}: extraction failed (TypeError: ")
    assert str(outcomes[1]).endswith("; the other documents were loaded; please report this file")
    assert [o.source.path for i, o in enumerate(outcomes) if i != 1] == [
        d.source.path for i, d in enumerate(given) if i != 1
    ]


def test_a_bad_address_is_one_line_naming_it(seed_docs: Path, tmp_graph: Path) -> None:
    port = free_port()  # nothing listens there
    address = f"tcp://127.0.0.1:{port}"
    result = runner.invoke(
        app, ["load", str(seed_docs), "--graph", str(tmp_graph), "--executor", address]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"error: Dask scheduler at {address}: nothing listens there (connection refused); "
        f"start a scheduler with `dask scheduler --port {port}` on 127.0.0.1, or fix the "
        "address\n"
    )
    assert not tmp_graph.exists()


def test_jobs_and_executor_are_one_choice(seed_docs: Path, tmp_graph: Path) -> None:
    result = runner.invoke(
        app,
        ["load", str(seed_docs), "-g", str(tmp_graph), "-j", "2", "--executor", "tcp://h:1"],
    )
    assert result.exit_code == 2
    assert result.output.startswith("error: --jobs sets local worker processes and --executor")


@pytest.mark.parametrize(
    ("given", "address"),
    [
        ("dask://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("tcp://10.0.0.5:9000", "tcp://10.0.0.5:9000"),
        ("TLS://sched.example:8786", "tls://sched.example:8786"),
        ("sched.example", "tcp://sched.example:8786"),
        ("dask://[::1]:8786", "tcp://[::1]:8786"),
    ],
)
def test_scheduler_addresses(given: str, address: str) -> None:
    assert scheduler_address(given) == address


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("http://10.0.0.5:8786", "http:// is not a scheduler address"),
        ("tcp://10.0.0.5:port", "not an address of the form HOST:PORT"),
        ("tcp://", "not an address of the form HOST:PORT"),
    ],
)
def test_addresses_that_are_not_a_scheduler(given: str, problem: str) -> None:
    with pytest.raises(ExecutorError, match=f"^Dask scheduler at {given}: {problem}; write"):
        scheduler_address(given)


def test_without_distributed_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents, _ = read_documents([str(SEEDS / "000_f7e02dd5e2c3f863.txt")])
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(ExecutorError) as raised:
        extract_documents(documents, executor="tcp://127.0.0.1:8786")
    assert str(raised.value) == (
        "--executor tcp://127.0.0.1:8786: the dask executor needs the distributed package; "
        "pip install 'timeline-graph[dask]'"
    )

"""Pushing into graph databases through the `GraphStore` protocol.

Batching, idempotence, pruning and the counters run for real against FalkorDB (started by
the store as a child process). The same checks run against Neo4j when NEO4J_URI is set
(`docker compose -f tests/docker-compose.yml up -d`, then NEO4J_URI=neo4j://localhost:7687
NEO4J_PASSWORD=timeline-graph); they wipe the Source/Actor/Event/Claim nodes of that
database, so point them at a disposable one.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import socket
import stat
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph import query
from graph.cli import app
from graph.errors import StoreError
from graph.model import EdgeType, NodeKind
from graph.pipeline import load
from graph.schema import node_properties
from graph.store import GraphStore, push, read_saved
from graph.store.falkordb import FalkorDBStore
from graph.store.neo4j import Neo4jSettings, Neo4jStore, split_credentials
from graph.store.push import graph_batches, node_row

from .conftest import SEEDS

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds(seeds_graph: Path) -> nx.MultiDiGraph:
    graph: nx.MultiDiGraph = read_saved(seeds_graph).graph
    return graph


@pytest.fixture
def falkordb() -> Iterator[FalkorDBStore]:
    try:
        store = FalkorDBStore.start()
    except StoreError as error:
        pytest.fail(f"{error} (CI installs it with the test extras)")
    with store:
        yield store


def counts(store: GraphStore) -> tuple[Counter[str], Counter[str]]:
    nodes = store.read("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n").rows
    edges = store.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n").rows
    return Counter({k: v for k, v in nodes}), Counter({k: v for k, v in edges})


def graph_counts(graph: nx.MultiDiGraph) -> tuple[Counter[str], Counter[str]]:
    nodes = Counter(d["kind"] for _, d in graph.nodes(data=True))
    return nodes, Counter(d["type"] for *_, d in graph.edges(data=True))


def earlier(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A smaller graph: without the last source, its claims, and whatever only it points to."""
    last = max(n for n, d in graph.nodes(data=True) if d["kind"] == "Source")
    gone = {last} | set(graph.successors(last))
    kept = [
        n
        for n in graph
        if n not in gone or (graph.nodes[n]["kind"] != "Claim" and len(set(graph.pred[n])) > 1)
    ]
    sub: nx.MultiDiGraph = graph.subgraph(kept).copy()
    return sub


# --------------------------------------------------------------------------- the protocol


def check_push_is_idempotent(seeds: nx.MultiDiGraph, store: GraphStore) -> None:
    first = push(seeds, store, batch_size=50)
    nodes, edges = graph_counts(seeds)
    expected_batches = sum(math.ceil(n / 50) for n in nodes.values())
    expected_batches += sum(
        math.ceil(n / 50)
        for n in Counter(
            (d["type"], seeds.nodes[u]["kind"], seeds.nodes[v]["kind"])
            for u, v, d in seeds.edges(data=True)
        ).values()
    )
    expected_batches += len(NodeKind) + len(EdgeType)  # one prune batch per label and type
    assert first.stats.nodes_created == seeds.number_of_nodes()
    assert first.stats.relationships_created == seeds.number_of_edges()
    assert first.stats.rows == seeds.number_of_nodes() + seeds.number_of_edges()
    assert first.stats.batches == expected_batches
    assert counts(store) == (nodes, edges)

    again = push(seeds, store, batch_size=50)
    assert again.stats.nodes_created == 0
    assert again.stats.relationships_created == 0
    assert again.stats.nodes_deleted == again.stats.relationships_deleted == 0
    assert counts(store) == (nodes, edges)


def check_push_adds_only_what_is_new(seeds: nx.MultiDiGraph, store: GraphStore) -> None:
    before = earlier(seeds)
    assert 0 < before.number_of_nodes() < seeds.number_of_nodes()
    push(before, store)
    report = push(seeds, store)
    assert report.stats.nodes_created == seeds.number_of_nodes() - before.number_of_nodes()
    assert report.stats.relationships_created == (
        seeds.number_of_edges() - before.number_of_edges()
    )
    assert report.stats.nodes_deleted == 0
    assert counts(store) == graph_counts(seeds)


def test_push_twice_creates_nothing_the_second_time(
    seeds: nx.MultiDiGraph, falkordb: FalkorDBStore
) -> None:
    check_push_is_idempotent(seeds, falkordb)


def test_push_after_more_documents_adds_only_what_is_new(
    seeds: nx.MultiDiGraph, falkordb: FalkorDBStore
) -> None:
    check_push_adds_only_what_is_new(seeds, falkordb)


@pytest.mark.slow
def test_incremental_load_then_push_mirrors_the_saved_graph(
    tmp_graph: Path, falkordb: FalkorDBStore
) -> None:
    """Re-resolution replaces a few ids; the push deletes those and creates only the rest."""
    files = sorted(str(p) for p in SEEDS.iterdir())
    load(files[:3], tmp_graph)
    old = read_saved(tmp_graph).graph
    push(old, falkordb)
    load(files, tmp_graph)
    new = read_saved(tmp_graph).graph
    report = push(new, falkordb)
    old_ids, new_ids = set(old.nodes), set(new.nodes)
    old_edges = {d["id"] for *_, d in old.edges(data=True)}
    new_edges = {d["id"] for *_, d in new.edges(data=True)}
    assert report.stats.nodes_created == len(new_ids - old_ids)
    assert report.stats.relationships_created == len(new_edges - old_edges)
    assert report.stats.nodes_deleted == len(old_ids - new_ids)
    assert counts(falkordb) == graph_counts(new)
    kept = {r[0] for r in falkordb.read("MATCH (n) RETURN n.id").rows}
    assert kept == new_ids


def test_without_prune_stale_nodes_stay(seeds: nx.MultiDiGraph, falkordb: FalkorDBStore) -> None:
    push(seeds, falkordb)
    report = push(earlier(seeds), falkordb, prune=False)
    assert (report.stats.nodes_deleted, report.stats.relationships_deleted) == (0, 0)
    assert counts(falkordb) == graph_counts(seeds)
    report = push(earlier(seeds), falkordb)
    assert report.stats.nodes_deleted == seeds.number_of_nodes() - earlier(seeds).number_of_nodes()


def test_wipe_deletes_the_schema_labels_first(
    seeds: nx.MultiDiGraph, falkordb: FalkorDBStore
) -> None:
    push(seeds, falkordb)
    report = push(seeds, falkordb, wipe=True)
    assert report.wiped == seeds.number_of_nodes()
    assert report.stats.nodes_created == seeds.number_of_nodes()


def test_stored_properties_are_flat_and_dates_are_dates(
    seeds: nx.MultiDiGraph, falkordb: FalkorDBStore
) -> None:
    push(seeds, falkordb)
    for kind in NodeKind:
        node, data = min(  # a dated one where the label has dates
            ((n, d) for n, d in seeds.nodes(data=True) if d["kind"] == kind.value),
            key=lambda item: (not (item[1].get("date") or item[1].get("published")), item[0]),
        )
        stored = falkordb.read(f"MATCH (n:{kind.value} {{id: $id}}) RETURN n", {"id": node})
        props = stored.rows[0][0]
        row = node_row(kind, node, data)
        expected = {k: v for k, v in row["props"].items() if v is not None}
        expected.update(
            {k: dt.date.fromisoformat(v) for k, v in row["dates"].items() if v is not None}
        )
        assert props == expected
        for name, value in props.items():
            assert not isinstance(value, dict), f"{kind.value}.{name} is a map"
            if isinstance(value, list):
                assert len({type(v) for v in value}) <= 1, f"{kind.value}.{name} is mixed"
        assert set(props) <= {p.name for p in node_properties()[kind]}


def test_dates_sort_and_compute_in_the_database(
    seeds: nx.MultiDiGraph, falkordb: FalkorDBStore
) -> None:
    push(seeds, falkordb)
    rows = falkordb.read(
        "MATCH (e:Event) WHERE e.date_start IS NOT NULL "
        "RETURN e.date_start AS start, e.date_start + duration({days: 1}) AS next, "
        "e.date_day AS day, e.date_precision AS precision ORDER BY start"
    ).rows
    starts = [r[0] for r in rows]
    assert starts == sorted(starts) and all(isinstance(s, dt.date) for s in starts)
    assert all(r[1] == r[0] + dt.timedelta(days=1) for r in rows)
    assert all((r[2] is not None) == (r[3] == "day") for r in rows)


def test_batches_carry_only_schema_labels_and_parameters(seeds: nx.MultiDiGraph) -> None:
    batches = list(graph_batches(seeds, 100))
    labels = {k.value for k in NodeKind} | {t.value for t in EdgeType}
    for batch in batches:
        assert "$rows" in batch.statement
        used = set(re.findall(r":([A-Z][A-Za-z_]+)", batch.statement))
        assert used <= labels, batch.name
        for row in batch.rows:
            assert row["id"] not in batch.statement
    assert [b.name for b in batches[:1]] == ["merge_sources"]


def test_a_failure_on_the_first_batch_says_nothing_was_written(
    seeds: nx.MultiDiGraph, falkordb: FalkorDBStore
) -> None:
    broken = nx.MultiDiGraph(seeds)
    node = next(n for n, d in broken.nodes(data=True) if d["kind"] == "Source")
    broken.nodes[node]["words"] = {"not": "a scalar"}  # FalkorDB refuses a map property
    with pytest.raises(StoreError) as error:
        push(broken, falkordb)
    assert "(nothing was written)" in str(error.value)
    assert counts(falkordb) == (Counter(), Counter())


def test_a_failure_midway_says_how_far_the_push_got(seeds: nx.MultiDiGraph) -> None:
    store = FalkorDBStore.start()
    written = []

    def stop_after_two(batch: Any, stats: Any) -> None:
        written.append(batch.name)
        if len(written) == 2:
            store.close()  # the server goes away between two batches

    with pytest.raises(StoreError) as error:
        push(seeds, store, batch_size=20, on_batch=stop_after_two)
    message = str(error.value)
    assert message.startswith(store.target + ": cannot be reached")
    assert "after 2 of " in message and "batches were written" in message
    assert message.endswith("then push again, which adds only what is missing")


# --------------------------------------------------------------------------- Neo4j errors


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_unreachable_neo4j_is_one_clear_line(seeds_graph: Path) -> None:
    port = free_port()
    uri = f"bolt://127.0.0.1:{port}"
    result = runner.invoke(app, ["push", "--graph", str(seeds_graph), "--uri", uri])
    assert result.exit_code == 1
    assert result.output == (
        f"error: Neo4j at {uri}: cannot be reached (connection refused); start it "
        "(docker compose -f tests/docker-compose.yml up -d) or fix --uri/NEO4J_URI\n"
    )


def test_passwords_in_the_address_are_never_echoed(seeds_graph: Path) -> None:
    port = free_port()
    uri = f"bolt://neo4j:s3cret@127.0.0.1:{port}"
    result = runner.invoke(app, ["push", "--graph", str(seeds_graph), "--uri", uri])
    assert result.exit_code == 1
    assert "s3cret" not in result.output
    assert result.output.startswith(f"error: Neo4j at bolt://127.0.0.1:{port}: cannot be reached")
    with pytest.raises(StoreError) as error:
        Neo4jStore("http://neo4j:s3cret@localhost:7474", "neo4j", None)
    assert "s3cret" not in str(error.value)


def test_credentials_in_the_address_become_the_login() -> None:
    assert split_credentials("bolt://neo4j:s%40cret@db:7687") == (
        "bolt://db:7687",
        ("neo4j", "s@cret"),
    )
    assert split_credentials("neo4j://db:7687") == ("neo4j://db:7687", None)
    assert split_credentials("bolt://reader@db") == ("bolt://db", ("reader", None))


def test_not_a_neo4j_address() -> None:
    with pytest.raises(StoreError, match=r"http://localhost:7474: not a Neo4j address; pass"):
        Neo4jStore("http://localhost:7474", "neo4j", "x")


def test_wipe_needs_confirmation_before_anything_is_touched(seeds_graph: Path) -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens: the check must come first
    result = runner.invoke(app, ["push", "-g", str(seeds_graph), "--uri", uri, "--wipe"])
    assert result.exit_code == 2
    assert result.output == (
        "error: --wipe deletes every Source, Actor, Event, Claim node in the target "
        "database; add --yes to confirm\n"
    )


def test_load_with_neo4j_checks_the_server_before_loading(seed_docs: Path, tmp_graph: Path) -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    result = runner.invoke(
        app, ["load", str(seed_docs), "-g", str(tmp_graph), "--neo4j"], env={"NEO4J_URI": uri}
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"error: Neo4j at {uri}: cannot be reached")
    assert not tmp_graph.exists()


# --------------------------------------------------------------------------- Neo4j itself


@pytest.fixture
def neo4j_store() -> Iterator[Neo4jStore]:
    settings = neo4j_settings()
    with settings.connect() as store:
        store.wipe()
        yield store


def neo4j_settings() -> Neo4jSettings:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip(
            "NEO4J_URI is not set (Neo4j cannot be installed on machines without a container "
            "engine; the same write path is tested against FalkorDB): "
            "`docker compose -f tests/docker-compose.yml up -d` and "
            "export NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=timeline-graph"
        )
    return Neo4jSettings(
        uri,
        os.environ.get("NEO4J_USERNAME", "neo4j"),
        os.environ.get("NEO4J_PASSWORD"),
        os.environ.get("NEO4J_DATABASE") or None,
    )


def test_neo4j_push_twice_creates_nothing_the_second_time(
    seeds: nx.MultiDiGraph, neo4j_store: Neo4jStore
) -> None:
    check_push_is_idempotent(seeds, neo4j_store)
    constraints = neo4j_store.read("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    assert {"source_id", "actor_id", "event_id", "claim_id"} <= set(constraints.rows[0][0])


def test_neo4j_push_adds_only_what_is_new(seeds: nx.MultiDiGraph, neo4j_store: Neo4jStore) -> None:
    check_push_adds_only_what_is_new(seeds, neo4j_store)


def test_neo4j_answers_every_query_like_falkordb(
    seeds: nx.MultiDiGraph, neo4j_store: Neo4jStore, falkordb: FalkorDBStore
) -> None:
    from .test_query import CASES, G, canonical, choices

    push(seeds, neo4j_store)
    push(seeds, falkordb)
    picked = choices(G(seeds))
    for name, template in CASES:
        q = query.load_query(name)
        params = query.bind(q, {k: v.format(**picked) for k, v in template.items()})
        on_neo4j = query.run_on(neo4j_store, q, params).records()
        on_falkordb = query.run_on(falkordb, q, params).records()
        assert sorted(map(canonical, on_neo4j)) == sorted(map(canonical, on_falkordb)), name


def test_neo4j_wrong_password() -> None:
    settings = neo4j_settings()
    wrong = Neo4jSettings(settings.uri, settings.user, "not-the-password", settings.database)
    with pytest.raises(StoreError) as error:
        wrong.connect()
    assert f"user {settings.user!r} was refused" in str(error.value)
    assert str(error.value).endswith("set NEO4J_USERNAME and NEO4J_PASSWORD")


def test_neo4j_missing_database() -> None:
    settings = neo4j_settings()
    missing = Neo4jSettings(settings.uri, settings.user, settings.password, "nosuchdb")
    with pytest.raises(StoreError, match="there is no database 'nosuchdb'"):
        missing.connect()


def test_cli_push_prints_the_counters(seeds_graph: Path) -> None:
    settings = neo4j_settings()
    env = {"NEO4J_URI": settings.uri, "NEO4J_PASSWORD": settings.password or ""}
    args = ["push", "-g", str(seeds_graph), "--wipe", "--yes"]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert "created " in result.output
    again = runner.invoke(app, ["push", "-g", str(seeds_graph)], env=env)
    assert again.exit_code == 0, again.output
    assert "created 0 nodes and 0 relationships" in again.output


def test_local_engine_is_private(falkordb: FalkorDBStore) -> None:
    store = falkordb
    workdir = store._workdir
    assert workdir is not None
    assert workdir.stat().st_mode & 0o777 == 0o700
    sock = workdir / "db.sock"
    assert stat.S_ISSOCK(sock.stat().st_mode)
    server = store._server
    assert server is not None
    listening = Path(f"/proc/{server.pid}/net/tcp").read_text(encoding="ascii")
    # no TCP socket of the server's own (state 0A = LISTEN) on any address
    own = {line.split()[9] for line in listening.splitlines()[1:] if line.split()[3] == "0A"}
    inodes = {
        os.readlink(f"/proc/{server.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{server.pid}/fd")
    }
    assert not {f"socket:[{inode}]" for inode in own} & inodes
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.connect(str(sock))
        client.sendall(b"GRAPH.LIST\r\n")
        assert client.recv(64).startswith(b"-NOAUTH")  # the socket alone is not enough


def test_local_engine_dies_with_its_parent(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from graph.store.falkordb import FalkorDBStore\n"
        "store = FalkorDBStore.start()\n"
        "print(store._server.pid, store._workdir, flush=True)\n"
        "time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    ) as parent:
        assert parent.stdout is not None
        pid, workdir = parent.stdout.readline().split()
        parent.kill()
    for _ in range(100):
        if not Path(f"/proc/{pid}").exists() or "Z" in _state(pid):
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"the server {pid} outlived its parent")
    assert Path(workdir).exists()  # killed -9: nothing could clean up ...
    FalkorDBStore.start().close()  # ... until the next start sweeps it away
    assert not Path(workdir).exists()


def _state(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="ascii").split()[2]
    except OSError:
        return "Z"


@pytest.mark.parametrize(
    ("modality", "caption"),
    [("actual", "Russia began conscription"), ("planned", "[planned] Russia began conscription")],
)
def test_an_event_caption_says_when_it_is_not_told_as_fact(modality: str, caption: str) -> None:
    from graph.model import NodeKind
    from graph.store.push import node_row

    data = {"kind": "Event", "label": "Russia began conscription", "modality": modality}
    assert node_row(NodeKind.EVENT, "evt_1", data)["props"]["caption"] == caption

"""Extraction on a Dask cluster: `load --executor tcp://host:8786`.

Extraction is a pure function of one document, so it runs anywhere timeline-graph is
installed: the documents go to the scheduler's workers, a window at a time, and their
extractions come back to the loading machine, which resolves the corpus as it always does.

Why Dask (its `distributed` package) rather than Ray: distributed and dask are pure-Python
wheels of about 1 MB each, and a cluster is plain processes started with `dask scheduler` and
`dask worker ADDRESS`, reached at one address. Ray's wheel is tens of MB of compiled code and
a Ray cluster runs its own object store and raylet daemon on every node, which this
one-function workload does not need.

Example:
    >>> outcomes = extract_on_cluster(documents, "tcp://10.0.0.5:8786")
    >>> [type(o).__name__ for o in outcomes][:2]
    ['DocExtraction', 'DocExtraction']
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from graph.errors import DocumentError, ExecutorError
from graph.extract import EXTRACTOR_VERSION, Outcome, _guarded
from graph.extract.nlp import load_pipeline
from graph.model import DocExtraction, Document

__all__ = ["CONNECT_TIMEOUT", "extract_on_cluster", "scheduler_address"]

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler and find a worker
DEFAULT_PORT = 8786  # `dask scheduler`'s
IN_FLIGHT_PER_THREAD = 4  # documents sent ahead per worker thread: busy workers, bounded memory
# Larger documents travel as scattered data, not inside the task: distributed warns about
# (and slows down on) task graphs of several MB.
SCATTER_CHARS = 1_000_000
INSTALL_HINT = "pip install 'timeline-graph[dask]'"


def extract_on_cluster(
    documents: Iterable[Document],
    address: str,
    model: str | None = None,
    timeout: float = CONNECT_TIMEOUT,
) -> Iterator[tuple[Document, Outcome]]:
    """Extract every document on the workers of the Dask scheduler at `address`, yielding
    each with its outcome as it arrives (in any order).

    Args:
        documents: what to extract, drawn as the workers need them.
        address: the scheduler, `tcp://host:port`, `tls://host:port`, `dask://host:port`
            (the same as tcp) or `host:port`.
        model: the spaCy pipeline the workers load (once per worker process).
        timeout: seconds to reach the scheduler and to wait for a first worker.

    Yields:
        Each document and its outcome: its extraction, or a `DocumentError` when its
        extraction failed (the other documents are not affected).

    Raises:
        ExecutorError: distributed is not installed, the scheduler cannot be reached or has
            no workers, or the workers cannot run this version's extraction.
    """
    distributed = _distributed(address)
    target = f"Dask scheduler at {address}"
    url = scheduler_address(address)
    _reachable(url, target, timeout)
    try:
        client = distributed.Client(url, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise ExecutorError(
            target,
            f"cannot connect ({error})",
            "check that a Dask scheduler (`dask scheduler`) listens there",
        ) from None
    try:
        workers = _ready_workers(client, model, target, timeout)
        yield from _extract(distributed, client, documents, model, target, workers)
    finally:
        client.close()


def scheduler_address(address: str) -> str:
    """The distributed address of a scheduler given as `dask://`, `tcp://`, `tls://` or bare
    `host[:port]` (the port defaults to 8786).

    Example:
        >>> scheduler_address("dask://10.0.0.5")
        'tcp://10.0.0.5:8786'

    Raises:
        ExecutorError: another scheme, or no host.
    """
    scheme, _, rest = address.rpartition("://")
    scheme = {"": "tcp", "dask": "tcp"}.get(scheme.lower(), scheme.lower())
    if scheme not in ("tcp", "tls"):
        raise ExecutorError(
            f"Dask scheduler at {address}",
            f"{scheme}:// is not a scheduler address",
            "write tcp://HOST:PORT (or dask://HOST:PORT, tls://HOST:PORT)",
        )
    parts = urlsplit(f"{scheme}://{rest}")
    try:
        host, port = parts.hostname, parts.port or DEFAULT_PORT
    except ValueError:  # a port that is not a number
        host = None
    if not host or parts.path or parts.query:
        raise ExecutorError(
            f"Dask scheduler at {address}",
            "not an address of the form HOST:PORT",
            "write tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786",
        )
    return f"{scheme}://{f'[{host}]' if ':' in host else host}:{port}"


def _distributed(address: str) -> ModuleType:
    try:
        import distributed
    except ImportError:
        raise ExecutorError(
            f"--executor {address}",
            "the dask executor needs the distributed package",
            INSTALL_HINT,
        ) from None
    return distributed


def _reachable(url: str, target: str, timeout: float) -> None:
    """Fail at once, with the reason, when nothing accepts connections at `url`: distributed
    itself retries a refused connection until its timeout and then says only that it timed
    out."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or DEFAULT_PORT
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except socket.gaierror:
        raise ExecutorError(
            target, f"cannot resolve the host name {host!r}", "check the address"
        ) from None
    except ConnectionRefusedError:
        raise ExecutorError(
            target,
            "nothing listens there (connection refused)",
            f"start a scheduler with `dask scheduler --port {port}` on {host}, or fix the address",
        ) from None
    except TimeoutError:
        raise ExecutorError(
            target,
            f"no answer within {timeout:g} s",
            f"check the address, and that no firewall blocks port {port}",
        ) from None
    except OSError as error:
        raise ExecutorError(
            target, f"cannot connect ({error.strerror or error})", "check the address"
        ) from None


def _ready_workers(client: Any, model: str | None, target: str, timeout: float) -> dict[str, int]:
    """The workers (address -> threads), each with the pipeline loaded and checked to run
    this version's extraction."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ExecutorError(
            target,
            f"the scheduler has no workers (waited {timeout:g} s)",
            "start some with `dask worker ADDRESS --nworkers N --nthreads 1`",
        ) from None
    workers: dict[str, int] = dict(client.nthreads())
    checks = {
        worker: client.submit(
            _prepare_worker, model, workers=[worker], allow_other_workers=False, pure=False
        )
        for worker in workers
    }
    for worker, check in checks.items():
        try:
            version = check.result()
        except Exception as error:
            raise ExecutorError(
                target,
                f"worker {worker} cannot run the extraction ({type(error).__name__}: {error})",
                "install timeline-graph and the spaCy pipeline on every worker",
            ) from None
        if version != EXTRACTOR_VERSION:
            raise ExecutorError(
                target,
                f"worker {worker} runs other extraction code (version {version}, here "
                f"{EXTRACTOR_VERSION})",
                "install the same timeline-graph on every worker as on this machine",
            )
    return workers


def _extract(
    distributed: ModuleType,
    client: Any,
    documents: Iterable[Document],
    model: str | None,
    target: str,
    workers: dict[str, int],
) -> Iterator[tuple[Document, Outcome]]:
    # A window of documents in flight, refilled as each one returns: neither the scheduler
    # nor this process ever holds more than the window's extractions.
    window = max(1, IN_FLIGHT_PER_THREAD * sum(workers.values()))
    sent: dict[Any, Document] = {}
    waiting = iter(documents)
    running = distributed.as_completed(loop=client.loop)

    def send_next() -> None:
        document = next(waiting, None)
        if document is not None:
            task: Any = document
            if len(document.text) > SCATTER_CHARS:
                task = client.scatter(document, direct=False)
            future = client.submit(_extract_task, task, model, pure=False)
            sent[future] = document
            running.add(future)

    for _ in range(window):
        send_next()
    for future in running:
        document = sent.pop(future)
        outcome = _outcome(future, document, target)
        future.release()
        send_next()
        yield document, outcome


def _outcome(future: Any, document: Document, target: str) -> Outcome:
    if future.status == "cancelled":
        raise ExecutorError(
            target,
            f"lost the scheduler while extracting {document.source.path}",
            "check the scheduler and its workers, then load again",
        )
    if future.status == "error":  # a worker died or could not run the task
        error = future.exception()
        return DocumentError(
            document.source.path,
            f"extraction failed on the cluster ({type(error).__name__}: {error})",
            "the other documents were loaded; see the workers' logs",
        )
    outcome: Outcome = future.result()
    if isinstance(outcome, DocExtraction) and outcome.extractor != EXTRACTOR_VERSION:
        return DocumentError(  # a worker that joined after the check, with other code
            document.source.path,
            f"extracted by a worker running other extraction code ({outcome.extractor})",
            f"install the same timeline-graph on every worker (here {EXTRACTOR_VERSION})",
        )
    return outcome


# ------------------------------------------------------------------ run on the workers

# One document at a time per worker process: the spaCy pipeline is shared by the worker's
# threads, and a CPU-bound parse gains nothing from threads anyway (start one worker
# process per core: `dask worker ADDRESS --nworkers N --nthreads 1`).
_one_at_a_time = threading.Lock()


def _prepare_worker(model: str | None) -> str:
    """Load the pipeline in this worker process (cached for its tasks); its code version."""
    with _one_at_a_time:
        load_pipeline(model)
    return EXTRACTOR_VERSION


def _extract_task(document: Document, model: str | None) -> Outcome:
    with _one_at_a_time:
        return _guarded(document, model)

"""Articles fetched from web addresses, against a local HTTP server the tests start."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.ingest import read_documents
from graph.store import read_saved

ARTICLE = """<!doctype html>
<html><head><title>Russia Begins Spring Conscription</title>
<meta name="author" content="Jane Roe"></head>
<body><nav>Home | World | Business</nav>
<article><h1>Russia Begins Spring Conscription</h1>
<p>Russia will begin its spring conscription on April 1, 2024, the Defense Ministry said on
Friday. The campaign will call up 150,000 men.</p>
<p>"No one will be sent to the combat zone," Defense Minister Sergei Shoigu said.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
"""
PLAIN = "Putin signed a decree on March 31, 2024 calling up 150,000 men, the Kremlin said.\n"
PAGES: dict[str, tuple[str, bytes]] = {
    "/news/conscription.html": ("text/html; charset=utf-8", ARTICLE.encode()),
    "/news/latin1.html": (
        "text/html; charset=iso-8859-1",
        ARTICLE.replace("Roe", "Røe").encode("latin-1"),
    ),
    "/decree.txt": ("text/plain", PLAIN.encode()),
    "/photo.png": ("image/png", b"\x89PNG\r\n"),
    "/big.html": ("text/html", b"<p>" + b"word " * 4000 + b"</p>"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/slow.html":
            time.sleep(2)
            self.close_connection = True
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        ctype, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:  # quiet test output
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, *_: object) -> None:
        pass  # a client that gave up (the timeout test) is no error, and prints nothing


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A web server on 127.0.0.1 (a free port), serving `PAGES`; its base address."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server is reached directly, whatever proxy the machine sets."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_a_page_is_fetched_and_its_article_read(server: str) -> None:
    url = f"{server}/news/conscription.html"
    documents, errors = read_documents([url])
    assert errors == []
    (document,) = documents
    source = document.source
    assert (source.path, source.url, source.format) == (url, url, "html")
    assert source.title == "Russia Begins Spring Conscription"
    assert source.authors == ("Jane Roe",)
    assert "150,000 men" in document.text
    assert "Home | World" not in document.text  # navigation is not the article


def test_the_stated_charset_decodes_the_page_and_plain_text_is_read_as_text(server: str) -> None:
    documents, errors = read_documents([f"{server}/news/latin1.html", f"{server}/decree.txt"])
    assert errors == []
    assert documents[0].source.authors == ("Jane Røe",)
    assert documents[1].source.format == "text" and documents[1].text == PLAIN.strip()
    assert documents[1].source.publisher == "127.0.0.1"  # no publisher stated: the host


def test_each_failing_address_is_one_line_and_the_others_load(server: str) -> None:
    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{unused.getsockname()[1]}/"
    urls = [f"{server}/missing.html", f"{server}/photo.png", f"{server}/big.html"]
    documents, errors = read_documents([*urls, f"{server}/decree.txt", closed], max_mb=0.01)
    assert [d.source.path for d in documents] == [f"{server}/decree.txt"]
    assert [str(e) for e in errors] == [
        f"{server}/missing.html: HTTP 404 Not Found; check the address, or load a saved copy",
        f"{server}/photo.png: a page of type image/png, not HTML or text; give the address of"
        " an article page",
        f"{server}/big.html: 0.0 MB or more, more than the 0.01 MB a document may have; raise"
        " the limit with --max-size",
        f"{closed}: cannot be reached ([Errno 111] Connection refused); check the address and"
        " the connection",
    ]


def test_a_slow_address_times_out(server: str) -> None:
    started = time.monotonic()
    documents, errors = read_documents([f"{server}/slow.html"], timeout=0.5)
    assert documents == [] and time.monotonic() - started < 1.9
    assert [str(e) for e in errors] == [
        f"{server}/slow.html: no complete answer within 0.5 s; try again later, or raise --timeout"
    ]


def test_load_reads_addresses_and_a_list_of_them(server: str, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# today's reading\n{server}/decree.txt\n\nnot an address\n{server}/missing.html\n",
        encoding="utf-8",
    )
    graph = tmp_path / "g.json"
    url = f"{server}/news/conscription.html"
    result = CliRunner().invoke(
        app, ["load", url, "--urls", listing.as_posix(), "-g", str(graph), "--timeout", "5"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"skipped {listing.as_posix()}#4: 'not an address' is not an http:// or https://"
        " address; list one address a line (# starts a comment)",
        f"skipped {server}/missing.html: HTTP 404 Not Found; check the address, or load a"
        " saved copy",
    ]
    sources = [d for _, d in read_saved(graph).graph.nodes(data=True) if d["kind"] == "Source"]
    assert sorted(s["url"] for s in sources) == sorted([url, f"{server}/decree.txt"])


def test_load_needs_something_to_load() -> None:
    result = CliRunner().invoke(app, ["load"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: name files, folders or web addresses to load, or a list of addresses with "
        "--urls FILE\n"
    )

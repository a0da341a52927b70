"""Articles on the web: an `http://` or `https://` address fetched, then read like a file.

The page is fetched with the standard library (a timeout for the whole download, a size
limit, the environment's proxy settings) and its article extracted with trafilatura like an
HTML file (`graph.ingest.html`); a `text/plain` page is read as plain text. The Source's
`path` and `url` are the address given; its id comes from the bytes fetched, so the same page
gives the same Source, and a page changed since is a new one (then found as a near-copy of
the old, see `graph.resolve.copies`). Each failing address is one error line: HTTP status,
unreachable host, timeout, too large, not a web page.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

from graph.defaults import URL_TIMEOUT
from graph.errors import DocumentError
from graph.ingest.files import read_bytes

_SCHEMES = ("http://", "https://")
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 65536


def is_url(text: str) -> bool:
    """Whether `load` fetches `text` rather than reading a file."""
    return text.lower().startswith(_SCHEMES)


def fetch(url: str, *, max_mb: float, timeout: float = URL_TIMEOUT) -> tuple[bytes, str]:
    """The bytes of the page at `url` and whether it is "html" or "text", in UTF-8.

    Raises:
        DocumentError: HTTP error status, unreachable, no complete answer within `timeout`
            seconds, larger than `max_mb` megabytes, not an HTML or text page, or a page
            whose stated charset does not decode it.
    """
    limit = int(max_mb * 2**20)
    request = urllib.request.Request(url, headers={"User-Agent": _agent()})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            if ctype not in _PAGE_TYPES:
                raise DocumentError(
                    url,
                    f"a page of type {ctype}, not HTML or text",
                    "give the address of an article page",
                )
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise _too_large(url, int(length), max_mb)
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise _too_large(url, size, max_mb)
                if time.monotonic() > deadline:
                    raise TimeoutError
    except urllib.error.HTTPError as error:
        error.close()  # it holds the answer's connection
        raise DocumentError(
            url, f"HTTP {error.code} {error.reason}", "check the address, or load a saved copy"
        ) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _timed_out(url, timeout) from None
        raise DocumentError(
            url, f"cannot be reached ({error.reason})", "check the address and the connection"
        ) from None
    except TimeoutError:
        raise _timed_out(url, timeout) from None
    except (OSError, ValueError) as error:  # a reset connection, a malformed address
        raise DocumentError(
            url, f"cannot be fetched ({error})", "check the address and the connection"
        ) from None
    raw = b"".join(chunks)
    fmt = "text" if ctype == "text/plain" else "html"
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            raw = raw.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            raise DocumentError(
                url, f"not {charset} as the server says", "save the page as UTF-8 and load that"
            ) from None
    return raw, fmt


def _too_large(url: str, size: int, max_mb: float) -> DocumentError:
    return DocumentError(
        url,
        f"{size / 2**20:.1f} MB or more, more than the {max_mb:g} MB a document may have",
        "raise the limit with --max-size",
    )


def _timed_out(url: str, timeout: float) -> DocumentError:
    return DocumentError(
        url, f"no complete answer within {timeout:g} s", "try again later, or raise --timeout"
    )


def _agent() -> str:
    try:
        version = metadata.version("timeline-graph")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"timeline-graph/{version}"


def read_url_list(path: Path) -> tuple[list[str], list[DocumentError]]:
    """The addresses listed in a text file, one a line (blank lines and `#` comments are
    skipped), and one error per line that is not an http(s) address.

    Raises:
        DocumentError: the file cannot be read.
    """
    name = path.as_posix()
    text = read_bytes(path).decode("utf-8", errors="replace")
    urls, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if is_url(entry) and " " not in entry:
            urls.append(entry)
        else:
            errors.append(
                DocumentError(
                    f"{name}#{number}",
                    f"{entry[:60]!r} is not an http:// or https:// address",
                    "list one address a line (# starts a comment)",
                )
            )
    return urls, errors

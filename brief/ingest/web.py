"""Importing a page from its address: the one place Briefsmith uses the network, and only
when the user asks it to import a link.

urllib3 (the HTTP client under trafilatura and requests) fetches the page: http and https
only, at most five redirects each checked the same way, a time-out per step and for the
whole download, a size cap counted on the bytes received. Every failure is an
`ArticleImportError` naming the address and what went wrong.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from brief.errors import ArticleImportError
from brief.ingest.article import Article
from brief.ingest.files import MAX_BYTES, decode, read_bytes
from brief.ingest.html import read_html
from brief.ingest.text import read_text
from brief.model import Origin

MAX_REDIRECTS = 5
STEP_TIMEOUT = 15.0  # seconds to connect, and between two pieces of the answer
TOTAL_TIMEOUT = 60.0  # seconds for the whole page, however slowly it trickles in
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_REDIRECTS = (301, 302, 303, 307, 308)
_USER_AGENT = "Briefsmith (research brief generator; fetches one page a user asked for)"
_CHUNK = 64 * 1024
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """How much of a server's time and bytes one page may take."""

    max_bytes: int = MAX_BYTES
    step_timeout: float = STEP_TIMEOUT
    total_timeout: float = TOTAL_TIMEOUT


@dataclass
class Fetched:
    url: str  # where the page was found, after redirects
    content_type: str  # "text/html", lower case, without parameters
    charset: str | None
    data: bytes


def is_web_address(text: str) -> bool:
    """An http or https address with a host: what "Import from URL" accepts."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def read_page(url: str) -> Article:
    """`import_url`, with any library's failure on the page turned into a message naming
    the address (the edge: one bad page never stops an import of many)."""
    try:
        return import_url(url)
    except ArticleImportError:
        raise
    except Exception as exc:
        log.warning("importing %s failed", url, exc_info=True)
        raise ArticleImportError(
            url, f"the page could not be imported ({type(exc).__name__}: {exc})."
        ) from exc


def import_url(url: str, limits: Limits | None = None) -> Article:
    """Fetch a page and import it as `read_html` does a saved one, with its final address."""
    fetched = fetch(url, limits or Limits())
    if fetched.content_type in _HTML_TYPES:
        article = read_html(_decode(fetched, url), url=fetched.url, name=url)
    elif fetched.content_type:
        article = read_text(_decode(fetched, url), name=url)
    else:  # no type given: the bytes tell, as for a file (binary refused, HTML or text read)
        article = read_bytes(fetched.data, name=url)
    article.meta.set("url", fetched.url, Origin.FOUND)  # where it was read (canonical aside)
    if not article.sections:
        raise ArticleImportError(url, "no article text was found on the page.")
    article.file_name = fetched.url
    article.file_hash = hashlib.sha256(fetched.data).hexdigest()
    article.meta.set("accessed", date.today().isoformat(), Origin.FOUND)
    return article


def fetch(url: str, limits: Limits) -> Fetched:
    """The page at `url`, following at most MAX_REDIRECTS redirects."""
    import urllib3

    label = url
    url = url.strip()
    pool = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=limits.step_timeout, read=limits.step_timeout),
        retries=False,
        headers={"User-Agent": _USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"},
    )
    deadline = time.monotonic() + limits.total_timeout
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_address(url, label)
            try:
                response = pool.request("GET", url, preload_content=False, redirect=False)
            except urllib3.exceptions.HTTPError as exc:
                raise ArticleImportError(label, _network_problem(exc)) from exc
            try:
                if response.status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise ArticleImportError(
                            label, f"the server redirected (HTTP {response.status}) to nowhere."
                        )
                    url = urljoin(url, location)
                    continue
                if response.status >= 400:
                    raise ArticleImportError(label, _status_problem(response.status))
                content_type, charset = _content_type(response.headers.get("Content-Type", ""))
                if content_type and content_type not in _HTML_TYPES + _TEXT_TYPES:
                    raise ArticleImportError(
                        label,
                        f"the address gives {content_type}, not a web page; Briefsmith "
                        "imports HTML pages and plain text.",
                    )
                data = _read_capped(response, label, limits.max_bytes, deadline)
                return Fetched(url, content_type, charset, data)
            finally:
                response.release_conn()
        raise ArticleImportError(
            label,
            f"the server redirected more than {MAX_REDIRECTS} times; the page was not reached.",
        )
    finally:
        pool.clear()


def _check_address(url: str, label: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        where = "redirected to" if url != label.strip() else "is"
        raise ArticleImportError(
            label,
            f"the address {where} a {parts.scheme or 'schemeless'} address; "
            "Briefsmith fetches only http and https pages.",
        )
    if not parts.hostname:
        raise ArticleImportError(label, "the address names no host.")


def _read_capped(response: object, label: str, max_bytes: int, deadline: float) -> bytes:
    import urllib3

    assert isinstance(response, urllib3.BaseHTTPResponse)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ArticleImportError(label, _too_large(max_bytes))
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.stream(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise ArticleImportError(label, _too_large(max_bytes))
            if time.monotonic() > deadline:
                raise ArticleImportError(
                    label,
                    "the page came too slowly; the server may be overloaded. Try again later.",
                )
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as exc:
        raise ArticleImportError(label, _network_problem(exc)) from exc
    return b"".join(chunks)


def _too_large(max_bytes: int) -> str:
    return (
        f"the page is larger than {max_bytes // (1024 * 1024) or 1} MB; articles are far smaller."
    )


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    return kind.strip().lower(), charset


def _decode(fetched: Fetched, label: str) -> str:
    if fetched.charset:
        try:
            return fetched.data.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset: find the encoding from the bytes
    return decode(fetched.data, label)


def _status_problem(status: int) -> str:
    known = {
        401: "the page needs a log-in (HTTP 401)",
        403: "the server refused to give the page (HTTP 403)",
        404: "there is no page at this address (HTTP 404)",
        410: "the page has been removed (HTTP 410)",
        429: "the server asks to wait before asking again (HTTP 429)",
    }
    if status in known:
        return known[status] + "."
    if status >= 500:
        return f"the server failed (HTTP {status}); try again later."
    return f"the server answered HTTP {status}, not the page."


def _network_problem(exc: Exception) -> str:
    import urllib3

    # Most specific first: urllib3 makes a refused connection a kind of connect time-out,
    # and an unknown host a kind of refused connection.
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "the host name is unknown; check the address and the connection."
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "the server could not be reached; check the address and the connection."
    if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
        return "the server did not answer in time; check the address and the connection."
    if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
        return "the server stopped answering; try again later."
    if isinstance(exc, urllib3.exceptions.SSLError):
        return f"the secure connection failed ({_reason(exc)})."
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return f"the connection broke off ({_reason(exc)})."
    return f"the page could not be fetched ({_reason(exc)})."


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "reason", None) or exc)[:200]

"""A local HTTP server on 127.0.0.1 for the tests of Import from URL: the sample page, a
redirect chain, and pages that fail each way a fetch can."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import BENCHMARK, DATA

SAMPLE = (DATA / "sample-river-port.html").read_bytes()  # a sample page written for Briefsmith


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        # The client may give up, as it should on a huge or slow page.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(self.path)

    def _answer(self, path: str) -> None:
        if path == "/article":
            self._send(200, SAMPLE)
        elif path == "/benchmark":
            page = sorted((BENCHMARK / "html").glob("*.html.gz"))[0]
            self._send(200, gzip.decompress(page.read_bytes()))
        elif path.startswith("/hop/"):  # /hop/3 -> /hop/2 -> … -> /article, relative links
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{left - 1}" if left > 1 else "../article", 301 + left % 2)
        elif path == "/latin1":
            body = "<html><head><title>Café crème</title></head><body><article><h1>Café crème"
            body += "</h1>" + "<p>Le café crème coûte deux euros à la gare, dit-on ici.</p>" * 6
            self._send(
                200,
                (body + "</article></body></html>").encode("latin-1"),
                "text/html; charset=ISO-8859-1",
            )
        elif path == "/plain":
            text = "Sample notice\n\n" + "The river road reopens on Monday after repairs. " * 8
            self._send(200, text.encode(), "text/plain")
        elif path == "/untyped":  # no Content-Type: the bytes tell
            self.send_response(200)
            self.send_header("Content-Length", str(len(SAMPLE)))
            self.end_headers()
            self.wfile.write(SAMPLE)
        elif path == "/untyped-image":
            body = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/missing":
            self._send(404, b"<html><body>Not found</body></html>")
        elif path == "/broken":
            self._send(503, b"")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/nowhere":
            self.send_response(302)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/huge":  # no length announced: the cap counts what arrives
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**10))
            self.end_headers()
        elif path == "/silent":  # headers, then nothing
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.flush()
            time.sleep(3)
        elif path == "/trickle":  # a byte now and then, each in time, the whole too slow
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"y" * 70000 + b"</p>")
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self._send(404, b"")


def serve() -> Iterator[str]:
    """The server's address while the generator runs (conftest's `server` fixture)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()

"""Import from a link, against a local HTTP server on 127.0.0.1 started by the test: the
page, a redirect chain, and every way a fetch fails, each with a clear message; and proof
that nothing is fetched when a saved page is imported."""

from __future__ import annotations

import json
import socket
import time
from datetime import date

import pytest

from brief.cli import main
from brief.errors import ArticleImportError
from brief.ingest import read_file
from brief.ingest.web import MAX_REDIRECTS, Limits, import_url, is_web_address
from brief.project import Project
from tests.conftest import DATA
from tests.webserver import SAMPLE


def test_a_page_is_imported_with_its_address_and_the_day_it_was_read(server):
    article = import_url(f"{server}/article")
    assert article.meta.title == "River port reopens after two years of dredging"
    assert article.meta.url == f"{server}/article"
    assert article.meta.accessed == date.today().isoformat()
    assert any("dredging" in s.text for s in article.sections)


def test_redirects_are_followed_to_the_page_and_its_final_address_kept(server):
    article = import_url(f"{server}/hop/{MAX_REDIRECTS}")  # five redirects: allowed
    assert article.meta.url == f"{server}/article"
    with pytest.raises(ArticleImportError, match="redirected more than 5 times"):
        import_url(f"{server}/hop/{MAX_REDIRECTS + 1}")


def test_a_real_benchmark_page_and_other_encodings_and_plain_text(server):
    assert import_url(f"{server}/benchmark").sections
    cafe = import_url(f"{server}/latin1")
    assert cafe.meta.title == "Café crème" and "coûte" in cafe.sections[0].text
    untyped = import_url(f"{server}/untyped")  # no Content-Type: read as a saved file is
    assert untyped.meta.title == "River port reopens after two years of dredging"
    assert untyped.meta.url == f"{server}/untyped"
    notice = import_url(f"{server}/plain")
    assert notice.meta.url == f"{server}/plain" and "reopens" in notice.sections[-1].text


@pytest.mark.parametrize(
    ("path", "limits", "message"),
    [
        ("/missing", {}, "there is no page at this address (HTTP 404)"),
        ("/broken", {}, "the server failed (HTTP 503); try again later"),
        ("/image", {}, "the address gives image/png, not a web page"),
        ("/untyped-image", {}, "this is a PNG image, not an article"),
        ("/to-file", {}, "redirected to a file address; Briefsmith fetches only http and https"),
        ("/nowhere", {}, "redirected (HTTP 302) to nowhere"),
        ("/huge", {"max_bytes": 1024 * 1024}, "the page is larger than 1 MB"),
        ("/huge-declared", {}, "the page is larger than 20 MB"),
        ("/silent", {"step_timeout": 0.5}, "the server stopped answering"),
        ("/trickle", {"total_timeout": 1.0}, "the page came too slowly"),
    ],
)
def test_each_failure_names_the_address_and_what_went_wrong(server, path, limits, message):
    started = time.monotonic()
    with pytest.raises(ArticleImportError) as caught:
        import_url(f"{server}{path}", Limits(**limits))
    assert str(caught.value).startswith(f"{server}{path}: ")
    assert message in str(caught.value)
    assert time.monotonic() - started < 10


def test_a_closed_port_and_an_unknown_scheme_are_refused_clearly():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ArticleImportError, match="could not be reached"):
        import_url(f"http://127.0.0.1:{port}/article")
    with pytest.raises(ArticleImportError, match="only http and https"):
        import_url("ftp://127.0.0.1/article")
    assert is_web_address("https://example.org/a") and not is_web_address("example.org/a")
    assert not is_web_address("file:///etc/passwd") and not is_web_address("https://")


def test_cli_imports_links_beside_files(server, tmp_path, capsys):
    project = tmp_path / "web.brief"
    code = main(
        [
            "import",
            str(project),
            f"{server}/hop/2",
            str(DATA / "sample-wheat-prices.txt"),
            f"{server}/missing",
            "--quiet",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 1  # one link failed; the others are in
    assert "River port reopens" in out and "Wheat prices" in out
    assert f"error: {server}/missing: there is no page at this address (HTTP 404)." in err
    with Project.open(project, readonly=True) as opened:
        urls = [s.meta.url for s in opened.sources()]
    assert f"{server}/article" in urls
    assert main(["sources", str(project), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {s["url"] for s in listed} >= {f"{server}/article"}


def test_importing_saved_pages_never_touches_the_network(monkeypatch, tmp_path):
    """A saved page names images, scripts and links; importing it reads none of them."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("the network is not to be used here")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    page = tmp_path / "saved.html"
    page.write_bytes(
        SAMPLE.replace(
            b"</body>",
            b'<img src="https://images.example/a.jpg"><script src="https://cdn.example/x.js">'
            b'</script><link rel="stylesheet" href="https://cdn.example/s.css"></body>',
        )
    )
    assert read_file(page).sections
    for sample in sorted(DATA.glob("sample-*")):
        assert read_file(sample).sections
    assert attempts == []

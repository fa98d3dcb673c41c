"""Shared fixtures: a built copy of the real site served on 127.0.0.1, and a browser set up
for a machine without internet (Debian's chromium where Playwright has no browser)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import socket
import sys
import threading
import urllib.parse
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import axecheck  # noqa: E402
from curriculum_tools.tools.browser import LAUNCH_ARGS, find_chromium  # noqa: E402
from helpers import REPO  # noqa: E402
from lrs import module_ralph, ralph  # noqa: E402,F401  (the test LRS, fixtures: tests/lrs.py)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) or "context" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable, what = find_chromium()
    if not what:
        pytest.fail("no Chromium available: run `make browser` (installs Debian's chromium) or set CHROMIUM_PATH")
    args = {**browser_type_launch_args, "args": LAUNCH_ARGS}
    if executable:
        args["executable_path"] = executable
    return args


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SEARCH_INDEX = "search/search_index.json"


@functools.cache
def home_only_index(path: Path) -> bytes:
    """A built search index cut to the home page's entries: what the test servers give
    Material's search worker unless a test searches (SiteServer search=True). Building the
    real lunr index (0.9 MB) costs every page load about 0.4 s of CPU in the browser, which a
    test that never searches pays for nothing; the worker still starts, fetches and indexes."""
    index = json.loads(path.read_bytes())
    index["docs"] = [doc for doc in index["docs"] if doc["location"].split("#")[0] == ""]
    return json.dumps(index).encode()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict = {}
    full_search = False

    def translate_path(self, path):
        if urllib.parse.urlsplit(path).path == axecheck.SERVED_AT:  # axe, for axecheck to load
            return str(axecheck.AXE_FILE)
        return super().translate_path(path)

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if self.full_search or not path.as_posix().endswith("/" + SEARCH_INDEX) or not path.is_file():
            return super().do_GET()
        body = home_only_index(path)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        # Pages are never cached (a test sees the page as built); the theme's and our assets
        # are, within a browser context, as any web server lets them be: a walk through 100
        # pages then compiles Material's bundle once, not 100 times (0.13 s of CPU a page).
        static = urllib.parse.urlsplit(self.path).path.startswith(("/assets/", axecheck.SERVED_AT))
        self.send_header("Cache-Control", "max-age=3600" if static else "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that leaves a page mid-transfer (a test ending, a navigation) is no error
        of the server's: no traceback for a dropped connection; any other error still prints."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """A static server for a built site folder, optionally with extra response headers. The
    search index it serves holds the home page alone unless search is true (home_only_index):
    tests that search ask for the whole one."""

    def __init__(self, directory: Path, port: int, headers: dict | None = None, search: bool = False):
        handler = type("Handler", (QuietHandler,), {"extra_headers": headers or {}, "full_search": search})
        self.httpd = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
        self.url = f"http://127.0.0.1:{port}/"
        axecheck.serves_axe(self.url)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def write_site_config(root: Path, config: str = "mkdocs.yml") -> Path:
    """The repository's own MkDocs configuration for a content tree elsewhere: the theme
    overrides by absolute path, no live-reload watch list."""
    text = (REPO / config).read_text(encoding="utf-8")
    text = text.replace("custom_dir: site_overrides", f"custom_dir: {REPO / 'site_overrides'}")
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)
    if config != "mkdocs.yml":  # an INHERIT-ing configuration needs its parent beside it
        write_site_config(root)
    (root / config).write_text(text, encoding="utf-8")
    return root / config


def build_tree(
    root: Path | None, site_dir: Path, site_url: str = "http://127.0.0.1:8000/", config: str = "mkdocs.yml", **overrides
) -> Path:
    """Build a content tree (the repository itself when root is None) with the repository's
    configuration; overrides go to MkDocs' load_config (theme, plugins, ...)."""
    from curriculum_tools.site.atomic import build_site

    config_file = REPO / config if root is None else write_site_config(root, config)
    return build_site(config_file, site_dir, strict=True, site_url=site_url, **overrides)


@pytest.fixture(scope="session")
def site_factory(tmp_path_factory):
    """The one way tests build a site: `site_factory(tree, serve=True, **overrides)` builds a
    content tree (None: the repository) and, with serve, serves it on 127.0.0.1 (the server
    has .url and .dir; search=True serves the whole search index). Servers are closed at the end of the session."""
    servers: list[SiteServer] = []

    def make(
        root: Path | None = None, *, serve: bool = True, search: bool = False, config: str = "mkdocs.yml", **overrides
    ):
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        built = build_tree(root, tmp_path_factory.mktemp("site") / "site", url, config, **overrides)
        if not serve:
            return built
        server = SiteServer(built, port, search=search)
        server.dir = built
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def site(site_factory):
    """The real curriculum, built once for the session and served on 127.0.0.1."""
    return site_factory()


@pytest.fixture(scope="session")
def offline(tmp_path_factory, site_factory):
    """The offline edition built as `make offline` builds it, zipped, and unpacked: once a
    session (test_offline.py and test_transfer.py read it; nothing writes to it)."""
    from curriculum_tools.site.zip import FOLDER, zip_site

    tmp = tmp_path_factory.mktemp("offline")
    built = site_factory(config="mkdocs-offline.yml", serve=False)
    archive = zip_site(built, tmp / "dist" / "curriculum-offline.zip")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        zf.extractall(tmp / "unzipped")
    return Offline(tmp / "unzipped" / FOLDER, names)


class Offline:
    def __init__(self, root, names):
        self.root, self.names = root, names


@pytest.fixture(scope="session")
def strict(site):
    """The same built site, served with the strict Content-Security-Policy header the README
    gives deployers (sitewalk.CSP), on a port of its own."""
    from sitewalk import CSP

    server = SiteServer(site.dir, free_port(), {"Content-Security-Policy": CSP})
    server.dir = site.dir
    yield server
    server.close()


@pytest.fixture(scope="session")
def searchable(site):
    """The real site under the strict header with its whole search index, for tests that search."""
    from sitewalk import CSP

    server = SiteServer(site.dir, free_port(), {"Content-Security-Policy": CSP}, search=True)
    server.dir = site.dir
    yield server
    server.close()


@pytest.fixture
def csp_page(page):
    """A page that keeps the CSP violations it meets (sitewalk.csp_violations reads them)."""
    from sitewalk import record_csp

    return record_csp(page)


class PageWatch:
    """Records console errors, page errors and every request a page makes."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on(
            "console",
            lambda msg: self.errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        page.on("request", lambda req: self.requests.append(req.url))

    def off_origin(self, origin: str) -> list[str]:
        return [u for u in self.requests if not u.startswith((origin, "data:", "blob:", "about:"))]


@pytest.fixture
def watch(page):
    return PageWatch(page)

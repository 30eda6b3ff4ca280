"""``triggerpoints explore``: the pain-map explorer, a local page served by the standard library.

A :class:`http.server.ThreadingHTTPServer` on 127.0.0.1 serves the page's files, shipped
in the package (``triggerpoints/explorer/``), and a small JSON API over the public
library (:mod:`triggerpoints._explore_api`):

========================  =====================================================
``GET /``                 the page
``GET /static/NAME``      the page's scripts and styles (only the files shipped)
``GET /api/options``      regions, activities, symptoms and versions
``GET /api/map.svg``      the body map to click on (every zone, with its region id)
``GET /api/rank``         ``pain``, ``absent``, ``activity``, ``symptom``, ``side``
``GET /api/muscle``       ``id`` (and ``side``): a muscle's view
``GET /api/picture.svg``  ``muscle`` or ``trigger_point`` (and ``side``)
========================  =====================================================

Bad input gets status 400 and ``{"error": <the library's message>, "type": ...}``;
nothing else is served, and no other address is contacted.

Examples:
    >>> from triggerpoints._explore import Explorer
    >>> with Explorer(port=0) as explorer:
    ...     explorer.url.startswith("http://127.0.0.1:")
    True
"""

from __future__ import annotations

import json
import sys
import threading
import traceback
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import triggerpoints as tp
from triggerpoints import _explore_api as api

__all__ = ["HOST", "TYPES", "Explorer", "serve"]

HOST = "127.0.0.1"
"""The only address the explorer listens on: this computer, never the network."""
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
"""The content type of each kind of file the page is made of."""
_FOLDER = "explorer"
_SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
}


def _files() -> dict[str, bytes]:
    """The page's files by name, read once from inside the package; nothing else is served."""
    from importlib.resources import files  # noqa: PLC0415 - only when the explorer starts

    folder = files("triggerpoints") / _FOLDER
    return {
        item.name: item.read_bytes()
        for item in folder.iterdir()
        if item.is_file() and any(item.name.endswith(suffix) for suffix in TYPES)
    }


class _Handler(BaseHTTPRequestHandler):
    """Answers one request: a page file, a JSON answer, a picture or a JSON error."""

    server: _Server
    server_version = "triggerpoints-explorer"
    sys_version = ""

    def do_GET(self) -> None:
        """Serve a GET request."""
        parts = urlsplit(self.path)
        route = self.server.routes.get(parts.path)
        if route is not None:
            self._answer(route, parts.query)
        elif parts.path == "/":
            self._send(HTTPStatus.OK, TYPES[".html"], self.server.files["index.html"])
        elif parts.path.startswith("/static/") and parts.path[8:] in self.server.files:
            name = parts.path[8:]
            self._send(HTTPStatus.OK, TYPES[name[name.rfind(".") :]], self.server.files[name])
        else:
            self._error(HTTPStatus.NOT_FOUND, f"nothing here: {parts.path!r}", "NotFound")

    def do_HEAD(self) -> None:
        """Refuse HEAD like every other method but GET."""
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "the explorer answers GET requests only", "MethodNotAllowed")

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD  # noqa: N815 - the names http.server calls

    def _answer(self, route: Callable[[tp.Atlas, api.Query], Any], query: str) -> None:
        try:
            parsed = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query), max_num_fields=200)
            answer = route(self.server.atlas, parsed)
        except tp.TriggerPointsError as error:
            self._error(HTTPStatus.BAD_REQUEST, str(error), type(error).__name__)
        except ValueError as error:  # a query string that is not one (strict parsing)
            self._error(HTTPStatus.BAD_REQUEST, f"cannot read the query: {error}", "ArgumentError")
        except Exception:  # noqa: BLE001 - a bug must still answer in JSON, never with a traceback page
            traceback.print_exc(file=sys.stderr)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error: see the explorer's log", "InternalError")
        else:
            if isinstance(answer, str):
                self._send(HTTPStatus.OK, TYPES[".svg"], answer.encode("utf-8"))
            else:
                self._json(HTTPStatus.OK, answer)

    def _error(self, status: HTTPStatus, message: str, kind: str) -> None:
        self._json(status, {"error": message, "type": kind, "status": int(status)})

    def _json(self, status: HTTPStatus, data: Any) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, "application/json; charset=utf-8", body)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in _SECURITY.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        """Log requests only when the server was asked to."""
        if self.server.verbose:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, atlas: tp.Atlas, docs: str, *, verbose: bool) -> None:
        self.atlas, self.verbose, self.files = atlas, verbose, _files()
        self.routes: dict[str, Callable[[tp.Atlas, api.Query], Any]] = {
            "/api/options": lambda atlas, query: api.options(atlas, query, docs=docs),
            "/api/rank": lambda atlas, query: api.rank(atlas, query, docs=docs),
            "/api/muscle": lambda atlas, query: api.muscle(atlas, query, docs=docs),
            "/api/picture.svg": api.picture,
            "/api/map.svg": self._map,
        }
        from triggerpoints._draw import draw_body_map  # noqa: PLC0415 - drawing is imported to explore only

        self._body_map = draw_body_map(atlas=atlas)  # drawn once, first: without the maps extra, fail at start
        super().__init__((HOST, port), _Handler)

    def _map(self, _atlas: tp.Atlas, query: api.Query) -> str:
        if query:
            raise tp.ArgumentError("parameter", sorted(query)[0], "no parameters")
        return self._body_map


class Explorer:
    """The explorer's server, listening on 127.0.0.1, answering from a thread until stopped.

    Use it as a context manager (``with Explorer() as explorer: ...``), or call
    :meth:`start` and :meth:`stop`.

    Args:
        port: The port to listen on; 0 (the default) takes a free one.
        atlas: The atlas to answer from (default: the packaged one).
        docs: The address of the built documentation, for links to a muscle's pages.
        verbose: Log each request to standard error.

    Raises:
        ArgumentError: A port that is not a whole number from 0 to 65535.
        MissingDependencyError: The ``anatomapa`` package (extra ``maps``) is missing.
        OSError: The port is taken, or cannot be listened on.
    """

    def __init__(
        self, *, port: int = 0, atlas: tp.Atlas | None = None, docs: str = api.DOCS, verbose: bool = False
    ) -> None:
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise tp.ArgumentError("port", port, "a whole number from 0 to 65535 (0 for a free port)")
        docs = docs if docs.endswith("/") else docs + "/"
        self._server = _Server(port, atlas if atlas is not None else tp.load(), docs, verbose=verbose)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The page's address, ``http://127.0.0.1:<port>/``."""
        return f"http://{HOST}:{self._server.server_address[1]}/"

    def start(self) -> None:
        """Start answering requests, in a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, name="explorer", daemon=True)
            self._thread.start()

    def serve_forever(self) -> None:
        """Answer requests in this thread until :meth:`stop` is called (or Ctrl-C)."""
        self._server.serve_forever()

    def stop(self) -> None:
        """Stop answering, close the socket and wait for the thread."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Explorer:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def serve(
    *,
    port: int = 0,
    atlas: tp.Atlas | None = None,
    docs: str = api.DOCS,
    browser: bool = True,
    say: Callable[[str], object] = print,
) -> None:
    """Serve the explorer until Ctrl-C: print its address, open it in a browser unless told not to.

    Args:
        port: The port to listen on; 0 takes a free one.
        atlas: The atlas to answer from (default: the packaged one).
        docs: The address of the built documentation, for links.
        browser: Open the page in the default web browser.
        say: Where the address and the stop message go.
    """
    explorer = Explorer(port=port, atlas=atlas, docs=docs)
    say(f"triggerpoints explorer: {explorer.url}  (Ctrl-C to stop; reference only, not a diagnosis)")
    if browser:
        import webbrowser  # noqa: PLC0415 - only when a browser is wanted

        webbrowser.open(explorer.url)
    try:
        explorer.serve_forever()
    except KeyboardInterrupt:
        say("triggerpoints explorer: stopped")
    finally:
        explorer.stop()

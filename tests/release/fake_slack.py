"""A fake Slack incoming webhook: a real HTTP server on 127.0.0.1 that records what is posted."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WEBHOOK_PATH = "/services/T0000TEST/B0000TEST/SeCrEtWeBhOoKpAtH123"


class FakeSlack:
    """Answers like Slack: 200 `ok`, or the failure set in `fail_with` / `hang`."""

    def __init__(self) -> None:
        self.posts: list[Any] = []
        self.fail_with: tuple[int, str] | None = None  # e.g. (404, "no_service")
        self.hang = False
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        host, port = self._server.server_address[:2]
        self.webhook_url = f"http://{host}:{port}{WEBHOOK_PATH}"
        # A short poll interval: shutdown() waits for it (0.5 s by default, per test).
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()


def _handler_for(slack: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class SlackHandler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path != WEBHOOK_PATH:
                return self._reply(404, "no_service")
            if slack.hang:
                slack._stop.wait(5)
                return
            try:
                payload = json.loads(raw)
            except ValueError:
                return self._reply(400, "invalid_payload")
            if slack.fail_with:
                return self._reply(*slack.fail_with)
            if not isinstance(payload, dict) or not payload.get("text"):
                return self._reply(400, "no_text")
            slack.posts.append(payload)
            self._reply(200, "ok")

        def _reply(self, status: int, text: str) -> None:
            body = text.encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return SlackHandler

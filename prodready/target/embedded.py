"""Run the reference app in-process on 127.0.0.1 and a free port, with a fresh database."""

from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from prodready.core.config import Credentials, Target


class QuietHandler(WSGIRequestHandler):
    """Serve without a log line per request (the run's output stays readable); errors still print."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


@dataclass
class EmbeddedApp:
    """A running reference app; `stop()` shuts it down and removes its database."""

    base_url: str
    server: BaseWSGIServer
    thread: threading.Thread
    folder: Path
    app: Any = field(repr=False)

    def stop(self) -> None:
        """Stop serving and delete the temporary database."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)


def start(target: Target, credentials: dict[str, Credentials], test_api_token: str | None) -> EmbeddedApp:
    """Start demo_app seeded with the target's personas and this run's passwords (test-only API with a token)."""
    from demo_app import create_app

    folder = Path(tempfile.mkdtemp(prefix="prodready-demo-"))
    personas = [
        {
            "key": p.key,
            "name": p.name,
            "username": p.username,
            "role": p.role,
            "password": credentials[p.key].password if p.key in credentials else None,
        }
        for p in target.personas.values()
    ]
    app = create_app(
        {
            "DATABASE": str(folder / "demo.sqlite"),
            "PERSONAS": personas,
            "TEST_API_TOKEN": test_api_token,
            "TESTING": False,  # behave should see the app as a user would: real error pages, CSRF on
            # Throwaway per-run passwords in a database deleted after the run: a cheap hash will do.
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "DATABASE_DURABLE": False,  # deleted after the run: no commit waits for the disk
        }
    )
    # Port 0: the OS picks a free port, so a busy port (or a parallel worker) never collides.
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="demo_app", daemon=True)
    thread.start()
    return EmbeddedApp(
        base_url=f"http://127.0.0.1:{server.server_port}", server=server, thread=thread, folder=folder, app=app
    )

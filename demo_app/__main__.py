"""Serve the reference app for a person to click through: python -m demo_app [--port 5000]."""

from __future__ import annotations

import argparse
import os
import socket

from . import DEFAULT_PERSONAS, create_app


def free_port(host: str, wanted: int) -> int:
    """The wanted port if nothing listens there, else one the system picks."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, wanted))
            return wanted
        except OSError:
            sock.bind((host, 0))
            return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> None:
    """Start the development server with the seeded personas."""
    parser = argparse.ArgumentParser(prog="python -m demo_app", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("DEMO_APP_PORT", "5000")))
    parser.add_argument(
        "--database",
        default=os.environ.get("DEMO_APP_DATABASE"),
        help="SQLite file (default: instance/demo_app.sqlite; delete it to start over)",
    )
    args = parser.parse_args(argv)
    # A throwaway password for a local reference app (env DEMO_APP_PASSWORD overrides it).
    password = os.environ.get("DEMO_APP_PASSWORD", "community")
    # A person exploring the reference app by hand may read its GraphQL schema (introspection), which
    # is off wherever it stands in for a live deployment (the suite's embedded targets).
    config = {"DEFAULT_PASSWORD": password, "GRAPHQL_INTROSPECTION": True}
    if args.database:
        config["DATABASE"] = args.database
    app = create_app(config)
    port = free_port(args.host, args.port)
    if port != args.port:
        print(f"Port {args.port} is busy: using {port} instead (or choose one with --port).")
    print(
        f"Reference community app on http://{args.host}:{port}/  (password for every login below: "
        f"{'$DEMO_APP_PASSWORD' if 'DEMO_APP_PASSWORD' in os.environ else password})"
    )
    for persona in DEFAULT_PERSONAS:
        print(f"  {persona['role']:<15} {persona['username']:<12} {persona['name']}")
    app.run(host=args.host, port=port, debug=False)


if __name__ == "__main__":
    main()

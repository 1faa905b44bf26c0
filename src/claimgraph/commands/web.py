"""`claimgraph serve`: the REST API and the dashboard on a local web server."""

from __future__ import annotations

import os
import sys

import click

from claimgraph.commands.base import main
from claimgraph.store.errors import StoreError
from claimgraph.store.open import ENV_VAR


@main.command("serve")
@click.option("--db", "db", envvar=ENV_VAR, default=None, metavar="FILE|URL",
              help="DuckDB file or postgresql:// URL [$CLAIMGRAPH_DB, ./claimgraph.duckdb].")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 exposes the server to the network).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token-env", default="CLAIMGRAPH_API_TOKEN", show_default=True, metavar="NAME",
              help="Environment variable holding the bearer token for writing endpoints; "
                   "unset: read-only.")
def serve(db: str | None, host: str, port: int, token_env: str) -> None:
    """Serve the dashboard at / and the REST API at /api (OpenAPI document at /openapi.json)."""
    import uvicorn

    from claimgraph.web.app import create_app

    token = os.environ.get(token_env) or None
    try:
        app = create_app(db, token=token)
    except StoreError as exc:
        click.echo(exc.line(), err=True)
        sys.exit(1)
    mode = "read-write (bearer token set)" if token else f"read-only (${token_env} not set)"
    click.echo(f"claimgraph: serving {app.state.store.target} {mode} at http://{host}:{port}/",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

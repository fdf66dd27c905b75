"""An embedded PostgreSQL server for development and tests when ``DATABASE_URL`` is unset.

The server (pgserver, PostgreSQL 16) keeps its data in the git-ignored ``var/pgdata`` folder of
the checkout, is started the first time something asks for it and keeps running afterwards, so
later commands reuse it instead of paying for a start-up each time. Production never uses it:
the production settings require ``DATABASE_URL``.

Run as a script it prints the server's URL, or stops it with ``stop``::

    python -m config.embedded_postgres          # start if needed, print the URL
    python -m config.embedded_postgres stop
"""

import os
import sys
import warnings
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("EMBEDDED_PGDATA", PROJECT_DIR / "var" / "pgdata"))


def _pgserver():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (as under cron, CI or sudo); pgserver then
    # falls back to /tmp, which is what we want.
    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver

    return pgserver


def database_url() -> str:
    """Start the embedded server if it is not running and return its connection URL."""
    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None leaves the server running when this process exits: it is reused.
    server = _pgserver().get_server(DATA_DIR, cleanup_mode=None)
    return server.get_uri()


def stop() -> None:
    """Stop the embedded server if it runs; its data stays in place."""
    if (DATA_DIR / "postmaster.pid").exists():
        _pgserver().get_server(DATA_DIR, cleanup_mode="stop").cleanup()


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop()
    else:
        print(database_url())

"""PostgreSQL stopped and started again under a running gunicorn, for ``bench.faults``: on a
private cluster of its own, started from the embedded server's binaries in a temporary directory
(so no shared server is ever stopped), what readers were answered while it was down and how soon
the same processes served pages again."""

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.server import Server, free_port, server_environment
from bench.traffic import RECOVERY_TIMEOUT, Pages, Traffic, figures, manage

DATABASE_MESSAGE = "database cannot be reached"


class PrivatePostgres:
    """A PostgreSQL cluster of its own, from the embedded server's binaries, in ``workdir``,
    listening on a free loopback port: one this benchmark may stop and start."""

    def __init__(self, workdir: Path) -> None:
        from config.embedded_postgres import _pgserver

        pgserver = _pgserver()
        self.bin = Path(pgserver.__file__).parent / "pginstall" / "bin"
        self.data = workdir / "pgdata"
        self.log = workdir / "postgres.log"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root: the embedded server's user
            from pgserver.utils import ensure_user_exists

            self.user = ensure_user_exists("pgserver").pw_name
        self.data.mkdir(mode=0o700)
        self.log.touch()
        if self.user:
            account = pwd.getpwnam(self.user)
            for path in (workdir, self.data, self.log):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", self.data, "--auth=trust", "-U", "postgres", "--no-sync")

    def _run(self, program: str, *arguments) -> None:
        subprocess.run(
            [self.bin / program, *map(str, arguments)],
            check=True,
            capture_output=True,
            user=self.user,
            timeout=120,
        )

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k '' -c fsync=off"
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")


@contextlib.contextmanager
def private_postgres(database: str, files: list[Path]) -> Iterator[PrivatePostgres]:
    """A private cluster holding ``database`` with ``files`` imported (without the search
    index), removed afterwards."""
    import psycopg

    workdir = Path(tempfile.mkdtemp(prefix="faults-postgres-"))
    os.chmod(workdir, 0o755)
    cluster = None
    try:
        cluster = PrivatePostgres(workdir)
        cluster.start()
        with psycopg.connect(cluster.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{database}"')
        env = server_environment(DATABASE_URL=cluster.url(), SEARCH_INDEX_ON_IMPORT="0")
        for command in (("migrate", "--noinput"), ("import_resolutions", *map(str, files))):
            status, output, _ = manage(*command, env=env)
            if status:
                raise RuntimeError(f"{command[0]} on the private cluster failed:\n{output}")
        yield cluster
    finally:
        if cluster:
            cluster.remove()
        shutil.rmtree(workdir, ignore_errors=True)


def database_restart(
    server: Server, cluster: PrivatePostgres, pages: Pages, outage: float = 3.0
) -> dict:
    """Stop PostgreSQL (fast shutdown) while clients read pages, keep it down for ``outage``
    seconds, start it again and wait for the first page read from it."""
    processes = server.alive_processes()
    with Traffic(server.port, pages.reading, clients=3) as traffic:
        time.sleep(1.0)
        traffic.mark("stop")
        cluster.stop()
        traffic.mark("stopped")
        time.sleep(outage)
        traffic.mark("start")
        cluster.start()
        traffic.mark("started")
        deadline = time.perf_counter() + RECOVERY_TIMEOUT
        while time.perf_counter() < deadline:
            if any(a.status == 200 for a in traffic.between("started", None)):
                break
            time.sleep(0.02)
        first = min(
            (a.at + a.seconds for a in traffic.between("started", None) if a.status == 200),
            default=None,
        )
        time.sleep(1.0)
        traffic.mark("end")
    stop, start = traffic.marks["stop"], traffic.marks["started"]
    # Requests in flight while pg_ctl stops or starts the server may go either way; those made
    # wholly while it was down, and wholly after the first page read from it again, may not.
    down = [a for a in traffic.between("stopped", "start") if a.at + a.seconds < start]
    settled = [a for a in traffic.between("started", "end") if first and a.at >= first]
    return {
        "outage_seconds": round(start - stop, 2),
        "before": figures([a for a in traffic.between(None, "stop") if a.at + a.seconds < stop]),
        "during": figures(traffic.between("stop", "started")),
        "while_down": figures(down),
        "during_bodies_say_database": all(
            DATABASE_MESSAGE.encode() in a.body
            for a in traffic.between("stop", "started")
            if a.status == 503
        ),
        "all": figures(traffic.answers),
        "recovery_after_start": round(first - traffic.marks["started"], 3) if first else None,
        "recovery_after_stop": round(first - traffic.marks["stop"], 3) if first else None,
        "after": figures(settled),
        "same_processes": server.alive_processes() == processes,
    }

"""gunicorn as the archive deploys it, started for a benchmark on a free loopback port in a
process group of its own and always stopped, with what the benchmark reads of it: the time to the
first response, the memory of the master and of each worker, its live processes, and the access
log; and the bench settings a benchmark, its server and the commands it runs beside it share."""

import contextlib
import ctypes
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
MINIMAL_URL = "/bench/minimal/"
ACCESS_LOG_FORMAT = "%({x-bench-page}i)s\t%(s)s\t%(D)s"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 30.0


def setup_django(own: str | None = None) -> None:
    """Django with the bench settings. With ``own``, on a database (``archive_<own>``) and a
    search index (under ``var/<own>``) of the script's own, unless BENCH_DATABASE and BENCH_DIR
    say otherwise, so that the benchmarks' generated corpus and the script's never meet (the
    bench settings read both names from the environment)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    if own:
        os.environ.setdefault("BENCH_DATABASE", f"archive_{own}")
        os.environ.setdefault("BENCH_DIR", str(PROJECT_DIR / "var" / own))
    import django

    django.setup()


def server_environment(**extra: str) -> dict[str, str]:
    """The environment gunicorn and the management commands run with: the bench settings on
    the database this process uses and the index under ``BENCH_DIR``."""
    from django.db import connection

    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        # The database this process reads the pages from, so both see the same archive.
        BENCH_DATABASE=connection.settings_dict["NAME"],
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """In the gunicorn master before exec: SIGTERM it if this process dies without stopping it
    (the finally clause below is the normal way; this covers a SIGKILLed benchmark)."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def children(pid: int) -> list[int]:
    """Child processes of ``pid``: the gunicorn workers of a master."""
    found = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.update(int(child) for child in (task / "children").read_text().split())
        return sorted(found)
    except OSError:
        pass
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name may hold spaces and parentheses; the fields follow the last ")".
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.add(int(entry.name))
    return sorted(found)


def memory_kb(pid: int) -> dict[str, int | None]:
    """Resident (VmRSS) and proportional (Pss: shared pages divided among their users) memory.
    With preload_app the workers share the master's pages, so RSS counts those once per worker
    and PSS does not."""
    figures: dict[str, int | None] = {"rss": None, "pss": None}
    for name, key, path in (("rss", "VmRSS:", "status"), ("pss", "Pss:", "smaps_rollup")):
        try:
            for line in Path(f"/proc/{pid}/{path}").read_text().splitlines():
                if line.startswith(key):
                    figures[name] = int(line.split()[1])
                    break
        except OSError:
            pass
    return figures


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        return state != "Z"  # a zombie has exited, only its parent has not reaped it yet
    except OSError:
        return False


class Server:
    """gunicorn as deployed, on a free loopback port, in a process group of its own."""

    def __init__(self, workdir: Path, workers: int | None) -> None:
        self.port = free_port()
        self.access_log = workdir / "access.log"
        self.error_log = workdir / "gunicorn.log"
        env = server_environment(GUNICORN_BIND=f"127.0.0.1:{self.port}")
        if workers is not None:
            env["WEB_CONCURRENCY"] = str(workers)
        self.expected_workers = workers
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(PROJECT_DIR / "deploy" / "gunicorn.conf.py"),
            "--access-logfile",
            str(self.access_log),
            "--access-logformat",
            ACCESS_LOG_FORMAT,
            "config.wsgi",
        ]
        self.started = time.perf_counter()
        with open(self.error_log, "wb") as output:
            self.process = subprocess.Popen(
                command,
                cwd=PROJECT_DIR,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        self.pid = self.process.pid
        self.worker_pids: list[int] = []

    def log_tail(self, lines: int = 30) -> str:
        text = self.error_log.read_text(errors="replace") if self.error_log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_until_serving(self) -> float:
        """Seconds from starting the process to the first 200 from the minimal view."""
        deadline = self.started + START_TIMEOUT
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited with status {self.process.returncode} before serving:\n"
                    + self.log_tail()
                )
            try:
                status, _ = fetch(self.port, MINIMAL_URL, page="startup", timeout=2)
            except OSError:
                status = None
            if status == 200:
                first_response = time.perf_counter() - self.started
                self._wait_for_workers()
                return first_response
            time.sleep(0.02)
        raise RuntimeError(
            f"gunicorn did not serve within {START_TIMEOUT:.0f} s:\n{self.log_tail()}"
        )

    def _wait_for_workers(self) -> None:
        """Until every worker has been forked: the expected number, or a count that holds."""
        deadline, last, steady_since = time.perf_counter() + 15, None, time.perf_counter()
        while time.perf_counter() < deadline:
            pids = children(self.pid)
            if self.expected_workers is not None and len(pids) >= self.expected_workers:
                break
            if pids != last:
                last, steady_since = pids, time.perf_counter()
            elif self.expected_workers is None and time.perf_counter() - steady_since > 0.5:
                break
            time.sleep(0.05)
        self.worker_pids = children(self.pid)

    def alive_processes(self) -> list[int]:
        """The master and its workers still running: the same list before and after a fault
        means the server lived through it unrestarted."""
        return [pid for pid in [self.pid, *children(self.pid)] if alive(pid)]

    def memory(self) -> dict:
        workers = children(self.pid)
        return {
            "master": memory_kb(self.pid),
            "workers": {pid: memory_kb(pid) for pid in workers},
        }

    def stop(self) -> None:
        """SIGTERM to the whole group, SIGKILL to whatever is left after STOP_TIMEOUT."""
        known = [self.pid, *self.worker_pids, *children(self.pid)]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=STOP_TIMEOUT)
        deadline = time.perf_counter() + 5
        while any(alive(pid) for pid in known) and time.perf_counter() < deadline:
            time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait()
        self.worker_pids = sorted(set(known) - {self.pid})


def fetch(
    port: int, url: str, *, page: str, timeout: float = 30, connection=None
) -> tuple[int, bytes]:
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", url, headers={"X-Bench-Page": page})
        response = connection.getresponse()
        body = response.read()
        if response.will_close:  # gunicorn's sync workers close after every response
            connection.close()
        return response.status, body
    finally:
        if own:
            connection.close()

"""The production deployment of deploy/: gunicorn with its configuration on a unix socket, the
shipped nginx site in front of it, the JSON logs, and the nightly backup.

gunicorn runs the production settings against the test database; nginx runs the site file of
deploy/nginx/ with only its machine paths and ports replaced (``SITE_PATHS``), on loopback ports,
as the user running the tests, with a self-signed certificate for 127.0.0.1.
"""

import contextlib
import gzip
import http.client
import importlib.util
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from bench.server import free_port
from config.logging import ACCESS_KEYS, JsonFormatter
from search.forms import MAX_QUERY
from tests.conftest import PROJECT_DIR

# The servers started here use the test database over their own connections; the mark makes
# pytest-django create it.
pytestmark = pytest.mark.django_db

DEPLOY = PROJECT_DIR / "deploy"
SITE = DEPLOY / "nginx" / "un-archive.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
START_TIMEOUT = 60.0
SECRET_KEY = "deploy-test-" + "k" * 50
IMMUTABLE = "public, max-age=31536000, immutable"
# Every line of every log has these keys (config/logging.py).
LINE_KEYS = {"time", "level", "logger", "process", "message"}


def database_url() -> str:
    """The test database as a DATABASE_URL, for the processes started here."""
    from django.db import connection

    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    # The embedded server is reached through a socket directory given as the host option.
    if not db["HOST"] and db["OPTIONS"].get("host"):
        return f"postgresql://{credentials}@{port}/{db['NAME']}?host={db['OPTIONS']['host']}"
    host = quote(db["HOST"] or "localhost", safe="")  # a socket directory is percent-encoded
    return f"postgresql://{credentials}@{host}{port}/{db['NAME']}"


def production_env(**extra: str) -> dict[str, str]:
    from django.conf import settings

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url(),
        SEARCH_INDEX_DIR=str(settings.SEARCH_INDEX_DIR),
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


class UnixHTTPConnection(http.client.HTTPConnection):
    """HTTP over gunicorn's unix socket, as nginx talks to it."""

    def __init__(self, path: Path, timeout: float = 10) -> None:
        super().__init__("127.0.0.1", timeout=timeout)
        self.socket_path = str(path)

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)


def ask(connection: http.client.HTTPConnection, method: str, url: str, headers=None):
    """(status, headers, body) of one request; the connection is closed after it."""
    try:
        connection.request(method, url, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stop a server started in its own process group, workers included."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def wait_for_line(path: Path, matches) -> dict:
    """The first log line ``matches`` accepts; gunicorn logs a request after answering it."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = [line for line in json_lines(path) if matches(line)]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no such line in {path}:\n{path.read_text()[-3000:]}")


# --- Fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nginx_binary() -> str:
    if not Path(NGINX).is_file():
        pytest.fail(
            "nginx is not installed: the deployment tests run the shipped site in a real nginx "
            "(Debian: apt-get install nginx)"
        )
    return NGINX


@pytest.fixture(scope="module")
def workdir():
    """A short path: a unix socket path must stay under 108 bytes."""
    path = Path(tempfile.mkdtemp(prefix="un-archive-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def static_root(workdir) -> Path:
    """STATIC_ROOT as `manage.py collectstatic` fills it with the production settings."""
    root = workdir / "var" / "static"
    completed = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=PROJECT_DIR,
        env=production_env(STATIC_ROOT=str(root)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return root


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, django_db_blocker, workdir, static_root):
    """gunicorn with deploy/gunicorn.conf.py and the production settings on a unix socket, its
    stdout (all of its logs) in gunicorn.log."""
    from search.indexing import backend

    backend().create()  # /healthz needs an index to open; an empty one will do
    sock = workdir / "gunicorn.sock"
    log = workdir / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py")]
    env = production_env(
        GUNICORN_BIND=f"unix:{sock}", WEB_CONCURRENCY="2", STATIC_ROOT=str(static_root)
    )
    with open(log, "wb") as stdout, open(workdir / "gunicorn.stderr", "wb") as stderr:
        process = subprocess.Popen(
            [*command, "config.wsgi"],
            cwd=PROJECT_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
        )
    try:
        deadline, answer = time.monotonic() + START_TIMEOUT, None
        while True:
            assert process.poll() is None, f"gunicorn exited:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"gunicorn did not serve: {answer}"
            with contextlib.suppress(OSError):
                status, _, answer = ask(
                    UnixHTTPConnection(sock), "GET", "/healthz", {"X-Forwarded-Proto": "https"}
                )
                if status == 200:
                    break
            time.sleep(0.05)
        yield sock, log
    finally:
        stop(process)
        backend().clear()


def self_signed_certificate(directory: Path) -> None:
    """fullchain.pem and privkey.pem for 127.0.0.1, as certbot's live/ folder holds them."""
    directory.mkdir(parents=True)
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(directory / "privkey.pem"), "-out", str(directory / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip


def render_site(workdir: Path, socket_path: Path, http_port: int, https_port: int) -> Path:
    """The shipped site with its machine paths and ports moved into ``workdir``; each of them
    must be in the file, so the test cannot drift away from what is shipped."""
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:443 ssl http2;": "",
        "/run/un-archive/gunicorn.sock": str(socket_path),
        "/srv/un-archive/var": str(workdir / "var"),
        "/var/www/html": str(workdir / "acme"),
        "/etc/letsencrypt/live/archive.example.org": str(workdir / "tls"),
        "/var/log/nginx": str(workdir / "nginx"),
        "shared:un_archive_tls:10m": f"shared:un_archive_tls_{os.getpid()}:1m",
    }
    text = SITE.read_text()
    for production, local in replacements.items():
        assert production in text, f"{production!r} is no longer in {SITE.name}"
        text = text.replace(production, local)
    site = workdir / "nginx" / "un-archive.conf"
    site.parent.mkdir(exist_ok=True)
    site.write_text(text)
    return site


def main_config(workdir: Path, site: Path) -> Path:
    """A minimal nginx.conf for an unprivileged nginx, with the http settings Debian's own
    nginx.conf has that a site could clash with (gzip on, ssl_protocols)."""
    prefix = workdir / "nginx"
    user = ""
    if os.geteuid() == 0:  # nginx would otherwise switch its workers to "nobody"
        import pwd

        user = f"user {pwd.getpwuid(os.getuid()).pw_name};"
    config = prefix / "nginx.conf"
    config.write_text(f"""
{user}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    gzip on;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site};
}}
""")
    return config


@pytest.fixture(scope="module")
def nginx_config(nginx_binary, workdir):
    """The rendered site and its main configuration, with the certificate and ACME folder."""
    ports = {"http": free_port(), "https": free_port()}
    self_signed_certificate(workdir / "tls")
    challenge = workdir / "acme" / ".well-known" / "acme-challenge"
    challenge.mkdir(parents=True)
    (challenge / "token-123").write_text("token-123.thumbprint")
    site = render_site(workdir, workdir / "gunicorn.sock", ports["http"], ports["https"])
    return main_config(workdir, site), ports


def nginx_command(nginx_binary: str, config: Path) -> list[str]:
    prefix = config.parent
    return [nginx_binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config)]


@pytest.fixture(scope="module")
def nginx(nginx_binary, nginx_config, gunicorn):
    config, ports = nginx_config
    process = subprocess.Popen(
        nginx_command(nginx_binary, config),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "nginx did not start listening"
            try:
                socket.create_connection(("127.0.0.1", ports["https"]), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield ports
    finally:
        stop(process, signal.SIGQUIT)


@pytest.fixture(scope="module")
def tls(workdir) -> ssl.SSLContext:
    """Trusts the test's own certificate, and checks it is the one nginx presents."""
    return ssl.create_default_context(cafile=str(workdir / "tls" / "fullchain.pem"))


def https(nginx, tls, method, url, headers=None):
    connection = http.client.HTTPSConnection("127.0.0.1", nginx["https"], context=tls, timeout=10)
    return ask(connection, method, url, headers)


def hashed_name(static_root: Path, name: str) -> str:
    return json.loads((static_root / "staticfiles.json").read_text())["paths"][name]


# --- nginx ------------------------------------------------------------------------------------


def test_nginx_accepts_the_shipped_site(nginx_binary, nginx_config):
    config, _ = nginx_config
    completed = subprocess.run(
        [*nginx_command(nginx_binary, config), "-t"], capture_output=True, text=True, timeout=30
    )
    assert completed.returncode == 0, completed.stderr
    assert "test is successful" in completed.stderr


def test_plain_http_redirects_to_https_except_the_acme_challenge(nginx):
    connection = http.client.HTTPConnection("127.0.0.1", nginx["http"], timeout=10)
    status, headers, _ = ask(connection, "GET", "/ga/76/?lang=en")
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/ga/76/?lang=en"

    connection = http.client.HTTPConnection("127.0.0.1", nginx["http"], timeout=10)
    status, _, body = ask(connection, "GET", "/.well-known/acme-challenge/token-123")
    assert (status, body) == (200, b"token-123.thumbprint")


def test_a_page_is_served_through_the_proxy_compressed_and_without_server_version(nginx, tls):
    status, headers, body = https(nginx, tls, "GET", "/", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(body)
    assert headers["Server"] == "nginx"  # server_tokens off: no version


def test_django_sees_https_through_the_proxy_and_plain_http_without_it(nginx, tls, gunicorn):
    status, headers, body = https(nginx, tls, "GET", "/healthz")
    assert status == 200, body
    # Django sends HSTS only on requests it considers secure (X-Forwarded-Proto: https).
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")

    sock, _ = gunicorn
    status, headers, _ = ask(UnixHTTPConnection(sock), "GET", "/healthz")
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/healthz"


def test_hashed_static_files_are_cached_for_a_year_and_sent_compressed(nginx, tls, static_root):
    name = hashed_name(static_root, "css/archive.css")
    assert name != "css/archive.css"
    status, headers, body = https(nginx, tls, "GET", f"/static/{name}", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Cache-Control"] == IMMUTABLE
    assert headers["Content-Encoding"] == "gzip"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert gzip.decompress(body) == (static_root / name).read_bytes()

    status, headers, body = https(nginx, tls, "GET", f"/static/{name}")
    assert status == 200 and "Content-Encoding" not in headers
    assert body == (static_root / name).read_bytes()


def test_unhashed_static_files_are_cached_briefly(nginx, tls, static_root):
    status, headers, body = https(nginx, tls, "GET", "/static/css/archive.css")
    assert status == 200
    assert body == (static_root / "css" / "archive.css").read_bytes()
    assert headers["Cache-Control"] == "public, max-age=3600"
    assert "immutable" not in headers["Cache-Control"]


def test_nginx_refuses_oversized_requests_and_keeps_serving(nginx, tls):
    connection = http.client.HTTPSConnection("127.0.0.1", nginx["https"], context=tls, timeout=10)
    try:
        connection.putrequest("POST", "/search/")
        connection.putheader("Content-Length", str(2 * 1024 * 1024))
        connection.endheaders()
        assert connection.getresponse().status == 413
    finally:
        connection.close()

    assert https(nginx, tls, "GET", "/search/?q=" + "a" * 20_000)[0] == 414
    assert https(nginx, tls, "GET", "/", {"X-Padding": "a" * 20_000})[0] in (400, 494)
    assert https(nginx, tls, "GET", "/healthz")[0] == 200


# The longest query the search takes, in Chinese: some 9,000 bytes percent-encoded.
LONGEST_QUERY = "联合国人员的安全保障" * (MAX_QUERY // 10)


def search_url(query: str) -> str:
    return "/search/?q=" + quote(query)


def test_the_longest_query_reaches_the_site_through_nginx_and_gunicorn(nginx, tls, gunicorn):
    assert len(search_url(LONGEST_QUERY)) > 9000
    status, _, body = https(nginx, tls, "GET", search_url(LONGEST_QUERY))
    assert status == 200 and b'class="search-page"' in body
    # The page it leads to is asked for with that URL as its Referer.
    referer = {"Referer": "https://127.0.0.1" + search_url(LONGEST_QUERY)}
    assert https(nginx, tls, "GET", "/search/?q=" + quote("联合国"), referer)[0] == 200

    sock, _ = gunicorn
    secure = {"X-Forwarded-Proto": "https"}
    status, _, body = ask(UnixHTTPConnection(sock), "GET", search_url(LONGEST_QUERY), secure)
    assert status == 200 and b'class="search-page"' in body


def test_a_longer_query_gets_the_site_s_own_page_through_nginx_and_gunicorn(nginx, tls, gunicorn):
    sock, _ = gunicorn
    url = search_url(LONGEST_QUERY + "安")
    for status, _, body in (
        https(nginx, tls, "GET", url),
        ask(UnixHTTPConnection(sock), "GET", url, {"X-Forwarded-Proto": "https"}),
    ):
        page = body.decode()
        assert status == 400
        assert '<header class="site-header">' in page
        assert f"A query may have {MAX_QUERY} characters at most" in page


# --- gunicorn on its own ----------------------------------------------------------------------


def test_gunicorn_refuses_an_oversized_header(gunicorn):
    sock, _ = gunicorn
    secure = {"X-Forwarded-Proto": "https"}
    status, _, _ = ask(UnixHTTPConnection(sock), "GET", "/", secure | {"X-Padding": "a" * 20_000})
    assert status == 431
    assert ask(UnixHTTPConnection(sock), "GET", "/healthz", secure)[0] == 200


# --- Logs -------------------------------------------------------------------------------------


def test_gunicorn_logs_each_request_as_a_json_line(nginx, tls, gunicorn):
    _, log = gunicorn
    https(nginx, tls, "GET", "/healthz?probe=access-log", {"User-Agent": "deploy-test/1"})

    line = wait_for_line(log, lambda line: line.get("query") == "probe=access-log")
    assert set(line) >= LINE_KEYS | set(ACCESS_KEYS)
    assert line["logger"] == "gunicorn.access"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert line["bytes"] > 0
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["user_agent"] == "deploy-test/1"
    # nginx passes its request id and the client's address.
    assert len(line["request_id"]) == 32
    assert line["forwarded_for"] == "127.0.0.1"

    # Everything gunicorn and Django write on stdout is one JSON object a line.
    lines = json_lines(log)
    assert all(set(line) >= LINE_KEYS for line in lines)
    assert any(
        line["logger"] == "gunicorn.error" and line["message"].startswith("Listening at: unix:")
        for line in lines
    )
    # No control socket unless GUNICORN_CONTROL_SOCKET asks for one.
    assert not any("Control socket" in line["message"] for line in lines)


def test_django_logs_errors_as_json_lines_with_the_exception(gunicorn):
    sock, log = gunicorn
    status, _, _ = ask(
        UnixHTTPConnection(sock), "GET", "/healthz?probe=bad-host", {"Host": "evil.example"}
    )
    assert status == 400

    line = wait_for_line(log, lambda line: line["logger"] == "django.security.DisallowedHost")
    assert set(line) >= LINE_KEYS
    assert line["level"] == "ERROR"
    assert "evil.example" in line["message"]
    assert (line["status"], line["path"]) == (400, "/healthz")
    assert "DisallowedHost" in line["exception"]


def test_the_json_formatter_keeps_chinese_readable_and_the_traceback():
    import logging

    try:
        raise ValueError("索引不可用")
    except ValueError:
        record = logging.LogRecord(
            "search", logging.ERROR, __file__, 1, "重建索引: %s", ("失败",), sys.exc_info()
        )
    text = JsonFormatter().format(record)
    assert "\n" not in text and "重建索引: 失败" in text
    line = json.loads(text)
    assert (line["level"], line["logger"], line["message"]) == ("ERROR", "search", "重建索引: 失败")
    assert line["time"].endswith("+00:00")
    assert (
        line["exception"].startswith("Traceback") and "ValueError: 索引不可用" in line["exception"]
    )


# --- Backups ----------------------------------------------------------------------------------


def test_the_backup_writes_a_restorable_dump_and_deletes_old_ones(django_db_setup, tmp_path):
    stale = tmp_path / "un-archive-20000101T000000Z.dump"
    stale.write_bytes(b"old")
    month_ago = time.time() - 30 * 86400
    os.utime(stale, (month_ago, month_ago))
    recent = tmp_path / "un-archive-recent.dump"
    recent.write_bytes(b"recent")

    completed = subprocess.run(
        ["sh", str(DEPLOY / "backup.sh")],
        env=production_env(BACKUP_DIR=str(tmp_path), BACKUP_KEEP_DAYS="14", PATH=pg_path()),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr

    assert not stale.exists() and recent.exists()
    (dump,) = [path for path in tmp_path.glob("un-archive-2*.dump")]
    assert not list(tmp_path.glob("*.partial"))
    listing = subprocess.run(
        ["pg_restore", "--list", str(dump)],
        env={**os.environ, "PATH": pg_path()},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    assert "TABLE public resolutions_resolution" in listing.stdout


def pg_path() -> str:
    """PATH with a pg_dump at least as new as the server: the embedded server's own tools
    (PostgreSQL 16) first when they are installed, then the system's."""
    spec = importlib.util.find_spec("pgserver")
    if spec and spec.submodule_search_locations:
        bundled = Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"
        if bundled.is_dir():
            return f"{bundled}{os.pathsep}{os.environ.get('PATH', '')}"
    return os.environ.get("PATH", "")

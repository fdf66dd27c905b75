"""Log lines as JSON objects, one a line, for journald and log shippers to read without parsing.

``JsonFormatter`` formats Django's logging (``LOGGING`` in the settings) and gunicorn's error log;
every line has ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``process`` and ``message``, and
``exception`` when an exception was logged. ``GunicornJsonLogger`` is gunicorn's logger class
(``logger_class`` in deploy/gunicorn.conf.py): each request becomes one access line with the
keys of ``ACCESS_KEYS``, unless ``--access-logformat`` asks for gunicorn's own format.

No Django import here: gunicorn loads this module before the application.
"""

import json
import logging
import sys
from datetime import UTC, datetime

from gunicorn.config import AccessLogFormat
from gunicorn.glogging import Logger

# What an access line holds besides the keys every line has. ``duration_ms`` is the time from
# reading the request to sending the response; ``request_id`` is the X-Request-ID header nginx
# sets (null without a proxy), ``forwarded_for`` the X-Forwarded-For chain.
ACCESS_KEYS = (
    "remote_addr",
    "forwarded_for",
    "method",
    "path",
    "query",
    "status",
    "bytes",
    "duration_ms",
    "user_agent",
    "referer",
    "request_id",
)


class JsonFormatter(logging.Formatter):
    """One JSON object a line. Chinese stays readable (no ``\\u`` escapes)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "process": record.process,
            "message": record.getMessage(),
        }
        # Django's request logging (django.request, django.security.*) names the request.
        request = getattr(record, "request", None)
        if getattr(record, "status_code", None) is not None:
            line["status"] = record.status_code
        if request is not None and hasattr(request, "path"):
            line["method"] = request.method
            line["path"] = request.path
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class GunicornJsonLogger(Logger):
    """gunicorn's error and access logs as JSON lines, written to stdout when logged to ``-``.

    A custom ``access_log_format`` (``--access-logformat`` on the command line, which the
    benchmarks use to read server times) is honoured as gunicorn would: the JSON access line
    replaces gunicorn's default format only.
    """

    def setup(self, cfg) -> None:
        super().setup(cfg)
        self.json_access = cfg.access_log_format == AccessLogFormat.default
        for log, as_json in ((self.error_log, True), (self.access_log, self.json_access)):
            for handler in log.handlers:
                if not getattr(handler, "_gunicorn", False):
                    continue
                if as_json:
                    handler.setFormatter(JsonFormatter())
                # gunicorn sends "-" of the error log to stderr; one stream keeps lines in order.
                if isinstance(handler, logging.StreamHandler) and handler.stream is sys.stderr:
                    handler.setStream(sys.stdout)

    def access(self, resp, req, environ, request_time) -> None:
        if not self.json_access:
            super().access(resp, req, environ, request_time)
            return
        if not self.access_log_enabled:
            return
        status = resp.status
        if isinstance(status, str):
            status = int(status.split(None, 1)[0])
        method = environ.get("REQUEST_METHOD")
        path = environ.get("PATH_INFO")
        fields = {
            "remote_addr": environ.get("REMOTE_ADDR") or None,
            "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR"),
            "method": method,
            "path": path,
            "query": environ.get("QUERY_STRING", ""),
            "status": status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 3),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "referer": environ.get("HTTP_REFERER"),
            "request_id": environ.get("HTTP_X_REQUEST_ID"),
        }
        self.access_log.info("%s %s %s", method, path, status, extra={"fields": fields})

"""Structured logs: one JSON object per line on stderr (or plain text for people at a terminal).

Faust and aiokafka log through the standard library, so a formatter on the root handler turns
every line of theirs into JSON too. ``extra={...}`` fields on a record become JSON keys.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import orjson

# Attributes every LogRecord has; anything else was passed in ``extra`` and is logged as a key.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Formats a record as a single JSON line with time, level, logger, message and extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": _one_line(record.getMessage(), record.name),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            exc = record.exc_info[1]
            if isinstance(exc, OSError) and not record.name.startswith(_OWN):
                # a client library's refused or reset connection: its cause, not its stack
                entry["exc"] = f"{type(exc).__name__}: {exc}"
            else:
                entry["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


# loggers of this service, whose tracebacks are kept whole: they point at our own bugs
_OWN = ("service", "geopulse")
_TRACEBACK = "Traceback (most recent call last)"


def _one_line(msg: str, logger: str) -> str:
    """A client library's message with a traceback pasted into it (aiokafka's "Unable connect
    to ...: <error with its stack>") cut to its first line and the exception line: operators
    read one line per event, and a refused TLS handshake is no bug of ours."""
    if _TRACEBACK not in msg or logger.startswith(_OWN):
        return msg
    head = msg.split(_TRACEBACK, 1)[0].strip()
    lines = [line.strip() for line in msg.splitlines() if line.strip()]
    return f"{head} {lines[-1]}" if lines else head


def make_handler(fmt: str) -> logging.Handler:
    """A stderr handler with the JSON or the plain-text formatter."""
    handler = logging.StreamHandler()
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def setup_logging(level: str, fmt: str) -> None:
    """Route all logging through one handler of the chosen format."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(make_handler(fmt))
    root.setLevel(level)


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """The same set-up as a ``logging.config.dictConfig`` dict, for Faust's worker to apply."""
    formatter: dict[str, Any] = (
        {"()": f"{__name__}.JsonFormatter"}
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"geopulse": formatter},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "geopulse",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level, "handlers": ["default"]},
    }

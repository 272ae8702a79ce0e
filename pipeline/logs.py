"""Run logs: JSON lines in a rotating file for machines, a few readable lines for people.

The file (default `pipeline.log` next to the database) gets every record as one JSON object
per line, so `jq` or DuckDB's `read_json` can answer "when did this start failing". It
rotates at LOG_MAX_BYTES and keeps LOG_BACKUPS old files, so a cron job never fills the disk.
The terminal gets the same records as short sentences only when a person is watching
(stdout is a terminal); under cron the command prints its one-line summary and error lines
itself, and nothing else, because cron mails whatever is printed.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOGGER_NAME = "pipeline"
LOG_MAX_BYTES = 5_000_000
LOG_BACKUPS = 5


def default_log_path(db: Path) -> Path:
    return db.parent / "pipeline.log"


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record: ts (UTC), level, msg, then the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "msg": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class ReadableHandler(logging.Handler):
    """`HH:MM:SS message` through a write function (the rich console, so progress survives)."""

    def __init__(self, write: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.write = write

    def emit(self, record: logging.LogRecord) -> None:
        if not getattr(record, "terminal", True):
            return
        stamp = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        self.write(f"{stamp} {record.getMessage()}")


def setup_logging(log_file: Path, *, terminal: Callable[[str], None] | None = None
                  ) -> logging.Logger:
    """Route the pipeline logger to `log_file` (and to `terminal` when given); idempotent."""
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(logging.INFO)
    logger.propagate = False
    log_file.parent.mkdir(parents=True, exist_ok=True)
    # A file name that is not UTF-8 must not make a log line unwritable.
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8",
        errors="backslashreplace")
    file_handler.setFormatter(JsonLinesFormatter())
    logger.addHandler(file_handler)
    if terminal is not None:
        logger.addHandler(ReadableHandler(terminal))
    _route_warnings(file_handler)
    return logger


def _route_warnings(handler: logging.Handler) -> None:
    """Python warnings from libraries go to the log file, not to stderr: under cron, stderr
    is cron.log, which should hold the summary and `error:` lines only."""
    logging.captureWarnings(True)
    warnings_logger = logging.getLogger("py.warnings")
    for old in list(warnings_logger.handlers):
        warnings_logger.removeHandler(old)
    warnings_logger.addHandler(handler)
    warnings_logger.propagate = False


def log_event(logger: logging.Logger, level: int, message: str, *, terminal: bool = True,
              exc_info: bool = False, **fields: Any) -> None:
    """Log `message` with structured fields; terminal=False keeps it out of the terminal
    (for lines the command already prints itself, such as skipped documents); exc_info
    adds the traceback being handled, for the file only."""
    logger.log(level, message, exc_info=exc_info, extra={"fields": fields, "terminal": terminal})

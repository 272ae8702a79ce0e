"""The run log: JSON lines in a rotating file; the terminal only when someone is watching."""

from __future__ import annotations

import json
import logging

from pipeline import logs
from pipeline.logs import log_event, setup_logging


def test_json_lines_with_fields_and_terminal_policy(tmp_path):
    printed = []
    logger = setup_logging(tmp_path / "pipeline.log", terminal=printed.append)
    log_event(logger, logging.INFO, "run r1 started", run_id="r1", documents=3)
    log_event(logger, logging.WARNING, "skipped a.txt: empty", terminal=False, run_id="r1")
    entries = [json.loads(line) for line in (tmp_path / "pipeline.log").read_text()
               .splitlines()]
    assert [(e["level"], e["msg"], e["run_id"]) for e in entries] == [
        ("info", "run r1 started", "r1"), ("warning", "skipped a.txt: empty", "r1")]
    assert entries[0]["documents"] == 3 and entries[0]["ts"].endswith("+00:00")
    assert len(printed) == 1 and printed[0].endswith("run r1 started")
    quiet = setup_logging(tmp_path / "pipeline.log")  # not a terminal: file only
    assert len(quiet.handlers) == 1


def test_log_file_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "LOG_MAX_BYTES", 2000)
    monkeypatch.setattr(logs, "LOG_BACKUPS", 2)
    logger = setup_logging(tmp_path / "pipeline.log")
    for n in range(200):
        log_event(logger, logging.INFO, f"line {n}", padding="x" * 50)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["pipeline.log", "pipeline.log.1", "pipeline.log.2"]
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())
    setup_logging(tmp_path / "other.log")  # close the handlers before tmp_path goes

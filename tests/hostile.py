"""For tests of hostile input and failing machines: the CLI run under resource limits or
without the power to ignore file permissions, and generated documents.

Permissions mean nothing to root, so a test of an unreadable folder or a read-only database
run as root runs the CLI without root's permission-override capabilities (setpriv).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

_ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# Runs the CLI after applying `settings` (JSON, first argument): resource limits, a smaller
# write batch, or a file-size limit that starts at the n-th batch (a disk that fills up).
LAUNCHER = """
import json, os, resource, signal, sys
settings = json.loads(sys.argv.pop(1))
if "address_space" in settings:
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    resource.setrlimit(resource.RLIMIT_AS, (settings["address_space"], hard))
import pipeline.ingest as ingest
if "batch_size" in settings:
    ingest.BATCH_SIZE = settings["batch_size"]
if "disk_full_at_batch" in settings:
    calls, original = [], ingest.write_documents
    def write_documents(con, batch):
        calls.append(len(batch))
        if len(calls) == settings["disk_full_at_batch"]:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            limit = settings["file_size_limit"]
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
        return original(con, batch)
    ingest.write_documents = write_documents
from pipeline.cli import main
sys.argv[0] = "pipeline"
main()
"""


# Root reads and writes whatever the permission bits say; without these two capabilities
# it is held to them like any user.
_NO_OVERRIDE = ["--bounding-set=-dac_override,-dac_read_search"]


def _held_to_permissions() -> list[str]:
    """The command prefix under which file permissions apply to this user too."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, *_NO_OVERRIDE]


def _command(args: tuple[str, ...], permissions: bool, settings: dict) -> list[str]:
    prefix = _held_to_permissions() if permissions else []
    return [*prefix, sys.executable, "-c", LAUNCHER, json.dumps(settings), *args]


def run_pipeline(*args: str, permissions: bool = False, timeout: float = 180,
                 **settings: object) -> subprocess.CompletedProcess:
    """`python -m pipeline <args>` as a user would run it (output not a terminal), with the
    launcher's settings applied; permissions=True holds even root to file permissions."""
    return subprocess.run(_command(args, permissions, settings), cwd=ROOT, env=_ENV,
                          capture_output=True, text=True, timeout=timeout, check=False)


def run_together(*commands: list[str], permissions: bool = False, timeout: float = 180
                 ) -> list[subprocess.CompletedProcess]:
    """Several CLI runs at once (they start in about a second each, mostly importing)."""
    started = [(args, subprocess.Popen(_command(tuple(args), permissions, {}), cwd=ROOT,
                                       env=_ENV, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True))
               for args in commands]
    done = []
    for args, process in started:
        out, err = process.communicate(timeout=timeout)
        done.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return done


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def errors(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def release(force: str, day: int, extra: str = "") -> str:
    """A short press release in Markdown with front matter, in our own words."""
    return (f"---\ntitle: {force} update {day}\npublished: 2024-03-{day:02d}\n---\n"
            f"{force} was moved into Engage on {day} March 2024, the inspectorate said.\n\n"
            f"The force will now receive closer support.{extra}\n")


GOOD_FORCES = ("Dorset Police", "Kent Police", "Avon and Somerset Police", "Surrey Police",
               "Essex Police")

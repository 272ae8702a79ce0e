"""Start the CLI so that it stops at a named point (PIPELINE_TEST_PAUSE_AT), for tests that
kill it there or race a second process against it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

from tests.conftest import ROOT


class PausedRun:
    def __init__(self, args: list[str], point: str, env: dict | None = None) -> None:
        merged = {**os.environ, "PYTHONPATH": str(ROOT), "PIPELINE_TEST_PAUSE_AT": point,
                  **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=merged,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._watchdog = threading.Timer(120, self.process.kill)
        self._watchdog.start()

    def wait_paused(self) -> str:
        """Block until the process says it paused; fail if it ends without pausing."""
        seen = []
        for line in self.process.stderr:
            seen.append(line)
            if line.startswith("paused at "):
                return line.strip()
        raise AssertionError(f"the run ended without pausing: {''.join(seen)}")

    def kill(self) -> None:
        """SIGKILL: no handler, no finally block, no flush runs."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self._watchdog.cancel()
        self.process.stdout.close()
        self.process.stderr.close()

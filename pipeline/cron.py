"""The crontab line for this checkout (`make cron`), with every path absolute and quoted.

Run by `make cron` with the system Python (standard library only), so it works before the
virtualenv exists. Make passes the settings in the environment: CRON_ROOT (the checkout),
CRON_SCHEDULE, CRON_INPUT (`--source PATH` or `--sources FILE`, quoted or not: a path with
spaces is one argument), CRON_DB, CRON_LOG and CRON_DIGEST (empty: no digest). The
database and the log are made absolute; input paths are kept as given.

The line runs `ingest --stamp`, then, unless the run found another one holding the lock
(exit 3), `digest --stamp --atom`: cron.log gets one stamped summary per run and the digest
of what it changed, and the Atom feed is rewritten beside the database.
"""

from __future__ import annotations

import os
import shlex
import sys

BUSY_EXIT = 3
PATH_OPTIONS = ("--source", "--sources", "--log-file")


def _absolute(root: str, path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return os.path.normpath(os.path.join(root, os.path.expanduser(path)))


def input_arguments(text: str) -> list[str]:
    """`--source /a b/c` or `--source '/a b/c'` → ['--source', '/a b/c']. A relative path
    stays relative (to the checkout, where the line starts): a document's URL is its path
    as given, so `make ingest` and the cron job must name the corpus alike."""
    try:
        words = shlex.split(text)
    except ValueError:  # an apostrophe in an unquoted path ("/home/jo/Jo's files")
        words = text.split()
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in PATH_OPTIONS:
            # unquoted spaces: every word up to the next option is the path
            end = index + 1
            while end < len(words) and not words[end].startswith("--"):
                end += 1
            out += [word, " ".join(words[index + 1:end])]
            index = end
        else:
            out.append(word)
            index += 1
    return out


def cron_line(root: str, schedule: str, cron_input: str, db: str, log: str,
              digest: bool) -> str:
    def q(text: str) -> str:
        # crontab turns an unescaped % into a newline
        return shlex.quote(text).replace("%", "\\%")

    db_path, log_path = _absolute(root, db), _absolute(root, log)
    program = q(os.path.join(root, ".venv", "bin", "oversight"))
    args = " ".join(q(a) for a in input_arguments(cron_input))
    append = f">> {q(log_path)} 2>&1"
    line = (f"{schedule} cd {q(root)} && mkdir -p {q(os.path.dirname(log_path))} && "
            f"{program} ingest {args} --db {q(db_path)} --stamp {append}")
    if digest:
        atom = os.path.join(os.path.dirname(db_path), "digest.atom")
        line += (f"; test $? -eq {BUSY_EXIT} || {program} digest --db {q(db_path)} --stamp "
                 f"--atom {q(atom)} {append}")
    return line


def main() -> None:
    env = os.environ
    root = env.get("CRON_ROOT") or os.getcwd()
    print(cron_line(root, env.get("CRON_SCHEDULE", "17 6 * * *"),
                    env.get("CRON_INPUT", "--sources rules/sources.yaml"),
                    env.get("CRON_DB", "data/events.duckdb"),
                    env.get("CRON_LOG") or os.path.join(
                        os.path.dirname(env.get("CRON_DB", "data/events.duckdb")), "cron.log"),
                    bool(env.get("CRON_DIGEST", "yes"))))


if __name__ == "__main__":
    sys.exit(main())

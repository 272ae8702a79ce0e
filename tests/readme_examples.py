"""Re-run the README's example queries and paste their real output under each one.

    .venv/bin/python -m tests.readme_examples [--db data/events.duckdb] [--check]

Every ```sql block in README.md that is followed by a plain ``` block gets that block
replaced by what `oversight query` prints for it now (after `make ingest` on the corpus).
--check changes nothing and exits 1 when an output is stale. Not part of `make test`: the
figures move whenever extraction or the corpus does.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = re.compile(r"```sql\n(?P<sql>.*?)\n```\n```\n(?P<out>.*?)\n```", re.DOTALL)


def run_query(sql: str, db: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "pipeline", "query", sql, "--db", str(db)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"query failed: {sql}\n{result.stderr}")
    return result.stdout.rstrip("\n")


def refresh(text: str, db: Path) -> str:
    def replace(match: re.Match) -> str:
        sql = match.group("sql")
        return f"```sql\n{sql}\n```\n```\n{run_query(sql, db)}\n```"

    return EXAMPLE.sub(replace, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "events.duckdb")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    readme = ROOT / "README.md"
    before = readme.read_text(encoding="utf-8")
    after = refresh(before, args.db)
    if args.check:
        sys.exit(0 if after == before else 1)
    readme.write_text(after, encoding="utf-8")


if __name__ == "__main__":
    main()

"""What changed between two runs, for people who check once a day (and for cron).

After every ingest or re-extraction the run's view of the world is kept as a snapshot
(`state.py`): one row per phase move, item, statement and disagreement, with what it says.
`digest` compares the database as it is now with the snapshot of an earlier run
(`changes.py`) and prints the difference as text or writes it as an Atom feed
(`render.py`): new or changed moves, items opened or closed, new statements, new or changed
disagreements, and what failed in the runs between.
"""

from pipeline.digest.changes import Digest, DigestError, digest_since, recent_digests
from pipeline.digest.render import digest_lines, write_atom
from pipeline.digest.state import save_snapshot

__all__ = ["Digest", "DigestError", "digest_lines", "digest_since", "recent_digests",
           "save_snapshot", "write_atom"]

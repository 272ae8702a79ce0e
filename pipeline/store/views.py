"""Views for SQL users: the questions people ask of the events table, answered once.

Several documents report the same move (a release, the local paper, a year-in-review), with
different doc_ids and sometimes a coarser date ("in November 2023" beside "on 24 November
2023"). `phase_moves` collapses those reports into one row per real move; every other phase
view is built on it, so a force gets one Engage period per real period however many
documents describe it.

Rules, in one place:
- A phase change's date is its event_date, or the document's published_date when the text
  gave none (precision `day`).
- Reports of one move: same force and direction, and the same day; a month-precision report
  joins a day-precision move in that month, a year-precision report joins a finer move in
  that year; otherwise a coarse report is a move of its own, dated as stored (the 1st).
- Consecutive moves in the same direction are one state: only a move that changes the phase
  (`changes_phase`) opens or closes a period. An entry is paired with the first exit after it.
- An exit with no earlier entry in the data opens no period (its entry is not in the corpus);
  it still sets the force's current phase.
- `engage_periods.days` is NULL while a force is still in Engage, so a view's result depends
  on the data only, not on the day it is read; days so far: `current_date - entered`.

The column is `exited`, not `left`: LEFT is a reserved word in DuckDB's SQL and would need
quoting in every query.

Changing a view means adding a schema migration that calls `create_views` again.
"""

from __future__ import annotations

import duckdb

PHASE_MOVES = """
CREATE OR REPLACE VIEW phase_moves AS
WITH reports AS (
    SELECT e.event_id, e.doc_id, e.force_id, e.force, e.phase_to AS phase, e.evidence,
           d.url, d.published_date,
           coalesce(e.event_date, d.published_date) AS reported_date,
           CASE WHEN e.event_date IS NULL THEN 'day'
                ELSE coalesce(e.date_precision, 'day') END AS precision
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'phase_change' AND e.force_id IS NOT NULL
      AND e.phase_to IN ('engage', 'scan')
      AND coalesce(e.event_date, d.published_date) IS NOT NULL
),
day_dates AS (
    SELECT DISTINCT force_id, phase, reported_date AS move_date FROM reports
    WHERE precision = 'day'
),
month_dates AS (
    SELECT DISTINCT force_id, phase, date_trunc('month', reported_date)::DATE AS move_date
    FROM reports r WHERE precision = 'month' AND NOT EXISTS (
        SELECT 1 FROM day_dates f WHERE f.force_id = r.force_id AND f.phase = r.phase
          AND date_trunc('month', f.move_date) = date_trunc('month', r.reported_date))
),
finer_dates AS (
    SELECT force_id, phase, move_date FROM day_dates
    UNION ALL SELECT force_id, phase, move_date FROM month_dates
),
assigned AS (
    SELECT r.*,
        CASE r.precision
            WHEN 'day' THEN r.reported_date
            WHEN 'month' THEN coalesce(
                (SELECT min(f.move_date) FROM day_dates f
                 WHERE f.force_id = r.force_id AND f.phase = r.phase
                   AND date_trunc('month', f.move_date) = date_trunc('month', r.reported_date)),
                date_trunc('month', r.reported_date)::DATE)
            ELSE coalesce(
                (SELECT min(f.move_date) FROM finer_dates f
                 WHERE f.force_id = r.force_id AND f.phase = r.phase
                   AND year(f.move_date) = year(r.reported_date)),
                date_trunc('year', r.reported_date)::DATE)
        END AS move_date,
        CASE r.precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 ELSE 2 END AS precision_rank
    FROM reports r
),
moves AS (
    SELECT force_id, phase, move_date,
        arg_min(precision, (precision_rank, published_date, doc_id, event_id)) AS precision,
        arg_min(event_id, (precision_rank, published_date, doc_id, event_id)) AS event_id,
        arg_min(force, (precision_rank, published_date, doc_id, event_id)) AS force,
        arg_min(evidence, (precision_rank, published_date, doc_id, event_id)) AS evidence,
        arg_min(url, (precision_rank, published_date, doc_id, event_id)) AS url,
        count(DISTINCT doc_id) AS documents
    FROM assigned GROUP BY force_id, phase, move_date
),
ordered AS (
    SELECT *, lag(phase) OVER (PARTITION BY force_id ORDER BY move_date, event_id) AS previous
    FROM moves
)
SELECT force_id, force, phase, move_date, precision, previous IS DISTINCT FROM phase
       AS changes_phase, documents, event_id, evidence, url
FROM ordered
"""

FORCE_STATUS = """
CREATE OR REPLACE VIEW force_status AS
SELECT force_id, force, phase, move_date AS since, precision AS since_precision, evidence, url
FROM phase_moves
WHERE changes_phase
QUALIFY row_number() OVER (PARTITION BY force_id ORDER BY move_date DESC, event_id DESC) = 1
"""

ENGAGE_PERIODS = """
CREATE OR REPLACE VIEW engage_periods AS
WITH changes AS (
    SELECT *, lead(move_date) OVER w AS next_date, lead(precision) OVER w AS next_precision,
           lead(event_id) OVER w AS next_event_id
    FROM phase_moves WHERE changes_phase
    WINDOW w AS (PARTITION BY force_id ORDER BY move_date, event_id)
)
SELECT force_id, force, move_date AS entered, precision AS entered_precision,
       next_date AS exited, next_precision AS exited_precision,
       CAST(next_date - move_date AS INTEGER) AS days,
       event_id AS entered_event_id, next_event_id AS exited_event_id
FROM changes WHERE phase = 'engage'
"""

RECOMMENDATION_PROGRESS = """
CREATE OR REPLACE VIEW recommendation_progress AS
WITH findings AS (
    SELECT e.*, d.url, d.published_date,
           coalesce(e.event_date, d.published_date) AS as_of
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'recommendation' AND e.force_id IS NOT NULL
      AND e.subject_kind IS NOT NULL
),
latest_tally AS (
    SELECT * FROM findings
    WHERE count_total IS NOT NULL OR count_closed IS NOT NULL OR count_open IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY force_id, subject_kind
        ORDER BY as_of DESC NULLS LAST, published_date DESC NULLS LAST, event_id) = 1
),
latest_item AS (
    SELECT force_id, subject_kind, subject, status FROM findings
    WHERE subject IS NOT NULL AND status IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY force_id, subject_kind, lower(trim(subject))
        ORDER BY as_of DESC NULLS LAST, published_date DESC NULLS LAST, event_id) = 1
),
open_items AS (
    SELECT force_id, subject_kind, list(subject ORDER BY subject) AS open_items
    FROM latest_item WHERE status = 'open' GROUP BY force_id, subject_kind
),
kinds AS (
    SELECT force_id, subject_kind, arg_max(force, as_of) AS force
    FROM findings GROUP BY force_id, subject_kind
)
SELECT k.force_id, k.force, k.subject_kind,
       t.count_total, t.count_closed, t.count_open, t.as_of AS tally_as_of,
       t.evidence AS tally_evidence, t.url AS tally_url,
       coalesce(o.open_items, []::VARCHAR[]) AS open_items
FROM kinds k
LEFT JOIN latest_tally t USING (force_id, subject_kind)
LEFT JOIN open_items o USING (force_id, subject_kind)
"""

STATEMENTS = """
CREATE OR REPLACE VIEW statements AS
SELECT e.person_name, e.person_role, e.person_org, e.force, e.force_id,
       d.published_date AS date, e.quote, d.url, e.evidence, e.doc_id, e.event_id
FROM events e JOIN documents d USING (doc_id)
WHERE e.event_type = 'statement' AND e.person_name IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY e.person_name, e.force_id, coalesce(e.quote, e.event_id)
    ORDER BY d.published_date NULLS LAST, e.doc_id) = 1
"""

VIEWS = {
    "phase_moves": PHASE_MOVES,
    "force_status": FORCE_STATUS,
    "engage_periods": ENGAGE_PERIODS,
    "recommendation_progress": RECOMMENDATION_PROGRESS,
    "statements": STATEMENTS,
}


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every view, in dependency order (phase_moves first)."""
    for sql in VIEWS.values():
        con.execute(sql)

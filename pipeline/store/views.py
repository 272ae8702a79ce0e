"""Views for SQL users: the questions people ask of the events table, answered once.

Several documents report the same move (a release, the local paper, a year-in-review), with
different doc_ids and sometimes a coarser date ("in November 2023" beside "on 24 November
2023"). `phase_moves` collapses those reports into one row per real move; every other phase
view is built on it, so a force gets one Engage period per real period however many
documents describe it.

Rules, in one place:
- A phase change's date is its event_date. Extraction dates a move announced in the text
  itself ("has today been moved", a headline) by the publication date; a move the text
  mentions without any date ("since it was placed in Engage") has no event_date and is not
  placed on the timeline: the events table keeps it, the phase views leave it out, since
  dating it by the publication date would invent a second entry or exit.
- Reports of one move: same force and direction, and the same day; a month-precision report
  joins a day-precision move in that month, a year-precision report joins a finer move in
  that year; otherwise a coarse report is a move of its own, dated as stored (the 1st).
- Consecutive moves in the same direction are one state: only a move that changes the phase
  (`changes_phase`) opens or closes a period. An entry is paired with the first exit after it.
  When the state opens with two dates for one move (SAME_MOVE_DAYS), the one most documents
  report changes the phase, so one misdated story does not move a period.
- An exit with no earlier entry in the data opens no period (its entry is not in the corpus);
  it still sets the force's current phase.
- `engage_periods.days` is NULL while a force is still in Engage, so a view's result depends
  on the data only, not on the day it is read; days so far: `current_date - entered`.

The column is `exited`, not `left`: LEFT is a reserved word in DuckDB's SQL and would need
quoting in every query.

Findings (`items`): one row per real cause of concern or recommendation.
- A mention's "as of" is its event_date, else the document's published_date; a tally's too.
- An item is a force, a kind and a topic (rules/topics.yaml, the table `topic_phrases`):
  "the force's crime recording" and "crime-recording accuracy" are one item. A wording that
  no topic phrase matches is topic "other" and is its own item, keyed by its words; so are
  the mentions of a topic in a document that names several items of that topic (six
  recommendations on sex offender management in one letter are six items), which a later
  report joins only in the same words.
- Status: the latest report that gives one. A tally that says n are open, in a document
  that names n open items of that force and kind (n = 0: "both have been discharged"),
  closes every other item raised by its date; on the same day an item's own report wins.
- The arithmetic is checked against the latest tally, never forced: more items open (or
  listed) than it counts is a `conflict` with a `note`; fewer open ones named is a note.

`disagreements`: per force, what the sources do not agree on (kinds listed on the view).
`statements`: each quote once, with its first publication (see MIN_SHARED_QUOTE_WORDS).

Changing a view means adding a schema migration that calls `create_views` again.
"""

from __future__ import annotations

import duckdb

# Reports of one move in the same direction that phase_moves does not merge (different days,
# or a coarse date in the next month), at most this many days apart counting from the end of
# the first one's month or year, are two dates for one move: the period starts at the date
# most documents give, and `disagreements` lists both. Further apart, a second entry (or
# exit) with none between: the first one stands.
SAME_MOVE_DAYS = 31

PHASE_MOVES = f"""
CREATE OR REPLACE VIEW phase_moves AS
WITH reports AS (
    SELECT e.event_id, e.doc_id, e.force_id, e.force, e.phase_to AS phase, e.evidence,
           d.url, d.published_date,
           e.event_date AS reported_date, coalesce(e.date_precision, 'day') AS precision
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'phase_change' AND e.force_id IS NOT NULL
      AND e.phase_to IN ('engage', 'scan') AND e.event_date IS NOT NULL
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
        count(DISTINCT doc_id) AS documents,
        list(event_id ORDER BY precision_rank, published_date, doc_id, event_id) AS event_ids,
        list(url ORDER BY precision_rank, published_date, doc_id, event_id) AS urls
    FROM assigned GROUP BY force_id, phase, move_date
),
ordered AS (
    SELECT *, lag(phase) OVER w AS previous,
           CASE precision WHEN 'month' THEN last_day(move_date)
                WHEN 'year' THEN make_date(year(move_date), 12, 31)
                ELSE move_date END AS move_end
    FROM moves WINDOW w AS (PARTITION BY force_id ORDER BY move_date, event_id)
),
runs AS (
    SELECT *, sum(CASE WHEN previous IS DISTINCT FROM phase THEN 1 ELSE 0 END) OVER (
        PARTITION BY force_id ORDER BY move_date, event_id ROWS UNBOUNDED PRECEDING) AS run
    FROM ordered
),
openings AS (
    SELECT *, move_date - first_value(move_end) OVER (PARTITION BY force_id, run
        ORDER BY move_date, event_id) <= {SAME_MOVE_DAYS} AS opening
    FROM runs
),
chosen AS (
    SELECT force_id, run, arg_min(event_id, (-documents, CASE precision WHEN 'day' THEN 0
               WHEN 'month' THEN 1 ELSE 2 END, move_date, event_id)) AS change_id
    FROM openings WHERE opening GROUP BY force_id, run
)
SELECT o.force_id, o.force, o.phase, o.move_date, o.precision,
       o.event_id = c.change_id AS changes_phase, o.documents, o.event_id, o.evidence, o.url,
       o.event_ids, o.urls
FROM openings o JOIN chosen c USING (force_id, run)
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


# --- findings: one row per real item --------------------------------------------------------
# rules/topics.yaml, loaded by pipeline/store/topics.py; created here too so that any
# migration creating the views finds it (empty until the topics are loaded).
TOPIC_TABLE = """
CREATE TABLE IF NOT EXISTS topic_phrases (
    topic       VARCHAR NOT NULL,
    topic_rank  INTEGER NOT NULL,
    phrase      VARCHAR NOT NULL,
    rules_sha   VARCHAR NOT NULL
)"""


def _words(expr: str) -> str:
    """SQL: lower case, apostrophes dropped, every run of other punctuation one space.

    The same folding as `topics.normalise_phrase`, so wordings and phrases compare word by
    word, and the key under which two reports of one quote are the same."""
    return (f"trim(regexp_replace(replace(replace(replace(lower({expr}), '''', ''), "
            f"'\u2019', ''), '\u2018', ''), '[^\\pL\\pN]+', ' ', 'g'))")


ITEM_MENTIONS = f"""
CREATE OR REPLACE VIEW item_mentions AS
WITH mentions AS (
    SELECT e.event_id, e.doc_id, e.force_id, e.force, e.subject_kind AS kind, e.subject,
           e.status, e.evidence, d.url, d.published_date,
           coalesce(e.event_date, d.published_date) AS as_of, {_words('e.subject')} AS wording
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'recommendation' AND e.force_id IS NOT NULL
      AND e.subject_kind IS NOT NULL AND e.subject IS NOT NULL
),
tokens AS (
    SELECT event_id, unnest(words) AS word, generate_subscripts(words, 1) AS pos
    FROM (SELECT event_id, string_split(wording, ' ') AS words FROM mentions
          WHERE wording <> '')
),
phrase_words AS (
    SELECT topic, topic_rank, phrase, len(words) AS n_words, unnest(words) AS word,
           generate_subscripts(words, 1) AS word_index
    FROM (SELECT *, string_split(phrase, ' ') AS words FROM topic_phrases)
),
vocabulary AS (
    SELECT w.word, p.topic, p.topic_rank, p.phrase, p.n_words, p.word_index
    FROM (SELECT DISTINCT word FROM tokens) w JOIN phrase_words p
      ON CASE WHEN ends_with(p.word, '*') THEN starts_with(w.word, rtrim(p.word, '*'))
              ELSE w.word = p.word END
),
found AS (
    SELECT t.event_id, v.topic, v.topic_rank, v.phrase, v.n_words, t.pos - v.word_index AS word_at
    FROM tokens t JOIN vocabulary v USING (word)
    GROUP BY ALL HAVING count(DISTINCT v.word_index) = v.n_words
),
topics AS (
    SELECT event_id, arg_min(topic, (word_at, -n_words, topic_rank)) AS topic
    FROM found GROUP BY event_id
),
tagged AS (
    SELECT m.*, coalesce(t.topic, 'other') AS topic
    FROM mentions m LEFT JOIN topics t USING (event_id)
),
several AS (
    SELECT doc_id, force_id, kind, topic FROM tagged
    GROUP BY ALL HAVING count(DISTINCT wording) > 1
),
by_wording AS (  -- their wordings, which a later report in the same words joins
    SELECT DISTINCT t.force_id, t.kind, t.topic, t.wording
    FROM tagged t JOIN several s USING (doc_id, force_id, kind, topic)
)
SELECT t.force_id, t.force, t.kind, t.topic,
       t.force_id || '/' || t.kind || '/' || t.topic
           || CASE WHEN t.topic = 'other' OR w.wording IS NOT NULL THEN '/' || t.wording
                   ELSE '' END AS item_id,
       t.subject, t.status, t.as_of, t.published_date, t.url, t.evidence, t.doc_id, t.event_id
FROM tagged t LEFT JOIN by_wording w USING (force_id, kind, topic, wording)
"""

# A tally's "as of" is its own date when the text dates it ("when we revisited in February,
# three of the five ..."), else its document's publication date. A month- or year-precision
# date is stored as the period's first day; `as_of_end` is the period's last day, so that a
# tally "in September" is not taken for older than one of 18 September.
TALLIES = """
CREATE OR REPLACE VIEW tallies AS
WITH dated AS (
    SELECT e.*, coalesce(e.event_date, d.published_date) AS as_of,
           CASE WHEN e.event_date IS NULL THEN 'day' ELSE coalesce(e.date_precision, 'day')
                END AS as_of_precision,
           d.published_date, d.url
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'recommendation' AND e.force_id IS NOT NULL
      AND e.subject_kind IS NOT NULL
      AND (e.count_total IS NOT NULL OR e.count_closed IS NOT NULL
           OR e.count_open IS NOT NULL)
)
SELECT force_id, force, subject_kind AS kind, count_total, count_closed, count_open,
       coalesce(count_open, count_total - count_closed) AS open_left,
       count_closed IS NOT NULL OR count_open IS NOT NULL AS has_progress,
       as_of, as_of_precision,
       CASE as_of_precision WHEN 'month' THEN last_day(as_of)
            WHEN 'year' THEN make_date(year(as_of), 12, 31) ELSE as_of END AS as_of_end,
       published_date, url, evidence, doc_id, event_id
FROM dated
"""

# Undated reports sort before every dated one: they never decide a status.
UNDATED = "DATE '0001-01-01'"

ITEMS = f"""
CREATE OR REPLACE VIEW items AS
WITH mentions AS MATERIALIZED (SELECT * FROM item_mentions),
counts AS MATERIALIZED (SELECT * FROM tallies),
base AS MATERIALIZED (
    SELECT item_id, force_id, kind, topic,
           arg_max(force, (coalesce(as_of, {UNDATED}), event_id)) AS force,
           arg_min(subject, (coalesce(as_of, DATE '9999-12-31'), published_date, event_id))
               AS subject,
           min(as_of) AS first_raised, list(DISTINCT subject ORDER BY subject) AS wordings,
           count(DISTINCT doc_id) AS documents,
           list(event_id ORDER BY coalesce(as_of, {UNDATED}), event_id) AS event_ids
    FROM mentions GROUP BY item_id, force_id, kind, topic
),
named_open AS MATERIALIZED (
    SELECT DISTINCT doc_id, force_id, kind, item_id FROM mentions WHERE status = 'open'
),
settling AS (
    SELECT t.* FROM counts t
    WHERE t.as_of IS NOT NULL AND t.open_left IS NOT NULL
      AND t.open_left = (SELECT count(DISTINCT n.item_id) FROM named_open n
                         WHERE n.doc_id = t.doc_id AND n.force_id = t.force_id
                           AND n.kind = t.kind)
),
sources AS MATERIALIZED (
    SELECT item_id, as_of AS source_date, status, 1 AS specific, published_date, evidence,
           url, event_id
    FROM mentions WHERE status IS NOT NULL AND as_of IS NOT NULL
    UNION ALL
    SELECT b.item_id, t.as_of, 'closed', 0, t.published_date, t.evidence, t.url, t.event_id
    FROM settling t JOIN base b ON b.force_id = t.force_id AND b.kind = t.kind
      AND b.first_raised <= t.as_of
    WHERE NOT EXISTS (SELECT 1 FROM named_open n WHERE n.doc_id = t.doc_id
                      AND n.item_id = b.item_id)
),
current AS (
    SELECT item_id,
           arg_max(status, (source_date, specific, published_date, event_id)) AS status,
           max(source_date) AS status_as_of,
           arg_max(evidence, (source_date, specific, published_date, event_id)) AS evidence,
           arg_max(url, (source_date, specific, published_date, event_id)) AS url,
           max(source_date) FILTER (WHERE status = 'open') AS last_open
    FROM sources GROUP BY item_id
),
closed_on AS (
    SELECT s.item_id, min(s.source_date) AS closed_on
    FROM sources s JOIN current c USING (item_id)
    WHERE c.status = 'closed' AND s.status = 'closed'
      AND (c.last_open IS NULL OR s.source_date > c.last_open)
    GROUP BY s.item_id
),
latest_mention AS (
    SELECT item_id,
           arg_max(evidence, (coalesce(as_of, {UNDATED}), published_date, event_id)) AS evidence,
           arg_max(url, (coalesce(as_of, {UNDATED}), published_date, event_id)) AS url
    FROM mentions GROUP BY item_id
),
same_day AS (
    SELECT item_id, 'reports of ' || strftime(as_of, '%Y-%m-%d')
               || ' disagree: open and closed' AS note
    FROM mentions WHERE as_of IS NOT NULL AND status IS NOT NULL
    GROUP BY item_id, as_of HAVING count(DISTINCT status) > 1
),
latest_tally AS MATERIALIZED (
    SELECT * FROM counts WHERE as_of IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY force_id, kind
        ORDER BY as_of_end DESC, has_progress DESC, published_date DESC NULLS LAST,
                 event_id) = 1
),
at_tally AS (
    SELECT b.force_id, b.kind, b.item_id,
           arg_max(s.status, (s.source_date, s.specific, s.published_date, s.event_id))
               AS status
    FROM base b JOIN latest_tally t USING (force_id, kind)
    LEFT JOIN sources s ON s.item_id = b.item_id AND s.source_date <= t.as_of
    WHERE b.first_raised <= t.as_of
    GROUP BY b.force_id, b.kind, b.item_id
),
arithmetic AS (
    SELECT t.force_id, t.kind, t.as_of, t.count_total, t.open_left,
           count(a.item_id) AS listed, count(a.item_id) FILTER (WHERE a.status = 'open')
               AS still_open
    FROM latest_tally t LEFT JOIN at_tally a USING (force_id, kind)
    GROUP BY ALL
),
tally_notes AS (
    SELECT force_id, kind, 1 AS rank, true AS conflict,
           'latest tally (' || strftime(as_of, '%Y-%m-%d') || '): ' || open_left
               || ' open, but ' || still_open || ' items were open then' AS note
    FROM arithmetic WHERE still_open > open_left
    UNION ALL
    SELECT force_id, kind, 2, true,
           'latest tally (' || strftime(as_of, '%Y-%m-%d') || '): ' || count_total
               || ' in all, but ' || listed || ' items are known by then'
    FROM arithmetic WHERE listed > count_total
    UNION ALL
    SELECT force_id, kind, 3, false,
           'latest tally (' || strftime(as_of, '%Y-%m-%d') || '): ' || open_left
               || ' open, ' || still_open || ' of them named'
    FROM arithmetic WHERE still_open < open_left
),
notes AS (
    SELECT b.item_id, string_agg(n.note, '; ' ORDER BY n.rank, n.note) AS note,
           bool_or(n.conflict) AS conflict
    FROM base b JOIN (
        SELECT b2.item_id, tn.rank, tn.note, tn.conflict FROM base b2
        JOIN tally_notes tn USING (force_id, kind)
        UNION ALL SELECT item_id, 0, note, true FROM same_day
    ) n USING (item_id)
    GROUP BY b.item_id
)
SELECT b.force_id, b.force, b.kind, b.topic, b.subject, b.first_raised, c.status,
       c.status_as_of, co.closed_on, coalesce(c.evidence, m.evidence) AS evidence,
       coalesce(c.url, m.url) AS url, b.documents, b.wordings, n.note,
       coalesce(n.conflict, false) AS conflict, b.item_id, b.event_ids
FROM base b
LEFT JOIN current c USING (item_id)
LEFT JOIN closed_on co USING (item_id)
LEFT JOIN latest_mention m USING (item_id)
LEFT JOIN notes n USING (item_id)
"""

RECOMMENDATION_PROGRESS = """
CREATE OR REPLACE VIEW recommendation_progress AS
WITH findings AS (
    SELECT e.*, coalesce(e.event_date, d.published_date) AS as_of
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'recommendation' AND e.force_id IS NOT NULL
      AND e.subject_kind IS NOT NULL
),
latest_tally AS (
    SELECT * FROM tallies
    QUALIFY row_number() OVER (PARTITION BY force_id, kind
        ORDER BY as_of_end DESC NULLS LAST, has_progress DESC,
                 published_date DESC NULLS LAST, event_id) = 1
),
open_items AS (
    SELECT force_id, kind, list(subject ORDER BY subject) AS open_items
    FROM items WHERE status = 'open' GROUP BY force_id, kind
),
kinds AS (
    SELECT force_id, subject_kind AS kind, arg_max(force, as_of) AS force
    FROM findings GROUP BY force_id, subject_kind
)
SELECT k.force_id, k.force, k.kind AS subject_kind,
       t.count_total, t.count_closed, t.count_open, t.as_of AS tally_as_of,
       t.evidence AS tally_evidence, t.url AS tally_url,
       coalesce(o.open_items, []::VARCHAR[]) AS open_items
FROM kinds k
LEFT JOIN latest_tally t USING (force_id, kind)
LEFT JOIN open_items o USING (force_id, kind)
"""

# --- statements: each quote once -------------------------------------------------------------
# A later report quoting part of an earlier quote is the same quote when the part has at
# least this many words (the real-set guidelines' threshold for a direct quotation).
MIN_SHARED_QUOTE_WORDS = 6

SAID = f"""
said AS MATERIALIZED (
    SELECT e.person_name, e.person_role, e.person_org, e.force, e.force_id,
           d.published_date AS date, e.quote, d.url, e.evidence, e.doc_id, e.event_id,
           lower(trim(e.person_name)) AS speaker, {_words('e.quote')} AS quote_key,
           -- on one day, the fuller quotation is taken for the original
           row_number() OVER (ORDER BY d.published_date NULLS LAST,
                              length(e.quote) DESC NULLS LAST, d.url, e.char_start,
                              e.event_id) AS published_order
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.event_type = 'statement' AND e.person_name IS NOT NULL
)"""


def _same_quote(a: str, b: str) -> str:
    """SQL: statements a and b carry the same words (equal, or one inside the other)."""
    def inside(part: str, whole: str) -> str:
        return (f"(contains(' ' || {whole}.quote_key || ' ', ' ' || {part}.quote_key || ' ') "
                f"AND len(string_split({part}.quote_key, ' ')) >= {MIN_SHARED_QUOTE_WORDS})")
    return (f"({a}.quote_key <> '' AND {b}.quote_key <> '' AND ({a}.quote_key = {b}.quote_key"
            f" OR {inside(a, b)} OR {inside(b, a)}))")


STATEMENTS = f"""
CREATE OR REPLACE VIEW statements AS
WITH {SAID},
firsts AS MATERIALIZED (
    SELECT s.event_id, min(f.published_order) AS first_order
    FROM said s JOIN said f ON f.speaker = s.speaker AND f.published_order <= s.published_order
      AND (f.event_id = s.event_id OR {_same_quote('f', 's')})
    GROUP BY s.event_id
),
copies AS (
    SELECT f.first_order, count(DISTINCT s.doc_id) AS documents
    FROM said s JOIN firsts f USING (event_id) GROUP BY f.first_order
)
SELECT s.person_name, s.person_role, s.person_org, s.force, s.force_id, s.date, s.quote,
       s.url, s.evidence, s.doc_id, s.event_id, c.documents
FROM said s JOIN firsts f USING (event_id)
JOIN copies c ON c.first_order = s.published_order
WHERE f.first_order = s.published_order
"""

# --- where the sources disagree --------------------------------------------------------------


def _shown(date: str, precision: str) -> str:
    """SQL: a date at its precision ('2023-11-24', '2023-11', '2023')."""
    return (f"CASE {precision} WHEN 'month' THEN strftime({date}, '%Y-%m') "
            f"WHEN 'year' THEN strftime({date}, '%Y') ELSE strftime({date}, '%Y-%m-%d') END")


DISAGREEMENTS = f"""
CREATE OR REPLACE VIEW disagreements AS
WITH {SAID},
ranged AS (
    SELECT *, CASE precision WHEN 'month' THEN last_day(move_date)
                   WHEN 'year' THEN make_date(year(move_date), 12, 31)
                   ELSE move_date END AS move_end,
           {_shown('move_date', 'precision')} || ' (' || documents
               || CASE documents WHEN 1 THEN ' document)' ELSE ' documents)' END AS shown
    FROM phase_moves
),
paired AS (
    SELECT *, lag(phase) OVER w AS prev_phase, lag(move_date) OVER w AS prev_date,
           lag(move_end) OVER w AS prev_end, lag(shown) OVER w AS prev_shown,
           lag(changes_phase) OVER w AS prev_changes,
           lag(event_ids) OVER w AS prev_event_ids, lag(urls) OVER w AS prev_urls
    FROM ranged WINDOW w AS (PARTITION BY force_id ORDER BY move_date, event_id)
),
moves AS (
    SELECT *, CASE phase WHEN 'engage' THEN 'entry into Engage' ELSE 'exit from Engage' END
               AS move,
           prev_phase = phase AND move_date - prev_end <= {SAME_MOVE_DAYS} AS one_move
    FROM paired WHERE prev_phase = phase OR (phase = 'scan' AND prev_phase IS NULL)
),
move_rows AS (
    SELECT force_id, force,
           CASE WHEN one_move THEN 'move_dates' WHEN phase = 'engage'
                THEN 'entry_without_exit' ELSE 'exit_without_entry' END AS kind,
           coalesce(prev_date, move_date) AS date,
           CASE WHEN one_move THEN 'one ' || move || ' reported as ' || prev_shown
                    || ' and as ' || shown
                    || CASE WHEN changes_phase THEN '; the periods use the second'
                            WHEN prev_changes THEN '; the periods use the first' ELSE '' END
                WHEN prev_phase IS NULL THEN move || ' on ' || shown
                    || ' with no earlier entry in the data'
                WHEN phase = 'engage' THEN 'entries into Engage on ' || prev_shown
                    || ' and ' || shown || ' with no exit between them'
                ELSE 'exits from Engage on ' || prev_shown || ' and ' || shown
                    || ' with no entry between them' END AS detail,
           coalesce(prev_event_ids, []::VARCHAR[]) || event_ids AS event_ids,
           coalesce(prev_urls, []::VARCHAR[]) || urls AS urls
    FROM moves
),
tally_counts AS (  -- the documents giving one set of counts for one period
    SELECT force_id, kind, as_of, as_of_end, as_of_precision, count_total, count_closed,
           open_left, min(event_id) AS counts_key,
           concat_ws(', ', count_total || ' total', count_closed || ' closed',
                     count_open || ' open') AS counts,
           {_shown('as_of', 'as_of_precision')} AS shown_as_of,
           arg_min(force, event_id) AS force, count(DISTINCT doc_id) AS documents,
           list(event_id ORDER BY event_id) AS event_ids,
           list(url ORDER BY event_id) AS urls
    FROM tallies WHERE as_of IS NOT NULL GROUP BY ALL
),
tally_spans AS (  -- counts of one period, with every period overlapping it ("in September"
                  -- and "on 18 September"): one set of facts the counts must agree on
    SELECT a.counts_key, min(b.as_of) AS span_start
    FROM tally_counts a JOIN tally_counts b
      ON a.force_id = b.force_id AND a.kind = b.kind
     AND a.as_of <= b.as_of_end AND b.as_of <= a.as_of_end
    GROUP BY a.counts_key
),
spanned AS (SELECT * FROM tally_counts JOIN tally_spans USING (counts_key)),
conflicting AS (
    SELECT force_id, kind, span_start, count(DISTINCT shown_as_of) > 1 AS mixed_dates
    FROM spanned GROUP BY ALL
    HAVING count(DISTINCT count_total) > 1 OR count(DISTINCT count_closed) > 1
        OR count(DISTINCT open_left) > 1
),
tally_rows AS (
    SELECT c.force_id, any_value(t.force) AS force, 'tally_counts' AS kind,
           c.span_start AS date,
           'tallies of ' || CASE c.kind WHEN 'cause_of_concern' THEN 'causes of concern'
                                ELSE 'recommendations' END
               || CASE WHEN c.mixed_dates THEN ''
                       ELSE ' as of ' || any_value(t.shown_as_of) END
               || ' disagree: '
               || string_agg(t.counts
                             || CASE WHEN c.mixed_dates THEN ' as of ' || t.shown_as_of
                                     ELSE '' END
                             || ' (' || t.documents
                             || CASE t.documents WHEN 1 THEN ' document)'
                                ELSE ' documents)' END, '; ' ORDER BY t.counts) AS detail,
           flatten(list(t.event_ids ORDER BY t.counts)) AS event_ids,
           flatten(list(t.urls ORDER BY t.counts)) AS urls
    FROM conflicting c JOIN spanned t USING (force_id, kind, span_start)
    GROUP BY c.force_id, c.kind, c.span_start, c.mixed_dates
),
statement_rows AS (
    SELECT a.force_id, a.force, 'quote_speaker' AS kind, b.date,
           'the same words are credited to ' || a.person_name
               || coalesce(' (' || strftime(a.date, '%Y-%m-%d') || ')', '') || ' and to '
               || b.person_name || coalesce(' (' || strftime(b.date, '%Y-%m-%d') || ')', '')
               AS detail,
           [a.event_id, b.event_id] AS event_ids, [a.url, b.url] AS urls
    FROM said a JOIN said b
      ON list_slice(string_split(a.quote_key, ' '), 1, {MIN_SHARED_QUOTE_WORDS})
         = list_slice(string_split(b.quote_key, ' '), 1, {MIN_SHARED_QUOTE_WORDS})
     AND a.published_order < b.published_order AND a.speaker <> b.speaker
     AND {_same_quote('a', 'b')}
)
SELECT force_id, force, kind, date, detail, event_ids, urls FROM move_rows
UNION ALL SELECT force_id, force, kind, date, detail, event_ids, urls FROM tally_rows
UNION ALL SELECT force_id, force, kind, date, detail, event_ids, urls FROM statement_rows
"""

# --- events with their document: the common questions without a join ------------------------
# `as_of` is where an event sits in time: its own date when the text gives one (`as_of_source`
# 'text', at `as_of_precision`), else its document's publication date ('publication').
EVENTS_FULL = """
CREATE OR REPLACE VIEW events_full AS
SELECT e.event_id, e.doc_id, e.event_type, e.force, e.force_id, e.event_date, e.date_precision,
       coalesce(e.event_date, d.published_date) AS as_of,
       CASE WHEN e.event_date IS NOT NULL THEN coalesce(e.date_precision, 'day')
            WHEN d.published_date IS NOT NULL THEN 'day' END AS as_of_precision,
       CASE WHEN e.event_date IS NOT NULL THEN 'text'
            WHEN d.published_date IS NOT NULL THEN 'publication' END AS as_of_source,
       e.phase_from, e.phase_to, e.subject_kind, e.subject, e.status, e.count_total,
       e.count_closed, e.count_open, e.person_name, e.person_role, e.person_org, e.quote,
       e.evidence, e.char_start, e.char_end, e.rules_version,
       d.url, d.title, d.published_date, d.source
FROM events e JOIN documents d USING (doc_id)
"""

VIEWS = {
    "events_full": EVENTS_FULL,
    "phase_moves": PHASE_MOVES,
    "force_status": FORCE_STATUS,
    "engage_periods": ENGAGE_PERIODS,
    "item_mentions": ITEM_MENTIONS,
    "tallies": TALLIES,
    "items": ITEMS,
    "recommendation_progress": RECOMMENDATION_PROGRESS,
    "statements": STATEMENTS,
    "disagreements": DISAGREEMENTS,
}


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every view, in dependency order (phase_moves first).

    The topic table is created first when missing: the item views read it, and a migration
    that recreates the views may run before the one that loads it."""
    con.execute(TOPIC_TABLE)
    for sql in VIEWS.values():
        con.execute(sql)

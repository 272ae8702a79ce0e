"""Phase changes whose clause needs reading with care, in our own words: a date phrase
whose month is also a modal verb, a subordinate clause with its own subject, a list of
forces before a relative clause, and a recap bounded by a period rather than dated.

Published Wednesday 12 June 2024 unless a case gives another date.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)
TODAY = "2024-06-12"


def _moves(text: str, published: date | None = PUBLISHED):
    events = extract_events(Document(url="probe", title="", text=text, published_date=published))
    return {(e.force_id, e.phase_to, e.event_date.isoformat() if e.event_date else None,
             e.date_precision) for e in events if e.event_type == "phase_change"}


MONTH_NOT_MODAL = [
    ("Dorset Police says that in May 2023 it was placed into Engage.",
     {("dorset-police", "engage", "2023-05-01", "month")}),
    ("Twelve months ago, in May 2023, we were moved into enhanced monitoring, Kent Police "
     "said.",
     {("kent-police", "engage", "2023-05-01", "month")}),
    # A span whose first month is May: neither end is speculation.
    ("Durham Constabulary was in Engage between May 2019 and March 2020.",
     {("durham-constabulary", "engage", "2019-05-01", "month"),
      ("durham-constabulary", "scan", "2020-03-01", "month")}),
]
# "may" as a modal still makes speculation.
MODAL_MAY = "Kent Police may be placed into Engage in June."

SUBORDINATE_SUBJECTS = [
    ("Norfolk Constabulary heard today that inspectors had returned it to routine "
     "monitoring, the level that covers every force, two years after it was escalated to "
     "Engage.",
     {("norfolk-constabulary", "scan", TODAY, "day"),
      ("norfolk-constabulary", "engage", "2022-01-01", "year")}),
    ("Inspectors wrote to Surrey Police, as they do to each force, when it was placed under "
     "enhanced monitoring in March 2023.",
     {("surrey-police", "engage", "2023-03-01", "month")}),
]
# The generic subject still blocks a clause that has no subject of its own.
GENERIC = "Any force can be placed into Engage when a cause of concern is not addressed."

RELATIVE_LISTS = [
    ("Forces such as Cumbria, Durham and Dorset, which all left special measures in 2023, were "
     "praised.",
     {("cumbria-constabulary", "scan", "2023-01-01", "year"),
      ("durham-constabulary", "scan", "2023-01-01", "year"),
      ("dorset-police", "scan", "2023-01-01", "year")}),
    ("Kent Police and Essex Police, which were both moved into Engage in 2022, have improved.",
     {("kent-police", "engage", "2022-01-01", "year"),
      ("essex-police", "engage", "2022-01-01", "year")}),
]
# Only the list that ends at the relative's comma: a force named before it, outside the
# list, did not move.
RELATIVE_NEAR_MISS = ("Unlike Surrey Police, the forces Kent Police and Essex Police, which "
                      "have left Engage, were praised.")

PERIOD_BOUNDS = [
    ("Gwent Police and Suffolk Constabulary have come out of special measures in the last "
     "three years.",
     {("gwent-police", "scan", None, None), ("suffolk-constabulary", "scan", None, None)}),
    ("Dorset Police has come out of Engage over the past year.",
     {("dorset-police", "scan", None, None)}),
]


@pytest.mark.parametrize("text,expected", MONTH_NOT_MODAL, ids=[c[0][:40] for c in MONTH_NOT_MODAL])
def test_a_month_named_may_is_not_speculation(text, expected):
    assert _moves(text) == expected


def test_the_modal_may_is_still_speculation():
    assert _moves(MODAL_MAY) == set()


@pytest.mark.parametrize("text,expected", SUBORDINATE_SUBJECTS,
                         ids=[c[0][:40] for c in SUBORDINATE_SUBJECTS])
def test_a_subordinate_clause_has_its_own_subject(text, expected):
    assert _moves(text) == expected


def test_a_generic_subject_still_makes_no_move():
    assert _moves(GENERIC) == set()


@pytest.mark.parametrize("text,expected", RELATIVE_LISTS, ids=[c[0][:40] for c in RELATIVE_LISTS])
def test_a_relative_clause_after_a_list_moves_every_force_listed(text, expected):
    assert _moves(text) == expected


def test_a_relative_clause_moves_only_the_list_before_it():
    found = {f for f, *_ in _moves(RELATIVE_NEAR_MISS)}
    assert found == {"kent-police", "essex-police"}


@pytest.mark.parametrize("text,expected", PERIOD_BOUNDS, ids=[c[0][:40] for c in PERIOD_BOUNDS])
def test_a_move_bounded_by_a_period_is_undated(text, expected):
    assert _moves(text) == expected


# A second clause with a force of its own as subject: the verb before the first phase term
# is not the second term's.
OWN_CLAUSES = [
    ("Lincolnshire Police was escalated into Engage in March and Dorset Police has been in "
     "Scan throughout.", {("lincolnshire-police", "engage", "2024-03-01", "month")}),
    ("Cumbria Constabulary was moved into enhanced monitoring in April, while Durham "
     "Constabulary has stayed under routine monitoring.",
     {("cumbria-constabulary", "engage", "2024-04-01", "month")}),
]


@pytest.mark.parametrize("text,expected", OWN_CLAUSES, ids=[c[0][:40] for c in OWN_CLAUSES])
def test_a_clause_with_its_own_subject_borrows_no_verb(text, expected):
    assert _moves(text) == expected


def test_one_verb_still_governs_two_phases_of_one_force():
    assert _moves("Dorset Police was moved out of Engage and back into Scan in April.") == {
        ("dorset-police", "scan", "2024-04-01", "month")}


# A relative clause on the force holds the movement verb and its date; the main clause
# names the phase the force is still in.
FRONTED_RELATIVES = [
    ("Gwent Police, which was escalated in October last year, remains under enhanced "
     "monitoring.", {("gwent-police", "engage", "2023-10-01", "month")}),
    ("Cumbria Constabulary, which was returned in 2023, is still in routine monitoring.",
     {("cumbria-constabulary", "scan", "2023-01-01", "year")}),
    ("Kent Police remains in Engage. Essex Police, which was placed there in April last "
     "year, has improved since.", {("essex-police", "engage", "2023-04-01", "month")}),
]
FRONTED_NEAR_MISSES = [
    "Gwent Police, which was inspected in May, remains in Engage.",
    "Gwent Police, which moved to new headquarters in 2021, remains in Engage.",
    "Gwent Police, whose chief constable was appointed in 2021, remains in Engage.",
]


@pytest.mark.parametrize("text,expected", FRONTED_RELATIVES,
                         ids=[c[0][:40] for c in FRONTED_RELATIVES])
def test_a_relative_clause_tells_the_move_into_the_phase_the_force_is_in(text, expected):
    assert _moves(text) == expected


@pytest.mark.parametrize("text", FRONTED_NEAR_MISSES, ids=[c[:40] for c in FRONTED_NEAR_MISSES])
def test_a_relative_clause_with_no_movement_into_a_phase_is_no_move(text):
    assert _moves(text) == set()


# "<duration> later": the move comes that long after the date the text names before it.
LATER = [
    ("Durham Constabulary entered Engage in 2020 and left it three years later.",
     {("durham-constabulary", "engage", "2020-01-01", "year"),
      ("durham-constabulary", "scan", "2023-01-01", "year")}),
    ("Durham Constabulary was put into special measures in May 2020. It came out two years "
     "later.", {("durham-constabulary", "engage", "2020-05-01", "month"),
                ("durham-constabulary", "scan", "2022-01-01", "year")}),
    ("Durham Constabulary was inspected in 2019 and was moved into Engage two years later.",
     {("durham-constabulary", "engage", "2021-01-01", "year")}),
]


@pytest.mark.parametrize("text,expected", LATER, ids=[c[0][:40] for c in LATER])
def test_a_move_some_years_later_is_dated_from_the_date_before(text, expected):
    assert _moves(text) == expected


def test_later_than_planned_is_no_length_of_time():
    moves = _moves("Durham Constabulary was put into special measures in May 2020. It came "
                   "out two years later than planned.")
    assert ("durham-constabulary", "scan", "2022-01-01", "year") not in moves


# Time spent in Engage, and over: the end the text leaves undated is that long from the
# other.
SPENT = [
    ("Durham Constabulary, which spent three years in Engage after being placed there in "
     "2019, is now held up as an example.",
     {("durham-constabulary", "engage", "2019-01-01", "year"),
      ("durham-constabulary", "scan", "2022-01-01", "year")}),
    ("Durham Constabulary left special measures in 2023. The force spent two years in "
     "enhanced monitoring.", {("durham-constabulary", "scan", "2023-01-01", "year"),
                     ("durham-constabulary", "engage", "2021-01-01", "year")}),
    ("Durham Constabulary left special measures in 2023, having spent two years in enhanced "
     "monitoring.", {("durham-constabulary", "scan", "2023-01-01", "year"),
                     ("durham-constabulary", "engage", "2021-01-01", "year")}),
]
SPENT_NEAR_MISSES = [
    # Still there: no end to date.
    ("Durham Constabulary has spent two years in Engage since it was placed there in 2022.",
     {("durham-constabulary", "engage", "2022-01-01", "year")}),
    # Money spent is no stay.
    ("Durham Constabulary spent £4m on call handling after entering Engage in 2022.",
     {("durham-constabulary", "engage", "2022-01-01", "year")}),
    # Both ends already told.
    ("Durham Constabulary entered Engage in 2019 and left in 2023, having spent four years "
     "in Engage.", {("durham-constabulary", "engage", "2019-01-01", "year"),
                    ("durham-constabulary", "scan", "2023-01-01", "year")}),
]


@pytest.mark.parametrize("text,expected", SPENT + SPENT_NEAR_MISSES,
                         ids=[c[0][:40] for c in SPENT + SPENT_NEAR_MISSES])
def test_time_spent_in_engage_dates_the_other_end(text, expected):
    assert _moves(text) == expected


# Two forces' moves in one sentence, or entries run together on one line: each move is its
# own force's.
RUN_TOGETHER = [
    ("Gwent Police entered Engage in October 2022 and Dorset Police entered Engage in "
     "November 2022.", {("gwent-police", "engage", "2022-10-01", "month"),
                        ("dorset-police", "engage", "2022-11-01", "month")}),
    ("Forces in Engage\nThese forces are in Engage.\nGwent Police Entered Engage October 2022 "
     "Dorset Police Entered Engage November 2022",
     {("gwent-police", "engage", "2022-10-01", "month"),
      ("dorset-police", "engage", "2022-11-01", "month")}),
    # Near miss: two subjects of one move keep it.
    ("Gwent Police in October 2022 and Dorset Police were both moved into Engage.",
     {("gwent-police", "engage", "2022-10-01", "month"),
      ("dorset-police", "engage", "2022-10-01", "month")}),
]


@pytest.mark.parametrize("text,expected", RUN_TOGETHER, ids=[c[0][:40] for c in RUN_TOGETHER])
def test_each_force_keeps_its_own_move(text, expected):
    assert _moves(text) == expected


# A proper name is one word between a move and its date, however long it is written.
def test_a_long_name_between_the_move_and_its_date_counts_as_one_word():
    assert _moves("Lincolnshire Police has been returned to routine monitoring by His "
                  "Majesty's Inspectorate of Constabulary and Fire & Rescue Services "
                  "(HMICFRS), following a decision by His Majesty's Chief Inspector of "
                  "Constabulary on 7 May.") == {
        ("lincolnshire-police", "scan", "2024-05-07", "day")}


def test_many_ordinary_words_still_part_a_date_from_the_move():
    moves = _moves("Lincolnshire Police has been returned to routine monitoring, and a long "
                   "list of the things the force and its partners will go on working on "
                   "together was agreed by the panel on 7 May.")
    assert ("lincolnshire-police", "scan", "2024-05-07", "day") not in moves


# A sentence that points back at the decision dates the undated move before it.
DECISIONS = [
    ("The commissioner has welcomed the decision to place Lincolnshire Police into the "
     "Engage phase. The decision was taken on 12 March and set out in a letter.",
     {("lincolnshire-police", "engage", "2024-03-12", "day")}),
    ("HMICFRS has moved Lincolnshire Police out of Engage. The move was confirmed on 3 May.",
     {("lincolnshire-police", "scan", "2024-05-03", "day")}),
    # Near misses: a decision still to come, and a move that has a date of its own.
    ("The commissioner has welcomed the decision to place Lincolnshire Police into Engage. "
     "The decision will be reviewed in June.", {("lincolnshire-police", "engage", TODAY, "day")}),
    ("Lincolnshire Police was placed into Engage on 3 March. The decision was announced on "
     "12 March.", {("lincolnshire-police", "engage", "2024-03-03", "day")}),
]


@pytest.mark.parametrize("text,expected", DECISIONS, ids=[c[0][:40] for c in DECISIONS])
def test_the_decision_named_next_dates_the_move(text, expected):
    assert _moves(text) == expected

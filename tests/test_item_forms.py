"""A battery of item forms: lists as copied pages mark them, statuses a sentence leaves to
its neighbours, and subjects that must name the finding rather than a force or a clause.

Each case is a short text written for this file (published 12 June 2024) and every item it
must give, matched as tests/test_item_battery.py matches them (force, kind and status
equal, subject words shared). A case passes when every expected row is found and nothing
else is given.
"""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.extract import extract_events
from pipeline.parse.text import parse_text
from tests.test_item_battery import CLOSED, COC, OPEN, PUBLISHED, REC, _gap, _unmatched, case

_TWO_RECS = "HMICFRS made two recommendations to Lancashire Constabulary:\n"
_LANCS = "lancashire-constabulary"


def _listed(first: str, second: str, intro: str = _TWO_RECS) -> str:
    return f"{intro}{first}\n{second}"


def _two(first: str = "improve the supervision of investigations",
         second: str = "review how it records crime", status: str | None = OPEN):
    return ((_LANCS, REC, status, first), (_LANCS, REC, status, second))


# Every marker a copied page puts before a list item.
MARKERS = [
    case(_listed("• Improve the supervision of investigations.",
                 "• Review how it records crime."), *_two()),
    case(_listed("◦ Improve the supervision of investigations",
                 "◦ Review how it records crime"), *_two()),
    case(_listed("* Improve the supervision of investigations;",
                 "* Review how it records crime."), *_two()),
    case(_listed("– Improve the supervision of investigations",
                 "– Review how it records crime"), *_two()),
    case(_listed("· Improve the supervision of investigations",
                 "· Review how it records crime"), *_two()),
    case(_listed("o Improve the supervision of investigations",
                 "o Review how it records crime"), *_two()),
    case(_listed("1. Improve the supervision of investigations.",
                 "2. Review how it records crime."), *_two()),
    case(_listed("1) Improve the supervision of investigations;",
                 "2) Review how it records crime."), *_two()),
    case(_listed("(a) Improve the supervision of investigations;",
                 "(b) Review how it records crime."), *_two()),
    case(_listed("a) Improve the supervision of investigations;",
                 "b) Review how it records crime."), *_two()),
    case(_listed("i. Improve the supervision of investigations;",
                 "ii. Review how it records crime."), *_two()),
    case(_listed("(iii) Improve the supervision of investigations;",
                 "(iv) Review how it records crime."), *_two()),
    case(_listed("(1) Improve the supervision of investigations;",
                 "(2) Review how it records crime."), *_two()),
    case(_listed("A) Improve the supervision of investigations;",
                 "B) Review how it records crime."), *_two()),
    # A lead-in that gives the status passes it to every item, whatever the marker.
    case(_listed("(a) the supervision of investigations;", "(b) how it records crime.",
                 "Two causes of concern about Lancashire Constabulary remain open:\n"),
         (_LANCS, COC, OPEN, "the supervision of investigations"),
         (_LANCS, COC, OPEN, "how it records crime")),
    case(_listed("i. the supervision of investigations;", "ii. how it records crime.",
                 "Inspectors have closed two causes of concern at Lancashire Constabulary:\n"),
         (_LANCS, COC, CLOSED, "the supervision of investigations"),
         (_LANCS, COC, CLOSED, "how it records crime")),
]

# Items each on a line of their own after a colon, with no marker at all.
UNMARKED = [
    case(_listed("Improve the supervision of investigations",
                 "Review how it records crime"), *_two()),
    case(_listed("the supervision of investigations;", "how it records crime.",
                 "Two causes of concern about Lancashire Constabulary remain open:\n"),
         (_LANCS, COC, OPEN, "the supervision of investigations"),
         (_LANCS, COC, OPEN, "how it records crime")),
]

UNMARKED += [
    # The prose after a bare list is not one of its items.
    case(_listed("Improve the supervision of investigations",
                 "Review how it records crime\nThe chief constable said she accepted both."),
         *_two()),
    # A sentence after the colon is prose, not a list.
    case("Inspectors made two recommendations to Lancashire Constabulary:\n"
         "The force has accepted both of them and published a plan.\n"
         "Its chief constable welcomed the report."),
    case(_listed("the supervision of investigations,", "how it records crime, and",
                 "Causes of concern about Lancashire Constabulary remain open on:\n")
         + "\nits vetting of new recruits.",
         (_LANCS, COC, OPEN, "the supervision of investigations"),
         (_LANCS, COC, OPEN, "how it records crime"),
         (_LANCS, COC, OPEN, "its vetting of new recruits")),
]

# Near-misses: sentences that open with a pronoun, an article, a year, a number or a name
# are prose, not list items, and the numbered paragraphs of a letter are read as prose.
NEAR_MISS_FORMS = [
    case("HMICFRS made two recommendations to Lancashire Constabulary:\n"
         "I am grateful to the force for its cooperation.\n"
         "A further report will follow in the spring."),
    case("HMICFRS made two recommendations to Lancashire Constabulary:\n"
         "2023 was a difficult year for the force.\n"
         "12 officers were interviewed."),
    case("HMICFRS reported on Lancashire Constabulary:\n"
         "(a) its budget rose by 4 per cent;\n"
         "(b) it recruited 300 officers."),
    case("O'Brien said the force had worked hard. Inspectors made no recommendations to "
         "Lancashire Constabulary."),
    case("1. In our 2022 inspection of Lancashire Constabulary we made six recommendations.\n"
         "2. The recommendation on the supervision of investigations has been implemented.",
         (_LANCS, REC, CLOSED, "the supervision of investigations")),
    case("(1) Inspectors revisited Lancashire Constabulary in March.\n"
         "(2) The cause of concern about how the force records crime remains open.",
         (_LANCS, COC, OPEN, "how the force records crime")),
]

# Statuses a sentence leaves to its neighbours or qualifies.
STATUSES = [
    # Partly met is not met: the item stays open.
    case("Kent Police had four recommendations. The fourth, on the quality of its risk "
         "assessments, has been only partly met.",
         ("kent-police", REC, OPEN, "the quality of its risk assessments")),
    case("The recommendation on victim updates at Kent Police has been partially "
         "implemented.",
         ("kent-police", REC, OPEN, "victim updates")),
    case("The recommendation about supervision at Kent Police has been partly achieved.",
         ("kent-police", REC, OPEN, "supervision")),
    # The one left after a count of those closed is open.
    case("Inspectors closed four of the five recommendations made to Essex Police. The "
         "fifth recommendation, on the timeliness of its case files, will be followed up "
         "through routine monitoring.",
         ("essex-police", REC, OPEN, "the timeliness of its case files")),
    case("Three of the four recommendations made to Essex Police have been discharged. The "
         "fourth, about the vetting of new recruits, will be checked again next year.",
         ("essex-police", REC, OPEN, "the vetting of new recruits")),
    # Near-miss: one of those closed, not the one left, has no status of its own here.
    case("Inspectors closed four of the five recommendations made to Essex Police. The "
         "fourth, on the timeliness of its case files, was the hardest to meet.",
         ("essex-police", REC, None, "the timeliness of its case files")),
    # A later sentence closes the one finding named before.
    case("Last year we issued a cause of concern about the way Dorset Police supervises "
         "its detectives. We revisited the force in May. I am therefore closing the cause "
         "of concern.",
         ("dorset-police", COC, CLOSED, "the way Dorset Police supervises its detectives")),
    case("In 2023 inspectors raised a cause of concern about 999 call handling at Dorset "
         "Police. Following a revisit, they have now closed the cause of concern.",
         ("dorset-police", COC, CLOSED, "999 call handling")),
    # A headline names in short the one finding its story names in full.
    case("Devon and Cornwall Police: cause of concern on call handling closed\n"
         "In 2023 we raised a cause of concern about how long Devon and Cornwall Police "
         "takes to answer 999 and 101 calls. I am now closing the cause of concern.",
         ("devon-and-cornwall-police", COC, CLOSED, "how long it takes to answer 999 and "
          "101 calls")),
    # Near-miss: with two findings in the story, the headline's may be either: kept apart.
    case("Cause of concern on staff checks at Devon and Cornwall Police\n"
         "Inspectors raised a cause of concern about vetting at Devon and Cornwall Police. "
         "A second cause of concern, about custody, was raised in May.",
         ("devon-and-cornwall-police", COC, None, "staff checks"),
         ("devon-and-cornwall-police", COC, OPEN, "vetting"),
         ("devon-and-cornwall-police", COC, OPEN, "custody")),
    # Near-miss: a later sentence about a different, plural set closes nothing named.
    case("In 2023 inspectors raised a cause of concern about 999 call handling at Dorset "
         "Police. Other forces have closed their causes of concern.",
         ("dorset-police", COC, None, "999 call handling")),
    # Near-miss: a plan to close it later is no closure.
    case("In 2023 inspectors raised a cause of concern about 999 call handling at Dorset "
         "Police. They expect to close the cause of concern next year.",
         ("dorset-police", COC, None, "999 call handling")),
    case("Of the six recommendations made to Durham Constabulary, four are partly achieved "
         "and two have been discharged. The one on missing children is partly achieved.",
         ("durham-constabulary", REC, OPEN, "missing children")),
]

# Subjects: the finding, not the force or a clause around it.
SUBJECTS = [
    case("Inspectors raised three causes of concern about Avon and Somerset Police. The "
         "causes related to how the force investigates rape, the accuracy of its crime "
         "recording and the supervision of its detectives.",
         ("avon-and-somerset-constabulary", COC, OPEN, "how the force investigates rape"),
         ("avon-and-somerset-constabulary", COC, OPEN, "the accuracy of its crime recording"),
         ("avon-and-somerset-constabulary", COC, OPEN, "the supervision of its detectives")),
    case("We have closed the causes of concern relating to crime data integrity and to "
         "call handling at Norfolk Constabulary.",
         ("norfolk-constabulary", COC, CLOSED, "crime data integrity"),
         ("norfolk-constabulary", COC, CLOSED, "call handling")),
    # Near-miss: inside a clause, "and to" joins the objects of its verb.
    case("The causes of concern relating to how Norfolk Constabulary responds to calls and "
         "to emails remain open.",
         ("norfolk-constabulary", COC, OPEN, "how Norfolk Constabulary responds to calls and "
          "to emails")),
    case("We have closed the causes of concern about vetting and about custody at Norfolk "
         "Constabulary.",
         ("norfolk-constabulary", COC, CLOSED, "vetting"),
         ("norfolk-constabulary", COC, CLOSED, "custody")),
    case("Neither of the two causes of concern at Sussex Police has been addressed. The "
         "first relates to how the force protects children; the second to how it "
         "manages sex offenders.",
         ("sussex-police", COC, OPEN, "how the force protects children"),
         ("sussex-police", COC, OPEN, "how it manages sex offenders")),
    # After a colon, ", and" goes on with the list, even before a clause with "when".
    case("Inspectors found three causes of concern at Essex Police: its vetting backlog, "
         "how it records crime, and how it responds when people go missing.",
         ("essex-police", COC, OPEN, "its vetting backlog"),
         ("essex-police", COC, OPEN, "how it records crime"),
         ("essex-police", COC, OPEN, "how it responds when people go missing")),
    # Near-miss: "the second to be …" is no gapped lead.
    case("Kent Police has two causes of concern. The first relates to vetting; the second "
         "to be examined is custody.",
         ("kent-police", COC, None, "vetting")),
    # A force name alone is no subject.
    case("Inspectors have closed two of the three causes of concern they raised about "
         "Thames Valley Police, following a revisit to the force in May."),
    case("HMICFRS has raised a cause of concern about Cleveland Police, following its "
         "inspection in March."),
    case("The recommendations, which concern how Dyfed-Powys Police records hate crime and "
         "how it supports victims, were made in 2022.",
         ("dyfed-powys-police", REC, None, "how Dyfed-Powys Police records hate crime"),
         ("dyfed-powys-police", REC, None, "how it supports victims")),
]

GAPS = {
    "which concern how Dyfed-Powys": "subjects in an aside after the finding",
}


def _marked(params: list) -> list:
    return [pytest.param(*p.values, id=p.id, marks=[_gap(GAPS[k]) for k in GAPS
                                                    if k in p.values[0]])
            for p in params]


BATTERY = MARKERS + UNMARKED + NEAR_MISS_FORMS + STATUSES + SUBJECTS


@pytest.mark.parametrize("text,expected", _marked(BATTERY))
def test_item_forms(text: str, expected: list[tuple]) -> None:
    missing, extra = _unmatched(text, expected)
    assert not missing and not extra, {"missing": missing, "extra": extra}


def test_the_battery_is_large_enough() -> None:
    assert len(BATTERY) >= 40


def test_every_gap_names_one_case() -> None:
    for key in GAPS:
        assert sum(key in p.values[0] for p in BATTERY) == 1, key


def test_a_lettered_list_read_from_a_file_keeps_its_marker_out_of_the_subject() -> None:
    raw = ("Inspectors made two recommendations to West Mercia Police:\n\n"
           "(a) improve the supervision of its investigations;\n"
           "(b) make sure victims are updated.\n")
    document = dataclasses.replace(parse_text(raw, url="probe"), published_date=PUBLISHED)
    found = [e for e in extract_events(document) if e.subject and e.subject_kind == REC]
    assert len(found) == 2, found
    assert not any(e.subject.startswith(("(", "a)", "b)")) for e in found), found

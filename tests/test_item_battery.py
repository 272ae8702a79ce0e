"""A battery of item phrasings: causes of concern and recommendations named one by one.

Each case is a short text written for this file (one to four sentences, published 12 June
2024) and every item it must give: (force, kind, status, subject words). A row matches as
the real-set score matches it: force, kind and status equal, and the subject sharing words
with the expected one (a Jaccard share of at least 0.3 after stop words, or one inside the
other). A case passes when every expected row is found and nothing else is given.

The cases span the forms UK press copy uses: lead-ins after the finding, "X was identified
as a cause of concern", concerns given as reasons for a move into Engage, lists after a
colon or in bullets, members named one by one, back-references to subjects named the
sentence before, recommendations as "the force should …", statuses said for a group, said
later, negated, partial or not said; and near-misses that give nothing.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document
from pipeline.parse.text import parse_text

PUBLISHED = date(2024, 6, 12)
COC, REC = "cause_of_concern", "recommendation"
OPEN, CLOSED = "open", "closed"
_STOP = {"the", "a", "an", "of", "to", "and", "in", "on", "for", "its", "it", "with", "how",
         "that", "by", "is", "are", "be", "force", "forces"}
_SHARE = 0.3  # the real-set score's subject share


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (text or "").lower())) - _STOP


def _agrees(expected: str, found: str | None) -> bool:
    e, f = _words(expected), _words(found)
    if not e or not f:
        return False
    return len(e & f) / len(e | f) >= _SHARE or e <= f or f <= e


def _items(text: str) -> list:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return [e for e in events if e.event_type == "recommendation" and e.count_total is None
            and e.count_closed is None and e.count_open is None]


def _unmatched(text: str, expected: list[tuple]) -> tuple[list, list]:
    found = _items(text)
    left = list(found)
    missing = []
    for force_id, kind, status, subject in expected:
        hit = next((e for e in left if (e.force_id, e.subject_kind, e.status or None) == (
            force_id, kind, status) and _agrees(subject, e.subject)), None)
        if hit is None:
            missing.append((force_id, kind, status, subject))
        else:
            left.remove(hit)
    return missing, [(e.force_id, e.subject_kind, e.status, e.subject) for e in left]


def _gap(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


def case(text: str, *rows: tuple, marks=()):
    return pytest.param(text, list(rows), id=text[:50], marks=marks)


# Causes of concern named after a lead-in: about, over, relating to, in respect of, regarding.
LEADS = [
    case("HMICFRS has raised a cause of concern about the way Cheshire Constabulary "
         "supervises its child abuse investigations.",
         ("cheshire-constabulary", COC, OPEN, "supervises its child abuse investigations")),
    case("Inspectors issued Humberside Police with a cause of concern over the length of time "
         "it takes to answer 101 calls.",
         ("humberside-police", COC, OPEN, "the length of time it takes to answer 101 calls")),
    case("A cause of concern relating to the protection of vulnerable children in Cleveland "
         "Police was closed last month.",
         ("cleveland-police", COC, CLOSED, "the protection of vulnerable children")),
    case("Suffolk Constabulary still has an open cause of concern in respect of its handling "
         "of domestic abuse cases.",
         ("suffolk-constabulary", COC, OPEN, "its handling of domestic abuse cases")),
    case("The inspectorate said the cause of concern regarding crime recording at Wiltshire "
         "Police had been discharged.",
         ("wiltshire-police", COC, CLOSED, "crime recording")),
    case("Warwickshire Police was given a new cause of concern about how it manages "
         "registered sex offenders.",
         ("warwickshire-police", COC, OPEN, "how it manages registered sex offenders")),
    # An aside saying when it was raised stands between the finding and its lead-in.
    case("The cause of concern, which was raised in 2022, about vetting at Kent Police "
         "remains open.",
         ("kent-police", COC, OPEN, "vetting")),
    case("Inspectors have closed the cause of concern, first raised in 2021, over how Dorset "
         "Police supervises its detectives.",
         ("dorset-police", COC, CLOSED, "how Dorset Police supervises its detectives")),
    # No status said: the item is named, its status is null.
    case("The cause of concern on missing children at Merseyside Police was discussed at the "
         "board meeting.",
         ("merseyside-police", COC, None, "missing children")),
]

# "X was identified as a cause of concern" and other copulas.
COPULAS = [
    case("The way Northumbria Police records violent crime was identified as a cause of "
         "concern.",
         ("northumbria-police", COC, OPEN, "records violent crime")),
    case("Inspectors identified Kent Police's management of its vetting backlog as a cause "
         "of concern.",
         ("kent-police", COC, OPEN, "management of its vetting backlog")),
    case("For Staffordshire Police, the speed of its emergency response remains a cause of "
         "concern.",
         ("staffordshire-police", COC, OPEN, "the speed of its emergency response")),
    case("Response times to 999 calls in Essex Police are no longer a cause of concern, "
         "inspectors said.",
         ("essex-police", COC, CLOSED, "response times to 999 calls")),
    case("Kent Police's vetting of new recruits is no longer a cause for concern.",
         ("kent-police", COC, CLOSED, "vetting of new recruits")),
    # Negated: not a finding at all.
    case("Inspectors said the condition of custody suites at Surrey Police was not a cause of "
         "concern."),
    case("Gwent Police's handling of stalking cases was highlighted as a cause for concern "
         "in the report.",
         ("gwent-police", COC, OPEN, "handling of stalking cases")),
]

# Concerns named as the reasons for a move into Engage.
REASONS = [
    case("Sussex Police has been moved into Engage because of concerns about its crime "
         "recording and its response to missing people.",
         ("sussex-police", COC, OPEN, "its crime recording"),
         ("sussex-police", COC, OPEN, "its response to missing people")),
    case("Derbyshire Constabulary was placed in special measures over concerns about how it "
         "investigates rape.",
         ("derbyshire-constabulary", COC, OPEN, "how it investigates rape")),
    case("Lincolnshire Police has been put into enhanced monitoring after the inspectorate "
         "raised concerns about the supervision of investigations.",
         ("lincolnshire-police", COC, OPEN, "the supervision of investigations")),
    case("North Wales Police entered the Engage phase due to concerns over its call handling "
         "and its management of offenders.",
         ("north-wales-police", COC, OPEN, "its call handling"),
         ("north-wales-police", COC, OPEN, "its management of offenders")),
]

REASONS += [
    case("Cheshire Constabulary was escalated to Engage after inspectors found weaknesses "
         "in the way it protects vulnerable children.",
         ("cheshire-constabulary", COC, OPEN, "the way it protects vulnerable children")),
    # What a report found, with no failing named, is no concern named.
    case("Cheshire Constabulary was escalated to Engage after a report found that it had "
         "not recorded thousands of crimes."),
    case("Northumbria Police has been placed into Engage after inspectors found \"serious "
         "weaknesses\" in how it handles domestic abuse.",
         ("northumbria-police", COC, OPEN, "how it handles domestic abuse")),
    case("West Midlands Police went into special measures following an inspection that found "
         "serious failings in how it investigates crime.",
         ("west-midlands-police", COC, OPEN, "how it investigates crime")),
    # A force that stays in Engage is not moved there: what inspectors found is no reason.
    case("Kent Police remains in Engage after inspectors found that it had not made enough "
         "progress."),
    # Causes of concern named otherwise name what was found better.
    case("Essex Police was moved into Engage after inspectors found failings in how it "
         "answers the phone. Its one cause of concern, about call handling, remains open.",
         ("essex-police", COC, OPEN, "call handling")),
]

# Lists after a colon, in bullets, or member by member.
LISTS = [
    case("Two causes of concern remain for Durham Constabulary: the way it handles 999 "
         "calls; and the quality of its safeguarding referrals.",
         ("durham-constabulary", COC, OPEN, "the way it handles 999 calls"),
         ("durham-constabulary", COC, OPEN, "the quality of its safeguarding referrals")),
    case("HMICFRS raised three causes of concern with Leicestershire Police:\n"
         "- recording crime accurately;\n- protecting vulnerable adults;\n"
         "- managing sex offenders.",
         ("leicestershire-police", COC, OPEN, "recording crime accurately"),
         ("leicestershire-police", COC, OPEN, "protecting vulnerable adults"),
         ("leicestershire-police", COC, OPEN, "managing sex offenders")),
    case("Three of Staffordshire Police's five causes of concern have now been closed: "
         "vetting, custody, and the way it handles complaints.",
         ("staffordshire-police", COC, CLOSED, "vetting"),
         ("staffordshire-police", COC, CLOSED, "custody"),
         ("staffordshire-police", COC, CLOSED, "the way it handles complaints")),
    case("Only one recommendation is still outstanding for Kent Police: improving the "
         "supervision of its detectives.",
         ("kent-police", REC, OPEN, "improving the supervision of its detectives")),
    case("Cambridgeshire Constabulary had two causes of concern. One, on call handling, was "
         "closed; the other, on custody, remains open.",
         ("cambridgeshire-constabulary", COC, CLOSED, "call handling"),
         ("cambridgeshire-constabulary", COC, OPEN, "custody")),
    case("Of the three causes of concern raised with Cheshire Constabulary, one, about "
         "vetting, has been closed.",
         ("cheshire-constabulary", COC, CLOSED, "vetting")),
    case("Inspectors issued two causes of concern to Hertfordshire Constabulary, one about "
         "vetting and one about stop and search.",
         ("hertfordshire-constabulary", COC, OPEN, "vetting"),
         ("hertfordshire-constabulary", COC, OPEN, "stop and search")),
    case("Surrey Police has closed both of its causes of concern, on crime data integrity "
         "and on child protection.",
         ("surrey-police", COC, CLOSED, "crime data integrity"),
         ("surrey-police", COC, CLOSED, "child protection")),
]

# Back-references to subjects named in an earlier sentence.
BACK_REFERENCES = [
    case("Inspectors found failings in how Avon and Somerset Constabulary answers emergency "
         "calls and in how it protects children. Both were identified as causes of concern.",
         ("avon-and-somerset-constabulary", COC, OPEN, "answers emergency calls"),
         ("avon-and-somerset-constabulary", COC, OPEN, "protects children")),
    case("Inspectors concluded that Humberside Police was not recording crime accurately. "
         "This was identified as a cause of concern.",
         ("humberside-police", COC, OPEN, "not recording crime accurately")),
    case("The inspection found that Leicestershire Police had let its vetting backlog grow, "
         "and was failing to supervise investigations. These two were identified as causes "
         "of concern.",
         ("leicestershire-police", COC, OPEN, "let its vetting backlog grow"),
         ("leicestershire-police", COC, OPEN, "failing to supervise investigations")),
    # No finding sentence before: a pronoun names nothing.
    case("Essex Police was graded good at responding to the public. This was identified as a "
         "cause of concern last year."),
    case("HMICFRS raised a cause of concern with Nottinghamshire Police about its handling of "
         "domestic abuse. It has since been closed.",
         ("nottinghamshire-police", COC, CLOSED, "its handling of domestic abuse")),
    case("Inspectors raised two causes of concern with South Yorkshire Police. The first is "
         "about investigation standards and the second is about custody.",
         ("south-yorkshire-police", COC, OPEN, "investigation standards"),
         ("south-yorkshire-police", COC, OPEN, "custody")),
]

# A counted part named after its status: "The two that have not been are about …".
BACK_REFERENCES += [
    case("Kent Police has achieved nine of its eleven recommendations. The two that have not "
         "been achieved are about victim updates and the use of body-worn video.",
         ("kent-police", REC, OPEN, "victim updates"),
         ("kent-police", REC, OPEN, "the use of body-worn video")),
    case("Of the four recommendations made to Gwent Police, three are complete. The one still "
         "outstanding relates to the training of call handlers.",
         ("gwent-police", REC, OPEN, "the training of call handlers")),
    case("Essex Police has closed two of its five recommendations; the three that remain open "
         "concern custody, vetting and stop and search.",
         ("essex-police", REC, OPEN, "custody"),
         ("essex-police", REC, OPEN, "vetting"),
         ("essex-police", REC, OPEN, "stop and search")),
]

BACK_REFERENCES += [
    case("Six of Lincolnshire Police's nine recommendations have been closed. The remaining "
         "three, including one about crime recording, are still open.",
         ("lincolnshire-police", REC, OPEN, "crime recording")),
]

BACK_REFERENCES += [
    # A member named apart from the closed count of its sentence is one still open.
    case("Of the six recommendations made to Hertfordshire Constabulary, four have been "
         "closed, one is nearly done and one, on stalking, has barely started.",
         ("hertfordshire-constabulary", REC, OPEN, "stalking")),
]

# Recommendations: "that the force should …", "the force should …", in prose or a list.
RECOMMENDATIONS = [
    case("The report recommended that Dorset Police should improve how it records crimes "
         "reported by vulnerable people.",
         ("dorset-police", REC, OPEN, "improve how it records crimes reported by vulnerable "
          "people")),
    case("HMICFRS made one recommendation to Thames Valley Police: that the force should "
         "review the way it allocates investigations.",
         ("thames-valley-police", REC, OPEN, "review the way it allocates investigations")),
    # A numbered list as the parser stores it (see test_a_numbered_list_read_from_a_file).
    case("Inspectors made two recommendations to West Mercia Police.\n"
         "- The force should improve the supervision of its investigations.\n"
         "- The force should make sure victims are updated.",
         ("west-mercia-police", REC, OPEN, "improve the supervision of its investigations"),
         ("west-mercia-police", REC, OPEN, "make sure victims are updated")),
    # Bullets that do not add up to the count are not the counted findings.
    case("Inspectors made three recommendations to Cleveland Police.\n"
         "- The force has a new chief constable.\n"
         "- Its budget has been cut."),
    case("The recommendation that Norfolk Constabulary trains its call handlers in risk "
         "assessment has now been achieved.",
         ("norfolk-constabulary", REC, CLOSED, "trains its call handlers in risk "
          "assessment")),
    case("Inspectors recommended that North Yorkshire Police should improve its vetting "
         "process; this recommendation remains outstanding.",
         ("north-yorkshire-police", REC, OPEN, "improve its vetting process")),
]

# Statuses said for a group, said later, negated, partial, or not said.
STATUSES = [
    case("Greater Manchester Police had causes of concern about crime recording, about "
         "victims and about custody. All three have now been closed.",
         ("greater-manchester-police", COC, CLOSED, "crime recording"),
         ("greater-manchester-police", COC, CLOSED, "victims"),
         ("greater-manchester-police", COC, CLOSED, "custody")),
    case("In 2022 inspectors raised a cause of concern about the vetting of officers at "
         "Cleveland Police. The concern about vetting has since been discharged.",
         ("cleveland-police", COC, CLOSED, "the vetting of officers")),
    case("The cause of concern about how West Yorkshire Police investigates burglary has not "
         "yet been closed.",
         ("west-yorkshire-police", COC, OPEN, "how West Yorkshire Police investigates "
          "burglary")),
    case("Inspectors found the cause of concern about call handling at Bedfordshire Police "
         "had been partly addressed.",
         ("bedfordshire-police", COC, OPEN, "call handling")),
    case("The cause of concern about stop and search at the Metropolitan Police Service "
         "remains open.",
         ("metropolitan-police-service", COC, OPEN, "stop and search")),
    case("Northamptonshire Police's cause of concern about its control room was closed in "
         "May, while the one about missing people is still open.",
         ("northamptonshire-police", COC, CLOSED, "its control room"),
         ("northamptonshire-police", COC, OPEN, "missing people")),
    case("HMICFRS confirmed it had signed off the cause of concern about repeat victims at "
         "Devon and Cornwall Police.",
         ("devon-and-cornwall-police", COC, CLOSED, "repeat victims")),
]

# Wordings a release quotes or reports; another force's item stays that force's.
VOICES = [
    case("\"We have closed the cause of concern about crime recording at Kent Police,\" the "
         "inspector said.",
         ("kent-police", COC, CLOSED, "crime recording")),
    case("The inspector told the panel that the cause of concern over Gwent Police's custody "
         "provision was still open.",
         ("gwent-police", COC, OPEN, "custody provision")),
    case("Kent Police has closed its cause of concern about custody. A cause of concern about "
         "custody at Essex Police remains open.",
         ("kent-police", COC, CLOSED, "custody"),
         ("essex-police", COC, OPEN, "custody")),
    case("Inspectors said Dyfed-Powys Police had achieved the recommendation to improve how it "
         "shares information with partners.",
         ("dyfed-powys-police", REC, CLOSED, "improve how it shares information with "
          "partners")),
    case("South Wales Police: the cause of concern about call handling has been closed, and "
         "the cause of concern about vetting remains.",
         ("south-wales-police", COC, CLOSED, "call handling"),
         ("south-wales-police", COC, OPEN, "vetting")),
]

STATUSES += [
    # A pronoun opening the next sentence says where the finding just named stands.
    case("Inspectors issued Dyfed-Powys Police with a cause of concern about its control "
         "room. It remains open.",
         ("dyfed-powys-police", COC, OPEN, "its control room")),
    case("Durham Constabulary had two causes of concern, on vetting and on custody. Both "
         "have now been discharged.",
         ("durham-constabulary", COC, CLOSED, "vetting"),
         ("durham-constabulary", COC, CLOSED, "custody")),
    # "It" doing something is the force, not the finding.
    case("Sussex Police was issued with a cause of concern about custody. It has met two of "
         "the recommendations.",
         ("sussex-police", COC, OPEN, "custody")),
    # "the concern about X" restating a named cause of concern, later.
    case("Avon and Somerset Constabulary was given a cause of concern about stop and search. "
         "The concern about stop and search was signed off in April.",
         ("avon-and-somerset-constabulary", COC, CLOSED, "stop and search")),
    # … and a concern that restates none is nobody's finding.
    case("Kent Police has a cause of concern about custody. The concern about knife crime in "
         "the town remains, the mayor said.",
         ("kent-police", COC, None, "custody")),
]

# Near-misses: nothing named, or nothing that is the inspectorate's finding for a force.
NEAR_MISSES = [
    case("Inspectors gave Kent Police an area for improvement about how it records "
         "anti-social behaviour."),
    case("Essex Police was graded requires improvement for investigating crime."),
    case("HMICFRS recommended that all chief constables should review how their forces use "
         "stop and search."),
    case("Inspectors raised a cause of concern with Essex County Fire and Rescue Service "
         "about its fire safety audits."),
    case("If Surrey Police fails to improve, inspectors could raise a cause of concern about "
         "its custody suites."),
    case("Forces are moved into Engage when a cause of concern about their performance is "
         "not being addressed."),
    case("The Independent Office for Police Conduct recommended that Lancashire Constabulary "
         "should review its complaint handling."),
    case("Police Scotland was told by HMICS that its call handling was a cause for concern."),
    case("Inspectors will decide in the autumn whether a cause of concern about vetting should "
         "be raised with Cumbria Constabulary."),
    case("Across England and Wales, 120 recommendations on vetting were made to forces."),
]

# Cases the extractor does not yet read, by what it misses.
GAPS = {
    "Greater Manchester Police had causes of concern ":
        "a group status ('All three have now been closed') said later",
    "Inspectors will decide in the autumn whether a c":
        "'whether' makes the finding hypothetical",
}


def _marked(params: list) -> list:
    return [pytest.param(*p.values, id=p.id, marks=[_gap(GAPS[k]) for k in GAPS
                                                    if p.values[0].startswith(k)])
            for p in params]


BATTERY = LEADS + COPULAS + REASONS + LISTS + BACK_REFERENCES + RECOMMENDATIONS + (
    STATUSES + VOICES + NEAR_MISSES)


@pytest.mark.parametrize("text,expected", _marked(BATTERY))
def test_item_battery(text: str, expected: list[tuple]) -> None:
    missing, extra = _unmatched(text, expected)
    assert not missing and not extra, {"missing": missing, "extra": extra}


def test_the_battery_is_large_enough() -> None:
    assert len(BATTERY) >= 40


def test_every_gap_names_one_case() -> None:
    for prefix in GAPS:
        assert sum(p.values[0].startswith(prefix) for p in BATTERY) == 1, prefix


def test_a_numbered_list_read_from_a_file() -> None:
    raw = ("Inspectors made two recommendations to West Mercia Police.\n\n"
           "1. The force should improve the supervision of its investigations.\n"
           "2. The force should make sure victims are updated.\n")
    document = dataclasses.replace(parse_text(raw, url="probe"), published_date=PUBLISHED)
    found = [e for e in extract_events(document) if e.subject and e.status == OPEN]
    assert sorted(e.subject_kind for e in found) == [REC, REC], found
    assert any(_agrees("make sure victims are updated", e.subject) for e in found), found

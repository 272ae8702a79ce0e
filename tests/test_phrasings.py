"""Phrasings from outside the corpus: moves that must be found and look-alikes that must not.

Each case is a sentence as real copy writes it, with the phase changes a reader would list.
Published 12 June 2024, so relative dates resolve against that day.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)

CASES = [
    ("HM Inspectorate of Constabulary and Fire & Rescue Services has moved Cleveland Police "
     "out of the Engage phase of its monitoring process.",
     {("cleveland-police", "engage", "scan", "2024-06-12", "day")}),
    ("Following a recommendation from HM Inspector of Constabulary Michelle Skeer, HM Chief "
     "Inspector of Constabulary Sir Andy Cooke has decided to move Sussex Police into Engage.",
     {("sussex-police", "scan", "engage", "2024-06-12", "day")}),
    ("The Metropolitan Police has been taken out of special measures, the police watchdog "
     "said on Monday.",
     {("metropolitan-police-service", "engage", "scan", "2024-06-10", "day")}),
    ("Bedfordshire Police was moved into enhanced monitoring in March 2021 and left in "
     "July 2022.",
     {("bedfordshire-police", "scan", "engage", "2021-03-01", "month"),
      ("bedfordshire-police", "engage", "scan", "2022-07-01", "month")}),
    ("Greater Manchester Police came out of special measures in October 2022.",
     {("greater-manchester-police", "engage", "scan", "2022-10-01", "month")}),
    ("Derbyshire Constabulary was placed on the Engage list on 03/04/2023.",
     {("derbyshire-constabulary", "scan", "engage", "2023-04-03", "day")}),
    ("Humberside Police's period of enhanced monitoring ended on the 5th of June.",
     {("humberside-police", "engage", "scan", "2024-06-05", "day")}),
    ("Two forces, Wiltshire Police and Gloucestershire Constabulary, were placed into Engage "
     "last year.",
     {("wiltshire-police", "scan", "engage", "2023-01-01", "year"),
      ("gloucestershire-constabulary", "scan", "engage", "2023-01-01", "year")}),
    ("Special measures have been lifted for Staffs Police.",
     {("staffordshire-police", "engage", "scan", "2024-06-12", "day")}),
    # Look-alikes: no move.
    ("Kent Police will now be monitored under the routine Scan phase.", set()),
    ("Nottinghamshire Police has avoided being placed in special measures.", set()),
    ("Essex Police has not been placed into Engage, despite concerns.", set()),
    ("Surrey Police could return to Engage if it fails to improve.", set()),
    ("Leicestershire Fire and Rescue Service has been placed into Engage.", set()),
    ("Police Scotland will engage with communities across the Highlands.", set()),
    ("Officers from Durham Constabulary scan vehicle number plates using cameras.", set()),
    ("Durham Constabulary remains in the Scan phase.", set()),
    ("Avon and Somerset Constabulary remains under enhanced monitoring.", set()),
    ("Forces may be escalated to Engage if they are not addressing a cause of concern.", set()),
    # A comparison's force moved too, as its relative clause says (a background exit with
    # no date); the subject did not.
    ("Gwent Police recovered faster than Greater Manchester Police, which left special "
     "measures after two years.",
     {("greater-manchester-police", "engage", "scan", None, None)}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_phase_changes(text, expected):
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    found = {(e.force_id, e.phase_from, e.phase_to, e.event_date.isoformat()
              if e.event_date else None, e.date_precision)
             for e in events if e.event_type == "phase_change"}
    assert found == expected


STATEMENT_CASES = [
    ('Chief Constable Welcomes Decision To Lift Special Measures\nKent Police has been removed '
     'from special measures. Chief Constable Tim Smith said: "This is great news for the '
     'people of Kent."', {("Tim Smith", "chief_constable", "Kent Police")}),
    ('"We have answered more calls than ever," said Dame Lynne Owens, Deputy Commissioner of '
     'the Metropolitan Police Service.',
     {("Lynne Owens", "deputy_chief_constable", "Metropolitan Police Service")}),
    ("Sir Andy Cooke said Essex Police had made real progress.",
     {("Andy Cooke", "hm_chief_inspector", "HMICFRS")}),
    ("Dan Pryce, who chairs West Midlands Police Federation, said officers were exhausted.",
     {("Dan Pryce", "other", "West Midlands Police Federation")}),
    ("A Kent Police spokesperson said: \"We will keep improving our response times.\"", set()),
    ('Kent Police said: "We accept every one of the findings in this report."', set()),
    # A fire and rescue story: the inspector's words still count (the same inspectors inspect
    # police forces), and belong to no police force.
    ("HM Inspector of Fire and Rescue Services Roy Wilsher said the service had improved "
     "its culture, and firefighters should be proud.",
     {("Roy Wilsher", "hm_inspector", "HMICFRS")}),
]


@pytest.mark.parametrize("text,expected", STATEMENT_CASES, ids=[c[0][:40] for c in STATEMENT_CASES])
def test_statements(text, expected):
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    found = {(e.person_name, e.person_role, e.person_org)
             for e in events if e.event_type == "statement"}
    assert found == expected


# Titles in every order, abbreviated or in full, and the role code each one gives
# (GUIDELINES: commissioners, deputy mayors for policing and APCC officers are PCCs; HM
# Inspectors and the Chief Inspector have their own codes; everyone else is `other`).
ROLE_CASES = [
    ("Ch Supt Mark Jones said the operation had been a success.", "Mark Jones", "other"),
    ("T/ACC Priya Nair said the new control room would open in May.", "Priya Nair",
     "assistant_chief_constable"),
    ("Acting Chief Constable Rachel Swann said the force had learned from the report.",
     "Rachel Swann", "chief_constable"),
    ("The Chief Constable of Essex Police, Ben-Julian Harrington, said response times had "
     "improved.", "Ben-Julian Harrington", "chief_constable"),
    ("Essex's chief constable, Ben-Julian Harrington, said response times had improved.",
     "Ben-Julian Harrington", "chief_constable"),
    ("Ben-Julian Harrington, Chief Constable of Essex Police, said response times had improved.",
     "Ben-Julian Harrington", "chief_constable"),
    ("The Deputy Chief Constable (DCC) Owen Price said the plan was on track.", "Owen Price",
     "deputy_chief_constable"),
    ("Priya Nair (Assistant Chief Constable) presented the item and highlighted the risks.",
     "Priya Nair", "assistant_chief_constable"),
    ("PFCC Roger Hirst welcomed the findings.", "Roger Hirst", "police_and_crime_commissioner"),
    ("Deputy Mayor for Policing and Crime Alison Lowe said the report was encouraging.",
     "Alison Lowe", "police_and_crime_commissioner"),
    ("Sussex PCC Katy Bourne, chair of the APCC, said commissioners would respond.",
     "Katy Bourne", "police_and_crime_commissioner"),
    ("Sam Lee, chair of the Association of Police and Crime Commissioners, said commissioners "
     "would respond.", "Sam Lee", "police_and_crime_commissioner"),
    ("Durham Police, Crime and Victims' Commissioner Joy Allen welcomed the grades.",
     "Joy Allen", "police_and_crime_commissioner"),
    ("Staffordshire Commissioner Ben Adams said the force had improved.", "Ben Adams",
     "police_and_crime_commissioner"),
    ("Commissioner Sir Mark Rowley said the Met had more to do.", "Mark Rowley", "commissioner"),
    ("Assistant Commissioner Matt Twist told the committee the unit had been reorganised.",
     "Matt Twist", "assistant_chief_constable"),
    ("HMI Wendy Williams said the force must improve how it supervises investigations.",
     "Wendy Williams", "hm_inspector"),
    ("HMCI Andy Cooke said more forces were struggling to answer calls.", "Andy Cooke",
     "hm_chief_inspector"),
    ("His Majesty's Chief Inspector of Constabulary, Sir Andy Cooke, said forces must do "
     "better.", "Andy Cooke", "hm_chief_inspector"),
    ("The Home Secretary, Yvette Cooper, said the government would act.", "Yvette Cooper",
     "minister"),
    ("Policing minister Dame Diana Johnson said the figures were a concern.", "Diana Johnson",
     "minister"),
    ("Superintendent Dave Rowe, of the Police Superintendents' Association, said workloads were "
     "too high.", "Dave Rowe", "other"),
    ("Jane Hill MP said her constituents deserved better.", "Jane Hill", "other"),
    ("Councillor Tom Reeves, cabinet member for community safety, welcomed the news.",
     "Tom Reeves", "other"),
    ("Peter Holt, HM Chief Inspector of Prisons, said the jail was unsafe.", "Peter Holt",
     "other"),
    ("Nina Ford, the Victims' Commissioner, said victims were being let down.", "Nina Ford",
     "other"),
    ("IOPC Director General Rachel Watson said the review would be published.",
     "Rachel Watson", "other"),
    ("The panel's Chief Executive Officer Sam Reid said the budget was balanced.", "Sam Reid",
     "other"),
    ("Federation secretary Tom Hale said officers were tired.", "Tom Hale", "other"),
]


@pytest.mark.parametrize("text,name,role", ROLE_CASES, ids=[c[0][:40] for c in ROLE_CASES])
def test_titles_in_every_order(text, name, role):
    events = extract_events(Document(url="probe", title="", text="Kent update\n" + text,
                                     published_date=PUBLISHED))
    found = {(e.person_name, e.person_role) for e in events if e.event_type == "statement"}
    assert found == {(name, role)}

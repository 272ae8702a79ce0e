"""A battery of item forms that lists, parentheses and later restatements take.

Each case is a short text written for this file, scored as tests/test_item_battery.py
scores its cases. The forms: list items that run on into the next marker on one line
("…; and iii) …", as a page's wrapped lines are joined); a list whose introduction says two
things and whose colon belongs to the last ("one was closed; three remain open:"); members
named in brackets after their count ("one (crime recording) was closed"); a group status
for findings named the sentence before ("Both have now been signed off"); the force named
between a finding and what it is about ("raised a cause of concern with the force about
…"); members of a counted set after "including" when the count names its force ("in
Norfolk"); and near-misses that must keep to what they say.
"""

from __future__ import annotations

import pytest

from tests.test_item_battery import CLOSED, COC, OPEN, REC, _gap, _unmatched, case

RUN_ONS = [
    case("Two causes of concern remain open for Dorset Police:\n(a) the supervision of "
         "detectives; and (b) how it records hate crime.",
         ("dorset-police", COC, OPEN, "the supervision of detectives"),
         ("dorset-police", COC, OPEN, "how it records hate crime")),
    case("Of the five recommendations made to Avon and Somerset Police, three have been "
         "closed by the inspectorate:\n1) the review of its vetting backlog;\n2) training "
         "for its call handlers; and 3) an audit of its use of force records.",
         ("avon-and-somerset-constabulary", REC, CLOSED, "review of its vetting backlog"),
         ("avon-and-somerset-constabulary", REC, CLOSED, "training for its call handlers"),
         ("avon-and-somerset-constabulary", REC, CLOSED, "audit of its use of force records")),
    case("Cheshire Constabulary still has two recommendations outstanding:\ni) the timeliness "
         "of its case files, or ii) the quality of its victim updates.",
         ("cheshire-constabulary", REC, OPEN, "timeliness of its case files"),
         ("cheshire-constabulary", REC, OPEN, "quality of its victim updates")),
    # A marker out of order is part of the item's words, not a new item.
    case("One cause of concern remains open for Kent Police:\n(a) how it handles calls about "
         "missing people; and (c) below.",
         ("kent-police", COC, OPEN, "how it handles calls about missing people")),
]

LAST_CLAUSE = [
    case("Of Suffolk Constabulary's five causes of concern, two have been discharged; three "
         "are still open:\n- its response to stalking;\n- the vetting of staff;\n- how it "
         "deals with missing children.",
         ("suffolk-constabulary", COC, OPEN, "its response to stalking"),
         ("suffolk-constabulary", COC, OPEN, "the vetting of staff"),
         ("suffolk-constabulary", COC, OPEN, "how it deals with missing children")),
    case("Cleveland Police had six recommendations; four of them have now been closed, and "
         "two remain outstanding:\n- the recording of strip searches;\n- the training of "
         "custody staff.",
         ("cleveland-police", REC, OPEN, "the recording of strip searches"),
         ("cleveland-police", REC, OPEN, "the training of custody staff")),
    # No status after the last break: the finding's own status holds.
    case("Inspectors have signed off, after a revisit in March, these causes of concern for "
         "Durham Constabulary:\n- the supervision of investigations;\n- its call handling.",
         ("durham-constabulary", COC, CLOSED, "the supervision of investigations"),
         ("durham-constabulary", COC, CLOSED, "its call handling")),
]

BRACKETS = [
    case("Of the three causes of concern given to Leicestershire Police, one (the recording "
         "of crime) has been closed.",
         ("leicestershire-police", COC, CLOSED, "the recording of crime")),
    case("Northumbria Police was given five recommendations. Three (staff vetting, custody "
         "checks and call handling) have been met; two remain open.",
         ("northumbria-police", REC, CLOSED, "staff vetting"),
         ("northumbria-police", REC, CLOSED, "custody checks"),
         ("northumbria-police", REC, CLOSED, "call handling")),
    # A share in brackets names nothing.
    case("Of the 12 recommendations, 9 (75%) have been closed at Kent Police."),
    case("Two of Essex Police's four recommendations (on vetting and on call handling) were "
         "signed off in May.",
         ("essex-police", REC, CLOSED, "vetting"),
         ("essex-police", REC, CLOSED, "call handling")),
    # A page reference in brackets names nothing.
    case("Three causes of concern (see page 4) remain open for Hertfordshire Constabulary."),
]

GROUPS = [
    case("Staffordshire Police's handling of 101 calls and its management of sex offenders "
         "were named as causes of concern in 2023. Both have now been signed off.",
         ("staffordshire-police", COC, CLOSED, "handling of 101 calls"),
         ("staffordshire-police", COC, CLOSED, "management of sex offenders"),
         marks=[_gap("a group status said the sentence after is not read")]),
    case("Inspectors found that Avon and Somerset Police was slow to answer 999 calls and "
         "that its vetting was poor. Both were identified as causes of concern in 2022 and "
         "both have since been closed.",
         ("avon-and-somerset-constabulary", COC, CLOSED, "slow to answer 999 calls"),
         ("avon-and-somerset-constabulary", COC, CLOSED, "its vetting was poor")),
    case("Inspectors found that Avon and Somerset Police was slow to answer 999 calls and "
         "that its vetting was poor. Both were identified as causes of concern in 2022 and "
         "both remain open.",
         ("avon-and-somerset-constabulary", COC, OPEN, "slow to answer 999 calls"),
         ("avon-and-somerset-constabulary", COC, OPEN, "its vetting was poor")),
    # Named in a recap with no status after: where they stand is not said.
    case("Inspectors found that Avon and Somerset Police was slow to answer 999 calls and "
         "that its vetting was poor. Both were identified as causes of concern in 2022.",
         ("avon-and-somerset-constabulary", COC, None, "slow to answer 999 calls"),
         ("avon-and-somerset-constabulary", COC, None, "its vetting was poor")),
    case("Lincolnshire Police entered Engage in 2023 over concerns about how it records crime "
         "and how it supervises investigations. The crime recording concern has since been "
         "closed; the concern about supervision remains.",
         ("lincolnshire-police", COC, CLOSED, "how it records crime"),
         ("lincolnshire-police", COC, OPEN, "how it supervises investigations"),
         marks=[_gap("a short restatement ('the crime recording concern') is not tied to "
                     "the finding it restates")]),
]

FORCE_BETWEEN = [
    case("We have raised a cause of concern with Merseyside Police about the way it "
         "safeguards children in custody.",
         ("merseyside-police", COC, OPEN, "the way it safeguards children in custody")),
    case("A cause of concern was raised with West Yorkshire Police in May regarding its crime "
         "recording.",
         ("west-yorkshire-police", COC, OPEN, "its crime recording")),
    case("Inspectors identified three causes of concern in Norfolk Constabulary, including "
         "its handling of domestic abuse calls.",
         ("norfolk-constabulary", COC, OPEN, "its handling of domestic abuse calls")),
    case("Five causes of concern were found at Humberside Police, among them the supervision "
         "of investigations and the recording of crime.",
         ("humberside-police", COC, OPEN, "the supervision of investigations"),
         ("humberside-police", COC, OPEN, "the recording of crime")),
    # A subject ends where an aside about timing begins.
    case("In May we issued a cause of concern about how Sussex Police investigates stalking, "
         "ahead of publishing the full report.",
         ("sussex-police", COC, OPEN, "how Sussex Police investigates stalking")),
    case("Cumbria Constabulary was inspected in May. We raised a cause of concern with the "
         "constabulary about its handling of missing children.",
         ("cumbria-constabulary", COC, OPEN, "its handling of missing children")),
    case("We have raised a cause of concern with Lancashire Constabulary about the "
         "supervision of its detectives and have made three recommendations to it.",
         ("lancashire-constabulary", COC, OPEN, "the supervision of its detectives")),
    # "on the force's …" is what the finding is about, not whom it was raised with.
    case("Inspectors visited Kent Police in March. They raised a cause of concern on the "
         "force's handling of stalking.",
         ("kent-police", COC, OPEN, "the force's handling of stalking")),
    # Not a force: no item.
    case("We have raised a cause of concern with the Home Office about national vetting "
         "rules."),
]

# A list introduced by "The causes of concern …:" is the set counted before, if as many.
RESTATED_SETS = [
    case("Inspectors issued two causes of concern to Gwent Police this week. The causes of "
         "concern are:\n- how it answers 999 calls;\n- the vetting of its officers.",
         ("gwent-police", COC, OPEN, "how it answers 999 calls"),
         ("gwent-police", COC, OPEN, "the vetting of its officers")),
    case("Of the two causes of concern given to Surrey Police in 2022, both have now been "
         "closed. The causes of concern were:\n- how it answers 999 calls;\n- the vetting "
         "of its officers.",
         ("surrey-police", COC, CLOSED, "how it answers 999 calls"),
         ("surrey-police", COC, CLOSED, "the vetting of its officers")),
    # Three counted, two listed: the list is not that set.
    case("Inspectors raised three causes of concern about Gwent Police this week. The causes "
         "of concern include:\n- how it answers 999 calls;\n- the vetting of its officers.",
         ("gwent-police", COC, None, "how it answers 999 calls"),
         ("gwent-police", COC, None, "the vetting of its officers")),
]

# More forms of the same mechanisms, and near-misses.
MORE = [
    case("Of Thames Valley Police's recommendations, two remain outstanding:\n(a) the "
         "quality of its crime files, and (b) the use of body-worn video.",
         ("thames-valley-police", REC, OPEN, "the quality of its crime files"),
         ("thames-valley-police", REC, OPEN, "the use of body-worn video")),
    case("The inspectorate gave Essex Police two causes of concern this week, including one "
         "on how it handles 999 calls.",
         ("essex-police", COC, OPEN, "how it handles 999 calls")),
    # A report that contains a finding issues it; a status said after it wins.
    case("Published today, the report on Lancashire Constabulary contains one cause of "
         "concern, about how it supervises investigations, with three recommendations.",
         ("lancashire-constabulary", COC, OPEN, "how it supervises investigations")),
    case("The 2021 report on Kent Police contained a cause of concern about its vetting of "
         "new recruits, which has since been closed.",
         ("kent-police", COC, CLOSED, "its vetting of new recruits")),
    # "including" after a clause that names no set of findings lists no members.
    case("Kent Police was given a cause of concern about its vetting this week. The "
         "commissioner oversees the force's work, including the delivery of its "
         "improvement plan.",
         ("kent-police", COC, OPEN, "its vetting")),
    # Reference numbers in brackets name which, not what.
    case("Two recommendations (R3 and R7) remain open at Kent Police."),
    # A fire service's findings are not items.
    case("North Yorkshire Fire and Rescue Service's last cause of concern, on protection "
         "activity, was signed off in January."),
    # "Its" after a fire service's name is the service's.
    case("Cleveland Police has two open causes of concern. Cleveland Fire Brigade was "
         "inspected at the same time. Its last cause of concern, on protection work, was "
         "signed off in May."),
    case("Durham and Darlington Fire and Rescue Service was inspected in May. Durham "
         "Constabulary was inspected in June. Its last cause of concern, on the vetting of "
         "new officers, was signed off in July.",
         ("durham-constabulary", COC, CLOSED, "the vetting of new officers")),
    case("Gwent Police still has three open recommendations:\n1) the review of its custody "
         "records;\n2) the recording of hate crime; or 3) the audit of its firearms "
         "licensing.",
         ("gwent-police", REC, OPEN, "the review of its custody records"),
         ("gwent-police", REC, OPEN, "the recording of hate crime"),
         ("gwent-police", REC, OPEN, "the audit of its firearms licensing")),
]

# Tables whose header names no kind: a "Summary" column in a table the header or the
# sentence before says is of recommendations.
TABLES = [
    case("Progress at Bedfordshire Police is set out below.\nRec | Summary | Lead | Status\n"
         "R1 | Review every open stalking case | ACC Crime | Complete\n"
         "R2 | Train call handlers in risk assessment | Head of Contact | In progress",
         ("bedfordshire-police", REC, CLOSED, "Review every open stalking case"),
         ("bedfordshire-police", REC, OPEN, "Train call handlers in risk assessment")),
    case("The following table shows progress on the recommendations made to Kent Police.\n"
         "No. | Description | Progress\n1 | Audit the use of strip search | Not yet started\n"
         "2 | Publish vetting outcomes every quarter | Achieved",
         ("kent-police", REC, OPEN, "Audit the use of strip search"),
         ("kent-police", REC, CLOSED, "Publish vetting outcomes every quarter")),
    # A table of grades is not a table of findings.
    case("Kent Police was graded in five areas.\nArea | Summary | Grade\nInvestigations | "
         "Victims wait too long for updates | Adequate\nCall handling | Calls are answered "
         "quickly | Good"),
    # A heading in capitals names no subject.
    case("KENT POLICE RECOMMENDATIONS: ANNUAL REVIEW\nKent Police has met most of them."),
]

# A counted set, a relative clause, then a verb saying what its members are about.
PREDICATES = [
    case("Kent Police has closed four of its six recommendations. The two recommendations "
         "that remain open concern the vetting of new staff and the training of custody "
         "officers.",
         ("kent-police", REC, OPEN, "the vetting of new staff"),
         ("kent-police", REC, OPEN, "the training of custody officers")),
    case("Sussex Police was given three recommendations in 2024. The three recommendations, "
         "which have all been implemented, dealt with stalking risk checks, bail conditions "
         "and the supervision of case files.",
         ("sussex-police", REC, CLOSED, "stalking risk checks"),
         ("sussex-police", REC, CLOSED, "bail conditions"),
         ("sussex-police", REC, CLOSED, "the supervision of case files")),
    # Two counted, one topic: no members named.
    case("The two recommendations at Kent Police concern staffing levels."),
]

# A numbered paragraph that ends with a colon over a list of its own introduces it.
NESTED = [
    case("Dear Chief Constable,\n\n2. We made four recommendations to Dyfed-Powys Police in "
         "2023.\n\n3. Those that have now been achieved are:\n(a) the review of its bail "
         "decisions;\n(b) the training of its custody sergeants.\n\n4. The other two remain "
         "in progress.",
         ("dyfed-powys-police", REC, CLOSED, "the review of its bail decisions"),
         ("dyfed-powys-police", REC, CLOSED, "the training of its custody sergeants")),
    case("1.1 West Mercia Police still has two causes of concern open, on:\n- how it "
         "supervises investigations;\n- the vetting of its staff.",
         ("west-mercia-police", COC, OPEN, "how it supervises investigations"),
         ("west-mercia-police", COC, OPEN, "the vetting of its staff")),
    # Numbered paragraphs without a colon stay prose, each saying what it says.
    case("1. Lincolnshire Police was inspected in May.\n2. The recommendation on its "
         "vetting backlog has been achieved.\n3. We will write again in the autumn.",
         ("lincolnshire-police", REC, CLOSED, "its vetting backlog")),
]

# A finding's label opening a line, its subject, then its status after a dash.
LABEL_LINES = [
    case("Cumbria Constabulary was given three recommendations. Progress is as follows:\n"
         "Recommendation 1: Triage of missing person reports – Complete\n"
         "Recommendation 2: Supervision of stalking cases – Not started",
         ("cumbria-constabulary", REC, CLOSED, "Triage of missing person reports"),
         ("cumbria-constabulary", REC, OPEN, "Supervision of stalking cases")),
    # Numbered labels naming the members of a set just identified: open, however long.
    case("We have identified two causes of concern at Humberside Police.\n"
         "Cause of concern 1: the way the force supervises its investigations\n"
         "Too many cases are closed without a check. Four recommendations.\n"
         "Cause of concern 2: how the force protects children who go missing from care homes "
         "and from their families\n"
         "Visits are late.",
         ("humberside-police", COC, OPEN, "the way the force supervises its investigations"),
         ("humberside-police", COC, OPEN, "how the force protects children who go missing")),
    # What follows the dash says no status: the set's own stands (given, so open).
    case("Cumbria Constabulary was given three recommendations.\n"
         "Recommendation 3: Training for call handlers – the force has begun this work",
         ("cumbria-constabulary", REC, OPEN, "Training for call handlers")),
]

# An exit that recounts the entry and its reasons in a clause after it.
RECOUNTED_ENTRY = [
    case("Essex Police has been taken out of special measures, three years after it was "
         "placed in them over concerns about its 101 service and the vetting of its staff.\n"
         "Both causes of concern were closed at a revisit in May.",
         ("essex-police", COC, CLOSED, "its 101 service"),
         ("essex-police", COC, CLOSED, "the vetting of its staff")),
    # The force has left since: where each stands now is not said.
    case("Essex Police has left Engage, two years since it entered the process amid concerns "
         "about how it supervises investigations.",
         ("essex-police", COC, None, "how it supervises investigations")),
    # Concerns about the exit itself are no reasons for an entry.
    case("Essex Police has left Engage amid concerns about the pace of the decision."),
]

BATTERY = (MORE + PREDICATES + TABLES + RESTATED_SETS + RUN_ONS + LAST_CLAUSE + BRACKETS + GROUPS
           + FORCE_BETWEEN + NESTED + LABEL_LINES
           + RECOUNTED_ENTRY)


@pytest.mark.parametrize("text,expected", BATTERY)
def test_item_runons(text: str, expected: list[tuple]) -> None:
    missing, extra = _unmatched(text, expected)
    assert not missing and not extra, {"missing": missing, "extra": extra}


def test_the_battery_is_large_enough() -> None:
    assert len(BATTERY) >= 40

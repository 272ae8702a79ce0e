"""Items: causes of concern and recommendations named one by one, with their status.

Every text is written for this test. An item is (force, kind, status) with a subject that
must contain the expected words; published 12 June 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_events
from pipeline.models import Document

PUBLISHED = date(2024, 6, 12)
COC, REC = "cause_of_concern", "recommendation"

CASES = [
    # A lead-in names the subject; the verb after it or before the finding gives the status.
    ("The cause of concern about how Kent Police records crime has now been closed.",
     [("kent-police", COC, "closed", "how Kent Police records crime")]),
    ("HMICFRS has raised a cause of concern with Essex Police about its call handling.",
     [("essex-police", COC, "open", "its call handling")]),
    # A negated closing word: still open.
    ("Inspectors found that Surrey Police had not yet addressed the cause of concern on "
     "missing children.", [("surrey-police", COC, "open", "missing children")]),
    ("Inspectors found that Surrey Police hadn't fully addressed the cause of concern about "
     "stalking.", [("surrey-police", COC, "open", "stalking")]),
    # Closing that has not happened says nothing beyond "remaining".
    ("Bedfordshire Police must improve further before the remaining cause of concern on "
     "crime recording can be closed.",
     [("bedfordshire-police", COC, "open", "crime recording")]),
    # Counted subjects are split; a clause is one subject.
    ("Durham Constabulary has closed two of its three causes of concern, on custody and on "
     "vetting.", [("durham-constabulary", COC, "closed", "custody"),
                  ("durham-constabulary", COC, "closed", "vetting")]),
    ("The remaining two causes of concern for Norfolk Constabulary, on call handling and the "
     "quality of its investigations, are still open.",
     [("norfolk-constabulary", COC, "open", "call handling"),
      ("norfolk-constabulary", COC, "open", "the quality of its investigations")]),
    # A copula: the subject stands before it.
    ("The report says the backlog of vetting renewals at Dyfed-Powys Police is a cause for "
     "concern.", [("dyfed-powys-police", COC, "open", "the backlog of vetting renewals")]),
    # Brackets and appositions.
    ("Inspectors have now published the remaining causes of concern for Dorset Police (call "
     "handling, and the protection of vulnerable adults).",
     [("dorset-police", COC, "open", "call handling"),
      ("dorset-police", COC, "open", "the protection of vulnerable adults")]),
    # A recap of an earlier issue says what was raised then, not where it stands now.
    ("On 3 March 2022, inspectors published the remaining causes of concern for Dorset Police "
     "(call handling, and the protection of vulnerable adults).",
     [("dorset-police", COC, None, "call handling"),
      ("dorset-police", COC, None, "the protection of vulnerable adults")]),
    # A list introduced by a finding sentence.
    ("Inspectors raised two causes of concern with Cumbria Constabulary about how the force:\n"
     "- answers non-emergency calls; and\n- supervises investigations.",
     [("cumbria-constabulary", COC, "open", "answers non-emergency calls"),
      ("cumbria-constabulary", COC, "open", "supervises investigations")]),
    ("Both causes of concern for Gwent Police have now been closed. They related to:\n"
     "- the way it grades emergency calls;\n- the support it gives to repeat victims.",
     [("gwent-police", COC, "closed", "the way it grades emergency calls"),
      ("gwent-police", COC, "closed", "the support it gives to repeat victims")]),
    # One finding restated in other words is one item.
    ("HMICFRS issued a cause of concern to Lincolnshire Police about the management of "
     "registered sex offenders. The cause of concern about how the force manages registered "
     "sex offenders remains open.",
     [("lincolnshire-police", COC, "open", "registered sex offenders")]),
    # Items named by reference to findings just counted.
    ("Lancashire Constabulary had two causes of concern. One of them, on investigation "
     "standards, has been closed. The other, on custody, remains open.",
     [("lancashire-constabulary", COC, "closed", "investigation standards"),
      ("lancashire-constabulary", COC, "open", "custody")]),
    # What recommendations ask for, stated after a colon or a copula.
    ("Inspectors made two recommendations to Kent Police on custody: that the force reviews "
     "its detention logs, and that it trains every sergeant in risk assessment.",
     [("kent-police", REC, "open", "reviews its detention logs"),
      ("kent-police", REC, "open", "trains every sergeant in risk assessment")]),
    ("HMICFRS made two recommendations to Devon and Cornwall Police to deal with this: that "
     "it publishes its response times; that it answers complaints within a month.",
     [("devon-and-cornwall-police", REC, "open", "publishes its response times"),
      ("devon-and-cornwall-police", REC, "open", "answers complaints within a month")]),
    ("The report makes five recommendations for Dorset Police. One of the recommendations is "
     "that the force should make sure that victims are told about delays.",
     [("dorset-police", REC, "open", "victims are told about delays")]),
    # A "that" after someone's words is no recommendation's statement.
    ("HMICFRS made several recommendations to Avon and Somerset Police, and the chief "
     "constable said that the force would act on them.", []),
    # Concerns named as the reasons for a move into Engage are open causes of concern.
    ("Cleveland Police has been moved into Engage because:\n- it does not answer 101 calls "
     "quickly enough; and\n- it does not record crime accurately.",
     [("cleveland-police", COC, "open", "answer 101 calls"),
      ("cleveland-police", COC, "open", "record crime accurately")]),
    ("Inspectors said Wiltshire Police needs to improve how it safeguards children. Because of "
     "these concerns, the force has been placed into enhanced monitoring.",
     [("wiltshire-police", COC, "open", "how it safeguards children")]),
    ("Kent Police has been placed in special measures over concerns about how it answers "
     "999 calls, the inspectorate said.", [("kent-police", COC, "open", "how it answers 999")]),
    ("Surrey Police has entered Engage following the inspectorate's serious concerns "
     "regarding its custody suites and its vetting backlog.",
     [("surrey-police", COC, "open", "its custody suites"),
      ("surrey-police", COC, "open", "its vetting backlog")]),
    # A move recounted from years before names its reasons: open unless the text says otherwise.
    ("Essex Police was moved into Engage in 2021 after inspectors raised concerns about its "
     "crime recording.", [("essex-police", COC, "open", "its crime recording")]),
    # What a report found years ago, given as the reason, names no finding that stands now.
    ("Essex Police was moved into Engage in 2021 after inspectors found failings in how it "
     "answers calls.", []),
    # A heading that names one finding labels the sentence after it; recommendations listed
    # under a cause of concern that is newly issued are open with it.
    ("We have issued a cause of concern to Humberside Police about how it protects children "
     "at risk of exploitation.\nCause of concern\nThe force needs to improve how it protects "
     "children at risk of exploitation.\nThe force should, "
     "within three months:\n- review every open missing-child case; and\n- train its call "
     "handlers to spot exploitation.",
     [("humberside-police", COC, "open", "protects children at risk of exploitation"),
      ("humberside-police", REC, "open", "review every open missing-child case"),
      ("humberside-police", REC, "open", "train its call handlers")]),
    # Look-alikes: no items.
    ("The inspectorate identified an area for improvement in how Kent Police records stop "
     "and search.", []),
    ("Our recommendations for Essex Police on vetting are set out in chapter four.", []),
    ("Cornwall Fire and Rescue Service has closed its cause of concern on culture.", []),
    ("The IOPC recommends that Cheshire Constabulary should:\n- review its training; and\n"
     "- update its pursuit policy.", []),
    ("Surrey Police has been removed from Engage because it has made improvements. These "
     "include:\n- faster answering of 999 calls; and\n- better crime recording.", []),
    ("The cause of concern has been closed, Kent Police said.", []),
    ("Essex Police has left special measures after concerns about its crime recording were "
     "addressed.", []),
    ("The Metropolitan Police Service was placed into special measures after years of "
     "concern about its performance.", []),
]


def _items(text: str) -> list:
    events = extract_events(Document(url="probe", title="", text=text,
                                     published_date=PUBLISHED))
    return [e for e in events if e.event_type == "recommendation" and e.count_total is None
            and e.count_closed is None and e.count_open is None]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:45] for c in CASES])
def test_item_phrasings(text, expected):
    found = _items(text)
    assert len(found) == len(expected), [(e.subject, e.status) for e in found]
    for force_id, kind, status, words in expected:
        assert any((e.force_id, e.subject_kind, e.status) == (force_id, kind, status)
                   and words.lower() in (e.subject or "").lower() for e in found), (
            words, [(e.subject_kind, e.subject, e.status) for e in found])


def test_item_evidence_is_the_text_it_came_from():
    text = next(c[0] for c in CASES if c[0].startswith("We have issued"))
    document = Document(url="probe", title="", text=text, published_date=PUBLISHED)
    for event in extract_events(document):
        assert document.text[event.char_start : event.char_end] == event.evidence


AS_CASES = [
    ("HMICFRS identified the way Suffolk Constabulary manages sex offenders as a cause of "
     "concern.", ("open", "the way Suffolk Constabulary manages sex offenders")),
    ("Norfolk Constabulary's handling of 999 calls was identified as a cause of concern.",
     ("open", "handling of 999 calls")),
    # A recap: what was raised then, not where it stands.
    ("Norfolk Constabulary's handling of 999 calls was identified as a cause of concern in "
     "2022.", (None, "handling of 999 calls")),
]


@pytest.mark.parametrize("text,expected", AS_CASES, ids=[c[0][:45] for c in AS_CASES])
def test_named_as_a_cause_of_concern(text, expected):
    found = [(e.status, e.subject) for e in _items(text)]
    assert len(found) == 1 and found[0][0] == expected[0] and expected[1] in found[0][1], found


def test_as_without_a_naming_verb_is_no_item():
    assert _items("Inspectors will keep this as a cause of concern for Kent Police.") == []


MORE_CASES = [
    # An apposition names the subject.
    ("On 2 May inspectors reported one cause of concern, the supervision of investigations, "
     "to Kent Police.", [("kent-police", COC, "open", "the supervision of investigations")]),
    # A recap after a sentence that dates the inspection: no status of its own.
    ("Between 3 and 14 April 2023, we inspected Essex Police. During our inspection, we "
     "identified a cause of concern about how it manages sex offenders.",
     [("essex-police", COC, None, "how it manages sex offenders")]),
    # "The two that remain open concern …": counted by reference, split by the count.
    ("Surrey Police has closed four of its six recommendations. The two that remain open "
     "concern custody and the timeliness of its 101 service.",
     [("surrey-police", REC, "open", "custody"),
      ("surrey-police", REC, "open", "the timeliness of its 101 service")]),
    # The open one named after "but" in the sentence that counts them.
    ("Durham Constabulary has closed three of its four causes of concern, but work remains "
     "on vetting.", [("durham-constabulary", COC, "open", "vetting")]),
    # A tracker's "this recommendation" names the recommendation its text states.
    ("Norfolk Constabulary: recommendation tracker\nWithin six months, the force should "
     "review how it audits crime records.\nThe force reported in March that this "
     "recommendation had been completed.",
     [("norfolk-constabulary", REC, "closed", "review how it audits crime records")]),
    # In prose and in a relative clause after a counted finding.
    ("Inspectors recommended that Kent Police should clear its backlog of vetting renewals.",
     [("kent-police", REC, "open", "clear its backlog of vetting renewals")]),
    # Made years before: what it asks, not where it stands.
    ("In 2019 inspectors recommended that Kent Police should clear its backlog of vetting "
     "renewals.", [("kent-police", REC, None, "clear its backlog of vetting renewals")]),
    ("The report makes three recommendations to Gwent Police, the most urgent of which is "
     "that the force should recruit more call handlers.",
     [("gwent-police", REC, "open", "recruit more call handlers")]),
    # "… and closed the causes of concern on both": the two coordinated before.
    ("Inspectors found that Cleveland Police had improved its call handling and its crime "
     "recording, and closed the causes of concern on both.",
     [("cleveland-police", COC, "closed", "its call handling"),
      ("cleveland-police", COC, "closed", "its crime recording")]),
    # A counted summary is not an item when the findings are named one by one; named by
    # their place in the set, they were raised with it (open).
    ("Inspectors raised two causes of concern with Wiltshire Police about how it serves the "
     "public. The first is about call handling. The second is about crime recording.",
     [("wiltshire-police", COC, "open", "call handling"),
      ("wiltshire-police", COC, "open", "crime recording")]),
    # A finding that only qualifies another takes no status from the other's verb.
    ("Four of the six recommendations attached to the cause of concern on vetting at Kent "
     "Police have been closed.", [("kent-police", COC, None, "vetting")]),
    # A vague count names a topic, not findings.
    ("HMICFRS made several recommendations to Essex Police about call handling.", []),
    # The reasons a sentence counts before a colon.
    ("Lincolnshire Police has been placed in enhanced monitoring. The decision follows an "
     "inspection which found three areas where the force must improve: how it records "
     "crime; how it answers calls; and how it supervises investigations.",
     [("lincolnshire-police", COC, "open", "how it records crime"),
      ("lincolnshire-police", COC, "open", "how it answers calls"),
      ("lincolnshire-police", COC, "open", "how it supervises investigations")]),
]


@pytest.mark.parametrize("text,expected", MORE_CASES, ids=[c[0][:45] for c in MORE_CASES])
def test_more_item_phrasings(text, expected):
    test_item_phrasings(text, expected)


GENERAL_CASES = [
    # A dash aside after a finding names it; the verb after the aside gives the status.
    ("Inspectors found that both of Norfolk Constabulary's causes of concern – on custody "
     "checks, and on missing children – have been closed.",
     [("norfolk-constabulary", COC, "closed", "custody checks"),
      ("norfolk-constabulary", COC, "closed", "missing children")]),
    ("All three recommendations made to Essex Police — on vetting, on training and on "
     "supervision — remain outstanding.",
     [("essex-police", REC, "open", "vetting"), ("essex-police", REC, "open", "training"),
      ("essex-police", REC, "open", "supervision")]),
    # ... after a short relative clause over the counted findings, and after "both of the".
    ("Both of the causes of concern that took Cumbria Constabulary into Engage – its 101 "
     "service and its custody checks – have now been discharged.",
     [("cumbria-constabulary", COC, "closed", "its 101 service"),
      ("cumbria-constabulary", COC, "closed", "its custody checks")]),
    # ... an aside inside a relative clause that counts nothing names nothing.
    ("The causes of concern that remain at Kent Police – and the chief expects more – are "
     "serious.", []),
    # ... an aside that names nothing is not a subject.
    ("Kent Police closed a cause of concern – a welcome step – in the spring.", []),
    # A finding or a confirmation makes "can be closed" report the closing; "too soon to
    # close" and a conditional do not.
    ("When inspectors went back to Kent Police in May they found that the cause of concern "
     "about stalking could be closed.", [("kent-police", COC, "closed", "stalking")]),
    ("I can confirm that the cause of concern on vetting at Durham Constabulary can now be "
     "closed.", [("durham-constabulary", COC, "closed", "vetting")]),
    ("Inspectors found that it was too soon to close the cause of concern on custody at Gwent "
     "Police.", [("gwent-police", COC, None, "custody")]),
    # "found that" reports; "found a cause of concern" raises one.
    ("Inspectors found a cause of concern at Gwent Police about custody.",
     [("gwent-police", COC, "open", "custody")]),
    # An item named by its place in a set raised in an earlier sentence is raised with it;
    # a set only partly closed passes no status on.
    ("HMICFRS raised two causes of concern with Cheshire Constabulary. The first concerns how "
     "it supervises investigations; the second concerns its vetting backlog.",
     [("cheshire-constabulary", COC, "open", "how it supervises investigations"),
      ("cheshire-constabulary", COC, "open", "its vetting backlog")]),
    ("Of the three causes of concern given to Merseyside Police, two have been closed. The "
     "first was about call handling.", [("merseyside-police", COC, None, "call handling")]),
    # "The remaining one" is one of the set counted last, and "partly achieved" is not done.
    ("Sussex Police was given five recommendations under its cause of concern on custody. It "
     "has met four; the remaining one, on cell checks, is still open.",
     [("sussex-police", COC, None, "custody"), ("sussex-police", REC, "open", "cell checks")]),
    ("Lancashire Constabulary has achieved four of its five recommendations. The fifth, on "
     "data sharing, is only partly achieved.",
     [("lancashire-constabulary", REC, "open", "data sharing")]),
    # A bullet that names its own finding says where it stands.
    ("Progress against the recommendations made to Dorset Police:\n- the recommendation that "
     "the force trains all call handlers has been achieved;\n- the recommendation to audit "
     "crime records has not yet been achieved.",
     [("dorset-police", REC, "closed", "the force trains all call handlers"),
      ("dorset-police", REC, "open", "audit crime records")]),
    ("We identified five causes of concern at Avon and Somerset Constabulary. I can now "
     "confirm that two of them can be closed:\n- the cause of concern about stalking "
     "victims;\n- the cause of concern about custody records.",
     [("avon-and-somerset-constabulary", COC, "closed", "stalking victims"),
      ("avon-and-somerset-constabulary", COC, "closed", "custody records")]),
    # Causes of concern listed right after a move into Engage reported now are its reasons,
    # though the inspection that found them was months ago; after a recap, no status.
    ("Northumbria Police has today been moved into Engage. Our inspection, which finished in "
     "January 2024, identified three causes of concern. In short, they relate to:\n- how it "
     "answers calls;\n- how it records crime; and\n- how it runs custody.",
     [("northumbria-police", COC, "open", "how it answers calls"),
      ("northumbria-police", COC, "open", "how it records crime"),
      ("northumbria-police", COC, "open", "how it runs custody")]),
    ("Northumbria Police was moved into Engage in 2021. In 2023 we reviewed its causes of "
     "concern, which were:\n- how it answers calls; and\n- how it runs custody.",
     [("northumbria-police", COC, None, "how it answers calls"),
      ("northumbria-police", COC, None, "how it runs custody")]),
    # The named open one is every open one the tally counts: the other named ones are
    # closed. When the tally does not say which, the recap's reasons keep no status.
    ("Kent Police was placed in Engage in 2021, after a run of inspections that raised "
     "concerns about its call handling, its custody suites and its crime recording, among "
     "other matters. Of the four causes of concern given to the force, all but one have now "
     "been closed. The cause of concern that remains open is about its vetting backlog.",
     [("kent-police", COC, "closed", "its call handling"),
      ("kent-police", COC, "closed", "its custody suites"),
      ("kent-police", COC, "closed", "its crime recording"),
      ("kent-police", COC, "open", "its vetting backlog")]),
    ("Kent Police was placed in Engage in 2021 over concerns about its call handling and its "
     "custody suites. Of the four causes of concern given to the force, three have now been "
     "closed.", [("kent-police", COC, None, "its call handling"),
                 ("kent-police", COC, None, "its custody suites")]),
    # A participle saying who closed it ends the subject.
    ("Dorset Police has had its cause of concern about custody closed by the inspectorate.",
     [("dorset-police", COC, "closed", "custody")]),
]


@pytest.mark.parametrize("text,expected", GENERAL_CASES,
                         ids=[c[0][:45] for c in GENERAL_CASES])
def test_general_item_phrasings(text, expected):
    test_item_phrasings(text, expected)


MEMBER_CASES = [
    # A counted set named member by member, after a colon or a comma.
    ("Inspectors raised two causes of concern with Devon and Cornwall Police: one about how it "
     "answers emergency calls, and one about the way it records crime.",
     [("devon-and-cornwall-police", COC, "open", "how it answers emergency calls"),
      ("devon-and-cornwall-police", COC, "open", "the way it records crime")]),
    ("Surrey Police was given two causes of concern, one covering its custody suites and the "
     "other covering the way it supervises investigations.",
     [("surrey-police", COC, "open", "its custody suites"),
      ("surrey-police", COC, "open", "the way it supervises investigations")]),
    ("Durham Constabulary has closed two causes of concern, one on stalking, the other on "
     "missing children.", [("durham-constabulary", COC, "closed", "stalking"),
                           ("durham-constabulary", COC, "closed", "missing children")]),
    # A relative clause about one of them names none.
    ("Durham Constabulary was given two causes of concern, one of which has been closed.", []),
    # Members that do not add up to the count name none.
    ("Kent Police was given three causes of concern, one about custody and one about vetting.",
     []),
]


@pytest.mark.parametrize("text,expected", MEMBER_CASES, ids=[c[0][:45] for c in MEMBER_CASES])
def test_member_by_member(text, expected):
    test_item_phrasings(text, expected)


REFERRED_CASES = [
    # A plural finding's verb as its lead-in; a status word between count and noun.
    ("The three overdue recommendations for Kent Police relate to custody checks, the "
     "disclosure of evidence and the recording of searches.",
     [("kent-police", REC, "open", "custody checks"),
      ("kent-police", REC, "open", "the disclosure of evidence"),
      ("kent-police", REC, "open", "the recording of searches")]),
    # A pronoun names what the sentence before counts, with the status that sentence gives.
    ("Essex Police has five causes of concern. Two have been closed. The other three remain "
     "open. They relate to custody, the quality of investigations, and the vetting of "
     "officers.", [("essex-police", COC, "open", "custody"),
                   ("essex-police", COC, "open", "the quality of investigations"),
                   ("essex-police", COC, "open", "the vetting of officers")]),
    ("Suffolk Constabulary was given five recommendations. Three of them have been closed. "
     "They relate to custody, vetting and training.",
     [("suffolk-constabulary", REC, "closed", "custody"),
      ("suffolk-constabulary", REC, "closed", "vetting"),
      ("suffolk-constabulary", REC, "closed", "training")]),
    # "They cover", and the finding named again after its determiner.
    ("Durham Constabulary was moved into Engage after inspectors raised two causes of "
     "concern. They cover the handling of 101 calls and the supervision of detectives.",
     [("durham-constabulary", COC, "open", "the handling of 101 calls"),
      ("durham-constabulary", COC, "open", "the supervision of detectives")]),
    ("Dorset Police was moved into Engage after inspectors raised two causes of concern. The "
     "causes of concern cover missing children and stalking cases.",
     [("dorset-police", COC, "open", "missing children"),
      ("dorset-police", COC, "open", "stalking cases")]),
    # The force the findings are about, then a colon and their list.
    ("Inspectors raised two causes of concern about Lincolnshire Police: the handling of "
     "101 calls and the supervision of detectives.",
     [("lincolnshire-police", COC, "open", "the handling of 101 calls"),
      ("lincolnshire-police", COC, "open", "the supervision of detectives")]),
    # … but a list of when, not of what, names none.
    ("Inspectors raised two causes of concern about Lincolnshire Police: one in 2021 and "
     "one in 2023.", []),
    # An aside between dashes that lists as many as the count names them.
    ("Cumbria Constabulary had two causes of concern. Both causes of concern – the "
     "handling of 999 calls and the vetting of recruits – have now been closed.",
     [("cumbria-constabulary", COC, "closed", "the handling of 999 calls"),
      ("cumbria-constabulary", COC, "closed", "the vetting of recruits")]),
    # … but an aside that says when, or what else, names none.
    ("Cumbria Constabulary had two causes of concern. The two causes of concern – both "
     "raised in 2022 – have now been closed.", []),
    ("Cumbria Constabulary had two causes of concern – one raised in 2021 and one in 2022 – "
     "when it entered Engage.", []),
    ("Cumbria Constabulary has three recommendations – the most of any force – still open.",
     []),
    # The same opening over a count of something else names no finding.
    ("Dorset Police was moved into Engage after inspectors raised two causes of concern. The "
     "officers cover the north and the west of the county.", []),
    # An ordinal refers to the set a sentence counts, not to a set that only qualifies it.
    ("At that point Kent Police had three causes of concern, with 14 recommendations between "
     "them. The first, on call handling, was closed in June. The second, on vetting, remains "
     "open.", [("kent-police", COC, "closed", "call handling"),
               ("kent-police", COC, "open", "vetting")]),
    ("Kent Police had 14 recommendations. The first, on call handling, was closed in June.",
     [("kent-police", REC, "closed", "call handling")]),
    # The sentence before counts something else, or a different number: no items.
    ("Kent Police has two causes of concern. Two officers were praised. They relate to custody "
     "and vetting.", []),
    ("Kent Police was given four recommendations. They relate to custody and vetting.", []),
]


@pytest.mark.parametrize("text,expected", REFERRED_CASES,
                         ids=[c[0][:45] for c in REFERRED_CASES])
def test_referred_sets(text, expected):
    test_item_phrasings(text, expected)


CONCERN_LIST_CASES = [
    # A list of concerns introduced right after a move into Engage gives its reasons.
    ("Norfolk Constabulary has been placed in Engage.\nIn a letter, the inspector set out his "
     "concerns about:\n- the time taken to answer 999 calls;\n- the recording of crime.",
     [("norfolk-constabulary", COC, "open", "the time taken to answer 999 calls"),
      ("norfolk-constabulary", COC, "open", "the recording of crime")]),
    ("Cheshire Constabulary was moved into enhanced monitoring today. The inspectorate listed "
     "these concerns:\n- how it supervises investigations;\n- how it protects children.",
     [("cheshire-constabulary", COC, "open", "how it supervises investigations"),
      ("cheshire-constabulary", COC, "open", "how it protects children")]),
    # Without a move, someone's concerns are no findings.
    ("Norfolk Constabulary published its annual report.\nThe chief constable set out her "
     "concerns about:\n- the time taken to answer 999 calls;\n- the recording of crime.", []),
]


@pytest.mark.parametrize("text,expected", CONCERN_LIST_CASES,
                         ids=[c[0][:45] for c in CONCERN_LIST_CASES])
def test_concern_lists(text, expected):
    test_item_phrasings(text, expected)


STATUS_LIST_CASES = [
    # Lines that open with a status head the lists of the set counted just before; a list
    # between them does not break the account.
    ("Inspectors have closed three of the five recommendations made to Norfolk "
     "Constabulary.\nClosed since the last letter:\n(a) the vetting of new recruits;\n(b) the "
     "recording of crime reported online.\nStill open, for now:\n(c) the supervision of "
     "neighbourhood teams.",
     [("norfolk-constabulary", REC, "closed", "the vetting of new recruits"),
      ("norfolk-constabulary", REC, "closed", "the recording of crime reported online"),
      ("norfolk-constabulary", REC, "open", "the supervision of neighbourhood teams")]),
    # A status word that qualifies a noun, or a minutes' decision heading, heads no such list.
    ("Norfolk Constabulary has closed three of its five recommendations.\nOpen days this "
     "summer:\n- Norwich station on 3 June\n- Thetford station on 10 June", []),
    ("The panel noted the five recommendations made to Norfolk Constabulary.\nRESOLVED:\n"
     "(i) That the update on the constabulary be noted.\n(ii) That a further report be "
     "brought in June.", []),
]



HEADED_LIST_CASES = [
    # A heading that names the findings introduces the list under it; made with a move
    # into Engage told as news, none is closed yet.
    ("HMICFRS has today placed Suffolk Constabulary in Engage.\nThe three recommendations\n"
     "- Answer 101 calls within the national target.\n- Review every open missing person "
     "case.\n- Train supervisors in risk assessment.\nThe force has begun work on all three.",
     [("suffolk-constabulary", REC, "open", "Answer 101 calls within the national target"),
      ("suffolk-constabulary", REC, "open", "Review every open missing person case"),
      ("suffolk-constabulary", REC, "open", "Train supervisors in risk assessment")]),
    # A title that names findings and goes on is no list's introduction.
    ("Suffolk Constabulary: causes of concern revisit letter\n- Answer 101 calls within the "
     "national target.\n- Review every open missing person case.", []),
]



LABEL_LINE_CASES = [
    # A force's entry on a list of the forces in Engage: the label's value is an open cause
    # of concern, after a colon or a typed bullet.
    ("Forces in Engage\nThe forces we monitor most closely.\nSuffolk Constabulary\nIn Engage "
     "since 4 May 2025\nCauses of concern • the handling of 999 calls\nDorset Police\nIn "
     "Engage since 9 June 2025\nCauses of concern: the vetting of recruits\n",
     [("suffolk-constabulary", COC, "open", "the handling of 999 calls"),
      ("dorset-police", COC, "open", "the vetting of recruits")]),
    # Away from Engage the same line says nothing of its status.
    ("Dorset Police annual report\nThe year in numbers.\nCauses of concern: the vetting of "
     "recruits\n", [("dorset-police", COC, None, "the vetting of recruits")]),
]



def test_a_force_named_like_a_status_word_gives_no_status():
    """"the Met" is no "met": items it names are not closed by its name."""
    text = ("Inspectors raised two causes of concern about the Met: the handling of 999 calls "
            "and the vetting of recruits.")
    test_item_phrasings(text, [
        ("metropolitan-police-service", COC, "open", "the handling of 999 calls"),
        ("metropolitan-police-service", COC, "open", "the vetting of recruits")])


AFTER_REASON_CASES = [
    # Concerns named as what a move into Engage came after are its reasons: open.
    ("Lincolnshire Police was placed into Engage in May 2023, after inspectors raised "
     "concerns about how it answered calls and how it recorded crime.",
     [("lincolnshire-police", COC, "open", "how it answered calls"),
      ("lincolnshire-police", COC, "open", "how it recorded crime")]),
    # … unless the text says they were closed.
    ("Lincolnshire Police was placed into Engage in May 2023. After a revisit, inspectors "
     "closed the causes of concern about how it answered calls and how it recorded crime.",
     [("lincolnshire-police", COC, "closed", "how it answered calls"),
      ("lincolnshire-police", COC, "closed", "how it recorded crime")]),
]


# Lists and label lines: headed by a status, a heading naming the findings, a label's value
# on an entry in the list of the forces in Engage, and the concerns a move came after.
LIST_FORM_CASES = (STATUS_LIST_CASES + HEADED_LIST_CASES + LABEL_LINE_CASES
                   + AFTER_REASON_CASES)


@pytest.mark.parametrize("text,expected", LIST_FORM_CASES,
                         ids=[c[0][:45] for c in LIST_FORM_CASES])
def test_list_forms(text, expected):
    test_item_phrasings(text, expected)

"""A battery of tally phrasings in our own words, written before reading the count rules:
counts issued, raised, made, given, set out and identified; "N of M" and "N out of M";
"of the N ..., M had been ..." with several statuses in one sentence; relative clauses over
a count; "the remaining N"; totals told in one sentence and closures in a later one;
counts in headlines, standfirsts, captions, tables and bulleted lists; "all N", "none of",
"both", "neither", "all but one", "a further two", "two new"; counts that belong to
another force or to the whole country; counts of other things (areas for improvement,
actions, grades, promising practice) beside the findings; and progress updates.

A row is (force, kind, total, closed, open); a text that states no count of a force's
recommendations or causes of concern expects the empty set. Published 3 October 2024.
"""

from __future__ import annotations

import pytest

from tests.tally_probe import COC, REC, battery_params, tallies

VERBS = [
    ("HMICFRS has issued Nottinghamshire Police with three causes of concern.",
     {("nottinghamshire-police", COC, 3, None, None)}),
    ("The inspectorate raised four causes of concern about Wiltshire Police in its latest "
     "report.", {("wiltshire-police", COC, 4, None, None)}),
    ("We have made 13 recommendations to the Metropolitan Police Service.",
     {("metropolitan-police-service", REC, 13, None, None)}),
    ("Cumbria Constabulary was given two causes of concern after the 2023 inspection.",
     {("cumbria-constabulary", COC, 2, None, None)}),
    ("The letter sets out five recommendations for Humberside Police.",
     {("humberside-police", REC, 5, None, None)}),
    ("Inspectors identified one cause of concern at Surrey Police, about the vetting of "
     "new recruits.", {("surrey-police", COC, 1, None, None)}),
    ("Eleven recommendations were made to Norfolk Constabulary in the report published "
     "today.", {("norfolk-constabulary", REC, 11, None, None)}),
    ("After the revisit, inspectors raised two new causes of concern with Gwent Police.",
     {("gwent-police", COC, 2, None, None)}),
    ("HMICFRS found three causes of concern and made 12 recommendations to Kent Police.",
     {("kent-police", COC, 3, None, None), ("kent-police", REC, 12, None, None)}),
    ("North Wales Police has received nine recommendations from the inspectorate.",
     {("north-wales-police", REC, 9, None, None)}),
]

N_OF_M = [
    ("Cleveland Police has now closed eight of its 11 recommendations.",
     {("cleveland-police", REC, 11, 8, 3)}),
    ("Inspectors said three out of five causes of concern at Essex Police had been "
     "discharged.", {("essex-police", COC, 5, 3, 2)}),
    ("Of the 14 recommendations made to Dorset Police, 10 have been implemented.",
     {("dorset-police", REC, 14, 10, 4)}),
    ("Only one of the three causes of concern at Merseyside Police remains open.",
     {("merseyside-police", COC, 3, 2, 1)}),
    ("Only two of Northumbria Police's 10 recommendations are still outstanding.",
     {("northumbria-police", REC, 10, 8, 2)}),
    ("The Met has cleared four of its five causes of concern, the inspectorate said.",
     {("metropolitan-police-service", COC, 5, 4, 1)}),
    ("Derbyshire Constabulary has met 21 of the 27 recommendations, HMICFRS confirmed on "
     "Tuesday.", {("derbyshire-constabulary", REC, 27, 21, 6)}),
    ("Hertfordshire Constabulary has closed one of its two causes of concern.",
     {("hertfordshire-constabulary", COC, 2, 1, 1)}),
]

SEVERAL_STATUSES = [
    ("Of the nine recommendations given to Sussex Police, five had been achieved, two were "
     "partially achieved and two were not achieved.",
     {("sussex-police", REC, 9, 5, 4)}),
    ("Essex Police received 12 recommendations in 2023. Seven of the 12 have been signed "
     "off, four are partly met and one is still open.",
     {("essex-police", REC, 12, 7, 5)}),
    ("Lincolnshire Police: four recommendations have been closed and two remain open.",
     {("lincolnshire-police", REC, 6, 4, 2)}),
    ("Inspectors were satisfied that four of Staffordshire Police's recommendations had been "
     "achieved; three were partly achieved and remain open.",
     {("staffordshire-police", REC, 7, 4, 3)}),
    ("Two causes of concern at Cambridgeshire Constabulary were closed in 2023; the third "
     "remains open.", {("cambridgeshire-constabulary", COC, 3, 2, 1)}),
]

RELATIVE = [
    ("Inspectors looked again at Warwickshire Police's five recommendations, three of which "
     "have now been met.", {("warwickshire-police", REC, 5, 3, 2)}),
    ("HMICFRS issued Bedfordshire Police with eight recommendations, all of which are now "
     "complete.", {("bedfordshire-police", REC, 8, 8, 0)}),
    ("South Yorkshire Police was given seven recommendations, none of which has yet been "
     "fully implemented.", {("south-yorkshire-police", REC, 7, 0, 7)}),
    ("Leicestershire Police has eight recommendations, of which five have been discharged.",
     {("leicestershire-police", REC, 8, 5, 3)}),
    ("Thames Valley Police, which was given four causes of concern in 2022, has since "
     "closed three.", {("thames-valley-police", COC, 4, 3, 1)}),
    ("West Yorkshire Police was given eleven recommendations (eight closed, three open).",
     {("west-yorkshire-police", REC, 11, 8, 3)}),
    ("Durham Constabulary has three causes of concern - two now closed, one still open.",
     {("durham-constabulary", COC, 3, 2, 1)}),
]

REMAINING = [
    ("Sussex Police must still address the remaining two causes of concern.",
     {("sussex-police", COC, None, None, 2)}),
    ("Three causes of concern remain open at Northamptonshire Police.",
     {("northamptonshire-police", COC, None, None, 3)}),
    ("The inspectorate said the remaining four recommendations at Avon and Somerset "
     "Constabulary were still being worked on.",
     {("avon-and-somerset-constabulary", REC, None, None, 4)}),
    ("Two causes of concern at Gloucestershire Constabulary have now been closed.",
     {("gloucestershire-constabulary", COC, None, 2, None)}),
    ("Lancashire Constabulary still has one open cause of concern.",
     {("lancashire-constabulary", COC, None, None, 1)}),
]

LATER_SENTENCE = [
    ("In 2023 HMICFRS gave Kent Police nine recommendations. Inspectors have now signed off "
     "six of them.", {("kent-police", REC, 9, 6, 3)}),
    ("Devon and Cornwall Police was placed in Engage with three causes of concern. Since "
     "then, the force has closed one.", {("devon-and-cornwall-police", COC, 3, 1, 2)}),
    ("HMICFRS raised two causes of concern with Derbyshire Constabulary in 2022, on crime "
     "recording and on child protection. The cause of concern on crime recording was closed "
     "in May.", {("derbyshire-constabulary", COC, 2, 1, 1)}),
    ("Leicestershire Police had closed six of its 12 recommendations by the spring. A "
     "further two have now been signed off.", {("leicestershire-police", REC, 12, 8, 4)}),
    ("Durham Constabulary welcomed the letter. The force has now closed two of its three "
     "causes of concern.", {("durham-constabulary", COC, 3, 2, 1)}),
    ("Cheshire Constabulary was given two causes of concern last year. Both have now been "
     "discharged, HMICFRS said.", {("cheshire-constabulary", COC, 2, 2, 0)}),
]

LAYOUT = [
    ("Cleveland Police clears eight of 11 recommendations\n"
     "The force has made progress, inspectors say.",
     {("cleveland-police", REC, 11, 8, 3)}),
    ("Staffs Police clears both causes of concern\n"
     "Inspectors returned to Staffordshire Police in August.",
     {("staffordshire-police", COC, 2, 2, 0)}),
    ("Watchdog praises Gwent Police progress\n"
     "All seven recommendations now implemented, says HMICFRS\n"
     "Gwent Police has been told it has done what was asked of it.",
     {("gwent-police", REC, 7, 7, 0)}),
    ("Northumbria Police has welcomed the report.\n"
     "Photo: Northumbria Police headquarters. The force has completed nine of its 11 "
     "recommendations.", {("northumbria-police", REC, 11, 9, 2)}),
    ("HMICFRS findings for Essex Police\n"
     "Finding | Number | Closed | Open\n"
     "Causes of concern | 3 | 2 | 1\n"
     "Recommendations | 12 | 9 | 3",
     {("essex-police", COC, 3, 2, 1), ("essex-police", REC, 12, 9, 3)}),
    ("Progress against the inspectorate's findings for Suffolk Constabulary:\n"
     "- causes of concern: 2 (both closed)\n"
     "- recommendations: 9, of which 7 are complete",
     {("suffolk-constabulary", COC, 2, 2, 0), ("suffolk-constabulary", REC, 9, 7, 2)}),
    ("Humberside Police update\nRecommendations closed: 8 of 11",
     {("humberside-police", REC, 11, 8, 3)}),
    ("Force | Causes of concern | Closed\n"
     "Kent Police | 3 | 3\n"
     "Surrey Police | 2 | 0",
     {("kent-police", COC, 3, 3, 0), ("surrey-police", COC, 2, 0, 2)}),
]

QUANTIFIERS = [
    ("All four recommendations made to Dyfed-Powys Police have been implemented.",
     {("dyfed-powys-police", REC, 4, 4, 0)}),
    ("None of the three causes of concern at Greater Manchester Police has yet been closed.",
     {("greater-manchester-police", COC, 3, 0, 3)}),
    ("Both causes of concern raised with Wiltshire Police have now been discharged.",
     {("wiltshire-police", COC, 2, 2, 0)}),
    ("All but one of the nine recommendations made to Lincolnshire Police have been "
     "implemented.", {("lincolnshire-police", REC, 9, 8, 1)}),
    ("Neither of Bedfordshire Police's two causes of concern has been closed.",
     {("bedfordshire-police", COC, 2, 0, 2)}),
    ("Kent Police has implemented all six of the recommendations HMICFRS made.",
     {("kent-police", REC, 6, 6, 0)}),
]

VOICES = [
    ("\"We have closed nine of the 10 recommendations,\" said the Chief Constable of Norfolk "
     "Constabulary, Paul Sanford.", {("norfolk-constabulary", REC, 10, 9, 1)}),
    ("Cumbria Constabulary's chief constable told the panel that the force had discharged "
     "five of its six recommendations.", {("cumbria-constabulary", REC, 6, 5, 1)}),
    ("Minutes: Surrey Police and Crime Panel, 3 September 2024\n"
     "The Chief Constable of Surrey Police reported that 21 of the 27 HMICFRS "
     "recommendations had been discharged.", {("surrey-police", REC, 27, 21, 6)}),
    ("Dear Chief Constable,\nI am writing about the cause of concern we raised in March 2023 "
     "about how Lancashire Constabulary responds to the public. The cause of concern carried "
     "four recommendations. I am satisfied that three have been implemented.",
     {("lancashire-constabulary", REC, 4, 3, 1)}),
    ("The commissioner said she was pleased that Durham Constabulary had addressed all six "
     "recommendations.", {("durham-constabulary", REC, 6, 6, 0)}),
    ("Members noted that of the 15 HMICFRS recommendations for West Mercia Police, 11 were "
     "complete and four in progress.", {("west-mercia-police", REC, 15, 11, 4)}),
]

OTHER_OWNERS = [
    ("Unlike Kent Police, which closed all three of its causes of concern last year, Essex "
     "Police still has two open.",
     {("kent-police", COC, 3, 3, 0), ("essex-police", COC, None, None, 2)}),
    ("Like Gwent Police, which closed both of its causes of concern last year, Cleveland "
     "Police has now closed three of its four.",
     {("gwent-police", COC, 2, 2, 0), ("cleveland-police", COC, 4, 3, 1)}),
    ("North Wales Police has no causes of concern. Dyfed-Powys Police still has four of its "
     "nine recommendations open.", {("dyfed-powys-police", REC, 9, 5, 4)}),
    ("Nationally, 120 recommendations were made; Lincolnshire Police received eight of them.",
     {("lincolnshire-police", REC, 8, None, None)}),
    ("Forces across England and Wales have closed 40 of the 62 causes of concern raised "
     "since 2019.", set()),
    ("There are now 35 open causes of concern nationally, down from 52 a year ago.", set()),
]

OTHER_THINGS = [
    ("The report on Sussex Police sets out 14 areas for improvement and two causes of "
     "concern.", {("sussex-police", COC, 2, None, None)}),
    ("Kent Police's improvement plan has 48 actions, 30 of them complete.", set()),
    ("Inspectors found three examples of promising practice at Surrey Police.", set()),
    ("Merseyside Police was graded good in three areas and adequate in five.", set()),
    ("Nine of the 14 areas for improvement at Cheshire Constabulary have been addressed.",
     set()),
    ("Its 2023 PEEL report made six recommendations to Dorset Police; separately, the cause "
     "of concern issued in May carries three recommendations, two of which are closed.",
     {("dorset-police", REC, 6, None, None), ("dorset-police", REC, 3, 2, 1)}),
    ("Kent Police was given nine recommendations, three of which relate to vetting.",
     {("kent-police", REC, 9, None, None)}),
]

NEAR_MISSES = [
    ("Devon and Somerset Fire and Rescue Service has closed two of its three causes of "
     "concern.", set()),
    ("HMICS made nine recommendations to Police Scotland.", set()),
    ("HMICFRS did not issue any new causes of concern to Norfolk Constabulary.", set()),
    ("If more than two causes of concern remain open in March, Essex Police may be moved "
     "into Engage.", set()),
    ("Kent Police is one of four forces in Engage.", set()),
    ("Three of the five forces inspected were graded inadequate for investigations.", set()),
    ("Staffordshire Police answered 82 of 100 emergency calls within ten seconds.", set()),
    ("The report makes 11 recommendations to chief constables nationally.", set()),
    ("The force could face further recommendations when inspectors return next year, "
     "Cleveland Police said.", set()),
]

WORDINGS = [
    ("HMICFRS identified two causes for concern at Cleveland Police.",
     {("cleveland-police", COC, 2, None, None)}),
    ("Inspectors raised five 'causes of concern' about Kent Police.",
     {("kent-police", COC, 5, None, None)}),
    ("Hampshire and Isle of Wight Constabulary must now tackle its two outstanding causes of "
     "concern.", {("hampshire-and-isle-of-wight-constabulary", COC, None, None, 2)}),
    ("The inspectorate has closed the cause of concern at Avon and Somerset Constabulary and "
     "three of its four recommendations.",
     {("avon-and-somerset-constabulary", REC, 4, 3, 1)}),
    ("At Warwickshire Police nine recommendations are now closed, leaving three.",
     {("warwickshire-police", REC, 12, 9, 3)}),
    ("Three recommendations made to Merseyside Police are yet to be met.",
     {("merseyside-police", REC, None, None, 3)}),
    ("A total of 17 recommendations were made to Gloucestershire Constabulary.",
     {("gloucestershire-constabulary", REC, 17, None, None)}),
    ("Greater Manchester Police received 13 recommendations, all now closed.",
     {("greater-manchester-police", REC, 13, 13, 0)}),
    ("Northamptonshire Police was set 10 recommendations by the inspectorate.",
     {("northamptonshire-police", REC, 10, None, None)}),
    ("Inspectors have signed off five of West Midlands Police's recommendations, with two "
     "still to do.", {("west-midlands-police", REC, 7, 5, 2)}),
    ("Seven of the eight recommendations made to Suffolk Constabulary have been fully "
     "implemented, with the last partly implemented.",
     {("suffolk-constabulary", REC, 8, 7, 1)}),
    ("Of its four causes of concern, Essex Police has now had three lifted.",
     {("essex-police", COC, 4, 3, 1)}),
    ("Progress has been made on all seven recommendations given to Durham Constabulary.",
     {("durham-constabulary", REC, 7, None, None)}),
    ("West Midlands Police: 3 of 5 recommendations closed",
     {("west-midlands-police", REC, 5, 3, 2)}),
    ("Twenty-one recommendations were made to the Metropolitan Police Service in 2022.",
     {("metropolitan-police-service", REC, 21, None, None)}),
    ("HMICFRS issued three causes of concern in 2023. Gwent Police has since addressed two "
     "of them.", {("gwent-police", COC, 3, 2, 1)}),
    ("Lincolnshire Police's 2022 PEEL inspection led to six recommendations.",
     {("lincolnshire-police", REC, 6, None, None)}),
    ("Two recommendations remain for South Wales Police: one on custody and one on "
     "vetting.", {("south-wales-police", REC, None, None, 2)}),
]

MECHANISMS = [
    # A status word right after a count with no noun of its own.
    ("Of the six recommendations, Kent Police has had four signed off.",
     {("kent-police", REC, 6, 4, 2)}),
    ("Surrey Police was given five recommendations and has had three discharged.",
     {("surrey-police", REC, 5, 3, 2)}),
    ("Dorset Police has 12 recommendations. The one behind schedule concerns stalking.",
     {("dorset-police", REC, 12, None, None)}),
    # Present-tense closing in a headline.
    ("Dyfed-Powys Police clears all nine recommendations\nThe inspectorate is satisfied.",
     {("dyfed-powys-police", REC, 9, 9, 0)}),
    # A label's number as a part of a whole.
    ("Cheshire Constabulary progress report\nCauses of concern discharged: 2 of 3",
     {("cheshire-constabulary", COC, 3, 2, 1)}),
    ("Cheshire Constabulary progress report, page 2 of 4\nRecommendations: 9",
     {("cheshire-constabulary", REC, 9, None, None)}),
    # A relative clause said of a force.
    ("Surrey Police, which was set eight recommendations in 2023, has now met six.",
     {("surrey-police", REC, 8, 6, 2)}),
    ("Essex Police, which is in Engage, has closed two of its five causes of concern.",
     {("essex-police", COC, 5, 2, 3)}),
    # What a closing leaves, and every one of a set in an apposition.
    ("Inspectors have signed off seven of Cumbria Constabulary's recommendations, which "
     "leaves two.", {("cumbria-constabulary", REC, 9, 7, 2)}),
    ("Norfolk Constabulary has closed four recommendations, leaving one open.",
     {("norfolk-constabulary", REC, 5, 4, 1)}),
    ("Gwent Police was given two causes of concern in 2022, both now discharged.",
     {("gwent-police", COC, 2, 2, 0)}),
    ("Essex Police received 12 recommendations, all relating to vetting.",
     {("essex-police", REC, 12, None, None)}),
    # "A further" adds to the set counted just before.
    ("Surrey Police had met four of its ten recommendations by June. A further three were "
     "signed off in September.", {("surrey-police", REC, 10, 7, 3)}),
    # A count that shares the verb of a finding before it.
    ("Inspectors have discharged the cause of concern on vetting and five of its six "
     "recommendations at Kent Police.", {("kent-police", REC, 6, 5, 1)}),
    ("Essex Police still has the open cause of concern and three recommendations.",
     {("essex-police", REC, 3, None, None)}),
    # The one after the counts of its sentence.
    ("Three of Surrey Police's recommendations have been met; the fourth is in progress.",
     {("surrey-police", REC, 4, 3, 1)}),
    ("Kent Police has closed two recommendations; the fourth remains open.",
     {("kent-police", REC, None, 2, None)}),
    # A set no force was named for, given one by the next sentence.
    ("Inspectors made seven recommendations last year. Dorset Police has now met five of "
     "them.", {("dorset-police", REC, 7, 5, 2)}),
    ("A national review made 20 recommendations. Kent Police has implemented three.", set()),
    ("Nationally, 31 causes of concern were raised. Kent Police has closed two of them.",
     set()),
    # Tables whose header says what each column counts.
    ("Norfolk Constabulary: progress at March 2024\n"
     "Type | Total | Implemented | Partly implemented | Not started\n"
     "Recommendations | 10 | 6 | 3 | 1",
     {("norfolk-constabulary", REC, 10, 6, 4)}),
    ("Force | Recommendations made | Closed | Outstanding\n"
     "Dorset Police | 8 | 5 | 3\n"
     "Wiltshire Police | 6 | 6 | 0\n"
     "Total | 14 | 11 | 3",
     {("dorset-police", REC, 8, 5, 3), ("wiltshire-police", REC, 6, 6, 0)}),
    # Closing the last ones of a set closes the set; other closures count only themselves.
    ("At a revisit in May, inspectors closed the last three of the seven recommendations "
     "they had made to Dorset Police.", {("dorset-police", REC, 7, 7, 0)}),
    ("Wiltshire Police has now closed the remaining two of its five causes of concern.",
     {("wiltshire-police", COC, 5, 5, 0)}),
    ("Wiltshire Police closed the other three of the seven recommendations.",
     {("wiltshire-police", REC, 7, 3, 4)}),
    ("The last three of the seven recommendations made to Dorset Police remain open.",
     {("dorset-police", REC, 7, 4, 3)}),
    # A month that is also a modal verb blocks no closure; the modal still does.
    ("In May, inspectors closed three of the seven recommendations they had made to Dorset "
     "Police.", {("dorset-police", REC, 7, 3, 4)}),
    ("Inspectors may close three of the seven recommendations made to Dorset Police.",
     set()),
    # "So many of so many" in a status column: the part and the whole.
    ("Forces that have left Engage\n"
     "Force | Left Engage | Causes of concern closed\n"
     "Dorset Police | 3 May 2025 | 2 of 2\n"
     "Wiltshire Police | 9 June 2025 | 3 out of 4",
     {("dorset-police", COC, 2, 2, 0), ("wiltshire-police", COC, 4, 3, 1)}),
    # A part larger than its whole, or a whole column's "of", is no such count.
    ("Force | Causes of concern closed\nDorset Police | 5 of 2", set()),
    ("Gwent Police inspection grades\nArea | Grade\nInvestigating crime | Inadequate\n"
     "Protecting vulnerable people | Adequate", set()),
    ("Gwent Police findings\nFinding | 2023 | 2024\nRecommendations | 12 | 9", set()),
    ("Gwent Police findings\nFinding | Number | Closed\nAreas for improvement | 14 | 9",
     set()),
    ("Service | Causes of concern | Closed\n"
     "Essex County Fire and Rescue Service | 2 | 1\n"
     "Kent Fire and Rescue Service | 3 | 3", set()),
    ("HMICFRS gave Kent Police five recommendations in 2022 and a further three in 2023.",
     {("kent-police", REC, 8, None, None)}),
    ("Kent Police had closed four of its ten recommendations by June. Essex Police closed a "
     "further two of its own.", {("kent-police", REC, 10, 4, 6)}),
]

FURTHER_FORMS = [
    ("Of the five causes of concern identified in 2022, HMICFRS has now closed four at "
     "Cleveland Police.", {("cleveland-police", COC, 5, 4, 1)}),
    ("Inspectors have now closed four of the five causes of concern that led to Gwent "
     "Police being placed in Engage.", {("gwent-police", COC, 5, 4, 1)}),
    ("Suffolk Constabulary has discharged 11 recommendations, with only one remaining.",
     {("suffolk-constabulary", REC, 12, 11, 1)}),
    ("Only one of Essex Police's recommendations now remains open out of the original 14.",
     {("essex-police", REC, 14, 13, 1)}),
    ("Eight recommendations made to Surrey Police have been completed and signed off, while "
     "the remaining four are being progressed.", {("surrey-police", REC, 12, 8, 4)}),
    ("Progress update for Lincolnshire Police: 6/8 recommendations complete",
     {("lincolnshire-police", REC, 8, 6, 2)}),
    ("Kent Police had 16 recommendations in total; 12 have been implemented in full.",
     {("kent-police", REC, 16, 12, 4)}),
    ("The inspectorate's 2023 report on Norfolk Constabulary contained 23 recommendations. "
     "To date, 19 have been discharged.", {("norfolk-constabulary", REC, 23, 19, 4)}),
    ("The constabulary has achieved 15 out of its 17 recommendations, Durham Constabulary "
     "said.", {("durham-constabulary", REC, 17, 15, 2)}),
    ("With two of its three causes of concern now closed, Sussex Police is close to leaving "
     "Engage.", {("sussex-police", COC, 3, 2, 1)}),
    ("HMICFRS has now signed off five of the six recommendations it made to Wiltshire Police "
     "in 2022.", {("wiltshire-police", REC, 6, 5, 1)}),
    ("Humberside Police welcomed the letter. In it, the inspectorate said 10 of the 13 "
     "recommendations had been met.", {("humberside-police", REC, 13, 10, 3)}),
    ("Recommendations for Cheshire Constabulary: 12 made, 9 closed, 3 open",
     {("cheshire-constabulary", REC, 12, 9, 3)}),
    ("Summary for Kent Police:\n- 3 causes of concern (1 closed)\n"
     "- 11 recommendations (8 closed)",
     {("kent-police", COC, 3, 1, 2), ("kent-police", REC, 11, 8, 3)}),
    ("The chief constable said Derbyshire Constabulary had 'closed off' nine of its ten "
     "recommendations.", {("derbyshire-constabulary", REC, 10, 9, 1)}),
    ("Two of the five causes of concern at Cleveland Police remain open.",
     {("cleveland-police", COC, 5, 3, 2)}),
    ("HMICFRS considers seven of the 10 recommendations made to Dorset Police to be fully "
     "implemented.", {("dorset-police", REC, 10, 7, 3)}),
    ("Of the 14 recommendations made to Avon and Somerset Constabulary, inspectors closed "
     "eight in June and a further three in December.",
     {("avon-and-somerset-constabulary", REC, 14, 11, 3)}),
    ("Bedfordshire Police has addressed nine recommendations. Three are still being worked "
     "on.", {("bedfordshire-police", REC, 12, 9, 3)}),
    ("Northumbria Police must now act on the 12 recommendations in the report.",
     {("northumbria-police", REC, 12, None, None)}),
    ("The five recommendations that sit under Gwent Police's cause of concern have all been "
     "completed.", {("gwent-police", REC, 5, 5, 0)}),
    ("Each of the four recommendations made to Cumbria Constabulary has been met.",
     {("cumbria-constabulary", REC, 4, 4, 0)}),
    ("Every one of the 11 recommendations given to Staffordshire Police has been "
     "implemented.", {("staffordshire-police", REC, 11, 11, 0)}),
    ("Seven recommendations at Warwickshire Police have been met, with four left to "
     "complete.", {("warwickshire-police", REC, 11, 7, 4)}),
    ("Lancashire Constabulary was issued with an accelerated cause of concern and four "
     "recommendations.", {("lancashire-constabulary", REC, 4, None, None)}),
    ("Nine of the ten recommendations made to Thames Valley Police are now 'complete'.",
     {("thames-valley-police", REC, 10, 9, 1)}),
]

FURTHER_MISSES = [
    ("Four forces have closed all of their causes of concern this year.", set()),
    ("Kent Police has been in Engage for 18 months.", set()),
    ("HMICFRS will revisit Essex Police in six months to check the recommendations.", set()),
    ("Surrey Police has 28 days to respond to the recommendations.", set()),
    ("Recommendation 4 for Dorset Police has been closed.", set()),
    ("Three officers at Gwent Police were dismissed after the cause of concern was raised.",
     set()),
    ("In 2019 HMICFRS made 42 recommendations to forces nationally about fraud.", set()),
    ("HMICS said Police Scotland had completed 8 of 10 recommendations.", set()),
    ("Kent Fire and Rescue Service has met all six recommendations.", set()),
    ("Recommendations 4 and 5 for Dorset Police have been closed.", set()),
    ("Kent Police has addressed nine recommendations. Essex Police still has three open.",
     {("kent-police", REC, None, 9, None), ("essex-police", REC, None, None, 3)}),
    ("Kent Police has met six recommendations. Three officers are still being trained.",
     {("kent-police", REC, None, 6, None)}),
    # A noun of closing; a part never the total; statuses that do not add up.
    ("The committee welcomed the discharge of two of Gwent Police's three causes of "
     "concern.", {("gwent-police", COC, 3, 2, 1)}),
    ("The report records the completion of eight of the 10 recommendations made to Kent "
     "Police.", {("kent-police", REC, 10, 8, 2)}),
    ("The board discussed the progress of four of the nine recommendations made to Essex "
     "Police.", {("essex-police", REC, 9, None, None)}),
    ("Of the 12 recommendations made to Surrey Police, seven have been closed, three are "
     "under review and two have not been started.", {("surrey-police", REC, 12, 7, 5)}),
]

LETTERS_AND_PAPERS = [
    ("In our 2022 inspection of Kent Police, we identified two causes of concern. We made six "
     "recommendations to address them. On revisiting, we found that the force had "
     "implemented four of the six recommendations.",
     {("kent-police", COC, 2, None, None), ("kent-police", REC, 6, 4, 2)}),
    ("We have closed the first cause of concern at Essex Police, on crime recording, but the "
     "second remains open.", {("essex-police", COC, 2, 1, 1)}),
    ("Following our revisit to Surrey Police, I am pleased to confirm that the cause of "
     "concern and its three recommendations have been discharged.",
     {("surrey-police", REC, 3, 3, 0)}),
    ("Merseyside Police has completed 90% of its recommendations.", set()),
    ("Of the force's 19 recommendations, only two are not yet complete, Lincolnshire Police "
     "said.", {("lincolnshire-police", REC, 19, 17, 2)}),
    ("Seventeen of 19 recommendations made to Norfolk Constabulary are complete; the other "
     "two are due by March.", {("norfolk-constabulary", REC, 19, 17, 2)}),
    ("HMICFRS gave Cleveland Police a total of eight causes of concern across two "
     "inspections.", {("cleveland-police", COC, 8, None, None)}),
    ("The report, published today, identifies two causes of concern and makes 11 "
     "recommendations to improve how Kent Police investigates crime.",
     {("kent-police", COC, 2, None, None), ("kent-police", REC, 11, None, None)}),
    ("Three causes of concern were raised with Hertfordshire Constabulary in 2021: two are "
     "now closed.", {("hertfordshire-constabulary", COC, 3, 2, 1)}),
    ("Dyfed-Powys Police has made progress against all three causes of concern, one of which "
     "has been closed.", {("dyfed-powys-police", COC, 3, 1, 2)}),
    ("The remaining cause of concern at Wiltshire Police, about vetting, is expected to be "
     "closed in the spring.", set()),
    ("None of Gwent Police's eight recommendations remains outstanding.",
     {("gwent-police", REC, 8, 8, 0)}),
    ("Kent Police: two causes of concern closed, one remains",
     {("kent-police", COC, 3, 2, 1)}),
    ("Cleveland Police closed 10 of its 12 recommendations in 2023 (file photo)",
     {("cleveland-police", REC, 12, 10, 2)}),
    ("RESOLVED: that the Panel notes the closure of 6 of the 9 HMICFRS recommendations "
     "made to Essex Police.", {("essex-police", REC, 9, 6, 3)}),
    ("The inspectorate has agreed to close three of Durham Constabulary's recommendations.",
     {("durham-constabulary", REC, None, 3, None)}),
    ("Sussex Police hopes to close the remaining two recommendations by Christmas.",
     {("sussex-police", REC, None, None, 2)}),
    ("West Yorkshire Police has been given 14 areas for improvement and no causes of "
     "concern.", set()),
    ("There were seven recommendations for Cambridgeshire Constabulary, of which four are "
     "complete.", {("cambridgeshire-constabulary", REC, 7, 4, 3)}),
    ("Two thirds of the recommendations made to Kent Police have been implemented.", set()),
    ("Essex Police has now implemented 12 recommendations out of 12.",
     {("essex-police", REC, 12, 12, 0)}),
    ("Kent Police: 5 causes of concern, 3 closed", {("kent-police", COC, 5, 3, 2)}),
    ("HMICFRS raised three causes of concern with Kent Police:\n- call handling (closed)\n"
     "- investigations (open)\n- vetting (closed)", {("kent-police", COC, 3, 2, 1)}),
    ("Of the 21 recommendations made to Avon and Somerset Constabulary, 14 have been closed, "
     "5 are in progress and 2 have not started.",
     {("avon-and-somerset-constabulary", REC, 21, 14, 7)}),
    ("Sussex Police was given five recommendations. It has since completed them all.",
     {("sussex-police", REC, 5, 5, 0)}),
]

INSPECTORATE_VOICE = [
    ("In 2023 we had identified four causes of concern at Derbyshire Constabulary. Having "
     "revisited, we are satisfied that three have been addressed.",
     {("derbyshire-constabulary", COC, 4, 3, 1)}),
    ("In this inspection of North Yorkshire Police we have identified 2 causes of concern "
     "and 10 areas for improvement.", {("north-yorkshire-police", COC, 2, None, None)}),
    ("Northamptonshire Police has addressed the majority of the recommendations.", set()),
    ("We made ten recommendations to Leicestershire Police in 2022. We have now closed five "
     "of these recommendations.", {("leicestershire-police", REC, 10, 5, 5)}),
    ("HMICFRS has made twenty-three recommendations to the Metropolitan Police Service.",
     {("metropolitan-police-service", REC, 23, None, None)}),
    ("The cause of concern at Gwent Police has five accompanying recommendations, of which "
     "four have been met.", {("gwent-police", REC, 5, 4, 1)}),
    ("HMICFRS was satisfied with progress on 14 of 16 recommendations made to Cheshire "
     "Constabulary, which have been closed.", {("cheshire-constabulary", REC, 16, 14, 2)}),
    ("We replaced the cause of concern at Kent Police with two areas for improvement.",
     set()),
    ("Inspectors told South Wales Police that eight of its nine recommendations had been "
     "achieved and that the ninth was partly achieved.",
     {("south-wales-police", REC, 9, 8, 1)}),
    ("The accelerated cause of concern at Surrey Police came with three recommendations, all "
     "of which the force has since implemented.", {("surrey-police", REC, 3, 3, 0)}),
    ("Essex Police responded to each of the five recommendations within the deadline.",
     {("essex-police", REC, 5, None, None)}),
    ("Of the recommendations made to Humberside Police, six have been completed.",
     {("humberside-police", REC, None, 6, None)}),
    ("Dorset Police said it had now completed 14 recommendations and had 3 still to "
     "finish.", {("dorset-police", REC, 17, 14, 3)}),
    ("West Midlands Police has five outstanding recommendations from its 2022 PEEL "
     "inspection.", {("west-midlands-police", REC, None, None, 5)}),
    ("Staffordshire Police has had both its causes of concern lifted.",
     {("staffordshire-police", COC, 2, 2, 0)}),
]

PRECISION = [
    ("Of the 43 forces, 12 have open causes of concern.", set()),
    ("Kent Police is one of seven forces that had a cause of concern about vetting.", set()),
    ("Recommendation 3 of 5 for Dorset Police: the force should review its vetting "
     "decisions.", set()),
    ("Kent Police closed three causes of concern in 2022 and two in 2023.",
     {("kent-police", COC, None, 5, None)}),
    ("Greater Manchester Police's 2020 report contained 12 recommendations; its 2022 report "
     "contained nine.", {("greater-manchester-police", REC, 12, None, None),
                         ("greater-manchester-police", REC, 9, None, None)}),
    ("Kent Police has completed four of the recommendations in the national vetting report, "
     "which made 43 recommendations to all forces.", {("kent-police", REC, None, 4, None)}),
    ("The report on Norfolk Constabulary lists 2 causes of concern (CoC) and 8 "
     "recommendations.", {("norfolk-constabulary", COC, 2, None, None),
                          ("norfolk-constabulary", REC, 8, None, None)}),
    ("Durham Constabulary\nAreas for improvement: 12\nCauses of concern: 2",
     {("durham-constabulary", COC, 2, None, None)}),
    ("Durham Constabulary has 9 recommendations (3 closed).",
     {("durham-constabulary", REC, 9, 3, 6)}),
    ("Kent Police has closed 3 out of 3 causes of concern.", {("kent-police", COC, 3, 3, 0)}),
    ("Essex Police now has no open causes of concern, having closed all four.",
     {("essex-police", COC, 4, 4, 0)}),
    ("All four of Surrey Police's causes of concern are now closed.",
     {("surrey-police", COC, 4, 4, 0)}),
    ("Kent Police's vetting inspection made five recommendations; its custody inspection "
     "made seven recommendations.", {("kent-police", REC, 5, None, None),
                                     ("kent-police", REC, 7, None, None)}),
    ("HMICFRS made 12 recommendations to Essex Police, including four recommendations on "
     "vetting.", {("essex-police", REC, 12, None, None)}),
    ("Kent Police was given eight recommendations in 2022; five recommendations have since "
     "been closed.", {("kent-police", REC, 8, 5, 3)}),
]

NEWSROOM = [
    ("The watchdog found Kent Police had made sufficient progress on three of its five "
     "recommendations.", {("kent-police", REC, 5, None, None)}),
    ("Two of the three causes of concern that put Essex Police into special measures have "
     "been lifted.", {("essex-police", COC, 3, 2, 1)}),
    ("It means just one of Surrey Police's original four causes of concern remains.",
     {("surrey-police", COC, 4, 3, 1)}),
    ("Inspectors signed off a further cause of concern at Gwent Police.", set()),
    ("Five recommendations at Norfolk Constabulary remain outstanding, down from 11 in "
     "January.", {("norfolk-constabulary", REC, None, None, 5)}),
    ("Lancashire Constabulary has implemented 18 of the 20 recommendations made by the "
     "inspectorate since 2019, the commissioner said.",
     {("lancashire-constabulary", REC, 20, 18, 2)}),
    ("Derbyshire Constabulary was told to act on four causes of concern.",
     {("derbyshire-constabulary", COC, 4, None, None)}),
    ("Kent Police update.\nProgress against the 14 recommendations: 10 complete, 4 in "
     "progress.", {("kent-police", REC, 14, 10, 4)}),
    ("Of its 11 recommendations, Cumbria Constabulary has completed nine and partly "
     "completed two.", {("cumbria-constabulary", REC, 11, 9, 2)}),
    ("HMICFRS said Essex Police had closed 'all but one' of its nine recommendations.",
     {("essex-police", REC, 9, 8, 1)}),
    ("The inspectorate has lifted two of Gloucestershire Constabulary's three causes of "
     "concern.", {("gloucestershire-constabulary", COC, 3, 2, 1)}),
    ("West Midlands Police has now had four of its recommendations closed, the inspectorate "
     "confirmed.", {("west-midlands-police", REC, None, 4, None)}),
    ("Humberside Police: since the revisit\n- two recommendations have been closed\n"
     "- three remain open", {("humberside-police", REC, 5, 2, 3)}),
    ("Cleveland Police has closed eight of its 11 recommendations, up from five last year.",
     {("cleveland-police", REC, 11, 8, 3)}),
    ("Inspectors have now discharged all but two of Kent Police's 12 recommendations.",
     {("kent-police", REC, 12, 10, 2)}),
    ("Dorset Police has 'completed' six of its seven recommendations.",
     {("dorset-police", REC, 7, 6, 1)}),
]

DOCUMENTS = [
    ("Letter to the Chief Constable of Northumbria Police\n"
     "In our 2022 inspection we identified four causes of concern and made 12 "
     "recommendations. Since then, the force has worked hard. We have now closed two of the "
     "causes of concern. Eight of the recommendations have been completed.",
     {("northumbria-police", COC, 4, 2, 2), ("northumbria-police", REC, 12, 8, 4)}),
    ("Kent Police leaves special measures\n"
     "Kent Police has been returned to routine monitoring. The force was placed in Engage in "
     "2022 with three causes of concern. All three have now been closed, the inspectorate "
     "said. Essex Police remains in Engage with two causes of concern still open.",
     {("kent-police", COC, 3, 3, 0), ("essex-police", COC, None, None, 2)}),
    ("Panel papers: HMICFRS update\n"
     "1. Cleveland Police received 11 recommendations after its 2023 inspection.\n"
     "2. Of these, seven have been signed off by HMICFRS.\n"
     "3. The remaining four are on track to be completed by March.",
     {("cleveland-police", REC, 11, 7, 4)}),
    ("Sussex Police was placed into Engage in May. Inspectors raised two causes of concern, "
     "on investigations and on vetting, and made nine recommendations. The chief constable "
     "said the force would tackle every one of them.",
     {("sussex-police", COC, 2, None, None), ("sussex-police", REC, 9, None, None)}),
    ("Gwent Police has closed both of its causes of concern. In the same week, inspectors "
     "raised three causes of concern with Dyfed-Powys Police.",
     {("gwent-police", COC, 2, 2, 0), ("dyfed-powys-police", COC, 3, None, None)}),
    ("Essex Police made changes.\n1. The force was given 6 recommendations.\n"
     "2. It has completed 4 of them.", {("essex-police", REC, 6, 4, 2)}),
    ("Kent Police was given 12 recommendations in 2021. The force then changed its chief "
     "constable. A new plan followed. Its 2023 report made five recommendations. Three of the "
     "recommendations have been met.",
     {("kent-police", REC, 12, None, None), ("kent-police", REC, 5, 3, 2)}),
    ("Wiltshire Police was given eight recommendations. Five have now been met. The other "
     "three are expected to be met by the summer, Wiltshire Police said.",
     {("wiltshire-police", REC, 8, 5, 3)}),
]

SHORT_FORMS = [
    ("HMICFRS gave Surrey Police a dozen recommendations.",
     {("surrey-police", REC, 12, None, None)}),
    ("Kent Police received a total of 3 CoCs.", {("kent-police", COC, 3, None, None)}),
    ("Cheshire Constabulary has met four out of the five recommendations.",
     {("cheshire-constabulary", REC, 5, 4, 1)}),
    ("The inspectorate said Kent has closed three causes of concern.",
     {("kent-police", COC, None, 3, None)}),
    ("Northamptonshire Police was criticised. The constabulary's two outstanding causes of "
     "concern relate to investigations.",
     {("northamptonshire-police", COC, None, None, 2)}),
    ("The two causes of concern identified at Leicestershire Police remain in place.",
     {("leicestershire-police", COC, 2, 0, 2)}),
    ("Inspectors raised two causes of concern at Merseyside Police, neither of which has "
     "been closed.", {("merseyside-police", COC, 2, 0, 2)}),
    ("Of 10 recommendations made to Durham Constabulary, 10 are complete.",
     {("durham-constabulary", REC, 10, 10, 0)}),
    ("Kent Police - causes of concern: 3 (2 closed, 1 open)",
     {("kent-police", COC, 3, 2, 1)}),
    ("Lincolnshire Police was inspected in 2023. By September 2024, nine of the 11 "
     "recommendations had been closed.", {("lincolnshire-police", REC, 11, 9, 2)}),
    ("The inspectorate closed two causes of concern at Kent Police and one at Essex "
     "Police.", {("kent-police", COC, None, 2, None), ("essex-police", COC, None, 1, None)}),
]

MIXED_STATUSES = [
    ("Cumbria Constabulary makes progress\nTwo causes of concern closed; 11 of 14 "
     "recommendations met", {("cumbria-constabulary", COC, None, 2, None),
                             ("cumbria-constabulary", REC, 14, 11, 3)}),
    ("HMICFRS has recognised the progress made by Kent Police by closing three of its "
     "recommendations.", {("kent-police", REC, None, 3, None)}),
    ("Four of Essex Police's recommendations were judged to have been achieved.",
     {("essex-police", REC, None, 4, None)}),
    ("Two recommendations made to Essex Police were assessed as partially achieved.", set()),
    ("The Met has cleared three of the four accelerated causes of concern.",
     {("metropolitan-police-service", COC, 4, 3, 1)}),
    ("All 13 recommendations made to Gwent Police have now been implemented.",
     {("gwent-police", REC, 13, 13, 0)}),
    ("Kent Police was inspected in 2022. In total, 24 recommendations were made, of which "
     "20 are now closed.", {("kent-police", REC, 24, 20, 4)}),
    ("At Surrey Police, the number of recommendations still open stands at four.",
     {("surrey-police", REC, None, None, 4)}),
    ("Three recommendations at Dorset Police - on custody, on vetting and on training - "
     "have been closed.", {("dorset-police", REC, None, 3, None)}),
    ("Members were informed that 5 of the 7 recommendations made to Suffolk Constabulary "
     "were now complete and the remaining 2 were on target.",
     {("suffolk-constabulary", REC, 7, 5, 2)}),
    ("The force, which was rated inadequate in 2022, has closed three of its four causes of "
     "concern, Cleveland Police said.", {("cleveland-police", COC, 4, 3, 1)}),
    ("After closing four recommendations this year, Norfolk Constabulary has two left.",
     {("norfolk-constabulary", REC, 6, 4, 2)}),
    ("Inspectors found that Avon and Somerset Constabulary had fully implemented five "
     "recommendations and partly implemented three.",
     {("avon-and-somerset-constabulary", REC, 8, 5, 3)}),
    ("Bedfordshire Police's three causes of concern, two of them now closed, all relate to "
     "investigations.", {("bedfordshire-police", COC, 3, 2, 1)}),
    ("Just two of the 15 recommendations made to Sussex Police in 2021 remain open.",
     {("sussex-police", REC, 15, 13, 2)}),
    ("Wiltshire Police: 9 recommendations met, 2 outstanding",
     {("wiltshire-police", REC, 11, 9, 2)}),
    ("HMICFRS says West Yorkshire Police has now addressed eight of the nine "
     "recommendations made in its 2023 report.", {("west-yorkshire-police", REC, 9, 8, 1)}),
    ("Gwent Police has met seven recommendations and has three left.",
     {("gwent-police", REC, 10, 7, 3)}),
    ("Two officers left Gwent Police after the cause of concern was raised.", set()),
    ("The inspectorate's letter confirms that Staffordshire Police has closed its final two "
     "causes of concern.", {("staffordshire-police", COC, None, 2, None)}),
]

CASES = (VERBS + N_OF_M + SEVERAL_STATUSES + RELATIVE + REMAINING + LATER_SENTENCE + LAYOUT
         + QUANTIFIERS + VOICES + OTHER_OWNERS + OTHER_THINGS + NEAR_MISSES
         + WORDINGS + MECHANISMS + FURTHER_FORMS + FURTHER_MISSES
         + LETTERS_AND_PAPERS + INSPECTORATE_VOICE + PRECISION
         + NEWSROOM + DOCUMENTS + SHORT_FORMS
         + MIXED_STATUSES)

GAPS: dict[str, str] = {
    "Only one of Essex Police's recommendations": "a whole after the count (\"out of the "
                                                  "original 14\") is not read",
    "HMICFRS considers seven of the 10": "\"considers … to be implemented\" reads as "
                                         "irrealis",
    "The five recommendations that sit under": "the verb after another finding in a "
                                               "relative clause is not the count's",
    "We have closed the first cause of concern at Essex": "a series said in one sentence "
                                                          "with no set counted before",
    "HMICFRS raised three causes of concern with Kent Police:": "list items named by "
                                                                "subject alone are not items",
    "Sussex Police was given five recommendations. It has": "\"them all\" with no number",
    "Greater Manchester Police's 2020 report": "a bare count with no noun after a "
                                               "semicolon is not read",
    "Kent Police received a total of 3 CoCs": "\"CoCs\" is not a finding's name",
    "The inspectorate said Kent has closed": "a bare place name alone does not own a count",
    "At Surrey Police, the number of": "\"the number … stands at four\" is not read",
    "Three recommendations at Dorset Police - on": "an aside between hyphens hides the verb",
    "Inspectors found that Avon and Somerset": "partly implemented counts are not added to "
                                               "the total",
    "Lancashire Constabulary still has one open": "\"one open cause of concern\" not read",
    "Nationally, 120 recommendations": "\"eight of them\" after a national count",
}


@pytest.mark.parametrize(("text", "expected"), battery_params(CASES, GAPS))
def test_tally_battery10(text: str, expected: set) -> None:
    assert tallies(text) == expected

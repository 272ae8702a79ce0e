"""Sentence and paragraph templates for synthetic press releases, written for this benchmark.

Slots in braces are filled by benchmarks/generate.py. Oversight paragraphs exercise every
extractor (phase moves in both directions, states, speculation, inspections, tallies, list
items, quotes, reported speech); filler paragraphs are the ordinary local police news that
surrounds them in real feeds, so the extractor spends most of its time on text that yields
nothing, as it does in production.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Aisha", "Bernard", "Catrin", "Declan", "Eleanor", "Farid", "Gemma", "Hamish", "Imogen",
    "Jonah", "Keeley", "Lorcan", "Maryam", "Nathaniel", "Olwen", "Priya", "Quentin", "Rhiannon",
    "Samuel", "Tamsin", "Umar", "Verity", "Wesley", "Yasmin", "Zachary", "Bethan", "Callum",
    "Delyth", "Emeka", "Fiona",
)  # fmt: skip
SURNAMES = (
    "Ashworth", "Brennan", "Chaudhry", "Dunmore", "Ellison", "Fairbairn", "Gallagher",
    "Hollins", "Iqbal", "Jephson", "Kettering", "Lindqvist", "Merriman", "Nwosu", "Oakley",
    "Pemberton", "Quarrie", "Rowntree", "Sandhu", "Threlfall", "Underwood", "Varga",
    "Whitlock", "Yardley", "Penhaligon", "Okonkwo", "Trevithick", "McAllister", "Drummond",
    "Haworth",
)  # fmt: skip
TOWNS = (
    "Ashby", "Brackenfield", "Carrowmore", "Dunford", "Eastleigh Vale", "Fenwick", "Grantley",
    "Hollowell", "Kingsmere", "Longbridge", "Marlow Heath", "Northcote", "Oldcastle",
    "Pellingham", "Redmarsh", "Stonebury", "Thornaby Cross", "Upwell", "Westerby", "Yarrowfield",
)  # fmt: skip
STREETS = (
    "Mill Lane", "Station Road", "Church Street", "Victoria Avenue", "Orchard Close",
    "the High Street", "Kings Parade", "Quarry Road", "Canal Walk", "Beech Grove",
    "Market Square", "Foundry Way", "Albion Terrace", "Meadow Drive", "Bridge End",
)  # fmt: skip
VEHICLES = (
    "a grey Vauxhall Astra", "a white Ford Transit van", "a black BMW saloon",
    "a red Honda motorcycle", "a silver Toyota Yaris", "a blue Nissan Qashqai",
    "a green Land Rover Defender", "a dark-coloured hatchback",
)  # fmt: skip
ITEMS = (
    "power tools", "catalytic converters", "jewellery", "two laptops", "a quantity of cash",
    "garden machinery", "bicycles", "designer handbags", "mobile phones", "a games console",
)  # fmt: skip
SUBJECTS = (
    "how quickly the force answers emergency calls",
    "the way it records crime",
    "how it protects children at risk of exploitation",
    "the supervision of domestic abuse investigations",
    "the management of registered sex offenders",
    "the backlog of digital forensic examinations",
    "how it responds to missing people",
    "the quality of its investigations into serious sexual offences",
    "the vetting of officers and staff",
    "the way it deals with non-emergency calls",
    "the safeguarding of vulnerable adults",
    "how it manages demand in its control room",
)  # fmt: skip
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve")
ENGAGE_NAMES = ("the Engage phase", "Engage", "special measures", "enhanced monitoring",
                "the enhanced level of monitoring", "the engage phase of monitoring")
SCAN_NAMES = ("routine monitoring", "the Scan phase", "normal monitoring")

# Roles with a title that introduces a named person.
FORCE_ROLES = ("Chief Constable", "Deputy Chief Constable", "Assistant Chief Constable",
               "Police and Crime Commissioner")
NATIONAL_ROLES = ("His Majesty's Inspector of Constabulary", "HM Inspector of Constabulary",
                  "Policing Minister", "HM Chief Inspector of Constabulary")

HEADLINES_OVERSIGHT = (
    "{force} moved into enhanced monitoring by inspectorate",
    "{force} leaves special measures after {years_word} years",
    "Inspectors find progress at {force} but concerns remain",
    "{force}: inspection report published",
    "Watchdog lifts enhanced monitoring of {force}",
    "{force} placed in Engage over call handling failings",
    "Revisit finds {force} has addressed most recommendations",
    "Update on {force} and the HMICFRS monitoring process",
)  # fmt: skip
HEADLINES_NEWS = (
    "Appeal after {item_plain} stolen in {town}",
    "Road closed after collision on {street}",
    "Man charged following {town} burglary series",
    "Officers join community clean-up in {town}",
    "Witness appeal after {town} assault",
    "Drugs warrant executed in {town}",
    "New neighbourhood team launched in {town}",
    "Missing {town} teenager found safe",
    "Speeding operation catches drivers on {street}",
    "Police recruitment open day in {town}",
)  # fmt: skip

# Oversight paragraphs. {force} is a force name, {the_force} an anaphor ("the force").
PHASE_ENTER = (
    "{force} has been moved into {engage} by His Majesty's Inspectorate of Constabulary and "
    "Fire & Rescue Services (HMICFRS), the inspectorate confirmed {date_phrase}.",
    "The inspectorate decided {date_phrase} to place {force} in {engage} after its most recent "
    "inspection found serious weaknesses in {subject}.",
    "{force} was escalated into {engage} {date_phrase}, following a PEEL inspection which "
    "graded {the_force} inadequate in {count_word} areas.",
    "Inspectors said {the_force} would be put into {engage} because it had not responded "
    "well enough to an earlier cause of concern about {subject}.",
    "{force} has been in {engage} since {month_year}, when inspectors raised concerns about "
    "{subject}.",
)  # fmt: skip
PHASE_EXIT = (
    "{force} has been taken out of {engage} and returned to {scan}, the inspectorate "
    "announced {date_phrase}.",
    "{force} is no longer in {engage}, having shown sustained improvement in {subject}.",
    "The enhanced monitoring of {force} has been lifted after inspectors found the force had "
    "made substantial progress.",
    "{force} exited {engage} {date_phrase} following a revisit by inspectors.",
    "After {years_word} years, {force} has been removed from {engage}, which means "
    "{the_force} will now be monitored in the usual way.",
)  # fmt: skip
PHASE_STATE = (
    "{force} remains in {engage} while inspectors assess whether the changes it has made "
    "will last.",
    "The force is still under {engage_plain} and will remain there until its outstanding "
    "causes of concern have been addressed.",
    "Being in {engage} means that {the_force} receives extra support and scrutiny from the "
    "Policing Performance Oversight Group.",
)  # fmt: skip
PHASE_SPECULATIVE = (
    "Campaigners have called for {force} to be placed in {engage} after a series of critical "
    "reports.",
    "There is no suggestion at this stage that {force} could be moved into {engage}.",
    "Local councillors fear {force} may face {engage_plain} if response times do not improve.",
    "It is not yet known whether the inspectorate will consider escalating {force} into "
    "{engage}.",
)  # fmt: skip
INSPECTION = (
    "Inspectors revisited {force} in {month_year} to check its progress against the "
    "recommendations in their earlier report.",
    "The inspection of {force} took place in {month_year}, and the findings were published "
    "{date_phrase}.",
    "{force} was inspected {date_phrase} as part of the inspectorate's rolling PEEL programme.",
    "A follow-up inspection of {the_force} was carried out on {full_date} to look at "
    "{subject}.",
    "During the revisit, which took place over {count_word} days, inspectors spoke to officers, "
    "staff and partner organisations.",
)  # fmt: skip
INSPECTION_FUTURE = (
    "The inspectorate will revisit {the_force} later this year to see whether the "
    "improvements have been sustained.",
    "A further inspection of {force} is planned for {next_year}.",
    "Inspectors are due to return to {the_force} in the spring.",
)  # fmt: skip
TALLY = (
    "Of the {total_word} recommendations made in {year}, {closed_word} have now been closed "
    "and {open_word} remain open.",
    "Inspectors had raised {total_word} causes of concern about {force}. {closed_cap} of these "
    "have been closed, and {open_word} remain outstanding.",
    "All {total_word} causes of concern raised in {year} have now been discharged.",
    "The force has implemented {closed} of the {total} recommendations; the remaining "
    "{open} are still in progress.",
    "None of the {total_word} recommendations made to {force} has yet been closed.",
    "Inspectors made {total_word} recommendations relating to {subject}.",
)  # fmt: skip
FINDING_ITEM = (
    "Inspectors issued {force} with a cause of concern relating to {subject}.",
    "The cause of concern about {subject} has now been closed.",
    "A new accelerated cause of concern was raised in {month_year} regarding {subject}.",
    "One recommendation, concerning {subject}, remains open.",
)  # fmt: skip
LIST_INTRO = (
    "The causes of concern that remain open relate to how the force:",
    "Inspectors made recommendations covering the following areas:",
    "The outstanding recommendations are that the force should:",
)  # fmt: skip
LIST_ITEMS = (
    "answer emergency and non-emergency calls more quickly",
    "improve the supervision of investigations",
    "make sure risk assessments for vulnerable victims are completed on time",
    "record crime accurately when it is first reported",
    "reduce the backlog of devices awaiting digital forensic examination",
    "train call handlers to identify repeat and vulnerable callers",
    "review how it manages registered sex offenders",
    "strengthen the vetting of new recruits",
)  # fmt: skip
QUOTE_INTRO = (
    "{role} {name} said: ",
    "Responding to the report, {role} {name} said: ",
    "{name}, {role} for {force_plain}, said: ",
    "In a statement, {role} {name} said: ",
)  # fmt: skip
QUOTES = (
    "We accept the findings in full and we have already begun making the changes the public "
    "rightly expects of us.",
    "This is a significant moment for the force and a tribute to the hard work of officers and "
    "staff who have turned things around.",
    "Victims deserve a service that answers their calls promptly and investigates crime "
    "thoroughly, and that has not always happened.",
    "There is more to do, and I will not be complacent, but the direction of travel is clear.",
    "I want to thank our partners for their patience and support while we have been under "
    "closer scrutiny.",
    "The inspectorate has been clear about where we fell short, and we have been open about it "
    "with the communities we serve.",
    "I will continue to hold the chief constable to account on behalf of residents.",
)  # fmt: skip
QUOTE_AFTER = (
    "“{quote}” said {name}.",
    "“{quote}” {surname} added.",
    "“{quote}” said Mr {surname}.",
)  # fmt: skip
REPORTED = (
    "{role} {name} welcomed the decision and praised officers for their commitment.",
    "{name} acknowledged that the force had fallen short in {subject}.",
    "The chief constable said the force would publish a detailed improvement plan.",
    "{surname} told a meeting of the police and crime panel that progress had been steady.",
)  # fmt: skip
BACKGROUND = (
    "HMICFRS monitors every force in England and Wales. Most are in the Scan phase, in which "
    "the inspectorate keeps a watching brief; a force that is not managing a cause of concern "
    "can be moved into Engage, where it gets more intensive support.",
    "The Policing Performance Oversight Group, which includes representatives of the Home "
    "Office, the College of Policing and the National Police Chiefs' Council, reviews the "
    "progress of forces in the enhanced stage.",
    "PEEL inspections assess how effective, efficient and legitimate a force is, grading it "
    "from outstanding to inadequate across a number of areas.",
)  # fmt: skip

# Ordinary police news: the bulk of most feeds.
FILLER = (
    "Officers were called to {street} in {town} at around {time} on {weekday} following "
    "reports of a disturbance. A {age}-year-old man was arrested on suspicion of assault and "
    "remains in custody.",
    "Detectives are appealing for witnesses after {item} were taken from a property on "
    "{street}, {town}, between {time} and {time2} on {weekday}.",
    "A {age}-year-old woman has been charged with burglary and will appear before magistrates "
    "in {town} next week.",
    "The road was closed for several hours while collision investigators examined the scene. "
    "It reopened shortly after {time2}.",
    "Anyone with information, or who has dashcam or doorbell footage from the area, is asked "
    "to call 101 quoting incident {incident}, or to contact Crimestoppers anonymously on "
    "0800 555 111.",
    "Neighbourhood officers will hold a drop-in surgery at {town} library on {weekday} "
    "morning, where residents can raise concerns about antisocial behaviour and parking.",
    "{vehicle_cap} was seen leaving the area at speed shortly afterwards and officers would "
    "like to trace the driver.",
    "A warrant was executed at an address on {street} on {weekday}, and officers seized "
    "suspected cannabis, cash and {item}.",
    "The {town} neighbourhood team has been patrolling {street} after residents reported a rise "
    "in vehicle crime over the summer.",
    "Sergeant {name} said: “We know how upsetting this kind of crime is, and we are doing "
    "everything we can to find the people responsible.”",
    "A speed enforcement operation on {street} caught {count} drivers travelling above the "
    "limit, the fastest at {speed}mph in a 30mph zone.",
    "Officers and volunteers took part in a litter pick along the canal in {town}, collecting "
    "more than {count} bags of rubbish.",
    "The force is recruiting police community support officers for its {town} and district "
    "teams; applications close at the end of the month.",
    "The missing {age}-year-old was found safe and well in {town} late on {weekday} evening. "
    "Her family thanked everyone who shared the appeal.",
    "Two men, aged {age} and {age2}, were sentenced at {town} Crown Court to a total of "
    "{count} years after admitting conspiracy to supply class A drugs.",
    "Residents are reminded to lock sheds and outbuildings and to mark valuable items with "
    "their postcode.",
    "The local school held a road safety assembly with officers from the roads policing unit, "
    "who talked about seatbelts, mobile phones and the dangers of speeding.",
    "A cordon remained in place on {street} overnight while forensic officers carried out "
    "enquiries, and there was a visible police presence in the area.",
    "Fraud prevention officers are warning older residents about callers who pretend to be "
    "from their bank and ask them to move money into a so-called safe account.",
    "The charity football match between officers and firefighters raised more than {money} "
    "for a local hospice.",
)  # fmt: skip

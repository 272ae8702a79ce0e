"""A battery of attributions, in our own words: titles before or after the name, shortened
and informal, reporting verbs other than "said", split quotes and signed letters, with
people who are only mentioned or written to, who make no statement.

Each case gives the speakers a reader would record, with their role codes, and for direct
quotations the first words of the quote.
"""

from __future__ import annotations

import pytest

from tests.statement_probe import statements_in

SPEAKERS = [
    ('"We have listened and we are changing," said Chief Constable Rachel Swann.',
     {"Rachel Swann": ("chief_constable", "We have listened and we are changing")}),
    ('The chief constable, Pam Kelly, told the panel: "The force is in a far stronger '
     'position than a year ago."',
     {"Pam Kelly": ("chief_constable", "The force is in a far stronger position")}),
    ('"This is a welcome step but there is more to do," added Police and Crime Commissioner '
     'Matthew Scott.',
     {"Matthew Scott": ("police_and_crime_commissioner", "This is a welcome step but there")}),
    ('Deputy Chief Constable Mark Roberts warned that the improvements had to last.',
     {"Mark Roberts": ("deputy_chief_constable", None)}),
    ('Assistant Chief Constable Claire Dean admitted: "We let victims down and we are sorry '
     'for that."', {"Claire Dean": ("assistant_chief_constable", "We let victims down and we")}),
    ('HM Inspector of Constabulary Michelle Skeer insisted the progress was real. "The force '
     'has done what we asked of it, and more," she said.',
     {"Michelle Skeer": ("hm_inspector", "The force has done what we asked")}),
    ('Speaking to reporters, the Home Secretary, Yvette Cooper, said the public deserved '
     'better.', {"Yvette Cooper": ("minister", None)}),
    ('Sir Andy Cooke, HM Chief Inspector of Constabulary, wrote in his report that forces '
     'must act quickly.', {"Andy Cooke": ("hm_chief_inspector", None)}),
    ('Detective Chief Superintendent Ian Harris, who leads the investigations unit, '
     'acknowledged that some cases had waited too long.',
     {"Ian Harris": ("other", None)}),
    pytest.param('"Our officers work incredibly hard," Mr Rhodes told the BBC. "But the '
                 'system around them has not kept pace." Lee Rhodes is the force\'s interim '
                 'chief constable.',
                 {"Lee Rhodes": ("chief_constable", "Our officers work incredibly hard")},
                 marks=pytest.mark.xfail(strict=True, reason="the full name only after the "
                                         "quote")),
    ('Yours sincerely,\n\nRoy Wilsher\nHM Inspector of Constabulary',
     {"Roy Wilsher": ("hm_inspector", None)}),
    ('Labour MP for the area, Jo Stevens, said the report made grim reading.',
     {"Jo Stevens": ("other", None)}),
    # The person in apposition to what the first one has is the subject a pronoun takes.
    ('Ch Supt Dave Horner spoke first. Mr Horner\'s deputy, Supt Emma Clarke, warned of '
     'cuts. "Every district is being asked to do more with less," she said.',
     {"Dave Horner": ("other", None),
      "Emma Clarke": ("other", "Every district is being asked to do more")}),
    # Minutes give the title in brackets after the name.
    ('Pam Kelly (Chief Constable) reported that the backlog had halved since May.',
     {"Pam Kelly": ("chief_constable", None)}),
    # After a quote, any verb of saying that takes no person as its object comes before
    # its speaker; a verb that does ("praised", "thanked") keeps the person as its object.
    ('"There is no hiding from what this report says," conceded Chief Constable Nick Adderley.',
     {"Nick Adderley": ("chief_constable", "There is no hiding from what this report says")}),
    ('"Those gains must now be locked in," warned Deputy Chief Constable Alison Barker.',
     {"Alison Barker": ("deputy_chief_constable", "Those gains must now be locked in")}),
    ('"The last two years have been hard on everyone," admitted the force\'s new '
     'chief constable, Ivan Balhatchet.',
     {"Ivan Balhatchet": ("chief_constable", "The last two years have been hard on everyone")}),
    ('"A remarkable effort by every team," praised Chief Constable Ivan Balhatchet.', {}),
    # "According to" with an honorific before the name.
    ('According to Dame Diana Johnson, the policing minister, the figures were "nowhere near '
     'good enough for victims of crime".',
     {"Diana Johnson": ("minister", "nowhere near good enough for victims of crime")}),
    # Particles inside a surname are part of the name.
    ('Superintendent Anna van der Berg said patrols had doubled since the summer.',
     {"Anna van der Berg": ("other", None)}),
    # An opposition spokesperson holds no office.
    ('Tom Ellis, the shadow home secretary, said the findings were "a damning verdict on '
     'years of drift".', {"Tom Ellis": ("other", "a damning verdict on years of drift")}),
    # An informal title after the force's possessive, with the name in apposition.
    ('Surrey Police has left Engage. Surrey\'s chief, Tim De Meyer, told staff that "the hard '
     'work is only beginning".', {"Tim De Meyer": ("chief_constable", "the hard work is only "
                                                   "beginning")}),
    ('The Met\'s boss, Mark Rowley, said the force would publish its plan within weeks.',
     {"Mark Rowley": ("commissioner", None)}),
    # An addressee and the unnamed official who writes to them: no one speaks.
    ('Sir Andy Cooke, HM Chief Inspector of Constabulary, wrote to the commissioner, Lisa '
     'Townsend, on Monday.', {"Andy Cooke": ("hm_chief_inspector", None)}),
]

NOT_SPEAKERS = [
    "The chief, Tim Smith and two superintendents met the panel.",
    "Report of the Police and Crime Commissioner Agenda Item 6\nThe panel noted the report.",
    "The report was sent to Chief Constable Olivia Pinkney last week.",
    "Dear Chief Constable Ben-Julian Harrington,\n\nThank you for your letter.",
    "A spokesperson for the force said it would study the findings carefully.",
    "By Sarah Jones, Home Affairs Reporter",
    "The panel thanked Chief Superintendent Alan Dyer for attending.",
    "The report was sent to the MP for the area, Jo Stevens, last week.",
    "The Commander (Operations) noted that custody had improved.",
    "In a letter to Lisa Townsend, the Home Secretary wrote that she expected updates.",
    "In a letter to the Police and Crime Commissioner, Lisa Townsend, the policing minister "
    "wrote that progress had been too slow.",
]


def _id(case) -> str:
    return str(case.values[0] if hasattr(case, "values") else case[0])[:40]


@pytest.mark.parametrize("text,expected", SPEAKERS, ids=[_id(c) for c in SPEAKERS])
def test_speakers_with_their_roles_and_quotes(text, expected):
    found = statements_in(text)
    assert {n: e.person_role for n, e in found.items()} == {
        n: role for n, (role, _) in expected.items()}
    for name, (_, quote) in expected.items():
        got = found[name].quote
        assert (got is None) if quote is None else (got or "").startswith(quote), got


@pytest.mark.parametrize("text", NOT_SPEAKERS, ids=[c[:40] for c in NOT_SPEAKERS])
def test_people_only_mentioned_make_no_statement(text):
    assert statements_in(text) == {}

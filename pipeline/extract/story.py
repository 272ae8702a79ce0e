"""The force a story is about, read from where news puts it: the headline, or the start of
the lead sentence.

"INVERNESS — Police Scotland's custody centres …" is about Police Scotland; a national story
that names a force only further on ("the same scrutiny as Greater Manchester Police") is
about none. Officials whose words or titles name no force are filed under it.
"""

from __future__ import annotations

from pipeline.extract.context import Analysis
from pipeline.extract.gazetteer import MentionKind

# A lead sentence is about the force it names within this many tokens of its start (a
# dateline may come first: "INVERNESS — Police Scotland's …").
LEAD_REACH = 4


def story_force(analysis: Analysis) -> str | None:
    if story_force in analysis.cache:
        return analysis.cache[story_force]
    found = None
    sentences = analysis.sentences
    lead = next((s for s in sentences[1:] if not analysis.is_heading(s)), None)
    for sentence, reach in ((sentences[0] if sentences else None, None), (lead, LEAD_REACH)):
        if sentence is None or found is not None:
            continue
        for m in analysis.forces_between(sentence.tok_start, sentence.tok_end):
            near = reach is None or m.tok_start - sentence.tok_start <= reach
            if near and (analysis.usable(m, sentence) or m.kind == MentionKind.OFFICE):
                found = m.force_id
                break
    analysis.cache[story_force] = found
    return found

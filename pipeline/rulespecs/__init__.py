"""One spec per rules file: the keys it must hold and their types (see checked.py)."""

from __future__ import annotations

from pipeline.rulespecs.counts import CountsRules
from pipeline.rulespecs.dates import DatesRules
from pipeline.rulespecs.forces import ForcesRules
from pipeline.rulespecs.inspections import InspectionsRules
from pipeline.rulespecs.numbers import NumbersRules
from pipeline.rulespecs.officials import OfficialsRules
from pipeline.rulespecs.phases import PhasesRules
from pipeline.rulespecs.recommendations import RecommendationsRules
from pipeline.rulespecs.roles import RolesRules
from pipeline.rulespecs.speech import SpeechRules
from pipeline.rulespecs.words import WordsRules

# File name -> spec. A file listed here must hold exactly the keys its spec declares.
SPECS: dict[str, type] = {
    "forces.yaml": ForcesRules,
    "phases.yaml": PhasesRules,
    "words.yaml": WordsRules,
    "numbers.yaml": NumbersRules,
    "recommendations.yaml": RecommendationsRules,
    "counts.yaml": CountsRules,
    "inspections.yaml": InspectionsRules,
    "roles.yaml": RolesRules,
    "dates.yaml": DatesRules,
    "officials.yaml": OfficialsRules,
    "speech.yaml": SpeechRules,
}

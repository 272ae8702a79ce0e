"""The keys of rules/numbers.yaml and their types, checked when the rules load.

The file's own comments say what each key holds and which module reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.rulespecs.checked import Phrases, WordsTo


@dataclass(frozen=True)
class NumbersRules:
    """rules/numbers.yaml: one field per key."""

    numbers: WordsTo
    all_words: Phrases

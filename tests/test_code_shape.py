"""The shape the code keeps: short functions, and no English in the extractors.

Extraction knowledge is data in rules/ so that someone who knows policing can read and
correct it; a word written into pipeline/extract/ as a string is invisible to them and to
`oversight rules lint`. Codes stored in rows are StrEnums (pipeline/codes.py), labels are
module-local StrEnums with auto(), so no English word needs to be a string literal there.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
MAX_FUNCTION_LINES = 60
# A string constant holding a lower-case word of two letters or more, that is not a code
# (snake_case), an upper-case spaCy attribute, a docstring or part of an f-string.
_WORD = re.compile(r"\b[a-z]{2,}\b")


def _docstrings_and_fstring_parts(tree: ast.AST) -> set[int]:
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr):
            skip |= {id(value) for value in node.values}
    return skip


def english_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings_and_fstring_parts(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and "_" not in node.value and not node.value.isupper()
            and _WORD.search(node.value)]


def test_no_english_in_the_extractors():
    found = [f"{path.name}:{line}: {value!r}"
             for path in sorted((PACKAGE / "extract").glob("*.py"))
             for line, value in english_literals(path)]
    assert found == [], "move these words to rules/ (or name a code):\n" + "\n".join(found)


def test_the_counter_sees_words_and_spares_codes(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Doc."""\nA = "closed"\nB = "cause_of_concern"\nC = "LOWER"\n'
                      'D = f"{A} x"\n', encoding="utf-8")
    assert english_literals(sample) == [(2, "closed")]


def test_no_function_is_longer_than_sixty_lines():
    long = [f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name} "
            f"({node.end_lineno - node.lineno + 1} lines)"
            for path in sorted(PACKAGE.rglob("*.py"))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []

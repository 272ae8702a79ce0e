"""Build a frozen, typed spec from one rules file, checking it as it is built.

A rules file is edited by people who know policing, not Python. A misspelt key, a list
where a mapping belongs or a number written as a word used to load fine and fail in the
middle of an extraction run, far from the file that caused it. Here every file is checked
once, when it is loaded, against the dataclass that declares its keys, and the first fault
stops the run with one line naming the file and the key.

Lists become tuples and mappings read-only mappings, so no extractor can change the rules
another one reads.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import types
import typing
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")

# Markers for typing.Annotated: what a list of strings holds, so `oversight rules lint`
# knows how to look for it in text. Unmarked lists of strings are phrases (whole tokens,
# case-insensitive).
REGEX = "regex"  # Python regular expressions, searched in the text
CODES = "codes"  # identifiers, token shapes or punctuation: not looked for as phrases
PATTERNS = "patterns"  # spaCy token patterns, checked by spaCy when the matcher is built
PHRASE_KEYS = "phrase_keys"  # a mapping whose keys are phrases


class SpecError(ValueError):
    """A rules file does not fit its spec: the message names the file and the key."""


def build(cls: type[T], data: object, where: str) -> T:
    """`data` (parsed YAML) as an instance of the spec dataclass `cls`."""
    if not isinstance(data, Mapping):
        raise SpecError(f"{where}: expected a mapping of keys, got {_kind(data)}")
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {f.metadata.get("key", f.name): f for f in dataclasses.fields(cls)}
    unknown = [str(k) for k in data if k not in fields]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(fields), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"not one of its {len(fields)} keys"
        raise SpecError(f"{where}: unknown key '{unknown[0]}' ({hint})")
    values = {}
    for name, spec_field in fields.items():
        if name in data:
            values[spec_field.name] = convert(hints[spec_field.name], data[name],
                                              f"{where}: {name}")
        elif (spec_field.default is dataclasses.MISSING
              and spec_field.default_factory is dataclasses.MISSING):
            raise SpecError(f"{where}: missing key '{name}'")
    return cls(**values)


def convert(hint: Any, value: object, where: str) -> Any:
    """`value` checked against the type `hint` and frozen."""
    if PATTERNS in markers(hint):
        return copy.deepcopy(value)  # spaCy's Matcher takes lists and dicts, and checks them
    hint = _strip_annotated(hint)
    origin = typing.get_origin(hint)
    if hint is Any:
        return _freeze(value)
    if origin in (typing.Union, types.UnionType):
        return _union(hint, value, where)
    if dataclasses.is_dataclass(hint):
        return build(hint, value, where)
    if origin is tuple:
        (item,) = [a for a in typing.get_args(hint) if a is not Ellipsis]
        if not isinstance(value, list):
            raise SpecError(f"{where}: expected a list, got {_kind(value)}")
        return tuple(convert(item, v, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is Mapping:
        key_type, value_type = typing.get_args(hint)
        if not isinstance(value, Mapping):
            raise SpecError(f"{where}: expected a mapping, got {_kind(value)}")
        return types.MappingProxyType({
            convert(key_type, k, f"{where}: key {k!r}"): convert(value_type, v, f"{where}: {k}")
            for k, v in value.items()})
    return _scalar(hint, value, where)


def _union(hint: Any, value: object, where: str) -> Any:
    options = typing.get_args(hint)
    if value is None and type(None) in options:
        return None
    faults = []
    for option in (o for o in options if o is not type(None)):
        try:
            return convert(option, value, where)
        except SpecError as exc:
            faults.append(str(exc))
    raise SpecError(faults[0] if len(faults) == 1 else
                    f"{where}: {_kind(value)} fits none of {_names(options)}")


def _scalar(hint: Any, value: object, where: str) -> Any:
    ok = (isinstance(value, hint) and not (hint is int and isinstance(value, bool))
          or hint is float and isinstance(value, int) and not isinstance(value, bool))
    if not ok:
        raise SpecError(f"{where}: expected {_names((hint,))}, got {_kind(value)}")
    return float(value) if hint is float else value


def _freeze(value: object) -> object:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, Mapping):
        return types.MappingProxyType({k: _freeze(v) for k, v in value.items()})
    return value


def _strip_annotated(hint: Any) -> Any:
    return typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint


def markers(hint: Any) -> tuple[object, ...]:
    """The Annotated markers on a field's type (REGEX, CODES, ...)."""
    if typing.get_origin(hint) is typing.Annotated:
        return tuple(typing.get_args(hint)[1:])
    return ()


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
               date: "a date (YYYY-MM-DD)", type(None): "nothing"}


def _names(options: tuple) -> str:
    return " or ".join(_TYPE_NAMES.get(o, getattr(o, "__name__", str(o))) for o in options)


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    return f"{_TYPE_NAMES.get(type(value), type(value).__name__)} ({value!r:.40})"


# The shapes most rules take.
Phrases = tuple[str, ...]
Regexes = typing.Annotated[tuple[str, ...], REGEX]
Codes = typing.Annotated[tuple[str, ...], CODES]
Patterns = typing.Annotated[Mapping[str, Any], PATTERNS]
WordsTo = typing.Annotated[Mapping[str, Any], PHRASE_KEYS]  # keyed by words ("march": 3)


def entries(spec: object) -> dict[str, Any]:
    """A spec's keys and values, for code that reads a whole file's lists by name (the date
    grammar's $names)."""
    return {f.name: getattr(spec, f.name) for f in dataclasses.fields(spec)}

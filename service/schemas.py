"""Load the JSON Schemas in `schemas/` and build validators with cross-file refs resolved.

Used by tests (and anyone checking messages) so the message contracts are enforced from one
place; `jsonschema` lives in the dev extra, so import this module only where it is installed.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from service.contracts import is_rfc3339

SCHEMAS_DIR = Path(__file__).resolve().parents[1] / "schemas"
BASE_URI = "https://geopulse.dev/schemas/"


# RFC 3339 date-time: full date, T, time, mandatory offset. jsonschema only checks
# "date-time" when the optional rfc3339-validator is installed, so we check it ourselves.
def _normalise_name(name: str) -> str:
    """Accept "enriched.v1", "enriched.v1.json" or a full $id."""
    name = name.removeprefix(BASE_URI)
    return name if name.endswith(".json") else f"{name}.json"


def load_schema(name: str) -> dict[str, Any]:
    """Return the parsed schema file `schemas/<name>.json`."""
    path = SCHEMAS_DIR / _normalise_name(name)
    if not path.is_file():
        raise KeyError(f"no schema {name!r} in {SCHEMAS_DIR}")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def schema_names() -> list[str]:
    """Names (without .json) of every schema file, for tests that check them all."""
    return sorted(p.name.removesuffix(".json") for p in SCHEMAS_DIR.glob("*.json"))


@cache
def registry() -> Registry:
    """All schemas keyed by their $id, so relative refs between files resolve offline."""
    resources = []
    for name in schema_names():
        schema = load_schema(name)
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def _is_datetime(value: object) -> bool:
    # format only constrains strings; "type" handles the rest
    return not isinstance(value, str) or is_rfc3339(value)


@cache
def format_checker() -> FormatChecker:
    """The draft 2020-12 format checker plus a dependency-free RFC 3339 date-time check."""
    checker = FormatChecker()
    checker.checks("date-time")(_is_datetime)
    return checker


@cache
def validator(name: str) -> Draft202012Validator:
    """A cached validator for `name` ("enriched.v1" …) with format checking and refs resolved."""
    return Draft202012Validator(
        load_schema(name), registry=registry(), format_checker=format_checker()
    )


def span_errors(enriched: dict[str, Any], article: dict[str, Any]) -> list[str]:
    """Offset checks JSON Schema cannot express: `end >= start` and `field[start:end] == text`.

    `enriched` is a news.enriched record, `article` the input it was made from.
    """
    errors: list[str] = []
    for i, entity in enumerate(enriched.get("entities", [])):
        for j, mention in enumerate(entity.get("mentions", [])):
            where = f"entities[{i}].mentions[{j}]"
            errors += _span_error(where, article, mention["field"], mention)
    for i, event in enumerate(enriched.get("events", [])):
        for part in ("sentence", "trigger"):
            errors += _span_error(f"events[{i}].{part}", article, event["field"], event[part])
    return errors


def _span_error(where: str, article: dict[str, Any], field: str, span: dict[str, Any]) -> list[str]:
    start, end, text = span["start"], span["end"], span["text"]
    if end < start:
        return [f"{where}: end {end} < start {start}"]
    source = article.get(field) or ""
    if end > len(source):
        return [f"{where}: end {end} beyond {field} length {len(source)}"]
    if source[start:end] != text:
        return [f"{where}: {field}[{start}:{end}] is {source[start:end]!r}, not {text!r}"]
    return []

"""The message contracts in code: parse an input article, build the records geopulse emits.

``schemas/`` holds the same contracts as JSON Schema for the teams on either side; the tests
check that what this module builds validates against them. Parsing is strict about the
fields the service needs (``id``, ``body``) and lenient about the rest (unknown fields are
ignored, optional ones are type-checked and passed through).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields, make_dataclass
from datetime import UTC, datetime
from enum import StrEnum
from itertools import repeat
from typing import Any, Final, cast

import orjson

ENRICHED_SCHEMA = "geopulse.enriched.v1"
EVENT_SCHEMA = "geopulse.event.v1"
MAX_ID_CHARS = 256
MAX_TITLE_CHARS = 2048  # a headline, not a second body: longer is dead-lettered as too_large
# orjson decodes an integer literal beyond 64 bits as a float and drops digits, silently. So every
# number must lie within ±MAX_NUMBER, a bound that decoded values show exactly: each float outside
# it is a whole number (maybe such a rounded integer), and -2**63 is where -2**63-1 rounds to.
MAX_NUMBER = (1 << 63) - 1
# Passed through to the enriched record when present, in this order.
PASSTHROUGH_FIELDS = ("id", "title", "source", "url", "published_at", "language", "metadata")
_OPTIONAL_STRINGS = ("title", "source", "url", "published_at", "language")
# The article schema's formats, checked here so no output can carry a value that breaks them.
_LANGUAGE_RE = re.compile(r"[A-Za-z]{2}")
_RFC3339_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})", re.ASCII
)


class ErrorClass(StrEnum):
    """Machine-readable reasons in the ``geopulse.error.class`` dead-letter header."""

    EMPTY = "empty"
    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    SCHEMA = "schema"
    TOO_LARGE = "too_large"
    TAGGER_ERROR = "tagger_error"
    OUTPUT_REJECTED = "output_rejected"


class BadInput(ValueError):
    """An input message that breaks the article contract; it goes to the dead-letter topic."""

    def __init__(self, error_class: ErrorClass, message: str) -> None:
        super().__init__(message)
        self.error_class = error_class
        self.message = message


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed input article: the fields the tagger needs plus the raw JSON object."""

    id: str
    body: str
    title: str
    language: str
    fields: dict[str, Any]

    def __reduce__(self) -> tuple[type[Article], tuple[str, str, str, str, dict[str, Any]]]:
        """Pickled as its constructor call: compiled by mypyc, the default restores each field
        with setattr, which a frozen class refuses."""
        return Article, (self.id, self.body, self.title, self.language, self.fields)

    @property
    def published_at(self) -> str | None:
        value = self.fields.get("published_at")
        return value if isinstance(value, str) else None


def draft_class(cls: type[Any]) -> type:
    """A mutable twin of the frozen slotted dataclass ``cls``: the same fields in the same slots.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, at several
    times the cost of a plain store; an instance of the twin, its class then set to ``cls`` (the
    layouts match, so Python allows it), is the same object at a third of the cost. Compiled by
    mypyc (see :data:`COMPILED`), ``cls`` is a native class whose ``__init__`` stores each field
    in C; build it directly then.
    """
    return make_dataclass(
        f"_{cls.__name__}Draft", [(f.name, f.type) for f in fields(cls)], slots=True
    )


_ArticleDraft = draft_class(Article)
#: Whether this module runs compiled by mypyc (service/native.py): its dataclasses are then
#: native classes, built directly (their layout is not a draft's, so ``__class__`` cannot move).
COMPILED: bool = hasattr(Article, "__mypyc_attrs__")


def _new_article(
    article_id: str, body: str, title: str, language: str, obj: dict[str, Any]
) -> Article:
    """``Article(article_id, body, title, language, obj)``, built as a draft (see draft_class)."""
    if COMPILED:
        return _native_article(article_id, body, title, language, obj)
    article = _ArticleDraft(article_id, body, title, language, obj)
    article.__class__ = Article
    return cast(Article, article)


def _native_article(
    article_id: str, body: str, title: str, language: str, obj: dict[str, Any]
) -> Article:
    """``Article(...)`` when compiled: mypyc leaves a dataclass's ``__init__`` to the dataclasses
    module (interpreted, one ``object.__setattr__`` a field); compiled stores go to the slots."""
    article = Article.__new__(Article)
    article.id = article_id  # type: ignore[misc]
    article.body = body  # type: ignore[misc]
    article.title = title  # type: ignore[misc]
    article.language = language  # type: ignore[misc]
    article.fields = obj  # type: ignore[misc]
    return article


def parse_article(raw: bytes | None, max_body_bytes: int) -> Article:
    """Decode and validate one input message value; raise :class:`BadInput` on any breach."""
    if not raw:
        raise BadInput(ErrorClass.EMPTY, "message value is empty")
    # JSON spends at most 6 bytes per body byte: a larger message cannot hold a valid body,
    # so refuse it before paying to parse it. The exact body check follows the parse.
    if len(raw) > 6 * max_body_bytes + 65536:
        raise BadInput(ErrorClass.TOO_LARGE, f"message of {len(raw)} bytes is over the limit")
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _decode_error(raw, exc) from None
    if not isinstance(obj, dict):
        raise BadInput(ErrorClass.SCHEMA, f"article must be a JSON object, got {_kind(obj)}")
    return _validate(obj, max_body_bytes)


def _decode_error(raw: bytes, exc: orjson.JSONDecodeError) -> BadInput:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as uexc:
        return BadInput(ErrorClass.INVALID_UTF8, f"value is not valid UTF-8 at byte {uexc.start}")
    return BadInput(ErrorClass.INVALID_JSON, f"value is not valid JSON: {exc}")


def _validate(obj: dict[str, Any], max_body_bytes: int) -> Article:
    article_id = obj.get("id")
    if not isinstance(article_id, str) or not 1 <= len(article_id) <= MAX_ID_CHARS:
        raise BadInput(ErrorClass.SCHEMA, f"'id' must be a string of 1-{MAX_ID_CHARS} characters")
    body = obj.get("body")
    if not isinstance(body, str):
        raise BadInput(ErrorClass.SCHEMA, f"'body' must be a string, got {_kind(body)}")
    # Code points bound UTF-8 bytes from below and 4x from above: encode only when unsure.
    if len(body) > max_body_bytes or (
        4 * len(body) > max_body_bytes
        and len(body.encode("utf-8", "surrogatepass")) > max_body_bytes
    ):
        raise BadInput(ErrorClass.TOO_LARGE, f"'body' is over the {max_body_bytes}-byte limit")
    for name in _OPTIONAL_STRINGS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise BadInput(ErrorClass.SCHEMA, f"'{name}' must be a string, got {_kind(value)}")
    title = obj.get("title")
    if title is not None and len(title) > MAX_TITLE_CHARS:
        raise BadInput(
            ErrorClass.TOO_LARGE, f"'title' is over the {MAX_TITLE_CHARS}-character limit"
        )
    metadata = obj.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadInput(ErrorClass.SCHEMA, f"'metadata' must be an object, got {_kind(metadata)}")
    _check_numbers(obj)
    _check_formats(obj)
    language = obj.get("language") or "en"
    return _new_article(article_id, body, obj.get("title") or "", language.lower(), obj)


def _check_numbers(obj: dict[str, Any]) -> None:
    # Hot path: one pass over the decoded values, cheap for the usual flat object of strings.
    stack: list[Any] = [obj.values()]
    while stack:
        for value in stack.pop():
            kind = type(value)
            if kind is str:
                continue
            if kind is dict:
                stack.append(value.values())
            elif kind is list:
                stack.append(value)
            elif (kind is int or kind is float) and not -MAX_NUMBER <= value <= MAX_NUMBER:
                where, number = _first_wide_number(obj)
                raise BadInput(
                    ErrorClass.SCHEMA,
                    f"'{where}' is a number outside ±(2^63-1) (about {number:.4g}) that cannot "
                    "be passed on exactly; send such numbers as strings",
                )


def _first_wide_number(obj: dict[str, Any]) -> tuple[str, float]:
    """Where the first number out of range sits (``metadata.ids[2]``) and its value."""
    stack: list[tuple[str, Any]] = [(k, v) for k, v in reversed(obj.items())]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{path}.{k}", v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            # by index: mypyc cannot compile enumerate() over an untyped value
            stack.extend((f"{path}[{i}]", value[i]) for i in reversed(range(len(value))))
        elif type(value) in (int, float) and not -MAX_NUMBER <= value <= MAX_NUMBER:
            return path, value
    raise AssertionError("no number out of range")


def _check_formats(obj: dict[str, Any]) -> None:
    language = obj.get("language")
    if language is not None and not _LANGUAGE_RE.fullmatch(language):
        raise BadInput(ErrorClass.SCHEMA, "'language' must be a two-letter ISO 639-1 code")
    published = obj.get("published_at")
    if published is not None and not is_rfc3339(published):
        raise BadInput(ErrorClass.SCHEMA, "'published_at' must be an RFC 3339 timestamp")


def is_rfc3339(value: str) -> bool:
    """An RFC 3339 timestamp with a time zone (what ``published_at`` must be)."""
    if not _RFC3339_RE.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _kind(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def enriched_record(
    article: Article,
    entities: list[dict[str, Any]],
    events: list[dict[str, Any]],
    tagger_info: dict[str, str],
    skipped: str | None = None,
) -> dict[str, Any]:
    """The value for the output topic: the article's envelope, what was found, who found it."""
    record: dict[str, Any] = {
        "schema": ENRICHED_SCHEMA,
        "article": _passthrough(article),
        "entities": entities,
        "events": events,
        "tagger": tagger_info,
    }
    if skipped is not None:
        record["skipped"] = skipped
    return record


def _passthrough(article: Article) -> dict[str, Any]:
    # a plain loop, one look-up a field: a comprehension is a function call of its own (3.11)
    fields = article.fields
    passed = {}
    for name in PASSTHROUGH_FIELDS:
        value = fields.get(name)
        if value is not None:
            passed[name] = value
    return passed


def event_message(
    article: Article, event: dict[str, Any], tagger_info: dict[str, str]
) -> dict[str, Any]:
    """The value for the events topic: one event, flat, with enough context to alert on."""
    message: dict[str, Any] = {"schema": EVENT_SCHEMA, "article_id": article.id}
    for name in ("published_at", "source"):
        value = article.fields.get(name)
        if isinstance(value, str):
            message[name] = value
    message.update(event)
    message["tagger"] = tagger_info
    return message


# Keys event_message writes around an event's own: an event holding one is merged as a dict.
_MESSAGE_KEYS = frozenset({"schema", "article_id", "published_at", "source", "tagger"})
# ``keys.isdisjoint(small_set)`` looks each member of the small set up in the dict, where
# ``small_set.isdisjoint(dict)`` would look each of the dict's (a dozen) keys up in the set.
_KEYS_ISDISJOINT: Callable[..., bool] = type({}.keys()).isdisjoint
_MESSAGE_KEY_LIST: Final = tuple(sorted(_MESSAGE_KEYS))


def serialise(
    article: Article,
    entities: list[dict[str, Any]],
    events: list[dict[str, Any]],
    tagger_info: dict[str, str],
    skipped: str | None = None,
    emit_events: bool = True,
) -> tuple[bytes, list[bytes]]:
    """``orjson.dumps`` of :func:`enriched_record` and of each :func:`event_message`, byte for
    byte, with each event serialised once and spliced into both: orjson writes a dict as its
    members in order with no spaces, so a record's bytes are its parts' bytes joined."""
    evs = list(map(orjson.dumps, events))
    # the record with no events, its events spliced into the empty list: the last one, as only
    # the tagger's strings and ``skipped`` follow it and orjson escapes quotes inside strings
    bare = orjson.dumps(enriched_record(article, entities, [], tagger_info, skipped))
    cut = bare.rindex(b',"events":[]') + len(b',"events":[')
    value = b"".join((bare[:cut], b",".join(evs), bare[cut:]))
    if not emit_events:
        return value, []
    # likewise each event's members go where an empty event's would be, before the tagger
    bare = orjson.dumps(event_message(article, {}, tagger_info))
    cut = bare.rindex(b',"tagger":')
    start, end = bare[:cut] + b",", bare[cut:]
    if _all_spliceable(events, evs):
        return value, [b"".join((start, body[1:-1], end)) for body in evs]
    out = []
    for ev, body in zip(events, evs, strict=True):
        if len(body) > 2 and _MESSAGE_KEYS.isdisjoint(ev):
            out.append(b"".join((start, body[1:-1], end)))
        else:
            out.append(orjson.dumps(event_message(article, ev, tagger_info)))
    return value, out


def _all_spliceable(events: list[dict[str, Any]], evs: list[bytes]) -> bool:
    """Whether every event has members and none the message writes itself, so that the usual
    case builds its messages in a comprehension with no test per event. Compiled, a typed
    loop asks each event for the five keys (a dict look-up each); as Python, one C-level
    pass does."""
    if b"{}" in evs:
        return False
    if not COMPILED:
        return all(map(_KEYS_ISDISJOINT, map(dict.keys, events), repeat(_MESSAGE_KEYS)))
    for ev in events:
        for key in _MESSAGE_KEY_LIST:
            if key in ev:
                return False
    return True


def dead_letter_headers(
    error: BadInput, topic: str, partition: int, offset: int, failed_at: datetime | None = None
) -> list[tuple[str, bytes]]:
    """The headers that say why a message was dead-lettered and where it came from."""
    when = (failed_at or datetime.now(UTC)).isoformat(timespec="milliseconds")
    message = " ".join(error.message.split())[:1000]
    return [
        ("geopulse.error.class", error.error_class.value.encode()),
        ("geopulse.error.message", message.encode("utf-8", "replace")),
        ("geopulse.source.topic", topic.encode()),
        ("geopulse.source.partition", str(partition).encode()),
        ("geopulse.source.offset", str(offset).encode()),
        ("geopulse.failed_at", when.replace("+00:00", "Z").encode()),
    ]

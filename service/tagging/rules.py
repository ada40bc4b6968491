"""Rule data: load the built-in JSON files plus a user rules directory, validate, merge, hash.

A rule file is a JSON object with any of these top-level sections:

- ``event_types``: ``{TYPE: {cameo, plover, triggers, priority?, future_type?, fixed_modality?,
  hedge_makes_hypothetical?, negators?, withheld_by?, attributes?, symmetric?, clause_rates?,
  story_talks?, roles?}}`` (``withheld_by``: single words that, opening a trigger, say the
  event is withheld: "duties stay in place" is tariff relief that did not come, negated, and
  "will not stay in place" relief that comes; a type's ``fixed_modality`` overrides them)
  (``story_talks``: ``goods`` or ``conflict``: contacts on a talk noun in a story with
  events of that kind and none of the other are this type too; the older
  ``peacetime_talks: true`` still reads as ``story_talks: goods``)
  (``clause_rates``: a threat's rates come from the clause holding its threat verb when that
  is not the trigger's clause). ``roles`` says where targets come from: ``no_targets`` (the
  other side is a party, an actor), ``sides``
  (its two parties become the article's opposed sides, e.g. for later mediation; a rank 1-9,
  true = 1: a lower-ranked event does not replace sides a higher-ranked one set up),
  ``targets_act`` (whoever the trigger names acts: "no comment from Moscow"),
  ``warner_acts`` ("X warned that Y would...": X's threat, aimed at Y),
  ``needs_party`` (an event naming neither actor nor target is dropped: "the suspects
  declined to comment", "she met fans"), ``opposes`` (the subject opposes what follows) and
  ``owner_acts`` (after an opposing verb, a name modifying this type's trigger is its only
  actor: "X slammed new Dutch export controls"), ``rebuts`` ("X accused Y of ..., a charge Z
  denied": Z acts, against X), ``hosted`` (``join``: those the subject
  hosted are parties too, "X hosted Y for talks"; ``replace``: they are the only ones),
  ``accused_acts`` ("X accused Y of <event>": Y acts, X is the target if none is named),
  ``from_acts`` ("condemnation from X": where no actor is named, X right after "from" acts),
  ``named_acts`` (where nothing else gives an actor, the first person, body, demonym or country
  named before the trigger acts, not a city, goods or a name after "by", "in", "to" or "from",
  nor one in an "asked ..." question: "officials at the Chinese embassy did not respond"),
  ``forum_free`` (a body that judges disputes, cue list ``forum_bodies``, named after a
  preposition or as a modifier is no target unless it is the only party: "took its complaint
  to the WTO", "WTO rules", not "criticised the WTO"), ``home_government`` (a government left
  unnamed right after the trigger, cue list ``home_government_objects``, is the country the
  sentence names most other than the actor's own, else the actor's own: "the Chinese embassy
  in Manila accused the government of"),
  ``refer_back`` ("the talks", "the truce": a definite reference naming fewer than two parties
  takes the parties of the last such event), ``place_targets`` (prepositions after which a
  country is what it is aimed at when nothing else is: "struck camps in X") and
  ``object_types`` (``{noun: [TYPE]}``: "rejected the accusation" aims at the actor of the
  last CRITICISM), ``mutual`` (phrases around the trigger that make its parties act on each
  other: "X and Y trade blame", "blamed each other") and ``fallback_targets`` (when the
  sentence names none: the article's two
  ``sides``, those sides only when no actor is on either (``sides_for_others``: "the UN urged a
  truce"), the side an actor is not on (``other_side``: "the rebels shelled a base"), the actors
  or the targets of the last earlier event of the same family, or ``object_actors``: the
  actors of the last event of a type the object names, "condemned the strikes", and with no
  such object the other side).
  A trigger is a pattern string or
  ``{"p": pattern, "if": [words], "unless": [words], "if_article": [words], "if_commodity":
  bool, "and_if": [words], "not_prev": [words], "not_next": [words]}`` (``if``: one of the
  words in the sentence, or a commodity the sentence names when ``if_commodity``, or one of
  ``if_article``'s anywhere in the article; ``and_if``: one of these in the sentence as well;
  ``unless``: none of them in the sentence; ``not_prev`` / ``not_next``: not right after /
  right before one of these words: "cabinet meeting", "slammed into").
  A pattern is space-separated elements;
  an element is ``word|word|...`` (matched by stem), ``#NUM`` (a number) or ``...`` (a gap of up
  to five tokens). No regular expressions, so no user pattern can backtrack.
- ``people`` / ``organisations``: ``[{id?, name, country?, aliases?}]``
- ``places``: ``[{name, id?, country?, aliases?}]``; ``country_aliases``: ``{alias: ISO3}``;
  ``demonyms``: ``{word: ISO3 or norp:slug}``; ``city_stoplist``: ``[name]`` (no place);
  ``city_person_names``: ``[name]`` (a city whose name is also a given name or surname, as
  "Santiago": a place only where no capitalised word stands beside it)
- ``commodities``: ``[{id, aliases}]``; ``commodity_blockers``: ``[phrase]``
- ``cues``: ``{cue-list-name: [phrases]}`` (extends the built-in lists; ``off_topic_words``,
  ``on_topic_words`` and ``domestic_words``, single words, tell sport/technology/weather
  articles and labour or court stories from political ones)
- ``event_references``: ``{noun: [TYPE]}``: a noun after a determiner or possessive ("the
  deal", "their talks") names again an event of one of these types reported earlier in the
  field, and so carries that type too
- ``sentence_model``: ``{threshold, threshold_beside_rules?, threshold_foreseen?,
  threshold_foreseen_beside_rules?, gate?, types: {TYPE: {bias, weights: {stem or "stem
  stem": w}}}}``: event types the rules missed, by sentence (service/tagging/classifier.py);
  ``article_model``: ``{threshold, bias, min_stems?, weights: {stem: w}}``: an article that
  holds nothing to find; ``target_model``: ``{threshold, bias, weights: {feature: w}}``: targets
  the role rules missed, and ``actor_model`` (the same and ``swap_below?``): actors they missed
  or named wrongly (service/tagging/targets.py). A section with ``types`` / ``weights``
  replaces the built-in model whole and must give its ``threshold``; one without sets only what
  it names (a threshold of 1 turns the model off)
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

from .text import tokenize

# From the package, not __file__: a module compiled by mypyc (service.native) reports a
# __file__ built from the relative path it was compiled from, which names no real file.
DATA_DIR = Path(str(files("service.tagging"))) / "data"
BUILTIN_FILES = (
    "events.json",
    "cues.json",
    "entities.json",
    "places.json",
    "commodities.json",
    "sentence_model.json",
    "article_model.json",
    "target_model.json",
    "actor_model.json",
)
_TYPE_RE = re.compile(r"[A-Z][A-Z0-9_]{1,63}")
_ID_RE = re.compile(r"(person|org|country|place|norp|commodity):[A-Za-z0-9][A-Za-z0-9._-]*")
_ISO3_RE = re.compile(r"[A-Z]{3}")
MAX_PATTERN_ELEMENTS = 12
# Multi-word alternatives multiply into token-level variants at load time; a few of them per
# element make a pattern that takes hours and gigabytes to compile, so their product is bounded.
MAX_PATTERN_VARIANTS = 64


class RulesError(ValueError):
    """Bad rule data; the message is one line naming the file and the path within it."""


Rules = dict[str, Any]
Check = Callable[[Any, str, list[str]], None]


def _str(v: Any, path: str, errs: list[str]) -> None:
    if not isinstance(v, str) or not v.strip():
        errs.append(f"{path}: expected a non-empty string")


def _str_list(v: Any, path: str, errs: list[str]) -> None:
    if not isinstance(v, list):
        errs.append(f"{path}: expected a list of strings")
        return
    for i, x in enumerate(v):
        _str(x, f"{path}[{i}]", errs)


def _country(v: Any, path: str, errs: list[str]) -> None:
    if v is None:
        return
    if not isinstance(v, str) or not _ID_RE.fullmatch(v) or not v.startswith("country:"):
        errs.append(f"{path}: expected 'country:<ISO3>' or null, got {v!r}")


def check_pattern(p: Any, path: str, errs: list[str]) -> None:
    if not isinstance(p, str) or not p.strip():
        errs.append(f"{path}: expected a non-empty pattern string")
        return
    elems = p.split()
    if elems[0] == "..." or elems[-1] == "...":
        errs.append(f"{path}: a pattern may not begin or end with '...': {p!r}")
    if len(elems) > MAX_PATTERN_ELEMENTS:
        errs.append(f"{path}: pattern has more than {MAX_PATTERN_ELEMENTS} elements")
    for e in elems:
        if e in ("...", "#NUM"):
            continue
        if any(not alt or any(c in alt for c in "()[]{}*+?\\^$") for alt in e.split("|")):
            errs.append(f"{path}: bad element {e!r} (words separated by '|'; no regex syntax)")
    if _variants(elems) > MAX_PATTERN_VARIANTS:
        errs.append(
            f"{path}: multi-word alternatives expand to over {MAX_PATTERN_VARIANTS} variants"
        )


def _variants(elems: list[str]) -> int:
    """How many token sequences a pattern expands to (as in ``patterns._expand``)."""
    total = 1
    for e in elems:
        if e in ("...", "#NUM"):
            continue
        lengths = [len(tokenize(alt.replace("_", " ")).stems) for alt in e.split("|")]
        total *= sum(1 for n in lengths if n > 1) + (1 in lengths)
    return total


_ADJACENT = frozenset({"not_prev", "not_next"})


def _trigger(v: Any, path: str, errs: list[str]) -> None:
    if isinstance(v, dict):
        extra = set(v) - {"p", "if", "unless", "if_article", "if_commodity", "and_if"} - _ADJACENT
        if extra:
            errs.append(f"{path}: unknown keys {sorted(extra)}")
        if not isinstance(v.get("if_commodity", False), bool):
            errs.append(f"{path}.if_commodity: expected true or false")
        check_pattern(v.get("p"), f"{path}.p", errs)
        for k in ("if", "unless", "if_article", "and_if", *sorted(_ADJACENT)):
            if k in v:
                _str_list(v[k], f"{path}.{k}", errs)
                _single_tokens(v[k], f"{path}.{k}", errs)
    else:
        check_pattern(v, path, errs)


def _event_types(v: Any, path: str, errs: list[str]) -> None:
    if not isinstance(v, dict):
        errs.append(f"{path}: expected an object of event types")
        return
    for name, d in v.items():
        p = f"{path}.{name}"
        if not _TYPE_RE.fullmatch(name):
            errs.append(f"{p}: type name must be UPPER_SNAKE_CASE")
        if not isinstance(d, dict):
            errs.append(f"{p}: expected an object")
            continue
        known = {
            "cameo",
            "plover",
            "triggers",
            "priority",
            "future_type",
            "fixed_modality",
            "hedge_makes_hypothetical",
            "negators",
            "withheld_by",
            "extend",
            "attributes",
            "symmetric",
            "story_talks",
            "peacetime_talks",
            "roles",
            "clause_rates",
        }
        extra = set(d) - known
        if extra:
            errs.append(f"{p}: unknown keys {sorted(extra)}")
        if not d.get("extend"):
            for k in ("cameo", "plover"):
                if not isinstance(d.get(k), str):
                    errs.append(f"{p}.{k}: expected a string")
        trig = d.get("triggers")
        if not isinstance(trig, list) or not trig:
            errs.append(f"{p}.triggers: expected a non-empty list")
        else:
            for i, t in enumerate(trig):
                _trigger(t, f"{p}.triggers[{i}]", errs)
        if "priority" in d and (
            not isinstance(d["priority"], int) or isinstance(d["priority"], bool)
        ):
            errs.append(f"{p}.priority: expected an integer")
        if d.get("fixed_modality") not in (None, "asserted", "negated", "hypothetical"):
            errs.append(f"{p}.fixed_modality: expected asserted|negated|hypothetical")
        if "future_type" in d:
            _str(d["future_type"], f"{p}.future_type", errs)
        if "hedge_makes_hypothetical" in d and not isinstance(d["hedge_makes_hypothetical"], bool):
            errs.append(f"{p}.hedge_makes_hypothetical: expected true or false")
        if "negators" in d:
            _str_list(d["negators"], f"{p}.negators", errs)
        if "withheld_by" in d:
            _str_list(d["withheld_by"], f"{p}.withheld_by", errs)
            _single_tokens(d["withheld_by"], f"{p}.withheld_by", errs)
        for a in d.get("attributes", []) if isinstance(d.get("attributes", []), list) else [None]:
            if a not in ("rate_pct", "commodity"):
                errs.append(f"{p}.attributes: expected a list of 'rate_pct'/'commodity'")
        if d.get("story_talks", "goods") not in ("goods", "conflict"):
            errs.append(f"{p}.story_talks: expected goods|conflict")
        for k in ("symmetric", "clause_rates", "peacetime_talks"):
            if k in d and not isinstance(d[k], bool):
                errs.append(f"{p}.{k}: expected true or false")
        if "roles" in d:
            _roles(d["roles"], f"{p}.roles", errs)


ROLE_FALLBACKS = (
    "sides",
    "other_side",
    "sides_for_others",
    "previous_actors",
    "object_actors",
    "previous_targets",
)


# role options that are true or false, and those with values of their own (checked below)
ROLE_FLAGS = frozenset(
    {
        "no_targets",
        "targets_act",
        "warner_acts",
        "accused_acts",
        "refer_back",
        "speaker_judges",
        "needs_party",
        "opposes",
        "owner_acts",
        "rebuts",
        "from_acts",
        "named_acts",
        "forum_free",
        "home_government",
    }
)
ROLE_VALUES = frozenset(
    {"sides", "hosted", "place_targets", "object_types", "fallback_targets", "mutual"}
)


def _roles(v: Any, path: str, errs: list[str]) -> None:
    """``{no_targets?, sides?, accused_acts?, refer_back?: bool, fallback_targets?: ...}``."""
    if not isinstance(v, dict):
        errs.append(f"{path}: expected an object")
        return
    extra = set(v) - ROLE_FLAGS - ROLE_VALUES
    if extra:
        errs.append(f"{path}: unknown keys {sorted(extra)}")
    for k in ROLE_FLAGS:
        if k in v and not isinstance(v[k], bool):
            errs.append(f"{path}.{k}: expected true or false")
    ot = v.get("object_types", {})
    if not (isinstance(ot, dict) and all(isinstance(x, list) for x in ot.values())):
        errs.append(f"{path}.object_types: expected an object of noun -> [event type]")
    pt = v.get("place_targets", [])
    if not (isinstance(pt, list) and all(isinstance(w, str) and w for w in pt)):
        errs.append(f"{path}.place_targets: expected a list of prepositions")
    mu = v.get("mutual", [])
    if not (isinstance(mu, list) and all(isinstance(w, str) and w.strip() for w in mu)):
        errs.append(f"{path}.mutual: expected a list of phrases")
    if "sides" in v and not (isinstance(v["sides"], (bool, int)) and 0 <= v["sides"] <= 9):
        errs.append(f"{path}.sides: expected true/false or a rank 0-9")
    if "hosted" in v and v["hosted"] not in ("join", "replace"):
        errs.append(f"{path}.hosted: expected 'join' or 'replace'")
    if "fallback_targets" in v and v["fallback_targets"] not in ROLE_FALLBACKS:
        errs.append(f"{path}.fallback_targets: expected one of {', '.join(ROLE_FALLBACKS)}")


def _named_list(prefixes: tuple[str, ...], need_id: bool = False) -> Check:
    def check(v: Any, path: str, errs: list[str]) -> None:
        if not isinstance(v, list):
            errs.append(f"{path}: expected a list of objects")
            return
        for i, d in enumerate(v):
            p = f"{path}[{i}]"
            if not isinstance(d, dict):
                errs.append(f"{p}: expected an object")
                continue
            extra = set(d) - {"id", "name", "country", "aliases"}
            if extra:
                errs.append(f"{p}: unknown keys {sorted(extra)}")
            if need_id or "id" in d:
                i_ = d.get("id")
                if (
                    not isinstance(i_, str)
                    or not _ID_RE.fullmatch(i_)
                    or not i_.startswith(prefixes)
                ):
                    errs.append(f"{p}.id: expected an id starting with {'/'.join(prefixes)}")
            if not need_id:
                _str(d.get("name"), f"{p}.name", errs)
            if "country" in d:
                _country(d["country"], f"{p}.country", errs)
            if "aliases" in d:
                _str_list(d["aliases"], f"{p}.aliases", errs)
            elif need_id:
                errs.append(f"{p}.aliases: required")

    return check


def _iso_map(v: Any, path: str, errs: list[str]) -> None:
    if not isinstance(v, dict):
        errs.append(f"{path}: expected an object")
        return
    for k, x in v.items():
        if not isinstance(x, str) or not (_ISO3_RE.fullmatch(x) or _ID_RE.fullmatch(x)):
            errs.append(f"{path}.{k}: expected an ISO 3166-1 alpha-3 code or an entity id")


def _cues(v: Any, path: str, errs: list[str]) -> None:
    if not isinstance(v, dict):
        errs.append(f"{path}: expected an object of cue lists")
        return
    for k, x in v.items():
        _str_list(x, f"{path}.{k}", errs)
        if k in SINGLE_WORD_CUES:
            _single_tokens(x, f"{path}.{k}", errs)


def _single_tokens(words: Any, path: str, errs: list[str]) -> None:
    """Words matched one token at a time (guards, single-word cues): one that the tokeniser
    splits ("duty-free", "coast_guard", "U.S.") could never match, so it is an error."""
    if not isinstance(words, list):
        return
    for w in words:
        if isinstance(w, str) and len(tokenize(w).lows) != 1:
            errs.append(
                f"{path}: {w!r} is not a single token (only whole tokens are matched;"
                " a hyphen, '_', a space or punctuation splits a word)"
            )


# cue lists matched word by word, never as phrases
SINGLE_WORD_CUES = frozenset(
    {
        "off_topic_words",
        "on_topic_words",
        "domestic_words",
        "on_topic_blockers",
        "gap_stops",
        "spokes_nouns",
        "seat_nouns",
        "host_verbs",
        "rebutted_nouns",
        "rebuttal_gap_words",
        "commercial_heads",
        "fresh_act_nouns",
        "org_roles_after",
        "place_words_after",
        "clause_subject_openers",
        "party_nouns",
        "envoy_nouns",
        "venue_hosts",
        "venue_modifiers",
        "standard_nouns",
        "section_labels",
        "broker_participles",
        "collective_object_preps",
        "appeal_nouns",
        "appeal_verbs",
    }
)


def _references(v: Any, path: str, errs: list[str]) -> None:
    """``{noun: [TYPE, ...]}``: nouns naming an earlier event again ("the deal")."""
    if not isinstance(v, dict):
        errs.append(f"{path}: expected an object of noun -> [event type]")
        return
    for k, x in v.items():
        if not isinstance(k, str) or " " in k.strip() or not k.strip():
            errs.append(f"{path}.{k}: expected a single word")
        _str_list(x, f"{path}.{k}", errs)


def _thresholds(
    v: dict[str, Any], path: str, errs: list[str], keys: tuple[str, ...], own: str
) -> None:
    """A model section's probabilities; a section with ``own`` (its weights) replaces the
    built-in model whole, its threshold too, so it must give one."""
    for key in keys:
        t = v.get(key, 0.5)
        if not _number(t) or not 0 < t <= 1:
            errs.append(f"{path}.{key}: expected a probability in (0, 1]")
    if own in v and "threshold" not in v:
        errs.append(f"{path}: a model of one's own ({own}) needs its threshold")


# the sentence model's probabilities (service/tagging/classifier.py reads them)
_SENTENCE_THRESHOLDS: Final = (
    "threshold",
    "threshold_beside_rules",
    "threshold_foreseen",
    "threshold_foreseen_beside_rules",
)


def _sentence_model(v: Any, path: str, errs: list[str]) -> None:
    """``{"threshold": p, "types": {TYPE: {"bias": b, "weights": {feature: w}}}, ...}``: the
    sentence model (service/tagging/classifier.py); a feature is a stem or two, space-separated.
    A file with ``types`` replaces the model whole; one without sets only what it names (a
    threshold of 1 turns the model off)."""
    if not isinstance(v, dict):
        errs.append(f"{path}: expected an object")
        return
    _thresholds(v, path, errs, _SENTENCE_THRESHOLDS, "types")
    if not _number(v.get("gate", 0.0)):
        errs.append(f"{path}.gate: expected a number")
    types = v.get("types", {})
    if not isinstance(types, dict):
        errs.append(f"{path}.types: expected an object of event type -> model")
        return
    for name, d in types.items():
        where = f"{path}.types.{name}"
        if not isinstance(name, str) or not _TYPE_RE.fullmatch(name):
            errs.append(f"{where}: expected an event type name (A_Z)")
        if not isinstance(d, dict) or not _number(d.get("bias")):
            errs.append(f"{where}.bias: expected a number")
            continue
        weights = d.get("weights")
        if not isinstance(weights, dict):
            errs.append(f"{where}.weights: expected an object of feature -> number")
            continue
        for feat, w in weights.items():
            stems = feat.split(" ")
            if not _number(w) or len(stems) > 2 or "" in stems:
                errs.append(f"{where}.weights.{feat}: expected one or two stems -> a number")
                break


def _linear_model(
    v: Any, path: str, errs: list[str], keys: frozenset[str], feature: str
) -> dict[str, Any] | None:
    """What a one-threshold linear model section shares: an object of known ``keys``, its
    threshold and bias; its weights (``{feature: w}``, for the caller to check each), or None
    where there are none to check."""
    if not isinstance(v, dict):
        errs.append(f"{path}: expected an object")
        return None
    unknown = sorted(str(k) for k in v if k not in keys)
    if unknown:  # a typo ("treshold") would leave the model as it was, silently
        errs.append(f"{path}: unknown keys {unknown}")
    _thresholds(v, path, errs, ("threshold",), "weights")
    if not _number(v.get("bias", 0.0)):
        errs.append(f"{path}.bias: expected a number")
    weights = v.get("weights", {})
    if not isinstance(weights, dict):
        errs.append(f"{path}.weights: expected an object of {feature} -> number")
        return None
    return weights


_ARTICLE_MODEL_KEYS = frozenset(
    {
        "threshold",
        "bias",
        "min_stems",
        "weights",
        "trained_on",
        "held_out",
        "data_sha256",
        "c",
        "min_weight",
    }
)


def _article_model(v: Any, path: str, errs: list[str]) -> None:
    """``{"threshold": p, "bias": b, "min_stems": n, "weights": {stem: w}, ...}``: the article model
    (service/tagging/classifier.py). A file with ``weights`` replaces the model whole; one
    without sets only what it names (a threshold of 1 turns the model off)."""
    weights = _linear_model(v, path, errs, _ARTICLE_MODEL_KEYS, "stem")
    if weights is None:
        return
    n = v.get("min_stems", 0)
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n < 1_000_000:
        errs.append(f"{path}.min_stems: expected a whole number of stems")
    for stem, w in weights.items():
        # (stems are lower case and hold no white space: any other key could never count)
        if not _number(w) or stem.split() != [stem] or stem != stem.lower():
            errs.append(f"{path}.weights.{stem}: expected a single lower-case stem -> a number")
            break


_TARGET_MODEL_KEYS = frozenset(
    {"threshold", "bias", "weights", "trained_on", "held_out", "data_sha256", "c", "min_weight"}
)


def _target_model(
    v: Any, path: str, errs: list[str], keys: frozenset[str] = _TARGET_MODEL_KEYS
) -> None:
    """``{"threshold": p, "bias": b, "weights": {feature: w}, ...}``: the target model
    (service/tagging/targets.py). A file with ``weights`` replaces the model whole; one without
    sets only what it names (a threshold of 1 turns the model off)."""
    weights = _linear_model(v, path, errs, keys, "feature")
    if weights is None:
        return
    for feat, w in weights.items():
        if not _number(w) or not feat:
            errs.append(f"{path}.weights.{feat}: expected a feature -> a number")
            break


_ACTOR_MODEL_KEYS = _TARGET_MODEL_KEYS | {"swap_below"}


def _actor_model(v: Any, path: str, errs: list[str]) -> None:
    """``{"threshold": p, "swap_below": p, "bias": b, "weights": {feature: w}, ...}``: the
    actor model (service/tagging/targets.py), checked as the target model is, and its
    ``swap_below``."""
    _target_model(v, path, errs, _ACTOR_MODEL_KEYS)
    if not isinstance(v, dict):
        return
    swap = v.get("swap_below", 0.0)
    if not _number(swap) or not 0 <= swap < 1:
        errs.append(f"{path}.swap_below: expected a probability in [0, 1)")
    elif _number(v.get("threshold")) and swap >= v["threshold"]:
        errs.append(
            f"{path}.swap_below: must be under the threshold (a swap needs a likelier name)"
        )


def _number(x: Any) -> bool:
    """A JSON number a float holds (no bool, no NaN or infinity, no 400-digit integer).
    (An int and a float are asked apart: compiled, ``int | float`` is taken as a float.)"""
    if isinstance(x, bool):
        return False
    if isinstance(x, int):
        return -1_000_000_000 < x < 1_000_000_000
    return isinstance(x, float) and -1e9 < x < 1e9


SECTIONS: dict[str, Check] = {
    "event_types": _event_types,
    "people": _named_list(("person",)),
    "organisations": _named_list(("org",)),
    "places": _named_list(("place", "country")),
    "country_aliases": _iso_map,
    "demonyms": _iso_map,
    "city_stoplist": _str_list,
    "city_person_names": _str_list,
    "commodities": _named_list(("commodity",), need_id=True),
    "commodity_blockers": _str_list,
    "cues": _cues,
    "event_references": _references,
    "sentence_model": _sentence_model,
    "article_model": _article_model,
    "target_model": _target_model,
    "actor_model": _actor_model,
}


def _validate_doc(doc: Any, fname: str) -> list[str]:
    if not isinstance(doc, dict):
        return [f"{fname}: top level must be a JSON object"]
    errs: list[str] = []
    for key, val in doc.items():
        if key not in SECTIONS:
            errs.append(f"$.{key}: unknown section (expected one of {', '.join(SECTIONS)})")
            continue
        SECTIONS[key](val, f"$.{key}", errs)
    return [f"{fname}: {e}" for e in errs]


def _read(path: Path) -> tuple[Any, bytes, list[str]]:
    try:
        raw = path.read_bytes()
        return json.loads(raw), raw, []
    except (OSError, UnicodeDecodeError) as e:
        return None, b"", [f"{path}: cannot read: {e}"]
    except json.JSONDecodeError as e:
        return None, b"", [f"{path}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}"]


def _files(rules_dir: str | Path | None) -> tuple[list[Path], list[str]]:
    files = [DATA_DIR / f for f in BUILTIN_FILES]
    if rules_dir is None or str(rules_dir) == "":
        return files, []
    d = Path(rules_dir)
    if not d.is_dir():
        return files, [f"{d}: rules directory does not exist"]
    return files + sorted(d.glob("*.json")), []


def check_rules(rules_dir: str | Path | None = None) -> list[str]:
    """Every problem found in the built-in and user rule data (empty list: all good)."""
    try:
        _, problems = _load(rules_dir)
    except RulesError as e:  # pragma: no cover - _load collects, does not raise
        return [str(e)]
    return problems


def load_rules(rules_dir: str | Path | None = None) -> Rules:
    """Merged rule data (with key ``ruleset`` = hash of all files in force); raises RulesError."""
    rules, problems = _load(rules_dir)
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise RulesError(problems[0] + more)
    return rules


def _load(rules_dir: str | Path | None) -> tuple[Rules, list[str]]:
    files, problems = _files(rules_dir)
    merged: Rules = {
        k: (
            {}
            if k
            in (
                "event_types",
                "country_aliases",
                "demonyms",
                "cues",
                "event_references",
                "sentence_model",
                "article_model",
                "target_model",
                "actor_model",
            )
            else []
        )
        for k in SECTIONS
    }
    h = hashlib.sha256()
    for path in files:
        doc, raw, errs = _read(path)
        if not errs:
            errs = _validate_doc(doc, str(path))
        if errs:
            problems.extend(errs)
            continue
        h.update(path.name.encode() + b"\0" + raw + b"\0")
        _merge(merged, doc)
    types = merged["event_types"]
    for name, d in types.items():
        if not isinstance(d, dict) or "cameo" not in d:
            problems.append(f"event type {name}: 'extend' used but no file defines the type")
        ft = d.get("future_type") if isinstance(d, dict) else None
        if ft is not None and ft not in types:
            problems.append(f"event type {name}: future_type {ft!r} is not a defined event type")
    for t in merged["sentence_model"].get("types", {}):
        if t not in types:
            problems.append(f"sentence_model.types: {t!r} is not a defined event type")
    for noun, refs in merged["event_references"].items():
        for t in refs if isinstance(refs, list) else []:
            if t not in types:
                problems.append(f"event_references.{noun}: {t!r} is not a defined event type")
    merged["ruleset"] = h.hexdigest()[:16]
    return merged, problems


def _merge(merged: Rules, doc: dict[str, Any]) -> None:
    for key, val in doc.items():
        if key == "event_types":
            for name, d in val.items():
                old = merged["event_types"].get(name)
                if d.get("extend") and old is not None:
                    new = dict(old)
                    new.update({k: v for k, v in d.items() if k not in ("triggers", "extend")})
                    new["triggers"] = list(old["triggers"]) + list(d["triggers"])
                    merged["event_types"][name] = new
                else:
                    merged["event_types"][name] = d
        elif (key == "sentence_model" and "types" in val) or (
            key in ("article_model", "target_model", "actor_model") and "weights" in val
        ):
            merged[key] = dict(val)  # a model of one's own: none of the built-in one's settings
        elif key == "cues":
            for name, lst in val.items():
                merged["cues"].setdefault(name, [])
                merged["cues"][name] = merged["cues"][name] + list(lst)
        elif isinstance(merged[key], dict):
            merged[key].update(val)
        else:
            merged[key] = merged[key] + list(val)

"""``python -m service train``: fit the sentence model (tagging/data/sentence_model.json),
the article model (tagging/data/article_model.json), the actor model
(tagging/data/actor_model.json) and the target model (tagging/data/target_model.json).

The trigger rules miss events phrased in ways no rule foresaw; a linear model over a sentence's
word stems and stem pairs, trained on the project's own labelled articles (tests/data), finds
many of them. The tagger adds an event of a type the model scores above its threshold where no
rule found a type of its family in the sentence (service/tagging/classifier.py). The article
model, a linear model over an article's stems, learns from the same articles which hold nothing
to find (the labelled sets' traps: sport, weather, business at home). The actor model learns,
from the events the tagger (with the two models just fitted) finds in the same articles, which
name of an event's sentence is its actor, given the role the rules gave each; the target model
then learns (with the actor model on) which names left without a role are the event's target
(service/tagging/targets.py).
Training needs
scikit-learn (``pip install -e .[train]``); tagging does not. The training list names each set
as trained on or held out; the held-out ones keep measuring unseen text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from service import evaluation
from service.evaluation import load_gold
from service.tagging import Tagger
from service.tagging.classifier import article_features, features
from service.tagging.entities import Mention
from service.tagging.gazetteer import Entry
from service.tagging.rules import load_rules
from service.tagging.targets import (
    Place,
    Trigger,
    actor_features,
    role_of,
    sentence_names,
    sentence_toks,
    unassigned,
)
from service.tagging.targets import features as target_features
from service.tagging.text import Toks, clean, sentences, tokenize_sentences

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LIST = ROOT / "tests" / "data" / "training.json"
DATA = Path(__file__).resolve().parent / "tagging" / "data"
DEFAULT_OUT = DATA / "sentence_model.json"
DEFAULT_ARTICLE_OUT = DATA / "article_model.json"
DEFAULT_TARGET_OUT = DATA / "target_model.json"
DEFAULT_ACTOR_OUT = DATA / "actor_model.json"
FIELDS = ("title", "body")


@dataclass
class Sample:
    """One sentence: its features and the event types labelled in it."""

    feats: list[str]
    types: set[str]


def training_files(listing: Path) -> tuple[list[Path], dict[str, Any]]:
    """The labelled files a training list names (``{"train": [name, ...], "held_out": [...]}``,
    names of files in the list's folder), in sorted order; a name in both lists, or a file
    missing, stops training."""
    spec = json.loads(listing.read_text(encoding="utf-8"))
    both = set(spec["train"]) & set(spec.get("held_out", []))
    if both:
        raise SystemExit(f"train: {listing} both trains on and holds out {sorted(both)}")
    files = sorted(listing.parent / name for name in spec["train"])
    missing = [p.name for p in files if not p.is_file()]
    if missing or not files:
        raise SystemExit(f"train: {listing} names missing files {missing} or none")
    return files, spec


def data_digest(files: Sequence[Path]) -> str:
    """SHA-256 over the training files' names and bytes: the model records the data it saw."""
    h = hashlib.sha256()
    for p in files:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def samples(articles: Iterable[dict[str, Any]]) -> Iterator[Sample]:
    """Every sentence of every article's title and body, labelled with the gold event types
    whose sentence overlaps it; split and stemmed as the tagger does."""
    for art in articles:
        golds = art.get("gold", {}).get("events", [])
        for field in FIELDS:
            text = clean(art.get(field) or "")
            sents = sentences(text)
            for sp, toks in zip(sents, tokenize_sentences(text, sents), strict=True):
                types = {
                    g["type"]
                    for g in golds
                    if g.get("field", "body") == field
                    and g["sentence"]["start"] < sp.end
                    and sp.start < g["sentence"]["end"]
                }
                yield Sample(features(toks.stems), types)


def article_samples(articles: Iterable[dict[str, Any]]) -> Iterator[tuple[set[str], bool]]:
    """Each article's stems, as the tagger collects them, and whether it holds no gold event."""
    for art in articles:
        fields = []
        for field in FIELDS:
            text = clean(art.get(field) or "")
            fields.append(tokenize_sentences(text, sentences(text)))
        yield article_features(fields), not art.get("gold", {}).get("events")


def fit_articles(data: list[tuple[set[str], bool]], c: float, min_weight: float) -> dict[str, Any]:
    """An L2-regularised logistic regression on stem presence: "nothing to find" or not.
    L2, not L1: the evidence is spread over the many words politics uses, so no single word's
    absence (L1 keeps about 50 words) can clear a story told in unusual words. Weights under
    ``min_weight`` can be dropped: two-thirds of them go, a smaller table to look stems up in,
    the same cross-validated choices at 0.01 (but 0, all kept, is the default: on never-read
    sets one trap article came back at 0.01)."""
    return fit_presence(data, c, min_weight)


def fit_presence(
    data: Sequence[tuple[Collection[str], bool]], c: float, min_weight: float
) -> dict[str, Any]:
    """An L2-regularised logistic regression on feature presence (each sample's features and
    its label): the bias and the weights of at least ``min_weight``, sorted."""
    try:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit("train: needs scikit-learn: pip install -e '.[train]'") from exc
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(feats, 1) for feats, _ in data])
    y = np.array([label for _, label in data])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    names = vec.get_feature_names_out()
    coef = model.coef_[0]
    weights = {str(names[i]): round(float(coef[i]), 4) for i in range(len(names))}
    return {
        "bias": round(float(model.intercept_[0]), 4),
        "weights": {k: w for k, w in sorted(weights.items()) if abs(w) >= min_weight and w},
    }


def _names(
    entities: list[dict[str, Any]],
) -> tuple[dict[str, list[Mention]], dict[str, str | None]]:
    """The tagger's entities as the target model reads them: each field's names in text order,
    and each entity's country."""
    out: dict[str, list[Mention]] = {f: [] for f in FIELDS}
    countries: dict[str, str | None] = {}
    for en in entities:
        eid, country = en["id"], en.get("country")
        countries[eid] = country
        entry = Entry(eid, en["type"], en.get("name", ""), country)
        for m in en["mentions"]:
            f = m["field"]
            out[f].append(Mention(f, m["start"], m["end"], m.get("text", ""), entry))
    for ms in out.values():
        ms.sort(key=lambda m: m.start)
    return out, countries


@dataclass
class _Matched:
    """An event the tagger found that matches a gold event, with what the name models read."""

    event: dict[str, Any]
    gold: dict[str, Any]
    toks: Toks
    trigger: Trigger
    text: str
    named: list[tuple[int, Mention, str]]
    countries: dict[str, str | None]
    cmap: dict[str, str]


def _matched(tagger: Tagger, articles: Iterable[dict[str, Any]]) -> Iterator[_Matched]:
    """Each event the tagger finds that matches a gold event (as ``make eval`` matches them),
    with its sentence's tokens and names."""
    for art in articles:
        texts = {f: clean(art.get(f) or "") for f in FIELDS}
        words = {f: tokenize_sentences(texts[f], sentences(texts[f])) for f in FIELDS}
        entities, events = tagger.tag(art["id"], texts["body"], texts["title"])
        names, countries = _names(entities)
        starts = {f: [m.start for m in ms] for f, ms in names.items()}
        cmap = evaluation._country_map(entities)
        golds = art.get("gold", {}).get("events", [])
        for pi, gi in evaluation._greedy_match(events, golds, evaluation._event_affinity):
            ev = events[pi]
            field = ev["field"]
            toks = sentence_toks(words[field], ev["sentence"]["start"])
            if toks is None:
                continue
            trigger = Trigger(toks, ev["trigger"]["start"], ev["trigger"]["end"])
            s0, s1 = ev["sentence"]["start"], ev["sentence"]["end"]
            named = sentence_names(names[field], starts[field], s0, s1)
            yield _Matched(ev, golds[gi], toks, trigger, texts[field], named, countries, cmap)


def target_samples(
    tagger: Tagger, articles: Iterable[dict[str, Any]]
) -> Iterator[tuple[list[str], bool]]:
    """For each event the tagger finds that matches a gold event, each name of its sentence
    the rules gave no role (and not set apart: see targets.Place): its features, and whether
    the gold event has it as a target."""
    for x in _matched(tagger, articles):
        ev, gold_targets = x.event, x.gold.get("targets", [])
        has_t, has_a = bool(ev["targets"]), bool(ev["actors"])
        for i, c in unassigned(ev, x.named, x.countries):
            place = Place(x.toks, x.text, x.trigger, c)
            if place.apart:  # (never scored: see Place)
                continue
            feats = target_features(ev["type"], c, place, i, x.trigger.word, has_t, has_a)
            yield feats, any(evaluation.same_entity(c.entry.id, g, x.cmap) for g in gold_targets)


def actor_samples(
    tagger: Tagger, articles: Iterable[dict[str, Any]]
) -> Iterator[tuple[list[str], bool]]:
    """For each event the tagger finds that matches a gold event, each name of its sentence,
    with the role the rules gave it: its features, and whether the gold event has it as an
    actor."""
    for x in _matched(tagger, articles):
        ev, gold_actors = x.event, x.gold.get("actors", [])
        has_t, has_a = bool(ev["targets"]), bool(ev["actors"])
        for i, c, kind in x.named:
            place = Place(x.toks, x.text, x.trigger, c)
            role = role_of(c.entry.id, kind, ev, x.countries)
            feats = actor_features(ev["type"], c, place, i, x.trigger.word, has_t, has_a, role)
            yield feats, any(evaluation.same_entity(c.entry.id, g, x.cmap) for g in gold_actors)


def fit(
    data: list[Sample], c: float, min_count: int, max_share: float
) -> dict[str, dict[str, Any]]:
    """One L1-regularised logistic regression per event type (sparse: most weights are 0),
    on feature counts as SentenceModel adds them up.
    A single word in more than ``max_share`` of the sentences ("the", "said") is no feature:
    it tells little, and each of its weights would cost every sentence an addition."""
    try:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit("train: needs scikit-learn: pip install -e '.[train]'") from exc
    counts: dict[str, int] = {}
    for s in data:
        for f in set(s.feats):
            counts[f] = counts.get(f, 0) + 1
    common = max_share * len(data)
    keep = {f for f, n in counts.items() if n >= min_count and (" " in f or n <= common)}
    rows = []
    for s in data:
        row: dict[str, int] = {}
        for f in s.feats:
            if f in keep:
                row[f] = row.get(f, 0) + 1
        rows.append(row)
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype(np.int32)
    names = vec.get_feature_names_out()
    out: dict[str, dict[str, Any]] = {}
    for etype in sorted({t for s in data for t in s.types}):
        y = np.array([etype in s.types for s in data])
        model = LogisticRegression(
            C=c, l1_ratio=1.0, solver="liblinear", max_iter=5000, random_state=0
        )
        model.fit(x, y)
        coef = model.coef_[0]
        weights = {str(names[i]): round(float(coef[i]), 4) for i in np.flatnonzero(coef)}
        out[etype] = {
            "bias": round(float(model.intercept_[0]), 4),
            "weights": dict(sorted(weights.items())),
        }
    return out


# the options that are probabilities (a threshold of 1 turns a model off)
PROBABILITIES = (
    "threshold",
    "beside_rules",
    "foreseen",
    "foreseen_beside_rules",
    "article_threshold",
    "target_threshold",
    "actor_threshold",
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="geopulse train", description=__doc__)
    p.add_argument("--list", type=Path, default=DEFAULT_LIST, help="training list (JSON)")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--threshold", type=float, default=0.4, help="probability to add an event")
    p.add_argument(
        "--beside-rules",
        type=float,
        default=0.6,
        help="probability to add one where a rule found another type in the sentence",
    )
    p.add_argument(
        "--foreseen",
        type=float,
        default=0.6,
        help="probability to add one on a word the type's rules anchor on",
    )
    p.add_argument(
        "--foreseen-beside-rules",
        type=float,
        default=0.8,
        help="the same, where a rule found another type in the sentence",
    )
    p.add_argument("-C", type=float, default=1.0, help="inverse L1 strength")
    p.add_argument("--min-count", type=int, default=2, help="sentences a feature must be in")
    p.add_argument(
        "--gate", type=float, default=0.5, help="weight a word needs to get its types scored"
    )
    p.add_argument(
        "--max-share", type=float, default=0.05, help="most sentences a single word may be in"
    )
    p.add_argument("--article-out", type=Path, default=DEFAULT_ARTICLE_OUT)
    p.add_argument(
        "--article-threshold",
        type=float,
        default=0.8,
        help="probability of nothing to find above which an article's events are dropped",
    )
    p.add_argument("--article-C", type=float, default=1.0, help="inverse L2 strength")
    p.add_argument(
        "--article-min-weight", type=float, default=0.0, help="smallest weight kept (absolute)"
    )
    p.add_argument(
        "--article-min-stems",
        type=int,
        default=80,
        help="distinct stems the model weighs a text needs to be judged (articles trained on "
        "have 109+ with every weight kept)",
    )
    p.add_argument("--actor-out", type=Path, default=DEFAULT_ACTOR_OUT)
    p.add_argument(
        "--actor-threshold",
        type=float,
        default=0.5,
        help="probability above which a name becomes the actor, where the rules named none "
        "or only ones under --actor-swap-below",
    )
    p.add_argument(
        "--actor-swap-below",
        type=float,
        default=0.3,
        help="probability under which every actor the rules named in the sentence is replaced",
    )
    p.add_argument("--actor-C", type=float, default=0.3, help="inverse L2 strength")
    p.add_argument(
        "--actor-min-weight", type=float, default=0.01, help="smallest weight kept (absolute)"
    )
    p.add_argument("--target-out", type=Path, default=DEFAULT_TARGET_OUT)
    p.add_argument(
        "--target-threshold",
        type=float,
        default=0.3,
        help="probability above which a name the rules gave no role becomes a target",
    )
    p.add_argument("--target-C", type=float, default=0.3, help="inverse L2 strength")
    p.add_argument(
        "--target-min-weight", type=float, default=0.01, help="smallest weight kept (absolute)"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not 0 <= args.actor_swap_below < 1:
        parser.error("--actor-swap-below: expected a probability in [0, 1)")
    for name in PROBABILITIES:
        if not 0 < getattr(args, name) <= 1:  # else a model the tagger refuses at start-up
            parser.error(f"--{name.replace('_', '-')}: expected a probability in (0, 1]")
    files, spec = training_files(args.list)
    articles = [art for path in files for art in load_gold(path)]
    known = frozenset(load_rules()["event_types"])
    data = list(samples(articles))
    unknown = sorted({t for s in data for t in s.types} - known)
    if unknown:  # a typo in a label would make a model the rules refuse at start-up
        raise SystemExit(f"train: the labels use types no rule file defines: {unknown}")
    print(f"train: {len(files)} files, {len(articles)} articles, {len(data)} sentences")
    types = fit(data, args.C, args.min_count, args.max_share)
    # what both models record of the data they saw (a test compares it with today's files)
    seen = {
        "trained_on": [p.name for p in files],
        "held_out": list(spec.get("held_out", [])),
        "data_sha256": data_digest(files),
    }
    model = {
        "sentence_model": {
            "threshold": args.threshold,
            "threshold_beside_rules": args.beside_rules,
            "threshold_foreseen": args.foreseen,
            "threshold_foreseen_beside_rules": args.foreseen_beside_rules,
            "gate": args.gate,
            **seen,
            "c": args.C,
            "min_count": args.min_count,
            "max_share": args.max_share,
            "types": types,
        }
    }
    arts = list(article_samples(articles))
    empty = sum(1 for _, e in arts if e)
    if not 0 < empty < len(arts):  # one class: no model to fit, and none written
        raise SystemExit(f"train: {empty} of {len(arts)} articles hold nothing to find")
    fitted = fit_articles(arts, args.article_C, args.article_min_weight)
    article = {
        "article_model": {
            "threshold": args.article_threshold,
            **seen,
            "c": args.article_C,
            "min_weight": args.article_min_weight,
            "min_stems": args.article_min_stems,
            **fitted,
        }
    }
    # both fitted before either is written: the two files always come from one run
    _write(args.out, model)
    kept = sum(len(t["weights"]) for t in types.values())
    print(f"train: {len(types)} event types, {kept} weights kept -> {args.out}")
    _write(args.article_out, article)
    print(
        f"train: article model on {len(arts)} articles ({empty} with nothing to find), "
        f"{len(fitted['weights'])} weights -> {args.article_out}"
    )
    # the actor model learns from the tagger as it now stands, with both name models off
    rules = load_rules()
    rules["actor_model"], rules["target_model"] = {}, {}
    actor = _fit_name_model(
        list(actor_samples(Tagger(rules), articles)),
        {"threshold": args.actor_threshold, "swap_below": args.actor_swap_below, **seen},
        args.actor_C,
        args.actor_min_weight,
        ("actor_model", "names", "actors", args.actor_out),
    )
    # the target model learns from the tagger with the actor model just fitted, its own off
    rules["actor_model"] = actor
    _fit_name_model(
        list(target_samples(Tagger(rules), articles)),
        {"threshold": args.target_threshold, **seen},
        args.target_C,
        args.target_min_weight,
        ("target_model", "names without a role", "targets", args.target_out),
    )
    return 0


def _fit_name_model(
    rows: list[tuple[list[str], bool]],
    settings: dict[str, Any],
    c: float,
    min_weight: float,
    where: tuple[str, str, str, Path],
) -> dict[str, Any]:
    """Fit a name model (the actor or the target model) on ``rows`` and write it; its section.
    ``where``: its section's key, what its rows and positives are, its file."""
    key, names, positive, out = where
    positives = sum(1 for _, label in rows if label)
    if not 0 < positives < len(rows):
        raise SystemExit(f"train: {positives} of {len(rows)} names are {positive}")
    section = {**settings, "c": c, "min_weight": min_weight, **fit_presence(rows, c, min_weight)}
    _write(out, {key: section})
    print(
        f"train: {key.replace('_', ' ')} on {len(rows)} {names} ({positives} {positive}), "
        f"{len(section['weights'])} weights -> {out}"
    )
    return section


def _write(path: Path, doc: dict[str, Any]) -> None:
    """A rule file as the built-in ones are written: one key a line, UTF-8 kept."""
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

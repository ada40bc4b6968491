"""The benchmark corpus: dev-like articles cycled with unique ids, as ready-to-send messages."""

from __future__ import annotations

from pathlib import Path

import orjson

from service.runner import DEMO_ARTICLES

DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.jsonl"
ARTICLE_FIELDS = ("title", "body", "source", "published_at")


def base_articles(path: Path | None = None) -> tuple[list[dict[str, object]], str]:
    """Articles to cycle (labels dropped) and a name for where they came from.

    The labelled dev set is the most realistic text when it sits beside the repo; a user's
    clone falls back to the demo articles, which are of the same kind.
    """
    source = path or (DEV_SET if DEV_SET.exists() else DEMO_ARTICLES)
    articles = []
    for line in source.read_bytes().splitlines():
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(obj, dict) and isinstance(obj.get("body"), str):
            articles.append({k: obj[k] for k in ARTICLE_FIELDS if k in obj})
    return articles, source.name


def messages(
    articles: list[dict[str, object]], count: int, prefix: str
) -> list[tuple[bytes, bytes]]:
    """``count`` (key, value) messages cycling through ``articles``, each with a unique id."""
    out = []
    for i in range(count):
        article_id = f"{prefix}-{i:07d}"
        value = {**articles[i % len(articles)], "id": article_id}
        out.append((article_id.encode(), orjson.dumps(value)))
    return out

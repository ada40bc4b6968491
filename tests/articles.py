"""Test articles written for these tests (never copied from the labelled data)."""

from __future__ import annotations

import orjson

BODIES = (
    "President Donald Trump threatened on Friday to impose a 40% tariff on Canadian lumber. "
    "Canada's prime minister rejected the threat and said Ottawa would not be bullied.",
    "The European Union imposed new sanctions on Iranian oil exporters. Tehran condemned the "
    "move, and a spokesman for the foreign ministry declined to comment on talks.",
    "Egypt offered to mediate between Israel and Hamas as negotiators met in Cairo to discuss "
    "a ceasefire. Diplomats said a truce could be agreed within days.",
    "Japan and South Korea signed a deal to jointly develop semiconductors and rare earths, "
    "deepening economic cooperation between the two neighbours.",
    "The home side won 3-1 on Saturday after two late goals, and the coach praised the crowd "
    "for its patience during a difficult first half.",
)


def article(i: int, prefix: str = "a") -> dict[str, object]:
    return {
        "id": f"{prefix}-{i:05d}",
        "title": f"Report {i}",
        "body": BODIES[i % len(BODIES)],
        "source": "tests",
        "published_at": "2026-01-02T03:04:05Z",
    }


def messages(n: int, prefix: str = "a") -> list[tuple[bytes | None, bytes]]:
    """(key, value) pairs for ``n`` distinct articles."""
    out: list[tuple[bytes | None, bytes]] = []
    for i in range(n):
        art = article(i, prefix)
        out.append((str(art["id"]).encode(), orjson.dumps(art)))
    return out

"""Tagger.tag reads the names surname_table adds after base's (it skips base's by position)."""

from __future__ import annotations

from service.tagging import load_tagger
from service.tagging.entities import Mention, surname_table
from service.tagging.gazetteer import Entry


def test_surname_table_keeps_base_names_first() -> None:
    base = load_tagger().gaz.surnames
    names = ("Zorblax Quenthorpe", "Vexa Miralune Tobrik")  # no gazetteer surnames
    people = [Entry("person:a", "PERSON", n, None) for n in names]
    ms = [Mention("body", 0, 1, e.name, e) for e in people]
    table = surname_table(ms, base)
    assert list(table)[: len(base)] == list(base)
    assert {"Quenthorpe", "Tobrik", "Zorblax", "Vexa"} <= set(list(table)[len(base) :])

"""Promise 9, fuzzing the extractor: random and mutated releases never make it raise; every metric's
offset/length points at its text; values are finite numbers."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings, strategies as st

from desktop import extractor
from desktop.domain import CATEGORIES, QUALIFIERS
from desktop.paths import seeds_dir
from tests.conftest import make_document

SEEDS = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
RULES = extractor.load_rules()
PIECES = ["12", "1,825", "£46,000", "3.5kg", "more than", "up to", "Operation Sceptre", " arrests", " knives",
          " per cent", "%", "fell by", "-", "\n", "\n\n", "..", "1,2,3", "½", "٣", "𝟙𝟚", "\u200b", "\ufeff",
          "Jan 05, 2021", "31 February 2021", "1e309", "NaN", "9" * 40, "0." + "0" * 30 + "1", "(", "£", "$€"]


def _check(body: str) -> None:
    doc = make_document(body)
    ext = extractor.extract(doc, RULES)
    assert ext.error is None
    for m in ext.metrics:
        assert body[m.offset:m.offset + m.length] == m.text, m
        assert m.length > 0 and 0 <= m.offset <= len(body)
        assert isinstance(m.value, (int, float)) and not isinstance(m.value, bool) and math.isfinite(m.value), m
        assert m.category in CATEGORIES and m.qualifier in QUALIFIERS
    for op in ext.operations:
        assert op.name and "\n" not in op.name


@st.composite
def mutated_release(draw):
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "piece"]))
        if action == "insert":
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)):]
        elif action == "duplicate":
            text = text[:at] + text[at:at + draw(st.integers(1, 300))] + text[at:]
        else:
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
    return text


_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(mutated_release())
def test_promise9_fuzz_extractor_mutated_releases(body):
    if body.strip():
        _check(body)


@_SETTINGS
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=15)), min_size=1, max_size=40).map("".join))
def test_promise9_fuzz_extractor_random_releases(body):
    if body.strip():
        _check(body)


def test_promise9_fuzz_extractor_seeds_themselves():
    for body in SEEDS:
        _check(body)

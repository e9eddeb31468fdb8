"""Properties: extraction never fails and its evidence always points into the body."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.extractor import extract

from .helpers import doc

WORDS = ["arrests", "more than", "knives", "seized", "£", "1,825", "twelve", "per cent", "reduced by", "Operation",
         "Kaiser", "campaign", "from", "30 November", "to", "3 January", ".", "\n", ",", "aged", "people", "were",
         "arrested", "%", "-", "week", "One", "hundred", "officers", "(", ")", "in 2019", "2.5", "m"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40))
def test_evidence_is_in_the_body(parts):
    body = " ".join(parts)
    ex = extract(doc(body, published="2021-01-05"))
    for m in ex.metrics:
        assert body[m.offset:m.offset + m.length] == m.text
        assert m.length > 0
    names = [o.name for o in ex.operations]
    assert len(names) == len(set(names))

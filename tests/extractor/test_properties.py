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


STOPS = [".", "!", "?", "\n", " ", "\t", "Op", "Mr", "No", "etc", "\"", "”", "’", ")", "A", "b", "7", "£", "(", "...",
         "\xa0", "•", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STOPS) | st.text(max_size=3), max_size=40))
def test_sentences_end_where_the_boundary_pattern_says(parts):
    # the layout finds stops with str.find: the same places as scanning with the pattern
    from desktop.extractor.text import _BOUNDARY, Layout
    body = "".join(parts)
    assert Layout(body).sentence_starts == [0] + [m.end() for m in _BOUNDARY.finditer(body)]


NUMBER_BITS = ["one", "two", "three", "a", " ", "\t", "\n", "dozen", "a dozen", "é", "-", "_", "1", "thirty", "ten",
               "for", "forty", "fifteen", "sevent", "\xa0", "ty", "een", ".", "İ", "doz", "fort", "fourt", "eleve",
               "twel", "thir", "thre", "nin", "eigh", "fif", "six", "tend", "often", "fo", "tw"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_BITS) | st.text(max_size=3), max_size=30))
def test_number_words_start_where_the_scan_says(parts):
    # numbers in words are found from their first letters with str.find: the same places as the scan
    from desktop.extractor.numbers import _WORD_START, _word_starts
    lower = "".join(parts).lower()
    assert _word_starts(lower) == [m.start() + 1 for m in _WORD_START.finditer(lower)]


DIGIT_BITS = ["1", "2", "0", ",", ".", "£", "€", "$", " ", "\n", "a", ",000", ".5", "\xa0", "٣"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DIGIT_BITS) | st.text(max_size=3), max_size=30))
def test_figures_start_where_the_scan_says(parts):
    # figures are found from their digits and symbols with str.find: the same spans as the scan
    from desktop.extractor.numbers import _DIGIT_SCAN, _digit_spans
    text = "".join(parts)
    assert _digit_spans(text) == [m.span() for m in _DIGIT_SCAN.finditer(text)]

"""Fast paths against the generic code they replace, on many made-up inputs (ADR 0003, third addendum).

Each fast path must give exactly the answer of the pattern or loop it stands for.
"""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

LINE_BITS = [".", "!", "?", ":", ";", "\"", "”", "’", ")", "(", " ", "\t", "a", "Z", "\r", "\xa0", "'", "‘", "…", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_BITS) | st.text(max_size=3), max_size=20))
def test_a_line_of_prose_ends_where_the_pattern_says(parts):
    # the lead's lines: ``line.endswith`` of the stops means ``[.!?:;"”’)]$`` on a line (it holds no newline)
    from desktop.extractor.text import _SUBSTANTIVE_END
    line = "".join(parts).replace("\n", "")
    assert line.endswith(_SUBSTANTIVE_END) == bool(re.search(r"[.!?:;\"”’)]$", line))


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 40), max_size=12), st.integers(0, 45))
def test_an_operation_named_just_before_is_found_by_bisection(named, si):
    # attribution's "is one named in the sentences just before?" by bisection, against the loop it replaced
    from desktop.extractor.attribution import _CARRY, named_just_before
    assert named_just_before(sorted(named), si) == any(si - k in named for k in range(1, 2 * _CARRY + 3))


CASE_BITS = ["A", "z", "’", "“", "—", "£", "\xa0", "É", "é", "Σ", "σ", "İ", "ß", "ǅ", "Ⅻ", "\ud800", "\udfff", "🙂",
             "𐐀", " ", "\n", "K", "Ω", "ﬀ"]


def _lowercase_before(text):
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CASE_BITS) | st.text(max_size=4), max_size=30))
def test_lowercase_through_utf8_bytes_is_str_lower(parts):
    # lowering the UTF-8 bytes when no character outside ASCII changes case: the same text, offsets kept
    from desktop.extractor.text import lowercase
    text = "".join(parts)
    assert lowercase(text) == _lowercase_before(text)
    assert len(lowercase(text)) == len(text)


GUARD_WORDS = ["arrest", "charged", "ed", "se", "seiz", "warrants"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GUARD_WORDS + [" ", "\n", "’", "x"]) | st.text(max_size=3), max_size=20),
       st.sets(st.sampled_from(GUARD_WORDS), min_size=1, max_size=5), st.integers(-5, 80), st.integers(-5, 80))
def test_a_guard_tests_its_words_in_one_slice_as_find_does(parts, words, pos, endpos):
    # Guarded.possible: ``lit in lower[pos:endpos]`` for each literal, against ``lower.find(lit, pos, endpos)``
    from desktop.extractor.guards import Guarded
    lower = "".join(parts)
    guard = Guarded(re.compile("(?!)"), frozenset(words))
    assert guard.possible(lower, pos, endpos) == any(lower.find(w, pos, endpos) >= 0 for w in words)


def _windows_before(text, triggers, back, ahead):
    # text.windows as it was: every occurrence found by the same means, merged through lists of two
    if len(triggers) <= 4:
        hits = []
        for t in triggers:
            i = text.find(t)
            while i >= 0:
                hits.append((i, i + len(t)))
                i = text.find(t, i + len(t))
        hits.sort()
    else:
        hits = [m.span() for m in re.finditer("|".join(re.escape(t) for t in sorted(triggers, key=len, reverse=True)),
                                                text)]
    merged = []
    for hs, he in hits:
        s, e = max(0, hs - back), min(len(text), he + ahead)
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab c\n’", max_size=60), st.sets(st.sampled_from(["a", "ab", "b c", "c", "’a", "ba"]),
       min_size=1, max_size=6), st.integers(0, 8), st.integers(0, 8))
def test_windows_merge_as_before(text, triggers, back, ahead):
    # text.windows merges its windows in two plain variables instead of lists of two: the same windows
    from desktop.extractor.text import windows
    triggers = tuple(sorted(triggers))
    assert windows(text, triggers, back, ahead) == _windows_before(text, triggers, back, ahead)


SPAN_BITS = ["0", "7", "12", "2024-01-05", "+44", "#", "#tag", ":", "10:30", " ", "\n", "pm", "a.m.", "-", ".",
             "call ", "٣", "http://", "www.", "@", "x", "’", "\xa0"]


def _in_span_before(body, start, end, rules):
    # metrics._in_span as it was before the fifth round: always the windowed scan
    floor = start - 300 if start > 300 else 0
    ws = max(body.rfind(" ", floor, start), body.rfind("\n", floor, start), floor - 1)
    chunk = body[ws + 1:start]
    if "://" in chunk or "www." in chunk or "@" in chunk:
        return True
    for m in rules.not_metric_spans_re.finditer(body, start - 30 if start > 30 else 0, end + 30):
        if m.start() > start:
            return False
        if start < m.end():
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPAN_BITS) | st.text(max_size=3), max_size=30), st.integers(0, 90),
       st.integers(1, 6))
def test_a_figure_with_no_span_start_before_it_is_settled_by_one_match(parts, start, width):
    # _in_span: when no not-a-metric span can start in the window before the figure, one anchored match
    # at the figure gives the scan's answer
    from desktop.extractor.metrics import _in_span
    from desktop.extractor.rules import load_rules
    rules = _rules_once(load_rules)
    body = "".join(parts)
    start = min(start, len(body))
    end = min(start + width, len(body))
    assert _in_span(body, start, end, rules) == _in_span_before(body, start, end, rules)


def _rules_once(load, _cache=[]):
    if not _cache:
        _cache.append(load())
    return _cache[0]


FIRE_BITS = ["charged with ", " offences", " crimes", "charged ", "charge", "charges with ", "with ", "arrested ", "seized ", "officers", "offences", " ",
             "\n", "x", "’", "people ", "knives ", "of "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FIRE_BITS) | st.text(max_size=3), max_size=14),
       st.lists(st.sampled_from(FIRE_BITS) | st.text(max_size=3), max_size=8))
@example(["He was ", "charged with "], [" offences"])
@example(["charges ", "with "], [" offences", "\n"])
@example(["arrested ", "x"], [" people"])
def test_a_before_run_whose_few_words_are_absent_is_skipped_as_the_scan_would(before, after):
    # fire: a ``before`` run needing one of a few words skips without the window's scan when none is there
    from desktop.extractor.fire import fire
    from desktop.extractor.rules import load_rules
    rules = _rules_once(load_rules)
    body = "".join(before) + "12" + "".join(after)
    left = len("".join(before))
    e, lower = left + 2, body.lower()
    runs = rules.step_runs["count"]
    got = fire(body, lower, runs, rules.side_guards["count"], e, len(body), left, 0)
    saved = [r[1].words for r in runs]
    try:
        for r in runs:
            r[1].words = None
        want = fire(body, lower, runs, rules.side_guards["count"], e, len(body), left, 0)
    finally:
        for r, w in zip(runs, saved):
            r[1].words = w
    assert got == want


MONTHISH = ["Jan", "Jun", "Jul", "Mar", "May", "Apr", "Aug", "Ma", "Mb", "Jx", "ab", "aMb", "J"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="JMAaxbnrylu M\n’", max_size=60), st.sets(st.sampled_from(MONTHISH), min_size=5, max_size=9),
       st.integers(0, 8), st.integers(0, 8))
def test_many_triggers_found_by_their_first_characters_as_by_the_alternation(text, triggers, back, ahead):
    # more than four triggers: each first character found with str.find and the triggers tested there
    # (when no trigger holds a first character after its own and a first character's triggers have one
    # length), else the alternation's finditer; the windows are those of the alternation either way
    from desktop.extractor.text import windows
    triggers = tuple(sorted(triggers))
    assert windows(text, triggers, back, ahead) == _windows_before(text, triggers, back, ahead)


def test_the_month_triggers_take_the_first_character_path():
    from desktop.extractor.dates import _TRIGGERS
    from desktop.extractor.text import _by_first_character
    assert _by_first_character(_TRIGGERS) is not None


STOP_BITS = [".", ". ", ".  ", ".\n", "! ", "? ", "”", ")", " ", "\xa0", "\t", "A", "b", "7", "“", "Mr", "Op", "approx",
             "etc", "no", "Sept", "www", "2.5", "e.g. ", "\n", "(", "’"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STOP_BITS) | st.text(max_size=2), max_size=25))
def test_full_stops_found_by_their_own_scan_end_sentences_as_the_boundary_pattern(parts):
    # the full stops' sentence ends by one finditer of a pattern that opens with "." (the engine skips
    # between stops in C), against _BOUNDARY matched at every "."
    from desktop.extractor.text import _BOUNDARY, _FULL_STOP
    text = "".join(parts)
    at_stops = [_BOUNDARY.match(text, i) for i in range(len(text)) if text[i] == "."]
    assert [m.end() for m in _FULL_STOP.finditer(text)] == [m.end() for m in at_stops if m is not None]

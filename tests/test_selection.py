"""desktop.selection: a reviewer's selection trimmed and read with the extractor's rules (issue 11, defect 8)."""

from desktop.domain import Document
from desktop.selection import guess_metric, qualifier_before, sentence_around, trim


def test_trim_drops_spaces_and_stray_punctuation_but_keeps_the_figure():
    body = "They seized  £20,000 in cash. "
    start = body.index("  £")
    assert body[slice(*trim(body, start, len(body)))] == "£20,000 in cash"
    assert trim("   ", 0, 3) == (0, 3)


def test_sentence_around_stops_at_sentence_ends_and_lines():
    body = "First one. Second has 12 arrests.\n* 3 knives\nLast."
    at = body.index("12")
    assert body[slice(*sentence_around(body, at, at + 2))].strip() == "Second has 12 arrests."
    at = body.index("3 knives")
    assert body[slice(*sentence_around(body, at, at + 1))].strip() == "* 3 knives"


def test_qualifier_before_reads_the_rules_phrases():
    phrases = [("more than", "at_least"), ("nearly", "about")]
    body = "a target of more than 32,000 by summer"
    assert qualifier_before(body, body.index("32,000"), phrases) == "at_least"
    assert qualifier_before("seized 12", 7, phrases) is None


def test_guess_reads_the_whole_sentence():
    body = "The team seized more than 32,000 cannabis plants. Officers made 14 arrests."
    doc = Document(name="x.txt", body=body, sha256="0")
    at = body.index("32,000")
    metric = guess_metric(doc, at, at + len("32,000"))
    assert (metric.value, metric.qualifier) == (32000, "at_least")
    assert metric.category != "other"

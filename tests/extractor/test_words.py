"""Word lists: plain YAML words, inflected by the engine, usable in patterns (issue 10)."""

import pytest

from desktop.extractor import extract, load_rules
from desktop.extractor.rules import RulesError
from desktop.extractor.words import noun_forms, verb_forms
from desktop.evaluate import op_key

from .helpers import doc


@pytest.mark.parametrize("word,forms", [
    ("knife", ["knife", "knives"]), ("machete", ["machete", "machetes"]), ("man", ["man", "men"]),
    ("burglary", ["burglary", "burglaries"]), ("drugs", ["drugs"]), ("cannabis", ["cannabis"]),
    ("bladed article", ["bladed article", "bladed articles"]), ("box", ["box", "boxes"]),
    ("member of the public", ["member of the public", "members of the public"]),
])
def test_noun_forms(word, forms):
    assert noun_forms(word) == forms


@pytest.mark.parametrize("word,forms", [
    ("seize", ["seize", "seizes", "seized", "seizing"]), ("hand in", ["hand in", "hands in", "handed in", "handing in"]),
    ("recover", ["recover", "recovers", "recovered", "recovering"]), ("find", ["find", "finds", "found", "finding"]),
])
def test_verb_forms(word, forms):
    assert verb_forms(word) == forms


def test_a_user_adds_a_word_without_a_regular_expression(tmp_path):
    body = "Officers seized 4 tomahawks."
    assert [m.category for m in extract(doc(body)).metrics] == []
    extra = tmp_path / "mine.yaml"
    extra.write_text("words:\n  nouns:\n    knife: [tomahawk]\n", encoding="utf-8")
    assert [(m.category, m.value) for m in extract(doc(body), load_rules(extra)).metrics] == [("knives_seized", 4)]


@pytest.mark.parametrize("text,reason", [
    ("words:\n  nouns:\n    knife: 'knife'\n", "must be a non-empty list"),
    ("words:\n  nouns:\n    knife: ['kni(fe']\n", "not a plain word"),
    ("words:\n  adjectives:\n    sharp: [keen]\n", "unknown part"),
    ("words:\n  nouns:\n    s: [thing]\n", "has the name of a macro"),
    ("dollar: [a, b]\n", "'dollar' must be a mapping"),
    ("dollar:\n  AUD: Sydney\n", "must be a list of words"),
])
def test_broken_word_lists_are_refused_with_the_line(tmp_path, text, reason):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(bad)
    assert reason in str(err.value) and "bad.yaml" in str(err.value)


def test_operation_names_match_with_an_iteration_number_ignored():
    assert op_key("Operation Mille 3") == op_key("Op Mille") == op_key("operation mille")
    assert op_key("Operation Henhouse") != op_key("Operation Hen")

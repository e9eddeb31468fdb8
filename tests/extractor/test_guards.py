"""Literal guards and look-aheads change no match, only how soon a non-match is known."""

import re
from pathlib import Path

from desktop.extractor import load_rules
from desktop.extractor.categories import side_guards
from desktop.extractor.guards import Guarded, lead_assert, required_literals, with_lead

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def test_required_literals_of_alternatives_and_repeats():
    assert required_literals(re.compile(r"\b(?:arrested|detained)\b", re.I)) == {"arrested", "detained"}
    assert required_literals(re.compile(r"(?:\s\w+){0,3}\s+knives")) == {"knives"}
    assert required_literals(re.compile(r"\w+\s+\d+")) is None


def test_lead_assert_covers_every_branch():
    assert lead_assert(r"(?:Mon|Tues)day|\d+ May") == "(?=[MT\\d])"
    assert lead_assert(r"a?") == ""  # can match empty: no look-ahead
    assert with_lead(re.compile(r"x|y")).pattern.startswith("(?=[xy])(?:")


def test_guarded_patterns_find_what_the_plain_ones_find():
    rules = load_rules()
    patterns = [s.regex for steps in rules.steps.values() for s in steps if s.kind == "before"]
    patterns += [rules.target, rules.percent_dir_before]
    either = [(rules.not_metric_before_re, rules.not_metric_before), (rules.wider_period_re, rules.wider_period)]
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        lower = text.lower()
        for m in re.finditer(r"\d+", text):
            lo = max(0, m.start() - 80)
            for g in patterns:
                plain = g.regex.search(text, lo, m.start())
                guarded = g.search(text, lower, lo, m.start())
                assert (plain and plain.span()) == (guarded and guarded.span()), (g.pattern, path.name, m.start())
            for whole, parts in either:
                assert bool(whole.search(text, lo, m.start())) == bool(parts.search(text, lower, lo, m.start()))


def test_side_guards_join_the_literals_of_their_steps():
    steps = load_rules().steps["count"]
    guards = side_guards(steps)
    # the arrest verbs' words are among the before-side literals (a word list compiles to a trie, so
    # the literal may be a part of the word: "rrest" in a(?:pprehend|rrest)...)
    assert any(lit in "arrested" and len(lit) >= 4 for lit in guards["before"].literals)
    assert guards["after"].literals


def test_a_guard_with_no_literal_always_runs():
    g = Guarded(re.compile(r"\d+"))
    assert g.literals is None and g.search("a 12", "a 12", 0, 4).group() == "12"


def test_a_word_list_in_a_negative_look_ahead_becomes_a_trie_that_matches_the_same():
    from desktop.extractor.guards import word_list_tries
    source = r"(?:\s(?!(?:(?:in|into|is|it|its|was|were))\b)\w+){0,3}?\s+(?:knives|in)\b"
    tried = word_list_tries(source)
    assert tried != source and "(?:in|into|is|it|its|was|were)" not in tried
    assert word_list_tries(r"(?!(?:in|into)x)\w") == r"(?!(?:in|into)x)\w"  # no \b after the words: left alone
    plain, trie = re.compile(source, re.I), re.compile(tried, re.I)
    words = ["in", "into", "Its", "it", "was", "were", "wasp", "into-", "knives", "inn", "IS"]
    rng = __import__("random").Random(7)
    for _ in range(3000):
        text = " " + " ".join(rng.choice(words) for _ in range(rng.randrange(1, 6)))
        a, b = plain.match(text), trie.match(text)
        assert (a and a.span()) == (b and b.span()), text


def test_the_noun_step_starts_with_the_first_letters_of_its_nouns():
    noun = [s for s in load_rules().steps["count"] if s.kind == "noun"][0].regex.regex.pattern
    assert "(?=[w])(?P<n0>" in noun  # each noun is tried only where its first letter stands

"""Numbers as people write them."""

import pytest

from desktop.extractor.numbers import dollar_currency, find_numbers, parse_number, parse_words


@pytest.mark.parametrize("text,value", [
    ("1,825", 1825), ("9,639", 9639), ("2.5", 2.5), ("£46,000", 46000), ("£2m", 2_000_000),
    ("£1.2 million", 1_200_000), ("3,227", 3227), ("One", 1), ("Three", 3), ("twelve", 12),
    ("twenty-one", 21), ("Sixty", 60), ("a dozen", 12), ("three hundred", 300), ("One hundred", 100),
    ("three hundred and fifty", 350), ("ten thousand", 10000), ("£3million", 3_000_000),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_parse_words_rejects_other_words():
    assert parse_words("several") is None


def test_hundreds_and_dozens_have_no_value():
    assert [t.value for t in find_numbers("Hundreds of knives and dozens of arrests")] == []


def test_currency_from_symbol_and_word():
    toks = list(find_numbers("over ten thousand pounds in cash and €500 and $20"))
    assert [(t.value, t.currency, t.kind) for t in toks] == [
        (10000, "GBP", "money"), (500, "EUR", "money"), (20, "USD", "money")]


def test_dollar_follows_the_publisher_country():
    assert dollar_currency("https://www.police.nsw.gov.au/news") == "AUD"
    assert dollar_currency("https://www.police.govt.nz/news") == "NZD"
    assert dollar_currency(None) == "USD"
    assert [t.currency for t in find_numbers("$5,000 seized", dollar="AUD")] == ["AUD"]


def test_glued_to_letters_is_not_a_number():
    assert [t.raw for t in find_numbers("an AK74, an L119A1 and 4b8a690f.jpg")] == []


def test_weights_are_their_own_kind():
    assert [(t.value, t.kind) for t in find_numbers("80kgs of drugs and 239g of cocaine")] == [
        (80, "weight"), (239, "weight")]


def test_offsets_cover_the_written_number():
    text = "seized £1.2 million today"
    (tok,) = find_numbers(text)
    assert text[tok.start:tok.end] == "£1.2 million"

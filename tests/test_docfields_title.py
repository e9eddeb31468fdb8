"""The title from a body's first line, read from its first 2 KB when the line ends there."""

import random

from desktop.docfields import _first_line, document_fields


def _whole_body_rule(body):
    return next((line.strip(" #*\t") for line in body.splitlines() if line.strip(" #*\t")), None)


def test_first_line_skips_blank_and_marker_lines():
    assert document_fields("\n  \n## *Police seize 40 knives*\nText", {})["title"] == "Police seize 40 knives"


def test_a_title_line_that_crosses_the_first_2kb_is_read_whole():
    body = "\n" * 2040 + "A" * 30 + "\nrest"
    assert _first_line(body) == "A" * 30


def test_a_body_of_blank_lines_has_no_title():
    assert _first_line(" \n#\n*\t\n" * 1000) is None


def test_same_title_as_splitting_the_whole_body():
    """Line breaks of every kind (splitlines' too), at and around the 2 KB edge."""
    pieces = ["a", " ", "#", "*", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "word"]
    rnd = random.Random(15)
    for _ in range(3000):
        size = rnd.choice([0, 3, 40, 2046, 2047, 2048, 2049, 2050, 4000])
        tail = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        filler = rnd.choice([" ", "\n", " \n", "#\r\n"])
        body = (filler * size)[:size] + tail if rnd.random() < 0.8 else tail
        assert _first_line(body) == _whole_body_rule(body), repr(body[-40:])

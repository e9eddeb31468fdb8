"""HTML reduced to plain text with the standard library's ``html.parser``.

Nothing in the markup survives as markup: scripts, styles and embedded objects
are dropped with their content, images and links keep no address (so nothing
can later be fetched or run), block elements become line breaks.

Example::

    >>> html_to_text("<p>Hi <b>there</b></p><script>alert(1)</script>")
    ('Hi there', None)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Optional

_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption",
}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._drop_depth = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag in _DROP:
            self._drop_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "li" and not self._drop_depth:
            self.parts.append(" * ")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in _DROP:
            self._drop_depth = max(0, self._drop_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self._drop_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, Optional[str]]:
    """Plain text and the ``<title>`` of an HTML page.

    :param markup: the HTML source
    :returns: ``(text, title)``; paragraphs are separated by a blank line
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\f\v\xa0]+", " ", line).strip() for line in text.split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return "\n\n".join(paragraphs), title

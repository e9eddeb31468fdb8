"""HTML reduced to plain text with the standard library's ``html.parser``: the article, not the page.

Nothing in the markup survives as markup: scripts, styles and embedded objects are dropped
with their content, images and links keep no address (so nothing can later be fetched or
run), block elements become paragraphs. The page is first built into a small tree the way a
browser forgives it: void elements (``<img>``, ``<embed>``, ``<br>``, ``<source>``…) have no
content, a ``<head>`` or ``<p>`` left open closes where the body or the next block starts, a
stray end tag is ignored. Then the article is chosen: the ``<main>`` element, else the
``<article>`` with the most text, else the body; navigation, sidebars, the page's header and
footer, cookie banners, share buttons and related links are left out (by element, ARIA role,
or a class or id that says so). A data table becomes rows of cells between bars
(``| Kent | 26 |``), which the extractor reads by its headings.

Example::

    >>> html_to_text("<p>Hi <b>there</b></p><script>alert(1)</script>")
    ('Hi there', None)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Optional

#: elements that never have content (an end tag for them is ignored)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr", "frame", "basefont"}
#: elements dropped with everything inside them
_DROP = {"script", "style", "noscript", "template", "iframe", "object", "svg", "math", "canvas", "video", "audio",
         "select", "textarea", "button", "dialog", "map", "datalist"}
#: page furniture, never part of an article
_FURNITURE = {"nav", "aside", "menu", "head"}
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
                    "menu", "menubar", "toolbar"}
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|share|sharing|social|related|newsletter|subscribe|breadcrumbs?|promo|"
    r"adverts?|advertisement|sidebar|skip|skiplink|navbar|masthead|popup|modal|comments?|site-?header|"
    r"site-?footer|more-?stories|most-?read|recommended|(?:left|top|sub|main|site)?-?nav)", re.I)
#: a last paragraph of this kind is the page's small print, not the release
_SMALL_PRINT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.I)
_BLOCK = {
    "p", "div", "li", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "thead", "tbody",
    "tfoot", "caption", "section", "article", "main", "header", "footer", "blockquote", "pre", "hr", "dd", "dt",
    "figure", "figcaption", "address", "details", "summary", "form", "fieldset", "legend", "td", "th", "body",
    "br", "nav", "aside",
}
#: a start tag of one of these closes an open <p> (as in a browser)
_CLOSES_P = _BLOCK - {"td", "th", "tr", "thead", "tbody", "tfoot", "caption", "li", "dd", "dt", "br", "body"}
#: elements that only a body holds: the first of them closes a <head> left open
_BODY_ONLY = _BLOCK | {"a", "b", "i", "em", "strong", "span", "img", "font", "center", "small", "big", "u"}
#: tag -> the open tags an implied end tag closes up to (not past the elements in the second set)
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select"}),
}
_LINE_BREAKS = re.compile(r"[\r\n]+")  # a line break in the source is a space on the page (but in <pre>)
_MAX_DEPTH = 400  # deeper nesting is flattened (a hostile page cannot exhaust the stack)
_CELL_LIMIT = 200  # a cell longer than this is page layout, not a table of figures


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict):
        self.tag = tag
        self.attrs = attrs
        self.children: list = []  # _Node or str


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]
        self.title: list[str] = []
        self._drop = 0  # depth inside a dropped element
        self._in_title = False
        self._title_done = False

    # -- structure ------------------------------------------------------------
    def _open(self) -> set:
        return {n.tag for n in self.stack}

    def _close_to(self, tags: set, fence: set) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in fence:
                return

    def handle_starttag(self, tag, attrs):
        if self._drop:
            if tag in _DROP and tag not in VOID:
                self._drop += 1
            return
        if tag == "title" and not self._title_done:
            self._in_title = True
            return
        if tag in _DROP:
            self._drop = 1
            return
        open_tags = self._open()
        if "head" in open_tags and (tag in _BODY_ONLY or tag == "body"):
            self._close_to({"head"}, set())
        if tag in _CLOSES_P and "p" in open_tags:
            self._close_to({"p"}, {"table", "td", "th", "li", "div", "article", "main", "section"})
        if tag in _IMPLIED:
            closes, fence = _IMPLIED[tag]
            self._close_to(closes, fence)
        if tag in ("html", "body") and any(n.tag == tag for n in self.stack):
            return
        node = _Node(tag, {k: (v or "") for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        if self._drop or tag in _DROP:
            return  # <svg/>, <iframe/>: nothing inside
        if tag in VOID:
            self.handle_starttag(tag, attrs)
        # <div/> and the like: an empty element, nothing to keep

    def handle_endtag(self, tag):
        if self._drop:
            if tag in _DROP:
                self._drop -= 1
            return
        if tag == "title":
            if self._in_title:
                self._in_title = False
                self._title_done = True
            return
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        # an end tag nothing opened: ignored, as a browser does

    def handle_data(self, data):
        if self._drop:
            return
        if self._in_title:
            self.title.append(data)
        elif data:
            self.stack[-1].children.append(data)


# -- choosing the article ------------------------------------------------------------
def _is_furniture(node: _Node, in_article: bool) -> bool:
    attrs = node.attrs
    if node.tag in _FURNITURE or "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if node.tag in ("header", "footer") and not in_article:
        return True
    role = attrs.get("role", "").lower()
    if role in _FURNITURE_ROLES:
        return True
    if re.search(r"display\s*:\s*none", attrs.get("style", ""), re.I):
        return True
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}"
    return bool(names.strip()) and bool(_FURNITURE_NAMES.search(names))


def _walk(node: _Node):
    todo = [node]
    while todo:
        n = todo.pop()
        yield n
        todo.extend(c for c in reversed(n.children) if isinstance(c, _Node))


def _text_length(node: _Node) -> int:
    total = 0
    for n in _walk(node):
        total += sum(len(c.strip()) for c in n.children if isinstance(c, str))
    return total


def _article(root: _Node) -> tuple[_Node, bool]:
    """The element holding the article, and whether it is one (a <main> or an <article>)."""
    mains = [n for n in _walk(root) if n.tag == "main" or n.attrs.get("role", "").lower() == "main"]
    if mains:
        return max(mains, key=_text_length), True
    articles = [n for n in _walk(root) if n.tag == "article"]
    if articles:
        return max(articles, key=_text_length), True
    return root, False


# -- text out ------------------------------------------------------------------------
class _Writer:
    def __init__(self, prune: bool):
        self.parts: list[str] = []
        self.prune = prune
        self.pre = 0

    def node(self, node: _Node, in_article: bool, depth: int = 0) -> None:
        if self.prune and _is_furniture(node, in_article):
            return
        tag = node.tag
        in_article = in_article or tag in ("article", "main")
        if tag == "table" and _is_data_table(node):
            self.parts.append("\n")
            for row in _rows(node):
                self.parts.append("| " + " | ".join(row) + " |\n")
            self.parts.append("\n")
            return
        block = tag in _BLOCK
        if block:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append(" * ")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        self.pre += tag == "pre"
        for child in node.children:
            if isinstance(child, str):
                self.parts.append(child if self.pre else _LINE_BREAKS.sub(" ", child))
            elif depth < _MAX_DEPTH:
                self.node(child, in_article, depth + 1)
        self.pre -= tag == "pre"
        if block:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")


def _inline_text(node: _Node) -> str:
    return re.sub(r"\s+", " ", "".join(_ordered_text(node))).strip()


def _ordered_text(node: _Node):
    for child in node.children:
        if isinstance(child, str):
            yield child
        else:
            if child.tag in _BLOCK or child.tag in ("br",):
                yield " "
            yield from _ordered_text(child)
            if child.tag in _BLOCK:
                yield " "


def _rows(table: _Node) -> list[list[str]]:
    rows = []
    for n in _walk(table):
        if n.tag == "tr" and _owner_table(table, n):
            cells = [c for c in n.children if isinstance(c, _Node) and c.tag in ("td", "th")]
            texts = [_inline_text(c).replace("|", "/") for c in cells]
            if any(texts):
                rows.append(texts)
    return rows


def _owner_table(table: _Node, row: _Node) -> bool:
    """Whether ``row`` belongs to ``table`` itself, not to a table nested in one of its cells."""
    todo = [(table, False)]
    while todo:
        n, nested = todo.pop()
        if n is row:
            return not nested
        for c in n.children:
            if isinstance(c, _Node):
                todo.append((c, nested or (c.tag == "table")))
    return False


def _is_data_table(table: _Node) -> bool:
    """A table of figures, not a page laid out in a table: no nested table, short cells, some row of two."""
    widest = 0
    for n in _walk(table):
        if n is not table and n.tag == "table":
            return False
        if n.tag == "tr":
            cells = [c for c in n.children if isinstance(c, _Node) and c.tag in ("td", "th")]
            widest = max(widest, len(cells))
            if any(len(_inline_text(c)) > _CELL_LIMIT for c in cells):
                return False
    return widest >= 2


def _paragraphs(text: str) -> str:
    lines = [re.sub(r"[ \t\f\v\xa0\u200b]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    previous = ""
    for line in lines:
        if not line:
            continue
        if out and line.startswith("|") and previous.startswith("|"):
            out[-1] += "\n" + line  # a table's rows stay together
        else:
            out.append(line)
        previous = line
    while len(out) > 1 and _SMALL_PRINT.match(out[-1]):
        out.pop()
    return "\n\n".join(out)


def html_to_text(markup: str) -> tuple[str, Optional[str]]:
    """Plain text of an HTML page's article and the page's ``<title>``.

    :param markup: the HTML source
    :returns: ``(text, title)``; paragraphs are separated by a blank line, a table's rows by a line break
    """
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    title = re.sub(r"\s+", " ", "".join(builder.title)).strip() or None
    article, is_article = _article(builder.root)
    for source, prune in ((article, True), (builder.root, True), (builder.root, False)):
        writer = _Writer(prune)
        writer.node(source, is_article and source is article)
        text = _paragraphs("".join(writer.parts))
        if text:
            return text, title
    return "", title

"""Front matter YAML loaded safely: no tags, a budget of aliases, a cap on the expanded size.

``yaml.safe_load`` runs no code, but it expands aliases: a few hundred bytes of nested
anchors (``b: &b [*a, *a, ...]``) become hundreds of megabytes. Here the document is
composed first (aliases stay shared nodes), then refused when it uses more than
:data:`MAX_ALIASES` aliases or when its expanded size passes its own length by more than
:data:`MAX_EXPANSION` characters; only then is it built into Python values. A timestamp
that is not a real date (``2021-02-30``) stays text, for the caller to report.

libyaml's parser (``yaml.CSafeLoader``) composes when PyYAML was built with it (reading seed 000's
front matter: 0.35 ms instead of 2.65 ms); its aliases are then counted on the composed nodes, and
libyaml itself refuses nesting deeper than 1,000 levels. Without libyaml the pure-Python loader
counts aliases while composing.

Example::

    >>> load("title: T\\npublished: 2021-02-30")
    {'title': 'T', 'published': '2021-02-30'}
"""

from __future__ import annotations

import yaml

#: Aliases (``*name``) a front matter may use; real ones use none.
MAX_ALIASES = 50
#: How much bigger than its text the loaded front matter may be, in characters.
MAX_EXPANSION = 64 * 1024


class FrontMatterError(ValueError):
    """Front matter refused; ``str()`` says why, for a person."""


class _Loader(yaml.SafeLoader):
    """SafeLoader that counts aliases while composing."""

    def __init__(self, stream):
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _too_many_aliases()
        return super().compose_node(parent, index)


def _timestamp(loader: _Loader, node: yaml.Node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:  # 2021-02-30: looks like a date, is not one; the caller notes it
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

_CSafe = getattr(yaml, "CSafeLoader", None)
if _CSafe is not None:
    class _CLoader(_CSafe):  # type: ignore[misc,valid-type]
        """libyaml's safe loader; aliases are counted after composing (:func:`alias_count`)."""

    _CLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    #: the loader :func:`load` uses: libyaml's when PyYAML has it, else the pure-Python one
    LOADER: type = _CLoader
else:
    LOADER = _Loader


def _too_many_aliases() -> FrontMatterError:
    return FrontMatterError(f"front matter uses more than {MAX_ALIASES} YAML aliases (*name); "
                            "refused, as it could expand without limit")


def alias_count(root: yaml.Node) -> int:
    """How many aliases the composed document uses: every reference to a node beyond its first."""
    seen = {id(root)}
    edges = 0
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            continue
        kids = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else node.value
        for kid in kids:
            edges += 1
            if id(kid) not in seen:
                seen.add(id(kid))
                stack.append(kid)
    return edges - (len(seen) - 1)


def expanded_size(root: yaml.Node, limit: int) -> int:
    """The characters of every scalar ``root`` holds, aliases counted each time they are used;
    stops counting past ``limit``. Iterative, and each shared node is sized once."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if not children_done and id(node) in open_nodes:
            raise FrontMatterError("front matter refers to itself (a YAML alias inside its own anchor)")
        if isinstance(node, yaml.ScalarNode):
            sizes[id(node)] = len(node.value) + 1
            continue
        kids = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
        if children_done:
            sizes[id(node)] = min(limit + 1, 1 + sum(sizes[id(k)] for k in kids))
            open_nodes.discard(id(node))
        else:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((k, False) for k in kids if id(k) not in sizes)
    return sizes[id(root)]


def load(text: str):
    """The YAML in ``text`` as Python values, or :class:`FrontMatterError` / ``yaml.YAMLError``."""
    loader = LOADER(text)
    try:
        try:
            root = loader.get_single_node()
        except RecursionError:
            raise FrontMatterError("front matter is nested too deeply") from None
        if root is None:
            return None
        # Without a '*' the text holds no alias, so nothing can be shared or expanded: both walks
        # over the tree are skipped (they were a third of reading a release with front matter)
        aliased = "*" in text
        if aliased and not isinstance(loader, _Loader) and alias_count(root) > MAX_ALIASES:
            raise _too_many_aliases()
        limit = len(text) + MAX_EXPANSION
        if aliased and expanded_size(root, limit) > limit:
            raise FrontMatterError(f"front matter expands to more than {MAX_EXPANSION // 1024} KB beyond its own "
                                   "text (YAML aliases); refused")
        try:
            return loader.construct_document(root)
        except RecursionError:
            raise FrontMatterError("front matter is nested too deeply") from None
    finally:
        loader.dispose()

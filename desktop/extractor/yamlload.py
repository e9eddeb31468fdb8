"""YAML loading that remembers where each value stood, so a rule error can name its line.

Mappings load as :class:`LDict`, lists as :class:`LList`, strings as :class:`LStr`;
each carries ``line`` (1-based). Only the safe YAML subset is accepted.

Example::

    >>> data = load_yaml_text("a:\\n  - x\\n", "f.yaml")
    >>> data["a"][0].line
    2
"""

from __future__ import annotations

from typing import Any

import yaml


class LStr(str):
    """A string that knows its line in the YAML file."""

    line: int = 0


class LDict(dict):
    """A mapping that knows its line in the YAML file."""

    line: int = 0


class LList(list):
    """A list that knows its line in the YAML file."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LDict:
    loader.flatten_mapping(node)
    out = LDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LList:
    out = LList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


def _string(loader: _Loader, node: yaml.ScalarNode) -> LStr:
    out = LStr(loader.construct_scalar(node))
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)
_Loader.add_constructor("tag:yaml.org,2002:str", _string)


def line_of(value: Any, default: int = 0) -> int:
    """The YAML line a loaded value came from, or ``default``."""
    return getattr(value, "line", default) or default


def load_yaml_text(text: str, path: str) -> Any:
    """Parse ``text``; raises ``yaml.YAMLError`` (with marks) for broken YAML.

    :param text: the YAML source
    :param path: the file name, for messages only
    """
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass

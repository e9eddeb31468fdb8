"""Issue 14, section 4: front matter loads with libyaml (``yaml.CSafeLoader``) where PyYAML has it, and
the limits of issue 12 (aliases, expansion, self-reference, nesting) hold with either loader."""

from __future__ import annotations

import pytest
import yaml

from desktop import frontmatter
from desktop.frontmatter import FrontMatterError, load


def _bomb(levels: int) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnop"
    for i in range(1, levels):
        lines.append(f"{names[i]}: &{names[i]} [" + ",".join([f"*{names[i - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\ntitle: boom\n"


@pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml")
def test_libyaml_loads_front_matter_when_pyyaml_has_it():
    assert issubclass(frontmatter.LOADER, yaml.CSafeLoader)


LOADERS = [pytest.param(frontmatter._Loader, id="python")]
if getattr(yaml, "CSafeLoader", None) is not None:
    LOADERS.append(pytest.param(frontmatter._CLoader, id="libyaml"))


@pytest.fixture(params=LOADERS)
def loader(request, monkeypatch):
    monkeypatch.setattr(frontmatter, "LOADER", request.param)
    return request.param


def test_ordinary_front_matter_and_aliases(loader):
    got = load("title: T\nforce: &f Kent Police\npublisher: *f\npublished: 2021-02-30\nday: 2021-02-03\n")
    assert got["publisher"] == "Kent Police" and got["published"] == "2021-02-30"
    assert str(got["day"]) == "2021-02-03"


def test_too_many_aliases_refused(loader):
    with pytest.raises(FrontMatterError, match="aliases"):
        load(_bomb(7))  # 54 aliases


def test_expansion_refused_within_the_alias_budget(loader):
    with pytest.raises(FrontMatterError, match="expands"):
        load(_bomb(5))  # 36 aliases, 59,049 strings
    big = "x" * 40_000
    with pytest.raises(FrontMatterError, match="expands"):
        load(f"base: &b \"{big}\"\nmore: [*b, *b, *b, *b]\n")


def test_self_reference_refused(loader):
    with pytest.raises(FrontMatterError, match="refers to itself"):
        load("a: &a [1, *a]\n")


def test_deep_nesting_refused_not_crashing(loader):
    with pytest.raises((FrontMatterError, yaml.YAMLError)):
        load("[" * 20_000 + "]" * 20_000)

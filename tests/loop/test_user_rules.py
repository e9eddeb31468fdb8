"""The user's rules folder: one place (XDG_CONFIG_HOME), layered over the bundled rules, refused when broken."""

import pytest

from desktop.domain import Document
from desktop.extractor import RulesError, default_rules, extract, forget_default_rules
from desktop.extractor.user_overlay import USER_RULES_PROBLEMS, load_effective_rules
from desktop.loop.user_rules import add_word, install
from desktop.paths import user_rules_dir

BODY = "Police recovered 7 tomahawks and made 12 arrests."


def _found(rules=None):
    return [(m.category, m.value) for m in extract(Document(name="d", body=BODY, sha256="x"), rules).metrics]


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    return tmp_path / "cfg" / "blotter" / "rules"


def test_the_folder_follows_xdg_config_home(config, monkeypatch, tmp_path):
    assert user_rules_dir() == config
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_rules_dir() == tmp_path / "home" / ".config" / "blotter" / "rules"


def test_a_user_file_adds_words_without_copying_the_set(config):
    assert ("weapons_seized", 7) not in _found()
    config.mkdir(parents=True)
    (config / "mine.yaml").write_text("words:\n  nouns:\n    weapon: [tomahawk]\n")
    forget_default_rules()
    assert _found() == [("weapons_seized", 7), ("arrests", 12)]  # the bundled arrests rules still apply
    assert "knife" in (default_rules().data["words"]["nouns"]["knife"])  # the bundled list is kept, extended


def test_a_broken_user_file_is_refused_and_the_last_good_rules_stay(config):
    config.mkdir(parents=True)
    mine = config / "mine.yaml"
    mine.write_text("words:\n  nouns:\n    weapon: [tomahawk]\n")
    load_effective_rules()
    mine.write_text("words:\n  nouns:\n    weapon: [tomahawk\n")  # a bracket left open
    rules = load_effective_rules()
    [problem] = USER_RULES_PROBLEMS
    assert problem.startswith(f"{mine}:") and "not valid YAML" in problem
    assert ("weapons_seized", 7) in _found(rules)  # the last version that loaded
    (config / "other.yaml").write_text("words:\n  nouns:\n    weapon: [to(mahawk]\n")
    load_effective_rules()
    assert any(p.startswith(f"{config / 'other.yaml'}:3") and "not a plain word" in p for p in USER_RULES_PROBLEMS)


def test_install_refuses_a_broken_file_and_writes_nothing(config, store, tmp_path):
    bad = tmp_path / "cand.yaml"
    bad.write_text("categories:\n  - category: charges\n    rules:\n      - {id: x, after: '{nosuch}'}\n")
    with pytest.raises(RulesError) as err:
        install(store, bad)
    assert str(err.value).startswith(f"{bad}:") and "unknown macro" in str(err.value)
    assert not list(config.glob("*.yaml")) if config.exists() else True
    good = tmp_path / "good.yaml"
    good.write_text("words:\n  nouns:\n    weapon: [tomahawk]\n")
    assert install(store, good) == [config / "good.yaml"]
    assert ("weapons_seized", 7) in _found()
    assert [e["new"] for e in store.history() if e["entity"] == "rules"] == [str(config / "good.yaml")]


def test_add_word_is_checked_written_once_and_audited(config, store):
    path = add_word(store, "nouns", "weapon", "tomahawk")
    add_word(store, "nouns", "weapon", "Tomahawk")  # already there: nothing more
    assert path == config / "words.yaml" and path.read_text().count("tomahawk") == 1
    assert ("weapons_seized", 7) in _found()
    with pytest.raises(RulesError):
        add_word(store, "nouns", "weapon", "to(mahawk")
    assert "to(mahawk" not in path.read_text()
    assert len([e for e in store.history() if e["entity"] == "rules"]) == 1


def test_the_command_line_names_a_broken_user_file_and_goes_on(config, tmp_path, capsys):
    from desktop.cli import main
    config.mkdir(parents=True)
    (config / "mine.yaml").write_text("words:\n  nouns:\n    weapon: [tomahawk\n")
    release = tmp_path / "r.txt"
    release.write_text(BODY)
    assert main(["extract", str(release)]) == 0
    captured = capsys.readouterr()
    assert f"your rules: {config / 'mine.yaml'}:" in captured.err and "not used until it is fixed" in captured.err
    assert '"arrests"' in captured.out
    assert main(["rules", "show"]) == 0
    assert f"your rules folder: {config}" in capsys.readouterr().out


def test_help_shows_the_users_rules_folder(config, capsys):
    from desktop.cli import main
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "Your own rules" in capsys.readouterr().out.replace("\n", " ")
    with pytest.raises(SystemExit):
        main(["rules", "--help"])
    assert str(config) in capsys.readouterr().out.replace("\n", "")

"""A file replaced in one step: the new one whole, or the old one untouched and no debris."""

import os

import pytest

from desktop.atomic_file import replacing


def test_the_new_file_replaces_the_old_when_the_block_ends(tmp_path):
    target = tmp_path / "rules.yaml"
    target.write_text("old")
    with replacing(target, prefix=".tmp-") as (fd, tmp):
        with os.fdopen(fd, "w") as fh:
            fh.write("new")
        assert target.read_text() == "old", "nothing is seen before the block ends"
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["rules.yaml"]


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "rules.yaml"
    target.write_text("old")
    with pytest.raises(OSError, match="disk full"):
        with replacing(target, prefix=".tmp-") as (fd, tmp):
            with os.fdopen(fd, "w") as fh:
                fh.write("half")
            raise OSError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["rules.yaml"]

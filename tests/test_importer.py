"""The importer: encodings, front matter, HTML, identities and every bad input named by file."""

import os

import pytest

from desktop.importer import ImportFailure, decode, iter_files, read_document, read_paths, split_front_matter
from desktop.paths import seeds_dir

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def results(*paths):
    return {os.path.basename(r.path): r for r in read_paths(paths)}


def test_seed_with_yaml_fence_loses_its_front_matter():
    doc = read_document(seeds_dir() / "000_21d9219c638e232c.txt")
    assert doc.body.startswith("Jan 05, 2021 16:23 GMT")
    assert "```" not in doc.body[:10]
    assert doc.published == "2021-01-05"
    assert doc.publisher == "Metropolitan Police"
    assert doc.area == "Metropolitan"
    assert doc.url.startswith("https://news.met.police.uk/")


def test_dashes_front_matter_and_dateline(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Hello\ndate: 2023-07-06\n---\nBody text here.\n")
    doc = read_document(path)
    assert (doc.title, doc.published, doc.body) == ("Hello", "2023-07-06", "Body text here.")


def test_dateline_in_text_gives_published(tmp_path):
    doc = read_document(write(tmp_path, "n.txt", "Title\n\nNews \u2022 Nov 10, 2020 06:30 GMT\n\nText"))
    assert doc.published == "2020-11-10"


def test_identity_is_body_hash_so_reimport_adds_nothing(tmp_path):
    a = read_document(write(tmp_path, "a.txt", "Same body"))
    b = read_document(write(tmp_path, "b.txt", "Same body"))
    assert a.sha256 == b.sha256
    assert a.sha256 != read_document(write(tmp_path, "c.txt", "Other body")).sha256


def test_utf8_bom_is_removed(tmp_path):
    doc = read_document(write(tmp_path, "bom.txt", b"\xef\xbb\xbfHello \xe2\x80\x94 world"))
    assert doc.body == "Hello \u2014 world" and doc.encoding == "utf-8-sig"


def test_cp1252_fallback_is_reported(tmp_path):
    path = write(tmp_path, "w.txt", "Seized \u00a346,000 \u2013 said".encode("cp1252"))
    [r] = read_paths([path])
    assert r.document.body == "Seized \u00a346,000 \u2013 said"
    assert any("cp1252" in n for n in r.notes)


def test_utf16_with_bom(tmp_path):
    doc = read_document(write(tmp_path, "u16.txt", "\ufeffTwelve arrests".encode("utf-16-le")))
    assert doc.body == "Twelve arrests"


def test_mixed_line_endings_become_newlines(tmp_path):
    doc = read_document(write(tmp_path, "m.txt", b"one\r\ntwo\rthree\n"))
    assert doc.body == "one\ntwo\nthree"


def test_html_is_reduced_to_text_without_scripts_or_addresses(tmp_path):
    html = ("<html><head><title>Ops</title><script>alert('x')</script></head><body>"
            "<p>12 arrests</p><img src='http://evil.example/x.png'><a href='javascript:alert(1)'>link</a>"
            "<style>p{}</style></body></html>")
    doc = read_document(write(tmp_path, "p.html", html))
    assert "12 arrests" in doc.body and "link" in doc.body
    assert "alert" not in doc.body and "evil" not in doc.body and "javascript" not in doc.body
    assert doc.title == "Ops"


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n", "empty"),
    ("image.txt", PNG, "PNG image"),
    ("image.md", PNG, "PNG image"),
    ("bin.txt", b"abc\x00\x01\x02" * 100, "binary"),
    ("bad-yaml.md", b"---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
    ("list-fm.md", b"---\n- a\n- b\n---\nbody", "key: value"),
    ("evil.md", b"---\nx: !!python/object/apply:os.system ['echo pwned']\n---\nbody", "not allowed"),
    ("only-fm.md", b"---\ntitle: x\n---\n", "no text"),
])
def test_bad_files_get_one_clear_reason(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    [r] = read_paths([path])
    assert r.document is None
    assert reason in r.error
    assert name in r.message()


def test_yaml_tags_never_execute(tmp_path):
    marker = tmp_path / "pwned"
    path = write(tmp_path, "evil.md", f"---\nx: !!python/object/apply:os.system ['touch {marker}']\n---\nb")
    list(read_paths([path]))
    assert not marker.exists()


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.seek(20 * 1024 * 1024)
        fh.write(b"x")
    [r] = read_paths([path])
    assert "MB" in r.error and r.document is None


def test_missing_path_and_unknown_ending(tmp_path):
    other = write(tmp_path, "notes.pdf", b"%PDF-1.4")
    found = results(tmp_path / "nope.txt", other)
    assert "no such file" in found["nope.txt"].error
    assert "not a release file" in found["notes.pdf"].error


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", "text")
    real_open = type(path).open

    def deny(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(path), "open", deny)
    [r] = read_paths([path])
    assert "permission denied" in r.error


def test_folder_walk_continues_past_bad_files_and_skips_loops(tmp_path):
    write(tmp_path, "good.txt", "12 arrests")
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "pic.png", PNG)  # not a release ending: skipped silently in a folder
    (tmp_path / "loop").symlink_to(tmp_path)
    sub = tmp_path / "sub"
    sub.mkdir()
    write(sub, "na\u00efve 'quoted' \u0434\u043e\u043a.txt", "3 knives")
    found = results(tmp_path)
    assert found["good.txt"].ok and not found["empty.txt"].ok
    assert found["na\u00efve 'quoted' \u0434\u043e\u043a.txt"].ok
    assert "pic.png" not in found
    assert len(found) == 3


def test_thousands_of_files(tmp_path):
    for i in range(2000):
        write(tmp_path, f"f{i:04}.txt", f"Release {i}: {i} arrests")
    found = list(read_paths([tmp_path]))
    assert len(found) == 2000 and all(r.ok for r in found)
    assert len({r.document.sha256 for r in found}) == 2000


def test_split_front_matter_without_block():
    assert split_front_matter("no front matter") == ({}, "no front matter")


def test_decode_rejects_sqlite_file():
    with pytest.raises(ImportFailure, match="SQLite"):
        decode(b"SQLite format 3\x00" + bytes(100))


def test_folder_walk_lists_in_path_order_with_links_checked(tmp_path):
    """The walk sorts by path components as ``Path`` does ("a/b" before "a-c/x", though "-" < "/"),
    takes endings in any case, and reports a broken link, without an lstat() a file (ADR 0010, fifth round)."""
    for name in ("a/b.txt", "a-c/x.txt", "a.b/y.TXT", "a0.md", "A.htm", "sp ace.txt", "a/skip.png", ".hidden.txt"):
        write(tmp_path, name, "12 arrests")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "good.txt").symlink_to(tmp_path / "a" / "b.txt")
    listed = list(iter_files([tmp_path]))
    assert [p for p, _ in listed] == sorted(p for p, _ in listed)
    assert [str(p.relative_to(tmp_path)) for p, _ in listed] == [
        "A.htm", "a/b.txt", "a-c/x.txt", "a.b/y.TXT", "a0.md", "broken.txt", "good.txt", "sp ace.txt"]
    assert dict((p.name, problem) for p, problem in listed)["broken.txt"] == "a broken or looping link"
    assert [problem for p, problem in listed if p.name != "broken.txt"] == [None] * 7

"""Files and folders into :class:`~desktop.domain.Document` records.

Reads ``.txt``, ``.md``, ``.html`` and ``.htm``. Front matter is taken from a
leading ``---`` block or a leading ```` ```yaml ```` fence, with a safe loader
only. Text is UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else is
decoded as cp1252 and the import report says so. Line endings become ``\\n``.

Every problem is reported as an :class:`ImportProblem` naming the file and the
reason in words a person can act on; one bad file never stops a batch.

Example::

    >>> results = list(read_paths(["seeds/"]))
    >>> results[0].document.name
    '000_21d9219c638e232c.txt'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

import yaml

from desktop.docfields import fields_and_notes
from desktop.domain import Document
from desktop.frontmatter import FrontMatterError, load as load_yaml
from desktop.htmltext import html_to_text
from desktop.textrules import strip_controls

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: A press release is a few kilobytes; anything past this is not one.
MAX_BYTES = 10 * 1024 * 1024

_FENCE = re.compile(r"\A```ya?ml[ \t]*\n(.*?)\n```[ \t]*(?:\n|\Z)", re.S)
_DASHES = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}


class ImportFailure(Exception):
    """A file that cannot be imported; ``str()`` is the reason."""


@dataclass
class ImportResult:
    """One file's outcome: a document (perhaps with notes) or the problem."""

    path: str
    document: Optional[Document] = None
    error: Optional[str] = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document is not None

    def message(self) -> str:
        """One line for a person: ``path: reason``."""
        if self.error:
            return f"{self.path}: {self.error}"
        return f"{self.path}: " + ("; ".join(self.notes) if self.notes else "ok")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used; raises :class:`ImportFailure` for binary data.

    :param data: the file's bytes
    :returns: ``(text, encoding)`` with ``encoding`` one of utf-8, utf-8-sig, utf-16, cp1252
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "utf-16"), "utf-16"
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            raise ImportFailure(f"this is {what}, not a text file")
    if b"\x00" in data[:8192]:
        raise ImportFailure("binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if _control_share(text) > 0.05:
            raise ImportFailure("binary data, not a text file") from None
        return text, "cp1252"


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ImportFailure(f"starts with a {label} byte-order mark but is not valid {label} ({exc.reason})") from None


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


def split_front_matter(text: str) -> tuple[dict, str]:
    """Front matter (``---`` block or ```` ```yaml ```` fence) and the body after it.

    :raises ImportFailure: when the block is not valid YAML, not a mapping, or uses tags
    """
    match = _DASHES.match(text) or _FENCE.match(text)
    if not match:
        return {}, text
    try:
        data = load_yaml(match.group(1))
    except FrontMatterError as exc:
        raise ImportFailure(str(exc)) from None
    except yaml.constructor.ConstructorError as exc:
        raise ImportFailure(f"front matter uses a YAML tag that is not allowed: {exc.problem}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ImportFailure(f"front matter is not valid YAML{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ImportFailure(f"front matter must be 'key: value' pairs, found a {type(data).__name__}")
    return data, text[match.end():].lstrip("\n")


def read_document(path: Union[str, Path], data: Optional[bytes] = None) -> Document:
    """Read one file into a :class:`Document`; raises :class:`ImportFailure` with the reason.

    :param path: the file
    :param data: its bytes, when already read
    """
    return read_file(path, data)[0]


def read_file(path: Union[str, Path], data: Optional[bytes] = None) -> tuple[Document, list[str]]:
    """Like :func:`read_document`, also returning notes for the import report."""
    path = Path(path)
    notes: list[str] = []
    if data is None:
        data = _read_bytes(path)
    if not data.strip():
        raise ImportFailure("the file is empty")
    text, encoding = decode(data)
    if encoding == "cp1252":
        notes.append("not valid UTF-8: decoded as Windows-1252 (cp1252)")
    elif encoding == "utf-16":
        notes.append("decoded as UTF-16")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    clean = strip_controls(text, keep_lines=True)  # the one text rule: no NUL, escape or other controls
    if len(clean) != len(text):
        notes.append(f"{len(text) - len(clean):,} control characters (NUL, escape...) removed")
    text = clean
    front, body = split_front_matter(text)
    if path.suffix.lower() in (".html", ".htm"):
        body, html_title = html_to_text(body)
        if html_title and "title" not in front:
            front = {**front, "title": html_title}
    body = body.strip("\n")
    if not body.strip():
        raise ImportFailure("no text after the front matter")
    fields, field_notes = fields_and_notes(body, front)
    notes += field_notes
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    front = json.loads(json.dumps(front, default=str))
    doc = Document(name=path.name, body=body, sha256=digest, source_path=str(path),
                   encoding=encoding, front_matter=front, **fields)
    return doc, notes


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a named pipe or a device would block or never end
            raise ImportFailure("not a regular file (a pipe, socket or device)")
        size = info.st_size
        if size > MAX_BYTES:
            raise ImportFailure(
                f"the file is {size / 1048576:.1f} MB; a press release is at most {MAX_BYTES // 1048576} MB")
        with path.open("rb") as fh:
            # read(n) allocates n bytes up front: ask for what stat() says (plus one, to
            # notice a file that grew), not for the 10 MB limit
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(MAX_BYTES + 1 - len(data))
        if len(data) > MAX_BYTES:
            raise ImportFailure(f"the file grew past {MAX_BYTES // 1048576} MB while it was read")
        return data
    except FileNotFoundError:
        raise ImportFailure("no such file") from None
    except PermissionError:
        raise ImportFailure("permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise ImportFailure("is a folder, not a file") from None
    except OSError as exc:
        raise ImportFailure(f"cannot be read ({exc.strerror or exc})") from None


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[tuple[Path, Optional[str]]]:
    """Every importable file under ``paths``, in sorted order, with a problem or ``None``.

    Folders are walked without following links (no loops); hidden files are
    skipped; a file named directly with an unknown ending is reported.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_symlink() and not path.exists():
            yield path, "a broken or looping link"
        elif not path.exists():
            yield path, "no such file or folder"
        elif path.is_dir():
            yield from _walk(path)
        elif path.suffix.lower() not in SUFFIXES:
            yield path, f"not a release file (expected one of {', '.join(SUFFIXES)})"
        else:
            yield path, None


#: Folders deeper than this under a folder given to import are reported, not walked.
MAX_DEPTH = 64


def _walk(folder: Path) -> Iterator[tuple[Path, Optional[str]]]:
    """Files under ``folder`` without recursion (a stack of folders), links not followed, hidden names
    skipped; a folder that cannot be read, or lies past :data:`MAX_DEPTH`, is reported for its branch only."""
    found: list[tuple[str, bool]] = []  # (path, is a link); sorted as Path sorts, by components
    errors: list[tuple[Path, str]] = []
    stack: list[tuple[str, int]] = [(str(folder), 0)]
    while stack:
        here, depth = stack.pop()
        try:
            with os.scandir(here) as listing:
                entries = list(listing)
        except OSError as exc:
            errors.append((Path(exc.filename or here), f"folder cannot be read ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if depth + 1 > MAX_DEPTH:
                    errors.append((Path(entry.path), f"folder nested more than {MAX_DEPTH} levels deep: "
                                                     "not imported (move its files higher up)"))
                else:
                    stack.append((entry.path, depth + 1))
            elif entry.name.lower().endswith(SUFFIXES):  # the name's suffix (hidden names are skipped above)
                try:
                    link = entry.is_symlink()  # from the listing: no system call a file
                except OSError:
                    link = True
                found.append((entry.path, link))
    yield from sorted(errors)
    # sorted by components, as Path sorts ("a/b" before "a-c/x"), without a Path and an lstat() a file
    # until it is yielded (the main process lists every file of an import: 0.04 ms a release)
    found.sort(key=lambda item: item[0].split(os.sep))
    for name, link in found:
        if link and not os.path.exists(name):
            yield Path(name), "a broken or looping link"
        else:
            yield Path(name), None


def read_paths(paths: Iterable[Union[str, Path]]) -> Iterator[ImportResult]:
    """One :class:`ImportResult` for every file under ``paths``; never raises for a bad file."""
    for path, problem in iter_files(paths):
        yield ImportResult(str(path), error=problem) if problem else read_listed(path)


def read_listed(path: Union[str, Path]) -> ImportResult:
    """One file that :func:`iter_files` listed, read into an :class:`ImportResult`; never raises.
    (It is not looked up again: a file gone since it was listed is "no such file".)"""
    try:
        doc, notes = read_file(path)
    except ImportFailure as exc:
        return ImportResult(str(path), error=str(exc))
    except Exception as exc:  # a defect must not stop the batch
        return ImportResult(str(path), error=f"unexpected error: {type(exc).__name__}: {exc}")
    return ImportResult(str(path), document=doc, notes=notes)

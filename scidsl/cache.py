"""A small per-user cache of derived data (the kinds index, the built parser) for a fast cold start.

Entries live in `$SCIDSL_CACHE_DIR`, else `$XDG_CACHE_HOME/scidsl`, else `~/.cache/scidsl`. Each entry
starts with the key it was made for (a digest of its inputs); a stale, foreign or damaged entry is
ignored and rebuilt. Only a folder owned by the user and writable by nobody else is read, never
through a symbolic link; every write is a temporary file renamed into place.
"""
from __future__ import annotations

import hashlib
import os
import pathlib
import stat
import tempfile
from typing import Iterable, Optional


def cache_dir() -> Optional[pathlib.Path]:
    """The cache folder, created if needed; None when it is missing, unsafe or not writable."""
    root = os.environ.get("SCIDSL_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "scidsl")
    path = pathlib.Path(root)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return None
    return path


def digest(parts: Iterable[object]) -> str:
    """A short hex digest of the given parts (their text forms)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8", "backslashreplace") + b"\0")
    return h.hexdigest()[:32]


def files_key(folder: pathlib.Path, pattern: str = "*.py") -> list[tuple[str, int, int]]:
    """(relative path, mtime, size) of every matching file under a folder: changes when the code does."""
    out = []
    for f in sorted(folder.rglob(pattern)):
        try:
            st = f.stat()
        except OSError:
            continue
        out.append((str(f.relative_to(folder)), st.st_mtime_ns, st.st_size))
    return out


def read(name: str, key: str) -> Optional[bytes]:
    """The cached bytes of `name` made for `key`, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            return None
        head = fh.readline()
        return fh.read() if head == key.encode("ascii") + b"\n" else None


def write(name: str, key: str, data: bytes) -> None:
    """Store `data` for `key` under `name`; a cache that cannot be written is simply skipped."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key.encode("ascii") + b"\n" + data)
        os.replace(tmp, folder / name)
    except OSError:
        if os.path.exists(tmp):
            os.unlink(tmp)

"""Writing outputs safely: only to a regular file (or a new one), never through a symbolic link, never over an input,
always through a temporary file in the same folder and an atomic rename."""
from __future__ import annotations

import os
import stat
import tempfile
from typing import Callable, Iterable, Union

Writer = Callable[[object], None]


class UnsafeOutput(ValueError):
    """The output path must not be written (a link, a FIFO or device, a folder, or an input file)."""


def check_target(path: str, inputs: Iterable[str] = ()) -> None:
    """Raise UnsafeOutput unless `path` is absent or a regular file that is none of `inputs`."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UnsafeOutput(f"cannot write {path}: {exc.strerror or exc}") from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise UnsafeOutput(f"refusing to write through the symbolic link {path}")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise UnsafeOutput(f"refusing to replace {path}: it is not a regular file")
    for source in inputs:
        if source and source != "-" and _same_file(path, st, source):
            raise UnsafeOutput(f"refusing to overwrite the input file {source}")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UnsafeOutput(f"the folder {folder} does not exist")


def _same_file(path: str, st: os.stat_result | None, source: str) -> bool:
    if os.path.abspath(path) == os.path.abspath(source):
        return True
    try:
        other = os.stat(source)
    except OSError:
        return False
    return st is not None and (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino)


def write_atomic(path: str, data: Union[bytes, Writer], inputs: Iterable[str] = ()) -> str:
    """Write bytes (or call `data(stream)`) to a temporary file beside `path`, then rename it over `path`."""
    inputs = tuple(inputs)
    check_target(path, inputs)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".scidsl-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                data(fh)
        os.chmod(tmp, 0o666 & ~current_umask())
        check_target(path, inputs)  # the path may have changed while the figure was encoded
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def current_umask() -> int:
    """The process's file-creation mask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Atomic file writes: a crash or an error never leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 60.0
"""A leftover temporary file older than this is from a write that was killed: removed."""


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a flushed temporary file in the same folder,
    renamed over ``path``; an existing file keeps its permissions and is untouched on error.

    A symbolic link is followed (its target is written, the link kept); a file without
    write permission is refused (``PermissionError``), as are text that is not UTF-8 (a lone
    surrogate: ``UnicodeEncodeError``, nothing written). Temporary files that a killed
    write left beside ``path`` are removed.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    data = text.encode("utf-8")  # before anything is created: a bad text writes nothing
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    if mode is not None and not mode & stat.S_IWUSR:  # read-only, even for root
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644 if mode is None else mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _remove_stale_temporaries(target)


def _remove_stale_temporaries(target: Path) -> None:
    """Remove ``.NAME.xxxxxxxx.tmp`` files of ``target`` that a killed write left behind (old
    enough not to be another writer's, at work now)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.tmp")
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)

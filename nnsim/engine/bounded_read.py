"""Reading a user's file with a size limit: never a device, a pipe or an endless stream."""

from __future__ import annotations

import os
import stat

__all__ = ["FileRefusedError", "read_regular_file"]


class FileRefusedError(ValueError):
    """A path that is not a regular file, or a file over the size limit (message without the
    path: ``"is a named pipe, not a regular file"``)."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them.

    The file is checked before it is opened (opening a named pipe would block) and opened
    without blocking; at most ``max_bytes + 1`` bytes are read, so a file that grows or
    lies about its size cannot make the read endless.

    Raises
    ------
    FileRefusedError
        If ``path`` is a directory, pipe, device or socket, or holds more than ``max_bytes``.
    OSError
        If it cannot be read (missing, no permission, ...).
    """
    mode = os.stat(path).st_mode

    def refuse_special(mode: int) -> None:
        if not stat.S_ISREG(mode):
            raise FileRefusedError(f"is {_kind(mode)}, not a regular file")

    def too_large(size: int) -> FileRefusedError:
        return FileRefusedError(f"is too large ({size} bytes; at most {max_bytes // 2**20} MB)")

    refuse_special(mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb") as f:
        info = os.fstat(f.fileno())
        refuse_special(info.st_mode)  # replaced since the check
        if info.st_size > max_bytes:
            raise too_large(info.st_size)
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(len(data))
    return data

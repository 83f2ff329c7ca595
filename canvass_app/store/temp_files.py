"""Encrypted temporary files for SQLCipher, so that SQLite may spill big sorts to disk instead of into memory.

SQLCipher encrypts the database, its WAL and its journals, but not SQLite's temporary files; that is why it keeps
them in memory by default (`SQLITE_TEMP_STORE=2`). In memory, SQLite's sorter never spills: `CREATE INDEX` over a
5.5M-voter table held every key in RAM (the importing process peaked at 517 MB). This module registers, through
the SQLCipher library's own C API (ctypes), a VFS that hands every file to the default VFS except temporary ones,
which it keeps encrypted: 4 KiB blocks, each sealed with AES-256-GCM under a random nonce, with a random key per
file that lives only in this process's memory (a lost laptop shows ciphertext under a key that no longer exists).
Connections opened after `install()` use it, and `PRAGMA temp_store=FILE` then lets the sorter spill in runs of
the cache size.

Where the library does not export its VFS functions, or on Windows (no positional file I/O), `install()` answers
False and the store keeps temporary files in memory as before.
"""

from __future__ import annotations

import ctypes
import logging
import os
import tempfile
import threading
from ctypes import CFUNCTYPE, POINTER, Structure, c_char_p, c_int, c_int64, c_void_p
from typing import IO, Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

VFS_NAME = b"canvass-encrypted-temp"
BLOCK = 4096  # plaintext bytes a block; SQLite writes temp files in pages and sorter buffers of the page size
_NONCE = 12
_TAG = 16
_STRIDE = _NONCE + BLOCK + _TAG  # one stored block: nonce, ciphertext, tag

_OK, _IOERR, _NOTFOUND, _CANTOPEN = 0, 10, 12, 14
_IOERR_READ, _IOERR_SHORT_READ, _IOERR_WRITE = 10 | 1 << 8, 10 | 2 << 8, 10 | 3 << 8
# Open flags of the files SQLite makes for itself and deletes on close: temp and transient databases, their
# journals, statement journals, sorter runs. The database, its WAL and its journals go to the default VFS.
_TEMP_KINDS = 0x200 | 0x400 | 0x1000 | 0x2000  # TEMP_DB, TRANSIENT_DB, TEMP_JOURNAL, SUBJOURNAL

_file_p = c_void_p  # sqlite3_file*: its first member is the io-methods pointer
_vfs_p = c_void_p

_xClose = CFUNCTYPE(c_int, _file_p)
_xRead = CFUNCTYPE(c_int, _file_p, c_void_p, c_int, c_int64)
_xWrite = CFUNCTYPE(c_int, _file_p, c_void_p, c_int, c_int64)
_xTruncate = CFUNCTYPE(c_int, _file_p, c_int64)
_xSync = CFUNCTYPE(c_int, _file_p, c_int)
_xFileSize = CFUNCTYPE(c_int, _file_p, POINTER(c_int64))
_xLock = CFUNCTYPE(c_int, _file_p, c_int)
_xCheckReservedLock = CFUNCTYPE(c_int, _file_p, POINTER(c_int))
_xFileControl = CFUNCTYPE(c_int, _file_p, c_int, c_void_p)
_xSectorSize = CFUNCTYPE(c_int, _file_p)
# The name stays a raw pointer: SQLite finds URI parameters past its end, and the default VFS keeps the pointer.
_xOpen = CFUNCTYPE(c_int, _vfs_p, c_void_p, _file_p, c_int, POINTER(c_int))


class _IoMethods(Structure):
    """sqlite3_io_methods, version 1 (no shared memory, no memory mapping: SQLite then reads and writes)."""

    _fields_ = [
        ("iVersion", c_int), ("xClose", _xClose), ("xRead", _xRead), ("xWrite", _xWrite),
        ("xTruncate", _xTruncate), ("xSync", _xSync), ("xFileSize", _xFileSize), ("xLock", _xLock),
        ("xUnlock", _xLock), ("xCheckReservedLock", _xCheckReservedLock), ("xFileControl", _xFileControl),
        ("xSectorSize", _xSectorSize), ("xDeviceCharacteristics", _xSectorSize),
        ("xShmMap", c_void_p), ("xShmLock", c_void_p), ("xShmBarrier", c_void_p), ("xShmUnmap", c_void_p),
        ("xFetch", c_void_p), ("xUnfetch", c_void_p),
    ]


class _Vfs(Structure):
    """sqlite3_vfs, version 3; every method but xOpen is the default VFS's own C function."""

    _fields_ = [
        ("iVersion", c_int), ("szOsFile", c_int), ("mxPathname", c_int), ("pNext", c_void_p),
        ("zName", c_char_p), ("pAppData", c_void_p), ("xOpen", c_void_p), ("xDelete", c_void_p),
        ("xAccess", c_void_p), ("xFullPathname", c_void_p), ("xDlOpen", c_void_p), ("xDlError", c_void_p),
        ("xDlSym", c_void_p), ("xDlClose", c_void_p), ("xRandomness", c_void_p), ("xSleep", c_void_p),
        ("xCurrentTime", c_void_p), ("xGetLastError", c_void_p), ("xCurrentTimeInt64", c_void_p),
        ("xSetSystemCall", c_void_p), ("xGetSystemCall", c_void_p), ("xNextSystemCall", c_void_p),
    ]


def temp_directory() -> str:
    """Where SQLite itself would put temporary files (its unix order: SQLITE_TMPDIR, TMPDIR, /var/tmp, ...)."""
    for candidate in (os.environ.get("SQLITE_TMPDIR"), os.environ.get("TMPDIR"), "/var/tmp", "/usr/tmp", "/tmp"):
        if candidate and os.path.isdir(candidate) and os.access(candidate, os.W_OK | os.X_OK):
            return candidate
    return tempfile.gettempdir()


class EncryptedTempFile:
    """One temporary file: logical bytes kept as AES-GCM sealed blocks in an anonymous (unlinked) file.

    The block last written in part stays open in memory until another block is: SQLite appends sorter runs and
    statement-journal records (4 bytes + a page) at offsets that are not block-aligned, and sealing a block at
    every such write would decrypt and encrypt it again and again.
    """

    def __init__(self, directory: str | None = None):
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=directory or temp_directory())  # noqa: SIM115
        self._fd = self._file.fileno()
        self._aead = AESGCM(AESGCM.generate_key(bit_length=256))
        self._sealed: set[int] = set()  # blocks stored on disk; the others read as zeros
        self._open_index = -1  # the block held open in memory, if any
        self._open = bytearray()
        self.size = 0

    def _load(self, index: int) -> bytes:
        if index == self._open_index:
            return bytes(self._open)
        if index not in self._sealed:
            return bytes(BLOCK)
        stored = os.pread(self._fd, _STRIDE, index * _STRIDE)
        return self._aead.decrypt(stored[:_NONCE], stored[_NONCE:], None)

    def _seal(self, index: int, plain: bytes) -> None:
        nonce = os.urandom(_NONCE)
        os.pwrite(self._fd, nonce + self._aead.encrypt(nonce, plain, None), index * _STRIDE)
        self._sealed.add(index)

    def _close_open_block(self) -> None:
        if self._open_index >= 0:
            self._seal(self._open_index, bytes(self._open))
            self._open_index = -1

    def write(self, data: bytes, offset: int) -> None:
        end = offset + len(data)
        pos = offset
        while pos < end:
            index, start = divmod(pos, BLOCK)
            take = min(BLOCK - start, end - pos)
            piece = data[pos - offset:pos - offset + take]
            if take == BLOCK:
                if index == self._open_index:
                    self._open_index = -1
                self._seal(index, piece)
            else:
                if index != self._open_index:
                    block = bytearray(self._load(index))
                    self._close_open_block()
                    self._open_index, self._open = index, block
                self._open[start:start + take] = piece
            pos += take
        self.size = max(self.size, end)

    def read(self, amount: int, offset: int) -> tuple[bytes, bool]:
        """Up to amount bytes from offset, zero-filled past the end; and whether the read was short."""
        end = min(offset + amount, self.size)
        out = bytearray()
        pos = offset
        while pos < end:
            index, start = divmod(pos, BLOCK)
            take = min(BLOCK - start, end - pos)
            out += self._load(index)[start:start + take]
            pos += take
        short = len(out) < amount
        if short:
            out += bytes(amount - len(out))
        return bytes(out), short

    def truncate(self, size: int) -> None:
        if size < self.size:
            self._close_open_block()
            keep, tail = divmod(size, BLOCK)
            if tail and keep in self._sealed:  # bytes past the new end must read as zeros if it grows again
                self._seal(keep, self._load(keep)[:tail] + bytes(BLOCK - tail))
            blocks = keep + (1 if tail else 0)
            self._sealed = {i for i in self._sealed if i < blocks}
            os.ftruncate(self._fd, blocks * _STRIDE)
        self.size = size

    def close(self) -> None:
        self._open = bytearray()
        self._file.close()


_files: dict[int, EncryptedTempFile] = {}  # sqlite3_file address -> its file
_lock = threading.Lock()
_installed: bool | None = None
_keep: list[Any] = []  # the structures and callbacks SQLite points at: never freed (_register)


def _guard(error: int) -> Any:
    """Decorate a callback so that an exception becomes an SQLite error code (it must never cross into C)."""
    def wrap(fn: Any) -> Any:
        def call(*args: Any) -> int:
            try:
                return int(fn(*args))
            except Exception:  # noqa: BLE001 - SQLite reports the code; the log says why
                log.exception("encrypted temp file: %s failed", fn.__name__)
                return error
        call.__name__ = fn.__name__
        return call
    return wrap


@_guard(_IOERR)
def _close(pfile: int) -> int:
    with _lock:
        f = _files.pop(pfile, None)
    if f is not None:
        f.close()
    return _OK


@_guard(_IOERR_READ)
def _read(pfile: int, buf: int, amount: int, offset: int) -> int:
    data, short = _files[pfile].read(amount, offset)
    ctypes.memmove(buf, data, amount)
    return _IOERR_SHORT_READ if short else _OK


@_guard(_IOERR_WRITE)
def _write(pfile: int, buf: int, amount: int, offset: int) -> int:
    _files[pfile].write(ctypes.string_at(buf, amount), offset)
    return _OK


@_guard(_IOERR)
def _truncate(pfile: int, size: int) -> int:
    _files[pfile].truncate(size)
    return _OK


def _sync(_pfile: int, _flags: int) -> int:
    return _OK  # a temporary file outlives no crash: nothing to make durable


@_guard(_IOERR)
def _file_size(pfile: int, out: Any) -> int:
    out[0] = _files[pfile].size
    return _OK


def _lock_noop(_pfile: int, _level: int) -> int:
    return _OK  # one connection owns a temporary file


def _check_reserved(_pfile: int, out: Any) -> int:
    out[0] = 0
    return _OK


def _file_control(_pfile: int, _op: int, _arg: int) -> int:
    return _NOTFOUND


def _sector_size(_pfile: int) -> int:
    return BLOCK


def _characteristics(_pfile: int) -> int:
    return 0


def install() -> bool:
    """Register the encrypting VFS as the process's default (once); False where the library does not allow it."""
    global _installed
    with _lock:
        if _installed is None:
            try:
                _installed = _register()
            except (OSError, AttributeError, ImportError) as exc:
                log.warning("temporary files stay in memory: cannot install the encrypting VFS (%s)", exc)
                _installed = False
    return _installed


def _register() -> bool:
    if not hasattr(os, "pwrite"):  # Windows: no positional file I/O here; keep temp files in memory
        return False
    from sqlcipher3 import _sqlite3  # type: ignore[attr-defined]  # the driver's own copy of SQLCipher

    lib = ctypes.CDLL(_sqlite3.__file__)
    lib.sqlite3_vfs_find.restype = POINTER(_Vfs)
    lib.sqlite3_vfs_find.argtypes = [c_char_p]
    lib.sqlite3_vfs_register.restype = c_int
    lib.sqlite3_vfs_register.argtypes = [POINTER(_Vfs), c_int]
    existing = lib.sqlite3_vfs_find(VFS_NAME)
    if existing:
        return True
    base_ptr = lib.sqlite3_vfs_find(None)
    if not base_ptr:
        return False
    base = base_ptr.contents
    base_open = _xOpen(base.xOpen)
    methods = _IoMethods(
        1, _xClose(_close), _xRead(_read), _xWrite(_write), _xTruncate(_truncate), _xSync(_sync),
        _xFileSize(_file_size), _xLock(_lock_noop), _xLock(_lock_noop), _xCheckReservedLock(_check_reserved),
        _xFileControl(_file_control), _xSectorSize(_sector_size), _xSectorSize(_characteristics))
    methods_address = ctypes.addressof(methods)
    base_address = ctypes.addressof(base)

    def open_file(_vfs: int, name: int | None, pfile: int, flags: int, out_flags: Any) -> int:
        if not flags & _TEMP_KINDS:
            return int(base_open(base_address, name, pfile, flags, out_flags))
        slot = ctypes.cast(pfile, POINTER(c_void_p))
        slot[0] = None  # SQLite closes only a file whose methods are set
        try:
            f = EncryptedTempFile()
            with _lock:
                _files[pfile] = f
            slot[0] = methods_address
            if out_flags:
                out_flags[0] = flags
        except Exception:  # noqa: BLE001 - e.g. no writable temp directory: SQLite reports it cannot open
            log.exception("encrypted temp file: cannot create one")
            return _CANTOPEN
        return _OK

    opener = _xOpen(open_file)
    vfs = _Vfs()
    ctypes.pointer(vfs)[0] = base  # every field of the default VFS (its methods, sizes, app data) ...
    vfs.pNext = None
    vfs.zName = VFS_NAME  # ... under our name, with our xOpen
    vfs.xOpen = ctypes.cast(opener, c_void_p).value
    _keep.extend((lib, methods, opener, vfs, base_open))
    for obj in _keep:  # immortal: the interpreter's last garbage collection may free a connection with a temp
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))  # file open after _keep, and SQLite then calls them
    return bool(lib.sqlite3_vfs_register(ctypes.byref(vfs), 1) == _OK)


__all__ = ["BLOCK", "EncryptedTempFile", "install", "temp_directory"]

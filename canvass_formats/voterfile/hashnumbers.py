"""64-bit hashes in flat arrays: what a set or dict of millions of Python ints does in a tenth of the memory."""

from __future__ import annotations

from array import array

_MASK64 = (1 << 64) - 1
MAX_LOAD = (3, 4)  # grow past three quarters full: a 5.5M-row county's ids fit 8M slots, not 16M


def _size(capacity: int) -> int:
    return 1 << max(4, (capacity * 2 - 1).bit_length())


class HashSeen:
    """Which 64-bit hashes were seen (open addressing, linear probes): 8 bytes a slot, against about 70 bytes an
    entry for a set of Python ints. A 5.5M-row voter file's duplicate-id check takes 64 MB (one growth from 32 MB
    on the way)."""

    def __init__(self, capacity: int = 1 << 14):
        size = _size(capacity)
        self._mask = size - 1
        self._keys = array("Q", bytes(8 * size))  # 0 marks an empty slot
        self.count = 0

    def add(self, digest: int) -> bool:
        """Whether digest is new (and now seen)."""
        key = (digest & _MASK64) or 1
        keys, mask = self._keys, self._mask
        slot = key & mask
        while (found := keys[slot]) != 0:
            if found == key:
                return False
            slot = (slot + 1) & mask
        keys[slot] = key
        self.count += 1
        if self.count * MAX_LOAD[1] > len(keys) * MAX_LOAD[0]:
            self._grow()
        return True

    def _grow(self) -> None:
        keys = self._keys
        self._mask = mask = len(keys) * 2 - 1
        self._keys = new_keys = array("Q", bytes(8 * (mask + 1)))
        for key in keys:
            if key:
                slot = key & mask
                while new_keys[slot]:
                    slot = (slot + 1) & mask
                new_keys[slot] = key


class HashNumbers(HashSeen):
    """Gives each distinct hash the next number 0, 1, 2, ... and finds it again: 12 bytes a slot (a 32-bit
    number beside the key), against about 100 bytes an entry for a dict of Python ints."""

    def __init__(self, capacity: int = 1 << 14):
        super().__init__(capacity)
        self._numbers = array("i", bytes(4 * len(self._keys)))

    def number(self, digest: int) -> tuple[int, bool]:
        """The number of digest, and whether it is new (given just now)."""
        key = (digest & _MASK64) or 1
        keys, mask = self._keys, self._mask
        slot = key & mask
        while (found := keys[slot]) != 0:
            if found == key:
                return self._numbers[slot], False
            slot = (slot + 1) & mask
        number = self.count
        keys[slot] = key
        self._numbers[slot] = number
        self.count += 1
        if self.count * MAX_LOAD[1] > len(keys) * MAX_LOAD[0]:
            self._grow()
        return number, True

    def _grow(self) -> None:
        keys, numbers = self._keys, self._numbers
        self._mask = mask = len(keys) * 2 - 1
        self._keys = new_keys = array("Q", bytes(8 * (mask + 1)))
        self._numbers = new_numbers = array("i", bytes(4 * (mask + 1)))
        for key, number in zip(keys, numbers, strict=True):
            if key:
                slot = key & mask
                while new_keys[slot]:
                    slot = (slot + 1) & mask
                new_keys[slot] = key
                new_numbers[slot] = number

"""HashNumbers numbers distinct hashes in first-seen order, like a dict would, and HashSeen sees them as a set
would, through every growth."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from canvass_formats.voterfile.hashnumbers import HashNumbers, HashSeen


@given(st.lists(st.integers(min_value=-(2**63), max_value=2**64 - 1), max_size=400))
def test_numbers_match_a_dict(digests: list[int]) -> None:
    numbers, expected = HashNumbers(capacity=4), dict[int, int]()
    for d in digests:
        key = (d & (2**64 - 1)) or 1  # hash() may be negative; 0 and 1 are one key (odds 2^-64)
        is_new = key not in expected
        want = expected.setdefault(key, len(expected))
        assert numbers.number(d) == (want, is_new)
    assert numbers.count == len(expected)


@given(st.lists(st.integers(min_value=-(2**63), max_value=2**64 - 1), max_size=400))
def test_seen_matches_a_set(digests: list[int]) -> None:
    seen, expected = HashSeen(capacity=4), set[int]()
    for d in digests:
        key = (d & (2**64 - 1)) or 1
        assert seen.add(d) == (key not in expected)
        expected.add(key)
    assert seen.count == len(expected)


def test_a_million_strings_keep_their_numbers() -> None:
    numbers = HashNumbers()
    ids = [f"NC{i:09d}" for i in range(0, 2_000_000, 2)]
    assert [numbers.number(hash(v)) for v in ids[:5]] == [(0, True), (1, True), (2, True), (3, True), (4, True)]
    for v in ids[5:]:
        numbers.number(hash(v))
    assert numbers.count == 1_000_000
    assert all(numbers.number(hash(ids[i])) == (i, False) for i in range(0, 1_000_000, 997))
    assert numbers.number(hash("NC000000001")) == (1_000_000, True)  # odd ids were never given

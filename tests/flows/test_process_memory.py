import ctypes.util
import platform

import psutil
import pytest

from flows.process_memory import return_freed_memory

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's; other C libraries keep freed memory")
def test_memory_freed_in_the_middle_of_the_heap_goes_back_to_the_system():
    # 4 KB blocks come from malloc's heap (not Python's small-object arenas); one block kept
    # after them stops the heap from shrinking from its top, as a worker's live objects do
    blocks = [bytearray(4096) for _ in range(50_000)]  # about 200 MB
    kept = bytearray(4096)
    del blocks
    process = psutil.Process()
    before = process.memory_info().rss
    assert return_freed_memory() is True
    after = process.memory_info().rss
    assert before - after > 100_000_000, (before, after)
    assert len(kept) == 4096


def test_without_glibc_the_call_does_nothing(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    from flows import process_memory

    process_memory._libc.cache_clear()
    try:
        assert return_freed_memory() is False
    finally:
        process_memory._libc.cache_clear()

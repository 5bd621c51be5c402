"""Time spent per named stage (indexing, answering), for the benchmark and the index report."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    """Accumulates wall-clock seconds per stage: ``with watch.stage("bm25"): ...``."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    def ms(self) -> dict[str, float]:
        return {name: 1000 * s for name, s in self.seconds.items()}

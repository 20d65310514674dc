"""Values kept by a key they depend on alone (a parse tree by its text, a
function's value by its argument and precision, a range question by its
difference and ranges), at most `limit` of them: when full, all are dropped.
What raises is not kept, so it raises again each time.  Standard library
only: read/, decide/ and evaluate/ each keep their own stores."""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
_MISSING = object()


class Kept:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.values: dict = {}

    def clear(self) -> None:
        self.values.clear()

    def get(self, key: Hashable, compute: Callable[[], T],
            keep: Callable[[T], bool] | None = None) -> T:
        """The value kept by key, else computed (and kept, unless `keep` says no)."""
        found = self.values.get(key, _MISSING)
        if found is _MISSING:
            found = compute()
            if keep is not None and not keep(found):
                return found
            if len(self.values) >= self.limit:
                self.values.clear()
            self.values[key] = found
        return found

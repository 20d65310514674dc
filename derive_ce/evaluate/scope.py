"""The file's declarations as the evaluator sees them: kinds, flags, ranges and
definitions, straight from the document model (no SymPy)."""

from __future__ import annotations

from derive_ce.evaluate.numbers import Unsupported


class Scope:
    def __init__(self, spec):
        self.spec = spec
        self.kinds: dict[str, str] = {}
        self.flags: dict[str, dict] = {}
        self.ranges: dict[str, tuple] = {}          # index name -> (Math, Math)
        self.inferred = {n for d in spec.symbols if d.inferred for n in d.names}
        for decl in spec.symbols:
            for name in decl.names:
                self.kinds[name] = decl.kind if decl.range is None else "index"
                self.flags[name] = dict(decl.flags)
                if decl.range is not None:
                    self.ranges[name] = decl.range
        self.values = {d.name: d for d in spec.definitions if not d.params and not d.function}
        self.families = {d.name: d for d in spec.definitions if d.params and not d.function}
        self.functions = {d.name: d for d in spec.definitions if d.function}
        self.compiled: dict = {}       # (what, name, integer names) -> compiled body

    def declared(self, name: str) -> bool:
        return name in self.kinds or name in self.values or name in self.families \
            or name in self.functions

    def kind(self, name: str) -> str:
        if name in self.functions:
            return "function"
        if name in self.families:
            return "family"
        if name in self.values:
            return "value"
        return self.kinds.get(name, "scalar")

    def index_count(self, name: str) -> int | None:
        kind = self.kind(name)
        if kind == "family":
            return len(self.families[name].params)
        return {"vector": 1, "matrix": 2}.get(kind)

    def arity(self, name: str) -> int | None:
        definition = self.functions.get(name)
        return len(definition.params) if definition is not None else None

    def integer(self, name: str) -> bool:
        return bool(self.flags.get(name, {}).get("integer"))

    def sign(self, name: str) -> str:
        """"positive", "nonnegative" or "" (any sign)."""
        flags = self.flags.get(name, {})
        if flags.get("positive"):
            return "positive"
        if flags.get("nonnegative"):
            return "nonnegative"
        if self.kinds.get(name) == "index":
            return "index"
        return ""

    def range_names(self) -> set[str]:
        """Every name written in a declared range: sizes."""
        import re
        found = set()
        for lo, hi in self.ranges.values():
            for math in (lo, hi):
                found |= set(re.findall(r"\\?[A-Za-z]+", math.text))
        return {n.lstrip("\\") for n in found}

    def require(self, condition: bool, reason: str) -> None:
        if not condition:
            raise Unsupported(reason)

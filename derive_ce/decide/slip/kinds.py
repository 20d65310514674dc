"""Name the slip of a failed step: what kind of mistake turns the previous
step into this one.

Decided with the same care as a verdict: a kind is named only when a
symbolic rung brings the defining identity to zero, never on numbers alone.
With `a` the previous step and `b` this one (both as the engine prepared
them: definitions expanded, derivatives and sums done, the branch applied):

- `sign`: b + a = 0 — this step is −1 × the previous one;
- `factor`: b − c·a = 0 for a number c ≠ ±1 (c = b / a simplified);
- `index`: b with two index names exchanged equals a;
- `term`: b − a, simplified, is a single term: one term dropped or added;
- null when none of these is proved.

The difference b − a, simplified, is given as LaTeX in every case.
"""

from __future__ import annotations

import dataclasses
import re
import time
import zlib
from itertools import combinations

import sympy as sp

from derive_ce.decide.equivalence import CHEAP, HEAVY, _first_zero, _masked, deadline
from derive_ce.read.render import accented_latex
from derive_ce.results import Verdict

_BRACED_BASE = re.compile(r"\{([A-Za-z]+|\\[A-Za-z]+)\}_")   # SymPy's {L}_{i}: L_{i}
_SAMPLE = re.compile(r"\{([^{}\s]+)⁽⁾\}_\{([^{}]*)\}(\^)?")
SECONDS = 2.0            # CPU seconds for naming a slip, at most
MAX_INDICES = 6


def named(a, b, verdict: Verdict, seconds: float = SECONDS) -> Verdict:
    """The failed verdict with its slip; any other verdict as it is."""
    if verdict.status != "failed" or a is None or b is None:
        return verdict
    try:
        found = slip(a, b, seconds)
    except Exception:  # noqa: BLE001 - SymPy can raise anything (StopIteration in
        found = {"kind": None, "difference": None}   # sum_simplify): the verdict stands
    return dataclasses.replace(verdict, slip=found)


def slip(a: sp.Expr, b: sp.Expr, seconds: float = SECONDS) -> dict:
    """{"kind", "difference", ...}: the kind proved (or None) and b − a as LaTeX,
    with "said", the sentence a report shows, and the kind's detail."""
    end = time.process_time() + seconds
    difference = _simplest(b - a, end)
    found: dict = {"kind": None, "difference": latex(difference)}
    if difference == 0:
        return found
    found["shown"] = _shown(found["difference"])
    probe = _Probe(a, b)
    kind = (_sign(a, b, end, probe) or _factor(a, b, end, probe) or _index(a, b, end, probe)
            or _domain(a, b, end) or _term(a, b, difference))
    if kind:
        found.update(kind)
    return found


def latex(expr: sp.Expr) -> str:
    """SymPy's LaTeX, a sum's index shown by its letter."""
    plain = expr.xreplace({d: sp.Symbol(d.name) for d in expr.atoms(sp.Dummy)})
    bound = sorted((s for s in plain.atoms(sp.Symbol) if s.name.startswith("_bound")), key=str)
    if bound:       # the engine's canonical names of bound indices: letters again
        used = {s.name for s in plain.atoms(sp.Symbol)}
        letters = iter(n for n in "jklmpqrstuvw" if n not in used)
        plain = plain.xreplace({s: sp.Symbol(next(letters, s.name)) for s in bound})
    names = {s: name for s in plain.atoms(sp.Symbol) if (name := accented_latex(s.name))}
    text = _BRACED_BASE.sub(r"\1_", sp.latex(plain, ln_notation=True, symbol_names=names))
    # SymPy's {x⁽⁾}_{i}: x^{(i)}, as written (in brackets under a power)
    return _SAMPLE.sub(lambda m: f"\\left({m[1]}^{{({m[2]})}}\\right)^" if m[3]
                       else f"{m[1]}^{{({m[2]})}}", text)


def _zero(expr: sp.Expr, end: float) -> bool:
    """Proved zero by a symbolic rung of the engine's ladder, within the time left."""
    if expr == 0:
        return True
    left = end - time.process_time()
    if left <= 0:
        return False
    return bool(_first_zero(_masked(expr), CHEAP + HEAVY, end, min(left, 1.0), {}))


def _simplest(expr: sp.Expr, end: float):
    """expr simplified within the time left (else its cancelled form)."""
    left = end - time.process_time()
    try:
        with deadline(max(min(left / 2, 1.0), 0.05)):
            cancelled = sp.cancel(sp.together(expr)) if not expr.has(sp.Sum) else expr
        with deadline(max(min(end - time.process_time(), 1.0) / 2, 0.05)):
            simple = sp.simplify(cancelled)
        return min((simple, cancelled), key=sp.count_ops)
    except Exception:  # noqa: BLE001 - OutOfTime, or any SymPy failure: the plain form
        return expr


class _Probe:
    """The two steps at two fixed points, at 30 digits: a kind is tried symbolically
    only where these values allow it (a sign slip needs b = −a at both points, a
    factor the same ratio at both). A value that cannot be had (a function the
    points leave symbolic, a division by zero) rules nothing out, so a kind is
    never lost to the probe; it only spares the symbolic rungs (simplify, cancel)
    that would fail anyway, the bulk of a failed step's cost."""

    DIGITS = 30

    def __init__(self, a, b):
        self.points = [self._point(a, b, k) for k in (0, 1)]
        self.a = [self.value(a, p) for p in self.points]
        self.b = [self.value(b, p) for p in self.points]

    @staticmethod
    def _point(a, b, k: int) -> dict:
        symbols = sorted((a.free_symbols | b.free_symbols), key=str)
        point = {}
        for n, symbol in enumerate(symbols):
            if symbol.is_integer:
                value = sp.Integer(2 + n + k * (n + 3))
            else:
                value = sp.Rational(5 + 3 * n + 7 * k, 7 + 2 * n)
                if not (symbol.is_nonnegative or symbol.is_positive) and (n + k) % 2:
                    value = -value
            point[symbol] = value
        return point

    def value(self, expr, point):
        try:
            with deadline(0.2):
                concrete = expr.xreplace(point)
                if concrete.has(sp.Sum, sp.Product):
                    concrete = concrete.doit()
                rest = {atom: sp.Rational(zlib.crc32(str(atom).encode()) % 997 + 3, 409)
                        for atom in concrete.atoms(sp.Indexed, sp.Symbol, sp.core.function.AppliedUndef,
                                                   sp.Derivative)}
                number = complex(concrete.xreplace(rest).evalf(self.DIGITS))
        except Exception:  # noqa: BLE001 - OutOfTime, or anything SymPy raises: no value
            return None
        return number if number == number and abs(number) != float("inf") else None

    def _pairs(self) -> list | None:
        """The (previous, this) values at both points; None where one is not had."""
        pairs = list(zip(self.a, self.b))
        return None if any(x is None or y is None for x, y in pairs) else pairs

    def allows(self, test) -> bool:
        """False only where every value is had and `test` fails at one point."""
        pairs = self._pairs()
        return pairs is None or all(test(x, y) for x, y in pairs)

    def ratios(self) -> bool:
        """The same ratio this / previous at both points (a previous step of 0 has none)."""
        pairs = self._pairs()
        if pairs is None:
            return True
        if any(x == 0 for x, _ in pairs):
            return False
        first, second = (y / x for x, y in pairs)
        return _near(first, second)

    def swapped(self, b_swapped) -> bool:
        values = [self.value(b_swapped, p) for p in self.points]
        if any(v is None or x is None for v, x in zip(values, self.a)):
            return True
        return all(_near(v, x) for v, x in zip(values, self.a))


def _near(x: complex, y: complex) -> bool:
    return abs(x - y) <= 1e-20 * max(1.0, abs(x), abs(y))


def _sign(a, b, end, probe=None) -> dict | None:
    if probe is not None and not probe.allows(lambda x, y: _near(x, -y)):
        return None
    if _zero(b + a, end):
        return {"kind": "sign", "said": "this step is −1 × the previous one: a sign slipped"}
    return None


def _factor(a, b, end, probe=None) -> dict | None:
    if a == 0 or b == 0 or not (a.free_symbols or b.free_symbols):
        return None     # two numbers: any two have a ratio, which names no slip
    if probe is not None and not probe.ratios():
        return None
    ratio = _simplest(b / a, end)
    if ratio is None or not ratio.is_number or ratio.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    if ratio in (0, 1, -1) or not ratio.is_finite:
        return None
    if not _zero(b - ratio * a, end):
        return None
    shown = _shown(latex(ratio))
    return {"kind": "factor", "factor": latex(ratio),
            "said": f"this step is {shown} × the previous one: a factor slipped"}


def _index(a, b, end, probe=None) -> dict | None:
    """Two index names exchanged in this step give the previous one."""
    names = sorted((s for s in (a.free_symbols | b.free_symbols)
                    if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)
                    and s.is_integer), key=str)
    if len(names) > MAX_INDICES:
        return None
    for first, second in combinations(names, 2):
        if time.process_time() > end:
            return None
        swapped = b.xreplace({first: second, second: first})
        if swapped == b:
            continue
        if probe is not None and not probe.swapped(swapped):
            continue
        if _zero(swapped - a, end):
            pair = [latex(first), latex(second)]
            return {"kind": "index", "indices": pair,
                    "said": f"{_shown(pair[0])} and {_shown(pair[1])} are exchanged: "
                            "with them swapped, this step is the previous one"}
    return None


def _domain(a, b, end) -> dict | None:
    """The step holds where the letters under a logarithm or a root are
    positive (`\\ln(ab) = \\ln a + \\ln b`, `\\log L(p) = 7\\log p + …`): proved by
    the rungs with those letters positive, so the difference is only where a
    logarithm or root is of a negative number (a complex value).  Notes rarely
    say that a rate or a probability is positive; this names the fix."""
    letters = sorted(_under_roots(a) | _under_roots(b), key=str)
    if not letters or len(letters) > MAX_INDICES or time.process_time() > end:
        return None
    names = [latex(s) for s in letters]
    shown, stated = ", ".join(_shown(n) for n in names), ", ".join(names)
    positive = {s: sp.Symbol(s.name, positive=True) for s in letters}
    if _zero(b.xreplace(positive) - a.xreplace(positive), end):
        declared = ", ".join(f"{s.name}: {{positive: true}}" for s in letters)
        return {"kind": "domain", "letters": names, "domain": "positive",
                "said": f"this step holds where {shown} > 0 (proved so), and differs only where "
                        f"a logarithm or root is of a negative number: if {shown} > 0, declare "
                        f"it (`{declared}`; in notes, \"Let ${stated} > 0$.\" before the display)"}
    # a probability (`\\log p + \\log(1 - p)`): p = t/(1 + t) with t > 0 is every p in (0, 1)
    unit = {s: (t := sp.Dummy(s.name, positive=True)) / (1 + t) for s in letters}
    if time.process_time() > end or not _zero(b.xreplace(unit) - a.xreplace(unit), end):
        return None
    bounds = " and ".join(f"0 < {n} < 1" for n in names)
    return {"kind": "domain", "letters": names, "domain": "(0, 1)",
            "said": f"this step holds where {', '.join(f'0 < {_shown(n)} < 1' for n in names)} "
                    "(proved so), and differs only where a logarithm or root is of a negative "
                    f"number: if so here, make it a case (`when: {bounds}`; in notes, "
                    f"\"For ${bounds}$:\" before the display)"}


def _under_roots(expr: sp.Expr) -> set:
    """The real letters, not declared nonnegative, inside a logarithm or under a
    root or a power whose exponent is not a whole number."""
    found: set = set()
    for node in expr.atoms(sp.log, sp.Pow):
        inner = node.args[0] if isinstance(node, sp.log) else node.base
        if isinstance(node, sp.Pow) and node.exp.is_integer:
            continue
        found |= {s for s in inner.free_symbols if isinstance(s, sp.Symbol)
                  and not isinstance(s, sp.Dummy) and s.is_real and not s.is_nonnegative
                  and not s.is_integer}
    return found


def _term(a, b, difference) -> dict | None:
    """b − a is one term (a product of factors, not a sum once multiplied
    out): a term of the previous step dropped, or one added."""
    term = sp.expand(difference)
    if isinstance(term, sp.Add) or term.has(sp.Piecewise):
        return None
    before = sp.Add.make_args(sp.expand(a))
    after = sp.Add.make_args(sp.expand(b))
    if -term in before and -term not in after:
        shown = _shown(latex(-difference))
        return {"kind": "term", "term": latex(-difference), "change": "missing",
                "said": f"a term is missing: {shown}"}
    if term in after and term not in before:
        shown = _shown(latex(difference))
        return {"kind": "term", "term": latex(difference), "change": "added",
                "said": f"a term was added: {shown}"}
    shown = _shown(latex(difference))
    return {"kind": "term", "term": latex(difference), "change": "",
            "said": f"the steps differ by one term: {shown}"}


def _shown(text: str) -> str:
    from derive_ce.read.render import render
    return render(text) or text

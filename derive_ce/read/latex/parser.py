"""LaTeX text -> lark parse tree, and chains `a = b = c` -> their parts.

Needs only lark: the main process uses it to split steps and report syntax
errors with a column; the SymPy side (build.py) reads the trees.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import lark

from derive_ce.errors import InputError

MAX_LENGTH = 5_000
MAX_DEPTH = 60
_MACRO = re.compile(r"\\([A-Za-z]+)")
_OPEN = re.compile(r"\\left\s*\\?.|[{(\[]|\\\{")
_CLOSE = re.compile(r"\\right\s*\\?.|[})\]]|\\\}")


@dataclass(frozen=True)
class Part:
    """One expression of a chain: its text and 1-based column in the step."""
    text: str
    column: int


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    grammar = resources.files("derive_ce.read.latex").joinpath("grammar.lark").read_text()
    # cache=True keeps the built LALR tables in the temp folder (10x faster start).
    return lark.Lark(grammar, parser="lalr", start=["chain", "relation"],
                     propagate_positions=True, maybe_placeholders=False, cache=True)


def parse(text: str, start: str = "chain", line: int | None = None) -> lark.Tree:
    """Parse LaTeX; raise InputError naming the column on failure."""
    if len(text) > MAX_LENGTH:
        raise InputError(f"the LaTeX is longer than {MAX_LENGTH} characters", line)
    _check_depth(text, line)
    try:
        return _parser().parse(text, start=start)
    except lark.exceptions.UnexpectedInput as exc:
        raise _syntax_error(text, exc, start, line) from None


def split_chain(text: str, line: int | None = None) -> list[Part]:
    """`= a = b`: the expressions of a step, in order, with their columns."""
    tree = parse(text, "chain", line)
    parts = []
    for child in tree.children:
        if isinstance(child, lark.Tree):
            start, end = child.meta.start_pos, child.meta.end_pos
            parts.append(Part(text[start:end], start + 1))
    return parts


def _check_depth(text: str, line: int | None) -> None:
    depth = deepest = 0
    for match in re.finditer(f"{_OPEN.pattern}|{_CLOSE.pattern}", text):
        depth += 1 if _OPEN.fullmatch(match.group()) else -1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            raise InputError(f"brackets are nested more than {MAX_DEPTH} deep",
                             line, match.start() + 1, text)


_KNOWN = set("""frac dfrac tfrac cdot times div left right sqrt ln log exp sin cos tan
cot sec csc sinh cosh tanh coth arcsin arccos arctan sum prod infty partial
text mathrm operatorname mathit hat bar tilde neq ne le leq ge geq lt gt quad qquad lvert rvert
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa
lambda mu nu xi pi rho varrho sigma varsigma tau upsilon phi varphi chi psi
omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega""".split())

_RELATIONS = {"<": "<", ">": ">", "\\le": "≤", "\\leq": "≤", "\\ge": "≥",
              "\\geq": "≥", "\\neq": "≠", "\\ne": "≠", "\\lt": "<", "\\gt": ">"}


def _syntax_error(text: str, exc: lark.exceptions.UnexpectedInput,
                  start: str, line: int | None) -> InputError:
    pos = getattr(exc, "pos_in_stream", None)
    token = getattr(exc, "token", None)
    if pos is None or pos < 0 or getattr(token, "type", "") == "$END":
        pos = len(text)
    return InputError(_explain(text, pos, exc, start), line, pos + 1, text)


def _explain(text: str, pos: int, exc: Exception, start: str) -> str:
    macro = _MACRO.match(text, pos)
    if macro and macro.group(1) not in _KNOWN:
        return f"unknown LaTeX command \\{macro.group(1)}"
    rest = text[pos:]
    for rel, shown in _RELATIONS.items():
        if start == "chain" and rest.startswith(rel):
            return (f"a relation ({shown}) where an expression is expected: "
                    "a step holds expressions joined by `=`")
    token = getattr(exc, "token", None)
    at_end = (isinstance(exc, lark.exceptions.UnexpectedEOF) or pos >= len(text)
              or getattr(token, "type", "") == "$END")
    if start == "relation" and (at_end or rest.startswith("=")):
        return "a condition must be one relation, such as `x > 0` or `\\gamma \\neq i`"
    if at_end:
        return "the LaTeX ends too early (an unclosed brace or bracket, or a missing operand?)"
    shown = rest.split()[0] if rest.split() else rest
    return f"cannot read the LaTeX at `{shown[:20]}`"

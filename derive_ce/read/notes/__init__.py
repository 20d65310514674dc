"""Markdown / LaTeX notes -> the Derivation records document.py builds,
each remembering the notes' own line.

displays.py cuts the notes into prose lines and displays (every dialect of
display math), segments.py reads them as a reader does (one derivation per
chain, cases, definitions, equation solving), prose.py says what a prose
line means, symbols.py infers what the letters are.  Everything guessed is
said in `Imported` so that a YAML writer can show it.  Pure text work: no
SymPy, nothing evaluated.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from derive_ce.errors import InputError
from derive_ce.read.files import decode, is_notes, read_bytes  # noqa: F401 (is_notes: for callers)
from derive_ce.read.model import Case, Derivation, Math, Scope, Section, Step, SymbolDecl
from derive_ce.read.notes import prose as _prose
from derive_ce.read.notes.displays import Prose, Row, blocks, mask
from derive_ce.read.notes.prose import GREEK
from derive_ce.read.notes.segments import (CHAIN, DELIMITED, Builder, chain_names, mentions, split_why,
                                           subscript_pattern, subscript_text, top_parts)
from derive_ce.read.notes.symbols import infer_symbols
from derive_ce.read.notes import words as _words
from derive_ce.read.model import Definition
from derive_ce.read.shapes import Declared, sized_by_use

__all__ = ["GREEK", "Imported", "Prose", "Row", "READER_VERSION", "is_notes", "load", "read",
           "split_why", "top_parts", "case_condition"]

READER_VERSION = b"derive-ce notes reader 6\0"   # part of the report cache key
_FUNCTION = re.compile(r"(?<![\\A-Za-z])(f|g|h|F|G|\\varphi|\\phi|\\Phi|\\psi|\\sigma)"
                       r"\s*(?:'+\s*)?(?:\\left\s*)?\(")


@dataclass(frozen=True)
class Imported:
    """The derivations read from notes, and what the reader guessed."""
    derivation: Derivation
    notes: tuple[Prose, ...] = ()                 # prose, goals, lines not checked
    symbol_reasons: tuple[str, ...] = ()          # one per scope.symbols entry
    definition_notes: tuple[str, ...] = ()        # one per scope.definitions entry
    case_sources: tuple[str, ...] = ()            # one per top-level case: the prose line
    section_case_sources: tuple[tuple[str, ...], ...] = ()   # the same, per section


def case_condition(text: str, previous: Math | None) -> str | None:
    """The case a prose line opens ("otherwise" negates `previous`)."""
    if _prose.is_otherwise(text):
        return _prose.negate(previous.text) if previous is not None else None
    return _prose.case_condition(text)


def load(path: Path, data: bytes | None = None) -> Derivation:
    if path.suffix.lower() == ".ipynb":
        from derive_ce.read import notebook      # its markdown cells, as notes
        return notebook.load(path, data)
    return read(path, data).derivation


def read(path: Path, data: bytes | None = None) -> Imported:
    """Read notes (or their bytes, already read); InputError when unusable."""
    text = decode(read_bytes(path) if data is None else data, "notes")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return read_text(str(path), text, tex=path.suffix.lower() in (".tex", ".ltx"))


def read_text(path: str, text: str, tex: bool = False) -> Imported:
    """Read notes already decoded (a notebook's markdown cells, joined)."""
    builder = Builder(path)
    masked = mask(text, tex)
    bare = not tex and not DELIMITED.search(masked)     # no math marked as math anywhere
    token = CHAIN.set(chain_names(masked))   # `m(x) = …`, `t(m) = …`: a chain's values
    try:
        read = [_with_word_functions(b) for b in blocks(masked, text, bare)]
        builder.bare = bare
        builder.build(read)
        builder.plain_math(read)
        return _imported(builder)
    finally:
        CHAIN.reset(token)


def _with_word_functions(block):
    """`sigmoid(z)`, `myloss(w)`: a word before a bracket is a name (words.py)."""
    if isinstance(block, Prose):
        return block                     # quoted as written; its math: Builder._inline
    rows = tuple(r if (t := _words.rewrite(r.text)) == r.text
                 else dataclasses.replace(r, text=t, column=0) for r in block.rows)
    return dataclasses.replace(block, rows=rows)


def _known_functions(builder: Builder) -> None:
    """`sigmoid(z)`, `ReLU(x)` applied and not defined by the notes: their
    usual meaning, said as a definition (words.DEFAULTS)."""
    texts = [s.math.text for seg in builder.segments for b in seg.branches()
             for s in b.steps] + [d.body.text for d in builder.definitions]
    why = f"the prose calls `\\sigma` the sigmoid, line {builder.sigmoid}"
    if not builder.sigmoid and builder.sigmoid_word and not builder.gaussian \
            and _sigma_only_applied(texts):     # "h is the Sigmoid", then σ(x) applied
        builder.sigmoid = builder.sigmoid_word
        why = (f"the prose says \"sigmoid\" (line {builder.sigmoid}) and `\\sigma` is "
               "only ever applied, `\\sigma(…)`: the sigmoid")
    if builder.sigmoid and not any(d.name == "sigma" for d in builder.definitions):
        builder.definitions.append(Definition("sigma", ("x",), Math(_words.DEFAULTS["sigmoid"], 0),
                                              0, True))
        builder.definition_notes.append(why)
    for name in _words.known_applied(texts):
        if any(d.name == name for d in builder.definitions):
            continue
        body = _words.DEFAULTS[name.lower()]
        builder.definitions.append(Definition(name, ("x",), Math(body, 0), 0, True))
        builder.definition_notes.append(f"`{name}(…)` in the notes, never defined there: "
                                        "the known function, as its readers mean it")


_SIGMA = re.compile(r"\\sigma(?![A-Za-z])")
_APPLIED = re.compile(r"\s*(?:(?:'|’|′|\^\s*\{?\s*\\prime\s*\}?)\s*)*(?:\\left\s*)?\(")   # `\sigma'(x)` too


def _sigma_only_applied(texts: list[str]) -> bool:
    """The prose says "sigmoid" somewhere and `\\sigma` is written in the math only
    as a function applied to a bracket, `\\sigma(x)`, `\\sigma \\left(f\\right)`,
    never alone, powered or indexed (`\\sigma^2`, `\\sigma_i`: a standard deviation,
    a family): that `\\sigma` is the sigmoid the prose names."""
    places = [(t, m.end()) for t in texts for m in _SIGMA.finditer(t)]
    return bool(places) and all(_APPLIED.match(t, end) for t, end in places)


def _imported(builder: Builder) -> Imported:
    _known_functions(builder)
    _bare_functions(builder)
    _bracket_primes(builder)
    _value_primes(builder)
    _operator_d(builder)
    found = builder.derivations()
    own = _own_symbols(builder, found)
    if builder.displays and not any(seg.checked() for seg in builder.segments):
        _nothing_checked(builder)
    definitions = _ordered(builder.definitions)
    texts = [s.math.text for _, _, steps, cases, _ in found for s in _all_steps(steps, cases)]
    whens = [c.when.text for _, _, _, cases, _ in found for c in _all_cases(cases)]
    symbols, reasons = infer_symbols(texts + [d.body.text for d in definitions] + whens,
                                     {d.name for d in definitions},
                                     {d.name for d in definitions if d.params and not d.function})
    _objects_from_use(builder, found, definitions, symbols)
    symbols, reasons = _with_objects(symbols, reasons, builder.objects)
    symbols, reasons = _with_assumptions(builder, symbols, reasons)
    symbols, reasons = _with_functions(texts + [d.body.text for d in definitions], definitions,
                                       symbols, reasons)
    if _bound_parameters(builder, symbols, texts):
        definitions = _ordered(builder.definitions)
    own = _whole_scalars(builder, found, definitions, symbols, own)
    order = {id(d): n for n, d in enumerate(builder.definitions)}
    definition_notes = tuple(builder.definition_notes[order[id(d)]] for d in definitions)
    scope = Scope(symbols, definitions)
    common = dict(path=builder.path, title=builder.title, source=f"notes: {builder.path}",
                  scope=scope)
    notes = tuple(sorted(builder.notes, key=lambda n: n.line))
    if len(found) <= 1:
        title, line, steps, cases, sources = found[0] if found else ("", 0, (), (), ())
        return Imported(sized_by_use(Derivation(**common, steps=steps, cases=cases),
                                     set(builder.objects)),
                        notes, reasons, definition_notes, sources, (sources,))
    titles = _titles(found)
    sections = tuple(Section(t, steps, cases, None, line, symbols)
                     for t, (_, line, steps, cases, _), symbols in zip(titles, found, own))
    return Imported(sized_by_use(Derivation(**common, sections=sections), set(builder.objects)),
                    notes, reasons, definition_notes,
                    (), tuple(f[4] for f in found))



_FLAG_WORDS = ("positive", "nonnegative")


def _own_symbols(builder: Builder, found: list) -> list[tuple[SymbolDecl, ...]]:
    """Each derivation's own declarations, where the notes say a letter is
    something else there than in the rest of the notes:
    - a letter declared again as another object (`Let $A \\in \\mathbb{R}^{n \\times n}$
      be symmetric`, later `Now let $A \\in \\mathbb{R}^{n \\times n}$ be any square
      matrix`: 2Ax was proved for the second) is that object in the derivations
      after the declaration, up to the next;
    - an assumption in the prose ("for $x > 0$") holds in its own section (from
      the heading before it to the next). Where its letter is used in another
      section too, it is the letter's flag in its section's derivations only
      ("# In general", then `\\sqrt{x^2} = x`, was proved under x > 0 from the
      section before). Integer-ness stays on the letter for the whole notes.
    With one derivation, a letter declared twice as two objects is refused."""
    own: list[dict[str, SymbolDecl]] = [{} for _ in found]
    starts = [min([s.math.line for s in _all_steps(e[2], e[3])] or [e[1]]) for e in found]
    for name, said in builder.redeclared.items():
        if len(found) <= 1:
            raise InputError(f"`{name}` is declared twice: line {said[0].line} says "
                             f"{_said(said[0])}; line {said[1].line} says {_said(said[1])}. "
                             "Within one derivation a letter names one object: give the "
                             "second its own name", said[1].line)
        for k, declared in enumerate(said[1:], 1):
            until = said[k + 1].line if k + 1 < len(said) else float("inf")
            for n, at in enumerate(starts):
                if declared.line <= at < until:
                    own[n][name] = _object(declared)
                    builder.notes.append(Prose(
                        f"`{name}` is declared again on line {declared.line}: "
                        f"{_said(declared)} in the derivation of line {at}", declared.line))

    def widenings(name: str) -> list[float]:
        """Where the prose makes the letter general again ("In general, for any real $x$")."""
        return [at for at, names in builder.widened if names is None or name in names]

    def section(line: int, name: str) -> int:
        """Assumptions reach from one heading to the next, and end at a widening."""
        return sum(1 for h in builder.headings + widenings(name) if h <= line)

    for name, (flag, line) in sorted(builder.assumptions.items()):
        sign = flag.split()[0]
        if sign not in _FLAG_WORDS or name == "sigma" and builder.gaussian == line:
            continue
        using = [n for n, entry in enumerate(found) if _uses(entry, name)]
        if len(found) <= 1:
            first = min([starts[n] for n in using] or [0])
            ends = [at for at in widenings(name) if line < at <= first]
            if ends:                    # "Let $x > 0$.", "In general, …", the derivation
                builder.assumptions[name] = ("integer", line) if flag.endswith("integer") else None
                builder.notes.append(Prose(f"`{name}` is {flag} from line {line} to line "
                                           f"{int(ends[0])} only, before the derivation", line))
            continue
        home = section(line, name)
        if all(section(starts[n], name) == home for n in using):
            continue                    # used in its own section only: for the whole notes
        builder.assumptions[name] = ("integer", line) if flag.endswith("integer") else None
        flags = ((("integer", True),) if flag.endswith("integer") else ()) + ((sign, True),)
        for n in using:
            if section(starts[n], name) == home and name not in own[n]:
                own[n][name] = SymbolDecl((name,), "scalar", flags, None, line)
        builder.notes.append(Prose(f"`{name}` is {flag} in this section only (it is used in "
                                   "other sections too): declared so in its derivations here",
                                   line))
    for name, flag, line in builder.reassumed:      # "Again let $z \ge 0$." after a widening
        sign = flag.split()[0]
        if sign not in _FLAG_WORDS:
            continue
        ends = widenings(name)
        for n, entry in enumerate(found):
            if starts[n] > line and _uses(entry, name) \
                    and not any(line < at <= starts[n] for at in ends):
                own[n][name] = SymbolDecl((name,), "scalar", ((sign, True),), None, line)
                builder.notes.append(Prose(f"`{name}` is {flag} again from line {line}: "
                                           f"declared so in the derivation of line {starts[n]}",
                                           line))
    builder.assumptions = {k: v for k, v in builder.assumptions.items() if v is not None}
    return [tuple(o.values()) for o in own]


_FRESH = ("t", "u", "s", "r", "v", "q", "z", "w")


def _bound_parameters(builder: Builder, symbols, texts) -> bool:
    """A function's argument is a dummy: `f(x) = \\frac{1}{\\sqrt{2\\pi}\\sigma} e^{-(x-\\mu)^2/…}`
    where `x` is also a vector (`x_i` under a sum) or an index elsewhere in the notes is
    f of any letter: its argument is renamed to a letter the notes do not use (t, u, …),
    so the definition reads as written (the vector never enters it).  Not when the body
    writes the argument's elements too (`x_i`). True when a definition was renamed."""
    kinds = {n: d.kind for d in symbols for n in d.names}
    every = " ".join(texts + [d.body.text for d in builder.definitions])
    renamed = False
    for k, d in enumerate(builder.definitions):
        if not d.function:
            continue
        params, body = list(d.params), d.body.text
        for m, param in enumerate(params):
            bare = param.lstrip("\\")
            if kinds.get(bare) not in ("vector", "matrix", "index"):
                continue
            head = (r"\\" if len(bare) > 1 else r"(?<![A-Za-z\\])") + re.escape(bare)
            if re.search(head + r"\s*_", body):
                continue
            fresh = next((f for f in _FRESH if f not in kinds and f not in params
                          and not mentions(every, f)), None)
            if fresh is None:
                continue
            body = re.sub(head + r"(?![A-Za-z])", fresh, body)
            params[m] = fresh
            builder.notes.append(Prose(f"`{d.name}({param})`: its argument `{bare}` is also a "
                                       f"{kinds[bare]} in the notes; read as `{d.name}({fresh})`",
                                       d.line))
        if tuple(params) != d.params:
            builder.definitions[k] = dataclasses.replace(
                d, params=tuple(params), body=dataclasses.replace(d.body, text=body))
            renamed = True
    return renamed


_MATRIX_NOTATION = re.compile(r"\^\s*\{?\s*(?:T|\\top|\\intercal|\\mathrm\s*\{\s*T\s*\}|\\mathsf\s*\{?\s*T)"
                              r"(?![A-Za-z])|\\\||\\[lr]?Vert|\\nabla|\\operatorname\s*\{\s*(?:tr|diag)\s*\}"
                              r"|\\(?:det|begin)(?![A-Za-z])")


def _whole_scalars(builder: Builder, found, definitions, symbols, own):
    """A letter read as a vector or a matrix only because it is subscripted by an
    index somewhere (`x_i` under a sum), in a derivation that writes it only whole
    (`f(x) = …`, `\\log f(x) = -\\frac{(x-\\mu)^2}{2\\sigma^2}`) and in no matrix notation,
    is a plain real there, that derivation's own (as the notes mean: the sample's
    values are elsewhere).  Not when a definition writes its elements: the
    definitions are read in every derivation's scope."""
    if len(found) <= 1:
        return own
    inferred = [n for d in symbols if d.kind in ("vector", "matrix") and not d.shape
                for n in d.names if n not in builder.objects and n not in builder.redeclared]
    if not inferred:
        return own
    out = [list(o) for o in own]
    for n, entry in enumerate(found):
        texts = [s.math.text for s in _all_steps(entry[2], entry[3])] \
            + [c.when.text for c in _all_cases(entry[3])]
        if not texts or any(_MATRIX_NOTATION.search(t) for t in texts):
            continue
        bodies = [d.body.text for d in definitions]    # every definition is read in its scope
        start = min([s.math.line for s in _all_steps(entry[2], entry[3])]   # a derivation of
                    + [c.when.line for c in _all_cases(entry[3])])        # cases only: theirs
        for name in inferred:
            element = re.compile(r"(?<![A-Za-z\\])\\?" + re.escape(name) + r"\s*_")
            if any(name in d.names for d in out[n]) or not any(mentions(t, name) for t in texts) \
                    or any(element.search(t) for t in texts + bodies):
                continue
            out[n].append(SymbolDecl((name,), "scalar", (), None, start))
            builder.notes.append(Prose(f"`{name}` is written only whole in the derivation of line "
                                       f"{start} (its elements `{name}_i` elsewhere): a plain real "
                                       "there", start))
    return [tuple(o) for o in out]


def _said(declared) -> str:
    return ", ".join([declared.kind, "×".join(declared.shape), *declared.properties]
                     ).replace("_", " ")


def _object(said) -> SymbolDecl:
    return SymbolDecl((said.name,), said.kind, (), None, said.line,
                      shape=tuple(Math(d, said.line) for d in said.shape),
                      properties=said.properties)


def _uses(entry, name: str) -> bool:
    texts = [s.math.text for s in _all_steps(entry[2], entry[3])] \
        + [c.when.text for c in _all_cases(entry[3])]
    return any(mentions(t, name.split("_")[0]) for t in texts)

def _nothing_checked(builder: Builder) -> None:
    said = [n for n in builder.notes if n.text.startswith(("goal", "nothing to compare",
                                                           "an empty row"))]
    unchecked = [(s.math.line, s.unchecked) for seg in builder.segments
                 for b in seg.branches() for s in b.steps if s.unchecked]
    lines = [f"line {n.line}: {n.text}" for n in said]
    lines += [f"line {d.line}: a definition of {d.name}" for d in builder.definitions]
    lines += [f"line {line}: not checked: {reason}" for line, reason in unchecked]
    detail = "; ".join(sorted(lines, key=lambda t: int(t.split(":")[0][5:]))[:6])
    first = min([n.line for n in said] + [u[0] for u in unchecked]
                + [d.line for d in builder.definitions], default=0) or builder.first_display
    raise InputError("the notes hold display math but no step to check (a chain needs two "
                     "expressions joined by `=`, or a row that begins with `=`)"
                     + (f": {detail}" if detail else ""), first)


def _titles(found) -> list[str]:
    titles, seen = [], set()
    for title, line, *_ in found:
        title = title or f"line {line}"
        if title in seen:
            title = f"{title} (line {line})"
        seen.add(title)
        titles.append(title)
    return titles


def _all_steps(steps: tuple[Step, ...], cases: tuple[Case, ...]):
    yield from (s for s in steps if not s.unchecked)
    for case in _all_cases(cases):
        yield from (s for s in case.steps if not s.unchecked)


def _all_cases(cases: tuple[Case, ...]):
    pending = list(cases)
    while pending:
        case = pending.pop(0)
        yield case
        pending.extend(case.cases)


def _objects_from_use(builder: Builder, found, definitions, symbols) -> None:
    """Letters the steps use as vectors and matrices (`X^\\top`, `\\nabla_\\beta`,
    `\\|w\\|`, `y - X\\beta`) that the prose does not declare: declared with the
    shapes their uses give (read/objects.py), beside the prose's own."""
    from derive_ce.read import objects                  # lark: only once notes are read
    from derive_ce.read.latex.parser import parse
    texts = [(s.math.text, s.math.line) for _, _, steps, cases, _ in found
             for s in _all_steps(steps, cases)]
    if not texts:
        return
    excluded = {d.name for d in definitions} | set(builder.assumptions) \
        | {n for d in symbols if d.kind != "scalar" for n in d.names} \
        | {n for n, d in builder.objects.items() if not d.shape} | set(builder.redeclared)
    declared = {n: d.shape for n, d in builder.objects.items()
                if d.shape and n not in builder.redeclared}   # one shape in the whole notes
    for name, (kind, shape, line, why) in objects.infer(texts, parse, excluded, declared).items():
        sizes = "×".join(shape)
        builder.objects[name] = Declared(name, kind, shape, line, f"used as a {kind} ({why}, "
                                         f"line {line}), {sizes} from its uses")


def _with_objects(symbols, reasons, objects):
    """The letters the prose calls vectors or matrices, declared so (never
    commuting scalars), before what was inferred from use."""
    if not objects:
        return symbols, reasons
    decls, why = [], []
    for name, said in objects.items():
        decls.append(SymbolDecl((name,), said.kind, (), None, said.line,
                                shape=tuple(Math(d, said.line) for d in said.shape),
                                properties=said.properties))
        why.append(said.reason)
    for decl, reason in zip(symbols, reasons):
        names = tuple(n for n in decl.names if n not in objects)
        if names:
            decls.append(SymbolDecl(names, decl.kind, decl.flags, decl.range, decl.line,
                                    decl.inferred, decl.shape))
            why.append(reason)
    return tuple(decls), tuple(why)


def _with_assumptions(builder: Builder, symbols, reasons):
    """"for $x > 0$", "Let $n$ be a positive integer": flags on letters that
    are no index, vector or matrix (declared for the whole notes)."""
    taken = {n for d in symbols for n in d.names}
    decls, why = list(symbols), list(reasons)
    for name, (low, high, line) in sorted(builder.ranges.items()):
        at = next((i for i, d in enumerate(decls) if d.names == (name,)
                   and d.kind in ("index", "scalar")), None)
        if at is None and name in taken:
            continue
        decl = SymbolDecl((name,), "index", (), (Math(low, line), Math(high, line)), line)
        if at is None:
            decls.append(decl)
            why.append(f"its range is in the prose, line {line}: [{low}, {high}]")
        else:
            decls[at] = decl
            why[at] = f"its range is in the prose, line {line}: [{low}, {high}]"
        taken.add(name)
    for name, (flag, line) in sorted(builder.assumptions.items()):
        flags = (("integer", True),) if flag.endswith("integer") else ()
        if flag.split()[0] != "integer":
            flags += ((flag.split()[0], True),)
        guessed = next((i for i, d in enumerate(decls) if d.names == (name,)
                        and d.kind == "scalar"), None)
        if guessed is not None:     # the prose says what a sum's bound is, not the guess:
            decls[guessed] = SymbolDecl((name,), "scalar", flags, None, 0)    # n >= 0, not > 0
            why[guessed] = f"assumed in the prose, line {line}: {flag}"
            continue
        if name in taken or any(d.name == name for d in builder.definitions):
            continue
        decls.append(SymbolDecl((name,), "scalar", flags, None, 0))
        why.append(f"a standard deviation (beside \\sqrt{{2\\pi}}), line {line}: positive"
                   if name == "sigma" and builder.gaussian == line
                   and name not in builder.said else f"assumed in the prose, line {line}: {flag}")
    return tuple(decls), tuple(why)


def _with_functions(texts, definitions, symbols, reasons):
    """`f(u)`, `g(z)`, `\\varphi(x)` applied and never defined: unknown functions."""
    taken = {n for d in symbols for n in d.names} | {d.name for d in definitions}
    found = sorted({m.group(1).lstrip("\\") for t in texts for m in _FUNCTION.finditer(t)}
                   - taken)
    if not found:
        return symbols, reasons
    return (symbols + (SymbolDecl(tuple(found), "function", (), None, 0),),
            reasons + ("applied and never defined: unknown functions",))


def _bare_functions(builder: Builder) -> None:
    """`\\sigma` alone, after the notes define `\\sigma(x) = …`, is `\\sigma(x)`:
    `(1+e^{-x})\\sigma = 1`, `\\sigma(1-\\sigma)`, `\\frac{d\\sigma}{dx}`, `\\sigma'`.
    Only for a function of letters named by one letter or a Greek letter
    (`J(w, b) = …`, then `J` alone is `J(w, b)`), or of one letter named with
    a subscript (`h_\\theta`), and only in a derivation that uses one of
    those letters itself; elsewhere the bare name is refused as before.
    Rewritten in place, so the checked step and its import say `\\sigma(x)`."""
    functions = {}
    for d in builder.definitions:
        if d.function and all(re.fullmatch(r"[A-Za-z]", p) or p in GREEK for p in d.params) \
                and (re.fullmatch(r"[A-Za-z]", d.name) or d.name in GREEK
                     or len(d.params) == 1 and re.fullmatch(r"[A-Za-z]_[A-Za-z0-9]+", d.name)):
            functions.setdefault(d.name, d.params)
    for name, params in functions.items():
        # `J(w, b) = …`, then `\frac{\partial J}{\partial w}`; `\ell(\mu, \sigma)` alike
        letters = [p if len(p) == 1 else "\\" + p for p in params]
        arguments = ", ".join(letters)
        uses = [re.compile((r"(?<![\\A-Za-z])" if len(p) == 1 else "") + re.escape(p)
                           + r"(?![A-Za-z])") for p in letters]
        if "_" in name:             # `h_\theta` alone, `h_\theta(x) = …` defined: h_θ(x)
            letter, sub = name.split("_", 1)
            bare = re.compile(r"(?<![\\A-Za-z])" + re.escape(letter) + r"\s*"
                              + subscript_pattern(sub) + _NOT_APPLIED)
            label = f"{letter}_{{{subscript_text(sub)}}}"
            _rewritten(builder, lambda text: bare.sub(
                lambda m: m.group(0) if _OPERATORNAME.search(m.string, 0, m.start())
                else f"\\operatorname{{{name}}}({arguments})", text),
                f"`{label}` alone read as `{label}({arguments})`", uses)
            continue
        head = (r"\\" if len(name) > 1 else r"(?<![\\A-Za-z])") + name
        bare = re.compile(head + r"(?![A-Za-z])(['’′]*)(?!\s*_)" + _NOT_APPLIED)

        def applied(m, arguments=arguments, several=len(params) > 1):
            if _accented(m.string, m.start()) or m.group(1) and several:
                return m.group(0)               # `J'` of a function of two letters: as written
            return m.group(0) + f"({arguments})"
        label = ("\\" if len(name) > 1 else "") + name
        _rewritten(builder, lambda text, head=head, bare=bare, applied=applied, arguments=arguments:
                   bare.sub(applied, _product_brackets(text, head, arguments)),
                   f"`{label}` alone read as `{label}({arguments})`", uses)


# not followed by its argument, a prime or an order: the name alone
_NOT_APPLIED = r"(?!\s*(?:\(|\\left|\\[bB]igl?\b|['’′]|\^\s*\{?\s*\\prime|\^\s*\{\s*\())"
_OPERATORNAME = re.compile(r"\\operatorname\s*\{\s*$")     # `\operatorname{f_N}`: already a name


def _rewritten(builder: Builder, rewrite, said: str, uses: list | None = None) -> None:
    """Each step rewritten in place (only in a derivation that uses one of the
    letters `uses`, where given); the import says `said` once per line
    (`` `\\sigma` alone read as `\\sigma(x)` ``)."""
    for seg in builder.segments:
        for branch in seg.branches():
            if uses is not None \
                    and not any(u.search(s.math.text) for s in branch.steps for u in uses):
                continue
            for n, step in enumerate(branch.steps):
                text = rewrite(step.math.text)
                if text != step.math.text:
                    math = dataclasses.replace(step.math, text=text, column=0, breaks=())
                    branch.steps[n] = dataclasses.replace(step, math=math)
                    note = Prose(said, step.math.line)
                    if note not in builder.notes:
                        builder.notes.append(note)


def _value_primes(builder: Builder) -> None:
    """`u'` after the notes give a value `u = x^2` (no function, no index), whose
    body is in one letter (`e` aside, through other values too): du/dx, written
    `\\frac{d}{dx} u` (`u''` the second derivative).  With two letters or none
    the variable is not plain, and the prime is refused as before."""
    values = {d.name: d.body.text for d in builder.definitions if not d.function and not d.params}
    for name in values:
        letters = _letters_of(name, values, set())
        if len(letters) != 1:
            continue
        letter = letters.pop()
        # `vu' - uv'`: a letter after another letter alone (a product, u·v') is primed too
        head = (r"\\" + name if len(name) > 1
                else r"(?:(?<![\\A-Za-z])|(?<=(?<![\\A-Za-z])[A-Za-z]))" + name) + r"(?![A-Za-z])"
        primed = re.compile(head + r"\s*('+|’+|′+)(?!\s*(?:\(|\\left))")
        label = ("\\" if len(name) > 1 else "") + name
        _rewritten(builder, lambda text, primed=primed, name=name, letter=letter: primed.sub(
            lambda m: _derivative_of(m, name, letter), text),
            f"`{label}'` read as `\\frac{{d}}{{d{letter}}}{label}`")


def _letters_of(name: str, values: dict, seen: set) -> set:
    """The letters a value is made of, through the values it uses."""
    seen.add(name)
    body = re.sub(r"\\(?:text|mathrm|operatorname)\s*\{[^{}]*\}|\\frac|\\[dt]frac|\\left|\\right"
                  r"|\\(?:sqrt|exp|ln|log|sin|cos|tan|sinh|cosh|tanh|pi)(?![A-Za-z])", " ", values[name])
    found = set()
    for token in re.findall(r"\\[A-Za-z]+|[A-Za-z]", body):
        token = token.lstrip("\\")
        if token == "e":
            continue
        if token in values and token not in seen:
            found |= _letters_of(token, values, seen)
        elif token not in values:
            found.add(token)
    return found


def _derivative_of(match: re.Match, name: str, letter: str) -> str:
    order = len(match.group(1))
    label = ("\\" if len(name) > 1 else "") + name
    top, below = ("d", f"d{letter}") if order == 1 else (f"d^{{{order}}}", f"d{letter}^{{{order}}}")
    return f"\\left(\\frac{{{top}}}{{{below}}} {label}\\right)"     # a factor, as u' was


# `\frac{d}{dx}` beside `(\sin x)'`: the operator's d is no letter of the step
_OPERATOR_D = re.compile(r"\\[dtc]?frac\s*\{\s*d\s*\}\s*\{\s*d\s*([A-Za-z])\s*\}")


# `\frac{-1'-(e^{-x})'}{…}`: a prime on a number, beside a prime after a bracket, is the
# derivative of that constant, `(1)'` (not in a script: `x^2'`, `x_1'` stay as written)
_PRIMED_NUMBER = re.compile(r"(?<![\w.\\}^_{])(\d+(?:\.\d+)?)'(?!')")


def _bracket_primes(builder: Builder) -> None:
    """`(x^2+1)'`, `(\\frac{x^2+1}{x^3-1})'`: a prime after a bracket, in a
    step whose only letter is `x` (`e` aside), is `\\frac{d}{dx}\\left(…\\right)`;
    a number primed beside it (`-1'`) is `(1)'`, so `\\frac{d}{dx}(1)`.  With two
    letters or none, or a letter the notes define, the variable is not plain:
    refused as before."""
    defined = {d.name for d in builder.definitions}
    for seg in builder.segments:
        for branch in seg.branches():
            for n, step in enumerate(branch.steps):
                text = re.sub(r"\)\s*[’′]", ")'", step.math.text)    # `(1+x)’`: a page's prime
                if ")'" not in text:
                    continue
                bare = re.sub(r"\\(?:text|mathrm|operatorname)\s*\{[^{}]*\}|\\[A-Za-z]+"
                              r"|(?<![\\A-Za-z])[A-Za-z]'+(?=\s*\()", " ",     # `f'(x)`: no variable
                              _OPERATOR_D.sub(r" \1 ", text))     # `\frac{d}{dx}`: its x, not d
                letters = set(re.findall(r"[A-Za-z]", bare)) - {"e"}
                if len(letters) != 1 or letters & defined:
                    continue                 # `(u^2)'` with `u = 3x^2`: d/dx, not d/du
                letter = letters.pop()
                new = _primed_brackets(_PRIMED_NUMBER.sub(r"(\1)'", text), letter)   # `-1'`: `-(1)'`
                if new != text:
                    math = dataclasses.replace(step.math, text=new, column=0, breaks=())
                    branch.steps[n] = dataclasses.replace(step, math=math)
                    said = Prose(f"`(…)'` read as `\\frac{{d}}{{d{letter}}}(…)`", step.math.line)
                    if said not in builder.notes:
                        builder.notes.append(said)


_D_APPLIED = re.compile(r"(?<![\\A-Za-z])D\s*(\\left\s*)?\(")


def _operator_d(builder: Builder) -> None:
    """`D(\\tanh x)`, `D \\left( \\frac{\\sinh x}{\\cosh x} \\right)`: Euler's (Apostol's)
    derivative operator, where the prose speaks of a derivative, `D` is neither
    defined nor declared, every `D` of the step is applied to a bracket that is
    no bare letter, and the step's only letter is `x` (`e` aside, as for a
    prime after a bracket): `\\frac{d}{dx}\\left(…\\right)`. `D(x)`, a `D` alone,
    or two letters: read as before (`D` an unknown function)."""
    prose = " ".join([builder.title] + [n.text for n in builder.notes])
    if not re.search(r"\bderivative|\bdifferentiat", prose, re.IGNORECASE) \
            or "D" in {d.name for d in builder.definitions} or "D" in builder.objects \
            or "D" in builder.assumptions:
        return
    defined = {d.name for d in builder.definitions}

    def rewrite(text: str) -> str:
        new = _d_brackets(text) if _D_APPLIED.search(text) else None
        if new is None:
            return text
        bare = re.sub(r"\\(?:text|mathrm|operatorname)\s*\{[^{}]*\}|\\[A-Za-z]+", " ", new)
        letters = set(re.findall(r"[A-Za-z]", bare)) - {"e", "d"}
        if letters != {"x"} or letters & defined or re.search(r"(?<![\\A-Za-z])d(?![x}])", bare):
            return text
        return new
    _rewritten(builder, rewrite, "`D(…)` read as `\\frac{d}{dx}(…)` (the derivative operator)")


def _d_brackets(text: str) -> str | None:
    """Every `D(…)` of the text as `\\frac{d}{dx}\\left(…\\right)`, or None where a `D`
    is not applied to a bracket, its bracket does not close, or holds a bare letter."""
    out, at = [], 0
    for match in re.finditer(r"(?<![\\A-Za-z])D(?![A-Za-z])", text):
        if match.start() < at:
            return None
        applied = _D_APPLIED.match(text, match.start())
        if applied is None:
            return None
        end = _words.closing(text, applied.end() - 1)
        if end is None:
            return None
        inner = text[applied.end():end]
        if applied.group(1):
            if not re.search(r"\\right\s*$", inner):
                return None
            inner = re.sub(r"\\right\s*$", "", inner)
        if re.fullmatch(r"\s*\\?[A-Za-z]+\s*", inner):
            return None                     # `D(x)`: the function D at x?
        out.append(text[at:match.start()] + "\\frac{d}{dx}\\left(" + inner + "\\right)")
        at = end + 1
    return "".join(out) + text[at:] if out else None


def _primed_brackets(text: str, letter: str) -> str:
    """`(...)'` is d/dx(...); two or three primes, the second or third derivative."""
    for _ in range(text.count(")'")):
        found = next(re.finditer(r"\)('{1,3})(?!')", text), None)
        if found is None:
            break
        close, order = found.start(), len(found.group(1))
        depth, open_ = 0, None
        for i in range(close, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                open_ = i
                break
        if open_ is None:
            break
        start = open_ - len("\\left") if text[:open_].endswith("\\left") else open_
        end_inner = close - len("\\right") if text[:close].endswith("\\right") else close
        inner = text[open_ + 1:end_inner]
        # `\sinh x(\cosh x)'`: a factor, never part of a bare function's argument
        times = "\\cdot " if re.search(r"(?:^|[^\\A-Za-z])[A-Za-z0-9}]\s*$", text[:start]) \
            and re.search(r"\\(?:sin|cos|tan|sinh|cosh|tanh|ln|log|exp|sec|csc|cot)\s+[^\s(\\{][^()]*$",
                          text[:start]) else ""
        operator = f"\\frac{{d}}{{d{letter}}}" if order == 1 else \
            f"\\frac{{d^{{{order}}}}}{{d{letter}^{{{order}}}}}"
        text = (text[:start] + f"{times}{{{operator}\\left({inner}\\right)}}"
                + text[close + 1 + order:])
    return text


def _accented(text: str, at: int) -> bool:
    """`\\hat{f}`, `\\mathbf{f}`: another name, not `f` alone."""
    return re.search(r"\\(?:hat|bar|tilde|dot|ddot|vec|check|breve|overline|widehat|widetilde|"
                     r"mathbf|boldsymbol|bm|mathcal|mathbb|mathrm|mathit|text|operatorname)"
                     r"\s*\{\s*$", text[:at]) is not None


def _product_brackets(text: str, head: str, param: str) -> str:
    """`\\sigma(1-\\sigma)`: a bracket after the name that holds the name
    alone is a product, `\\sigma(x) (1-\\sigma)` (as `h(1 - h)` is for
    a name never defined)."""
    out, at = [], 0
    for m in re.finditer(head + r"(?![A-Za-z])(?=\s*(?:\\left)?\s*\()", text):
        if m.start() < at or _accented(text, m.start()):
            continue
        open_ = text.index("(", m.end())
        depth, end = 0, None
        for i in range(open_, len(text)):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if depth == 0:
                end = i
                break
        inside = text[open_ + 1:end] if end is not None else ""
        if end is not None and re.search(head + r"(?![A-Za-z])(?!\s*(?:\(|\\left|_))", inside):
            out.append(text[at:m.end()] + f"({param}) ")
            at = m.end()
    return "".join(out) + text[at:]


def _ordered(definitions):
    """Definitions in the order they can be read: one that uses another
    comes after it (notes often give the main one first)."""
    from derive_ce.read.notes.segments import mentions
    left = list(definitions)
    done = []
    while left:
        ready = [d for d in left
                 if not any(mentions(d.body.text, o.name) for o in left if o is not d)]
        pick = ready[0] if ready else left[0]
        done.append(pick)
        left.remove(pick)
    return tuple(done)

"""Deciding a step that uses vectors or matrices as a whole (issue 17).

1. Both sides are read with MatrixSymbols of the declared shapes (symbolic
   sizes); a difference that SymPy reduces to zero is a proof for every size.
2. Always, and whatever 1 said: concrete instances at several sizes (each
   size name its own value, then all sizes 1), with random rational entries
   (symmetric, or symmetric positive definite, where declared) and random
   scalars, read again from the parse tree with explicit matrices
   (derivatives entry by entry).  Any instance where the sides differ makes
   the step `failed`, with the sizes and the entries.
A step proved in 1 and agreeing in 2 is `proved`; agreeing in 2 only, `numeric`.
"""

from __future__ import annotations

import dataclasses
import functools
import random
import re
import time

import lark
import sympy as sp
from sympy.matrices.exceptions import ShapeError

from derive_ce.decide.build import read_expression
from derive_ce.decide.build import matrix as _build
from derive_ce.decide.build.matrix import Env, MatrixReader, Unsupported, parse_one
from derive_ce.decide.equivalence import OutOfTime, deadline
from derive_ce.errors import InputError
from derive_ce.memo import Kept
from derive_ce.read.latex.parser import chain_refusal, parse
from derive_ce.read.latex.shape import JUMPING, is_a, largest_integer, turning_names, unwrap
from derive_ce.read.model import Math
from derive_ce.read.names import token_name, tree_name
from derive_ce.read.shapes import bound_letters, object_names, sized, uses_objects
from derive_ce.results import Verdict

POINTS_PER_SIZE = 2
CASE_ATTEMPTS = 24     # draws per instance until a case's conditions hold
MAX_SIZE = 12          # a declared size beyond it (`size: 1000`) is not instantiated
TOLERANCE = sp.Float("1e-20", 40)
SYMBOLIC = 0.5         # of that, for SymPy's proof; the explicit instances have the rest
SHARE = 0.6            # of the budget, for the SymPy readings; the evaluator has the rest


def objects_of(symscope) -> set[str]:
    """The names a matrix step is recognised by (kept on the scope)."""
    if not hasattr(symscope, "matrix_objects"):
        names = object_names(symscope.spec, parse)
        if names and not symscope.declared("I"):
            names = names | {"I"}
        symscope.matrix_objects = names
    return symscope.matrix_objects


def applies(symscope, task) -> bool:
    """Does the step use vectors or matrices as a whole?"""
    names = objects_of(symscope)
    for math in (task.a, task.b):
        if math is None or math.syntax != "latex":
            continue
        try:
            if uses_objects(parse(math.text, "chain", math.line), names):
                return True
        except InputError:
            continue
    return False


class World:
    """Declarations, definitions and scalars, shared by the readers of a step."""

    def __init__(self, symscope):
        self.symscope = symscope
        self.spec = symscope.spec
        self.decls = sized(self.spec)
        self.definitions = {d.name: d for d in self.spec.definitions
                            if d.name in objects_of(symscope) and not d.params}
        for decl in {id(d): d for d in self.decls.values()}.values():
            for size in decl.shape:
                value = self.scalar_expr(size)
                if value.is_number and not (value.is_Integer and value > 0):
                    raise InputError(f"the size `{size.text}` of `{decl.names[0]}` must be a "
                                     "positive whole number or a name", decl.line)
        self.size_names = sorted({s.name for d in self.decls.values() for m in d.shape
                                  for s in self.scalar_expr(m).free_symbols})
        # the widest written dimension (`shape: [n, 4]`): sizes also go past it,
        # where X^T X (4×4) has full rank
        self.widest = largest_integer([m.text for d in self.decls.values() for m in d.shape])
        self._reading: list[str] = []
        self._memo: dict = {}

    def scalar_expr(self, math: Math) -> sp.Expr:
        return read_expression(math, self.symscope)

    # lookups for MatrixReader
    def declared(self, name: str) -> bool:
        return self.symscope.declared(name)

    def kind(self, name: str) -> str:
        return self.symscope.kind(name)

    def object_definition(self, name: str):
        return self.definitions.get(name)

    def uses_objects(self, node) -> bool:
        return uses_objects(node, objects_of(self.symscope))

    def is_function(self, name: str) -> bool:
        return self.symscope.kind(name) == "function"

    def call(self, name: str, value):
        if name in self.symscope.functions:
            params, body, _line = self.symscope.functions[name]
            if len(params) != 1:
                raise InputError(f"`{name}` takes {len(params)} arguments")
            return self.symscope.expand(body.xreplace({params[0]: value}))
        return sp.Function(name)(value)

    def forget(self) -> None:
        """Definitions read again (a variable's entries changed under them)."""
        self._memo.clear()

    def read_definition(self, name: str, env: Env):
        key = (name, id(env))
        if key in self._memo:
            return self._memo[key][1]
        if name in self._reading:
            raise InputError(f"`{name}` is defined in terms of itself")
        definition = self.definitions[name]
        self._reading.append(name)
        try:
            value = self.read(parse_one(definition.body.text, definition.line), env,
                              definition.body.text, definition.line)
        finally:
            self._reading.pop()
        self._memo[key] = (env, value)
        return value

    def read(self, tree, env: Env, text: str, line: int):
        reader = MatrixReader(self, env, text, line)
        value = reader.read(tree)
        if not isinstance(value, (sp.Basic, sp.MatrixBase, int)):     # `I`, `\mathbf{1}` alone
            raise InputError("`I` or `\\mathbf{1}` without a size, where nothing sets it: "
                             "write it, `I_n` or `\\mathbf{1}_n`", line)
        return self._sized(value, env)

    def scalar(self, name: str, node, reader: MatrixReader):
        if self.symscope.kind(name) in ("vector", "matrix"):
            raise reader.fail(f"`{name}` is a {self.symscope.kind(name)} without a size: declare "
                              f"`{name}: {{kind: vector, size: n}}` or `{name}: {{kind: matrix, "
                              "shape: [n, m]}` to use it as a whole (in notes, say "
                              f"`${name} \\in \\mathbb{{R}}^n$` or `${name} \\in "
                              "\\mathbb{R}^{n \\times m}$`); elements whose indices run over one "
                              "range from 1 (`\\sum_{i=1}^{n} x_i`) also give it", node)
        try:
            return self.symscope.expand(self.symscope.symbol(name))
        except InputError as exc:
            raise reader.fail(exc.message, node) from None

    def scalar_node(self, node, reader: MatrixReader):
        """A part without vectors or matrices, read by the scalar reader."""
        return self.scalar_expr(Math(reader.source(node), reader.line))

    def size_of(self, node, reader: MatrixReader):
        value = self.scalar_node(node, reader)
        return self._sized(value, reader.env)

    def index(self, node, reader: MatrixReader):
        """An element's index: a number, or a letter given its value in an instance."""
        value = self.scalar_node(node, reader) if isinstance(node, lark.Tree) \
            else self.scalar_expr(Math(str(node), reader.line))
        if reader.env.mode == "explicit":
            value = value.xreplace({s: reader.env.indices[s.name] for s in value.free_symbols
                                    if s.name in reader.env.indices})
            return int(value) if isinstance(value, int) or value.is_Integer else value
        return value

    def exponent(self, sup, reader: MatrixReader):
        child = sup.children[0] if sup.children else None
        text = str(child) if isinstance(child, lark.Token) else reader.source(child)
        return self.scalar_expr(Math(text, reader.line))

    def exponent_value(self, value, sup, reader: MatrixReader):
        return value ** self.exponent(sup, reader)

    def _sized(self, value, env: Env):
        """Size names in a value become the environment's sizes."""
        if not isinstance(value, (sp.Basic, sp.MatrixBase)):
            return value
        swap = {s: env.sizes[s.name] for s in value.free_symbols
                if isinstance(s, sp.Symbol) and s.name in env.sizes and s != env.sizes[s.name]}
        if not swap:
            return value
        value = value.xreplace(swap)
        if env.mode == "explicit" and (isinstance(value, int) or getattr(value, "is_Integer", False)):
            return int(value)
        return value

    def shape(self, name: str, env: Env) -> tuple:
        return tuple(self._sized(self.scalar_expr(m), env) for m in self.decls[name].shape) \
            + ((1,) if self.decls[name].kind == "vector" else ())


def decide(symscope, task, budget: float) -> Verdict:
    """The verdict on a matrix step (`read`: only that it can be read), kept
    only where the independent evaluator (evaluate/matrix.py) agrees."""
    start = time.process_time()
    # the evaluator's outcome, asked for once (by _decide, or for the cross-check)
    evaluated = functools.cache(lambda: _evaluated(task, budget - (time.process_time() - start)))
    try:
        verdict = _decide(World(symscope), task, budget * SHARE, evaluated)
    except InputError as exc:
        return Verdict("error", exc.describe(), error_side="scope")
    except OutOfTime:
        return Verdict("unknown", f"timed out after {budget * SHARE:g} s (vectors and matrices)",
                       "timeout")
    if task.kind != "compare" or verdict.status not in ("proved", "numeric", "failed"):
        return verdict
    return _cross_checked(verdict, evaluated())


def _evaluated(task, left: float):
    """The second reading's outcome, within the time left (CPU)."""
    from derive_ce.evaluate.check import Outcome
    from derive_ce.evaluate.matrix import cross_check
    start = time.process_time()
    try:
        with deadline(max(left, 0.1)):
            return cross_check(task)
    except OutOfTime:
        return Outcome("unchecked", reason=f"the evaluator ran out of time "
                       f"({time.process_time() - start:.1f} s)")


def _cross_checked(verdict: Verdict, outcome) -> Verdict:
    """As decide/engine.py treats scalar steps: proved or numeric only where
    the evaluator agrees; a disagreement either way is `unknown`."""
    where = ", ".join(f"{k} = {v}" for k, v in list(outcome.point.items())[:12])
    if verdict.status == "failed":
        if outcome.kind != "agree" or verdict.method == "matrix-certified":
            return verdict      # a certain difference below the evaluator's tolerance stands
        return Verdict("unknown", f"the two readings disagree: the symbolic path says failed "
                       f"({verdict.message}), the evaluator finds both sides equal at "
                       f"{outcome.instances} instances (a bug in derive-ce, please report it)",
                       "disagree", evidence=verdict.evidence)
    if outcome.kind == "agree":
        return dataclasses.replace(verdict, cross_checked=True)
    if outcome.kind == "differ":
        return Verdict("unknown", f"the two readings disagree at {where}: the symbolic path says "
                       f"{verdict.status}, the evaluator finds left = {outcome.left}, right = "
                       f"{outcome.right} (a bug in derive-ce, please report it)", "disagree",
                       evidence={"point": dict(outcome.point), "left": outcome.left,
                                 "right": outcome.right})
    if outcome.kind == "kink":
        return Verdict("unknown", f"{outcome.reason} (on a concrete instance: {where}), so the "
                       "step is not decided", "kink")
    note = f"not cross-checked: {outcome.reason}"
    message = f"{verdict.status} ({note})" + (f"; {verdict.message}" if verdict.message else "")
    return dataclasses.replace(verdict, message=message, cross_checked=False)


def _decide(world: World, task, budget: float, evaluated=None) -> Verdict:
    """SymPy's proof within SYMBOLIC of the budget (a proof it cannot finish
    in time is no proof), then the explicit instances within the rest.  A
    comparison SymPy proved for every size, and the evaluator (the independent
    reading, `evaluated()`) finds equal at its own instances, needs no explicit
    instances: those are SymPy's second look at what both readings settled,
    as for a scalar step, whose symbolic proof is not sampled again either."""
    start = time.process_time()
    try:
        with deadline(max(budget * SYMBOLIC, 0.1)):
            found = _symbolic(world, task)
    except OutOfTime:
        found = None
    if isinstance(found, Verdict):
        return found
    trees, sides, proved, mismatch = found or _trees(task)
    if isinstance(trees, Verdict):
        return trees
    if proved and not mismatch and task.kind == "compare" and evaluated is not None \
            and evaluated().kind == "agree":
        return Verdict("proved", _layout_note(world, trees).lstrip("; "), "matrix")
    with deadline(max(budget - (time.process_time() - start), 0.1)):
        return _explicit(world, task, trees, sides, proved, mismatch)


def _trees(task):
    """Both sides' trees, for the instances where the symbolic reading ran out of time."""
    sides = [("b", task.b), ("a", task.a)] if task.kind == "compare" else [("b", task.b)]
    return {side: parse_one(math.text, math.line) for side, math in sides}, sides, False, ""


def _explicit(world: World, task, trees, sides, proved: bool, mismatch: str) -> Verdict:
    past, turning = _turning(world, trees, task)
    if mismatch:        # the instances give the sizes and entries where they can
        found = _instances(world, task, trees, sides, past)
        if isinstance(found, Verdict) and found.status in ("failed", "error"):
            return found
        return Verdict("failed", f"the two sides differ in shape: {mismatch}", "matrix-shape")
    found = _instances(world, task, trees, sides, past)
    if isinstance(found, Verdict):
        return found
    if task.kind == "read":
        return Verdict("proved", method="read")
    count, shown = found
    layout = _layout_note(world, trees)
    if proved:
        return Verdict("proved", layout.lstrip("; "), "matrix")
    if turning:
        return Verdict("unknown", f"equal at {count} random instances ({shown}), but {turning}",
                       "matrix-instances")
    return Verdict("numeric", f"equal at {count} random instances ({shown}: random entries, "
                   "symmetric or positive definite where declared); not proved for every "
                   f"size{layout}", "matrix-instances", evidence={"points": count})


def _symbolic(world: World, task):
    """(trees, sides, proved, shape mismatch), or the Verdict of an unreadable side."""
    # b first, as the engine does: an unreadable step is reported on its own line
    sides = [("b", task.b), ("a", task.a)] if task.kind == "compare" else [("b", task.b)]
    trees = {}
    for side, math in sides:
        if math.syntax != "latex":
            return Verdict("error", f"line {math.line}: an `expr:` step cannot use vectors or "
                           "matrices as a whole", error_side=side)
        try:
            trees[side] = parse_one(math.text, math.line)
        except InputError as exc:
            return Verdict("error", exc.describe(), error_side=side)
    symbolic, proved = {}, False
    env = Env("symbolic", {n: sp.Symbol(n, integer=True, positive=True) for n in world.size_names},
              layout=world.spec.layout)
    for name in world.decls:
        env.objects[name] = sp.MatrixSymbol(name, *world.shape(name, env))
    for side, math in sides:
        try:
            symbolic[side] = _symbolic_read(world, trees[side], env, math)
        except InputError as exc:
            return Verdict("error", exc.describe(), error_side=side)
        except (Unsupported, TypeError, ValueError, AttributeError, NotImplementedError,
                ShapeError):
            symbolic.pop(side, None)
    mismatch = ""
    if task.kind == "compare" and len(symbolic) == 2:
        mismatch = _shape_mismatch(symbolic["a"], symbolic["b"])
    if task.kind == "compare" and len(symbolic) == 2 and not mismatch:
        symmetric = {sp.Transpose(env.objects[n]): env.objects[n] for n, d in world.decls.items()
                     if "symmetric" in d.properties}
        proved = _is_zero(symbolic["a"], symbolic["b"], symmetric)
    return trees, sides, proved, mismatch


# A side's symbolic reading, kept by the scope's declarations and the side's
# text: a step is the right side of one comparison and the left of the next,
# and the symbolic environment is the same for both (MatrixSymbols of the
# declared shapes), so it was read, derivatives and all, twice.  Only SymPy's
# immutable values are kept; what raises is read again (memo.Kept).
_read_symbolically = Kept(1024)


def _symbolic_read(world: World, tree, env: Env, math):
    key = (world.spec, math.text, math.syntax, math.line, world.spec.layout, _reader_code())
    # a mutable Matrix is not kept (not shared): it is read anew next time
    return _read_symbolically.get(key, lambda: world.read(tree, env, math.text, math.line),
                                  keep=lambda value: isinstance(value, (sp.Basic, int)))


def _reader_code() -> tuple:
    """The reading code as it is now: a test that plants an error in the reader
    (tests/test_matrix.py) gets its own readings, and the reader's own after."""
    return tuple(map(id, (*vars(MatrixReader).values(), *vars(World).values(),
                          *vars(_build).values())))


def _layout_note(world: World, trees: dict) -> str:
    """Said wherever a step differentiates by a vector or matrix."""
    variables = set()
    for tree in trees.values():
        variables |= _derivative_variables(tree)
    if not variables & set(world.decls):
        return ""
    if world.spec.layout == "numerator":
        return "; numerator layout: ∂f/∂X is the transpose of X's shape (∇ keeps X's shape)"
    return "; denominator layout: ∂f/∂X and ∇_X f have the shape of X"


def _turning(world: World, trees: dict, task) -> tuple[list[dict], str]:
    r"""A size the step also reads as a number inside a function that turns at
    integers (`(-1)^{\lfloor n/13 \rfloor} \det(A)`, `\lfloor \log_2 n / 4 \rfloor`,
    `\min(n, 5)`): (instances past every integer the step writes, up to
    MAX_SIZE; why instances cannot decide it).  Such a step is proved for every
    size or not decided: where it turns may lie past any size an instance
    reaches (16 for `\lfloor \log_2 n / 4 \rfloor`), so agreement at instances
    is never `numeric`; a difference at them still fails it."""
    texts = [m.text for m in (task.a, task.b, *task.when) if m is not None]
    jumping = sorted(_inside_turns(world, trees, JUMPING) & set(world.decls))
    scalar = sorted(_inside_turns(world, trees) & set(world.size_names))
    if jumping and not scalar:
        return [], (f"`{jumping[0]}` is inside a function that jumps (⌊…⌋, cases, sign): "
                    "instances with random entries never meet where it jumps (a singular "
                    "matrix, orthogonal vectors), and SymPy did not prove it")
    if not scalar:
        return [], ""
    why = (f"`{scalar[0]}` is a size and also a number inside a function that turns at "
           f"integers (⌊…⌋, ⌈…⌉, |…|, min, max, sign): instances, built for sizes from 1 to "
           f"{MAX_SIZE}, cannot show where it turns, and SymPy did not prove it for every size")
    largest = min(largest_integer(texts), MAX_SIZE - 1)
    tried = max((v for sizes in _size_sets(world.size_names, world.widest)
                 for v in sizes.values()), default=1)
    if largest < tried:
        return [], why
    return [{n: largest + 1 for n in world.size_names},
            {n: min(MAX_SIZE, largest + 2) for n in world.size_names}], why


def _inside_turns(world: World, trees: dict, kinds=None) -> set[str]:
    """The names read inside a function that turns (shape.turning_names), through
    the definitions: a defined name inside one brings in its definition's names."""
    inside, pending, seen = set(), list(trees.values()), set()
    while pending:
        tree = pending.pop()
        found = turning_names(tree) if kinds is None else turning_names(tree, kinds)
        inside |= found
        for name in found & set(world.definitions):
            if name not in seen:
                seen.add(name)
                body = parse_one(world.definitions[name].body.text, 0)
                inside |= _used(world, {"body": body})
        for name in _used(world, {"t": tree}) & set(world.definitions):
            if name not in seen and name not in found:
                seen.add(name)
                pending.append(parse_one(world.definitions[name].body.text, 0))
    return inside


def _used(world: World, trees: dict) -> set[str]:
    """The names a step uses, through the definitions it uses."""
    names, pending = set(), list(trees.values())
    while pending:
        tree = pending.pop()
        for node in tree.iter_subtrees():
            if node.data in ("name", "styled"):
                try:
                    name = tree_name(node)
                except InputError:
                    continue
                if name in world.definitions and name not in names:
                    pending.append(parse_one(world.definitions[name].body.text, 0))
                names.add(name)
    return names


def _shape_mismatch(a, b) -> str:
    sa = tuple(a.shape) if isinstance(a, (sp.MatrixExpr, sp.MatrixBase)) else (1, 1)
    sb = tuple(b.shape) if isinstance(b, (sp.MatrixExpr, sp.MatrixBase)) else (1, 1)
    if all(sp.simplify(p - q) == 0 for p, q in zip(sa, sb)):
        return ""
    return f"{'×'.join(map(sp.sstr, sa))} and {'×'.join(map(sp.sstr, sb))}"


def _is_zero(a, b, symmetric: dict) -> bool:
    try:
        a, b = _number(a), _number(b)
        difference = a - b
        if isinstance(difference, sp.MatrixExpr):
            difference = difference.doit().xreplace(symmetric).expand().doit()
            return isinstance(difference, sp.ZeroMatrix) or difference == 0
        difference = sp.expand(difference.doit().xreplace(symmetric))
        traced = _traces(difference)        # the traces in one form; SymPy's own form after
        return sp.simplify(traced) == 0 or traced != difference and sp.simplify(difference) == 0
    except (TypeError, ValueError, AttributeError, NotImplementedError, RecursionError):
        return False


def _number(value):
    """A 1×1 matrix expression (xᵀy, xᵀAx) as the number it holds: its trace."""
    if isinstance(value, sp.MatrixExpr) and value.shape == (1, 1):
        return sp.Trace(value)
    return value


def _traces(expr):
    """Every trace written in one form: split over the sums inside it, each
    product turned to the least of its cyclic turns and of its transpose's
    (tr(AB) = tr(BA) and tr(M) = tr(Mᵀ), for any sizes the product admits)."""
    return expr.replace(lambda e: isinstance(e, sp.Trace), _trace_form)


def _trace_form(trace):
    inner = trace.arg.doit().expand()
    terms = inner.args if isinstance(inner, sp.MatAdd) else (inner,)
    total = sp.Integer(0)
    for term in terms:
        coefficient, product = term.as_coeff_mmul()
        factors = list(product.args) if isinstance(product, sp.MatMul) else [product]
        if any(not isinstance(f, sp.MatrixExpr) for f in factors):
            return trace                        # a scalar left inside: as it is
        turns = []
        for order in (factors, [f.T for f in reversed(factors)]):
            turns += [order[k:] + order[:k] for k in range(len(order))]
        best = min(turns, key=lambda fs: [sp.default_sort_key(f) for f in fs])
        total += coefficient * sp.Trace(sp.MatMul(*best) if len(best) > 1 else best[0])
    return total


# -- concrete instances -------------------------------------------------------

def _size_sets(names: list[str], widest: int = 0) -> list[dict[str, int]]:
    r"""Each size name its own value (so a mismatch shows), reversed, then all 1;
    and past the widest written dimension where sizes stop below it
    (`\det(X^\top X) = 0` for X of shape n×4 holds for n ≤ 3 only)."""
    first = {n: 2 + k for k, n in enumerate(names)}
    second = {n: 2 + (len(names) - 1 - k) + (1 if len(names) == 1 else 0)
              for k, n in enumerate(names)}
    sets = [first, second, {n: 1 for n in names}]
    if names and widest >= max(first.values()) and widest < MAX_SIZE:
        sets.append({n: widest + 1 for n in names})
    return sets


def _instances(world: World, task, trees, sides, past: list):
    """Instances at each size set (and at `past`: _turning's sizes past the
    step's integers): (count, sizes shown), or the Verdict they give."""
    rng = random.Random(17)
    variables = set()
    for tree in trees.values():
        variables |= _derivative_variables(tree)
    count, seen = 0, []
    used = _used(world, trees)
    world.index_letters = _subscript_letters(trees, world)
    used |= world.index_letters
    used |= {s.name for n in used if n in world.decls for m in world.decls[n].shape
             for s in world.scalar_expr(m).free_symbols}
    conditions = _conditions(world, task)
    if isinstance(conditions, Verdict):
        return conditions
    far = any(_FAR.search(m.text) for m in (task.a, task.b) if m is not None)
    for sizes in _size_sets(world.size_names, world.widest) + past:
        probe = Env("explicit", dict(sizes))
        for name in sorted(used & set(world.decls)):
            dims = tuple(int(d) if isinstance(d, sp.Integer) else d        # `shape: [n, 4]`
                         for d in world.shape(name, probe))
            if not all(isinstance(d, int) and 1 <= d <= MAX_SIZE for d in dims):
                return Verdict("unknown", f"`{name}` has the shape {'×'.join(map(str, dims))} "
                               f"here: instances are built for sizes from 1 to {MAX_SIZE}",
                               "matrix-instances")
        for _ in range(POINTS_PER_SIZE):
            for _attempt in range(CASE_ATTEMPTS if conditions else 1):
                env = Env("explicit", dict(sizes), layout=world.spec.layout)
                point, late = _point(world, env, variables, rng, used)
                if _holds(conditions, late, point, rng):
                    break
            else:
                continue                # no instance in the case at these sizes
            values = {}
            for side, math in sides:
                try:
                    values[side] = world.read(trees[side], _side_env(env, trees[side], late),
                                              math.text, math.line)
                except InputError as exc:
                    return Verdict("error", exc.describe(), error_side=side)
                except (ZeroDivisionError, ValueError):    # a singular instance
                    values = None
                    break
            if values is None or task.kind == "read":
                if task.kind == "read":
                    return 0, ""
                continue
            values = {side: _with_entries(value, env) for side, value in values.items()}
            _fill(values, late, point, rng)
            left, right = (_at(values[s], late) for s in ("a", "b"))
            if left is None or right is None:
                continue
            if _shape(left) != _shape(right):
                return Verdict("failed", f"the two sides differ in shape at "
                               f"{_sizes_shown(sizes)}: {_shape_text(left)} and "
                               f"{_shape_text(right)}", "matrix-shape",
                               evidence=_evidence(sizes, point, left, right, used))
            close = _close(left, right)
            if close is None:
                continue
            if not close:
                return Verdict("failed", f"not equal at {_sizes_shown(sizes)} with random entries",
                               "matrix-instance",
                               evidence=_evidence(sizes, point, left, right, used))
            if count < CERTIFIED_INSTANCES and far:
                gap = _certified_gap(left, right)
                if gap is not None:
                    return Verdict("failed", f"not equal at {_sizes_shown(sizes)} with random "
                                   f"entries: the sides differ by {gap} there (15 digits, "
                                   "certain), below the tolerance they are compared at",
                                   "matrix-certified",
                                   evidence=_evidence(sizes, point, left, right, used))
            count += 1
        seen.append(_sizes_shown(sizes))
    if count < 3:
        return Verdict("unknown", f"only {count} instances could be evaluated", "matrix-instances")
    return count, "; ".join(dict.fromkeys(seen))


_TESTS = {"EQ": lambda d: d == 0, "NEQ": lambda d: d != 0, "LT": lambda d: d < 0,
          "GT": lambda d: d > 0, "LE": lambda d: d <= 0, "GE": lambda d: d >= 0}


def _conditions(world: World, task):
    """The case's conditions (`when: \\lambda > 0`, `\\gamma = i`) on scalars, read
    by the scalar reader: (left, operator, right); an instance is drawn until
    they hold, an equality with a letter on one side gives that letter its value."""
    found = []
    for math in task.when:
        try:
            tree = parse(math.text, "relation", math.line)
        except InputError as exc:
            return Verdict("error", exc.describe(), error_side="scope")
        if len(tree.children) != 3:
            return Verdict("error", InputError(chain_refusal(math.text), math.line).describe(),
                           error_side="scope")
        left, op, right = tree.children
        if any(uses_objects(side, objects_of(world.symscope)) for side in (left, right)):
            return Verdict("unknown", f"line {math.line}: a case's condition on vectors or "
                           "matrices as a whole is not read; state it on numbers or elements",
                           "matrix-case")
        sides = []
        for side in (left, right):
            text = math.text[side.meta.start_pos:side.meta.end_pos] if not side.meta.empty \
                else str(side)
            sides.append(world.scalar_expr(Math(text, math.line)))
        found.append((sides[0], op.children[0].type, sides[1]))
    return found


def _holds(conditions, late: dict, point: dict, rng: random.Random) -> bool:
    for left, op, right in conditions:
        for symbol in sorted((left.free_symbols | right.free_symbols) - set(late), key=str):
            late[symbol] = sp.Rational(rng.randint(1, 9), rng.randint(1, 4)) \
                * (1 if symbol.is_nonnegative or rng.random() < 0.5 else -1)
            point[str(symbol)] = sp.sstr(late[symbol])
        if op == "EQ" and isinstance(left, sp.Symbol) and left in late:
            late[left] = right.xreplace(late)
            point[str(left)] = sp.sstr(late[left])
        elif op == "EQ" and isinstance(right, sp.Symbol) and right in late:
            late[right] = left.xreplace(late)
            point[str(right)] = sp.sstr(late[right])
    for left, op, right in conditions:
        difference = sp.N((left - right).xreplace(late), 30)
        if not difference.is_real or not _TESTS[op](difference):
            return False
    return True


def _side_env(env: Env, tree, late: dict) -> Env:
    """The instance for one side: a variable this side does not differentiate
    by is its entries' values, not their symbols (`-\\det(X^{-1}) X^{-\\top}`
    beside `\\frac{\\partial}{\\partial X} \\det(X^{-1})` is a number matrix)."""
    moving = _derivative_variables(tree)
    still = {n: v.xreplace(late) for n, v in env.objects.items()
             if n not in moving and isinstance(v, sp.MatrixBase) and v.free_symbols & set(late)}
    if not still:
        return env
    return dataclasses.replace(env, objects={**env.objects, **still})


def _with_entries(value, env: Env):
    """Sums written out at the instance's sizes, and the elements the scalar
    reader read (`\\sum_j x_j^2`: x[1], x[2]) as the instance's entries."""
    if not isinstance(value, (sp.Basic, sp.MatrixBase)):
        return value
    letters = {s: sp.Integer(env.indices[s.name]) for s in value.free_symbols
               if isinstance(s, sp.Symbol) and s.name in env.indices}
    if letters:         # `\sum_j G_{a,j} K_{j,b}` read by the scalar reader: a, b at the instance's
        value = value.xreplace(letters)      # values, as `(G K)_{a,b}` beside it reads them
    try:
        if value.has(sp.Sum, sp.Product):
            value = value.applyfunc(_written_out) if isinstance(value, sp.MatrixBase) \
                else _written_out(value)
        value = value.doit()
    except (TypeError, ValueError, NotImplementedError):
        return value

    def entry(element):
        obj = env.objects[str(element.base.label)]
        at = list(element.indices) + ([sp.Integer(1)] if len(element.indices) == 1 else [])
        if len(at) != 2 or not all(getattr(k, "is_Integer", False) for k in at):
            return element
        i, j = int(at[0]) - 1, int(at[1]) - 1
        if not (0 <= i < obj.shape[0] and 0 <= j < obj.shape[1]):
            raise InputError(f"`{element}`: the index is outside the shape "
                             f"{obj.shape[0]}×{obj.shape[1]}")
        return obj[i, j]
    return value.replace(lambda e: isinstance(e, sp.Indexed)
                         and str(e.base.label) in env.objects, entry)


def _written_out(expr):
    r"""Sums and products with whole-number bounds written out term by term,
    the outermost first, so that an inner bound that names the outer index
    (`\sum_{i=1}^{2} \sum_{j=i+1}^{2} (x_i y_j - x_j y_i)^2`) is a number when
    the inner sum is written: SymPy's `doit` summed the inner one in closed form
    over j, and x_j was then drawn as a number of its own."""
    if isinstance(expr, (sp.Sum, sp.Product)):
        body, *limits = expr.args
        var, low, high = limits[-1]
        if low.is_Integer and high.is_Integer and int(high) - int(low) < 4096:
            inner = expr.func(body, *limits[:-1]) if len(limits) > 1 else body
            terms = [_written_out(inner.xreplace({var: sp.Integer(k)}))
                     for k in range(int(low), int(high) + 1)]
            return (sp.Add if isinstance(expr, sp.Sum) else sp.Mul)(*terms)
        return expr
    if not isinstance(expr, sp.Basic) or not expr.args or not expr.has(sp.Sum, sp.Product):
        return expr
    return expr.func(*[_written_out(arg) for arg in expr.args])


def _subscript_letters(trees: dict, world: World) -> set[str]:
    """Single letters in the subscripts of objects (`x_i`, `W_{i,j}`, `(…)_{i,j}`)."""
    letters = set()
    for tree in trees.values():
        for node in tree.iter_subtrees():
            if node.data == "symbol" and len(node.children) > 1 \
                    and is_a(node.children[-1], "subscript"):
                try:
                    if tree_name(node.children[0]) not in world.decls:
                        continue
                except InputError:
                    continue
            elif node.data != "group_sub":
                continue
            subscript = node.children[-1]
            for leaf in subscript.scan_values(lambda v: isinstance(v, lark.Token)):
                if leaf.type in ("LETTER", "GREEK"):
                    letters.add(tree_name(lark.Tree("name", [leaf])))
        letters -= bound_letters(tree)
    return letters


def _derivative_variables(tree) -> set[str]:
    names = set()
    for node in tree.iter_subtrees():
        if node.data == "nabla_var":
            child = node.children[0].children[0]
            names.add(token_name(child) if isinstance(child, lark.Token)
                      else tree_name(child.children[0]))
        elif node.data == "dvar":
            names.add(tree_name(node.children[0].children[0]))
        elif node.data == "frac" and len(node.children) == 3:
            bottom = unwrap(node.children[2])
            if is_a(bottom, "implicit") and len(bottom.children) == 2 \
                    and is_a(bottom.children[0], "partial") and is_a(bottom.children[1], "symbol"):
                names.add(tree_name(bottom.children[1].children[0]))
    return names


def _point(world: World, env: Env, variables: set[str], rng: random.Random, used: set[str]):
    """Random values for every object and scalar; derivative variables get
    entry symbols (their values go in after differentiating: `late`)."""
    point: dict[str, str] = {}
    late: dict[sp.Symbol, sp.Expr] = {}
    low = min([2 ** 30] + [v for v in env.sizes.values() if isinstance(v, int)])
    for name in sorted(_index_letters(world)):
        env.indices[name] = rng.randint(1, low)
        point[name] = str(env.indices[name])
    for name, decl in sorted(world.decls.items()):
        rows, cols = world.shape(name, env)
        values = _random_matrix(rows, cols, decl.properties, rng)
        if name in used:
            point[name] = _matrix_text(values)
        if name in variables:
            entries = sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}[{i},{j}]"))
            late.update({entries[i, j]: values[i, j] for i in range(rows) for j in range(cols)})
            env.values.update({entries[i, j]: values[i, j] for i in range(rows)
                               for j in range(cols)})
            env.objects[name] = entries
        else:
            env.objects[name] = values
    for symbol in _scalars(world):
        flags = world.symscope.flags.get(symbol.name, {})
        value = sp.Rational(rng.randint(1, 9), rng.randint(1, 4))
        if not (flags.get("positive") or flags.get("nonnegative")) and rng.random() < 0.5:
            value = -value
        late[symbol] = value
        if symbol.name in used:
            point[symbol.name] = sp.sstr(value)
    return point, late


def _index_letters(world: World) -> set[str]:
    """Letters that index vectors or matrices in this step (set by `_instances`)."""
    return getattr(world, "index_letters", set())


def _scalars(world: World) -> list[sp.Symbol]:
    """The scalar symbols of the scope (declared or used): random values for all."""
    found = set()
    for name, kind in world.symscope.kinds.items():
        if kind == "scalar" and name not in world.size_names:
            try:
                obj = world.symscope.symbol(name)
            except InputError:
                continue
            if isinstance(obj, sp.Symbol):
                found.add(obj)
    return sorted(found, key=str)


def _random_matrix(rows: int, cols: int, properties: tuple, rng: random.Random) -> sp.Matrix:
    entry = lambda: sp.Rational(rng.randint(-9, 9), rng.randint(1, 4))  # noqa: E731
    values = sp.Matrix(rows, cols, lambda i, j: entry())
    if "positive_definite" in properties:
        return values * values.T + sp.eye(rows)
    if "symmetric" in properties:
        return (values + values.T) / 2
    return values


def _fill(values: dict, late: dict, point: dict, rng: random.Random) -> None:
    """Random values for the symbols still free on either side (undeclared
    scalars), the same on both."""
    free = set()
    for value in values.values():
        if isinstance(value, (sp.Basic, sp.MatrixBase)):
            free |= {s for s in value.free_symbols if s not in late}
    for symbol in sorted(free, key=str):
        late[symbol] = sp.Rational(rng.randint(1, 9), rng.randint(1, 4)) \
            * (1 if symbol.is_nonnegative or rng.random() < 0.5 else -1)
        point[str(symbol)] = sp.sstr(late[symbol])


def _at(value, late: dict):
    """The value with every symbol given its value."""
    if not isinstance(value, (sp.Basic, sp.MatrixBase)):
        return sp.Integer(value)
    try:
        return value.xreplace(late).doit()
    except ZeroDivisionError:
        return None


def _shape(value) -> tuple:
    return tuple(value.shape) if isinstance(value, sp.MatrixBase) else (1, 1)


def _shape_text(value) -> str:
    return "×".join(map(str, _shape(value)))


def _entries(value) -> list:
    return list(value) if isinstance(value, sp.MatrixBase) else [value]


def _close(left, right) -> bool | None:
    """Whether the two values agree entry by entry; None where an entry is not
    a number SymPy can compare (a sum it left undone inside |·|): the instance
    then does not count, it never fails the step."""
    for a, b in zip(_entries(left), _entries(right)):
        if a == b and isinstance(a, sp.Rational):
            continue        # one exact number: at 30 digits, the same Float twice
        x, y = (_at_30(e) for e in (a, b))
        if not (x.is_Number and y.is_Number) and not (x.is_number and y.is_number):
            return None
        if x.has(sp.nan, sp.zoo) or y.has(sp.nan, sp.zoo):
            continue
        try:
            scale = max(sp.Float(1), abs(x), abs(y))
            if bool(abs(x - y) > TOLERANCE * scale):
                return False
        except TypeError:
            return None
    return True


# An entry's value at 30 digits, kept by the entry: the same entry comes again
# (a side read at the same instance in the next comparison, or both sides the
# same expression), and evalf of `1/(1 + e^{-7/4})` is most of _close's work.
_numeric = Kept(4096)


def _at_30(entry):
    def value():
        return sp.N(entry.doit() if isinstance(entry, sp.Basic) and entry.has(sp.Sum, sp.Product)
                    else entry, 30)
    if not isinstance(entry, sp.Basic):
        return value()
    return _numeric.get(entry, value)


CERTIFIED_INSTANCES = 2        # instances where a tiny difference is computed to certain digits
# (in a step that writes a constant past 10^{±10}: entries are rationals of a few
# digits, so only such a constant hides a difference below the tolerance)
_FAR = re.compile(r"10\s*\^\s*\{?\s*-?\s*[1-9][0-9]|[0-9]{11}|e\s*\^\s*\{\s*-?\s*[0-9]{2}")
CERTIFIED_ENTRIES = 4


def _certified_gap(left, right) -> str | None:
    r"""A difference below the tolerance that keeps its digits at two precisions
    far apart (sampling.certain_difference): `|\det A|` against
    `\sqrt{\det(A^\top A + 10^{-30} I)}` differ by 10⁻³⁰ of their size.  Exact
    entries that are equal give 0 at once; a true step's rounding noise does
    not keep its digits, and nothing is said."""
    from derive_ce.decide.sampling import certain_difference
    tried = 0
    for a, b in zip(_entries(left), _entries(right)):
        diff = a - b
        if not isinstance(diff, sp.Basic) or diff == 0 or diff.free_symbols:
            continue
        tried += 1
        if tried > CERTIFIED_ENTRIES:
            return None
        found = certain_difference(diff)
        if found is not None:
            return sp.sstr(sp.Float(found, 15))
    return None


def _matrix_text(value) -> str:
    if not isinstance(value, sp.MatrixBase):
        return _number_text(value)
    rows = ["[" + ", ".join(_number_text(e) for e in value.row(i)) + "]"
            for i in range(value.rows)]
    return "[" + ", ".join(rows) + "]"


def _number_text(value) -> str:
    value = sp.nsimplify(value) if isinstance(value, sp.Float) else value
    if isinstance(value, sp.Rational):
        return sp.sstr(value)
    return sp.sstr(sp.N(value, 8))


def _sizes_shown(sizes: dict[str, int]) -> str:
    return ", ".join(f"{n} = {v}" for n, v in sizes.items()) or "the declared sizes"


def _evidence(sizes, point, left, right, used) -> dict:
    return {"point": {**{n: str(v) for n, v in sizes.items() if n in used}, **point},
            "left": _matrix_text(left), "right": _matrix_text(right)}

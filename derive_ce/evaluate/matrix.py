"""The second reading of a step that uses vectors or matrices as a whole.

Both sides are evaluated from the parse tree at concrete sizes with random
entries (exact fractions; symmetric, or symmetric positive definite, where
declared), as plain matrices (evaluate/linalg.py): products, transposes,
inverses and determinants by elimination, traces, norms, `\\odot`,
`\\otimes`, functions entry by entry, and gradients, Jacobians and Hessians
by central differences on each entry of the variable, in the file's layout.
The parts of a step without a vector or matrix in them are read by the
scalar evaluator (evaluate/latex.py); an element (`x_i`, `W_{i,j}`) is the
same number in both.  Nothing here comes from decide/ or SymPy: the
verdicts of decide/matrices.py count only where this reading agrees.
"""

from __future__ import annotations

import random
import zlib
from fractions import Fraction

import lark
import mpmath

from derive_ce.errors import InputError
from derive_ce.evaluate import linalg
from derive_ce.evaluate import numbers as num
from derive_ce.evaluate.check import CONFIRM, DIGITS, MIN_AGREE, Outcome, _close, _pair
from derive_ce.evaluate.latex import Compiler, compile_relation
from derive_ce.evaluate.linalg import Mat
from derive_ce.evaluate.numbers import NotDifferentiable, Undefined, Unsupported
from derive_ce.evaluate.runtime import Env, derivative
from derive_ce.evaluate.scope import Scope
from derive_ce.read import names
from derive_ce.read.latex.parser import parse
from derive_ce.read.latex.shape import (function_name, is_a, items_of, largest_integer,
                                        transpose_kind, turning_names, unwrap)
from derive_ce.read.shapes import bound_letters, object_names, uses_objects

MAX_SIZE = 12          # a declared size beyond it is not instantiated
WANTED = 3             # instances at different sizes that must agree (fewer: `unchecked`)
ATTEMPTS = 4           # instances tried per size set (a singular draw is drawn again)
_MISSING = object()


def cross_check(task) -> Outcome:
    """Evaluate task.a and task.b (document.Math) as matrix expressions under
    task.when; an error of the evaluator itself is `unchecked`, with its name."""
    try:
        return MatrixCheck(task.scope).compare(task.a, task.b, tuple(task.when))
    except Unsupported as exc:
        return Outcome("unchecked", reason=str(exc))
    except (InputError, lark.exceptions.LarkError):
        return Outcome("unchecked", reason="the evaluator cannot read this step")
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError,
            OverflowError, RecursionError) as exc:
        return Outcome("unchecked", reason=f"the evaluator failed ({type(exc).__name__}: {exc})")


# -- the instance: sizes, entries, scalars ------------------------------------

class MatrixInstance:
    """The values of one instance, in the keys the scalar evaluator reads:
    ("r", name, (i, j)) an entry (from 1), ("r", name, ()) a scalar,
    ("n", name) a size or an index letter.  Drawn from a seed, lazily for
    scalars, whole for each declared object."""

    def __init__(self, scope: Scope, shapes: dict, sizes: dict, properties: dict,
                 seed: str, indices: set[str], ranges: dict | None = None):
        ranges = ranges or {}
        self.scope = scope
        self.seed = seed
        self.sizes = dict(sizes)
        self.fixed: dict = {}
        self.drawn: dict = {}
        self.reads = None
        self.shown = None
        self.dims = {name: shape(self.sizes) for name, shape in shapes.items()}
        for name, (rows, cols) in self.dims.items():
            if not (1 <= rows <= MAX_SIZE and 1 <= cols <= MAX_SIZE):
                raise Unsupported(f"`{name}` is {rows}×{cols} here: instances are built for "
                                  f"sizes from 1 to {MAX_SIZE}")
            values = _entries(self._rng(("object", name)), rows, cols, properties.get(name, ()))
            for i in range(rows):
                for j in range(cols):
                    self.drawn[("r", name, (i + 1,) if cols == 1 and _vector(name, scope)
                                else (i + 1, j + 1))] = values[i][j]
        smallest = min([MAX_SIZE] + [d for dims in self.dims.values() for d in dims])
        taken: set[int] = set()
        for letter in sorted(indices):     # in its declared range, apart from the others
            if letter in self.sizes:
                continue
            low, high = ranges.get(letter, (1, smallest))
            if low > high:
                raise Undefined(f"the range of `{letter}` is empty")
            rng = self._rng(("index", letter))
            free = [v for v in range(low, high + 1) if v not in taken]
            value = rng.choice(free) if free else rng.randint(low, high)
            taken.add(value)
            self.drawn[("n", letter)] = value

    def _rng(self, key) -> random.Random:
        return random.Random(zlib.crc32(f"{self.seed}|{key!r}".encode()))

    def real(self, key):
        if self.reads is not None:
            self.reads.append(key)
        if key in self.fixed:
            return self.fixed[key]
        if key not in self.drawn:
            if key[1] in self.dims:
                raise Unsupported(f"`{key[1]}` has no element {key[2]} at the shape "
                                  f"{linalg.shown(self.dims[key[1]])}")
            rng = self._rng(key)
            value = Fraction(rng.randint(1, 40), rng.randint(1, 9))
            if self.scope.sign(key[1]) not in ("positive", "nonnegative") and rng.random() < 0.5:
                value = -value
            self.drawn[key] = num.normal(value)
        return self.drawn[key]

    def size(self, name: str) -> int:
        key = ("n", name)
        if key in self.fixed:
            return self.fixed[key]
        if name in self.sizes:
            return self.sizes[name]
        if key not in self.drawn:
            rng = self._rng(key)
            self.drawn[key] = rng.randint(1, 6)
        return self.drawn[key]

    def index(self, name: str, env) -> int:
        return self.size(name)

    def fix(self, key, value) -> None:
        if key[0] == "n":
            value = num.whole(value)
        elif key[0] == "r":
            sign = self.scope.sign(key[1])
            if (sign == "positive" and num.compare(value, 0) <= 0) or \
                    (sign == "nonnegative" and num.compare(value, 0) < 0):
                raise Undefined("a condition against a declared sign")
        self.fixed[key] = value

    def point(self, used: set[str]) -> dict:
        """What a counterexample shows: the sizes, every object's entries, the scalars."""
        shown = {n: str(v) for n, v in self.sizes.items() if n in used}
        values = {**self.drawn, **self.fixed}
        for name, (rows, cols) in sorted(self.dims.items()):
            if name not in used:
                continue
            vector = cols == 1 and _vector(name, self.scope)
            rows_text = ["[" + ", ".join(_text(values[("r", name, (i + 1,) if vector else
                                                        (i + 1, j + 1))]) for j in range(cols)) + "]"
                         for i in range(rows)]
            shown[name] = "[" + ", ".join(rows_text) + "]"
        for key, value in sorted(values.items(), key=lambda kv: repr(kv[0])):
            if key[0] == "r" and not key[2] and key[1] in used:
                shown[key[1]] = _text(value)
            elif key[0] == "n" and key[1] in used and key[1] not in shown:
                shown[key[1]] = str(value)
        return shown


def _vector(name: str, scope: Scope) -> bool:
    return scope.kind(name) == "vector"


def _entries(rng: random.Random, rows: int, cols: int, properties) -> list[list]:
    def entry():
        return Fraction(rng.randint(-30, 30), rng.randint(1, 8))
    values = [[entry() for _ in range(cols)] for _ in range(rows)]
    if "positive_definite" in properties:          # B Bᵀ + I
        return [[num.normal(sum((values[i][k] * values[j][k] for k in range(cols)), Fraction(0))
                            + (1 if i == j else 0)) for j in range(rows)] for i in range(rows)]
    if "symmetric" in properties:
        return [[num.normal((values[i][j] + values[j][i]) / 2) for j in range(cols)]
                for i in range(rows)]
    return [[num.normal(v) for v in row] for row in values]


def _text(value) -> str:
    if num.exact(value):
        return str(value)
    return mpmath.nstr(num.real(value), 12)


# -- the check ----------------------------------------------------------------------

class MatrixCheck:
    def __init__(self, spec):
        self.spec = spec
        self.scope = Scope(spec)
        self.layout = getattr(spec, "layout", "denominator")
        self.objects = object_names(spec, parse)
        if not self.scope.declared("I"):
            self.objects = self.objects | {"I"}
        self.shapes, self.properties, size_names = {}, {}, set()
        for decl in spec.symbols:
            if decl.kind not in ("vector", "matrix") or not decl.shape:
                continue
            trees = [_one(parse(m.text, "chain", m.line)) for m in decl.shape]
            letters = set().union(*(_letters(t) for t in trees))
            size_names |= letters
            for name in decl.names:
                self.shapes[name] = self._shape(trees, decl.kind == "vector", frozenset(letters))
                self.properties[name] = tuple(decl.properties)
        self.size_names = sorted(size_names)
        self.widest = largest_integer([m.text for decl in spec.symbols if decl.kind in
                                       ("vector", "matrix") for m in decl.shape or ()])
        self.seed = zlib.crc32(repr(spec).encode())

    def _shape(self, trees, vector: bool, letters: frozenset):
        compiled = [Compiler(self.scope, letters, frozenset()).c(t) for t in trees]

        def shape(sizes):
            env = Env(_Sizes(sizes))
            dims = [num.whole(c(env)) for c in compiled]
            return (dims[0], 1) if vector else (dims[0], dims[1])
        return shape

    def size_sets(self) -> list[dict]:
        """Each size its own value, ascending then descending, all 1 (a slip that
        shows only for 1×1 objects), past a written dimension, then drawn from
        1 to 4 (the later ones are tried while fewer than WANTED agree)."""
        names_ = self.size_names
        rng = random.Random(self.seed)
        past = self._past_widest()
        return [{n: 2 + k for k, n in enumerate(names_)},
                {n: 1 + len(names_) - k + (1 if len(names_) == 1 else 0)
                 for k, n in enumerate(names_)},
                {n: 1 for n in names_}] + past \
            + [{n: rng.randint(1, 4) for n in names_} for _ in range(4)]

    def _past_widest(self) -> list[dict]:
        """Past a written dimension (X of shape n×4: X^T X is singular below 4)."""
        if self.size_names and 4 <= self.widest < MAX_SIZE:
            return [{n: self.widest + 1 for n in self.size_names}]
        return []

    def fixed_sets(self) -> int:
        """How many of size_sets() are always tried (the rest only while needed)."""
        return 3 + len(self._past_widest())

    def _past_constants(self, inside: set, maths) -> list[dict] | Outcome:
        r"""Sizes past every integer the step writes, first, where it reads a
        size inside a function that turns (`inside`: `(-1)^{\lfloor n/13 \rfloor}`);
        `unchecked` where they would pass MAX_SIZE."""
        texts = [m.text for m in maths]
        scalar = sorted(inside & set(self.size_names))
        if not scalar:
            return []
        largest = largest_integer(texts)
        if largest < 4:
            return []
        if largest + 1 > MAX_SIZE:
            return Outcome("unchecked", reason=f"`{scalar[0]}` is a size and a number here, "
                           f"beside the constant {largest}: instances past it are beyond the "
                           f"sizes built (1 to {MAX_SIZE})")
        return [{n: largest + 1 for n in self.size_names}]

    def compare(self, a, b, when: tuple) -> Outcome:
        if a.syntax != "latex" or b.syntax != "latex":
            return Outcome("unchecked", reason="an `expr:` step is not read as matrices")
        try:
            trees = [_one(parse(m.text, "chain", m.line)) for m in (a, b)]
        except (InputError, lark.exceptions.LarkError):
            return Outcome("unchecked", reason="the evaluator cannot read this step")
        letters = set()
        for tree in trees:
            letters |= _index_letters(tree, self.objects)
        ints = frozenset(letters | set(self.size_names))
        reader = Reader(self, ints)
        try:
            conditions = [compile_relation(m.text, self.scope, ints, m.line) for m in when]
        except (Unsupported, InputError, lark.exceptions.LarkError) as exc:
            return Outcome("unchecked", reason=f"the case's condition is not read ({exc})")
        named = set().union(*(_names(tree) for tree in trees))
        bodies = {name: _one(parse(self.scope.values[name].body.text, "chain", 0))
                  for name in named if name in self.scope.values
                  and self.scope.values[name].body.syntax == "latex"}
        inside = set().union(*(turning_names(tree) for tree in trees))
        # a definition read inside a turning function brings its names, and one
        # read elsewhere the names inside its own turning functions
        inside |= {n for name, body in bodies.items()
                   for n in (_names(body) if name in inside else turning_names(body))}
        named |= {n for body in bodies.values() for n in _names(body)}
        used = set(self.size_names) | letters | named
        past = self._past_constants(inside, [a, b, *when])
        if isinstance(past, Outcome):
            return past
        agreed, skipped, fixed = 0, [], self.fixed_sets()
        for number, sizes in enumerate(past + self.size_sets()):
            if number >= fixed + len(past) and agreed >= WANTED:
                break
            for attempt in range(ATTEMPTS):
                try:
                    inst = self._instance(sizes, f"{number}|{attempt}", letters, conditions)
                except Unsupported as exc:
                    return Outcome("unchecked", reason=str(exc))
                if isinstance(inst, str):
                    skipped.append(inst)
                    continue
                try:
                    found = self._at(reader, trees, inst)
                except NotDifferentiable as exc:
                    return Outcome("kink", reason=f"not differentiable in {exc.variable}",
                                   point=inst.point(used))
                except Undefined as exc:
                    skipped.append(f"undefined there ({exc})")
                    continue
                except Unsupported as exc:
                    if set(sizes.values()) == {1}:      # 1×1: a `\mathbf{1}` sized by nothing
                        skipped.append(str(exc))
                        break
                    return Outcome("unchecked", reason=str(exc))
                if found is not None:
                    return Outcome("differ", point=inst.point(used), left=found[0],
                                   right=found[1])
                agreed += 1
                break
        if agreed >= max(MIN_AGREE, WANTED):
            return Outcome("agree", agreed)
        return Outcome("unchecked", agreed, reason=f"only {agreed} instances could be evaluated"
                       + (f": {skipped[0]}" if skipped else ""))

    def _instance(self, sizes, salt, letters, conditions):
        ranges = self._ranges(sizes, letters)

        def make(attempt):
            return MatrixInstance(self.scope, self.shapes, sizes, self.properties,
                                  f"{self.seed}|{salt}|{attempt}", letters, ranges)
        if not conditions:
            return make(0)
        from derive_ce.evaluate.instances import shaped
        with mpmath.workdps(DIGITS):
            inst, why = shaped(make, conditions)
        return inst if inst is not None else why

    def _ranges(self, sizes: dict, letters: set[str]) -> dict:
        """Declared index ranges at these sizes: letter -> (low, high)."""
        found = {}
        for letter in letters:
            if letter not in self.scope.ranges:
                continue
            env = Env(_Sizes(sizes))
            bounds = []
            for math in self.scope.ranges[letter]:
                tree = _one(parse(math.text, "chain", math.line))
                compiled = Compiler(self.scope, frozenset(_letters(tree)), frozenset()).c(tree)
                bounds.append(num.whole(compiled(env)))
            found[letter] = tuple(bounds)
        return found

    def _at(self, reader, trees, inst):
        """None where both sides agree at the instance, else (left, right) as shown."""
        values = []
        for digits in (DIGITS, CONFIRM):
            with mpmath.workdps(digits):
                sides = []
                for tree in trees:
                    env = Env(inst)
                    sides.append((_plain(reader.value(tree, env)), env.work[1]))
            (left, lscale), (right, rscale) = sides
            if _shape(left) != _shape(right):
                return (f"a {linalg.shown(_shape(left))} value",
                        f"a {linalg.shown(_shape(right))} value")
            values.append(sides)
            pairs = zip(_flat(left), _flat(right))
            if all(_close((x, max(num.real(lscale), abs(num.real(x)))),
                          (y, max(num.real(rscale), abs(num.real(y)))), digits)
                   for x, y in pairs):
                return None
            if all(num.exact(v) for v in _flat(left) + _flat(right)):
                break                      # exact values that differ: no rounding to rule out
        (left, _), (right, _) = values[-1]
        with mpmath.workdps(CONFIRM):
            if _shape(left) is None:
                return _pair(left, right)
            return _matrix_text(left), _matrix_text(right)


class _Sizes:
    """An instance for reading a declared shape: only sizes."""

    def __init__(self, sizes):
        self.sizes = sizes

    def size(self, name):
        if name not in self.sizes:
            raise Unsupported(f"the size `{name}` has no value")
        return self.sizes[name]

    def real(self, key):
        raise Unsupported(f"a shape that uses `{key[1]}`, which is not a size")

    def index(self, name, env):
        return self.size(name)


def _plain(value):
    if isinstance(value, _Deferred):
        raise Unsupported(f"{value.what} without a size, alone")
    if isinstance(value, Mat) and value.shape == (1, 1):
        return value.data[0][0]
    return value


def _shape(value):
    return value.shape if isinstance(value, Mat) else None


def _flat(value) -> list:
    return value.entries() if isinstance(value, Mat) else [value]


def _matrix_text(value: Mat) -> str:
    return "[" + ", ".join("[" + ", ".join(_text(e) for e in row) + "]"
                           for row in value.data) + "]"


def _one(tree):
    exprs = [c for c in tree.children if isinstance(c, lark.Tree)]
    if len(exprs) != 1:
        raise Unsupported("a chain where one expression was expected")
    return exprs[0]


def _letters(tree) -> set[str]:
    found = set()
    for node in tree.iter_subtrees():
        if node.data == "symbol" and len(node.children) == 1:
            try:
                found.add(names.tree_name(node.children[0]))
            except InputError:
                continue
    return found


def _names(tree) -> set[str]:
    found = set()
    for node in tree.iter_subtrees():
        if node.data in ("symbol", "styled") or (node.data == "name" and node.children):
            try:
                found.add(names.tree_name(node.children[0] if node.data == "symbol" else node))
            except (InputError, AttributeError, IndexError):
                continue
    return found


def _index_letters(tree, objects: set[str]) -> set[str]:
    """Letters in the subscripts of objects and of bracketed products."""
    found = set()
    for node in tree.iter_subtrees():
        subscript = None
        if node.data == "symbol" and len(node.children) > 1 and is_a(node.children[-1], "subscript"):
            try:
                if names.tree_name(node.children[0]) in objects:
                    subscript = node.children[-1]
            except InputError:
                continue
        elif node.data == "group_sub":
            subscript = node.children[-1]
        if subscript is None:
            continue
        for leaf in subscript.scan_values(lambda v: isinstance(v, lark.Token)):
            if leaf.type in ("LETTER", "GREEK"):
                found.add(names.token_name(leaf))
    return found - bound_letters(tree)


# -- the reading ------------------------------------------------------------------

class _Deferred:
    """`I` or `\\mathbf{1}` without a size: it takes the size of what it
    multiplies or is added to.  `row`: the transpose of the ones vector."""

    def __init__(self, what: str, factor=1, row: bool = False):
        self.what, self.factor, self.row = what, factor, row

    def sized(self, rows: int, cols: int) -> Mat:
        if self.what == "I":
            return linalg.scale(linalg.identity(rows), self.factor)
        return linalg.scale(linalg.ones(rows, cols), self.factor)


class Reader:
    """Parse tree -> number or Mat, at one instance (an Env over a MatrixInstance)."""

    def __init__(self, check: MatrixCheck, ints: frozenset):
        self.check = check
        self.scope = check.scope
        self.ints = ints
        self.compiler = Compiler(self.scope, ints, frozenset())
        self._compiled: dict = {}
        self._objects: dict = {}
        self._bodies: dict = {}
        self._bound: dict = {}      # a sum's body: a reader with its letter bound

    def bound(self, letter: str) -> "Reader":
        """A reader of a sum's body: the same instance, `letter` read from env.loc."""
        if letter not in self._bound:
            inner = Reader.__new__(Reader)
            inner.check, inner.scope, inner.ints = self.check, self.scope, self.ints
            inner.compiler = self.compiler.inner(letter)
            inner._compiled, inner._objects, inner._bodies, inner._bound = {}, self._objects, \
                self._bodies, {}
            self._bound[letter] = inner
        return self._bound[letter]

    # -- dispatch -----------------------------------------------------------------
    def value(self, node, env):
        if isinstance(node, lark.Token):
            if node.type in ("LETTER", "GREEK", "TEXTNAME", "NAMED"):
                return self.named(names.token_name(node), env)
            return self.scalar(node, env)
        if not self.has_objects(node):
            return self.scalar(node, env)
        method = getattr(self, f"r_{node.data}", None)
        if method is None:
            raise Unsupported(f"`{node.data}` in a step with vectors or matrices")
        return method(node, env, *node.children)

    def has_objects(self, node) -> bool:
        key = id(node)          # the node is kept with its entry, so its id is not reused
        if key not in self._objects:
            self._objects[key] = node, (node.data in ("hadamard", "norm", "napply", "mfunc", "ones",
                                                "group_sub", "kron")
                                  or uses_objects(node, self.check.objects)
                                  or ("I" in self.check.objects and any(
                                      _base_name(s) == "I" for s in node.find_data("symbol"))))
        return self._objects[key][1]

    def scalar(self, node, env):
        key = id(node)
        if key not in self._compiled:
            self._compiled[key] = node, self.compiler.c(node)
        return self._compiled[key][1](env)

    def named(self, name: str, env):
        if name in self.check.shapes:
            memo = ("mo", name)
            if memo not in env.memo:
                env.memo[memo] = self.entries(name, env)
            return env.memo[memo]
        if name in self.scope.values and name in self.check.objects:
            memo = ("md", name)
            if memo not in env.memo:
                definition = self.scope.values[name]
                if definition.body.syntax != "latex":
                    raise Unsupported(f"`{name}` defined with `expr:`")
                if name not in self._bodies:
                    self._bodies[name] = _one(parse(definition.body.text, "chain",
                                                    definition.line))
                env.memo[memo] = None
                env.memo[memo] = self.value(self._bodies[name], env.fresh({}))
            if env.memo[memo] is None:
                raise Unsupported(f"`{name}` is defined in terms of itself")
            return env.memo[memo]
        if name == "I" and not self.scope.declared("I"):
            return _Deferred("I")
        if self.scope.kind(name) in ("vector", "matrix"):
            raise Unsupported(f"`{name}` is a {self.scope.kind(name)} without a size")
        return self.compiler.named(name)(env)

    def entries(self, name: str, env) -> Mat:
        rows, cols = env.inst.dims[name]
        vector = cols == 1 and _vector(name, self.scope)
        data = []
        for i in range(rows):
            row = []
            for j in range(cols):
                key = ("r", name, (i + 1,) if vector else (i + 1, j + 1))
                found = env.over.get(key, _MISSING)
                row.append(env.inst.real(key) if found is _MISSING else found)
            data.append(row)
        return Mat(data)

    # -- names and elements ----------------------------------------------------------
    def r_symbol(self, node, env, name_node, *rest):
        if any(isinstance(r, lark.Token) for r in rest):
            raise Unsupported("a prime in a matrix step")
        name = names.tree_name(name_node)
        subscript = next((r for r in rest if is_a(r, "subscript")), None)
        if subscript is None:
            return self.named(name, env)
        if name == "I" and not self.scope.declared("I"):
            size = num.whole(self.scalar(subscript.children[0], env))
            return linalg.identity(size)
        if name in self.check.objects:
            return self.element(self.named(name, env), subscript, env)
        return self.scalar(node, env)

    def r_styled(self, node, env, *_):
        return self.named(names.tree_name(node), env)

    def r_name(self, node, env, *_):
        return self.named(names.tree_name(node), env)

    def r_group_sub(self, node, env, group, subscript):
        return self.element(self.value(group, env), subscript, env)

    def element(self, value, subscript, env):
        if not isinstance(value, Mat):
            raise Unsupported("an index on a number")
        items = [c for c in subscript.children if isinstance(c, lark.Tree)] \
            or list(subscript.children)
        if len(items) == 1 and value.cols != 1 and is_a(items[0], "implicit") \
                and len(items[0].children) == 2:
            items = list(items[0].children)          # W_{ij}
        if len(items) == 1 and value.cols == 1:
            at = (num.whole(self.scalar(items[0], env)), 1)
        elif len(items) == 2:
            at = tuple(num.whole(self.scalar(item, env)) for item in items)
        else:
            raise Unsupported("a vector takes one index, a matrix two")
        if not all(1 <= k <= d for k, d in zip(at, value.shape)):
            raise Unsupported(f"the index {at} is outside the shape {linalg.shown(value.shape)}")
        return value.data[at[0] - 1][at[1] - 1]

    def r_group(self, node, env, *children):
        inner = [c for c in children if isinstance(c, lark.Tree)]
        if len(inner) != 1:
            raise Unsupported("a list in a matrix step")
        return self.value(inner[0], env)

    # -- arithmetic ------------------------------------------------------------------
    def r_add(self, node, env, left, _op, right):
        return self.plus(self.value(left, env), self.value(right, env), 1, env)

    def r_sub(self, node, env, left, _op, right):
        return self.plus(self.value(left, env), self.value(right, env), -1, env)

    def r_neg(self, node, env, _op, operand):
        return self.scaled(self.value(operand, env), -1)

    def r_pos(self, node, env, _op, operand):
        return self.value(operand, env)

    def plus(self, a, b, sign, env):
        if isinstance(a, _Deferred) and isinstance(b, Mat):
            a = a.sized(*b.shape) if a.what != "I" else self.square_eye(a, b)
        if isinstance(b, _Deferred) and isinstance(a, Mat):
            b = b.sized(*a.shape) if b.what != "I" else self.square_eye(b, a)
        if isinstance(a, _Deferred) or isinstance(b, _Deferred):
            raise Unsupported("`I` or `\\mathbf{1}` added to a number")
        if isinstance(a, Mat) and isinstance(b, Mat):
            if a.shape != b.shape:
                raise Unsupported(f"a sum of shapes {linalg.shown(a.shape)} and "
                                  f"{linalg.shown(b.shape)}")
            env.note(max((abs(num.real(e)) for e in a.entries()), default=0),
                     max((abs(num.real(e)) for e in b.entries()), default=0))
            return linalg.add(a, b, sign)
        a, b = _number(a), _number(b)
        env.note(a, b)
        return num.add(a, b if sign == 1 else -b)

    @staticmethod
    def square_eye(eye, other: Mat) -> Mat:
        if other.rows != other.cols:
            raise Unsupported(f"`I` added to a {linalg.shown(other.shape)} matrix")
        return eye.sized(other.rows, other.rows)

    def scaled(self, value, factor):
        if isinstance(value, _Deferred):
            return _Deferred(value.what, num.mul(value.factor, factor), value.row)
        if isinstance(value, Mat):
            return linalg.scale(value, factor)
        return num.mul(value, factor)

    def times(self, a, b):
        if isinstance(a, _Deferred) and isinstance(b, _Deferred):
            raise Unsupported("a product of `I` or `\\mathbf{1}` without sizes")
        if isinstance(a, _Deferred):
            if not isinstance(b, Mat):
                return self.scaled(a, b)
            if a.what == "I":
                a = a.sized(b.rows, b.rows)
            elif a.row:
                a = a.sized(1, b.rows)
            else:
                raise Unsupported("`\\mathbf{1}` before a product: its size is not determined")
        if isinstance(b, _Deferred):
            if not isinstance(a, Mat):
                return self.scaled(b, a)
            if b.what == "I":
                b = b.sized(a.cols, a.cols)
            elif not b.row:
                b = b.sized(a.cols, 1)
            else:
                raise Unsupported("`\\mathbf{1}^\\top` after a product: its size is not determined")
        if isinstance(a, Mat) and isinstance(b, Mat):
            if a.cols == b.rows:
                return linalg.matmul(a, b)
            if a.shape == (1, 1):
                return linalg.scale(b, a.data[0][0])
            if b.shape == (1, 1):
                return linalg.scale(a, b.data[0][0])
            raise Unsupported(f"a product of shapes {linalg.shown(a.shape)} and "
                              f"{linalg.shown(b.shape)}")
        if isinstance(a, Mat):
            return linalg.scale(a, b)
        if isinstance(b, Mat):
            return linalg.scale(b, a)
        return num.mul(a, b)

    def r_mul(self, node, env, left, op, right):
        a, b = self.value(left, env), self.value(right, env)
        if str(op).strip() in ("\\cdot", "·", "⋅") and isinstance(a, Mat) and isinstance(b, Mat) \
                and a.cols == 1 and b.cols == 1 and a.rows == b.rows:
            return linalg.matmul(linalg.transpose(a), b)     # `x \cdot y`: the inner product
        return self.times(a, b)

    def r_div(self, node, env, left, _op, right):
        return self.divided(self.value(left, env), self.value(right, env))

    def divided(self, top, bottom):
        bottom = _plain(bottom)
        if isinstance(bottom, Mat):
            raise Unsupported("a division by a vector or matrix")
        if bottom == 0:
            raise Undefined("a division by zero")
        if isinstance(top, (Mat, _Deferred)):
            return self.scaled(top, num.div(1, bottom))
        return num.div(top, bottom)

    def r_hadamard(self, node, env, left, op, right):
        a, b = self.value(left, env), self.value(right, env)
        if not (isinstance(a, Mat) and isinstance(b, Mat)):
            raise Unsupported("`\\odot` of a number")
        if "otimes" in str(op) or "⊗" in str(op):
            return linalg.kron(a, b)
        return linalg.hadamard(a, b)

    r_kron = r_hadamard

    def r_frac(self, node, env, token, top=None, bottom=None):
        if top is None:
            return self.scalar(node, env)
        if _partial(top):
            return self.leibniz(node, top, bottom, env)
        return self.divided(self.value(top, env), self.value(bottom, env))

    def r_implicit(self, node, env, *items):
        items = list(items)
        out, index = None, 0
        while index < len(items):
            item = items[index]
            following = items[index + 1] if index + 1 < len(items) else None
            if is_a(item, "func_bare"):
                end = index + 1
                while end < len(items) and not is_a(items[end], "func_bare"):
                    end += 1
                if end == index + 1:
                    raise Unsupported("a function without its argument")
                argument = self.r_implicit(node, env, *items[index + 1:end])
                factor, index = self.builtin(function_name(str(item.children[0])), argument,
                                             item), end
            elif is_a(item, "symbol") and is_a(following, "group") \
                    and self.scope.kind(_symbol_name(item)) == "function":
                factor = self.applied(_symbol_name(item), self.value(following, env), env)
                index += 2
            else:
                factor = self.value(item, env)
                index += 1
            out = factor if out is None else self.times(out, factor)
        return out

    # -- powers ----------------------------------------------------------------------
    def r_pow(self, node, env, base, sup):
        if _euler(base, self.scope):
            exponent = _plain(self.value(sup.children[0], env))
            if isinstance(exponent, Mat):
                raise Unsupported("e to a vector or matrix")
            return num.apply("exp", exponent)
        value = self.value(base, env)
        kind = _sup_kind(sup, self.scope)
        if kind in ("T", "-T"):
            if isinstance(value, _Deferred):
                if value.what == "I":
                    return value
                return _Deferred(value.what, value.factor, not value.row)
            if not isinstance(value, Mat):          # a 1×1 value read as its number
                return num.power(value, -1) if kind == "-T" else value
            value = linalg.transpose(value)
            return linalg.inverse(value) if kind == "-T" else value
        if isinstance(value, _Deferred):
            raise Unsupported("a power of `I` without its size")
        exponent, trailing = self.compiler.sup(sup)
        power = exponent(env)
        if isinstance(value, Mat) and value.shape != (1, 1):
            if not isinstance(power, int) or value.rows != value.cols:
                raise Unsupported("a power of a vector or of a non-square matrix")
            result = linalg.power(value, power) if power >= 0 else \
                linalg.power(linalg.inverse(value), -power)
        else:
            result = num.power(_plain(value), power)
        if trailing is not None:
            result = self.times(result, trailing(env))
        return result

    def r_pow_sub(self, node, env, base, sup, subscript):
        if not is_a(unwrap(base), "norm"):
            raise Unsupported("a power with a subscript in a matrix step")
        norm = unwrap(base)
        value = self.norm(norm, str(subscript.children[0]), env)
        exponent, trailing = self.compiler.sup(sup)
        result = num.power(value, exponent(env))
        return self.times(result, trailing(env)) if trailing is not None else result

    # -- norms, trace, det, diag, softmax, ones -----------------------------------------
    def r_norm(self, node, env, *children):
        nsub = next((c for c in children if is_a(c, "nsub")), None)
        which = str(nsub.children[0]) if nsub is not None else ""
        return self.norm(node, which, env)

    def norm(self, node, which: str, env):
        inner = next(c for c in node.children if isinstance(c, lark.Tree) and c.data != "nsub")
        value = self.value(inner, env)
        which = which.strip("{} ")
        if not isinstance(value, Mat):
            raise Unsupported("a norm of a number")
        vector = 1 in value.shape
        if not (which == "F" or (vector and which in ("", "2"))):
            raise Unsupported(f"the norm `_{which or ' '}` of a {linalg.shown(value.shape)} value")
        return linalg.norm(value)

    def r_bigop(self, node, env, token, *rest):
        """A sum or product over numbers that hold objects, looped over its range."""
        bounds = rest[0] if len(rest) == 2 else None
        if bounds is None or len(bounds.children) != 2 or not is_a(bounds.children[0], "lower_eq") \
                or not is_a(bounds.children[1], "upper"):
            raise Unsupported("a sum over vectors or matrices without both bounds")
        lower, upper = bounds.children
        letter = names.tree_name(lower.children[0])
        low = num.whole(self.scalar(lower.children[-1], env))
        high = num.whole(self.scalar(upper.children[0].children[0], env))
        env.count(max(high - low + 1, 0))
        product = str(token) in ("\\prod", "∏")
        body, total = self.bound(letter), None
        for k in range(low, high + 1):
            term = _plain(body.value(rest[-1], env.fresh({**env.loc, letter: k})))
            if product and isinstance(term, Mat):
                raise Unsupported("a product of vectors or matrices over a range")
            if total is None:
                total = term
            else:
                total = num.mul(total, term) if product else self.plus(total, term, 1, env)
        return (1 if product else 0) if total is None else total

    def r_sqrt(self, node, env, _token, *rest):
        value = _plain(self.value(rest[-1], env))
        order = _plain(self.value(rest[1], env)) if len(rest) == 4 else 2
        if isinstance(value, Mat) or isinstance(order, Mat):
            raise Unsupported("the root of a vector or a matrix")
        return num.root(value, order)

    def r_abs(self, node, env, *children):
        inner = next(c for c in children if isinstance(c, lark.Tree))
        value = _plain(self.value(inner, env))
        if isinstance(value, Mat):
            raise Unsupported("bars around a vector or a matrix")
        return num.apply("abs", value)

    def r_mfunc(self, node, env, token, argument):
        written = function_name(str(token))
        value = self.value(argument, env)
        if isinstance(value, _Deferred):
            raise Unsupported(f"`{written}` of `I` or `\\mathbf{{1}}` without a size")
        if self.scope.kind(written) == "function":
            return self.applied(written, value, env)
        name = written.lower()
        if name == "softmax":
            if not isinstance(value, Mat) or value.cols != 1:
                raise Unsupported("softmax of something that is not a column")
            exps = value.map(lambda e: num.apply("exp", e))
            total = 0
            for e in exps.entries():
                total = num.add(total, e)
            return exps.map(lambda e: num.div(e, total))
        if name == "diag":
            if not isinstance(value, Mat) or value.cols != 1:
                raise Unsupported("diag of something that is not a column")
            n = value.rows
            return Mat([[value.data[i][0] if i == j else 0 for j in range(n)] for i in range(n)])
        value = _plain(value)
        if not isinstance(value, Mat):
            return value                         # the trace or determinant of a number
        if name in ("tr", "trace"):
            return linalg.trace(value)
        if name == "det":
            return linalg.det(value)
        raise Unsupported(f"`{written}`")

    def r_ones(self, node, env, _token, sup=None):
        if sup is None:
            return _Deferred("1")
        return linalg.ones(num.whole(self.scalar(sup.children[0], env)), 1)

    # -- functions, entry by entry ------------------------------------------------------
    def r_func_app(self, node, env, token, *rest):
        if any(is_a(r, "fpow", "fbase") for r in rest):
            raise Unsupported("a function with a power or a base in a matrix step")
        return self.builtin(function_name(str(token)), self.value(rest[-1], env), node)

    def builtin(self, name, value, node):
        if name in ("max", "min"):
            raise Unsupported(f"`\\{name}` in a matrix step")
        value = _plain(value)
        if isinstance(value, Mat):
            return value.map(lambda e: num.apply(name, e))
        return num.apply(name, value)

    def applied(self, name, value, env):
        call = self.compiler.caller(name, 1)
        value = _plain(value)
        if isinstance(value, Mat):
            return value.map(lambda e: call(env, [e]))
        return call(env, [value])

    # -- derivatives ----------------------------------------------------------------------
    def r_napply(self, node, env, nabla, operand):
        order, variable = 1, None
        for mod in nabla.children[1:]:
            if is_a(mod, "nabla_order"):
                exponent, trailing = self.compiler.sup(mod.children[0])
                order = exponent(env) if trailing is None else None
            elif is_a(mod, "nabla_var"):
                dsub = mod.children[0]
                child = dsub.children[0]
                variable = names.token_name(child) if isinstance(child, lark.Token) \
                    else names.tree_name(child.children[0])
        if variable not in self.check.shapes:
            raise Unsupported("`\\nabla` by something that is not a sized vector or matrix")
        if order == 2:
            return self.hessian(operand, variable, env)
        if order != 1:
            raise Unsupported("`\\nabla` of an order other than 1 or 2")
        return self.gradient(operand, variable, env, nabla=True)

    def r_dapply(self, node, env, dop, operand):
        if dop.data != "dop_frac" or len(dop.children) != 2 or len(dop.children[1].children) != 1:
            raise Unsupported("a derivative operator other than ∂/∂x in a matrix step")
        return self.by(operand, dop.children[1].children[0], env)

    def leibniz(self, node, top, bottom, env):
        tops, bottoms = items_of(top), items_of(bottom)
        if len(tops) < 2 or len(bottoms) != 2 or not is_a(bottoms[0], "partial") \
                or not is_a(bottoms[1], "symbol"):
            raise Unsupported("a derivative written other than ∂f/∂x")
        body = tops[1] if len(tops) == 2 else lark.Tree("implicit", tops[1:], top.meta)
        return self.by(body, bottoms[1], env)

    def by(self, body, target, env):
        """∂(body)/∂(target): target a sized object, an element, or a scalar."""
        name = names.tree_name(target.children[0])
        subscript = next((c for c in target.children[1:] if is_a(c, "subscript")), None)
        if name in self.check.shapes and subscript is None:
            return self.gradient(body, name, env, nabla=False)
        if subscript is not None and name in self.check.shapes:
            rows, cols = env.inst.dims[name]
            vector = cols == 1 and _vector(name, self.scope)
            items = [c for c in subscript.children if isinstance(c, lark.Tree)]
            if len(items) == 1 and not vector and is_a(items[0], "implicit") \
                    and len(items[0].children) == 2:
                items = list(items[0].children)
            at = tuple(num.whole(self.scalar(i, env)) for i in items)
            if len(at) != (1 if vector else 2):
                raise Unsupported("an element with the wrong number of indices")
            key = ("r", name, at)
        else:
            keyfn = self.compiler.variable(target)
            key = keyfn(env)
        return self.partial_by(body, key, env, _label(key))

    def partial_by(self, body, key, env, label):
        """The derivative of body (a number or a matrix) by one real variable."""
        start = env.over.get(key, _MISSING)
        start = env.inst.real(key) if start is _MISSING else start
        shape = _shape(_plain(self.value(body, env)))
        if shape is None:
            env.count(3)
            return derivative(lambda t: _number(self.value(body, env.moved(key, t))), start, 1,
                              label, env.note)
        rows, cols = shape
        out = []
        for i in range(rows):
            row = []
            for j in range(cols):
                env.count(3)
                row.append(derivative(
                    lambda t, i=i, j=j: _plain(self.value(body, env.moved(key, t))).data[i][j],
                    start, 1, label, env.note))
            out.append(row)
        return Mat(out)

    def variable_keys(self, name, env):
        rows, cols = env.inst.dims[name]
        vector = cols == 1 and _vector(name, self.scope)
        return [[("r", name, (i + 1,) if vector else (i + 1, j + 1)) for j in range(cols)]
                for i in range(rows)]

    def gradient(self, body, name, env, nabla: bool):
        keys = self.variable_keys(name, env)
        value = _plain(self.value(body, env))
        if isinstance(value, Mat):
            if value.cols != 1 or len(keys[0]) != 1 or nabla:
                raise Unsupported("the derivative of a matrix by a vector or matrix")
            jacobian = [[self.partial_of(body, keys[j][0], env, i) for j in range(len(keys))]
                        for i in range(value.rows)]           # ∂f_i/∂x_j
            matrix = Mat(jacobian)
            return matrix if self.check.layout == "numerator" else linalg.transpose(matrix)
        grad = Mat([[self.partial_of(body, key, env, None) for key in row] for row in keys])
        if self.check.layout == "numerator" and not nabla:
            return linalg.transpose(grad)
        return grad

    def partial_of(self, body, key, env, entry):
        start = env.over.get(key, _MISSING)
        start = env.inst.real(key) if start is _MISSING else start
        env.count(3)

        def g(t):
            value = _plain(self.value(body, env.moved(key, t)))
            return value.data[entry][0] if entry is not None else _number(value)
        return derivative(g, start, 1, _label(key), env.note)

    def hessian(self, body, name, env):
        keys = [row[0] for row in self.variable_keys(name, env)]
        if len(self.variable_keys(name, env)[0]) != 1:
            raise Unsupported("a Hessian by a matrix")
        if isinstance(_plain(self.value(body, env)), Mat):
            raise Unsupported("the Hessian of a vector or matrix")

        def entry(i, j):
            outer_start = env.inst.real(keys[i]) if keys[i] not in env.over else env.over[keys[i]]

            def first(t):
                moved = env.moved(keys[i], t)
                inner_start = moved.over.get(keys[j], _MISSING)
                inner_start = moved.inst.real(keys[j]) if inner_start is _MISSING else inner_start
                return derivative(lambda s: _number(self.value(body, moved.moved(keys[j], s))),
                                  inner_start, 1, _label(keys[j]), env.note)
            env.count(9)
            return derivative(first, outer_start, 1, _label(keys[i]), env.note)
        n = len(keys)
        return Mat([[entry(i, j) for j in range(n)] for i in range(n)])


def _number(value):
    value = _plain(value)
    if isinstance(value, (Mat, _Deferred)):
        raise Unsupported("a vector or matrix where a number is differentiated")
    return value


def _label(key) -> str:
    if key[0] == "r" and key[2]:
        return f"{key[1]}_{','.join(map(str, key[2]))}"
    return str(key[1])


def _base_name(symbol) -> str:
    try:
        return names.tree_name(symbol.children[0])
    except (InputError, AttributeError, IndexError):
        return ""


def _symbol_name(symbol) -> str:
    if any(is_a(c, "subscript") for c in symbol.children[1:]):
        return ""
    try:
        return names.tree_name(symbol.children[0])
    except InputError:
        return ""


def _partial(node) -> bool:
    first = items_of(unwrap(node))[0]
    return is_a(first, "partial")


def _euler(base, scope) -> bool:
    base = unwrap(base)
    return is_a(base, "symbol") and len(base.children) == 1 \
        and _symbol_name(base) == "e" and not scope.declared("e")


def _sup_kind(sup, scope) -> str:
    """`T`, `-T` or `power` (read/latex/shape.py); `^T` is a power where T is declared."""
    return transpose_kind(sup, scope.declared("T"))

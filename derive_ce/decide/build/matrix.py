"""Vectors and matrices as objects: a parse tree -> SymPy, in one of two modes.

- `symbolic`: every sized vector or matrix is a MatrixSymbol of its declared
  shape (`x` is n×1, `X` is N×d), so SymPy's matrix expressions (transpose,
  Inverse, Trace, Determinant, their derivatives) can prove a step for every
  size.
- `explicit`: at concrete sizes, every vector or matrix is an explicit
  Matrix of entry symbols; derivatives are taken entry by entry.  This
  reading shares nothing with the symbolic one: it is the concrete
  instances' reading (see decide/matrices.py).

Shapes are checked as the tree is read: `x A` with x a column, a sum of a
vector and a matrix, the trace of a non-square matrix are input errors with
the column.  Denominator layout by default: ∂f/∂X has the shape of X.
"""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field

import lark
import sympy as sp
from sympy.core.function import AppliedUndef, ArgumentIndexError
from sympy.matrices.utilities import dotprodsimp

from derive_ce.decide.build.functions import FUNCTIONS
from derive_ce.errors import InputError
from derive_ce.read.latex.parser import parse
from derive_ce.read.latex.shape import column_of, function_name, is_a, unwrap
from derive_ce.read.names import token_name, tree_name


class Unsupported(Exception):
    """The symbolic mode has no matrix expression for this (the explicit one may)."""


@dataclass
class Env:
    """How names are read: the mode, the sizes, the objects and the scalars."""
    mode: str                                   # "symbolic" or "explicit"
    sizes: dict[str, sp.Expr]                   # size name -> Symbol, or an int
    objects: dict[str, sp.Basic] = field(default_factory=dict)
    layout: str = "denominator"
    indices: dict[str, int] = field(default_factory=dict)   # explicit: `i` in `x_i` -> 2
    values: dict = field(default_factory=dict)   # explicit: an entry symbol -> its value


class MatrixReader:
    """One expression of a matrix step, read under `env`."""

    def __init__(self, world, env: Env, text: str, line: int):
        self.world = world        # decide/matrices.World: declarations, definitions, scalars
        self.env = env
        self.text = text
        self.line = line

    def fail(self, message: str, node=None) -> InputError:
        column = column_of(node)
        return InputError(message, self.line, column, self.text if column else None)

    def source(self, node) -> str:
        if isinstance(node, lark.Token):
            return str(node)
        return "" if node.meta.empty else self.text[node.meta.start_pos:node.meta.end_pos]

    # -- shapes -------------------------------------------------------------
    @staticmethod
    def shape(value) -> tuple | None:
        return tuple(value.shape) if isinstance(value, (sp.MatrixBase, sp.MatrixExpr)) else None

    def scalar(self, value):
        """A 1×1 matrix (xᵀy, xᵀAx) is the number it holds."""
        shape = self.shape(value)
        if shape is None:
            return value
        if shape == (1, 1):
            return value[0, 0] if self.env.mode == "explicit" else sp.Trace(value)
        return None

    def same(self, a, b) -> bool:
        return all(sp.simplify(p - q) == 0 for p, q in zip(a, b))

    # -- reading --------------------------------------------------------------
    def read(self, node):
        if isinstance(node, lark.Token):
            if node.type == "NUMBER":
                return sp.Rational(str(node))
            if node.type in ("LETTER", "GREEK", "TEXTNAME", "NAMED"):
                return self.name(token_name(node), node)
            raise self.fail(f"`{node}` cannot stand here", node)
        if node.data not in _OWN and not self.world.uses_objects(node):
            return self.world.scalar_node(node, self)     # no vector or matrix in it
        method = getattr(self, f"rule_{node.data}", None)
        if method is None:
            raise self.fail(f"`{self.source(node) or node.data}` is not read in a step with "
                            "vectors or matrices as a whole", node)
        return method(node, *node.children)

    def name(self, name: str, node):
        if name in self.env.objects:
            return self.env.objects[name]
        body = self.world.object_definition(name)
        if body is not None:
            return self.world.read_definition(name, self.env)
        if name == "I" and not self.world.declared(name):
            return _Eye(None)
        return self.world.scalar(name, node, self)

    def rule_symbol(self, node, name_node, *rest):
        name = tree_name(name_node)
        subscript = next((r for r in rest if is_a(r, "subscript")), None)
        if any(isinstance(r, lark.Token) for r in rest):
            raise self.fail("a prime is not read in a step with vectors or matrices", node)
        if subscript is None:
            return self.name(name, node)
        if name == "I" and not self.world.declared("I"):
            size = self.world.size_of(subscript.children[0], self)
            return sp.Identity(size) if self.env.mode == "symbolic" else sp.eye(size)
        if name in self.env.objects or self.world.object_definition(name) is not None:
            return self.element(self.name(name, node), subscript, node)
        return self.world.scalar_node(node, self)

    def rule_group_sub(self, node, group, subscript):
        return self.element(self.read(group), subscript, node)

    def element(self, value, subscript, node):
        """`x_i`, `W_{i,j}`, `(\\delta x^\\top)_{i,j}`: elements count from 1."""
        shape = self.shape(value)
        if shape is None:
            raise self.fail(f"`{self.source(node)}`: an index on a number", node)
        items = [c for c in subscript.children if isinstance(c, lark.Tree)] \
            or list(subscript.children)
        if len(items) == 1 and is_a(items[0], "implicit") and len(items[0].children) == 2 \
                and shape[1] != 1:
            items = list(items[0].children)          # W_{ij}
        if len(items) == 1 and shape[1] == 1:
            items = items + [None]
        if len(items) != 2:
            raise self.fail(f"`{self.source(node)}`: a vector takes one index, a matrix two",
                            node)
        index = [sp.Integer(0) if item is None else self.world.index(item, self) - 1
                 for item in items]
        if self.env.mode == "explicit":
            if not all(isinstance(k, (int, sp.Integer)) for k in index):
                raise Unsupported("an index without a value")
            if not all(0 <= int(k) < int(d) for k, d in zip(index, shape)):
                raise self.fail(f"`{self.source(node)}`: the index is outside the shape "
                                f"{_shown(shape)}", node)
            return value[int(index[0]), int(index[1])]
        try:
            return value[index[0], index[1]]
        except (TypeError, ValueError, IndexError) as exc:
            raise Unsupported(str(exc)) from None

    def rule_styled(self, node, *_):
        return self.name(tree_name(node), node)

    def rule_name(self, node, token):
        return self.name(token_name(token), node)

    def rule_number(self, node, token):
        return sp.Rational(str(token))

    def rule_group(self, node, *children):
        inner = [c for c in children if isinstance(c, lark.Tree)]
        if len(inner) != 1:
            raise self.fail(f"`{self.source(node)}` is not read here", node)
        return self.read(inner[0])

    def rule_frac(self, node, _frac, top=None, bottom=None):
        if top is None:
            digits = str(_frac).rstrip()[-2:]
            return sp.Rational(int(digits[0]), int(digits[1]))
        if _partial(top):
            return self.leibniz(node, top, bottom)
        return self.divide(self.read(top), self.read(bottom), node)

    def divide(self, top, bottom, node):
        bottom = self.scalar(bottom)
        if bottom is None:
            raise self.fail("division by a vector or matrix: multiply by its inverse", node)
        return self._scale(top, 1 / bottom)

    def rule_implicit(self, node, *items):
        items = list(items)
        value = None
        while items:
            item = items.pop(0)
            if is_a(item, "func_bare"):
                rest = _Product(items, node)
                items = []
                factor = self.function(function_name(str(item.children[0])), rest, item)
            elif is_a(item, "symbol") and items and is_a(items[0], "group") \
                    and self.world.is_function(tree_name(item.children[0])):
                factor = self.apply(tree_name(item.children[0]), self.read(items.pop(0)), item)
            else:
                factor = self.read(item)
            value = factor if value is None else self.times(value, factor, item)
        return value

    def rule_mul(self, node, left, op, right):
        a, b = self.read(left), self.read(right)
        if _is_dot(op) and _columns(self.shape(a), self.shape(b), self.same):
            return a.T * b          # `x \cdot y` of two vectors: their inner product xᵀy
        if str(op).strip() in ("\\times", "×") and _columns(self.shape(a), self.shape(b), self.same):
            raise self.fail("`\\times` between two vectors (the cross product) is not read: "
                            "write it by its elements, or `x \\cdot y` for the inner product", node)
        return self.times(a, b, right)

    def rule_div(self, node, left, _op, right):
        return self.divide(self.read(left), self.read(right), node)

    def rule_hadamard(self, node, left, _op, right):
        a, b = self.read(left), self.read(right)
        if self.shape(a) is None or self.shape(b) is None or not self.same(self.shape(a), self.shape(b)):
            raise self.fail("`\\odot` multiplies two vectors or matrices of one shape", node)
        if self.env.mode == "explicit":
            return a.multiply_elementwise(b)
        return sp.HadamardProduct(a, b)

    def rule_kron(self, node, left, _op, right):
        """`A \\otimes B`: the Kronecker product, block (i, j) is a_ij B."""
        a, b = self.read(left), self.read(right)
        if self.shape(a) is None or self.shape(b) is None:
            raise self.fail("`\\otimes` is the Kronecker product of two vectors or matrices",
                            node)
        if self.env.mode == "explicit":
            return sp.kronecker_product(a, b)
        return sp.KroneckerProduct(a, b)

    def rule_add(self, node, left, _op, right):
        return self.plus(self.read(left), self.read(right), node, 1)

    def rule_sub(self, node, left, _op, right):
        return self.plus(self.read(left), self.read(right), node, -1)

    def rule_neg(self, node, _op, operand):
        return self._scale(self.read(operand), -1)

    def rule_pos(self, node, _op, operand):
        return self.read(operand)

    def plus(self, a, b, node, sign):
        a, b = _resolve_eye(a, b, self), _resolve_eye(b, a, self)
        sa, sb = self.shape(a), self.shape(b)
        if sa is None or sb is None:
            ca, cb = self.scalar(a), self.scalar(b)
            if ca is None or cb is None:
                raise self.fail("a sum of a number and a vector or matrix: shapes "
                                f"{_shown(sa)} and {_shown(sb)} do not match", node)
            return ca + sign * cb
        if not self.same(sa, sb):
            raise self.fail(f"a sum of shapes {_shown(sa)} and {_shown(sb)}: they do not match",
                            node)
        return a + b if sign == 1 else a - b

    def times(self, a, b, node):
        if isinstance(a, _Eye) and self.shape(b) is None:
            return self._scale(a, b)
        if isinstance(b, _Eye) and self.shape(a) is None:
            return self._scale(b, a)
        if isinstance(a, _Eye) and isinstance(b, _Eye):
            raise self.fail("a product of `I` or `\\mathbf{1}` without sizes: write a size, "
                            "`I_n` or `\\mathbf{1}_n`", node)
        if isinstance(a, _Eye) or isinstance(b, _Eye):
            a, b = _resolve_eye(a, b, self, product="left"), _resolve_eye(b, a, self, product="right")
        sa, sb = self.shape(a), self.shape(b)
        if sa is None or sb is None:
            return self._scale(b, a) if sa is None else self._scale(a, b)
        if sa == (1, 1) and sb != (1, 1) or sb == (1, 1) and sa != (1, 1):
            one, other = (a, b) if sa == (1, 1) else (b, a)
            return self._scale(other, self.scalar(one))
        if not self.same((sa[1],), (sb[0],)):
            raise self.fail(f"a product of shapes {_shown(sa)} and {_shown(sb)}: the columns "
                            "of the left do not match the rows of the right", node)
        return a * b

    def _scale(self, value, factor):
        if isinstance(value, _Eye):
            return _Eye(value.size, value.factor * factor, value.ones, value.row)
        return factor * value

    # -- powers: transpose, inverse ------------------------------------------------
    def rule_pow(self, node, base, sup):
        if self.env.mode == "explicit" and is_a(base, "norm") and is_a(sup, "sup") \
                and len(sup.children) == 1 and isinstance(sup.children[0], lark.Token) \
                and sup.children[0].type == "NUMBER" and str(sup.children[0]) == "2":
            return self.rule_norm(base, *base.children, squared=True)     # ‖v‖² = Σ vᵢ²
        value = self.read(base)
        kind = self.sup_kind(sup)
        if isinstance(value, _Eye) and kind == "T":
            return _Eye(value.size, value.factor, value.ones, not value.row) if value.ones \
                else value
        if isinstance(value, _Eye):
            raise self.fail("write the size of `I` or `\\mathbf{1}` under a power: `I_n`, "
                            "`\\mathbf{1}_n`", node)
        shape = self.shape(value)
        if kind in ("T", "-T"):
            if shape is None:
                raise self.fail(f"`{self.source(base)}` is a number here: a transpose is for a "
                                "vector or matrix; declare it with its size, as in "
                                "`x: {kind: vector, size: n}` or `A: {kind: matrix, shape: [n, m]}`",
                                node)
            value = value.T
            return self.inverse(value, node) if kind == "-T" else value
        power = self.world.exponent(sup, self)
        if shape == (1, 1) and self.env.mode == "explicit" and power.is_Integer:
            return value ** int(power)         # a matrix at size 1 stays a matrix
        if shape is None or shape == (1, 1):
            return self.scalar(value) ** power
        if power == -1:
            return self.inverse(value, node)
        if not (power.is_Integer and power > 0 and self.same((shape[0],), (shape[1],))):
            raise self.fail(f"`{self.source(node)}`: a power of a vector or of a non-square "
                            "matrix is not read (write `x^\\top x`, `\\|x\\|^2` or `x \\odot x`)",
                            node)
        return value ** power if self.env.mode == "explicit" else sp.MatPow(value, power)

    def rule_pow_sub(self, node, base, sup, subscript):
        if is_a(unwrap(base), "norm"):       # \|x\|^2_2
            norm = unwrap(base)
            return self.world.exponent_value(self.norm(norm, subscript.children[0]), sup, self)
        raise self.fail(f"`{self.source(node)}` is not read in a matrix step", node)

    def sup_kind(self, sup) -> str:
        """`T`, `-T` (a transpose, its inverse) or `power`; `^T` and `^{-T}` are
        transposes unless `T` is declared."""
        if is_a(sup, "sup_top"):
            return "T"
        if is_a(sup, "sup_invtop"):
            return "-T"
        child = sup.children[0] if sup.children else None
        transpose_letter = not self.world.declared("T")
        if isinstance(child, lark.Token):
            return "T" if str(child) == "T" and transpose_letter else "power"
        inner = unwrap(child)
        sign = ""
        if is_a(inner, "neg"):
            sign, inner = "-", unwrap(inner.children[-1])
        if transpose_letter and is_a(inner, "symbol") and self.source(inner).strip() == "T":
            return sign + "T"
        return "power"

    def inverse(self, value, node):
        shape = self.shape(value)
        if shape is None:
            return 1 / value
        if not self.same((shape[0],), (shape[1],)):
            raise self.fail(f"the inverse of a non-square ({_shown(shape)}) matrix", node)
        if self.env.mode == "explicit":
            if shape == (1, 1):
                return sp.Matrix([[1 / value[0, 0]]])
            return value.inv(method="LU")
        return sp.Inverse(value)

    # -- sums over numbers that hold objects ----------------------------------------
    def rule_bigop(self, node, token, *rest):
        r"""`\sum_{a=1}^{n} \pi_a (q_a - \pi^\top q)`: in an instance, written out
        term by term with the index given each value (its elements are then
        entries); read symbolically, it is left to the instances."""
        bounds = rest[0] if len(rest) == 2 else None
        if bounds is None or len(bounds.children) != 2 \
                or not is_a(bounds.children[0], "lower_eq") or not is_a(bounds.children[1], "upper"):
            raise self.fail(f"`{self.source(node)}`: a sum or product that holds vectors or "
                            "matrices needs both bounds written (`\\sum_{a=1}^{n}`)", node)
        if self.env.mode != "explicit":
            raise Unsupported("a sum that holds vectors or matrices, read symbolically")
        lower, upper = bounds.children
        letter = tree_name(lower.children[0])
        def bound(part):            # an outer index's value, then the sizes
            value = self.world._sized(self.world.index(part, self), self.env)
            return int(value) if getattr(value, "is_Integer", False) else value
        low, high = bound(lower.children[-1]), bound(upper.children[0].children[0])
        if not all(isinstance(v, int) for v in (low, high)):
            raise self.fail(f"`{self.source(node)}` is not read in a step with vectors or "
                            "matrices as a whole: its bounds must be numbers or declared sizes",
                            node)
        if high - low >= 4096:
            raise Unsupported("a sum of more than 4096 terms")
        product = str(token) in ("\\prod", "∏")
        total = None
        for k in range(low, high + 1):
            reader = MatrixReader(self.world, dataclasses.replace(
                self.env, indices={**self.env.indices, letter: k}), self.text, self.line)
            term = reader.read(rest[-1])
            if isinstance(term, (sp.Basic, sp.MatrixBase)):      # `a` read as a number
                term = term.xreplace({s: sp.Integer(k) for s in term.free_symbols
                                      if getattr(s, "name", None) == letter})
            if product and self.shape(term) is not None:
                raise self.fail(f"`{self.source(node)}`: a product of vectors or matrices over a "
                                "range", node)
            if total is None:
                total = term
            elif self.shape(total) != self.shape(term) and (1, 1) in (self.shape(total),
                                                                   self.shape(term)):
                total = self.scalar(total) + self.scalar(term)      # a number and an xᵀy
            else:
                total = total * term if product else total + term
        return sp.Integer(1 if product else 0) if total is None else total

    # -- norms, trace, determinant, diag -----------------------------------------
    def rule_abs(self, node, *children):
        r"""`|\det(A)|`, `|x^\top y|`: the absolute value of a number; bars around
        a vector or a matrix are refused (its norm is `\|x\|`)."""
        inner = next(c for c in children if isinstance(c, lark.Tree))
        value = self.scalar(self.read(inner))
        if value is None:
            raise self.fail(f"`|{self.source(inner)}|` of a vector or a matrix: write "
                            rf"`\|{self.source(inner)}\|` for its norm, or `\det` for a "
                            "determinant", node)
        if self.env.mode == "explicit":     # entries are real: √(v²) differentiates as v v'/|v|
            return sp.sqrt(value ** 2)
        return sp.Abs(value)

    def rule_sqrt(self, node, _token, *rest):
        r"""`\sqrt{\det(A^\top A)}`, `\sqrt[3]{x^\top x}`: the root of a number."""
        inner = rest[-1]
        order = self.scalar(self.read(rest[1])) if len(rest) == 4 else sp.Integer(2)
        value = self.scalar(self.read(inner))
        if value is None or order is None:
            raise self.fail(f"`{self.source(node)}`: the root of a vector or a matrix", node)
        return value ** (1 / order) if order != 2 else sp.sqrt(value)

    def rule_norm(self, node, *children, squared=False):
        nsub = next((c for c in children if is_a(c, "nsub")), None)
        return self.norm(node, nsub.children[0] if nsub is not None else None, squared)

    def norm(self, node, which, squared=False):
        """The norm; its square without the square root where `squared` (an
        explicit instance's `\\|v\\|^2`: √(Σ vᵢ²)² is Σ vᵢ², and SymPy's √ of a
        sum of numbers asks their signs by evaluating them)."""
        inner = next(c for c in node.children if isinstance(c, lark.Tree) and c.data != "nsub")
        value = self.read(inner)
        shape = self.shape(value)
        which = str(which).strip("{} ") if which is not None else ""
        if shape is None:
            raise self.fail(f"`{self.source(inner)}` is a number here: `|x|` is its absolute "
                            "value; declare a vector with its size (`x: {kind: vector, size: n}`) "
                            "to take its norm", node)
        vector = shape[1] == 1 or shape[0] == 1
        if which not in ("", "2", "F") or (self.env.mode == "symbolic" and not vector
                                            and which != "F"):
            raise self.fail(f"`{self.source(node)}`: derive-ce reads the Euclidean norm of a "
                            "vector (`\\|x\\|`, `\\|x\\|_2`) and the Frobenius norm of a matrix "
                            "(`\\|X\\|_F`)", node)
        if self.env.mode == "explicit":
            total = sum(e ** 2 for e in value)
            return total if squared else sp.sqrt(total)
        return sp.sqrt(sp.Trace(value.T * value))

    def rule_mfunc(self, node, token, argument):
        written = function_name(str(token))
        name = written.lower()
        value = self.read(argument)
        shape = self.shape(value)
        if self.world.is_function(written):           # `\text{softmax}(x): ...` defined
            return self.apply(written, value, node)
        if name == "softmax":
            return self.softmax(value, node)
        if name == "diag":
            if shape is None or shape[1] != 1:
                raise self.fail("`\\operatorname{diag}` of a (column) vector", node)
            if self.env.mode == "explicit":
                return sp.diag(*list(value))
            return sp.DiagMatrix(value)
        if shape is None and self.env.mode == "explicit":
            return value                       # a 1×1 matrix read as its number
        if shape is None or not self.same((shape[0],), (shape[1],)):
            raise self.fail(f"the {'trace' if name in ('tr', 'trace') else 'determinant'} "
                            f"of a {_shown(shape) if shape else 'number'}: it needs a square "
                            "matrix", node)
        if self.env.mode == "explicit":
            return value.trace() if name in ("tr", "trace") else value.det(method="berkowitz")
        return sp.Trace(value) if name in ("tr", "trace") else sp.Determinant(value)

    def softmax(self, value, node):
        shape = self.shape(value)
        if shape is None or shape[1] != 1:
            raise self.fail(f"`{self.source(node)}`: softmax is read of a (column) vector "
                            "declared with its size (`z: {kind: vector, size: n}`); or define "
                            "it as a function, `\\text{softmax}(x): ...`", node)
        if self.env.mode != "explicit":
            raise Unsupported("softmax")
        exps = value.applyfunc(sp.exp)
        return exps / sum(exps)

    def rule_ones(self, node, _token, sup=None):
        if sup is None:                 # sized by the product or sum it stands in
            return _Eye(None, ones=True)
        size = self.world.size_of(sup.children[0], self)
        return sp.ones(size, 1) if self.env.mode == "explicit" else sp.OneMatrix(size, 1)

    # -- functions, applied elementwise -------------------------------------------
    def rule_func_app(self, node, token, *rest):
        if any(is_a(r, "fpow", "fbase") for r in rest):
            raise self.fail(f"`{self.source(node)}` is not read in a matrix step", node)
        return self.function(function_name(str(token)), self.read(rest[-1]), node)

    def function(self, name, argument, node):
        if isinstance(argument, _Product):
            argument = argument.read(self)
        if name not in FUNCTIONS or name in ("max", "min"):
            raise self.fail(f"`\\{name}` is not read in a matrix step", node)
        return self.elementwise(FUNCTIONS[name], argument, name)

    def apply(self, name, argument, node):
        return self.elementwise(lambda e: self.world.call(name, e), argument, name)

    def elementwise(self, function, value, name):
        if self.shape(value) is None:
            return function(value)
        if self.env.mode == "explicit":
            return value.applyfunc(function)
        if self.shape(value) == (1, 1):
            return function(self.scalar(value))
        if self.env.mode != "explicit":
            raise Unsupported(f"{name} applied elementwise")
        return value.applyfunc(function)

    # -- derivatives -----------------------------------------------------------
    def rule_napply(self, node, nabla, operand):
        order, variable = 1, None
        for mod in nabla.children[1:]:
            if is_a(mod, "nabla_order"):
                order = self.world.exponent(mod.children[0], self)
            else:
                variable = mod.children[0]
        if variable is None:
            raise self.fail("write the variable of the gradient: `\\nabla_x f`", nabla)
        name = _dsub_name(variable)
        if name not in self.env.objects:
            raise self.fail(f"`\\nabla` by `{name}` is the gradient by a vector or matrix: declare "
                            f"`{name}` with its size (`{name}: {{kind: vector, size: n}}`); "
                            f"for a number, write `\\frac{{d}}{{d{name}}}`", nabla)
        if order not in (1, 2):
            raise self.fail("`\\nabla` of order 1 or 2 (the gradient, the Hessian)", nabla)
        if self.entrywise(name):
            return self.by_entries(operand, name, node, gradient=True, order=order)
        value = self.read(operand)
        if order == 2:
            return self.hessian(value, name, node)
        return self.derivative(value, name, node, gradient=True)

    def rule_dapply(self, node, dop, operand):
        if dop.data != "dop_frac" or len(dop.children) != 2:
            raise self.fail("write the derivative as `\\frac{\\partial}{\\partial x}`", dop)
        name = tree_name(dop.children[1].children[0].children[0])
        if len(dop.children[1].children) > 1:
            raise self.fail("a higher derivative by a vector: write the Hessian `\\nabla^2_x f`",
                            dop)
        if self.entrywise(name):
            return self.by_entries(operand, name, node)
        return self.derivative(self.read(operand), name, node)

    def leibniz(self, node, top, bottom):
        """`\\frac{\\partial f}{\\partial \\mathbf{x}}`, `\\frac{\\partial L}{\\partial W}`."""
        tops = [c for c in top.children]
        bottoms = [c for c in bottom.children] if is_a(bottom, "implicit") else [bottom]
        if len(tops) < 2 or len(bottoms) != 2 or not _partial(bottom):
            raise self.fail(f"`{self.source(node)}`: write `\\frac{{\\partial f}}{{\\partial x}}`",
                            node)
        target = bottoms[1]
        if not is_a(target, "symbol"):
            raise self.fail("the variable of a derivative is a vector, a matrix or a scalar "
                            "name", target)
        name = tree_name(target.children[0])
        body = tops[1] if len(tops) == 2 else lark.Tree("implicit", tops[1:], top.meta)
        if len(target.children) > 1:                 # ∂L/∂W_{i,j}: by one element
            return self.by_element(self.read(body), target, node)
        if self.entrywise(name):
            return self.by_entries(body, name, node)
        return self.derivative(self.read(body), name, node)

    def by_element(self, value, target, node):
        name = tree_name(target.children[0])
        if name not in self.env.objects:
            return self.world.scalar_node(node, self)
        variable = self.read(target)
        scalar = self.scalar(value)
        if scalar is None:
            raise self.fail("the derivative of a vector or matrix by one element is not read",
                            node)
        if self.env.mode != "explicit" or not isinstance(variable, sp.Symbol):
            raise Unsupported("a derivative by an element")
        return entry_diff(scalar, variable)

    def entrywise(self, name: str) -> bool:
        """Explicit mode, by a vector or matrix whose entries have values: the
        body is read again with one entry (two for a Hessian) left a symbol,
        the others numbers, so that an inverse or a determinant stays small."""
        return self.env.mode == "explicit" and bool(self.env.values) \
            and isinstance(self.env.objects.get(name), sp.MatrixBase)

    def by_entries(self, body, name, node, gradient=False, order=1):
        symbols = self.env.objects[name]
        numeric = symbols.xreplace(self.env.values)
        rows, cols = symbols.shape
        positions = [(i, j) for i in range(rows) for j in range(cols)]

        def read_with(*live):
            moved = numeric.copy()
            for i, j in live:
                moved[i, j] = symbols[i, j]
            self.env.objects[name] = moved
            self.world.forget()
            try:
                with dotprodsimp(False):    # SymPy's tidying of each product: 10x the work,
                    return self.read(body)  # and det(X^{-1}) ran out of time (detXinv)
            finally:
                self.env.objects[name] = symbols
                self.world.forget()
        if order == 2:
            if cols != 1:
                raise self.fail("the Hessian `\\nabla^2_x f` is of a number by a vector", node)
            entries = {}
            for a in range(rows):
                for b in range(rows):
                    scalar = self.scalar(read_with((a, 0), (b, 0)))
                    if scalar is None:
                        raise self.fail("the Hessian `\\nabla^2_x f` is of a number by a vector",
                                        node)
                    entries[a, b] = entry_diff(scalar, symbols[a, 0], symbols[b, 0])
            return sp.Matrix(rows, rows, lambda a, b: entries[a, b])
        parts = {p: read_with(p) for p in positions}
        first = parts[positions[0]]
        scalar = self.scalar(first)
        if scalar is not None:
            grad = sp.Matrix(rows, cols, lambda i, j: entry_diff(self.scalar(parts[i, j]),
                                                              symbols[i, j]))
            numerator = self.env.layout == "numerator" and not gradient
            return grad.T if numerator else grad
        fshape = self.shape(first)
        if gradient or fshape[1] != 1 or cols != 1:
            raise self.fail("the derivative of a vector or matrix by a vector or matrix: "
                            "derive-ce reads ∂f/∂x for a vector f and a vector x (the Jacobian), "
                            "and gradients of numbers", node)
        jacobian = sp.Matrix(fshape[0], rows,
                             lambda k, i: entry_diff(parts[i, 0][k, 0], symbols[i, 0]))
        return jacobian if self.env.layout == "numerator" else jacobian.T

    def variable(self, name, node):
        if name in self.env.objects:
            return self.env.objects[name]
        if self.world.declared(name) and self.world.kind(name) != "scalar":
            raise self.fail(f"`{name}` has no size: declare `{name}: {{kind: vector, size: n}}` "
                            "or `{kind: matrix, shape: [n, m]}` to differentiate by it", node)
        return self.world.scalar(name, node, self)

    def derivative(self, value, name, node, gradient=False):
        var = self.variable(name, node)
        vshape = self.shape(var)
        fshape = self.shape(value)
        scalar = self.scalar(value)
        if vshape is None:                               # d/dλ of anything
            return sp.diff(value, var) if fshape is None else (
                value.diff(var) if self.env.mode == "explicit" else _symbolic_diff(value, var))
        if scalar is not None:
            if self.env.mode == "explicit":
                grad = sp.Matrix(*var.shape, lambda i, j: entry_diff(scalar, var[i, j]))
            else:
                grad = _symbolic_diff(scalar, var)
            numerator = self.env.layout == "numerator" and not gradient
            return grad.T if numerator else grad
        if gradient or fshape[1] != 1 or vshape[1] != 1:
            raise self.fail("the derivative of a vector or matrix by a vector or matrix: "
                            "derive-ce reads ∂f/∂x for a vector f and a vector x (the Jacobian), "
                            "and gradients of numbers", node)
        if self.env.mode != "explicit":
            raise Unsupported("a Jacobian")
        jacobian = sp.Matrix(fshape[0], vshape[0],
                             lambda i, j: entry_diff(value[i, 0], var[j, 0]))
        return jacobian if self.env.layout == "numerator" else jacobian.T

    def hessian(self, value, name, node):
        var = self.variable(name, node)
        scalar = self.scalar(value)
        shape = self.shape(var)
        if scalar is None or shape is None or shape[1] != 1:
            raise self.fail("the Hessian `\\nabla^2_x f` is of a number by a vector", node)
        if self.env.mode != "explicit":
            raise Unsupported("a Hessian")
        n = var.shape[0]
        return sp.Matrix(n, n, lambda i, j: entry_diff(scalar, var[i, 0], var[j, 0]))


# Rules read here even without a vector or matrix inside: they are matrix notation.
_OWN = frozenset({"sup_top", "sup_invtop", "norm", "napply", "mfunc", "hadamard", "kron", "ones",
                  "group_sub", "symbol", "name", "styled", "implicit"})


class _Product:
    """The rest of a product after a bare function name (`\\log \\det X`)."""

    def __init__(self, items, node):
        self.items, self.node = items, node

    def read(self, reader: MatrixReader):
        if not self.items:
            raise reader.fail("a function without its argument", self.node)
        return reader.rule_implicit(self.node, *self.items)


class _Eye:
    """`I` or `\\mathbf{1}` without its size: it takes the size of what it is
    added to or multiplies (`ones`: the vector of ones, `row`: its transpose)."""

    def __init__(self, size, factor=1, ones=False, row=False):
        self.size, self.factor, self.ones, self.row = size, factor, ones, row


def _resolve_eye(value, partner, reader: MatrixReader, product: str = ""):
    if not isinstance(value, _Eye):
        return value
    shape = reader.shape(partner)
    what = "`\\mathbf{1}`" if value.ones else "`I`"
    if shape is None or isinstance(partner, _Eye):
        sized = "`\\mathbf{1}_n`" if value.ones else "`I_n`"
        raise reader.fail(f"{what} beside a number: write its size, {sized}")
    if value.ones:
        if not product:
            rows, cols = shape
        elif product == "left" and value.row:        # 1ᵀ A: a row as long as A's columns
            rows, cols = 1, shape[0]
        elif product == "right" and not value.row:   # A 1: a column as long as A's rows
            rows, cols = shape[1], 1
        else:
            raise reader.fail("the size of `\\mathbf{1}` is not set by this product: write "
                              "it, `\\mathbf{1}_n`")
        ones = sp.ones(rows, cols) if reader.env.mode == "explicit" else sp.OneMatrix(rows, cols)
        return value.factor * ones
    size = shape[1] if product == "right" else shape[0] if product == "left" else shape[0]
    if not product and not reader.same((shape[0],), (shape[1],)):
        raise reader.fail(f"`I` added to a {_shown(shape)} matrix, which is not square")
    eye = sp.eye(size) if reader.env.mode == "explicit" else sp.Identity(size)
    return value.factor * eye


def entry_diff(expr, *variables):
    """`sp.diff(expr, *variables)` for an explicit instance, whose expressions
    are numbers but for one entry (two for a Hessian): the sum, product, power
    and chain rules applied here, so that the parts in which the variable does
    not occur are not differentiated at all (SymPy builds `0·(…)` for each and
    asks the assumptions of the numbers in it, `1/(1 + e^{-7/4})`).  Anything
    else with the variable in it (a power by it, a function of several
    arguments or with a derivative of its own, a sum, a piecewise) is left to
    `sp.diff`; the result is the same derivative."""
    for variable in variables:
        if not isinstance(expr, sp.Expr) or not isinstance(variable, sp.Symbol):
            expr = sp.diff(expr, variable)
        else:
            expr = _chain(expr, variable, {})
    return expr


def _chain(e, x, memo: dict):
    if e == x:
        return sp.S.One
    if x not in e.free_symbols:
        return sp.S.Zero
    if e in memo:
        return memo[e]
    if isinstance(e, sp.Add):
        found = sp.Add(*[_chain(a, x, memo) for a in e.args])
    elif isinstance(e, sp.Mul):
        args = e.args
        terms = []
        for k, a in enumerate(args):
            if x in a.free_symbols:
                terms.append(sp.Mul(*args[:k], _chain(a, x, memo), *args[k + 1:]))
        found = sp.Add(*terms)
    elif isinstance(e, sp.Pow) and x not in e.exp.free_symbols:
        base, k = e.args
        found = k * base ** (k - 1) * _chain(base, x, memo)
    elif isinstance(e, sp.Function) and len(e.args) == 1 \
            and type(e)._eval_derivative is sp.Function._eval_derivative \
            and not isinstance(e, AppliedUndef) and isinstance(e.args[0], sp.Expr):
        try:
            outer = e.fdiff(1)
        except ArgumentIndexError:      # as Function._eval_derivative does
            outer = sp.Function.fdiff(e, 1)
        found = outer * _chain(e.args[0], x, memo)
    else:
        found = sp.diff(e, x)
    memo[e] = found
    return found


def _symbolic_diff(value, var):
    try:
        result = sp.diff(value, var)
    except (TypeError, ValueError, NotImplementedError, AttributeError) as exc:
        raise Unsupported(str(exc)) from None
    if result == 0 and not isinstance(value, sp.MatrixExpr) and var in value.free_symbols:
        raise Unsupported("SymPy found no derivative")
    if not isinstance(result, sp.MatrixExpr) or tuple(result.shape) != tuple(var.shape) \
            or result.has(sp.Derivative) or "Derivative" in type(result).__name__:
        raise Unsupported("SymPy left the derivative undone")
    return result


def _partial(node) -> bool:
    node = unwrap(node)
    first = node.children[0] if is_a(node, "implicit") else node
    return is_a(first, "partial")


def _dsub_name(dsub) -> str:
    child = dsub.children[0]
    if isinstance(child, lark.Token):
        return token_name(child)
    return tree_name(child.children[0])


def _shown(shape) -> str:
    if shape is None:
        return "1×1 (a number)"
    return "×".join(sp.sstr(s) for s in shape)


def parse_one(text: str, line: int):
    tree = parse(text, "chain", line)
    exprs = [c for c in tree.children if isinstance(c, lark.Tree)]
    if len(exprs) != 1:
        raise InputError("expected one expression, not a chain joined by `=`", line)
    return exprs[0]


def _is_dot(op) -> bool:
    """`\\cdot` (`·`, `⋅`) between two vectors is their inner product; `\\times`
    (the cross product) and `*` are not read so."""
    return str(op).strip() in ("\\cdot", "·", "⋅")


def _columns(sa, sb, same) -> bool:
    """Two column vectors of one size."""
    return sa is not None and sb is not None and sa[1] == 1 and sb[1] == 1 and sa[0] != 1 \
        and same((sa[0],), (sb[0],))

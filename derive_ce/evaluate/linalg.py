"""Plain matrices for the second reading of matrix steps (issue 17).

A Mat is a list of rows of numbers as evaluate/numbers.py keeps them (int,
Fraction, or mpf where a real touched them): products, sums, transpose,
the inverse and the determinant by Gaussian elimination (exact on
fractions), the trace, Euclidean and Frobenius norms, the Hadamard and
Kronecker products.  No SymPy, nothing from decide/.
"""

from __future__ import annotations

import mpmath

from derive_ce.evaluate import numbers as num
from derive_ce.evaluate.numbers import Undefined, Unsupported


class Mat:
    """rows × cols numbers; a vector is a column (n × 1)."""

    __slots__ = ("rows", "cols", "data")

    def __init__(self, data: list[list]):
        self.data = data
        self.rows = len(data)
        self.cols = len(data[0]) if data else 0
        if self.rows == 0 or self.cols == 0 or any(len(r) != self.cols for r in data):
            raise Unsupported("a matrix with an empty or ragged shape")

    @property
    def shape(self) -> tuple[int, int]:
        return (self.rows, self.cols)

    def entries(self):
        return [e for row in self.data for e in row]

    def map(self, function) -> "Mat":
        return Mat([[function(e) for e in row] for row in self.data])

    def __repr__(self) -> str:
        return f"Mat({self.data!r})"


def shown(shape) -> str:
    return "×".join(map(str, shape)) if shape is not None else "1×1 (a number)"


def identity(n: int) -> Mat:
    return Mat([[1 if i == j else 0 for j in range(n)] for i in range(n)])


def ones(rows: int, cols: int = 1) -> Mat:
    return Mat([[1] * cols for _ in range(rows)])


def transpose(a: Mat) -> Mat:
    return Mat([[a.data[i][j] for i in range(a.rows)] for j in range(a.cols)])


def add(a: Mat, b: Mat, sign: int = 1) -> Mat:
    if a.shape != b.shape:
        raise Unsupported(f"a sum of shapes {shown(a.shape)} and {shown(b.shape)}")
    return Mat([[num.add(x, y if sign == 1 else -y) for x, y in zip(ra, rb)]
                for ra, rb in zip(a.data, b.data)])


def scale(a: Mat, factor) -> Mat:
    return a.map(lambda e: num.mul(factor, e))


def matmul(a: Mat, b: Mat) -> Mat:
    if a.cols != b.rows:
        raise Unsupported(f"a product of shapes {shown(a.shape)} and {shown(b.shape)}")
    columns = list(zip(*b.data))
    out = []
    for row in a.data:
        out.append([_dot(row, column) for column in columns])
    return Mat(out)


def _dot(row, column):
    total = 0
    for x, y in zip(row, column):
        total = num.add(total, num.mul(x, y))
    return total


def hadamard(a: Mat, b: Mat) -> Mat:
    if a.shape != b.shape:
        raise Unsupported(f"`\\odot` of shapes {shown(a.shape)} and {shown(b.shape)}")
    return Mat([[num.mul(x, y) for x, y in zip(ra, rb)] for ra, rb in zip(a.data, b.data)])


def kron(a: Mat, b: Mat) -> Mat:
    """The Kronecker product: block (i, j) is a_ij B."""
    return Mat([[num.mul(a.data[i][j], b.data[k][l]) for j in range(a.cols) for l in range(b.cols)]
                for i in range(a.rows) for k in range(b.rows)])


def trace(a: Mat):
    _square(a, "the trace")
    total = 0
    for i in range(a.rows):
        total = num.add(total, a.data[i][i])
    return total


def norm(a: Mat):
    """Euclidean for a vector, Frobenius for a matrix: √(Σ entries²)."""
    total = 0
    for e in a.entries():
        total = num.add(total, num.mul(e, e))
    return num.root(total, 2)


def power(a: Mat, k: int) -> Mat:
    _square(a, "a power")
    out = identity(a.rows)
    for _ in range(k):
        out = matmul(out, a)
    return out


def _square(a: Mat, what: str) -> None:
    if a.rows != a.cols:
        raise Unsupported(f"{what} of a {shown(a.shape)} matrix, which is not square")


def _eliminate(a: Mat, right: Mat | None):
    """Gauss-Jordan on [a | right]: (determinant, a⁻¹ right or None).
    Exact on ints and fractions; on reals the largest pivot, and a pivot
    below the working precision's noise is a singular matrix."""
    _square(a, "the inverse or determinant")
    n = a.rows
    rows = [list(r) + (list(right.data[i]) if right is not None else []) for i, r in enumerate(a.data)]
    exact = all(num.exact(e) for r in rows for e in r)
    noise = mpmath.mpf(10) ** (10 - mpmath.mp.dps) * max(
        [mpmath.mpf(1)] + [abs(num.real(e)) for e in a.entries()])
    det = 1
    for col in range(n):
        candidates = [r for r in range(col, n) if rows[r][col] != 0]
        if not exact:
            candidates = sorted(candidates, key=lambda r: -abs(num.real(rows[r][col])))
        if not candidates or (not exact and abs(num.real(rows[candidates[0]][col])) <= noise):
            return 0, None
        pivot_row = candidates[0]
        if pivot_row != col:
            rows[col], rows[pivot_row] = rows[pivot_row], rows[col]
            det = -det
        pivot = rows[col][col]
        det = num.mul(det, pivot)
        rows[col] = [num.div(e, pivot) for e in rows[col]]
        for r in range(n):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [num.add(x, -num.mul(factor, y)) for x, y in zip(rows[r], rows[col])]
    if right is None:
        return det, None
    return det, Mat([r[n:] for r in rows])


def det(a: Mat):
    return _eliminate(a, None)[0]


def inverse(a: Mat) -> Mat:
    value, inv = _eliminate(a, identity(a.rows))
    if inv is None:
        raise Undefined("the inverse of a singular matrix")
    return inv

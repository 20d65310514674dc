"""Vectors and matrices inferred from matrix notation in notes (read/objects.py)."""

import pytest

from derive_ce.read.latex.parser import parse
from derive_ce.read.objects import infer

OLS = [("\\nabla_\\beta \\|y - X\\beta\\|^2 = \\nabla_\\beta (y - X\\beta)^T (y - X\\beta)", 5),
       ("= -2X^T (y - X\\beta)", 6), ("= 2X^T X \\beta - 2X^T y", 7)]


def _shapes(texts, excluded=(), declared=None):
    return {n: (kind, shape) for n, (kind, shape, _, _) in
            infer(texts, parse, set(excluded), declared).items()}


def test_least_squares_gives_each_letter_its_shape():
    assert _shapes(OLS) == {"beta": ("vector", ("n",)), "X": ("matrix", ("m", "n")),
                            "y": ("vector", ("m",))}


def test_sizes_the_prose_names_are_kept():
    assert _shapes(OLS, declared={"X": ("N", "p")}) == {"beta": ("vector", ("p",)),
                                                        "y": ("vector", ("N",))}


@pytest.mark.parametrize("texts, found", [
    ([("\\nabla_x x^\\top A x = (A + A^\\top) x", 3)],
     {"x": ("vector", ("n",)), "A": ("matrix", ("n", "n"))}),
    ([("\\frac{\\partial}{\\partial X} \\operatorname{tr}(X^\\top A) = A", 3)],
     {"X": ("matrix", ("n", "m")), "A": ("matrix", ("n", "m"))}),
    ([("\\|x + y\\|^2 = \\|x\\|^2 + 2 x \\cdot y + \\|y\\|^2", 3)],
     {"x": ("vector", ("n",)), "y": ("vector", ("n",))}),
    # sizes named past the letters the notes use (n is taken here)
    ([("\\sum_{i=1}^{n} x_i w_i = w^\\top x", 3)], {"w": ("vector", ("m",)),
                                                    "x": ("vector", ("m",))}),
])
def test_matrix_notation_makes_objects(texts, found):
    assert _shapes(texts, excluded={"i"}) == found


@pytest.mark.parametrize("texts", [
    [("x^2 + 2x = x(x + 2)", 3)],                       # no matrix notation
    [("f(x) = x + 1", 3)],                              # an application, not a product
    [("x^T = x", 3)],                                   # a vector of size 1: a contradiction
    [("\\nabla_x x^\\top x = 2 x", 3), ("A^T = a", 4)],   # a matrix equal to a vector
])
def test_nothing_is_inferred_where_the_notation_does_not_say_or_contradicts(texts):
    assert _shapes(texts) == {}

"""Hypothesis strategies for inputs in and around the derivation format."""

from __future__ import annotations

import yaml
from hypothesis import strategies as st

LATEX_TOKENS = [
    "x", "y", "n", "2", "0.5", "10", "e", "L_i", "L_j", "L_\\gamma", "p_i", "W_{i,j}", "f(x)",
    "\\gamma", "\\pi", "\\alpha", "\\text{Loss}", "\\mathrm{d}", "d", "\\partial", "\\infty",
    "\\frac", "\\dfrac", "{", "}", "(", ")", "[", "]", "\\{", "\\}", "\\left(", "\\right)",
    "\\left|", "\\right|", "|", "^", "_", "^{2}", "_{j=1}", "^{n}", "+", "-", "=", "/", "*",
    "\\cdot", "\\times", "!", ",", "<", ">", "\\le", "\\neq", "\\sum", "\\prod", "\\sqrt",
    "\\ln", "\\log", "\\exp", "\\sin", "\\tanh^2", "\\frac{d}{dx}", "\\frac{\\partial}{\\partial L_i}",
    "\\quad", "\\,", " ", "\\foo", "\\", "%", "&", "\\quad |", "\\text{", "^{100000}", "99999!",
]

PLAIN_TOKENS = [
    "x", "y", "2", "0.5", "+", "-", "*", "/", "**", "(", ")", ",", "[", "]", "L", "j", "n",
    "exp", "log", "sqrt", "sin", "Sum", "Derivative", "Abs", "factorial", "pi", "E", ".",
    "__class__", "__import__", "'os'", "lambda", ":", "open", "eval", "[i for i in ()]",
    "1e308", "10**10**10", "=", ";", "\n", "'", "\"", "@", "if", "else",
]


def _soup(tokens: list[str], most: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), min_size=1, max_size=most).map("".join)


def _render(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pair = st.tuples(children, children)
    return st.one_of(
        pair.map(lambda t: f"{t[0]} + {t[1]}"), pair.map(lambda t: f"{t[0]} - {t[1]}"),
        pair.map(lambda t: f"{t[0]} \\cdot {t[1]}"), pair.map(lambda t: f"\\frac{{{t[0]}}}{{{t[1]}}}"),
        pair.map(lambda t: f"{{{t[0]}}}^{{{t[1]}}}"), children.map(lambda c: f"\\left({c}\\right)"),
        children.map(lambda c: f"\\ln\\left({c}\\right)"), children.map(lambda c: f"e^{{{c}}}"),
        children.map(lambda c: f"\\sqrt{{{c}}}"), children.map(lambda c: f"\\frac{{d}}{{dx}} \\left({c}\\right)"),
        children.map(lambda c: f"\\sum_{{j=1}}^{{n}} {c}"), children.map(lambda c: f"|{c}|"),
    )


latex_leaves = st.sampled_from(["x", "y", "2", "3", "0.5", "n", "j", "e", "\\pi", "L_j", "x^2"])
latex_trees = st.recursive(latex_leaves, _render, max_leaves=8)
latex = st.one_of(_soup(LATEX_TOKENS, 30), latex_trees,
                  st.text(max_size=40))
plain = st.one_of(_soup(PLAIN_TOKENS, 20), st.text(max_size=30))

TOP_KEYS = ["title", "source", "symbols", "definitions", "steps", "cases", "result",
            "stpes", "step", "symbol", "when"]
scalars = st.one_of(latex, st.integers(-5, 5), st.booleans(), st.none(),
                    st.floats(allow_nan=True, allow_infinity=True))
steps = st.lists(st.one_of(
    latex, st.fixed_dictionaries({"latex": latex}, optional={"why": st.text(max_size=10)}),
    st.fixed_dictionaries({"expr": plain}), st.dictionaries(st.sampled_from(["latex", "expr", "why", "x"]), scalars, max_size=3)),
    max_size=5)
symbol_values = st.one_of(
    st.sampled_from(["vector", "matrix", "index", "function", "scalar", "vectr", ""]),
    st.fixed_dictionaries({}, optional={
        "kind": st.sampled_from(["index", "vector", "scalar", "nope"]),
        "range": st.one_of(st.lists(st.sampled_from(["1", "n", "0", "x", "\\frac{"]), max_size=3), scalars),
        "positive": st.one_of(st.booleans(), scalars), "integer": st.booleans(),
        "real": st.booleans()}))
symbols = st.dictionaries(st.sampled_from(["x", "n", "L", "W", "i, j", "gamma", "f", "x y", "__class__", "1a"]),
                          symbol_values, max_size=4)
definitions = st.dictionaries(st.sampled_from(["p_k", "Loss", "\\text{Loss}", "a", "b", "W_{i,j}", "x_1", "a+b"]),
                              latex, max_size=3)


def _cases(children):
    case = st.fixed_dictionaries({"when": latex}, optional={
        "steps": steps, "cases": st.lists(children, max_size=2), "result": latex})
    return case


cases = st.recursive(st.fixed_dictionaries({"when": latex, "steps": steps}),
                     lambda c: st.lists(_cases(c), max_size=2).map(lambda l: l[0] if l else {"when": "x > 0"}),
                     max_leaves=4)

documents = st.fixed_dictionaries(
    {"steps": steps},
    optional={"title": st.text(max_size=10), "symbols": symbols, "definitions": definitions,
              "cases": st.lists(cases, max_size=2), "result": latex,
              "stpes": steps, "extra": scalars})


def as_yaml(document) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


RAW_YAML = ["steps:\n  - x\n", "!!python/object:os.system x", "a: &a [*a]", "steps: [", "- - -",
            "steps:\n\t- x", "%YAML 9.9\n---\nsteps: [x]", "steps: !!binary aGk=", "{", "\x00",
            "steps:\n  - |\n    x\n", "steps: {x: 1}", "? [a]\n: b\n"]
yaml_texts = st.one_of(documents.map(as_yaml),
                       st.tuples(documents.map(as_yaml), st.sampled_from(RAW_YAML),
                                 st.integers(0, 200)).map(lambda t: t[0][:t[2]] + t[1] + t[0][t[2]:]),
                       st.text(max_size=200))

"""read/notes.py: how notes are recognised, split into rows, cases,
definitions and symbols; each rule next to a twin it must refuse."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import yaml

from derive_ce.errors import InputError
from derive_ce.read.document import build
from derive_ce.write.derivation import dump
from derive_ce.read.notes import case_condition as _case_condition, is_notes, read, top_parts
from derive_ce.read.model import Math


def _read(text: str, name: str = "n.md"):
    return read(Path(name), text.encode())


@pytest.mark.parametrize("name, text, notes", [
    ("a.md", "", True), ("a.tex", "", True), ("a.markdown", "", True),
    ("a.yaml", "$$ x = x $$", False), ("a.yml", "$$ x = x $$", False),
    ("a.txt", "$$ x = x $$", True), ("a.txt", "\\begin{align*} x &= x \\end{align*}", True),
    ("a.txt", "title: t\nsteps:\n  - $$ x $$\n", False),   # a YAML file named .txt
    ("a.txt", "no display here", False), ("notes", "\\[ x = x \\]", True),
])
def test_notes_are_recognised_by_suffix_then_content(name, text, notes):
    assert is_notes(Path(name), text.encode()) is notes


@pytest.mark.parametrize("text, condition", [
    ("if $\\gamma=i$:", "\\gamma=i"), ("For $\\gamma \\neq i$", "\\gamma \\neq i"),
    ("case x > 0:", "x > 0"), ("In the case that $x < 1$, we get:", "x < 1"),
    ("when \\(n = 1\\)", "n = 1"),
    ("For what it is worth, $a = b$ is used", None), ("If you like, skip", None),
    ("if $x^2$:", None), ("case study: results", None),
])
def test_case_lines(text, condition):
    assert _case_condition(text, None) == condition


@pytest.mark.parametrize("previous, negated", [
    ("\\gamma = i", "\\gamma \\neq i"), ("\\gamma \\neq i", "\\gamma = i"),
    ("x > 0", "x \\le 0"), ("x \\le 0", "x > 0"), ("0 < x < 1", None),
])
def test_otherwise_negates_the_previous_case(previous, negated):
    assert _case_condition("Otherwise:", Math(previous, 1)) == negated
    assert _case_condition("Otherwise:", None) is None


def test_equals_splits_at_depth_zero_only():
    assert top_parts("f = \\frac{a}{b = c} = (d = e)") == ["f", "\\frac{a}{b = c}", "(d = e)"]
    assert top_parts("= x \\le y") == ["", "x \\le y"]


def test_align_rows_lines_and_columns():
    text = "t\n\\begin{align*}\n  (a + b)^2 &= a^2 + 2ab + b^2 \\nonumber \\\\\n    &= b^2 + 2ab + a^2 \\label{x}\n\\end{align*}\n"
    steps = _read(text).derivation.steps
    assert [(s.math.text, s.math.line, s.math.column) for s in steps] == \
        [("(a + b)^2  = a^2 + 2ab + b^2", 3, 3), ("= b^2 + 2ab + a^2", 4, 6)]


def test_a_definition_chain_is_a_derivation_of_its_own():
    alone = _read("t\n$$ y = (x+1)^2 $$\n$$ = x^2 + 2x + 1 $$\n").derivation
    assert [(d.name, d.body.text) for d in alone.scope.definitions] == [("y", "(x+1)^2")]
    assert [s.math.text for s in alone.steps] == ["(x+1)^2", "= x^2 + 2x + 1"]
    # another chain follows: each is a derivation, the definition's rows checked too
    more = _read("t\n$$ y = (x+1)^2 = x^2 + 1 $$\n$$ \\frac{dy}{dx} = 2(x+1) $$\n").derivation
    assert [(s.title, [t.math.text for t in s.steps]) for s in more.sections] == [
        ("definition of y", ["(x+1)^2 = x^2 + 1"]),
        ("\\frac{dy}{dx}", ["\\frac{dy}{dx} = 2(x+1)"])]
    # a name used in its own body is a step: x = 2x - x is checked
    own = _read("t\n$$ x = 2x - x $$\n").derivation
    assert own.scope.definitions == () and [s.math.text for s in own.steps] == ["x = 2x - x"]


def test_a_wrapped_row_joins_its_lines_and_forgets_its_column():
    steps = _read("t\n$$\n(a +\n b)^2\n= c\n$$\n").derivation.steps
    assert [(s.math.text, s.math.line, s.math.column) for s in steps] == \
        [("(a + b)^2", 3, 0), ("= c", 5, 1)]


def test_one_expression_is_a_goal_unless_a_display_continues_it():
    goal = _read("t\n$$ x^2 $$\n\nprose\n\n$$ (x+1)^2 = x^2 + 2x + 1 $$\n")
    assert [s.math.text for s in goal.derivation.steps] == ["(x+1)^2 = x^2 + 2x + 1"]
    assert any("goal" in n.text and n.line == 2 for n in goal.notes)
    start = _read("t\n$$ x^2 $$\n\nprose\n\n$$ = x \\cdot x $$\n")
    assert [s.math.text for s in start.derivation.steps] == ["x^2", "= x \\cdot x"]


def test_definitions_main_and_side_remark_and_their_false_twins():
    imported = _read("t\n$$\\text{Loss} = -\\ln(p_\\gamma) \\quad | \\quad p_i = "
                     "\\frac{1}{i} \\quad \\text{softmax}$$\n$$ = -\\ln(1/\\gamma) $$\n")
    defs = imported.derivation.scope.definitions
    assert [(d.name, d.params, d.body.text) for d in defs] == \
        [("p", ("i",), "\\frac{1}{i}"), ("Loss", (), "-\\ln(p_\\gamma)")]
    assert imported.definition_notes == ("line 2: softmax", "line 2")
    # a why with `=` whose left side is no name is only a why
    twin = _read("t\n$$ a + b = b + a \\quad | \\frac{d}{dx} x = 1 $$\n").derivation
    assert twin.scope.definitions == () and twin.steps[0].why == "\\frac{d}{dx} x = 1"
    # a letter used before is no definition: `y = 3` is an equation, not checked
    used = _read("t\n$$ y^2 = y \\cdot y $$\n$$ y = 3 $$\n").derivation
    assert used.scope.definitions == () and len(used.sections) == 2
    assert used.sections[1].steps[0].unchecked.startswith("equation solving (an equation in unknowns")


def test_symbols_inferred_from_sums_and_subscripts():
    scope = _read("t\n$$ \\frac{d}{d L_i} \\sum_{j=1}^{K} W_{i,j} L_j = W_{i,i} $$\n"
                  "$$ y_1 = 2 $$\n").derivation.scope
    kinds = {d.names: (d.kind, d.range and tuple(m.text for m in d.range)) for d in scope.symbols}
    assert kinds == {("L",): ("vector", None), ("W",): ("matrix", None),
                     ("i", "j"): ("index", ("1", "K")), ("K",): ("scalar", None)}
    assert dict(next(d for d in scope.symbols if d.names == ("K",)).flags) == \
        {"integer": True, "positive": True}


def test_a_subscript_without_an_index_is_no_vector():
    scope = _read("t\n$$ x_a + x_b = x_b + x_a $$\n").derivation.scope
    assert scope.symbols == ()


def test_code_comments_and_html_are_never_read():
    text = ("t\n```\n$$ 1 = 2 $$\n```\n`$$ 3 = 4 $$`\n<!-- $$ 5 = 6 $$ -->\n"
            "$$ 2a = a + a $$\n")
    steps = _read(text).derivation.steps
    assert [(s.math.text, s.math.line) for s in steps] == [("2a = a + a", 7)]
    tex = _read("t\n% $$ 1 = 2 $$\n\\[ 2b = b + b \\] % \\[ 3 = 4 \\]\n", "n.tex").derivation.steps
    assert [s.math.text for s in tex] == ["2b = b + b"]


def test_an_unclosed_display_names_its_line():
    with pytest.raises(InputError) as caught:
        _read("t\n\n  \\begin{align}\n x &= x\n")
    assert caught.value.line == 3 and "column 3" in caught.value.message


TOKENS = ["$$", "$", "\\[", "\\]", "\\begin{align*}", "\\end{align*}", "\\\\", "&", "=", "\n",
          "if ", "case ", "otherwise:", "x", "p_i", "L_j", "\\sum_{j=1}", "\\text{Loss}", "{", "}",
          "(", ")", "\\quad |", "%", "`", "```\n", "<!--", "-->", "# ", ":", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from(["n.md", "n.tex", "n.txt"]))
def test_any_notes_give_a_derivation_or_an_input_error(tokens, name):
    try:
        imported = read(Path(name), "".join(tokens).encode())
    except InputError as exc:
        assert exc.message
        return
    for step in imported.derivation.steps:
        assert step.math.line >= 1 and step.math.text.strip()
    try:
        written = dump(imported, name)
    except InputError:
        assert not imported.derivation.steps
        return
    loaded = build(yaml.compose(written, Loader=yaml.SafeLoader), name)
    assert [s.math.text for s in loaded.steps] == [s.math.text for s in imported.derivation.steps]
    assert [c.when.text for c in loaded.cases] == [c.when.text for c in imported.derivation.cases]


def test_colon_equals_defines_and_e_is_never_defined():
    derivation = _read("t\n$$ f := x^2 $$\n$$ \\frac{d}{dx} f = 2x $$\n").derivation
    assert [(d.name, d.body.text) for d in derivation.scope.definitions] == [("f", "x^2")]
    twin = _read("t\n$$ e = 1 + 1 $$\n").derivation
    assert twin.scope.definitions == () and [s.math.text for s in twin.steps] == ["e = 1 + 1"]


def test_a_function_is_defined_by_its_application():
    defs = _read("t\n$$ \\sigma(x) = \\frac{1}{1 + e^{-x}} $$\n$$ f(a, b) = a b $$\n"
                 "$$ \\text{Loss}(x) = x^2 $$\n$$ \\mathrm{GELU}\\left(x\\right) = x $$\n"
                 "$$ \\ell(\\mu, \\sigma) = \\mu $$\n$$ 2 = 1 + 1 $$\n").derivation.scope.definitions
    assert [(d.name, d.params, d.function) for d in defs] == \
        [("sigma", ("x",), True), ("f", ("a", "b"), True), ("Loss", ("x",), True),
         ("GELU", ("x",), True), ("ell", ("mu", "sigma"), True)]


def test_line_breaks_yaml_knows_cannot_escape_a_comment_or_a_scalar():
    notes = ("T\u2028title: injected\n\nsays\u2028definitions: {x: 0}\n\n$$ 2x = x + x $$\n"
             "case \u2029x > 0:\n\n$$ x\u0085 = x $$\n").encode()
    imported = read(Path("n.md"), notes)
    written = dump(imported, "n\u2028.md")
    loaded = build(yaml.compose(written, Loader=yaml.SafeLoader), "n.md")
    assert loaded.title == "T title: injected" and loaded.scope.definitions == ()
    assert loaded.source == "notes: n.md" and "\u2028" not in written
    assert [s.math.text for s in loaded.steps] == [s.math.text for s in imported.derivation.steps]


def _texts(imported):
    found = imported.derivation
    steps = [s for sec in found.sections for s in sec.steps] if found.sections else found.steps
    return [s.math.text for s in steps]


def test_a_function_named_alone_is_its_value_at_its_letter_where_that_letter_is_used():
    texts = _texts(_read("t\n\nLet $\\sigma(x) = \\frac{1}{1+e^{-x}}$.\n\n"
                         "$$ \\frac{d\\sigma}{dx} = \\sigma(1-\\sigma) \\cdot e^{0 x} $$\n\n"
                         "$$ \\sigma' = \\sigma_i + \\sigma(2) $$\n\n"
                         "$$ \\sigma^2 = \\sigma \\cdot \\sigma $$\n"))
    assert texts == ["\\frac{d\\sigma(x)}{dx} = \\sigma(x) (1-\\sigma(x)) \\cdot e^{0 x}",
                     "\\sigma' = \\sigma_i + \\sigma(2)",       # no x: refused later, as before
                     "\\sigma^2 = \\sigma \\cdot \\sigma"]
    texts = _texts(_read("t\n\nwith $u = 3$:\n\n$$ \\sigma (1 - \\sigma) = x $$\n"))
    assert texts == ["\\sigma (1 - \\sigma) = x"]                 # \sigma never defined


def test_a_prime_after_a_bracket_is_read_only_where_one_letter_is_the_variable():
    texts = _texts(_read("t\n\n$$ (x^2 + 1)' = 2x $$\n\n$$ (a x)' = a $$\n\n$$ (2 \\cdot 3)' = 0 $$\n"))
    assert texts == ["{\\frac{d}{dx}\\left(x^2 + 1\\right)} = 2x", "(a x)' = a", "(2 \\cdot 3)' = 0"]


def test_a_line_of_inline_cells_is_one_row_only_with_a_cell_that_is_only_a_relation():
    texts = _texts(_read("t\n\n$\\displaystyle x + x$ $\\displaystyle =$ $\\displaystyle 2x$\n\n"
                         "$x = 1$ $y = 2$\n"))
    assert [" ".join(t.split()) for t in texts] == ["x + x = 2x"]


def test_the_readings_of_a_bare_name_and_a_bracket_prime_keep_to_their_limits():
    texts = _texts(_read("t\n\nLet $f(x) = x^2$ and $u = 3x^2$.\n\n"
                         "$$ \\hat{f} + f = \\hat{f} + x^2 $$\n\n$$ (u^2)' = 2u $$\n"))
    assert texts == ["\\hat{f} + f(x) = \\hat{f} + x^2", "(u^2)' = 2u"]


@pytest.mark.parametrize("math, read_as", [
    ("s = sigmoid(z)", r"s = \operatorname{sigmoid}(z)"),
    ("2*Softplus(x)-1", r"2*\operatorname{Softplus}(x)-1"),
    (r"ReLU \left(x\right)", r"\operatorname{ReLU} \left(x\right)"),
    ("myloss(w)", r"\operatorname{myloss}(w)"),          # refused by the checker, named
    (r"\frac{sigmoid(x)}{2}", r"\frac{\operatorname{sigmoid}(x)}{2}"),
    ("log(x) + tanh(z) + sqrt(x)", "log(x) + tanh(z) + sqrt(x)"),   # the grammar's own
    ("xlog(x)", "xlog(x)"),                              # x·log(x), as in YAML
    ("ax(b + c)", "ax(b + c)"),                          # two letters: a product
    (r"\text{sigmoid}(x) + \sigma(x)", r"\text{sigmoid}(x) + \sigma(x)"),
])
def test_words_before_brackets_are_names(math, read_as):
    from derive_ce.read.notes.words import rewrite
    assert rewrite(math) == read_as


def test_known_word_function_gets_its_meaning_unless_defined():
    imported = _read("$$ \\frac{d}{dz} softplus(z) = sigmoid(z) $$\n")
    defs = {d.name: d.body.text for d in imported.derivation.scope.definitions}
    assert defs == {"softplus": r"\ln\left(1 + e^{x}\right)", "sigmoid": r"\frac{1}{1 + e^{-x}}"}
    own = _read("$$ sigmoid(t) = \\frac{1}{1+e^{-t}} $$\n\n$$ 2 sigmoid(t) = \\frac{2}{1+e^{-t}} $$\n")
    assert [(d.name, d.params) for d in own.derivation.scope.definitions] == [("sigmoid", ("t",))]


@pytest.mark.parametrize("text, names", [
    ("$$m(x) = -x$$ $$t(m) = e^{m}$$ $$h(t) = 1 + t$$", {"m": "x", "t": "m", "h": "t"}),
    ("$$m(x) = -x$$ $$t(m) = e^{m}$$ $$t'(m) = e^{m}$$", {"m": "x", "t": "m"}),
    ("$$f(x) = x^2$$ $$g(y) = y + 1$$", {}),                        # no argument is a head
    ("$$m(x) = -x$$ $$t(m) = e^{m}$$ $$t(x) = e^{x}$$", {}),        # t on two arguments
    ("$$m(x) = -x$$ $$t(m) = e^{m}$$ $$t(2) = e^{2}$$", {}),        # t applied to 2: a function
    ("$$m(x) = -x$$ $$t(m) = e^{m}$$ $$t' = e^{m}$$", {}),          # t': in m, or in x?
    ("$$m(x) = -x$$ $$t(m) = e^{m}$$ $$t''(m) = e^{m}$$", {}),
    ("$$m(t) = -t$$ $$t(m) = e^{m}$$", {}),                          # a loop: no variable
])
def test_a_chain_of_inner_functions_is_read_only_where_every_use_agrees(text, names):
    from derive_ce.read.notes.segments import chain_names
    assert chain_names(text) == names

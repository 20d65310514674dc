"""LaTeX parse trees rendered as Unicode math: what was read, readable."""

import re

import lark
import pytest
from hypothesis import given, settings, strategies as st

from derive_ce.read import render as render_module
from derive_ce.read.latex.parser import parse
from derive_ce.read.render import render, render_tree

CASES = [
    (r"\frac{d \text{Loss}}{d L_i}", "dLoss/dLᵢ"),
    (r"\frac{\partial f}{\partial x}", "∂f/∂x"),
    (r"\frac{d}{d L_i} -\ln\left(\frac{e^{L_\gamma}}{\sum_{j=1} e^{L_j}}\right)",
     "d/dL_i −ln(e^(L_γ) / (Σⱼ₌₁ e^(L_j)))"),
    (r"x^{n+1} - \frac{a+b}{2 c}", "xⁿ⁺¹ − (a + b) / (2c)"),
    (r"2x e^{-x^2}", "2x e^(−x²)"),
    (r"\sqrt{x^2+1} + \sqrt[3]{x} + \sqrt[5]{y}", "√(x² + 1) + ∛x + ⁵√y"),
    (r"\tanh^2(x) \cdot \sin^{-1}(x)", "tanh²(x) · sin⁻¹(x)"),
    (r"|x| + \left| y \right| + x!", "|x| + |y| + x!"),
    (r"\prod_{k} a_k + W_{i,j} + \hat{x}_k + 0.5", "Πₖ aₖ + Wᵢ,ⱼ + x̂ₖ + 0.5"),
    (r"\sum_{c=1}^{C} y_{\beta,c}", "Σ_(c=1)^C y_β,c"),
    (r"\frac{a}{b}^2", "(a / b)²"),
    (r"\frac{d}{dx}\left(x^2\right) \cdot e^{x}", "d/dx(x²) · eˣ"),
    (r"\frac{d}{dx} x^2 e^x", "d/dx x² eˣ"),           # the operator takes the product
    (r"\frac{d^2}{d x^2} f + \frac{\partial^2}{\partial x \partial y} g + \partial_x h",
     "d²/dx² f + ∂²/∂x∂y g + ∂ₓ h"),
    (r"\sum_{j \neq i}^{n} a_j + \sum_{i,j} b", "Σ_(j≠i)ⁿ aⱼ + Σᵢ,ⱼ b"),
    (r"\mathbb{1}[x > 0] + \lfloor x \rfloor + \lceil y \rceil", "𝟙[x > 0] + ⌊x⌋ + ⌈y⌉"),
    (r"\begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}",
     "{ x if x > 0; 0 otherwise }"),
    (r"\vec{v} + f'(x) + \ell + \mathbf{x}_i", "v⃗ + f′(x) + ℓ + xᵢ"),
    (r"\log_2(x) + \max(a, b) + \frac12 + \binom{n}{k} + x^2_i",
     "log₂(x) + max(a, b) + 1/2 + C(n, k) + x²ᵢ"),
    (r"\ln xy + \sin x \cos x + \ln \sum_j e^{L_j}", "ln(xy) + sin(x) cos x + ln(Σⱼ e^(Lⱼ))"),
    (r"{a+b} c", "(a + b) c"),                        # invisible braces that group
    (r"{a + b \over c} + {d \over dx} x^2", "(a + b) / c + d/dx x²"),
    (r"a \times b \div c", "a × b ÷ c"),
    (r"\alpha\beta + \varepsilon + \Omega + \infty", "αβ + ε + Ω + ∞"),
    # issue 18: no LaTeX braces left in the terminal, \mathcal{L} is ℒ, a typed ∑ is Σ
    (r"\sigma^{3/2} + W_{i\gamma} + e^{L_\gamma}", "σ^(3/2) + W_iγ + e^(L_γ)"),
    (r"\mathcal{L} + \mathbb{R}", "ℒ + ℝ"),
    ("∑_{j=1}^n x_j + ∏_{k=1}^n y_k", "Σⱼ₌₁ⁿ xⱼ + Πₖ₌₁ⁿ yₖ"),
    (r"W_{i,j} + W_{i,\gamma} + x_i", "W_i,j + W_i,γ + xᵢ"),      # one symbol, one way
]


@pytest.mark.parametrize("latex, shown", CASES)
def test_renders_as_unicode_math(latex, shown):
    assert render(latex) == shown


def test_relations_and_chains():
    assert render(r"\gamma \neq i", "relation") == "γ ≠ i"
    assert render(r"x \le 0", "relation") == "x ≤ 0"
    assert render(r"= a = b") == "a = b"


def test_brackets_that_unicode_needs_and_latex_did_not():
    # a sum in a denominator would swallow what follows: bracketed
    assert render(r"\frac{1}{\sum_j a_j} b") == "(1 / (Σⱼ aⱼ)) b"
    # a fraction or a function before another factor: bracketed
    assert render(r"\frac{1}{2} x + \frac{\ln x}{2}") == "(1 / 2) x + (ln x) / 2"
    # a sum as numerator of a fraction: bracketed, else `/ n` reads as inside the sum
    assert render(r"\frac{\sum_j a_j}{n}") == "(Σⱼ aⱼ) / n"
    # a product in a denominator: bracketed; a sum at the end: not
    assert render(r"\frac{x}{2 y} + \sum_j a_j") == "x / (2y) + Σⱼ aⱼ"


def test_source_comes_back_when_it_cannot_be_read():
    assert render(r"\foo{x}") == r"\foo{x}"
    assert render("x +") == "x +"


def test_a_rule_the_table_does_not_know_is_rendered_generically(monkeypatch):
    """The grammar grows: an unknown rule must never crash the renderer."""
    tree = lark.Tree("brand_new_rule", [lark.Token("LETTER", "x"), parse("y^2").children[0],
                                        lark.Tree("another_rule", [])])
    assert render_tree(tree) == "x y²"
    monkeypatch.delitem(render_module.RULES, "frac")
    assert "1" in render(r"\frac{1}{2}") and "2" in render(r"\frac{1}{2}")


def test_a_rule_whose_shape_changed_falls_back(monkeypatch):
    """A known rule name with new children (the lead reshapes rules) still renders."""
    tree = lark.Tree("frac", [lark.Token("FRAC", "\\frac"), parse("a").children[0],
                              parse("b").children[0], parse("c").children[0]])
    assert render_tree(tree) == "frac a b c"


def test_deep_input_falls_back_to_the_source():
    text = "+".join(["x"] * 2400)
    assert render(text) in (text, " + ".join(["x"] * 2400))


LATEX = st.sampled_from([r"\frac{a}{b}", "x^2", r"\sum_j a_j", r"\ln x", "(a+b)", "-c",
                         r"\sqrt{x}", "|y|", r"\frac{d}{dx} x", "2", r"\alpha", "c(x)",
                         r"\cos 2a", r"\mathbb{1}[a > 0]", r"\lfloor y \rfloor",
                         r"\partial_x y", r"\binom{a}{b}"])


@settings(max_examples=150, deadline=None)
@given(st.lists(LATEX, min_size=1, max_size=5),
       st.lists(st.sampled_from([" + ", " - ", r" \cdot ", " ", " / "]), min_size=4, max_size=4))
def test_never_fails_and_keeps_every_letter(parts, ops):
    text = parts[0] + "".join(op + part for op, part in zip(ops, parts[1:]))
    shown = render(text)
    assert isinstance(shown, str) and shown
    letters = set(re.sub(r"\\[A-Za-z]+", "", text)) & set("abcxy")
    plain = shown.translate(_UNSCRIPT)
    assert all(letter in plain for letter in letters), (text, shown)


_UNSCRIPT = {v: k for table in (render_module.SUBSCRIPT, render_module.SUPERSCRIPT)
             for k, v in table.items()}


@pytest.mark.parametrize("name, shown", [
    ("theta_0", "θ₀"),            # was `thet a₀`: the letters of theta
    ("sigma_i", "σᵢ"),
    ("x_max", "xₘₐₓ"),
    ("G_{1,1}", "G₁,₁"),          # a matrix element, as the matrix instances name it
    ("mu_{k,j}", "μₖ,ⱼ"),
    ("x⁽⁾_1", "x⁽¹⁾"),            # sample 1 of x
    ("h_theta", "h_θ"),
    ("gamma", "γ"),
    ("L_i", "Lᵢ"),
    ("thetâ", "θ̂"),               # \hat{\theta}: was `thetâ`
    ("mū_1", "μ̄₁"),
    ("x̄", "x̄"),
])
def test_a_counterexamples_variable_is_shown_as_written(name, shown):
    from derive_ce.read.render import name_text
    assert name_text(name) == shown


def test_a_difference_with_accented_names_is_rendered_as_math():
    """`\\frac{- thetâ + x̄}{…}` was printed as raw LaTeX: the renderer reads no
    accented letter, so the slip's LaTeX names them `\\hat{\\theta}`, `\\bar{x}`."""
    import sympy as sp
    from derive_ce.decide.slip.kinds import latex
    from derive_ce.read.render import render
    theta, xbar = sp.Symbol("thetâ"), sp.Symbol("x̄")
    text = latex((xbar - theta) / (theta * (theta - 1)))
    assert "\\hat{\\theta}" in text and "\\bar{x}" in text
    assert render(text) == "(−θ̂ + x̄) / (θ̂ (θ̂ − 1))"

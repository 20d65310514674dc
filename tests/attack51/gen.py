#!/usr/bin/env python3
"""Write the attack-51 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the rules added in the
last stop (derivatives by a squared variable, defined names with subscripts, TeX's short forms
and unbraced arguments, definition signs and conditions in prose, domains of log-likelihood
steps) and matrix steps with declared shapes. Each false twin is a slip people make (a lost factor
or sign, a dropped term, a chain factor, an index or a transpose swapped), where possible the value
a misreading of the notation makes true, or right at special points listed in the README."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  derivatives by a squared variable, and second derivatives
pair("gauss_second_derivative_by_sigma", "A", r"""title: The curvature of a Gaussian log-likelihood in sigma
symbols:
  sigma: {positive: true}
definitions:
  L: -\frac{1}{2} \ln\left(2 \pi \sigma^{2}\right) - \frac{(x - \mu)^{2}}{2 \sigma^{2}}
steps:
  - \frac{\partial^2 L}{\partial \sigma^2}
  - = \frac{\partial}{\partial \sigma} \left(-\frac{1}{\sigma} + \frac{(x - \mu)^{2}}{\sigma^{3}}\right)
  - @@= \frac{1}{\sigma^{2}} - \frac{3 (x - \mu)^{2}}{\sigma^{4}}@@= -\frac{1}{2 \sigma^{2}} + \frac{(x - \mu)^{2}}{2 \sigma^{4}}@@
  - = \frac{\sigma^{2} - 3 (x - \mu)^{2}}{\sigma^{4}}
""")
pair("md_variance_grad_chain_factor_inverted", "A", r"""# The gradient of a Gaussian log-likelihood by its variance

Let $\sigma > 0$.

Let $\ell = -\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}$.

$$\frac{\partial \ell}{\partial \sigma^2}$$

$$= @@\frac{1}{2 \sigma} \frac{\partial \ell}{\partial \sigma}@@2 \sigma \frac{\partial \ell}{\partial \sigma}@@$$

$$= \frac{1}{2 \sigma} \left(-\frac{1}{\sigma} + \frac{(x - \mu)^{2}}{\sigma^{3}}\right)$$

$$= \frac{(x - \mu)^{2} - \sigma^{2}}{2 \sigma^{4}}$$
""", "md")
pair("md_batchnorm_xhat_by_batch_variance", "A", r"""# The normalised input by the batch variance

Let $\epsilon > 0$.

Let $\hat{x} = \frac{x - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}$.

$$\frac{\partial \hat{x}}{\partial \sigma_B^2}$$

$$= @@-\frac{1}{2} (x - \mu_B) \left(\sigma_B^2 + \epsilon\right)^{-\frac{3}{2}}@@-(x - \mu_B) \sigma_B \left(\sigma_B^2 + \epsilon\right)^{-\frac{3}{2}}@@$$

$$= -\frac{x - \mu_B}{2 \left(\sigma_B^2 + \epsilon\right)^{\frac{3}{2}}}$$
""", "md")
pair("vae_kl_term_by_variance", "A", r"""title: The KL term of a VAE, by the variance
symbols:
  sigma: {positive: true}
definitions:
  K: \frac{1}{2} \left(\sigma^{2} + \mu^{2} - 1 - \ln \sigma^{2}\right)
steps:
  - \frac{\partial K}{\partial \sigma^2}
  - @@= \frac{1}{2} - \frac{1}{2 \sigma^{2}}@@= \sigma - \frac{1}{\sigma}@@
  - = \frac{\sigma^{2} - 1}{2 \sigma^{2}}
""")
pair("md_second_order_operator_by_sigma", "A", r"""# A second derivative in sigma, with sigma squared below

$$\frac{d^2}{d\sigma^2} \left(\sigma^{6} + a \sigma^{2}\right)$$

$$= \frac{d}{d\sigma} \left(6 \sigma^{5} + 2 a \sigma\right)$$

$$= @@30 \sigma^{4} + 2 a@@3 \sigma^{4} + a@@$$

$$= 2 \left(15 \sigma^{4} + a\right)$$
""", "md")
pair("function_second_derivative_by_sigma", "A", r"""title: A second derivative of a function of one argument, by sigma
definitions:
  g(t): t^{4}
steps:
  - \frac{d^2 g}{d \sigma^2}
  - = g''(\sigma)
  - @@= 12 \sigma^{2}@@= 12 \sigma^{4}@@
  - = 3 (2 \sigma)^{2}
""")

pair("variance_grad_bracketed_square_refused", "A", r"""title: A variance gradient, the chain factor put on the wrong side
symbols:
  sigma: {positive: true}
definitions:
  L: \ln \sigma^{2} + \frac{c}{\sigma^{2}}
steps:
  - \frac{\partial L}{\partial \sigma^2}
  - @@= \frac{1}{\sigma^{2}} - \frac{c}{\sigma^{4}}@@= \frac{\partial L}{\partial (\sigma^2)} \cdot 2 \sigma@@
  - = \frac{\sigma^{2} - c}{\sigma^{4}}
""")

# ---------------- B  defined names with subscripts
pair("md_text_subscript_name_as_variable", "B", r"""# The chain rule through a named output

Let $z_{\text{out}} = w x + b$.

Let $J = \frac{1}{2} \left(z_{\text{out}} - y\right)^{2}$.

$$\frac{\partial J}{\partial w}$$

$$= @@\frac{\partial J}{\partial z_{\text{out}}} \cdot x@@\frac{\partial J}{\partial z_{\text{out}}}@@$$

$$= \left(z_{\text{out}} - y\right) x$$

$$= (w x + b - y) x$$
""", "md")
pair("digit_subscripts_swapped_by_b", "B", r"""title: Two digit-subscripted names, by b
definitions:
  x_1: a + b
  x_2: a - b
steps:
  - \frac{\partial}{\partial b} \left(x_1 x_2\right)
  - @@= x_2 - x_1@@= x_1 - x_2@@
  - = -2 b
""")
pair("derivative_by_digit_subscripted_name", "B", r"""title: A derivative by a defined digit-subscripted name
definitions:
  z_1: w u
  L: \left(z_1 - y\right)^{2} + 3 z_1
steps:
  - \frac{\partial L}{\partial z_1}
  - @@= 2 \left(z_1 - y\right) + 3@@= 2 \left(z_1 - y\right) u + 3 u@@
  - = 2 w u - 2 y + 3
""")
pair("md_mathrm_unbraced_subscript_penalty", "B", r"""# A Cauchy penalty with an unbraced subscript

Let $J_\mathrm{reg} = \lambda \ln\left(1 + w^{2}\right)$.

$$\frac{d J_\mathrm{reg}}{d w}$$

$$= @@\frac{2 \lambda w}{1 + w^{2}}@@\frac{\lambda}{1 + w^{2}}@@$$

$$= \lambda \cdot \frac{2 w}{w^{2} + 1}$$
""", "md")
pair("md_two_text_subscripts_one_letter", "B", r"""# A data term and a penalty, one letter

Let $L_{\text{data}} = (w x - y)^{2}$ and $L_{\text{reg}} = w^{2}$.

$$\frac{\partial}{\partial w} \left(L_{\text{data}} + \lambda L_{\text{reg}}\right)$$

$$= @@2 x (w x - y) + 2 \lambda w@@2 x (w x - y) + 2 \lambda x (w x - y)@@$$

$$= 2 \left(x^{2} + \lambda\right) w - 2 x y$$
""", "md")
pair("md_parameter_named_like_function", "B", r"""# A parameter named like another function

Let $g(x) = x^{2}$ and $h(g) = \sin(3 g)$.

$$\frac{d}{dx} h\left(x^{3}\right)$$

$$= @@3 \cos\left(3 x^{3}\right) \cdot 3 x^{2}@@3 \cos\left(3 x^{3}\right)@@$$

$$= 9 x^{2} \cos\left(3 x^{3}\right)$$
""", "md")

# ---------------- C  TeX short forms and unbraced arguments
pair("md_half_power_unbraced_product_rule", "C", r"""# A product with an unbraced half power

Let $x > 0$.

$$\frac{d}{dx} \left(x^\frac{1}{2} x\right)$$

$$= @@\frac{1}{2} x^{-\frac{1}{2}} x + x^\frac{1}{2}@@\frac{1}{2} x^{-\frac{1}{2}} + x^\frac{1}{2}@@$$

$$= \frac{3}{2} x^\frac12$$
""", "md")
pair("root_exponent_unbraced_power", "C", r"""title: A power with an unbraced root as exponent
symbols:
  x: {positive: true}
steps:
  - \frac{d}{dx} (2 x)^\sqrt{2}
  - @@= \sqrt{2} (2 x)^{\sqrt{2} - 1} \cdot 2@@= \sqrt{2} (2 x)^{\sqrt{2}} \cdot 2@@
  - = 2^{\sqrt{2}} \sqrt{2} x^{\sqrt{2} - 1}
""")
pair("md_frac_one_digit_args_times_x", "C", r"""# Unbraced one-digit fractions before a letter

$$\frac{d}{dx} \left(\frac12x^{2} + \frac32x\right)$$

$$= @@x + \frac32@@2 x + \frac32@@$$

$$= \frac{2 x + 3}{2}$$
""", "md")
pair("md_short_d_unbraced_frac_exponent", "C", r"""# TeX's short operator on an unbraced fraction in the exponent

$$\frac d{dx} e^\frac{x}{2}$$

$$= @@\frac12 e^\frac{x}{2}@@e^\frac{x}{2}@@$$

$$= \frac{1}{2} \sqrt{e^{x}}$$
""", "md")
pair("md_short_d_rest_of_product", "C", r"""# TeX's short operator takes the rest of the product

$$\frac d{dx} x^{2} \sin x$$

$$= @@2 x \sin x + x^{2} \cos x@@2 x \sin x@@$$

$$= x \left(2 \sin x + x \cos x\right)$$
""", "md")
pair("short_partial_spaced_half_by_bias", "C", r"""title: TeX's short partial operator and a spaced one-digit fraction
steps:
  - \frac\partial{\partial b} \frac 1 2 (w x + b - y)^{2}
  - @@= w x + b - y@@= (w x + b - y) x@@
  - = b - (y - w x)
""")

# ---------------- D  notes prose: definition signs, conditions, rows joined by "and", sections
pair("md_coloneqq_display_definition", "D", r"""# A definition written with coloneqq

$$f(x) \coloneqq x e^{-2 x}$$

$$\frac{d}{dx} f(x)$$

$$= e^{-2 x} - 2 x e^{-2 x}$$

$$= @@(1 - 2 x) e^{-2 x}@@(1 - x) e^{-2 x}@@$$
""", "md")
pair("md_triangleq_display_definition", "D", r"""# A definition written with triangleq

$$g(u) \triangleq \ln\left(1 + u^{2}\right)$$

$$\frac{d}{du} g(u)$$

$$= @@\frac{2 u}{1 + u^{2}}@@\frac{1}{1 + u^{2}}@@$$

$$= \frac{2 u}{u^{2} + 1}$$
""", "md")
pair("md_stackrel_def_display_definition", "D", r"""# A definition written with def over the sign

$$h(t) \stackrel{\text{def}}{=} \sqrt{1 + t^{2}}$$

$$\frac{d}{dt} \left(t \, h(t)\right)$$

$$= @@h(t) + t \cdot \frac{t}{\sqrt{1 + t^{2}}}@@h(t) + \frac{t}{\sqrt{1 + t^{2}}}@@$$

$$= \frac{1 + 2 t^{2}}{\sqrt{1 + t^{2}}}$$
""", "md")
pair("md_condition_after_display_if", "D", r"""# A root of a square, its condition after the display

$$
\frac{d}{dx} x \sqrt{(x - 1)^{2}}
= \frac{d}{dx} \left(x^{2} - x\right)
= @@2 x - 1@@2 x@@
= x + (x - 1)
$$
if $x > 1$
""", "md")
pair("md_suppose_open_range_log_odds", "D", r"""# The log-odds of x between -1 and 1

Suppose that $-1 < x < 1$.

$$\ln \frac{1 + x}{1 - x}$$

$$= \ln(1 + x) - \ln(1 - x)$$

$$= @@2 \tanh^{-1} x@@2 \tanh^{-1}(-x)@@$$
""", "md")
pair("md_text_and_row_continues_second", "D", r"""# Two power rules on one row

$$\frac{d}{dx} x^{3} = 3 x^{2} \qquad \text{and} \qquad \frac{d}{dx} x^{2} = 2 x$$

$$= @@x + x@@3 x \cdot x@@$$

$$= \frac{4 x}{2}$$
""", "md")
pair("md_later_G_reciprocal_rule", "D", r"""# Reciprocals

## 1. Any function

$$\frac{d}{dx} \frac{1}{G(x)}$$

$$= @@-\frac{G'(x)}{G(x)^{2}}@@-\frac{2 x}{G(x)^{2}}@@$$

$$= -G'(x) \, G(x)^{-2}$$

## 2. A quadratic

Let $G(x) = x^{2} + 1$.

$$\frac{d}{dx} \frac{1}{G(x)}$$

$$= -\frac{2 x}{\left(x^{2} + 1\right)^{2}}$$
""", "md")

pair("md_euler_D_product_rule", "D", r"""# The product rule with Euler's operator

We differentiate the product with Euler's derivative operator.

$$D\left(x^{2} e^{x}\right)$$

$$= e^{x} D\left(x^{2}\right) + x^{2} D\left(e^{x}\right)$$

$$= @@2 x e^{x} + x^{2} e^{x}@@2 x e^{x} + x^{2}@@$$

$$= x (x + 2) e^{x}$$
""", "md")

# ---------------- E  domains of log-likelihood steps
pair("md_log_square_positive_then_any_sign", "E", r"""# Logs of squares

## Positive x

Let $x > 0$.

$$\log x^{2}$$

$$= 2 \log x$$

## Any sign

$$\log x^{2}$$

$$= @@2 \log \left| x \right|@@2 \log x@@$$
""", "md")
pair("log_ratio_positive_sign_slip", "E", r"""title: The log of a ratio of positive numbers
symbols:
  a: {positive: true}
  b: {positive: true}
steps:
  - \ln\left(\frac{a^{2}}{b}\right)
  - @@= 2 \ln a - \ln b@@= 2 \ln a + \ln b@@
  - = \ln a^{2} - \ln b
""")
pair("log_product_squares_no_sign", "E", r"""title: The log of a product of squares, signs unknown
steps:
  - \ln\left(x^{2} y^{2}\right)
  - = \ln x^{2} + \ln y^{2}
  - @@= 2 \ln \left| x y \right|@@= 2 \ln x + 2 \ln y@@
""")
pair("md_root_of_squares_one_letter_positive", "E", r"""# A root of squares, one letter positive

Let $s > 0$.

$$\sqrt{s^{2} t^{2}}$$

$$= \sqrt{s^{2}} \sqrt{t^{2}}$$

$$= @@s \left| t \right|@@s t@@$$
""", "md")
pair("log_odds_case_unit_interval", "E", r"""title: The log-odds, inside the unit interval
steps:
  - \ln \frac{p}{1 - p}
cases:
  - when: 0 < p < 1
    steps:
      - = \ln p - \ln(1 - p)
      - @@= -\ln\left(\frac{1}{p} - 1\right)@@= \ln\left(\frac{1}{p} - 1\right)@@
""")
pair("md_gauss_log_density_root_half", "E", r"""# The log of a Gaussian density

Let $\sigma > 0$.

$$\ln\left(\frac{1}{\sqrt{2 \pi \sigma^{2}}} e^{-\frac{(x - \mu)^{2}}{2 \sigma^{2}}}\right)$$

$$= -\frac{1}{2} \ln\left(2 \pi \sigma^{2}\right) - \frac{(x - \mu)^{2}}{2 \sigma^{2}}$$

$$= @@-\frac{1}{2} \ln(2 \pi) - \ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}@@-\frac{1}{2} \ln(2 \pi) - 2 \ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}@@$$
""", "md")

# ---------------- F  matrix steps with declared shapes
pair("transpose_of_triple_product", "F", r"""title: The transpose of a product of three matrices
symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  C: {kind: matrix, shape: [n, n]}
steps:
  - (A B C)^\top
  - = C^\top (A B)^\top
  - @@= C^\top B^\top A^\top@@= C^\top A^\top B^\top@@
  - = (B C)^\top A^\top
""")
pair("trace_of_product_by_elements", "F", r"""title: The trace of a product, by its elements
symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  n: {integer: true, positive: true}
steps:
  - \operatorname{tr}(A B)
  - = \operatorname{tr}(B A)
  - @@= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{j,i}@@= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{i,j}@@
  - = \sum_{j=1}^{n} \sum_{i=1}^{n} B_{j,i} A_{i,j}
""")
pair("md_quadratic_with_linear_term_gradient", "F", r"""# The gradient of a quadratic with a linear term

Let $A \in \mathbb{R}^{n \times n}$.

Let $x \in \mathbb{R}^n$.

Let $b \in \mathbb{R}^n$.

$$\nabla_x \left(\frac{1}{2} x^\top A x - b^\top x\right)$$

$$= @@\frac{1}{2} \left(A + A^\top\right) x - b@@A x - b@@$$

$$= \frac{1}{2} A x + \frac{1}{2} A^\top x - b$$
""", "md")
pair("least_squares_norm_expansion_sign", "F", r"""title: A squared residual norm, multiplied out
symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
steps:
  - \|X w - y\|^2
  - = (X w - y)^\top (X w - y)
  - @@= w^\top X^\top X w - 2 y^\top X w + y^\top y@@= w^\top X^\top X w + 2 y^\top X w + y^\top y@@
  - = \|X w\|^2 - 2 w^\top X^\top y + \|y\|^2
""")
pair("md_residual_norm_transpose_side", "F", r"""# A residual norm with a square matrix

Let $A \in \mathbb{R}^{n \times n}$.

Let $x \in \mathbb{R}^n$.

Let $b \in \mathbb{R}^n$.

$$\|A x - b\|^2$$

$$= (A x - b)^\top (A x - b)$$

$$= @@x^\top A^\top A x - 2 b^\top A x + b^\top b@@x^\top A A^\top x - 2 b^\top A x + b^\top b@@$$

$$= \|A x\|^2 - 2 x^\top A^\top b + \|b\|^2$$
""", "md")
pair("md_symmetric_quadratic_form_gradient", "F", r"""# The gradient of a symmetric quadratic form

Let $A \in \mathbb{R}^{n \times n}$ be symmetric.

Let $x \in \mathbb{R}^n$.

$$\nabla_x \left(x^\top A x\right)$$

$$= \left(A + A^\top\right) x$$

$$= @@2 A x@@A x@@$$

$$= A x + A x$$
""", "md")

MARK = {"yaml": "  # expect: failed", "md": " <!-- expect: failed -->"}
if __name__ == "__main__":
    for f in os.listdir(HERE):
        if f.endswith((".true.yaml", ".false.yaml", ".true.md", ".false.md")):
            os.remove(os.path.join(HERE, f))
    seen = set()
    for name, cls, ext, body in P:
        assert name not in seen, name
        seen.add(name)
        assert name.startswith("md_") == (ext == "md"), name
        lines = body.split("\n")
        idx = [i for i, l in enumerate(lines) if "@@" in l]
        assert len(idx) == 1, name
        i = idx[0]
        m = re.fullmatch(r"(.*)@@(.*)@@(.*)@@(.*)", lines[i])
        assert m, name
        pre, t, f_, post = m.groups()
        for kind, text, mark in (("true", t, ""), ("false", f_, MARK[ext])):
            out = lines[:]
            out[i] = pre + text + post + mark
            with open(os.path.join(HERE, f"{name}.{kind}.{ext}"), "w", encoding="utf-8") as fh:
                fh.write("\n".join(out))
    with open(os.path.join(HERE, "classes.json"), "w") as fh:
        json.dump({n: c for n, c, _, _ in P}, fh, indent=1, sort_keys=True)
        fh.write("\n")
    from collections import Counter
    print(f"wrote {len(P)} pairs", sorted(Counter(c for _, c, _, _ in P).items()),
          dict(Counter(e for _, _, e, _ in P)))

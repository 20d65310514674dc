#!/usr/bin/env python3
"""Write the attack-50 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the newest reading
rules (a first derivative by a squared variable, names with a word or a digit below them, TeX's
short operator `\frac d{dx}`, a function's parameter named like another function, conditions and
marks in the prose around a display, a definition in a later section). Each false twin is what a
plausible misreading makes true, or is right at special points (x = 0, sigma = 1/2, ...)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  a first derivative by a squared variable
pair("gauss_nll_variance_grad", "A", r"""title: Gaussian negative log-likelihood, by the variance
symbols:
  n: {integer: true, positive: true}
  sigma: {positive: true}
definitions:
  L: \frac{n}{2} \ln\left(2 \pi \sigma^{2}\right) + \frac{1}{2 \sigma^{2}} \sum_{i=1}^{n} \left(x_i - \mu\right)^{2}
steps:
  - \frac{\partial L}{\partial \sigma^2}
  - @@= \frac{n}{2 \sigma^{2}} - \frac{1}{2 \sigma^{4}} \sum_{i=1}^{n} \left(x_i - \mu\right)^{2}@@= \frac{n}{\sigma} - \frac{1}{\sigma^{3}} \sum_{i=1}^{n} \left(x_i - \mu\right)^{2}@@
  - = \frac{1}{2 \sigma^{4}} \left(n \sigma^{2} - \sum_{i=1}^{n} \left(x_i - \mu\right)^{2}\right)
""")
pair("variance_curvature_beside_gradient", "A", r"""title: A variance gradient and a genuine second derivative, side by side
symbols:
  sigma: {positive: true}
definitions:
  L: \ln \sigma^{2} + \frac{(x - \mu)^{2}}{\sigma^{2}}
derivations:
  - title: by the variance
    steps:
      - \frac{\partial L}{\partial \sigma^2}
      - = \frac{1}{\sigma^{2}} - \frac{(x - \mu)^{2}}{\sigma^{4}}
      - = \frac{\sigma^{2} - (x - \mu)^{2}}{\sigma^{4}}
  - title: the curvature in sigma
    steps:
      - \frac{\partial^2 L}{\partial \sigma^2}
      - @@= -\frac{2}{\sigma^{2}} + \frac{6 (x - \mu)^{2}}{\sigma^{4}}@@= \frac{1}{\sigma^{2}} - \frac{(x - \mu)^{2}}{\sigma^{4}}@@
      - = \frac{6 (x - \mu)^{2} - 2 \sigma^{2}}{\sigma^{4}}
""")
pair("function_of_variance_prime", "A", r"""title: A function of the variance, by the variance
definitions:
  g(t): \ln(1 + t) + t^{2}
steps:
  - \frac{dg}{d\sigma^2}
  - @@= \frac{1}{1 + \sigma^{2}} + 2 \sigma^{2}@@= \frac{2 \sigma}{1 + \sigma^{2}} + 4 \sigma^{3}@@
  - = g'(\sigma^{2})
""")
pair("md_ell_variance_not_second_order", "A", r"""# One Gaussian observation, by its variance

Let $\sigma > 0$.

Let $\ell = \frac{1}{2} \ln \sigma^{2} + \frac{(x - \mu)^{2}}{2 \sigma^{2}}$.

$$\frac{\partial \ell}{\partial \sigma^2}$$

$$= @@\frac{1}{2 \sigma^{2}} - \frac{(x - \mu)^{2}}{2 \sigma^{4}}@@-\frac{1}{\sigma^{2}} + \frac{3 (x - \mu)^{2}}{\sigma^{4}}@@$$

$$= \frac{\sigma^{2} - (x - \mu)^{2}}{2 \sigma^{4}}$$
""", "md")
pair("md_batchnorm_variance_half", "A", r"""# Batch normalisation: the gradient by the batch variance

Let $m$ be a positive integer.

Let $\epsilon > 0$.

$$\frac{\partial}{\partial \sigma_B^2} \sum_{i=1}^{m} \frac{\left(x_i - \mu_B\right) c_i}{\sqrt{\sigma_B^2 + \epsilon}}$$

$$= @@-\frac{1}{2} \left(\sigma_B^2 + \epsilon\right)^{-\frac{3}{2}} \sum_{i=1}^{m} \left(x_i - \mu_B\right) c_i@@-\sigma_B \left(\sigma_B^2 + \epsilon\right)^{-\frac{3}{2}} \sum_{i=1}^{m} \left(x_i - \mu_B\right) c_i@@$$

$$= -\frac{\sum_{i=1}^{m} \left(x_i - \mu_B\right) c_i}{2 \left(\sigma_B^2 + \epsilon\right)^{\frac{3}{2}}}$$
""", "md")

# ---------------- B  names with a word or a digit below them (YAML)
pair("text_subscript_data_plus_reg", "B", r"""title: A data term and a penalty, each a named term
definitions:
  L_{\text{data}}: (w x - y)^{2}
  L_{\text{reg}}: \lambda w^{2}
steps:
  - \frac{d}{dw} \left(L_{\text{data}} + L_{\text{reg}}\right)
  - @@= 2 x (w x - y) + 2 \lambda w@@= 2 x (w x - y)@@
  - = 2 \left(x^{2} + \lambda\right) w - 2 x y
""")
pair("mathrm_subscript_reg_weight", "B", r"""title: A weight-decay term named with an upright label
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
  w: vector
definitions:
  J_{\mathrm{reg}}: \frac{\lambda}{2} \sum_{k=1}^{n} w_k^{2}
steps:
  - \frac{\partial J_{\mathrm{reg}}}{\partial w_i}
  - @@= \lambda w_i@@= \frac{\lambda}{2} w_i@@
  - = \frac{\lambda}{2} \cdot 2 w_i
""")
pair("digit_subscript_defined_x1", "B", r"""title: A name with a digit below it, defined
definitions:
  x_1: y^{2}
steps:
  - \frac{d}{dy} \left(x_1 + y\right)^{2}
  - @@= 2 \left(x_1 + y\right) \left(2 y + 1\right)@@= 2 \left(x_1 + y\right)@@
  - = 2 \left(y^{2} + y\right) \left(2 y + 1\right)
  - = 2 y (y + 1) (2 y + 1)
""")
pair("partial_by_defined_z2_chain", "B", r"""title: Backward through a two-layer network, by the second logit
definitions:
  z_1: w_1 x + b_1
  a_1: \tanh(z_1)
  z_2: w_2 a_1 + b_2
  L: \frac{1}{2} (z_2 - y)^{2}
steps:
  - \frac{\partial L}{\partial w_1}
  - @@= \frac{\partial L}{\partial z_2} \cdot w_2 \cdot \left(1 - a_1^{2}\right) \cdot x@@= \frac{\partial L}{\partial z_2} \cdot w_2 \cdot x@@
  - = (z_2 - y) w_2 \left(1 - \tanh^{2}(z_1)\right) x
""")
pair("two_logits_partial_z2", "B", r"""title: Two named logits, by the second one
definitions:
  z_1: a x
  z_2: b x
  L: \ln\left(e^{z_1} + e^{z_2}\right) - z_1
steps:
  - \frac{\partial L}{\partial z_2}
  - @@= \frac{e^{z_2}}{e^{z_1} + e^{z_2}}@@= \frac{e^{z_1}}{e^{z_1} + e^{z_2}}@@
  - = \frac{1}{1 + e^{z_1 - z_2}}
  - = \frac{1}{1 + e^{(a - b) x}}
""")
pair("function_digit_subscript_g1", "B", r"""title: A defined function's letter with a digit below it
definitions:
  g(x): x^{3}
steps:
  - \frac{d}{dx} \left(g_{1} x^{2} + g(x)\right)
  - @@= 2 g_{1} x + 3 x^{2}@@= 2 x + 3 x^{2}@@
  - = x \left(2 g_{1} + 3 x\right)
""")

# ---------------- C  TeX's short operator; the operator with d declared
pair("short_frac_d_cubic", "C", r"""title: TeX's short derivative operator on a cubic
steps:
  - \frac d{dx} \left(x^{3} + 2 x\right)
  - @@= 3 x^{2} + 2@@= x^{2} + 2@@
  - = x \cdot 3 x + 2
""")
pair("short_frac_partial_square", "C", r"""title: TeX's short partial operator on a squared residual
steps:
  - \frac\partial{\partial w} \left(w x - y\right)^{2}
  - @@= 2 x (w x - y)@@= 2 (w x - y)@@
  - = 2 w x^{2} - 2 x y
""")
pair("declared_dimension_d_operator", "C", r"""title: The operator d/dw beside a declared dimension d
symbols:
  d: {integer: true, positive: true}
steps:
  - \frac{d}{dw} \frac{1}{2 d} \sum_{k=1}^{d} \left(w x_k\right)^{2}
  - @@= \frac{w}{d} \sum_{k=1}^{d} x_k^{2}@@= \frac{w}{2 d} \sum_{k=1}^{d} x_k^{2}@@
  - = \frac{1}{d} \sum_{k=1}^{d} w x_k^{2}
""")
pair("md_short_frac_d_exp_sine", "C", r"""# TeX's short operator on an exponential of a sine

$$\frac d{dx} e^{\sin x}$$

$$= @@\cos x \cdot e^{\sin x}@@e^{\sin x}@@$$

$$= e^{\sin x} \cos x$$
""", "md")
pair("md_short_frac_partial_logistic", "C", r"""# TeX's short partial operator on the logistic loss

$$\frac\partial{\partial w} \ln\left(1 + e^{-w x}\right)$$

$$= @@\frac{-x e^{-w x}}{1 + e^{-w x}}@@\frac{x e^{-w x}}{1 + e^{-w x}}@@$$

$$= -\frac{x}{1 + e^{w x}}$$
""", "md")

# ---------------- D  a function's parameter named like another defined function (YAML)
SHADOW = r"""definitions:
  m(x): -x
  t(m): e^{2 m}
"""
pair("param_shadow_exp_slope", "D", r"""title: A parameter named like another function, the slope
""" + SHADOW + r"""steps:
  - \frac{d}{dx} t(x)
  - @@= 2 t(x)@@= -2 t(x)@@
  - = 2 e^{2 x}
  - = 2 e^{x} e^{x}
""")
pair("param_shadow_at_inner_point", "D", r"""title: A parameter named like another function, composed with it
""" + SHADOW + r"""steps:
  - \frac{d}{dx} t(m(x))
  - = t'(m(x)) \cdot m'(x)
  - @@= 2 e^{-2 x} \cdot (-1)@@= 2 e^{2 x} \cdot (-1)@@
  - = -2 e^{-2 x}
""")
pair("param_shadow_at_number", "D", r"""title: A parameter named like another function, at a number
""" + SHADOW + r"""steps:
  - \frac{d}{dx} \left(t(1) x^{2}\right)
  - = 2 x \, t(1)
  - @@= 2 x e^{2}@@= 2 x e^{-2}@@
  - = 2 e^{2} x
""")
pair("param_shadow_log_inner", "D", r"""title: The log of an inner function whose name is its parameter
definitions:
  u(x): x^{2} + 1
  v(u): \ln u
steps:
  - \frac{d}{dx} v(u(x))
  - = v'(u(x)) \, u'(x)
  - @@= \frac{2 x}{x^{2} + 1}@@= \frac{1}{x^{2} + 1}@@
  - = 2 x \left(x^{2} + 1\right)^{-1}
""")
pair("param_shadow_sine_square", "D", r"""title: A square plus its base, of a sine named g
definitions:
  g(x): \sin x
  h(g): g^{2} + g
steps:
  - \frac{d}{dx} h(g(x))
  - = h'(g(x)) \, g'(x)
  - @@= (2 \sin x + 1) \cos x@@= 2 \sin x + 1@@
  - = \sin 2x + \cos x
""")

# ---------------- E  prose around a display (notes)
pair("md_condition_after_display_root", "E", r"""# The slope of a root of a square

$$
\frac{d}{dp} \sqrt{p^{2} (1 - p)^{2}}
= \frac{d}{dp} \left(p (1 - p)\right)
@@= 1 - 2 p@@= 2 p - 1@@
= (1 - p) - p
$$
for $0 < p < 1$.
""", "md")
pair("md_sign_bound_after_display_log", "E", r"""# The slope of a log of a square

$$
\frac{d}{d\lambda} \left(\lambda \ln \lambda^{2}\right)
= \frac{d}{d\lambda} \left(2 \lambda \ln \lambda\right)
@@= 2 \ln \lambda + 2@@= 2 \ln \lambda + 2 \lambda@@
= 2 \left(\ln \lambda + 1\right)
$$
for $\lambda > 0$.
""", "md")
pair("md_let_range_before_log_likelihood", "E", r"""# A Bernoulli log-likelihood

Let $0 < p < 1$.

$$\ln\left(p^{3} (1 - p)^{2}\right)$$

$$= @@3 \ln p + 2 \ln (1 - p)@@2 \ln p + 3 \ln (1 - p)@@$$

$$= \ln p + 2 \ln\left(p (1 - p)\right)$$
""", "md")
pair("md_euler_D_tanh_quotient", "E", r"""# The derivative of the hyperbolic tangent, in Euler's notation

We differentiate the quotient, writing $D$ for the derivative.

$$D(\tanh x) = D\left(\frac{\sinh x}{\cosh x}\right)$$

$$= \frac{\cosh(x) \, D(\sinh x) - \sinh(x) \, D(\cosh x)}{\cosh^{2} x}$$

$$= @@\frac{\cosh^{2} x - \sinh^{2} x}{\cosh^{2} x}@@\frac{\cosh^{2} x + \sinh^{2} x}{\cosh^{2} x}@@$$

$$= 1 - \tanh^{2} x$$
""", "md")
pair("md_proof_end_mark_sech", "E", r"""# The slope of tanh

**Proof.**

$$\frac{d}{dx} \tanh x = \frac{d}{dx} \frac{\sinh x}{\cosh x}$$

$$= \frac{\cosh^{2} x - \sinh^{2} x}{\cosh^{2} x}$$

$$= \frac{1}{\cosh^{2} x}$$

$$= @@\operatorname{sech}^2 x. \qquad \blacksquare@@\operatorname{sech} x. \qquad \blacksquare@@$$
""", "md")
pair("md_text_and_two_slopes_continued", "E", r"""# Two hyperbolic slopes

$$\frac{d}{dx} \sinh x = \cosh x \qquad \text{and} \qquad \frac{d}{dx} \cosh x = \sinh x$$

$$= @@\frac{e^{x} - e^{-x}}{2}@@\frac{e^{-x} - e^{x}}{2}@@$$

$$= e^{x} - \cosh x$$
""", "md")

# ---------------- F  a definition in a later section does not reach back (notes)
pair("md_later_h_exp_general_chain", "F", r"""# Chain rules

## 1. The general rule

$$\frac{d}{dx} h(g(x))$$

$$= @@h'(g(x)) \, g'(x)@@e^{g(x)} \, g'(x)@@$$

$$= g'(x) \, h'(g(x))$$

## 2. An exponential outside

Let $h(u) = e^{u}$.

$$\frac{d}{dx} h(x^{2})$$

$$= h'(x^{2}) \cdot 2 x$$

$$= 2 x e^{x^{2}}$$
""", "md")
pair("md_later_g_sine_inner", "F", r"""# Exponentials of an inner function

## 1. Any inner function

$$\frac{d}{dx} e^{g(x)}$$

$$= @@g'(x) \, e^{g(x)}@@\cos x \, e^{g(x)}@@$$

$$= e^{g(x)} g'(x)$$

## 2. A sine inside

Let $g(x) = \sin x$.

$$\frac{d}{dx} g(x)^{2}$$

$$= 2 g(x) g'(x)$$

$$= 2 \sin x \cos x$$
""", "md")
pair("md_later_F_cube_doubled", "F", r"""# A doubled argument

## The rule

$$\frac{d}{dx} F(2 x)$$

$$= @@2 F'(2 x)@@24 x^{2}@@$$

$$= F'(2 x) \cdot 2$$

## A cube

Let $F(t) = t^{3}$.

$$\frac{d}{dx} F(x + 1)$$

$$= 3 (x + 1)^{2}$$

$$= 3 x^{2} + 6 x + 3$$
""", "md")
pair("md_later_f_square_product_rule", "F", r"""# The product rule with an exponential

## 1. Any factor

$$\frac{d}{dx} \left(f(x) e^{x}\right)$$

$$= @@f'(x) e^{x} + f(x) e^{x}@@\left(2 x + x^{2}\right) e^{x}@@$$

$$= e^{x} \left(f(x) + f'(x)\right)$$

## 2. A square

Let $f(x) = x^{2}$.

$$\frac{d}{dx} \left(f(x) e^{x}\right)$$

$$= \left(x^{2} + 2 x\right) e^{x}$$

$$= x (x + 2) e^{x}$$
""", "md")
pair("md_same_section_value_after_use", "F", r"""# The cube of an inner value

$$\frac{d}{dx} u^{3}$$

$$= 3 u^{2} \frac{du}{dx}$$

$$= @@3 u^{2} \cdot 6 x@@3 u^{2} \cdot 6@@$$

$$= 18 x u^{2}$$

Here, let $u = 3 x^{2}$.
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

#!/usr/bin/env python3
"""Write the attack-49 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the newest reader
rules (a chain of inner functions, `\\&=` row breaks, primes after a bracket, a plain-E
expectation beside checked rows, the word "sigmoid" in the prose against a standard deviation
beside sqrt(2 pi), calligraphic words and `\exp^{...}`), and matrix calculus with declared sizes.
Each false twin is a slip people make (a chain factor dropped, a sign, a term lost, factors
reversed, a transpose dropped), often one that a misreading of the notation would make true."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  a chain of inner functions
pair("md_chain_three_links_square_inner", "A", r"""# A chain of three inner functions

Let $m(x) = x^{2}$, $t(m) = e^{m}$ and $h(t) = 1 + t$.

$$\frac{dh}{dx} = \frac{dh}{dt} \cdot \frac{dt}{dm} \cdot \frac{dm}{dx}$$

$$= @@1 \cdot e^{x^{2}} \cdot 2 x@@1 \cdot e^{x^{2}}@@$$

$$= 2 x e^{x^{2}}$$
""", "md")
pair("md_chain_head_at_number_breaks_chain", "A", r"""# A head applied to a number

Let $m(x) = -x$, $t(m) = e^{2 m}$ and $h(t) = 1 + t$.

$$h(t(2)) = 1 + t(2)$$

$$= @@1 + e^{4}@@1 + e^{-2 x}@@$$

$$= 1 + e^{2} e^{2}$$
""", "md")
pair("md_chain_primed_heads_own_arguments", "A", r"""# Primes on the heads' own arguments

Let $m(x) = 3 x$ and $t(m) = \sin(m)$.

$$\frac{dt}{dx} = t'(m) \cdot m'(x)$$

$$= @@\cos(3 x) \cdot 3@@\cos(3 x)@@$$

$$= 3 \cos(3 x)$$
""", "md")
pair("md_two_chains_two_sections", "A", r"""# First chain

Let $m(x) = -x$, $t(m) = e^{m}$ and $h(t) = 1 + t$.

$$\frac{dh}{dx} = \frac{dh}{dt} \cdot \frac{dt}{dm} \cdot \frac{dm}{dx}$$

$$= -e^{-x}$$

# Second chain

Let $u(x) = 2 x$ and $v(u) = u^{3}$.

$$\frac{dv}{dx} = \frac{dv}{du} \cdot \frac{du}{dx}$$

$$= @@3 (2 x)^{2} \cdot 2@@3 (2 x)^{2}@@$$

$$= 24 x^{2}$$
""", "md")
pair("md_chain_head_written_again_log", "A", r"""# The log of a shifted square, through its chain

Let $m(x) = x^{2} + 1$ and $t(m) = \ln(m)$.

$$\frac{d}{dx} t(m) = \frac{dt}{dm} \cdot \frac{dm}{dx}$$

$$= @@\frac{1}{x^{2} + 1} \cdot 2 x@@\frac{1}{x^{2} + 1} \cdot x@@$$

$$= \frac{2 x}{x^{2} + 1}$$
""", "md")
pair("md_chain_docs_example_exponent_sign", "A", r"""# The chain of the docs, with a primed middle link

Let $m(x) = -x$, $t(m) = e^{m}$ and $h(t) = 1 + t$.

$$\frac{dh}{dx} = \frac{dh}{dt} \cdot t'(m) \cdot \frac{dm}{dx}$$

$$= 1 \cdot e^{-x} \cdot (-1)$$

$$= @@-e^{-x}@@-e^{x}@@$$

$$= -\frac{1}{e^{x}}$$
""", "md")

# ---------------- B  `\\&=` row breaks; a plain-E expectation beside checked rows
pair("md_aligned_row_breaks_product_rule", "B", r"""# The product rule, rows broken against their ampersand

$$
\begin{aligned}
\frac{d}{dx} \left(x^{2} e^{x}\right) &= 2 x e^{x} + x^{2} e^{x}
\\&= @@(x^{2} + 2 x) e^{x}@@(x^{2} + x) e^{x}@@
\\&= x (x + 2) e^{x}
\end{aligned}
$$
""", "md")
pair("md_align_spaced_row_breaks_quotient", "B", r"""# A quotient, rows broken with a space before the equals sign

\begin{align*}
\frac{d}{dx} \left(\frac{x}{1 + x^{2}}\right) &= \frac{(1 + x^{2}) - 2 x^{2}}{(1 + x^{2})^{2}}
\\& = @@\frac{1 - x^{2}}{(1 + x^{2})^{2}}@@\frac{1 + x^{2}}{(1 + x^{2})^{2}}@@
\\& = \frac{(1 - x)(1 + x)}{(1 + x^{2})^{2}}
\end{align*}
""", "md")
pair("md_split_row_breaks_log_chain", "B", r"""# The log of one plus a square, in a split

\[
\begin{split}
\frac{d}{dx} \ln\left(1 + x^{2}\right) &= \frac{1}{1 + x^{2}} \cdot \frac{d}{dx}\left(1 + x^{2}\right)
\\&= @@\frac{2 x}{1 + x^{2}}@@\frac{1}{1 + x^{2}}@@
\\&= 2 x \left(1 + x^{2}\right)^{-1}
\end{split}
\]
""", "md")
pair("md_expectation_bracket_then_bias_square", "B", r"""# Mean square deviation from a point

The expected square deviation from c, written with the mean m and the variance s:

$$E[X^{2}] - 2 c E[X] + c^{2}$$

$$= s + m^{2} - 2 c m + c^{2}$$

$$= @@s + (m - c)^{2}@@s + (m + c)^{2}@@$$

$$= s + (c - m)^{2}$$
""", "md")
pair("md_expectation_round_after_moment_slope", "B", r"""# The slope of a moment polynomial

With m the mean and v the second moment of X:

$$\frac{d}{dt} \left(t^{2} v + t m\right) = 2 t v + m$$

$$= @@m + 2 t v@@m + 2 v@@$$

$$= E(X) + 2 t E(X^{2})$$
""", "md")
pair("md_expectation_subscript_then_point_slope", "B", r"""# The best constant under a distribution p

With m the mean and v the second moment under p:

$$E_p[X^{2}] - 2 c E_p[X] + c^{2}$$

$$= v - 2 c m + c^{2}$$

Its slope in c:

$$\frac{\partial}{\partial c} \left(v - 2 c m + c^{2}\right) = @@2 c - 2 m@@2 c - m@@$$

$$= 2 (c - m)$$
""", "md")

# ---------------- C  primes after a bracket; quotient-rule rows
pair("md_curly_prime_bracket_logistic_square", "C", r"""# The logistic of a square, by the quotient rule

Let $f(x) = \frac{1}{1 + e^{-x^{2}}}$.

$$f'(x) = \frac{(1)'(1 + e^{-x^{2}}) - 1 \cdot (1 + e^{-x^{2}})’}{(1 + e^{-x^{2}})^{2}}$$

$$= @@\frac{0 + 2 x e^{-x^{2}}}{(1 + e^{-x^{2}})^{2}}@@\frac{0 + e^{-x^{2}}}{(1 + e^{-x^{2}})^{2}}@@$$

$$= \frac{2 x e^{-x^{2}}}{(1 + e^{-x^{2}})^{2}}$$
""", "md")
pair("md_bracket_prime_quotient_term_dropped", "C", r"""# A quotient with primes after brackets

$$\left(\frac{x^{2}}{1 + x}\right)' = \frac{(x^{2})'(1 + x) - x^{2}(1 + x)'}{(1 + x)^{2}}$$

$$= @@\frac{2 x (1 + x) - x^{2}}{(1 + x)^{2}}@@\frac{-x^{2}}{(1 + x)^{2}}@@$$

$$= \frac{x^{2} + 2 x}{(1 + x)^{2}}$$
""", "md")
pair("md_curly_primes_after_sin_and_cos", "C", r"""# The product of sine and cosine

$$\frac{d}{dx} \left(\sin x \cos x\right) = (\sin x)’\cos x + \sin x(\cos x)’$$

$$= @@\cos^{2} x - \sin^{2} x@@\cos^{2} x + \sin^{2} x@@$$

$$= \cos(2 x)$$
""", "md")
pair("md_double_prime_bracket_cube_exp", "C", r"""# A second derivative written with primes

$$\left(x^{3} e^{x}\right)'' = \left(3 x^{2} e^{x} + x^{3} e^{x}\right)'$$

$$= 6 x e^{x} + 3 x^{2} e^{x} + 3 x^{2} e^{x} + x^{3} e^{x}$$

$$= @@(x^{3} + 6 x^{2} + 6 x) e^{x}@@(x^{3} + 3 x^{2} + 6 x) e^{x}@@$$
""", "md")
pair("md_curly_prime_one_reciprocal_square", "C", r"""# The reciprocal of one plus a square

Let $g(x) = \frac{1}{1 + x^{2}}$.

$$g'(x) = \frac{(1)’(1 + x^{2}) - 1 \cdot (1 + x^{2})’}{(1 + x^{2})^{2}}$$

$$= @@\frac{0 - 2 x}{(1 + x^{2})^{2}}@@\frac{0 + 2 x}{(1 + x^{2})^{2}}@@$$

$$= -\frac{2 x}{(1 + x^{2})^{2}}$$
""", "md")
pair("md_quotient_rule_values_swapped", "C", r"""# The quotient rule on two values

Let $u = e^{x}$ and $v = 1 + x^{2}$.

$$\frac{d}{dx} \left(\frac{u}{v}\right) = @@\frac{u' v - u v'}{v^{2}}@@\frac{u v' - u' v}{v^{2}}@@$$

$$= \frac{e^{x} (1 + x^{2}) - 2 x e^{x}}{(1 + x^{2})^{2}}$$

$$= \frac{e^{x} (1 - x)^{2}}{(1 + x^{2})^{2}}$$
""", "md")

# ---------------- D  "sigmoid" in the prose; sigma a standard deviation
pair("md_sigmoid_prose_slope_in_itself", "D", r"""# Slope of an activation

The sigmoid's slope, in terms of itself:

$$\sigma'(x) = \sigma(x) \left(1 - \sigma(x)\right)$$

$$= @@\frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}@@\frac{e^{-x}}{\left(1 + e^{x}\right)^{2}}@@$$

$$= \frac{e^{x}}{\left(1 + e^{x}\right)^{2}}$$
""", "md")
pair("md_sigmoid_heading_of_square_chain", "D", r"""# Sigmoid of a square

We differentiate through the square.

$$\frac{d}{dx} \sigma(x^{2}) = \sigma'(x^{2}) \cdot 2 x$$

$$= @@2 x \, \sigma(x^{2}) \left(1 - \sigma(x^{2})\right)@@\sigma(x^{2}) \left(1 - \sigma(x^{2})\right)@@$$

$$= \frac{2 x e^{-x^{2}}}{\left(1 + e^{-x^{2}}\right)^{2}}$$
""", "md")
pair("md_sigmoid_only_primed_half_angle", "D", r"""# Slope of an activation, in hyperbolic form

The derivative of the sigmoid, in hyperbolic form:

$$\sigma'(x) = \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}$$

$$= \frac{1}{e^{x} + 2 + e^{-x}}$$

$$= @@\frac{1}{4 \cosh^{2}\left(\frac{x}{2}\right)}@@\frac{1}{4 \cosh^{2}\left(x\right)}@@$$
""", "md")
pair("md_sigmoid_section_then_gaussian_sigma", "D", r"""# The sigmoid

The sigmoid is $s(x) = \frac{1}{1 + e^{-x}}$.

$$s'(x) = s(x) \left(1 - s(x)\right)$$

$$= \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}$$

# The Gaussian's normaliser

$$\ln\left(\frac{1}{\sigma \sqrt{2 \pi}}\right) = -\ln\left(\sigma \sqrt{2 \pi}\right)$$

$$= @@-\frac{1}{2} \ln\left(2 \pi \sigma^{2}\right)@@-\frac{1}{2} \ln\left(2 \pi \sigma\right)@@$$

$$= -\ln \sigma - \frac{1}{2} \ln(2 \pi)$$
""", "md")
pair("md_sigmoid_unit_log_loss_slope", "D", r"""# Log-loss of a sigmoid unit

$$-\frac{\partial}{\partial w} \ln\left(\sigma(w x)\right)$$

$$= -\frac{\sigma'(w x) \, x}{\sigma(w x)}$$

$$= @@-\left(1 - \sigma(w x)\right) x@@-\left(1 - \sigma(w x)\right)@@$$

$$= \left(\sigma(w x) - 1\right) x$$
""", "md")
pair("md_sigma_is_the_sigmoid_log_complement", "D", r"""# The log of the complement

Below, $\sigma$ is the sigmoid.

$$\frac{d}{dz} \ln\left(1 - \sigma(z)\right) = -\frac{\sigma'(z)}{1 - \sigma(z)}$$

$$= @@-\sigma(z)@@-\left(1 - \sigma(z)\right)@@$$

$$= -\frac{1}{1 + e^{-z}}$$
""", "md")

# ---------------- E  calligraphic words as names; \exp^{...}
pair("md_mathcal_LL_poisson_slope", "E", r"""# A Poisson log-likelihood

Let $\lambda > 0$.

$$\mathcal{LL} = y \ln \lambda - \lambda$$

$$\frac{d \mathcal{LL}}{d \lambda} = \frac{y}{\lambda} - 1$$

$$= @@\frac{y - \lambda}{\lambda}@@\frac{y - \lambda}{\lambda^{2}}@@$$

$$= y \lambda^{-1} - 1$$
""", "md")
pair("md_mathcal_NLL_mean_sum", "E", r"""# A Gaussian negative log-likelihood in its mean

Let $n$ be a positive integer.

Let $\mathcal{NLL} = \frac{1}{2} \sum_{i=1}^{n} (x_i - \mu)^{2}$.

$$\frac{\partial \mathcal{NLL}}{\partial \mu} = \sum_{i=1}^{n} (\mu - x_i)$$

$$= @@n \mu - \sum_{i=1}^{n} x_i@@\mu - \sum_{i=1}^{n} x_i@@$$

$$= n \left(\mu - \frac{1}{n} \sum_{i=1}^{n} x_i\right)$$
""", "md")
pair("md_exp_superscript_no_argument_gauss", "E", r"""# The slope of a Gaussian bump

$$\frac{d}{dx} \exp^{-\frac{1}{2} x^{2}} = -x \exp^{-\frac{1}{2} x^{2}}$$

$$= @@-x e^{-\frac{1}{2} x^{2}}@@-e^{-\frac{1}{2} x^{2}}@@$$

$$= -\frac{x}{e^{\frac{1}{2} x^{2}}}$$
""", "md")
pair("md_exp_squared_applied_is_power", "E", r"""# The square of the exponential

$$\frac{d}{dx} \exp^{2}(x)$$

$$= @@2 \exp(x) \cdot \exp(x)@@e^{2}@@$$

$$= 2 e^{2 x}$$

$$= 2 \exp^{2}(x)$$
""", "md")
pair("md_exp_squared_bare_argument_is_power", "E", r"""# The square of the exponential, without brackets

$$\frac{d}{dx} \left(\exp^2 x\right)$$

$$= @@2 \exp x \cdot \exp x@@2 x e^{x^{2}}@@$$

$$= 2 e^{2 x}$$
""", "md")
pair("md_exp_superscript_closing_bracket_logistic", "E", r"""# A logistic of a square with exp raised

$$\frac{d}{dx} \left(1 + \exp^{-x^{2}}\right)^{-1} = 2 x \left(1 + \exp^{-x^{2}}\right)^{-2} \exp^{-x^{2}}$$

$$= @@\frac{2 x e^{-x^{2}}}{\left(1 + e^{-x^{2}}\right)^{2}}@@\frac{e^{-x^{2}}}{\left(1 + e^{-x^{2}}\right)^{2}}@@$$

$$= \frac{2 x}{e^{x^{2}} + 2 + e^{-x^{2}}}$$
""", "md")

# ---------------- F  matrix calculus with declared sizes (YAML)
pair("square_design_half_squared_error_gradient", "F", r"""title: Gradient of half a squared error with a square design
symbols:
  X: {kind: matrix, shape: [n, n]}
  w: {kind: vector, size: n}
  y: {kind: vector, size: n}
definitions:
  L: \frac{1}{2} \|X w - y\|^2
steps:
  - \nabla_{w} L
  - @@= X^\top (X w - y)@@= X (X w - y)@@
  - = X^\top X w - X^\top y
""")
pair("transpose_of_product_times_vector", "F", r"""title: The transpose of a product applied to a vector
symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
steps:
  - (A B x)^\top
  - = x^\top (A B)^\top
  - @@= x^\top B^\top A^\top@@= x^\top A^\top B^\top@@
  - = (B x)^\top A^\top
""")
pair("trace_gradient_transpose", "F", r"""title: The gradient of a trace of a product
symbols:
  A: {kind: matrix, shape: [n, n]}
  X: {kind: matrix, shape: [n, n]}
steps:
  - \frac{\partial}{\partial X} \operatorname{tr}(A X)
  - @@= A^\top@@= A@@
  - = \frac{\partial}{\partial X} \operatorname{tr}\left(X^\top A^\top\right)
""")
pair("bilinear_form_gradient_first_argument", "F", r"""title: The gradient of a bilinear form in its first vector
symbols:
  A: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
steps:
  - \nabla_{x} \left(x^\top A y\right)
  - @@= A y@@= A^\top y@@
  - = \left(y^\top A^\top\right)^\top
""")
pair("ridge_gradient_penalty_factor", "F", r"""title: The gradient of a ridge objective
symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
  lambda: {positive: true}
steps:
  - \nabla_{w} \left(\|X w - y\|^2 + \lambda \|w\|^2\right)
  - @@= 2 X^\top (X w - y) + 2 \lambda w@@= 2 X^\top (X w - y) + \lambda w@@
  - = 2 X^\top X w - 2 X^\top y + 2 \lambda w
""")
pair("trace_transpose_product_elements", "F", r"""title: The trace of a transposed product, by elements
symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - \operatorname{tr}\left(A^\top B\right)
  - = \operatorname{tr}\left(B^\top A\right)
  - @@= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{i,j}@@= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{j,i}@@
  - = \operatorname{tr}\left(A B^\top\right)
""")

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

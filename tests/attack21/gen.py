#!/usr/bin/env python3
"""Write the attack-21 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))
NN = "symbols:\n  n: {integer: true, nonnegative: true}\n"
XP = "symbols:\n  x: {positive: true}\n"
XNN = "symbols:\n  x: {nonnegative: true}\n"
SIG = "definitions:\n  \\sigma(t): \\frac{1}{1 + e^{-t}}\n"

# ---------------- L machine-learning gradients
pair("logistic_pm_label_gradient", "L", r"""steps:
  - '\frac{d}{dw} \ln\left(1 + e^{-y w x}\right)'
  - @@'= -\frac{y x}{1 + e^{y w x}}'@@'= -\frac{y x}{1 + e^{-y w x}}'@@
""")
pair("kl_gaussian_mean_gradient", "L", r"""symbols:
  s: {positive: true}
  t: {positive: true}
steps:
  - '\frac{\partial}{\partial a} \left(\ln\frac{t}{s} + \frac{s^2 + (a - b)^2}{2 t^2} - \frac{1}{2}\right)'
  - @@'= \frac{a - b}{t^2}'@@'= \frac{a - b}{2 t^2}'@@
""")
pair("kl_bernoulli_derivative", "L", r"""symbols:
  p: {positive: true}
  q: {positive: true}
steps:
  - '\frac{d}{dp} \left(p \ln\frac{p}{q} + (1 - p) \ln\frac{1 - p}{1 - q}\right)'
  - @@'= \ln\frac{p}{q} - \ln\frac{1 - p}{1 - q}'@@'= \ln\frac{p}{q} + \ln\frac{1 - p}{1 - q}'@@
""")
pair("silu_second_derivative", "L", SIG + r"""steps:
  - '\frac{d^2}{dx^2} \left(x \sigma(x)\right)'
  - @@'= \sigma(x) (1 - \sigma(x)) \left(2 + x (1 - 2 \sigma(x))\right)'@@'= \sigma(x) (1 - \sigma(x)) \left(2 - x (1 - 2 \sigma(x))\right)'@@
""")
pair("gelu_erf_second_derivative", "L", r"""steps:
  - '\frac{d^2}{dx^2} \left(\frac{x}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)\right)'
  - @@'= \frac{(2 - x^2) e^{-x^2/2}}{\sqrt{2 \pi}}'@@'= \frac{(2 - x^2) e^{-x^2/2}}{\sqrt{\pi}}'@@
""")

# ---------------- C case splits
pair("cases_floor_staircase_closed", "C", XNN + r"""steps:
  - '\begin{cases} 0 & x < 1 \\ 1 & 1 \le x < 2 \\ 2 & x \ge 2 \end{cases}'
  - @@'= \min(\lfloor x \rfloor, 2)'@@'= \min(\lceil x - 1 \rceil, 2)'@@
""")
pair("cases_otherwise_clamp", "C", r"""steps:
  - '\begin{cases} -1 & x \le -1 \\ 1 & x \ge 1 \\ x & \text{otherwise} \end{cases}'
  - @@'= \frac{|x + 1| - |x - 1|}{2}'@@'= \frac{x + 1 - |x - 1|}{2}'@@
""")
pair("cases_jump_closed_end", "C", r"""steps:
  - '\begin{cases} x + 1 & x \le 0 \\ x^2 & x > 0 \end{cases}'
  - @@'= \begin{cases} x^2 & x > 0 \\ x + 1 & \text{otherwise} \end{cases}'@@'= \begin{cases} x + 1 & x < 0 \\ x^2 & x \ge 0 \end{cases}'@@
""")

# ---------------- S sums and products
pair("prod_superfactorial_dependent", "S", NN + r"""steps:
  - '\prod_{k=1}^{n} \prod_{j=1}^{k} j'
  - @@'= \prod_{k=1}^{n} k^{n + 1 - k}'@@'= \prod_{k=1}^{n} k^{n - k}'@@
""")
pair("sum_delta_dependent_upper", "S", r"""symbols:
  i, k: {kind: index, range: [1, n]}
steps:
  - '\sum_{j=1}^{i} \delta_{j,k}'
  - @@'= \begin{cases} 1 & k \le i \\ 0 & \text{otherwise} \end{cases}'@@'= \begin{cases} 1 & k < i \\ 0 & \text{otherwise} \end{cases}'@@
""")
pair("sum_alternating_squares_2n", "S", NN + r"""steps:
  - '\sum_{k=1}^{2n} (-1)^k k^2'
  - @@'= n (2n + 1)'@@'= n (2n - 1)'@@
""")

# ---------------- D derivatives: letter order, higher order, partial, kinks
pair("dn_reciprocal_one_minus_x", "D", NN + r"""steps:
  - '\frac{d^n}{dx^n} \frac{1}{1 - x}'
  - @@'= \frac{n!}{(1 - x)^{n + 1}}'@@'= \frac{n!}{(1 - x)^{n}}'@@
""")
pair("dn_sin_scaled_shift", "D", NN + r"""steps:
  - '\frac{d^n}{dx^n} \sin(a x)'
  - @@'= a^n \sin\left(a x + \frac{n \pi}{2}\right)'@@'= a^n \sin\left(a x - \frac{n \pi}{2}\right)'@@
""")
pair("dn_x_squared_exp", "D", NN + r"""steps:
  - '\frac{d^n}{dx^n} \left(x^2 e^{x}\right)'
  - @@'= \left(x^2 + 2 n x + n (n - 1)\right) e^{x}'@@'= \left(x^2 + 2 n x + n (n + 1)\right) e^{x}'@@
""")
pair("mixed_partial_gaussian_ratio", "D", r"""steps:
  - '\frac{\partial^2}{\partial x \partial y} e^{-x^2 y}'
  - @@'= (2 x^3 y - 2 x) e^{-x^2 y}'@@'= (2 x^3 y + 2 x) e^{-x^2 y}'@@
""")
pair("laplacian_log_radius", "D", r"""steps:
  - '\frac{\partial^2}{\partial x^2} \ln(x^2 + y^2) + \frac{\partial^2}{\partial y^2} \ln(x^2 + y^2)'
  - @@'= 0'@@'= \frac{4 (y^2 - x^2)}{(x^2 + y^2)^2}'@@
""")
pair("kink_cubic_relu_derivative", "D", r"""steps:
  - '\frac{d}{dx} \max(x^3, 0)'
  - @@'= 3 \max(x, 0)^2'@@'= 3 x^2'@@
""")

# ---------------- F special functions at edge / far arguments, tiny differences
pair("tan_near_quarter_pi", "F", r"""steps:
  - '\tan\left(\frac{\pi}{4} + 10^{-15}\right)'
  - @@'= \frac{1 + \tan(10^{-15})}{1 - \tan(10^{-15})}'@@'= 1 + 2 \cdot 10^{-15}'@@
""")
pair("log_huge_two_exponentials", "F", r"""steps:
  - '\ln\left(e^{30} + e^{-30}\right)'
  - @@'= 30 + \ln\left(1 + e^{-60}\right)'@@'= 30'@@
""")
pair("gamma_tiny_argument", "F", r"""steps:
  - '\Gamma(10^{-20})'
  - @@'= 10^{20} \Gamma(1 + 10^{-20})'@@'= 10^{20}'@@
""")
pair("arctan_far_argument", "F", r"""steps:
  - '\arctan(10^{20})'
  - @@'= \frac{\pi}{2} - \arctan(10^{-20})'@@'= \frac{\pi}{2}'@@
""")
pair("rational_tiny_difference", "F", r"""steps:
  - '\frac{1}{10^9 - 1} - \frac{1}{10^9}'
  - @@'= \frac{1}{10^{18} - 10^9}'@@'= \frac{1}{10^{18}}'@@
""")
# ---------------- V vectors and matrices
pair("weighted_lsq_nonsymmetric_gradient", "V", r"""symbols:
  X: {kind: matrix, shape: [m, d]}
  D: {kind: matrix, shape: [m, m]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: m}
steps:
  - '\nabla_w \frac{1}{2} (X w - y)^\top D (X w - y)'
  - @@'= \frac{1}{2} X^\top (D + D^\top) (X w - y)'@@'= X^\top D (X w - y)'@@
""")
pair("attention_score_transpose", "V", r"""symbols:
  K: {kind: matrix, shape: [n, n]}
  q: {kind: vector, size: n}
  v: {kind: vector, size: n}
  \tau: {positive: true}
steps:
  - '\nabla_q \frac{v^\top K q}{\tau}'
  - @@'= \frac{K^\top v}{\tau}'@@'= \frac{K v}{\tau}'@@
""")
pair("softmax_ce_unnormalised_targets", "V", r"""symbols:
  z: {kind: vector, size: n}
  y: {kind: vector, size: n}
steps:
  - '\nabla_z \left(\log(\mathbf{1}^\top \exp(z)) \, \mathbf{1}^\top y - y^\top z\right)'
  - @@'= (\mathbf{1}^\top y) \frac{\exp(z)}{\mathbf{1}^\top \exp(z)} - y'@@'= \frac{\exp(z)}{\mathbf{1}^\top \exp(z)} - y'@@
""")
pair("frobenius_product_trace_order", "V", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - '\|A B\|_F^2'
  - @@'= \operatorname{tr}(A^\top A B B^\top)'@@'= \operatorname{tr}(A^\top A B^\top B)'@@
""")
pair("bilinear_product_gradient", "V", r"""symbols:
  x: {kind: vector, size: n}
  a: {kind: vector, size: n}
  b: {kind: vector, size: n}
steps:
  - '\nabla_x (a^\top x)(b^\top x)'
  - @@'= (b^\top x) a + (a^\top x) b'@@'= (a^\top x) a + (b^\top x) b'@@
""")
pair("logsumexp_hessian", "V", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\nabla^2_x \log(\mathbf{1}^\top \exp(x))'
  - @@'= \frac{\operatorname{diag}(\exp(x))}{\mathbf{1}^\top \exp(x)} - \frac{\exp(x) \exp(x)^\top}{(\mathbf{1}^\top \exp(x))^2}'@@'= \frac{\operatorname{diag}(\exp(x))}{\mathbf{1}^\top \exp(x)} + \frac{\exp(x) \exp(x)^\top}{(\mathbf{1}^\top \exp(x))^2}'@@
""")

# ---------------- M Markdown notes
pair("md_sigmoid_mse_bias", "M", r"""# Squared error of a sigmoid unit, by its bias

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

$$ \frac{\partial}{\partial b} \frac{1}{2} \left(\sigma(w x + b) - y\right)^2 $$

$$ = \left(\sigma(w x + b) - y\right) \sigma(w x + b) \left(1 - \sigma(w x + b)\right) $$

@@$$ = \left(\sigma(w x + b) - y\right) \left(\sigma(w x + b) - \sigma(w x + b)^2\right) $$@@$$ = \left(\sigma(w x + b) - y\right) \left(1 - \sigma(w x + b)^2\right) $$@@
""", "md")
pair("md_kl_gaussian_scale", "M", r"""# KL divergence between two Gaussians, by the first scale

For $s > 0$ and $t > 0$:

$$ \frac{\partial}{\partial s} \left(\ln\frac{t}{s} + \frac{s^2 + (a - b)^2}{2 t^2} - \frac{1}{2}\right) $$

@@$$ = -\frac{1}{s} + \frac{s}{t^2} $$@@$$ = -\frac{1}{s} + \frac{s}{2 t^2} $$@@
""", "md")
pair("md_tanh_sigmoid_gate", "M", r"""# A gated unit

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$ and $g(x) = \tanh(x) \sigma(x)$.

$$ g'(x) $$

$$ = (1 - \tanh^2 x) \sigma(x) + \tanh(x) \sigma'(x) $$

@@$$ = (1 - \tanh^2 x) \sigma(x) + \tanh(x) \sigma(x) (1 - \sigma(x)) $$@@$$ = (1 + \tanh^2 x) \sigma(x) + \tanh(x) \sigma(x) (1 - \sigma(x)) $$@@
""", "md")
pair("md_otherwise_min_floor", "M", r"""# The negative part of the floor

$$ \min(\lfloor x \rfloor, 0) $$

If $x \ge 0$:

$$ = 0 $$

Otherwise:

@@$$ = \lfloor x \rfloor $$@@$$ = \lceil x \rceil - 1 $$@@
""", "md")
pair("md_dn_let_nonnegative", "M", r"""# All derivatives of $x e^{-x}$

Let $n$ be a nonnegative integer.

$$ \frac{d^n}{dx^n} \left(x e^{-x}\right) $$

@@$$ = (-1)^n (x - n) e^{-x} $$@@$$ = (-1)^n (x + n) e^{-x} $$@@
""", "md")
pair("md_sum_dependent_triangle", "M", r"""# A triangular double sum

Let $n$ be a positive integer.

$$ \sum_{i=1}^{n} \sum_{j=i}^{n} j $$

$$ = \sum_{j=1}^{n} j^2 $$

@@$$ = \frac{n (n + 1) (2n + 1)}{6} $$@@$$ = \frac{n (n + 1) (n + 2)}{6} $$@@
""", "md")
pair("md_sum_one_over_n_empty", "M", r"""# An average that may be empty

Let $n$ be a nonnegative integer.

$$ \sum_{k=1}^{n} \frac{1}{n} $$

@@$$ = \min(n, 1) $$@@$$ = 1 $$@@
""", "md")
pair("md_gamma_duplication", "M", r"""# Legendre duplication

For $x > 0$:

$$ \Gamma(x) \Gamma\left(x + \frac{1}{2}\right) $$

@@$$ = 2^{1 - 2x} \sqrt{\pi} \, \Gamma(2x) $$@@$$ = 2^{1 - x} \sqrt{\pi} \, \Gamma(2x) $$@@
""", "md")
pair("md_pow_near_one", "M", r"""# Compound interest, almost $e$

$$ \left(1 + 10^{-10}\right)^{10^{10}} $$

@@$$ = e^{10^{10} \ln\left(1 + 10^{-10}\right)} $$@@$$ = e $$@@
""", "md")
pair("md_align_mixed_partial_log", "M", r"""# A mixed partial of the log radius

\begin{align*}
\frac{\partial^2}{\partial x \partial y} \ln(x^2 + y^2)
  &= \frac{\partial}{\partial x} \frac{2 y}{x^2 + y^2} \\
@@  &= -\frac{4 x y}{(x^2 + y^2)^2}@@  &= \frac{4 x y}{(x^2 + y^2)^2}@@
\end{align*}
""", "md")
pair("md_cases_signed_square_derivative", "M", r"""# Slope of a signed square

$$ \frac{d}{dx} \left((x - 1) |x - 1|\right) $$

If $x \ge 1$:

$$ = 2 (x - 1) $$

Otherwise:

@@$$ = 2 (1 - x) $$@@$$ = 2 (x - 1) $$@@
""", "md")
pair("md_two_class_softmax", "M", r"""# Two-class softmax is a sigmoid

$$ \frac{e^{a}}{e^{a} + e^{b}} $$

$$ = \frac{1}{1 + e^{b} e^{-a}} $$

@@$$ = \frac{1}{1 + e^{b - a}} $$@@$$ = \frac{1}{1 + e^{a - b}} $$@@
""", "md")

def main():
    classes = {}
    for name, cls, ext, body in P:
        assert body.count("@@") == 3, name
        m = re.search(r"@@(.*?)@@(.*?)@@", body)
        mark = "   # expect: failed" if ext == "yaml" else " <!-- expect: failed -->"
        for tw, txt in (("true", m.group(1)), ("false", m.group(2) + mark)):
            out = body[:m.start()] + txt + body[m.end():]
            if ext == "yaml":
                out = 'title: "%s (%s twin)"\n' % (name, tw) + out
            open(os.path.join(HERE, "%s.%s.%s" % (name, tw, ext)), "w").write(out)
        classes[name] = cls
    json.dump(classes, open(os.path.join(HERE, "classes.json"), "w"), indent=1, sort_keys=True)
    print(len(P), "pairs;", sum(e == "md" for *_, e, _ in [(a, b, c, d) for a, b, c, d in P]), "md")

if __name__ == "__main__":
    main()

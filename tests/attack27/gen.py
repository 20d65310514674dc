#!/usr/bin/env python3
"""Write the attack-27 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  prose assumption cues and their reach (notes)
pair("md_nonzero_is_not_positive", "A", r"""# Sign of a quotient

For $x \neq 0$,

$$\frac{|x|}{x}$$

@@$$= \frac{x}{|x|}$$@@$$= 1$$@@
""", "md")
pair("md_here_nonnegative_ceiling", "A", r"""# A ceiling at the origin

Here $x \ge 0$ throughout.

$$\left\lceil \frac{x}{x + 1} \right\rceil$$

@@$$= \operatorname{sign}(x)$$@@$$= 1$$@@
""", "md")
pair("md_since_a_positive_not_b", "A", r"""# Taking a factor out of a root

Since $a > 0$, the factor $a$ comes out of the root unchanged:

$$\sqrt{a^2 b^2}$$

@@$$= a |b|$$@@$$= a b$$@@
""", "md")
pair("md_in_general_ends_scope", "A", r"""# Cubes under a root

Since $x > 0$,

$$\sqrt{x^6} = x^3$$

In general, for any real $x$, the root only gives the size of the cube:

$$\sqrt{x^6}$$

@@$$= |x|^3$$@@$$= x^3$$@@
""", "md")
pair("md_given_that_after_display", "A", r"""# Two roots

$$\sqrt{x^2 + 2x + 1} + \sqrt{x^2}$$

@@$$= x + 1 + |x|$$@@$$= 2x + 1$$@@
given that $x \ge -1$.
""", "md")
pair("md_now_let_any_real", "A", r"""# The larger of a number and its negative

Let $z \ge 0$.

$$\max(z, -z) = z$$

Now let $z$ be any real number.

$$\max(z, -z)$$

@@$$= |z|$$@@$$= z$$@@
""", "md")

# ---------------- B  row conditions vs whys
pair("md_align_whenever_wider", "B", r"""# A root of a square

\begin{align*}
\sqrt{x^2 - 2x + 1} &= |x - 1| && \text{(a perfect square)} \\
@@\sqrt{x^2 - 2x + 1} &= x - 1 && \text{whenever } x \ge 1@@\sqrt{x^2 - 2x + 1} &= x - 1 && \text{whenever } x \ge 0@@
\end{align*}
""", "md")
pair("md_comma_condition_nonzero", "B", r"""# The sign as a quotient

$$\frac{x}{|x|} = -1, \quad x < 0$$

@@$$\frac{x}{|x|} = 1, \quad x > 0$$@@$$\frac{x}{|x|} = 1, \quad x \neq 0$$@@
""", "md")
pair("md_align_unless_not_if", "B", r"""# Signs and quotients

\begin{align*}
\operatorname{sign}(x) \, |x| &= x && \text{by definition} \\
@@\frac{|x|}{x} &= -1 && \text{if } x < 0@@\frac{|x|}{x} &= -1 && \text{unless } x < 0@@
\end{align*}
""", "md")
pair("md_align_paren_why_not_condition", "B", r"""# A signed square

\begin{align*}
\frac{d}{dx}\left(x \sqrt{x^2}\right) &= 2 \sqrt{x^2} && \text{(product rule)} \\
@@\frac{d}{dx}\left(x \sqrt{x^2}\right) &= 2x && \text{for } x > 0@@\frac{d}{dx}\left(x \sqrt{x^2}\right) &= 2x && \text{(valid for positive inputs)}@@
\end{align*}
""", "md")
pair("yaml_why_since_positive_case_closed", "B", r"""steps:
  - \max(x, 0) + \operatorname{sign}(x)
cases:
  - when: x \ge 0
    steps:
      - latex: = x + \operatorname{sign}(x)
        why: the positive part of a nonnegative number
      - @@latex: = x + \operatorname{sign}(x)^2@@latex: = x + 1@@
        why: \text{since } x > 0
""")

# ---------------- C  special letters
pair("energy_inertia_scalar_I", "C", r"""symbols:
  m, I: {positive: true}
definitions:
  E: \frac{1}{2} m v^2 + \frac{1}{2} I \omega^2
steps:
  - v \cdot \frac{\partial E}{\partial v} + \omega \cdot \frac{\partial E}{\partial \omega}
  - = m v^2 + I \omega^2
  - @@= 2 E@@= E@@
""")
pair("index_named_e_binomial", "C", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{e=1}^{n} e \binom{n}{e}
  - = n \sum_{e=1}^{n} \binom{n - 1}{e - 1}
  - @@= n 2^{n - 1}@@= n 2^{n}@@
""")
pair("md_index_i_alternating_squares", "C", r"""# An alternating sum of squares

Let $n$ be a positive integer.

$$\sum_{i=1}^{n} (-1)^{i} i^{2}$$

@@$$= (-1)^{n} \frac{n (n + 1)}{2}$$@@$$= (-1)^{n + 1} \frac{n (n + 1)}{2}$$@@
""", "md")
pair("pi_as_distribution_gini", "C", r"""symbols:
  pi: vector
  n: {integer: true, positive: true}
steps:
  - \sum_{i=1}^{n} \pi_i (1 - \pi_i)
  - = \sum_{i=1}^{n} \pi_i - \sum_{i=1}^{n} \pi_i^2
cases:
  - when: \sum_{i=1}^{n} \pi_i = 1
    steps:
      - @@= 1 - \sum_{i=1}^{n} \pi_i^2@@= 1 - \left(\sum_{i=1}^{n} \pi_i\right)^2@@
""")
pair("md_d_dimension_and_operator", "C", r"""# A power in d dimensions

Let $d$ be a positive integer (the dimension).

$$\frac{d}{dx} \frac{x^{d}}{d}$$

@@$$= x^{d - 1}$$@@$$= \frac{x^{d - 1}}{d}$$@@
""", "md")

# ---------------- D  sums and products with symbolic and dependent bounds
pair("sum_reversed_bounds_max", "D", r"""symbols:
  m, n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=m}^{n} (2k + 1)
  - @@= \max\left(0, (n + 1)^2 - m^2\right)@@= (n + 1)^2 - m^2@@
""")
pair("md_swap_dependent_double_sum", "D", r"""# Swapping a triangular double sum

Let $n$ be a positive integer.

$$\sum_{i=1}^{n} \sum_{j=1}^{i} x^{j}$$

$$= \sum_{j=1}^{n} \sum_{i=j}^{n} x^{j}$$

@@$$= \sum_{j=1}^{n} (n - j + 1) x^{j}$$@@$$= \sum_{j=1}^{n} (n - j) x^{j}$$@@
""", "md")
pair("square_of_sum_off_diagonal", "D", r"""symbols:
  x: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - \left(\sum_{i} x_i\right)^2
  - = \sum_{i} \sum_{j} x_i x_j
  - @@= \sum_{i} x_i^2 + \sum_{i} \sum_{j \neq i} x_i x_j@@= \sum_{i} x_i^2 + 2 \sum_{i} \sum_{j \neq i} x_i x_j@@
""")
pair("md_prod_peel_from_two_n1", "D", r"""# A telescoping product

Let $n$ be a positive integer.

$$\prod_{k=2}^{n} \left(1 - \frac{1}{k^2}\right)$$

@@$$= \frac{n + 1}{2n}$$@@$$= \frac{3}{4} \prod_{k=3}^{n} \left(1 - \frac{1}{k^2}\right)$$@@
""", "md")
pair("declared_dependent_range_tetrahedral", "D", r"""symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
  j: {kind: index, range: [1, i]}
steps:
  - \sum_{i=1}^{n} \sum_{j} j
  - = \sum_{i=1}^{n} \frac{i (i + 1)}{2}
  - @@= \frac{n (n + 1) (n + 2)}{6}@@= \frac{n (n + 1) (2 n + 1)}{6}@@
""")

# ---------------- E  derivative notation
pair("second_derivative_inner_scale", "E", r"""symbols:
  f: function
steps:
  - \frac{d^2}{dx^2} f(2x)
  - @@= 4 f''(2x)@@= 2 f''(2x)@@
""")
pair("mixed_partial_product_term", "E", r"""steps:
  - \frac{\partial^2}{\partial x \partial y} \left(x^2 y^3 + \sin(x y)\right)
  - @@= 6 x y^2 + \cos(x y) - x y \sin(x y)@@= 6 x y^2 - x y \sin(x y)@@
""")
pair("md_partial_element_through_mean", "E", r"""# Gradient of the spread about the mean

Let $n$ be a positive integer, and let $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$ be the mean.

$$\frac{\partial}{\partial x_j} \sum_{i=1}^{n} (x_i - \mu)^2$$

$$= \sum_{i=1}^{n} 2 (x_i - \mu) \left(\delta_{ij} - \frac{1}{n}\right)$$

@@$$= 2 (x_j - \mu)$$@@$$= 2 (x_j - \mu) \left(1 - \frac{1}{n}\right)$$@@
""", "md")
pair("md_third_derivative_primes", "E", r"""# Third derivative

Let $g(x) = x^2 e^{x}$.

$$g'''(x)$$

$$= \frac{d}{dx}\left((x^2 + 4x + 2) e^{x}\right)$$

@@$$= (x^2 + 6x + 6) e^{x}$$@@$$= (x^2 + 6x + 2) e^{x}$$@@
""", "md")
pair("two_definitions_second_derivative", "E", r"""title: Curvature of a log
definitions:
  u: x^2 + 1
  y: \ln(u)
derivations:
  - title: second derivative
    steps:
      - \frac{d^2 y}{dx^2}
      - = \frac{d}{dx} \frac{2x}{x^2 + 1}
      - @@= \frac{2 - 2x^2}{(x^2 + 1)^2}@@= \frac{2 - 2x^2}{x^2 + 1}@@
  - title: at the origin
    steps:
      - \frac{d^2 y}{dx^2}(0)
      - = 2
""")

# ---------------- F  number reading and notation
pair("decimal_sum_exact", "F", r"""steps:
  - (0.1 + 0.2) x
  - @@= 0.3 x@@= 0.30000000000000004 x@@
""")
pair("md_percent_rise_fall", "F", r"""# A rise and a fall

A price $p > 0$ rises by $20\%$ and then falls by $20\%$.

$$p \cdot (1 + 20\%) \cdot (1 - 20\%)$$

@@$$= 0.96 p$$@@$$= p$$@@
""", "md")
pair("exponent_minus_half", "F", r"""symbols:
  x: {positive: true}
steps:
  - \frac{d}{dx} \sqrt{x}
  - @@= \frac{1}{2} x^{-1/2}@@= x^{-1}/2@@
""")
pair("real_cube_root_of_cube", "F", r"""steps:
  - \sqrt[3]{x^3 - 3x^2 + 3x - 1}
  - @@= x - 1@@= |x - 1|@@
""")
pair("md_ml_log_is_natural", "F", r"""# Cross-entropy of one output

For $0 < p < 1$:

$$\frac{d}{dp}\left(-y \log p - (1 - y) \log(1 - p)\right)$$

@@$$= \frac{p - y}{p (1 - p)}$$@@$$= \frac{p - y}{p (1 - p) \ln 10}$$@@
""", "md")

# ---------------- G  matrix calculus neighbours
pair("grad_trace_quadratic_matrix", "G", r"""symbols:
  X: {kind: matrix, shape: [n, m]}
  A: {kind: matrix, shape: [n, n]}
steps:
  - \nabla_X \operatorname{tr}(X^\top A X)
  - @@= (A + A^\top) X@@= 2 A X@@
""")
pair("grad_logdet_general_vs_spd", "G", r"""title: Gradient of a log-determinant
symbols:
  X: {kind: matrix, shape: [n, n]}
derivations:
  - title: positive definite X
    symbols:
      X: {kind: matrix, shape: [n, n], positive_definite: true}
    steps:
      - \nabla_X \log\det X
      - = X^{-1}
  - title: any invertible X
    steps:
      - \nabla_X \log|\det X|
      - @@= X^{-\top}@@= X^{-1}@@
""")
pair("md_diag_quadratic_hadamard", "G", r"""# A weighted square

Let $x \in \mathbb{R}^n$ and $y \in \mathbb{R}^n$.

$$x^\top \operatorname{diag}(y) \, x$$

@@$$= y^\top (x \odot x)$$@@$$= (x \odot y)^\top (x \odot y)$$@@
""", "md")
pair("frobenius_outer_minus_identity", "G", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - \|x x^\top - I\|_F^2
  - = \operatorname{tr}\left((x x^\top - I)^\top (x x^\top - I)\right)
  - @@= (x^\top x)^2 - 2 x^\top x + n@@= (x^\top x - 1)^2@@
""")
pair("md_centering_ones_vector", "G", r"""# Centring a vector

Let $x \in \mathbb{R}^n$.

$$\left\| \left(I_n - \frac{1}{n} \mathbf{1}_n \mathbf{1}_n^\top\right) x \right\|_2^2$$

@@$$= x^\top x - \frac{1}{n} \left(\mathbf{1}_n^\top x\right)^2$$@@$$= x^\top x - \frac{1}{n^2} \left(\mathbf{1}_n^\top x\right)^2$$@@
""", "md")

# ---------------- H  piecewise and special functions
pair("ceil_minus_floor_at_integers", "H", r"""steps:
  - \lceil x \rceil - \lfloor x \rfloor
cases:
  - when: x > 0
    steps:
      - @@= -\lfloor -x \rfloor - \lfloor x \rfloor@@= 1@@
""")
pair("md_min_of_three_multiples", "H", r"""# The smallest of three multiples

$$\min(x, 2x, 3x)$$

@@$$= x + 2 \min(0, x)$$@@$$= x$$@@
""", "md")
pair("md_softplus_derivative_sigmoid", "H", r"""# Softplus

Let $\operatorname{softplus}(x) = \ln(1 + e^{x})$ and let $\sigma(x) = \frac{1}{1 + e^{-x}}$ be the sigmoid.

$$\frac{d}{dx} \operatorname{softplus}(x)$$

$$= \frac{e^{x}}{1 + e^{x}}$$

@@$$= \sigma(x)$$@@$$= \sigma(-x)$$@@
""", "md")
pair("tanh_far_not_one", "H", r"""steps:
  - \tanh x
cases:
  - when: x > 40
    steps:
      - = \frac{1 - e^{-2x}}{1 + e^{-2x}}
      - @@= 1 - \frac{2}{e^{2x} + 1}@@= 1@@
""")
pair("md_normal_cdf_erf_derivative", "H", r"""# The normal CDF

Let $\Phi(x) = \frac{1}{2}\left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)$.

$$\frac{d}{dx} \Phi(x)$$

@@$$= \frac{1}{\sqrt{2 \pi}} e^{-x^2/2}$$@@$$= \frac{1}{\sqrt{\pi}} e^{-x^2/2}$$@@
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
            with open(os.path.join(HERE, f"{name}.{kind}.{ext}"), "w") as fh:
                fh.write("\n".join(out))
    with open(os.path.join(HERE, "classes.json"), "w") as fh:
        json.dump({n: c for n, c, _, _ in P}, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print(f"wrote {len(P)} pairs")

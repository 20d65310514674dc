#!/usr/bin/env python3
"""Write the attack-43 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: six classes the earlier attacks touched
least, each written as a stranger would type it: ranges and bounds (empty and one-term sums,
shifted and telescoping sums, bounds that name an outer index), numbers and words as typeset
(scientific notation, thin spaces, percentages, constants far from 1, a mixed number, `\text`
words in cases), kinks, jumps and domains, names that mean two things, matrix calculus, and
notes layouts. Each false twin is what a plausible misreading makes true, or is right at
special points (n = 0, n = 1, x = 0, x = 1, a boundary, a symmetric matrix)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  ranges and bounds
pair("shifted_odd_sum_from_three_empty", "A", r"""title: Odd numbers from the third, shifted to start at 1
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{k=3}^{n} (2 k - 1)
  - = \sum_{j=1}^{n-2} (2 j + 3)
  - @@= \max(n^{2} - 4, 0)@@= n^{2} - 4@@
  - = \max(n - 2, 0) (n + 2)
""")
pair("telescoping_shift_upper_bound", "A", r"""title: A telescoping sum, the second part shifted
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n} \left(\frac{1}{k} - \frac{1}{k + 1}\right)
  - @@= \sum_{k=1}^{n} \frac{1}{k} - \sum_{j=2}^{n+1} \frac{1}{j}@@= \sum_{k=1}^{n} \frac{1}{k} - \sum_{j=2}^{n} \frac{1}{j}@@
  - = 1 - \frac{1}{n + 1}
  - = \frac{n}{n + 1}
""")
pair("shifted_sum_n_to_2n_lower_bound", "A", r"""title: The integers from n to 2n, shifted to start at 0
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=n}^{2 n} k
  - @@= \sum_{j=0}^{n} (n + j)@@= \sum_{j=1}^{n} (n + j)@@
  - = n (n + 1) + \frac{n (n + 1)}{2}
  - = \frac{3 n (n + 1)}{2}
""")
pair("md_inner_bound_outer_index", "A", r"""# A double sum whose inner bound is the outer index

Let $n$ be a positive integer.

$$\sum_{i=1}^{n} \sum_{j=1}^{i} j$$

$$= @@\sum_{i=1}^{n} \frac{i (i + 1)}{2}@@\sum_{i=1}^{n} \frac{n (n + 1)}{2}@@$$

$$= \frac{n (n + 1)(n + 2)}{6}$$
""", "md")
pair("md_sum_below_n_from_zero", "A", r"""# The integers below n, from 0

Let $n$ be a nonnegative integer.

$$\sum_{k=0}^{n-1} k$$

$$= \sum_{k=1}^{n-1} k$$

$$= @@\frac{n (n - 1)}{2}@@\frac{n (n + 1)}{2}@@$$

$$= \frac{n^{2} - n}{2}$$
""", "md")
pair("md_declared_range_odd_sum", "A", r"""# Odd numbers over a range stated in the prose

Let $n$ be a positive integer.

Here $1 \le j \le n$.

$$\sum_j (2 j - 1)$$

$$= @@2 \sum_j j - n@@2 \sum_j j - 1@@$$

$$= n (n + 1) - n$$

$$= n^{2}$$
""", "md")

# ---------------- B  numbers and words as typeset
pair("sci_notation_tiny_term_kept", "B", r"""title: Scientific notation with a tiny term
steps:
  - \frac{d}{dx} \left(2 \times 10^{3} x^{2} + 10^{-6} x\right)
  - @@= 4 \times 10^{3} x + 10^{-6}@@= 4 \times 10^{3} x@@
  - = 4000 x + 0.000001
""")
pair("min_plus_bar_far_constant", "B", r"""title: A minimum against a constant far from 1
steps:
  - \min(x, 5000) + |x - 5000|
  - @@= \max(x, 5000)@@= 5000@@
  - = \frac{x + 5000 + |x - 5000|}{2}
""")
pair("md_percent_compounded_twice", "B", r"""# Two years at five percent

$$x \left(1 + 5\%\right)^{2}$$

$$= x \cdot 1.05^{2}$$

$$= @@1.1025 x@@1.1 x@@$$

$$= \frac{441 x}{400}$$
""", "md")
pair("mixed_number_half_factor_lost", "B", r"""title: Two and a half, written out and as a mixed number
steps:
  - \frac{d}{dx} \left(\left(2 + \frac{1}{2}\right) x^{2}\right)
  - = 2 \left(2 + \frac{1}{2}\right) x
  - @@= 5 x@@= 2\frac{1}{2} x@@
  - = \frac{10 x}{2}
""")
pair("md_cases_text_if_past_thousand", "B", r"""# A ramp that starts at a thousand

$$\begin{cases} x - 10^{3} & \text{if } x > 10^{3} \\ 0 & \text{otherwise} \end{cases}$$

$$= @@\max(x - 10^{3}, 0)@@0@@$$

$$= \frac{x - 10^{3} + |x - 10^{3}|}{2}$$
""", "md")
pair("md_thin_space_million_divisor", "B", r"""# A square over a million

$$\frac{d}{dx} \frac{x^{2}}{1\,000\,000}$$

$$= @@\frac{2 x}{1\,000\,000}@@\frac{2 x}{1\,000}@@$$

$$= 2 \times 10^{-6} x$$
""", "md")

# ---------------- C  kinks, jumps and domains
pair("md_x_abs_x_slope_everywhere", "C", r"""# The slope of x times its absolute value

$$\frac{d}{dx} \left(x |x|\right)$$

$$= @@2 |x|@@2 x@@$$

$$= 2 \sqrt{x^{2}}$$
""", "md")
pair("sign_square_negative_branch", "C", r"""title: The slope of sign(x) x^2, by sides
steps:
  - \frac{d}{dx} \left(\operatorname{sign}(x) x^{2}\right)
cases:
  - when: x < 0
    steps:
      - = \frac{d}{dx} \left(-x^{2}\right)
      - @@= -2 x@@= 2 x@@
      - = 2 |x|
  - when: x > 0
    steps:
      - = 2 x
      - = 2 |x|
""")
pair("md_jump_piecewise_left_slope", "C", r"""# The slope of a piecewise function with a jump at 1

$$\frac{d}{dx} \left(\begin{cases} x^{2} & \text{if } x < 1 \\ 2 x + 5 & \text{otherwise} \end{cases}\right)$$

If $x < 1$:

$$= @@2 x@@2@@$$

$$= x + x$$

If $x > 1$:

$$= 2$$
""", "md")
pair("cube_root_negative_slope", "C", r"""title: The slope of the real cube root, by sides
steps:
  - \frac{d}{dx} \sqrt[3]{x}
cases:
  - when: x < 0
    steps:
      - @@= \frac{1}{3 \sqrt[3]{x^{2}}}@@= -\frac{1}{3 \sqrt[3]{x^{2}}}@@
      - = \frac{\sqrt[3]{x}}{3 x}
  - when: x > 0
    steps:
      - = \frac{1}{3} x^{-\frac{2}{3}}
      - = \frac{\sqrt[3]{x}}{3 x}
""")
pair("md_x_to_x_slope", "C", r"""# The slope of x to the x

Let $x > 0$.

$$\frac{d}{dx} x^{x}$$

$$= \frac{d}{dx} e^{x \ln x}$$

$$= @@x^{x} \left(\ln x + 1\right)@@x \cdot x^{x - 1}@@$$

$$= x^{x} \ln x + x^{x}$$
""", "md")
pair("sqrt_square_over_x_cases", "C", r"""title: The root of a square over x, by sides
steps:
  - \frac{\sqrt{x^{2}}}{x}
cases:
  - when: x < 0
    steps:
      - @@= \frac{-x}{x}@@= \frac{x}{x}@@
      - = -1
  - when: x > 0
    steps:
      - = \frac{x}{x}
      - = 1
""")

# ---------------- D  names that mean two things
pair("declared_e_base_slope", "D", r"""title: A declared e is a letter, not Euler's number
symbols:
  e: {positive: true}
steps:
  - \frac{d}{dx} e^{x}
  - @@= e^{x} \ln e@@= e^{x}@@
  - = \ln(e) \cdot e^{x}
""")
pair("derivative_by_defined_name_no_chain", "D", r"""title: A derivative by a defined name, written in that name
definitions:
  u: x^{2}
steps:
  - \frac{d}{du} \sin(u)
  - @@= \cos(u)@@= 2 x \cos(u)@@
  - = \cos(x^{2})
""")
pair("md_prime_on_value", "D", r"""# A prime on a value

Let $u = x^{3} + x$.

$$\frac{d}{dx} u^{2}$$

$$= @@2 u u'@@2 u@@$$

$$= 2 (x^{3} + x)(3 x^{2} + 1)$$
""", "md")
pair("md_energy_E_defined", "D", r"""# A squared error called E

Let $E = \frac{1}{2} (w x - y)^{2}$.

$$\frac{\partial E}{\partial w}$$

$$= @@(w x - y) x@@w x - y@@$$

$$= w x^{2} - x y$$
""", "md")
pair("index_i_second_derivative", "D", r"""title: An index named i in an exponent
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \frac{d^{2}}{dx^{2}} e^{i x}
  - @@= i^{2} e^{i x}@@= -e^{i x}@@
  - = i \cdot i e^{i x}
""")
pair("md_partial_by_defined_hat", "D", r"""# A partial derivative by a defined prediction

Let $\hat{y} = w x$ and $L = (\hat{y} - y)^{2}$.

$$\frac{\partial L}{\partial \hat{y}}$$

$$= @@2 (\hat{y} - y)@@2 (\hat{y} - y) x@@$$

$$= 2 (w x - y)$$
""", "md")

# ---------------- E  matrix calculus
pair("least_squares_half_gradient", "E", r"""title: The gradient of half a squared residual norm
symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
definitions:
  L: \frac{1}{2} \|X w - y\|^{2}
steps:
  - \nabla_{w} L
  - @@= X^\top (X w - y)@@= 2 X^\top (X w - y)@@
  - = X^\top X w - X^\top y
""")
pair("ridge_penalty_gradient_two", "E", r"""title: The gradient of a ridge objective
symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
definitions:
  L: \|X w - y\|^{2} + \lambda \|w\|^{2}
steps:
  - \nabla_{w} L
  - @@= 2 X^\top (X w - y) + 2 \lambda w@@= 2 X^\top (X w - y) + \lambda w@@
  - = 2 (X^\top X + \lambda I) w - 2 X^\top y
""")
pair("bilinear_gradient_second_argument", "E", r"""title: A bilinear form by its second vector
symbols:
  A: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
steps:
  - \nabla_{y} \left(x^\top A y\right)
  - @@= A^\top x@@= A x@@
  - = (x^\top A)^\top
""")
pair("trace_sandwich_gradient_order", "E", r"""title: The gradient of a trace of three matrices
symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  X: {kind: matrix, shape: [n, n]}
steps:
  - \frac{\partial}{\partial X} \operatorname{tr}(A X B)
  - @@= A^\top B^\top@@= B^\top A^\top@@
  - = (B A)^\top
""")
pair("frobenius_least_squares_matrix_grad", "E", r"""title: Least squares in the Frobenius norm, by a weight matrix
symbols:
  X: {kind: matrix, shape: [n, n]}
  W: {kind: matrix, shape: [n, n]}
  Y: {kind: matrix, shape: [n, n]}
definitions:
  L: \frac{1}{2} \|X W - Y\|_F^{2}
steps:
  - \frac{\partial L}{\partial W}
  - @@= X^\top (X W - Y)@@= (X W - Y)^\top X@@
  - = X^\top X W - X^\top Y
""")
pair("outer_product_frobenius_norm", "E", r"""title: The Frobenius norm of an outer product
symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
steps:
  - \|x y^\top\|_F^{2}
  - = \operatorname{tr}\left(y x^\top x y^\top\right)
  - @@= (x^\top x)(y^\top y)@@= (x^\top y)^{2}@@
  - = \|x\|^{2} \|y\|^{2}
""")
pair("md_quadratic_form_linear_term", "E", r"""# A quadratic form with a linear term

Let $A \in \mathbb{R}^{n \times n}$.

Let $x \in \mathbb{R}^{n}$.

Let $b \in \mathbb{R}^{n}$.

$$\nabla_x \left(x^\top A x - b^\top x\right)$$

$$= @@(A + A^\top) x - b@@2 A x - b@@$$

$$= A x + A^\top x - b$$
""", "md")

# ---------------- F  notes layouts
pair("md_align_why_column_factor", "F", r"""# The product rule in an align with reasons

\begin{align*}
\frac{d}{dx} \left(x^{2} \sin x\right) &= 2 x \sin x + x^{2} \cos x && \text{product rule} \\
@@&= x \left(2 \sin x + x \cos x\right) && \text{common factor} \\@@&= x \left(2 \sin x + \cos x\right) && \text{common factor} \\@@
&= x^{2} \cos x + 2 x \sin x && \text{reordered}
\end{align*}
""", "md")
pair("md_definition_after_use", "F", r"""# A product with names given afterwards

$$\frac{d}{dx} \left(x^{2} s\right)$$

$$= @@2 x s + x^{2} c@@2 x s@@$$

$$= x (2 s + x c)$$

where $s = \sin x$ and $c = \cos x$.
""", "md")
pair("md_if_equal_otherwise_product", "F", r"""# A partial derivative by one element, in two cases

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Here $1 \le j \le n$.

$$\frac{\partial}{\partial x_j} \left(x_i^{2} x_j\right)$$

If $i = j$:

$$= @@3 x_i^{2}@@x_i^{2}@@$$

$$= 3 x_j^{2}$$

Otherwise:

$$= x_i^{2}$$
""", "md")
pair("md_goal_then_cases_ramp", "F", r"""# Twice a ramp, written with a bar

$$|x| + x$$

If $x > 0$:

$$= 2 x$$

If $x < 0$:

$$= @@-x + x@@2 x@@$$

$$= 0$$
""", "md")
pair("md_tag_numbers_and_period", "F", r"""# The chain rule with equation numbers

\begin{align}
\frac{d}{dx} \left(x^{3} + 2\right)^{2} &= 2 \left(x^{3} + 2\right) \cdot 3 x^{2} \tag{1} \\
@@&= 6 x^{5} + 12 x^{2} \tag{2} \\@@&= 3 x^{5} + 6 x^{2} \tag{2} \\@@
&= 6 x^{2} \left(x^{3} + 2\right).
\end{align}
""", "md")
pair("md_inline_definition_list", "F", r"""# A product of two names defined in one sentence

Let $u = x^{2}$ and $v = \sin x$.

$$\frac{d}{dx} (u v)$$

$$= @@2 x v + u \cos x@@2 x v@@$$

$$= 2 x \sin x + x^{2} \cos x$$
""", "md")
pair("md_similarly_closes_cases", "F", r"""# Clipped squares on each side

$$\max(x, 0) \cdot x$$

If $x > 0$:

$$= x^{2}$$

Otherwise:

$$= 0$$

Similarly, for the other side:

$$\min(x, 0) \cdot x$$

If $x < 0$:

$$= x^{2}$$

Otherwise:

$$= @@0@@x^{2}@@$$
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

#!/usr/bin/env python3
"""Write the attack-40 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: a symbol, a number or a convention that
can mean two things, where the default reading (a tool's, or SymPy's) is not the one meant. Each
false twin is what a plausible misreading there makes true."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  SymPy's conventions vs the reader's
pair("sqrt_square_quartic_abs", "A", r"""title: The root of a squared difference of squares
steps:
  - \sqrt{\left(x^{2} - 1\right)^{2}}
  - @@= \left|x^{2} - 1\right|@@= x^{2} - 1@@
""")
pair("md_power_of_power_even_inner", "A", r"""# A three-halves power of a square

$$\left(x^{2}\right)^{\frac{3}{2}}$$

$$= @@|x|^{3}@@x^{3}@@$$
""", "md")
pair("md_exp_half_log_square", "A", r"""# Undoing a logarithm of a square

$$\exp\left(\frac{1}{2} \ln\left(x^{2}\right)\right) = @@|x|@@x@@$$
""", "md")
pair("arccos_cos_symmetric_window", "A", r"""title: An arccosine of a cosine on a symmetric window
steps:
  - \arccos(\cos x)
cases:
  - when: -3 < x < 3
    steps:
      - @@= |x|@@= x@@
""")
pair("md_log_ten_derivative_base", "A", r"""# The slope of a common logarithm

Let $x > 0$.

$$\frac{d}{dx} \log_{10} x = @@\frac{1}{x \ln 10}@@\frac{1}{x}@@$$
""", "md")
pair("exp_squared_power_not_iterate", "A", r"""title: The derivative of an exponential squared
steps:
  - \frac{d}{dx} \exp^{2}(x)
  - @@= 2 e^{2 x}@@= e^{x} e^{e^{x}}@@
""")
pair("md_inverse_cos_plus_inverse_sin", "A", r"""# Two inverse functions add to a right angle

$$\cos^{-1} x + \sin^{-1} x = @@\frac{\pi}{2}@@\frac{1}{\cos x} + \frac{1}{\sin x}@@$$
""", "md")

# ---------------- B  letters that are operators or constants
pair("sum_index_named_e", "B", r"""title: A sum whose index is called e
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{e=1}^{n} e
  - @@= \frac{n (n + 1)}{2}@@= e n@@
""")
pair("md_sum_index_i_squared", "B", r"""# A sum of squares over i

Let $n$ be a nonnegative integer.

$$\sum_{i=1}^{n} i^{2} = @@\frac{n (n + 1) (2 n + 1)}{6}@@-n@@$$
""", "md")
pair("delta_x_is_one_name", "B", r"""title: An increment is one name
steps:
  - \frac{d}{dx}\left(x \Delta x\right)
  - @@= \Delta x@@= 2 \Delta x@@
""")
pair("md_varepsilon_small_not_zero", "B", r"""# A difference quotient of a square

Let $\varepsilon$ be a small number.

$$\frac{(1 + \varepsilon)^{2} - 1}{\varepsilon}$$

$$= @@2 + \varepsilon@@2@@$$
""", "md")
pair("t_declared_power", "B", r"""title: A power whose exponent is called T
symbols:
  T: {positive: true}
  x: {positive: true}
steps:
  - \frac{d}{dx} x^{T}
  - @@= T x^{T - 1}@@= 1@@
""")
pair("d_declared_operator_still_derivative", "B", r"""title: A constant called d beside the derivative operator
symbols:
  d: {positive: true}
steps:
  - \frac{d}{dx}\left(d x^{2}\right)
  - @@= 2 d x@@= d x@@
""")
pair("md_delta_w_one_name", "B", r"""# A weight times its increment

$$\frac{d}{dw}\left(w^{2} \delta w\right) = @@2 w \cdot \delta w@@3 w \cdot \delta w@@$$
""", "md")

# ---------------- C  matrix calculus as a new user pastes it
pair("md_transpose_product_order_square", "C", r"""# The transpose of a product

Let $A$ and $B$ be $n \times n$ matrices.

$$(A B)^\top = @@B^\top A^\top@@A^\top B^\top@@$$
""", "md")
pair("inverse_transpose_not_inverse", "C", r"""title: The transpose of an inverse
symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - \left(A^{-1}\right)^\top
  - @@= \left(A^\top\right)^{-1}@@= A^{-1}@@
""")
pair("md_hadamard_moves_inside_inner", "C", r"""# An elementwise product inside an inner product

Let $x \in \mathbb{R}^n$, $y \in \mathbb{R}^n$ and $z \in \mathbb{R}^n$.

$$x^\top (y \odot z) = @@(x \odot y)^\top z@@(x^\top y) (\mathbf{1}^\top z)@@$$
""", "md")
pair("md_det_negated_matrix_parity", "C", r"""# The determinant of a negated matrix

Let $A \in \mathbb{R}^{n \times n}$.

$$\det(-A) = @@(-1)^{n} \det A@@-\det A@@$$
""", "md")
pair("ones_inner_product_size", "C", r"""title: Ones against a shifted vector
symbols:
  n: {integer: true, positive: true}
  x: {kind: vector, size: n}
steps:
  - \mathbf{1}_n^\top \left(x + \mathbf{1}_n\right)
  - @@= \mathbf{1}_n^\top x + n@@= \mathbf{1}_n^\top x + 1@@
""")
pair("trace_transpose_dot_elements", "C", r"""title: A sum of elementwise products is a trace
symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  i, j: {kind: index, range: [1, n]}
steps:
  - \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{i,j}
  - @@= \operatorname{tr}\left(A^\top B\right)@@= \operatorname{tr}\left(A B\right)@@
""")
pair("md_trace_outer_gradient", "C", r"""# The gradient of a trace of an outer product

Let $x \in \mathbb{R}^n$ and $A \in \mathbb{R}^{n \times n}$.

$$\nabla_x \operatorname{tr}\left(x x^\top A\right) = @@\left(A + A^\top\right) x@@2 A x@@$$
""", "md")

# ---------------- D  sums and products: index bookkeeping
pair("sum_off_diagonal_pairs_square", "D", r"""title: The off-diagonal part of a square of a sum
symbols:
  x: vector
  i, j: {kind: index, range: [1, n]}
steps:
  - \sum_{i=1}^{n} \sum_{j \neq i} x_i x_j
  - @@= \left(\sum_{k=1}^{n} x_k\right)^{2} - \sum_{k=1}^{n} x_k^{2}@@= \left(\sum_{k=1}^{n} x_k\right)^{2}@@
""")
pair("md_nested_sum_same_letter", "D", r"""# A nested sum that reuses its letter

Let $n$ be a nonnegative integer.

$$\sum_{k=1}^{n} \sum_{k=1}^{3} k = @@6 n@@\frac{3 n (n + 1)}{2}@@$$
""", "md")
pair("prod_telescope_from_two_n0", "D", r"""title: A telescoping product from two
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \prod_{k=2}^{n} \frac{k}{k - 1}
  - @@= \max(n, 1)@@= n@@
""")
pair("sum_index_shadows_free_x", "D", r"""title: A sum index that shadows a free letter
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - x^{2} + \sum_{x=1}^{n} x
  - @@= x^{2} + \frac{n (n + 1)}{2}@@= x^{2} + n x@@
""")
pair("md_inner_sum_starts_at_outer", "D", r"""# An inner sum that starts at the outer index

Let $n$ be a nonnegative integer.

$$\sum_{i=1}^{n} \sum_{j=i}^{n} j = @@\frac{n (n + 1) (2 n + 1)}{6}@@\frac{n^{2} (n + 1)}{2}@@$$
""", "md")
pair("md_softmax_centred_unbounded_sum", "D", r"""# Centred softmax weights

Here $1 \le j \le n$.

Let $p_j = \frac{e^{z_j}}{\sum_{k=1}^{n} e^{z_k}}$.

$$\sum_j \left(p_j - \frac{1}{n}\right)$$

$$= @@0@@1 - \frac{1}{n}@@$$
""", "md")
pair("md_geometric_via_empty_product", "D", r"""# Powers of two as products

Let $n$ be a nonnegative integer.

$$\sum_{k=1}^{n} \prod_{j=1}^{k - 1} 2 = @@2^{n} - 1@@2^{n} - 2@@$$
""", "md")

# ---------------- E  one notes file, several derivations
pair("md_similarly_gradient_by_input", "E", r"""# Two gradients of a squared error

Let $z = w x + b$ and $E = \frac{1}{2} (z - y)^{2}$.

$$\frac{\partial E}{\partial w} = (z - y) x$$

Similarly,

$$\frac{\partial E}{\partial x} = @@(z - y) w@@(z - y) x@@$$
""", "md")
pair("md_positive_lemma_heading_scope", "E", r"""# Slopes of a root of a square

## A positive lemma

Let $x > 0$.

$$\frac{d}{dx} \sqrt{x^{2}} = 1$$

## Every real x

$$\frac{d}{dx}\left(x \sqrt{x^{2}}\right) = @@2 |x|@@2 x@@$$
""", "md")
pair("md_otherwise_signed_square_sum", "E", r"""# A signed square plus a square

$$x |x| + x^{2}$$

If $x > 0$:

$$= 2 x^{2}$$

Otherwise:

$$= @@0@@2 x^{2}@@$$
""", "md")
pair("md_system_values_do_not_leak", "E", r"""# A small system, then a product rule

Solve the system:

$$x + y = 3$$

$$x - y = 1$$

## A derivative

$$\frac{d}{dx}\left(x^{2} y\right) = @@2 x y@@2 x@@$$
""", "md")
pair("md_adding_two_results_row_continues", "E", r"""# Derivatives of two squares

$$\frac{d}{dx} \sin^{2} x = 2 \sin x \cos x$$

$$\frac{d}{dx} \cos^{2} x = -2 \sin x \cos x$$

Adding the two results:

$$= @@-\sin(2 x)@@0@@$$
""", "md")
pair("derivations_case_does_not_leak", "E", r"""title: A sign, first on the positive side, then everywhere
derivations:
  - title: positive side
    steps:
      - \frac{|x|}{x}
    cases:
      - when: x > 0
        steps:
          - = 1
  - title: either side
    steps:
      - \frac{|x|}{x}
      - @@= \operatorname{sign}(x)@@= 1@@
""")

# ---------------- F  numbers written two ways
pair("slash_half_x_refused", "F", r"""title: Half of x written with a slash
steps:
  - \frac{d}{dx} \frac{x^{2}}{4}
  - @@= \frac{1}{2} x@@= 1/2x@@
""")
pair("md_x_over_2y_refused", "F", r"""# A slope over twice a letter

$$\frac{\partial}{\partial x} \frac{x^{2}}{4 y} = @@\frac{x}{2 y}@@x/2y@@$$
""", "md")
pair("exp_minus_square_precedence", "F", r"""title: A Gaussian bump's slope
steps:
  - \frac{d}{dx} e^{-x^{2}}
  - @@= -2 x e^{-x^{2}}@@= 2 x e^{x^{2}}@@
""")
pair("md_spaced_frac_half_then_square", "F", r"""# Half a square, in TeX's unbraced fraction

$$\frac{d}{dx}\left(\frac 1 2 x^{2}\right) = @@x@@-\frac{1}{x^{3}}@@$$
""", "md")
pair("md_decimal_cube_exact", "F", r"""# A cube of a tenth of x

$$\frac{d}{dx} (0.1 x)^{3} = @@0.003 x^{2}@@0.003000000000000001 x^{2}@@$$
""", "md")
pair("scientific_e_notation_refused", "F", r"""title: A thousandth written as in code
steps:
  - \frac{x}{1000}
  - @@= 10^{-3} x@@= 1e-3 x@@
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

#!/usr/bin/env python3
"""Write the attack-26 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

def pell_lucas(n):  # (1 + sqrt2)^n + (1 - sqrt2)^n
    a, b = 2, 2
    for _ in range(n):
        a, b = b, 2 * b + a
    return a
Q40 = pell_lucas(40)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
F50 = fib(50)

# ---------------- A  scopes: sections, prose assumptions, per-derivation symbols
pair("md_redeclared_any_square", "A", r"""# Symmetric case

Let $A \in \mathbb{R}^{n \times n}$ be symmetric and let $x \in \mathbb{R}^n$.

$$\nabla_x \left(x^\top A x\right) = 2 A x$$

# General square matrices

Now let $A \in \mathbb{R}^{n \times n}$ be any square matrix.

$$\nabla_x \left(x^\top A x\right)$$

@@$$= (A + A^\top) x$$@@$$= 2 A x$$@@
""", "md")
pair("md_gram_det_redeclared_shape", "A", r"""# Square matrices

Let $A \in \mathbb{R}^{n \times n}$.

$$\det(A^\top A) = \det(A A^\top)$$

# Rectangular matrices

Now let $A \in \mathbb{R}^{m \times n}$.

@@$$\det(I + A^\top A) = \det(I + A A^\top)$$@@$$\det(A^\top A) = \det(A A^\top)$$@@
""", "md")
pair("md_positive_scope_sqrt_derivative", "A", r"""# Positive arguments

For $x > 0$,

$$\frac{d}{dx} \sqrt{x^2} = 1$$

# Both signs

$$\frac{d}{dx} \sqrt{x^2}$$

@@$$= \frac{x}{|x|}$$@@$$= 1$$@@
""", "md")
pair("md_assumption_after_display", "A", r"""# Two roots of perfect squares

$$\sqrt{a^2 + 2a + 1} - \sqrt{a^2 - 2a + 1}$$

@@$$= a + 1 - |a - 1|$$@@$$= (a + 1) - (a - 1)$$@@

The first root is $a + 1$ because here $a \ge 0$.
""", "md")
pair("md_several_displays_positive", "A", r"""# Absolute values

Let $x > 0$.

$$\sqrt{x^2} = x$$

$$|x + 1| = x + 1$$

$$|x - 1| + |x + 1|$$

@@$$= x + 1 + |x - 1|$$@@$$= 2x$$@@
""", "md")
pair("md_pd_then_symmetric", "A", r"""# Positive definite

Let $A \in \mathbb{R}^{n \times n}$ be positive definite and $x \in \mathbb{R}^n$.

$$\sqrt{\left(x^\top A x\right)^2} = x^\top A x$$

# Symmetric only

Now let $A \in \mathbb{R}^{n \times n}$ be symmetric.

$$\sqrt{\left(x^\top A x\right)^2}$$

@@$$= \left|x^\top A x\right|$$@@$$= x^\top A x$$@@
""", "md")
pair("derivations_own_symmetric", "A", r"""title: Bilinear forms
symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
  A: {kind: matrix, shape: [n, n]}
derivations:
  - title: symmetric A
    symbols:
      A: {kind: matrix, shape: [n, n], symmetric: true}
    steps:
      - x^\top A y
      - = y^\top A x
  - title: general A
    steps:
      - x^\top A y
      - @@= y^\top A^\top x@@= y^\top A x@@
""")
pair("derivations_own_size", "A", r"""title: Determinant of a multiple
symbols:
  A: {kind: matrix, shape: [n, n]}
derivations:
  - title: two by two
    symbols:
      A: {kind: matrix, shape: [2, 2]}
    steps:
      - \det(3 A)
      - = 9 \det(A)
  - title: n by n
    steps:
      - \det(3 A)
      - @@= 3^{n} \det(A)@@= 9 \det(A)@@
""")
pair("derivations_own_nonnegative", "A", r"""title: Positive parts
derivations:
  - title: nonnegative a
    symbols:
      a: {nonnegative: true}
    steps:
      - \max(a, 0)
      - = a
  - title: any a
    steps:
      - \max(a, 0)
      - @@= \frac{a + |a|}{2}@@= a@@
""")

# ---------------- B  vectors, inner products, traces
pair("dot_not_associative", "B", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
  z: {kind: vector, size: n}
steps:
  - (x \cdot y) z
  - @@= z y^\top x@@= x (y \cdot z)@@
""")
pair("dot_adjoint", "B", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
  A: {kind: matrix, shape: [n, n]}
steps:
  - x \cdot (A y)
  - @@= (A^\top x) \cdot y@@= (A x) \cdot y@@
""")
pair("trace_symmetric_noncyclic", "B", r"""symbols:
  A: {kind: matrix, shape: [n, n], symmetric: true}
  B: {kind: matrix, shape: [n, n], symmetric: true}
  C: {kind: matrix, shape: [n, n]}
steps:
  - \operatorname{tr}(A B C)
  - @@= \operatorname{tr}(A C^\top B)@@= \operatorname{tr}(A C B)@@
""")
pair("trace_transpose_pair", "B", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - \operatorname{tr}(A^\top B)
  - @@= \operatorname{tr}(B^\top A)@@= \operatorname{tr}(B^\top A^\top)@@
""")
pair("frobenius_sum_cross", "B", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - \|A + B\|_F^2
  - @@= \|A\|_F^2 + 2 \operatorname{tr}(A^\top B) + \|B\|_F^2@@= \|A\|_F^2 + 2 \operatorname{tr}(A B) + \|B\|_F^2@@
""")
pair("norm_Ax_gram_order", "B", r"""symbols:
  x: {kind: vector, size: n}
  A: {kind: matrix, shape: [n, n]}
steps:
  - \|A x\|^2
  - @@= x^\top A^\top A x@@= x^\top A A^\top x@@
""")
pair("cross_product_lagrange", "B", r"""symbols:
  x: {kind: vector, size: 3}
  y: {kind: vector, size: 3}
steps:
  - \|x \times y\|^2 + (x \cdot y)^2
  - @@= \|x\|^2 \|y\|^2@@= 2 (x^\top y)^2@@
""")
pair("md_dot_square_outer", "B", r"""# Square of an inner product

Let $x \in \mathbb{R}^n$ and $y \in \mathbb{R}^n$.

$$(x \cdot y)^2$$

$$= (x^\top y)(y^\top x)$$

@@$$= x^\top (y y^\top) x$$@@$$= \|x\|^2 \|y\|^2$$@@
""", "md")

# ---------------- C  sums and products at n = 0 (empty sums are 0, empty products 1)
pair("prod_peel_first_n0", "C", r"""symbols:
  n: {integer: true, nonnegative: true}
  x: {positive: true}
steps:
  - \prod_{k=1}^{n} \left(1 + x^{2^{k}}\right)
  - @@= \frac{1}{1 + x} \prod_{k=0}^{n} \left(1 + x^{2^{k}}\right)@@= \left(1 + x^{2}\right) \prod_{k=2}^{n} \left(1 + x^{2^{k}}\right)@@
""")
pair("binom_peel_last_n0", "C", r"""symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n} \binom{n}{k} a^{k}
  - @@= (1 + a)^{n} - 1@@= a^{n} + \sum_{k=1}^{n-1} \binom{n}{k} a^{k}@@
""")
pair("geometric_shifted_closed_form", "C", r"""symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n-1} q^{k}
cases:
  - when: q > 1
    steps:
      - @@= q \sum_{k=0}^{n-2} q^{k}@@= \frac{q^{n} - q}{q - 1}@@
""")
pair("md_telescoping_peel_n0", "C", r"""# A telescoping sum

Let $n$ be a nonnegative integer and let $a > 0$.

$$\sum_{k=1}^{n} \left(\frac{1}{k + a} - \frac{1}{k + 1 + a}\right)$$

@@$$= \frac{1}{1 + a} - \frac{1}{n + 1 + a}$$@@$$= \frac{1}{1 + a} - \frac{1}{2 + a} + \sum_{k=2}^{n} \left(\frac{1}{k + a} - \frac{1}{k + 1 + a}\right)$$@@
""", "md")
pair("md_weighted_geometric_n0", "C", r"""# A weighted geometric sum

Let $n$ be a nonnegative integer, and let $r > 1$.

$$\sum_{k=0}^{n-1} (k + 1) r^{k}$$

@@$$= \frac{1 - (n + 1) r^{n} + n r^{n + 1}}{(1 - r)^2}$$@@$$= 1 + \sum_{k=1}^{n-1} (k + 1) r^{k}$$@@
""", "md")

# ---------------- D  derivatives at kinks
pair("abs_times_sign_derivative", "D", r"""steps:
  - \frac{d}{dx} \left(|x| \operatorname{sign}(x)\right)
  - @@= 1@@= \operatorname{sign}(x)^2@@
""")
pair("abs_shift_derivative_sign", "D", r"""steps:
  - \frac{d}{dx} |x - a|
  - @@= \frac{x - a}{|x - a|}@@= \operatorname{sign}(x - a)@@
""")
pair("radial_cube_partial", "D", r"""steps:
  - \frac{\partial}{\partial x} \left(x^2 + y^2\right)^{3/2}
  - @@= 3 x \sqrt{x^2 + y^2}@@= 3 x^2 \sqrt{1 + \frac{y^2}{x^2}}@@
""")
pair("md_relu_derivative_half", "D", r"""# ReLU

The ReLU is $r(x) = \max(0, x)$.

$$\frac{d}{dx} r(x)$$

@@$$= \frac{\max(0, x)}{x}$$@@$$= \frac{1 + \operatorname{sign}(x)}{2}$$@@
""", "md")
pair("md_piecewise_joint_derivative", "D", r"""# A piecewise function

$$h(x) = \begin{cases} x^2 & \text{if } x \ge 1 \\ x & \text{if } x < 1 \end{cases}$$

$$\frac{d}{dx} h(x)$$

@@$$= \begin{cases} 2x & \text{if } x > 1 \\ 1 & \text{if } x < 1 \end{cases}$$@@$$= \max(1, 2x)$$@@
""", "md")

# ---------------- E  align rows: why words vs conditions
pair("md_align_condition_softmax", "E", r"""# Softmax Jacobian

Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$.

\begin{align*}
\frac{\partial p_i}{\partial z_i} &= p_i (1 - p_i) && \text{quotient rule} \\
@@\frac{\partial p_i}{\partial z_j} &= -p_i p_j && \text{for } i \neq j@@\frac{\partial p_i}{\partial z_j} &= -p_i p_j && \text{quotient rule}@@
\end{align*}
""", "md")
pair("md_align_if_condition", "E", r"""# Sum of two distances

\begin{align*}
|x - 1| + |x + 1| &= 2 && \text{if } -1 \le x \le 1 \\
@@|x - 1| + |x + 1| &= 2x && \text{if } x > 1@@|x - 1| + |x + 1| &= 2x && \text{by the triangle inequality}@@
\end{align*}
""", "md")
pair("md_align_multiply_by_ex", "E", r"""# The logistic function

\begin{align*}
\frac{1}{1 + e^{-x}} &= \frac{e^{x}}{e^{x} + 1} && \text{multiply by } e^x \\
@@&= \frac{1}{2} + \frac{1}{2} \tanh\frac{x}{2} && \text{half-angle form}@@&= \frac{1}{2} + \frac{1}{2} \tanh x && \text{half-angle form}@@
\end{align*}
""", "md")
pair("md_align_sign_nonzero", "E", r"""# Signs

\begin{align*}
\operatorname{sign}(x) \, |x| &= x && \text{by definition} \\
@@\operatorname{sign}(x)^2 &= 1 && \text{for } x \neq 0@@\operatorname{sign}(x)^2 &= 1 && \text{since a sign is plus or minus one}@@
\end{align*}
""", "md")
pair("yaml_bar_why_not_condition", "E", r"""steps:
  - \sqrt{x^2 - 2x + 1}
  - @@= |x - 1| \quad | \text{if } x \ge 1@@= x - 1 \quad | \text{if } x \ge 1@@
""")

# ---------------- F  constants given in prose
pair("md_pell_power_near_integer", "F", r"""# A power of one plus root two

Let $c = \sqrt{2}$.

$$(1 + c)^{40}$$

@@$$= %d - (c - 1)^{40}$$@@$$= %d$$@@
""" % (Q40, Q40), "md")
pair("md_root2_tower_order", "F", r"""# A tower of roots of two

Let $c = \sqrt{2}$.

$$\left(c^{c}\right)^{c}$$

@@$$= c^{c \cdot c}$$@@$$= c^{c^{c}}$$@@
""", "md")
pair("md_theta_pi7_tangents", "F", r"""# Tangents of sevenths

Let $\theta = \frac{\pi}{7}$.

$$\tan\theta \tan 2\theta \tan 3\theta = \sqrt{7}$$

$$\tan\theta \tan 2\theta \tan 4\theta$$

@@$$= -\sqrt{7}$$@@$$= \sqrt{7}$$@@
""", "md")
pair("md_now_let_n_minus_one", "F", r"""# Power rule

Let $x > 0$.

$$\frac{d}{dx} x^{n} = n x^{n - 1}$$

Now let $n = -1$.

$$\frac{d}{dx} x^{n}$$

@@$$= -\frac{1}{x^{2}}$$@@$$= -\frac{1}{x}$$@@
""", "md")
pair("md_golden_binet_fifty", "F", r"""# Fibonacci from the golden ratio

Let $\varphi = \frac{1 + \sqrt{5}}{2}$.

$$\frac{\varphi^{50}}{\sqrt{5}}$$

@@$$= %d + \frac{\varphi^{-50}}{\sqrt{5}}$$@@$$= %d$$@@
""" % (F50, F50), "md")
pair("md_theta_pi12_tan_cot", "F", r"""# Fifteen degrees

Let $\theta = \frac{\pi}{12}$.

$$\tan\theta + \cot\theta$$

$$= \frac{2}{\sin 2\theta}$$

@@$$= 4$$@@$$= 2 \sqrt{3}$$@@
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

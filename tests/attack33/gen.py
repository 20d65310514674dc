#!/usr/bin/env python3
"""Write the attack-33 twin pairs (neighbours of recent fixes). Each body holds exactly one line
with `@@TRUE@@FALSE@@`: the true twin gets TRUE, the false twin FALSE plus the mark
(`# expect: failed` in YAML, `<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  sums and products of derivatives taken by the summation index
pair("euler_homogeneous_defined_norm", "A", r"""title: Euler's theorem for a homogeneous function of degree 2
symbols:
  x: vector
  n: {integer: true, positive: true}
  j: {kind: index, range: [1, n]}
definitions:
  f: \sqrt{\sum_{j=1}^{n} x_j^{4}}
steps:
  - \sum_{j=1}^{n} x_j \frac{\partial f}{\partial x_j}
  - = \sum_{j=1}^{n} x_j \cdot \frac{2 x_j^{3}}{f}
  - = \frac{2 f^{2}}{f}
  - @@= 2 f@@= 2 n f@@
""")
pair("md_laplacian_of_norm", "A", r"""# The Laplacian of the distance to the origin

Let $n$ be a positive integer.

Let $r = \sqrt{\sum_{k=1}^{n} x_k^{2}}$.

$$\sum_{i=1}^{n} \frac{\partial^{2} r}{\partial x_i^{2}}$$

$$= \sum_{i=1}^{n} \left(\frac{1}{r} - \frac{x_i^{2}}{r^{3}}\right)$$

$$= \frac{n}{r} - \frac{r^{2}}{r^{3}}$$

@@$$= \frac{n - 1}{r}$$@@$$= \frac{n - 1}{n r}$$@@
""", "md")
pair("softmax_jacobian_trace", "A", r"""title: The trace of the softmax Jacobian
symbols:
  z: vector
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  p_k: \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}
steps:
  - \sum_{i=1}^{n} \frac{\partial p_i}{\partial z_i}
  - = \sum_{i=1}^{n} p_i (1 - p_i)
  - = \sum_{i=1}^{n} p_i - \sum_{i=1}^{n} p_i^{2}
  - @@= 1 - \sum_{i=1}^{n} p_i^{2}@@= n - \sum_{i=1}^{n} p_i^{2}@@
""")
pair("double_sum_mixed_partials_cube", "A", r"""title: All second partials of a cubed sum, added up
symbols:
  x: vector
  n: {integer: true, positive: true}
  i, j, k: {kind: index, range: [1, n]}
definitions:
  q: \left(\sum_{k=1}^{n} x_k\right)^{3}
steps:
  - \sum_{i=1}^{n} \sum_{j=1}^{n} \frac{\partial^{2} q}{\partial x_i \partial x_j}
  - = \sum_{i=1}^{n} \sum_{j=1}^{n} 6 \sum_{k=1}^{n} x_k
  - @@= 6 n^{2} \sum_{k=1}^{n} x_k@@= 6 n \sum_{k=1}^{n} x_k@@
""")
pair("product_of_partials_by_index", "A", r"""title: A product of partial derivatives, one per coordinate
symbols:
  x: vector
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
steps:
  - \prod_{j=1}^{n} \frac{\partial}{\partial x_j} \sum_{k=1}^{n} x_k^{2}
  - = \prod_{j=1}^{n} 2 x_j
  - @@= 2^{n} \prod_{j=1}^{n} x_j@@= 2 n \prod_{j=1}^{n} x_j@@
""")
pair("divergence_of_scaled_position", "A", r"""title: Divergence of x times its squared norm
symbols:
  x: vector
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
steps:
  - \sum_{i=1}^{n} \frac{\partial}{\partial x_i} \left(x_i \sum_{k=1}^{n} x_k^{2}\right)
  - = \sum_{i=1}^{n} \left(\sum_{k=1}^{n} x_k^{2} + 2 x_i^{2}\right)
  - @@= (n + 2) \sum_{k=1}^{n} x_k^{2}@@= 3 n \sum_{k=1}^{n} x_k^{2}@@
""")

# ---------------- B  piecewise definitions under cases that make branches impossible or tiny
pair("smooth_clip_left_boundary", "B", r"""title: A Huber-like square, its slope left of the joint
definitions:
  c(t): \begin{cases} t^{2} & |t| \le 1 \\ 2 |t| - 1 & \text{otherwise} \end{cases}
steps:
  - \frac{d}{dx} c(x)
cases:
  - when: x = 1
    steps:
      - = 2
  - when: -1 < x < 1
    steps:
      - = 2 x
  - when: x \le -1
    steps:
      - @@= -2@@= 2 x@@
""")
pair("hinge_pair_tiny_window", "B", r"""title: Two hinges back to back, on a window around the margin
definitions:
  h(t): \begin{cases} 1 - t & t < 1 \\ 0 & \text{otherwise} \end{cases}
steps:
  - h(x) + h(2 - x)
cases:
  - when: x < 0.999
    steps:
      - = 1 - x
  - when: 0.999 < x < 1.001
    steps:
      - @@= |1 - x|@@= 1 - x@@
""")
pair("md_relu6_prose_cases", "B", r"""# ReLU6 and its shifted copy

$$r(t) = \begin{cases} 0 & t < 0 \\ t & 0 \le t \le 6 \\ 6 & \text{otherwise} \end{cases}$$

$$r(x) - r(x - 6)$$

If $x \ge 12$:

$$= 0$$

If $6 \le x \le 12$:

$$= 12 - x$$

If $0 \le x \le 6$:

@@$$= x$$@@$$= 12 - x$$@@

If $x < 0$:

$$= 0$$
""", "md")
pair("leaky_relu_odd_part_sides", "B", r"""title: The odd part of a leaky ReLU
symbols:
  a: {positive: true}
definitions:
  \mathrm{lrelu}(t): \begin{cases} t & t > 0 \\ a t & \text{otherwise} \end{cases}
steps:
  - \mathrm{lrelu}(x) - \mathrm{lrelu}(-x)
  - = (1 + a) x
cases:
  - when: x > 0
    steps:
      - = x + a |x|
  - when: x < 0
    steps:
      - @@= x - a |x|@@= x + a |x|@@
""")
pair("squared_hinge_tiny_margin", "B", r"""title: Squared hinge just inside the margin
definitions:
  \ell(t): \begin{cases} (1 - t)^{2} & t < 1 \\ 0 & \text{otherwise} \end{cases}
steps:
  - \frac{d}{dt} \ell(t)
cases:
  - when: t > 1
    steps:
      - = 0
  - when: 1 - 10^{-6} < t < 1
    steps:
      - @@= 2 (t - 1)@@= 0@@
""")

# ---------------- C  defined families used with other subscripts
pair("family_used_at_its_sum_index", "C", r"""title: Log of a softmax element whose subscript is the body's sum index
symbols:
  z: vector
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
definitions:
  p_k: \frac{e^{z_k}}{\sum_{j=1}^{n} e^{z_j}}
steps:
  - \ln p_j + \ln \sum_{k=1}^{n} e^{z_k}
  - @@= z_j@@= \ln \sum_{k=1}^{n} e^{z_k} - \ln n@@
""")
pair("two_index_family_transposed", "C", r"""title: A two-index family read with its subscripts swapped
symbols:
  x: vector
  y: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
definitions:
  a_{r,s}: x_r y_s^{2}
steps:
  - \frac{\partial}{\partial y_i} \sum_{j=1}^{n} a_{j,i}
  - = \frac{\partial}{\partial y_i} \left(y_i^{2} \sum_{j=1}^{n} x_j\right)
  - @@= 2 y_i \sum_{j=1}^{n} x_j@@= 2 y_i x_i@@
""")
pair("sigmoid_family_gamma_summed", "C", r"""title: A sum over gamma of a sigmoid family, by one element
symbols:
  z: vector
  n: {integer: true, positive: true}
  t, gamma: {kind: index, range: [1, n]}
definitions:
  q_k: \frac{1}{1 + e^{-z_k}}
steps:
  - \frac{\partial}{\partial z_t} \sum_{\gamma=1}^{n} q_\gamma
  - = \sum_{\gamma=1}^{n} q_\gamma (1 - q_\gamma) \mathbb{1}[\gamma = t]
  - @@= q_t (1 - q_t)@@= \sum_{\gamma=1}^{n} q_\gamma (1 - q_\gamma)@@
""")
pair("rowwise_softmax_family_p_ry", "C", r"""title: A row-wise softmax family read at the label and at another column
symbols:
  Z: matrix
  N, K: {integer: true, positive: true}
  r: {kind: index, range: [1, N]}
  c, y: {kind: index, range: [1, K]}
definitions:
  P_{a,b}: \frac{e^{Z_{a,b}}}{\sum_{m=1}^{K} e^{Z_{a,m}}}
steps:
  - \frac{\partial}{\partial Z_{r,c}} \ln P_{r,y}
  - @@= \mathbb{1}[c = y] - P_{r,c}@@= \mathbb{1}[c = y] - P_{r,y}@@
""")
pair("md_entropy_family_index_summed", "C", r"""# Gradient of the softmax entropy

Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$.

$$\frac{\partial}{\partial z_j} \left(-\sum_{i=1}^{n} p_i \ln p_i\right)$$

$$= -\sum_{i=1}^{n} (1 + \ln p_i) p_i (\mathbb{1}[i = j] - p_j)$$

@@$$= -p_j \left(\ln p_j - \sum_{i=1}^{n} p_i \ln p_i\right)$$@@$$= -p_j \ln p_j$$@@
""", "md")

# ---------------- D  rows that begin with `=` and carry their own condition
pair("md_split_quad_index_rows_then_plain", "D", r"""# A product by one coordinate

\begin{equation*}
\begin{split}
\frac{\partial}{\partial x_j} \left(x_i^{2} \sum_{k=1}^{n} x_k\right) \\
&= 2 x_i \sum_{k=1}^{n} x_k + x_i^{2}, \quad i = j \\
&= x_i^{2}, \quad i \neq j \\
@@&= x_i \cdot x_i@@&= x_i x_j@@
\end{split}
\end{equation*}
""", "md")
pair("md_goal_then_when_rows_then_plain", "D", r"""# Slope of a symmetric softplus

$$\frac{d}{dx} \ln\left(1 + e^{2|x|}\right)$$

$$= \frac{2 e^{2x}}{1 + e^{2x}} \quad \text{when } x > 0$$

$$= -\frac{2 e^{-2x}}{1 + e^{-2x}} \quad \text{when } x < 0$$

@@$$= -\frac{2}{1 + e^{2x}}$$@@$$= \frac{2}{1 + e^{-2x}}$$@@
""", "md")
pair("md_align_ampamp_for_index_rows", "D", r"""# A bilinear term by one coordinate

\begin{align*}
\frac{\partial}{\partial x_j} \left(x_i x_j\right) \\
&= 2 x_j && \text{for } i = j \\
&= x_i && \text{for } i \neq j \\
@@&= x_i \left(1 + \mathbb{1}[i = j]\right)@@&= 2 x_i@@
\end{align*}
""", "md")
pair("md_prose_index_case_with_sign_rows", "D", r"""# Cube of an absolute value, by one coordinate

$$\frac{\partial}{\partial x_j} |x_i|^{3}$$

If $i \neq j$:

$$= 0$$

If $i = j$:

$$= 3 x_i^{2} \quad \text{for } x_i > 0$$

$$= -3 x_i^{2} \quad \text{for } x_i < 0$$

@@$$= 3 x_i |x_i|$$@@$$= 3 x_i^{2}$$@@
""", "md")

# ---------------- E  whys and remarks that hold equations; conditions that look like remarks
pair("why_for_is_no_condition", "E", r"""title: A square root of a square, with remarks that hold math
steps:
  - \sqrt{x^{2} + 2x + 1}
  - = |x + 1| \quad | \text{since } x^{2} + 2x + 1 = (x + 1)^{2}
  - @@= \max(x + 1, -x - 1) \quad | \text{for } x > -1 \text{ this is } x + 1@@= x + 1 \quad | \text{for } x > -1@@
""")
pair("why_key_substitution_check_at", "E", r"""title: Slope of a squared sine, with a substitution in the why
steps:
  - \frac{d}{dx} \sin^{2}(2x)
  - latex: = 2 \sin(2x) \cos(2x) \cdot 2
    why: chain rule with u = 2x, so du/dx = 2
  - @@= 2 \sin(4x) \quad | \text{check at } x = 0 \text{, both sides are } 0@@= 4 \sin(2x) \quad | \text{check at } x = 0 \text{, both sides are } 0@@
""")
pair("md_align_whys_with_equations", "E", r"""# Log-sigmoid of the negated input

Let $\sigma(z) = \frac{1}{1 + e^{-z}}$.

\begin{align*}
\frac{d}{dz} \ln \sigma(-z) &= -\frac{\sigma'(-z)}{\sigma(-z)} && \text{chain rule, with } u = -z \\
&= -\left(1 - \sigma(-z)\right) && \text{since } \sigma'(u) = \sigma(u) (1 - \sigma(u)) \\
@@&= -\sigma(z) && \text{using } \sigma(-z) = 1 - \sigma(z)@@&= \sigma(z) - 1 && \text{using } \sigma(-z) = 1 - \sigma(z)@@
\end{align*}
""", "md")
pair("md_condition_paren_if_vs_since", "E", r"""# Product of two square roots

\begin{align*}
\sqrt{x^{2}} \, \sqrt{y^{2}} &= |x y| \\
@@&= x y && \text{(if } x y > 0)@@&= x y && \text{since } |x y| = x y@@
\end{align*}
""", "md")

# ---------------- F  update rules, assignments, \because rows, LaTeX without delimiters
pair("md_update_rule_then_curvature", "F", r"""# One gradient step on a squared error

Let $L = \frac{1}{2} (w x - y)^{2}$.

$$\frac{\partial L}{\partial w} = (w x - y) x$$

$$w \leftarrow w - \eta (w x - y) x$$

@@$$\frac{\partial^{2} L}{\partial w^{2}} = x^{2}$$@@$$\frac{\partial^{2} L}{\partial w^{2}} = (w x - y) x^{2}$$@@
""", "md")
pair("md_assignment_then_arithmetic", "F", r"""# A step of gradient descent by hand

$$\theta := \theta - \alpha \frac{\partial J}{\partial \theta} = 1.5 - 0.25 \cdot 4$$

@@$$= 0.5$$@@$$= 0.25$$@@
""", "md")
pair("md_because_row_between", "F", r"""# Log of a product

\begin{align*}
\ln\left(x^{2} e^{x}\right) &= \ln x^{2} + \ln e^{x} \\
\because \ln e^{x} &= x \\
@@&= 2 \ln |x| + x@@&= 2 \ln x + x@@
\end{align*}
""", "md")
pair("md_no_dollars_update_then_slope", "F", r"""# Gradient step for a softplus unit

The slope of the unit:

\frac{d}{dx} \ln(1 + e^{x}) = \frac{e^{x}}{1 + e^{x}}

w \leftarrow w - \eta \frac{\partial L}{\partial w}

@@\frac{d}{dx} \ln(1 + e^{-x}) = -\frac{1}{1 + e^{x}}@@\frac{d}{dx} \ln(1 + e^{-x}) = -\frac{1}{1 + e^{-x}}@@
""", "md")

# ---------------- G  assumptions in prose that end, widen, or belong to an earlier derivation
pair("md_any_nonzero_real_widens", "G", r"""# Log-derivative times the magnitude

Let $x > 0$.

$$\sqrt{x^{2}} \cdot \frac{d}{dx} \ln\left(x^{2}\right) = 2$$

Now let $x$ be any nonzero real number.

$$\sqrt{x^{2}} \cdot \frac{d}{dx} \ln\left(x^{2}\right)$$

$$= |x| \cdot \frac{2}{x}$$

@@$$= 2 \operatorname{sign}(x)$$@@$$= 2$$@@
""", "md")
pair("md_onehot_for_earlier_derivation", "G", r"""# Cross-entropy, hard and soft targets

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.

Assuming $\sum_{k=1}^{n} y_k = 1$ (one-hot targets), we get:

$$\frac{\partial}{\partial z_i} \left(-\sum_{k=1}^{n} y_k \ln p_k\right) = p_i \sum_{k=1}^{n} y_k - y_i = p_i - y_i$$

Soft targets need not add up to one, and then the gradient keeps the sum.

@@$$\frac{\partial}{\partial z_j} \left(-\sum_{k=1}^{n} y_k \ln p_k\right) = p_j \sum_{k=1}^{n} y_k - y_j$$@@$$\frac{\partial}{\partial z_j} \left(-\sum_{k=1}^{n} y_k \ln p_k\right) = p_j - y_j$$@@
""", "md")
pair("derivations_positive_then_real", "G", r"""title: Logs of powers, first for positive x, then for any real x
derivations:
  - title: positive x
    symbols:
      x: {positive: true}
    steps:
      - \ln(x^{4})
      - = 4 \ln x
  - title: any real x
    steps:
      - \ln(x^{4})
      - @@= 4 \ln |x|@@= 4 \ln x@@
""")
pair("md_more_generally_softsign", "G", r"""# Softsign

Let $u > 0$.

$$\frac{d}{du} \frac{u}{1 + |u|} = \frac{1}{(1 + u)^{2}}$$

More generally, for inputs of either sign:

$$\frac{d}{du} \frac{u}{1 + |u|}$$

@@$$= \frac{1}{(1 + |u|)^{2}}$$@@$$= \frac{1}{(1 + u)^{2}}$$@@
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

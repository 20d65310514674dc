#!/usr/bin/env python3
"""Write the attack-25 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

def lucas(n):
    a, b = 2, 1
    for _ in range(n):
        a, b = b, a + b
    return a
L150 = lucas(150)

# ---------------- A  matrix calculus as people write it
pair("bilinear_grad_transpose", "A", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
  A: {kind: matrix, shape: [n, n]}
steps:
  - \nabla_x \left(x^\top A y\right)
  - @@= A y@@= A^\top y@@
""")
pair("det_gradient_inverse_transpose", "A", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - \nabla_A \det(A)
  - @@= \det(A) A^{-\top}@@= \det(A) A^{-1}@@
""")
pair("bilinear_transpose_order", "A", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - (A B x)^\top y
  - @@= x^\top B^\top A^\top y@@= x^\top A^\top B^\top y@@
""")
pair("softmax_jacobian_diag_order", "A", r"""symbols:
  z: {kind: vector, size: n}
definitions:
  p: \operatorname{softmax}(z)
steps:
  - \frac{\partial p}{\partial z}
  - @@= \operatorname{diag}(p) \left(I - \mathbf{1} p^\top\right)@@= \left(I - \mathbf{1} p^\top\right) \operatorname{diag}(p)@@
""")
pair("ridge_mean_scale", "A", r"""symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
  lambda: {positive: true}
steps:
  - \nabla_w \left(\frac{1}{2N} \|X w - y\|_2^2 + \frac{\lambda}{2} \|w\|_2^2\right)
  - @@= \frac{1}{N} X^\top (X w - y) + \lambda w@@= \frac{1}{N} \left(X^\top (X w - y) + \lambda w\right)@@
""")
pair("logistic_grad_diag_form", "A", r"""symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - \nabla_w \left(-y^\top \log(\sigma(X w)) - (\mathbf{1} - y)^\top \log(\mathbf{1} - \sigma(X w))\right)
  - = X^\top (\sigma(X w) - y)
  - @@= X^\top \operatorname{diag}(y) (\sigma(X w) - \mathbf{1}) + X^\top \operatorname{diag}(\mathbf{1} - y) \sigma(X w)@@= X^\top \operatorname{diag}(y) (\sigma(X w) - \mathbf{1}) + X^\top \operatorname{diag}(\mathbf{1} - y) (\mathbf{1} - \sigma(X w))@@
""")
pair("frobenius_trace_order", "A", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - \|A B\|_F^2
  - @@= \operatorname{tr}(A^\top A B B^\top)@@= \operatorname{tr}(A^\top A B^\top B)@@
""")
pair("det_lemma_transpose", "A", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  u: {kind: vector, size: n}
  v: {kind: vector, size: n}
steps:
  - \det(A + u v^\top)
  - @@= \det(A) \left(1 + v^\top A^{-1} u\right)@@= \det(A) \left(1 + u^\top A^{-1} v\right)@@
""")
pair("trace_grad_sandwich", "A", r"""symbols:
  X: {kind: matrix, shape: [n, n]}
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - \nabla_X \operatorname{tr}(A X B)
  - @@= A^\top B^\top@@= B^\top A^\top@@
""")
pair("outer_frobenius_norm", "A", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
steps:
  - \|x y^\top\|_F
  - @@= \|x\|_2 \|y\|_2@@= |x^\top y|@@
""")
pair("md_symmetric_word_scope", "A", r"""# Quadratic forms

Let $A \in \mathbb{R}^{n \times n}$ be symmetric, and let $B \in \mathbb{R}^{n \times n}$ and $x \in \mathbb{R}^n$.

$$\nabla_x \left(x^\top A x\right) = 2 A x$$

Similarly, for $B$:

$$\nabla_x \left(x^\top B x\right)$$

@@$$= (B + B^\top) x$$@@$$= 2 B x$$@@
""", "md")
pair("md_frobenius_gradient_outer", "A", r"""# Gradient of a linear least-squares layer

Let $W \in \mathbb{R}^{n \times n}$ be the weight matrix, and let $x \in \mathbb{R}^n$ and $y \in \mathbb{R}^n$.

$$\nabla_W \frac{1}{2} \|W x - y\|_2^2$$

@@$$= (W x - y) x^\top$$@@$$= x (W x - y)^\top$$@@
""", "md")
pair("md_lsq_hessian_frobenius", "A", r"""# Hessian of least squares

Let $X \in \mathbb{R}^{N \times d}$, $w \in \mathbb{R}^{d}$ and $y \in \mathbb{R}^{N}$.

$$\nabla^2_w \|X w - y\|_2^2$$

@@$$= 2 X^\top X$$@@$$= 2 \|X\|_F^2 I_d$$@@
""", "md")
pair("md_logdet_pd_gradient", "A", r"""# Gradient of the log-determinant

Let $A \in \mathbb{R}^{n \times n}$ be positive definite.

$$\nabla_A \log \det A$$

@@$$= A^{-1}$$@@$$= \frac{1}{\det A} I_n$$@@
""", "md")

# ---------------- B  function conventions
pair("log_base_swap", "B", r"""symbols:
  x: {positive: true}
steps:
  - \log_2 x \cdot \log_x 10
  - @@= \log_2 10@@= \log_{10} 2@@
""")
pair("five_thirds_power_derivative", "B", r"""steps:
  - \frac{d}{dx} x^{5/3}
  - @@= \frac{5}{3} \sqrt[3]{x^2}@@= \frac{5 x}{3 \sqrt[3]{|x|}}@@
""")
pair("minus_one_power_precedence", "B", r"""symbols:
  n: {integer: true}
steps:
  - -1^{n} + (-1)^{2n}
  - @@= 0@@= (-1)^{n} + 1@@
""")
pair("power_tower_right_assoc", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - 2^{3^{n}}
  - @@= 8^{3^{n - 1}}@@= 8^{n}@@
""")
pair("decimal_digits_ceiling", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - \lfloor \log_{10} n \rfloor + 1
  - @@= \lceil \log_{10}(n + 1) \rceil@@= \lceil \log_{10} n + 10^{-12} \rceil@@
""")
pair("md_arccos_derivative_notes", "B", r"""# Derivative of the inverse cosine

For $-1 < x < 1$:

$$\frac{d}{dx} \cos^{-1} x$$

@@$$= -\frac{1}{\sqrt{1 - x^2}}$$@@$$= \frac{\sin x}{\cos^2 x}$$@@
""", "md")
pair("md_binomial_second_moment", "B", r"""# A binomial moment

Let $n$ be a positive integer.

$$\sum_{k=0}^{n} k^2 \binom{n}{k}$$

@@$$= n (n + 1) 2^{n - 2}$$@@$$= n^2 2^{n - 1}$$@@
""", "md")

# ---------------- C  principal branches and real domains
pair("sqrt_product_both_negative", "C", r"""steps:
  - \sqrt{a b}
cases:
  - when: a < 0
    cases:
      - when: b < 0
        steps:
          - @@= \sqrt{-a} \sqrt{-b}@@= \sqrt{a} \sqrt{b}@@
""")
pair("arctan_reciprocal_negative", "C", r"""steps:
  - \arctan \frac{1}{x}
cases:
  - when: x < 0
    steps:
      - @@= -\frac{\pi}{2} - \arctan x@@= \frac{\pi}{2} - \arctan x@@
""")
pair("arctan_sum_branch", "C", r"""steps:
  - \arctan x + \arctan y
cases:
  - when: x > 0
    cases:
      - when: x y > 1
        steps:
          - @@= \pi + \arctan \frac{x + y}{1 - x y}@@= \arctan \frac{x + y}{1 - x y}@@
""")
pair("arctan_tan_shift", "C", r"""steps:
  - \arctan(\tan x)
cases:
  - when: \frac{\pi}{2} < x < \frac{3\pi}{2}
    steps:
      - @@= x - \pi@@= x@@
""")
pair("md_log_square_negative", "C", r"""# Logarithm of a square

$$\ln\left(x^2\right)$$

If $x > 0$:

$$= 2 \ln x$$

If $x < 0$:

@@$$= 2 \ln(-x)$$@@$$= \ln(-x)^2$$@@
""", "md")

# ---------------- D  derivative notation
pair("defined_chain_two_levels", "D", r"""definitions:
  u: x^2 + 1
  v: \ln u
steps:
  - \frac{dv}{dx}
  - = \frac{dv}{du} \cdot \frac{du}{dx}
  - @@= \frac{2x}{x^2 + 1}@@= \frac{1}{x^2 + 1}@@
""")
pair("abstract_mixed_partial", "D", r"""symbols:
  f: function
steps:
  - \frac{\partial^2}{\partial x \partial y} f(x y)
  - @@= f'(x y) + x y f''(x y)@@= x y f''(x y)@@
""")
pair("second_derivative_prime_defined", "D", r"""symbols:
  x: {positive: true}
definitions:
  f(t): t^3 \ln t
steps:
  - f''(x)
  - @@= 6 x \ln x + 5 x@@= 6 x \ln x + 3 x@@
""")
pair("second_derivative_arctan_inverse", "D", r"""steps:
  - \frac{d^2}{dx^2} \tan^{-1} x
  - @@= -\frac{2x}{(1 + x^2)^2}@@= \frac{2 \cos x}{\sin^3 x}@@
""")
pair("abstract_chain_square", "D", r"""symbols:
  f, g: function
steps:
  - \frac{d}{dx} f\left(g(x)^2\right)
  - @@= 2 g(x) g'(x) f'\left(g(x)^2\right)@@= 2 g(x) g'(x) f'(g(x))@@
""")
pair("md_leibniz_second_at_zero", "D", r"""# Curvature of a hyperbola

Let $y = \sqrt{1 + x^2}$.

$$\frac{d^2 y}{dx^2}(0)$$

@@$$= 1$$@@$$= 0$$@@
""", "md")
pair("md_partial_defined_after", "D", r"""# Derivatives of the radius

$$\frac{\partial r}{\partial x} = \frac{x}{r}$$

where $r = \sqrt{x^2 + y^2}$.

Next, the mixed derivative:

$$\frac{\partial^2 r}{\partial x \partial y}$$

@@$$= -\frac{x y}{r^3}$$@@$$= -\frac{x y}{r^2}$$@@
""", "md")

# ---------------- E  near-identities and cancellation
pair("ramanujan_floor", "E", r"""steps:
  - \lfloor e^{\pi \sqrt{163}} \rfloor
  - @@= 640320^{3} + 743@@= 640320^{3} + 744@@
""")
pair("floor_tanh_far", "E", r"""steps:
  - \lfloor \tanh x \rfloor
cases:
  - when: x \ge 0
    steps:
      - @@= \lfloor \tanh(x)^{2} \rfloor@@= \lfloor \tanh x + 10^{-40} \rfloor@@
""")
pair("sqrt_cancellation_far", "E", r"""steps:
  - \sqrt{x^2 + 1} - x
cases:
  - when: x > 10^{6}
    steps:
      - @@= \frac{1}{\sqrt{x^2 + 1} + x}@@= \frac{1}{2x} - \frac{1}{8x^{3}}@@
""")
pair("arctan_complement_tiny", "E", r"""steps:
  - \frac{\pi}{2} - \arctan\left(10^{20}\right)
  - @@= \arctan\left(10^{-20}\right)@@= 10^{-20}@@
""")
pair("sine_tiny_floor", "E", r"""steps:
  - \left\lfloor 10^{61} \left(10^{-20} - \sin\left(10^{-20}\right)\right) \right\rfloor
  - @@= 1@@= 0@@
""")
pair("md_golden_power_near_integer", "E", r"""# A power of the golden ratio

Let $\varphi = \frac{1 + \sqrt{5}}{2}$.

$$\varphi^{150}$$

@@$$= %d - \varphi^{-150}$$@@$$= %d$$@@
""" % (L150, L150), "md")

# ---------------- F  notes layouts
pair("md_align_why_columns", "F", r"""# Log-cosh

\begin{align*}
\frac{d}{dx} \ln(\cosh x) &= \frac{1}{\cosh x} \cdot \sinh x && \text{chain rule} \\
@@&= 1 - \frac{2}{e^{2x} + 1}. \tag{1}@@&= 1 - \frac{2}{e^{x} + 1}. \tag{1}@@
\end{align*}
""", "md")
pair("md_otherwise_closed_zero", "F", r"""# A ceiling that only looks at the sign

$$\left\lceil \frac{x}{|x| + 1} \right\rceil$$

If $x > 0$:

$$= 1$$

Otherwise:

@@$$= 0$$@@$$= 1 + \operatorname{sgn}(x)$$@@
""", "md")
pair("md_similarly_second_coefficient", "F", r"""# Gradients of a quadratic fit

The loss is $J = \frac{1}{2}(a u^2 + b u - t)^2$.

$$\frac{\partial J}{\partial a} = (a u^2 + b u - t) u^2$$

Similarly, for $b$:

$$\frac{\partial J}{\partial b}$$

@@$$= (a u^2 + b u - t) u$$@@$$= (a u^2 + b u - t) u^2$$@@
""", "md")
pair("md_where_logistic_loss", "F", r"""# Logistic loss

$$\frac{d}{dz} \ell(z)$$

$$= \frac{-y e^{-y z}}{1 + e^{-y z}}$$

@@$$= -\frac{y}{1 + e^{y z}}$$@@$$= -\frac{y}{1 + e^{-y z}}$$@@

where $\ell(z) = \ln\left(1 + e^{-y z}\right)$ is the logistic loss and $y$ is the label.
""", "md")
pair("md_prose_positive_scope", "F", r"""# Square roots of squares

For $x > 0$, the square root of a square is the number itself:

$$\sqrt{x^2} = x$$

# Negative arguments

$$\sqrt{x^2}$$

If $x < 0$:

@@$$= -x$$@@$$= x$$@@
""", "md")
pair("md_let_softmax_log_partial", "F", r"""# Log-softmax

Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$ for $1 \le i \le n$.

$$\frac{\partial \ln p_i}{\partial z_j}$$

@@$$= \delta_{ij} - p_j$$@@$$= \delta_{ij} - p_i$$@@
""", "md")
pair("md_equation_tags_two", "F", r"""# Two power towers

For $t > 0$,

\begin{equation}
\frac{d}{dt} t^{t} = t^{t} (\ln t + 1) \tag{1}
\end{equation}

# The second one

\begin{equation}
\frac{d}{dt} t^{1/t} \label{eq:second}
\end{equation}
@@\begin{equation} = t^{1/t} \, \frac{1 - \ln t}{t^2}. \tag{2} \end{equation}@@\begin{equation} = t^{1/t} \, \frac{\ln t - 1}{t^2}. \tag{2} \end{equation}@@
""", "md")

# ---------------- G  SymPy conventions
pair("zero_power_zero_binomial", "G", r"""symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=0}^{n} \binom{n}{k} x^{k} (-x)^{n - k}
  - @@= 0^{n}@@= 0@@
""")
pair("sign_square_closed_zero", "G", r"""steps:
  - \operatorname{sign}(x)^2
cases:
  - when: x \ge 0
    steps:
      - @@= \left\lceil \frac{x}{x + 1} \right\rceil@@= 1@@
""")
pair("karr_empty_sum_n1", "G", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{k=n}^{2n - 3} 1
  - @@= \max(n - 2, 0)@@= n - 2@@
""")
pair("floor_plus_floor_negative", "G", r"""steps:
  - \lfloor x \rfloor + \lfloor -x \rfloor
  - @@= -\lceil x - \lfloor x \rfloor \rceil@@= -1@@
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
            with open(os.path.join(HERE, f"{name}.{kind}.{ext}"), "w") as fh:
                fh.write("\n".join(out))
    with open(os.path.join(HERE, "classes.json"), "w") as fh:
        json.dump({n: c for n, c, _, _ in P}, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print(f"wrote {len(P)} pairs")

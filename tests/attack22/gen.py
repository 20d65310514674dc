#!/usr/bin/env python3
"""Write the attack-22 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
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

NPOS = "symbols:\n  n: {integer: true, positive: true}\n"
NINT = "symbols:\n  n: {integer: true}\n"

# ---------------- A branches and domains
pair("gudermannian_arccos_branch", "A", r"""steps:
  - '\arcsin(\tanh t)'
  - '= \arctan(\sinh t)'
  - @@'= 2 \arctan(e^{t}) - \frac{\pi}{2}'@@'= \arccos\left(\frac{1}{\cosh t}\right)'@@
""")
pair("half_angle_arctan_arccos_sign", "A", XP + r"""steps:
  - '\arctan\frac{y}{x}'
  - '= 2 \arctan\frac{y}{\sqrt{x^2 + y^2} + x}'
  - @@'= \arcsin\frac{y}{\sqrt{x^2 + y^2}}'@@'= \arccos\frac{x}{\sqrt{x^2 + y^2}}'@@
""")
pair("log1p_exp_difference", "A", r"""steps:
  - '\ln(1 + e^{x}) - \ln(1 + e^{-x})'
  - @@'= x'@@'= |x|'@@
""")
pair("cube_root_of_shifted_cube", "A", r"""steps:
  - '\sqrt[3]{x^3 - 3 x^2 + 3 x - 1}'
  - @@'= x - 1'@@'= |x - 1|'@@
""")
pair("neg_base_odd_power", "A", NN + r"""steps:
  - '(-x)^{2 n + 1}'
  - @@'= -x^{2 n + 1}'@@'= (-1)^{n} x^{2 n + 1}'@@
""")

# ---------------- B integer-valued functions
pair("ceil_third_lattice", "B", NPOS + r"""steps:
  - '\left\lceil \frac{n}{3} \right\rceil'
  - @@'= \left\lfloor \frac{n + 2}{3} \right\rfloor'@@'= \left\lfloor \frac{n}{3} \right\rfloor + 1'@@
""")
pair("bits_floor_log2", "B", NPOS + r"""steps:
  - '\lfloor \log_2 n \rfloor + 1'
  - @@'= \lceil \log_2 (n + 1) \rceil'@@'= \lceil \log_2 n \rceil'@@
""")
pair("neg_one_floor_half_lattice", "B", NINT + r"""steps:
  - '(-1)^{\lfloor n/2 \rfloor}'
  - '= (-1)^{n (n - 1)/2}'
  - @@'= \cos\frac{\pi n}{2} + \sin\frac{\pi n}{2}'@@'= \cos\frac{\pi n}{2} - \sin\frac{\pi n}{2}'@@
""")
pair("binom_even_half_n0", "B", NN + r"""steps:
  - '\sum_{k=0}^{\lfloor n/2 \rfloor} \binom{n}{2 k}'
  - @@'= \frac{2^{n} + \binom{0}{n}}{2}'@@'= 2^{n - 1}'@@
""")
pair("factorial_double_ratio", "B", NN + r"""steps:
  - '\frac{(2 n)!}{n!}'
  - '= n! \binom{2 n}{n}'
  - @@'= 2^{n} \prod_{k=1}^{n} (2 k - 1)'@@'= 2^{n} \prod_{k=1}^{n} (2 k + 1)'@@
""")

# ---------------- C sums and products with symbolic bounds
pair("telescoping_reciprocal_shift", "C", NPOS + r"""steps:
  - '\sum_{k=2}^{n} \frac{1}{k (k - 1)}'
  - '= \sum_{k=1}^{n - 1} \frac{1}{k (k + 1)}'
  - @@'= 1 - \frac{1}{n}'@@'= 1 - \frac{1}{n + 1}'@@
""")
pair("double_sum_dependent_reorder", "C", r"""symbols:
  a, b: vector
  n: {integer: true, nonnegative: true}
steps:
  - '\sum_{i=1}^{n} \sum_{j=i}^{n} a_i b_j'
  - @@'= \sum_{j=1}^{n} b_j \sum_{i=1}^{j} a_i'@@'= \sum_{j=1}^{n} b_j \sum_{i=1}^{j - 1} a_i'@@
""")
pair("product_zero_factor_min", "C", NN + r"""steps:
  - '\prod_{k=1}^{n} (k - 3)'
  - @@'= \frac{(-1)^{n} \, 2}{\Gamma(3 - n)}'@@'= \prod_{k=1}^{\min(n, 2)} (k - 3)'@@
""")
pair("delta_off_diagonal_sum", "C", r"""symbols:
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
steps:
  - '\sum_{j=1}^{n} \delta_{i,j} (1 - \delta_{j,k})'
  - @@'= 1 - \delta_{i,k}'@@'= 1'@@
""")
pair("sum_min_with_index", "C", r"""symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - '\sum_{k=1}^{n} \min(k, i)'
  - @@'= \frac{i (2 n - i + 1)}{2}'@@'= \frac{i (2 n - i - 1)}{2}'@@
""")
pair("sum_from_n_to_2n", "C", NN + r"""steps:
  - '\sum_{k=n}^{2 n} k'
  - @@'= \frac{3 n (n + 1)}{2}'@@'= \frac{3 n^2 + n}{2}'@@
""")

# ---------------- D derivatives
pair("partial_through_defined_name", "D", r"""definitions:
  u: x y
  g: u + x^2
steps:
  - '\frac{\partial g}{\partial x}'
  - @@'= y + 2 x'@@'= 2 x'@@
""")
pair("derivative_max_tangent_line", "D", r"""steps:
  - '\frac{d}{dx} \max(x^2, 2 x - 1)'
  - @@'= 2 x'@@'= \max(2 x, 2)'@@
""")
pair("piecewise_smooth_join_slope", "D", r"""steps:
  - '\frac{d}{dx} \begin{cases} x^2 & x \le 1 \\ 2 x - 1 & x > 1 \end{cases}'
  - @@'= \begin{cases} 2 x & x \le 1 \\ 2 & x > 1 \end{cases}'@@'= \begin{cases} 2 x & x \le 1 \\ 2 x - 1 & x > 1 \end{cases}'@@
""")
pair("indexed_partial_of_product_sum", "D", r"""symbols:
  x: vector
  n: {integer: true, positive: true}
  j: {kind: index, range: [1, n]}
steps:
  - '\frac{\partial}{\partial x_j} \sum_{i=1}^{n} x_i \sum_{k=1}^{n} x_k'
  - @@'= 2 \sum_{k=1}^{n} x_k'@@'= \sum_{k=1}^{n} x_k + x_j'@@
""")
pair("mixed_partial_defined_radius", "D", r"""definitions:
  r: \sqrt{x^2 + y^2}
steps:
  - '\frac{\partial^2 r}{\partial x \partial y}'
  - @@'= -\frac{x y}{(x^2 + y^2)^{3/2}}'@@'= -\frac{x y}{x^2 + y^2}'@@
""")
pair("derivative_log_abs_ratio", "D", r"""steps:
  - '\frac{d}{dx} \ln\left|\frac{x - 1}{x + 1}\right|'
  - @@'= \frac{2}{x^2 - 1}'@@'= \frac{2}{1 - x^2}'@@
""")

# ---------------- E numerics that fool samplers
pair("expm1_tiny_cancellation", "E", r"""steps:
  - 'e^{10^{-8}} - 1 - 10^{-8}'
  - @@'= 2 e^{10^{-8}/2} \sinh\left(\frac{10^{-8}}{2}\right) - 10^{-8}'@@'= \frac{10^{-16}}{2}'@@
""")
pair("square_near_one_tiny", "E", r"""steps:
  - '\left(1 + 10^{-30}\right)^{2} - 1'
  - @@'= 2 \cdot 10^{-30} + 10^{-60}'@@'= 2 \cdot 10^{-30}'@@
""")
pair("sigmoid_far_tail", "E", r"""steps:
  - '1 - \frac{1}{1 + e^{-50}}'
  - @@'= \frac{1}{1 + e^{50}}'@@'= e^{-50}'@@
""")
pair("log_ratio_near_one", "E", r"""steps:
  - '\ln(10^{12} + 1) - \ln(10^{12})'
  - @@'= \ln(1 + 10^{-12})'@@'= 10^{-12}'@@
""")
pair("cosh_tiny_minus_one", "E", r"""steps:
  - '\cosh(10^{-6}) - 1'
  - @@'= 2 \sinh^2(5 \cdot 10^{-7})'@@'= \frac{10^{-12}}{2}'@@
""")
pair("square_huge_cancellation", "E", r"""steps:
  - '(10^{20} + 1)^2 - 10^{40}'
  - @@'= 2 \cdot 10^{20} + 1'@@'= 2 \cdot 10^{20}'@@
""")

# ---------------- F matrix calculus
pair("quadform_plus_linear_gradient", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
  b: {kind: vector, size: n}
steps:
  - '\nabla_x \left(x^\top A x + b^\top A x\right)'
  - @@'= (A + A^\top) x + A^\top b'@@'= (A + A^\top) x + A b'@@
""")
pair("trace_transpose_three", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  C: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(A B^\top C)'
  - @@'= \operatorname{tr}(C^\top B A^\top)'@@'= \operatorname{tr}(C^\top B^\top A^\top)'@@
""")
pair("det_negated_parity", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\det(-A)'
  - @@'= (-1)^{n} \det(A)'@@'= -\det(A)'@@
""")
pair("residual_norm_gradient", "F", r"""symbols:
  A: {kind: matrix, shape: [m, n]}
  x: {kind: vector, size: n}
  b: {kind: vector, size: m}
steps:
  - '\nabla_x \|A x - b\|^2'
  - @@'= 2 A^\top (A x - b)'@@'= A^\top (A x - b)'@@
""")
pair("log_abs_det_gradient", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\nabla_A \log|\det(A)|'
  - @@'= (A^{-1})^\top'@@'= A^{-1}'@@
""")
pair("hadamard_trace_elements", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  C: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}\left(A^\top (B \odot C)\right)'
  - @@'= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{i,j} C_{i,j}'@@'= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{j,i} B_{i,j} C_{i,j}'@@
""")
pair("outer_product_trace", "F", r"""symbols:
  a: {kind: vector, size: n}
  b: {kind: vector, size: n}
  C: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(a b^\top C)'
  - @@'= b^\top C a'@@'= a^\top C b'@@
""")
pair("softmax_vjp_vector", "F", r"""symbols:
  z: {kind: vector, size: n}
  v: {kind: vector, size: n}
steps:
  - '\nabla_z \left(v^\top \frac{\exp(z)}{\mathbf{1}^\top \exp(z)}\right)'
  - @@'= \operatorname{diag}\left(\frac{\exp(z)}{\mathbf{1}^\top \exp(z)}\right) v - \frac{\exp(z)}{\mathbf{1}^\top \exp(z)} \frac{\exp(z)^\top}{\mathbf{1}^\top \exp(z)} v'@@'= \operatorname{diag}\left(\frac{\exp(z)}{\mathbf{1}^\top \exp(z)}\right) v + \frac{\exp(z)}{\mathbf{1}^\top \exp(z)} \frac{\exp(z)^\top}{\mathbf{1}^\top \exp(z)} v'@@
""")

# ---------------- H letters that mean two things (YAML)
pair("e_declared_base_derivative", "H", r"""symbols:
  e: {positive: true}
steps:
  - '\frac{d}{dx} e^{x}'
  - @@'= e^{x} \ln e'@@'= e^{x}'@@
""")
pair("d_as_scalar_factor", "H", r"""steps:
  - '\frac{d}{dx} (d x)^2'
  - @@'= 2 d^2 x'@@'= 2 d x'@@
""")
pair("i_as_sum_index_squares", "H", NN + r"""steps:
  - '\sum_{i=1}^{n} i^2'
  - @@'= \frac{n (n + 1) (2 n + 1)}{6}'@@'= -n'@@
""")

# ---------------- G machine-learning notes (Markdown) and H in notes
pair("md_focal_loss_gamma_two", "G", r"""# Focal loss with gamma = 2, by the probability

For $p > 0$:

$$ \frac{d}{dp} \left(-(1 - p)^2 \ln p\right) $$

@@$$ = 2 (1 - p) \ln p - \frac{(1 - p)^2}{p} $$@@$$ = 2 (1 - p) \ln p + \frac{(1 - p)^2}{p} $$@@
""", "md")
pair("md_huber_derivative_cases", "G", r"""# Huber loss with threshold 1

$$ \frac{d}{dr} \begin{cases} \frac{r^2}{2} & |r| \le 1 \\ |r| - \frac{1}{2} & \text{otherwise} \end{cases} $$

If $r > 1$:

$$ = 1 $$

If $r < -1$:

@@$$ = -1 $$@@$$ = 1 $$@@

Otherwise:

$$ = r $$
""", "md")
pair("md_softplus_sigmoid", "G", r"""# Softplus derivative

Let $s(x) = \ln(1 + e^{x})$.

$$ s'(x) $$

$$ = \frac{e^{x}}{1 + e^{x}} $$

@@$$ = \frac{1}{1 + e^{-x}} $$@@$$ = \frac{1}{1 - e^{-x}} $$@@
""", "md")
pair("md_elu_derivative_cases", "G", r"""# ELU derivative

$$ \frac{d}{dx} \begin{cases} x & x > 0 \\ e^{x} - 1 & \text{otherwise} \end{cases} $$

If $x > 0$:

$$ = 1 $$

Otherwise:

@@$$ = e^{x} $$@@$$ = e^{x} - 1 $$@@
""", "md")
pair("md_variance_gradient_element", "G", r"""# Gradient of the population variance by one input

Let $x \in \mathbb{R}^n$ be a vector and $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$.

$$ \frac{\partial}{\partial x_j} \frac{1}{n} \sum_{k=1}^{n} (x_k - \mu)^2 $$

@@$$ = \frac{2}{n} (x_j - \mu) $$@@$$ = \frac{2}{n - 1} (x_j - \mu) $$@@
""", "md")
pair("md_mse_bias_gradient", "G", r"""# Mean squared error, by the bias

Let $x \in \mathbb{R}^n$ and $y \in \mathbb{R}^n$ be vectors.

$$ \frac{\partial}{\partial b} \frac{1}{n} \sum_{i=1}^{n} (w x_i + b - y_i)^2 $$

@@$$ = \frac{2}{n} \sum_{i=1}^{n} (w x_i + b - y_i) $$@@$$ = \frac{1}{n} \sum_{i=1}^{n} (w x_i + b - y_i) $$@@
""", "md")
pair("md_align_swish_beta", "G", r"""# Swish with a slope parameter

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

\begin{align*}
\frac{d}{dx} x \sigma(\beta x) &= \sigma(\beta x) + x \frac{d}{dx} \sigma(\beta x) \\
@@&= \sigma(\beta x) + \beta x \sigma(\beta x) (1 - \sigma(\beta x))@@&= \sigma(\beta x) + x \sigma(\beta x) (1 - \sigma(\beta x))@@
\end{align*}
""", "md")
pair("md_variance_shortcut", "G", r"""# The variance shortcut

Let $x \in \mathbb{R}^n$ be a vector, $n \ge 1$, and $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$.

$$ \frac{1}{n} \sum_{k=1}^{n} (x_k - \mu)^2 $$

$$ = \frac{1}{n} \sum_{k=1}^{n} x_k^2 - \frac{2 \mu}{n} \sum_{k=1}^{n} x_k + \mu^2 $$

@@$$ = \frac{1}{n} \sum_{k=1}^{n} x_k^2 - \mu^2 $$@@$$ = \frac{1}{n - 1} \sum_{k=1}^{n} x_k^2 - \mu^2 $$@@
""", "md")
pair("md_squared_hinge_cases", "G", r"""# Squared hinge loss, by the score

$$ \frac{d}{dz} \max(0, 1 - y z)^2 $$

If $y z < 1$:

@@$$ = -2 y (1 - y z) $$@@$$ = -2 (1 - y z) $$@@

Otherwise:

$$ = 0 $$
""", "md")
pair("md_alternating_index_i", "H", r"""# An alternating sum over i

Let $n$ be a nonnegative integer.

$$ \sum_{i=1}^{n} (-1)^i i $$

$$ = \frac{(-1)^n (2 n + 1) - 1}{4} $$

@@$$ = (-1)^n \left\lceil \frac{n}{2} \right\rceil $$@@$$ = (-1)^n \left\lfloor \frac{n}{2} \right\rfloor $$@@
""", "md")
pair("md_prime_second_derivative", "H", r"""# Two primes

Let $f(x) = x e^{x}$.

$$ f''(x) $$

$$ = \frac{d}{dx} \left((x + 1) e^{x}\right) $$

@@$$ = (x + 2) e^{x} $$@@$$ = (x + 1) e^{x} $$@@
""", "md")
pair("md_binom_partial_sum_n0", "B", r"""# All nonempty subsets

Let $n$ be a nonnegative integer.

$$ \sum_{k=1}^{n} \binom{n}{k} $$

@@$$ = 2^{n} - 1 $$@@$$ = 2^{n} - \min(n, 1) $$@@
""", "md")
pair("md_layernorm_mean_partial", "G", r"""# Layer norm: the mean and its gradient

Let $x \in \mathbb{R}^n$ be a vector and $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$.

$$ \frac{\partial}{\partial x_j} \sum_{k=1}^{n} (x_k - \mu) x_k $$

@@$$ = 2 (x_j - \mu) $$@@$$ = 2 x_j - \mu $$@@
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

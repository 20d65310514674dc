#!/usr/bin/env python3
"""Write the attack-20 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))
NN = "symbols:\n  n: {integer: true, nonnegative: true}\n"
NI = "symbols:\n  n: {integer: true}\n"
XP = "symbols:\n  x: {positive: true}\n"

# ---------------- N notation that can mean two things
pair("constant_letter_power_derivative", "N", r"""symbols:
  a: {positive: true}
steps:
  - '\frac{d}{dx} a^x'
  - @@'= a^x \ln a'@@'= x a^{x-1}'@@
""")
pair("subscript_scalars_vs_sum", "N", r"""steps:
  - '\sum_{k=1}^{3} x_k - x_2'
  - @@'= x_1 + x_3'@@'= x_1 + x_2'@@
""")
pair("letter_before_bracket_product", "N", r"""steps:
  - 'y(x + 1)^2 - y(x - 1)^2'
  - @@'= 4 x y'@@'= 4 x'@@
""")
pair("prime_at_shifted_point", "N", r"""definitions:
  f(t): t^3 - t
steps:
  - 'f''(x + 1)'
  - @@'= 3(x + 1)^2 - 1'@@'= 3x^2 - 1'@@
""")
pair("ln_unbraced_digit_letter", "N", XP + r"""steps:
  - 'e^{\ln 3x}'
  - @@'= 3x'@@'= 3^x'@@
""")
pair("log_base_unbraced_argument", "N", XP + r"""steps:
  - '\log_2 8x'
  - @@'= 3 + \log_2 x'@@'= 3x'@@
""")

# ---------------- G domains and assumptions
pair("integer_cos_pi_n_squared", "G", NI + r"""steps:
  - '\cos(\pi n^2)'
  - @@'= (-1)^n'@@'= 1'@@
""")
pair("nonnegative_sign_square", "G", r"""symbols:
  x: {nonnegative: true}
steps:
  - '\operatorname{sign}(x)^2'
  - @@'= \operatorname{sign}(x)'@@'= 1'@@
""")
pair("floor_reciprocal_closed_one", "G", r"""steps:
  - '\left\lfloor \frac{1}{x} \right\rfloor'
cases:
  - when: x \ge 1
    steps:
      - @@'= 1 - \operatorname{sign}(x - 1)'@@'= 0'@@
""")
pair("floor_tiny_offset_ratio", "G", r"""steps:
  - '\left\lfloor \frac{x + 10^{-7}}{x} \right\rfloor'
cases:
  - when: x > 0
    steps:
      - @@'= 1 + \left\lfloor \frac{10^{-7}}{x} \right\rfloor'@@'= 1'@@
""")
pair("floor_saturating_ratio_far", "G", r"""steps:
  - '\left\lfloor \frac{2x}{x + 10^{7}} \right\rfloor'
cases:
  - when: x > 0
    steps:
      - @@'= \begin{cases} 0 & x < 10^{7} \\ 1 & x \ge 10^{7} \end{cases}'@@'= 0'@@
""")

# ---------------- S sums and products with symbolic bounds
pair("binomial_squares_sum", "S", NN + r"""steps:
  - '\sum_{k=0}^{n} \binom{n}{k}^2'
  - @@'= \binom{2n}{n}'@@'= \binom{2n}{n - 1}'@@
""")
pair("dependent_upper_double_i", "S", NN + r"""steps:
  - '\sum_{i=1}^{n} \sum_{j=i}^{2i} 1'
  - @@'= \frac{n(n + 3)}{2}'@@'= \frac{n(n + 1)}{2}'@@
""")
pair("delta_chain_truncated_range", "S", r"""symbols:
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
steps:
  - '\sum_{j=1}^{n-1} \delta_{ij} \delta_{jk}'
  - @@'= \delta_{ik} - \mathbb{1}[i = n] \, \mathbb{1}[k = n]'@@'= \delta_{ik}'@@
""")
pair("indicator_shifted_index_count", "S", r"""symbols:
  n: {integer: true, positive: true}
  j: {kind: index, range: [1, n]}
steps:
  - '\sum_{k=1}^{n} \mathbb{1}[k = j + 1]'
  - @@'= 1 - \mathbb{1}[j = n]'@@'= 1'@@
""")
pair("cos_doubling_product", "S", NN + r"""steps:
  - '\prod_{k=0}^{n-1} \cos(2^k x)'
  - @@'= \frac{\sin(2^n x)}{2^n \sin x}'@@'= \frac{\sin(2^n x)}{2^{n+1} \sin x}'@@
""")

# ---------------- D derivatives
pair("third_mixed_partial", "D", r"""steps:
  - '\frac{\partial^3}{\partial x^2 \partial y} x^3 y^2'
  - @@'= 12 x y'@@'= 12 x^2 y'@@
""")
pair("abs_times_sin_derivative", "D", r"""steps:
  - '\frac{d}{dx} \left(|x| \sin x\right)'
  - @@'= \operatorname{sign}(x) \sin x + |x| \cos x'@@'= |\sin x| + |x| \cos x'@@
""")
pair("second_derivative_defined_names", "D", r"""definitions:
  u: x^2
  f: e^{u}
steps:
  - '\frac{d^2 f}{dx^2}'
  - @@'= (2 + 4x^2) e^{x^2}'@@'= (2 + 2x^2) e^{x^2}'@@
""")
pair("hessian_family_delta", "D", r"""symbols:
  x: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - '\frac{\partial^2}{\partial x_i \partial x_j} \sum_{k=1}^{n} x_k^3'
  - @@'= 6 x_i \delta_{ij}'@@'= 6 x_i'@@
""")
pair("piecewise_join_derivative", "D", r"""steps:
  - '\frac{d}{dx} \begin{cases} x^2 & x < 1 \\ 2x - 1 & x \ge 1 \end{cases}'
  - @@'= 2 \min(x, 1)'@@'= 2x'@@
""")
pair("tenth_derivative_sin", "D", r"""steps:
  - '\frac{d^{10}}{dx^{10}} \sin(2x)'
  - @@'= -1024 \sin(2x)'@@'= 1024 \sin(2x)'@@
""")
pair("smooth_abs_near_kink", "D", r"""steps:
  - '\frac{d}{dx} \sqrt{x^2 + 10^{-12}}'
  - @@'= \frac{x}{\sqrt{x^2 + 10^{-12}}}'@@'= \operatorname{sign}(x)'@@
""")

# ---------------- F special functions, edge and far arguments, tiny differences
pair("binomial_negative_half_top", "F", r"""steps:
  - '\binom{-\frac{1}{2}}{3}'
  - @@'= -\frac{5}{16}'@@'= \frac{5}{16}'@@
""")
pair("arcsin_cos_second_half", "F", r"""steps:
  - '\arcsin(\cos x)'
cases:
  - when: \pi < x < 2\pi
    steps:
      - @@'= x - \frac{3\pi}{2}'@@'= \frac{\pi}{2} - x'@@
""")
pair("gamma_reflection_negative", "F", r"""steps:
  - '\Gamma(x) \Gamma(1 - x)'
cases:
  - when: -1 < x < 0
    steps:
      - @@'= \frac{\pi}{\sin(\pi x)}'@@'= \frac{\pi}{|\sin(\pi x)|}'@@
""")
pair("cos_tiny_half_angle", "F", r"""steps:
  - '\cos(10^{-9})'
  - @@'= 1 - 2 \sin^2(5 \cdot 10^{-10})'@@'= 1 - 5 \cdot 10^{-19}'@@
""")
pair("floor_quadratic_ratio_small_n", "F", NN + r"""steps:
  - '\left\lfloor \frac{n^2 + 1}{n + 1} \right\rfloor'
  - @@'= n - 1 + \left\lfloor \frac{2}{n + 1} \right\rfloor'@@'= n - 1'@@
""")
pair("log_abs_derivative", "F", r"""steps:
  - '\frac{d}{dx} \ln|x|'
  - @@'= \frac{1}{x}'@@'= \frac{1}{|x|}'@@
""")
pair("gamma_half_integer_symbolic", "F", NN + r"""steps:
  - '\Gamma\left(n + \frac{1}{2}\right)'
  - @@'= \frac{(2n)! \sqrt{\pi}}{4^n n!}'@@'= \frac{(2n)! \sqrt{\pi}}{2^n n!}'@@
""")

# ---------------- V vectors and matrices
pair("logsumexp_gradient_vector", "V", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\nabla_x \log(\mathbf{1}^\top \exp(x))'
  - @@'= \frac{\exp(x)}{\mathbf{1}^\top \exp(x)}'@@'= \exp(x)'@@
""")
pair("trace_transpose_product_elements", "V", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
  i, j: {kind: index, range: [1, n]}
steps:
  - '\operatorname{tr}(A^\top B)'
  - @@'= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{i,j}'@@'= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} B_{j,i}'@@
""")
pair("frobenius_hadamard_trace", "V", r"""symbols:
  A: {kind: matrix, shape: [n, m]}
  B: {kind: matrix, shape: [n, m]}
steps:
  - '\|A \odot B\|_F^2'
  - @@'= \operatorname{tr}((A \odot A)^\top (B \odot B))'@@'= \operatorname{tr}((A \odot B)^\top (A \odot A))'@@
""")
pair("norm_gradient_unsquared", "V", r"""symbols:
  x: {kind: vector, size: n}
  a: {kind: vector, size: n}
steps:
  - '\nabla_x \|x - a\|'
  - @@'= \frac{x - a}{\|x - a\|}'@@'= \frac{x - a}{\|x - a\|^2}'@@
""")
pair("sigmoid_sum_gradient", "V", r"""symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - '\nabla_w \mathbf{1}^\top \sigma(X w)'
  - @@'= X^\top (\sigma(X w) \odot (\mathbf{1} - \sigma(X w)))'@@'= X^\top (\sigma(X w) \odot \sigma(X w))'@@
""")
pair("hessian_quartic_norm", "V", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\nabla^2_x \frac{1}{4} \|x\|^4'
  - @@'= \|x\|^2 I + 2 x x^\top'@@'= \|x\|^2 I + x x^\top'@@
""")
pair("det_scaled_size", "V", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\det(2A)'
  - @@'= 2^n \det(A)'@@'= 2 \det(A)'@@
""")
pair("inverse_transpose_product_order", "V", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - '((A B)^{-1})^\top'
  - @@'= A^{-\top} B^{-\top}'@@'= B^{-\top} A^{-\top}'@@
""")
pair("kron_mixed_product_order", "V", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  C: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [m, m]}
  D: {kind: matrix, shape: [m, m]}
steps:
  - '(A \otimes B)(C \otimes D)'
  - @@'= (A C) \otimes (B D)'@@'= (C A) \otimes (B D)'@@
""")
pair("diag_bilinear_hadamard", "V", r"""symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
  z: {kind: vector, size: n}
steps:
  - 'x^\top \operatorname{diag}(y) z'
  - @@'= \mathbf{1}^\top (x \odot y \odot z)'@@'= (x^\top y)(\mathbf{1}^\top z)'@@
""")

# ---------------- M Markdown notes
pair("md_where_affine_sigmoid", "M", r"""# Gradient of a sigmoid unit by its weight

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$ be the logistic function.

$$ \frac{\partial}{\partial w} \sigma(z) $$

$$ = \sigma(z) \left(1 - \sigma(z)\right) \frac{\partial z}{\partial w} $$

@@$$ = \sigma(z) \left(1 - \sigma(z)\right) x $$@@$$ = \sigma(z) \left(1 - \sigma(z)\right) w $$@@

where $z = w x + b$.
""", "md")
pair("md_align_logcosh", "M", r"""# Derivative of log cosh

\begin{align*}
\frac{d}{dx} \ln(\cosh x) &= \frac{\sinh x}{\cosh x} \\
&= \tanh x \\
@@&= 1 - \frac{2}{e^{2x} + 1}@@&= 1 - \frac{2}{e^{2x} - 1}@@
\end{align*}
""", "md")
pair("md_otherwise_relu_boundary", "M", r"""# The positive part, by cases

$$ \frac{x + |x|}{2} $$

If $x > 0$:

$$ = x $$

Otherwise:

@@$$ = 0 $$@@$$ = 1 + \operatorname{sign}(x) $$@@
""", "md")
pair("md_positive_power_swap", "M", r"""# Swapping base and exponent

For $x > 0$ the two powers agree:

$$ x^{\ln 2} $$

$$ = e^{\ln 2 \cdot \ln x} $$

@@$$ = 2^{\ln x} $$@@$$ = 2^{\log_2 x} $$@@
""", "md")
pair("md_floor_half_sum", "M", r"""# Sum of halves, rounded down

Let $n$ be a positive integer.

$$ \sum_{k=1}^{n} \left\lfloor \frac{k}{2} \right\rfloor $$

@@$$ = \left\lfloor \frac{n^2}{4} \right\rfloor $$@@$$ = \left\lceil \frac{n^2}{4} \right\rceil $$@@
""", "md")
pair("md_math_fence_gamma_thirds", "M", r"""# Gamma at one third and two thirds

By the reflection formula:

```math
\Gamma\left(\frac{1}{3}\right) \Gamma\left(\frac{2}{3}\right) = \frac{\pi}{\sin(\pi / 3)}
```

```math
@@= \frac{2\pi}{\sqrt{3}}@@= \frac{\pi}{\sqrt{3}}@@
```
""", "md")
pair("md_softplus_second_derivative", "M", r"""# Curvature of softplus

$$ \frac{d^2}{dx^2} softplus(x) $$

$$ = \frac{d}{dx} sigmoid(x) $$

@@$$ = sigmoid(x) \left(1 - sigmoid(x)\right) $$@@$$ = sigmoid(x) \left(1 - sigmoid(-x)\right) $$@@
""", "md")
pair("md_prime_after_bracket", "M", r"""# A quotient, differentiated

$$ \left(\frac{x}{x^2 + 1}\right)' $$

$$ = \frac{(x^2 + 1) - x \cdot 2x}{(x^2 + 1)^2} $$

@@$$ = \frac{1 - x^2}{(x^2 + 1)^2} $$@@$$ = \frac{x^2 - 1}{(x^2 + 1)^2} $$@@
""", "md")
pair("md_function_named_alone", "M", r"""# A damped ramp

Let $g(t) = t e^{-t}$.

$$ g' = e^{-t} - t e^{-t} $$

@@$$ = e^{-t} - g $$@@$$ = e^{-t} + g $$@@
""", "md")
pair("md_interval_floor_case", "M", r"""# Floor of x plus floor of minus x

$$ \lfloor x \rfloor + \lfloor -x \rfloor $$

If $0 \le x < 1$:

@@$$ = -\lceil x \rceil $$@@$$ = -1 $$@@
""", "md")
pair("md_telescoping_product", "M", r"""# A telescoping product

Let $n$ be a positive integer.

$$ \prod_{k=2}^{n} \left(1 - \frac{1}{k^2}\right) $$

@@$$ = \frac{n + 1}{2n} $$@@$$ = \frac{n + 2}{2n + 2} $$@@
""", "md")
pair("md_gaussian_log_density_mean", "M", r"""# Score of a Gaussian in its mean

$$ \frac{\partial}{\partial \mu} \ln\left(\frac{1}{\sigma \sqrt{2\pi}} e^{-\frac{(x - \mu)^2}{2\sigma^2}}\right) $$

$$ = \frac{\partial}{\partial \mu} \left(-\frac{(x - \mu)^2}{2\sigma^2}\right) $$

@@$$ = \frac{x - \mu}{\sigma^2} $$@@$$ = \frac{\mu - x}{\sigma^2} $$@@
""", "md")
pair("md_bracket_display_huge_difference", "M", r"""# Difference of two huge squares

\[ \frac{(10^{20} + 1)^2 - (10^{20} - 1)^2}{4} \]

@@\[ = 10^{20} \]@@\[ = 10^{20} + 1 \]@@
""", "md")
pair("md_positive_sqrt_log_derivative", "M", r"""# Derivative of root x log x

For $x > 0$:

$$ \frac{d}{dx} \sqrt{x} \ln x $$

$$ = \frac{\ln x}{2\sqrt{x}} + \frac{\sqrt{x}}{x} $$

@@$$ = \frac{\ln x + 2}{2\sqrt{x}} $$@@$$ = \frac{\ln x + 1}{2\sqrt{x}} $$@@
""", "md")
pair("md_step_function_cases", "M", r"""# A step function as a sign

$$ \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases} $$

@@$$ = \max(\operatorname{sign}(x), 0) $$@@$$ = \frac{1 + \operatorname{sign}(x)}{2} $$@@
""", "md")
pair("md_let_family_entropy", "M", r"""# Negative entropy of a softmax

Let $n$ be a positive integer and let $p_i = \frac{e^{z_i}}{\sum_{j=1}^{n} e^{z_j}}$.

$$ \sum_{i=1}^{n} p_i \ln p_i $$

$$ = \sum_{i=1}^{n} p_i \left(z_i - \ln \sum_{j=1}^{n} e^{z_j}\right) $$

@@$$ = \sum_{i=1}^{n} p_i z_i - \ln \sum_{j=1}^{n} e^{z_j} $$@@$$ = \sum_{i=1}^{n} p_i z_i - \frac{1}{n} \ln \sum_{j=1}^{n} e^{z_j} $$@@
""", "md")
pair("md_blockquote_binomial_moment", "M", r"""# Second binomial moment

> [!note]
> Let $n$ be a positive integer.
>
> $$ \sum_{k=0}^{n} \binom{n}{k} k^2 $$
>
@@> $$ = n (n + 1) 2^{n-2} $$@@> $$ = n^2 2^{n-1} $$@@
""", "md")
pair("md_aligned_log_ratio", "M", r"""# Derivative of a log ratio

$$
\begin{aligned}
\frac{d}{dx} \ln\frac{1 + x}{1 - x} &= \frac{1}{1 + x} + \frac{1}{1 - x} \\
@@&= \frac{2}{1 - x^2}@@&= \frac{2}{1 + x^2}@@
\end{aligned}
$$

for $-1 < x < 1$.
""", "md")
pair("md_otherwise_after_two_cases", "M", r"""# Square of a sign

$$ \operatorname{sign}(x)^2 $$

If $x > 0$:

$$ = 1 $$

If $x < 0$:

$$ = (-1)^2 $$

Otherwise:

@@$$ = 0 $$@@$$ = 1 $$@@
""", "md")
pair("md_where_two_definitions_ridge", "M", r"""# A one-weight ridge loss

$$ \frac{\partial L}{\partial w} = (\hat{y} - y) \frac{\partial \hat{y}}{\partial w} + \lambda w $$

@@$$ = (\hat{y} - y) x + \lambda w $$@@$$ = (\hat{y} - y) x + \frac{\lambda}{2} w $$@@

where $L = \frac{1}{2} (\hat{y} - y)^2 + \frac{\lambda}{2} w^2$ and $\hat{y} = w x + b$.
""", "md")

def main():
    for f in os.listdir(HERE):
        if re.search(r"\.(true|false)\.(yaml|md)$", f):
            os.remove(os.path.join(HERE, f))
    classes = {}
    names = set()
    for name, cls, ext, body in P:
        assert name not in names, name
        names.add(name)
        m = re.search(r"@@(.*?)@@(.*?)@@", body)
        assert m and body.count("@@") == 3, name
        t, fa = m.group(1), m.group(2)
        mark = "   # expect: failed" if ext == "yaml" else " <!-- expect: failed -->"
        for tw, line in (("true", t), ("false", fa + mark)):
            text = body[:m.start()] + line + body[m.end():]
            if ext == "yaml":
                text = 'title: "%s (%s twin)"\n' % (name, tw) + text
            open(os.path.join(HERE, "%s.%s.%s" % (name, tw, ext)), "w").write(text)
        classes[name] = cls
    json.dump(classes, open(os.path.join(HERE, "classes.json"), "w"), indent=1, sort_keys=True)
    print("wrote %d pairs" % len(P))

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write the attack-24 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

def pell_above_sqrt2(limit):
    p, q = 3, 2                      # p^2 - 2 q^2 = 1, so p/q > sqrt 2
    while q <= limit:
        p, q = 3 * p + 4 * q, 2 * p + 3 * q
    return p, q
PELL_P, PELL_Q = pell_above_sqrt2(10 ** 13)

# ---------------- A boundaries the sampler may not construct
pair("floor_quarter_square_end", "A", r"""steps:
  - '\min(1, \lfloor x^2 / 4 \rfloor)'
cases:
  - when: 'x^2 \le 4'
    steps:
      - @@'= \lfloor x^2 / 4 \rfloor'@@'= 0'@@
""")
pair("ceil_hyperbola_end", "A", r"""symbols:
  x, y: {positive: true}
steps:
  - '\left\lceil 1 - \frac{1}{x y} \right\rceil'
cases:
  - when: 'x y \ge 1'
    steps:
      - @@'= \operatorname{sign}(x y - 1)'@@'= 1'@@
""")
pair("floor_exp_two_end", "A", r"""steps:
  - '\lfloor e^{x} \rfloor'
cases:
  - when: 'x \ge 0'
    cases:
      - when: 'e^{x} \le 2'
        steps:
          - @@'= 1 + \lfloor e^{x} / 2 \rfloor'@@'= 1'@@
""")
pair("sign_three_var_end", "A", r"""steps:
  - '\operatorname{sign}(z - x - y)'
cases:
  - when: 'x + y \le z'
    steps:
      - @@'= \operatorname{sign}(z - x - y)^2'@@'= 1'@@
""")
pair("ceil_index_real_end", "A", r"""symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - '\lceil x \rceil - i'
cases:
  - when: 'i \le x < i + 1'
    steps:
      - @@'= \lceil x - i \rceil'@@'= 1'@@
""")
pair("otherwise_row_closed_end", "A", r"""steps:
  - '\begin{cases} 0 & x^2 < 1 \\ 1 & \text{otherwise} \end{cases}'
  - @@'= \lfloor \min(x^2, 1) \rfloor'@@'= \left\lceil \frac{\max(x^2 - 1, 0)}{x^2 + 1} \right\rceil'@@
""")
pair("nested_open_closed_ratio", "A", r"""symbols:
  x: {positive: true}
steps:
  - '\left\lfloor \frac{y}{x} \right\rfloor'
cases:
  - when: 'y \ge 0'
    cases:
      - when: 'y \le x'
        steps:
          - @@'= \left\lfloor \frac{y}{x} \right\rfloor^{2}'@@'= 0'@@
""")
# ---------------- B integer functions with hidden turns
pair("floor_sqrt_relative_far", "B", r"""symbols:
  n: {integer: true, nonnegative: true}
steps:
  - '\lfloor \sqrt{n} \rfloor'
  - @@'= \left\lfloor \sqrt{n + \frac{1}{2}} \right\rfloor'@@'= \left\lfloor \sqrt{n + \frac{n}{10^{7}}} \right\rfloor'@@
""")
pair("pell_convergent_beatty", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\lfloor n \sqrt{2} \rfloor'
  - @@'= \lfloor \sqrt{2 n^2} \rfloor'@@'= \left\lfloor \frac{%d n}{%d} \right\rfloor'@@
""" % (PELL_P, PELL_Q))
pair("sum_floor_log_tail", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\sum_{k=1}^{n} \left\lfloor \frac{\ln k}{5} \right\rfloor'
  - @@'= \sum_{k=149}^{n} \left\lfloor \frac{\ln k}{5} \right\rfloor'@@'= 0'@@
""")
pair("nested_floor_three_sizes", "B", r"""symbols:
  n, m, k: {integer: true, positive: true}
steps:
  - '\left\lfloor \frac{\lfloor n / m \rfloor}{k} \right\rfloor'
  - @@'= \left\lfloor \frac{n}{m k} \right\rfloor'@@'= \left\lfloor \frac{n + \lfloor m / 40 \rfloor \lfloor k / 40 \rfloor}{m k} \right\rfloor'@@
""")
pair("golden_beatty_sum", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\sum_{k=1}^{n} \left\lfloor k \frac{1 + \sqrt{5}}{2} \right\rfloor'
  - @@'= \sum_{k=1}^{n} \left(k + \left\lfloor \frac{k (\sqrt{5} - 1)}{2} \right\rfloor\right)'@@'= \sum_{k=1}^{n} \lfloor 1.6180339887 k \rfloor'@@
""")
pair("mod_square_residue", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - 'n^2 - 1000 \left\lfloor \frac{n^2}{1000} \right\rfloor'
  - @@'= n^2 - 1000 \left\lfloor \frac{n^2 + \frac{1}{2}}{1000} \right\rfloor'@@'= n^2 - 1000 \left\lfloor \frac{n^2 + 5}{1000} \right\rfloor'@@
""")
pair("ceil_sqrt_square_window", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\left\lceil \sqrt{n^2 + 2 n} \right\rceil'
  - @@'= n + 1'@@'= \left\lceil \sqrt{n^2 + 2 n - \lfloor n^2 / 10^{9} \rfloor n} \right\rceil'@@
""")
# ---------------- C tiny differences away from closed ends
pair("bump_mid_interval", "C", r"""steps:
  - '|x - 3| + |x - 12|'
cases:
  - when: '3 \le x \le 12'
    steps:
      - @@'= 9'@@'= 9 + \max(0, 1 - 10^{4} (x - e^{2})^{2})'@@
""")
pair("inverse_power_mid_window", "C", r"""symbols:
  x: {positive: true}
steps:
  - '\frac{x^{50} + 1}{x^{50}}'
cases:
  - when: 'x \ge 10'
    steps:
      - @@'= 1 + x^{-50}'@@'= 1 + x^{-50} + \frac{\max(0, 100 - |x - 500|)}{x^{60}}'@@
""")
pair("telescoping_tail_factorial", "C", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\sum_{k=1}^{n} \frac{1}{k (k + 1)}'
  - @@'= 1 - \frac{1}{n + 1}'@@'= 1 - \frac{1}{n + 1} + \frac{\lfloor n / 97 \rfloor}{e^{300}}'@@
""")
pair("gauss_tail_middle", "C", r"""steps:
  - 'e^{-x^2} (1 + e^{x^2})'
cases:
  - when: '-20 \le x \le 20'
    steps:
      - @@'= 1 + e^{-x^2}'@@'= 1 + e^{-x^2} + e^{-x^2} \max(0, 10^{-2} - |x^2 - 150|)'@@
""")
# ---------------- D vectors and matrices
pair("sign_dot_orthogonal", "D", r"""symbols:
  x, y: {kind: vector, size: n}
steps:
  - '\operatorname{sign}(x^\top y)^2'
  - @@'= \operatorname{sign}((x^\top y)^2)'@@'= 1'@@
""")
pair("sign_gram_singular", "D", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{sign}(\det(A^\top A))'
  - @@'= \operatorname{sign}(\det(A))^2'@@'= 1'@@
""")
pair("kron_det_exponents", "D", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [m, m]}
steps:
  - '\det(A \otimes B)'
  - @@'= \det(A)^{m} \det(B)^{n}'@@'= \det(A)^{n} \det(B)^{m}'@@
""")
pair("trace_three_symmetric_swap", "D", r"""symbols:
  A: {kind: matrix, shape: [n, n], symmetric: true}
  B: {kind: matrix, shape: [n, n], symmetric: true}
  C: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(A B C)'
  - @@'= \operatorname{tr}(B A C^\top)'@@'= \operatorname{tr}(B A C)'@@
""")
pair("norm_sum_hidden_bound", "D", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\|x\|^2'
  - @@'= \sum_{i=1}^{n} x_i^2'@@'= \sum_{i=1}^{\min(n, \lfloor e^{\sqrt{5}} \rfloor)} x_i^2'@@
""")
pair("grad_trace_gram_swap", "D", r"""symbols:
  X: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - '\nabla_X \operatorname{tr}(X^\top B^\top B X)'
  - @@'= 2 B^\top B X'@@'= 2 B B^\top X'@@
""")
pair("hadamard_norm_product", "D", r"""symbols:
  x, y: {kind: vector, size: n}
steps:
  - '(x \odot y)^\top (x \odot y)'
  - @@'= (x \odot x)^\top (y \odot y)'@@'= (x^\top y)^2'@@
""")
pair("rank_one_det_size_gap", "D", r"""symbols:
  u, v: {kind: vector, size: n}
steps:
  - '\det(u v^\top)'
  - @@'= \begin{cases} u^\top v & n = 1 \\ 0 & \text{otherwise} \end{cases}'@@'= \begin{cases} u^\top v & n = 1 \\ 0 & n < \lceil e^{\sqrt{5}} \rceil \\ (u^\top v)^{n} & \text{otherwise} \end{cases}'@@
""")
pair("projection_orthogonal_sign", "D", r"""symbols:
  x, y: {kind: vector, size: n}
steps:
  - '|x^\top y| \, (x^\top y)'
  - @@'= \operatorname{sign}(x^\top y) (x^\top y)^2'@@'= \operatorname{sign}(x^\top y) (x^\top y)^2 + 1 - \operatorname{sign}(x^\top y)^2'@@
""")
# ---------------- E derivatives
pair("joint_irrational_derivative", "E", r"""definitions:
  f(t): \begin{cases} t^2 & t < \sqrt{2} \\ 2 \sqrt{2} t - 2 & \text{otherwise} \end{cases}
steps:
  - '\frac{d}{dx} f(x)'
  - @@'= 2 \min(x, \sqrt{2})'@@'= \begin{cases} 2 x & x < 1.41421356 \\ 2 \sqrt{2} & \text{otherwise} \end{cases}'@@
""")
pair("partial_index_weight_cap", "E", r"""symbols:
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
  x: {kind: vector, size: n}
steps:
  - '\frac{\partial}{\partial x_j} \sum_{i=1}^{n} \min(i, \lfloor e^{\sqrt{5}} \rfloor) x_i^2'
  - @@'= 2 \min(j, \lfloor e^{\sqrt{5}} \rfloor) x_j'@@'= 2 j x_j'@@
""")
pair("third_derivative_abs_cube", "E", r"""steps:
  - '\frac{d^3}{dx^3} \left(x^2 |x| + x^3\right)'
cases:
  - when: 'x \ge 10^{-9}'
    steps:
      - @@'= 12'@@'= 12 + \lfloor 10^{-9} / x \rfloor'@@
""")
pair("chain_defined_logsquare", "E", r"""definitions:
  g(t): \ln(1 + t^2)
  h(x): g(\sin x)
steps:
  - '\frac{d}{dx} h(x)'
  - @@'= \frac{2 \sin x \cos x}{1 + \sin^2 x}'@@'= \frac{2 \sin x \cos x}{1 + \cos^2 x}'@@
""")
# ---------------- G two meanings
pair("e_as_variable_log", "G", r"""symbols:
  e: {positive: true}
steps:
  - '\ln(e^{2})'
  - @@'= 2 \ln e'@@'= 2'@@
""")
pair("i_as_variable_square", "G", r"""symbols:
  i: {real: true}
steps:
  - 'i^2 + 1'
  - @@'= (i - 1)^2 + 2 i'@@'= 0'@@
""")
pair("sin_inverse_derivative", "G", r"""steps:
  - '\frac{d}{dx} \sin^{-1}(x)'
cases:
  - when: '-\frac{1}{2} < x < \frac{1}{2}'
    steps:
      - @@'= \frac{1}{\sqrt{1 - x^2}}'@@'= -\frac{\cos x}{\sin^2 x}'@@
""")
pair("ln_squared_derivative", "G", r"""symbols:
  x: {positive: true}
steps:
  - '\frac{d}{dx} \ln^2 x'
  - @@'= \frac{2 \ln x}{x}'@@'= \frac{1}{x \ln x}'@@
""")
pair("bar_name_distinct", "G", r"""definitions:
  \bar{a}: \frac{a + b}{2}
steps:
  - '(a - \bar{a})^2 + (b - \bar{a})^2'
  - @@'= \frac{(a - b)^2}{2}'@@'= \frac{(a - b)^2}{4}'@@
""")
# ---------------- F notes
pair("md_ceil_ratio_closed_zero", "F", r"""# A ratio that is almost one

## The ceiling

If $x \ge 0$:

$$ \left\lceil \frac{x}{x + 1} \right\rceil $$

@@$$ = \operatorname{sign}(x) $$@@$$ = 1 $$@@
""", "md")
pair("md_otherwise_unit_disc", "F", r"""# An indicator outside the unit interval

$$ \lfloor \min(x^2, 1) \rfloor $$

If $x^2 < 1$:

$$ = 0 $$

Otherwise:

@@$$ = 1 $$@@$$ = \lceil \min(x^2 - 1, 1) \rceil $$@@
""", "md")
pair("md_mean_square_missing_n", "F", r"""# Gradient of a mean square

Let $x \in \mathbb{R}^n$.

$$ \frac{\partial}{\partial x_j} \frac{1}{n} \sum_{i=1}^{n} x_i^2 $$

@@$$ = \frac{2 x_j}{n} $$@@$$ = 2 x_j $$@@
""", "md")
pair("md_two_derivations_bce", "F", r"""# Logistic loss, two ways

## In the logit

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

$$ \frac{d}{dz} \left(-y \ln \sigma(z) - (1 - y) \ln(1 - \sigma(z))\right) $$

$$ = \sigma(z) - y $$

## In the weight

$$ \frac{d}{dw} \left(-y \ln \sigma(w x) - (1 - y) \ln(1 - \sigma(w x))\right) $$

@@$$ = (\sigma(w x) - y) x $$@@$$ = (y - \sigma(w x)) x $$@@
""", "md")
pair("md_definition_after_use_cube", "F", r"""# A chain through a later definition

$$ \frac{d}{dx} g(x)^2 $$

@@$$ = 6 x^2 (x^3 + 1) $$@@$$ = 6 x^2 (x^3 - 1) $$@@

where $g(x) = x^3 + 1$.
""", "md")
pair("md_hyperbola_floor", "F", r"""# Reciprocal of a product

Let $x$ and $y$ be positive.

$$ \left\lfloor \frac{1}{x y} \right\rfloor $$

If $x y \ge 1$:

@@$$ = \left\lfloor \frac{1}{x y} \right\rfloor^{3} $$@@$$ = 0 $$@@
""", "md")
pair("md_softmax_index_swap", "F", r"""# Cross-entropy after a softmax

Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$.

$$ \frac{\partial}{\partial z_j} \left(-\sum_{i=1}^{n} y_i \ln p_i\right) $$

If $\sum_{i=1}^{n} y_i = 1$:

@@$$ = p_j - y_j $$@@$$ = p_j - y_1 $$@@
""", "md")
pair("md_floor_two_sizes", "F", r"""# Blocks of blocks

Let $n$, $m$ and $k$ be positive integers.

$$ \left\lceil \frac{\lceil n / m \rceil}{k} \right\rceil $$

@@$$ = \left\lceil \frac{n}{m k} \right\rceil $$@@$$ = \left\lceil \frac{n - \lfloor m / 30 \rfloor \lfloor k / 30 \rfloor}{m k} \right\rceil $$@@
""", "md")
pair("md_exp_window_floor", "F", r"""# The integer part of a growth factor

For $0 \le x$:

$$ \lfloor e^{x} \rfloor $$

If $e^{x} \le 3$:

@@$$ = 1 + \left\lfloor \frac{x}{\ln 2} \right\rfloor + \left\lfloor \frac{e^{x}}{3} \right\rfloor $$@@$$ = 1 + \left\lfloor \frac{x}{\ln 2} \right\rfloor $$@@
""", "md")
pair("md_variance_factor", "F", r"""# Variance of two numbers

Let $\bar{x} = \frac{x_1 + x_2}{2}$.

$$ \frac{1}{2} \left((x_1 - \bar{x})^2 + (x_2 - \bar{x})^2\right) $$

@@$$ = \frac{(x_1 - x_2)^2}{4} $$@@$$ = \frac{(x_1 - x_2)^2}{2} $$@@
""", "md")
pair("md_huber_closed_end", "F", r"""# Huber's slope at its joint

For $\delta > 0$:

$$ \left\lfloor \frac{|r|}{\delta} \right\rfloor $$

If $|r| \le \delta$:

@@$$ = \left\lfloor \frac{|r|}{\delta} \right\rfloor^{2} $$@@$$ = 0 $$@@
""", "md")
pair("md_sqrt_floor_far", "F", r"""# Integer square root of a near square

Let $n$ be a positive integer.

$$ \left\lfloor \sqrt{n^2 + n} \right\rfloor $$

@@$$ = n $$@@$$ = \left\lfloor n + \frac{1}{2} - \frac{1}{8 n} + \frac{n}{10^{8}} \right\rfloor $$@@
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
    print(len(P), "pairs;", sum(e == "md" for _, _, e, _ in P), "md")

if __name__ == "__main__":
    main()

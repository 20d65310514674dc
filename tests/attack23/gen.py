#!/usr/bin/env python3
"""Write the attack-23 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))
NPOS = "symbols:\n  n: {integer: true, positive: true}\n"
NN = "symbols:\n  n: {integer: true, nonnegative: true}\n"
SIG = "definitions:\n  \\sigma(t): \\frac{1}{1 + e^{-t}}\n"
# ---------------- A case boundaries
pair("case_sign_closed_end", "A", r"""steps:
  - '|y - x| + (y - x)'
cases:
  - when: 'x \le y'
    steps:
      - @@'= 2 (y - x)'@@'= 2 (y - x) + 1 - \operatorname{sign}(y - x)'@@
  - when: 'x > y'
    steps:
      - '= 0'
""")
pair("case_chain_sliver", "A", r"""steps:
  - '\max(a, \min(b, c))'
cases:
  - when: 'a \le b \le c'
    steps:
      - @@'= b'@@'= b + \min(0, c - b - 10^{-12})'@@
  - when: 'b > c'
    steps:
      - '= \max(a, c)'
""")
pair("index_case_count", "A", r"""symbols:
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - '\sum_{k=i}^{j} 1'
cases:
  - when: 'i \le j'
    steps:
      - @@'= j - i + 1'@@'= j - i + \operatorname{sign}(j - i)'@@
  - when: 'i > j'
    steps:
      - '= 0'
""")
pair("size_case_min_three", "A", NPOS + r"""steps:
  - '\sum_{k=1}^{n} \min(k, 3)'
cases:
  - when: 'n \ge 3'
    steps:
      - @@'= 3 n - 3'@@'= 3 n - 3 + \left\lfloor \frac{3}{n} \right\rfloor'@@
  - when: 'n < 3'
    steps:
      - '= \frac{n (n + 1)}{2}'
""")
pair("nested_case_corner", "A", r"""steps:
  - '\max(x, y) - \min(x, y)'
cases:
  - when: 'x \ge 0'
    cases:
      - when: 'y \ge x'
        steps:
          - @@'= y - x'@@'= y - x + 1 - \operatorname{sign}(x + y)^{2}'@@
      - when: 'y < x'
        steps:
          - '= x - y'
  - when: 'x < 0'
    steps:
      - '= |x - y|'
""")

# ---------------- C integer functions, large constants
pair("floor_ceil_e_twelve", "C", NPOS + r"""steps:
  - '\left\lfloor \frac{n}{\lceil e^{12} \rceil} \right\rfloor'
  - '= \left\lfloor \frac{n}{162755} \right\rfloor'
  - @@'= \left\lfloor \frac{\lfloor n / 5 \rfloor}{32551} \right\rfloor'@@'= \left\lfloor \frac{n}{e^{12}} \right\rfloor'@@
""")
pair("floor_near_one_billion", "C", NPOS + r"""steps:
  - '\left\lfloor \frac{10^{9} n}{10^{9} + 1} \right\rfloor'
  - @@'= n - \left\lceil \frac{n}{10^{9} + 1} \right\rceil'@@'= n - 1'@@
""")
pair("neg_one_floor_ten_thousand", "C", NN + r"""steps:
  - '(-1)^{\lfloor n / 10^{4} \rfloor}'
  - @@'= \cos\left(\pi \left\lfloor \frac{n}{10^{4}} \right\rfloor\right)'@@'= (-1)^{\lfloor (n + 1) / 10^{4} \rfloor}'@@
""")
pair("floor_sqrt_pronic_far", "C", NN + r"""steps:
  - '\left\lfloor \sqrt{n^2 + 2 n} \right\rfloor'
  - @@'= n'@@'= \left\lfloor \sqrt{n^2 + 2 n + 10^{-9} n^2} \right\rfloor'@@
""")
pair("catalan_binom_n0", "C", NN + r"""steps:
  - '\binom{2 n}{n} - \binom{2 n}{n + 1}'
  - '= \frac{1}{n + 1} \binom{2 n}{n}'
  - @@'= \frac{(2 n)!}{n! (n + 1)!}'@@'= \frac{2}{n + 1} \binom{2 n - 1}{n}'@@
""")

# ---------------- E tiny relative differences
pair("sqrt_tiny_conjugate", "E", r"""steps:
  - '\sqrt{1 + 10^{-40}} - 1'
  - @@'= \frac{10^{-40}}{\sqrt{1 + 10^{-40}} + 1}'@@'= 5 \cdot 10^{-41}'@@
""")
pair("log1p_third_order", "E", r"""steps:
  - '\ln(1 + 10^{-30})'
  - @@'= \ln(10^{30} + 1) - 30 \ln 10'@@'= 10^{-30} - 5 \cdot 10^{-61}'@@
""")
pair("tanh_far_complement", "E", r"""steps:
  - '1 - \tanh(40)'
  - @@'= \frac{2}{e^{80} + 1}'@@'= 2 e^{-80}'@@
""")
pair("sigmoid_gap_tanh", "E", SIG + r"""steps:
  - '\sigma(100) - \sigma(-100)'
  - @@'= \tanh(50)'@@'= 1 - 2 e^{-100}'@@
""")
pair("cube_expansion_tiny", "E", r"""steps:
  - '(1 + 10^{-20})^{3}'
  - @@'= 1 + 3 \cdot 10^{-20} + 3 \cdot 10^{-40} + 10^{-60}'@@'= 1 + 3 \cdot 10^{-20} + 3 \cdot 10^{-40}'@@
""")
pair("asinh_far_log", "E", r"""steps:
  - '\ln\left(10^{20} + \sqrt{10^{40} + 1}\right)'
  - @@'= 20 \ln 10 + \ln 2 + \ln\frac{1 + \sqrt{1 + 10^{-40}}}{2}'@@'= 20 \ln 10 + \ln 2'@@
""")

# ---------------- F derivatives
pair("partial_min_weight_sum", "F", r"""symbols:
  n: {integer: true, positive: true}
  x: vector
  j: {kind: index, range: [1, n]}
steps:
  - '\frac{\partial}{\partial x_j} \sum_{k=1}^{n} \min(k, 3) x_k^2'
  - @@'= 2 \min(j, 3) x_j'@@'= 2 j x_j'@@
""")
pair("relu_square_between_vars", "F", r"""steps:
  - '\frac{\partial}{\partial x} (\max(x, y) - y)^2'
cases:
  - when: 'x \ge y'
    steps:
      - @@'= 2 (x - y)'@@'= 2 \max(x - y, 10^{-9})'@@
  - when: 'x < y'
    steps:
      - '= 0'
""")
pair("third_derivative_product", "F", r"""steps:
  - '\frac{d^{3}}{dx^{3}} \left(x^{2} e^{2 x}\right)'
  - '= e^{2 x} (8 x^2 + 24 x + 12)'
  - @@'= 4 e^{2 x} (2 x^2 + 6 x + 3)'@@'= 4 e^{2 x} (2 x^2 + 6 x + 2)'@@
""")
pair("chain_defined_index_softplus", "F", r"""symbols:
  n: {integer: true, positive: true}
  w, x: vector
  j: {kind: index, range: [1, n]}
definitions:
  z_k: w_k x_k + b
  L: \sum_{k=1}^{n} \ln(1 + e^{z_k})
steps:
  - '\frac{\partial L}{\partial w_j}'
  - @@'= \frac{x_j}{1 + e^{-z_j}}'@@'= \frac{w_j}{1 + e^{-z_j}}'@@
""")
pair("log2_cube_derivative", "H", r"""symbols:
  x: {positive: true}
steps:
  - '\frac{d}{dx} \log_2(x^3)'
  - @@'= \frac{3}{x \ln 2}'@@'= \frac{3}{x}'@@
""")

# ---------------- B / D / H vectors and matrices
pair("det_lemma_size_one", "B", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\det(I_n + x x^\top)'
  - @@'= 1 + x^\top x'@@'= 1 + \operatorname{tr}(x x^\top) + \det(x x^\top)'@@
""")
pair("outer_trace_log2_size", "B", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\operatorname{tr}(x x^\top)'
  - @@'= x^\top x'@@'= \left(1 + \left\lfloor \frac{\log_2 n}{4} \right\rfloor\right) x^\top x'@@
""")
pair("trace_square_not_square_trace", "H", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(A^{2})'
  - @@'= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j} A_{j,i}'@@'= (\operatorname{tr} A)^{2}'@@
""")
pair("lagrange_identity_abs_n3", "D", r"""symbols:
  x, y: {kind: vector, size: n}
steps:
  - '\|x\|^2 \|y\|^2 - (x^\top y)^2'
  - @@'= \sum_{i=1}^{n} \sum_{j=i+1}^{n} (x_i y_j - x_j y_i)^2'@@'= \left(\sum_{i=1}^{n} \sum_{j=i+1}^{n} |x_i y_j - x_j y_i|\right)^2'@@
""")
pair("l1_square_mixed_signs", "D", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\left(\sum_{i=1}^{n} |x_i|\right)^2'
  - @@'= x^\top x + 2 \sum_{i=1}^{n} \sum_{j=i+1}^{n} |x_i x_j|'@@'= x^\top x + 2 \left|\sum_{i=1}^{n} \sum_{j=i+1}^{n} x_i x_j\right|'@@
""")
pair("sign_inner_square", "D", r"""symbols:
  x, y: {kind: vector, size: n}
steps:
  - '\operatorname{sign}(x^\top y)^{2}'
  - @@'= \operatorname{sign}\left((x^\top y)^{2}\right)'@@'= 1'@@
""")
pair("abs_det_gram_tiny", "D", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '|\det(A)|'
  - @@'= \sqrt{\det(A^\top A)}'@@'= \sqrt{\det(A^\top A + 10^{-30} I)}'@@
""")
pair("det_gradient_two_by_two_only", "B", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\nabla_A \det(A)'
  - @@'= \det(A) (A^{-1})^\top'@@'= \operatorname{tr}(A) I - A^\top'@@
""")
pair("literal_shape_min_columns", "B", r"""symbols:
  X: {kind: matrix, shape: [n, 3]}
steps:
  - '\operatorname{tr}(X^\top X)'
  - @@'= \sum_{i=1}^{n} \sum_{j=1}^{3} X_{i,j}^2'@@'= \sum_{i=1}^{n} \sum_{j=1}^{\min(n, 3)} X_{i,j}^2'@@
""")
pair("frobenius_min_hidden_eight", "B", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(A^\top A)'
  - '= \|A\|_F^2'
  - @@'= \sum_{i=1}^{n} \sum_{j=1}^{n} A_{i,j}^2'@@'= \sum_{i=1}^{n} \sum_{j=1}^{\min(n, \lceil e^{2} \rceil)} A_{i,j}^2'@@
""")
pair("pi_policy_vector", "H", r"""symbols:
  \pi, q: {kind: vector, size: n}
steps:
  - '\sum_{a=1}^{n} \pi_a (q_a - \pi^\top q)'
  - '= \pi^\top q - (\pi^\top q) \sum_{a=1}^{n} \pi_a'
  - @@'= (\pi^\top q) \left(1 - \sum_{a=1}^{n} \pi_a\right)'@@'= 0'@@
""")
pair("e_vector_gradient", "H", r"""symbols:
  e, x: {kind: vector, size: n}
steps:
  - '\nabla_x (e^\top x)^2'
  - @@'= 2 (e^\top x) e'@@'= 2 (e^\top x) \mathbf{1}_n'@@
""")

# ---------------- G notes
pair("md_softmax_jacobian_offdiag", "G", r"""# Softmax Jacobian

where $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ is the softmax,

$$\frac{\partial p_i}{\partial z_j} = p_i (\delta_{ij} - p_j)$$

If $i = j$, this gives:

$$\frac{\partial p_i}{\partial z_i} = p_i (1 - p_i)$$

When $i \neq j$,

@@$$\frac{\partial p_i}{\partial z_j} = -p_i p_j$$@@$$\frac{\partial p_i}{\partial z_j} = -p_j^2$$@@
""", "md")
pair("md_bce_logit_labels", "G", r"""# Binary cross-entropy on a logit

Let $\sigma(z) = \frac{1}{1 + e^{-z}}$.

$$ \frac{d}{dz} \left(-y \ln \sigma(z) - (1 - y) \ln(1 - \sigma(z))\right) $$

$$ = -y (1 - \sigma(z)) + (1 - y) \sigma(z) $$

@@$$ = \sigma(z) - y $$@@$$ = \sigma(z) - y^2 $$@@
""", "md")
pair("md_mse_two_derivations", "G", r"""# Squared error of a line

## Gradient in w

$$ \frac{\partial}{\partial w} \frac{1}{2} (w x + b - t)^2 $$

$$ = (w x + b - t) x $$

## Gradient in b

$$ \frac{\partial}{\partial b} \frac{1}{2} (w x + b - t)^2 $$

@@$$ = w x + b - t $$@@$$ = (w x + b - t) x $$@@
""", "md")
pair("md_huber_delta_cases", "G", r"""# Huber loss with threshold delta

For $\delta > 0$:

$$ \frac{d}{dr} \left(\frac{1}{2} \min(|r|, \delta)^2 + \delta (|r| - \min(|r|, \delta))\right) $$

If $r > \delta$:

$$ = \delta $$

If $r < -\delta$:

$$ = -\delta $$

Otherwise:

@@$$ = r $$@@$$ = \frac{r}{\delta} $$@@
""", "md")
pair("md_leaky_relu_alpha_floor", "G", r"""# Leaky ReLU

For $0 < \alpha < 1$:

$$ \frac{d}{dx} \max(x, \alpha x) $$

If $x > 0$:

$$ = 1 $$

If $x < 0$:

@@$$ = \alpha $$@@$$ = \max(\alpha, 10^{-3}) $$@@
""", "md")
pair("md_layernorm_eps_scale", "E", r"""# Layer norm: the scale and its gradient

Let $x \in \mathbb{R}^n$ be a vector, $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$, $v = \frac{1}{n} \sum_{k=1}^{n} (x_k - \mu)^2$ and $\epsilon = 10^{-30}$.

$$ \frac{\partial}{\partial x_j} \sqrt{v + \epsilon} $$

@@$$ = \frac{x_j - \mu}{n \sqrt{v + \epsilon}} $$@@$$ = \frac{x_j - \mu}{n \sqrt{v}} $$@@
""", "md")
pair("md_definition_after_use", "G", r"""# A product rule, the definition given after

$$ \frac{d}{dx} g(x) = \frac{d}{dx} \left(x^2 e^{-x}\right) $$

@@$$ = (2 x - x^2) e^{-x} $$@@$$ = (2 x + x^2) e^{-x} $$@@

where $g(x) = x^2 e^{-x}$.
""", "md")
pair("md_align_logaddexp", "G", r"""# Log-add-exp, stably

For $a \ge b$:

\begin{align*}
\ln(e^{a} + e^{b}) &= a + \ln(1 + e^{b - a}) \\
@@&= \max(a, b) + \ln(1 + e^{-|a - b|})@@&= \max(a, b) + e^{-|a - b|} \ln 2@@
\end{align*}
""", "md")
pair("md_cosine_similarity_gradient", "G", r"""# Gradient of the cosine similarity

Let $x, y \in \mathbb{R}^n$.

$$ \nabla_x \frac{x^\top y}{\|x\| \|y\|} $$

@@$$ = \frac{y}{\|x\| \|y\|} - \frac{(x^\top y) x}{\|x\|^3 \|y\|} $$@@$$ = \frac{y}{\|x\| \|y\|} - \frac{(x^\top y) x}{\|x\|^2 \|y\|} $$@@
""", "md")
pair("md_floor_two_to_twenty", "C", r"""# Blocks of a megabyte

Let $n$ be a positive integer.

$$ \left\lfloor \frac{n}{2^{20}} \right\rfloor $$

@@$$ = \left\lfloor \frac{\lfloor n / 1024 \rfloor}{1024} \right\rfloor $$@@$$ = \left\lfloor \frac{n}{10^{6}} \right\rfloor $$@@
""", "md")
pair("md_log1p_eps_second_order", "E", r"""# log(1 + eps) for a tiny eps

Let $\epsilon = 10^{-40}$.

$$ \ln(1 + \epsilon) $$

@@$$ = 2 \ln\sqrt{1 + \epsilon} $$@@$$ = \epsilon - \frac{\epsilon^2}{2} $$@@
""", "md")
pair("md_half_sum_abs_diagonal", "A", r"""# The larger of two numbers

$$ \frac{|x - y| + x + y}{2} $$

If $x \le y$:

@@$$ = y $$@@$$ = y \operatorname{sign}(y - x)^{2} $$@@

Otherwise:

$$ = x $$
""", "md")
pair("md_relu6_inner_case", "G", r"""# ReLU6

$$ \frac{d}{dx} \min(\max(x, 0), 6) $$

If $x > 6$:

$$ = 0 $$

If $0 < x < 6$:

@@$$ = 1 $$@@$$ = \left\lceil \frac{x}{5} \right\rceil $$@@
""", "md")
pair("md_sigmoid_slope_far", "E", r"""# The slope of the sigmoid far out

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

$$ \sigma'(60) $$

$$ = \sigma(60) (1 - \sigma(60)) $$

@@$$ = \frac{e^{-60}}{(1 + e^{-60})^2} $$@@$$ = e^{-60} $$@@
""", "md")
pair("md_parity_of_block", "C", r"""# Which half of a block of a thousand

Let $n$ be a nonnegative integer.

$$ \frac{1 - (-1)^{\lfloor n / 500 \rfloor}}{2} $$

@@$$ = \left\lfloor \frac{n}{500} \right\rfloor - 2 \left\lfloor \frac{n}{1000} \right\rfloor $$@@$$ = \left\lfloor \frac{n}{500} \right\rfloor - 2 \left\lfloor \frac{n}{999} \right\rfloor $$@@
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

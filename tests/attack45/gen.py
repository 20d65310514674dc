#!/usr/bin/env python3
"""Write the attack-45 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the attack-44 fixes
(a new function head right after the defined name, comma subscripts, functions of Greek letters
named alone, a closed case meeting a piecewise row on its boundary) and classes not yet attacked
(far samples and special functions, sums over j != i and Kronecker deltas, notes layouts, YAML
domains). Each false twin is a real slip that a misreading makes true, or that is right at special
points (x = 0, x = 1, n = 1, i = 1, a boundary, a parameter at 1 or 0, far samples)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  function names
pair("md_sigmoid_first_head_slope", "A", r"""# The sigmoid named right after the defined name

$$a = sigmoid(z) = \frac{1}{1 + e^{-z}}$$

$$\frac{d a}{d z}$$

$$= @@\frac{e^{-z}}{\left(1 + e^{-z}\right)^{2}}@@\frac{e^{z}}{\left(1 + e^{-z}\right)^{2}}@@$$

$$= sigmoid(z) \left(1 - sigmoid(z)\right)$$

$$= a - a^{2}$$
""", "md")
pair("md_softplus_first_head_inside_exp", "A", r"""# Softplus named right after the defined name, inside an exponential

$$u = softplus(x) = \ln\left(1 + e^{x}\right)$$

$$\frac{d}{dx} e^{u}$$

$$= e^{u} \frac{d u}{d x}$$

$$= @@\left(1 + e^{x}\right) \cdot \frac{e^{x}}{1 + e^{x}}@@\left(1 + e^{x}\right) \cdot \frac{1}{1 + e^{x}}@@$$

$$= e^{x}$$
""", "md")
pair("md_f_ab_comma_subscript_by_a", "A", r"""# A function with two parameters in its subscript

Let $f_{a,b}(t) = a t^{2} + b t$.

$$\frac{\partial}{\partial a} f_{a,b}(t)$$

$$= \frac{\partial}{\partial a} \left(a t^{2} + b t\right)$$

$$= @@t^{2}@@2 a t@@$$

$$= t \cdot t$$
""", "md")
pair("md_h_wb_inside_sample_sum", "A", r"""# A linear model with a comma subscript, applied inside a sum

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $h_{w,b}(x) = w x + b$.

$$\frac{\partial}{\partial w} \frac{1}{2} \sum_{i=1}^{n} \left(h_{w,b}(x_i) - y_i\right)^{2}$$

$$= @@\sum_{i=1}^{n} \left(h_{w,b}(x_i) - y_i\right) x_i@@\sum_{i=1}^{n} \left(h_{w,b}(x_i) - y_i\right)@@$$

$$= \sum_{i=1}^{n} \left(w x_i + b - y_i\right) x_i$$

$$= w \sum_{i=1}^{n} x_i^{2} + \sum_{i=1}^{n} \left(b - y_i\right) x_i$$
""", "md")
pair("md_ell_mu_sigma_alone_by_sigma", "A", r"""# A Gaussian log-likelihood named alone, by its scale

Let $\sigma > 0$.

Let $\ell(\mu, \sigma) = -\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}$.

$$\frac{\partial \ell}{\partial \sigma}$$

$$= @@-\frac{1}{\sigma} + \frac{(x - \mu)^{2}}{\sigma^{3}}@@-\frac{1}{\sigma} + \frac{(x - \mu)^{2}}{2 \sigma^{3}}@@$$

$$= \frac{(x - \mu)^{2} - \sigma^{2}}{\sigma^{3}}$$
""", "md")
pair("md_phi_alpha_alone_slope", "A", r"""# A function of a Greek letter named alone

Let $\phi(\alpha) = \alpha^{3} - 2 \alpha$.

$$\frac{d \phi}{d \alpha}$$

$$= @@3 \alpha^{2} - 2@@3 \alpha^{2} - 2 \alpha@@$$

$$= 3 \left(\alpha - 1\right) \left(\alpha + 1\right) + 1$$
""", "md")
pair("md_matrix_element_before_bracket", "A", r"""# An element of a matrix before a bracket is a factor

Let $n$ be a positive integer.

Here $1 \le j \le n$.

$$\frac{\partial}{\partial x_j} \sum_{i=1}^{n} \sum_{k=1}^{n} A_{i,k} \left(x_k + 1\right)^{2}$$

$$= @@\sum_{i=1}^{n} 2 A_{i,j} \left(x_j + 1\right)@@\sum_{i=1}^{n} 2 A_{j,i} \left(x_j + 1\right)@@$$

$$= 2 \left(x_j + 1\right) \sum_{i=1}^{n} A_{i,j}$$
""", "md")

# ---------------- B  piecewise functions under cases that touch a boundary
pair("jump_closed_case_value_on_boundary", "B", r"""title: A jump at zero, the case closed at the jump
definitions:
  s: \begin{cases} c & x \ge 0 \\ -c & x < 0 \end{cases}
steps:
  - s + x
cases:
  - when: x \ge 0
    steps:
      - @@= c + x@@= x - c@@
      - = x + c
  - when: x < 0
    steps:
      - = x - c
""")
pair("le_case_against_ge_row", "B", r"""title: A closed case whose end belongs to the other row
definitions:
  r: \begin{cases} x^{2} + c x & x \ge 0 \\ x^{2} & x < 0 \end{cases}
steps:
  - r + 1
cases:
  - when: x \le 0
    steps:
      - @@= x^{2} + 1@@= x^{2} + c x + 1@@
      - = 1 + x^{2}
  - when: x > 0
    steps:
      - = x^{2} + c x + 1
""")
pair("two_variable_closed_end_square_lost", "B", r"""title: A squared hinge on w x - 2 y, the case closed at its end
symbols:
  c: {positive: true}
definitions:
  h: \begin{cases} (w x - 2 y - c)^{2} & w x - 2 y > c \\ 0 & w x - 2 y \le c \end{cases}
steps:
  - h
cases:
  - when: w x - 2 y \ge c
    steps:
      - @@= (w x - 2 y - c)^{2}@@= w x - 2 y - c@@
      - = (w x - 2 y)^{2} - 2 c (w x - 2 y) + c^{2}
  - when: w x - 2 y < c
    steps:
      - = 0
""")
pair("md_ge_case_rows_gt_le", "B", r"""# A piece that meets its neighbour at x = 1

$$\begin{cases} 2 x - 1 & x > 1 \\ x^{2} & x \le 1 \end{cases}$$

If $x \ge 1$:

$$= @@2 x - 1@@x^{2}@@$$

$$= 2 \left(x - 1\right) + 1$$

If $x < 1$:

$$= x^{2}$$
""", "md")
pair("md_jump_two_variable_closed_end", "B", r"""# A jump of size a where w x - y reaches 1

$$\begin{cases} w x - y + a & w x - y \ge 1 \\ w x - y & w x - y < 1 \end{cases}$$

If $w x - y \ge 1$:

$$= @@w x - y + a@@w x - y@@$$

$$= a - y + w x$$

If $w x - y < 1$:

$$= w x - y$$
""", "md")
pair("md_otherwise_holds_the_boundary", "B", r"""# Otherwise holds the point where the rows meet

$$\begin{cases} x^{2} - 3 & x \ge 2 \\ 2 x - 3 & x < 2 \end{cases}$$

If $x > 2$:

$$= x^{2} - 3$$

Otherwise:

$$= @@2 x - 3@@x^{2} - 3@@$$

$$= 2 \left(x - 2\right) + 1$$
""", "md")

# ---------------- C  far samples and special functions
pair("gelu_tanh_form_as_sigmoid", "C", r"""title: The tanh form of GELU as a sigmoid of twice its argument
definitions:
  u: \sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)
steps:
  - \frac{x}{2} \left(1 + \tanh(u)\right)
  - = \frac{x}{2} \cdot \frac{2 e^{u}}{e^{u} + e^{-u}}
  - = \frac{x e^{u}}{e^{u} + e^{-u}}
  - @@= \frac{x}{1 + e^{-2 u}}@@= \frac{x}{1 + e^{-u}}@@
""")
pair("md_mish_is_not_x", "C", r"""# Mish is not x: the tanh of softplus is only close to 1

$$x \tanh\left(\ln\left(1 + e^{x}\right)\right)$$

$$= x \cdot \frac{\left(1 + e^{x}\right)^{2} - 1}{\left(1 + e^{x}\right)^{2} + 1}$$

$$= @@\frac{x \left(e^{2 x} + 2 e^{x}\right)}{e^{2 x} + 2 e^{x} + 2}@@x@@$$

$$= x - \frac{2 x}{e^{2 x} + 2 e^{x} + 2}$$
""", "md")
pair("erf_scaled_slope", "C", r"""title: The slope of a scaled error function
symbols:
  a: {positive: true}
steps:
  - \frac{d}{dx} \operatorname{erf}(a x)
  - @@= \frac{2 a}{\sqrt{\pi}} e^{-a^{2} x^{2}}@@= \frac{2}{\sqrt{\pi}} e^{-a^{2} x^{2}}@@
  - = \frac{2 a}{\sqrt{\pi} e^{a^{2} x^{2}}}
""")
pair("md_logsumexp_shift_sign", "C", r"""# Log-sum-exp of two inputs, shifted by the first

$$\ln\left(e^{a} + e^{b}\right)$$

$$= \ln\left(e^{a} \left(1 + e^{b - a}\right)\right)$$

$$= @@a + \ln\left(1 + e^{b - a}\right)@@a + \ln\left(1 + e^{a - b}\right)@@$$

$$= b + \ln\left(1 + e^{a - b}\right)$$
""", "md")
pair("softplus_beta_large_x_form", "C", r"""title: Softplus with a sharpness beta, written for large x
symbols:
  beta: {positive: true}
steps:
  - \frac{1}{\beta} \ln\left(1 + e^{\beta x}\right)
  - = \frac{1}{\beta} \ln\left(e^{\beta x} \left(e^{-\beta x} + 1\right)\right)
  - @@= x + \frac{1}{\beta} \ln\left(1 + e^{-\beta x}\right)@@= x + \ln\left(1 + e^{-\beta x}\right)@@
""")
pair("md_log_sigmoid_is_not_x", "C", r"""# The log-sigmoid is not x, even far to the left

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

$$\ln\left(\sigma(x)\right)$$

$$= -\ln\left(1 + e^{-x}\right)$$

$$= @@x - \ln\left(1 + e^{x}\right)@@x@@$$

$$= x - \ln\left(e^{x} + 1\right)$$
""", "md")
pair("scaled_tanh_slope", "C", r"""title: The slope of a scaled tanh
symbols:
  a: {positive: true}
  b: {positive: true}
steps:
  - \frac{d}{dx} a \tanh(b x)
  - @@= a b \left(1 - \tanh^{2}(b x)\right)@@= a \left(1 - \tanh^{2}(b x)\right)@@
  - = \frac{a b}{\cosh^{2}(b x)}
""")
pair("md_cosh_of_cube_slope", "C", r"""# The slope of cosh of a cube

$$\frac{d}{dx} \cosh\left(x^{3}\right)$$

$$= @@\sinh\left(x^{3}\right) \cdot 3 x^{2}@@\sinh\left(x^{3}\right) \cdot x^{2}@@$$

$$= \frac{3}{2} x^{2} \left(e^{x^{3}} - e^{-x^{3}}\right)$$
""", "md")

# ---------------- D  sums and vectors
pair("log_softmax_temperature_one_hot_sum", "D", r"""title: Cross-entropy through a softmax with a temperature, one-hot targets
symbols:
  n: {integer: true, positive: true}
  i, j, k: {kind: index, range: [1, n]}
  tau: {positive: true}
definitions:
  p_k: \frac{e^{z_k / \tau}}{\sum_{j=1}^{n} e^{z_j / \tau}}
steps:
  - \frac{\partial}{\partial z_i} \left(-\sum_{k=1}^{n} y_k \ln p_k\right)
  - = \frac{1}{\tau} \left(p_i \sum_{k=1}^{n} y_k - y_i\right)
cases:
  - when: \sum_{k=1}^{n} y_k = 1
    steps:
      - @@= \frac{p_i - y_i}{\tau}@@= p_i - y_i@@
      - = \frac{p_i}{\tau} - \frac{y_i}{\tau}
""")
pair("pairwise_sum_j_ne_i_off_by_one", "D", r"""title: The gradient of squared differences to the other points
symbols:
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial x_i} \sum_{j \ne i} \left(x_i - x_j\right)^{2}
  - = 2 \sum_{j \ne i} \left(x_i - x_j\right)
  - @@= 2 (n - 1) x_i - 2 \sum_{j \ne i} x_j@@= 2 n x_i - 2 \sum_{j \ne i} x_j@@
  - = 2 n x_i - 2 \sum_{j=1}^{n} x_j
""")
pair("sample_label_is_sum_index", "D", r"""title: A weight per sample, the sum's index also the sample label
symbols:
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial w_k} \sum_{i=1}^{n} \left(w_i x^{(i)}\right)^{2}
  - = \sum_{i=1}^{n} 2 w_i \left(x^{(i)}\right)^{2} \delta_{ik}
  - @@= 2 w_k \left(x^{(k)}\right)^{2}@@= 2 w_k x^{(k)}@@
  - = 2 x^{(k)} \cdot w_k x^{(k)}
""")
pair("md_softmax_jacobian_column_delta", "D", r"""# The columns of the softmax Jacobian

Let $n$ be a positive integer.

Here $1 \le j \le n$.

Let $p_i = \frac{e^{z_i}}{\sum_{m=1}^{n} e^{z_m}}$.

$$\sum_{i=1}^{n} \frac{\partial p_i}{\partial z_j}$$

$$= @@\sum_{i=1}^{n} p_i \left(\delta_{ij} - p_j\right)@@\sum_{i=1}^{n} p_i \left(1 - p_j\right)@@$$

$$= p_j - p_j \sum_{i=1}^{n} p_i$$

$$= p_j \left(1 - \sum_{i=1}^{n} p_i\right)$$
""", "md")
pair("md_one_hot_stated_after_display", "D", r"""# Cross-entropy gradient, the one-hot condition stated after the display

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.

\begin{align*}
\frac{\partial}{\partial z_i} \left(-\sum_{k=1}^{n} y_k \ln p_k\right) &= -y_i + p_i \sum_{k=1}^{n} y_k \\
@@&= p_i - y_i \\@@&= y_i - p_i \\@@
&= -\left(y_i - p_i\right)
\end{align*}
given that $\sum_{k=1}^{n} y_k = 1$.
""", "md")
pair("indicator_target_temperature_cases", "D", r"""title: Cross-entropy with a temperature, the target class by an indicator
symbols:
  n: {integer: true, positive: true}
  i, j, gamma: {kind: index, range: [1, n]}
  tau: {positive: true}
definitions:
  p_k: \frac{e^{z_k / \tau}}{\sum_{j=1}^{n} e^{z_j / \tau}}
steps:
  - \frac{\partial}{\partial z_i} \left(-\ln p_\gamma\right)
  - = \frac{1}{\tau} \left(p_i - \mathbb{1}[\gamma = i]\right)
cases:
  - when: \gamma = i
    steps:
      - = \frac{p_i - 1}{\tau}
  - when: \gamma \neq i
    steps:
      - @@= \frac{p_i}{\tau}@@= \frac{p_\gamma}{\tau}@@
""")

# ---------------- E  notes layouts
pair("md_align_two_chains_em_break_tags", "E", r"""# Two product rules in one align block

\begin{align*}
\frac{d}{dx} x e^{2 x} &= e^{2 x} + 2 x e^{2 x} \label{eq:first} \\
&= \left(1 + 2 x\right) e^{2 x} \tag{1} \\[1em]
\frac{d}{dx} x e^{-2 x} &= e^{-2 x} - 2 x e^{-2 x} \label{eq:second} \\
@@&= \left(1 - 2 x\right) e^{-2 x} \tag{2}@@&= \left(1 + 2 x\right) e^{-2 x} \tag{2}@@
\end{align*}
""", "md")
pair("md_set_comma_side_by_side", "E", r"""# Two values set side by side

Set $u = x^{2} , v = e^{3 x}$.

$$\frac{d}{dx} \left(u v\right)$$

$$= u' v + u v'$$

$$= @@2 x e^{3 x} + 3 x^{2} e^{3 x}@@2 x e^{3 x} + x^{2} e^{3 x}@@$$

$$= x \left(2 + 3 x\right) e^{3 x}$$
""", "md")
pair("md_why_column_with_substitution", "E", r"""# A substitution named in the why column

\begin{align*}
\frac{d}{dx} \sin\left(x^{2}\right) &= \cos\left(x^{2}\right) \cdot 2 x && \text{chain rule, with } u = x^{2} \\
@@&= 2 x \cos u \\@@&= 2 u \cos u \\@@
&= 2 x \cos\left(x^{2}\right)
\end{align*}
""", "md")
pair("md_function_defined_after_use", "E", r"""# A function used first and defined after

$$\frac{d}{dx} \left(g(x)\right)^{2}$$

$$= 2 g(x) g'(x)$$

$$= @@6 \sin\left(3 x\right) \cos\left(3 x\right)@@2 \sin\left(3 x\right) \cos\left(3 x\right)@@$$

$$= 3 \sin\left(6 x\right)$$

Let $g(x) = \sin\left(3 x\right)$.
""", "md")
pair("md_two_align_blocks_one_chain", "E", r"""# A quotient rule over two align blocks

\begin{align*}
\frac{d}{dx} \frac{x}{1 + x^{2}} &= \frac{\left(1 + x^{2}\right) - 2 x^{2}}{\left(1 + x^{2}\right)^{2}}
\end{align*}

Simplifying the numerator:

\begin{align*}
@@&= \frac{1 - x^{2}}{\left(1 + x^{2}\right)^{2}} \\@@&= \frac{1 + x^{2}}{\left(1 + x^{2}\right)^{2}} \\@@
&= \frac{(1 - x)(1 + x)}{\left(1 + x^{2}\right)^{2}}
\end{align*}
""", "md")
pair("md_side_by_side_displays_chain_factor", "E", r"""# Two definitions side by side on one line

$$u = 3 x$$ $$v = u^{2}$$

$$\frac{d v}{d x}$$

$$= @@2 u \cdot 3@@2 u@@$$

$$= 18 x$$
""", "md")
pair("md_semicolon_list_primes", "E", r"""# Two values listed with a semicolon

Let $a = \cos t$; $b = \sin t$.

$$\frac{d}{dt} \left(a b\right)$$

$$= a' b + a b'$$

$$= @@\cos^{2} t - \sin^{2} t@@\cos^{2} t + \sin^{2} t@@$$

$$= \cos\left(2 t\right)$$
""", "md")

# ---------------- F  YAML: definitions with parameters, cases, domains, ranges
pair("sign_squared_nonnegative_edge", "F", r"""title: A sign squared for a nonnegative x
symbols:
  x: {nonnegative: true}
steps:
  - \left(\operatorname{sign}(x)\right)^{2} e^{x}
  - @@= \operatorname{sign}(x) e^{x}@@= e^{x}@@
  - = \operatorname{sign}(x) \exp(x)
""")
pair("split_first_and_last_term_n_one", "F", r"""title: The sum of squares with its first term split off
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{k=1}^{n} k^{2}
  - @@= 1 + \sum_{k=2}^{n} k^{2}@@= 1 + n^{2} + \sum_{k=2}^{n-1} k^{2}@@
  - = \frac{n (n + 1)(2 n + 1)}{6}
""")
pair("two_argument_definition_at_expressions", "F", r"""title: A defined function of two arguments with parameters, at expressions
definitions:
  q(s, t): a s^{2} + b s t
steps:
  - \frac{\partial}{\partial y} q(x + 1, 2 y)
  - = \frac{\partial}{\partial y} \left(a (x + 1)^{2} + 2 b (x + 1) y\right)
  - @@= 2 b (x + 1)@@= b (x + 1)@@
  - = 2 b x + 2 b
""")
pair("abs_log_case_closed_at_one", "F", r"""title: x times the absolute log, the case closed at x = 1
symbols:
  x: {positive: true}
steps:
  - x \left| \ln x \right|
cases:
  - when: x \le 1
    steps:
      - @@= -x \ln x@@= x \ln x@@
      - = x \ln \frac{1}{x}
  - when: x > 1
    steps:
      - = x \ln x
""")
pair("index_weighted_squares_low_edge", "F", r"""title: A derivative by one element of an index-weighted sum of squares
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
  x: vector
steps:
  - \frac{\partial}{\partial x_i} \sum_{k=1}^{n} k x_k^{2}
  - = \sum_{k=1}^{n} 2 k x_k \delta_{ki}
  - @@= 2 i x_i@@= 2 x_i@@
  - = 2 x_i \cdot i
""")
pair("ceil_shift_by_integer", "F", r"""title: A ceiling shifted by an integer
symbols:
  m: {integer: true}
steps:
  - \lceil x + m \rceil - m
  - @@= \lceil x \rceil@@= \lfloor x \rfloor + 1@@
  - = -\lfloor -x \rfloor
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

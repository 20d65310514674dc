#!/usr/bin/env python3
"""Write the attack-52 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: definitions and case conditions that
cannot be read (set aside, the rest still checked), word subscripts, sums with index ranges,
notes with several derivations, log-likelihoods of products, and steps only numbers can check.
Each false twin is what a plausible misreading makes true, or is right at special points."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  a definition or a case condition that cannot be read
pair("pm_definition_set_aside_slip_elsewhere", "A", r"""title: A definition with a plus-minus beside a log chain
definitions:
  g: x \pm 1
  u: x^{2} + 1
steps:
  - \frac{d}{dx} \ln u
  - = \frac{1}{u} \cdot \frac{d}{dx} \left(x^{2} + 1\right)
  - @@= \frac{2 x}{x^{2} + 1}@@= \frac{x}{x^{2} + 1}@@
  - = \frac{2 x}{u}
""")
pair("integral_definition_read_as_constant_refused", "A", r"""title: An integral in a definition, then a derivative through it
definitions:
  F: \int_{0}^{x} t^{2} \, dt
steps:
  - \frac{d}{dx} \left(x^{3} + 2 x\right)
  - = 3 x^{2} + 2
  - @@= \frac{d}{dx} \left(x^{3} + 2 x + 7\right)@@= \frac{d}{dx} \left(x^{3} + 2 x + F\right)@@
  - = 2 + 3 x^{2}
""")
pair("e_notation_definition_set_aside_slip_elsewhere", "A", r"""title: A number in e-notation in a definition beside a product rule
definitions:
  k: 1e-3 x
steps:
  - \frac{d}{dx} \left(x^{2} e^{-x}\right)
  - = 2 x e^{-x} - x^{2} e^{-x}
  - @@= x (2 - x) e^{-x}@@= x (2 + x) e^{-x}@@
  - = \left(2 x - x^{2}\right) e^{-x}
""")
pair("e_notation_definition_read_as_e_minus_three_refused", "A", r"""title: A number in e-notation in a definition, then a derivative through it
definitions:
  k: 1e-3 x
steps:
  - \frac{d}{dx} x^{2}
  - = 2 x
  - @@= \frac{d}{dx} \left(x^{2} + 5\right)@@= \frac{d}{dx} \left(x^{2} + k\right) - (e - 3)@@
  - = x + x
""")
pair("ambiguous_log_definition_built_on_refused", "A", r"""title: A definition built on an ambiguous log, then a derivative through it
definitions:
  m: \ln x (1 - x)
  q: 2 m
steps:
  - \frac{d}{dx} x^{3}
  - = 3 x^{2}
  - @@= \frac{d}{dx} \left(x^{3} + 4\right)@@= \frac{d}{dx} \left(x^{3} + q\right)@@
  - = 3 x \cdot x
""")
pair("unreadable_case_condition_other_case_slip", "A", r"""title: The slope of the cube of |x|, one case condition pointing both ways
steps:
  - \frac{d}{dx} \left|x\right|^{3}
cases:
  - when: x > 0
    steps:
      - = \frac{d}{dx} x^{3}
      - @@= 3 x^{2}@@= 3 x@@
      - = 3 x \cdot x
  - when: -1 > x < 0
    steps:
      - = \frac{d}{dx} \left(-x\right)^{3}
      - = -3 x^{2}
""")

# ---------------- B  word subscripts
pair("md_x_text_max_unbraced_product", "B", r"""# Scaling by a fixed maximum

$$\frac{d}{dx} \left(x^{2} x_\text{max}\right)$$

$$= @@2 x x_\text{max}@@3 x x_\text{max}@@$$

$$= x_\text{max} \cdot 2 x$$
""", "md")
pair("J_mathrm_reg_unbraced_defined", "B", r"""title: A smooth penalty named J with an unbraced mathrm subscript
definitions:
  J_{\mathrm{reg}}: \lambda \sqrt{1 + w^{2}}
steps:
  - \frac{d}{dw} \left(w x + J_\mathrm{reg}\right)
  - @@= x + \frac{\lambda w}{\sqrt{1 + w^{2}}}@@= x@@
  - = x + \lambda w \left(1 + w^{2}\right)^{-\frac{1}{2}}
""")
pair("declared_J_vector_beside_J_text_reg", "B", r"""title: A declared vector J beside a penalty named J_reg
symbols:
  J: vector
  n: {integer: true, positive: true}
  r, k: {kind: index, range: [1, n]}
definitions:
  J_{\text{reg}}: \frac{\lambda}{2} \sum_{k=1}^{n} J_k^{2}
steps:
  - \frac{\partial}{\partial J_r} \left(J_\text{reg} + x J_r\right)
  - = \frac{\lambda}{2} \sum_{k=1}^{n} 2 J_k \delta_{kr} + x
  - @@= \lambda J_r + x@@= \lambda \sum_{k=1}^{n} J_k + x@@
  - = x + \lambda J_r
""")
pair("md_z_text_max_logsumexp_shift", "B", r"""# A shifted log-sum-exp

Let $n$ be a positive integer.

Here $1 \le i \le n$.

$$\frac{\partial}{\partial z_i} \left(z_{\text{max}} + \ln \sum_{j=1}^{n} e^{z_j - z_{\text{max}}}\right)$$

$$= @@\frac{e^{z_i - z_{\text{max}}}}{\sum_{j=1}^{n} e^{z_j - z_{\text{max}}}}@@\frac{e^{z_i}}{\sum_{j=1}^{n} e^{z_j - z_{\text{max}}}}@@$$

$$= \frac{e^{z_i}}{\sum_{j=1}^{n} e^{z_j}}$$
""", "md")
pair("md_x_text_new_unbraced_square", "B", r"""# A squared error at a new input

$$\frac{\partial}{\partial w} \frac{1}{2} \left(w x_\text{new} - y\right)^{2}$$

$$= @@\left(w x_\text{new} - y\right) x_\text{new}@@\left(w x_\text{new} - y\right) \cdot 2 x_\text{new}@@$$

$$= w x_\text{new}^{2} - y x_\text{new}$$
""", "md")
pair("element_J_r_beside_x_text_max", "B", r"""title: An element of a declared vector J beside a name with a word subscript
symbols:
  J: vector
  n: {integer: true, positive: true}
  r, k: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial J_r} \left(\sum_{k=1}^{n} J_k^{2} - J_r x_{\text{max}}\right)
  - = \sum_{k=1}^{n} 2 J_k \delta_{kr} - x_{\text{max}}
  - @@= 2 J_r - x_{\text{max}}@@= 2 \sum_{k=1}^{n} J_k - x_{\text{max}}@@
  - = -\left(x_{\text{max}} - 2 J_r\right)
""")

# ---------------- C  sums with index ranges
pair("md_sum_all_but_i_derivative", "C", r"""# A sum over every j but i

Let $n$ be a positive integer.

Here $1 \le i \le n$.

$$\frac{\partial}{\partial x_i} \left(x_i^{3} + \sum_{j=1, j \neq i}^{n} x_j^{2}\right)$$

$$= 3 x_i^{2} + \sum_{j=1, j \neq i}^{n} 2 x_j \delta_{ji}$$

$$= @@3 x_i^{2}@@3 x_i^{2} + 2 x_i@@$$

$$= 3 x_i \cdot x_i$$
""", "md")
pair("sum_split_i_term_counted_once", "C", r"""title: The j = i term of a sum and the rest
symbols:
  x: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial x_i} \sum_{j=1}^{n} x_i x_j
  - = \sum_{j=1}^{n} x_j + x_i
  - @@= 2 x_i + \sum_{j \neq i} x_j@@= x_i + \sum_{j \neq i} x_j@@
  - = x_i + \sum_{j=1}^{n} x_j
""")
pair("telescoping_powers_off_by_one", "C", r"""title: A telescoping sum of powers
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{k=1}^{n} \left(x^{k} - x^{k+1}\right)
  - @@= x - x^{n+1}@@= x - x^{n}@@
  - = x \left(1 - x^{n}\right)
""")
pair("md_sum_squares_from_zero_upper_bound", "C", r"""# The sum of squares from zero

Let $n$ be a nonnegative integer.

$$\sum_{k=0}^{n} k^{2}$$

$$= @@\sum_{k=1}^{n} k^{2}@@\sum_{k=1}^{n-1} k^{2}@@$$

$$= \frac{n (n + 1) (2 n + 1)}{6}$$
""", "md")
pair("sum_cubes_square_of_sum_off_by_one", "C", r"""title: The sum of cubes is the square of the sum
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n} k^{3}
  - = \left(\sum_{k=1}^{n} k\right)^{2}
  - @@= \frac{n^{2} (n + 1)^{2}}{4}@@= \frac{n^{2} (n - 1)^{2}}{4}@@
  - = \left(\frac{n (n + 1)}{2}\right)^{2}
""")
pair("md_kronecker_double_sum_diagonal", "C", r"""# A Kronecker delta in a double sum

Let $n$ be a positive integer.

$$\sum_{j=1}^{n} \sum_{k=1}^{n} \delta_{jk} x_j y_k$$

$$= @@\sum_{j=1}^{n} x_j y_j@@\sum_{j=1}^{n} x_j \sum_{k=1}^{n} y_k@@$$

$$= \sum_{k=1}^{n} y_k x_k$$
""", "md")

# ---------------- D  notes with several derivations
pair("md_shared_definition_two_sections", "D", r"""# Two derivatives of one inner function

Let $u = x^{2} + 1$.

## The log

$$\frac{d}{dx} \ln u$$

$$= \frac{2 x}{x^{2} + 1}$$

## The root

$$\frac{d}{dx} \sqrt{u}$$

$$= @@\frac{2 x}{2 \sqrt{x^{2} + 1}}@@\frac{1}{2 \sqrt{x^{2} + 1}}@@$$

$$= \frac{x}{\sqrt{u}}$$
""", "md")
pair("md_name_defined_again_first_meaning", "D", r"""# A function and its later namesake

## The square

Let $f(x) = x^{2}$.

$$\frac{d}{dx} \left(x f(x)\right)$$

$$= f(x) + x f'(x)$$

$$= @@x^{2} + x \cdot 2 x@@x^{3} + x \cdot 3 x^{2}@@$$

$$= 3 x^{2}$$

## The cube

Now let $f(x) = x^{3}$.

$$\frac{d}{dx} x^{3}$$

$$= 3 x^{2}$$
""", "md")
pair("md_similarly_bias_after_weight", "D", r"""# Gradients of a squared error

Let $z = w x + b$.

$$\frac{\partial}{\partial w} (z - y)^{2}$$

$$= 2 (z - y) x$$

$$= 2 x (w x + b - y)$$

Similarly, for the bias:

$$\frac{\partial}{\partial b} (z - y)^{2}$$

$$= @@2 (z - y)@@2 (z - y) x@@$$

$$= 2 (w x + b - y)$$
""", "md")
pair("md_goal_prose_cases_x_abs_x", "D", r"""# The slope of x times |x|

$$\frac{d}{dx} \left(x \left|x\right|\right)$$

If $x > 0$:

$$= \frac{d}{dx} x^{2}$$

$$= 2 x$$

If $x < 0$:

$$= \frac{d}{dx} \left(-x^{2}\right)$$

$$= @@-2 x@@2 x@@$$
""", "md")
pair("md_next_second_derivative", "D", r"""# The log of one plus a square

$$\frac{d}{dx} \ln\left(1 + x^{2}\right)$$

$$= \frac{2 x}{1 + x^{2}}$$

Next, the second derivative:

$$\frac{d}{dx} \frac{2 x}{1 + x^{2}}$$

$$= \frac{2 \left(1 + x^{2}\right) - 4 x^{2}}{\left(1 + x^{2}\right)^{2}}$$

$$= @@\frac{2 \left(1 - x^{2}\right)}{\left(1 + x^{2}\right)^{2}}@@\frac{2 - 4 x^{2}}{\left(1 + x^{2}\right)^{2}}@@$$
""", "md")
pair("md_redefined_g_row_without_name", "D", r"""# Two inner functions

## An exponential

Let $g(t) = e^{2 t}$.

$$\frac{d}{dt} g(t)$$

$$= 2 e^{2 t}$$

$$= 2 g(t)$$

## A sine

Now let $g(t) = \sin t$.

$$\frac{d}{dt} \sin(2 t)$$

$$= @@2 \cos(2 t)@@\cos(2 t)@@$$

$$= 2 \left(1 - 2 \sin^{2} t\right)$$
""", "md")

# ---------------- E  log-likelihoods of products
pair("bernoulli_log_prod_exponent_sums_swapped", "E", r"""title: Log-likelihood of Bernoulli draws
symbols:
  x: vector
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \log \prod_{i=1}^{n} p^{x_i} (1 - p)^{1 - x_i}
cases:
  - when: 0 < p < 1
    steps:
      - = \sum_{i=1}^{n} \left(x_i \log p + (1 - x_i) \log(1 - p)\right)
      - @@= \log p \sum_{i=1}^{n} x_i + \log(1 - p) \left(n - \sum_{i=1}^{n} x_i\right)@@= \log p \left(n - \sum_{i=1}^{n} x_i\right) + \log(1 - p) \sum_{i=1}^{n} x_i@@
      - = n \log(1 - p) + \log\frac{p}{1 - p} \sum_{i=1}^{n} x_i
""")
pair("bernoulli_score_failures_count", "E", r"""title: The slope of a Bernoulli log-likelihood
symbols:
  x: vector
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \frac{d}{dp} \sum_{i=1}^{n} \left(x_i \ln p + (1 - x_i) \ln(1 - p)\right)
cases:
  - when: 0 < p < 1
    steps:
      - = \sum_{i=1}^{n} \left(\frac{x_i}{p} - \frac{1 - x_i}{1 - p}\right)
      - @@= \frac{1}{p} \sum_{i=1}^{n} x_i - \frac{1}{1 - p} \left(n - \sum_{i=1}^{n} x_i\right)@@= \frac{1}{p} \sum_{i=1}^{n} x_i - \frac{1}{1 - p} \sum_{i=1}^{n} x_i@@
      - = \frac{\sum_{i=1}^{n} x_i - n p}{p (1 - p)}
""")
pair("md_bernoulli_log_prod_failures_sign", "E", r"""# Log-likelihood of Bernoulli draws

Let $n$ be a positive integer.

Let $0 < p < 1$.

$$\log \prod_{i=1}^{n} p^{x_i} (1 - p)^{1 - x_i}$$

$$= \sum_{i=1}^{n} \left(x_i \log p + (1 - x_i) \log(1 - p)\right)$$

$$= @@\log p \sum_{i=1}^{n} x_i + \log(1 - p) \left(n - \sum_{i=1}^{n} x_i\right)@@\log p \sum_{i=1}^{n} x_i + \log(1 - p) \left(\sum_{i=1}^{n} x_i - n\right)@@$$

$$= n \log(1 - p) + \log \frac{p}{1 - p} \sum_{i=1}^{n} x_i$$
""", "md")
pair("md_bernoulli_score_n_lost", "E", r"""# The score of Bernoulli draws

Let $n$ be a positive integer.

Let $0 < p < 1$.

$$\frac{d}{dp} \left(\log p \sum_{i=1}^{n} x_i + \log(1 - p) \left(n - \sum_{i=1}^{n} x_i\right)\right)$$

$$= \frac{1}{p} \sum_{i=1}^{n} x_i - \frac{1}{1 - p} \left(n - \sum_{i=1}^{n} x_i\right)$$

$$= @@\frac{\sum_{i=1}^{n} x_i - n p}{p (1 - p)}@@\frac{\sum_{i=1}^{n} x_i - p}{p (1 - p)}@@$$
""", "md")
pair("md_poisson_log_prod_n_lost", "E", r"""# Log-likelihood of Poisson counts (without the factorials)

Let $n$ be a positive integer.

Let $\lambda > 0$.

$$\log \prod_{i=1}^{n} \left(\lambda^{x_i} e^{-\lambda}\right)$$

$$= \sum_{i=1}^{n} \left(x_i \log \lambda - \lambda\right)$$

$$= @@\log \lambda \sum_{i=1}^{n} x_i - n \lambda@@\log \lambda \sum_{i=1}^{n} x_i - \lambda@@$$

$$= \sum_{i=1}^{n} x_i \log \lambda - \lambda n$$
""", "md")
pair("geometric_log_prod_n_lost", "E", r"""title: Log-likelihood of geometric draws
symbols:
  x: vector
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \ln \prod_{i=1}^{n} \left(p (1 - p)^{x_i - 1}\right)
cases:
  - when: 0 < p < 1
    steps:
      - = \sum_{i=1}^{n} \left(\ln p + (x_i - 1) \ln(1 - p)\right)
      - @@= n \ln p + \ln(1 - p) \left(\sum_{i=1}^{n} x_i - n\right)@@= \ln p + \ln(1 - p) \left(\sum_{i=1}^{n} x_i - n\right)@@
      - = n \ln\frac{p}{1 - p} + \ln(1 - p) \sum_{i=1}^{n} x_i
""")

# ---------------- F  steps only numbers can check
pair("gelu_tanh_coefficient_typo", "F", r"""title: GELU's tanh approximation as a logistic
steps:
  - \frac{x}{2} \left(1 + \tanh\left(\sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)\right)\right)
  - = \frac{x}{1 + e^{-2 \sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)}}
  - @@= x - \frac{x}{1 + e^{2 \sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)}}@@= x - \frac{x}{1 + e^{2 \sqrt{\frac{2}{\pi}} \left(x + 0.04475 x^{3}\right)}}@@
""")
pair("md_gelu_tanh_slope_sqrt_two_pi", "F", r"""# The slope of GELU's inner tanh

$$\frac{d}{dx} \tanh\left(\sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)\right)$$

$$= @@\left(1 - \tanh^{2}\left(\sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)\right)\right) \sqrt{\frac{2}{\pi}} \left(1 + 0.134145 x^{2}\right)@@\left(1 - \tanh^{2}\left(\sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)\right)\right) \sqrt{2 \pi} \left(1 + 0.134145 x^{2}\right)@@$$

$$= \frac{\sqrt{\frac{2}{\pi}} \left(1 + 0.134145 x^{2}\right)}{\cosh^{2}\left(\sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)\right)}$$
""", "md")
pair("gaussian_cdf_slope_truncated_constant", "F", r"""title: The slope of the Gaussian CDF written with erf
steps:
  - \frac{d}{dx} \frac{1}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)
  - = \frac{1}{2} \cdot \frac{2}{\sqrt{\pi}} e^{-\frac{x^{2}}{2}} \cdot \frac{1}{\sqrt{2}}
  - @@= \frac{1}{\sqrt{2 \pi}} e^{-\frac{x^{2}}{2}}@@= 0.39894228 e^{-\frac{x^{2}}{2}}@@
  - = \frac{e^{-\frac{x^{2}}{2}}}{\sqrt{2 \pi}}
""")
pair("md_softplus_large_argument_tail_dropped", "F", r"""# Softplus for large inputs

$$\ln\left(1 + e^{x}\right)$$

$$= \ln\left(e^{x} \left(e^{-x} + 1\right)\right)$$

$$= @@x + \ln\left(1 + e^{-x}\right)@@x@@$$
""", "md")
pair("gamma_half_truncated_sqrt_pi", "F", r"""title: Gamma at one half, and a rounded square root of pi
steps:
  - 2 \Gamma\left(\frac{3}{2}\right) x^{2}
  - = \Gamma\left(\frac{1}{2}\right) x^{2}
  - @@= \sqrt{\pi} x^{2}@@= 1.7724538509 x^{2}@@
  - = x^{2} \sqrt{\pi}
""")
pair("md_softplus_slope_large_x_tail", "F", r"""# The slope of softplus

$$\frac{d}{dx} \ln\left(1 + e^{x}\right)$$

$$= \frac{e^{x}}{1 + e^{x}}$$

$$= @@1 - \frac{1}{1 + e^{x}}@@1 - e^{-x}@@$$

$$= \frac{1}{1 + e^{-x}}$$
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

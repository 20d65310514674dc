#!/usr/bin/env python3
"""Write the attack-28 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  where a prose assumption ends, and where it must not end
pair("md_in_general_any_real", "A", r"""# Square roots of squares

Let $x > 0$.

$$\sqrt{x^2} = x$$

$$\frac{d}{dx} \sqrt{x^2 + 2x + 1} = 1$$

In general, for any real $x$:

$$\sqrt{x^2 + 2x + 1}$$

@@$$= |x + 1|$$@@$$= x + 1$$@@
""", "md")
pair("md_more_generally_no_letter", "A", r"""# Roots of products

Let $a > 0$ and $b > 0$.

$$\sqrt{a^2 b} = a \sqrt{b}$$

More generally, the square root of a product of two squares is:

$$\sqrt{a^2 b^2}$$

@@$$= |a b|$$@@$$= a |b|$$@@
""", "md")
pair("md_now_let_any_then_again", "A", r"""# Positive and negative parts

Let $z \ge 0$.

$$\max(z, 0) = z$$

Now let $z$ be any real number.

$$\max(z, 0) - \max(-z, 0)$$

@@$$= z$$@@$$= |z|$$@@

Again let $z \ge 0$.

$$\max(z, 0) + \max(-z, 0) = z$$
""", "md")
pair("md_second_letter_shares_cue", "A", r"""# A root of a perfect square in two letters

Let $x > 0$ and $z \ge 0$.

$$\sqrt{z^2 + 2 z x + x^2}$$

@@$$= z + x$$@@$$= |z - x| + 2z$$@@
""", "md")
pair("md_widening_names_other_letter", "A", r"""# Scaling a square root

Let $x > 0$.

$$\sqrt{x^2} = x$$

Now let $y$ be any real number.

$$\sqrt{x^2 y^2}$$

@@$$= x |y|$$@@$$= |x| y$$@@
""", "md")
pair("md_for_all_positive_assumes", "A", r"""# Two roots

For all $x > 0$,

$$\sqrt{x^2 - 2x + 1} - \sqrt{x^2}$$

@@$$= |x - 1| - x$$@@$$= -1$$@@
""", "md")

# ---------------- B  conditions in prose right after a display, and remarks that are none
pair("md_given_that_after_display", "B", r"""# A root of a perfect square

$$\sqrt{x^2 + 2x + 1}$$

@@$$= x + 1$$@@$$= |x| + 1$$@@

given that $x \ge -1$.
""", "md")
pair("md_where_i_neq_j_softmax", "B", r"""# An off-diagonal softmax derivative

$$\frac{\partial p_i}{\partial z_j}$$

$$= -\frac{e^{z_i} e^{z_j}}{\left(\sum_{k=1}^{n} e^{z_k}\right)^2}$$

@@$$= -p_i p_j$$@@$$= p_i (1 - p_j)$$@@

where $i \neq j$ and $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$.
""", "md")
pair("md_valid_for_interval_arctan", "B", r"""# An arctangent identity

$$\arctan \frac{1 + x}{1 - x}$$

@@$$= \frac{\pi}{4} + \arctan x$$@@$$= \arctan x - \frac{3\pi}{4}$$@@

(valid for $0 < x < 1$)
""", "md")
pair("md_provided_nonzero_log_abs", "B", r"""# Derivative of the log of an absolute value

$$\frac{d}{dx} \ln|x|$$

@@$$= \frac{1}{x}$$@@$$= \frac{1}{|x|}$$@@

provided $x \neq 0$.
""", "md")
pair("md_remark_code_uses_softplus", "B", r"""# Softplus without overflow

$$\ln\left(1 + e^{x}\right)$$

@@$$= \max(x, 0) + \ln\left(1 + e^{-|x|}\right)$$@@$$= x + \ln\left(1 + e^{-|x|}\right)$$@@

The code uses this form for $x \geq 0$, where $e^{x}$ would overflow.
""", "md")

# ---------------- C  row conditions in align
pair("md_align_whenever", "C", r"""# Roots of perfect squares

\begin{align*}
\sqrt{x^2 + 2x + 1} &= |x + 1| \\
@@\sqrt{x^2 - 2x + 1} &= x - 1 && \text{whenever } x \ge 1@@\sqrt{x^2 - 2x + 1} &= x - 1 && \text{whenever } x \ge 0@@
\end{align*}
""", "md")
pair("md_align_provided_that", "C", r"""# Fourth root of a fourth power

\begin{align*}
\left(x^{4}\right)^{1/4} &= -x && \text{provided that } x < 0 \\
@@\left(x^{4}\right)^{1/4} &= x && \text{provided that } x > 0@@\left(x^{4}\right)^{1/4} &= x && \text{provided that } x \neq 0@@
\end{align*}
""", "md")
pair("md_align_unless", "C", r"""# Signs

\begin{align*}
\operatorname{sign}(x) \cdot |x| &= x \\
@@\operatorname{sign}(x)^2 &= 1 && \text{unless } x = 0@@\operatorname{sign}(x)^2 &= 1 && \text{unless } x < 0@@
\end{align*}
""", "md")
pair("yaml_why_for_all", "C", r"""title: A root of a square
steps:
  - \sqrt{x^2}
  - @@= |x| \quad | \text{for all } x@@= x \quad | \text{for all } x@@
""")
pair("md_align_if_in_parens", "C", r"""# A root and its reciprocal

\begin{align*}
\sqrt{x^2 + \frac{1}{x^2} + 2} &= x + \frac{1}{x} && \text{(if } x>0) \\
@@\sqrt{x^2 + \frac{1}{x^2} - 2} &= \left|x - \frac{1}{x}\right| && \text{(if } x>0)@@\sqrt{x^2 + \frac{1}{x^2} - 2} &= x - \frac{1}{x} && \text{(if } x>0)@@
\end{align*}
""", "md")
pair("md_align_since_mentions_relation", "C", r"""# A root of a square

\begin{align*}
\sqrt{x^2 + 2x + 1} &= \sqrt{(x + 1)^2} \\
@@&= |x + 1| && \text{since } (x + 1)^2 \ge 0@@&= x + 1 && \text{since } (x + 1)^2 \ge 0@@
\end{align*}
""", "md")

# ---------------- D  percents and number spelling
pair("percent_decimal_discount", "D", r"""title: A discount of 12.5 percent
steps:
  - 200 \cdot (1 - 12.5\%)
  - = 200 \cdot 0.875
  - @@= 175@@= 187.5@@
""")
pair("percent_of_percent", "D", r"""title: Five percent of five percent
steps:
  - 5\% \cdot 5\%
  - = \frac{1}{400}
  - @@= 0.25\%@@= 2.5\%@@
""")
pair("percent_in_powers", "D", r"""title: Two raises of twenty percent
symbols:
  x: {positive: true}
steps:
  - \left(1 + 20\%\right)^{2} x^{100\%}
  - @@= 1.44 x@@= 1.4 x@@
""")
pair("decimal_point_one_plus_point_two", "D", r"""title: Decimal sums are exact
steps:
  - 0.1 + 0.2
  - @@= 0.3@@= 0.30000000000000004@@
""")
pair("md_thirds_and_letter_percent", "D", r"""# Up and down by the same percent

A price $p$ goes up by $x\%$ and then down by $x\%$; it ends below where it started.

$$p \left(1 + \frac{x}{100}\right) \left(1 - \frac{x}{100}\right) = p - \frac{p x^2}{10\,000}$$

With a third taken off:

$$1 - \frac{1}{3}$$

@@$$= \frac{2}{3}$$@@$$= 0.6666666666666666$$@@
""", "md")

# ---------------- E  heavy simplification, near-identical false twins
pair("exp_half_log_positive", "E", r"""title: An exponential of logarithms
symbols:
  x: {positive: true}
  y: {positive: true}
steps:
  - \exp\left(\frac{1}{2} \ln\left(x^2 y\right) - \ln \sqrt{y}\right)
  - @@= x@@= \frac{x}{\sqrt{y}}@@
""")
pair("log_base_change_four_two", "E", r"""title: Logarithms in bases 4 and 2
symbols:
  x: {positive: true}
steps:
  - \log_{4} x + \log_{2} x
  - = \frac{\ln x}{2 \ln 2} + \frac{\ln x}{\ln 2}
  - @@= \log_{2}\left(x \sqrt{x}\right)@@= \log_{4}\left(x \sqrt{x}\right)@@
""")
pair("sum_cubes_square_half", "E", r"""title: Sum of cubes
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n} k^{3}
  - @@= \left(\frac{n (n + 1)}{2}\right)^{2}@@= \frac{n^{2} (n + 1)^{2}}{2}@@
""")
pair("power_log_swap_base", "E", r"""title: Swapping a power and a logarithm
symbols:
  x: {positive: true}
  y: {positive: true}
steps:
  - x^{\log_{2} y}
  - = 2^{\log_{2} x \cdot \log_{2} y}
  - @@= y^{\log_{2} x}@@= y^{\ln x}@@
""")

# ---------------- F  dependent double sums and index swaps
pair("double_sum_swap_dependent", "F", r"""title: Swapping a triangular double sum
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{i=1}^{n} \sum_{j=1}^{i} \frac{j}{i}
  - @@= \sum_{j=1}^{n} \sum_{i=j}^{n} \frac{j}{i}@@= \sum_{j=1}^{n} \sum_{i=1}^{j} \frac{j}{i}@@
""")
pair("pairs_below_count", "F", r"""title: Counting pairs i < j
symbols:
  n: {integer: true, nonnegative: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - \sum_{j=1}^{n} \sum_{i < j} 1
  - @@= \frac{n (n - 1)}{2}@@= \frac{n (n + 1)}{2}@@
""")
pair("vector_double_sum_swap", "F", r"""title: Swapping the order of an upper triangle
symbols:
  n: {integer: true, positive: true}
  a: vector
  b: vector
steps:
  - \sum_{i=1}^{n} \sum_{j=i}^{n} a_i b_j
  - @@= \sum_{j=1}^{n} \sum_{i=1}^{j} a_i b_j@@= \sum_{j=1}^{n} \sum_{i=j}^{n} a_i b_j@@
""")
pair("harmonic_swap_collapse", "F", r"""title: A double sum of reciprocals
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{k=1}^{n} \sum_{j=k}^{n} \frac{1}{j}
  - = \sum_{j=1}^{n} \sum_{k=1}^{j} \frac{1}{j}
  - @@= n@@= \sum_{j=1}^{n} \frac{n - j + 1}{j}@@
""")
pair("md_triangle_peel_first_row_n0", "F", r"""# Counting a triangle

Let $n$ be a nonnegative integer.

$$\sum_{i=1}^{n} \sum_{j=1}^{i} 1$$

@@$$= \frac{n (n + 1)}{2}$$@@$$= 1 + \sum_{i=2}^{n} \sum_{j=1}^{i} 1$$@@
""", "md")

# ---------------- G  softmax, cross-entropy, sigmoid as ML notes write them
pair("md_softmax_jacobian_otherwise", "G", r"""# Softmax Jacobian

Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$ be the softmax of the logits.

$$\frac{\partial p_i}{\partial z_j}$$

If $i = j$:

$$= \frac{e^{z_i} \sum_{k=1}^{n} e^{z_k} - e^{z_i} e^{z_i}}{\left(\sum_{k=1}^{n} e^{z_k}\right)^2}$$

$$= p_i (1 - p_i)$$

Otherwise:

$$= -\frac{e^{z_i} e^{z_j}}{\left(\sum_{k=1}^{n} e^{z_k}\right)^2}$$

@@$$= -p_i p_j$$@@$$= -p_i (1 - p_j)$$@@
""", "md")
pair("md_bce_soft_label_otherwise", "G", r"""# Binary cross-entropy

The loss is $\ell = -y \ln \sigma(z) - (1 - y) \ln(1 - \sigma(z))$, where $\sigma(z) = \frac{1}{1 + e^{-z}}$ is the sigmoid.

$$\frac{\partial \ell}{\partial z}$$

$$= -y \left(1 - \sigma(z)\right) + (1 - y) \sigma(z)$$

If $y = 1$:

$$= \sigma(z) - 1$$

Otherwise:

@@$$= \sigma(z) - y$$@@$$= \sigma(z)$$@@
""", "md")
pair("softmax_ce_cases_sign", "G", r"""title: Cross-entropy through softmax
symbols:
  z: vector
  n: {integer: true, positive: true}
  i, gamma: {kind: index, range: [1, n]}
definitions:
  p_k: \frac{e^{z_k}}{\sum_{j=1}^{n} e^{z_j}}
  Loss: -\ln(p_\gamma)
steps:
  - \frac{\partial \text{Loss}}{\partial z_i}
  - = -\frac{\partial}{\partial z_i} \left(z_\gamma - \ln \sum_{j=1}^{n} e^{z_j}\right)
cases:
  - when: \gamma = i
    steps:
      - = p_i - 1
  - when: \gamma \neq i
    steps:
      - @@= p_i@@= -p_i@@
""")
pair("md_sigmoid_derivative_cosh", "G", r"""# Sigmoid derivative

The sigmoid is $\sigma(x) = \frac{1}{1 + e^{-x}}$.

$$\frac{d}{dx} \sigma(x)$$

$$= \frac{e^{-x}}{\left(1 + e^{-x}\right)^2}$$

$$= \sigma(x) \left(1 - \sigma(x)\right)$$

@@$$= \frac{1}{4 \cosh^2\left(\frac{x}{2}\right)}$$@@$$= \frac{1}{4 \cosh^2 x}$$@@
""", "md")

# ---------------- H  everyday derivative drills, one slip among several
pair("md_drills_quotient_sign", "H", r"""# Derivative drills

## 1. Chain rule

$$\frac{d}{dx} \sin\left(x^2\right) = 2x \cos\left(x^2\right)$$

## 2. Product rule

$$\frac{d}{dx} \left(x^2 e^{-x}\right) = x e^{-x} (2 - x)$$

## 3. Quotient rule

$$\frac{d}{dx} \frac{x}{1 + x^2}$$

@@$$= \frac{1 - x^2}{\left(1 + x^2\right)^2}$$@@$$= \frac{x^2 - 1}{\left(1 + x^2\right)^2}$$@@

## 4. Chain rule again

$$\frac{d}{dx} \ln\left(1 + e^{2x}\right) = \frac{2 e^{2x}}{1 + e^{2x}}$$
""", "md")
pair("md_primed_rows_factor", "H", r"""# Three chain rules

Let $f(x) = \ln\left(1 + x^2\right)$, $g(x) = \sqrt{1 + x^2}$ and $h(x) = \left(1 + x^2\right)^{-3}$.

$$f'(x) = \frac{2x}{1 + x^2}$$

$$g'(x) = \frac{x}{\sqrt{1 + x^2}}$$

@@$$h'(x) = -\frac{6x}{\left(1 + x^2\right)^{4}}$$@@$$h'(x) = -\frac{3x}{\left(1 + x^2\right)^{4}}$$@@
""", "md")
pair("drills_derivations_quotient", "H", r"""title: Derivative drills
derivations:
  - title: a power tower
    symbols:
      x: {positive: true}
    steps:
      - \frac{d}{dx} x^{x}
      - = \frac{d}{dx} e^{x \ln x}
      - = x^{x} (\ln x + 1)
  - title: a product
    steps:
      - \frac{d}{dx} \left(x^{3} \sin x\right)
      - = 3 x^{2} \sin x + x^{3} \cos x
  - title: a quotient
    steps:
      - \frac{d}{dx} \frac{e^{x}}{1 + e^{x}}
      - @@= \frac{e^{x}}{\left(1 + e^{x}\right)^{2}}@@= \frac{e^{2x}}{\left(1 + e^{x}\right)^{2}}@@
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

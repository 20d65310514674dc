#!/usr/bin/env python3
"""Write the attack-30 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  empty ranges and bounds
pair("tail_peel_last_i_eq_n", "A", r"""title: Odd numbers above i, the last one peeled
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \sum_{k=i+1}^{n} (2k - 1)
  - @@= n^{2} - i^{2}@@= (2n - 1) + \sum_{k=i+1}^{n-1} (2k - 1)@@
""")
pair("prod_from_three_n1", "A", r"""title: Product from three
symbols:
  n: {integer: true, positive: true}
steps:
  - \prod_{k=3}^{n} k
  - @@= \frac{(\max(n, 2))!}{2}@@= \frac{n!}{2}@@
""")
pair("sum_k_lt_j_declared_from_2", "A", r"""title: A strict prefix over an index declared from two
symbols:
  n: {integer: true, positive: true}
  j: {kind: index, range: [1, n]}
  k: {kind: index, range: [2, n]}
steps:
  - \sum_{k < j} 2^{k}
  - @@= \max(2^{j} - 4, 0)@@= 2^{j} - 4@@
""")
pair("declared_range_lower_names_index", "A", r"""title: A range whose lower bound names another index
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
  j: {kind: index, range: [i, n]}
steps:
  - \sum_{i=1}^{n} \sum_{j} \frac{1}{j}
  - @@= n@@= n \sum_{m=1}^{n} \frac{1}{m}@@
""")
pair("md_prod_one_minus_inverse_square_n1", "A", r"""# A telescoping product

Let $n$ be a positive integer.

$$\prod_{k=2}^{n} \left(1 - \frac{1}{k^{2}}\right)$$

@@$$= \frac{n + 1}{2n}$$@@$$= \frac{3}{4} \prod_{k=3}^{n} \left(1 - \frac{1}{k^{2}}\right)$$@@
""", "md")

# ---------------- B  reading numbers and words
pair("percent_exponent", "B", r"""title: Percents as exponents
symbols:
  x: {positive: true}
steps:
  - x^{50\%} \cdot x^{25\%}
  - @@= x^{\frac{3}{4}}@@= x^{\frac{1}{8}}@@
""")
pair("float_square_repr", "B", r"""title: Squaring one point one
steps:
  - 1.1^{2} x
  - @@= 1.21 x@@= 1.2100000000000002 x@@
""")
pair("cases_or_and_precedence", "B", r"""title: And binds before or
steps:
  - \begin{cases} 1 & x > 3 \text{ or } x > 1 \text{ and } x < 2 \\ 0 & \text{otherwise} \end{cases}
  - @@= \begin{cases} 1 & 1 < x < 2 \\ 1 & x > 3 \\ 0 & \text{otherwise} \end{cases}@@= \begin{cases} 1 & 1 < x < 2 \\ 0 & \text{otherwise} \end{cases}@@
""")
pair("md_thin_space_decimal", "B", r"""# One sixty-fourth

$$\frac{x}{64}$$

@@$$= 0.015\,625 x$$@@$$= 0.015\,652 x$$@@
""", "md")
pair("md_percent_denominator", "B", r"""# Removing a markup

A price $y$ includes a markup of 25\%; the price before the markup is

$$\frac{y}{125\%}$$

@@$$= \frac{4}{5} y$$@@$$= 0.75 y$$@@
""", "md")
pair("md_unless_whenever", "B", r"""# Distance to two, shifted

\begin{align*}
|x - 2| + x &= 2 && \text{unless } x > 2 \\
@@|x - 2| + x &= 2x - 2 && \text{whenever } x \ge 2@@|x - 2| + x &= 2x - 2 && \text{whenever } x \ge 0@@
\end{align*}
""", "md")

# ---------------- C  kinks and jumps
pair("relu_square_closed_end", "C", r"""title: Derivative of a squared rectifier, closed at the joint
steps:
  - \frac{d}{dx} \max(x, 0)^{2}
cases:
  @@- {when: x \le 0, steps: [= 0]}@@- {when: x \le 0, steps: [= 2 \min(x, 0)]}@@
  - {when: x > 0, steps: [= 2x]}
""")
pair("min_tangent_line", "C", r"""title: A minimum that never switches
steps:
  - \frac{d}{dx} \min(x^{2}, 2x - 1)
  - @@= 2@@= \min(2x, 2)@@
""")
pair("md_staircase_floor_ceil", "C", r"""# A staircase times powers

$$\frac{d}{dx} \left(\lfloor x \rfloor x^{2} + \lceil x \rceil x\right)$$

If $1 < x < 2$:

$$= 2x + 2$$

If $2 < x < 3$:

@@$$= 4x + 3$$@@$$= 6x + 2$$@@
""", "md")
pair("sign_times_square_pseudo_kink", "C", r"""title: Sign times a square is smooth
steps:
  - \frac{d}{dx} \left(\operatorname{sign}(x) x^{2}\right)
  - @@= 2|x|@@= 2x \operatorname{sign}(x) + \operatorname{sign}(x)^{2} - 1@@
""")
pair("md_abs_three_halves", "C", r"""# A power of the absolute value

$$\frac{d}{dx} |x|^{\frac{3}{2}}$$

@@$$= \frac{3}{2} \operatorname{sign}(x) \sqrt{|x|}$$@@$$= \frac{3}{2} \sqrt{|x|}$$@@
""", "md")

# ---------------- D  derivatives by a defined name, chain rule through definitions
pair("partial_by_defined_z", "D", r"""title: Backward through a pre-activation
definitions:
  z: w x + b
  L: (z - t)^{2}
steps:
  - \frac{\partial L}{\partial z}
  - @@= 2 (z - t)@@= 2 x (z - t)@@
""")
pair("chain_through_function_defs", "D", r"""title: Chain rule through two defined functions
definitions:
  g(t): t^{3}
  h(x): \sin(x)
steps:
  - \frac{d}{dx} g(h(x))
  - = g'(h(x)) \cdot h'(x)
  - @@= 3 \sin^{2}(x) \cos(x)@@= 3 \cos^{2}(x)@@
""")
pair("partial_by_name_rest_held", "D", r"""title: A partial derivative by a name, the rest held
definitions:
  p: x^{2}
  q: p + x
steps:
  - \frac{\partial q}{\partial p}
  - @@= 1@@= 1 + \frac{1}{2x}@@
""")
pair("md_du_sqrt_prose", "D", r"""# Derivative of a root by its radicand

Let $u = x^2 + 1$.

$$\frac{d}{du} \sqrt{u}$$

@@$$= \frac{1}{2 \sqrt{u}}$$@@$$= \frac{x}{\sqrt{u}}$$@@
""", "md")
pair("md_chain_two_prose_defs", "D", r"""# Chain rule through two names

Let $v = e^{2x}$ and $w = v^2 + v$.

$$\frac{dw}{dx}$$

$$= \frac{dw}{dv} \cdot \frac{dv}{dx}$$

$$= (2v + 1) \cdot 2 e^{2x}$$

@@$$= 4 e^{4x} + 2 e^{2x}$$@@$$= 4 e^{4x} + e^{2x}$$@@
""", "md")

# ---------------- E  letters that are also constants or operators
pair("sum_index_e", "E", r"""title: A sum whose index is e
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{e=1}^{n} e
  - @@= \frac{n(n+1)}{2}@@= n \exp(1)@@
""")
pair("declared_i_euler", "E", r"""title: A real exponent named i
symbols:
  i: {positive: true}
steps:
  - e^{i \pi} \cdot e^{-\pi}
  - @@= e^{\pi (i - 1)}@@= -e^{-\pi}@@
""")
pair("declared_Gamma_product", "E", r"""title: A positive constant named Gamma
symbols:
  Gamma: {positive: true}
  n: {integer: true, positive: true}
steps:
  - \Gamma(n + 1)
  - @@= \Gamma n + \Gamma@@= n!@@
""")
pair("md_e_declared_elasticity", "E", r"""# Sensitivity to the elasticity

Let $e > 0$ be the elasticity.

$$\frac{d}{de} \left(e^{2} x\right)$$

@@$$= 2 e x$$@@$$= 0$$@@
""", "md")
pair("md_sum_index_d", "E", r"""# A derivative of a sum indexed by d

$$\frac{d}{dx} \sum_{d=1}^{3} d \, x^{d}$$

$$= \sum_{d=1}^{3} d^{2} x^{d - 1}$$

@@$$= 1 + 4x + 9x^{2}$$@@$$= 1 + 2x + 3x^{2}$$@@
""", "md")

# ---------------- F  sampling traps
pair("narrow_bump_1e5", "F", r"""title: A bump 2e-5 wide
steps:
  - \max(0, 10^{-5} - |x - 2|)
  - @@= \begin{cases} 10^{-5} - |x - 2| & |x - 2| < 10^{-5} \\ 0 & \text{otherwise} \end{cases}@@= 0@@
""")
pair("log_cap_far", "F", r"""title: A capped log-square
steps:
  - \min(\ln(1 + x^{2}), 50)
  - @@= \ln(\min(1 + x^{2}, e^{50}))@@= \ln(1 + x^{2})@@
""")
pair("min_size_product_504", "F", r"""title: A cap written as a product
symbols:
  n: {integer: true, positive: true}
steps:
  - \min(n, 7 \cdot 8 \cdot 9)
  - @@= \frac{n + 504 - |n - 504|}{2}@@= n@@
""")
pair("md_power_tiny_exponent_shift", "F", r"""# A power tower nudged

Let $x > 0$.

$$x^{x + 10^{-30}}$$

@@$$= x^{x} \cdot x^{10^{-30}}$$@@$$= x^{x}$$@@
""", "md")
pair("md_sum_min_100", "F", r"""# Sum of capped integers

Let $n$ be a positive integer.

$$\sum_{k=1}^{n} \min(k, 100)$$

@@$$= \begin{cases} \frac{n(n+1)}{2} & n \le 100 \\ 100 n - 4950 & \text{otherwise} \end{cases}$$@@$$= \frac{n(n+1)}{2}$$@@
""", "md")

# ---------------- G  assumptions stated in prose, and where they end
pair("md_widened_even_root", "G", r"""# Roots of sixth powers

Let $t > 0$.

$$\sqrt{t^{6}} = t^{3}$$

In general, for any real $t$:

@@$$\sqrt{t^{6}} = |t|^{3}$$@@$$\sqrt{t^{6}} = t^{3}$$@@
""", "md")
pair("md_restated_after_widening", "G", r"""# Positive parts

Let $z \ge 0$.

$$\max(z, 0) = z$$

In general, for any real $z$:

@@$$\frac{|z| + z}{2} = \max(z, 0)$$@@$$\frac{|z| + z}{2} = z$$@@

Again let $z \ge 0$.

$$\sqrt{z^{2}} = z$$
""", "md")
pair("md_where_ab_positive_section", "G", r"""# Lengths

Here we work with lengths, where $a, b > 0$.

$$\ln(a b) = \ln a + \ln b$$

## Signed values

$$\sqrt{a^{2} b^{2}}$$

@@$$= |a b|$$@@$$= a b$$@@
""", "md")
pair("md_code_uses_form_for", "G", r"""# A rectifier in code

The kernel uses this formula for $x \ge 0$.

@@$$\frac{x + |x|}{2} = \max(x, 0)$$@@$$\frac{x + |x|}{2} = x$$@@
""", "md")
pair("md_now_any_real_one_letter", "G", r"""# Products under a root

Let $u \ge 0$ and $v > 0$.

$$\sqrt{u^{2} v^{2}} = u v$$

Now let $u$ be any real number.

$$\sqrt{u^{2} v^{2}}$$

@@$$= |u| v$$@@$$= u v$$@@
""", "md")

# ---------------- H  notes layouts
pair("md_if_otherwise_delta", "H", r"""# Gradient of a scaled norm

Let $n$ be a positive integer.

Let $q = \sum_{k=1}^{n} x_k^{2}$.

$$\frac{\partial}{\partial x_j} \left(x_i q\right)$$

If $i = j$:

$$= q + 2 x_i^{2}$$

Otherwise:

@@$$= 2 x_i x_j$$@@$$= 2 x_i x_j + q$$@@
""", "md")
pair("md_given_that_after_display", "H", r"""# A cube of a shifted absolute value

@@$$\frac{d}{dx} |x + 1|^{3} = 3 (x + 1)^{2}$$@@$$\frac{d}{dx} |x + 1|^{3} = 3 (x + 1)^{2} \operatorname{sign}(x)$$@@
given that $x \ge -1$.
""", "md")
pair("md_ampamp_since_for", "H", r"""# A cubic with a bar

\begin{align*}
\frac{d}{dx} \left(x^{2} |x|\right) &= 3 x |x| && \text{since } |x|^{2} = x^{2} \\
@@&= -3 x^{2} && \text{for } x < 0@@&= 3 x^{2} && \text{for } x < 0@@
\end{align*}
""", "md")
pair("md_heading_closes_cases", "H", r"""# Part one: the slope of |x|

$$\frac{d}{dx} |x|$$

If $x > 0$:

$$= 1$$

If $x < 0$:

$$= -1$$

# Part two: a positive part

$$|x| + x$$

@@$$= 2 \max(x, 0)$$@@$$= 0$$@@
""", "md")
pair("md_similarly_closes_case", "H", r"""# Clipping a linear unit

$$\frac{d}{dt} \max(t, 0)$$

If $t > 0$:

$$= 1$$

If $t < 0$:

$$= 0$$

Similarly, the value times its input:

$$\max(t, 0) \cdot t$$

@@$$= \frac{t^{2} (1 + \operatorname{sign}(t))}{2}$$@@$$= 0$$@@
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

#!/usr/bin/env python3
"""Write the attack-29 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  empty ranges
pair("pow2_shift_closed_n0", "A", r"""title: Powers of two from the second
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n-1} 2^{k}
  - = 2 \sum_{k=0}^{n-2} 2^{k}
  - @@= \max(2^{n} - 2, 0)@@= 2^{n} - 2@@
""")
pair("md_cos_double_product_peel_n0", "A", r"""# A telescoping product of cosines

Let $n$ be a nonnegative integer.

$$\prod_{k=0}^{n-1} \cos(2^{k} x)$$

@@$$= \frac{\sin(2^{n} x)}{2^{n} \sin x}$$@@$$= \cos x \prod_{k=1}^{n-1} \cos(2^{k} x)$$@@
""", "md")
pair("dependent_bound_peel_i_eq_n", "A", r"""title: Telescoping tail
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \sum_{j=i+1}^{n} \frac{1}{j(j-1)}
  - @@= \frac{1}{i} - \frac{1}{n}@@= \frac{1}{i(i+1)} + \sum_{j=i+2}^{n} \frac{1}{j(j-1)}@@
""")
pair("md_alternating_binomial_n1", "A", r"""# An alternating weighted binomial sum

Let $n$ be a nonnegative integer.

$$\sum_{k=0}^{n} (-1)^{k} k \binom{n}{k}$$

$$= -n \sum_{m=0}^{n-1} (-1)^{m} \binom{n-1}{m}$$

@@$$= \begin{cases} -1 & n = 1 \\ 0 & \text{otherwise} \end{cases}$$@@$$= 0$$@@
""", "md")

# ---------------- B  bound bookkeeping
pair("sum_k_le_j_from_zero", "B", r"""title: Geometric prefix with a declared lower bound
symbols:
  n: {integer: true, positive: true}
  j: {kind: index, range: [1, n]}
  k: {kind: index, range: [0, n]}
steps:
  - \sum_{k \le j} 2^{k}
  - @@= 2^{j+1} - 1@@= 2^{j+1} - 2@@
""")
pair("declared_range_names_index", "B", r"""title: A range that names another index
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
  j: {kind: index, range: [1, i]}
steps:
  - \sum_{i=1}^{n} \sum_{j} \frac{j}{i}
  - @@= \frac{n(n+3)}{4}@@= \frac{n(n+1)}{2} \sum_{i=1}^{n} \frac{1}{i}@@
""")
pair("sum_upper_triangle_partial", "B", r"""title: Gradient of an upper-triangular quadratic
symbols:
  x: vector
  n: {integer: true, positive: true}
  j: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial x_j} \sum_{k=1}^{n} \sum_{m=k}^{n} x_k x_m
  - @@= \sum_{k=1}^{j} x_k + \sum_{m=j}^{n} x_m@@= \sum_{k=1}^{j-1} x_k + \sum_{m=j}^{n} x_m@@
""")
pair("md_sum_le_bounds", "B", r"""# Partial fractions

Let $n$ be a positive integer.

$$\sum_{1 \le k \le n} \frac{1}{k(k+1)}$$

@@$$= \frac{n}{n+1}$$@@$$= \frac{n-1}{n}$$@@
""", "md")

# ---------------- C  reading numbers and words
pair("decimal_float_repr", "C", r"""title: Adding tenths
steps:
  - 0.1 x + 0.2 x
  - @@= 0.3 x@@= 0.30000000000000004 x@@
""")
pair("md_thin_space_power", "C", r"""# Counting subsets of twenty

$$2^{20} y$$

@@$$= 1\,048\,576 y$$@@$$= 1\,048\,567 y$$@@
""", "md")
pair("md_percent_discount", "C", r"""# A discount and a markup

A price $p$ is cut by 20\% and then raised by 25\%.

$$p \cdot (1 - 20\%)(1 + 25\%)$$

@@$$= p$$@@$$= 1.05 p$$@@
""", "md")
pair("cases_and_or_endpoint", "C", r"""title: A ramp on the unit interval
steps:
  - \begin{cases} 0 & x < 0 \text{ or } x > 1 \\ x & \text{otherwise} \end{cases}
  - @@= \begin{cases} x & 0 \le x \text{ and } x \le 1 \\ 0 & \text{otherwise} \end{cases}@@= \begin{cases} x & 0 < x \text{ and } x < 1 \\ 0 & \text{otherwise} \end{cases}@@
""")

# ---------------- D  kinks and jumps
pair("max_square_kinks", "D", r"""title: Derivative of max(x^2, x)
steps:
  - \frac{d}{dx} \max(x^2, x)
cases:
  - {when: x < 0, steps: [= 2x]}
  - {when: 0 < x < 1, steps: [= 1]}
  @@- {when: x > 1, steps: [= 2x]}@@- {when: x \ge 1, steps: [= 2x]}@@
""")
pair("md_abs_minus_square_derivative", "D", r"""# A one-sided square

$$\frac{d}{dx} \left(|x| - x\right)^2$$

@@$$= 2 (|x| - x) (\operatorname{sign}(x) - 1)$$@@$$= 2 (|x| - x) (1 - \operatorname{sign}(x))$$@@
""", "md")
pair("jump_equal_slopes", "D", r"""title: A jump with equal slopes
definitions:
  g(x): \begin{cases} x & x < 1 \\ x + 1 & \text{otherwise} \end{cases}
steps:
  - \frac{d}{dx} g(x)
cases:
  - {when: x < 1, steps: [= 1]}
  @@- {when: x > 1, steps: [= 1]}@@- {when: x \ge 1, steps: [= 1]}@@
""")
pair("md_abs_sine_derivative", "D", r"""# Derivative of |sin x|

$$\frac{d}{dx} |\sin x|$$

If $\sin x > 0$:

$$= \cos x$$

If $\sin x < 0$:

@@$$= -\cos x$$@@$$= \operatorname{sign}(x) \cos x$$@@
""", "md")
pair("max_plus_min_partial", "D", r"""title: Max plus min
steps:
  - \frac{\partial}{\partial x} \left(\max(x, y) + \min(x, y)\right)
  - @@= 1@@= \operatorname{sign}(x - y)^2@@
""")

# ---------------- E  derivatives through definitions
pair("du_written_in_u", "E", r"""title: Derivative by a defined name
definitions:
  u: x^2 + 1
steps:
  - \frac{d}{du} \ln(u)
  - @@= \frac{1}{u}@@= \frac{2x}{u}@@
""")
pair("second_derivative_by_name", "E", r"""title: Second derivative by a defined name
definitions:
  s: \sin(x)
  y: s^3
steps:
  - \frac{d^2 y}{d s^2}
  - @@= 6 s@@= 6 s \cos^2 x - 3 s^2 \sin x@@
""")
pair("md_partial_through_family", "E", r"""# Gradient of a squared linear map

Let $n$ be a positive integer.

Let $z_k = \sum_{j=1}^{n} W_{k,j} x_j$.

$$\frac{\partial}{\partial x_j} \sum_{k=1}^{n} z_k^2$$

@@$$= 2 \sum_{k=1}^{n} z_k W_{k,j}$$@@$$= 2 \sum_{k=1}^{n} z_k W_{j,k}$$@@
""", "md")
pair("md_second_derivative_defined", "E", r"""# Second derivative through a name

Let $v = x^2 + 1$ and $q = v^3$.

$$\frac{d^2 q}{dx^2}$$

$$= \frac{d}{dx}\left(6 x v^2\right)$$

@@$$= 6 v^2 + 24 x^2 v$$@@$$= 6 v^2 + 12 x^2 v$$@@
""", "md")

# ---------------- F  letters that are also constants or operators
pair("e_declared_positive", "F", r"""title: A positive variable named e
symbols:
  e: {positive: true}
steps:
  - \ln(e^{2})
  - @@= 2 \ln(e)@@= 2@@
""")
pair("index_i_square", "F", r"""title: An index named i
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - (i + 1)^2 - 2i
  - @@= i^2 + 1@@= 0@@
""")
pair("md_d_as_variable", "F", r"""# A parameter named d

Let $d > 0$ be the spacing.

$$\frac{d}{dx} \left(d x^2\right)$$

@@$$= 2 d x$$@@$$= 2 x$$@@
""", "md")
pair("md_sum_index_i", "F", r"""# Sum of squares

Let $n$ be a positive integer.

$$\sum_{i=1}^{n} i^2$$

@@$$= \frac{n(n+1)(2n+1)}{6}$$@@$$= -n$$@@
""", "md")

# ---------------- G  sampling traps
pair("binom_sum_truncated_20", "G", r"""title: Row sums of Pascal's triangle
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{k=0}^{n} \binom{n}{k}
  - @@= 2^{n}@@= \sum_{k=0}^{20} \binom{n}{k}@@
""")
pair("log_clip_tiny", "G", r"""title: A clipped logarithm
symbols:
  x: {positive: true}
steps:
  - \ln\left(\max(x, 10^{-7})\right)
  - @@= \max(\ln x, -7 \ln 10)@@= \ln x@@
""")
pair("md_narrow_window_abs", "G", r"""# Two nearby kinks

$$|x - 3| + |x - 3.0001|$$

@@$$= \max(|2x - 6.0001|, 0.0001)$$@@$$= |2x - 6.0001|$$@@
""", "md")
pair("cancellation_square_1e20", "G", r"""title: Expanding around a large shift
steps:
  - (x + 10^{20})^2 - 10^{40}
  - @@= 2 \cdot 10^{20} x + x^2@@= 2 \cdot 10^{20} x@@
""")
pair("md_saturating_far", "G", r"""# A saturating unit

$$\min(x, 10^{4}) + \max(x - 10^{4}, 0)$$

@@$$= x$$@@$$= \min(x, 10^{4})$$@@
""", "md")

# ---------------- H  declared facts inside cases
pair("positive_log_case", "H", r"""title: Logarithm plus its absolute value
symbols:
  x: {positive: true}
steps:
  - \ln x + |\ln x|
cases:
  - when: x < 1
    steps:
      - @@= 0@@= 2 \ln x@@
  - when: x \ge 1
    steps:
      - = 2 \ln x
""")
pair("integer_floor_ceil_case", "H", r"""title: Halves of a large integer
symbols:
  n: {integer: true, positive: true}
steps:
  - \lfloor \frac{n}{2} \rfloor + \lceil \frac{n}{2} \rceil
cases:
  - when: n > 20
    steps:
      - @@= n@@= 2 \lfloor \frac{n}{2} \rfloor@@
""")
pair("md_cases_overlap_first_row", "H", r"""# A step with overlapping rows

$$\begin{cases} 1 & x \ge 0 \\ 0 & x \le 0 \end{cases}$$

@@$$= \begin{cases} 0 & x < 0 \\ 1 & \text{otherwise} \end{cases}$$@@$$= \frac{1 + \operatorname{sign}(x)}{2}$$@@
""", "md")
pair("positive_tiny_floor_round", "H", r"""title: A tiny positive number scaled
symbols:
  x: {positive: true}
steps:
  - \lfloor 10^{6} x \rfloor
cases:
  - when: x < 10^{-6}
    steps:
      - @@= \lceil 10^{6} x \rceil - 1@@= \lfloor 10^{6} x + \frac{1}{2} \rfloor@@
""")

# ---------------- I  notes layouts
pair("md_goal_prose_cases", "I", r"""# Derivative of a root of a square

$$\frac{d}{dx} \sqrt{x^2 + 2x + 1}$$

If $x > -1$:

$$= 1$$

If $x < -1$:

@@$$= -1$$@@$$= 1$$@@
""", "md")
pair("md_definition_continuation", "I", r"""# Logistic cost

$$\text{Cost} = \ln(1 + e^{z}) - z y$$

$$= z + \ln(1 + e^{-z}) - z y$$

@@$$= \ln(1 + e^{-z}) + (1 - y) z$$@@$$= \ln(1 + e^{-z}) + (y - 1) z$$@@
""", "md")
pair("md_for_n_equals_cases", "I", r"""# Sum of cubes

Let $n$ be a positive integer.

$$\sum_{k=1}^{n} k^3$$

$$= \frac{n^2 (n+1)^2}{4}$$

For $n = 3$:

$$= 36$$

For $n = 4$:

@@$$= 100$$@@$$= 36 + 3^3$$@@
""", "md")
pair("md_sanity_check_why", "I", r"""# Slope of the softplus

$$\frac{d}{dx} \ln(1 + e^{x})$$

@@$$= \frac{e^{x}}{1 + e^{x}} \quad | \quad x = 0 \quad \text{sanity check}$$@@$$= \frac{1}{1 + e^{x}} \quad | \quad x = 0 \quad \text{sanity check}$$@@
""", "md")
pair("md_drills_independent", "I", r"""# Drills

## Drill 1

$$\frac{d}{dx} x e^{x} = (x + 1) e^{x}$$

## Drill 2

$$\frac{d}{dt} \cos^2 t = -\sin 2t$$

## Drill 3

$$\frac{d}{du} \frac{u}{1 + u^2}$$

@@$$= \frac{1 - u^2}{(1 + u^2)^2}$$@@$$= \frac{1 + 3u^2}{(1 + u^2)^2}$$@@
""", "md")
pair("md_align_ampamp_whys", "I", r"""# Power tower

Let $x > 0$.

\begin{align*}
\frac{d}{dx} x^{x} &= \frac{d}{dx} e^{x \ln x} && \text{rewrite} \\
&= e^{x \ln x} (\ln x + 1) && \text{chain rule} \\
@@&= x^{x} (\ln x + 1) && \text{back to powers}@@&= x^{x-1} (x \ln x + 1) && \text{back to powers}@@
\end{align*}
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

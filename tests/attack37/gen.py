#!/usr/bin/env python3
"""Write the attack-37 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). Every false twin is what a plausible misreading of
the notation on the line before it (or on its own left side) gives."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  differentials and derivatives typeset variously
pair("operatorname_d_operator", "A", r"""title: Product rule, the upright d typed with \operatorname
steps:
  - \frac{\operatorname{d}}{\operatorname{d}x} \left(x^{2} \sin x\right)
  - @@= 2 x \sin x + x^{2} \cos x@@= x \sin x@@
""")
pair("rm_d_leibniz_defined", "A", r"""title: Leibniz quotient with plain TeX's {\rm d}
definitions:
  y: x^{3} e^{x}
steps:
  - \frac{{\rm d} y}{{\rm d} x}
  - @@= \left(3 x^{2} + x^{3}\right) e^{x}@@= x^{2} e^{x}@@
""")
pair("mixed_partial_thin_space", "A", r"""title: A mixed second partial with a thin space between the differentials
steps:
  - \frac{\partial^{2}}{\partial x\,\partial y} \left(x^{3} y^{2}\right)
  - @@= 6 x^{2} y@@= 6 x y^{2}@@
""")
pair("md_superscript_order_three", "A", r"""# Third derivative of a quintic plus a sine

Let $g(x) = x^{5} + \sin x$.

$$g'(x) = 5 x^{4} + \cos x$$

$$g^{(3)}(x) = @@60 x^{2} - \cos x@@\left(x^{5} + \sin x\right)^{3}@@$$
""", "md")
pair("md_prime_prime_superscript", "A", r"""# Curvature of a gamma-like bump

Let $h(t) = t^{3} e^{-t}$.

$$h^{\prime}(t) = \left(3 t^{2} - t^{3}\right) e^{-t}$$

$$h^{\prime\prime}(t) = @@\left(6 t - 6 t^{2} + t^{3}\right) e^{-t}@@\left(3 t^{2} - t^{3}\right) e^{-t}@@$$
""", "md")
pair("md_text_d_over_leibniz", "A", r"""# Slope of the upper branch of a hyperbola

$$y = \sqrt{1 + x^{2}}$$

$${\text{d} y \over \text{d} x} = @@\frac{x}{\sqrt{1 + x^{2}}}@@\frac{\sqrt{1 + x^{2}}}{x}@@$$
""", "md")

# ---------------- B  function application vs product
pair("sin_squared_unbraced_double_angle", "B", r"""title: A squared sine of a double angle, argument without brackets
steps:
  - \sin^{2} 2x
  - @@= \frac{1 - \cos(4 x)}{2}@@= x \left(\sin(2)\right)^{2}@@
""")
pair("cos_argument_stops_at_sin", "B", r"""title: Product to sum, two unbraced arguments side by side
steps:
  - \cos 2x \sin x
  - @@= \frac{1}{2} \left(\sin(3 x) - \sin(x)\right)@@= \cos\left(2 x \sin(x)\right)@@
""")
pair("sigmoid_bracket_product", "B", r"""title: The sigmoid's slope, a defined function followed by a bracket
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - \frac{d}{dx} \sigma(x)
  - = \sigma(x)(1 - \sigma(x))
  - @@= \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}@@= \frac{1}{1 + \exp\left(-x \left(1 - \frac{1}{1 + e^{-x}}\right)\right)}@@
""")
pair("tanh_squared_not_iterate", "B", r"""title: The slope of tanh, a squared function name
steps:
  - \frac{d}{dx} \tanh x
  - = 1 - \tanh^{2} x
  - @@= \frac{1}{\left(\cosh(x)\right)^{2}}@@= 1 - \tanh\left(\tanh(x)\right)@@
""")
pair("md_text_sign_times_abs", "B", r"""# The signed magnitude

The sign times the magnitude gives the number back:

$$\text{sign}(x)|x| = @@x@@\operatorname{sign}(x)@@$$
""", "md")
pair("md_sin_x_squared_unbraced", "B", r"""# Chain rule through an unbraced argument

$$\frac{d}{dx} \sin x^{2} = @@2 x \cos\left(x^{2}\right)@@2 \sin(x) \cos(x)@@$$
""", "md")

# ---------------- C  superscripts and subscripts
pair("ln_ten_power_times_x", "C", r"""title: A scale of a thousandth, undone
symbols:
  x: {positive: true}
steps:
  - \ln\left(10^{3} \cdot 10^{-3}x\right)
  - @@= \ln x@@= 3 (1 - x) \ln 10@@
""")
pair("tower_power_right_assoc", "C", r"""title: A tower of powers is read from the top
steps:
  - \frac{\ln\left(2^{3^{x}}\right)}{\ln 2}
  - @@= 3^{x}@@= 3 x@@
""")
pair("matrix_element_two_digit_subscript", "C", r"""title: A bilinear form by one matrix entry written W_{21}
symbols:
  W: matrix
  a: vector
  b: vector
steps:
  - \frac{\partial}{\partial W_{21}} \sum_{i=1}^{2} \sum_{j=1}^{2} a_i W_{i,j} b_j
  - @@= a_2 b_1@@= 0@@
""")
pair("sample_label_product_derivative", "C", r"""title: A sample label x^{(2)} is no power of x
steps:
  - \frac{\partial}{\partial x} \left(x^{(2)} x^{2}\right)
  - @@= 2 x x^{(2)}@@= 4 x^{3}@@
""")
pair("md_gaussian_exponent_over_two", "C", r"""# Slope of the standard normal density

Let $f(x) = \frac{1}{\sqrt{2\pi}} e^{-x^2/2}$.

$$f'(x) = @@-\frac{x}{\sqrt{2\pi}} \exp\left(-\frac{x^{2}}{2}\right)@@-\frac{x}{\sqrt{2\pi}} \exp\left(-x^{2}\right)@@$$
""", "md")
pair("md_hat_family_mean_shift", "C", r"""# Moving the centre of standardised values

Let $s > 0$.

Let $\hat{x}_k = \frac{x_k - \mu}{s}$.

$$\frac{\partial}{\partial \mu} \sum_{k=1}^{n} \hat{x}_k^{2}$$

$$= @@-\frac{2}{s^{2}} \sum_{k=1}^{n} \left(x_k - \mu\right)@@0@@$$
""", "md")

# ---------------- D  grouping and spacing
pair("half_x_times_half_over_x", "D", r"""title: Half of x times one over twice x
steps:
  - \frac12 x \cdot \frac{1}{2x}
  - @@= \frac{1}{4}@@= \frac{1}{4 x^{2}}@@
""")
pair("slash_chain_left_assoc", "D", r"""title: Two slashes in a row divide from the left
steps:
  - x^{3}/2/x
  - @@= \frac{x^{2}}{2}@@= \frac{x^{4}}{2}@@
""")
pair("bigl_bracket_power", "D", r"""title: A sized bracket still groups its power
steps:
  - \bigl(x + 1\bigr)^{2} - x^{2}
  - @@= 2 x + 1@@= x + 1 - x^{2}@@
""")
pair("left_brace_grouping", "D", r"""title: Braces, brackets and parentheses nested
steps:
  - 3 \left\{x - \left[2 - (x + 1)\right]\right\}
  - @@= 6 x - 3@@= 4 x - 1@@
""")
pair("md_big_bracket_cube", "D", r"""# Chain rule through a big bracket

$$\frac{d}{dx} \Big[x^{2} + 1\Big]^{3} = @@6 x \left(x^{2} + 1\right)^{2}@@2 x@@$$
""", "md")
pair("md_thin_space_thousands", "D", r"""# A thousand, grouped with a thin space

$$\frac{d}{dx}\left(1\,000\, x^{2} + x\right) = @@2000 x + 1@@1@@$$
""", "md")

# ---------------- E  sums and products typeset variously
pair("sum_limits_plus_outside", "E", r"""title: Sum of squares with \limits, then one more
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum\limits_{k=1}^{n} k^{2} + 1
  - @@= \frac{n (n + 1) (2 n + 1)}{6} + 1@@= \frac{n (n + 1) (2 n + 1)}{6} + n@@
""")
pair("nested_lower_bound_outer", "E", r"""title: An inner sum that starts at the outer index
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{i=1}^{n} \sum_{j=i}^{n} j
  - @@= \frac{n (n + 1) (2 n + 1)}{6}@@= \frac{n^{2} (n + 1)}{2}@@
""")
pair("sum_pair_comma_product", "E", r"""title: A double sum written with one comma
symbols:
  x: vector
  y: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
steps:
  - \sum_{i,j} x_i y_j
  - @@= \left(\sum_{i=1}^{n} x_i\right) \left(\sum_{j=1}^{n} y_j\right)@@= \sum_{k=1}^{n} x_k y_k@@
""")
pair("md_displaystyle_minus_n_outside", "E", r"""# Twice the first n integers, less n

Let $n$ be a positive integer.

$$\displaystyle\sum_{k=1}^{n} 2 k - n = @@n^{2}@@n@@$$
""", "md")
pair("md_sum_bracket_power_inside", "E", r"""# Squares of the odd numbers

Let $n$ be a positive integer.

$$\sum_{k=1}^{n} \left(2 k - 1\right)^{2} = @@\frac{n (2 n - 1) (2 n + 1)}{3}@@n^{4}@@$$
""", "md")
pair("md_sum_all_but_one", "E", r"""# Leaving one term out

Here $1 \le i \le n$.

$$\sum_{j \neq i} x_j = @@\sum_{j=1}^{n} x_j - x_i@@\sum_{j=1}^{n} x_j@@$$
""", "md")

# ---------------- F  notes typesetting
pair("md_display_broken_midexpression", "F", r"""# Derivative of a cubic, typed over two lines

$$\frac{d}{dx}\left(x^{3} - 3 x\right) = 3 x^{2}
- 3$$

@@$$= 3 \left(x^{2} - 1\right)$$@@$$= 3 x^{2}$$@@
""", "md")
pair("md_align_tag_nonumber", "F", r"""# Product rule, numbered

\begin{align}
\frac{d}{dx}\left(x^{2} \sin x\right) &= 2 x \sin x + x^{2} \cos x \tag{2} \\
@@&= x \left(2 \sin x + x \cos x\right) \nonumber \\@@&= 2 x \left(2 \sin x + x \cos x\right) \nonumber \\@@
\end{align}
""", "md")
pair("md_github_escaped_subscript", "F", r"""# A gradient as typed in a GitHub README

$$\frac{\partial}{\partial x}\left(x\_1 \* x^{2}\right) = @@2 x\_1 x@@3 x^{2}@@$$
""", "md")
pair("md_tex_comment_hides_term", "F", r"""# A cubic's slope, one term commented out

$$\frac{d}{dx}\left(x^{3}
% + 2 x
+ 5 x\right) = @@3 x^{2} + 5@@3 x^{2} + 7@@$$
""", "md")
pair("md_cancel_term_still_there", "F", r"""# A crossed-out term is still a term

$$\frac{d}{dx}\left(x^{2} \cancel{- x}\right) = @@2 x - 1@@-3 x^{2}@@$$
""", "md")
pair("md_operator_bracket_cdot_next_line", "F", r"""# A derivative times a factor, over two lines

$$\frac{d}{dx}\left(x^{2}\right)
\cdot e^{x} = @@2 x e^{x}@@\left(2 x + x^{2}\right) e^{x}@@$$
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
        assert name.startswith("md_") == (ext == "md"), name
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
    from collections import Counter
    print(f"wrote {len(P)} pairs", sorted(Counter((c, e) for _, c, e, _ in P).items()))

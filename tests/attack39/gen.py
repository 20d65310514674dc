#!/usr/bin/env python3
"""Write the attack-39 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). Each pair sits next to a recent fix (attack34-38:
residues of (-1)^n and floors, \\mathrm{d} and points of derivatives, words that give a name a
value, ≤ ≥ ≠ and array cases, layout rows, numbers as typeset); its false twin is what a
plausible misreading there makes true."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  integer arithmetic next to the residue rung
pair("alt_squares_unbracketed_minus_one", "A", r"""title: An alternating sum of squares
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n} (-1)^{k+1} k^{2}
  - @@= (-1)^{n+1} \frac{n (n + 1)}{2}@@= -1^{n+1} \frac{n (n + 1)}{2}@@
""")
pair("floor_half_either_sign", "A", r"""title: The floor of a half, for an integer of either sign
symbols:
  n: {integer: true}
steps:
  - \left\lfloor \frac{n}{2} \right\rfloor
  - @@= \frac{n}{2} - \frac{1 - (-1)^{n}}{4}@@= \frac{|n|}{2} - \frac{1 - (-1)^{n}}{4}@@
""")
pair("md_cos_odd_multiple_of_pi", "A", r"""# A cosine at an odd multiple of pi

Let $n$ be an integer.

$$\cos\left((2 n + 1) \pi\right) \cdot (-1)^{n}$$

$$= @@(-1)^{n + 1}@@-1@@$$
""", "md")
pair("md_alternating_ones_floor_minus_ceil", "A", r"""# Counting the odd terms of an alternating sum

Let $n$ be a nonnegative integer.

$$\sum_{k=1}^{n} (-1)^{k}$$

$$= @@\left\lfloor \frac{n}{2} \right\rfloor - \left\lceil \frac{n}{2} \right\rceil@@\left\lfloor \frac{n}{2} \right\rfloor - \frac{n}{2}@@$$
""", "md")
pair("ceil_half_not_symmetric", "A", r"""title: The ceiling of a half, for an integer of either sign
symbols:
  n: {integer: true}
steps:
  - \left\lceil \frac{n}{2} \right\rceil
  - @@= \frac{n}{2} + \frac{1 - (-1)^{n}}{4}@@= \operatorname{sign}(n) \left\lfloor \frac{|n| + 1}{2} \right\rfloor@@
""")
pair("md_floor_of_negated_third", "A", r"""# The floor of a negated third

Let $n$ be an integer.

$$\left\lfloor \frac{-n}{3} \right\rfloor$$

$$= @@-\left\lceil \frac{n}{3} \right\rceil@@-\left\lfloor \frac{n}{3} \right\rfloor@@$$
""", "md")

# ---------------- B  derivative notations
pair("md_dfrac_second_derivative_at_one", "B", r"""# Curvature of a damped cubic at one

Let $y = x^{3} e^{2 x}$.

$$\dfrac{\mathrm{d}^{2} y}{\mathrm{d}x^{2}}(1) = @@22 e^{2}@@\left(6 x + 12 x^{2} + 4 x^{3}\right) e^{2 x}@@$$
""", "md")
pair("md_tfrac_mixed_partial", "B", r"""# A mixed partial of an exponential of a product

Let $u = e^{x y}$.

$$\tfrac{\partial^{2} u}{\partial x \partial y} = @@\left(1 + x y\right) e^{x y}@@y^{2} e^{x y}@@$$
""", "md")
pair("dot_x_is_its_own_name", "B", r"""title: A velocity is a name of its own
steps:
  - \frac{d}{dx}\left(x^{2} \dot{x}\right)
  - @@= 2 x \dot{x}@@= 3 x^{2}@@
""")
pair("dn_mathrm_order_n_sign", "B", r"""title: The n-th derivative of x e^{-x}
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \frac{\mathrm{d}^{n}}{\mathrm{d}x^{n}} \left(x e^{-x}\right)
  - @@= (-1)^{n} (x - n) e^{-x}@@= (x - n) e^{-x}@@
""")
pair("md_leibniz_at_named_point", "B", r"""# The slope of a cube at a named point

Let $y = x^{3}$.

$$\frac{\mathrm{d} y}{\mathrm{d} x}(a) = @@3 a^{2}@@3 a x^{2}@@$$
""", "md")
pair("partial_subscript_operators_stacked", "B", r"""title: Two partial operators in a row
steps:
  - \partial_x \partial_y \left(x^{3} y^{2}\right)
  - @@= 6 x^{2} y@@= 3 x^{2} y^{2}@@
""")

# ---------------- C  prose (and rows) that give values
pair("md_colon_equals_row_defines", "C", r"""# A name given by a := row

$$u := x^{2} + 1$$

$$\frac{d}{dx}\left(x u\right) = @@3 x^{2} + 1@@u@@$$
""", "md")
pair("md_take_in_why_column", "C", r"""# A name taken in a why

$$\frac{d}{dx} e^{x^{2}} = 2 x e^{x^{2}} \quad | \quad \text{take } v = e^{x^{2}}$$

$$\frac{d}{dx}\left(x v\right) = @@\left(1 + 2 x^{2}\right) v@@v@@$$
""", "md")
pair("md_shortintertext_set", "C", r"""# A name set between two rows

\begin{align*}
\frac{d}{dx} \sin x &= \cos x
\shortintertext{Set $w = \sin x$.}
@@\frac{d}{dx}\left(x w\right) &= w + x \cos x@@\frac{d}{dx}\left(x w\right) &= w@@
\end{align*}
""", "md")
pair("md_list_item_defines_value", "C", r"""# A name given in a list of notation

Notation:

- $q = 3 x - 1$

$$\frac{d}{dx}\left(x q\right) = @@6 x - 1@@q@@$$
""", "md")
pair("md_denote_after_use", "C", r"""# A product with a name denoted afterwards

$$\frac{d}{dx}\left(e^{x} s\right) = @@e^{x} \left(s + \cos x\right)@@e^{x} s@@$$

Here we denote $s = \sin x$.
""", "md")
pair("def_text_key_operatorname_use", "C", r"""title: A defined word written with another wrapper
definitions:
  \text{gain}: x^{2} + 1
steps:
  - \frac{d}{dx}\left(x \operatorname{gain}\right)
  - @@= 3 x^{2} + 1@@= \operatorname{gain}@@
""")

# ---------------- D  conditions and cases
pair("md_leqslant_closed_case", "D", r"""# A ramp plus a sign on the closed negative side

$$\frac{|x| + x}{2} + \operatorname{sign}(x)$$

If $x \leqslant 0$:

$$= @@\operatorname{sign}(x)@@-1@@$$
""", "md")
pair("md_array_cases_geqslant", "D", r"""# A step function that is one at zero

$$\left\{\begin{array}{ll} 1 & \text{if } x \geqslant 0 \\ 0 & \text{if } x < 0 \end{array}\right.$$

$$= @@\left\lceil \frac{1 + \operatorname{sign}(x)}{2} \right\rceil@@\frac{1 + \operatorname{sign}(x)}{2}@@$$
""", "md")
pair("cases_or_outside_interval", "D", r"""title: A bump that is zero outside the unit interval
steps:
  - \begin{cases} 0 & x < -1 \text{ or } x > 1 \\ 1 - x^{2} & \text{otherwise} \end{cases}
  - @@= \max\left(0, 1 - x^{2}\right)@@= 1 - x^{2}@@
""")
pair("cases_and_second_condition", "D", r"""title: A square on the open first quadrant
steps:
  - \begin{cases} x^{2} & x > 0 \text{ and } y > 0 \\ 0 & \text{otherwise} \end{cases}
  - @@= \max(x, 0)^{2} \left\lfloor \frac{1 + \operatorname{sign}(y)}{2} \right\rfloor@@= \max(x, 0)^{2}@@
""")
pair("md_for_every_real_widens", "D", r"""# A number times its sign

Let $x > 0$.

$$x \operatorname{sign}(x) = x$$

Now, for every real $x$:

$$x \operatorname{sign}(x) = @@|x|@@x@@$$
""", "md")
pair("md_array_cases_ne_removable", "D", r"""# A removable gap filled with zero

$$\left\{\begin{array}{ll} \frac{x^{2} - x}{x} & \text{if } x \ne 0 \\ 0 & \text{otherwise} \end{array}\right.$$

$$= @@x - \left|\operatorname{sign}(x)\right|@@x - 1@@$$
""", "md")

# ---------------- E  layout
pair("md_row_over_two_lines_leading_minus", "E", r"""# A row written over two lines

$$
x^{2} + 2 x + 1
- (x + 1)^{2} + x = @@x@@-x^{2} - x - 1@@
$$
""", "md")
pair("md_tag_not_a_factor", "E", r"""# A tagged derivative of a logarithm

$$\frac{d}{dx} \ln\left(x^{2} + 1\right) = \frac{2 x}{x^{2} + 1} \tag{3}$$

$$= @@2 x \left(x^{2} + 1\right)^{-1}.@@\frac{6 x}{x^{2} + 1}.@@$$
""", "md")
pair("md_percent_comment_hides_term", "E", r"""# A term commented out of a display

$$\frac{d}{dx}\left(x^{3} % + x^{2}
+ x\right) = @@3 x^{2} + 1@@3 x^{2} + 2 x + 1@@$$
""", "md")
pair("md_html_comment_definition_ignored", "E", r"""# A definition left in a comment

<!-- draft: let $u = x^{2}$ -->

$$\frac{d}{dx}\left(x u\right) = @@u@@3 x^{2}@@$$
""", "md")
pair("text_paren_number_is_why", "E", r"""title: Chain rule with an equation number pasted after it
steps:
  - \frac{d}{dx} \sin\left(x^{2}\right)
  - @@= 2 x \cos\left(x^{2}\right) \text{(chain rule)}@@= x \cos\left(x^{2}\right) \text{(2)}@@
""")
pair("md_intertext_point_is_no_case", "E", r"""# A remark about one point between rows

\begin{align*}
\frac{d}{dx} \cos(2 x) &= -2 \sin(2 x)
\intertext{which vanishes at $x = 0$; written out,}
&= @@-4 \sin x \cos x@@0@@
\end{align*}
""", "md")

# ---------------- F  numbers and symbols as typeset
pair("thin_space_thousands_not_product", "F", r"""title: Dividing by two and a half thousand
steps:
  - \frac{x}{2\,500}
  - @@= 0.0004 x@@= 0.001 x@@
""")
pair("md_percent_sign_not_comment", "F", r"""# A rate of twelve and a half percent

$$\frac{d}{dx}\left(12.5\% \cdot x^{2}\right) = @@\frac{x}{4}@@25 x@@$$
""", "md")
pair("infinite_cos_series_alternating", "F", r"""title: The cosine series
steps:
  - \sum_{k=0}^{\infty} \frac{(-1)^{k} x^{2 k}}{(2 k)!}
  - @@= \cos x@@= \cosh x@@
""")
pair("md_thin_space_decimal_trailing_group", "F", r"""# A quarter written with six decimals

$$\frac{d}{dx}\left(0.250\,000 \cdot x^{4}\right) = @@x^{3}@@0@@$$
""", "md")
pair("md_over_inside_braces_scope", "F", r"""# A TeX fraction inside a bracket

$$\frac{d}{dx}\left(x^{2} + {x^{3} \over 3}\right) = @@2 x + x^{2}@@\frac{2 x + 3 x^{2}}{3}@@$$
""", "md")
pair("unicode_minus_one_superscript", "F", r"""title: A square times a reciprocal typed in Unicode
steps:
  - \frac{d}{dx}\left(x^{2} \cdot x⁻¹\right)
  - @@= 1@@= 3 x^{2}@@
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

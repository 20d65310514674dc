#!/usr/bin/env python3
"""Write the attack-31 twin pairs (notes segmentation). Each body holds exactly one line with
`@@TRUE@@FALSE@@`: the true twin gets TRUE, the false twin FALSE plus the mark
(`<!-- expect: failed -->` in Markdown notes, `% expect: failed` in LaTeX notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="md"):
    P.append((name, cls, ext, body))

# ---------------- A  rows that begin with `=` and carry their own condition
pair("md_row_cond_delta_cube", "A", r"""# A cube plus a sum, entry by entry

Let $n$ be a positive integer.

\begin{align*}
\frac{\partial}{\partial x_j} \left(x_i^{3} + \sum_{k=1}^{n} x_k\right) &= 3 x_i^{2} + 1, \quad i = j \\
@@&= 1, \quad i \neq j@@&= 3 x_i^{2} + 1, \quad i \neq j@@
\end{align*}
""")
pair("md_aligned_lone_lhs_qquad_for", "A", r"""# Slope of a square plus a cubed bar

$$
\begin{aligned}
\frac{d}{dx} \left(x^{2} + |x|^{3}\right) \\
@@&= 2x + 3x^{2} \qquad \text{for } x > 0 \\@@&= 2x - 3x^{2} \qquad \text{for } x > 0 \\@@
&= 2x - 3x^{2} \qquad \text{for } x < 0
\end{aligned}
$$
""")
pair("md_split_three_if", "A", r"""# Slope of a floored square

\begin{equation*}
\begin{split}
\frac{d}{dx} \max(x^{2}, 1) &= 2x, \quad \text{if } x > 1 \\
&= 0, \quad \text{if } -1 < x < 1 \\
@@&= 2x, \quad \text{if } x < -1@@&= -2x, \quad \text{if } x < -1@@
\end{split}
\end{equation*}
""")
pair("md_eqnarray_whenever_unless", "A", r"""# Distance to zero plus distance to one

\begin{eqnarray}
|x - 1| + |x| &=& 2x - 1 \qquad \text{whenever } x \ge 1 \nonumber \\
@@&=& 1 \qquad \text{whenever } 0 \le x \le 1 \nonumber \\@@&=& 2x - 1 \qquad \text{whenever } 0 \le x \le 1 \nonumber \\@@
&=& 1 - 2x \qquad \text{unless } x > 0
\end{eqnarray}
""")
pair("md_bracket_aligned_paren_if_then_plain", "A", r"""# Slope of a log of one plus a bar

\[
\begin{aligned}
\frac{d}{dx} \ln\left(1 + |x|\right) &= \frac{1}{1 + x} && \text{(if } x > 0) \\
&= -\frac{1}{1 - x} && \text{if } x<0 \\
@@&= \frac{1}{x - 1}@@&= \frac{1}{1 - x}@@
\end{aligned}
\]
""")
pair("md_mathfence_closed_joints", "A", r"""# Slope of a cubed rectifier

The joint at zero is included on both sides.

```math
\frac{d}{dt} \max(t, 0)^{3} = 3 t^{2}, \quad t \ge 0 \\
@@= 0, \quad t \le 0@@= 3 t^{2}, \quad t \le 0@@
```
""")
pair("tex_align_quad_conditions", "A", r"""\documentclass{article}
\usepackage{amsmath}
\begin{document}
\section{A shifted rectifier times its input}
\begin{align*}
@@\frac{d}{dx} \left((x - 2) \max(x - 2, 0)\right) &= 2 (x - 2), \quad x > 2 \\@@\frac{d}{dx} \left((x - 2) \max(x - 2, 0)\right) &= 0, \quad x > 2 \\@@
&= 0, \quad x < 2
\end{align*}
\end{document}
""", "tex")

# ---------------- B  whys and remarks holding math, beside conditions
pair("md_sanity_check_remark", "B", r"""# A shifted square

\begin{align*}
(x + 1)^{2} - 1 &= x^{2} + 2x && \text{(expand)} \\
@@&= x (x + 2) \qquad \text{sanity check at } x = 0@@&= x^{2} \qquad \text{sanity check at } x = 0@@
\end{align*}
""")
pair("md_quad_bar_why_rightarrow", "B", r"""# Logarithm of one plus a square

$$\frac{d}{dx} \ln\left(x^{2} + 1\right)$$

@@$$= \frac{2x}{x^{2} + 1} \quad | \quad u = x^{2} + 1 \Rightarrow \frac{du}{dx} = 2x$$@@$$= \frac{x}{x^{2} + 1} \quad | \quad u = x^{2} + 1 \Rightarrow \frac{du}{dx} = 2x$$@@
""")
pair("md_ampamp_using_since_implies", "B", r"""# Exponential of a sine

\begin{align*}
\frac{d}{dx} e^{\sin x} &= e^{\sin x} \cdot \frac{d}{dx} \sin x && \text{using } u = \sin x \\
@@&= e^{\sin x} \cos x && \text{since } \frac{d}{dx} \sin x = \cos x \implies \frac{du}{dx} = \cos x@@&= -e^{\sin x} \cos x && \text{since } \frac{d}{dx} \sin x = \cos x \implies \frac{du}{dx} = \cos x@@
\end{align*}
""")
pair("md_remark_as_x_to_zero", "B", r"""# A product of hyperbolic functions

\begin{align*}
\sinh x \cosh x &= \frac{\sinh 2x}{2} \qquad \text{as } 2 \sinh x \cosh x = \sinh 2x \\
@@&= \frac{e^{2x} - e^{-2x}}{4} \qquad \text{exact, not only as } x \to 0@@&= \frac{e^{2x} - e^{-2x}}{2} \qquad \text{exact, not only as } x \to 0@@
\end{align*}
""")
pair("md_for_condition_by_ref", "B", r"""# Logarithm of a cubed bar

We use the rule (1): the derivative of $\ln|x|$ is $\frac{1}{x}$.

\begin{align*}
\frac{d}{dx} \ln\left|x^{3}\right| &= \frac{d}{dx} \left(3 \ln|x|\right) && \text{for } x \neq 0 \\
@@&= \frac{3}{x} && \text{by } (1)@@&= \frac{1}{x} && \text{by } (1)@@
\end{align*}
""")
pair("md_bar_sanity_check_point", "B", r"""# Slope of a self power

Let $x > 0$.

@@$$\frac{d}{dx} x^{x} = x^{x} (\ln x + 1) \quad | \quad x = 1 \quad \text{sanity check}$$@@$$\frac{d}{dx} x^{x} = x^{x} \quad | \quad x = 1 \quad \text{sanity check}$$@@
""")

# ---------------- C  case splits in prose, and where they close
pair("md_case_b1_closed_by_in_general", "C", r"""# Cubes of a sum

$$(a + b)^{3}$$

For $b = 1$:

$$= a^{3} + 3a^{2} + 3a + 1$$

In general:

@@$$(a + b)^{3} - (a - b)^{3} = 6 a^{2} b + 2 b^{3}$$@@$$(a + b)^{3} - (a - b)^{3} = 6 a^{2} + 2$$@@
""")
pair("md_when_comma_otherwise", "C", r"""# Slope of a one-sided square

$$\frac{d}{dx} \left(x \max(x, 0)\right)$$

When $x < 0$,

$$= 0$$

Otherwise:

@@$$= 2x$$@@$$= 0$$@@
""")
pair("md_prose_case_row_condition_nested", "C", r"""# Partial slope of a product of bars

$$\frac{\partial}{\partial x} \left(|x| \cdot |y|\right)$$

If $x < 0$:

\begin{align*}
&= -|y| \\
@@&= y \qquad \text{for } y < 0@@&= -y \qquad \text{for } y < 0@@
\end{align*}

If $x > 0$:

$$= |y|$$
""")
pair("md_new_derivation_closes_case", "C", r"""# Squares of a sum

$$(a + b)^{2}$$

If $a = b$:

$$= 4 a^{2}$$

$$= 4 a b$$

A separate fact, the difference of two squares:

@@$$a^{2} - b^{2} = (a - b)(a + b)$$@@$$a^{2} - b^{2} = (a - b)^{2}$$@@
""")
pair("md_numbered_cases_chain_cond", "C", r"""# Slope of a sum of distances

$$\frac{d}{dx} \left(|x - 1| + |x + 1|\right)$$

Case 1: $x > 1$

$$= 2$$

Case 2: $-1 < x < 1$

@@$$= 0$$@@$$= 2$$@@

Case 3: $x < -1$

$$= -2$$
""")
pair("md_for_a_cases_then_heading", "C", r"""# A leaky rectifier

For $0 < a < 1$:

$$\frac{d}{dz} \max(z, a z)$$

If $z > 0$:

$$= 1$$

If $z < 0$:

$$= a$$

# The value for any slope

@@$$\max(z, a z) = \frac{(1 + a) z + \left|1 - a\right| \cdot |z|}{2}$$@@$$\max(z, a z) = \frac{(1 + a) z + (1 - a) |z|}{2}$$@@
""")

# ---------------- D  chains across displays, prose and headings
pair("md_now_paragraph_then_equals", "D", r"""# Slope of a Lorentzian ratio

$$\frac{d}{dx} \left(\frac{x}{1 + x^{2}}\right) = \frac{(1 + x^{2}) - 2x^{2}}{(1 + x^{2})^{2}}$$

Now the numerator simplifies:

@@$$= \frac{1 - x^{2}}{(1 + x^{2})^{2}}$$@@$$= \frac{1 + x^{2}}{(1 + x^{2})^{2}}$$@@
""")
pair("md_lone_lhs_align_rows", "D", r"""# Squared error, gradient in the weight

\begin{align*}
\frac{\partial}{\partial w} (w x - y)^{2} \\
&= 2 (w x - y) x \\
@@&= 2 w x^{2} - 2 x y@@&= 2 w x^{2} - 2 y@@
\end{align*}
""")
pair("md_goal_after_definition_hence", "D", r"""# Slope of a named sine

$$u = \sin(3x)$$

$$\frac{du}{dx}$$

Hence

@@$$= 3 \cos(3x)$$@@$$= \sin(3x)$$@@
""")
pair("md_heading_then_equals_row", "D", r"""# Part one: a Gaussian bump

$$\frac{d}{dx} e^{x^{2}} = 2 x e^{x^{2}}$$

## Part two: written with exp

@@$$= 2 x \exp(x^{2})$$@@$$= 2 \exp(x^{2})$$@@
""")
pair("md_which_gives_inline_dollars", "D", r"""# A quartic

$$\frac{d}{dx} \left(x^{4} + x^{2}\right)$$

which gives $$= 4x^{3} + 2x$$

that is, @@$$= 2x (2x^{2} + 1)$$@@$$= 2x (2x^{2} + 2)$$@@
""")
pair("md_goal_after_chain_wrong_attach", "D", r"""# Cosine and sine of a square

$$\frac{d}{dx} \cos(x^{2}) = -2x \sin(x^{2})$$

By comparison, the sine:

$$\frac{d}{dx} \sin(x^{2})$$

@@$$= 2x \cos(x^{2})$$@@$$= -2x \sin(x^{2})$$@@
""")

# ---------------- E  several derivations in one file
pair("md_three_facts_lone_goals", "E", r"""# Hyperbolic derivatives

$$\frac{d}{dx} \tanh x = 1 - \tanh^{2} x$$

Likewise,

$$\frac{d}{dx} \coth x$$

$$= 1 - \coth^{2} x$$

Finally,

$$\frac{d}{dx} \mathrm{sech}\, x$$

@@$$= -\mathrm{sech}\, x \tanh x$$@@$$= 1 - \coth^{2} x$$@@
""")
pair("md_system_then_heading_identity", "E", r"""# A small system

Solve the system:

$$x + y = 3$$

$$x - y = 1$$

Adding them gives $x = 2$, so $y = 1$.

# An identity in the same letters

@@$$(x + y)^{2} - (x - y)^{2} = 4 x y$$@@$$(x + y)^{2} - (x - y)^{2} = 4 x + 4 y - 4$$@@
""")
pair("md_set_zero_then_next_derivative", "E", r"""# Minimising a quadratic

$$\frac{d}{dx} \left(x^{2} - 4x + 7\right) = 2x - 4$$

Setting the derivative to zero:

$$2x - 4 = 0$$

$$x = 2$$

Next, the curvature:

@@$$\frac{d}{dx} \left(2x - 4\right) = 2$$@@$$\frac{d}{dx} \left(2x - 4\right) = x$$@@
""")
pair("md_implies_then_heading_goal", "E", r"""# Stationary points of a cubic

$$\frac{d}{dx} \left(x^{3} - 3x\right) = 3x^{2} - 3 \implies x^{2} = 1$$

## Curvature

$$\frac{d}{dx} \left(3x^{2} - 3\right)$$

@@$$= 6x$$@@$$= 6$$@@
""")
pair("md_sigma_lemma_then_main", "E", r"""# Logistic lemma and a log-likelihood

$$\sigma(z) = \frac{1}{1 + e^{-z}}$$

Lemma.

$$\frac{d}{dz} \sigma(z) = \sigma(z) (1 - \sigma(z))$$

Main computation.

$$\frac{d}{dz} \ln \sigma(z)$$

@@$$= 1 - \sigma(z)$$@@$$= \sigma(z) (1 - \sigma(z))$$@@
""")
pair("md_second_gradient_b", "E", r"""# Two gradients of a squared error

Let $L = (w x + b - y)^{2}$.

## Gradient in the weight

$$\frac{\partial L}{\partial w} = 2 (w x + b - y) x$$

## Gradient in the bias

@@$$\frac{\partial L}{\partial b} = 2 (w x + b - y)$$@@$$\frac{\partial L}{\partial b} = 2 (w x + b - y) x$$@@
""")

# ---------------- F  prose definitions and assumptions feeding a chain
pair("md_where_def_after_use", "F", r"""# Root of a shifted square

$$\frac{d}{dx} \sqrt{u}$$

@@$$= \frac{x}{\sqrt{u}}$$@@$$= \frac{1}{2 \sqrt{u}}$$@@

where $u = x^{2} + 1$.
""")
pair("md_where_s_sigmoid_after", "F", r"""# Log-odds of a sigmoid

$$\frac{d}{dz} \ln\left(\frac{s}{1 - s}\right)$$

@@$$= 1$$@@$$= 0$$@@

where $s = \sigma(z)$ is the sigmoid.
""")
pair("md_here_positive_section", "F", r"""# Lengths

Here $a > 0$ is a length.

$$\max(a, -a) = a$$

# Signed offsets

$$\max(a, -a)$$

@@$$= |a|$$@@$$= a$$@@
""")
pair("md_integer_stays_sections", "F", r"""# Whole turns

Let $n$ be a positive integer.

$$\cos(2 \pi n) = 1$$

# Half turns

$$\cos(\pi n)$$

@@$$= (-1)^{n}$$@@$$= 1$$@@
""")
pair("md_valid_for_case_no_leak", "F", r"""# Clipped values

$$\max(t, 1) = t$$
valid for $t \ge 1$.

Without any restriction on $t$:

@@$$\min(t, 1) \cdot t = \frac{t (t + 1 - |t - 1|)}{2}$$@@$$\min(t, 1) \cdot t = t$$@@
""")
pair("md_where_list_after_chain", "F", r"""# A difference of squares in disguise

$$a^{2} - b^{2}$$

$$= (a - b)(a + b)$$

@@$$= 4x$$@@$$= 2x$$@@

where $a = x + 1$, $b = x - 1$.
""")

MARK = {"md": " <!-- expect: failed -->", "tex": " % expect: failed"}
if __name__ == "__main__":
    for f in os.listdir(HERE):
        if re.search(r"\.(true|false)\.(md|tex)$", f):
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

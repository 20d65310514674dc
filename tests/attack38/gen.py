#!/usr/bin/env python3
"""Write the attack-38 twin pairs (all Markdown notes). Each body holds exactly one line with
`@@TRUE@@FALSE@@`: the true twin gets TRUE, the false twin FALSE plus ` <!-- expect: failed -->`.
Each false twin is what a wrong rewrite by the notes reader (docs/import.md) would make true: a
rewrite applied where it must not be, or not applied where it must be."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, body)
def pair(name, cls, body):
    P.append((name, cls, body))

# ---------------- A  a function named alone
pair("md_bare_g_subscript_constant", "A", r"""# A constant that shares a function's letter

Let $g(x) = x^{3}$, and let $g_0$ be a fixed gain.

$$\frac{d}{dx}\left(g_0 x^{2}\right) = @@2 g_0 x@@5 x^{4}@@$$
""")
pair("md_two_functions_two_letters", "A", r"""# A product of a function of x and a function of t

Let $f(x) = x^{2}$ and $g(t) = e^{t}$.

$$\frac{\partial}{\partial t}\left(f g\right) = \frac{\partial}{\partial t}\left(x^{2} g\right)$$

$$= @@x^{2} e^{t}@@0@@$$
""")
pair("md_sigmoid_defined_after_use", "A", r"""# Slope of x times the sigmoid

$$\frac{d}{dx}\left(x \sigma\right) = @@\sigma + x \sigma \left(1 - \sigma\right)@@\sigma@@$$

where $\sigma(x) = \frac{1}{1 + e^{-x}}$ is the logistic function.
""")
pair("md_sigma_bracket_holds_more", "A", r"""# The sigmoid of a reflected input

Let $\sigma(x) = \frac{1}{1 + e^{-x}}$.

$$\frac{d}{dx} \sigma(1 - x) = @@-\frac{e^{x - 1}}{\left(1 + e^{x - 1}\right)^{2}}@@\frac{\left(1 - x\right) e^{-x}}{\left(1 + e^{-x}\right)^{2}} - \frac{1}{1 + e^{-x}}@@$$
""")
pair("md_bar_f_is_another_name", "A", r"""# A line through the origin with the least value as slope

Let $f(x) = x^{2} + 3$ and let $\bar{f} = f(0)$ be its least value.

$$\frac{d}{dx}\left(x \bar{f}\right) = @@\bar{f}@@3 x^{2} + 3@@$$
""")

# ---------------- B  primes and orders
pair("md_prime_bracket_after_exp", "B", r"""# A prime on the bracket only

$$e^{x} \left(x^{2}\right)' = @@2 x e^{x}@@\left(2 x + x^{2}\right) e^{x}@@$$
""")
pair("md_prime_on_value_name", "B", r"""# Chain rule through a named value

Let $u = x^{2}$.

$$\frac{d}{dx} u^{3} = 3 u^{2} u'$$

$$= @@6 x^{5}@@3 x^{4}@@$$
""")
pair("md_triple_prime_quartic", "B", r"""# Third derivative of a quartic

Let $f(x) = x^{4}$.

$$f''(x) = 12 x^{2}$$

$$f'''(x) = @@24 x@@12 x^{2}@@$$
""")
pair("md_unicode_double_prime_quintic", "B", r"""# Curvature of a fifth power, primes typed as ′

Let $h(t) = t^{5}$.

$$h′(t) = 5 t^{4}$$

$$h′′(t) = @@20 t^{3}@@5 t^{4}@@$$
""")
pair("md_bracket_double_prime", "B", r"""# Second derivative by two primes on a bracket

$$\left(x^{4}\right)'' = @@12 x^{2}@@4 x^{3}@@$$
""")

# ---------------- C  math typed as plain text (no $ anywhere)
pair("md_plain_square_then_letter", "C", r"""# Partial slope of a monomial, typed as plain text

∂/∂x (x²y) = @@2xy@@2y·x^(2y − 1)@@
""")
pair("md_plain_dot_before_square", "C", r"""# Partial slope of a weighted square, typed as plain text

∂/∂y (x·y²) = @@2·x·y@@2·x²·y@@
""")
pair("md_plain_paren_exponent_then_dot", "C", r"""# Product rule with a damped factor, typed as plain text

d/dx (e^(−x)·x) = @@(1 − x)·e^(−x)@@−2x·e^(−x²)@@
""")
pair("md_plain_dydx_defined_prose", "C", r"""# Slope of a cubic, typed as plain text

Let y = x³ + x.

dy/dx = @@3x² + 1@@x² + 1@@
""")
pair("md_plain_subscript_two_coefficient", "C", r"""# A coefficient written with a subscript digit, typed as plain text

d/dx (x₂·x²) = @@2·x₂·x@@6·x²@@
""")

# ---------------- D  definitions in prose
pair("md_where_after_display_linear", "D", r"""# Slope of a weight times its pre-activation

$$\frac{\partial}{\partial w}\left(w z\right) = @@z + w x@@z@@$$

where $z = w x + b$.
""")
pair("md_let_family_log_softmax", "D", r"""# Log of a softmax output

Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$, for $1 \le i \le n$.

$$\frac{\partial}{\partial z_i} \ln p_i$$

$$= @@1 - p_i@@0@@$$
""")
pair("md_noun_phrase_mean_centring", "D", r"""# Centring one value

Here $1 \le j \le n$. The sample mean $\mu = \frac{1}{n}\sum_{i=1}^{n} x_i$ is taken over all values.

$$\frac{\partial}{\partial x_j}\left(x_j - \mu\right) = @@1 - \frac{1}{n}@@1@@$$
""")
pair("md_note_that_is_no_definition", "D", r"""# Slope of a scaled square

Note that $w = 1$ gives back the plain square.

$$\frac{d}{dx}\left(w x\right)^{2} = @@2 w^{2} x@@2 x@@$$
""")
pair("md_where_list_hat_after_comma", "D", r"""# A squared error through a linear model

$$\frac{\partial L}{\partial w}$$

$$= @@2 x \left(w x - y\right)@@0@@$$

where $L = \left(\hat{y} - y\right)^{2}$, $\hat{y} = w x$.
""")

# ---------------- E  assumptions and cases in prose
pair("md_heading_ends_positive_side", "E", r"""# Odd powers of the absolute value

## On the positive side

For $x > 0$, the absolute value drops:

$$|x|^{3} = x^{3}$$

## The slope

$$\frac{d}{dx} |x|^{3} = @@3 x |x|@@3 x^{2}@@$$
""")
pair("md_unicode_ge_then_otherwise", "E", r"""# A ramp written with two cases

$$\frac{|x| + x}{2}$$

If $x ≥ 0$:

$$= x$$

Otherwise:

$$= @@0@@x@@$$
""")
pair("md_unicode_neq_case_abs", "E", r"""# Dividing a square by its size

$$\frac{x^{2}}{|x|}$$

If $x ≠ 0$:

$$= @@|x|@@x@@$$
""")
pair("md_either_sign_after_let_positive", "E", r"""# The signed square

Let $x > 0$.

$$\frac{d}{dx}\left(x |x|\right) = 2 x$$

For $x$ of either sign:

$$\frac{d}{dx}\left(x |x|\right) = @@2 |x|@@2 x@@$$
""")
pair("md_one_hot_condition_one_derivation", "E", r"""# Cross-entropy through a softmax

Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}$, for $1 \le i \le n$.

Assuming $\sum_{k=1}^{n} y_k = 1$ (one-hot targets), we get:

$$\frac{\partial}{\partial z_i}\left(-\sum_{k=1}^{n} y_k \ln p_k\right) = p_i \sum_{k=1}^{n} y_k - y_i$$

$$= p_i - y_i$$

## Soft targets that need not sum to one

$$\frac{\partial}{\partial z_i}\left(-\sum_{k=1}^{n} y_k \ln p_k\right) = @@p_i \sum_{k=1}^{n} y_k - y_i@@p_i - y_i@@$$
""")
pair("md_unicode_le_case_nonpositive", "E", r"""# The root of a square on the negative side

$$\sqrt{x^{2}}$$

For $x ≤ 0$:

$$= @@-x@@x@@$$
""")

# ---------------- F  layout rewrites
pair("md_row_condition_does_not_leak", "F", r"""# Slopes through the absolute value

\begin{align*}
\frac{d}{dx} |x|^{3} &= 3 x^{2}, \quad x \ge 0 \\
\frac{d}{dx} |x|^{3} &= -3 x^{2}, \quad x < 0 \\[2pt]
@@\frac{d}{dx}\left(x |x|\right) &= 2 |x|@@\frac{d}{dx}\left(x |x|\right) &= -2 x@@
\end{align*}
""")
pair("md_because_row_between", "F", r"""# Slope of a log, with the inner derivative noted

\begin{align*}
\frac{d}{dx} \ln\left(x^{2} + 1\right) &= \frac{2 x}{x^{2} + 1} \\
\because \frac{d}{dx}\left(x^{2} + 1\right) &= 2 x \\
@@&= 2 x - \frac{2 x^{3}}{x^{2} + 1}@@&= 2 x@@
\end{align*}
""")
pair("md_ampamp_check_remark", "F", r"""# Slope of a cubic, with a check noted

\begin{align*}
\frac{d}{dx}\left(x^{3} - 3 x\right) &= 3 x^{2} - 3 \\
@@&= 3 \left(x - 1\right) \left(x + 1\right)@@&= 0@@ && \text{(check: } x = 1 \text{ is a turning point)}
\end{align*}
""")
pair("md_intertext_defines_name", "F", r"""# A new name introduced between rows

\begin{align*}
\frac{d}{dx}\left(x^{2}\right) &= 2 x
\intertext{Now let $u = x^{2}$. Then}
@@\frac{d}{dx}\left(x u\right) &= 3 x^{2}@@\frac{d}{dx}\left(x u\right) &= u@@
\end{align*}
""")
pair("md_text_row_defines_name", "F", r"""# A name given by a row of text

\begin{align*}
\text{with } z = 3 x: \\
@@\frac{d}{dx}\left(x z\right) &= 6 x@@\frac{d}{dx}\left(x z\right) &= z@@
\end{align*}
""")
pair("md_quad_bar_why_holds_equation", "F", r"""# Chain rule, the inner slope noted as a why

$$\frac{d}{dx} e^{x^{2}} = e^{x^{2}} \cdot \frac{d}{dx} x^{2} \tag{1} \quad | \quad \frac{d}{dx} x^{2} = 2 x$$

$$= @@2 x e^{x^{2}}@@x + x@@$$
""")

MARK = " <!-- expect: failed -->"
if __name__ == "__main__":
    for f in os.listdir(HERE):
        if f.endswith((".true.md", ".false.md")):
            os.remove(os.path.join(HERE, f))
    seen = set()
    for name, cls, body in P:
        assert name not in seen, name
        seen.add(name)
        lines = body.split("\n")
        idx = [i for i, l in enumerate(lines) if "@@" in l]
        assert len(idx) == 1, name
        i = idx[0]
        m = re.fullmatch(r"(.*)@@(.*)@@(.*)@@(.*)", lines[i])
        assert m, name
        pre, t, f_, post = m.groups()
        for kind, text, mark in (("true", t, ""), ("false", f_, MARK)):
            out = lines[:]
            out[i] = pre + text + post + mark
            with open(os.path.join(HERE, f"{name}.{kind}.md"), "w") as fh:
                fh.write("\n".join(out))
    with open(os.path.join(HERE, "classes.json"), "w") as fh:
        json.dump({n: c for n, c, _ in P}, fh, indent=1, sort_keys=True)
        fh.write("\n")
    from collections import Counter
    print(f"wrote {len(P)} pairs", sorted(Counter(c for _, c, _ in P).items()))

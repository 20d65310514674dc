#!/usr/bin/env python3
r"""Write the attack-46 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the notes-reader rules
just added (typographic primes, `\over` and `\choose` in a superscript, `x^(-1.5)`, `e\^{…}`,
function names without their backslash, two equations side by side in one row, a letter's head
right after a defined name, MathType's doubled braces, `\pmb`, `\limits` / `\nolimits`,
several-letter subscripts, `\arg\max` and events not checked, `x^(2)` refused). Each false twin
is a real slip, where possible the line a misreading of the notation makes true, and equals the
true line at special points (x = 0, x = 1, n = 1, ...)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  typographic primes and their neighbours
pair("md_curly_prime_product_head", "A", r"""# The slope of x squared times e to the x

Let $f(x) = x^{2} e^{x}$.

$$f’(x) = \frac{d}{dx}\left(x^{2} e^{x}\right)$$

$$= @@2x e^{x} + x^{2} e^{x}@@2x e^{x}@@$$

$$= x\left(x + 2\right) e^{x}$$
""", "md")
pair("md_curly_prime_on_bracket_product", "A", r"""# A prime on a bracketed product

$$\left((x^{2} + 1)(x^{3} - 1)\right)’$$

$$= @@2x(x^{3} - 1) + 3x^{2}(x^{2} + 1)@@2x \cdot 3x^{2}@@$$

$$= 5x^{4} + 3x^{2} - 2x$$
""", "md")
pair("md_curly_prime_on_value_root", "A", r"""# The slope of a root through a value

Let $u = x^{2} + 1$.

$$\frac{d}{dx}\sqrt{u}$$

$$= @@\frac{u’}{2\sqrt{u}}@@\frac{u’}{\sqrt{u}}@@$$

$$= \frac{x}{\sqrt{x^{2} + 1}}$$
""", "md")
pair("curly_prime_sigmoid_yaml", "A", r"""title: A typographic prime on a defined sigmoid
definitions:
  s(x): \frac{1}{1 + e^{-x}}
steps:
  - s’(x)
  - @@= \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}@@= \frac{e^{x}}{\left(1 + e^{-x}\right)^{2}}@@
  - = s(x)\left(1 - s(x)\right)
  - = s(x) - s(x)^{2}
""")
pair("unicode_prime_square_of_log_yaml", "A", r"""title: A Unicode prime inside the chain rule of a square
definitions:
  g(x): \ln\left(1 + x^{2}\right)
steps:
  - \frac{d}{dx} g(x)^{2}
  - @@= 2 g(x) g′(x)@@= 2 g′(x)@@
  - = \frac{4 x \ln\left(1 + x^{2}\right)}{1 + x^{2}}
""")
pair("md_unicode_prime_tanh_double_angle", "A", r"""# The slope of tanh of 2t

Let $h(t) = \tanh(2t)$.

$$h′(t) = \frac{d}{dt}\tanh(2t)$$

$$= @@\frac{2}{\cosh^{2}(2t)}@@\frac{2}{\cosh(2t)}@@$$

$$= 2\left(1 - h(t)^{2}\right)$$
""", "md")

# ---------------- B  \over and \choose in a superscript, x^(-1.5), e^(...), e\^{...}
pair("md_over_in_exponent_three_halves", "B", r"""# A power written with over

Let $x > 0$.

$$\frac{d}{dx} x^{3 \over 2}$$

$$= @@{3 \over 2} x^{1 \over 2}@@{3 \over 2} x^{2}@@$$

$$= \frac{3}{2}\sqrt{x}$$
""", "md")
pair("md_over_in_exponent_letter", "B", r"""# A power p over 2

Let $x > 0$.

$$\frac{d}{dx} x^{p \over 2}$$

$$= \frac{p}{2} x^{\frac{p}{2} - 1}$$

$$= @@\frac{p\, x^{p \over 2}}{2x}@@\frac{p\, x^{p \over 2}}{2}@@$$
""", "md")
pair("md_choose_in_exponent_log", "B", r"""# The log of two to the n choose 2

Let $n$ be a positive integer.

$$\ln 2^{n \choose 2}$$

$$= @@{n \choose 2} \ln 2@@\frac{n}{2} \ln 2@@$$

$$= \frac{n(n - 1)}{2} \ln 2$$
""", "md")
pair("md_paren_exponent_decimal", "B", r"""# A power written x^(-1.5)

Let $x > 0$.

$$\frac{d}{dx} x^(-1.5)$$

$$= @@-1.5 x^(-2.5)@@-1.5 x^(-0.5)@@$$

$$= -\frac{3}{2 x^{2} \sqrt{x}}$$
""", "md")
pair("md_paren_exponent_quadratic", "B", r"""# An exponential written e^(...)

$$\frac{d}{dx} e^(x^{2} - x)$$

$$= @@(2x - 1) e^(x^{2} - x)@@e^(x^{2} - x)@@$$

$$= (2x - 1) e^{x^{2}} e^{-x}$$
""", "md")
pair("md_escaped_caret_decay", "B", r"""# x times e to the minus x, caret escaped for Markdown

$$\frac{d}{dx}\left(x e\^{-x}\right)$$

$$= @@e\^{-x} - x e\^{-x}@@e\^{-x} + x e\^{-x}@@$$

$$= (1 - x) e\^{-x}$$
""", "md")
pair("choose_triangular_off_by_one_yaml", "B", r"""title: The sum of the first n numbers as a binomial
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n} k
  - = \frac{n(n + 1)}{2}
  - @@= {n + 1 \choose 2}@@= {n \choose 2}@@
""")
pair("over_operator_chain_yaml", "B", r"""title: A derivative operator written with over
steps:
  - '{d \over dx} \left(x^{2} + 1\right)^{3}'
  - @@= 3 \left(x^{2} + 1\right)^{2} \cdot 2x@@= 3 \left(x^{2} + 1\right)^{2}@@
  - = 6x \left(x^{2} + 1\right)^{2}
""")

# ---------------- C  function names without their backslash
pair("md_ln_space_times_y", "C", r"""# ln x times y, by y

Let $x > 0$ and $y > 0$.

$$\frac{\partial}{\partial y}\left(ln\ x \cdot y\right)$$

$$= @@ln\ x@@\frac{1}{y}@@$$

$$= \ln x$$
""", "md")
pair("md_sin_x_squared_plain", "C", r"""# sin of x squared, typed without backslashes

$$\frac{d}{dx} sin x^{2}$$

$$= @@2x \cos\left(x^{2}\right)@@2 sin x \cdot cos x@@$$

$$= 2 cos x^{2} \cdot x$$
""", "md")
pair("md_log_two_x_plain", "C", r"""# log 2x, typed without a backslash

Let $x > 0$.

$$\frac{d}{dx} log 2x$$

$$= @@\frac{1}{x}@@log 2@@$$

$$= \frac{2}{2x}$$
""", "md")
pair("md_log_thin_space_product", "C", r"""# x squared times log x

Let $x > 0$.

$$\frac{d}{dx}\left(x^{2} \cdot log\,x\right)$$

$$= @@2x \cdot log\,x + x@@2x \cdot log\,x + 1@@$$

$$= x\left(2 log\,x + 1\right)$$
""", "md")
pair("md_ln_capital_L_likelihood", "C", r"""# The log of a likelihood

Let $p > 0$.

Let $L = p^{3} e^{-2p}$.

$$\frac{d}{dp} ln L$$

$$= @@\frac{3}{p} - 2@@\frac{3}{p^{3}} - 2@@$$

$$= \frac{3 - 2p}{p}$$
""", "md")
pair("md_sin_times_cos_plain", "C", r"""# sin x cos x, typed without backslashes

$$\frac{d}{dx} sin x cos x$$

$$= @@\cos^{2} x - \sin^{2} x@@\cos^{2} x + \sin^{2} x@@$$

$$= \cos 2x$$
""", "md")
pair("md_y_log_y_plain", "C", r"""# y log y, typed without a backslash

Let $y > 0$.

$$\frac{d}{dy}\left(y \cdot log y\right)$$

$$= @@log y + 1@@log y + y@@$$

$$= \ln\left(e y\right)$$
""", "md")

# ---------------- D  two equations in one row; a letter's head right after a defined name
pair("md_row_two_definitions_product_rule", "D", r"""# The product rule with u and v given in one row

$$u(x) = x^{2}, \; v(x) = \sin x$$

$$\frac{d}{dx}\left(u(x) v(x)\right) = u'(x) v(x) + u(x) v'(x)$$

$$= @@2x \sin x + x^{2} \cos x@@2x \cos x@@$$

$$= x\left(2 \sin x + x \cos x\right)$$
""", "md")
pair("md_row_function_and_prime_chain", "D", r"""# The chain rule with g and its derivative given in one row

$$g(u) = \sin(u), \; g'(u) = \cos(u)$$

$$\frac{d}{dx} g(x^{2})$$

$$= @@g'(x^{2}) \cdot 2x@@g'(x^{2})@@$$

$$= 2x \cos(x^{2})$$
""", "md")
pair("md_row_condition_at_zero", "D", r"""# A partial derivative, then its value on the line x = 0

$$\frac{\partial}{\partial x}\left(x^{3} y - 3 x y^{2}\right)$$

$$= 3x^{2} y - 3y^{2}$$

$$= @@-3y^{2}, \quad x = 0@@3y^{2}, \quad x = 0@@$$
""", "md")
pair("md_row_two_definitions_quotient", "D", r"""# The quotient rule with P and Q given in one row

$$P(x) = x^{2} + 1, \quad Q(x) = x - 1$$

$$\frac{d}{dx}\frac{P(x)}{Q(x)}$$

$$= @@\frac{2x(x - 1) - (x^{2} + 1)}{(x - 1)^{2}}@@\frac{(x^{2} + 1) - 2x(x - 1)}{(x - 1)^{2}}@@$$

$$= \frac{x^{2} - 2x - 1}{(x - 1)^{2}}$$
""", "md")
pair("md_head_after_name_tanh_square", "D", r"""# The slope of tanh, named twice

$$y = f\left(x\right) = \tanh x$$

$$f'(x) = \frac{1}{\cosh^{2} x}$$

$$= 1 - \tanh^{2} x$$

$$= @@1 - f(x)^{2}@@(1 - f(x))^{2}@@$$

$$= 1 - y^{2}$$
""", "md")
pair("md_head_after_name_log_square", "D", r"""# The square of a log, named twice

$$z = g\left(w\right) = \ln\left(1 + w^{2}\right)$$

$$\frac{d}{dw} g(w)^{2}$$

$$= 2 g(w) g'(w)$$

$$= @@\frac{4 w \ln(1 + w^{2})}{1 + w^{2}}@@\frac{2 w \ln(1 + w^{2})}{1 + w^{2}}@@$$
""", "md")

# ---------------- E  doubled braces, \pmb, bold letters, \limits / \nolimits, h_{w,b}
pair("md_mathtype_braces_cubic", "E", r"""# A cubic as MathType writes it

$$\frac{{d}}{{dx}}\left( {{x^{3}} - 2x} \right)$$

$$= @@3{x^{2}} - 2@@{x^{2}} - 2@@$$

$$= {{3x^{2}}} - 2$$
""", "md")
pair("md_mathtype_braces_logistic", "E", r"""# The logistic slope as MathType writes it

$$\frac{d}{{dx}}\left( {\frac{{{e^{x}}}}{{1 + {e^{x}}}}} \right)$$

$$= @@\frac{{{e^{x}}}}{{{{\left( {1 + {e^{x}}} \right)}^{2}}}}@@\frac{{{e^{2x}}}}{{{{\left( {1 + {e^{x}}} \right)}^{2}}}}@@$$

$$= \frac{e^{x}}{1 + e^{x}} - \frac{e^{2x}}{(1 + e^{x})^{2}}$$
""", "md")
pair("sum_limits_mean_square_yaml", "E", r"""title: A mean squared error with the bounds set by limits
symbols:
  n: {integer: true, positive: true}
  x, y: vector
steps:
  - \frac{\partial}{\partial w} \frac{1}{2 n} \sum\limits_{k=1}^{n} \left(w x_k - y_k\right)^{2}
  - @@= \frac{1}{n} \sum\limits_{k=1}^{n} \left(w x_k - y_k\right) x_k@@= \frac{1}{n} \sum\limits_{k=1}^{n} \left(w x_k - y_k\right)@@
  - = \frac{w}{n} \sum\limits_{k=1}^{n} x_k^{2} - \frac{1}{n} \sum\limits_{k=1}^{n} x_k y_k
""")
pair("md_sum_nolimits_log_sum_exp", "E", r"""# The slope of log-sum-exp with nolimits

Let $n$ be a positive integer.

Here $1 \le i \le n$.

$$\frac{\partial}{\partial z_i} \ln \sum\nolimits_{j=1}^{n} e^{z_j}$$

$$= @@\frac{e^{z_i}}{\sum\limits_{j=1}^{n} e^{z_j}}@@\frac{1}{\sum\limits_{j=1}^{n} e^{z_j}}@@$$

$$= \frac{1}{\sum\nolimits_{j=1}^{n} e^{z_j - z_i}}$$
""", "md")
pair("md_pmb_weight_square", "E", r"""# A squared residual by a weight in plain TeX bold

$$\frac{\partial}{\partial \pmb{w}} \left(\pmb{w} x - y\right)^{2}$$

$$= @@2x\left(w x - y\right)@@2\left(w x - y\right)@@$$

$$= 2 w x^{2} - 2 x y$$
""", "md")
pair("md_comma_subscript_tanh_input", "E", r"""# A tanh unit with weight and bias in its name

Let $h_{w,b}(x) = \tanh(w x + b)$.

$$\frac{\partial}{\partial x} h_{w,b}(x)$$

$$= @@w\left(1 - \tanh^{2}(w x + b)\right)@@1 - \tanh^{2}(w x + b)@@$$

$$= w - w\, h_{w,b}(x)^{2}$$
""", "md")
pair("boldsymbol_theta_softplus_yaml", "E", r"""title: A softplus of a bold theta times x
steps:
  - \frac{\partial}{\partial \theta} \ln\left(1 + e^{\boldsymbol{\theta} x}\right)
  - @@= \frac{x e^{\theta x}}{1 + e^{\theta x}}@@= \frac{e^{\theta x}}{1 + e^{\theta x}}@@
  - = \frac{x}{1 + e^{-\boldsymbol{\theta} x}}
""")

# ---------------- F  not checked beside checked: \arg\max, events; x^(2) refused
pair("md_argmax_row_then_slope", "F", r"""# The maximiser, then the slope

$$\operatorname*{arg\,max}_{\theta}\left(2 \theta x - \theta^{2}\right) = x$$

$$\frac{\partial}{\partial \theta}\left(2 \theta x - \theta^{2}\right)$$

$$= @@2x - 2\theta@@2x - \theta@@$$

$$= 2(x - \theta)$$
""", "md")
pair("md_event_row_then_log_sigmoid", "F", r"""# The probability of class 1, then its log's slope

Let $\sigma(z) = \frac{1}{1 + e^{-z}}$.

$$p(y = 1) = \sigma(z)$$

$$\frac{d}{dz} \ln \sigma(z)$$

$$= @@1 - \sigma(z)@@\sigma(z)@@$$

$$= \sigma(-z)$$
""", "md")
pair("md_event_head_defined_next_row", "F", r"""# The log-likelihood of class 0

Let $\sigma(z) = \frac{1}{1 + e^{-z}}$.

$$\mathrm{LL}(z) = \ln p(y = 0)$$

$$= \ln\left(1 - \sigma(z)\right)$$

$$\frac{d \mathrm{LL}(z)}{dz} = @@-\sigma(z)@@\sigma(z) - 1@@$$

$$= -\frac{1}{1 + e^{-z}}$$
""", "md")
pair("md_paren_square_power_or_sample", "F", r"""# The slope of a cube

$$\frac{d}{dx} x^{3}$$

$$= @@3x^{2}@@3x^(2)@@$$

$$= 3x \cdot x$$
""", "md")
pair("md_argmin_goal_then_means", "F", r"""# Least squares through the origin

Let $n$ be a positive integer.

$$\arg\min_{w} \sum_{i=1}^{n} \left(w x_i - y_i\right)^{2}$$

$$= \frac{\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^{2}}$$

$$= @@\frac{\frac{1}{n}\sum_{i=1}^{n} x_i y_i}{\frac{1}{n}\sum_{i=1}^{n} x_i^{2}}@@\frac{\frac{1}{n}\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^{2}}@@$$
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

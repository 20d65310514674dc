#!/usr/bin/env python3
"""Write the attack-48 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the newest reading rules
(capitalised words as one name against products of letters that are meant; function names without
their backslash against letters side by side; `\over` / `\choose` in superscripts and subscripts,
typographic primes, MathType's doubled braces; `x^(…)` exponents, equations side by side, `\limits`;
events, `\arg\max` and accented names; hyperbolic functions, GELU / Swish / Mish slopes and kinks,
where a sign or a factor slips invisibly at far points). Each false twin is what a plausible
misreading makes true, or is right at special points (x = 0, x = 1/2, x = 1, x = e, n = 1, n = 2,
lambda = 0, alpha = 1, a zero residual)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  capitalised words as one name; products of letters that are meant
pair("md_cost_word_chain_factor", "A", r"""# A cost written as a plain word

Let $z = w x + b$.

$$Cost = (z - y)^{2}$$

$$\frac{\partial Cost}{\partial w}$$

$$= @@2 (z - y) x@@2 (z - y)@@$$

$$= 2 w x^{2} + 2 (b - y) x$$
""", "md")
pair("md_loss_word_hat_y_bias_sign", "A", r"""# A squared loss written as a plain word

Let $\hat y = w x + b$.

$$Loss = (y - \hat y)^{2}$$

$$\frac{\partial Loss}{\partial b}$$

$$= @@-2 (y - \hat y)@@2 (y - \hat y)@@$$

$$= 2 (w x + b - y)$$
""", "md")
pair("md_product_AB_of_defined_letters", "A", r"""# A product of two defined capital letters

Let $A = x^{2}$ and $B = \sin x$.

$$\frac{d}{dx} AB$$

$$= @@2 x B + A \cos x@@2 x B@@$$

$$= 2 x \sin x + x^{2} \cos x$$
""", "md")
pair("md_error_word_sum_half_kept", "A", r"""# A summed error written as a plain word

Let $n$ be a positive integer.

$$Error = \frac{1}{2} \sum_{i=1}^{n} \left(w x_i - y_i\right)^{2}$$

$$\frac{\partial Error}{\partial w}$$

$$= @@\sum_{i=1}^{n} \left(w x_i - y_i\right) x_i@@\frac{1}{2} \sum_{i=1}^{n} \left(w x_i - y_i\right) x_i@@$$

$$= w \sum_{i=1}^{n} x_i^{2} - \sum_{i=1}^{n} x_i y_i$$
""", "md")
pair("mgt_letters_product_yaml", "A", r"""title: Capital and small letters side by side in a derivation file are a product
steps:
  - \frac{d}{dt} Mgt^{2}
  - @@= 2 M g t@@= M g t@@
  - = 2 t g M
""")
pair("md_energy_word_function_head", "A", r"""# An energy written as a word before its bracket

$$Energy(x) = \frac{1}{2} k x^{2} + x^{4}$$

$$\frac{d}{dx} Energy(x)$$

$$= @@k x + 4 x^{3}@@\frac{1}{2} k x + 4 x^{3}@@$$

$$= x \left(k + 4 x^{2}\right)$$
""", "md")

# ---------------- B  function names without their backslash; letters side by side
pair("md_exp_plain_square_argument", "B", r"""# exp without its backslash

$$\frac{d}{dx} exp x^{2}$$

$$= @@2 x exp x^{2}@@exp x^{2}@@$$

$$= 2 x e^{x^{2}}$$
""", "md")
pair("md_letters_l_n_defined_product", "B", r"""# Two defined letters l and n side by side

Let $l = 2 x$ and $n = x^{2}$.

$$\frac{d}{dx} l n x$$

$$= \frac{d}{dx} 2 x^{4}$$

$$= @@8 x^{3}@@2 x^{3}@@$$

$$= 2 x \cdot 4 x^{2}$$
""", "md")
pair("md_cosh_minus_sinh_plain_cube", "B", r"""# cosh and sinh of a cube without their backslashes

$$\frac{d}{dx} \left(cosh x^{3} - sinh x^{3}\right)$$

$$= @@3 x^{2} sinh x^{3} - 3 x^{2} cosh x^{3}@@3 x^{2} cosh x^{3} - 3 x^{2} sinh x^{3}@@$$

$$= -3 x^{2} e^{-x^{3}}$$
""", "md")
pair("md_log_plain_cube_argument", "B", r"""# log of a cube without its backslash

Let $x > 0$.

$$\frac{d}{dx} log x^{3}$$

$$= @@\frac{3 x^{2}}{x^{3}}@@\frac{3 (log x)^{2}}{x}@@$$

$$= \frac{3}{x}$$
""", "md")
pair("md_ln_plain_over_x_sign", "B", r"""# ln x over x without the backslash

Let $x > 0$.

$$\frac{d}{dx} \frac{ln x}{x}$$

$$= @@\frac{1 - ln x}{x^{2}}@@\frac{1 + ln x}{x^{2}}@@$$

$$= \frac{1}{x^{2}} - \frac{ln x}{x^{2}}$$
""", "md")
pair("exp_bracket_plain_gaussian_yaml", "B", r"""title: exp written without its backslash, before a bracket
steps:
  - \frac{d}{dx} \left(x \cdot exp(-x^{2})\right)
  - @@= exp(-x^{2}) - 2 x^{2} exp(-x^{2})@@= exp(-x^{2}) - 2 x exp(-x^{2})@@
  - = (1 - 2 x^{2}) exp(-x^{2})
""")

# ---------------- C  \over and \choose in superscripts and subscripts; primes; doubled braces
pair("md_over_exponent_negative_half", "C", r"""# A negative power written with \over

Let $x > 0$.

$$\frac{d}{dx} x^{-1 \over 2}$$

$$= @@-{1 \over 2} x^{-3 \over 2}@@-{1 \over 2} x^{-1 \over 2}@@$$

$$= -\frac{1}{2 x \sqrt{x}}$$
""", "md")
pair("md_over_in_log_base_subscript", "C", r"""# A logarithm whose base is written with \over

Let $x > 0$.

$$\frac{d}{dx} \log_{1 \over 2} x$$

$$= @@\frac{1}{x \ln \frac{1}{2}}@@\frac{1}{x \ln 2}@@$$

$$= -\frac{1}{x \ln 2}$$
""", "md")
pair("md_choose_power_of_x", "C", r"""# A power written with \choose

Let $n$ be a positive integer.

Let $x > 0$.

$$\frac{d}{dx} x^{n \choose 2}$$

$$= @@\frac{n (n - 1)}{2 x} x^{n \choose 2}@@\frac{n}{2 x} x^{n \choose 2}@@$$

$$= \frac{n (n - 1)}{2} x^{\frac{n (n - 1)}{2} - 1}$$
""", "md")
pair("md_curly_prime_inner_square", "C", r"""# A curly prime on a function of a square

Let $f(u) = \ln(1 + u^{2})$.

$$\frac{d}{dx} f(x^{2})$$

$$= @@2 x f’(x^{2})@@f’(x^{2})@@$$

$$= \frac{4 x^{3}}{1 + x^{4}}$$
""", "md")
pair("unicode_prime_sigmoid_of_square_yaml", "C", r"""title: A unicode prime on a defined function of a square
definitions:
  s(x): \frac{1}{1 + e^{-x}}
steps:
  - \frac{d}{dx} s(x^{2})
  - @@= 2 x s′(x^{2})@@= s′(x^{2})@@
  - = \frac{2 x e^{-x^{2}}}{\left(1 + e^{-x^{2}}\right)^{2}}
""")
pair("md_mathtype_braces_product_sign", "C", r"""# MathType's doubled braces in a product rule

$$\frac{{d}}{{dx}}\left( {{x^{2}}{e^{ - x}}} \right)$$

$$= @@{2x}{e^{ - x}} - {{x^{2}}}{e^{ - x}}@@{2x}{e^{ - x}} + {{x^{2}}}{e^{ - x}}@@$$

$$= x\left( {2 - x} \right){e^{ - x}}$$
""", "md")

# ---------------- D  x^(...) exponents; equations side by side; \limits
pair("md_paren_exponent_product_half", "D", r"""# Powers in brackets after a caret

Let $x > 0$.

$$\frac{d}{dx} x^{3} x^(-1.5)$$

$$= 3 x^{2} x^(-1.5) - 1.5 x^{3} x^(-2.5)$$

$$= @@1.5 \sqrt{x}@@1.5 x@@$$

$$= \frac{3}{2} x^(-0.5) \cdot x$$
""", "md")
pair("md_paren_exponent_gaussian_half", "D", r"""# e raised to a bracketed half square

$$\frac{d}{dx} e^(-\frac{x^{2}}{2})$$

$$= @@-x e^(-\frac{x^{2}}{2})@@-2 x e^(-\frac{x^{2}}{2})@@$$

$$= -x e^{-\frac{x^{2}}{2}}$$
""", "md")
pair("md_side_by_side_word_names", "D", r"""# A cost and a penalty side by side

$$Cost = (w x - y)^{2}, \quad Reg = \lambda w^{2}$$

$$\frac{\partial}{\partial w} (Cost + Reg)$$

$$= @@2 (w x - y) x + 2 \lambda w@@2 (w x - y) x + \lambda w@@$$

$$= 2 (x^{2} + \lambda) w - 2 x y$$
""", "md")
pair("md_side_by_side_cos_sin_letters", "D", r"""# Two letters defined side by side

$$a = \cos t, \; b = \sin t$$

$$\frac{d}{dt} (a b)$$

$$= -\sin t \cdot b + a \cos t$$

$$= @@\cos^{2} t - \sin^{2} t@@\sin^{2} t - \cos^{2} t@@$$

$$= \cos 2t$$
""", "md")
pair("md_sum_limits_odd_numbers_off_by_one", "D", r"""# The sum of the first n odd numbers, with limits

Let $n$ be a nonnegative integer.

$$\sum\limits_{k=0}^{n-1} (2k + 1)$$

$$= 2 \sum\limits_{k=0}^{n-1} k + n$$

$$= @@n (n - 1) + n@@n (n + 1) + n@@$$

$$= n^{2}$$
""", "md")
pair("sum_limits_cube_delta_yaml", "D", r"""title: The slope of a sum of cubes with limits, by one element
symbols:
  x: vector
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial x_i} \sum\limits_{k=1}^{n} x_k^{3}
  - = \sum\limits_{k=1}^{n} 3 x_k^{2} \delta_{ki}
  - @@= 3 x_i^{2}@@= 3 \sum\limits_{k=1}^{n} x_k^{2}@@
  - = 3 x_i x_i
""")

# ---------------- E  events and arg max beside checked links; accented names
pair("md_event_row_then_bernoulli_slope", "E", r"""# The probability of class 0, then the Bernoulli log-likelihood

$$p(y = 0) = 1 - q$$

$$\frac{d}{dq} \left(y \ln q + (1 - y) \ln(1 - q)\right)$$

$$= @@\frac{y}{q} - \frac{1 - y}{1 - q}@@\frac{y}{q} + \frac{1 - y}{1 - q}@@$$

$$= \frac{y - q}{q (1 - q)}$$
""", "md")
pair("md_hat_theta_dropped_once", "E", r"""# A squared distance to an estimate

$$\frac{d}{d\theta} \left(\theta - \hat\theta\right)^{2}$$

$$= 2 \left(\theta - \hat\theta\right)$$

$$= @@2 \theta - 2 \hat\theta@@2 \theta - 2 \theta@@$$

$$= -2 \left(\hat\theta - \theta\right)$$
""", "md")
pair("md_bar_x_is_not_x", "E", r"""# A product with a barred letter

$$\frac{d}{dx} x^{2} \bar x$$

$$= @@2 x \bar x@@3 x^{2}@@$$

$$= 2 \bar x x$$
""", "md")
pair("md_tilde_y_label_logistic", "E", r"""# A logistic loss with labels mapped to plus and minus one

Let $\tilde y = 2 y - 1$.

$$\frac{d}{dz} \ln\left(1 + e^{-\tilde y z}\right)$$

$$= @@\frac{-\tilde y e^{-\tilde y z}}{1 + e^{-\tilde y z}}@@\frac{-y e^{-\tilde y z}}{1 + e^{-\tilde y z}}@@$$

$$= -\frac{2 y - 1}{1 + e^{(2 y - 1) z}}$$
""", "md")
pair("bar_x_mean_of_two_yaml", "E", r"""title: The slope of a squared deviation from a mean of two
definitions:
  \bar{x}: \frac{x_1 + x_2}{2}
steps:
  - \frac{\partial}{\partial x_1} \left(x_1 - \bar{x}\right)^{2}
  - = 2 \left(x_1 - \bar{x}\right) \left(1 - \frac{1}{2}\right)
  - @@= x_1 - \bar{x}@@= 2 \left(x_1 - \bar{x}\right)@@
  - = \frac{x_1 - x_2}{2}
""")
pair("md_argmax_row_then_curvature", "E", r"""# The maximum-likelihood estimate, then the curvature

$$\operatorname*{arg\,max}_{p} \left(k \ln p + (n - k) \ln(1 - p)\right) = \frac{k}{n}$$

$$\frac{d^{2}}{dp^{2}} \left(k \ln p + (n - k) \ln(1 - p)\right)$$

$$= @@-\frac{k}{p^{2}} - \frac{n - k}{(1 - p)^{2}}@@-\frac{k}{p^{2}} + \frac{n - k}{(1 - p)^{2}}@@$$

$$= -\frac{k (1 - p)^{2} + (n - k) p^{2}}{p^{2} (1 - p)^{2}}$$
""", "md")

# ---------------- F  engine: hyperbolic and activation slopes at far points; kinks
pair("tanh_cube_sign_saturates_yaml", "F", r"""title: The slope of tanh of a cube, with a sign that saturation hides
steps:
  - \frac{d}{dx} \tanh(x^{3})
  - @@= 3 x^{2} \left(1 - \tanh^{2}(x^{3})\right)@@= 3 x^{2} \left(\tanh^{2}(x^{3}) - 1\right)@@
  - = \frac{3 x^{2}}{\cosh^{2}(x^{3})}
""")
pair("md_gelu_slope_gaussian_term", "F", r"""# The slope of GELU

$$\mathrm{GELU}(x) = \frac{x}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)$$

$$\frac{d}{dx} \mathrm{GELU}(x)$$

$$= @@\frac{1}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right) + \frac{x}{\sqrt{2 \pi}} e^{-\frac{x^{2}}{2}}@@\frac{1}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right) + \frac{1}{\sqrt{2 \pi}} e^{-\frac{x^{2}}{2}}@@$$

$$= \frac{1}{2} + \frac{1}{2} \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right) + \frac{x e^{-\frac{x^{2}}{2}}}{\sqrt{2 \pi}}$$
""", "md")
pair("swish_slope_sign_far_yaml", "F", r"""title: The slope of swish, with the sign of its second term
definitions:
  s(x): \frac{x}{1 + e^{-x}}
steps:
  - \frac{d}{dx} s(x)
  - @@= \frac{1}{1 + e^{-x}} + \frac{x e^{-x}}{\left(1 + e^{-x}\right)^{2}}@@= \frac{1}{1 + e^{-x}} - \frac{x e^{-x}}{\left(1 + e^{-x}\right)^{2}}@@
  - = \frac{1 + e^{-x} + x e^{-x}}{\left(1 + e^{-x}\right)^{2}}
""")
pair("md_mish_slope_sigmoid_factor", "F", r"""# The slope of Mish

$$\mathrm{Mish}(x) = x \tanh\left(\ln\left(1 + e^{x}\right)\right)$$

$$\frac{d}{dx} \mathrm{Mish}(x)$$

$$= @@\tanh\left(\ln\left(1 + e^{x}\right)\right) + \frac{x e^{x}}{1 + e^{x}} \left(1 - \tanh^{2}\left(\ln\left(1 + e^{x}\right)\right)\right)@@\tanh\left(\ln\left(1 + e^{x}\right)\right) + x \left(1 - \tanh^{2}\left(\ln\left(1 + e^{x}\right)\right)\right)@@$$

$$= \tanh\left(\ln\left(1 + e^{x}\right)\right) + \frac{x e^{x}}{\left(1 + e^{x}\right) \cosh^{2}\left(\ln\left(1 + e^{x}\right)\right)}$$
""", "md")
pair("leaky_relu_slope_wrong_side_yaml", "F", r"""title: The slope of a leaky ReLU on each side of its kink
definitions:
  g(x): \begin{cases} x & x > 0 \\ \alpha x & \text{otherwise} \end{cases}
steps:
  - \frac{d}{dx} g(x)
cases:
  - when: x > 0
    steps:
      - = \frac{d}{dx} x
      - @@= 1@@= \alpha@@
  - when: x < 0
    steps:
      - = \frac{d}{dx} \alpha x
      - = \alpha
""")
pair("md_abs_times_exp_negative_side", "F", r"""# The absolute value times an exponential, on each side of the kink

$$\frac{d}{dx} \left|x\right| e^{x}$$

If $x > 0$:

$$= \frac{d}{dx} x e^{x}$$

$$= (1 + x) e^{x}$$

If $x < 0$:

$$= \frac{d}{dx} \left(-x e^{x}\right)$$

$$= @@-(1 + x) e^{x}@@(1 + x) e^{x}@@$$
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

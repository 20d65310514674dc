#!/usr/bin/env python3
"""Write the attack-36 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  optimisation derivations
pair("elastic_net_slope_sign_factor", "A", r"""title: Elastic-net objective in one weight, its slope on each side of zero
symbols:
  lambda: {positive: true}
  mu: {positive: true}
definitions:
  f: \frac{1}{2} (w - a)^{2} + \lambda |w| + \frac{\mu}{2} w^{2}
steps:
  - \frac{d f}{d w}
cases:
  - when: w > 0
    steps:
      - = w - a + \lambda + \mu w
      - @@= (1 + \mu) w - a + \lambda \operatorname{sign}(w)@@= (1 + \mu) w - a + \lambda \operatorname{sign}(a)@@
  - when: w < 0
    steps:
      - = w - a - \lambda + \mu w
      - = (1 + \mu) w - a + \lambda \operatorname{sign}(w)
""")
pair("ridge_slope_penalty_outside_sum", "A", r"""title: Gradient of a ridge loss in one weight over n samples
symbols:
  x: vector
  y: vector
  n: {integer: true, positive: true}
  lambda: {positive: true}
definitions:
  L: \frac{1}{2} \sum_{i=1}^{n} (w x_i - y_i)^{2} + \frac{\lambda}{2} w^{2}
steps:
  - \frac{\partial L}{\partial w}
  - = \sum_{i=1}^{n} (w x_i - y_i) x_i + \lambda w
  - @@= w \left(\sum_{i=1}^{n} x_i^{2} + \lambda\right) - \sum_{i=1}^{n} x_i y_i@@= w \left(\sum_{i=1}^{n} x_i^{2} + n \lambda\right) - \sum_{i=1}^{n} x_i y_i@@
""")
pair("soft_threshold_small_penalty", "A", r"""title: The lasso minimiser in one weight (soft-thresholding) with a small penalty, two ways
steps:
  - \operatorname{sign}(a) \max\left(|a| - 10^{-3}, 0\right)
  - @@= a - \max\left(-10^{-3}, \min\left(a, 10^{-3}\right)\right)@@= a - 10^{-3} \operatorname{sign}(a)@@
""")
pair("md_ridge_second_order_condition", "A", r"""# A one-dimensional ridge objective

Let $\lambda > 0$.

$$L(w) = \frac{1}{2} (w x - y)^{2} + \frac{\lambda}{2} w^{2}$$

$$\frac{dL}{dw} = (w x - y) x + \lambda w$$

Setting the derivative to zero and solving for $w$:

$$\hat{w} = \frac{x y}{x^{2} + \lambda}$$

The second-order condition:

$$\frac{d^{2} L}{d w^{2}} = \frac{d}{dw} \left((w x - y) x + \lambda w\right)$$

@@$$= x^{2} + \lambda$$@@$$= x + \lambda$$@@
""", "md")
pair("md_pseudo_huber_slope", "A", r"""# The slope of the pseudo-Huber loss

Let $\delta > 0$.

$$\frac{d}{dr} \delta^{2} \left(\sqrt{1 + \left(\frac{r}{\delta}\right)^{2}} - 1\right) = \delta^{2} \cdot \frac{1}{2 \sqrt{1 + \frac{r^{2}}{\delta^{2}}}} \cdot \frac{2 r}{\delta^{2}}$$

@@$$= \frac{r}{\sqrt{1 + \frac{r^{2}}{\delta^{2}}}}$$@@$$= \frac{r}{\sqrt{1 + \frac{r^{2}}{\delta}}}$$@@
""", "md")
pair("md_newton_step_numbers", "A", r"""# One Newton step, by hand

Let $f(x) = x^{3} - 2 x - 5$.

$$f'(x) = 3 x^{2} - 2$$

Starting from two:

$$x_{1} = 2 - \frac{f(2)}{f'(2)}$$

$$= 2 - \frac{8 - 4 - 5}{12 - 2}$$

@@$$= \frac{21}{10}$$@@$$= \frac{19}{10}$$@@
""", "md")

# ---------------- B  exponential family and information theory
pair("binary_entropy_slope_logit", "B", r"""title: The slope of the binary entropy is minus the logit
definitions:
  H: -p \ln p - (1 - p) \ln(1 - p)
steps:
  - \frac{dH}{dp}
cases:
  - when: 0 < p < 1
    steps:
      - = -\ln p - 1 + \ln(1 - p) + 1
      - = \ln(1 - p) - \ln p
      - @@= -\ln\frac{p}{1 - p}@@= \ln\frac{p}{1 - p}@@
""")
pair("logit_sigmoid_roundtrip", "B", r"""title: The sigmoid undoes the logit
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
  \mathrm{logit}(q): \ln\frac{q}{1 - q}
steps:
  - \sigma\left(\mathrm{logit}(p)\right)
cases:
  - when: 0 < p < 1
    steps:
      - = \frac{1}{1 + e^{-\ln\frac{p}{1 - p}}}
      - = \frac{1}{1 + \frac{1 - p}{p}}
      - @@= p@@= 1 - p@@
""")
pair("kl_softmax_to_uniform", "B", r"""title: KL divergence of a softmax from the uniform distribution
symbols:
  z: vector
  n: {integer: true, positive: true}
definitions:
  p_k: \frac{e^{z_k}}{\sum_{j=1}^{n} e^{z_j}}
steps:
  - \sum_{k=1}^{n} p_k \ln\frac{p_k}{1/n}
  - = \sum_{k=1}^{n} p_k \ln n + \sum_{k=1}^{n} p_k \ln p_k
  - @@= \ln n + \sum_{k=1}^{n} p_k \ln p_k@@= n \ln n + \sum_{k=1}^{n} p_k \ln p_k@@
""")
pair("md_bce_logit_softplus_form", "B", r"""# Binary cross-entropy written on the logit

Here $\sigma$ is the sigmoid.

$$-y \ln \sigma(z) - (1 - y) \ln\left(1 - \sigma(z)\right) = y \ln\left(1 + e^{-z}\right) + (1 - y) \left(z + \ln\left(1 + e^{-z}\right)\right)$$

$$= \ln\left(1 + e^{-z}\right) + (1 - y) z$$

@@$$= \ln\left(1 + e^{z}\right) - y z$$@@$$= \ln\left(1 + e^{z}\right) - (1 - y) z$$@@
""", "md")
pair("md_gaussian_entropy_log_scale", "B", r"""# Differential entropy of a Gaussian

Let $s > 0$ be the standard deviation.

$$\frac{1}{2} \ln\left(2 \pi e s^{2}\right) = \frac{1}{2} \ln(2 \pi) + \frac{1}{2} \ln e + \frac{1}{2} \ln s^{2}$$

@@$$= \frac{1}{2} \ln(2 \pi) + \frac{1}{2} + \ln s$$@@$$= \frac{1}{2} \ln(2 \pi) + \frac{1}{2} + 2 \ln s$$@@
""", "md")
pair("md_bsc_mutual_information", "B", r"""# Mutual information of a binary symmetric channel

Let $h(q) = -q \ln q - (1 - q) \ln(1 - q)$ be the binary entropy in nats.

For a uniform input and a crossover probability $\epsilon$ with $0 < \epsilon < 1$:

$$h\left(\frac{1}{2}\right) - h(\epsilon) = \ln 2 + \epsilon \ln \epsilon + (1 - \epsilon) \ln(1 - \epsilon)$$

@@$$= \ln 2 + \epsilon \ln \epsilon + \ln(1 - \epsilon) - \epsilon \ln(1 - \epsilon)$$@@$$= \ln 2 + \epsilon \ln \epsilon + \epsilon \ln(1 - \epsilon)$$@@
""", "md")

# ---------------- C  algebra by hand
pair("denest_radical_two_sides", "C", r"""title: Denesting the square root of a - 2 sqrt(a - 1)
steps:
  - \sqrt{a - 2 \sqrt{a - 1}}
  - = \sqrt{\left(\sqrt{a - 1} - 1\right)^{2}}
cases:
  - when: 1 \le a < 2
    steps:
      - = 1 - \sqrt{a - 1}
  - when: a \ge 2
    steps:
      - @@= \sqrt{a - 1} - 1@@= 1 - \sqrt{a - 1}@@
""")
pair("partial_fractions_two_poles", "C", r"""title: Partial fractions with two distinct poles
steps:
  - \frac{1}{(x - a)(x - b)}
cases:
  - when: a \neq b
    steps:
      - = \frac{1}{a - b} \cdot \frac{(x - b) - (x - a)}{(x - a)(x - b)}
      - @@= \frac{1}{a - b} \left(\frac{1}{x - a} - \frac{1}{x - b}\right)@@= \frac{1}{x - a} - \frac{1}{x - b}@@
""")
pair("rationalise_root_difference", "C", r"""title: Rationalising a difference of square roots
symbols:
  x: {nonnegative: true}
steps:
  - \frac{1}{\sqrt{x + 1} - \sqrt{x}}
  - = \frac{\sqrt{x + 1} + \sqrt{x}}{\left(\sqrt{x + 1} - \sqrt{x}\right) \left(\sqrt{x + 1} + \sqrt{x}\right)}
  - = \frac{\sqrt{x + 1} + \sqrt{x}}{(x + 1) - x}
  - @@= \sqrt{x + 1} + \sqrt{x}@@= \sqrt{x + 1} - \sqrt{x}@@
""")
pair("difference_of_powers_sum", "C", r"""title: A difference of n-th powers
symbols:
  n: {integer: true, positive: true}
steps:
  - x^{n} - y^{n}
  - @@= (x - y) \sum_{k=0}^{n-1} x^{k} y^{n-1-k}@@= (x - y) \sum_{k=0}^{n-1} x^{k} y^{k}@@
""")
pair("md_rational_exponent_negative_base", "C", r"""# Rational powers of a real number of either sign

For any real $x$, the cube root is real:

$$\left(x^{3}\right)^{2/3} = \left(\sqrt[3]{x^{3}}\right)^{2} = x^{2}$$

With a square root the sign is lost:

$$\left(x^{2}\right)^{3/2} = \left(\sqrt{x^{2}}\right)^{3}$$

@@$$= |x|^{3}$$@@$$= x^{3}$$@@
""", "md")
pair("md_complete_square_parameter", "C", r"""# Completing the square

Assuming $a \neq 0$, we get:

$$a x^{2} + b x + c = a \left(x^{2} + \frac{b}{a} x\right) + c$$

$$= a \left(x + \frac{b}{2 a}\right)^{2} - \frac{b^{2}}{4 a} + c$$

@@$$= a \left(x + \frac{b}{2 a}\right)^{2} + \frac{4 a c - b^{2}}{4 a}$$@@$$= a \left(x + \frac{b}{2 a}\right)^{2} + \frac{4 a c - b^{2}}{4}$$@@
""", "md")

# ---------------- D  derivatives in every notation
pair("mixed_partial_product_rule", "D", r"""title: A mixed second partial, in two notations
definitions:
  f: x^{2} y^{3} + \sin(x y)
steps:
  - \frac{\partial^2 f}{\partial x \partial y}
  - = \partial_x \left(3 x^{2} y^{2} + x \cos(x y)\right)
  - @@= 6 x y^{2} + \cos(x y) - x y \sin(x y)@@= 6 x y^{2} + \cos(x y) - y \sin(x y)@@
""")
pair("implicit_circle_slope", "D", r"""title: The slope of the upper half circle, written implicitly
symbols:
  r: {positive: true}
definitions:
  y: \sqrt{r^{2} - x^{2}}
steps:
  - \frac{dy}{dx}
cases:
  - when: -r < x < r
    steps:
      - = \frac{-2 x}{2 \sqrt{r^{2} - x^{2}}}
      - @@= -\frac{x}{y}@@= -\frac{y}{x}@@
""")
pair("md_lagrangian_dot_names", "D", r"""# Euler-Lagrange terms of a spring

The Lagrangian is $L = \frac{1}{2} m \dot{x}^{2} - \frac{1}{2} k x^{2}$.

$$\frac{\partial L}{\partial \dot{x}} = \frac{\partial}{\partial \dot{x}} \left(\frac{1}{2} m \dot{x}^{2}\right) = m \dot{x}$$

$$\frac{\partial L}{\partial x} = \frac{\partial}{\partial x} \left(-\frac{1}{2} k x^{2}\right)$$

@@$$= -k x$$@@$$= -k \dot{x}$$@@
""", "md")
pair("md_prime_second_derivative_bump", "D", r"""# Two derivatives of a Gaussian bump

Let $f(x) = x e^{-x^{2}}$.

$$f'(x) = e^{-x^{2}} - 2 x^{2} e^{-x^{2}} = \left(1 - 2 x^{2}\right) e^{-x^{2}}$$

$$f''(x) = -4 x e^{-x^{2}} - 2 x \left(1 - 2 x^{2}\right) e^{-x^{2}}$$

@@$$= \left(4 x^{3} - 6 x\right) e^{-x^{2}}$$@@$$= \left(4 x^{3} - 2 x\right) e^{-x^{2}}$$@@
""", "md")
pair("md_inverse_sinh_scaled_argument", "D", r"""# Derivative of an inverse hyperbolic sine

Let $a > 0$.

$$\frac{\mathrm{d}}{\mathrm{d}x} \sinh^{-1}\left(\frac{x}{a}\right) = \frac{1}{\sqrt{1 + \frac{x^{2}}{a^{2}}}} \cdot \frac{1}{a}$$

@@$$= \frac{1}{\sqrt{a^{2} + x^{2}}}$$@@$$= \frac{1}{a \sqrt{a^{2} + x^{2}}}$$@@
""", "md")
pair("md_second_derivative_at_point", "D", r"""# Curvature of a soft ramp at the origin

Let $y = \ln\left(1 + e^{2 x}\right)$.

$$\frac{\mathrm{d}y}{\mathrm{d}x} = \frac{2 e^{2 x}}{1 + e^{2 x}}$$

$$\frac{\mathrm{d}^{2} y}{\mathrm{d}x^{2}} = \frac{4 e^{2 x}}{\left(1 + e^{2 x}\right)^{2}}$$

At the origin:

$$\frac{\mathrm{d}^{2} y}{\mathrm{d}x^{2}}(0) = \frac{4 e^{0}}{\left(1 + e^{0}\right)^{2}}$$

@@$$= 1$$@@$$= 2$$@@
""", "md")

# ---------------- E  limits of the YAML format
pair("nested_cases_two_kinks_result", "E", r"""title: The sum of two distances on a line, by nested cases
steps:
  - \left|x - 1\right| + \left|x + 1\right|
cases:
  - when: x \ge 1
    steps:
      - = (x - 1) + (x + 1)
    result: 2 x
  - when: x < 1
    steps:
      - = (1 - x) + \left|x + 1\right|
    cases:
      - when: x \ge -1
        steps:
          - = (1 - x) + (x + 1)
        result: @@'2'@@-2 x@@
      - when: x < -1
        result: -2 x
""")
pair("two_argument_definition_swapped", "E", r"""title: A two-argument definition used with its arguments swapped
definitions:
  g(u, v): u^{2} v
steps:
  - g(x, 2) - g(2, x)
  - = x^{2} \cdot 2 - 2^{2} x
  - @@= 2 x (x - 2)@@= 2 x (2 - x)@@
""")
pair("derivations_own_positive_symbol", "E", r"""title: Logarithms of powers, with and without a sign
derivations:
  - title: a positive base
    symbols:
      x: {positive: true}
    steps:
      - \ln\left(x^{3}\right)
      - = 3 \ln x
  - title: any nonzero base
    steps:
      - \ln\left(x^{2}\right)
      - @@= 2 \ln|x|@@= 2 \ln x@@
""")
pair("expr_steps_between_latex", "E", r"""title: SymPy syntax and LaTeX in one chain
steps:
  - expr: Derivative(x**3*exp(-x), x)
  - = 3 x^{2} e^{-x} - x^{3} e^{-x}
  - @@expr: x**2*(3 - x)*exp(-x)@@expr: x**2*(x - 3)*exp(-x)@@
""")
pair("nested_relu_product_result", "E", r"""title: A product of two ramps, differentiated in its first argument
steps:
  - \frac{\partial}{\partial x} \left(\max(x, 0) \max(y, 0)\right)
cases:
  - when: x > 0
    steps:
      - = \frac{\partial}{\partial x} \left(x \max(y, 0)\right)
      - = \max(y, 0)
    cases:
      - when: y > 0
        result: y
      - when: y \le 0
        result: @@'0'@@y@@
  - when: x < 0
    steps:
      - = 0
""")
pair("index_range_shifted_sum", "E", r"""title: A sum from an index to the end, shifted to start at zero
symbols:
  n: {integer: true, positive: true}
  k: {kind: index, range: [1, n]}
steps:
  - \sum_{j=k}^{n} (j - k)
  - = \sum_{m=0}^{n-k} m
  - @@= \frac{(n - k)(n - k + 1)}{2}@@= \frac{(n - k)(n - k - 1)}{2}@@
""")

# ---------------- F  notes a stranger pastes
pair("md_numbered_list_quotient", "F", r"""# A rational function's slope, step by step

1. Quotient rule:

   $$\frac{d}{dx} \frac{x}{1 + x^{2}} = \frac{\left(1 + x^{2}\right) - x \cdot 2 x}{\left(1 + x^{2}\right)^{2}}$$

2. Collect the numerator:

   @@$$= \frac{1 - x^{2}}{\left(1 + x^{2}\right)^{2}}$$@@$$= \frac{1 - x^{2}}{1 + x^{2}}$$@@
""", "md")
pair("md_equation_aligned_softsign", "F", r"""# Softsign

\begin{equation}\label{eq:softsign}
\begin{aligned}
\frac{d}{dx} \frac{x}{1 + |x|} &= \frac{\left(1 + |x|\right) - x \operatorname{sgn}(x)}{\left(1 + |x|\right)^{2}} \\
@@&= \frac{1}{\left(1 + |x|\right)^{2}}.@@&= \frac{1}{\left(1 + x\right)^{2}}.@@
\end{aligned}
\end{equation}
""", "md")
pair("md_left_brace_array_piecewise", "F", r"""# A squared ramp written with a left brace

Let

$$r(x) = \left\{ \begin{array}{ll} 0 & \text{if } x < 0 \\ x^{2} & \text{if } x \ge 0 \end{array} \right.$$

$$\frac{d}{dx} r(x)$$

If $x > 0$:

$$= 2 x$$

If $x \le 0$:

@@$$= 0$$@@$$= 2 x$$@@
""", "md")
pair("md_hat_bar_tilde_names", "F", r"""# A standardised score, squared

Let $s > 0$.

Let $\tilde{z} := \frac{z - \bar{x}}{s}$ and $\hat{y} := \tilde{z}^{2}$.

$$\frac{\partial \hat y}{\partial z} = 2 \tilde{z} \cdot \frac{1}{s}$$

@@$$= \frac{2 \left(z - \bar{x}\right)}{s^{2}}$$@@$$= \frac{2 \left(z - \bar{x}\right)}{s}$$@@
""", "md")
pair("md_substituting_tagged_equations", "F", r"""# One sigmoid output unit with a squared error

$$o = \sigma(u) \tag{1}$$

$$E = \frac{1}{2} (t - o)^{2} \tag{2}$$

where $\sigma$ is the sigmoid. Substituting (1) into (2), we obtain

$$\frac{\partial E}{\partial u} = \frac{\partial E}{\partial o} \cdot \frac{\partial o}{\partial u}$$

$$= -(t - o) \cdot o (1 - o)$$

@@$$= (o - t) \, o \, (1 - o).$$@@$$= (t - o) \, o \, (1 - o).$$@@
""", "md")
pair("md_hence_we_obtain_power", "F", r"""# The derivative of x to the x

For $x > 0$ we write the power through the exponential:

$$\frac{d}{dx} x^{x} = \frac{d}{dx} e^{x \ln x},$$

hence

$$= e^{x \ln x} \left(\ln x + 1\right),$$

and we obtain

@@$$= x^{x} \left(\ln x + 1\right).$$@@$$= x^{x} \ln x + 1.$$@@
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
    print(f"wrote {len(P)} pairs", Counter((c, e) for _, c, e, _ in P))

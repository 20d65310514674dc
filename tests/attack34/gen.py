#!/usr/bin/env python3
"""Write the attack-34 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  matrix calculus in the documented matrix notation
pair("grad_squared_linear_form_order", "A", r"""title: Gradient of a squared linear form
symbols:
  a: {kind: vector, size: n}
  x: {kind: vector, size: n}
steps:
  - \nabla_{\mathbf{x}} \left(\mathbf{a}^\top \mathbf{x}\right)^{2}
  - = 2 \left(\mathbf{a}^\top \mathbf{x}\right) \mathbf{a}
  - @@= 2 \mathbf{a} \mathbf{a}^\top \mathbf{x}@@= 2 \mathbf{x} \mathbf{a}^\top \mathbf{a}@@
""")
pair("grad_weight_outer_transpose", "A", r"""title: Gradient of a squared residual by the weight matrix
symbols:
  W: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
definitions:
  L: \frac{1}{2} \|W x - y\|_2^2
steps:
  - \frac{\partial L}{\partial W}
  - @@= (W x - y) x^\top@@= x (W x - y)^\top@@
""")
pair("grad_fourth_power_norm_hadamard", "A", r"""title: Gradient of the fourth power of a norm
symbols:
  x: {kind: vector, size: n}
steps:
  - \nabla_{x} \|x\|_2^4
  - = \nabla_{x} \left(x^\top x\right)^{2}
  - = 4 \left(x^\top x\right) x
  - @@= 4 \|x\|_2^{2} x@@= 4 x \odot x \odot x@@
""")
pair("md_bilinear_trace_rotation", "A", r"""# A bilinear form as a trace

Let $A \in \mathbb{R}^{n \times n}$ and $x, y \in \mathbb{R}^{n}$.

$$x^\top A y = \operatorname{tr}\left(x^\top A y\right)$$

$$= \operatorname{tr}\left(y x^\top A\right)$$

@@$$= \operatorname{tr}\left(A y x^\top\right)$$@@$$= \operatorname{tr}\left(A x y^\top\right)$$@@
""", "md")
pair("md_gaussian_mean_score_spd", "A", r"""# The score of a Gaussian mean

Let $S \in \mathbb{R}^{n \times n}$ be symmetric positive definite, and let $x, \mu \in \mathbb{R}^{n}$.

$$\nabla_{\mu} \left(-\frac{1}{2} (x - \mu)^\top S^{-1} (x - \mu)\right)$$

$$= \frac{1}{2} \left(S^{-1} + S^{-\top}\right) (x - \mu)$$

@@$$= S^{-1} (x - \mu)$$@@$$= \operatorname{tr}\left(S^{-1}\right) (x - \mu)$$@@
""", "md")
pair("md_ridge_push_through_size_one", "A", r"""# Ridge regression, solved two ways

Let $X \in \mathbb{R}^{N \times d}$, $y \in \mathbb{R}^{N}$ and $\lambda > 0$.

$$\left(X^\top X + \lambda I\right)^{-1} X^\top y = X^\top \left(X X^\top + \lambda I\right)^{-1} y$$

@@$$= \frac{1}{\lambda} X^\top \left(y - X \left(X^\top X + \lambda I\right)^{-1} X^\top y\right)$$@@$$= \frac{X^\top y}{\lambda + \|X\|_F^{2}}$$@@
""", "md")

# ---------------- B  identities that hold on part of the domain
pair("arcosh_of_cosh_abs", "B", r"""title: The inverse hyperbolic cosine of a hyperbolic cosine
steps:
  - \cosh^{-1}\left(\cosh x\right)
  - = \ln\left(\cosh x + \sqrt{\cosh^{2} x - 1}\right)
  - = \ln\left(\cosh x + \left|\sinh x\right|\right)
  - @@= |x|@@= x@@
""")
pair("ln_product_same_sign", "B", r"""title: The logarithm of a product of two numbers of one sign
steps:
  - \ln(x y)
cases:
  - when: x y > 0
    steps:
      - = \ln\left|x y\right|
      - @@= \ln\left|x\right| + \ln\left|y\right|@@= \ln x + \ln y@@
""")
pair("sqrt_even_power_integer", "B", r"""title: The square root of an even power
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sqrt{x^{2 n}}
  - = \sqrt{\left(x^{n}\right)^{2}}
  - = \left|x^{n}\right|
  - @@= |x|^{n}@@= x^{n}@@
""")
pair("sqrt_one_minus_sine_branches", "B", r"""title: The root of one minus a squared sine, on two half-periods
steps:
  - \sqrt{1 - \sin^{2} x}
  - = \sqrt{\cos^{2} x}
cases:
  - when: -\frac{\pi}{2} < x < \frac{\pi}{2}
    steps:
      - = \cos x
  - when: \frac{\pi}{2} < x < \frac{3 \pi}{2}
    steps:
      - @@= -\cos x@@= \cos x@@
""")
pair("md_sqrt_quotient_one_letter_positive", "B", r"""# A square root of a quotient

For $x > 0$:

$$\sqrt{\frac{x}{y^{2}}} = \frac{\sqrt{x}}{\sqrt{y^{2}}}$$

@@$$= \frac{\sqrt{x}}{|y|}$$@@$$= \frac{\sqrt{x}}{y}$$@@
""", "md")
pair("md_log_square_two_sides", "B", r"""# The logarithm of a square

$$\ln\left(x^{2}\right)$$

If $x > 0$:

$$= 2 \ln x$$

If $x < 0$:

@@$$= 2 \ln(-x)$$@@$$= 2 \ln x$$@@
""", "md")

# ---------------- C  numerically near-equal but false
pair("softplus_tail_case_far", "C", r"""title: Softplus minus its argument, far to the right
steps:
  - \ln\left(1 + e^{x}\right) - x
  - = \ln\left(1 + e^{x}\right) - \ln\left(e^{x}\right)
  - = \ln\left(1 + e^{-x}\right)
cases:
  - when: x > 40
    steps:
      - @@= -\ln\left(\frac{e^{x}}{1 + e^{x}}\right)@@= e^{-x}@@
""")
pair("logaddexp_gap_far", "C", r"""title: Log-add-exp of two logits far apart
steps:
  - \ln\left(e^{a} + e^{b}\right)
cases:
  - when: a - b > 35
    steps:
      - = a + \ln\left(1 + e^{b - a}\right)
      - @@= \max(a, b) + \ln\left(1 + e^{-|a - b|}\right)@@= a + e^{b - a}@@
""")
pair("machin_vs_convergent", "C", r"""title: Machin's formula against a close fraction
steps:
  - \pi x
  - = 4 \left(4 \arctan\frac{1}{5} - \arctan\frac{1}{239}\right) x
  - @@= 4 \left(\arctan\frac{1}{2} + \arctan\frac{1}{3}\right) x@@= \frac{245850922}{78256779} x@@
""")
pair("ramanujan_58_near_integer", "C", r"""title: A power of e close to an integer
steps:
  - \left(e^{\pi}\right)^{\sqrt{58}} y
  - @@= e^{\pi \sqrt{58}} y@@= \left(396^{4} - 104\right) y@@
""")
pair("md_e_series_24_terms", "C", r"""# Euler's number as a series

$$x \sum_{k=0}^{\infty} \frac{1}{k!}$$

$$= x e$$

@@$$= x \exp(1)$$@@$$= x \sum_{k=0}^{24} \frac{1}{k!}$$@@
""", "md")
pair("md_logcosh_far", "C", r"""# Log-cosh far from the origin

$$\ln\left(\cosh x\right) = \ln\left(\frac{e^{x} + e^{-x}}{2}\right)$$

$$= x - \ln 2 + \ln\left(1 + e^{-2x}\right)$$

If $x > 40$:

@@$$= x + \ln\left(\frac{1 + e^{-2x}}{2}\right)$$@@$$= x - \ln 2$$@@
""", "md")

# ---------------- D  integer and index arithmetic
pair("alternating_linear_sum_ceil", "D", r"""title: An alternating sum of the first integers
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=0}^{n} (-1)^{k} k
  - @@= (-1)^{n} \left\lceil \frac{n}{2} \right\rceil@@= (-1)^{n} \frac{n}{2}@@
""")
pair("hockey_stick_unordered", "D", r"""title: The hockey-stick identity, bounds in either order
symbols:
  n, r: {integer: true, nonnegative: true}
steps:
  - \sum_{k=r}^{n} \binom{k}{r}
  - @@= \binom{n + 1}{r + 1}@@= \binom{n}{r + 1} + 1@@
""")
pair("hermite_floor_thirds", "D", r"""title: Hermite's identity for thirds
steps:
  - \lfloor x \rfloor + \left\lfloor x + \frac{1}{3} \right\rfloor + \left\lfloor x + \frac{2}{3} \right\rfloor
  - @@= \lfloor 3 x \rfloor@@= \lfloor x \rfloor + \left\lfloor x + \frac{1}{3} \right\rfloor + \left\lceil x - \frac{1}{3} \right\rceil@@
""")
pair("odd_product_factorial_ratio", "D", r"""title: The product of the odd numbers as a factorial ratio
symbols:
  n: {integer: true, positive: true}
steps:
  - \prod_{k=1}^{n} (2 k - 1)
  - = \frac{(2 n)!}{2^{n} n!}
  - @@= \frac{(2 n - 1)!}{2^{n - 1} (n - 1)!}@@= \frac{(2 n - 1)!}{(n - 1)!}@@
""")
pair("md_k_times_factorial_telescope", "D", r"""# A telescoping factorial sum

Let $n$ be a nonnegative integer.

$$\sum_{k=1}^{n} k \cdot k! = \sum_{k=1}^{n} \left((k + 1)! - k!\right)$$

@@$$= (n + 1)! - 1$$@@$$= (n + 1)! - n!$$@@
""", "md")
pair("md_reversed_sum_count_terms", "D", r"""# Gauss's pairing, with the index reversed

Let $n$ be a nonnegative integer.

$$\sum_{k=0}^{n} k = \frac{1}{2} \sum_{k=0}^{n} \left(k + (n - k)\right)$$

$$= \frac{1}{2} \sum_{k=0}^{n} n$$

@@$$= \frac{n (n + 1)}{2}$$@@$$= \frac{n^{2}}{2}$$@@
""", "md")

# ---------------- E  special functions and activations
pair("mish_derivative_chain", "E", r"""title: The slope of Mish
definitions:
  \mathrm{sp}(t): \ln\left(1 + e^{t}\right)
  \sigma(t): \frac{1}{1 + e^{-t}}
  \mathrm{mish}(t): t \tanh\left(\mathrm{sp}(t)\right)
steps:
  - \frac{d}{dx} \mathrm{mish}(x)
  - = \tanh\left(\mathrm{sp}(x)\right) + x \left(1 - \tanh^{2}\left(\mathrm{sp}(x)\right)\right) \frac{d}{dx} \mathrm{sp}(x)
  - @@= \tanh\left(\mathrm{sp}(x)\right) + \frac{x \sigma(x)}{\cosh^{2}\left(\mathrm{sp}(x)\right)}@@= \tanh\left(\mathrm{sp}(x)\right) + \frac{x}{\cosh^{2}\left(\mathrm{sp}(x)\right)}@@
""")
pair("hardswish_middle_slope", "E", r"""title: Hard-swish, its slope between the joints
definitions:
  \mathrm{hswish}(t): \frac{t \min(\max(t + 3, 0), 6)}{6}
steps:
  - \frac{d}{dx} \mathrm{hswish}(x)
cases:
  - when: x > 3
    steps:
      - = 1
  - when: -3 < x < 3
    steps:
      - @@= \frac{2 x + 3}{6}@@= \frac{x + 3}{6}@@
  - when: x < -3
    steps:
      - = 0
""")
pair("erfinv_derivative", "E", r"""title: The slope of the inverse error function
steps:
  - \frac{d}{dy} \operatorname{erf}^{-1}(y)
cases:
  - when: -1 < y < 1
    steps:
      - = \frac{1}{\frac{2}{\sqrt{\pi}} e^{-\left(\operatorname{erf}^{-1}(y)\right)^{2}}}
      - @@= \frac{\sqrt{\pi}}{2} e^{\left(\operatorname{erf}^{-1}(y)\right)^{2}}@@= \frac{\sqrt{\pi}}{2} e^{-\left(\operatorname{erf}^{-1}(y)\right)^{2}}@@
""")
pair("md_gaussian_loglik_scale_curvature", "E", r"""# Curvature of a Gaussian log-likelihood in its scale

Let $\sigma > 0$.

$$\ell = -\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}$$

$$\frac{\partial \ell}{\partial \sigma} = -\frac{1}{\sigma} + \frac{(x - \mu)^{2}}{\sigma^{3}}$$

@@$$\frac{\partial^{2} \ell}{\partial \sigma^{2}} = \frac{1}{\sigma^{2}} - \frac{3 (x - \mu)^{2}}{\sigma^{4}}$$@@$$\frac{\partial^{2} \ell}{\partial \sigma^{2}} = \frac{1}{\sigma^{2}} - \frac{(x - \mu)^{2}}{\sigma^{4}}$$@@
""", "md")
pair("md_logcosh_curvature_expanded", "E", r"""# The curvature of log-cosh

\begin{align*}
\frac{d^{2}}{dx^{2}} \ln\left(\cosh x\right) &= \frac{d}{dx} \tanh x \\
&= 1 - \tanh^{2} x \\
@@&= \frac{4}{\left(e^{x} + e^{-x}\right)^{2}}@@&= \frac{2}{e^{2x} + e^{-2x}}@@
\end{align*}
""", "md")
pair("md_log_sigmoid_curvature", "E", r"""# Curvature of the log-sigmoid

Here $\sigma$ is the sigmoid.

$$\frac{d}{dx} \ln \sigma(x) = 1 - \sigma(x)$$

$$\frac{d^{2}}{dx^{2}} \ln \sigma(x) = \frac{d}{dx} \left(1 - \sigma(x)\right)$$

@@$$= -\sigma(x) \left(1 - \sigma(x)\right)$$@@$$= -\sigma(x)^{2}$$@@
""", "md")

# ---------------- F  notes layout neighbours
pair("md_multline_broken_row", "F", r"""# A long derivative, broken over lines

\begin{multline*}
\frac{d}{dx} \left(x^{3} + 3 x^{2} + 3 x + 1\right) \\
@@= 3 x^{2} + 6 x \\@@= 3 x^{2} + 5 x \\@@
+ 3
\end{multline*}
""", "md")
pair("md_tag_label_trailing_punct", "F", r"""# The product rule, numbered

\begin{align*}
\frac{\mathrm{d}}{\mathrm{d}x} \left( x e^{x^{2}} \right) &= e^{x^{2}} + x \cdot 2 x e^{x^{2}} \tag{1} \label{eq:first}, \\
@@&= \left(1 + 2 x^{2}\right) e^{x^{2}} \tag{2}.@@&= \left(1 + x^{2}\right) e^{x^{2}} \tag{2}.@@
\end{align*}
""", "md")
pair("md_for_n_ge_2_telescope", "F", r"""# A telescoping sum of reciprocals

Let $n$ be a positive integer.

For $n \ge 2$:

$$\sum_{k=2}^{n} \frac{1}{k^{2} - 1} = \frac{1}{2} \sum_{k=2}^{n} \left(\frac{1}{k - 1} - \frac{1}{k + 1}\right)$$

@@$$= \frac{1}{2} \left(1 + \frac{1}{2} - \frac{1}{n} - \frac{1}{n + 1}\right)$$@@$$= \frac{1}{2} \left(1 - \frac{1}{n + 1}\right)$$@@
""", "md")
pair("md_similarly_second_partial", "F", r"""# Two partial derivatives of a squared linear form

$$\frac{\partial}{\partial a} (a x + b y)^{2} = 2 x (a x + b y)$$

Similarly,

$$\frac{\partial}{\partial b} (a x + b y)^{2}$$

@@$$= 2 y (a x + b y)$$@@$$= 2 x (a x + b y)$$@@
""", "md")
pair("md_where_after_use_chain", "F", r"""# A chain rule through names given afterwards

$$\frac{d f}{d x} = 2 u \cos x$$

where $f = u^{2}$ and $u = \sin x$.

@@$$= \sin(2 x)$$@@$$= 2 \sin x$$@@
""", "md")
pair("md_otherwise_between_two_sides", "F", r"""# A squared excess over the unit interval

$$\frac{d}{dx} \left(\max(|x|, 1) - 1\right)^{2}$$

If $x > 1$:

$$= 2 (x - 1)$$

If $x < -1$:

$$= 2 (x + 1)$$

Otherwise:

@@$$= 0$$@@$$= 2 (x - 1)$$@@
""", "md")

# ---------------- G  other likely holes
pair("log_abs_quadratic_derivative", "G", r"""title: The slope of the log of an absolute quadratic
steps:
  - \frac{d}{dx} \ln\left|x^{2} - 1\right|
  - = \frac{1}{\left|x^{2} - 1\right|} \cdot \frac{d}{dx} \left|x^{2} - 1\right|
  - = \frac{2 x \operatorname{sign}\left(x^{2} - 1\right)}{\left|x^{2} - 1\right|}
  - @@= \frac{2 x}{x^{2} - 1}@@= \frac{2 x}{\left|x^{2} - 1\right|}@@
""")
pair("max_times_min_partial", "G", r"""title: The partial derivative of the maximum times the minimum
steps:
  - \frac{\partial}{\partial a} \left(\max(a, b) \min(a, b)\right)
  - = \frac{\partial}{\partial a} (a b)
  - @@= b@@= \min(a, b)@@
""")
pair("md_head_names_theta_variables", "G", r"""# Gradient of a one-feature least-squares cost

$$J(\theta_0, \theta_1) = \frac{1}{2} \left(\theta_0 + \theta_1 x - y\right)^{2}$$

$$\frac{\partial J(\theta_0, \theta_1)}{\partial \theta_1} = \left(\theta_0 + \theta_1 x - y\right) \cdot \frac{\partial}{\partial \theta_1} \left(\theta_0 + \theta_1 x - y\right)$$

@@$$= \left(\theta_0 + \theta_1 x - y\right) x$$@@$$= \theta_0 + \theta_1 x - y$$@@
""", "md")
pair("md_typographic_prime_defined_after", "G", r"""# The sigmoid's slope, named by a prime

$$s’(x) = \frac{d}{dx} \frac{1}{1 + e^{-x}} = \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}$$

- $s(x) = \frac{1}{1 + e^{-x}}$

@@$$= s(x) \left(1 - s(x)\right)$$@@$$= s(x)^{2}$$@@
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

#!/usr/bin/env python3
"""Write the attack-35 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  backward passes as people write them
pair("attention_scaled_readout_logit", "A", r"""title: Backward pass through a scaled attention readout
symbols:
  z: vector
  v: vector
  n: {integer: true, positive: true}
  d: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
definitions:
  p_k: \frac{\exp\left(z_k / \sqrt{d}\right)}{\sum_{m=1}^{n} \exp\left(z_m / \sqrt{d}\right)}
  o: \sum_{k=1}^{n} p_k v_k
steps:
  - \frac{\partial o}{\partial z_i}
  - = \sum_{j=1}^{n} v_j \frac{\partial p_j}{\partial z_i}
  - = \sum_{j=1}^{n} v_j \frac{p_j \left(\delta_{ij} - p_i\right)}{\sqrt{d}}
  - @@= \frac{p_i}{\sqrt{d}} \left(v_i - \sum_{j=1}^{n} p_j v_j\right)@@= \frac{p_i}{d} \left(v_i - \sum_{j=1}^{n} p_j v_j\right)@@
""")
pair("residual_tanh_column_sum", "A", r"""title: A residual tanh block, summed over its outputs
symbols:
  x: vector
  W: matrix
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
definitions:
  u_r: \sum_{k=1}^{n} W_{r,k} x_k
  y_r: x_r + \tanh(u_r)
steps:
  - \frac{\partial}{\partial x_j} \sum_{i=1}^{n} y_i
  - = \sum_{i=1}^{n} \left(\delta_{ij} + \left(1 - \tanh^{2}(u_i)\right) W_{i,j}\right)
  - @@= 1 + \sum_{i=1}^{n} \left(1 - \tanh^{2}(u_i)\right) W_{i,j}@@= n + \sum_{i=1}^{n} \left(1 - \tanh^{2}(u_i)\right) W_{i,j}@@
""")
pair("bce_tanh_hidden_weight_element", "A", r"""title: Binary cross-entropy through a tanh hidden layer, one first-layer weight
symbols:
  x: vector
  w: vector
  U: matrix
  n: {integer: true, positive: true}
  a, b: {kind: index, range: [1, n]}
definitions:
  \sigma(s): \frac{1}{1 + e^{-s}}
  h_r: \tanh\left(\sum_{l=1}^{n} U_{r,l} x_l\right)
  z: \sum_{k=1}^{n} w_k h_k + c
  L: -t \ln\left(\sigma(z)\right) - (1 - t) \ln\left(1 - \sigma(z)\right)
steps:
  - \frac{\partial L}{\partial U_{a,b}}
  - = \left(\sigma(z) - t\right) \frac{\partial z}{\partial U_{a,b}}
  - @@= \left(\sigma(z) - t\right) w_a \left(1 - h_a^{2}\right) x_b@@= \left(\sigma(z) - t\right) w_a h_a \left(1 - h_a\right) x_b@@
""")
pair("dropout_mask_inverted_scale", "A", r"""title: A sigmoid layer behind an inverted-dropout mask (the mask m given)
symbols:
  u: vector
  m: vector
  v: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
definitions:
  \sigma(s): \frac{1}{1 + e^{-s}}
  h_k: \frac{m_k}{1 - q} \sigma(u_k)
  \hat{y}: \sum_{r=1}^{n} v_r h_r
steps:
  - \frac{\partial \hat{y}}{\partial u_i}
  - = \sum_{j=1}^{n} v_j \frac{m_j}{1 - q} \sigma(u_j) \left(1 - \sigma(u_j)\right) \mathbb{1}[i = j]
  - @@= \frac{v_i m_i}{1 - q} \sigma(u_i) \left(1 - \sigma(u_i)\right)@@= \frac{v_i m_i}{(1 - q)^{2}} \sigma(u_i) \left(1 - \sigma(u_i)\right)@@
""")
pair("md_rmsnorm_jacobian_delta", "A", r"""# The Jacobian of RMS normalisation

Let $n$ be a positive integer.

Let $r = \sqrt{\frac{1}{n} \sum_{k=1}^{n} x_k^{2}}$.

$$\frac{\partial}{\partial x_j} \frac{x_i}{r} = \frac{\delta_{ij}}{r} - \frac{x_i}{r^{2}} \cdot \frac{\partial r}{\partial x_j}$$

@@$$= \frac{\delta_{ij}}{r} - \frac{x_i x_j}{n r^{3}}$$@@$$= \frac{\delta_{ij}}{r} - \frac{x_i x_j}{r^{3}}$$@@
""", "md")
pair("md_two_sigmoid_units_chain", "A", r"""# Two sigmoid units in a row

Here $\sigma$ is the sigmoid.

Let $h = \sigma(a x)$ and $\hat{y} = \sigma(w h)$.

$$\frac{d \hat{y}}{d x} = \hat{y} (1 - \hat{y}) \cdot w \cdot \frac{d h}{d x}$$

@@$$= \hat{y} (1 - \hat{y}) \cdot w \cdot h (1 - h) \cdot a$$@@$$= \hat{y} (1 - \hat{y}) \cdot w \cdot h (1 - h)$$@@
""", "md")

# ---------------- B  probability and statistics closed forms
pair("centred_cross_product_sum", "B", r"""title: A centred cross-product sum
symbols:
  x: vector
  y: vector
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  \bar{x}: \frac{1}{n} \sum_{k=1}^{n} x_k
  \bar{y}: \frac{1}{n} \sum_{l=1}^{n} y_l
steps:
  - \sum_{i=1}^{n} (x_i - \bar{x}) (y_i - \bar{y})
  - = \sum_{i=1}^{n} x_i y_i - \bar{y} \sum_{k=1}^{n} x_k - \bar{x} \sum_{l=1}^{n} y_l + n \bar{x} \bar{y}
  - @@= \sum_{i=1}^{n} x_i y_i - \bar{x} \sum_{l=1}^{n} y_l@@= \sum_{i=1}^{n} x_i y_i - \bar{x} \bar{y}@@
""")
pair("lse_temperature_slope", "B", r"""title: The slope of a tempered log-sum-exp in its temperature
symbols:
  z: vector
  n: {integer: true, positive: true}
  T: {positive: true}
definitions:
  F: T \ln\left(\sum_{j=1}^{n} e^{z_j / T}\right)
steps:
  - \frac{\partial F}{\partial T}
  - = \ln\left(\sum_{j=1}^{n} e^{z_j / T}\right) + T \cdot \frac{\sum_{k=1}^{n} e^{z_k / T} \cdot \left(-\frac{z_k}{T^{2}}\right)}{\sum_{j=1}^{n} e^{z_j / T}}
  - @@= \ln\left(\sum_{j=1}^{n} e^{z_j / T}\right) - \frac{\sum_{k=1}^{n} z_k e^{z_k / T}}{T \sum_{j=1}^{n} e^{z_j / T}}@@= \ln\left(\sum_{j=1}^{n} e^{z_j / T}\right) - \frac{\sum_{k=1}^{n} z_k e^{z_k / T}}{\sum_{j=1}^{n} e^{z_j / T}}@@
""")
pair("poisson_score_sample_mean", "B", r"""title: The score of a Poisson rate, through the sample mean
symbols:
  x: vector
  n: {integer: true, positive: true}
  lambda: {positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  \bar{x}: \frac{1}{n} \sum_{k=1}^{n} x_k
  \ell: \sum_{i=1}^{n} \left(x_i \ln\lambda - \lambda\right)
steps:
  - \frac{d \ell}{d \lambda}
  - = \sum_{i=1}^{n} \left(\frac{x_i}{\lambda} - 1\right)
  - @@= \frac{n \left(\bar{x} - \lambda\right)}{\lambda}@@= \frac{n \left(\bar{x} - \lambda\right)}{\lambda^{2}}@@
""")
pair("md_exponential_rate_score", "B", r"""# The score of an exponential rate

Let $n$ be a positive integer.

Let $\lambda > 0$.

Let $\bar{x} = \frac{1}{n} \sum_{i=1}^{n} x_i$.

$$\frac{\mathrm{d}}{\mathrm{d}\lambda} \left(n \ln \lambda - \lambda \sum_{i=1}^{n} x_i\right) = \frac{n}{\lambda} - \sum_{i=1}^{n} x_i$$

@@$$= n \left(\frac{1}{\lambda} - \bar{x}\right)$$@@$$= \frac{n}{\lambda} \left(\frac{1}{\lambda} - \bar{x}\right)$$@@
""", "md")
pair("md_gaussian_precision_score", "B", r"""# A Gaussian log-likelihood in its precision

Let $n$ be a positive integer.

Let $\tau > 0$.

$$\ell = \frac{n}{2} \ln \tau - \frac{\tau}{2} \sum_{i=1}^{n} (x_i - \mu)^{2}$$

$$\frac{\partial \ell}{\partial \tau} = \frac{n}{2 \tau} - \frac{1}{2} \sum_{i=1}^{n} (x_i - \mu)^{2}$$

@@$$= \frac{1}{2} \left(\frac{n}{\tau} - \sum_{i=1}^{n} (x_i - \mu)^{2}\right)$$@@$$= \frac{1}{2} \left(\frac{n}{\tau} - \tau \sum_{i=1}^{n} (x_i - \mu)^{2}\right)$$@@
""", "md")
pair("md_poisson_log_rate_curvature", "B", r"""# A Poisson likelihood in its log-rate

Let $n$ be a positive integer.

$$\ell = \sum_{i=1}^{n} \left(x_i \theta - e^{\theta}\right)$$

$$\frac{d \ell}{d \theta} = \sum_{i=1}^{n} x_i - n e^{\theta}$$

$$\frac{d^{2} \ell}{d \theta^{2}} = \frac{d}{d \theta} \left(\sum_{i=1}^{n} x_i - n e^{\theta}\right)$$

@@$$= -n e^{\theta}$$@@$$= -n e^{2 \theta}$$@@
""", "md")

# ---------------- C  series and products with symbolic bounds
pair("geometric_from_one_ratio_cases", "C", r"""title: A geometric sum from one, split on the ratio
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=1}^{n} r^{k}
cases:
  - when: r = 1
    steps:
      - = \sum_{k=1}^{n} 1
      - = n
  - when: r \neq 1
    steps:
      - = \frac{r - r^{n + 1}}{1 - r}
      - @@= \frac{r \left(1 - r^{n}\right)}{1 - r}@@= \frac{1 - r^{n}}{1 - r}@@
""")
pair("cubes_shift_boundary_term", "C", r"""title: Shifting the index of a sum of cubes
symbols:
  n: {integer: true, nonnegative: true}
steps:
  - \sum_{k=0}^{n-1} (k + 1)^{3}
  - @@= \sum_{k=1}^{n} k^{3}@@= \sum_{k=1}^{n-1} k^{3}@@
  - = \sum_{k=0}^{n} k^{3}
  - = \frac{n^{2} (n + 1)^{2}}{4}
""")
pair("product_reciprocal_k_k2_telescope", "C", r"""title: A telescoping product of one plus a reciprocal
symbols:
  n: {integer: true, positive: true}
steps:
  - \prod_{k=1}^{n} \left(1 + \frac{1}{k (k + 2)}\right)
  - = \prod_{k=1}^{n} \frac{(k + 1)^{2}}{k (k + 2)}
  - = \left(\prod_{k=1}^{n} \frac{k + 1}{k}\right) \left(\prod_{k=1}^{n} \frac{k + 1}{k + 2}\right)
  - = (n + 1) \cdot \frac{2}{n + 2}
  - @@= \frac{2 (n + 1)}{n + 2}@@= \frac{n + 7}{6}@@
""")
pair("squares_shift_down_count", "C", r"""title: Squares summed by shifting the index down
symbols:
  n: {integer: true, positive: true}
steps:
  - \sum_{k=1}^{n} k^{2}
  - = \sum_{k=0}^{n-1} (k + 1)^{2}
  - @@= \sum_{k=0}^{n-1} k^{2} + 2 \sum_{k=0}^{n-1} k + n@@= \sum_{k=0}^{n-1} k^{2} + 2 \sum_{k=0}^{n-1} k + 1@@
  - = \frac{n (n + 1) (2 n + 1)}{6}
""")
pair("md_series_derivative_ratio", "C", r"""# A power series, differentiated term by term

Assuming $-1 < r < 1$ (so that both series converge), we get:

$$\sum_{k=1}^{\infty} k r^{k} = r \frac{d}{dr} \sum_{k=0}^{\infty} r^{k}$$

$$= r \frac{d}{dr} \frac{1}{1 - r}$$

@@$$= \frac{r}{(1 - r)^{2}}$$@@$$= \frac{r}{1 - r^{2}}$$@@
""", "md")
pair("md_product_one_plus_inverse", "C", r"""# A product that telescopes to a count

Let $n$ be a positive integer.

$$\prod_{k=1}^{n} \left(1 + \frac{1}{k}\right) = \prod_{k=1}^{n} \frac{k + 1}{k}$$

$$= \frac{(n + 1)!}{n!}$$

@@$$= n + 1$$@@$$= 2^{n}$$@@
""", "md")

# ---------------- D  case splits
pair("abs_sum_four_regions", "D", r"""title: The sum of two absolute values, by regions of the plane
steps:
  - \left|x + y\right| + \left|x - y\right|
cases:
  - when: x \ge \left|y\right|
    steps:
      - = (x + y) + (x - y)
      - = 2 x
  - when: y \ge \left|x\right|
    steps:
      - = (x + y) + (y - x)
      - @@= 2 y@@= 2 \left|x\right|@@
  - when: '-x \ge \left|y\right|'
    steps:
      - = -(x + y) - (x - y)
      - = -2 x
  - when: '-y \ge \left|x\right|'
    steps:
      - = -(x + y) + (x - y)
      - = -2 y
""")
pair("piecewise_slope_at_and_past_joint", "D", r"""title: The slope of a piecewise function at and past its joint
definitions:
  f(t): \begin{cases} t^{2} & t \le 1 \\ 2 t - 1 & \text{otherwise} \end{cases}
steps:
  - \frac{d}{dx} f(x)
cases:
  - when: x < 1
    steps:
      - = 2 x
  - when: x = 1
    steps:
      - = 2
    result: '2'
  - when: x > 1
    steps:
      - @@= 2@@= 2 x@@
""")
pair("root_squared_product_nested_signs", "D", r"""title: The root of a squared product, by the signs of its factors
steps:
  - \sqrt{x^{2} y^{2}}
  - = \left|x y\right|
  - = \left|x\right| \left|y\right|
cases:
  - when: x \ge 0
    steps:
      - = x \left|y\right|
    cases:
      - when: y \ge 0
        steps:
          - = x y
      - when: y < 0
        steps:
          - = -x y
  - when: x < 0
    steps:
      - = -x \left|y\right|
    cases:
      - when: y \le 0
        steps:
          - @@= x y@@= -x y@@
      - when: y > 0
        steps:
          - = -x y
""")
pair("md_squared_ramp_otherwise", "D", r"""# The slope of a squared ramp

$$\frac{d}{dx} (x + |x|)^{2}$$

If $x \ge 0$:

$$= \frac{d}{dx} 4 x^{2}$$

$$= 8 x$$

Otherwise:

@@$$= 0$$@@$$= 8 x$$@@
""", "md")
pair("md_cases_sharing_their_edge", "D", r"""# A one-sided squared gap, by cases that share their edge

$$\frac{\partial}{\partial y} \left(\max(x, y) - y\right)^{2}$$

Case 1: $x \ge y$

$$= -2 (x - y)$$

Case 2: $x \le y$

@@$$= 0$$@@$$= -2 (x - y)$$@@
""", "md")
pair("md_piecewise_value_closed_side", "D", r"""# A piecewise function, read on each side of its joint

$$f(x) = \begin{cases} x^{2} & \text{if } x < 1 \\ 2 x - 1 & \text{otherwise} \end{cases}$$

$$f(x)$$

If $x ≤ 1$:

@@$$= x^{2}$$@@$$= 2 x - 1$$@@

Otherwise:

$$= 2 x - 1$$
""", "md")

# ---------------- E  trigonometric, hyperbolic and inverse identities with domains
pair("tan_of_arcsin_open_interval", "E", r"""title: The tangent of an arcsine
steps:
  - \tan\left(\arcsin x\right)
cases:
  - when: '-1 < x < 1'
    steps:
      - = \frac{\sin\left(\arcsin x\right)}{\cos\left(\arcsin x\right)}
      - @@= \frac{x}{\sqrt{1 - x^{2}}}@@= \frac{x}{1 - x^{2}}@@
""")
pair("sinh_of_arcosh_from_one", "E", r"""title: The hyperbolic sine of an inverse hyperbolic cosine
steps:
  - \sinh\left(\cosh^{-1} x\right)
cases:
  - when: x \ge 1
    steps:
      - = \sqrt{\cosh^{2}\left(\cosh^{-1} x\right) - 1}
      - @@= \sqrt{x^{2} - 1}@@= \sqrt{x - 1}@@
""")
pair("half_angle_sine_negative_side", "E", r"""title: The sine of a half angle, with its sign
steps:
  - \sin\left(\frac{x}{2}\right)
cases:
  - when: 0 \le x \le 2 \pi
    steps:
      - = \sqrt{\frac{1 - \cos x}{2}}
  - when: '-2 \pi \le x < 0'
    steps:
      - @@= -\sqrt{\frac{1 - \cos x}{2}}@@= \sqrt{\frac{1 - \cos x}{2}}@@
""")
pair("secant_slope_cos_power", "E", r"""title: The slope of the secant
steps:
  - \frac{d}{dx} \sec x
  - = \sec x \tan x
  - @@= \frac{\sin x}{\cos^{2} x}@@= \frac{\sin x}{\cos x^{2}}@@
""")
pair("md_cos_twice_arctan", "E", r"""# The cosine of twice an arctangent

$$\cos\left(2 \arctan x\right) = \cos^{2}\left(\arctan x\right) - \sin^{2}\left(\arctan x\right)$$

$$= \frac{1}{1 + x^{2}} - \frac{x^{2}}{1 + x^{2}}$$

@@$$= \frac{1 - x^{2}}{1 + x^{2}}$$@@$$= \frac{1 - x^{2}}{\sqrt{1 + x^{2}}}$$@@
""", "md")
pair("md_csc_of_arctan_sign", "E", r"""# The cosecant of an arctangent

$$\csc\left(\arctan x\right) = \frac{1}{\sin\left(\arctan x\right)} \qquad (\text{by definition})$$

@@$$= \frac{\sqrt{1 + x^{2}}}{x}$$@@$$= \frac{\sqrt{1 + x^{2}}}{\left|x\right|}$$@@
""", "md")

# ---------------- F  notes layouts a stranger pastes
pair("md_aligned_row_spacing", "F", r"""# Product rule, in an aligned block

$$
\begin{aligned}
\frac{d}{dx}\left(x^{2} e^{-x}\right) &= 2 x e^{-x} - x^{2} e^{-x} \\[4pt]
@@&= x (2 - x) e^{-x}@@&= x (2 + x) e^{-x}@@
\end{aligned}
$$
""", "md")
pair("md_intertext_between_rows", "F", r"""# The slope of a logarithm, with a sentence between the rows

\begin{align*}
\frac{d}{dx} \ln\left(x^{2} + 1\right) &= \frac{1}{x^{2} + 1} \cdot \frac{d}{dx}\left(x^{2} + 1\right) \\
\intertext{and the inner derivative is twice x, so}
@@&= \frac{2 x}{x^{2} + 1}@@&= \frac{2 x^{2}}{x^{2} + 1}@@
\end{align*}
""", "md")
pair("md_numbered_definition_referenced", "F", r"""# A chain rule through a numbered definition

$$u = x^{2} - 2 x \tag{1}$$

Differentiating with (1) and the chain rule:

$$\frac{d}{dx} e^{u} = e^{u} \cdot (2 x - 2)$$

@@$$= 2 (x - 1) e^{x^{2} - 2 x}$$@@$$= 2 (x - 1) e^{x^{2}}$$@@
""", "md")
pair("md_heading_after_implication", "F", r"""# Critical points of a cubic

$$3 x^{2} - 3 = 0 \Rightarrow x^{2} = 1$$

## The slope, factored

$$\frac{d}{dx}\left(x^{3} - 3 x\right) = 3 x^{2} - 3$$

@@$$= 3 (x - 1) (x + 1)$$@@$$= 3 (x - 1)^{2}$$@@
""", "md")
pair("md_partial_shorthand_unicode", "F", r"""# A partial derivative in shorthand

$$\partial_x \left(x^{2} y − \cos(x y)\right) = 2 x y + y \sin(x y)$$

@@$$= y · \left(2 x + \sin(x y)\right)$$@@$$= x · \left(2 y + \sin(x y)\right)$$@@
""", "md")
pair("md_chain_resumed_after_paragraph", "F", r"""# An antiderivative checked by differentiating

Let $x > 0$.

$$\frac{\mathrm{d}}{\mathrm{d}x} \left(x \ln x - x\right) = \ln x + x \cdot \frac{1}{x} - 1$$

The last two terms cancel, which is why the antiderivative subtracts its argument.

@@$$= \ln x$$@@$$= x \ln x$$@@
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

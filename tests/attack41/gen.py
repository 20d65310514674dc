#!/usr/bin/env python3
"""Write the attack-41 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the machine-learning derivations a
practitioner really writes, at full length and in their usual notation (softmax and cross-entropy,
normalisation layers, activations, losses and regularisers, matrix calculus, likelihoods), where one
slip hides in a long chain. Each false twin is a slip people make (a dropped 1/n or n, a sign, two
indices swapped, a missing transpose, an epsilon dropped, a factor 2, a lost temperature) and is
right at special points (n = 1, size 1, a symmetric matrix, T = 1, beta = 1, x = 0, ...)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  softmax, log-softmax, cross-entropy
pair("ce_weighted_temperature_cases", "A", r"""title: A class-weighted cross-entropy at a temperature, by cases
symbols:
  z: vector
  n: {integer: true, positive: true}
  i, j, gamma: {kind: index, range: [1, n]}
  T: {positive: true}
  c: {positive: true}
definitions:
  p_k: \frac{e^{z_k / T}}{\sum_{j=1}^{n} e^{z_j / T}}
  Loss: -c \ln(p_\gamma)
steps:
  - \frac{\partial \text{Loss}}{\partial z_i}
  - = -c \frac{\partial}{\partial z_i} \left(\frac{z_\gamma}{T} - \ln \sum_{j=1}^{n} e^{z_j / T}\right)
cases:
  - when: \gamma = i
    steps:
      - = -c \left(\frac{1}{T} - \frac{e^{z_i / T}}{T \sum_{j=1}^{n} e^{z_j / T}}\right)
      - = \frac{c}{T} \left(p_i - 1\right)
      - = \frac{c (p_i - 1)}{T}
  - when: \gamma \neq i
    steps:
      - = -c \left(0 - \frac{e^{z_i / T}}{T \sum_{j=1}^{n} e^{z_j / T}}\right)
      - = \frac{c}{T} \cdot \frac{e^{z_i / T}}{\sum_{j=1}^{n} e^{z_j / T}}
      - @@= \frac{c \, p_i}{T}@@= c \, p_i@@
""")
pair("md_focal_loss_logit_slope", "A", r"""# The slope of a focal loss in its logit

Let $\gamma \ge 0$.

Let $p = \frac{1}{1 + e^{-x}}$ and $F = -(1 - p)^{\gamma} \ln p$.

\begin{align*}
\frac{dF}{dx} &= \gamma (1 - p)^{\gamma - 1} p (1 - p) \ln p - (1 - p)^{\gamma} \frac{p (1 - p)}{p} \\
&= \gamma p (1 - p)^{\gamma} \ln p - (1 - p)^{\gamma + 1} \\
&= @@(1 - p)^{\gamma} \left(\gamma p \ln p - (1 - p)\right)@@(1 - p)^{\gamma} \left(\gamma \ln p - (1 - p)\right)@@ \\
&= (1 - p)^{\gamma} \left(\gamma p \ln p + p - 1\right)
\end{align*}
""", "md")
pair("md_softmax_vjp_split_diagonal", "A", r"""# A vector-Jacobian product through softmax

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.

$$\sum_{j=1}^{n} g_j \frac{\partial p_j}{\partial z_i}$$

$$= g_i p_i (1 - p_i) - \sum_{j \neq i} g_j p_j p_i$$

$$= g_i p_i - g_i p_i^{2} - p_i \sum_{j \neq i} g_j p_j$$

$$= @@g_i p_i - p_i \sum_{j=1}^{n} g_j p_j@@g_i p_i - p_i \sum_{j \neq i} g_j p_j@@$$

$$= p_i \left(g_i - \sum_{j=1}^{n} g_j p_j\right)$$
""", "md")
pair("lse_temperature_gradient_cancel", "A", r"""title: The gradient of a temperature-scaled log-sum-exp
symbols:
  z: vector
  n: {integer: true, positive: true}
  i, j: {kind: index, range: [1, n]}
  T: {positive: true}
definitions:
  \text{lse}: T \ln \sum_{j=1}^{n} e^{z_j / T}
steps:
  - \frac{\partial \text{lse}}{\partial z_i}
  - = T \cdot \frac{\partial}{\partial z_i} \ln \sum_{j=1}^{n} e^{z_j / T}
  - = T \cdot \frac{\frac{1}{T} e^{z_i / T}}{\sum_{j=1}^{n} e^{z_j / T}}
  - @@= \frac{e^{z_i / T}}{\sum_{j=1}^{n} e^{z_j / T}}@@= \frac{e^{z_i / T}}{T \sum_{j=1}^{n} e^{z_j / T}}@@
  - = \frac{1}{\sum_{j=1}^{n} e^{(z_j - z_i) / T}}
""")
pair("md_bce_pos_weight_gradient", "A", r"""# Binary cross-entropy with a positive-class weight

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

Let $L = -w y \ln \sigma(x) - (1 - y) \ln(1 - \sigma(x))$.

$$\frac{dL}{dx} = -w y \frac{\sigma'(x)}{\sigma(x)} + (1 - y) \frac{\sigma'(x)}{1 - \sigma(x)}$$

$$= -w y (1 - \sigma(x)) + (1 - y) \sigma(x)$$

$$= -w y + w y \sigma(x) + \sigma(x) - y \sigma(x)$$

$$= @@\sigma(x) (w y + 1 - y) - w y@@\sigma(x) - w y@@$$

$$= \sigma(x) \left(1 + (w - 1) y\right) - w y$$
""", "md")
pair("md_softmax_temperature_jacobian_otherwise", "A", r"""# The softmax Jacobian at a temperature

Let $n$ be a positive integer.

Let $T > 0$.

Here $1 \le i \le n$.

Here $1 \le j \le n$.

Let $p_k = \frac{e^{z_k / T}}{\sum_{m=1}^{n} e^{z_m / T}}$.

$$\frac{\partial p_i}{\partial z_j}$$

If $i = j$:

$$= \frac{\frac{1}{T} e^{z_i / T} \sum_{m=1}^{n} e^{z_m / T} - e^{z_i / T} \cdot \frac{1}{T} e^{z_i / T}}{\left(\sum_{m=1}^{n} e^{z_m / T}\right)^{2}}$$

$$= \frac{1}{T} \left(p_i - p_i^{2}\right)$$

$$= \frac{p_i (1 - p_i)}{T}$$

Otherwise:

$$= -\frac{e^{z_i / T} \cdot \frac{1}{T} e^{z_j / T}}{\left(\sum_{m=1}^{n} e^{z_m / T}\right)^{2}}$$

$$= @@-\frac{p_i p_j}{T}@@-p_i p_j@@$$
""", "md")
pair("softmax_entropy_gradient_sign", "A", r"""title: The gradient of the entropy of a softmax
symbols:
  z: vector
  n: {integer: true, positive: true}
  i, j, k: {kind: index, range: [1, n]}
definitions:
  p_r: \frac{e^{z_r}}{\sum_{j=1}^{n} e^{z_j}}
  H: -\sum_{k=1}^{n} p_k \ln p_k
steps:
  - \frac{\partial H}{\partial z_i}
  - = -\sum_{k=1}^{n} \left(\ln p_k + 1\right) \frac{\partial p_k}{\partial z_i}
  - = -\sum_{k=1}^{n} \left(\ln p_k + 1\right) \left(p_k \delta_{ki} - p_k p_i\right)
  - = -p_i \ln p_i - p_i + p_i \sum_{k=1}^{n} p_k \ln p_k + p_i \sum_{k=1}^{n} p_k
  - @@= -p_i \ln p_i + p_i \sum_{k=1}^{n} p_k \ln p_k@@= -p_i \ln p_i - p_i \sum_{k=1}^{n} p_k \ln p_k@@
  - = -p_i \left(\ln p_i + H\right)
""")
pair("md_three_logit_lse_slope", "A", r"""# The slope of a three-logit log-sum-exp

$$\frac{\partial}{\partial a} \ln\left(e^{a} + e^{b} + e^{c}\right)$$

$$= \frac{e^{a}}{e^{a} + e^{b} + e^{c}}$$

$$= @@\frac{1}{1 + e^{b - a} + e^{c - a}}@@\frac{1}{1 + e^{a - b} + e^{c - a}}@@$$

$$= \frac{1}{1 + e^{-a} \left(e^{b} + e^{c}\right)}$$

$$= \frac{1}{1 + e^{\ln(e^{b} + e^{c}) - a}}$$
""", "md")

# ---------------- B  normalisation layers
pair("layernorm_variance_eps_by_sums", "B", r"""title: A layer-norm variance plus epsilon, by sums
symbols:
  x: vector
  n: {integer: true, positive: true}
  k: {kind: index, range: [1, n]}
  epsilon: {positive: true}
definitions:
  mu: \frac{1}{n} \sum_{k=1}^{n} x_k
steps:
  - \frac{1}{n} \sum_{k=1}^{n} (x_k - \mu)^{2} + \epsilon
  - = \frac{1}{n} \sum_{k=1}^{n} \left(x_k^{2} - 2 \mu x_k + \mu^{2}\right) + \epsilon
  - = \frac{1}{n} \sum_{k=1}^{n} x_k^{2} - \frac{2 \mu}{n} \sum_{k=1}^{n} x_k + \mu^{2} + \epsilon
  - = \frac{1}{n} \sum_{k=1}^{n} x_k^{2} - 2 \mu^{2} + \mu^{2} + \epsilon
  - @@= \frac{1}{n} \sum_{k=1}^{n} x_k^{2} - \mu^{2} + \epsilon@@= \frac{1}{n} \sum_{k=1}^{n} x_k^{2} - n \mu^{2} + \epsilon@@
  - = \frac{1}{n} \sum_{k=1}^{n} x_k^{2} - \frac{1}{n^{2}} \left(\sum_{k=1}^{n} x_k\right)^{2} + \epsilon
""")
pair("md_batchnorm_input_grad_sums_to_zero", "B", r"""# The input gradient of batch norm sums to zero

Let $n$ be a positive integer.

Let $\epsilon > 0$.

Let $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$ and $s = \sqrt{\frac{1}{n} \sum_{k=1}^{n} (x_k - \mu)^{2} + \epsilon}$.

Let $\hat{x}_k = \frac{x_k - \mu}{s}$, $\bar{g} = \frac{1}{n} \sum_{k=1}^{n} g_k$ and $c = \frac{1}{n} \sum_{k=1}^{n} g_k \hat{x}_k$.

$$\sum_{j=1}^{n} \frac{1}{s} \left(g_j - \bar{g} - \hat{x}_j c\right)$$

$$= @@\frac{1}{s} \left(\sum_{j=1}^{n} g_j - n \bar{g} - c \sum_{j=1}^{n} \hat{x}_j\right)@@\frac{1}{s} \left(\sum_{j=1}^{n} g_j - \bar{g} - c \sum_{j=1}^{n} \hat{x}_j\right)@@$$

$$= -\frac{c}{s} \sum_{j=1}^{n} \hat{x}_j$$

$$= -\frac{c}{s^{2}} \left(\sum_{j=1}^{n} x_j - n \mu\right)$$

$$= 0$$
""", "md")
pair("rmsnorm_scale_grad_eps", "B", r"""title: The slope of an RMS scale with epsilon
symbols:
  x: vector
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
  epsilon: {positive: true}
definitions:
  r: \sqrt{\frac{1}{n} \sum_{k=1}^{n} x_k^{2} + \epsilon}
steps:
  - \frac{\partial r}{\partial x_j}
  - = \frac{1}{2 r} \cdot \frac{\partial}{\partial x_j} \left(\frac{1}{n} \sum_{k=1}^{n} x_k^{2} + \epsilon\right)
  - = \frac{1}{2 r} \cdot \frac{2 x_j}{n}
  - = \frac{x_j}{n r}
  - = \frac{x_j}{\sqrt{n^{2} \left(\frac{1}{n} \sum_{k=1}^{n} x_k^{2} + \epsilon\right)}}
  - @@= \frac{x_j}{\sqrt{n \sum_{k=1}^{n} x_k^{2} + n^{2} \epsilon}}@@= \frac{x_j}{\sqrt{n \sum_{k=1}^{n} x_k^{2} + n \epsilon}}@@
""")
pair("md_centred_square_grad_cases", "B", r"""# The gradient of a centred square, by cases

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Here $1 \le j \le n$.

Let $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$.

$$\frac{\partial}{\partial x_j} (x_i - \mu)^{2}$$

$$= 2 (x_i - \mu) \frac{\partial}{\partial x_j} (x_i - \mu)$$

If $i = j$:

$$= 2 (x_i - \mu) \left(1 - \frac{1}{n}\right)$$

$$= @@\frac{2 (n - 1)}{n} (x_i - \mu)@@2 (x_i - \mu)@@$$

Otherwise:

$$= -\frac{2}{n} (x_i - \mu)$$
""", "md")
pair("batchnorm_gamma_grad_eps", "B", r"""title: The batch-norm scale gradient with epsilon
symbols:
  x: vector
  t: vector
  n: {integer: true, positive: true}
  k: {kind: index, range: [1, n]}
  epsilon: {positive: true}
definitions:
  mu: \frac{1}{n} \sum_{k=1}^{n} x_k
  v: \frac{1}{n} \sum_{k=1}^{n} (x_k - \mu)^{2}
  \hat{x}_r: \frac{x_r - \mu}{\sqrt{v + \epsilon}}
  L: \frac{1}{2} \sum_{k=1}^{n} \left(\gamma \hat{x}_k + \beta - t_k\right)^{2}
steps:
  - \frac{\partial L}{\partial \gamma}
  - = \sum_{k=1}^{n} \left(\gamma \hat{x}_k + \beta - t_k\right) \hat{x}_k
  - = \gamma \sum_{k=1}^{n} \hat{x}_k^{2} + \beta \sum_{k=1}^{n} \hat{x}_k - \sum_{k=1}^{n} t_k \hat{x}_k
  - = \gamma \sum_{k=1}^{n} \hat{x}_k^{2} - \sum_{k=1}^{n} t_k \hat{x}_k
  - = \gamma \sum_{k=1}^{n} \frac{(x_k - \mu)^{2}}{v + \epsilon} - \sum_{k=1}^{n} t_k \hat{x}_k
  - @@= \frac{\gamma n v}{v + \epsilon} - \sum_{k=1}^{n} t_k \hat{x}_k@@= \gamma n - \sum_{k=1}^{n} t_k \hat{x}_k@@
""")
pair("md_rmsnorm_output_mean_square", "B", r"""# The mean square of an RMS-normalised vector

Let $n$ be a positive integer.

Let $\epsilon > 0$.

Let $r = \sqrt{\frac{1}{n} \sum_{k=1}^{n} x_k^{2} + \epsilon}$ and $y_k = \frac{x_k}{r}$.

$$\frac{1}{n} \sum_{k=1}^{n} y_k^{2}$$

$$= \frac{1}{n} \sum_{k=1}^{n} \frac{x_k^{2}}{r^{2}}$$

$$= \frac{1}{n r^{2}} \sum_{k=1}^{n} x_k^{2}$$

$$= @@\frac{\sum_{k=1}^{n} x_k^{2}}{\sum_{k=1}^{n} x_k^{2} + n \epsilon}@@\frac{\sum_{k=1}^{n} x_k^{2}}{\sum_{k=1}^{n} x_k^{2} + \epsilon}@@$$

$$= 1 - \frac{n \epsilon}{\sum_{k=1}^{n} x_k^{2} + n \epsilon}$$
""", "md")
pair("weighted_centred_loss_grad", "B", r"""title: The gradient of a weighted centred square loss
symbols:
  x: vector
  w: vector
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
definitions:
  mu: \frac{1}{n} \sum_{k=1}^{n} x_k
  c_r: x_r - \mu
  L: \sum_{k=1}^{n} w_k c_k^{2}
steps:
  - \frac{\partial L}{\partial x_j}
  - = \sum_{k=1}^{n} 2 w_k c_k \frac{\partial c_k}{\partial x_j}
  - = \sum_{k=1}^{n} 2 w_k c_k \left(\delta_{kj} - \frac{1}{n}\right)
  - @@= 2 w_j c_j - \frac{2}{n} \sum_{k=1}^{n} w_k c_k@@= 2 w_j c_j - \frac{2}{n} w_j c_j@@
  - = 2 w_j (x_j - \mu) - \frac{2}{n} \sum_{k=1}^{n} w_k (x_k - \mu)
""")

# ---------------- C  activations
pair("md_gelu_tanh_slope", "C", r"""# The slope of the tanh approximation of GELU

Let $u = \sqrt{\frac{2}{\pi}} \left(x + 0.044715 x^{3}\right)$ and $y = \frac{1}{2} x (1 + \tanh u)$.

$$\frac{dy}{dx} = \frac{1}{2} (1 + \tanh u) + \frac{1}{2} x \frac{d}{dx} \tanh u$$

$$= \frac{1}{2} (1 + \tanh u) + \frac{1}{2} x (1 - \tanh^{2} u) \frac{du}{dx}$$

$$= @@\frac{1}{2} (1 + \tanh u) + \frac{1}{2} x (1 - \tanh^{2} u) \sqrt{\frac{2}{\pi}} (1 + 0.134145 x^{2})@@\frac{1}{2} (1 + \tanh u) + \frac{1}{2} x (1 - \tanh^{2} u) \sqrt{\frac{2}{\pi}} (1 + 0.044715 x^{2})@@$$

$$= \frac{1}{2} (1 + \tanh u) + \frac{\sqrt{2} x (1 + 0.134145 x^{2})}{2 \sqrt{\pi} \cosh^{2} u}$$
""", "md")
pair("softplus_beta_inverse_roundtrip", "C", r"""title: Inverting a softplus with a sharpness beta
symbols:
  beta: {positive: true}
definitions:
  s: \frac{1}{\beta} \ln\left(1 + e^{\beta x}\right)
steps:
  - \frac{1}{\beta} \ln\left(e^{\beta s} - 1\right)
  - @@= \frac{1}{\beta} \ln\left(e^{\ln(1 + e^{\beta x})} - 1\right)@@= \frac{1}{\beta} \ln\left(e^{\beta \ln(1 + e^{\beta x})} - 1\right)@@
  - = \frac{1}{\beta} \ln\left(1 + e^{\beta x} - 1\right)
  - = \frac{1}{\beta} \ln\left(e^{\beta x}\right)
  - = x
""")
pair("md_softplus_beta_slope", "C", r"""# The slope of a softplus with sharpness beta

Let $\beta > 0$.

$$\frac{d}{dx} \frac{1}{\beta} \ln\left(1 + e^{\beta x}\right)$$

$$= \frac{1}{\beta} \cdot \frac{\beta e^{\beta x}}{1 + e^{\beta x}}$$

$$= \frac{e^{\beta x}}{1 + e^{\beta x}}$$

$$= @@\frac{1}{1 + e^{-\beta x}}@@\frac{1}{1 + e^{-x}}@@$$

$$= 1 - \frac{1}{1 + e^{\beta x}}$$
""", "md")
pair("elu_slope_via_output", "C", r"""title: The ELU slope written through its output
symbols:
  alpha: {positive: true}
definitions:
  \mathrm{elu}(t): \begin{cases} t & t > 0 \\ \alpha \left(e^{t} - 1\right) & t \le 0 \end{cases}
steps:
  - \frac{d}{dx} \mathrm{elu}(x)
cases:
  - when: x > 0
    steps:
      - = \frac{d}{dx} x
      - = 1
  - when: x < 0
    steps:
      - = \frac{d}{dx} \alpha \left(e^{x} - 1\right)
      - = \alpha e^{x}
      - = \alpha \left(e^{x} - 1\right) + \alpha
      - @@= \mathrm{elu}(x) + \alpha@@= \mathrm{elu}(x) + 1@@
""")
pair("md_swish_beta_slope_via_output", "C", r"""# The slope of swish with a sharpness beta

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$ and $f(x) = x \sigma(\beta x)$.

$$f'(x) = \sigma(\beta x) + x \beta \sigma(\beta x) (1 - \sigma(\beta x))$$

$$= \sigma(\beta x) + \beta x \sigma(\beta x) - \beta x \sigma(\beta x)^{2}$$

$$= \beta f(x) + \sigma(\beta x) - \beta f(x) \sigma(\beta x)$$

$$= @@\beta f(x) + \sigma(\beta x) \left(1 - \beta f(x)\right)@@\beta f(x) + \sigma(\beta x) \left(1 - f(x)\right)@@$$
""", "md")
pair("md_hard_sigmoid_pieces_and_bars", "C", r"""# Hard sigmoid as a clamp, by pieces and by bars

$$\min\left(1, \max\left(0, \frac{x + 3}{6}\right)\right)$$

$$= \begin{cases} 0 & x \le -3 \\ \frac{x + 3}{6} & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}$$

$$= \frac{\max(0, x + 3) - \max(0, x - 3)}{6}$$

$$= @@\frac{\left|x + 3\right| - \left|x - 3\right|}{12} + \frac{1}{2}@@\frac{\left|x + 3\right| - \left|x - 3\right|}{6} + \frac{1}{2}@@$$
""", "md")
pair("gelu_erf_odd_part", "C", r"""title: The odd part of the exact GELU
definitions:
  \Phi(t): \frac{1}{2} \left(1 + \operatorname{erf}\left(\frac{t}{\sqrt{2}}\right)\right)
  \mathrm{gelu}(t): t \Phi(t)
steps:
  - \mathrm{gelu}(x) - \mathrm{gelu}(-x)
  - = x \Phi(x) + x \Phi(-x)
  - @@= \frac{x}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right) + \frac{x}{2} \left(1 - \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)@@= \frac{x}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right) + \frac{x}{2} \left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)@@
  - = \frac{x}{2} \cdot 2
  - = x
""")

# ---------------- D  losses and regularisers
pair("huber_linear_residual_regions", "D", r"""title: The Huber loss of a linear residual, by regions
symbols:
  delta: {positive: true}
definitions:
  H: \begin{cases} \frac{1}{2} (w x - y)^{2} & |w x - y| \le \delta \\ \delta \left(|w x - y| - \frac{1}{2} \delta\right) & |w x - y| > \delta \end{cases}
steps:
  - \frac{\partial H}{\partial w}
cases:
  - when: w x - y > \delta
    steps:
      - = \frac{\partial}{\partial w} \delta \left(w x - y - \frac{1}{2} \delta\right)
      - @@= x \delta@@= \delta@@
  - when: w x - y < -\delta
    steps:
      - = \frac{\partial}{\partial w} \delta \left(y - w x - \frac{1}{2} \delta\right)
      - = -x \delta
  - when: -\delta < w x - y < \delta
    steps:
      - = \frac{\partial}{\partial w} \frac{1}{2} (w x - y)^{2}
      - = (w x - y) x
      - = w x^{2} - x y
""")
pair("md_squared_hinge_decay_label", "D", r"""# A squared hinge with weight decay, by cases

Let $\lambda > 0$.

$$\frac{\partial}{\partial w} \left(\max(0, 1 - t w x)^{2} + \frac{\lambda}{2} w^{2}\right)$$

If $t w x < 1$:

$$= \lambda w + \frac{\partial}{\partial w} (1 - t w x)^{2}$$

$$= @@-2 t x (1 - t w x) + \lambda w@@-2 x (1 - t w x) + \lambda w@@$$

$$= 2 t^{2} x^{2} w - 2 t x + \lambda w$$

Otherwise:

$$= \lambda w$$
""", "md")
pair("kl_softmax_pair_lse_form", "D", r"""title: The KL divergence between two softmax distributions
symbols:
  u: vector
  v: vector
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
definitions:
  a_r: \frac{e^{u_r}}{\sum_{j=1}^{n} e^{u_j}}
  b_r: \frac{e^{v_r}}{\sum_{j=1}^{n} e^{v_j}}
steps:
  - \sum_{k=1}^{n} a_k \ln \frac{a_k}{b_k}
  - = \sum_{k=1}^{n} a_k \left(u_k - v_k - \ln \sum_{j=1}^{n} e^{u_j} + \ln \sum_{j=1}^{n} e^{v_j}\right)
  - = \sum_{k=1}^{n} a_k (u_k - v_k) + \left(\ln \sum_{j=1}^{n} e^{v_j} - \ln \sum_{j=1}^{n} e^{u_j}\right) \sum_{k=1}^{n} a_k
  - @@= \sum_{k=1}^{n} a_k (u_k - v_k) + \ln \sum_{j=1}^{n} e^{v_j} - \ln \sum_{j=1}^{n} e^{u_j}@@= \sum_{k=1}^{n} a_k (u_k - v_k) - \ln \sum_{j=1}^{n} e^{v_j} + \ln \sum_{j=1}^{n} e^{u_j}@@
  - = \sum_{k=1}^{n} a_k u_k - \sum_{k=1}^{n} a_k v_k + \ln \frac{\sum_{j=1}^{n} e^{v_j}}{\sum_{j=1}^{n} e^{u_j}}
""")
pair("md_bernoulli_entropy_logit_slope", "D", r"""# The slope of a Bernoulli entropy in its logit

Let $p = \frac{1}{1 + e^{-x}}$ and $H = -p \ln p - (1 - p) \ln(1 - p)$.

$$\frac{dH}{dx} = \left(-\ln p - 1 + \ln(1 - p) + 1\right) \frac{dp}{dx}$$

$$= \ln\frac{1 - p}{p} \cdot p (1 - p)$$

$$= @@\ln\left(e^{-x}\right) p (1 - p)@@\ln\left(e^{x}\right) p (1 - p)@@$$

$$= -x p (1 - p)$$

$$= -\frac{x e^{-x}}{\left(1 + e^{-x}\right)^{2}}$$
""", "md")
pair("elastic_net_negative_side_sum", "D", r"""title: The elastic-net gradient on both sides of zero
symbols:
  x: vector
  y: vector
  n: {integer: true, positive: true}
  k: {kind: index, range: [1, n]}
  alpha: {positive: true}
  beta: {positive: true}
steps:
  - \frac{\partial}{\partial w} \left(\frac{1}{2} \sum_{k=1}^{n} (w x_k - y_k)^{2} + \alpha |w| + \frac{\beta}{2} w^{2}\right)
cases:
  - when: w > 0
    steps:
      - = \sum_{k=1}^{n} (w x_k - y_k) x_k + \alpha + \beta w
      - = w \left(\sum_{k=1}^{n} x_k^{2} + \beta\right) - \sum_{k=1}^{n} x_k y_k + \alpha
  - when: w < 0
    steps:
      - = \sum_{k=1}^{n} (w x_k - y_k) x_k - \alpha + \beta w
      - @@= w \left(\sum_{k=1}^{n} x_k^{2} + \beta\right) - \sum_{k=1}^{n} x_k y_k - \alpha@@= w \left(\sum_{k=1}^{n} x_k^{2} + \beta\right) - \sum_{k=1}^{n} x_k y_k + \alpha@@
""")
pair("md_mse_weight_grad_means", "D", r"""# The weight gradient of a mean squared error, by sums

Let $n$ be a positive integer.

Let $\bar{x} = \frac{1}{n} \sum_{k=1}^{n} x_k$ and $L = \frac{1}{n} \sum_{k=1}^{n} (w x_k + b - y_k)^{2}$.

\begin{align*}
\frac{\partial L}{\partial w} &= \frac{2}{n} \sum_{k=1}^{n} (w x_k + b - y_k) x_k \\
&= \frac{2}{n} \left(w \sum_{k=1}^{n} x_k^{2} + b \sum_{k=1}^{n} x_k - \sum_{k=1}^{n} x_k y_k\right) \\
&= @@\frac{2 w}{n} \sum_{k=1}^{n} x_k^{2} + 2 b \bar{x} - \frac{2}{n} \sum_{k=1}^{n} x_k y_k@@\frac{2 w}{n} \sum_{k=1}^{n} x_k^{2} + \frac{2 b}{n} \bar{x} - \frac{2}{n} \sum_{k=1}^{n} x_k y_k@@ \\
&= \frac{2}{n} \sum_{k=1}^{n} x_k (w x_k - y_k) + 2 b \bar{x}
\end{align*}
""", "md")
pair("pinball_loss_weight_grad_sides", "D", r"""title: The pinball loss of a linear prediction, by sides
symbols:
  tau: {positive: true}
steps:
  - \frac{\partial}{\partial w} \max\left(\tau (y - w x), (\tau - 1)(y - w x)\right)
cases:
  - when: y - w x > 0
    steps:
      - = \frac{\partial}{\partial w} \tau (y - w x)
      - = -\tau x
  - when: y - w x < 0
    steps:
      - = \frac{\partial}{\partial w} (\tau - 1)(y - w x)
      - = (\tau - 1)(-x)
      - @@= (1 - \tau) x@@= \tau x@@
""")

# ---------------- E  matrix and vector calculus
pair("ridge_mean_gradient_lambda_inside", "E", r"""title: The gradient of a mean ridge objective
symbols:
  X: {kind: matrix, shape: [N, p]}
  w: {kind: vector, size: p}
  y: {kind: vector, size: N}
  N: {integer: true, positive: true}
  p: {integer: true, positive: true}
  lambda: {positive: true}
definitions:
  L: \frac{1}{2 N} \|X w - y\|^{2} + \frac{\lambda}{2} \|w\|^{2}
steps:
  - \nabla_{\mathbf w} L
  - = \frac{1}{N} X^\top (X w - y) + \lambda w
  - = \frac{1}{N} \left(X^\top X w - X^\top y\right) + \lambda w
  - = \frac{1}{N} X^\top X w + \lambda w - \frac{1}{N} X^\top y
  - @@= \left(\frac{1}{N} X^\top X + \lambda I\right) w - \frac{1}{N} X^\top y@@= \frac{1}{N} \left(X^\top X + \lambda I\right) w - \frac{1}{N} X^\top y@@
""")
pair("md_logistic_gradient_square_design", "E", r"""# The logistic-loss gradient with a square design

Let $X \in \mathbb{R}^{n \times n}$, $w \in \mathbb{R}^n$ and $y \in \mathbb{R}^n$.

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

$$\nabla_{\mathbf w} \left(\mathbf{1}^\top \log\left(\mathbf{1} + \exp(X w)\right) - y^\top X w\right)$$

$$= X^\top \sigma(X w) - X^\top y$$

$$= X^\top \sigma(X w) - \left(y^\top X\right)^\top$$

$$= @@X^\top \left(\sigma(X w) - y\right)@@X \left(\sigma(X w) - y\right)@@$$
""", "md")
pair("quadratic_form_about_centre_gradient", "E", r"""title: The gradient of a quadratic form about a centre
symbols:
  A: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
  m: {kind: vector, size: n}
steps:
  - \nabla_{x} (x - m)^\top A (x - m)
  - = \nabla_{x} \left(x^\top A x - m^\top A x - x^\top A m + m^\top A m\right)
  - @@= (A + A^\top) x - A^\top m - A m@@= (A + A^\top) x - 2 A m@@
  - = (A + A^\top) x - (A + A^\top) m
  - = (A + A^\top)(x - m)
""")
pair("attention_query_grad_elements", "E", r"""title: The gradient of attention scores by a query element
symbols:
  Q: {kind: matrix, shape: [n, h]}
  K: {kind: matrix, shape: [n, h]}
  G: {kind: matrix, shape: [n, n]}
  n: {integer: true, positive: true}
  h: {integer: true, positive: true}
  a, i, j: {kind: index, range: [1, n]}
  b, m: {kind: index, range: [1, h]}
definitions:
  S_{i,j}: \frac{1}{\sqrt{h}} \sum_{m=1}^{h} Q_{i,m} K_{j,m}
steps:
  - \frac{\partial}{\partial Q_{a,b}} \sum_{i=1}^{n} \sum_{j=1}^{n} G_{i,j} S_{i,j}
  - = \frac{1}{\sqrt{h}} \sum_{i=1}^{n} \sum_{j=1}^{n} G_{i,j} \frac{\partial}{\partial Q_{a,b}} \sum_{m=1}^{h} Q_{i,m} K_{j,m}
  - @@= \frac{1}{\sqrt{h}} \sum_{j=1}^{n} G_{a,j} K_{j,b}@@= \frac{1}{\sqrt{h}} \sum_{j=1}^{n} G_{j,a} K_{j,b}@@
  - = \frac{1}{\sqrt{h}} (G K)_{a,b}
""")
pair("md_least_squares_expand_half", "E", r"""# Least squares, expanded before the gradient

Let $X \in \mathbb{R}^{N \times p}$, $w \in \mathbb{R}^p$ and $y \in \mathbb{R}^N$.

$$\nabla_{\mathbf w} \frac{1}{2} \|X w - y\|^{2}$$

$$= \nabla_{\mathbf w} \frac{1}{2} \left(w^\top X^\top X w - 2 y^\top X w + y^\top y\right)$$

$$= @@\frac{1}{2} \left(2 X^\top X w - 2 X^\top y\right)@@\frac{1}{2} \left(2 X^\top X w - X^\top y\right)@@$$

$$= X^\top X w - X^\top y$$

$$= X^\top (X w - y)$$
""", "md")
pair("matrix_ridge_grad_order", "E", r"""title: The gradient of a matrix ridge objective
symbols:
  X: {kind: matrix, shape: [N, p]}
  W: {kind: matrix, shape: [p, p]}
  Y: {kind: matrix, shape: [N, p]}
  lambda: {positive: true}
steps:
  - \frac{\partial}{\partial W} \left(\frac{1}{2} \|X W - Y\|_F^{2} + \frac{\lambda}{2} \|W\|_F^{2}\right)
  - = \lambda W + \frac{\partial}{\partial W} \frac{1}{2} \operatorname{tr}\left((X W - Y)^\top (X W - Y)\right)
  - = X^\top (X W - Y) + \lambda W
  - = X^\top X W + \lambda W - X^\top Y
  - @@= \left(X^\top X + \lambda I\right) W - X^\top Y@@= W \left(X^\top X + \lambda I\right) - X^\top Y@@
""")
pair("md_hessian_quadratic_plus_norm", "E", r"""# The Hessian of a quadratic form plus a squared norm

Let $A \in \mathbb{R}^{n \times n}$ and $x \in \mathbb{R}^n$.

$$\nabla^2_x \left(\frac{1}{2} x^\top A x + \|x\|^{2}\right)$$

$$= \frac{1}{2} \nabla^2_x x^\top A x + \nabla^2_x \|x\|^{2}$$

$$= @@\frac{1}{2} \left(A + A^\top\right) + 2 I@@A + 2 I@@$$

$$= \frac{A + A^\top + 4 I}{2}$$
""", "md")

# ---------------- F  probability and estimation with sums
pair("md_gaussian_scale_score_by_sums", "F", r"""# The score of a Gaussian log-likelihood in its scale

Let $n$ be a positive integer.

Let $s > 0$.

Let $\ell = -\frac{n}{2} \ln\left(2 \pi s^{2}\right) - \frac{1}{2 s^{2}} \sum_{k=1}^{n} (x_k - \mu)^{2}$.

\begin{align*}
\frac{\partial \ell}{\partial s} &= -\frac{n}{2} \cdot \frac{4 \pi s}{2 \pi s^{2}} + \frac{1}{s^{3}} \sum_{k=1}^{n} (x_k - \mu)^{2} \\
&= -\frac{n}{s} + \frac{1}{s^{3}} \sum_{k=1}^{n} (x_k - \mu)^{2} \\
&= @@\frac{1}{s^{3}} \left(\sum_{k=1}^{n} (x_k - \mu)^{2} - n s^{2}\right)@@\frac{1}{s^{3}} \left(\sum_{k=1}^{n} (x_k - \mu)^{2} - s^{2}\right)@@ \\
&= \frac{1}{s^{3}} \left(\sum_{k=1}^{n} x_k^{2} - 2 \mu \sum_{k=1}^{n} x_k + n \mu^{2} - n s^{2}\right)
\end{align*}
""", "md")
pair("poisson_exposure_log_rate_score", "F", r"""title: The score of a Poisson log-rate with exposures
symbols:
  x: vector
  t: vector
  n: {integer: true, positive: true}
  k: {kind: index, range: [1, n]}
steps:
  - \frac{d}{d\theta} \sum_{k=1}^{n} \left(x_k \theta - t_k e^{\theta}\right)
  - = \sum_{k=1}^{n} \left(x_k - t_k e^{\theta}\right)
  - @@= \sum_{k=1}^{n} x_k - e^{\theta} \sum_{k=1}^{n} t_k@@= \sum_{k=1}^{n} x_k - n e^{\theta}@@
  - = \sum_{k=1}^{n} (x_k - t_k) - \left(e^{\theta} - 1\right) \sum_{k=1}^{n} t_k
""")
pair("md_shifted_sum_squares_decomposition", "F", r"""# A sum of squares about any centre

Let $n$ be a positive integer.

Let $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$.

$$\sum_{k=1}^{n} (x_k - c)^{2}$$

$$= \sum_{k=1}^{n} \left((x_k - \mu) + (\mu - c)\right)^{2}$$

$$= \sum_{k=1}^{n} (x_k - \mu)^{2} + 2 (\mu - c) \sum_{k=1}^{n} (x_k - \mu) + n (\mu - c)^{2}$$

$$= @@\sum_{k=1}^{n} (x_k - \mu)^{2} + n (\mu - c)^{2}@@\sum_{k=1}^{n} (x_k - \mu)^{2} + (\mu - c)^{2}@@$$

$$= \sum_{k=1}^{n} x_k^{2} - n \mu^{2} + n (\mu - c)^{2}$$
""", "md")
pair("gmm_mean_score_responsibility", "F", r"""title: The mixture log-likelihood slope in one component mean
symbols:
  a: vector
  m: vector
  K: {integer: true, positive: true}
  i, j: {kind: index, range: [1, K]}
definitions:
  r_k: \frac{e^{a_k - \frac{1}{2} (x - m_k)^{2}}}{\sum_{j=1}^{K} e^{a_j - \frac{1}{2} (x - m_j)^{2}}}
steps:
  - \frac{\partial}{\partial m_i} \ln \sum_{j=1}^{K} e^{a_j - \frac{1}{2} (x - m_j)^{2}}
  - = \frac{1}{\sum_{j=1}^{K} e^{a_j - \frac{1}{2} (x - m_j)^{2}}} \cdot e^{a_i - \frac{1}{2} (x - m_i)^{2}} (x - m_i)
  - = \frac{e^{a_i - \frac{1}{2} (x - m_i)^{2}} (x - m_i)}{\sum_{j=1}^{K} e^{a_j - \frac{1}{2} (x - m_j)^{2}}}
  - @@= r_i (x - m_i)@@= x - m_i@@
  - = r_i x - r_i m_i
""")
pair("md_responsibility_weighted_residual", "F", r"""# Responsibilities weight a residual

Let $K$ be a positive integer.

Let $r_k = \frac{e^{a_k - (x - m_k)^{2}}}{\sum_{j=1}^{K} e^{a_j - (x - m_j)^{2}}}$.

$$\sum_{k=1}^{K} r_k (x - m_k)$$

$$= x \sum_{k=1}^{K} r_k - \sum_{k=1}^{K} r_k m_k$$

$$= x \cdot \frac{\sum_{k=1}^{K} e^{a_k - (x - m_k)^{2}}}{\sum_{j=1}^{K} e^{a_j - (x - m_j)^{2}}} - \sum_{k=1}^{K} r_k m_k$$

$$= @@x - \sum_{k=1}^{K} r_k m_k@@K x - \sum_{k=1}^{K} r_k m_k@@$$

$$= -\sum_{k=1}^{K} r_k (m_k - x)$$
""", "md")
pair("bernoulli_logit_score_sum", "F", r"""title: The Bernoulli log-likelihood score in the logit
symbols:
  y: vector
  n: {integer: true, positive: true}
  k: {kind: index, range: [1, n]}
definitions:
  p: \frac{1}{1 + e^{-\theta}}
steps:
  - \frac{d}{d\theta} \sum_{k=1}^{n} \left(y_k \ln p + (1 - y_k) \ln(1 - p)\right)
  - = \sum_{k=1}^{n} \left(y_k (1 - p) - (1 - y_k) p\right)
  - = \sum_{k=1}^{n} (y_k - p)
  - @@= \sum_{k=1}^{n} y_k - n p@@= \sum_{k=1}^{n} y_k - p@@
  - = n \left(\frac{1}{n} \sum_{k=1}^{n} y_k - p\right)
""")
pair("md_categorical_counts_logit_score", "F", r"""# The categorical log-likelihood score in the logits

Let $K$ be a positive integer.

Here $1 \le i \le K$.

Let $q_k = \frac{e^{a_k}}{\sum_{j=1}^{K} e^{a_j}}$ and $\ell = \sum_{k=1}^{K} c_k \ln q_k$.

$$\frac{\partial \ell}{\partial a_i} = \sum_{k=1}^{K} c_k \frac{\partial}{\partial a_i} \left(a_k - \ln \sum_{j=1}^{K} e^{a_j}\right)$$

$$= c_i - \sum_{k=1}^{K} c_k q_i$$

$$= @@c_i - q_i \sum_{k=1}^{K} c_k@@c_i - q_i@@$$

$$= c_i (1 - q_i) - q_i \sum_{k \neq i} c_k$$
""", "md")
pair("md_pairwise_squared_differences", "F", r"""# Pairwise squared differences and the spread

Let $n$ be a positive integer.

Let $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$.

$$\sum_{i=1}^{n} \sum_{j=1}^{n} (x_i - x_j)^{2}$$

$$= \sum_{i=1}^{n} \sum_{j=1}^{n} \left(x_i^{2} - 2 x_i x_j + x_j^{2}\right)$$

$$= @@2 n \sum_{i=1}^{n} x_i^{2} - 2 \left(\sum_{i=1}^{n} x_i\right)^{2}@@2 \sum_{i=1}^{n} x_i^{2} - 2 \left(\sum_{i=1}^{n} x_i\right)^{2}@@$$

$$= 2 n \left(\sum_{k=1}^{n} x_k^{2} - n \mu^{2}\right)$$

$$= 2 n \sum_{k=1}^{n} (x_k - \mu)^{2}$$
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

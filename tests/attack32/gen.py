#!/usr/bin/env python3
"""Write the attack-32 twin pairs (machine-learning derivations). Each body holds exactly one line
with `@@TRUE@@FALSE@@`: the true twin gets TRUE, the false twin FALSE plus the mark
(`# expect: failed` in YAML, `<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  softmax / log-softmax / cross-entropy
pair("lse_definition_index_capture", "A", r"""title: Log-sum-exp by an element whose letter is the sum's index
symbols:
  z: vector
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
definitions:
  s: \ln \sum_{j=1}^{n} e^{z_j}
steps:
  - \frac{\partial s}{\partial z_j}
  - @@= \frac{e^{z_j}}{\sum_{k=1}^{n} e^{z_k}}@@= 1@@
""")
pair("ce_label_smoothing_onehot", "A", r"""title: Cross-entropy with label smoothing, one-hot targets
symbols:
  z: vector
  y: vector
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
definitions:
  p_r: \frac{e^{z_r}}{\sum_{m=1}^{n} e^{z_m}}
  q_r: (1 - \epsilon) y_r + \frac{\epsilon}{n}
  Loss: -\sum_{k=1}^{n} q_k \ln p_k
steps:
  - \frac{\partial \text{Loss}}{\partial z_i}
  - = -\sum_{k=1}^{n} q_k \left(\mathbb{1}[k = i] - p_i\right)
  - = p_i \sum_{k=1}^{n} q_k - q_i
cases:
  - when: \sum_{k=1}^{n} y_k = 1
    steps:
      - = p_i - q_i
      - @@= p_i - (1 - \epsilon) y_i - \frac{\epsilon}{n}@@= p_i - (1 - \epsilon) y_i - \epsilon@@
""")
pair("ce_temperature_gamma_cases", "A", r"""title: Cross-entropy on a softmax with temperature
symbols:
  z: vector
  n: {integer: true, positive: true}
  i, gamma: {kind: index, range: [1, n]}
  T: {positive: true}
definitions:
  p_r: \frac{e^{z_r / T}}{\sum_{m=1}^{n} e^{z_m / T}}
  Loss: -\ln p_\gamma
steps:
  - \frac{\partial \text{Loss}}{\partial z_i}
  - = \frac{p_i - \mathbb{1}[\gamma = i]}{T}
cases:
  - when: \gamma = i
    steps:
      - = \frac{p_i - 1}{T}
  - when: \gamma \neq i
    steps:
      - @@= \frac{p_i}{T}@@= \frac{p_\gamma}{T}@@
""")
pair("md_softmax_jacobian_row_sum", "A", r"""# Softmax Jacobian

Let $n$ be a positive integer.

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.

$$\frac{\partial p_i}{\partial z_j}$$

If $i = j$:

$$= p_i (1 - p_i)$$

Otherwise:

$$= -p_i p_j$$

## Rows sum to zero

$$\sum_{j=1}^{n} \frac{\partial p_i}{\partial z_j}$$

$$= p_i - p_i \sum_{j=1}^{n} p_j$$

@@$$= 0$$@@$$= p_i (1 - p_i)$$@@
""", "md")
pair("md_log_softmax_row_conditions", "A", r"""# Log-softmax by its inputs

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.

\begin{align*}
\frac{\partial}{\partial z_j} \ln p_i &= 1 - p_j, \quad i = j \\
@@\frac{\partial}{\partial z_j} \ln p_i &= -p_j, \quad i \neq j@@\frac{\partial}{\partial z_j} \ln p_i &= -p_i, \quad i \neq j@@
\end{align*}
""", "md")

# ---------------- B  activations
pair("gelu_erf_derivative", "B", r"""title: GELU derivative through the normal CDF
definitions:
  \Phi(t): \frac{1}{2} \left(1 + \operatorname{erf}\left(\frac{t}{\sqrt{2}}\right)\right)
  \mathrm{GELU}(t): t \Phi(t)
steps:
  - \frac{d}{dx} \mathrm{GELU}(x)
  - = \Phi(x) + x \Phi'(x)
  - @@= \Phi(x) + \frac{x}{\sqrt{2 \pi}} e^{-\frac{x^{2}}{2}}@@= \Phi(x) + \frac{x}{\sqrt{\pi}} e^{-\frac{x^{2}}{2}}@@
""")
pair("tanh_via_sigmoid_chain_factor", "B", r"""title: The slope of tanh through the sigmoid
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
steps:
  - \frac{d}{dx} \tanh(x)
  - = \frac{d}{dx} \left(2 \sigma(2x) - 1\right)
  - = 4 \sigma'(2x)
  - @@= 4 \sigma(2x) \sigma(-2x)@@= 2 \sigma(2x) \sigma(-2x)@@
""")
pair("log_sigmoid_stable_form", "B", r"""title: A stable log-sigmoid
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
  \mathrm{softplus}(t): \ln(1 + e^{t})
steps:
  - \ln \sigma(x)
  - = -\mathrm{softplus}(-x)
  - @@= \min(x, 0) - \ln(1 + e^{-|x|})@@= \min(x, 0) - \ln(1 + e^{-x})@@
""")
pair("md_silu_word_derivative", "B", r"""# SiLU, written as in a README

$$\frac{d}{dx} silu(x)$$

$$= sigmoid(x) + x \cdot sigmoid(x) \cdot (1 - sigmoid(x))$$

@@$$= sigmoid(x) \cdot (1 + x \cdot sigmoid(-x))$$@@$$= sigmoid(x) \cdot (1 + x \cdot sigmoid(x))$$@@
""", "md")
pair("md_tanh_from_sigmoid_prose", "B", r"""# Tanh from the sigmoid

Here $\sigma$ is the sigmoid.

$$\tanh(x)$$

$$= \frac{1 - e^{-2x}}{1 + e^{-2x}}$$

$$= \frac{2}{1 + e^{-2x}} - 1$$

@@$$= 2 \sigma(2x) - 1$$@@$$= 2 \sigma(x) - 1$$@@
""", "md")

# ---------------- C  losses over N samples
pair("mse_peel_first_term", "C", r"""title: Mean squared error by the weight, first sample peeled
symbols:
  x: vector
  y: vector
  N: {integer: true, positive: true}
  i: {kind: index, range: [1, N]}
definitions:
  L: \frac{1}{N} \sum_{i=1}^{N} (w x_i + b - y_i)^{2}
steps:
  - \frac{\partial L}{\partial w}
  - = \frac{2}{N} \sum_{i=1}^{N} (w x_i + b - y_i) x_i
  - = \frac{2}{N} \left(w \sum_{i=1}^{N} x_i^{2} + b \sum_{i=1}^{N} x_i - \sum_{i=1}^{N} x_i y_i\right)
  - @@= \frac{2}{N} \left(w \sum_{i=1}^{N} x_i^{2} + b \sum_{i=1}^{N} x_i - x_1 y_1 - \sum_{i=2}^{N} x_i y_i\right)@@= \frac{2}{N} \left(w \sum_{i=1}^{N} x_i^{2} + b \sum_{i=1}^{N} x_i - x_N y_N - \sum_{i=2}^{N} x_i y_i\right)@@
""")
pair("huber_slope_joint_and_tails", "C", r"""title: Huber loss, its slope at the joint and past it
symbols:
  delta: {positive: true}
definitions:
  \mathrm{huber}(t): \begin{cases} \frac{1}{2} t^{2} & |t| \le \delta \\ \delta \left(|t| - \frac{1}{2} \delta\right) & \text{otherwise} \end{cases}
steps:
  - \frac{d}{dr} \mathrm{huber}(r)
cases:
  - when: r = \delta
    steps:
      - = \delta
  - when: -\delta < r < \delta
    steps:
      - = r
  - when: r < -\delta
    steps:
      - @@= -\delta@@= \delta@@
""")
pair("hinge_weight_decay_sides", "C", r"""title: Hinge loss with weight decay, either side of the margin
steps:
  - \frac{d}{dw} \left(\max(0, 1 - t w x) + \frac{\lambda}{2} w^{2}\right)
cases:
  - when: t w x < 1
    steps:
      - = \lambda w - t x
  - when: t w x > 1
    steps:
      - @@= \lambda w@@= \lambda w - t x@@
""")
pair("md_logistic_mean_gradient", "C", r"""# Logistic regression, mean loss

Let $N$ be a positive integer.

Let $\sigma(z) = \frac{1}{1 + e^{-z}}$.

$$\frac{\partial}{\partial w} \left(-\frac{1}{N} \sum_{i=1}^{N} \left(y_i \ln \sigma(w x_i) + (1 - y_i) \ln(1 - \sigma(w x_i))\right)\right)$$

$$= -\frac{1}{N} \sum_{i=1}^{N} \left(y_i (1 - \sigma(w x_i)) x_i - (1 - y_i) \sigma(w x_i) x_i\right)$$

@@$$= \frac{1}{N} \sum_{i=1}^{N} (\sigma(w x_i) - y_i) x_i$$@@$$= \frac{1}{N} \sum_{i=1}^{N} (1 - y_i) \sigma(w x_i) x_i$$@@
""", "md")
pair("md_lasso_sign_of_w", "C", r"""# Lasso on one coordinate

Let $\lambda > 0$.

$$\frac{d}{dw} \left(\frac{1}{2} (w - a)^{2} + \lambda |w|\right)$$

If $w > 0$:

$$= w - a + \lambda$$

If $w < 0$:

@@$$= w - a - \lambda$$@@$$= w - a + \lambda \operatorname{sign}(a)$$@@
""", "md")

# ---------------- D  normalisation layers
pair("batchnorm_centred_square_grad", "D", r"""title: Gradient of the centred sum of squares, the sum's index the same letter
symbols:
  x: vector
  m: {integer: true, positive: true}
  i, j: {kind: index, range: [1, m]}
definitions:
  \mu: \frac{1}{m} \sum_{k=1}^{m} x_k
steps:
  - \frac{\partial}{\partial x_j} \sum_{j=1}^{m} (x_j - \mu)^{2}
  - = \sum_{i=1}^{m} 2 (x_i - \mu) \left(\mathbb{1}[i = j] - \frac{1}{m}\right)
  - = 2 (x_j - \mu) - \frac{2}{m} \sum_{i=1}^{m} (x_i - \mu)
  - @@= 2 (x_j - \mu)@@= \frac{2 (m - 1)}{m} (x_j - \mu)@@
""")
pair("layernorm_std_eps_grad", "D", r"""title: Layer norm, the slope of the standard deviation with epsilon
symbols:
  x: vector
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
  epsilon: {positive: true}
definitions:
  \mu: \frac{1}{n} \sum_{k=1}^{n} x_k
  v: \frac{1}{n} \sum_{k=1}^{n} (x_k - \mu)^{2}
  s: \sqrt{v + \epsilon}
steps:
  - \frac{\partial s}{\partial x_j}
  - = \frac{1}{2 \sqrt{v + \epsilon}} \cdot \frac{2}{n} (x_j - \mu)
  - @@= \frac{x_j - \mu}{n \sqrt{v + \epsilon}}@@= \frac{x_j - \mu}{\sqrt{n^{2} v + \epsilon}}@@
""")
pair("batchnorm_xhat_jacobian_cases", "D", r"""title: Batch norm, the Jacobian of the normalised inputs
symbols:
  x: vector
  m: {integer: true, positive: true}
  i, j: {kind: index, range: [1, m]}
  epsilon: {positive: true}
definitions:
  \mu: \frac{1}{m} \sum_{k=1}^{m} x_k
  v: \frac{1}{m} \sum_{k=1}^{m} (x_k - \mu)^{2}
  s: \sqrt{v + \epsilon}
  \hat{x}_r: \frac{x_r - \mu}{s}
steps:
  - \frac{\partial \hat{x}_i}{\partial x_j}
cases:
  - when: i = j
    steps:
      - = \frac{1 - \frac{1}{m}}{s} - \frac{(x_i - \mu)^{2}}{m s^{3}}
  - when: i \neq j
    steps:
      - @@= -\frac{1}{m s} - \frac{(x_i - \mu)(x_j - \mu)}{m s^{3}}@@= -\frac{1}{m s} - \frac{(x_i - \mu)(x_j - \mu)}{m^{2} s^{3}}@@
""")
pair("md_centred_sum_grad_zero", "D", r"""# The centred inputs sum to zero

Let $n$ be a positive integer.

Let $\mu = \frac{1}{n} \sum_{k=1}^{n} x_k$.

$$\frac{\partial}{\partial x_j} \sum_{k=1}^{n} (x_k - \mu)$$

$$= \sum_{k=1}^{n} \left(\mathbb{1}[k = j] - \frac{1}{n}\right)$$

@@$$= 0$$@@$$= 1 - \frac{1}{n}$$@@
""", "md")
pair("md_variance_by_its_mean", "D", r"""# Variance by its own mean

Let $m$ be a positive integer.

Let $v = \frac{1}{m} \sum_{i=1}^{m} (x_i - \mu)^{2}$ and $\mu = \frac{1}{m} \sum_{i=1}^{m} x_i$.

$$\frac{\partial v}{\partial \mu}$$

$$= -\frac{2}{m} \sum_{i=1}^{m} (x_i - \mu)$$

@@$$= 0$$@@$$= -2 \mu$$@@
""", "md")

# ---------------- E  backprop through two layers by elements
pair("tanh_layer_weight_element", "E", r"""title: Backprop to a first-layer weight through tanh
symbols:
  x: vector
  v: vector
  W: matrix
  n: {integer: true, positive: true}
  a, b, j, k: {kind: index, range: [1, n]}
definitions:
  h_r: \tanh\left(\sum_{k=1}^{n} W_{r,k} x_k\right)
  \hat{y}: \sum_{j=1}^{n} v_j h_j
  L: \frac{1}{2} (\hat{y} - t)^{2}
steps:
  - \frac{\partial L}{\partial W_{a,b}}
  - = (\hat{y} - t) \sum_{j=1}^{n} v_j \frac{\partial h_j}{\partial W_{a,b}}
  - @@= (\hat{y} - t) v_a (1 - h_a^{2}) x_b@@= (\hat{y} - t) v_b (1 - h_b^{2}) x_a@@
""")
pair("sigmoid_layer_input_grad", "E", r"""title: Backprop to the input of a sigmoid layer
symbols:
  x: vector
  b: vector
  y: vector
  W: matrix
  n: {integer: true, positive: true}
  i, j, k: {kind: index, range: [1, n]}
definitions:
  \sigma(t): \frac{1}{1 + e^{-t}}
  z_r: \sum_{j=1}^{n} W_{r,j} x_j + b_r
  a_r: \sigma(z_r)
  L: \frac{1}{2} \sum_{i=1}^{n} (a_i - y_i)^{2}
steps:
  - \frac{\partial L}{\partial x_k}
  - = \sum_{i=1}^{n} (a_i - y_i) \sigma'(z_i) W_{i,k}
  - @@= \sum_{i=1}^{n} (a_i - y_i) a_i (1 - a_i) W_{i,k}@@= \sum_{i=1}^{n} (a_i - y_i) a_i (1 - a_i) W_{k,i}@@
""")
pair("relu_hidden_weight_cases", "E", r"""title: Backprop through a ReLU hidden layer, by cases on the pre-activation
symbols:
  x: vector
  v: vector
  W: matrix
  n: {integer: true, positive: true}
  a, b, j, k: {kind: index, range: [1, n]}
definitions:
  u_r: \sum_{k=1}^{n} W_{r,k} x_k
  \hat{y}: \sum_{j=1}^{n} v_j \max(0, u_j)
steps:
  - \frac{\partial \hat{y}}{\partial W_{a,b}}
cases:
  - when: u_a > 0
    steps:
      - @@= v_a x_b@@= v_b x_a@@
  - when: u_a < 0
    steps:
      - = 0
""")
pair("md_let_h_two_layers", "E", r"""# Two layers, written by elements

Let $n$ be a positive integer.

Let $h_j = \tanh(w_j x)$ and $\hat{y} = \sum_{j=1}^{n} v_j h_j$.

$$\frac{\partial \hat{y}}{\partial w_k}$$

$$= \sum_{j=1}^{n} v_j \frac{\partial h_j}{\partial w_k}$$

@@$$= v_k (1 - h_k^{2}) x$$@@$$= v_k (1 - h_k^{2}) w_k$$@@
""", "md")
pair("md_align_readout_transposed", "E", r"""# A quadratic read-out of a linear layer

Let $n$ be a positive integer.

Let $z_i = \sum_{j=1}^{n} W_{i,j} x_j$ and $L = \sum_{i=1}^{n} u_i z_i^{2}$.

\begin{align*}
\frac{\partial L}{\partial W_{p,q}} &= \sum_{i=1}^{n} 2 u_i z_i \frac{\partial z_i}{\partial W_{p,q}} && \text{(chain rule)} \\
@@&= 2 u_p z_p x_q && \text{(one term survives)}@@&= 2 u_q z_q x_p && \text{(one term survives)}@@
\end{align*}
""", "md")

# ---------------- F  probability and maximum likelihood
pair("gaussian_loglik_sigma", "F", r"""title: Gaussian log-likelihood by the standard deviation
symbols:
  x: vector
  N: {integer: true, positive: true}
  i: {kind: index, range: [1, N]}
  sigma: {positive: true}
definitions:
  \ell: -\frac{N}{2} \ln(2 \pi) - N \ln \sigma - \frac{1}{2 \sigma^{2}} \sum_{i=1}^{N} (x_i - \mu)^{2}
steps:
  - \frac{\partial \ell}{\partial \sigma}
  - = -\frac{N}{\sigma} + \frac{1}{\sigma^{3}} \sum_{i=1}^{N} (x_i - \mu)^{2}
  - @@= \frac{1}{\sigma^{3}} \sum_{i=1}^{N} \left((x_i - \mu)^{2} - \sigma^{2}\right)@@= \frac{1}{\sigma^{3}} \sum_{i=1}^{N} \left((x_i - \mu)^{2} - \sigma\right)@@
""")
pair("kl_gaussians_scale_derivative", "F", r"""title: KL between two Gaussians, by the first scale
symbols:
  s, t: {positive: true}
steps:
  - \frac{\partial}{\partial s} \left(\ln \frac{t}{s} + \frac{s^{2} + (a - b)^{2}}{2 t^{2}} - \frac{1}{2}\right)
  - = -\frac{1}{s} + \frac{s}{t^{2}}
  - @@= \frac{s^{2} - t^{2}}{s t^{2}}@@= \frac{s^{2} - t^{2}}{s^{2} t}@@
""")
pair("logsumexp_max_shift_two", "F", r"""title: Log-sum-exp of two, the maximum taken out
steps:
  - \ln\left(e^{a} + e^{b}\right)
  - = \max(a, b) + \ln\left(e^{a - \max(a, b)} + e^{b - \max(a, b)}\right)
  - @@= \max(a, b) + \ln\left(1 + e^{-|a - b|}\right)@@= \max(a, b) + \ln\left(1 + e^{b - a}\right)@@
""")
pair("md_poisson_curvature", "F", r"""# Poisson rate

Let $n$ be a positive integer.

Let $\lambda > 0$.

$$\ell = \sum_{i=1}^{n} \left(x_i \ln \lambda - \lambda\right)$$

$$\frac{d \ell}{d \lambda} = \sum_{i=1}^{n} \left(\frac{x_i}{\lambda} - 1\right)$$

$$= \frac{1}{\lambda} \sum_{i=1}^{n} x_i - n$$

@@$$\frac{d^{2} \ell}{d \lambda^{2}} = -\frac{1}{\lambda^{2}} \sum_{i=1}^{n} x_i$$@@$$\frac{d^{2} \ell}{d \lambda^{2}} = -\frac{n}{\lambda}$$@@
""", "md")
pair("md_bernoulli_logit_score", "F", r"""# Bernoulli likelihood in the logit

Let $\sigma(\theta) = \frac{1}{1 + e^{-\theta}}$.

$$\frac{d}{d\theta} \left(k \ln \sigma(\theta) + (n - k) \ln(1 - \sigma(\theta))\right)$$

$$= k (1 - \sigma(\theta)) - (n - k) \sigma(\theta)$$

@@$$= k - n \sigma(\theta)$$@@$$= k - (n - k) \sigma(\theta)$$@@
""", "md")

# ---------------- G  matrix notation
pair("ridge_gradient_half", "G", r"""title: Ridge regression, the gradient
symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
  lambda: {positive: true}
definitions:
  L: \frac{1}{2} \|X w - y\|^{2} + \frac{\lambda}{2} \|w\|^{2}
steps:
  - \nabla_{w} L
  - = X^\top (X w - y) + \lambda w
  - @@= (X^\top X + \lambda I) w - X^\top y@@= (X^\top X + 2 \lambda I) w - X^\top y@@
""")
pair("quadratic_form_not_symmetric", "G", r"""title: Gradient of a quadratic form, A not symmetric
symbols:
  A: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
  b: {kind: vector, size: n}
steps:
  - \nabla_{x} \left(\frac{1}{2} x^\top A x - b^\top x\right)
  - = \frac{1}{2} (A + A^\top) x - b
  - @@= \frac{1}{2} A^\top x + \frac{1}{2} A x - b@@= A x - b@@
""")
pair("md_quadratic_form_redeclared", "G", r"""# A quadratic form, symmetric and not

Let $A \in \mathbb{R}^{n \times n}$ be symmetric, and let $x \in \mathbb{R}^{n}$.

$$\nabla_x \left(x^\top A x\right)$$

$$= 2 A x$$

## Any square matrix

Now let $A \in \mathbb{R}^{n \times n}$ be any square matrix.

$$\nabla_x \left(x^\top A x\right)$$

@@$$= (A + A^\top) x$$@@$$= 2 A x$$@@
""", "md")
pair("md_ridge_hessian", "G", r"""# Curvature of ridge regression

Let $X \in \mathbb{R}^{N \times d}$.

Let $w \in \mathbb{R}^{d}$.

Let $y \in \mathbb{R}^{N}$.

Let $\lambda > 0$.

$$\nabla_w \left(\|X w - y\|^{2} + \lambda \|w\|^{2}\right)$$

$$= 2 X^\top (X w - y) + 2 \lambda w$$

## The Hessian

$$\nabla^{2}_{w} \left(\|X w - y\|^{2} + \lambda \|w\|^{2}\right)$$

@@$$= 2 X^\top X + 2 \lambda I$$@@$$= 2 X^\top X + \lambda I$$@@
""", "md")
pair("md_trace_gradient_layout", "G", r"""# Gradient of a trace

Let $A \in \mathbb{R}^{n \times n}$.

Let $B \in \mathbb{R}^{n \times n}$.

$$\operatorname{tr}(A B) = \operatorname{tr}(B A)$$

$$\frac{\partial}{\partial A} \operatorname{tr}(A B)$$

@@$$= B^\top$$@@$$= B$$@@
""", "md")

# ---------------- H  notes layouts
pair("md_onehot_assuming_align", "H", r"""# Cross-entropy on softmax, one-hot targets

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.

Assuming $\sum_{k=1}^{n} y_k = 1$ (one-hot targets), we get:

\begin{align*}
\frac{\partial}{\partial z_i} \left(-\sum_{k=1}^{n} y_k \ln p_k\right) &= -\sum_{k=1}^{n} y_k \left(\mathbb{1}[k = i] - p_i\right) && \text{(log-softmax)} \\
&= p_i \sum_{k=1}^{n} y_k - y_i && \text{(split the sum)} \\
@@&= p_i - y_i && \text{(one-hot)}@@&= p_i - 1 && \text{(one-hot)}@@
\end{align*}
""", "md")
pair("md_elementwise_sigmoid_otherwise", "H", r"""# Elementwise sigmoid

Here $\sigma$ is the sigmoid.

$$\frac{\partial}{\partial z_j} \sigma(z_i)$$

If $i = j$:

$$= \sigma(z_i) (1 - \sigma(z_i))$$

Otherwise:

@@$$= 0$$@@$$= -\sigma(z_i) \sigma(z_j)$$@@
""", "md")
pair("md_bce_sections", "H", r"""# Binary cross-entropy on a logit

Let $\sigma(z) = \frac{1}{1 + e^{-z}}$.

## The gradient

$$\frac{d}{dz} \left(-y \ln \sigma(z) - (1 - y) \ln(1 - \sigma(z))\right)$$

$$= -y (1 - \sigma(z)) + (1 - y) \sigma(z)$$

$$= \sigma(z) - y$$

## A stable form

@@$$\ln(1 - \sigma(z)) = \ln \sigma(z) - z$$@@$$\ln(1 - \sigma(z)) = \ln \sigma(-z) - z$$@@
""", "md")
pair("md_ce_hessian_for_rows", "H", r"""# Curvature of the cross-entropy

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$ and $\text{Loss} = -\ln p_\gamma$.

\begin{align*}
\frac{\partial^{2} \text{Loss}}{\partial z_i \partial z_j} &= -p_i p_j && \text{for } i \neq j \\
@@\frac{\partial^{2} \text{Loss}}{\partial z_i \partial z_j} &= p_i (1 - p_i) && \text{for } i = j@@\frac{\partial^{2} \text{Loss}}{\partial z_i \partial z_j} &= p_i (1 - p_i) - \mathbb{1}[\gamma = i] && \text{for } i = j@@
\end{align*}
""", "md")
pair("md_kramdown_softplus_odd_part", "H", r"""# Softplus and its slope

Let $s(x) = \ln(1 + e^{x})$.

$$\frac{d}{dx} s(x) = \frac{e^{x}}{1 + e^{x}}$$

which gives $$= \frac{1}{1 + e^{-x}}$$ as expected.

$$s(x) - s(-x)$$

$$= \ln \frac{1 + e^{x}}{1 + e^{-x}}$$

@@$$= x$$@@$$= |x|$$@@
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

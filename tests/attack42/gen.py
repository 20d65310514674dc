#!/usr/bin/env python3
"""Write the attack-42 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the reading rules just
added (quantities at each sample, subscripted function names named alone, implications that carry
a chain on, a new function head in a definition's chain and conditions in a sentence that runs on
into its display, cases on an expression linear in a letter, derivatives of undefined quantities,
a constant bracket after an operator, elements of a matrix product). Each false twin is what a
plausible misreading makes true, or is right at special points (x = 0, x = 1, n = 1, a boundary,
a symmetric matrix)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

SOFT = r"""Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.
"""

# ---------------- A  a quantity at each sample
pair("sample_prediction_weight_grad_means", "A", r"""title: A squared error over samples, by its weight
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  \hat{y}^{(i)}: w x^{(i)} + b
  J: \frac{1}{2 n} \sum_{i=1}^{n} \left(\hat{y}^{(i)} - y^{(i)}\right)^{2}
steps:
  - \frac{\partial J}{\partial w}
  - = \frac{1}{n} \sum_{i=1}^{n} \left(\hat{y}^{(i)} - y^{(i)}\right) x^{(i)}
  - = \frac{1}{n} \sum_{i=1}^{n} \left(w x^{(i)} + b - y^{(i)}\right) x^{(i)}
  - @@= \frac{w}{n} \sum_{i=1}^{n} \left(x^{(i)}\right)^{2} + \frac{b}{n} \sum_{i=1}^{n} x^{(i)} - \frac{1}{n} \sum_{i=1}^{n} x^{(i)} y^{(i)}@@= \frac{w}{n} \sum_{i=1}^{n} \left(x^{(i)}\right)^{2} + b \sum_{i=1}^{n} x^{(i)} - \frac{1}{n} \sum_{i=1}^{n} x^{(i)} y^{(i)}@@
""")
pair("md_sample_two_families_bias_grad", "A", r"""# Two quantities at each sample

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $\hat{y}^{(i)} = w x^{(i)} + b$.

Let $r^{(i)} = \hat{y}^{(i)} - y^{(i)}$.

$$\frac{\partial}{\partial b} \frac{1}{2 n} \sum_{i=1}^{n} \left(r^{(i)}\right)^{2}$$

$$= \frac{1}{n} \sum_{i=1}^{n} r^{(i)}$$

$$= \frac{1}{n} \sum_{i=1}^{n} \left(w x^{(i)} + b - y^{(i)}\right)$$

$$= @@b + \frac{1}{n} \sum_{i=1}^{n} \left(w x^{(i)} - y^{(i)}\right)@@\frac{b}{n} + \frac{1}{n} \sum_{i=1}^{n} \left(w x^{(i)} - y^{(i)}\right)@@$$
""", "md")
pair("md_sample_family_at_first_sample", "A", r"""# The squared error of the first sample

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $\hat{y}^{(i)} = w x^{(i)} + b$.

$$\frac{\partial}{\partial w} \left(\hat{y}^{(1)} - y^{(1)}\right)^{2}$$

$$= 2 \left(\hat{y}^{(1)} - y^{(1)}\right) x^{(1)}$$

$$= @@2 \left(w x^{(1)} + b - y^{(1)}\right) x^{(1)}@@2 \left(w x^{(1)} + b - y^{(1)}\right)@@$$

$$= 2 w \left(x^{(1)}\right)^{2} + 2 \left(b - y^{(1)}\right) x^{(1)}$$
""", "md")
pair("sample_label_k_summed_over_j", "A", r"""title: A quantity defined at sample k, summed over samples j
symbols:
  n: {integer: true, positive: true}
  j, k: {kind: index, range: [1, n]}
definitions:
  \hat{y}^{(k)}: w x^{(k)} + b
steps:
  - \frac{\partial}{\partial w} \sum_{j=1}^{n} \left(\hat{y}^{(j)} - y^{(j)}\right)^{2}
  - @@= 2 \sum_{j=1}^{n} \left(\hat{y}^{(j)} - y^{(j)}\right) x^{(j)}@@= 0@@
  - = 2 \sum_{j=1}^{n} \left(w x^{(j)} + b - y^{(j)}\right) x^{(j)}
  - = 2 w \sum_{j=1}^{n} \left(x^{(j)}\right)^{2} + 2 \sum_{j=1}^{n} \left(b - y^{(j)}\right) x^{(j)}
""")
pair("md_sample_family_beside_feature_element", "A", r"""# A sample family beside a feature element

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $\hat{y}^{(i)} = w x^{(i)} + b x_i$.

$$\frac{\partial}{\partial b} \sum_{i=1}^{n} \left(\hat{y}^{(i)} - y^{(i)}\right)^{2}$$

$$= @@2 \sum_{i=1}^{n} \left(\hat{y}^{(i)} - y^{(i)}\right) x_i@@2 \sum_{i=1}^{n} \left(\hat{y}^{(i)} - y^{(i)}\right) x^{(i)}@@$$

$$= 2 \sum_{i=1}^{n} \left(w x^{(i)} + b x_i - y^{(i)}\right) x_i$$

$$= 2 w \sum_{i=1}^{n} x^{(i)} x_i + 2 b \sum_{i=1}^{n} x_i^{2} - 2 \sum_{i=1}^{n} y^{(i)} x_i$$
""", "md")
pair("md_sample_logit_then_activation", "A", r"""# Logistic regression with z and a at each sample

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $\sigma(t) = \frac{1}{1 + e^{-t}}$.

Let $z^{(i)} = w x^{(i)} + b$ and $a^{(i)} = \sigma(z^{(i)})$.

$$-\frac{\partial}{\partial w} \sum_{i=1}^{n} \left(y^{(i)} \ln a^{(i)} + \left(1 - y^{(i)}\right) \ln\left(1 - a^{(i)}\right)\right)$$

$$= -\sum_{i=1}^{n} \left(y^{(i)} \left(1 - a^{(i)}\right) - \left(1 - y^{(i)}\right) a^{(i)}\right) x^{(i)}$$

$$= @@\sum_{i=1}^{n} \left(a^{(i)} - y^{(i)}\right) x^{(i)}@@\sum_{i=1}^{n} \left(a^{(i)} - y^{(i)}\right)@@$$

$$= \sum_{i=1}^{n} \left(\sigma(w x^{(i)} + b) - y^{(i)}\right) x^{(i)}$$
""", "md")

# ---------------- B  subscripted function names, a function named alone
pair("md_h_theta_alone_slope_theta1", "B", r"""# The logistic hypothesis by its slope parameter

Let $h_\theta(x) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x}}$.

$$\frac{\partial h_\theta}{\partial \theta_1}$$

$$= \frac{x e^{-\theta_0 - \theta_1 x}}{\left(1 + e^{-\theta_0 - \theta_1 x}\right)^{2}}$$

$$= @@x h_\theta(x) \left(1 - h_\theta(x)\right)@@h_\theta(x) \left(1 - h_\theta(x)\right)@@$$

$$= x h_\theta(x) - x \left(h_\theta(x)\right)^{2}$$
""", "md")
pair("md_h_braced_theta_cost_intercept", "B", r"""# The cost of a linear hypothesis by its intercept

Let $m$ be a positive integer.

Here $1 \le i \le m$.

Let $h_{\theta}(x) = \theta_0 + \theta_1 x$.

$$\frac{\partial}{\partial \theta_0} \frac{1}{2 m} \sum_{i=1}^{m} \left(h_{\theta}(x^{(i)}) - y^{(i)}\right)^{2}$$

$$= @@\frac{1}{m} \sum_{i=1}^{m} \left(h_{\theta}(x^{(i)}) - y^{(i)}\right)@@\frac{1}{m} \sum_{i=1}^{m} \left(h_{\theta}(x^{(i)}) - y^{(i)}\right) x^{(i)}@@$$

$$= \frac{1}{m} \sum_{i=1}^{m} \left(\theta_0 + \theta_1 x^{(i)} - y^{(i)}\right)$$

$$= \theta_0 + \frac{1}{m} \sum_{i=1}^{m} \left(\theta_1 x^{(i)} - y^{(i)}\right)$$
""", "md")
pair("md_f_N_named_alone_slope", "B", r"""# A shifted logistic f_N

Let $N > 0$.

Let $f_N(x) = \frac{e^{x}}{e^{x} + N}$.

$$\frac{d f_N}{d x}$$

$$= \frac{e^{x} \left(e^{x} + N\right) - e^{x} e^{x}}{\left(e^{x} + N\right)^{2}}$$

$$= @@\frac{N e^{x}}{\left(e^{x} + N\right)^{2}}@@\frac{e^{x}}{\left(e^{x} + N\right)^{2}}@@$$

$$= f_N(x) \left(1 - f_N(x)\right)$$
""", "md")
pair("md_J_two_letters_alone_bias", "B", r"""# A cost of two letters, named alone

Let $m$ be a positive integer.

Here $1 \le i \le m$.

Let $J(w, b) = \frac{1}{2 m} \sum_{i=1}^{m} \left(w x_i + b - y_i\right)^{2}$.

$$\frac{\partial J}{\partial b}$$

$$= \frac{1}{m} \sum_{i=1}^{m} \left(w x_i + b - y_i\right)$$

$$= @@\frac{w}{m} \sum_{i=1}^{m} x_i + b - \frac{1}{m} \sum_{i=1}^{m} y_i@@\frac{w}{m} \sum_{i=1}^{m} x_i + \frac{b}{m} - \frac{1}{m} \sum_{i=1}^{m} y_i@@$$

$$= b + \frac{1}{m} \sum_{i=1}^{m} \left(w x_i - y_i\right)$$
""", "md")
pair("md_subscript_makes_another_name", "B", r"""# A subscripted letter beside a defined function

Let $f(x) = x^{2}$.

$$\frac{d}{dx} \left(f_1 x^{2} + f(x)\right)$$

$$= 2 f_1 x + f'(x)$$

$$= 2 f_1 x + 2 x$$

$$= @@2 x \left(f_1 + 1\right)@@4 x@@$$
""", "md")
pair("md_h_theta_head_at_sample", "B", r"""# A hypothesis defined at a sample, used at x

Let $m$ be a positive integer.

Here $1 \le i \le m$.

$$h_\theta(x^{(i)}) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x^{(i)}}}$$

$$\frac{\partial}{\partial x} h_\theta(x)$$

$$= \frac{\theta_1 e^{-\theta_0 - \theta_1 x}}{\left(1 + e^{-\theta_0 - \theta_1 x}\right)^{2}}$$

$$= @@\theta_1 h_\theta(x) \left(1 - h_\theta(x)\right)@@h_\theta(x) \left(1 - h_\theta(x)\right)@@$$

$$= \theta_1 h_\theta(x) - \theta_1 \left(h_\theta(x)\right)^{2}$$
""", "md")

# ---------------- C  implications
pair("md_arrow_carries_softplus_chain", "C", r"""# The softplus slope, by arrows

Let $f(x) = \log\left(1 + e^{x}\right)$.

$$f'(x) = \frac{d}{dx} \log\left(1 + e^{x}\right) \Rightarrow$$

$$\Rightarrow f'(x) = @@\frac{e^{x}}{1 + e^{x}}@@\frac{1}{1 + e^{x}}@@ \Rightarrow$$

$$\Rightarrow f'(x) = \frac{1}{1 + e^{-x}}$$
""", "md")
pair("md_arrow_solving_after_chain", "C", r"""# A stationary point after a checked chain

$$\frac{d}{dw} \left((w - a)^{2} + 4 w\right) = 2 (w - a) + 4$$

$$= @@2 w - 2 a + 4@@2 w - a + 4@@$$

$$= 2 (w - a + 2)$$

Setting the derivative to zero:

$$2 (w - a + 2) = 0 \Rightarrow w = a - 2$$
""", "md")
pair("md_arrow_other_left_side", "C", r"""# An implication whose left side is new

Let $g(x) = x e^{x}$.

$$g'(x) = \frac{d}{dx} \left(x e^{x}\right)$$

$$= e^{x} + x e^{x}$$

$$= (1 + x) e^{x}$$

$$\Rightarrow \frac{g'(x)}{e^{x}} = @@1 + x@@(1 + x) e^{x}@@$$
""", "md")
pair("md_iff_chain_sigmoid_slope", "C", r"""# The sigmoid slope by equivalences

Let $s(x) = \frac{1}{1 + e^{-x}}$.

$$s'(x) = \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}$$

$$\iff s'(x) = @@s(x) \left(1 - s(x)\right)@@s(x) \left(1 - s(-x)\right)@@$$

$$\iff s'(x) = s(x) - \left(s(x)\right)^{2}$$
""", "md")
pair("md_arrow_row_ends_x_squared_log", "C", r"""# Arrows at the ends of rows

Let $x > 0$.

$$\frac{d}{dx} \left(x^{2} \ln x\right) = 2 x \ln x + x^{2} \cdot \frac{1}{x} \Rightarrow$$

$$\Rightarrow \frac{d}{dx} \left(x^{2} \ln x\right) = @@2 x \ln x + x@@2 x \ln x + 1@@ \Rightarrow$$

$$\Rightarrow \frac{d}{dx} \left(x^{2} \ln x\right) = x \left(2 \ln x + 1\right)$$
""", "md")
pair("md_arrow_tanh_earlier_link", "C", r"""# The tanh slope, an earlier link

Let $f(x) = \tanh(x)$.

$$f'(x) = \frac{d}{dx} \tanh(x) \Rightarrow$$

$$\Rightarrow f'(x) = @@\frac{1}{\cosh^{2}(x)}@@\frac{1}{\cosh(x)}@@ \Rightarrow$$

$$\Rightarrow f'(x) = 1 - \tanh^{2}(x) \Rightarrow$$

$$\Rightarrow f'(x) = 1 - \left(f(x)\right)^{2}$$
""", "md")

# ---------------- D  a new head in a definition's chain; conditions in a sentence
pair("md_softplus_middle_head", "D", r"""# Softplus through a new name

$$y = softplus(x) = f(x) = \log\left(1 + e^{x}\right)$$

$$f'(x) = \frac{e^{x}}{1 + e^{x}}$$

$$= \frac{1}{1 + e^{-x}}$$

$$= @@1 - \frac{1}{1 + e^{x}}@@\frac{1}{1 + e^{x}}@@$$
""", "md")
pair("md_sigmoid_middle_head", "D", r"""# The sigmoid through a new name

$$a = sigmoid(z) = g(z) = \frac{1}{1 + e^{-z}}$$

$$g'(z) = \frac{e^{-z}}{\left(1 + e^{-z}\right)^{2}}$$

$$= @@g(z) \left(1 - g(z)\right)@@\left(g(z)\right)^{2}@@$$

$$= g(z) - \left(g(z)\right)^{2}$$
""", "md")
CE = r"""$$\frac{\partial}{\partial z_i} \left(-\sum_{k=1}^{n} y_k \ln p_k\right)$$

$$= -\frac{\partial}{\partial z_i} \sum_{k=1}^{n} y_k \left(z_k - \ln \sum_{m=1}^{n} e^{z_m}\right)$$

$$= -y_i + p_i \sum_{k=1}^{n} y_k$$
"""
pair("md_assuming_one_hot_runs_on", "D", "# Cross-entropy with one-hot targets\n\n" + SOFT + r"""
Assuming $\sum_{k=1}^{n} y_k = 1$, the gradient is

""" + CE + r"""
$$= @@p_i - y_i@@y_i - p_i@@$$
""", "md")
pair("md_assuming_finished_sentence", "D", "# Cross-entropy with any targets\n\n" + SOFT + r"""
Assuming $\sum_{k=1}^{n} y_k = 1$ is common for one-hot targets.

The gradient is

""" + CE + r"""
$$= @@p_i \sum_{k=1}^{n} y_k - y_i@@p_i - y_i@@$$
""", "md")
pair("md_condition_before_heading", "D", r"""# One-hot targets

Assuming $\sum_{k=1}^{n} y_k = 1$, we get:

# Any targets

""" + SOFT + "\n" + CE + r"""
$$= @@p_i \sum_{k=1}^{n} y_k - y_i@@p_i - y_i@@$$
""", "md")
pair("md_two_conditions_two_targets", "D", "# Cross-entropy against two target vectors\n\n" + SOFT + r"""
Assuming $\sum_{k=1}^{n} y_k = 1$ and $\sum_{k=1}^{n} c_k = 1$, the gradient is

$$\frac{\partial}{\partial z_i} \left(-\sum_{k=1}^{n} \left(y_k + c_k\right) \ln p_k\right)$$

$$= -y_i - c_i + p_i \sum_{k=1}^{n} \left(y_k + c_k\right)$$

$$= -y_i - c_i + p_i \sum_{k=1}^{n} y_k + p_i \sum_{k=1}^{n} c_k$$

$$= @@2 p_i - y_i - c_i@@2 p_i - y_i + c_i@@$$
""", "md")

# ---------------- E  cases on an expression linear in a letter
pair("huber_residual_two_y_upper_tail", "E", r"""title: A Huber loss of w x - 2 y, on its tails
symbols:
  delta: {positive: true}
definitions:
  H: \begin{cases} \frac{1}{2} (w x - 2 y)^{2} & |w x - 2 y| \le \delta \\ \delta \left(|w x - 2 y| - \frac{1}{2} \delta\right) & |w x - 2 y| > \delta \end{cases}
steps:
  - \frac{\partial H}{\partial w}
cases:
  - when: w x - 2 y > \delta
    steps:
      - = \frac{\partial}{\partial w} \delta \left(w x - 2 y - \frac{1}{2} \delta\right)
      - @@= x \delta@@= (w x - 2 y) x@@
  - when: w x - 2 y < -\delta
    steps:
      - = \frac{\partial}{\partial w} \delta \left(2 y - w x - \frac{1}{2} \delta\right)
      - = -x \delta
""")
pair("relu_square_minus_three_y", "E", r"""title: A one-sided square of w x - 3 y, by sides
definitions:
  G: \begin{cases} 0 & w x - 3 y \le 0 \\ (w x - 3 y)^{2} & w x - 3 y > 0 \end{cases}
steps:
  - \frac{\partial G}{\partial w}
cases:
  - when: w x - 3 y < 0
    steps:
      - @@= 0@@= 2 x (w x - 3 y)@@
  - when: w x - 3 y > 0
    steps:
      - = \frac{\partial}{\partial w} (w x - 3 y)^{2}
      - = 2 x (w x - 3 y)
      - = 2 w x^{2} - 6 x y
""")
pair("md_huber_value_boundary_included", "E", r"""# The Huber loss on its tails, boundaries included

Let $\delta > 0$.

$$H = \begin{cases} \frac{1}{2} (w x - y)^{2} & \text{if } |w x - y| \le \delta \\ \delta \left(|w x - y| - \frac{1}{2} \delta\right) & \text{otherwise} \end{cases}$$

$$H$$

If $w x - y \ge \delta$:

$$= @@\delta \left(|w x - y| - \frac{1}{2} \delta\right)@@\frac{1}{2} (w x - y)^{2}@@$$

$$= \delta (w x - y) - \frac{1}{2} \delta^{2}$$

If $w x - y \le -\delta$:

$$= \delta \left(|w x - y| - \frac{1}{2} \delta\right)$$

$$= \delta (y - w x) - \frac{1}{2} \delta^{2}$$
""", "md")
pair("eps_insensitive_lower_tail", "E", r"""title: The epsilon-insensitive loss of a linear residual, by regions
symbols:
  epsilon: {positive: true}
definitions:
  E: \begin{cases} 0 & |w x - y| \le \epsilon \\ |w x - y| - \epsilon & |w x - y| > \epsilon \end{cases}
steps:
  - \frac{\partial E}{\partial w}
cases:
  - when: w x - y < -\epsilon
    steps:
      - = \frac{\partial}{\partial w} \left(y - w x - \epsilon\right)
      - @@= -x@@= x@@
  - when: w x - y > \epsilon
    steps:
      - = \frac{\partial}{\partial w} \left(w x - y - \epsilon\right)
      - = x
  - when: -\epsilon < w x - y < \epsilon
    steps:
      - = 0 \cdot x
      - = 0
""")
pair("squared_hinge_two_y_active", "E", r"""title: A squared hinge on 2 y - w x, by sides
definitions:
  K: \begin{cases} (2 y - w x - 1)^{2} & 2 y - w x > 1 \\ 0 & 2 y - w x \le 1 \end{cases}
steps:
  - \frac{\partial K}{\partial w}
cases:
  - when: 2 y - w x > 1
    steps:
      - = \frac{\partial}{\partial w} (2 y - w x - 1)^{2}
      - @@= -2 x (2 y - w x - 1)@@= 0@@
      - = 2 x (w x + 1 - 2 y)
  - when: 2 y - w x < 1
    steps:
      - = 0
""")
pair("md_dead_zone_square_lower_tail", "E", r"""# A dead-zone square of a linear residual

$$Q = \begin{cases} (w x - y - 1)^{2} & \text{if } w x - y > 1 \\ 0 & \text{if } -1 \le w x - y \le 1 \\ (w x - y + 1)^{2} & \text{if } w x - y < -1 \end{cases}$$

$$\frac{\partial Q}{\partial w}$$

If $w x - y < -1$:

$$= \frac{\partial}{\partial w} (w x - y + 1)^{2}$$

$$= @@2 x (w x - y + 1)@@2 x (w x - y - 1)@@$$

$$= 2 w x^{2} - 2 x y + 2 x$$

If $w x - y > 1$:

$$= \frac{\partial}{\partial w} (w x - y - 1)^{2}$$

$$= 2 x (w x - y - 1)$$
""", "md")

# ---------------- F  derivatives of undefined quantities, constant brackets, matrix products
pair("declared_vector_elements_independent", "F", r"""title: A declared weight vector is independent of the outputs
symbols:
  p: vector
  o: vector
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial o_i} \sum_{k=1}^{n} p_k o_k^{2}
  - = \sum_{k=1}^{n} \left(\frac{\partial p_k}{\partial o_i} o_k^{2} + 2 p_k o_k \delta_{ki}\right)
  - = \sum_{k=1}^{n} 2 p_k o_k \delta_{ki}
  - @@= 2 p_i o_i@@= 2 \sum_{k=1}^{n} p_k o_k@@
""")
pair("undefined_probability_derivative_refused", "F", r"""title: A derivative of a probability the file never defines
symbols:
  o: vector
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial o_i} \sum_{k=1}^{n} o_k^{2}
  - = \sum_{k=1}^{n} 2 o_k \delta_{ki}
  - @@= 2 o_i@@= 2 o_i + \frac{\partial p_i}{\partial o_i}@@
""")
pair("md_undefined_probability_in_chain", "F", r"""# An undefined probability inside a chain

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $L = \frac{1}{2} \sum_{k=1}^{n} \left(o_k - t_k\right)^{2}$.

$$\frac{\partial L}{\partial o_i}$$

$$= \frac{\partial}{\partial o_i} \frac{1}{2} \left(o_i - t_i\right)^{2}$$

$$= o_i - t_i$$

$$= @@-\left(t_i - o_i\right)@@o_i - t_i - \frac{\partial p_i}{\partial o_i}@@$$
""", "md")
pair("constant_bracket_times_square", "F", r"""title: A constant bracket right after the operator, times a square
steps:
  - \frac{\partial}{\partial w} (\tau + 2)(y - w x)^{2}
  - @@= -2 x (\tau + 2)(y - w x)@@= 0@@
  - = 2 x (\tau + 2)(w x - y)
  - = 2 (\tau + 2) (w x^{2} - x y)
""")
pair("md_constant_bracket_times_sum", "F", r"""# A constant bracket right after the operator, times a sum

Let $n$ be a positive integer.

$$\frac{\partial}{\partial w} (1 - \tau) \sum_{k=1}^{n} \left(w x_k - y_k\right)$$

$$= @@(1 - \tau) \sum_{k=1}^{n} x_k@@0@@$$

$$= \sum_{k=1}^{n} x_k - \tau \sum_{k=1}^{n} x_k$$
""", "md")
pair("matrix_product_element_order", "F", r"""title: An element of a matrix product from a triple sum
symbols:
  G: {kind: matrix, shape: [n, n]}
  K: {kind: matrix, shape: [n, h]}
  W: {kind: matrix, shape: [n, h]}
  n: {integer: true, positive: true}
  h: {integer: true, positive: true}
  a, i, j: {kind: index, range: [1, n]}
  b, c: {kind: index, range: [1, h]}
steps:
  - \frac{\partial}{\partial W_{a,b}} \sum_{i=1}^{n} \sum_{j=1}^{n} \sum_{c=1}^{h} G_{i,j} W_{i,c} K_{j,c}
  - = \sum_{j=1}^{n} G_{a,j} K_{j,b}
  - = \sum_{j=1}^{n} K_{j,b} G_{a,j}
  - @@= (G K)_{a,b}@@= (G^\top K)_{a,b}@@
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

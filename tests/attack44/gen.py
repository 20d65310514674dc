#!/usr/bin/env python3
"""Write the attack-44 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the reading rules most
recently added (quantities at each sample, subscripted and several-letter function names,
implications and primes that carry a chain on, conditions and cases in prose, cases on expressions
linear in a letter, derivatives of undefined quantities, constant brackets after an operator,
remarks that hold math, elements of matrix products), one thing moved each time. Each false twin
is a slip people make, and most are what a plausible misreading makes true, or are right at
special points (x = 0, x = 1, a boundary, a symmetric matrix, a misread condition)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  quantities at each sample
pair("sample_residual_family_inside_prediction", "A", r"""title: A residual family built on a prediction family, by the weight
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  r^{(i)}: \hat{y}^{(i)} - y^{(i)}
  \hat{y}^{(i)}: w x^{(i)} + b
  J: \frac{1}{2 n} \sum_{i=1}^{n} \left(r^{(i)}\right)^{2}
steps:
  - \frac{\partial J}{\partial w}
  - = \frac{1}{n} \sum_{i=1}^{n} r^{(i)} x^{(i)}
  - @@= \frac{1}{n} \sum_{i=1}^{n} \left(w x^{(i)} + b - y^{(i)}\right) x^{(i)}@@= \frac{1}{n} \sum_{i=1}^{n} \left(w x^{(i)} + b - y^{(i)}\right)@@
  - = \frac{w}{n} \sum_{i=1}^{n} \left(x^{(i)}\right)^{2} + \frac{1}{n} \sum_{i=1}^{n} \left(b - y^{(i)}\right) x^{(i)}
""")
pair("sample_family_first_sample_bias", "A", r"""title: The squared error of the first sample, by the bias
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  \hat{y}^{(i)}: w x^{(i)} + b
steps:
  - \frac{\partial}{\partial b} \left(\hat{y}^{(1)} - y^{(1)}\right)^{2}
  - = 2 \left(\hat{y}^{(1)} - y^{(1)}\right)
  - @@= 2 \left(w x^{(1)} + b - y^{(1)}\right)@@= 2 \left(w x^{(1)} + b - y^{(1)}\right) x^{(1)}@@
  - = 2 w x^{(1)} + 2 b - 2 y^{(1)}
""")
pair("declared_vector_sample_is_element", "A", r"""title: A prediction at each sample of a declared feature vector
symbols:
  x: vector
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  \hat{y}^{(i)}: w x^{(i)} + b
steps:
  - \frac{\partial}{\partial w} \sum_{i=1}^{n} \left(\hat{y}^{(i)} - y_i\right)^{2}
  - = 2 \sum_{i=1}^{n} \left(\hat{y}^{(i)} - y_i\right) x_i
  - = 2 \sum_{i=1}^{n} \left(w x_i + b - y_i\right) x_i
  - @@= 2 w \sum_{i=1}^{n} x_i^{2} + 2 b \sum_{i=1}^{n} x_i - 2 \sum_{i=1}^{n} x_i y_i@@= 2 w \sum_{i=1}^{n} x_i^{2} + 2 b \sum_{i=1}^{n} x_i - 2 \sum_{i=1}^{n} y_i@@
""")
pair("tanh_family_inside_logit_family_first_sample", "A", r"""title: A tanh unit at the first sample, one family inside another, by the weight
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  z^{(i)}: w x^{(i)} + b
  a^{(i)}: \tanh\left(z^{(i)}\right)
steps:
  - \frac{\partial}{\partial w} a^{(1)}
  - = \left(1 - \left(a^{(1)}\right)^{2}\right) x^{(1)}
  - @@= \left(1 - \tanh^{2}\left(w x^{(1)} + b\right)\right) x^{(1)}@@= 1 - \tanh^{2}\left(w x^{(1)} + b\right)@@
  - = \frac{x^{(1)}}{\cosh^{2}\left(w x^{(1)} + b\right)}
""")
pair("md_sample_label_t_summed_over_j", "A", r"""# A prediction defined at sample t, summed over samples j

Let $n$ be a positive integer.

Here $1 \le t \le n$.

Let $\hat{y}^{(t)} = w x^{(t)} + b$.

$$\frac{\partial}{\partial b} \frac{1}{n} \sum_{j=1}^{n} \left(\hat{y}^{(j)} - y^{(j)}\right)^{2}$$

$$= @@\frac{2}{n} \sum_{j=1}^{n} \left(\hat{y}^{(j)} - y^{(j)}\right)@@0@@$$

$$= \frac{2}{n} \sum_{j=1}^{n} \left(w x^{(j)} + b - y^{(j)}\right)$$

$$= 2 b + \frac{2}{n} \sum_{j=1}^{n} \left(w x^{(j)} - y^{(j)}\right)$$
""", "md")
pair("md_two_fixed_samples_labels_kept", "A", r"""# Two fixed samples, by the weight

Let $\hat{y}^{(i)} = w x^{(i)} + b$.

$$\frac{\partial}{\partial w} \left(\left(\hat{y}^{(1)} - y^{(1)}\right)^{2} + \left(\hat{y}^{(2)} - y^{(2)}\right)^{2}\right)$$

$$= @@2 \left(\hat{y}^{(1)} - y^{(1)}\right) x^{(1)} + 2 \left(\hat{y}^{(2)} - y^{(2)}\right) x^{(2)}@@2 \left(\hat{y}^{(1)} - y^{(1)}\right) x^{(2)} + 2 \left(\hat{y}^{(2)} - y^{(2)}\right) x^{(1)}@@$$

$$= 2 \left(w x^{(1)} + b - y^{(1)}\right) x^{(1)} + 2 \left(w x^{(2)} + b - y^{(2)}\right) x^{(2)}$$
""", "md")

# ---------------- B  subscripted and several-letter function names
pair("g_numbered_names_beside_defined_g", "B", r"""title: Numbered names beside a defined function g
definitions:
  g(x): x^{3}
steps:
  - \frac{d}{dx} \left(g_{0} g(x) + g_{1} x\right)
  - = g_{0} g'(x) + g_{1}
  - @@= 3 g_{0} x^{2} + g_{1}@@= g_{1}@@
  - = g_{1} + 3 x^{2} g_{0}
""")
pair("operatorname_mse_two_arguments_bias", "B", r"""title: A named cost of two arguments, by the bias
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
definitions:
  \operatorname{mse}(w, b): \frac{1}{n} \sum_{i=1}^{n} \left(w x_i + b - y_i\right)^{2}
steps:
  - \frac{\partial}{\partial b} \operatorname{mse}(w, b)
  - @@= \frac{2}{n} \sum_{i=1}^{n} \left(w x_i + b - y_i\right)@@= \frac{2}{n} \sum_{i=1}^{n} \left(w x_i + b - y_i\right) x_i@@
  - = 2 b + \frac{2}{n} \sum_{i=1}^{n} \left(w x_i - y_i\right)
""")
pair("function_arguments_swapped_at_once", "B", r"""title: A function of two letters applied with its arguments swapped
definitions:
  J(w, b): w^{2} b + b
steps:
  - \frac{\partial}{\partial w} J(b, w)
  - @@= \frac{\partial}{\partial w} \left(b^{2} w + w\right)@@= \frac{\partial}{\partial w} \left(w^{2} b + b\right)@@
  - = b^{2} + 1
""")
pair("md_h_wb_two_letter_subscript_bias", "B", r"""# A logistic hypothesis with two parameters in its subscript

Let $h_{w,b}(x) = \frac{1}{1 + e^{-(w x + b)}}$.

$$\frac{\partial}{\partial b} h_{w,b}(x)$$

$$= \frac{e^{-(w x + b)}}{\left(1 + e^{-(w x + b)}\right)^{2}}$$

$$= @@h_{w,b}(x) \left(1 - h_{w,b}(x)\right)@@x h_{w,b}(x) \left(1 - h_{w,b}(x)\right)@@$$

$$= h_{w,b}(x) - \left(h_{w,b}(x)\right)^{2}$$
""", "md")
pair("md_L_MSE_names_chain_slope", "B", r"""# The slope of a mean squared error

Let $n$ be a positive integer.

$$\frac{\partial L_{\text{MSE}}}{\partial a} = \frac{\partial}{\partial a} \frac{1}{n} \sum_{i=1}^{n} \left(a x_i + c - y_i\right)^{2}$$

$$= @@\frac{2}{n} \sum_{i=1}^{n} \left(a x_i + c - y_i\right) x_i@@\frac{2}{n} \sum_{i=1}^{n} \left(a x_i + c - y_i\right)@@$$

$$= \frac{2 a}{n} \sum_{i=1}^{n} x_i^{2} + \frac{2}{n} \sum_{i=1}^{n} \left(c - y_i\right) x_i$$
""", "md")
pair("md_ell_two_letters_alone_mean", "B", r"""# A Gaussian log-likelihood of two letters, named alone

Let $\sigma > 0$.

Let $\ell(\mu, \sigma) = -\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}$.

$$\frac{\partial \ell}{\partial \mu}$$

$$= @@\frac{x - \mu}{\sigma^{2}}@@\frac{x - \mu}{2 \sigma^{2}}@@$$

$$= \frac{x}{\sigma^{2}} - \frac{\mu}{\sigma^{2}}$$
""", "md")
pair("md_J_named_alone_mixed_partial", "B", r"""# A cost of two letters, its mixed second derivative

Let $m$ be a positive integer.

Here $1 \le i \le m$.

Let $J(w, b) = \frac{1}{2 m} \sum_{i=1}^{m} \left(w x_i + b - y_i\right)^{2}$.

$$\frac{\partial^{2} J}{\partial w \partial b}$$

$$= \frac{\partial}{\partial w} \frac{1}{m} \sum_{i=1}^{m} \left(w x_i + b - y_i\right)$$

$$= @@\frac{1}{m} \sum_{i=1}^{m} x_i@@\frac{1}{m} \sum_{i=1}^{m} x_i^{2}@@$$
""", "md")

# ---------------- C  implications and chains carried on
pair("md_implies_carries_chain_product", "C", r"""# The slope of x^2 e^{-x}, by implications

Let $f(x) = x^{2} e^{-x}$.

$$f'(x) = \frac{d}{dx} \left(x^{2} e^{-x}\right) \implies$$

$$\implies f'(x) = @@2 x e^{-x} - x^{2} e^{-x}@@2 x e^{-x} + x^{2} e^{-x}@@ \implies$$

$$\implies f'(x) = x (2 - x) e^{-x}$$
""", "md")
pair("md_longrightarrow_dy_dx_double_angle", "C", r"""# The slope of sin^2 x, by long arrows

Let $y = \sin^{2} x$.

$$\frac{dy}{dx} = 2 \sin x \cos x \Longrightarrow$$

$$\Longrightarrow \frac{dy}{dx} = @@\sin(2 x)@@\sin x \cos x@@ \Longrightarrow$$

$$\Longrightarrow \frac{dy}{dx} = 2 \sin(x) \cos(x)$$
""", "md")
pair("md_iff_row_ends_exp_cos", "C", r"""# The slope of e^x cos x, by equivalences at the ends of rows

Let $f(x) = e^{x} \cos x$.

$$f'(x) = e^{x} \cos x - e^{x} \sin x \iff$$

$$\iff f'(x) = @@e^{x} \left(\cos x - \sin x\right)@@e^{x} \left(\cos x + \sin x\right)@@ \iff$$

$$\iff f'(x) = \sqrt{2} e^{x} \cos\left(x + \frac{\pi}{4}\right)$$
""", "md")
pair("md_value_prime_through_other_value", "C", r"""# A prime on a value defined through another value

Let $v = 3 x$ and $u = \sin v$.

$$\frac{d}{dx} u^{2} = 2 u u'$$

$$= @@6 \sin(3 x) \cos(3 x)@@2 \sin(3 x) \cos(3 x)@@$$

$$= 3 \sin(6 x)$$
""", "md")
pair("md_value_double_prime", "C", r"""# Primes on a value of one letter

Let $u = x^{3}$.

$$\frac{d}{dx} \left(x u'\right) = u' + x u''$$

$$= @@3 x^{2} + 6 x^{2}@@3 x^{2} + 6 x@@$$

$$= 9 x^{2}$$
""", "md")
pair("md_new_head_middle_log_square", "C", r"""# A log of 1 + x^2 through a new name

$$y = g(x) = \ln\left(1 + x^{2}\right)$$

$$g'(x) = \frac{2 x}{1 + x^{2}}$$

$$= @@2 x e^{-g(x)}@@2 x e^{g(x)}@@$$

$$= \frac{2 x}{e^{g(x)}}$$
""", "md")

# ---------------- D  conditions and cases in prose
SOFT = r"""Let $n$ be a positive integer.

Here $1 \le i \le n$.

Let $p_k = \frac{e^{z_k}}{\sum_{m=1}^{n} e^{z_m}}$.
"""
pair("md_given_two_conditions_colon", "D", "# Cross-entropy against a mix of two target vectors\n\n" + SOFT + r"""
Given $\sum_{k=1}^{n} y_k = 1$ and $\sum_{k=1}^{n} c_k = 1$:

$$\frac{\partial}{\partial z_i} \left(-\sum_{k=1}^{n} \left(y_k + 2 c_k\right) \ln p_k\right)$$

$$= -y_i - 2 c_i + p_i \sum_{k=1}^{n} \left(y_k + 2 c_k\right)$$

$$= -y_i - 2 c_i + p_i \sum_{k=1}^{n} y_k + 2 p_i \sum_{k=1}^{n} c_k$$

$$= @@3 p_i - y_i - 2 c_i@@3 p_i - y_i - c_i@@$$
""", "md")
pair("md_given_finished_sentence_no_case", "D", "# A log-sum-exp against targets of any sum\n\n" + SOFT + r"""
Given $\sum_{k=1}^{n} y_k = 1$, one-hot targets would simplify this; here the targets are soft.

$$\frac{\partial}{\partial z_i} \left(\ln\left(\sum_{m=1}^{n} e^{z_m}\right) \left(\sum_{k=1}^{n} y_k\right) - \sum_{k=1}^{n} y_k z_k\right)$$

$$= \frac{e^{z_i}}{\sum_{m=1}^{n} e^{z_m}} \sum_{k=1}^{n} y_k - y_i$$

$$= @@p_i \sum_{k=1}^{n} y_k - y_i@@p_i - y_i@@$$
""", "md")
pair("md_holds_for_positive_x_abs_cube", "D", r"""# The slope of x^2 |x| on the positive side

The following holds for $x > 0$:

$$\frac{d}{dx} \left(x^{2} |x|\right)$$

$$= @@2 x |x| + x^{2}@@2 x |x|@@$$

$$= 3 x^{2}$$
""", "md")
pair("md_where_sigma_positive_root", "D", r"""# The score of a Gaussian scale

We differentiate the log-density in the scale, where $\sigma > 0$.

$$\frac{\partial}{\partial \sigma} \left(-\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}\right)$$

$$= @@-\frac{1}{\sigma} + \frac{(x - \mu)^{2}}{\sigma^{3}}@@-\frac{1}{\sigma} - \frac{(x - \mu)^{2}}{\sigma^{3}}@@$$

$$= \frac{(x - \mu)^{2} - \sigma^{2}}{\sigma^{3}}$$

$$= \frac{(x - \mu)^{2} - \sigma^{2}}{\sqrt{\sigma^{6}}}$$
""", "md")
pair("md_otherwise_after_two_tails_clip_square", "D", r"""# A clipped value squared, by regions

$$\left(\min\left(1, \max\left(-1, x\right)\right)\right)^{2}$$

If $x > 1$:

$$= 1$$

If $x < -1$:

$$= 1$$

Otherwise:

$$= @@x^{2}@@|x|@@$$

$$= |x|^{2}$$
""", "md")
pair("md_case_closed_by_in_general", "D", r"""# The slope of x |x|, then in general

$$\frac{d}{dx} \left(x |x|\right)$$

If $x > 0$:

$$= \frac{d}{dx} x^{2}$$

$$= 2 x$$

In general:

$$\frac{d}{dx} \left(x^{3} |x|\right) = 3 x^{2} |x| + x^{3} \operatorname{sign}(x)$$

$$= @@4 x^{2} |x|@@4 x^{3}@@$$
""", "md")
pair("md_case_closed_by_heading", "D", r"""# Above the kink

$$\frac{d}{dx} |x + 1|$$

If $x > -1$:

$$= \frac{d}{dx} (x + 1)$$

$$= 1$$

# Any x

$$\frac{d}{dx} \left((x + 1) |x + 1|\right) = |x + 1| + (x + 1) \operatorname{sign}(x + 1)$$

$$= @@2 |x + 1|@@2 (x + 1)@@$$
""", "md")

# ---------------- E  cases on expressions linear in letters
pair("leaky_relu_residual_negative_side", "E", r"""title: A leaky ReLU of w x - y, by sides
symbols:
  alpha: {positive: true}
definitions:
  R: \begin{cases} w x - y & w x - y > 0 \\ \alpha (w x - y) & w x - y \le 0 \end{cases}
steps:
  - \frac{\partial R}{\partial w}
cases:
  - when: w x - y < 0
    steps:
      - = \frac{\partial}{\partial w} \alpha (w x - y)
      - @@= \alpha x@@= x@@
  - when: w x - y > 0
    steps:
      - = \frac{\partial}{\partial w} (w x - y)
      - = x
""")
pair("clipped_square_inside_band_two_y", "E", r"""title: A clipped residual of w x - 2 y, squared, inside the band
definitions:
  C: \begin{cases} -1 & w x - 2 y < -1 \\ w x - 2 y & -1 \le w x - 2 y \le 1 \\ 1 & w x - 2 y > 1 \end{cases}
  L: C^{2}
steps:
  - \frac{\partial L}{\partial w}
cases:
  - when: -1 < w x - 2 y < 1
    steps:
      - = \frac{\partial}{\partial w} (w x - 2 y)^{2}
      - @@= 2 x (w x - 2 y)@@= 2 (w x - 2 y)@@
  - when: w x - 2 y > 1
    steps:
      - = 0
  - when: w x - 2 y < -1
    steps:
      - = 0
""")
pair("eps_insensitive_value_ge_boundary", "E", r"""title: The epsilon-insensitive loss of w x - y, on its tails, boundaries included
symbols:
  epsilon: {positive: true}
definitions:
  V: \begin{cases} 0 & |w x - y| \le \epsilon \\ |w x - y| - \epsilon & |w x - y| > \epsilon \end{cases}
steps:
  - V
cases:
  - when: w x - y \ge \epsilon
    steps:
      - @@= |w x - y| - \epsilon@@= 0@@
      - = w x - y - \epsilon
  - when: w x - y \le -\epsilon
    steps:
      - = |w x - y| - \epsilon
      - = y - w x - \epsilon
""")
pair("huber_half_y_lower_tail", "E", r"""title: A Huber loss of w x - y/2, on its lower tail
symbols:
  delta: {positive: true}
definitions:
  H: \begin{cases} \frac{1}{2} \left(w x - \frac{1}{2} y\right)^{2} & \left|w x - \frac{1}{2} y\right| \le \delta \\ \delta \left(\left|w x - \frac{1}{2} y\right| - \frac{1}{2} \delta\right) & \left|w x - \frac{1}{2} y\right| > \delta \end{cases}
steps:
  - \frac{\partial H}{\partial w}
cases:
  - when: w x - \frac{1}{2} y < -\delta
    steps:
      - = \frac{\partial}{\partial w} \delta \left(\frac{1}{2} y - w x - \frac{1}{2} \delta\right)
      - @@= -x \delta@@= x \delta@@
  - when: w x - \frac{1}{2} y > \delta
    steps:
      - = \frac{\partial}{\partial w} \delta \left(w x - \frac{1}{2} y - \frac{1}{2} \delta\right)
      - = x \delta
""")
pair("md_hinge_three_y_active_slope", "E", r"""# A hinge on w x - 3 y, by sides

$$K = \begin{cases} 1 - w x + 3 y & \text{if } w x - 3 y < 1 \\ 0 & \text{if } w x - 3 y \ge 1 \end{cases}$$

$$\frac{\partial K}{\partial w}$$

If $w x - 3 y < 1$:

$$= \frac{\partial}{\partial w} (1 - w x + 3 y)$$

$$= @@-x@@-1@@$$

If $w x - 3 y > 1$:

$$= 0$$
""", "md")
pair("md_leaky_relu_two_y_negative_slope", "E", r"""# A leaky ReLU of 2 y - w x, by sides

Let $\alpha > 0$.

$$R = \begin{cases} 2 y - w x & \text{if } 2 y - w x > 0 \\ \alpha (2 y - w x) & \text{if } 2 y - w x \le 0 \end{cases}$$

$$\frac{\partial R}{\partial w}$$

If $2 y - w x < 0$:

$$= \frac{\partial}{\partial w} \alpha (2 y - w x)$$

$$= @@-\alpha x@@\alpha x@@$$

If $2 y - w x > 0$:

$$= -x$$
""", "md")

# ---------------- F  undefined quantities, constant brackets, remarks, matrix-product elements
pair("operator_log_undefined_p_refused", "F", r"""title: An operator on the log of a probability the file never defines
symbols:
  n: {integer: true, positive: true}
  i, k: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial o_i} \sum_{k=1}^{n} \frac{1}{2} o_k^{2}
  - = \sum_{k=1}^{n} o_k \delta_{ki}
  - @@= o_i@@= o_i + \frac{\partial}{\partial o_i} \ln p_i@@
""")
pair("md_undefined_p_in_prose_operator_sum", "F", r"""# A squared error beside a probability the notes never define

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Here $p_k$ is the model's probability of class $k$, given by the network.

$$\frac{\partial}{\partial o_i} \sum_{k=1}^{n} \frac{1}{2} \left(o_k - t_k\right)^{2}$$

$$= \sum_{k=1}^{n} \left(o_k - t_k\right) \delta_{ki}$$

$$= @@o_i - t_i@@o_i - t_i - \sum_{k=1}^{n} t_k \frac{\partial}{\partial o_i} \log p_k@@$$
""", "md")
pair("constant_bracket_before_log", "F", r"""title: A constant bracket right after the operator, before a log
steps:
  - \frac{d}{d w} (a + b) \ln\left(1 + w^{2}\right)
  - @@= \frac{2 w (a + b)}{1 + w^{2}}@@= 0@@
  - = \frac{2 a w + 2 b w}{1 + w^{2}}
""")
pair("md_align_remark_with_math_not_case", "F", r"""# The slope of a cubic, with a remark

\begin{align*}
\frac{d}{dx}\left(x^{3} - 3 x\right) &= 3 x^{2} - 3 && \text{(check: } x = 1 \text{ is a turning point)} \\
&= @@3 (x - 1)(x + 1)@@3 (x - 1)^{2}@@ \\
&= 3 x^{2} - 3
\end{align*}
""", "md")
pair("md_qquad_remark_point_not_case", "F", r"""# The slope of e^{2x}, with a remark

$$\frac{d}{dx} e^{2 x} = 2 e^{2 x} \qquad \text{(at } x = 0 \text{ the slope is } 2)$$

$$= @@2 e^{x} e^{x}@@2 e^{x}@@$$

$$= 2 \left(e^{x}\right)^{2}$$
""", "md")
pair("transpose_product_element_indices", "F", r"""title: An element of a transposed product from a triple sum
symbols:
  A: {kind: matrix, shape: [m, n]}
  B: {kind: matrix, shape: [m, n]}
  X: {kind: matrix, shape: [n, n]}
  m: {integer: true, positive: true}
  n: {integer: true, positive: true}
  k: {kind: index, range: [1, m]}
  i, j, l, c: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial X_{i,j}} \sum_{k=1}^{m} \sum_{l=1}^{n} \sum_{c=1}^{n} A_{k,l} X_{l,c} B_{k,c}
  - = \sum_{k=1}^{m} A_{k,i} B_{k,j}
  - @@= (A^\top B)_{i,j}@@= (A^\top B)_{j,i}@@
""")
pair("md_product_element_order_notes", "F", r"""# An element of a product of two square matrices

Let $A \in \mathbb{R}^{n \times n}$ and $B \in \mathbb{R}^{n \times n}$.

Here $1 \le i \le n$.

Here $1 \le j \le n$.

$$\sum_{k=1}^{n} B_{k,j} A_{i,k}$$

$$= \sum_{k=1}^{n} A_{i,k} B_{k,j}$$

$$= @@(A B)_{i,j}@@(B A)_{i,j}@@$$
""", "md")
pair("undeclared_vector_log_sum_exp_slope", "F", r"""title: A log-sum-exp by an element of a vector known only by use
symbols:
  n: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial z_i} \ln \sum_{k=1}^{n} e^{z_k}
  - = \frac{1}{\sum_{k=1}^{n} e^{z_k}} \cdot \frac{\partial}{\partial z_i} \sum_{k=1}^{n} e^{z_k}
  - @@= \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}@@= \frac{1}{\sum_{k=1}^{n} e^{z_k}}@@
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

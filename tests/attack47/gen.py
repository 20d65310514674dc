#!/usr/bin/env python3
"""Write the attack-47 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`: the
true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes). The theme: the neighbours of the newest reader and
engine rules (a letter stated through its log, "equate ... to $0$" and the end of equation
solving, bold letters and declared vectors, a function head right after a defined name and
functions of Greek parameters named alone, several-letter subscripts `h_{w,b}` beside matrix
elements `h_{i,j}`, piecewise rows met only on a case's closed end, tanh / cosh of cubic
arguments). Each false twin is what a plausible misreading makes true, or is right at special
points (x = 0, x = 1, n = 1, a case's closed end, a symmetric matrix, y = 0)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

# ---------------- A  a letter stated through its log
pair("md_ln_L_two_params_slope", "A", r"""# A log-likelihood stated through its log

Let $\theta > 0$.

$$\ln L = a \ln \theta - b \theta$$

$$\frac{d \ln L}{d \theta} = \frac{a}{\theta} - b$$

$$= @@\frac{a - b \theta}{\theta}@@\frac{a - \theta}{\theta}@@$$

$$= \frac{a}{\theta} - \frac{b \theta}{\theta}$$
""", "md")
pair("md_log_L_defined_before_is_claim", "A", r"""# The log of a likelihood defined before

Let $\theta > 0$.

Let $L = \theta^{3} e^{-2 \theta}$.

$$\frac{d}{d \theta} \log L = \frac{3}{\theta} - 2$$

$$= \frac{3 - 2 \theta}{\theta}$$

$$\log L = @@3 \log \theta - 2 \theta@@\log \theta - 2 \theta@@$$
""", "md")
pair("md_ln_L_then_log_of_L_squared", "A", r"""# The log of the square of a likelihood

Let $\theta > 0$.

$$\ln L = a \ln \theta - b \theta$$

$$\frac{d \ln L}{d \theta} = \frac{a}{\theta} - b$$

$$\ln L^{2} = @@2 a \ln \theta - 2 b \theta@@a \ln \theta - b \theta@@$$
""", "md")
pair("md_ln_L_then_log_of_2L", "A", r"""# The log of twice a likelihood

Let $\theta > 0$.

$$\ln L = a \ln \theta - b \theta$$

$$\frac{d \ln L}{d \theta} = \frac{a}{\theta} - b$$

$$\ln(2 L) = @@\ln 2 + a \ln \theta - b \theta@@2 a \ln \theta - 2 b \theta@@$$
""", "md")
pair("md_ln_L_gaussian_mean_sign", "A", r"""# A Gaussian log-likelihood by its mean

Let $\sigma > 0$.

$$\ln L = -\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}$$

$$\frac{\partial \ln L}{\partial \mu} = @@\frac{x - \mu}{\sigma^{2}}@@\frac{\mu - x}{\sigma^{2}}@@$$

$$= \frac{x}{\sigma^{2}} - \frac{\mu}{\sigma^{2}}$$
""", "md")
pair("log_of_defined_L_poisson_yaml", "A", r"""title: The log of a defined Poisson-like likelihood, by its rate
symbols:
  theta: {positive: true}
definitions:
  L: \theta^{s} e^{-m \theta}
steps:
  - \frac{d}{d \theta} \ln L
  - = \frac{d}{d \theta} \left(s \ln \theta - m \theta\right)
  - @@= \frac{s}{\theta} - m@@= \frac{s}{\theta} - m \theta@@
  - = \frac{s - m \theta}{\theta}
""")

pair("md_ln_L_squared_states_nothing", "A", r"""# A likelihood stated through its log, beside a slope

Let $\theta > 0$.

$$@@\ln L@@\ln L^{2}@@ = a \ln \theta - b \theta$$

$$\frac{d}{d \theta} \left(a \ln \theta - b \theta\right) = \frac{a}{\theta} - b$$

$$= \frac{a - b \theta}{\theta}$$
""", "md")
pair("md_ln_2L_states_nothing", "A", r"""# A likelihood stated through its log, beside a second slope

Let $\theta > 0$.

$$@@\ln L@@\ln(2 L)@@ = 3 \ln \theta - 2 \theta$$

$$\frac{d^{2}}{d \theta^{2}} \left(3 \ln \theta - 2 \theta\right) = -\frac{3}{\theta^{2}}$$

$$= \frac{d}{d \theta} \left(\frac{3}{\theta} - 2\right)$$
""", "md")

# ---------------- B  "equate ... to $0$", equating coefficients, the end of solving
pair("md_equate_coefficients_is_no_solving", "B", r"""# Matching a square

Expanding, we equate the coefficients of both sides:

$$(x + a)^{2} = (x + a)(x + a)$$

$$= x^{2} + 2 a x + a^{2}$$

$$= @@x (x + 2 a) + a^{2}@@x (x + a) + a^{2}@@$$
""", "md")
pair("md_equate_to_zero_then_second_derivative", "B", r"""# A stationary point and the curvature

$$\frac{d}{dw} \left((w - 3)^{2} + w^{3}\right) = 2 (w - 3) + 3 w^{2}$$

Equate it to $0$:

$$3 w^{2} + 2 w - 6 = 0$$

$$\frac{d^{2}}{dw^{2}} \left((w - 3)^{2} + w^{3}\right) = 2 + 6 w$$

$$= @@2 (1 + 3 w)@@2 (1 + w)@@$$
""", "md")
pair("md_equate_gradient_to_zero_links_checked", "B", r"""# Least squares through the origin

Let $n$ be a positive integer.

Equate the gradient to $0$:

$$\frac{\partial}{\partial w} \sum_{i=1}^{n} \left(w x_i - y_i\right)^{2}$$

$$= @@2 \sum_{i=1}^{n} \left(w x_i - y_i\right) x_i@@2 \sum_{i=1}^{n} \left(w x_i - y_i\right)@@$$

$$= 0$$
""", "md")
pair("md_next_paragraph_ends_solving", "B", r"""# A stationary point, then an expansion

$$\frac{d}{dw} (w - 3)^{2} = 2 (w - 3)$$

Equate the slope to $0$:

$$2 (w - 3) = 0$$

Next, expand the square:

$$(w - 3)^{2} = @@w^{2} - 6 w + 9@@w^{2} - 3 w + 9@@$$
""", "md")
pair("md_heading_ends_solving", "B", r"""# Stationary points of a cubic

$$\frac{d}{dx} \left(x^{3} - 12 x\right) = 3 x^{2} - 12$$

Equate the derivative to $0$ and solve:

$$3 x^{2} - 12 = 0$$

$$x^{2} = 4$$

# Factoring the cubic

$$x^{3} - 12 x = @@x \left(x^{2} - 12\right)@@x^{2} \left(x - 12\right)@@$$

$$= x \left(x - 2 \sqrt{3}\right) \left(x + 2 \sqrt{3}\right)$$
""", "md")

# ---------------- C  bold letters, declared vectors
pair("bold_norm_of_sum_cross_term", "C", r"""title: The square of the norm of a sum of two bold vectors
symbols:
  x: {kind: vector, size: n}
  y: {kind: vector, size: n}
  n: {integer: true, positive: true}
steps:
  - \|\mathbf{x} + \mathbf{y}\|^{2}
  - = (\mathbf{x} + \mathbf{y})^\top (\mathbf{x} + \mathbf{y})
  - @@= \|\mathbf{x}\|^{2} + 2 \mathbf{x} \cdot \mathbf{y} + \|\mathbf{y}\|^{2}@@= \|\mathbf{x}\|^{2} + \mathbf{x} \cdot \mathbf{y} + \|\mathbf{y}\|^{2}@@
  - = \|\mathbf{x}\|^{2} + 2 \mathbf{x}^\top \mathbf{y} + \|\mathbf{y}\|^{2}
""")
pair("bold_least_squares_gradient_term_dropped", "C", r"""title: The gradient of a least-squares loss, in bold
symbols:
  X: {kind: matrix, shape: [N, d]}
  w: {kind: vector, size: d}
  y: {kind: vector, size: N}
steps:
  - \nabla_{\mathbf w} \left(\frac{1}{2} \|X \mathbf{w} - \mathbf{y}\|^{2}\right)
  - = X^\top (X \mathbf{w} - \mathbf{y})
  - @@= X^\top X \mathbf{w} - X^\top \mathbf{y}@@= X^\top X \mathbf{w}@@
""")
pair("md_bold_quadratic_form_gradient", "C", r"""# The gradient of a quadratic form, in bold

Let $x \in \mathbb{R}^n$ and $A \in \mathbb{R}^{n \times n}$.

$$\nabla_{\mathbf{x}} \left(\mathbf{x}^\top A \mathbf{x}\right)$$

$$= @@(A + A^\top) \mathbf{x}@@2 A \mathbf{x}@@$$

$$= A \mathbf{x} + A^\top \mathbf{x}$$
""", "md")
pair("md_bold_weight_decay_half", "C", r"""# The gradient of a weight penalty, in bold

Let $w \in \mathbb{R}^d$.

$$\nabla_{\mathbf{w}} \left(\frac{\lambda}{2} \|\mathbf{w}\|^{2}\right)$$

$$= \frac{\lambda}{2} \cdot 2 \mathbf{w}$$

$$= @@\lambda \mathbf{w}@@\frac{\lambda}{2} \mathbf{w}@@$$
""", "md")
pair("bold_ones_mean_one_over_n", "C", r"""title: The mean of a vector through a bold vector of ones
symbols:
  x: {kind: vector, size: n}
  n: {integer: true, positive: true}
  j: {kind: index, range: [1, n]}
steps:
  - \frac{1}{n} \mathbf{1}_n^\top \mathbf{x}
  - @@= \frac{1}{n} \sum_{j=1}^{n} x_j@@= \sum_{j=1}^{n} x_j@@
  - = \frac{1}{n} \sum_{j} x_j
""")
pair("md_bold_scalar_weight_chain", "C", r"""# A bold weight in a scalar model

Let $z = \mathbf{w} x + b$.

$$\frac{\partial}{\partial w} (z - y)^{2}$$

$$= @@2 x (z - y)@@2 (z - y)@@$$

$$= 2 x (\mathbf{w} x + b - y)$$
""", "md")

# ---------------- D  a function head after a defined name; functions named alone
pair("md_head_after_name_exp_decay", "D", r"""# A defined value with a function head

$$u = f(t) = t e^{-2 t}$$

$$f'(t) = e^{-2 t} - 2 t e^{-2 t}$$

$$= @@(1 - 2 t) e^{-2 t}@@(1 - t) e^{-2 t}@@$$
""", "md")
pair("md_head_after_name_second_derivative", "D", r"""# A cubic named twice

$$y = g(x) = x^{3} - 3 x$$

$$\frac{dy}{dx} = 3 x^{2} - 3$$

$$g''(x) = \frac{d}{dx} \left(3 x^{2} - 3\right)$$

$$= @@6 x@@3 x@@$$
""", "md")
pair("md_ell_mu_sigma_alone_by_mu", "D", r"""# A Gaussian log-likelihood named alone, by its mean

Let $\sigma > 0$.

Let $\ell(\mu, \sigma) = -\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}$.

$$\frac{\partial \ell}{\partial \mu}$$

$$= \frac{x - \mu}{\sigma^{2}}$$

$$= @@\frac{x}{\sigma^{2}} - \frac{\mu}{\sigma^{2}}@@\frac{x}{\sigma^{2}} - \mu@@$$
""", "md")
pair("md_phi_alpha_beta_alone_by_beta", "D", r"""# A decay named alone, by its rate

Let $\phi(\alpha, \beta) = \alpha e^{-\beta x}$.

$$\frac{\partial \phi}{\partial \beta}$$

$$= @@-\alpha x e^{-\beta x}@@-\alpha e^{-\beta x}@@$$

$$= -x \phi(\alpha, \beta)$$
""", "md")
pair("md_ell_lambda_alone_poisson", "D", r"""# A Poisson log-likelihood named alone

Let $\lambda > 0$.

Let $\ell(\lambda) = k \ln \lambda - \lambda$.

$$\frac{d \ell}{d \lambda}$$

$$= @@\frac{k}{\lambda} - 1@@\frac{1}{\lambda} - 1@@$$

$$= \frac{k - \lambda}{\lambda}$$
""", "md")

pair("ell_mu_sigma_second_by_mu_yaml", "D", r"""title: A Gaussian log-likelihood of two Greek parameters, twice by its mean
symbols:
  sigma: {positive: true}
definitions:
  \ell(\mu, \sigma): -\ln \sigma - \frac{(x - \mu)^{2}}{2 \sigma^{2}}
steps:
  - \frac{\partial^{2}}{\partial \mu^{2}} \ell(\mu, \sigma)
  - = \frac{\partial}{\partial \mu} \frac{x - \mu}{\sigma^{2}}
  - @@= -\frac{1}{\sigma^{2}}@@= -\frac{1}{\sigma}@@
""")

# ---------------- E  several-letter subscripts beside matrix elements
pair("md_h_wb_logistic_by_b", "E", r"""# A logistic unit with a comma subscript, by its bias

Let $h_{w,b}(x) = \frac{1}{1 + e^{-(w x + b)}}$.

$$\frac{\partial}{\partial b} h_{w,b}(x)$$

$$= \frac{e^{-(w x + b)}}{\left(1 + e^{-(w x + b)}\right)^{2}}$$

$$= @@h_{w,b}(x) \left(1 - h_{w,b}(x)\right)@@x h_{w,b}(x) \left(1 - h_{w,b}(x)\right)@@$$
""", "md")
pair("md_h_ij_matrix_element_index_swap", "E", r"""# An element of a matrix h

Let $n$ be a positive integer.

Here $1 \le i \le n$.

Here $1 \le j \le n$.

$$\frac{\partial}{\partial h_{i,j}} \sum_{k=1}^{n} \sum_{l=1}^{n} h_{k,l} x_l$$

$$= \sum_{l=1}^{n} \delta_{lj} x_l$$

$$= @@x_j@@x_i@@$$
""", "md")
pair("md_h_wb_at_samples_mean_by_b", "E", r"""# A linear unit with a comma subscript at each sample

Let $m$ be a positive integer.

Here $1 \le i \le m$.

Let $h_{w,b}(x) = w x + b$.

$$\frac{\partial}{\partial b} \frac{1}{2 m} \sum_{i=1}^{m} \left(h_{w,b}(x^{(i)}) - y^{(i)}\right)^{2}$$

$$= \frac{1}{m} \sum_{i=1}^{m} \left(h_{w,b}(x^{(i)}) - y^{(i)}\right)$$

$$= @@\frac{1}{m} \sum_{i=1}^{m} \left(w x^{(i)} + b - y^{(i)}\right)@@\sum_{i=1}^{m} \left(w x^{(i)} + b - y^{(i)}\right)@@$$

$$= b + \frac{1}{m} \sum_{i=1}^{m} \left(w x^{(i)} - y^{(i)}\right)$$
""", "md")
pair("matrix_h_bilinear_element_swap", "E", r"""title: The derivative of a bilinear form by an element of a matrix named h
symbols:
  h: matrix
  x: vector
  y: vector
  n: {integer: true, positive: true}
  i, j, k, l: {kind: index, range: [1, n]}
steps:
  - \frac{\partial}{\partial h_{i,j}} \sum_{k=1}^{n} \sum_{l=1}^{n} x_k h_{k,l} y_l
  - = \sum_{k=1}^{n} \sum_{l=1}^{n} x_k \delta_{ki} \delta_{lj} y_l
  - @@= x_i y_j@@= x_j y_i@@
""")
pair("md_h_wb_softplus_alone_by_w", "E", r"""# A softplus unit with a comma subscript named alone

Let $h_{w,b}(x) = \ln\left(1 + e^{w x + b}\right)$.

$$\frac{\partial h_{w,b}}{\partial w}$$

$$= @@\frac{x e^{w x + b}}{1 + e^{w x + b}}@@\frac{e^{w x + b}}{1 + e^{w x + b}}@@$$

$$= \frac{x}{1 + e^{-(w x + b)}}$$
""", "md")

# ---------------- F  piecewise rows on a case's closed end; tanh / cosh of cubic arguments
pair("piecewise_row_on_closed_end_ge_two", "F", r"""title: A piecewise value whose other row holds only at the case's closed end
steps:
  - \begin{cases} x^{2} - 4 & x \le 2 \\ 4 x - 8 & x > 2 \end{cases}
cases:
  - when: x \ge 2
    steps:
      - @@= 4 x - 8@@= x^{2} - 4@@
      - = 4 (x - 2)
  - when: x < 2
    steps:
      - = x^{2} - 4
      - = (x - 2)(x + 2)
""")
pair("md_piecewise_row_on_closed_end_le_zero", "F", r"""# A piecewise value at its joint

$$\begin{cases} e^{x} & \text{if } x \ge 0 \\ 1 + x & \text{if } x < 0 \end{cases}$$

If $x \le 0$:

$$= @@1 + x@@e^{x}@@$$

Otherwise:

$$= e^{x}$$
""", "md")
pair("tanh_of_cube_slope_yaml", "F", r"""title: The slope of tanh of a cube
steps:
  - \frac{d}{dx} \tanh(x^{3})
  - @@= 3 x^{2} \left(1 - \tanh^{2}(x^{3})\right)@@= x^{2} \left(1 - \tanh^{2}(x^{3})\right)@@
  - = \frac{3 x^{2}}{\cosh^{2}(x^{3})}
""")
pair("md_cosh_of_cubic_minus_x_slope", "F", r"""# The slope of cosh of a cubic

$$\frac{d}{dx} \cosh\left(x^{3} - x\right)$$

$$= @@\sinh\left(x^{3} - x\right) \left(3 x^{2} - 1\right)@@3 x^{2} \sinh\left(x^{3} - x\right)@@$$

$$= \frac{1}{2} \left(3 x^{2} - 1\right) \left(e^{x^{3} - x} - e^{x - x^{3}}\right)$$
""", "md")
pair("x_tanh_of_cube_product_rule", "F", r"""title: The product rule on x times tanh of a cube
steps:
  - \frac{d}{dx} x \tanh(x^{3})
  - = \tanh(x^{3}) + x \cdot 3 x^{2} \left(1 - \tanh^{2}(x^{3})\right)
  - @@= \tanh(x^{3}) + 3 x^{3} \left(1 - \tanh^{2}(x^{3})\right)@@= \tanh(x^{3}) + 3 x^{2} \left(1 - \tanh^{2}(x^{3})\right)@@
""")
pair("md_log_cosh_of_cube_slope", "F", r"""# The slope of the log of cosh of a cube

$$\frac{d}{dx} \ln\left(\cosh(x^{3})\right)$$

$$= \frac{3 x^{2} \sinh(x^{3})}{\cosh(x^{3})}$$

$$= @@3 x^{2} \tanh(x^{3})@@x^{2} \tanh(x^{3})@@$$
""", "md")

pair("cosh_squared_of_cube_slope_yaml", "F", r"""title: The slope of the square of cosh of a cube
steps:
  - \frac{d}{dx} \cosh^{2}(x^{3})
  - = 2 \cosh(x^{3}) \sinh(x^{3}) \cdot 3 x^{2}
  - @@= 3 x^{2} \sinh(2 x^{3})@@= 6 x^{2} \sinh(2 x^{3})@@
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

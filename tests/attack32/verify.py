#!/usr/bin/env python3
"""Check every attack-32 pair independently of derive-ce.

Scalars: mpmath at 60 digits, tolerance 10^-45 relative for values; derivatives by central
difference quotients with h = 10^-20 (tolerance 10^-15 relative), taken only where the function
is defined and the two one-sided quotients agree to 10^-12 (else "undefined", None: a kink or a
jump); two undefined values agree, an undefined and a defined one differ. Partial derivatives by
an element of a vector or matrix move that element alone. Vectors and matrices: random rationals
(mpf) at sizes 1..5 (matrices 1..3), every index assignment allowed by the step's case.
Each true step (LHS = TRUE) must hold at every point tried of its domain (declared flags, stated
assumptions, the case's conditions); each false step must differ at one point at least of that
same domain. Shared (unmarked) steps are checked too (extra). The file check: twins identical but
for the marked line, one mark, in the false twin only; every YAML twin loads with yaml.safe_load.
SHOW=1 prints where each false step fails."""
import itertools, os, random
import mpmath as M
from mpmath import mpf, sqrt, ln, exp, tanh, erf, pi
M.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
SHOW = os.environ.get("SHOW") == "1"
TOL = mpf(10) ** -45
DTOL = mpf(10) ** -15
RNG = random.Random(32)
H = mpf(10) ** -20

def close(a, b, tol=TOL):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, M.matrix) or isinstance(b, M.matrix):
        if a.rows != b.rows or a.cols != b.cols:
            return False
        return all(close(a[r, c], b[r, c], tol) for r in range(a.rows) for c in range(a.cols))
    a, b = M.mpmathify(a), M.mpmathify(b)
    return abs(a - b) <= tol * max(1, abs(a), abs(b))

PAIRS = {}
def pair(name, lhs, tr, fa, pts, tol=TOL, extra=None, fpts=None):
    PAIRS[name] = (lhs, tr, fa, list(pts), tol, extra, None if fpts is None else list(fpts))

def deriv(f, x):
    try:
        f0, fl, fr = f(x), f(x - H), f(x + H)
    except (ZeroDivisionError, ValueError):
        return None
    if f0 is None or fl is None or fr is None:
        return None
    l = (f0 - fl) / H; r = (fr - f0) / H
    if abs(l - r) > mpf(10) ** -12 * max(1, abs(l)):
        return None
    return (fr - fl) / (2 * H)
def dvec(F, v, k):
    """dF/dv[k], v a list (0-based k)."""
    def g(t):
        w = list(v); w[k] = t; return F(w)
    return deriv(g, v[k])
def dmat(F, W, a, b):
    def g(t):
        V = [list(r) for r in W]; V[a][b] = t; return F(V)
    return deriv(g, W[a][b])
def rq(): return mpf(RNG.randint(-30, 30)) / RNG.randint(1, 7)
def vec(n): return [rq() for _ in range(n)]
def mat(r, c): return [[rq() for _ in range(c)] for _ in range(r)]
def sig(t): return 1 / (1 + exp(-t))
def sm(z, T=1):
    m = max(z); e = [exp((zz - m) / T) for zz in z]; s = sum(e); return [x / s for x in e]
def ind(c): return 1 if c else 0
SM = [mpf(v) for v in ("-300", "-25", "-7.3", "-2", "-1.5", "-1", "-0.5", "-1e-9",
                       "0", "1e-12", "0.4", "1", "2", "3.1", "12.5", "40", "300")]
POS = [v for v in SM if v > 0]

# ---------------- A  softmax / log-softmax / cross-entropy
ZJ = [(vec(n), j) for n in range(1, 6) for _ in range(2) for j in range(n)]
lse = lambda z: ln(sum(exp(t) for t in z))
pair("lse_definition_index_capture", lambda z, j: dvec(lse, z, j), lambda z, j: exp(z[j]) / sum(exp(t) for t in z),
     lambda z, j: mpf(1), ZJ, DTOL)

def onehot_y(n):
    y = vec(n); y[-1] = 1 - sum(y[:-1]); return y
A2P = [(vec(n), onehot_y(n), rq(), i) for n in range(1, 6) for _ in range(2) for i in range(n)]
def ls_loss(y, eps):
    n = len(y); q = [(1 - eps) * yy + eps / n for yy in y]
    return lambda z: -sum(qk * ln(pk) for qk, pk in zip(q, sm(z)))
def a2_extra():
    ok = True
    for n in range(1, 5):
        z, y, eps = vec(n), vec(n), rq()  # any y for the steps before the case
        q = [(1 - eps) * yy + eps / n for yy in y]; p = sm(z)
        for i in range(n):
            d = dvec(ls_loss(y, eps), z, i)
            s1 = -sum(q[k] * (ind(k == i) - p[i]) for k in range(n))
            s2 = p[i] * sum(q) - q[i]
            ok &= close(d, s1, DTOL) and close(s1, s2)
        y = onehot_y(n); q = [(1 - eps) * yy + eps / n for yy in y]
        for i in range(n):
            ok &= close(p[i] * sum(q) - q[i], p[i] - q[i])
    return ok
pair("ce_label_smoothing_onehot", lambda z, y, e, i: p_minus_q(z, y, e, i),
     lambda z, y, e, i: sm(z)[i] - (1 - e) * y[i] - e / len(z),
     lambda z, y, e, i: sm(z)[i] - (1 - e) * y[i] - e, A2P, extra=a2_extra)
def p_minus_q(z, y, e, i):
    return sm(z)[i] - ((1 - e) * y[i] + e / len(z))

A3P = [(vec(n), mpf(RNG.randint(1, 40)) / 7, i, g) for n in range(1, 6) for i in range(n) for g in range(n)]
def temp_loss(g, T): return lambda z: -ln(sm(z, T)[g])
def a3_extra():
    ok = True
    for z, T, i, g in A3P:
        d = dvec(temp_loss(g, T), z, i)
        ok &= close(d, (sm(z, T)[i] - ind(g == i)) / T, DTOL)
        if g == i:
            ok &= close(d, (sm(z, T)[i] - 1) / T, DTOL)
    return ok
pair("ce_temperature_gamma_cases", lambda z, T, i, g: dvec(temp_loss(g, T), z, i),
     lambda z, T, i, g: sm(z, T)[i] / T, lambda z, T, i, g: sm(z, T)[g] / T,
     [p for p in A3P if p[2] != p[3]], DTOL, extra=a3_extra)

ZIJ = [(vec(n), i, j) for n in range(1, 6) for _ in range(2) for i in range(n) for j in range(n)]
def jac(z, i, j): return dvec(lambda w: sm(w)[i], z, j)
def a4_extra():
    ok = True
    for z, i, j in ZIJ:
        p = sm(z)
        ok &= close(jac(z, i, j), p[i] * (1 - p[i]) if i == j else -p[i] * p[j], DTOL)
    for z, i, j in ZIJ:
        p = sm(z)
        ok &= close(sum(jac(z, i, jj) for jj in range(len(z))), p[i] - p[i] * sum(p), DTOL)
    return ok
ZI = [(vec(n), i) for n in range(1, 6) for _ in range(2) for i in range(n)]
pair("md_softmax_jacobian_row_sum", lambda z, i: sum(jac(z, i, j) for j in range(len(z))), lambda z, i: mpf(0),
     lambda z, i: sm(z)[i] * (1 - sm(z)[i]), ZI, DTOL, extra=a4_extra)
def logsm_d(z, i, j): return dvec(lambda w: ln(sm(w)[i]), z, j)
pair("md_log_softmax_row_conditions", logsm_d, lambda z, i, j: -sm(z)[j], lambda z, i, j: -sm(z)[i],
     [p for p in ZIJ if p[1] != p[2]], DTOL,
     extra=lambda: all(close(logsm_d(z, i, j), 1 - sm(z)[j], DTOL) for z, i, j in ZIJ if i == j))

# ---------------- B  activations
EX = [x for x in SM if abs(x) < 100]
Phi = lambda t: (1 + erf(t / sqrt(2))) / 2
dPhi = lambda t: deriv(Phi, t)
pair("gelu_erf_derivative", lambda x: deriv(lambda t: t * Phi(t), x),
     lambda x: Phi(x) + x / sqrt(2 * pi) * exp(-x ** 2 / 2), lambda x: Phi(x) + x / sqrt(pi) * exp(-x ** 2 / 2),
     [(x,) for x in EX], DTOL,
     extra=lambda: all(close(deriv(lambda t: t * Phi(t), x), Phi(x) + x * dPhi(x), DTOL) for x in EX))
pair("tanh_via_sigmoid_chain_factor", lambda x: deriv(tanh, x), lambda x: 4 * sig(2 * x) * sig(-2 * x),
     lambda x: 2 * sig(2 * x) * sig(-2 * x), [(x,) for x in EX], DTOL,
     extra=lambda: all(close(deriv(tanh, x), deriv(lambda t: 2 * sig(2 * t) - 1, x), DTOL)
                       and close(deriv(tanh, x), 4 * deriv(sig, 2 * x), DTOL) for x in EX))
pair("log_sigmoid_stable_form", lambda x: ln(sig(x)), lambda x: min(x, 0) - ln(1 + exp(-abs(x))),
     lambda x: min(x, 0) - ln(1 + exp(-x)), [(x,) for x in SM],
     extra=lambda: all(close(ln(sig(x)), -ln(1 + exp(-x))) for x in SM))
silu = lambda t: t * sig(t)
pair("md_silu_word_derivative", lambda x: deriv(silu, x), lambda x: sig(x) * (1 + x * sig(-x)),
     lambda x: sig(x) * (1 + x * sig(x)), [(x,) for x in EX], DTOL,
     extra=lambda: all(close(deriv(silu, x), sig(x) + x * sig(x) * (1 - sig(x)), DTOL) for x in EX))
pair("md_tanh_from_sigmoid_prose", lambda x: tanh(x), lambda x: 2 * sig(2 * x) - 1, lambda x: 2 * sig(x) - 1,
     [(x,) for x in SM],
     extra=lambda: all(close(tanh(x), (1 - exp(-2 * x)) / (1 + exp(-2 * x)))
                       and close(tanh(x), 2 / (1 + exp(-2 * x)) - 1) for x in SM))

# ---------------- C  losses over N samples
C1P = [(vec(N), vec(N), rq(), rq()) for N in range(1, 6) for _ in range(3)]
def mse(x, y, b): return lambda w: sum((w * xi + b - yi) ** 2 for xi, yi in zip(x, y)) / len(x)
def c1_head(x, y, w, b):
    N = len(x); return 2 * (w * sum(t * t for t in x) + b * sum(x)) / N
pair("mse_peel_first_term", lambda x, y, w, b: deriv(mse(x, y, b), w),
     lambda x, y, w, b: c1_head(x, y, w, b) - 2 * (x[0] * y[0] + sum(x[i] * y[i] for i in range(1, len(x)))) / len(x),
     lambda x, y, w, b: c1_head(x, y, w, b) - 2 * (x[-1] * y[-1] + sum(x[i] * y[i] for i in range(1, len(x)))) / len(x),
     C1P, DTOL,
     extra=lambda: all(close(deriv(mse(x, y, b), w), 2 * sum((w * xi + b - yi) * xi for xi, yi in zip(x, y)) / len(x), DTOL)
                       and close(deriv(mse(x, y, b), w), c1_head(x, y, w, b) - 2 * sum(xi * yi for xi, yi in zip(x, y)) / len(x), DTOL)
                       for x, y, w, b in C1P))
def huber(d):
    return lambda t: t * t / 2 if abs(t) <= d else d * (abs(t) - d / 2)
DEL = [mpf(v) for v in ("0.001", "0.5", "1", "2.5", "1000")]
HP = [(d, -d * f) for d in DEL for f in (mpf("1.0001"), mpf(3), mpf(10) ** 6)]
def c2_extra():
    ok = True
    for d in DEL:
        ok &= close(deriv(huber(d), d), d, DTOL)
        for f in (mpf("-0.9999"), mpf("-0.5"), mpf(0), mpf("0.3"), mpf("0.9999")):
            ok &= close(deriv(huber(d), d * f), d * f, DTOL)
    return ok
pair("huber_slope_joint_and_tails", lambda d, r: deriv(huber(d), r), lambda d, r: -d, lambda d, r: d, HP, DTOL,
     extra=c2_extra)
def hinge(t, x, lam): return lambda w: max(0, 1 - t * w * x) + lam / 2 * w * w
C3 = [(rq(), rq(), rq(), rq()) for _ in range(60)]
pair("hinge_weight_decay_sides", lambda t, x, w, lam: deriv(hinge(t, x, lam), w), lambda t, x, w, lam: lam * w,
     lambda t, x, w, lam: lam * w - t * x, [p for p in C3 if p[0] * p[2] * p[1] > 1], DTOL,
     extra=lambda: all(close(deriv(hinge(t, x, lam), w), lam * w - t * x, DTOL) for t, x, w, lam in C3 if t * w * x < 1))
C4P = [(vec(N), vec(N), rq()) for N in range(1, 6) for _ in range(2)]
def logit_loss(x, y):
    # ln sigma(t) = -ln(1 + e^-t) and ln(1 - sigma(t)) = -ln(1 + e^t), written so to keep the digits
    return lambda w: sum(yi * ln(1 + exp(-w * xi)) + (1 - yi) * ln(1 + exp(w * xi)) for xi, yi in zip(x, y)) / len(x)
pair("md_logistic_mean_gradient", lambda x, y, w: deriv(logit_loss(x, y), w),
     lambda x, y, w: sum((sig(w * xi) - yi) * xi for xi, yi in zip(x, y)) / len(x),
     lambda x, y, w: sum((1 - yi) * sig(w * xi) * xi for xi, yi in zip(x, y)) / len(x), C4P, DTOL,
     extra=lambda: all(close(deriv(logit_loss(x, y), w),
                             -sum(yi * (1 - sig(w * xi)) * xi - (1 - yi) * sig(w * xi) * xi for xi, yi in zip(x, y)) / len(x), DTOL)
                       for x, y, w in C4P))
def lasso(a, lam): return lambda w: (w - a) ** 2 / 2 + lam * abs(w)
C5 = [(rq(), rq(), abs(rq()) + mpf(1) / 3) for _ in range(60)]
pair("md_lasso_sign_of_w", lambda w, a, lam: deriv(lasso(a, lam), w), lambda w, a, lam: w - a - lam,
     lambda w, a, lam: w - a + lam * M.sign(a), [p for p in C5 if p[0] < 0], DTOL,
     extra=lambda: all(close(deriv(lasso(a, lam), w), w - a + lam, DTOL) for w, a, lam in C5 if w > 0))

# ---------------- D  normalisation layers
mean = lambda x: sum(x) / len(x)
XJ = [(vec(m), j) for m in range(1, 6) for _ in range(2) for j in range(m)]
css = lambda x: sum((xi - mean(x)) ** 2 for xi in x)
def d1_extra():
    ok = True
    for x, j in XJ:
        m = len(x); mu = mean(x); d = dvec(css, x, j)
        ok &= close(d, sum(2 * (x[i] - mu) * (ind(i == j) - mpf(1) / m) for i in range(m)), DTOL)
        ok &= close(d, 2 * (x[j] - mu) - mpf(2) / m * sum(xi - mu for xi in x), DTOL)
    return ok
pair("batchnorm_centred_square_grad", lambda x, j: dvec(css, x, j), lambda x, j: 2 * (x[j] - mean(x)),
     lambda x, j: mpf(2) * (len(x) - 1) / len(x) * (x[j] - mean(x)), XJ, DTOL, extra=d1_extra)
def var(x): return sum((xi - mean(x)) ** 2 for xi in x) / len(x)
XJE = [(x, j, e) for (x, j) in XJ for e in (mpf(10) ** -5, mpf(1) / 3)]
def sd(e): return lambda x: sqrt(var(x) + e)
pair("layernorm_std_eps_grad", lambda x, j, e: dvec(sd(e), x, j),
     lambda x, j, e: (x[j] - mean(x)) / (len(x) * sqrt(var(x) + e)),
     lambda x, j, e: (x[j] - mean(x)) / sqrt(len(x) ** 2 * var(x) + e), XJE, DTOL,
     extra=lambda: all(close(dvec(sd(e), x, j), 1 / (2 * sqrt(var(x) + e)) * 2 / len(x) * (x[j] - mean(x)), DTOL)
                       for x, j, e in XJE))
XIJE = [(vec(m), i, j, e) for m in range(1, 5) for _ in range(2) for i in range(m) for j in range(m)
        for e in (mpf(10) ** -5, mpf(2))]
def xhat(i, e): return lambda x: (x[i] - mean(x)) / sqrt(var(x) + e)
def d3_extra():
    ok = True
    for x, i, j, e in XIJE:
        if i == j:
            m = len(x); s = sqrt(var(x) + e); mu = mean(x)
            ok &= close(dvec(xhat(i, e), x, j), (1 - mpf(1) / m) / s - (x[i] - mu) ** 2 / (m * s ** 3), DTOL)
    return ok
def d3(x, i, j, e, k):
    m = len(x); s = sqrt(var(x) + e); mu = mean(x)
    return -1 / (m * s) - (x[i] - mu) * (x[j] - mu) / (m ** k * s ** 3)
pair("batchnorm_xhat_jacobian_cases", lambda x, i, j, e: dvec(xhat(i, e), x, j),
     lambda x, i, j, e: d3(x, i, j, e, 1), lambda x, i, j, e: d3(x, i, j, e, 2),
     [p for p in XIJE if p[1] != p[2]], DTOL, extra=d3_extra)
csum = lambda x: sum(xk - mean(x) for xk in x)
pair("md_centred_sum_grad_zero", lambda x, j: dvec(csum, x, j), lambda x, j: mpf(0), lambda x, j: 1 - mpf(1) / len(x),
     XJ, DTOL, extra=lambda: all(close(dvec(csum, x, j), sum(ind(k == j) - mpf(1) / len(x) for k in range(len(x))), DTOL)
                                 for x, j in XJ))
XS = [(vec(m),) for m in range(1, 6) for _ in range(3)]
def v_of_mu(x): return lambda mu: sum((xi - mu) ** 2 for xi in x) / len(x)
pair("md_variance_by_its_mean", lambda x: deriv(v_of_mu(x), mean(x)), lambda x: mpf(0), lambda x: -2 * mean(x),
     XS, DTOL, extra=lambda: all(close(deriv(v_of_mu(x), mean(x)), -mpf(2) / len(x) * sum(xi - mean(x) for xi in x), DTOL)
                                 for (x,) in XS))

# ---------------- E  backprop through two layers
E1P = [(mat(n, n), vec(n), vec(n), rq(), a, b) for n in range(1, 4) for a in range(n) for b in range(n)]
def e1_h(W, x): return [tanh(sum(W[r][k] * x[k] for k in range(len(x)))) for r in range(len(x))]
def e1_L(x, v, t): return lambda W: (sum(vj * hj for vj, hj in zip(v, e1_h(W, x))) - t) ** 2 / 2
def e1_val(W, x, v, t, a, b, swap):
    h = e1_h(W, x); yh = sum(vj * hj for vj, hj in zip(v, h))
    if swap: a, b = b, a
    return (yh - t) * v[a] * (1 - h[a] ** 2) * x[b]
def e1_extra():
    ok = True
    for W, x, v, t, a, b in E1P:
        h = e1_h(W, x); yh = sum(vj * hj for vj, hj in zip(v, h))
        mid = (yh - t) * sum(v[j] * dmat(lambda V: e1_h(V, x)[j], W, a, b) for j in range(len(x)))
        ok &= close(dmat(e1_L(x, v, t), W, a, b), mid, DTOL)
    return ok
pair("tanh_layer_weight_element", lambda W, x, v, t, a, b: dmat(e1_L(x, v, t), W, a, b),
     lambda W, x, v, t, a, b: e1_val(W, x, v, t, a, b, False), lambda W, x, v, t, a, b: e1_val(W, x, v, t, a, b, True),
     E1P, DTOL, extra=e1_extra)
E2P = [(mat(n, n), vec(n), vec(n), vec(n), k) for n in range(1, 4) for _ in range(2) for k in range(n)]
def e2_a(W, x, b): n = len(x); return [sig(sum(W[r][j] * x[j] for j in range(n)) + b[r]) for r in range(n)]
def e2_L(W, b, y): return lambda x: sum((ai - yi) ** 2 for ai, yi in zip(e2_a(W, x, b), y)) / 2
def e2_val(W, x, b, y, k, swap):
    a = e2_a(W, x, b); n = len(x)
    return sum((a[i] - y[i]) * a[i] * (1 - a[i]) * (W[k][i] if swap else W[i][k]) for i in range(n))
def e2_extra():
    ok = True
    for W, x, b, y, k in E2P:
        n = len(x); z = [sum(W[r][j] * x[j] for j in range(n)) + b[r] for r in range(n)]; a = e2_a(W, x, b)
        ok &= close(dvec(e2_L(W, b, y), x, k), sum((a[i] - y[i]) * deriv(sig, z[i]) * W[i][k] for i in range(n)), DTOL)
    return ok
pair("sigmoid_layer_input_grad", lambda W, x, b, y, k: dvec(e2_L(W, b, y), x, k),
     lambda W, x, b, y, k: e2_val(W, x, b, y, k, False), lambda W, x, b, y, k: e2_val(W, x, b, y, k, True),
     E2P, DTOL, extra=e2_extra)
E3P = [(mat(n, n), vec(n), vec(n), a, b) for n in range(1, 4) for _ in range(3) for a in range(n) for b in range(n)]
def e3_u(W, x, r): return sum(W[r][k] * x[k] for k in range(len(x)))
def e3_y(x, v): return lambda W: sum(v[j] * max(0, e3_u(W, x, j)) for j in range(len(x)))
pair("relu_hidden_weight_cases", lambda W, x, v, a, b: dmat(e3_y(x, v), W, a, b),
     lambda W, x, v, a, b: v[a] * x[b], lambda W, x, v, a, b: v[b] * x[a],
     [p for p in E3P if e3_u(p[0], p[1], p[3]) > 0], DTOL,
     extra=lambda: all(close(dmat(e3_y(x, v), W, a, b), 0, DTOL) for W, x, v, a, b in E3P if e3_u(W, x, a) < 0))
E4P = [(vec(n), vec(n), rq(), k) for n in range(1, 6) for _ in range(2) for k in range(n)]
def e4_h(w, x): return [tanh(wj * x) for wj in w]
def e4_y(v, x): return lambda w: sum(vj * hj for vj, hj in zip(v, e4_h(w, x)))
pair("md_let_h_two_layers", lambda w, v, x, k: dvec(e4_y(v, x), w, k),
     lambda w, v, x, k: v[k] * (1 - e4_h(w, x)[k] ** 2) * x, lambda w, v, x, k: v[k] * (1 - e4_h(w, x)[k] ** 2) * w[k],
     E4P, DTOL,
     extra=lambda: all(close(dvec(e4_y(v, x), w, k), sum(v[j] * dvec(lambda ww: e4_h(ww, x)[j], w, k) for j in range(len(w))), DTOL)
                       for w, v, x, k in E4P))
E5P = [(mat(n, n), vec(n), vec(n), p, q) for n in range(1, 4) for _ in range(2) for p in range(n) for q in range(n)]
def e5_z(W, x): return [sum(W[i][j] * x[j] for j in range(len(x))) for i in range(len(x))]
def e5_L(x, u): return lambda W: sum(ui * zi ** 2 for ui, zi in zip(u, e5_z(W, x)))
def e5_val(W, x, u, p, q, swap):
    z = e5_z(W, x)
    if swap: p, q = q, p
    return 2 * u[p] * z[p] * x[q]
pair("md_align_readout_transposed", lambda W, x, u, p, q: dmat(e5_L(x, u), W, p, q),
     lambda W, x, u, p, q: e5_val(W, x, u, p, q, False), lambda W, x, u, p, q: e5_val(W, x, u, p, q, True), E5P, DTOL,
     extra=lambda: all(close(dmat(e5_L(x, u), W, p, q),
                             sum(2 * u[i] * e5_z(W, x)[i] * dmat(lambda V: e5_z(V, x)[i], W, p, q) for i in range(len(x))), DTOL)
                       for W, x, u, p, q in E5P))

# ---------------- F  probability and maximum likelihood
F1P = [(vec(N), rq(), s) for N in range(1, 6) for s in (mpf("0.01"), mpf("0.5"), mpf(3), mpf(250))]
def gll(x, mu): N = len(x); return lambda s: -N / mpf(2) * ln(2 * pi) - N * ln(s) - sum((xi - mu) ** 2 for xi in x) / (2 * s * s)
pair("gaussian_loglik_sigma", lambda x, mu, s: deriv(gll(x, mu), s),
     lambda x, mu, s: sum((xi - mu) ** 2 - s ** 2 for xi in x) / s ** 3,
     lambda x, mu, s: sum((xi - mu) ** 2 - s for xi in x) / s ** 3, F1P, DTOL,
     extra=lambda: all(close(deriv(gll(x, mu), s), -len(x) / s + sum((xi - mu) ** 2 for xi in x) / s ** 3, DTOL)
                       for x, mu, s in F1P))
F2P = [(s, t, rq(), rq()) for s in POS if 1e-3 < s < 1e3 for t in (mpf("0.02"), mpf("0.7"), mpf(5), mpf(40))]
def kl(t, a, b): return lambda s: ln(t / s) + (s * s + (a - b) ** 2) / (2 * t * t) - mpf(1) / 2
pair("kl_gaussians_scale_derivative", lambda s, t, a, b: deriv(kl(t, a, b), s),
     lambda s, t, a, b: (s * s - t * t) / (s * t * t), lambda s, t, a, b: (s * s - t * t) / (s * s * t), F2P, DTOL,
     extra=lambda: all(close(deriv(kl(t, a, b), s), -1 / s + s / (t * t), DTOL) for s, t, a, b in F2P))
AB = [(a, b) for a in SM for b in SM]
def lse2_mid(a, b):
    m = max(a, b); return m + ln(exp(a - m) + exp(b - m))
pair("logsumexp_max_shift_two", lambda a, b: ln(exp(a) + exp(b)), lambda a, b: max(a, b) + ln(1 + exp(-abs(a - b))),
     lambda a, b: max(a, b) + ln(1 + exp(b - a)), AB, extra=lambda: all(close(ln(exp(a) + exp(b)), lse2_mid(a, b)) for a, b in AB))
F4P = [(vec(n), lam) for n in range(1, 6) for _ in range(2) for lam in (mpf("0.05"), mpf(1), mpf("7.5"), mpf(300))]
def pois(x): return lambda lam: sum(xi * ln(lam) - lam for xi in x)
pair("md_poisson_curvature", lambda x, lam: deriv(lambda l: deriv(pois(x), l), lam),
     lambda x, lam: -sum(x) / lam ** 2, lambda x, lam: -len(x) / lam, F4P, DTOL,
     extra=lambda: all(close(deriv(pois(x), lam), sum(xi / lam - 1 for xi in x), DTOL)
                       and close(deriv(pois(x), lam), sum(x) / lam - len(x), DTOL) for x, lam in F4P))
F5P = [(th, rq(), rq()) for th in EX for _ in range(2)]
def bern(k, n): return lambda th: k * ln(sig(th)) + (n - k) * ln(1 - sig(th))
pair("md_bernoulli_logit_score", lambda th, k, n: deriv(bern(k, n), th), lambda th, k, n: k - n * sig(th),
     lambda th, k, n: k - (n - k) * sig(th), F5P, DTOL,
     extra=lambda: all(close(deriv(bern(k, n), th), k * (1 - sig(th)) - (n - k) * sig(th), DTOL) for th, k, n in F5P))

# ---------------- G  matrix notation
def mm(A): return M.matrix(A)
def grad(f, w):
    """gradient of a scalar f at column vector w (mp matrix), by entries."""
    g = M.matrix(w.rows, 1)
    for r in range(w.rows):
        def h(t, r=r):
            u = w.copy(); u[r] = t; return f(u)
        g[r] = deriv(h, w[r])
    return g
def nsq(v): return sum(v[r] ** 2 for r in range(v.rows))
G1P = [(mm(mat(N, d)), mm(vec(d)), mm(vec(N)), lam) for N in range(1, 4) for d in range(1, 4)
       for lam in (mpf("0.5"), mpf(3))]
def ridge(X, y, lam): return lambda w: nsq(X * w - y) / 2 + lam / 2 * nsq(w)
def Id(n): return M.eye(n)
pair("ridge_gradient_half", lambda X, w, y, lam: grad(ridge(X, y, lam), w),
     lambda X, w, y, lam: (X.T * X + lam * Id(w.rows)) * w - X.T * y,
     lambda X, w, y, lam: (X.T * X + 2 * lam * Id(w.rows)) * w - X.T * y, G1P, DTOL,
     extra=lambda: all(close(grad(ridge(X, y, lam), w), X.T * (X * w - y) + lam * w, DTOL) for X, w, y, lam in G1P))
G2P = [(mm(mat(n, n)), mm(vec(n)), mm(vec(n))) for n in range(1, 5) for _ in range(2)]
def qf(A, b): return lambda x: (x.T * A * x)[0] / 2 - (b.T * x)[0]
pair("quadratic_form_not_symmetric", lambda A, x, b: grad(qf(A, b), x),
     lambda A, x, b: A.T * x / 2 + A * x / 2 - b, lambda A, x, b: A * x - b, G2P, DTOL,
     extra=lambda: all(close(grad(qf(A, b), x), (A + A.T) * x / 2 - b, DTOL) for A, x, b in G2P))
def sym(n):
    B = mm(mat(n, n)); return (B + B.T) / 2
G3P = [(mm(mat(n, n)), mm(vec(n))) for n in range(1, 5) for _ in range(2)]
def xax(A): return lambda x: (x.T * A * x)[0]
pair("md_quadratic_form_redeclared", lambda A, x: grad(xax(A), x), lambda A, x: (A + A.T) * x,
     lambda A, x: 2 * A * x, G3P, DTOL,
     extra=lambda: all(close(grad(xax(S), x), 2 * S * x, DTOL) for S, x in [(sym(n), mm(vec(n))) for n in range(1, 5)]))
def ridge2(X, y, lam): return lambda w: nsq(X * w - y) + lam * nsq(w)
def ridge2_grad(X, y, lam): return lambda w: 2 * X.T * (X * w - y) + 2 * lam * w
def jac_of(F, w):
    n = w.rows; J = M.matrix(n, n)
    for c in range(n):
        def h(t, c=c):
            u = w.copy(); u[c] = t; return F(u)
        for r in range(n):
            J[r, c] = deriv(lambda t: h(t)[r], w[c])
    return J
pair("md_ridge_hessian", lambda X, w, y, lam: jac_of(lambda u: grad(ridge2(X, y, lam), u), w) if False else jac_of(ridge2_grad(X, y, lam), w),
     lambda X, w, y, lam: 2 * X.T * X + 2 * lam * Id(w.rows), lambda X, w, y, lam: 2 * X.T * X + lam * Id(w.rows),
     G1P, DTOL,
     extra=lambda: all(close(grad(ridge2(X, y, lam), w), ridge2_grad(X, y, lam)(w), DTOL) for X, w, y, lam in G1P))
G5P = [(mm(mat(n, n)), mm(mat(n, n))) for n in range(1, 4) for _ in range(2)]
def tr(A): return sum(A[r, r] for r in range(A.rows))
def dtrace(A, B):
    n = A.rows; G = M.matrix(n, n)
    for r in range(n):
        for c in range(n):
            def h(t, r=r, c=c):
                U = A.copy(); U[r, c] = t; return tr(U * B)
            G[r, c] = deriv(h, A[r, c])
    return G
pair("md_trace_gradient_layout", dtrace, lambda A, B: B.T, lambda A, B: B, G5P, DTOL,
     extra=lambda: all(close(tr(A * B), tr(B * A)) for A, B in G5P))

# ---------------- H  notes layouts
H1P = [(vec(n), onehot_y(n), i) for n in range(1, 6) for _ in range(2) for i in range(n)]
def ce(y): return lambda z: -sum(yk * ln(pk) for yk, pk in zip(y, sm(z)))
def h1_extra():
    ok = True
    for z, y, i in H1P:
        p = sm(z); d = dvec(ce(y), z, i)
        ok &= close(d, -sum(y[k] * (ind(k == i) - p[i]) for k in range(len(z))), DTOL)
        ok &= close(d, p[i] * sum(y) - y[i], DTOL)
    return ok
pair("md_onehot_assuming_align", lambda z, y, i: dvec(ce(y), z, i), lambda z, y, i: sm(z)[i] - y[i],
     lambda z, y, i: sm(z)[i] - 1, H1P, DTOL, extra=h1_extra)
def sgj(z, i, j): return dvec(lambda w: sig(w[i]), z, j)
pair("md_elementwise_sigmoid_otherwise", sgj, lambda z, i, j: mpf(0), lambda z, i, j: -sig(z[i]) * sig(z[j]),
     [p for p in ZIJ if p[1] != p[2]], DTOL,
     extra=lambda: all(close(sgj(z, i, j), sig(z[i]) * (1 - sig(z[i])), DTOL) for z, i, j in ZIJ if i == j))
def bce(y): return lambda z: -y * ln(sig(z)) - (1 - y) * ln(1 - sig(z))
H3X = [x for x in SM if abs(x) < 100]
pair("md_bce_sections", lambda z: ln(1 - sig(z)), lambda z: ln(sig(z)) - z, lambda z: ln(sig(-z)) - z,
     [(z,) for z in SM],
     extra=lambda: all(close(deriv(bce(y), z), -y * (1 - sig(z)) + (1 - y) * sig(z), DTOL)
                       and close(deriv(bce(y), z), sig(z) - y, DTOL) for z in H3X for y in (rq(), rq())))
H4P = [(vec(n), i, g) for n in range(1, 5) for _ in range(2) for i in range(n) for g in range(n)]
def hess(z, i, j, g):
    L = lambda w: -ln(sm(w)[g])
    return dvec(lambda w: dvec(L, w, j), z, i)
pair("md_ce_hessian_for_rows", lambda z, i, g: hess(z, i, i, g), lambda z, i, g: sm(z)[i] * (1 - sm(z)[i]),
     lambda z, i, g: sm(z)[i] * (1 - sm(z)[i]) - ind(g == i), H4P, DTOL,
     extra=lambda: all(close(hess(z, i, j, g), -sm(z)[i] * sm(z)[j], DTOL)
                       for z in [vec(3), vec(4)] for i in range(len(z)) for j in range(len(z)) for g in range(len(z)) if i != j))
sp = lambda t: ln(1 + exp(t))
pair("md_kramdown_softplus_odd_part", lambda x: sp(x) - sp(-x), lambda x: x, lambda x: abs(x), [(x,) for x in SM],
     extra=lambda: all(close(deriv(sp, x), exp(x) / (1 + exp(x)), DTOL) and close(exp(x) / (1 + exp(x)), 1 / (1 + exp(-x)))
                       and close(sp(x) - sp(-x), ln((1 + exp(x)) / (1 + exp(-x)))) for x in SM))

# ---------------- run
problems = 0
def bad(msg):
    global problems
    problems += 1
    print("PROBLEM:", msg)
import json, yaml
classes = json.load(open(os.path.join(HERE, "classes.json")))
if set(classes) != set(PAIRS):
    bad(f"classes.json and verify.py disagree: {sorted(set(classes) ^ set(PAIRS))}")
for name in sorted(PAIRS):
    lhs, tru, fa, pts, tol, extra, fpts = PAIRS[name]
    if not pts:
        bad(f"{name}: no points"); continue
    for p in pts:
        if not close(lhs(*p), tru(*p), tol):
            bad(f"{name}: true step differs at {str(p)[:200]}"); break
    witness = None
    for p in (pts if fpts is None else fpts):
        try:
            same = close(lhs(*p), fa(*p), tol)
        except Exception:
            same = True
        if not same:
            witness = p; break
    if extra is not None and not extra():
        bad(f"{name}: a shared (unmarked) step of the twins does not hold")
    if witness is None:
        bad(f"{name}: false step never differs")
    elif SHOW:
        print(f"{name}: false at {str(witness)[:160]}")
    ext = "md" if os.path.exists(os.path.join(HERE, name + ".true.md")) else "yaml"
    t = open(os.path.join(HERE, f"{name}.true.{ext}")).read().split("\n")
    f = open(os.path.join(HERE, f"{name}.false.{ext}")).read().split("\n")
    mark = "# expect: failed" if ext == "yaml" else "<!-- expect: failed -->"
    diff = [i for i in range(max(len(t), len(f))) if i >= len(t) or i >= len(f) or t[i] != f[i]]
    if len(t) != len(f) or len(diff) != 1 or mark not in f[diff[0]] or sum(mark in l for l in f) != 1 or any(mark in l for l in t):
        bad(f"{name}: twins are not identical but for one marked line")
    if ext == "yaml":
        for txt in (t, f):
            d = yaml.safe_load("\n".join(txt))
            if not isinstance(d, dict) or "steps" not in d:
                bad(f"{name}: YAML does not load as a derivation")
print(f"verified {len(PAIRS)} pairs; problems: {problems}")

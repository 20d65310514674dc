#!/usr/bin/env python3
"""Write the attack-22 round-3 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))
NN = "symbols:\n  n: {integer: true, nonnegative: true}\n"
XP = "symbols:\n  x: {positive: true}\n"
XNN = "symbols:\n  x: {nonnegative: true}\n"
SIG = "definitions:\n  \\sigma(t): \\frac{1}{1 + e^{-t}}\n"

NPOS = "symbols:\n  n: {integer: true, positive: true}\n"
NINT = "symbols:\n  n: {integer: true}\n"


# Round 3 (written after round 2 was measured): falsity past the sizes a sampler reaches.
pair("r3_product_zero_factor_far", "C", NN + r"""steps:
  - '\prod_{k=1}^{n} (k - 101)'
  - @@'= \frac{(-1)^{n} \, 100!}{\Gamma(101 - n)}'@@'= \prod_{k=1}^{\min(n, 100)} (k - 101)'@@
""")
pair("r3_floor_hermite_far", "B", NPOS + r"""steps:
  - '\left\lfloor \frac{n}{1000} \right\rfloor + \left\lfloor \frac{n + 500}{1000} \right\rfloor'
  - @@'= \left\lfloor \frac{n}{500} \right\rfloor'@@'= \left\lfloor \frac{n}{500} \right\rfloor - \left\lfloor \frac{n}{10^{6}} \right\rfloor'@@
""")
pair("r3_det_sign_past_twelve", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\det(A^\top)'
  - @@'= \det(A)'@@'= (-1)^{\lfloor n/13 \rfloor} \det(A)'@@
""")
pair("r3_sum_negative_upper", "C", NINT + r"""steps:
  - '\sum_{k=1}^{n} k'
  - @@'= \frac{\max(n, 0) (\max(n, 0) + 1)}{2}'@@'= \frac{n (n + 1)}{2}'@@
""")
pair("r3_norm_scaled_past_twelve", "F", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\|2 x\|^2'
  - @@'= 4 x^\top x'@@'= \left(4 - \left\lfloor \frac{n}{13} \right\rfloor\right) x^\top x'@@
""")

def main():
    classes = {}
    for name, cls, ext, body in P:
        assert body.count("@@") == 3, name
        m = re.search(r"@@(.*?)@@(.*?)@@", body)
        mark = "   # expect: failed" if ext == "yaml" else " <!-- expect: failed -->"
        for tw, txt in (("true", m.group(1)), ("false", m.group(2) + mark)):
            out = body[:m.start()] + txt + body[m.end():]
            if ext == "yaml":
                out = 'title: "%s (%s twin)"\n' % (name, tw) + out
            open(os.path.join(HERE, "%s.%s.%s" % (name, tw, ext)), "w").write(out)
        classes[name] = cls
    json.dump(classes, open(os.path.join(HERE, "classes.json"), "w"), indent=1, sort_keys=True)
    print(len(P), "pairs;", sum(e == "md" for *_, e, _ in [(a, b, c, d) for a, b, c, d in P]), "md")

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Attack-24 round 2: written after the main set was measured, variations on the mechanisms it found
(nonlinear closed ends, `otherwise` rows, windows hidden mid-domain, sizes jointly past 64, sums
whose mismatch lies past the evaluator's term limit, particular matrix / vector entries).
Same layout as ../gen.py: one `@@TRUE@@FALSE@@` line per body."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

pair("window_near_hundred_pi", "C", r"""steps:
  - '\sqrt{x^2}'
  - @@'= |x|'@@'= |x| + \max(0, 10^{-3} - |x - 100 \pi|)'@@
""")
pair("sign_gram_wide", "D", r"""symbols:
  A: {kind: matrix, shape: [n, m]}
steps:
  - '\operatorname{sign}(\det(A^\top A))'
  - @@'= \operatorname{sign}(\det(A^\top A))^2'@@'= 1'@@
""")
pair("sum_floor_sqrt_past_term_limit", "B", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\sum_{k=1}^{n} \lfloor \sqrt{k} \rfloor'
  - @@'= \sum_{k=1}^{n} \left\lfloor \sqrt{k + \frac{1}{3}} \right\rfloor'@@'= \sum_{k=1}^{n} \left\lfloor \sqrt{k + \frac{k}{10^{5}}} \right\rfloor'@@
""")
pair("md_otherwise_exp_end", "F", r"""# Rounding a growth factor down

For $x \ge 0$:

$$ \lfloor e^{x} \rfloor $$

If $e^{x} < 2$:

$$ = 1 $$

Otherwise:

@@$$ = \max(2, \lfloor e^{x} \rfloor) $$@@$$ = \lfloor e^{x} \rfloor - \left\lfloor \frac{1}{e^{x} - 1} \right\rfloor $$@@
""", "md")
pair("two_sizes_past_seventy", "B", r"""symbols:
  n, m: {integer: true, positive: true}
steps:
  - '\left\lfloor \frac{n}{m} \right\rfloor'
  - @@'= \left\lfloor \frac{n + \frac{1}{2}}{m} \right\rfloor'@@'= \left\lfloor \frac{n + \lfloor m / 70 \rfloor}{m} \right\rfloor'@@
""")
pair("floor_hyperbola_yaml", "A", r"""symbols:
  x, y: {positive: true}
steps:
  - '\left\lfloor \frac{1}{x y} \right\rfloor'
cases:
  - when: 'x y \ge 1'
    steps:
      - @@'= \left\lfloor \frac{1}{x y} \right\rfloor^{3}'@@'= 0'@@
""")
pair("floor_unit_disc_end", "A", r"""steps:
  - '\lfloor x^2 + y^2 \rfloor'
cases:
  - when: 'x^2 + y^2 \le 1'
    steps:
      - @@'= \lfloor x^2 + y^2 \rfloor^{2}'@@'= 0'@@
""")
pair("ceil_dot_orthogonal", "D", r"""symbols:
  x, y: {kind: vector, size: n}
steps:
  - '\left\lceil \frac{|x^\top y|}{|x^\top y| + 1} \right\rceil'
  - @@'= \operatorname{sign}(|x^\top y|)'@@'= 1'@@
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
    print(len(P), "pairs;", sum(e == "md" for _, _, e, _ in P), "md")

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write the attack-23 round-2 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
the true twin gets TRUE, the false twin FALSE plus the mark (`# expect: failed` in YAML,
`<!-- expect: failed -->` in Markdown notes)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []  # (name, class, ext, body)
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))
NPOS = "symbols:\n  n: {integer: true, positive: true}\n"
NN = "symbols:\n  n: {integer: true, nonnegative: true}\n"
SIG = "definitions:\n  \\sigma(t): \\frac{1}{1 + e^{-t}}\n"

pair("r2_logcosh_far_case", "E", r"""steps:
  - '\ln(e^{x} + e^{-x})'
cases:
  - when: 'x \ge 100'
    steps:
      - @@'= x + \ln(1 + e^{-2 x})'@@'= x'@@
  - when: 'x < 100'
    steps:
      - '= \ln(2 \cosh x)'
""")
pair("r2_logcosh_slope_far_case", "E", r"""steps:
  - '\frac{d}{dx} \ln(\cosh x)'
cases:
  - when: 'x \ge 100'
    steps:
      - @@'= \tanh x'@@'= 1'@@
  - when: 'x < 100'
    steps:
      - '= \tanh x'
""")
pair("r2_trace_transpose_sqrt_size", "B", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(A^\top)'
  - @@'= \operatorname{tr}(A)'@@'= \operatorname{tr}(A) \cos\left(\pi \left\lfloor \frac{\sqrt{n}}{3} \right\rfloor\right)'@@
""")
pair("r2_floor_half_thin_window", "A", r"""steps:
  - '\left\lfloor x + \frac{1}{2} \right\rfloor'
  - @@'= \lfloor 2 x \rfloor - \lfloor x \rfloor'@@'= \left\lfloor x + \frac{1000001}{2000000} \right\rfloor'@@
""")
pair("r2_floor_log10_hidden", "C", NPOS + r"""steps:
  - '\left\lfloor \frac{\log_{10} n}{5} \right\rfloor'
  - @@'= \left\lfloor \frac{\lfloor \log_{10} n \rfloor}{5} \right\rfloor'@@'= \left\lfloor \frac{n}{10^{6}} \right\rfloor'@@
""")
pair("r2_md_floor_ceil_e_ten", "C", r"""# Pages of e^10 lines

Let $n$ be a positive integer.

$$ \left\lfloor \frac{n}{\lceil e^{10} \rceil} \right\rfloor $$

$$ = \left\lfloor \frac{n}{22027} \right\rfloor $$

@@$$ = \left\lfloor \frac{n + 22027}{22027} \right\rfloor - 1 $$@@$$ = \left\lfloor \frac{n}{e^{10}} \right\rfloor $$@@
""", "md")
pair("r2_vector_sum_sqrt_size", "B", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - '\|x\|^2'
  - @@'= \sum_{i=1}^{n} x_i^2'@@'= \sum_{i=1}^{n} x_i^2 \left(1 - \left\lfloor \frac{\sqrt{n}}{3} \right\rfloor \right)'@@
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

#!/usr/bin/env python3
"""Write the attack-22 round-2 twin pairs. Each body holds exactly one line with `@@TRUE@@FALSE@@`:
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


# Round 2 (written after round 1 was measured): matrices that are only right when they commute
# or are symmetric / diagonal / small, index ranges that differ, float-only floors, tiny absolute slips.
pair("r2_gram_det_four_columns", "F", r"""symbols:
  X: {kind: matrix, shape: [n, 4]}
steps:
  - '\det(X^\top X)'
  - @@'= \frac{\det(2 X^\top X)}{16}'@@'= 0'@@
""")
pair("r2_trace_abab_commuting", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  B: {kind: matrix, shape: [n, n]}
steps:
  - '\operatorname{tr}(A B A B)'
  - @@'= \operatorname{tr}(B A B A)'@@'= \operatorname{tr}(A^2 B^2)'@@
""")
pair("r2_norm_ax_symmetric_only", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
steps:
  - '\|A x\|^2'
  - @@'= x^\top A^\top A x'@@'= x^\top A A x'@@
""")
pair("r2_det_sym_part", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - '\det(A + A^\top)'
  - @@'= \det(A^\top + A)'@@'= 2^{n} \det(A)'@@
""")
pair("r2_hessian_quadform_nonsym", "F", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
  x: {kind: vector, size: n}
steps:
  - '\nabla^2_x \left(x^\top A x\right)'
  - @@'= A + A^\top'@@'= 2 A'@@
""")
pair("r2_delta_two_ranges", "C", r"""symbols:
  n: {integer: true, positive: true}
  m: {integer: true, positive: true}
  i: {kind: index, range: [1, n]}
steps:
  - '\sum_{j=1}^{m} \delta_{i,j}'
  - @@'= \begin{cases} 1 & i \le m \\ 0 & \text{otherwise} \end{cases}'@@'= 1'@@
""")
pair("r2_floor_sqrt_float_trap", "E", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - '\left\lfloor \sqrt{10^{30} n^2 + 2 \cdot 10^{15} n} \right\rfloor'
  - @@'= 10^{15} n'@@'= 10^{15} n + 1'@@
""")
pair("r2_shifted_relu_square_slope", "E", r"""steps:
  - '\frac{d}{dx} \max(x - 10^{-12}, 0)^2'
  - @@'= 2 \max(x - 10^{-12}, 0)'@@'= 2 \max(x, 0) - 2 \cdot 10^{-12}'@@
""")
pair("r2_md_trace_abab_notes", "F", r"""# A trace of a product, reordered

Let $A \in \mathbb{R}^{n \times n}$ and $B \in \mathbb{R}^{n \times n}$.

$$ \operatorname{tr}(A B A^\top B^\top) $$

$$ = \operatorname{tr}(B^\top A B A^\top) $$

@@$$ = \operatorname{tr}(A^\top B^\top A B) $$@@$$ = \operatorname{tr}(A A^\top B B^\top) $$@@
""", "md")
pair("r2_md_delta_two_ranges_notes", "C", r"""# A delta over a shorter range

Let $n$ and $m$ be positive integers with $m \le n$, and $1 \le i \le n$.

$$ \sum_{j=1}^{m} \delta_{ij} $$

@@$$ = \begin{cases} 1 & i \le m \\ 0 & \text{otherwise} \end{cases} $$@@$$ = 1 $$@@
""", "md")

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

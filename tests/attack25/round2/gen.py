#!/usr/bin/env python3
"""Write the attack-25 round-2 twin pairs (same layout as ../gen.py: one `@@TRUE@@FALSE@@` line per body)."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
P = []
def pair(name, cls, body, ext="yaml"):
    P.append((name, cls, ext, body))

pair("spectral_norm_scaled_identity", "H", r"""symbols:
  n: {integer: true, positive: true}
steps:
  - \|3 I_n\|_2
  - @@= 3@@= 3 \sqrt{n}@@
""")
pair("one_norm_elements", "H", r"""symbols:
  x: {kind: vector, size: n}
steps:
  - \|x\|_1
  - @@= \sum_{i=1}^{n} |x_i|@@= \sqrt{\sum_{i=1}^{n} x_i^2}@@
""")
pair("det_perturbation_third_order", "H", r"""symbols:
  A: {kind: matrix, shape: [n, n]}
steps:
  - \det(I + 10^{-20} A)
  - @@= 10^{-20 n} \det(10^{20} I + A)@@= 1 + 10^{-20} \operatorname{tr}(A) + 10^{-40} \frac{\operatorname{tr}(A)^2 - \operatorname{tr}(A^2)}{2}@@
""")
pair("md_symmetric_redeclared", "I", r"""# Quadratic forms, symmetric and not

Let $A \in \mathbb{R}^{n \times n}$ be symmetric and $x \in \mathbb{R}^n$.

$$\nabla_x \left(x^\top A x\right) = 2 A x$$

# Without symmetry

Now let $A \in \mathbb{R}^{n \times n}$ be any square matrix, not necessarily symmetric.

$$\nabla_x \left(x^\top A x\right)$$

@@$$= (A + A^\top) x$$@@$$= 2 A x$$@@
""", "md")
pair("md_invertible_transpose_inverse", "I", r"""# Inverse of a transposed product

Let $A$ and $B$ be invertible $n \times n$ matrices.

$$\left((A B)^\top\right)^{-1}$$

@@$$= A^{-\top} B^{-\top}$$@@$$= B^{-\top} A^{-\top}$$@@
""", "md")
pair("arsinh_far_negative", "J", r"""steps:
  - \sinh^{-1} x
cases:
  - when: x < -10^{12}
    steps:
      - @@= \ln\left(x + \sqrt{x^2 + 1}\right)@@= -\ln(-2x) - \frac{1}{4 x^{2}}@@
""")

MARK = {"yaml": "  # expect: failed", "md": " <!-- expect: failed -->"}
if __name__ == "__main__":
    for f in os.listdir(HERE):
        if f.endswith((".true.yaml", ".false.yaml", ".true.md", ".false.md")):
            os.remove(os.path.join(HERE, f))
    for name, cls, ext, body in P:
        lines = body.split("\n")
        idx = [i for i, l in enumerate(lines) if "@@" in l]
        assert len(idx) == 1, name
        i = idx[0]
        pre, t, f_, post = re.fullmatch(r"(.*)@@(.*)@@(.*)@@(.*)", lines[i]).groups()
        for kind, text, mark in (("true", t, ""), ("false", f_, MARK[ext])):
            out = lines[:]
            out[i] = pre + text + post + mark
            with open(os.path.join(HERE, f"{name}.{kind}.{ext}"), "w") as fh:
                fh.write("\n".join(out))
    with open(os.path.join(HERE, "classes.json"), "w") as fh:
        json.dump({n: c for n, c, _, _ in P}, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print(f"wrote {len(P)} pairs")

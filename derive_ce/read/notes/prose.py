"""What a prose line says to a reader of the derivation: a case ("If $i = j$,
this gives:"), "Otherwise:", a break ("Similarly", "In general", a
heading), the inline math a definition or an assumption is written in
("where $z = w x + b$", "for $x > 0$", "Let $n$ be a positive integer").
Pure text work.
"""

from __future__ import annotations

import re

GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa "
         "lambda mu nu xi rho varrho sigma tau upsilon phi varphi chi psi omega "
         "Gamma Delta Theta Lambda Xi Sigma Upsilon Phi Psi Omega ell").split()
LETTER = r"(?:\\(?:" + "|".join(GREEK) + r")(?![A-Za-z])|[A-Za-z])"
RELATION = re.compile(r"=|\\neq?(?![A-Za-z])|\\leq?(?![A-Za-z])|\\geq?(?![A-Za-z])"
                      r"|\\[lg]t(?![A-Za-z])|<|>|\\leqslant|\\geqslant")
_MATH = r"(?:\$([^$]+)\$|\$\$([^$]+)\$\$|\\\((.+?)\\\))"   # `$$…$$`: kramdown's inline math
_TRAIL = (r"(?:\s*\([^()]*\))?"                       # "(active unit)"
          r"(?:\s*,?\s*(?:then|this gives|it gives|we get|we have|we obtain|we find"
          r"|the derivative is|it is|it becomes|this becomes|one gets|gives)\b[^$]{0,20})?"
          r"\s*[:.,]?")
CASE_LINE = re.compile(
    r"(?:(?:if|for|when|whenever|in the case|in case|case|on)\s+(?:that\s+)?" + _MATH
    # "Case 1: \\(i=j\\)", "Case (b) - $x < 0$": a numbered case
    + r"|case\s+(?:\d+|[A-Za-z]|[ivxIVX]+|\(\w{1,3}\))\s*[:.)\-–—]?\s*" + _MATH
    + r"|case\s+([^$:]+?))" + _TRAIL, re.IGNORECASE)
OTHERWISE = re.compile(r"(?:otherwise|else|in all other cases)" + _TRAIL, re.IGNORECASE)
BREAK = re.compile(r"^(?:similarly|likewise|analogously|next|in general|more generally"
                   r"|in the general case|now|finally"
                   r"|in summary|conversely|in the same way|the same way)\b", re.IGNORECASE)
CLOSES_CASES = re.compile(r"^(?:in general|more generally|in the general case|in summary"
                          r"|putting (?:it|this|these) together"
                          r"|combining|together)\b", re.IGNORECASE)
HEADING = re.compile(r"^(?:#+\s*|\\(?:title|section\*?|subsection\*?|subsubsection\*?"
                     r"|chapter\*?|paragraph)\s*\{)(.*?)\}?\s*$")
SKIP_TEX = re.compile(r"^\\(?:documentclass|usepackage|begin\s*\{document\}|end\s*\{document\}"
                      r"|maketitle|date|author)(?![A-Za-z])")
SOLVING = re.compile(r"\b(?:solv\w*|isolat\w*|setting|set (?:it|this|the \w+|them)\b.*\b(?:to )?zero"
                     r"|set (?:\w+ ){0,3}?(?:equal )?to (?:zero|0)(?![\w.])"
                     r"|equat(?:e|es|ing) (?:\w+ ){0,3}?to (?:zero|\$\s*0(?=\s*\$)|0(?![\w.]))"
                     r"|equal to zero|equals? zero|system of|rearrang\w*)\b", re.IGNORECASE)
# "Solved – Maximum Likelihood Estimation …", "[Solved] …": a Q&A site's mark on a
# thread's title, not an instruction to solve.
SOLVED_TAG = re.compile(r"^\s*\[?solved\]?\s*(?:[–—:]|-\s|\]|$)", re.IGNORECASE)
INLINE = re.compile(r"(?<!\$)\$(?!\$)([^$]+)\$(?!\$)|\$\$([^$]+)\$\$|\\\((.+?)\\\)")
# "In general, for any real $x$", "Now let $z$ be any real number", "for all $x \in \mathbb{R}$":
# the letters are general again, and an assumption stated on them before ends there.
_GENERAL = re.compile(r"^(?:in general|more generally|in the general case)\b"
                      r"|\b(?:of (?:either|both|any) signs?|for all real (?:inputs|values|numbers)"
                      r"|for every real (?:input|value|number))\b", re.IGNORECASE)
_ANY_BEFORE = re.compile(r"\b(?:any|every|all|arbitrary)\s+(?:(?:real|complex|nonzero)\s+)?"
                         r"(?:(?:numbers?|values?)\s+(?:of\s+)?)?\$([^$]+)\$", re.IGNORECASE)
_ANY_AFTER = re.compile(r"\$([^$]+)\$\s*(?:be|is|are|denotes?)\s+(?:an?\s+)?(?:any|arbitrary)\b",
                        re.IGNORECASE)
_REALS = re.compile(r"\$([^$]+?)\s*\\in\s*\\mathbb\s*(?:\{\s*R\s*\}|R)\s*\$")


def widened(text: str) -> frozenset[str] | None | bool:
    """The letters a prose line makes general again (an assumption on them stated
    before ends here), None for all of them ("In general", with no letter
    named), False where the line widens nothing."""
    text = clean(text)
    found = [m.group(1) for pattern in (_ANY_BEFORE, _ANY_AFTER, _REALS)
             for m in pattern.finditer(text)]
    names = frozenset(n for math in found for n in _names(math))
    if names:
        return names
    return None if _GENERAL.search(text) else False


_ASSUME_CUE = re.compile(r"\b(?:where|assum\w*|with|suppose|given|let|if|since|when|because|here)\b",
                         re.IGNORECASE)
_FOR_CUE = re.compile(r"(?:(?:^|[.;:,(]|\b(?:holds?|valid|true|only|and))\s*for"
                      r"|\bfor\s+(?:all|any|every|each)(?:\s+[a-z-]+){0,2})\s*$", re.IGNORECASE)
_DEFINE_CUE = re.compile(r"(?:\b(?:where|let|if|define[sd]?|denote[sd]?|is|be|with|here|set"
                         r"|written|writes?|given by|called|so that|as|and|by|since|substitute)|:)\s*$",
                         re.IGNORECASE)
_POSITIVE_WORDS = re.compile(r"^\s*(?:be|is|are)\s+(?:a\s+|an\s+)?(positive|non-?negative)"
                             r"(\s+integers?|\s+real(?:s| numbers?)?|\s+numbers?)?", re.IGNORECASE)


def clean(text: str) -> str:
    """A prose line without its Markdown decoration (`**`, `>`, `- `)."""
    return re.sub(r"^[\s>*_#-]+|[\s*_]+$", "", text)


_UNICODE_RELATIONS = {"≤": " \\le ", "≥": " \\ge ", "≠": " \\neq ", "⩽": " \\le ", "⩾": " \\ge "}


def latex_relations(math: str) -> str:
    """`x ≤ 1` as `x \\le 1`: the relations pasted as characters, as commands
    (the grammar reads both; the prose rules look for the commands)."""
    for char, command in _UNICODE_RELATIONS.items():
        if char in math:
            math = re.sub(r"\s*" + char + r"\s*", lambda _: command, math)
    return math


# `P(n): …`, `P(n+1) \: : \:`: a capital letter on a bracket, then a colon, names a statement
STATEMENT = re.compile(r"\s*[A-Z]\s*\([^()]*\)\s*(?:\\[,;:! ]\s*)*(?::(?!=)|\\colon(?![A-Za-z]))")


def case_condition(text: str) -> str | None:
    """The condition a prose line opens a case with, or None: the line is
    "if $…$:", "for \\(…\\) (label):", "When $i \\neq j$, this gives:",
    "case x > 0:", and little more."""
    match = CASE_LINE.fullmatch(clean(text))
    if match is None:
        return None
    condition = latex_relations(next(g for g in match.groups() if g is not None)).strip()
    # "if $$i=j:$$", "For $i \neq j,$": the sentence's colon or comma typed inside the
    # math ends the condition; it is punctuation (no relation ends in one).
    condition = re.sub(r"\s*(?:\\[,;:!]|\\quad|\\qquad|~|\s)*[:,]$", "", condition)
    if not RELATION.search(condition):
        return None
    if STATEMENT.match(condition):
        return None             # "If $P(n): \sum_{k=1}^n k^2 = …$": names a statement, no case
    equal = re.fullmatch(r"([^=<>]+?)\s*=\s*([^=<>]+)", condition)
    if equal and not re.fullmatch(r"-?(?:\d+|" + LETTER + r")(?:_\s*(?:\{[^{}]*\}|\w))?",
                                  equal.group(2).strip()):
        return None             # "If $y = f(g(x))$, then:" names y; it opens no case
    return condition


def is_otherwise(text: str) -> bool:
    return OTHERWISE.fullmatch(clean(text)) is not None


OPPOSITE = {"=": "\\neq", "\\neq": "=", "\\ne": "=", "<": "\\ge", ">": "\\le",
            "\\le": ">", "\\leq": ">", "\\ge": "<", "\\geq": "<", "\\lt": "\\ge",
            "\\gt": "\\le", "\\leqslant": ">", "\\geqslant": "<"}


def negate(condition: str) -> str | None:
    """"otherwise" after `a = b` is `a \\neq b`, after `x > 0` is `x \\le 0`."""
    found = list(RELATION.finditer(condition))
    if len(found) != 1:
        return None
    match = found[0]
    return f"{condition[:match.start()].strip()} {OPPOSITE[match.group()]} " \
           f"{condition[match.end():].strip()}"


def inline_math(text: str) -> list[tuple[str, str, str]]:
    """(words before, math, words after) for each inline `$…$`, `$$…$$`
    (kramdown) and `\\(…\\)` of a prose line."""
    found = []
    matches = list(INLINE.finditer(text))
    for n, match in enumerate(matches):
        before = text[matches[n - 1].end() if n else 0:match.start()]
        after = text[match.end():matches[n + 1].start() if n + 1 < len(matches) else len(text)]
        math = next(g for g in match.groups() if g is not None).strip()
        found.append((before, latex_relations(re.sub(r"[.,;]\s*$", "", math)).strip(), after))
    return found


def defines(before: str) -> bool:
    """Do the words before inline math introduce a definition?"""
    return bool(_DEFINE_CUE.search(before[-60:]))


# "The mean $\mu = \frac{1}{n}\sum_i x_i$", "the output of the model $y = \sigma(z)$":
# a noun phrase that opens its clause and names the math right after it.  No verb or
# connective in it ("This shows that the estimate $…$", "The derivative of $…$ is"), and
# no noun that announces a claim ("the identity $…$", "the result $…$").
_NAMING = re.compile(r"(?:^|[.;:!?(]\s+)(?:the|an?|our|this|its|their)((?:\s+[a-z][a-z-]*){1,6})\s*$",
                     re.IGNORECASE)
_NOT_NAMING = {"that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have",
               "had", "we", "you", "it", "they", "when", "if", "then", "so", "thus", "hence",
               "therefore", "since", "because", "as", "and", "or", "but", "not", "to", "can",
               "will", "would", "should", "must", "may", "gives", "give", "shows", "show",
               "yields", "becomes", "equals", "means", "implies", "get", "gets", "find", "obtain",
               "claim", "identity", "result", "equation", "equality", "relation", "fact", "answer",
               "solution", "condition", "constraint", "case", "assumption", "check", "test",
               "example", "point", "value", "values", "rule", "step", "same", "following", "last",
               "first", "second", "above", "below", "previous", "next", "final", "proof", "formula",
               "expression", "term", "terms", "simplification", "substitution", "update", "for",
               "with", "at", "on", "in", "from", "into", "by", "using", "all", "any", "every",
               "each", "where", "let", "here", "set"}


def names_math(before: str) -> bool:
    r"""Do the words just before inline math name it, as a noun phrase that opens its
    clause ("The mean $\mu = …$", "the output of the model $y = \sigma(z)$")?"""
    match = _NAMING.search(clean(before))
    if match is None:
        return False
    words = match.group(0).lower().split()
    return not any(w.strip(".;:!?(") in _NOT_NAMING for w in words[1:])


def continues_list(before: str) -> bool:
    """"where $L = …$, $\\hat{y} = …$": between two inline maths only a comma
    (or `;`, `, and`, `and let` …): the list of definitions goes on."""
    return bool(re.fullmatch(r"\s*[,;]?\s*(?:(?:and|as well as)\s*)?(?:(?:let|where|with)\s*)?",
                             before, re.IGNORECASE))


_INTEGER_BEFORE = re.compile(r"\b(?:any|every|all|each|some|an?|for)\s+integers?\s*$", re.IGNORECASE)
_INTEGER_AFTER = re.compile(r"^\s*(?:be|is|are)\s+(?:an?\s+)?(?:arbitrary\s+)?integers?\b", re.IGNORECASE)
_INTEGER_SET = re.compile(r"\s*\\in\s*\\mathbb\s*\{?\s*Z\s*\}?\s*$")
_VALUE_CUE = re.compile(r"\b(?:let|set|take|put|suppose|assume|now)\s*$", re.IGNORECASE)


def gives_value(before: str) -> bool:
    """"Let $n = -1$.", "Now take $x = 2$": the words give a letter a value."""
    return bool(_VALUE_CUE.search(before[-40:]))


def list_item(before: str, after: str) -> bool:
    """Is the inline math all of a list item (`- $u(x) = x$`)?"""
    return bool(re.fullmatch(r"\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s*", before)) \
        and not re.search(r"\w", after)


def assumption(before: str, math: str, after: str) -> tuple[list[str], str] | None:
    """(names, flag) for "for $x > 0$", "where $\\sigma > 0$", "$a, b > 0$",
    "Let $n$ be a positive integer" ... or None."""
    if _INTEGER_BEFORE.search(before[-40:]) or _INTEGER_AFTER.match(after) \
            or _INTEGER_SET.search(math):
        names = _names(_INTEGER_SET.sub("", math))
        return (names, "integer") if names else None
    words = _POSITIVE_WORDS.match(after)
    if words:
        names = _names(math)
        if names:
            flag = "positive" if words.group(1).lower() == "positive" else "nonnegative"
            integer = bool(words.group(2) and "integer" in words.group(2).lower())
            return names, flag + (" integer" if integer else "")
        return None
    match = re.fullmatch(r"(.+?)\s*(>|\\gt|\\geq?|\\geqslant)\s*0", math)
    reverse = re.fullmatch(r"0\s*(<|\\lt|\\leq?|\\leqslant)\s*(.+?)", math)
    if not (match or reverse):
        return None
    names = _names(match.group(1) if match else reverse.group(2))
    strict = (match.group(2) if match else reverse.group(1)) in (">", "\\gt", "<", "\\lt")
    if not names:
        return None
    return names, "positive" if strict else "nonnegative"


# `$X_i \sim Poisson(\lambda)\ (\lambda > 0)$`: a model statement, then its parameter's sign
# bound in brackets, in the same inline math
_MODEL_BOUND = re.compile(r"\\sim(?![A-Za-z]).*\)(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z])|,)*"
                          r"\(\s*([^()]+?)\s*\)\s*[.,;]?\s*")


def model_bound(math: str) -> tuple[list[str], str] | None:
    """(names, flag) of the sign bound written beside a model statement in one
    inline math ("$X_i \\sim Poisson(\\lambda)\\ (\\lambda > 0)$"), or None."""
    match = _MODEL_BOUND.search(math)
    if match is None or match.end() != len(math):
        return None
    return assumption("", match.group(1), "")


def _names(text: str) -> list[str]:
    """`a, b` or `\\sigma` or `\\sigma^2` -> the letters; anything else -> []."""
    text = re.sub(r"\^\s*(?:2|\{2\})$", "", text.strip())
    items = [s.strip() for s in text.split(",")]
    if all(re.fullmatch(LETTER + r"(?:_\s*(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?", s) for s in items):
        return [s.lstrip("\\") for s in items]
    return []


_BOUND = r"(?:[A-Za-z0-9]+(?:\s*[-+]\s*[0-9]+)?)"
_RANGE = re.compile(r"(" + _BOUND + r")\s*(?:\\leq?|\\leqslant|≤)\s*(" + LETTER + r")\s*"
                    r"(?:\\leq?|\\leqslant|≤)\s*(" + _BOUND + r")")


_STRICT = r"(?:<|\\lt(?![A-Za-z]))"
_LESS = r"(?:<|\\lt(?![A-Za-z])|\\leq?(?![A-Za-z])|\\leqslant|≤)"
_NUMBER = r"-?\s*\d+(?:\.\d+)?"


def two_sided(math: str) -> str | None:
    r""""$0 < p < 1$", "$-1 < x \le 1$": the letter of a range with a number on
    each side, one side strict at least (`1 \le i \le 3` is an index's range,
    `index_range`), or None."""
    match = re.fullmatch(r"\s*(" + _NUMBER + r")\s*(" + _LESS + r")\s*(" + LETTER + r")\s*("
                         + _LESS + r")\s*(" + _NUMBER + r")\s*", math)
    if match is None or not any(re.fullmatch(_STRICT, match.group(i)) for i in (2, 4)):
        return None
    return match.group(3).lstrip("\\")


def index_range(math: str) -> tuple[str, str, str] | None:
    r""""$1 \le i \le n$": (name, low, high) of an index's range, or None."""
    match = _RANGE.fullmatch(math.strip())
    if match is None or match.group(2) in (match.group(1), match.group(3)):
        return None
    return match.group(2).lstrip("\\"), match.group(1), match.group(3)


def assumed_runs(found: list) -> dict:
    """"Let $n$, $m$ and $k$ be positive integers": inline maths of plain names
    joined by `,` or `and` share the words around the run (the cue before
    the first, the kind after the last).  Index of each math in such a run ->
    (names, flag) of the whole run."""
    runs: dict = {}
    start = 0
    while start < len(found):
        end = start
        while end + 1 < len(found) and _names(found[end][1]) and _names(found[end + 1][1]) \
                and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", found[end][2]):
            end += 1
        if end > start and assumption_cue(found[start][0]):
            assumed = assumption(found[start][0], ", ".join(m for _, m, _ in found[start:end + 1]),
                                 found[end][2])
            if assumed is not None:
                runs.update({k: assumed for k in range(start, end + 1)})
        start = end + 1
    return runs


def assumption_cue(before: str) -> bool:
    r"""Do the words before inline math state an assumption on it? "for" only
    where it opens a sentence or clause ("For $x > 0$", "…, for $x > 0$") or
    follows "holds", "valid", "true", "only", "and": "The code uses this form
    for $x \geq 0$" says where a form is used, not what the letter is
    (attack28 md_remark_code_uses_softplus: a false step was proved under it)."""
    if not before.strip() or _ASSUME_CUE.search(before[-40:]):
        return True
    return bool(_FOR_CUE.search(before))

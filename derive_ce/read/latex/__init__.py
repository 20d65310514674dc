"""LaTeX: a lark grammar (parser.py) and its reading into SymPy (build.py)."""

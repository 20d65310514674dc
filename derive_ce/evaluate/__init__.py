"""The second reading: parse trees -> numbers at concrete instances.

Its own semantics (empty sums 0, cases in order, numeric derivatives with a
check for kinks), sharing only the parser with decide/; it imports nothing
from decide/ (tests/unit/test_evaluator.py reads the imports to keep it so).
"""

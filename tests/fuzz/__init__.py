"""Fuzzing derive-ce: strategies (strategies.py) and a long run (run.py)."""

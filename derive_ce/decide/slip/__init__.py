"""Finding the slip in a failed step, for the person who made it: what the
tool read (`explain`), the kind of mistake and the difference (`kinds`), and
the smallest counterexample (`shrink`).  Everything here works on what the
engine prepared; nothing here decides a verdict."""

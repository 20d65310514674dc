"""Records -> files: the derivation YAML that `derive-ce import` writes."""

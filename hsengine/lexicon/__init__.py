"""Stage 5 — the lexicon: YAML entries and registries (`loader`), their indexes (`index`, `fuzzy`), the entries one word reaches (`lookup`) and the hits of a whole text (`annotate`)."""

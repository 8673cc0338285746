"""Stages 1–3 — text as typed: normalization with an offset map, tokens, sentences and clauses, language votes, de-obfuscation readings."""

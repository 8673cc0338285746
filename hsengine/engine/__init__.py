"""Stage 7 — the Engine (`engine.py`), its results (`results.py`), the compiled-set cache
(`cache.py`) and the process pool behind `analyze_many(jobs=N)` (`parallel.py`)."""

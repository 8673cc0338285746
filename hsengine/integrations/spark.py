"""Analyze a text column of a Spark DataFrame with hsengine (``pip install 'hsengine[spark]'``).

    from hsengine.integrations.spark import analyze_dataframe

    out = analyze_dataframe(spark.read.parquet("posts.parquet"), text_col="text")
    out.filter("flagged").select("id", "rule_ids", "targets", "severity").show()

The texts are analyzed with ``mapInPandas``: each Python worker builds the Engine once (a
module-level cache keyed by the engine configuration, kept while Spark reuses the worker) and
analyzes its partitions batch by batch.  The result keeps every input column and adds:

==============  ==============  =======================================================
column          type            value
==============  ==============  =======================================================
flagged         boolean         at least one rule matched
rule_ids        array<string>   ids of the rules that matched, sorted
narratives      array<string>   their narratives, sorted
targets         array<string>   the target groups, sorted
severity        string          highest severity; null when nothing matched
lang            string          ru / kk / mixed / und (detected, or the ``lang`` given)
result_json     string          ``AnalysisResult.to_json()``: matches with evidence spans
error           string          null, or why the row could not be analyzed (null text...)
==============  ==============  =======================================================

A null text gives ``flagged = false``, empty arrays and an ``error``; one bad row never fails
the job.  Custom ``lexicon_paths`` / ``rules_paths`` must be readable at the same path on every
executor (the bundled lexicon and rules travel inside the installed package).

pyspark is imported when `analyze_dataframe` or `output_schema` is called; ``import hsengine``
never imports it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from . import get_engine

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from pyspark.sql import DataFrame

OUTPUT_COLUMNS = ("flagged", "rule_ids", "narratives", "targets", "severity", "lang", "result_json", "error")

def analyze_pandas(pdf: "pd.DataFrame", text_col: str = "text", *,
                   lexicon_paths: Sequence[str | os.PathLike] | None = None,
                   rules_paths: Sequence[str | os.PathLike] | None = None, lang: str | None = None,
                   engine_options: dict[str, Any] | None = None, prefix: str = "") -> "pd.DataFrame":
    """The same analysis on a pandas DataFrame (what each Spark batch goes through); a copy with
    the output columns added."""
    engine = get_engine(lexicon_paths, rules_paths, **(engine_options or {}))
    flagged, rule_ids, narratives, targets, severity, langs, payload, errors = ([] for _ in range(8))
    for text in pdf[text_col]:
        if text is None or (isinstance(text, float) and text != text):  # null / NaN
            text = None
        result = engine.analyze_safely(text, lang)
        flagged.append(result.flagged)
        rule_ids.append(result.rule_ids)
        narratives.append(result.narratives)
        targets.append(result.targets)
        severity.append(result.severity)
        langs.append(result.lang)
        payload.append(result.to_json())
        errors.append(result.error)
    out = pdf.copy()
    for name, values in zip(OUTPUT_COLUMNS, (flagged, rule_ids, narratives, targets, severity, langs, payload, errors)):
        out[prefix + name] = values
    return out


def output_schema(input_schema, prefix: str = ""):
    """The input schema plus the output columns."""
    from pyspark.sql.types import ArrayType, BooleanType, StringType, StructField, StructType

    strings = ArrayType(StringType(), containsNull=False)
    types = {"flagged": BooleanType(), "rule_ids": strings, "narratives": strings, "targets": strings,
             "severity": StringType(), "lang": StringType(), "result_json": StringType(), "error": StringType()}
    fields = list(input_schema.fields)
    fields += [StructField(prefix + name, types[name], nullable=name in ("severity", "error")) for name in OUTPUT_COLUMNS]
    return StructType(fields)


def analyze_dataframe(df: "DataFrame", text_col: str = "text", *,
                      lexicon_paths: Sequence[str | os.PathLike] | None = None,
                      rules_paths: Sequence[str | os.PathLike] | None = None, lang: str | None = None,
                      engine_options: dict[str, Any] | None = None, prefix: str = "") -> "DataFrame":
    """Analyze `text_col` of a Spark DataFrame; returns a DataFrame with the input columns and the
    output columns (see the module docstring), named ``prefix + name``.

    `lang` ("ru", "kk", "mixed") overrides language detection for every row; `engine_options` are
    passed to ``Engine(...)`` (``fuzzy``, ``deobfuscate``, ``ui_lang``, ``max_text_length``...).
    """
    from pyspark.sql.types import StringType

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {', '.join(df.columns)})")
    if not isinstance(df.schema[text_col].dataType, StringType):
        raise ValueError(f"column {text_col!r} is {df.schema[text_col].dataType.simpleString()}, not string; "
                         f"cast it first: df.withColumn({text_col!r}, df[{text_col!r}].cast('string'))")
    clash = [prefix + c for c in OUTPUT_COLUMNS if prefix + c in df.columns]
    if clash:
        raise ValueError(f"the DataFrame already has column(s) {', '.join(clash)}; pass prefix='hs_' for example")
    if lang is not None and lang not in ("ru", "kk", "mixed"):
        raise ValueError("lang must be 'ru', 'kk', 'mixed' or None")
    options = dict(engine_options or {})
    lex = None if lexicon_paths is None else [os.fspath(p) for p in lexicon_paths]
    rules = None if rules_paths is None else [os.fspath(p) for p in rules_paths]
    if lex is not None or rules is not None or options:
        get_engine(lex, rules, **options)  # fail fast on the driver with a readable configuration error

    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        for pdf in batches:
            yield analyze_pandas(pdf, text_col, lexicon_paths=lex, rules_paths=rules, lang=lang,
                                 engine_options=options, prefix=prefix)

    return df.mapInPandas(run, schema=output_schema(df.schema, prefix))


__all__ = ["analyze_dataframe", "analyze_pandas", "get_engine", "output_schema", "OUTPUT_COLUMNS"]

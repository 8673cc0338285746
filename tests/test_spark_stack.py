"""The installed Spark stack is one PySpark supports: what the `spark` extra asks for, and no
"PySpark does not yet fully support pandas >= 3.0.0" FutureWarning (issue #16).  No JVM needed."""

from __future__ import annotations

import warnings
from importlib import metadata

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'hsengine[spark]')")
pytest.importorskip("pandas", reason="pandas is not installed (pip install 'hsengine[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'hsengine[spark]')")
requirements = pytest.importorskip("packaging.requirements")


def _extra(name: str) -> dict[str, "requirements.Requirement"]:
    try:
        declared = metadata.requires("hsengine") or []
    except metadata.PackageNotFoundError:
        pytest.skip("hsengine is not installed (pip install -e '.[test]')")
    out = {}
    for line in declared:
        req = requirements.Requirement(line)
        if req.marker is not None and req.marker.evaluate({"extra": name}):
            out[req.name.lower()] = req
    return out


@pytest.mark.parametrize("extra", ["spark", "test"])
def test_installed_versions_are_in_the_extras_ranges(extra):
    wanted = _extra(extra)
    for name in ("pyspark", "pandas", "pyarrow", "numpy"):
        assert name in wanted, f"the {extra!r} extra does not pin {name}"
        installed = metadata.version(name)
        assert wanted[name].specifier.contains(installed, prereleases=True), \
            f"{name} {installed} is outside the {extra!r} extra's range {wanted[name].specifier}"
    assert not wanted["pandas"].specifier.contains("3.0.0"), "PySpark warns on pandas >= 3.0.0"


def test_pyspark_accepts_the_stack_without_warnings():
    from pyspark.sql.pandas.utils import require_minimum_pandas_version, require_minimum_pyarrow_version

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the pandas >= 3 FutureWarning would fail here
        require_minimum_pandas_version()
        require_minimum_pyarrow_version()

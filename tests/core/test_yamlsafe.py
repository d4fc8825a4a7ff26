import time
import tracemalloc

import pytest

from kapcompanion.core.yamlsafe import MAX_BYTES, YamlError, load, parse

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def problem(text):
    with pytest.raises(YamlError) as info:
        parse(text, "f.yaml")
    return info.value.diagnostic


def test_syntax_error_is_located():
    d = problem("id: a\nsteps:\n  - say: [unclosed\n")
    assert d.path == "f.yaml" and d.line == 4 and d.is_error
    assert "YAML syntax" in d.message and d.hint


def test_tab_indentation_is_located():
    d = problem("id: a\nsteps:\n\t- say: hi\n")
    assert d.line == 3


def test_empty_file():
    assert "empty" in problem("").message
    assert "empty" in problem("# only a comment\n\n").message


def test_not_utf8_is_located(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("id: a\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlError) as info:
        load(path)
    d = info.value.diagnostic
    assert (d.line, d.col) == (2, 11) and "UTF-8" in d.message


def test_file_over_one_mib_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(YamlError) as info:
        load(path)
    assert "1 MiB" in info.value.diagnostic.message


def test_billion_laughs_refused_fast_and_small():
    tracemalloc.start()
    start = time.perf_counter()
    d = problem(BILLION_LAUGHS)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "expands" in d.message and d.line > 1
    # generous bounds (the benchmark measures the real figures): never an expansion
    assert elapsed < 2.0 and peak < 50 * 1024 * 1024


def test_deep_nesting_refused():
    d = problem("a: " + "[" * 500 + "]" * 500 + "\n")
    assert "nested" in d.message


def test_duplicate_keys_are_reported_with_both_places():
    doc = parse("id: a\ntitle: x\nid: b\n", "f.yaml")
    assert doc.data["id"] == "a"
    (d,) = doc.problems
    assert (d.line, d.col) == (3, 1) and "twice" in d.message and "line 1" in d.hint


def test_marks_point_at_values_and_keys():
    doc = parse("a: 1\nb:\n  - x\n  - {c: 2}\n", "f.yaml")
    assert doc.key_mark(doc.data, "b") == (2, 1)
    assert doc.value_mark(doc.data["b"], 1) == (4, 5)
    assert doc.value_mark(doc.data["b"][1], "c") == (4, 9)


def test_scalars_resolve_like_yaml():
    doc = parse("a: 1\nb: 2.5\nc: true\nd: null\ne: '3'\nf: .inf\n", "f.yaml")
    assert doc.data == {"a": 1, "b": 2.5, "c": True, "d": None, "e": "3", "f": float("inf")}


def test_python_tags_are_refused_not_run():
    doc = parse("a: !!python/object/apply:os.system ['echo hi']\n", "f.yaml")
    (d,) = doc.problems
    assert d.is_error and "not allowed" in d.message and (d.line, d.col) == (1, 4)
    assert doc.data == {"a": None}

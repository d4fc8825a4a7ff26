import math

import pytest

from kapcompanion.core.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        (20, 20.0),
        (7.5, 7.5),
        ("90s", 90.0),
        ("1m30s", 90.0),
        ("5m", 300.0),
        ("1h", 3600.0),
        ("1h2m3s", 3723.0),
        (" 45 ", 45.0),
        ("2.5s", 2.5),
        ("1m 5s", 65.0),
    ],
)
def test_parses_numbers_and_units(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "bad",
    [
        "abc",
        "5x",
        "m5",
        "1s1m",
        "5m5m",
        "",
        True,
        None,
        [1],
        "nan",
        "inf",
        float("inf"),
        float("nan"),
    ],
)
def test_refuses_what_is_not_a_duration(bad):
    with pytest.raises(DurationError):
        parse_duration(bad)


def test_negative_numbers_parse_so_the_validator_can_say_why():
    assert parse_duration(-4) == -4.0
    assert not math.isnan(parse_duration("0"))


def test_format_duration():
    assert format_duration(45) == "45 s"
    assert format_duration(200) == "3:20"
    assert format_duration(3900) == "1:05:00"

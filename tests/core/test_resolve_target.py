"""Issue 20: FILE|ID — an id in the library wins over a same-named folder here."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapcompanion.cli.library import resolve_practice
from kapcompanion.core.errors import NotFoundError
from kapcompanion.paths import data_folders
from tests.core.helpers import practice_text


def test_an_id_wins_over_a_folder_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "box-breathing").mkdir()
    assert resolve_practice("box-breathing", data_folders()).id == "box-breathing"


def test_a_path_looking_argument_is_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "box-breathing").mkdir()
    (tmp_path / "box-breathing" / "mine.yaml").write_text(practice_text("- say: hi", id="mine"))
    assert resolve_practice("box-breathing/mine.yaml", data_folders()).id == "mine"
    with pytest.raises(
        NotFoundError, match=r"^\./box-breathing: is a folder, not a practice file$"
    ):
        resolve_practice("./box-breathing", data_folders())


def test_a_folder_that_is_no_id_names_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zz-notes").mkdir()
    with pytest.raises(NotFoundError) as info:
        resolve_practice("zz-notes", data_folders())
    assert str(info.value) == (
        'no practice in the library has the id "zz-notes", and "zz-notes" here is a '
        "folder, not a practice file — give an id from `kapcompanion list`, or a file path "
        "such as ./zz-notes/practice.yaml"
    )


def test_a_file_without_an_ending_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").write_text(practice_text("- say: hi", id="mine"))
    assert resolve_practice("mine", data_folders()).id == "mine"

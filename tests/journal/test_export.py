"""Export to Markdown and PDF: what goes in, what the person leaves out, and the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kapcompanion.cli import main
from kapcompanion.cli.journal import export_cli
from kapcompanion.journal import export
from kapcompanion.journal.errors import ExportError
from kapcompanion.journal.export_md import escape, render_markdown
from kapcompanion.journal.store import JournalStore
from kapcompanion.paths import data_folders

ROOT = Path(__file__).resolve().parents[2]
S1 = date(2026, 9, 10)


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


@pytest.fixture
def filled(store: JournalStore) -> dict[str, int]:
    s1 = store.add_session(S1)
    s2 = store.add_session(S1 + timedelta(days=28))
    ids = {"s1": s1, "s2": s2}
    ids["intention"] = store.record_answer(
        "intention-setting",
        12,
        "intention",
        "reflect",
        "To meet the fear with kindness",
        s1,
        at=_local(S1 - timedelta(days=2), 19),
        prompt="My intention for this session is...",
    )
    ids["after"] = store.record_answer(
        "guided-journaling",
        1,
        "stood_out",
        "reflect",
        "The music felt like waves",
        s1,
        at=_local(S1 + timedelta(days=1), 10),
        prompt="What stood out most?",
    )
    ids["private"] = store.add_note(
        "Only for me: the argument with Sam", "Private", s1, at=_local(S1 + timedelta(days=2), 22)
    )
    for n, score in enumerate((3, 5, 7)):
        ids[f"score{n}"] = store.record_answer(
            "landing",
            3,
            "grounded_after",
            "check_in",
            score,
            s1,
            at=_local(S1 + timedelta(days=n), 8),
        )
    for week, base in ((0, 5), (1, 7)):
        for i in range(1, 6):
            store.record_answer(
                "who5-weekly",
                2 + i,
                f"who5_{i}",
                "check_in",
                base,
                s1,
                at=_local(S1 + timedelta(days=3 + 7 * week), 20, i),
            )
    ids["later"] = store.add_note(
        "Second session notes", "", s2, at=_local(S1 + timedelta(days=29), 9)
    )
    return ids


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_collect_by_dates_and_by_session(store, filled):
    data = export.collect(store, S1 - timedelta(days=5), S1 + timedelta(days=5))
    assert filled["later"] not in {e.id for e in data.entries}
    assert [s.number for s in data.sessions] == [1]
    by_session = export.collect(store, session=2)
    assert [e.text for e in by_session.entries] == ["Second session notes"]
    assert by_session.session and by_session.session.number == 2
    everything = export.collect(store)
    assert len(everything.entries) == store.count_entries()
    assert [e.created_at for e in everything.entries] == sorted(
        e.created_at for e in everything.entries
    )


def test_intentions_sit_beside_what_came_after(store, filled):
    pairs = export.collect(store, session=1).intentions
    assert len(pairs) == 1
    assert pairs[0].intention.text == "To meet the fear with kindness"
    assert [e.text for e in pairs[0].after] == [
        "The music felt like waves",
        "Only for me: the argument with Sam",
    ]


def test_markdown_has_title_dates_intentions_checkins_who5_and_entries(store, filled):
    data = export.collect(store, session=1, titles={"guided-journaling": "Guided journaling"})
    md = render_markdown(data)
    assert md.startswith("# Practice journal — summary")
    assert "**Session:** Session 1 — 10 September 2026" in md
    assert "| To meet the fear with kindness | The music felt like waves" in md
    assert "| feeling grounded after a session | 3 | 3 | 7 | 5.0 |" in md
    assert "| 50 |" in md and "| 70 | +20 (a real change) |" in md
    assert "**" in md and "Guided journaling" in md
    assert "> The music felt like waves" in md


def test_left_out_entries_are_gone_from_every_part(store, filled, tmp_path):
    data = export.collect(store, session=1).without({filled["private"], filled["score2"]})
    for fmt in ("md", "pdf"):
        out = export.write(data, fmt, tmp_path / f"out.{fmt}")
        text = out.read_text() if fmt == "md" else _pdf_text(out)
        assert "argument with Sam" not in text
        assert "kindness" in text
    md = (tmp_path / "out.md").read_text()
    assert "| feeling grounded after a session | 2 | 3 | 5 | 4.0 |" in md


def test_the_pdf_is_a_real_summary_with_its_chart(store, filled, tmp_path):
    data = export.collect(store, titles={"landing": "Landing after a session"})
    out = export.write(data, "pdf", tmp_path / "summary.pdf")
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF-") and raw.rstrip().endswith(b"%%EOF")
    text = _pdf_text(out)
    for words in (
        "Practice journal — summary",
        "Intentions, before and after",
        "Check-ins over time",
        "Session 1",
        "Weekly wellbeing (WHO-5, 0–100)",
        "To meet the fear with kindness",
        "Landing after a session",
        "feeling grounded after a session (3 scores)",
    ):
        assert words in text, words
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "30",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(out),
                str(tmp_path / "page"),
            ],
            check=True,
        )
        assert list(tmp_path.glob("page*.png"))


def test_an_empty_range_still_writes_a_file_that_says_so(store, tmp_path):
    data = export.collect(store, date(2020, 1, 1), date(2020, 1, 2))
    out = export.write(data, "md", tmp_path / "empty.md")
    assert "No entries in these dates." in out.read_text()
    export.write(data, "pdf", tmp_path / "empty.pdf")
    assert "No entries in these dates." in _pdf_text(tmp_path / "empty.pdf")


def test_markdown_shows_what_was_written_not_markup():
    assert escape("# not a heading | *x* [link](y)") == r"\# not a heading \| \*x\* \[link\](y)"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date_from": date(2026, 5, 2), "date_to": date(2026, 5, 1)}, "is after --to"),
        ({"session": 3}, "numbered 1 to 2"),
        ({"session": 0}, "there is no session 0"),
    ],
)
def test_collect_refuses_impossible_choices_plainly(store, filled, kwargs, message):
    with pytest.raises(ExportError, match=message):
        export.collect(store, **kwargs)


def test_no_sessions_yet_is_explained(store):
    with pytest.raises(ExportError, match="no sessions yet"):
        export.collect(store, session=1)


def test_write_refuses_missing_folders_and_folders_as_files(store, tmp_path):
    data = export.collect(store)
    with pytest.raises(ExportError, match="does not exist"):
        export.write(data, "md", tmp_path / "nope" / "out.md")
    with pytest.raises(ExportError, match="is a folder"):
        export.write(data, "pdf", tmp_path)
    with pytest.raises(ExportError, match="not known"):
        export.write(data, "docx", tmp_path / "x.docx")


# -- the command line, end to end -------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "kapcompanion", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_cli_export_writes_markdown_and_pdf(filled, tmp_path):
    r = _cli("journal", "export", "--format", "md", "-o", str(tmp_path / "j.md"), "--session", "1")
    assert r.returncode == 0, r.stderr
    assert "Wrote" in r.stdout and "kindness" in (tmp_path / "j.md").read_text()
    r = _cli(
        "journal",
        "export",
        "--format",
        "pdf",
        "-o",
        str(tmp_path / "j.pdf"),
        "--from",
        str(S1 - timedelta(days=3)),
        "--to",
        str(S1 + timedelta(days=3)),
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "j.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-13-01"), "is not a date; write it as YYYY-MM-DD"),
        (("--from", "2026-05-02", "--to", "2026-05-01"), "is after --to"),
        (("--session", "9"), "there is no session 9"),
    ],
)
def test_cli_export_user_errors_are_one_plain_line(filled, tmp_path, args, message):
    r = _cli("journal", "export", "--format", "md", "-o", str(tmp_path / "j.md"), *args)
    assert r.returncode == 1
    assert message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "j.md").exists()


def test_cli_export_to_a_missing_folder(tmp_path):
    r = _cli("journal", "export", "--format", "pdf", "-o", str(tmp_path / "no" / "j.pdf"))
    assert r.returncode == 1 and "does not exist" in r.stderr and "Traceback" not in r.stderr


def test_cli_export_of_a_locked_journal_without_a_terminal(store, tmp_path):
    store.enable_lock("a long passphrase")
    r = _cli("journal", "export", "--format", "md", "-o", str(tmp_path / "j.md"))
    assert r.returncode == 1
    assert "locked" in r.stderr and "terminal" in r.stderr and "Traceback" not in r.stderr


def test_export_cli_in_process_returns_codes(filled, tmp_path, capsys):
    assert export_cli(data_folders(), "md", tmp_path / "a.md", None, None, None) == 0
    assert export_cli(data_folders(), "md", tmp_path / "b.md", None, None, 7) == 1
    assert "there is no session 7" in capsys.readouterr().err
    assert main(["journal", "export", "--format", "md", "-o", str(tmp_path / "c.md")]) == 0


def _colour_pixels(png: Path, rgb: tuple[int, int, int], tol: int = 20) -> int:
    from PIL import Image

    colours = Image.open(png).convert("RGB").getcolors(maxcolors=1 << 24) or []
    return sum(n for n, c in colours if all(abs(a - b) <= tol for a, b in zip(c, rgb, strict=True)))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_the_pdf_chart_is_drawn_with_its_line_and_session_mark(store, filled, tmp_path):
    out = export.write(export.collect(store, session=1), "pdf", tmp_path / "s.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
        check=True,
    )
    page = next(tmp_path.glob("p*.png"))
    assert _colour_pixels(page, (0x2F, 0x7F, 0x8A)) > 20  # the check-in line
    assert _colour_pixels(page, (0x8A, 0x6F, 0xB0)) > 5  # the dashed session day
    # an export with no check-ins has no chart to draw
    plain = export.collect(store, session=2)
    out2 = export.write(plain, "pdf", tmp_path / "n.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out2), str(tmp_path / "q")],
        check=True,
    )
    assert _colour_pixels(next(tmp_path.glob("q*.png")), (0x2F, 0x7F, 0x8A)) == 0

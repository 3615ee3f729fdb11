"""The facilitator guide's agendas: computed from the notebooks' teaching and exercise minutes
plus the breaks the agenda declares, and the guide kept in step with the notebooks."""

from pathlib import Path

import pytest

from workbook.workshop import agenda
from workbook.workshop.agenda import Agenda, Pause, render, schedule
from workbook.workshop.chapters import ChapterError, read_chapters

from .conftest import ROOT, set_minutes, write_notebook

BREAK = Pause("Break", 15)
SMALL = Agenda(title="Small", start="09:00", why="A test agenda.", blocks=(0, 1, BREAK, 3))


def test_totals_are_the_notebooks_minutes_plus_the_breaks(notebooks: Path):
    chapters = read_chapters(notebooks)
    plan = schedule(SMALL, chapters)
    assert plan.teaching_minutes == 20 + 30 + 50, f"teaching: chapters 00, 01, 03 say 20 + 30 + 50; got {plan.teaching_minutes}"
    assert plan.exercise_minutes == 5 + 15 + 10, f"exercises: 5 + 15 + 10 expected; got {plan.exercise_minutes}"
    assert plan.pause_minutes == 15, plan.pause_minutes
    assert plan.total_minutes == 100 + 30 + 15, plan.total_minutes
    starts = [(agenda.clock(slot.start), slot.minutes) for slot in plan.slots]
    assert starts == [("09:00", 25), ("09:25", 45), ("10:10", 15), ("10:25", 60)], (
        f"each block starts when the one before it ends; got {starts}"
    )
    assert agenda.clock(plan.end) == "11:25", agenda.clock(plan.end)
    assert [c.number for c in plan.left_out] == [2], "chapter 02 is the one the agenda leaves out"


def test_the_rendered_table_shows_the_times_the_minutes_the_katas_and_the_totals(notebooks: Path):
    text = render(read_chapters(notebooks), (SMALL,))
    for line in [
        "### Small: 09:00–11:25 (2 h 25 min)",
        "| 09:25 | 01 First steps | 30 | 15 | `01_one`, `01_two` |",
        "| 10:10 | *Break, 15 min* | | | |",
        "| 11:25 | **end** | **100** | **30** | |",
        "Total 2 h 25 min: content 2 h 10 min (teaching 100 min + exercises 30 min) + breaks 15 min.",
        "- 02 Second <steps> (40 + 25 min)",
    ]:
        assert line in text.splitlines(), f"expected the line {line!r} in the rendered agenda:\n{text}"
    assert text.startswith(agenda.BEGIN) and text.endswith(agenda.END), "the block carries its own markers"


def test_one_notebook_changing_its_minutes_changes_the_agenda(notebooks: Path):
    before = schedule(SMALL, read_chapters(notebooks))
    set_minutes(notebooks / "01_first.ipynb", teaching=37)
    after = schedule(SMALL, read_chapters(notebooks))
    assert after.teaching_minutes == before.teaching_minutes + 7, (
        f"chapter 01's teaching went 30 -> 37: the total should grow by 7; {before.teaching_minutes} -> {after.teaching_minutes}"
    )
    assert after.end == before.end + 7, "the day ends 7 minutes later"
    shifted = [b.start - a.start for a, b in zip(before.slots, after.slots)]
    assert shifted == [0, 0, 7, 7], f"blocks after chapter 01 start 7 minutes later; shifts: {shifted}"


def test_an_agenda_naming_a_chapter_without_a_notebook_fails_and_says_which(notebooks: Path):
    later = Agenda(title="Later", start="09:00", why="Names a chapter not written yet.", blocks=(0, 10))
    with pytest.raises(ChapterError) as raised:
        render(read_chapters(notebooks), (later,))
    message = str(raised.value)
    assert "chapter 10" in message and "notebooks/10_*.ipynb" in message, (
        f"the error should name the chapter and the notebook it looked for; it says: {message}"
    )


def test_a_notebook_without_workbook_minutes_is_named(notebooks: Path):
    broken = write_notebook(notebooks, 4, "broken", title="Broken", teaching=1, exercise=1)
    broken.write_text(broken.read_text(encoding="utf-8").replace('"teaching_minutes"', '"teaching"'), encoding="utf-8")
    with pytest.raises(ChapterError) as raised:
        read_chapters(notebooks)
    assert "04_broken.ipynb" in str(raised.value) and "teaching_minutes" in str(raised.value), str(raised.value)


def guide_with_block(root: Path, block: str) -> Path:
    guide = root / agenda.GUIDE
    guide.parent.mkdir(parents=True, exist_ok=True)
    guide.write_text(f"# Guide\n\nBefore.\n\n{block}\n\nAfter.\n", encoding="utf-8")
    return guide


def test_write_rewrites_only_the_block_and_check_then_passes(notebooks: Path, capsys):
    root = notebooks.parent
    guide = guide_with_block(root, f"{agenda.BEGIN}\nstale\n{agenda.END}")
    assert agenda.main([], root, (SMALL,)) == 1, "a stale block is out of date"
    assert agenda.WRITE_COMMAND in capsys.readouterr().out, "the check says how to regenerate"
    assert agenda.main(["--write"], root, (SMALL,)) == 0
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("# Guide\n\nBefore.\n\n") and text.endswith("\n\nAfter.\n"), f"only the block changes:\n{text}"
    assert "stale" not in text and "| 09:00 | 00 Welcome | 20 | 5 | — |" in text, text
    assert agenda.main([], root, (SMALL,)) == 0, "right after --write the guide is up to date"
    set_minutes(notebooks / "00_welcome.ipynb", exercise=6)
    assert agenda.main([], root, (SMALL,)) == 1, "a notebook's new minutes make the guide out of date"


def test_a_guide_without_markers_is_refused(notebooks: Path, capsys):
    guide_with_block(notebooks.parent, "no markers here")
    assert agenda.main(["--write"], notebooks.parent, (SMALL,)) == 2
    assert "no agenda block" in capsys.readouterr().err


def test_the_guide_shows_the_agendas_the_notebooks_give_now():
    guide = ROOT / agenda.GUIDE
    shown = agenda.current_block(guide.read_text(encoding="utf-8"))
    expected = render(read_chapters(ROOT / "notebooks"))
    assert shown == expected, (
        f"{agenda.GUIDE}'s agendas differ from what the notebooks' minutes give now: "
        f"regenerate them with `{agenda.WRITE_COMMAND}`"
    )


def test_the_agendas_fit_a_half_day_and_a_full_day():
    chapters = read_chapters(ROOT / "notebooks")
    half, full = (schedule(a, chapters) for a in agenda.AGENDAS)
    assert 210 <= half.total_minutes <= 240 and half.pause_minutes > 0, (
        f"the half day should take 3.5-4 h with a break; it takes {half.total_minutes} min "
        f"({half.pause_minutes} of breaks)"
    )
    content = full.teaching_minutes + full.exercise_minutes
    assert 390 <= content <= 450 and any(
        getattr(s.block, "label", "") == "Lunch" for s in full.slots
    ), f"the full day should hold about 7 h of content and a lunch; content {content} min"
    for plan in (half, full):
        assert [c.number for c in plan.chapters][0] == 0, f"{plan.agenda.title} starts with the welcome"
        numbers = [c.number for c in plan.chapters]
        assert numbers == sorted(numbers), f"{plan.agenda.title}: chapters in curriculum order, got {numbers}"

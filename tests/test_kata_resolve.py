"""What a learner may type to name a kata: number, chapter.order, slug, folder or path."""

from pathlib import Path

import pytest

from workbook.katas.catalog import Kata
from workbook.katas.resolve import UnknownKata, resolve


def kata(folder: str, order: int = 1) -> Kata:
    number, slug = folder.split("_", 1)
    return Kata(
        path=Path("katas") / folder, number=number, slug=slug, title=slug, chapter=int(number),
        order=order, notebook="", edit=(), objectives=(), hints=(), timeout_seconds=10,
    )


KATAS = [kata("03_blocking_call", 1), kata("03_n_plus_one", 2), kata("04_jsonb_not_saving")]


@pytest.mark.parametrize(
    "typed",
    ["04", "4", "04.1", "jsonb_not_saving", "04_jsonb_not_saving", "katas/04_jsonb_not_saving/"],
)
def test_every_way_of_naming_a_kata_finds_it(typed):
    assert resolve(typed, KATAS).name == "04_jsonb_not_saving", f"resolve({typed!r})"


def test_chapter_and_order_pick_one_of_a_chapters_katas():
    assert resolve("03.2", KATAS).name == "03_n_plus_one"
    assert resolve("3.1", KATAS).name == "03_blocking_call"


def test_a_chapter_with_several_katas_lists_their_ids():
    with pytest.raises(UnknownKata) as error:
        resolve("03", KATAS)
    assert "03.1 (03_blocking_call)" in str(error.value) and "03.2 (03_n_plus_one)" in str(error.value), str(error.value)


@pytest.mark.parametrize(("typed", "suggested"), [("jsonb_not_savng", "04_jsonb_not_saving"), ("plus_one", "03_n_plus_one")])
def test_a_typo_or_a_part_of_a_name_gets_a_suggestion(typed, suggested):
    with pytest.raises(UnknownKata) as error:
        resolve(typed, KATAS)
    assert f"Did you mean {suggested}?" in str(error.value), str(error.value)


def test_an_unknown_number_says_where_to_look():
    with pytest.raises(UnknownKata) as error:
        resolve("99", KATAS)
    assert "workbook list" in str(error.value) and "Did you mean" not in str(error.value), str(error.value)

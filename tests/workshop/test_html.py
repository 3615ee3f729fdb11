"""`python3 run.py html`: the notebooks as static pages, outputs as stored, nothing fetched
from the network, hidden solution cells folded, and an index of every chapter.

One module on purpose: nbconvert's import costs about a second per process."""

import re
from pathlib import Path

import pytest

from workbook.workshop import html
from workbook.workshop.chapters import read_chapters

from .conftest import write_notebook

STORED_OUTPUT = "the answer the notebook stored: 42"
SOLUTION_SOURCE = "solution_only_in_the_hidden_cell = 7"


def code_cell(source: str, outputs: list[dict], **metadata) -> dict:
    return {"cell_type": "code", "execution_count": 1, "id": f"c{abs(hash(source)) % 10**8}",
            "metadata": metadata, "outputs": outputs, "source": source}


def stream(text: str) -> dict:
    return {"name": "stdout", "output_type": "stream", "text": text}


CELLS = [
    {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "## A section\n\nSome *prose*."},
    code_cell("print('the answer the notebook stored:', 6 * 7)", [stream(STORED_OUTPUT + "\n")]),
    code_cell("raise ValueError('red on purpose')", [{
        "output_type": "error", "ename": "ValueError", "evalue": "red on purpose",
        "traceback": ["\x1b[31mValueError\x1b[39m: red on purpose"],
    }], tags=["raises-exception"]),
    code_cell(SOLUTION_SOURCE, [stream("solution output\n")], jupyter={"source_hidden": True}),
]


@pytest.fixture
def built(notebooks: Path, tmp_path: Path) -> html.Build:
    write_notebook(notebooks, 4, "rendered", title="Rendered chapter", teaching=12, exercise=8,
                   katas=("04_kata",), cells=CELLS)
    return html.build(notebooks, tmp_path / "out")


def page(built: html.Build, name: str) -> str:
    return (built.out / name).read_text(encoding="utf-8")


def test_a_page_shows_the_stored_outputs_without_running_the_notebook(built: html.Build):
    text = page(built, "04_rendered.html")
    assert built.failures == [], built.failures
    assert STORED_OUTPUT in text, "the stored stream output should be on the page"
    assert "red on purpose" in text and "ValueError" in text, "the stored traceback should be on the page"
    assert "<title>04 Rendered chapter</title>" in text, "the page is titled with the chapter's number and title"
    assert "<em>prose</em>" in text, "markdown cells are rendered"


def test_a_hidden_solution_cell_stays_folded(built: html.Build):
    text = page(built, "04_rendered.html")
    folded = re.findall(r'<details class="workbook-hidden">(.*?)</details>', text, flags=re.S)
    assert len(folded) == 1, f"one cell is hidden in Jupyter, so one folded block; found {len(folded)}"
    assert "solution_only_in_the_hidden_cell" in folded[0], "the hidden cell's source is inside the fold"
    outside = text.replace(folded[0], "")
    assert "solution_only_in_the_hidden_cell" not in outside, "the hidden source appears outside the fold"
    assert "print" in outside, "the other cells' sources are shown unfolded"


def test_pages_load_nothing_from_the_network(built: html.Build):
    for path in built.pages:
        text = path.read_text(encoding="utf-8")
        fetched = re.findall(
            r'<script[^>]+src="[^"]*"|<link[^>]+href="https?:[^"]*"|@import|import\("https?:', text
        )
        assert fetched == [], f"{path.name} would fetch from the network: {fetched}"


def test_the_index_links_every_notebook_in_chapter_order_with_its_minutes(built: html.Build, notebooks: Path):
    index = page(built, "index.html")
    chapters = read_chapters(notebooks).values()
    links = re.findall(r'<a href="([^"]+)">', index)
    assert links == [html.page_name(c) for c in chapters], f"one link per notebook, in order; got {links}"
    for chapter in chapters:
        assert (built.out / html.page_name(chapter)).is_file(), f"{html.page_name(chapter)} is linked but missing"
        assert f"{chapter.teaching_minutes} + {chapter.exercise_minutes} min" in index, f"minutes of {chapter.label}"
    assert "Second &lt;steps&gt;" in index, "titles are escaped"


def test_a_notebook_that_does_not_render_is_named_and_fails_the_build(notebooks: Path, tmp_path: Path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "99_renamed_long_ago.html").write_text("stale", encoding="utf-8")
    broken = write_notebook(notebooks, 5, "broken", title="Broken", teaching=1, exercise=1)
    broken.write_text(broken.read_text(encoding="utf-8").replace('"cells": []', '"cells": "not a list"'), encoding="utf-8")
    code = html.main(["--notebooks", str(notebooks), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1, "a notebook that did not render fails the build"
    assert "05_broken.ipynb was not rendered" in err, f"the failure names the notebook; stderr: {err}"
    assert (out / "03_third.html").is_file(), "the other notebooks are still rendered"
    assert "05_broken.html" not in page(html.Build(out), "index.html"), "the index links only rendered pages"
    assert not (out / "99_renamed_long_ago.html").exists(), "a page with no notebook any more is removed"

"""Every notebook as a static HTML page, with its stored outputs, and an index of chapters:
the workbook for people without Jupyter.

    python3 run.py html [--out DIR]      (default build/html/; open build/html/index.html)

The notebooks are rendered as stored, not run again: what the pages show is what strict
nbval checks. The pages load nothing from the network (see templates/workbook_offline).
Exit code 1 when any notebook could not be rendered (each named, with the reason).
"""

import argparse
import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

from workbook.workshop.chapters import Chapter, ChapterError, read_chapters

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "workbook_offline"
DEFAULT_OUT = Path("build") / "html"
INDEX = "index.html"


@dataclass
class Build:
    out: Path
    pages: list[Path] = field(default_factory=list)
    failures: list[tuple[Path, str]] = field(default_factory=list)


def page_name(chapter: Chapter) -> str:
    return chapter.path.with_suffix(".html").name


def render_notebook(exporter, chapter: Chapter) -> str:  # exporter: nbconvert.HTMLExporter
    import nbformat

    notebook = nbformat.read(chapter.path, as_version=4)
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": chapter.label}})
    return body


def index_page(chapters: list[Chapter]) -> str:
    rows = "\n".join(
        f'<tr><td>{c.number:02d}</td><td><a href="{html.escape(page_name(c))}">{html.escape(c.title)}</a></td>'
        f"<td>{c.teaching_minutes} + {c.exercise_minutes} min</td>"
        f"<td>{html.escape(', '.join(c.katas)) or '—'}</td></tr>"
        for c in chapters
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Backend API Workbook: the notebooks</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td:nth-child(3) {{ white-space: nowrap; }}
</style>
</head>
<body>
<h1>Backend API Workbook: the notebooks</h1>
<p>Each chapter's notebook as it is stored, outputs included (the cells are not run again).
Minutes: teaching + exercises. The katas are graded in the workbook itself:
<code>python3 run.py pytest katas</code>.</p>
<table>
<thead><tr><th>#</th><th>chapter</th><th>minutes</th><th>katas</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def build(notebooks: Path, out: Path) -> Build:
    """Render every chapter notebook of ``notebooks`` into ``out``, then the index of those
    that rendered. Raises ChapterError when the notebooks' metadata cannot be read."""
    from nbconvert import HTMLExporter

    chapters = list(read_chapters(notebooks).values())
    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)])
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.html"):  # a renamed notebook leaves no old page behind
        stale.unlink()
    result = Build(out)
    rendered = []
    for chapter in chapters:
        try:
            page = render_notebook(exporter, chapter)
        except Exception as exc:  # one broken notebook must not hide the others' pages
            result.failures.append((chapter.path, f"{type(exc).__name__}: {exc}"))
            continue
        target = out / page_name(chapter)
        target.write_text(page, encoding="utf-8")
        result.pages.append(target)
        rendered.append(chapter)
    index = out / INDEX
    index.write_text(index_page(rendered), encoding="utf-8")
    result.pages.append(index)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 run.py html", description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", type=Path, default=Path("notebooks"), help="default: notebooks/")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT}/")
    args = parser.parse_args(argv)
    try:
        result = build(args.notebooks, args.out)
    except ChapterError as exc:
        print(f"html: {exc}", file=sys.stderr)
        return 1
    for path, why in result.failures:
        print(f"html: {path} was not rendered: {why}", file=sys.stderr)
    size = sum(p.stat().st_size for p in result.pages)
    print(
        f"{len(result.pages) - 1} notebook page(s) and {INDEX} in {result.out}/ "
        f"({size / 1e6:.1f} MB); open {result.out / INDEX}"
    )
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

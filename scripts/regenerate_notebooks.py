"""Re-run notebooks top to bottom and store their outputs, ready for strict nbval.

    python3 run.py python scripts/regenerate_notebooks.py [notebooks/NN_slug.ipynb ...]

With no argument, every notebook in notebooks/. Each runs in a fresh kernel from the
notebooks folder; cell timings are not recorded and consecutive prints of one cell are
stored as one output, so a re-run changes the stored file only where an output changed.
Review the diff like code.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def regenerate(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    notebook, _ = CoalesceStreamsPreprocessor(enabled=True).preprocess(notebook, {})
    nbformat.write(notebook, path)


def main(arguments: list[str]) -> int:
    paths = [Path(a).resolve() for a in arguments] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"running {path.name} ...", flush=True)
        regenerate(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Import the learner's component file by path, under a name unique to its kata."""

import importlib.abc
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType


class _SiblingFinder(importlib.abc.MetaPathFinder):
    """Resolves ``import neighbour`` to ``neighbour.py`` in the kata folder."""

    def __init__(self, folder: Path, names: set[str]) -> None:
        self.folder = folder
        self.names = names

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if path is None and name in self.names:
            return importlib.util.spec_from_file_location(name, self.folder / f"{name}.py")
        return None


@contextmanager
def sibling_imports(folder: Path, names: set[str]) -> Iterator[None]:
    """While loading, a learner file may import its neighbours by their bare names (as a
    script would). Afterwards the bare names are gone again from sys.modules, so another
    kata's file of the same name never picks up this one."""
    before = {name: sys.modules.get(name) for name in names}
    finder = _SiblingFinder(folder, names)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        for name, module in before.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def load_module(path: Path, *, namespace: str, siblings: set[str] = frozenset()) -> ModuleType:
    """Execute ``path`` as module ``<namespace>.<stem>`` and return it, freshly imported.

    Loading by path (not by ``import``) keeps katas apart: two katas may both have a
    ``service.py`` without one shadowing the other. ``siblings`` are the stems of files
    next to it that it may import by bare name (each such import loads them afresh too).
    """
    name = f"{namespace}.{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        with sibling_imports(path.parent, set(siblings) - {path.stem}):
            spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module

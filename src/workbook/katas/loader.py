"""Import the learner's component file by path, under a name unique to its kata."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_module(path: Path, *, namespace: str) -> ModuleType:
    """Execute ``path`` as module ``<namespace>.<stem>`` and return it.

    Loading by path (not by ``import``) keeps katas apart: two katas may both have a
    ``service.py`` without one shadowing the other.
    """
    name = f"{namespace}.{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module

"""Backend API Workbook: a reference FastAPI app, notebooks that drive it live, and katas."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("backend-api-workbook")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

"""The reference app: the correct version of everything the workbook teaches."""

from workbook.app.main import create_app

__all__ = ["create_app"]

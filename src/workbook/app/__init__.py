"""The reference app: the correct version of everything the workbook teaches.

Build one with ``workbook.app.main.create_app()``. (Not re-exported here: importing the
models, as Alembic does, should not have to import FastAPI.)
"""

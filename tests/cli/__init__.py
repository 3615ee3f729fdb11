"""Tests of the learner tooling: the `workbook` command and `pytest katas`, run as a learner runs them.

A package, so that its conftest is `cli.conftest` and never shadows tests/conftest.py as `conftest`.
"""

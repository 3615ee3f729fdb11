"""Decoy: a longer blocklist: remove script elements, on...= attributes and javascript: URLs.

Wrong because a regex is not a browser's HTML parser, and a blocklist only names the
attacks someone thought of: a handler written `oNeRrOr` slips past the lower-case pattern,
and <svg>, <math>/<style>, <base href>, <meta http-equiv=refresh>, <form> and <input>,
<template> are not on the list at all. The tests name 17 things that get through.
"""

import re

SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
HANDLER = re.compile(r"\son[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
SCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)


def render_description(description: str) -> str:
    without_scripts = SCRIPT.sub("", description)
    return SCRIPT_URL.sub("", HANDLER.sub("", without_scripts))

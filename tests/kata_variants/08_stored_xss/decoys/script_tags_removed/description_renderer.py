"""Decoy: remove <script> elements with a regular expression.

Wrong because script needs no script tag: <img src=x onerror=alert(1)>, <svg onload=...>,
<a href="javascript:...">, <iframe srcdoc=...> all run without one. A blocklist names the
attacks someone thought of; the page must allow only what is known to be harmless.
"""

import re

SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)


def render_description(description: str) -> str:
    return SCRIPT.sub("", description)

"""Decoy: strip every tag with re.sub(r"<[^>]*>", "", ...).

Wrong because a tag the regex does not see whole is still a tag to the browser: an
unclosed `<img src=x onerror=alert(1)//` has no `>` of its own, and the browser takes the
page's next `>` to close it. The regex also eats honest text ("3 < 4 and 5 > 4" loses its
middle), and what is left is not escaped.
"""

import re

TAG = re.compile(r"<[^>]*>")


def render_description(description: str) -> str:
    return TAG.sub("", description)

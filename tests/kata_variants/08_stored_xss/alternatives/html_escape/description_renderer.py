"""Alternative: escape the description (html.escape), showing any markup as text.

Right because after escaping, `<`, `>`, `&` and quotes are character references: the
browser displays them and builds no element or attribute from them. Owners lose their
formatting (it shows as text), which the page allows.
"""

import html


def render_description(description: str) -> str:
    return html.escape(description)

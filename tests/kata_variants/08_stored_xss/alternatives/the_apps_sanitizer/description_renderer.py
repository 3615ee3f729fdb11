"""Alternative: reuse the app's own sanitizer (workbook.app.security.html).

Right because it is the same allowlist sanitizer (nh3 with a short list of tags and
attributes, safe URL schemes, rel="noopener noreferrer nofollow" on links): one policy for
every page that shows user HTML.
"""

from workbook.app.security.html import sanitize_description


def render_description(description: str) -> str:
    return sanitize_description(description)

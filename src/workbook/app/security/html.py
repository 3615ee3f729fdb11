"""HTML that users write, made safe to put in a page (chapter 08).

Agent descriptions may carry a little markup (bold, links, lists). They are stored as sent
and cleaned on the way out, when a page renders them: an allowlist sanitizer (nh3, a
binding to the Rust crate Ammonia, which parses like a browser does) keeps the tags and
attributes listed here and drops everything else — scripts with their content, event
handler attributes, `javascript:` links, styles. A blocklist (strip `<script>`) is the
classic mistake: `<img src=x onerror=...>` needs no script tag at all.
"""

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nh3

# A description is HTML in, a fragment safe to put in a page out.
DescriptionRenderer = Callable[[str], str]

ALLOWED_TAGS = frozenset({"p", "br", "b", "strong", "i", "em", "code", "pre", "ul", "ol", "li", "blockquote", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


@cache
def _cleaner() -> "nh3.Cleaner":
    # Built once, on first use (apps that render no page never load nh3).
    import nh3

    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        # Links users write must not pass this page's authority (or its window) on.
        link_rel="noopener noreferrer nofollow",
    )


def sanitize_description(description: str) -> str:
    """The description with only allowlisted markup left (text is kept, escaped)."""
    return _cleaner().clean(description)

"""Decoy: clean with nh3, then html.unescape the result (so "&amp;" shows as "&").

Wrong because unescaping turns text back into markup after the sanitizer has judged it: a
description written as entities, `&lt;img src=x onerror=alert(1)&gt;`, is harmless text to
nh3 and a live <img onerror> once unescaped. The page shows "&" right without it: the
browser decodes the entities when it displays them.
"""

import html

import nh3


def render_description(description: str) -> str:
    return html.unescape(nh3.clean(description))

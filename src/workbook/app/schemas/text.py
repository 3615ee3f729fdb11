"""Constrained text: the first gate every text input passes (chapter 08).

Lengths bound what a client can make the app store or search for; the character rules
keep out control characters, which no name needs, which some terminals and log viewers
interpret, and one of which (NUL) PostgreSQL cannot store at all: left in, it turns a bad
input into a 500 on PostgreSQL while SQLite stores it happily. These rules are not the
defence against injection (bound parameters are; this text may still hold quotes and
brackets): they make inputs boring.
"""

from typing import Annotated, Any

from pydantic import AfterValidator, JsonValue, StringConstraints

# No C0 control character and no DEL: one line of text.
SINGLE_LINE = r"^[^\x00-\x1f\x7f]*$"
# Also tabs and line breaks (\t \n \r): a paragraph or several.
MULTI_LINE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"

SingleLineText = Annotated[str, StringConstraints(pattern=SINGLE_LINE)]
MultiLineText = Annotated[str, StringConstraints(pattern=MULTI_LINE)]


def _no_nul(value: Any) -> Any:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text may not contain NUL (\\u0000)")
    elif isinstance(value, dict):
        for key, item in value.items():
            _no_nul(key)
            _no_nul(item)
    elif isinstance(value, list):
        for item in value:
            _no_nul(item)
    return value


# A JSON document without NUL in any key or string (PostgreSQL's JSONB refuses \u0000).
StorableJson = Annotated[JsonValue, AfterValidator(_no_nul)]

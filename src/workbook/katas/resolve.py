"""Turn what a learner types (04, jsonb_not_saving, 04_jsonb_not_saving, katas/04_.../)
into a kata, or a message that helps them type it right."""

import difflib
from pathlib import Path

from workbook.katas.catalog import Kata


class UnknownKata(LookupError):
    """The name matches no kata, or more than one; the message says what to type."""


def resolve(name: str, katas: list[Kata]) -> Kata:
    wanted = Path(name.strip()).name.lower()  # accept a path to the folder too
    by_any_name = [k for k in katas if wanted in (k.name, k.slug, k.number)]
    if len(by_any_name) == 1:
        return by_any_name[0]
    if len(by_any_name) > 1:
        names = ", ".join(k.name for k in by_any_name)
        raise UnknownKata(f"{name!r} matches {len(by_any_name)} katas: {names}. Type the whole name.")
    if wanted.isdigit() and len(wanted) == 1:
        return resolve(f"0{wanted}", katas)
    choices = {label: k for k in katas for label in (k.name, k.slug)}
    close = difflib.get_close_matches(wanted, choices, n=3, cutoff=0.6)
    suggestion = {choices[c].name for c in close} | {k.name for k in katas if wanted in k.name}
    message = f"no kata named {name!r}."
    if suggestion:
        message += f" Did you mean {' or '.join(sorted(suggestion))}?"
    message += " `workbook list` shows them all."
    raise UnknownKata(message)

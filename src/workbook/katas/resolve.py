"""Turn what a learner types (04, 04.1, jsonb_not_saving, 04_jsonb_not_saving,
katas/04_.../) into a kata, or a message that helps them type it right. The number is the
chapter's; where a chapter has several katas, 03.2 names the second."""

import difflib
from pathlib import Path

from workbook.katas.catalog import Kata


class UnknownKata(LookupError):
    """The name matches no kata, or more than one; the message says what to type."""


def resolve(name: str, katas: list[Kata]) -> Kata:
    wanted = Path(name.strip()).name.lower()  # accept a path to the folder too
    by_any_name = [k for k in katas if wanted in (k.name, k.slug, k.number, k.short_id)]
    if len(by_any_name) == 1:
        return by_any_name[0]
    if len(by_any_name) > 1:
        names = ", ".join(f"{k.short_id} ({k.name})" for k in by_any_name)
        raise UnknownKata(f"chapter {name!r} has {len(by_any_name)} katas: {names}. Type one of those.")
    if wanted[:1].isdigit() and not wanted[1:2].isdigit():  # "4" or "4.1": chapters have two digits
        return resolve(f"0{wanted}", katas)
    choices = {label: k for k in katas for label in (k.name, k.slug)}
    close = difflib.get_close_matches(wanted, choices, n=3, cutoff=0.6)
    suggestion = {choices[c].name for c in close} | {k.name for k in katas if wanted in k.name}
    message = f"no kata named {name!r}."
    if suggestion:
        message += f" Did you mean {' or '.join(sorted(suggestion))}?"
    message += " `workbook list` shows them all."
    raise UnknownKata(message)

"""Read TempEval-3 TimeML files into date expressions with their gold values."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-(?:SP|SU|FA|WI))?$")


@dataclass(frozen=True)
class GoldTimex:
    doc_id: str
    text: str
    value: str  # TimeML value: "2013-03-22", "2013-W11", "2012-08", "2012", "2012-SU"
    published: date
    context_before: str  # the text of the sentence before the expression, for tense cues


def parse_timeml(doc_id: str, xml_text: str) -> list[GoldTimex]:
    """The DATE expressions of one document whose gold value is a calendar value (not
    PRESENT_REF or XXXX-...), with the document creation time."""
    root = ElementTree.fromstring(xml_text)
    creation = root.find("DCT/TIMEX3")
    if creation is None:
        raise ValueError(f"{doc_id}: no document creation time")
    published = date.fromisoformat(creation.get("value", "")[:10])
    body = root.find("TEXT")
    if body is None:
        return []
    found: list[GoldTimex] = []
    so_far = [body.text or ""]
    for element in body.iter():
        if element is body:
            continue
        if element.tag == "TIMEX3" and element.get("type") == "DATE":
            value = element.get("value", "")
            if CALENDAR_VALUE.match(value):
                before = "".join(so_far)
                sentence_start = max(before.rfind(". "), before.rfind("\n")) + 1
                found.append(GoldTimex(doc_id, "".join(element.itertext()), value, published,
                                       before[sentence_start:]))
        so_far.append("".join(element.itertext()) if element.tag in ("TIMEX3", "EVENT", "SIGNAL") else "")
        so_far.append(element.tail or "")
    return found


def iter_tempeval(folder: Path) -> Iterator[GoldTimex]:
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"no .tml files in {folder}")
    for path in paths:
        yield from parse_timeml(path.stem, path.read_text(encoding="utf-8"))

"""Surrogate values for found identifiers: a consistent fake value per note (one name -> one fake name;
dates shifted by one offset per note, in their own format, so intervals between them are kept)."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from clinsum.privacy.patterns import MONTH, MONTHS, ORD
from clinsum.privacy.vocab import first_names, last_names


@dataclass
class Surrogates:
    """Fake values for one note (or one note/summary pair): the same original always gets the same
    surrogate, and every date moves by the same number of days."""

    seed: int
    date_shift_days: int = 0
    mapping: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        if not self.date_shift_days:
            self.date_shift_days = self.rng.choice((-1, 1)) * self.rng.randint(30, 730)

    def value(self, phi_type: str, original: str) -> str:
        key = (phi_type, _normal(original) if phi_type != "NAME" else original.lower())
        if key not in self.mapping:
            self.mapping[key] = self._make(phi_type, original)
        return self.mapping[key]

    def _make(self, phi_type: str, original: str) -> str:
        if phi_type == "NAME":
            return self._name(original)
        if phi_type == "DATE":
            return shift_date(original, self.date_shift_days) or "[DATE]"
        if phi_type == "AGE":
            return "90+"
        if phi_type in ("PHONE", "SSN", "ID", "ZIP", "IP"):
            return self._same_shape(original)
        if phi_type == "EMAIL":
            return f"{self._pick(last_names())}{self.rng.randint(1, 99)}@example.org"
        if phi_type == "URL":
            return f"https://example.org/{self.rng.randint(1000, 9999)}"
        if phi_type == "ADDRESS":
            return f"{self.rng.randint(10, 9999)} {self._pick(last_names()).title()} Street"
        if phi_type == "LOCATION":
            return f"{self._pick(last_names()).title()}ville"
        if phi_type == "INSTITUTION":
            return f"{self._pick(last_names()).title()} Medical Center"
        return f"[{phi_type}]"

    def _pick(self, words: frozenset[str]) -> str:
        return self.rng.choice(_in_order(words))

    def _name(self, original: str) -> str:
        """Word by word, so "John Smith" and "Mr. Smith" keep one surname."""
        out = []
        words = original.split()
        for i, word in enumerate(words):
            bare = word.rstrip(".,")
            if len(bare) == 1:  # an initial
                out.append(word)
                continue
            key = ("NAME_WORD", bare.lower())
            if key not in self.mapping:
                first = bare.lower() in first_names() and i < len(words) - 1
                self.mapping[key] = self._pick(first_names() if first else last_names())
            fake = self.mapping[key]
            fake = fake.upper() if bare.isupper() and len(bare) > 1 else fake.title() if bare[0].isupper() else fake
            out.append(fake + word[len(bare):])
        return " ".join(out)

    def _same_shape(self, original: str) -> str:
        """Random digits and letters in the original's layout ("(415) 555-0123" -> "(720) 318-4472")."""
        return "".join(str(self.rng.randint(0, 9)) if c.isdigit() else
                       self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") if c.isalpha() and c.isupper() else
                       self.rng.choice("abcdefghjkmnprstuvwxyz") if c.isalpha() else c for c in original)


@cache
def _in_order(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words))


def _normal(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_REFERENCE_YEAR = 2001  # dates without a year are shifted within a non-leap reference year


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return _MONTH_ABBR.get(word[:4] if word[:4] == "sept" else word[:3])


def _render_month(number: int, like: str) -> str:
    name = MONTHS[number - 1]
    bare = like.rstrip(".")
    name = name if len(bare) > 4 or bare.lower() == "may" else name[:len(bare)] if bare.lower() == "sept" else name[:3]
    if len(bare) > 4 and bare.lower()[:3] == name[:3] and len(bare) < len(name):
        name = name[:len(bare)]
    name = name.upper() if bare.isupper() and len(bare) > 1 else name.title() if bare[:1].isupper() else name
    return name + ("." if like.endswith(".") and len(name) <= 4 and name.lower() != "may" else "")


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _full_year(text: str) -> int:
    year = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        year += 1900 if year > 30 else 2000
    return year


def _year_like(year: int, like: str) -> str:
    return (("'" if like.startswith("'") else "") + f"{year % 100:02d}") if len(like.lstrip("'")) == 2 else str(year)


# Written-out dates with a day, and how to write them back.
_WRITTEN_DATES = (
    (re.compile(rf"(?P<month>{MONTH}\.?)(?P<gap>\s+)(?P<day>\d{{1,2}})(?P<ord>{ORD})?"
                rf"(?:(?P<sep>,?\s+)(?P<year>\d{{4}}|'\d{{2}}))?", re.IGNORECASE), "{month}{gap}{day}"),
    (re.compile(rf"(?P<day>\d{{1,2}})(?P<ord>{ORD})?(?P<gap>(?:\s+of)?[\s-]*)(?P<month>{MONTH}\.?)"
                rf"(?:(?P<sep>[\s,-]+)(?P<year>\d{{4}}|\d{{2}}))?", re.IGNORECASE), "{day}{gap}{month}"),
)


def shift_date(text: str, days: int) -> str | None:
    """``text`` (a date in one of the formats found) moved by ``days``, written in the same format;
    None when it cannot be read as a date."""
    def moved(year: int, month: int, day: int) -> date | None:
        try:
            return date(year, month, day) + timedelta(days=days)
        except ValueError:
            return None

    m = re.fullmatch(r"(\d{1,4})([/.-])(\d{1,2})(?:\2(\d{2,4}))?", text)
    if m:  # numeric: m/d/y, d/m/y (first part > 12), y-m-d, or m/d
        a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
        if len(a) == 4:
            order, y, mo, d = "ymd", int(a), int(b), int(c or 0)
        elif c is None:
            order, y, mo, d = "md", _REFERENCE_YEAR, int(a), int(b)
        elif int(a) > 12:
            order, y, mo, d = "dmy", _full_year(c), int(b), int(a)
        else:
            order, y, mo, d = "mdy", _full_year(c), int(a), int(b)
        new = moved(y, mo, d)
        if new is None:
            return None
        padded = (a.startswith("0") or b.startswith("0") or len(a) == len(b) == 2) and len(a) <= 2
        if order == "ymd":
            padded = b.startswith("0") or c.startswith("0") or len(b) == len(c) == 2
        pad = (lambda n: f"{n:02d}") if padded else str
        if order == "ymd":
            return f"{new.year}{sep}{pad(new.month)}{sep}{pad(new.day)}"
        if order == "md":
            return f"{pad(new.month)}{sep}{pad(new.day)}"
        first, second = (new.day, new.month) if order == "dmy" else (new.month, new.day)
        return f"{pad(first)}{sep}{pad(second)}{sep}{_year_like(new.year, c)}"
    for pattern, layout in _WRITTEN_DATES:  # March 14th, 2023 / 14 March 2023, 14-Mar-23
        m = pattern.fullmatch(text)
        if m:
            year = _full_year(m["year"]) if m["year"] else _REFERENCE_YEAR
            new = moved(year, _month_number(m["month"]), int(m["day"]))
            if new is None:
                return None
            day = f"{new.day}{_ordinal(new.day) if m['ord'] else ''}"
            out = layout.format(month=_render_month(new.month, m["month"]), gap=m["gap"], day=day)
            return out + (f"{m['sep']}{_year_like(new.year, m['year'])}" if m["year"] else "")
    m = re.fullmatch(rf"(?P<month>{MONTH}\.?)(?P<sep>[\s,-]+)(?P<year>\d{{4}}|'\d{{2}})", text, re.IGNORECASE)
    if m:  # March 2023: the month of the shifted 15th
        new = moved(_full_year(m["year"]), _month_number(m["month"]), 15)
        return f"{_render_month(new.month, m['month'])}{m['sep']}{_year_like(new.year, m['year'])}"
    m = re.fullmatch(rf"(the\s+)?(\d{{1,2}})({ORD})", text, re.IGNORECASE)
    if m:  # "the 14th": the day of the month of the shifted date
        new = moved(_REFERENCE_YEAR, 1, int(m.group(2)))
        return f"{m.group(1) or ''}{new.day}{_ordinal(new.day)}" if new else None
    return None



def hash_seed(seed: int, key: str | int) -> int:
    """A stable per-record seed (Python's own ``hash`` of a string changes from run to run)."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{key}".encode()).digest()[:8], "big")
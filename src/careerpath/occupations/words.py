"""How occupation names and search queries are cut into words: one home for both the build
script (which indexes the words) and ``search`` (which looks them up), so they always agree.

Words are lower-cased, stripped of accents and apostrophes, and reduced to their singular
("nurses" → "nurse", "secretaries" → "secretary"), so that case and plural do not matter.
Small words ("and", "of") are left out: they match nearly everything.
"""

from __future__ import annotations

import re
import unicodedata

_SMALL = "a an and as at by for from in into of on or other the to with without all except"
STOP_WORDS = frozenset(_SMALL.split(" "))
_IRREGULAR = {"women": "woman", "men": "man", "children": "child", "people": "person"}
_SPLIT = re.compile(r"[^a-z0-9]+")
# Words ending so keep their "s": "boss", "bus", "status", "analysis", "gas".
_KEEP_S = ("ss", "us", "is", "as", "os")


def singular(word: str) -> str:
    """``word`` in its singular form, by the regular English plural rules."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The search words of ``text``, in order, without small words."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = plain.replace("'", "").replace("’", "")
    return [singular(w) for w in _SPLIT.split(plain) if w and w not in STOP_WORDS]


def key(text: str) -> str:
    """The words of ``text`` sorted: equal for two names that differ only in case, plural or
    word order ("Data Scientists", "scientist data")."""
    return " ".join(sorted(set(words(text))))


def key_hash(text: str) -> int:
    """A 64-bit number for ``key(text)``, stable across runs and machines, as the pack stores
    it: two checksums side by side (zlib is at hand; hashlib's import costs more)."""
    import zlib

    data = key(text).encode("utf-8")
    number = (zlib.crc32(data) << 32) | zlib.adler32(data)
    return number - (1 << 64) if number >= 1 << 63 else number  # SQLite integers are signed

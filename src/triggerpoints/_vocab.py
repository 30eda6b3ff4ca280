"""The one definition of the words a record answers to, used by validation and by the indexes.

A record answers to its display name, its aliases, its id and the slug of its id; a
trigger point also to each of its muscle's names and aliases followed by its label
("glute max TrP3"). Loading a dataset checks that no two records of a kind share one of
these words (after :func:`~triggerpoints._text.normalize`), and the name index is built
from the same words, so a dataset that loads never gives an ambiguous name.

Loading also refuses a word that differs from another record's word only by letters of
another script that look like Latin ones (a Cyrillic "a" in "Gluteus maximus", say):
:func:`lookalike_key` reads such letters as the Latin letters they look like.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from triggerpoints._models import Muscle, Record, Relation, Source, TriggerPoint
from triggerpoints._text import normalize

__all__ = ["LOOKALIKES", "display_name", "lookalike_key", "words"]

#: Cyrillic and Greek letters that look like Latin letters in common fonts, and the Latin
#: letter each is taken for (a small hand-made selection: the letters that can spell an
#: English or Latin muscle or place name; fullwidth and other compatibility forms need no
#: entry, :func:`~triggerpoints._text.normalize` folds them already).
LOOKALIKES: Mapping[str, str] = {
    **dict(zip("аеорсухіјѕԁһԛԝӏ", "aeopcyxijsdhqwl", strict=True)),  # noqa: RUF001 - Cyrillic small
    **dict(zip("АВЕКМНОРСТХУІЈЅԚԜ", "ABEKMHOPCTXYIJSQW", strict=True)),  # Cyrillic capital
    **dict(zip("αονικυ", "aoviku", strict=True)),  # Greek small
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),  # noqa: RUF001 - Greek capital
}
_LOOKALIKES = str.maketrans(dict(LOOKALIKES))


def lookalike_key(word: str) -> str:
    """The comparison key of ``word`` with look-alike letters read as the Latin ones they resemble.

    Examples:
        >>> from triggerpoints._vocab import lookalike_key
        >>> lookalike_key("Gluteus m\u0430ximus")  # a Cyrillic a
        'gluteus maximus'
    """
    return normalize(word.translate(_LOOKALIKES))


def display_name(record: Record, muscles: Mapping[str, Muscle]) -> str:
    """A record's name for people: trigger points are "<muscle> <label>", sources their title.

    Args:
        record: Any record.
        muscles: Muscle id -> muscle, for trigger points' names.

    Examples:
        >>> from triggerpoints._models import Relation, RelationKind
        >>> relation = Relation(id="relation:a-b", kind=RelationKind.KEY, source="muscle:a",
        ...                     target="muscle:b", mechanism="m", sources=("source:s",))
        >>> display_name(relation, {})
        'relation:a-b'
    """
    if isinstance(record, TriggerPoint):
        owner = muscles.get(record.muscle)
        return f"{owner.name if owner else record.muscle} {record.label}"
    if isinstance(record, Relation):
        return record.id
    if isinstance(record, Source):
        return record.title
    return record.name


def words(record: Record, muscles: Mapping[str, Muscle]) -> Iterator[tuple[str, str]]:
    """Every word ``record`` answers to, with the JSON field it comes from, display name first.

    Args:
        record: Any record.
        muscles: Muscle id -> muscle (with any aliases added by extension files), for
            the words of trigger points.

    Yields:
        ``(field, word)`` pairs, the field relative to the record (``"aliases[2]"``); a
        word may repeat under another field (the caller normalizes and keeps the first).

    Examples:
        >>> from triggerpoints._models import Muscle, BodyArea
        >>> muscle = Muscle(id="muscle:quadratus-lumborum", name="Quadratus lumborum",
        ...                 body_area=BodyArea.LOWER_TORSO, aliases=("QL",), sources=("source:s",))
        >>> [word for _, word in words(muscle, {})]
        ['Quadratus lumborum', 'QL', 'muscle:quadratus-lumborum', 'quadratus-lumborum']
    """
    field = "title" if isinstance(record, Source) else "label" if isinstance(record, TriggerPoint) else "name"
    yield ("id" if isinstance(record, Relation) else field), display_name(record, muscles)
    for number, alias in enumerate(getattr(record, "aliases", ())):
        yield f"aliases[{number}]", alias
    if isinstance(record, TriggerPoint):
        owner = muscles.get(record.muscle)
        if owner is not None:
            for name in owner.aliases:
                yield "label", f"{name} {record.label}"
    yield "id", record.id
    yield "id", record.id.split(":", 1)[1]

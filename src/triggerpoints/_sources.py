"""What a citation is: a source, its tier of evidence and who stands behind it.

Facts cite sources by id. Each source carries its :class:`~triggerpoints.SourceTier`
and a publisher (stored, or derived from the citation) so that the support of a fact
can count independent sources (see :mod:`triggerpoints._support`).
"""

from __future__ import annotations

from typing import NewType

import attrs

from triggerpoints import _checks as checks
from triggerpoints._display import record_html, record_repr
from triggerpoints._enums import SourceConcern, SourceKind, SourceTier
from triggerpoints.exceptions import InvariantError

__all__ = ["Source", "SourceId"]

SourceId = NewType("SourceId", str)


@attrs.frozen(kw_only=True)
class Source:
    """A citation that facts point to: a book chapter, a book, an article or a public page.

    Attributes:
        id: ``source:...``.
        kind: What the source is.
        tier: How much weight it carries: the manual or another textbook, a
            peer-reviewed article, a professional or educational summary of the
            manual, or a practitioner's page.
        title: The chapter's or page's title.
        work: The book's title, or the site's name.
        authors: Authors, in the source's order.
        year: Year of publication, if known.
        volume: The book's volume, if any.
        chapter: The chapter number, if any.
        edition: The edition (``"1st"``), if it matters.
        url: The page address, for public pages.
        accessed: The date the page was checked (``YYYY-MM-DD``).
        publisher: Who stands behind the source, when it is not what
            :meth:`~triggerpoints.Source.publisher_name` derives (a site spread over several hosts, an
            article read on a shared host); sources with the same publisher are not
            independent of each other.
        concern: Why the source is weak (not found again, spam, a mirror, a content
            farm), or ``None``. It stays cited but does not count as support.
        note: What a reader of the citation should know about the source.
        curation: How the source was found and read (working notes; not shown to
            end users).
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: SourceId = attrs.field(validator=checks.id_of("source"))
    kind: SourceKind = attrs.field(validator=checks.member(SourceKind))
    tier: SourceTier = attrs.field(validator=checks.member(SourceTier))
    title: str = attrs.field(validator=checks.non_blank)
    work: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = attrs.field(default=None, validator=checks.positive)
    volume: int | None = attrs.field(default=None, validator=checks.positive)
    chapter: int | None = attrs.field(default=None, validator=checks.positive)
    edition: str | None = None
    url: str | None = None
    accessed: str | None = attrs.field(default=None, validator=checks.date)
    publisher: str | None = attrs.field(default=None, validator=attrs.validators.optional(checks.non_blank))
    concern: SourceConcern | None = attrs.field(
        default=None, validator=attrs.validators.optional(checks.member(SourceConcern))
    )
    note: str = ""
    curation: str = ""

    def __attrs_post_init__(self) -> None:
        if self.kind is SourceKind.WEB_PAGE and not (self.url or "").strip():
            raise InvariantError("url", "a web page source needs its url")

    def publisher_name(self) -> str:
        """Return who stands behind the source: :attr:`publisher`, or one derived from the citation.

        Derived: a web page's host without ``www.``; a book's or chapter's
        :attr:`work` (else its authors); an article's first author ("Kameda et
        al."); else the title. Two sources with the same name (ignoring case)
        count as one when support is counted.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().source("source:web-painfreehealth-gluteus-minimus").publisher_name()
            'painfreehealth.ca'
        """
        if self.publisher:
            return self.publisher
        if self.kind is SourceKind.WEB_PAGE and self.url:
            host = self.url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
            return host.removeprefix("www.")
        if self.kind is SourceKind.ARTICLE and self.authors:
            surname = self.authors[0].split()[-1]
            return f"{surname} et al." if len(self.authors) > 1 else surname
        if self.work:
            return self.work
        return " & ".join(author.split()[-1] for author in self.authors) or self.title

    def citation(self) -> str:
        """Return a one-line human citation.

        Examples:
            >>> import triggerpoints as tp
            >>> source = tp.load().source("source:ts-vol2")
            >>> source.citation().startswith("Travell")
            True
        """
        parts: list[str] = []
        if self.authors:
            surnames = [author.split()[-1] for author in self.authors]
            parts.append(" & ".join(surnames))
        if self.kind is SourceKind.BOOK_CHAPTER and self.work:
            parts.append(self.work)
        else:
            parts.append(self.title)
        if self.volume is not None:
            parts.append(f"vol. {self.volume}")
        if self.chapter is not None:
            parts.append(f"ch. {self.chapter} ({self.title})")
        if self.year is not None:
            parts.append(str(self.year))
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)

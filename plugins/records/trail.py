"""Breadcrumbs: where a page sits in the site, from its language's home down to the page.

The plugin that owns a kind of page computes its trail once, as a tuple of :class:`Crumb`
set as ``item.breadcrumbs`` while the records of a language are derived (``records_ready``),
so names and addresses are those of that language. The theme shows it twice from that one
tuple: the visible trail (``partials/breadcrumbs.html``) and schema.org ``BreadcrumbList``
data (:func:`breadcrumb_list`, the ``breadcrumb_list`` filter), so they cannot disagree.
"""

from dataclasses import dataclass

from .catalogs import ui_text
from .passes import PREFIX_KEY


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str  # site-relative, as every page's ``url``
    lang: str | None = None  # the language of ``name`` when it may not be the page's

    @classmethod
    def of(cls, item, name: str | None = None) -> "Crumb":
        """The crumb of a content object (its title, or ``name``), in the item's language."""
        return cls(name or item.title, item.url, item.lang)


def trail(settings: dict, *crumbs: Crumb) -> tuple[Crumb, ...]:
    """The home of the language being derived, then ``crumbs``."""
    home = Crumb(
        ui_text(settings).gettext("Home"),
        settings.get("HOME_URL", settings.get(PREFIX_KEY, "")),
    )
    return (home, *crumbs)


def section(settings: dict, name: str, url: str) -> Crumb:
    """A crumb for a list page (``"Events"``, its URL), its name in the language being
    derived: ``name`` is a UI string the templates already have, so every catalog has it."""
    return Crumb(ui_text(settings).gettext(name), url)


def breadcrumb_list(crumbs, siteurl: str) -> dict:
    """schema.org ``BreadcrumbList`` of ``crumbs`` (for the ``json_ld`` filter)."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                "item": f"{siteurl}/{crumb.url}",
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }

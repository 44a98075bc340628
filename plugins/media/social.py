"""Plan the share cards and the posters of a build from its content; attach them after the run.

Every news post, event, campaign and edition, and each translation, gets its own card, drawn
in its own language, as ``item.share_card`` (a :class:`CardInfo`); the site has one per
language in ``site_cards`` (language code → :class:`CardInfo`). Templates read them in
``partials/social_meta.html``, and ``edition.poster`` (a :class:`PosterFiles`) in
``partials/poster_link.html``. A campaign's and an edition's card also comes as artwork for
its own page, ``item.artwork`` (a responsive :class:`~media.content.Picture`, WebP and PNG at
MEDIA_ARTWORK_WIDTHS), which the page shows when the record has no ``Image``.
"""

import html
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date, format_skeleton

from records.languages import language, site_languages

from .content import Picture
from .drawing import Poster, ShareCard
from .pipeline import OutputFile, Ticket

logger = logging.getLogger(__name__)

# The kinds of page whose first screen shows a visual: their lead picture, else their card
# drawn as artwork, at MEDIA_ARTWORK_SIZES.
VISUAL_KINDS = ("campaign", "edition")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class CardInfo:
    url: str
    width: int
    height: int
    title: str
    alt: str


@dataclass(frozen=True)
class PosterFiles:
    pdf: OutputFile
    png: OutputFile
    url: str  # the address the QR code holds


def plain(text) -> str:
    return html.unescape(_TAGS.sub("", str(text or ""))).strip()


def _day(value, settings, lang) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value, "long", locale=language(settings, lang).locale)


def _colour(campaign, default: str) -> str:
    colour = getattr(campaign, "color", None) if campaign is not None else None
    valid = isinstance(colour, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", colour)
    return colour if valid else default


def _edition_day(edition):
    """An edition's day, as the campaigns plugin derived it (``edition.view.day``)."""
    view = getattr(edition, "view", None)
    return getattr(view, "day", None)


def _with_translations(store, kind: str) -> list:
    if store is None or kind not in getattr(store, "types", {}):
        return []
    originals = store.all(kind)
    return originals + [t for record in originals for t in store.translations(record)]


def _articles(context) -> list:
    found = {}
    for article in context.get("articles", []):
        for item in (article, *article.translations):
            found[id(item)] = item
    for item in context.get("translations", []):
        found[id(item)] = item
    return list(found.values())


def card_items(context: dict, settings: dict, conf):
    """(item, name, ShareCard) for every page that gets its own card, and the site's card in
    each language (the item then being the language's code). The cards of campaigns and
    editions with no Image of their own are drawn at the artwork's widths too: the artwork is
    the visual of their page only where there is no picture to show."""
    default_colour, artwork = conf.card_colour, conf.artwork_widths
    store = context.get("records")
    site = plain(settings.get("SITE_SHORTNAME") or settings.get("SITENAME"))
    for article in _articles(context):
        campaigns = getattr(article, "campaign", None) or []
        campaign = campaigns[0] if campaigns else None
        yield (
            article,
            f"news-{article.slug}-{article.lang}",
            ShareCard(
                title=plain(article.title),
                kicker=plain(campaign.title) if campaign else "",
                date=_day(article.date, settings, article.lang),
                site=site,
                colour=_colour(campaign, default_colour),
            ),
        )
    for event in _with_translations(store, "event"):
        campaign = getattr(event, "campaign", None)
        yield (
            event,
            f"event-{event.id}-{event.lang}",
            ShareCard(
                title=plain(event.title),
                kicker=plain(campaign.title) if campaign else "",
                date=_day(getattr(event, "start", None), settings, event.lang),
                site=site,
                colour=_colour(campaign, default_colour),
            ),
        )
    for campaign in _with_translations(store, "campaign"):
        month, day = getattr(campaign, "day", None) or (1, 1)
        locale = language(settings, campaign.lang).locale
        when = format_skeleton("MMMMd", date(2000, month, day), locale=locale)
        yield (
            campaign,
            f"campaign-{campaign.id}-{campaign.lang}",
            ShareCard(
                title=plain(campaign.title),
                kicker=site,
                date=when,
                site=site,
                colour=_colour(campaign, default_colour),
                widths=() if getattr(campaign, "image", None) else artwork,
            ),
        )
    for edition in _with_translations(store, "edition"):
        campaign = getattr(edition, "campaign", None)
        if campaign is None or not getattr(edition, "theme", None):
            continue
        yield (
            edition,
            f"edition-{campaign.id}-{edition.year}-{edition.lang}",
            ShareCard(
                title=plain(edition.theme),
                kicker=f"{plain(campaign.title)} {edition.year}",
                date=_day(_edition_day(edition), settings, edition.lang),
                site=site,
                colour=_colour(campaign, default_colour),
                widths=() if getattr(edition, "image", None) else artwork,
            ),
        )
    for each in site_languages(settings):
        yield (
            each.code,
            f"site-{each.code}",
            ShareCard(
                title=plain(each.sitename or settings.get("SITENAME")),
                kicker="",
                date="",
                site=site,
                colour=default_colour,
            ),
        )


def plan_cards(context, settings, pipeline, conf) -> list[tuple[object, ShareCard, Ticket]]:
    planned = []
    for item, name, recipe in card_items(context, settings, conf):
        safe = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")
        planned.append((item, recipe, pipeline.submit_drawing(recipe, conf.card_output, safe)))
    return planned


def attach_cards(context, planned, sizes: str) -> None:
    """Give each item its card (and, when drawn at the artwork's widths, its artwork, whose
    alt text is the card's words); ``sizes``: the artwork's ``sizes`` attribute."""
    site_cards = {}
    for item, recipe, ticket in planned:
        drawn = ticket.file("card", "png")
        if drawn is None:
            continue
        text = " — ".join(part for part in (recipe.kicker, recipe.title, recipe.date) if part)
        card = CardInfo(drawn.url, drawn.width, drawn.height, recipe.title, text)
        if isinstance(item, str):
            site_cards[item] = card
            continue
        item.share_card = card
        sized = sorted((f for f in ticket.files if f.label.endswith("w")), key=lambda f: f.width)
        if sized:
            webp = tuple(f for f in sized if f.fmt == "webp")
            png = tuple(f for f in sized if f.fmt == "png")
            item.artwork = Picture(webp, png, text, sizes)
    context["site_cards"] = site_cards


def plan_posters(context, settings, pipeline, conf) -> list[tuple[object, str, Ticket]]:
    editions = _with_translations(context.get("records"), "edition")
    if not editions:
        return []
    if not conf.poster_base_url:
        logger.info(
            "media: no posters: their QR code needs an absolute address "
            "(set SITEURL to https://… or POSTER_BASE_URL)"
        )
        return []
    site = plain(settings.get("SITENAME"))
    planned = []
    for edition in editions:
        campaign = getattr(edition, "campaign", None)
        if campaign is None or not getattr(edition, "theme", None):
            continue
        logos, names = [], []
        for partner in getattr(edition, "partners", None) or []:
            image = getattr(getattr(partner, "view", None), "logo_image", None)
            if image is not None and image.kind == "raster" and image.png:
                logos.append(image.png[-1].cached)
            else:
                names.append(plain(partner.title))
        url = f"{conf.poster_base_url}/{edition.url}"
        day = _edition_day(edition)
        recipe = Poster(
            campaign=plain(campaign.title),
            theme=plain(edition.theme),
            date=_day(day, settings, edition.lang),
            url=url,
            site=site,
            colour=_colour(campaign, conf.card_colour),
            logos=tuple(logos),
            partner_names=tuple(names),
            created=day.isoformat() if day else "2000-01-01",
        )
        name = f"{campaign.id}-{edition.year}-{edition.lang}"
        planned.append((edition, url, pipeline.submit_drawing(recipe, conf.poster_output, name)))
    return planned


def attach_posters(planned) -> None:
    for edition, url, ticket in planned:
        pdf, png = ticket.file("a4", "pdf"), ticket.file("a4", "png")
        edition.poster = PosterFiles(pdf, png, url) if pdf and png else None

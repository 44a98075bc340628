"""Wires the partners plugin into Pelican and the records core. No state lives here."""

import logging
import os
from dataclasses import dataclass

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

import media
from records import (
    Crumb,
    current_language,
    in_default_language,
    language,
    plugin_enabled,
    section,
    site_organization,
    trail,
)
from records.countries import country_name
from records.signals import record_types, records_ready

from .directory import build_directory
from .history import derive
from .logos import LogoImage, from_ticket, monogram
from .schema import partner_type
from .settings import PartnerSettings
from .view import PartnerView

logger = logging.getLogger(__name__)

NAME = "partners"
CONTEXT_KEY = "partner_directory"
NETWORK_KEY = "network_organization"
LOGOS_KEY = "partner_logos"  # every partner record's picture, by id() of the record


def declare(settings):
    return [partner_type(PartnerSettings.from_pelican(settings))]


def _logo_recipe(conf: PartnerSettings) -> media.BoxFit:
    width, height = conf.logo_box
    return media.BoxFit(
        width=width,
        height=height,
        area=conf.logo_area,
        scales=conf.logo_scales,
        max_upscale=conf.logo_max_upscale,
    )


def attach_logos(generator, originals: list, translations: list, conf: PartnerSettings) -> dict:
    """Process every logo at once; report each bad one; return every partner's picture, by
    ``id()`` of its record (an original or a translation)."""
    pipeline = media.pipeline_for(generator.context)
    recipe = _logo_recipe(conf)
    tickets = {}
    for record in originals + translations:
        if record.logo:
            source = os.path.join(generator.path, record.logo)
            tickets[id(record)] = pipeline.submit(source, recipe, conf.logo_output, record.id)
            media.claim_source(generator.context, record.logo)
    pipeline.run()
    by_id, pictures = {}, {}
    for record in originals + translations:
        ticket = tickets.get(id(record))
        if ticket is not None and ticket.error is not None:
            generator.problem(
                record.source_path,
                "logo",
                f'"{record.logo}" {ticket.error.message}',
                ticket.error.fix,
            )
        if ticket is not None and ticket.notes:
            logger.info("%s: logo: removed %s", record.source_path, ", ".join(ticket.notes))
        if ticket is not None and ticket.files:  # none in a check-only run
            image = from_ticket(ticket, record.title, conf.logo_box)
        elif record.id in by_id and not record.logo:  # a translation shows the original's
            image = by_id[record.id]
        else:
            image = monogram(
                record.id, record.title, conf.logo_box, conf.logo_output, conf.logo_area
            )
        pictures[id(record)] = image
        by_id.setdefault(record.id, image)
    return pictures


@dataclass(frozen=True)
class Network:
    """The network the site speaks for (``ORGANIZATION``), as ``organization_data`` reads a
    partner."""

    title: str
    website: str
    logo_image: LogoImage
    country: str | None = None


def network_organization(generator, partners: list, logos: dict, conf) -> Network:
    """The site's network (``ORGANIZATION``). Its logo: the file it names (processed like a
    partner's logo), else that of the partner that is the network (same name or id), else a
    monogram. Its website: the one it names, else that partner's, else the site's home."""
    organization = site_organization(generator.settings)
    name = organization.name.casefold()
    same = next((p for p in partners if name in (p.title.casefold(), p.id.casefold())), None)
    image = logos[id(same)] if same is not None else None
    if organization.logo:
        pipeline = media.pipeline_for(generator.context)
        source = os.path.join(generator.path, organization.logo)
        ticket = pipeline.submit(source, _logo_recipe(conf), conf.logo_output, "network")
        media.claim_source(generator.context, organization.logo)
        pipeline.run()
        if ticket.files:
            image = from_ticket(ticket, organization.name, conf.logo_box)
        elif ticket.error is not None:
            generator.problem(
                "ORGANIZATION",
                "logo",
                f'"{organization.logo}" {ticket.error.message}',
                ticket.error.fix,
            )
    if image is None:
        image = monogram(
            "network", organization.name, conf.logo_box, conf.logo_output, conf.logo_area
        )
    siteurl = (generator.settings.get("SITEURL") or "").rstrip("/")
    website = organization.url or (same.website if same is not None else f"{siteurl}/")
    return Network(organization.name, website, image)


def draw_monograms(generator, images: list[LogoImage], conf: PartnerSettings) -> None:
    """Draw the PNG of every monogram among ``images`` (each once)."""
    pipeline = media.pipeline_for(generator.context)
    tickets = {}
    for image in images:
        if image.is_monogram and id(image) not in tickets:
            name = os.path.basename(image.src).rsplit("-", 1)[0]  # monogram-<id>
            tickets[id(image)] = (
                image,
                pipeline.submit_drawing(image.drawing, conf.logo_output, name),
            )
    pipeline.run()
    for image, ticket in tickets.values():
        drawn = ticket.file("monogram", "png")
        image.png = [drawn] if drawn is not None else []


def on_records_ready(generator, store) -> None:
    """Sent once per language, with that language's view of the records: the logos are
    processed once (for every partner and translation), the history and the directory for
    each language."""
    settings = generator.settings
    if "partner" not in store.types:
        return
    conf = PartnerSettings.from_pelican(settings)
    if in_default_language(settings):
        every = generator.store  # the records themselves, every language
        originals = every.all("partner")
        translations = [t for record in originals for t in every.translations(record)]
        logos = attach_logos(generator, originals, translations, conf)
        network = network_organization(generator, originals, logos, conf)
        draw_monograms(generator, [*logos.values(), network.logo_image], conf)
        # Set once, in the default language's pass: the context keeps them for the others.
        generator.context[NETWORK_KEY] = network
        generator.context[LOGOS_KEY] = logos
    logos = generator.context[LOGOS_KEY]
    partners = store.all("partner")
    history = derive(store, generator.context.get("articles", []), {p.id for p in partners})
    directory = section(settings, "Partners", conf.index_url)
    for record in partners:
        written = getattr(record, "original", record)  # an untranslated stand-in's original
        record.view = PartnerView(logo_image=logos[id(written)], history=history[record.id])
        record.breadcrumbs = trail(settings, directory, Crumb.of(record))
    generator.context[CONTEXT_KEY] = build_directory(
        partners,
        conf.kinds,
        current_language(settings).locale,
        (conf.index_url, conf.countries_url),
    )


class PartnersGenerator(Generator):
    """Writes the directory, the country index, the monograms and the processed logos."""

    per_language = True  # its pages exist in every language (records.passes)

    def generate_context(self):
        """Nothing to read: everything is derived when the records are ready."""

    def generate_output(self, writer):
        directory = self.context.get(CONTEXT_KEY)
        if directory is None:
            return
        conf = PartnerSettings.from_pelican(self.settings)
        if in_default_language(self.settings):  # the logos serve every language
            media.pipeline_for(self.context).write(writer)
            self._write_monograms(writer)
        pages = (
            (conf.index_save_as, conf.index_url, "partners"),
            (conf.countries_save_as, conf.countries_url, "partner_countries"),
        )
        for save_as, url, template in pages:
            if not save_as:
                continue
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=url,
                page_name=url,
                directory=directory,
            )

    def _write_monograms(self, writer) -> None:
        monograms = {}  # a translation shares its original's drawing
        for image in self.context.get(LOGOS_KEY, {}).values():
            if image.is_monogram:
                monograms[image.src] = image.svg_text
        for path, text in monograms.items():
            writer.write_text(path, text)


def get_generators(pelican):
    return PartnersGenerator if plugin_enabled(pelican.settings, NAME) else None


def install_filters(generator) -> None:
    """``{{ code|country_name }}``: a country's name in the page's language."""
    settings = generator.settings

    @pass_context
    def country(context, code):
        page = context.get("lang")
        return country_name(code, (page or language(settings)).locale)

    generator.env.filters["country_name"] = country
    generator.env.filters["organization_data"] = organization_data


def organization_data(partner, siteurl: str = "") -> dict:
    """schema.org ``Organization`` for a partner or the site's network: name, website, logo
    (its largest PNG; a monogram's when it has no logo file), country (for json_ld)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.title,
        "url": partner.website,
    }
    # A partner's picture is in its view; the site's network carries its own.
    image = getattr(getattr(partner, "view", partner), "logo_image", None)
    if image is not None:
        data["logo"] = f"{siteurl}/{image.largest}" if siteurl else image.largest
    if partner.country and partner.country != "international":
        data["address"] = {"@type": "PostalAddress", "addressCountry": partner.country}
    return data


def register():
    record_types.connect(declare)
    records_ready.connect(on_records_ready)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_filters)

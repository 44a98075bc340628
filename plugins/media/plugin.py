"""The media plugin: every image the site publishes goes through the pipeline, once per build.

Before any content is read, the JPEG photos of the static folders go into the background
through the recipe a page's image gets (:func:`prefetch_photos`): both cores work while the
content is read. Nothing is published from that alone. Then, when the static generator has
listed its files (the last step before anything is written):

1. every raster image or SVG it would copy raw (``content/images``, ``content/files``…) is
   taken off its list and planned through :class:`~media.Clean` at the same output path:
   upright, re-encoded, no metadata; originals included;
2. the images of every page's HTML and every lead image (``Image``) are planned through
   :class:`~media.Responsive`, and each lead image once more cut to the cards' shape; an
   image without alt text is a content error;
3. share cards and posters are planned (:mod:`media.social`);
4. the pipeline runs once, on every core, from the cache when it can; the pages' HTML is
   rewritten with ``<picture>`` elements, the lead pictures (``lead_picture``, and
   ``card_picture`` for the cards of lists) and the share cards and posters are attached.
   JPEG photos, share cards and posters, whose files are known beforehand, are processed in
   the background while the pages are written (``Pipeline.run(background=True)``).

The files are written by :class:`MediaGenerator`, which runs after every other generator but
the sitemap's: it waits for the background work, reports an image that failed there, and
writes (so does any other plugin's call of ``Pipeline.write``, for the files done by then).
Settings: :class:`media.settings.SiteMediaSettings`.

A check-only run (``RECORDS_CHECK_ONLY``, ``invoke lint``) plans no card or poster, and its
pipeline only checks each source (:meth:`media.Recipe.check`): the same content errors for a
missing file, a file too large or not an image, no alt text; no image work.
"""

import dataclasses
import logging
import os

from pelican import signals
from pelican.generators import Generator

from records import plugin_enabled
from records.filetypes import UNCLEANABLE_IMAGE_TYPES

from . import content as html_content
from . import images, social
from .pipeline import Ticket
from .recipes import Clean, Responsive
from .settings import SiteMediaSettings

logger = logging.getLogger(__name__)

NAME = "media"
RECORDS_GENERATOR = "media_records_generator"
PLANNED = "media_planned"  # the planner and what it planned, for the errors found late
PREFETCHED = "media_prefetched"  # the photos went into the background (prefetch_photos)
JPEG = (".jpg", ".jpeg")


def remember_records_generator(generator, store) -> None:
    """records_ready: keep the generator whose ``problem`` reports content errors."""
    generator.context[RECORDS_GENERATOR] = generator


def _reporter(context: dict):
    generator = context.get(RECORDS_GENERATOR)
    if generator is not None:
        return generator.problem

    def warn(source_path, field, message, fix):
        logger.warning("%s: %s: %s — %s", source_path, field, message, fix)

    return warn


def _contents(context: dict) -> list[tuple[str, object]]:
    """(kind, content) for every article, page and record, translations and drafts included."""
    found: dict[int, tuple[str, object]] = {}
    for key, kind in (
        ("articles", "article"),
        ("hidden_articles", "article"),
        ("drafts", "article"),
        ("translations", "article"),
        ("pages", "page"),
        ("hidden_pages", "page"),
        ("draft_pages", "page"),
        ("hidden_translations", "page"),
    ):
        for item in context.get(key, []) or []:
            for content in (item, *getattr(item, "translations", [])):
                kind_here = getattr(content, "default_template", kind)
                found.setdefault(id(content), (kind_here, content))
    store = context.get("records")
    for type_name in getattr(store, "types", {}) or {}:
        for record in store.all(type_name):
            for content in (record, *store.translations(record)):
                found.setdefault(id(content), (type_name, content))
    return list(found.values())


def _responsive(conf: SiteMediaSettings, base) -> Responsive:
    """The recipe of the responsive copies of a page's image (``base``: MediaSettings)."""
    return Responsive(
        widths=conf.widths,
        webp_quality=min(base.webp_quality, 80),
        jpeg_quality=conf.jpeg_quality,
        png_compress_level=base.png_compress_level,
    )


def prefetch_photos(generator) -> None:
    """generator_init, once per build, before any content is read: the JPEG photos of the
    static folders go into the background at once, through the recipe a page's image gets,
    so that both cores work while the content is read (which images the pages show is known
    only after). :func:`plan_and_run` drops those no page asks for and not yet started."""
    context, settings = generator.context, generator.settings
    if PREFETCHED in context or not plugin_enabled(settings, NAME):
        return
    context[PREFETCHED] = True
    import media  # noqa: PLC0415 — the package, loaded by Pelican before this runs

    pipeline = media.pipeline_for(context)
    if pipeline.settings.check_only or pipeline.settings.workers < 2:
        return
    recipe = _responsive(SiteMediaSettings.from_pelican(settings), pipeline.settings)
    root = os.path.realpath(generator.path)
    for folder in settings.get("STATIC_PATHS") or ():
        top = os.path.join(root, folder)
        if os.path.islink(top) or not os.path.isdir(top):
            continue
        for parent, folders, files in os.walk(top):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(files):
                path = os.path.join(parent, name)
                if name.lower().endswith(JPEG) and not os.path.islink(path):
                    pipeline.prefetch(path, recipe)
    pipeline.run(background=True)


class _Planner:
    def __init__(self, static_generator):
        import media  # noqa: PLC0415 — the package, loaded by Pelican before this runs

        self.context = static_generator.context
        self.settings = static_generator.settings
        self.content_root = static_generator.path
        self.conf = SiteMediaSettings.from_pelican(self.settings)
        self.pipeline = media.pipeline_for(self.context)
        self.problem = _reporter(self.context)
        base = self.pipeline.settings
        self.responsive = _responsive(self.conf, base)
        self.for_cards = dataclasses.replace(
            self.responsive, widths=self.conf.card_widths, crop=self.conf.card_proportion
        )
        self.clean = Clean(png_compress_level=base.png_compress_level)
        self.sized: dict[str, Ticket] = {}
        self.card_sized: dict[str, Ticket] = {}
        self.reported: set[tuple[str, str]] = set()  # (page, image) whose error was reported

    def size(self, path: str) -> Ticket:
        """Plan the responsive copies of the content image at ``path``."""
        return self._plan(self.sized, self.responsive, path, "")

    def size_for_cards(self, path: str) -> Ticket:
        """Plan the copies of the lead image at ``path`` that cards show. A picture already
        in the cards' shape is not cut and copied again: the cards show its own copies, up
        to the widest card width (see :meth:`rewrite`)."""
        if path not in self.card_sized and self._card_shaped(path):
            self.card_sized[path] = self.size(path)
        return self._plan(self.card_sized, self.for_cards, path, "-card")

    def _card_shaped(self, path: str) -> bool:
        proportion = self.conf.card_proportion
        if not proportion:
            return True
        size = images.upright_size(os.path.join(self.content_root, path))
        return size is not None and images.proportion_box(size, proportion) == (0, 0, *size)

    def _plan(self, tickets: dict, recipe, path: str, suffix: str) -> Ticket:
        ticket = tickets.get(path)
        if ticket is None:
            stem = os.path.splitext(os.path.basename(path))[0] + suffix
            source = os.path.join(self.content_root, path)
            ticket = tickets[path] = self.pipeline.submit(source, recipe, self.conf.output, stem)
        return ticket

    def take_static_images(self, static_generator) -> list[tuple[object, Ticket]]:
        taken = []
        for static in list(static_generator.staticfiles):
            lower = static.source_path.lower()
            if lower.endswith(UNCLEANABLE_IMAGE_TYPES):
                static_generator.staticfiles.remove(static)
                self.problem(
                    static.get_relative_source_path(),
                    "file",
                    "is an image format that cannot be checked for hidden metadata, "
                    "so it is not published",
                    "save it as JPEG, PNG or WebP",
                )
            elif lower.endswith((*html_content.RASTER, ".svg")):
                static_generator.staticfiles.remove(static)
                ticket = self.pipeline.submit(
                    static.source_path, self.clean, "", "original", save_as=static.save_as
                )
                taken.append((static, ticket))
        return taken

    def plan_pages(self) -> list:
        planned = []
        for kind, item in _contents(self.context):
            source = item.get_relative_source_path() or ""
            text = getattr(item, "_content", None) or ""
            found = html_content.find_images(text, os.path.dirname(source), self.content_root)
            for image in found:
                if not image.alt:
                    self.problem(
                        source,
                        "image",
                        f'"{html_content.html.unescape(image.src)}" has no alt text',
                        "write what the image shows between the brackets: "
                        "![Sisters lighting candles at the vigil](…)",
                    )
                if image.path:
                    self.size(image.path)
            lead = getattr(item, "image", None)
            if isinstance(lead, str) and lead.lower().endswith(html_content.RASTER):
                self.size(lead)
                self.size_for_cards(lead)
            else:
                lead = None
            if found or lead:
                planned.append((kind, item, source, found, lead))
        return planned

    def report(self, planned, taken) -> None:
        self._report_pages(planned)
        for static, ticket in taken:
            if ticket.error is not None:
                self.problem(
                    static.get_relative_source_path(),
                    "file",
                    f"{ticket.error.message}; it is not published",
                    ticket.error.fix,
                )
            elif ticket.notes:
                logger.info(
                    "%s: removed %s", static.get_relative_source_path(), ", ".join(ticket.notes)
                )

    def _report_pages(self, planned) -> None:
        """Report each image of a page that failed and was not reported yet."""
        for _kind, _item, source, found, lead in planned:
            paths = [image.path for image in found if image.path] + ([lead] if lead else [])
            for path in dict.fromkeys(paths):
                tickets = (self.sized[path], self.card_sized.get(path))
                error = next((t.error for t in tickets if t is not None and t.error), None)
                if error is not None and (source, path) not in self.reported:
                    self.reported.add((source, path))
                    field = "image" if path == lead else "content"
                    self.problem(source, field, f'"{path}" {error.message}', error.fix)

    def report_late(self, planned, drawings) -> None:
        """After :meth:`media.Pipeline.wait`: the images that failed in the background."""
        self._report_pages(planned)
        for ticket in drawings:
            if ticket.error is not None:  # drawn from settings and text: the kit's fault
                error = ticket.error
                logger.error("media: %s: %s — %s", ticket.name, error.message, error.fix)

    def rewrite(self, planned) -> None:
        sizes = self.conf.sizes
        pictures = {
            path: html_content.picture_from(ticket, "", sizes)
            for path, ticket in self.sized.items()
        }
        card_sizes = self.conf.card_sizes
        for kind, item, _source, found, lead in planned:
            lead_html = ""
            if lead and pictures.get(lead) is not None:
                base = pictures[lead]
                alt = social.plain(getattr(item, "image_alt", None) or "")
                shown = self.conf.artwork_sizes if kind in social.VISUAL_KINDS else sizes
                picture = html_content.Picture(base.webp, base.fallback, alt, shown)
                item.lead_picture = picture
                item.card_picture = html_content.picture_from(
                    self.card_sized[lead], alt, card_sizes, widest=max(self.conf.card_widths)
                )
                if kind in self.conf.lead_in_content:
                    lead_html = (
                        '<figure class="lead-image">'
                        f"{picture.html(html_content.ROOT, lazy=False)}</figure>\n"
                    )
            text = html_content.rewrite(item._content, found, pictures, lead_html)
            if text != item._content:
                html_content.install(item, text)


def plan_and_run(static_generator) -> None:
    """static_generator_finalized: plan every image of the build, run, rewrite, attach."""
    if not plugin_enabled(static_generator.settings, NAME):
        return
    planner = _Planner(static_generator)
    taken = planner.take_static_images(static_generator)
    planned = planner.plan_pages()
    conf, context, settings = planner.conf, planner.context, planner.settings
    drawn = not planner.pipeline.settings.check_only  # a check-only run draws nothing
    cards = (
        social.plan_cards(context, settings, planner.pipeline, conf)
        if drawn and conf.share_cards
        else []
    )
    posters = (
        social.plan_posters(context, settings, planner.pipeline, conf)
        if drawn and conf.posters
        else []
    )
    planner.pipeline.run(background=True)
    planner.pipeline.drop_unclaimed()
    planner.report(planned, taken)
    planner.rewrite(planned)
    social.attach_cards(context, cards, conf.artwork_sizes)
    social.attach_posters(posters)
    drawings = [ticket for *_, ticket in cards + posters]
    context[PLANNED] = (planner, planned, drawings)


class MediaGenerator(Generator):
    """Writes every file the pipeline made (unless another plugin already did), once the
    background work is done: it runs after every other generator but the sitemap's."""

    def generate_context(self):
        """Nothing to read: the images are planned when the static files are known."""

    def generate_output(self, writer):
        pipeline = self.context.get("media_pipeline")
        if pipeline is None:
            return
        pipeline.wait()
        if PLANNED in self.context:
            planner, planned, drawings = self.context[PLANNED]
            planner.report_late(planned, drawings)
        pipeline.write(writer)


def write_late(generators) -> None:
    """all_generators_finalized: move the media generator to the end, so that the pages
    are written while the background work goes on (the sitemap moves itself after it)."""
    for generator in [g for g in generators if isinstance(g, MediaGenerator)]:
        generators.remove(generator)
        generators.append(generator)


def get_generators(pelican):
    return MediaGenerator if plugin_enabled(pelican.settings, NAME) else None


def register():
    try:
        from records.signals import records_ready  # noqa: PLC0415
    except ImportError:  # a site without the records core: errors are logged as warnings
        pass
    else:
        records_ready.connect(remember_records_generator)
    signals.generator_init.connect(prefetch_photos)
    signals.static_generator_finalized.connect(plan_and_run)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(write_late)

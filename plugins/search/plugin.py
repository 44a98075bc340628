"""Wires the search plugin into the records core and Pelican. No state lives here."""

import logging
import os
import time

from jinja2 import pass_context
from pelican import signals

from records import current_language, output_file, plugin_enabled
from records import signals as records_signals

from .catalog import KEY, Catalog
from .indexer import build_index, load_parts, page_folder, save_parts
from .pages import SearchGenerator
from .settings import BUNDLE, read

logger = logging.getLogger(__name__)

PARTS_FILE = "search-parts-{output}.pickle"  # the index's parts, for the next build (indexer)


def collect(generator, store):
    """records_ready, once per language: the articles, pages and records with a page that
    this language shows, for the search page and for the pages' own search data."""
    context, settings = generator.context, generator.settings
    catalog = context.get(KEY)
    if not isinstance(catalog, Catalog):
        catalog = context[KEY] = Catalog()  # a new context, so a new catalog, every build
    items = [*context.get("articles", []), *context.get("pages", [])]
    for record_type in store.types.values():
        if record_type.template:
            items += store.all(record_type.name)
    catalog.add_language(current_language(settings).code, items)
    context["search_url"] = read(settings).url


def install_template_helpers(generator):
    """generator_init: ``search_entry(item)``, the search data of the page of ``item`` (None
    when the page is not indexed, or when the site builds no index)."""
    env = getattr(generator, "env", None)
    if env is None or not plugin_enabled(generator.settings, "search"):
        return
    enabled = read(generator.settings).enabled

    @pass_context
    def search_entry(context, item):
        catalog = context.get(KEY)
        if not enabled or item is None or not isinstance(catalog, Catalog):
            return None
        return catalog.entry(item)

    env.globals["search_entry"] = search_entry


def index_site(pelican, output, context):
    """site_written: Pagefind over the written site, before it is swapped into place."""
    conf = read(pelican.settings)
    catalog = context.get(KEY)
    if not conf.enabled:
        return
    if not isinstance(catalog, Catalog) or not catalog.indexes_anything():
        logger.info("search: no page to index, so no search index")
        return
    started = time.perf_counter()
    published = os.path.abspath(pelican.settings["OUTPUT_PATH"])
    record = output_file(pelican.settings, PARTS_FILE)
    earlier = load_parts(record, conf) if published != os.path.abspath(output) else []
    planned = catalog.parts(conf.part_pages)
    parts, kept = build_index(output, conf, planned, (published, earlier), page_folder(published))
    save_parts(record, conf, parts)
    logger.info(
        "search: Pagefind indexed %d pages in %.1f s, in %d part%s (%d kept unchanged)",
        catalog.indexed_count(),
        time.perf_counter() - started,
        len(parts),
        "s" * (len(parts) > 1),
        kept,
    )


def search_page_needs(settings):
    """records.signals.page_policies: what the search page's own policy adds to the site's
    (Pagefind's folder, WebAssembly), for the security headers."""
    conf = read(settings)
    if plugin_enabled(settings, "search") and conf.enabled and conf.save_as:
        return {"scripts": (f"{BUNDLE}/",), "wasm": True}
    return None


def add_generator(pelican):
    return SearchGenerator if plugin_enabled(pelican.settings, "search") else None


def register():
    records_signals.records_ready.connect(collect)
    records_signals.site_written.connect(index_site)
    records_signals.page_policies.connect(search_page_needs)
    signals.generator_init.connect(install_template_helpers)
    signals.get_generators.connect(add_generator)

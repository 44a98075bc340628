"""The search page, once per language: the search field (where there is an index) and the
A–Z index of every page that language's search finds; on a large site, a page per letter."""

from dataclasses import replace

from pelican.generators import Generator

from records import current_language
from records.security import content_security_policy

from .catalog import KEY
from .settings import BUNDLE, read


def search_policy(settings: dict) -> str:
    """The search page's own Content-Security-Policy: the site's, with Pagefind's folder in
    ``script-src`` (its module and web worker) and ``'wasm-unsafe-eval'`` (its WebAssembly).
    Every other page keeps the site's policy."""
    return content_security_policy(settings, scripts=(f"{BUNDLE}/",), wasm=True)


class SearchGenerator(Generator):
    """Writes only; what the page lists was gathered on ``records_ready`` (plugin.collect)."""

    per_language = True  # a search page in every language (records.passes)

    def generate_output(self, writer):
        conf = read(self.settings)
        catalog = self.context.get(KEY)
        if not conf.save_as or catalog is None:
            return
        indexed = conf.enabled and catalog.indexes_anything()
        extra = {"content_security_policy": search_policy(self.settings)} if indexed else {}
        page = catalog.page(current_language(self.settings).code, conf.az_max)
        if page.split:  # each letter's page, under the search page's address
            groups = [
                replace(g, url=f"{conf.url}{g.anchor}/", save_as=f"{conf.url}{g.anchor}/index.html")
                for g in page.groups
            ]
            page = replace(page, groups=groups)
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file(
            conf.save_as,
            self.get_template("search"),
            self.context,
            relative_urls=relative,
            url=conf.url,
            search=page,
            search_index=f"{BUNDLE}/" if indexed else None,
            search_parts=catalog.parts(conf.part_pages),
            **extra,
        )
        if page.split:
            template = self.get_template("search_letter")
            for group in page.groups:
                writer.write_file(
                    group.save_as,
                    template,
                    self.context,
                    relative_urls=relative,
                    url=group.url,
                    search=page,
                    group=group,
                )

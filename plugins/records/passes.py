"""Every language of the site in one build: a pass per language over the same records.

Pelican reads every file once; the kit then shows that content once per language. For each of
the site's languages a :class:`LanguagePass` holds what differs: the language itself, the
prefix of its pages (``fr/``), Pelican's list pages and feeds moved under that prefix, the
news posts, pages and records as that language shows them (translations, or originals marked
untranslated, or nothing, by ``UNTRANSLATED_CONTENT``), their categories, tags and authors,
and whatever the plugins derive from them on ``records_ready``, which the core sends once per
language with that language's :class:`~records.store.LanguageView` of the records.

When writing, :func:`install` makes every page-writing generator run once per language with
that pass applied: settings, context and the generator's own lists are swapped in, and put
back after. Before writing for real, each generator is run once per language against a
writer that only notes the pages it would write: so each page can link to the same page in
every other language where it exists (the language switcher, ``hreflang``), and to that
language's home where it does not. A plugin's own pages follow the language prefix through
:func:`page_path`.
"""

import contextlib
from dataclasses import dataclass, field

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.utils import order_content

from .addresses import remembered_addresses
from .languages import Language, language, path_prefix, site_languages
from .settings import get as setting

# The key under which a pass puts its prefix into the settings, for plugins' page paths.
PREFIX_KEY = "LANGUAGE_PREFIX"
LANGUAGE_KEY = "LANGUAGE"
_MISSING = object()

PELICAN_LIST_PAGES = (
    "INDEX", "ARCHIVES", "AUTHORS", "CATEGORIES", "TAGS", "AUTHOR", "CATEGORY", "TAG",
    "YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE",
)  # fmt: skip
PELICAN_FEEDS = (
    "FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS", "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS", "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TAG_FEED_ATOM", "TAG_FEED_RSS",
)  # fmt: skip


def page_path(settings: dict, path: str) -> str:
    """``path`` (a plugin's page, ``events/``) in the language being written: ``fr/events/``.
    Empty stays empty (a page a site switched off)."""
    return settings.get(PREFIX_KEY, "") + path if path else path


def current_language(settings: dict) -> Language:
    """The language being written or derived (the default one outside a pass)."""
    return settings.get(LANGUAGE_KEY) or language(settings)


def in_default_language(settings: dict) -> bool:
    """Whether the pass being written is the default language's, where files that no
    language owns (a stylesheet, logos) are written once."""
    language = settings.get(LANGUAGE_KEY)
    return language is None or language.code == (settings.get("DEFAULT_LANG") or "en")


def pelican_paths(settings: dict, prefix: str, default: bool = False) -> dict:
    """Pelican's own list pages and feeds, under ``prefix``. The default language's 404 page
    stays at the root, where static hosts look for it."""
    found = {}
    for name in PELICAN_LIST_PAGES:
        for suffix in ("_URL", "_SAVE_AS"):
            value = settings.get(name + suffix)
            if value:
                found[name + suffix] = prefix + value
    for template in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if not save_as:
            continue
        here = "" if default and template == "404" else prefix
        found[f"{template.upper()}_SAVE_AS"] = here + save_as
        url = settings.get(f"{template.upper()}_URL", save_as.removesuffix("index.html"))
        found[f"{template.upper()}_URL"] = here + url
    for feed in PELICAN_FEEDS:
        for key in (feed, feed + "_URL"):
            if settings.get(key):
                found[key] = prefix + settings[key]
    found["TRANSLATION_FEED_ATOM"] = found["TRANSLATION_FEED_RSS"] = None
    return found


@dataclass
class LanguagePass:
    language: Language
    prefix: str
    settings: dict = field(default_factory=dict)
    context: dict = field(default_factory=dict)
    state: dict = field(default_factory=dict)  # generator class -> its attributes

    @contextlib.contextmanager
    def applied(self, settings: dict, context: dict, generator=None):
        """Settings, context and ``generator``'s lists as this language has them, put back
        as they were afterwards."""
        attributes = next(
            (values for kind, values in self.state.items() if isinstance(generator, kind)), {}
        )
        saved = [
            (target, {key: target.get(key, _MISSING) for key in values})
            for target, values in ((settings, self.settings), (context, self.context))
        ]
        kept = {name: getattr(generator, name, _MISSING) for name in attributes}
        settings.update(self.settings)
        context.update(self.context)
        for name, value in attributes.items():
            setattr(generator, name, value)
        try:
            yield self
        finally:
            for target, values in saved:
                for key, value in values.items():
                    if value is _MISSING:
                        target.pop(key, None)
                    else:
                        target[key] = value
            for name, value in kept.items():
                if value is _MISSING:
                    delattr(generator, name)
                else:
                    setattr(generator, name, value)


def make_passes(settings: dict) -> list[LanguagePass]:
    passes = []
    for each in site_languages(settings):
        prefix = path_prefix(each.code, settings)
        default = each.code == (settings.get("DEFAULT_LANG") or "en")
        overrides = {
            **pelican_paths(settings, prefix, default),
            PREFIX_KEY: prefix,
            LANGUAGE_KEY: each,
            "SITENAME": each.sitename or settings.get("SITENAME"),
            "SITE_DESCRIPTION": each.description or settings.get("SITE_DESCRIPTION"),
        }
        passes.append(LanguagePass(each, prefix, settings=overrides, context=dict(overrides)))
    return passes


def show_untranslated(settings: dict) -> bool:
    return setting(settings, "UNTRANSLATED_CONTENT") == "show"


class Members(list):
    """The articles of one category, tag or author: a list whose ``in`` is one lookup.

    Pelican's ``generate_tags`` (and its categories' and authors') asks, for each tag, whether
    each post of the site is among the tag's: with plain lists, tags × posts × posts per tag
    comparisons, a twentieth of a one-post edit's build at 4,000 posts (py-spy). A content
    object is equal only to itself (Pelican's ``Content`` has no ``__eq__``), so membership is
    by identity, as the list's own would be.
    """

    def __contains__(self, item) -> bool:
        known = self.__dict__.get("_known")
        if known is None or known[0] != len(self):
            known = self._known = (len(self), {id(member) for member in self})
        return id(item) in known[1]


def taxonomies(articles: list) -> dict:
    """The categories, tags and authors of ``articles``, as Pelican lays them out."""
    categories, tags, authors = {}, {}, {}
    for article in articles:
        if getattr(article, "category", None):
            categories.setdefault(article.category, Members()).append(article)
        for tag in getattr(article, "tags", None) or ():
            tags.setdefault(tag, Members()).append(article)
        for author in getattr(article, "authors", None) or ():
            authors.setdefault(author, Members()).append(article)
    return {
        "categories": sorted(categories.items()),
        "tags": tags,
        "authors": sorted(authors.items()),
    }


def pelican_lists(pass_: LanguagePass, groups: dict, settings: dict, localise) -> None:
    """Pelican's lists of articles and pages as ``pass_``'s language shows them, into the
    pass's context and the article and page generators' state. ``groups`` maps "articles" and
    "pages" to lists of {lang: item} with the source under None; ``localise(item, lang)`` gives
    an untranslated item's stand-in in ``lang``."""
    lang = pass_.language.code
    listed_statuses = ("published", "draft") if setting(settings, "SHOW_DRAFTS") else ("published",)
    found = {}
    for kind, entries in groups.items():
        listed, hidden = [], []
        for group in entries:
            item = group.get(lang)
            if item is None and show_untranslated(settings):
                source = group[None]
                item = localise(source, lang) if source.lang != lang else source
            if item is None:
                continue
            if item.status in listed_statuses:
                listed.append(item)
            elif item.status == "hidden":
                hidden.append(item)
        order = settings["ARTICLE_ORDER_BY" if kind == "articles" else "PAGE_ORDER_BY"]
        found[kind] = order_content(listed, order)
        found[f"hidden_{kind}"] = order_content(hidden, order)
    articles = found["articles"]
    dates = sorted(articles, key=lambda a: a.date, reverse=settings["NEWEST_FIRST_ARCHIVES"])
    lists = taxonomies(articles)
    pass_.context.update(found, dates=dates, **{**lists, "tags": list(lists["tags"].items())})
    pass_.state[ArticlesGenerator] = {
        "articles": articles,
        "dates": dates,
        "hidden_articles": found["hidden_articles"],
        "translations": [],
        "hidden_translations": [],
        "drafts": [],
        "drafts_translations": [],
        **lists,
    }
    pass_.state[PagesGenerator] = {
        "pages": found["pages"],
        "hidden_pages": found["hidden_pages"],
        "translations": [],
        "hidden_translations": [],
        "draft_pages": [],
        "draft_translations": [],
    }


def install(generators, passes: list[LanguagePass]) -> None:
    """Make Pelican's article and page generators, and every generator whose class says
    ``per_language = True`` (the kit's own), write once per language (see the module
    docstring). Any other generator (Pelican's static files, another plugin's) writes once,
    as the default language."""
    for generator in generators:
        per_language = getattr(generator, "per_language", False) or isinstance(
            generator, ArticlesGenerator | PagesGenerator
        )
        generator.generate_output = (
            _per_language(generator, generator.generate_output, passes)
            if per_language
            else _per_language(generator, generator.generate_output, passes[:1], runs=(False,))
        )


def _per_language(generator, write_once, passes: list[LanguagePass], runs=(True, False)):
    """``generate_output`` for each pass: first dry (only noting the pages), then for real."""

    def generate_output(writer):
        if not hasattr(writer, "language_pass"):  # a site without the kit's writer
            return write_once(writer)
        for dry in runs:
            for pass_ in passes:
                with (
                    pass_.applied(generator.settings, generator.context, generator),
                    writer.language_pass(pass_.language, pass_.prefix, dry),
                    remembered_addresses(),
                ):
                    write_once(writer)
        return None

    return generate_output

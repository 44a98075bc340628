"""Wires the records core into Pelican's signals. No state lives here between builds."""

import os
import time

from pelican import signals
from pelican.log import console

from . import cache, collector, freshness, passes
from . import settings as records_settings
from . import signals as signals_
from .build import Build
from .generator import PASSES_KEY, RecordsGenerator, site_receivers
from .headers import write_security_headers
from .issues import QuietContentError
from .languages import LanguageSettingError, site_languages
from .markdown import use_kit_reader
from .pelican_content import connect as check_pelican_content_as_read
from .settings import plugin_enabled, plugin_names
from .site import site_organization
from .static import refuse_unsafe_files
from .templating import install as install_template_helpers
from .today import build_now
from .writer import Writer, reserved_paths


def start_build(pelican):
    """Sent at the start of every run: a fresh Build, and a generator class bound to it."""
    previous = getattr(pelican, "records_build", None)
    if previous is not None:
        previous.abandon()  # a run that crashed never reached `finalized`
    build = Build(pelican)
    build.inputs = getattr(pelican, "records_inputs", None)
    pelican.records_inputs = None
    build.start()
    pelican.records_build = build
    return type("RecordsGenerator", (RecordsGenerator,), {"build": build})


def stop_before_writing(generators):
    """Every context is built: stop a strict build with errors, or note the paths that
    Pelican's static generator will copy, for the writer made next, and make every
    page-writing generator write once per language."""
    for generator in generators:
        if isinstance(generator, RecordsGenerator):
            generator.build.stop_if_strict()
            generator.build.reserved = reserved_paths(generator.context, generator.settings)
            passes.install(generators, generator.context[PASSES_KEY])
            collector.freeze()  # what was read stays to the end: collections skip it


def align_settings(pelican):
    """initialized: the settings the kit's languages rely on (docs/maintainers.md).

    Pelican pairs translations by ``*_TRANSLATION_ID``: the kit pairs them by file name (see
    records.translations), through the ``translation_key`` each file is given as it is read.
    A translation's page is its original's under the language's prefix, whatever the site's
    ``*_LANG_URL`` said; with ``DEFAULT_LANG_PREFIXED`` the default language's too.
    """
    settings = pelican.settings
    if not plugin_enabled(settings, "records"):
        return
    site_languages(settings)  # a wrong LANGUAGES stops the build here, with one line
    site_organization(settings)  # so does a wrong ORGANIZATION
    plugins = {name: __import__(name).__file__ for name in plugin_names(settings)}
    cache.separate(settings, sorted({os.path.dirname(path) for path in plugins.values()}))
    if records_settings.get(settings, "UNTRANSLATED_CONTENT") not in ("show", "hide"):
        raise LanguageSettingError('UNTRANSLATED_CONTENT: write "show" or "hide"')
    settings["ARTICLE_TRANSLATION_ID"] = settings["PAGE_TRANSLATION_ID"] = "translation_key"
    prefix = "{lang}/" if records_settings.get(settings, "DEFAULT_LANG_PREFIXED") else ""
    drafts = records_settings.get(settings, "SHOW_DRAFTS")
    for kind, draft in (("ARTICLE", "DRAFT"), ("PAGE", "DRAFT_PAGE")):
        for suffix in ("URL", "SAVE_AS"):
            neutral = (settings.get(f"{kind}_{suffix}") or "").removeprefix("{lang}/")
            settings[f"{kind}_LANG_{suffix}"] = "{lang}/" + neutral if neutral else ""
            settings[f"{kind}_{suffix}"] = prefix + neutral if neutral else ""
            # A draft is previewed at the address it will have once published, or not at all.
            settings[f"{draft}_LANG_{suffix}"] = settings[f"{kind}_LANG_{suffix}"] if drafts else ""
            settings[f"{draft}_{suffix}"] = settings[f"{kind}_{suffix}"] if drafts else ""


def skip_when_up_to_date(pelican):
    """initialized: each run of this Pelican (livereload runs many) first checks whether the
    last clean build's output is what it would write (records.freshness), and stops there if
    so. Pelican has no signal that can end a run before it reads: its instance's ``run`` is
    wrapped, the one place every caller (the command, livereload, tests) goes through."""
    settings = pelican.settings
    if not plugin_enabled(settings, "records"):
        return
    run = pelican.run

    def run_unless_up_to_date():
        started = time.perf_counter()
        collector.start()
        inputs = freshness.inputs_digest(settings)
        if not records_settings.get(settings, "RECORDS_CHECK_ONLY") and freshness.up_to_date(
            settings, inputs, build_now()
        ):
            console.print(
                f"Done: nothing changed since the last build, {settings['OUTPUT_PATH']} is up "
                f"to date ({time.perf_counter() - started:.2f} seconds)."
            )
            return None
        pelican.records_inputs = inputs
        return run()

    pelican.run = run_unless_up_to_date


def make_writer(pelican):
    """get_writer: the records core's writer, that every file of the build goes through."""
    if not plugin_enabled(pelican.settings, "records"):
        return None
    build = pelican.records_build
    return type("Writer", (Writer,), {"reserved": tuple(build.reserved), "build": build})


def finish_build(pelican):
    """finalized: the files written once every other is known (the security headers); the
    site's plugins work over the whole site (``site_written``); then it is swapped in."""
    build = pelican.records_build
    pelican.records_build = None
    if build.writer is not None:
        write_security_headers(build.writer, pelican.settings)

    def written(output: str) -> None:
        for receiver in site_receivers(signals_.site_written, pelican, pelican.settings):
            receiver(pelican, output=output, context=build.context)

    build.finish(written)
    collector.freeze()  # the process ends, or livereload's next build unfreezes it first


def register():
    QuietContentError.install()
    signals.initialized.connect(align_settings)
    signals.initialized.connect(skip_when_up_to_date)
    signals.readers_init.connect(use_kit_reader)
    check_pelican_content_as_read()
    signals.generator_init.connect(cache.no_stamps_without_cache)
    signals.static_generator_finalized.connect(refuse_unsafe_files)
    signals.generator_init.connect(install_template_helpers)
    signals.get_generators.connect(start_build)
    signals.all_generators_finalized.connect(stop_before_writing)
    signals.get_writer.connect(make_writer)
    signals.finalized.connect(finish_build)

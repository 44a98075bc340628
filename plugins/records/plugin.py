"""Wires the records core into Pelican's signals. No state lives here between builds."""

from pelican import signals

from .build import Build
from .generator import RecordsGenerator
from .issues import QuietContentError
from .markdown import use_kit_reader
from .pelican_content import connect as check_pelican_content_as_read
from .settings import plugin_enabled
from .static import refuse_unsafe_files
from .templating import install as install_template_helpers
from .writer import Writer, reserved_paths


def start_build(pelican):
    """Sent at the start of every run: a fresh Build, and a generator class bound to it."""
    previous = getattr(pelican, "records_build", None)
    if previous is not None:
        previous.abandon()  # a run that crashed never reached `finalized`
    build = Build(pelican)
    build.start()
    pelican.records_build = build
    return type("RecordsGenerator", (RecordsGenerator,), {"build": build})


def stop_before_writing(generators):
    """Every context is built: stop a strict build with errors, or note the paths that
    Pelican's static generator will copy, for the writer made next."""
    for generator in generators:
        if isinstance(generator, RecordsGenerator):
            generator.build.stop_if_strict()
            generator.build.reserved = reserved_paths(generator.context, generator.settings)


def make_writer(pelican):
    """get_writer: the records core's writer, that every file of the build goes through."""
    if not plugin_enabled(pelican.settings, "records"):
        return None
    return type("Writer", (Writer,), {"reserved": tuple(pelican.records_build.reserved)})


def finish_build(pelican):
    build = pelican.records_build
    pelican.records_build = None
    build.finish()


def register():
    QuietContentError.install()
    signals.readers_init.connect(use_kit_reader)
    check_pelican_content_as_read()
    signals.static_generator_finalized.connect(refuse_unsafe_files)
    signals.generator_init.connect(install_template_helpers)
    signals.get_generators.connect(start_build)
    signals.all_generators_finalized.connect(stop_before_writing)
    signals.get_writer.connect(make_writer)
    signals.finalized.connect(finish_build)

"""What every generator's Jinja environment gets from the core: autoescaping, the only two
filters that mark a value as HTML, the ``json_ld``, ``breadcrumb_list`` and ``hreflang_links``
filters, the ``content_security_policy`` global, and a bytecode cache.

Every ``{{ value }}`` in a template is escaped for where it lands: whatever an editor wrote
(a title, a place, a hashtag, an alt text) reaches the page as text. The one kind of value that
is HTML is rendered Markdown, and it was cleaned when it was read (:mod:`records.sanitise`);
templates print it with ``{{ article|body_html }}`` and ``{{ article|summary_html }}``, which
take the content object itself, never a string, so no other value can be passed off as HTML.
"""

import hashlib
import json
import os

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup
from pelican.contents import Content

from .reads import ReadingContext
from .security import content_security_policy
from .trail import breadcrumb_list
from .writer import hreflang_links


def json_ld(data: dict) -> Markup:
    """A schema.org JSON-LD block built from data, never by string concatenation.

    ``<``, ``>`` and ``&`` are escaped inside the JSON so that no value can close the script
    element early.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _content_object(value, filter_name: str) -> Content:
    if not isinstance(getattr(value, "original", value), Content):
        raise TypeError(
            f"{filter_name} takes an article, page or record, not {type(value).__name__}: "
            "only rendered Markdown, cleaned as it was read, is printed as HTML"
        )
    return value


def body_html(content) -> Markup:
    """``{{ article|body_html }}``: the body's HTML (rendered Markdown, cleaned when read)."""
    return Markup(_content_object(content, "body_html").content or "")


def summary_html(content) -> Markup:
    """``{{ article|summary_html }}``: the ``Summary`` (rendered and cleaned when read), or
    Pelican's opening words of the body."""
    return Markup(_content_object(content, "summary_html").summary or "")


def install(generator) -> None:
    env = generator.env
    env.autoescape = True
    env.context_class = ReadingContext  # notes the names a page reads (records.reads)
    env.filters.update(
        json_ld=json_ld,
        body_html=body_html,
        summary_html=summary_html,
        breadcrumb_list=breadcrumb_list,
        hreflang_links=hreflang_links,
    )
    # Checked here, as each generator is made and before any content is read: a bad
    # CSP_EXTRA stops the build at its start.
    env.globals["content_security_policy"] = content_security_policy(generator.settings)
    # Pelican compiles every template again in every build; Jinja's bytecode cache, keyed by
    # each template's source checksum, lets an unchanged template skip that. The source is not
    # all a compiled template depends on: the folder is named after the environment's options
    # (autoescaping above all), so a template is never run as compiled for other options.
    options = repr((env.autoescape, sorted(env.extensions), env.trim_blocks, env.lstrip_blocks))
    digest = hashlib.sha256(options.encode()).hexdigest()[:12]
    cache = os.path.join(generator.settings["CACHE_PATH"], f"jinja-{digest}")
    os.makedirs(cache, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(cache)

"""Template helpers every record plugin needs, installed on each generator's Jinja env
(the ``json_ld`` filter, the ``content_security_policy`` global), and the env's bytecode
cache."""

import json
import os

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup

from .security import content_security_policy


def json_ld(data: dict) -> Markup:
    """A schema.org JSON-LD block built from data, never by string concatenation.

    ``<``, ``>`` and ``&`` are escaped inside the JSON so that no value can close the script
    element early.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def install(generator) -> None:
    generator.env.filters["json_ld"] = json_ld
    # Checked here, as each generator is made and before any content is read: a bad
    # CSP_EXTRA stops the build at its start.
    generator.env.globals["content_security_policy"] = content_security_policy(generator.settings)
    # Pelican compiles every template again in every build; Jinja's bytecode cache, keyed by
    # each template's source checksum, lets an unchanged template skip that.
    cache = os.path.join(generator.settings["CACHE_PATH"], "jinja")
    os.makedirs(cache, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(cache)

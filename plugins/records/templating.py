"""Template helpers every record plugin needs, installed on each generator's Jinja env."""

import json

from markupsafe import Markup


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

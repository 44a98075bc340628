"""Settings read by the records core, with their defaults.

RECORDS_STRICT (False)
    True: any content error fails the build (exit code 1) and the previous output stays as it
    was. False: a bad record is skipped with a warning. ``publishconf.py`` sets True.
RECORDS_STAGE_OUTPUT (True)
    Build into a sibling folder and swap it into place only when the build succeeded.
CSP_EXTRA ({})
    Sources a site adds to directives of the Content-Security-Policy: see ``security.py``.
"""

DEFAULTS = {
    "RECORDS_STRICT": False,
    "RECORDS_STAGE_OUTPUT": True,
    "CSP_EXTRA": {},
}


def get(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])

"""Settings read by the partners plugin, with their defaults, read once per build.

PARTNER_KINDS (("promoter", "coordinator", "partner", "member", "supporter"))
    The kinds a partner's ``Kind`` may name, in the order the directory shows them.
PARTNER_DEFAULT_KIND ("partner")
    The kind of a partner file without a ``Kind`` line.
PARTNER_LOGO_BOX ((240, 160))
    Width and height in CSS pixels of the box every logo is fitted into (never stretched).
PARTNER_LOGO_AREA (0.36)
    The share of the box's area every logo covers, whatever its shape, so that a wide
    wordmark, a square emblem and a tall crest weigh the same on a logo wall; 0 fills the
    box's width or height instead. With the 3:2 box, 0.36 is about what a 4:1 wordmark
    and a 1:2 crest can reach, so the box bounds all three alike.
PARTNER_LOGO_SCALES ((1, 2))
    Pixel densities written for raster logos (PNG and WebP each).
PARTNER_LOGO_MAX_UPSCALE (4)
    How many times its own size a small logo may be enlarged to fill the box.
PARTNER_LOGO_OUTPUT ("images/partners")
    Folder of the output where processed logos and monograms are written.
PARTNER_URL, PARTNER_SAVE_AS ("partners/{slug}/", "partners/{slug}/index.html")
    A partner's own page (the records core reads these; a translation's
    page is the same under its language's prefix).
PARTNERS_INDEX_URL, PARTNERS_INDEX_SAVE_AS ("partners/", "partners/index.html")
    The directory, grouped by kind then country. An empty SAVE_AS writes no directory.
PARTNERS_COUNTRIES_URL, PARTNERS_COUNTRIES_SAVE_AS ("partners/countries/", …/index.html)
    The country index, with the number of partners in each country.
"""

from dataclasses import dataclass

from records.passes import page_path

DEFAULT_KINDS = ("promoter", "coordinator", "partner", "member", "supporter")


@dataclass(frozen=True)
class PartnerSettings:
    kinds: tuple[str, ...] = DEFAULT_KINDS
    default_kind: str = "partner"
    logo_box: tuple[int, int] = (240, 160)
    logo_area: float = 0.36
    logo_scales: tuple[int, ...] = (1, 2)
    logo_max_upscale: float = 4.0
    logo_output: str = "images/partners"
    index_url: str = "partners/"
    index_save_as: str = "partners/index.html"
    countries_url: str = "partners/countries/"
    countries_save_as: str = "partners/countries/index.html"

    @classmethod
    def from_pelican(cls, settings: dict) -> "PartnerSettings":
        kinds = tuple(k.strip().lower() for k in settings.get("PARTNER_KINDS") or DEFAULT_KINDS)
        default_kind = settings.get("PARTNER_DEFAULT_KIND", "partner")
        if default_kind not in kinds:
            default_kind = kinds[0]
        width, height = settings.get("PARTNER_LOGO_BOX") or cls.logo_box
        return cls(
            kinds=kinds,
            default_kind=default_kind,
            logo_box=(int(width), int(height)),
            logo_area=float(settings.get("PARTNER_LOGO_AREA", cls.logo_area) or 0),
            logo_scales=tuple(int(s) for s in settings.get("PARTNER_LOGO_SCALES") or (1, 2)),
            logo_max_upscale=float(settings.get("PARTNER_LOGO_MAX_UPSCALE") or 4.0),
            logo_output=(settings.get("PARTNER_LOGO_OUTPUT") or cls.logo_output).strip("/"),
            index_url=page_path(settings, settings.get("PARTNERS_INDEX_URL", cls.index_url)),
            index_save_as=page_path(
                settings, settings.get("PARTNERS_INDEX_SAVE_AS", cls.index_save_as)
            ),
            countries_url=page_path(
                settings, settings.get("PARTNERS_COUNTRIES_URL", cls.countries_url)
            ),
            countries_save_as=page_path(
                settings, settings.get("PARTNERS_COUNTRIES_SAVE_AS", cls.countries_save_as)
            ),
        )

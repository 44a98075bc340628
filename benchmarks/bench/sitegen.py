"""Generate a site in the content contract (docs/editors.md), for the benchmarks and tests.

``generate(content, size, languages)`` writes, for ``size`` = N: N news posts of 400 to 900
words (tags from a vocabulary, categories, some with Campaign, Edition, Partners, a lead
image or inline images, links to earlier posts); N/5 events (timed, all-day, multi-day, in
several time zones, some recurring weekly, monthly or yearly, some online) and each
campaign's online gathering of 2024 to 2026; N/20 partners (most with a PNG, JPEG or SVG logo
of its own size); 3 campaigns of 10 editions each (themes, partners, resources); a few pages;
N/4 photos (JPEG, 2000×1333 and other camera sizes, some with GPS EXIF). Every language
after the first gets translations (``x.fr.md`` beside ``x.md``) of every campaign, edition
and page, half the posts and a quarter of the events and partners. The same arguments
always give the same bytes. ``EDITS`` are the changes the benchmark rebuilds after.
"""

import io
import random
import re
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

SEED = 2026
# The kit's UI catalogs, in the order --languages takes them (1, 3 or 6 languages).
LANGUAGE_ORDER = ("en", "fr", "it", "es", "pt", "de")
LOCALES = {"en": "en_GB"}

# Per language: words for text and tags, the short words between them, the categories.
WORDS = {
    "en": (
        "community sisters network parish shelter survivors dignity prayer awareness "
        "trafficking exploitation migration workers children women families volunteers "
        "schools training partners campaign vigil hope justice rights safety listening "
        "support care project meeting region country Europe city church congregation report "
        "research law labour farms factories domestic online recruitment debt freedom "
        "protection housing employment language courses youth leaders people stories data "
        "year together local national international European safe practical new first "
        "careful quiet patient welcome"
    ),
    "fr": (
        "communauté sœurs réseau paroisse refuge survivantes dignité prière sensibilisation "
        "traite exploitation migration travailleurs enfants femmes familles bénévoles écoles "
        "formation partenaires campagne veillée espérance justice droits sécurité écoute "
        "soutien accompagnement projet rencontre région pays Europe ville église congrégation "
        "rapport recherche loi travail fermes usines domestique recrutement dette liberté "
        "protection logement emploi langue cours jeunes responsables personnes histoires "
        "données année ensemble locale nationale internationale européenne sûre pratique "
        "nouvelle première"
    ),
    "it": (
        "comunità suore rete parrocchia accoglienza sopravvissute dignità preghiera "
        "sensibilizzazione tratta sfruttamento migrazione lavoratori bambini donne famiglie "
        "volontari scuole formazione campagna veglia speranza giustizia diritti sicurezza "
        "ascolto sostegno cura progetto incontro regione paese Europa città chiesa "
        "congregazione rapporto ricerca legge lavoro campi fabbriche domestico reclutamento "
        "debito libertà protezione casa impiego lingua corsi giovani religiose persone storie "
        "dati anno insieme locale nazionale internazionale europea sicura pratica nuova prima"
    ),
    "es": (
        "comunidad hermanas red parroquia refugio sobrevivientes dignidad oración "
        "sensibilización trata explotación migración trabajadores niños mujeres familias "
        "voluntarios escuelas formación aliados campaña vigilia esperanza justicia derechos "
        "seguridad escucha apoyo cuidado proyecto encuentro región país Europa ciudad iglesia "
        "congregación informe investigación ley trabajo campos fábricas doméstico "
        "reclutamiento deuda libertad protección vivienda empleo idioma cursos jóvenes "
        "religiosas personas historias datos año juntos local nacional internacional europea "
        "segura práctica nueva primera"
    ),
    "pt": (
        "comunidade irmãs rede paróquia abrigo sobreviventes dignidade oração sensibilização "
        "tráfico exploração migração trabalhadores crianças mulheres famílias voluntários "
        "escolas formação parceiros campanha vigília esperança justiça direitos segurança "
        "escuta apoio cuidado projeto encontro região país Europa cidade igreja congregação "
        "relatório pesquisa lei trabalho quintas fábricas doméstico recrutamento dívida "
        "liberdade proteção habitação emprego língua cursos jovens religiosas pessoas "
        "histórias dados ano juntos local nacional internacional europeia segura prática nova "
        "primeira"
    ),
    "de": (
        "Gemeinschaft Schwestern Netzwerk Pfarrei Schutzhaus Überlebende Würde Gebet "
        "Bewusstsein Menschenhandel Ausbeutung Migration Arbeiter Kinder Frauen Familien "
        "Freiwillige Schulen Ausbildung Partner Kampagne Mahnwache Hoffnung Gerechtigkeit "
        "Rechte Sicherheit Zuhören Unterstützung Begleitung Projekt Treffen Region Land Europa "
        "Stadt Kirche Kongregation Bericht Forschung Gesetz Arbeit Höfe Fabriken häuslich "
        "Anwerbung Schulden Freiheit Schutz Wohnung Beschäftigung Sprache Kurse Jugendliche "
        "Ordensfrauen Menschen Geschichten Daten Jahr gemeinsam lokal national international "
        "europäisch sicher praktisch neu erste"
    ),
}
WORDS = {lang: text.split() for lang, text in WORDS.items()}
SMALL = {
    "en": "the the and of for with in to a on by",
    "fr": "le la les des et pour avec dans de sur une un",
    "it": "il la le dei e per con nel di su una un",
    "es": "el la los las y para con en de sobre una un",
    "pt": "o a os as e para com em de sobre uma um",
    "de": "der die das und für mit in von auf eine ein den",
}
SMALL = {lang: text.split() for lang, text in SMALL.items()}
CATEGORIES = {
    "en": ("News", "Campaigns", "Network"),
    "fr": ("Actualités", "Campagnes", "Réseau"),
    "it": ("Notizie", "Campagne", "Rete"),
    "es": ("Noticias", "Campañas", "Red"),
    "pt": ("Notícias", "Campanhas", "Rede"),
    "de": ("Nachrichten", "Kampagnen", "Netzwerk"),
}
TAGS = (
    "Day of Prayer", "survivors", "labour exploitation", "safe migration", "children",
    "online", "vigil", "advocacy", "training", "schools", "parishes", "shelters", "research",
    "domestic work", "agriculture", "recruitment", "Europe", "Africa", "Asia", "Latin America",
    "OSCE", "United Nations", "prayer marathon", "youth", "women religious", "hotlines",
    "supply chains", "debt bondage", "forced begging", "sexual exploitation",
)  # fmt: skip
TOPICS = (
    "Vigil for survivors", "Training for parish volunteers", "Report on labour exploitation",
    "A new shelter opens", "Schools learn about safe migration", "Network meeting",
    "Prayer marathon across time zones", "Listening to survivors", "Hotline volunteers meet",
    "Campaign week", "Sisters visit seasonal workers", "Youth pilgrimage against trafficking",
)  # fmt: skip
PLACES = (
    "Lisbon", "Rome", "Vienna", "Warsaw", "Manila", "Nairobi", "Bogotá", "Kraków", "Porto",
    "Lyon", "Dublin", "Vilnius", "Zagreb", "São Paulo", "Sydney", "Fátima", "Naples", "Riga",
)  # fmt: skip
AUTHORS = ("RENATE Editorial Team", "Sr Anna Kowalska", "Maria Rossi", "John Byrne", "Ana Silva")
ZONES = (
    "Europe/Rome", "Europe/Brussels", "Europe/Lisbon", "America/New_York", "America/Sao_Paulo",
    "Asia/Manila", "Australia/Sydney", "Africa/Nairobi", "UTC",
)  # fmt: skip
COUNTRIES = ("IT", "FR", "DE", "PT", "ES", "PL", "IE", "AT", "PH", "KE", "BR", "international")
KINDS = ("promoter", "coordinator", "partner", "member", "supporter")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# (id, title, day, time zone, colour, hashtag)
CAMPAIGNS = (
    ("day-of-prayer", "International Day of Prayer and Awareness against Human Trafficking",
     "02-08", "Europe/Rome", "#7a2e8e", "#PrayAgainstTrafficking"),
    ("world-day-against-trafficking", "World Day against Trafficking in Persons",
     "07-30", "America/New_York", "#0b5c8a", "#EndHumanTrafficking"),
    ("eu-anti-trafficking-day", "EU Anti-Trafficking Day",
     "10-18", "Europe/Brussels", "#9e3a12", "#EUAntiTraffickingDay"),
)  # fmt: skip
EDITION_YEARS = range(2017, 2027)
THEME_STARTS = (
    "Peace Begins with Dignity", "Ambassadors of Hope", "Walking in Dignity",
    "Listen, Dream, Act", "Freedom Has a Face", "Every Person Counts", "No One Left Behind",
    "Light in the Darkness", "An Economy without Trafficking", "Journeying Together",
)  # fmt: skip
THEME_ENDS = (
    "A Global Call to End Human Trafficking", "Together Against Human Trafficking",
    "Voices of Survivors", "Building Safe Paths", "Care for Every Life",
)  # fmt: skip
PHOTO_NAME = "photo-{:04d}.jpg"
# Camera sizes, most of them the usual 3:2 landscape.
PHOTO_SIZES = ((2000, 1333), (2000, 1333), (2000, 1333), (1333, 2000), (2400, 1600), (1600, 1200))
EVENT_FIRST_DAY = date(2024, 2, 1)  # the events fall in the window around SOURCE_DATE_EPOCH
EVENT_DAYS = 3 * 365
GATHERING_YEARS = (2024, 2025, 2026)  # editions with an online gathering among the events


@dataclass(frozen=True)
class Site:
    """What ``generate`` wrote: the counts, and the files the benchmark's edits change."""

    posts: int
    events: int
    partners: int
    editions: int
    photos: int
    translations: int
    files: int
    megabytes: float
    post: str  # paths inside content/
    event: str
    logo: str
    edition: str


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def sentence(rng: random.Random, lang: str, low: int = 8, high: int = 20) -> str:
    words = []
    for _ in range(rng.randint(low, high)):
        pool = SMALL[lang] if rng.random() < 0.35 else WORDS[lang]
        words.append(rng.choice(pool))
    if rng.random() < 0.15:  # emphasis, and quotes and dashes for the typographer
        index = rng.randrange(len(words))
        words[index] = rng.choice((f"*{words[index]}*", f'"{words[index]}"', f"{words[index]} --"))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def paragraph(rng: random.Random, lang: str) -> str:
    return " ".join(sentence(rng, lang) for _ in range(rng.randint(3, 6)))


def body(rng: random.Random, lang: str, words: int, extras: list[str]) -> str:
    """Markdown of about ``words`` words: paragraphs, headings, lists, links, a quote; each of
    ``extras`` (images, links) goes in after one of the paragraphs."""
    blocks, count, extras = [], 0, list(extras)
    while count < words:
        text = paragraph(rng, lang)
        roll = rng.random()
        if roll < 0.12 and blocks:
            text = "## " + sentence(rng, lang, 3, 6).rstrip(".?!") + "\n\n" + text
        elif roll < 0.2:
            text += "\n\n" + "\n".join(f"- {sentence(rng, lang, 4, 10)}" for _ in range(4))
        elif roll < 0.25:
            text = "> " + text
        elif roll < 0.35:
            site = rng.choice(("www.unodc.org", "www.osce.org", "www.talithakum.info"))
            text += f" [{rng.choice(WORDS[lang])}](https://{site}/{rng.randrange(1000)}/)"
        if extras and rng.random() < 0.4:
            text += "\n\n" + extras.pop()
        blocks.append(text)
        count += len(text.split())
    blocks += extras
    sources = "\n".join(f"- <https://example.org/sources/{rng.randrange(10**6)}>" for _ in "ab")
    return "\n\n".join(blocks) + "\n\n## Sources\n\n" + sources + "\n"


def write(path: Path, keys: list[tuple[str, object]], text: str) -> None:
    """A content file: the keys that have a value, a blank line, the text."""
    head = "".join(f"{key}: {value}\n" for key, value in keys if value not in (None, "", []))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + "\n" + text, encoding="utf-8")


def photo(number: int, seed: int = SEED) -> bytes:
    """A camera-sized JPEG: sky and ground, shapes, grain; a third with camera and GPS EXIF.
    The noise comes from ``random``, seeded (Pillow's ``effect_noise`` is not)."""
    rng = random.Random(f"{seed}-photo-{number}")
    width, height = PHOTO_SIZES[number % len(PHOTO_SIZES)]

    def noise(size):
        return Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))

    sky = Image.linear_gradient("L").resize((width, height))
    clouds = noise((width // 16, height // 16)).resize((width, height), Image.Resampling.BICUBIC)
    image = Image.merge("RGB", (clouds, sky.rotate(180), sky))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(4, 9)):
        x, y = rng.randrange(width), rng.randrange(height // 3, height)
        radius = rng.randint(60, 400)
        colour = tuple(rng.randrange(30, 230) for _ in range(3))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    image = Image.blend(image, noise((width, height)).convert("RGB"), 0.06)
    exif = Image.Exif()
    if number % 3 == 0:
        exif[0x010F] = "CameraMaker"
        exif[0xA431] = f"SERIAL-{number:05d}"
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = "N", (41.0, 54.0, float(number % 60))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def _photo_file(job: tuple[str, int, int]) -> None:
    path, number, seed = job
    Path(path).write_bytes(photo(number, seed))


def write_photos(folder: Path, count: int, seed: int = SEED) -> list[str]:
    """``count`` photos in ``folder`` (on every core); those already there are kept."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [PHOTO_NAME.format(number) for number in range(count)]
    jobs = [(str(folder / n), i, seed) for i, n in enumerate(names) if not (folder / n).exists()]
    if len(jobs) > 2:
        with ProcessPoolExecutor() as pool:
            list(pool.map(_photo_file, jobs, chunksize=4))
    else:
        for job in jobs:
            _photo_file(job)
    return names


def logo(number: int, variant: int = 0) -> tuple[str, bytes]:
    """A partner's logo, ``(extension, bytes)``: transparent PNG, JPEG on white, or SVG, from
    300 to 1600 pixels wide and 1:1 to 4:1. Another ``variant`` draws another logo."""
    rng = random.Random(f"logo-{number}-{variant}")
    colour = tuple(rng.randrange(30, 200) for _ in range(3))
    width = rng.choice((300, 480, 640, 1200, 1600))
    height = int(width / rng.choice((1, 1.5, 2, 3, 4)))
    kind = ("svg", "png", "jpg", "svg", "png", "jpg", "png")[number % 7]
    if kind == "svg":
        return "svg", (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
            f'<rect x="4" y="4" width="{height - 8}" height="{height - 8}" rx="12" '
            f'fill="rgb{colour}"/><circle cx="{height // 2}" cy="{height // 2}" '
            f'r="{height // 4}" fill="#ffffff"/><text x="{height + 10}" y="{height // 2}" '
            f'font-size="{max(12, height // 4)}" fill="rgb{colour}">Org {number}</text></svg>'
        ).encode()
    transparent = kind == "png"
    image = Image.new(
        "RGBA" if transparent else "RGB", (width, height), (0, 0, 0, 0) if transparent else "white"
    )
    draw = ImageDraw.Draw(image)
    margin = height // 10
    draw.ellipse((margin, margin, height - margin, height - margin), fill=colour)
    if width > height + margin:  # a wordmark beside the emblem
        draw.rectangle((height, height // 3, width - margin, 2 * height // 3), fill=colour)
    buffer = io.BytesIO()
    if transparent:
        image.save(buffer, "PNG")
        return "png", buffer.getvalue()
    image.save(buffer, "JPEG", quality=88)
    return "jpg", buffer.getvalue()


def pdf(title: str) -> bytes:
    """A one-page PDF to download: an edition's resource."""
    page = Image.new("L", (210, 297), 255)
    ImageDraw.Draw(page).text((20, 20), title, fill=0)
    buffer = io.BytesIO()
    moment = time.gmtime(1767225600)  # 2026-01-01, not now: the same bytes every time
    page.save(buffer, "PDF", title=title, creationDate=moment, modDate=moment)
    return buffer.getvalue()


def generate(
    content: Path,
    size: int,
    languages: tuple[str, ...] = ("en",),
    seed: int = SEED,
    photos: Path | None = None,
) -> Site:
    """Write a site of ``size`` posts in ``languages`` (the first is the site's) into
    ``content``. ``photos``: a folder where the photos are kept from one call to the next,
    hard-linked into the site (they take the longest to make)."""
    return _Generator(content, size, languages, seed, photos).run()


class _Generator:
    def __init__(self, content, size, languages, seed, photos):
        self.content, self.size, self.languages, self.seed = content, size, languages, seed
        self.extra = languages[1:]
        self.photo_store = photos or content / "images" / "photos"
        self.photos: list[str] = []
        self.partners: list[str] = []
        self.gatherings: dict[tuple[str, int], str] = {}  # (campaign, year): event id
        self.post_files: list[str] = []
        self.translations = 0

    def rng(self, *parts) -> random.Random:
        return random.Random("-".join(map(str, (self.seed, *parts))))

    def translate(self, path: Path, lang: str, keys: list, text: str) -> None:
        write(path.with_suffix(f".{lang}.md"), keys, text)
        self.translations += 1

    def run(self) -> Site:
        names = write_photos(self.photo_store, max(1, self.size // 4), self.seed)
        folder = self.content / "images" / "photos"
        if self.photo_store != folder:
            folder.mkdir(parents=True, exist_ok=True)
            for name in names:
                (folder / name).hardlink_to(self.photo_store / name)
        self.photos = [f"images/photos/{name}" for name in names]
        self.write_partners()
        events = self.write_events()
        editions = self.write_campaigns()
        self.write_pages()
        self.write_posts()
        files = [path for path in self.content.rglob("*") if path.is_file()]
        return Site(
            posts=self.size,
            events=len(events),
            partners=len(self.partners),
            editions=editions,
            photos=len(self.photos),
            translations=self.translations,
            files=len(files),
            megabytes=round(sum(path.stat().st_size for path in files) / 1e6, 1),
            post=self.post_files[len(self.post_files) // 2],
            event=events[len(events) // 3],
            logo=self.logo_path,
            edition=f"campaigns/{CAMPAIGNS[0][0]}/2025.md",
        )

    def pick_partners(self, rng, low: int, high: int) -> str:
        count = min(len(self.partners), rng.randint(low, high))
        return ", ".join(rng.sample(self.partners, count))

    def write_partners(self) -> None:
        self.logo_path = ""
        for number in range(max(1, self.size // 20)):
            rng = self.rng("partner", number)
            place = rng.choice(PLACES)
            name = rng.choice(
                (f"Sisters of Mercy, {place}", f"{place} Anti-Trafficking Network",
                 f"Caritas {place}", f"Shelter of Hope {place}", f"{place} Migrant Centre")
            )  # fmt: skip
            ident = f"{slugify(name)}-{number}"
            self.partners.append(ident)
            logo_key = None
            if number % 5 != 4:  # the others get the kit's monogram
                extension, data = logo(number)
                logo_key = f"images/partners/{ident}.{extension}"
                target = self.content / logo_key
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                self.logo_path = self.logo_path or logo_key
            path = self.content / "partners" / f"{ident}.md"
            keys = [
                ("Title", name),
                ("Website", f"https://example.org/partners/{ident}/"),
                ("Logo", logo_key),
                ("Country", rng.choice(COUNTRIES)),
                ("Kind", rng.choice(KINDS)),
                ("Since", rng.randint(2005, 2025)),
            ]
            write(path, keys, paragraph(rng, "en") + "\n")
            if number % 4 == 0:
                for lang in self.extra:
                    text = paragraph(self.rng("partner", number, lang), lang) + "\n"
                    self.translate(path, lang, [("Title", name)], text)

    def write_events(self) -> list[str]:
        """N/5 events, then the campaigns' online gatherings of GATHERING_YEARS."""
        count = self.size // 5
        gatherings = [(c, year) for year in GATHERING_YEARS for c in CAMPAIGNS]
        written = []
        for number in range(count + len(gatherings)):
            rng = self.rng("event", number)
            if number < count:
                keys, start = self.event_keys(number, rng)
                if number % 4 == 0 and start.year in EDITION_YEARS:
                    keys += [("Campaign", rng.choice(CAMPAIGNS)[0]), ("Edition", start.year)]
            else:
                (campaign, _, day, zone, _, _), year = gatherings[number - count]
                start = date(year, int(day[:2]), int(day[3:]))
                keys = [
                    ("Title", f"{year} online gathering: {campaign.replace('-', ' ')}"),
                    ("Start", f"{start.isoformat()} 11:00"),
                    ("End", f"{start.isoformat()} 14:00"),
                    ("Timezone", zone),
                    ("Location", "Online"),
                    ("Online", f"https://example.org/stream/{campaign}/{year}"),
                    ("Campaign", campaign),
                    ("Edition", year),
                    ("Organizers", self.pick_partners(rng, 1, 2)),
                ]
            ident = f"{start.isoformat()}-{slugify(keys[0][1])[:40].strip('-')}-{number}"
            if number >= count:
                self.gatherings[(campaign, year)] = ident
            path = self.content / "events" / f"{ident}.md"
            write(path, keys, body(rng, "en", rng.randint(60, 200), []))
            written.append(f"events/{ident}.md")
            if number % 4 == 1:
                for lang in self.extra:
                    lang_rng = self.rng("event", number, lang)
                    text = body(lang_rng, lang, rng.randint(60, 200), [])
                    keys = [("Title", sentence(lang_rng, lang, 3, 7).rstrip(".?!"))]
                    self.translate(path, lang, keys, text)
        return written

    def event_keys(self, number: int, rng: random.Random) -> tuple[list, date]:
        start = EVENT_FIRST_DAY + timedelta(days=rng.randrange(EVENT_DAYS))
        day = start.isoformat()
        shape = number % 10
        keys = [("Title", f"{rng.choice(TOPICS)} in {rng.choice(PLACES)}")]
        if shape in (5, 6):  # all day
            keys.append(("Start", day))
        elif shape == 7:  # several days
            end = start + timedelta(days=rng.randint(1, 5))
            keys += [("Start", day), ("End", end.isoformat())]
        elif shape == 8:  # a conference over days, timed
            end = start + timedelta(days=2)
            keys += [("Start", f"{day} 09:00"), ("End", f"{end.isoformat()} 17:00")]
        else:  # timed, an hour to three
            hour = rng.randint(9, 18)
            end = f"{day} {hour + rng.randint(1, 3):02d}:{rng.choice(('00', '30'))}"
            keys += [("Start", f"{day} {hour:02d}:{rng.choice(('00', '30'))}"), ("End", end)]
        keys.append(("Timezone", ZONES[number % len(ZONES)]))
        if shape < 7:
            keys.append(("Recurrence", self.recurrence(number, start)))
        online = shape == 9 or number % 6 == 0
        keys.append(("Location", "Online" if online else f"Hall {number}, {rng.choice(PLACES)}"))
        if online:
            keys.append(("Online", f"https://example.org/stream/{number}"))
        if number % 40 == 39:
            keys.append(("Status", rng.choice(("cancelled", "postponed"))))
        keys.append(("Organizers", self.pick_partners(rng, 1, 2)))
        if number % 3 == 0:
            keys.append(("Registration", f"https://example.org/register/{number}"))
        keys.append(("Summary", sentence(rng, "en", 8, 16)))
        return keys, start

    @staticmethod
    def recurrence(number: int, start: date) -> str | None:
        """Weekly for some weeks, monthly on the same weekday, or yearly on the same day."""
        kind = number % 7
        if kind == 0:
            return f"FREQ=WEEKLY;BYDAY={WEEKDAYS[start.weekday()]};COUNT={8 + number % 13}"
        if kind == 3 and start.day <= 28:
            week = (start.day - 1) // 7 + 1
            return f"FREQ=MONTHLY;BYDAY={week}{WEEKDAYS[start.weekday()]};COUNT=12"
        if kind == 5 and not (start.month == 2 and start.day == 29):
            return f"FREQ=YEARLY;BYMONTH={start.month};BYMONTHDAY={start.day}"
        return None

    def write_campaigns(self) -> int:
        editions = 0
        for number, (ident, title, day, zone, colour, hashtag) in enumerate(CAMPAIGNS):
            rng = self.rng("campaign", ident)
            folder = self.content / "campaigns" / ident
            keys = [
                ("Title", title),
                ("Day", day),
                ("First-year", EDITION_YEARS[0]),
                ("Timezone", zone),
                ("Hashtag", hashtag),
                ("Color", colour),
                ("Organizers", self.pick_partners(rng, 1, 3)),
                ("Website", f"https://example.org/{ident}/"),
                ("Summary", sentence(rng, "en")),
                ("Image", self.photos[number % len(self.photos)]),
                ("Image-alt", sentence(rng, "en", 6, 12)),
            ]
            write(folder / "index.md", keys, body(rng, "en", 250, []))
            for lang in self.extra:
                lang_rng = self.rng("campaign", ident, lang)
                keys = [
                    ("Title", sentence(lang_rng, lang, 4, 8).rstrip(".?!")),
                    ("Summary", sentence(lang_rng, lang)),
                    ("Image-alt", sentence(lang_rng, lang, 6, 12)),
                ]
                self.translate(folder / "index.md", lang, keys, body(lang_rng, lang, 250, []))
            for year in EDITION_YEARS:
                self.write_edition(folder, ident, year)
                editions += 1
        return editions

    def write_edition(self, folder: Path, campaign: str, year: int) -> None:
        rng = self.rng("edition", campaign, year)
        resources = []
        for lang in self.languages:
            path = f"files/{campaign}/{year}/vigil-outline-{lang}.pdf"
            target = self.content / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pdf(f"{campaign} {year} ({lang})"))
            resources.append(path)
        theme = f"{rng.choice(THEME_STARTS)}: {rng.choice(THEME_ENDS)}"
        variants = ""
        if year % 3 == 0:  # one per line, the form a comma inside a variant needs
            variants = "\n    ".join((theme.partition(":")[0], f"{theme}, {year}"))
        image = year % 2 == 0
        keys = [
            ("Theme", theme),
            ("Theme-variants", variants),
            ("Partners", self.pick_partners(rng, 2, 5)),
            ("Resources", ", ".join(resources)),
            ("Online-event", self.gatherings.get((campaign, year))),
            ("Sources", f"https://example.org/{campaign}/{year}/theme"),
            ("Image", rng.choice(self.photos) if image else None),
            ("Image-alt", sentence(rng, "en", 6, 12) if image else None),
        ]
        path = folder / f"{year}.md"
        write(path, keys, body(rng, "en", rng.randint(60, 150), []))
        for lang in self.extra:
            lang_rng = self.rng("edition", campaign, year, lang)
            keys = [
                ("Theme", sentence(lang_rng, lang, 4, 9).rstrip(".?!")),
                ("Image-alt", sentence(lang_rng, lang, 6, 12) if image else None),
            ]
            self.translate(path, lang, keys, body(lang_rng, lang, rng.randint(60, 150), []))

    def write_pages(self) -> None:
        slugs = ["about", "contact", "privacy", "get-involved"]
        slugs += [f"guide-{number}" for number in range(self.size // 100)]
        for slug in slugs:
            rng = self.rng("page", slug)
            path = self.content / "pages" / f"{slug}.md"
            keys = [
                ("Title", slug.replace("-", " ").capitalize()),
                ("Slug", slug),
                ("Summary", sentence(rng, "en")),
            ]
            write(path, keys, body(rng, "en", rng.randint(200, 500), []))
            for lang in self.extra:
                lang_rng = self.rng("page", slug, lang)
                keys = [
                    ("Title", sentence(lang_rng, lang, 2, 4).rstrip(".?!")),
                    ("Summary", sentence(lang_rng, lang)),
                ]
                self.translate(path, lang, keys, body(lang_rng, lang, rng.randint(200, 500), []))

    def write_posts(self) -> None:
        first = date(2015, 1, 5)
        span = (date(2026, 1, 15) - first).days
        for number in range(self.size):
            rng = self.rng("post", number)
            day = first + timedelta(days=span * number // self.size)
            title = f"{rng.choice(TOPICS)} in {rng.choice(PLACES)}"
            slug = f"{slugify(title)}-{number}"
            name = f"{day:%Y-%m}-{slug}.md"
            campaign = rng.choice(CAMPAIGNS)[0] if number % 3 == 1 else None
            lead = number % 3 == 0
            inline = [self.photos[(number * 7) % len(self.photos)]] if number % 5 == 1 else []
            tags = rng.sample(range(len(TAGS)), rng.randint(1, 5))
            keys = [
                ("Title", title),
                ("Date", f"{day.isoformat()} {rng.randint(8, 18):02d}:{rng.choice(('00', '30'))}"),
                ("Category", CATEGORIES["en"][number % 3]),
                ("Tags", ", ".join(TAGS[tag] for tag in tags)),
                ("Authors", rng.choice(AUTHORS)),
                ("Summary", sentence(rng, "en", 12, 30)),
                ("Slug", slug),
                ("Campaign", campaign),
                ("Edition", day.year if campaign and day.year in EDITION_YEARS else None),
                ("Partners", self.pick_partners(rng, 1, 3) if number % 4 == 2 else None),
                ("Image", self.photos[(number // 3) % len(self.photos)] if lead else None),
                ("Image-alt", sentence(rng, "en", 6, 12) if lead else None),
                ("Status", "draft" if number % 97 == 50 else None),
            ]
            words = rng.randint(400, 900)
            path = self.content / "news" / name
            write(path, keys, body(rng, "en", words, self.extras(rng, "en", inline)))
            self.post_files.append(f"news/{name}")
            if number % 2 == 0:
                for lang in self.extra:
                    lang_rng = self.rng("post", number, lang)
                    keys = [
                        ("Title", sentence(lang_rng, lang, 4, 10).rstrip(".?!")),
                        ("Category", CATEGORIES[lang][number % 3]),
                        ("Tags", ", ".join(WORDS[lang][tag] for tag in tags)),
                        ("Summary", sentence(lang_rng, lang, 12, 30)),
                        ("Image-alt", sentence(lang_rng, lang, 6, 12) if lead else None),
                    ]
                    text = body(lang_rng, lang, words, self.extras(lang_rng, lang, inline))
                    self.translate(path, lang, keys, text)

    def extras(self, rng: random.Random, lang: str, images: list[str]) -> list[str]:
        """Inline images, and a link to an earlier post."""
        found = [f"![{sentence(rng, lang, 5, 10)}](<{{static}}/{image}>)" for image in images]
        if self.post_files and rng.random() < 0.5:
            earlier = rng.choice(self.post_files)
            found.append(f"[{sentence(rng, lang, 3, 6)}]({{filename}}/{earlier})")
        return found


# The benchmark's edits, one file each, as an editor would make them. Each file is written
# anew (not changed in place): the photos of a copied site are hard links to its original's.
def _replace(path: Path, data: bytes) -> None:
    path.unlink()
    path.write_bytes(data)


def edit_post(content: Path, site: Site) -> None:
    """A new summary and a sentence added to the text."""
    path = content / site.post
    head, _, text = path.read_text(encoding="utf-8").partition("\n\n")
    head = re.sub(r"^Summary: ", "Summary: Updated. ", head, flags=re.MULTILINE)
    _replace(path, f"{head}\n\nOne sentence added after the event. {text}".encode())


def edit_event(content: Path, site: Site) -> None:
    """Another title and place."""
    path = content / site.event
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^Title: (.*)$", r"Title: \1 (new venue)", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^Location: .*$", "Location: Parish hall, 1 Example Street, Rome", text,
                  count=1, flags=re.MULTILINE)  # fmt: skip
    _replace(path, text.encode())


def replace_logo(content: Path, site: Site) -> None:
    """Another drawing in the same file: the partner sent a new logo."""
    number = int(Path(site.logo).stem.rsplit("-", 1)[1])
    _replace(content / site.logo, logo(number, variant=1)[1])


def edit_theme(content: Path, site: Site) -> None:
    """The edition's official theme reworded."""
    path = content / site.edition
    text = path.read_text(encoding="utf-8")
    theme = "Theme: Hope Has a Name: Together Against Human Trafficking"
    _replace(path, re.sub(r"^Theme: .*$", theme, text, count=1, flags=re.MULTILINE).encode())


EDITS = {
    "edit post": edit_post,
    "edit event": edit_event,
    "replace logo": replace_logo,
    "edit theme": edit_theme,
}

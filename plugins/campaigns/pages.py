"""The pages that are not one per record: the campaign index, each campaign's feed, and the
stylesheet that gives each campaign its colour (a CSP without 'unsafe-inline' rules out
style attributes)."""

from dataclasses import dataclass
from datetime import datetime, time

from pelican.generators import Generator

from records import in_default_language

from .schema import edition_title
from .settings import read

COLOURS_SAVE_AS = "campaigns/colours.css"


class CampaignsGenerator(Generator):
    """Writes only; everything it shows was linked on ``records_ready`` (see plugin.derive)."""

    per_language = True  # its pages exist in every language (records.passes)

    def generate_output(self, writer):
        conf = read(self.settings)
        campaigns = self.context.get("campaigns", [])
        writer.write_file(
            conf.index_save_as,
            self.get_template("campaigns"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=conf.index_url,
        )
        if in_default_language(self.settings):  # one stylesheet for every language
            self.write_colours(writer, campaigns)
        if not conf.feed_atom:
            return
        for campaign in campaigns:
            view = campaign.view
            entries = [FeedEntry.of(edition, campaign) for edition in view.editions]
            items = sorted(view.news + entries, key=lambda i: i.date, reverse=True)
            writer.write_feed(
                items,
                self.context,
                conf.feed_atom.format(id=campaign.id),
                feed_type="atom",
                feed_title=campaign.title,
            )

    def write_colours(self, writer, campaigns) -> None:
        rules = [
            f'[data-campaign="{c.id}"] {{ --accent: {c.color}; }}\n' for c in campaigns if c.color
        ]
        writer.write_text(COLOURS_SAVE_AS, "".join(rules))


@dataclass(frozen=True)
class FeedEntry:
    """An edition as an entry of its campaign's feed, which Pelican's writer reads as an
    article: a title that names the campaign and the year with the theme, and the day (at
    midnight where the day is counted) as its date. The edition itself keeps its fields."""

    edition: object
    title: str
    date: datetime

    @classmethod
    def of(cls, edition, campaign) -> "FeedEntry":
        day = datetime.combine(edition.view.day, time(), campaign.view.zone)
        return cls(edition, edition_title(edition), day)

    @property
    def url(self) -> str:
        return self.edition.url

    @property
    def lang(self) -> str:  # the writer keeps only the entries in the feed's language
        return self.edition.lang

    @property
    def status(self) -> str:
        return self.edition.status

    @property
    def summary(self) -> str:
        return self.edition.summary

    def get_content(self, siteurl: str) -> str:
        return self.edition.get_content(siteurl)

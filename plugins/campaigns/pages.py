"""The pages that are not one per record: the campaign index, each campaign's feed, and the
stylesheet that gives each campaign its colour (a CSP without 'unsafe-inline' rules out
style attributes)."""

from pelican.generators import Generator

from records import in_default_language

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
            items = sorted(campaign.news + campaign.editions, key=lambda i: i.date, reverse=True)
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

"""Campaigns and their yearly editions (theme pages), built on the records core.

A campaign (``content/campaigns/<id>/index.md``) comes back on the same day every year; each
year's edition (``content/campaigns/<id>/<year>.md``) has its own theme, resources, partners
and events. This plugin computes the next day and the countdown at build time, links each
edition to its news, events and neighbours, and writes the campaign index and feeds.
Settings: see :mod:`campaigns.settings`.
"""

from .plugin import register

__all__ = ["register"]

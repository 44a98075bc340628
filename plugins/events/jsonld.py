"""schema.org ``Event`` data for an event page, built as a dict for the ``json_ld`` filter."""

from datetime import datetime

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
    "draft": "https://schema.org/EventScheduled",  # only in previews
}
MODE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def _iso(value) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def event_data(view, conf) -> dict | None:
    """The Event of ``view``'s current occurrence: dates with their UTC offset. None for an
    event with neither a Location nor Online: a day that only marks the date (a yearly day of
    prayer kept everywhere) has no place to be at, which Google requires of an Event."""
    event, occurrence = view.event, view.current
    if not view.place and not view.online:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": _iso(occurrence.start),
        "endDate": _iso(occurrence.end),
        "eventStatus": STATUS[view.status],
        "eventAttendanceMode": MODE[view.attendance],
    }
    locations = []
    if view.place:
        name = view.place.partition(",")[0].strip()
        locations.append({"@type": "Place", "name": name, "address": view.place})
    if view.online:
        # Where to join; without an Online address, the event's page, which says how.
        url = event.online or view.absolute_url
        locations.append({"@type": "VirtualLocation", **({"url": url} if url else {})})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if view.organizers:
        data["organizer"] = [
            {
                "@type": "Organization",
                "name": link.title,
                **({"url": link.website} if link.website else {}),
            }
            for link in view.organizers
        ]
    if event.registration:  # no price: the kit does not know one
        data["offers"] = {"@type": "Offer", "url": event.registration}
    card = getattr(event, "share_card", None)  # drawn by the media plugin
    images = [
        conf.absolute(path)
        for path in (event.image, card.url if card else None)
        if path and conf.absolute(path)
    ]
    if images:
        data["image"] = images
    if view.description:
        data["description"] = view.description
    if view.absolute_url:
        data["url"] = view.absolute_url
    return data

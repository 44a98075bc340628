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


def event_data(view, conf) -> dict:
    """The Event of ``view``'s current occurrence: dates with their UTC offset."""
    event, occurrence = view.event, view.current
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
        name, _, address = view.place.partition(",")
        locations.append(
            {"@type": "Place", "name": name.strip(), "address": (address or name).strip()}
        )
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": event.online})
    if locations:
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
    if event.image and conf.absolute(event.image):
        data["image"] = conf.absolute(event.image)
    if view.description:
        data["description"] = view.description
    if view.absolute_url:
        data["url"] = view.absolute_url
    return data

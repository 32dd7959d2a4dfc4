"""An edition as an iCalendar file: one event per session, or per day while there is no programme."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from mekendeshter.core.i18n import translated


def _location(edition):
    if not edition.venue:
        return str(translated(edition, "city"))
    return f"{translated(edition.venue, 'name')}, {translated(edition.venue, 'address')}"


def edition_calendar(edition, sessions, *, url, host):
    calendar = Calendar()
    calendar.add("prodid", "-//Mekendeshter Forum//mekendeshter.org//")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(translated(edition, "title")))
    stamp = datetime.datetime.now(datetime.UTC)
    zone = ZoneInfo(settings.TIME_ZONE)
    location = _location(edition)
    title = str(translated(edition, "title"))

    timed = [session for session in sessions if session.start_time]
    if timed:
        for session in timed:
            end_time = session.end_time or session.start_time
            event = Event()
            event.add("uid", f"session-{session.pk}@{host}")
            event.add("summary", f"{translated(session, 'title')} — {title}")
            event.add("dtstart", datetime.datetime.combine(session.day, session.start_time, tzinfo=zone))
            event.add("dtend", datetime.datetime.combine(session.day, end_time, tzinfo=zone))
            if session.description:
                event.add("description", str(translated(session, "description")))
            event.add("location", location)
            event.add("url", url)
            event.add("dtstamp", stamp)
            calendar.add_component(event)
    else:
        day = edition.start_date
        while day <= (edition.end_date or edition.start_date):
            event = Event()
            event.add("uid", f"edition-{edition.year}-{day.isoformat()}@{host}")
            event.add("summary", title)
            event.add("dtstart", day)
            event.add("dtend", day + datetime.timedelta(days=1))
            event.add("location", location)
            event.add("url", url)
            event.add("dtstamp", stamp)
            calendar.add_component(event)
            day += datetime.timedelta(days=1)
    # Events name TZID=Asia/Bishkek; RFC 5545 requires a VTIMEZONE component for each TZID used.
    calendar.add_missing_timezones()
    return calendar.to_ical()

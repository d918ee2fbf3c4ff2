"""OAI-PMH datestamps: parse ``from``/``until`` in either granularity and format UTC datestamps."""

from datetime import UTC, datetime, timedelta

from .errors import bad_argument

DAY = "%Y-%m-%d"
SECOND = "%Y-%m-%dT%H:%M:%SZ"


def parse_datestamp(value, name):
    """Return ``(datetime, granularity)`` of a harvester's datestamp, or raise badArgument."""
    for granularity in (SECOND, DAY):
        try:
            return datetime.strptime(value, granularity).replace(tzinfo=UTC), granularity
        except ValueError:
            continue
    raise bad_argument(f"'{name}' is not a UTC datestamp (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).")


def date_range(arguments):
    """Return the OpenSearch range on ``updated`` for ``from``/``until`` (inclusive), or None."""
    bounds = {}
    granularities = set()
    if "from" in arguments:
        start, granularity = parse_datestamp(arguments["from"], "from")
        bounds["gte"] = start
        granularities.add(granularity)
    if "until" in arguments:
        end, granularity = parse_datestamp(arguments["until"], "until")
        step = timedelta(days=1) if granularity == DAY else timedelta(seconds=1)
        bounds["lt"] = end + step
        granularities.add(granularity)
    if len(granularities) > 1:
        raise bad_argument("'from' and 'until' must have the same granularity.")
    if "gte" in bounds and "lt" in bounds and bounds["gte"] >= bounds["lt"]:
        raise bad_argument("'from' must not be later than 'until'.")
    return {key: value.isoformat() for key, value in bounds.items()} or None


def datestamp(value):
    """Format an ISO date-time string from the index as a second-granularity UTC datestamp."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(SECOND)

"""Atom (RFC 4287) and RSS 2.0 documents of a list of record hits."""

from email.utils import format_datetime

from flask import current_app
from invenio_i18n import get_locale
from lxml import etree, html

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"
EMPTY_FEED_UPDATED = "2000-01-01T00:00:00+00:00"
"""``updated`` of a feed without entries: fixed, so that its ETag does not change."""
SUMMARY_MAX_LENGTH = 1000


def _text(parent, tag, text, **attributes):
    element = etree.SubElement(parent, tag, **attributes)
    element.text = text
    return element


def localised(titles, locale=None):
    """The title in the locale, else Swedish, else English, else any."""
    titles = titles or {}
    locale = locale or str(get_locale() or "sv")
    return (
        titles.get(locale)
        or titles.get("sv")
        or titles.get("en")
        or next(iter(titles.values()), "")
    )


def plain_text(markup):
    """The text of an HTML description, its whitespace folded."""
    if not markup:
        return ""
    return " ".join(html.fragment_fromstring(markup, create_parent="div").text_content().split())


def entry_data(hit, locale=None):
    """What a feed and a digest show of one record hit."""
    metadata = hit.get("metadata") or {}
    fields = hit.get("custom_fields") or {}
    summary = localised(fields.get("msi:plain_summary"), locale)
    if not summary:
        summary = plain_text(metadata.get("description"))
    if len(summary) > SUMMARY_MAX_LENGTH:
        summary = summary[: SUMMARY_MAX_LENGTH - 1].rstrip() + "…"
    node = fields.get("msi:node") or {}
    return {
        "id": hit["id"],
        "title": metadata.get("title") or hit["id"],
        "url": (hit.get("links") or {}).get("self_html")
        or f"{current_app.config['SITE_UI_URL']}/records/{hit['id']}",
        "authors": [
            (c.get("person_or_org") or {}).get("name")
            for c in metadata.get("creators") or []
            if (c.get("person_or_org") or {}).get("name")
        ],
        "summary": summary,
        "node": {"id": node.get("id"), "title": localised(node.get("title"), locale)}
        if node.get("id")
        else None,
        "created": hit["created"],
        "updated": hit["updated"],
        "publication_date": metadata.get("publication_date"),
    }


def atom(entries, title, self_url, page_url):
    """An Atom feed document (bytes)."""
    locale = str(get_locale() or "sv")
    site = current_app.config["SITE_UI_URL"]
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", locale)
    _text(feed, f"{{{ATOM}}}id", self_url)
    _text(feed, f"{{{ATOM}}}title", title)
    _text(
        feed, f"{{{ATOM}}}updated", max((e["updated"] for e in entries), default=EMPTY_FEED_UPDATED)
    )
    etree.SubElement(
        feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=self_url
    )
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=page_url)
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, f"{{{ATOM}}}name", str(current_app.config["THEME_SITENAME"]))
    _text(author, f"{{{ATOM}}}uri", site)
    _text(feed, f"{{{ATOM}}}generator", "MSI repository (InvenioRDM)", uri=site)
    for data in entries:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, f"{{{ATOM}}}id", data["url"])
        _text(entry, f"{{{ATOM}}}title", data["title"], type="text")
        _text(entry, f"{{{ATOM}}}updated", data["updated"])
        _text(entry, f"{{{ATOM}}}published", data["created"])
        etree.SubElement(
            entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=data["url"]
        )
        for name in data["authors"]:
            _text(etree.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name", name)
        if data["summary"]:
            _text(entry, f"{{{ATOM}}}summary", data["summary"], type="text")
        if data["node"]:
            etree.SubElement(
                entry,
                f"{{{ATOM}}}category",
                term=data["node"]["id"],
                label=data["node"]["title"],
                scheme=f"{site}/feeds/nodes/",
            )
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8")


def _rfc822(timestamp):
    from datetime import datetime

    return format_datetime(datetime.fromisoformat(timestamp))


def rss(entries, title, self_url, page_url):
    """An RSS 2.0 document (bytes)."""
    root = etree.Element("rss", version="2.0", nsmap={"atom": ATOM, "dc": DC})
    channel = etree.SubElement(root, "channel")
    _text(channel, "title", title)
    _text(channel, "link", page_url)
    _text(channel, "description", title)
    _text(channel, "language", str(get_locale() or "sv"))
    _text(
        channel,
        "lastBuildDate",
        _rfc822(max((e["updated"] for e in entries), default=EMPTY_FEED_UPDATED)),
    )
    etree.SubElement(
        channel, f"{{{ATOM}}}link", rel="self", type="application/rss+xml", href=self_url
    )
    for data in entries:
        item = etree.SubElement(channel, "item")
        _text(item, "title", data["title"])
        _text(item, "link", data["url"])
        _text(item, "guid", data["url"], isPermaLink="true")
        _text(item, "pubDate", _rfc822(data["created"]))
        for name in data["authors"]:
            _text(item, f"{{{DC}}}creator", name)
        if data["summary"]:
            _text(item, "description", data["summary"])
        if data["node"]:
            _text(item, "category", data["node"]["title"] or data["node"]["id"])
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")

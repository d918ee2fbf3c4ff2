"""Atom and RSS feeds of searches, themes, goals, nodes, communities and researchers."""

import re

import feedparser
import pytest
from lxml import etree

from helpers import deposit, record_data, token_headers

from .conftest import visitor

ATOM = "{http://www.w3.org/2005/Atom}"


def msi_record(title, summary=None, access="public", embargo=False):
    """Record data with a theme, a goal, a node and (optionally) a plain-language summary."""
    data = record_data(title, access=access)
    data["custom_fields"] = {
        "msi:themes": [{"id": "jamlik-folkhalsa"}],
        "msi:sdgs": [{"id": "sdg-03"}],
        "msi:node": {"id": "nod-jonkoping"},
    }
    if summary:
        data["custom_fields"]["msi:plain_summary"] = {"sv": summary, "en": f"{summary} (en)"}
    if embargo:
        data["access"] = {
            "record": "public",
            "files": "restricted",
            "embargo": {"active": True, "until": "2039-01-01", "reason": "Förlaget kräver det."},
        }
    return data


@pytest.fixture()
def followed(app, depositor, unique_word):
    """A public record with a summary, a restricted one and an embargoed one, all with the word."""
    client, headers = app.test_client(), token_headers(depositor.token)
    return {
        "public": deposit(client, headers, msi_record(f"{unique_word} öppen", "Kort och klart.")),
        "closed": deposit(
            client, headers, msi_record(f"{unique_word} stängd", access="restricted")
        ),
        "embargoed": deposit(client, headers, msi_record(f"{unique_word} embargo", embargo=True)),
    }


def check_rfc4287(document):
    """The elements RFC 4287 requires: feed id, title, updated; per entry id, title, updated,
    an alternate link, and an author (its own or the feed's)."""
    root = etree.fromstring(document)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
    return root


def test_search_feed_lists_only_public_records(client, followed, unique_word):
    """The Atom feed of a search: the public record with title, author, summary, node, link and
    dates; the restricted and the embargoed record never."""
    response = client.get(f"/feeds/search.atom?q={unique_word}")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    check_rfc4287(response.data)
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert unique_word in parsed.feed.title
    [entry] = parsed.entries
    public = followed["public"]
    assert entry.title == public["metadata"]["title"]
    assert entry.link.endswith(f"/records/{public['id']}")
    assert entry.id == entry.link
    assert entry.author == "Sjöberg, Karin"
    assert entry.summary == "Kort och klart."
    assert entry.tags[0].term == "nod-jonkoping"
    assert entry.updated_parsed and entry.published_parsed
    assert parsed.feed.updated == entry.updated
    body = response.get_data(as_text=True)
    for hidden in ("closed", "embargoed"):
        assert followed[hidden]["id"] not in body


def test_feed_speaks_the_visitors_language(app, followed, unique_word):
    """The English summary and title for an English visitor."""
    with visitor(app) as client:
        response = client.get(
            f"/feeds/search.atom?q={unique_word}", headers={"Accept-Language": "en"}
        )
    parsed = feedparser.parse(response.data)
    assert parsed.entries[0].summary == "Kort och klart. (en)"
    assert parsed.feed.title.startswith("New in the MSI repository")


def test_feed_etag_answers_304_until_something_changes(app, client, depositor, unique_word):
    """If-None-Match with the feed's ETag answers 304; a new record gives a new ETag."""
    headers = token_headers(depositor.token)
    deposit(app.test_client(), headers, msi_record(f"{unique_word} först"))
    url = f"/feeds/search.atom?q={unique_word}"
    first = client.get(url)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"].startswith("public")
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    deposit(app.test_client(), headers, msi_record(f"{unique_word} sedan"))
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert len(feedparser.parse(changed.data).entries) == 2


def test_rss_feed(client, followed, unique_word):
    """The same records as RSS 2.0."""
    response = client.get(f"/feeds/search.rss?q={unique_word}")
    assert response.mimetype == "application/rss+xml"
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert [e.title for e in parsed.entries] == [followed["public"]["metadata"]["title"]]


def test_search_feed_applies_the_facets(client, app, depositor, unique_word):
    """``f=`` filters as on the search page: another theme leaves the record out."""
    deposit(app.test_client(), token_headers(depositor.token), msi_record(unique_word))
    theme = feedparser.parse(
        client.get(f"/feeds/search.atom?q={unique_word}&f=theme:jamlik-folkhalsa").data
    )
    other = feedparser.parse(
        client.get(f"/feeds/search.atom?q={unique_word}&f=theme:barnets-ratt").data
    )
    assert len(theme.entries) == 1
    assert other.entries == []


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("themes/jamlik-folkhalsa", "Theme: Health equity"),
        ("sdgs/sdg-03", "Sustainable Development Goal: Good Health"),
        ("nodes/nod-jonkoping", "MSI node: "),
    ],
)
def test_vocabulary_feeds(app, followed, path, title):
    """Theme, goal and node feeds list the newest public record of the term first."""
    with visitor(app) as client:
        response = client.get(f"/feeds/{path}.atom", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    check_rfc4287(response.data)
    parsed = feedparser.parse(response.data)
    assert parsed.feed.title.startswith(title)
    ids = [e.link.rsplit("/", 1)[-1] for e in parsed.entries]
    assert ids[0] == followed["public"]["id"]
    assert followed["closed"]["id"] not in ids and followed["embargoed"]["id"] not in ids


def test_unknown_terms_have_no_feed(client):
    """404 for a theme, community or researcher that does not exist."""
    for path in ("themes/nope", "communities/no-such-community", "researchers/00000-nope"):
        assert client.get(f"/feeds/{path}.atom").status_code == 404


def test_community_feed_lists_the_communitys_public_records(client):
    """The node community's feed: its records, newest first, as its record search lists them."""
    listed = client.get(
        "/api/communities/msi-boras/records", query_string={"sort": "newest", "size": 25}
    ).json["hits"]["hits"]
    response = client.get("/feeds/communities/msi-boras.atom")
    check_rfc4287(response.data)
    parsed = feedparser.parse(response.data)
    assert listed
    assert [e.link.rsplit("/", 1)[-1] for e in parsed.entries] == [h["id"] for h in listed]
    assert parsed.feed.title.startswith("MSI Borås")


def test_researcher_feed_lists_the_works(client):
    """A public profile's feed: the works its page lists."""
    profiles = client.get("/api/researchers", query_string={"size": 50}).json["hits"]["hits"]
    for profile in profiles:
        works = client.get(f"/api/researchers/{profile['id']}/works").json
        if works["hits"]["total"]:
            break
    else:
        pytest.fail("no demo researcher has works")
    parsed = feedparser.parse(client.get(f"/feeds/researchers/{profile['id']}.atom").data)
    assert not parsed.bozo
    assert profile["name"] in parsed.feed.title
    ids = [e.link.rsplit("/", 1)[-1] for e in parsed.entries]
    assert ids == [h["id"] for h in works["hits"]["hits"]][: len(ids)]
    assert ids


@pytest.mark.parametrize(("language", "follow"), [("sv", "Följ"), ("en", "Follow")])
def test_search_page_advertises_its_feed(app, language, follow, unique_word):
    """The search page's head links its feed (same query) and its body has a Follow control."""
    with visitor(app) as client:
        page = client.get(
            f"/search?q={unique_word}&f=theme:jamlik-folkhalsa",
            headers={"Accept-Language": language},
        ).get_data(as_text=True)
    head = page.split("</head>")[0]
    link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', head)
    assert link
    href = link.group(1).replace("&amp;", "&")
    assert href == f"/feeds/search.atom?q={unique_word}&f=theme%3Ajamlik-folkhalsa"
    assert re.search(rf'class="[^"]*msi-follow-link[^"]*"[^>]*>\s*<i[^>]*></i>{follow}', page)


def test_community_and_profile_pages_advertise_their_feeds(client):
    """Community and researcher pages link the feed of their records in the head."""
    page = client.get("/communities/msi-boras/records").get_data(as_text=True)
    assert 'href="/feeds/communities/msi-boras.atom"' in page.split("</head>")[0]
    profile = client.get("/api/researchers", query_string={"size": 1}).json["hits"]["hits"][0]
    page = client.get(f"/researchers/{profile['id']}").get_data(as_text=True)
    assert f'href="/feeds/researchers/{profile["id"]}.atom"' in page.split("</head>")[0]

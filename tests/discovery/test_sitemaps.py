"""Sitemaps read as a crawler reads them: robots.txt, the sitemap index, then each sitemap.

The crawler is the in-process app's test client (an anonymous visitor); locations are followed by
their path. The sitemaps are dropped first, so the crawl also shows that a crawler coming before
the first beat run gets them built rather than a 404.
"""

import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from invenio_access.permissions import system_identity
from invenio_cache import current_cache
from invenio_rdm_records.proxies import current_rdm_records_service
from invenio_sitemap.cache import SitemapCache, SitemapIndexCache
from lxml import etree

from helpers import deposit, record_data, refresh_indices, token_headers

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _drop_sitemaps():
    for cache in (SitemapCache(current_cache), SitemapIndexCache(current_cache)):
        cache.delete_included_and_higher(0)


def _xml(client, url):
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    assert response.mimetype == "application/xml"
    return etree.fromstring(response.data)


def crawl(client):
    """Paths of every ``<url><loc>`` reachable from robots.txt, and the robots.txt lines."""
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    lines = robots.get_data(as_text=True).splitlines()
    indices = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Sitemap:")]
    assert indices
    paths = set()
    for index in indices:
        root = _xml(client, index)
        assert root.tag == f"{SITEMAP}sitemapindex"
        for sitemap in root.iter(f"{SITEMAP}loc"):
            page = _xml(client, sitemap.text)
            assert page.tag == f"{SITEMAP}urlset"
            for url in page.iter(f"{SITEMAP}url"):
                assert url.find(f"{SITEMAP}lastmod") is not None
                paths.add(urlsplit(url.find(f"{SITEMAP}loc").text).path)
    return paths, lines


@pytest.fixture(scope="module")
def records(app, depositor):
    """A public record, a restricted one and a public one that is then deleted."""
    client, headers = app.test_client(), token_headers(depositor.token)
    word = "msisitemap" + uuid.uuid4().hex[:6]
    made = {
        "public": deposit(client, headers, record_data(f"Öppen {word}")),
        "restricted": deposit(client, headers, record_data(f"Stängd {word}", access="restricted")),
        "deleted": deposit(client, headers, record_data(f"Borttagen {word}")),
    }
    current_rdm_records_service.delete_record(
        system_identity, made["deleted"]["id"], {"removal_reason": {"id": "spam"}}
    )
    refresh_indices()
    return made


@pytest.fixture(scope="module")
def applied_profile(app, database, depositor):
    """A researcher profile that is applied for, not approved (not public)."""
    from invenio_search import current_search

    from helpers import new_user, owner_identity
    from msi_rdm.researchers.proxies import current_researchers_service

    user = new_user(database, "sitemap-applicant")
    data = {
        "given_name": "Ansökt",
        "family_name": "Forskare",
        "node": {"id": "nod-boras"},
        "themes": [{"id": "jamlik-folkhalsa"}],
        "sdgs": [{"id": "sdg-11"}],
        "affiliations": [{"id": "01fdxwh83"}],
        "expertise": ["medborgardialog"],
        "bio": {"sv": "Forskar om medborgardialog.", "en": "Researches civic dialogue."},
    }
    item = current_researchers_service.create(owner_identity(user), data)
    current_search.flush_and_refresh("researchers")
    return item.id


def test_sitemaps_list_public_content_only(app, client, records, applied_profile):
    """robots.txt names /sitemap_index.xml; the sitemaps hold public records, communities and
    researcher profiles, and no restricted or deleted record nor a profile not yet approved."""
    _drop_sitemaps()
    paths, robots = crawl(client)
    assert f"Sitemap: {app.config['SITE_UI_URL']}/sitemap_index.xml" in robots
    assert f"/records/{records['public']['id']}" in paths
    assert f"/records/{records['restricted']['id']}" not in paths
    assert f"/records/{records['deleted']['id']}" not in paths

    communities = client.get("/api/communities", query_string={"size": 100}).json["hits"]["hits"]
    assert communities
    assert {f"/communities/{c['slug']}/records" for c in communities} <= paths

    public = client.get("/api/researchers", query_string={"size": 100}).json["hits"]["hits"]
    assert public
    assert {f"/researchers/{p['id']}" for p in public} <= paths
    assert f"/researchers/{applied_profile}" not in paths
    anonymous = client.get(f"/researchers/{applied_profile}")
    assert anonymous.status_code in (302, 403, 404)


def test_sitemap_index_also_at_upstreams_names(client, records):
    """/sitemap_index.xml, /sitemap.xml and /sitemap_index_0.xml are the same index."""
    _drop_sitemaps()
    bodies = {path: client.get(path) for path in ("/sitemap_index.xml", "/sitemap.xml")}
    bodies["/sitemap_index_0.xml"] = client.get("/sitemap_index_0.xml")
    for response in bodies.values():
        assert response.status_code == 200
    locs = [
        [loc.text for loc in etree.fromstring(r.data).iter(f"{SITEMAP}loc")]
        for r in bodies.values()
    ]
    assert locs[0] == locs[1] == locs[2] and locs[0]


def test_beat_task_renews_the_sitemaps_hourly(app, client, depositor, records):
    """The beat runs invenio-sitemap's task every hour; a record published after the last run
    shows once the task has run again."""
    entry = app.config["CELERY_BEAT_SCHEDULE"]["update_sitemap"]
    assert entry["schedule"] == timedelta(hours=1)
    crawl(client)
    new = deposit(app.test_client(), token_headers(depositor.token), record_data("Ny msisitemap"))
    assert f"/records/{new['id']}" not in crawl(client)[0]
    app.extensions["flask-celeryext"].celery.tasks[entry["task"]].apply()
    assert f"/records/{new['id']}" in crawl(client)[0]

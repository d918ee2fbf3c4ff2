"""The digest run through a real SMTP server: once per period, nothing twice, nothing missed."""

from datetime import timedelta

import pytest
from invenio_access.permissions import system_identity
from invenio_communities.proxies import current_communities

from helpers import deposit, new_user, record_data, token_headers
from msi_rdm.alerts import api
from msi_rdm.alerts.digest import run_digests
from msi_rdm.alerts.models import AlertDelivery, SavedSearch, utcnow

from .conftest import body, links, set_locale


def follow(database, user, query, frequency="daily", facets=()):
    """Save a search whose first period is already over (saved two periods ago)."""
    search = api.save_search(user.id, "", query, [list(f) for f in facets], frequency)
    period = {"daily": 1, "weekly": 7, "monthly": 30}[frequency]
    search.created = utcnow() - timedelta(days=2 * period)
    database.session.commit()
    return search


def later(database, search, days=1):
    """Let ``days`` pass since the search was last sent."""
    database.session.refresh(search)
    search.last_sent = search.last_sent - timedelta(days=days)
    database.session.commit()


def publish(app, depositor, title, **kwargs):
    return deposit(app.test_client(), token_headers(depositor.token), record_data(title, **kwargs))


def test_digest_sends_what_is_new_once(app, database, mailbox, follower, depositor, unique_word):
    """One e-mail in the user's language with the new public record; the next period only what
    came after it; restricted records never."""
    search = follow(database, follower, unique_word)
    first = publish(app, depositor, f"{unique_word} första")
    publish(app, depositor, f"{unique_word} hemlig", access="restricted")
    run_digests()
    [message] = mailbox.to(follower.email)
    assert message["Subject"] == "MSI: 1 new today"
    text = body(message)
    assert first["metadata"]["title"] in text and "hemlig" not in text
    assert f"/records/{first['id']}" in text
    assert message["List-Unsubscribe"].startswith("<http")
    assert AlertDelivery.query.filter_by(user_id=follower.id).count() == 1

    run_digests()  # the period is not over: nothing
    assert len(mailbox.to(follower.email)) == 1

    later(database, search)
    run_digests()  # the period is over but nothing is new: nothing sent
    assert len(mailbox.to(follower.email)) == 1

    later(database, search)
    second = publish(app, depositor, f"{unique_word} andra")
    run_digests()
    messages = mailbox.to(follower.email)
    assert len(messages) == 2
    text = body(messages[1])
    assert second["metadata"]["title"] in text
    assert first["metadata"]["title"] not in text


def test_swedish_for_a_swedish_speaking_user(app, database, mailbox, depositor, unique_word):
    """A user whose language is Swedish gets the digest in Swedish (the follower of the other
    tests chose English)."""
    user = new_user(database, "svensk")
    set_locale(app, database, user, "sv")
    database.session.commit()
    follow(database, user, unique_word, frequency="weekly")
    publish(app, depositor, f"{unique_word} rapport")
    run_digests()
    [message] = mailbox.to(user.email)
    assert message["Subject"] == "MSI: 1 nya den här veckan"
    assert "Nytt i MSI:s arkiv" in body(message)


def test_nothing_missed_when_sending_fails(
    app, database, mailbox, follower, depositor, unique_word
):
    """An SMTP failure (or a worker that dies before the commit) leaves the mark: the next run
    sends the same record."""
    search = follow(database, follower, unique_word)
    mark = search.high_water
    record = publish(app, depositor, f"{unique_word} väntar")
    mailbox.refuse = True
    counts = run_digests()
    assert counts.get("failed", 0) >= 1
    database.session.expire_all()
    assert SavedSearch.query.get(search.id).high_water == mark
    assert mailbox.to(follower.email) == []
    mailbox.refuse = False
    run_digests()
    [message] = mailbox.to(follower.email)
    assert record["metadata"]["title"] in body(message)


def test_records_still_settling_wait_for_the_next_run(
    app, database, mailbox, follower, depositor, unique_word, monkeypatch
):
    """A record newer than MSI_ALERTS_SETTLE is not behind the mark after the run: it comes in
    the next digest."""
    monkeypatch.setitem(app.config, "MSI_ALERTS_SETTLE", timedelta(minutes=10))
    search = follow(database, follower, unique_word)
    record = publish(app, depositor, f"{unique_word} ny")
    run_digests()
    assert mailbox.to(follower.email) == []
    database.session.refresh(search)
    assert search.high_water < utcnow()
    later(database, search)
    run_digests(now=utcnow() + timedelta(minutes=11))
    [message] = mailbox.to(follower.email)
    assert record["metadata"]["title"] in body(message)


def test_unsubscribe_link_works_without_signing_in(
    app, database, mailbox, follower, depositor, unique_word
):
    """The link in the e-mail stops the search for an anonymous visitor; a forged one is 404."""
    search = follow(database, follower, unique_word)
    publish(app, depositor, f"{unique_word} sista")
    run_digests()
    [message] = mailbox.to(follower.email)
    [stop] = [
        link
        for link in links(message, "/alerts/unsubscribe/")
        if link != message["List-Unsubscribe"][1:-1]
    ]
    path = stop.split("://", 1)[1].split("/", 1)[1]
    client = app.test_client()
    assert client.get(f"/{path}x").status_code == 404
    response = client.get(f"/{path}")
    assert response.status_code == 200
    database.session.expire_all()
    assert SavedSearch.query.get(search.id).active is False
    later(database, search)
    publish(app, depositor, f"{unique_word} efteråt")
    run_digests()
    assert len(mailbox.to(follower.email)) == 1
    one_click = message["List-Unsubscribe"][1:-1].split("://", 1)[1].split("/", 1)[1]
    assert client.post(f"/{one_click}").status_code == 200


def test_identical_searches_are_answered_once(app, database, mailbox, depositor, unique_word):
    """Two users following the same words: one search answers both, each gets an e-mail."""
    from msi_rdm.alerts.digest import Answers, deliver, due_groups

    users = [new_user(database, "samma") for _ in range(2)]
    searches = [follow(database, user, unique_word) for user in users]
    assert searches[0].high_water == searches[1].high_water or searches[1].high_water.minute == 0
    for search in searches:  # saved in the same hour (as a test crossing the hour may not be)
        search.high_water = searches[0].high_water
    database.session.commit()
    publish(app, depositor, f"{unique_word} delad")
    now = utcnow()
    answers = Answers(now)
    ours = {u.id for u in users}
    groups = {key: ids for key, ids in due_groups(now).items() if key[0] in ours}
    assert len(groups) == 2
    states = [deliver(user_id, f, ids, now, answers) for (user_id, f), ids in groups.items()]
    assert states == ["sent", "sent"]
    assert answers.searches == 1
    assert all(len(mailbox.to(u.email)) == 1 for u in users)


def test_rate_limit(app, database, mailbox, follower, depositor, unique_word, monkeypatch):
    """Beyond MSI_ALERTS_MAX_DIGESTS_PER_DAY the digest waits, its mark unmoved."""
    monkeypatch.setitem(app.config, "MSI_ALERTS_MAX_DIGESTS_PER_DAY", 1)
    follow(database, follower, unique_word, frequency="daily")
    weekly = follow(database, follower, unique_word, frequency="weekly")
    mark = weekly.high_water
    publish(app, depositor, f"{unique_word} gräns")
    counts = run_digests()
    assert counts["limited"] == 1
    assert len(mailbox.to(follower.email)) == 1
    database.session.expire_all()
    assert SavedSearch.query.get(weekly.id).high_water == mark


def test_bounced_addresses_stop_receiving(
    app, database, mailbox, follower, depositor, unique_word, monkeypatch
):
    """After MSI_ALERTS_MAX_BOUNCES bounces (CLI or the MTA's endpoint) no more digests."""
    monkeypatch.setitem(app.config, "MSI_ALERTS_BOUNCE_TOKEN", "studsar")
    follow(database, follower, unique_word)
    runner = app.test_cli_runner()
    from msi_rdm.cli import msi

    for _ in range(2):
        result = runner.invoke(msi, ["alerts", "bounce", follower.email])
        assert result.exit_code == 0, result.output
    assert "2 bounce(s) of 3, still receiving" in result.output
    client = app.test_client()
    assert client.post("/alerts/bounces", json={"email": follower.email}).status_code == 403
    answer = client.post(
        "/alerts/bounces",
        json={"email": follower.email},
        headers={"Authorization": "Bearer studsar"},
    )
    assert answer.json == {"email": follower.email, "bounces": 3}
    publish(app, depositor, f"{unique_word} studs")
    run_digests()
    assert mailbox.to(follower.email) == []
    assert runner.invoke(msi, ["alerts", "reset-bounces", follower.email]).exit_code == 0
    run_digests()
    assert len(mailbox.to(follower.email)) == 1


def _submit(app, depositor, title, community_id):
    """A draft submitted to a community's review."""
    client, headers = app.test_client(), token_headers(depositor.token)
    import json

    draft = client.post("/api/records", data=json.dumps(record_data(title)), headers=headers).json
    url = f"/api/records/{draft['id']}/draft"
    review = {"receiver": {"community": community_id}, "type": "community-submission"}
    assert client.put(f"{url}/review", data=json.dumps(review), headers=headers).status_code == 200
    payload = {"payload": {"content": "Granska gärna.", "format": "html"}}
    response = client.post(
        f"{url}/actions/submit-review", data=json.dumps(payload), headers=headers
    )
    assert response.status_code == 202, response.json
    return response.json


def test_coordinators_digest_of_submissions(app, database, mailbox, depositor, unique_word):
    """A curator of a node community gets the submissions waiting for its review; a user who
    does not coordinate it cannot subscribe."""
    curator = new_user(database, "kurator")
    community = current_communities.service.read(system_identity, "msi-lulea")
    current_communities.service.members.add(
        system_identity,
        community.id,
        {"members": [{"type": "user", "id": str(curator.id)}], "role": "curator"},
    )
    database.session.commit()
    assert str(community.id) in api.coordinated_communities(curator.id)
    outsider = new_user(database, "utanfor")
    with pytest.raises(api.RefusedSearch):
        api.follow_reviews(outsider.id, community.id, "daily")
    assert SavedSearch.query.filter_by(user_id=outsider.id).count() == 0
    search = api.follow_reviews(curator.id, community.id, "daily")
    search.created = utcnow() - timedelta(days=2)
    database.session.commit()
    request = _submit(app, depositor, f"{unique_word} till granskning", str(community.id))
    run_digests()
    [message] = mailbox.to(curator.email)
    text = body(message)
    assert f"{unique_word} till granskning" in text
    assert f"/me/requests/{request['id']}" in text

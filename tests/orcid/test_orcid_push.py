"""Push of published records to their consenting creators' ORCID records (member API)."""

import json

from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import deposit, record_data
from msi_rdm.orcid.models import OrcidPush
from msi_rdm.orcid.tasks import push_record_to_orcid


def _publish(client, user, title, resource_type="publication-report", access="public"):
    data = record_data(title, resource_type=resource_type, access=access)
    creator = data["metadata"]["creators"][0]["person_or_org"]
    creator["identifiers"] = [{"scheme": "orcid", "identifier": user.orcid}]
    return deposit(client, user.headers, data)


def _parent_id(recid):
    return service.record_cls.pid.resolve(recid).parent.id


def _delete(recid):
    service.delete_record(
        system_identity, recid, {"removal_reason": {"id": "spam"}, "is_visible": True}
    )


def _new_version(client, user, recid, title):
    response = client.post(f"/api/records/{recid}/versions", headers=user.headers)
    assert response.status_code == 201, response.json
    draft = response.json
    draft["metadata"]["title"] = title
    draft["metadata"]["publication_date"] = "2026-01-15"
    new_id = draft["id"]
    response = client.put(f"/api/records/{new_id}/draft", data=json.dumps(draft),
                          headers=user.headers)  # fmt: skip
    assert response.status_code == 200, response.json
    response = client.post(f"/api/records/{new_id}/draft/actions/publish", headers=user.headers)
    assert response.status_code == 202, response.json
    return new_id


def test_publish_new_version_delete(app, client, member_site, linked_user):
    """Publishing adds the work, a new version updates the same put-code, deleting the newest
    version returns it to the one before, deleting the last removes it."""
    user = linked_user(member_site, consent=True)
    authorize = next(r for r in member_site.requests if r["path"] == "/oauth/authorize")
    assert authorize["query"]["scope"] == ["/read-limited /activities/update"]
    record = _publish(client, user, "Rapport om sociala innovationer")

    (post,) = member_site.member_requests("POST")
    assert post["path"] == f"/api/v3.0/{user.orcid}/work"
    work = json.loads(post["body"])
    assert work["type"] == "report"
    assert work["title"]["title"]["value"] == "Rapport om sociala innovationer"
    assert work["publication-date"]["year"]["value"] == "2025"
    assert work["url"]["value"].endswith(f"/records/{record['id']}")
    (row,) = OrcidPush.query.filter_by(parent_id=_parent_id(record["id"])).all()
    assert list(member_site.works[user.orcid]) == [row.put_code]

    new_id = _new_version(client, user, record["id"], "Rapport om sociala innovationer, v2")
    (put,) = member_site.member_requests("PUT")
    assert put["path"] == f"/api/v3.0/{user.orcid}/work/{row.put_code}"
    assert len(member_site.member_requests("POST")) == 1
    stored = member_site.works[user.orcid][row.put_code]
    assert stored["title"]["title"]["value"] == "Rapport om sociala innovationer, v2"
    assert stored["url"]["value"].endswith(f"/records/{new_id}")
    (row,) = OrcidPush.query.filter_by(parent_id=_parent_id(new_id)).all()
    assert row.record_pid == new_id

    _delete(new_id)  # the first version is still there: the work goes back to it
    assert member_site.member_requests("DELETE") == []
    stored = member_site.works[user.orcid][row.put_code]
    assert stored["url"]["value"].endswith(f"/records/{record['id']}")
    _delete(record["id"])  # no version left
    (delete,) = member_site.member_requests("DELETE")
    assert delete["path"] == f"/api/v3.0/{user.orcid}/work/{row.put_code}"
    assert member_site.works[user.orcid] == {}
    assert OrcidPush.query.filter_by(parent_id=row.parent_id).count() == 0


def test_film_and_dataset_work_types(app, client, member_site, linked_user):
    """A film is a moving-image and a data set a data-set on ORCID."""
    user = linked_user(member_site, consent=True)
    _publish(client, user, "Film om samverkan", resource_type="video")
    _publish(client, user, "Enkätdata", resource_type="dataset")
    types = [json.loads(r["body"])["type"] for r in member_site.member_requests("POST")]
    assert types == ["moving-image", "data-set"]


def test_no_push_without_consent(app, client, member_site, linked_user):
    """A linked creator who has not consented gets nothing on ORCID."""
    user = linked_user(member_site, consent=False)
    _publish(client, user, "Utan samtycke")
    assert member_site.member_requests() == []


def test_no_push_without_member_credentials(app, client, orcid_site, linked_user):
    """With public-API credentials only, nothing is pushed, even with consent."""
    user = linked_user(orcid_site, consent=True)
    _publish(client, user, "Utan medlemsavtal")
    assert orcid_site.member_requests() == []
    assert OrcidPush.query.filter_by(orcid=user.orcid).count() == 0


def test_restricted_record_not_pushed(app, client, member_site, linked_user):
    """A restricted record stays off ORCID: its title would reach the public there."""
    user = linked_user(member_site, consent=True)
    _publish(client, user, "Hemlig rapport", access="restricted")
    assert member_site.member_requests() == []


def test_withdrawn_consent_removes_on_next_version(app, client, member_site, linked_user):
    """A creator who withdrew consent has the work removed from ORCID on the next publication."""
    from msi_rdm.orcid import api

    user = linked_user(member_site, consent=True)
    record = _publish(client, user, "Först med samtycke")
    api.set_push_consent(user.id, False)
    _new_version(client, user, record["id"], "Sedan utan")
    assert len(member_site.member_requests("DELETE")) == 1
    assert member_site.works[user.orcid] == {}


def test_orcid_down_never_blocks_publish(app, client, member_site, linked_user):
    """ORCID answering 503 throughout: the record is published, the push retried then dropped."""
    user = linked_user(member_site, consent=True)
    member_site.script("POST", "/work", 503, times=1000)
    record = _publish(client, user, "Publiceras ändå")
    assert record["is_published"]
    attempts = app.config["MSI_ORCID_MAX_ATTEMPTS"] * (push_record_to_orcid.max_retries + 1)
    assert len(member_site.member_requests("POST")) == attempts
    assert OrcidPush.query.filter_by(orcid=user.orcid).count() == 0


def test_push_rerun_after_lost_commit_keeps_one_work(app, client, member_site, linked_user):
    """A worker that died after ORCID accepted the work: the rerun finds it (409), no duplicate."""
    user = linked_user(member_site, consent=True)
    record = _publish(client, user, "Arbetaren dog")
    (row,) = OrcidPush.query.filter_by(orcid=user.orcid).all()
    put_code = row.put_code
    from invenio_db import db

    db.session.delete(row)  # the row's commit never happened
    db.session.commit()
    push_record_to_orcid.delay(record["id"])
    assert list(member_site.works[user.orcid]) == [put_code]
    (row,) = OrcidPush.query.filter_by(orcid=user.orcid).all()
    assert row.put_code == put_code
    assert [r["method"] for r in member_site.member_requests()] == ["POST", "POST", "GET", "PUT"]

"""Service and serializer schemas reused per thread dump as upstream's fresh ones do."""

from invenio_access.permissions import system_identity
from invenio_rdm_records.proxies import current_rdm_records_service as service

from helpers import changes_left_out, owner_identity
from msi_rdm.researchers.works import public_identity
from msi_rdm.upstream import dump_schemas, serializer_schemas
from msi_rdm.upstream.thread_schemas import thread_schema


def test_dump_schemas_are_reused_and_dump_as_upstream(app, database, depositor, three_records):
    """Reads by the owner, the public and the system, in turns, give what upstream's fresh
    schema per dump gives; each thread builds a schema once and keeps it to itself."""
    import threading

    from invenio_records_resources.services.records.schema import ServiceSchemaWrapper

    assert ServiceSchemaWrapper.dump is dump_schemas.dump
    callers = (owner_identity(depositor), public_identity(), system_identity)
    files_id = three_records["files"]["id"]
    seen = {}
    for _ in range(2):
        for number, identity in enumerate(callers):
            ours = service.read(identity, files_id).to_dict()
            with changes_left_out(app, "dump-schemas"):
                assert ServiceSchemaWrapper.dump is not dump_schemas.dump
                theirs = service.read(identity, files_id).to_dict()
            assert ours == theirs
            seen[number] = ours
    assert seen[0]["files"] != seen[1]["files"]  # the public does not get the owner's view
    schema_cls = service.schema.schema
    mine = thread_schema(schema_cls, {})
    assert thread_schema(schema_cls, {}) is mine
    other = []
    thread = threading.Thread(target=lambda: other.append(thread_schema(schema_cls, {})))
    thread.start()
    thread.join()
    assert other[0] is not mine and isinstance(other[0], schema_cls)


def test_ui_serializers_reuse_schemas_and_dump_as_upstream(app, database, depositor, three_records):
    """The landing page's UI serializer gives what a freshly built one gives, in Swedish and in
    English, for the owner and the public, though its schemas are built once per thread."""
    from flask import g
    from flask_babel import force_locale
    from flask_resources.serializers.base import MarshmallowSerializer
    from invenio_rdm_records.resources.serializers import UIJSONSerializer

    assert MarshmallowSerializer.__init__ is serializer_schemas.serializer_init
    assert UIJSONSerializer().object_schema is UIJSONSerializer().object_schema
    files_id = three_records["files"]["id"]
    for locale in ("sv", "en", "sv"):
        for identity in (owner_identity(depositor), public_identity()):
            with app.test_request_context("/"), force_locale(locale):
                g.identity = identity
                data = service.read(identity, files_id).to_dict()
                ours = UIJSONSerializer().dump_obj(data)
                with changes_left_out(app, "serializer-schemas"):
                    fresh = UIJSONSerializer()
                assert fresh.object_schema is not UIJSONSerializer().object_schema
                assert ours == fresh.dump_obj(data)
                assert ours["ui"]["resource_type"]["title_l10n"] == (
                    "Rapport" if locale == "sv" else "Report"
                )

"""Each alias has its newest index only: searches do not fan out over superseded versions."""

from types import SimpleNamespace

from flask import current_app
from invenio_search.proxies import current_search
from invenio_search.utils import build_alias_name, build_index_name

from msi_rdm.search.indices import drop_superseded_indices
from msi_rdm.upstream.newest_mappings import prune


def test_record_searches_run_on_one_index_per_kind(app, search):
    """Records search one shard and records with drafts two, not upstream's six and eleven."""
    for alias, shards in (("rdmrecords-records", 1), ("rdmrecords-drafts", 1), ("rdmrecords", 2)):
        answer = search.search(index=build_alias_name(alias), size=0)
        assert answer["_shards"]["total"] == shards, alias
    assert "rdmrecords-records-record-v6.0.0" not in current_search.mappings
    assert "rdmrecords-drafts-draft-v5.0.0" not in current_search.mappings


def test_every_service_index_is_kept(app):
    """The index each registered service writes to is the version that stays registered."""
    registry = current_app.extensions["invenio-records-resources"].registry
    names = set()
    for service in registry._services.values():
        for cls_name in ("record_cls", "draft_cls"):
            index = getattr(getattr(service.config, cls_name, None), "index", None)
            if index is not None:
                names.add(index._name)
    assert "rdmrecords-records-record-v7.0.0" in names
    assert names <= set(current_search.mappings)


def test_newest_version_kept_by_number():
    """Versions compare as numbers (v10 after v9), per base name, in nested alias trees;
    names without a version stay."""
    state = SimpleNamespace(
        aliases={
            "things": {
                "things-thing-v9.0.0": "a",
                "things-thing-v10.0.0": "b",
                "things-other-v1.0.0": "c",
            },
            "nested": {
                "nested-inner": {"nested-inner-item-v1.2.0": "d", "nested-inner-item-v1.10.0": "e"}
            },
            "plain": {"plain-index": "f"},
        },
        mappings={},
    )
    state.mappings = {name: path for tree in state.aliases.values() for name, path in _leaves(tree)}
    removed = sorted(name for _, name, _ in prune(state.aliases))
    for name in removed:
        state.mappings.pop(name)
    assert removed == ["nested-inner-item-v1.2.0", "things-thing-v9.0.0"]
    assert sorted(state.mappings) == [
        "nested-inner-item-v1.10.0",
        "plain-index",
        "things-other-v1.0.0",
        "things-thing-v10.0.0",
    ]
    assert state.aliases["things"] == {"things-thing-v10.0.0": "b", "things-other-v1.0.0": "c"}


def _leaves(tree):
    for name, value in tree.items():
        if isinstance(value, dict):
            yield from _leaves(value)
        else:
            yield name, value


def test_superseded_indices_dropped_only_when_empty(app, search):
    """An instance created before keeps an empty superseded index no longer; one holding
    documents is kept and reported, for a migration to move them first."""
    empty, full = "rdmrecords-records-record-v6.0.0", "rdmrecords-drafts-draft-v5.0.0"
    created = []
    try:
        for name in (empty, full):
            index = build_index_name(name)
            search.indices.create(index=index, body={"aliases": {build_alias_name(name): {}}})
            created.append(index)
        search.index(index=created[1], id="left-over", body={"title": "x"}, refresh=True)
        lines = []
        deleted = drop_superseded_indices(echo=lines.append)
        assert deleted == [created[0]]
        assert not search.indices.exists(index=created[0])
        assert search.indices.exists(index=created[1])
        assert f"{created[1]}: superseded, not empty (1 documents); kept, migrate it first" in (
            lines
        )
    finally:
        for index in created:
            search.indices.delete(index=index, ignore=[404])

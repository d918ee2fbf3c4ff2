"""One index per kind of document: mapping versions upstream has moved past are not created.

invenio-search registers every mapping file a package ships. A plain ``invenio index init``
therefore creates six record indices (v2 to v7) and five draft indices under the same aliases,
though only the newest of each is ever written to. Every record search then runs on six shards, and
a user's drafts search on eleven; each of them parses the query and builds the ten facet
aggregations for no documents. Upstream's upgrade recipes roll a running instance over to the new
index and delete the old one, so an instance that is looked after has one index per alias. A new
instance should not have the old ones at all.

``keep_newest_mappings`` removes the superseded versions from invenio-search's registry when the
application is finalised, so creating, deleting and listing indices see only the newest.
``drop_superseded_indices`` deletes those that an instance created before this change still has,
when they hold no documents; one that holds documents is left alone and reported, because it needs
a real migration.
"""

import re

from flask import current_app
from invenio_search.proxies import current_search_client
from invenio_search.utils import build_alias_name

VERSIONED = re.compile(r"^(?P<base>.+)-v(?P<version>\d+(?:\.\d+)*)$")


def _prune(tree):
    """Remove all but the newest version of each index from an alias tree; return the removed."""
    versions, removed = {}, []
    for name, value in tree.items():
        if isinstance(value, dict):
            removed += _prune(value)
            continue
        match = VERSIONED.match(name)
        if match:
            number = tuple(int(part) for part in match["version"].split("."))
            versions.setdefault(match["base"], []).append((number, name))
    for named in versions.values():
        for _, name in sorted(named)[:-1]:
            del tree[name]
            removed.append(name)
    return removed


def keep_newest_mappings(state):
    """Forget superseded mapping versions in invenio-search's ``state``; return their names."""
    removed = _prune(state.aliases)
    for name in removed:
        state.mappings.pop(name, None)
    return sorted(removed)


def drop_superseded_indices(echo=print):
    """Delete the indices behind the superseded mapping versions when they hold no documents.

    Returns the names of the indices deleted. An index with documents is kept and reported.
    """
    deleted = []
    for name in current_app.extensions["msi-rdm"].superseded_indices:
        alias = build_alias_name(name)
        if not current_search_client.indices.exists_alias(name=alias):
            continue
        for index in current_search_client.indices.get_alias(name=alias):
            count = current_search_client.count(index=index)["count"]
            if count:
                echo(f"{index}: superseded, not empty ({count} documents); kept, migrate it first")
                continue
            current_search_client.indices.delete(index=index)
            deleted.append(index)
            echo(f"{index}: superseded and empty; deleted")
    return deleted

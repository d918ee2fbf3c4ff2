"""Indices of mapping versions upstream has moved past, deleted when they hold nothing.

``msi_rdm.upstream.newest_mappings`` keeps superseded mapping versions out of invenio-search's
registry, so a new instance never creates them. An instance created before that still has them:
``drop_superseded_indices`` deletes those that hold no documents; one that holds documents is left
alone and reported, because it needs a real migration.
"""

from flask import current_app
from invenio_search.proxies import current_search_client
from invenio_search.utils import build_alias_name


def drop_superseded_indices(echo=print):
    """Delete the indices behind the superseded mapping versions when they hold no documents.

    Returns the names of the indices deleted. An index with documents is kept and reported.
    """
    deleted = []
    for name in current_app.extensions["msi-search"].superseded_indices:
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

"""One index per kind of document: mapping versions upstream has moved past are not created.

invenio-search registers every mapping file a package ships. A plain ``invenio index init``
therefore creates six record indices (v2 to v7) and five draft indices under the same aliases,
though only the newest of each is ever written to. Every record search then runs on six shards, and
a user's drafts search on eleven; each of them parses the query and builds the ten facet
aggregations for no documents. Upstream's upgrade recipes roll a running instance over to the new
index and delete the old one, so an instance that is looked after has one index per alias. A new
instance should not have the old ones at all.

This removes the superseded versions from invenio-search's registry when the application is
finalised, so creating, deleting and listing indices see only the newest; their names are kept on
the search feature (``app.extensions["msi-search"].superseded_indices``) for
``msi_rdm.search.indices.drop_superseded_indices``. With the change out, invenio-search's registry
is upstream's and searches run on every registered version.
"""

import re

from .change import UpstreamChange

VERSIONED = re.compile(r"^(?P<base>.+)-v(?P<version>\d+(?:\.\d+)*)$")


def prune(tree):
    """Remove all but the newest version of each index from an alias tree.

    Returns ``[(dict, name, value)]`` of what was removed, to put back on revert.
    """
    versions, removed = {}, []
    for name, value in tree.items():
        if isinstance(value, dict):
            removed += prune(value)
            continue
        match = VERSIONED.match(name)
        if match:
            number = tuple(int(part) for part in match["version"].split("."))
            versions.setdefault(match["base"], []).append((number, name))
    for named in versions.values():
        for _, name in sorted(named)[:-1]:
            removed.append((tree, name, tree.pop(name)))
    return removed


_removed = {}


def apply(app):
    """Forget superseded mapping versions in this application's invenio-search registry."""
    state = app.extensions["invenio-search"]
    if id(state) in _removed:
        return
    removed = prune(state.aliases)
    mappings = [(name, state.mappings.pop(name, None)) for _, name, _ in removed]
    _removed[id(state)] = (removed, mappings)
    app.extensions["msi-search"].superseded_indices = sorted(name for _, name, _ in removed)


def revert(app):
    """Put the superseded mapping versions back into the registry."""
    state = app.extensions["invenio-search"]
    removed, mappings = _removed.pop(id(state), ([], []))
    for tree, name, value in removed:
        tree[name] = value
    for name, mapping in mappings:
        if mapping is not None:
            state.mappings[name] = mapping
    app.extensions["msi-search"].superseded_indices = []


change = UpstreamChange(
    name="newest-mappings",
    replaces=(
        "invenio_search.ext._SearchState.aliases",
        "invenio_search.ext._SearchState.mappings",
    ),
    why="a record search ran on six shards (v2-v7) and a drafts search on eleven, five of them "
    "always empty; each parsed the query and built ten facet aggregations",
    checked={"invenio-search": ("3.1.3",)},
    unnecessary_when="invenio-search registers only the newest mapping version per alias (or "
    "offers a setting to leave superseded ones out)",
    apply=apply,
    revert=revert,
    phase="finalize",
)

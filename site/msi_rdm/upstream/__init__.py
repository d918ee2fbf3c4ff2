"""Every change this instance makes to upstream behaviour at run time, and nothing else.

Upstream offers no hook for these. Each module here holds one change: what it replaces, why (the
gain it was measured to bring), the upstream versions it was checked against, and what upstream
change would make it unnecessary, as an ``UpstreamChange``. A change is applied only while its
switch (``MSI_UPSTREAM_<NAME>``, and ``MSI_UPSTREAM_ENABLED`` for all) is on and every upstream
distribution it touches is at a version it was checked against; otherwise it is left out and one
warning line says why. ``invenio msi upstream`` lists them with their state. Nothing outside this
package assigns to upstream classes, modules or objects, or reads their private attributes
(``tests/upstream/test_boundary.py``).

Most changes only make the site faster: with them out the answers are the same
(``tests/upstream/test_equivalence.py``). Three change behaviour where upstream has no hook for
what MSI needs, and say so in their module: ``tolerant-indexer``, ``media-file-names`` and
``record-dumper``.
"""

from . import (
    bulk_prefetch,
    bulk_publish,
    cached_facets,
    dump_schemas,
    lazy_strings,
    media_file_names,
    newest_mappings,
    record_dumper,
    request_schemas,
    search_hits,
    serializer_schemas,
    serializer_vocabularies,
    signatures,
    signposting_vocabularies,
    tolerant_indexer,
    vocabulary_terms,
)
from .change import APPLIED, OFF, UNCHECKED, UpstreamChange

CHANGES = {
    module.change.name: module.change
    for module in (
        signatures,
        dump_schemas,
        serializer_schemas,
        lazy_strings,
        request_schemas,
        vocabulary_terms,
        serializer_vocabularies,
        signposting_vocabularies,
        cached_facets,
        bulk_prefetch,
        bulk_publish,
        search_hits,
        newest_mappings,
        record_dumper,
        tolerant_indexer,
        media_file_names,
    )
}
"""Every change, by name, in the order they are applied."""

__all__ = (
    "APPLIED",
    "CHANGES",
    "OFF",
    "UNCHECKED",
    "UpstreamChange",
    "apply_at_finalize",
    "apply_at_init",
)


def apply_at_init(app):
    """Apply or leave out the changes that take effect when the application is created."""
    for change in CHANGES.values():
        if change.phase == "init":
            change.decide(app)


def apply_at_finalize(app):
    """Apply or leave out the changes to upstream's services and registries, which exist now."""
    for change in CHANGES.values():
        if change.phase == "finalize":
            change.decide(app)

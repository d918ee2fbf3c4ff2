"""MSI's serializers dump with copies of upstream's schema modules that read a vocabulary table.

Upstream's DataCite, Dublin Core, CSL, schema.org and MARC schemas look up the props of every
vocabulary term they map (resource types, roles, date and relation types) with
``get_vocabulary_props``: a vocabulary search of about 10 ms, several times per record, most of
an OAI-PMH page (B4 went from 76 to over 1,000 records/s with the table). MSI's serializers
(``msi_rdm.exports``) dump with a copy of upstream's schema module instead: the module's own
code, executed afresh under an MSI name, with ``get_vocabulary_props`` in the copy answered by
``msi_rdm.vocabularies.props.vocabulary_props``. Upstream's modules and classes are left as they
are; every other serializer keeps upstream's lookups. With the change out, MSI's serializers use
upstream's schemas as they are.
"""

import importlib.util
import warnings
from functools import cache

from ..vocabularies.props import vocabulary_props
from .change import UpstreamChange

LOOKUP = "get_vocabulary_props"

change = UpstreamChange(
    name="serializer-vocabularies",
    replaces=tuple(
        f"invenio_rdm_records.resources.serializers.{kind}.schema.{LOOKUP} (in MSI's copies)"
        for kind in ("datacite", "dublincore", "csl", "schemaorg", "marcxml")
    ),
    why="a vocabulary search of ~10 ms per term and record: most of an OAI-PMH page",
    checked={"invenio-rdm-records": ("32.3.2",)},
    unnecessary_when="invenio-rdm-records' serializers take their vocabulary lookups from a "
    "cache of their own or as a schema option",
)


@cache
def table_module(name):
    """A fresh copy of the upstream module ``name`` whose vocabulary lookups use the table."""
    origin = importlib.util.find_spec(name).origin
    spec = importlib.util.spec_from_file_location(f"msi_rdm.upstream.copies.{name}", origin)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = name.rpartition(".")[0]  # its relative imports reach upstream's package
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportWarning)
        spec.loader.exec_module(module)
    if not hasattr(module, LOOKUP):
        raise LookupError(f"{name} no longer has {LOOKUP}")
    setattr(module, LOOKUP, vocabulary_props)
    return module


def table_schema(schema_cls):
    """The schema class to dump with instead of upstream's ``schema_cls``.

    The copy's class of the same name while the change is in effect, else ``schema_cls``.
    """
    if not change.active:
        return schema_cls
    return getattr(table_module(schema_cls.__module__), schema_cls.__name__)

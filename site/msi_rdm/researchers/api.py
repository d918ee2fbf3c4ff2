"""The researcher profile record: its PID, schema, index and relations to the vocabularies."""

from invenio_pidstore.providers.recordid_v2 import RecordIdProviderV2
from invenio_records.dumpers import SearchDumper
from invenio_records.dumpers.indexedat import IndexedAtDumperExt
from invenio_records.dumpers.relations import RelationDumperExt
from invenio_records.systemfields import ConstantField, ModelField, RelationsField
from invenio_records_resources.records.api import Record
from invenio_records_resources.records.systemfields import (
    IndexField,
    PIDField,
    PIDListRelation,
    PIDRelation,
)
from invenio_records_resources.records.systemfields.pid import PIDFieldContext
from invenio_vocabularies.contrib.affiliations.api import Affiliation
from invenio_vocabularies.records.api import Vocabulary

from .models import ResearcherMetadata

STATUSES = ("applied", "affiliated", "declined", "former")
PUBLIC_STATUSES = ("affiliated", "former")


class ResearcherIdProvider(RecordIdProviderV2):
    """Short random identifiers, like the records', under a PID type of their own."""

    pid_type = "msires"


class Researcher(Record):
    """An affiliated (or applying, or former) researcher of the MSI network."""

    model_cls = ResearcherMetadata
    schema = ConstantField("$schema", "local://researchers/researcher-v1.0.0.json")
    index = IndexField("researchers-researcher-v1.0.0", search_alias="researchers")
    pid = PIDField("id", provider=ResearcherIdProvider, context_cls=PIDFieldContext, create=True)
    user_id = ModelField("user_id", dump=False)

    relations = RelationsField(
        node=PIDRelation(
            "node",
            keys=["title", "props.community", "props.ror", "props.university"],
            pid_field=Vocabulary.pid.with_type_ctx("msinodes"),
            cache_key="msinodes",
        ),
        themes=PIDListRelation(
            "themes",
            keys=["title"],
            pid_field=Vocabulary.pid.with_type_ctx("msithemes"),
            cache_key="msithemes",
        ),
        sdgs=PIDListRelation(
            "sdgs",
            keys=["title", "props.uri"],
            pid_field=Vocabulary.pid.with_type_ctx("sdgs"),
            cache_key="sdgs",
        ),
        affiliations=PIDListRelation(
            "affiliations",
            keys=["name", "acronym", "identifiers"],
            pid_field=Affiliation.pid,
            cache_key="affiliations",
        ),
    )

    dumper = SearchDumper(
        model_fields={"user_id": ("user_id", int)},
        extensions=[RelationDumperExt("relations"), IndexedAtDumperExt()],
    )

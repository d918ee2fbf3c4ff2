"""The researcher profile service: profiles, the affiliation workflow, a researcher's works."""

from datetime import UTC, datetime

from invenio_i18n import lazy_gettext as _
from invenio_records_resources.services import (
    RecordService,
    RecordServiceConfig,
    SearchOptions,
)
from invenio_records_resources.services.base.config import ConfiguratorMixin, FromConfig
from invenio_records_resources.services.records.components import (
    RelationsComponent,
    ServiceComponent,
)
from invenio_records_resources.services.records.facets import TermsFacet
from invenio_records_resources.services.records.links import RecordEndpointLink
from invenio_records_resources.services.records.params import (
    FacetsParam,
    PaginationParam,
    QueryStrParam,
)
from invenio_records_resources.services.records.queryparser import QueryParser
from invenio_records_resources.services.uow import RecordCommitOp, TaskOp, unit_of_work
from invenio_vocabularies.services.facets import VocabularyLabels
from marshmallow import ValidationError

from ..orcid.api import orcid_holder, verified_orcid
from . import notify
from .api import Researcher
from .expert import ChallengeParam, ChallengeSortParam
from .explain import ResearcherList
from .models import ResearcherMetadata
from .permissions import ResearcherPermissionPolicy
from .schema import ResearcherSchema


class ResearcherSearchOptions(SearchOptions):
    """Directory search: by name, expertise, bio, themes and node; facets for the filters."""

    query_parser_cls = QueryParser.factory(
        fields=[
            "name^5",
            "family_name^4",
            "expertise^3",
            "themes.title.*^2",
            "node.title.*",
            "sdgs.title.*",
            "affiliations.name",
            "bio.sv",
            "bio.en",
            "orcid.id",
        ]
    )
    sort_default = "bestmatch"
    sort_default_no_query = "name"
    sort_options = {
        "bestmatch": dict(title=_("Best match"), fields=["_score", "name_sort"]),
        "name": dict(title=_("Name"), fields=["name_sort"]),
        "newest": dict(title=_("Newest"), fields=["-created"]),
    }
    facets = {
        "node": TermsFacet(
            field="node.id", label=_("Node"), value_labels=VocabularyLabels("msinodes")
        ),
        "theme": TermsFacet(
            field="themes.id", label=_("Theme"), value_labels=VocabularyLabels("msithemes")
        ),
        "sdg": TermsFacet(
            field="sdgs.id",
            label=_("Sustainable Development Goal"),
            value_labels=VocabularyLabels("sdgs"),
        ),
        "expertise": TermsFacet(field="expertise.keyword", label=_("Expertise")),
        "status": TermsFacet(field="status", label=_("Status")),
    }
    pagination_options = {"default_results_per_page": 20, "default_max_results": 10000}
    params_interpreters_cls = [
        QueryStrParam,
        ChallengeParam,
        PaginationParam,
        ChallengeSortParam,
        FacetsParam,
    ]


def actor(identity):
    """The account behind an action, or None for system processes."""
    return identity.id if isinstance(identity.id, int) else None


def now_iso():
    """The current UTC time as ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class ResearcherComponent(ServiceComponent):
    """Copies the owner's data onto the profile and keeps what only the workflow may change."""

    EDITABLE = (
        "given_name",
        "family_name",
        "affiliations",
        "node",
        "themes",
        "sdgs",
        "expertise",
        "bio",
        "websites",
        "contact",
        "claimed_works",
    )

    def _copy(self, data, record):
        for key in self.EDITABLE:
            if key in data:
                record[key] = data[key]
            else:
                record.pop(key, None)
        given = record.get("given_name")
        record["name"] = f"{record['family_name']}, {given}" if given else record["family_name"]

    def _set_orcid(self, data, record, user_id):
        """Keep the iD the owner gives; verified only when the owner's account is linked to it."""
        orcid = (data.get("orcid") or {}).get("id")
        if not orcid:
            record.pop("orcid", None)
            return
        holder = orcid_holder(orcid)
        if holder is not None and holder != user_id:
            raise ValidationError(
                {"orcid": [str(_("This ORCID iD is linked to another account."))]}
            )
        taken = (
            ResearcherMetadata.query.filter(
                ResearcherMetadata.json["orcid"]["id"].as_string() == orcid,
                ResearcherMetadata.json["orcid"]["verified"].as_boolean().is_(True),
                ResearcherMetadata.id != record.id,
            ).count()
            if record.id
            else 0
        )
        if taken:
            raise ValidationError(
                {"orcid": [str(_("Another profile holds this verified ORCID iD."))]}
            )
        record["orcid"] = {"id": orcid, "verified": verified_orcid(user_id) == orcid}

    def _check_claims(self, record):
        claims = record.get("claimed_works") or []
        if not claims:
            return
        from invenio_pidstore.models import PersistentIdentifier, PIDStatus

        found = {
            pid.pid_value
            for pid in PersistentIdentifier.query.filter(
                PersistentIdentifier.pid_type == "recid",
                PersistentIdentifier.pid_value.in_(claims),
                PersistentIdentifier.status == PIDStatus.REGISTERED,
            )
        }
        missing = [c for c in claims if c not in found]
        if missing:
            raise ValidationError(
                {
                    "claimed_works": [
                        str(_("No published record with id %(ids)s.", ids=", ".join(missing)))
                    ]
                }
            )

    def create(self, identity, data=None, record=None, errors=None, uow=None, **kwargs):
        user_id = identity.id
        if user_id is None:
            raise ValidationError(str(_("Sign in to apply.")))
        if ResearcherMetadata.query.filter_by(user_id=user_id).count():
            raise ValidationError(str(_("You already have a researcher profile.")))
        record.user_id = user_id
        self._copy(data, record)
        self._set_orcid(data, record, user_id)
        self._check_claims(record)
        record["status"] = "applied"
        record["owner"] = {"user": user_id}
        record["review"] = [
            {"action": "applied", "by": user_id, "at": now_iso(), "node": record["node"]["id"]}
        ]

    def update(self, identity, data=None, record=None, uow=None, **kwargs):
        old_node = (record.get("node") or {}).get("id")
        self._copy(data, record)
        self._set_orcid(data, record, record.user_id)
        self._check_claims(record)
        node = record["node"]["id"]
        # A declined application is re-sent by editing it; a move to another node needs that
        # node's approval.
        if record["status"] == "declined" or (
            record["status"] == "affiliated" and node != old_node
        ):
            record["status"] = "applied"
            record.setdefault("review", []).append(
                {"action": "applied", "by": actor(identity), "at": now_iso(), "node": node}
            )
            self.uow.register(TaskOp(notify.application_received, str(record.id)))

    def read(self, identity, record=None, **kwargs):
        record.relations.dereference()


class ResearcherServiceConfig(RecordServiceConfig, ConfiguratorMixin):
    """Configuration of the researcher profile service."""

    service_id = "msi-researchers"
    record_cls = Researcher
    schema = ResearcherSchema
    permission_policy_cls = FromConfig(
        "MSI_RESEARCHERS_PERMISSION_POLICY", default=ResearcherPermissionPolicy
    )
    search = ResearcherSearchOptions
    result_list_cls = ResearcherList
    indexer_queue_name = "msi-researchers"
    components = [ResearcherComponent, RelationsComponent]
    links_item = {
        "self": RecordEndpointLink("msi_researchers.read"),
        "self_html": RecordEndpointLink("msi_researchers_ui.profile"),
        "works": RecordEndpointLink("msi_researchers.works"),
    }
    links_search = {}


class ResearcherService(RecordService):
    """Profiles plus the affiliation workflow: apply (create), approve, decline, retire."""

    def create(self, identity, data, uow=None, expand=False, **kwargs):
        """Apply: create the caller's profile (``applied``) and tell the node's coordinators."""
        return self._apply(identity, data, uow=uow, expand=expand)

    @unit_of_work()
    def _apply(self, identity, data, uow=None, expand=False):
        result = self._create(self.record_cls, identity, data, uow=uow, expand=expand)
        uow.register(TaskOp(notify.application_received, str(result._record.id)))
        return result

    def _transition(self, identity, id_, action, allowed_from, new_status, data, uow, permission):
        record = self.record_cls.pid.resolve(id_)
        self.require_permission(identity, permission, record=record)
        if record["status"] not in allowed_from:
            raise ValidationError(
                str(
                    _(
                        "This profile is %(status)s; it cannot be %(action)s.",
                        status=record["status"],
                        action=action,
                    )
                )
            )
        comment = ((data or {}).get("comment") or "").strip()
        if action == "declined" and not comment:
            raise ValidationError({"comment": [str(_("Say why the application is declined."))]})
        if len(comment) > 2000:
            raise ValidationError({"comment": [str(_("The comment is too long."))]})
        record["status"] = new_status
        entry = {
            "action": action,
            "by": actor(identity),
            "at": now_iso(),
            "node": record["node"]["id"],
        }
        if comment:
            entry["comment"] = comment
        record.setdefault("review", []).append(entry)
        uow.register(RecordCommitOp(record, self.indexer, index_refresh=True))
        uow.register(TaskOp(notify.decision_made, str(record.id), action))
        return record

    @unit_of_work()
    def approve(self, identity, id_, data=None, uow=None):
        """A coordinator of the profile's node approves; the profile becomes public."""
        record = self._transition(
            identity, id_, "approved", ("applied",), "affiliated", data, uow, "review"
        )
        from .names import sync_name

        sync_name(record, uow=uow)
        return self.result_item(self, identity, record, links_tpl=self.links_item_tpl)

    @unit_of_work()
    def decline(self, identity, id_, data=None, uow=None):
        """A coordinator declines the application, with a comment the researcher reads."""
        record = self._transition(
            identity, id_, "declined", ("applied",), "declined", data, uow, "review"
        )
        return self.result_item(self, identity, record, links_tpl=self.links_item_tpl)

    @unit_of_work()
    def retire(self, identity, id_, data=None, uow=None):
        """End an affiliation; the profile stays public, marked as a former member."""
        record = self._transition(
            identity, id_, "retired", ("affiliated",), "former", data, uow, "retire"
        )
        return self.result_item(self, identity, record, links_tpl=self.links_item_tpl)

    def read_by_user(self, identity, user_id):
        """The profile of a user account, or None."""
        row = ResearcherMetadata.query.filter_by(user_id=user_id).one_or_none()
        if row is None or row.is_deleted:
            return None
        return self.read(identity, Researcher(row.data, model=row).pid.pid_value)

    @unit_of_work()
    def set_orcid_verified(self, user_id, orcid, verified, uow=None):
        """Follow the account's ORCID link: linking marks the iD verified, unlinking clears it."""
        row = ResearcherMetadata.query.filter_by(user_id=user_id).one_or_none()
        if row is None:
            return None
        record = Researcher(row.data, model=row)
        if verified:
            record["orcid"] = {"id": orcid, "verified": True}
        elif (record.get("orcid") or {}).get("id") == orcid:
            record["orcid"] = {"id": orcid, "verified": False}
        else:
            return record
        uow.register(RecordCommitOp(record, self.indexer, index_refresh=True))
        if verified and record["status"] in ("affiliated", "former"):
            from .names import sync_name

            sync_name(record, uow=uow)
        return record

    def works(self, identity, id_, params=None):
        """The repository's works of a researcher, as the caller may see them."""
        from .works import researcher_works

        profile = self.read(identity, id_)
        return researcher_works(identity, profile._record, params or {})

    def coauthors(self, identity, id_):
        """Researchers of the network who share works with this one."""
        from .works import network_coauthors

        profile = self.read(identity, id_)
        return network_coauthors(identity, profile._record)

"""Marshmallow schema of researcher profiles: what owners may send, and what each reader sees."""

from invenio_i18n import lazy_gettext as _
from invenio_records_resources.services.records.schema import BaseRecordSchema
from invenio_vocabularies.services.schema import VocabularyRelationSchema
from marshmallow import (
    Schema,
    ValidationError,
    fields,
    post_dump,
    pre_load,
    validate,
    validates,
    validates_schema,
)
from marshmallow_utils.context import context_schema
from marshmallow_utils.fields import SanitizedHTML, SanitizedUnicode

from ..orcid.ids import InvalidOrcidError, normalize_orcid
from .api import STATUSES


class OrcidField(fields.String):
    """An ORCID iD, checked for format and check digit, stored without its URL prefix."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return normalize_orcid(super()._deserialize(value, attr, data, **kwargs))
        except InvalidOrcidError as error:
            raise ValidationError(str(error)) from error


class TolerantSchema(Schema):
    """Accepts its own output: read-only fields sent back are dropped, not refused."""

    @pre_load
    def _drop_read_only(self, data, **kwargs):
        if isinstance(data, dict):
            return {
                k: v for k, v in data.items() if not getattr(self.fields.get(k), "dump_only", False)
            }
        return data


class OrcidSchema(TolerantSchema):
    """The profile's iD; ``verified`` is set only by linking the account with ORCID."""

    id = OrcidField(required=True)
    verified = fields.Boolean(dump_only=True)


class RefSchema(VocabularyRelationSchema):
    """A vocabulary entry by id; titles are filled in on output."""

    props = fields.Dict(dump_only=True)


class AffiliationRefSchema(TolerantSchema):
    """An organisation of the affiliations vocabulary (ROR-backed)."""

    id = SanitizedUnicode(required=True)
    name = SanitizedUnicode(dump_only=True)
    acronym = SanitizedUnicode(dump_only=True)
    identifiers = fields.List(fields.Dict(), dump_only=True)


class BioSchema(Schema):
    """A short biography in Swedish and English (plain text)."""

    sv = SanitizedUnicode(validate=validate.Length(max=3000))
    en = SanitizedUnicode(validate=validate.Length(max=3000))


class LinkSchema(Schema):
    """A web page of the researcher."""

    url = fields.Url(required=True, schemes={"http", "https"})
    label = SanitizedUnicode(validate=validate.Length(max=200))


class ContactSchema(Schema):
    """Contact details, shown to others only when ``public`` is true."""

    email = fields.Email()
    phone = SanitizedUnicode(validate=validate.Regexp(r"^[0-9 +()\-]{5,30}$"))
    public = fields.Boolean(load_default=False)


class ReviewEntrySchema(Schema):
    """One step of the affiliation workflow."""

    action = fields.String()
    comment = SanitizedHTML()
    by = fields.Integer(allow_none=True)
    at = fields.String()
    node = fields.String()


class ResearcherSchema(BaseRecordSchema):
    """A researcher profile."""

    given_name = SanitizedUnicode(validate=validate.Length(max=100))
    family_name = SanitizedUnicode(required=True, validate=validate.Length(min=1, max=100))
    name = fields.String(dump_only=True)
    orcid = fields.Nested(OrcidSchema)
    affiliations = fields.List(
        fields.Nested(AffiliationRefSchema), validate=validate.Length(max=10)
    )
    node = fields.Nested(RefSchema, required=True)
    themes = fields.List(fields.Nested(RefSchema), validate=validate.Length(max=10))
    sdgs = fields.List(fields.Nested(RefSchema), validate=validate.Length(max=17))
    expertise = fields.List(
        SanitizedUnicode(validate=validate.Length(min=1, max=80)), validate=validate.Length(max=20)
    )
    bio = fields.Nested(BioSchema)
    websites = fields.List(fields.Nested(LinkSchema), validate=validate.Length(max=10))
    contact = fields.Nested(ContactSchema)
    claimed_works = fields.List(
        SanitizedUnicode(validate=validate.Regexp(r"^[a-z0-9]{5}-[a-z0-9]{5}$")),
        validate=validate.Length(max=500),
    )
    status = fields.String(dump_only=True, validate=validate.OneOf(STATUSES))
    review = fields.List(fields.Nested(ReviewEntrySchema), dump_only=True)
    owner = fields.Dict(dump_only=True)

    @validates_schema
    def _known_vocabulary_ids(self, data, **kwargs):
        """Name the field and the id of every unknown vocabulary entry."""
        errors = {}
        for field, vocabulary in VOCABULARY_FIELDS.items():
            value = data.get(field)
            refs = value if isinstance(value, list) else [value] if value else []
            unknown = [
                ref["id"] for ref in refs if not vocabulary_entry_exists(vocabulary, ref["id"])
            ]
            if unknown:
                errors[field] = [str(_("Unknown: %(ids)s.", ids=", ".join(unknown)))]
        if errors:
            raise ValidationError(errors)

    @validates("claimed_works")
    def _unique_claims(self, value, **kwargs):
        if len(set(value)) != len(value):
            raise ValidationError(str(_("A work is claimed twice.")))

    @post_dump(pass_original=True)
    def _visible_parts(self, data, original, **kwargs):
        """Drop what the reader may not see: private contact details, review history, owner."""
        context = context_schema.get({})
        identity = context.get("identity")
        record = context.get("record")
        may_see_private = bool(
            identity and record is not None and _may_see_private(identity, record)
        )
        contact = data.get("contact")
        if contact and not contact.get("public") and not may_see_private:
            data.pop("contact")
        if not may_see_private:
            data.pop("review", None)
            data.pop("owner", None)
        return data


VOCABULARY_FIELDS = {
    "node": "msinodes",
    "themes": "msithemes",
    "sdgs": "sdgs",
    "affiliations": "affiliations",
}


def vocabulary_entry_exists(vocabulary, id_):
    """Whether the vocabulary has an entry with this id."""
    from invenio_vocabularies.contrib.affiliations.api import Affiliation
    from invenio_vocabularies.records.api import Vocabulary

    field = (
        Affiliation.pid
        if vocabulary == "affiliations"
        else Vocabulary.pid.with_type_ctx(vocabulary)
    )
    try:
        field.resolve(id_)
    except Exception:  # noqa: BLE001 - not found, in whichever way the PID field says it
        return False
    return True


def _may_see_private(identity, record):
    from .proxies import current_researchers_service

    return current_researchers_service.check_permission(identity, "read_private", record=record)

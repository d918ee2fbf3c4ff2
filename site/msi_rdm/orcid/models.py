"""Works imported from ORCID, the state of each import, and the works pushed to ORCID."""

from invenio_db import db
from sqlalchemy.dialects import postgresql
from sqlalchemy_utils.types import UUIDType

JSON = db.JSON().with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


class OrcidWork(db.Model):
    """One public work of a researcher's ORCID record, as last imported."""

    __tablename__ = "msi_orcid_works"
    __table_args__ = (db.UniqueConstraint("orcid", "put_code", name="uq_msi_orcid_works_put_code"),)

    id = db.Column(db.Integer, primary_key=True)
    orcid = db.Column(db.String(19), nullable=False, index=True)
    put_code = db.Column(db.BigInteger, nullable=False)
    title = db.Column(db.Text, nullable=False)
    work_type = db.Column(db.String(64), nullable=True)
    year = db.Column(db.Integer, nullable=True)
    doi = db.Column(db.String(255), nullable=True)
    url = db.Column(db.Text, nullable=True)
    journal = db.Column(db.Text, nullable=True)
    raw = db.Column(JSON, nullable=False)
    updated = db.Column(db.DateTime, nullable=False, default=db.func.now(), onupdate=db.func.now())


class OrcidImport(db.Model):
    """The state of the latest works import of one ORCID iD."""

    __tablename__ = "msi_orcid_imports"

    orcid = db.Column(db.String(19), primary_key=True)
    status = db.Column(db.String(16), nullable=False)
    works = db.Column(db.Integer, nullable=True)
    error = db.Column(db.Text, nullable=True)
    updated = db.Column(db.DateTime, nullable=False, default=db.func.now(), onupdate=db.func.now())


class OrcidPush(db.Model):
    """A record (all its versions) on one researcher's ORCID record, with ORCID's put-code."""

    __tablename__ = "msi_orcid_pushes"
    __table_args__ = (db.UniqueConstraint("parent_id", "orcid", name="uq_msi_orcid_pushes_parent"),)

    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(UUIDType, nullable=False, index=True)
    orcid = db.Column(db.String(19), nullable=False)
    put_code = db.Column(db.BigInteger, nullable=False)
    record_pid = db.Column(db.String(255), nullable=False)
    updated = db.Column(db.DateTime, nullable=False, default=db.func.now(), onupdate=db.func.now())

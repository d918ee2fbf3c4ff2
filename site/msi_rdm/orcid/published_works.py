"""Published records as ORCID v3.0 works."""

from flask import current_app

from .worktypes import orcid_work_type


def creator_orcids(record):
    """Return the ORCID iDs of the record's creators, in order, without repeats."""
    found = []
    for creator in record.get("metadata", {}).get("creators", []):
        for ident in creator.get("person_or_org", {}).get("identifiers", []):
            if ident.get("scheme") == "orcid" and ident["identifier"] not in found:
                found.append(ident["identifier"])
    return found


def _date(value):
    parts = (value or "").split("/")[0].split("-")
    keys = ("year", "month", "day")
    return {key: {"value": part} for key, part in zip(keys, parts, strict=False) if part}


def record_url(recid):
    """Return the landing page of a record."""
    return f"{current_app.config['SITE_UI_URL']}/records/{recid}"


def orcid_work(record):
    """Return the ORCID v3.0 work of a published record."""
    metadata = record["metadata"]
    url = record_url(record["id"])
    external_ids = [
        {
            "external-id-type": "uri",
            "external-id-value": url,
            "external-id-url": {"value": url},
            "external-id-relationship": "self",
        }
    ]
    doi = record.get("pids", {}).get("doi", {}).get("identifier")
    if doi:
        external_ids.append(
            {
                "external-id-type": "doi",
                "external-id-value": doi,
                "external-id-url": {"value": f"https://doi.org/{doi}"},
                "external-id-relationship": "self",
            }
        )
    work = {
        "title": {"title": {"value": metadata["title"][:1000]}},
        "type": orcid_work_type(metadata["resource_type"]["id"]),
        "publication-date": _date(metadata.get("publication_date")),
        "external-ids": {"external-id": external_ids},
        "url": {"value": url},
    }
    if metadata.get("publisher"):
        work["journal-title"] = {"value": metadata["publisher"][:1000]}
    return work

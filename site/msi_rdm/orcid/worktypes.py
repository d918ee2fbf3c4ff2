"""Work types between ORCID (v3.0 ``type``) and the repository's resource types."""

TO_ORCID = {
    "publication-annotationcollection": "annotation",
    "publication-article": "journal-article",
    "publication-book": "book",
    "publication-conferencepaper": "conference-paper",
    "publication-conferenceproceeding": "conference-paper",
    "publication-datamanagementplan": "data-management-plan",
    "publication-datapaper": "journal-article",
    "publication-deliverable": "report",
    "publication-dissertation": "dissertation-thesis",
    "publication-journal": "journal-issue",
    "publication-milestone": "report",
    "publication-patent": "patent",
    "publication-peerreview": "review",
    "publication-policybrief": "report",
    "publication-preprint": "preprint",
    "publication-report": "report",
    "publication-section": "book-chapter",
    "publication-softwaredocumentation": "manual",
    "publication-standard": "standards-and-policy",
    "publication-technicalnote": "report",
    "publication-workingpaper": "working-paper",
    "poster": "conference-poster",
    "presentation": "lecture-speech",
    "dataset": "data-set",
    "dataset-survey": "data-set",
    "image": "image",
    "video": "moving-image",
    "video-eventrecording": "moving-image",
    "audio": "sound",
    "software": "software",
    "software-computationalnotebook": "software",
    "lesson": "learning-object",
    "other-method": "research-technique",
    "physicalobject": "physical-object",
    "instrument": "research-tool",
}
"""Resource type id (or its parent's) to ORCID work type; anything else is ``other``."""

FROM_ORCID = {
    "book": "publication-book",
    "book-chapter": "publication-section",
    "book-review": "publication-peerreview",
    "conference-abstract": "publication-conferencepaper",
    "conference-paper": "publication-conferencepaper",
    "conference-poster": "poster",
    "data-management-plan": "publication-datamanagementplan",
    "data-set": "dataset",
    "dissertation-thesis": "publication-dissertation",
    "image": "image",
    "journal-article": "publication-article",
    "journal-issue": "publication-journal",
    "learning-object": "lesson",
    "lecture-speech": "presentation",
    "moving-image": "video",
    "patent": "publication-patent",
    "physical-object": "physicalobject",
    "preprint": "publication-preprint",
    "report": "publication-report",
    "research-technique": "other-method",
    "review": "publication-peerreview",
    "software": "software",
    "sound": "audio",
    "standards-and-policy": "publication-standard",
    "supervised-student-publication": "publication-dissertation",
    "technical-standard": "publication-standard",
    "working-paper": "publication-workingpaper",
}
"""ORCID work type to resource type; other written works become ``publication-other``."""

NOT_WRITTEN = {"artistic-performance", "invention", "musical-composition", "research-tool", "other"}


def orcid_work_type(resource_type_id):
    """Return the ORCID work type of a resource type id such as ``video-eventrecording``."""
    return TO_ORCID.get(resource_type_id) or TO_ORCID.get(resource_type_id.split("-")[0], "other")


def resource_type(orcid_type):
    """Return the resource type id of an ORCID work type."""
    if orcid_type in FROM_ORCID:
        return FROM_ORCID[orcid_type]
    return "other" if orcid_type in NOT_WRITTEN else "publication-other"

"""What SwePub asks for, derived where the record already says it.

Films: MSI's films carry research to practitioners and the public, so a film (``video``) is
``publication/other`` with content type ``pop``; a recorded talk of a summit or conference
(``video-eventrecording``) is ``conference/other``, also ``pop``. KB's artistic types are kept
for artistic research, which MSI's films are not. A depositor may choose another type.
"""

OUTPUT_TYPES = {
    "publication-article": "publication/journal-article",
    "publication-book": "publication/book",
    "publication-section": "publication/book-chapter",
    "publication-conferencepaper": "conference/paper",
    "publication-conferenceproceeding": "conference/proceeding",
    "publication-preprint": "publication/preprint",
    "publication-report": "publication/report",
    "publication-policybrief": "publication/report",
    "publication-deliverable": "publication/report",
    "publication-milestone": "publication/report",
    "publication-technicalnote": "publication/report",
    "publication-datamanagementplan": "publication/report",
    "publication-workingpaper": "publication/working-paper",
    "publication-dissertation": "publication/doctoral-thesis",
    "publication-patent": "intellectual-property/patent",
    "poster": "conference/poster",
    "presentation": "conference/other",
    "video": "publication/other",
    "video-eventrecording": "conference/other",
    "dataset": "other/data-set",
    "dataset-survey": "other/data-set",
    "software": "other/software",
    "software-computationalnotebook": "other/software",
}
"""Resource type → KB output type; every other type is ``publication/other``."""

DEFAULT_OUTPUT_TYPE = "publication/other"

WITHOUT_CONTENT_TYPE = ("intellectual-property", "other", "artistic-work")
"""Output types (and their subtypes) that need no content type (rule 07)."""

CONTENT_TYPE_ASKED = {
    "publication/journal-article",
    "publication/review-article",
    "publication/book-chapter",
    "conference/paper",
}
"""Output types whose content type only the depositor knows: peer-reviewed or not."""

POPULAR_RESOURCE_TYPES = {"video", "video-eventrecording", "audio", "publication-policybrief"}
"""Resource types written for practitioners and the public: content type ``pop``."""

HOST_REQUIRED = {
    "publication/book-chapter",
    "publication/report-chapter",
    "publication/journal-article",
    "publication/editorial-letter",
    "publication/magazine-article",
    "publication/newspaper-article",
    "publication/journal-issue",
    "publication/book-review",
    "publication/review-article",
    "publication/foreword-afterword",
}
"""Output types that appeared in something else, named as the host item (rule 11)."""

HOST_FORBIDDEN = {
    "publication/book",
    "publication/edited-book",
    "publication/report",
    "publication/doctoral-thesis",
    "publication/licentiate-thesis",
    "artistic-work/artistic-thesis",
    "conference/proceeding",
    "intellectual-property/patent",
    "other/software",
}
"""Output types that stand on their own and have no host item (rule 12)."""

UNPUBLISHED_STATUSES = {"preprint", "submitted", "accepted", "in-press", "epub"}


def output_type(resource_type):
    """The output type of a resource type."""
    return OUTPUT_TYPES.get(resource_type, DEFAULT_OUTPUT_TYPE)


def needs_content_type(code):
    """Whether an output type needs a content type."""
    return code.split("/")[0] not in WITHOUT_CONTENT_TYPE


def content_type(resource_type, code):
    """The default content type, or None where there is none or only the depositor knows."""
    if not needs_content_type(code) or code in CONTENT_TYPE_ASKED:
        return None
    return "pop" if resource_type in POPULAR_RESOURCE_TYPES else "vet"


def publication_status(code):
    """The default publication status: a preprint is one, everything else is published."""
    return "preprint" if code == "publication/preprint" else "published"

"""Media files (previews, posters) take the same plain-name check as a draft's files.

A draft's file service takes its components from ``RDM_DRAFT_FILES_SERVICE_COMPONENTS``, so
``msi_rdm.hardening.uploads.FileKeyComponent`` refuses names with path parts, control characters
or no name there through a setting. The media files service has no such setting; its draft files
configuration's ``components`` get the same component first. This is a change of behaviour, not
of speed: with it out, media file names are stored as upstream stores them.
"""

from invenio_rdm_records.proxies import current_rdm_records

from ..hardening.uploads import FileKeyComponent
from .change import UpstreamChange

_kept = {}


def _media_config():
    return current_rdm_records.records_media_files_service.draft_files.config


def apply(app):
    """Put the plain-name check first among the media files service's components."""
    with app.app_context():
        config = _media_config()
        if FileKeyComponent in config.components:
            return
        _kept[id(config)] = vars(config).get("components")
        config.components = [FileKeyComponent, *config.components]


def revert(app):
    """Give the media files service its components back."""
    with app.app_context():
        config = _media_config()
        if id(config) not in _kept:
            return
        original = _kept.pop(id(config))
        if original is None:
            del config.components
        else:
            config.components = original


change = UpstreamChange(
    name="media-file-names",
    replaces=("invenio_rdm_records.services.config.RDMMediaFileDraftServiceConfig.components",),
    why="media file names with '/', control characters or no name were stored (behaviour, not "
    "speed: tests/security/test_file_names.py)",
    checked={"invenio-rdm-records": ("32.3.2",)},
    unnecessary_when="invenio-rdm-records takes the media files service's components from a "
    "setting (as RDM_DRAFT_FILES_SERVICE_COMPONENTS for draft files)",
    apply=apply,
    revert=revert,
    phase="finalize",
)

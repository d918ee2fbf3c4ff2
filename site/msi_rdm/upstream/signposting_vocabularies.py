"""The landing page's signposting links read vocabulary props from the per-process table.

invenio-app-rdm's landing page view adds FAIR signposting ``Link`` headers with upstream's
``FAIRSignpostingProfileLvl1Serializer``, made inside the view (no setting names it), whose
schema looks up the resource type's schema.org type with ``get_vocabulary_props``: a vocabulary
search per landing page. Here that schema module's lookup is answered from
``msi_rdm.vocabularies.props.vocabulary_props``.
"""

from invenio_rdm_records.resources.serializers.signposting import schema

from ..vocabularies.props import vocabulary_props
from .change import UpstreamChange
from .replace import replacing

apply, revert = replacing(schema, "get_vocabulary_props", vocabulary_props)

change = UpstreamChange(
    name="signposting-vocabularies",
    replaces=("invenio_rdm_records.resources.serializers.signposting.schema.get_vocabulary_props",),
    why="a vocabulary search (~10 ms) on every landing page for its signposting links",
    checked={"invenio-rdm-records": ("32.3.2",)},
    unnecessary_when="invenio-app-rdm takes the signposting serializer from a setting, or "
    "invenio-rdm-records caches vocabulary props",
    apply=apply,
    revert=revert,
)

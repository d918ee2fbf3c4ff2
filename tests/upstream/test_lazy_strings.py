"""Lazy labels are their own deep copies and still translate (``msi_rdm.upstream.lazy_strings``)."""

import copy

from invenio_rdm_records.proxies import current_rdm_records_service as service


def test_facet_copies_share_lazy_labels_that_still_translate(app):
    """A request's deep copy of the facets keeps the lazy labels themselves, and they render in
    the locale of the moment, as fresh ones do."""
    from flask_babel import force_locale

    facets = service.config.search.facets
    copied = copy.deepcopy(facets)
    label = facets["access_status"]._label
    assert copied["access_status"]._label is label
    assert copied["access_status"] is not facets["access_status"]
    with app.test_request_context("/"):
        with force_locale("sv"):
            swedish = str(copied["access_status"]._label)
        with force_locale("en"):
            english = str(copied["access_status"]._label)
    assert english == "Access status" and swedish != english

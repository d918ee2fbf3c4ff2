"""The deposit form's section of MSI fields."""

from invenio_i18n import lazy_gettext as _


def vocabulary_widget(field, vocabulary, label, description, icon, multiple=True):
    """Return an autocompleting dropdown over one of the vocabularies (MSI's and SwePub's)."""
    return {
        "field": field,
        "ui_widget": "AutocompleteDropdown",
        "props": {
            "label": label,
            "description": description,
            "icon": icon,
            "placeholder": _("Start typing…"),
            "autocompleteFrom": f"/api/vocabularies/{vocabulary}",
            "autocompleteFromAcceptHeader": "application/vnd.inveniordm.v1+json",
            "multiple": multiple,
            "clearable": True,
        },
    }


MSI_CUSTOM_FIELDS_UI = {
    "section": _("Social innovation"),
    "fields": [
        vocabulary_widget(
            "msi:themes",
            "msithemes",
            _("MSI themes"),
            _("MSI's thematic areas the work belongs to."),
            "tags",
        ),
        vocabulary_widget(
            "msi:sdgs",
            "sdgs",
            _("Sustainable Development Goals"),
            _("Agenda 2030 goals the work contributes to."),
            "globe",
        ),
        vocabulary_widget(
            "msi:sectors",
            "msisectors",
            _("Sectors"),
            _("Sectors that took part in the work."),
            "handshake",
        ),
        vocabulary_widget(
            "msi:node",
            "msinodes",
            _("MSI node"),
            _("The node under whose name the work is published."),
            "map marker alternate",
            multiple=False,
        ),
        vocabulary_widget(
            "msi:strategic_area",
            "msistrategicareas",
            _("Strategic area"),
            _("Strategic area of the operational plan."),
            "compass",
            multiple=False,
        ),
        vocabulary_widget(
            "msi:audiences",
            "msiaudiences",
            _("Audience"),
            _("Who the work is written for."),
            "users",
        ),
        {
            "field": "msi:plain_summary.sv",
            "ui_widget": "TextArea",
            "props": {
                "label": _("Plain-language summary in Swedish"),
                "description": _("A few sentences in plain Swedish (klarspråk) for practitioners."),
                "icon": "comment",
                "rows": 4,
            },
        },
        {
            "field": "msi:plain_summary.en",
            "ui_widget": "TextArea",
            "props": {
                "label": _("Plain-language summary in English"),
                "description": _("The same summary in plain English."),
                "icon": "comment",
                "rows": 4,
            },
        },
        {
            "field": "msi:project",
            "ui_widget": "Input",
            "props": {
                "label": _("Project or coalition"),
                "description": _("The project or MSI coalition the work came from."),
                "icon": "sitemap",
            },
        },
        {
            "field": "msi:report_number",
            "ui_widget": "Input",
            "props": {
                "label": _("Report number"),
                "placeholder": "2025:3",
                "description": _(
                    "A report's number in its series, as printed on it. Cited and exported "
                    "for reports only."
                ),
                "icon": "hashtag",
            },
        },
    ],
}


LANDING_PAGE_TEMPLATE = "msi_rdm/records/custom_field.html"
"""How each MSI field shows in the landing page's details panel (upstream's ``template`` key)."""


def on_landing_page(section):
    """Return a copy of ``section`` whose fields show as one line of values on the landing page.

    Upstream's default links each field's label to its namespace address plus the field's name
    (no page exists there for MSI's terms) and shows every linked value as a block, which leaves
    the commas between them on lines of their own. Each field gets ``LANDING_PAGE_TEMPLATE``
    instead (unless it names a template of its own) and vocabulary values link to the search
    by their id.
    """
    return {
        **section,
        "fields": [
            {
                "template": LANDING_PAGE_TEMPLATE,
                "landing_page_search_attr": "id",
                **field,
                "display_url": None,
            }
            for field in section["fields"]
        ],
    }

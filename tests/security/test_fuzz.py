"""Generated input (hypothesis) to the msi: fields, researcher profiles and OAI-PMH: never a 500.

Derandomised, so every run tries the same inputs and a failure is reproducible.
"""

import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from helpers import Caller, record_data

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["<script>alert(1)</script>", "digital-inkludering", "nod-boras", "sdg-10", ""]
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "sv", "en", "title"]) | TEXT, inner, max_size=3)
    ),
    max_leaves=8,
)
MSI_FIELDS = [
    "msi:themes",
    "msi:sdgs",
    "msi:sectors",
    "msi:node",
    "msi:strategic_area",
    "msi:audiences",
    "msi:plain_summary",
    "msi:project",
]


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(MSI_FIELDS), JSON, min_size=1, max_size=3))
def test_msi_fields_never_500(client, api_headers, fields):
    """Any JSON in any msi: field is stored (201) or refused (400)."""
    data = record_data("Fuzz")
    data["custom_fields"] = fields
    response = client.post("/api/records", data=json.dumps(data), headers=api_headers)
    assert response.status_code in (201, 400), (fields, response.get_data(as_text=True)[:500])


PROFILE_KEYS = [
    "given_name",
    "family_name",
    "node",
    "themes",
    "sdgs",
    "affiliations",
    "expertise",
    "bio",
    "websites",
    "contact",
    "orcid",
]


@FUZZ
@given(profile=st.dictionaries(st.sampled_from(PROFILE_KEYS), JSON, max_size=5))
def test_profiles_never_500(client, depositor, profile):
    """Any JSON for any profile field is accepted or refused, never a crash."""
    response = Caller(client, depositor).post("/api/researchers", profile)
    assert response.status_code < 500, (profile, response.get_data(as_text=True)[:500])


OAI_ARGUMENTS = st.dictionaries(
    st.sampled_from(
        ["verb", "metadataPrefix", "identifier", "resumptionToken", "from", "until", "set"]
    ),
    st.sampled_from(
        [
            "Identify",
            "ListRecords",
            "ListIdentifiers",
            "GetRecord",
            "ListSets",
            "ListMetadataFormats",
            "oai_dc",
            "oai_openaire",
            "2025-01-01",
            "2025-01-01T00:00:00Z",
            "oai:motesplatssocialinnovation.se:" + uuid.UUID(int=0).hex[:5],
        ]
    )
    | TEXT,
    max_size=4,
)


@FUZZ
@given(arguments=OAI_ARGUMENTS)
def test_oai_pmh_never_500(client, arguments):
    """Any OAI-PMH arguments get well-formed XML: records or an OAI-PMH error, never a 500."""
    response = client.get("/oai2d", query_string=arguments)
    assert response.status_code in (200, 400, 404, 422), (arguments, response.status_code)
    if response.status_code == 200:
        etree.fromstring(response.data)

"""Bring existing record indices up to MSI's search section without losing them.

Index templates only shape indices created after them. An instance whose indices predate the
``msi_search`` section gets the analysers (the index is closed for that moment) and the mapping
added in place; reindexing the records then fills the section. Empty indices of mapping versions
upstream has moved past are deleted first (see ``msi_rdm.search.indices``).
"""

import json
from importlib.resources import files

from invenio_search.proxies import current_search, current_search_client
from invenio_search.utils import build_alias_name

from ..search.indices import drop_superseded_indices

TEMPLATE = "os-v2/msi-rdmrecords-search-v1.0.0.json"
ALIASES = ("rdmrecords-records", "rdmrecords-drafts")


def _template():
    """Return the index template's settings and mappings."""
    source = files("msi_rdm.fulltext.index_templates").joinpath(TEMPLATE).read_text()
    return json.loads(source)["template"]


def upgrade_indices(echo=print):
    """Drop superseded empty indices, put the templates, then add analysis and mapping to
    indices that lack them."""
    drop_superseded_indices(echo=echo)
    list(current_search.put_index_templates(ignore=[400]))
    template = _template()
    properties = template["mappings"]["properties"]
    for alias in ALIASES:
        for index, body in current_search_client.indices.get_mapping(
            index=build_alias_name(alias)
        ).items():
            if "msi_search" in body["mappings"].get("properties", {}):
                echo(f"{index}: up to date")
                continue
            current_search_client.indices.close(index=index)
            try:
                current_search_client.indices.put_settings(
                    index=index, body={"analysis": template["settings"]["analysis"]}
                )
            finally:
                current_search_client.indices.open(index=index, wait_for_active_shards=1)
            current_search_client.indices.put_mapping(index=index, body={"properties": properties})
            echo(f"{index}: search section added")

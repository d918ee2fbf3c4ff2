"""SwePub: the set prefix and what MODS records say about their source."""

MSI_SWEPUB_SET_PREFIX = "SwePub-"
"""OAI-PMH sets ``SwePub-<code>``, one per university of ``msiuniversities`` (KB's codes)."""

MSI_SWEPUB_RECORD_ORIGIN = "Mötesplats Social Innovation (InvenioRDM)"
"""``recordInfo/recordOrigin`` of every Swepub MODS record."""

"""SwePub delivery: Swepub MODS over OAI-PMH, one set per node university, KB's minimum level."""

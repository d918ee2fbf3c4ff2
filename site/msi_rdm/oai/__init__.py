"""OAI-PMH 2.0 for harvesters: stable paging, persistent deletions, MSI sets and formats."""

"""MSI's records: the record class, its index dumper, its service schema and JSON answers."""

"""Full-text search: extract the text of reports and captions, index it, highlight matches."""

"""Work on many records at once: bulk publishing, index rebuilds and statistics in chunks."""

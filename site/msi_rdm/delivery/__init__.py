"""Page delivery: compressed responses and long-lived caching of the hashed web assets."""

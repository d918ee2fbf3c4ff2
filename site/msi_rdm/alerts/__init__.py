"""Follow what is new: Atom and RSS feeds, saved searches, e-mail digests, coordinators' digest."""

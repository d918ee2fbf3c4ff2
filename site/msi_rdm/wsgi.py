"""The WSGI application the web server runs: upstream's UI with the REST API under ``/api``, and a
garbage collector that leaves the application's own objects alone.

Creating the application leaves about 400,000 objects the cyclic garbage collector tracks
(configuration, blueprints, schemas, mappings, compiled patterns), and they live as long as the
process. CPython walks all of them in every full collection, and a search request allocates enough
to set one off every 150 requests or so: about 1.6 ms of the 16 ms of CPU time a search spends in
the web process, plus another 1 ms of frequent young collections. ``gc.freeze()`` moves the objects
that exist after start-up to a permanent generation the collector does not walk, and a first
threshold of 5,000 new objects instead of 700 makes the young collections rarer. Cycles made while
serving requests are still collected.
"""

import gc

from invenio_app.factory import create_app

GC_THRESHOLDS = (5000, 10, 10)

application = create_app()
gc.collect()
gc.freeze()
gc.set_threshold(*GC_THRESHOLDS)

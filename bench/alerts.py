"""B10: a digest run of saved searches over the corpus, searches/s and wall time, grouped vs not.

    python bench/alerts.py [--searches 10000] [--users 2000] [--queries 300] [--repeat 3]

Makes ``--users`` accounts with ``--searches`` daily saved searches between them, drawn (seeded,
Zipf-like: a few questions are followed by many) from ``--queries`` distinct questions over the
corpus words, themes and nodes; every search is due and its mark lies before the corpus, so each
answers with the corpus records it matches. The digests go to an SMTP server on loopback
(aiosmtpd, accepting and dropping them). Each repeat puts the marks back first. Measured:
MSI's run (identical questions answered by one search) against the same run answering every
saved search on its own (the baseline, on a ``--baseline`` sample of the users, per search).
The accounts and their searches are deleted at the end.
"""

import argparse
import random
import socket
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report  # noqa: E402

EMAIL_PREFIX = "bench-alerts-"
WORDS = (
    "kommunen samverkan social innovation välfärd civilsamhället forskning praktik barn unga "
    "folkhälsa arbete trygghet digital inkludering region utveckling idéburen partnerskap "
    "medborgardialog boende integration äldre omsorg skola lärande hållbarhet landsbygd stad"
).split()
THEMES = ("jamlik-folkhalsa", "barnets-ratt", "arbete-i-framtiden", "digital-inkludering")
NODES = ("nod-boras", "nod-jonkoping", "nod-lulea", "nod-malmo", "nod-umea", "nod-orebro")


def questions(count, rng):
    """``count`` distinct (query, facets) pairs."""
    seen = {}
    while len(seen) < count:
        words = " ".join(rng.sample(WORDS, rng.randint(1, 2)))
        facets = []
        if rng.random() < 0.4:
            facets.append(["theme", rng.choice(THEMES)])
        if rng.random() < 0.3:
            facets.append(["node", rng.choice(NODES)])
        seen.setdefault((words, tuple(map(tuple, facets))), facets)
    return [(query, facets) for (query, _), facets in seen.items()]


def create(users, searches, distinct, seed):
    """The bench accounts and their saved searches; their ids."""
    from invenio_accounts.models import User
    from invenio_db import db

    from msi_rdm.alerts.models import SavedSearch

    rng = random.Random(seed)
    pool = questions(distinct, rng)
    weights = [1 / (rank + 1) for rank in range(len(pool))]
    accounts = [
        User(email=f"{EMAIL_PREFIX}{seed}-{n}@example.org", active=True, preferences={})
        for n in range(users)
    ]
    db.session.add_all(accounts)
    db.session.flush()
    past = datetime(2000, 1, 1)
    for n in range(searches):
        query, facets = rng.choices(pool, weights)[0]
        db.session.add(
            SavedSearch(
                user_id=accounts[n % users].id,
                name=query,
                search_query=query,
                facets=facets,
                frequency="daily",
                high_water=past,
                created=past,
            )
        )
    db.session.commit()
    return [a.id for a in accounts]


def reset(user_ids):
    """Marks back before the corpus, nothing sent: every search due again."""
    from invenio_db import db

    from msi_rdm.alerts.models import AlertDelivery, SavedSearch

    past = datetime(2000, 1, 1)
    SavedSearch.query.filter(SavedSearch.user_id.in_(user_ids)).update(
        {"high_water": past, "last_sent": None, "active": True}, synchronize_session=False
    )
    AlertDelivery.query.filter(AlertDelivery.user_id.in_(user_ids)).delete(
        synchronize_session=False
    )
    db.session.commit()


def remove(user_ids):
    """Delete the bench accounts (their searches and deliveries go with them)."""
    from invenio_accounts.models import User
    from invenio_db import db

    User.query.filter(User.id.in_(user_ids)).delete(synchronize_session=False)
    db.session.commit()


def run(user_ids, answers_cls):
    """One digest run over the bench users' due searches; (seconds, counts)."""
    from msi_rdm.alerts.digest import deliver, due_groups
    from msi_rdm.alerts.models import utcnow

    now = utcnow()
    wanted = set(user_ids)
    start = time.perf_counter()
    groups = {key: ids for key, ids in due_groups(now).items() if key[0] in wanted}
    answers = answers_cls(now)
    counts = {}
    for (user_id, frequency), ids in groups.items():
        state = deliver(user_id, frequency, ids, now, answers)
        counts[state] = counts.get(state, 0) + 1
    counts["queries"] = answers.searches
    counts["saved_searches"] = sum(len(ids) for ids in groups.values())
    return time.perf_counter() - start, counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--searches", type=int, default=10000)
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--baseline", type=int, default=100, help="Users in the baseline sample.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=23)
    options = parser.parse_args()

    from aiosmtpd.controller import Controller
    from flask_mail import Mail, email_dispatched
    from invenio_app.factory import create_app
    from invenio_mail.ext import print_email

    from msi_rdm.alerts.digest import Answers

    class Ungrouped(Answers):
        """The baseline: every saved search answered by a search of its own."""

        def get(self, saved, locale):
            self.searches += 1
            return self._answer(saved, locale)

    class Sink:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    smtp = Controller(Sink(), hostname="127.0.0.1", port=port)
    smtp.start()
    app = create_app()
    app.config.update(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=port,
        MAIL_SUPPRESS_SEND=False,
        MAIL_USE_TLS=False,
        MAIL_USE_SSL=False,
        MAIL_USERNAME=None,
        MAIL_PASSWORD=None,
        MSI_ALERTS_MAX_DIGESTS_PER_DAY=10**6,
        MSI_ALERTS_SETTLE=timedelta(0),
    )
    # invenio-mail prints every message when the instance suppresses sending: not what is measured.
    email_dispatched.disconnect(print_email)
    with app.app_context():
        Mail().init_app(app)
        from invenio_rdm_records.proxies import current_rdm_records_service as service
        from invenio_search.utils import prefix_index

        alias = prefix_index(service.record_cls.index.search_alias)
        records = service.indexer.client.count(index=alias)["count"]
        user_ids = create(options.users, options.searches, options.queries, options.seed)
        try:
            grouped = []
            for _ in range(options.repeat):
                reset(user_ids)
                seconds, counts = run(user_ids, Answers)
                grouped.append(seconds)
            sample = user_ids[: options.baseline]
            baseline, base_searches = [], 0
            for _ in range(options.repeat):
                reset(sample)
                seconds, base_counts = run(sample, Ungrouped)
                baseline.append(seconds)
                base_searches = base_counts["saved_searches"]
        finally:
            remove(user_ids)
            smtp.stop()
    wall = statistics.median(grouped)
    base = statistics.median(baseline)
    results = {
        "records": records,
        "saved_searches": counts["saved_searches"],
        "users": options.users,
        "distinct_questions": counts["queries"],
        "digests_sent": counts.get("sent", 0),
        "wall_seconds": {"median": wall, "runs": grouped},
        "searches_per_second": counts["saved_searches"] / wall,
        "baseline_searches_per_second": base_searches / base,
        "baseline_saved_searches": base_searches,
    }
    results["ratio_grouped_over_baseline"] = (
        results["searches_per_second"] / results["baseline_searches_per_second"]
    )
    lines = [
        "| run | saved searches | searches run | median s | saved searches/s |",
        "|---|---|---|---|---|",
        f"| msi (grouped) | {results['saved_searches']} | {counts['queries']} | {wall:.2f} "
        f"| {results['searches_per_second']:.0f} |",
        f"| baseline (one each) | {base_searches} | {base_counts['queries']} | {base:.2f} "
        f"| {results['baseline_searches_per_second']:.0f} |",
        f"| ratio grouped/baseline searches/s | {results['ratio_grouped_over_baseline']:.2f} |",
        f"| records in the index | {records} |",
        f"| digests sent | {results['digests_sent']} |",
    ]
    report("alerts", results, lines)


if __name__ == "__main__":
    main()

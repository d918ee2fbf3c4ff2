"""Load a seeded, reproducible benchmark corpus through the service layer, indexed in bulk.

    python bench/corpus.py --records 20000 --pdfs 760 [--pages 4] [--seed 14] [--processes 2]

Record ``n`` is drawn from ``Random(f"{seed}-{n}")`` out of the demo collection's vocabulary values,
creators and Swedish words, so the same numbers always give the same records, whatever the number
of processes. The first ``--pdfs`` records get a generated multi-page Swedish PDF; the PDFs are made
first, in parallel, and kept under the state folder (``bench/corpus-pdfs``) for later runs, and
the time they take is reported apart from the load's. Loading is
incremental: numbers already present (their title ends with ``(korpus NNNNNN)``) are skipped.
Each batch is published in one transaction by the bulk path (``msi_rdm.bulk.publish``), which
validates every record as the service does and writes the rows its publish leaves; the new records
are then indexed with one bulk rebuild.
"""

import argparse
import multiprocessing
import random
import re
import sys
import time
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_folder, report  # noqa: E402

MARK = re.compile(r"\(korpus (\d{6})\)$")
WORDS = (
    "kommunen samverkan social innovation välfärd civilsamhället forskning praktik barn unga "
    "folkhälsa arbete trygghet digital inkludering region utveckling idéburen partnerskap "
    "medborgardialog boende integration äldre omsorg skola lärande hållbarhet landsbygd stad "
    "entreprenörskap finansiering effektmätning upphandling kultur hälsa delaktighet"
).split()
LISTS = ("keywords", "themes", "sdgs", "sectors", "audiences")
SINGLE = ("node", "strategic_area", "license")
_state = {}


def sentence(rng, words):
    """A Swedish-looking sentence of ``words`` words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def pools(specs):
    """Every value the demo collection uses, per field."""
    pool = {key: sorted({v for s in specs for v in s.get(key, [])}) for key in LISTS}
    pool.update({key: sorted({s[key] for s in specs if s.get(key)}) for key in SINGLE})
    pool["resource_type"] = sorted({s["resource_type"] for s in specs})
    creators = {tuple(sorted(c.items())) for s in specs for c in s["creators"] if "role" not in c}
    pool["creators"] = [dict(c) for c in sorted(creators)]
    return pool


def spec_for(number, seed, pool, pdfs, pages):
    """The demo-style specification of corpus record ``number``."""
    rng = random.Random(f"{seed}-{number}")
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize()
    spec = {
        "resource_type": rng.choice(pool["resource_type"]),
        "title": f"{title} (korpus {number:06d})",
        "publication_date": f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1, 28):02d}",
        "description": "<p>"
        + " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(4))
        + "</p>",
        "creators": rng.sample(pool["creators"], rng.randint(1, min(3, len(pool["creators"])))),
    }
    for key in LISTS:
        spec[key] = rng.sample(pool[key], rng.randint(0, min(3, len(pool[key]))))
    for key in SINGLE:
        if pool[key] and rng.random() < 0.8:
            spec[key] = rng.choice(pool[key])
    if number < pdfs:
        spec["files"] = [{"name": f"rapport-{number:06d}.pdf"}]
        spec["pages"] = [" ".join(sentence(rng, 14) for _ in range(12)) for _ in range(pages)]
    return spec


def pdf_folder(options):
    """Where the corpus' PDFs are kept between runs (they depend on the seed and pages only)."""
    return bench_folder() / "corpus-pdfs" / f"seed-{options.seed}-pages-{options.pages}"


def generate_pdf(job):
    """Write corpus record ``number``'s PDF into the folder unless it is already there."""
    from msi_rdm.demo.files import make_pdf

    number, options = job
    spec = spec_for(number, options.seed, options.pool, options.pdfs, options.pages)
    for entry in spec.get("files", []):
        path = pdf_folder(options) / entry["name"]
        if not path.exists():
            partial = path.with_suffix(".part")
            make_pdf(partial, spec["title"], spec["pages"])
            partial.rename(path)
    return number


def _start_worker(options):
    """Process initialiser: one application, its context pushed for the process' lifetime."""
    from invenio_app.factory import create_app

    from msi_rdm.demo.loader import _owner_identity, _people

    app = create_app()
    context = app.app_context()
    context.push()
    _state.update(app=app, context=context, options=options, people=_people())
    _state["identity"] = _owner_identity()


def load_numbers(numbers):
    """Publish the records of ``numbers`` in one bulk transaction (unindexed); return their ids."""
    from msi_rdm.bulk.publish import publish_bulk
    from msi_rdm.demo.loader import record_data

    options, items = _state["options"], []
    folder = pdf_folder(options)
    for number in numbers:
        spec = spec_for(number, options.seed, options.pool, options.pdfs, options.pages)
        files = {e["name"]: (folder / e["name"]).read_bytes() for e in spec.get("files", [])}
        items.append((record_data(spec, _state["people"]), files))
    result = publish_bulk(_state["identity"], items)
    if result.refused:
        refused = {numbers[index]: reason for index, reason in result.refused.items()}
        raise RuntimeError(f"corpus records refused: {refused}")
    return result.ids


def present_numbers():
    """Corpus numbers already published."""
    from msi_rdm.demo.loader import published_titles

    return {int(m.group(1)) for t in published_titles() if t and (m := MARK.search(t))}


def main():
    """Load the missing part of the corpus and print what it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--pdfs", type=int, default=760)
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch", type=int, default=100)
    options = parser.parse_args()

    import yaml
    from invenio_app.factory import create_app

    from msi_rdm.bulk.reindex import reindex_records

    app = create_app()
    with app.app_context():
        specs = yaml.safe_load((Path(app.instance_path) / "app_data/demo/records.yaml").read_text())
        options.pool = pools(specs)
        todo = sorted(set(range(options.records)) - present_numbers())
        from invenio_db import db

        db.engine.dispose()  # no connection shared with the loading processes
    context = multiprocessing.get_context("spawn")
    # The PDFs are generated first and kept: making them is the generator's cost, not the load's.
    pdf_folder(options).mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with_pdf = [(number, options) for number in todo if number < options.pdfs]
    with context.Pool(options.processes) as pool:
        with click.progressbar(length=len(with_pdf), label="generating corpus PDFs") as bar:
            for _ in pool.imap_unordered(generate_pdf, with_pdf, chunksize=8):
                bar.update(1)
    generated = time.perf_counter() - start
    batches = [todo[i : i + options.batch] for i in range(0, len(todo), options.batch)]
    ids, start = [], time.perf_counter()
    with context.Pool(options.processes, _start_worker, (options,)) as pool:
        with click.progressbar(length=len(todo), label="publishing corpus records") as bar:
            for batch_ids in pool.imap_unordered(load_numbers, batches):
                ids += batch_ids
                bar.update(len(batch_ids))
    published = time.perf_counter() - start
    with app.app_context():
        with click.progressbar(length=len(ids), label="indexing corpus records") as bar:
            reindex_records(ids, progress=bar.update)
    total = time.perf_counter() - start
    results = {
        "records": options.records,
        "pdfs": options.pdfs,
        "seed": options.seed,
        "loaded": len(ids),
        "generate_pdfs_seconds": generated,
        "publish_seconds": published,
        "total_seconds": total,
        "records_per_second": len(ids) / total if ids else None,
    }
    rate = f"{len(ids) / total:.1f}" if ids else "–"
    rows = [
        "| corpus | records | newly loaded | PDFs | PDFs made (s) | load (s) | records/s |",
        "|---|---|---|---|---|---|---|",
        f"| seed {options.seed} | {options.records} | {len(ids)} | {options.pdfs} "
        f"| {generated:.1f} | {total:.1f} | {rate} |",
    ]
    report("corpus", results, rows)


if __name__ == "__main__":
    main()

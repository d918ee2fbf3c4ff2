"""B7: resident memory of PostgreSQL, OpenSearch, Redis, web and worker, with their children.

    python bench/memory.py [--state .state]

Each service is found through the pid file its start script writes under the state folder; its
memory is summed over the process and all its descendants (PostgreSQL backends, gunicorn and
Celery workers). Two sums are given: RSS counts shared pages (libraries, pages a forked worker
still shares with its parent, PostgreSQL's shared buffers) once per process, so it is an upper
bound; PSS divides each shared page among the processes sharing it, so the PSS of all services
adds up to the memory the stack really holds.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report, state_folder  # noqa: E402

TARGET_GIB = 3.0
PID_FILES = {
    "postgresql": "postgres/data/postmaster.pid",
    "opensearch": "opensearch/run/opensearch.pid",
    "redis": "redis/redis.pid",
    "web": "run/gunicorn.pid",
    "worker": "run/celery.pid",
}


def read_pid(path):
    """The pid in the first line of a pid file, or None when it is missing or stale."""
    try:
        pid = int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid if Path(f"/proc/{pid}").exists() else None


def children_by_parent():
    """``{parent pid: [child pids]}`` of every process on the machine."""
    tree = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _proc_bytes(pid, filename, field):
    """A ``<field>: <n> kB`` line of ``/proc/<pid>/<filename>`` in bytes (0 once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/{filename}").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def rss_bytes(pid):
    """Resident memory of one process in bytes."""
    return _proc_bytes(pid, "status", "VmRSS")


def pss_bytes(pid):
    """Proportional set size of one process in bytes (shared pages divided among sharers)."""
    return _proc_bytes(pid, "smaps_rollup", "Pss")


def tree_memory(pid, tree):
    """RSS and PSS of a process and all its descendants, and how many processes that is."""
    rss, pss, count, todo = 0, 0, 0, [pid]
    while todo:
        current = todo.pop()
        rss += rss_bytes(current)
        pss += pss_bytes(current)
        count += 1
        todo.extend(tree.get(current, []))
    return rss, pss, count


def main():
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", default=state_folder(), help="state folder with the pid files")
    state = Path(parser.parse_args().state)
    tree = children_by_parent()
    results = {}
    rows = ["| B7 memory | processes | RSS MiB | PSS MiB |", "|---|---|---|---|"]
    for name, relative in PID_FILES.items():
        pid = read_pid(state / relative)
        if pid is None:
            results[name] = None
            rows.append(f"| {name} | not running | – | – |")
            continue
        rss, pss, count = tree_memory(pid, tree)
        results[name] = {"pid": pid, "processes": count, "rss_bytes": rss, "pss_bytes": pss}
        rows.append(f"| {name} | {count} | {rss / 2**20:.0f} | {pss / 2**20:.0f} |")
    running = [r for r in results.values() if r]
    total = sum(r["rss_bytes"] for r in running)
    total_pss = sum(r["pss_bytes"] for r in running)
    results["total_bytes"] = total
    results["total_pss_bytes"] = total_pss
    results["target_bytes"] = int(TARGET_GIB * 2**30)
    label = f"total (target ≤ {TARGET_GIB:.0f} GiB)"
    rows.append(f"| {label} | | {total / 2**20:.0f} | {total_pss / 2**20:.0f} |")
    report("memory", results, rows)


if __name__ == "__main__":
    main()

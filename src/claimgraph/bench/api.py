"""Latency of the server over a large database: p50/p95 of the article page and the API.

1. ``synthetic_records``: the sample articles are analysed once by the real pipeline, then
   varied into N records (new ids, publication dates spread over a year, outlets and titles
   rotated, source names spread over a few hundred variants so the sources table grows as in a
   real corpus). The text and every offset stay those of the analysed article, so each record
   keeps the contract; the NLP never runs N times.
2. ``build_database``: the records go into a DuckDB file or a PostgreSQL database through the
   store's write path (``add_records``, 1,000 per transaction, bulk inserts); a database that
   already holds N documents is reused.
3. ``measure``: ``claimgraph serve`` runs in its own process (so the load generator does not
   share its interpreter), and a bounded loop of httpx clients on loopback times each request.
"""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from claimgraph.bench.synthetic import bench_id, publication_day, synthetic_records
from claimgraph.errors import ClaimgraphError, DocumentError
from claimgraph.record import Record


def analysed_samples(paths: list[Path]) -> list[Record]:
    """The sample articles through the real pipeline (once)."""
    from claimgraph.analyze import analyze_documents
    from claimgraph.ingest import read_inputs

    records = [r for r in analyze_documents(read_inputs(paths, "2024-08-13"))
               if not isinstance(r, DocumentError)]
    if not records:
        raise ClaimgraphError("E101", f"no analysable sample article in {', '.join(map(str, paths))}")
    return records


def build_database(db: str | Path, count: int, bases: Callable[[], list[Record]],
                   log: Callable[[str], Any] = print, batch: int = 1000, shards: int = 1,
                   shard_folder: Path = Path("var/bench-shards")) -> int:
    """Fill ``db`` (a DuckDB path or a postgresql:// URL) with ``count`` synthetic documents
    and what resolve would say across them (``bench.corpus.corpus_records``: stories, claims,
    relations), reused when already there. Written through the store's own write path
    (``add_records``, ``batch`` records per transaction: the bulk Arrow/COPY inserts;
    ``add_corpus``), so the database, its kept counts included, is exactly what ``claimgraph
    ingest`` and ``resolve`` would have written. ``shards`` > 1: the documents are written by
    that many processes into DuckDB files in ``shard_folder`` (kept for the next database of
    the same size) and merged (``bench/shards.py``)."""
    from claimgraph.bench.corpus import corpus_records
    from claimgraph.store import open_store

    db = str(db)
    if not db.startswith(("postgresql://", "postgres://")):
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open_store(db) as store:
        have = store.count("documents")
        if have and have != count:
            raise ClaimgraphError("E201", f"{db} holds {have:,} documents, not {count:,}: remove it")
        if have:
            log(f"reusing {db} ({have:,} documents)")
        else:
            if shards > 1:
                from claimgraph.bench.shards import merge_shard, write_shards

                for path in write_shards(shard_folder, count, shards, bases, log):
                    merge_shard(store, path)
                    log(f"merged {path}")
            else:
                originals = bases()  # only now: a reused database needs no NLP
                log(f"building {db}: {count:,} documents from {len(originals)} analysed samples")
                pending: list[Record] = []
                for record in synthetic_records(originals, count):
                    pending.append(record)
                    if len(pending) == batch:
                        store.add_records(pending)
                        pending = []
                store.add_records(pending)
            have = store.count("documents")
        if not store.count("corpus_claims"):
            log("adding the corpus records resolve would give")
            ids = [bench_id(n) for n in range(count)]
            store.add_corpus(corpus_records(ids, {i: publication_day(n) for n, i in enumerate(ids)}),
                             replace=True)
    log(f"ready in {time.perf_counter() - started:.0f} s")
    return have


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(db: str, port: int, workers: int,
                  src: Path | None = None) -> subprocess.Popen[bytes]:
    """``claimgraph serve`` in its own process; ``src``: the ``src/`` folder of another
    checkout to serve from instead (the baseline of a before/after run)."""
    env = {**os.environ}
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [env.get("PYTHONPATH")])])
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimgraph.serve", "serve", "--db", db, "--port", str(port),
         "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ClaimgraphError("E201", f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            # Any answer will do, so a cheap one (a 404): a slow list would time out, and a
            # server serialising its queries would answer no retry in time.
            httpx.get(f"http://127.0.0.1:{port}/api/documents/-", timeout=5)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise ClaimgraphError("E201", "server did not start within 120 s")


def _cpu_seconds(pid: int) -> float:
    """CPU-seconds a process (the server) has used so far (Linux ``/proc``; 0 elsewhere): on
    a shared machine, CPU per request says more than wall time."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(client: Any, plan: dict[str, list[str]], concurrency: int,
            rng: random.Random) -> dict[str, Any]:
    """Run every planned request, all routes shuffled together (so the noise of a shared
    machine falls on every route alike), ``concurrency`` at a time; latency per route."""
    jobs = [(name, url) for name, urls in plan.items() for url in urls]
    rng.shuffle(jobs)

    def one(job: tuple[str, str]) -> tuple[str, float, bool]:
        t0 = time.perf_counter()
        response = client.get(job[1])
        return job[0], time.perf_counter() - t0, response.status_code == 200

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, jobs[: len(jobs) // 20]))  # warm-up, not counted
        started = time.perf_counter()
        results = list(pool.map(one, jobs))
        wall = time.perf_counter() - started
    per_route: dict[str, Any] = {}
    for name in plan:
        ms = [t * 1000 for n, t, _ in results if n == name]
        per_route[name] = {
            "requests": len(ms), "errors": sum(1 for n, _, good in results if n == name and not good),
            "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(_percentile(ms, 0.95), 1),
            "max_ms": round(max(ms), 1)}
    return {"routes": per_route, "requests_per_second": round(len(results) / wall, 1)}


def routes(ids: list[str], source_ids: list[str], requests: int, rng: random.Random,
           total: int) -> dict[str, list[str]]:
    """The measured routes, each with its request list (random documents, sources and pages:
    a page anywhere in the list, as a client paging or jumping through it asks)."""
    def pick(xs: list[str]) -> list[str]:
        return [rng.choice(xs) for _ in range(requests)]

    def deep(n: int) -> list[int]:  # offsets anywhere in a list of about n items
        return [rng.randrange(0, max(1, n - 50)) for _ in range(requests)]

    def paged(path: str, offsets: list[int]) -> list[str]:
        joiner = "&" if "?" in path else "?"
        return [f"{path}{joiner}limit=50&offset={o}" for o in offsets]

    return {
        "GET /documents/{id} (article page)": [f"/documents/{i}" for i in pick(ids)],
        "GET /api/documents/{id}": [f"/api/documents/{i}" for i in pick(ids)],
        "GET /api/documents?offset=…": paged("/api/documents", deep(total)),
        "GET /api/attributions?offset=…": paged("/api/attributions", deep(7 * total)),
        "GET /api/attributions?anonymous=true": paged(
            "/api/attributions?anonymous=true", deep(2 * total)),
        "GET /api/attributions?source_id=…": [
            f"/api/attributions?source_id={s}&limit=50" for s in pick(source_ids)],
        "GET /api/sources": paged("/api/sources", deep(2000)),
        "GET /api/events?offset=…": paged("/api/events", deep(5 * total)),
        "GET /api/events?since=…": [
            f"/api/events?limit=50&since=2024-{1 + o % 12:02d}-01" for o in deep(12)],
        "GET /api/places": ["/api/places?limit=100"] * requests,
        "GET /api/stories?offset=…": paged("/api/stories", deep(total // 4)),
        "GET /api/claims?offset=…": paged("/api/claims", deep(8 * total)),
        "GET /api/relations?offset=…": paged("/api/relations", deep(total // 2)),
    }


def run_bench(db: str, *, documents: int, samples: list[Path], requests: int,
              concurrency: list[int], workers: int = 1, baseline: Path | None = None,
              shards: int = 1, log: Callable[[str], Any] = print) -> dict[str, Any]:
    """Build (or reuse) the database, then measure every route at each ``concurrency``; with
    ``baseline`` (another checkout) its server is measured too, on the same requests, right
    before this one, so both share the machine's load of the moment (reported as the load
    average before and after each run)."""
    import httpx

    total = build_database(db, documents, lambda: analysed_samples(samples), log, shards=shards)
    servers: dict[str, Path | None] = {"this": None}
    if baseline is not None:
        servers = {"baseline": baseline / "src", "this": None}
    ports = {name: _free_port() for name in servers}
    procs: list[subprocess.Popen[bytes]] = []
    runs = []
    try:
        for name, src in servers.items():
            procs.append(_start_server(db, ports[name], workers, src))
        for n in concurrency:
            for name in servers:
                rng = random.Random(13)
                with httpx.Client(base_url=f"http://127.0.0.1:{ports[name]}", timeout=120,
                                  limits=httpx.Limits(max_connections=n)) as client:
                    ids = [d["id"] for d in client.get("/api/documents?limit=500").json()["data"]]
                    ids += [bench_id(rng.randrange(total)) for _ in range(500)]
                    source_ids = [s["id"] for s in
                                  client.get("/api/sources?limit=200").json()["data"]]
                    plan = routes(ids, source_ids, requests, rng, total)
                    log(f"{name}: {requests} requests on each of {len(plan)} routes, {n} in "
                        "flight")
                    load = os.getloadavg()[0]
                    cpu = _cpu_seconds(procs[list(servers).index(name)].pid)
                    measured = measure(client, plan, n, rng)
                    cpu = _cpu_seconds(procs[list(servers).index(name)].pid) - cpu
                runs.append({"server": name, "concurrency": n, "load_before": round(load, 2),
                             "load_after": round(os.getloadavg()[0], 2),
                             "server_cpu_seconds": round(cpu, 1), **measured})
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=20)
    return {"documents": total, "database": db.split("@")[-1], "workers": workers,
            "requests_per_route": requests, "runs": runs}


def _requests(run: dict[str, Any]) -> int:
    return sum(r["requests"] for r in run["routes"].values())


def format_results(results: dict[str, Any]) -> str:
    """One table per run: p50/p95/max per route, with requests/s and the load average."""
    lines = [f"{results['documents']:,} documents ({results['database']}); "
             f"{results['requests_per_route']} requests per route, routes interleaved; server: "
             f"{results['workers']} worker process(es) on loopback; {os.cpu_count()} cores"]
    for run in results["runs"]:
        lines += ["", f"[{run['server']}] {run['concurrency']} in flight: "
                  f"{run['requests_per_second']} requests/s; server CPU "
                  f"{1000 * run['server_cpu_seconds'] / max(1, _requests(run)):.1f} ms a "
                  f"request; load average {run['load_before']} -> {run['load_after']}",
                  f"{'route':44} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>6}"]
        for name, r in run["routes"].items():
            lines.append(f"{name:44} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f} "
                         f"{r['errors']:6d}")
    return "\n".join(lines)

#!/usr/bin/env python3
"""Ingest keeps pace (issue 13, docs/performance.md "Ingest at scale"): HTTP ingest on both paths against a raw
psql COPY of equivalent rows, in the same run, interleaved, several rounds. Started by
`BENCH_INGEST=1 bash scripts/bench_scale.sh N` once the N-record database is generated.

Every round posts BATCHES batches of 1,000 records through POST /api/v1/records/detection-records with CLIENTS
concurrent clients on the domain path and on the legacy path, and COPYs BATCHES x 1,000 records generated the
same way (and their violations) into detection_records and violations with one `psql` (two `\\copy` in one
transaction); the order of the three rotates per round. Records are recent (each batch covers the next 20 s of
50 cameras at one detection per second, ~0.35 violations per record), so alert rules count the busy head of
the violations table. Prints per-round rows and a Markdown summary (median and range over rounds).

On a shared machine wall-clock rates swing with the other load, so beside rows/s the script reports the CPU time
each way costs per 1,000 rows: the PostgreSQL cluster's processes (postmaster, backends, WAL writer, ... and the
backends that exited, via the postmaster's children times) plus the API process for HTTP or psql for COPY. The
load generator itself (this script) is not counted on either side.

usage: bench_ingest.py BASE_URL API_KEY PSQL_CONNINFO ROUNDS BATCHES CLIENTS API_PID POSTMASTER_PID
"""
import csv
import datetime as dt
import http.client
import json
import os
import queue
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

CAMERAS = [f"cam{c}" for c in range(50)]
CLASSES = ["person", "helmet", "hairnet", "mask", "gloves", "forklift"]
VIOLATIONS = ["no_hairnet", "no_mask", "no_gloves", "smoking", "intrusion"]
BATCH_SIZE = 1000
SLOT = dt.timedelta(seconds=BATCH_SIZE // len(CAMERAS))  # one detection per camera per second
# Enough for tiered JIT to finish on both paths: with 8, the first timed way still spent a tenth of the machine
# compiling (perf); with 40 the API still cost 3x its later CPU per row in round 1 (methods run once per request
# need their 30 calls and the call-counting delay before tier 1).
WARMUP_BATCHES = 100


def generate_batch(rng, start):
    batch = []
    for j in range(BATCH_SIZE):
        camera = CAMERAS[j % len(CAMERAS)]
        at = start + dt.timedelta(seconds=j // len(CAMERAS), milliseconds=10 * (j % len(CAMERAS)))
        objects = []
        for _ in range(rng.randint(0, 3)):
            x1, x2 = sorted(round(rng.uniform(0, 640), 1) for _ in range(2))
            y1, y2 = sorted(round(rng.uniform(0, 480), 1) for _ in range(2))
            objects.append({"class": rng.choice(CLASSES), "confidence": round(rng.uniform(0.3, 1), 3),
                            "bbox": [x1, y1, x2, y2]})
        n_violations = rng.choices([0, 1, 2], weights=[70, 25, 5])[0]
        batch.append({
            "camera_id": camera,
            "detected_at": at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "person_count": rng.randint(0, 6),
            "objects": objects,
            "processing_ms": round(rng.uniform(5, 80), 2),
            "violations": [{"violation_type": rng.choice(VIOLATIONS), "confidence": round(rng.uniform(0.5, 1), 3),
                            "snapshot_path": f"snap/{camera}/{at.timestamp():.2f}.jpg"} for _ in range(n_violations)],
        })
    return batch


TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid, with_children=False):
    """CPU seconds of a process (utime + stime, and its reaped children's when asked); 0 if it is gone."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if with_children else 0)
    return ticks / TICKS


def cluster_cpu(postmaster):
    """The cluster's CPU seconds: the postmaster with its exited children, and every live child."""
    total = process_cpu(postmaster, with_children=True)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == postmaster:
                total += process_cpu(int(entry))
    return total


def own_cpu():
    """This script's CPU seconds (all its threads): the load generator, which shares the two cores."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rows_of(batches):
    return sum(len(b) + sum(len(r["violations"]) for r in b) for b in batches)


def post_all(base, api_key, path_flag, bodies, clients):
    """Posts every body with `clients` concurrent keep-alive connections; returns wall seconds."""
    url = urllib.parse.urlsplit(base)
    work = queue.Queue()
    for body in bodies:
        work.put(body)
    failures = []

    def client():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
        while True:
            try:
                body = work.get_nowait()
            except queue.Empty:
                break
            connection.request("POST", f"/api/v1/records/detection-records?force_domain={path_flag}", body=body,
                               headers={"X-Api-Key": api_key, "Content-Type": "application/json"})
            response = connection.getresponse()
            answer = response.read()
            if response.status != 201:
                failures.append(f"{response.status}: {answer[:300]!r}")
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    if failures:
        sys.exit(f"ingest (force_domain={path_flag}) failed {len(failures)} time(s), first: {failures[0]}")
    return seconds


def psql(conninfo, *args, stdin=None):
    return subprocess.run(["psql", conninfo, "-X", "-v", "ON_ERROR_STOP=1", "-Atq", *args], input=stdin, check=True,
                          capture_output=True, text=True).stdout.strip()


def copy_all(conninfo, batches, folder):
    """Writes the rows as CSV with ids reserved from the identity sequence (as the ingest writer reserves them),
    then times one psql that COPYs records and violations in one transaction."""
    records = [r for b in batches for r in b]
    sequence = "pg_get_serial_sequence('detection_records', 'id')"
    last = int(psql(conninfo, "-c", f"SELECT setval({sequence}, nextval({sequence}) + {len(records) - 1})"))
    detections_csv = os.path.join(folder, "detections.csv")
    violations_csv = os.path.join(folder, "violations.csv")
    with open(detections_csv, "w", newline="") as d, open(violations_csv, "w", newline="") as v:
        dw, vw = csv.writer(d), csv.writer(v)
        for offset, r in enumerate(records):
            record_id = last - len(records) + 1 + offset
            dw.writerow([record_id, r["camera_id"], r["detected_at"], r["person_count"],
                         json.dumps(r["objects"], separators=(",", ":")), r["processing_ms"], len(r["violations"])])
            for x in r["violations"]:
                vw.writerow([r["camera_id"], record_id, x["violation_type"], x["confidence"], x["snapshot_path"],
                             "pending", r["detected_at"]])
    script = (
        f"\\copy detection_records (id, camera_id, detected_at, person_count, objects, processing_ms, violation_count) "
        f"FROM '{detections_csv}' WITH (FORMAT csv)\n"
        f"\\copy violations (camera_id, detection_id, violation_type, confidence, snapshot_path, status, detected_at) "
        f"FROM '{violations_csv}' WITH (FORMAT csv)\n")
    started = time.perf_counter()
    psql(conninfo, "-1", "-f", "-", stdin=script)
    return time.perf_counter() - started


def main():
    base, api_key, conninfo, rounds, batches, clients, api_pid, postmaster = sys.argv[1:9]
    rounds, batches, clients, api_pid, postmaster = int(rounds), int(batches), int(clients), int(api_pid), int(postmaster)
    rng = random.Random(13)
    ways = ["domain", "legacy", "copy"]
    slots = (rounds * len(ways) * batches) + 2 * WARMUP_BATCHES
    clock = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - SLOT * slots - dt.timedelta(minutes=2)

    def next_batches(n):
        nonlocal clock
        out = []
        for _ in range(n):
            out.append(generate_batch(rng, clock))
            clock += SLOT
        return out

    def bodies(bs):
        return [json.dumps(b, separators=(",", ":")).encode() for b in bs]

    # Warm-up (JIT, pools, plans): not timed.
    post_all(base, api_key, "true", bodies(next_batches(WARMUP_BATCHES)), clients)
    post_all(base, api_key, "false", bodies(next_batches(WARMUP_BATCHES)), clients)

    alerts_before = int(psql(conninfo, "-c", "SELECT count(*) FROM alerts"))
    results = {w: [] for w in ways}  # rows/s per round
    records_per_s = {w: [] for w in ways}
    cpu_ms_per_k_rows = {w: [] for w in ways}
    client_ms_per_k_rows = {w: [] for w in ways}  # the API process (HTTP) or psql (COPY) alone
    print("round way batches records rows seconds records_per_s rows_per_s cpu_ms_per_1000_rows "
          "client_cpu_ms_per_1000_rows generator_cpu_ms_per_1000_rows load1", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        os.chmod(folder, 0o755)
        for r in range(rounds):
            for way in ways[r % len(ways):] + ways[:r % len(ways)]:
                bs = next_batches(batches)
                rows = rows_of(bs)
                payload = bodies(bs) if way != "copy" else None
                # COPY is charged the cluster and psql, HTTP the cluster and the API process.
                client_cpu = children_cpu if way == "copy" else lambda: process_cpu(api_pid)
                client_before = client_cpu()
                generator_before = own_cpu()
                cpu_before = cluster_cpu(postmaster) + client_before
                if way == "copy":
                    seconds = copy_all(conninfo, bs, folder)
                else:
                    seconds = post_all(base, api_key, "true" if way == "domain" else "false", payload, clients)
                time.sleep(0.5)  # lets the postmaster reap psql's backend, whose CPU then shows in its children times
                client_after = client_cpu()
                generator_ms_per_k_rows = 1000 * (own_cpu() - generator_before) / rows * 1000
                cpu = cluster_cpu(postmaster) + client_after - cpu_before
                cpu_ms_per_k_rows[way].append(1000 * cpu / rows * 1000)
                client_ms_per_k_rows[way].append(1000 * (client_after - client_before) / rows * 1000)
                results[way].append(rows / seconds)
                records_per_s[way].append(batches * BATCH_SIZE / seconds)
                load1 = open("/proc/loadavg").read().split()[0]
                print(f"{r + 1} {way} {batches} {batches * BATCH_SIZE} {rows} {seconds:.2f} "
                      f"{batches * BATCH_SIZE / seconds:.0f} {rows / seconds:.0f} {cpu_ms_per_k_rows[way][-1]:.0f} "
                      f"{client_ms_per_k_rows[way][-1]:.0f} {generator_ms_per_k_rows:.0f} {load1}",
                      file=sys.stderr)
    alerts_raised = int(psql(conninfo, "-c", "SELECT count(*) FROM alerts")) - alerts_before

    def spread(values):
        return f"{statistics.median(values):,.0f} ({min(values):,.0f}–{max(values):,.0f})"

    ratios = {w: [results[w][i] / results["copy"][i] for i in range(rounds)] for w in ("domain", "legacy")}
    cpu_ratios = {w: [cpu_ms_per_k_rows["copy"][i] / cpu_ms_per_k_rows[w][i] for i in range(rounds)]
                  for w in ("domain", "legacy")}
    domain_vs_legacy = [results["domain"][i] / results["legacy"][i] for i in range(rounds)]

    def ratio(values):
        return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"

    def cpu(values):
        return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"

    print("| way of writing | records/s | rows/s (records + violations) | rows/s vs COPY (same round) "
          "| CPU ms per 1,000 rows | of which API process / psql | COPY CPU / this CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for way, label in (("domain", f"HTTP, domain path, {clients} clients"), ("legacy", f"HTTP, legacy path, {clients} clients")):
        print(f"| {label} | {spread(records_per_s[way])} | {spread(results[way])} | {ratio(ratios[way])} "
              f"| {cpu(cpu_ms_per_k_rows[way])} | {cpu(client_ms_per_k_rows[way])} | {ratio(cpu_ratios[way])} |")
    print(f"| psql `\\copy` (records, then violations; one transaction) | {spread(records_per_s['copy'])} "
          f"| {spread(results['copy'])} | 1.00 | {cpu(cpu_ms_per_k_rows['copy'])} | {cpu(client_ms_per_k_rows['copy'])} | 1.00 |")
    print()
    print(f"Median (min–max) over {rounds} rounds of {batches} batches x {BATCH_SIZE} records per way; "
          f"domain / legacy rows/s {ratio(domain_vs_legacy)}; {alerts_raised} alerts raised by the timed batches.")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes ingest batch files for scripts/bench.sh: JSON arrays in the wire format of
POST /api/v1/records/detection-records, spread evenly over the last DAYS days (ending now) across the
demo cameras, in time order (as detectors post them). A fixed seed gives the same shape on every run.

usage: bench_data.py OUT_DIR PREFIX RECORDS BATCH_SIZE DAYS SEED
"""
import datetime as dt
import json
import os
import random
import sys

CAMERAS = ["cam0", "cam1", "cam2", "cam3"]
CLASSES = ["person", "helmet", "hairnet", "mask", "gloves", "forklift"]
VIOLATIONS = ["no_hairnet", "no_mask", "no_gloves", "smoking", "intrusion"]


def main():
    out_dir, prefix, records, batch_size, days, seed = sys.argv[1:7]
    records, batch_size, days = int(records), int(batch_size), int(days)
    rng = random.Random(int(seed))
    os.makedirs(out_dir, exist_ok=True)
    end = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)
    start = end - dt.timedelta(days=days)
    step = (end - start) / records
    for b in range(0, records, batch_size):
        batch = []
        for i in range(b, min(b + batch_size, records)):
            at = start + step * i
            objects = [{"class": rng.choice(CLASSES), "confidence": round(rng.uniform(0.3, 1), 3),
                        "bbox": sorted(round(rng.uniform(0, 640), 1) for _ in range(2))
                        + sorted(round(rng.uniform(0, 480), 1) for _ in range(2))}
                       for _ in range(rng.randint(0, 3))]
            # bbox is [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2
            for o in objects:
                x1, x2, y1, y2 = o["bbox"]
                o["bbox"] = [x1, y1, x2, y2]
            n_violations = rng.choices([0, 1, 2], weights=[70, 25, 5])[0]
            batch.append({
                "camera_id": CAMERAS[i % len(CAMERAS)],
                "detected_at": at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "person_count": rng.randint(0, 6),
                "objects": objects,
                "processing_ms": round(rng.uniform(5, 80), 2),
                "violations": [{"violation_type": rng.choice(VIOLATIONS),
                                "confidence": round(rng.uniform(0.5, 1), 3),
                                "snapshot_path": f"snap/{CAMERAS[i % len(CAMERAS)]}/{i}.jpg"}
                               for _ in range(n_violations)],
            })
        with open(os.path.join(out_dir, f"{prefix}{b // batch_size:05d}.json"), "w") as f:
            json.dump(batch, f, separators=(",", ":"))


if __name__ == "__main__":
    main()

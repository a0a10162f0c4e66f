#!/usr/bin/env python3
"""Figures of a database outage run: answers while the database was away, and the recovery time.

  outage_figures.py results.json DOWN_EPOCH UP_EPOCH
"""
import collections
import json
import sys

results = json.load(open(sys.argv[1]))
down, up = float(sys.argv[2]), float(sys.argv[3])
started = results["started"]
during, after = [], []
for a in results["answers"]:
    sent = started + a["t"]
    if down <= sent < up:
        during.append(a)
    elif sent >= up:
        after.append(a)
statuses = collections.Counter(a["status"] for a in during)
slowest = max((a["latency"] for a in during), default=0)
recovered = min((started + a["t"] + a["latency"] for a in after if a["status"] in (200, 201)), default=None)
other_5xx = sum(n for status, n in statuses.items() if status >= 500 and status != 503)
print("outage %.0f s | requests during it %d | answers %s | 5xx other than 503: %d | slowest answer %.1f s"
      % (up - down, len(during), dict(sorted(statuses.items())), other_5xx, slowest))
print("recovery: first acknowledged complaint %.1f s after the database came back"
      % ((recovered - up) if recovered else float("nan")))
if not during:
    print("FAILED: no request was sent while the database was away: the outage was not tested")
if not recovered:
    print("FAILED: no complaint was acknowledged after the database came back: no recovery")
if other_5xx:
    print("FAILED: %d answers during the outage were 5xx other than 503" % other_5xx)
sys.exit(1 if other_5xx or not during or not recovered else 0)

#!/usr/bin/env python3
"""Load for GridCare's fault tests: complaints with Idempotency-Keys from many clients, on loopback.

Each client retries a complaint with the same key on connection errors and 503s, switching to the
other node, until it is acknowledged (201, or 200 replayed) or refused (4xx). Results go to a JSON
file: every key, whether and when it was acknowledged, its case id, and every answer's status and
latency, so the scripts can check the database against what clients were told.

  loadgen.py --nodes http://127.0.0.1:8092,http://127.0.0.1:8093 --clients 16 --complaints 2000 \
             --customers customers.txt --out results.json [--progress progress.txt] [--key-prefix run1]
  loadgen.py ... --duration 80   # keep sending for 80 s instead of a fixed number (database outage)
"""
import argparse
import base64
import http.client
import json
import os
import random
import threading
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--complaints", type=int, default=2000)
    parser.add_argument("--duration", type=float, default=0)
    parser.add_argument("--customers", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--progress")
    parser.add_argument("--key-prefix", default="rel")
    parser.add_argument("--user", default="channel:demo")
    parser.add_argument("--give-up-after", type=float, default=180)
    parser.add_argument("--resend-share", type=float, default=0.1,
                        help="share of acknowledged complaints sent once more with the same key, as a client that lost "
                             "the answer would (to the other node): must be answered with the first case")
    args = parser.parse_args()

    nodes = [urllib.parse.urlsplit(n) for n in args.nodes.split(",")]
    customers = [c.strip() for c in open(args.customers) if c.strip()]
    auth = "Basic " + base64.b64encode(args.user.encode()).decode()
    lock = threading.Lock()
    state = {"next": 0, "acknowledged": 0}
    keys = {}
    answers = []
    started = time.time()

    def take():
        with lock:
            if args.duration:
                if time.time() - started >= args.duration:
                    return None
            elif state["next"] >= args.complaints:
                return None
            state["next"] += 1
            return state["next"]

    def post(node, body, key):
        connection = http.client.HTTPConnection(node.hostname, node.port, timeout=30)
        try:
            connection.request("POST", "/api/v1/complaints", body=body, headers={
                "Authorization": auth, "Content-Type": "application/json", "Idempotency-Key": key})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace"), response.getheader("Idempotent-Replayed")
        finally:
            connection.close()

    def client(number):
        rnd = random.Random(number)
        while True:
            index = take()
            if index is None:
                return
            key = "%s-%05d" % (args.key_prefix, index)
            body = json.dumps({"customerId": rnd.choice(customers), "channel": "HOTLINE",
                               "category": rnd.choice(["METER", "BILLING", "SUPPLY_INTERRUPTION", "POWER_QUALITY", "SERVICE_CONDUCT", "CONNECTION", "OTHER"]),
                               "description": "fault test complaint %s" % key})
            record = {"key": key, "attempts": 0, "acknowledged": False, "caseId": None, "replayed": False}
            first = time.time()
            node = index % len(nodes)
            while True:
                record["attempts"] += 1
                t0 = time.time()
                try:
                    status, text, replayed = post(nodes[node], body, key)
                except (OSError, http.client.HTTPException) as e:
                    status, text, replayed = 0, type(e).__name__, None
                latency = time.time() - t0
                answer = {"t": round(t0 - started, 3), "node": node, "status": status, "latency": round(latency, 3)}
                if status == 0:
                    answer["error"] = text  # ConnectionRefusedError: never reached the node; others: cut or timed out
                with lock:
                    answers.append(answer)
                if status in (200, 201):
                    if record["acknowledged"]:
                        # the deliberate resend: the same case again, or idempotency is broken
                        record["resent"] = {"status": status, "caseId": json.loads(text).get("caseId"),
                                            "replayed": replayed == "true"}
                        break
                    record["acknowledged"] = True
                    record["caseId"] = json.loads(text).get("caseId")
                    record["replayed"] = replayed == "true"
                    record["ackAt"] = round(time.time() - started, 3)
                    with lock:
                        state["acknowledged"] += 1
                        if args.progress:
                            with open(args.progress + ".tmp", "w") as f:
                                f.write(str(state["acknowledged"]))
                            os.replace(args.progress + ".tmp", args.progress)
                    if rnd.random() < args.resend_share:
                        node = (node + 1) % len(nodes)
                        continue
                    break
                if 400 <= status < 500:
                    record["refused"] = status
                    record["detail"] = text[:200]
                    break
                if time.time() - first > args.give_up_after:
                    record["gaveUp"] = status
                    break
                node = (node + 1) % len(nodes)
                time.sleep(min(2.0, 0.1 * record["attempts"]))
            with lock:
                keys[key] = record

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - started
    with open(args.out, "w") as f:
        json.dump({"clients": args.clients, "started": started, "elapsed": round(elapsed, 1), "keys": list(keys.values()),
                   "answers": answers}, f)
    statuses = {}
    for a in answers:
        statuses[a["status"]] = statuses.get(a["status"], 0) + 1
    acknowledged = sum(1 for k in keys.values() if k["acknowledged"])
    print("loadgen: clients %d, keys %d, acknowledged %d, requests %d, statuses %s, %.1f s"
          % (args.clients, len(keys), acknowledged, len(answers), dict(sorted(statuses.items())), elapsed))


if __name__ == "__main__":
    main()

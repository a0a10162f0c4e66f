#!/usr/bin/env python3
"""Checks the database and the nodes' logs against what the load generator's clients were told.

  check.py --results work/node-kill.json --key-prefix nk --db hardening_cluster --logs work/node-*.log
Prints the figures the README table shows and exits 1 when a case is lost or doubled, a message was
sent twice or an escalation timer was missed or fired twice.
"""
import argparse
import collections
import glob
import json
import re
import subprocess
import sys


def sql(db, query):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-tA", "-F", "\t", "-c", query],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--key-prefix", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--logs", nargs="*", default=[])
    parser.add_argument("--escalations", action="store_true")
    args = parser.parse_args()

    results = json.load(open(args.results))
    keys = results["keys"]
    acknowledged = {k["key"]: k["caseId"] for k in keys if k["acknowledged"]}
    stored = {row[0]: json.loads(row[1]).get("caseId") for row in sql(args.db,
              "SELECT idempotency_key, response_body FROM idempotent_request WHERE scope = 'complaint' "
              "AND idempotency_key LIKE '%s-%%'" % args.key_prefix)}
    cases = {row[0]: row for row in sql(args.db,
             "SELECT id, description, process_instance_id FROM service_case WHERE description LIKE 'fault test complaint %'")}
    lost = [k for k, case in acknowledged.items() if stored.get(k) != case or case not in cases]
    per_description = collections.Counter(row[1] for row in cases.values())
    # a key's complaint is "fault test complaint <n>"; one case per key sent, acknowledged or not
    duplicate_cases = sum(n - 1 for n in per_description.values() if n > 1)
    without_process = [c for c, row in cases.items() if not row[2]]
    unacknowledged_but_stored = [k for k in stored if k not in acknowledged]

    sent_lines = collections.Counter()
    for pattern in args.logs:
        for path in glob.glob(pattern):
            for line in open(path, errors="replace"):
                m = re.search(r"notification ([0-9a-f-]{36}) for case (\S+) by \S+ to ", line)
                if m:
                    sent_lines[m.group(1)] += 1
    outbox = sql(args.db, "SELECT o.status, COUNT(*) FROM notification_outbox o JOIN service_case c ON c.id = o.case_id "
                 "WHERE c.description LIKE 'fault test complaint %' GROUP BY o.status")
    outbox_twice = sql(args.db, "SELECT COUNT(*) FROM (SELECT case_id, template, step FROM notification_outbox "
                       "GROUP BY case_id, template, step HAVING COUNT(*) > 1) d")[0][0]
    duplicate_notifications = sum(1 for n in sent_lines.values() if n > 1)

    statuses = collections.Counter(a["status"] for a in results["answers"])
    print("clients %d | keys sent %d | acknowledged %d | requests %d | answers %s"
          % (results["clients"], len(keys), len(acknowledged), len(results["answers"]), dict(sorted(statuses.items()))))
    print("lost cases %d | duplicate cases %d | cases without process %d | stored but unacknowledged (client gave up) %d"
          % (len(lost), duplicate_cases, len(without_process), len(unacknowledged_but_stored)))
    print("notifications: outbox %s | queued twice %s | delivered twice (logs) %d | deliveries logged %d"
          % (dict(outbox), outbox_twice, duplicate_notifications, sum(sent_lines.values())))
    failed = bool(lost or duplicate_cases or without_process or duplicate_notifications or int(outbox_twice))

    if args.escalations:
        rows = sql(args.db, """
            SELECT p.id_,
                   (SELECT COUNT(*) FROM act_hi_actinst e WHERE e.proc_inst_id_ = p.id_ AND e.act_id_ = 'Event_Escalated'),
                   EXTRACT(EPOCH FROM (t.end_time_ - (p.start_time_ + v.long_ * INTERVAL '1 second'))),
                   EXTRACT(EPOCH FROM (now()::timestamp - (p.start_time_ + v.long_ * INTERVAL '1 second')))
              FROM act_hi_procinst p
              JOIN act_hi_varinst v ON v.proc_inst_id_ = p.id_ AND v.name_ = 'delaySeconds'
              LEFT JOIN act_hi_actinst t ON t.proc_inst_id_ = p.id_ AND t.act_id_ = 'Timer_EscalationDue'
             WHERE p.proc_def_key_ = 'reliability-escalation'""")
        due = [r for r in rows if float(r[3]) > 0]
        fired_once = sum(1 for r in due if r[1] == "1")
        twice = sum(1 for r in rows if int(r[1]) > 1)
        missed = sum(1 for r in due if r[1] == "0")
        delays = sorted(float(r[2]) for r in rows if r[2])
        p = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))] if delays else 0
        print("escalation timers %d | due during the test %d | fired once %d | missed %d | fired twice %d | "
              "lateness p50 %.1f s, p99 %.1f s, max %.1f s" % (len(rows), len(due), fired_once, missed, twice,
                                                              p(0.5), p(0.99), delays[-1] if delays else 0))
        failed = failed or missed > 0 or twice > 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

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


# One row per escalation timer the fault script saw in the engine's job table before it fired
# (reliability_timer: process instance and due date, recorded while the timers were started), with how
# often the instance passed its marker and when its timer event ended, from activity history.
ESCALATION_TIMERS = """
    SELECT t.proc_inst_id,
           (SELECT COUNT(*) FROM act_hi_actinst e WHERE e.proc_inst_id_ = t.proc_inst_id AND e.act_id_ = 'Event_Escalated'),
           EXTRACT(EPOCH FROM (f.end_time_ - t.due)),
           EXTRACT(EPOCH FROM (now()::timestamp - t.due))
      FROM reliability_timer t
      LEFT JOIN act_hi_actinst f ON f.proc_inst_id_ = t.proc_inst_id AND f.act_id_ = 'Timer_EscalationDue'
                                AND f.end_time_ IS NOT NULL"""

# a dead node's lock expires after lockTimeInMillis (60 s); acquisition and a loaded machine add a few seconds
LOCK_BOUND_SECONDS = 60 + 15


def escalation_figures(timers, locked, killed_node):
    """Figures and failures of the escalation check.

    timers: rows (process instance, times fired, fired minus due in s or None, now minus due in s);
    locked: rows (job, process instance, lock owner) the killed node held when it died.
    The check fails when nothing was observed: a run without timers, or a kill without a held job,
    tests nothing and must not pass.
    """
    problems = []
    due = [r for r in timers if float(r[3]) > 0]
    fired_once = sum(1 for r in due if int(r[1]) == 1)
    twice = sum(1 for r in timers if int(r[1]) > 1)
    missed = sum(1 for r in due if int(r[1]) == 0)
    delays = sorted(float(r[2]) for r in timers if r[2] not in (None, ""))
    pick = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))] if delays else float("nan")
    locked_timers = {r[1] for r in locked if r[1]}
    locked_delays = [float(r[2]) for r in timers if r[0] in locked_timers and r[2] not in (None, "")]
    figures = ("escalation timers %d | due during the test %d | fired once %d | missed %d | fired twice %d | "
               "lateness p50 %.1f s, p99 %.1f s, max %.1f s" % (len(timers), len(due), fired_once, missed, twice,
                                                              pick(0.5), pick(0.99), delays[-1] if delays else float("nan")))
    if not timers:
        problems.append("no escalation timers observed: nothing was tested")
    elif not due:
        problems.append("no escalation timer fell due during the test")
    if missed:
        problems.append("%d escalation timers due but never fired" % missed)
    if twice:
        problems.append("%d escalation timers fired twice" % twice)
    if killed_node:
        figures += ("\njobs locked by the killed node %s when it died %d (escalation timers among them %d) | "
                    "their lateness max %.1f s (bound %d s)" % (killed_node, len(locked), len(locked_timers),
                    max(locked_delays) if locked_delays else float("nan"), LOCK_BOUND_SECONDS))
        if not locked:
            problems.append("the killed node held no job when it died: the lock-expiry takeover was not tested")
        late = [d for d in locked_delays if d > LOCK_BOUND_SECONDS]
        if late:
            problems.append("%d of the dead node's timers fired later than %d s" % (len(late), LOCK_BOUND_SECONDS))
    return figures, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--key-prefix", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--logs", nargs="*", default=[])
    parser.add_argument("--escalations", action="store_true")
    parser.add_argument("--killed-node", help="the node killed with -9 (e.g. 8092): it must have held a job")
    args = parser.parse_args()

    results = json.load(open(args.results))
    keys = results["keys"]
    acknowledged = {k["key"]: k["caseId"] for k in keys if k["acknowledged"]}
    stored = {row[0]: json.loads(row[1]).get("caseId") for row in sql(args.db,
              "SELECT idempotency_key, response_body FROM idempotent_request WHERE scope = 'complaint' "
              "AND idempotency_key LIKE '%s-%%'" % args.key_prefix)}
    cases = {row[0]: row for row in sql(args.db,
             "SELECT id, description, process_instance_id FROM service_case WHERE description LIKE 'fault test complaint %'")}
    lost = [k for k, case in acknowledged.items() if case not in cases]
    # the answer kept for a retry must be the one the client was given
    not_kept = [k for k, case in acknowledged.items() if stored.get(k) != case]
    resent = [k for k in keys if k.get("resent")]
    resent_other_case = [k for k in resent if k["resent"]["caseId"] != k["caseId"]]
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
    print("resent after acknowledgement %d | answered with another case %d | answers not kept for retries %d"
          % (len(resent), len(resent_other_case), len(not_kept)))
    failed = bool(lost or not_kept or resent_other_case or duplicate_cases or without_process or duplicate_notifications or int(outbox_twice))

    if args.escalations:
        timers = sql(args.db, ESCALATION_TIMERS)
        locked = sql(args.db, "SELECT job_id, proc_inst_id, lock_owner FROM reliability_locked") if args.killed_node else []
        figures, problems = escalation_figures(timers, locked, args.killed_node)
        print(figures)
        for problem in problems:
            print("FAILED: " + problem)
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks the database and the nodes' logs against what the load generator's clients were told.

  check.py --results work/node-kill.json --key-prefix nk --db hardening_cluster --logs work/node-*.log
  check.py --db hardening_cluster --escalations --timer-nodes 2        (the escalation burst: no complaints)
Prints the figures the README table shows and exits 1 when a case is lost or doubled, a message was
sent twice or an escalation timer was missed or fired twice, when a graceful stop cut a request in flight,
and when a check observed nothing (no complaint sent or acknowledged, no timer, no request in flight).
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


def complaint_problems(keys, acknowledged, cases):
    """A run whose clients sent nothing, or got nothing acknowledged, or left no case tested nothing."""
    if not keys:
        return ["no complaint was sent: nothing was tested"]
    problems = []
    if not acknowledged:
        problems.append("no complaint was acknowledged: nothing was tested")
    if not cases:
        problems.append("no fault-test case in the database: nothing was tested")
    return problems


def in_flight_figures(answers, started, stopped_at, node):
    """The graceful stop: every request the stopped node had in flight when it got SIGTERM must be answered.

    answers: the load generator's answers (t relative to started, latency, node index, status, error);
    a request is in flight when it was sent before the stop and its answer (or error) came after it.
    A request sent after the stop may be refused; one in flight must not be cut (status 0).
    """
    at = stopped_at - started
    in_flight = [a for a in answers if a["node"] == node and a["t"] <= at < a["t"] + a["latency"]]
    cut = [a for a in in_flight if a["status"] == 0]
    after = [a for a in answers if a["node"] == node and a["t"] > at and a["status"] == 0]
    errors = collections.Counter(a.get("error", "?") for a in after)
    figures = ("graceful stop: requests in flight on the stopped node %d | answered %d (%s) | cut %d | "
               "slowest in-flight answer %.1f s after the stop | refused or cut after the stop %d %s"
               % (len(in_flight), len(in_flight) - len(cut),
                  dict(sorted(collections.Counter(a["status"] for a in in_flight if a["status"]).items())), len(cut),
                  max((a["t"] + a["latency"] - at for a in in_flight), default=0), len(after), dict(errors)))
    problems = []
    if not in_flight:
        problems.append("no request was in flight on the stopped node: the graceful stop was not tested")
    if cut:
        problems.append("%d requests in flight were cut by the graceful stop (%s)"
                        % (len(cut), ", ".join(sorted({a.get("error", "?") for a in cut}))))
    return figures, problems


def owner_figures(owners, expected_nodes):
    """Which nodes' job executors were seen holding escalation timers (rows: process instance, lock owner
    host:port/pid); with expected_nodes = 2, a burst that only one node worked on was not spread across two."""
    per_node = collections.Counter(re.sub(r"^.*:(\d+)/\d+$", r"\1", row[1]) for row in owners)
    figures = "escalation timers seen held by each node's job executor: %s (%d timers seen held)" % (
        dict(sorted(per_node.items())), len(owners))
    problems = []
    if len(per_node) < expected_nodes:
        problems.append("timers were seen held by %d node(s), %d expected: the burst was not spread across the nodes"
                        % (len(per_node), expected_nodes))
    return figures, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", help="the load generator's results; without it only escalations are checked")
    parser.add_argument("--key-prefix")
    parser.add_argument("--db", required=True)
    parser.add_argument("--logs", nargs="*", default=[])
    parser.add_argument("--escalations", action="store_true")
    parser.add_argument("--killed-node", help="the node killed with -9 (e.g. 8092): it must have held a job")
    parser.add_argument("--stopped-at", type=float, help="epoch seconds of the SIGTERM (graceful stop)")
    parser.add_argument("--stopped-node", type=int, default=0, help="the stopped node's index in loadgen's --nodes")
    parser.add_argument("--timer-nodes", type=int, default=0,
                        help="nodes that must have been seen holding escalation timers (reliability_timer_owner)")
    args = parser.parse_args()
    failed = False
    if args.results:
        failed = check_complaints(args)
    if args.escalations:
        timers = sql(args.db, ESCALATION_TIMERS)
        locked = sql(args.db, "SELECT job_id, proc_inst_id, lock_owner FROM reliability_locked") if args.killed_node else []
        figures, problems = escalation_figures(timers, locked, args.killed_node)
        if args.timer_nodes:
            more, owner_problems = owner_figures(sql(args.db, "SELECT proc_inst_id, lock_owner FROM reliability_timer_owner"),
                                                 args.timer_nodes)
            figures += "\n" + more
            problems += owner_problems
        print(figures)
        for problem in problems:
            print("FAILED: " + problem)
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


def check_complaints(args):
    if not args.key_prefix:
        sys.exit("check.py: --results needs --key-prefix")
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
    problems = complaint_problems(keys, acknowledged, cases)
    if args.logs and not sent_lines:
        problems.append("no notification delivery in the nodes' logs: the duplicate-delivery check saw nothing")
    if args.stopped_at:
        figures, stop_problems = in_flight_figures(results["answers"], results["started"], args.stopped_at, args.stopped_node)
        print(figures)
        problems += stop_problems
    for problem in problems:
        print("FAILED: " + problem)
    return failed or bool(problems)


if __name__ == "__main__":
    main()

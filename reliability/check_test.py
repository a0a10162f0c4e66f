#!/usr/bin/env python3
"""The checks of check.py must fail when they observed nothing, and pass only on a real run.

  python3 reliability/check_test.py   (CI runs it)
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check import complaint_problems, escalation_figures, in_flight_figures, owner_figures  # noqa: E402


def timer(instance, fired=1, late=1.2, due_ago=30.0):
    return [instance, str(fired), None if late is None else str(late), str(due_ago)]


class EscalationCheckTest(unittest.TestCase):

    def test_an_empty_timer_table_fails(self):
        figures, problems = escalation_figures([], [], None)
        self.assertIn("escalation timers 0", figures)
        self.assertTrue(any("no escalation timers observed" in p for p in problems), problems)

    def test_a_kill_without_a_job_held_by_the_killed_node_fails(self):
        _, problems = escalation_figures([timer("p1"), timer("p2")], [], "8092")
        self.assertTrue(any("held no job" in p for p in problems), problems)

    def test_timers_that_never_fell_due_fail(self):
        _, problems = escalation_figures([timer("p1", fired=0, late=None, due_ago=-30)], [], None)
        self.assertTrue(any("no escalation timer fell due" in p for p in problems), problems)

    def test_a_missed_and_a_doubled_timer_fail(self):
        _, problems = escalation_figures([timer("p1", fired=0, late=None), timer("p2", fired=2), timer("p3")], [], None)
        self.assertTrue(any("1 escalation timers due but never fired" in p for p in problems), problems)
        self.assertTrue(any("1 escalation timers fired twice" in p for p in problems), problems)

    def test_a_dead_nodes_timer_later_than_the_lock_bound_fails(self):
        _, problems = escalation_figures([timer("p1", late=95.0), timer("p2")], [["job1", "p1", "host:8092/1"]], "8092")
        self.assertTrue(any("later than" in p for p in problems), problems)

    def test_a_real_run_passes_and_shows_its_figures(self):
        figures, problems = escalation_figures([timer("p1", late=61.0), timer("p2"), timer("p3", fired=0, late=None, due_ago=-5)],
                                               [["job1", "p1", "host:8092/1"], ["job2", None, "host:8092/1"]], "8092")
        self.assertEqual([], problems)
        self.assertIn("escalation timers 3 | due during the test 2 | fired once 2", figures)
        self.assertIn("jobs locked by the killed node 8092 when it died 2 (escalation timers among them 1)", figures)
        self.assertIn("their lateness max 61.0 s", figures)


def answer(t, latency, status=201, node=0, error=None):
    a = {"t": t, "latency": latency, "status": status, "node": node}
    if error:
        a["error"] = error
    return a


class NothingObservedTest(unittest.TestCase):

    def test_no_complaint_sent_fails(self):
        self.assertTrue(any("no complaint was sent" in p for p in complaint_problems([], {}, {})))

    def test_nothing_acknowledged_or_stored_fails(self):
        problems = complaint_problems([{"key": "k-1", "acknowledged": False}], {}, {})
        self.assertTrue(any("no complaint was acknowledged" in p for p in problems), problems)
        self.assertTrue(any("no fault-test case" in p for p in problems), problems)

    def test_a_real_load_passes(self):
        self.assertEqual([], complaint_problems([{"key": "k-1"}], {"k-1": "c1"}, {"c1": ["c1", "d", "p"]}))


class GracefulStopTest(unittest.TestCase):
    STARTED = 1000.0

    def test_no_request_in_flight_fails(self):
        _, problems = in_flight_figures([answer(1, 0.5), answer(20, 0.5, status=0, error="ConnectionRefusedError")],
                                        self.STARTED, self.STARTED + 10, 0)
        self.assertTrue(any("no request was in flight" in p for p in problems), problems)

    def test_a_cut_request_in_flight_fails(self):
        figures, problems = in_flight_figures([answer(9.5, 1.0), answer(9.8, 0.4, status=0, error="RemoteDisconnected")],
                                              self.STARTED, self.STARTED + 10, 0)
        self.assertIn("requests in flight on the stopped node 2 | answered 1", figures)
        self.assertTrue(any("1 requests in flight were cut" in p and "RemoteDisconnected" in p for p in problems), problems)

    def test_answered_in_flight_requests_and_refusals_after_the_stop_pass(self):
        figures, problems = in_flight_figures(
            [answer(9.5, 1.5), answer(9.9, 0.3, status=503), answer(9.9, 0.3, node=1),
             answer(11, 0.01, status=0, error="ConnectionRefusedError")], self.STARTED, self.STARTED + 10, 0)
        self.assertEqual([], problems)
        self.assertIn("in flight on the stopped node 2 | answered 2 ({201: 1, 503: 1}) | cut 0", figures)
        self.assertIn("refused or cut after the stop 1 {'ConnectionRefusedError': 1}", figures)


class BurstOwnersTest(unittest.TestCase):

    def test_a_burst_held_by_one_node_only_fails_when_two_were_expected(self):
        _, problems = owner_figures([["p1", "host:8092/11"], ["p2", "host:8092/11"]], 2)
        self.assertTrue(any("1 node(s), 2 expected" in p for p in problems), problems)

    def test_nothing_seen_held_fails(self):
        _, problems = owner_figures([], 2)
        self.assertTrue(problems)

    def test_both_nodes_pass_with_their_counts(self):
        figures, problems = owner_figures([["p1", "host:8092/11"], ["p2", "host:8093/12"], ["p3", "host:8093/12"]], 2)
        self.assertEqual([], problems)
        self.assertIn("{'8092': 1, '8093': 2}", figures)


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/env python3
"""The escalation check of check.py must fail when it observed nothing, and pass only on a real run.

  python3 reliability/check_test.py   (CI runs it)
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check import escalation_figures  # noqa: E402


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


if __name__ == "__main__":
    unittest.main()

"""Time budgets: work past its budget is stopped, not waited on."""

from __future__ import annotations

import threading
import time

import pytest

from planner.budget import OverBudget, time_budget


def test_work_past_its_budget_is_stopped():
    with pytest.raises(OverBudget), time_budget(0.05):
        while True:
            pass


def test_work_within_its_budget_finishes_and_leaves_no_timer():
    with time_budget(5):
        total = sum(range(1000))
    assert total == 499500
    time.sleep(0.01)  # an alarm left behind would fire here


def test_outside_the_main_thread_the_work_runs_unbounded():
    outcome = []

    def work():
        with time_budget(0.01):
            time.sleep(0.05)
        outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]

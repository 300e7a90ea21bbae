"""The walkthrough's logic, free of any UI: steps, order, progress, what changed."""

from clinician_compass.walkthrough.plan import Plan, Progress, Step, changed_answers

__all__ = ["Plan", "Progress", "Step", "changed_answers"]

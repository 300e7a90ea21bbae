"""Before you post: a check of a draft for anything that could identify a patient.

Plain Python: no Textual, no network, nothing written anywhere. The detectors
(one module per kind) find spans with a reason, ``risk`` weighs them together,
``advice`` and ``result`` add her own policy and the platform's facts. It never
says a post is safe: the best it says is that nothing was found.
"""

from clinician_compass.postcheck.finding import DIRECT, KINDS, QUASI, Finding
from clinician_compass.postcheck.result import PostCheck, Report, check_post, report
from clinician_compass.postcheck.risk import Assessment, Risk

__all__ = [
    "DIRECT",
    "KINDS",
    "QUASI",
    "Assessment",
    "Finding",
    "PostCheck",
    "Report",
    "Risk",
    "check_post",
    "report",
]

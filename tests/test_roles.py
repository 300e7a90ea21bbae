"""Roles in words: students by discipline, an old "student" kept readable, and the role as patients say it."""

from __future__ import annotations

import pytest

from clinician_compass.documents.profile_text import bio_role, plain_role
from clinician_compass.guidance.model import GUIDANCE_ROLES, STUDENT_ROLES
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import ROLES, Profile

OLD_STUDENT = """\
schema_version = 1

[profile]
display_name = "Jo Bloggs"
role = "student"
jurisdiction = "UK"
"""


def test_every_role_the_guidance_knows_can_be_chosen_in_the_profile() -> None:
    assert set(GUIDANCE_ROLES) <= set(ROLES)
    assert set(ROLES) - set(GUIDANCE_ROLES) == {"other"}
    assert "student" not in ROLES and len(STUDENT_ROLES) == 4


def test_an_old_student_role_reads_as_a_student_of_another_discipline_without_a_problem() -> None:
    policy, problems = parse_policy(OLD_STUDENT)
    assert policy.profile.role == "student-other"
    assert not [p for p in problems if "role" in str(p)], problems


@pytest.mark.parametrize(
    ("role", "country", "plain", "bio"),
    [
        ("physician", "UK", "a doctor", "Doctor"),
        ("physician", "Australia", "a doctor", "Doctor"),
        ("physician", "US", "a doctor", "Physician"),
        ("physician", "Canada", "a doctor", "Physician"),
        ("pharmacist", "UK", "a pharmacist", "Pharmacist"),
        ("student-medicine", "UK", "a medical student", "Medical student"),
        ("student-nursing", "Canada", "a student nurse or midwife", "Nursing or midwifery student"),
        ("other", "UK", "", "Clinician"),
    ],
)
def test_the_role_reads_as_patients_there_say_it(role: str, country: str, plain: str, bio: str) -> None:
    profile = Profile("Sam", role, country)
    assert (plain_role(profile), bio_role(profile)) == (plain, bio)


def test_a_uk_gp_reads_as_a_gp() -> None:
    gp = Profile("Sam", "physician", "UK", extra={"specialty": "GP"})
    assert (plain_role(gp), bio_role(gp)) == ("a GP", "GP")
    assert bio_role(Profile("Sam", "physician", "US", extra={"specialty": "GP"})) == "Physician"

"""What the guidance says about identifying patients, worded once for every face.

From the guidance brief, section 7. Both statements are marked verified [V]
there: the GMC's words were read on the GMC's own page, the Safe Harbor list in
the HHS guidance. Nothing marked [NOT VERIFIED] in the brief is used here.
"""

from __future__ import annotations

GMC_SUM = (
    "GMC, Using social media as a medical professional (2024), para 19 [verified]: "
    "\u201cAlthough individual pieces of information may not breach confidentiality on their own, the sum of "
    "information shared could be enough for a patient or someone close to them to recognise and identify their case.\u201d"
)
"""The GMC's "sum of information" test, quoted (one sentence) with its attribution and the brief's label."""

HIPAA_SAFE_HARBOR = (
    "HIPAA Safe Harbor, 45 CFR 164.514(b)(2), as explained by HHS OCR (2012) [verified]: information counts as "
    "de-identified only when all 18 kinds of identifier are removed, for the patient and for their relatives, "
    "employers and household members, and nothing left is known to identify anyone."
)
"""Safe Harbor in our words, with its attribution and the brief's label."""

SAFE_HARBOR_IDENTIFIERS = (
    "Names",
    "Geographic units smaller than a state",
    "All elements of dates except the year, and all ages over 89",
    "Telephone numbers",
    "Fax numbers",
    "E-mail addresses",
    "Social Security numbers",
    "Medical record numbers",
    "Health plan beneficiary numbers",
    "Account numbers",
    "Certificate or licence numbers",
    "Vehicle identifiers and serial numbers, including licence plates",
    "Device identifiers and serial numbers",
    "Web URLs",
    "IP addresses",
    "Biometric identifiers (finger and voice prints)",
    "Full-face photographs and comparable images",
    "Any other unique identifying number, characteristic or code",
)
"""The 18 identifier types, as the brief lists them."""

SAFE_HARBOR_FOR_KIND = {
    "name": (1,),
    "place": (2,),
    "date": (3,),
    "age": (3,),
    "contact": (4, 6, 14),
    "record-number": (7, 8, 9),
    "photo": (17,),
    "rare-detail": (18,),
}
"""Which of the 18 each kind of finding falls under (1-based); occupations and the patient cue fall under none."""

CANNOT_PROVE = "This check cannot prove a post is safe."

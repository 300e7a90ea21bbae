"""Names: "Mrs Patel", "a man called Derek", "baby Oliver", "Doris, 94", @handles, #PrayForLily.

A name is the first of HIPAA Safe Harbor's identifiers. Titles and the words
clinicians use to introduce someone ("called", "named") carry most of it; a
short list of given names catches the rest. Given names that are also common
words (Will, May, Grace, Hope) are left out: they cost more false alarms than
they find.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import DIGITS, Finding, lazy, spans, words
from clinician_compass.postcheck.keyed import Keyed, Words

_WORD = r"[A-Z](?:\.|[a-zA-Z'\u2019-]*)"

_TITLE_WORDS = Words(
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Master", "Dr", "Prof", "Professor", "Sister", "Nurse", "Auntie", "Aunty",
    "Uncle", "Nana", "Grandma", "Grandpa",
)
"""Titles before a name; a new one also needs its start in ``_TITLES``."""
_TITLED = Keyed(
    r"\b{titles}\.?[ \t]+(?!Practitioner|Specialist|Consultant|Manager|Educator|Associate|Prescriber)"
    + rf"(?:{_WORD})(?:[ \t]+(?!Ward\b|Hospital\b|Infirmary\b){_WORD})?",  # _WORD holds no braces
    required=("titles",),
    titles=_TITLE_WORDS,
)
_TITLES = (
    "mr",
    "ms",
    "miss",
    "mx",
    "master",
    "dr",
    "prof",
    "sister",
    "nurse",
    "aunt",
    "uncle",
    "nana",
    "grand",
)
_INTRODUCED = lazy(
    rf"\b(?:(?:called|named)(?:[ \t]+(?:him|her|them|it|the[ \t]+baby))?|name(?:'s| is| was)|known as|goes by|by[ \t]+name[ \t]*\(?)[ \t]*(?P<name>{_WORD}(?:[ \t]+{_WORD})?)"
)
_BABY = lazy(rf"\b(?:[Bb]aby|[Ll]ittle|[Tt]wins?|[Bb]aby (?:boy|girl))[ \t]+(?P<name>{_WORD})")
_APPOSITIVE_AGE = lazy(rf"(?<![\w'])(?P<name>{_WORD}),[ \t]*(?:aged[ \t]+)?\d{{1,3}}\b(?![./:\d])")
_HANDLE = lazy(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b(?![.@]\w)")
_HASHTAG = lazy(
    r"(?<![\w#])#(?P<tag>(?:PrayFor|JusticeFor|RIP|Team|Save|Remembering|Support|Love|For|Go|Fight)"
    r"[A-Z][A-Za-z]+|[A-Z][a-z]+(?:Strong|Warrior|Army|sWish|sFight|sJourney|sLegacy|sLaw))\b"
)

GIVEN_NAMES = words(
    """
    Aaliyah Abdul Abigail Ada Adam Agnes Ahmed Aisha Alan Albert Alfie Alice Alison Amelia Amir Amy
    Andrew Angela Ann Anne Annie Archie Arthur Ava Barbara Beatrice Bella Benjamin Beryl Betty Brenda
    Brian Bridget Callum Carl Carol Caroline Charlie Charlotte Chloe Chris Christine Clara Colin Connor
    Craig Cyril Daisy Daniel Darren Dave David Deborah Declan Denise Dennis Derek Diana Doreen Doris
    Dorothy Duncan Edith Edna Edward Eileen Elijah Eliza Elizabeth Ella Ellie Elsie Emily Emma Enid Eric
    Ethan Ethel Evelyn Fatima Finn Florence Freddie Frederick Freya Gary Geoffrey George Georgia Gladys
    Gordon Graham Hamish Harold Harriet Harry Harvey Hazel Heather Helen Henry Hilda Hugh Ian Imran
    Irene Isaac Isabella Isla Ivan Jackson Jacob James Jamie Janet Jason Jayden Jean Jeffrey Jennifer
    Jessica Joan Joanne John Jonathan Joseph Joshua Joyce Julie Karen Kate Kathleen Keith Kenneth Kevin
    Kyle Layla Leah Leo Leonard Liam Linda Logan Lorna Louis Louise Lucas Lucy Luke Lydia Madison Maisie
    Malcolm Margaret Maria Marjorie Martha Mary Mason Matilda Matthew Maureen Maurice Megan Mia Michael
    Mildred Mohammed Muhammad Muriel Nathan Neil Nigel Noah Norman Oliver Olivia Oscar Owen Pamela
    Patricia Paul Pauline Peggy Percy Peter Phyllis Poppy Priya Rachel Rahul Raymond Rebecca Reggie
    Richard Rita Robert Ronald Rosie Ruth Ryan Sally Samuel Sandra Sarah Scarlett Sean Sharon Sheila
    Shirley Sophia Sophie Stanley Stella Stephen Steven Susan Sylvia Thomas Tommy Trevor Valerie Vera
    Victoria Violet Walter Wendy Wilfred William Winifred Yusuf Zach Zara Zoe Aarav Ananya Arjun Jacinda
    Serena Ken Kim Kylie Shane Bruce Sheila Darryl Kerry Troy Brett Tegan Jarrod Lachlan Mitchell
    Nathaniel Brody Hayden Cody Tyler Brandon Dylan Austin Hunter Ashley Brittany Courtney Tiffany
    Crystal Amber Kayla Destiny Jasmine Jada Keisha Tanisha Latoya Deshawn Jamal Tyrone Darnell Marcus
    Malik Andre Xavier Diego Carlos Jose Juan Luis Miguel Alejandro Sofia Camila Valentina Lucia Isabel
    Carmen Rosa Ana Pedro Rafael Giulia Marco Luca Francesca Giovanni Pierre Jacques Sophie Amelie Chloe
    Mathieu Hans Klaus Greta Ingrid Lars Siobhan Niamh Aoife Ciara Sinead Padraig Eoin Cormac Oisin
    Ronan Fergus Morag Kirsty Ailsa Eilidh Fiona Iain Rhys Gareth Dafydd Sian Cerys Bethan Gwen Huw Ifan
    Nia Aled Ravi Sanjay Deepak Anil Sunita Anjali Pooja Meera Kavya Vikram Rohan Harpreet Gurpreet
    Manpreet Jaswinder Bilal Hassan Hussein Omar Khalid Farah Zainab Ayesha Noor Maryam Leila Hamza
    Tariq Kwame Kofi Ama Chidi Ngozi Emeka Oluwaseun Tunde Femi Adebayo Segun Jin Hana Yuki Kenji Haruto
    Sakura Ming Lin Jun Hyun Minji Seo Thanh Linh Nguyen Anh Duc Sipho Thabo Zanele Matt Jon Ben Tom Tim
    Rob Bob Dan Sam Max Alex Jess Becky Liz Beth Kat Jen Steph Nick Pete Mike Joe Andy Fauci Whitty Chen
    Li Wei Mei Hiroshi Kai Nikolai Olga Sven Tane Aroha Ngaire Jarrah Kirra
    """
)
"""Common given names across the UK, US, Canada and Australia, old and new, minus everyday words."""

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b(?![-'\u2019]\w)")
_SURNAME = re.compile(r"[ \t]+([A-Z][a-z][a-zA-Z'\u2019-]+)")
_NOT_SURNAME = words(
    """
    The A An And But Or So On At In To From With Is Was Has Had Said Told Asked Came Ward Hospital We
    Day Eve Night General Infirmary Clinic Street Road
    """
)
_NOT_A_NAME = words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July
    August September October November December Bed Bay Ward Room Age Aged Yes No Today Total Week Day
    Year Step Level Page Version Number Grade Band Year Term Part Chapter Session
    """
)


def find(text: str) -> Iterator[Finding]:
    yield from spans("name", _TITLED, text, "a title and a name", needs=_TITLES)
    yield from spans(
        "name",
        _INTRODUCED,
        text,
        "introduced by name",
        group="name",
        needs=("called", "named", "name", "known as", "goes by"),
    )
    yield from spans(
        "name", _BABY, text, "a child's or baby's name", group="name", needs=("baby", "little", "twin")
    )
    for finding in spans(
        "name", _APPOSITIVE_AGE, text, "a name given with an age", group="name", needs=DIGITS
    ):
        if finding.text not in _NOT_A_NAME:
            yield finding
    yield from spans(
        "name", _HANDLE, text, "a social media handle: it leads straight to a person", needs=("@",)
    )
    yield from spans("name", _HASHTAG, text, "a hashtag naming a person", group="tag", needs=("#",))
    for match in _CAPITALISED.finditer(text):
        if match.group() not in GIVEN_NAMES:
            continue
        start, end = match.span()
        surname = _SURNAME.match(text, end)
        if surname and surname.group(1) not in _NOT_SURNAME:
            end = surname.end()
        yield Finding("name", start, end, text[start:end], "a given name")

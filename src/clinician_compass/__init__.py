"""clinician-compass: a clinician's own social media policy, thought through platform by platform.

The package is layered so each part can be read on its own:

- ``guidance``: the catalog (platforms, decisions, situations, sources) as validated data;
- ``policy``: the clinician's answers, and the file that keeps them safe;
- ``walkthrough``: which decisions to ask, in what order, and how far along the clinician is;
- ``documents``: the policy written out as short form, full policy, patient statement, bios, scripts;
- ``reference``: the quick-reference search;
- ``cli`` and ``tui``: the two faces. Only ``tui`` imports Textual.
"""

__version__ = "0.1.0"

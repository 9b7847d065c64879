"""Finding reproduced letters and their signature blocks by shape."""

from __future__ import annotations

from cosignatory.segment import find_regions

LETTER = """Intro paragraph about the appeal, which reads as follows:

To the Prime Minister

Dear Prime Minister,

We ask you to act. This matters to all of us and to our children.

Respectfully,

Anna Berg – Director of the Baltic Press Institute
Karl Nurm – Head of the Tallinn Media Club

Share this article
What do you think about this story? Tell us in the comments below.
"""


def test_region_runs_from_heading_to_last_entry_and_stops_at_page_noise() -> None:
    (region,) = find_regions(LETTER)
    assert LETTER[region.start : region.end].startswith("To the Prime Minister")
    assert LETTER[region.start : region.end].endswith("Tallinn Media Club")
    assert region.salutation is not None
    assert LETTER[region.salutation.start : region.salutation.end] == "Dear Prime Minister,"
    assert region.block is not None
    assert len(region.block.entries) == 2


def test_run_of_name_lines_without_any_cue_is_a_block() -> None:
    text = (
        "Page\n\nAnna Berg – Director, Baltic Press\n"
        "Karl Nurm – Head, Media Club\nEva Saar – Editor, Daily\n"
    )
    (region,) = find_regions(text)
    assert region.block is not None
    assert len(region.block.entries) == 3


def test_prose_has_no_region() -> None:
    assert (
        find_regions("The minister said on Monday that the budget will grow.\nMarkets rose.\n")
        == []
    )

"""Self-assessment files are validated like articles and tracks."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_helpers import TRACK_YAML, article_text, write_files

from reading_program.load.markdown_render import MarkdownConfig, Renderer
from reading_program.load.paths import ContentPaths
from reading_program.load.problems import ContentError
from reading_program.plan.library import load_library

ASSESSMENT = """\
title: "Check"
intro: "Rate yourself."
article: lead
scale: ["No", "Yes"]
statements:
  - {id: one, aspect: coaching, text: "I coach."}
  - {id: two, aspect: hiring, text: "I hire well."}
bands:
  - {outcome: "Low", heading: "Outcome: Low", min: 2, max: 3, summary: "Work on it."}
  - {outcome: "High", heading: "Outcome: High", min: 4, max: 4, summary: "Keep going."}
"""
HIGH_BAND = ASSESSMENT.splitlines(keepends=True)[-1]
LEAD_BODY = "Some words.\n\n## Outcome: Low\n\nWork on it.\n\n## Outcome: High\n\nKeep going.\n"


def load(root: Path, assessment: str, track: str = TRACK_YAML, body: str = LEAD_BODY, **options):
    files = {
        "content/articles/lead.md": article_text(tags="[leadership]", body=body),
        "content/articles/coach.md": article_text(tags="[coaching]"),
        "content/tracks/two-weeks.yml": track,
        "content/assessments/check.yml": assessment,
    }
    write_files(root, files)
    return load_library(ContentPaths(root), **options)


def test_assessment_is_loaded_and_linked_from_its_track(tmp_path: Path) -> None:
    track = TRACK_YAML.replace(
        'summary: "A short track."', 'summary: "A short track."\nassessment: check'
    )
    library = load(tmp_path, ASSESSMENT, track)
    [assessment] = library.assessments
    assert assessment.article.slug == "lead"
    assert [b.outcome for b in assessment.bands] == ["Low", "High"]
    assert library.tracks[0].assessment == assessment


def test_a_band_links_to_its_heading_by_the_id_the_site_gives_it(tmp_path: Path) -> None:
    # The heading as the article writes it (emphasis, an accent), ids made by the site's
    # own toc settings: a custom slugify, as mkdocs.yml may configure.
    body = "Words.\n\n## Outcome: *Low* Café\n\nA.\n\n### Outcome: High\n\nB.\n"
    assessment = ASSESSMENT.replace('"Outcome: Low"', '"Outcome: *Low* Café"')

    def slugify(text: str, separator: str) -> str:
        return "band-" + separator.join(text.lower().split())

    config = MarkdownConfig(("toc",), {"toc": {"slugify": slugify}})
    library = load(tmp_path, assessment, body=body, renderer=Renderer(config))
    [parsed] = library.assessments
    assert [band.anchor for band in parsed.bands] == [
        "band-outcome:-low-café",
        "band-outcome:-high",
    ]


@pytest.mark.parametrize(
    "broken",
    [ASSESSMENT.replace('"Outcome: High"', '"Outcome: Higher"'), 'title: "unclosed\n'],
    ids=["a-band-heading-not-in-the-article", "not-yaml"],
)
def test_a_broken_assessment_is_reported_by_its_file_not_again_by_its_track(
    tmp_path: Path, broken: str
) -> None:
    track = TRACK_YAML.replace(
        'summary: "A short track."', 'summary: "A short track."\nassessment: check'
    )
    with pytest.raises(ContentError) as error:
        load(tmp_path, broken, track)
    assert {p.repo_path for p in error.value.problems} == {"content/assessments/check.yml"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("min: 4, max: 4", "min: 5, max: 5"),
            (
                "content/assessments/check.yml:10: band 2, min: starts at 5 and leaves a gap: "
                "start it at 4"
            ),
            id="gap-between-bands",
        ),
        pytest.param(
            ("min: 4, max: 4", "min: 4, max: 3"),
            "content/assessments/check.yml:10: band 2, max: is 3, below its min (4): raise it",
            id="band-upside-down",
        ),
        pytest.param(
            (HIGH_BAND, ""),
            "content/assessments/check.yml:8: bands: end at 3, but the highest possible total is 4 "
            "(2 statements x 2 points): make the last band's max 4",
            id="bands-end-early",
        ),
        pytest.param(
            ("article: lead", "article: nobody"),
            "content/assessments/check.yml:3: article: no article has the id 'nobody' "
            "(an article's id is its file name)",
            id="unknown-article",
        ),
        pytest.param(
            ("id: two,", "id: one,"),
            "content/assessments/check.yml:5: statements: lists one more than once: keep one",
            id="duplicate-statement",
        ),
        pytest.param(
            ('scale: ["No", "Yes"]', 'scale: ["Only"]'),
            "content/assessments/check.yml:4: scale: needs at least 2 items, found 1: add more",
            id="scale-too-short",
        ),
        pytest.param(
            ('outcome: "High"', 'outcome: "Low"'),
            "content/assessments/check.yml:10: band 2, outcome: has the same outcome as band 1 "
            "('Low'): each band leads to its own outcome; merge the two bands into one",
            id="two-bands-one-outcome",
        ),
        pytest.param(
            ('heading: "Outcome: High"', 'heading: "Outcome: Hihg"'),
            "content/assessments/check.yml:10: band 2, heading: 'Outcome: Hihg' is not a heading "
            "of the article 'lead' (content/articles/lead.md): results link to it; copy the "
            "heading exactly",
            id="heading-not-in-article",
        ),
    ],
)
def test_bad_assessment_is_reported(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    with pytest.raises(ContentError) as error:
        load(tmp_path, ASSESSMENT.replace(*change))
    assert expected in [str(p) for p in error.value.problems]


def test_week_assessment_needs_a_track_assessment(tmp_path: Path) -> None:
    track = TRACK_YAML.replace("tags: [coaching]", "tags: [coaching]\n    assessment: after")
    with pytest.raises(ContentError) as error:
        load(tmp_path, ASSESSMENT, track)
    assert [str(p) for p in error.value.problems] == [
        "content/tracks/two-weeks.yml:11: week 2, assessment: the track names no assessment "
        "to take: add 'assessment: <id>' at the top of the file"
    ]


def test_unknown_track_assessment_is_reported(tmp_path: Path) -> None:
    track = TRACK_YAML.replace(
        'summary: "A short track."', 'summary: "A short track."\nassessment: nope'
    )
    with pytest.raises(ContentError) as error:
        load(tmp_path, ASSESSMENT, track)
    assert [str(p) for p in error.value.problems] == [
        "content/tracks/two-weeks.yml:3: assessment: no assessment has the id 'nope'; known: check"
    ]

"""Planning a track from tags and a reading-time target.

The algorithm, for `select` + `weeks` + `minutes_per_week`:
1. Take every article carrying any `select.tags` and none of `select.exclude_tags`.
2. Put them in reading order: `level` (1 first, none last), then `date` (oldest first,
   none last), then title, then slug. The order is never changed after this.
3. Cut that sequence into `weeks` consecutive, non-empty weeks. First find the smallest
   possible longest week (binary search with a greedy check), so that no week is more
   than 50% over the target when any cut can avoid it. Within that bound, choose the cut
   with the most even weeks (least sum of squared minutes); on a tie earlier weeks take more.
4. A week's title, unless `themes` gives one, is its most telling tag: the most frequent
   among its readings; on a tie, the rarest across the whole track (it tells this week
   apart), then one of the selected tags, then alphabetical. Its title comes from
   content/tags.yml when listed there.
Same input, same plan. When the target cannot be met, the track says why in its notes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from ..load.loader import Loaded
from ..load.problems import Problems, closest
from ..load.specs import PlannedTrackFile
from ..model import Article, Track, Week
from .questions import build_questions
from .track_inputs import TrackInputs

OVER_TARGET = 1.5  # a week may run 50% over the target before the plan is flagged


def plan_from_tags(
    loaded: Loaded[PlannedTrackFile], inputs: TrackInputs, problems: Problems
) -> Track | None:
    """Plan one track from tags."""
    spec = loaded.spec
    before = len(problems)
    report = problems.in_file(loaded)
    if inputs.unreadable:
        return None  # the articles' own problems are reported; planning waits for them
    _check_selected_tags(spec, inputs.articles, report)
    chosen = sorted(select_articles(spec, inputs.articles), key=reading_order)
    if len(problems) == before and len(chosen) < spec.weeks:
        message = (
            f"is {spec.weeks}, but 'select' matches only {len(chosen)} article(s): "
            "lower 'weeks' or select more tags"
        )
        report(("weeks",), message)
    assessment = inputs.assessment(spec.assessment, report)
    if len(spec.themes) > spec.weeks:
        message = f"gives {len(spec.themes)} themes for {spec.weeks} weeks: remove the extra themes"
        report(("themes",), message)
    if len(problems) > before:
        return None
    sizes = balanced_sizes([a.reading_minutes for a in chosen], spec.weeks)
    weeks = _weeks(spec, chosen, sizes, {t.slug: t.title for t in inputs.tags})
    notes = _notes(spec, weeks)
    return Track(loaded.id, loaded.repo_path, spec.title, spec.summary, weeks, assessment, notes)


def select_articles(spec: PlannedTrackFile, articles: Sequence[Article]) -> list[Article]:
    wanted, unwanted = set(spec.select.tags), set(spec.select.exclude_tags)
    return [a for a in articles if wanted & set(a.tags) and not unwanted & set(a.tags)]


def reading_order(article: Article) -> tuple:
    return (
        article.level is None,
        article.level or 0,
        article.date is None,
        article.date or date.min,
        article.title.casefold(),
        article.slug,
    )


def balanced_sizes(minutes: Sequence[int], weeks: int) -> list[int]:
    """How many consecutive items each of `weeks` groups takes (each at least one).

    No group exceeds the smallest possible longest week; within that bound the groups are
    as even as possible (least sum of squared minutes, by dynamic programming). On a tie
    the earlier weeks take more.
    """
    bound = smallest_longest_week(minutes, weeks)
    prefix = [0]
    for value in minutes:
        prefix.append(prefix[-1] + value)
    count = len(minutes)
    unreachable = float("inf")
    # cost[k][i]: least sum of squares putting the first i items into k weeks
    cost = [[unreachable] * (count + 1) for _ in range(weeks + 1)]
    cut = [[0] * (count + 1) for _ in range(weeks + 1)]
    cost[0][0] = 0
    for k in range(1, weeks + 1):
        for i in range(k, count - (weeks - k) + 1):
            for j in range(i - 1, k - 2, -1):  # the week holds items j..i-1
                load = prefix[i] - prefix[j]
                if load > bound:
                    break
                candidate = cost[k - 1][j] + load * load
                if candidate < cost[k][i]:  # j falls: on a tie the later week stays shorter
                    cost[k][i], cut[k][i] = candidate, j
    sizes, end = [], count
    for k in range(weeks, 0, -1):
        sizes.append(end - cut[k][end])
        end = cut[k][end]
    return sizes[::-1]


def smallest_longest_week(minutes: Sequence[int], weeks: int) -> int:
    low, high = max(minutes), sum(minutes)
    while low < high:
        middle = (low + high) // 2
        if _fits(minutes, weeks, middle):
            high = middle
        else:
            low = middle + 1
    return low


def _fits(minutes: Sequence[int], weeks: int, bound: int) -> bool:
    """Can `minutes` be cut into at most `weeks` consecutive groups of at most `bound`?"""
    groups, load = 1, 0
    for value in minutes:
        if value > bound:
            return False
        if load + value > bound:
            groups, load = groups + 1, 0
        load += value
    return groups <= weeks


def _weeks(
    spec: PlannedTrackFile, chosen: list[Article], sizes: list[int], titles: dict[str, str]
) -> tuple[Week, ...]:
    weeks, start = [], 0
    for number, size in enumerate(sizes, start=1):
        readings = tuple(chosen[start : start + size])
        start += size
        theme = spec.themes[number - 1] if number <= len(spec.themes) else None
        tag = dominant_tag(readings, chosen, spec.select.tags)
        title = (theme and theme.title) or titles.get(tag) or tag.replace("-", " ").capitalize()
        minutes = sum(a.reading_minutes for a in readings)
        intro = (theme and theme.intro) or (
            f"{len(readings)} reading{'s' if len(readings) != 1 else ''} on "
            f"{title.lower()}, about {minutes} minutes."
        )
        prompts = build_questions(theme.prompts) if theme else ()
        weeks.append(Week(number, title, intro, prompts, readings))
    return tuple(weeks)


def dominant_tag(
    readings: Sequence[Article], track_articles: Sequence[Article], selected: Sequence[str]
) -> str:
    in_week = Counter(tag for a in readings for tag in a.tags)
    in_track = Counter(tag for a in track_articles for tag in a.tags)
    return min(in_week, key=lambda tag: (-in_week[tag], in_track[tag], tag not in selected, tag))


def _notes(spec: PlannedTrackFile, weeks: Sequence[Week]) -> tuple[str, ...]:
    limit = spec.minutes_per_week * OVER_TARGET
    return tuple(
        f"week {week.number} has {week.minutes} min, more than 50% over the "
        f"{spec.minutes_per_week}-minute target; no order-keeping plan of these articles "
        "avoids it (split long articles, add weeks or raise the target)"
        for week in weeks
        if week.minutes > limit
    )


def _check_selected_tags(spec: PlannedTrackFile, articles: Sequence[Article], report) -> None:
    carried = sorted({tag for article in articles for tag in article.tags})
    for index, tag in enumerate(spec.select.tags):
        if tag not in carried:
            close = closest(tag, carried)
            hint = (
                f"; did you mean {close!r}?" if close else ": tag an article with it, or remove it"
            )
            report(("select", "tags", index), f"no article carries the tag {tag!r}{hint}")

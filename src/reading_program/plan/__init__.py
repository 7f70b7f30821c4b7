"""The second stage: cross-file resolution, run once at load.

Articles get reading times and question ids; tracks get their weeks' articles (listed by
hand or planned from tags); assessments their article; cohorts their track and dated
schedule. The result is a `model.Library`, or a ContentError listing every problem.
"""

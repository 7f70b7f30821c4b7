"""The third stage (after load and the model it fills): cross-file resolution, run once.

Articles get reading times and question ids; tracks get their weeks' articles (listed by
hand or planned from tags); assessments their article; cohorts their track and dated
schedule. The result is a `model.Library`; what does not resolve goes to the build's one
`Problems` collector instead.
"""

"""The third stage: from the library to pages.

URLs, the Jinja environment and templates, generated pages and the navigation, markers in
hand-written pages, the browser's data islands, discussion guides, messages and calendar
feeds, and the checks that every link between pages resolves.
"""

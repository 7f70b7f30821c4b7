"""Data the build writes for the browser's modules: JSON islands in pages (islands) and the
plan form's data file (plan_form). The browser never computes what these hold a second time."""

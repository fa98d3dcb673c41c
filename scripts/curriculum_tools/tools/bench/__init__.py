"""`make bench`: generate synthetic but valid curricula, build and validate them with our
tools and with the plain baselines (mkdocs-material without our hooks, check-jsonschema),
and report ratios measured in one run, time per module and asset bytes per page."""

"""A translation was made from a version of its source that has since changed: the English
file's content hash is no longer the one in the translation's `translation: source_hash:`.
For clinical content a stale translation can be unsafe, so it is reported (a warning;
`--strict` and the pull-request check fail on it) at that field. Update the translation to
match the source, then paste the hash `curriculum translations --hash SOURCE` prints."""

from curriculum_tools.core.problems import WARNING

ID = "translation-stale"
SEVERITY = WARNING
EXPLANATION = "A translation's source changed since it was translated; update it and its source_hash."


def check(context):
    c = context.curriculum
    for t in c.translations:
        if c.is_stale(t):
            yield t.source.problem(
                ("translation", "source_hash"),
                f"{t.source_path} has changed since this translation was made; update the translation, "
                f"then set source_hash to {c.hashes[t.source_path]} (curriculum translations --hash {t.source_path})",
                ID,
                WARNING,
            )

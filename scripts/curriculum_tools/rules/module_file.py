"""A module lives at curriculum/<track>/<id>.md: its id matches the file name and its track
is one of tracks.yml and matches the folder."""

from pathlib import PurePosixPath

from curriculum_tools.core.problems import ERROR

ID = "module-file"
SEVERITY = ERROR
EXPLANATION = "Module id must match the file name, and its track must exist and match the folder."


def check(context):
    c = context.curriculum
    track_ids = {t.id for t in c.tracks}
    for module in c.modules:
        path = PurePosixPath(module.source.path)
        if path.stem != module.id:
            yield module.source.problem(
                ("id",), f"module id '{module.id}' does not match the file name '{path.name}'; rename one of them", ID
            )
        folder = path.parts[1] if len(path.parts) > 2 else ""
        if c.tracks and module.track not in track_ids:
            yield module.source.problem(
                ("track",), f"unknown track '{module.track}' (tracks: {', '.join(sorted(track_ids))})", ID
            )
        elif module.track != folder:
            yield module.source.problem(
                ("track",), f"track '{module.track}' does not match the folder 'curriculum/{folder}/'", ID
            )

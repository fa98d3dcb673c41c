"""A one-page printable certificate (HTML) for an issued credential: who, what, when, the
competencies and the entrustment level each reached, the credential id and how anyone can
verify it. Self-contained: inline CSS, no scripts (its Content-Security-Policy forbids them),
every text escaped."""
from __future__ import annotations

from html import escape

CSS = """
@page{size:A4;margin:18mm}
:root{color-scheme:light;--fg:#1b1b1b;--muted:#4a4a4a;--line:#9a9a9a;--accent:#283593}
body{font:15px/1.45 Georgia,'Times New Roman',serif;color:var(--fg);background:#fff;margin:0}
main{max-width:48rem;margin:0 auto;padding:2rem 2.5rem;border:3px double var(--accent)}
h1{font-size:1.9rem;text-align:center;color:var(--accent);margin:.2rem 0 1rem}
.lead{text-align:center;font-size:1.05rem;margin:.3rem 0}.name{text-align:center;font-size:1.7rem;font-weight:bold;margin:.4rem 0}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.92rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
h2{font-size:1.05rem;margin:1.1rem 0 .3rem}p,li{margin:.25rem 0}small,.muted{color:var(--muted)}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.82rem;overflow-wrap:anywhere}
a{color:var(--accent)}a:focus{outline:3px solid var(--accent);outline-offset:2px}
@media print{main{border-width:2px;padding:1.2rem 1.6rem}body{font-size:11pt}}
"""


def _date(moment: str) -> str:
    return moment[:10]


def render(credential: dict, decision, file_name: str) -> str:
    subject = credential["credentialSubject"]
    achievement = subject["achievement"]
    issuer = credential["issuer"]
    name = subject["identifier"][0]["identityHash"]
    alignment = {a["targetCode"]: a for a in achievement.get("alignment", [])}
    levels = {}
    for rd in achievement.get("resultDescription", []):
        for lvl in rd.get("rubricCriterionLevel", []):
            levels[lvl["id"]] = lvl["name"]
    rows = []
    for result, rd in zip(subject.get("result", []), achievement.get("resultDescription", [])):
        code = rd["alignment"][0]["targetCode"]
        rows.append(f"<tr><th scope=\"row\">{escape(alignment[code]['targetName'])}<br><small><code>{escape(code)}</code></small></th>"
                    f"<td>{escape(levels.get(result.get('achievedLevel'), ''))}</td></tr>")
    status = credential.get("credentialStatus", {})
    conditions = "".join(f"<li>{escape(c)}</li>" for c in decision.conditions)
    panel = ", ".join(f"{escape(m['name'])} ({escape(m['role'])})" for m in decision.panel)
    return "\n".join([
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '''<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">''',
        f"<title>Certificate: {escape(name)}, {escape(credential['name'])}</title><style>{CSS}</style></head><body><main>",
        f'<p class="lead">{escape(issuer.get("name", ""))} certifies that</p>',
        f'<p class="name">{escape(name)}</p>',
        f'<h1>{escape(credential["name"])}</h1>',
        f'<p class="lead">awarded {escape(_date(credential["validFrom"]))}, valid until {escape(_date(credential.get("validUntil", "")))}</p>',
        f"<h2>Criteria</h2><p>{escape(achievement['criteria']['narrative'])}</p>",
        (f"<h2>Conditions</h2><ul>{conditions}</ul>" if conditions else ""),
        '<table><caption>Entrustment level reached per competency</caption><thead><tr><th scope="col">Competency</th>'
        '<th scope="col">Level reached</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>",
        f"<p><small>Decided on {escape(decision.date)} by a panel of {len(decision.panel)}: {panel}.</small></p>",
        "<h2>How to verify this certificate</h2>",
        f"<p>Credential id: <code>{escape(credential['id'])}</code></p>",
        f"<p>This page is a printout of a signed Open Badges 3.0 credential, the file <code>{escape(file_name)}</code> the holder keeps. "
        "The paper proves nothing on its own: ask the holder for that file and check it with any Open Badges 3.0 / W3C Verifiable "
        "Credentials verifier, or with the programme's tool (<code>curriculum credential verify "
        f"{escape(file_name)}</code>). A verifier checks the issuer's signature, the dates, and whether the programme has revoked it.</p>",
        f"<p><small>Issuer: <code>{escape(issuer['id'])}</code> ({escape(issuer.get('url', ''))}). "
        f"Revocation list: <code>{escape(status.get('statusListCredential', ''))}</code>, entry {escape(str(status.get('statusListIndex', '')))}.</small></p>",
        "</main></body></html>\n",
    ])

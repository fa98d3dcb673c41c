"""A one-page printable certificate (HTML, and PDF) for an issued credential: who, what, when, the
competencies and the entrustment level each reached, the credential id and how anyone can
verify it. Self-contained: inline CSS, no scripts (its Content-Security-Policy forbids them),
every text escaped."""

from __future__ import annotations

from datetime import UTC
from html import escape
from pathlib import Path

CSS = """
@page{size:A4;margin:18mm}
:root{color-scheme:light;--fg:#1b1b1b;--muted:#4a4a4a;--line:#9a9a9a;--accent:#283593}
body{font:15px/1.45 Georgia,'Times New Roman',serif;color:var(--fg);background:#fff;margin:0}
main{max-width:48rem;margin:0 auto;padding:2rem 2.5rem;border:3px double var(--accent)}
h1{font-size:1.9rem;text-align:center;color:var(--accent);margin:.2rem 0 1rem}
.lead{text-align:center;font-size:1.05rem;margin:.3rem 0}h1 .name{display:block;color:var(--fg);font-size:1.7rem;margin:.4rem 0}h1 .award{display:block}
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
    words = _texts(credential, decision)
    issuer, name, status = words["issuer"], words["name"], words["status"]
    achievement = credential["credentialSubject"]["achievement"]
    rows = [
        f'<tr><th scope="row">{escape(competency)}<br><small><code>{escape(code)}</code></small></th><td>{escape(level)}</td></tr>'
        for competency, code, level in words["rows"]
    ]
    conditions = "".join(f"<li>{escape(c)}</li>" for c in words["conditions"])
    panel = escape(words["panel"])
    return "\n".join(
        [
            '<!doctype html><html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">""",
            f"<title>Certificate: {escape(name)}, {escape(credential['name'])}</title><style>{CSS}</style></head><body><main>",
            f'<p class="lead">{escape(issuer.get("name", ""))} certifies that</p>',
            # one heading says who holds what (a styled paragraph for the name read as a
            # heading to sighted readers only: axe's p-as-heading)
            f'<h1><span class="name">{escape(name)}</span> <span class="award">{escape(credential["name"])}</span></h1>',
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
        ]
    )


# The PDF: the same content as the HTML page, laid out by fpdf2 with the Lato font (both pinned
# dependencies, so every machine makes the same file). The HTML page stays the accessible
# version; the PDF is for printing and mailing.
def _font_files() -> dict[str, Path]:
    import font_lato

    folder = Path(font_lato.__file__).parent / "files"
    return {"": folder / "Lato-Regular.ttf", "B": folder / "Lato-Bold.ttf", "I": folder / "Lato-Italic.ttf"}


def missing_glyphs(texts: list[str]) -> list[str]:
    """Characters of these texts the PDF's font cannot show (empty when it can show all)."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(_font_files()[""])).getBestCmap()
    return sorted({ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in cmap})


def _texts(credential: dict, decision) -> dict:
    """The certificate's words, for the HTML page and the PDF alike."""
    subject = credential["credentialSubject"]
    achievement = subject["achievement"]
    alignment = {a["targetCode"]: a for a in achievement.get("alignment", [])}
    levels = {
        lvl["id"]: lvl["name"]
        for rd in achievement.get("resultDescription", [])
        for lvl in rd.get("rubricCriterionLevel", [])
    }
    rows = []
    for result, rd in zip(subject.get("result", []), achievement.get("resultDescription", [])):
        code = rd["alignment"][0]["targetCode"]
        rows.append((alignment[code]["targetName"], code, levels.get(result.get("achievedLevel"), "")))
    status = credential.get("credentialStatus", {})
    return {
        "issuer": credential["issuer"],
        "name": subject["identifier"][0]["identityHash"],
        "title": credential["name"],
        "criteria": achievement["criteria"]["narrative"],
        "rows": rows,
        "conditions": list(decision.conditions),
        "panel": ", ".join(f"{m['name']} ({m['role']})" for m in decision.panel),
        "status": status,
    }


def render_pdf(credential: dict, decision, file_name: str) -> bytes:
    """The printable certificate as a one-page A4 PDF (same words as the HTML page). Raises
    ValueError naming the characters the font cannot show."""
    from datetime import datetime

    from fpdf import FPDF

    t = _texts(credential, decision)
    words = [
        t["name"],
        t["title"],
        t["criteria"],
        t["panel"],
        t["issuer"].get("name", ""),
        *t["conditions"],
        *(x for row in t["rows"] for x in row),
    ]
    missing = missing_glyphs(words)
    if missing:
        raise ValueError("the PDF font cannot show " + " ".join(missing) + "; the HTML certificate shows them")
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, 14)
    for style, path in _font_files().items():
        pdf.add_font("Lato", style, str(path))
    pdf.set_title(f"Certificate: {t['name']}, {t['title']}")
    pdf.set_author(t["issuer"].get("name", ""))
    pdf.set_lang("en")
    pdf.set_creation_date(datetime.fromisoformat(credential["validFrom"].replace("Z", "+00:00")).astimezone(UTC))
    pdf.add_page()
    accent = (40, 53, 147)
    width = pdf.epw

    def para(text: str, size: float = 10.5, style: str = "", align: str = "L", gap: float = 1.5) -> None:
        pdf.set_font("Lato", style, size)
        pdf.multi_cell(width, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    def heading(text: str) -> None:
        pdf.ln(1.5)
        pdf.set_text_color(*accent)
        para(text, 12, "B", gap=0.5)
        pdf.set_text_color(27, 27, 27)

    pdf.set_draw_color(*accent)
    pdf.set_line_width(0.8)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_text_color(27, 27, 27)
    para(f"{t['issuer'].get('name', '')} certifies that", 12, align="C")
    para(t["name"], 20, "B", align="C")
    pdf.set_text_color(*accent)
    para(t["title"], 17, "B", align="C", gap=2)
    pdf.set_text_color(27, 27, 27)
    para(
        f"awarded {_date(credential['validFrom'])}, valid until {_date(credential.get('validUntil', ''))}",
        11,
        align="C",
        gap=3,
    )
    heading("Criteria")
    para(t["criteria"], 10)
    if t["conditions"]:
        heading("Conditions")
        for condition in t["conditions"]:
            para(f"\u2022 {condition}", 10, gap=0.5)
    heading("Entrustment level reached per competency")
    pdf.set_font("Lato", "", 9.5)
    pdf.set_draw_color(154, 154, 154)
    pdf.set_line_width(0.2)
    with pdf.table(col_widths=(3, 1), text_align="LEFT", line_height=5, first_row_as_headings=True) as table:
        table.row(["Competency", "Level reached"])
        for competency, code, level in t["rows"]:
            table.row([f"{competency} ({code})", level])
    pdf.ln(2)
    para(f"Decided on {decision.date} by a panel of {len(decision.panel)}: {t['panel']}.", 9)
    heading("How to verify this certificate")
    para(f"Credential id: {credential['id']}", 9.5)
    para(
        f"This page is a printout of a signed Open Badges 3.0 credential, the file {file_name} the holder keeps. "
        "The paper proves nothing on its own: ask the holder for that file and check it with any Open Badges 3.0 / W3C "
        f"Verifiable Credentials verifier, or with the programme's tool (curriculum credential verify {file_name}). A verifier "
        "checks the issuer's signature, the dates, and whether the programme has revoked it.",
        9.5,
    )
    para(
        f"Issuer: {t['issuer']['id']} ({t['issuer'].get('url', '')}). Revocation list: "
        f"{t['status'].get('statusListCredential', '')}, entry {t['status'].get('statusListIndex', '')}.",
        8.5,
    )
    return bytes(pdf.output())

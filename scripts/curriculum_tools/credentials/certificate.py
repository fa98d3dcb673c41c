"""A one-page printable certificate (HTML, and PDF) for an issued credential: who, what, when, the
competencies and the entrustment level each reached, the credential id and how anyone can
verify it. Self-contained: inline CSS, no scripts (its Content-Security-Policy forbids them),
every text escaped. Its words come from the build's catalogue (site/strings/<lang>.json, keys
certificate.*) in the language asked for; the credential's own texts (its name, criteria,
competencies and levels) are shown as the credential has them."""

from __future__ import annotations

from datetime import UTC
from html import escape
from pathlib import Path

from curriculum_tools.site.i18n import DEFAULT, Markup, t, use
from curriculum_tools.site.i18n import t_html as h

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


def _code(text: str) -> Markup:
    return Markup(f"<code>{escape(text)}</code>")


def render(credential: dict, decision, file_name: str, language: str = DEFAULT) -> str:
    """The certificate page in `language` (one of site/strings/)."""
    with use(language):
        return _render(credential, decision, file_name, language)


def _render(credential: dict, decision, file_name: str, language: str) -> str:
    words = _texts(credential, decision)
    issuer, name, status = words["issuer"], words["name"], words["status"]
    achievement = credential["credentialSubject"]["achievement"]
    rows = [
        f'<tr><th scope="row">{escape(competency)}<br><small><code>{escape(code)}</code></small></th><td>{escape(level)}</td></tr>'
        for competency, code, level in words["rows"]
    ]
    conditions = "".join(f"<li>{escape(c)}</li>" for c in words["conditions"])
    awarded = h(
        "certificate.awarded", date=_date(credential["validFrom"]), until=_date(credential.get("validUntil", ""))
    )
    decided = h("certificate.decided", date=decision.date, n=len(decision.panel), panel=words["panel"])
    verify = h(
        "certificate.verify",
        file=_code(file_name),
        command=_code(f"curriculum credential verify {file_name}"),
    )
    where = h(
        "certificate.issuer",
        id=_code(issuer["id"]),
        url=issuer.get("url", ""),
        list=_code(status.get("statusListCredential", "")),
        entry=str(status.get("statusListIndex", "")),
    )
    return "\n".join(
        [
            f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">""",
            f"<title>{h('certificate.title', name=name, award=credential['name'])}</title><style>{CSS}</style></head><body><main>",
            f'<p class="lead">{h("certificate.certifies", issuer=issuer.get("name", ""))}</p>',
            # one heading says who holds what (a styled paragraph for the name read as a
            # heading to sighted readers only: axe's p-as-heading)
            f'<h1><span class="name">{escape(name)}</span> <span class="award">{escape(credential["name"])}</span></h1>',
            f'<p class="lead">{awarded}</p>',
            f"<h2>{h('certificate.h.criteria')}</h2><p>{escape(achievement['criteria']['narrative'])}</p>",
            (f"<h2>{h('certificate.h.conditions')}</h2><ul>{conditions}</ul>" if conditions else ""),
            f"<table><caption>{h('certificate.levels')}</caption><thead><tr>"
            f'<th scope="col">{h("certificate.col.competency")}</th><th scope="col">{h("certificate.col.level")}</th>'
            "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>",
            f"<p><small>{decided}</small></p>",
            f"<h2>{h('certificate.h.verify')}</h2>",
            f"<p>{h('certificate.id', id=_code(credential['id']))}</p>",
            f"<p>{verify}</p>",
            f"<p><small>{where}</small></p>",
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
        "panel": t("list.and").join(f"{m['name']} ({m['role']})" for m in decision.panel),
        "status": status,
    }


def render_pdf(credential: dict, decision, file_name: str, language: str = DEFAULT) -> bytes:
    """The printable certificate as a one-page A4 PDF (same words as the HTML page, in
    `language`). Raises ValueError naming the characters the font cannot show."""
    with use(language):
        return _render_pdf(credential, decision, file_name, language)


def _render_pdf(credential: dict, decision, file_name: str, language: str) -> bytes:
    from datetime import datetime

    from fpdf import FPDF

    w = _texts(credential, decision)
    words = [
        w["name"],
        w["title"],
        w["criteria"],
        w["panel"],
        w["issuer"].get("name", ""),
        *w["conditions"],
        *(x for row in w["rows"] for x in row),
    ]
    missing = missing_glyphs(words)
    if missing:
        raise ValueError("the PDF font cannot show " + " ".join(missing) + "; the HTML certificate shows them")
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, 14)
    for style, path in _font_files().items():
        pdf.add_font("Lato", style, str(path))
    pdf.set_title(t("certificate.title", name=w["name"], award=w["title"]))
    pdf.set_author(w["issuer"].get("name", ""))
    pdf.set_lang(language)
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
    para(t("certificate.certifies", issuer=w["issuer"].get("name", "")), 12, align="C")
    para(w["name"], 20, "B", align="C")
    pdf.set_text_color(*accent)
    para(w["title"], 17, "B", align="C", gap=2)
    pdf.set_text_color(27, 27, 27)
    para(
        t("certificate.awarded", date=_date(credential["validFrom"]), until=_date(credential.get("validUntil", ""))),
        11,
        align="C",
        gap=3,
    )
    heading(t("certificate.h.criteria"))
    para(w["criteria"], 10)
    if w["conditions"]:
        heading(t("certificate.h.conditions"))
        for condition in w["conditions"]:
            para(f"\u2022 {condition}", 10, gap=0.5)
    heading(t("certificate.levels"))
    pdf.set_font("Lato", "", 9.5)
    pdf.set_draw_color(154, 154, 154)
    pdf.set_line_width(0.2)
    with pdf.table(col_widths=(3, 1), text_align="LEFT", line_height=5, first_row_as_headings=True) as table:
        table.row([t("certificate.col.competency"), t("certificate.col.level")])
        for competency, code, level in w["rows"]:
            table.row([f"{competency} ({code})", level])
    pdf.ln(2)
    para(t("certificate.decided", date=decision.date, n=len(decision.panel), panel=w["panel"]), 9)
    heading(t("certificate.h.verify"))
    para(t("certificate.id", id=credential["id"]), 9.5)
    para(t("certificate.verify", file=file_name, command=f"curriculum credential verify {file_name}"), 9.5)
    para(
        t(
            "certificate.issuer",
            id=w["issuer"]["id"],
            url=w["issuer"].get("url", ""),
            list=w["status"].get("statusListCredential", ""),
            entry=w["status"].get("statusListIndex", ""),
        ),
        8.5,
    )
    return bytes(pdf.output())

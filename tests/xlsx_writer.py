"""Small XLSX workbooks written by hand (zipfile and the OOXML parts Excel writes), for tests that
need what a spreadsheet program makes: custom number formats, merged title rows, rich text.
The venv has no openpyxl; these files open in Excel, WPS and LibreOffice."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


class Formatted:
    """A number cell shown with custom number format `formats[index]` (e.g. 'yyyy/m/d h:mm')."""

    def __init__(self, value: float, index: int = 0):
        self.value, self.index = value, index


def serial(moment: dt.datetime) -> float:
    """An Excel (1900 system) serial day number with the time as its fraction."""
    delta = moment - dt.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_xlsx(path: Path, rows: list[list[object]], formats: tuple[str, ...] = (), merges: tuple[str, ...] = (),
               sheet: str = "Sheet1", first_row: int = 1) -> Path:
    """A workbook of one sheet. Cells: str (a shared string), int/float (a number), bool (TRUE/FALSE),
    Formatted, None (no cell). Rows start at sheet row `first_row`; `merges` are ranges such as 'A1:H1'."""
    strings: list[str] = []
    index: dict[str, int] = {}
    sheet_rows = []
    for r, row in enumerate(rows, start=first_row):
        cells = []
        for c, value in enumerate(row):
            ref = f"{column_letters(c)}{r}"
            if value is None:
                continue
            if isinstance(value, Formatted):
                cells.append(f'<c r="{ref}" s="{value.index + 1}"><v>{value.value!r}</v></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, str):
                if value not in index:
                    index[value] = len(strings)
                    strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    merged = ""
    if merges:
        merged = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + \
            "</mergeCells>"
    worksheet = (f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetData>{"".join(sheet_rows)}</sheetData>'
                 f"{merged}</worksheet>")
    shared = (f'{_XML}<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    number_formats = "".join(f'<numFmt numFmtId="{164 + i}" formatCode={quoteattr(f)}/>' for i, f in enumerate(formats))
    cell_formats = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + "".join(
        f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for i in range(len(formats)))
    styles = (f'{_XML}<styleSheet xmlns="{_MAIN}"><numFmts count="{len(formats)}">{number_formats}</numFmts>'
              '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              f'<cellXfs count="{len(formats) + 1}">{cell_formats}</cellXfs></styleSheet>')
    workbook = (f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                f'<sheet name={quoteattr(sheet)} sheetId="1" r:id="rId1"/></sheets></workbook>')
    part = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    workbook_rels = (f'{_XML}<Relationships xmlns="{_PKG}">'
                     f'<Relationship Id="rId1" Type="{part}worksheet" Target="worksheets/sheet1.xml"/>'
                     f'<Relationship Id="rId2" Type="{part}styles" Target="styles.xml"/>'
                     f'<Relationship Id="rId3" Type="{part}sharedStrings" Target="sharedStrings.xml"/>'
                     "</Relationships>")
    root_rels = (f'{_XML}<Relationships xmlns="{_PKG}">'
                 f'<Relationship Id="rId1" Type="{part}officeDocument" Target="xl/workbook.xml"/></Relationships>')
    content = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = (f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{content}.sheet.main+xml"/>'
             f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{content}.worksheet+xml"/>'
             f'<Override PartName="/xl/styles.xml" ContentType="{content}.styles+xml"/>'
             f'<Override PartName="/xl/sharedStrings.xml" ContentType="{content}.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/worksheets/sheet1.xml", worksheet)
        archive.writestr("xl/styles.xml", styles)
        archive.writestr("xl/sharedStrings.xml", shared)
    return path

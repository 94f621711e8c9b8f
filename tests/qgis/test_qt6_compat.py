"""Qt6 / QGIS 4 readiness, checked by introspection in the running QGIS (3.22 and 3.40 lanes).

QGIS 4 itself does not run on these machines; what guards it is that the code uses only spellings
that PyQt6 keeps (fully scoped enums, QMetaType field types, no API that Qt6 removed) and that those
spellings resolve in every QGIS the suite runs on.
"""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsField

from tests.conftest import REPO
from tests.qgis.qt6_scan import scan_source, scan_tree

SCANNED = ("grid_plugin", "tests", "bench", "resources", ".ci")


def test_no_code_that_qgis4_rejects():
    findings = scan_tree(REPO, SCANNED)
    assert not findings, "Qt6-incompatible code:\n" + "\n".join(map(str, findings))


OLD_CONSTRUCTS = {
    "unscoped Qt enum": ("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignLeft\n", "Qt.AlignmentFlag.AlignLeft"),
    "unscoped QGIS enum": ("from qgis.core import QgsTask\nx = QgsTask.CanCancel\n", "QgsTask.Flag.CanCancel"),
    "unscoped sink flag": ("from qgis.core import QgsFeatureSink\nx = QgsFeatureSink.FastInsert\n",
                           "QgsFeatureSink.Flag.FastInsert"),
    "unscoped date format": ("from qgis.PyQt import QtCore\nx = QtCore.Qt.ISODate\n", "QtCore.Qt.DateFormat.ISODate"),
    "QVariant field type": ("from qgis.PyQt.QtCore import QVariant\nx = QVariant.String\n", "field_types"),
    "a name this QGIS does not have": ("from qgis.core import QgsTask\nx = QgsTask.Flag.NoSuchFlag\n",
                                       "no such attribute"),
    "exec_": ("def f(dialog):\n    return dialog.exec_()\n", "exec()"),
    "QRegExp": ("from qgis.PyQt.QtCore import QRegExp\n", "QRegularExpression"),
    "QDesktopWidget": ("def f(app):\n    return app.desktop()\n", "screens()"),
    "QAction from QtWidgets": ("from qgis.PyQt.QtWidgets import QAction\n", "qt_compat"),
    "QFontMetrics.width": ("def f(w):\n    return w.fontMetrics().width('x')\n", "horizontalAdvance"),
    "activated[str]": ("def f(box):\n    box.activated[str].connect(print)\n", "textActivated"),
    "qgis.PyQt.Qt": ("from qgis.PyQt.Qt import Qt\n", "qgis.PyQt.QtCore"),
    "QDateTime(QDate)": ("from qgis.PyQt.QtCore import QDate, QDateTime\nx = QDateTime(QDate(2026, 1, 1))\n",
                         "QTime"),
}


@pytest.mark.parametrize("name", sorted(OLD_CONSTRUCTS))
def test_the_scan_finds_each_old_construct(name):
    source, hint = OLD_CONSTRUCTS[name]
    findings = scan_source(source)
    assert len(findings) == 1, findings
    assert hint in str(findings[0])


def test_scoped_spellings_pass_the_scan():
    source = ("from qgis.PyQt.QtCore import Qt\nfrom qgis.core import Qgis, QgsTask, QgsFeatureSink\n"
              "a = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop\nb = QgsTask.Flag.CanCancel\n"
              "c = QgsFeatureSink.Flag.FastInsert\nd = Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField\n")
    assert scan_source(source) == []


def test_qvariant_is_allowed_only_in_the_field_type_helper():
    source = "from qgis.PyQt.QtCore import QVariant\nx = QVariant.Type.String\n"
    assert scan_source(source, helper=True) == []
    assert "field_types" in str(scan_source(source, helper=False)[0])


def test_field_types_are_what_this_qgis_wants():
    from grid_plugin.toolbelt import field_types

    kinds = (field_types.STRING, field_types.INT, field_types.LONG_LONG, field_types.UINT, field_types.ULONG_LONG,
             field_types.DOUBLE, field_types.BOOL, field_types.DATE, field_types.DATE_TIME)
    assert len(set(kinds)) == len(kinds)
    for kind in kinds:
        field = QgsField("f", kind)
        assert field_types.type_of(field) == kind
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        assert all(isinstance(kind, QMetaType.Type) for kind in kinds)
    assert not QgsField("name", field_types.STRING).isNumeric() and QgsField("n", field_types.INT).isNumeric()
    assert QgsField("day", field_types.DATE).isDateOrTime()

"""Field types that every supported QGIS accepts in `QgsField`.

QGIS 4 (Qt6) takes `QMetaType.Type` only; QGIS 3.22 rejects it and wants `QVariant.Type`. QGIS 3.38
and later take both, so the switch sits there. Everything in the plugin names field types through
this module; `tests/qgis/test_qt6_compat.py` fails on a `QVariant.<type>` anywhere else.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsField

USES_QMETATYPE = Qgis.QGIS_VERSION_INT >= 33800

if USES_QMETATYPE:
    from qgis.PyQt.QtCore import QMetaType

    STRING = QMetaType.Type.QString
    INT = QMetaType.Type.Int
    LONG_LONG = QMetaType.Type.LongLong
    UINT = QMetaType.Type.UInt
    ULONG_LONG = QMetaType.Type.ULongLong
    DOUBLE = QMetaType.Type.Double
    BOOL = QMetaType.Type.Bool
    DATE = QMetaType.Type.QDate
    DATE_TIME = QMetaType.Type.QDateTime
else:
    from qgis.PyQt.QtCore import QVariant

    STRING = QVariant.Type.String
    INT = QVariant.Type.Int
    LONG_LONG = QVariant.Type.LongLong
    UINT = QVariant.Type.UInt
    ULONG_LONG = QVariant.Type.ULongLong
    DOUBLE = QVariant.Type.Double
    BOOL = QVariant.Type.Bool
    DATE = QVariant.Type.Date
    DATE_TIME = QVariant.Type.DateTime


def type_of(field: QgsField):
    """The field's type as this module names it: QGIS 3.38 and later give a QMetaType from `type()`
    (3.40 has no `metaType()`), earlier versions a QVariant type."""
    meta_type = getattr(field, "metaType", None)
    return meta_type() if meta_type is not None else field.type()

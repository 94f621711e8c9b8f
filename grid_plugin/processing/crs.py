"""The CRSs algorithms measure in: projected CRSs in ground metres, and the CGCS2000 3-degree
Gauss-Krüger zone of a layer's data when it has none."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureSource,
    QgsPointXY,
    QgsProcessingContext,
    QgsUnitTypes,
)

from grid_plugin.core.geodesy import crs as core_crs


def is_ground_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for projected CRSs in metres whose metres are ground metres (not Web Mercator)."""
    if not crs.isValid() or crs.isGeographic():
        return False
    if crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
        return False
    return "+proj=merc" not in crs.toProj()


def gauss_kruger_crs_for(source: QgsFeatureSource, context: QgsProcessingContext) -> QgsCoordinateReferenceSystem:
    """The CGCS2000 3-degree Gauss-Krüger zone holding the centre of the source's extent."""
    geographic = QgsCoordinateReferenceSystem(f"EPSG:{core_crs.CGCS2000_GEOGRAPHIC}")
    to_geographic = QgsCoordinateTransform(source.sourceCrs(), geographic, context.transformContext())
    centre = to_geographic.transform(QgsPointXY(source.sourceExtent().center()))
    return QgsCoordinateReferenceSystem(f"EPSG:{core_crs.gk3_epsg(centre.x())}")

"""What every gridplugin algorithm shares: the GridAlgorithm base class (translation, group, icon,
core errors as processing errors, the date and working-CRS parameters) and the progress adapter.
Feature reading and writing live in features.py, outputs and styling in outputs.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt
from qgis.PyQt.QtGui import QIcon

from grid_plugin.core.errors import Cancelled, GridInputError, Message
from grid_plugin.core.grids.parallel import worker_count
from grid_plugin.core.progress import Progress
from grid_plugin.core.timing import StageTimes, collecting
from grid_plugin.processing.crs import gauss_kruger_crs_for, is_ground_metric
from grid_plugin.processing.proj_threads import keep_proj_context
from grid_plugin.toolbelt.i18n import CONTEXT, tr
from grid_plugin.toolbelt.paths import resource


class GridAlgorithm(QgsProcessingAlgorithm):
    """Base class; subclasses give name, displayName, group id, parameters and processing."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    def render(self, text: Message) -> str:
        """A core message in the user's language."""
        return text.render(self.tr)

    def input_error(self, error: GridInputError) -> QgsProcessingException:
        return QgsProcessingException(self.render(error.message))

    @contextmanager
    def core_errors(self) -> Iterator[None]:
        """Core's errors as processing errors: bad input with core's message, a cancel as "Cancelled."."""
        try:
            yield
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled.")) from None
        except GridInputError as err:
            raise self.input_error(err) from err

    def date_parameter(self, parameters, key: str, context) -> str:
        """An optional YYYY-MM-DD parameter as ISO text; empty means today."""
        text = (self.parameterAsString(parameters, key, context) or "").strip()
        if not text:
            return QDate.currentDate().toString(Qt.DateFormat.ISODate)
        date = QDate.fromString(text, Qt.DateFormat.ISODate)
        if not date.isValid():
            raise QgsProcessingException(self.tr(
                "Date '{}' is not a date; write it as YYYY-MM-DD, e.g. 2026-07-01.").format(text))
        return date.toString(Qt.DateFormat.ISODate)

    def given_working_crs(self, parameters, key: str, context) -> QgsCoordinateReferenceSystem | None:
        """The working CRS given under `key`, checked to be projected in ground metres; None when empty."""
        given = self.parameterAsCrs(parameters, key, context)
        if not given.isValid():
            return None
        if not is_ground_metric(given):
            raise QgsProcessingException(self.tr(
                "The working CRS {} is not a projected CRS in ground metres; choose a "
                "Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.").format(given.authid()))
        return given

    def working_crs(self, parameters, key: str, source: QgsFeatureSource, context: QgsProcessingContext,
                    no_geometries: str) -> QgsCoordinateReferenceSystem:
        """The CRS the algorithm measures in: the one given under `key` (projected, ground
        metres), else the source's own when it is one, else the CGCS2000 3-degree Gauss-Krüger
        zone of the data. `no_geometries` is the (translated) error for a layer without any."""
        given = self.given_working_crs(parameters, key, context)
        if given is not None:
            return given
        if is_ground_metric(source.sourceCrs()):
            return source.sourceCrs()
        if source.sourceExtent().isNull() or source.sourceExtent().isEmpty():
            raise QgsProcessingException(no_geometries)
        try:
            return gauss_kruger_crs_for(source, context)
        except GridInputError as err:
            raise self.input_error(err) from err

    def createInstance(self):
        return type(self)()

    def process(self, parameters, context, feedback) -> dict:
        """The algorithm's work; subclasses implement this instead of processAlgorithm."""
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):
        times = StageTimes()  # where the time goes: one debug line when the algorithm marks its stages
        try:
            with collecting(times):
                result = self.process(parameters, context, feedback)
            if times.seconds and feedback is not None:
                feedback.pushDebugInfo(self.tr("Seconds by stage: {}").format(
                    json.dumps(times.rounded(), ensure_ascii=False)))
            return result
        except QgsProcessingException as error:
            message = str(error)
        finally:
            keep_proj_context()  # a background run is a QThread: pyproj 3.7 would crash the next one
        # QGIS 3.22's sip error handler keeps the exception a Python algorithm raises for good,
        # and with it every frame on its traceback: the run's sources, layers and open files
        # would stay alive until QGIS exits. Raise a fresh one from a frame holding only text.
        del parameters, context, feedback, times
        raise QgsProcessingException(message)

    def group(self) -> str:
        return {
            "grids": self.tr("Unit grids"),
            "components": self.tr("Components"),
            "cases": self.tr("Cases and heat"),
            "addresses": self.tr("Addresses"),
            "export": self.tr("Export"),
        }[self.groupId()]

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "grid_plugin.svg")))

    def helpUrl(self) -> str:
        return "https://github.com/grid-city-management/grid_plugin#readme"


def core_progress(feedback: QgsProcessingFeedback | None, start: float = 0, end: float = 100) -> Progress:
    """A core Progress that drives the feedback's bar between start and end percent."""
    if feedback is None:
        return Progress()
    span = end - start
    return Progress(
        report=lambda pct: feedback.setProgress(start + span * pct / 100.0),
        is_cancelled=feedback.isCanceled,
    )


def community_workers(communities: int, feedback: QgsProcessingFeedback | None = None) -> int:
    """How many worker processes divide the communities side by side (core.grids.parallel): one per core,
    or QGIS's own limit, "Max cores to use" (Settings ▸ Options ▸ Rendering), when it is set; fewer for a
    few communities. Logged when more than one."""
    limit = QgsApplication.maxThreads()
    workers = worker_count(limit if limit > 0 else None, communities)
    if workers > 1 and feedback is not None:
        feedback.pushInfo(tr("The communities are divided side by side by {} worker processes (their number "
                             "follows Settings ▸ Options ▸ Rendering ▸ Max cores to use).").format(workers))
    return workers

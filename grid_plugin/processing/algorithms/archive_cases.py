"""gridplugin:archivecases: the cases of the months before a month taken out of the store, written first
into an archive GeoPackage (itself a case store) when asked; all or nothing (store/archive.py)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from grid_plugin.core.cases.months import Month, parse_month
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.output_files import check_output_file
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.parameters.store import StoreParameters
from grid_plugin.store.archive import archive_before, cases_before, check_archiving, month_zone
from grid_plugin.store.gpkg import GpkgStore

KEEP, DELETE = 0, 1


class ArchiveCasesAlgorithm(StoreParameters, GridAlgorithm):
    BEFORE = "BEFORE"
    MODE = "MODE"
    ARCHIVE = "ARCHIVE"

    def name(self) -> str:
        return "archivecases"

    def displayName(self) -> str:
        return self.tr("Archive old months of cases")

    def groupId(self) -> str:
        return "cases"

    def shortHelpString(self) -> str:
        return self.tr(
            "Takes the cases reported before a month out of the case store, so that the store holds the months "
            "still in use. BEFORE is that month (2025-01, or its first day 2025-01-01): the months before it "
            "are archived, in the store's month zone (store_meta month_zone, Asia/Shanghai unless set).\n"
            "MODE: keep them in the database (a PostGIS store detaches each month, which stays readable as "
            "the table cases_YYYY_MM_archived in the store's schema), or delete them from the store (PostGIS "
            "drops the months; a GeoPackage store deletes their cases; a GeoPackage cannot keep months apart).\n"
            "ARCHIVE: a GeoPackage the cases are written to first, itself a case store (open it as STORE in "
            "any case algorithm); an existing archive gets the months added. Deleting needs it. It is written "
            "beside its target and checked to hold every case before anything leaves the store.\n"
            "All or nothing: the store and the archive change together or not at all, and no import writes "
            "the store meanwhile. Cases of an archived month imported again later go back into the store.")

    def initAlgorithm(self, config=None):
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.BEFORE, self.tr("Archive the months before (e.g. 2025-01)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("The archived months"),
            [self.tr("Keep them in the database as tables of their own (PostGIS)"),
             self.tr("Delete them from the store (after writing the archive)")], defaultValue=KEEP))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.ARCHIVE, self.tr("Archive GeoPackage (a case store; the months are added to it)"),
            self.tr("GeoPackage files (*.gpkg)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("ARCHIVED_COUNT", self.tr("Cases archived")))
        self.addOutput(QgsProcessingOutputString("STORE_LABEL", self.tr("Store")))

    def process(self, parameters, context, feedback):
        try:
            month = parse_month(self.parameterAsString(parameters, self.BEFORE, context))
        except GridInputError as err:
            raise self.input_error(err) from err
        keep = self.parameterAsEnum(parameters, self.MODE, context) == KEEP
        target = self.parameterAsFileOutput(parameters, self.ARCHIVE, context)
        if target:
            try:
                check_output_file(target, self.ARCHIVE, (".gpkg",))  # before anything is written
            except GridInputError as err:
                raise self.input_error(err) from err
        store = self.open_case_store(parameters, context, create=False, feedback=feedback)
        try:
            with self.core_errors():
                check_archiving(store, keep, target or None)
            label = store.label
            if not cases_before(store, month):
                feedback.pushInfo(self.tr("{} holds no cases before {} (months of {}); nothing to archive.").format(
                    label, month.label, month_zone(store)))
                return {"ARCHIVED_COUNT": 0, "STORE_LABEL": label, self.ARCHIVE: None}
            try:
                with self.core_errors():
                    archived, staged = archive_before(store, month, keep, target or None, GpkgStore,
                                                      core_progress(feedback, 0, 95))
            except OSError as err:  # the archive file: nothing left the store
                raise QgsProcessingException(self.tr(
                    "The archive {} cannot be written ({}); nothing was archived.").format(target, err)) from err
            if staged is not None:
                staged.keep()
        finally:
            store.close()
        feedback.pushInfo(self.report(archived, month, keep, label, target))
        return {"ARCHIVED_COUNT": archived, "STORE_LABEL": label, self.ARCHIVE: target or None}

    def report(self, archived: int, month: Month, keep: bool, label: str, target: str) -> str:
        kept = (self.tr("kept in the database as tables cases_YYYY_MM_archived") if keep
                else self.tr("deleted from the store"))
        text = self.tr("{} cases reported before {} taken out of {} and {}.").format(archived, month.label, label, kept)
        if target:
            text += " " + self.tr("The archive {} holds them.").format(target)
        return text

"""Heat controls of the dock: a day-range slider and class and source filters over the cases of
the store, pre-aggregated once per (grid, day, class, source) by a background task. Each change
recounts in memory and rewrites the live heat layer; the time it took is shown and kept
(`last_redraw_ms`) for the benchmark."""

from __future__ import annotations

import time

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.gui import QgsCheckableComboBox, QgsRangeSlider
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from grid_plugin.core.cases.daily_counts import DailyCaseCounts
from grid_plugin.core.errors import GridInputError
from grid_plugin.gui.live_heat import LiveGridHeat
from grid_plugin.store.base import StoredGrids
from grid_plugin.toolbelt.i18n import tr
from grid_plugin.toolbelt.paths import resource


class LoadDailyCountsTask(QgsTask):
    """Read the store's grids and hourly case counts in the background; `finished` hands them over."""

    loaded = pyqtSignal(object, object)  # StoredGrids, DailyCaseCounts
    failed = pyqtSignal(str)

    def __init__(self, open_store, zone_name: str):
        super().__init__(tr("Reading cases per grid and day"), QgsTask.Flag.CanCancel)
        self.open_store = open_store
        self.zone_name = zone_name
        self.grids: StoredGrids | None = None
        self.daily: DailyCaseCounts | None = None
        self.error = ""

    def run(self) -> bool:
        try:
            with self.open_store() as store:
                self.grids = store.read_grids()
                self.setProgress(30)
                if self.isCanceled():
                    return False
                hourly = store.hourly_counts()
            self.setProgress(80)
            self.daily = DailyCaseCounts.from_hourly(self.grids.grid_codes, hourly, self.zone_name)
            return not self.isCanceled()
        except GridInputError as err:
            self.error = err.message.render(tr)
        except Exception as err:  # reported in finished(): a task must never raise
            self.error = str(err)
        return False

    def finished(self, result: bool) -> None:
        if result and self.grids is not None and self.daily is not None:
            if not len(self.grids):
                self.failed.emit(tr("The store has no unit grids yet: import cases with a unit-grid layer first."))
            else:
                self.loaded.emit(self.grids, self.daily)
        elif self.error:
            QgsMessageLog.logMessage(self.error, tr("Grid city management"), Qgis.MessageLevel.Warning)
            self.failed.emit(self.error)


class HeatControls(QWidget):
    """Slider and filters; `redrawn(total cases shown, milliseconds)` after every change."""

    redrawn = pyqtSignal(int, float)
    loaded = pyqtSignal(object, object)  # StoredGrids, DailyCaseCounts, from the background task

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.daily: DailyCaseCounts | None = None
        self.heat: LiveGridHeat | None = None
        self.last_redraw_ms = 0.0
        self.task: LoadDailyCountsTask | None = None
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slider = QgsRangeSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("heat_days")
        self.slider.setEnabled(False)
        self.window_label = QLabel(tr("No cases loaded"))
        self.window_label.setObjectName("heat_window")
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        layout.addRow(tr("Days"), row)
        layout.addRow(tr("Window"), self.window_label)
        self.classes = QgsCheckableComboBox()
        self.classes.setObjectName("heat_classes")
        self.classes.setDefaultText(tr("All classes"))
        self.sources = QgsCheckableComboBox()
        self.sources.setObjectName("heat_sources")
        self.sources.setDefaultText(tr("All sources"))
        layout.addRow(tr("Classes"), self.classes)
        layout.addRow(tr("Sources"), self.sources)
        self.status = QLabel("")
        self.status.setObjectName("heat_status")
        self.status.setWordWrap(True)
        layout.addRow(self.status)
        self.slider.rangeChanged.connect(lambda _lo, _hi: self.redraw())
        # the model's signal fires for clicks and for programmatic changes alike (checkedItemsChanged
        # misses the latter in QGIS 3.22)
        self.classes.model().itemCheckStateChanged.connect(self.redraw)
        self.sources.model().itemCheckStateChanged.connect(self.redraw)

    # ---- loading -------------------------------------------------------------------------------------
    def load(self, open_store, zone_name: str) -> LoadDailyCountsTask:
        """Start reading the store in the background; the layer appears when the task ends."""
        self.status.setText(tr("Reading the store…"))
        self.task = LoadDailyCountsTask(open_store, zone_name)
        self.task.failed.connect(self.status.setText)
        self.task.loaded.connect(self.loaded)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def set_data(self, grids: StoredGrids, daily: DailyCaseCounts, layer_name: str) -> LiveGridHeat:
        self.daily = daily
        self.heat = LiveGridHeat(grids, layer_name)
        names = class_names()
        with SignalsBlocked(self.slider, self.classes.model(), self.sources.model()):
            self.slider.setRangeLimits(0, max(0, daily.day_count - 1))
            self.slider.setLowerValue(0)
            self.slider.setUpperValue(max(0, daily.day_count - 1))
            self.classes.clear()
            for code in daily.class_codes:
                label = f"{code} {names.get(code, '')}".strip() if code else tr("(no class)")
                self.classes.addItemWithCheckState(label, Qt.CheckState.Checked, code)
            self.sources.clear()
            for source in daily.sources:
                self.sources.addItemWithCheckState(source or tr("(no source)"), Qt.CheckState.Checked, source)
        self.slider.setEnabled(daily.day_count > 0)
        self.redraw()
        return self.heat

    # ---- the filter ------------------------------------------------------------------------------------
    def chosen(self, combo: QgsCheckableComboBox) -> list[str] | None:
        """Checked values, or None when all are checked (no filter)."""
        checked = combo.checkedItemsData()
        return None if len(checked) == combo.count() else list(checked)

    def redraw(self) -> None:
        if self.daily is None or self.heat is None:
            return
        started = time.perf_counter()
        first, last = self.slider.lowerValue(), self.slider.upperValue()
        total = self.heat.show_filtered(self.daily, first, last, self.chosen(self.classes), self.chosen(self.sources))
        self.last_redraw_ms = (time.perf_counter() - started) * 1000.0
        if self.daily.day_count:
            self.window_label.setText(tr("{} – {} ({} days)").format(
                self.daily.date_of(first).isoformat(), self.daily.date_of(last).isoformat(), last - first + 1))
        self.status.setText(tr("{} cases in {} grids; recounted in {:.0f} ms").format(
            total, int((self.heat.counts > 0).sum()), self.last_redraw_ms))
        self.redrawn.emit(total, self.last_redraw_ms)


def class_names() -> dict[str, str]:
    """Class code -> Chinese name from the plugin's component and event tables (both schemes)."""
    from grid_plugin.core.components.classes import ClassTable

    names: dict[str, str] = {}
    for scheme in ("gbt47678", "gbt30428"):
        for kind in ("components", "events"):
            try:
                table = ClassTable.load(scheme, resource("classes"), kind)
            except (OSError, GridInputError):
                continue
            for entry in table:
                names.setdefault(entry.code, entry.name)
    return names


class SignalsBlocked:
    """Block the signals of some Qt objects for the duration of a with-block."""

    def __init__(self, *widgets):
        self.widgets = widgets

    def __enter__(self):
        for widget in self.widgets:
            widget.blockSignals(True)

    def __exit__(self, *exc):
        for widget in self.widgets:
            widget.blockSignals(False)

"""Where the cases (and a copy of grids and components) live: a GeoPackage file, or an existing
QGIS PostgreSQL connection chosen by name. There is no password field: credentials stay in the
QGIS connection or its authentication configuration."""

from __future__ import annotations

from qgis.core import QgsProviderRegistry
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QLineEdit, QStackedWidget, QWidget

from grid_plugin.store.base import CaseStore
from grid_plugin.store.choice import DEFAULT_SCHEMA, GPKG, POSTGIS, StoreChoice
from grid_plugin.toolbelt.i18n import tr


def postgres_connections() -> list[str]:
    """Names of the PostgreSQL connections saved in QGIS."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections().keys()) if metadata is not None else []


class StorePicker(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.addItem(tr("GeoPackage file"), GPKG)
        self.kind.addItem(tr("PostGIS (QGIS connection)"), POSTGIS)
        self.kind.setObjectName("store_kind")
        layout.addRow(tr("Case store"), self.kind)
        self.pages = QStackedWidget()
        self.gpkg_file = QgsFileWidget()
        self.gpkg_file.setObjectName("store_file")
        self.gpkg_file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.gpkg_file.setConfirmOverwrite(False)  # an existing store is opened, never replaced
        self.gpkg_file.setFilter(tr("GeoPackage (*.gpkg)"))
        self.gpkg_file.lineEdit().setPlaceholderText(tr("A new name creates the store"))
        self.pages.addWidget(self.gpkg_file)
        postgis = QWidget()
        postgis_layout = QFormLayout(postgis)
        postgis_layout.setContentsMargins(0, 0, 0, 0)
        self.connection = QComboBox()
        self.connection.setObjectName("store_connection")
        self.schema = QLineEdit(DEFAULT_SCHEMA)
        self.schema.setObjectName("store_schema")
        postgis_layout.addRow(tr("Connection"), self.connection)
        postgis_layout.addRow(tr("Schema"), self.schema)
        self.pages.addWidget(postgis)
        layout.addRow(self.pages)
        self.refresh_connections()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.gpkg_file.fileChanged.connect(lambda _path: self.changed.emit())
        self.connection.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.schema.editingFinished.connect(lambda: self.changed.emit())

    def refresh_connections(self) -> None:
        current = self.connection.currentText()
        self.connection.clear()
        self.connection.addItems(postgres_connections())
        if current:
            self.connection.setCurrentText(current)

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(self.kind.currentIndex())
        if self.kind_name() == POSTGIS:
            self.refresh_connections()
        self.changed.emit()

    # ---- the choice ------------------------------------------------------------------------------------
    def kind_name(self) -> str:
        return self.kind.currentData()

    def set_choice(self, choice: StoreChoice) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(choice.kind)))
        self.gpkg_file.setFilePath(choice.path)
        if choice.connection:
            self.refresh_connections()
            self.connection.setCurrentText(choice.connection)
        self.schema.setText(choice.schema)

    def choice(self) -> StoreChoice:
        """What the widgets say now."""
        return StoreChoice(self.kind_name(), self.gpkg_file.filePath(), self.connection.currentText(),
                           self.schema.text())

    def is_set(self) -> bool:
        return self.choice().is_set()

    def parameters(self) -> dict[str, str]:
        """The STORE / CONNECTION / DB_SCHEMA parameters of the case algorithms."""
        return self.choice().parameters()

    def label(self) -> str:
        return self.choice().label()

    def open(self, create: bool = False) -> CaseStore:
        """Open the chosen store (raises StoreError with a message for the user)."""
        return self.choice().open(create=create)

"""Run one Processing algorithm in the background (QgsProcessingAlgRunnerTask) with progress and
cancel, then add its output layers to a layer-tree group on the main thread, styled by the
algorithm's own layer post-processors, as the Processing toolbox would."""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from grid_plugin.toolbelt.i18n import tr

MAIN_THREAD = "main thread"  # AlgorithmRunner.task while a FlagNoThreading algorithm runs


class CapturingFeedback(QgsProcessingFeedback):
    """Feedback that keeps the algorithm's error messages for the message bar."""

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:
        self.errors.append(error)
        super().reportError(error, fatalError)


class AlgorithmRunner(QObject):
    """One run at a time. Signals: progress (0–100), finished(algorithm id, results, loaded layers)
    and failed(algorithm id, message); a cancelled run fails with a 'cancelled' message."""

    progress = pyqtSignal(float)
    started = pyqtSignal(str)
    finished = pyqtSignal(str, dict, list)
    failed = pyqtSignal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.task: QgsProcessingAlgRunnerTask | str | None = None
        self.context: QgsProcessingContext | None = None
        self.feedback: CapturingFeedback | None = None
        self.algorithm_id = ""
        self.group_name = ""

    @property
    def running(self) -> bool:
        return self.task is not None

    def run(self, algorithm_id: str, parameters: dict, group_name: str) -> bool:
        """Start the algorithm; False (and `failed`) when it cannot start."""
        if self.running:
            self.failed.emit(algorithm_id, tr("Another step is still running; wait for it or cancel it."))
            return False
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        if algorithm is None:
            self.failed.emit(algorithm_id, tr("Algorithm {} is not available.").format(algorithm_id))
            return False
        project = QgsProject.instance()
        self.context = QgsProcessingContext()
        self.context.setProject(project)
        self.context.setTransformContext(project.transformContext())
        self.feedback = CapturingFeedback()
        self.feedback.progressChanged.connect(self.progress)
        self.algorithm_id, self.group_name = algorithm_id, group_name
        # QGIS 3.22 checks defaulted field parameters only when they are passed: pass every default,
        # as the toolbox dialog does
        parameters = {**{d.name(): d.defaultValue() for d in algorithm.parameterDefinitions()
                         if d.defaultValue() is not None and not d.isDestination()}, **parameters}
        ok, message = algorithm.checkParameterValues(parameters, self.context)
        if not ok:
            self._clear()
            self.failed.emit(algorithm_id, message)
            return False
        parameters = self._mark_outputs_to_load(algorithm, parameters)
        if algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagNoThreading:
            # e.g. print layouts: such an algorithm runs on the main thread, as the toolbox runs it,
            # once the event loop has shown the busy state
            self.task = MAIN_THREAD
            self.started.emit(algorithm_id)
            QTimer.singleShot(50, lambda: self._run_here(algorithm, parameters))
            return True
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self.started.emit(algorithm_id)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _run_here(self, algorithm, parameters: dict) -> None:
        results, successful = algorithm.run(parameters, self.context, self.feedback, {}, True)
        self._executed(successful, results or {})

    def cancel(self) -> None:
        if self.feedback is not None:
            self.feedback.cancel()
        if isinstance(self.task, QgsProcessingAlgRunnerTask):
            self.task.cancel()

    def _mark_outputs_to_load(self, algorithm, parameters: dict) -> dict:
        """Layer outputs become output definitions bound to the project, as the toolbox makes them:
        the run then lists them for loading and the algorithm attaches its styles to them."""
        layer_outputs = (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                         QgsProcessingParameterRasterDestination)
        parameters = dict(parameters)
        for output in algorithm.destinationParameterDefinitions():
            value = parameters.get(output.name())
            if isinstance(output, layer_outputs) and isinstance(value, str) and value:
                definition = QgsProcessingOutputLayerDefinition(value, self.context.project())
                definition.destinationName = output.description()
                parameters[output.name()] = definition
        return parameters

    def _executed(self, successful: bool, results: dict) -> None:
        algorithm_id, feedback = self.algorithm_id, self.feedback
        try:
            if not successful:
                if feedback is not None and feedback.isCanceled():
                    message = tr("Cancelled; nothing was written.")
                else:
                    errors = feedback.errors if feedback is not None else []
                    message = errors[-1] if errors else tr("The algorithm failed; see the log for details.")
                self.failed.emit(algorithm_id, message)
                return
            layers = self._load_results(results)
            self.finished.emit(algorithm_id, dict(results), layers)
        finally:
            self._clear()

    def _load_results(self, results: dict) -> list[QgsMapLayer]:
        """Add the run's layers to the group (created at the top of the tree when missing)."""
        context, feedback = self.context, self.feedback
        project = context.project()
        group = layer_group(project, self.group_name)
        loaded = []
        to_load = dict(context.layersToLoadOnCompletion())
        for layer_ref, details in to_load.items():
            layer = QgsProcessingUtils.mapLayerFromString(layer_ref, context, True, details.layerTypeHint)
            if layer is None or not layer.isValid():
                continue
            layer.setName(details.name or layer.name())
            if context.temporaryLayerStore().mapLayer(layer.id()) is not None:
                context.temporaryLayerStore().takeMapLayer(layer)
            project.addMapLayer(layer, False)
            group.insertLayer(0, layer)
            if details.postProcessor() is not None:
                details.postProcessor().postProcessLayer(layer, context, feedback)
            loaded.append(layer)
        context.setLayersToLoadOnCompletion({})
        return loaded

    def _clear(self) -> None:
        self.task = None
        # the context and feedback stay until the next run: post-processors may still refer to them


def layer_group(project: QgsProject, name: str) -> QgsLayerTreeGroup:
    root = project.layerTreeRoot()
    group = root.findGroup(name)
    return group if group is not None else root.insertGroup(0, name)

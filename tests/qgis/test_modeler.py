"""dividegrids works as a step of a graphical model, saved to .model3 and run from the file."""

import processing
from qgis.core import (
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
)


def build_model() -> QgsProcessingModelAlgorithm:
    model = QgsProcessingModelAlgorithm("divide sample", "tests")
    model.addModelParameter(QgsProcessingParameterVectorLayer("communities", "Communities"),
                            QgsProcessingModelParameter("communities"))
    model.addModelParameter(QgsProcessingParameterNumber("cell", "Cell", QgsProcessingParameterNumber.Type.Double, 100),
                            QgsProcessingModelParameter("cell"))
    child = QgsProcessingModelChildAlgorithm("gridplugin:dividegrids")
    child.setChildId("divide")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("communities")])
    child.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromModelParameter("cell")])
    child.addParameterSources("COMMUNITY_CODE_FIELD",
                              [QgsProcessingModelChildParameterSource.fromStaticValue("community_code")])
    output = QgsProcessingModelOutput("grids")
    output.setChildId("divide")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"grids": output})
    model.addChildAlgorithm(child)
    return model


def test_model_with_dividegrids_runs_from_its_model3_file(gridplugin, sample_gpkg, tmp_path):
    path = tmp_path / "divide.model3"
    assert build_model().toFile(str(path))
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path))
    assert model.childAlgorithm("divide").algorithm() is not None, "gridplugin:dividegrids not found by the model"
    result = processing.run(model, {"communities": f"{sample_gpkg}|layername=communities", "cell": 200,
                                    "divide:grids": str(tmp_path / "grids.gpkg")})
    layer = QgsVectorLayer(result["divide:grids"], "grids", "ogr")
    count, areas = layer.featureCount(), [f["area_m2"] for f in layer.getFeatures()]
    del layer
    assert 300 < count < 700  # ~19.6 km² in 40,000 m² cells
    assert max(areas) < 40_000 * 1.5

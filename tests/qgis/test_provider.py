"""Every algorithm of the provider has the metadata Processing, the modeler and qgis_process need."""

import re

import pytest
from qgis.core import QgsProcessingAlgorithm

from grid_plugin.processing.provider import ALGORITHMS


def test_provider_id_and_algorithms(gridplugin):
    assert gridplugin.id() == "gridplugin"
    assert gridplugin.name() and gridplugin.longName()
    assert {a.name() for a in gridplugin.algorithms()} >= {"dividegrids"}
    assert len(gridplugin.algorithms()) == len(ALGORITHMS)


@pytest.mark.parametrize("algorithm_class", ALGORITHMS, ids=lambda c: c.__name__)
def test_algorithm_metadata(gridplugin, algorithm_class):
    algorithm = gridplugin.algorithm(algorithm_class().name())
    assert re.fullmatch(r"[a-z]+", algorithm.name())
    assert algorithm.displayName() and algorithm.group() and algorithm.groupId()
    assert len(algorithm.shortHelpString()) > 40
    assert not algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagHideFromModeler
    assert not algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagHideFromToolbox
    fresh = algorithm.createInstance()
    assert fresh is not algorithm and type(fresh) is type(algorithm)
    for parameter in algorithm.parameterDefinitions():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", parameter.name()), parameter.name()
        assert parameter.description()

"""网格化城市管理 (grid-based city management) QGIS plugin."""


def classFactory(iface):
    """QGIS entry point; imports the plugin class only when QGIS asks for it."""
    from grid_plugin.toolbelt.dependencies import missing_dependencies

    problems = missing_dependencies()
    if problems:
        from grid_plugin.gui.missing_dependencies import MissingDependencyPlugin

        return MissingDependencyPlugin(iface, problems)
    from grid_plugin.plugin import GridPlugin

    return GridPlugin(iface)

"""The build scripts of .ci/ as modules for the tests (.ci is not a package): plugin_rules and package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

CI = Path(__file__).resolve().parent.parent / ".ci"


def load(name: str) -> ModuleType:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, CI / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # package.py imports plugin_rules under this name
        spec.loader.exec_module(module)
    return sys.modules[name]


rules = load("plugin_rules")
package = load("package")

"""pyproj in QGIS's worker threads: keep each thread's PROJ context alive as long as the thread.

pyproj 3.7.0 to 3.7.2 (3.7.1 on Debian 13 with QGIS 3.40) keep one PROJ context per thread: a pointer
in the thread's native storage, freed with the Python thread state. A QThread (QgsTask, the background
runs of Processing algorithms) has a Python thread state only for one call into Python, so the next
call on the same pooled thread finds the freed context and QGIS crashes (pyproj issue #1509, fixed
after 3.7.2 by pull #1539). Holding the context's owner until the QThread finishes avoids it.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt, QThread

_kept: dict[int, object] = {}  # id -> pyproj ContextManager of a worker thread, until it finishes


def keep_proj_context() -> None:
    """Call after pyproj work that may run in a QThread (an algorithm's run, a task's run)."""
    try:
        from pyproj._context import get_context_manager  # pyproj >= 3.7: one context per thread
    except ImportError:
        return
    manager = get_context_manager()
    thread = QThread.currentThread()
    if manager is None or thread is None or id(manager) in _kept:
        return
    key = id(manager)
    _kept[key] = manager
    thread.finished.connect(lambda: _kept.pop(key, None), Qt.ConnectionType.DirectConnection)

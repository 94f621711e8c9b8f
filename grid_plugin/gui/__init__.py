"""Widgets over core and the algorithms; the only layer that touches iface and QtWidgets."""

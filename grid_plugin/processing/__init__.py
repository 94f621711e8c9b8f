"""Processing provider `gridplugin`: one thin algorithm per capability over core."""

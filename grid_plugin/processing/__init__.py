"""Processing provider `gridplugin`: one thin algorithm per capability over core (algorithms/).

provider.py lists the algorithms; base.py holds their base class and progress adapter; features.py
reads and writes features; outputs.py makes output files, their metadata and styling; crs.py and
datum.py the working CRS and the GCJ-02/BD-09 inputs; parameters/ the parameters a family of
algorithms shares; case_styles.py the case layers' styles; proj_threads.py PROJ in worker threads."""

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>GridPlugin</name>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>district code</source>
      <translation>district code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>street code</source>
      <translation>street code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>community code</source>
      <translation>community code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>{where}: {what} '{value}' in field '{field}' must be {digits} digits</source>
      <translation>{where}: {what} '{value}' in field '{field}' must be {digits} digits</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>grid code '{code}' must be 15 digits</source>
      <translation>grid code '{code}' must be 15 digits</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>community {code}: grid sequence {sequence} is outside 001-999; use a larger cell or split the community</source>
      <translation>community {code}: grid sequence {sequence} is outside 001-999; use a larger cell or split the community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>{where}: street code {street} does not start with district code {district}</source>
      <translation>{where}: street code {street} does not start with district code {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>{where}: community code {community} does not start with street code {street}</source>
      <translation>{where}: community code {community} does not start with street code {street}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid} has no geometry; draw it or remove the feature</source>
      <translation>feature {fid} has no geometry; draw it or remove the feature</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid} is a {kind}, not a polygon; communities must be polygons</source>
      <translation>feature {fid} is a {kind}, not a polygon; communities must be polygons</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid} has an invalid geometry ({reason}) that cannot be repaired; redraw it</source>
      <translation>feature {fid} has an invalid geometry ({reason}) that cannot be repaired; redraw it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid}: invalid geometry ({reason}) repaired with make_valid; area changed by {change:.1f} m², check the result</source>
      <translation>feature {fid}: invalid geometry ({reason}) repaired with make_valid; area changed by {change:.1f} m², check the result</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>community codes must be unique; duplicated: {listing}. Give each community its own code or merge the features</source>
      <translation>community codes must be unique; duplicated: {listing}. Give each community its own code or merge the features</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>communities overlap, so a grid could belong to two of them: features {listing}. Fix the shared boundaries (e.g. with QGIS's topology checker)</source>
      <translation>communities overlap, so a grid could belong to two of them: features {listing}. Fix the shared boundaries (e.g. with QGIS's topology checker)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>the community layer has no features; choose a layer with polygons</source>
      <translation>the community layer has no features; choose a layer with polygons</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>{count} feature(s) cannot be used: {problems}</source>
      <translation>{count} feature(s) cannot be used: {problems}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 3-degree zones (73.5E-136.5E); choose a working CRS explicitly</source>
      <translation>longitude {longitude:.4f} is outside China's CGCS2000 3-degree zones (73.5E-136.5E); choose a working CRS explicitly</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 6-degree zones (72E-138E); choose a working CRS explicitly</source>
      <translation>longitude {longitude:.4f} is outside China's CGCS2000 6-degree zones (72E-138E); choose a working CRS explicitly</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>cell size must be positive, got {cell}</source>
      <translation>cell size must be positive, got {cell}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>minimum area {min_area} m² must lie between 0 and the cell area {cell_area:.0f} m²</source>
      <translation>minimum area {min_area} m² must lie between 0 and the cell area {cell_area:.0f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>community {code} (feature {fid}) would get {count} grids, more than the {limit} a 3-digit sequence allows; use a larger cell size or split the community</source>
      <translation>community {code} (feature {fid}) would get {count} grids, more than the {limit} a 3-digit sequence allows; use a larger cell size or split the community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share no edge with another grid of the community and were kept as grids of their own</source>
      <translation>community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share no edge with another grid of the community and were kept as grids of their own</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/missing_dependencies.py" />
      <source>Grid city management needs {}. Install it into QGIS's Python, e.g.: {}</source>
      <translation>Grid city management needs {}. Install it into QGIS's Python, e.g.: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/plugin.py" />
      <source>&amp;Grid city management</source>
      <translation>&amp;Grid city management</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/plugin.py" />
      <source>Divide communities into unit grids…</source>
      <translation>Divide communities into unit grids…</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divide communities into unit grids</source>
      <translation>Divide communities into unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divides community polygons into unit grids (单元网格) of about 10,000 m² and gives each its 15-digit code: 6-digit district + 3-digit street + 3-digit community + 3-digit sequence.

Regular lattice: square cells anchored at the origin of the working CRS, so re-runs give identical grids. Cells are clipped to each community (no grid crosses a community boundary); pieces smaller than the minimum area join the neighbouring grid of the same community that shares the longest edge with them.

Numbering: rows of one cell height from north to south, west to east within a row (or columns west to east, north to south within a column).

Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the data's longitude unless a working CRS is given.</source>
      <translation>Divides community polygons into unit grids (单元网格) of about 10,000 m² and gives each its 15-digit code: 6-digit district + 3-digit street + 3-digit community + 3-digit sequence.

Regular lattice: square cells anchored at the origin of the working CRS, so re-runs give identical grids. Cells are clipped to each community (no grid crosses a community boundary); pieces smaller than the minimum area join the neighbouring grid of the same community that shares the longest edge with them.

Numbering: rows of one cell height from north to south, west to east within a row (or columns west to east, north to south within a column).

Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the data's longitude unless a working CRS is given.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Overlap tolerance between communities (m²)</source>
      <translation>Overlap tolerance between communities (m²)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>feature {fid}</source>
      <translation>feature {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Communities</source>
      <translation>Communities</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Division mode</source>
      <translation>Division mode</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community codes come from</source>
      <translation>Community codes come from</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community code field (12 digits, or 3 with separate fields)</source>
      <translation>Community code field (12 digits, or 3 with separate fields)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Street code field (3 or 9 digits)</source>
      <translation>Street code field (3 or 9 digits)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>District code field (6 digits)</source>
      <translation>District code field (6 digits)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>District code for all features (GB/T 2260, when there is no district field)</source>
      <translation>District code for all features (GB/T 2260, when there is no district field)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Street name field</source>
      <translation>Street name field</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community name field</source>
      <translation>Community name field</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Cell size (m)</source>
      <translation>Cell size (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Minimum grid area (m²; empty = 30 % of a cell)</source>
      <translation>Minimum grid area (m²; empty = 30 % of a cell)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Sequence order</source>
      <translation>Sequence order</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)</source>
      <translation>Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Unit grids</source>
      <translation>Unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Number of unit grids</source>
      <translation>Number of unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS</source>
      <translation>Working CRS</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no features; choose a layer with community polygons.</source>
      <translation>The community layer has no features; choose a layer with community polygons.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no geometries; draw the community polygons first.</source>
      <translation>The community layer has no geometries; draw the community polygons first.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Choose the community code field.</source>
      <translation>Choose the community code field.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Regular lattice</source>
      <translation>Regular lattice</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>One 12-digit community code field</source>
      <translation>One 12-digit community code field</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Separate district, street and community code fields</source>
      <translation>Separate district, street and community code fields</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Rows: north to south, west to east within a row</source>
      <translation>Rows: north to south, west to east within a row</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Columns: west to east, north to south within a column</source>
      <translation>Columns: west to east, north to south within a column</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS: {} ({})</source>
      <translation>Working CRS: {} ({})</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Cancelled; nothing was written.</source>
      <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>{} unit grids in {} communities.</source>
      <translation>{} unit grids in {} communities.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Codes come from separate fields: choose the street code field too.</source>
      <translation>Codes come from separate fields: choose the street code field too.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Codes come from separate fields: choose the district code field or give the 6-digit district code (GB/T 2260), e.g. 110101.</source>
      <translation>Codes come from separate fields: choose the district code field or give the 6-digit district code (GB/T 2260), e.g. 110101.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer must contain polygons; it has {} geometries. Choose a polygon layer.</source>
      <translation>The community layer must contain polygons; it has {} geometries. Choose a polygon layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community codes are missing or malformed: </source>
      <translation>Community codes are missing or malformed: </translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The working CRS {} is not a projected CRS in ground metres; choose a Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.</source>
      <translation>The working CRS {} is not a projected CRS in ground metres; choose a Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Field '{}' does not exist in the community layer; its fields are: {}</source>
      <translation>Field '{}' does not exist in the community layer; its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source> (and {} more)</source>
      <translation> (and {} more)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Components</source>
      <translation>Components</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Cases and heat</source>
      <translation>Cases and heat</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/provider.py" />
      <source>Grid city management</source>
      <translation>Grid city management</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/provider.py" />
      <source>Grid city management (网格化城市管理) {}</source>
      <translation>Grid city management (网格化城市管理) {}</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GridPlugin</name>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>district code</source>
      <translation>区县代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>street code</source>
      <translation>街道代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>community code</source>
      <translation>社区代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>{where}: {what} '{value}' in field '{field}' must be {digits} digits</source>
      <translation>{where}：字段“{field}”中的{what}“{value}”应为 {digits} 位数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>grid code '{code}' must be 15 digits</source>
      <translation>单元网格标识码“{code}”应为 15 位数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>community {code}: grid sequence {sequence} is outside 001-999; use a larger cell or split the community</source>
      <translation>社区 {code}：网格顺序号 {sequence} 超出 001–999；请增大网格尺寸或拆分社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>{where}: street code {street} does not start with district code {district}</source>
      <translation>{where}：街道代码 {street} 与区县代码 {district} 不一致（应以其开头）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/codes.py" />
      <source>{where}: community code {community} does not start with street code {street}</source>
      <translation>{where}：社区代码 {community} 与街道代码 {street} 不一致（应以其开头）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid} has no geometry; draw it or remove the feature</source>
      <translation>要素 {fid} 没有几何图形；请绘制或删除该要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid} is a {kind}, not a polygon; communities must be polygons</source>
      <translation>要素 {fid} 是 {kind}，不是面；社区必须是面要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid} has an invalid geometry ({reason}) that cannot be repaired; redraw it</source>
      <translation>要素 {fid} 的几何图形无效（{reason}）且无法修复；请重新绘制</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>feature {fid}: invalid geometry ({reason}) repaired with make_valid; area changed by {change:.1f} m², check the result</source>
      <translation>要素 {fid}：无效几何（{reason}）已用 make_valid 修复，面积变化 {change:.1f} 平方米，请检查结果</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>community codes must be unique; duplicated: {listing}. Give each community its own code or merge the features</source>
      <translation>社区代码必须唯一；重复：{listing}。请为每个社区赋予独立代码或合并这些要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>communities overlap, so a grid could belong to two of them: features {listing}. Fix the shared boundaries (e.g. with QGIS's topology checker)</source>
      <translation>社区之间存在重叠，网格可能同时属于两个社区：要素 {listing}。请修正共同边界（例如使用 QGIS 拓扑检查器）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>the community layer has no features; choose a layer with polygons</source>
      <translation>社区图层没有要素；请选择包含面要素的图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/containers.py" />
      <source>{count} feature(s) cannot be used: {problems}</source>
      <translation>{count} 个要素无法使用：{problems}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 3-degree zones (73.5E-136.5E); choose a working CRS explicitly</source>
      <translation>经度 {longitude:.4f} 超出中国 CGCS2000 3 度带范围（东经 73.5°–136.5°）；请明确指定工作坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 6-degree zones (72E-138E); choose a working CRS explicitly</source>
      <translation>经度 {longitude:.4f} 超出中国 CGCS2000 6 度带范围（东经 72°–138°）；请明确指定工作坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>cell size must be positive, got {cell}</source>
      <translation>网格尺寸必须大于 0，当前为 {cell}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>minimum area {min_area} m² must lie between 0 and the cell area {cell_area:.0f} m²</source>
      <translation>最小面积 {min_area} 平方米应介于 0 与网格面积 {cell_area:.0f} 平方米之间</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>community {code} (feature {fid}) would get {count} grids, more than the {limit} a 3-digit sequence allows; use a larger cell size or split the community</source>
      <translation>社区 {code}（要素 {fid}）将产生 {count} 个网格，超过 3 位顺序号允许的 {limit} 个；请增大网格尺寸或拆分社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/lattice.py" />
      <source>community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share no edge with another grid of the community and were kept as grids of their own</source>
      <translation>社区 {code}（要素 {fid}）：{count} 个小于 {min_area:.0f} 平方米的碎片与本社区其他网格无公共边，已保留为独立网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/missing_dependencies.py" />
      <source>Grid city management needs {}. Install it into QGIS's Python, e.g.: {}</source>
      <translation>网格化城市管理插件需要 {}。请将其安装到 QGIS 使用的 Python 中，例如：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/plugin.py" />
      <source>&amp;Grid city management</source>
      <translation>网格化城市管理(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/plugin.py" />
      <source>Divide communities into unit grids…</source>
      <translation>划分单元网格…</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divide communities into unit grids</source>
      <translation>划分单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divides community polygons into unit grids (单元网格) of about 10,000 m² and gives each its 15-digit code: 6-digit district + 3-digit street + 3-digit community + 3-digit sequence.

Regular lattice: square cells anchored at the origin of the working CRS, so re-runs give identical grids. Cells are clipped to each community (no grid crosses a community boundary); pieces smaller than the minimum area join the neighbouring grid of the same community that shares the longest edge with them.

Numbering: rows of one cell height from north to south, west to east within a row (or columns west to east, north to south within a column).

Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the data's longitude unless a working CRS is given.</source>
      <translation>将社区面划分为约 10000 平方米的单元网格，并赋予 15 位单元网格标识码：6 位区县代码 + 3 位街道代码 + 3 位社区代码 + 3 位顺序号。

规则格网：方格锚定于工作坐标系原点，重复运行结果完全一致。方格按社区边界裁剪（网格不跨社区）；小于最小面积的碎片并入同一社区中与其公共边最长的相邻网格。

编号：按一个网格高度分行，自北向南逐行、行内自西向东（或按列自西向东、列内自北向南）。

地理坐标输入将投影到数据所在经度的 CGCS2000 3 度带高斯-克吕格投影，除非指定了工作坐标系。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Overlap tolerance between communities (m²)</source>
      <translation>社区间重叠容差（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>feature {fid}</source>
      <translation>要素 {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Communities</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Division mode</source>
      <translation>划分方式</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community codes come from</source>
      <translation>社区代码来源</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community code field (12 digits, or 3 with separate fields)</source>
      <translation>社区代码字段（12 位；分字段时为 3 位）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Street code field (3 or 9 digits)</source>
      <translation>街道代码字段（3 位或 9 位）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>District code field (6 digits)</source>
      <translation>区县代码字段（6 位）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>District code for all features (GB/T 2260, when there is no district field)</source>
      <translation>统一区县代码（GB/T 2260，无区县代码字段时使用）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Street name field</source>
      <translation>街道名称字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community name field</source>
      <translation>社区名称字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Cell size (m)</source>
      <translation>网格尺寸（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Minimum grid area (m²; empty = 30 % of a cell)</source>
      <translation>最小网格面积（平方米；留空为一个方格的 30%）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Sequence order</source>
      <translation>编号顺序</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)</source>
      <translation>工作坐标系（留空为数据所在的 CGCS2000 高斯-克吕格投影带）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Unit grids</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Number of unit grids</source>
      <translation>单元网格数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS</source>
      <translation>工作坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no features; choose a layer with community polygons.</source>
      <translation>社区图层没有要素；请选择包含社区面的图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no geometries; draw the community polygons first.</source>
      <translation>社区图层没有任何几何图形；请先绘制社区面。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Choose the community code field.</source>
      <translation>请选择社区代码字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Regular lattice</source>
      <translation>规则格网</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>One 12-digit community code field</source>
      <translation>一个 12 位社区代码字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Separate district, street and community code fields</source>
      <translation>分别的区县、街道、社区代码字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Rows: north to south, west to east within a row</source>
      <translation>按行：自北向南，行内自西向东</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Columns: west to east, north to south within a column</source>
      <translation>按列：自西向东，列内自北向南</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS: {} ({})</source>
      <translation>工作坐标系：{}（{}）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Cancelled; nothing was written.</source>
      <translation>已取消；未写入任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>{} unit grids in {} communities.</source>
      <translation>共 {} 个单元网格，分属 {} 个社区。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Codes come from separate fields: choose the street code field too.</source>
      <translation>代码来自分别的字段：请同时选择街道代码字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Codes come from separate fields: choose the district code field or give the 6-digit district code (GB/T 2260), e.g. 110101.</source>
      <translation>代码来自分别的字段：请选择区县代码字段，或填写 6 位区县代码（GB/T 2260），例如 110101。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer must contain polygons; it has {} geometries. Choose a polygon layer.</source>
      <translation>社区图层必须为面图层；当前几何类型为 {}。请选择面图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community codes are missing or malformed: </source>
      <translation>社区代码缺失或格式错误：</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The working CRS {} is not a projected CRS in ground metres; choose a Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.</source>
      <translation>工作坐标系 {} 不是以地面米为单位的投影坐标系；请选择高斯-克吕格或 UTM 投影带（如 EPSG:4548），或留空。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Field '{}' does not exist in the community layer; its fields are: {}</source>
      <translation>社区图层中不存在字段“{}”；现有字段：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source> (and {} more)</source>
      <translation>（另有 {} 条）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Components</source>
      <translation>部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Cases and heat</source>
      <translation>案件与热力</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/provider.py" />
      <source>Grid city management</source>
      <translation>网格化城市管理</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/provider.py" />
      <source>Grid city management (网格化城市管理) {}</source>
      <translation>网格化城市管理 {}</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GridPlugin</name>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou level must be a whole number from 1 to 10, not {level!r}</source>
      <translation>北斗网格层级必须是 1 到 10 的整数，而不是 {level!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou level must be from 1 to 10, not {level}</source>
      <translation>北斗网格层级必须在 1 到 10 之间，而不是 {level}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>position ({lon}, {lat}) is not a finite longitude/latitude pair</source>
      <translation>位置 ({lon}, {lat}) 不是有效的经纬度</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>longitude {lon} is outside [-180, 180]; give WGS84/CGCS2000 degrees, longitude first</source>
      <translation>经度 {lon} 超出 [-180, 180]；请使用 WGS84/CGCS2000 度数，经度在前</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>latitude {lat} is at or beyond ±88°: the polar BeiDou cells (GB/T 39409 §5.3) are not supported</source>
      <translation>纬度 {lat} 达到或超过 ±88°：不支持北斗极区网格（GB/T 39409 §5.3）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>point {index} (counting from 0) cannot be coded: {problem}</source>
      <translation>第 {index} 个点（从 0 计数）无法编码：{problem}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r}: character {position} ({char!r}, {what}) must be one of {allowed}</source>
      <translation>北斗网格码 {code!r}：第 {position} 个字符（{char!r}，{what}）必须是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>a BeiDou code must be a string, not {kind}</source>
      <translation>北斗网格码必须是字符串，而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r} has {length} characters; a 2D code has 4, 6, 7, 9, 11, 12, 14, 16, 18 or 20 (levels 1-10)</source>
      <translation>北斗网格码 {code!r} 有 {length} 个字符；二维码的长度为 4、6、7、9、11、12、14、16、18 或 20（1–10 级）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r} must be written in capitals</source>
      <translation>北斗网格码 {code!r} 必须使用大写字母</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r} must start with the hemisphere letter N or S, not {char!r}</source>
      <translation>北斗网格码 {code!r} 必须以半球字母 N 或 S 开头，而不是 {char!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r}: column 00 is a polar cap code (GB/T 39409 §5.3), which is not supported</source>
      <translation>北斗网格码 {code!r}：列号 00 为极区编码（GB/T 39409 §5.3），暂不支持</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r}: the level-1 column must be 01-60, not {column!r}</source>
      <translation>北斗网格码 {code!r}：一级网格列号必须为 01–60，而不是 {column!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r}: the level-1 latitude band must be a letter A-V, not {char!r}</source>
      <translation>北斗网格码 {code!r}：一级网格纬度带必须是字母 A–V，而不是 {char!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/beidou.py" />
      <source>BeiDou code {code!r} is level {own}; it has no parent at the finer level {level}</source>
      <translation>北斗网格码 {code!r} 为第 {own} 级，不能取更细的第 {level} 级作为上级网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>unknown coding scheme '{scheme}'; use {choices}</source>
      <translation>未知的编码方案“{scheme}”；请使用 {choices}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>{origin}, line {line}: {problem}</source>
      <translation>{origin}，第 {line} 行：{problem}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>class code '{code}' has {found} digits and belongs to the {other} scheme, not {scheme}</source>
      <translation>分类代码“{code}”为 {found} 位，属于 {other} 编码方案，而不是 {scheme}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>class code '{code}' must be {digits} ASCII digits: a 2-digit major and a {minor}-digit minor class, neither of them zero</source>
      <translation>分类代码“{code}”应为 {digits} 位半角数字：2 位大类加 {minor} 位小类，且均不能为零</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>unknown class '{value}': no class of {scheme} has this code or exact name; use the class code or the name as written in the class table</source>
      <translation>未知分类“{value}”：{scheme} 中没有此代码或完全一致的名称；请使用分类代码，或按分类表中的写法填写名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>the class_code cell is empty; give the {digits}-digit class code</source>
      <translation>class_code 单元格为空；请填写 {digits} 位分类代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>major_code '{major}' differs from the first two digits of class code {code}; correct one of them</source>
      <translation>大类代码 major_code“{major}”与分类代码 {code} 的前两位不一致；请更正其中之一</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>geometry_types '{value}' is not a list of point, line and polygon; write for example point|polygon</source>
      <translation>geometry_types“{value}”不是由 point、line、polygon 组成的列表；请写成例如 point|polygon</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>no class given; fill in a class code or a class name</source>
      <translation>未给出分类；请填写分类代码或分类名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>unknown class code '{code}': it is not in the {scheme} class table; add it with a user class file</source>
      <translation>未知分类代码“{code}”：不在 {scheme} 分类表中；请通过用户分类文件添加</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>the header has no class_code column; name the columns class_code, name_zh or name_en, and optionally geometry_types, major_name_zh</source>
      <translation>表头中没有 class_code 列；列名应为 class_code、name_zh 或 name_en，可选 geometry_types、major_name_zh</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>class {code} is new and has no name; fill name_zh or name_en</source>
      <translation>分类 {code} 为新增分类但没有名称；请填写 name_zh 或 name_en</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>class code {code} is also on line {first}; keep one of the two rows</source>
      <translation>分类代码 {code} 也出现在第 {first} 行；请只保留其中一行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/classes.py" />
      <source>class name '{name}' is also the name of class {other}; give each class its own name</source>
      <translation>分类名称“{name}”也是分类 {other} 的名称；请为每个分类使用不同的名称</translation>
    </message>
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
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>no component ID given</source>
      <translation>未给出部件标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>component ID '{value}' must be {digits} ASCII digits: district (6), class ({classdigits}) and serial (6, from 000001)</source>
      <translation>部件标识码“{value}”应为 {digits} 位半角数字：行政区划代码（6 位）、分类代码（{classdigits} 位）和顺序码（6 位，从 000001 起）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>district code '{district}' must be 6 ASCII digits of GB/T 2260 (for example 110101)</source>
      <translation>行政区划代码“{district}”应为符合 GB/T 2260 的 6 位半角数字（例如 110101）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>district {district}, class {code}: serial {serial} is outside 000001-999999</source>
      <translation>行政区 {district}，分类 {code}：顺序码 {serial} 超出 000001-999999 范围</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>district {district}, class {code}: no serial left for {count} features; the 6-digit serial ends at 999999, so give these components another class or district</source>
      <translation>行政区 {district}，分类 {code}：已无可用顺序码分配给 {count} 个要素；6 位顺序码最大为 999999，请为这些部件改用其他分类或行政区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>component ID '{value}' has {found} digits and belongs to the {other} scheme, not {scheme}</source>
      <translation>部件标识码“{value}”为 {found} 位，属于 {other} 编码方案，而不是 {scheme}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>component ID '{value}': class {code} is not in the {scheme} class table</source>
      <translation>部件标识码“{value}”：分类 {code} 不在 {scheme} 分类表中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>component ID '{value}' starts with district {found}, not {district}</source>
      <translation>部件标识码“{value}”以行政区划代码 {found} 开头，而不是 {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>component IDs: {kept} kept, {new} new, {renumbered} replaced, {unassigned} left empty</source>
      <translation>部件标识码：保留 {kept} 个，新编 {new} 个，替换 {renumbered} 个，留空 {unassigned} 个</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>their ID is already held by a feature with a lower feature id, which keeps it</source>
      <translation>其标识码已被要素 ID 更小的要素使用，由该要素保留</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>their ID is not district + class + serial in ASCII digits of the right length</source>
      <translation>其标识码不是由行政区划代码、分类代码和顺序码组成的、长度正确的半角数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>their ID starts with another district code than {district}</source>
      <translation>其标识码的行政区划代码不是 {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>their ID has the length of the other coding scheme</source>
      <translation>其标识码长度属于另一编码方案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>the class part of their ID differs from the feature's class</source>
      <translation>其标识码中的分类代码与要素的分类不一致</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>their class is empty or not in the class table, so no ID can be checked or given</source>
      <translation>其分类为空或不在分类表中，无法校验或编制标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>they were left without an ID; fix the class and run again</source>
      <translation>这些要素未编码；请更正分类后重新运行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>features {fids}: {reason}; {outcome}</source>
      <translation>要素 {fids}：{reason}；{outcome}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>they got new IDs</source>
      <translation>已为这些要素编制新的标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>they were left without an ID; turn on renumbering of duplicates to give them new IDs</source>
      <translation>这些要素未编码；如需为其编制新的标识码，请开启“重复标识码重新编码”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_ids.py" />
      <source>they were left without an ID; correct the ID or turn on renumbering of invalid IDs</source>
      <translation>这些要素未编码；请更正标识码，或开启“无效标识码重新编码”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Component validation report</source>
      <translation>部件检查报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Passed</source>
      <translation>通过</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Failed</source>
      <translation>未通过</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Components checked</source>
      <translation>检查的部件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Feature</source>
      <translation>要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Component ID</source>
      <translation>部件标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>class '{value}' is empty or not in the {scheme} class table</source>
      <translation>类别“{value}”为空或不在 {scheme} 类别表中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>the component stands in no unit grid</source>
      <translation>该部件不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>the ID's class {id_class} differs from the class field's {field_class} ({name})</source>
      <translation>标识码中的类别 {id_class} 与类别字段的 {field_class}（{name}）不一致</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>the recorded grid code '{recorded}' is not the grid it stands in, {located}</source>
      <translation>记录的网格代码“{recorded}”不是其所在网格 {located}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/component_validation.py" />
      <source>ID {value} is held by {count} components: features {listing}</source>
      <translation>标识码 {value} 被 {count} 个部件使用：要素 {listing}</translation>
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
      <location filename="../../grid_plugin/core/containers.py" />
      <source>the communities leave a gap of {area:.1f} m² at ({x:.1f}, {y:.1f}) between features {fids}; no grid covers it. Extend a community over it, or ignore it if it is not part of the district</source>
      <translation>社区之间在 ({x:.1f}, {y:.1f}) 处留有 {area:.1f} 平方米的缝隙（要素 {fids} 之间），没有网格覆盖它。请把某个社区延伸过去；若该处不属于本区，可忽略</translation>
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
      <location filename="../../grid_plugin/core/follow.py" />
      <source>community {code} (feature {fid}) would get {count} grids, more than the {limit} a 3-digit sequence allows; raise the target area or split the community</source>
      <translation>社区 {code}（要素 {fid}）将得到 {count} 个网格，超过 3 位顺序号允许的 {limit} 个；请增大目标面积或拆分该社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/follow.py" />
      <source>areas must satisfy 0 ≤ minimum &lt; target &lt; maximum; got minimum {minimum:.0f}, target {target:.0f} and maximum {maximum:.0f} m²</source>
      <translation>面积须满足 0 ≤ 最小 &lt; 目标 &lt; 最大；当前最小 {minimum:.0f}、目标 {target:.0f}、最大 {maximum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/follow.py" />
      <source>the maximum area {maximum:.0f} m² must be at least twice the minimum area {minimum:.0f} m², or a block just above the maximum could not be split</source>
      <translation>最大面积 {maximum:.0f} 平方米至少应为最小面积 {minimum:.0f} 平方米的两倍，否则略大于最大面积的街块无法拆分</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/follow.py" />
      <source>community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share no edge with another grid of the community and were kept as grids of their own</source>
      <translation>社区 {code}（要素 {fid}）：{count} 个小于 {min_area:.0f} 平方米的碎片与本社区其他网格无公共边，已保留为独立网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/follow.py" />
      <source>community {code} (feature {fid}) has no line to follow; it was split into {count} compact grids</source>
      <translation>社区 {code}（要素 {fid}）内没有可沿用的线，已拆分为 {count} 个紧凑网格</translation>
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
      <location filename="../../grid_plugin/core/stability.py" />
      <source>the previous grid layer has missing or malformed codes (not 15 digits) on features {fids}; fix them or validate the layer with gridplugin:validategrids first</source>
      <translation>原网格图层的要素 {fids} 缺少编码或编码格式错误（不是 15 位数字）；请修正，或先用 gridplugin:validategrids 检查该图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/stability.py" />
      <source>the previous grid layer repeats codes: {duplicates}; every grid needs its own code</source>
      <translation>原网格图层存在重复编码：{duplicates}；每个网格都需要唯一编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/stability.py" />
      <source>the matching overlap must lie above 0.5 and at most 1, got {value}</source>
      <translation>匹配重叠比例须大于 0.5 且不超过 1，当前为 {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/stability.py" />
      <source>community {code} (feature {fid}) has used all {limit} sequence numbers (retired codes are never reused); it needs a new community code</source>
      <translation>社区 {code}（要素 {fid}）已用尽全部 {limit} 个顺序号（终止的编码不再复用）；需要新的社区代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>no code</source>
      <translation>无标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Missing geometry</source>
      <translation>缺少几何图形</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Invalid geometry</source>
      <translation>几何图形无效</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Gap</source>
      <translation>空隙</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Overlap</source>
      <translation>重叠</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Crossing communities</source>
      <translation>跨社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Outside its community</source>
      <translation>超出所属社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Unknown community</source>
      <translation>未知社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Area too small</source>
      <translation>面积过小</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Area too large</source>
      <translation>面积过大</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Malformed code</source>
      <translation>标识码格式错误</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Duplicate code</source>
      <translation>标识码重复</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>Sequence out of order</source>
      <translation>顺序号不符合编排规则</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>the numbering band must be positive, got {band} m</source>
      <translation>编号条带宽度必须大于 0，当前为 {band} 米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>unknown numbering order '{order}'; use rows or columns</source>
      <translation>未知的编号顺序“{order}”；请使用按行（rows）或按列（columns）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>areas and the tolerance must not be negative</source>
      <translation>面积与容差不能为负数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>the minimum area {minimum:.0f} m² is larger than the maximum area {maximum:.0f} m²</source>
      <translation>最小面积 {minimum:.0f} 平方米大于最大面积 {maximum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>a {kind}, not a polygon</source>
      <translation>{kind}，不是面</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>feature {fid} has no grid code; give it its 15-digit code</source>
      <translation>要素 {fid} 没有单元网格标识码；请填写其 15 位标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>community feature {fid}</source>
      <translation>社区要素 {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>feature {fid} has no geometry; draw the grid or remove the feature</source>
      <translation>要素 {fid} 没有几何图形；请绘制该网格或删除该要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid {code} (feature {fid}) has an invalid geometry ({reason}); it was checked as repaired by make_valid: fix it in the layer</source>
      <translation>网格 {code}（要素 {fid}）的几何图形无效（{reason}）；已按 make_valid 修复后的形状检查，请在图层中修正</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>feature {fid}: grid code '{code}' has sequence 000; sequences run from 001 to 999</source>
      <translation>要素 {fid}：单元网格标识码“{code}”的顺序号为 000；顺序号应为 001–999</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>feature {fid}: grid code '{code}' must be 15 digits</source>
      <translation>要素 {fid}：单元网格标识码“{code}”应为 15 位数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid code {code} is used by {count} grids: features {listing}; give each grid its own code</source>
      <translation>单元网格标识码 {code} 被 {count} 个网格重复使用：要素 {listing}；请为每个网格赋予独立的标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grids {code} (feature {fid}) and {other_code} (feature {other_fid}) overlap by {area:.1f} m²</source>
      <translation>网格 {code}（要素 {fid}）与 {other_code}（要素 {other_fid}）重叠 {area:.1f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>gap of {area:.1f} m² between grids: no grid covers it</source>
      <translation>网格之间有 {area:.1f} 平方米的空隙，没有任何网格覆盖</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid {code} (feature {fid}) has sequence {sequence:03d}, but its position in community {community} calls for {expected:03d}</source>
      <translation>网格 {code}（要素 {fid}）的顺序号为 {sequence:03d}，但按其在社区 {community} 中的位置应为 {expected:03d}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid {code} (feature {fid}) has {area:.1f} m², less than the minimum {minimum:.0f} m²</source>
      <translation>网格 {code}（要素 {fid}）面积为 {area:.1f} 平方米，小于最小面积 {minimum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid {code} (feature {fid}) has {area:.1f} m², more than the maximum {maximum:.0f} m²</source>
      <translation>网格 {code}（要素 {fid}）面积为 {area:.1f} 平方米，大于最大面积 {maximum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>gap of {area:.1f} m² in community {community}: no grid covers it</source>
      <translation>社区 {community} 内有 {area:.1f} 平方米的空隙，没有任何网格覆盖</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid {code} (feature {fid}): its community {community} is not in the community layer</source>
      <translation>网格 {code}（要素 {fid}）：其所属社区 {community} 不在社区图层中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid {code} (feature {fid}) lies in {count} communities: {listing}</source>
      <translation>网格 {code}（要素 {fid}）跨越 {count} 个社区：{listing}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation.py" />
      <source>grid {code} (feature {fid}) extends {area:.1f} m² outside its community {community}</source>
      <translation>网格 {code}（要素 {fid}）超出所属社区 {community} {area:.1f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Unit grid validation report</source>
      <translation>单元网格检查报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Input layer</source>
      <translation>输入图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Community layer</source>
      <translation>社区图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Working CRS</source>
      <translation>工作坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Grids checked</source>
      <translation>检查的网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Problems by kind</source>
      <translation>各类问题数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Minimum area (m²)</source>
      <translation>最小面积（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Maximum area (m²)</source>
      <translation>最大面积（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Gap and overlap tolerance (m²)</source>
      <translation>空隙与重叠容差（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Numbering band (m)</source>
      <translation>编号条带宽度（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Sequence order</source>
      <translation>编号顺序</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>rows</source>
      <translation>按行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>columns</source>
      <translation>按列</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>not checked</source>
      <translation>未检查</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Id</source>
      <translation>标识</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Grid code</source>
      <translation>单元网格标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Feature ids</source>
      <translation>要素编号</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Area (m²)</source>
      <translation>面积（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Location (x, y)</source>
      <translation>位置（x, y）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>No problems found.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/validation_report.py" />
      <source>Showing the first {shown} of {total} problems; the error layer lists them all.</source>
      <translation>仅列出 {total} 个问题中的前 {shown} 个；错误图层包含全部问题。</translation>
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
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Code components</source>
      <translation>部件编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Gives every component (部件) its standard ID, the code of the unit grid it stands in (BGID) and its BeiDou grid location code (GB/T 39409).

ID = 6-digit district code + class code + 6-digit serial: 17 digits under GB/T 47678.5-2026 (5-digit classes), 16 under GB/T 30428.2-2013 (4-digit classes). The class field holds a class code or a standard class name (Chinese or English, matched exactly after normalisation; unknown names are reported, never guessed). A CSV of your own classes can extend or override the table.

Stable IDs: valid existing IDs are kept; new components take the next free serial of their district and class; duplicate and malformed IDs are reported, and replaced only when you ask for it. A component that moved into another grid keeps its ID and gets the new grid code and a change date.

Points take the grid they lie in; lines and polygons the grid holding most of them, with that share recorded. The district is the given code, or that of each component's grid.</source>
      <translation>为每个部件赋予标准标识码、所在单元网格标识码（BGID）和北斗网格位置码（GB/T 39409）。

标识码 = 6 位区县代码 + 类别代码 + 6 位顺序码：GB/T 47678.5-2026 为 17 位（5 位类别），GB/T 30428.2-2013 为 16 位（4 位类别）。类别字段可填类别代码或标准类别名称（中文或英文，规范化后精确匹配；未知名称会报告，绝不猜测）。可用自定义类别 CSV 扩充或覆盖类别表。

标识码稳定：有效的已有标识码保留；新部件取其区县和类别的下一个未用顺序码；重复和格式错误的标识码会报告，只有在您要求时才替换。移入其他网格的部件保留标识码，更新网格代码并填写变更日期。

点部件取其所在网格；线、面部件取包含其最大部分的网格，并记录该比例。区县代码为指定的代码，或各部件所在网格的区县代码。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>empty class</source>
      <translation>类别为空</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>unknown class code</source>
      <translation>未知类别代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>unknown class name</source>
      <translation>未知类别名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>class code of the other coding scheme</source>
      <translation>另一编码方案的类别代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Components</source>
      <translation>部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Class field (class code or standard name)</source>
      <translation>类别字段（类别代码或标准名称）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>District code (6 digits; empty = from each component's grid)</source>
      <translation>区县代码（6 位；留空 = 取各部件所在网格的区县代码）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Field with existing component IDs (kept when valid)</source>
      <translation>已有部件标识码字段（有效则保留）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Give duplicates new IDs (the lowest feature id keeps the ID)</source>
      <translation>为重复标识码赋新码（要素编号最小者保留原码）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Replace malformed, other-district and other-scheme IDs</source>
      <translation>替换格式错误、其他区县和其他编码方案的标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>BeiDou grid code level (1-10; 8 ≈ 1 m)</source>
      <translation>北斗网格位置码层级（1-10；8 级约 1 米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Date of this coding (YYYY-MM-DD; empty = today)</source>
      <translation>本次编码日期（YYYY-MM-DD；留空 = 今天）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Data source (e.g. 实测, 地形图; optional)</source>
      <translation>数据来源（如 实测、地形图；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Coded components</source>
      <translation>已编码部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Components with a new ID</source>
      <translation>新赋标识码的部件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Components that kept their ID</source>
      <translation>保留标识码的部件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Components with a problem</source>
      <translation>有问题的部件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>The component layer has no point, line or polygon geometries.</source>
      <translation>部件图层没有点、线或面几何图形。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Cancelled; nothing was written.</source>
      <translation>已取消；未写入任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>{} components: {} kept their ID, {} got a new one, {} have a problem.</source>
      <translation>{} 个部件：{} 个保留标识码，{} 个获得新标识码，{} 个有问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>The component layer has no ID field '{}'; leave it empty to give every component a new ID.</source>
      <translation>部件图层没有标识码字段“{}”；留空则为每个部件赋新标识码。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: {}; they get no ID. Fix the class field or add the class in a CSV of your own classes.</source>
      <translation>要素 {}：{}；未赋标识码。请修正类别字段，或在自定义类别 CSV 中添加该类别。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: a {} is not a geometry type their class allows (see the class table's geometry_types); check the class or the layer.</source>
      <translation>要素 {}：其类别不允许 {} 几何类型（见类别表的 geometry_types）；请检查类别或图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: outside every unit grid; they get no grid code{}.</source>
      <translation>要素 {}：不在任何单元网格内；未赋网格代码{}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source> and, with no district code given, no ID</source>
      <translation>，且因未指定区县代码而未赋标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>{} components moved into another grid: they keep their ID and got the new grid code and a change date.</source>
      <translation>{} 个部件移入其他网格：保留标识码，已更新网格代码并填写变更日期。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divide communities into unit grids</source>
      <translation>划分单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divides community polygons into unit grids (单元网格) of about 10,000 m² and gives each its 15-digit code: 6-digit district + 3-digit street + 3-digit community + 3-digit sequence. No grid crosses a community boundary and the grids of a community cover it exactly.

Follow features (地理布局): grid boundaries run along the given roads, rivers and walls. Each community is cut into blocks by the lines; blocks below the minimum area join a neighbour across the smallest road class first (layers without the road-class field, such as rivers and walls, are crossed last); blocks above the maximum area are cut into compact parts of near-equal area, or of near-equal workload when a workload layer (components, past cases) is given.

Regular lattice: square cells anchored at the origin of the working CRS, so re-runs give identical grids; pieces smaller than the minimum area join the neighbouring grid that shares the longest edge with them.

Stable codes (相对稳定): with the previous grid layer, every new grid that overlaps a previous grid of its community by the matching share (both ways) keeps its code; new grids take the next free numbers; previous grids that no longer exist are kept with their end date set, and their codes are never reused.

Numbering: rows from north to south, west to east within a row (or columns). Quality figures (areas, share of boundaries on the lines, compactness) are logged, returned and stored in the output layer's metadata.

Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the data's longitude unless a working CRS is given.</source>
      <translation>把社区多边形划分为约 10,000 平方米的单元网格，并赋予 15 位编码：6 位区县代码 + 3 位街道代码 + 3 位社区代码 + 3 位顺序号。网格不跨越社区边界，一个社区的网格恰好覆盖该社区。

沿地物划分（地理布局）：网格边界沿给定的道路、河流和围墙。先用这些线把每个社区切成街块；小于最小面积的街块先跨越最低等级的道路与相邻街块合并（没有道路等级字段的图层，如河流、围墙，最后才跨越）；大于最大面积的街块切分为面积相近的紧凑网格，给出工作量图层（部件、历史案件）时按工作量均衡切分。

规则格网：以工作坐标系原点为锚点的正方形格网，重复运行结果一致；小于最小面积的碎块并入共享边最长的相邻网格。

编码稳定（相对稳定）：给出原网格图层时，与本社区原网格双向重叠达到匹配比例的新网格沿用原编码；新网格取下一个未用的顺序号；已不存在的原网格保留并填写终止日期，其编码不再复用。

编号：按行自北向南、行内自西向东（或按列）。质量指标（面积、边界落在线上的比例、紧凑度）会输出到日志、结果并写入输出图层的元数据。

地理坐标的输入会投影到数据所在经度的 CGCS2000 3 度带高斯-克吕格坐标系，除非指定了工作坐标系。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no geometries; draw the community polygons first.</source>
      <translation>社区图层没有任何几何图形；请先绘制社区面。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Unit grids</source>
      <translation>单元网格</translation>
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
      <source>Lines to follow (roads, rivers, walls; follow features mode)</source>
      <translation>沿用的线（道路、河流、围墙；沿地物划分模式）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Road-class field of the line layers (layers without it are barriers)</source>
      <translation>线图层的道路等级字段（无此字段的图层视为屏障）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Target grid area (m², follow features mode)</source>
      <translation>目标网格面积（平方米，沿地物划分模式）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Cell size (m, regular lattice mode)</source>
      <translation>格网边长（米，规则格网模式）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Minimum grid area (m²; empty = 3,000, or 30 % of a lattice cell)</source>
      <translation>最小网格面积（平方米；留空 = 3,000，规则格网为格网面积的 30%）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Maximum grid area (m², follow features mode)</source>
      <translation>最大网格面积（平方米，沿地物划分模式）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Workload points to balance (components or past cases; optional)</source>
      <translation>用于负载均衡的点（部件或历史案件；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Workload weight field (empty = each point counts 1)</source>
      <translation>工作量权重字段（留空 = 每个点计 1）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Previous unit grids (keep their codes; optional)</source>
      <translation>原单元网格（保留其编码；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Code field of the previous grids</source>
      <translation>原网格的编码字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Matching overlap with a previous grid (share, both ways)</source>
      <translation>与原网格的匹配重叠比例（双向）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Effective date of this division (YYYY-MM-DD; empty = today)</source>
      <translation>本次划分的生效日期（YYYY-MM-DD；留空 = 今天）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)</source>
      <translation>工作坐标系（留空为数据所在的 CGCS2000 高斯-克吕格投影带）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Overlap tolerance between communities (m²)</source>
      <translation>社区间重叠容差（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Distance within which a grid boundary counts as on a line (m)</source>
      <translation>网格边界视为落在线上的距离容差（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Code change report (kept, new and retired codes)</source>
      <translation>编码变更报告（保留、新增和终止的编码）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Number of unit grids</source>
      <translation>单元网格数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Quality figures (JSON)</source>
      <translation>质量指标（JSON）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Share of interior grid boundaries on followed lines</source>
      <translation>内部网格边界落在沿用线上的比例</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Share of grids within 0.5–2 × the target area</source>
      <translation>面积在目标面积 0.5–2 倍之间的网格比例</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Grids that kept their code</source>
      <translation>保留原编码的网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Grids with a new code</source>
      <translation>新编码的网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Previous grids retired</source>
      <translation>终止的原网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no features; choose a layer with community polygons.</source>
      <translation>社区图层没有要素；请选择包含社区面的图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Follow features mode needs at least one line layer to follow (roads, rivers or walls); choose them under 'Lines to follow', or use the regular lattice mode.</source>
      <translation>沿地物划分模式至少需要一个可沿用的线图层（道路、河流或围墙）；请在“沿用的线”中选择，或改用规则格网模式。</translation>
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
      <source>Follow features (roads, rivers, walls)</source>
      <translation>沿地物划分（道路、河流、围墙）</translation>
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
      <source>{} unit grids in {} communities.</source>
      <translation>共 {} 个单元网格，分属 {} 个社区。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Following {} lines from {} layer(s).</source>
      <translation>沿用 {} 条线，来自 {} 个图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Quality: {} grids; area min {:.0f}, median {:.0f}, p95 {:.0f}, max {:.0f} m²; {:.1%} within 0.5–2 × target; compactness (Polsby-Popper) min {:.2f}, p5 {:.2f}, median {:.2f}.</source>
      <translation>质量：{} 个网格；面积最小 {:.0f}、中位数 {:.0f}、95 分位 {:.0f}、最大 {:.0f} 平方米；{:.1%} 在目标面积 0.5–2 倍之间；紧凑度（Polsby-Popper）最小 {:.2f}、5 分位 {:.2f}、中位数 {:.2f}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Unit grids made by gridplugin:dividegrids. Quality figures: {}</source>
      <translation>由 gridplugin:dividegrids 生成的单元网格。质量指标：{}</translation>
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
      <source>Codes: {} kept, {} new, {} retired.</source>
      <translation>编码：保留 {} 个，新增 {} 个，终止 {} 个。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Quality: {:.1%} of interior grid boundaries lie on followed lines.</source>
      <translation>质量：{:.1%} 的内部网格边界落在沿用的线上。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Community codes are missing or malformed: </source>
      <translation>社区代码缺失或格式错误：</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Field '{}' does not exist in the community layer; its fields are: {}</source>
      <translation>社区图层中不存在字段“{}”；现有字段：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Balancing the workload of {} points.</source>
      <translation>按 {} 个点均衡工作量。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source> (and {} more)</source>
      <translation>（另有 {} 条）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Validate components</source>
      <translation>检查部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Checks a coded component layer and writes one error feature per problem: IDs missing, malformed (district + class + serial, ASCII digits of the scheme's length), of the other scheme or of another district; ID class not in the table or different from the class field; unknown classes; duplicate IDs; components outside every unit grid; a recorded grid code (BGID) that is not the grid the component stands in. PASSED is true when nothing is found, so models can branch on it.</source>
      <translation>检查已编码的部件图层，每个问题输出一个错误要素：标识码缺失、格式错误（区县 + 类别 + 顺序码，符合编码方案长度的 ASCII 数字）、属于另一编码方案或其他区县；标识码中的类别不在类别表中或与类别字段不一致；未知类别；重复标识码；不在任何单元网格内的部件；记录的网格代码（BGID）不是部件所在的网格。未发现问题时 PASSED 为真，模型可据此分支。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Component ID field</source>
      <translation>部件标识码字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Recorded grid code field (BGID)</source>
      <translation>记录的网格代码字段（BGID）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Expected district code (6 digits; optional)</source>
      <translation>应有的区县代码（6 位；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Component problems</source>
      <translation>部件问题</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>HTML report</source>
      <translation>HTML 报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Passed (no problem found)</source>
      <translation>通过（未发现问题）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Number of problems</source>
      <translation>问题数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Passed: no problem in {} components.</source>
      <translation>通过：{} 个部件中未发现问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Failed: {} problems in {} components.</source>
      <translation>未通过：发现 {} 个问题（共 {} 个部件）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Problems of kind {}: {}</source>
      <translation>{} 类问题：{} 个</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Validate unit grids</source>
      <translation>检查单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>gap: area that no grid covers (within each community when a community layer is given, else holes enclosed by the grids), larger than the tolerance</source>
      <translation>gap（空隙）：没有任何网格覆盖且大于容差的区域（给定社区图层时按社区检查，否则检查被网格包围的空洞）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>overlap: two grids sharing more than the tolerance of area</source>
      <translation>overlap（重叠）：两个网格的重叠面积超过容差</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>crossing_community: a grid with more than the tolerance of area in each of two or more communities</source>
      <translation>crossing_community（跨社区）：一个网格在两个或更多社区中的面积均超过容差</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>outside_community: a grid extending outside the community its code names (beyond every community, or lying in another community wholly)</source>
      <translation>outside_community（超出所属社区）：网格超出其标识码所指的社区（超出所有社区，或整体位于另一社区内）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>unknown_community: the first 12 digits of a grid code match no community</source>
      <translation>unknown_community（未知社区）：网格标识码的前 12 位与任何社区代码都不匹配</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>area_small / area_large: area below the minimum or above the maximum (0 disables either)</source>
      <translation>area_small / area_large（面积过小/过大）：面积小于最小值或大于最大值（设为 0 则不检查）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>malformed_code: code missing, not 15 digits, or sequence 000</source>
      <translation>malformed_code（标识码格式错误）：标识码缺失、不是 15 位数字，或顺序号为 000</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>duplicate_code: the same code on several grids</source>
      <translation>duplicate_code（标识码重复）：多个网格使用同一标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>sequence_order: within a community, the sequence numbers do not follow the numbering rule of division (bands north to south, west to east within a band; or columns); gaps in the sequence are allowed, because retired grids keep their codes. Turn this check off for a layer re-divided with stable codes, whose new grids are numbered after all earlier ones</source>
      <translation>sequence_order（顺序号不符合编排规则）：社区内的顺序号不符合划分时的编号规则（按条带自北向南、条带内自西向东；或按列）；顺序号允许不连续，因为终止的网格保留其标识码。对保持编码稳定的重新划分结果，新网格的编号排在所有原有编号之后，请关闭此项检查</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>missing_geometry / invalid_geometry: a grid without geometry, or an invalid one (checked as repaired)</source>
      <translation>missing_geometry / invalid_geometry（缺少几何图形/几何图形无效）：网格没有几何图形，或几何图形无效（按修复后的形状检查）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Numbering band (m; the cell size the grids were numbered with)</source>
      <translation>编号条带宽度（米；即编号时使用的网格尺寸）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Check the sequence order (off for layers re-divided with stable codes)</source>
      <translation>检查顺序号编排（对保持编码稳定的重新划分结果请关闭）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>unit grid layer</source>
      <translation>单元网格图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The unit grid layer has no geometries; nothing can be checked.</source>
      <translation>单元网格图层没有任何几何图形，无法检查。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>community layer</source>
      <translation>社区图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Checks a layer of unit grids (单元网格) and their 15-digit codes, and writes one error feature per problem found. The kinds of problem:</source>
      <translation>检查单元网格图层及其 15 位标识码，每发现一个问题就输出一个错误要素。问题类型：</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Grids whose end date is set are retired and not checked. PASSED is true when no problem is found, so a model can branch on it. Geographic input is checked in the CGCS2000 3-degree Gauss-Krüger zone of the data unless a working CRS is given.</source>
      <translation>已填写终止日期的网格视为已终止，不参与检查。未发现问题时 PASSED 为真，模型可据此分支。地理坐标输入在数据所在的 CGCS2000 3 度带高斯-克吕格投影中检查，除非指定了工作坐标系。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Grid code field (15 digits)</source>
      <translation>单元网格标识码字段（15 位）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>End date field (grids with an end date are retired and skipped)</source>
      <translation>终止日期字段（已填写终止日期的网格视为已终止，跳过检查）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Communities (optional, for gap and community checks)</source>
      <translation>社区（可选，用于空隙与社区检查）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Community code field (12 digits)</source>
      <translation>社区代码字段（12 位）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Minimum grid area (m², 0 = no minimum)</source>
      <translation>最小网格面积（平方米，0 为不限）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Maximum grid area (m², 0 = no maximum)</source>
      <translation>最大网格面积（平方米，0 为不限）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Grid errors</source>
      <translation>网格错误</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Validation report (HTML)</source>
      <translation>检查报告（HTML）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>HTML files (*.html *.htm)</source>
      <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Number of grids checked</source>
      <translation>检查的网格数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Choose the grid code field.</source>
      <translation>请选择单元网格标识码字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Cancelled; the error layer is incomplete.</source>
      <translation>已取消；错误图层不完整。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Choose the community code field of the community layer.</source>
      <translation>请选择社区图层的社区代码字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Every grid has an end date: there is nothing to check.</source>
      <translation>所有网格都已填写终止日期，没有需要检查的网格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The unit grid layer has no field '{}'; every grid is checked.</source>
      <translation>单元网格图层中没有字段“{}”；检查全部网格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Passed: {} grids checked, no problem found.</source>
      <translation>通过：检查了 {} 个网格，未发现问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Failed: {} grids checked, {} problems ({}).</source>
      <translation>未通过：检查了 {} 个网格，发现 {} 个问题（{}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The {} must contain polygons; it has {} geometries. Choose a polygon layer.</source>
      <translation>{}必须为面图层；当前几何类型为 {}。请选择面图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The {} has no features; choose a layer with polygons.</source>
      <translation>{}没有要素；请选择包含面要素的图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Field '{}' does not exist in the {}; its fields are: {}</source>
      <translation>字段“{}”不存在于{}中；现有字段：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>{} retired grids (end date set) are skipped.</source>
      <translation>跳过 {} 个已终止的网格（已填写终止日期）。</translation>
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
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Date '{}' is not a date; write it as YYYY-MM-DD, e.g. 2026-07-01.</source>
      <translation>日期“{}”不是日期；请写成 YYYY-MM-DD，例如 2026-07-01。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>The working CRS {} is not a projected CRS in ground metres; choose a Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.</source>
      <translation>工作坐标系 {} 不是以地面米为单位的投影坐标系；请选择高斯-克吕格或 UTM 投影带（如 EPSG:4548），或留空。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/component_inputs.py" />
      <source>Coding scheme</source>
      <translation>编码方案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/component_inputs.py" />
      <source>Your own classes (CSV, extends or overrides the table; optional)</source>
      <translation>自定义类别（CSV，扩充或覆盖类别表；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/component_inputs.py" />
      <source>Grid code field of the unit grids</source>
      <translation>单元网格的标识码字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/component_inputs.py" />
      <source>GB/T 47678.5-2026: 5-digit classes, 17-digit IDs</source>
      <translation>GB/T 47678.5-2026：5 位类别，17 位标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/component_inputs.py" />
      <source>GB/T 30428.2-2013: 4-digit classes, 16-digit IDs</source>
      <translation>GB/T 30428.2-2013：4 位类别，16 位标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/component_inputs.py" />
      <source>{} classes added or overridden from {}.</source>
      <translation>添加或覆盖了 {} 个类别（来自 {}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/component_inputs.py" />
      <source>The unit-grid layer has no field '{}'; its fields are: {}</source>
      <translation>单元网格图层没有字段“{}”；其字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>The workload layer must contain points (components or past cases).</source>
      <translation>工作量图层必须是点图层（部件或历史案件）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>The previous grid layer has no field '{}'; its fields are: {}</source>
      <translation>原网格图层没有字段“{}”；其字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>Layer '{}' to follow does not contain lines; choose road, river or wall line layers.</source>
      <translation>要沿用的图层“{}”不含线要素；请选择道路、河流或围墙线图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>Layer '{}' has no road-class field '{}': its lines are barriers (rivers, walls) that merging crosses last.</source>
      <translation>图层“{}”没有道路等级字段“{}”：其线视为屏障（河流、围墙），合并时最后才跨越。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>Workload feature {}: weight {} is negative; weights count workload and must be ≥ 0.</source>
      <translation>工作量要素 {}：权重 {} 为负数；权重表示工作量，必须 ≥ 0。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>Previous grid feature {} has no geometry; delete it or draw its polygon.</source>
      <translation>原网格要素 {} 没有几何图形；请删除它或绘制其多边形。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>Layer '{}': road classes not known to the plugin were ranked as minor roads: {}. Give numeric ranks (1 = alley … 6 = expressway) to control merging.</source>
      <translation>图层“{}”：插件不认识的道路等级按支路处理：{}。可填写数字等级（1 = 胡同 … 6 = 快速路）来控制合并。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/grid_inputs.py" />
      <source>Workload feature {}: weight '{}' in field '{}' is not a number; fix the value or choose another field.</source>
      <translation>工作量要素 {}：字段“{}”中的权重“{}”不是数字；请修正该值或选择其他字段。</translation>
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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GridPlugin</name>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>road suffix differs</source>
      <translation>道路通名不同</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>road name similar</source>
      <translation>道路名称相近</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>place name similar</source>
      <translation>地名相近</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>no door number</source>
      <translation>没有门牌号</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>door number not in the gazetteer; nearest plate</source>
      <translation>门牌号不在地址库中，取最近的门牌</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>district differs</source>
      <translation>区县不一致</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>street differs</source>
      <translation>街道不一致</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>community differs</source>
      <translation>社区不一致</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>several entries fit</source>
      <translation>有多个条目同样符合</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>nothing recognised</source>
      <translation>未能识别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>road not in the gazetteer</source>
      <translation>道路不在地址库中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>'{address}' is not in the gazetteer</source>
      <translation>“{address}”不在地址库中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>'{address}' fits several gazetteer entries equally well</source>
      <translation>“{address}”同样符合地址库中的多个条目</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>'{address}' matched with confidence {confidence}, below {minimum}</source>
      <translation>“{address}”的匹配置信度为 {confidence}，低于 {minimum}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>{count:,} rows have a class that is not in the class table {scheme}, and are rejected: {values}. Add these classes in a CSV of your own classes (USER_CLASSES; columns class_code and name_en or name_zh, the name as written here), or correct the class column.</source>
      <translation>{count:,} 行的类别不在类别表 {scheme} 中，已被拒绝：{values}。请在自定义类别 CSV（USER_CLASSES；列为 class_code 以及 name_en 或 name_zh，名称按此处的写法）中添加这些类别，或修正类别列。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>'{value}' ({count:,} rows)</source>
      <translation>“{value}”（{count:,} 行）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>kind '{value}' is neither 部件 (component) nor 事件 (event)</source>
      <translation>类型“{value}”既不是部件也不是事件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>and {count:,} more values ({rows:,} rows)</source>
      <translation>以及另外 {count:,} 个值（{rows:,} 行）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_fields.py" />
      <source>The input has no field for {missing}; map it in FIELD_MAP, e.g. '{example}'. Input fields: {fields}.</source>
      <translation>输入中没有对应 {missing} 的字段；请在 FIELD_MAP 中映射，例如 '{example}'。输入字段：{fields}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_fields.py" />
      <source>FIELD_MAP entry '{entry}' is not 'case field=input field'; case fields are {fields}.</source>
      <translation>FIELD_MAP 条目 '{entry}' 不符合 '案件字段=输入字段' 的格式；案件字段有：{fields}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_fields.py" />
      <source>FIELD_MAP maps {target} to '{source}', but the input has no such field; its fields are {fields}.</source>
      <translation>FIELD_MAP 将 {target} 映射到“{source}”，但输入中没有该字段；其字段为：{fields}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} rows rejected. Most common reasons: {reasons}</source>
      <translation>{count:,} 行被拒绝。最常见的原因：{reasons}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>All {count:,} rows were rejected, so nothing was imported and the store is unchanged. Most common reasons: {reasons}. Every row and its reasons are in {path}.</source>
      <translation>全部 {count:,} 行都被拒绝，因此没有导入任何数据，案件库保持不变。最常见的原因：{reasons}。每一行及其原因见 {path}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} × {reason}</source>
      <translation>{count:,} 行 × {reason}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} × {reason} (first in row {row})</source>
      <translation>{count:,} × {reason}（首次出现在第 {row} 行）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} other kinds of reason</source>
      <translation>另有 {count:,} 种原因</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/duplicates.py" />
      <source>identical duplicate of row {row}; imported once</source>
      <translation>与第 {row} 行完全相同；只导入一次</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/duplicates.py" />
      <source>case id {case_id} appears again in rows {rows} with different content; none of them is imported: correct or remove the wrong rows</source>
      <translation>案件编号 {case_id} 在第 {rows} 行再次出现且内容不同；这些行均未导入：请更正或删除错误的行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>New hot spot</source>
      <translation>新增热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Consecutive hot spot</source>
      <translation>连续热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Intensifying hot spot</source>
      <translation>加强热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Persistent hot spot</source>
      <translation>持续热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Diminishing hot spot</source>
      <translation>减弱热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Sporadic hot spot</source>
      <translation>零散热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Oscillating hot spot</source>
      <translation>振荡热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Historical hot spot</source>
      <translation>历史热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>No pattern detected</source>
      <translation>未检测到模式</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>New cold spot</source>
      <translation>新增冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Consecutive cold spot</source>
      <translation>连续冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Intensifying cold spot</source>
      <translation>加强冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Persistent cold spot</source>
      <translation>持续冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Diminishing cold spot</source>
      <translation>减弱冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Sporadic cold spot</source>
      <translation>零散冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Oscillating cold spot</source>
      <translation>振荡冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Historical cold spot</source>
      <translation>历史冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} has the time '{value}', which is not an ISO date or date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)</source>
      <translation>第 {record} 条记录的时间“{value}”不是 ISO 日期或日期时间（YYYY-MM-DD 或 YYYY-MM-DDTHH:MM:SS）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} has no date; give every record a local date and time</source>
      <translation>第 {record} 条记录没有日期；请为每条记录填写本地日期和时间</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the time unit must be day, week or month, got '{unit}'</source>
      <translation>时间单位必须是日、周或月，而不是“{unit}”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>there are no dates to put into time bins; choose a period with cases</source>
      <translation>没有可划分时间段的日期；请选择有案件的时段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the last time bin {last} comes before the first {first}; swap the two</source>
      <translation>最后一个时间段 {last} 早于第一个时间段 {first}；请交换两者</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} falls outside the period {first} to {last}; choose a period that holds every record, or leave the others out</source>
      <translation>第 {record} 条记录不在 {first} 至 {last} 时段内；请选择包含所有记录的时段，或排除其他记录</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>got {grids} grid indices and {bins} time bins; give one of each per record</source>
      <translation>得到 {grids} 个网格序号和 {bins} 个时间段；每条记录应各有一个</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} names grid {value}, outside 0 to {last}</source>
      <translation>第 {record} 条记录的网格 {value} 超出 0 至 {last} 的范围</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} names time bin {value}, outside 0 to {last}</source>
      <translation>第 {record} 条记录的时间段 {value} 超出 0 至 {last} 的范围</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the neighbour rings must be a whole number, 1 or more, got {rings}</source>
      <translation>邻域圈数必须是不小于 1 的整数，而不是 {rings}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the space-time cube needs one row per grid and one column per time bin, got {dims} dimensions</source>
      <translation>时空立方体应每个网格一行、每个时间段一列，而给出的是 {dims} 维</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>hot spot analysis needs at least 3 units, got {count}; choose more grids</source>
      <translation>热点分析至少需要 3 个单元，当前只有 {count} 个；请选择更多网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the space-time cube has {rows} grids but the neighbours {units}; give the same grids in the same order</source>
      <translation>时空立方体有 {rows} 个网格，邻接关系却有 {units} 个；请按相同顺序给出相同的网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>grid {grid} has no numeric value in time bin {bin}; count 0 for a bin without cases</source>
      <translation>网格 {grid} 在时间段 {bin} 没有数值；没有案件的时间段请计 0</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>every grid has the value {value} in every time bin, so none stands out; choose a longer period, more grids or other cases</source>
      <translation>每个网格在每个时间段的值都是 {value}，没有任何网格突出；请选择更长的时段、更多网格或其他案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the time window must be a whole number of bins, 0 or more, got {window}</source>
      <translation>时间窗口必须是不小于 0 的整数个时间段，而不是 {window}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>give hot and cold bins of the same shape and one trend per grid</source>
      <translation>热点与冷点时间段的形状必须相同，且每个网格一个趋势</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>a bin cannot be a hot and a cold spot at once</source>
      <translation>一个时间段不能同时是热点和冷点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the FDR correction must be cube, slice or none, got '{fdr}'</source>
      <translation>FDR 校正必须是 cube、slice 或 none，而不是“{fdr}”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>emerging hot spot analysis needs at least {minimum} time bins, got {count}; choose a longer period or shorter time bins</source>
      <translation>新兴热点分析至少需要 {minimum} 个时间段，实际只有 {count} 个；请选择更长的时段或更短的时间段单位</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>a time window of {window} bins leaves {left} bins for the trend test, which needs at least 2; choose a smaller window or more bins</source>
      <translation>{window} 个时间段的时间窗口只给趋势检验留下 {left} 个时间段，而它至少需要 2 个；请缩小窗口或增加时间段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the Mann-Kendall trend test needs at least 2 time bins, got {count}; choose a longer period or shorter time bins</source>
      <translation>Mann-Kendall 趋势检验至少需要 2 个时间段，实际只有 {count} 个；请选择更长的时段或更短的时间段单位</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} has the time '{value}' with a time zone; give local times (the district's wall clock) without a zone</source>
      <translation>第 {record} 条记录的时间“{value}”带有时区；请给出不带时区的本地时间（本辖区的钟表时间）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>应结案数: valid cases filed in the period</source>
      <translation>应结案数：本期立案的有效案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>应结案数 or 结案数 (parameter)</source>
      <translation>应结案数或结案数（参数）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Cases filed</source>
      <translation>立案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>cases filed in the period, invalid ones included</source>
      <translation>本期立案的案件，含作废案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Cases due</source>
      <translation>应结案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>valid cases filed in the period (立案数 − 作废数)</source>
      <translation>本期立案的有效案件（立案数 − 作废数）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Accurate filing rate</source>
      <translation>准确立案率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>立案数 − 作废数</source>
      <translation>立案数 − 作废数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>立案数</source>
      <translation>立案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Disposal rate</source>
      <translation>处置率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>disposed of before the cut-off</source>
      <translation>截止时点前处置完成</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>On-time disposal rate</source>
      <translation>按期处置率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>disposed of before the cut-off and at or before the deadline</source>
      <translation>截止时点前且不晚于处置时限处置完成</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Overdue pending rate</source>
      <translation>超期待处置率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>not disposed of by the cut-off, deadline before the cut-off</source>
      <translation>截止时点前未处置完成且处置时限早于截止时点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Closing rate</source>
      <translation>结案率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>closed before the cut-off</source>
      <translation>截止时点前结案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>On-time closing rate</source>
      <translation>按期结案率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>closed before the cut-off and at or before the deadline</source>
      <translation>截止时点前且不晚于处置时限结案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Late closing rate</source>
      <translation>超期结案率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>closed before the cut-off and after the deadline</source>
      <translation>截止时点前结案但晚于处置时限</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Rework rate</source>
      <translation>返工率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>cases reworked at least once (rework_count &gt; 0; of the closed ones over 结案数)</source>
      <translation>至少返工一次的案件（rework_count &gt; 0；以结案数为分母时只计已结案的）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Postponement rate</source>
      <translation>延期率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>cases postponed at least once (postpone_count &gt; 0)</source>
      <translation>至少延期一次的案件（postpone_count &gt; 0）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Overdue open cases</source>
      <translation>超期未结案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>valid cases not closed by the cut-off whose deadline is before it</source>
      <translation>截止时点前未结案且处置时限早于截止时点的有效案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Mean handling time (h)</source>
      <translation>平均结案时长（小时）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>mean of closing time − filing time, cases closed by the cut-off</source>
      <translation>结案时间 − 立案时间的平均值，截止时点前结案的案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Median handling time (h)</source>
      <translation>结案时长中位数（小时）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>median of closing time − filing time, cases closed by the cut-off</source>
      <translation>结案时间 − 立案时间的中位数，截止时点前结案的案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>{what} '{value}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.</source>
      <translation>{what}“{value}”不是日期或时间；请写成 2025-03-01 或 2025-03-01 08:00。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period's start</source>
      <translation>评价期的起始</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period's end</source>
      <translation>评价期的结束</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period is empty: its end {end} is not after its start {start}; the end is exclusive (March 2025 is 2025-03-01 to 2025-04-01).</source>
      <translation>评价期为空：结束 {end} 不晚于起始 {start}；结束时间不含在内（2025 年 3 月即 2025-03-01 至 2025-04-01）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The grace after the period's end is {days} days; give 0 or more.</source>
      <translation>评价期结束后的宽限期为 {days} 天；请给出 0 或更大的值。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period {start} to {end} and the one before it of equal length do not fit the years {first} to {last}; give a shorter period or a smaller grace.</source>
      <translation>评价期 {start} 至 {end} 及其前一个等长的期间超出了 {first} 至 {last} 年；请给出更短的期间或更小的宽限期。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The fewest cases a unit needs to be graded is {n}; give 1 or more.</source>
      <translation>参与评级所需的最少案件数为 {n}；请给出 1 或更大的值。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The denominator '{value}' is unknown; use due (应结案数) or closed (结案数).</source>
      <translation>分母“{value}”未知；请使用 due（应结案数）或 closed（结案数）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>unit grid</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>community</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>street</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>department</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no unit grid)</source>
      <translation>（无单元网格）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no community)</source>
      <translation>（无社区）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no street)</source>
      <translation>（无街道）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no department)</source>
      <translation>（无处置部门）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no source)</source>
      <translation>（无来源）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS gives no rate a weight above 0; weigh at least one, e.g. intime_close_rate=1.</source>
      <translation>WEIGHTS 没有给任何指标大于 0 的权重；请至少给一个，例如 intime_close_rate=1。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases reported in the period have neither a filing time nor a later stage: they were not filed (立案) and are in no count but 'unfiled'.</source>
      <translation>本期上报的 {n} 件案件既无立案时间也无后续环节：它们未立案，只计入“unfiled”（未立案）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases have no filing time but were dispatched, disposed of or closed: they count as filed at their report time ('filed_from_report').</source>
      <translation>{n} 件案件没有立案时间，但已派遣、处置或结案：按上报时间计为立案（“filed_from_report”）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} filed cases are invalid (作废): they count in 立案数 and 准确立案率 only.</source>
      <translation>{n} 件立案案件已作废：只计入立案数和准确立案率。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} valid cases have no deadline: they stay in every denominator and are neither on time nor overdue ('no_deadline').</source>
      <translation>{n} 件有效案件没有处置时限：它们留在所有分母中，既不计按期也不计超期（“no_deadline”）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} closed cases have no disposal time: they count as disposed of when they were closed ('closed_no_disposed').</source>
      <translation>{n} 件已结案案件没有处置时间：按结案时间计为处置完成（“closed_no_disposed”）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases were closed before their filing time (a date written without a time of day?): they count as closed and are left out of the handling times ('bad_order').</source>
      <translation>{n} 件案件的结案时间早于立案时间（只写了日期未写时刻？）：计为已结案，但不计入结案时长（“bad_order”）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS entry '{entry}' is not 'rate=weight'; the rates are {rates}.</source>
      <translation>WEIGHTS 中的“{entry}”不是“指标=权重”；可用的指标为 {rates}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS entry '{entry}': the weight '{weight}' is not a number of 0 or more.</source>
      <translation>WEIGHTS 中的“{entry}”：权重“{weight}”不是大于或等于 0 的数。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS names {rate} twice; give each rate once.</source>
      <translation>WEIGHTS 两次给出 {rate}；每个指标只能给一次。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>No case was filed in the period {period}: every count is 0 and every rate empty, so no unit is graded.</source>
      <translation>评价期 {period} 内没有立案的案件：所有计数为 0、所有比率为空，因此没有单元参与评级。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>No case was filed in the previous period {period}: there is nothing to compare with, and the changes are empty.</source>
      <translation>上一期 {period} 内没有立案的案件：无可比较，变化值为空。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>give them a department in the source and import them again</source>
      <translation>请在源数据中填写处置部门后重新导入</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>give them one in the source, or import them with the unit grids in the store</source>
      <translation>请在源数据中补上，或在库中已有单元网格后再导入</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases have no {what}: they are evaluated together as '{unit}'; {fix}.</source>
      <translation>{n} 件案件没有{what}：它们合并为“{unit}”一起评价；{fix}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases lie in {k} {what} codes that are not among the store's unit grids ({codes}): they are evaluated in the table, without a polygon.</source>
      <translation>{n} 件案件位于 {k} 个不在库中单元网格里的{what}代码中（{codes}）：它们在表中评价，但没有面。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{k} units have fewer than {min} due cases: they are not graded or ranked.</source>
      <translation>{k} 个单元的应结案数少于 {min}：不评级也不排名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>The composite score and the grades ({bands}) are this plugin's convention, not GB/T 30428.4's: the standard's weights were not available.</source>
      <translation>综合指标值与等级（{bands}）为本插件的约定，并非 GB/T 30428.4 的规定：未能获得该标准的权重。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>No unit could be graded in this period.</source>
      <translation>本期没有可评级的单元。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Composite</source>
      <translation>综合指标值</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>weighted rates</source>
      <translation>各比率的加权值</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Grade</source>
      <translation>等级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Due cases</source>
      <translation>应结案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Previous rank</source>
      <translation>上期排名</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Previous grade</source>
      <translation>上期等级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Composite change</source>
      <translation>综合指标值变化</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Numerator</source>
      <translation>分子</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Denominator</source>
      <translation>分母</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Better</source>
      <translation>较好</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Period</source>
      <translation>周期</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Previous period</source>
      <translation>上一周期</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Level</source>
      <translation>评价层级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Composite weights</source>
      <translation>综合指标权重</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>All cases of the period</source>
      <translation>本期全部案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Ranking and grades</source>
      <translation>排名与等级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Indicators of every unit (change against the previous period)</source>
      <translation>各单元指标（与上期相比的变化）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Definitions</source>
      <translation>指标定义</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>lower</source>
      <translation>越低越好</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>higher</source>
      <translation>越高越好</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Notes on the data</source>
      <translation>数据说明</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Chinese name</source>
      <translation>中文名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Hot spot, 99% confidence</source>
      <translation>热点（99% 置信度）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Hot spot, 95% confidence</source>
      <translation>热点（95% 置信度）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Hot spot, 90% confidence</source>
      <translation>热点（90% 置信度）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Not significant</source>
      <translation>不显著</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Cold spot, 90% confidence</source>
      <translation>冷点（90% 置信度）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Cold spot, 95% confidence</source>
      <translation>冷点（95% 置信度）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Cold spot, 99% confidence</source>
      <translation>冷点（99% 置信度）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>contiguity rule must be queen or rook, got '{rule}'</source>
      <translation>邻接规则必须是 queen 或 rook，当前为“{rule}”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>the neighbour tolerance must be zero or positive, got {value}</source>
      <translation>邻接容差必须为零或正数，当前为 {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>feature {fid} has no geometry; draw it or remove the feature</source>
      <translation>要素 {fid} 没有几何图形；请绘制或删除该要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>got {values} values for {units} units; give one value per unit</source>
      <translation>{units} 个单元却有 {values} 个值；请为每个单元给出一个值</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>unit {unit} has no numeric value; count 0 for a grid without cases</source>
      <translation>单元 {unit} 没有数值；没有案件的网格请计为 0</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>neighbour pairs need as many first as second units, got {first} and {second}</source>
      <translation>相邻对中第一个单元与第二个单元的数量必须相同，当前分别为 {first} 和 {second}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>a neighbour pair names a unit outside 0 to {last}; give indices of the units</source>
      <translation>某个相邻对引用了 0 到 {last} 范围之外的单元；请给出单元的索引号</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Kernel '{kernel}' is unknown; use one of {kernels}.</source>
      <translation>未知核函数“{kernel}”；请使用 {kernels} 之一。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Output '{output}' is unknown; use 'raw' or 'scaled'.</source>
      <translation>未知输出类型“{output}”；请使用 'raw' 或 'scaled'。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Method '{method}' is unknown; use 'auto', 'exact' or 'fft'.</source>
      <translation>未知计算方法“{method}”；请使用 'auto'、'exact' 或 'fft'。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The decay ratio {decay} is not a number; use a value such as 0.</source>
      <translation>衰减比率 {decay} 不是数字；请使用 0 之类的数值。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The radius must be a positive distance, not {radius}; use e.g. 200 (metres).</source>
      <translation>半径必须是大于 0 的距离，而不是 {radius}；例如使用 200（米）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The pixel size must be a positive distance, not {pixel}; use e.g. 10 (metres).</source>
      <translation>像元大小必须是大于 0 的距离，而不是 {pixel}；例如使用 10（米）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The pixel size {pixel} is too large for the radius {radius}: points could miss every pixel centre; use a pixel size of at most radius × 1.41 (ideally radius / 10).</source>
      <translation>像元大小 {pixel} 相对于半径 {radius} 过大：点的核范围可能覆盖不到任何像元中心；像元大小最多为半径 × 1.41（最好为半径 / 10）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The radius {radius} is {count} pixels of {pixel}; use a larger pixel size (at most {limit} pixels per radius).</source>
      <translation>半径 {radius} 相当于 {count} 个大小为 {pixel} 的像元；请增大像元大小（每个半径最多 {limit} 个像元）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The heatmap would have {cols} × {rows} pixels; use a larger pixel size or a smaller extent (at most {limit} pixels).</source>
      <translation>热力图将有 {cols} × {rows} 个像元；请增大像元大小或缩小范围（最多 {limit} 个像元）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>There are {nx} x but {ny} y coordinates; give one of each per point.</source>
      <translation>有 {nx} 个 x 坐标，却有 {ny} 个 y 坐标；每个点应各有一个 x 和 y 坐标。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Point {index} has no finite coordinates ({count} such points); drop points with empty geometry first.</source>
      <translation>点 {index} 没有有效的坐标值（共 {count} 个这样的点）；请先删除几何图形为空的点。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>There are {nw} weights for {n} points; give one weight per point.</source>
      <translation>{n} 个点却有 {nw} 个权重；请为每个点给出一个权重。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The weight of point {index} is not a number ({count} such points); QGIS counts NULL weights as 0, so replace them by 0.</source>
      <translation>点 {index} 的权重不是数字（共 {count} 个这样的点）；QGIS 将 NULL 权重计为 0，请将其替换为 0。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>There are no points, so the heatmap has no extent; add points or give a frame (x_min, y_max, columns, rows) for an all-zero raster.</source>
      <translation>没有任何点，热力图无法确定范围；请添加点，或给出栅格框架（x_min, y_max, columns, rows）以生成全零栅格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the report (上报)</source>
      <translation>上报</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the filing (立案)</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the dispatch (派遣)</source>
      <translation>派遣</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the disposal (处置)</source>
      <translation>处置</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the closing (结案)</source>
      <translation>结案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the deadline (处置时限)</source>
      <translation>处置时限</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}: {field} '{value}' is not a count; write a whole number from 0 to {most}, or leave it empty (unknown)</source>
      <translation>第 {row} 行：{field}“{value}”不是次数；请填写 0 到 {most} 的整数，或留空（未知）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}: {field} '{value}' is not a yes/no value; write 是 or 否 (also 1/0, true/false, Y/N, 作废/有效), or leave it empty (unknown)</source>
      <translation>第 {row} 行：{field}“{value}”不是“是/否”值；请填写“是”或“否”（也可用 1/0、true/false、Y/N、作废/有效），或留空（未知）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}, case {case_id}</source>
      <translation>第 {row} 行，案件 {case_id}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}</source>
      <translation>第 {row} 行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>{who}: {field} '{later_time}' is before {earlier} '{earlier_time}', but {later_stage} cannot come before {earlier_stage}; correct the wrong time</source>
      <translation>{who}：{field}“{later_time}”早于{earlier}“{earlier_time}”，而{later_stage}不能早于{earlier_stage}；请改正错误的时间</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/months.py" />
      <source>'{text}' is not the start of a month; write the month as 2025-01 or its first day as 2025-01-01.</source>
      <translation>“{text}”不是一个月的开始；请把月份写成 2025-01，或写成该月一日 2025-01-01。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Dimension</source>
      <translation>维度</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Share of period (%)</source>
      <translation>占本周期比例（%）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Change (%)</source>
      <translation>变化（%）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Unit grid</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Case class</source>
      <translation>案件类别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>(not assigned)</source>
      <translation>（未指定）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>new</source>
      <translation>新增</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Top {n} unit grids</source>
      <translation>前 {n} 位单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Top {n} case classes</source>
      <translation>前 {n} 位案件类别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>{period}: {count} cases</source>
      <translation>{period}：{count} 个案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Compared with {previous}: {count} cases</source>
      <translation>对比 {previous}：{count} 个案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>The data have no period before this one to compare with.</source>
      <translation>数据中没有可供对比的上一周期。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>period must be one of day, week, month, quarter, year; got '{period}'</source>
      <translation>周期必须是 day、week、month、quarter、year 之一，当前为“{period}”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>got {names} grid names for {cases} cases; give one name per case or a mapping from grid code to name</source>
      <translation>{cases} 个案件却有 {names} 个网格名称；请为每个案件给出一个名称，或给出网格编码到名称的映射</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>got {names} class names for {cases} cases; give one name per case or a mapping from class code to name</source>
      <translation>{cases} 个案件却有 {names} 个类别名称；请为每个案件给出一个名称，或给出类别代码到名称的映射</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>got {periods} periods, {grids} grid codes and {classes} class codes; give one of each per case</source>
      <translation>得到 {periods} 个周期、{grids} 个网格编码和 {classes} 个类别代码；每个案件应各有一个</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>the number of top grids and classes must be at least 1, got {n}</source>
      <translation>列出的前几位网格和类别的数量至少为 1，当前为 {n}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>case {index} has no period; give every case a report time</source>
      <translation>案件 {index} 没有所属周期；请为每个案件给出上报时间</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Time zone '{zone}' is unknown; use an IANA name such as Asia/Shanghai or UTC.</source>
      <translation>未知时区“{zone}”；请使用 IANA 时区名称，例如 Asia/Shanghai 或 UTC。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>case {index}: time '{value}' is not an ISO 8601 time such as 2025-03-01T04:00:00Z; correct or remove it</source>
      <translation>案件 {index}：时间“{value}”不是 ISO 8601 时间（例如 2025-03-01T04:00:00Z）；请更正或删除</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/piles.py" />
      <source>A default-location pile needs a factor of at least 1 and at least 2 cases (got {factor} and {cases}).</source>
      <translation>默认位置堆积点的倍数至少为 1，案件数至少为 2（当前为 {factor} 和 {cases}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>Coordinates in 'another CRS' need that CRS; give it, e.g. EPSG:4548.</source>
      <translation>坐标为“其他坐标系”时需要指定该坐标系，例如 EPSG:4548。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>Kind '{value}' is neither 部件 (component) nor 事件 (event).</source>
      <translation>类型“{value}”既不是部件也不是事件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no case id (field {field} is empty)</source>
      <translation>无案件编号（字段 {field} 为空）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>longitude and latitude look swapped ({x}, {y}); check the x/y field mapping</source>
      <translation>经度和纬度似乎颠倒了（{x}, {y}）；请检查 x/y 字段映射</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>location ({lon:.6f}, {lat:.6f}) is outside every unit grid of the district</source>
      <translation>位置 ({lon:.6f}, {lat:.6f}) 不在本区任何单元网格内</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>row {row}, column '{field}' contains a NUL character (\x00); remove it</source>
      <translation>第 {row} 行的列“{field}”含有 NUL 字符（\x00）；请删除</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no report time (field {field} is empty)</source>
      <translation>无上报时间（字段 {field} 为空）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no coordinates, and the address could not be placed: {reason}</source>
      <translation>没有坐标，且无法按地址定位：{reason}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no coordinates (fields {x} and {y} are empty); geocode the address first</source>
      <translation>无坐标（字段 {x} 和 {y} 为空）；请先对地址进行地理编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>coordinates '{x}', '{y}' are not numbers</source>
      <translation>坐标“{x}”、“{y}”不是数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DATE_FORMAT '{value}' is neither a preset ({presets}) nor a strftime pattern such as %m/%d/%Y %I:%M:%S %p.</source>
      <translation>DATE_FORMAT“{value}”既不是预设（{presets}），也不是 strftime 格式串（例如 %m/%d/%Y %I:%M:%S %p）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DATE_FORMAT '{value}' has no full date; a pattern needs the year, month and day, e.g. %m/%d/%Y %I:%M:%S %p.</source>
      <translation>DATE_FORMAT“{value}”不含完整日期；格式串需要年、月、日，例如 %m/%d/%Y %I:%M:%S %p。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>{field} '{value}' is not a date and time; write it as 2025-03-01 08:05:00, or set DATE_FORMAT to the format of the file (e.g. %d.%m.%Y %H:%M)</source>
      <translation>{field}“{value}”不是日期时间；请写成 2025-03-01 08:05:00，或把 DATE_FORMAT 设为文件所用的格式（例如 %d.%m.%Y %H:%M）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>the pattern '{pattern}'</source>
      <translation>格式串“{pattern}”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DATE_FORMAT '{value}' is not a pattern datetime.strptime reads ({reason}); write it as %m/%d/%Y %I:%M:%S %p or %d.%m.%Y %H:%M.</source>
      <translation>DATE_FORMAT“{value}”不是 datetime.strptime 能读取的格式串（{reason}）；请写成 %m/%d/%Y %I:%M:%S %p 或 %d.%m.%Y %H:%M 这样的形式。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>The dates mix both orders: row {row} has {field} '{value}', which only month/day/year reads ({count} values read only so), and row {row2} has {field2} '{value2}', which only day/month/year reads ({count2} values); set DATE_FORMAT to US or DMY (the values of the other order are then rejected).</source>
      <translation>日期混用了两种顺序：第 {row} 行的 {field}“{value}”只能按月/日/年读取（共 {count} 个值只能这样读），而第 {row2} 行的 {field2}“{value2}”只能按日/月/年读取（{count2} 个值）；请把 DATE_FORMAT 设为 US 或 DMY（另一种顺序的值随后会被拒绝）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>{field} '{value}' is not a date and time in the format {format}; correct it, or set DATE_FORMAT to the format of the file</source>
      <translation>{field}“{value}”不是 {format} 格式的日期时间；请修正该值，或把 DATE_FORMAT 设为文件所用的格式</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>ISO (year first, e.g. 2015-01-13 15:04:05)</source>
      <translation>ISO（年在前，例如 2015-01-13 15:04:05）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>US (MM/DD/YYYY hh:mm:ss AM/PM, or 24 h)</source>
      <translation>美式（MM/DD/YYYY hh:mm:ss AM/PM，或 24 小时制）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DMY (DD/MM/YYYY HH:MM)</source>
      <translation>日月年（DD/MM/YYYY HH:MM）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Excel serial numbers (e.g. 42017.5)</source>
      <translation>Excel 序列号（例如 42017.5）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Every day/month/year date reads both ways, so the order is unknown: row {row} has {field} '{value}', which is {month_first} read month first (DATE_FORMAT=US) and {day_first} read day first (DATE_FORMAT=DMY); set DATE_FORMAT.</source>
      <translation>所有日/月/年日期都有两种读法，无法确定顺序：第 {row} 行的 {field}“{value}”按月在前读是 {month_first}（DATE_FORMAT=US），按日在前读是 {day_first}（DATE_FORMAT=DMY）；请设置 DATE_FORMAT。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>{field}: numbers read as Excel serial dates, e.g. row {row} '{value}' = {time} local time; set DATE_FORMAT if they are something else.</source>
      <translation>{field}：数字按 Excel 日期序列号读取，例如第 {row} 行的“{value}” = 当地时间 {time}；如果它们是别的含义，请设置 DATE_FORMAT。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>row {row}: {field} '{value}' is outside the years {window} accepted for case times; correct it, or widen the window (EARLIEST_YEAR, LATEST_YEAR)</source>
      <translation>第 {row} 行：{field}“{value}”不在案件时间允许的年份 {window} 之内；请更正，或放宽年份范围（EARLIEST_YEAR、LATEST_YEAR）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Dates read as month/day/year: row {row} has {field} '{value}', which only month first reads; set DATE_FORMAT to change it.</source>
      <translation>日期按月/日/年读取：第 {row} 行的 {field}“{value}”只能按月在前读取；如需改变，请设置 DATE_FORMAT。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Dates read as day/month/year: row {row} has {field} '{value}', which only day first reads; set DATE_FORMAT to change it.</source>
      <translation>日期按日/月/年读取：第 {row} 行的 {field}“{value}”只能按日在前读取；如需改变，请设置 DATE_FORMAT。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/times.py" />
      <source>The years {earliest}–{latest} are no time window; give an earliest year before or equal to the latest one, both between {first} and {last}.</source>
      <translation>{earliest}–{latest} 年不是有效的时间范围：最早年份不能晚于最晚年份，且两者都须在 {first} 到 {last} 之间。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>give one series or a table of series (one per row), got {dims} dimensions</source>
      <translation>请给出一个序列或一个序列表（每行一个），而给出的是 {dims} 维</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>series {row} has no numeric value at position {position}</source>
      <translation>序列 {row} 在位置 {position} 没有数值</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>p-values must lie between 0 and 1, got {value}</source>
      <translation>p 值必须介于 0 和 1 之间，而不是 {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>the significance level must lie between 0 and 1, got {alpha}</source>
      <translation>显著性水平必须介于 0 和 1 之间，而不是 {alpha}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>unknown coding scheme '{scheme}'; use {choices}</source>
      <translation>未知的编码方案“{scheme}”；请使用 {choices}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>{origin}, line {line}: {problem}</source>
      <translation>{origin}，第 {line} 行：{problem}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class code '{code}' has {found} digits and belongs to the {other} scheme, not {scheme}</source>
      <translation>分类代码“{code}”为 {found} 位，属于 {other} 编码方案，而不是 {scheme}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class code '{code}' must be {digits} ASCII digits: a 2-digit major and a {minor}-digit minor class, neither of them zero</source>
      <translation>分类代码“{code}”应为 {digits} 位半角数字：2 位大类加 {minor} 位小类，且均不能为零</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>unknown class '{value}': no class of {scheme} has this code or exact name; use the class code or the name as written in the class table</source>
      <translation>未知分类“{value}”：{scheme} 中没有此代码或完全一致的名称；请使用分类代码，或按分类表中的写法填写名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>the class_code cell is empty; give the {digits}-digit class code</source>
      <translation>class_code 单元格为空；请填写 {digits} 位分类代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>major_code '{major}' differs from the first two digits of class code {code}; correct one of them</source>
      <translation>大类代码 major_code“{major}”与分类代码 {code} 的前两位不一致；请更正其中之一</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>geometry_types '{value}' is not a list of point, line and polygon; write for example point|polygon</source>
      <translation>geometry_types“{value}”不是由 point、line、polygon 组成的列表；请写成例如 point|polygon</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>no class given; fill in a class code or a class name</source>
      <translation>未给出分类；请填写分类代码或分类名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>unknown class code '{code}': it is not in the {scheme} class table; add it with a user class file</source>
      <translation>未知分类代码“{code}”：不在 {scheme} 分类表中；请通过用户分类文件添加</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>the header has no class_code column; name the columns class_code, name_zh or name_en, and optionally geometry_types, major_name_zh</source>
      <translation>表头中没有 class_code 列；列名应为 class_code、name_zh 或 name_en，可选 geometry_types、major_name_zh</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class {code} is new and has no name; fill name_zh or name_en</source>
      <translation>分类 {code} 为新增分类但没有名称；请填写 name_zh 或 name_en</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class code {code} is also on line {first}; keep one of the two rows</source>
      <translation>分类代码 {code} 也出现在第 {first} 行；请只保留其中一行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class name '{name}' is also the name of class {other}; give each class its own name</source>
      <translation>分类名称“{name}”也是分类 {other} 的名称；请为每个分类使用不同的名称</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>no component ID given</source>
      <translation>未给出部件标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}' must be {digits} ASCII digits: district (6), class ({classdigits}) and serial (6, from 000001)</source>
      <translation>部件标识码“{value}”应为 {digits} 位半角数字：行政区划代码（6 位）、分类代码（{classdigits} 位）和顺序码（6 位，从 000001 起）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>district code '{district}' must be 6 ASCII digits of GB/T 2260 (for example 110101)</source>
      <translation>行政区划代码“{district}”应为符合 GB/T 2260 的 6 位半角数字（例如 110101）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>district {district}, class {code}: serial {serial} is outside 000001-999999</source>
      <translation>行政区 {district}，分类 {code}：顺序码 {serial} 超出 000001-999999 范围</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>district {district}, class {code}: no serial left for {count} features; the 6-digit serial ends at 999999, so give these components another class or district</source>
      <translation>行政区 {district}，分类 {code}：已无可用顺序码分配给 {count} 个要素；6 位顺序码最大为 999999，请为这些部件改用其他分类或行政区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}' has {found} digits and belongs to the {other} scheme, not {scheme}</source>
      <translation>部件标识码“{value}”为 {found} 位，属于 {other} 编码方案，而不是 {scheme}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}': class {code} is not in the {scheme} class table</source>
      <translation>部件标识码“{value}”：分类 {code} 不在 {scheme} 分类表中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}' starts with district {found}, not {district}</source>
      <translation>部件标识码“{value}”以行政区划代码 {found} 开头，而不是 {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component IDs: {kept} kept, {new} new, {renumbered} replaced, {unassigned} left empty</source>
      <translation>部件标识码：保留 {kept} 个，新编 {new} 个，替换 {renumbered} 个，留空 {unassigned} 个</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID is already held by a feature with a lower feature id, which keeps it</source>
      <translation>其标识码已被要素 ID 更小的要素使用，由该要素保留</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID is not district + class + serial in ASCII digits of the right length</source>
      <translation>其标识码不是由行政区划代码、分类代码和顺序码组成的、长度正确的半角数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID starts with another district code than {district}</source>
      <translation>其标识码的行政区划代码不是 {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID has the length of the other coding scheme</source>
      <translation>其标识码长度属于另一编码方案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>the class part of their ID differs from the feature's class</source>
      <translation>其标识码中的分类代码与要素的分类不一致</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their class is empty or not in the class table, so no ID can be checked or given</source>
      <translation>其分类为空或不在分类表中，无法校验或编制标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>{listed} and {count:,} more</source>
      <translation>{listed} 以及另外 {count:,} 个</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they were left without an ID; fix the class and run again</source>
      <translation>这些要素未编码；请更正分类后重新运行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>features {fids}: {reason}; {outcome}</source>
      <translation>要素 {fids}：{reason}；{outcome}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: empty class; they get no ID. Fill in the class field {field}.</source>
      <translation>要素 {fids}：类别为空；未赋标识码。请填写类别字段 {field}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they got new IDs</source>
      <translation>已为这些要素编制新的标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: unknown class name: {values}; they get no ID. Write the class code or the name exactly as in the class table of {scheme}, or add these classes in a CSV of your own classes (USER_CLASSES).</source>
      <translation>要素 {fids}：未知类别名称：{values}；未赋标识码。请填写类别代码或与 {scheme} 类别表完全一致的名称，或在自定义类别 CSV（USER_CLASSES）中添加这些类别。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they were left without an ID; turn on renumbering of duplicates to give them new IDs</source>
      <translation>这些要素未编码；如需为其编制新的标识码，请开启“重复标识码重新编码”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they were left without an ID; correct the ID or turn on renumbering of invalid IDs</source>
      <translation>这些要素未编码；请更正标识码，或开启“无效标识码重新编码”</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: unknown class code: {values}; they get no ID. Correct the class field, or add these classes in a CSV of your own classes (USER_CLASSES).</source>
      <translation>要素 {fids}：未知类别代码：{values}；未赋标识码。请修正类别字段，或在自定义类别 CSV（USER_CLASSES）中添加这些类别。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: class code of the other coding scheme: {values}; they get no ID. Choose the scheme of these codes (SCHEME), or give codes of {scheme}.</source>
      <translation>要素 {fids}：属于另一编码方案的类别代码：{values}；未赋标识码。请选择这些代码所属的方案（SCHEME），或填写 {scheme} 的代码。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Component validation report</source>
      <translation>部件检查报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Passed</source>
      <translation>通过</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Failed</source>
      <translation>未通过</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Components checked</source>
      <translation>检查的部件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Feature</source>
      <translation>要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Component ID</source>
      <translation>部件标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>class '{value}' is empty or not in the {scheme} class table</source>
      <translation>类别“{value}”为空或不在 {scheme} 类别表中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>the component stands in no unit grid</source>
      <translation>该部件不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>the ID's class {id_class} differs from the class field's {field_class} ({name})</source>
      <translation>标识码中的类别 {id_class} 与类别字段的 {field_class}（{name}）不一致</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>the recorded grid code '{recorded}' is not the grid it stands in, {located}</source>
      <translation>记录的网格代码“{recorded}”不是其所在网格 {located}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>ID {value} is held by {count} components: features {listing}</source>
      <translation>标识码 {value} 被 {count} 个部件使用：要素 {listing}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>row {row} has {count} values but the header has {fields}: a {delimiter} inside a value needs quotes</source>
      <translation>第 {row} 行有 {count} 个值，而表头只有 {fields} 列：值中的{delimiter}需要用引号括起来</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} has no header row; the first line must name the columns.</source>
      <translation>{path} 没有表头行；第一行必须是列名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} names the column(s) {names} twice; rename them.</source>
      <translation>{path} 中的列名 {names} 重复出现；请重命名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>semicolon</source>
      <translation>分号</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>tab</source>
      <translation>制表符</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>comma</source>
      <translation>逗号</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} (from line {line}) cannot be read as CSV ({error}).</source>
      <translation>{path} 的第 {row} 行（文件第 {line} 行起）无法按 CSV 读取（{error}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Encoding '{encoding}' is not supported; use {choices}.</source>
      <translation>不支持编码“{encoding}”；请使用 {choices}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>The first line of {path} contains NUL characters (\x00): the file is probably UTF-16 text; save it as UTF-8 CSV.</source>
      <translation>{path} 的第一行含有 NUL 字符（\x00）：该文件可能是 UTF-16 文本；请另存为 UTF-8 CSV。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} is empty or missing, so it cannot be the header (HEADER_ROW); give the row that names the columns.</source>
      <translation>{path} 的第 {row} 行为空或不存在，不能作为表头（HEADER_ROW）；请给出列名所在的行。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} (from line {line}) holds a value longer than {limit} characters: most likely a quote (") opened there is never closed. Close the quote, or shorten the value.</source>
      <translation>{path} 的第 {row} 行（文件第 {line} 行起）有一个超过 {limit} 个字符的值：很可能是从这里开始的引号（"）没有闭合。请补上引号，或缩短该值。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {title_row} ('{title}') is a title, not the header: the header is taken from row {row}. Set HEADER_ROW to choose another row.</source>
      <translation>第 {title_row} 行（“{title}”）是标题，不是表头：表头取自第 {row} 行。如需改用其他行，请设置 HEADER_ROW。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Invisible characters (a byte order mark or a zero-width space) were removed from the header name '{name}'.</source>
      <translation>已从表头名称“{name}”中删除不可见字符（字节顺序标记或零宽空格）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Column {column} of the header (row {row}) has no name; it is read as '{name}'.</source>
      <translation>表头（第 {row} 行）的第 {column} 列没有名称；按“{name}”读取。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} cannot be read as CSV above its data ({error}).</source>
      <translation>{path} 中数据之前的部分无法按 CSV 读取（{error}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} is not UTF-8 (byte {at}); choose the GBK/GB18030 encoding.</source>
      <translation>{path} 不是 UTF-8 编码（第 {at} 字节）；请选择 GBK/GB18030 编码。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} is neither UTF-8 nor GBK/GB18030 text (byte {at}); save it as UTF-8 CSV.</source>
      <translation>{path} 既不是 UTF-8 也不是 GBK/GB18030 文本（第 {at} 字节）；请另存为 UTF-8 CSV。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} (line {line}) opens a quote (") that is never closed, so the rest of the file would be read as one value; close the quote or remove it.</source>
      <translation>{path} 的第 {row} 行（文件第 {line} 行）有一个没有闭合的引号（"），文件的其余部分会被当作一个值读取；请补上或删除该引号。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid} cannot be represented in {crs}; choose another coordinate system.</source>
      <translation>要素 {fid} 无法用 {crs} 表示；请选择其他坐标系。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Unknown target coordinate system '{key}'.</source>
      <translation>未知的目标坐标系“{key}”。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Choose the coordinate system for 'Other' (TARGET_CRS).</source>
      <translation>请为“其他”选择坐标系（TARGET_CRS）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>{format} files hold longitude/latitude only (WGS84); choose WGS84, GCJ-02 or CGCS2000 geographic, or write GeoPackage, Shapefile, DXF or CSV for {crs}.</source>
      <translation>{format} 文件只能存放经纬度（WGS84）；请选择 WGS84、GCJ-02 或 CGCS2000 地理坐标，或用 GeoPackage、Shapefile、DXF、CSV 格式输出 {crs}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Field names to rename are not in the layer: {names}. Its fields are: {fields}.</source>
      <translation>要改名的字段不在图层中：{names}。图层字段为：{fields}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>The layer has no geometries, so no Gauss-Krüger zone can be chosen for it.</source>
      <translation>图层没有几何，无法为其选择高斯-克吕格投影带。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid} lies outside the area {crs} is made for ({area}); choose another coordinate system.</source>
      <translation>要素 {fid} 位于 {crs} 的适用范围（{area}）之外；请选择其他坐标系。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid} lies outside {crs} (central meridian {central}°E); choose the zone of the data, the 6-degree zone or a geographic coordinate system.</source>
      <translation>要素 {fid} 位于 {crs}（中央经线 {central}°E）的投影带之外；请选择数据所在的投影带、6 度带或地理坐标系。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>The Shapefile field name '{short}' for '{name}' is longer than 10 bytes; give a shorter one in FIELD_NAMES.</source>
      <translation>字段“{name}”在 Shapefile 中的名称“{short}”超过 10 个字节；请在 FIELD_NAMES 中给出更短的名称。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Fields '{first}' and '{second}' would both be called '{short}' in the Shapefile (10 characters at most); rename one in FIELD_NAMES, e.g. {second}={suggestion}.</source>
      <translation>字段“{first}”和“{second}”在 Shapefile 中都会变成“{short}”（最多 10 个字符）；请在 FIELD_NAMES 中为其中一个改名，例如 {second}={suggestion}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>'{part}' is not a rename; write long_name=short_name.</source>
      <translation>“{part}”不是改名写法；请写成 长字段名=短字段名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid}, field {field}: the text is {size} bytes in {encoding}, more than a Shapefile (DBF) field holds ({limit}); shorten it or export to GeoPackage.</source>
      <translation>要素 {fid} 的字段 {field}：文本按 {encoding} 编码为 {size} 字节，超过 Shapefile（DBF）字段的容量（{limit}）；请缩短文本或导出为 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid}, field {field}: '{char}' cannot be written in {encoding}; choose UTF-8.</source>
      <translation>要素 {fid} 的字段 {field}：字符“{char}”无法用 {encoding} 编码；请选择 UTF-8。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou level must be a whole number from 1 to 10, not {level!r}</source>
      <translation>北斗网格层级必须是 1 到 10 的整数，而不是 {level!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou level must be from 1 to 10, not {level}</source>
      <translation>北斗网格层级必须在 1 到 10 之间，而不是 {level}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>position ({lon}, {lat}) is not a finite longitude/latitude pair</source>
      <translation>位置 ({lon}, {lat}) 不是有效的经纬度</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>longitude {lon} is outside [-180, 180]; give WGS84/CGCS2000 degrees, longitude first</source>
      <translation>经度 {lon} 超出 [-180, 180]；请使用 WGS84/CGCS2000 度数，经度在前</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>latitude {lat} is at or beyond ±88°: the polar BeiDou cells (GB/T 39409 §5.3) are not supported</source>
      <translation>纬度 {lat} 达到或超过 ±88°：不支持北斗极区网格（GB/T 39409 §5.3）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>point {index} (counting from 0) cannot be coded: {problem}</source>
      <translation>第 {index} 个点（从 0 计数）无法编码：{problem}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: character {position} ({char!r}, {what}) must be one of {allowed}</source>
      <translation>北斗网格码 {code!r}：第 {position} 个字符（{char!r}，{what}）必须是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>a BeiDou code must be a string, not {kind}</source>
      <translation>北斗网格码必须是字符串，而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} has {length} characters; a 2D code has 4, 6, 7, 9, 11, 12, 14, 16, 18 or 20 (levels 1-10)</source>
      <translation>北斗网格码 {code!r} 有 {length} 个字符；二维码的长度为 4、6、7、9、11、12、14、16、18 或 20（1–10 级）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} must be written in capitals</source>
      <translation>北斗网格码 {code!r} 必须使用大写字母</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} must start with the hemisphere letter N or S, not {char!r}</source>
      <translation>北斗网格码 {code!r} 必须以半球字母 N 或 S 开头，而不是 {char!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: column 00 is a polar cap code (GB/T 39409 §5.3), which is not supported</source>
      <translation>北斗网格码 {code!r}：列号 00 为极区编码（GB/T 39409 §5.3），暂不支持</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: the level-1 column must be 01-60, not {column!r}</source>
      <translation>北斗网格码 {code!r}：一级网格列号必须为 01–60，而不是 {column!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: the level-1 latitude band must be a letter A-V, not {char!r}</source>
      <translation>北斗网格码 {code!r}：一级网格纬度带必须是字母 A–V，而不是 {char!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} is level {own}; it has no parent at the finer level {level}</source>
      <translation>北斗网格码 {code!r} 为第 {own} 级，不能取更细的第 {level} 级作为上级网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 3-degree zones (73.5E-136.5E); choose a working CRS explicitly</source>
      <translation>经度 {longitude:.4f} 超出中国 CGCS2000 3 度带范围（东经 73.5°–136.5°）；请明确指定工作坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 6-degree zones (72E-138E); choose a working CRS explicitly</source>
      <translation>经度 {longitude:.4f} 超出中国 CGCS2000 6 度带范围（东经 72°–138°）；请明确指定工作坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>district code</source>
      <translation>区县代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>street code</source>
      <translation>街道代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>community code</source>
      <translation>社区代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>{where}: {what} '{value}' in field '{field}' must be {digits} digits</source>
      <translation>{where}：字段“{field}”中的{what}“{value}”应为 {digits} 位数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>grid code '{code}' must be 15 digits</source>
      <translation>单元网格标识码“{code}”应为 15 位数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>community {code}: grid sequence {sequence} is outside 001-999; use a larger cell or split the community</source>
      <translation>社区 {code}：网格顺序号 {sequence} 超出 001–999；请增大网格尺寸或拆分社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>{where}: street code {street} does not start with district code {district}</source>
      <translation>{where}：街道代码 {street} 与区县代码 {district} 不一致（应以其开头）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>{where}: community code {community} does not start with street code {street}</source>
      <translation>{where}：社区代码 {community} 与街道代码 {street} 不一致（应以其开头）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>the communities leave a gap of {area:.1f} m² at ({x:.1f}, {y:.1f}) between features {fids}; no grid covers it. Extend a community over it, or ignore it if it is not part of the district</source>
      <translation>社区之间在 ({x:.1f}, {y:.1f}) 处留有 {area:.1f} 平方米的缝隙（要素 {fids} 之间），没有网格覆盖它。请把某个社区延伸过去；若该处不属于本区，可忽略</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>communities overlap, so a grid could belong to two of them: features {listing}. Fix the shared boundaries (e.g. with QGIS's topology checker), or, if the overlaps are digitising noise, raise the overlap tolerance OVERLAP_TOLERANCE from {tolerance:g} to {accepting:.1f} m²</source>
      <translation>社区之间存在重叠，网格可能同时属于两个社区：要素 {listing}。请修正共同边界（例如使用 QGIS 拓扑检查器）；如果这些重叠只是数字化误差，可将社区重叠容差 OVERLAP_TOLERANCE 从 {tolerance:g} 提高到 {accepting:.1f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>features {listing} lie wholly inside other communities, within the overlap tolerance; remove these duplicates or redraw them</source>
      <translation>要素 {listing} 完全位于其他社区之内（在重叠容差以内）；请删除这些重复要素或重新绘制</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>{count} more overlaps and gaps within the overlap tolerance given to a neighbour in the same way, {area} m² in all</source>
      <translation>另有 {count} 处在重叠容差以内的重叠和空隙已按同样方式划给相邻社区，共 {area} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>gap of {area} m² at ({x:.1f}, {y:.1f}) enclosed by features {features}: given to {winner} (longest shared edge)</source>
      <translation>社区间空隙 {area} 平方米（位于 ({x:.1f}, {y:.1f})，由要素 {features} 围合）：已划给 {winner}（共用边最长）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner}, which would otherwise lose most of its area</source>
      <translation>社区重叠 {area} 平方米（位于 ({x:.1f}, {y:.1f})，要素 {features} 之间）：已划给 {winner}，否则该社区将失去大部分面积</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner} (longest shared edge)</source>
      <translation>社区重叠 {area} 平方米（位于 ({x:.1f}, {y:.1f})，要素 {features} 之间）：已划给 {winner}（共用边最长）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>feature {fid} is a {kind}, not a polygon; communities must be polygons</source>
      <translation>要素 {fid} 是 {kind}，不是面；社区必须是面要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>feature {fid} has an invalid geometry ({reason}) that cannot be repaired; redraw it</source>
      <translation>要素 {fid} 的几何图形无效（{reason}）且无法修复；请重新绘制</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>feature {fid}: invalid geometry ({reason}) repaired with make_valid; area changed by {change:.1f} m², check the result</source>
      <translation>要素 {fid}：无效几何（{reason}）已用 make_valid 修复，面积变化 {change:.1f} 平方米，请检查结果</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>community codes must be unique; duplicated: {listing}. Give each community its own code or merge the features</source>
      <translation>社区代码必须唯一；重复：{listing}。请为每个社区赋予独立代码或合并这些要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>the community layer has no features; choose a layer with polygons</source>
      <translation>社区图层没有要素；请选择包含面要素的图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>{count} feature(s) cannot be used: {problems}</source>
      <translation>{count} 个要素无法使用：{problems}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>Split these communities, or raise the cell size CELL_SIZE to at least {cell} m</source>
      <translation>请拆分这些社区，或将网格尺寸 CELL_SIZE 增大到至少 {cell} 米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>Split these communities, or raise the minimum area MIN_AREA to at least {minimum:.0f} m², the target area TARGET_AREA to {target:.0f} m² and the maximum area MAX_AREA to {maximum:.0f} m²</source>
      <translation>请拆分这些社区，或将最小面积 MIN_AREA 增大到至少 {minimum:.0f} 平方米、目标面积 TARGET_AREA 增大到 {target:.0f} 平方米、最大面积 MAX_AREA 增大到 {maximum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>{count} community(ies) would get more than the {limit} grids a 3-digit sequence allows: {listing}. {fix}</source>
      <translation>{count} 个社区的网格数将超过 3 位顺序号允许的 {limit} 个：{listing}。{fix}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>Split these communities into smaller ones</source>
      <translation>请把这些社区拆分为更小的社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>community {community} (feature {fid}) covers only {area:.2f} m², less than the minimum grid area of {min_area:.0f} m², and becomes one grid that small; if it is a sliver left by digitising, merge it into its neighbour or delete it</source>
      <translation>社区 {community}（要素 {fid}）面积仅 {area:.2f} 平方米，小于最小网格面积 {min_area:.0f} 平方米，将成为一个同样大小的网格；如果它是数字化遗留的碎片，请将其并入相邻社区或删除</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>{community} (feature {fid}): {grids} grids</source>
      <translation>{community}（要素 {fid}）：{grids} 个网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>areas must satisfy 0 ≤ minimum &lt; target &lt; maximum; got minimum {minimum:.0f}, target {target:.0f} and maximum {maximum:.0f} m²</source>
      <translation>面积须满足 0 ≤ 最小 &lt; 目标 &lt; 最大；当前最小 {minimum:.0f}、目标 {target:.0f}、最大 {maximum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>the maximum area {maximum:.0f} m² must be at least twice the minimum area {minimum:.0f} m², or a block just above the maximum could not be split</source>
      <translation>最大面积 {maximum:.0f} 平方米至少应为最小面积 {minimum:.0f} 平方米的两倍，否则略大于最大面积的街块无法拆分</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>the open-land maximum OPEN_LAND_MAX ({open_land:.0f} m²) must be at least the maximum area {maximum:.0f} m²; leave it empty for {fraction:g} × the target area</source>
      <translation>开放用地上限 OPEN_LAND_MAX（{open_land:.0f} 平方米）不得小于最大面积 {maximum:.0f} 平方米；留空则为目标面积的 {fraction:g} 倍</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>the communities were divided one after the other in this process: {reason}</source>
      <translation>各社区改为在本进程中逐个划分：{reason}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share no edge with another grid of the community and were kept as grids of their own</source>
      <translation>社区 {code}（要素 {fid}）：{count} 个小于 {min_area:.0f} 平方米的碎片与本社区其他网格无公共边，已保留为独立网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>community {code} (feature {fid}) has no line to follow; it was split into {count} compact grids</source>
      <translation>社区 {code}（要素 {fid}）内没有可沿用的线，已拆分为 {count} 个紧凑网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/grid_extent.py" />
      <source>coordinates ({x}, {y}) are outside China; check the coordinate system</source>
      <translation>坐标 ({x}, {y}) 位于中国境外；请检查坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/grid_extent.py" />
      <source>coordinates ({x}, {y}) lie more than {km} km outside the district's grids; check the coordinate system (SOURCE_CRS) and the x/y field mapping</source>
      <translation>坐标（{x}, {y}）位于本区单元网格范围之外 {km} km 以上；请检查坐标系（SOURCE_CRS）和 x/y 字段映射</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/lattice.py" />
      <source>cell size must be positive, got {cell}</source>
      <translation>网格尺寸必须大于 0，当前为 {cell}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/lattice.py" />
      <source>minimum area {min_area} m² must lie between 0 and the cell area {cell_area:.0f} m²</source>
      <translation>最小面积 {min_area} 平方米应介于 0 与网格面积 {cell_area:.0f} 平方米之间</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>the precision must lie between {low} and {high} m, got {value}</source>
      <translation>精度必须在 {low} 到 {high} 米之间，实际为 {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>community {label} (feature {fid}) is narrower than the precision of {precision} m everywhere and would vanish on the precision grid; fix its outline or lower PRECISION</source>
      <translation>社区 {label}（要素 {fid}）处处窄于 {precision} 米的精度，放到精度格网上会消失；请修正其边界或减小 PRECISION</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>community {label} (feature {fid}): {count} grid(s) of {area:.4f} m² in all, narrower than the precision of {precision} m everywhere, vanished on the precision grid</source>
      <translation>社区 {label}（要素 {fid}）：{count} 个网格（共 {area:.4f} 平方米）处处窄于 {precision} 米的精度，放到精度格网上后消失</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>{count} grid(s) keep a vertex closer than the precision of {precision} m to an edge of their own (communities {labels}); check them with gridplugin:validategrids</source>
      <translation>{count} 个网格仍有顶点与本网格的边距离小于 {precision} 米的精度（社区 {labels}）；请用 gridplugin:validategrids 检查</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>the previous grid layer has missing or malformed codes (not 15 digits) on features {fids}; fix them or validate the layer with gridplugin:validategrids first</source>
      <translation>原网格图层的要素 {fids} 缺少编码或编码格式错误（不是 15 位数字）；请修正，或先用 gridplugin:validategrids 检查该图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>the previous grid layer repeats codes: {duplicates}; every grid needs its own code</source>
      <translation>原网格图层存在重复编码：{duplicates}；每个网格都需要唯一编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>the matching overlap must lie above 0.5 and at most 1, got {value}</source>
      <translation>匹配重叠比例须大于 0.5 且不超过 1，当前为 {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>community {code} (feature {fid}) has used all {limit} sequence numbers (retired codes are never reused); it needs a new community code</source>
      <translation>社区 {code}（要素 {fid}）已用尽全部 {limit} 个顺序号（终止的编码不再复用）；需要新的社区代码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/units.py" />
      <source>managed unit {unit} covers {area:.0f} m² of community {community} (feature {fid}), more than the open-land maximum OPEN_LAND_MAX of {limit:.0f} m²: it was divided like other land; raise OPEN_LAND_MAX to keep it one grid</source>
      <translation>管理单元 {unit} 在社区 {community}（要素 {fid}）内占 {area:.0f} 平方米，超过开放用地上限 OPEN_LAND_MAX（{limit:.0f} 平方米），已按普通用地划分；如需保持为一个网格，请提高 OPEN_LAND_MAX</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>no code</source>
      <translation>无标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>a {kind}, not a polygon</source>
      <translation>{kind}，不是面</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid} has no grid code; give it its 15-digit code</source>
      <translation>要素 {fid} 没有单元网格标识码；请填写其 15 位标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>community feature {fid}</source>
      <translation>社区要素 {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid} has no geometry; draw the grid or remove the feature</source>
      <translation>要素 {fid} 没有几何图形；请绘制该网格或删除该要素</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has an invalid geometry ({reason}); it was checked as repaired by make_valid: fix it in the layer</source>
      <translation>网格 {code}（要素 {fid}）的几何图形无效（{reason}）；已按 make_valid 修复后的形状检查，请在图层中修正</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid}: grid code '{code}' has sequence 000; sequences run from 001 to 999</source>
      <translation>要素 {fid}：单元网格标识码“{code}”的顺序号为 000；顺序号应为 001–999</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid}: grid code '{code}' must be 15 digits</source>
      <translation>要素 {fid}：单元网格标识码“{code}”应为 15 位数字</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid code {code} is used by {count} grids: features {listing}; give each grid its own code</source>
      <translation>单元网格标识码 {code} 被 {count} 个网格重复使用：要素 {listing}；请为每个网格赋予独立的标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grids {code} (feature {fid}) and {other_code} (feature {other_fid}) overlap by {area:.1f} m²</source>
      <translation>网格 {code}（要素 {fid}）与 {other_code}（要素 {other_fid}）重叠 {area:.1f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>gap of {area:.1f} m² between grids: no grid covers it</source>
      <translation>网格之间有 {area:.1f} 平方米的空隙，没有任何网格覆盖</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has sequence {sequence:03d}, but its position in community {community} calls for {expected:03d}</source>
      <translation>网格 {code}（要素 {fid}）的顺序号为 {sequence:03d}，但按其在社区 {community} 中的位置应为 {expected:03d}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has {area:.1f} m², less than the minimum {minimum:.0f} m²</source>
      <translation>网格 {code}（要素 {fid}）面积为 {area:.1f} 平方米，小于最小面积 {minimum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has {area:.1f} m², more than the maximum {maximum:.0f} m²</source>
      <translation>网格 {code}（要素 {fid}）面积为 {area:.1f} 平方米，大于最大面积 {maximum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>gap of {area:.1f} m² in community {community}: no grid covers it</source>
      <translation>社区 {community} 内有 {area:.1f} 平方米的空隙，没有任何网格覆盖</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}): its community {community} is not in the community layer</source>
      <translation>网格 {code}（要素 {fid}）：其所属社区 {community} 不在社区图层中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) lies in {count} communities: {listing}</source>
      <translation>网格 {code}（要素 {fid}）跨越 {count} 个社区：{listing}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) extends {area:.1f} m² outside its community {community}</source>
      <translation>网格 {code}（要素 {fid}）超出所属社区 {community} {area:.1f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_geometry.py" />
      <source>grid {code} (feature {fid}) has a vertex {distance:.2g} m from an edge of its own at ({x:.3f}, {y:.3f}), closer than the minimum clearance of {clearance} m: a reprojection can make it invalid; divide again (dividegrids keeps vertices on a precision grid) or fix it</source>
      <translation>网格 {code}（要素 {fid}）在 ({x:.3f}, {y:.3f}) 处有一个顶点距本网格的边仅 {distance:.2g} 米，小于最小间隙 {clearance} 米：投影转换可能使其无效；请重新划分（dividegrids 会把顶点放到精度格网上）或修正</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_geometry.py" />
      <source>grid {code} (feature {fid}) is valid in the working CRS but invalid in {crs} ({reason}); divide again (dividegrids keeps grids valid in every CRS) or repair it where it is written</source>
      <translation>网格 {code}（要素 {fid}）在工作坐标系中有效，但在 {crs} 中无效（{reason}）；请重新划分（dividegrids 使网格在各坐标系中都有效），或在写出处修复</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Unit grid validation report</source>
      <translation>单元网格检查报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Input layer</source>
      <translation>输入图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Community layer</source>
      <translation>社区图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Working CRS</source>
      <translation>工作坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Grids checked</source>
      <translation>检查的网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Problems by kind</source>
      <translation>各类问题数量</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Minimum area (m²)</source>
      <translation>最小面积（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Maximum area (m²)</source>
      <translation>最大面积（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Gap and overlap tolerance (m²)</source>
      <translation>空隙与重叠容差（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Numbering band (m)</source>
      <translation>编号条带宽度（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Minimum clearance (m)</source>
      <translation>最小间隙（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Valid after reprojection to</source>
      <translation>投影转换后仍有效的坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Sequence order</source>
      <translation>编号顺序</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>rows</source>
      <translation>按行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>columns</source>
      <translation>按列</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>not checked</source>
      <translation>未检查</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Id</source>
      <translation>标识</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Grid code</source>
      <translation>单元网格标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Feature ids</source>
      <translation>要素编号</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Area (m²)</source>
      <translation>面积（平方米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Location (x, y)</source>
      <translation>位置（x, y）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>No problems found.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Showing the first {shown} of {total} problems; the error layer lists them all.</source>
      <translation>仅列出 {total} 个问题中的前 {shown} 个；错误图层包含全部问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Missing geometry</source>
      <translation>缺少几何图形</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Invalid geometry</source>
      <translation>几何图形无效</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Invalid after reprojection</source>
      <translation>投影转换后无效</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Near-degenerate geometry</source>
      <translation>近退化几何</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Gap</source>
      <translation>空隙</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Overlap</source>
      <translation>重叠</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Crossing communities</source>
      <translation>跨社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Outside its community</source>
      <translation>超出所属社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Unknown community</source>
      <translation>未知社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Area too small</source>
      <translation>面积过小</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Area too large</source>
      <translation>面积过大</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Malformed code</source>
      <translation>标识码格式错误</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Duplicate code</source>
      <translation>标识码重复</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Sequence out of order</source>
      <translation>顺序号不符合编排规则</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>the numbering band must be positive, got {band} m</source>
      <translation>编号条带宽度必须大于 0，当前为 {band} 米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>unknown numbering order '{order}'; use rows or columns</source>
      <translation>未知的编号顺序“{order}”；请使用按行（rows）或按列（columns）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>areas and the tolerance must not be negative</source>
      <translation>面积与容差不能为负数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>the minimum clearance must not be negative, got {clearance} m</source>
      <translation>最小间隙不能为负数，实际为 {clearance} 米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>the minimum area {minimum:.0f} m² is larger than the maximum area {maximum:.0f} m²</source>
      <translation>最小面积 {minimum:.0f} 平方米大于最大面积 {maximum:.0f} 平方米</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter} needs a file name.</source>
      <translation>{parameter} 需要一个文件名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter} is the folder {path}; give a file name in it, e.g. {example}.</source>
      <translation>{parameter} 是文件夹 {path}；请给出其中的文件名，例如 {example}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter} must be a {extensions} file; {path} is not. Give a name ending in {extension}.</source>
      <translation>{parameter} 必须是 {extensions} 文件，{path} 不是。请使用以 {extension} 结尾的文件名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter}: the folder of {path} cannot take a new file ({error}); choose a folder you can write to.</source>
      <translation>{parameter}：无法在 {path} 所在的文件夹中新建文件（{error}）；请选择一个可写入的文件夹。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter}: {path} cannot be replaced ({error}); close it (in Excel?) or choose another name.</source>
      <translation>{parameter}：无法替换 {path}（{error}）；请关闭该文件（是否在 Excel 中打开？）或换一个文件名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} has no sheets.</source>
      <translation>{path} 没有工作表。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} is not an XLSX workbook; save it from Excel or WPS as .xlsx (without a password), or as CSV.</source>
      <translation>{path} 不是 XLSX 工作簿；请用 Excel 或 WPS 另存为 .xlsx（不设密码）或 CSV。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} is not an XLSX workbook Excel would open ({error}); save it from Excel or WPS again.</source>
      <translation>{path} 不是 Excel 能打开的 XLSX 工作簿（{error}）；请用 Excel 或 WPS 重新保存。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} has no sheet '{sheet}'; its sheets are: {sheets}.</source>
      <translation>{path} 中没有工作表“{sheet}”；其工作表有：{sheets}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>Sheet '{sheet}' of {path} cannot be read ({error}); open it in Excel or WPS and save it again.</source>
      <translation>无法读取 {path} 的工作表“{sheet}”（{error}）；请在 Excel 或 WPS 中打开并重新保存。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>row {row} has a value in column {column}, which has no header; name the column or move the value</source>
      <translation>第 {row} 行在没有表头的第 {column} 列有值；请为该列命名或移走该值</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>Another step is still running; wait for it or cancel it.</source>
      <translation>另一个步骤仍在运行；请等待其完成或取消。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>Cancelled; nothing was written.</source>
      <translation>已取消；未写入任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>Algorithm {} is not available.</source>
      <translation>算法 {} 不可用。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>The algorithm failed; see the log for details.</source>
      <translation>算法运行失败；详情请查看日志。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Grid city management</source>
      <translation>网格化城市管理</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Store and outputs</source>
      <translation>案件库与输出</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>At this spot</source>
      <translation>此处信息</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Click the map for codes, components and cases</source>
      <translation>点击地图查看编码、部件和案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cases per grid (live)</source>
      <translation>各网格案件数（实时）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>{} finished: {}</source>
      <translation>{} 完成：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Grids</source>
      <translation>网格划分</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Component coding</source>
      <translation>部件编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cases &amp; heat</source>
      <translation>案件导入与热力</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Evaluation</source>
      <translation>评价</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Running {}…</source>
      <translation>正在运行 {}…</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>: yes</source>
      <translation>：是</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>: no</source>
      <translation>：否</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>The output folder {} cannot be made: {}</source>
      <translation>无法创建输出文件夹 {}：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Evaluation of case handling</source>
      <translation>案件处置评价</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Evaluate</source>
      <translation>开始评价</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Emerging hot spots</source>
      <translation>新兴热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Find emerging hot spots</source>
      <translation>分析新兴热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Open the evaluation report</source>
      <translation>打开评价报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Reading cases per grid and day</source>
      <translation>正在按网格和日期统计案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>No cases loaded</source>
      <translation>尚未加载案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Days</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Window</source>
      <translation>时间窗</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>All classes</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>All sources</source>
      <translation>全部来源</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Classes</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Sources</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Reading the store…</source>
      <translation>正在读取案件库…</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>The store has no unit grids yet: import cases with a unit-grid layer first.</source>
      <translation>案件库中还没有单元网格：请先连同单元网格图层导入案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>(no class)</source>
      <translation>（无类别）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>{} cases in {} grids; recounted in {:.0f} ms</source>
      <translation>{} 件案件，分布在 {} 个网格；重新统计用时 {:.0f} 毫秒</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>{} – {} ({} days)</source>
      <translation>{} 至 {}（{} 天）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/missing_dependencies.py" />
      <source>Grid city management needs {}. Install it into QGIS's Python, e.g.: {}</source>
      <translation>网格化城市管理插件需要 {}。请将其安装到 QGIS 使用的 Python 中，例如：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>Automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>[Skip]</source>
      <translation>[跳过]</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>[Temporary layer]</source>
      <translation>[临时图层]</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>{} % ({} points vs the previous period)</source>
      <translation>{} %（较上期 {} 个百分点）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>not graded</source>
      <translation>未评定等级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Evaluated unit</source>
      <translation>评价单元</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Trend of the hot spot z-scores</source>
      <translation>热点 z 得分的趋势</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Cases counted</source>
      <translation>统计的案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Hot / cold time bins</source>
      <translation>热点 / 冷点时间段数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>{} ({} vs the previous period)</source>
      <translation>{}（较上期 {}）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>composite {}</source>
      <translation>综合指标值 {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>rank {}</source>
      <translation>排名 {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>previous grade {}</source>
      <translation>上期等级 {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Evaluation {}</source>
      <translation>评价 {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Emerging hot spot</source>
      <translation>新兴热点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Street</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Position (CGCS2000)</source>
      <translation>位置（CGCS2000）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>BeiDou grid code</source>
      <translation>北斗网格码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Nearest address</source>
      <translation>最近地址</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Recent cases in this grid</source>
      <translation>本网格近期案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>The spot is outside every unit grid of {}.</source>
      <translation>该位置不在 {} 的任何单元网格内。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>{} ({:.0f} m, code {})</source>
      <translation>{}（{:.0f} 米，编码 {}）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Components within {} m</source>
      <translation>{} 米内的部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Divide into unit grids</source>
      <translation>划分单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Validate the grids</source>
      <translation>检查网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Unit grids</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Also keep the coded components in the case store</source>
      <translation>同时将编码后的部件保存到案件库</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Code components</source>
      <translation>部件编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Validate the components</source>
      <translation>检查部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Components</source>
      <translation>部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Import cases</source>
      <translation>导入案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Import into the store</source>
      <translation>导入案件库</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Heat</source>
      <translation>热力</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Heat maps</source>
      <translation>生成热力图</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Hot spots and report</source>
      <translation>热点分析与报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Live heat per grid</source>
      <translation>网格实时热力</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Load the live heat from the store</source>
      <translation>从案件库加载实时热力</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Responsibility maps (PDF)</source>
      <translation>责任图（PDF）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>GeoPackage file</source>
      <translation>GeoPackage 文件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>PostGIS (QGIS connection)</source>
      <translation>PostGIS（QGIS 连接）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>Case store</source>
      <translation>案件库</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage 文件 (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>A new name creates the store</source>
      <translation>输入新文件名将新建案件库</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>Connection</source>
      <translation>连接</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>Schema</source>
      <translation>模式</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The folder {folder} does not exist; create it or choose another.</source>
      <translation>文件夹 {folder} 不存在；请先创建或另选文件夹。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The folder {folder} cannot be written to; choose another.</source>
      <translation>无法写入文件夹 {folder}；请另选文件夹。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>{path} already exists; turn on OVERWRITE to replace it, or choose another name.</source>
      <translation>{path} 已存在；如需替换请勾选 OVERWRITE，或另取文件名。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>{format} files are written in UTF-8 only; choose UTF-8.</source>
      <translation>{format} 文件只能用 UTF-8 编码；请选择 UTF-8。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The DXF file {path} cannot be created.</source>
      <translation>无法创建 DXF 文件 {path}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The file name {path} ends in {suffix}, but the format is {format} ({wanted}); change the name or the format.</source>
      <translation>文件名 {path} 的扩展名为 {suffix}，但所选格式为 {format}（{wanted}）；请修改文件名或格式。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The folder {folder} cannot be written to ({error}); choose another.</source>
      <translation>无法写入文件夹 {folder}（{error}）；请另选文件夹。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/feature_files.py" />
      <source>The output file {path} would hold a table named '{layer}', but GeoPackage and SQLite reserve names beginning with gpkg_ and sqlite_; rename the file.</source>
      <translation>输出文件 {path} 中的表将命名为“{layer}”，但 GeoPackage 和 SQLite 保留以 gpkg_ 和 sqlite_ 开头的名称；请重命名该文件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/feature_files.py" />
      <source>The output field '{field}' has the name of the GeoPackage's own column {column}; rename the field in the input layer.</source>
      <translation>输出字段“{field}”与 GeoPackage 自带的列 {column} 同名；请在输入图层中重命名该字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/feature_files.py" />
      <source>The output fields '{first}' and '{second}' differ only in upper and lower case, which a GeoPackage takes as one column; rename one of them in the input layer.</source>
      <translation>输出字段“{first}”和“{second}”仅大小写不同，GeoPackage 会把它们视为同一列；请在输入图层中重命名其中一个。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name is empty; give one, e.g. gridplugin.</source>
      <translation>PostGIS 模式名为空；请填写一个，例如 gridplugin。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' contains a control character (a NUL character, tab or line break); type the name again without it.</source>
      <translation>PostGIS 模式名“{schema}”含有控制字符（NUL 字符、制表符或换行符）；请重新输入不含这些字符的名称。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' begins or ends with a space, which PostgreSQL would keep as part of the name; remove the space.</source>
      <translation>PostGIS 模式名“{schema}”以空格开头或结尾，PostgreSQL 会把空格当作名称的一部分；请删除空格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' is {size} bytes long in UTF-8 (a Chinese character takes 3); PostgreSQL keeps only the first 63 and would silently make two such names one store. Choose a shorter name.</source>
      <translation>PostGIS 模式名“{schema}”的 UTF-8 长度为 {size} 字节（一个汉字占 3 字节）；PostgreSQL 只保留前 63 字节，会悄悄把两个这样的名称当成同一个案件库。请选用更短的名称。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' is reserved for PostgreSQL's own catalogs (names beginning with pg_, and information_schema); choose another name, e.g. gridplugin.</source>
      <translation>PostGIS 模式名“{schema}”为 PostgreSQL 系统目录保留（以 pg_ 开头的名称和 information_schema）；请选用其他名称，例如 gridplugin。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The database name '{name}' that the store makes is {size} bytes long; PostgreSQL keeps only 63 and would silently cut it. This is a fault of the plugin: please report it.</source>
      <translation>案件库生成的数据库对象名“{name}”长 {size} 字节；PostgreSQL 只保留 63 字节，会悄悄截断它。这是插件的缺陷，请报告此问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The name '{name}' contains a NUL character (\x00), which a GeoPackage cannot hold in a table or column name; rename it.</source>
      <translation>名称“{name}”含有 NUL 字符（\x00），GeoPackage 的表名或字段名不能包含它；请重命名。</translation>
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
      <location filename="../../grid_plugin/plugin.py" />
      <source>Grid city management panel</source>
      <translation>网格化城市管理面板</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Archive old months of cases</source>
      <translation>归档早期月份的案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Takes the cases reported before a month out of the case store, so that the store holds the months still in use. BEFORE is that month (2025-01, or its first day 2025-01-01): the months before it are archived, in the store's month zone (store_meta month_zone, Asia/Shanghai unless set).
MODE: keep them in the database (a PostGIS store detaches each month, which stays readable as the table cases_YYYY_MM_archived in the store's schema), or delete them from the store (PostGIS drops the months; a GeoPackage store deletes their cases; a GeoPackage cannot keep months apart).
ARCHIVE: a GeoPackage the cases are written to first, itself a case store (open it as STORE in any case algorithm); an existing archive gets the months added. Deleting needs it. It is written beside its target and checked to hold every case before anything leaves the store.
All or nothing: the store and the archive change together or not at all, and no import writes the store meanwhile. Cases of an archived month imported again later go back into the store.</source>
      <translation>把上报时间早于某个月的案件移出案件库，使案件库只保存仍在使用的月份。BEFORE 就是这个月（2025-01，或该月一日 2025-01-01）：此前的各月被归档，月份按案件库的月份时区计算（store_meta month_zone，未设置时为 Asia/Shanghai）。
MODE：保留在数据库中（PostGIS 案件库把每个月分离出来，仍可作为案件库模式中的表 cases_YYYY_MM_archived 读取），或从案件库删除（PostGIS 删除这些月份；GeoPackage 案件库删除其中的案件；GeoPackage 不能把月份单独保留）。
ARCHIVE：先写入案件的 GeoPackage，它本身就是一个案件库（可在任何案件算法中作为 STORE 打开）；已有的归档会追加这些月份。删除时必须提供。它先写在目标文件旁边，并在任何案件移出案件库之前核对是否包含全部案件。
要么全部完成，要么什么都不改：案件库和归档一起改变或都不改变，其间也不会有导入写入案件库。已归档月份的案件如果以后再次导入，会回到案件库。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>kept in the database as tables cases_YYYY_MM_archived</source>
      <translation>作为表 cases_YYYY_MM_archived 保留在数据库中</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>deleted from the store</source>
      <translation>已从案件库删除</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Archive the months before (e.g. 2025-01)</source>
      <translation>归档此月之前的各月（例如 2025-01）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>The archived months</source>
      <translation>归档的月份</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Archive GeoPackage (a case store; the months are added to it)</source>
      <translation>归档 GeoPackage（一个案件库；这些月份追加到其中）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>GeoPackage files (*.gpkg)</source>
      <translation>GeoPackage 文件 (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Cases archived</source>
      <translation>归档的案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Store</source>
      <translation>案件库</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>{} cases reported before {} taken out of {} and {}.</source>
      <translation>{} 个上报时间早于 {} 的案件已移出 {}，并{}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Keep them in the database as tables of their own (PostGIS)</source>
      <translation>作为单独的表保留在数据库中（PostGIS）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Delete them from the store (after writing the archive)</source>
      <translation>从案件库删除（写入归档之后）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>The archive {} holds them.</source>
      <translation>归档 {} 保存了这些案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>{} holds no cases before {} (months of {}); nothing to archive.</source>
      <translation>{} 中没有 {} 之前的案件（按 {} 的月份）；无需归档。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>The archive {} cannot be written ({}); nothing was archived.</source>
      <translation>无法写入归档 {}（{}）；没有归档任何案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Case heatmap</source>
      <translation>案件热力图</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Unit grids (empty: the store's grids)</source>
      <translation>单元网格（留空：使用案件库中的网格）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>CRS of the raster (empty: the grids' Gauss-Krüger zone in China, their UTM zone elsewhere)</source>
      <translation>栅格的坐标系（留空：在中国境内取网格所在的高斯-克吕格分带，境外取其 UTM 分带）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Cases (live heatmap)</source>
      <translation>案件（实时热力图）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Shows where cases concentrate, for the cases of the store chosen by time window, kind, class, source and status:
- per unit grid: the number of cases and the density per 10,000 m², as a graduated layer;
- a kernel-density raster (radius, pixel size and kernel as in QGIS's Heatmap algorithm, whose numbers it reproduces), styled with a heat ramp;
- optionally the cases themselves as a live layer of the store with QGIS's heatmap renderer and time properties, so the temporal controller animates them.</source>
      <translation>显示案件集中的位置，对象为案件库中按时间窗口、类型、类别、来源和状态筛选出的案件：
- 按单元网格：案件数量及每 10,000 平方米的密度，以分级渲染图层显示；
- 核密度栅格（半径、像元大小和核函数与 QGIS“热力图”算法相同，结果数值与其一致），以热力色带渲染；
- 可选：将案件本身作为案件库的实时图层加载，使用 QGIS 热力图渲染器并设置时间属性，可由时间控制器播放动画。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Kernel radius (m)</source>
      <translation>核半径（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Pixel size (m)</source>
      <translation>像元大小（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Kernel shape</source>
      <translation>核函数形状</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Raster values</source>
      <translation>栅格值</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Also load the cases as a live heatmap layer</source>
      <translation>同时将案件加载为实时热力图图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Cases per unit grid</source>
      <translation>各单元网格案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Kernel density</source>
      <translation>核密度</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Cases in the filter</source>
      <translation>筛选出的案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Live case heatmap</source>
      <translation>案件实时热力图</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>No case matches the filter; the density raster is all zero.</source>
      <translation>没有符合筛选条件的案件；密度栅格全为零。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Quartic</source>
      <translation>四次核（Quartic）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Triangular</source>
      <translation>三角核（Triangular）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Uniform</source>
      <translation>均匀核（Uniform）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Triweight</source>
      <translation>三权核（Triweight）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Epanechnikov</source>
      <translation>抛物线核（Epanechnikov）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Raw (sum of kernel weights)</source>
      <translation>原始值（核权重之和）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Scaled (density per square metre)</source>
      <translation>缩放值（每平方米密度）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>{} cases carry a grid code that is not among these grids.</source>
      <translation>{} 个案件的网格编码不在这些网格中。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>The store's case table cannot be loaded as a layer: {}</source>
      <translation>无法将案件库的案件表加载为图层：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>{} cases match {}.</source>
      <translation>{} 个案件符合筛选条件：{}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Case hot spots and period report</source>
      <translation>案件热点分析与周期报告</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Day</source>
      <translation>日</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Quarter</source>
      <translation>季度</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Year</source>
      <translation>年</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Tests whether case concentrations are real: Getis-Ord Gi* on the case count of each unit grid, with contiguity weights (queen: grids sharing a point; rook: grids sharing an edge), gives a z-score, a p-value and a class: hot or cold spot at 90, 95 or 99 % confidence, or not significant. A grid is a hot spot when it and its neighbours together hold more cases than chance explains.

With the false discovery rate correction (Benjamini-Hochberg, off by default), the p-values of all grids are adjusted for the number of grids tested: a grid is significant at 90, 95 or 99 % when its adjusted p (field gi_p_adj) is at most 0.10, 0.05 or 0.01, and then at most 10, 5 or 1 % of the hot and cold spots found are expected to be chance. Fewer grids come out significant, and those that do can be trusted as a set. Without it, gi_p_adj equals gi_p.

The period report (CSV and HTML) lists, for every day, week, month, quarter or year, the top-N grids and classes (高频区域、高频事件) with the change against the previous period.</source>
      <translation>检验案件聚集是否真实存在：对每个单元网格的案件数进行 Getis-Ord Gi* 分析，采用邻接权重（queen：共享顶点的网格；rook：共享边的网格），得出 z 得分、p 值和分类：置信度为 90%、95% 或 99% 的热点或冷点，或不显著。当某网格与其相邻网格合计的案件数多于随机所能解释的程度时，该网格即为热点。

启用错误发现率校正（Benjamini-Hochberg，默认关闭）时，所有网格的 p 值按检验的网格数进行校正：校正后的 p 值（字段 gi_p_adj）不大于 0.10、0.05 或 0.01 的网格在 90%、95% 或 99% 置信度下显著，此时所发现的热点和冷点中预期至多 10%、5% 或 1% 出于偶然。显著的网格会变少，但作为一个整体更可信。不校正时，gi_p_adj 等于 gi_p。

周期报告（CSV 和 HTML）按日、周、月、季度或年列出排名前 N 位的网格和类别（高频区域、高频事件），以及与上一周期相比的变化。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>False discovery rate correction (Benjamini-Hochberg)</source>
      <translation>错误发现率校正（Benjamini-Hochberg）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Report period</source>
      <translation>报告周期</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Top N grids and classes per period</source>
      <translation>每个周期列出的前 N 位网格和类别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Hot spots (Gi*)</source>
      <translation>热点（Gi*）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Period report (CSV)</source>
      <translation>周期报告（CSV）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Period report (HTML)</source>
      <translation>周期报告（HTML）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Hot-spot grids</source>
      <translation>热点网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Cold-spot grids</source>
      <translation>冷点网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>{} cases in {} grids ({}).</source>
      <translation>{} 个案件，{} 个网格（{}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Cases per {}: top {} grids and classes</source>
      <translation>按{}统计的案件：前 {} 位网格和类别</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>{} hot-spot grids and {} cold-spot grids at 90 % confidence or more.</source>
      <translation>置信度 90% 及以上的热点网格 {} 个、冷点网格 {} 个。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Gi* needs at least 3 unit grids; the store has {}.</source>
      <translation>Gi* 至少需要 3 个单元网格；案件库中只有 {} 个。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>{} grids have no neighbour; raise the gap tolerance if the grids have small gaps.</source>
      <translation>{} 个网格没有相邻网格；如果网格之间有细小缝隙，请增大缝隙容差。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Gives every component (部件) its standard ID, the code of the unit grid it stands in (BGID) and its BeiDou grid location code (GB/T 39409).

ID = 6-digit district code + class code + 6-digit serial: 17 digits under GB/T 47678.5-2026 (5-digit classes), 16 under GB/T 30428.2-2013 (4-digit classes). The class field holds a class code or a standard class name (Chinese or English, matched exactly after normalisation; unknown names are reported, never guessed). A CSV of your own classes can extend or override the table.

Stable IDs: valid existing IDs are kept; new components take the next free serial of their district and class; duplicate and malformed IDs are reported, and replaced only when you ask for it. A component that moved into another grid keeps its ID and gets the new grid code and a change date. A component with a problem gets no ID (the serial of an ID it has stays taken): no class or an unknown one (the log names the values with their counts), a geometry type its class does not allow, outside every unit grid, a grid code without a district and no DISTRICT_CODE, or an ID that is a duplicate or invalid and not renumbered. So Components = kept + new + with a problem (COMPONENT_COUNT = KEPT_COUNT + NEW_COUNT + PROBLEM_COUNT).

Points take the grid they lie in; lines and polygons the grid holding most of them, with that share recorded. The district is the given code, or that of each component's grid.</source>
      <translation>为每个部件赋予标准标识码、所在单元网格标识码（BGID）和北斗网格位置码（GB/T 39409）。

标识码 = 6 位区县代码 + 类别代码 + 6 位顺序码：GB/T 47678.5-2026 为 17 位（5 位类别），GB/T 30428.2-2013 为 16 位（4 位类别）。类别字段可填类别代码或标准类别名称（中文或英文，规范化后精确匹配；未知名称会报告，绝不猜测）。可用自定义类别 CSV 扩充或覆盖类别表。

标识码稳定：有效的已有标识码保留；新部件取其区县和类别的下一个未用顺序码；重复和格式错误的标识码会报告，只有在您要求时才替换。移入其他网格的部件保留标识码，更新网格代码并填写变更日期。有问题的部件不赋标识码（其已有标识码的顺序码仍视为已占用）：没有类别或类别未知（日志会列出这些值及其数量）、其类别不允许的几何类型、不在任何单元网格内、网格代码不含区县代码且未给出 DISTRICT_CODE，或标识码重复或无效且未要求重新编号。因此部件数 = 保留 + 新赋 + 有问题（COMPONENT_COUNT = KEPT_COUNT + NEW_COUNT + PROBLEM_COUNT）。

点部件取其所在网格；线、面部件取包含其最大部分的网格，并记录该比例。区县代码为指定的代码，或各部件所在网格的区县代码。</translation>
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
      <source>{} components: {} kept their ID, {} got a new one, {} have a problem and no ID.</source>
      <translation>{} 个部件：{} 个保留标识码，{} 个获得新标识码，{} 个有问题、未赋标识码。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>The component layer has no ID field '{}'; leave it empty to give every component a new ID.</source>
      <translation>部件图层没有标识码字段“{}”；留空则为每个部件赋新标识码。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: a {} is not a geometry type their class allows (see the class table's geometry_types); they get no ID. Check the class or the layer.</source>
      <translation>要素 {}：其类别不允许 {} 几何类型（见类别表的 geometry_types）；未赋标识码。请检查类别或图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: outside every unit grid; they get no grid code and no ID.</source>
      <translation>要素 {}：不在任何单元网格内；未赋网格代码和标识码。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: the code of their grid does not start with a 6-digit district code, and no district code was given; they get no ID. Give DISTRICT_CODE.</source>
      <translation>要素 {}：所在网格的代码不以 6 位区县代码开头，且未给出区县代码；未赋标识码。请填写 DISTRICT_CODE。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>{} components moved into another grid: they keep their ID and got the new grid code and a change date.</source>
      <translation>{} 个部件移入其他网格：保留标识码，已更新网格代码并填写变更日期。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>{} coded components saved in the store {}.</source>
      <translation>已将 {} 个已编码部件保存到案件库 {}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Convert coordinates (GCJ-02, BD-09, WGS84, CGCS2000)</source>
      <translation>坐标转换（GCJ-02、BD-09、WGS84、CGCS2000）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Coordinates</source>
      <translation>坐标</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Converts every vertex of a layer (points, lines, polygons, multi-parts; Z kept) between the offset coordinates of Chinese web maps and true ones: GCJ-02 (Amap, Tencent, Google China), BD-09 (Baidu), WGS84 and CGCS2000, in either direction. FROM says what the layer's longitudes and latitudes are: a GCJ-02 or BD-09 layer is usually tagged EPSG:4326, and a layer in another CRS (e.g. Web Mercator digitised over such a map) is first taken to EPSG:4326 as its CRS says. The output is tagged EPSG:4490 for CGCS2000 and EPSG:4326 otherwise; attributes are kept, curves become straight segments and M values are dropped.

CGCS2000 and WGS84 differ by less than about a metre in China (the plates have moved since 2000), far less than the offsets: their longitudes and latitudes are taken as equal, so WGS84 ⇄ CGCS2000 only changes the tag. GCJ-02 is defined only inside China (the box 72.004–137.8347 E, 0.8293–55.8271 N, as the map services use): outside it the GCJ-02 step leaves coordinates unchanged, and a warning counts and names those features. GCJ-02 → WGS84 is exact to about 1e-13° against WGS84 → GCJ-02 (an iteration, not the usual one-step formula that is off by metres).</source>
      <translation>逐个顶点转换图层（点、线、面、多部件；保留 Z 值）的坐标，在国内网络地图的偏移坐标与真实坐标之间双向转换：GCJ-02（高德、腾讯、谷歌中国）、BD-09（百度）、WGS84 和 CGCS2000。FROM 说明图层的经纬度属于哪种坐标：GCJ-02 或 BD-09 图层通常被标为 EPSG:4326；其他坐标系的图层（例如在这类底图上数字化的 Web 墨卡托图层）先按其坐标系转到 EPSG:4326。输出为 CGCS2000 时标为 EPSG:4490，其余标为 EPSG:4326；属性保留，曲线变为直线段，M 值被舍弃。

CGCS2000 与 WGS84 在中国境内相差不到约 1 米（2000 年以来的板块运动所致），远小于偏移量：二者的经纬度视为相同，因此 WGS84 ⇄ CGCS2000 只改变坐标系标记。GCJ-02 只在中国境内有定义（与地图服务所用相同的矩形框 72.004–137.8347 E、0.8293–55.8271 N）：框外 GCJ-02 这一步不改变坐标，并有警告给出这些要素的数量和编号。GCJ-02 → WGS84 与 WGS84 → GCJ-02 互逆，误差约 1e-13°（迭代求解，而不是常见的误差达数米的一步公式）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>WGS84 (GPS)</source>
      <translation>WGS84（GPS 坐标）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>CGCS2000</source>
      <translation>CGCS2000（2000 国家大地坐标系）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>The layer's coordinates are in</source>
      <translation>图层坐标属于</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Convert them to</source>
      <translation>转换为</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Converted layer</source>
      <translation>转换后的图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Features converted</source>
      <translation>已转换的要素数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Features (partly) outside China, where GCJ-02 is not defined</source>
      <translation>（部分）位于中国境外、GCJ-02 无定义的要素数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>The layer's M values are dropped; Z values are kept.</source>
      <translation>图层的 M 值被舍弃；Z 值保留。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>{} features converted from {} to {} ({}).</source>
      <translation>已将 {} 个要素从 {} 转换为 {}（{}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>FROM and TO are both '{}': there is nothing to convert. Choose the system the layer is in as FROM and the one you need as TO.</source>
      <translation>FROM 与 TO 都是“{}”：无需转换。请把图层所用的坐标选为 FROM，把需要的坐标选为 TO。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divide communities into unit grids</source>
      <translation>划分单元网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Coordinates of the communities (Chinese web maps: GCJ-02 or BD-09)</source>
      <translation>社区图层的坐标（国内网络地图：GCJ-02 或 BD-09）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Coordinates of the lines and polygons to follow (Chinese web maps: GCJ-02 or BD-09)</source>
      <translation>所依循线要素和面要素的坐标（国内网络地图：GCJ-02 或 BD-09）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Precision grid of the vertices (m; 0.001 = 1 mm)</source>
      <translation>顶点的精度格网（米；0.001 = 1 毫米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no geometries; draw the community polygons first.</source>
      <translation>社区图层没有任何几何图形；请先绘制社区面。</translation>
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
      <source>Minimum grid area (m²; empty = 0.5 × target, or 30 % of a lattice cell)</source>
      <translation>最小网格面积（平方米；留空 = 目标面积的 0.5 倍，规则格网为格网面积的 30%）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Maximum grid area (m², follow features mode; empty = 2 × target)</source>
      <translation>最大网格面积（平方米，沿地物划分模式；留空 = 目标面积的 2 倍）</translation>
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
      <source>Overlaps and gaps between communities accepted and repaired up to (m² each)</source>
      <translation>社区间重叠和空隙的接受与修复上限（平方米，每处）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Distance within which a grid boundary counts as on a line (m)</source>
      <translation>网格边界视为落在线上的距离容差（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Snap tolerance: line ends this close to another line are joined to it (m; 0 = off)</source>
      <translation>吸附容差：距另一条线不超过此距离的线端点连接到该线上（米；0 = 不吸附）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Code change report (kept, new and retired codes)</source>
      <translation>编码变更报告（保留、新增和终止的编码）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Number of unit grids</source>
      <translation>单元网格数量</translation>
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
      <source>Choose the community code field.</source>
      <translation>请选择社区代码字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Follow features mode needs at least one line layer (roads, rivers or walls) or polygon layer to follow; choose them under 'Lines to follow' or 'Polygon features to follow', or use the regular lattice mode.</source>
      <translation>沿地物划分模式至少需要一个可沿用的线图层（道路、河流或围墙）或面图层；请在“沿用的线”或“沿用的面要素”中选择，或改用规则格网模式。</translation>
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
      <source>Precision: on a {} m grid; {} grids changed by it, areas by at most {:.4f} m².</source>
      <translation>精度：放到 {} 米的格网上；{} 个网格因此改变，面积变化最多 {:.4f} 平方米。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>{} unit grids in {} communities.</source>
      <translation>共 {} 个单元网格，分属 {} 个社区。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS: {} ({})</source>
      <translation>工作坐标系：{}（{}）</translation>
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
      <source>Following {} lines from {} layer(s).</source>
      <translation>沿用 {} 条线，来自 {} 个图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Balancing the workload of {} points.</source>
      <translation>按 {} 个点均衡工作量。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Codes: {} kept, {} new, {} retired.</source>
      <translation>编码：保留 {} 个，新增 {} 个，终止 {} 个。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer must contain polygons; it has {} geometries. Choose a polygon layer.</source>
      <translation>社区图层必须为面图层；当前几何类型为 {}。请选择面图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Field '{}' does not exist in the community layer; its fields are: {}</source>
      <translation>社区图层中不存在字段“{}”；现有字段：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divides community polygons into unit grids (单元网格) of about 10,000 m² and gives each its 15-digit code: 6-digit district + 3-digit street + 3-digit community + 3-digit sequence. No grid crosses a community boundary and the grids of a community cover it exactly.

Follow features (地理布局): grid boundaries run along the given roads, rivers and walls. Each community is cut into blocks by the lines; blocks below the minimum area join a neighbour across the smallest road class first (layers without the road-class field, such as rivers and walls, are crossed last); blocks above the maximum area are cut into compact parts of near-equal area, or of near-equal workload when a workload layer (components, past cases) is given. The minimum and maximum areas default to 0.5 × and 2 × the target area, so setting the target alone scales all three.

Regular lattice: square cells anchored at the origin of the working CRS, so re-runs give identical grids; pieces smaller than the minimum area join the neighbouring grid that shares the longest edge with them.

Stable codes (相对稳定): with the previous grid layer, every new grid that overlaps a previous grid of its community by the matching share (both ways) keeps its code; new grids take the next free numbers; previous grids that no longer exist are kept with their end date set, and their codes are never reused.

Numbering: rows from north to south, west to east within a row (or columns). Quality figures (areas, share of boundaries on the lines, compactness) are logged, returned and stored in the output layer's metadata.

Limits: a community gets at most 999 grids (the 3-digit sequence). Before dividing, the grids of every community are bounded from its area and outline (and counted near the limit); all communities over the limit are refused together, with the cell size or grid areas at which they would fit. A community smaller than the minimum grid area becomes one grid, with a warning naming it (often a sliver left by digitising).

Precision: every grid is put on a grid of PRECISION metres (1 mm by default) in the working CRS, all grids as one coverage: shared edges stay shared, spikes and necks narrower than the precision are removed, and no vertex comes closer than the precision to an edge of its own grid, so the grids stay valid when they are reprojected (to CGCS2000 or WGS84 longitude and latitude, Web Mercator or GCJ-02). Areas change by a fraction of a square metre.

Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the data's longitude unless a working CRS is given.</source>
      <translation>把社区多边形划分为约 10,000 平方米的单元网格，并赋予 15 位编码：6 位区县代码 + 3 位街道代码 + 3 位社区代码 + 3 位顺序号。网格不跨越社区边界，一个社区的网格恰好覆盖该社区。

沿地物划分（地理布局）：网格边界沿给定的道路、河流和围墙。先用这些线把每个社区切成街块；小于最小面积的街块先跨越最低等级的道路与相邻街块合并（没有道路等级字段的图层，如河流、围墙，最后才跨越）；大于最大面积的街块切分为面积相近的紧凑网格，给出工作量图层（部件、历史案件）时按工作量均衡切分。最小面积和最大面积默认为目标面积的 0.5 倍和 2 倍，只设目标面积即可让三者按比例变化。

规则格网：以工作坐标系原点为锚点的正方形格网，重复运行结果一致；小于最小面积的碎块并入共享边最长的相邻网格。

编码稳定（相对稳定）：给出原网格图层时，与本社区原网格双向重叠达到匹配比例的新网格沿用原编码；新网格取下一个未用的顺序号；已不存在的原网格保留并填写终止日期，其编码不再复用。

编号：按行自北向南、行内自西向东（或按列）。质量指标（面积、边界落在线上的比例、紧凑度）会输出到日志、结果并写入输出图层的元数据。

限制：一个社区最多 999 个网格（3 位顺序号）。划分之前先根据每个社区的面积和边界估算其网格数的范围（接近上限的社区会精确计数）；超过上限的社区在同一条错误信息中全部列出，并给出能容纳它们的网格尺寸或网格面积。小于最小网格面积的社区成为一个网格，并有警告指明该社区（常为数字化遗留的碎片）。

精度：全部网格作为一个整体覆盖，在工作坐标系中放到边长为 PRECISION 米（默认 1 毫米）的精度格网上：相邻网格的共用边保持一致，窄于精度的尖刺和颈缩被去除，任何顶点与本网格其他边的距离都不小于精度，因此网格在投影转换（转为 CGCS2000 或 WGS84 经纬度、Web 墨卡托或 GCJ-02）后仍然有效。面积的变化不到 1 平方米。

地理坐标的输入会投影到数据所在经度的 CGCS2000 3 度带高斯-克吕格坐标系，除非指定了工作坐标系。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Overlaps and gaps (OVERLAP_TOLERANCE, {:g} m² by default): shared boundaries of neighbouring communities digitised twice overlap and leave gaps in slivers. Each piece where communities overlap, and each gap they enclose, up to this area is given to the community sharing the longest edge with it (ties: the lowest feature id; a community that would lose most of its area, such as a small one inside another, keeps its pieces), and logged with its features, area and place; the communities then tile exactly. A larger overlap stops the run, naming the features and the tolerance that would accept it; a larger gap is reported and left uncovered.</source>
      <translation>重叠与空隙（OVERLAP_TOLERANCE，默认 {:g} 平方米）：相邻社区的共同边界数字化两次时，会留下细长的重叠和空隙。不超过该面积的每一处社区重叠、以及社区围合的每一处空隙，都划给与其共用边最长的社区（长度相同时取要素编号最小者；将因此失去大部分面积的社区，例如位于另一社区内的小社区，保留这些部分），并在日志中列出其要素、面积和位置；此后各社区恰好拼接。更大的重叠会使运行停止，并指出相关要素以及能接受它的容差；更大的空隙会被报告，并保持无网格覆盖。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Emerging hot spots of cases</source>
      <translation>案件新兴热点分析</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Finds where hot and cold spots of cases appear, last, grow, fade or come and go (emerging hot spot analysis, as in ArcGIS Pro). The store counts the cases per unit grid and time bin: local days, ISO weeks (Monday to Sunday) or calendar months. Space-time Getis-Ord Gi* compares each grid's neighbourhood (the grid and its neighbours up to the given rings, in this bin and the given number of previous bins) with the mean of all grids and bins. A bin is a hot or cold spot at 90 % confidence; the FDR correction (Benjamini-Hochberg over all grids and bins, on by default) keeps the expected share of chance findings among them at 10 % or less. The Mann-Kendall test of each grid's Gi* z-scores gives its trend. Categories:
- New hot spot: hot in the last bin only.
- Consecutive hot spot: hot in an unbroken run of the last bins, never before, in less than 90 % of the bins.
- Intensifying hot spot: hot in 90 % of the bins or more, the last included, z rising.
- Persistent hot spot: the same without a significant trend.
- Diminishing hot spot: the same with z falling.
- Sporadic hot spot: hot in the last bin and in some earlier ones, in less than 90 %, never cold.
- Oscillating hot spot: the same, but a cold spot in some bin.
- Historical hot spot: hot in 90 % of the bins or more, but not in the last.
- Cold spots: the same with hot and cold swapped (intensifying: getting colder).
- No pattern detected: none of these.

Parameters: the store and the unit grids; the period (From, Until; empty: all cases) and the filters; the time zone of the local days; the time step; the neighbours (queen or rook, gap tolerance, rings); the time window in bins; the FDR correction; the minimum number of bins (10, as ArcGIS requires).

Outputs: the unit grids with category code and name, trend z and p, the trend of the counts, the numbers of hot and cold bins and the last bin's z and p (FDR-adjusted when the correction is on); and one feature per grid and bin with its first and end day (exclusive), cases, Gi* z, p, adjusted p and class (±1/2/3: 90/95/99 %), ready for QGIS's temporal controller. A grid without neighbours is compared on its own cases alone. Cases of grids not among the unit grids are left out and reported. A bin cut by From or Until has fewer days, so fewer cases.</source>
      <translation>找出案件热点和冷点在何处出现、持续、增强、减弱或时隐时现（新兴热点分析，与 ArcGIS Pro 相同）。案件库按单元网格和时间段统计案件数：时间段为本地日、ISO 周（周一至周日）或自然月。时空 Getis-Ord Gi* 将每个网格的邻域（该网格及其指定圈数以内的相邻网格，在本时间段及指定数目的前几个时间段内）与所有网格和时间段的均值进行比较。置信度达到 90% 的时间段即为热点或冷点；FDR 校正（对所有网格和时间段做 Benjamini-Hochberg 校正，默认开启）使其中出于偶然的预期比例不超过 10%。对每个网格的 Gi* z 得分做 Mann-Kendall 检验得出其趋势。类别：
- 新增热点：仅在最后一个时间段为热点。
- 连续热点：在最后若干个连续时间段为热点，此前从未是热点，且热点时间段少于 90%。
- 加强热点：在 90% 或以上的时间段（包括最后一个）为热点，z 值显著上升。
- 持续热点：同上，但没有显著趋势。
- 减弱热点：同上，但 z 值显著下降。
- 零散热点：在最后一个时间段及此前部分时间段为热点，少于 90%，从未是冷点。
- 振荡热点：同上，但在某个时间段曾是冷点。
- 历史热点：在 90% 或以上的时间段为热点，但最后一个时间段不是。
- 冷点：同上，热点与冷点互换（加强冷点：越来越冷）。
- 未检测到模式：以上皆不是。

参数：案件库和单元网格；时段（开始、截止；留空：全部案件）和筛选条件；本地日期所用的时区；时间步长；邻接关系（queen 或 rook、缝隙容差、圈数）；以时间段计的时间窗口；FDR 校正；最少时间段数（10，与 ArcGIS 的要求相同）。

输出：单元网格图层，含类别代码和名称、趋势 z 值和 p 值、案件数的趋势、热点和冷点时间段数、最后一个时间段的 z 值和 p 值（开启校正时为 FDR 校正后的值）；以及每个网格每个时间段一个要素的图层，含起始日和结束日（不含）、案件数、Gi* z 值、p 值、校正后 p 值和分级（±1/2/3：90/95/99%），可直接用于 QGIS 的时间控制器。没有相邻网格的网格只与其自身的案件比较。网格代码不在单元网格中的案件不参与分析，并会报告。被开始或截止时间截断的时间段天数较少，案件数也因此较少。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Time step</source>
      <translation>时间步长</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Neighbour rings (1: neighbours; 2: also their neighbours)</source>
      <translation>邻域圈数（1：相邻网格；2：再加上它们的相邻网格）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Time window: previous bins in each neighbourhood</source>
      <translation>时间窗口：每个邻域包含的前几个时间段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Minimum number of time bins</source>
      <translation>最少时间段数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Gi* per grid and time bin</source>
      <translation>各网格各时间段的 Gi*</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Time bins</source>
      <translation>时间段数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Grids in a hot spot category</source>
      <translation>属于热点类别的网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Grids in a cold spot category</source>
      <translation>属于冷点类别的网格数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>There are no cases with a grid code in the period and filters ({}); choose another period or fewer filters.</source>
      <translation>在该时段和筛选条件（{}）下没有带网格代码的案件；请选择其他时段或减少筛选条件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>From or Until cuts the first or last time bin short, so it holds fewer cases than a whole bin; a trend or a last-bin category may come from that. Start and end the period on bin edges (for weeks: Mondays).</source>
      <translation>开始或截止时间截断了第一个或最后一个时间段，其案件数少于完整的时间段；趋势或最后时间段的类别可能因此而来。请让时段从时间段的边界开始和结束（按周时：周一）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>None of the cases in the period lies in these unit grids; give the unit grids the cases were imported with.</source>
      <translation>该时段内没有任何案件位于这些单元网格中；请给出导入案件时所用的单元网格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} cases in {} grids and {} time bins ({} to {}).</source>
      <translation>{} 个案件，{} 个网格，{} 个时间段（{} 至 {}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{}: {} grids</source>
      <translation>{}：{} 个网格</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} grids have no neighbour: each is compared on its own cases alone. Raise the gap tolerance if the grids have small gaps.</source>
      <translation>{} 个网格没有相邻网格：每个只与其自身的案件比较。若网格之间有小缝隙，请调大缝隙容差。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} cases carry {} grid codes that are not among the unit grids (e.g. {}) and are left out; give the unit grids the cases were imported with.</source>
      <translation>{} 个案件带有 {} 个不在单元网格中的网格代码（如 {}），不参与分析；请给出导入案件时所用的单元网格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} cases without a grid code or a report time are left out.</source>
      <translation>{} 个没有网格代码或上报时间的案件不参与分析。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluate case handling (综合评价)</source>
      <translation>案件处置综合评价</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluates how the store's cases were handled, per unit grid, community, street, department or source (LEVEL), for a period and the previous period of equal length, with the change: 立案数, 应结案数, 准确立案率, 处置率, 按期处置率, 超期待处置率, 结案率, 按期结案率, 超期结案率, 返工率, 延期率, the overdue open cases at the cut-off, and the mean and median handling time (filing to closing, hours). Rates are percentages; changes of rates are percentage points.

The period is START (inclusive) to END (exclusive), local dates or times in TIMEZONE: March 2025 is 2025-03-01 to 2025-04-01. Its cases are those filed (立案) in it; a case without a filing time that was dispatched, disposed of or closed counts as filed at its report time, and a report that was never filed counts as 'unfiled' only. The previous period is the same number of calendar months before when the period is whole months, else the same duration before. Stages count when they happened before the period's end plus GRACE_DAYS (the cut-off), so the figures stay the same when run again later.

Invalid cases (作废) count in 立案数 and 准确立案率 only. A case lacking a time an indicator needs stays in its denominator and is counted in the table (no_deadline, closed_no_disposed, filed_from_report, bad_order) and in the report's notes. REWORK_BASE chooses the denominator of 返工率 and CLOSE_BASE that of 按期结案率 and 超期结案率, where the sources disagree: 应结案数 (the default) or 结案数.

Units are graded A–E on a composite score, the weighted mean of rates (better-when-low rates as 100 − rate): by default 按期结案率 30, 结案率 20, 按期处置率 20, 处置率 10, 返工率 10, 延期率 10; WEIGHTS replaces them (e.g. intime_close_rate=50, close_rate=50). Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below. The weights and the grades are this plugin's convention, not GB/T 30428.4's. Units with fewer than MIN_CASES due cases, and the cases without a unit, are not graded or ranked.

Outputs: the table of every unit (OUTPUT), for the area levels a polygon layer coloured by grade (AREAS), the ranking (RANKING), an HTML report, and optionally a PDF made through a QGIS print layout. All counting is done in the store in SQL.</source>
      <translation>按单元网格、社区、街道、处置部门或来源（LEVEL）评价库中案件的处置情况，给出本期与上一个等长期间的指标及其变化：立案数、应结案数、准确立案率、处置率、按期处置率、超期待处置率、结案率、按期结案率、超期结案率、返工率、延期率、截止时点的超期未结案数，以及结案时长（立案到结案，小时）的平均值和中位数。比率为百分数，比率的变化为百分点。

评价期为 START（含）至 END（不含），按 TIMEZONE 的本地日期或时间：2025 年 3 月即 2025-03-01 至 2025-04-01。评价期的案件为在期内立案的案件；没有立案时间但已派遣、处置或结案的案件按上报时间计为立案，从未立案的上报只计为“unfiled”（未立案）。评价期为整月时，上一期为之前相同月数的期间，否则为之前相同时长的期间。各环节在评价期结束加 GRACE_DAYS 天（截止时点）之前发生才计入，因此以后重新运行结果不变。

作废案件只计入立案数和准确立案率。缺少某指标所需时间的案件留在该指标的分母中，并在表中（no_deadline、closed_no_disposed、filed_from_report、bad_order）和报告的数据说明中计数。在各来源说法不一之处，REWORK_BASE 选择返工率的分母，CLOSE_BASE 选择按期结案率和超期结案率的分母：应结案数（默认）或结案数。

各单元按综合指标值评为 A–E 级，综合指标值为各比率的加权平均（越低越好的比率以 100 − 比率计）：默认按期结案率 30、结案率 20、按期处置率 20、处置率 10、返工率 10、延期率 10；WEIGHTS 可替换权重（例如 intime_close_rate=50, close_rate=50）。等级：A ≥ 90，B ≥ 75，C ≥ 60，D ≥ 40，其余为 E。权重与等级为本插件的约定，并非 GB/T 30428.4 的规定。应结案数少于 MIN_CASES 的单元以及没有所属单元的案件不评级、不排名。

输出：各单元的评价表（OUTPUT）、面状层级按等级着色的图层（AREAS）、排名（RANKING）、HTML 报告，以及可选的经 QGIS 打印布局生成的 PDF。所有统计都在库中以 SQL 完成。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>应结案数 (cases due)</source>
      <translation>应结案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>结案数 (cases closed)</source>
      <translation>结案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Department</source>
      <translation>处置部门</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluate per</source>
      <translation>评价层级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Period from (filing time, inclusive; e.g. 2025-03-01)</source>
      <translation>评价期起始（立案时间，含；例如 2025-03-01）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Period until (exclusive; e.g. 2025-04-01)</source>
      <translation>评价期结束（不含；例如 2025-04-01）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Days after the period's end that stages still count (cut-off)</source>
      <translation>评价期结束后仍计入各环节的天数（截止时点）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Denominator of 返工率</source>
      <translation>返工率的分母</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Denominator of 按期结案率 and 超期结案率</source>
      <translation>按期结案率和超期结案率的分母</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Composite weights (rate=weight, comma separated; empty: the default)</source>
      <translation>综合指标权重（指标=权重，逗号分隔；留空为默认）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Fewest due cases a unit needs to be graded</source>
      <translation>参与评级所需的最少应结案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation table</source>
      <translation>评价表</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation map (grids, communities or streets)</source>
      <translation>评价图（网格、社区或街道）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Ranking with grades</source>
      <translation>排名与等级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation report (HTML)</source>
      <translation>评价报告（HTML）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation report (PDF)</source>
      <translation>评价报告（PDF）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Cases filed in the period</source>
      <translation>本期立案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Units graded</source>
      <translation>参与评级的单元数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation of case handling per {}: {}</source>
      <translation>按{}的案件处置综合评价：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Time zone</source>
      <translation>时区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Cut-off</source>
      <translation>截止时点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Fewest due cases to be graded</source>
      <translation>参与评级所需的最少应结案数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>{} cases filed in {} ({} in {}); {} of {} units graded.</source>
      <translation>{} 件案件在 {} 立案（{} 件在 {}）；已评级 {} 个单元（共 {} 个）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Departments and sources have no polygons: the map (AREAS) is made for unit grids, communities and streets only.</source>
      <translation>处置部门和来源没有面：评价图（AREAS）只为单元网格、社区和街道生成。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>PDF report written to {}.</source>
      <translation>PDF 报告已写入 {}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Counting the cases filed in {} and {} in {}...</source>
      <translation>正在统计 {} 和 {} 在 {} 中立案的案件……</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>the period's end + {days} days</source>
      <translation>评价期结束 + {days} 天</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>The store {} has no unit grids: the units are the codes of the cases, and there is no map.</source>
      <translation>库 {} 中没有单元网格：以案件中的代码为单元，且没有评价图。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>The PDF report could not be written to {}: {}</source>
      <translation>无法将 PDF 报告写入 {}：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Export for planners</source>
      <translation>导出图层</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Writes a unit-grid, component or heat layer to a file for other systems:
- GeoPackage; Shapefile (UTF-8 or GBK with a .cpg file; long field names shortened to 10 characters as listed in &lt;name&gt;.fields.csv beside it; colliding names and text longer than a DBF field holds are errors); GeoJSON (RFC 7946, longitude/latitude); KML; DXF for CAD (boundaries as polylines, codes as text); CSV with the geometry as WKT.
- Coordinate systems: CGCS2000 geographic, the data's CGCS2000 3- or 6-degree Gauss-Krüger zone, WGS84, Web Mercator, GCJ-02 (for Chinese web maps; WGS84 longitude/latitude with the offset applied), or any other CRS. Features the target cannot represent are reported by feature id.
The file is written under a temporary name and moved into place at the end: a failed or cancelled export leaves nothing, and an existing file is replaced only with OVERWRITE.</source>
      <translation>把单元网格、部件或热力图层写成其他系统可用的文件：
- GeoPackage；Shapefile（UTF-8 或 GBK，附 .cpg 文件；长字段名缩短为 10 个字符，对照表写在同目录的 &lt;名称&gt;.fields.csv 中；字段名冲突或文本超过 DBF 字段容量时报错）；GeoJSON（RFC 7946，经纬度）；KML；供 CAD 使用的 DXF（边界为多段线，编码为文字）；几何为 WKT 的 CSV。
- 坐标系：CGCS2000 地理坐标、数据所在的 CGCS2000 3 度或 6 度高斯-克吕格投影带、WGS84、Web 墨卡托、GCJ-02（国内网络地图使用；在 WGS84 经纬度上加偏移），或任意其他坐标系。目标坐标系无法表示的要素按要素编号报告。
文件先以临时名称写出，最后再移到目标位置：导出失败或被取消时不留任何文件；只有勾选 OVERWRITE 才会替换已有文件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Layer to export (unit grids, components, heat)</source>
      <translation>要导出的图层（单元网格、部件、热力）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Coordinate system</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Other coordinate system</source>
      <translation>其他坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Text encoding (Shapefile and CSV)</source>
      <translation>文本编码（Shapefile 和 CSV）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Code field (DXF text, KML name; empty: grid_code or component_id)</source>
      <translation>编码字段（DXF 文字、KML 名称；留空则用 grid_code 或 component_id）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Shapefile field names (long=short; ...; optional)</source>
      <translation>Shapefile 字段名（长名=短名; ...；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Replace an existing file</source>
      <translation>替换已有文件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Exported file</source>
      <translation>导出的文件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Features exported</source>
      <translation>导出的要素数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Files written</source>
      <translation>写出的文件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Shapefile field-name map</source>
      <translation>Shapefile 字段名对照表</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>GeoPackage (.gpkg)</source>
      <translation>GeoPackage 文件（.gpkg）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Shapefile (.shp)</source>
      <translation>Shapefile 文件（.shp）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>GeoJSON, RFC 7946 (.geojson)</source>
      <translation>GeoJSON 文件，RFC 7946（.geojson）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>KML (.kml)</source>
      <translation>KML 文件（.kml）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>DXF for CAD, codes as text (.dxf)</source>
      <translation>供 CAD 使用的 DXF，编码为文字（.dxf）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CSV with WKT (.csv)</source>
      <translation>几何为 WKT 的 CSV（.csv）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CGCS2000 geographic (EPSG:4490)</source>
      <translation>CGCS2000 地理坐标（EPSG:4490）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CGCS2000 3-degree Gauss-Krüger zone of the data</source>
      <translation>数据所在的 CGCS2000 3 度高斯-克吕格投影带</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CGCS2000 6-degree Gauss-Krüger zone of the data</source>
      <translation>数据所在的 CGCS2000 6 度高斯-克吕格投影带</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>WGS84 (EPSG:4326)</source>
      <translation>WGS84 地理坐标（EPSG:4326）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Web Mercator (EPSG:3857)</source>
      <translation>Web 墨卡托（EPSG:3857）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>GCJ-02 (Chinese web maps)</source>
      <translation>GCJ-02（国内网络地图）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Other (the CRS below)</source>
      <translation>其他（下方的坐标系）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>{} features written to {} ({}).</source>
      <translation>已将 {} 个要素写入 {}（{}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>{} polygons became invalid in {} and were repaired (make valid).</source>
      <translation>{} 个多边形在 {} 中变为无效，已修复（make valid）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Geocode addresses</source>
      <translation>地址匹配（地理编码）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Places the addresses of a table (CSV, XLSX or any layer) on the map through the store's gazetteer of standard addresses. Addresses are normalised (full-width digits and letters, Chinese numerals, 号/号院/号楼, 路/街/大街/胡同/巷 variants, traditional characters, missing district prefixes) and read into district, street, community, road, door number, building, unit and room. They are matched exactly, then by a similar road or place name, with a confidence from 0 to 1; a door number missing from the gazetteer takes the nearest plate on the same side at a lower confidence. Matched rows become points with the grid, community and street codes and the BeiDou code of the matched entry. Unmatched rows and ambiguous ones (several entries fit equally well) are listed in the report with their candidates.</source>
      <translation>用案件库中的标准地址库，把表格（CSV、XLSX 或任意图层）中的地址定位到地图上。地址先规范化（全角数字与字母、中文数字、号/号院/号楼、路/街/大街/胡同/巷等变体、繁体字、缺省的区县前缀），再拆分为区县、街道、社区、道路、门牌号、楼栋、单元和室。先精确匹配，再按相近的道路名或地名匹配，并给出 0 到 1 的置信度；地址库中没有的门牌号取同侧最近的门牌，置信度较低。匹配成功的行生成点，带有所匹配条目的单元网格、社区、街道编码和北斗网格码。未匹配的行和有歧义的行（多个条目同样符合）连同候选项列在报告中。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses file (CSV, XLSX, GeoPackage, Shapefile, ...)</source>
      <translation>地址文件（CSV、XLSX、GeoPackage、Shapefile 等）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>ambiguous</source>
      <translation>有歧义</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>not matched</source>
      <translation>未匹配</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Address field</source>
      <translation>地址字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Lowest confidence accepted as a match (0–1)</source>
      <translation>接受为匹配的最低置信度（0–1）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Geocoded addresses</source>
      <translation>已定位的地址</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Unmatched and ambiguous addresses (CSV)</source>
      <translation>未匹配和有歧义的地址（CSV）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses matched</source>
      <translation>匹配的地址数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses ambiguous</source>
      <translation>有歧义的地址数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses not matched</source>
      <translation>未匹配的地址数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>{} addresses: {} matched, {} ambiguous, {} not matched (see {}).</source>
      <translation>共 {} 个地址：{} 个匹配，{} 个有歧义，{} 个未匹配（见 {}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>The table has no field {}; its fields are: {}</source>
      <translation>表格中没有字段 {}；现有字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Import standard addresses</source>
      <translation>导入标准地址</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Standard addresses (标准地址: door plates, buildings, points of interest, streets and lanes) from any point layer into the store's gazetteer, which geocoding and reverse geocoding use. Each address is read into road, door number, building, street and community; it gets the codes of the unit grid it stands in and its BeiDou grid code (level 8). Addresses are upserted by their code: a re-import updates them and keeps the others. Without a code field, a stable code is made from the community code and the normalised address text. Rows without a position or an address, and repeated codes, go to the rejects file.</source>
      <translation>把任意点图层中的标准地址（门牌、楼栋、兴趣点、街巷）导入案件库的地址库，供地址匹配和逆地理编码使用。每个地址拆分为道路、门牌号、楼栋、街道和社区，并获得所在单元网格的编码和北斗网格码（第 8 级）。地址按编码更新或插入：再次导入会更新已有地址并保留其他地址。没有编码字段时，由社区编码和规范化的地址文本生成稳定的编码。没有位置或没有地址的行以及重复的编码写入拒绝文件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Unit grids (saved into the store; empty: the store's grids)</source>
      <translation>单元网格（保存到案件库；留空：使用案件库中的网格）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Standard addresses (points)</source>
      <translation>标准地址（点）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Full address field</source>
      <translation>完整地址字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Address code field (empty: made from the community and the address)</source>
      <translation>地址编码字段（留空则由社区和地址生成）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Kind field (门牌, 楼栋, 兴趣点, 街巷…; optional)</source>
      <translation>类型字段（门牌、楼栋、兴趣点、街巷…；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Place name field (points of interest; optional)</source>
      <translation>地名字段（兴趣点；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>District name, when the addresses do not start with it (e.g. 东城区)</source>
      <translation>区县名称（地址不以区县开头时填写，如 东城区）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Rejected addresses</source>
      <translation>被拒绝的地址</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses read</source>
      <translation>读取的地址数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses stored</source>
      <translation>入库的地址数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses rejected</source>
      <translation>被拒绝的地址数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses outside every unit grid</source>
      <translation>不在任何单元网格内的地址数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>addresses</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>{} addresses read, {} stored in {}, {} rejected, {} outside every unit grid.</source>
      <translation>读取 {} 个地址，{} 个存入 {}，{} 个被拒绝，{} 个不在任何单元网格内。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>The layer has no field {}; its fields are: {}</source>
      <translation>图层中没有字段 {}；现有字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>no position (the feature has no geometry)</source>
      <translation>没有位置（要素没有几何）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>no address and no place name</source>
      <translation>既没有地址也没有地名</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>address code {} repeats feature {}</source>
      <translation>地址编码 {} 与要素 {} 重复</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Plausible places: coordinates in WGS84 or CGCS2000 degrees without a named CRS, and GCJ-02 and BD-09 ones, must lie in China. With 'Another CRS' and SOURCE_CRS (or a layer with its own CRS) the coordinates may lie anywhere, but not more than 50 km outside the unit grids' extent (such a row is rejected as outside the district's grids). SOURCE_CRS is used only with 'Another CRS'. For unit grids outside China the store's degrees are WGS 84 ones, and its layers and the outputs of the case algorithms are tagged EPSG:4326.</source>
      <translation>合理位置：未指明坐标系的 WGS84 或 CGCS2000 经纬度，以及 GCJ-02 和 BD-09 坐标，必须位于中国境内。选择“其他坐标系”并给出 SOURCE_CRS（或图层自带坐标系）时，坐标可位于任何地方，但不得超出单元网格范围 50 km 以上（这样的行以“位于本区单元网格之外”拒绝）。SOURCE_CRS 仅在选择“其他坐标系”时使用。单元网格位于中国境外时，案件库中的经纬度为 WGS 84 经纬度，案件库图层和各案件算法的输出均标注为 EPSG:4326。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases file (CSV, XLSX, GeoPackage, Shapefile, GeoJSON, ...)</source>
      <translation>案件文件（CSV、XLSX、GeoPackage、Shapefile、GeoJSON 等）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Field mapping (case field=input field; ...)</source>
      <translation>字段映射（案件字段=输入字段; ...）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Coordinates are in</source>
      <translation>坐标所用坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>That other CRS</source>
      <translation>其他坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Date format of the times (auto, iso, us, dmy, excel or e.g. %d.%m.%Y %H:%M)</source>
      <translation>时间的日期格式（auto、iso、us、dmy、excel，或如 %d.%m.%Y %H:%M）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Class scheme of the cases</source>
      <translation>案件的类别编码方案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Your own classes (CSV; optional)</source>
      <translation>自定义类别（CSV；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Place rows without coordinates by their address (the store's gazetteer)</source>
      <translation>按地址定位没有坐标的行（使用案件库的地址库）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Lowest confidence for placing a case by its address (0–1)</source>
      <translation>按地址定位案件的最低置信度（0–1）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Earliest year of a case time</source>
      <translation>案件时间的最早年份</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Latest year of a case time (empty: next year)</source>
      <translation>案件时间的最晚年份（留空：明年）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rejected rows</source>
      <translation>拒绝的行</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rows read</source>
      <translation>读取行数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases imported</source>
      <translation>导入案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases updated</source>
      <translation>更新案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases unchanged</source>
      <translation>未变案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rows rejected</source>
      <translation>拒绝行数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rows placed by their address</source>
      <translation>按地址定位的行数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases without a class</source>
      <translation>无类别的案件数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>GCJ-02 (Amap, Tencent)</source>
      <translation>GCJ-02（火星坐标：高德、腾讯）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>BD-09 (Baidu)</source>
      <translation>BD-09（百度坐标）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>SOURCE_CRS is used only when the coordinates are in 'Another CRS' (COORDINATES 4); it is ignored now.</source>
      <translation>SOURCE_CRS 仅在坐标为“其他坐标系”（COORDINATES 4）时使用；本次忽略。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Another CRS (below)</source>
      <translation>其他坐标系（见下）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>GB/T 47678.5-2026 (5-digit classes)</source>
      <translation>GB/T 47678.5-2026（5 位类别）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>GB/T 30428.2-2013 (4-digit classes)</source>
      <translation>GB/T 30428.2-2013（4 位类别）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Reading {} ({}).</source>
      <translation>正在读取 {}（{}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Field mapping: {}</source>
      <translation>字段映射：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cancelled; nothing was written to the store.</source>
      <translation>已取消；未向案件库写入任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Read {}, imported {}, updated {}, unchanged {}, rejected {} (see {}).</source>
      <translation>读取 {} 行，导入 {} 个，更新 {} 个，未变 {} 个，拒绝 {} 行（见 {}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The rejects file {} cannot be written ({}); nothing was imported. Close it or choose another name, and run again.</source>
      <translation>无法写入拒绝行文件 {}（{}）；未导入任何数据。请关闭该文件或换一个文件名，然后重新运行。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Coordinates in 'another CRS' need that CRS (SOURCE_CRS).</source>
      <translation>坐标为“其他坐标系”时需要指定该坐标系（SOURCE_CRS）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{:,} cases have no class and were imported without one (class code empty, kind as given or unknown): filters by class leave them out, period reports count them as not assigned.</source>
      <translation>{:,} 个案件没有类别，已作为无类别案件导入（类别代码为空，类型按原值或未知）：按类别筛选时不包含它们，周期报告把它们计为“未分配”。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{} rows without coordinates were placed by their address.</source>
      <translation>{} 个没有坐标的行已按地址定位。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{} rows look like latitude and longitude swapped; check the x/y field mapping.</source>
      <translation>{} 行的经纬度似乎颠倒了；请检查 x/y 字段映射。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{} classes added or overridden from {}.</source>
      <translation>添加或覆盖了 {} 个类别（来自 {}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The case's lifecycle, for the evaluation, each field optional (FIELD_MAP, or found by these names): filed_at (立案时间), dispatched_at (派遣时间), disposed_at (处置时间), closed_at (结案时间), deadline (处置时限); department (处置部门, 责任部门, dept), kept as written; rework_count (返工次数) and postpone_count (延期次数), whole numbers from 0; invalid (作废, 是否作废, cancelled): 是/否, 1/0, true/false, Y/N or 作废/有效. An empty value is unknown. A count or flag that cannot be read rejects its row, naming the field and the value. The times follow the workflow: filed, dispatched, disposed of and closed in this order, none before the report, and the deadline not before the report; a row with a time out of that order is rejected, naming both fields and both times (a date without a time of day counts as that whole day). Department names are not checked: cases without one are a group of their own in the evaluation.</source>
      <translation>案件的生命周期，供综合评价使用，每个字段都可选（用 FIELD_MAP 映射，或按以下名称自动识别）：filed_at（立案时间）、dispatched_at（派遣时间）、disposed_at（处置时间）、closed_at（结案时间）、deadline（处置时限）；department（处置部门、责任部门、dept），按原样保存；rework_count（返工次数）和 postpone_count（延期次数），不小于 0 的整数；invalid（作废、是否作废、cancelled）：是/否、1/0、true/false、Y/N 或 作废/有效。空值表示未知。无法读取的次数或标志使该行被拒绝，并指出字段和值。各时间须符合案件流程：立案、派遣、处置、结案依次进行，都不早于上报时间，处置时限也不早于上报时间；时间顺序不符的行被拒绝，并指出两个字段和两个时间（没有时刻的日期代表这一整天）。处置部门不做核对：没有处置部门的案件在综合评价中单独成组。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Row {} of the file looks like the header ({}); set HEADER_ROW to {}.</source>
      <translation>文件第 {} 行看起来是表头（{}）；请将 HEADER_ROW 设为 {}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The file is read, checked and written in chunks of at most 20,000 rows (fewer when it has many columns), all inside that one transaction, so that a file of any size imports in bounded memory; the rejects are written as they are found. Case ids that come again with other content far apart in the file make the import read the file a second time.</source>
      <translation>文件按块读取、检查和写入，每块最多 20,000 行（列多的文件更少），全部在同一个事务中完成，因此任何大小的文件都能在有限内存中导入；被拒绝的行在发现时即写出。案件编号在文件中相距较远处再次出现且内容不同时，导入会第二次读取该文件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{:,} case ids appear again with other content far apart in the file: none of their rows can be imported, so the file is read a second time (the first reading was rolled back).</source>
      <translation>{:,} 个案件编号在文件中相距较远处以不同内容再次出现：这些编号的所有行都不能导入，因此第二次读取该文件（第一次读取已回滚）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The layer's coordinates are projected ({}), while GCJ-02 and BD-09 are longitudes and latitudes: convert the layer with Convert coordinates (gridplugin:convertcoordinates) first.</source>
      <translation>图层坐标为投影坐标（{}），而 GCJ-02 和 BD-09 是经纬度：请先用“坐标转换”（gridplugin:convertcoordinates）转换该图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Imports cases (案件) from a CSV (UTF-8 or GBK), an XLSX sheet or any OGR layer into the case store: a GeoPackage file (default) or a PostGIS schema reached through a QGIS PostgreSQL connection.

FIELD_MAP maps case fields to input columns, e.g. 'case_id=案件编号; x=经度; y=纬度; reported_at=上报时间'; columns with the store's own names or common Chinese names are found without it. HEADER_ROW is the row of a CSV or sheet that names the columns; with 0 (default) it is the first row, or, below a title (a first row with a single value, such as a merged title cell), the first row that names the case fields, as the log says. Coordinates may be WGS84, CGCS2000, GCJ-02 (Amap, Tencent), BD-09 (Baidu) or any CRS; they are stored in CGCS2000. Times without a zone are local time in the chosen zone; XLSX date cells keep their time whatever their number format. Every case time must lie in the years EARLIEST_YEAR (default 1990) to LATEST_YEAR (empty: next year), as written. DATE_FORMAT says how the times are written: auto (default) reads the ISO forms (2025-03-01 08:05:00, 2025/3/1 8:05, 2025年3月1日 8时5分), month/day/year or day/month/year dates (such as 01/13/2015 12:20:09 PM; which of the two, the values decide, and the log names the row that did) and Excel serial numbers; or give iso, us (MM/DD/YYYY, 12 h with AM/PM or 24 h), dmy (DD/MM/YYYY), excel, or a strftime pattern such as %d.%m.%Y %H:%M. When every such date reads both ways (day and month up to 12), the import stops and asks for DATE_FORMAT. Rows without a class are imported without one (UNCLASSIFIED_COUNT); a class that is not in the class table rejects the row, and the log lists those classes with their row counts.

Each case gets the codes of its unit grid, street and community. A re-import is idempotent: new case ids are added, changed ones updated, identical ones left alone. The whole file is one transaction: a failure or cancel writes nothing. Rows that cannot be used go to the rejects CSV with their row number (the first row below the header is row 1), every reason found and the values: among them rows with more values than the header (a comma inside a value needs quotes), a text with a NUL character and a time outside the years. The counts of rows read, imported, updated, unchanged and rejected always add up; the log names the commonest reasons. An import that rejects every row fails with those reasons: the store stays as it was, the rejects file is written. REJECTS is checked before anything is written and replaced together with the store's commit; a text cell starting with =, +, -, @, a tab or a carriage return gets a leading ' there, so that Excel shows it instead of running it as a formula (plain numbers such as -12.5 stay numbers).</source>
      <translation>将案件从 CSV（UTF-8 或 GBK）、XLSX 工作表或任意 OGR 图层导入案件库：GeoPackage 文件（默认），或通过 QGIS PostgreSQL 连接访问的 PostGIS 模式（schema）。

FIELD_MAP 把案件字段映射到输入列，例如 'case_id=案件编号; x=经度; y=纬度; reported_at=上报时间'；与案件库字段同名或使用常见中文名称的列无需映射即可识别。HEADER_ROW 是 CSV 或工作表中列名所在的行；为 0（默认）时取第一行，若第一行是标题（只有一个值，例如合并单元格的标题），则取其下第一个写有案件字段名的行，并在日志中说明。坐标可以是 WGS84、CGCS2000、GCJ-02（火星坐标：高德、腾讯）、BD-09（百度坐标）或任意坐标系，统一以 CGCS2000 存储。不带时区的时间视为所选时区的当地时间；XLSX 日期单元格无论数字格式如何都保留其时刻。每个案件时间（按所写的年份）都必须在 EARLIEST_YEAR（默认 1990）到 LATEST_YEAR（留空：明年）之间。DATE_FORMAT 说明时间的写法：auto（默认）读取 ISO 写法（2025-03-01 08:05:00、2025/3/1 8:05、2025年3月1日 8时5分）、月/日/年或日/月/年日期（例如 01/13/2015 12:20:09 PM；是哪一种由数据决定，日志会指出起决定作用的行）以及 Excel 序列号；也可指定 iso、us（MM/DD/YYYY，带 AM/PM 的 12 小时制或 24 小时制）、dmy（DD/MM/YYYY）、excel，或 strftime 格式串，例如 %d.%m.%Y %H:%M。若所有这类日期两种读法都成立（日和月都不超过 12），导入会停止并要求设置 DATE_FORMAT。没有类别的行会作为无类别案件导入（UNCLASSIFIED_COUNT）；类别不在类别表中的行会被拒绝，日志会列出这些类别及其行数。

每个案件都会得到其所在单元网格、街道和社区的代码。重复导入是幂等的：新的案件编号会被添加，内容有变化的会被更新，完全相同的保持不变。整个文件在一个事务中导入：出错或取消时不写入任何数据。无法使用的行连同行号（表头下第一行为第 1 行）、找到的全部原因和各列的值写入拒绝行 CSV，其中包括值比表头多的行（值中的逗号需要用引号括起来）、含 NUL 字符的文本和超出年份范围的时间。读取、导入、更新、未变和拒绝的行数总能对上；日志会列出最常见的原因。所有行都被拒绝的导入会以这些原因报错失败：案件库保持原样，拒绝行文件照常写出。REJECTS 在写入任何数据之前就会检查，并与案件库的提交一起替换；其中以 =、+、-、@、制表符或回车开头的文本单元格前会加上 '，使 Excel 只显示而不把它当作公式执行（-12.5 这样的纯数字仍是数字）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Responsibility maps (atlas)</source>
      <translation>责任图（图集）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>One page per community in one PDF (a QGIS print layout atlas over the communities), plus a PNG preview of each page: the community's unit grids labelled with their codes and its roads (the map is clipped to the community), a legend, a scale bar, a north arrow, and a title with the community's name and code and today's date.</source>
      <translation>每个社区一页，合成一个 PDF（以社区为覆盖图层的 QGIS 打印布局图集），并为每页生成 PNG 预览：社区内标注编码的单元网格和道路（地图裁剪到社区范围）、图例、比例尺、指北针，以及含社区名称、编码和当天日期的标题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Legend</source>
      <translation>图例</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Communities (one page each)</source>
      <translation>社区（每个社区一页）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Community code field</source>
      <translation>社区编码字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Roads (optional)</source>
      <translation>道路（可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Page size (landscape)</source>
      <translation>纸张大小（横向）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>PNG previews (one per page)</source>
      <translation>PNG 预览（每页一张）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Pages</source>
      <translation>页数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>The community layer has no features: there is no page to make.</source>
      <translation>社区图层没有要素：无法生成任何页面。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Unit-grid responsibility map</source>
      <translation>单元网格责任图</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>{} pages written to {}.</source>
      <translation>已将 {} 页写入 {}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Roads</source>
      <translation>道路</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>The PDF could not be written: {}</source>
      <translation>无法写出 PDF：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>The PNG previews could not be written: {}</source>
      <translation>无法写出 PNG 预览：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Reverse geocode points</source>
      <translation>逆地理编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Adds to each point the district, street, community and unit-grid codes of the grid it stands in, its BeiDou grid code (level 8) and the nearest standard address of the store's gazetteer with the ground distance to it. Addresses farther than the maximum distance are not given. Grids come from the given unit-grid layer, else from the store. The output points are in the grids' datum (CGCS2000, EPSG:4490, in China; WGS 84 elsewhere), converted from GCJ-02 or BD-09 when DATUM says so.</source>
      <translation>为每个点添加其所在单元网格的区、街道、社区和网格代码，北斗网格位置码（第 8 级），以及库中地名地址里最近的标准地址及其地面距离。超过最大距离的地址不予给出。网格取自给定的单元网格图层，否则取自库中。输出点采用网格的大地基准（在中国为 CGCS2000，EPSG:4490；境外为 WGS 84）；DATUM 指明时先由 GCJ-02 或 BD-09 转换。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Points</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Farthest nearest address (m)</source>
      <translation>最近地址的最大距离（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Reverse geocoded points</source>
      <translation>逆地理编码结果</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Points in a unit grid</source>
      <translation>位于单元网格内的点数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Points with a nearest address</source>
      <translation>有最近地址的点数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>points</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>{} points: {} in a unit grid, {} with an address within {} m.</source>
      <translation>共 {} 个点：{} 个位于单元网格内，{} 个在 {} 米内有地址。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Validate components</source>
      <translation>检查部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>A layer coded without the right DATUM has grid codes that agree with its offset positions: validate it with the right DATUM and the grid codes it got from those positions are reported.</source>
      <translation>未按正确 DATUM 编码的图层，其网格代码与偏移后的位置一致：用正确的 DATUM 检查，由偏移位置得到的网格代码就会被报告出来。</translation>
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
      <source>Checks a coded component layer and writes one error feature per problem: IDs missing, malformed (district + class + serial, ASCII digits of the scheme's length), of the other scheme or of another district; ID class not in the table or different from the class field; unknown classes; duplicate IDs; components outside every unit grid; a recorded grid code (BGID) that is not the grid the component stands in. PASSED is true when nothing is found, so models can branch on it.</source>
      <translation>检查已编码的部件图层，每个问题输出一个错误要素：标识码缺失、格式错误（区县 + 类别 + 顺序码，符合编码方案长度的 ASCII 数字）、属于另一编码方案或其他区县；标识码中的类别不在类别表中或与类别字段不一致；未知类别；重复标识码；不在任何单元网格内的部件；记录的网格代码（BGID）不是部件所在的网格。未发现问题时 PASSED 为真，模型可据此分支。</translation>
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
      <source>invalid_in_crs: a grid valid in the working CRS that is invalid (self-intersecting, per GEOS) once reprojected from the layer's CRS to one of the CRS it is written to (CHECK_CRS, a comma-separated list: EPSG:4490 of the case store and EPSG:4326 by default; GCJ02 for Chinese web maps), with QGIS's transform</source>
      <translation>invalid_in_crs（投影转换后无效）：在工作坐标系中有效的网格，用 QGIS 的坐标转换从图层坐标系转换到其写出的坐标系（CHECK_CRS，逗号分隔：默认为案件库的 EPSG:4490 和 EPSG:4326；国内网络地图用 GCJ02）后无效（按 GEOS 判断为自相交）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>near_degenerate: a grid with a vertex closer than the minimum clearance (1 mm by default) to an edge of its own: valid, but a spike, neck or sliver that a reprojection can make invalid</source>
      <translation>near_degenerate（近退化几何）：网格有顶点与本网格的边距离小于最小间隙（默认 1 毫米）：几何有效，但这样的尖刺、颈缩或狭长碎片在投影转换后可能变为无效</translation>
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
      <source>Minimum clearance of a vertex from the edges of its grid (m, 0 = not checked)</source>
      <translation>顶点与本网格边的最小间隙（米，0 = 不检查）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Check validity after reprojection to (comma-separated CRS; GCJ02; empty = not checked)</source>
      <translation>检查投影转换后的有效性（逗号分隔的坐标系；可含 GCJ02；空 = 不检查）</translation>
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
      <source>The communities are first repaired as division repairs them: overlaps and gaps between them up to {:g} m² (or the tolerance, if larger) are given to the neighbour sharing the longest edge, and larger overlaps stop the check.</source>
      <translation>社区会先按划分时的方式修复：不超过 {:g} 平方米（若容差更大则取容差）的社区间重叠和空隙划给共用边最长的相邻社区，更大的重叠会使检查停止。</translation>
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
      <source>Community codes are missing or malformed: </source>
      <translation>社区代码缺失或格式错误：</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>{} retired grids (end date set) are skipped.</source>
      <translation>跳过 {} 个已终止的网格（已填写终止日期）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>'{}' in the CRS to check after reprojection is not a coordinate reference system; write EPSG codes such as EPSG:4490, EPSG:4326, EPSG:3857, or GCJ02, separated by commas.</source>
      <translation>要检查投影转换的坐标系中的“{}”不是坐标参考系；请填写 EPSG 代码，如 EPSG:4490、EPSG:4326、EPSG:3857，或 GCJ02，用逗号分隔。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source> (and {} more)</source>
      <translation>（另有 {} 条）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Cases and heat</source>
      <translation>案件与热力</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Addresses</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>The communities are divided side by side by {} worker processes (their number follows Settings ▸ Options ▸ Rendering ▸ Max cores to use).</source>
      <translation>各社区由 {} 个工作进程并行划分（进程数按“设置 ▸ 选项 ▸ 渲染 ▸ 最大可用核心数”）。</translation>
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
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Seconds by stage: {}</source>
      <translation>各阶段耗时（秒）：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>As the layer's CRS says</source>
      <translation>按图层坐标系</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>GCJ-02 (Amap/Tencent/Google China, tagged WGS84)</source>
      <translation>GCJ-02（高德/腾讯/谷歌中国，标为 WGS84）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>WGS84</source>
      <translation>WGS84 坐标</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>GCJ-02</source>
      <translation>GCJ-02（火星坐标）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>BD-09</source>
      <translation>BD-09（百度坐标）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>When many points lie outside every unit grid and another choice would put most of them inside, a warning names it.</source>
      <translation>当许多点位于所有单元网格之外、而换一种坐标选择能使其中大多数落入网格时，会有警告指出该选择。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>Coordinates of the input (Chinese web maps: GCJ-02 or BD-09)</source>
      <translation>输入图层的坐标（国内网络地图：GCJ-02 或 BD-09）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>{keys}: coordinates from Chinese web maps (Amap, Tencent, Google China: GCJ-02; Baidu: BD-09) are usually tagged WGS84 (EPSG:4326) but lie several hundred metres off. Choose GCJ-02 or BD-09 and they are converted to WGS84 before use (the layer itself is not changed); the default takes them as the layer's CRS says. CGCS2000 and WGS84 coordinates need no conversion.</source>
      <translation>{keys}：来自国内网络地图的坐标（高德、腾讯、谷歌中国为 GCJ-02；百度为 BD-09）通常标为 WGS84（EPSG:4326），实际偏离数百米。选择 GCJ-02 或 BD-09，坐标会在使用前转换为 WGS84（图层本身不变）；默认按图层坐标系读取。CGCS2000 和 WGS84 坐标无需转换。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>{count} features of {layer} lie wholly or partly outside China ({box}), where GCJ-02 is not defined: there the GCJ-02 step leaves coordinates unchanged, as the map services do (the BD-09 step applies everywhere). Check them: features {features}.</source>
      <translation>{layer} 中有 {count} 个要素全部或部分位于中国境外（{box}），GCJ-02 在那里没有定义：与地图服务一样，GCJ-02 这一步不改变其坐标（BD-09 这一步处处适用）。请检查这些要素：{features}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>{outside} of {total} {what} lie outside every unit grid; with {key} set to '{label}', {inside} would lie inside: the coordinates look like {datum}. Choose that option and run again.</source>
      <translation>{total} 个{what}中有 {outside} 个位于所有单元网格之外；若将 {key} 设为“{label}”，将有 {inside} 个位于网格内：这些坐标看来是 {datum}。请选择该选项后重新运行。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality figures (JSON)</source>
      <translation>质量指标（JSON）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on followed lines</source>
      <translation>内部网格边界落在沿用线上的比例</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on roads</source>
      <translation>内部网格边界落在道路上的比例</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on other followed features (barriers, polygon boundaries)</source>
      <translation>内部网格边界落在其他沿用地物（屏障、面要素边界）上的比例</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on no followed feature (dead ends extended, straight cuts)</source>
      <translation>内部网格边界不在任何沿用地物上的比例（尽端路延长线、直线切分）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of grids within 0.5–2 × the target area</source>
      <translation>面积在目标面积 0.5–2 倍之间的网格比例</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality: {} grids; area min {:.0f}, median {:.0f}, p95 {:.0f}, max {:.0f} m²; {:.1%} within 0.5–2 × target; compactness (Polsby-Popper) min {:.2f}, p5 {:.2f}, median {:.2f}.</source>
      <translation>质量：{} 个网格；面积最小 {:.0f}、中位数 {:.0f}、95 分位 {:.0f}、最大 {:.0f} 平方米；{:.1%} 在目标面积 0.5–2 倍之间；紧凑度（Polsby-Popper）最小 {:.2f}、5 分位 {:.2f}、中位数 {:.2f}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Unit grids made by gridplugin:dividegrids. Quality figures: {}</source>
      <translation>由 gridplugin:dividegrids 生成的单元网格。质量指标：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality: {:.1%} of interior grid boundaries lie on followed lines.</source>
      <translation>质量：{:.1%} 的内部网格边界落在沿用的线上。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality: of interior grid boundaries, {:.1%} lie on roads, {:.1%} on other followed features (barriers, polygon boundaries) and {:.1%} on none (dead ends extended, straight cuts).</source>
      <translation>质量：内部网格边界中，{:.1%} 落在道路上，{:.1%} 落在其他沿用地物（屏障、面要素边界）上，{:.1%} 不在任何沿用地物上（尽端路延长线、直线切分）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/evaluation_layout.py" />
      <source>Not graded</source>
      <translation>未评级</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/evaluation_layout.py" />
      <source>The data lack nothing the indicators need.</source>
      <translation>数据不缺少指标所需的任何内容。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>components</source>
      <translation>部件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>Coding scheme</source>
      <translation>编码方案</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>Your own classes (CSV, extends or overrides the table; optional)</source>
      <translation>自定义类别（CSV，扩充或覆盖类别表；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>Grid code field of the unit grids</source>
      <translation>单元网格的标识码字段</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>GB/T 47678.5-2026: 5-digit classes, 17-digit IDs</source>
      <translation>GB/T 47678.5-2026：5 位类别，17 位标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>GB/T 30428.2-2013: 4-digit classes, 16-digit IDs</source>
      <translation>GB/T 30428.2-2013：4 位类别，16 位标识码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>The unit-grid layer has no field '{}'; its fields are: {}</source>
      <translation>单元网格图层没有字段“{}”；其字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>feature {fid}</source>
      <translation>要素 {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon features to follow (parcels, compounds, water bodies; optional)</source>
      <translation>沿用的面要素（地块、院落、水域；可选）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Managed units among the polygon features (expression or field; true = one unit)</source>
      <translation>面要素中的管理单元（表达式或字段；为真 = 一个管理单元）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Largest managed unit kept as one grid (m²; empty = 4 × target)</source>
      <translation>保持为一个网格的管理单元最大面积（平方米；留空 = 目标面积 × 4）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Crossing rank of polygon boundaries (1 = alley … 6 = expressway, 9 = barrier)</source>
      <translation>面要素边界的跨越等级（1 = 胡同 … 6 = 快速路，9 = 屏障）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Rank field of the polygon layers (a rank or road class per polygon)</source>
      <translation>面图层的等级字段（每个面的等级或道路等级）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon edges this close to a line to follow are taken as the line (m; 0 = off)</source>
      <translation>距离要沿用的线在此距离内的面边界按该线处理（米；0 = 关闭）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon features (POLYGONS: land-use parcels, building blocks, compounds, water bodies): their boundaries bound blocks like lines, so land is divided along parcel edges first, then along dead ends extended to a block's edge, and only then by straight cuts. Merging crosses them at POLYGON_RANK (default 1, as an alley; where a boundary runs on a road or wall, that line's rank counts) or at the rank in POLYGON_CLASS_FIELD (e.g. 9 for water). Their coordinates are read as LINES_DATUM says. MANAGED_UNIT (an expression or a field name, e.g. "type" IN ('小区','学校')) marks the polygons managed as one unit (现状管理): each one up to OPEN_LAND_MAX (empty = {} × the target area) is one grid, even above the maximum area, and takes in a small neighbouring block only when that block has no other neighbour or is a strip narrower than {} m (the land between its wall and a road's centre line; a strip along several units, such as an unmapped lane between two compounds, is shared among them, each part going to the nearest); a larger one is divided like other land, with a warning naming it. The quality figures give the shares of interior grid boundaries on roads (BOUNDARY_ON_ROADS), on other followed features (BOUNDARY_ON_FEATURES) and on neither (BOUNDARY_STRAIGHT). Polygon edges within EDGE_TO_LINE (default {} m) of a line to follow are taken as that line: a compound's wall beside the centre line of the road outside it is dropped there and the walls that meet it are continued to the centre line, so each compound's grid reaches the road's centre line and no strip of road runs on round several compounds.</source>
      <translation>面要素（POLYGONS：用地地块、街坊、院落、水域）：其边界像线一样围成街块，因此先沿地块边界划分，再沿延长到街块边缘的尽端路划分，最后才直线切分。合并时按 POLYGON_RANK 跨越这些边界（默认 1，同胡同；边界与道路或围墙重合处按该线的等级），或按 POLYGON_CLASS_FIELD 中的等级（如水域填 9）。其坐标按 LINES_DATUM 读取。MANAGED_UNIT（表达式或字段名，例如 "type" IN ('小区','学校')）标记按一个单元管理的面（现状管理）：不超过 OPEN_LAND_MAX（留空 = 目标面积 × {}）的管理单元即使超过最大面积也保持为一个网格，且只在相邻小块没有其他邻块、或是宽度不足 {} 米的窄条（围墙与道路中心线之间的用地；沿多个管理单元的窄条，如两个院落之间未测绘的小巷，由它们分享，每一部分归最近的单元）时才接纳它；更大的管理单元按普通用地划分，并给出指明该要素的警告。质量指标分别给出内部网格边界落在道路上（BOUNDARY_ON_ROADS）、落在其他沿用地物上（BOUNDARY_ON_FEATURES）和两者皆非（BOUNDARY_STRAIGHT）的比例。距离要沿用的线不超过 EDGE_TO_LINE（默认 {} 米）的面边界按该线处理：院落围墙与院外道路中心线并行的一段被舍去，与之相接的围墙延长到中心线，这样每个院落的网格都延伸到道路中心线，不会有一条道路窄条绕过好几个院落。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>layer '{layer}', feature {fid}</source>
      <translation>图层“{layer}”要素 {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The workload layer must contain points (components or past cases).</source>
      <translation>工作量图层必须是点图层（部件或历史案件）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon edges within {} m of a line to follow taken as the line: {:.0f} m of edges.</source>
      <translation>距离要沿用的线 {} 米以内的面边界已按该线处理：共 {:.0f} 米边界。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Following {} polygon boundary lines from {} layer(s); {} managed unit(s).</source>
      <translation>沿用 {} 条面要素边界线（来自 {} 个图层）；管理单元 {} 个。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}': polygon ranks not known to the plugin were given the polygon rank {}: {}. Give whole numbers (1 = alley … 6 = expressway, 9 = barrier) or road classes.</source>
      <translation>图层“{}”：插件不认识的面要素等级按面要素等级 {} 处理：{}。请填写整数（1 = 胡同 … 6 = 快速路，9 = 屏障）或道路等级。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) cannot be read for layer '{}': {}</source>
      <translation>管理单元表达式（MANAGED_UNIT：{}）无法用于图层“{}”：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) uses field(s) {} that layer '{}' does not have; its fields are: {}</source>
      <translation>管理单元表达式（MANAGED_UNIT：{}）用到了字段 {}，而图层“{}”没有这些字段；其字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) gives values that are neither true nor false on layer '{}' (feature: value): {}. Write a condition such as "type" IN ('小区','学校'), or use a yes/no field.</source>
      <translation>管理单元表达式（MANAGED_UNIT：{}）在图层“{}”上得到既非真也非假的值（要素：值）：{}。请写成条件，例如 "type" IN ('小区','学校')，或使用是/否字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The previous grid layer has no field '{}'; its fields are: {}</source>
      <translation>原网格图层没有字段“{}”；其字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' to follow does not contain lines; choose road, river or wall line layers.</source>
      <translation>要沿用的图层“{}”不含线要素；请选择道路、河流或围墙线图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' has no road-class field '{}': its lines are barriers (rivers, walls) that merging crosses last.</source>
      <translation>图层“{}”没有道路等级字段“{}”：其线视为屏障（河流、围墙），合并时最后才跨越。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' of the polygon features to follow does not contain polygons; choose parcel, compound or water layers.</source>
      <translation>沿用的面要素中的图层“{}”不是面图层；请选择地块、院落或水域图层。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' has no rank field '{}': its polygon boundaries rank {}.</source>
      <translation>图层“{}”没有等级字段“{}”：其面要素边界按等级 {} 处理。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}': {} invalid polygon(s) repaired with make_valid (feature: reason, area change): {}. Check them.</source>
      <translation>图层“{}”：{} 个无效面已用 make_valid 修复（要素：原因，面积变化）：{}。请检查。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) fails on feature {} of layer '{}': {}</source>
      <translation>管理单元表达式（MANAGED_UNIT：{}）在要素 {}（图层“{}”）上计算失败：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Workload feature {}: weight {} is negative; weights count workload and must be ≥ 0.</source>
      <translation>工作量要素 {}：权重 {} 为负数；权重表示工作量，必须 ≥ 0。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Previous grid feature {} has no geometry; delete it or draw its polygon.</source>
      <translation>原网格要素 {} 没有几何图形；请删除它或绘制其多边形。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}': road classes not known to the plugin were ranked as minor roads: {}. Give numeric ranks (1 = alley … 6 = expressway) to control merging.</source>
      <translation>图层“{}”：插件不认识的道路等级按支路处理：{}。可填写数字等级（1 = 胡同 … 6 = 快速路）来控制合并。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Workload feature {}: weight '{}' in field '{}' is not a number; fix the value or choose another field.</source>
      <translation>工作量要素 {}：权重“{}”（字段“{}”）不是数字；请修正该值或选择其他字段。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Default-location piles: case systems put cases they cannot locate on one default point (the city hall, a street office, the district centre), and such a point would lead every heat map and hot spot analysis. After each import the store's cases are counted per exact position (rounded to 1e-7 degrees); a position holding at least PILE_FACTOR (default 20) times the 99th percentile of cases per position (over the positions with fewer than PILE_MIN_CASES cases), and at least PILE_MIN_CASES (default 50), is a pile. Its cases placed by coordinates get location_quality 'pile' (others: 'exact', or 'geocoded' when placed by their address); the log names each pile with its position, cases, share and unit grid. The count covers the cases already in the store, so a pile that grows month by month is found. Heat maps, hot spots and emerging hot spots leave piled cases out unless their INCLUDE_PILES is set. With DETECT_PILES off, nothing is looked for and the flags of the cases not imported now stay as they are.</source>
      <translation>默认位置堆积点：案件系统会把无法定位的案件放到同一个默认点上（市政府、街道办事处、区中心），这样的点会在每张热力图和每次热点分析中排在首位。每次导入后，按精确位置（经纬度四舍五入到 1e-7 度）统计案件库中的案件；某位置的案件数不少于每个位置案件数第 99 百分位数（按案件数少于 PILE_MIN_CASES 的位置计算）的 PILE_FACTOR 倍（默认 20），且不少于 PILE_MIN_CASES（默认 50）时，即为堆积点。其中按坐标定位的案件的 location_quality 记为 'pile'（其余为 'exact'，按地址定位的为 'geocoded'）；日志逐一列出每个堆积点的位置、案件数、占比和所在单元网格。统计包括案件库中已有的案件，因此逐月增长的堆积点也能被发现。热力图、热点和时空热点分析默认不计堆积点上的案件，除非设置各自的 INCLUDE_PILES。关闭 DETECT_PILES 时不做识别，本次未导入的案件保留原有标记。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Find default-location piles (many cases on one exact point)</source>
      <translation>识别默认位置堆积点（同一精确点上有大量案件）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>A pile holds at least this many times the 99th percentile of cases per position</source>
      <translation>堆积点的案件数至少为每个位置案件数第 99 百分位数的倍数</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>... and at least this many cases</source>
      <translation>……且案件数至少为</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Default-location piles</source>
      <translation>默认位置堆积点</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Cases on default-location piles</source>
      <translation>默认位置堆积点上的案件</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>{cases} cases on {piles} default-location piles (a position with {threshold} cases or more: {factor:g} times the 99th percentile {q99:g}, at least {least}) are flagged location_quality 'pile' and left out of heat and hot spots unless INCLUDE_PILES is set.</source>
      <translation>{piles} 个默认位置堆积点上的 {cases} 件案件（案件数不少于 {threshold} 的位置：第 99 百分位数 {q99:g} 的 {factor:g} 倍，且至少 {least}）已标记为 location_quality 'pile'，除非设置 INCLUDE_PILES，否则不计入热力和热点分析。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>No default-location pile: no position holds {} cases or more (99th percentile of cases per position: {:g}).</source>
      <translation>没有默认位置堆积点：没有位置的案件数达到 {} 件（每个位置案件数的第 99 百分位数：{:g}）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Default-location pile: {} cases ({:.1%} of the store) at {:.7f}, {:.7f} in unit grid {}.</source>
      <translation>默认位置堆积点：{} 件案件（占案件库的 {:.1%}），位于 {:.7f}, {:.7f}，所在单元网格 {}。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>... and {} more piles with {} cases.</source>
      <translation>……另有 {} 个堆积点，共 {} 件案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/snapping.py" />
      <source>Snapping (SNAP_TOLERANCE, default {} m): hand-digitised roads and hutongs rarely meet exactly, and a lane that stops a metre short of a road would bound no block. Every line end that touches no other line and has another line ahead of it within the tolerance is extended onto that line's nearest point (0.5–3 m gaps are common in real data; wider tolerances start joining lanes that do not meet). Free ends are extended, never moved: two lanes 2 m apart stay two lanes, an end beside a parallel lane is not joined to it, and a dead end farther away stays a dead end. Junctions drawn twice (a crossroads whose roads end at two points less than {} m apart) are made one, their line ends moving onto one of them. The numbers of ends and junctions joined are logged; 0 turns snapping off. Duplicated and overlapping lines need no snapping: noding dissolves them.</source>
      <translation>吸附（SNAP_TOLERANCE，默认 {} 米）：手工数字化的道路和胡同很少恰好相接，差一米没接上道路的小巷围不成街块。不与其他线相接、且前方在容差之内有另一条线的每个线端点，都延长到该线上最近的点（0.5–3 米的缺口在实际数据中很常见；容差再大就会把本不相接的小巷连起来）。自由端点只延长、不移动：相距 2 米的两条小巷仍是两条，与平行小巷并排的端点不与之相连，更远的尽端路仍是尽端路。重复数字化的路口（道路止于相距不足 {} 米的两个点的十字路口）合并为一个，线端移到其中一点上。日志给出连接的端点数和路口数；0 表示不吸附。重复和重叠的线无需吸附：打断节点时即被消解。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/snapping.py" />
      <source>Snapped {} line ends within {} m ({} to lines, {} to other ends).</source>
      <translation>吸附了 {} 个线端点（{} 米以内；{} 个连到线上，{} 个连到其他线的端点）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/snapping.py" />
      <source>Joined {} junctions drawn twice less than {} m apart.</source>
      <translation>合并了 {} 个重复数字化、相距不足 {} 米的路口。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Cases that importcases found on a default-location pile (one exact point holding far more cases than any real place, such as a street office where unlocatable cases are put; location_quality 'pile') are left out unless INCLUDE_PILES is set. WORKING_CRS is the projected CRS in metres the algorithm measures in; empty: the CGCS2000 3-degree Gauss-Krüger zone of the grids in China, the WGS 84 UTM zone elsewhere. Outputs are in the grids' geographic CRS: CGCS2000 (EPSG:4490) in China, WGS 84 (EPSG:4326) elsewhere.</source>
      <translation>导入案件时被识别为默认位置堆积点上的案件（同一精确点上的案件远多于任何真实地点，例如无法定位的案件被放到街道办事处；location_quality 为 'pile'）不参与计算，除非设置 INCLUDE_PILES。WORKING_CRS 是算法量测所用的以米为单位的投影坐标系；留空时，在中国境内取网格所在的 CGCS2000 3 度高斯-克吕格分带，境外取 WGS 84 UTM 分带。输出采用网格的地理坐标系：中国境内为 CGCS2000（EPSG:4490），境外为 WGS 84（EPSG:4326）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>CRS the gap tolerance is measured in (empty: the grids' Gauss-Krüger zone in China, their UTM zone elsewhere)</source>
      <translation>量测缝隙容差所用的坐标系（留空：在中国境内取网格所在的高斯-克吕格分带，境外取其 UTM 分带）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Case store: GeoPackage file (a new name creates it)</source>
      <translation>案件库：GeoPackage 文件（填写新文件名则新建）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Or a PostGIS store: QGIS PostgreSQL connection</source>
      <translation>或使用 PostGIS 案件库：QGIS PostgreSQL 连接</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>PostGIS schema of the store</source>
      <translation>案件库的 PostGIS 模式（schema）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>From (report time, inclusive; e.g. 2025-03-01 or 2025-03-01 08:00)</source>
      <translation>起始时间（上报时间，含；例如 2025-03-01 或 2025-03-01 08:00）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Until (report time, exclusive)</source>
      <translation>截止时间（上报时间，不含）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Kinds (部件 / 事件; comma separated, empty for all)</source>
      <translation>类型（部件 / 事件；以逗号分隔，留空为全部）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Class codes (comma separated, empty for all)</source>
      <translation>类别代码（以逗号分隔，留空为全部）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Sources (comma separated, empty for all)</source>
      <translation>来源（以逗号分隔，留空为全部）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Statuses (comma separated, empty for all)</source>
      <translation>状态（以逗号分隔，留空为全部）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Include cases on default-location piles (location_quality 'pile')</source>
      <translation>包括默认位置堆积点上的案件（location_quality 为 'pile'）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Neighbours</source>
      <translation>邻接方式</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Gap tolerance between neighbouring grids (m)</source>
      <translation>相邻网格间的缝隙容差（米）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Time zone of times without one</source>
      <translation>未带时区的时间所用的时区</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The time window is empty: 'From' must come before 'Until'.</source>
      <translation>时间窗口为空：“起始时间”必须早于“截止时间”。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>There are no unit grids to place the raster.</source>
      <translation>没有可用于确定栅格位置的单元网格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The unit-grid layer has no active grids with a geometry.</source>
      <translation>单元网格图层中没有带几何图形的现行（未终止）网格。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Queen (sharing a point)</source>
      <translation>Queen 邻接（共享顶点）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Rook (sharing an edge)</source>
      <translation>Rook 邻接（共享边）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The store {} has no standard addresses yet; import them first with Import standard addresses (importaddresses).</source>
      <translation>案件库 {} 中还没有标准地址；请先用“导入标准地址”（importaddresses）导入。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>{} cases on default-location piles are left out (location_quality 'pile'); INCLUDE_PILES counts them.</source>
      <translation>{} 件默认位置堆积点上的案件未计入（location_quality 为 'pile'）；设置 INCLUDE_PILES 可计入。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The unit-grid layer has no field 'grid_code'; use the output of Divide communities into unit grids. Its fields are: {}</source>
      <translation>单元网格图层没有字段 grid_code；请使用“划分单元网格”的输出。其字段为：{}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>{} unit grids became invalid when taken to EPSG:{} and were repaired; run Validate unit grids on the layer.</source>
      <translation>{} 个单元网格转换到 EPSG:{} 后变为无效，已修复；请对该图层运行“检查单元网格”。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The store {} has no unit grids yet; give the unit-grid layer (GRIDS) once and it is saved into the store.</source>
      <translation>案件库 {} 中还没有单元网格；请提供一次单元网格图层（GRIDS），它会被保存到案件库中。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>'{}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.</source>
      <translation>“{}”不是日期或时间；请写成 2025-03-01 或 2025-03-01 08:00。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>Sheet or layer name (empty: the first)</source>
      <translation>工作表或图层名称（留空：第一个）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>CSV encoding</source>
      <translation>CSV 编码</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>Header row of a CSV or sheet (0: find it below a title)</source>
      <translation>CSV 或工作表的表头行（0：自动查找，可跳过标题行）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>Detect (UTF-8, else GBK/GB18030)</source>
      <translation>自动识别（UTF-8，否则 GBK/GB18030）</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>The file {} does not exist.</source>
      <translation>文件 {} 不存在。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>HEADER_ROW applies to CSV and XLSX files; {} is read as a GIS layer, whose fields have names. Leave HEADER_ROW at 0.</source>
      <translation>HEADER_ROW 只适用于 CSV 和 XLSX 文件；{} 按 GIS 图层读取，其字段已有名称。请将 HEADER_ROW 保持为 0。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>{} cannot be read as a table or layer; give a CSV, XLSX or a GIS layer (and the sheet name).</source>
      <translation>{} 无法作为表格或图层读取；请提供 CSV、XLSX 或 GIS 图层（以及工作表名称）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/provider.py" />
      <source>Grid city management (网格化城市管理) {}</source>
      <translation>网格化城市管理 {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>A GeoPackage store cannot keep old months apart; delete them instead, with an archive GeoPackage to write them to first (its cases stay readable as a case store).</source>
      <translation>GeoPackage 案件库不能把早期月份单独保留；请改为删除，并提供一个先写入这些案件的归档 GeoPackage（其中的案件仍可作为案件库读取）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>Deleting old months needs an archive GeoPackage to write them to first; give one, or keep the months in the database.</source>
      <translation>删除早期月份需要先把案件写入一个归档 GeoPackage；请提供一个，或把这些月份保留在数据库中。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>The archive {path} is the store itself; give another file.</source>
      <translation>归档 {path} 就是案件库本身；请指定另一个文件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>The archive {archive} did not take every case; nothing was archived.</source>
      <translation>归档 {archive} 没有收下全部案件；没有归档任何案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>{removed} cases were found in the months before {month}, {total} before its start; nothing was archived.</source>
      <translation>{month} 之前的各月中有 {removed} 个案件，而该月开始之前有 {total} 个；没有归档任何案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>{copied} of the {total} cases before {month} reached the archive; nothing was archived.</source>
      <translation>{month} 之前的 {total} 个案件中只有 {copied} 个写入了归档；没有归档任何案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Store {store} has schema version {found}, newer than this plugin understands ({known}); update the plugin before using this store.</source>
      <translation>案件库 {store} 的结构版本为 {found}，比本插件支持的版本（{known}）更新；请先升级插件再使用该案件库。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Case {case_id} (row {row}): column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the source and import again. Nothing was imported.</source>
      <translation>案件 {case_id}（第 {row} 行）：列“{column}”含有 NUL 字符（\x00），案件库无法保存；请在源数据中删除该字符后重新导入。本次未导入任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Unit grid {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the grid layer and run again. Nothing was saved.</source>
      <translation>单元网格 {key}：列“{column}”含有 NUL 字符（\x00），案件库无法保存；请在网格图层中删除该字符后重新运行。未保存任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Component {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the component layer and run again. Nothing was saved.</source>
      <translation>部件 {key}：列“{column}”含有 NUL 字符（\x00），案件库无法保存；请在部件图层中删除该字符后重新运行。未保存任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Address {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the address layer and run again. Nothing was saved.</source>
      <translation>地址 {key}：列“{column}”含有 NUL 字符（\x00），案件库无法保存；请在地址图层中删除该字符后重新运行。未保存任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>The value '{value}' contains a NUL character (\x00), which the store cannot hold or look up; remove it and run again.</source>
      <translation>值“{value}”含有 NUL 字符（\x00），案件库无法保存或查询；请删除该字符后重新运行。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/choice.py" />
      <source>Unknown store kind '{kind}'; choose gpkg (a GeoPackage file) or postgis.</source>
      <translation>未知的案件库类型“{kind}”；请选择 gpkg（GeoPackage 文件）或 postgis。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/choice.py" />
      <source>No store chosen: give a GeoPackage file (a new name creates one) or a PostgreSQL connection.</source>
      <translation>未选择案件库：请指定一个 GeoPackage 文件（新文件名会新建案件库）或一个 PostgreSQL 连接。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/choice.py" />
      <source>No PostgreSQL connection chosen for the PostGIS store; choose one of QGIS's PostgreSQL connections.</source>
      <translation>PostGIS 案件库未选择 PostgreSQL 连接；请选择 QGIS 中的一个 PostgreSQL 连接。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>GeoPackage store {path} does not exist; run the case import first.</source>
      <translation>GeoPackage 案件库 {path} 不存在；请先导入案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>{path} cannot be opened as a GeoPackage: {error}</source>
      <translation>{path} 无法作为 GeoPackage 打开：{error}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>{path} is not a GeoPackage; choose a .gpkg file (a new name creates a store).</source>
      <translation>{path} 不是 GeoPackage；请选择 .gpkg 文件（新文件名会新建案件库）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>{path} already holds the table(s) {tables}, not made by the case store; choose a new file for the store.</source>
      <translation>{path} 中已有并非由案件库创建的表 {tables}；请为案件库另选一个新文件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>The case table of {path} changed during the import; run it again.</source>
      <translation>导入期间 {path} 的案件表被改动；请重新导入。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg_access.py" />
      <source>{path} is being written by another import or program, which did not finish within {seconds} s; nothing was saved. Run again when it has finished, or close the program that holds the file.</source>
      <translation>{path} 正由另一个导入任务或程序写入，{seconds} 秒内未结束；未保存任何数据。请待其完成后重新运行，或关闭占用该文件的程序。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg_access.py" />
      <source>{path} is being written by another import or program, which did not finish within {seconds} s; run again when it has finished, or close the program that holds the file.</source>
      <translation>{path} 正由另一个导入任务或程序写入，{seconds} 秒内未结束；请待其完成后重新运行，或关闭占用该文件的程序。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg_access.py" />
      <source>Waiting for another import or program writing {path} to finish (at most {seconds} s)...</source>
      <translation>正在等待另一个写入 {path} 的导入任务或程序结束（最多 {seconds} 秒）……</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Cannot connect to {store}: {error}</source>
      <translation>无法连接到 {store}：{error}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Schema {schema} of {store} already holds the table(s) {tables}, not made by the case store; choose another schema for the store.</source>
      <translation>{store} 的模式 {schema} 中已有不是案件库创建的表 {tables}；请为案件库选择另一个模式。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Database of {store} has no PostGIS; run CREATE EXTENSION postgis as its owner.</source>
      <translation>{store} 的数据库没有安装 PostGIS；请以数据库所有者身份执行 CREATE EXTENSION postgis。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Waiting for another import into {store} to finish...</source>
      <translation>正在等待另一个导入 {store} 的任务结束……</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_cases.py" />
      <source>{store}: {missing} of the {changed} changed cases of this import were not found to be updated (a case id written twice in one import); nothing was imported.</source>
      <translation>{store}：本次导入的 {changed} 个已变更案件中有 {missing} 个找不到、无法更新（同一次导入中写入了两次同一案件编号）；没有导入任何案件。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The connection to the database of {store} was lost ({error}). Check that the server is running and run again.</source>
      <translation>与 {store} 数据库的连接已断开（{error}）。请检查服务器是否在运行，然后重新运行。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The database of {store} refused the change ({error}); nothing was saved.</source>
      <translation>{store} 的数据库拒绝了此次修改（{error}）；未保存任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>There is no QGIS PostgreSQL connection named '{name}' (known: {known}); add it under Browser &gt; PostgreSQL &gt; New Connection.</source>
      <translation>没有名为“{name}”的 QGIS PostgreSQL 连接（已有：{known}）；请在“浏览器 &gt; PostgreSQL &gt; 新建连接”中添加。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The connection to the database of {store} was lost during the import ({error}); nothing was imported. Check that the server is running and run the import again.</source>
      <translation>导入过程中与 {store} 数据库的连接已断开（{error}）；本次未导入任何数据。请检查服务器是否在运行，然后重新导入。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The connection to the database of {store} was lost ({error}); nothing was saved. Check that the server is running and run again.</source>
      <translation>与 {store} 数据库的连接已断开（{error}）；未保存任何数据。请检查服务器是否在运行，然后重新运行。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The database user of {store} lacks a right this needs ({error}); nothing was saved. Ask the database's owner to grant it (a new store needs CREATE on the database, or on its schema), or choose another schema.</source>
      <translation>{store} 的数据库用户缺少此操作所需的权限（{error}）；未保存任何数据。请数据库所有者授予该权限（新建案件库需要数据库或其模式的 CREATE 权限），或选择另一个模式。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The database of {store} refused the import ({error}); nothing was imported.</source>
      <translation>{store} 的数据库拒绝了此次导入（{error}）；本次未导入任何数据。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The authentication configuration {authcfg} of connection '{name}' cannot be used: it must exist and be of type Basic (user name and password).</source>
      <translation>连接“{name}”的认证配置 {authcfg} 无法使用：它必须存在且为 Basic 类型（用户名和密码）。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Changing {store} to schema version {version} was refused: the cases copied ({copied}) differ from the cases held ({held}); nothing was changed. Please report this.</source>
      <translation>将 {store} 改为第 {version} 版结构被拒绝：复制的案件（{copied}）与原有案件（{held}）不一致；没有做任何修改。请报告此问题。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Schema {schema} of {store} holds a table {table}, which the change of the cases table needs; rename or drop it and open the store again.</source>
      <translation>{store} 的模式 {schema} 中已有表 {table}，而修改案件表需要用到这个名称；请将其改名或删除，然后重新打开案件库。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>{store} has schema version {found}; only version 7 can be taken back, to version 6.</source>
      <translation>{store} 的结构版本为 {found}；只有第 7 版可以退回到第 6 版。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Schema {schema} of {store} holds a table {table}, which the change of the cases table needs; rename or drop it and try again.</source>
      <translation>{store} 的模式 {schema} 中已有表 {table}，而修改案件表需要用到这个名称；请将其改名或删除后重试。</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Schema {schema} of {store} already holds the archived month {table}; rename or drop it, or delete the months instead of keeping them.</source>
      <translation>{store} 的模式 {schema} 中已有归档月份表 {table}；请将其改名或删除，或改为删除这些月份而不保留。</translation>
    </message>
  </context>
</TS>

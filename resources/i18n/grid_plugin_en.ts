<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>GridPlugin</name>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>road suffix differs</source>
      <translation>road suffix differs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>road name similar</source>
      <translation>road name similar</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>place name similar</source>
      <translation>place name similar</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>no door number</source>
      <translation>no door number</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>door number not in the gazetteer; nearest plate</source>
      <translation>door number not in the gazetteer; nearest plate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>district differs</source>
      <translation>district differs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>street differs</source>
      <translation>street differs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>community differs</source>
      <translation>community differs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>several entries fit</source>
      <translation>several entries fit</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>nothing recognised</source>
      <translation>nothing recognised</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>road not in the gazetteer</source>
      <translation>road not in the gazetteer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>'{address}' is not in the gazetteer</source>
      <translation>'{address}' is not in the gazetteer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>'{address}' fits several gazetteer entries equally well</source>
      <translation>'{address}' fits several gazetteer entries equally well</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/addresses/addresses.py" />
      <source>'{address}' matched with confidence {confidence}, below {minimum}</source>
      <translation>'{address}' matched with confidence {confidence}, below {minimum}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>{count:,} rows have a class that is not in the class table {scheme}, and are rejected: {values}. Add these classes in a CSV of your own classes (USER_CLASSES; columns class_code and name_en or name_zh, the name as written here), or correct the class column.</source>
      <translation>{count:,} rows have a class that is not in the class table {scheme}, and are rejected: {values}. Add these classes in a CSV of your own classes (USER_CLASSES; columns class_code and name_en or name_zh, the name as written here), or correct the class column.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>'{value}' ({count:,} rows)</source>
      <translation>'{value}' ({count:,} rows)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>kind '{value}' is neither 部件 (component) nor 事件 (event)</source>
      <translation>kind '{value}' is neither 部件 (component) nor 事件 (event)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_classes.py" />
      <source>and {count:,} more values ({rows:,} rows)</source>
      <translation>and {count:,} more values ({rows:,} rows)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_fields.py" />
      <source>The input has no field for {missing}; map it in FIELD_MAP, e.g. '{example}'. Input fields: {fields}.</source>
      <translation>The input has no field for {missing}; map it in FIELD_MAP, e.g. '{example}'. Input fields: {fields}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_fields.py" />
      <source>FIELD_MAP entry '{entry}' is not 'case field=input field'; case fields are {fields}.</source>
      <translation>FIELD_MAP entry '{entry}' is not 'case field=input field'; case fields are {fields}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_fields.py" />
      <source>FIELD_MAP maps {target} to '{source}', but the input has no such field; its fields are {fields}.</source>
      <translation>FIELD_MAP maps {target} to '{source}', but the input has no such field; its fields are {fields}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} rows rejected. Most common reasons: {reasons}</source>
      <translation>{count:,} rows rejected. Most common reasons: {reasons}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>All {count:,} rows were rejected, so nothing was imported and the store is unchanged. Most common reasons: {reasons}. Every row and its reasons are in {path}.</source>
      <translation>All {count:,} rows were rejected, so nothing was imported and the store is unchanged. Most common reasons: {reasons}. Every row and its reasons are in {path}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} × {reason}</source>
      <translation>{count:,} × {reason}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} × {reason} (first in row {row})</source>
      <translation>{count:,} × {reason} (first in row {row})</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/case_rejects.py" />
      <source>{count:,} other kinds of reason</source>
      <translation>{count:,} other kinds of reason</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/duplicates.py" />
      <source>identical duplicate of row {row}; imported once</source>
      <translation>identical duplicate of row {row}; imported once</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/duplicates.py" />
      <source>case id {case_id} appears again in rows {rows} with different content; none of them is imported: correct or remove the wrong rows</source>
      <translation>case id {case_id} appears again in rows {rows} with different content; none of them is imported: correct or remove the wrong rows</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>New hot spot</source>
      <translation>New hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Consecutive hot spot</source>
      <translation>Consecutive hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Intensifying hot spot</source>
      <translation>Intensifying hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Persistent hot spot</source>
      <translation>Persistent hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Diminishing hot spot</source>
      <translation>Diminishing hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Sporadic hot spot</source>
      <translation>Sporadic hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Oscillating hot spot</source>
      <translation>Oscillating hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Historical hot spot</source>
      <translation>Historical hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>No pattern detected</source>
      <translation>No pattern detected</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>New cold spot</source>
      <translation>New cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Consecutive cold spot</source>
      <translation>Consecutive cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Intensifying cold spot</source>
      <translation>Intensifying cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Persistent cold spot</source>
      <translation>Persistent cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Diminishing cold spot</source>
      <translation>Diminishing cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Sporadic cold spot</source>
      <translation>Sporadic cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Oscillating cold spot</source>
      <translation>Oscillating cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>Historical cold spot</source>
      <translation>Historical cold spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} has the time '{value}', which is not an ISO date or date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)</source>
      <translation>record {record} has the time '{value}', which is not an ISO date or date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} has no date; give every record a local date and time</source>
      <translation>record {record} has no date; give every record a local date and time</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the time unit must be day, week or month, got '{unit}'</source>
      <translation>the time unit must be day, week or month, got '{unit}'</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>there are no dates to put into time bins; choose a period with cases</source>
      <translation>there are no dates to put into time bins; choose a period with cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the last time bin {last} comes before the first {first}; swap the two</source>
      <translation>the last time bin {last} comes before the first {first}; swap the two</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} falls outside the period {first} to {last}; choose a period that holds every record, or leave the others out</source>
      <translation>record {record} falls outside the period {first} to {last}; choose a period that holds every record, or leave the others out</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>got {grids} grid indices and {bins} time bins; give one of each per record</source>
      <translation>got {grids} grid indices and {bins} time bins; give one of each per record</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} names grid {value}, outside 0 to {last}</source>
      <translation>record {record} names grid {value}, outside 0 to {last}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} names time bin {value}, outside 0 to {last}</source>
      <translation>record {record} names time bin {value}, outside 0 to {last}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the neighbour rings must be a whole number, 1 or more, got {rings}</source>
      <translation>the neighbour rings must be a whole number, 1 or more, got {rings}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the space-time cube needs one row per grid and one column per time bin, got {dims} dimensions</source>
      <translation>the space-time cube needs one row per grid and one column per time bin, got {dims} dimensions</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>hot spot analysis needs at least 3 units, got {count}; choose more grids</source>
      <translation>hot spot analysis needs at least 3 units, got {count}; choose more grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the space-time cube has {rows} grids but the neighbours {units}; give the same grids in the same order</source>
      <translation>the space-time cube has {rows} grids but the neighbours {units}; give the same grids in the same order</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>grid {grid} has no numeric value in time bin {bin}; count 0 for a bin without cases</source>
      <translation>grid {grid} has no numeric value in time bin {bin}; count 0 for a bin without cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>every grid has the value {value} in every time bin, so none stands out; choose a longer period, more grids or other cases</source>
      <translation>every grid has the value {value} in every time bin, so none stands out; choose a longer period, more grids or other cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the time window must be a whole number of bins, 0 or more, got {window}</source>
      <translation>the time window must be a whole number of bins, 0 or more, got {window}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>give hot and cold bins of the same shape and one trend per grid</source>
      <translation>give hot and cold bins of the same shape and one trend per grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>a bin cannot be a hot and a cold spot at once</source>
      <translation>a bin cannot be a hot and a cold spot at once</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the FDR correction must be cube, slice or none, got '{fdr}'</source>
      <translation>the FDR correction must be cube, slice or none, got '{fdr}'</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>emerging hot spot analysis needs at least {minimum} time bins, got {count}; choose a longer period or shorter time bins</source>
      <translation>emerging hot spot analysis needs at least {minimum} time bins, got {count}; choose a longer period or shorter time bins</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>a time window of {window} bins leaves {left} bins for the trend test, which needs at least 2; choose a smaller window or more bins</source>
      <translation>a time window of {window} bins leaves {left} bins for the trend test, which needs at least 2; choose a smaller window or more bins</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>the Mann-Kendall trend test needs at least 2 time bins, got {count}; choose a longer period or shorter time bins</source>
      <translation>the Mann-Kendall trend test needs at least 2 time bins, got {count}; choose a longer period or shorter time bins</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/emerging.py" />
      <source>record {record} has the time '{value}' with a time zone; give local times (the district's wall clock) without a zone</source>
      <translation>record {record} has the time '{value}' with a time zone; give local times (the district's wall clock) without a zone</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>应结案数: valid cases filed in the period</source>
      <translation>应结案数: valid cases filed in the period</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>应结案数 or 结案数 (parameter)</source>
      <translation>应结案数 or 结案数 (parameter)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Cases filed</source>
      <translation>Cases filed</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>cases filed in the period, invalid ones included</source>
      <translation>cases filed in the period, invalid ones included</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Cases due</source>
      <translation>Cases due</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>valid cases filed in the period (立案数 − 作废数)</source>
      <translation>valid cases filed in the period (立案数 − 作废数)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Accurate filing rate</source>
      <translation>Accurate filing rate</translation>
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
      <translation>Disposal rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>disposed of before the cut-off</source>
      <translation>disposed of before the cut-off</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>On-time disposal rate</source>
      <translation>On-time disposal rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>disposed of before the cut-off and at or before the deadline</source>
      <translation>disposed of before the cut-off and at or before the deadline</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Overdue pending rate</source>
      <translation>Overdue pending rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>not disposed of by the cut-off, deadline before the cut-off</source>
      <translation>not disposed of by the cut-off, deadline before the cut-off</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Closing rate</source>
      <translation>Closing rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>closed before the cut-off</source>
      <translation>closed before the cut-off</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>On-time closing rate</source>
      <translation>On-time closing rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>closed before the cut-off and at or before the deadline</source>
      <translation>closed before the cut-off and at or before the deadline</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Late closing rate</source>
      <translation>Late closing rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>closed before the cut-off and after the deadline</source>
      <translation>closed before the cut-off and after the deadline</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Rework rate</source>
      <translation>Rework rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>cases reworked at least once (rework_count &gt; 0; of the closed ones over 结案数)</source>
      <translation>cases reworked at least once (rework_count &gt; 0; of the closed ones over 结案数)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Postponement rate</source>
      <translation>Postponement rate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>cases postponed at least once (postpone_count &gt; 0)</source>
      <translation>cases postponed at least once (postpone_count &gt; 0)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Overdue open cases</source>
      <translation>Overdue open cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>valid cases not closed by the cut-off whose deadline is before it</source>
      <translation>valid cases not closed by the cut-off whose deadline is before it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Mean handling time (h)</source>
      <translation>Mean handling time (h)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>mean of closing time − filing time, cases closed by the cut-off</source>
      <translation>mean of closing time − filing time, cases closed by the cut-off</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>Median handling time (h)</source>
      <translation>Median handling time (h)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>median of closing time − filing time, cases closed by the cut-off</source>
      <translation>median of closing time − filing time, cases closed by the cut-off</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>{what} '{value}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.</source>
      <translation>{what} '{value}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period's start</source>
      <translation>The period's start</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period's end</source>
      <translation>The period's end</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period is empty: its end {end} is not after its start {start}; the end is exclusive (March 2025 is 2025-03-01 to 2025-04-01).</source>
      <translation>The period is empty: its end {end} is not after its start {start}; the end is exclusive (March 2025 is 2025-03-01 to 2025-04-01).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The grace after the period's end is {days} days; give 0 or more.</source>
      <translation>The grace after the period's end is {days} days; give 0 or more.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The period {start} to {end} and the one before it of equal length do not fit the years {first} to {last}; give a shorter period or a smaller grace.</source>
      <translation>The period {start} to {end} and the one before it of equal length do not fit the years {first} to {last}; give a shorter period or a smaller grace.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The fewest cases a unit needs to be graded is {n}; give 1 or more.</source>
      <translation>The fewest cases a unit needs to be graded is {n}; give 1 or more.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation.py" />
      <source>The denominator '{value}' is unknown; use due (应结案数) or closed (结案数).</source>
      <translation>The denominator '{value}' is unknown; use due (应结案数) or closed (结案数).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>unit grid</source>
      <translation>unit grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>community</source>
      <translation>community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>street</source>
      <translation>street</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>department</source>
      <translation>department</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>source</source>
      <translation>source</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no unit grid)</source>
      <translation>(no unit grid)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no community)</source>
      <translation>(no community)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no street)</source>
      <translation>(no street)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no department)</source>
      <translation>(no department)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>(no source)</source>
      <translation>(no source)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS gives no rate a weight above 0; weigh at least one, e.g. intime_close_rate=1.</source>
      <translation>WEIGHTS gives no rate a weight above 0; weigh at least one, e.g. intime_close_rate=1.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases reported in the period have neither a filing time nor a later stage: they were not filed (立案) and are in no count but 'unfiled'.</source>
      <translation>{n} cases reported in the period have neither a filing time nor a later stage: they were not filed (立案) and are in no count but 'unfiled'.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases have no filing time but were dispatched, disposed of or closed: they count as filed at their report time ('filed_from_report').</source>
      <translation>{n} cases have no filing time but were dispatched, disposed of or closed: they count as filed at their report time ('filed_from_report').</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} filed cases are invalid (作废): they count in 立案数 and 准确立案率 only.</source>
      <translation>{n} filed cases are invalid (作废): they count in 立案数 and 准确立案率 only.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} valid cases have no deadline: they stay in every denominator and are neither on time nor overdue ('no_deadline').</source>
      <translation>{n} valid cases have no deadline: they stay in every denominator and are neither on time nor overdue ('no_deadline').</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} closed cases have no disposal time: they count as disposed of when they were closed ('closed_no_disposed').</source>
      <translation>{n} closed cases have no disposal time: they count as disposed of when they were closed ('closed_no_disposed').</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases were closed before their filing time (a date written without a time of day?): they count as closed and are left out of the handling times ('bad_order').</source>
      <translation>{n} cases were closed before their filing time (a date written without a time of day?): they count as closed and are left out of the handling times ('bad_order').</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS entry '{entry}' is not 'rate=weight'; the rates are {rates}.</source>
      <translation>WEIGHTS entry '{entry}' is not 'rate=weight'; the rates are {rates}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS entry '{entry}': the weight '{weight}' is not a number of 0 or more.</source>
      <translation>WEIGHTS entry '{entry}': the weight '{weight}' is not a number of 0 or more.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>WEIGHTS names {rate} twice; give each rate once.</source>
      <translation>WEIGHTS names {rate} twice; give each rate once.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>No case was filed in the period {period}: every count is 0 and every rate empty, so no unit is graded.</source>
      <translation>No case was filed in the period {period}: every count is 0 and every rate empty, so no unit is graded.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>No case was filed in the previous period {period}: there is nothing to compare with, and the changes are empty.</source>
      <translation>No case was filed in the previous period {period}: there is nothing to compare with, and the changes are empty.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>give them a department in the source and import them again</source>
      <translation>give them a department in the source and import them again</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>give them one in the source, or import them with the unit grids in the store</source>
      <translation>give them one in the source, or import them with the unit grids in the store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases have no {what}: they are evaluated together as '{unit}'; {fix}.</source>
      <translation>{n} cases have no {what}: they are evaluated together as '{unit}'; {fix}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{n} cases lie in {k} {what} codes that are not among the store's unit grids ({codes}): they are evaluated in the table, without a polygon.</source>
      <translation>{n} cases lie in {k} {what} codes that are not among the store's unit grids ({codes}): they are evaluated in the table, without a polygon.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_grades.py" />
      <source>{k} units have fewer than {min} due cases: they are not graded or ranked.</source>
      <translation>{k} units have fewer than {min} due cases: they are not graded or ranked.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>The composite score and the grades ({bands}) are this plugin's convention, not GB/T 30428.4's: the standard's weights were not available.</source>
      <translation>The composite score and the grades ({bands}) are this plugin's convention, not GB/T 30428.4's: the standard's weights were not available.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>No unit could be graded in this period.</source>
      <translation>No unit could be graded in this period.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Composite</source>
      <translation>Composite</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>weighted rates</source>
      <translation>weighted rates</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Rank</source>
      <translation>Rank</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Due cases</source>
      <translation>Due cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Previous rank</source>
      <translation>Previous rank</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Previous grade</source>
      <translation>Previous grade</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Composite change</source>
      <translation>Composite change</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Indicator</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Numerator</source>
      <translation>Numerator</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Denominator</source>
      <translation>Denominator</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Better</source>
      <translation>Better</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Previous period</source>
      <translation>Previous period</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Level</source>
      <translation>Level</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Composite weights</source>
      <translation>Composite weights</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>All cases of the period</source>
      <translation>All cases of the period</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Change</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Ranking and grades</source>
      <translation>Ranking and grades</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Indicators of every unit (change against the previous period)</source>
      <translation>Indicators of every unit (change against the previous period)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Definitions</source>
      <translation>Definitions</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>lower</source>
      <translation>lower</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>higher</source>
      <translation>higher</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Notes on the data</source>
      <translation>Notes on the data</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/evaluation_report.py" />
      <source>Chinese name</source>
      <translation>Chinese name</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Hot spot, 99% confidence</source>
      <translation>Hot spot, 99% confidence</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Hot spot, 95% confidence</source>
      <translation>Hot spot, 95% confidence</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Hot spot, 90% confidence</source>
      <translation>Hot spot, 90% confidence</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Not significant</source>
      <translation>Not significant</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Cold spot, 90% confidence</source>
      <translation>Cold spot, 90% confidence</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Cold spot, 95% confidence</source>
      <translation>Cold spot, 95% confidence</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>Cold spot, 99% confidence</source>
      <translation>Cold spot, 99% confidence</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>contiguity rule must be queen or rook, got '{rule}'</source>
      <translation>contiguity rule must be queen or rook, got '{rule}'</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>the neighbour tolerance must be zero or positive, got {value}</source>
      <translation>the neighbour tolerance must be zero or positive, got {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>feature {fid} has no geometry; draw it or remove the feature</source>
      <translation>feature {fid} has no geometry; draw it or remove the feature</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>got {values} values for {units} units; give one value per unit</source>
      <translation>got {values} values for {units} units; give one value per unit</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>unit {unit} has no numeric value; count 0 for a grid without cases</source>
      <translation>unit {unit} has no numeric value; count 0 for a grid without cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>neighbour pairs need as many first as second units, got {first} and {second}</source>
      <translation>neighbour pairs need as many first as second units, got {first} and {second}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/hotspots.py" />
      <source>a neighbour pair names a unit outside 0 to {last}; give indices of the units</source>
      <translation>a neighbour pair names a unit outside 0 to {last}; give indices of the units</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Kernel '{kernel}' is unknown; use one of {kernels}.</source>
      <translation>Kernel '{kernel}' is unknown; use one of {kernels}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Output '{output}' is unknown; use 'raw' or 'scaled'.</source>
      <translation>Output '{output}' is unknown; use 'raw' or 'scaled'.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Method '{method}' is unknown; use 'auto', 'exact' or 'fft'.</source>
      <translation>Method '{method}' is unknown; use 'auto', 'exact' or 'fft'.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The decay ratio {decay} is not a number; use a value such as 0.</source>
      <translation>The decay ratio {decay} is not a number; use a value such as 0.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The radius must be a positive distance, not {radius}; use e.g. 200 (metres).</source>
      <translation>The radius must be a positive distance, not {radius}; use e.g. 200 (metres).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The pixel size must be a positive distance, not {pixel}; use e.g. 10 (metres).</source>
      <translation>The pixel size must be a positive distance, not {pixel}; use e.g. 10 (metres).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The pixel size {pixel} is too large for the radius {radius}: points could miss every pixel centre; use a pixel size of at most radius × 1.41 (ideally radius / 10).</source>
      <translation>The pixel size {pixel} is too large for the radius {radius}: points could miss every pixel centre; use a pixel size of at most radius × 1.41 (ideally radius / 10).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The radius {radius} is {count} pixels of {pixel}; use a larger pixel size (at most {limit} pixels per radius).</source>
      <translation>The radius {radius} is {count} pixels of {pixel}; use a larger pixel size (at most {limit} pixels per radius).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The heatmap would have {cols} × {rows} pixels; use a larger pixel size or a smaller extent (at most {limit} pixels).</source>
      <translation>The heatmap would have {cols} × {rows} pixels; use a larger pixel size or a smaller extent (at most {limit} pixels).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>There are {nx} x but {ny} y coordinates; give one of each per point.</source>
      <translation>There are {nx} x but {ny} y coordinates; give one of each per point.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>Point {index} has no finite coordinates ({count} such points); drop points with empty geometry first.</source>
      <translation>Point {index} has no finite coordinates ({count} such points); drop points with empty geometry first.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>There are {nw} weights for {n} points; give one weight per point.</source>
      <translation>There are {nw} weights for {n} points; give one weight per point.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>The weight of point {index} is not a number ({count} such points); QGIS counts NULL weights as 0, so replace them by 0.</source>
      <translation>The weight of point {index} is not a number ({count} such points); QGIS counts NULL weights as 0, so replace them by 0.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/kernel.py" />
      <source>There are no points, so the heatmap has no extent; add points or give a frame (x_min, y_max, columns, rows) for an all-zero raster.</source>
      <translation>There are no points, so the heatmap has no extent; add points or give a frame (x_min, y_max, columns, rows) for an all-zero raster.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the report (上报)</source>
      <translation>the report (上报)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the filing (立案)</source>
      <translation>the filing (立案)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the dispatch (派遣)</source>
      <translation>the dispatch (派遣)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the disposal (处置)</source>
      <translation>the disposal (处置)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the closing (结案)</source>
      <translation>the closing (结案)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>the deadline (处置时限)</source>
      <translation>the deadline (处置时限)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}: {field} '{value}' is not a count; write a whole number from 0 to {most}, or leave it empty (unknown)</source>
      <translation>row {row}: {field} '{value}' is not a count; write a whole number from 0 to {most}, or leave it empty (unknown)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}: {field} '{value}' is not a yes/no value; write 是 or 否 (also 1/0, true/false, Y/N, 作废/有效), or leave it empty (unknown)</source>
      <translation>row {row}: {field} '{value}' is not a yes/no value; write 是 or 否 (also 1/0, true/false, Y/N, 作废/有效), or leave it empty (unknown)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}, case {case_id}</source>
      <translation>row {row}, case {case_id}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>row {row}</source>
      <translation>row {row}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/lifecycle.py" />
      <source>{who}: {field} '{later_time}' is before {earlier} '{earlier_time}', but {later_stage} cannot come before {earlier_stage}; correct the wrong time</source>
      <translation>{who}: {field} '{later_time}' is before {earlier} '{earlier_time}', but {later_stage} cannot come before {earlier_stage}; correct the wrong time</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/months.py" />
      <source>'{text}' is not the start of a month; write the month as 2025-01 or its first day as 2025-01-01.</source>
      <translation>'{text}' is not the start of a month; write the month as 2025-01 or its first day as 2025-01-01.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Dimension</source>
      <translation>Dimension</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Count</source>
      <translation>Count</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Share of period (%)</source>
      <translation>Share of period (%)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Change (%)</source>
      <translation>Change (%)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Unit grid</source>
      <translation>Unit grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Case class</source>
      <translation>Case class</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>(not assigned)</source>
      <translation>(not assigned)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>new</source>
      <translation>new</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Top {n} unit grids</source>
      <translation>Top {n} unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Top {n} case classes</source>
      <translation>Top {n} case classes</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>{period}: {count} cases</source>
      <translation>{period}: {count} cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Compared with {previous}: {count} cases</source>
      <translation>Compared with {previous}: {count} cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>The data have no period before this one to compare with.</source>
      <translation>The data have no period before this one to compare with.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>period must be one of day, week, month, quarter, year; got '{period}'</source>
      <translation>period must be one of day, week, month, quarter, year; got '{period}'</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>got {names} grid names for {cases} cases; give one name per case or a mapping from grid code to name</source>
      <translation>got {names} grid names for {cases} cases; give one name per case or a mapping from grid code to name</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>got {names} class names for {cases} cases; give one name per case or a mapping from class code to name</source>
      <translation>got {names} class names for {cases} cases; give one name per case or a mapping from class code to name</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>got {periods} periods, {grids} grid codes and {classes} class codes; give one of each per case</source>
      <translation>got {periods} periods, {grids} grid codes and {classes} class codes; give one of each per case</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>the number of top grids and classes must be at least 1, got {n}</source>
      <translation>the number of top grids and classes must be at least 1, got {n}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>case {index} has no period; give every case a report time</source>
      <translation>case {index} has no period; give every case a report time</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>Time zone '{zone}' is unknown; use an IANA name such as Asia/Shanghai or UTC.</source>
      <translation>Time zone '{zone}' is unknown; use an IANA name such as Asia/Shanghai or UTC.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/period_report.py" />
      <source>case {index}: time '{value}' is not an ISO 8601 time such as 2025-03-01T04:00:00Z; correct or remove it</source>
      <translation>case {index}: time '{value}' is not an ISO 8601 time such as 2025-03-01T04:00:00Z; correct or remove it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/piles.py" />
      <source>A default-location pile needs a factor of at least 1 and at least 2 cases (got {factor} and {cases}).</source>
      <translation>A default-location pile needs a factor of at least 1 and at least 2 cases (got {factor} and {cases}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>Coordinates in 'another CRS' need that CRS; give it, e.g. EPSG:4548.</source>
      <translation>Coordinates in 'another CRS' need that CRS; give it, e.g. EPSG:4548.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>Kind '{value}' is neither 部件 (component) nor 事件 (event).</source>
      <translation>Kind '{value}' is neither 部件 (component) nor 事件 (event).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no case id (field {field} is empty)</source>
      <translation>no case id (field {field} is empty)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>longitude and latitude look swapped ({x}, {y}); check the x/y field mapping</source>
      <translation>longitude and latitude look swapped ({x}, {y}); check the x/y field mapping</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>location ({lon:.6f}, {lat:.6f}) is outside every unit grid of the district</source>
      <translation>location ({lon:.6f}, {lat:.6f}) is outside every unit grid of the district</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>row {row}, column '{field}' contains a NUL character (\x00); remove it</source>
      <translation>row {row}, column '{field}' contains a NUL character (\x00); remove it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no report time (field {field} is empty)</source>
      <translation>no report time (field {field} is empty)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no coordinates, and the address could not be placed: {reason}</source>
      <translation>no coordinates, and the address could not be placed: {reason}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>no coordinates (fields {x} and {y} are empty); geocode the address first</source>
      <translation>no coordinates (fields {x} and {y} are empty); geocode the address first</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/records.py" />
      <source>coordinates '{x}', '{y}' are not numbers</source>
      <translation>coordinates '{x}', '{y}' are not numbers</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DATE_FORMAT '{value}' is neither a preset ({presets}) nor a strftime pattern such as %m/%d/%Y %I:%M:%S %p.</source>
      <translation>DATE_FORMAT '{value}' is neither a preset ({presets}) nor a strftime pattern such as %m/%d/%Y %I:%M:%S %p.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DATE_FORMAT '{value}' has no full date; a pattern needs the year, month and day, e.g. %m/%d/%Y %I:%M:%S %p.</source>
      <translation>DATE_FORMAT '{value}' has no full date; a pattern needs the year, month and day, e.g. %m/%d/%Y %I:%M:%S %p.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>{field} '{value}' is not a date and time; write it as 2025-03-01 08:05:00, or set DATE_FORMAT to the format of the file (e.g. %d.%m.%Y %H:%M)</source>
      <translation>{field} '{value}' is not a date and time; write it as 2025-03-01 08:05:00, or set DATE_FORMAT to the format of the file (e.g. %d.%m.%Y %H:%M)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>the pattern '{pattern}'</source>
      <translation>the pattern '{pattern}'</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DATE_FORMAT '{value}' is not a pattern datetime.strptime reads ({reason}); write it as %m/%d/%Y %I:%M:%S %p or %d.%m.%Y %H:%M.</source>
      <translation>DATE_FORMAT '{value}' is not a pattern datetime.strptime reads ({reason}); write it as %m/%d/%Y %I:%M:%S %p or %d.%m.%Y %H:%M.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>The dates mix both orders: row {row} has {field} '{value}', which only month/day/year reads ({count} values read only so), and row {row2} has {field2} '{value2}', which only day/month/year reads ({count2} values); set DATE_FORMAT to US or DMY (the values of the other order are then rejected).</source>
      <translation>The dates mix both orders: row {row} has {field} '{value}', which only month/day/year reads ({count} values read only so), and row {row2} has {field2} '{value2}', which only day/month/year reads ({count2} values); set DATE_FORMAT to US or DMY (the values of the other order are then rejected).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>{field} '{value}' is not a date and time in the format {format}; correct it, or set DATE_FORMAT to the format of the file</source>
      <translation>{field} '{value}' is not a date and time in the format {format}; correct it, or set DATE_FORMAT to the format of the file</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>auto</source>
      <translation>auto</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>ISO (year first, e.g. 2015-01-13 15:04:05)</source>
      <translation>ISO (year first, e.g. 2015-01-13 15:04:05)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>US (MM/DD/YYYY hh:mm:ss AM/PM, or 24 h)</source>
      <translation>US (MM/DD/YYYY hh:mm:ss AM/PM, or 24 h)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>DMY (DD/MM/YYYY HH:MM)</source>
      <translation>DMY (DD/MM/YYYY HH:MM)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Excel serial numbers (e.g. 42017.5)</source>
      <translation>Excel serial numbers (e.g. 42017.5)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Every day/month/year date reads both ways, so the order is unknown: row {row} has {field} '{value}', which is {month_first} read month first (DATE_FORMAT=US) and {day_first} read day first (DATE_FORMAT=DMY); set DATE_FORMAT.</source>
      <translation>Every day/month/year date reads both ways, so the order is unknown: row {row} has {field} '{value}', which is {month_first} read month first (DATE_FORMAT=US) and {day_first} read day first (DATE_FORMAT=DMY); set DATE_FORMAT.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>{field}: numbers read as Excel serial dates, e.g. row {row} '{value}' = {time} local time; set DATE_FORMAT if they are something else.</source>
      <translation>{field}: numbers read as Excel serial dates, e.g. row {row} '{value}' = {time} local time; set DATE_FORMAT if they are something else.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>row {row}: {field} '{value}' is outside the years {window} accepted for case times; correct it, or widen the window (EARLIEST_YEAR, LATEST_YEAR)</source>
      <translation>row {row}: {field} '{value}' is outside the years {window} accepted for case times; correct it, or widen the window (EARLIEST_YEAR, LATEST_YEAR)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Dates read as month/day/year: row {row} has {field} '{value}', which only month first reads; set DATE_FORMAT to change it.</source>
      <translation>Dates read as month/day/year: row {row} has {field} '{value}', which only month first reads; set DATE_FORMAT to change it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/time_formats.py" />
      <source>Dates read as day/month/year: row {row} has {field} '{value}', which only day first reads; set DATE_FORMAT to change it.</source>
      <translation>Dates read as day/month/year: row {row} has {field} '{value}', which only day first reads; set DATE_FORMAT to change it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/times.py" />
      <source>The years {earliest}–{latest} are no time window; give an earliest year before or equal to the latest one, both between {first} and {last}.</source>
      <translation>The years {earliest}–{latest} are no time window; give an earliest year before or equal to the latest one, both between {first} and {last}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>give one series or a table of series (one per row), got {dims} dimensions</source>
      <translation>give one series or a table of series (one per row), got {dims} dimensions</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>series {row} has no numeric value at position {position}</source>
      <translation>series {row} has no numeric value at position {position}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>p-values must lie between 0 and 1, got {value}</source>
      <translation>p-values must lie between 0 and 1, got {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/cases/trend.py" />
      <source>the significance level must lie between 0 and 1, got {alpha}</source>
      <translation>the significance level must lie between 0 and 1, got {alpha}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>unknown coding scheme '{scheme}'; use {choices}</source>
      <translation>unknown coding scheme '{scheme}'; use {choices}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>{origin}, line {line}: {problem}</source>
      <translation>{origin}, line {line}: {problem}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class code '{code}' has {found} digits and belongs to the {other} scheme, not {scheme}</source>
      <translation>class code '{code}' has {found} digits and belongs to the {other} scheme, not {scheme}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class code '{code}' must be {digits} ASCII digits: a 2-digit major and a {minor}-digit minor class, neither of them zero</source>
      <translation>class code '{code}' must be {digits} ASCII digits: a 2-digit major and a {minor}-digit minor class, neither of them zero</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>unknown class '{value}': no class of {scheme} has this code or exact name; use the class code or the name as written in the class table</source>
      <translation>unknown class '{value}': no class of {scheme} has this code or exact name; use the class code or the name as written in the class table</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>the class_code cell is empty; give the {digits}-digit class code</source>
      <translation>the class_code cell is empty; give the {digits}-digit class code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>major_code '{major}' differs from the first two digits of class code {code}; correct one of them</source>
      <translation>major_code '{major}' differs from the first two digits of class code {code}; correct one of them</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>geometry_types '{value}' is not a list of point, line and polygon; write for example point|polygon</source>
      <translation>geometry_types '{value}' is not a list of point, line and polygon; write for example point|polygon</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>no class given; fill in a class code or a class name</source>
      <translation>no class given; fill in a class code or a class name</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>unknown class code '{code}': it is not in the {scheme} class table; add it with a user class file</source>
      <translation>unknown class code '{code}': it is not in the {scheme} class table; add it with a user class file</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>the header has no class_code column; name the columns class_code, name_zh or name_en, and optionally geometry_types, major_name_zh</source>
      <translation>the header has no class_code column; name the columns class_code, name_zh or name_en, and optionally geometry_types, major_name_zh</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class {code} is new and has no name; fill name_zh or name_en</source>
      <translation>class {code} is new and has no name; fill name_zh or name_en</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class code {code} is also on line {first}; keep one of the two rows</source>
      <translation>class code {code} is also on line {first}; keep one of the two rows</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/classes.py" />
      <source>class name '{name}' is also the name of class {other}; give each class its own name</source>
      <translation>class name '{name}' is also the name of class {other}; give each class its own name</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>no component ID given</source>
      <translation>no component ID given</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}' must be {digits} ASCII digits: district (6), class ({classdigits}) and serial (6, from 000001)</source>
      <translation>component ID '{value}' must be {digits} ASCII digits: district (6), class ({classdigits}) and serial (6, from 000001)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>district code '{district}' must be 6 ASCII digits of GB/T 2260 (for example 110101)</source>
      <translation>district code '{district}' must be 6 ASCII digits of GB/T 2260 (for example 110101)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>district {district}, class {code}: serial {serial} is outside 000001-999999</source>
      <translation>district {district}, class {code}: serial {serial} is outside 000001-999999</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>district {district}, class {code}: no serial left for {count} features; the 6-digit serial ends at 999999, so give these components another class or district</source>
      <translation>district {district}, class {code}: no serial left for {count} features; the 6-digit serial ends at 999999, so give these components another class or district</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}' has {found} digits and belongs to the {other} scheme, not {scheme}</source>
      <translation>component ID '{value}' has {found} digits and belongs to the {other} scheme, not {scheme}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}': class {code} is not in the {scheme} class table</source>
      <translation>component ID '{value}': class {code} is not in the {scheme} class table</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component ID '{value}' starts with district {found}, not {district}</source>
      <translation>component ID '{value}' starts with district {found}, not {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>component IDs: {kept} kept, {new} new, {renumbered} replaced, {unassigned} left empty</source>
      <translation>component IDs: {kept} kept, {new} new, {renumbered} replaced, {unassigned} left empty</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID is already held by a feature with a lower feature id, which keeps it</source>
      <translation>their ID is already held by a feature with a lower feature id, which keeps it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID is not district + class + serial in ASCII digits of the right length</source>
      <translation>their ID is not district + class + serial in ASCII digits of the right length</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID starts with another district code than {district}</source>
      <translation>their ID starts with another district code than {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their ID has the length of the other coding scheme</source>
      <translation>their ID has the length of the other coding scheme</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>the class part of their ID differs from the feature's class</source>
      <translation>the class part of their ID differs from the feature's class</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>their class is empty or not in the class table, so no ID can be checked or given</source>
      <translation>their class is empty or not in the class table, so no ID can be checked or given</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>{listed} and {count:,} more</source>
      <translation>{listed} and {count:,} more</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they were left without an ID; fix the class and run again</source>
      <translation>they were left without an ID; fix the class and run again</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>features {fids}: {reason}; {outcome}</source>
      <translation>features {fids}: {reason}; {outcome}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: empty class; they get no ID. Fill in the class field {field}.</source>
      <translation>Features {fids}: empty class; they get no ID. Fill in the class field {field}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they got new IDs</source>
      <translation>they got new IDs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: unknown class name: {values}; they get no ID. Write the class code or the name exactly as in the class table of {scheme}, or add these classes in a CSV of your own classes (USER_CLASSES).</source>
      <translation>Features {fids}: unknown class name: {values}; they get no ID. Write the class code or the name exactly as in the class table of {scheme}, or add these classes in a CSV of your own classes (USER_CLASSES).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they were left without an ID; turn on renumbering of duplicates to give them new IDs</source>
      <translation>they were left without an ID; turn on renumbering of duplicates to give them new IDs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>they were left without an ID; correct the ID or turn on renumbering of invalid IDs</source>
      <translation>they were left without an ID; correct the ID or turn on renumbering of invalid IDs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: unknown class code: {values}; they get no ID. Correct the class field, or add these classes in a CSV of your own classes (USER_CLASSES).</source>
      <translation>Features {fids}: unknown class code: {values}; they get no ID. Correct the class field, or add these classes in a CSV of your own classes (USER_CLASSES).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_ids.py" />
      <source>Features {fids}: class code of the other coding scheme: {values}; they get no ID. Choose the scheme of these codes (SCHEME), or give codes of {scheme}.</source>
      <translation>Features {fids}: class code of the other coding scheme: {values}; they get no ID. Choose the scheme of these codes (SCHEME), or give codes of {scheme}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Component validation report</source>
      <translation>Component validation report</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Passed</source>
      <translation>Passed</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Failed</source>
      <translation>Failed</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Components checked</source>
      <translation>Components checked</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Feature</source>
      <translation>Feature</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Component ID</source>
      <translation>Component ID</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>class '{value}' is empty or not in the {scheme} class table</source>
      <translation>class '{value}' is empty or not in the {scheme} class table</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>the component stands in no unit grid</source>
      <translation>the component stands in no unit grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>the ID's class {id_class} differs from the class field's {field_class} ({name})</source>
      <translation>the ID's class {id_class} differs from the class field's {field_class} ({name})</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>the recorded grid code '{recorded}' is not the grid it stands in, {located}</source>
      <translation>the recorded grid code '{recorded}' is not the grid it stands in, {located}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/component_validation.py" />
      <source>ID {value} is held by {count} components: features {listing}</source>
      <translation>ID {value} is held by {count} components: features {listing}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>row {row} has {count} values but the header has {fields}: a {delimiter} inside a value needs quotes</source>
      <translation>row {row} has {count} values but the header has {fields}: a {delimiter} inside a value needs quotes</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} has no header row; the first line must name the columns.</source>
      <translation>{path} has no header row; the first line must name the columns.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} names the column(s) {names} twice; rename them.</source>
      <translation>{path} names the column(s) {names} twice; rename them.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>semicolon</source>
      <translation>semicolon</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>tab</source>
      <translation>tab</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>comma</source>
      <translation>comma</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} (from line {line}) cannot be read as CSV ({error}).</source>
      <translation>Row {row} of {path} (from line {line}) cannot be read as CSV ({error}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Encoding '{encoding}' is not supported; use {choices}.</source>
      <translation>Encoding '{encoding}' is not supported; use {choices}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>The first line of {path} contains NUL characters (\x00): the file is probably UTF-16 text; save it as UTF-8 CSV.</source>
      <translation>The first line of {path} contains NUL characters (\x00): the file is probably UTF-16 text; save it as UTF-8 CSV.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} is empty or missing, so it cannot be the header (HEADER_ROW); give the row that names the columns.</source>
      <translation>Row {row} of {path} is empty or missing, so it cannot be the header (HEADER_ROW); give the row that names the columns.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} (from line {line}) holds a value longer than {limit} characters: most likely a quote (") opened there is never closed. Close the quote, or shorten the value.</source>
      <translation>Row {row} of {path} (from line {line}) holds a value longer than {limit} characters: most likely a quote (") opened there is never closed. Close the quote, or shorten the value.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {title_row} ('{title}') is a title, not the header: the header is taken from row {row}. Set HEADER_ROW to choose another row.</source>
      <translation>Row {title_row} ('{title}') is a title, not the header: the header is taken from row {row}. Set HEADER_ROW to choose another row.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Invisible characters (a byte order mark or a zero-width space) were removed from the header name '{name}'.</source>
      <translation>Invisible characters (a byte order mark or a zero-width space) were removed from the header name '{name}'.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Column {column} of the header (row {row}) has no name; it is read as '{name}'.</source>
      <translation>Column {column} of the header (row {row}) has no name; it is read as '{name}'.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} cannot be read as CSV above its data ({error}).</source>
      <translation>{path} cannot be read as CSV above its data ({error}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} is not UTF-8 (byte {at}); choose the GBK/GB18030 encoding.</source>
      <translation>{path} is not UTF-8 (byte {at}); choose the GBK/GB18030 encoding.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>{path} is neither UTF-8 nor GBK/GB18030 text (byte {at}); save it as UTF-8 CSV.</source>
      <translation>{path} is neither UTF-8 nor GBK/GB18030 text (byte {at}); save it as UTF-8 CSV.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/components/tables.py" />
      <source>Row {row} of {path} (line {line}) opens a quote (") that is never closed, so the rest of the file would be read as one value; close the quote or remove it.</source>
      <translation>Row {row} of {path} (line {line}) opens a quote (") that is never closed, so the rest of the file would be read as one value; close the quote or remove it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid} cannot be represented in {crs}; choose another coordinate system.</source>
      <translation>feature {fid} cannot be represented in {crs}; choose another coordinate system.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Unknown target coordinate system '{key}'.</source>
      <translation>Unknown target coordinate system '{key}'.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Choose the coordinate system for 'Other' (TARGET_CRS).</source>
      <translation>Choose the coordinate system for 'Other' (TARGET_CRS).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>{format} files hold longitude/latitude only (WGS84); choose WGS84, GCJ-02 or CGCS2000 geographic, or write GeoPackage, Shapefile, DXF or CSV for {crs}.</source>
      <translation>{format} files hold longitude/latitude only (WGS84); choose WGS84, GCJ-02 or CGCS2000 geographic, or write GeoPackage, Shapefile, DXF or CSV for {crs}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Field names to rename are not in the layer: {names}. Its fields are: {fields}.</source>
      <translation>Field names to rename are not in the layer: {names}. Its fields are: {fields}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>The layer has no geometries, so no Gauss-Krüger zone can be chosen for it.</source>
      <translation>The layer has no geometries, so no Gauss-Krüger zone can be chosen for it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid} lies outside the area {crs} is made for ({area}); choose another coordinate system.</source>
      <translation>feature {fid} lies outside the area {crs} is made for ({area}); choose another coordinate system.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid} lies outside {crs} (central meridian {central}°E); choose the zone of the data, the 6-degree zone or a geographic coordinate system.</source>
      <translation>feature {fid} lies outside {crs} (central meridian {central}°E); choose the zone of the data, the 6-degree zone or a geographic coordinate system.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>The Shapefile field name '{short}' for '{name}' is longer than 10 bytes; give a shorter one in FIELD_NAMES.</source>
      <translation>The Shapefile field name '{short}' for '{name}' is longer than 10 bytes; give a shorter one in FIELD_NAMES.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>Fields '{first}' and '{second}' would both be called '{short}' in the Shapefile (10 characters at most); rename one in FIELD_NAMES, e.g. {second}={suggestion}.</source>
      <translation>Fields '{first}' and '{second}' would both be called '{short}' in the Shapefile (10 characters at most); rename one in FIELD_NAMES, e.g. {second}={suggestion}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>'{part}' is not a rename; write long_name=short_name.</source>
      <translation>'{part}' is not a rename; write long_name=short_name.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid}, field {field}: the text is {size} bytes in {encoding}, more than a Shapefile (DBF) field holds ({limit}); shorten it or export to GeoPackage.</source>
      <translation>feature {fid}, field {field}: the text is {size} bytes in {encoding}, more than a Shapefile (DBF) field holds ({limit}); shorten it or export to GeoPackage.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/export.py" />
      <source>feature {fid}, field {field}: '{char}' cannot be written in {encoding}; choose UTF-8.</source>
      <translation>feature {fid}, field {field}: '{char}' cannot be written in {encoding}; choose UTF-8.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou level must be a whole number from 1 to 10, not {level!r}</source>
      <translation>BeiDou level must be a whole number from 1 to 10, not {level!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou level must be from 1 to 10, not {level}</source>
      <translation>BeiDou level must be from 1 to 10, not {level}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>position ({lon}, {lat}) is not a finite longitude/latitude pair</source>
      <translation>position ({lon}, {lat}) is not a finite longitude/latitude pair</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>longitude {lon} is outside [-180, 180]; give WGS84/CGCS2000 degrees, longitude first</source>
      <translation>longitude {lon} is outside [-180, 180]; give WGS84/CGCS2000 degrees, longitude first</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>latitude {lat} is at or beyond ±88°: the polar BeiDou cells (GB/T 39409 §5.3) are not supported</source>
      <translation>latitude {lat} is at or beyond ±88°: the polar BeiDou cells (GB/T 39409 §5.3) are not supported</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>point {index} (counting from 0) cannot be coded: {problem}</source>
      <translation>point {index} (counting from 0) cannot be coded: {problem}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: character {position} ({char!r}, {what}) must be one of {allowed}</source>
      <translation>BeiDou code {code!r}: character {position} ({char!r}, {what}) must be one of {allowed}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>a BeiDou code must be a string, not {kind}</source>
      <translation>a BeiDou code must be a string, not {kind}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} has {length} characters; a 2D code has 4, 6, 7, 9, 11, 12, 14, 16, 18 or 20 (levels 1-10)</source>
      <translation>BeiDou code {code!r} has {length} characters; a 2D code has 4, 6, 7, 9, 11, 12, 14, 16, 18 or 20 (levels 1-10)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} must be written in capitals</source>
      <translation>BeiDou code {code!r} must be written in capitals</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} must start with the hemisphere letter N or S, not {char!r}</source>
      <translation>BeiDou code {code!r} must start with the hemisphere letter N or S, not {char!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: column 00 is a polar cap code (GB/T 39409 §5.3), which is not supported</source>
      <translation>BeiDou code {code!r}: column 00 is a polar cap code (GB/T 39409 §5.3), which is not supported</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: the level-1 column must be 01-60, not {column!r}</source>
      <translation>BeiDou code {code!r}: the level-1 column must be 01-60, not {column!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r}: the level-1 latitude band must be a letter A-V, not {char!r}</source>
      <translation>BeiDou code {code!r}: the level-1 latitude band must be a letter A-V, not {char!r}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/beidou.py" />
      <source>BeiDou code {code!r} is level {own}; it has no parent at the finer level {level}</source>
      <translation>BeiDou code {code!r} is level {own}; it has no parent at the finer level {level}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 3-degree zones (73.5E-136.5E); choose a working CRS explicitly</source>
      <translation>longitude {longitude:.4f} is outside China's CGCS2000 3-degree zones (73.5E-136.5E); choose a working CRS explicitly</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/geodesy/crs.py" />
      <source>longitude {longitude:.4f} is outside China's CGCS2000 6-degree zones (72E-138E); choose a working CRS explicitly</source>
      <translation>longitude {longitude:.4f} is outside China's CGCS2000 6-degree zones (72E-138E); choose a working CRS explicitly</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>district code</source>
      <translation>district code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>street code</source>
      <translation>street code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>community code</source>
      <translation>community code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>{where}: {what} '{value}' in field '{field}' must be {digits} digits</source>
      <translation>{where}: {what} '{value}' in field '{field}' must be {digits} digits</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>grid code '{code}' must be 15 digits</source>
      <translation>grid code '{code}' must be 15 digits</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>community {code}: grid sequence {sequence} is outside 001-999; use a larger cell or split the community</source>
      <translation>community {code}: grid sequence {sequence} is outside 001-999; use a larger cell or split the community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>{where}: street code {street} does not start with district code {district}</source>
      <translation>{where}: street code {street} does not start with district code {district}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/codes.py" />
      <source>{where}: community code {community} does not start with street code {street}</source>
      <translation>{where}: community code {community} does not start with street code {street}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>the communities leave a gap of {area:.1f} m² at ({x:.1f}, {y:.1f}) between features {fids}; no grid covers it. Extend a community over it, or ignore it if it is not part of the district</source>
      <translation>the communities leave a gap of {area:.1f} m² at ({x:.1f}, {y:.1f}) between features {fids}; no grid covers it. Extend a community over it, or ignore it if it is not part of the district</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>communities overlap, so a grid could belong to two of them: features {listing}. Fix the shared boundaries (e.g. with QGIS's topology checker), or, if the overlaps are digitising noise, raise the overlap tolerance OVERLAP_TOLERANCE from {tolerance:g} to {accepting:.1f} m²</source>
      <translation>communities overlap, so a grid could belong to two of them: features {listing}. Fix the shared boundaries (e.g. with QGIS's topology checker), or, if the overlaps are digitising noise, raise the overlap tolerance OVERLAP_TOLERANCE from {tolerance:g} to {accepting:.1f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>features {listing} lie wholly inside other communities, within the overlap tolerance; remove these duplicates or redraw them</source>
      <translation>features {listing} lie wholly inside other communities, within the overlap tolerance; remove these duplicates or redraw them</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>{count} more overlaps and gaps within the overlap tolerance given to a neighbour in the same way, {area} m² in all</source>
      <translation>{count} more overlaps and gaps within the overlap tolerance given to a neighbour in the same way, {area} m² in all</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>gap of {area} m² at ({x:.1f}, {y:.1f}) enclosed by features {features}: given to {winner} (longest shared edge)</source>
      <translation>gap of {area} m² at ({x:.1f}, {y:.1f}) enclosed by features {features}: given to {winner} (longest shared edge)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner}, which would otherwise lose most of its area</source>
      <translation>overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner}, which would otherwise lose most of its area</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/container_repair.py" />
      <source>overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner} (longest shared edge)</source>
      <translation>overlap of {area} m² at ({x:.1f}, {y:.1f}) between features {features}: given to {winner} (longest shared edge)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>feature {fid} is a {kind}, not a polygon; communities must be polygons</source>
      <translation>feature {fid} is a {kind}, not a polygon; communities must be polygons</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>feature {fid} has an invalid geometry ({reason}) that cannot be repaired; redraw it</source>
      <translation>feature {fid} has an invalid geometry ({reason}) that cannot be repaired; redraw it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>feature {fid}: invalid geometry ({reason}) repaired with make_valid; area changed by {change:.1f} m², check the result</source>
      <translation>feature {fid}: invalid geometry ({reason}) repaired with make_valid; area changed by {change:.1f} m², check the result</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>community codes must be unique; duplicated: {listing}. Give each community its own code or merge the features</source>
      <translation>community codes must be unique; duplicated: {listing}. Give each community its own code or merge the features</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>the community layer has no features; choose a layer with polygons</source>
      <translation>the community layer has no features; choose a layer with polygons</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/containers.py" />
      <source>{count} feature(s) cannot be used: {problems}</source>
      <translation>{count} feature(s) cannot be used: {problems}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>Split these communities, or raise the cell size CELL_SIZE to at least {cell} m</source>
      <translation>Split these communities, or raise the cell size CELL_SIZE to at least {cell} m</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>Split these communities, or raise the minimum area MIN_AREA to at least {minimum:.0f} m², the target area TARGET_AREA to {target:.0f} m² and the maximum area MAX_AREA to {maximum:.0f} m²</source>
      <translation>Split these communities, or raise the minimum area MIN_AREA to at least {minimum:.0f} m², the target area TARGET_AREA to {target:.0f} m² and the maximum area MAX_AREA to {maximum:.0f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>{count} community(ies) would get more than the {limit} grids a 3-digit sequence allows: {listing}. {fix}</source>
      <translation>{count} community(ies) would get more than the {limit} grids a 3-digit sequence allows: {listing}. {fix}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>Split these communities into smaller ones</source>
      <translation>Split these communities into smaller ones</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>community {community} (feature {fid}) covers only {area:.2f} m², less than the minimum grid area of {min_area:.0f} m², and becomes one grid that small; if it is a sliver left by digitising, merge it into its neighbour or delete it</source>
      <translation>community {community} (feature {fid}) covers only {area:.2f} m², less than the minimum grid area of {min_area:.0f} m², and becomes one grid that small; if it is a sliver left by digitising, merge it into its neighbour or delete it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/estimate.py" />
      <source>{community} (feature {fid}): {grids} grids</source>
      <translation>{community} (feature {fid}): {grids} grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>areas must satisfy 0 ≤ minimum &lt; target &lt; maximum; got minimum {minimum:.0f}, target {target:.0f} and maximum {maximum:.0f} m²</source>
      <translation>areas must satisfy 0 ≤ minimum &lt; target &lt; maximum; got minimum {minimum:.0f}, target {target:.0f} and maximum {maximum:.0f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>the maximum area {maximum:.0f} m² must be at least twice the minimum area {minimum:.0f} m², or a block just above the maximum could not be split</source>
      <translation>the maximum area {maximum:.0f} m² must be at least twice the minimum area {minimum:.0f} m², or a block just above the maximum could not be split</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>the open-land maximum OPEN_LAND_MAX ({open_land:.0f} m²) must be at least the maximum area {maximum:.0f} m²; leave it empty for {fraction:g} × the target area</source>
      <translation>the open-land maximum OPEN_LAND_MAX ({open_land:.0f} m²) must be at least the maximum area {maximum:.0f} m²; leave it empty for {fraction:g} × the target area</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>the communities were divided one after the other in this process: {reason}</source>
      <translation>the communities were divided one after the other in this process: {reason}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share no edge with another grid of the community and were kept as grids of their own</source>
      <translation>community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share no edge with another grid of the community and were kept as grids of their own</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/follow.py" />
      <source>community {code} (feature {fid}) has no line to follow; it was split into {count} compact grids</source>
      <translation>community {code} (feature {fid}) has no line to follow; it was split into {count} compact grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/grid_extent.py" />
      <source>coordinates ({x}, {y}) are outside China; check the coordinate system</source>
      <translation>coordinates ({x}, {y}) are outside China; check the coordinate system</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/grid_extent.py" />
      <source>coordinates ({x}, {y}) lie more than {km} km outside the district's grids; check the coordinate system (SOURCE_CRS) and the x/y field mapping</source>
      <translation>coordinates ({x}, {y}) lie more than {km} km outside the district's grids; check the coordinate system (SOURCE_CRS) and the x/y field mapping</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/lattice.py" />
      <source>cell size must be positive, got {cell}</source>
      <translation>cell size must be positive, got {cell}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/lattice.py" />
      <source>minimum area {min_area} m² must lie between 0 and the cell area {cell_area:.0f} m²</source>
      <translation>minimum area {min_area} m² must lie between 0 and the cell area {cell_area:.0f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>the precision must lie between {low} and {high} m, got {value}</source>
      <translation>the precision must lie between {low} and {high} m, got {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>community {label} (feature {fid}) is narrower than the precision of {precision} m everywhere and would vanish on the precision grid; fix its outline or lower PRECISION</source>
      <translation>community {label} (feature {fid}) is narrower than the precision of {precision} m everywhere and would vanish on the precision grid; fix its outline or lower PRECISION</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>community {label} (feature {fid}): {count} grid(s) of {area:.4f} m² in all, narrower than the precision of {precision} m everywhere, vanished on the precision grid</source>
      <translation>community {label} (feature {fid}): {count} grid(s) of {area:.4f} m² in all, narrower than the precision of {precision} m everywhere, vanished on the precision grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/precision.py" />
      <source>{count} grid(s) keep a vertex closer than the precision of {precision} m to an edge of their own (communities {labels}); check them with gridplugin:validategrids</source>
      <translation>{count} grid(s) keep a vertex closer than the precision of {precision} m to an edge of their own (communities {labels}); check them with gridplugin:validategrids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>the previous grid layer has missing or malformed codes (not 15 digits) on features {fids}; fix them or validate the layer with gridplugin:validategrids first</source>
      <translation>the previous grid layer has missing or malformed codes (not 15 digits) on features {fids}; fix them or validate the layer with gridplugin:validategrids first</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>the previous grid layer repeats codes: {duplicates}; every grid needs its own code</source>
      <translation>the previous grid layer repeats codes: {duplicates}; every grid needs its own code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>the matching overlap must lie above 0.5 and at most 1, got {value}</source>
      <translation>the matching overlap must lie above 0.5 and at most 1, got {value}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/stability.py" />
      <source>community {code} (feature {fid}) has used all {limit} sequence numbers (retired codes are never reused); it needs a new community code</source>
      <translation>community {code} (feature {fid}) has used all {limit} sequence numbers (retired codes are never reused); it needs a new community code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/units.py" />
      <source>managed unit {unit} covers {area:.0f} m² of community {community} (feature {fid}), more than the open-land maximum OPEN_LAND_MAX of {limit:.0f} m²: it was divided like other land; raise OPEN_LAND_MAX to keep it one grid</source>
      <translation>managed unit {unit} covers {area:.0f} m² of community {community} (feature {fid}), more than the open-land maximum OPEN_LAND_MAX of {limit:.0f} m²: it was divided like other land; raise OPEN_LAND_MAX to keep it one grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>no code</source>
      <translation>no code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>a {kind}, not a polygon</source>
      <translation>a {kind}, not a polygon</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid} has no grid code; give it its 15-digit code</source>
      <translation>feature {fid} has no grid code; give it its 15-digit code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>community feature {fid}</source>
      <translation>community feature {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid} has no geometry; draw the grid or remove the feature</source>
      <translation>feature {fid} has no geometry; draw the grid or remove the feature</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has an invalid geometry ({reason}); it was checked as repaired by make_valid: fix it in the layer</source>
      <translation>grid {code} (feature {fid}) has an invalid geometry ({reason}); it was checked as repaired by make_valid: fix it in the layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid}: grid code '{code}' has sequence 000; sequences run from 001 to 999</source>
      <translation>feature {fid}: grid code '{code}' has sequence 000; sequences run from 001 to 999</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>feature {fid}: grid code '{code}' must be 15 digits</source>
      <translation>feature {fid}: grid code '{code}' must be 15 digits</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid code {code} is used by {count} grids: features {listing}; give each grid its own code</source>
      <translation>grid code {code} is used by {count} grids: features {listing}; give each grid its own code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grids {code} (feature {fid}) and {other_code} (feature {other_fid}) overlap by {area:.1f} m²</source>
      <translation>grids {code} (feature {fid}) and {other_code} (feature {other_fid}) overlap by {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>gap of {area:.1f} m² between grids: no grid covers it</source>
      <translation>gap of {area:.1f} m² between grids: no grid covers it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has sequence {sequence:03d}, but its position in community {community} calls for {expected:03d}</source>
      <translation>grid {code} (feature {fid}) has sequence {sequence:03d}, but its position in community {community} calls for {expected:03d}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has {area:.1f} m², less than the minimum {minimum:.0f} m²</source>
      <translation>grid {code} (feature {fid}) has {area:.1f} m², less than the minimum {minimum:.0f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) has {area:.1f} m², more than the maximum {maximum:.0f} m²</source>
      <translation>grid {code} (feature {fid}) has {area:.1f} m², more than the maximum {maximum:.0f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>gap of {area:.1f} m² in community {community}: no grid covers it</source>
      <translation>gap of {area:.1f} m² in community {community}: no grid covers it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}): its community {community} is not in the community layer</source>
      <translation>grid {code} (feature {fid}): its community {community} is not in the community layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) lies in {count} communities: {listing}</source>
      <translation>grid {code} (feature {fid}) lies in {count} communities: {listing}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation.py" />
      <source>grid {code} (feature {fid}) extends {area:.1f} m² outside its community {community}</source>
      <translation>grid {code} (feature {fid}) extends {area:.1f} m² outside its community {community}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_geometry.py" />
      <source>grid {code} (feature {fid}) has a vertex {distance:.2g} m from an edge of its own at ({x:.3f}, {y:.3f}), closer than the minimum clearance of {clearance} m: a reprojection can make it invalid; divide again (dividegrids keeps vertices on a precision grid) or fix it</source>
      <translation>grid {code} (feature {fid}) has a vertex {distance:.2g} m from an edge of its own at ({x:.3f}, {y:.3f}), closer than the minimum clearance of {clearance} m: a reprojection can make it invalid; divide again (dividegrids keeps vertices on a precision grid) or fix it</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_geometry.py" />
      <source>grid {code} (feature {fid}) is valid in the working CRS but invalid in {crs} ({reason}); divide again (dividegrids keeps grids valid in every CRS) or repair it where it is written</source>
      <translation>grid {code} (feature {fid}) is valid in the working CRS but invalid in {crs} ({reason}); divide again (dividegrids keeps grids valid in every CRS) or repair it where it is written</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Unit grid validation report</source>
      <translation>Unit grid validation report</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Input layer</source>
      <translation>Input layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Community layer</source>
      <translation>Community layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>none</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Working CRS</source>
      <translation>Working CRS</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Grids checked</source>
      <translation>Grids checked</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Problems</source>
      <translation>Problems</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Problems by kind</source>
      <translation>Problems by kind</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Parameters</source>
      <translation>Parameters</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Minimum area (m²)</source>
      <translation>Minimum area (m²)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Maximum area (m²)</source>
      <translation>Maximum area (m²)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Gap and overlap tolerance (m²)</source>
      <translation>Gap and overlap tolerance (m²)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Numbering band (m)</source>
      <translation>Numbering band (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Minimum clearance (m)</source>
      <translation>Minimum clearance (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Valid after reprojection to</source>
      <translation>Valid after reprojection to</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Sequence order</source>
      <translation>Sequence order</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>rows</source>
      <translation>rows</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>columns</source>
      <translation>columns</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>not checked</source>
      <translation>not checked</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Id</source>
      <translation>Id</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Grid code</source>
      <translation>Grid code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Feature ids</source>
      <translation>Feature ids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Area (m²)</source>
      <translation>Area (m²)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Location (x, y)</source>
      <translation>Location (x, y)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>No problems found.</source>
      <translation>No problems found.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_report.py" />
      <source>Showing the first {shown} of {total} problems; the error layer lists them all.</source>
      <translation>Showing the first {shown} of {total} problems; the error layer lists them all.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Missing geometry</source>
      <translation>Missing geometry</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Invalid geometry</source>
      <translation>Invalid geometry</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Invalid after reprojection</source>
      <translation>Invalid after reprojection</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Near-degenerate geometry</source>
      <translation>Near-degenerate geometry</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Gap</source>
      <translation>Gap</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Overlap</source>
      <translation>Overlap</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Crossing communities</source>
      <translation>Crossing communities</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Outside its community</source>
      <translation>Outside its community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Unknown community</source>
      <translation>Unknown community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Area too small</source>
      <translation>Area too small</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Area too large</source>
      <translation>Area too large</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Malformed code</source>
      <translation>Malformed code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Duplicate code</source>
      <translation>Duplicate code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>Sequence out of order</source>
      <translation>Sequence out of order</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>the numbering band must be positive, got {band} m</source>
      <translation>the numbering band must be positive, got {band} m</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>unknown numbering order '{order}'; use rows or columns</source>
      <translation>unknown numbering order '{order}'; use rows or columns</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>areas and the tolerance must not be negative</source>
      <translation>areas and the tolerance must not be negative</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>the minimum clearance must not be negative, got {clearance} m</source>
      <translation>the minimum clearance must not be negative, got {clearance} m</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/grids/validation_types.py" />
      <source>the minimum area {minimum:.0f} m² is larger than the maximum area {maximum:.0f} m²</source>
      <translation>the minimum area {minimum:.0f} m² is larger than the maximum area {maximum:.0f} m²</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter} needs a file name.</source>
      <translation>{parameter} needs a file name.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter} is the folder {path}; give a file name in it, e.g. {example}.</source>
      <translation>{parameter} is the folder {path}; give a file name in it, e.g. {example}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter} must be a {extensions} file; {path} is not. Give a name ending in {extension}.</source>
      <translation>{parameter} must be a {extensions} file; {path} is not. Give a name ending in {extension}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter}: the folder of {path} cannot take a new file ({error}); choose a folder you can write to.</source>
      <translation>{parameter}: the folder of {path} cannot take a new file ({error}); choose a folder you can write to.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/output_files.py" />
      <source>{parameter}: {path} cannot be replaced ({error}); close it (in Excel?) or choose another name.</source>
      <translation>{parameter}: {path} cannot be replaced ({error}); close it (in Excel?) or choose another name.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} has no sheets.</source>
      <translation>{path} has no sheets.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} is not an XLSX workbook; save it from Excel or WPS as .xlsx (without a password), or as CSV.</source>
      <translation>{path} is not an XLSX workbook; save it from Excel or WPS as .xlsx (without a password), or as CSV.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} is not an XLSX workbook Excel would open ({error}); save it from Excel or WPS again.</source>
      <translation>{path} is not an XLSX workbook Excel would open ({error}); save it from Excel or WPS again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>{path} has no sheet '{sheet}'; its sheets are: {sheets}.</source>
      <translation>{path} has no sheet '{sheet}'; its sheets are: {sheets}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>Sheet '{sheet}' of {path} cannot be read ({error}); open it in Excel or WPS and save it again.</source>
      <translation>Sheet '{sheet}' of {path} cannot be read ({error}); open it in Excel or WPS and save it again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/core/xlsx.py" />
      <source>row {row} has a value in column {column}, which has no header; name the column or move the value</source>
      <translation>row {row} has a value in column {column}, which has no header; name the column or move the value</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>Another step is still running; wait for it or cancel it.</source>
      <translation>Another step is still running; wait for it or cancel it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>Cancelled; nothing was written.</source>
      <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>Algorithm {} is not available.</source>
      <translation>Algorithm {} is not available.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/algorithm_runner.py" />
      <source>The algorithm failed; see the log for details.</source>
      <translation>The algorithm failed; see the log for details.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Grid city management</source>
      <translation>Grid city management</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Store and outputs</source>
      <translation>Store and outputs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Output folder</source>
      <translation>Output folder</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Ready</source>
      <translation>Ready</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>At this spot</source>
      <translation>At this spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Click the map for codes, components and cases</source>
      <translation>Click the map for codes, components and cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cases per grid (live)</source>
      <translation>Cases per grid (live)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>{} finished: {}</source>
      <translation>{} finished: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>done</source>
      <translation>done</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Grids</source>
      <translation>Grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Component coding</source>
      <translation>Component coding</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cases &amp; heat</source>
      <translation>Cases &amp; heat</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Evaluation</source>
      <translation>Evaluation</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Running {}…</source>
      <translation>Running {}…</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>Cases</source>
      <translation>Cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>: yes</source>
      <translation>: yes</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>: no</source>
      <translation>: no</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/dock.py" />
      <source>The output folder {} cannot be made: {}</source>
      <translation>The output folder {} cannot be made: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Evaluation of case handling</source>
      <translation>Evaluation of case handling</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Evaluate</source>
      <translation>Evaluate</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Emerging hot spots</source>
      <translation>Emerging hot spots</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Find emerging hot spots</source>
      <translation>Find emerging hot spots</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/evaluation_step.py" />
      <source>Open the evaluation report</source>
      <translation>Open the evaluation report</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Reading cases per grid and day</source>
      <translation>Reading cases per grid and day</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>No cases loaded</source>
      <translation>No cases loaded</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Days</source>
      <translation>Days</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Window</source>
      <translation>Window</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>All classes</source>
      <translation>All classes</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>All sources</source>
      <translation>All sources</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Classes</source>
      <translation>Classes</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Sources</source>
      <translation>Sources</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>Reading the store…</source>
      <translation>Reading the store…</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>The store has no unit grids yet: import cases with a unit-grid layer first.</source>
      <translation>The store has no unit grids yet: import cases with a unit-grid layer first.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>(no class)</source>
      <translation>(no class)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>{} cases in {} grids; recounted in {:.0f} ms</source>
      <translation>{} cases in {} grids; recounted in {:.0f} ms</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/heat_controls.py" />
      <source>{} – {} ({} days)</source>
      <translation>{} – {} ({} days)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/missing_dependencies.py" />
      <source>Grid city management needs {}. Install it into QGIS's Python, e.g.: {}</source>
      <translation>Grid city management needs {}. Install it into QGIS's Python, e.g.: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>None</source>
      <translation>None</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>Automatic</source>
      <translation>Automatic</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>[Skip]</source>
      <translation>[Skip]</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/parameter_form.py" />
      <source>[Temporary layer]</source>
      <translation>[Temporary layer]</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>{} % ({} points vs the previous period)</source>
      <translation>{} % ({} points vs the previous period)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>not graded</source>
      <translation>not graded</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Evaluated unit</source>
      <translation>Evaluated unit</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Trend of the hot spot z-scores</source>
      <translation>Trend of the hot spot z-scores</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Cases counted</source>
      <translation>Cases counted</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Hot / cold time bins</source>
      <translation>Hot / cold time bins</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>{} ({} vs the previous period)</source>
      <translation>{} ({} vs the previous period)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>composite {}</source>
      <translation>composite {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>rank {}</source>
      <translation>rank {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>previous grade {}</source>
      <translation>previous grade {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Evaluation {}</source>
      <translation>Evaluation {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_evaluation.py" />
      <source>Emerging hot spot</source>
      <translation>Emerging hot spot</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Community</source>
      <translation>Community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Street</source>
      <translation>Street</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Position (CGCS2000)</source>
      <translation>Position (CGCS2000)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>BeiDou grid code</source>
      <translation>BeiDou grid code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Nearest address</source>
      <translation>Nearest address</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Recent cases in this grid</source>
      <translation>Recent cases in this grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>The spot is outside every unit grid of {}.</source>
      <translation>The spot is outside every unit grid of {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>{} ({:.0f} m, code {})</source>
      <translation>{} ({:.0f} m, code {})</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/spot_info.py" />
      <source>Components within {} m</source>
      <translation>Components within {} m</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Divide into unit grids</source>
      <translation>Divide into unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Validate the grids</source>
      <translation>Validate the grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Unit grids</source>
      <translation>Unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Also keep the coded components in the case store</source>
      <translation>Also keep the coded components in the case store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Code components</source>
      <translation>Code components</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Validate the components</source>
      <translation>Validate the components</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Components</source>
      <translation>Components</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Import cases</source>
      <translation>Import cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Import into the store</source>
      <translation>Import into the store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Heat</source>
      <translation>Heat</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Heat maps</source>
      <translation>Heat maps</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Hot spots and report</source>
      <translation>Hot spots and report</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Live heat per grid</source>
      <translation>Live heat per grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Load the live heat from the store</source>
      <translation>Load the live heat from the store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/steps.py" />
      <source>Responsibility maps (PDF)</source>
      <translation>Responsibility maps (PDF)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>GeoPackage file</source>
      <translation>GeoPackage file</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>PostGIS (QGIS connection)</source>
      <translation>PostGIS (QGIS connection)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>Case store</source>
      <translation>Case store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>A new name creates the store</source>
      <translation>A new name creates the store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>Connection</source>
      <translation>Connection</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/gui/store_picker.py" />
      <source>Schema</source>
      <translation>Schema</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The folder {folder} does not exist; create it or choose another.</source>
      <translation>The folder {folder} does not exist; create it or choose another.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The folder {folder} cannot be written to; choose another.</source>
      <translation>The folder {folder} cannot be written to; choose another.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>{path} already exists; turn on OVERWRITE to replace it, or choose another name.</source>
      <translation>{path} already exists; turn on OVERWRITE to replace it, or choose another name.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>{format} files are written in UTF-8 only; choose UTF-8.</source>
      <translation>{format} files are written in UTF-8 only; choose UTF-8.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The DXF file {path} cannot be created.</source>
      <translation>The DXF file {path} cannot be created.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The file name {path} ends in {suffix}, but the format is {format} ({wanted}); change the name or the format.</source>
      <translation>The file name {path} ends in {suffix}, but the format is {format} ({wanted}); change the name or the format.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/export_files.py" />
      <source>The folder {folder} cannot be written to ({error}); choose another.</source>
      <translation>The folder {folder} cannot be written to ({error}); choose another.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/feature_files.py" />
      <source>The output file {path} would hold a table named '{layer}', but GeoPackage and SQLite reserve names beginning with gpkg_ and sqlite_; rename the file.</source>
      <translation>The output file {path} would hold a table named '{layer}', but GeoPackage and SQLite reserve names beginning with gpkg_ and sqlite_; rename the file.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/feature_files.py" />
      <source>The output field '{field}' has the name of the GeoPackage's own column {column}; rename the field in the input layer.</source>
      <translation>The output field '{field}' has the name of the GeoPackage's own column {column}; rename the field in the input layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/feature_files.py" />
      <source>The output fields '{first}' and '{second}' differ only in upper and lower case, which a GeoPackage takes as one column; rename one of them in the input layer.</source>
      <translation>The output fields '{first}' and '{second}' differ only in upper and lower case, which a GeoPackage takes as one column; rename one of them in the input layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name is empty; give one, e.g. gridplugin.</source>
      <translation>The PostGIS schema name is empty; give one, e.g. gridplugin.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' contains a control character (a NUL character, tab or line break); type the name again without it.</source>
      <translation>The PostGIS schema name '{schema}' contains a control character (a NUL character, tab or line break); type the name again without it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' begins or ends with a space, which PostgreSQL would keep as part of the name; remove the space.</source>
      <translation>The PostGIS schema name '{schema}' begins or ends with a space, which PostgreSQL would keep as part of the name; remove the space.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' is {size} bytes long in UTF-8 (a Chinese character takes 3); PostgreSQL keeps only the first 63 and would silently make two such names one store. Choose a shorter name.</source>
      <translation>The PostGIS schema name '{schema}' is {size} bytes long in UTF-8 (a Chinese character takes 3); PostgreSQL keeps only the first 63 and would silently make two such names one store. Choose a shorter name.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The PostGIS schema name '{schema}' is reserved for PostgreSQL's own catalogs (names beginning with pg_, and information_schema); choose another name, e.g. gridplugin.</source>
      <translation>The PostGIS schema name '{schema}' is reserved for PostgreSQL's own catalogs (names beginning with pg_, and information_schema); choose another name, e.g. gridplugin.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The database name '{name}' that the store makes is {size} bytes long; PostgreSQL keeps only 63 and would silently cut it. This is a fault of the plugin: please report it.</source>
      <translation>The database name '{name}' that the store makes is {size} bytes long; PostgreSQL keeps only 63 and would silently cut it. This is a fault of the plugin: please report it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/io/names.py" />
      <source>The name '{name}' contains a NUL character (\x00), which a GeoPackage cannot hold in a table or column name; rename it.</source>
      <translation>The name '{name}' contains a NUL character (\x00), which a GeoPackage cannot hold in a table or column name; rename it.</translation>
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
      <location filename="../../grid_plugin/plugin.py" />
      <source>Grid city management panel</source>
      <translation>Grid city management panel</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Archive old months of cases</source>
      <translation>Archive old months of cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Takes the cases reported before a month out of the case store, so that the store holds the months still in use. BEFORE is that month (2025-01, or its first day 2025-01-01): the months before it are archived, in the store's month zone (store_meta month_zone, Asia/Shanghai unless set).
MODE: keep them in the database (a PostGIS store detaches each month, which stays readable as the table cases_YYYY_MM_archived in the store's schema), or delete them from the store (PostGIS drops the months; a GeoPackage store deletes their cases; a GeoPackage cannot keep months apart).
ARCHIVE: a GeoPackage the cases are written to first, itself a case store (open it as STORE in any case algorithm); an existing archive gets the months added. Deleting needs it. It is written beside its target and checked to hold every case before anything leaves the store.
All or nothing: the store and the archive change together or not at all, and no import writes the store meanwhile. Cases of an archived month imported again later go back into the store.</source>
      <translation>Takes the cases reported before a month out of the case store, so that the store holds the months still in use. BEFORE is that month (2025-01, or its first day 2025-01-01): the months before it are archived, in the store's month zone (store_meta month_zone, Asia/Shanghai unless set).
MODE: keep them in the database (a PostGIS store detaches each month, which stays readable as the table cases_YYYY_MM_archived in the store's schema), or delete them from the store (PostGIS drops the months; a GeoPackage store deletes their cases; a GeoPackage cannot keep months apart).
ARCHIVE: a GeoPackage the cases are written to first, itself a case store (open it as STORE in any case algorithm); an existing archive gets the months added. Deleting needs it. It is written beside its target and checked to hold every case before anything leaves the store.
All or nothing: the store and the archive change together or not at all, and no import writes the store meanwhile. Cases of an archived month imported again later go back into the store.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>kept in the database as tables cases_YYYY_MM_archived</source>
      <translation>kept in the database as tables cases_YYYY_MM_archived</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>deleted from the store</source>
      <translation>deleted from the store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Archive the months before (e.g. 2025-01)</source>
      <translation>Archive the months before (e.g. 2025-01)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>The archived months</source>
      <translation>The archived months</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Archive GeoPackage (a case store; the months are added to it)</source>
      <translation>Archive GeoPackage (a case store; the months are added to it)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>GeoPackage files (*.gpkg)</source>
      <translation>GeoPackage files (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Cases archived</source>
      <translation>Cases archived</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Store</source>
      <translation>Store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>{} cases reported before {} taken out of {} and {}.</source>
      <translation>{} cases reported before {} taken out of {} and {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Keep them in the database as tables of their own (PostGIS)</source>
      <translation>Keep them in the database as tables of their own (PostGIS)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>Delete them from the store (after writing the archive)</source>
      <translation>Delete them from the store (after writing the archive)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>The archive {} holds them.</source>
      <translation>The archive {} holds them.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>{} holds no cases before {} (months of {}); nothing to archive.</source>
      <translation>{} holds no cases before {} (months of {}); nothing to archive.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/archive_cases.py" />
      <source>The archive {} cannot be written ({}); nothing was archived.</source>
      <translation>The archive {} cannot be written ({}); nothing was archived.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Case heatmap</source>
      <translation>Case heatmap</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Unit grids (empty: the store's grids)</source>
      <translation>Unit grids (empty: the store's grids)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>CRS of the raster (empty: the grids' Gauss-Krüger zone in China, their UTM zone elsewhere)</source>
      <translation>CRS of the raster (empty: the grids' Gauss-Krüger zone in China, their UTM zone elsewhere)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Cases (live heatmap)</source>
      <translation>Cases (live heatmap)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Shows where cases concentrate, for the cases of the store chosen by time window, kind, class, source and status:
- per unit grid: the number of cases and the density per 10,000 m², as a graduated layer;
- a kernel-density raster (radius, pixel size and kernel as in QGIS's Heatmap algorithm, whose numbers it reproduces), styled with a heat ramp;
- optionally the cases themselves as a live layer of the store with QGIS's heatmap renderer and time properties, so the temporal controller animates them.</source>
      <translation>Shows where cases concentrate, for the cases of the store chosen by time window, kind, class, source and status:
- per unit grid: the number of cases and the density per 10,000 m², as a graduated layer;
- a kernel-density raster (radius, pixel size and kernel as in QGIS's Heatmap algorithm, whose numbers it reproduces), styled with a heat ramp;
- optionally the cases themselves as a live layer of the store with QGIS's heatmap renderer and time properties, so the temporal controller animates them.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Kernel radius (m)</source>
      <translation>Kernel radius (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Pixel size (m)</source>
      <translation>Pixel size (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Kernel shape</source>
      <translation>Kernel shape</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Raster values</source>
      <translation>Raster values</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Also load the cases as a live heatmap layer</source>
      <translation>Also load the cases as a live heatmap layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Cases per unit grid</source>
      <translation>Cases per unit grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Kernel density</source>
      <translation>Kernel density</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Cases in the filter</source>
      <translation>Cases in the filter</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Live case heatmap</source>
      <translation>Live case heatmap</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>No case matches the filter; the density raster is all zero.</source>
      <translation>No case matches the filter; the density raster is all zero.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Quartic</source>
      <translation>Quartic</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Triangular</source>
      <translation>Triangular</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Uniform</source>
      <translation>Uniform</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Triweight</source>
      <translation>Triweight</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Epanechnikov</source>
      <translation>Epanechnikov</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Raw (sum of kernel weights)</source>
      <translation>Raw (sum of kernel weights)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>Scaled (density per square metre)</source>
      <translation>Scaled (density per square metre)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>{} cases carry a grid code that is not among these grids.</source>
      <translation>{} cases carry a grid code that is not among these grids.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>The store's case table cannot be loaded as a layer: {}</source>
      <translation>The store's case table cannot be loaded as a layer: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_heatmap.py" />
      <source>{} cases match {}.</source>
      <translation>{} cases match {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Case hot spots and period report</source>
      <translation>Case hot spots and period report</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Day</source>
      <translation>Day</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Week</source>
      <translation>Week</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Month</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Quarter</source>
      <translation>Quarter</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Tests whether case concentrations are real: Getis-Ord Gi* on the case count of each unit grid, with contiguity weights (queen: grids sharing a point; rook: grids sharing an edge), gives a z-score, a p-value and a class: hot or cold spot at 90, 95 or 99 % confidence, or not significant. A grid is a hot spot when it and its neighbours together hold more cases than chance explains.

With the false discovery rate correction (Benjamini-Hochberg, off by default), the p-values of all grids are adjusted for the number of grids tested: a grid is significant at 90, 95 or 99 % when its adjusted p (field gi_p_adj) is at most 0.10, 0.05 or 0.01, and then at most 10, 5 or 1 % of the hot and cold spots found are expected to be chance. Fewer grids come out significant, and those that do can be trusted as a set. Without it, gi_p_adj equals gi_p.

The period report (CSV and HTML) lists, for every day, week, month, quarter or year, the top-N grids and classes (高频区域、高频事件) with the change against the previous period.</source>
      <translation>Tests whether case concentrations are real: Getis-Ord Gi* on the case count of each unit grid, with contiguity weights (queen: grids sharing a point; rook: grids sharing an edge), gives a z-score, a p-value and a class: hot or cold spot at 90, 95 or 99 % confidence, or not significant. A grid is a hot spot when it and its neighbours together hold more cases than chance explains.

With the false discovery rate correction (Benjamini-Hochberg, off by default), the p-values of all grids are adjusted for the number of grids tested: a grid is significant at 90, 95 or 99 % when its adjusted p (field gi_p_adj) is at most 0.10, 0.05 or 0.01, and then at most 10, 5 or 1 % of the hot and cold spots found are expected to be chance. Fewer grids come out significant, and those that do can be trusted as a set. Without it, gi_p_adj equals gi_p.

The period report (CSV and HTML) lists, for every day, week, month, quarter or year, the top-N grids and classes (高频区域、高频事件) with the change against the previous period.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>False discovery rate correction (Benjamini-Hochberg)</source>
      <translation>False discovery rate correction (Benjamini-Hochberg)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Report period</source>
      <translation>Report period</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Top N grids and classes per period</source>
      <translation>Top N grids and classes per period</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Hot spots (Gi*)</source>
      <translation>Hot spots (Gi*)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Period report (CSV)</source>
      <translation>Period report (CSV)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>CSV files (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Period report (HTML)</source>
      <translation>Period report (HTML)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>HTML files (*.html)</source>
      <translation>HTML files (*.html)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Hot-spot grids</source>
      <translation>Hot-spot grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Cold-spot grids</source>
      <translation>Cold-spot grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>{} cases in {} grids ({}).</source>
      <translation>{} cases in {} grids ({}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Cases per {}: top {} grids and classes</source>
      <translation>Cases per {}: top {} grids and classes</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>{} hot-spot grids and {} cold-spot grids at 90 % confidence or more.</source>
      <translation>{} hot-spot grids and {} cold-spot grids at 90 % confidence or more.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>Gi* needs at least 3 unit grids; the store has {}.</source>
      <translation>Gi* needs at least 3 unit grids; the store has {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/case_hotspots.py" />
      <source>{} grids have no neighbour; raise the gap tolerance if the grids have small gaps.</source>
      <translation>{} grids have no neighbour; raise the gap tolerance if the grids have small gaps.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Gives every component (部件) its standard ID, the code of the unit grid it stands in (BGID) and its BeiDou grid location code (GB/T 39409).

ID = 6-digit district code + class code + 6-digit serial: 17 digits under GB/T 47678.5-2026 (5-digit classes), 16 under GB/T 30428.2-2013 (4-digit classes). The class field holds a class code or a standard class name (Chinese or English, matched exactly after normalisation; unknown names are reported, never guessed). A CSV of your own classes can extend or override the table.

Stable IDs: valid existing IDs are kept; new components take the next free serial of their district and class; duplicate and malformed IDs are reported, and replaced only when you ask for it. A component that moved into another grid keeps its ID and gets the new grid code and a change date. A component with a problem gets no ID (the serial of an ID it has stays taken): no class or an unknown one (the log names the values with their counts), a geometry type its class does not allow, outside every unit grid, a grid code without a district and no DISTRICT_CODE, or an ID that is a duplicate or invalid and not renumbered. So Components = kept + new + with a problem (COMPONENT_COUNT = KEPT_COUNT + NEW_COUNT + PROBLEM_COUNT).

Points take the grid they lie in; lines and polygons the grid holding most of them, with that share recorded. The district is the given code, or that of each component's grid.</source>
      <translation>Gives every component (部件) its standard ID, the code of the unit grid it stands in (BGID) and its BeiDou grid location code (GB/T 39409).

ID = 6-digit district code + class code + 6-digit serial: 17 digits under GB/T 47678.5-2026 (5-digit classes), 16 under GB/T 30428.2-2013 (4-digit classes). The class field holds a class code or a standard class name (Chinese or English, matched exactly after normalisation; unknown names are reported, never guessed). A CSV of your own classes can extend or override the table.

Stable IDs: valid existing IDs are kept; new components take the next free serial of their district and class; duplicate and malformed IDs are reported, and replaced only when you ask for it. A component that moved into another grid keeps its ID and gets the new grid code and a change date. A component with a problem gets no ID (the serial of an ID it has stays taken): no class or an unknown one (the log names the values with their counts), a geometry type its class does not allow, outside every unit grid, a grid code without a district and no DISTRICT_CODE, or an ID that is a duplicate or invalid and not renumbered. So Components = kept + new + with a problem (COMPONENT_COUNT = KEPT_COUNT + NEW_COUNT + PROBLEM_COUNT).

Points take the grid they lie in; lines and polygons the grid holding most of them, with that share recorded. The district is the given code, or that of each component's grid.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Class field (class code or standard name)</source>
      <translation>Class field (class code or standard name)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>District code (6 digits; empty = from each component's grid)</source>
      <translation>District code (6 digits; empty = from each component's grid)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Field with existing component IDs (kept when valid)</source>
      <translation>Field with existing component IDs (kept when valid)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Give duplicates new IDs (the lowest feature id keeps the ID)</source>
      <translation>Give duplicates new IDs (the lowest feature id keeps the ID)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Replace malformed, other-district and other-scheme IDs</source>
      <translation>Replace malformed, other-district and other-scheme IDs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>BeiDou grid code level (1-10; 8 ≈ 1 m)</source>
      <translation>BeiDou grid code level (1-10; 8 ≈ 1 m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Date of this coding (YYYY-MM-DD; empty = today)</source>
      <translation>Date of this coding (YYYY-MM-DD; empty = today)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Data source (e.g. 实测, 地形图; optional)</source>
      <translation>Data source (e.g. 实测, 地形图; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Coded components</source>
      <translation>Coded components</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Components with a new ID</source>
      <translation>Components with a new ID</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Components that kept their ID</source>
      <translation>Components that kept their ID</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Components with a problem</source>
      <translation>Components with a problem</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>The component layer has no point, line or polygon geometries.</source>
      <translation>The component layer has no point, line or polygon geometries.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>{} components: {} kept their ID, {} got a new one, {} have a problem and no ID.</source>
      <translation>{} components: {} kept their ID, {} got a new one, {} have a problem and no ID.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>The component layer has no ID field '{}'; leave it empty to give every component a new ID.</source>
      <translation>The component layer has no ID field '{}'; leave it empty to give every component a new ID.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: a {} is not a geometry type their class allows (see the class table's geometry_types); they get no ID. Check the class or the layer.</source>
      <translation>Features {}: a {} is not a geometry type their class allows (see the class table's geometry_types); they get no ID. Check the class or the layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: outside every unit grid; they get no grid code and no ID.</source>
      <translation>Features {}: outside every unit grid; they get no grid code and no ID.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>Features {}: the code of their grid does not start with a 6-digit district code, and no district code was given; they get no ID. Give DISTRICT_CODE.</source>
      <translation>Features {}: the code of their grid does not start with a 6-digit district code, and no district code was given; they get no ID. Give DISTRICT_CODE.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>{} components moved into another grid: they keep their ID and got the new grid code and a change date.</source>
      <translation>{} components moved into another grid: they keep their ID and got the new grid code and a change date.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/code_components.py" />
      <source>{} coded components saved in the store {}.</source>
      <translation>{} coded components saved in the store {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Convert coordinates (GCJ-02, BD-09, WGS84, CGCS2000)</source>
      <translation>Convert coordinates (GCJ-02, BD-09, WGS84, CGCS2000)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Coordinates</source>
      <translation>Coordinates</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Converts every vertex of a layer (points, lines, polygons, multi-parts; Z kept) between the offset coordinates of Chinese web maps and true ones: GCJ-02 (Amap, Tencent, Google China), BD-09 (Baidu), WGS84 and CGCS2000, in either direction. FROM says what the layer's longitudes and latitudes are: a GCJ-02 or BD-09 layer is usually tagged EPSG:4326, and a layer in another CRS (e.g. Web Mercator digitised over such a map) is first taken to EPSG:4326 as its CRS says. The output is tagged EPSG:4490 for CGCS2000 and EPSG:4326 otherwise; attributes are kept, curves become straight segments and M values are dropped.

CGCS2000 and WGS84 differ by less than about a metre in China (the plates have moved since 2000), far less than the offsets: their longitudes and latitudes are taken as equal, so WGS84 ⇄ CGCS2000 only changes the tag. GCJ-02 is defined only inside China (the box 72.004–137.8347 E, 0.8293–55.8271 N, as the map services use): outside it the GCJ-02 step leaves coordinates unchanged, and a warning counts and names those features. GCJ-02 → WGS84 is exact to about 1e-13° against WGS84 → GCJ-02 (an iteration, not the usual one-step formula that is off by metres).</source>
      <translation>Converts every vertex of a layer (points, lines, polygons, multi-parts; Z kept) between the offset coordinates of Chinese web maps and true ones: GCJ-02 (Amap, Tencent, Google China), BD-09 (Baidu), WGS84 and CGCS2000, in either direction. FROM says what the layer's longitudes and latitudes are: a GCJ-02 or BD-09 layer is usually tagged EPSG:4326, and a layer in another CRS (e.g. Web Mercator digitised over such a map) is first taken to EPSG:4326 as its CRS says. The output is tagged EPSG:4490 for CGCS2000 and EPSG:4326 otherwise; attributes are kept, curves become straight segments and M values are dropped.

CGCS2000 and WGS84 differ by less than about a metre in China (the plates have moved since 2000), far less than the offsets: their longitudes and latitudes are taken as equal, so WGS84 ⇄ CGCS2000 only changes the tag. GCJ-02 is defined only inside China (the box 72.004–137.8347 E, 0.8293–55.8271 N, as the map services use): outside it the GCJ-02 step leaves coordinates unchanged, and a warning counts and names those features. GCJ-02 → WGS84 is exact to about 1e-13° against WGS84 → GCJ-02 (an iteration, not the usual one-step formula that is off by metres).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>WGS84 (GPS)</source>
      <translation>WGS84 (GPS)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>CGCS2000</source>
      <translation>CGCS2000</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Layer</source>
      <translation>Layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>The layer's coordinates are in</source>
      <translation>The layer's coordinates are in</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Convert them to</source>
      <translation>Convert them to</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Converted layer</source>
      <translation>Converted layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Features converted</source>
      <translation>Features converted</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>Features (partly) outside China, where GCJ-02 is not defined</source>
      <translation>Features (partly) outside China, where GCJ-02 is not defined</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>The layer's M values are dropped; Z values are kept.</source>
      <translation>The layer's M values are dropped; Z values are kept.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>{} features converted from {} to {} ({}).</source>
      <translation>{} features converted from {} to {} ({}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/convert_coordinates.py" />
      <source>FROM and TO are both '{}': there is nothing to convert. Choose the system the layer is in as FROM and the one you need as TO.</source>
      <translation>FROM and TO are both '{}': there is nothing to convert. Choose the system the layer is in as FROM and the one you need as TO.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Divide communities into unit grids</source>
      <translation>Divide communities into unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Coordinates of the communities (Chinese web maps: GCJ-02 or BD-09)</source>
      <translation>Coordinates of the communities (Chinese web maps: GCJ-02 or BD-09)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Coordinates of the lines and polygons to follow (Chinese web maps: GCJ-02 or BD-09)</source>
      <translation>Coordinates of the lines and polygons to follow (Chinese web maps: GCJ-02 or BD-09)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Precision grid of the vertices (m; 0.001 = 1 mm)</source>
      <translation>Precision grid of the vertices (m; 0.001 = 1 mm)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no geometries; draw the community polygons first.</source>
      <translation>The community layer has no geometries; draw the community polygons first.</translation>
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
      <source>Lines to follow (roads, rivers, walls; follow features mode)</source>
      <translation>Lines to follow (roads, rivers, walls; follow features mode)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Road-class field of the line layers (layers without it are barriers)</source>
      <translation>Road-class field of the line layers (layers without it are barriers)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Target grid area (m², follow features mode)</source>
      <translation>Target grid area (m², follow features mode)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Cell size (m, regular lattice mode)</source>
      <translation>Cell size (m, regular lattice mode)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Minimum grid area (m²; empty = 0.5 × target, or 30 % of a lattice cell)</source>
      <translation>Minimum grid area (m²; empty = 0.5 × target, or 30 % of a lattice cell)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Maximum grid area (m², follow features mode; empty = 2 × target)</source>
      <translation>Maximum grid area (m², follow features mode; empty = 2 × target)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Workload points to balance (components or past cases; optional)</source>
      <translation>Workload points to balance (components or past cases; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Workload weight field (empty = each point counts 1)</source>
      <translation>Workload weight field (empty = each point counts 1)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Previous unit grids (keep their codes; optional)</source>
      <translation>Previous unit grids (keep their codes; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Code field of the previous grids</source>
      <translation>Code field of the previous grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Matching overlap with a previous grid (share, both ways)</source>
      <translation>Matching overlap with a previous grid (share, both ways)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Effective date of this division (YYYY-MM-DD; empty = today)</source>
      <translation>Effective date of this division (YYYY-MM-DD; empty = today)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)</source>
      <translation>Working CRS (empty = CGCS2000 Gauss-Krüger zone of the data)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Overlaps and gaps between communities accepted and repaired up to (m² each)</source>
      <translation>Overlaps and gaps between communities accepted and repaired up to (m² each)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Distance within which a grid boundary counts as on a line (m)</source>
      <translation>Distance within which a grid boundary counts as on a line (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Snap tolerance: line ends this close to another line are joined to it (m; 0 = off)</source>
      <translation>Snap tolerance: line ends this close to another line are joined to it (m; 0 = off)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Code change report (kept, new and retired codes)</source>
      <translation>Code change report (kept, new and retired codes)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Number of unit grids</source>
      <translation>Number of unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Grids that kept their code</source>
      <translation>Grids that kept their code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Grids with a new code</source>
      <translation>Grids with a new code</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Previous grids retired</source>
      <translation>Previous grids retired</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer has no features; choose a layer with community polygons.</source>
      <translation>The community layer has no features; choose a layer with community polygons.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Choose the community code field.</source>
      <translation>Choose the community code field.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Follow features mode needs at least one line layer (roads, rivers or walls) or polygon layer to follow; choose them under 'Lines to follow' or 'Polygon features to follow', or use the regular lattice mode.</source>
      <translation>Follow features mode needs at least one line layer (roads, rivers or walls) or polygon layer to follow; choose them under 'Lines to follow' or 'Polygon features to follow', or use the regular lattice mode.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Regular lattice</source>
      <translation>Regular lattice</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Follow features (roads, rivers, walls)</source>
      <translation>Follow features (roads, rivers, walls)</translation>
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
      <source>Precision: on a {} m grid; {} grids changed by it, areas by at most {:.4f} m².</source>
      <translation>Precision: on a {} m grid; {} grids changed by it, areas by at most {:.4f} m².</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>{} unit grids in {} communities.</source>
      <translation>{} unit grids in {} communities.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Working CRS: {} ({})</source>
      <translation>Working CRS: {} ({})</translation>
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
      <source>Following {} lines from {} layer(s).</source>
      <translation>Following {} lines from {} layer(s).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Balancing the workload of {} points.</source>
      <translation>Balancing the workload of {} points.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Codes: {} kept, {} new, {} retired.</source>
      <translation>Codes: {} kept, {} new, {} retired.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>The community layer must contain polygons; it has {} geometries. Choose a polygon layer.</source>
      <translation>The community layer must contain polygons; it has {} geometries. Choose a polygon layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Field '{}' does not exist in the community layer; its fields are: {}</source>
      <translation>Field '{}' does not exist in the community layer; its fields are: {}</translation>
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
      <translation>Divides community polygons into unit grids (单元网格) of about 10,000 m² and gives each its 15-digit code: 6-digit district + 3-digit street + 3-digit community + 3-digit sequence. No grid crosses a community boundary and the grids of a community cover it exactly.

Follow features (地理布局): grid boundaries run along the given roads, rivers and walls. Each community is cut into blocks by the lines; blocks below the minimum area join a neighbour across the smallest road class first (layers without the road-class field, such as rivers and walls, are crossed last); blocks above the maximum area are cut into compact parts of near-equal area, or of near-equal workload when a workload layer (components, past cases) is given. The minimum and maximum areas default to 0.5 × and 2 × the target area, so setting the target alone scales all three.

Regular lattice: square cells anchored at the origin of the working CRS, so re-runs give identical grids; pieces smaller than the minimum area join the neighbouring grid that shares the longest edge with them.

Stable codes (相对稳定): with the previous grid layer, every new grid that overlaps a previous grid of its community by the matching share (both ways) keeps its code; new grids take the next free numbers; previous grids that no longer exist are kept with their end date set, and their codes are never reused.

Numbering: rows from north to south, west to east within a row (or columns). Quality figures (areas, share of boundaries on the lines, compactness) are logged, returned and stored in the output layer's metadata.

Limits: a community gets at most 999 grids (the 3-digit sequence). Before dividing, the grids of every community are bounded from its area and outline (and counted near the limit); all communities over the limit are refused together, with the cell size or grid areas at which they would fit. A community smaller than the minimum grid area becomes one grid, with a warning naming it (often a sliver left by digitising).

Precision: every grid is put on a grid of PRECISION metres (1 mm by default) in the working CRS, all grids as one coverage: shared edges stay shared, spikes and necks narrower than the precision are removed, and no vertex comes closer than the precision to an edge of its own grid, so the grids stay valid when they are reprojected (to CGCS2000 or WGS84 longitude and latitude, Web Mercator or GCJ-02). Areas change by a fraction of a square metre.

Geographic input is projected to the CGCS2000 3-degree Gauss-Krüger zone of the data's longitude unless a working CRS is given.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/divide_grids.py" />
      <source>Overlaps and gaps (OVERLAP_TOLERANCE, {:g} m² by default): shared boundaries of neighbouring communities digitised twice overlap and leave gaps in slivers. Each piece where communities overlap, and each gap they enclose, up to this area is given to the community sharing the longest edge with it (ties: the lowest feature id; a community that would lose most of its area, such as a small one inside another, keeps its pieces), and logged with its features, area and place; the communities then tile exactly. A larger overlap stops the run, naming the features and the tolerance that would accept it; a larger gap is reported and left uncovered.</source>
      <translation>Overlaps and gaps (OVERLAP_TOLERANCE, {:g} m² by default): shared boundaries of neighbouring communities digitised twice overlap and leave gaps in slivers. Each piece where communities overlap, and each gap they enclose, up to this area is given to the community sharing the longest edge with it (ties: the lowest feature id; a community that would lose most of its area, such as a small one inside another, keeps its pieces), and logged with its features, area and place; the communities then tile exactly. A larger overlap stops the run, naming the features and the tolerance that would accept it; a larger gap is reported and left uncovered.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Emerging hot spots of cases</source>
      <translation>Emerging hot spots of cases</translation>
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
      <translation>Finds where hot and cold spots of cases appear, last, grow, fade or come and go (emerging hot spot analysis, as in ArcGIS Pro). The store counts the cases per unit grid and time bin: local days, ISO weeks (Monday to Sunday) or calendar months. Space-time Getis-Ord Gi* compares each grid's neighbourhood (the grid and its neighbours up to the given rings, in this bin and the given number of previous bins) with the mean of all grids and bins. A bin is a hot or cold spot at 90 % confidence; the FDR correction (Benjamini-Hochberg over all grids and bins, on by default) keeps the expected share of chance findings among them at 10 % or less. The Mann-Kendall test of each grid's Gi* z-scores gives its trend. Categories:
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

Outputs: the unit grids with category code and name, trend z and p, the trend of the counts, the numbers of hot and cold bins and the last bin's z and p (FDR-adjusted when the correction is on); and one feature per grid and bin with its first and end day (exclusive), cases, Gi* z, p, adjusted p and class (±1/2/3: 90/95/99 %), ready for QGIS's temporal controller. A grid without neighbours is compared on its own cases alone. Cases of grids not among the unit grids are left out and reported. A bin cut by From or Until has fewer days, so fewer cases.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Time step</source>
      <translation>Time step</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Neighbour rings (1: neighbours; 2: also their neighbours)</source>
      <translation>Neighbour rings (1: neighbours; 2: also their neighbours)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Time window: previous bins in each neighbourhood</source>
      <translation>Time window: previous bins in each neighbourhood</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Minimum number of time bins</source>
      <translation>Minimum number of time bins</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Gi* per grid and time bin</source>
      <translation>Gi* per grid and time bin</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Time bins</source>
      <translation>Time bins</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Grids in a hot spot category</source>
      <translation>Grids in a hot spot category</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>Grids in a cold spot category</source>
      <translation>Grids in a cold spot category</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>There are no cases with a grid code in the period and filters ({}); choose another period or fewer filters.</source>
      <translation>There are no cases with a grid code in the period and filters ({}); choose another period or fewer filters.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>From or Until cuts the first or last time bin short, so it holds fewer cases than a whole bin; a trend or a last-bin category may come from that. Start and end the period on bin edges (for weeks: Mondays).</source>
      <translation>From or Until cuts the first or last time bin short, so it holds fewer cases than a whole bin; a trend or a last-bin category may come from that. Start and end the period on bin edges (for weeks: Mondays).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>None of the cases in the period lies in these unit grids; give the unit grids the cases were imported with.</source>
      <translation>None of the cases in the period lies in these unit grids; give the unit grids the cases were imported with.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} cases in {} grids and {} time bins ({} to {}).</source>
      <translation>{} cases in {} grids and {} time bins ({} to {}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{}: {} grids</source>
      <translation>{}: {} grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} grids have no neighbour: each is compared on its own cases alone. Raise the gap tolerance if the grids have small gaps.</source>
      <translation>{} grids have no neighbour: each is compared on its own cases alone. Raise the gap tolerance if the grids have small gaps.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} cases carry {} grid codes that are not among the unit grids (e.g. {}) and are left out; give the unit grids the cases were imported with.</source>
      <translation>{} cases carry {} grid codes that are not among the unit grids (e.g. {}) and are left out; give the unit grids the cases were imported with.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/emerging_hotspots.py" />
      <source>{} cases without a grid code or a report time are left out.</source>
      <translation>{} cases without a grid code or a report time are left out.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluate case handling (综合评价)</source>
      <translation>Evaluate case handling (综合评价)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluates how the store's cases were handled, per unit grid, community, street, department or source (LEVEL), for a period and the previous period of equal length, with the change: 立案数, 应结案数, 准确立案率, 处置率, 按期处置率, 超期待处置率, 结案率, 按期结案率, 超期结案率, 返工率, 延期率, the overdue open cases at the cut-off, and the mean and median handling time (filing to closing, hours). Rates are percentages; changes of rates are percentage points.

The period is START (inclusive) to END (exclusive), local dates or times in TIMEZONE: March 2025 is 2025-03-01 to 2025-04-01. Its cases are those filed (立案) in it; a case without a filing time that was dispatched, disposed of or closed counts as filed at its report time, and a report that was never filed counts as 'unfiled' only. The previous period is the same number of calendar months before when the period is whole months, else the same duration before. Stages count when they happened before the period's end plus GRACE_DAYS (the cut-off), so the figures stay the same when run again later.

Invalid cases (作废) count in 立案数 and 准确立案率 only. A case lacking a time an indicator needs stays in its denominator and is counted in the table (no_deadline, closed_no_disposed, filed_from_report, bad_order) and in the report's notes. REWORK_BASE chooses the denominator of 返工率 and CLOSE_BASE that of 按期结案率 and 超期结案率, where the sources disagree: 应结案数 (the default) or 结案数.

Units are graded A–E on a composite score, the weighted mean of rates (better-when-low rates as 100 − rate): by default 按期结案率 30, 结案率 20, 按期处置率 20, 处置率 10, 返工率 10, 延期率 10; WEIGHTS replaces them (e.g. intime_close_rate=50, close_rate=50). Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below. The weights and the grades are this plugin's convention, not GB/T 30428.4's. Units with fewer than MIN_CASES due cases, and the cases without a unit, are not graded or ranked.

Outputs: the table of every unit (OUTPUT), for the area levels a polygon layer coloured by grade (AREAS), the ranking (RANKING), an HTML report, and optionally a PDF made through a QGIS print layout. All counting is done in the store in SQL.</source>
      <translation>Evaluates how the store's cases were handled, per unit grid, community, street, department or source (LEVEL), for a period and the previous period of equal length, with the change: 立案数, 应结案数, 准确立案率, 处置率, 按期处置率, 超期待处置率, 结案率, 按期结案率, 超期结案率, 返工率, 延期率, the overdue open cases at the cut-off, and the mean and median handling time (filing to closing, hours). Rates are percentages; changes of rates are percentage points.

The period is START (inclusive) to END (exclusive), local dates or times in TIMEZONE: March 2025 is 2025-03-01 to 2025-04-01. Its cases are those filed (立案) in it; a case without a filing time that was dispatched, disposed of or closed counts as filed at its report time, and a report that was never filed counts as 'unfiled' only. The previous period is the same number of calendar months before when the period is whole months, else the same duration before. Stages count when they happened before the period's end plus GRACE_DAYS (the cut-off), so the figures stay the same when run again later.

Invalid cases (作废) count in 立案数 and 准确立案率 only. A case lacking a time an indicator needs stays in its denominator and is counted in the table (no_deadline, closed_no_disposed, filed_from_report, bad_order) and in the report's notes. REWORK_BASE chooses the denominator of 返工率 and CLOSE_BASE that of 按期结案率 and 超期结案率, where the sources disagree: 应结案数 (the default) or 结案数.

Units are graded A–E on a composite score, the weighted mean of rates (better-when-low rates as 100 − rate): by default 按期结案率 30, 结案率 20, 按期处置率 20, 处置率 10, 返工率 10, 延期率 10; WEIGHTS replaces them (e.g. intime_close_rate=50, close_rate=50). Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below. The weights and the grades are this plugin's convention, not GB/T 30428.4's. Units with fewer than MIN_CASES due cases, and the cases without a unit, are not graded or ranked.

Outputs: the table of every unit (OUTPUT), for the area levels a polygon layer coloured by grade (AREAS), the ranking (RANKING), an HTML report, and optionally a PDF made through a QGIS print layout. All counting is done in the store in SQL.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>应结案数 (cases due)</source>
      <translation>应结案数 (cases due)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>结案数 (cases closed)</source>
      <translation>结案数 (cases closed)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Department</source>
      <translation>Department</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluate per</source>
      <translation>Evaluate per</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Period from (filing time, inclusive; e.g. 2025-03-01)</source>
      <translation>Period from (filing time, inclusive; e.g. 2025-03-01)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Period until (exclusive; e.g. 2025-04-01)</source>
      <translation>Period until (exclusive; e.g. 2025-04-01)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Days after the period's end that stages still count (cut-off)</source>
      <translation>Days after the period's end that stages still count (cut-off)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Denominator of 返工率</source>
      <translation>Denominator of 返工率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Denominator of 按期结案率 and 超期结案率</source>
      <translation>Denominator of 按期结案率 and 超期结案率</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Composite weights (rate=weight, comma separated; empty: the default)</source>
      <translation>Composite weights (rate=weight, comma separated; empty: the default)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Fewest due cases a unit needs to be graded</source>
      <translation>Fewest due cases a unit needs to be graded</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation table</source>
      <translation>Evaluation table</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation map (grids, communities or streets)</source>
      <translation>Evaluation map (grids, communities or streets)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Ranking with grades</source>
      <translation>Ranking with grades</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation report (HTML)</source>
      <translation>Evaluation report (HTML)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation report (PDF)</source>
      <translation>Evaluation report (PDF)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Cases filed in the period</source>
      <translation>Cases filed in the period</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Units graded</source>
      <translation>Units graded</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Evaluation of case handling per {}: {}</source>
      <translation>Evaluation of case handling per {}: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Time zone</source>
      <translation>Time zone</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Cut-off</source>
      <translation>Cut-off</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Fewest due cases to be graded</source>
      <translation>Fewest due cases to be graded</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>{} cases filed in {} ({} in {}); {} of {} units graded.</source>
      <translation>{} cases filed in {} ({} in {}); {} of {} units graded.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Departments and sources have no polygons: the map (AREAS) is made for unit grids, communities and streets only.</source>
      <translation>Departments and sources have no polygons: the map (AREAS) is made for unit grids, communities and streets only.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>PDF report written to {}.</source>
      <translation>PDF report written to {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>Counting the cases filed in {} and {} in {}...</source>
      <translation>Counting the cases filed in {} and {} in {}...</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>the period's end + {days} days</source>
      <translation>the period's end + {days} days</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>The store {} has no unit grids: the units are the codes of the cases, and there is no map.</source>
      <translation>The store {} has no unit grids: the units are the codes of the cases, and there is no map.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/evaluate_cases.py" />
      <source>The PDF report could not be written to {}: {}</source>
      <translation>The PDF report could not be written to {}: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Export for planners</source>
      <translation>Export for planners</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Writes a unit-grid, component or heat layer to a file for other systems:
- GeoPackage; Shapefile (UTF-8 or GBK with a .cpg file; long field names shortened to 10 characters as listed in &lt;name&gt;.fields.csv beside it; colliding names and text longer than a DBF field holds are errors); GeoJSON (RFC 7946, longitude/latitude); KML; DXF for CAD (boundaries as polylines, codes as text); CSV with the geometry as WKT.
- Coordinate systems: CGCS2000 geographic, the data's CGCS2000 3- or 6-degree Gauss-Krüger zone, WGS84, Web Mercator, GCJ-02 (for Chinese web maps; WGS84 longitude/latitude with the offset applied), or any other CRS. Features the target cannot represent are reported by feature id.
The file is written under a temporary name and moved into place at the end: a failed or cancelled export leaves nothing, and an existing file is replaced only with OVERWRITE.</source>
      <translation>Writes a unit-grid, component or heat layer to a file for other systems:
- GeoPackage; Shapefile (UTF-8 or GBK with a .cpg file; long field names shortened to 10 characters as listed in &lt;name&gt;.fields.csv beside it; colliding names and text longer than a DBF field holds are errors); GeoJSON (RFC 7946, longitude/latitude); KML; DXF for CAD (boundaries as polylines, codes as text); CSV with the geometry as WKT.
- Coordinate systems: CGCS2000 geographic, the data's CGCS2000 3- or 6-degree Gauss-Krüger zone, WGS84, Web Mercator, GCJ-02 (for Chinese web maps; WGS84 longitude/latitude with the offset applied), or any other CRS. Features the target cannot represent are reported by feature id.
The file is written under a temporary name and moved into place at the end: a failed or cancelled export leaves nothing, and an existing file is replaced only with OVERWRITE.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Layer to export (unit grids, components, heat)</source>
      <translation>Layer to export (unit grids, components, heat)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Coordinate system</source>
      <translation>Coordinate system</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Other coordinate system</source>
      <translation>Other coordinate system</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Text encoding (Shapefile and CSV)</source>
      <translation>Text encoding (Shapefile and CSV)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Code field (DXF text, KML name; empty: grid_code or component_id)</source>
      <translation>Code field (DXF text, KML name; empty: grid_code or component_id)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Shapefile field names (long=short; ...; optional)</source>
      <translation>Shapefile field names (long=short; ...; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Replace an existing file</source>
      <translation>Replace an existing file</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Exported file</source>
      <translation>Exported file</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Features exported</source>
      <translation>Features exported</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Files written</source>
      <translation>Files written</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Shapefile field-name map</source>
      <translation>Shapefile field-name map</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>GeoPackage (.gpkg)</source>
      <translation>GeoPackage (.gpkg)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Shapefile (.shp)</source>
      <translation>Shapefile (.shp)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>GeoJSON, RFC 7946 (.geojson)</source>
      <translation>GeoJSON, RFC 7946 (.geojson)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>KML (.kml)</source>
      <translation>KML (.kml)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>DXF for CAD, codes as text (.dxf)</source>
      <translation>DXF for CAD, codes as text (.dxf)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CSV with WKT (.csv)</source>
      <translation>CSV with WKT (.csv)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CGCS2000 geographic (EPSG:4490)</source>
      <translation>CGCS2000 geographic (EPSG:4490)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CGCS2000 3-degree Gauss-Krüger zone of the data</source>
      <translation>CGCS2000 3-degree Gauss-Krüger zone of the data</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>CGCS2000 6-degree Gauss-Krüger zone of the data</source>
      <translation>CGCS2000 6-degree Gauss-Krüger zone of the data</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>WGS84 (EPSG:4326)</source>
      <translation>WGS84 (EPSG:4326)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Web Mercator (EPSG:3857)</source>
      <translation>Web Mercator (EPSG:3857)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>GCJ-02 (Chinese web maps)</source>
      <translation>GCJ-02 (Chinese web maps)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>Other (the CRS below)</source>
      <translation>Other (the CRS below)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>{} features written to {} ({}).</source>
      <translation>{} features written to {} ({}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/export_grids.py" />
      <source>{} polygons became invalid in {} and were repaired (make valid).</source>
      <translation>{} polygons became invalid in {} and were repaired (make valid).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Geocode addresses</source>
      <translation>Geocode addresses</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Places the addresses of a table (CSV, XLSX or any layer) on the map through the store's gazetteer of standard addresses. Addresses are normalised (full-width digits and letters, Chinese numerals, 号/号院/号楼, 路/街/大街/胡同/巷 variants, traditional characters, missing district prefixes) and read into district, street, community, road, door number, building, unit and room. They are matched exactly, then by a similar road or place name, with a confidence from 0 to 1; a door number missing from the gazetteer takes the nearest plate on the same side at a lower confidence. Matched rows become points with the grid, community and street codes and the BeiDou code of the matched entry. Unmatched rows and ambiguous ones (several entries fit equally well) are listed in the report with their candidates.</source>
      <translation>Places the addresses of a table (CSV, XLSX or any layer) on the map through the store's gazetteer of standard addresses. Addresses are normalised (full-width digits and letters, Chinese numerals, 号/号院/号楼, 路/街/大街/胡同/巷 variants, traditional characters, missing district prefixes) and read into district, street, community, road, door number, building, unit and room. They are matched exactly, then by a similar road or place name, with a confidence from 0 to 1; a door number missing from the gazetteer takes the nearest plate on the same side at a lower confidence. Matched rows become points with the grid, community and street codes and the BeiDou code of the matched entry. Unmatched rows and ambiguous ones (several entries fit equally well) are listed in the report with their candidates.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses file (CSV, XLSX, GeoPackage, Shapefile, ...)</source>
      <translation>Addresses file (CSV, XLSX, GeoPackage, Shapefile, ...)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>ambiguous</source>
      <translation>ambiguous</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>not matched</source>
      <translation>not matched</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Address field</source>
      <translation>Address field</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Lowest confidence accepted as a match (0–1)</source>
      <translation>Lowest confidence accepted as a match (0–1)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Geocoded addresses</source>
      <translation>Geocoded addresses</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Unmatched and ambiguous addresses (CSV)</source>
      <translation>Unmatched and ambiguous addresses (CSV)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses matched</source>
      <translation>Addresses matched</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses ambiguous</source>
      <translation>Addresses ambiguous</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Addresses not matched</source>
      <translation>Addresses not matched</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>Cancelled.</source>
      <translation>Cancelled.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>{} addresses: {} matched, {} ambiguous, {} not matched (see {}).</source>
      <translation>{} addresses: {} matched, {} ambiguous, {} not matched (see {}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/geocode_addresses.py" />
      <source>The table has no field {}; its fields are: {}</source>
      <translation>The table has no field {}; its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Import standard addresses</source>
      <translation>Import standard addresses</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Standard addresses (标准地址: door plates, buildings, points of interest, streets and lanes) from any point layer into the store's gazetteer, which geocoding and reverse geocoding use. Each address is read into road, door number, building, street and community; it gets the codes of the unit grid it stands in and its BeiDou grid code (level 8). Addresses are upserted by their code: a re-import updates them and keeps the others. Without a code field, a stable code is made from the community code and the normalised address text. Rows without a position or an address, and repeated codes, go to the rejects file.</source>
      <translation>Standard addresses (标准地址: door plates, buildings, points of interest, streets and lanes) from any point layer into the store's gazetteer, which geocoding and reverse geocoding use. Each address is read into road, door number, building, street and community; it gets the codes of the unit grid it stands in and its BeiDou grid code (level 8). Addresses are upserted by their code: a re-import updates them and keeps the others. Without a code field, a stable code is made from the community code and the normalised address text. Rows without a position or an address, and repeated codes, go to the rejects file.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Unit grids (saved into the store; empty: the store's grids)</source>
      <translation>Unit grids (saved into the store; empty: the store's grids)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Standard addresses (points)</source>
      <translation>Standard addresses (points)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Full address field</source>
      <translation>Full address field</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Address code field (empty: made from the community and the address)</source>
      <translation>Address code field (empty: made from the community and the address)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Kind field (门牌, 楼栋, 兴趣点, 街巷…; optional)</source>
      <translation>Kind field (门牌, 楼栋, 兴趣点, 街巷…; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Place name field (points of interest; optional)</source>
      <translation>Place name field (points of interest; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>District name, when the addresses do not start with it (e.g. 东城区)</source>
      <translation>District name, when the addresses do not start with it (e.g. 东城区)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Rejected addresses</source>
      <translation>Rejected addresses</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses read</source>
      <translation>Addresses read</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses stored</source>
      <translation>Addresses stored</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses rejected</source>
      <translation>Addresses rejected</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>Addresses outside every unit grid</source>
      <translation>Addresses outside every unit grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>addresses</source>
      <translation>addresses</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>{} addresses read, {} stored in {}, {} rejected, {} outside every unit grid.</source>
      <translation>{} addresses read, {} stored in {}, {} rejected, {} outside every unit grid.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>The layer has no field {}; its fields are: {}</source>
      <translation>The layer has no field {}; its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>no position (the feature has no geometry)</source>
      <translation>no position (the feature has no geometry)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>no address and no place name</source>
      <translation>no address and no place name</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_addresses.py" />
      <source>address code {} repeats feature {}</source>
      <translation>address code {} repeats feature {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Plausible places: coordinates in WGS84 or CGCS2000 degrees without a named CRS, and GCJ-02 and BD-09 ones, must lie in China. With 'Another CRS' and SOURCE_CRS (or a layer with its own CRS) the coordinates may lie anywhere, but not more than 50 km outside the unit grids' extent (such a row is rejected as outside the district's grids). SOURCE_CRS is used only with 'Another CRS'. For unit grids outside China the store's degrees are WGS 84 ones, and its layers and the outputs of the case algorithms are tagged EPSG:4326.</source>
      <translation>Plausible places: coordinates in WGS84 or CGCS2000 degrees without a named CRS, and GCJ-02 and BD-09 ones, must lie in China. With 'Another CRS' and SOURCE_CRS (or a layer with its own CRS) the coordinates may lie anywhere, but not more than 50 km outside the unit grids' extent (such a row is rejected as outside the district's grids). SOURCE_CRS is used only with 'Another CRS'. For unit grids outside China the store's degrees are WGS 84 ones, and its layers and the outputs of the case algorithms are tagged EPSG:4326.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases file (CSV, XLSX, GeoPackage, Shapefile, GeoJSON, ...)</source>
      <translation>Cases file (CSV, XLSX, GeoPackage, Shapefile, GeoJSON, ...)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Field mapping (case field=input field; ...)</source>
      <translation>Field mapping (case field=input field; ...)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Coordinates are in</source>
      <translation>Coordinates are in</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>That other CRS</source>
      <translation>That other CRS</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Date format of the times (auto, iso, us, dmy, excel or e.g. %d.%m.%Y %H:%M)</source>
      <translation>Date format of the times (auto, iso, us, dmy, excel or e.g. %d.%m.%Y %H:%M)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Class scheme of the cases</source>
      <translation>Class scheme of the cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Your own classes (CSV; optional)</source>
      <translation>Your own classes (CSV; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Place rows without coordinates by their address (the store's gazetteer)</source>
      <translation>Place rows without coordinates by their address (the store's gazetteer)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Lowest confidence for placing a case by its address (0–1)</source>
      <translation>Lowest confidence for placing a case by its address (0–1)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Earliest year of a case time</source>
      <translation>Earliest year of a case time</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Latest year of a case time (empty: next year)</source>
      <translation>Latest year of a case time (empty: next year)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rejected rows</source>
      <translation>Rejected rows</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rows read</source>
      <translation>Rows read</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases imported</source>
      <translation>Cases imported</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases updated</source>
      <translation>Cases updated</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases unchanged</source>
      <translation>Cases unchanged</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rows rejected</source>
      <translation>Rows rejected</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Rows placed by their address</source>
      <translation>Rows placed by their address</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cases without a class</source>
      <translation>Cases without a class</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>GCJ-02 (Amap, Tencent)</source>
      <translation>GCJ-02 (Amap, Tencent)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>BD-09 (Baidu)</source>
      <translation>BD-09 (Baidu)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>cases</source>
      <translation>cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>SOURCE_CRS is used only when the coordinates are in 'Another CRS' (COORDINATES 4); it is ignored now.</source>
      <translation>SOURCE_CRS is used only when the coordinates are in 'Another CRS' (COORDINATES 4); it is ignored now.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Another CRS (below)</source>
      <translation>Another CRS (below)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>GB/T 47678.5-2026 (5-digit classes)</source>
      <translation>GB/T 47678.5-2026 (5-digit classes)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>GB/T 30428.2-2013 (4-digit classes)</source>
      <translation>GB/T 30428.2-2013 (4-digit classes)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Reading {} ({}).</source>
      <translation>Reading {} ({}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Field mapping: {}</source>
      <translation>Field mapping: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Cancelled; nothing was written to the store.</source>
      <translation>Cancelled; nothing was written to the store.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Read {}, imported {}, updated {}, unchanged {}, rejected {} (see {}).</source>
      <translation>Read {}, imported {}, updated {}, unchanged {}, rejected {} (see {}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The rejects file {} cannot be written ({}); nothing was imported. Close it or choose another name, and run again.</source>
      <translation>The rejects file {} cannot be written ({}); nothing was imported. Close it or choose another name, and run again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Coordinates in 'another CRS' need that CRS (SOURCE_CRS).</source>
      <translation>Coordinates in 'another CRS' need that CRS (SOURCE_CRS).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{:,} cases have no class and were imported without one (class code empty, kind as given or unknown): filters by class leave them out, period reports count them as not assigned.</source>
      <translation>{:,} cases have no class and were imported without one (class code empty, kind as given or unknown): filters by class leave them out, period reports count them as not assigned.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{} rows without coordinates were placed by their address.</source>
      <translation>{} rows without coordinates were placed by their address.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{} rows look like latitude and longitude swapped; check the x/y field mapping.</source>
      <translation>{} rows look like latitude and longitude swapped; check the x/y field mapping.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{} classes added or overridden from {}.</source>
      <translation>{} classes added or overridden from {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The case's lifecycle, for the evaluation, each field optional (FIELD_MAP, or found by these names): filed_at (立案时间), dispatched_at (派遣时间), disposed_at (处置时间), closed_at (结案时间), deadline (处置时限); department (处置部门, 责任部门, dept), kept as written; rework_count (返工次数) and postpone_count (延期次数), whole numbers from 0; invalid (作废, 是否作废, cancelled): 是/否, 1/0, true/false, Y/N or 作废/有效. An empty value is unknown. A count or flag that cannot be read rejects its row, naming the field and the value. The times follow the workflow: filed, dispatched, disposed of and closed in this order, none before the report, and the deadline not before the report; a row with a time out of that order is rejected, naming both fields and both times (a date without a time of day counts as that whole day). Department names are not checked: cases without one are a group of their own in the evaluation.</source>
      <translation>The case's lifecycle, for the evaluation, each field optional (FIELD_MAP, or found by these names): filed_at (立案时间), dispatched_at (派遣时间), disposed_at (处置时间), closed_at (结案时间), deadline (处置时限); department (处置部门, 责任部门, dept), kept as written; rework_count (返工次数) and postpone_count (延期次数), whole numbers from 0; invalid (作废, 是否作废, cancelled): 是/否, 1/0, true/false, Y/N or 作废/有效. An empty value is unknown. A count or flag that cannot be read rejects its row, naming the field and the value. The times follow the workflow: filed, dispatched, disposed of and closed in this order, none before the report, and the deadline not before the report; a row with a time out of that order is rejected, naming both fields and both times (a date without a time of day counts as that whole day). Department names are not checked: cases without one are a group of their own in the evaluation.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Row {} of the file looks like the header ({}); set HEADER_ROW to {}.</source>
      <translation>Row {} of the file looks like the header ({}); set HEADER_ROW to {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The file is read, checked and written in chunks of at most 20,000 rows (fewer when it has many columns), all inside that one transaction, so that a file of any size imports in bounded memory; the rejects are written as they are found. Case ids that come again with other content far apart in the file make the import read the file a second time.</source>
      <translation>The file is read, checked and written in chunks of at most 20,000 rows (fewer when it has many columns), all inside that one transaction, so that a file of any size imports in bounded memory; the rejects are written as they are found. Case ids that come again with other content far apart in the file make the import read the file a second time.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>{:,} case ids appear again with other content far apart in the file: none of their rows can be imported, so the file is read a second time (the first reading was rolled back).</source>
      <translation>{:,} case ids appear again with other content far apart in the file: none of their rows can be imported, so the file is read a second time (the first reading was rolled back).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>The layer's coordinates are projected ({}), while GCJ-02 and BD-09 are longitudes and latitudes: convert the layer with Convert coordinates (gridplugin:convertcoordinates) first.</source>
      <translation>The layer's coordinates are projected ({}), while GCJ-02 and BD-09 are longitudes and latitudes: convert the layer with Convert coordinates (gridplugin:convertcoordinates) first.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/import_cases.py" />
      <source>Imports cases (案件) from a CSV (UTF-8 or GBK), an XLSX sheet or any OGR layer into the case store: a GeoPackage file (default) or a PostGIS schema reached through a QGIS PostgreSQL connection.

FIELD_MAP maps case fields to input columns, e.g. 'case_id=案件编号; x=经度; y=纬度; reported_at=上报时间'; columns with the store's own names or common Chinese names are found without it. HEADER_ROW is the row of a CSV or sheet that names the columns; with 0 (default) it is the first row, or, below a title (a first row with a single value, such as a merged title cell), the first row that names the case fields, as the log says. Coordinates may be WGS84, CGCS2000, GCJ-02 (Amap, Tencent), BD-09 (Baidu) or any CRS; they are stored in CGCS2000. Times without a zone are local time in the chosen zone; XLSX date cells keep their time whatever their number format. Every case time must lie in the years EARLIEST_YEAR (default 1990) to LATEST_YEAR (empty: next year), as written. DATE_FORMAT says how the times are written: auto (default) reads the ISO forms (2025-03-01 08:05:00, 2025/3/1 8:05, 2025年3月1日 8时5分), month/day/year or day/month/year dates (such as 01/13/2015 12:20:09 PM; which of the two, the values decide, and the log names the row that did) and Excel serial numbers; or give iso, us (MM/DD/YYYY, 12 h with AM/PM or 24 h), dmy (DD/MM/YYYY), excel, or a strftime pattern such as %d.%m.%Y %H:%M. When every such date reads both ways (day and month up to 12), the import stops and asks for DATE_FORMAT. Rows without a class are imported without one (UNCLASSIFIED_COUNT); a class that is not in the class table rejects the row, and the log lists those classes with their row counts.

Each case gets the codes of its unit grid, street and community. A re-import is idempotent: new case ids are added, changed ones updated, identical ones left alone. The whole file is one transaction: a failure or cancel writes nothing. Rows that cannot be used go to the rejects CSV with their row number (the first row below the header is row 1), every reason found and the values: among them rows with more values than the header (a comma inside a value needs quotes), a text with a NUL character and a time outside the years. The counts of rows read, imported, updated, unchanged and rejected always add up; the log names the commonest reasons. An import that rejects every row fails with those reasons: the store stays as it was, the rejects file is written. REJECTS is checked before anything is written and replaced together with the store's commit; a text cell starting with =, +, -, @, a tab or a carriage return gets a leading ' there, so that Excel shows it instead of running it as a formula (plain numbers such as -12.5 stay numbers).</source>
      <translation>Imports cases (案件) from a CSV (UTF-8 or GBK), an XLSX sheet or any OGR layer into the case store: a GeoPackage file (default) or a PostGIS schema reached through a QGIS PostgreSQL connection.

FIELD_MAP maps case fields to input columns, e.g. 'case_id=案件编号; x=经度; y=纬度; reported_at=上报时间'; columns with the store's own names or common Chinese names are found without it. HEADER_ROW is the row of a CSV or sheet that names the columns; with 0 (default) it is the first row, or, below a title (a first row with a single value, such as a merged title cell), the first row that names the case fields, as the log says. Coordinates may be WGS84, CGCS2000, GCJ-02 (Amap, Tencent), BD-09 (Baidu) or any CRS; they are stored in CGCS2000. Times without a zone are local time in the chosen zone; XLSX date cells keep their time whatever their number format. Every case time must lie in the years EARLIEST_YEAR (default 1990) to LATEST_YEAR (empty: next year), as written. DATE_FORMAT says how the times are written: auto (default) reads the ISO forms (2025-03-01 08:05:00, 2025/3/1 8:05, 2025年3月1日 8时5分), month/day/year or day/month/year dates (such as 01/13/2015 12:20:09 PM; which of the two, the values decide, and the log names the row that did) and Excel serial numbers; or give iso, us (MM/DD/YYYY, 12 h with AM/PM or 24 h), dmy (DD/MM/YYYY), excel, or a strftime pattern such as %d.%m.%Y %H:%M. When every such date reads both ways (day and month up to 12), the import stops and asks for DATE_FORMAT. Rows without a class are imported without one (UNCLASSIFIED_COUNT); a class that is not in the class table rejects the row, and the log lists those classes with their row counts.

Each case gets the codes of its unit grid, street and community. A re-import is idempotent: new case ids are added, changed ones updated, identical ones left alone. The whole file is one transaction: a failure or cancel writes nothing. Rows that cannot be used go to the rejects CSV with their row number (the first row below the header is row 1), every reason found and the values: among them rows with more values than the header (a comma inside a value needs quotes), a text with a NUL character and a time outside the years. The counts of rows read, imported, updated, unchanged and rejected always add up; the log names the commonest reasons. An import that rejects every row fails with those reasons: the store stays as it was, the rejects file is written. REJECTS is checked before anything is written and replaced together with the store's commit; a text cell starting with =, +, -, @, a tab or a carriage return gets a leading ' there, so that Excel shows it instead of running it as a formula (plain numbers such as -12.5 stay numbers).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Responsibility maps (atlas)</source>
      <translation>Responsibility maps (atlas)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>One page per community in one PDF (a QGIS print layout atlas over the communities), plus a PNG preview of each page: the community's unit grids labelled with their codes and its roads (the map is clipped to the community), a legend, a scale bar, a north arrow, and a title with the community's name and code and today's date.</source>
      <translation>One page per community in one PDF (a QGIS print layout atlas over the communities), plus a PNG preview of each page: the community's unit grids labelled with their codes and its roads (the map is clipped to the community), a legend, a scale bar, a north arrow, and a title with the community's name and code and today's date.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Legend</source>
      <translation>Legend</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Communities (one page each)</source>
      <translation>Communities (one page each)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Community code field</source>
      <translation>Community code field</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Roads (optional)</source>
      <translation>Roads (optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Page size (landscape)</source>
      <translation>Page size (landscape)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>PNG previews (one per page)</source>
      <translation>PNG previews (one per page)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Pages</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>The community layer has no features: there is no page to make.</source>
      <translation>The community layer has no features: there is no page to make.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Unit-grid responsibility map</source>
      <translation>Unit-grid responsibility map</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>{} pages written to {}.</source>
      <translation>{} pages written to {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>Roads</source>
      <translation>Roads</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>The PDF could not be written: {}</source>
      <translation>The PDF could not be written: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/responsibility_maps.py" />
      <source>The PNG previews could not be written: {}</source>
      <translation>The PNG previews could not be written: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Reverse geocode points</source>
      <translation>Reverse geocode points</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Adds to each point the district, street, community and unit-grid codes of the grid it stands in, its BeiDou grid code (level 8) and the nearest standard address of the store's gazetteer with the ground distance to it. Addresses farther than the maximum distance are not given. Grids come from the given unit-grid layer, else from the store. The output points are in the grids' datum (CGCS2000, EPSG:4490, in China; WGS 84 elsewhere), converted from GCJ-02 or BD-09 when DATUM says so.</source>
      <translation>Adds to each point the district, street, community and unit-grid codes of the grid it stands in, its BeiDou grid code (level 8) and the nearest standard address of the store's gazetteer with the ground distance to it. Addresses farther than the maximum distance are not given. Grids come from the given unit-grid layer, else from the store. The output points are in the grids' datum (CGCS2000, EPSG:4490, in China; WGS 84 elsewhere), converted from GCJ-02 or BD-09 when DATUM says so.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Points</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Farthest nearest address (m)</source>
      <translation>Farthest nearest address (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Reverse geocoded points</source>
      <translation>Reverse geocoded points</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Points in a unit grid</source>
      <translation>Points in a unit grid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>Points with a nearest address</source>
      <translation>Points with a nearest address</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>points</source>
      <translation>points</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/reverse_geocode.py" />
      <source>{} points: {} in a unit grid, {} with an address within {} m.</source>
      <translation>{} points: {} in a unit grid, {} with an address within {} m.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Validate components</source>
      <translation>Validate components</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>A layer coded without the right DATUM has grid codes that agree with its offset positions: validate it with the right DATUM and the grid codes it got from those positions are reported.</source>
      <translation>A layer coded without the right DATUM has grid codes that agree with its offset positions: validate it with the right DATUM and the grid codes it got from those positions are reported.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Component ID field</source>
      <translation>Component ID field</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Recorded grid code field (BGID)</source>
      <translation>Recorded grid code field (BGID)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Expected district code (6 digits; optional)</source>
      <translation>Expected district code (6 digits; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Component problems</source>
      <translation>Component problems</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>HTML report</source>
      <translation>HTML report</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Passed (no problem found)</source>
      <translation>Passed (no problem found)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Number of problems</source>
      <translation>Number of problems</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Checks a coded component layer and writes one error feature per problem: IDs missing, malformed (district + class + serial, ASCII digits of the scheme's length), of the other scheme or of another district; ID class not in the table or different from the class field; unknown classes; duplicate IDs; components outside every unit grid; a recorded grid code (BGID) that is not the grid the component stands in. PASSED is true when nothing is found, so models can branch on it.</source>
      <translation>Checks a coded component layer and writes one error feature per problem: IDs missing, malformed (district + class + serial, ASCII digits of the scheme's length), of the other scheme or of another district; ID class not in the table or different from the class field; unknown classes; duplicate IDs; components outside every unit grid; a recorded grid code (BGID) that is not the grid the component stands in. PASSED is true when nothing is found, so models can branch on it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Passed: no problem in {} components.</source>
      <translation>Passed: no problem in {} components.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Failed: {} problems in {} components.</source>
      <translation>Failed: {} problems in {} components.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_components.py" />
      <source>Problems of kind {}: {}</source>
      <translation>Problems of kind {}: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Validate unit grids</source>
      <translation>Validate unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>gap: area that no grid covers (within each community when a community layer is given, else holes enclosed by the grids), larger than the tolerance</source>
      <translation>gap: area that no grid covers (within each community when a community layer is given, else holes enclosed by the grids), larger than the tolerance</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>overlap: two grids sharing more than the tolerance of area</source>
      <translation>overlap: two grids sharing more than the tolerance of area</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>crossing_community: a grid with more than the tolerance of area in each of two or more communities</source>
      <translation>crossing_community: a grid with more than the tolerance of area in each of two or more communities</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>outside_community: a grid extending outside the community its code names (beyond every community, or lying in another community wholly)</source>
      <translation>outside_community: a grid extending outside the community its code names (beyond every community, or lying in another community wholly)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>unknown_community: the first 12 digits of a grid code match no community</source>
      <translation>unknown_community: the first 12 digits of a grid code match no community</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>area_small / area_large: area below the minimum or above the maximum (0 disables either)</source>
      <translation>area_small / area_large: area below the minimum or above the maximum (0 disables either)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>malformed_code: code missing, not 15 digits, or sequence 000</source>
      <translation>malformed_code: code missing, not 15 digits, or sequence 000</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>duplicate_code: the same code on several grids</source>
      <translation>duplicate_code: the same code on several grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>sequence_order: within a community, the sequence numbers do not follow the numbering rule of division (bands north to south, west to east within a band; or columns); gaps in the sequence are allowed, because retired grids keep their codes. Turn this check off for a layer re-divided with stable codes, whose new grids are numbered after all earlier ones</source>
      <translation>sequence_order: within a community, the sequence numbers do not follow the numbering rule of division (bands north to south, west to east within a band; or columns); gaps in the sequence are allowed, because retired grids keep their codes. Turn this check off for a layer re-divided with stable codes, whose new grids are numbered after all earlier ones</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>missing_geometry / invalid_geometry: a grid without geometry, or an invalid one (checked as repaired)</source>
      <translation>missing_geometry / invalid_geometry: a grid without geometry, or an invalid one (checked as repaired)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>invalid_in_crs: a grid valid in the working CRS that is invalid (self-intersecting, per GEOS) once reprojected from the layer's CRS to one of the CRS it is written to (CHECK_CRS, a comma-separated list: EPSG:4490 of the case store and EPSG:4326 by default; GCJ02 for Chinese web maps), with QGIS's transform</source>
      <translation>invalid_in_crs: a grid valid in the working CRS that is invalid (self-intersecting, per GEOS) once reprojected from the layer's CRS to one of the CRS it is written to (CHECK_CRS, a comma-separated list: EPSG:4490 of the case store and EPSG:4326 by default; GCJ02 for Chinese web maps), with QGIS's transform</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>near_degenerate: a grid with a vertex closer than the minimum clearance (1 mm by default) to an edge of its own: valid, but a spike, neck or sliver that a reprojection can make invalid</source>
      <translation>near_degenerate: a grid with a vertex closer than the minimum clearance (1 mm by default) to an edge of its own: valid, but a spike, neck or sliver that a reprojection can make invalid</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Numbering band (m; the cell size the grids were numbered with)</source>
      <translation>Numbering band (m; the cell size the grids were numbered with)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Check the sequence order (off for layers re-divided with stable codes)</source>
      <translation>Check the sequence order (off for layers re-divided with stable codes)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>unit grid layer</source>
      <translation>unit grid layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The unit grid layer has no geometries; nothing can be checked.</source>
      <translation>The unit grid layer has no geometries; nothing can be checked.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>community layer</source>
      <translation>community layer</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Checks a layer of unit grids (单元网格) and their 15-digit codes, and writes one error feature per problem found. The kinds of problem:</source>
      <translation>Checks a layer of unit grids (单元网格) and their 15-digit codes, and writes one error feature per problem found. The kinds of problem:</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Grids whose end date is set are retired and not checked. PASSED is true when no problem is found, so a model can branch on it. Geographic input is checked in the CGCS2000 3-degree Gauss-Krüger zone of the data unless a working CRS is given.</source>
      <translation>Grids whose end date is set are retired and not checked. PASSED is true when no problem is found, so a model can branch on it. Geographic input is checked in the CGCS2000 3-degree Gauss-Krüger zone of the data unless a working CRS is given.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Grid code field (15 digits)</source>
      <translation>Grid code field (15 digits)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>End date field (grids with an end date are retired and skipped)</source>
      <translation>End date field (grids with an end date are retired and skipped)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Communities (optional, for gap and community checks)</source>
      <translation>Communities (optional, for gap and community checks)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Community code field (12 digits)</source>
      <translation>Community code field (12 digits)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Minimum grid area (m², 0 = no minimum)</source>
      <translation>Minimum grid area (m², 0 = no minimum)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Maximum grid area (m², 0 = no maximum)</source>
      <translation>Maximum grid area (m², 0 = no maximum)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Minimum clearance of a vertex from the edges of its grid (m, 0 = not checked)</source>
      <translation>Minimum clearance of a vertex from the edges of its grid (m, 0 = not checked)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Check validity after reprojection to (comma-separated CRS; GCJ02; empty = not checked)</source>
      <translation>Check validity after reprojection to (comma-separated CRS; GCJ02; empty = not checked)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Grid errors</source>
      <translation>Grid errors</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Validation report (HTML)</source>
      <translation>Validation report (HTML)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>HTML files (*.html *.htm)</source>
      <translation>HTML files (*.html *.htm)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Number of grids checked</source>
      <translation>Number of grids checked</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Choose the grid code field.</source>
      <translation>Choose the grid code field.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Cancelled; the error layer is incomplete.</source>
      <translation>Cancelled; the error layer is incomplete.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Choose the community code field of the community layer.</source>
      <translation>Choose the community code field of the community layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Every grid has an end date: there is nothing to check.</source>
      <translation>Every grid has an end date: there is nothing to check.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The communities are first repaired as division repairs them: overlaps and gaps between them up to {:g} m² (or the tolerance, if larger) are given to the neighbour sharing the longest edge, and larger overlaps stop the check.</source>
      <translation>The communities are first repaired as division repairs them: overlaps and gaps between them up to {:g} m² (or the tolerance, if larger) are given to the neighbour sharing the longest edge, and larger overlaps stop the check.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The unit grid layer has no field '{}'; every grid is checked.</source>
      <translation>The unit grid layer has no field '{}'; every grid is checked.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Passed: {} grids checked, no problem found.</source>
      <translation>Passed: {} grids checked, no problem found.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Failed: {} grids checked, {} problems ({}).</source>
      <translation>Failed: {} grids checked, {} problems ({}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The {} must contain polygons; it has {} geometries. Choose a polygon layer.</source>
      <translation>The {} must contain polygons; it has {} geometries. Choose a polygon layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>The {} has no features; choose a layer with polygons.</source>
      <translation>The {} has no features; choose a layer with polygons.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Field '{}' does not exist in the {}; its fields are: {}</source>
      <translation>Field '{}' does not exist in the {}; its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>Community codes are missing or malformed: </source>
      <translation>Community codes are missing or malformed: </translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>{} retired grids (end date set) are skipped.</source>
      <translation>{} retired grids (end date set) are skipped.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source>'{}' in the CRS to check after reprojection is not a coordinate reference system; write EPSG codes such as EPSG:4490, EPSG:4326, EPSG:3857, or GCJ02, separated by commas.</source>
      <translation>'{}' in the CRS to check after reprojection is not a coordinate reference system; write EPSG codes such as EPSG:4490, EPSG:4326, EPSG:3857, or GCJ02, separated by commas.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/algorithms/validate_grids.py" />
      <source> (and {} more)</source>
      <translation> (and {} more)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Cases and heat</source>
      <translation>Cases and heat</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Addresses</source>
      <translation>Addresses</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>The communities are divided side by side by {} worker processes (their number follows Settings ▸ Options ▸ Rendering ▸ Max cores to use).</source>
      <translation>The communities are divided side by side by {} worker processes (their number follows Settings ▸ Options ▸ Rendering ▸ Max cores to use).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Date '{}' is not a date; write it as YYYY-MM-DD, e.g. 2026-07-01.</source>
      <translation>Date '{}' is not a date; write it as YYYY-MM-DD, e.g. 2026-07-01.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>The working CRS {} is not a projected CRS in ground metres; choose a Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.</source>
      <translation>The working CRS {} is not a projected CRS in ground metres; choose a Gauss-Krüger or UTM zone (e.g. EPSG:4548), or leave it empty.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/base.py" />
      <source>Seconds by stage: {}</source>
      <translation>Seconds by stage: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>As the layer's CRS says</source>
      <translation>As the layer's CRS says</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>GCJ-02 (Amap/Tencent/Google China, tagged WGS84)</source>
      <translation>GCJ-02 (Amap/Tencent/Google China, tagged WGS84)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>WGS84</source>
      <translation>WGS84</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>GCJ-02</source>
      <translation>GCJ-02</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>BD-09</source>
      <translation>BD-09</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>When many points lie outside every unit grid and another choice would put most of them inside, a warning names it.</source>
      <translation>When many points lie outside every unit grid and another choice would put most of them inside, a warning names it.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>Coordinates of the input (Chinese web maps: GCJ-02 or BD-09)</source>
      <translation>Coordinates of the input (Chinese web maps: GCJ-02 or BD-09)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>{keys}: coordinates from Chinese web maps (Amap, Tencent, Google China: GCJ-02; Baidu: BD-09) are usually tagged WGS84 (EPSG:4326) but lie several hundred metres off. Choose GCJ-02 or BD-09 and they are converted to WGS84 before use (the layer itself is not changed); the default takes them as the layer's CRS says. CGCS2000 and WGS84 coordinates need no conversion.</source>
      <translation>{keys}: coordinates from Chinese web maps (Amap, Tencent, Google China: GCJ-02; Baidu: BD-09) are usually tagged WGS84 (EPSG:4326) but lie several hundred metres off. Choose GCJ-02 or BD-09 and they are converted to WGS84 before use (the layer itself is not changed); the default takes them as the layer's CRS says. CGCS2000 and WGS84 coordinates need no conversion.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>{count} features of {layer} lie wholly or partly outside China ({box}), where GCJ-02 is not defined: there the GCJ-02 step leaves coordinates unchanged, as the map services do (the BD-09 step applies everywhere). Check them: features {features}.</source>
      <translation>{count} features of {layer} lie wholly or partly outside China ({box}), where GCJ-02 is not defined: there the GCJ-02 step leaves coordinates unchanged, as the map services do (the BD-09 step applies everywhere). Check them: features {features}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/datum.py" />
      <source>{outside} of {total} {what} lie outside every unit grid; with {key} set to '{label}', {inside} would lie inside: the coordinates look like {datum}. Choose that option and run again.</source>
      <translation>{outside} of {total} {what} lie outside every unit grid; with {key} set to '{label}', {inside} would lie inside: the coordinates look like {datum}. Choose that option and run again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality figures (JSON)</source>
      <translation>Quality figures (JSON)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on followed lines</source>
      <translation>Share of interior grid boundaries on followed lines</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on roads</source>
      <translation>Share of interior grid boundaries on roads</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on other followed features (barriers, polygon boundaries)</source>
      <translation>Share of interior grid boundaries on other followed features (barriers, polygon boundaries)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of interior grid boundaries on no followed feature (dead ends extended, straight cuts)</source>
      <translation>Share of interior grid boundaries on no followed feature (dead ends extended, straight cuts)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Share of grids within 0.5–2 × the target area</source>
      <translation>Share of grids within 0.5–2 × the target area</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality: {} grids; area min {:.0f}, median {:.0f}, p95 {:.0f}, max {:.0f} m²; {:.1%} within 0.5–2 × target; compactness (Polsby-Popper) min {:.2f}, p5 {:.2f}, median {:.2f}.</source>
      <translation>Quality: {} grids; area min {:.0f}, median {:.0f}, p95 {:.0f}, max {:.0f} m²; {:.1%} within 0.5–2 × target; compactness (Polsby-Popper) min {:.2f}, p5 {:.2f}, median {:.2f}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Unit grids made by gridplugin:dividegrids. Quality figures: {}</source>
      <translation>Unit grids made by gridplugin:dividegrids. Quality figures: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality: {:.1%} of interior grid boundaries lie on followed lines.</source>
      <translation>Quality: {:.1%} of interior grid boundaries lie on followed lines.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/division_quality.py" />
      <source>Quality: of interior grid boundaries, {:.1%} lie on roads, {:.1%} on other followed features (barriers, polygon boundaries) and {:.1%} on none (dead ends extended, straight cuts).</source>
      <translation>Quality: of interior grid boundaries, {:.1%} lie on roads, {:.1%} on other followed features (barriers, polygon boundaries) and {:.1%} on none (dead ends extended, straight cuts).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/evaluation_layout.py" />
      <source>Not graded</source>
      <translation>Not graded</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/evaluation_layout.py" />
      <source>The data lack nothing the indicators need.</source>
      <translation>The data lack nothing the indicators need.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>components</source>
      <translation>components</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>Coding scheme</source>
      <translation>Coding scheme</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>Your own classes (CSV, extends or overrides the table; optional)</source>
      <translation>Your own classes (CSV, extends or overrides the table; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>Grid code field of the unit grids</source>
      <translation>Grid code field of the unit grids</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>GB/T 47678.5-2026: 5-digit classes, 17-digit IDs</source>
      <translation>GB/T 47678.5-2026: 5-digit classes, 17-digit IDs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>GB/T 30428.2-2013: 4-digit classes, 16-digit IDs</source>
      <translation>GB/T 30428.2-2013: 4-digit classes, 16-digit IDs</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/components.py" />
      <source>The unit-grid layer has no field '{}'; its fields are: {}</source>
      <translation>The unit-grid layer has no field '{}'; its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>feature {fid}</source>
      <translation>feature {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon features to follow (parcels, compounds, water bodies; optional)</source>
      <translation>Polygon features to follow (parcels, compounds, water bodies; optional)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Managed units among the polygon features (expression or field; true = one unit)</source>
      <translation>Managed units among the polygon features (expression or field; true = one unit)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Largest managed unit kept as one grid (m²; empty = 4 × target)</source>
      <translation>Largest managed unit kept as one grid (m²; empty = 4 × target)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Crossing rank of polygon boundaries (1 = alley … 6 = expressway, 9 = barrier)</source>
      <translation>Crossing rank of polygon boundaries (1 = alley … 6 = expressway, 9 = barrier)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Rank field of the polygon layers (a rank or road class per polygon)</source>
      <translation>Rank field of the polygon layers (a rank or road class per polygon)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon edges this close to a line to follow are taken as the line (m; 0 = off)</source>
      <translation>Polygon edges this close to a line to follow are taken as the line (m; 0 = off)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon features (POLYGONS: land-use parcels, building blocks, compounds, water bodies): their boundaries bound blocks like lines, so land is divided along parcel edges first, then along dead ends extended to a block's edge, and only then by straight cuts. Merging crosses them at POLYGON_RANK (default 1, as an alley; where a boundary runs on a road or wall, that line's rank counts) or at the rank in POLYGON_CLASS_FIELD (e.g. 9 for water). Their coordinates are read as LINES_DATUM says. MANAGED_UNIT (an expression or a field name, e.g. "type" IN ('小区','学校')) marks the polygons managed as one unit (现状管理): each one up to OPEN_LAND_MAX (empty = {} × the target area) is one grid, even above the maximum area, and takes in a small neighbouring block only when that block has no other neighbour or is a strip narrower than {} m (the land between its wall and a road's centre line; a strip along several units, such as an unmapped lane between two compounds, is shared among them, each part going to the nearest); a larger one is divided like other land, with a warning naming it. The quality figures give the shares of interior grid boundaries on roads (BOUNDARY_ON_ROADS), on other followed features (BOUNDARY_ON_FEATURES) and on neither (BOUNDARY_STRAIGHT). Polygon edges within EDGE_TO_LINE (default {} m) of a line to follow are taken as that line: a compound's wall beside the centre line of the road outside it is dropped there and the walls that meet it are continued to the centre line, so each compound's grid reaches the road's centre line and no strip of road runs on round several compounds.</source>
      <translation>Polygon features (POLYGONS: land-use parcels, building blocks, compounds, water bodies): their boundaries bound blocks like lines, so land is divided along parcel edges first, then along dead ends extended to a block's edge, and only then by straight cuts. Merging crosses them at POLYGON_RANK (default 1, as an alley; where a boundary runs on a road or wall, that line's rank counts) or at the rank in POLYGON_CLASS_FIELD (e.g. 9 for water). Their coordinates are read as LINES_DATUM says. MANAGED_UNIT (an expression or a field name, e.g. "type" IN ('小区','学校')) marks the polygons managed as one unit (现状管理): each one up to OPEN_LAND_MAX (empty = {} × the target area) is one grid, even above the maximum area, and takes in a small neighbouring block only when that block has no other neighbour or is a strip narrower than {} m (the land between its wall and a road's centre line; a strip along several units, such as an unmapped lane between two compounds, is shared among them, each part going to the nearest); a larger one is divided like other land, with a warning naming it. The quality figures give the shares of interior grid boundaries on roads (BOUNDARY_ON_ROADS), on other followed features (BOUNDARY_ON_FEATURES) and on neither (BOUNDARY_STRAIGHT). Polygon edges within EDGE_TO_LINE (default {} m) of a line to follow are taken as that line: a compound's wall beside the centre line of the road outside it is dropped there and the walls that meet it are continued to the centre line, so each compound's grid reaches the road's centre line and no strip of road runs on round several compounds.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>layer '{layer}', feature {fid}</source>
      <translation>layer '{layer}', feature {fid}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The workload layer must contain points (components or past cases).</source>
      <translation>The workload layer must contain points (components or past cases).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Polygon edges within {} m of a line to follow taken as the line: {:.0f} m of edges.</source>
      <translation>Polygon edges within {} m of a line to follow taken as the line: {:.0f} m of edges.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Following {} polygon boundary lines from {} layer(s); {} managed unit(s).</source>
      <translation>Following {} polygon boundary lines from {} layer(s); {} managed unit(s).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}': polygon ranks not known to the plugin were given the polygon rank {}: {}. Give whole numbers (1 = alley … 6 = expressway, 9 = barrier) or road classes.</source>
      <translation>Layer '{}': polygon ranks not known to the plugin were given the polygon rank {}: {}. Give whole numbers (1 = alley … 6 = expressway, 9 = barrier) or road classes.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) cannot be read for layer '{}': {}</source>
      <translation>The managed-unit expression (MANAGED_UNIT: {}) cannot be read for layer '{}': {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) uses field(s) {} that layer '{}' does not have; its fields are: {}</source>
      <translation>The managed-unit expression (MANAGED_UNIT: {}) uses field(s) {} that layer '{}' does not have; its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) gives values that are neither true nor false on layer '{}' (feature: value): {}. Write a condition such as "type" IN ('小区','学校'), or use a yes/no field.</source>
      <translation>The managed-unit expression (MANAGED_UNIT: {}) gives values that are neither true nor false on layer '{}' (feature: value): {}. Write a condition such as "type" IN ('小区','学校'), or use a yes/no field.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The previous grid layer has no field '{}'; its fields are: {}</source>
      <translation>The previous grid layer has no field '{}'; its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' to follow does not contain lines; choose road, river or wall line layers.</source>
      <translation>Layer '{}' to follow does not contain lines; choose road, river or wall line layers.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' has no road-class field '{}': its lines are barriers (rivers, walls) that merging crosses last.</source>
      <translation>Layer '{}' has no road-class field '{}': its lines are barriers (rivers, walls) that merging crosses last.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' of the polygon features to follow does not contain polygons; choose parcel, compound or water layers.</source>
      <translation>Layer '{}' of the polygon features to follow does not contain polygons; choose parcel, compound or water layers.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}' has no rank field '{}': its polygon boundaries rank {}.</source>
      <translation>Layer '{}' has no rank field '{}': its polygon boundaries rank {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}': {} invalid polygon(s) repaired with make_valid (feature: reason, area change): {}. Check them.</source>
      <translation>Layer '{}': {} invalid polygon(s) repaired with make_valid (feature: reason, area change): {}. Check them.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>The managed-unit expression (MANAGED_UNIT: {}) fails on feature {} of layer '{}': {}</source>
      <translation>The managed-unit expression (MANAGED_UNIT: {}) fails on feature {} of layer '{}': {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Workload feature {}: weight {} is negative; weights count workload and must be ≥ 0.</source>
      <translation>Workload feature {}: weight {} is negative; weights count workload and must be ≥ 0.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Previous grid feature {} has no geometry; delete it or draw its polygon.</source>
      <translation>Previous grid feature {} has no geometry; delete it or draw its polygon.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Layer '{}': road classes not known to the plugin were ranked as minor roads: {}. Give numeric ranks (1 = alley … 6 = expressway) to control merging.</source>
      <translation>Layer '{}': road classes not known to the plugin were ranked as minor roads: {}. Give numeric ranks (1 = alley … 6 = expressway) to control merging.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/division.py" />
      <source>Workload feature {}: weight '{}' in field '{}' is not a number; fix the value or choose another field.</source>
      <translation>Workload feature {}: weight '{}' in field '{}' is not a number; fix the value or choose another field.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Default-location piles: case systems put cases they cannot locate on one default point (the city hall, a street office, the district centre), and such a point would lead every heat map and hot spot analysis. After each import the store's cases are counted per exact position (rounded to 1e-7 degrees); a position holding at least PILE_FACTOR (default 20) times the 99th percentile of cases per position (over the positions with fewer than PILE_MIN_CASES cases), and at least PILE_MIN_CASES (default 50), is a pile. Its cases placed by coordinates get location_quality 'pile' (others: 'exact', or 'geocoded' when placed by their address); the log names each pile with its position, cases, share and unit grid. The count covers the cases already in the store, so a pile that grows month by month is found. Heat maps, hot spots and emerging hot spots leave piled cases out unless their INCLUDE_PILES is set. With DETECT_PILES off, nothing is looked for and the flags of the cases not imported now stay as they are.</source>
      <translation>Default-location piles: case systems put cases they cannot locate on one default point (the city hall, a street office, the district centre), and such a point would lead every heat map and hot spot analysis. After each import the store's cases are counted per exact position (rounded to 1e-7 degrees); a position holding at least PILE_FACTOR (default 20) times the 99th percentile of cases per position (over the positions with fewer than PILE_MIN_CASES cases), and at least PILE_MIN_CASES (default 50), is a pile. Its cases placed by coordinates get location_quality 'pile' (others: 'exact', or 'geocoded' when placed by their address); the log names each pile with its position, cases, share and unit grid. The count covers the cases already in the store, so a pile that grows month by month is found. Heat maps, hot spots and emerging hot spots leave piled cases out unless their INCLUDE_PILES is set. With DETECT_PILES off, nothing is looked for and the flags of the cases not imported now stay as they are.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Find default-location piles (many cases on one exact point)</source>
      <translation>Find default-location piles (many cases on one exact point)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>A pile holds at least this many times the 99th percentile of cases per position</source>
      <translation>A pile holds at least this many times the 99th percentile of cases per position</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>... and at least this many cases</source>
      <translation>... and at least this many cases</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Default-location piles</source>
      <translation>Default-location piles</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Cases on default-location piles</source>
      <translation>Cases on default-location piles</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>{cases} cases on {piles} default-location piles (a position with {threshold} cases or more: {factor:g} times the 99th percentile {q99:g}, at least {least}) are flagged location_quality 'pile' and left out of heat and hot spots unless INCLUDE_PILES is set.</source>
      <translation>{cases} cases on {piles} default-location piles (a position with {threshold} cases or more: {factor:g} times the 99th percentile {q99:g}, at least {least}) are flagged location_quality 'pile' and left out of heat and hot spots unless INCLUDE_PILES is set.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>No default-location pile: no position holds {} cases or more (99th percentile of cases per position: {:g}).</source>
      <translation>No default-location pile: no position holds {} cases or more (99th percentile of cases per position: {:g}).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>Default-location pile: {} cases ({:.1%} of the store) at {:.7f}, {:.7f} in unit grid {}.</source>
      <translation>Default-location pile: {} cases ({:.1%} of the store) at {:.7f}, {:.7f} in unit grid {}.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>(none)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/piles.py" />
      <source>... and {} more piles with {} cases.</source>
      <translation>... and {} more piles with {} cases.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/snapping.py" />
      <source>Snapping (SNAP_TOLERANCE, default {} m): hand-digitised roads and hutongs rarely meet exactly, and a lane that stops a metre short of a road would bound no block. Every line end that touches no other line and has another line ahead of it within the tolerance is extended onto that line's nearest point (0.5–3 m gaps are common in real data; wider tolerances start joining lanes that do not meet). Free ends are extended, never moved: two lanes 2 m apart stay two lanes, an end beside a parallel lane is not joined to it, and a dead end farther away stays a dead end. Junctions drawn twice (a crossroads whose roads end at two points less than {} m apart) are made one, their line ends moving onto one of them. The numbers of ends and junctions joined are logged; 0 turns snapping off. Duplicated and overlapping lines need no snapping: noding dissolves them.</source>
      <translation>Snapping (SNAP_TOLERANCE, default {} m): hand-digitised roads and hutongs rarely meet exactly, and a lane that stops a metre short of a road would bound no block. Every line end that touches no other line and has another line ahead of it within the tolerance is extended onto that line's nearest point (0.5–3 m gaps are common in real data; wider tolerances start joining lanes that do not meet). Free ends are extended, never moved: two lanes 2 m apart stay two lanes, an end beside a parallel lane is not joined to it, and a dead end farther away stays a dead end. Junctions drawn twice (a crossroads whose roads end at two points less than {} m apart) are made one, their line ends moving onto one of them. The numbers of ends and junctions joined are logged; 0 turns snapping off. Duplicated and overlapping lines need no snapping: noding dissolves them.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/snapping.py" />
      <source>Snapped {} line ends within {} m ({} to lines, {} to other ends).</source>
      <translation>Snapped {} line ends within {} m ({} to lines, {} to other ends).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/snapping.py" />
      <source>Joined {} junctions drawn twice less than {} m apart.</source>
      <translation>Joined {} junctions drawn twice less than {} m apart.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Cases that importcases found on a default-location pile (one exact point holding far more cases than any real place, such as a street office where unlocatable cases are put; location_quality 'pile') are left out unless INCLUDE_PILES is set. WORKING_CRS is the projected CRS in metres the algorithm measures in; empty: the CGCS2000 3-degree Gauss-Krüger zone of the grids in China, the WGS 84 UTM zone elsewhere. Outputs are in the grids' geographic CRS: CGCS2000 (EPSG:4490) in China, WGS 84 (EPSG:4326) elsewhere.</source>
      <translation>Cases that importcases found on a default-location pile (one exact point holding far more cases than any real place, such as a street office where unlocatable cases are put; location_quality 'pile') are left out unless INCLUDE_PILES is set. WORKING_CRS is the projected CRS in metres the algorithm measures in; empty: the CGCS2000 3-degree Gauss-Krüger zone of the grids in China, the WGS 84 UTM zone elsewhere. Outputs are in the grids' geographic CRS: CGCS2000 (EPSG:4490) in China, WGS 84 (EPSG:4326) elsewhere.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>CRS the gap tolerance is measured in (empty: the grids' Gauss-Krüger zone in China, their UTM zone elsewhere)</source>
      <translation>CRS the gap tolerance is measured in (empty: the grids' Gauss-Krüger zone in China, their UTM zone elsewhere)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Case store: GeoPackage file (a new name creates it)</source>
      <translation>Case store: GeoPackage file (a new name creates it)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Or a PostGIS store: QGIS PostgreSQL connection</source>
      <translation>Or a PostGIS store: QGIS PostgreSQL connection</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>PostGIS schema of the store</source>
      <translation>PostGIS schema of the store</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>From (report time, inclusive; e.g. 2025-03-01 or 2025-03-01 08:00)</source>
      <translation>From (report time, inclusive; e.g. 2025-03-01 or 2025-03-01 08:00)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Until (report time, exclusive)</source>
      <translation>Until (report time, exclusive)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Kinds (部件 / 事件; comma separated, empty for all)</source>
      <translation>Kinds (部件 / 事件; comma separated, empty for all)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Class codes (comma separated, empty for all)</source>
      <translation>Class codes (comma separated, empty for all)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Sources (comma separated, empty for all)</source>
      <translation>Sources (comma separated, empty for all)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Statuses (comma separated, empty for all)</source>
      <translation>Statuses (comma separated, empty for all)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Include cases on default-location piles (location_quality 'pile')</source>
      <translation>Include cases on default-location piles (location_quality 'pile')</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Neighbours</source>
      <translation>Neighbours</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Gap tolerance between neighbouring grids (m)</source>
      <translation>Gap tolerance between neighbouring grids (m)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Time zone of times without one</source>
      <translation>Time zone of times without one</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The time window is empty: 'From' must come before 'Until'.</source>
      <translation>The time window is empty: 'From' must come before 'Until'.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>There are no unit grids to place the raster.</source>
      <translation>There are no unit grids to place the raster.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The unit-grid layer has no active grids with a geometry.</source>
      <translation>The unit-grid layer has no active grids with a geometry.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Queen (sharing a point)</source>
      <translation>Queen (sharing a point)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>Rook (sharing an edge)</source>
      <translation>Rook (sharing an edge)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The store {} has no standard addresses yet; import them first with Import standard addresses (importaddresses).</source>
      <translation>The store {} has no standard addresses yet; import them first with Import standard addresses (importaddresses).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>{} cases on default-location piles are left out (location_quality 'pile'); INCLUDE_PILES counts them.</source>
      <translation>{} cases on default-location piles are left out (location_quality 'pile'); INCLUDE_PILES counts them.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The unit-grid layer has no field 'grid_code'; use the output of Divide communities into unit grids. Its fields are: {}</source>
      <translation>The unit-grid layer has no field 'grid_code'; use the output of Divide communities into unit grids. Its fields are: {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>{} unit grids became invalid when taken to EPSG:{} and were repaired; run Validate unit grids on the layer.</source>
      <translation>{} unit grids became invalid when taken to EPSG:{} and were repaired; run Validate unit grids on the layer.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>The store {} has no unit grids yet; give the unit-grid layer (GRIDS) once and it is saved into the store.</source>
      <translation>The store {} has no unit grids yet; give the unit-grid layer (GRIDS) once and it is saved into the store.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/store.py" />
      <source>'{}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.</source>
      <translation>'{}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>Sheet or layer name (empty: the first)</source>
      <translation>Sheet or layer name (empty: the first)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>CSV encoding</source>
      <translation>CSV encoding</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>Header row of a CSV or sheet (0: find it below a title)</source>
      <translation>Header row of a CSV or sheet (0: find it below a title)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>Detect (UTF-8, else GBK/GB18030)</source>
      <translation>Detect (UTF-8, else GBK/GB18030)</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>The file {} does not exist.</source>
      <translation>The file {} does not exist.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>HEADER_ROW applies to CSV and XLSX files; {} is read as a GIS layer, whose fields have names. Leave HEADER_ROW at 0.</source>
      <translation>HEADER_ROW applies to CSV and XLSX files; {} is read as a GIS layer, whose fields have names. Leave HEADER_ROW at 0.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/parameters/tables.py" />
      <source>{} cannot be read as a table or layer; give a CSV, XLSX or a GIS layer (and the sheet name).</source>
      <translation>{} cannot be read as a table or layer; give a CSV, XLSX or a GIS layer (and the sheet name).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/processing/provider.py" />
      <source>Grid city management (网格化城市管理) {}</source>
      <translation>Grid city management (网格化城市管理) {}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>A GeoPackage store cannot keep old months apart; delete them instead, with an archive GeoPackage to write them to first (its cases stay readable as a case store).</source>
      <translation>A GeoPackage store cannot keep old months apart; delete them instead, with an archive GeoPackage to write them to first (its cases stay readable as a case store).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>Deleting old months needs an archive GeoPackage to write them to first; give one, or keep the months in the database.</source>
      <translation>Deleting old months needs an archive GeoPackage to write them to first; give one, or keep the months in the database.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>The archive {path} is the store itself; give another file.</source>
      <translation>The archive {path} is the store itself; give another file.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>The archive {archive} did not take every case; nothing was archived.</source>
      <translation>The archive {archive} did not take every case; nothing was archived.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>{removed} cases were found in the months before {month}, {total} before its start; nothing was archived.</source>
      <translation>{removed} cases were found in the months before {month}, {total} before its start; nothing was archived.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/archive.py" />
      <source>{copied} of the {total} cases before {month} reached the archive; nothing was archived.</source>
      <translation>{copied} of the {total} cases before {month} reached the archive; nothing was archived.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Store {store} has schema version {found}, newer than this plugin understands ({known}); update the plugin before using this store.</source>
      <translation>Store {store} has schema version {found}, newer than this plugin understands ({known}); update the plugin before using this store.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Case {case_id} (row {row}): column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the source and import again. Nothing was imported.</source>
      <translation>Case {case_id} (row {row}): column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the source and import again. Nothing was imported.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Unit grid {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the grid layer and run again. Nothing was saved.</source>
      <translation>Unit grid {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the grid layer and run again. Nothing was saved.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Component {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the component layer and run again. Nothing was saved.</source>
      <translation>Component {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the component layer and run again. Nothing was saved.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>Address {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the address layer and run again. Nothing was saved.</source>
      <translation>Address {key}: column '{column}' contains a NUL character (\x00), which the store cannot hold; remove it from the address layer and run again. Nothing was saved.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/base.py" />
      <source>The value '{value}' contains a NUL character (\x00), which the store cannot hold or look up; remove it and run again.</source>
      <translation>The value '{value}' contains a NUL character (\x00), which the store cannot hold or look up; remove it and run again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/choice.py" />
      <source>Unknown store kind '{kind}'; choose gpkg (a GeoPackage file) or postgis.</source>
      <translation>Unknown store kind '{kind}'; choose gpkg (a GeoPackage file) or postgis.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/choice.py" />
      <source>No store chosen: give a GeoPackage file (a new name creates one) or a PostgreSQL connection.</source>
      <translation>No store chosen: give a GeoPackage file (a new name creates one) or a PostgreSQL connection.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/choice.py" />
      <source>No PostgreSQL connection chosen for the PostGIS store; choose one of QGIS's PostgreSQL connections.</source>
      <translation>No PostgreSQL connection chosen for the PostGIS store; choose one of QGIS's PostgreSQL connections.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>GeoPackage store {path} does not exist; run the case import first.</source>
      <translation>GeoPackage store {path} does not exist; run the case import first.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>{path} cannot be opened as a GeoPackage: {error}</source>
      <translation>{path} cannot be opened as a GeoPackage: {error}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>{path} is not a GeoPackage; choose a .gpkg file (a new name creates a store).</source>
      <translation>{path} is not a GeoPackage; choose a .gpkg file (a new name creates a store).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>{path} already holds the table(s) {tables}, not made by the case store; choose a new file for the store.</source>
      <translation>{path} already holds the table(s) {tables}, not made by the case store; choose a new file for the store.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg.py" />
      <source>The case table of {path} changed during the import; run it again.</source>
      <translation>The case table of {path} changed during the import; run it again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg_access.py" />
      <source>{path} is being written by another import or program, which did not finish within {seconds} s; nothing was saved. Run again when it has finished, or close the program that holds the file.</source>
      <translation>{path} is being written by another import or program, which did not finish within {seconds} s; nothing was saved. Run again when it has finished, or close the program that holds the file.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg_access.py" />
      <source>{path} is being written by another import or program, which did not finish within {seconds} s; run again when it has finished, or close the program that holds the file.</source>
      <translation>{path} is being written by another import or program, which did not finish within {seconds} s; run again when it has finished, or close the program that holds the file.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/gpkg_access.py" />
      <source>Waiting for another import or program writing {path} to finish (at most {seconds} s)...</source>
      <translation>Waiting for another import or program writing {path} to finish (at most {seconds} s)...</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Cannot connect to {store}: {error}</source>
      <translation>Cannot connect to {store}: {error}</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Schema {schema} of {store} already holds the table(s) {tables}, not made by the case store; choose another schema for the store.</source>
      <translation>Schema {schema} of {store} already holds the table(s) {tables}, not made by the case store; choose another schema for the store.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Database of {store} has no PostGIS; run CREATE EXTENSION postgis as its owner.</source>
      <translation>Database of {store} has no PostGIS; run CREATE EXTENSION postgis as its owner.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis.py" />
      <source>Waiting for another import into {store} to finish...</source>
      <translation>Waiting for another import into {store} to finish...</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_cases.py" />
      <source>{store}: {missing} of the {changed} changed cases of this import were not found to be updated (a case id written twice in one import); nothing was imported.</source>
      <translation>{store}: {missing} of the {changed} changed cases of this import were not found to be updated (a case id written twice in one import); nothing was imported.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The connection to the database of {store} was lost ({error}). Check that the server is running and run again.</source>
      <translation>The connection to the database of {store} was lost ({error}). Check that the server is running and run again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The database of {store} refused the change ({error}); nothing was saved.</source>
      <translation>The database of {store} refused the change ({error}); nothing was saved.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>There is no QGIS PostgreSQL connection named '{name}' (known: {known}); add it under Browser &gt; PostgreSQL &gt; New Connection.</source>
      <translation>There is no QGIS PostgreSQL connection named '{name}' (known: {known}); add it under Browser &gt; PostgreSQL &gt; New Connection.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The connection to the database of {store} was lost during the import ({error}); nothing was imported. Check that the server is running and run the import again.</source>
      <translation>The connection to the database of {store} was lost during the import ({error}); nothing was imported. Check that the server is running and run the import again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The connection to the database of {store} was lost ({error}); nothing was saved. Check that the server is running and run again.</source>
      <translation>The connection to the database of {store} was lost ({error}); nothing was saved. Check that the server is running and run again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The database user of {store} lacks a right this needs ({error}); nothing was saved. Ask the database's owner to grant it (a new store needs CREATE on the database, or on its schema), or choose another schema.</source>
      <translation>The database user of {store} lacks a right this needs ({error}); nothing was saved. Ask the database's owner to grant it (a new store needs CREATE on the database, or on its schema), or choose another schema.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The database of {store} refused the import ({error}); nothing was imported.</source>
      <translation>The database of {store} refused the import ({error}); nothing was imported.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_connection.py" />
      <source>The authentication configuration {authcfg} of connection '{name}' cannot be used: it must exist and be of type Basic (user name and password).</source>
      <translation>The authentication configuration {authcfg} of connection '{name}' cannot be used: it must exist and be of type Basic (user name and password).</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Changing {store} to schema version {version} was refused: the cases copied ({copied}) differ from the cases held ({held}); nothing was changed. Please report this.</source>
      <translation>Changing {store} to schema version {version} was refused: the cases copied ({copied}) differ from the cases held ({held}); nothing was changed. Please report this.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Schema {schema} of {store} holds a table {table}, which the change of the cases table needs; rename or drop it and open the store again.</source>
      <translation>Schema {schema} of {store} holds a table {table}, which the change of the cases table needs; rename or drop it and open the store again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>{store} has schema version {found}; only version 7 can be taken back, to version 6.</source>
      <translation>{store} has schema version {found}; only version 7 can be taken back, to version 6.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Schema {schema} of {store} holds a table {table}, which the change of the cases table needs; rename or drop it and try again.</source>
      <translation>Schema {schema} of {store} holds a table {table}, which the change of the cases table needs; rename or drop it and try again.</translation>
    </message>
    <message>
      <location filename="../../grid_plugin/store/postgis_partitions.py" />
      <source>Schema {schema} of {store} already holds the archived month {table}; rename or drop it, or delete the months instead of keeping them.</source>
      <translation>Schema {schema} of {store} already holds the archived month {table}; rename or drop it, or delete the months instead of keeping them.</translation>
    </message>
  </context>
</TS>

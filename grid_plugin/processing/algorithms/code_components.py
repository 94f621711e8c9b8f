"""gridplugin:codecomponents: standard IDs, unit grid (BGID) and BeiDou code for every component."""

from __future__ import annotations

import gc
from collections import defaultdict

import numpy as np
import pyproj
import shapely
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, Qt

from grid_plugin.core.components.component_ids import assign_ids, check_district, class_problems
from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.geodesy.beidou import BeiDouCodeError, encode_many
from grid_plugin.core.geodesy.crs import lonlat_cgcs2000
from grid_plugin.core.grids.codes import normalise_code
from grid_plugin.core.schema import COMPONENT_FIELDS
from grid_plugin.processing.base import GridAlgorithm, core_progress
from grid_plugin.processing.datum import DATUM, add_datum_parameter, datum_help, datum_of, read_in_datum
from grid_plugin.processing.features import iso_date, write_features
from grid_plugin.processing.outputs import new_gpkg_output, qgs_fields, write_gpkg_output
from grid_plugin.processing.parameters.components import ComponentParameters, GridLocation
from grid_plugin.processing.parameters.store import StoreParameters
from grid_plugin.store.base import StoredComponents
from grid_plugin.store.schema import STORE_SRID

_KINDS = {QgsWkbTypes.GeometryType.PointGeometry: "point", QgsWkbTypes.GeometryType.LineGeometry: "line",
          QgsWkbTypes.GeometryType.PolygonGeometry: "polygon"}
_LISTED = 20


def _listing(fids: list[int]) -> str:
    return ", ".join(map(str, fids[:_LISTED])) + (" …" if len(fids) > _LISTED else "")


class CodeComponentsAlgorithm(StoreParameters, ComponentParameters, GridAlgorithm):
    INPUT = "INPUT"
    CLASS_FIELD = "CLASS_FIELD"
    DISTRICT_CODE = "DISTRICT_CODE"
    ID_FIELD = "ID_FIELD"
    RENUMBER_DUPLICATES = "RENUMBER_DUPLICATES"
    RENUMBER_INVALID = "RENUMBER_INVALID"
    BEIDOU_LEVEL = "BEIDOU_LEVEL"
    EFFECTIVE_DATE = "EFFECTIVE_DATE"
    DATA_SOURCE = "DATA_SOURCE"
    OUTPUT = "OUTPUT"
    COMPONENT_COUNT = "COMPONENT_COUNT"
    NEW_COUNT = "NEW_COUNT"
    KEPT_COUNT = "KEPT_COUNT"
    PROBLEM_COUNT = "PROBLEM_COUNT"

    def name(self) -> str:
        return "codecomponents"

    def displayName(self) -> str:
        return self.tr("Code components")

    def groupId(self) -> str:
        return "components"

    def shortHelpString(self) -> str:
        return self.tr(
            "Gives every component (部件) its standard ID, the code of the unit grid it stands in "
            "(BGID) and its BeiDou grid location code (GB/T 39409).\n\n"
            "ID = 6-digit district code + class code + 6-digit serial: 17 digits under GB/T "
            "47678.5-2026 (5-digit classes), 16 under GB/T 30428.2-2013 (4-digit classes). The "
            "class field holds a class code or a standard class name (Chinese or English, matched "
            "exactly after normalisation; unknown names are reported, never guessed). A CSV of "
            "your own classes can extend or override the table.\n\n"
            "Stable IDs: valid existing IDs are kept; new components take the next free serial "
            "of their district and class; duplicate and malformed IDs are reported, and replaced "
            "only when you ask for it. A component that moved into another grid keeps its ID and "
            "gets the new grid code and a change date. A component with a problem gets no ID (the serial of "
            "an ID it has stays taken): no class or an unknown one (the log names the values with their counts), "
            "a geometry type its class does not allow, outside every unit grid, a grid code without a district "
            "and no DISTRICT_CODE, or an ID that is a duplicate or invalid and not renumbered. So Components = "
            "kept + new + with a problem (COMPONENT_COUNT = KEPT_COUNT + NEW_COUNT + PROBLEM_COUNT).\n\n"
            "Points take the grid they lie in; lines and polygons the grid holding most of them, "
            "with that share recorded. The district is the given code, or that of each "
            "component's grid."
        ) + datum_help()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Components"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]))
        add_datum_parameter(self)
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field (class code or standard name)"), defaultValue="class_code",
            parentLayerParameterName=self.INPUT))
        self.add_scheme_parameters()
        self.add_grid_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.DISTRICT_CODE, self.tr("District code (6 digits; empty = from each component's grid)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ID_FIELD, self.tr("Field with existing component IDs (kept when valid)"),
            defaultValue="component_id", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.RENUMBER_DUPLICATES, self.tr("Give duplicates new IDs (the lowest feature id keeps the ID)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.RENUMBER_INVALID, self.tr("Replace malformed, other-district and other-scheme IDs"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.BEIDOU_LEVEL, self.tr("BeiDou grid code level (1-10; 8 ≈ 1 m)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=8, minValue=1, maxValue=10))
        self.addParameter(QgsProcessingParameterString(
            self.EFFECTIVE_DATE, self.tr("Date of this coding (YYYY-MM-DD; empty = today)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DATA_SOURCE, self.tr("Data source (e.g. 实测, 地形图; optional)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coded components")))
        self.add_store_parameters()  # optional: also keep the coded components in a case store
        self.addOutput(QgsProcessingOutputNumber(self.COMPONENT_COUNT, self.tr("Components")))
        self.addOutput(QgsProcessingOutputNumber(self.NEW_COUNT, self.tr("Components with a new ID")))
        self.addOutput(QgsProcessingOutputNumber(self.KEPT_COUNT, self.tr("Components that kept their ID")))
        self.addOutput(QgsProcessingOutputNumber(self.PROBLEM_COUNT, self.tr("Components with a problem")))

    def process(self, parameters, context, feedback):
        # a million components are millions of small Python objects that live to the end of
        # the run: the cyclic garbage collector would rescan them again and again (~10 % of the
        # time) and could free nothing
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._process(parameters, context, feedback)
        finally:
            if collecting:
                gc.enable()

    def _process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        grids_source = self.parameterAsSource(parameters, self.GRIDS, context)
        if source is None or grids_source is None:
            missing = self.INPUT if source is None else self.GRIDS
            raise QgsProcessingException(self.invalidSourceError(parameters, missing))
        kind = _KINDS.get(QgsWkbTypes.geometryType(source.wkbType()))
        if kind is None:
            raise QgsProcessingException(self.tr("The component layer has no point, line or polygon geometries."))
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        grid_field = self.grid_code_field(parameters, context, grids_source)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or ""
        input_names = source.fields().names()
        if id_field and id_field not in input_names and id_field != "component_id":
            raise QgsProcessingException(self.tr(
                "The component layer has no ID field '{}'; leave it empty to give every component a new ID.").format(
                    id_field))
        self.date_parameter(parameters, self.EFFECTIVE_DATE, context)  # a bad date fails before any work
        level = self.parameterAsInt(parameters, self.BEIDOU_LEVEL, context)
        try:
            table = self.class_table(parameters, context, feedback)
            district = self.parameterAsString(parameters, self.DISTRICT_CODE, context).strip()
            district = check_district(district) if district else ""
            crs = grids_source.sourceCrs()
            fids, geoms, rows = read_in_datum(source, crs, context, input_names,
                                              datum_of(self, parameters, context), feedback)
            feedback.setProgress(30)
            location = GridLocation(grids_source, grid_field, geoms, feedback)
            result = self._code(fids, rows, input_names, kind, class_field, id_field, table, district, location,
                                parameters, context)
            feedback.setProgress(60)
            beidou = self._beidou(geoms, crs, level)
        except GridInputError as err:
            raise self.input_error(err) from err
        except BeiDouCodeError as err:
            raise self.input_error(err) from err
        except Cancelled:
            feedback.pushInfo(self.tr("Cancelled; nothing was written."))
            return {}
        for text in result["messages"]:
            feedback.pushWarning(text)
        location.check_datum(geoms, datum_of(self, parameters, context), DATUM, feedback)

        out_fields = QgsFields()
        ours = qgs_fields(COMPONENT_FIELDS)
        kept_input = [f for f in source.fields() if f.name() not in ours.names()]
        for field in kept_input:
            out_fields.append(QgsField(field))
        for field in ours:
            out_fields.append(field)
        positions = [input_names.index(f.name()) for f in kept_input]
        data_source = self.parameterAsString(parameters, self.DATA_SOURCE, context) or None

        carried = [input_names.index(name) if name in input_names else None
                   for name in ("dept_code", "dept_name", "owner_code", "owner_name", "maint_code", "maint_name",
                                "obj_state", "data_source", "note")]
        direct = new_gpkg_output(self, parameters, self.OUTPUT, context, out_fields, source.wkbType())
        dates: dict[str, object] = {}  # one date value per distinct date: ISO text for the direct writer

        def qdate(text: str) -> object:
            if text not in dates:
                if direct or not text:
                    dates[text] = text or None
                else:
                    dates[text] = QDate.fromString(text, Qt.DateFormat.ISODate)
            return dates[text]

        def attributes(start: int, stop: int) -> list[list[object]]:
            out = []
            for k in range(start, stop):
                row = rows[k]
                kept = [None if at is None else row[at] for at in carried]
                out.append([row[p] for p in positions] + [
                    result["ids"][k], result["class_codes"][k], result["class_names"][k],
                    result["bgid"][k], result["share"][k], result["street_code"][k], result["street_name"][k],
                    result["community_code"][k], result["community_name"][k], beidou[k],
                    *kept[:6], kept[6] or "完好", qdate(result["init_date"][k]), qdate(result["change_date"][k]),
                    kept[7] or data_source, kept[8],
                ])
            return out

        if direct:
            try:  # the file appears only when complete: a cancel while writing leaves nothing
                dest_id = write_gpkg_output(self, parameters, self.OUTPUT, context, direct, out_fields,
                                            source.wkbType(), crs, np.asarray(geoms, dtype=object), attributes,
                                            core_progress(feedback, 70, 100))
            except Cancelled:
                feedback.pushInfo(self.tr("Cancelled; nothing was written."))
                return {}
        else:
            sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, source.wkbType(),
                                                 crs)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
            write_features(sink, geoms, attributes, feedback, convert=False)
            del sink
        self._save_in_store(parameters, context, feedback, geoms, crs, rows, input_names, result, beidou)
        counts = result["counts"]
        feedback.pushInfo(self.tr(
            "{} components: {} kept their ID, {} got a new one, {} have a problem and no ID.").format(
                len(fids), counts["kept"], counts["new"], counts["problems"]))
        return {self.OUTPUT: dest_id, self.COMPONENT_COUNT: len(fids), self.NEW_COUNT: counts["new"],
                self.KEPT_COUNT: counts["kept"], self.PROBLEM_COUNT: counts["problems"]}

    # --- steps --------------------------------------------------------------------------------

    def _code(self, fids, rows, input_names, kind, class_field, id_field, table, district,
              location: GridLocation, parameters, context) -> dict:
        n = len(fids)
        messages: list[str] = []

        def column(name: str) -> list[object]:
            if name not in input_names:
                return [None] * n
            at = input_names.index(name)
            return [row[at] for row in rows]

        # classes: looked up (once per distinct value), never guessed
        cache: dict[object, object] = {}
        lookups = [cache[v] if v in cache else cache.setdefault(v, table.lookup(v)) for v in column(class_field)]
        unknown = [fid for fid, found in zip(fids, lookups) if not found.found]
        messages += [self.render(m) for m in class_problems(fids, lookups, table.scheme, class_field)]
        allowed = {id(found): not found.found or found.entry.allows(kind) for found in cache.values()}
        not_allowed = [fid for fid, found in zip(fids, lookups) if not allowed[id(found)]]
        if not_allowed:
            messages.append(self.tr("Features {}: a {} is not a geometry type their class allows (see the class "
                                    "table's geometry_types); they get no ID. Check the class or the layer.").format(
                                        _listing(not_allowed), kind))
        assignment = location.assignment
        outside = [fids[k] for k in assignment.outside().tolist()]
        if outside:
            messages.append(self.tr("Features {}: outside every unit grid; they get no grid code and no ID.").format(
                _listing(outside)))

        grid_column = location.column
        bgid = location.codes()
        # districts: the given one, or that of each component's grid
        districts = [district or (code[:6] if code and len(code) == 15 and code.isdigit() else "") for code in bgid]
        existing = column(id_field) if id_field else [None] * n
        class_codes = [found.entry.code if found.found else None for found in lookups]
        ids: list[str | None] = [None] * n
        counts = {"kept": 0, "new": 0, "problems": 0}
        # a feature with a problem gets no ID (its ID's serial stays taken): read = kept + new + problems
        problem_fids: set[int] = set(unknown) | set(outside) | set(not_allowed)
        by_district: dict[str, list[int]] = defaultdict(list)
        for k, d in enumerate(districts):
            by_district[d].append(k)
        no_district = [fids[k] for k in by_district.get("", []) if fids[k] not in problem_fids]
        if no_district:
            messages.append(self.tr("Features {}: the code of their grid does not start with a 6-digit district "
                                    "code, and no district code was given; they get no ID. Give DISTRICT_CODE.").format(
                                        _listing(no_district)))
            problem_fids.update(no_district)
        for d, members in sorted(by_district.items()):
            coded = [k for k in members if fids[k] not in problem_fids]
            if not d or not coded:
                continue
            assigned, report = assign_ids(
                d, [class_codes[k] or "" for k in coded], [existing[k] for k in coded], table,
                feature_ids=[fids[k] for k in coded],
                renumber_duplicates=self.parameterAsBool(parameters, self.RENUMBER_DUPLICATES, context),
                renumber_invalid=self.parameterAsBool(parameters, self.RENUMBER_INVALID, context),
                reserved_ids=[existing[k] for k in members if fids[k] in problem_fids])
            for k, value in zip(coded, assigned):
                ids[k] = value
            counts["kept"] += len(report.kept)
            counts["new"] += len(report.new) + len(report.renumbered)  # renumbered as asked: coded
            problem_fids.update(report.unassigned)
            messages += [self.render(m) for m in report.messages(d)[1:]]
        counts["problems"] = len(problem_fids)
        # moved components keep their ID, take the new grid code and a change date
        previous_grid = [normalise_code(v) for v in column("bgid")] if "bgid" in input_names else [""] * n
        date = self.date_parameter(parameters, self.EFFECTIVE_DATE, context)
        init_date = [iso_date(v) or date for v in column("init_date")]
        change_date = [date if previous_grid[k] and bgid[k] and previous_grid[k] != bgid[k] else iso_date(v)
                       for k, v in enumerate(column("change_date"))]
        moved = sum(1 for k in range(n) if previous_grid[k] and bgid[k] and previous_grid[k] != bgid[k])
        if moved:
            messages.append(self.tr("{} components moved into another grid: they keep their ID and got the new "
                                    "grid code and a change date.").format(moved))
        return {
            "ids": ids, "class_codes": class_codes,
            "class_names": [found.entry.name_zh if found.found else None for found in lookups],
            "bgid": bgid, "share": [float(s) if g >= 0 else None for s, g in zip(assignment.share, assignment.grid)],
            "street_code": grid_column("street_code"), "street_name": grid_column("street_name"),
            "community_code": grid_column("community_code"), "community_name": grid_column("community_name"),
            "init_date": init_date, "change_date": change_date,
            "messages": messages, "counts": counts,
        }

    def _save_in_store(self, parameters, context, feedback, geoms, crs, rows, input_names, result, beidou) -> None:
        """The coded components (those with an ID) into the case store, when one is chosen."""
        if not (self.parameterAsFile(parameters, self.STORE, context)
                or self.parameterAsConnectionName(parameters, self.CONNECTION, context)):
            return
        keep = [k for k, component_id in enumerate(result["ids"]) if component_id and geoms[k] is not None]
        transformer = pyproj.Transformer.from_crs(pyproj.CRS.from_wkt(crs.toWkt()), f"EPSG:{STORE_SRID}",
                                                  always_xy=True)
        geometries = shapely.transform(np.asarray(geoms, dtype=object)[keep],
                                       lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
        name_at = input_names.index("name") if "name" in input_names else None
        state_at = input_names.index("obj_state") if "obj_state" in input_names else None

        def pick(values):
            return [values[k] for k in keep]

        components = StoredComponents(
            pick(result["ids"]), pick(result["class_codes"]), pick(result["class_names"]),
            [None if name_at is None or rows[k][name_at] is None else str(rows[k][name_at]) for k in keep],
            pick(result["bgid"]), pick(result["street_code"]), pick(result["community_code"]), pick(beidou),
            [(rows[k][state_at] if state_at is not None else None) or "完好" for k in keep], geometries)
        store = self.open_case_store(parameters, context, create=True, feedback=feedback)
        try:
            store.write_components(components)
            feedback.pushInfo(self.tr("{} coded components saved in the store {}.").format(len(keep), store.label))
        except GridInputError as err:
            raise self.input_error(err) from err
        finally:
            store.close()

    @staticmethod
    def _beidou(geoms, crs, level: int) -> list[str | None]:
        """BeiDou code of each component's representative point, in CGCS2000 longitude/latitude."""
        array = np.asarray(geoms, dtype=object)
        present = ~shapely.is_missing(array) & ~shapely.is_empty(array)
        codes: list[str | None] = [None] * len(geoms)
        if not present.any():
            return codes
        where = array[present]
        is_point = shapely.get_type_id(where) == 0
        points = np.empty((len(where), 2))
        points[is_point] = shapely.get_coordinates(where[is_point])
        if (~is_point).any():
            points[~is_point] = shapely.get_coordinates(shapely.point_on_surface(where[~is_point]))
        lon, lat = lonlat_cgcs2000(points, crs.toWkt())
        for k, code in zip(np.flatnonzero(present).tolist(), encode_many(lon, lat, level).tolist()):
            codes[k] = code
        return codes

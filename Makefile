# 网格化城市管理 QGIS plugin: set-up, demo, tests, packaging.
# The two commands of the README: `make demo` (main job) and `make test` (whole suite).
SHELL := /bin/bash
PYTHON := .venv/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP := dist/grid_plugin-$(VERSION).zip
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
export QT_QPA_PLATFORM ?= offscreen
export PROJ_DATA := /usr/share/proj
export PYTHONPATH := $(CURDIR):/usr/share/qgis/python/plugins
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup postgis demo test test-qgis340 test-unit lint translations package deploy sample bench bench-follow bench-components \
	bench-cases bench-heatmap bench-dock-heat bench-geocode bench-follow-quality bench-evaluation \
	bench-store-scale bench-import-scale clean

## setup: Debian packages (as root or via sudo), .venv with pinned Python dependencies. Idempotent.
setup:
	@bash .ci/setup.sh

## postgis: start the PostgreSQL 15 cluster and make the test role and database with PostGIS.
postgis: setup
	@bash .ci/postgis.sh

## demo: the main job on the bundled sample district: grids, component codes, the case store and its heat (out/).
demo: setup translations
	$(PYTHON) resources/sample/demo.py --out out

## test: everything the suite needs, then the whole suite headless (unit, QGIS, PostGIS, end-to-end) on
## QGIS 3.22, then the QGIS 3.40 lane; both always run, and the target fails if either failed.
test: setup postgis package
	status=0; $(PYTHON) -m pytest tests || status=1; bash .ci/lane340.sh || status=1; exit $$status

## test-qgis340: the QGIS-facing suites (unit, qgis, qgis_process, the desktop under Xvfb) on QGIS 3.40 from
## Debian 13 (trixie), in a chroot built once under /var/cache/grid_plugin (needs root; see .ci/lane340.sh).
test-qgis340: setup postgis package
	@bash .ci/lane340.sh

## test-unit: core tests only, without QGIS.
test-unit: setup
	$(PYTHON) -m pytest -p no:qgis tests/unit

lint: setup
	.venv/bin/ruff check grid_plugin tests bench resources
	.venv/bin/mypy --ignore-missing-imports --follow-imports=silent grid_plugin/core

## translations: collect tr() strings into the .ts files and compile them to .qm.
translations: setup
	$(PYTHON) resources/i18n/update_ts.py
	lrelease -silent resources/i18n/grid_plugin_zh_CN.ts resources/i18n/grid_plugin_en.ts

.PHONY: docs docs-pages docs-screenshots
## docs: the documentation site (MkDocs, Chinese and English; mkdocs.yml, docs/) into site/; a warning fails it.
docs: docs-pages
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs build --strict --site-dir site

## docs-pages: regenerate the algorithm pages (docs/<lang>/algorithms/) from the algorithms' own definitions.
docs-pages: translations
	$(PYTHON) docs/tools/gen_algorithms.py

## docs-screenshots: the getting-started pictures (docs/images/), taken in the real QGIS desktop under Xvfb.
docs-screenshots: translations
	$(PYTHON) docs/tools/screenshots.py

## package: dist/grid_plugin-<version>.zip for QGIS's "Install from ZIP" and the QGIS plugin repository: changelog=
## from CHANGELOG.md; refused if it breaks one of the repository's rules (.ci/plugin_rules.py).
package: translations
	$(PYTHON) .ci/package.py --out dist

## deploy: install the packaged plugin into a QGIS profile (QGIS_PROFILE=... to choose).
deploy: package
	rm -rf "$(QGIS_PROFILE)/python/plugins/grid_plugin"
	mkdir -p "$(QGIS_PROFILE)/python/plugins"
	cd "$(QGIS_PROFILE)/python/plugins" && $(CURDIR)/$(PYTHON) -m zipfile -e "$(CURDIR)/$(ZIP)" .
	@echo "installed into $(QGIS_PROFILE)/python/plugins/grid_plugin; enable it in Plugins > Manage"

## sample: regenerate the fictional sample district (deterministic).
sample: setup
	$(PYTHON) resources/sample/make_sample.py

bench: setup
	$(PYTHON) bench/bench_divide.py

## bench-follow: road-following division (follow features) on synthetic districts of 42 and 1,400 km².
bench-follow: setup
	$(PYTHON) bench/bench_follow.py

## bench-follow-quality: where the grid boundaries lie (on roads, on other features, straight) on the sample and on
## Manhattan, without and with polygon features (the sample's parcels); ARGS=--bounds adds other MIN_AREA/MAX_AREA pairs.
bench-follow-quality: setup
	$(PYTHON) bench/bench_follow_quality.py $(ARGS)

## bench-components: codecomponents on 1,000,000 point components, next to native:joinattributesbylocation.
bench-components: setup
	$(PYTHON) bench/bench_components.py

## bench-cases: case import (GeoPackage, PostGIS), per-grid aggregation over 10 M cases, case -> grid assignment,
## each next to QGIS's own tools in the same run.
bench-cases: setup postgis
	$(PYTHON) bench/bench_cases.py

## bench-heatmap: kernel density of 1 M cases next to qgis:heatmapkerneldensityestimation.
bench-heatmap: setup
	$(PYTHON) bench/bench_heatmap.py

## bench-geocode: 100,000 addresses against a 200,000-entry gazetteer (index build + matching, target 30 s),
## precision and recall per kind of variation, reverse geocoding next to native:joinbynearest.
bench-geocode: setup
	$(PYTHON) bench/bench_geocode.py

## bench-dock-heat: the dock's heat controls on 1 M cases (recount + layer update + render per change, target 300 ms),
## next to a subset string + native:countpointsinpolygon.
bench-dock-heat: setup
	$(PYTHON) bench/bench_dock_heat.py

## bench-evaluation: gridplugin:evaluatecases over 10 M cases per period, GeoPackage and PostGIS (stores built once
## and kept; see the script's --help).
bench-evaluation: setup postgis
	$(PYTHON) bench/bench_evaluation.py

## bench-store-scale: PostGIS at city scale: a reader's longest wait during a 1 M import (target 100 ms), and
## per-grid counts of one month + one class over 100 M cases in 24 monthly partitions (target 1 s; ~17 GB, dropped).
bench-store-scale: setup postgis
	$(PYTHON) bench/bench_store_scale.py

## bench-import-scale: importcases of 1 M and 10 M cases and of 1 M cases with 300 columns into GeoPackage and PostGIS:
## rows/s and peak memory (target 600 MiB with QGIS), and QGIS's createpointslayerfromtable + importintopostgis on 1 M
## (target 0.25×). About 30 min; the inputs (~4.5 GB) are cached, the stores removed after each run.
bench-import-scale: setup postgis
	$(PYTHON) bench/bench_import_scale.py

clean:
	rm -rf build dist out .pytest_cache

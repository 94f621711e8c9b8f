"""Files the plugin writes for people to open (rejects, reports): checked before a run writes
anything, written beside their target and swapped into place in one step, safe to open in Excel.

- `check_output_file`: the target is no folder, has the right extension, its folder exists (or is
  made) and takes a new file, and an existing target can be replaced (not locked by Excel).
- `StagedFile`: write to a temporary file in the target's folder; `put_in_place()` moves the old
  target aside and the new file in; `keep()` (after the store committed) drops the old one, and
  `undo()` (when the run fails, the commit included) brings it back. A run thus commits its store
  and its file together: a failed commit leaves the old file, a failed move rolls the store back.
  A killed run leaves at most a hidden `.name.*.tmp` file beside the target, never half a target.
- `place_spreadsheet_csv` / `write_spreadsheet_csv`: a whole CSV for people to open, written as a
  StagedFile with every row through `spreadsheet_row` (rejects, reports, change lists).
- `spreadsheet_row`: cells a spreadsheet would run as a formula get a leading apostrophe (OWASP,
  "CSV injection"): text starting with =, +, -, @, a tab or a carriage return. Numbers, and text
  that is a plain number such as '-12.5' (a coordinate as read from a CSV), stay as they are: a
  spreadsheet reads them as numbers, never as formulas. A NUL character is written as '\\x00'.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from grid_plugin.core.errors import GridInputError

_FORMULA_START = frozenset("=+-@\t\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_cell(value: object) -> object:
    """The value as it may go into a CSV meant for Excel or WPS (see the module docstring)."""
    if not isinstance(value, str) or not value:
        return value
    if "\x00" in value:
        value = value.replace("\x00", "\\x00")
    if value[0] in _FORMULA_START and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    return [spreadsheet_cell(v) for v in values]


def check_output_file(path: str, parameter: str, extensions: Sequence[str] = (".csv",)) -> Path:
    """The output file `path` of `parameter`, checked so that writing it later cannot fail for a
    reason known now; GridInputError naming the fix otherwise. A missing folder is made."""
    target = Path(path)
    if not path:
        raise GridInputError("{parameter} needs a file name.", parameter=parameter)
    if target.is_dir():
        example = target / f"{parameter.lower()}{extensions[0]}"
        raise GridInputError("{parameter} is the folder {path}; give a file name in it, e.g. {example}.",
                             parameter=parameter, path=str(path), example=str(example))
    if target.suffix.lower() not in extensions:
        raise GridInputError("{parameter} must be a {extensions} file; {path} is not. Give a name ending in "
                             "{extension}.", parameter=parameter, extensions=", ".join(extensions), path=str(path),
                             extension=extensions[0])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=target.parent):
            pass
    except OSError as err:
        raise GridInputError("{parameter}: the folder of {path} cannot take a new file ({error}); choose a folder you "
                             "can write to.", parameter=parameter, path=str(path), error=str(err)) from err
    if target.exists():
        try:
            with open(target, "ab"):  # fails while Excel holds the file open (Windows), writes nothing
                pass
        except OSError as err:
            raise GridInputError("{parameter}: {path} cannot be replaced ({error}); close it (in Excel?) or choose "
                                 "another name.", parameter=parameter, path=str(path), error=str(err)) from err
    return target


class StagedFile:
    """A new version of `target`, written beside it and swapped in (see the module docstring)."""

    def __init__(self, target: str | Path):
        self.target = Path(target)
        self.temp: Path | None = None
        self.backup: Path | None = None
        self.placed = False

    def _spare_name(self, kind: str) -> Path:
        handle, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=f".{kind}", dir=self.target.parent)
        os.close(handle)
        return Path(name)

    def write(self, fill: Callable[[TextIO], None], encoding: str = "utf-8-sig") -> None:
        """Write the new version (the temporary file, flushed to disk) with `fill(handle)`."""
        with self.writing(encoding) as handle:
            fill(handle)

    @contextlib.contextmanager
    def writing(self, encoding: str = "utf-8-sig") -> Iterator[TextIO]:
        """The handle of a new version, written bit by bit in the block (an import writes its rejects as
        it finds them), flushed to disk when the block ends; a version written before is dropped."""
        if self.temp is not None:
            with contextlib.suppress(OSError):
                self.temp.unlink()
        self.temp = self._spare_name("tmp")
        with open(self.temp, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())

    def write_file(self, fill: Callable[[Path], None], from_target: bool = False) -> None:
        """Write the new version with `fill(path)`, for a file another library writes (a GeoPackage); with
        `from_target`, it starts as a copy of the current target, when there is one."""
        self.temp = self._spare_name("tmp")
        if from_target and self.target.exists():
            shutil.copyfile(self.target, self.temp)
        fill(self.temp)

    def put_in_place(self) -> None:
        """Move the old target aside and the new version in; on failure the old one stays."""
        if self.temp is None:
            raise RuntimeError("nothing written")
        if self.target.exists():
            self.backup = self._spare_name("old")
            os.replace(self.target, self.backup)
        try:
            os.replace(self.temp, self.target)
        except OSError:
            if self.backup is not None:
                os.replace(self.backup, self.target)
                self.backup = None
            raise
        self.temp = None
        self.placed = True

    def keep(self) -> None:
        """The run succeeded: the new version stays, the old one goes."""
        if self.backup is not None:
            with contextlib.suppress(OSError):
                self.backup.unlink()
            self.backup = None

    def undo(self) -> None:
        """The run failed: the old target (or none) is back, the new version gone."""
        if self.placed:
            with contextlib.suppress(OSError):
                if self.backup is not None:
                    os.replace(self.backup, self.target)
                else:
                    self.target.unlink()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                self.temp.unlink()
        self.placed, self.temp, self.backup = False, None, None


def place_spreadsheet_csv(path: str | Path, header: Sequence[object], rows: Iterable[Sequence[object]],
                          encoding: str = "utf-8-sig") -> StagedFile:
    """Write a CSV for Excel or WPS (a byte order mark so that Chinese names read right), every cell
    made safe with `spreadsheet_cell`, beside `path`, and move it in; the caller keeps or undoes it
    with its store's commit."""
    def fill(handle: TextIO) -> None:
        writer = csv.writer(handle)
        writer.writerow(spreadsheet_row(header))
        writer.writerows(spreadsheet_row(row) for row in rows)

    staged = StagedFile(path)
    try:
        staged.write(fill, encoding)
        staged.put_in_place()
    except BaseException:
        staged.undo()
        raise
    return staged


def write_spreadsheet_csv(path: str | Path, header: Sequence[object], rows: Iterable[Sequence[object]],
                          encoding: str = "utf-8-sig") -> None:
    """`place_spreadsheet_csv` for a file that goes with no store."""
    place_spreadsheet_csv(path, header, rows, encoding).keep()

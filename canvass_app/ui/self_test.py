"""`canvass-app --self-test`: the installed (or frozen) app checks its own parts and says which work.

Each check prints one line (`name: ok - detail` or `name: FAILED - reason`); the exit code is 0 only when every
check passed. The checks import what they test inside their function, so that one broken part fails its own line
and the others still run.
Everything happens in a temporary data dir with a random passphrase: the person's data and keychain are untouched.
"""

from __future__ import annotations

import io
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from canvass_app.paths import resource_path

FIXTURE = resource_path("selftest", "voters.csv")
FIXTURE_VOTERS = 8
CHECKS = ("store", "migrations", "import", "walklist", "translations", "window")


@dataclass
class _Run:
    data_dir: Path
    passphrase: str
    state: dict[str, Any] = field(default_factory=dict)


@contextmanager
def _env(name: str, value: str) -> Any:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def check_store(run: _Run) -> str:
    from canvass_app.store.database import StoreError, open_store

    store = open_store(run.data_dir)
    run.state["store"] = store
    header = store.db_path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        raise AssertionError(f"{store.db_path} is plaintext SQLite, not SQLCipher")
    with _env("CANVASS_PASSPHRASE", run.passphrase + "-wrong"):
        try:
            open_store(run.data_dir).close()
        except StoreError:
            pass
        else:
            raise AssertionError("the store opened with a wrong passphrase")
    return f"encrypted store created and reopened ({store.key_kind} key), wrong passphrase refused"


def check_migrations(run: _Run) -> str:
    from sqlalchemy import func, select, text

    from canvass_app.store.models import ResultCode, SurveyQuestion

    store = run.state["store"]
    with store.session() as session:
        heads = list(session.scalars(text("SELECT version_num FROM alembic_version ORDER BY version_num")))
        codes = session.scalar(select(func.count()).select_from(ResultCode)) or 0
        questions = session.scalar(select(func.count()).select_from(SurveyQuestion)) or 0
    if not heads or not codes or not questions:
        raise AssertionError(f"schema at {heads}, {codes} result codes, {questions} survey questions")
    return f"schema at {', '.join(heads)}; {codes} result codes, {questions} survey questions seeded"


def check_import(run: _Run) -> str:
    from canvass_app.voters import importer

    with run.state["store"].session() as session:
        result = importer.import_voter_file(session, FIXTURE, county="Selftest", state="NC")
    if result.added != FIXTURE_VOTERS or result.rejected:
        raise AssertionError(f"expected {FIXTURE_VOTERS} voters added, none rejected: {result.summary()}")
    run.state["county_id"] = result.county_id
    # A big file is read in a second (spawned) process: the frozen app must be able to start one.
    from canvass_app.voters.reading import ReadSpec, read_in_process
    from canvass_formats.voterfile import iter_voter_rows

    reader = iter_voter_rows(FIXTURE)
    spec = ReadSpec(FIXTURE, reader.layout, reader.mapping, result.county_id, "2026-01-01 00:00:00")
    read = sum(len(chunk.voters) for chunk in read_in_process(spec))
    if read != FIXTURE_VOTERS:
        raise AssertionError(f"a reading process read {read} voters of {FIXTURE_VOTERS}")
    return (f"{FIXTURE.name}: {result.added} voters in {result.households} households, "
            "read again in a reading process")


def check_walklist(run: _Run) -> str:
    import pypdfium2

    from canvass_app.turfs import cutting, walklist_pdf

    if "county_id" not in run.state:
        raise AssertionError("no voters to print: the import check did not pass")
    out = io.BytesIO()
    with run.state["store"].session() as session:
        turf = cutting.cut_by_precinct(session, run.state["county_id"])[0]
        stats = walklist_pdf.write_walklists(session, [turf.list_number], out)
    pdf = pypdfium2.PdfDocument(out.getvalue())
    try:
        pages = len(pdf)
        text = pdf[pages - 1].get_textpage().get_text_range()
    finally:
        pdf.close()
    if pages != stats.pages or "Ramírez" not in text:
        raise AssertionError(f"{pages} pages read back of {stats.pages} drawn; non-ASCII name missing")
    return f"{turf.list_number}: {stats.pages} pages, {stats.voters} voters, {len(out.getvalue())} bytes of PDF"


def check_translations(run: _Run) -> str:
    from PySide6.QtCore import QTranslator

    from canvass_app import i18n

    qm = i18n.translations_dir() / "canvass_es.qm"
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise AssertionError(f"{qm} is missing or unreadable (build it with `make translations`)")
    shown = translator.translate("MainWindow", "Contacts")
    if not shown or shown == "Contacts":
        raise AssertionError(f"{qm} has no Spanish for the main window")
    core = i18n.catalog("es")
    code = core.get(("ResultCode", "Not Home"), "")
    if not code:
        raise AssertionError("the core catalog has no Spanish for the result codes")
    return f"Spanish: {len(core)} strings (Contacts -> {shown}, Not Home -> {code})"


def check_window(run: _Run) -> str:
    from canvass_app.ui.app import county_name, make_application
    from canvass_app.ui.context import AppContext
    from canvass_app.ui.main_window import PAGES, MainWindow
    from canvass_app.ui.tasks import TaskRunner

    app = make_application()
    store = run.state["store"]
    ctx = AppContext(store=store, runner=TaskRunner(), county=county_name(store))
    window: MainWindow | None = None
    try:
        window = MainWindow(ctx)
        window.resize(1024, 700)
        window.show()
        for spec in PAGES:
            window.show_page(spec.key)
            app.processEvents()
        ctx.runner.wait(20000)
        app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise AssertionError("the main window did not render")
    finally:
        if window is not None:
            window.close()
        ctx.runner.wait(20000)  # no page task may outlive the store
    return f"main window drew {len(PAGES)} pages offscreen ({image.width()}x{image.height()})"


_CHECKS: dict[str, Callable[[_Run], str]] = {
    "store": check_store,
    "migrations": check_migrations,
    "import": check_import,
    "walklist": check_walklist,
    "translations": check_translations,
    "window": check_window,
}


def run_self_test() -> int:
    """Run every check, print one line each and a summary; 0 when all checks passed, else 1."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    from canvass_app import __version__

    print(f"Canvass {__version__} self-test")
    passed = failed = 0
    started = time.monotonic()
    passphrase = secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory(prefix="canvass-selftest-", ignore_cleanup_errors=True) as tmp, \
            _env("CANVASS_PASSPHRASE", passphrase):
        run = _Run(data_dir=Path(tmp) / "data", passphrase=passphrase)
        try:
            for name in CHECKS:
                if name != "store" and "store" not in run.state:
                    print(f"{name}: FAILED - no store to work on")
                    failed += 1
                    continue
                try:
                    detail = _CHECKS[name](run)
                except Exception as exc:  # a check's failure is reported, and the others still run
                    print(f"{name}: FAILED - {type(exc).__name__}: {exc}")
                    failed += 1
                else:
                    print(f"{name}: ok - {detail}")
                    passed += 1
        finally:
            if "store" in run.state:
                run.state["store"].close()
    seconds = time.monotonic() - started
    print(f"self-test: {passed} passed, {failed} failed, 0 skipped in {seconds:.1f}s")
    return 0 if failed == 0 else 1

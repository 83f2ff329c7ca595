"""The headless tour: where no display exists, build the demo county, render every page offscreen to PNG."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from canvass_app.store.database import StoreError


def run_tour(data_dir: Path, *, reason: str | None = None) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from canvass_app import demo
    from canvass_app.ui.app import make_application, open_context
    from canvass_app.ui.main_window import PAGES, MainWindow

    app = make_application()
    print(f"{reason or 'No display found'}: running the headless tour of Canvass on the demo county.")
    try:
        ctx = open_context(data_dir, demo_mode=True, interactive=False)
    except StoreError as exc:
        print(f"canvass-app: {exc}", file=sys.stderr)
        return 2
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    shots = data_dir / "tour"
    shots.mkdir(parents=True, exist_ok=True)
    saved = []
    for spec in PAGES:
        window.show_page(spec.key)
        app.processEvents()
        ctx.runner.wait(20000)
        app.processEvents()
        path = shots / f"{spec.key}.png"
        window.grab().save(str(path))
        saved.append(path)
    summary = demo.summarize(ctx.store)
    print(summary.line())
    print(f"Data directory (encrypted): {data_dir}")
    print(f"Rendered {len(saved)} pages offscreen: {shots}/" + ", ".join(p.name for p in saved))
    print("To see the real window: run `xvfb-run make run`, or `make run` in a desktop session.")
    window.close()
    ctx.store.close()
    return 0

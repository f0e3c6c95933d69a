"""A small static site of one run: DIR/site/index.html with the executed reports and every figure.

The site folder is self-contained (reports and figures are copied into it, links are
relative, no script, font or style is fetched from elsewhere), so it can be opened from disk,
uploaded as a CI artifact or served as GitHub Pages as it is.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from . import atomic
from .config import RunPaths

CSS = """
body{font-family:"DejaVu Sans",system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.demo{background:#fff4e5;border-left:4px solid #E69F00;padding:.6rem .9rem}
.meta{color:#555;font-size:.9rem} table{border-collapse:collapse;font-size:.9rem}
td,th{border-bottom:1px solid #eee;padding:.25rem .6rem;text-align:left}
.grid{display:grid;align-items:start;grid-template-columns:repeat(auto-fill,minmax(30rem,1fr));gap:1.5rem}
figure{margin:0;border:1px solid #eee;padding:.6rem} figure img{width:100%;height:auto}
figcaption{font-size:.9rem;color:#333} figcaption small{color:#666}
.broken{color:#a00;font-weight:bold}
"""

# Marks each figure as loaded or missing once the page has loaded: a reader sees a broken
# figure at once, and the site test reads the same marks from a headless browser.
CHECK_SCRIPT = """
window.addEventListener("load", function () {
  var imgs = document.querySelectorAll("img.figure"), ok = 0;
  imgs.forEach(function (img) {
    var loaded = img.complete && img.naturalWidth > 0;
    img.setAttribute("data-loaded", loaded ? "yes" : "no");
    if (loaded) { ok += 1; } else {
      var p = document.createElement("p"); p.className = "broken";
      p.textContent = "figure missing: " + img.getAttribute("src"); img.after(p);
    }
  });
  document.body.setAttribute("data-figures", ok + "/" + imgs.length);
});
"""


def _copy_tree_files(src: Path, dest: Path, patterns: tuple[str, ...]) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for pattern in patterns:
        for f in sorted(src.glob(pattern)):
            if f.is_file():
                atomic.write_bytes(dest / f.name, f.read_bytes())
                copied.append(dest / f.name)
    return copied


def build_site(out: str | Path) -> Path:
    """Write DIR/site/index.html (with copies of the reports and figures) and return its path."""
    from .plots import read_index

    paths = RunPaths.at(out)
    site = paths.out / "site"
    # Start clean so a figure dropped from the study does not linger on the site.
    for sub in ("reports", "figures"):
        shutil.rmtree(site / sub, ignore_errors=True)
    reports = _copy_tree_files(paths.reports, site / "reports", ("*.html",)) if paths.reports.is_dir() else []
    figs = _copy_tree_files(paths.figures, site / "figures", ("*.png", "*.svg", "*.csv")) if paths.figures.is_dir() else []
    index = read_index(paths.figures)
    manifest = json.loads(paths.manifest.read_text(encoding="utf-8")) if paths.manifest.is_file() else {}

    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Xiaomi data-collection coverage study: reports and figures</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>How the Xiaomi data-collection story was covered (2020)</h1>",
        "<p class=\"meta\">Indonesian and international news coverage compared: who is quoted, which frames, "
        "whose account is relayed, how much is wire copy.</p>",
    ]
    if manifest.get("demo"):
        parts.append('<p class="demo"><strong>Synthetic demo corpus.</strong> Every page behind these reports and '
                     "figures was written for testing; nothing here is a finding about real coverage.</p>")
    if manifest:
        counts = manifest.get("counts", {})
        rows = "".join(
            f"<tr><th>{e(str(k))}</th><td>{e('–' if v is None else str(v))}</td></tr>" for k, v in counts.items()
        )
        parts.append(
            f'<p class="meta">Run of {e(manifest.get("created_utc", ""))} (UTC), status {e(manifest.get("status", ""))}; '
            f'registry {e(manifest.get("sources", {}).get("path", ""))}, sha256 '
            f'<code>{e((manifest.get("sources", {}).get("sha256") or "")[:12])}</code>.</p>'
            f"<table>{rows}</table>"
        )
    parts.append("<h2>Reports (executed notebooks)</h2>")
    if reports:
        parts.append("<ul>" + "".join(
            f'<li><a href="reports/{e(p.name)}">{e(p.stem)}</a></li>' for p in reports
        ) + "</ul>")
    else:
        parts.append("<p>No report yet: run <code>python -m coverage run</code>.</p>")
    parts.append("<h2>Figures</h2>")
    pngs = [p for p in figs if p.suffix == ".png"]
    if not pngs:
        parts.append("<p>No figure yet.</p>")
    parts.append('<div class="grid">')
    for png in pngs:
        item = index.get(png.stem, {})
        caption = item.get("caption") or png.stem
        made_by = f"notebooks/{item['notebook']}.ipynb" if item.get("notebook") else ""
        links = " · ".join(
            f'<a href="figures/{e(png.stem)}{ext}">{ext[1:]}</a>'
            for ext in (".svg", ".csv") if (site / "figures" / f"{png.stem}{ext}").is_file()
        )
        parts.append(
            f'<figure id="{e(png.stem)}"><img class="figure" src="figures/{e(png.name)}" alt="{e(caption)}">'
            f"<figcaption>{e(caption)}<br><small>{e(png.stem)} · made by {e(made_by)} · {links}</small>"
            "</figcaption></figure>"
        )
    parts.append("</div>")
    parts.append(f"<script>{CHECK_SCRIPT}</script></body></html>")
    return atomic.write_text(site / "index.html", "\n".join(parts) + "\n")

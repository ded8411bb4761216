"""The readiness report's stylesheet (inlined: the report is one self-contained file)."""

CSS = """
:root{--go:#2e7d32;--go-bg:#e8f5e9;--no:#c62828;--no-bg:#fdecea;--warn:#ef8f00;--warn-bg:#fff4e0;
--ink:#1d2330;--muted:#5f6b7a;--line:#dde3ea;--panel:#fff;--page:#f3f5f8}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--ink);background:var(--page)}main{max-width:1100px;margin:0 auto;padding:24px 20px 60px}
h2{font-size:20px;margin:34px 0 12px}h3{font-size:15px;margin:0 0 8px;text-transform:uppercase;
letter-spacing:.04em;color:var(--muted)}a{color:#1f5fbf}code,pre{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}
.verdict{border-radius:14px;padding:26px 30px;color:#fff;display:flex;gap:30px;align-items:center;flex-wrap:wrap}
.verdict.go{background:var(--go)}.verdict.no-go{background:var(--no)}
.verdict .word{font-size:64px;font-weight:800;letter-spacing:.02em;line-height:1}
.verdict .headline{font-size:22px;font-weight:600}.verdict ul{margin:8px 0 0;padding-left:20px}
.verdict li{margin:2px 0}.verdict .facts{margin-top:10px;opacity:.92;font-size:14px}
.warnings{background:var(--warn-bg);border:1px solid var(--warn);border-radius:10px;padding:10px 16px;margin-top:12px}
table.checklist{border:1px solid var(--line);border-radius:12px;overflow:hidden;border-collapse:separate;
border-spacing:0}table.checklist td{padding:9px 14px}table.checklist .title{font-weight:600;width:34%}
table.checklist tr.area th{background:#eef1f5;color:var(--ink);font-size:13px;text-transform:uppercase;
letter-spacing:.05em;padding:7px 14px}table.checklist td:nth-child(2){width:150px}
.note{color:var(--no);font-size:14px}table.checklist summary{cursor:pointer;color:var(--muted)}
ul.scns{margin:6px 0 0;padding-left:18px;font-size:13px}ul.scns li.st-failed a{color:var(--no);font-weight:600}
ul.scns li.st-flaky a{color:#9a5b00;font-weight:600}
.pill{display:inline-block;min-width:112px;text-align:center;border-radius:999px;padding:2px 10px;font-size:13px;
font-weight:700;white-space:nowrap}
.pill.passed{background:var(--go-bg);color:var(--go)}.pill.failed{background:var(--no-bg);color:var(--no)}
.pill.flaky{background:var(--warn-bg);color:#9a5b00}.pill.known-defect{background:#f3e5f5;color:#6a1b9a;
border:1px solid #6a1b9a}ul.scns li.st-known-defect a{color:#6a1b9a}
.pill.not-covered{background:#eceff3;color:var(--no);
border:1px dashed var(--no)}.pill.not-run{background:#eceff3;color:var(--muted)}
.pill.GO{background:var(--go-bg);color:var(--go)}.pill.NO-GO{background:var(--no-bg);color:var(--no)}
table{border-collapse:collapse;width:100%;background:var(--panel)}th,td{text-align:left;padding:6px 10px;
border-bottom:1px solid var(--line);vertical-align:top}th{font-size:13px;color:var(--muted);font-weight:600}
details.scenario{background:var(--panel);border:1px solid var(--line);border-radius:10px;margin:8px 0}
details.scenario>summary{cursor:pointer;padding:10px 14px;display:flex;gap:12px;align-items:center;list-style:none}
details.scenario>summary::-webkit-details-marker{display:none}details.scenario>summary .name{flex:1;font-weight:600}
details.scenario[open]>summary{border-bottom:1px solid var(--line)}.body{padding:12px 16px}
.failed-card{border-left:5px solid var(--no)!important}
.known-defect-card{border-left:5px solid #6a1b9a!important}.flaky-card{border-left:5px solid var(--warn)!important}
.dur{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.steps td.s{width:24px;text-align:center;font-weight:700}.steps .kw{color:var(--muted);font-weight:600}
.st-passed{color:var(--go)}.st-failed,.st-error,.st-undefined{color:var(--no)}.st-skipped,.st-untested{color:#98a2ae}
pre.error{background:var(--no-bg);border:1px solid #f3b9b3;padding:10px;border-radius:8px;white-space:pre-wrap;
overflow-wrap:anywhere}.evidence{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:14px;
margin-top:12px}.actor{border:1px solid var(--line);border-radius:10px;padding:10px;background:#fafbfc}
.actor img{width:100%;border:1px solid var(--line);border-radius:6px;display:block}.actor .url{overflow-wrap:anywhere}
.console{font-size:12px;background:#1d2330;color:#f5d0cb;padding:8px;border-radius:6px;white-space:pre-wrap}
.hist{display:inline-flex;gap:2px}
.hist i{width:9px;height:14px;border-radius:2px;background:#e3e7ec;display:inline-block}
.hist i.passed{background:var(--go)}.hist i.failed{background:var(--no)}.hist i.flaky{background:var(--warn)}
.trend{width:100%;max-width:760px;height:auto;background:var(--panel);border:1px solid var(--line);border-radius:10px;
padding:10px}.trend .axis{font-size:11px;fill:#5f6b7a}.trend .now{font-weight:700;fill:#1d2330}
.trend .base{stroke:#c9d1da}.muted{color:var(--muted)}.meta td:first-child{width:190px;color:var(--muted)}
footer{margin-top:40px;color:var(--muted);font-size:12px}
"""

import { raw } from "hono/html";

/** One small stylesheet, inlined so the pages need no static files and no build step. */
export const PAGE_STYLES = raw(`
  :root { color-scheme: light; --line: #d9dde3; --muted: #5b6573; --accent: #1f6feb; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1c2128; background: #f6f8fa; }
  header.top { display: flex; gap: 1rem; align-items: center; padding: .7rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
  header.top .spacer { flex: 1; }
  main { padding: 1.2rem 1.5rem; max-width: 1400px; }
  h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
  h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
  .muted { color: var(--muted); }
  .notice { background: #fff8c5; border: 1px solid #e8d67a; padding: .5rem .8rem; border-radius: 6px; margin: .6rem 0; }
  .error { background: #ffebe9; border: 1px solid #f5a8a2; padding: .5rem .8rem; border-radius: 6px; margin: .6rem 0; }
  .ok { background: #dafbe1; border: 1px solid #8fd8a0; padding: .5rem .8rem; border-radius: 6px; margin: .6rem 0; }
  table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { background: #eef1f4; font-weight: 600; white-space: nowrap; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .counts { display: flex; gap: 1.5rem; flex-wrap: wrap; }
  .counts table { width: auto; min-width: 16rem; }
  .tag { display: inline-block; padding: 0 .4rem; margin: 0 .2rem .1rem 0; border-radius: 4px; background: #eef1f4; font-size: 12px; }
  .tag.applied { background: #dafbe1; }
  .tag.suggested { background: #fff1d6; }
  form.inline { display: inline; margin: 0; }
  button { font: inherit; padding: .25rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
  button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  input[type=password] { font: inherit; padding: .35rem .5rem; width: 24rem; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; }
  a { color: var(--accent); }
  .login { max-width: 36rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.2rem 1.4rem; }
`);

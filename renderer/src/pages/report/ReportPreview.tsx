import { useEffect, useRef } from 'react';

/**
 * The report exactly as the HTML file holds it, shown in the page: its <style> and <body> in a
 * shadow root, so neither the app's styles nor the report's leak into the other. (No iframe: the
 * app's CSP forbids frames.) The HTML comes from the host, which escapes every text it writes.
 */
export function ReportPreview({ html }: { html: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const style = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n').replace(/@page[^}]*}/g, '');
    root.innerHTML = `<style>:host{display:block;background:#fff;border:1px solid #d8dde6;padding:8px;} ${style.replace(/\bbody\b/g, '.report-body')}</style><div class="report-body">${doc.body.innerHTML}</div>`;
  }, [html]);
  return <div ref={host} className="report-preview" data-testid="report-preview" />;
}

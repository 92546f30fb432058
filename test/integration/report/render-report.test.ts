import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';

/**
 * The API operation `renderReport` (issue #14), the one path behind the app's Report page, the
 * browser host's PDF and the CLI's `report`: sections of every kind of run in the order asked,
 * comparisons, provenance and parameters, language, and errors as data.
 */
describe('renderReport (tiny demo, in process)', () => {
  let dir: string, project: string, service: WorkbenchService, host: ApiHost;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-report-api-'));
    for (const [name, args] of [['k4', ['kmeans', '--param', 'k=4']], ['k3', ['kmeans', '--param', 'k=3']], ['rules', ['rules']]] as const) {
      const r = runCli(['run', ...args, '--project', project, '--json']);
      if (r.code !== 0) throw new Error(r.stderr);
      ids[name] = (JSON.parse(r.stdout) as { runId: number }).runId;
    }
    const seg = runCli(['run', 'rules', '--param', `segmentRun=${ids.k4}`, '--project', project, '--json']);
    if (seg.code !== 0) throw new Error(seg.stderr);
    ids.segRules = (JSON.parse(seg.stdout) as { runId: number }).runId;
    service = new WorkbenchService();
    host = new ApiHost(service, project);
    const overview = await host.invoke('getOverview', { project });
    if (!overview.ok) throw new Error(overview.error.message);
    ids.overview = overview.value.runId;
  }, 240_000);

  afterAll(async () => {
    await service?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const html = async (input: Omit<Parameters<ApiHost['invoke']>[1], 'project'> & object) => {
    const r = await host.invoke('renderReport', { project, ...(input as { sections: { run: number }[] }) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('html');
    return r.value.html as string;
  };

  it('draws every kind of run through the same mechanism, in the order asked', async () => {
    const text = await html({ sections: [{ run: ids.rules }, { run: ids.overview }, { run: ids.k4 }] });
    const order = [ids.rules, ids.overview, ids.k4].map((id) => text.indexOf(`data-run="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Rules: the summary's figures (generic section); the Overview: its sales per month as a line.
    expect(text).toContain('Association rules');
    expect(text).toMatch(/<dt>baskets<\/dt><dd>10,\d{3}<\/dd>/);
    expect(text).toMatch(/Strongest rules by lift \(of \d+\)/);
    expect(text).toMatch(/<td>[^<]+ → [^<]+<\/td>/);
    expect(text).toContain('Sales per month');
    expect(text).toContain('<polyline');
    expect(text).toContain('Customers per segment');
  });

  it('lists the parameters that restrict the data as the section\'s filters, and says when there are none', async () => {
    const text = await html({ sections: [{ run: ids.k4 }, { run: ids.segRules }] });
    const k4 = text.slice(text.indexOf(`data-run="${ids.k4}"`), text.indexOf(`data-run="${ids.segRules}"`));
    expect(k4).toContain('<dt>Filters</dt><dd>none (all data)</dd>');
    expect(text.slice(text.indexOf(`data-run="${ids.segRules}"`))).toContain(`<dt>Filters</dt><dd>segmentRun = ${ids.k4}</dd>`);
  });

  it('compares two runs (adjusted Rand index, cross-tab) and two segments of a run', async () => {
    const text = await html({ sections: [{ run: ids.k4, with: ids.k3 }, { run: ids.k4, segments: [1, 2] }] });
    expect(text).toContain('Adjusted Rand index');
    expect(text).toContain(`Run ${ids.k4} \\ Run ${ids.k3}`);
    expect(text).toContain('Two segments compared');
  });

  it('writes Korean labels and won after the number with lang ko; escapes the analyst\'s text', async () => {
    const text = await html({ title: '<b>보고서</b>', lang: 'ko', sections: [{ run: ids.k4, summary: 'a < b & c' }] });
    expect(text).toContain('&lt;b&gt;보고서&lt;/b&gt;');
    expect(text).not.toContain('<b>보고서');
    expect(text).toContain('a &lt; b &amp; c');
    expect(text).toContain('세그먼트별 고객 수');
    expect(text).toMatch(/[\d,]+원/);
    // Default segment names and parameter labels in the report's language (issue #14), ids kept.
    expect(text).toContain('세그먼트 1');
    expect(text).not.toMatch(/>segment 1</);
    expect(text).toContain('<dt>세그먼트 수 (k)</dt>');
    const en = await html({ lang: 'en', sections: [{ run: ids.k4 }] });
    expect(en).toContain('<dt>Number of segments (k)</dt>');
  });

  it('answers errors as data: an unknown run, an empty report', async () => {
    const missing = await host.invoke('renderReport', { project, sections: [{ run: 9999 }] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const empty = await host.invoke('renderReport', { project, sections: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('prints a PDF with the host\'s printer (the desktop app\'s printToPDF takes this place)', async () => {
    const printed: string[] = [];
    const custom = new ApiHost(service, project);
    custom.reportPrinter = async (h) => {
      printed.push(h);
      return Buffer.from('%PDF-1.4 test');
    };
    const r = await custom.invoke('renderReport', { project, title: 'Printed', format: 'pdf', sections: [{ run: ids.k3 }] });
    expect(r.ok && r.value).toMatchObject({ format: 'pdf', filename: 'Printed.pdf', bytes: 13 });
    expect(r.ok && Buffer.from(r.value.pdfBase64 ?? '', 'base64').toString()).toBe('%PDF-1.4 test');
    expect(printed[0]).toContain('<h1>Printed</h1>');
  });
});

import '../../report/report.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DATA_RUN_ANALYSES } from '../../../../core/model/jobs.js';
import type { RenderedReport, ReportFormat, ReportLang, ReportLayout } from '../../../../core/model/report.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { NoProject } from '../../components/NoProject.js';
import { Segmented } from '../../components/Segmented.js';
import { useProjectRuns } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { saveReport } from '../../report/download.js';
import { picksFromHash, reportHash } from '../../report/report-link.js';
import { ReportPreview } from './ReportPreview.js';
import { useAnalysisName } from '../../hooks/useAnalysisName.js';
import { runName, SectionList, type BuilderSection } from './SectionList.js';

/**
 * The report builder (issue #14): the chosen runs in the analyst's order, a title, a summary per
 * section, A4 or 16:9 slides, English or Korean → a preview and a download as one HTML file or a
 * PDF. Every page's Report button opens it with that page's run(s); the host renders the report
 * (API `renderReport`), the same code the CLI's `report` runs.
 */
export function ReportPage() {
  const api = useApi();
  const { t, lang: uiLang } = useI18n();
  const { project, all, reload } = useProjectRuns();
  const analysisName = useAnalysisName();
  const [sections, setSections] = useState<BuilderSection[]>(() => picksFromHash(window.location.hash).map((p) => ({ ...p, summary: '' })));
  const [title, setTitle] = useState('');
  const [layout, setLayout] = useState<ReportLayout>('a4');
  const [lang, setLang] = useState<ReportLang>(uiLang);
  const [adding, setAdding] = useState<number | null>(null);
  const [busy, setBusy] = useState<ReportFormat | 'preview' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const candidates = useMemo(() => all.filter((r) => r.status === 'done' && !(DATA_RUN_ANALYSES as readonly string[]).includes(r.analysis)), [all]);

  // A run the list does not know yet (e.g. the overview run the Overview page has just stored, which
  // no job announced) reloads the list once per set of unknown ids; a run that stays unknown (deleted)
  // is then named as not found.
  const unknown = useMemo(() => sections.flatMap((s) => [s.run, s.with]).filter((id): id is number => id !== undefined && !all.some((r) => r.id === id)).join(','), [sections, all]);
  const reloadedFor = useRef('');
  useEffect(() => {
    if (unknown === '' || reloadedFor.current === unknown) return;
    reloadedFor.current = unknown;
    reload();
  }, [unknown, reload]);

  // A Report button pressed while the builder is open replaces its sections.
  useEffect(() => {
    const onHash = () => {
      const picks = picksFromHash(window.location.hash);
      if (picks.length > 0) setSections(picks.map((p) => ({ ...p, summary: '' })));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The address keeps the sections (a reload rebuilds the same report); replaceState fires no hashchange.
  useEffect(() => {
    const next = reportHash(sections);
    if (window.location.hash !== next) window.history.replaceState(null, '', next);
  }, [sections]);
  useEffect(() => setPreview(null), [sections, title, layout, lang]);

  if (project === null) return <NoProject />;

  const render = async (format: ReportFormat, mode: 'preview' | 'download') => {
    setBusy(mode === 'preview' ? 'preview' : format);
    setError(null);
    const result = await safeCall(() =>
      api.renderReport({
        project,
        ...(title.trim() ? { title: title.trim() } : {}),
        sections: sections.map((s) => ({ run: s.run, ...(s.with === undefined ? {} : { with: s.with }), ...(s.segments ? { segments: s.segments } : {}), ...(s.summary.trim() ? { summary: s.summary } : {}) })),
        layout,
        lang,
        format,
      }),
    );
    setBusy(null);
    if (!result.ok) return setError(result.error);
    const report: RenderedReport = result.value;
    if (mode === 'preview') setPreview(report.html ?? null);
    else saveReport(report);
  };

  const none = sections.length === 0;
  return (
    <div className="page page-report" data-testid="page-report">
      <Card title={t('reports.title')} testId="report-builder">
        <p className="muted">{t('reports.intro')}</p>
        <div className="report-form">
          <label className="field">
            <span>{t('reports.reportTitle')}</span>
            <input type="text" value={title} maxLength={300} placeholder={t('reports.titlePlaceholder')} data-testid="report-title" onChange={(e) => setTitle(e.target.value)} />
          </label>
          <div className="field">
            <span>{t('reports.layout')}</span>
            <Segmented value={layout} onChange={setLayout} label={t('reports.layout')} testId="report-layout" options={[{ value: 'a4', label: t('reports.layout.a4') }, { value: 'slides', label: t('reports.layout.slides') }]} />
          </div>
          <div className="field">
            <span>{t('reports.lang')}</span>
            <Segmented value={lang} onChange={setLang} label={t('reports.lang')} testId="report-lang" options={[{ value: 'en', label: 'English' }, { value: 'ko', label: '한국어' }]} />
          </div>
        </div>
        <div className="report-add">
          <select value={adding ?? ''} data-testid="report-add-run" aria-label={t('reports.addRun')} onChange={(e) => setAdding(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('reports.pickRun')}</option>
            {candidates.map((r) => (
              <option key={r.id} value={r.id}>
                {runName(all, r.id, t, analysisName)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" data-testid="report-add" disabled={adding === null} onClick={() => {
            if (adding !== null) setSections([...sections, { run: adding, summary: '' }]);
            setAdding(null);
          }}>
            {t('reports.addRun')}
          </button>
        </div>
        <SectionList sections={sections} runs={all} onChange={setSections} />
        <div className="actions">
          <button type="button" className="btn" data-testid="report-preview-button" disabled={none || busy !== null} onClick={() => void render('html', 'preview')}>
            {t('reports.preview')}
          </button>
          <button type="button" className="btn" data-testid="report-html" disabled={none || busy !== null} onClick={() => void render('html', 'download')}>
            {t('reports.downloadHtml')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="report-pdf" disabled={none || busy !== null} onClick={() => void render('pdf', 'download')}>
            {busy === 'pdf' ? t('reports.printing') : t('reports.downloadPdf')}
          </button>
        </div>
        {error && <ErrorMessage error={error} testId="report-error" />}
      </Card>
      {preview !== null && (
        <Card title={t('reports.previewTitle')} testId="report-preview-card">
          <ReportPreview html={preview} />
        </Card>
      )}
    </div>
  );
}

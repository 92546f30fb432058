import { Card } from '../../components/Card.js';
import { CurrencyPicker } from '../../components/CurrencyPicker.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { useProject } from '../../state/project.js';
import { ImportsTable } from './ImportsTable.js';

/** The open project: where it is, how big, what it holds, and what was imported into it. */
export function ProjectCard() {
  const { t, fmt } = useI18n();
  const { info, loaded, error } = useProject();
  if (!loaded) {
    return (
      <Card title={t('project.title')} testId="project-info">
        <Loading />
      </Card>
    );
  }
  if (info === null) {
    return (
      <Card title={t('project.title')} testId="project-info" attrs={{ 'data-project': 'none' }}>
        {error ? <ErrorMessage error={error} /> : <p className="muted">{t('project.none')}</p>}
      </Card>
    );
  }
  const facts: [string, string][] = [
    [t('project.size'), fmt.bytes(info.bytes)],
    [t('project.customers'), fmt.int(info.customers)],
    [t('project.receipts'), fmt.int(info.receipts)],
    [t('project.lines'), fmt.int(info.lines)],
    [t('project.period'), info.firstDay ? `${fmt.day(info.firstDay)} – ${fmt.day(info.lastDay)}` : '–'],
  ];
  return (
    <Card title={info.name} testId="project-info" className="project-card" attrs={{ 'data-project': info.path, 'data-customers': String(info.customers), 'data-lines': String(info.lines) }}>
      <div className="project-path" title={info.path}>
        <code>{info.path}</code>
      </div>
      {error && <ErrorMessage error={error} />}
      <dl className="facts">
        {facts.map(([label, value], i) => (
          <div key={label} className={`fact${i === facts.length - 1 ? ' span-2' : ''}`}>
            <dt>{label}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
      <CurrencyPicker info={info} />
      <h3 className="subhead">{t('project.imports')}</h3>
      <ImportsTable imports={info.imports} />
    </Card>
  );
}

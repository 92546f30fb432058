import { Header } from './components/Header.js';
import { JobsPanel } from './components/jobs/JobsPanel.js';
import { ReadySignal } from './components/ReadySignal.js';
import { Sidebar } from './components/Sidebar.js';
import { usePage } from './hooks/usePage.js';
import { ComparePage } from './pages/compare/ComparePage.js';
import { DataPage } from './pages/data/DataPage.js';
import { OverviewPage } from './pages/overview/OverviewPage.js';
import { RecommendPage } from './pages/recommend/RecommendPage.js';
import { CouponsPage } from './pages/coupons/CouponsPage.js';
import { MarketingPage } from './pages/marketing/MarketingPage.js';
import { ForecastPage } from './pages/forecast/ForecastPage.js';
import { RulesPage } from './pages/rules/RulesPage.js';
import { ValuePage } from './pages/value/ValuePage.js';
import { RunsPage } from './pages/runs/RunsPage.js';
import { SegmentsPage } from './pages/segments/SegmentsPage.js';
import { ReportPage } from './pages/report/ReportPage.js';

/** The window: navigation on the left, header, the current page, the jobs panel at the bottom. */
export function App() {
  const [page, navigate] = usePage();
  return (
    <div className="app">
      <Sidebar page={page} onNavigate={navigate} />
      <div className="main">
        <Header page={page} />
        <main className="content" id="content">
          {page === 'data' && <DataPage />}
          {page === 'overview' && <OverviewPage />}
          {page === 'segments' && <SegmentsPage />}
          {page === 'compare' && <ComparePage />}
          {page === 'recommend' && <RecommendPage />}
          {page === 'rules' && <RulesPage />}
          {page === 'value' && <ValuePage />}
          {page === 'forecast' && <ForecastPage />}
          {page === 'marketing' && <MarketingPage />}
          {page === 'coupons' && <CouponsPage />}
          {page === 'runs' && <RunsPage />}
          {page === 'report' && <ReportPage />}
        </main>
        <JobsPanel />
      </div>
      <ReadySignal />
    </div>
  );
}

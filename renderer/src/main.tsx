import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/context.js';
import { createApi } from './api/index.js';
import { App } from './App.js';
import { ProjectCurrency } from './components/ProjectCurrency.js';
import { I18nProvider } from './i18n/context.js';
import { JobsProvider } from './state/jobs.js';
import { ProjectProvider } from './state/project.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={createApi()}>
      <I18nProvider>
        <JobsProvider>
          <ProjectProvider>
            <ProjectCurrency>
              <App />
            </ProjectCurrency>
          </ProjectProvider>
        </JobsProvider>
      </I18nProvider>
    </ApiProvider>
  </StrictMode>,
);

import { DemoCard } from './DemoCard.js';
import { ImportWizard } from './import/ImportWizard.js';
import { OpenProjectForm } from './OpenProjectForm.js';
import { ProjectCard } from './ProjectCard.js';

/** Data: the open project, opening or creating another, demo data, and the import wizard. */
export function DataPage() {
  return (
    <div className="page page-data" data-testid="page-data">
      <div className="data-top">
        <ProjectCard />
        <div className="stack">
          <OpenProjectForm />
          <DemoCard />
        </div>
      </div>
      <ImportWizard />
    </div>
  );
}

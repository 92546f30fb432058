import { useEffect } from 'react';
import { useJobs } from '../state/jobs.js';
import { useProject } from '../state/project.js';

/**
 * Sets <html data-ready="true"> once the first data (current project and job list) has arrived,
 * so end-to-end tests wait for an event instead of sleeping.
 */
export function ReadySignal() {
  const project = useProject();
  const jobs = useJobs();
  const ready = project.loaded && jobs.loaded;
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = 'true';
  }, [ready]);
  return null;
}

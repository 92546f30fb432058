/** IPC channel names shared by the main process and the preload (no dependencies: both bundle it). */

/** `workbench:<operation>`: one invoke channel per operation of core/model/api.ts. */
export const OPERATION_CHANNEL_PREFIX = 'workbench:';
/** Main → renderer: every job event of the ApiHost's job board. */
export const JOB_EVENT_CHANNEL = 'workbench:job-event';
/** Main → renderer: another project was opened (menu); the payload is its ProjectInfo. */
export const PROJECT_CHANGED_CHANNEL = 'workbench:project-changed';

export function operationChannel(name: string): string {
  return OPERATION_CHANNEL_PREFIX + name;
}

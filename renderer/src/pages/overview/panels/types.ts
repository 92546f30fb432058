/** What every Overview card gets from the page: a way to report that it is drawn. */
export interface PanelProps {
  onRendered(panelId: string, rendered: boolean): void;
}

import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { PROJECT_FILE_FILTERS, withProjectExtension } from './paths.js';

/** The File menu's dialogs; each answers the chosen path, or null when the user cancelled. */

export async function chooseProjectToOpen(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Open project', properties: ['openFile'], filters: PROJECT_FILE_FILTERS };
  const r = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
}

export async function chooseNewProject(window: BrowserWindow | null): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'New project',
    buttonLabel: 'Create',
    defaultPath: path.join(app.getPath('documents'), 'project.sqlite'),
    filters: PROJECT_FILE_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return null;
  const file = withProjectExtension(r.filePath);
  if (fs.existsSync(file)) {
    await showError(window, `${path.basename(file)} already exists.`, 'A new project needs a new file; to work on this one, use File → Open project….');
    return null;
  }
  return file;
}

export async function showError(window: BrowserWindow | null, message: string, detail: string): Promise<void> {
  const options: MessageBoxOptions = { type: 'error', title: 'Segment Workbench', message, detail };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}

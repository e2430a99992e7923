// Files the page may name, shared by the domains that read a file the user chose
// (meetings, terms, the roster, models). Imports nothing.

/** A file the page may name: `picked:…` (a handle from the desktop's file dialog) or a path inside the data folder (a browser upload). */
export type FileRef = string;

/** What a desktop file dialog is asked for (its filters). */
export type PickKind = 'media' | 'terms' | 'roster' | 'model';

/** A file the user chose in the desktop's dialog: a one-time handle (a FileRef) and the file's name to show. */
export interface PickedFile {
  handle: string;
  name: string;
}

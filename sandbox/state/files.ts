/**
 * The file manager: uploaded files' metadata (the bytes are only hashed and counted; the sandbox serves no CDN).
 * https://developers.hubspot.com/docs/api/files/files
 */

export type FileAccess =
  | 'PUBLIC_INDEXABLE'
  | 'PUBLIC_NOT_INDEXABLE'
  | 'HIDDEN_INDEXABLE'
  | 'HIDDEN_NOT_INDEXABLE'
  | 'HIDDEN_PRIVATE'
  | 'PRIVATE';

export const FILE_ACCESS: readonly FileAccess[] = [
  'PUBLIC_INDEXABLE',
  'PUBLIC_NOT_INDEXABLE',
  'HIDDEN_INDEXABLE',
  'HIDDEN_NOT_INDEXABLE',
  'HIDDEN_PRIVATE',
  'PRIVATE',
];

export interface StoredFile {
  id: string;
  name: string;
  extension: string;
  type: string;
  size: number;
  fileMd5: string;
  access: FileAccess;
  path: string;
  parentFolderId?: string;
  url: string;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  /** File ids are large numbers on HubSpot; start high so they never look like record ids. */
  private nextId = 180_000_000_001;

  add(fields: Omit<StoredFile, 'id'>): StoredFile {
    const file = { ...fields, id: String(this.nextId++) };
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  all(): StoredFile[] {
    return [...this.files.values()];
  }

  findByPath(path: string): StoredFile | undefined {
    return [...this.files.values()].find((f) => !f.archived && f.path === path);
  }

  toJSON() {
    return { nextId: this.nextId, files: [...this.files.values()] };
  }

  load(state: ReturnType<FileStore['toJSON']> | undefined): void {
    if (!state) return;
    this.nextId = Math.max(this.nextId, state.nextId);
    for (const f of state.files) this.files.set(f.id, f);
  }
}

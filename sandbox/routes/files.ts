import { createHash } from 'node:crypto';
import { fail, validationError } from '../errors';
import { SIGNED_URL_SECONDS } from '../facts/products';
import { json, type SandboxRequest } from '../http';
import { type MultipartPart, multipartBoundary, parseMultipart } from '../multipart';
import { iso } from '../objects/read';
import type { Router } from '../router';
import { FILE_ACCESS, type FileAccess, type StoredFile } from '../state/files';

/**
 * Files v3: `POST /files/v3/files` (multipart: `file`, `folderId` or `folderPath`, `fileName?`, `options` JSON) → 201
 * File; `GET /files/v3/files/{fileId}` → 200. https://developers.hubspot.com/docs/api/files/files (hubspot-api.md §5.6)
 */

const scopes = () => ['files'];

export function fileRoutes(router: Router): void {
  router.post('/files/v3/files', { scopes }, (req, portal) => {
    const parts = multipartParts(req);
    const text = (name: string) =>
      parts.find((p) => p.name === name && p.filename === undefined)?.data.toString();
    const file = parts.find((p) => p.name === 'file');
    if (!file) throw validationError('file is required.', { context: { file: ['required'] } });
    const folderPath = text('folderPath');
    const folderId = text('folderId');
    if (!folderPath && !folderId) throw validationError('Either folderId or folderPath is required.');
    const options = uploadOptions(text('options'));
    const fileName = text('fileName') || file.filename || 'file';
    const { name, extension } = splitName(fileName);
    const folder = folderPath ? `/${folderPath.replace(/^\/+|\/+$/g, '')}` : `/folder-${folderId}`;
    const path = `${folder === '/' ? '' : folder}/${name}${extension ? `.${extension}` : ''}`;
    const existing = portal.files.findByPath(path);
    if (existing && options.duplicateValidationStrategy === 'RETURN_EXISTING')
      return json(200, fileView(existing));
    if (existing && options.duplicateValidationStrategy === 'REJECT') {
      throw fail(409, `A file already exists at ${path}.`, 'CONFLICT');
    }
    const now = portal.now();
    const stored = portal.files.add({
      name,
      extension,
      type: fileType(extension),
      size: file.data.length,
      fileMd5: createHash('md5').update(file.data).digest('hex'),
      access: options.access,
      path,
      ...(folderId ? { parentFolderId: folderId } : {}),
      url: `https://${portal.info.portalId}.fs1.hubspotusercontent-na1.net/hubfs/${portal.info.portalId}${path}`,
      createdAt: now,
      updatedAt: now,
      archived: false,
    });
    return json(201, fileView(stored));
  });

  /**
   * Search by `name` (the name without extension, contains, any case) and `extension`, newest first with
   * `sort=-createdAt`. https://developers.hubspot.com/docs/api-reference/legacy/files/files/get-files-v3-files-search
   */
  router.get('/files/v3/files/search', { scopes }, (req, portal) => {
    const name = req.query.get('name')?.toLowerCase();
    const extension = req.query.get('extension')?.toLowerCase();
    const limit = req.query.int('limit', { fallback: 10, min: 1, max: 100 });
    const after = req.query.int('after', { fallback: 0, min: 0 });
    const sort = req.query.get('sort') ?? 'createdAt';
    const found = portal.files
      .all()
      .filter((f) => !f.archived)
      .filter((f) => name === undefined || f.name.toLowerCase().includes(name))
      .filter((f) => extension === undefined || f.extension === extension)
      .sort(
        (a, b) =>
          (a.createdAt - b.createdAt || Number(a.id) - Number(b.id)) * (sort === '-createdAt' ? -1 : 1),
      );
    const next = after + limit;
    return json(200, {
      results: found.slice(after, next).map(fileView),
      ...(next < found.length ? { paging: { next: { after: String(next) } } } : {}),
    });
  });

  /** A link that opens a private file for `expirationSeconds` (an hour by default, 6 hours at most). */
  router.get('/files/v3/files/:fileId/signed-url', { scopes }, (req, portal) => {
    const file = portal.files.get(req.params.fileId!);
    if (!file || file.archived)
      throw fail(404, `File ${req.params.fileId} was not found.`, 'OBJECT_NOT_FOUND');
    const seconds = req.query.int('expirationSeconds', {
      fallback: SIGNED_URL_SECONDS.fallback,
      min: 1,
      max: SIGNED_URL_SECONDS.max,
    });
    const expiresAt = portal.now() + seconds * 1000;
    const token = createHash('sha256').update(`${file.id}:${expiresAt}`).digest('hex').slice(0, 32);
    return json(200, {
      url: `${file.url}?Expires=${Math.floor(expiresAt / 1000)}&Signature=${token}`,
      expiresAt: iso(expiresAt),
      name: file.name,
      extension: file.extension,
      type: file.type,
      size: file.size,
    });
  });

  router.get('/files/v3/files/:fileId', { scopes }, (req, portal) => {
    const file = portal.files.get(req.params.fileId!);
    // Message: UNVERIFIED.
    if (!file || file.archived)
      throw fail(404, `File ${req.params.fileId} was not found.`, 'OBJECT_NOT_FOUND');
    return json(200, fileView(file));
  });
}

function multipartParts(req: SandboxRequest): MultipartPart[] {
  const boundary = multipartBoundary(req.headers['content-type']);
  if (!boundary) throw validationError('Expected a multipart/form-data body.');
  return parseMultipart(req.rawBody, boundary);
}

interface UploadOptions {
  access: FileAccess;
  duplicateValidationStrategy: 'NONE' | 'REJECT' | 'RETURN_EXISTING';
}

/** `options` is a JSON string; `access` is required. */
function uploadOptions(raw: string | undefined): UploadOptions {
  let parsed: Record<string, unknown>;
  try {
    parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    throw validationError('options must be a JSON object.');
  }
  const access = parsed.access as FileAccess;
  if (!FILE_ACCESS.includes(access)) {
    throw validationError(`options.access is required and must be one of ${FILE_ACCESS.join(', ')}.`);
  }
  const strategy = (parsed.duplicateValidationStrategy ??
    'NONE') as UploadOptions['duplicateValidationStrategy'];
  return { access, duplicateValidationStrategy: strategy };
}

function splitName(fileName: string): { name: string; extension: string } {
  const dot = fileName.lastIndexOf('.');
  return dot > 0
    ? { name: fileName.slice(0, dot), extension: fileName.slice(dot + 1).toLowerCase() }
    : { name: fileName, extension: '' };
}

const TYPES: Record<string, string> = {
  png: 'IMG',
  jpg: 'IMG',
  jpeg: 'IMG',
  gif: 'IMG',
  svg: 'IMG',
  pdf: 'DOCUMENT',
  doc: 'DOCUMENT',
  docx: 'DOCUMENT',
  txt: 'DOCUMENT',
  csv: 'DOCUMENT',
  xlsx: 'DOCUMENT',
  mp4: 'MOVIE',
  mp3: 'AUDIO',
};
const fileType = (extension: string) => TYPES[extension] ?? 'OTHER';

function fileView(file: StoredFile) {
  return {
    id: file.id,
    name: file.name,
    extension: file.extension,
    type: file.type,
    size: file.size,
    fileMd5: file.fileMd5,
    access: file.access,
    path: file.path,
    ...(file.parentFolderId ? { parentFolderId: file.parentFolderId } : {}),
    url: file.url,
    defaultHostingUrl: file.url,
    isUsableInContent: true,
    createdAt: iso(file.createdAt),
    updatedAt: iso(file.updatedAt),
    archived: file.archived,
  };
}

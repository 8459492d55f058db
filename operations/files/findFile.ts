import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { integerInput, optionalText } from '../inputs';
import { requiredText } from '../records';
import type { InputFieldDef, OperationDef } from '../types';

/**
 * Finds the newest file whose name contains the text (and of the extension, when given) with
 * `GET /files/v3/files/search`, and gives a URL that opens it: a private file's own URL needs a HubSpot login, so it
 * gets a signed URL (`GET /files/v3/files/{fileId}/signed-url`) that expires after the chosen time (1 hour by
 * default, 6 hours at most). Scope `files`.
 * https://developers.hubspot.com/docs/api/files/files
 */
const nameField: InputFieldDef = {
  key: 'name',
  label: 'File name',
  required: true,
  helpText: 'Text the name contains (without the extension). The newest matching file is returned.',
};
const extensionField: InputFieldDef = {
  key: 'extension',
  label: 'Extension',
  placeholder: 'pdf',
  helpText: 'Only files with this extension (without the dot). Leave empty for any.',
};
const expiryField: InputFieldDef = {
  key: 'expiration_seconds',
  label: 'Link valid for (seconds)',
  type: 'integer',
  default: '3600',
  helpText: 'For private files: how long the signed link works, 1 to 21600 (6 hours).',
};

export const MAX_SIGNED_URL_SECONDS = 21_600;

interface HubSpotFile {
  id: string;
  name: string;
  extension?: string;
  access: string;
  url: string;
  size?: number;
  path?: string;
}

export const findFile: OperationDef = {
  key: 'find_file',
  kind: 'search',
  noun: 'File',
  label: 'Find File',
  description: 'Finds a file in the file manager by name and gives a link to it (signed for private files).',
  inputFields: [nameField, extensionField, expiryField],
  outputFields: [
    { key: 'id', label: 'File ID' },
    { key: 'name', label: 'Name' },
    { key: 'extension', label: 'Extension' },
    { key: 'access', label: 'Access' },
    { key: 'url', label: 'URL' },
    { key: 'expires_at', label: 'Link expires at', type: 'datetime' },
  ],
  sample: {
    id: '180000000001',
    name: 'proposal',
    extension: 'pdf',
    access: 'PRIVATE',
    url: 'https://62515.fs1.hubspotusercontent-na1.net/hubfs/62515/zapier/proposal.pdf?Expires=1767607200&Signature=…',
    expires_at: '2026-01-05T10:00:00.000Z',
  },
  calls: {
    endpoints: [`GET ${paths.files.search()}`, `GET ${paths.files.signedUrl('{fileId}')}`],
    perRun: '1 (2 when the file is private: its signed URL)',
  },
  code: {
    reason:
      'The signed URL is asked only when the search found a private file: a condition between two requests that the declaration cannot express.',
  },
  async perform(ctx) {
    const name = requiredText(ctx, nameField.key, nameField.label);
    const extension = optionalText(ctx, extensionField)?.replace(/^\./, '').toLowerCase();
    if (extension !== undefined && !/^[a-z0-9]+$/.test(extension))
      throw new FieldValidationError(
        extensionField.key,
        extensionField.label,
        `"${extension}" is not a file extension (letters and digits, e.g. pdf).`,
      );
    const seconds = integerInput(ctx, expiryField, { min: 1, max: MAX_SIGNED_URL_SECONDS }) ?? 3600;
    const { data } = await ctx.api.request<{ results: HubSpotFile[] }>({
      method: 'GET',
      path: paths.files.search(),
      query: { name, extension, sort: '-createdAt', limit: 1 },
    });
    const file = data.results[0];
    if (!file) return [];
    const out = {
      id: file.id,
      name: file.name,
      extension: file.extension ?? '',
      access: file.access,
      size: file.size,
      path: file.path,
      url: file.url,
      expires_at: null as string | null,
    };
    if (file.access !== 'PRIVATE') return [out];
    const { data: signed } = await ctx.api.request<{ url: string; expiresAt: string }>({
      method: 'GET',
      path: paths.files.signedUrl(file.id),
      query: { expirationSeconds: seconds },
    });
    return [{ ...out, url: signed.url, expires_at: signed.expiresAt }];
  },
};

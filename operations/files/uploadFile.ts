import { defaultAssociationTypeId } from '../../hubspot/associationTypes';
import { FieldValidationError } from '../../hubspot/coerce';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { createRecordOperation } from '../objects/createRecord';
import { recordPicker } from '../recordDropdown';
import type { OperationContext, OperationDef, OperationResult } from '../types';

/**
 * Uploads a file from a Zapier file field into HubSpot's file manager (`POST /files/v3/files`, multipart), and
 * optionally attaches it to a record through a new note carrying `hs_attachment_ids`.
 * https://developers.hubspot.com/docs/api/files/files,
 * https://developers.hubspot.com/docs/api/crm/notes#create-a-note-with-attachments
 */

/** How a platform hands over a file field's content: downloaded bytes and a name. */
export interface DownloadedFile {
  data: Uint8Array;
  fileName: string;
  contentType?: string;
}

/** Each platform downloads file fields its own way (Zapier: a URL or hydrated file, fetched with `z.request`). */
export type FileDownloader = (ctx: OperationContext, value: unknown) => Promise<DownloadedFile>;

const ACCESS_CHOICES = [
  { value: 'PRIVATE', label: 'Private (signed links only)' },
  { value: 'PUBLIC_NOT_INDEXABLE', label: 'Public, not indexed by search engines' },
  { value: 'PUBLIC_INDEXABLE', label: 'Public' },
];

const ATTACH_TYPES = ['contacts', 'companies', 'deals', 'tickets'];

/**
 * The note factory, reused so the note is validated and written like any note (`create_note`), associated to the
 * record inline in its create call (HubSpot's default note → record type), as the Make module does: one call, and no
 * note left without its record if a second call failed.
 * https://developers.hubspot.com/docs/api/crm/understanding-the-crm#create-records-with-associations
 */
const noteWriter = createRecordOperation({
  key: 'upload_file_note',
  objectType: 'notes',
  sample: {},
  associateWith: ATTACH_TYPES,
});
/** The note writer's input for the record (`associationInputs`: `<noun>_ids` and its label, the default one). */
const noteLinkInput = (attach: { type: string; id: string }) => {
  const noun = findStandardObjectType(attach.type)!.singular.toLowerCase().replace(/ /g, '_');
  return {
    [`${noun}_ids`]: [attach.id],
    [`${noun}_association_label`]: `HUBSPOT_DEFINED:${defaultAssociationTypeId('notes', attach.type)}`,
  };
};

export function uploadFileOperation(download: FileDownloader): OperationDef {
  return {
    key: 'upload_file',
    kind: 'create',
    noun: 'File',
    label: 'Upload File',
    description: 'Uploads a file to the file manager, optionally attaching it to a record in a note.',
    inputFields: [
      {
        key: 'file',
        label: 'File',
        type: 'file',
        required: true,
        helpText: 'A file from an earlier step, or the public URL of one.',
      },
      { key: 'file_name', label: 'File name', helpText: 'Defaults to the name of the file.' },
      {
        key: 'folder_path',
        label: 'Folder',
        default: '/zapier',
        helpText: 'A folder path; created when missing.',
      },
      {
        key: 'access',
        label: 'Access',
        default: 'PRIVATE',
        choices: ACCESS_CHOICES,
        helpText: "Who can open the file's URL: private files open only through signed, expiring links.",
      },
      {
        key: 'attach_to_type',
        label: 'Attach to',
        choices: ATTACH_TYPES.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) })),
        helpText: 'Attach the file to a record in a new note. Leave empty to only upload.',
      },
      {
        key: 'attach_to_id',
        label: 'Record ID to attach to',
        helpText: 'The record of the type chosen above that gets the note; required when a type is chosen.',
        ...recordPicker({ fromInput: 'attach_to_type' }),
      },
      {
        key: 'note_body',
        label: 'Note text',
        type: 'text',
        helpText: 'Text of the note that carries the file. Leave empty for a note with the file alone.',
      },
    ],
    outputFields: [
      { key: 'id', label: 'File ID', type: 'string' },
      { key: 'name', label: 'Name' },
      { key: 'url', label: 'URL' },
      { key: 'size', label: 'Size (bytes)', type: 'integer' },
      { key: 'note_id', label: 'Note ID', type: 'string' },
    ],
    sample: {
      id: '180000000001',
      name: 'proposal',
      extension: 'pdf',
      size: 48213,
      url: 'https://62515.fs1.hubspotusercontent-na1.net/hubfs/62515/zapier/proposal.pdf',
      access: 'PRIVATE',
      note_id: '9001',
    },
    code: {
      reason:
        'The file is downloaded from the mapped URL or file and sent as multipart, and attaching it to a record checks the record, then creates a note (associated inline) from the upload answer; the declaration sends JSON bodies only.',
    },
    calls: {
      endpoints: [
        `POST ${paths.files.upload()}`,
        `GET ${paths.objects.one('{toType}', '{toId}')}`,
        `POST ${paths.objects.create('notes')}`,
      ],
      perRun:
        '1 (3 when attached to a record: the record is checked first, the note carries the association)',
    },
    async perform(ctx) {
      const attach = attachment(ctx);
      if (attach) await requireRecord(ctx, attach);
      const file = await download(ctx, ctx.input.file);
      const fileName = String(ctx.input.file_name || file.fileName || 'file');
      const form = new FormData();
      form.append(
        'file',
        new Blob([file.data], { type: file.contentType ?? 'application/octet-stream' }),
        fileName,
      );
      form.append('fileName', fileName);
      form.append('folderPath', String(ctx.input.folder_path || '/zapier'));
      form.append(
        'options',
        JSON.stringify({
          access: String(ctx.input.access || 'PRIVATE'),
          overwrite: false,
          duplicateValidationStrategy: 'NONE',
        }),
      );
      const { body, contentType } = await encodeForm(form);
      const { data } = await ctx.api.request<Record<string, unknown> & { id: string }>({
        method: 'POST',
        path: paths.files.upload(),
        body,
        headers: { 'content-type': contentType },
      });
      if (!attach) return { ...data };
      const note = (await noteWriter.perform({
        ...ctx,
        input: {
          hs_timestamp: new Date(ctx.now()).toISOString(),
          hs_attachment_ids: data.id,
          ...(ctx.input.note_body ? { hs_note_body: ctx.input.note_body } : {}),
          ...noteLinkInput(attach),
        },
      })) as OperationResult;
      return { ...data, note_id: note.id };
    },
  };
}

/** Checked before the upload, so a bad target writes nothing. */
function attachment(ctx: OperationContext): { type: string; id: string } | undefined {
  const type = String(ctx.input.attach_to_type ?? '').trim();
  const id = String(ctx.input.attach_to_id ?? '').trim();
  if (!type && !id) return undefined;
  if (!ATTACH_TYPES.includes(type)) {
    throw new FieldValidationError(
      'attach_to_type',
      'Attach to',
      `must be one of ${ATTACH_TYPES.join(', ')}.`,
    );
  }
  if (!/^\d+$/.test(id)) return { type, id: requireNumeric(id) };
  return { type, id };
}

function requireNumeric(id: string): never {
  throw new FieldValidationError(
    'attach_to_id',
    'Record ID to attach to',
    id ? `"${id}" is not a record ID.` : 'is required when attaching.',
  );
}

async function requireRecord(ctx: OperationContext, attach: { type: string; id: string }): Promise<void> {
  const { status } = await ctx.api.request({
    method: 'GET',
    path: paths.objects.one(attach.type, attach.id),
    acceptStatuses: [404],
  });
  if (status === 404) {
    throw new FieldValidationError(
      'attach_to_id',
      'Record ID to attach to',
      `no ${attach.type} record has ID ${attach.id}.`,
    );
  }
}

/** A multipart body as bytes with its boundary, so any transport (z.request included) can send it. */
async function encodeForm(form: FormData): Promise<{ body: Uint8Array; contentType: string }> {
  const encoded = new Response(form);
  return {
    body: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type')!,
  };
}

/** Zapier file fields arrive as a URL (a hydrated or pre-signed link); Make hands over the same. 120 MB cap, as Zapier. */
const MAX_FILE_BYTES = 120 * 1024 * 1024;

export const fetchDownloader: FileDownloader = async (_ctx, value) => {
  const url = String(value ?? '').trim();
  if (!/^https?:\/\//i.test(url))
    throw new FieldValidationError('file', 'File', 'must be a file or a URL to one.');
  // No HubSpot token goes with this request: the file lives elsewhere.
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  if (!res.ok)
    throw new FieldValidationError('file', 'File', `could not be downloaded (HTTP ${res.status}).`);
  const data = new Uint8Array(await res.arrayBuffer());
  if (data.length > MAX_FILE_BYTES) throw new FieldValidationError('file', 'File', 'is larger than 120 MB.');
  const disposition = res.headers.get('content-disposition') ?? '';
  const fromHeader = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const fromUrl = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  return {
    data,
    fileName: fromHeader || fromUrl || 'file',
    contentType: res.headers.get('content-type') ?? undefined,
  };
};

export const uploadFile = uploadFileOperation(fetchDownloader);

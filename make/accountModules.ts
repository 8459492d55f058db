import { defaultAssociationTypeId } from '../hubspot/associationTypes';
import { formsSecureSubmitUrl, paths } from '../hubspot/paths';
import type { OperationDef } from '../operations/types';
import type { Json, MakeModule } from './model';
import { imlPath } from './objectRef';
import { onlyIf, operationModule } from './operationModule';

/** Owner lookup, form submission and file upload: one module each, as `operations/owners|forms|files/` on Zapier. */

/**
 * By e-mail (`GET /crm/v3/owners?email=`, one call) or by owner id (the owners pages, matched by id: `GET
 * /crm/v3/owners/{id}` answers 404 for an unknown id, which Make reports as an error, not as no result).
 * https://developers.hubspot.com/docs/api/crm/owners
 */
export function findOwnerModule(def: OperationDef): MakeModule {
  const wanted = 'trim(parameters.email_or_id)';
  return operationModule(def, 'Other', {
    moduleType: 'search',
    crud: 'read',
    communication: {
      url: paths.owners.list(),
      qs: { limit: 100, email: `{{if(contains(${wanted}, '@'), ${wanted}, undefined)}}` },
      pagination: { qs: { after: '{{body.paging.next.after}}' }, condition: '{{body.paging.next.after}}' },
      response: {
        iterate: {
          container: '{{body.results}}',
          condition: `{{item.id == ${wanted} || lower(item.email) == lower(${wanted})}}`,
        },
        output: '{{item}}',
      },
    },
  });
}

/**
 * The authenticated submission (`POST https://api.hsforms.com/submissions/v3/integration/secure/submit/{portalId}/
 * {formGuid}`) needs the portal id, read first from the account-info API. The JSON object of fields becomes HubSpot's
 * `[{objectTypeId, name, value}]`: `toArray` gives `[{key, value}]`, and in its JSON text `"key":` only ever stands
 * for that key (a quote inside a value is escaped), so every one is renamed there (`replace` with a `/regex/g`,
 * help.make.com text functions).
 * https://developers.hubspot.com/docs/api-reference/legacy/marketing/forms/v3-legacy/submit-data-authenticated
 */
export function submitFormModule(def: OperationDef): MakeModule {
  const fields = `parseJSON(replace(createJSON(toArray(parseJSON(parameters.fields))), '/"key":/g', '"objectTypeId":"0-1","name":'))`;
  return operationModule(def, 'Forms', {
    moduleType: 'action',
    crud: 'create',
    communication: [
      { url: paths.account.details(), response: { temp: { portalId: '{{body.portalId}}' } } },
      {
        url: imlPath(formsSecureSubmitUrl, '{{temp.portalId}}', '{{parameters.form_id}}'),
        method: 'POST',
        body: {
          fields: `{{${fields}}}`,
          submittedAt: "{{formatDate(now, 'x')}}",
          context: {
            pageUri: '{{ifempty(parameters.page_uri, undefined)}}',
            pageName: '{{ifempty(parameters.page_name, undefined)}}',
          },
        },
        response: {
          output: {
            form_id: '{{parameters.form_id}}',
            inlineMessage: '{{body.inlineMessage}}',
            redirectUri: '{{body.redirectUri}}',
          },
        },
      },
    ],
  });
}

const ATTACH_TYPES = ['contacts', 'companies', 'deals', 'tickets'];
/** Where Make uploads land unless a folder is given (the Zapier app's default is its own folder). */
const MAKE_FOLDER = '/make';

/**
 * Make's file input: a `buffer` with `semantic: 'file:data'` and a `filename` with `semantic: 'file:name'`, so
 * choosing a file from an earlier module fills both, the name being the file's own.
 * https://developers.make.com/custom-apps-documentation/block-elements/parameters/buffer
 */
const FILE_PARAMS: Record<string, Json> = {
  file: { type: 'buffer', semantic: 'file:data', help: 'A file from an earlier module (its data).' },
  file_name: {
    type: 'filename',
    semantic: 'file:name',
    help: "The file's own name when the file is chosen from an earlier module.",
  },
};

const FILE_ANSWER = [
  'id',
  'name',
  'extension',
  'type',
  'size',
  'fileMd5',
  'access',
  'path',
  'parentFolderId',
  'url',
  'defaultHostingUrl',
  'isUsableInContent',
  'encoding',
  'width',
  'height',
  'sourceGroup',
  'expiresAt',
  'createdAt',
  'updatedAt',
  'archived',
  'archivedAt',
];

/**
 * A Make file (a buffer, e.g. from HTTP "Get a file" or any module's file output) uploaded as multipart
 * (`POST /files/v3/files`), then, when a record is chosen, a note carrying `hs_attachment_ids` associated to it
 * inline. The record is read first so a wrong id writes nothing.
 * https://developers.hubspot.com/docs/api/files/files,
 * https://developers.hubspot.com/docs/api/crm/notes#create-a-note-with-attachments
 */
export function uploadFileModule(def: OperationDef): MakeModule {
  const noteTypes = ATTACH_TYPES.map((t) => `'${t}', ${defaultAssociationTypeId('notes', t)}`).join(', ');
  const file = (key: string) => `{{temp.file.${key}}}`;
  // Every field of HubSpot's upload answer, as the Zapier step returns the whole answer (a missing one is left out):
  // https://developers.hubspot.com/docs/api-reference/files-files-v3/files/post-files-v3-files
  const output: Json = Object.fromEntries(FILE_ANSWER.map((key) => [key, file(key)]));
  const module = operationModule(def, 'Files', {
    moduleType: 'action',
    crud: 'create',
    communication: [
      {
        ...onlyIf('{{parameters.attach_to_type}}'),
        url: imlPath(paths.objects.one, '{{parameters.attach_to_type}}', '{{parameters.attach_to_id}}'),
      },
      {
        url: paths.files.upload(),
        method: 'POST',
        type: 'multipart/form-data',
        body: {
          file: {
            value: '{{parameters.file}}',
            options: { filename: "{{ifempty(parameters.file_name, 'file')}}" },
          },
          fileName: "{{ifempty(parameters.file_name, 'file')}}",
          folderPath: `{{ifempty(parameters.folder_path, '${MAKE_FOLDER}')}}`,
          options:
            '{"access":"{{ifempty(parameters.access, \'PRIVATE\')}}","overwrite":false,"duplicateValidationStrategy":"NONE"}',
        },
        response: { temp: { file: '{{body}}' } },
      },
      {
        ...onlyIf('{{parameters.attach_to_type}}'),
        url: paths.objects.create('notes'),
        method: 'POST',
        body: {
          properties: {
            hs_timestamp: "{{formatDate(now, 'x')}}",
            hs_attachment_ids: file('id'),
            hs_note_body: '{{ifempty(parameters.note_body, undefined)}}',
          },
          associations: [
            {
              to: { id: '{{parameters.attach_to_id}}' },
              types: [
                {
                  associationCategory: 'HUBSPOT_DEFINED',
                  associationTypeId: `{{switch(parameters.attach_to_type, ${noteTypes})}}`,
                },
              ],
            },
          ],
        },
        response: { temp: { noteId: '{{body.id}}' } },
      },
      // Always run, so the module's output never depends on a skipped last request (Make does not document it).
      { response: { output: { ...output, note_id: '{{temp.noteId}}' } } },
    ],
  });
  module.mappableParams = module.mappableParams.map((p) => {
    if (typeof p !== 'object') return p;
    if (p.name === 'folder_path') return { ...p, default: MAKE_FOLDER };
    return FILE_PARAMS[String(p.name)] ? { ...p, ...FILE_PARAMS[String(p.name)] } : p;
  });
  return module;
}

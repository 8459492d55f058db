import type { MakeRunner } from '../../support/make';
import type { TestSandbox } from '../../support/sandbox';
import type { Target } from './faults';
import type { Cell } from './recorder';
import { filesNamed, putRecord, withProperty } from './world';
import { type AuthData, create, performBuffer, search } from './zapierPlatform';

/**
 * The write (and read) operations of the fault matrix, each on both platforms, with what "lost" and "duplicated"
 * mean for it. A step answers what the platform showed, reduced to the record ids it reported.
 */

export interface Prepared {
  marker: string;
  /** The record the step works on (update, find). */
  id?: string;
  email?: string;
}

export interface Reported {
  ids: string[];
  /** Upserts: whether the platform said the record was created. */
  isNew?: boolean;
  /** Batch: each buffered run's answer (a record id, or the error message it showed). */
  runs?: Array<{ key: string; id?: string; error?: string }>;
}

export interface WriteOp {
  name: string;
  /** A platform may repeat it after a dropped connection (reads, updates, upserts). */
  idempotent: boolean;
  prepare(t: TestSandbox, marker: string): Prepared;
  /** The request the fault hits. */
  target(p: Prepared): Target;
  /** The request the fault hits on Make, when it differs. */
  makeTarget?(p: Prepared): Target;
  zapier(authData: AuthData, p: Prepared, env: { fileUrl: string }): Promise<Reported>;
  make(make: MakeRunner, p: Prepared): Promise<Reported>;
  /** Counts lost and duplicated records for the final outcome (`reported` undefined: the run ended in an error). */
  judge(c: Cell, t: TestSandbox, p: Prepared, reported: Reported | undefined): void;
}

const DEAL_STAGE = { pipeline: 'default', dealstage: 'appointmentscheduled' };
const FILE_BYTES = Buffer.from('%PDF-1.4 resilience');

const countDuplicates = (c: Cell, n: number) => {
  if (n > 1) c.duplicated += n - 1;
};

export const WRITE_OPS: WriteOp[] = [
  {
    name: 'create (deal)',
    idempotent: false,
    prepare: (_t, marker) => ({ marker }),
    target: () => ({ method: 'POST', path: '/crm/v3/objects/deals' }),
    zapier: async (authData, p) => {
      const r = await create('create_deal', authData, { dealname: p.marker, ...DEAL_STAGE });
      return { ids: [String(r.id)] };
    },
    make: async (make, p) => {
      const r = await make.action('createDeal', { dealname: p.marker, ...DEAL_STAGE });
      return { ids: [String(r.id)] };
    },
    judge: (c, t, p, reported) => {
      const n = withProperty(t, 'deals', 'dealname', p.marker).length;
      countDuplicates(c, n);
      if (reported && n === 0) c.lost++;
    },
  },
  {
    name: 'update (contact by id)',
    idempotent: true,
    prepare: (t, marker) => {
      const email = `${marker}@example.com`;
      return { marker, email, id: putRecord(t, 'contacts', { email, firstname: 'Before' }).id };
    },
    target: (p) => ({ method: 'PATCH', path: `/crm/v3/objects/contacts/${p.id}` }),
    zapier: async (authData, p) => {
      const r = await create('update_contact', authData, { record_id: p.id, firstname: p.marker });
      return { ids: [String(r.id)] };
    },
    make: async (make, p) => {
      const r = await make.action('updateContact', { record_id: p.id, firstname: p.marker });
      return { ids: [String(r.id)] };
    },
    judge: (c, t, p, reported) => {
      const applied = t.sandbox.portal.records.get('0-1', p.id!)?.properties.firstname === p.marker;
      if (reported && !applied) c.lost++;
    },
  },
  {
    name: 'upsert (contact by e-mail)',
    idempotent: true,
    prepare: (_t, marker) => ({ marker, email: `${marker}@example.com` }),
    target: () => ({ method: 'POST', path: '/crm/v3/objects/contacts/batch/upsert' }),
    zapier: async (authData, p) => {
      const r = await create('create_or_update_contact', authData, {
        id_property: 'email',
        email: p.email,
        firstname: p.marker,
      });
      return { ids: [String(r.id)], isNew: r.is_new as boolean };
    },
    make: async (make, p) => {
      const r = await make.action('createOrUpdateContact', {
        id_property: 'email',
        email: p.email,
        firstname: p.marker,
      });
      return { ids: [String(r.id)], isNew: r.is_new as boolean };
    },
    judge: (c, t, p, reported) => {
      const n = withProperty(t, 'contacts', 'email', p.email!).length;
      countDuplicates(c, n);
      if (reported && n === 0) c.lost++;
    },
  },
  {
    name: 'find (contact by e-mail)',
    idempotent: true,
    prepare: (t, marker) => {
      const email = `${marker}@example.com`;
      return { marker, email, id: putRecord(t, 'contacts', { email }).id };
    },
    // Zapier reads a contact by e-mail directly; Make searches (its target is set in its own file).
    target: (p) => ({ method: 'GET', path: `/crm/v3/objects/contacts/${encodeURIComponent(p.email!)}` }),
    makeTarget: () => ({ method: 'POST', path: '/crm/v3/objects/contacts/search' }),
    zapier: async (authData, p) => {
      const found = await search('find_contact', authData, {
        search_property: 'email',
        search_value: p.email,
      });
      return { ids: found.map((r) => String(r.id)) };
    },
    make: async (make, p) => {
      const { outputs } = await make.run('findContact', { search_property: 'email', search_value: p.email! });
      return { ids: (outputs as Array<{ id: unknown }>).map((r) => String(r.id)) };
    },
    // A find that answers "no such contact" while it exists has lost it for the Zap (a search-or-create duplicates).
    judge: (c, _t, p, reported) => {
      if (reported && !reported.ids.includes(p.id!)) c.lost++;
    },
  },
  {
    name: 'batch upsert (2 products by SKU)',
    idempotent: true,
    prepare: (_t, marker) => ({ marker }),
    target: () => ({ method: 'POST', path: '/crm/v3/objects/products/batch/upsert' }),
    zapier: async (authData, p) => {
      const runs = ['a', 'b'].map((s) => ({
        id: `run-${s}`,
        inputData: {
          object_type: 'products',
          id_property: 'hs_sku',
          hs_sku: `${p.marker}-${s}`,
          name: p.marker,
        },
      }));
      const answer = await performBuffer('batch_upsert', authData, runs);
      return {
        ids: [],
        runs: runs.map((r) => ({
          key: String(r.inputData.hs_sku),
          id: answer[r.id]?.outputData ? String(answer[r.id]!.outputData!.id) : undefined,
          error: answer[r.id]?.error,
        })),
      };
    },
    make: async (make, p) => {
      const r = await make.action('batchUpsert', {
        object_type: 'products',
        id_property: 'hs_sku',
        inputs: ['a', 'b'].map((s) => ({
          id: `${p.marker}-${s}`,
          properties: { name: p.marker },
        })),
      });
      // HubSpot's upsert answer names records by id only; the judge finds each SKU's record by id.
      const ids = ((r.results as Array<{ id: unknown }>) ?? []).map((x) => String(x.id));
      const errors = (r.errors as Array<{ message?: string }>) ?? [];
      return {
        ids,
        runs: ['a', 'b'].map((s) => ({ key: `${p.marker}-${s}`, error: errors[0]?.message })),
      };
    },
    // Each buffered run must end with its record written, or with an error saying why.
    judge: (c, t, p, reported) => {
      for (const s of ['a', 'b']) {
        const key = `${p.marker}-${s}`;
        const records = withProperty(t, 'products', 'hs_sku', key);
        countDuplicates(c, records.length);
        const run = reported?.runs?.find((r) => r.key === key);
        if (!reported) continue;
        const done = run?.id !== undefined || records.some((r) => reported.ids.includes(r.id));
        if (run?.id && records.length === 0) c.lost++;
        if (!done && run?.error === undefined) c.lost++;
        if (run?.error !== undefined)
          c.check(run.error.trim() !== '', `buffered run ${s} failed with an empty error message`);
      }
    },
  },
  {
    name: 'file upload',
    idempotent: false,
    prepare: (_t, marker) => ({ marker }),
    target: () => ({ method: 'POST', path: '/files/v3/files' }),
    zapier: async (authData, p, env) => {
      const r = await create('upload_file', authData, { file: env.fileUrl, file_name: `${p.marker}.pdf` });
      return { ids: [String(r.id)] };
    },
    make: async (make, p) => {
      const r = await make.action('uploadFile', { file: FILE_BYTES, file_name: `${p.marker}.pdf` });
      return { ids: [String(r.id)] };
    },
    judge: (c, t, p, reported) => {
      const n = filesNamed(t, p.marker).length;
      countDuplicates(c, n);
      if (reported && n === 0) c.lost++;
    },
  },
];

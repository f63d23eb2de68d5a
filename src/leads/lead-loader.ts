/**
 * `agentgate leads load`: stream a CSV file into a list with add_lead's
 * checks, a batch at a time. Each batch — its leads and the checkpoint that
 * says how far the file is loaded — commits in one transaction, so a load
 * that is interrupted resumes after its last committed line and never inserts
 * a lead twice. Rejected lines go to a rejects file with their line numbers;
 * lines past the checkpoint are dropped from it on resume, so it too holds
 * each line once. Memory stays flat: one batch is held at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../domain/clock.js';
import { parseDuplicateCheck, type DuplicateHit } from '../domain/duplicate-check.js';
import type { NewLeadRecord } from '../domain/lead-record.js';
import type { Store } from '../store/store.js';
import { csvChunks, FileError, toCsv, type PendingLead, type Reject } from './csv-chunks.js';
import { LeadIntake, type DncMode, type Verdict } from './lead-intake.js';

export interface LoadOptions {
  readonly file: string;
  readonly listId: number;
  /** field → header name (or 1-based column number). */
  readonly map?: Readonly<Record<string, string>>;
  readonly phoneCode?: string;
  readonly duplicateCheck?: string;
  readonly dncCheck?: DncMode;
  readonly campaignDncCheck?: DncMode;
  readonly usacanPrefixCheck?: boolean;
  readonly usacanAreacodeCheck?: boolean;
  readonly tzMethod?: string;
  readonly status?: string;
  /** The user recorded on each lead (vicidial_list.user). */
  readonly user?: string;
  readonly batchSize?: number;
  readonly rejectsFile?: string;
  /** Load a file again that was already loaded completely into this list. */
  readonly reload?: boolean;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Called after each committed batch; a test interrupts a load by throwing here. */
  readonly afterBatch?: (batch: number) => void;
}

export interface LoadProgress {
  readonly bytesDone: number;
  readonly totalBytes: number;
  readonly inserted: number;
  readonly duplicates: number;
  readonly invalid: number;
  readonly lastLine: number;
}

export interface LoadSummary extends LoadProgress {
  readonly resumedAfterLine: number;
  readonly rejectsFile: string;
  readonly seconds: number;
}

export class LoadError extends Error {}

const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;
const rejectLine = (r: Reject) => `${r.line},${csvField(r.reason)},${csvField(r.raw.replace(/\r?\n$/, ''))}\n`;

/** Keep only the rejects of lines at or before `lastLine` (a resumed load rewrites the rest). */
function trimRejects(file: string, lastLine: number): void {
  if (!fs.existsSync(file)) return;
  const kept = fs
    .readFileSync(file, 'utf8')
    .split(/(?<=\n)(?=\d+,")/)
    .filter((entry, i) => i === 0 || Number(entry.slice(0, entry.indexOf(','))) <= lastLine);
  fs.writeFileSync(file, kept.join(''));
}

function verdictReason(v: Exclude<Verdict, { ok: true }>, batch: readonly PendingLead[]): { duplicate: boolean; reason: string } {
  if (v.kind === 'invalid') return { duplicate: false, reason: v.problem };
  if (v.kind === 'dnc') return { duplicate: false, reason: v.campaign ? 'PHONE NUMBER IN CAMPAIGN DNC' : 'PHONE NUMBER IN DNC' };
  const hit = v.hit;
  const where = v.rule.option;
  if ('batchIndex' in hit) return { duplicate: true, reason: `${where}: duplicate of line ${batch[hit.batchIndex]!.line}` };
  const stored = hit as DuplicateHit;
  return { duplicate: true, reason: `${where}: duplicate of lead ${stored.leadId} in list ${stored.listId}` };
}

export async function loadLeads(store: Store, clock: Clock, options: LoadOptions): Promise<LoadSummary> {
  const started = process.hrtime.bigint();
  const file = path.resolve(options.file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new LoadError(`cannot read ${options.file}: no such file`);
  }
  const list = await store.campaigns.findList(options.listId);
  if (!list) throw new LoadError(`list ${options.listId} does not exist; create it first (add_list)`);
  const campaign = await store.campaigns.find(list.campaignId);

  const fileKey = `${file}|${stat.size}|${Math.floor(stat.mtimeMs)}`.slice(-255);
  const previous = await store.leadAdmin.findLoad(fileKey, options.listId);
  if (previous?.finishedAt && !options.reload)
    throw new LoadError(
      `${options.file} was already loaded into list ${options.listId} at ${previous.finishedAt} (${previous.inserted} inserted); pass --reload to load it again`,
    );
  const resume = previous && !previous.finishedAt ? previous : undefined;
  const loadId = resume?.loadId ?? (await store.leadAdmin.startLoad(fileKey, options.listId, clock.now()));
  const counts = {
    inserted: resume?.inserted ?? 0,
    duplicates: resume?.duplicates ?? 0,
    invalid: resume?.invalid ?? 0,
    lastLine: resume?.lastLine ?? 0,
    bytesDone: resume?.bytesDone ?? 0,
  };
  const resumedAfterLine = counts.lastLine;

  const rejectsFile = path.resolve(options.rejectsFile ?? `${file}.rejects.csv`);
  if (resume) trimRejects(rejectsFile, resume.lastLine);
  else fs.writeFileSync(rejectsFile, 'line,reason,record\n');
  const rejectsFd = fs.openSync(rejectsFile, 'a');

  const intake = new LeadIntake({
    listId: options.listId,
    phoneChecks: { usacanPrefix: !!options.usacanPrefixCheck, usacanAreacode: !!options.usacanAreacodeCheck, nanpaPrefix: false },
    dncCheck: options.dncCheck ?? 'N',
    campaignDncCheck: options.campaignDncCheck ?? 'N',
    dncCampaignId: campaign?.useOtherCampaignDnc || list.campaignId,
    duplicates: parseDuplicateCheck(options.duplicateCheck),
    tzMethod: options.tzMethod ?? '',
    lookupState: false,
  });
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const phoneCode = options.phoneCode ?? '1';
  let batchNumber = 0;

  const commit = async (pending: PendingLead[], rejects: Reject[], lastLine: number, bytes: number) => {
    const now = clock.now();
    await store.transaction(async (tx) => {
      const verdicts = await intake.check(
        tx,
        pending.map(({ lead }) => ({
          phone: lead.phoneNumber,
          phoneCode: lead.phoneCode,
          listId: options.listId,
          title: lead.fields.title ?? '',
          altPhone: lead.fields.alt_phone ?? '',
          firstName: lead.fields.first_name ?? '',
          lastName: lead.fields.last_name ?? '',
          state: lead.fields.state ?? '',
          postalCode: lead.fields.postal_code ?? '',
          owner: lead.fields.owner ?? '',
        })),
        now,
      );
      const records: NewLeadRecord[] = [];
      const batchRejects = [...rejects];
      let duplicates = 0;
      verdicts.forEach((v, i) => {
        const { lead, line, record } = pending[i]!;
        if (v.ok) {
          records.push({
            listId: options.listId,
            status: options.status ?? 'NEW',
            user: options.user ?? '',
            phoneCode: lead.phoneCode,
            phoneNumber: lead.phoneNumber,
            gmtOffset: v.gmt ?? 0,
            entryListId: 0,
            rank: lead.rank,
            fields: lead.fields,
          });
          return;
        }
        const { duplicate, reason } = verdictReason(v, pending);
        if (duplicate) duplicates++;
        batchRejects.push({ line, reason, raw: toCsv(record) });
      });
      await tx.leadAdmin.insertLeads(records, now);
      batchRejects.sort((a, b) => a.line - b.line);
      // Written before the commit: if the commit never happens, a resume trims these lines away.
      if (batchRejects.length > 0) fs.writeSync(rejectsFd, batchRejects.map(rejectLine).join(''));
      counts.inserted += records.length;
      counts.duplicates += duplicates;
      counts.invalid += batchRejects.length - duplicates;
      counts.lastLine = lastLine;
      counts.bytesDone = bytes;
      await tx.leadAdmin.advanceLoad(loadId, counts);
    });
    batchNumber++;
    options.onProgress?.({ ...counts, totalBytes: stat.size });
    options.afterBatch?.(batchNumber);
  };

  try {
    const chunks = csvChunks({ file, map: options.map, phoneCode, skipThrough: counts.lastLine, chunkSize: batchSize });
    for await (const chunk of chunks) await commit(chunk.leads, chunk.rejects, chunk.lastLine, chunk.bytes);
    await store.leadAdmin.finishLoad(loadId, clock.now());
  } catch (err) {
    if (err instanceof FileError) throw new LoadError(err.message);
    throw err;
  } finally {
    fs.closeSync(rejectsFd);
  }
  return {
    ...counts,
    totalBytes: stat.size,
    resumedAfterLine,
    rejectsFile,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

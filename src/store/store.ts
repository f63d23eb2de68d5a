/**
 * The store: every repository bound to one database handle or transaction.
 * Only the store (and its repositories) knows VICIdial's table names.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import type { SqlDialect } from './schema/ddl.js';
import { ApiKeysRepository } from './repositories/api-keys.js';
import { AdminLogRepository } from './repositories/admin-log.js';
import { AdminRecordsRepository } from './repositories/admin-records.js';
import { AuditSearchRepository } from './repositories/audit-search.js';
import { AuditRepository } from './repositories/audit.js';
import { CallLogsRepository } from './repositories/call-logs.js';
import { CampaignsRepository } from './repositories/campaigns.js';
import { EventsRepository } from './repositories/events.js';
import type { Executor } from './repositories/executor.js';
import { GroupCommit } from './group-commit.js';
import { LeadAdminRepository } from './repositories/lead-admin.js';
import { LeadsRepository } from './repositories/leads.js';
import { LeasesRepository } from './repositories/leases.js';
import { CommandWaitsRepository } from './repositories/command-waits.js';
import { LiveAgentsRepository } from './repositories/live-agents.js';
import { MessagesRepository } from './repositories/messages.js';
import { PasswordDatesRepository } from './repositories/password-dates.js';
import { ReferenceDataRepository } from './repositories/reference-data.js';
import { ReportsRepository } from './repositories/reports.js';
import { SettingsRepository } from './repositories/settings.js';
import { TelephonyRepository } from './repositories/telephony.js';
import { TimeZonesRepository } from './repositories/time-zones.js';
import { UserAdminRepository } from './repositories/user-admin.js';
import { UsersRepository } from './repositories/users.js';
import { WebSessionsRepository } from './repositories/web-sessions.js';

export class Store {
  readonly users: UsersRepository;
  readonly settings: SettingsRepository;
  readonly campaigns: CampaignsRepository;
  readonly leads: LeadsRepository;
  readonly liveAgents: LiveAgentsRepository;
  readonly messages: MessagesRepository;
  readonly audit: AuditRepository;
  readonly auditSearch: AuditSearchRepository;
  readonly adminRecords: AdminRecordsRepository;
  readonly adminLog: AdminLogRepository;
  readonly passwordDates: PasswordDatesRepository;
  readonly callLogs: CallLogsRepository;
  readonly telephony: TelephonyRepository;
  // The non-agent API and the lead loader.
  readonly leadAdmin: LeadAdminRepository;
  readonly timeZones: TimeZonesRepository;
  readonly reports: ReportsRepository;
  readonly referenceData: ReferenceDataRepository;
  readonly userAdmin: UserAdminRepository;
  readonly webSessions: WebSessionsRepository;
  // agentgate's own: the event log, leases between nodes, commands waiting for a disposition.
  readonly events: EventsRepository;
  readonly leases: LeasesRepository;
  readonly commandWaits: CommandWaitsRepository;
  readonly apiKeys: ApiKeysRepository;
  /** SQLite: the units of work of one turn of the event loop share a commit (group-commit.ts). */
  private readonly groupCommit: GroupCommit | undefined;

  constructor(
    private readonly executor: Executor,
    readonly dialect: SqlDialect,
  ) {
    this.users = new UsersRepository(executor);
    this.settings = new SettingsRepository(executor);
    this.campaigns = new CampaignsRepository(executor);
    this.leads = new LeadsRepository(executor);
    this.liveAgents = new LiveAgentsRepository(executor);
    this.messages = new MessagesRepository(executor);
    this.audit = new AuditRepository(executor);
    this.auditSearch = new AuditSearchRepository(executor);
    this.adminRecords = new AdminRecordsRepository(executor, dialect);
    this.adminLog = new AdminLogRepository(executor);
    this.passwordDates = new PasswordDatesRepository(executor);
    this.callLogs = new CallLogsRepository(executor);
    this.telephony = new TelephonyRepository(executor);
    this.leadAdmin = new LeadAdminRepository(executor);
    this.timeZones = new TimeZonesRepository(executor);
    this.reports = new ReportsRepository(executor);
    this.referenceData = new ReferenceDataRepository(executor);
    this.userAdmin = new UserAdminRepository(executor);
    this.webSessions = new WebSessionsRepository(executor);
    this.events = new EventsRepository(executor, dialect);
    this.leases = new LeasesRepository(executor);
    this.commandWaits = new CommandWaitsRepository(executor);
    this.apiKeys = new ApiKeysRepository(executor);
    if (dialect === 'sqlite' && !executor.isTransaction) this.groupCommit = new GroupCommit(executor as Kysely<Database>);
  }

  get inTransaction(): boolean {
    return this.executor.isTransaction;
  }

  /**
   * Run `work` in one transaction; nested calls join the open one.
   * Everything a request changes, and its audit rows, commit or vanish together.
   */
  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.executor.isTransaction) return work(this);
    return (this.executor as Kysely<Database>).transaction().execute((trx) => work(new Store(trx, this.dialect)));
  }

  /**
   * A unit of work's transaction. On SQLite it shares its commit with the
   * other units of the same turn of the event loop, each in a savepoint of its
   * own; it settles only after that commit. Elsewhere it is a transaction of its own
   * (MySQL's connections run theirs side by side, and InnoDB groups their log flushes).
   */
  unitTransaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (!this.groupCommit) return this.transaction(work);
    return this.groupCommit.run((trx) => work(new Store(trx, this.dialect)));
  }
}

import { sqlDateTime } from '../../domain/clock.js';
import { fitRow } from '../schema/fit-row.js';
import type { Executor } from './executor.js';

export interface NewNotification {
  readonly recipient: string;
  readonly recipientType: 'USER' | 'USER_GROUP' | 'CAMPAIGN';
  readonly date: string;
  readonly retry: boolean;
  readonly text: string;
  readonly textSize: number;
  readonly textFont: string;
  readonly textWeight: string;
  readonly textColor: string;
  readonly showConfetti: boolean;
  readonly confettiOptions: string;
  readonly now: Date;
}

/** Messages for agents and leads: notifications, voicemail drops, admin change records, recordings. */
export class MessagesRepository {
  constructor(private readonly db: Executor) {}

  async insertNotification(n: NewNotification): Promise<number> {
    const result = await this.db
      .insertInto('vicidial_agent_notifications')
      .values(
        fitRow('vicidial_agent_notifications', {
          entry_date: sqlDateTime(n.now),
          recipient: n.recipient,
          recipient_type: n.recipientType,
          notification_date: n.date,
          notification_retry: n.retry ? ('Y' as const) : ('N' as const),
          notification_text: n.text,
          text_size: n.textSize,
          text_font: n.textFont,
          text_weight: n.textWeight,
          text_color: n.textColor,
          show_confetti: n.showConfetti ? ('Y' as const) : ('N' as const),
          confetti_options: n.confettiOptions,
          notification_status: 'QUEUED' as const,
        }),
      )
      .executeTakeFirstOrThrow();
    return Number(result.insertId);
  }

  async insertLeadMessage(leadId: number, user: string, message: string, now: Date): Promise<void> {
    await this.db
      .insertInto('vicidial_lead_messages')
      .values({ lead_id: leadId, call_date: sqlDateTime(now), user, played: 0, message_entry: message })
      .execute();
  }

  async findRecording(recordingId: number) {
    const row = await this.db
      .selectFrom('recording_log')
      .select(['recording_id', 'filename', 'server_ip', 'start_time'])
      .where('recording_id', '=', recordingId)
      .executeTakeFirst();
    return (
      row && {
        recordingId: Number(row.recording_id),
        filename: row.filename ?? '',
        serverIp: row.server_ip ?? '',
        startTime: row.start_time ?? '',
      }
    );
  }
}

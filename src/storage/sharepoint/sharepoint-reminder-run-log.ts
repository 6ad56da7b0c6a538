import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';
import type { IsoDate } from '@/kernel/dates';
import { reminderRunReportSchema, type ReminderRunLog, type ReminderRunReport } from '@/kernel/ports/reminder-run-log';
import { odataString } from './action-fields';
import { getAllPages } from './graph-paging';
import { itemPageSchema, type GraphListItem } from './graph-shapes';
import type { TaskLists } from './site-lists';
import { DEFAULT_TASK_PAGE_SIZE, type TaskStoreOptions } from './task-store-options';

function reportOf(item: GraphListItem): ReminderRunReport {
  try {
    const parsed = reminderRunReportSchema.safeParse(JSON.parse(String(item.fields.Report)));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: malformed JSON is reported as a wrong shape is
  }
  throw new AppError('A stored reminder run report is malformed; was the SharePoint list edited outside the app?');
}

/**
 * ReminderRunLog on the "SEND Reminder Runs" list: one created item per run (create a list item:
 * learn.microsoft.com/graph/api/listitem-create), read back with one filtered GET on the indexed `Day`
 * column (learn.microsoft.com/graph/api/listitem-list; a few items a day, so sorted here).
 */
export class SharePointReminderRunLog implements ReminderRunLog {
  private readonly pageSize: number;

  constructor(
    private readonly client: Client,
    private readonly lists: TaskLists,
    private readonly options: TaskStoreOptions,
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_TASK_PAGE_SIZE;
  }

  async record(report: ReminderRunReport): Promise<void> {
    const row = reminderRunReportSchema.parse(report);
    const { reminderRuns } = await this.lists.paths();
    await this.client.api(`${reminderRuns}/items`).post({
      fields: { Title: `Reminders ${row.today}`, Day: row.today, RanAt: row.ranAt, Report: JSON.stringify(row) },
    });
  }

  async recent(since: IsoDate, limit: number): Promise<ReminderRunReport[]> {
    const { reminderRuns } = await this.lists.paths();
    const filter = encodeURIComponent(`fields/Day ge ${odataString(since)}`);
    const items = await getAllPages(
      this.client,
      `${reminderRuns}/items?expand=fields&$top=${this.pageSize}&$filter=${filter}`,
      this.options.root,
      itemPageSchema,
    );
    return items
      .map(reportOf)
      .sort((a, b) => b.today.localeCompare(a.today) || b.ranAt.localeCompare(a.ranAt))
      .slice(0, limit);
  }
}

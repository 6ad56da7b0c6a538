import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { AppInstaller, InstallOutcome } from '@/kernel/ports/reminder-sender';
import type { Logger } from '@/platform/logger';
import { odataString } from '@/storage/sharepoint/action-fields';

export interface GraphAppInstallerOptions {
  /** A Graph client with an app-only token (the one the stores use), retrying 429/503/504. */
  client: Client;
  /** `{scheme}://{host}/v1.0`: the root `teamsApp@odata.bind` names the catalog app under. */
  graphRoot: string;
  /** The app's id in its manifest (TEAMS_APP_ID). */
  manifestAppId: string;
  /** The app's id in the organisation's catalog (TEAMS_APP_CATALOG_ID), when the admin gave it. */
  catalogAppId?: string | null;
  /**
   * People who have the app already (their stored personal chats): without a configured catalog id it
   * is read from one of their installations, so the app needs no AppCatalog permission.
   */
  peopleWithTheApp: () => Promise<string[]>;
  logger: Logger;
}

const installationsSchema = z.object({
  value: z.array(z.object({ id: z.string(), teamsApp: z.object({ id: z.string() }).optional() })),
});
const chatSchema = z.object({ id: z.string().min(1) });

const statusOf = (error: unknown) => (error instanceof GraphError ? error.statusCode : undefined);

/**
 * Installs the app for a person through Microsoft Graph, as Microsoft's proactive installation guide
 * does it (learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages),
 * with the least-privileged application permission `TeamsAppInstallation.ReadWriteSelfForUser.All`:
 *
 * 1. `GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/externalId eq '{manifest id}'`;
 * 2. when it is not there: `POST /users/{id}/teamwork/installedApps` binding the catalog app (201, no
 *    body; 409 when a concurrent run got there first), then step 1 again for the installation's id;
 * 3. `GET /users/{id}/teamwork/installedApps/{installation id}/chat`: the personal chat's id.
 *
 * Graph's 429/503/504 are retried by the client. A 403 (permission not granted, or an app setup policy
 * that blocks the app for that person) is `install-not-allowed`; anything else is `install-failed`,
 * and the reminder falls back to the meeting chat as before.
 */
export class GraphAppInstaller implements AppInstaller {
  private learnedCatalogId: string | null = null;

  constructor(private readonly options: GraphAppInstallerOptions) {}

  async installFor(userId: string): Promise<InstallOutcome> {
    try {
      let installation = await this.installationOf(userId);
      if (!installation) {
        const catalogId = await this.catalogAppId();
        if (!catalogId) {
          this.options.logger.warn('cannot install the app for people: its catalog id is unknown; set TEAMS_APP_CATALOG_ID');
          return { installed: false, reason: 'install-failed' };
        }
        await this.install(userId, catalogId);
        installation = await this.installationOf(userId);
        // Teams may take a moment to show a new installation: the next run finds it.
        if (!installation) return { installed: false, reason: 'install-failed' };
      }
      const chat = chatSchema.parse(
        await this.options.client.api(`${this.userApps(userId)}/${encodeURIComponent(installation.id)}/chat`).get(),
      );
      return { installed: true, chatId: chat.id };
    } catch (error) {
      const status = statusOf(error);
      this.options.logger.warn({ status, err: status ? undefined : (error as Error).message }, 'could not install the app for a person');
      return { installed: false, reason: status === 403 ? 'install-not-allowed' : 'install-failed' };
    }
  }

  private userApps(userId: string): string {
    return `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;
  }

  /** This app's installation in the person's personal scope, or null. */
  private async installationOf(userId: string): Promise<{ id: string; catalogId?: string } | null> {
    const found = installationsSchema.parse(
      await this.options.client
        .api(this.userApps(userId))
        .query({ $expand: 'teamsApp', $filter: `teamsApp/externalId eq ${odataString(this.options.manifestAppId)}` })
        .get(),
    ).value[0];
    return found ? { id: found.id, ...(found.teamsApp ? { catalogId: found.teamsApp.id } : {}) } : null;
  }

  private async install(userId: string, catalogId: string): Promise<void> {
    try {
      await this.options.client
        .api(this.userApps(userId))
        .post({ 'teamsApp@odata.bind': `${this.options.graphRoot}/appCatalogs/teamsApps/${encodeURIComponent(catalogId)}` });
    } catch (error) {
      // Installed in the meantime (another instance, or the person themselves): what we wanted.
      if (statusOf(error) !== 409) throw error;
    }
  }

  /**
   * The configured catalog id, or the one on the first installation found among people who have the app,
   * kept once found (the run installs for one person at a time, so there is no second caller to share it with).
   */
  private async catalogAppId(): Promise<string | null> {
    if (this.options.catalogAppId) return this.options.catalogAppId;
    if (this.learnedCatalogId) return this.learnedCatalogId;
    for (const person of (await this.options.peopleWithTheApp()).slice(0, 3)) {
      const found = await this.installationOf(person).catch(() => null);
      if (found?.catalogId) return (this.learnedCatalogId = found.catalogId);
    }
    return null; // asked again next time: someone may install it meanwhile
  }
}

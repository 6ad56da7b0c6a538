import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { botFrameworkToken } from '@/reminders/bot-framework-token';
import { createGraphClientFromConfig } from '@/storage/sharepoint/create-sharepoint-repository';
import { graphRoot } from '@/storage/sharepoint/graph-client';
import { MsalClientCredentialsProvider } from '@/storage/sharepoint/msal-auth-provider';
import { parseSharePointEnv } from '@/storage/sharepoint/sharepoint-config';
import { checkSiteLists, type Finding } from '@/storage/sharepoint/site-check';

/** One piece of the deployment, and what was found about it. */
export interface DoctorSection {
  title: string;
  findings: Finding[];
}

export interface DoctorDeps {
  /** Graph tokens (default: MSAL client credentials from the settings). Tests pass a fixed token. */
  graphAuth?: AuthenticationProvider;
  /** A Bot Connector token (default: the bot registration's client credentials). */
  botToken?: () => Promise<string>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `npm run doctor`: each piece of a tenant deployment checked in turn, each problem with how to fix it.
 * It reads and signs in, and writes nothing: no list, no item, no mail, no message. What cannot be
 * checked without writing (a mail sent, the app in the team) is said, with how to check it by hand.
 */
export async function runDoctor(env: NodeJS.ProcessEnv, deps: DoctorDeps = {}): Promise<DoctorSection[]> {
  const sections: DoctorSection[] = [];
  const { config, problems } = parseSharePointEnv(env);
  if (problems.length > 0 || !config) {
    sections.push({
      title: 'SharePoint settings',
      findings: problems.length
        ? problems.map((p) => ({
            ok: false,
            what: p,
            fix: 'Set it in env/.env.<env> (docs/ADMIN.md, 2) and run teamsapp provision again.',
          }))
        : [
            {
              ok: false,
              what: 'No SharePoint settings: the app runs on its embedded store.',
              fix: 'Set GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and SHAREPOINT_SITE_ID.',
            },
          ],
    });
    return sections;
  }
  sections.push({ title: 'SharePoint settings', findings: [{ ok: true, what: 'Every setting is present and well formed.' }] });

  const graphAuth = deps.graphAuth ?? new MsalClientCredentialsProvider(config);
  try {
    await graphAuth.getAccessToken();
    sections.push({ title: 'Token for Microsoft Graph', findings: [{ ok: true, what: 'Entra issued an app token for Graph.' }] });
  } catch (error) {
    sections.push({
      title: 'Token for Microsoft Graph',
      findings: [
        {
          ok: false,
          what: `Entra refused the app's credentials: ${message(error)}`,
          fix: 'Check GRAPH_TENANT_ID and GRAPH_CLIENT_ID, that GRAPH_CLIENT_SECRET has not expired, and that an admin consented to the app permissions (docs/ADMIN.md, 3).',
        },
      ],
    });
    return sections;
  }

  const client = createGraphClientFromConfig(config, { authProvider: graphAuth, retryDelaySeconds: 1 });
  sections.push({
    title: 'SEND site, lists and indexed columns',
    findings: await checkSiteLists(client, config.siteId, graphRoot(config.baseUrl)),
  });
  sections.push({ title: 'Bot registration', findings: [await botFinding(env, deps.botToken)] });
  sections.push({
    title: 'Not checked here (each needs a write)',
    findings: [
      {
        ok: true,
        what: env.DIGEST_MAILBOX
          ? `Mail from ${env.DIGEST_MAILBOX}: sending is the only test. Send one digest from the tab's Digest view.`
          : 'Mail: DIGEST_MAILBOX is not set, so no digest is sent in tenant mode.',
      },
      { ok: true, what: 'The app in the SEND team: open the team, Apps, and look for SEND Tracker (docs/ADMIN.md, 5).' },
    ],
  });
  return sections;
}

async function botFinding(env: NodeJS.ProcessEnv, botToken?: () => Promise<string>): Promise<Finding> {
  if (!env.CLIENT_ID)
    return {
      ok: false,
      what: 'CLIENT_ID is not set: no bot registration, so no capture, reminders or cards.',
      fix: 'Set CLIENT_ID and TENANT_ID (docs/ADMIN.md, 1).',
    };
  if (!env.CLIENT_SECRET && !botToken)
    return {
      ok: true,
      what: 'The bot signs in with its managed identity: that works only where it runs (check /api/health on the web app).',
    };
  try {
    await (
      botToken ?? botFrameworkToken({ tenantId: env.TENANT_ID ?? '', clientId: env.CLIENT_ID, clientSecret: env.CLIENT_SECRET ?? null })
    )();
    return { ok: true, what: 'The bot registration gives a Bot Connector token.' };
  } catch (error) {
    return {
      ok: false,
      what: `The bot registration gives no Bot Connector token: ${message(error)}`,
      fix: 'Check CLIENT_ID, TENANT_ID and CLIENT_SECRET against the Azure Bot resource (docs/ADMIN.md, 1).',
    };
  }
}

/** The report as the console shows it: a tick or a cross a line, each fix under its problem. */
export function doctorReport(sections: DoctorSection[]): string {
  return sections
    .map((s) =>
      [`${s.title}`, ...s.findings.flatMap((f) => [`  ${f.ok ? '✓' : '✗'} ${f.what}`, ...(f.fix ? [`      → ${f.fix}`] : [])])].join('\n'),
    )
    .join('\n\n');
}

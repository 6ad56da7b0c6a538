import { startProvisionedSite, type ProvisionedSite } from '../graph-stand-in/provisioned-site';
import { describeConversationReferenceContract } from './conversation-references.contract';
import { describeDigestLogContract } from './digest-log.contract';
import { describeReminderLogContract } from './reminder-log.contract';

const sites: ProvisionedSite[] = [];
afterAll(async () => {
  await Promise.all(sites.map((s) => s.standIn.close()));
});

async function newSite(): Promise<ProvisionedSite> {
  const site = await startProvisionedSite();
  sites.push(site);
  return site;
}

// Each instance is built by the production factory, with its own Graph client, against one stand-in site.
describeReminderLogContract('SharePoint Lists via Graph (stand-in), two Graph clients', async () => {
  const site = await newSite();
  return { repo: site.repository(), logs: [site.taskStores().reminderLog, site.taskStores().reminderLog] };
});

describeDigestLogContract('SharePoint Lists via Graph (stand-in), two Graph clients', async () => {
  const site = await newSite();
  return [site.taskStores().digestLog, site.taskStores().digestLog];
});

describeConversationReferenceContract('SharePoint Lists via Graph (stand-in), two Graph clients', async () => {
  const site = await newSite();
  return [site.taskStores().conversations, site.taskStores().conversations];
});

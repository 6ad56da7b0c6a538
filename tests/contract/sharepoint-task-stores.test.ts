import { useStandInSites } from '@tests/graph-stand-in/provisioned-site';
import { describeConversationReferenceContract } from './conversation-references.contract';
import { describeDigestLogContract } from './digest-log.contract';
import { describeReminderLogContract } from './reminder-log.contract';
import { describeReminderRunLogContract } from './reminder-run-log.contract';

const newSite = useStandInSites();

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

describeReminderRunLogContract('SharePoint Lists via Graph (stand-in), two Graph clients', async () => {
  const site = await newSite();
  return [site.taskStores().reminderRuns, site.taskStores().reminderRuns];
});

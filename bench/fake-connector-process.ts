import { TOM } from '@tests/bot/support/activities';
import { startFakeConnector } from '@tests/bot/support/fake-connector';

/**
 * The Bot Connector stand-in in its own process for the bot benchmark, so parsing the bot's replies
 * does not run on the measured server's event loop. Prints its URL, then serves until killed.
 */
void startFakeConnector([TOM]).then(({ url }) => process.stdout.write(`${url}\n`));

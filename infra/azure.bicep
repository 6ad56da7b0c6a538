// SEND Tracker on Azure: one Linux App Service (bot endpoint + tab + API), an Azure Bot whose identity is a
// user-assigned managed identity (no bot secret to rotate), Key Vault for the one remaining secret (the Graph
// app's client secret), and Application Insights on a Log Analytics workspace.
// Deployed by `teamsapp provision --env dev` (arm/deploy in teamsapp.yml); outputs are written to env/.env.dev.

@minLength(4)
@maxLength(20)
@description('Lower-case base for resource names; the web app name must be globally unique.')
param resourceBaseName string

@description('Azure region for everything except the bot (bots are global).')
param location string = resourceGroup().location

@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
@description('App Service plan size. Always On needs Basic (B1) or above.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string

@description('Client id of the Entra app used for tab SSO and for Microsoft Graph (aad.manifest.json).')
param aadAppClientId string

@secure()
@description('Client secret of that Entra app; stored only in Key Vault, read by the app through a Key Vault reference.')
param aadAppClientSecret string

@description('Graph id of the SEND SharePoint site (hostname,siteCollectionId,webId); empty until the admin sets it.')
param sharePointSiteId string = ''

@description('Mailbox the weekly digest is sent from (scoped by Exchange RBAC for Applications).')
param digestMailbox string = ''

@description('Entra group object ids (comma-separated) whose members are the SEND team: they see and edit every record.')
param sendTeamGroupIds string

@description('The SEND lead (Entra object id, display name, email): escalations and the whole-school digest.')
param sendLeadId string
param sendLeadName string
param sendLeadEmail string

var tenantId = subscription().tenantId
var keyVaultName = 'kv${uniqueString(resourceGroup().id, resourceBaseName)}'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Built-in role "Storage Table Data Contributor": read and write table entities, nothing else on the account.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource graphClientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'graph-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The outbox in front of SharePoint: writes Graph could not take yet, shared by every instance (a
// SQLite file on /home, App Service's network share, is not safe to lock from several instances).
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // only the managed identity gets in: there is no account key to leak
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource outboxTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'sendoutbox'
}

resource outboxWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless: any instance can serve any request
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts' // Node 20 reached end of life on 30 April 2026
      // The deploy ships the built server (dist/server) and tab (dist/tab): plain node, no npm, no build tools.
      appCommandLine: 'node --enable-source-maps dist/server/main.js'
      healthCheckPath: '/api/health'
      alwaysOn: true // reminder and digest tasks run in-process
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' } // App Service routes to PORT on all interfaces
        { name: 'PUBLIC_URL', value: 'https://${resourceBaseName}.azurewebsites.net' }
        // Only without SharePoint (a one-instance pilot): /home is persistent but a network share, so
        // the app refuses SQLite there once REMINDER_INSTANCES says more than one instance runs.
        { name: 'DATA_DIR', value: '/home/data' }
        // With SharePoint, the outbox lives in Table Storage, reached with the managed identity (CLIENT_ID).
        { name: 'OUTBOX_TABLE_ENDPOINT', value: storage.properties.primaryEndpoints.table }
        { name: 'OUTBOX_TABLE_NAME', value: outboxTable.name }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' } // deploy ships a built, pruned tree
        // The bot: Teams SDK reads CLIENT_ID/TENANT_ID; no CLIENT_SECRET, so it uses the managed identity.
        { name: 'CLIENT_ID', value: identity.properties.clientId }
        { name: 'TENANT_ID', value: tenantId }
        // Tab SSO: tokens have audience AAD_APP_CLIENT_ID or api://<host>/<AAD_APP_CLIENT_ID>.
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        // Microsoft Graph (SharePoint Lists, sendMail): client credentials, secret from Key Vault.
        { name: 'GRAPH_TENANT_ID', value: tenantId }
        { name: 'GRAPH_CLIENT_ID', value: aadAppClientId }
        { name: 'GRAPH_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${graphClientSecret.properties.secretUri})' }
        { name: 'SHAREPOINT_SITE_ID', value: sharePointSiteId }
        { name: 'DIGEST_MAILBOX', value: digestMailbox }
        // Need-to-know access and escalations.
        { name: 'SEND_TEAM_GROUP_IDS', value: sendTeamGroupIds }
        { name: 'SEND_LEAD_ID', value: sendLeadId }
        { name: 'SEND_LEAD_NAME', value: sendLeadName }
        { name: 'SEND_LEAD_EMAIL', value: sendLeadEmail }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
      ]
    }
  }
  dependsOn: [secretsUser, outboxWriter] // the Key Vault reference and the outbox work only once the identity holds its roles
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' } // Teams is a standard channel: free tier has no message limit for it
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<env> by the Agents Toolkit and used by the manifest and deploy step.
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output KEY_VAULT_NAME string = keyVault.name

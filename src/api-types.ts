/**
 * What the tab's REST API sends and takes, for the tab: the features' reply types and the few pure
 * constants its forms need (column fields, intervention durations). The tab imports only this file
 * and `src/kernel/`, so no server module (node:fs, restify, Graph) can reach the browser bundle;
 * `npm run lint` enforces that.
 */
export type { EhcPlanView, StepItem, StepRow } from '@/ehc-plans/ehc-plan-view';
export type { ClockSync } from '@/ehc-plans/sync-statutory-items';
export type { EhcDatesImported } from '@/ehc-plans/import-ehc-dates';
export type { StatutoryDeadlinesReply } from '@/ehc-plans/statutory-deadlines-route';
export type { EffectivenessRow } from '@/interventions/effectiveness';
export type { InterventionWarning } from '@/interventions/intervention-checks';
export { DURATION_WEEKS, EEF_DOSE, plannedWeeks } from '@/interventions/intervention-checks';
export type { ProvisionMap } from '@/provision-map/provision-map';
export type { ProvisionMapReply } from '@/provision-map/provision-map-routes';
export type { CostedTerm } from '@/provision-map/provision-term';
export type { RegisterAnalytics, StatusSplit } from '@/register/analytics';
export type { ImportPreview } from '@/register/mis-import';
export type { ImportChanges, MissingPupil } from '@/register/plan-import';
export type { RegisterImportsReply, RegisterSettingsReply } from '@/register/register-routes';
export type { RegisterSettings, RegisterSettingsRecord } from '@/kernel/register-settings';
export { REGISTER_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type RegisterField } from '@/register/mis-columns';
export type { ActionFacets, FacetScope } from '@/tracker/action-facets';
export type { ActionListReply } from '@/tracker/action-routes';
export type { CheckInReply } from '@/tracker/weekly-check-in';
export type { ChangeFeed } from '@/kernel/ports/action-repository';
export type { InstallReply, ReminderRunsReply, UnreachedNow } from '@/reminders/reminder-panel-routes';
export { WHY_UNREACHED } from '@/reminders/why-unreached';
export type { DocumentPastReview } from '@/documents/document-routes';

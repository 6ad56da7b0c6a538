import type {
  EffectivenessRow,
  EhcDatesImported,
  ImportChanges,
  ImportPreview,
  RegisterImportsReply,
  RegisterSettings,
  RegisterSettingsRecord,
  RegisterSettingsReply,
  InterventionWarning,
  ProvisionMapReply,
  RegisterAnalytics,
} from '@/api-types';
import type { Intervention, Measure, NewInterventionInput } from '@/kernel/intervention';
import type { RegisterSnapshot } from '@/kernel/register-snapshot';
import type { UndoResult, UpsertResult } from '@/kernel/ports/register-repository';
import { ApiError } from '@tab/api/api-error';

/** An export as the API takes it: its bytes as base64, read by the server by content, not name. */
export type UploadFile = { format: 'file'; base64: string };

export interface InterventionView extends Intervention {
  ratioGain: number | null;
  band: string | null;
  metTarget: boolean | null;
  warnings: InterventionWarning[];
}

/** The register, intervention and provision-map routes (SEND team only). */
export interface RegisterApi {
  previewImport(file: UploadFile): Promise<ImportPreview>;
  /** What importing with this mapping would change, and who on roll the file leaves out. Stores nothing. */
  importChanges(file: UploadFile, mapping: ImportPreview['proposedMapping']): Promise<ImportChanges & { warnings: string[] }>;
  /** `markLeft`: the count of pupils not in the file the person confirmed have left (else nobody is). */
  confirmImport(
    file: UploadFile,
    mapping: ImportPreview['proposedMapping'],
    markLeft?: number,
  ): Promise<UpsertResult & { warnings: string[]; ehcPlans: EhcDatesImported | null }>;
  /** The last imports, newest first, and which one can be undone. */
  imports(): Promise<RegisterImportsReply>;
  undoImport(importId: string): Promise<UndoResult>;
  dashboard(): Promise<RegisterAnalytics>;
  /** The number on roll and staff training areas as last saved, and every save. */
  settings(): Promise<RegisterSettingsReply>;
  /** Saves the fields given; the others keep their last saved value. */
  saveSettings(settings: Partial<RegisterSettings>): Promise<RegisterSettingsRecord>;
  /** Stores this term's counts (replacing an earlier snapshot of the same term). */
  takeSnapshot(term: string): Promise<RegisterSnapshot>;
  interventions(pupilId?: string): Promise<{ interventions: InterventionView[]; effectiveness: EffectivenessRow[] }>;
  createIntervention(input: NewInterventionInput): Promise<{ intervention: Intervention; warnings: InterventionWarning[] }>;
  addMeasure(id: string, measure: Measure): Promise<Intervention>;
  provisionMap(query: Record<string, string>): Promise<ProvisionMapReply>;
  provisionCsv(query: Record<string, string>): Promise<Blob>;
}

/** Reads a picked file into what the API takes. */
export async function toUploadFile(file: File): Promise<UploadFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { format: 'file', base64: btoa(binary) };
}

/** Same conventions as the tracker's client: SSO token when there is one, ApiError on failure. */
export function createRegisterApi(getToken: () => Promise<string | null> = async () => null, base = ''): RegisterApi {
  async function send(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<Response> {
    const token = await getToken();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      throw new ApiError(
        response.status,
        String(data.error ?? 'error'),
        String(data.message ?? response.statusText),
        Array.isArray(data.problems) ? data.problems : [],
      );
    }
    return response;
  }
  const json = async <T>(path: string, body?: unknown) => (await (await send(path, body)).json()) as T;
  const qs = (q: Record<string, string>) => `?${new URLSearchParams(q).toString()}`;
  return {
    previewImport: (file) => json('/api/register/import/preview', { file }),
    importChanges: (file, mapping) => json('/api/register/import/changes', { file, mapping }),
    confirmImport: (file, mapping, markLeft) => json('/api/register/import', { file, mapping, ...(markLeft ? { markLeft } : {}) }),
    imports: () => json('/api/register/imports'),
    undoImport: (importId) => json(`/api/register/imports/${encodeURIComponent(importId)}/undo`, {}),
    dashboard: () => json('/api/register/dashboard'),
    settings: () => json('/api/register/settings'),
    saveSettings: async (settings) => (await send('/api/register/settings', settings, 'PUT')).json() as Promise<RegisterSettingsRecord>,
    takeSnapshot: (term) => json('/api/register/snapshots', { term }),
    interventions: (pupilId) => json(`/api/interventions${pupilId ? qs({ pupil: pupilId }) : ''}`),
    createIntervention: (input) => json('/api/interventions', input),
    addMeasure: (id, measure) => json(`/api/interventions/${encodeURIComponent(id)}/measures`, measure),
    provisionMap: (query) => json(`/api/provision-map${qs(query)}`),
    provisionCsv: async (query) => (await send(`/api/provision-map.csv${qs(query)}`)).blob(),
  };
}

export interface AuditFinding {
  key: string;
  id: string;
  file: string;
  line: number;
  severity: string;
  description: string;
}
export const ACCEPTED: Record<string, string>;
export const ELECTRON_SOURCES: Record<string, string>;
export function auditElectron(sources?: Record<string, string>): Promise<{ errors: string[]; accepted: AuditFinding[]; unexpected: AuditFinding[] }>;

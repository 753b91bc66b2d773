// Guardrail scores and findings as the cockpit and the finding page show them.

export type GuardrailScoreRow = { cluster: string; namespace: string; score: number; passed: number; warnings: number; dangers: number };

export type GuardrailFindingRow = { id: string; cluster: string; namespace: string; target: string; check: string; severity: string; message: string; firstSeen: string };

export type GuardrailsView = { scores: GuardrailScoreRow[]; findings: GuardrailFindingRow[]; totalFindings: number };

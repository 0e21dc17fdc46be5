// Moved to adapters/kit/fingerprint.ts. This re-export stays only because src/pauses/ (being
// rewritten on another branch, not editable here) still imports this path. Delete once
// src/pauses imports adapters/kit.
export * from '../kit/fingerprint.js';

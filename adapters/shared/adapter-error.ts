// Moved to adapters/kit/adapter-error.ts. This re-export stays only because src/pauses/ (being
// rewritten on another branch, not editable here) still imports this path; same class, so
// `instanceof AdapterError` holds across both paths. Delete once src/pauses imports adapters/kit.
export * from '../kit/adapter-error.js';

export { LlmCallError, type LlmFailureReason } from './errors';
export { type LlmEngineOptions, createLlmEngine } from './llm-engine';
export { type LlmProvider, type LlmSettings, cappedFetch, createLanguageModel } from './providers';

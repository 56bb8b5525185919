export * from './fake-llm-server';
export { startFakeOpenAi, openAiProtocol } from './openai-protocol';
export { startFakeAnthropic, anthropicProtocol } from './anthropic-protocol';
export { agentOf, dataBlocks, scriptedAnswer, scriptedModel } from './scripted-model';

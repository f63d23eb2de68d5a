/**
 * agentgate inside another Node process: its configuration, services, HTTP
 * app and demo data, as `agentgate serve` puts them together. The benchmarks'
 * servers build on it; the build bundles it beside the command line, as
 * dist/embed.js.
 */
export { createServices } from './app/services.js';
export { loadConfig } from './config/config.js';
export { seedDemo } from './demo/seed.js';
export { buildApp } from './http/app.js';
export { EventProjector } from './board/event-projector.js';

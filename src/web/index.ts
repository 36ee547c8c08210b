export { startWebServer, type WebServer, type WebServerOptions } from './server.js';

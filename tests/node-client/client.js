// Independent client for the k8sgpt serve interop test: loads our .proto files with @grpc/proto-loader and
// calls Analyze, Query, ListIntegrations and grpc.health.v1.Health/Check. Prints one JSON document on stdout.
// Usage: node client.js <host:port> <schema proto dir> <query backend>
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, schemaDir, backend] = process.argv.slice(2);
if (!address || !schemaDir) {
  console.error('usage: node client.js <host:port> <schema proto dir> <query backend>');
  process.exit(2);
}

const definition = protoLoader.loadSync(
  [
    'schema/v1/server_analyzer_service.proto',
    'schema/v1/server_query_service.proto',
    'schema/v1/server_config_service.proto',
    'grpc/health/v1/health.proto',
  ],
  { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [schemaDir, path.join(__dirname, 'protos')] });
const loaded = grpc.loadPackageDefinition(definition);
const credentials = grpc.credentials.createInsecure();
const deadline = () => new Date(Date.now() + 30000);

function call(client, method, request) {
  return new Promise((resolve) => {
    client[method](request, { deadline: deadline() }, (error, response) => {
      resolve(error ? { error: { code: error.code, details: error.details } } : { response });
    });
  });
}

(async () => {
  const analyzer = new loaded.schema.v1.ServerAnalyzerService(address, credentials);
  const query = new loaded.schema.v1.ServerQueryService(address, credentials);
  const config = new loaded.schema.v1.ServerConfigService(address, credentials);
  const health = new loaded.grpc.health.v1.Health(address, credentials);
  const result = {
    analyze: await call(analyzer, 'Analyze', { namespace: '', output: 'json' }),
    query: await call(query, 'Query', { backend: backend || '', query: 'hello from node' }),
    list: await call(config, 'ListIntegrations', {}),
    health: await call(health, 'Check', { service: '' }),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
  for (const c of [analyzer, query, config, health]) c.close();
})().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});

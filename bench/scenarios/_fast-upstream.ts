/**
 * A stand-in for a fast tracking server, run as its own process by the
 * proxy-load scenario: every request gets the same ~4 KB experiments/search
 * answer. Prints `listening <port>` once ready; 127.0.0.1 only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const experiments = Array.from({ length: 20 }, (_, i) => ({
  experiment_id: String(i + 1),
  name: `experiment-${i + 1}`,
  artifact_location: `mlflow-artifacts:/${i + 1}`,
  lifecycle_stage: 'active',
  last_update_time: 1795800000000 + i,
  creation_time: 1795800000000 + i,
  tags: [{ key: 'mlflow.note.content', value: 'A stand-in experiment for the proxy benchmark' }],
}));
const body = Buffer.from(JSON.stringify({ experiments }));

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));

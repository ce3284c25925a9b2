// Validates Kubernetes documents against the API's JSON schemas (kubernetes-models, the Prometheus Operator's for
// monitoring.coreos.com and KEDA's for keda.sh). A kind with no schema here is INVALID, never skipped. Reads from stdin a JSON array of {"source": "...", "document": {...}}, as
// KubernetesManifestsTest sends it (parsed with SnakeYAML, as YAML 1.1 like kubectl); prints one line per document,
// "ok ..." or "INVALID ...: <schema errors>", and exits 1 when any is invalid.
import { readFileSync } from 'node:fs';

const entries = JSON.parse(readFileSync(0, 'utf8'));
let invalid = 0;
for (const { source, document } of entries) {
  const { apiVersion, kind } = document;
  const label = `${source} ${kind} ${document.metadata?.name}`;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const crds = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator', 'keda.sh': '@kubernetes-models/keda' };
  const module = crds[group]
    ? `${crds[group]}/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`;
  let model;
  try {
    model = (await import(module))[kind];
  } catch (e) {
    invalid++;
    console.log(`INVALID ${label}: no schema for ${apiVersion} ${kind} (${module})`);
    continue;
  }
  try {
    new model(document).validate();
    console.log(`ok ${label}`);
  } catch (e) {
    invalid++;
    console.log(`INVALID ${label}: ${e.message}`);
  }
}
process.exit(invalid ? 1 : 0);

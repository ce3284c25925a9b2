/**
 * The sandbox: an HTTP simulation of the cloud's container API ({@code docs/container-api.md}), flowbill's
 * embedded default and the ground truth of its tests and benchmarks. Plain Java on the JDK HTTP server, no Spring.
 *
 * <ul>
 *   <li>{@link io.flowbill.sandbox.SandboxServer} starts it from a {@link io.flowbill.sandbox.SandboxConfig};
 *       {@link io.flowbill.sandbox.SandboxMain} runs it standalone.</li>
 *   <li>{@link io.flowbill.sandbox.Fleet}: the containers, a generated fleet (deterministic for size and seed,
 *       stored in compact columns) plus the histories of the ones changed since; every status and attribute is
 *       derived from the {@link io.flowbill.sandbox.SandboxClock}.</li>
 *   <li>{@link io.flowbill.sandbox.FlowModel}: exact, additive traffic per container (integer rates times an
 *       hourly rhythm), printed by {@link io.flowbill.sandbox.FlowFormat}.</li>
 *   <li>{@link io.flowbill.sandbox.FaultSettings}: latency, rate limit, 5xx, 429, malformed flows, dropped
 *       connections and list churn, by rate or by exact countdown.</li>
 *   <li>{@link io.flowbill.sandbox.RequestStats}: what clients did, for assertions.</li>
 * </ul>
 */
package io.flowbill.sandbox;

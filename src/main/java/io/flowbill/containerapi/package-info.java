/**
 * The typed HTTP client of the cloud's container API ({@code docs/container-api.md}).
 *
 * <ul>
 *   <li>{@link io.flowbill.containerapi.ContainerApiClient}: every endpoint, synchronous and (for get, list and
 *       flow) asynchronous; built from {@link io.flowbill.containerapi.ContainerApiProperties}
 *       ({@code flowbill.api.*}) and a Micrometer registry, no Spring context needed.</li>
 *   <li>Records for the JSON, tolerant of the API's quirks: {@link io.flowbill.containerapi.Container},
 *       {@link io.flowbill.containerapi.ContainerStatus}, {@link io.flowbill.containerapi.ContainerFlow}, ...</li>
 *   <li>{@link io.flowbill.containerapi.FlowAmount}: the exact reading of flow strings such as {@code "18.61GB"}.</li>
 *   <li>{@link io.flowbill.containerapi.ContainerApiException} and
 *       {@link io.flowbill.containerapi.ContainerNotFoundException}: what a failed call surfaces.</li>
 * </ul>
 *
 * <p>Meters: {@code flowbill.api.requests} (timer; tags {@code endpoint}, {@code outcome}),
 * {@code flowbill.api.retries} (counter; {@code endpoint}, {@code reason}) and {@code flowbill.api.token.renewals}
 * (counter; {@code reason}). No container id is ever a tag.
 */
package io.flowbill.containerapi;

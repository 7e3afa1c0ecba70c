/**
 * The HTTP and websocket side every simulated venue shares, on loopback:
 * {@link io.exflux.testkit.server.FakeVenueServer} (scripted routes and websocket endpoints, bounded records of
 * what it received, a request body limit), {@link io.exflux.testkit.server.RouteTable} (method and path to a
 * handler; 404, 405, 406 in the venue's error shape), {@link io.exflux.testkit.server.Params} (query, form and
 * JSON body parameters with typed getters that refuse with the venue's 400),
 * {@link io.exflux.testkit.server.VenueFaults} (latency, 429, 5xx, resets, stalls, websocket drops),
 * {@link io.exflux.testkit.server.RequestBudget} and {@link io.exflux.testkit.server.TopicHub} (subscribe sets
 * per session and publishers). A venue words its errors through one {@link io.exflux.testkit.server.ErrorReply}.
 */
package io.exflux.testkit.server;

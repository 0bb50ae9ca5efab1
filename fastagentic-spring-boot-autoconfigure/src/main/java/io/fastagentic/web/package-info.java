/**
 * The request path of an agent request, in the order a request meets it: the paths kept
 * out of tracing, the HTTP server span's name and keys, the agent endpoints' routes, the
 * {@code auth.validate} filter (which leaves the caller's user id for the agent run) and
 * the {@code policy.check} filter, with the problem responses they answer. The SPIs the
 * filters call and their observation families live in {@code web.auth} and
 * {@code web.policy}.
 */
@NullMarked
package io.fastagentic.web;

import org.jspecify.annotations.NullMarked;

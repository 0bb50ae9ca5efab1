/**
 * Who calls an agent endpoint: the {@link io.fastagentic.web.auth.AgentAuthenticator}
 * SPI, the authenticators the starter ships (API keys, Spring Security, anonymous) and
 * the {@code auth.validate} observation family.
 */
@NullMarked
package io.fastagentic.web.auth;

import org.jspecify.annotations.NullMarked;

package io.fastagentic.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search service, bound from the {@code search.*} properties.
 *
 * @param slowDelay how long a query containing {@value SearchController#SLOW_MARKER}
 * waits before it is answered
 */
@ConfigurationProperties("search")
public record SearchProperties(@DefaultValue("6s") Duration slowDelay) {

}

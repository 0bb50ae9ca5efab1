package io.fastagentic.search;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web-search service that the sample agent's {@code search} tool calls when
 * {@code sample.search.base-url} points at it: {@code GET /search?q=...} answers
 * deterministic results, and fails or is slow on demand ({@link SearchController}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchServiceApplication {

	/**
	 * Starts the search service.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SearchServiceApplication.class, args);
	}

}

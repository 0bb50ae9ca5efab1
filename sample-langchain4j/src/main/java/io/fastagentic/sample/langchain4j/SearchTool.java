package io.fastagentic.sample.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The agent's {@code search} tool: a web search at {@code GET /search?q=...} reached with
 * Spring's {@link RestClient}, so that each search is an HTTP client span of its
 * {@code tool.call search} span.
 */
@Component
public class SearchTool {

	private final RestClient searchRestClient;

	/**
	 * Creates the tool.
	 * @param searchRestClient the client configured for the search service's base URL
	 */
	public SearchTool(RestClient searchRestClient) {
		this.searchRestClient = searchRestClient;
	}

	/**
	 * Searches the web.
	 * @param query what to search for
	 * @return the search results, as the search service's JSON document
	 */
	@Tool("Searches the web and returns the titles, addresses and snippets of the best results")
	public String search(@P("what to search for") String query) {
		// A URI variable, not string concatenation, so that the query is encoded.
		return this.searchRestClient.get().uri("/search?q={query}", query).retrieve().body(String.class);
	}

}

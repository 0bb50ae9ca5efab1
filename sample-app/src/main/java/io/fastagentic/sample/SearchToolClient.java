package io.fastagentic.sample;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The web-search service behind the agent's {@code search} tool ({@link SearchTools}),
 * reached over HTTP at {@code GET /search?q=...} with Spring's {@link RestClient}, so
 * that each search is an HTTP client span of its {@code tool.call search} span.
 */
@Component
public class SearchToolClient {

	private final RestClient restClient;

	/**
	 * Creates a client.
	 * @param searchRestClient the client configured for the search service's base URL
	 */
	public SearchToolClient(RestClient searchRestClient) {
		this.restClient = searchRestClient;
	}

	/**
	 * Searches the web.
	 * @param query what to search for
	 * @return the search results
	 * @throws ProviderException if the search service fails or cannot be reached
	 */
	public SearchResults search(String query) {
		SearchResults results;
		try {
			// A URI variable, not string concatenation, so that the query is encoded.
			results = this.restClient.get().uri("/search?q={query}", query).retrieve().body(SearchResults.class);
		}
		catch (RestClientException ex) {
			throw ProviderException.of("search", ex);
		}
		if (results == null || results.results() == null) {
			throw new ProviderException("search", "The search service returned no results list", null);
		}
		return results;
	}

	/**
	 * The answer of the search service.
	 *
	 * @param query the query that was searched
	 * @param results the results, best first
	 */
	public record SearchResults(String query, List<SearchResult> results) {

	}

	/**
	 * One search result.
	 *
	 * @param title the page title
	 * @param url the page address
	 * @param snippet an extract of the page
	 */
	public record SearchResult(String title, String url, String snippet) {

	}

}

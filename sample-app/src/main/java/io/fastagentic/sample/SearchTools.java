package io.fastagentic.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The agent's tools for one run, as Spring AI tools: the model calls {@code search} when
 * it decides to, and Spring AI traces each call as {@code tool.call search}. One instance
 * per run remembers the results it returned, so that the run's answer can list its
 * sources.
 */
public final class SearchTools {

	private final SearchToolClient client;

	private final List<SearchToolClient.SearchResult> found = new CopyOnWriteArrayList<>();

	/**
	 * Creates the tools of one run.
	 * @param client searches the web
	 */
	public SearchTools(SearchToolClient client) {
		this.client = client;
	}

	/**
	 * Searches the web.
	 * @param query what to search for
	 * @return the search results, best first
	 * @throws ProviderException if the search service fails or cannot be reached
	 */
	@Tool(name = "search", description = "Search the web. Returns the best matching pages, each with its title, "
			+ "url and a snippet; cite the pages you rely on.")
	public SearchToolClient.SearchResults search(@ToolParam(description = "what to search for") String query) {
		SearchToolClient.SearchResults results = this.client.search(query);
		this.found.addAll(results.results());
		return results;
	}

	/**
	 * Returns the addresses of every search result this run's searches returned.
	 * @return the addresses, in the order they were found
	 */
	public List<String> sources() {
		return this.found.stream().map(SearchToolClient.SearchResult::url).toList();
	}

}

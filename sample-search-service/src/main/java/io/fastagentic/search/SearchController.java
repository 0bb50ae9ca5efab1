package io.fastagentic.search;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /search?q=...}: three results for the query, in the format the sample
 * agent's search tool reads. A query containing {@value #FAIL_MARKER} is answered
 * {@code 500} (its server span ends with ERROR status); one containing
 * {@value #SLOW_MARKER} is answered after {@code search.slow-delay}. The sample agent
 * passes the user's message as the query, so a chat message with a marker makes the whole
 * distributed run fail or be slow.
 */
@RestController
class SearchController {

	/**
	 * Text that makes a query fail with {@code 500}.
	 */
	static final String FAIL_MARKER = "[fail]";

	/**
	 * Text that makes a query wait {@code search.slow-delay} before its answer.
	 */
	static final String SLOW_MARKER = "[slow]";

	private final SearchProperties properties;

	SearchController(SearchProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/search")
	SearchResults search(@RequestParam("q") String query) throws InterruptedException {
		if (query.contains(FAIL_MARKER)) {
			throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR,
					"The search service failed on purpose: the query contains " + FAIL_MARKER);
		}
		if (query.contains(SLOW_MARKER)) {
			Thread.sleep(this.properties.slowDelay().toMillis());
		}
		String topic = query.replace(SLOW_MARKER, "").strip();
		String path = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		return new SearchResults(query,
				List.of(new SearchResult(topic + " documentation", "https://docs.example.com/" + path,
						"The reference documentation of " + topic + "."),
						new SearchResult(topic + " in practice", "https://blog.example.com/" + path,
								"How teams run " + topic + " in production."),
						new SearchResult("Questions about " + topic, "https://forum.example.com/" + path,
								"What people ask about " + topic + ", answered.")));
	}

	/**
	 * The answer to a search.
	 *
	 * @param query the query that was searched
	 * @param results the results, best first
	 */
	record SearchResults(String query, List<SearchResult> results) {

	}

	/**
	 * One search result.
	 *
	 * @param title the page title
	 * @param url the page address
	 * @param snippet an extract of the page
	 */
	record SearchResult(String title, String url, String snippet) {

	}

}

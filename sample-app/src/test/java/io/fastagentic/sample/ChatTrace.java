package io.fastagentic.sample;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of the sample's {@code POST /chat} as it must arrive at a backend behind the
 * repository's collector pipeline ({@code otel-config.yaml}).
 */
final class ChatTrace {

	static final String SERVICE_NAME = "fastagentic-sample-agent";

	private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);

	private static final String ROOT = "HTTP POST /chat";

	private static final String RUN = "agent.run /chat";

	private static final Set<String> EXPECTED_NAMES = Set.of(ROOT, "auth.validate", "policy.check", RUN,
			"tool.call search", "llm.call gpt-4o-mini", "checkpoint.write");

	private ChatTrace() {
	}

	/**
	 * Whether every span the assertions look at has arrived (the collector may deliver
	 * one trace in several batches).
	 */
	static boolean isComplete(List<CollectedSpan> spans) {
		return spans.stream().map(CollectedSpan::name).collect(Collectors.toSet()).containsAll(EXPECTED_NAMES);
	}

	/**
	 * Polls a backend until the trace has arrived complete.
	 * @param trace reads the spans of the trace the backend has so far
	 * @param log the log of what sits between the application and the backend, for the
	 * failure message
	 * @return the spans of the trace
	 */
	static List<CollectedSpan> awaitComplete(Callable<List<CollectedSpan>> trace, Supplier<String> log) {
		try {
			return await().atMost(ARRIVAL_TIMEOUT)
				.pollInterval(Duration.ofMillis(100))
				.until(trace, ChatTrace::isComplete);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The chat's trace did not arrive complete within " + ARRIVAL_TIMEOUT
					+ "; the collector's log:\n" + log.get(), ex);
		}
	}

	/**
	 * Asserts the span tree, the resource's service name and the attribute that the
	 * collector's {@code attributes} processor inserts.
	 * @param spans the spans of one trace
	 * @param traceId the trace id of the {@code traceresponse} header
	 * @param httpSpanId the span id of the {@code traceresponse} header
	 */
	static void assertArrived(List<CollectedSpan> spans, String traceId, String httpSpanId) {
		CollectedSpan root = named(spans, ROOT);
		assertThat(root.spanId()).isEqualTo(httpSpanId);
		assertThat(root.parentSpanId()).as("parent of the root span").isEmpty();
		assertThat(childNames(spans, root)).containsExactlyInAnyOrder("auth.validate", "policy.check", RUN);
		assertThat(childNames(spans, named(spans, RUN))).contains("tool.call search", "llm.call gpt-4o-mini",
				"checkpoint.write");
		assertThat(spans).allSatisfy((span) -> {
			assertThat(span.traceId()).isEqualTo(traceId);
			assertThat(span.resource()).as("resource of '%s'", span.name()).containsEntry("service.name", SERVICE_NAME);
			assertThat(span.attributes()).as("attributes of '%s'", span.name())
				.containsEntry("environment", "production");
		});
	}

	private static CollectedSpan named(List<CollectedSpan> spans, String name) {
		List<CollectedSpan> matching = spans.stream().filter((span) -> span.name().equals(name)).toList();
		assertThat(matching).as("spans named '%s' in %s", name, spans.stream().map(CollectedSpan::name).toList())
			.hasSize(1);
		return matching.get(0);
	}

	private static List<String> childNames(List<CollectedSpan> spans, CollectedSpan parent) {
		return spans.stream()
			.filter((span) -> span.parentSpanId().equals(parent.spanId()))
			.map(CollectedSpan::name)
			.toList();
	}

}

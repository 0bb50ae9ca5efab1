package io.fastagentic.viewer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.fastagentic.export.InProcessSpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

import static io.fastagentic.viewer.ViewerSpans.child;
import static io.fastagentic.viewer.ViewerSpans.root;
import static io.fastagentic.viewer.ViewerSpans.span;
import static io.fastagentic.viewer.ViewerSpans.spanId;
import static io.fastagentic.viewer.ViewerSpans.traceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecentTraces}.
 */
class RecentTracesTests {

	@Test
	void keepsExactlyTheNewestTracesWhenMoreArrive() {
		RecentTraces traces = new RecentTraces(3, 10);
		for (int trace = 1; trace <= 7; trace++) {
			traces.export(List.of(root(trace, 1, "request " + trace, trace * 100L, trace * 100L + 50)));
		}
		assertThat(traces.size()).isEqualTo(3);
		assertThat(traces.find(TraceQuery.all())).extracting(TraceSummary::traceId)
			.containsExactly(traceId(7), traceId(6), traceId(5));
		assertThat(traces.get(traceId(4))).isNull();
		assertThat(traces.get(traceId(5))).isNotNull();
	}

	@Test
	void traceStillReceivingSpansIsNotEvicted() {
		RecentTraces traces = new RecentTraces(2, 10);
		traces.export(List.of(child(1, 2, 1, "tool.call search", 10, 20)));
		traces.export(List.of(child(2, 2, 1, "tool.call search", 30, 40)));
		// Trace 1's root ends last: trace 1 is now the most recently updated.
		traces.export(List.of(root(1, 1, "HTTP POST /chat", 0, 100)));
		traces.export(List.of(root(3, 1, "HTTP POST /chat", 200, 300)));
		assertThat(traces.find(TraceQuery.all())).extracting(TraceSummary::traceId)
			.containsExactlyInAnyOrder(traceId(1), traceId(3));
		assertThat(traces.get(traceId(1)).spans()).hasSize(2);
	}

	@Test
	void keepsAtMostTheConfiguredSpansOfATraceAndCountsTheOthers() {
		RecentTraces traces = new RecentTraces(10, 3);
		List<SpanData> spans = new ArrayList<>();
		for (int span = 2; span <= 6; span++) {
			spans.add(child(1, span, 1, "step " + span, span * 10L, span * 10L + 5));
		}
		traces.export(spans);
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.spanCount()).isEqualTo(3);
		assertThat(summary.droppedSpans()).isEqualTo(2);
		assertThat(traces.get(traceId(1)).spans()).extracting(RecordedSpan::name)
			.containsExactly("step 2", "step 3", "step 4");
		// Times of spans not kept still count.
		assertThat(summary.durationNanos()).isEqualTo(65 - 20);
	}

	@Test
	void rootSpanIsKeptEvenBeyondTheSpanBound() {
		RecentTraces traces = new RecentTraces(10, 2);
		traces.export(List.of(child(1, 2, 1, "auth.validate", 10, 20), child(1, 3, 1, "policy.check", 20, 30),
				child(1, 4, 1, "agent.run /chat", 30, 90)));
		traces.export(List.of(root(1, 1, "HTTP POST /chat", 0, 100), child(1, 5, 1, "late", 95, 99)));
		RecordedTrace trace = traces.get(traceId(1));
		assertThat(trace.spans()).extracting(RecordedSpan::name)
			.containsExactly("HTTP POST /chat", "auth.validate", "policy.check");
		assertThat(trace.summary().rootName()).isEqualTo("HTTP POST /chat");
		assertThat(trace.summary().spanCount()).isEqualTo(3);
		assertThat(trace.summary().droppedSpans()).isEqualTo(2);
	}

	@Test
	void summaryDescribesTheWholeTrace() {
		RecentTraces traces = new RecentTraces();
		long origin = Instant.parse("2026-11-24T12:00:00Z").getEpochSecond() * 1_000_000_000L;
		traces.export(
				List.of(span(1, 2, 1, "auth.validate", origin + 1_000, origin + 2_000, StatusData.unset(),
						Attributes.of(AttributeKey.stringKey("user_id"), "alice")),
						span(1, 3, 1, "agent.run /chat", origin + 3_000, origin + 9_000, StatusData.error(),
								Attributes.of(AttributeKey.stringKey("run_id"), "run-1",
										AttributeKey.stringKey("user_id"), "alice")),
						root(1, 1, "HTTP POST /chat", origin, origin + 10_000)));
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.traceId()).isEqualTo(traceId(1));
		assertThat(summary.rootName()).isEqualTo("HTTP POST /chat");
		assertThat(summary.start()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
		assertThat(summary.startEpochNanos()).isEqualTo(origin);
		assertThat(summary.durationNanos()).isEqualTo(10_000);
		assertThat(summary.status()).isEqualTo(TraceSummary.ERROR);
		assertThat(summary.spanCount()).isEqualTo(3);
		assertThat(summary.droppedSpans()).isZero();
		assertThat(summary.runId()).isEqualTo("run-1");
		assertThat(summary.userId()).isEqualTo("alice");
	}

	@Test
	void earliestSpanNamesATraceWhoseRootHasNotEndedYet() {
		RecentTraces traces = new RecentTraces();
		traces.export(List.of(child(1, 3, 1, "policy.check", 20, 30), child(1, 2, 1, "auth.validate", 10, 20)));
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.rootName()).isEqualTo("auth.validate");
		assertThat(summary.status()).isEqualTo(TraceSummary.OK);
	}

	@Test
	void spanWithARemoteParentIsTheRootOfItsProcessesPart() {
		RecentTraces traces = new RecentTraces();
		SpanData server = ViewerSpans.builder(1, 1, null, "HTTP POST /chat", 0, 100)
			.setParentSpanContext(ViewerSpans.context(1, 99, true))
			.build();
		traces.export(List.of(child(1, 2, 1, "agent.run /chat", 10, 90), server));
		RecordedTrace trace = traces.get(traceId(1));
		assertThat(trace.summary().rootName()).isEqualTo("HTTP POST /chat");
		assertThat(trace.spans().get(0).parentSpanId()).isEqualTo(spanId(99));
	}

	@Test
	void filtersByRunIdTraceIdAndErrors() {
		RecentTraces traces = new RecentTraces();
		traces.export(List.of(span(1, 1, null, "HTTP POST /chat", 0, 10, StatusData.unset(),
				Attributes.of(AttributeKey.stringKey("run_id"), "run-a"))));
		traces.export(List.of(span(2, 1, null, "HTTP POST /chat", 20, 30, StatusData.error(),
				Attributes.of(AttributeKey.stringKey("run_id"), "run-b"))));
		traces.export(List.of(root(3, 1, "HTTP GET /checkpoints/{runId}", 40, 50)));
		assertThat(traces.find(new TraceQuery("run-b", null, false))).extracting(TraceSummary::traceId)
			.containsExactly(traceId(2));
		assertThat(traces.find(new TraceQuery(null, traceId(3).toUpperCase(), false))).extracting(TraceSummary::traceId)
			.containsExactly(traceId(3));
		assertThat(traces.find(new TraceQuery(null, null, true))).extracting(TraceSummary::traceId)
			.containsExactly(traceId(2));
		assertThat(traces.find(new TraceQuery("run-a", null, true))).isEmpty();
		assertThat(traces.find(new TraceQuery("run-missing", null, false))).isEmpty();
		assertThat(traces.find(new TraceQuery(" ", "", false))).hasSize(3);
	}

	@Test
	void listsTheLatestStartFirst() {
		RecentTraces traces = new RecentTraces();
		traces.export(List.of(root(1, 1, "second", 200, 300)));
		traces.export(List.of(root(2, 1, "third", 400, 500)));
		traces.export(List.of(root(3, 1, "first", 100, 900)));
		assertThat(traces.find(TraceQuery.all())).extracting(TraceSummary::rootName)
			.containsExactly("third", "second", "first");
	}

	@Test
	void traceCarriesEverySpanWithItsParentageAttributesAndEvents() {
		RecentTraces traces = new RecentTraces();
		EventData exception = EventData.create(60, "exception",
				Attributes.of(AttributeKey.stringKey("exception.type"), "java.io.IOException"));
		SpanData llm = ViewerSpans.builder(1, 3, 2, "llm.call gpt-4o-mini", 50, 80)
			.setStatus(StatusData.create(StatusCode.ERROR, "provider failed"))
			.setAttributes(Attributes.of(AttributeKey.stringKey("model"), "gpt-4o-mini",
					AttributeKey.longKey("tokens.prompt"), 72L))
			.setEvents(List.of(exception))
			.setTotalRecordedEvents(1)
			.build();
		traces.export(List.of(llm, child(1, 2, 1, "agent.run /chat", 40, 90), root(1, 1, "HTTP POST /chat", 0, 100)));
		RecordedTrace trace = traces.get(traceId(1));
		assertThat(trace.spans()).extracting(RecordedSpan::name)
			.containsExactly("HTTP POST /chat", "agent.run /chat", "llm.call gpt-4o-mini");
		RecordedSpan http = trace.spans().get(0);
		assertThat(http.parentSpanId()).isNull();
		assertThat(http.kind()).isEqualTo("SERVER");
		assertThat(http.status()).isEqualTo("UNSET");
		assertThat(http.statusDescription()).isNull();
		RecordedSpan call = trace.spans().get(2);
		assertThat(call.spanId()).isEqualTo(spanId(3));
		assertThat(call.parentSpanId()).isEqualTo(spanId(2));
		assertThat(call.startEpochNanos()).isEqualTo(50);
		assertThat(call.endEpochNanos()).isEqualTo(80);
		assertThat(call.durationNanos()).isEqualTo(30);
		assertThat(call.start()).isEqualTo(Instant.ofEpochSecond(0, 50));
		assertThat(call.status()).isEqualTo("ERROR");
		assertThat(call.statusDescription()).isEqualTo("provider failed");
		assertThat(call.attributes()).containsExactly(Map.entry("model", "gpt-4o-mini"),
				Map.entry("tokens.prompt", 72L));
		assertThat(call.events()).singleElement().satisfies((event) -> {
			assertThat(event.name()).isEqualTo("exception");
			assertThat(event.epochNanos()).isEqualTo(60);
			assertThat(event.attributes()).containsEntry("exception.type", "java.io.IOException");
		});
	}

	@Test
	void unknownTraceIsNotFound() {
		assertThat(new RecentTraces().get(traceId(42))).isNull();
	}

	@Test
	void rejectsBoundsBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentTraces(0, 10))
			.withMessageContaining("traces kept");
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentTraces(10, 0))
			.withMessageContaining("spans kept per trace");
	}

	@Test
	void concurrentExportsAndReadsLoseNothingAndStayBounded() throws Exception {
		RecentTraces traces = new RecentTraces(50, 1000);
		int writers = 4;
		int tracesPerWriter = 100;
		ExecutorService executor = Executors.newFixedThreadPool(writers + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> work = new ArrayList<>();
			for (int writer = 0; writer < writers; writer++) {
				int first = writer * tracesPerWriter + 1;
				work.add(executor.submit(() -> {
					start.await();
					for (int trace = first; trace < first + tracesPerWriter; trace++) {
						traces.export(List.of(child(trace, 2, 1, "child", trace, trace + 1L),
								root(trace, 1, "root", trace, trace + 2L)));
					}
					return null;
				}));
			}
			work.add(executor.submit(() -> {
				start.await();
				for (int read = 0; read < 200; read++) {
					assertThat(traces.find(TraceQuery.all())).hasSizeLessThanOrEqualTo(50);
				}
				return null;
			}));
			start.countDown();
			for (Future<?> future : work) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<TraceSummary> kept = traces.find(TraceQuery.all());
		assertThat(kept).hasSize(50).allSatisfy((summary) -> {
			assertThat(summary.spanCount()).isEqualTo(2);
			assertThat(summary.rootName()).isEqualTo("root");
		});
	}

	@Test
	void isAnInProcessExporterThatAlwaysSucceeds() {
		RecentTraces traces = new RecentTraces();
		assertThat(traces).isInstanceOf(InProcessSpanExporter.class);
		assertThat(traces.export(List.of(root(1, 1, "a", 0, 1))).isSuccess()).isTrue();
		assertThat(traces.flush().isSuccess()).isTrue();
		assertThat(traces.shutdown().isSuccess()).isTrue();
	}

}

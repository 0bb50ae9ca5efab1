package io.fastagentic.viewer;

import java.time.Duration;
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
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
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

	private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

	private static final AttributeKey<String> MODEL = AttributeKey.stringKey("model");

	private static final AttributeKey<Long> PROMPT_TOKENS = AttributeKey.longKey("tokens.prompt");

	private static final AttributeKey<Long> COMPLETION_TOKENS = AttributeKey.longKey("tokens.completion");

	private static final AttributeKey<Double> COST = AttributeKey.doubleKey("cost");

	@Test
	void keepsExactlyTheNewestTracesWhenMoreArrive() {
		RecentTraces traces = new RecentTraces(3, 10, 10_000);
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
		RecentTraces traces = new RecentTraces(2, 10, 10_000);
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
		RecentTraces traces = new RecentTraces(10, 3, 10_000);
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
		RecentTraces traces = new RecentTraces(10, 2, 10_000);
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
		assertThat(summary.status()).isEqualTo(TraceStatus.ERROR);
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
		assertThat(summary.status()).isEqualTo(TraceStatus.OK);
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
	void filtersByRunIdTraceIdAndStatus() {
		RecentTraces traces = new RecentTraces();
		traces.export(List.of(span(1, 1, null, "HTTP POST /chat", 0, 10, StatusData.unset(),
				Attributes.of(AttributeKey.stringKey("run_id"), "run-a"))));
		traces.export(List.of(span(2, 1, null, "HTTP POST /chat", 20, 30, StatusData.error(),
				Attributes.of(AttributeKey.stringKey("run_id"), "run-b"))));
		traces.export(List.of(root(3, 1, "HTTP GET /checkpoints/{runId}", 40, 50)));
		assertThat(traces.find(query("run-b", null, null))).extracting(TraceSummary::traceId)
			.containsExactly(traceId(2));
		assertThat(traces.find(query(null, traceId(3).toUpperCase(), null))).extracting(TraceSummary::traceId)
			.containsExactly(traceId(3));
		assertThat(traces.find(query(null, null, TraceStatus.ERROR))).extracting(TraceSummary::traceId)
			.containsExactly(traceId(2));
		assertThat(traces.find(query(null, null, TraceStatus.OK))).extracting(TraceSummary::traceId)
			.containsExactlyInAnyOrder(traceId(1), traceId(3));
		assertThat(traces.find(query("run-a", null, TraceStatus.ERROR))).isEmpty();
		assertThat(traces.find(query("run-missing", null, null))).isEmpty();
		assertThat(traces.find(query(" ", "", null))).hasSize(3);
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
	void summaryCarriesTheRunTotalsOfTheAgentRun() {
		RecentTraces traces = new RecentTraces();
		Resource resource = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "sample-agent"));
		traces.export(List.of(
				attributed(ViewerSpans.builder(1, 3, 2, "llm.call gpt-4o-mini", 20, 30), resource,
						llmCall("gpt-4o-mini", 28, 3, 0.000006)),
				attributed(ViewerSpans.builder(1, 4, 2, "tool.call search", 30, 40), resource,
						Attributes.of(OPERATION, "execute_tool", AttributeKey.stringKey("tool"), "search")),
				attributed(ViewerSpans.builder(1, 5, 2, "llm.call gpt-4o-mini", 40, 80), resource,
						llmCall("gpt-4o-mini", 76, 41, 0.0000339)),
				attributed(ViewerSpans.builder(1, 2, 1, "agent.run /chat", 10, 90), resource,
						agentRun("/chat", "gpt-4o-mini", 2L, 104, 44, 0.0000399)),
				attributed(ViewerSpans.builder(1, 1, null, "HTTP POST /chat", 0, 100), resource,
						Attributes.of(AttributeKey.stringKey("http.route"), "/chat"))));
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.serviceName()).isEqualTo("sample-agent");
		assertThat(summary.endpoint()).isEqualTo("/chat");
		assertThat(summary.models()).containsExactly("gpt-4o-mini");
		assertThat(summary.llmCalls()).isEqualTo(2);
		assertThat(summary.toolCalls()).isEqualTo(1);
		assertThat(summary.promptTokens()).isEqualTo(104);
		assertThat(summary.completionTokens()).isEqualTo(44);
		assertThat(summary.totalTokens()).isEqualTo(148);
		assertThat(summary.cost()).isEqualTo(0.0000399);
	}

	@Test
	void runTotalsWinOverTheCallsAndAddUpAcrossRuns() {
		RecentTraces traces = new RecentTraces();
		// The calls carry other numbers than the runs: the runs' totals are listed.
		traces
			.export(List.of(span(1, 3, 2, "llm.call gpt-4o", 20, 30, StatusData.unset(), llmCall("gpt-4o", 1, 1, 1.0)),
					span(1, 2, 1, "agent.run /plan", 10, 40, StatusData.unset(),
							agentRun("/plan", "gpt-4o", 1L, 50, 10, 0.000225)),
					span(1, 4, 1, "agent.run /answer", 40, 90, StatusData.unset(),
							agentRun("/answer", "gpt-4o-mini", 2L, 80, 20, 0.0004))));
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.endpoint()).isEqualTo("/plan");
		assertThat(summary.models()).containsExactly("gpt-4o", "gpt-4o-mini");
		assertThat(summary.llmCalls()).isEqualTo(3);
		assertThat(summary.promptTokens()).isEqualTo(130);
		assertThat(summary.completionTokens()).isEqualTo(30);
		assertThat(summary.totalTokens()).isEqualTo(160);
		assertThat(summary.cost()).isEqualTo(0.000625);
	}

	@Test
	void callsOutsideAnAgentRunAreSummedFromTheirGenAiUsage() {
		RecentTraces traces = new RecentTraces();
		AttributeKey<Long> input = AttributeKey.longKey("gen_ai.usage.input_tokens");
		AttributeKey<Long> output = AttributeKey.longKey("gen_ai.usage.output_tokens");
		traces.export(List.of(
				span(1, 2, 1, "chat claude-sonnet-4", 10, 20, StatusData.unset(),
						Attributes.of(OPERATION, "chat", AttributeKey.stringKey("gen_ai.request.model"),
								"claude-sonnet-4", input, 28L, output, 3L, COST, 0.000006)),
				span(1, 3, 1, "chat claude-sonnet-4", 30, 40, StatusData.unset(),
						Attributes.of(OPERATION, "chat", AttributeKey.stringKey("gen_ai.request.model"),
								"claude-sonnet-4", input, 76L, output, 41L, COST, 0.0000339)),
				span(1, 1, null, "HTTP POST /ask", 0, 50, StatusData.unset(),
						Attributes.of(AttributeKey.stringKey("http.route"), "/ask"))));
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.endpoint()).isEqualTo("/ask");
		assertThat(summary.models()).containsExactly("claude-sonnet-4");
		assertThat(summary.llmCalls()).isEqualTo(2);
		assertThat(summary.toolCalls()).isZero();
		assertThat(summary.totalTokens()).isEqualTo(148);
		// An exact decimal sum, not 0.000039900000000000004.
		assertThat(summary.cost()).isEqualTo(0.0000399);
	}

	@Test
	void traceWithoutLlmCallsHasNoTokensNorCost() {
		RecentTraces traces = new RecentTraces();
		traces.export(List.of(
				span(1, 2, 1, "agent.run /chat", 10, 20, StatusData.unset(),
						Attributes.of(OPERATION, "invoke_agent", AttributeKey.stringKey("endpoint"), "/chat")),
				root(1, 1, "HTTP POST /chat", 0, 30)));
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.llmCalls()).isZero();
		assertThat(summary.models()).isEmpty();
		assertThat(summary.promptTokens()).isNull();
		assertThat(summary.totalTokens()).isNull();
		assertThat(summary.cost()).isNull();
		assertThat(summary.serviceName()).isNull();
	}

	@Test
	void unpricedCallsHaveTokensButNoCost() {
		RecentTraces traces = new RecentTraces();
		traces.export(List.of(span(1, 1, null, "llm.call my-model", 0, 10, StatusData.unset(),
				Attributes.of(OPERATION, "chat", MODEL, "my-model", PROMPT_TOKENS, 5L))));
		TraceSummary summary = traces.find(TraceQuery.all()).get(0);
		assertThat(summary.promptTokens()).isEqualTo(5);
		assertThat(summary.completionTokens()).isZero();
		assertThat(summary.cost()).isNull();
	}

	@Test
	void modelsAreListedOnceEachAndBounded() {
		RecentTraces traces = new RecentTraces();
		List<SpanData> spans = new ArrayList<>();
		for (int call = 0; call < 12; call++) {
			spans.add(span(1, call + 2, 1, "llm.call", call, call + 1L, StatusData.unset(),
					llmCall("model-" + (call % 10), 1, 1, 0.5)));
		}
		traces.export(spans);
		assertThat(traces.find(TraceQuery.all()).get(0).models()).hasSize(8)
			.containsExactly("model-0", "model-1", "model-2", "model-3", "model-4", "model-5", "model-6", "model-7");
	}

	@Test
	void totalSpanBoundEvictsTheLeastRecentlyUpdatedTraces() {
		RecentTraces traces = new RecentTraces(100, 10, 5);
		traces.export(List.of(child(1, 2, 1, "a", 0, 1), child(1, 3, 1, "b", 1, 2), root(1, 1, "first", 0, 3)));
		traces.export(List.of(child(2, 2, 1, "a", 10, 11), root(2, 1, "second", 10, 13)));
		assertThat(traces.spanCount()).isEqualTo(5);
		traces.export(List.of(root(3, 1, "third", 20, 23)));
		assertThat(traces.find(TraceQuery.all())).extracting(TraceSummary::rootName).containsExactly("third", "second");
		assertThat(traces.spanCount()).isEqualTo(3);
		assertThat(traces.get(traceId(1))).isNull();
	}

	@Test
	void traceKeepsNoMoreThanTheTotalSpanBoundAndEvictsAllOthers() {
		RecentTraces traces = new RecentTraces(100, 1000, 4);
		traces.export(List.of(root(1, 1, "small", 0, 1)));
		List<SpanData> spans = new ArrayList<>();
		for (int span = 2; span <= 8; span++) {
			spans.add(child(2, span, 1, "step " + span, span, span + 1L));
		}
		traces.export(spans);
		assertThat(traces.find(TraceQuery.all())).singleElement().satisfies((summary) -> {
			assertThat(summary.traceId()).isEqualTo(traceId(2));
			assertThat(summary.spanCount()).isEqualTo(4);
			assertThat(summary.droppedSpans()).isEqualTo(3);
		});
		assertThat(traces.spanCount()).isEqualTo(4);
	}

	@Test
	void filtersByEndpointModelDurationCostAndText() {
		RecentTraces traces = new RecentTraces();
		traces.export(
				List.of(span(1, 2, 1, "llm.call gpt-4o", 10, 20, StatusData.unset(), llmCall("gpt-4o", 50, 10, 0.0002)),
						span(1, 1, null, "agent.run /chat", 0, 1_000_000_000, StatusData.unset(),
								agentRun("/chat", "gpt-4o", 1L, 50, 10, 0.0002))));
		traces.export(List.of(
				span(2, 2, 1, "tool.call Weather", 10, 20, StatusData.unset(),
						Attributes.of(OPERATION, "execute_tool", AttributeKey.stringKey("error.type"),
								"TimeoutException")),
				span(2, 1, null, "agent.run /ask", 0, 2_000_000, StatusData.unset(),
						agentRun("/ask", "gpt-4o-mini", 1L, 10, 10, 0.00001))));
		traces.export(List.of(root(3, 1, "HTTP GET /health", 0, 1000)));
		assertThat(ids(traces, new TraceQuery(null, null, null, "/ask", null, null, null, null)))
			.containsExactly(traceId(2));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, "gpt-4o", null, null, null)))
			.containsExactly(traceId(1));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, Duration.ofMillis(2), null, null)))
			.containsExactlyInAnyOrder(traceId(1), traceId(2));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, Duration.ofMillis(3), null, null)))
			.containsExactly(traceId(1));
		// A trace without a cost is never at least that expensive.
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, null, 0.0, null)))
			.containsExactlyInAnyOrder(traceId(1), traceId(2));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, null, 0.0001, null)))
			.containsExactly(traceId(1));
		// Span names and attribute values, ignoring case.
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, null, null, "weather")))
			.containsExactly(traceId(2));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, null, null, "timeoutexc")))
			.containsExactly(traceId(2));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, null, null, "GPT-4o")))
			.containsExactlyInAnyOrder(traceId(1), traceId(2));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, null, null, "/HEALTH")))
			.containsExactly(traceId(3));
		assertThat(ids(traces, new TraceQuery(null, null, null, null, null, null, null, "nowhere"))).isEmpty();
		assertThat(ids(traces, new TraceQuery(null, null, null, " ", "", null, null, " "))).hasSize(3);
	}

	@Test
	void spanCarriesItsLinks() {
		RecentTraces traces = new RecentTraces();
		SpanData consumer = ViewerSpans.builder(1, 1, null, "process message", 0, 10)
			.setLinks(List.of(LinkData.create(ViewerSpans.context(7, 3, true),
					Attributes.of(AttributeKey.stringKey("messaging.operation"), "send"))))
			.setTotalRecordedLinks(1)
			.build();
		traces.export(List.of(consumer));
		assertThat(traces.get(traceId(1)).spans().get(0).links()).singleElement().satisfies((link) -> {
			assertThat(link.traceId()).isEqualTo(traceId(7));
			assertThat(link.spanId()).isEqualTo(spanId(3));
			assertThat(link.attributes()).containsExactly(Map.entry("messaging.operation", "send"));
		});
	}

	@Test
	void unknownTraceIsNotFound() {
		assertThat(new RecentTraces().get(traceId(42))).isNull();
	}

	@Test
	void rejectsBoundsBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentTraces(0, 10, 10_000))
			.withMessageContaining("traces kept");
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentTraces(10, 0, 10_000))
			.withMessageContaining("spans kept per trace");
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentTraces(10, 10, 0))
			.withMessageContaining("spans kept in all");
	}

	@Test
	void concurrentExportsAndReadsLoseNothingAndStayBounded() throws Exception {
		RecentTraces traces = new RecentTraces(50, 1000, 10_000);
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

	private static TraceQuery query(String runId, String traceId, TraceStatus status) {
		return new TraceQuery(runId, traceId, status, null, null, null, null, null);
	}

	private static List<String> ids(RecentTraces traces, TraceQuery query) {
		return traces.find(query).stream().map(TraceSummary::traceId).toList();
	}

	private static SpanData attributed(TestSpanData.Builder span, Resource resource, Attributes attributes) {
		return span.setResource(resource).setAttributes(attributes).build();
	}

	private static Attributes llmCall(String model, long prompt, long completion, double cost) {
		return Attributes.builder()
			.put(OPERATION, "chat")
			.put(MODEL, model)
			.put(PROMPT_TOKENS, prompt)
			.put(COMPLETION_TOKENS, completion)
			.put(COST, cost)
			.build();
	}

	private static Attributes agentRun(String endpoint, String model, Long llmCalls, long prompt, long completion,
			double cost) {
		return Attributes.builder()
			.put(OPERATION, "invoke_agent")
			.put(AttributeKey.stringKey("endpoint"), endpoint)
			.put(MODEL, model)
			.put(AttributeKey.longKey("llm.calls"), llmCalls)
			.put(PROMPT_TOKENS, prompt)
			.put(COMPLETION_TOKENS, completion)
			.put(COST, cost)
			.build();
	}

}

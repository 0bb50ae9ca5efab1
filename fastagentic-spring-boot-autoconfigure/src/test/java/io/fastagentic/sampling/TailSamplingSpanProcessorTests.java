package io.fastagentic.sampling;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link RuleBasedSampler} and {@link TailSamplingSpanProcessor} on a real SDK
 * with a test clock: whole traces kept by rule, nothing kept otherwise, bounded buffers.
 */
class TailSamplingSpanProcessorTests {

	private final TestClock clock = TestClock.create();

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SpanProcessor exportPipeline = SimpleSpanProcessor.create(this.exporter);

	private final SamplingMonitor monitor = new SamplingMonitor();

	private SdkTracerProvider provider;

	@AfterEach
	void close() {
		if (this.provider != null) {
			this.provider.close();
		}
	}

	@Test
	void failedTraceIsExportedWholeAtRateZero() {
		Tracer tracer = tracer(0.0, true, null, limits(100, 1000));
		Span root = tracer.spanBuilder("HTTP POST /chat").setSpanKind(SpanKind.SERVER).startSpan();
		Span run = child(tracer, root, "agent.run /chat");
		Span llm = child(tracer, run, "llm.call gpt-4");
		llm.setStatus(StatusCode.ERROR);
		llm.end();
		run.end();
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		root.end();
		assertThat(names(this.exporter.getFinishedSpanItems())).containsExactlyInAnyOrder("HTTP POST /chat",
				"agent.run /chat", "llm.call gpt-4");
		assertThat(this.exporter.getFinishedSpanItems())
			.allSatisfy((span) -> assertThat(span.getSpanContext().isSampled()).isTrue());
		assertThat(this.monitor.kept("error")).isEqualTo(1);
		assertThat(this.monitor.bufferedTraces()).isZero();
		assertThat(this.monitor.bufferedSpans()).isZero();
	}

	@Test
	void deferredAttributesAreBuiltOnlyForAKeptTrace() {
		TailSamplingSpanProcessor tail = tail(0.0, true, null, limits(100, 1000));
		Tracer tracer = this.provider.get("test");
		AtomicInteger built = new AtomicInteger();
		Span discardedRoot = tracer.spanBuilder("HTTP POST /chat").startSpan();
		Span discardedRun = child(tracer, discardedRoot, "agent.run /chat");
		assertThat(tail.deferredAttributes().defer(discardedRun, () -> {
			built.incrementAndGet();
			return Attributes.of(AttributeKey.stringKey("run_id"), "run-1");
		})).isTrue();
		discardedRun.end();
		discardedRoot.end();
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		assertThat(built).hasValue(0);

		Span keptRoot = tracer.spanBuilder("HTTP POST /chat").startSpan();
		Span keptRun = child(tracer, keptRoot, "agent.run /chat");
		keptRun.setAttribute("duration_ms", 12L);
		tail.deferredAttributes()
			.defer(keptRun, () -> Attributes.of(AttributeKey.stringKey("run_id"), "run-2",
					AttributeKey.longKey("llm.calls"), 2L));
		keptRun.setStatus(StatusCode.ERROR);
		keptRun.end();
		tail.deferredAttributes()
			.defer(keptRoot, () -> Attributes.of(AttributeKey.longKey("http.response.status_code"), 200L));
		keptRoot.end();
		SpanData run = this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals("agent.run /chat"))
			.findFirst()
			.orElseThrow();
		assertThat(run.getAttributes().asMap()).containsOnly(entry(AttributeKey.longKey("duration_ms"), 12L),
				entry(AttributeKey.stringKey("run_id"), "run-2"), entry(AttributeKey.longKey("llm.calls"), 2L));
		assertThat(run.getTotalAttributeCount()).isEqualTo(3);
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(2);
	}

	@Test
	void deferredAttributesGoOnlyToTheSpanTheyWereOfferedFor() {
		TailSamplingSpanProcessor tail = tail(0.0, true, null, limits(100, 1000));
		Tracer tracer = this.provider.get("test");
		Span root = tracer.spanBuilder("HTTP POST /chat").startSpan();
		Span run = child(tracer, root, "agent.run /chat");
		Span tool = child(tracer, run, "tool.call search");
		tail.deferredAttributes().defer(run, () -> Attributes.of(AttributeKey.stringKey("run_id"), "run-1"));
		tool.setStatus(StatusCode.ERROR);
		tool.end();
		run.end();
		root.end();
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(3)
			.allSatisfy((span) -> assertThat(span.getAttributes().get(AttributeKey.stringKey("run_id")))
				.isEqualTo(span.getName().equals("agent.run /chat") ? "run-1" : null));
	}

	@Test
	void aDeferredRootIsJudgedByItsStatusWithoutBuildingItsAttributes() {
		TailSamplingSpanProcessor tail = tail(0.0, true, null, limits(100, 1000));
		Tracer tracer = this.provider.get("test");
		AtomicInteger built = new AtomicInteger();
		Span ordinary = tracer.spanBuilder("HTTP POST /chat").startSpan();
		tail.deferredAttributes().defer(ordinary, () -> {
			built.incrementAndGet();
			return Attributes.of(AttributeKey.longKey("http.response.status_code"), 200L);
		});
		ordinary.end();
		assertThat(built).hasValue(0);
		Span failed = tracer.spanBuilder("HTTP POST /chat").startSpan();
		tail.deferredAttributes().defer(failed, () -> {
			built.incrementAndGet();
			return Attributes.of(AttributeKey.longKey("http.response.status_code"), 503L);
		});
		failed.setStatus(StatusCode.ERROR);
		failed.end();
		assertThat(this.exporter.getFinishedSpanItems()).singleElement()
			.satisfies((span) -> assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
				.isEqualTo(503L));
		assertThat(built).hasValue(1);
	}

	@Test
	void deferredAttributesKeepTheSpanLimits() {
		TailSamplingSpanProcessor tail = tail(0.0, true, null, limits(100, 1000));
		Span root = this.provider.get("test").spanBuilder("HTTP POST /chat").startSpan();
		root.setAttribute("status", 500L);
		root.setStatus(StatusCode.ERROR);
		tail.deferredAttributes()
			.defer(root,
					() -> Attributes.builder()
						.put("a", "0123456789")
						.put(AttributeKey.stringArrayKey("b"), List.of("abcdefghijk", "x"))
						.put("c", true)
						.put("d", 1L)
						.put("e", 2L)
						.build());
		root.end();
		assertThat(this.exporter.getFinishedSpanItems()).singleElement()
			.satisfies((span) -> assertThat(span.getAttributes().asMap()).containsOnly(
					entry(AttributeKey.longKey("status"), 500L), entry(AttributeKey.stringKey("a"), "01234567"),
					entry(AttributeKey.stringArrayKey("b"), List.of("abcdefgh", "x")),
					entry(AttributeKey.booleanKey("c"), true)));
	}

	@Test
	void sampledSpansAreNeverDeferred() {
		TailSamplingSpanProcessor tail = tail(1.0, true, null, limits(100, 1000));
		Span root = this.provider.get("test").spanBuilder("HTTP POST /chat").startSpan();
		assertThat(tail.deferredAttributes().defer(root, Attributes::empty)).isFalse();
		root.end();
	}

	@Test
	void serverErrorStatusOnTheRootKeepsTheTrace() {
		Tracer tracer = tracer(0.0, true, null, limits(100, 1000));
		Span root = tracer.spanBuilder("HTTP POST /chat").startSpan();
		child(tracer, root, "agent.run /chat").end();
		root.setAttribute("http.response.status_code", "503");
		root.end();
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(2);
	}

	@Test
	void successfulTraceIsDiscardedAtRateZero() {
		Tracer tracer = tracer(0.0, true, Duration.ofSeconds(5), limits(100, 1000));
		Span root = tracer.spanBuilder("HTTP POST /chat").startSpan();
		child(tracer, root, "agent.run /chat").end();
		this.clock.advance(Duration.ofSeconds(4));
		root.end();
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		assertThat(this.monitor.discarded()).isEqualTo(1);
		assertThat(this.monitor.bufferedTraces()).isZero();
	}

	@Test
	void slowTraceIsExportedWhole() {
		Tracer tracer = tracer(0.0, false, Duration.ofSeconds(5), limits(100, 1000));
		Span root = tracer.spanBuilder("HTTP POST /chat").startSpan();
		child(tracer, root, "tool.call search").end();
		this.clock.advance(Duration.ofMillis(5001));
		root.end();
		assertThat(names(this.exporter.getFinishedSpanItems())).containsExactlyInAnyOrder("HTTP POST /chat",
				"tool.call search");
		assertThat(this.monitor.kept("slow")).isEqualTo(1);
	}

	@Test
	void errorRuleOffIgnoresErrors() {
		Tracer tracer = tracer(0.0, false, Duration.ofSeconds(5), limits(100, 1000));
		Span root = tracer.spanBuilder("HTTP POST /chat").startSpan();
		root.setStatus(StatusCode.ERROR);
		root.end();
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
	}

	@Test
	void lateSpanOfAKeptTraceFollowsTheDecision() {
		Tracer tracer = tracer(0.0, true, null, limits(100, 1000));
		Span root = tracer.spanBuilder("HTTP POST /chat").startSpan();
		Span late = child(tracer, root, "stream.emit token");
		root.setStatus(StatusCode.ERROR);
		root.end();
		late.end();
		assertThat(names(this.exporter.getFinishedSpanItems())).containsExactlyInAnyOrder("HTTP POST /chat",
				"stream.emit token");
	}

	@Test
	void ratioSampledTracesGoStraightToExportAndAreCounted() {
		Tracer tracer = tracer(1.0, true, null, limits(100, 1000));
		Span root = tracer.spanBuilder("HTTP POST /chat").startSpan();
		child(tracer, root, "agent.run /chat").end();
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(1);
		root.end();
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(2);
		assertThat(this.monitor.kept("ratio")).isEqualTo(1);
		assertThat(this.monitor.bufferedTraces()).isZero();
	}

	@Test
	void floodOfNeverEndingRootsStaysBoundedAndCountsEvictions() {
		Tracer tracer = tracer(0.0, true, null, limits(100, 150));
		for (int i = 0; i < 5000; i++) {
			Span root = tracer.spanBuilder("HTTP GET /stream").startSpan();
			child(tracer, root, "stream.emit token").end();
			child(tracer, root, "stream.emit done").end();
		}
		assertThat(this.monitor.bufferedTraces()).isLessThanOrEqualTo(100);
		assertThat(this.monitor.bufferedSpans()).isLessThanOrEqualTo(150);
		assertThat(this.monitor.evicted()).isEqualTo(5000 - this.monitor.bufferedTraces());
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
	}

	@Test
	void abandonedTraceIsEvictedAfterTheTimeout() {
		Tracer tracer = tracer(0.0, true, null, limits(100, 1000));
		Span abandoned = tracer.spanBuilder("HTTP GET /stream").startSpan();
		child(tracer, abandoned, "stream.emit token").end();
		this.clock.advance(Duration.ofSeconds(61));
		Span other = tracer.spanBuilder("HTTP POST /chat").startSpan();
		child(tracer, other, "agent.run /chat").end();
		assertThat(this.monitor.evicted()).isEqualTo(1);
		assertThat(this.monitor.bufferedTraces()).isEqualTo(1);
		abandoned.setStatus(StatusCode.ERROR);
		abandoned.end();
		assertThat(names(this.exporter.getFinishedSpanItems())).containsExactly("HTTP GET /stream");
	}

	@Test
	void incomingSampledParentIsFollowedAtRateZero() {
		RuleBasedSampler sampler = RuleBasedSampler.create(0.0);
		assertThat(decision(sampler, TraceFlags.getSampled())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void incomingUnsampledParentIsNotSampledAtRateOne() {
		RuleBasedSampler sampler = RuleBasedSampler.create(1.0);
		assertThat(decision(sampler, TraceFlags.getDefault())).isEqualTo(SamplingDecision.RECORD_ONLY);
	}

	@Test
	void ratioKeepsItsShareOfNewTraces() {
		RuleBasedSampler sampler = RuleBasedSampler.create(0.1);
		Random random = new Random(7);
		int kept = 0;
		for (int i = 0; i < 10_000; i++) {
			String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
			if (sampler.shouldSample(Context.root(), traceId, "root", SpanKind.SERVER, Attributes.empty(), List.of())
				.getDecision() == SamplingDecision.RECORD_AND_SAMPLE) {
				kept++;
			}
		}
		// Binomial(10 000, 0.1): mean 1000, standard deviation 30; 5 standard deviations
		// either side fail one run in about 3.5 million.
		assertThat(kept).isBetween(850, 1150);
	}

	@Test
	void invalidRateIsRejected() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> RuleBasedSampler.create(1.5))
			.withMessageContaining("from 0.0 to 1.0");
	}

	private static SamplingDecision decision(RuleBasedSampler sampler, TraceFlags flags) {
		SpanContext parent = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
				flags, TraceState.getDefault());
		return sampler
			.shouldSample(Context.root().with(Span.wrap(parent)), parent.getTraceId(), "HTTP POST /chat",
					SpanKind.SERVER, Attributes.empty(), List.of())
			.getDecision();
	}

	private Tracer tracer(double rate, boolean errors, Duration slowThreshold,
			TailSamplingSpanProcessor.Limits limits) {
		tail(rate, errors, slowThreshold, limits);
		return this.provider.get("test");
	}

	private TailSamplingSpanProcessor tail(double rate, boolean errors, Duration slowThreshold,
			TailSamplingSpanProcessor.Limits limits) {
		TailSamplingSpanProcessor tail = new TailSamplingSpanProcessor(() -> this.exportPipeline,
				new TailSamplingSpanProcessor.Rules(errors, slowThreshold), limits, this.clock, this.monitor,
				SpanLimits.builder().setMaxNumberOfAttributes(4).setMaxAttributeValueLength(8).build());
		this.provider = SdkTracerProvider.builder()
			.setClock(this.clock)
			.setSampler(RuleBasedSampler.create(rate))
			.addSpanProcessor(this.exportPipeline)
			.addSpanProcessor(tail)
			.build();
		return tail;
	}

	private static TailSamplingSpanProcessor.Limits limits(int traces, int spans) {
		return new TailSamplingSpanProcessor.Limits(traces, spans, Duration.ofSeconds(60));
	}

	private static Span child(Tracer tracer, Span parent, String name) {
		return tracer.spanBuilder(name).setParent(Context.root().with(parent)).startSpan();
	}

	private static List<String> names(List<SpanData> spans) {
		return spans.stream().map(SpanData::getName).toList();
	}

}

package io.fastagentic.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two services traced by the starter behind the repository's two-tier collector
 * deployment, every process on loopback: the sample agent (in process) and the search
 * service it calls over HTTP (a JVM of its own) export everything to one first-tier
 * collector ({@code otel-config-first-tier.yaml}), whose {@code load_balancing} exporter
 * routes each span by trace id to one of two gateways ({@code otel-config-gateway.yaml},
 * tail sampling on the repository's three rules, the thresholds from their environment
 * variables, the exporter replaced by a {@code file} exporter per gateway). Fast, failing
 * ({@code [fail]}: the search service answers 500) and slow ({@code [slow]}: it answers
 * after a delay above the slow threshold) runs are sent; then one gateway is stopped,
 * more runs are sent, and it is started again at the same address.
 * <p>
 * When a run's trace has been decided is read from the gateways' own count of decisions
 * (their Prometheus endpoint), and what they kept from their files, polled with a
 * deadline: no test step waits for a fixed time.
 */
class CollectorTierEndToEndTests {

	private static final int SAMPLE_PERCENTAGE = 25;

	private static final int SLOW_THRESHOLD_MS = 3000;

	/**
	 * Above the slow threshold; a fast run takes well under a second.
	 */
	private static final Duration SLOW_DELAY = Duration.ofSeconds(4);

	/**
	 * Above the longest run (the slow delay and the two LLM calls) plus the services'
	 * export delay.
	 */
	private static final Duration DECISION_WAIT = Duration.ofSeconds(8);

	private static final int FAST_RUNS_PER_PHASE = 120;

	private static final int FAILING_RUNS_PER_PHASE = 4;

	private static final int SLOW_RUNS_PER_PHASE = 3;

	/**
	 * Standard deviations allowed between the fast runs kept and their expected number:
	 * each fast trace is kept by the rate rule independently with probability p (a hash
	 * of a random trace id), so the count is binomial; a true rate fails this bound with
	 * probability below 1e-5.
	 */
	private static final double ALLOWED_STANDARD_DEVIATIONS = 4.5;

	private static final String AGENT = "fastagentic-sample-agent";

	private static final String SEARCH_SERVICE = "fastagentic-search-service";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path directory;

	private final List<AutoCloseable> started = new ArrayList<>();

	private final SampleApps apps = new SampleApps(true);

	@BeforeEach
	void assumeCollectorBuilt() {
		Collector.assumeBuilt();
	}

	@AfterEach
	void stop() throws Exception {
		this.apps.close();
		Collections.reverse(this.started);
		for (AutoCloseable process : this.started) {
			process.close();
		}
	}

	@Test
	void gatewaysKeepFailingAndSlowDistributedRunsWholeAndTheRestAtTheRate() throws Exception {
		Gateway first = startGateway("gateway-1");
		Gateway second = startGateway("gateway-2");
		Collector firstTier = started(
				Collector.start(this.directory, "first-tier", "otel-config-first-tier.yaml", Map.of(), """
						exporters:
						  load_balancing:
						    protocol:
						      otlp:
						        retry_on_failure:
						          initial_interval: 100ms
						          max_interval: 500ms
						    resolver:
						      static:
						        hostnames: [%s, %s]
						""".formatted(first.collector.grpcAddress(), second.collector.grpcAddress())));
		SearchServiceProcess search = started(
				SearchServiceProcess.start(this.directory, "--fastagentic.otel.endpoint=" + firstTier.httpEndpoint(),
						"--management.opentelemetry.tracing.export.schedule-delay=10ms",
						"--search.slow-delay=" + SLOW_DELAY.toMillis() + "ms"));
		ConfigurableApplicationContext agent = this.apps.start(
				"--fastagentic.otel.endpoint=" + firstTier.httpEndpoint(),
				"--sample.search.base-url=" + search.baseUrl());
		Supplier<String> logs = () -> "first tier:\n" + firstTier.log() + "\nsearch service:\n" + search.log();

		// Both gateways up.
		List<Run> firstPhase = send(agent, Run.Kind.WARM_UP, Run.Kind.WARM_UP);
		firstPhase.addAll(sendPhase(agent));
		awaitDecided(firstPhase.size(), List.of(first, second), logs);

		// One gateway stops: the first tier holds the spans routed to it and retries
		// them.
		second.collector.close();
		long decidedByFirst = first.decisions().total();
		List<Run> secondPhase = sendPhase(agent);
		String secondAddress = second.collector.grpcAddress();
		awaitLog(firstTier, "Exporting failed. Will retry the request after interval.", secondAddress);
		Gateway restarted = new Gateway(second.name, started(second.collector.restart()), second.file,
				second.metricsPort, second.keptTraces().size());
		awaitDecided(decidedByFirst + secondPhase.size(), List.of(first, restarted), logs);

		Map<String, List<CollectedSpan>> keptByFirst = first.keptTraces();
		Map<String, List<CollectedSpan>> keptBySecond = restarted.keptTraces();
		assertThat(keptByFirst.keySet()).as("traces on both gateways")
			.doesNotContainAnyElementsOf(keptBySecond.keySet());
		Map<String, List<CollectedSpan>> kept = new HashMap<>(keptByFirst);
		kept.putAll(keptBySecond);
		List<Run> runs = new ArrayList<>(firstPhase);
		runs.addAll(secondPhase);
		assertThat(secondPhase).as("runs of the second phase kept by the restarted gateway")
			.anyMatch((run) -> keptBySecond.containsKey(run.traceId()));
		for (Run run : runs) {
			if (run.kind() == Run.Kind.FAILING || run.kind() == Run.Kind.SLOW) {
				assertThat(kept).as("the %s run %s", run.kind(), run.traceId()).containsKey(run.traceId());
			}
			if (kept.containsKey(run.traceId())) {
				assertWhole(kept.get(run.traceId()), SampleApps.spans(agent).trace(run.traceId()), run);
			}
		}
		long fastRuns = runs.stream().filter((run) -> run.kind() == Run.Kind.FAST).count();
		long fastKept = runs.stream()
			.filter((run) -> run.kind() == Run.Kind.FAST && kept.containsKey(run.traceId()))
			.count();
		double p = SAMPLE_PERCENTAGE / 100.0;
		double expected = fastRuns * p;
		double allowed = ALLOWED_STANDARD_DEVIATIONS * Math.sqrt(fastRuns * p * (1 - p));
		assertThat((double) fastKept).as("fast runs kept of %d at %d %%", fastRuns, SAMPLE_PERCENTAGE)
			.isBetween(expected - allowed, expected + allowed);
	}

	private Gateway startGateway(String name) throws IOException {
		Path file = this.directory.resolve(name + ".binpb");
		int metricsPort = ChildProcess.freePorts(1)[0];
		Collector collector = started(Collector.start(this.directory, name, "otel-config-gateway.yaml",
				Map.of("GATEWAY_DECISION_WAIT", DECISION_WAIT.toSeconds() + "s", "GATEWAY_SLOW_THRESHOLD_MS",
						String.valueOf(SLOW_THRESHOLD_MS), "GATEWAY_SAMPLE_PERCENTAGE",
						String.valueOf(SAMPLE_PERCENTAGE)),
				"""
						exporters:
						  file/e2e:
						    path: %s
						    format: proto
						    append: true
						service:
						  pipelines:
						    traces:
						      exporters: [file/e2e]
						  telemetry:
						    metrics:
						      level: detailed
						      readers:
						        - pull:
						            exporter:
						              prometheus:
						                host: 127.0.0.1
						                port: %d
						""".formatted(Collector.yamlString(file), metricsPort)));
		return new Gateway(name, collector, file, metricsPort, 0);
	}

	private <T extends AutoCloseable> T started(T process) {
		this.started.add(process);
		return process;
	}

	/**
	 * Sends the runs of one phase, four at a time: the slow ones first, so that they run
	 * beside the fast ones, then the failing ones.
	 */
	private List<Run> sendPhase(ConfigurableApplicationContext agent) throws Exception {
		List<Run.Kind> kinds = new ArrayList<>(Collections.nCopies(SLOW_RUNS_PER_PHASE, Run.Kind.SLOW));
		kinds.addAll(Collections.nCopies(FAST_RUNS_PER_PHASE, Run.Kind.FAST));
		kinds.addAll(Collections.nCopies(FAILING_RUNS_PER_PHASE, Run.Kind.FAILING));
		return send(agent, kinds.toArray(Run.Kind[]::new));
	}

	private List<Run> send(ConfigurableApplicationContext agent, Run.Kind... kinds) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<Run>> futures = new ArrayList<>();
			for (Run.Kind kind : kinds) {
				futures.add(executor.submit(() -> {
					HttpResponse<String> response = SampleApps.chat(agent, kind.message, Map.of());
					assertThat(response.statusCode()).as("%s run: %s", kind, response.body()).isEqualTo(kind.status);
					return new Run(kind, SampleApps.traceId(response));
				}));
			}
			List<Run> runs = new ArrayList<>();
			for (Future<Run> future : futures) {
				runs.add(future.get());
			}
			return runs;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Waits until the gateways have decided {@code decisions} traces in all (counted
	 * since each started), and have written every trace they decided to keep.
	 */
	private void awaitDecided(long decisions, List<Gateway> gateways, Supplier<String> logs) throws Exception {
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
				long decided = 0;
				for (Gateway gateway : gateways) {
					Decisions counts = gateway.decisions();
					if (gateway.keptTraces().size() - gateway.tracesBefore() < counts.sampled()) {
						return false;
					}
					decided += counts.total();
				}
				return decided >= decisions;
			});
		}
		catch (ConditionTimeoutException ex) {
			StringBuilder state = new StringBuilder();
			for (Gateway gateway : gateways) {
				state.append(gateway.name).append(": ").append(gateway.decisions()).append(", ");
				state.append(gateway.keptTraces().size()).append(" traces written; log:\n");
				state.append(gateway.collector.log()).append('\n');
			}
			throw new AssertionError("The gateways did not decide " + decisions + " traces: " + state + logs.get(), ex);
		}
	}

	private static void awaitLog(Collector collector, String message, String endpoint) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> collector.log()
				.lines()
				.anyMatch((line) -> line.contains(message) && line.contains("\"" + endpoint + "\"")));
	}

	/**
	 * Asserts that the gateway kept every span of the run, from both services, with its
	 * parentage across the HTTP call to the search service.
	 */
	private static void assertWhole(List<CollectedSpan> trace, List<SpanData> agentSpans, Run run) {
		String description = run.kind() + " run " + run.traceId();
		List<String> spanIds = trace.stream().map(CollectedSpan::spanId).toList();
		assertThat(spanIds).as("span ids of the %s", description).doesNotHaveDuplicates();
		assertThat(trace.stream()
			.filter((span) -> AGENT.equals(span.resource().get("service.name")))
			.map(CollectedSpan::spanId)
			.collect(Collectors.toSet())).as("the agent's spans of the %s", description)
			.isEqualTo(agentSpans.stream().map(SpanData::getSpanId).collect(Collectors.toSet()));
		List<CollectedSpan> roots = trace.stream().filter((span) -> span.parentSpanId().isEmpty()).toList();
		assertThat(roots).as("roots of the %s", description)
			.singleElement()
			.extracting(CollectedSpan::name)
			.isEqualTo("HTTP POST /chat");
		Set<String> ids = new HashSet<>(spanIds);
		assertThat(trace).as("spans of the %s whose parent is missing", description)
			.allMatch((span) -> span.parentSpanId().isEmpty() || ids.contains(span.parentSpanId()));
		CollectedSpan searchServer = trace.stream()
			.filter((span) -> SEARCH_SERVICE.equals(span.resource().get("service.name")))
			.filter((span) -> span.name().equals("HTTP GET /search"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No search service span in the " + description + ": " + trace));
		CollectedSpan caller = trace.stream()
			.filter((span) -> span.spanId().equals(searchServer.parentSpanId()))
			.findFirst()
			.orElseThrow();
		assertThat(caller.resource()).containsEntry("service.name", AGENT);
		assertThat(caller.name()).isEqualTo("http get");
		CollectedSpan tool = trace.stream()
			.filter((span) -> span.spanId().equals(caller.parentSpanId()))
			.findFirst()
			.orElseThrow();
		assertThat(tool.name()).isEqualTo("tool.call search");
		assertThat(searchServer.attributes()).as("the search service's answer in the %s", description)
			.containsEntry("http.response.status_code", (run.kind() == Run.Kind.FAILING) ? "500" : "200");
	}

	/**
	 * One agent run and its trace id.
	 *
	 * @param kind what was asked
	 * @param traceId the trace id of the answer's {@code traceresponse} header
	 */
	private record Run(Kind kind, String traceId) {

		enum Kind {

			/**
			 * A fast run sent first, while the JVMs warm up: it may be slower than the
			 * threshold, so it does not count for the rate.
			 */
			WARM_UP("What is OpenTelemetry?", 200),

			FAST("What is OpenTelemetry?", 200),

			FAILING("What is OpenTelemetry? [fail]", 502),

			SLOW("What is OpenTelemetry? [slow]", 200);

			private final String message;

			private final int status;

			Kind(String message, int status) {
				this.message = message;
				this.status = status;
			}

		}

	}

	/**
	 * A gateway's decisions so far, from its tail sampler's
	 * {@code global_count_traces_sampled} counter.
	 *
	 * @param total traces decided
	 * @param sampled traces kept
	 */
	private record Decisions(long total, long sampled) {

	}

	/**
	 * A gateway collector, the file its kept traces go to and its metrics port.
	 *
	 * @param name its name
	 * @param collector the collector
	 * @param file where it writes the traces it keeps
	 * @param metricsPort the port of its Prometheus endpoint
	 * @param tracesBefore traces in the file before this collector started
	 */
	private record Gateway(String name, Collector collector, Path file, int metricsPort, int tracesBefore) {

		Decisions decisions() throws IOException, InterruptedException {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.metricsPort + "/metrics")).build(),
					HttpResponse.BodyHandlers.ofString());
			long total = 0;
			long sampled = 0;
			for (String line : response.body().lines().toList()) {
				if (line.startsWith("otelcol_processor_tail_sampling_global_count_traces_sampled{")) {
					long count = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
					total += count;
					if (line.contains("sampled=\"true\"")) {
						sampled += count;
					}
				}
			}
			return new Decisions(total, sampled);
		}

		Map<String, List<CollectedSpan>> keptTraces() throws IOException {
			return CollectedSpan.fromFileExporter(this.file)
				.stream()
				.collect(Collectors.groupingBy(CollectedSpan::traceId));
		}

	}

}

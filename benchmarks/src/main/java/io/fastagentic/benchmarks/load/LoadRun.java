package io.fastagentic.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fastagentic.benchmarks.support.Reports;
import io.fastagentic.export.SpanExportMonitor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole-application load run: the sample's {@code POST /chat} under a closed-loop
 * load generator, in each mode (FastAgentic's tracing modes and the peers: plain Spring
 * Boot tracing, the OpenTelemetry Java agent), each in a JVM of its own started the same
 * way ({@link AppProcess}), one after another (in rounds, so that every mode sees the
 * machine's noise alike), exporting over OTLP/HTTP to a local sink in this JVM that
 * decodes and counts the spans. CPU per request is that of the application's JVM alone,
 * read from the operating system. Then a heap soak at 100 % (a JVM of its own too) and
 * the export pipeline's throughput (in this JVM). Everything goes to 127.0.0.1, is
 * bounded in count and stops by itself. Prints markdown tables.
 * <p>
 * Options ({@code --name=value}): {@code clients} (8), {@code jvm-warmup} (10000
 * unmeasured requests in each application JVM before its measured ones), {@code requests}
 * (6000 measured per mode and round), {@code rounds} (3), {@code modes} (all:
 * {@code OFF,RATE_1,RATE_10,RATE_100,RATE_1_RULES,PLAIN_BOOT_100,AGENT_100,AGENT_10}),
 * {@code heap} (1g: {@code -Xms} and {@code -Xmx} of every application JVM),
 * {@code jvm-options} (none: more options of every application JVM, comma-separated),
 * {@code agent} (the OpenTelemetry Java agent's jar, by default the system property
 * {@value #AGENT_PROPERTY}), {@code soak} (40000 requests, 0 to skip),
 * {@code export-rate} (50000 spans/s), {@code export-seconds} (10, 0 to skip).
 */
public final class LoadRun {

	/**
	 * System property naming the OpenTelemetry Java agent's jar (set by
	 * {@code benchmarks/run.sh} and the build's tests).
	 */
	static final String AGENT_PROPERTY = "fastagentic.bench.otel-agent";

	private static final String BODY = "{\"message\":\"What is OpenTelemetry?\"}";

	private static final Pattern HEALTH_EXPORTED = Pattern.compile("\"spansExported\":(\\d+)");

	private static final Pattern HEALTH_DROPPED = Pattern.compile("\"spansDropped\":(\\d+)");

	/**
	 * How long no span must arrive before the agent's spans are taken as all received:
	 * its schedule delay and a second for the export itself.
	 */
	private static final Duration AGENT_QUIET = Duration.ofMillis(LoadMode.AGENT_SCHEDULE_DELAY_MILLIS + 1000);

	private final Settings settings;

	private final OtlpSink sink;

	private final LoadGenerator load;

	private int contexts;

	private LoadRun(Settings settings, OtlpSink sink, LoadGenerator load) {
		this.settings = settings;
		this.sink = sink;
		this.load = load;
	}

	/**
	 * Run it.
	 * @param args options, see the class documentation
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Report report = run(Settings.parse(args));
		System.out.println();
		Reports.publish(report.tables());
	}

	/**
	 * Run the load run.
	 * @param settings its options
	 * @return what it measured, and its tables
	 * @throws Exception on failure
	 */
	static Report run(Settings settings) throws Exception {
		String machine = Reports.machine();
		double loadBefore = Reports.loadAverage();
		System.out.println("Load run: " + settings + "\n" + machine);
		try (OtlpSink sink = OtlpSink.start(true); LoadGenerator load = new LoadGenerator(settings.clients)) {
			LoadRun run = new LoadRun(settings, sink, load);
			Map<LoadMode, List<Phase>> phases = new EnumMap<>(LoadMode.class);
			for (int round = 1; round <= settings.rounds; round++) {
				// Every other round in reverse, so that no mode always comes first.
				List<LoadMode> order = new ArrayList<>(settings.modes);
				if (round % 2 == 0) {
					Collections.reverse(order);
				}
				for (LoadMode mode : order) {
					Phase phase = run.measure(mode);
					phases.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(phase);
					System.out.printf(Locale.ROOT,
							"round %d, %-34s %7.0f req/s, p50 %.2f ms, p99 %.2f ms, app CPU %.0f µs/req, "
									+ "%.2f spans/req received, %d failures%n",
							round, mode.label(), phase.result.throughput(), phase.result.percentileMillis(50),
							phase.result.percentileMillis(99), phase.appCpuMicrosPerRequest(),
							phase.counts.received / (double) phase.result.requests(), phase.result.failures());
				}
			}
			List<long[]> soak = (settings.soak > 0) ? run.soak() : List.of();
			List<Export> exports = (settings.exportSeconds > 0) ? run.exportThroughput() : List.of();
			double loadAfter = Reports.loadAverage();
			return new Report(phases, tables(settings, phases, soak, exports, machine, loadBefore, loadAfter));
		}
	}

	/**
	 * One mode, one round: a fresh JVM, warmed up by unmeasured requests, then the
	 * measured ones.
	 */
	private Phase measure(LoadMode mode) throws Exception {
		try (AppProcess app = AppProcess.start(mode, this.sink.endpoint(), this.settings)) {
			URI uri = app.uri("/chat");
			if (this.settings.jvmWarmup > 0) {
				LoadGenerator.Result warmup = this.load.run(uri, BODY, this.settings.jvmWarmup);
				if (warmup.failures() > 0) {
					System.out.println("WARNING: " + warmup.failures() + " warm-up requests failed in " + mode.label());
				}
			}
			long heapBefore = app.heapAfterGc();
			Counts before = counts(app, mode);
			Map<String, Long> namesBefore = this.sink.spansByName();
			long cpuBefore = app.cpuNanos();
			LoadGenerator.Result result = this.load.run(uri, BODY, this.settings.requests);
			long cpu = app.cpuNanos() - cpuBefore;
			Counts after = counts(app, mode);
			Map<String, Long> names = new TreeMap<>(this.sink.spansByName());
			names.replaceAll((name, count) -> count - namesBefore.getOrDefault(name, 0L));
			names.values().removeIf((count) -> count == 0);
			String health = mode.fastAgentic() ? health(app.uri("/actuator/health/fastagentic")) : "n/a";
			long heapAfter = app.heapAfterGc();
			return new Phase(mode, result, cpu, after.minus(before), names, health, heapBefore, heapAfter);
		}
	}

	/**
	 * The application's counters and the spans the sink received, once every span ended
	 * so far has been exported: flushed by the application, or, for the agent, waited
	 * for.
	 */
	private Counts counts(AppProcess app, LoadMode mode) throws Exception {
		long[] counts = app.counts();
		long received = mode.javaAgent() ? this.sink.awaitQuiet(AGENT_QUIET, Duration.ofMinutes(2)) : this.sink.spans();
		return new Counts(counts[0], counts[1], counts[2], counts[3], received, counts[4], counts[5]);
	}

	private List<long[]> soak() throws Exception {
		try (AppProcess app = AppProcess.start(LoadMode.RATE_100, this.sink.endpoint(), this.settings)) {
			URI uri = app.uri("/chat");
			if (this.settings.jvmWarmup > 0) {
				this.load.run(uri, BODY, this.settings.jvmWarmup);
			}
			List<long[]> heap = new ArrayList<>();
			heap.add(new long[] { 0, app.heapAfterGc() });
			int chunk = Math.max(1, this.settings.soak / 5);
			for (int done = chunk; done <= this.settings.soak; done += chunk) {
				this.load.run(uri, BODY, chunk);
				heap.add(new long[] { done, app.heapAfterGc() });
			}
			System.out.println("soak: heap after GC "
					+ heap.stream().map((point) -> point[0] + " requests: " + mb(point[1])).toList());
			return heap;
		}
	}

	private List<Export> exportThroughput() throws Exception {
		List<Export> exports = new ArrayList<>();
		for (ExportSettings exportSettings : ExportSettings.values()) {
			exports.addAll(exportThroughput(this.sink, "acknowledges at once", exportSettings));
		}
		try (OtlpSink delayedAck = OtlpSink.start(false)) {
			exports.addAll(exportThroughput(delayedAck, "Linux delayed ACK", ExportSettings.BOOT_DEFAULTS));
		}
		return exports;
	}

	private List<Export> exportThroughput(OtlpSink collector, String label, ExportSettings exportSettings)
			throws Exception {
		List<String> arguments = new ArrayList<>(exportSettings.arguments());
		// Drops are expected when offering more than the pipeline takes: counted, not
		// logged.
		arguments.add("--logging.level.io.opentelemetry.sdk.trace.export.BatchSpanProcessor=ERROR");
		ConfigurableApplicationContext context = LoadApp.start(LoadMode.RATE_100, collector.endpoint(),
				"export-" + (++this.contexts), arguments);
		try {
			Tracer tracer = context.getBean(OpenTelemetry.class).getTracer("fastagentic-benchmarks");
			// Warm the pipeline up, unmeasured.
			exportPhase(context, collector, tracer, this.settings.exportRate, 3, label, exportSettings);
			List<Export> exports = new ArrayList<>();
			exports.add(exportPhase(context, collector, tracer, this.settings.exportRate, this.settings.exportSeconds,
					label, exportSettings));
			exports.add(exportPhase(context, collector, tracer, 0, Math.max(1, this.settings.exportSeconds / 2), label,
					exportSettings));
			return exports;
		}
		finally {
			context.close();
		}
	}

	/**
	 * Create spans at a paced rate (or as fast as one thread can, for rate 0) and count
	 * what the export pipeline does with them.
	 */
	private Export exportPhase(ConfigurableApplicationContext context, OtlpSink collector, Tracer tracer, int rate,
			int seconds, String label, ExportSettings exportSettings) {
		LoadApp.flush(context);
		SpanExportMonitor monitor = context.getBean(SpanExportMonitor.class);
		SpanExportMonitor.Snapshot before = monitor.snapshot();
		long sinkBefore = collector.spans();
		long created = 0;
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		if (rate > 0) {
			int perMillisecond = Math.max(1, rate / 1000);
			for (long tick = 0;; tick++) {
				long due = start + tick * 1_000_000L;
				if (due >= end) {
					break;
				}
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				for (int i = 0; i < perMillisecond; i++) {
					span(tracer);
				}
				created += perMillisecond;
			}
		}
		else {
			while (System.nanoTime() < end) {
				for (int i = 0; i < 100; i++) {
					span(tracer);
				}
				created += 100;
			}
		}
		long generated = System.nanoTime();
		LoadApp.flush(context);
		long drained = System.nanoTime();
		SpanExportMonitor.Snapshot after = monitor.snapshot();
		return new Export(label, exportSettings, rate, seconds, created, (generated - start) / 1e9,
				(drained - start) / 1e9, after.exported() - before.exported(), collector.spans() - sinkBefore,
				after.droppedQueueFull() - before.droppedQueueFull(),
				after.droppedExportFailed() - before.droppedExportFailed());
	}

	private static void span(Tracer tracer) {
		Span span = tracer.spanBuilder("llm.call gpt-4o-mini")
			.setSpanKind(SpanKind.CLIENT)
			.setAttribute("gen_ai.operation.name", "chat")
			.setAttribute("gen_ai.provider.name", "openai")
			.setAttribute("gen_ai.request.model", "gpt-4o-mini")
			.setAttribute("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
			.setAttribute("model", "gpt-4o-mini")
			.setAttribute("tokens.prompt", "72")
			.setAttribute("tokens.completion", "41")
			.setAttribute("gen_ai.usage.input_tokens", "72")
			.setAttribute("gen_ai.usage.output_tokens", "41")
			.setAttribute("cost", "0.0000354")
			.startSpan();
		span.end();
	}

	private static String health(URI uri) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher exported = HEALTH_EXPORTED.matcher(response.body());
		Matcher dropped = HEALTH_DROPPED.matcher(response.body());
		return (exported.find() && dropped.find()) ? exported.group(1) + " / " + dropped.group(1) : "not exporting";
	}

	private static String tables(Settings settings, Map<LoadMode, List<Phase>> phases, List<long[]> soak,
			List<Export> exports, String machine, double loadBefore, double loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Sample `POST /chat`, %d clients; each mode and round in a fresh JVM (-Xms%s -Xmx%s%s), %,d unmeasured "
						+ "+ %,d measured requests; %d round(s), median of the rounds; app CPU: the application JVM's "
						+ "user + system time. Peers: plain Spring Boot %s; OpenTelemetry Java agent %s. "
						+ "Machine: %s; load average %.1f before, %.1f after.%n%n",
				settings.clients, settings.heap, settings.heap,
				settings.jvmOptions.stream().map((option) -> " " + option).collect(Collectors.joining()),
				settings.jvmWarmup, settings.requests, settings.rounds, SpringBootVersion.getVersion(),
				settings.agentVersion(), machine, loadBefore, loadAfter));
		out.append("| tracing | req/s | vs off | p50 ms | p99 ms | app CPU µs/req | added CPU µs/req vs off ")
			.append("| added mean latency µs vs off | spans per request: recorded / exported / dropped ")
			.append("| heap after GC, MB: before → after the measured requests |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
		List<Phase> off = phases.get(LoadMode.OFF);
		for (Map.Entry<LoadMode, List<Phase>> entry : phases.entrySet()) {
			List<Phase> mode = entry.getValue();
			double throughput = median(mode, (phase) -> phase.result.throughput());
			double cpu = median(mode, Phase::appCpuMicrosPerRequest);
			double latency = median(mode, (phase) -> phase.result.meanMillis() * 1000);
			Counts counts = mode.stream().map(Phase::counts).reduce(Counts::plus).orElseThrow();
			long requests = mode.stream().mapToLong((phase) -> phase.result.requests()).sum();
			boolean isOff = entry.getKey() == LoadMode.OFF;
			out.append("| ")
				.append(entry.getKey().label())
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.0f", throughput))
				.append(" | ")
				.append((off != null && !isOff) ? String.format(Locale.ROOT, "%.1f %%",
						100 * throughput / median(off, (phase) -> phase.result.throughput())) : "")
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f", median(mode, (phase) -> phase.result.percentileMillis(50))))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f", median(mode, (phase) -> phase.result.percentileMillis(99))))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.0f", cpu))
				.append(" | ")
				.append((off != null && !isOff) ? signed(cpu - median(off, Phase::appCpuMicrosPerRequest)) : "")
				.append(" | ")
				.append((off != null && !isOff)
						? signed(latency - median(off, (phase) -> phase.result.meanMillis() * 1000)) : "")
				.append(" | ")
				.append(perRequest(counts.recorded, requests, "%.2f"))
				.append(" / ")
				.append(perRequest(counts.delivered(), requests, "%.2f"))
				.append(" / ")
				.append(perRequest(counts.dropped(), requests, "%.4f"))
				.append(" | ")
				.append(mb(median(mode, (phase) -> phase.heapBefore)))
				.append(" → ")
				.append(mb(median(mode, (phase) -> phase.heapAfter)))
				.append(" |\n");
		}
		out.append(
				"\nSpans of the measured requests, all rounds (recorded: spans the SDK's processors saw, sampled or ")
			.append("record-only; exported: the exporter's successful exports, as in /actuator/health/fastagentic; ")
			.append("n/a: not counted by that application, such as everything but the sink's count for the agent, ")
			.append("whose spans are counted once none arrived for its schedule delay + 1 s; ")
			.append("received: decoded by the sink; dropped: queue full or export failed):\n\n");
		out.append("| tracing | requests | recorded | sampled | exported | received by the sink | dropped ")
			.append("| kept by a rule / discarded | health: spansExported / spansDropped (last context) |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
		for (Map.Entry<LoadMode, List<Phase>> entry : phases.entrySet()) {
			List<Phase> mode = entry.getValue();
			Counts counts = mode.stream().map(Phase::counts).reduce(Counts::plus).orElseThrow();
			long requests = mode.stream().mapToLong((phase) -> phase.result.requests()).sum();
			long failures = mode.stream().mapToLong((phase) -> phase.result.failures()).sum();
			out.append(String.format(Locale.ROOT, "| %s | %,d%s | %s | %s | %s | %,d | %s | %s | %s |%n",
					entry.getKey().label(), requests, (failures > 0) ? " (" + failures + " failed)" : "",
					count(counts.recorded), count(counts.sampled), count(counts.exported), counts.received,
					count(counts.dropped()),
					(entry.getKey() == LoadMode.RATE_1_RULES) ? counts.keptByRule + " / " + counts.discardedByRule : "",
					mode.get(mode.size() - 1).health));
		}
		out.append("\nSpans received by the sink per request of the measured requests, by name, all rounds:\n\n");
		out.append("| tracing | spans per request |\n|---|---|\n");
		for (Map.Entry<LoadMode, List<Phase>> entry : phases.entrySet()) {
			List<Phase> mode = entry.getValue();
			long requests = mode.stream().mapToLong((phase) -> phase.result.requests()).sum();
			Map<String, Long> names = new TreeMap<>();
			mode.forEach((phase) -> phase.receivedByName.forEach((name, count) -> names.merge(name, count, Long::sum)));
			out.append("| ")
				.append(entry.getKey().label())
				.append(" | ")
				.append(String.join(", ",
						names.entrySet()
							.stream()
							.map((name) -> String.format(Locale.ROOT, "`%s` %.2f", name.getKey(),
									name.getValue() / (double) requests))
							.toList()))
				.append(" |\n");
		}
		if (!soak.isEmpty()) {
			out.append("\nHeap after GC during ")
				.append(String.format(Locale.ROOT, "%,d", soak.get(soak.size() - 1)[0]))
				.append(" more requests at 100 % (one context, checkpoint table emptied before each reading): ");
			out.append(String.join(", ",
					soak.stream()
						.map((point) -> String.format(Locale.ROOT, "%,d: %s MB", point[0], mb(point[1])))
						.toList()));
			out.append('\n');
		}
		if (!exports.isEmpty()) {
			out.append(
					"\nExport pipeline (the batch span processor with Spring Boot's settings, every 5 s; the OTLP/HTTP ")
				.append("exporter; the local sink), spans of 10 attributes created by one thread:\n\n");
			out.append("| collector | queue / batch | offered | spans created | exported | received by the sink ")
				.append("| dropped (queue full / export failed) | export rate, spans/s (until drained) |\n");
			out.append("|---|---|---|---:|---:|---:|---|---:|\n");
			for (Export export : exports) {
				out.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %,d | %,d / %,d | %,.0f |%n",
						export.collector, export.settings.label(),
						(export.rate > 0)
								? String.format(Locale.ROOT, "%,d spans/s for %d s", export.rate, export.seconds)
								: String.format(Locale.ROOT, "as fast as one thread can, %d s (%,.0f spans/s created)",
										export.seconds, export.created / export.generatedSeconds),
						export.created, export.exported, export.received, export.droppedQueueFull,
						export.droppedExportFailed, export.exported / export.drainedSeconds));
			}
		}
		return out.toString();
	}

	private static double median(List<Phase> phases, ToDoubleFunction<Phase> metric) {
		double[] values = phases.stream().mapToDouble(metric).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private static String perRequest(long count, long requests, String format) {
		return (count >= 0) ? String.format(Locale.ROOT, format, count / (double) requests) : "n/a";
	}

	private static String count(long count) {
		return (count >= 0) ? String.format(Locale.ROOT, "%,d", count) : "n/a";
	}

	private static String signed(double value) {
		return String.format(Locale.ROOT, "%+.0f", value);
	}

	private static String mb(double bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
	}

	/**
	 * What a load run measured.
	 *
	 * @param phases the measurements of each mode, one a round
	 * @param tables the markdown tables
	 */
	record Report(Map<LoadMode, List<Phase>> phases, String tables) {
	}

	/**
	 * One mode, one round.
	 *
	 * @param mode the mode
	 * @param result the load generator's measurements
	 * @param cpuNanos CPU time of the application's JVM during the measured requests
	 * @param counts spans of the measured requests
	 * @param receivedByName spans of the measured requests received by the sink, by name
	 * @param health the export health check's counts, for FastAgentic's modes
	 * @param heapBefore heap after GC before the measured requests
	 * @param heapAfter heap after GC after them
	 */
	record Phase(LoadMode mode, LoadGenerator.Result result, long cpuNanos, Counts counts,
			Map<String, Long> receivedByName, String health, long heapBefore, long heapAfter) {

		double appCpuMicrosPerRequest() {
			return this.cpuNanos / 1000.0 / this.result.requests();
		}

	}

	/**
	 * Span counts at one moment, or between two; -1 for what the application does not
	 * count.
	 */
	record Counts(long recorded, long sampled, long exported, long monitorDropped, long received, long keptByRule,
			long discardedByRule) {

		Counts minus(Counts earlier) {
			return new Counts(difference(this.recorded, earlier.recorded), difference(this.sampled, earlier.sampled),
					difference(this.exported, earlier.exported),
					difference(this.monitorDropped, earlier.monitorDropped), this.received - earlier.received,
					this.keptByRule - earlier.keptByRule, this.discardedByRule - earlier.discardedByRule);
		}

		Counts plus(Counts other) {
			return new Counts(sum(this.recorded, other.recorded), sum(this.sampled, other.sampled),
					sum(this.exported, other.exported), sum(this.monitorDropped, other.monitorDropped),
					this.received + other.received, this.keptByRule + other.keptByRule,
					this.discardedByRule + other.discardedByRule);
		}

		long delivered() {
			return (this.exported >= 0) ? this.exported : this.received;
		}

		/**
		 * Spans lost: as FastAgentic's monitor counts them, or, without it (the plain
		 * Boot peer), sampled spans that never reached the sink after a flush; -1 when
		 * neither is known (the agent).
		 */
		long dropped() {
			if (this.monitorDropped >= 0) {
				return this.monitorDropped;
			}
			return (this.sampled >= 0) ? Math.max(0, this.sampled - this.received) : -1;
		}

		private static long difference(long later, long earlier) {
			return (later >= 0 && earlier >= 0) ? later - earlier : -1;
		}

		private static long sum(long one, long other) {
			return (one >= 0 && other >= 0) ? one + other : -1;
		}

	}

	/**
	 * One export measurement.
	 */
	record Export(String collector, ExportSettings settings, int rate, int seconds, long created,
			double generatedSeconds, double drainedSeconds, long exported, long received, long droppedQueueFull,
			long droppedExportFailed) {
	}

	/**
	 * The options.
	 *
	 * @param clients concurrent clients
	 * @param jvmWarmup unmeasured requests in each application JVM
	 * @param requests measured requests per mode and round
	 * @param rounds rounds
	 * @param modes the modes measured
	 * @param heap heap size of each application JVM
	 * @param jvmOptions more options of each application JVM
	 * @param agent the OpenTelemetry Java agent's jar, if known
	 * @param soak requests of the heap soak
	 * @param exportRate spans per second offered to the export pipeline
	 * @param exportSeconds duration of the export measurement
	 */
	record Settings(int clients, int jvmWarmup, int requests, int rounds, List<LoadMode> modes, String heap,
			List<String> jvmOptions, @Nullable Path agent, int soak, int exportRate, int exportSeconds) {

		private static final List<String> OPTIONS = List.of("clients", "jvm-warmup", "requests", "rounds", "modes",
				"heap", "jvm-options", "agent", "soak", "export-rate", "export-seconds");

		static Settings parse(String[] args) {
			Map<String, String> options = new HashMap<>();
			for (String arg : args) {
				if (!arg.startsWith("--") || !arg.contains("=")) {
					throw new IllegalArgumentException("Options are --name=value, not " + arg);
				}
				String name = arg.substring(2, arg.indexOf('='));
				if (!OPTIONS.contains(name)) {
					throw new IllegalArgumentException("Unknown option --" + name + "; the options are " + OPTIONS);
				}
				options.put(name, arg.substring(arg.indexOf('=') + 1));
			}
			List<LoadMode> modes = Arrays
				.stream(options
					.getOrDefault("modes", String.join(",", Arrays.stream(LoadMode.values()).map(Enum::name).toList()))
					.split(","))
				.map(String::trim)
				.map(LoadMode::valueOf)
				.toList();
			String agent = options.getOrDefault("agent", System.getProperty(AGENT_PROPERTY));
			return new Settings(integer(options, "clients", 8), integer(options, "jvm-warmup", 10000),
					integer(options, "requests", 6000), integer(options, "rounds", 3), modes,
					options.getOrDefault("heap", "1g"),
					Arrays.stream(options.getOrDefault("jvm-options", "").split(","))
						.filter((option) -> !option.isBlank())
						.toList(),
					(agent != null) ? Path.of(agent) : null, integer(options, "soak", 40000),
					integer(options, "export-rate", 50000), integer(options, "export-seconds", 10));
		}

		private static int integer(Map<String, String> options, String name, int fallback) {
			String value = options.get(name);
			return (value != null) ? Integer.parseInt(value.replace("_", "")) : fallback;
		}

		/**
		 * The agent's version, from its jar's manifest.
		 * @return the version, or "not used"
		 */
		String agentVersion() {
			if (this.agent == null || !Files.isRegularFile(this.agent)) {
				return "not used";
			}
			try (JarFile jar = new JarFile(this.agent.toFile())) {
				String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
				return (version != null) ? version : "of unknown version";
			}
			catch (IOException ex) {
				return "unreadable (" + ex.getMessage() + ")";
			}
		}

	}

}

package io.fastagentic.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.fastagentic.benchmarks.support.BenchContexts;
import io.fastagentic.benchmarks.support.Reports;
import io.fastagentic.benchmarks.support.SpanCounter;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.sample.SampleAgentApplication;
import io.fastagentic.sampling.SamplingMonitor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole-application load run: the sample's {@code POST /chat} under a closed-loop
 * load generator, in each tracing mode, each in a fresh application context in this JVM,
 * one after another (in rounds, so that every mode sees the machine's noise alike),
 * exporting over OTLP/HTTP to a local sink that decodes and counts the spans. Then a heap
 * soak at 100 % and the export pipeline's throughput. Everything goes to 127.0.0.1, is
 * bounded in count and stops by itself. Prints markdown tables.
 * <p>
 * Options ({@code --name=value}): {@code clients} (8), {@code jvm-warmup} (10000 requests
 * per mode in an unmeasured first round), {@code warmup} (2000 requests per mode and
 * round), {@code requests} (6000 measured per mode and round), {@code rounds} (3),
 * {@code modes} (all: {@code OFF,RATE_1,RATE_10,RATE_100,RATE_1_RULES,PLAIN_BOOT_100}),
 * {@code soak} (40000 requests, 0 to skip), {@code export-rate} (50000 spans/s),
 * {@code export-seconds} (10, 0 to skip).
 */
public final class LoadRun {

	private static final String BODY = "{\"message\":\"What is OpenTelemetry?\"}";

	private static final Pattern HEALTH_EXPORTED = Pattern.compile("\"spansExported\":(\\d+)");

	private static final Pattern HEALTH_DROPPED = Pattern.compile("\"spansDropped\":(\\d+)");

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

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
		Settings settings = Settings.parse(args);
		String machine = Reports.machine();
		double loadBefore = Reports.loadAverage();
		System.out.println("Load run: " + settings + "\n" + machine);
		try (OtlpSink sink = OtlpSink.start(true); LoadGenerator load = new LoadGenerator(settings.clients)) {
			LoadRun run = new LoadRun(settings, sink, load);
			if (settings.rounds > 0 && settings.jvmWarmup > 0) {
				run.warmJvm();
			}
			Map<LoadMode, List<Phase>> phases = new EnumMap<>(LoadMode.class);
			for (int round = 1; round <= settings.rounds; round++) {
				// Every other round in reverse, so that no mode always comes first.
				List<LoadMode> order = new ArrayList<>(settings.modes);
				if (round % 2 == 0) {
					java.util.Collections.reverse(order);
				}
				for (LoadMode mode : order) {
					Phase phase = run.measure(mode);
					phases.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(phase);
					System.out.printf(Locale.ROOT,
							"round %d, %-30s %7.0f req/s, p50 %.2f ms, p99 %.2f ms, app CPU %.0f µs/req, %d failures%n",
							round, mode.label(), phase.result.throughput(), phase.result.percentileMillis(50),
							phase.result.percentileMillis(99), phase.appCpuMicrosPerRequest(), phase.result.failures());
				}
			}
			List<long[]> soak = (settings.soak > 0) ? run.soak() : List.of();
			List<Export> exports = (settings.exportSeconds > 0) ? run.exportThroughput() : List.of();
			double loadAfter = Reports.loadAverage();
			System.out.println();
			Reports.publish(tables(settings, phases, soak, exports, machine, loadBefore, loadAfter));
		}
	}

	/**
	 * An unmeasured round: requests in a context of every mode, thrown away, so that the
	 * code the modes share (Tomcat, Jackson, H2, the HTTP clients, Micrometer) and the
	 * code of each are compiled before the first measurement. Without it, the first modes
	 * measured run on a JVM still compiling.
	 */
	private void warmJvm() throws Exception {
		for (LoadMode mode : this.settings.modes) {
			ConfigurableApplicationContext context = start(mode, this.sink.endpoint());
			try {
				this.load.run(uri(context, "/chat"), BODY, this.settings.jvmWarmup);
				flush(context);
			}
			finally {
				context.close();
			}
		}
		System.out.println("JVM warmed up: " + this.settings.jvmWarmup + " requests in each mode");
	}

	private Phase measure(LoadMode mode) throws Exception {
		ConfigurableApplicationContext context = start(mode, this.sink.endpoint());
		try {
			URI uri = uri(context, "/chat");
			LoadGenerator.Result warmup = this.load.run(uri, BODY, this.settings.warmup);
			if (warmup.failures() > 0) {
				System.out.println("WARNING: " + warmup.failures() + " warm-up requests failed in " + mode.label());
			}
			flush(context);
			long heapBefore = heapAfterGc(context);
			Counts before = counts(context);
			CpuSnapshot cpuBefore = CpuSnapshot.take();
			LoadGenerator.Result result = this.load.run(uri, BODY, this.settings.requests);
			flush(context);
			CpuSnapshot.Usage cpu = CpuSnapshot.take().since(cpuBefore);
			Counts after = counts(context);
			String health = health(context);
			long heapAfter = heapAfterGc(context);
			return new Phase(mode, result, cpu, after.minus(before), health, heapBefore, heapAfter);
		}
		finally {
			context.close();
		}
	}

	private ConfigurableApplicationContext start(LoadMode mode, String collector, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				// A database of its own per context, closed with it.
				"--spring.datasource.url=jdbc:h2:mem:load-run-" + (++this.contexts),
				// Two INFO lines per request would measure the console, not tracing.
				"--logging.level.io.fastagentic.sample=WARN", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off"));
		arguments.addAll(mode.arguments(collector));
		arguments.addAll(List.of(extraArguments));
		List<Class<?>> sources = new ArrayList<>(List.of(SampleAgentApplication.class, LoadRunSupport.class));
		if (mode.plainBoot()) {
			sources.add(PlainBootPeerConfiguration.class);
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.registerShutdownHook(false);
		if (mode.plainBoot()) {
			BenchContexts.withoutFastAgenticListener(builder.application());
		}
		return builder.run(arguments.toArray(String[]::new));
	}

	private List<long[]> soak() throws Exception {
		ConfigurableApplicationContext context = start(LoadMode.RATE_100, this.sink.endpoint());
		try {
			URI uri = uri(context, "/chat");
			this.load.run(uri, BODY, this.settings.warmup);
			List<long[]> heap = new ArrayList<>();
			flush(context);
			heap.add(new long[] { 0, heapAfterGc(context) });
			int chunk = this.settings.soak / 5;
			for (int done = chunk; done <= this.settings.soak; done += chunk) {
				this.load.run(uri, BODY, chunk);
				flush(context);
				heap.add(new long[] { done, heapAfterGc(context) });
			}
			System.out.println("soak: heap after GC "
					+ heap.stream().map((point) -> point[0] + " requests: " + mb(point[1])).toList());
			return heap;
		}
		finally {
			context.close();
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
		ConfigurableApplicationContext context = start(LoadMode.RATE_100, collector.endpoint(),
				arguments.toArray(String[]::new));
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
		flush(context);
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
		flush(context);
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

	private Counts counts(ConfigurableApplicationContext context) {
		SpanCounter counter = context.getBean(SpanCounter.class);
		SpanExportMonitor monitor = context.getBeanProvider(SpanExportMonitor.class).getIfAvailable();
		SpanExportMonitor.Snapshot snapshot = (monitor != null) ? monitor.snapshot() : null;
		SamplingMonitor sampling = context.getBeanProvider(SamplingMonitor.class).getIfAvailable();
		return new Counts(counter.recorded(), counter.sampled(), (snapshot != null) ? snapshot.exported() : -1,
				(snapshot != null) ? snapshot.dropped() : -1, this.sink.spans(),
				(sampling != null) ? sampling.kept("error") + sampling.kept("slow") : 0,
				(sampling != null) ? sampling.discarded() + sampling.evicted() : 0);
	}

	private static void flush(ConfigurableApplicationContext context) {
		context.getBean(SdkTracerProvider.class).forceFlush().join(60, TimeUnit.SECONDS);
	}

	/**
	 * Heap used after a full collection, the sample's checkpoint table emptied first (it
	 * grows with every request, tracing or not).
	 */
	private static long heapAfterGc(ConfigurableApplicationContext context) throws InterruptedException {
		new JdbcTemplate(context.getBean(DataSource.class)).update("DELETE FROM agent_checkpoint");
		for (int i = 0; i < 3; i++) {
			MEMORY.gc();
			Thread.sleep(100);
		}
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	private static String health(ConfigurableApplicationContext context) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(uri(context, "/actuator/health/fastagentic")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return "n/a";
		}
		Matcher exported = HEALTH_EXPORTED.matcher(response.body());
		Matcher dropped = HEALTH_DROPPED.matcher(response.body());
		return (exported.find() && dropped.find()) ? exported.group(1) + " / " + dropped.group(1) : "not exporting";
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
	}

	private static String tables(Settings settings, Map<LoadMode, List<Phase>> phases, List<long[]> soak,
			List<Export> exports, String machine, double loadBefore, double loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Sample `POST /chat`, %d clients, %,d warm-up + %,d measured requests per mode and round, %d round(s), "
						+ "median of the rounds. Machine: %s; load average %.1f before, %.1f after.%n%n",
				settings.clients, settings.warmup, settings.requests, settings.rounds, machine, loadBefore, loadAfter));
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
				.append(String.format(Locale.ROOT, "%.2f / %.2f / %.4f", counts.recorded / (double) requests,
						counts.delivered() / (double) requests, counts.dropped() / (double) requests))
				.append(" | ")
				.append(mb(median(mode, (phase) -> phase.heapBefore)))
				.append(" → ")
				.append(mb(median(mode, (phase) -> phase.heapAfter)))
				.append(" |\n");
		}
		out.append(
				"\nSpans of the measured requests, all rounds (recorded: spans the SDK's processors saw, sampled or ")
			.append("record-only; exported: the exporter's successful exports, as in /actuator/health/fastagentic; ")
			.append("received: decoded by the sink; dropped: queue full or export failed):\n\n");
		out.append("| tracing | requests | recorded | sampled | exported | received by the sink | dropped ")
			.append("| kept by a rule / discarded | health: spansExported / spansDropped (last context) |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
		for (Map.Entry<LoadMode, List<Phase>> entry : phases.entrySet()) {
			List<Phase> mode = entry.getValue();
			Counts counts = mode.stream().map(Phase::counts).reduce(Counts::plus).orElseThrow();
			long requests = mode.stream().mapToLong((phase) -> phase.result.requests()).sum();
			long failures = mode.stream().mapToLong((phase) -> phase.result.failures()).sum();
			out.append(String
				.format(Locale.ROOT, "| %s | %,d%s | %,d | %,d | %s | %,d | %,d | %s | %s |%n", entry.getKey().label(),
						requests, (failures > 0) ? " (" + failures + " failed)" : "", counts.recorded, counts.sampled,
						(counts.exported >= 0) ? String.format("%,d", counts.exported) : "n/a", counts.received,
						counts.dropped(), (entry.getKey() == LoadMode.RATE_1_RULES)
								? counts.keptByRule + " / " + counts.discardedByRule : "",
						mode.get(mode.size() - 1).health));
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

	private static String signed(double value) {
		return String.format(Locale.ROOT, "%+.0f", value);
	}

	private static String mb(double bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
	}

	/**
	 * One mode, one round.
	 */
	record Phase(LoadMode mode, LoadGenerator.Result result, CpuSnapshot.Usage cpu, Counts counts, String health,
			long heapBefore, long heapAfter) {

		double appCpuMicrosPerRequest() {
			return this.cpu.application() / 1000.0 / this.result.requests();
		}

	}

	/**
	 * Span counts at one moment, or between two.
	 */
	record Counts(long recorded, long sampled, long exported, long monitorDropped, long received, long keptByRule,
			long discardedByRule) {

		Counts minus(Counts earlier) {
			return new Counts(this.recorded - earlier.recorded, this.sampled - earlier.sampled,
					(this.exported >= 0) ? this.exported - earlier.exported : -1,
					(this.monitorDropped >= 0) ? this.monitorDropped - earlier.monitorDropped : -1,
					this.received - earlier.received, this.keptByRule - earlier.keptByRule,
					this.discardedByRule - earlier.discardedByRule);
		}

		Counts plus(Counts other) {
			return new Counts(this.recorded + other.recorded, this.sampled + other.sampled,
					(this.exported >= 0) ? this.exported + other.exported : -1,
					(this.monitorDropped >= 0) ? this.monitorDropped + other.monitorDropped : -1,
					this.received + other.received, this.keptByRule + other.keptByRule,
					this.discardedByRule + other.discardedByRule);
		}

		long delivered() {
			return (this.exported >= 0) ? this.exported : this.received;
		}

		/**
		 * Spans lost: as FastAgentic's monitor counts them, or, without it (the plain
		 * Boot peer), sampled spans that never reached the sink after a flush.
		 */
		long dropped() {
			return (this.monitorDropped >= 0) ? this.monitorDropped : Math.max(0, this.sampled - this.received);
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
	 */
	record Settings(int clients, int jvmWarmup, int warmup, int requests, int rounds, List<LoadMode> modes, int soak,
			int exportRate, int exportSeconds) {

		static Settings parse(String[] args) {
			Map<String, String> options = new java.util.HashMap<>();
			for (String arg : args) {
				if (!arg.startsWith("--") || !arg.contains("=")) {
					throw new IllegalArgumentException("Options are --name=value, not " + arg);
				}
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
			List<LoadMode> modes = Arrays
				.stream(options
					.getOrDefault("modes", String.join(",", Arrays.stream(LoadMode.values()).map(Enum::name).toList()))
					.split(","))
				.map(String::trim)
				.map(LoadMode::valueOf)
				.toList();
			Settings settings = new Settings(integer(options, "clients", 8), integer(options, "jvm-warmup", 10000),
					integer(options, "warmup", 2000), integer(options, "requests", 6000), integer(options, "rounds", 3),
					modes, integer(options, "soak", 40000), integer(options, "export-rate", 50000),
					integer(options, "export-seconds", 10));
			options.keySet()
				.stream()
				.filter((name) -> !List
					.of("clients", "jvm-warmup", "warmup", "requests", "rounds", "modes", "soak", "export-rate",
							"export-seconds")
					.contains(name))
				.findFirst()
				.ifPresent((name) -> {
					throw new IllegalArgumentException("Unknown option --" + name);
				});
			return settings;
		}

		private static int integer(Map<String, String> options, String name, int fallback) {
			String value = options.get(name);
			return (value != null) ? Integer.parseInt(value.replace("_", "")) : fallback;
		}

	}

}

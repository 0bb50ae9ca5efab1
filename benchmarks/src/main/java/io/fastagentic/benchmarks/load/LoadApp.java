package io.fastagentic.benchmarks.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.fastagentic.benchmarks.support.BenchContexts;
import io.fastagentic.benchmarks.support.SpanCounter;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.sample.SampleAgentApplication;
import io.fastagentic.sampling.SamplingMonitor;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample application as the load run measures it, in a JVM of its own: started by
 * {@link AppProcess} with the mode and the sink's URL as arguments, then driven over its
 * standard input, one command a line, each answered by one line starting with
 * {@value #REPLY}: {@code heap} (heap used after a full collection, in bytes),
 * {@code counts} (the application's own span counters) and {@code exit}. Standard input
 * rather than an HTTP endpoint, so that no control request is traced or counted.
 */
public final class LoadApp {

	/**
	 * How every answer on standard output starts (other lines are the application's log).
	 */
	static final String REPLY = "@load-app ";

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private LoadApp() {
	}

	/**
	 * Start the sample and serve commands until {@code exit} or the end of the input.
	 * @param args the mode, the sink's base URL, then Spring Boot arguments
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		LoadMode mode = LoadMode.valueOf(args[0]);
		List<String> extra = List.of(args).subList(2, args.length);
		ConfigurableApplicationContext context = start(mode, args[1], "load-app", extra);
		System.out.println(REPLY + "ready " + context.getEnvironment().getProperty("local.server.port"));
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String command;
		while ((command = commands.readLine()) != null && !command.equals("exit")) {
			String reply = switch (command) {
				case "heap" -> Long.toString(heapAfterGc(context));
				case "counts" -> counts(context);
				default -> "unknown command " + command;
			};
			System.out.println(REPLY + reply);
		}
		context.close();
		// The Java agent flushes its spans in its shutdown hook.
		System.exit(0);
	}

	/**
	 * Start the sample in a mode, on a free port of 127.0.0.1, exporting to a collector.
	 * @param mode the mode
	 * @param collector the collector's OTLP/HTTP base URL
	 * @param database the name of its in-memory database, one per context
	 * @param extraArguments more Spring Boot arguments
	 * @return the running context
	 */
	static ConfigurableApplicationContext start(LoadMode mode, String collector, String database,
			List<String> extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.datasource.url=jdbc:h2:mem:" + database,
				// Two INFO lines per request would measure the console, not tracing.
				"--logging.level.io.fastagentic.sample=WARN", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off"));
		arguments.addAll(mode.arguments(collector));
		arguments.addAll(extraArguments);
		List<Class<?>> sources = new ArrayList<>(List.of(SampleAgentApplication.class));
		if (!mode.javaAgent()) {
			// Counts the spans of the SDK Spring Boot configures (the agent's is its
			// own).
			sources.add(LoadRunSupport.class);
		}
		if (mode.peer()) {
			sources.add(PlainBootPeerConfiguration.class);
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.registerShutdownHook(false);
		if (mode.peer()) {
			BenchContexts.withoutFastAgenticListener(builder.application());
		}
		return builder.run(arguments.toArray(String[]::new));
	}

	/**
	 * Export every span ended so far, if the application has Spring Boot's SDK.
	 * @param context the application
	 */
	static void flush(ConfigurableApplicationContext context) {
		SdkTracerProvider provider = context.getBeanProvider(SdkTracerProvider.class).getIfAvailable();
		if (provider != null) {
			provider.forceFlush().join(60, TimeUnit.SECONDS);
		}
	}

	/**
	 * Heap used after a full collection, the spans flushed and the sample's checkpoint
	 * table emptied first (it grows with every request, tracing or not).
	 */
	private static long heapAfterGc(ConfigurableApplicationContext context) throws InterruptedException {
		flush(context);
		new JdbcTemplate(context.getBean(DataSource.class)).update("DELETE FROM agent_checkpoint");
		for (int i = 0; i < 3; i++) {
			MEMORY.gc();
			Thread.sleep(100);
		}
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	/**
	 * The application's span counters, after a flush: recorded, sampled, exported,
	 * dropped, kept by a rule, discarded by the rules; -1 for what it does not count.
	 */
	private static String counts(ConfigurableApplicationContext context) {
		flush(context);
		SpanCounter counter = context.getBeanProvider(SpanCounter.class).getIfAvailable();
		SpanExportMonitor monitor = context.getBeanProvider(SpanExportMonitor.class).getIfAvailable();
		SpanExportMonitor.Snapshot snapshot = (monitor != null) ? monitor.snapshot() : null;
		SamplingMonitor sampling = context.getBeanProvider(SamplingMonitor.class).getIfAvailable();
		return String.format(Locale.ROOT, "%d %d %d %d %d %d", (counter != null) ? counter.recorded() : -1,
				(counter != null) ? counter.sampled() : -1, (snapshot != null) ? snapshot.exported() : -1,
				(snapshot != null) ? snapshot.dropped() : -1,
				(sampling != null) ? sampling.kept("error") + sampling.kept("slow") : 0,
				(sampling != null) ? sampling.discarded() + sampling.evicted() : 0);
	}

}

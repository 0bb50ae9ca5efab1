package io.fastagentic.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The sample application of one load-run mode in a child JVM ({@link LoadApp}), started
 * the same way for every mode: this JVM's {@code java}, the same heap size, JVM options
 * and class path, the OpenTelemetry Java agent attached for the agent's modes. Its CPU
 * time is read by the operating system ({@code /proc/<pid>/stat}, user + system, through
 * {@link ProcessHandle}), so the load generator and the sink, in this JVM, are never
 * counted as the application's. The environment's {@code OTEL_*}, {@code FASTAGENTIC_*}
 * and {@code SAMPLE_*} variables are not passed on: each mode is configured by its own
 * arguments and variables only.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(2);

	private static final String EXITED = "\u0000exited";

	private final LoadMode mode;

	private final Process process;

	private final Writer commands;

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	private int port;

	private AppProcess(LoadMode mode, Process process) {
		this.mode = mode;
		this.process = process;
		this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread output = new Thread(this::readOutput, "load-app-output-" + process.pid());
		output.setDaemon(true);
		output.start();
	}

	/**
	 * Start the application of a mode and wait until it serves requests.
	 * @param mode the mode
	 * @param collector the sink's OTLP/HTTP base URL
	 * @param settings the load run's options: heap size, JVM options, the agent's jar
	 * @return the running application
	 * @throws IOException if the JVM cannot be started
	 * @throws InterruptedException if interrupted while it starts
	 */
	static AppProcess start(LoadMode mode, String collector, LoadRun.Settings settings)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms" + settings.heap(),
						"-Xmx" + settings.heap()));
		command.addAll(settings.jvmOptions());
		Path agentJar = settings.agent();
		if (mode.javaAgent()) {
			if (agentJar == null) {
				throw new IllegalStateException("The OpenTelemetry Java agent's jar is needed for " + mode.label()
						+ ": give it as --agent=<path> (benchmarks/run.sh and the build put it at "
						+ "benchmarks/target/otel-agent/opentelemetry-javaagent.jar)");
			}
			command.add("-javaagent:" + agentJar);
		}
		command.addAll(
				List.of("-cp", System.getProperty("java.class.path"), LoadApp.class.getName(), mode.name(), collector));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("OTEL_") || name.startsWith("FASTAGENTIC_")
					|| name.startsWith("SAMPLE_"));
		builder.environment().putAll(mode.agentEnvironment(collector));
		AppProcess app = new AppProcess(mode, builder.start());
		try {
			String ready = app.reply(STARTUP_TIMEOUT);
			if (!ready.startsWith("ready ")) {
				throw new IllegalStateException(mode.label() + " did not start: " + ready);
			}
			app.port = Integer.parseInt(ready.substring("ready ".length()));
			return app;
		}
		catch (RuntimeException | InterruptedException ex) {
			app.close();
			throw ex;
		}
	}

	/**
	 * A URL of the application.
	 * @param path the path
	 * @return the URL, on 127.0.0.1
	 */
	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * CPU time the application's JVM used so far, every thread (request threads, the fake
	 * provider, the export thread, GC and JIT).
	 * @return nanoseconds, at the operating system's resolution (clock ticks)
	 */
	long cpuNanos() {
		return this.process.toHandle()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException(
					"The CPU time of process " + this.process.pid() + " cannot be read on this system"))
			.toNanos();
	}

	/**
	 * Heap used after a full collection, see {@link LoadApp}.
	 * @return bytes
	 * @throws IOException if the application cannot be reached
	 * @throws InterruptedException if interrupted
	 */
	long heapAfterGc() throws IOException, InterruptedException {
		return Long.parseLong(ask("heap"));
	}

	/**
	 * The application's own span counters, see {@link LoadApp}.
	 * @return recorded, sampled, exported, dropped, kept by a rule, discarded by the
	 * rules; -1 for what it does not count
	 * @throws IOException if the application cannot be reached
	 * @throws InterruptedException if interrupted
	 */
	long[] counts() throws IOException, InterruptedException {
		String[] values = ask("counts").split(" ");
		long[] counts = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			counts[i] = Long.parseLong(values[i]);
		}
		return counts;
	}

	private String ask(String command) throws IOException, InterruptedException {
		this.commands.write(command + "\n");
		this.commands.flush();
		return reply(REPLY_TIMEOUT);
	}

	private String reply(Duration timeout) throws InterruptedException {
		String reply = this.replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (reply == null) {
			throw new IllegalStateException(this.mode.label() + " did not answer within " + timeout);
		}
		if (reply.equals(EXITED)) {
			throw new IllegalStateException(this.mode.label() + " exited (its output is above)");
		}
		return reply;
	}

	private void readOutput() {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				if (line.startsWith(LoadApp.REPLY)) {
					this.replies.add(line.substring(LoadApp.REPLY.length()));
				}
				else {
					System.out.println("  [" + this.mode.name() + "] " + line);
				}
			}
		}
		catch (IOException ex) {
			// The process ended.
		}
		this.replies.add(EXITED);
	}

	/**
	 * Stop the application (its spans flushed as it shuts down) and wait until its JVM
	 * has exited.
	 */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			try {
				this.commands.write("exit\n");
				this.commands.flush();
			}
			catch (IOException ex) {
				// Already going.
			}
			if (!this.process.waitFor(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
	}

}

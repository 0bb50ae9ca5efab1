package io.fastagentic.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Jaeger v2 as {@code e2e/jaeger/build.sh} builds it, run with in-memory storage, an OTLP
 * gRPC receiver and its query service, all on free loopback ports, and without tracing
 * itself.
 */
final class Jaeger implements AutoCloseable {

	static final String BINARY = "e2e/jaeger/target/jaeger";

	static final String BUILD_SCRIPT = "e2e/jaeger/build.sh";

	private final ChildProcess process;

	private final int otlpGrpcPort;

	private final int queryPort;

	private Jaeger(ChildProcess process, int otlpGrpcPort, int queryPort) {
		this.process = process;
		this.otlpGrpcPort = otlpGrpcPort;
		this.queryPort = queryPort;
	}

	/**
	 * Aborts the calling test unless Jaeger has been built.
	 */
	static void assumeBuilt() {
		assumeTrue(Files.isExecutable(RepositoryFiles.file(BINARY)),
				() -> "No Jaeger at " + BINARY + ": run " + BUILD_SCRIPT + " first (CI always does)");
	}

	/**
	 * Starts Jaeger and waits until its OTLP receiver and its query service accept
	 * connections.
	 * @param directory where the configuration file and Jaeger's log go
	 */
	static Jaeger start(Path directory) throws IOException {
		int[] ports = ChildProcess.freePorts(3);
		Path config = Files.writeString(directory.resolve("jaeger.yaml"), """
				service:
				  extensions: [jaeger_storage, jaeger_query]
				  pipelines:
				    traces:
				      receivers: [otlp]
				      processors: [batch]
				      exporters: [jaeger_storage_exporter]
				  telemetry:
				    metrics:
				      level: none
				extensions:
				  jaeger_storage:
				    backends:
				      memstore:
				        memory:
				          max_traces: 1000
				  jaeger_query:
				    storage:
				      traces: memstore
				    enable_tracing: false
				    http:
				      endpoint: 127.0.0.1:%d
				    grpc:
				      endpoint: 127.0.0.1:%d
				receivers:
				  otlp:
				    protocols:
				      grpc:
				        endpoint: 127.0.0.1:%d
				processors:
				  batch:
				exporters:
				  jaeger_storage_exporter:
				    trace_storage: memstore
				""".formatted(ports[0], ports[1], ports[2]));
		ChildProcess process = ChildProcess.start("Jaeger", directory.resolve("jaeger.log"),
				List.of(RepositoryFiles.file(BINARY).toString(), "--config", config.toString()));
		process.awaitListening(Duration.ofSeconds(30), ports);
		return new Jaeger(process, ports[2], ports[0]);
	}

	/**
	 * The OTLP gRPC endpoint, as the collector's {@code otlp} exporter takes it.
	 */
	String otlpGrpcEndpoint() {
		return "127.0.0.1:" + this.otlpGrpcPort;
	}

	String queryUrl() {
		return "http://127.0.0.1:" + this.queryPort;
	}

	String log() {
		return this.process.log();
	}

	@Override
	public void close() {
		this.process.close();
	}

}

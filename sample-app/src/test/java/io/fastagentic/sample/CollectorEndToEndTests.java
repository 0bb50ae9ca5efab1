package io.fastagentic.sample;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample agent exporting to a real OpenTelemetry Collector, the one
 * {@code e2e/collector/build.sh} builds, running the repository's
 * {@code otel-config.yaml} ({@code memory_limiter}, {@code batch} and {@code attributes}
 * processors as users run them). Only what the tests must change is overridden, through
 * the collector's own config merging: the receivers' ports, and either the pipeline's
 * exporters (a {@code file} exporter whose file the test reads the trace of one chat back
 * from) or the endpoint of the real {@code otlp/jaeger} exporter (Jaeger v2, built by
 * {@code e2e/jaeger/build.sh}, read back through its query API). Each test is aborted,
 * not failed, when a binary it needs has not been built.
 */
class CollectorEndToEndTests {

	@TempDir
	Path directory;

	private Jaeger jaeger;

	private Collector collector;

	private SampleAgent agent;

	@BeforeEach
	void assumeCollectorBuilt() {
		Collector.assumeBuilt();
	}

	@AfterEach
	void stop() {
		try {
			if (this.agent != null) {
				this.agent.close();
			}
		}
		finally {
			try {
				if (this.collector != null) {
					this.collector.close();
				}
			}
			finally {
				if (this.jaeger != null) {
					this.jaeger.close();
				}
			}
		}
	}

	@Test
	void chatTraceExportedOverOtlpHttpPassesThroughTheCollectorPipeline() throws Exception {
		Path traces = startCollectorWritingToFile();
		this.agent = SampleAgent.start("--fastagentic.otel.endpoint=" + this.collector.httpEndpoint());
		assertChatTraceArrivesIn(traces);
	}

	@Test
	void chatTraceExportedOverOtlpGrpcPassesThroughTheCollectorPipeline() throws Exception {
		Path traces = startCollectorWritingToFile();
		this.agent = SampleAgent.start("--fastagentic.otel.protocol=grpc",
				"--fastagentic.otel.endpoint=" + this.collector.grpcEndpoint());
		assertChatTraceArrivesIn(traces);
	}

	@Test
	void chatTraceReachesJaegerThroughTheOtlpJaegerExporterOfThePipeline() throws Exception {
		Jaeger.assumeBuilt();
		this.jaeger = Jaeger.start(this.directory);
		this.collector = Collector.start(this.directory, """
				exporters:
				  otlp/jaeger:
				    endpoint: %s
				""".formatted(this.jaeger.otlpGrpcEndpoint()));
		this.agent = SampleAgent.start("--fastagentic.otel.endpoint=" + this.collector.httpEndpoint());
		SampleAgent.TraceResponse response = this.agent.chat();
		JaegerQuery query = new JaegerQuery(this.jaeger.queryUrl());
		List<CollectedSpan> trace = ChatTrace.awaitComplete(() -> query.trace(response.traceId()),
				() -> this.collector.log() + "\nJaeger's log:\n" + this.jaeger.log());
		ChatTrace.assertArrived(trace, response.traceId(), response.spanId());
	}

	/**
	 * Starts the collector with the pipeline's exporters replaced by a {@code file}
	 * exporter; {@code format: proto} writes the OTLP protobuf messages themselves
	 * (length-prefixed), so the ids need no conversion from OTLP/JSON's hex strings.
	 */
	private Path startCollectorWritingToFile() throws Exception {
		Path traces = this.directory.resolve("traces.binpb");
		this.collector = Collector.start(this.directory, """
				exporters:
				  file/e2e:
				    path: %s
				    format: proto
				service:
				  pipelines:
				    traces:
				      exporters: [file/e2e]
				""".formatted(Collector.yamlString(traces)));
		return traces;
	}

	private void assertChatTraceArrivesIn(Path traces) throws Exception {
		SampleAgent.TraceResponse response = this.agent.chat();
		List<CollectedSpan> trace = ChatTrace.awaitComplete(() -> CollectedSpan.fromFileExporter(traces)
			.stream()
			.filter((span) -> span.traceId().equals(response.traceId()))
			.toList(), this.collector::log);
		ChatTrace.assertArrived(trace, response.traceId(), response.spanId());
	}

}

package io.fastagentic.benchmarks.load;

import java.util.List;

/**
 * Batch span processor settings compared by the export measurement.
 */
enum ExportSettings {

	/**
	 * Spring Boot's defaults: queue 2048, batches of 512.
	 */
	BOOT_DEFAULTS(2048, 512),

	/**
	 * A larger queue: bursts and the exporter's pauses (GC, a slow response) are absorbed
	 * instead of dropped.
	 */
	LARGER_QUEUE(16384, 512),

	/**
	 * A larger queue and larger batches: fewer, bigger OTLP requests.
	 */
	LARGER_QUEUE_AND_BATCH(16384, 2048);

	private final int maxQueueSize;

	private final int maxBatchSize;

	ExportSettings(int maxQueueSize, int maxBatchSize) {
		this.maxQueueSize = maxQueueSize;
		this.maxBatchSize = maxBatchSize;
	}

	String label() {
		return this.maxQueueSize + " / " + this.maxBatchSize + ((this == BOOT_DEFAULTS) ? " (Boot's defaults)" : "");
	}

	List<String> arguments() {
		return List.of("--management.opentelemetry.tracing.export.max-queue-size=" + this.maxQueueSize,
				"--management.opentelemetry.tracing.export.max-batch-size=" + this.maxBatchSize);
	}

}
